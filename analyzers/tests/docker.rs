//! Tests of the Dockerfile analyzer beyond the rule fixtures (testdata/docker/, checked by
//! cli/tests/fixtures.rs): spans, linearity, garbage input.

use tollgate_analyzers::{analyze, docker, Input, Kinds, Settings};
use tollgate_rules::{Finding, RuleSet};

fn run(text: &str, settings: docker::Settings) -> Vec<Finding> {
    let rules = RuleSet::new(Some(&["docker".to_string()]), &[], &[]).expect("docker selects rules");
    let kinds = Kinds {
        dockerfile: true,
        ..Kinds::default()
    };
    let input = Input {
        path: "Dockerfile",
        text,
        kinds,
        role: None,
    };
    let settings = Settings {
        docker: settings,
        ..Settings::default()
    };
    analyze(&input, &settings, &rules)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[test]
fn findings_on_continuation_lines_carry_the_instruction_start() {
    let text = "FROM debian:12.5\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n";
    let findings = run(text, docker::Settings::default());
    let pin = findings
        .iter()
        .find(|f| f.rule == "docker/apt-pin")
        .expect("curl is unpinned");
    assert_eq!(&text[pin.span.clone()], "curl");
    assert_eq!(line_of(text, pin.span.start), 3);
    assert_eq!(pin.statement_start, Some(text.find("RUN").unwrap()));
}

#[test]
fn a_long_file_is_fast_and_every_run_is_seen() {
    let mut text = String::from("FROM debian:12.5\n");
    for i in 0..1000 {
        text.push_str(&format!("ENV V{i}=x{i}\nRUN echo $V{i} | tee /tmp/{i}\n"));
    }
    let started = std::time::Instant::now();
    let findings = run(&text, docker::Settings::default());
    let pipes = findings
        .iter()
        .filter(|f| f.rule == "docker/pipe-without-pipefail")
        .count();
    assert_eq!(pipes, 1000);
    // Generous for debug builds on a shared machine; the release figure is in `scripts/bench docker`.
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn garbage_becomes_parse_errors_not_panics() {
    let inputs = [
        "FROM\n",
        "RUN <<EOF\n",
        "\u{0}\u{1}FROM x\n",
        "FROM x\nRUN \\",
        "FROM x\nCOPY <<A <<B /x\nA\n",
        "ONBUILD\n",
        "FROM x\nSHELL pwsh\n",
    ];
    for text in inputs {
        let findings = run(text, docker::Settings::default());
        assert!(
            findings.iter().any(|f| f.rule == "docker/parse-error"),
            "{text:?} gives a parse error"
        );
    }
    // Broken shell in a RUN is not a Dockerfile syntax error (BuildKit builds it; the shell
    // fails at run time): analyzed without a panic, and no parse error.
    let findings = run("FROM x\nRUN $(((((\n", docker::Settings::default());
    assert!(findings.iter().all(|f| f.rule != "docker/parse-error"), "{findings:?}");
}

/// Runs the analyzer on its own thread and fails if it takes longer than `limit`: the
/// pathological Dockerfiles below must stay linear, and the limit is generous for a debug
/// build.
fn run_within(limit: std::time::Duration, text: String) -> Vec<Finding> {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(run(&text, docker::Settings::default()));
    });
    receive
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("not done within {limit:?}"))
}

const TEN_SECONDS: std::time::Duration = std::time::Duration::from_secs(10);

/// What a rule asks about a whole RUN (does it clean this cache?) is not asked again for
/// each of its commands.
#[test]
fn a_run_of_ten_thousand_package_commands_is_linear() {
    for command in [
        "apt-get update",
        "apt-get install -y foo",
        "yum install -y foo",
        "yarn install",
        "sh -c 'true'",
        "pip install foo",
    ] {
        let text = format!("FROM debian:12\nRUN {}\n", vec![command; 10_000].join(" && "));
        let findings = run_within(TEN_SECONDS, text);
        assert!(findings.len() < 30_000, "{command}: {}", findings.len());
    }
}

/// Flags are split one word at a time, and a cache mount is looked for once per RUN.
#[test]
fn a_run_with_ten_thousand_flags_and_commands_is_linear() {
    let flags: Vec<String> = (0..10_000)
        .map(|i| format!("--mount=type=cache,target=/cache/{i}"))
        .collect();
    let commands = vec!["pip install foo==1"; 5_000].join(" && ");
    let findings = run_within(
        TEN_SECONDS,
        format!("FROM debian:12\nRUN {} {commands}\n", flags.join(" ")),
    );
    assert_eq!(findings.iter().filter(|f| f.rule == "docker/pip-cache").count(), 5_000);
}

#[test]
fn many_stages_and_instructions_are_linear() {
    let mut stages = String::new();
    for i in 0..10_000usize {
        stages.push_str(&format!(
            "FROM alpine:3 AS s{i}\nCOPY --from=s{} /a /b\n",
            i.saturating_sub(1)
        ));
    }
    run_within(TEN_SECONDS, stages);
    let mut pip_runs = String::from("FROM alpine:3\n");
    for i in 0..10_000usize {
        pip_runs.push_str(&format!("ENV A{i}=1\nRUN pip install --no-cache-dir foo==1\n"));
    }
    run_within(TEN_SECONDS, pip_runs);
    let pairs: Vec<String> = (0..20_000usize)
        .map(|i| format!("A{i}=$A{}", i.saturating_sub(1)))
        .collect();
    let findings = run_within(TEN_SECONDS, format!("FROM alpine:3\nENV {}\n", pairs.join(" ")));
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.rule == "docker/env-self-reference")
            .count(),
        19_999
    );
}

/// However long a word of the Dockerfile, a message quotes a short excerpt of it.
#[test]
fn messages_quote_short_excerpts() {
    let long = "x".repeat(100_000);
    let texts = [
        format!("FROM {long}:latest\n"),
        format!("FROM debian:12\nRUN apt-get install -y {long}\n"),
        format!("FROM debian:12\nWORKDIR {long}\n"),
        format!("FROM debian:12\nEXPOSE {long}\n"),
        format!("FROM debian:12\nCOPY --from={long} /a /b\n"),
        format!("FROM debian:12\n{long} x\n"),
        format!("# escape={long}\nFROM debian:12\n"),
    ];
    for text in texts {
        let findings = run(&text, docker::Settings::default());
        assert!(!findings.is_empty());
        for finding in findings {
            assert!(
                finding.message.len() <= 300,
                "{}: {} bytes",
                finding.rule,
                finding.message.len()
            );
        }
    }
}

/// BuildKit refuses a parser directive given twice ("only one escape parser directive can
/// be used"); so does the analyzer, keeping the first.
#[test]
fn a_repeated_parser_directive_is_a_parse_error() {
    let text = "# escape=`\n# escape=\\\nFROM debian:12\nRUN echo a `\n  b\n";
    let findings = run(text, docker::Settings::default());
    let errors: Vec<&Finding> = findings.iter().filter(|f| f.rule == "docker/parse-error").collect();
    assert_eq!(errors.len(), 1, "{findings:?}");
    assert_eq!(&text[errors[0].span.clone()], "# escape=\\");
    assert!(
        errors[0].message.contains("only one `escape` parser directive"),
        "{}",
        errors[0].message
    );
    let syntax = "# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1.7\nFROM debian:12\n";
    let findings = run(syntax, docker::Settings::default());
    assert_eq!(findings.iter().filter(|f| f.rule == "docker/parse-error").count(), 1);
}

/// Shapes that strain tree-sitter-bash's external scanner (its heredoc state is written to a
/// 1 KB buffer): many heredocs, a long delimiter, deep substitutions. The scanner drops the
/// state it cannot write rather than asserting; these stay findings, not an abort.
#[test]
fn scripts_that_strain_the_bash_scanner_are_analyzed() {
    let heredocs: Vec<String> = (0..400).map(|i| format!("<<H{i}")).collect();
    let bodies: String = (0..400).map(|i| format!("x\nH{i}\n")).collect();
    let long = "D".repeat(5000);
    let texts = [
        format!("FROM a\nRUN cat {}\n{bodies}", heredocs.join(" ")),
        format!("FROM a\nRUN <<{long}\necho hi\n{long}\n"),
        format!("FROM a\nRUN cat <<{long} && echo\n"),
        format!("FROM a\nRUN bash -c \"{}\"\n", heredocs.join("; cat ")),
        format!("FROM a\nRUN echo {}x{}\n", "$(".repeat(5000), ")".repeat(5000)),
        format!("FROM a\nRUN echo {}x{}\n", "\"$(".repeat(3000), ")\"".repeat(3000)),
        format!("FROM a\nRUN ls {}x{}\n", "@(".repeat(300), ")".repeat(300)),
    ];
    for text in texts {
        let findings = run_within(TEN_SECONDS, text);
        assert!(findings.iter().any(|f| f.rule == "docker/untagged-image"));
    }
}
