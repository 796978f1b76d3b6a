<?php
// Counts per construct, PHP. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. Closures and arrow functions are part of
// their function.

function straight($a) { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1 lines=3
    return $a + 1;
}

function chain($x) { // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
    if ($x === 1) { // metrics: depth=1
        return 'one';
    } elseif ($x === 2) {
        return 'two';
    } else if ($x === 3) {
        return 'three';
    } else {
        return 'many';
    }
}

function colon(array $items, int $limit): int { // metrics: cyclomatic=6 cognitive=7 parameters=2 returns=1
    $total = 0;
    foreach ($items as $item):
        if ($item > $limit): // metrics: depth=2
            $total += $limit;
        elseif ($item < 0):
            continue;
        else:
            $total += $item;
        endif;
    endforeach;
    while ($total > 100 and $limit > 0): // metrics: boolean-expressions=2
        $total -= $limit;
    endwhile;
    return $total;
}

function find(array $grid, int $target): ?array { // metrics: cyclomatic=5 cognitive=11 parameters=2 returns=1
    $found = null;
    for ($i = 0; $i < count($grid); $i++) {
        foreach ($grid[$i] as $j => $cell) {
            if ($cell === $target) { // metrics: depth=3
                $found = [$i, $j];
                break 2;
            }
            if ($cell > $target) {
                continue 2;
            }
        }
    }
    return $found;
}

function drain(array &$queue, bool $force = false): int { // metrics: cyclomatic=4 cognitive=3 parameters=2 returns=1
    $count = 0;
    do { // metrics: depth=1
        array_pop($queue);
        $count++;
    } while (count($queue) > 10 || $force && $count < 3); // metrics: boolean-expressions=3
    return $count;
}

function switches(int $code, string $fallback = 'none'): string { // metrics: cyclomatic=6 cognitive=2 parameters=2 returns=2
    switch ($code) { // metrics: depth=1
        case 1:
        case 2:
            return 'low';
        case 3:
            $fallback = 'three';
            break;
        default:
            $fallback = (string) $code;
    }
    $size = match (true) {
        $code < 10, $code < 0 => 'small',
        $code < 100 => 'medium',
        default => 'large',
    };
    return $fallback . $size;
}

function handlers(callable $task, int $retries): mixed { // metrics: cyclomatic=4 cognitive=4 parameters=2 returns=2
    try { // metrics: depth=1
        return $task();
    } catch (TimeoutException | RuntimeException $e) {
        return $retries > 0 ? handlers($task, $retries - 1) : null;
    } catch (LogicException) {
        throw new RuntimeException('bug');
    } finally {
        echo 'done';
    }
}

function logic($a, $b, $c, $d) { // metrics: cyclomatic=7 cognitive=6 parameters=4 returns=2
    if ($a && $b || $c && $d) { // metrics: boolean-expressions=4 depth=1
        return true;
    }
    $name = $a ?: 'anonymous';
    # `??` is no decision in PHP
    $value = $b ?? $c ?? 'default';
    return $c or $d;
}

function retry(callable $op, int $attempts = 3) { // metrics: cyclomatic=3 cognitive=3 parameters=2 returns=1
    $left = $attempts;
    start:
    $ok = $op();
    if (!$ok && --$left > 0) { // metrics: boolean-expressions=2 depth=1
        goto start;
    }
    return $ok;
}

function closures(array $items, int $floor): array { // metrics: cyclomatic=5 cognitive=8 parameters=2 returns=3
    $kept = array_filter($items, fn($x) => $x > $floor && $x % 2 === 0);
    $mapped = array_map(function ($x) use ($floor) {
        if ($x > 100) { // metrics: depth=1
            return $floor;
        }
        return $x;
    }, $kept);
    usort($mapped, fn($a, $b) => $a === $b ? 0 : ($a < $b ? -1 : 1));
    return $mapped;
}

function outer_sum(array $values): int { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1
    function positive(int $v): bool { // metrics: cognitive=1 cyclomatic=2 parameters=1 returns=2
        if ($v > 0) { // metrics: depth=1
            return true;
        }
        return false;
    }
    return array_sum(array_filter($values, 'positive'));
}

$double = fn(int $x): int => $x > 0 ? $x * 2 : 0; // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0

final class Invoice // metrics: class-lines=13
{
    public function __construct(private array $lines, protected readonly string $currency = 'EUR') { // metrics: cyclomatic=1 cognitive=0 parameters=2 returns=0
    }

    /**
     * Sums the lines and the extras: comments are not lines of code.
     */
    public function total(float ...$extras): float { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=1 lines=5
        // never negative
        $sum = array_sum($this->lines) + array_sum($extras);
        if ($sum < 0) $sum = 0.0; // metrics: depth=1
        return $sum;
    }

    public static function empty(): self { // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=1
        return new self([]);
    }
}

interface Shape // metrics: class-lines=5
{
    public function area(): float;
    /* the shape's name */
    public function name(): string;
}

trait Greets // metrics: class-lines=6
{
    public function greet(?string $name = null): string { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=1
        return 'Hello, ' . ($name === null ? 'world' : $name);
    }
}

enum Suit: string // metrics: class-lines=11
{
    case Hearts = 'H';
    case Spades = 'S';

    public function color(): string { // metrics: cyclomatic=3 cognitive=1 parameters=0 returns=1
        return match ($this) { // metrics: depth=1
            self::Hearts => 'Red',
            self::Spades => 'Black',
        };
    }
}
