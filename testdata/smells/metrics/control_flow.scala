// Counts per construct, Scala. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. Each `case` keyword is a decision (the
// wildcard `case _` too, and the cases of a `catch`, as lizard counts them); lambdas are part
// of their method, a method defined in another is measured on its own and adds its cognitive
// complexity to the outer one's.

package shop

import scala.collection.mutable
import scala.util.control.NonFatal

case class Item(name: String, price: Int, count: Int) // metrics: class-lines=1

trait Named { // metrics: class-lines=3
  def name: String
}

object Pricing { // metrics: class-lines=96
  def straight(a: Int): Int = a + 1 // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0 lines=1

  def chain(x: Int): String = { // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=0
    if (x == 1) { // metrics: depth=1
      "one"
    } else if (x == 2) {
      "two"
    } else if (x == 3) {
      "three"
    } else {
      "many"
    }
  }

  def total(items: Seq[Item], limit: Int): Int = { // metrics: cyclomatic=4 cognitive=6 parameters=2 returns=0
    var sum = 0
    for (item <- items) {
      if (item.price > limit) {
        var left = item.count
        while (left > 0) { // metrics: depth=3
          left -= 1
          sum += item.price
        }
      }
    }
    sum
  }

  def drain(queue: mutable.Queue[Int], force: Boolean): Int = { // metrics: cyclomatic=4 cognitive=3 parameters=2 returns=0 lines=8
    var moved = 0
    // Take at least one, then go on while forced.
    do { // metrics: depth=1
      queue.dequeue()
      moved += 1
    } while (queue.nonEmpty && force || moved < 1) // metrics: boolean-expressions=3
    moved
  }

  def admit(age: Int, member: Boolean, guest: Boolean, banned: Boolean): Boolean = { // metrics: cyclomatic=6 cognitive=5 parameters=4 returns=1
    if (age >= 18 && member || guest && !banned) { // metrics: boolean-expressions=4 depth=1
      return true
    }
    age > 65 && member
  }

  def describe(value: Any, strict: Boolean): String = value match { // metrics: cyclomatic=8 cognitive=5 parameters=2 returns=0
    case 0 | 1 => "bit"
    // a guard is a decision of its own, for cyclomatic complexity (as lizard counts it)
    case n: Int if n < 0 => "negative"
    case s: String =>
      if (strict && s.isEmpty) "empty" else s // metrics: boolean-expressions=2 depth=2
    case _ => "other"
  }

  def parse(text: String, fallback: Int): Int = { // metrics: cyclomatic=5 cognitive=4 parameters=2 returns=0
    try {
      text.trim.toInt
    } catch {
      case _: NumberFormatException => fallback
      case NonFatal(_) =>
        if (text.startsWith("-")) Int.MinValue else Int.MaxValue // metrics: depth=2
    } finally {
      println("parsed")
    }
  }

  def evens(values: Seq[Int]): Seq[Int] = // metrics: cyclomatic=3 cognitive=4 parameters=1 returns=0
    values.filter { v =>
      if (v > 0 && v % 2 == 0) true else false // metrics: boolean-expressions=2 depth=1
    }

  // a for-comprehension's filter is one too: the loop's body under an `if`
  def positives(values: Seq[Int]): Seq[Int] = for (v <- values if v > 0) yield v // metrics: cyclomatic=3 cognitive=1 parameters=1 returns=0 depth=1

  def loud(groups: Map[String, Seq[Int]], threshold: Int): Int = { // metrics: cyclomatic=3 cognitive=5 parameters=2 returns=0
    var found = 0
    for ((_, ids) <- groups) {
      found += ids.count { id =>
        if (id > threshold) true // metrics: depth=2
        else id == Int.MaxValue
      }
      val sorted = ids.sortWith((a, b) => a > b)
      println(sorted)
    }
    found
  }

  def convert(amount: Int)(rate: Double)(implicit rounding: Boolean): Long = // metrics: cyclomatic=2 cognitive=2 parameters=3 returns=0
    if (rounding) math.round(amount * rate) else (amount * rate).toLong // metrics: depth=1

  def firstNegative(values: Array[Int]): Int = { // metrics: cyclomatic=3 cognitive=3 parameters=1 returns=1
    var i = 0
    while (i < values.length) {
      if (values(i) < 0) { // metrics: depth=2
        return i
      }
      i += 1
    }
    -1
  }

  def summary(items: Seq[Item]): String = { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0
    def label(item: Item): String = // metrics: cognitive=2 cyclomatic=2 parameters=1 returns=0
      if (item.count > 0) item.name else "-" // metrics: depth=1
    items.map(label).mkString(", ")
  }

  val clamp = (x: Double) => if (x < 0) 0.0 else x // metrics: cyclomatic=2 cognitive=2 parameters=1 returns=0 depth=1
  val twice: Int => Int = x => x * 2 // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0
  val byPrice = (a: Item, b: Item) => a.price < b.price // metrics: cyclomatic=1 cognitive=0 parameters=2 returns=0
}

class Counter(val limit: Int = 10) { // metrics: class-lines=11
  private var count = 0

  def increment(step: Int): Boolean = { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=1
    if (count + step > limit) { // metrics: depth=1
      return false
    }
    count += step
    true
  }

  def remaining: Int = limit - count // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=0
}
