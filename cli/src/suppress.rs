//! One suppression syntax for every domain, plus the peers' comments users already have.
//!
//! - `tollgate: ignore[rule-or-prefix, ...] reason` covers its own line, and the next line
//!   when the comment stands alone on its line; `tollgate: ignore-file[...]` the whole file.
//! - `# noqa`, `# noqa: C901`, `# ruff: noqa[: codes]`, `# flake8: noqa` (ruff's meanings)
//! - `# ruff: ignore[codes]` (its line), `# ruff: file-ignore[codes]`, and the ranges from
//!   `# ruff: disable[codes]` to the matching `# ruff: enable[codes]` (or the end of the
//!   file); codes or ruff's rule names (`too-many-arguments`)
//! - `# hadolint ignore=DL3008,DL3009` (next line), `# hadolint global ignore=...`
//! - `# zizmor: ignore[unpinned-uses]` (anywhere from the start of the finding's step, job or
//!   `on:` to its end, as zizmor applies it to the finding's whole span)
//! - `gitleaks:allow`, `pragma: allowlist secret` (own line), `pragma: allowlist nextline secret`
//! - the smells' peers, in any language's comments: ESLint's `eslint-disable-line`,
//!   `eslint-disable-next-line` and `eslint-disable` ... `eslint-enable`; clang-tidy's `NOLINT`,
//!   `NOLINTNEXTLINE`, `NOLINTBEGIN` ... `NOLINTEND`; golangci-lint's `//nolint[:linters]`;
//!   RuboCop's `rubocop:disable`/`rubocop:todo` ... `rubocop:enable`; SwiftLint's
//!   `swiftlint:disable[:next|:this]` ... `swiftlint:enable`; C#'s `#pragma warning disable`
//!   ... `restore`; and annotations and attributes on the definition: `@SuppressWarnings`
//!   (PMD, Checkstyle, Sonar; PHPMD's in a docblock), Kotlin's `@Suppress` (detekt), C#'s
//!   `[SuppressMessage]`, Rust's `#[allow(clippy::...)]` and `#[expect(...)]`.

use std::ops::Range;

use tollgate_rules::select::{matches, ruff_name};
use tollgate_rules::{python, smells, tollgate, Finding, LineIndex, Rule, RuleSet};

#[derive(Debug, Clone, PartialEq)]
enum Codes {
    /// Every rule (bare `tollgate: ignore`).
    All,
    /// Every rule of a domain (bare `# noqa` is every python rule).
    Domain(&'static str),
    /// tollgate selectors: ids or prefixes.
    Selectors(Vec<String>),
    /// Codes of a peer tool, matched against `peers`.
    Peer(&'static [&'static str], Vec<String>),
    /// Every rule a peer tool has (`// nolint`, `/* eslint-disable */`).
    Tools(&'static [&'static str]),
    /// `tollgate: ignore[` with no `]`: covers nothing, and is reported. Reading it as a bare
    /// `ignore` would silence every rule on the line.
    Malformed,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Scope {
    /// Findings starting on these 0-based lines.
    Lines(usize, usize),
    /// Findings whose construct (from its statement's start to the finding's end) holds this
    /// 0-based line: zizmor's comments apply anywhere in a finding's span.
    Within(usize),
    File,
}

#[derive(Debug)]
struct Directive {
    codes: Codes,
    scope: Scope,
    /// Our own syntax: checked for use.
    own: bool,
    span: Range<usize>,
    used: bool,
}

impl Codes {
    /// `secret`: the finding's span is a secret (another scanner's finding, imported).
    fn covers(&self, rule: &Rule, secret: bool) -> bool {
        match self {
            Codes::All => true,
            // Another tool's findings are in its own domain: a bare `# noqa` covers those of
            // the tools that honour it, and `gitleaks:allow` every secret scanner's.
            Codes::Domain(domain) => {
                rule.domain() == *domain
                    || match *domain {
                        "python" => rule.peers.iter().any(|peer| {
                            peer.split_once(':')
                                .is_some_and(|(tool, _)| matches!(tool, "ruff" | "flake8"))
                        }),
                        "secrets" => secret,
                        _ => false,
                    }
            }
            Codes::Selectors(selectors) => selectors.iter().any(|s| matches(s, rule.id)),
            Codes::Peer(tools, codes) => rule.peers.iter().any(|peer| {
                peer.split_once(':').is_some_and(|(tool, code)| {
                    tools.contains(&tool) && codes.iter().any(|c| peer_code_matches(tool, c, code))
                })
            }),
            Codes::Tools(tools) => rule
                .peers
                .iter()
                .any(|peer| peer.split_once(':').is_some_and(|(tool, _)| tools.contains(&tool))),
            Codes::Malformed => false,
        }
    }
}

/// A code in a comment against a peer's code: case aside, ruff's rule names, clang-tidy's
/// `readability-*` globs and RuboCop's departments (`Metrics` for `Metrics/...`).
fn peer_code_matches(tool: &str, written: &str, code: &str) -> bool {
    written.eq_ignore_ascii_case(code)
        || (tool == "ruff" && ruff_name(code) == Some(written))
        || written
            .strip_suffix('*')
            .is_some_and(|prefix| code.len() >= prefix.len() && code[..prefix.len()].eq_ignore_ascii_case(prefix))
        || code
            .get(..written.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(written) && code[written.len()..].starts_with('/'))
}

/// The tools whose findings `# noqa` comments silence.
const NOQA_TOOLS: &[&str] = &["ruff", "pylint", "flake8"];

/// Markers worth a closer look; a file without any is left alone cheaply.
const MARKERS: &[&str] = &[
    "tollgate:",
    "ruff:",
    "hadolint",
    "zizmor:",
    "gitleaks:allow",
    "pragma: allowlist",
    "eslint-",
    "NOLINT",
    "nolint",
    "rubocop:",
    "swiftlint:",
    "#pragma warning",
    "Suppress",
    "clippy::",
];

/// A vectorised search per marker, built once: a pass each over the text is quicker than one
/// automaton's pass over every byte.
static MARKER_FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| MARKERS.iter().map(memchr::memmem::Finder::new).collect());

/// Where `noqa` starts, in any case. Vectorised: `q` is rare in code.
fn noqa_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'q', b'Q', bytes).filter_map(|at| {
        let start = at.checked_sub(2)?;
        let word = bytes.get(start..at + 2)?;
        word.eq_ignore_ascii_case(b"noqa").then_some(start)
    })
}

/// Whether the text has any marker, or `noqa` in any case: this runs on every file with a
/// finding, and a byte-by-byte scan was a tenth of the Python pass.
fn has_marker(text: &str) -> bool {
    let bytes = text.as_bytes();
    MARKER_FINDERS.iter().any(|finder| finder.find(bytes).is_some()) || noqa_starts(bytes).next().is_some()
}

/// The lines that hold a marker, in order, each once: one pass over the file, where a search
/// of each line was most of this step's time in a file with a marker.
fn marker_lines(text: &str, index: &LineIndex) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut lines: Vec<usize> = MARKER_FINDERS
        .iter()
        .flat_map(|finder| finder.find_iter(bytes))
        .chain(noqa_starts(bytes))
        .map(|at| index.line_of(at))
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// Removes suppressed findings and adds `tollgate/unused-suppression` findings for our own
/// comments that suppressed nothing among the rules this run uses.
/// `check_unused` is off for the cross-file pass, which sees only some findings of a file.
pub fn apply(
    path: &str,
    text: &str,
    findings: &mut Vec<Finding>,
    rules: &RuleSet,
    lookup: impl Fn(&str) -> Option<&'static Rule>,
    check_unused: bool,
) {
    if !has_marker(text) {
        return;
    }
    let index = LineIndex::new(text);
    let mut directives = parse(text, &index);
    if directives.is_empty() {
        return;
    }
    findings.retain(|finding| {
        let Some(rule) = lookup(finding.rule) else { return true };
        let line = index.line_of(finding.span.start);
        let end_line = index.line_of(finding.span.end.saturating_sub(1).max(finding.span.start));
        let statement_line = finding.statement_start.map(|s| index.line_of(s));
        let mut suppressed = false;
        for directive in &mut directives {
            let applies = match directive.scope {
                Scope::File => true,
                Scope::Lines(a, b) => {
                    let hit = |l: usize| l >= a && l <= b;
                    hit(line) || statement_line.is_some_and(hit) || (rule.domain() == "secrets" && hit(end_line))
                }
                Scope::Within(comment) => {
                    let first = statement_line.unwrap_or(line).min(line);
                    comment >= first && comment <= end_line.max(line)
                }
            };
            if applies && directive.codes.covers(rule, finding.redact) {
                directive.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    // In prose, a suppression is usually an example of one.
    let prose = [".md", ".markdown", ".rst", ".txt", ".adoc", ".snap"]
        .iter()
        .any(|ext| path.ends_with(ext));
    if !check_unused || prose || !rules.is_enabled(tollgate::UNUSED_SUPPRESSION.id) {
        return;
    }
    for directive in directives.iter().filter(|d| d.own && !d.used) {
        let message = match &directive.codes {
            Codes::Selectors(selectors) => {
                let unknown: Vec<&str> = selectors
                    .iter()
                    .filter(|s| {
                        !tollgate_rules::select::names_another_tool(s)
                            && !tollgate_rules::catalogue().rules().iter().any(|r| matches(s, r.id))
                    })
                    .map(String::as_str)
                    .collect();
                if !unknown.is_empty() {
                    format!("suppression names unknown rule(s): {}", unknown.join(", "))
                } else if !selectors.iter().any(|s| {
                    rules.any(s) && !matches(s, python::DUPLICATE_CODE.id) && !matches(s, smells::DUPLICATE_CODE.id)
                }) {
                    // None of its rules ran, or only the cross-file one, whose findings do not
                    // exist yet when a file's comments are judged.
                    continue;
                } else {
                    format!("unused suppression: no finding of {} here", selectors.join(", "))
                }
            }
            Codes::Malformed => {
                "malformed suppression: its `[` is never closed by `]`, so it suppresses nothing".to_string()
            }
            _ => "unused suppression: no finding here".to_string(),
        };
        findings.push(Finding::new(
            tollgate::UNUSED_SUPPRESSION,
            directive.span.clone(),
            message,
        ));
    }
}

fn parse(text: &str, index: &LineIndex) -> Vec<Directive> {
    let mut out = Vec::new();
    // `# ruff: disable[...]` ranges not yet closed: their codes, first line and span.
    let mut open_ranges: Vec<OpenRange> = Vec::new();
    for line in marker_lines(text, index) {
        let range = index.line_range(line);
        let content = &text[range.clone()];
        let standalone = |at: usize| content[..at].trim().chars().all(|c| "#/*-;!<'\"".contains(c));
        let next = |at: usize| {
            if standalone(at) {
                Scope::Lines(line, line + 1)
            } else {
                Scope::Lines(line, line)
            }
        };

        // tollgate: ignore[...] / ignore-file[...]
        let mut from = 0;
        while let Some(found) = content[from..].find("tollgate:") {
            let at = from + found;
            from = at + 9;
            if !in_comment(&content[..at]) {
                continue;
            }
            let rest = content[from..].trim_start();
            let (file, after) = if let Some(after) = rest.strip_prefix("ignore-file") {
                (true, after)
            } else if let Some(after) = rest.strip_prefix("ignore") {
                (false, after)
            } else {
                continue;
            };
            let (codes, consumed) = match after.strip_prefix('[') {
                Some(list) => match list.find(']') {
                    Some(end) => (Codes::Selectors(split_codes(&list[..end])), end + 2),
                    None => (Codes::Malformed, after.len()),
                },
                None => (Codes::All, 0),
            };
            let end = content.len() - after.len() + consumed;
            let scope = if file { Scope::File } else { next(at) };
            out.push(Directive {
                codes,
                scope,
                own: true,
                span: range.start + at..range.start + end.min(content.len()),
                used: false,
            });
        }

        // Python: noqa and file-level ruff/flake8 noqa.
        if let Some(hash) = content.find('#') {
            let comment = &content[hash..];
            let lower = comment.to_ascii_lowercase();
            for (file_marker, tools) in [("ruff: noqa", NOQA_TOOLS), ("flake8: noqa", NOQA_TOOLS)] {
                if let Some(pos) = lower.find(file_marker) {
                    let codes = peer_codes(&comment[pos + file_marker.len()..], tools, "python");
                    out.push(Directive {
                        codes,
                        scope: Scope::File,
                        own: false,
                        span: range.clone(),
                        used: false,
                    });
                }
            }
            if !lower.contains("ruff: noqa") && !lower.contains("flake8: noqa") {
                if let Some(pos) = lower.find("noqa") {
                    let codes = peer_codes(&comment[pos + 4..], NOQA_TOOLS, "python");
                    out.push(Directive {
                        codes,
                        scope: Scope::Lines(line, line),
                        own: false,
                        span: range.clone(),
                        used: false,
                    });
                }
            }
            if let Some(pos) = lower.find("ruff:") {
                let rest = comment[pos + 5..].trim_start();
                for (verb, scope) in [
                    ("ignore[", Some(Scope::Lines(line, line))),
                    ("file-ignore[", Some(Scope::File)),
                    ("disable[", None),
                    ("enable[", None),
                ] {
                    let Some(list) = rest.strip_prefix(verb) else { continue };
                    let Some(end) = list.find(']') else { break };
                    let codes = split_codes(&list[..end]);
                    match scope {
                        Some(scope) => out.push(Directive {
                            codes: Codes::Peer(&["ruff"], codes),
                            scope,
                            own: false,
                            span: range.clone(),
                            used: false,
                        }),
                        None if verb == "disable[" => open_ranges.push(OpenRange {
                            tools: &["ruff"],
                            codes,
                            first: line,
                            span: range.clone(),
                        }),
                        None => close_ranges(&mut open_ranges, &["ruff"], &codes, line, &mut out),
                    }
                    break;
                }
            }
            if let Some(pos) = lower.find("hadolint") {
                let rest = comment[pos + 8..].trim_start();
                let (global, rest) = match rest.strip_prefix("global") {
                    Some(r) => (true, r.trim_start()),
                    None => (false, rest),
                };
                if let Some(list) = rest.strip_prefix("ignore=") {
                    let codes = Codes::Peer(&["hadolint"], split_codes(list.split_whitespace().next().unwrap_or("")));
                    let scope = if global {
                        Scope::File
                    } else {
                        Scope::Lines(line + 1, line + 1)
                    };
                    out.push(Directive {
                        codes,
                        scope,
                        own: false,
                        span: range.clone(),
                        used: false,
                    });
                }
            }
            if let Some(pos) = lower.find("zizmor: ignore[") {
                let list = &comment[pos + 15..];
                let list = &list[..list.find(']').unwrap_or(list.len())];
                out.push(Directive {
                    codes: Codes::Peer(&["zizmor"], split_codes(list)),
                    scope: Scope::Within(line),
                    own: false,
                    span: range.clone(),
                    used: false,
                });
            }
        }

        if in_comment(content)
            || content.contains("Suppress")
            || content.contains("clippy::")
            || content.contains("#pragma")
        {
            smell_peers(text, index, line, content, &mut open_ranges, &mut out);
        }

        // Secrets: anywhere on the line, in any comment style.
        if content.contains("gitleaks:allow") || content.contains("pragma: allowlist secret") {
            out.push(Directive {
                codes: Codes::Domain("secrets"),
                scope: Scope::Lines(line, line),
                own: false,
                span: range.clone(),
                used: false,
            });
        }
        if content.contains("pragma: allowlist nextline secret") {
            out.push(Directive {
                codes: Codes::Domain("secrets"),
                scope: Scope::Lines(line + 1, line + 1),
                own: false,
                span: range.clone(),
                used: false,
            });
        }
    }
    // A range never enabled again runs to the end of the file, as ruff (and ESLint, RuboCop,
    // clang-tidy) read it.
    for open in open_ranges {
        out.push(Directive {
            codes: peer_list(open.tools, open.codes),
            scope: Scope::Lines(open.first, index.line_count()),
            own: false,
            span: open.span,
            used: false,
        });
    }
    out
}

/// A peer's `disable` comment not yet closed by its `enable`.
struct OpenRange {
    tools: &'static [&'static str],
    codes: Vec<String>,
    first: usize,
    span: Range<usize>,
}

/// Codes of a peer, or every rule of it when the comment names none.
fn peer_list(tools: &'static [&'static str], codes: Vec<String>) -> Codes {
    if codes.is_empty() {
        Codes::Tools(tools)
    } else {
        Codes::Peer(tools, codes)
    }
}

/// An `enable` comment closes the latest range of the same codes, or with no codes every
/// range of the tool.
fn close_ranges(
    open: &mut Vec<OpenRange>,
    tools: &'static [&'static str],
    codes: &[String],
    line: usize,
    out: &mut Vec<Directive>,
) {
    let closes = |range: &OpenRange| range.tools == tools && (codes.is_empty() || range.codes == codes);
    let closed: Vec<OpenRange> = if codes.is_empty() {
        let (closed, kept) = std::mem::take(open).into_iter().partition(closes);
        *open = kept;
        closed
    } else {
        open.iter()
            .rposition(closes)
            .map(|at| open.remove(at))
            .into_iter()
            .collect()
    };
    for range in closed {
        out.push(Directive {
            codes: peer_list(range.tools, range.codes),
            scope: Scope::Lines(range.first, line),
            own: false,
            span: range.span,
            used: false,
        });
    }
}

/// The smells' peers' comments on one line (see the module documentation).
fn smell_peers(
    text: &str,
    index: &LineIndex,
    line: usize,
    content: &str,
    open: &mut Vec<OpenRange>,
    out: &mut Vec<Directive>,
) {
    let range = index.line_range(line);
    let standalone = |at: usize| content[..at].trim().chars().all(|c| "#/*-;!<'\"".contains(c));
    let push = |out: &mut Vec<Directive>, codes: Codes, scope: Scope| {
        out.push(Directive {
            codes,
            scope,
            own: false,
            span: range.clone(),
            used: false,
        })
    };
    // ESLint: rule lists end at `--` (a description) or the comment's end.
    if let Some(at) = content.find("eslint-") {
        let rest = &content[at + 7..];
        let list = |after: &str| -> Vec<String> {
            let after = after.split("--").next().unwrap_or("");
            let after = after.split("*/").next().unwrap_or("");
            split_codes(after)
        };
        if let Some(after) = rest.strip_prefix("disable-next-line") {
            push(
                out,
                peer_list(&["eslint"], list(after)),
                Scope::Lines(line + 1, line + 1),
            );
        } else if let Some(after) = rest.strip_prefix("disable-line") {
            push(out, peer_list(&["eslint"], list(after)), Scope::Lines(line, line));
        } else if let Some(after) = rest.strip_prefix("disable") {
            open.push(OpenRange {
                tools: &["eslint"],
                codes: list(after),
                first: line,
                span: range.clone(),
            });
        } else if let Some(after) = rest.strip_prefix("enable") {
            close_ranges(open, &["eslint"], &list(after), line, out);
        }
    }
    // clang-tidy: `NOLINT(checks)`.
    if let Some(at) = content.find("NOLINT") {
        let rest = &content[at + 6..];
        let (verb, after) = ["NEXTLINE", "BEGIN", "END"]
            .iter()
            .find_map(|verb| rest.strip_prefix(verb).map(|after| (*verb, after)))
            .unwrap_or(("", rest));
        let codes = after
            .strip_prefix('(')
            .and_then(|list| list.find(')').map(|end| split_codes(&list[..end])))
            .unwrap_or_default();
        match verb {
            "NEXTLINE" => push(out, peer_list(&["clang-tidy"], codes), Scope::Lines(line + 1, line + 1)),
            "BEGIN" => open.push(OpenRange {
                tools: &["clang-tidy"],
                codes,
                first: line,
                span: range.clone(),
            }),
            "END" => close_ranges(open, &["clang-tidy"], &codes, line, out),
            _ => push(out, peer_list(&["clang-tidy"], codes), Scope::Lines(line, line)),
        }
    }
    // golangci-lint: `//nolint` or `//nolint:gocyclo,funlen // why`; above a declaration it
    // covers the declaration's line.
    if let Some(at) = content
        .find("//nolint")
        .map(|at| at + 8)
        .or_else(|| content.find("// nolint").map(|at| at + 9))
    {
        let codes = content[at..]
            .strip_prefix(':')
            .map(|list| split_codes(list.split(' ').next().unwrap_or("")))
            .unwrap_or_default();
        let scope = if standalone(at.saturating_sub(8)) {
            Scope::Lines(line, line + 1)
        } else {
            Scope::Lines(line, line)
        };
        push(out, peer_list(&["golangci"], codes), scope);
    }
    // RuboCop and SwiftLint: `disable` on a line of code covers that line, alone on its line
    // it opens a range that `enable` closes.
    for (marker, tools) in [
        ("rubocop:", &["rubocop"] as &'static [&'static str]),
        ("swiftlint:", &["swiftlint"]),
    ] {
        let Some(at) = content.find(marker) else { continue };
        let rest = &content[at + marker.len()..];
        let words = |after: &str| -> Vec<String> {
            let codes = split_codes(after.split("--").next().unwrap_or(""));
            if codes.iter().any(|c| c == "all") {
                Vec::new()
            } else {
                codes
            }
        };
        if let Some(after) = rest.strip_prefix("disable:next") {
            push(out, peer_list(tools, words(after)), Scope::Lines(line + 1, line + 1));
        } else if let Some(after) = rest.strip_prefix("disable:this") {
            push(out, peer_list(tools, words(after)), Scope::Lines(line, line));
        } else if let Some(after) = rest.strip_prefix("disable").or_else(|| rest.strip_prefix("todo")) {
            if standalone(at) {
                open.push(OpenRange {
                    tools,
                    codes: words(after),
                    first: line,
                    span: range.clone(),
                });
            } else {
                push(out, peer_list(tools, words(after)), Scope::Lines(line, line));
            }
        } else if let Some(after) = rest.strip_prefix("enable") {
            close_ranges(open, tools, &words(after), line, out);
        }
    }
    // C#: `#pragma warning disable CA1502, S3776` ... `#pragma warning restore CA1502, S3776`.
    if let Some(at) = content.find("#pragma warning") {
        let rest = content[at + 15..].trim_start();
        let codes = |after: &str| split_codes(after.split("//").next().unwrap_or(""));
        if let Some(after) = rest.strip_prefix("disable") {
            open.push(OpenRange {
                tools: &["roslyn", "sonar"],
                codes: codes(after),
                first: line,
                span: range.clone(),
            });
        } else if let Some(after) = rest.strip_prefix("restore") {
            close_ranges(open, &["roslyn", "sonar"], &codes(after), line, out);
        }
    }
    // Annotations and attributes on a definition: `@SuppressWarnings("PMD.NPathComplexity")`,
    // `@Suppress("LongMethod")`, `[SuppressMessage("...", "CA1502:...")]`, PHPMD's docblock
    // `@SuppressWarnings(PHPMD.CyclomaticComplexity)`.
    if let Some(at) = content
        .find("@SuppressWarnings(")
        .or_else(|| content.find("@Suppress("))
        .or_else(|| content.find("SuppressMessage("))
    {
        let list = &content[at..];
        let list = &list[list.find('(').map_or(0, |p| p + 1)..];
        let list = list.rfind(')').map_or(list, |end| &list[..end]);
        let mut codes: Vec<(&'static [&'static str], String)> = Vec::new();
        for word in list
            .split([',', '{', '}', '"', ' '])
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            let word = word
                .split(':')
                .next()
                .filter(|_| word.starts_with("CA") || word.starts_with('S'))
                .unwrap_or(word);
            if let Some(code) = word.strip_prefix("PMD.") {
                codes.push((&["pmd"], code.to_string()));
            } else if let Some(code) = word.strip_prefix("PHPMD.") {
                codes.push((&["phpmd"], code.to_string()));
            } else if let Some(code) = word.strip_prefix("checkstyle:") {
                codes.push((&["checkstyle"], code.to_string()));
            } else if let Some(code) = word.strip_prefix("java:").or_else(|| word.strip_prefix("squid:")) {
                codes.push((&["sonar"], code.to_string()));
            } else if let Some(code) = word.strip_prefix("detekt:").or_else(|| word.strip_prefix("detekt.")) {
                codes.push((&["detekt"], code.to_string()));
            } else if word == "PMD" || word == "PHPMD" {
                push(
                    out,
                    Codes::Tools(if word == "PMD" { &["pmd"] } else { &["phpmd"] }),
                    annotation_scope(text, index, line),
                );
            } else if word.starts_with("CA") || word.starts_with('S') && word[1..].bytes().all(|b| b.is_ascii_digit()) {
                codes.push((&["roslyn", "sonar"], word.to_string()));
            } else if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
                // Kotlin's `@Suppress` takes detekt's rule names bare.
                codes.push((&["detekt"], word.to_string()));
            }
        }
        for (tools, code) in codes {
            push(out, Codes::Peer(tools, vec![code]), annotation_scope(text, index, line));
        }
    }
    // Rust: `#[allow(clippy::cognitive_complexity)]`, `#[expect(...)]`; `#![allow]` is the file's.
    if let Some(at) = content.find("clippy::") {
        let head = content[..at].trim_start();
        if head.starts_with("#[") || head.starts_with("#![") {
            let codes: Vec<String> = content[at..]
                .split(['(', ')', ',', ' ', ']'])
                .filter_map(|w| w.trim().strip_prefix("clippy::"))
                .map(String::from)
                .collect();
            let scope = if head.starts_with("#![") {
                Scope::File
            } else {
                annotation_scope(text, index, line)
            };
            push(out, Codes::Peer(&["clippy"], codes), scope);
        }
    }
}

/// Where an annotation or attribute applies: its line, the rest of its comment (a docblock),
/// the attributes, annotations and comments after it, and the line of the definition they
/// stand on. A definition that holds its annotations also starts at or before this line, so
/// `Within` covers its findings.
fn annotation_scope(text: &str, index: &LineIndex, line: usize) -> Scope {
    let mut last = line;
    while last + 1 < index.line_count() {
        let next = text[index.line_range(last + 1)].trim_start();
        let more = next.starts_with('@')
            || next.starts_with("#[")
            || next.starts_with('[')
            || next.starts_with("//")
            || next.starts_with('*')
            || next.starts_with("/*")
            || next.is_empty();
        if !more {
            break;
        }
        last += 1;
    }
    Scope::Lines(line, last + 1)
}

/// Is there a comment opener before this point of the line? Our syntax lives in comments;
/// the same words in a string or in prose are not a suppression.
fn in_comment(before: &str) -> bool {
    let trimmed = before.trim_start();
    ["#", "//", "/*", "<!--", "--", "{#", "{{/*"]
        .iter()
        .any(|opener| before.contains(opener))
        || trimmed.starts_with(['*', ';', '%'])
        || trimmed.starts_with("REM ")
}

fn split_codes(list: &str) -> Vec<String> {
    list.split([',', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect()
}

/// `: C901, PLR0913` after a noqa marker; nothing (or no colon) means every rule of the domain.
fn peer_codes(after: &str, tools: &'static [&'static str], domain: &'static str) -> Codes {
    match after.trim_start().strip_prefix(':') {
        Some(list) => {
            let codes: Vec<String> = list
                .split([',', ' '])
                .map(str::trim)
                .take_while(|c| c.is_empty() || c.chars().all(|ch| ch.is_ascii_alphanumeric()))
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect();
            if codes.is_empty() {
                Codes::Domain(domain)
            } else {
                Codes::Peer(tools, codes)
            }
        }
        None => Codes::Domain(domain),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tollgate_rules::{docker, secrets};
    use tollgate_rules::{Level, Precision};

    fn rule(id: &'static str, peers: &'static [&'static str]) -> &'static Rule {
        Box::leak(Box::new(Rule {
            id,
            summary: "",
            help: "",
            level: Level::Warning,
            tags: &[],
            security_severity: None,
            precision: Precision::High,
            peers,
            default_enabled: true,
        }))
    }

    fn lookup(id: &str) -> Option<&'static Rule> {
        Some(match id {
            "python/complex-function" => rule("python/complex-function", &["ruff:C901"]),
            "python/too-many-arguments" => rule("python/too-many-arguments", &["ruff:PLR0913"]),
            "docker/apt-pin" => rule("docker/apt-pin", &["hadolint:DL3008"]),
            "actions/unpinned-uses" => rule("actions/unpinned-uses", &["zizmor:unpinned-uses"]),
            "secrets/github-pat" => rule("secrets/github-pat", &["gitleaks:github-pat"]),
            _ => return None,
        })
    }

    /// [`surviving`] for the catalogue's rules, in a file named `path`.
    fn surviving_in(path: &str, text: &str, found: &[(&'static str, usize)]) -> Vec<(&'static str, usize)> {
        let index = LineIndex::new(text);
        let mut findings: Vec<Finding> = found
            .iter()
            .map(|&(rule, line)| {
                let start = index.line_range(line - 1).start;
                Finding::new(tollgate_rules::find(rule).expect("a rule"), start..start + 1, "m")
            })
            .collect();
        let rules = RuleSet::new(Some(&["none".into()]), &[], &[]).unwrap();
        apply(path, text, &mut findings, &rules, tollgate_rules::find, true);
        findings
            .iter()
            .map(|f| (f.rule, index.line_of(f.span.start) + 1))
            .collect()
    }

    const COMPLEX: &str = "smells/complex-function";
    const PARAMS: &str = "smells/too-many-parameters";
    const LONG: &str = "smells/long-function";

    #[test]
    fn eslint_comments_cover_their_line_the_next_or_a_range() {
        let text = "function a() {} // eslint-disable-line complexity
                    // eslint-disable-next-line max-params -- legacy API
                    function b() {}
                    /* eslint-disable complexity, max-lines-per-function */
                    function c() {}
                    /* eslint-enable complexity, max-lines-per-function */
                    function d() {}
                    /* eslint-disable */
                    function e() {}
";
        let found = [
            (COMPLEX, 1),
            (PARAMS, 1),
            (PARAMS, 3),
            (COMPLEX, 3),
            (COMPLEX, 5),
            (LONG, 5),
            (PARAMS, 5),
            (COMPLEX, 7),
            (LONG, 9),
        ];
        assert_eq!(
            surviving_in("a.js", text, &found),
            vec![(PARAMS, 1), (COMPLEX, 3), (PARAMS, 5), (COMPLEX, 7)]
        );
    }

    #[test]
    fn nolint_comments_of_clang_tidy_and_golangci() {
        let text = "int f(int a) { // NOLINT(readability-function-cognitive-complexity)
                    // NOLINTNEXTLINE(readability-*)
                    int g(int a) {
                    int h(int a) { // NOLINT
";
        let found = [
            ("smells/cognitive-complexity", 1),
            (COMPLEX, 1),
            (LONG, 3),
            ("smells/cognitive-complexity", 4),
        ];
        assert_eq!(surviving_in("a.cpp", text, &found), vec![(COMPLEX, 1)]);
        let text = "//nolint:gocyclo,funlen // a state machine
func f() {
}
func g() { //nolint
}
func h() {
";
        let found = [(COMPLEX, 2), (LONG, 2), (PARAMS, 2), (PARAMS, 4), (COMPLEX, 6)];
        assert_eq!(surviving_in("a.go", text, &found), vec![(PARAMS, 2), (COMPLEX, 6)]);
    }

    #[test]
    fn rubocop_and_swiftlint_cover_a_line_or_a_range() {
        let text = "def a # rubocop:disable Metrics/CyclomaticComplexity
end
                    # rubocop:disable Metrics
                    def b
end
                    # rubocop:enable Metrics
                    def c
end
";
        let found = [(COMPLEX, 1), (PARAMS, 1), (LONG, 4), (PARAMS, 4), (COMPLEX, 7)];
        assert_eq!(surviving_in("a.rb", text, &found), vec![(PARAMS, 1), (COMPLEX, 7)]);
        let text = "// swiftlint:disable:next cyclomatic_complexity
func a() {}
func b() {}
";
        assert_eq!(
            surviving_in("a.swift", text, &[(COMPLEX, 2), (COMPLEX, 3)]),
            vec![(COMPLEX, 3)]
        );
    }

    #[test]
    fn annotations_and_attributes_on_the_definition() {
        let text = "class A {
    @SuppressWarnings({\"PMD.CyclomaticComplexity\", \"checkstyle:methodlength\"})
    @Override
    void f() {}
    void g() {}
}
";
        let found = [(COMPLEX, 4), (LONG, 4), (PARAMS, 4), (COMPLEX, 5)];
        assert_eq!(surviving_in("A.java", text, &found), vec![(PARAMS, 4), (COMPLEX, 5)]);
        let text = "#[allow(clippy::too_many_arguments)]
#[inline]
fn f() {}
fn g() {}
";
        let found = [(PARAMS, 3), (COMPLEX, 3), (PARAMS, 4)];
        assert_eq!(surviving_in("a.rs", text, &found), vec![(COMPLEX, 3), (PARAMS, 4)]);
        let text = "@Suppress(\"LongParameterList\")
fun f() {}
";
        assert_eq!(
            surviving_in("a.kt", text, &[(PARAMS, 2), (COMPLEX, 2)]),
            vec![(COMPLEX, 2)]
        );
        let text = "/**
 * @SuppressWarnings(PHPMD.ExcessiveMethodLength)
 */
function f() {}
";
        assert_eq!(
            surviving_in("a.php", text, &[(LONG, 4), (COMPLEX, 4)]),
            vec![(COMPLEX, 4)]
        );
        let text = "#pragma warning disable CA1502
void F() {}
#pragma warning restore CA1502
void G() {}
";
        assert_eq!(
            surviving_in("a.cs", text, &[(COMPLEX, 2), (COMPLEX, 4)]),
            vec![(COMPLEX, 4)]
        );
    }

    /// Findings of `rule` on each 1-based line; returns the lines that survive.
    fn surviving(text: &str, found: &[(&'static str, usize)]) -> Vec<(&'static str, usize)> {
        let index = LineIndex::new(text);
        let mut findings: Vec<Finding> = found
            .iter()
            .map(|&(rule, line)| {
                let start = index.line_range(line - 1).start;
                Finding::new(lookup(rule).expect("a test rule"), start..start + 1, "m")
            })
            .collect();
        apply(
            "test.py",
            text,
            &mut findings,
            &RuleSet::new(Some(&["none".into()]), &[], &[]).unwrap(),
            lookup,
            true,
        );
        findings
            .iter()
            .map(|f| (f.rule, index.line_of(f.span.start) + 1))
            .collect()
    }

    #[test]
    fn marker_prefilter_sees_every_spelling() {
        for text in [
            "x = 1  # noqa",
            "x = 1  # NOQA: E501",
            "x = 1  # NoQa",
            "q = 1  # tollgate: ignore[x]",
        ] {
            assert!(has_marker(text), "{text}");
        }
        for text in ["query = request.GET  # a comment", "no qa here", "qa", ""] {
            assert!(!has_marker(text), "{text}");
        }
    }

    #[test]
    fn marker_lines_are_each_line_with_a_marker_once() {
        let text = "a = 1\nb = 2  # NoQa  # tollgate: ignore[x]\nquery = q\n// NOLINT\r\nc\n# noqa";
        let index = LineIndex::new(text);
        assert_eq!(marker_lines(text, &index), [1, 3, 5]);
        assert_eq!(
            marker_lines("plain\ncode\n", &LineIndex::new("plain\ncode\n")),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn own_syntax_covers_its_line_and_the_next_when_alone() {
        let text = "def f():  # tollgate: ignore[python/complex-function] legacy\n# tollgate: ignore[python]\ndef g():\ndef h():\n";
        let found = surviving(
            text,
            &[
                ("python/complex-function", 1),
                ("python/too-many-arguments", 1),
                ("python/complex-function", 3),
                ("python/complex-function", 4),
            ],
        );
        assert_eq!(
            found,
            vec![("python/too-many-arguments", 1), ("python/complex-function", 4)]
        );
    }

    #[test]
    fn trailing_comment_does_not_cover_the_next_line() {
        let text = "x = 1  # tollgate: ignore[python]\ndef g():\n";
        assert_eq!(
            surviving(text, &[("python/complex-function", 2)]),
            vec![("python/complex-function", 2)]
        );
    }

    #[test]
    fn ignore_file_covers_everything_it_names() {
        let text = "a\n# tollgate: ignore-file[secrets]\nb\n";
        let found = surviving(text, &[("secrets/github-pat", 1), ("python/complex-function", 3)]);
        assert_eq!(found, vec![("python/complex-function", 3)]);
    }

    #[test]
    fn noqa_forms() {
        let text = "def f():  # noqa: C901\ndef g():  # noqa\ndef h():  # NOQA:PLR0913\n";
        let found = surviving(
            text,
            &[
                ("python/complex-function", 1),
                ("python/too-many-arguments", 1),
                ("python/complex-function", 2),
                ("python/complex-function", 3),
                ("python/too-many-arguments", 3),
            ],
        );
        assert_eq!(
            found,
            vec![("python/too-many-arguments", 1), ("python/complex-function", 3)]
        );
    }

    #[test]
    fn ruff_file_level_noqa() {
        let text = "# ruff: noqa: PLR0913\ndef f():\n";
        let found = surviving(
            text,
            &[("python/complex-function", 2), ("python/too-many-arguments", 2)],
        );
        assert_eq!(found, vec![("python/complex-function", 2)]);
        assert!(surviving("# ruff: noqa\ndef f():\n", &[("python/complex-function", 2)]).is_empty());
    }

    #[test]
    fn ruff_ignore_file_ignore_and_ranges_with_codes_or_names() {
        let text = "def f():  # ruff: ignore[too-many-arguments]\ndef g():\n";
        let found = surviving(
            text,
            &[("python/too-many-arguments", 1), ("python/too-many-arguments", 2)],
        );
        assert_eq!(found, vec![("python/too-many-arguments", 2)]);

        let text = "x = 1\n# ruff: file-ignore[C901]\ndef f():\n";
        let found = surviving(
            text,
            &[("python/complex-function", 3), ("python/too-many-arguments", 3)],
        );
        assert_eq!(found, vec![("python/too-many-arguments", 3)]);

        // Lines 2-4 are in the range; 5 is after it. An unmatched disable runs to the end.
        let text = "def a():\n# ruff: disable[complex-structure]\ndef b():\n# ruff: enable[complex-structure]\ndef c():\n# ruff: disable[PLR0913]\ndef d():\n";
        let found = surviving(
            text,
            &[
                ("python/complex-function", 1),
                ("python/complex-function", 3),
                ("python/complex-function", 5),
                ("python/too-many-arguments", 5),
                ("python/too-many-arguments", 7),
            ],
        );
        assert_eq!(
            found,
            vec![
                ("python/complex-function", 1),
                ("python/complex-function", 5),
                ("python/too-many-arguments", 5)
            ]
        );
    }

    #[test]
    fn hadolint_forms() {
        let text = "# hadolint ignore=DL3009,DL3008\nRUN apt-get install curl\nRUN apt-get install git\n";
        assert_eq!(
            surviving(text, &[("docker/apt-pin", 2), ("docker/apt-pin", 3)]),
            vec![("docker/apt-pin", 3)]
        );
        let text = "# hadolint global ignore=DL3008\nFROM x\nRUN apt-get install git\n";
        assert!(surviving(text, &[("docker/apt-pin", 3)]).is_empty());
    }

    #[test]
    fn zizmor_form() {
        let text = "      - uses: actions/checkout@v4  # zizmor: ignore[unpinned-uses]\n      - uses: a/b@v1\n";
        let found = surviving(text, &[("actions/unpinned-uses", 1), ("actions/unpinned-uses", 2)]);
        assert_eq!(found, vec![("actions/unpinned-uses", 2)]);
    }

    #[test]
    fn secret_allow_comments() {
        let text = "token = 'x'  # gitleaks:allow\nkey = 'y'  // pragma: allowlist secret\n# pragma: allowlist nextline secret\nz = 'w'\nother = 'v'\n";
        let found = surviving(
            text,
            &[
                ("secrets/github-pat", 1),
                ("secrets/github-pat", 2),
                ("secrets/github-pat", 4),
                ("secrets/github-pat", 5),
            ],
        );
        assert_eq!(found, vec![("secrets/github-pat", 5)]);
        // A secrets allow comment does not hide a python finding.
        assert_eq!(
            surviving("def f():  # gitleaks:allow\n", &[("python/complex-function", 1)]).len(),
            1
        );
    }

    #[test]
    fn statement_start_extends_coverage() {
        let text = "# hadolint ignore=DL3008\nRUN apt-get update && \\\n    apt-get install curl\n";
        let index = LineIndex::new(text);
        let stmt = index.line_range(1).start;
        let at = text.find("curl").unwrap();
        let mut findings = vec![Finding::new(docker::APT_PIN, at..at + 4, "m").with_statement_start(stmt)];
        apply("test.py", text, &mut findings, &RuleSet::all(), lookup, true);
        assert!(findings.is_empty());
    }

    #[test]
    fn unused_own_suppressions_are_reported_peers_are_not() {
        let text = "x = 1  # tollgate: ignore[secrets/private-key]\ny = 2  # noqa: C901\nz = 3  # tollgate: ignore[secrets/privat-kee]\n";
        let mut findings = Vec::new();
        apply(
            "test.py",
            text,
            &mut findings,
            &RuleSet::all(),
            tollgate_rules::find,
            true,
        );
        let messages: Vec<(usize, &str)> = findings.iter().map(|f| (f.span.start, f.message.as_str())).collect();
        assert_eq!(findings.len(), 2, "{messages:?}");
        assert!(findings.iter().all(|f| f.rule == tollgate::UNUSED_SUPPRESSION.id));
        assert!(findings[0].message.contains("no finding of secrets/private-key"));
        assert!(findings[1].message.contains("unknown rule"));
        assert_eq!(&text[findings[0].span.clone()], "tollgate: ignore[secrets/private-key]");
    }

    #[test]
    fn an_unclosed_list_suppresses_nothing_and_is_reported() {
        let text = "def f():  # tollgate: ignore[python/complex-function\n# tollgate: ignore-file[python\n";
        let index = LineIndex::new(text);
        let mut findings = vec![
            Finding::new(python::COMPLEX_FUNCTION, 0..3, "m"),
            Finding::new(secrets::PRIVATE_KEY, 4..5, "m"),
        ];
        apply(
            "test.py",
            text,
            &mut findings,
            &RuleSet::all(),
            tollgate_rules::find,
            true,
        );
        let kept: Vec<(&str, usize)> = findings
            .iter()
            .map(|f| (f.rule, index.line_of(f.span.start) + 1))
            .collect();
        assert_eq!(
            kept,
            vec![
                ("python/complex-function", 1),
                ("secrets/private-key", 1),
                (tollgate::UNUSED_SUPPRESSION.id, 1),
                (tollgate::UNUSED_SUPPRESSION.id, 2)
            ]
        );
        assert!(findings[2].message.contains("never closed"), "{}", findings[2].message);
    }

    #[test]
    fn suppressions_for_rules_not_run_are_not_judged() {
        let text = "x = 1  # tollgate: ignore[secrets/private-key]\n";
        let mut findings = Vec::new();
        let rules = RuleSet::new(Some(&["tollgate".into()]), &[], &[]).unwrap();
        apply("test.py", text, &mut findings, &rules, tollgate_rules::find, true);
        assert!(findings.is_empty());
    }

    #[test]
    fn our_syntax_only_counts_in_comments_and_prose_is_not_judged() {
        let text = "summary = \"a `tollgate: ignore` comment\"\nx = 1  // tollgate: ignore[secrets]\n";
        let mut findings = Vec::new();
        apply(
            "lib.rs",
            text,
            &mut findings,
            &RuleSet::all(),
            tollgate_rules::find,
            true,
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(LineIndex::new(text).line_of(findings[0].span.start), 1);
        let mut findings = Vec::new();
        apply(
            "README.md",
            text,
            &mut findings,
            &RuleSet::all(),
            tollgate_rules::find,
            true,
        );
        assert!(findings.is_empty());
    }
}
