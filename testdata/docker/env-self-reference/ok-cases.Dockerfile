FROM debian:12.5
ENV DIR=/opt/app
ENV BIN=$DIR/bin PATH=$PATH:/opt/app/bin
ENV OTHER='$DIR'
