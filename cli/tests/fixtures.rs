//! The rule fixtures: `testdata/<domain>/<rule-slug>/{bad,ok}-*` (the format is described in
//! testdata/README.md). Each rule folder is copied to a temporary tree and checked by the
//! built binary, once, as a user would run it; `bad-*` files must produce exactly the findings
//! their `expect:` lines list, `ok-*` files none of the folder's rule, and the text report of
//! the bad files is snapshotted so that messages are reviewed too.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tollgate_rules::catalogue;

use common::repo;

/// Folders under `testdata/<domain>/` that are not rule folders: the Python measurement
/// fixtures (every metric at threshold 0, read by analyzers/tests/python.rs).
const NOT_RULES: &[&str] = &["python/metrics", "smells/metrics"];

/// The rule a domain reports when a file does not parse: checked on every fixture of the
/// domain, since a fixture that does not parse tests nothing.
fn parse_rule(domain: &str) -> Option<&'static str> {
    match domain {
        "actions" => Some("actions/invalid-yaml"),
        "docker" => Some("docker/parse-error"),
        "python" => Some("python/syntax-error"),
        _ => None,
    }
}

/// One expected finding: the rule, the 1-based line the annotation stands above, the text the
/// finding's span starts with and, for a smell, its measured value.
#[derive(Clone, Debug, PartialEq)]
struct Expect {
    line: usize,
    rule: String,
    text: String,
    value: Option<u64>,
}

#[derive(Debug)]
struct Fixture {
    /// `<domain>/<slug>/<file>`, as the binary reports it in the temporary tree.
    path: String,
    bad: bool,
    text: String,
    expects: Vec<Expect>,
    /// Rules or prefixes whose findings are compared too, besides the folder's rule and the
    /// rules of the `expect:` lines.
    checks: Vec<String>,
    /// `[<domain>]` settings from `settings:` lines.
    settings: String,
    /// The line a whole-file finding (an empty span at 1:1) is expected above: the first line
    /// that is not an annotation.
    first_line: usize,
}

/// The body of an annotation `<keyword> ...` on `line`: after a comment opener, or as a JSON
/// string value (`"_expect": "expect: ...",`), with the comment's or string's end removed.
fn directive<'a>(line: &'a str, keyword: &str) -> Option<&'a str> {
    let at = line.find(keyword)?;
    let before = line[..at].trim();
    let comment = ["#", "//", "--", ";", "<!--", "/*"].contains(&before);
    let json = before.starts_with('"') && before.ends_with(": \"");
    if !comment && !json {
        return None;
    }
    let body = line[at + keyword.len()..].trim_end();
    let body = ["-->", "*/", "\",", "\""]
        .iter()
        .find_map(|end| body.strip_suffix(end))
        .unwrap_or(body);
    Some(body.trim())
}

fn parse_expect(body: &str, line: usize) -> Expect {
    let (rule, rest) = body.split_once(' ').unwrap_or((body, ""));
    let (text, value) = match rest.rsplit_once("value=") {
        Some((text, value)) if value.bytes().all(|b| b.is_ascii_digit()) && !value.is_empty() => {
            (text.trim_end(), Some(value.parse().expect("a number")))
        }
        _ => (rest, None),
    };
    Expect {
        line,
        rule: rule.to_string(),
        text: text.to_string(),
        value,
    }
}

fn load(root: &Path, path: &Path) -> Fixture {
    let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
    let inner = relative.splitn(3, '/').nth(2).unwrap_or_default();
    let bytes = std::fs::read(path).unwrap();
    // A binary fixture carries no annotations.
    let text = String::from_utf8(bytes).unwrap_or_default();
    let mut fixture = Fixture {
        path: relative.clone(),
        bad: inner.starts_with("bad-"),
        text: text.clone(),
        expects: Vec::new(),
        checks: Vec::new(),
        settings: String::new(),
        first_line: 0,
    };
    let yaml = relative.ends_with(".yml") || relative.ends_with(".yaml");
    let mut pending = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if let Some(body) = directive(line, "expect: ") {
            pending.push(body);
        } else if let Some(body) = directive(line, "check: ") {
            fixture
                .checks
                .extend(body.split([' ', ',']).filter(|s| !s.is_empty()).map(String::from));
        } else if let Some(body) = directive(line, "settings: ") {
            fixture.settings.push_str(body);
            fixture.settings.push('\n');
        } else {
            if fixture.first_line == 0 {
                fixture.first_line = index + 1;
            }
            // A comment inside a YAML block scalar would be part of its value: above the
            // key that opens one, an annotation stands for the scalar's first line.
            let line = index + 1 + usize::from(yaml && opens_block_scalar(line));
            for body in pending.drain(..) {
                fixture.expects.push(parse_expect(body, line));
            }
        }
    }
    assert!(pending.is_empty(), "{relative}: `expect:` at the end of the file");
    fixture
}

/// `key: |`, `- >-` and the like.
fn opens_block_scalar(line: &str) -> bool {
    let line = line.trim_end();
    let indicator = line.rsplit([' ', '\t']).next().unwrap_or("");
    indicator.starts_with(['|', '>'])
        && indicator.len() <= 3
        && indicator[1..]
            .bytes()
            .all(|b| b == b'-' || b == b'+' || b.is_ascii_digit())
        && (line.ends_with(&format!(": {indicator}")) || line.trim_start() == format!("- {indicator}"))
}

struct RuleFolder {
    domain: String,
    slug: String,
    files: Vec<PathBuf>,
}

/// Every rule folder, and what under `testdata/<domain>/` is neither a rule folder nor listed
/// in `NOT_RULES`.
fn rule_folders() -> (Vec<RuleFolder>, Vec<String>) {
    let testdata = repo().join("testdata");
    let domains: std::collections::BTreeSet<&str> = catalogue().rules().iter().map(|r| r.domain()).collect();
    let mut folders = Vec::new();
    let mut strays = Vec::new();
    for domain in domains {
        let Ok(entries) = std::fs::read_dir(testdata.join(domain)) else {
            continue;
        };
        let mut dirs: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
        dirs.sort();
        for dir in dirs {
            let slug = dir.file_name().unwrap().to_string_lossy().to_string();
            let id = format!("{domain}/{slug}");
            if NOT_RULES.contains(&id.as_str()) {
                continue;
            }
            if catalogue().get(&id).is_none() {
                strays.push(format!("testdata/{id}: no such rule"));
                continue;
            }
            let mut files = Vec::new();
            collect(&dir, &mut files);
            files.sort();
            folders.push(RuleFolder {
                domain: domain.to_string(),
                slug,
                files,
            });
        }
    }
    (folders, strays)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The byte offset of a 1-based column counted in UTF-16 code units, as reports count them.
fn offset_of(line: &str, column: usize) -> usize {
    let mut units = 1;
    for (at, c) in line.char_indices() {
        if units >= column {
            return at;
        }
        units += c.len_utf16();
    }
    line.len()
}

/// A finding's span: the whole of it, and its first line.
fn span_text<'a>(text: &'a str, finding: &Value) -> (&'a str, &'a str) {
    let number = |key: &str| finding[key].as_u64().unwrap() as usize;
    let offset = |line: usize, column: usize| {
        let start: usize = text.split_inclusive('\n').take(line - 1).map(str::len).sum();
        let rest = &text[start.min(text.len())..];
        let end = rest.find('\n').unwrap_or(rest.len());
        start.min(text.len()) + offset_of(rest[..end].trim_end_matches('\r'), column)
    };
    let start = offset(number("line"), number("column"));
    let end = offset(number("end_line"), number("end_column")).max(start);
    let whole = &text[start..end];
    let first = whole.split('\n').next().unwrap_or("").trim_end_matches('\r');
    (whole, first)
}

/// What one run of the binary printed (stdout), in a temporary copy of the folder's files so
/// that no config of this repository applies and no `testdata/` is in the paths the
/// analyzers see (generic secrets are not looked for in test data).
fn check(fixtures: &[&Fixture], domain: &str, select: &str, format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let testdata = repo().join("testdata");
    for fixture in fixtures {
        let target = dir.path().join(&fixture.path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(testdata.join(&fixture.path), target).unwrap();
    }
    let settings = &fixtures[0].settings;
    // Settings that open a table of their own (`[javascript]`) are written as they are.
    let config = if settings.is_empty() || settings.starts_with('[') {
        settings.clone()
    } else {
        format!("[{domain}]\n{settings}")
    };
    std::fs::write(dir.path().join("tollgate.toml"), config).unwrap();
    let mut args = vec![
        "check",
        "--config",
        "tollgate.toml",
        "--select",
        select,
        "--format",
        format,
        "--fail-on",
        "never",
        "--",
    ];
    args.extend(fixtures.iter().map(|f| f.path.as_str()));
    let run = common::tollgate(dir.path(), &args);
    assert_eq!(run.code, 0, "{select}: {}", run.stderr);
    run.stdout
}

fn checked(fixture: &Fixture, rule: &str, own: &str) -> bool {
    let domain = own.split('/').next().unwrap();
    rule == own
        || parse_rule(domain) == Some(rule)
        || fixture.expects.iter().any(|e| e.rule == rule)
        || fixture
            .checks
            .iter()
            .any(|c| rule == c || rule.starts_with(&format!("{c}/")))
}

/// Compares a fixture's annotations with its findings; the problems found.
fn compare(fixture: &Fixture, own: &str, findings: &[&Value]) -> Vec<String> {
    let mut problems = Vec::new();
    let name = format!("testdata/{}", fixture.path);
    let mut expects = fixture.expects.clone();
    // Longest texts first, so that a short prefix does not take another finding's match.
    expects.sort_by_key(|e| std::cmp::Reverse(e.text.len()));
    let mut actual: Vec<(Expect, String)> = findings
        .iter()
        .filter(|f| checked(fixture, f["rule"].as_str().unwrap(), own))
        .map(|f| {
            let (secret, span) = span_text(&fixture.text, f);
            let whole_file = f["line"] == 1 && f["column"] == 1 && f["end_line"] == 1 && f["end_column"] == 1;
            let line = if whole_file {
                fixture.first_line
            } else {
                f["line"].as_u64().unwrap() as usize
            };
            let message = f["message"].as_str().unwrap().to_string();
            let rule = f["rule"].as_str().unwrap();
            let value = f["properties"]["value"].as_u64();
            if let Some(value) = value {
                if !message.contains(&value.to_string()) {
                    problems.push(format!("{name}:{line}: {rule}: message `{message}` lacks the value"));
                }
            }
            if rule.starts_with("secrets/") && secret.len() >= 6 && message.contains(secret) {
                problems.push(format!("{name}:{line}: {rule}: the message shows the secret"));
            }
            let found = Expect {
                line,
                rule: rule.to_string(),
                text: span.to_string(),
                value,
            };
            (found, message)
        })
        .collect();
    for expect in &expects {
        let hit = actual.iter().position(|(f, _)| {
            f.rule == expect.rule
                && f.line == expect.line
                && f.text.starts_with(&expect.text)
                && expect.value.is_none_or(|v| f.value == Some(v))
        });
        match hit {
            Some(at) => {
                actual.remove(at);
            }
            None => problems.push(format!(
                "{name}:{}: expected {} `{}`{} not found",
                expect.line,
                expect.rule,
                expect.text,
                expect.value.map(|v| format!(" value={v}")).unwrap_or_default()
            )),
        }
    }
    for (f, message) in actual {
        // Only the start of a secret, as in the annotations.
        let shown: String = if f.rule.starts_with("secrets/") {
            f.text.chars().take(8).collect()
        } else {
            f.text.clone()
        };
        problems.push(format!(
            "{name}:{}: unexpected {} at `{shown}`{}: {message}",
            f.line,
            f.rule,
            f.value.map(|v| format!(" value={v}")).unwrap_or_default()
        ));
    }
    problems
}

/// Checks one rule folder; its problems, and the text report of its bad files.
fn check_folder(domain: &str, slug: &str, files: &[PathBuf]) -> (Vec<String>, String) {
    let root = repo().join("testdata");
    let own = format!("{domain}/{slug}");
    let fixtures: Vec<Fixture> = files.iter().map(|p| load(&root, p)).collect();
    let mut problems = Vec::new();
    for fixture in &fixtures {
        let inner = fixture.path.splitn(3, '/').nth(2).unwrap();
        if !inner.starts_with("bad-") && !inner.starts_with("ok-") {
            problems.push(format!("testdata/{}: neither bad-* nor ok-*", fixture.path));
        }
        for rule in fixture.expects.iter().map(|e| &e.rule).chain(&fixture.checks) {
            let known = catalogue().get(rule).is_some()
                || catalogue()
                    .rules()
                    .iter()
                    .any(|r| r.id.starts_with(&format!("{rule}/")));
            if !known {
                problems.push(format!("testdata/{}: unknown rule `{rule}`", fixture.path));
            }
        }
    }
    // A bad-* file, or a bad-* folder of files that go together, fires the folder's rule;
    // an ok-* one expects none of it (and the comparison checks that none is found).
    let mut units: BTreeMap<&str, bool> = BTreeMap::new();
    for fixture in &fixtures {
        let unit = fixture.path.split('/').nth(2).unwrap();
        *units.entry(unit).or_default() |= fixture.expects.iter().any(|e| e.rule == own);
    }
    for (unit, fires) in units {
        if unit.starts_with("bad-") && !fires {
            problems.push(format!(
                "testdata/{own}/{unit}: a bad fixture without an `expect: {own}`"
            ));
        }
        if unit.starts_with("ok-") && fires {
            problems.push(format!("testdata/{own}/{unit}: an ok fixture that expects {own}"));
        }
    }
    // Files with their own settings run on their own.
    let mut groups: BTreeMap<&str, Vec<&Fixture>> = BTreeMap::new();
    for fixture in &fixtures {
        groups.entry(fixture.settings.as_str()).or_default().push(fixture);
    }
    let mut report = String::new();
    for group in groups.values() {
        let mut select: Vec<&str> = vec![own.as_str()];
        select.extend(parse_rule(domain));
        for fixture in group {
            select.extend(fixture.expects.iter().map(|e| e.rule.as_str()));
            select.extend(fixture.checks.iter().map(String::as_str));
        }
        select.sort();
        select.dedup();
        let select = select.join(",");
        let json: Value = serde_json::from_str(&check(group, domain, &select, "json")).unwrap();
        let findings = json.as_array().unwrap();
        for fixture in group {
            let mine: Vec<&Value> = findings.iter().filter(|f| f["path"] == fixture.path).collect();
            problems.extend(compare(fixture, &own, &mine));
        }
        let bad: Vec<&Fixture> = group.iter().copied().filter(|f| f.bad).collect();
        if !bad.is_empty() {
            report.push_str(&check(&bad, domain, &select, "text"));
        }
    }
    // Paths as the repository has them, not as the temporary copy did.
    let report = report.replace(&format!("{own}/"), &format!("testdata/{own}/"));
    (problems, report)
}

/// `TOLLGATE_FIXTURES=docker/cd-in-run,python` checks only the folders of those rules or
/// prefixes: what a contributor runs while writing one rule.
fn wanted(domain: &str, slug: &str) -> bool {
    match std::env::var("TOLLGATE_FIXTURES") {
        Ok(filter) if !filter.is_empty() => filter
            .split(',')
            .any(|selector| tollgate_rules::select::matches(selector.trim(), &format!("{domain}/{slug}"))),
        _ => true,
    }
}

#[test]
fn fixtures_report_exactly_what_they_expect() {
    let (mut folders, strays) = rule_folders();
    assert!(folders.len() > 300, "only {} rule folders", folders.len());
    folders.retain(|f| wanted(&f.domain, &f.slug));
    let mut problems = strays;
    let mut reports = Vec::new();
    // The runs are independent: a few at a time.
    let chunks: Vec<_> = folders.chunks(folders.len().div_ceil(4)).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|f| (&f.domain, &f.slug, check_folder(&f.domain, &f.slug, &f.files)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            for (domain, slug, (found, report)) in handle.join().unwrap() {
                problems.extend(found);
                reports.push((format!("{domain}__{slug}"), report));
            }
        }
    });
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    for (name, report) in reports {
        insta::assert_snapshot!(name, report);
    }
}

/// Every rule of the catalogue has a folder with a bad fixture that expects it (and the test
/// above checks that it fires) and an ok fixture.
#[test]
fn every_rule_has_a_firing_and_a_quiet_fixture() {
    let (folders, _) = rule_folders();
    let root = repo().join("testdata");
    let mut missing = Vec::new();
    for rule in catalogue().rules() {
        let slug = rule.id.split_once('/').unwrap().1;
        let files = folders
            .iter()
            .find(|f| f.domain == rule.domain() && f.slug == slug)
            .map(|f| f.files.iter().map(|p| load(&root, p)).collect::<Vec<_>>())
            .unwrap_or_default();
        let fires = files
            .iter()
            .any(|f| f.bad && f.expects.iter().any(|e| e.rule == rule.id));
        let quiet = files.iter().any(|f| !f.bad);
        if !fires || !quiet {
            missing.push(format!("{} (firing: {fires}, quiet: {quiet})", rule.id));
        }
    }
    assert!(missing.is_empty(), "rules without fixtures:\n{}", missing.join("\n"));
}
