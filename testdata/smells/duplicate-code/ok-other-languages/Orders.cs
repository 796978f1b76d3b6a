// settings: duplicate-min-tokens = 50
// The same tokens in C# are not a copy of the Java: families are compared apart.
class Orders {
  int orderTotal(java.util.List<Item> items, int limit) {
    int total = 0;
    int count = items.size();
    System.out.println(count + " items");
    for (Item item : items) {
      if (item.price > limit) {
        total += item.price * 2;
      } else if (item.price < 0) {
        throw new IllegalStateException(String.valueOf(item));
      } else {
        total += item.price;
      }
    }
    return total;
  }
}
