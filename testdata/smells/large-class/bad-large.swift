// settings: [swift]
// settings: max-class-lines = 8
// expect: smells/large-class Cart value=9
final class Cart {
    var items: [Item] = []

    func add(_ item: Item) {
        items.append(item)
    }

    func total() -> Int {
        items.reduce(0) { $0 + $1.price }
    }
}
