FROM ruby:3.3
# expect: docker/gem-pin bundler
RUN gem install bundler
