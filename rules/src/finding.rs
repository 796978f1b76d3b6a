use std::ops::Range;

use crate::{Level, Region, Rule};

/// One problem an analyzer found in one file. Positions are byte offsets into the
/// file's text; the caller turns them into lines and columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule's id; `Finding::new` takes the rule itself, so that ids are never typed twice.
    pub rule: &'static str,
    pub span: Range<usize>,
    pub message: String,
    /// Overrides the rule's default level for this one finding (e.g. an encrypted key is a note).
    pub level: Option<Level>,
    /// Start of the enclosing statement or instruction, when it begins on an earlier line
    /// than `span`: suppression comments above the statement then cover the finding.
    pub statement_start: Option<usize>,
    /// The measured value of a smell.
    pub metric: Option<Metric>,
    pub related: Vec<Related>,
    /// A stable identity for baselines and fingerprints, when the span text is not the
    /// right one (e.g. a hash of the secret). Never the secret itself.
    pub identity: Option<String>,
    /// The span is a secret: every output must redact it.
    pub redact: bool,
    /// Extra SARIF/JSON properties (commit, author, ...).
    pub properties: Vec<(&'static str, PropValue)>,
    /// Another tool's `partialFingerprints`, kept as it gave them, for a finding imported from
    /// its SARIF: code scanning matches alerts on them.
    pub fingerprints: Vec<(String, String)>,
}

impl Finding {
    /// A finding of `rule`, one of the constants the domains export (`docker::CD_IN_RUN`).
    pub fn new(rule: &'static Rule, span: Range<usize>, message: impl Into<String>) -> Self {
        Finding {
            rule: rule.id,
            span,
            message: message.into(),
            level: None,
            statement_start: None,
            metric: None,
            related: Vec::new(),
            identity: None,
            redact: false,
            properties: Vec::new(),
            fingerprints: Vec::new(),
        }
    }

    pub fn with_level(mut self, level: Level) -> Self {
        self.level = Some(level);
        self
    }

    pub fn with_metric(mut self, name: &'static str, value: u64, threshold: u64) -> Self {
        self.metric = Some(Metric { name, value, threshold });
        self
    }

    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    pub fn with_statement_start(mut self, offset: usize) -> Self {
        self.statement_start = Some(offset);
        self
    }

    pub fn with_identity(mut self, identity: impl Into<String>) -> Self {
        self.identity = Some(identity.into());
        self
    }

    pub fn redacted(mut self) -> Self {
        self.redact = true;
        self
    }

    pub fn with_property(mut self, key: &'static str, value: PropValue) -> Self {
        self.properties.push((key, value));
        self
    }
}

/// A smell's measurement: `cyclomatic`, 14, 10.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metric {
    pub name: &'static str,
    pub value: u64,
    pub threshold: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PropValue {
    Str(String),
    Int(i64),
}

/// A secondary location: the trigger of a pwn request, the other copy of duplicated code.
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    pub location: Location,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Location {
    /// Bytes in the same file as the finding.
    Here(Range<usize>),
    /// A place in another file, already resolved by the analyzer that saw it.
    Elsewhere { path: String, region: Region },
}
