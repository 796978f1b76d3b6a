FROM debian:12.5
# expect: docker/ln-bin-sh ln -sf /bin/bash /bin/sh
RUN ln -sf /bin/bash /bin/sh
