//! The workflow YAML reader, both paths. Neither may panic, abort or blow up; and when the
//! fast path and tree-sitter both accept a text, they must build the same tree, since the
//! analyzers read whichever one `parse` picked.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tollgate_analyzers::actions::yaml::{parse, parse_fast, parse_with_tree_sitter, Node, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let slow = parse_with_tree_sitter(text);
    let fast = parse_fast(text);
    if let (Some(fast), None, true) = (&fast, &slow.error, compare_trees()) {
        assert_eq!(
            fast.len(),
            slow.documents.len(),
            "the fast path read {} documents, tree-sitter {}",
            fast.len(),
            slow.documents.len()
        );
        for (a, b) in fast.iter().zip(&slow.documents) {
            if let Err(difference) = same(a, b, "") {
                panic!("the fast path and tree-sitter disagree at {difference}");
            }
        }
    }
    // The entry point the analyzers use: one of the two above, so it only has to not fail.
    let _ = parse(text);
});

/// `scripts/fuzz --crashes-only` (CI's smoke) leaves the comparison out.
fn compare_trees() -> bool {
    static COMPARE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *COMPARE.get_or_init(|| std::env::var_os("TOLLGATE_FUZZ_CRASHES_ONLY").is_none())
}

/// Compares two trees node by node: kind, keys and key spans, scalar values, where each
/// node starts and, for a scalar whose text is verbatim in the source, exactly where that
/// text sits. Other ends are left out: the two paths may end a block (or a block scalar) at
/// its last line or after the blank lines that follow it, and nothing reads those ends.
fn same(fast: &Node, slow: &Node, path: &str) -> Result<(), String> {
    let at = |what: String| format!("{}: {what}", if path.is_empty() { "/" } else { path });
    if fast.span.start != slow.span.start {
        return Err(at(format!(
            "{} starts at {} vs {}",
            kind(fast),
            fast.span.start,
            slow.span.start
        )));
    }
    match (&fast.value, &slow.value) {
        (Value::Map(x), Value::Map(y)) => {
            if x.len() != y.len() {
                return Err(at(format!("{} pairs vs {}", x.len(), y.len())));
            }
            for (p, q) in x.iter().zip(y) {
                if p.key != q.key || p.key_span != q.key_span {
                    return Err(at(format!(
                        "key {:?}@{:?} vs {:?}@{:?}",
                        p.key, p.key_span, q.key, q.key_span
                    )));
                }
                same(&p.value, &q.value, &format!("{path}/{}", p.key))?;
            }
        }
        (Value::Seq(x), Value::Seq(y)) => {
            if x.len() != y.len() {
                return Err(at(format!("{} items vs {}", x.len(), y.len())));
            }
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                same(p, q, &format!("{path}/{i}"))?;
            }
        }
        (Value::Scalar(x), Value::Scalar(y)) => {
            let verbatim_differs = x.verbatim_at.is_some() && fast.text_span() != slow.text_span();
            if x.text != y.text || x.verbatim_at != y.verbatim_at || verbatim_differs {
                return Err(at(format!(
                    "scalar {:?}@{:?} (verbatim at {:?}) vs {:?}@{:?} (verbatim at {:?})",
                    x.text,
                    fast.text_span(),
                    x.verbatim_at,
                    y.text,
                    slow.text_span(),
                    y.verbatim_at
                )));
            }
        }
        (Value::Null, Value::Null) => {}
        _ => return Err(at(format!("{} vs {}", kind(fast), kind(slow)))),
    }
    Ok(())
}

fn kind(node: &Node) -> &'static str {
    match node.value {
        Value::Map(_) => "mapping",
        Value::Seq(_) => "sequence",
        Value::Scalar(_) => "scalar",
        Value::Null => "null",
    }
}
