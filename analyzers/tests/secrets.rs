//! Tests of the secrets analyzer beyond the rule fixtures (testdata/secrets/<rule>/, checked
//! by cli/tests/fixtures.rs): on every fixture, each finding is redacted, carries a hashed
//! identity and never shows its secret in its message; nothing at all fires on the negatives
//! (placeholders, hashes, UUIDs, lockfiles, base64 images, test data); lockfiles, allow lists,
//! identities and linear time.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tollgate_analyzers::{analyze, classify, Input, Settings};
use tollgate_rules::{Finding, RuleSet};

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
        role: None,
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
    text[..offset].matches('\n').count() + 1
}

/// Every fixture, whatever its rule: `scan` checks each finding.
#[test]
fn findings_on_every_fixture_are_redacted_and_identified() {
    let base = root();
    let mut count = 0;
    for path in files(&base) {
        if path.ends_with("generate.py") {
            continue;
        }
        let (_, findings) = scan(&path, &base);
        count += findings.len();
    }
    assert!(count >= 700, "only {count} findings on the fixtures");
}

#[test]
fn nothing_fires_on_the_negative_set() {
    let base = root().join("generic-assignment/ok-negatives");
    let mut fired: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut count = 0;
    for path in files(&base) {
        count += 1;
        let (text, findings) = scan(&path, &base);
        let name = path.strip_prefix(&base).unwrap().display().to_string();
        for f in findings {
            fired.entry(name.clone()).or_default().push(format!(
                "{}:{} {}",
                line_of(&text, f.span.start),
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
        role: None,
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
        role: None,
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
            role: None,
        };
        analyze(&input, &Settings::default(), &RuleSet::all())
    };
    let (fa, fb) = (find(&a), find(&b));
    assert_eq!(fa.len(), 1);
    assert_eq!(fb.len(), 1);
    assert_eq!(fa[0].identity, fb[0].identity);
    assert_eq!(&b[fb[0].span.clone()], token);
}

/// Runs `scan` on its own thread and fails if it takes longer than `limit`: the pathological
/// inputs below must stay linear, and the limit is generous enough for a debug build.
fn within<T: Send + 'static>(limit: std::time::Duration, scan: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(scan());
    });
    receive
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("not done within {limit:?}"))
}

fn all_findings(path: &'static str, text: String) -> Vec<Finding> {
    let input = Input {
        path,
        text: &text,
        kinds: classify(path),
        role: None,
    };
    analyze(&input, &Settings::default(), &RuleSet::all())
}

const TEN_SECONDS: std::time::Duration = std::time::Duration::from_secs(10);

#[test]
fn a_megabyte_line_of_password_keywords_is_scanned_in_linear_time() {
    for path in ["notes.txt", "app.env"] {
        let text = "password=".repeat(1 << 17);
        let found = within(TEN_SECONDS, move || all_findings(path, text));
        assert!(found.is_empty(), "{path}: {found:?}");
    }
}

#[test]
fn private_key_headers_without_an_end_line_are_scanned_in_linear_time() {
    for header in [
        "-----BEGIN RSA PRIVATE KEY-----\n",
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n",
    ] {
        let text = header.repeat((2 << 20) / header.len());
        let found = within(TEN_SECONDS, move || all_findings("keys.txt", text));
        assert!(found.is_empty(), "{found:?}");
    }
    let text = "PuTTY-User-Key-File-3: ssh-rsa\n".repeat(1 << 16);
    assert!(within(TEN_SECONDS, move || all_findings("key.ppk", text)).is_empty());
}

/// A key header that is only quoted (in code that parses keys) does not swallow the real key
/// that follows it.
#[test]
fn a_quoted_key_header_before_a_real_key_leaves_the_key_its_own_span() {
    let body = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n";
    let key = format!("-----BEGIN RSA PRIVATE KEY-----\n{body}-----END RSA PRIVATE KEY-----");
    let text = format!("if line == \"-----BEGIN RSA PRIVATE KEY-----\":\n    pass\n{key}\n");
    let found = all_findings("keys.txt", text.clone());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(&text[found[0].span.clone()], key);
}

#[test]
fn ten_thousand_tokens_on_one_line_give_small_findings() {
    let tokens: Vec<String> = (0..10_000)
        .map(|i| format!("ghp_{i:04}Zr2Lk9Vt4Xw7Nb3Hs6Jd1Fq8Pm5Gc0Kd"))
        .collect();
    let text = format!("tokens = [{}]\n", tokens.join(", "));
    let found = within(TEN_SECONDS, move || all_findings("tokens.txt", text));
    assert_eq!(found.len(), 10_000);
    for finding in &found {
        assert_eq!(finding.span.len(), 40);
        assert!(finding.message.len() <= 200, "{}", finding.message);
        assert!(finding.related.is_empty() && finding.properties.is_empty());
    }
}

/// Messages quote at most a bounded piece of the text, however long the line they come from.
#[test]
fn messages_stay_short_on_long_lines() {
    let long = "a".repeat(100_000);
    let cases = [
        format!("{long}://svc:Zq8r2LkV9t@db.internal/app\n"),
        format!("PuTTY-User-Key-File-3: ssh-rsa {long}\nEncryption: none\nPrivate-Lines: 2\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"),
    ];
    for text in cases {
        for finding in all_findings("deploy.txt", text) {
            assert!(
                finding.message.len() <= 200,
                "{}: {}",
                finding.rule,
                finding.message.len()
            );
        }
    }
}

/// Overlap resolution between generic and specific findings is not a product of the two.
#[test]
fn many_generic_and_specific_findings_resolve_in_linear_time() {
    let mut text = String::new();
    for i in 0..60_000 {
        text.push_str(&format!(
            "api_key_{i} = \"ghp_{i:06}Zr2Lk9Vt4Xw7Nb3Hs6Jd1Fq8Pm5Gc0\"\nclient_secret = \"q8Zr2Lk9Vt4Xw7Nb3Hs6Jd1F\"\n"
        ));
    }
    let found = within(std::time::Duration::from_secs(20), move || {
        all_findings("settings.txt", text)
    });
    let generic = found.iter().filter(|f| f.rule == "secrets/generic-assignment").count();
    assert_eq!(generic, 60_000);
}
