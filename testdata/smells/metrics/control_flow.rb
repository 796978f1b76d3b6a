# Counts per construct, Ruby. `metrics:` lists the values measured at that line with every
# threshold at 0; a metric at 0 is not reported. Blocks and lambdas are part of their method.

def straight(a) # metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0 lines=3
  a + 1
end

def chain(x) # metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
  if x == 1 # metrics: depth=1
    return 'one'
  elsif x == 2
    return 'two'
  elsif x == 3
    return 'three'
  else
    return 'many'
  end
end

def modifiers(items, limit) # metrics: cyclomatic=7 cognitive=6 parameters=2 returns=1
  return [] if items.nil? # metrics: depth=1
  items = items.compact unless limit.zero?
  limit -= 1 while limit > items.size
  limit += 1 until limit >= 0
  unless items.empty? || limit.negative? # metrics: boolean-expressions=2
    items = items.take(limit)
  end
  items
end

def greet(user) # metrics: cyclomatic=2 cognitive=2 parameters=1 returns=0
  unless user.guest? # metrics: depth=1
    "Welcome back, #{user.name}"
  else
    'Welcome'
  end
end

def totals(orders, threshold) # metrics: cyclomatic=7 cognitive=10 parameters=2 returns=1
  sum = 0
  for order in orders
    next if order.cancelled?
    while order.pending? && order.retries < 3 # metrics: boolean-expressions=2
      sum += order.total if order.total > threshold # metrics: depth=3
    end
  end
  until sum < 1000
    sum /= 2
  end
  return sum
end

def kind_of(value) # metrics: cyclomatic=4 cognitive=1 parameters=1 returns=0
  case value # metrics: depth=1
  when Integer, Float then :number
  when String
    :text
  when nil then :none
  else :other
  end
end

def shape(point) # metrics: cyclomatic=5 cognitive=2 parameters=1 returns=0
  case point # metrics: depth=1
  in [x, y] if x == y && x > 0 then :diagonal
  in [x, y] then :plane
  in { x: } then :axis
  else :unknown
  end
end

def fetch(url, retries: 3, **options) # metrics: cyclomatic=5 cognitive=5 parameters=3 returns=2
  attempts = 0
  begin
    attempts += 1
    return get(url, **options)
  rescue Timeout::Error, Errno::ECONNRESET => e
    retry if attempts < retries # metrics: depth=1
    raise e
  rescue ArgumentError
    nil
  ensure
    log(url)
  end
  body = get(url) rescue nil
  return body
end

def parse(text) # metrics: cyclomatic=2 cognitive=1 parameters=1 returns=1
  return JSON.parse(text)
rescue JSON::ParserError
  {}
end

def label(user, admin) # metrics: cyclomatic=5 cognitive=4 parameters=2 returns=0
  role = admin && user.active? ? 'admin' : 'user' # metrics: boolean-expressions=2
  user.verified? and user.email or role
end

def active_names(users, min_age = 18) # metrics: cyclomatic=3 cognitive=3 parameters=2 returns=1
  names = users.select do |u|
    u.active? && u.age >= min_age
  end.map { |u| u.name }
  names.each_with_index do |name, i|
    if i.zero? # metrics: depth=1
      puts name
    end
  end
  return names
end

def scorer(weights, &fallback) # metrics: cyclomatic=3 cognitive=5 parameters=2 returns=1
  score = ->(item) do
    if weights.key?(item) # metrics: depth=1
      weights[item]
    else
      fallback.call(item)
    end
  end
  positive = lambda { |x| x.positive? ? x : 0 }
  return score >> positive
end

# A `begin` without `rescue` or `ensure` is no `try`: it does not nest.
def settings # metrics: cyclomatic=1 cognitive=0 parameters=0 returns=0
  @settings = begin
    YAML.load_file('config.yml')
  end
end

# `x ||= y` is no decision: NOTES.md counts `||=` in JavaScript only.
def cache # metrics: cyclomatic=2 cognitive=0 parameters=0 returns=0
  @cache ||= {}
end

def configure(name, port = 80, *hosts, timeout:, retries: 2, **extra, &block) # metrics: cyclomatic=1 cognitive=0 parameters=7 returns=0
  block&.call(name, port, hosts, timeout, retries, extra)
end

CLAMP = ->(v, lo, hi) { v < lo ? lo : v } # metrics: cyclomatic=2 cognitive=1 parameters=3 returns=0

task :report do |t| # metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0
  puts t.name if ENV['VERBOSE'] # metrics: depth=1
end

module Billing # metrics: class-lines=16
  class Invoice # metrics: class-lines=14
    def initialize(lines) # metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0
      @lines = lines
    end

    # Sums the billable lines: comments are not lines of code.
    def total # metrics: cyclomatic=2 cognitive=2 parameters=0 returns=0 lines=3
      # a block is part of its method
      @lines.sum { |l| l.billable? ? l.amount : 0 }
    end

    def self.empty # metrics: cyclomatic=1 cognitive=0 parameters=0 returns=0
      new([])
    end

    class << self # metrics: class-lines=3
      def build(*lines) = new(lines) # metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0
    end
  end
end
