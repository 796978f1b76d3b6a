//! A span-preserving view of YAML: plain mappings, sequences and scalars ([`node`]), each
//! with the exact bytes it came from. Aliases are resolved (the copy keeps the anchored
//! node's spans), `<<` merge keys are applied, and keys keep their source spelling, so a
//! bare `on` stays the key `on`.
//!
//! Two readers build the tree: [`fast`] for the YAML workflows are actually written in,
//! and [`tree_sitter`] for everything else and for syntax errors; [`parse`] chooses.
//! Scalars decode the same way on both ([`scalar`]).
//!
//! Both readers bound what hostile input can cost: anchors and aliases may copy only so
//! much ([`node::Copies`]), nesting stops at [`node::MAX_DEPTH`] levels, and text that the
//! tree-sitter scanner cannot take safely never reaches it ([`limits`]).

mod fast;
mod limits;
mod node;
mod scalar;
mod tree_sitter;

pub use self::tree_sitter::parse as parse_with_tree_sitter;
pub use fast::parse as parse_fast;
pub use node::{Node, Pair, Parsed, Scalar, Value};
pub use scalar::{is_false, is_true};

/// The fast reader where it takes the file, else tree-sitter.
pub fn parse(text: &str) -> Parsed {
    if let Some(documents) = fast::parse(text) {
        return Parsed {
            documents,
            error: None,
            message: None,
            orphans: Vec::new(),
        };
    }
    parse_with_tree_sitter(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_values_and_spans() {
        let src = "on: push\n\"jobs\":\n  a: { runs-on: x, steps: [ {uses: 'o/r@v1'} ] }\n";
        let parsed = parse(src);
        assert!(parsed.error.is_none());
        let doc = &parsed.documents[0];
        let on = doc.pair("on").unwrap();
        assert_eq!(&src[on.key_span.clone()], "on");
        let uses = doc.get("jobs").unwrap().get("a").unwrap().get("steps").unwrap().items()[0]
            .get("uses")
            .unwrap();
        assert_eq!(uses.str(), Some("o/r@v1"));
        assert_eq!(&src[uses.text_span()], "o/r@v1");
    }

    #[test]
    fn anchors_merge_and_block_scalars() {
        let src = "a: &x\n  k: 1\nb:\n  <<: *x\n  j: 2\nc: *x\nd: |\n  one\n  two\ne: >-\n  x\n  y\n";
        let parsed = parse(src);
        let doc = &parsed.documents[0];
        assert_eq!(doc.get("b").unwrap().get("k").unwrap().str(), Some("1"));
        assert_eq!(doc.get("c").unwrap().get("k").unwrap().str(), Some("1"));
        assert_eq!(doc.get("d").unwrap().str(), Some("one\ntwo\n"));
        assert_eq!(doc.get("e").unwrap().str(), Some("x y"));
    }

    #[test]
    fn errors_point_where_the_parser_gave_up() {
        let src = "x: 1\nrun: echo \"a: b\"\ny: 2\n";
        let parsed = parse(src);
        let error = parsed.error.unwrap();
        assert_eq!(&src[error.clone()], ": b\"");
        // What parsed before the error is still there.
        assert_eq!(parsed.documents[0].get("x").and_then(Node::str), Some("1"));
        let src = "a:\n  b: 1\n c: 2\n";
        assert_eq!(&src[parse(src).error.unwrap()], "c: 2");
        let src = "on: [push\npermissions: {}\n";
        assert_eq!(&src[parse(src).error.unwrap()], "[push");
    }

    #[test]
    fn errors_are_reported_not_fatal() {
        let parsed = parse("a: [1, 2\nb: c\n");
        assert!(parsed.error.is_some());
        let parsed = parse("---\na: 1\n---\nb: 2\n");
        assert_eq!(parsed.documents.len(), 2);
    }
}
