//! The scanning engine: one case-insensitive Aho-Corasick pass over a file (`keywords`)
//! finds every rule's keywords; each provider rule's regex then runs only in a window around
//! its own keyword hits (the hit's line, at most `WINDOW_BEFORE`/`WINDOW_AFTER` bytes either
//! side), and the hand-written detectors get the hit offsets. Memory per file is the hit
//! windows, not a copy of the text.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::bytes::{Regex, RegexBuilder};
use tollgate_rules::{Finding, Level, SecretPattern};

use super::keywords::Keywords;
use super::{checksum, filters, generic, hash_identity, jwt, private_key, redact, urls};

/// How far a provider regex looks around a keyword hit on a long line.
const WINDOW_BEFORE: usize = 512;
const WINDOW_AFTER: usize = 1536;

/// "A name containing the keyword, then an assignment, then an optional quote." The
/// assignment is any of `=`, `:=`, `.=`, `+=`, `?=`, `:`, `=>`, `<-`, an XML element's `>`, a
/// call's next argument (`getenv("NAME", "value")`) or .NET's `key="NAME" value="value"`;
/// the name may be a subscript (`os.environ["NAME"] = "value"`).
const ASSIGN: &str =
    r#"[\w.\-]{0,40}?(?:["']?\]?\s{0,4}(?:[.+?]?=|:=|:|=>|<-|>)|["']\s{0,4},|["']\s{1,4}value\s{0,4}=)\s{0,4}["'`]?"#;

/// Who wants a keyword's hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Consumer {
    Provider(usize),
    PrivateKey,
    Jwt,
    Url,
    ConnectionString,
    Generic,
}

const BUILTIN_KEYWORDS: &[(&str, Consumer)] = &[
    ("-----begin ", Consumer::PrivateKey),
    ("putty-user-key-file-", Consumer::PrivateKey),
    ("eyj", Consumer::Jwt),
    ("://", Consumer::Url),
    ("password=", Consumer::ConnectionString),
    ("pwd=", Consumer::ConnectionString),
    ("password =", Consumer::ConnectionString),
];

pub struct Provider {
    pub pattern: &'static SecretPattern,
    /// The pattern compiled, with its `secret` group, on the first window that needs it:
    /// most runs meet a few providers' keywords, and compiling all of them is most of a
    /// small scan's start-up.
    compiled: OnceLock<(Regex, Option<usize>)>,
}

pub struct Engine {
    keywords: Keywords,
    /// Per keyword: who wants its hits, with the offset and length of the keyword
    /// inside it. The search is leftmost-longest, so a keyword
    /// also dispatches the hits of every shorter keyword it contains.
    consumers: Vec<Vec<(Consumer, usize, usize)>>,
    pub providers: Vec<Provider>,
}

/// The engine, built once per process.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::build)
}

/// Expands `{assign}` in a data file's pattern.
pub fn expand(pattern: &str) -> String {
    pattern.replace("{assign}", ASSIGN)
}

impl Engine {
    fn build() -> Engine {
        let mut keywords: Vec<String> = Vec::new();
        let mut consumers: Vec<Vec<Consumer>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut add = |keyword: &str, consumer: Consumer| {
            let keyword = keyword.to_ascii_lowercase();
            match index.get(&keyword) {
                Some(&i) => {
                    if !consumers[i].contains(&consumer) {
                        consumers[i].push(consumer)
                    }
                }
                None => {
                    index.insert(keyword.clone(), keywords.len());
                    keywords.push(keyword);
                    consumers.push(vec![consumer]);
                }
            }
        };
        for (keyword, consumer) in BUILTIN_KEYWORDS {
            add(keyword, *consumer);
        }
        for keyword in generic::KEYWORDS {
            add(keyword, Consumer::Generic);
        }
        let mut providers = Vec::new();
        for pattern in tollgate_rules::secret_patterns() {
            let index = providers.len();
            for keyword in &pattern.keywords {
                add(keyword, Consumer::Provider(index));
            }
            providers.push(Provider {
                pattern,
                compiled: OnceLock::new(),
            });
        }
        // Every keyword inside each keyword, itself included, found by the automaton itself
        // (a pairwise search is quadratic in the hundreds of keywords, at every start-up).
        let automaton = Keywords::new(&keywords);
        let mut inside = Vec::new();
        let expanded = keywords
            .iter()
            .map(|keyword| {
                automaton.occurrences(keyword.as_bytes(), &mut inside);
                inside.sort_unstable_by_key(|hit| (hit.start, hit.keyword));
                inside
                    .iter()
                    .flat_map(|hit| {
                        consumers[hit.keyword]
                            .iter()
                            .map(|c| (*c, hit.start, hit.end - hit.start))
                    })
                    .collect()
            })
            .collect();
        Engine {
            keywords: automaton,
            consumers: expanded,
            providers,
        }
    }

    /// Every finding in `text`, before overlap resolution.
    pub fn scan(&self, path: &str, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        // Per provider hit: its window (merged per provider below). Per builtin: hit offsets
        // (start, end). A file meets a few of the hundreds of providers: no table per provider.
        let mut windows: Vec<(usize, Range<usize>)> = Vec::new();
        let mut key_hits = Vec::new();
        let mut jwt_hits = Vec::new();
        let mut url_hits = Vec::new();
        let mut conn_hits = Vec::new();
        let mut generic_hits = Vec::new();
        let mut hits = Vec::new();
        self.keywords.find(bytes, &mut hits);
        for hit in &hits {
            for &(consumer, offset, len) in &self.consumers[hit.keyword] {
                let start = hit.start + offset;
                let end = start + len;
                match consumer {
                    Consumer::Provider(i) => {
                        // The same keyword again inside the window just taken.
                        if windows
                            .last()
                            .is_some_and(|(p, w)| *p == i && start >= w.start && end + 64 <= w.end)
                        {
                            continue;
                        }
                        windows.push((i, window_around(bytes, start, end)));
                    }
                    Consumer::PrivateKey => key_hits.push(start),
                    Consumer::Jwt => jwt_hits.push(start),
                    Consumer::Url => url_hits.push(start),
                    Consumer::ConnectionString => conn_hits.push((start, end)),
                    Consumer::Generic => generic_hits.push((start, end)),
                }
            }
        }
        // By provider, then by start, overlapping windows of a provider merged.
        windows.sort_unstable_by_key(|(i, w)| (*i, w.start));
        let mut merged: Option<(usize, Range<usize>)> = None;
        for (i, window) in windows {
            match &mut merged {
                Some((last_i, last)) if *last_i == i && window.start <= last.end => {
                    last.end = last.end.max(window.end);
                }
                _ => {
                    if let Some((last_i, last)) = merged.replace((i, window)) {
                        self.providers[last_i].scan_window(text, last, out);
                    }
                }
            }
        }
        if let Some((last_i, last)) = merged {
            self.providers[last_i].scan_window(text, last, out);
        }
        private_key::check(text, &key_hits, out);
        jwt::check(text, &jwt_hits, out);
        urls::check_urls(text, &url_hits, out);
        urls::check_connection_strings(text, &conn_hits, out);
        generic::check(path, text, &generic_hits, out);
    }
}

/// The hit's line, cut to a bounded distance either side.
fn window_around(bytes: &[u8], start: usize, end: usize) -> Range<usize> {
    let low = start.saturating_sub(WINDOW_BEFORE);
    let from = memchr::memrchr(b'\n', &bytes[low..start]).map_or(low, |i| low + i + 1);
    let high = (end + WINDOW_AFTER).min(bytes.len());
    let to = memchr::memchr(b'\n', &bytes[end..high]).map_or(high, |i| end + i);
    from..to
}

impl Provider {
    fn compiled(&self) -> &(Regex, Option<usize>) {
        self.compiled.get_or_init(|| {
            // The data files are compiled in and every pattern is compiled by a test: a
            // pattern that does not compile is a build defect, not an input problem.
            let regex = RegexBuilder::new(&expand(self.pattern.pattern))
                .unicode(false)
                .size_limit(1 << 22)
                .build()
                .unwrap_or_else(|e| panic!("{}: bad pattern: {e}", self.pattern.id));
            let secret_group = regex.capture_names().position(|n| n == Some("secret"));
            (regex, secret_group)
        })
    }

    fn scan_window(&self, text: &str, window: Range<usize>, out: &mut Vec<Finding>) {
        let bytes = &text.as_bytes()[window.clone()];
        let (regex, secret_group) = self.compiled();
        for caps in regex.captures_iter(bytes) {
            let group = secret_group.and_then(|g| caps.get(g)).or_else(|| caps.get(0));
            let Some(group) = group else { continue };
            let span = window.start + group.start()..window.start + group.end();
            // Regex over bytes: only report spans on character boundaries.
            if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
                continue;
            }
            let secret = &text[span.clone()];
            if let Some(finding) = self.judge(secret, span) {
                out.push(finding);
            }
        }
    }

    fn judge(&self, secret: &str, span: Range<usize>) -> Option<Finding> {
        let pattern = self.pattern;
        let body = random_part(strip_keyword(secret, &pattern.keywords), &pattern.keywords);
        if filters::is_placeholder(body.as_bytes()) {
            return None;
        }
        if let Some(floor) = pattern.entropy {
            if filters::entropy(body.as_bytes()) < floor as f64 {
                return None;
            }
        }
        let mut level = None;
        let mut note = "";
        if let Some(kind) = pattern.checksum {
            if !checksum::verify(kind, secret) {
                level = Some(Level::Warning);
                note = "; its checksum does not match, so it may be made up";
            }
        }
        let mut finding = Finding::new(
            pattern.rule,
            span,
            format!("{} ({}) `{}`{note}", pattern.name, pattern.provider, redact(secret)),
        )
        .with_identity(hash_identity(secret))
        .redacted();
        if let Some(level) = level {
            finding = finding.with_level(level);
        }
        Some(finding)
    }
}

/// A token with a fixed signature inside (Azure's `…JQQJ99…AAA?ACOG…` keys): the random
/// characters before it, so that the signature's own letters are not judged as a placeholder's
/// run of `A`s or as low entropy.
fn random_part<'a>(body: &'a str, keywords: &[&str]) -> &'a str {
    const MIN_RANDOM: usize = 16;
    if body.len() <= MIN_RANDOM {
        return body;
    }
    let lower = body.to_ascii_lowercase();
    keywords
        .iter()
        .filter_map(|k| memchr::memmem::find(&lower.as_bytes()[MIN_RANDOM..], k.as_bytes()))
        .min()
        .map_or(body, |at| &body[..MIN_RANDOM + at])
}

/// The random part of a token: the secret without the keyword it starts with.
fn strip_keyword<'a>(secret: &'a str, keywords: &[&str]) -> &'a str {
    let best = keywords
        .iter()
        .filter(|k| secret.len() > k.len() && secret.as_bytes()[..k.len()].eq_ignore_ascii_case(k.as_bytes()))
        .map(|k| k.len())
        .max()
        .unwrap_or(0);
    &secret[best..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_has_a_keyword_it_can_start_near() {
        let engine = engine();
        assert_eq!(engine.providers.len(), tollgate_rules::secret_patterns().len());
        for provider in &engine.providers {
            provider.compiled();
        }
    }

    #[test]
    fn a_signature_inside_a_token_is_not_judged_as_random() {
        let random = "Zr2Lk9Vt4Xw7Nb3Hs6Jd1Fq8Pm5Gc0KdZr2Lk9Vt4Xw7Nb3Hs6Jd";
        let key = format!("{random}JQQJ99ABaaaaaaaaaaaaAAAaACOGq1w2");
        assert_eq!(random_part(&key, &["jqqj99"]), random);
        assert_eq!(random_part("ghp_short", &["ghp_"]), "ghp_short");
        assert_eq!(random_part(random, &["datadog"]), random);
    }

    #[test]
    fn windows_stay_on_the_line() {
        let text = b"first line\nkey = ghp_abc\nthird";
        let w = window_around(text, 17, 21);
        assert_eq!(&text[w], b"key = ghp_abc");
    }
}
