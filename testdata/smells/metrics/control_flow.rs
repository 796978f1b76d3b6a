// Counts per construct, Rust. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. `loop` is not a decision but nests; each
// `match` arm after the first, each arm's guard, each `?` and each `let ... else` is one.

use std::num::ParseIntError;

fn straight(a: i32) -> i32 { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0 lines=3
    a + 1
}

fn chain(x: u32) -> &'static str { // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
    if x == 1 { // metrics: depth=1
        return "one";
    } else if x == 2 {
        return "two";
    } else if x == 3 {
        return "three";
    } else {
        return "many";
    }
}

fn first_even(values: &[i32]) -> Option<i32> { // metrics: cyclomatic=5 cognitive=4 parameters=1 returns=2
    let mut iter = values.iter();
    while let Some(&v) = iter.next() {
        if let 0 = v % 2 { // metrics: depth=2
            return Some(v);
        } else if let Some(w) = v.checked_mul(2) {
            println!("{w}");
        }
    }
    let Some(last) = values.last() else {
        return None;
    };
    Some(*last)
}

fn find(grid: &[Vec<i32>], target: i32) -> Option<(usize, usize)> { // metrics: cyclomatic=5 cognitive=11 parameters=2 returns=0
    let mut found = None;
    'outer: for (i, row) in grid.iter().enumerate() {
        for (j, &cell) in row.iter().enumerate() {
            if cell == target { // metrics: depth=3
                found = Some((i, j));
                break 'outer;
            }
            if cell > target {
                continue 'outer;
            }
        }
    }
    found
}

fn retry<F: FnMut() -> Result<u32, String>>(mut op: F, attempts: u32) -> Result<u32, String> { // metrics: cyclomatic=4 cognitive=3 parameters=2 returns=2
    let mut left = attempts;
    loop {
        match op() { // metrics: depth=2
            Ok(v) => return Ok(v),
            Err(e) if left == 0 => return Err(e),
            Err(_) => left -= 1,
        }
    }
}

fn classify(n: i64, strict: bool) -> &'static str { // metrics: cyclomatic=6 cognitive=2 parameters=2 returns=0
    match n { // metrics: depth=1
        0 => "zero",
        // a guard is a decision of its own (as lizard and rust-code-analysis count it), and so
        // is its `&&`; cognitive complexity counts only the `&&`
        x if x < 0 && strict => "negative",
        1 | 2 | 3 => "small",
        _ => "large",
    }
}

fn admit(age: u32, member: bool, guest: bool, banned: bool) -> bool { // metrics: cyclomatic=7 cognitive=5 parameters=4 returns=1
    if age >= 18 && member || guest && !banned { // metrics: boolean-expressions=4 depth=1
        return true;
    }
    age > 65 && member && !banned
}

fn scan(bytes: &[u8], stop: u8) -> usize { // metrics: cyclomatic=3 cognitive=2 parameters=2 returns=0
    let mut i = 0;
    while i < bytes.len() && bytes[i] != stop { // metrics: boolean-expressions=2 depth=1
        i += 1;
    }
    i
}

fn parse_all(lines: &[&str], limit: u32) -> Result<Vec<u32>, ParseIntError> { // metrics: cyclomatic=6 cognitive=7 parameters=2 returns=1
    let mut out = Vec::new();
    for line in lines {
        let n: u32 = line.trim().parse()?;
        let clamp = |v: u32| -> u32 {
            if v > limit { // metrics: depth=2
                return limit;
            }
            v
        };
        out.push(clamp(n));
    }
    let total: u32 = out.iter().copied().map(|v| if v > 10 { v / 2 } else { v }).sum();
    let _ = u32::try_from(total as u64)
        .ok()
        .map(|t| t.to_string().parse::<u32>())
        .transpose()?;
    Ok(out)
}

fn outer_sum(values: &[i32]) -> i32 { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=0
    fn positive(v: i32) -> bool { // metrics: cognitive=1 cyclomatic=2 parameters=1 returns=1
        if v > 0 { // metrics: depth=1
            return true;
        }
        false
    }
    values.iter().filter(|v| positive(**v)).sum()
}

fn chained(opt: Option<i32>, ready: bool, armed: bool) -> bool { // metrics: cyclomatic=4 cognitive=3 parameters=3 returns=0
    if let Some(v) = opt && ready && armed { // metrics: boolean-expressions=3 depth=1
        v > 0
    } else {
        false
    }
}

fn drain(queue: &mut Vec<u32>, open: bool) -> u32 { // metrics: cyclomatic=3 cognitive=2 parameters=2 returns=0
    let mut sum = 0;
    while let Some(v) = queue.pop() && open { // metrics: boolean-expressions=2 depth=1
        sum += v;
    }
    sum
}

static DOUBLE: fn(i32) -> i32 = |x| if x > 0 { x * 2 } else { 0 }; // metrics: cyclomatic=2 cognitive=2 parameters=1 returns=0 depth=1

pub struct Counter {
    count: u32,
}

impl Counter { // metrics: class-lines=9
    pub fn new() -> Self { // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=0
        Counter { count: 0 }
    }

    /* A method with a comment inside:
       comments are not lines of code. */
    pub fn bump(&mut self, by: u32) -> u32 { // metrics: cyclomatic=1 cognitive=0 parameters=2 returns=0 lines=4
        // saturating, never wraps
        self.count = self.count.saturating_add(by);
        self.count
    }
}

impl std::fmt::Display for Counter { // metrics: class-lines=6
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { // metrics: cyclomatic=2 cognitive=0 parameters=2 returns=0
        write!(f, "{}", self.count)?;
        Ok(())
    }
}

trait Describe { // metrics: class-lines=7
    fn name(&self) -> String;

    fn describe(&self, verbose: bool) -> String { // metrics: cyclomatic=2 cognitive=2 parameters=2 returns=0
        let name = self.name();
        if verbose { format!("{name}!") } else { name } // metrics: depth=1
    }
}
