// Counts per construct, Java. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. Each `case` keyword is a decision
// (`case 1: case 2:` two, `case 1, 2 ->` one); `default` is not. Lambdas are part of the
// method they are in; a method of an anonymous class is measured on its own.

package metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

class ControlFlow { // metrics: class-lines=127
    private static final Predicate<String> BLANK = s -> s == null || s.isBlank(); // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0

    private int total;

    public ControlFlow(int total) { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0
        this.total = total < 0 ? 0 : total;
    }

    static int straight(int a) { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1 lines=3
        return a + 1;
    }

    String chain(int x) { // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
        if (x == 1) { // metrics: depth=1
            return "one";
        } else if (x == 2) {
            return "two";
        } else if (x == 3) {
            return "three";
        } else {
            return "many";
        }
    }

    int loops(List<String> items, int limit) { // metrics: cyclomatic=7 cognitive=7 parameters=2 returns=1
        for (int i = 0; i < limit && i < items.size(); i++) { // metrics: boolean-expressions=2
            total += i;
        }
        for (String item : items) {
            while (total > item.length()) { // metrics: depth=2
                total--;
            }
        }
        do {
            total++;
        } while (total < 0 || total > limit); // metrics: boolean-expressions=2
        return total;
    }

    String classic(int n) { // metrics: cyclomatic=6 cognitive=4 parameters=1 returns=3
        String out = "none";
        switch (n) {
            case 0:
            case 1:
                out = "small";
                break;
            case 2:
                if (total > 0) { // metrics: depth=2
                    return "two";
                }
                // falls through
            default:
                out = "large";
        }
        switch (out) {
            case "large":
                return out;
            default:
                return "?";
        }
    }

    int arrows(int day, boolean strict) { // metrics: cyclomatic=4 cognitive=3 parameters=2 returns=1
        int size = switch (day) { // metrics: depth=1
            case 1, 7 -> 0;
            case 2, 3, 4, 5, 6 -> {
                int hours = strict ? 8 : 6;
                yield hours;
            }
            default -> throw new IllegalArgumentException("day " + day);
        };
        return size;
    }

    boolean admit(int age, boolean member, boolean guest, boolean banned) { // metrics: cyclomatic=7 cognitive=5 parameters=4 returns=2
        if (age >= 18 && member || guest && !banned) { // metrics: boolean-expressions=4 depth=1
            return true;
        }
        return age > 65 && member && !banned;
    }

    String read(Reader source, String fallback) { // metrics: cyclomatic=4 cognitive=4 parameters=2 returns=3
        try (BufferedReader in = new BufferedReader(source)) { // metrics: depth=1
            return in.readLine();
        } catch (IOException | IllegalStateException e) {
            return fallback;
        } catch (RuntimeException e) {
            return e.getMessage() != null ? e.getMessage() : fallback;
        } finally {
            total = 0;
        }
    }

    int[] find(int[][] grid, int target) { // metrics: cyclomatic=5 cognitive=11 parameters=2 returns=1
        int[] found = null;
        rows:
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[i].length; j++) {
                if (grid[i][j] == target) { // metrics: depth=3
                    found = new int[] {i, j};
                    break rows;
                }
                if (grid[i][j] > target) {
                    continue rows;
                }
            }
        }
        return found;
    }

    long count(List<String> names, String... prefixes) { // metrics: cyclomatic=4 cognitive=6 parameters=2 returns=3
        return names.stream()
            .filter(name -> {
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix)) { // metrics: depth=2
                        return true;
                    }
                }
                return false;
            })
            .filter(name -> name.length() > 1 && !BLANK.test(name))
            .count();
    }

    Comparator<String> order(boolean reversed) { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1
        return new Comparator<String>() {
            @Override
            public int compare(String a, String b) { // metrics: cognitive=1 cyclomatic=2 parameters=2 returns=2
                if (reversed) { // metrics: depth=1
                    return b.compareTo(a);
                }
                return a.compareTo(b);
            }
        };
    }

    // Comments are not lines of code.
    void log(String message) { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0 lines=3
        // nothing else
        System.out.println(message);
    }
}

interface Shape { // metrics: class-lines=6
    double area();

    default boolean isLarge(double limit) { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=1
        return area() > limit ? true : false;
    }
}

enum Level { // metrics: class-lines=9
    LOW, HIGH;

    Level next() { // metrics: cyclomatic=2 cognitive=1 parameters=0 returns=2
        if (this == LOW) { // metrics: depth=1
            return HIGH;
        }
        return LOW;
    }
}

record Point(int x, int y) { // metrics: class-lines=7
    Point { // metrics: cyclomatic=3 cognitive=2 parameters=0 returns=0
        if (x < 0 || y < 0) { // metrics: boolean-expressions=2 depth=1
            throw new IllegalArgumentException("negative");
        }
    }
}
