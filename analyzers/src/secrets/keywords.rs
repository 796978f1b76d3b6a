//! The keyword pass: every rule's keywords in one case-insensitive Aho-Corasick automaton,
//! a dense table walked a byte at a time. A single walk is a chain of dependent lookups; two
//! walks over the halves of a file, interleaved, keep the core busy with both. Each walk
//! reports every occurrence; the leftmost-longest, non-overlapping ones are then chosen, as a
//! single leftmost-longest search would have found them.

use std::collections::VecDeque;

/// A keyword found: its index in the list the automaton was built from, and its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub keyword: usize,
    pub start: usize,
    pub end: usize,
}

pub struct Keywords {
    /// Byte to column: each byte of a keyword (either case) has its own, every other byte 0.
    classes: [u8; 256],
    stride: usize,
    /// `[state * stride + class]` is the next state, times `stride`, shifted left once; the
    /// low bit says the next state ends a keyword.
    table: Vec<u32>,
    /// Per state, the range of `ends` listing the keywords it ends.
    ending: Vec<(u32, u32)>,
    ends: Vec<u32>,
    lens: Vec<usize>,
    /// A walk started this many bytes early has the state a walk from the start would have:
    /// the state depends only on the last (longest keyword - 1) bytes.
    warm_up: usize,
}

/// Below this size a file is walked once: the second walk's warm-up would not pay.
const SPLIT_FROM: usize = 512;

impl Keywords {
    /// `keywords` in lower case, none empty.
    pub fn new(keywords: &[String]) -> Keywords {
        let mut classes = [0u8; 256];
        let mut next_class = 1usize;
        for byte in keywords.iter().flat_map(|k| k.bytes()) {
            if classes[byte as usize] == 0 {
                // Every keyword byte is distinct; fewer than 255 distinct bytes occur.
                classes[byte as usize] = u8::try_from(next_class).expect("fewer than 256 keyword bytes");
                next_class += 1;
            }
        }
        for upper in b'A'..=b'Z' {
            classes[upper as usize] = classes[upper.to_ascii_lowercase() as usize];
        }
        let stride = next_class;
        // The trie: `goto[state * stride + class]`, 0 for none (the root is never a target).
        let mut goto = vec![0u32; stride];
        let mut output: Vec<Vec<u32>> = vec![Vec::new()];
        for (index, keyword) in keywords.iter().enumerate() {
            let mut state = 0usize;
            for byte in keyword.bytes() {
                let slot = state * stride + classes[byte as usize] as usize;
                if goto[slot] == 0 {
                    goto[slot] = output.len() as u32;
                    goto.extend(std::iter::repeat_n(0, stride));
                    output.push(Vec::new());
                }
                state = goto[slot] as usize;
            }
            output[state].push(index as u32);
        }
        // Failure links breadth first, filling every missing edge with the failure's edge.
        let states = output.len();
        let mut delta = goto.clone();
        let mut fail = vec![0usize; states];
        let mut queue: VecDeque<usize> = (1..stride).map(|c| delta[c] as usize).filter(|&s| s != 0).collect();
        while let Some(state) = queue.pop_front() {
            let inherited = output[fail[state]].clone();
            output[state].extend(inherited);
            for class in 1..stride {
                let slot = state * stride + class;
                let via_fail = delta[fail[state] * stride + class];
                if goto[slot] == 0 {
                    delta[slot] = via_fail;
                } else {
                    fail[goto[slot] as usize] = via_fail as usize;
                    queue.push_back(goto[slot] as usize);
                }
            }
        }
        let table = delta
            .iter()
            .map(|&to| ((to as usize * stride) as u32) << 1 | u32::from(!output[to as usize].is_empty()))
            .collect();
        let mut ending = Vec::with_capacity(states);
        let mut ends = Vec::new();
        for list in &output {
            ending.push((ends.len() as u32, (ends.len() + list.len()) as u32));
            ends.extend(list);
        }
        let lens: Vec<usize> = keywords.iter().map(String::len).collect();
        let warm_up = lens.iter().max().map_or(0, |n| n - 1);
        Keywords {
            classes,
            stride,
            table,
            ending,
            ends,
            lens,
            warm_up,
        }
    }

    /// The leftmost-longest, non-overlapping keyword occurrences in `hay`, by start, into
    /// `hits` (cleared first).
    pub fn find(&self, hay: &[u8], hits: &mut Vec<Hit>) {
        hits.clear();
        let n = hay.len();
        if n < SPLIT_FROM.max(4 * self.warm_up) {
            self.walk(hay, 0, 0, 0, hits);
        } else {
            // Walk A reports the keywords ending in the first half, walk B (started early by
            // the warm-up) those ending in the second.
            let mid = n / 2;
            let b_from = mid - self.warm_up;
            let (mut a, mut b) = (0usize, 0usize);
            let mut late = Vec::new();
            for i in 0..mid {
                let next_a = self.table[a + self.classes[hay[i] as usize] as usize];
                let next_b = self.table[b + self.classes[hay[b_from + i] as usize] as usize];
                a = (next_a >> 1) as usize;
                b = (next_b >> 1) as usize;
                if next_a & 1 != 0 {
                    self.report(a, i + 1, hits);
                }
                if next_b & 1 != 0 && b_from + i + 1 > mid {
                    self.report(b, b_from + i + 1, &mut late);
                }
            }
            self.walk(hay, b, b_from + mid, mid, &mut late);
            hits.append(&mut late);
        }
        leftmost_longest(hits);
    }

    /// Every keyword occurrence in `hay`, overlapping ones included, by end, into `hits`
    /// (cleared first).
    pub fn occurrences(&self, hay: &[u8], hits: &mut Vec<Hit>) {
        hits.clear();
        self.walk(hay, 0, 0, 0, hits);
    }

    /// Walks `hay[from..]` from `state`, reporting keywords that end after `after`.
    fn walk(&self, hay: &[u8], mut state: usize, from: usize, after: usize, hits: &mut Vec<Hit>) {
        for (i, &byte) in hay.iter().enumerate().skip(from) {
            let next = self.table[state + self.classes[byte as usize] as usize];
            state = (next >> 1) as usize;
            if next & 1 != 0 && i + 1 > after {
                self.report(state, i + 1, hits);
            }
        }
    }

    fn report(&self, state: usize, end: usize, hits: &mut Vec<Hit>) {
        let (from, to) = self.ending[state / self.stride];
        for &keyword in &self.ends[from as usize..to as usize] {
            let keyword = keyword as usize;
            hits.push(Hit {
                keyword,
                start: end - self.lens[keyword],
                end,
            });
        }
    }
}

/// Of all occurrences, the leftmost, and of those starting there the longest; then the same
/// after its end.
fn leftmost_longest(hits: &mut Vec<Hit>) {
    hits.sort_unstable_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.keyword.cmp(&b.keyword))
    });
    let mut reached = 0;
    hits.retain(|hit| {
        let keep = hit.start >= reached;
        if keep {
            reached = hit.end;
        }
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

    /// What the automaton library finds with leftmost-longest semantics.
    fn reference(keywords: &[String], hay: &[u8]) -> Vec<Hit> {
        found_by(&automaton(keywords), hay)
    }

    fn automaton(keywords: &[String]) -> AhoCorasick {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(keywords)
            .unwrap()
    }

    fn found_by(automaton: &AhoCorasick, hay: &[u8]) -> Vec<Hit> {
        automaton
            .find_iter(hay)
            .map(|m| Hit {
                keyword: m.pattern().as_usize(),
                start: m.start(),
                end: m.end(),
            })
            .collect()
    }

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_what_a_leftmost_longest_search_finds() {
        let keywords = words(&[
            "key",
            "api_key",
            "token",
            "pass",
            "password=",
            "sk_live_",
            "sk_",
            "://",
            "-----begin ",
            "eyj",
            "q~",
            "pat",
        ]);
        let finder = Keywords::new(&keywords);
        // A deterministic stream of keyword pieces, case changes and filler, long enough for
        // two walks, with keywords straddling the halves at many offsets.
        let pieces = [
            "KEY",
            "api_",
            "Key",
            "tok",
            "en",
            "PASS",
            "word=",
            "sk_",
            "LIVE_",
            "://",
            "-----BEGIN ",
            "eyJ",
            "q~",
            "path",
            "x",
            " ",
            "\n",
            "pa",
            "ss",
            "api_key",
        ];
        let mut seed = 0x2545_f491_u64;
        let mut hits = Vec::new();
        for length in [0, 1, 7, 100, 511, 512, 513, 2_000, 20_000] {
            let mut hay = String::new();
            while hay.len() < length {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                hay.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            finder.find(hay.as_bytes(), &mut hits);
            assert_eq!(hits, reference(&keywords, hay.as_bytes()), "length {length}");
        }
    }

    #[test]
    fn every_rule_keyword_on_the_secrets_fixtures() {
        let mut keywords: Vec<String> = tollgate_rules::secret_patterns()
            .iter()
            .flat_map(|p| p.keywords.iter().map(|k| k.to_ascii_lowercase()))
            .chain(crate::secrets::generic::KEYWORDS.iter().map(|k| k.to_string()))
            .collect();
        keywords.sort();
        keywords.dedup();
        let finder = Keywords::new(&keywords);
        let reference = automaton(&keywords);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/secrets");
        let mut stack = vec![root];
        let mut hits = Vec::new();
        let mut files = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let hay = std::fs::read(&path).unwrap();
                // Each file alone and doubled: the doubled copy is walked as two halves.
                for hay in [hay.clone(), [hay.as_slice(), &hay].concat()] {
                    finder.find(&hay, &mut hits);
                    assert_eq!(hits, found_by(&reference, &hay), "{}", path.display());
                }
                files += 1;
            }
        }
        assert!(files > 900, "{files}");
    }

    #[test]
    fn occurrences_are_every_overlapping_match() {
        let keywords = words(&["key", "api_key", "_k", "pi", "y"]);
        let finder = Keywords::new(&keywords);
        let reference = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&keywords)
            .unwrap();
        let mut hits = Vec::new();
        for hay in ["api_key", "API_KEYkey", "x", ""] {
            finder.occurrences(hay.as_bytes(), &mut hits);
            let mut expected: Vec<Hit> = reference
                .find_overlapping_iter(hay)
                .map(|m| Hit {
                    keyword: m.pattern().as_usize(),
                    start: m.start(),
                    end: m.end(),
                })
                .collect();
            hits.sort_unstable_by_key(|h| (h.start, h.keyword));
            expected.sort_unstable_by_key(|h| (h.start, h.keyword));
            assert_eq!(hits, expected, "{hay}");
        }
        finder.occurrences(b"api_key", &mut hits);
        assert_eq!(hits.len(), 5, "api_key, pi, _k, key, y");
    }

    #[test]
    fn a_keyword_across_the_middle_is_found_once() {
        let keywords = words(&["secret_access_key", "key"]);
        let finder = Keywords::new(&keywords);
        let mut hits = Vec::new();
        for shift in 0..20 {
            let mut hay = "a".repeat(600 - shift);
            hay.push_str("SECRET_ACCESS_KEY");
            hay.push_str(&"b".repeat(600 + shift));
            finder.find(hay.as_bytes(), &mut hits);
            assert_eq!(hits, reference(&keywords, hay.as_bytes()), "shift {shift}");
            assert_eq!(hits.len(), 1);
        }
    }
}
