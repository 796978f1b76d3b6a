//! The workflow YAML reader against hostile and oversized input: alias bombs, nesting
//! deep enough to overflow the parser's state, files longer than its row counter, and
//! inputs large enough to show superlinear time. Every case must end with a tree of
//! bounded size or a clear `actions/invalid-yaml`, never with an abort or a false report.

use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tollgate_analyzers::actions::yaml::{self, Node, Parsed, Value};
use tollgate_analyzers::actions::{self, Settings};
use tollgate_analyzers::{Input, Kinds};
use tollgate_rules::actions::INVALID_YAML;
use tollgate_rules::Finding;

/// Nodes in a tree, counted without recursion (the trees under test may be deep).
fn count_nodes(documents: &[Node]) -> usize {
    let mut stack: Vec<&Node> = documents.iter().collect();
    let mut count = 0;
    while let Some(node) = stack.pop() {
        count += 1;
        match &node.value {
            Value::Map(pairs) => stack.extend(pairs.iter().map(|pair| &pair.value)),
            Value::Seq(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
    count
}

fn analyze(text: &str) -> Vec<Finding> {
    let input = Input {
        path: ".github/workflows/x.yml",
        text,
        kinds: Kinds {
            workflow: true,
            ..Kinds::default()
        },
        role: None,
    };
    let mut out = Vec::new();
    actions::analyze(&input, &Settings::default(), false, &mut out);
    out
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// `l0: &l0 [x, x, …]`, then `l1: &l1 [*l0, *l0, …]` and so on: `width^levels` leaves.
fn alias_bomb(levels: usize, width: usize) -> String {
    let mut text = format!("l0: &l0 [{}]\n", vec!["x"; width].join(","));
    for level in 1..levels {
        let alias = format!("*l{}", level - 1);
        text += &format!("l{level}: &l{level} [{}]\n", vec![alias.as_str(); width].join(","));
    }
    text
}

/// The expansion budget the reader promises: this many nodes plus one per byte of input.
const ALIAS_BUDGET: usize = 100_000;

fn assert_bomb_stopped(text: &str, parsed: &Parsed, path: &str) {
    let nodes = count_nodes(&parsed.documents);
    assert!(
        nodes <= 2 * (ALIAS_BUDGET + text.len()),
        "{path}: {nodes} nodes from {} bytes",
        text.len()
    );
    let error = parsed
        .error
        .clone()
        .unwrap_or_else(|| panic!("{path}: no error reported"));
    assert!(
        text[error.clone()].starts_with('*'),
        "{path}: error at {:?}",
        &text[error]
    );
    let message = parsed.message.as_deref().unwrap_or("");
    assert!(message.contains("alias"), "{path}: {message:?}");
}

#[test]
fn an_alias_bomb_is_cut_short_on_both_paths() {
    // 10^6 leaves: small enough to build in full before the budget existed.
    let text = alias_bomb(6, 10);
    assert_bomb_stopped(&text, &yaml::parse_with_tree_sitter(&text), "tree-sitter");
    assert_bomb_stopped(&text, &yaml::parse(&text), "parse");
    if let Some(documents) = yaml::parse_fast(&text) {
        panic!("the fast path expanded the bomb to {} nodes", count_nodes(&documents));
    }
}

/// The 474-byte bomb (10^8 leaves) under a 2 GB address-space limit, in a child process
/// so that running out of memory fails this test instead of the machine.
#[test]
fn the_474_byte_alias_bomb_stays_within_memory() {
    let exe = std::env::current_exe().unwrap();
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2000000; exec \"$0\" --exact --ignored --nocapture alias_bomb_in_child")
        .arg(exe)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "{}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
#[ignore = "run by the_474_byte_alias_bomb_stays_within_memory under a memory limit"]
fn alias_bomb_in_child() {
    let bomb = alias_bomb(8, 10);
    assert!(bomb.len() < 500);
    assert_bomb_stopped(&bomb, &yaml::parse(&bomb), "parse");
    assert_bomb_stopped(&bomb, &yaml::parse_with_tree_sitter(&bomb), "tree-sitter");
    // The same bomb inside a workflow's steps, through every rule.
    let workflow = format!(
        "on: push\n{}jobs:\n  a:\n    runs-on: x\n    steps: *l7\n",
        bomb.replace("[x,", "[{run: echo},")
    );
    let findings = analyze(&workflow);
    assert!(findings.iter().any(|f| f.rule == INVALID_YAML.id), "{findings:?}");
}

#[test]
fn anchors_nested_in_anchors_do_not_multiply_the_tree() {
    // Each anchor copies everything inside it: 100 nested anchors around a long list
    // would hold the list 100 times.
    let depth = 60;
    let mut text = String::new();
    for level in 0..depth {
        text += &format!("{}k{level}: &a{level}\n", "  ".repeat(level));
    }
    text += &format!("{}list: [{}]\n", "  ".repeat(depth), vec!["x"; 20_000].join(","));
    for parsed in [yaml::parse(&text), yaml::parse_with_tree_sitter(&text)] {
        let nodes = count_nodes(&parsed.documents);
        assert!(nodes <= 2 * (ALIAS_BUDGET + text.len()), "{nodes} nodes");
    }
}

/// `parse` and `parse_with_tree_sitter` on input too deep for the parser: an error that
/// says so, and no abort (an abort kills this test process, failing every test here).
fn assert_too_deep(text: &str) {
    for (path, parsed) in [
        ("parse", yaml::parse(text)),
        ("tree-sitter", yaml::parse_with_tree_sitter(text)),
    ] {
        assert!(parsed.error.is_some(), "{path}: no error");
        let message = parsed.message.as_deref().unwrap_or("");
        assert!(message.contains("deep"), "{path}: {message:?}");
    }
    let findings = analyze(text);
    assert!(findings.iter().any(|f| f.rule == INVALID_YAML.id), "{findings:?}");
}

#[test]
fn a_deep_block_sequence_on_one_line_does_not_abort() {
    assert_too_deep(&"- ".repeat(300));
    assert_too_deep(&format!("{}x\n", "- ".repeat(254)));
}

#[test]
fn a_deep_block_mapping_does_not_abort() {
    let mut text = String::new();
    for level in 0..300 {
        text += &format!("{}a{level}:\n", " ".repeat(level));
    }
    assert_too_deep(&text);
    // The same with two spaces a level and a tag, which the fast path leaves to tree-sitter.
    let mut text = String::from("t: !!str x\n");
    for level in 0..260 {
        text += &format!("{}a{level}:\n", "  ".repeat(level));
    }
    assert_too_deep(&text);
}

#[test]
fn deep_flow_collections_do_not_overflow_the_stack() {
    let depth = 100_000;
    assert_too_deep(&format!("a: {}{}\n", "[".repeat(depth), "]".repeat(depth)));
    assert_too_deep(&format!("a: {}x{}\n", "{k: ".repeat(depth), "}".repeat(depth)));
    assert_too_deep(&format!("a: {}x{}\n", "[{k: ".repeat(depth), "}]".repeat(depth)));
    assert_too_deep(&format!("a:\n{}{}\n", "  [\n".repeat(depth), "  ]\n".repeat(depth)));
}

/// The deepest nesting the reader takes, on a thread with the usual 2 MB stack (the
/// scanner threads' size), through both paths and every rule.
#[test]
fn the_deepest_accepted_nesting_fits_a_thread_stack() {
    let mut mappings = String::from("on: push\njobs:\n");
    for level in 0..95 {
        mappings += &format!("{}a{level}:\n", " ".repeat(level + 2));
    }
    mappings += &format!("{}- [{}x{}]\n", " ".repeat(97), "[".repeat(2), "]".repeat(2));
    let sequences = format!(
        "on: push\njobs: {}{{a: [{}x{}]}}\n",
        "- ".repeat(95),
        "[".repeat(2),
        "]".repeat(2)
    );
    let flows = format!("on: push\njobs: {}x{}\n", "[{k: ".repeat(49), "}]".repeat(49));
    for text in [mappings, sequences, flows] {
        let tagged = text.replacen("on: push", "on: !!str push", 1);
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                for text in [&text, &tagged] {
                    for parsed in [yaml::parse(text), yaml::parse_with_tree_sitter(text)] {
                        assert!(parsed.message.is_none(), "{:?}", parsed.message);
                    }
                    analyze(text);
                }
            })
            .unwrap()
            .join()
            .unwrap();
    }
}

#[test]
fn many_anchors_on_one_node_do_not_overflow_the_stack() {
    let text = format!(
        "a: {}x\nb: [{}y]\nc:\n  - {}z\n",
        "&a ".repeat(100_000),
        "&b ".repeat(100_000),
        "&c ".repeat(100_000)
    );
    for parsed in [yaml::parse(&text), yaml::parse_with_tree_sitter(&text)] {
        assert!(parsed.error.is_some());
    }
    analyze(&text);
}

#[test]
fn ordinary_nesting_is_not_too_deep() {
    let mut text = String::from("t: !!str x\n");
    for level in 0..40 {
        text += &format!("{}a{level}:\n", "  ".repeat(level));
    }
    text += &format!("{}- [[[[[[[[[[x]]]]]]]]]]\n", "  ".repeat(40));
    for parsed in [yaml::parse(&text), yaml::parse_with_tree_sitter(&text)] {
        assert_eq!(parsed.error, None, "{:?}", parsed.message);
    }
}

/// A valid workflow of about `lines` lines with an unpinned action on its last step, with
/// a tag so that the fast path leaves it to tree-sitter.
fn long_workflow(lines: usize, newline: &str) -> (String, usize) {
    let mut text = String::from("on: push\nname: !!str long\njobs:\n  build:\n    runs-on: x\n    steps:\n");
    let mut line = 6;
    while line < lines {
        text += "      - run: echo hello\n";
        line += 1;
    }
    text += "      - uses: actions/checkout@v4\n";
    text += "      - run: echo done\n";
    (text.replace('\n', newline), line + 1)
}

fn assert_long_workflow_parses(lines: usize, newline: &str) {
    let (text, uses_line) = long_workflow(lines, newline);
    assert!(
        yaml::parse_fast(&text).is_none(),
        "the fast path should leave this to tree-sitter"
    );
    let findings = analyze(&text);
    let lines_found: Vec<(usize, &str)> = findings
        .iter()
        .map(|f| (line_of(&text, f.span.start), f.rule))
        .collect();
    assert!(!findings.iter().any(|f| f.rule == INVALID_YAML.id), "{lines_found:?}");
    assert!(
        lines_found.contains(&(uses_line, "actions/unpinned-uses")),
        "no finding at line {uses_line}: {lines_found:?}"
    );
}

#[test]
fn a_workflow_of_40000_lines_parses() {
    assert_long_workflow_parses(40_000, "\n");
}

#[test]
fn a_workflow_of_20000_crlf_lines_parses() {
    assert_long_workflow_parses(20_000, "\r\n");
}

#[test]
fn a_workflow_of_150000_lines_parses() {
    assert_long_workflow_parses(150_000, "\n");
}

/// Runs `work` on another thread and fails if it takes longer than `limit`: a generous
/// bound that only superlinear time can exceed.
fn within(limit: Duration, what: &str, work: impl FnOnce() + Send + 'static) {
    let (done, wait) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            work();
            let _ = done.send(());
        })
        .unwrap();
    match wait.recv_timeout(limit) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: still running after {limit:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

#[test]
fn a_bracket_left_open_before_110000_lines_does_not_hang_the_reader() {
    within(
        Duration::from_secs(120),
        "an unclosed bracket before 110,000 lines",
        || {
            let mut text = String::from("on: push\njobs:\n  bad: [\n");
            for job in 0..22_000 {
                text += &format!("  j{job}:\n    steps:\n      - run: echo\n      - uses: a/b@v1\n    x: 1\n");
            }
            assert!(yaml::parse_with_tree_sitter(&text).error.is_some());
            let findings = analyze(&text);
            assert!(findings.iter().any(|f| f.rule == INVALID_YAML.id), "{findings:?}");
        },
    );
}

/// Workflow shapes whose size grows with `n`: many jobs and steps, one long flow
/// sequence, one mapping with many keys, many anchors and aliases, and long lines.
fn scaled_inputs(n: usize) -> Vec<(&'static str, String)> {
    let mut jobs = String::from("on: push\njobs:\n");
    for job in 0..n {
        jobs += &format!("  job{job}:\n    runs-on: ubuntu-latest\n    steps:\n");
        for step in 0..5 {
            jobs += &format!(
                "      - name: step {step}\n        uses: actions/checkout@v4\n        with: {{ fetch-depth: {step} }}\n"
            );
        }
    }
    let branches: Vec<String> = (0..n * 50).map(|i| format!("b{i}")).collect();
    let flow = format!("on:\n  push:\n    branches: [{}]\n", branches.join(", "));
    let mut keys = String::from("on: push\nenv:\n");
    for key in 0..n * 50 {
        keys += &format!("  KEY_{key}: value {key}\n");
    }
    let mut anchors = String::from("on: push\njobs:\n");
    for job in 0..n * 5 {
        anchors += &format!(
            "  a{job}:\n    defaults: &d{job} {{ run: {{ shell: bash }} }}\n    env: &e{job}\n      A: 1\n    x: *d{job}\n    y:\n      <<: *e{job}\n      B: 2\n"
        );
    }
    let long_line = format!(
        "on: push\nname: {}\nenv:\n  K: {}\n{}\n  L: x\n",
        "x ".repeat(n * 500),
        "\t".repeat(n * 500),
        "\t".repeat(n * 500)
    );
    vec![
        ("jobs and steps", jobs),
        ("long flow sequence", flow),
        ("many keys", keys),
        ("anchors and aliases", anchors),
        ("long lines", long_line),
    ]
}

#[test]
fn the_reader_is_linear_in_its_input() {
    within(Duration::from_secs(120), "parsing 100x inputs", || {
        for (shape, text) in scaled_inputs(1000) {
            let started = Instant::now();
            let fast = yaml::parse(&text);
            let fast_time = started.elapsed();
            let started = Instant::now();
            let slow = yaml::parse_with_tree_sitter(&text);
            println!(
                "{shape}: {} bytes, parse {fast_time:?}, tree-sitter {:?}",
                text.len(),
                started.elapsed()
            );
            assert_eq!(fast.error, None, "{shape}: {:?}", fast.message);
            assert_eq!(slow.error, None, "{shape}: {:?}", slow.message);
            analyze(&text);
            analyze(&text.replace('\n', "\r\n"));
        }
    });
}

/// Prints parse times for 1x, 10x and 100x inputs: `cargo test -p tollgate-analyzers
/// --test actions_yaml_limits scaling -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check"]
fn scaling() {
    for n in [10, 100, 1000] {
        for (shape, text) in scaled_inputs(n) {
            let started = Instant::now();
            let parsed = yaml::parse(&text);
            let parse_time = started.elapsed();
            let started = Instant::now();
            yaml::parse_with_tree_sitter(&text);
            let tree_sitter_time = started.elapsed();
            let started = Instant::now();
            analyze(&text);
            println!(
                "n={n:5} {shape:20} {:9} bytes  {:7} nodes  parse {parse_time:?}  tree-sitter {tree_sitter_time:?}  analyze {:?}",
                text.len(),
                count_nodes(&parsed.documents),
                started.elapsed()
            );
        }
    }
}
