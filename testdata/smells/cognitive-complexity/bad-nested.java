class Totals {
    // expect: smells/cognitive-complexity sum value=17
    int sum(java.util.List<Order> orders, boolean strict) {
        int total = 0;
        for (Order order : orders) {                     // +1
            if (order.paid()) {                          // +2
                for (Line line : order.lines()) {        // +3
                    if (line.qty() > 0 && !line.free()) { // +4, +1
                        total += line.price();
                    } else if (strict) {                 // +1
                        throw new IllegalStateException();
                    } else {                             // +1
                        continue;
                    }
                }
            } else {                                     // +1
                try {
                    order.retry();
                } catch (RuntimeException e) {          // +3
                    total -= 1;
                }
            }
        }
        return total;
    }
}
