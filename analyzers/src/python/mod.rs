//! Python smells: one tree-sitter parse per file and one walk that measures every function
//! and class (walk/); the table in smells.rs turns the measures into findings.

mod kinds;
mod smells;
mod walk;

pub use smells::{Bound, Smell, SMELLS};

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use tollgate_rules::{python, Finding, Role};
use tree_sitter::{Node, Parser, Tree};

use crate::Input;

/// The `[python]` table. Defaults are ruff's and pylint's; a finding needs a value strictly
/// above its maximum (feature envy: at least `feature-envy-min` reads).
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub max_complexity: u32,
    pub max_args: u32,
    pub max_positional_args: u32,
    pub max_returns: u32,
    pub max_branches: u32,
    pub max_statements: u32,
    pub max_locals: u32,
    pub max_nested_blocks: u32,
    pub max_bool_expr: u32,
    pub max_public_methods: u32,
    pub max_attributes: u32,
    pub max_cognitive_complexity: u32,
    pub max_function_lines: u32,
    pub max_class_lines: u32,
    pub feature_envy_min: u32,
    /// `python/duplicate-code`: a copy is at least this many tokens and lines long.
    pub duplicate_min_tokens: u32,
    pub duplicate_min_lines: u32,
    /// Compare identifiers and literals as placeholders (catches renamed copies).
    pub duplicate_normalize: bool,
    /// `python/duplicate-code` leaves out files of these path roles: by default docs and
    /// examples, which keep intentional copies (one tutorial per Python version), and tests,
    /// which repeat their set-up and expected values on purpose.
    #[serde(deserialize_with = "roles")]
    pub duplicate_skip_roles: Vec<Role>,
    /// `too-many-arguments` and `too-many-positional-arguments` leave out the functions
    /// pytest calls in test files (`test*` functions, methods of `Test*` classes, fixtures):
    /// pytest passes their parameters (fixtures, parametrized values). ruff reports them:
    /// `false` gives ruff's behaviour.
    pub ignore_pytest_fixtures: bool,
    /// Parse and stop, with no metric walk and no duplication windows: lets benchmarks
    /// measure what the walk and duplication cost over the bare parse. Only the hidden
    /// `--bench-parse-only` flag sets it; no config file can turn Python off this way.
    #[doc(hidden)]
    #[serde(skip)]
    pub bench_parse_only: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_complexity: 10,
            max_args: 5,
            max_positional_args: 5,
            max_returns: 6,
            max_branches: 12,
            max_statements: 50,
            max_locals: 15,
            max_nested_blocks: 5,
            max_bool_expr: 5,
            max_public_methods: 20,
            max_attributes: 7,
            max_cognitive_complexity: 15,
            max_function_lines: 100,
            max_class_lines: 500,
            feature_envy_min: 5,
            duplicate_min_tokens: 50,
            duplicate_min_lines: 6,
            duplicate_normalize: false,
            duplicate_skip_roles: vec![Role::Test, Role::Docs, Role::Example],
            ignore_pytest_fixtures: true,
            bench_parse_only: false,
        }
    }
}

/// A list of path role names (`docs`, `test`, ...).
pub(crate) fn roles<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Role>, D::Error> {
    let names = <Vec<String> as serde::Deserialize>::deserialize(deserializer)?;
    names
        .iter()
        .map(|name| {
            Role::parse(name).ok_or_else(|| {
                let known: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
                serde::de::Error::custom(format!("unknown role `{name}` ({})", known.join(", ")))
            })
        })
        .collect()
}

thread_local! {
    /// One parser per worker thread: creating one per file costs more than small files' parse.
    static PARSER: RefCell<Option<Parser>> = const { RefCell::new(None) };
}

fn parse(text: &str) -> Option<Tree> {
    PARSER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            let mut parser = Parser::new();
            parser.set_language(&kinds::language()).ok()?;
            *slot = Some(parser);
        }
        slot.as_mut()?.parse(text, None)
    })
}

pub fn analyze(input: &Input, settings: &Settings, out: &mut Vec<Finding>) {
    let text = newlines_as_cpython_reads_them(input.text);
    if let Some(indentation) = indentation_too_deep(&text) {
        out.push(Finding::new(
            python::SYNTAX_ERROR,
            indentation,
            format!(
                "syntax error: indentation nested too deep to parse (over {MAX_INDENT_WIDTHS} distinct widths); the file is not analysed"
            ),
        ));
        return;
    }
    let Some(tree) = parse(&text) else { return };
    if settings.bench_parse_only {
        return;
    }
    let root = tree.root_node();
    if root.has_error() {
        syntax_error(root, &text, out);
    }
    let stub = input.path.ends_with(".pyi");
    let mut measures = walk::measure(&tree, &text, stub);
    if input.role == Some(Role::Test) {
        for f in measures.functions.iter_mut().filter(|f| f.pytest) {
            // A test reads the objects it tests: that is not envy.
            f.envy = None;
            if settings.ignore_pytest_fixtures {
                f.arguments = None;
                f.positional = None;
            }
        }
    }
    let first = out.len();
    smells::report(&measures, settings, out);
    if input.role == Some(Role::Test) {
        // A long test or test class is mostly a list of cases: a size there is worth a note,
        // not a warning.
        for finding in &mut out[first..] {
            if finding.rule == python::LONG_FUNCTION.id || finding.rule == python::LARGE_CLASS.id {
                finding.level = Some(tollgate_rules::Level::Note);
                finding.properties.push((
                    "downranked",
                    tollgate_rules::PropValue::Str("in a test file, where length is mostly cases".into()),
                ));
            }
        }
    }
}

/// CPython ends a line at `\r\n`, `\n` or a lone `\r` (old Mac files); tree-sitter-python
/// only at `\n`. A lone `\r` becomes `\n`, byte for byte, so offsets into the copy are
/// offsets into the original.
fn newlines_as_cpython_reads_them(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return Cow::Borrowed(text);
    }
    let mut copy = bytes.to_vec();
    for i in memchr::memchr_iter(b'\r', bytes) {
        if lone(i) {
            copy[i] = b'\n';
        }
    }
    // Only an ASCII byte was replaced by another.
    Cow::Owned(String::from_utf8(copy).unwrap_or_else(|_| text.to_string()))
}

/// Distinct indentation widths a file may use and still be parsed.
const MAX_INDENT_WIDTHS: usize = 300;

/// tree-sitter-python's scanner keeps a stack of indentation widths and writes it to a
/// 1024-byte state buffer after each token; past about 383 levels the write overflows and
/// a C assert aborts the process, which Rust cannot catch. The stack only ever holds
/// strictly growing widths, so a file whose lines start with at most `MAX_INDENT_WIDTHS`
/// distinct widths cannot get there (CPython itself stops at 100 levels). Returns the
/// indentation that goes over, counted the way the scanner counts (a space 1, a tab 8, `\r`
/// and form feed back to 0, a backslash-newline going on with the same line).
fn indentation_too_deep(text: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut seen = vec![0u64; (u16::MAX as usize + 1) / 64];
    let mut distinct = 0;
    // Newlines inside a backslash continuation already walked from an earlier line.
    let mut walked_to = 0;
    for newline in memchr::memchr_iter(b'\n', bytes) {
        if newline < walked_to {
            continue;
        }
        let mut width: u16 = 0;
        let mut at = newline + 1;
        loop {
            match bytes.get(at) {
                Some(b' ') => width = width.wrapping_add(1),
                Some(b'\t') => width = width.wrapping_add(8),
                Some(b'\r' | b'\x0c') => width = 0,
                Some(b'\\') => {
                    let after = at + 1 + usize::from(bytes.get(at + 1) == Some(&b'\r'));
                    if bytes.get(after) != Some(&b'\n') {
                        break;
                    }
                    // The scanner may also start counting after this newline: one more width.
                    distinct += 1;
                    at = after;
                }
                _ => break,
            }
            at += 1;
        }
        walked_to = at;
        let (word, bit) = (usize::from(width) / 64, usize::from(width) % 64);
        if width > 0 && seen[word] & (1 << bit) == 0 {
            seen[word] |= 1 << bit;
            distinct += 1;
        }
        if distinct > MAX_INDENT_WIDTHS {
            return Some(newline + 1..at);
        }
    }
    None
}

/// The first error or missing node, found by descending into the first child with an error.
fn syntax_error(root: Node, text: &str, out: &mut Vec<Finding>) {
    let mut node = root;
    'descend: loop {
        if node.is_error() || node.is_missing() {
            break;
        }
        let mut cursor = node.walk();
        if cursor.goto_first_child() {
            loop {
                let child = cursor.node();
                if child.is_error() || child.is_missing() || child.has_error() {
                    node = child;
                    continue 'descend;
                }
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
        }
        break;
    }
    let span = node.byte_range();
    let message = if node.is_missing() {
        format!("syntax error: missing `{}`", node.kind())
    } else {
        let snippet: String = text.get(span.clone()).unwrap_or("").chars().take(30).collect();
        let snippet = snippet.lines().next().unwrap_or("").trim();
        if snippet.is_empty() {
            "syntax error".to_string()
        } else {
            format!("syntax error at `{snippet}`")
        }
    };
    // Point at the first token of the error, not the whole broken region.
    let end = if node.is_missing() {
        span.start
    } else {
        let first_line_end = text
            .get(span.clone())
            .and_then(|s| s.find('\n'))
            .map_or(span.end, |i| span.start + i);
        first_line_end.max(span.start)
    };
    out.push(Finding::new(python::SYNTAX_ERROR, span.start..end, message));
}
