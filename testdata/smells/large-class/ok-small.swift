// settings: [swift]
// settings: max-class-lines = 8
final class Cart {
    // Comments are not lines of code.
    var items: [Item] = []

    func add(_ item: Item) {
        items.append(item)
    }
}
