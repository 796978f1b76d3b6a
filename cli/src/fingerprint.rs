//! Fingerprints. `line_hashes` is GitHub's `primaryLocationLineHash`, computed as
//! github/codeql-action's upload-sarif does (src/fingerprints.ts): a rolling hash over the
//! next 100 non-blank characters (UTF-16 code units) from the start of each line, with
//! `\r\n` and `\r` read as `\n`, and `:n` counting repeats of the same hash.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use sha2::{Digest, Sha256};

const BLOCK_SIZE: usize = 100;
const MOD: u64 = 37;
const EOF: u64 = 65535;

/// The hash of every line of `text` wanted in `lines` (1-based), as `"<hex>:<n>"`.
pub fn line_hashes(text: &str, lines: &[usize]) -> HashMap<usize, String> {
    let mut wanted = HashMap::new();
    let max = lines.iter().copied().max().unwrap_or(0);
    let mut hasher = Hasher::new();
    // Called for every line of the file: only the wanted ones are formatted.
    let mut out = |line: usize, hash: u64, count: usize| {
        if lines.contains(&line) {
            wanted.insert(line, format!("{hash:x}:{count}"));
        }
    };
    // Every wanted line's window is complete past this line; the rest of the file cannot
    // change it (counts of repeated hashes only depend on earlier lines).
    let done = max + BLOCK_SIZE;
    if text.is_ascii() {
        // ASCII is one UTF-16 code unit per byte.
        for &byte in text.as_bytes() {
            hasher.process(u64::from(byte), &mut out);
            if hasher.line_number > done {
                break;
            }
        }
    } else {
        for unit in text.encode_utf16() {
            hasher.process(u64::from(unit), &mut out);
            if hasher.line_number > done {
                break;
            }
        }
    }
    hasher.finish(&mut out);
    wanted
}

struct Hasher {
    window: [u64; BLOCK_SIZE],
    line_numbers: [usize; BLOCK_SIZE],
    hash: u64,
    first_mod: u64,
    index: usize,
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
            window: [0; BLOCK_SIZE],
            line_numbers: [0; BLOCK_SIZE],
            hash: 0,
            first_mod,
            index: 0,
            line_number: 0,
            line_start: true,
            prev_cr: false,
            counts: HashMap::default(),
        }
    }

    fn output(&mut self, out: &mut impl FnMut(usize, u64, usize)) {
        let count = self.counts.entry(self.hash).or_insert(0);
        *count += 1;
        out(self.line_numbers[self.index], self.hash, *count);
        self.line_numbers[self.index] = 0;
    }

    fn update(&mut self, current: u64) {
        let begin = self.window[self.index];
        self.window[self.index] = current;
        self.hash = MOD
            .wrapping_mul(self.hash)
            .wrapping_add(current)
            .wrapping_sub(self.first_mod.wrapping_mul(begin));
        // A compare, not a division: this runs for every character of the file.
        self.index += 1;
        if self.index == BLOCK_SIZE {
            self.index = 0;
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
        if self.line_numbers[self.index] != 0 {
            self.output(out);
        }
        if self.line_start {
            self.line_start = false;
            self.line_number += 1;
            self.line_numbers[self.index] = self.line_number;
        }
        if current == LF {
            self.line_start = true;
        }
        self.update(current);
    }

    fn finish(&mut self, out: &mut impl FnMut(usize, u64, usize)) {
        self.process(EOF, out);
        for _ in 0..BLOCK_SIZE {
            if self.line_numbers[self.index] != 0 {
                self.output(out);
            }
            self.update(0);
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
