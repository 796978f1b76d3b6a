//! The smells: one table that says, for each rule, what it measures, which setting bounds it
//! and what its finding says. `report` turns the walk's measures into findings through it.

use std::ops::Range;

use tollgate_rules::{python, Finding, Rule};

use super::walk::{ClassMeasure, FunctionMeasure, Measures};
use super::Settings;
use crate::excerpt;

/// One smell: a measure compared with a setting.
pub struct Smell {
    pub rule: &'static Rule,
    /// The metric's name in findings (`result.properties.metric` in SARIF).
    pub metric: &'static str,
    /// The key of the `[python]` setting that bounds the measure.
    pub setting: &'static str,
    /// Reads that setting.
    pub threshold: fn(&Settings) -> u32,
    pub bound: Bound,
    pub(crate) measure: Measure,
}

/// How a measured value is compared with its threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The threshold is a maximum: a finding needs a value strictly above it.
    Above,
    /// The threshold is a minimum: a finding needs a value of at least it, and at least 1.
    AtLeast,
}

impl Bound {
    fn fires(self, value: u32, threshold: u32) -> bool {
        match self {
            Bound::Above => value > threshold,
            Bound::AtLeast => value >= threshold.max(1),
        }
    }
}

/// What a smell measures, how its value is read (`None`: the rule does not apply) and how its
/// message is written from the quoted name, the value and the threshold.
pub(crate) enum Measure {
    Function {
        value: fn(&FunctionMeasure) -> Option<u32>,
        message: fn(&FunctionMeasure, &str, u32, u32) -> String,
    },
    Class {
        value: fn(&ClassMeasure) -> Option<u32>,
        message: fn(&str, u32, u32) -> String,
    },
    /// The depth of blocks nested under an outermost block statement.
    Block { message: fn(u32, u32) -> String },
    /// The boolean operands of an `if`/`elif` test.
    Condition { message: fn(u32, u32) -> String },
}

/// Every smell. A function's (or class's) findings come in this order.
pub const SMELLS: &[Smell] = &[
    Smell {
        rule: python::COMPLEX_FUNCTION,
        metric: "cyclomatic",
        setting: "max-complexity",
        threshold: |s| s.max_complexity,
        bound: Bound::Above,
        measure: Measure::Function {
            value: |f| Some(f.cyclomatic),
            message: |_, name, value, max| format!("`{name}` has cyclomatic complexity {value} (max {max})"),
        },
    },
    Smell {
        rule: python::TOO_MANY_ARGUMENTS,
        metric: "arguments",
        setting: "max-args",
        threshold: |s| s.max_args,
        bound: Bound::Above,
        measure: Measure::Function {
            value: |f| f.arguments,
            message: |_, name, value, max| format!("`{name}` has {value} arguments (max {max})"),
        },
    },
    Smell {
        rule: python::TOO_MANY_POSITIONAL_ARGUMENTS,
        metric: "positional-arguments",
        setting: "max-positional-args",
        threshold: |s| s.max_positional_args,
        bound: Bound::Above,
        measure: Measure::Function {
            value: |f| f.positional,
            message: |_, name, value, max| format!("`{name}` has {value} positional arguments (max {max})"),
        },
    },
    Smell {
        rule: python::TOO_MANY_RETURNS,
        metric: "returns",
        setting: "max-returns",
        threshold: |s| s.max_returns,
        bound: Bound::Above,
        measure: Measure::Function {
            value: |f| Some(f.returns),
            message: |_, name, value, max| format!("`{name}` has {value} return statements (max {max})"),
        },
    },
    Smell {
        rule: python::TOO_MANY_BRANCHES,
        metric: "branches",
        setting: "max-branches",
        threshold: |s| s.max_branches,
        bound: Bound::Above,
        measure: Measure::Function {
            value: |f| Some(f.branches),
            message: |_, name, value, max| format!("`{name}` has {value} branches (max {max})"),
        },
    },
    Smell {
        rule: python::TOO_MANY_STATEMENTS,
        metric: "statements",
        setting: "max-statements",
        threshold: |s| s.max_statements,
        bound: Bound::Above,
        measure: Measure::Function {
            value: |f| Some(f.statements),
            message: |_, name, value, max| format!("`{name}` has {value} statements (max {max})"),
        },
    },
    Smell {
        rule: python::TOO_MANY_LOCALS,
        metric: "locals",
        setting: "max-locals",
        threshold: |s| s.max_locals,
        bound: Bound::Above,
        measure: Measure::Function {
            value: |f| Some(f.locals),
            message: |_, name, value, max| format!("`{name}` has {value} local variables (max {max})"),
        },
    },
    Smell {
        rule: python::COGNITIVE_COMPLEXITY,
        metric: "cognitive",
        setting: "max-cognitive-complexity",
        threshold: |s| s.max_cognitive_complexity,
        bound: Bound::Above,
        measure: Measure::Function {
            value: |f| Some(f.cognitive),
            message: |_, name, value, max| format!("`{name}` has cognitive complexity {value} (max {max})"),
        },
    },
    Smell {
        rule: python::LONG_FUNCTION,
        metric: "lines",
        setting: "max-function-lines",
        threshold: |s| s.max_function_lines,
        bound: Bound::Above,
        measure: Measure::Function {
            value: |f| Some(f.lines),
            message: |_, name, value, max| format!("`{name}` has {value} lines of code (max {max})"),
        },
    },
    Smell {
        rule: python::FEATURE_ENVY,
        metric: "foreign-attribute-reads",
        setting: "feature-envy-min",
        threshold: |s| s.feature_envy_min,
        bound: Bound::AtLeast,
        measure: Measure::Function {
            // Reads of the other object count only when they outnumber the reads of `self`.
            value: |f| {
                f.envy
                    .filter(|&(_, reads, self_reads)| reads > self_reads)
                    .map(|(_, reads, _)| reads)
            },
            message: |f, name, reads, _| {
                // Written only for a value read from `envy`, so it is there.
                let (other, _, self_reads) = f.envy.unwrap_or_default();
                let other = excerpt(other, NAME_CHARS);
                format!(
                    "`{name}` reads attributes of `{other}` {reads} times and of `self` {self_reads} times; it may belong to `{other}`'s class"
                )
            },
        },
    },
    Smell {
        rule: python::TOO_MANY_PUBLIC_METHODS,
        metric: "public-methods",
        setting: "max-public-methods",
        threshold: |s| s.max_public_methods,
        bound: Bound::Above,
        measure: Measure::Class {
            value: |c| c.public_methods,
            message: |name, value, max| format!("`{name}` has {value} public methods (max {max})"),
        },
    },
    Smell {
        rule: python::TOO_MANY_INSTANCE_ATTRIBUTES,
        metric: "instance-attributes",
        setting: "max-attributes",
        threshold: |s| s.max_attributes,
        bound: Bound::Above,
        measure: Measure::Class {
            value: |c| Some(c.instance_attributes),
            message: |name, value, max| format!("`{name}` has {value} instance attributes (max {max})"),
        },
    },
    Smell {
        rule: python::LARGE_CLASS,
        metric: "lines",
        setting: "max-class-lines",
        threshold: |s| s.max_class_lines,
        bound: Bound::Above,
        measure: Measure::Class {
            value: |c| Some(c.lines),
            message: |name, value, max| format!("`{name}` has {value} lines of code (max {max})"),
        },
    },
    Smell {
        rule: python::TOO_MANY_NESTED_BLOCKS,
        metric: "nested-blocks",
        setting: "max-nested-blocks",
        threshold: |s| s.max_nested_blocks,
        bound: Bound::Above,
        measure: Measure::Block {
            message: |depth, max| format!("blocks nested {depth} deep under this statement (max {max})"),
        },
    },
    Smell {
        rule: python::TOO_MANY_BOOLEAN_EXPRESSIONS,
        metric: "boolean-expressions",
        setting: "max-bool-expr",
        threshold: |s| s.max_bool_expr,
        bound: Bound::Above,
        measure: Measure::Condition {
            message: |operands, max| format!("condition has {operands} boolean operands (max {max})"),
        },
    },
];

/// Longest name a message quotes, in characters.
const NAME_CHARS: usize = 60;

impl Smell {
    /// The finding for `value` at `span`, if the value passes the threshold.
    fn finding(
        &self,
        value: Option<u32>,
        settings: &Settings,
        span: &Range<usize>,
        message: impl FnOnce(u32, u32) -> String,
    ) -> Option<Finding> {
        let threshold = (self.threshold)(settings);
        let value = value.filter(|&v| self.bound.fires(v, threshold))?;
        let finding = Finding::new(self.rule, span.clone(), message(value, threshold));
        Some(finding.with_metric(self.metric, value.into(), threshold.into()))
    }
}

/// A definition's finding points at its name; suppression comments above its decorators
/// apply too.
fn at_definition(finding: Finding, name_span: &Range<usize>, start: usize) -> Finding {
    if start < name_span.start {
        finding.with_statement_start(start)
    } else {
        finding
    }
}

/// The findings of functions, then classes, block statements and conditions. A function or
/// class with a syntax error in its own subtree is not reported.
pub(crate) fn report(m: &Measures, s: &Settings, out: &mut Vec<Finding>) {
    for f in m.functions.iter().filter(|f| !f.has_error) {
        let name = excerpt(f.name, NAME_CHARS);
        for smell in SMELLS {
            if let Measure::Function { value, message } = smell.measure {
                let found = smell.finding(value(f), s, &f.name_span, |v, max| message(f, &name, v, max));
                out.extend(found.map(|finding| at_definition(finding, &f.name_span, f.start)));
            }
        }
    }
    for c in m.classes.iter().filter(|c| !c.has_error) {
        let name = excerpt(c.name, NAME_CHARS);
        for smell in SMELLS {
            if let Measure::Class { value, message } = smell.measure {
                let found = smell.finding(value(c), s, &c.name_span, |v, max| message(&name, v, max));
                out.extend(found.map(|finding| at_definition(finding, &c.name_span, c.start)));
            }
        }
    }
    for n in &m.nested {
        for smell in SMELLS {
            if let Measure::Block { message } = smell.measure {
                out.extend(smell.finding(Some(n.depth), s, &n.span, message));
            }
        }
    }
    for b in &m.bools {
        for smell in SMELLS {
            if let Measure::Condition { message } = smell.measure {
                out.extend(smell.finding(Some(b.operands), s, &b.span, message));
            }
        }
    }
}
