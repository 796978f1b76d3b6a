//! The secrets fixtures under testdata/secrets/:
//!
//! - `positives/`: a line `tollgate-expect: <rule> [value=<secret>]` says the next line has a
//!   finding of that rule (whose span is `<secret>` when given). Recall over all of them must
//!   be at least 98%, and every rule must have at least one.
//! - `near-misses/`: a line `tollgate-near-miss: <rule>` says the next line has no finding of
//!   that rule. Every provider rule must have at least one.
//! - `negatives/`: nothing fires at all (placeholders, hashes, UUIDs, lockfiles, base64
//!   images, test data).
//!
//! Every finding is redacted, carries a hashed identity and never shows its secret in its
//! message.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use tollgate_analyzers::{analyze, classify, Input, Settings};
use tollgate_rules::{catalogue, Finding, RuleSet};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/secrets")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Findings of a fixture as the cli would get them, path relative to its folder.
fn scan(path: &Path, base: &Path) -> (String, Vec<Finding>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let relative = path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
    let input = Input {
        path: &relative,
        text: &text,
        kinds: classify(&relative),
    };
    let secrets = RuleSet::new(Some(&["secrets".to_string()]), &[], &[]).unwrap();
    let findings = analyze(&input, &Settings::default(), &secrets);
    for finding in &findings {
        assert!(finding.rule.starts_with("secrets/"), "{relative}: {finding:?}");
        assert!(finding.redact, "{relative}: {} is not redacted", finding.rule);
        assert!(
            finding.identity.is_some(),
            "{relative}: {} has no identity",
            finding.rule
        );
        let secret = &text[finding.span.clone()];
        if secret.len() >= 6 {
            assert!(
                !finding.message.contains(secret),
                "{relative}: {} message shows the secret: {}",
                finding.rule,
                finding.message
            );
        }
    }
    (text, findings)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count()
}

/// (line index of the marker's target, rule, optional value) for every marker in a file.
fn markers<'a>(text: &'a str, marker: &str) -> Vec<(usize, &'a str, Option<&'a str>)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let at = line.find(marker)?;
            // Markers inside JSON strings end with `",`.
            let rest = line[at + marker.len()..].trim().trim_end_matches([',', '"']);
            let (rule, value) = match rest.split_once(" value=") {
                Some((rule, value)) => (rule.trim(), Some(value)),
                None => (rest, None),
            };
            Some((i + 1, rule, value))
        })
        .collect()
}

#[test]
fn recall_on_the_positive_set_is_at_least_98_percent() {
    let base = root().join("positives");
    let mut expected = 0;
    let mut misses = Vec::new();
    let mut covered = BTreeSet::new();
    for path in files(&base) {
        let (text, findings) = scan(&path, &base);
        let name = path.strip_prefix(&base).unwrap().display().to_string();
        if name.ends_with(".p12") || name.ends_with(".pfx") {
            expected += 1;
            covered.insert("secrets/pkcs12-file".to_string());
            if !findings.iter().any(|f| f.rule == "secrets/pkcs12-file") {
                misses.push(format!("{name}: secrets/pkcs12-file"));
            }
            continue;
        }
        for (line, rule, value) in markers(&text, "tollgate-expect:") {
            expected += 1;
            covered.insert(rule.to_string());
            assert!(
                catalogue().get(rule).is_some(),
                "{name}:{}: unknown rule {rule}",
                line + 1
            );
            let hit = findings
                .iter()
                .find(|f| f.rule == rule && line_of(&text, f.span.start) == line);
            match (hit, value) {
                (None, _) => {
                    let got: Vec<&str> = findings
                        .iter()
                        .filter(|f| line_of(&text, f.span.start) == line)
                        .map(|f| f.rule)
                        .collect();
                    misses.push(format!("{name}:{}: {rule} (got {got:?})", line + 1));
                }
                (Some(f), Some(value)) if &text[f.span.clone()] != value => {
                    misses.push(format!(
                        "{name}:{}: {rule} span {:?} != {value:?}",
                        line + 1,
                        &text[f.span.clone()]
                    ));
                }
                _ => {}
            }
        }
    }
    let recall = (expected - misses.len()) as f64 / expected as f64;
    eprintln!(
        "secrets recall: {}/{} = {:.2}%",
        expected - misses.len(),
        expected,
        recall * 100.0
    );
    for miss in &misses {
        eprintln!("  missed {miss}");
    }
    assert!(expected >= 400, "only {expected} positives");
    assert!(recall >= 0.98, "recall {recall:.4} below 98%: {misses:#?}");
    let uncovered: Vec<&str> = catalogue()
        .rules()
        .iter()
        .filter(|r| r.id.starts_with("secrets/") && !covered.contains(r.id))
        .map(|r| r.id)
        .collect();
    assert!(uncovered.is_empty(), "rules without a positive fixture: {uncovered:?}");
}

/// The hand-written positives (real-world shapes: config files, code, key files) are all
/// found, exactly: the 98% floor is for the whole set.
#[test]
fn every_hand_written_positive_is_found() {
    let base = root().join("positives");
    for dir in ["code", "config", "keys"] {
        for path in files(&base.join(dir)) {
            let (text, findings) = scan(&path, &base);
            for (line, rule, value) in markers(&text, "tollgate-expect:") {
                let found = findings.iter().any(|f| {
                    f.rule == rule
                        && line_of(&text, f.span.start) == line
                        && value.is_none_or(|v| &text[f.span.clone()] == v)
                });
                assert!(found, "{}:{}: {rule} not found", path.display(), line + 1);
            }
        }
    }
}

#[test]
fn near_misses_do_not_fire_their_rule() {
    let base = root().join("near-misses");
    let mut covered = BTreeSet::new();
    let mut fired = Vec::new();
    for path in files(&base) {
        let (text, findings) = scan(&path, &base);
        let name = path.strip_prefix(&base).unwrap().display().to_string();
        for (line, rule, _) in markers(&text, "tollgate-near-miss:") {
            covered.insert(rule.to_string());
            if findings
                .iter()
                .any(|f| f.rule == rule && line_of(&text, f.span.start) == line)
            {
                fired.push(format!("{name}:{}: {rule}", line + 1));
            }
        }
    }
    assert!(fired.is_empty(), "near-misses that fired: {fired:#?}");
    let uncovered: Vec<&str> = catalogue()
        .rules()
        .iter()
        .filter(|r| r.id.starts_with("secrets/") && !covered.contains(r.id))
        .map(|r| r.id)
        .collect();
    assert!(uncovered.is_empty(), "rules without a near-miss fixture: {uncovered:?}");
}

#[test]
fn nothing_fires_on_the_negative_set() {
    let base = root().join("negatives");
    let mut fired: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut count = 0;
    for path in files(&base) {
        count += 1;
        let (text, findings) = scan(&path, &base);
        let name = path.strip_prefix(&base).unwrap().display().to_string();
        for f in findings {
            fired.entry(name.clone()).or_default().push(format!(
                "{}:{} {}",
                line_of(&text, f.span.start) + 1,
                f.rule,
                f.message
            ));
        }
    }
    assert!(count >= 10, "only {count} negative files");
    assert!(fired.is_empty(), "false alarms: {fired:#?}");
}

#[test]
fn lockfiles_are_scanned_only_when_asked() {
    let text = "  \"integrity\": \"sha512-q8Zr2Lk9Vt4Xw7Nb3Hs6Jd1F\",\n  token = \"ghp_Zr2Lk9Vt4Xw7Nb3Hs6Jd1Fq8Pm5Gc0Kd8sLe\"\n";
    let input = Input {
        path: "web/package-lock.json",
        text,
        kinds: classify("web/package-lock.json"),
    };
    assert!(analyze(&input, &Settings::default(), &RuleSet::all()).is_empty());
    let settings = Settings {
        secrets: tollgate_analyzers::secrets::Settings {
            scan_lockfiles: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let found = analyze(&input, &settings, &RuleSet::all());
    assert_eq!(found.iter().map(|f| f.rule).collect::<Vec<_>>(), ["secrets/github-pat"]);
    assert_eq!(
        found[0].level,
        Some(tollgate_rules::Level::Warning),
        "made-up checksum is a warning"
    );
}

#[test]
fn allow_list_drops_known_values() {
    let text = "SLACK_BOT_TOKEN=xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1\n";
    let input = Input {
        path: ".env",
        text,
        kinds: classify(".env"),
    };
    assert_eq!(analyze(&input, &Settings::default(), &RuleSet::all()).len(), 1);
    let settings = Settings {
        secrets: tollgate_analyzers::secrets::Settings {
            allow: vec!["FGqddMF8t08v8N7Oq4i57vs1".to_string()],
            ..Default::default()
        },
        ..Default::default()
    };
    assert!(analyze(&input, &settings, &RuleSet::all()).is_empty());
}

#[test]
fn same_secret_same_identity_wherever_it_moves() {
    let token = "glpat-Q8zR2kL9vT4xW7nB3hS6";
    let a = format!("GITLAB_TOKEN={token}\n");
    let b = format!("# moved\n\n  gitlab_token: {token}\n");
    let find = |text: &str| {
        let input = Input {
            path: "ci.yml",
            text,
            kinds: classify("ci.yml"),
        };
        analyze(&input, &Settings::default(), &RuleSet::all())
    };
    let (fa, fb) = (find(&a), find(&b));
    assert_eq!(fa.len(), 1);
    assert_eq!(fb.len(), 1);
    assert_eq!(fa[0].identity, fb[0].identity);
    assert_eq!(&b[fb[0].span.clone()], token);
}
