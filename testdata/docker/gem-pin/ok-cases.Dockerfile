FROM ruby:3.3
RUN gem install bundler:2.5.22 && gem install rails -v 7.1.0
