//! Feature envy: the attribute reads of a method's parameters and locals against those of
//! `self`.

use tree_sitter::Node;

use super::bindings::Bind;
use super::{Frame, FrameKind, Walker};

impl<'t> Walker<'t> {
    /// Counts a method's read of `name.attr`. Returns whether the object is a plain name, so
    /// that the node has nothing more to walk.
    pub(super) fn count_attribute_read(&mut self, node: Node<'t>) -> bool {
        let k = self.k;
        // `object . attribute`: the object is the first child.
        let Some(object) = node.child(0) else {
            return false;
        };
        if object.kind_id() != k.identifier {
            return false;
        }
        let Some(frame) = self.frames.last() else { return true };
        if frame.kind != FrameKind::Function || !frame.is_method || self.target.contains(&node.start_byte()) {
            return true;
        }
        let name = self.text_of(object);
        let frame = self.top();
        if Some(name) == frame.self_name {
            frame.self_reads += 1;
        } else if let Some(count) = frame.reads.get_mut(name) {
            *count += 1;
        } else {
            frame.reads.insert_new(name, 1);
        }
        true
    }
}

impl<'t> Frame<'t> {
    /// The parameter or local whose attributes the method reads most (not an import, a nested
    /// definition or a global): its name, its reads and the reads of `self`.
    pub(super) fn envy(&self) -> Option<(&'t str, u32, u32)> {
        self.self_name?;
        self.reads
            .iter()
            .filter(|(name, _)| {
                self.bindings
                    .get(name)
                    .is_some_and(|b| !matches!(b, Bind::Import | Bind::Definition | Bind::Global | Bind::Deletion))
            })
            .max_by_key(|(_, count)| *count)
            .map(|&(name, count)| (name, count, self.self_reads))
    }
}
