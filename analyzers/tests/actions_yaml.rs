//! The fast YAML path must build exactly the tree the tree-sitter path builds, and must
//! leave every file with a syntax error to tree-sitter.

use std::path::Path;

use tollgate_analyzers::actions::yaml::{parse_fast, parse_with_tree_sitter, Node, Value};

fn same(a: &Node, b: &Node, src: &str, path: &str) -> Result<(), String> {
    let here = || {
        format!(
            "{path}: at byte {} ({:?})",
            b.span.start,
            &src[b.span.start..b.span.end.min(b.span.start + 40)]
        )
    };
    // Every node starts at the same byte, empty values included.
    if a.span.start != b.span.start {
        return Err(format!(
            "{}: {} starts at {} vs {}",
            here(),
            kind(a),
            a.span.start,
            b.span.start
        ));
    }
    match (&a.value, &b.value) {
        (Value::Map(x), Value::Map(y)) => {
            if x.len() != y.len() {
                return Err(format!("{}: {} pairs vs {}", here(), x.len(), y.len()));
            }
            for (p, q) in x.iter().zip(y) {
                if p.key != q.key || p.key_span != q.key_span {
                    return Err(format!(
                        "{}: key {:?}@{:?} vs {:?}@{:?}",
                        here(),
                        p.key,
                        p.key_span,
                        q.key,
                        q.key_span
                    ));
                }
                same(&p.value, &q.value, src, path)?;
            }
        }
        (Value::Seq(x), Value::Seq(y)) => {
            if x.len() != y.len() {
                return Err(format!("{}: {} items vs {}", here(), x.len(), y.len()));
            }
            for (p, q) in x.iter().zip(y) {
                same(p, q, src, path)?;
            }
        }
        (Value::Scalar(x), Value::Scalar(y)) => {
            if x.text != y.text || a.span.start != b.span.start || x.verbatim_at != y.verbatim_at {
                return Err(format!(
                    "{}: scalar {:?}@{}/{:?} vs {:?}@{}/{:?}",
                    here(),
                    x.text,
                    a.span.start,
                    x.verbatim_at,
                    y.text,
                    b.span.start,
                    y.verbatim_at
                ));
            }
        }
        (Value::Null, Value::Null) => {}
        _ => return Err(format!("{}: {:?} vs {:?}", here(), kind(a), kind(b))),
    }
    Ok(())
}

fn kind(node: &Node) -> &'static str {
    match node.value {
        Value::Map(_) => "map",
        Value::Seq(_) => "seq",
        Value::Scalar(_) => "scalar",
        Value::Null => "null",
    }
}

fn check(path: &str, src: &str, stats: &mut (usize, usize), failures: &mut Vec<String>) {
    let slow = parse_with_tree_sitter(src);
    let Some(fast) = parse_fast(src) else {
        if std::env::var_os("SHOW_SLOW").is_some() {
            println!("tree-sitter only: {path}");
        }
        stats.1 += 1;
        return;
    };
    stats.0 += 1;
    if slow.error.is_some() {
        failures.push(format!("{path}: the fast path accepted a file with a syntax error"));
        return;
    }
    if fast.len() != slow.documents.len() {
        failures.push(format!("{path}: {} documents vs {}", fast.len(), slow.documents.len()));
        return;
    }
    for (a, b) in fast.iter().zip(&slow.documents) {
        if let Err(e) = same(a, b, src, path) {
            failures.push(e);
        }
    }
}

fn yaml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
            out.push(path);
        }
    }
}

const SAMPLES: &[&str] = &[
    "on: push\n",
    "on:\n  push:\n    branches: [main, 'release/**']\n  pull_request:\n",
    "\"on\": [push, pull_request]\n'jobs': {}\n",
    "a: &x\n  k: 1\nb:\n  <<: *x\n  j: 2\nc: *x\n",
    "steps:\n- uses: a/b@v1\n  with: {x: 1, y: \"two\"}\n- run: |\n    echo one\n\n    echo two\n  shell: bash\n",
    "k: >-\n  folded\n  text\n\n  para\nnext: 'it''s'\n",
    "k: \"esc \\\" \\n \\u00e9\"\n",
    "list:\n- a\n- b\n-\n- - nested\n  - more\n",
    "a:\n  - x: 1\n    y: 2\n  - &s z\n  - *s\n",
    "---\na: 1\n...\n---\nb: 2\n",
    "%YAML 1.2\n---\na: 1\n",
    "a: [1, [2, 3], {b: c}]\nd: {e: [f], g: }\n",
    "a:    # comment\n  b: c # trailing\n# last\n",
    "run: echo \"x: y\"\n",
    "a: 1\n b: 2\n",
    "a: [1, 2\n",
    "a: !tag x\n",
    "? complex\n: key\n",
    "a: multi\n  line plain\n",
    "a:\n  - one\n    two\n\n    three\n  - four\nb: x\n  y # c\n",
    "run: npx eslint .\n  --config .eslintrc.js\n  --ext .js\nnext: 1\n",
    "k: |+\n  keep\n\n",
    "k: |2\n    indented\n",
    "url: http://example.com:8080/x#frag\n",
    "a: \"multi\n  line quoted\"\n",
    "jobs:\n  x:\n    if: ${{ github.event_name == 'push' }}\n    steps:\n      - run: echo ${{ github.sha }} # note\n",
    "a:\n\tb: 1\n",
    "a: 'unterminated\n",
    "- a\nb: c\n",
];

#[test]
fn the_fast_path_builds_the_tree_sitter_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    yaml_files(&root.join("testdata/actions"), &mut files);
    // The shared corpus of real workflows, when it is there.
    let shared = std::env::var("TOLLGATE_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or(root.join("../shared"));
    yaml_files(&shared.join("corpus/workflows"), &mut files);
    let mut stats = (0, 0);
    let mut failures = Vec::new();
    for (i, sample) in SAMPLES.iter().enumerate() {
        check(&format!("sample {i}"), sample, &mut stats, &mut failures);
    }
    for file in &files {
        let src = std::fs::read_to_string(file).unwrap();
        check(&file.display().to_string(), &src, &mut stats, &mut failures);
    }
    println!("fast path: {} files, tree-sitter only: {}", stats.0, stats.1);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(stats.0 > stats.1, "the fast path should take most files: {stats:?}");
}

/// Past row 32,768 the tree-sitter path reads a padded copy of the file (see
/// `yaml/limits.rs`): its tree must still match the fast path's byte for byte, across
/// several wraps of the scanner's row counter and a block scalar that spans one.
#[test]
fn a_long_file_builds_the_same_tree_on_both_paths() {
    let mut src = String::from("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n");
    let unit = "      - name: \"step {i}\"\n        uses: actions/checkout@v4 # pinned later\n        with: {fetch-depth: 0, ref: 'main'}\n\n      - run: &s{i} |\n          echo {i}\n          make test\n        env: [a, b]\n      - run: *s{i}\n";
    let unit_lines = unit.matches('\n').count();
    let mut lines = src.matches('\n').count();
    let mut i = 0;
    while lines < 30_000 {
        src += &unit.replace("{i}", &i.to_string());
        lines += unit_lines;
        i += 1;
    }
    // A block scalar of 10,000 lines across the first wrap: the padding has to go in
    // front of its key.
    src += "      - run: |\n";
    for line in 0..10_000 {
        src += &format!("          echo {line}\n");
    }
    lines += 10_001;
    while lines < 110_000 {
        src += &unit.replace("{i}", &i.to_string());
        lines += unit_lines;
        i += 1;
    }
    let slow = parse_with_tree_sitter(&src);
    assert_eq!(slow.error, None, "{:?}", slow.message);
    let fast = parse_fast(&src).expect("the fast path takes this file");
    assert_eq!(fast.len(), slow.documents.len());
    for (a, b) in fast.iter().zip(&slow.documents) {
        if let Err(e) = same(a, b, &src, "long file") {
            panic!("{e}");
        }
    }
}

/// Runs both paths on each input: where the fast path accepts one, tree-sitter must accept
/// it too and build the same tree.
fn assert_agree(inputs: &[&str]) {
    let mut stats = (0, 0);
    let mut failures = Vec::new();
    for src in inputs {
        check(&format!("{src:?}"), src, &mut stats, &mut failures);
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn first_keys(documents: &[Node]) -> Vec<&str> {
    documents
        .first()
        .map(|document| document.pairs().iter().map(|pair| pair.key.as_str()).collect())
        .unwrap_or_default()
}

// Found by fuzzing: a byte order mark at the start became part of the first key.
#[test]
fn a_byte_order_mark_is_not_part_of_the_first_key() {
    let inputs = [
        "\u{feff}on: pull_request_target\njobs:\n  a:\n    runs-on: x\n",
        "\u{feff}# comment\non: push\n",
        "\u{feff}---\non: push\n",
        "\u{feff}- a\n- b\n",
        // Not at the start: left to tree-sitter, which reports it.
        "a: 1\n...\n\u{feff}b: 2\n",
    ];
    assert_agree(&inputs);
    let fast = parse_fast(inputs[0]).expect("the fast path takes a file with a byte order mark");
    assert_eq!(first_keys(&fast), ["on", "jobs"]);
    assert_eq!(first_keys(&parse_with_tree_sitter(inputs[0]).documents), ["on", "jobs"]);
}

// Found by fuzzing: `! jobs:` was read as the key `! jobs`.
#[test]
fn a_tag_is_not_part_of_a_key() {
    let inputs = [
        "on: push\n! jobs:\n  a:\n    runs-on: x\n",
        "on: push\n!!str jobs:\n  a: 1\n",
        "a: 1\n%b: 2\n",
        "a: 1\n@b: 2\n",
        "a: 1\n`b: 2\n",
        "a: !t\n  b: c\n",
        "- !t x\n",
        "!t\nk: v\n",
    ];
    assert_agree(&inputs);
    let parsed = tollgate_analyzers::actions::yaml::parse(inputs[0]);
    assert_eq!(first_keys(&parsed.documents), ["on", "jobs"]);
}

// Found by fuzzing: in `- &s run: x` the anchor belongs to the key, and the mapping starts
// at the anchor.
#[test]
fn an_anchor_before_a_key_is_inside_the_mapping() {
    assert_agree(&[
        "steps:\n  - &s run: x\n",
        "&a k: v\n",
        "a:\n  - &x k: v\n    j: *x\n",
        "k:\n  &b\n  c: d\n",
        "- &a\n  - x\n",
        "k: [a, &b {c: d}]\n",
    ]);
}

// Found by fuzzing: `-` then a tab is a sequence entry, not a plain scalar.
#[test]
fn a_dash_then_a_tab_starts_a_sequence_entry() {
    assert_agree(&[
        "-\tx\n",
        "- a\n-\tb\n",
        "k:\n  -\tx\n",
        "k:\n- a\n-\tb\n",
        "- \tx\n",
        "k:\tv\n",
        "-\tk: v\n",
        "?\tk\n",
    ]);
}

// Found by fuzzing: a block scalar of blank lines only is empty, not its spaces.
#[test]
fn a_block_scalar_of_blank_lines_is_empty() {
    assert_agree(&["k: |\n \n", "k: |\n  \n\n", "k: >\n   \n", "k: |-\n \n", "- |\n   \n"]);
    let parsed = parse_with_tree_sitter("k: |\n \n");
    assert_eq!(parsed.documents[0].get("k").and_then(Node::str), Some(""));
}

// Found by fuzzing: `---` and `...` in column 0 end a top-level scalar.
#[test]
fn a_document_marker_ends_a_top_level_scalar() {
    assert_agree(&[
        ">\nx\n---\ny\n",
        "|\nx\n...\n",
        "x\n...\ny\n",
        "x\n---\ny\n",
        "x\n--- y\n",
        "\"x\n---\ny\"\n",
        "'x\n...\n'\n",
        "[a,\n---\n]\n",
        "{a: b,\n...\n}\n",
        "a: x\n\n---\n",
        "a: |\n  x\n---\nb: 1\n",
    ]);
}

// Found by fuzzing: tree-sitter drops the content of a top-level block scalar whose header
// has a comment; the fast path leaves it to tree-sitter rather than disagree.
#[test]
fn a_top_level_block_scalar_with_a_header_comment() {
    assert_agree(&["> #c\n    #x\n", "| #c\n  x\n", "k: > #c\n    #x\n", ">\n    #x\n"]);
}

// Found by fuzzing: tree-sitter-yaml stops at a NUL byte without an error.
#[test]
fn a_nul_byte_is_an_error_on_both_paths() {
    for src in ["on: push\n# \0\njobs:\n  build:\n    runs-on: x\n", "a: \"\0\"\n", "\0"] {
        assert_agree(&[src]);
        let parsed = parse_with_tree_sitter(src);
        let nul = src.find('\0').unwrap();
        // The NUL, or a syntax error before it.
        assert!(parsed.error.is_some_and(|error| error.start <= nul), "{src:?}");
        let parsed = tollgate_analyzers::actions::yaml::parse(src);
        assert!(parsed.error.is_some(), "{src:?}");
    }
}

// Found by fuzzing: an empty value starts right after its `:` or `-` on both paths.
#[test]
fn an_empty_value_starts_after_its_indicator() {
    assert_agree(&[
        "permissions: \n",
        "k:   # c\n",
        "k:\t\n",
        "- \n",
        "-   # c\n- x\n",
        "{a: }\n",
        "{a:  , b: c}\n",
        "[a: ]\n",
        "a:\n  b: \n  c:\n",
    ]);
}

// A tab after `-` may separate it from a scalar, but not indent a collection on the same
// line, and `-`, `?` or `:` then a blank does not start a plain scalar.
#[test]
fn a_tab_after_a_dash_does_not_indent_a_collection() {
    assert_agree(&[
        "- \t- x\n",
        "- \tk: v\n",
        "a:\n  - \tb: c\n",
        "- \tx\n",
        "- \t[a]\n",
        "k: \t- x\n",
        "k: - x\n",
        "k: -\n",
        "k: ? x\n",
        "k: : x\n",
        "k: -x\n",
    ]);
}

// In a block scalar, a line of spaces that goes past the indentation keeps the extra
// spaces, wherever it is; a leading one may not go past the first content line.
#[test]
fn spaces_past_a_block_scalars_indentation_are_content() {
    let inputs = [
        "k: |\n  x\n    \nj: 1\n",
        "k: |\n  x\n    \n",
        "k: |\n  x\n    \n\nj: 1\n",
        "a:\n  k: |\n    x\n      \n  j: 1\n",
        "- |\n  x\n    \n- y\n",
        "run: |\n  a\n   \n  b\n  \nnext: 1\n",
        "k: |\n    \n  x\n",
        "k: |-\n  x\n    \n",
    ];
    assert_agree(&inputs);
    for src in &inputs[..2] {
        let parsed = parse_with_tree_sitter(src);
        assert_eq!(
            parsed.documents[0].get("k").and_then(Node::str),
            Some("x\n  \n"),
            "{src:?}"
        );
    }
}

// A one-pair mapping in a flow sequence starts at its key's anchor.
#[test]
fn an_anchored_key_in_a_flow_sequence_starts_its_pair() {
    assert_agree(&[
        "k: [&a a: b]\n",
        "k: [&a a: b, *a]\n",
        "k: [&a \"a\": b]\n",
        "k: [&a a]\n",
    ]);
}

// Directives open the stream or follow `...`, and `---` must follow them.
#[test]
fn directives_are_only_read_before_a_document_start() {
    assert_agree(&[
        "%YAML 1.2\na: 1\n",
        "a: 1\n---\n%x\n",
        "%YAML 1.2\n",
        "a: 1\n...\n%x\nb: 1\n",
        "%x\n...\n",
        "%YAML 1.2\n---\na: 1\n...\n%YAML 1.2\n---\nb: 2\n",
        "# c\n%YAML 1.2\n---\na: 1\n",
    ]);
}

// A block collection may not start on its anchor's line.
#[test]
fn a_block_sequence_does_not_start_on_its_anchors_line() {
    assert_agree(&["- &a - x\n", "k: &a - x\n", "- &a ? x\n", "- &a\n  - x\n"]);
}

// The lines of a multi-line quoted scalar or flow collection are indented past their
// parent, and an implicit key is on one line with its `:`.
#[test]
fn flow_lines_are_indented_past_their_parent() {
    assert_agree(&[
        "k: \"a\n\"\n",
        "k: \"a\n\n\"\n",
        "k:\n  [a,\nb]\n",
        "- [a,\nb]\n",
        "a:\n  k: \"x\n  y\"\n",
        "a:\n  k: [x,\n   y]\n",
        "- \"a\n b\"\n",
        "\"a\nb\"\n",
        "k: {a\n: b}\n",
        "k: [a\n: b]\n",
        "k: [\"a\"\n: b]\n",
    ]);
}

// Found by fuzzing: tree-sitter ends a block scalar at the last visible byte of its last
// line, and the spaces after it are content in YAML (PyYAML keeps them).
#[test]
fn trailing_spaces_on_a_block_scalars_last_line_are_content() {
    assert_agree(&[
        "with: |\n  | `(| \ntruth: |\n  | e",
        "k: |\n  a  \n  b   \n",
        "k: >\n  a\n  b \n\n\nj: 1\n",
        "- |\n  x  \n- y\n",
        " |\np##&j      \n---   \n- ",
        " >\np##Y&Aj:M:\n * \n\n\n...\n",
        "k: |\n  x\t\n",
        "k: |-\n  x  \nj: 1\n",
        "k: &a |\n  x \nj: *a\n",
    ]);
    let parsed = parse_with_tree_sitter("with: |\n  | `(| \ntruth: |\n  | e");
    assert_eq!(parsed.documents[0].get("with").and_then(Node::str), Some("| `(| \n"));
    let parsed = parse_with_tree_sitter("k: |\n  a  \n  b   \n");
    assert_eq!(parsed.documents[0].get("k").and_then(Node::str), Some("a  \nb   \n"));
}

// Found by fuzzing: the fast path read a block scalar with an indentation indicator as if
// it had none, taking a less-indented comment line as its content and lines of spaces as
// empty. It now uses the indicator, and leaves a top-level one to tree-sitter.
#[test]
fn a_top_level_block_scalar_with_an_indentation_indicator() {
    assert_agree(&[
        "|2\n# expect:!",
        "|-2\n#:! ",
        "|2\n# expect: }: 8 x\n",
        "|1\n  ",
        "|1 \n  ",
        "|1\n     ",
        "\n|1\t\n  A\n ",
        "--- |2\n  x\n",
        "k: |2\n # x\n",
        "k: |2\n   \n",
        "k: |1\n\n  \n",
        "- |1\n   \n",
        "k: |2-\n\n    echo\n",
    ]);
    // Nested, the indicator counts from the parent's indentation, on both paths.
    let parsed = parse_fast("k: |2\n # x\n").unwrap();
    assert_eq!(parsed[0].get("k").and_then(Node::str), Some(""));
    let parsed = parse_fast("k: |1\n\n  \n").unwrap();
    assert_eq!(parsed[0].get("k").and_then(Node::str), Some("\n \n"));
    // PyYAML reads "" here: the comment line is not indented enough to be content.
    let parsed = parse_with_tree_sitter("|2\n# expect:!");
    assert_eq!(parsed.documents[0].str(), Some(""));
    assert!(parse_fast("|2\n# expect:!").is_none());
}

// Found by fuzzing: `---` then a tab starts a document, where the fast path read a plain
// scalar; it leaves such a marker to tree-sitter.
#[test]
fn a_document_marker_then_a_tab() {
    assert_agree(&[
        "---\t",
        "---\tt?\t# u:.\t#",
        "---\t FFF?FF'&",
        "a: 1\n---\tb\n",
        "x\n...\t\n",
        "a: |\n  ---\t\n",
    ]);
    assert!(parse_fast("---\t").is_none());
    assert_eq!(parse_with_tree_sitter("---\tx\n").documents[0].str(), Some("x"));
}

// Found by fuzzing: an anchor on an empty node just before `...` or `---`, where the fast
// path read the marker as the node's text; it leaves those to tree-sitter.
#[test]
fn an_anchored_empty_node_before_a_document_marker() {
    assert_agree(&[" &A#jY:\n...", "&a\n---\nx\n", "k: &a\n...\n", "&a\n"]);
    assert!(parse_fast(" &A#jY:\n...").is_none());
}

// An indentation indicator counts from the enclosing collection's indentation, not from
// column 0 (`run: |2-` in a step). Values as PyYAML reads them.
#[test]
fn an_indentation_indicator_counts_from_the_parent() {
    let cases = [
        ("  k: |2\n    x\n", "x\n"),
        ("a:\n  k: |2\n     x\n", " x\n"),
        ("- k: |2-\n      x\n      y\n", "  x\n  y"),
        ("a:\n  - k: >1\n      x\n       y\n", " x\n  y\n"),
    ];
    for (src, want) in cases {
        assert_agree(&[src]);
        let fast = parse_fast(src).unwrap();
        let slow = parse_with_tree_sitter(src);
        for documents in [&fast, &slow.documents] {
            let mut node = &documents[0];
            while !matches!(node.value, Value::Scalar(_)) {
                node = match &node.value {
                    Value::Map(pairs) => &pairs[0].value,
                    Value::Seq(items) => &items[0],
                    _ => unreachable!(),
                };
            }
            assert_eq!(node.str(), Some(want), "{src:?}");
        }
    }
}
