//! The syntax matrix: every provider rule's positive example (the first line of its
//! generated `testdata/secrets/<slug>/bad-generated.txt`, rendered from the rule data by
//! `testdata/secrets/generate.py`) is split into a name and a value and written the ways code
//! and configuration assign values - shell, Windows, PowerShell, Python, Go, JavaScript,
//! Kotlin, Java, C#, PHP, Ruby, R, JSON, YAML, TOML, INI, `.properties`, XML, Dockerfiles,
//! heredocs, call arguments, concatenation - and every cell must be found by that rule.

use std::path::Path;

use tollgate_analyzers::{analyze, classify, Input, Settings};
use tollgate_rules::RuleSet;

/// Examples that are whole documents (a `config.json`, a service-account key file), not a
/// value assigned to a name: they are their own fixtures, not rows of the matrix.
const DOCUMENTS: &[&str] = &["secrets/docker-config-auth", "secrets/gcp-service-account-key"];

/// One way of writing `name = value`: the file it is in and its text. `upper` is the name
/// as the example spells it (`DD_API_KEY`), `lower` the same in lower case (`dd_api_key`).
struct Form {
    name: &'static str,
    file: &'static str,
    render: fn(upper: &str, lower: &str, value: &str) -> String,
}

/// `value` inside a double-quoted string of a C-like language.
fn quoted(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

const FORMS: &[Form] = &[
    Form {
        name: "env",
        file: ".env",
        render: |n, _, v| format!("{n}={v}\n"),
    },
    Form {
        name: "shell export",
        file: "deploy.sh",
        render: |n, _, v| format!("export {n}=\"{}\"\n", quoted(v)),
    },
    Form {
        name: "windows set",
        file: "setup.bat",
        render: |n, _, v| format!("set {n}={v}\n"),
    },
    Form {
        name: "powershell $env:",
        file: "setup.ps1",
        render: |n, _, v| format!("$env:{n} = \"{}\"\n", quoted(v)),
    },
    Form {
        name: "python =",
        file: "settings.py",
        render: |_, n, v| format!("{n} = \"{}\"\n", quoted(v)),
    },
    Form {
        name: "python keyword argument",
        file: "client.py",
        render: |_, n, v| format!("client = Client({n}=\"{}\", timeout=10)\n", quoted(v)),
    },
    Form {
        name: "python os.environ",
        file: "conftest.py",
        render: |n, _, v| format!("os.environ[\"{n}\"] = \"{}\"\n", quoted(v)),
    },
    Form {
        name: "getenv default",
        file: "config.py",
        render: |n, _, v| format!("token = os.getenv(\"{n}\", \"{}\")\n", quoted(v)),
    },
    Form {
        name: "go :=",
        file: "main.go",
        render: |_, n, v| format!("\t{n} := \"{}\"\n", quoted(v)),
    },
    Form {
        name: "javascript const",
        file: "config.js",
        render: |_, n, v| format!("const {n} = '{v}';\n"),
    },
    Form {
        name: "kotlin val",
        file: "Config.kt",
        render: |_, n, v| format!("val {n} = \"{}\"\n", quoted(v)),
    },
    Form {
        name: "java field",
        file: "Config.java",
        render: |n, _, v| format!("    private static final String {n} = \"{}\";\n", quoted(v)),
    },
    Form {
        name: "c# +=",
        file: "Program.cs",
        render: |_, n, v| format!("{n} += \"{}\";\n", quoted(v)),
    },
    Form {
        name: "php .=",
        file: "config.php",
        render: |_, n, v| format!("${n} .= \"{}\";\n", quoted(v)),
    },
    Form {
        name: "php ->",
        file: "service.php",
        render: |_, n, v| format!("$this->{n} = '{v}';\n"),
    },
    Form {
        name: "ruby/perl =>",
        file: "config.rb",
        render: |_, n, v| format!("  \"{n}\" => \"{}\",\n", quoted(v)),
    },
    Form {
        name: "r <-",
        file: "setup.R",
        render: |_, n, v| format!("{n} <- \"{}\"\n", quoted(v)),
    },
    Form {
        name: "concatenation",
        file: "Client.java",
        render: |_, n, v| format!("String {n} = \"{}\" + suffix;\n", quoted(v)),
    },
    Form {
        name: "json",
        file: "config.json",
        render: |_, n, v| format!("{{\n  \"{n}\": \"{}\"\n}}\n", quoted(v)),
    },
    Form {
        name: "yaml",
        file: "config.yml",
        render: |_, n, v| format!("service:\n  {n}: '{}'\n", v.replace('\'', "''")),
    },
    Form {
        name: "yaml flow map",
        file: "values.yaml",
        render: |_, n, v| format!("service: {{{n}: \"{}\", port: 443}}\n", quoted(v)),
    },
    Form {
        name: "toml",
        file: "config.toml",
        render: |_, n, v| format!("[service]\n{n} = \"{}\"\n", quoted(v)),
    },
    Form {
        name: "ini",
        file: "settings.ini",
        render: |_, n, v| format!("[service]\n{n} = {v}\n"),
    },
    Form {
        name: ".properties",
        file: "application.properties",
        render: |_, n, v| format!("app.{n}={v}\n"),
    },
    Form {
        name: "xml attribute",
        file: "settings.xml",
        render: |_, n, v| format!("<service {n}=\"{}\" />\n", v.replace('"', "&quot;")),
    },
    Form {
        name: "xml appSettings",
        file: "web.config",
        render: |n, _, v| format!("  <add key=\"{n}\" value=\"{}\" />\n", v.replace('"', "&quot;")),
    },
    Form {
        name: "xml element",
        file: "pom.xml",
        render: |_, n, v| format!("    <{n}>{v}</{n}>\n"),
    },
    Form {
        name: "dockerfile ENV",
        file: "Dockerfile",
        render: |n, _, v| format!("FROM alpine:3.20\nENV {n}=\"{}\"\n", quoted(v)),
    },
    Form {
        name: "heredoc",
        file: "bootstrap.sh",
        render: |n, _, v| format!("cat > .env <<EOF\n{n}={v}\nEOF\n"),
    },
];

/// The example's first line: `NAME=value`, `name: value`, `name = "value"`; else the whole
/// line is the value and the name comes from the rule (`SLACK_WEBHOOK_URL`).
fn name_and_value(rule: &str, line: &str) -> (String, String) {
    let line = line.trim();
    let name_end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .unwrap_or(line.len());
    let (name, rest) = line.split_at(name_end);
    let rest = rest.trim_start();
    // `name: value` needs the space after the colon: `https://…` is no assignment.
    let value = rest
        .strip_prefix('=')
        .or_else(|| rest.strip_prefix(": "))
        .map(str::trim);
    match value {
        Some(value) if !name.is_empty() && !name.starts_with('-') && !value.contains(' ') => {
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            (name.replace(['-', '.'], "_").to_ascii_uppercase(), value.to_string())
        }
        _ => {
            let slug = rule.trim_start_matches("secrets/");
            (slug.replace('-', "_").to_ascii_uppercase(), line.to_string())
        }
    }
}

fn example(rule: &str) -> String {
    let slug = rule.trim_start_matches("secrets/");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../testdata/secrets/{slug}/bad-generated.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .find(|line| !line.starts_with('#') && !line.trim().is_empty())
        .unwrap_or_else(|| panic!("{}: no example line", path.display()))
        .to_string()
}

fn found(rule: &str, file: &str, text: &str, secrets: &RuleSet) -> bool {
    let input = Input {
        path: file,
        text,
        kinds: classify(file),
        role: None,
    };
    analyze(&input, &Settings::default(), secrets)
        .iter()
        .any(|f| f.rule == rule)
}

#[test]
fn every_provider_rule_is_found_in_every_syntax() {
    let secrets = RuleSet::new(Some(&["secrets".to_string()]), &[], &[]).unwrap();
    let mut rules = 0;
    let mut cells = 0;
    let mut missed: Vec<String> = Vec::new();
    for pattern in tollgate_rules::secret_patterns() {
        if DOCUMENTS.contains(&pattern.id) {
            continue;
        }
        rules += 1;
        let (upper, value) = name_and_value(pattern.id, &example(pattern.id));
        let lower = upper.to_ascii_lowercase();
        for form in FORMS {
            cells += 1;
            let text = (form.render)(&upper, &lower, &value);
            if !found(pattern.id, form.file, &text, &secrets) {
                missed.push(format!(
                    "{} in {} ({}): {}",
                    pattern.id,
                    form.name,
                    form.file,
                    text.trim_end()
                ));
            }
        }
    }
    println!(
        "syntax matrix: {rules} provider rules x {} syntaxes = {cells} cells, {} found, {} missed ({} whole-document examples not in the matrix)",
        FORMS.len(),
        cells - missed.len(),
        missed.len(),
        DOCUMENTS.len()
    );
    assert!(FORMS.len() >= 12);
    assert!(
        missed.is_empty(),
        "{} cells missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn names_and_values_are_read_from_examples() {
    let cases = [
        ("DD_API_KEY=0123abcd", ("DD_API_KEY", "0123abcd")),
        ("token = \"xoxs-1-2\"", ("TOKEN", "xoxs-1-2")),
        ("client_secret: GOCSPX-abc", ("CLIENT_SECRET", "GOCSPX-abc")),
        (
            "https://hooks.example/x",
            ("SLACK_WEBHOOK_URL", "https://hooks.example/x"),
        ),
        (
            "oc login --token=sha256~abc",
            ("SLACK_WEBHOOK_URL", "oc login --token=sha256~abc"),
        ),
    ];
    for (line, (name, value)) in cases {
        assert_eq!(
            name_and_value("secrets/slack-webhook-url", line),
            (name.to_string(), value.to_string()),
            "{line}"
        );
    }
}
