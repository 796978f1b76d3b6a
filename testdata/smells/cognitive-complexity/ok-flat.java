class Totals {
    // Flat code with the same decisions scores lower: cognitive complexity weighs nesting.
    int sum(java.util.List<Order> orders, boolean strict) {
        int total = 0;
        for (Order order : orders) {
            total += paidTotal(order, strict);
        }
        return total;
    }

    int paidTotal(Order order, boolean strict) {
        if (!order.paid()) {
            return retry(order);
        }
        int total = 0;
        for (Line line : order.lines()) {
            total += lineTotal(line, strict);
        }
        return total;
    }

    int lineTotal(Line line, boolean strict) {
        if (line.qty() > 0 && !line.free()) {
            return line.price();
        }
        if (strict) {
            throw new IllegalStateException();
        }
        return 0;
    }

    int retry(Order order) {
        try {
            order.retry();
            return 0;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
