// Counts per construct, Kotlin. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. Each `when` entry but `else` is a decision
// (`1, 2 ->` one); the elvis operator `?:` is one too. Lambdas and anonymous functions are
// part of the function they are in.

package metrics

import java.io.IOException

fun straight(a: Int): Int { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1 lines=3
    return a + 1
}

fun expression(a: Int, b: Int = 2) = a * b // metrics: cyclomatic=1 cognitive=0 parameters=2 returns=0

fun chain(x: Int): String { // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
    if (x == 1) { // metrics: depth=1
        return "one"
    } else if (x == 2) {
        return "two"
    } else if (x == 3) {
        return "three"
    } else {
        return "many"
    }
}

fun sign(n: Int): Int { // metrics: cyclomatic=3 cognitive=3 parameters=1 returns=1
    return if (n > 0) 1 else if (n < 0) -1 else 0 // metrics: depth=1
}

fun loops(items: List<String>, limit: Int): Int { // metrics: cyclomatic=6 cognitive=6 parameters=2 returns=1
    var total = 0
    for (item in items) {
        while (total > item.length && limit > 0) { // metrics: boolean-expressions=2 depth=2
            total--
        }
    }
    for (i in 0 until limit) {
        total += i
    }
    do {
        total++
    } while (total < 0)
    return total
}

fun describe(value: Any?, strict: Boolean = false): String { // metrics: cyclomatic=7 cognitive=4 parameters=2 returns=1
    val text = when (value) {
        null -> "null"
        0, 1 -> "bit"
        in 2..9 -> "digit"
        is String -> value
        is Int -> if (strict) "int" else "number" // metrics: depth=2
        else -> "other"
    }
    return text
}

fun grade(score: Int, bonus: Boolean): Char = when { // metrics: cyclomatic=6 cognitive=3 parameters=2 returns=0 depth=1
    score >= 90 || bonus && score >= 85 -> 'A'
    score >= 75 -> 'B'
    score >= 50 -> 'C'
    else -> 'F'
}

fun admit(age: Int, member: Boolean, guest: Boolean, banned: Boolean): Boolean { // metrics: cyclomatic=7 cognitive=5 parameters=4 returns=2
    if (age >= 18 && member || guest && !banned) { // metrics: boolean-expressions=4 depth=1
        return true
    }
    return age > 65 && member && !banned
}

fun nameOf(user: Map<String, String>?, fallback: String?): String { // metrics: cyclomatic=3 cognitive=1 parameters=2 returns=1
    return user?.get("name") ?: fallback ?: "anonymous"
}

fun read(path: String, vararg fallbacks: String): String? { // metrics: cyclomatic=4 cognitive=5 parameters=2 returns=3
    try {
        return java.io.File(path).readText()
    } catch (e: IOException) {
        return if (fallbacks.isEmpty()) null else fallbacks[0] // metrics: depth=2
    } catch (e: SecurityException) {
        return null
    } finally {
        println(path)
    }
}

fun find(grid: List<List<Int>>, target: Int): Pair<Int, Int>? { // metrics: cyclomatic=5 cognitive=11 parameters=2 returns=1
    var found: Pair<Int, Int>? = null
    rows@ for (i in grid.indices) {
        for (j in grid[i].indices) {
            if (grid[i][j] == target) { // metrics: depth=3
                found = i to j
                break@rows
            }
            if (grid[i][j] > target) {
                continue@rows
            }
        }
    }
    return found
}

fun positives(values: List<Int>): List<Int> { // metrics: cyclomatic=4 cognitive=6 parameters=1 returns=3
    val kept = values.filter { v ->
        if (v > 0 && v < 100) { // metrics: boolean-expressions=2 depth=1
            return@filter true
        }
        false
    }
    kept.forEach {
        val check = fun(x: Int): Boolean { return x > 0 }
        println(if (check(it)) it else 0)
    }
    return kept
}

val isSmall = { x: Int -> x in 0..9 || x == 100 } // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0

interface Shape { // metrics: class-lines=5
    val name: String

    fun area(): Double

    fun isLarge(limit: Double = 1.0): Boolean = area() > limit // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0
}

class Circle(private val radius: Double) : Shape { // metrics: class-lines=22
    override val name: String
        get() = if (radius > 10) "big circle" else "circle" // metrics: cyclomatic=2 cognitive=2 parameters=0 returns=0 depth=1

    var scale: Double = 1.0
        set(value) { // metrics: cyclomatic=2 cognitive=2 parameters=1 returns=0
            field = if (value > 0) value else 1.0 // metrics: depth=1
        }

    init { // metrics: cyclomatic=2 cognitive=1 parameters=0 returns=0
        require(radius >= 0 || radius.isNaN())
    }

    constructor(x: Int, y: Int) : this(x.toDouble()) { // metrics: cyclomatic=2 cognitive=1 parameters=2 returns=0
        if (y < 0) println("negative") // metrics: depth=1
    }

    override fun area(): Double = Math.PI * radius * radius // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=0

    // A method with comments inside: comments are not lines of code.
    fun describe(verbose: Boolean): String { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=1 lines=4
        // only when asked
        /* a block comment line */
        if (verbose) println(this) // metrics: depth=1
        return name
    }

    companion object { // metrics: class-lines=3
        fun unit() = Circle(1.0) // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=0
    }
}

object Registry { // metrics: class-lines=8
    private val shapes = mutableListOf<Shape>()

    fun register(shape: Shape?): Boolean { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=2
        val s = shape ?: return false
        shapes.add(s)
        return true
    }
}

enum class Level(val weight: Int) { // metrics: class-lines=8
    LOW(1),
    HIGH(10);

    fun next(): Level = when (this) { // metrics: cyclomatic=2 cognitive=1 parameters=0 returns=0 depth=1
        LOW -> HIGH
        else -> LOW
    }
}

data class Point(val x: Int, val y: Int) // metrics: class-lines=1
