//! A small map from names to values for a scope's bindings, reads and attributes.

use std::collections::HashMap;

/// Names with a value each, in the order they were first seen. A lookup scans while the
/// table is small (most functions) and goes through a hash index once it grows: a function
/// with tens of thousands of names stays linear.
pub(super) struct Names<'t, V> {
    entries: Vec<(&'t str, V)>,
    index: Option<HashMap<&'t str, usize>>,
}

impl<V> Default for Names<'_, V> {
    fn default() -> Self {
        Names {
            entries: Vec::new(),
            index: None,
        }
    }
}

impl<'t, V> Names<'t, V> {
    /// Entries a table holds before it builds its index.
    const SCAN_LIMIT: usize = 32;

    fn position(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(name).copied(),
            None => self.entries.iter().position(|(n, _)| *n == name),
        }
    }

    pub(super) fn get(&self, name: &str) -> Option<&V> {
        self.position(name).map(|i| &self.entries[i].1)
    }

    pub(super) fn get_mut(&mut self, name: &str) -> Option<&mut V> {
        self.position(name).map(|i| &mut self.entries[i].1)
    }

    /// Adds `name`, which the table does not hold yet.
    pub(super) fn insert_new(&mut self, name: &'t str, value: V) {
        self.entries.push((name, value));
        if let Some(index) = &mut self.index {
            index.insert(name, self.entries.len() - 1);
        } else if self.entries.len() > Self::SCAN_LIMIT {
            self.index = Some(self.entries.iter().enumerate().map(|(i, (n, _))| (*n, i)).collect());
        }
    }

    pub(super) fn set(&mut self, name: &'t str, value: V) {
        match self.get_mut(name) {
            Some(slot) => *slot = value,
            None => self.insert_new(name, value),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &(&'t str, V)> {
        self.entries.iter()
    }
}
