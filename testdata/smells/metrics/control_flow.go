// Counts per construct, Go. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. Each `case` of a switch, type switch or
// select is a decision (`case 1, 2:` one); `default` is not. A `func` literal is a function
// of its own; its cognitive complexity is part of the enclosing function's.

package metrics

import (
	"errors"
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
}

type Rect struct {
	W, H float64
}

func straight(a int) int { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1 lines=3
	return a + 1
}

// A declaration without a body (implemented elsewhere) is not measured.
func fastHash(data []byte) uint32

func chain(x int) string { // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
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

func (r *Rect) Area() float64 { // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=1
	return r.W * r.H
}

func (r Rect) Scale(w, h float64, names ...string) Rect { // metrics: cyclomatic=2 cognitive=1 parameters=3 returns=2
	if len(names) > 0 { // metrics: depth=1
		return Rect{W: r.W * w, H: r.H * h}
	}
	return r
}

func loops(items []string, limit int) (total int) { // metrics: cyclomatic=8 cognitive=10 parameters=2 returns=1
	for i := 0; i < limit && i < len(items); i++ { // metrics: boolean-expressions=2
		total += i
	}
	for total > limit || limit < 0 { // metrics: boolean-expressions=2
		total--
	}
	for _, item := range items {
		for {
			if len(item) > total { // metrics: depth=3
				break
			}
			total++
		}
	}
	return
}

func classify(n int, strict bool) string { // metrics: cyclomatic=5 cognitive=3 parameters=2 returns=4
	switch n {
	case 0:
		return "zero"
	case 1, 2, 3:
		fallthrough
	case 4:
		return "small"
	default:
		if strict { // metrics: depth=2
			return "large"
		}
	}
	return "unknown"
}

func kind(v interface{}) string { // metrics: cyclomatic=4 cognitive=1 parameters=1 returns=4
	switch t := v.(type) { // metrics: depth=1
	case int, int64:
		return "integer"
	case string:
		return "string " + t
	case nil:
		return "nil"
	}
	return "other"
}

func receive(in <-chan int, out chan<- int, done chan struct{}) int { // metrics: cyclomatic=5 cognitive=3 parameters=3 returns=2
	count := 0
	for {
		select { // metrics: depth=2
		case v := <-in:
			count += v
		case out <- count:
			count = 0
		case <-done:
			return count
		default:
		}
	}
	return count
}

func sign(a, b, c int) int { // metrics: cyclomatic=9 cognitive=6 parameters=3 returns=4
	switch { // metrics: depth=1
	case a > 0 && b > 0:
		return 1
	case a < 0 || b < 0 && c < 0:
		return -1
	}
	if a == 0 && b == 0 && c == 0 { // metrics: boolean-expressions=3
		return 0
	}
	return 2
}

func find(grid [][]int, target int) (int, int, error) { // metrics: cyclomatic=6 cognitive=13 parameters=2 returns=2
	i, j := 0, 0
rows:
	for i = range grid {
		for j = range grid[i] {
			if grid[i][j] == target { // metrics: depth=3
				break rows
			}
			if grid[i][j] > target {
				continue rows
			}
		}
	}
	if i < 0 {
		goto fail
	}
	return i, j, nil
fail:
	return 0, 0, errors.New("not found")
}

func parse(text string) (n int, err error) { // metrics: cyclomatic=3 cognitive=2 parameters=1 returns=2
	if v, err := fmt.Sscan(text, &n); err != nil || v == 0 { // metrics: boolean-expressions=2 depth=1
		return 0, err
	}
	return n, nil
}

func apply(values []int, keep func(int) bool) []int { // metrics: cyclomatic=2 cognitive=1 parameters=2 returns=1
	out := values[:0]
	add := func(v int) { // metrics: cognitive=1 cyclomatic=2 parameters=1 returns=0
		if keep(v) { // metrics: depth=1
			out = append(out, v)
		}
	}
	for _, v := range values { // metrics: depth=1
		add(v)
	}
	return out
}

func safely(task func() error) (err error) { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=2
	defer func() { // metrics: cognitive=2 cyclomatic=3 parameters=0 returns=0
		// recovered panics become errors
		if r := recover(); r != nil { // metrics: depth=1
			err = fmt.Errorf("panic: %v", r)
		} else if err != nil {
			err = fmt.Errorf("task: %w", err)
		}
	}()
	if strings.HasPrefix("x", "y") { // metrics: depth=1
		return nil
	}
	return task()
}
