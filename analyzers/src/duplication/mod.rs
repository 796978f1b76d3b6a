//! Cross-file duplication over token windows. The per-file pass (`windows`) is a pure
//! function of one file: it lexes Python, and at the first token of every logical line
//! hashes the next `min_tokens` tokens. The cross-file pass (`find`) matches those hashes
//! across all files of the run, extends each match line by line to its full length, and
//! reports every copy after the first once, with the other copies as related locations.
//!
//! Comments, docstrings, import lines and function signatures are left out (as pylint's
//! similarity checker does by default); identifiers and literals are kept as written unless
//! `normalize` is set.

mod code;
mod lexer;

use std::collections::HashMap;
use std::ops::Range;

use tollgate_rules::{python, Finding, LineIndex, Location, Region, Related, Rule};

pub const RULE: &Rule = python::DUPLICATE_CODE;

/// A run of windows: (file, first window, last window).
type Run = (u32, u32, u32);

/// Copies of one run reported at most (the rest is boilerplate), and related copies per finding.
const MAX_COPIES: usize = 200;
const MAX_RELATED: usize = 9;

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub min_tokens: usize,
    pub min_lines: usize,
    /// Treat every identifier as one name and every literal as one value.
    pub normalize: bool,
}

/// The hash of the `min_tokens` tokens from the first token of one logical line.
///
/// A run keeps one per logical line of every Python file until the cross-file pass, so it is
/// kept small: 36 bytes, offsets and positions as `u32` (a file over 4 GiB has no windows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, packed(4))]
pub struct Window {
    hash: u64,
    /// Where the window's first token starts and its last token ends, in bytes.
    start: u32,
    end: u32,
    /// The same as a region, for the other copies, in files no longer at hand.
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
    /// The start of the function signature right before the window's line, or `NO_STATEMENT`.
    statement_start: u32,
}

const _: () = assert!(std::mem::size_of::<Window>() == 36);

const NO_STATEMENT: u32 = u32::MAX;

impl Window {
    /// None when an offset or a position does not fit in 32 bits.
    pub fn new(hash: u64, span: Range<usize>, region: Region, statement_start: Option<usize>) -> Option<Window> {
        let small = |n: usize| u32::try_from(n).ok().filter(|n| *n != NO_STATEMENT);
        Some(Window {
            hash,
            start: small(span.start)?,
            end: small(span.end)?,
            start_line: small(region.start_line)?,
            start_column: small(region.start_column)?,
            end_line: small(region.end_line)?,
            end_column: small(region.end_column)?,
            statement_start: match statement_start {
                Some(start) => small(start)?,
                None => NO_STATEMENT,
            },
        })
    }

    pub fn hash(&self) -> u64 {
        self.hash
    }

    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn region(&self) -> Region {
        Region {
            start_line: self.start_line as usize,
            start_column: self.start_column as usize,
            end_line: self.end_line as usize,
            end_column: self.end_column as usize,
        }
    }

    pub fn statement_start(&self) -> Option<usize> {
        (self.statement_start != NO_STATEMENT).then_some(self.statement_start as usize)
    }
}

/// One file's windows, in order: consecutive windows start on consecutive logical lines.
///
/// Tokens stream through a ring of the last `min_tokens`: memory is the windows (one per
/// logical line), not the tokens, so a one-line data literal of millions of items costs
/// next to nothing here.
pub fn windows(text: &str, options: &Options) -> Vec<Window> {
    windows_of(text, options, |emit| {
        lexer::for_each_token(text, options.normalize, emit)
    })
}

/// [`windows`] for a file of one of the smells' languages: its family seeds the hashes, so
/// that copies are only found among files of one family.
pub fn code_windows(text: &str, family: crate::smells::Language, options: &Options) -> Vec<Window> {
    windows_of(text, options, |emit| {
        code::for_each_token(text, family, options.normalize, emit)
    })
}

fn windows_of(text: &str, options: &Options, tokens: impl FnOnce(&mut dyn FnMut(lexer::Token))) -> Vec<Window> {
    if u32::try_from(text.len()).is_err() {
        return Vec::new();
    }
    let size = options.min_tokens.max(1);
    let index = LineIndex::new(text);
    // Polynomial hashes of every token prefix, so each window's hash costs O(1) rather than
    // O(min_tokens): hash(a..b) = prefix[b] - prefix[a] * BASE^(b - a) (mod 2^64).
    const BASE: u64 = 0x0100_0000_01b3;
    let shift = (0..size).fold(1u64, |acc, _| acc.wrapping_mul(BASE));
    // Per token of the last `size`: the prefix hash before it, where it starts, whether it
    // starts a logical line, and where the signature dropped before its line starts.
    let mut ring: Vec<(u64, usize, bool, Option<usize>)> = vec![(0, 0, false, None); size];
    let mut prefix = 0u64;
    // The ring's slot of this token, which held the token `size` before it; and whether the
    // ring has gone round once (a window of `size` tokens ends at each token from then on).
    let mut slot = 0usize;
    let mut full = false;
    let mut lines = (0, 0);
    let mut out = Vec::new();
    tokens(&mut |token| {
        ring[slot] = (prefix, token.span.start, token.line_start, token.statement_start);
        prefix = prefix.wrapping_mul(BASE).wrapping_add(token.hash);
        slot += 1;
        if slot == size {
            slot = 0;
            full = true;
        }
        if full {
            // The window of `size` tokens that ends with this one starts at the next slot.
            let (before, start, line_start, statement_start) = ring[slot];
            if line_start {
                let span = start..token.span.end;
                let hash = prefix.wrapping_sub(before.wrapping_mul(shift));
                let region = index.region_in_order(&span, &mut lines);
                out.extend(Window::new(hash, span, region, statement_start));
            }
        }
    });
    // Kept until the end of the run: no spare capacity.
    out.shrink_to_fit();
    out
}

/// A copy of code that appears earlier in the run.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    /// Index into the `files` given to `find`.
    pub file: usize,
    pub region: Region,
    /// The copy's bytes in its file.
    pub span: Range<usize>,
    /// Where the function whose body the copy starts begins (its `def`), if it does.
    pub statement_start: Option<usize>,
    /// The other copies: (file index, region), the first copy first.
    pub others: Vec<(usize, Region)>,
    pub lines: usize,
}

/// `files` are the windows of each file, in the run's order (sorted by path).
pub fn find<W: AsRef<[Window]>>(files: &[W], options: &Options) -> Vec<Duplicate> {
    let files: Vec<&[Window]> = files.iter().map(AsRef::as_ref).collect();
    // Every place of every window, by hash then place: 16 bytes a window, where a map of
    // hashes to their places would cost a vector per hash (most hashes occur once).
    let mut places: Vec<(u64, u32, u32)> = Vec::with_capacity(files.iter().map(|w| w.len()).sum());
    for (file, windows) in files.iter().enumerate() {
        for (at, window) in windows.iter().enumerate() {
            places.push((window.hash(), file as u32, at as u32));
        }
    }
    places.sort_unstable();
    let hash_at = |(file, at): (u32, u32)| files[file as usize].get(at as usize).map(Window::hash);
    // A copy: (file, first window, last window) -> the copies it repeats, the first one first.
    let mut copies: HashMap<Run, Vec<Run>> = HashMap::new();
    let mut occurrences: Vec<(u32, u32)> = Vec::new();
    for group in places.chunk_by(|a, b| a.0 == b.0).filter(|group| group.len() > 1) {
        occurrences.clear();
        occurrences.extend(group.iter().map(|&(_, file, at)| (file, at)));
        // Each later occurrence is matched against the first only: linear in the copies, and
        // a hash repeated thousands of times (boilerplate) cannot make the pass quadratic.
        let first = occurrences[0];
        // The last run found for this hash: a later occurrence inside it is part of that copy.
        let mut last_run: Option<Run> = None;
        for &later in occurrences[1..].iter().take(MAX_COPIES) {
            // Only where a match begins: the windows before differ.
            let before = |(f, a): (u32, u32)| a.checked_sub(1).and_then(|a| hash_at((f, a)));
            if before(first).is_some() && before(first) == before(later) {
                continue;
            }
            if last_run.is_some_and(|(f, from, to)| f == later.0 && (from..=to).contains(&later.1)) {
                continue;
            }
            // A run within one file must not overlap itself: it ends where its copy starts.
            // Stopping there (not at the end of the file) keeps a file that repeats itself
            // many times linear.
            let limit = if first.0 == later.0 {
                later.1 - first.1
            } else {
                u32::MAX
            };
            if limit == 0 {
                continue;
            }
            let mut length = 1;
            while length < limit {
                match (
                    hash_at((first.0, first.1 + length)),
                    hash_at((later.0, later.1 + length)),
                ) {
                    (Some(a), Some(b)) if a == b => length += 1,
                    _ => break,
                }
            }
            let run = |(f, a): (u32, u32)| (f, a, a + length - 1);
            last_run = Some(run(later));
            // The other copies of the same run, as far as they repeat it.
            let mut others = vec![run(first)];
            for &other in occurrences.iter().skip(1).filter(|&&o| o != later).take(MAX_RELATED) {
                let same = (0..length).all(|k| hash_at((other.0, other.1 + k)) == hash_at((first.0, first.1 + k)));
                if same {
                    others.push(run(other));
                }
            }
            copies.entry(run(later)).or_default().extend(others);
        }
    }
    let span = |(file, from, to): Run| {
        let windows = files[file as usize];
        let (a, b) = (windows[from as usize].region(), windows[to as usize].region());
        Region {
            start_line: a.start_line,
            start_column: a.start_column,
            end_line: b.end_line,
            end_column: b.end_column,
        }
    };
    let bytes = |(file, from, to): Run| {
        let windows = files[file as usize];
        windows[from as usize].span().start..windows[to as usize].span().end
    };
    let mut out: Vec<Duplicate> = copies
        .into_iter()
        .filter_map(|(copy, mut earlier)| {
            let region = span(copy);
            let lines = region.end_line - region.start_line + 1;
            if lines < options.min_lines {
                return None;
            }
            // The first copy stays first; the rest in order, once.
            let first = earlier[0];
            earlier.sort();
            earlier.dedup();
            earlier.retain(|e| *e != first);
            earlier.insert(0, first);
            let others = earlier.into_iter().map(|e| (e.0 as usize, span(e))).collect();
            Some(Duplicate {
                file: copy.0 as usize,
                region,
                span: bytes(copy),
                statement_start: files[copy.0 as usize][copy.1 as usize].statement_start(),
                others,
                lines,
            })
        })
        .collect();
    // A copy inside a longer copy at the same place says nothing new.
    out.sort_by(|a, b| {
        (a.file, a.region.start_line, std::cmp::Reverse(a.lines)).cmp(&(
            b.file,
            b.region.start_line,
            std::cmp::Reverse(b.lines),
        ))
    });
    let mut kept: Vec<Duplicate> = Vec::new();
    for duplicate in out {
        let inside = kept
            .last()
            .is_some_and(|k| k.file == duplicate.file && k.region.end_line >= duplicate.region.end_line);
        if !inside {
            kept.push(duplicate);
        }
    }
    kept
}

/// The findings of the copies among `files` (each file's path and windows, in the run's
/// order), by file index: a copy at its byte span, with the other copies as related locations.
pub fn findings(files: &[(&str, &[Window])], options: &Options, rule: &'static Rule) -> Vec<(usize, Vec<Finding>)> {
    let windows: Vec<&[Window]> = files.iter().map(|(_, windows)| *windows).collect();
    let mut by_file: Vec<(usize, Vec<Finding>)> = Vec::new();
    // `find` returns the copies by file.
    for duplicate in find(&windows, options) {
        let (first_file, first_region) = &duplicate.others[0];
        let mut finding = Finding::new(
            rule,
            duplicate.span,
            format!(
                "{} lines duplicate {}:{}",
                duplicate.lines, files[*first_file].0, first_region.start_line
            ),
        )
        .with_metric("duplicate-lines", duplicate.lines as u64, options.min_lines as u64);
        if let Some(start) = duplicate.statement_start {
            finding = finding.with_statement_start(start);
        }
        for (other, region) in duplicate.others.iter().take(1 + MAX_RELATED) {
            finding = finding.with_related(Related {
                location: Location::Elsewhere {
                    path: files[*other].0.to_string(),
                    region: *region,
                },
                message: "another copy".to_string(),
            });
        }
        match by_file.last_mut() {
            Some((file, found)) if *file == duplicate.file => found.push(finding),
            _ => by_file.push((duplicate.file, vec![finding])),
        }
    }
    by_file
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPTIONS: Options = Options {
        min_tokens: 50,
        min_lines: 6,
        normalize: false,
    };

    fn block(name: &str) -> String {
        format!(
            "def {name}(items, limit):\n    total = 0\n    count = len(items)\n    for item in items:\n        if item.price > limit:\n            total += item.price * 2\n        elif item.price < 0:\n            raise ValueError(item)\n        else:\n            total += item.price\n    log.info(\"%d items\", count)\n    return total\n"
        )
    }

    #[test]
    fn a_copy_in_another_file_is_reported_once_at_the_later_copy() {
        let body = "    total = 0\n    count = len(items)\n    log.info(\"%d items\", count)\n    for item in items:\n        if item.price > limit:\n            total += item.price * 2\n        elif item.price < 0:\n            raise ValueError(item)\n        else:\n            total += item.price + 1\n    return total\n";
        let a = format!("import os\n\n\ndef first(items, limit):\n{body}");
        let b = format!("def second(items, limit):\n    \"\"\"Docstrings do not count.\"\"\"\n{body}\n\nx = 1\n");
        let files = vec![windows(&a, &OPTIONS), windows(&b, &OPTIONS)];
        let found = find(&files, &OPTIONS);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].file, 1);
        assert_eq!(found[0].region.start_line, 3);
        assert_eq!(found[0].region.end_line, 12);
        // Regions end at the last line-aligned window, so at most a line short of the copy.
        assert_eq!(
            found[0].others,
            vec![(
                0,
                Region {
                    start_line: 5,
                    start_column: 5,
                    end_line: 14,
                    end_column: 36
                }
            )]
        );
    }

    #[test]
    fn findings_are_at_the_copy_s_bytes_and_name_the_other_copies() {
        let a = block("first");
        let b = format!("x = 1\n\n\n{}", block("second"));
        let (wa, wb) = (windows(&a, &OPTIONS), windows(&b, &OPTIONS));
        let found = findings(&[("a.py", &wa), ("b.py", &wb)], &OPTIONS, RULE);
        assert_eq!(found.len(), 1);
        let (file, findings) = &found[0];
        assert_eq!((*file, findings.len()), (1, 1));
        let finding = &findings[0];
        assert!(
            b[finding.span.clone()].starts_with("total = 0\n"),
            "{:?}",
            &b[finding.span.clone()]
        );
        assert_eq!(finding.message, "11 lines duplicate a.py:2");
        assert_eq!(
            finding.related[0].location,
            Location::Elsewhere {
                path: "a.py".to_string(),
                region: find(&[wa, wb], &OPTIONS)[0].others[0].1,
            }
        );
    }

    #[test]
    fn names_matter_unless_normalized() {
        let a = block("first");
        let b = block("second").replace("total", "sum_").replace("item", "row");
        let files = vec![windows(&a, &OPTIONS), windows(&b, &OPTIONS)];
        assert!(find(&files, &OPTIONS).is_empty());
        let normalized = Options {
            normalize: true,
            ..OPTIONS
        };
        let files = vec![windows(&a, &normalized), windows(&b, &normalized)];
        assert_eq!(find(&files, &normalized).len(), 1);
    }

    #[test]
    fn copies_within_one_file_and_short_ones() {
        let text = format!("{}\n\n{}", block("first"), block("second"));
        let found = find(&[windows(&text, &OPTIONS)], &OPTIONS);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].region.start_line, found[0].region.end_line), (16, 26));
        assert_eq!(
            (found[0].others[0].1.start_line, found[0].others[0].1.end_line),
            (2, 12)
        );
        // Fewer tokens than the window: nothing.
        let short = "x = 1\ny = 2\n";
        assert!(find(&[windows(short, &OPTIONS), windows(short, &OPTIONS)], &OPTIONS).is_empty());
    }

    /// A file that repeats the same code many times over is matched in linear time: a copy
    /// is not extended past the copy it repeats, and copies inside a reported run are not
    /// matched again.
    #[test]
    fn a_file_repeated_many_times_over_is_matched_in_linear_time() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/python/metrics");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("testdata/python/metrics")
            .map(|entry| entry.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "py") && !p.ends_with("syntax_error.py"))
            .collect();
        paths.sort();
        let unit: String = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("fixture"))
            .collect();
        let files = vec![windows(&unit.repeat(190), &OPTIONS)];
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = send.send(find(&files, &OPTIONS));
        });
        let found = receive
            .recv_timeout(std::time::Duration::from_secs(5))
            .expect("done within 5 s");
        assert!(!found.is_empty());
    }

    #[test]
    fn comments_and_imports_do_not_count() {
        let code: String = (0..10).map(|i| format!("import mod{i}\n# comment {i}\n")).collect();
        assert!(windows(&code, &OPTIONS).is_empty());
    }
}
