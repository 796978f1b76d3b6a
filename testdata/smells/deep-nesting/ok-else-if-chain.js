// An else-if chain does not go deeper, and a callback starts again at 0 (as ESLint counts).
export function classify(users) {
  for (const user of users) {
    if (user.admin) {
      mark(user, 'admin');
    } else if (user.owner) {
      mark(user, 'owner');
    } else if (user.member) {
      mark(user, 'member');
    } else if (user.guest) {
      user.orders.forEach((order) => {
        if (order.open) {
          while (order.pending()) {
            if (order.ready()) {
              order.ship();
            }
          }
        }
      });
    }
  }
}
