// settings: duplicate-min-tokens = 50
export function orderTotal(items, limit) {
  let total = 0;
  const count = items.length;
  console.log(`${count} items`);
  for (const item of items) {
    if (item.price > limit) {
      total += item.price * 2;
    } else if (item.price < 0) {
      throw new Error(String(item));
    } else {
      total += item.price;
    }
  }
  return total;
}
