export function notifyAll(users) {
  for (const user of users) {
    if (user.active) {
      for (const order of user.orders) {
        if (order.open) {
          try {
            // expect: smells/deep-nesting if value=6
            if (order.total > 100) {
              notify(user, order);
            }
          } catch (e) {
            log(e);
          }
        }
      }
    }
  }
}
