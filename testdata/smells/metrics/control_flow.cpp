// Counts per construct, C++. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. Lambdas are part of the function they are in
// (one outside every function is measured on its own); `and` and `or` are `&&` and `||`.

#include <algorithm>
#include <climits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace shop {

struct Item { // metrics: class-lines=5
    std::string name;
    int price;
    int count;
};

class Basket;

class Stack { // metrics: class-lines=12
public:
    explicit Stack(int capacity = 16) : capacity_(capacity) {} // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0
    ~Stack() = default;
    Stack(const Stack &) = delete;

    bool empty() const { return items_.empty(); } // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=1
    void push(int value);
    int pop(int fallback = -1);

private:
    int capacity_;
    std::vector<int> items_;
};

void Stack::push(int value) { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0 lines=6
    // A full stack refuses the value.
    if (static_cast<int>(items_.size()) >= capacity_) { // metrics: depth=1
        throw std::length_error("full");
    }
    items_.push_back(value);
}

int Stack::pop(int fallback) { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=2
    if (items_.empty()) { // metrics: depth=1
        return fallback;
    }
    int top = items_.back();
    items_.pop_back();
    return top;
}

std::string grade(int score, bool curved) { // metrics: cyclomatic=6 cognitive=6 parameters=2 returns=4
    if (score >= 90 or (curved and score >= 85)) { // metrics: boolean-expressions=3 depth=1
        return "A";
    } else if (score >= 75) {
        return "B";
    } else if (score >= 50) {
        return "C";
    } else {
        return "F";
    }
}

int total(const std::vector<Item> &items, int limit) { // metrics: cyclomatic=3 cognitive=3 parameters=2 returns=1
    int sum = 0;
    for (const auto &item : items) {
        if (item.price > limit) { // metrics: depth=2
            continue;
        }
        sum += item.price * item.count;
    }
    return sum;
}

int countdown(int from) { // metrics: cyclomatic=5 cognitive=4 parameters=1 returns=1
    int steps = 0;
    while (from > 0) { // metrics: depth=1
        from /= 2;
        steps++;
    }
    do {
        steps--;
    } while (steps > 10 && from == 0 || steps > 100); // metrics: boolean-expressions=3
    return steps;
}

int weight(char size) { // metrics: cyclomatic=4 cognitive=1 parameters=1 returns=1
    int w = 0;
    switch (size) { // metrics: depth=1
    case 'L':
        w += 2;
        [[fallthrough]];
    case 'M':
        w += 1;
        [[fallthrough]];
    case 'S':
        w += 1;
        break;
    default:
        w = -1;
    }
    return w;
}

int parse_or(const std::string &text, int fallback) { // metrics: cyclomatic=5 cognitive=5 parameters=2 returns=4
    try {
        return std::stoi(text);
    } catch (const std::invalid_argument &) {
        return fallback;
    } catch (const std::out_of_range &) {
        if (text.front() == '-') { // metrics: depth=2
            return INT_MIN;
        }
        return INT_MAX;
    } catch (...) {
        throw;
    }
}

std::vector<int> evens(const std::vector<int> &values) { // metrics: cyclomatic=3 cognitive=3 parameters=1 returns=3
    std::vector<int> out;
    std::copy_if(values.begin(), values.end(), std::back_inserter(out), [](int v) {
        if (v > 0 && v % 2 == 0) { // metrics: boolean-expressions=2 depth=1
            return true;
        }
        return false;
    });
    return out;
}

int loud(const std::map<std::string, std::vector<int>> &groups, int threshold) { // metrics: cyclomatic=4 cognitive=5 parameters=2 returns=4
    int found = 0;
    for (const auto &[name, ids] : groups) {
        found += std::count_if(ids.begin(), ids.end(), [threshold](int id) {
            if (id > threshold) { // metrics: depth=2
                return true;
            }
            return id < 0 || id == INT_MAX;
        });
        std::sort(ids.begin(), ids.end(), [](int a, int b) { return a > b; });
    }
    return found;
}

template <typename T>
T clamp(T value, T low = T(0), T high = T(100)) { // metrics: cyclomatic=3 cognitive=3 parameters=3 returns=1
    return value < low ? low : (value > high ? high : value);
}

class Inventory { // metrics: class-lines=13
public:
    int find(const std::string &name) const { // metrics: cyclomatic=3 cognitive=3 parameters=1 returns=2
        for (std::size_t i = 0; i < items_.size(); ++i) {
            if (items_[i].name == name) { // metrics: depth=2
                return static_cast<int>(i);
            }
        }
        return -1;
    }

private:
    std::vector<Item> items_;
};

}  // namespace shop

auto clamp01 = [](double x) { return x < 0 ? 0.0 : x > 1 ? 1.0 : x; }; // metrics: cyclomatic=3 cognitive=3 parameters=1 returns=1
