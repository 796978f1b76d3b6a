//! Python smells: one tree-sitter parse per file and one walk that measures every function
//! and class (walk.rs); this module turns the measures into findings.

mod kinds;
mod walk;

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use tollgate_rules::{python, Finding, Rule};
use tree_sitter::{Node, Parser, Tree};

use crate::{excerpt, Input};

/// The `[python]` table. Defaults are ruff's and pylint's; a finding needs a value strictly
/// above its maximum (feature envy: at least `feature-envy-min` reads).
#[derive(Clone, Debug, serde::Deserialize)]
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
    /// Parse and stop, with no metric walk and no duplication windows: lets benchmarks
    /// measure what the walk and duplication cost over the bare parse.
    #[doc(hidden)]
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
            bench_parse_only: false,
        }
    }
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
    let measures = walk::measure(&tree, &text, stub);
    report(&measures, settings, out);
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

/// Longest name a message quotes, in characters.
const NAME_CHARS: usize = 60;

fn over(value: u32, max: u32) -> bool {
    value > max
}

fn report(m: &walk::Measures, s: &Settings, out: &mut Vec<Finding>) {
    for f in m.functions.iter().filter(|f| !f.has_error) {
        let name = excerpt(f.name, NAME_CHARS);
        let mut push = |rule: &'static Rule, metric: &'static str, value: u32, max: u32, message: String| {
            let mut finding =
                Finding::new(rule, f.name_span.clone(), message).with_metric(metric, value.into(), max.into());
            if f.start < f.name_span.start {
                finding = finding.with_statement_start(f.start);
            }
            out.push(finding);
        };
        if over(f.cyclomatic, s.max_complexity) {
            let msg = format!(
                "`{name}` has cyclomatic complexity {} (max {})",
                f.cyclomatic, s.max_complexity
            );
            push(
                python::COMPLEX_FUNCTION,
                "cyclomatic",
                f.cyclomatic,
                s.max_complexity,
                msg,
            );
        }
        if let Some(args) = f.arguments.filter(|&a| over(a, s.max_args)) {
            let msg = format!("`{name}` has {args} arguments (max {})", s.max_args);
            push(python::TOO_MANY_ARGUMENTS, "arguments", args, s.max_args, msg);
        }
        if let Some(pos) = f.positional.filter(|&p| over(p, s.max_positional_args)) {
            let msg = format!(
                "`{name}` has {pos} positional arguments (max {})",
                s.max_positional_args
            );
            push(
                python::TOO_MANY_POSITIONAL_ARGUMENTS,
                "positional-arguments",
                pos,
                s.max_positional_args,
                msg,
            );
        }
        if over(f.returns, s.max_returns) {
            let msg = format!("`{name}` has {} return statements (max {})", f.returns, s.max_returns);
            push(python::TOO_MANY_RETURNS, "returns", f.returns, s.max_returns, msg);
        }
        if over(f.branches, s.max_branches) {
            let msg = format!("`{name}` has {} branches (max {})", f.branches, s.max_branches);
            push(python::TOO_MANY_BRANCHES, "branches", f.branches, s.max_branches, msg);
        }
        if over(f.statements, s.max_statements) {
            let msg = format!("`{name}` has {} statements (max {})", f.statements, s.max_statements);
            push(
                python::TOO_MANY_STATEMENTS,
                "statements",
                f.statements,
                s.max_statements,
                msg,
            );
        }
        if over(f.locals, s.max_locals) {
            let msg = format!("`{name}` has {} local variables (max {})", f.locals, s.max_locals);
            push(python::TOO_MANY_LOCALS, "locals", f.locals, s.max_locals, msg);
        }
        if over(f.cognitive, s.max_cognitive_complexity) {
            let msg = format!(
                "`{name}` has cognitive complexity {} (max {})",
                f.cognitive, s.max_cognitive_complexity
            );
            push(
                python::COGNITIVE_COMPLEXITY,
                "cognitive",
                f.cognitive,
                s.max_cognitive_complexity,
                msg,
            );
        }
        if over(f.lines, s.max_function_lines) {
            let msg = format!("`{name}` has {} lines of code (max {})", f.lines, s.max_function_lines);
            push(python::LONG_FUNCTION, "lines", f.lines, s.max_function_lines, msg);
        }
        if let Some((other, reads, self_reads)) = f.envy {
            let other = excerpt(other, NAME_CHARS);
            if reads >= s.feature_envy_min.max(1) && reads > self_reads {
                let msg = format!(
                    "`{name}` reads attributes of `{other}` {reads} times and of `self` {self_reads} times; it may belong to `{other}`'s class"
                );
                push(
                    python::FEATURE_ENVY,
                    "foreign-attribute-reads",
                    reads,
                    s.feature_envy_min,
                    msg,
                );
            }
        }
    }
    for c in m.classes.iter().filter(|c| !c.has_error) {
        let name = excerpt(c.name, NAME_CHARS);
        let mut push = |rule: &'static Rule, metric: &'static str, value: u32, max: u32, message: String| {
            let mut finding =
                Finding::new(rule, c.name_span.clone(), message).with_metric(metric, value.into(), max.into());
            if c.start < c.name_span.start {
                finding = finding.with_statement_start(c.start);
            }
            out.push(finding);
        };
        if let Some(methods) = c.public_methods.filter(|&p| over(p, s.max_public_methods)) {
            let msg = format!("`{name}` has {methods} public methods (max {})", s.max_public_methods);
            push(
                python::TOO_MANY_PUBLIC_METHODS,
                "public-methods",
                methods,
                s.max_public_methods,
                msg,
            );
        }
        if over(c.instance_attributes, s.max_attributes) {
            let msg = format!(
                "`{name}` has {} instance attributes (max {})",
                c.instance_attributes, s.max_attributes
            );
            push(
                python::TOO_MANY_INSTANCE_ATTRIBUTES,
                "instance-attributes",
                c.instance_attributes,
                s.max_attributes,
                msg,
            );
        }
        if over(c.lines, s.max_class_lines) {
            let msg = format!("`{name}` has {} lines of code (max {})", c.lines, s.max_class_lines);
            push(python::LARGE_CLASS, "lines", c.lines, s.max_class_lines, msg);
        }
    }
    for n in &m.nested {
        if over(n.depth, s.max_nested_blocks) {
            let msg = format!(
                "blocks nested {} deep under this statement (max {})",
                n.depth, s.max_nested_blocks
            );
            out.push(
                Finding::new(python::TOO_MANY_NESTED_BLOCKS, n.span.clone(), msg).with_metric(
                    "nested-blocks",
                    n.depth.into(),
                    s.max_nested_blocks.into(),
                ),
            );
        }
    }
    for b in &m.bools {
        if over(b.operands, s.max_bool_expr) {
            let msg = format!(
                "condition has {} boolean operands (max {})",
                b.operands, s.max_bool_expr
            );
            out.push(
                Finding::new(python::TOO_MANY_BOOLEAN_EXPRESSIONS, b.span.clone(), msg).with_metric(
                    "boolean-expressions",
                    b.operands.into(),
                    s.max_bool_expr.into(),
                ),
            );
        }
    }
}
