// Counts per construct, Swift. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. `guard` is an `if`; each `case` keyword is a
// decision (`case "M", "m":` is one), `default` is not; closures are part of their function
// and `returns` counts the `return` keywords.

import Foundation

enum Shape { // metrics: class-lines=4
    case circle(radius: Double)
    case rect(width: Double, height: Double)
}

protocol Named { // metrics: class-lines=3
    var name: String { get }
}

struct Item: Named { // metrics: class-lines=5
    let name: String
    let price: Int
    var count: Int
}

func straight(_ a: Int) -> Int { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1 lines=3
    return a + 1
}

func chain(_ x: Int) -> String { // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
    if x == 1 { // metrics: depth=1
        return "one"
    } else if x == 2 {
        return "two"
    } else if x == 3 {
        return "three"
    } else {
        return "many"
    }
}

func price(of item: Item?, discount: Int = 0) -> Int { // metrics: cyclomatic=3 cognitive=2 parameters=2 returns=2
    guard let item = item, item.count > 0 else { // metrics: depth=1
        return 0
    }
    let total = item.price * item.count
    return discount > 0 ? total - discount : total
}

func nested(_ items: [Item], limit: Int) -> Int { // metrics: cyclomatic=4 cognitive=6 parameters=2 returns=1
    var total = 0
    for item in items {
        if item.price > limit {
            var left = item.count
            while left > 0 { // metrics: depth=3
                left -= 1
                total += item.price
            }
        }
    }
    return total
}

func drain(_ queue: inout [Int], force: Bool) -> Int { // metrics: cyclomatic=3 cognitive=2 parameters=2 returns=1 lines=8
    var moved = 0
    // Take at least one, then go on while forced.
    repeat { // metrics: depth=1
        queue.removeFirst()
        moved += 1
    } while force && queue.count > 0 // metrics: boolean-expressions=2
    return moved
}

func ready(_ a: Bool, _ b: Bool, _ c: Bool) -> Bool { // metrics: cyclomatic=9 cognitive=7 parameters=3 returns=2
    if a && b || c { // metrics: boolean-expressions=3 depth=1
        return true
    }
    if (a || b) && c { // metrics: boolean-expressions=3
        print("either")
    }
    return a && b && c
}

func admit(age: Int, member: Bool, guest: Bool, banned: Bool) -> Bool { // metrics: cyclomatic=5 cognitive=4 parameters=4 returns=2
    // tree-sitter-swift 0.7 reads `age >= 18 && ...` as `age >= (18 && ...)`: the condition's
    // root is a comparison, and its operands are not counted (a known grammar bug).
    if age >= 18 && member || guest && !banned { // metrics: boolean-expressions=0 depth=1
        return true
    }
    return false
}

func weight(_ size: Character) -> Int { // metrics: cyclomatic=4 cognitive=1 parameters=1 returns=1
    var w = 0
    switch size { // metrics: depth=1
    case "L":
        w += 2
        fallthrough
    case "M", "m":
        w += 1
        fallthrough
    case "S", "s":
        w += 1
    default:
        w = -1
    }
    return w
}

func area(of shape: Shape, scale: Double) -> Double { // metrics: cyclomatic=5 cognitive=4 parameters=2 returns=3
    switch shape {
    case .circle(let radius):
        return Double.pi * radius * radius * scale
    case let .rect(width, height):
        if width.isNaN || height.isNaN { // metrics: boolean-expressions=2 depth=2
            return 0
        }
        return width * height * scale
    }
}

func load(_ path: String) -> String? { // metrics: cyclomatic=5 cognitive=5 parameters=1 returns=4
    do {
        let text = try String(contentsOfFile: path)
        return text.isEmpty ? nil : text
    } catch let error as CocoaError where error.code == .fileNoSuchFile {
        return nil
    } catch {
        if path.hasPrefix("/") { // metrics: depth=2
            return ""
        }
        return nil
    }
}

func evens(_ values: [Int]) -> [Int] { // metrics: cyclomatic=2 cognitive=2 parameters=1 returns=3
    return values.filter { v in
        if v % 2 == 0 { // metrics: depth=1
            return true
        }
        return false
    }
}

func loud(_ groups: [String: [Int]], threshold: Int) -> Int { // metrics: cyclomatic=3 cognitive=4 parameters=2 returns=3
    var found = 0
    for (_, ids) in groups {
        found += ids.filter { id in
            if id > threshold { // metrics: depth=2
                return true
            }
            return id == Int.max
        }.count
        let sorted = ids.sorted { $0 > $1 }
        print(sorted)
    }
    return found
}

// A labelled `break outer` is the same node as `return x` in this grammar: it adds nothing
// (SonarSource's specification would add 1, for 7).
func find(_ grid: [[Int]], _ target: Int) -> (Int, Int)? { // metrics: cyclomatic=4 cognitive=6 parameters=2 returns=1
    var found: (Int, Int)?
    outer: for (i, row) in grid.enumerated() {
        for (j, cell) in row.enumerated() {
            if cell == target { // metrics: depth=3
                found = (i, j)
                break outer
            }
        }
    }
    return found
}

final class Counter { // metrics: class-lines=28
    private(set) var count = 0
    let limit: Int

    init(limit: Int = 10) { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0
        self.limit = limit
    }

    deinit { // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=0
        print("bye")
    }

    func increment(by step: Int) -> Bool { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=2
        guard count + step <= limit else { // metrics: depth=1
            return false
        }
        count += step
        return true
    }

    // A computed property without `get` is no function (nor in lizard).
    var isFull: Bool {
        return count >= limit
    }

    var remaining: Int {
        get { // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=1
            return limit - count
        }
        set { // metrics: cyclomatic=2 cognitive=1 parameters=0 returns=0
            count = newValue < 0 ? limit : limit - newValue
        }
    }
}

extension Counter { // metrics: class-lines=5
    func reset() { // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=0
        count = 0
    }
}

// A closure outside any function: its parameters (`x in`) are not found.
let clamp: (Double) -> Double = { x in x < 0 ? 0 : x > 1 ? 1 : x } // metrics: cyclomatic=3 cognitive=3 parameters=0 returns=0
