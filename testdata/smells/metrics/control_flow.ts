// Counts per construct, TypeScript. `metrics:` lists the values measured at that line with
// every threshold at 0; a metric at 0 is not reported. Cyclomatic complexity counts as
// ESLint's `complexity` does: default values and each `?.` are decisions too.

function straight(a: number): number { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1 lines=3
  return a + 1;
}

// An overload signature has no body: nothing is measured.
function describe(value: string): string;
function describe(value: number | string): string { // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
  if (value === 1) { // metrics: depth=1
    return 'one';
  } else if (value === 2) {
    return 'two';
  } else if (typeof value === 'string') {
    return value;
  } else {
    return 'many';
  }
}

function loops(items: string[], limit: number): number { // metrics: cyclomatic=6 cognitive=6 parameters=2 returns=1
  let total = 0;
  for (let i = 0; i < limit; i++) {
    total += i;
  }
  for (const key in items) {
    total += key.length;
  }
  for (const item of items) {
    while (total > limit) { // metrics: depth=2
      total -= item.length;
    }
  }
  do {
    total++;
  } while (total < 0);
  return total;
}

function switches(kind: string, fallback: string = 'x'): string { // metrics: cyclomatic=5 cognitive=1 parameters=2 returns=2
  switch (kind) { // metrics: depth=1
    case 'a':
    case 'b':
      return 'ab';
    case 'c':
      fallback = 'y';
      break;
    default:
      fallback = kind;
  }
  return fallback;
}

function sign(n: number): number { // metrics: cyclomatic=3 cognitive=3 parameters=1 returns=1
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

function admit(age: number, member: boolean, guest: boolean, banned: boolean): boolean { // metrics: cyclomatic=10 cognitive=8 parameters=4 returns=2
  if (age >= 18 && member || guest && !banned) { // metrics: boolean-expressions=4 depth=1
    return true;
  }
  while (member && guest || banned) { // metrics: boolean-expressions=3
    member = false;
  }
  return member && guest && !banned;
}

interface Options { // metrics: class-lines=4
  retries?: number;
  name?: { first?: string };
}

function options(opts?: Options, { retries = 3 }: Options = {}): string { // metrics: cyclomatic=10 cognitive=1 parameters=2 returns=1
  let name = opts?.name?.first ?? 'anonymous';
  const log = opts?.name?.toString;
  name ||= 'x';
  log?.();
  return name + retries;
}

function handlers(task: () => void, retries: number): number { // metrics: cyclomatic=4 cognitive=6 parameters=2 returns=1
  let failures = 0;
  try {
    task();
  } catch (error) {
    const retry = error instanceof Error ? retries : 0;
    outer: for (let i = 0; i < retry; i++) { // metrics: depth=2
      failures++;
      continue outer;
    }
  } finally {
    failures += 1;
  }
  return failures;
}

function find(grid: number[][], target: number): number[] | undefined { // metrics: cyclomatic=5 cognitive=11 parameters=2 returns=1
  let found: number[] | undefined;
  rows: for (let i = 0; i < grid.length; i++) {
    for (let j = 0; j < grid[i].length; j++) {
      if (grid[i][j] === target) { // metrics: depth=3
        found = [i, j];
        break rows;
      }
      if (grid[i][j] > target) {
        continue rows;
      }
    }
  }
  return found;
}

const abs = (x: number): number => x > 0 ? x : -x; // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0

const twice = x => x * 2; // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0

function positives(list: number[], ...more: number[]): number[] { // metrics: cyclomatic=1 cognitive=0 parameters=2 returns=1
  return list.concat(more).filter((item) => { // metrics: cognitive=2 cyclomatic=3 parameters=1 returns=2
    if (item > 0 && item < 100) { // metrics: boolean-expressions=2 depth=1
      return true;
    }
    return false;
  });
}

function counter(start: number) { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1
  function next(step = 1): number { // metrics: cognitive=1 cyclomatic=3 parameters=1 returns=1
    if (step < 0) { // metrics: depth=1
      start = 0;
    }
    return start += step;
  }
  return next;
}

const handlersByName = {
  reset: function (state: { count: number }): void { // metrics: cyclomatic=2 cognitive=0 parameters=1 returns=0
    state.count &&= 0;
  },
  *ids(limit: number): Generator<number> { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0
    for (let id = 0; id < limit; id++) yield id; // metrics: depth=1
  },
};

function* pairs<T>(items: T[]): Generator<[T, T]> { // metrics: cyclomatic=3 cognitive=3 parameters=1 returns=1
  for (let i = 0; i + 1 < items.length; i += 2) {
    if (items[i] === items[i + 1]) continue; // metrics: depth=2
    yield [items[i], items[i + 1]];
  }
  return;
}

enum Color { // metrics: class-lines=5
  Red,
  Green,
  Blue,
}

abstract class Shape { // metrics: class-lines=14
  constructor(protected readonly name: string, public scale = 1) {} // metrics: cyclomatic=2 cognitive=0 parameters=2 returns=0

  abstract area(): number;

  get label(): string { // metrics: cyclomatic=2 cognitive=1 parameters=0 returns=1
    return this.scale > 1 ? `${this.name} x${this.scale}` : this.name;
  }

  onResize = (width: number, height: number): void => { // metrics: cyclomatic=2 cognitive=1 parameters=2 returns=0
    if (width > height) this.scale = width / height; // metrics: depth=1
  };

  // A method with a comment inside: comments are not lines of code.
  describe(verbose: boolean): string { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=1 lines=4
    // only when asked
    /* a block comment line */
    if (verbose) console.log(this.name); // metrics: depth=1
    return this.name;
  }
}

// A class field's initializer and a static block run apart from the function that holds the
// class: their decisions are not the function's (ESLint measures them apart).
function makeWidget(base: string): object { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=1
  class Widget {
    label = base || "widget";
    static ready: boolean;
    static {
      if (base) {
        Widget.ready = true;
      }
    }
  }
  return base ? new Widget() : {};
}
