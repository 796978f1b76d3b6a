// Counts per construct, JavaScript. `metrics:` lists the values measured at that line with
// every threshold at 0; a metric at 0 is not reported. Cyclomatic complexity counts as
// ESLint's `complexity` does.

function straight(a) { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1 lines=3
  return a + 1;
}

function chain(x) { // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
  if (x === 1) { // metrics: depth=1
    return 'one';
  } else if (x === 2) {
    return 'two';
  } else if (x === 3) {
    return 'three';
  } else {
    return 'many';
  }
}

function nested(items, limit) { // metrics: cyclomatic=5 cognitive=7 parameters=2 returns=1
  let total = 0;
  for (const item of items) {
    if (item.price > limit) {
      while (item.count > 0) { // metrics: depth=3
        item.count -= 1;
        total += item.price;
      }
    }
  }
  return total ?? 0;
}

function logic(a, b, c, d) { // metrics: cyclomatic=5 cognitive=4 parameters=4 returns=1
  if (a && b || c && d) { // metrics: boolean-expressions=4 depth=1
    return true;
  }
}

function switches(kind, fallback = 'x') { // metrics: cyclomatic=6 cognitive=1 parameters=2 returns=0
  switch (kind) { // metrics: depth=1
    case 'a':
    case 'b':
      break;
    case 'c':
      fallback = 'y';
      break;
    default:
      fallback = kind;
  }
  const label = kind?.name;
}

function handlers(task) { // metrics: cyclomatic=4 cognitive=6 parameters=1 returns=0
  try {
    task();
  } catch (error) {
    const retry = error.retry ? 1 : 0;
    outer: for (let i = 0; i < retry; i++) { // metrics: depth=2
      continue outer;
    }
  }
}

const arrow = (x) => x > 0 ? x : -x; // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0

function outer(list) { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1
  return list.map((item) => { // metrics: cognitive=1 cyclomatic=2 parameters=1 returns=1
    if (item) { // metrics: depth=1
      return item;
    }
  });
}

class Shape { // metrics: class-lines=8
  area() { // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=1
    return 0;
  }

  // A method with a comment inside: comments are not lines of code.
  describe(verbose) { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0 lines=3
    // only when asked
    if (verbose) console.log(this); // metrics: depth=1
  }
}
