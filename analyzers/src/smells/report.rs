//! The rules: for each, what it measures, which threshold bounds it and what its finding
//! says. `report` turns one file's measures into findings through this table.

use std::ops::Range;

use tollgate_rules::{smells, Finding, PropValue, Rule};

use super::languages::Language;
use super::walk::{ClassMeasure, FunctionMeasure, Measures};
use super::Thresholds;
use crate::excerpt;

pub(super) const LONG_FUNCTION: &str = smells::LONG_FUNCTION.id;
pub(super) const LARGE_CLASS: &str = smells::LARGE_CLASS.id;
pub(super) const LARGE_FILE: &str = smells::LARGE_FILE.id;

/// One smell: a measure compared with a threshold.
pub struct Smell {
    pub rule: &'static Rule,
    /// The metric's name in findings (`result.properties.metric` in SARIF).
    pub metric: &'static str,
    /// The key of the language table's setting that bounds it.
    pub setting: &'static str,
    pub threshold: fn(&Thresholds) -> u32,
    pub(crate) measure: Measure,
}

pub(crate) enum Measure {
    /// A function's value (`None`: the rule does not apply to it), and its message from the
    /// quoted name, the value and the threshold.
    Function {
        value: fn(&FunctionMeasure) -> Option<u32>,
        message: fn(&str, u32, u32) -> String,
    },
    Class {
        value: fn(&ClassMeasure) -> u32,
        message: fn(&str, u32, u32) -> String,
    },
    /// The deepest block of a function, at that block.
    Depth {
        message: fn(&str, u32, u32) -> String,
    },
    Condition {
        message: fn(u32, u32) -> String,
    },
    File {
        message: fn(u32, u32) -> String,
    },
}

/// Every smell but duplication (the cross-file pass). A function's findings come in this order.
pub const SMELLS: &[Smell] = &[
    Smell {
        rule: smells::COMPLEX_FUNCTION,
        metric: "cyclomatic",
        setting: "max-complexity",
        threshold: |t| t.max_complexity,
        measure: Measure::Function {
            value: |f| Some(f.cyclomatic),
            message: |name, value, max| format!("{name} has cyclomatic complexity {value} (max {max})"),
        },
    },
    Smell {
        rule: smells::COGNITIVE_COMPLEXITY,
        metric: "cognitive",
        setting: "max-cognitive-complexity",
        threshold: |t| t.max_cognitive_complexity,
        measure: Measure::Function {
            value: |f| Some(f.cognitive),
            message: |name, value, max| format!("{name} has cognitive complexity {value} (max {max})"),
        },
    },
    Smell {
        rule: smells::TOO_MANY_PARAMETERS,
        metric: "parameters",
        setting: "max-parameters",
        threshold: |t| t.max_parameters,
        measure: Measure::Function {
            value: |f| Some(f.parameters),
            message: |name, value, max| format!("{name} has {value} parameters (max {max})"),
        },
    },
    Smell {
        rule: smells::TOO_MANY_RETURNS,
        metric: "returns",
        setting: "max-returns",
        threshold: |t| t.max_returns,
        measure: Measure::Function {
            value: |f| Some(f.returns),
            message: |name, value, max| format!("{name} has {value} return statements (max {max})"),
        },
    },
    Smell {
        rule: smells::LONG_FUNCTION,
        metric: "lines",
        setting: "max-function-lines",
        threshold: |t| t.max_function_lines,
        measure: Measure::Function {
            value: |f| Some(f.lines),
            message: |name, value, max| format!("{name} has {value} lines of code (max {max})"),
        },
    },
    Smell {
        rule: smells::DEEP_NESTING,
        metric: "depth",
        setting: "max-depth",
        threshold: |t| t.max_depth,
        measure: Measure::Depth {
            message: |name, depth, max| format!("blocks nested {depth} deep in {name} (max {max})"),
        },
    },
    Smell {
        rule: smells::LARGE_CLASS,
        metric: "class-lines",
        setting: "max-class-lines",
        threshold: |t| t.max_class_lines,
        measure: Measure::Class {
            value: |c| c.lines,
            message: |name, value, max| format!("{name} has {value} lines of code (max {max})"),
        },
    },
    Smell {
        rule: smells::COMPLEX_CONDITION,
        metric: "boolean-expressions",
        setting: "max-bool-expr",
        threshold: |t| t.max_bool_expr,
        measure: Measure::Condition {
            message: |operands, max| format!("condition has {operands} boolean operands (max {max})"),
        },
    },
    Smell {
        rule: smells::LARGE_FILE,
        metric: "file-lines",
        setting: "max-file-lines",
        threshold: |t| t.max_file_lines,
        measure: Measure::File {
            message: |value, max| format!("file has {value} lines of code (max {max})"),
        },
    },
];

/// Longest name a message quotes, in characters.
const NAME_CHARS: usize = 60;

impl Smell {
    fn finding(
        &self,
        value: u32,
        limits: &Thresholds,
        span: Range<usize>,
        language: Language,
        message: impl FnOnce(u32, u32) -> String,
    ) -> Option<Finding> {
        let threshold = (self.threshold)(limits);
        if value <= threshold {
            return None;
        }
        let finding = Finding::new(self.rule, span, message(value, threshold)).with_metric(
            self.metric,
            value.into(),
            threshold.into(),
        );
        let mut finding = finding;
        finding
            .properties
            .push(("language", PropValue::Str(language.name().to_string())));
        Some(finding)
    }
}

/// "`name`", or "anonymous function" for a function without one.
fn quoted(text: &str, name: &Option<Range<usize>>, what: &str) -> String {
    match name.as_ref().and_then(|n| text.get(n.clone())) {
        // A quoted key (`'nthArg': function () {}`) is named without its quotes.
        Some(name) => format!("`{}`", excerpt(name.trim().trim_matches(['\'', '"', '`']), NAME_CHARS)),
        None => format!("anonymous {what}"),
    }
}

/// What the cyclomatic complexity counted, by node kind: `if_statement: 3, &&: 2` (the
/// comparison with other tools' conventions reads it, and so may a puzzled reader).
fn with_decisions(mut finding: Finding, f: &FunctionMeasure, language: Language) -> Finding {
    let grammar = language.grammar();
    let parts: Vec<String> = f
        .decisions
        .iter()
        .map(|(kind, count)| format!("{}: {count}", grammar.node_kind_for_id(*kind).unwrap_or("?")))
        .collect();
    finding.properties.push(("decisions", PropValue::Str(parts.join(", "))));
    finding
}

/// A definition's finding points at its name; suppression comments above its annotations,
/// attributes and modifiers apply too.
fn at_definition(finding: Finding, span: &Range<usize>, start: usize) -> Finding {
    if start < span.start {
        finding.with_statement_start(start)
    } else {
        finding
    }
}

pub(super) fn report(m: &Measures, text: &str, language: Language, limits: &Thresholds, out: &mut Vec<Finding>) {
    for f in &m.functions {
        let name = quoted(text, &f.name, "function");
        for smell in SMELLS {
            let found = match smell.measure {
                Measure::Function { value, message } => value(f)
                    .and_then(|v| smell.finding(v, limits, f.span.clone(), language, |v, max| message(&name, v, max)))
                    .map(|finding| {
                        if smell.rule.id == smells::COMPLEX_FUNCTION.id {
                            with_decisions(finding, f, language)
                        } else {
                            finding
                        }
                    }),
                Measure::Depth { message } => {
                    smell.finding(f.depth, limits, f.depth_span.clone(), language, |v, max| {
                        message(&name, v, max)
                    })
                }
                _ => None,
            };
            out.extend(found.map(|finding| at_definition(finding, &f.span, f.start)));
        }
    }
    for c in &m.classes {
        let name = quoted(text, &c.name, "class");
        for smell in SMELLS {
            if let Measure::Class { value, message } = smell.measure {
                let found = smell.finding(value(c), limits, c.span.clone(), language, |v, max| {
                    message(&name, v, max)
                });
                out.extend(found.map(|finding| at_definition(finding, &c.span, c.start)));
            }
        }
    }
    for condition in &m.conditions {
        for smell in SMELLS {
            if let Measure::Condition { message } = smell.measure {
                out.extend(smell.finding(condition.operands, limits, condition.span.clone(), language, message));
            }
        }
    }
    for smell in SMELLS {
        if let Measure::File { message } = smell.measure {
            out.extend(smell.finding(m.lines, limits, 0..0, language, message));
        }
    }
}
