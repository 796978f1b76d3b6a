//! Fingerprints. `line_hashes` is GitHub's `primaryLocationLineHash`, computed as
//! github/codeql-action's upload-sarif does (src/fingerprints.ts): a rolling hash over the
//! next 100 non-blank characters (UTF-16 code units) from the start of each line, with
//! `\r\n` and `\r` read as `\n`, and `:n` counting repeats of the same hash.

use std::collections::{HashMap, VecDeque};
use std::hash::BuildHasherDefault;

use sha2::{Digest, Sha256};

const BLOCK_SIZE: usize = 100;
const MOD: u64 = 37;
const EOF: u64 = 65535;

/// The hash of every line of `text` wanted in `lines` (1-based), as `"<hex>:<n>"`.
pub fn line_hashes(text: &str, lines: &[usize]) -> HashMap<usize, String> {
    let max = lines.iter().copied().max().unwrap_or(0);
    let mut wanted_line = vec![false; max + 1];
    for &line in lines {
        wanted_line[line] = true;
    }
    let mut wanted = HashMap::with_capacity(lines.len());
    let mut hasher = Hasher::new();
    // Called for every line of the file: only the wanted ones are formatted.
    let mut out = |line: usize, hash: u64, count: usize| {
        if wanted_line.get(line) == Some(&true) {
            wanted.insert(line, format!("{hash:x}:{count}"));
        }
    };
    // Every wanted line's window is complete past this line; the rest of the file cannot
    // change it (counts of repeated hashes only depend on earlier lines).
    let done = max + BLOCK_SIZE;
    if text.is_ascii() {
        // ASCII is one UTF-16 code unit per byte.
        hasher.process_all(text.bytes().map(u64::from), done, &mut out);
    } else {
        hasher.process_all(text.encode_utf16().map(u64::from), done, &mut out);
    }
    hasher.finish(&mut out);
    wanted
}

/// The rolling hash of GitHub's algorithm, by prefix sums. Over the stream of characters
/// that are not blanks, `prefix` after n characters is `sum(c[j] * 37^(n-1-j))`; the hash
/// of a line starting at character s is that of the 100 characters from s, which is
/// `prefix(s + 100) - 37^100 * prefix(s)` (all wrapping, as the original's own arithmetic).
/// Each line's prefix at its start waits in `pending` until 100 more characters are in.
struct Hasher {
    prefix: u64,
    /// Characters in the stream so far.
    count: usize,
    /// 37^100, wrapping.
    first_mod: u64,
    /// Lines whose window is not complete yet: (line, prefix at its start, its start).
    pending: VecDeque<(usize, u64, usize)>,
    /// When the front of `pending` is complete (`usize::MAX` when none is pending).
    due: usize,
    line_number: usize,
    line_start: bool,
    prev_cr: bool,
    /// Repeats of each hash; the keys are hashes already, so they are used as they are.
    counts: HashMap<u64, usize, BuildHasherDefault<HashIsKey>>,
}

/// A `Hasher` for `u64` keys that are hashes already: mixing them again through SipHash was
/// a tenth of the fingerprinting of a large report.
#[derive(Default)]
struct HashIsKey(u64);

impl std::hash::Hasher for HashIsKey {
    fn finish(&self) -> u64 {
        // Spread the rolling hash's bits over the bucket index hashbrown takes from the top.
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

impl Hasher {
    fn new() -> Self {
        let first_mod = (0..BLOCK_SIZE).fold(1u64, |acc, _| acc.wrapping_mul(MOD));
        Hasher {
            prefix: 0,
            count: 0,
            first_mod,
            pending: VecDeque::with_capacity(BLOCK_SIZE),
            due: usize::MAX,
            line_number: 0,
            line_start: true,
            prev_cr: false,
            counts: HashMap::default(),
        }
    }

    /// Outputs the line whose window the stream has just completed.
    fn output(&mut self, out: &mut impl FnMut(usize, u64, usize)) {
        let (line, start_prefix, _) = self.pending.pop_front().expect("a line is due");
        let hash = self.prefix.wrapping_sub(self.first_mod.wrapping_mul(start_prefix));
        let count = self.counts.entry(hash).or_insert(0);
        *count += 1;
        out(line, hash, *count);
        self.due = self
            .pending
            .front()
            .map_or(usize::MAX, |&(_, _, start)| start + BLOCK_SIZE);
    }

    fn push(&mut self, current: u64) {
        self.prefix = self.prefix.wrapping_mul(MOD).wrapping_add(current);
        self.count += 1;
    }

    /// Every unit of the text, until the line after `done` begins.
    fn process_all(&mut self, units: impl Iterator<Item = u64>, done: usize, out: &mut impl FnMut(usize, u64, usize)) {
        for unit in units {
            self.process(unit, out);
            if self.line_number > done {
                break;
            }
        }
    }

    fn process(&mut self, mut current: u64, out: &mut impl FnMut(usize, u64, usize)) {
        const SPACE: u64 = b' ' as u64;
        const TAB: u64 = b'\t' as u64;
        const LF: u64 = b'\n' as u64;
        const CR: u64 = b'\r' as u64;
        if current == SPACE || current == TAB || (self.prev_cr && current == LF) {
            self.prev_cr = false;
            return;
        }
        if current == CR {
            current = LF;
            self.prev_cr = true;
        } else {
            self.prev_cr = false;
        }
        if self.count == self.due {
            self.output(out);
        }
        if self.line_start {
            self.line_start = false;
            self.line_number += 1;
            if self.pending.is_empty() {
                self.due = self.count + BLOCK_SIZE;
            }
            self.pending.push_back((self.line_number, self.prefix, self.count));
        }
        if current == LF {
            self.line_start = true;
        }
        self.push(current);
    }

    fn finish(&mut self, out: &mut impl FnMut(usize, u64, usize)) {
        self.process(EOF, out);
        for _ in 0..BLOCK_SIZE {
            if self.count == self.due {
                self.output(out);
            }
            self.push(0);
        }
    }
}

/// tollgate's own stable identity of a finding, for baselines, JSON and GitLab: the rule,
/// the path and the finding's content (the analyzer's identity, or the span's text with
/// white space folded), so that it survives moved lines and unrelated edits.
pub fn content_fingerprint(rule: &str, path: &str, content: &str) -> String {
    let mut folded = String::with_capacity(rule.len() + path.len() + content.len() + 2);
    folded.push_str(rule);
    folded.push('\0');
    folded.push_str(path);
    folded.push('\0');
    for word in content.split_whitespace() {
        folded.push_str(word);
        folded.push(' ');
    }
    let digest = Sha256::digest(folded.as_bytes());
    tollgate_analyzers::secrets::hex(&digest[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let n = text.split(['\n']).count() + text.matches('\r').count() + 2;
        let map = line_hashes(text, &(1..=n).collect::<Vec<_>>());
        let mut lines: Vec<_> = map.into_iter().collect();
        lines.sort();
        lines.into_iter().map(|(_, h)| h).collect()
    }

    // The vectors published with github/codeql-action's fingerprints tests.
    #[test]
    fn matches_codeql_action_vectors() {
        assert_eq!(all(""), ["c129715d7a2bc9a3:1"]);
        assert_eq!(
            all(" a\nb\n  \t\tc\n d"),
            [
                "271789c17abda88f:1",
                "54703d4cd895b18:1",
                "180aee12dab6264:1",
                "a23a3dc5e078b07b:1"
            ]
        );
        assert_eq!(
            all(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"),
            [
                "8b7cf3e952e7aeb2:1",
                "b1ae1287ec4718d9:1",
                "bff680108adb0fcc:1",
                "c6805c5e1288b612:1",
                "b86d3392aea1be30:1",
                "e6ceba753e1a442:1"
            ]
        );
        let expected = [
            "e9496ae3ebfced30:1",
            "fb7c023a8b9ccb3f:1",
            "ce8ba1a563dcdaca:1",
            "e20e36e16fcb0cc8:1",
            "b3edc88f2938467e:1",
            "c8e28b0b4002a3a0:1",
            "c129715d7a2bc9a3:1",
        ];
        for text in [
            " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
            " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
            " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
            " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
        ] {
            assert_eq!(all(text), expected, "{text:?}");
        }
        let repeated = "Lorem ipsum dolor sit amet.\n".repeat(10);
        assert_eq!(
            all(&repeated),
            [
                "a7f2ff13bc495cf2:1",
                "a7f2ff13bc495cf2:2",
                "a7f2ff13bc495cf2:3",
                "a7f2ff13bc495cf2:4",
                "a7f2ff13bc495cf2:5",
                "a7f2ff13bc495cf2:6",
                "a7f2ff1481e87703:1",
                "a9cf91f7bbf1862b:1",
                "55ec222b86bcae53:1",
                "cc97dc7b1d7d8f7b:1",
                "c129715d7a2bc9a3:1"
            ]
        );
    }

    #[test]
    fn stopping_early_does_not_change_hashes() {
        let text: String = (0..500).map(|i| format!("line {}\n", i % 7)).collect();
        let full = line_hashes(&text, &(1..=501).collect::<Vec<_>>());
        let early = line_hashes(&text, &[3, 40]);
        assert_eq!(early[&3], full[&3]);
        assert_eq!(early[&40], full[&40]);
    }

    #[test]
    fn content_fingerprints_ignore_whitespace() {
        assert_eq!(
            content_fingerprint("r", "p", "a  b\n"),
            content_fingerprint("r", "p", " a b")
        );
        assert_ne!(
            content_fingerprint("r", "p", "a b"),
            content_fingerprint("r", "q", "a b")
        );
    }
}
