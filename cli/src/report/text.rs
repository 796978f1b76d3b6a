use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use tollgate_rules::Level;

use super::escape::{line_start_path, terminal};
use super::Report;
use crate::record::tally;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::BrightBlack)));
const CYAN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));

fn level_style(level: Level) -> Style {
    let color = match level {
        Level::Error => AnsiColor::Red,
        Level::Warning => AnsiColor::Yellow,
        Level::Note => AnsiColor::Blue,
    };
    Style::new().fg_color(Some(anstyle::Color::Ansi(color))).bold()
}

struct Paint(bool);

impl Paint {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.0 {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

/// ruff-like: `path:line:col: rule-id [level] message`, the line with a caret, then a summary.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let p = Paint(report.color);
    for r in report.records {
        writeln!(
            out,
            "{}:{}:{}: {} {} {}",
            p.paint(BOLD, &line_start_path(&r.path)),
            r.region.start_line,
            r.region.start_column,
            p.paint(level_style(r.level), r.rule.id),
            p.paint(
                DIM,
                &if r.gates {
                    format!("[{}]", r.level)
                } else {
                    format!("[{}, unchanged line]", r.level)
                }
            ),
            terminal(&r.message)
        )?;
        let gutter = r.region.start_line.to_string();
        let pad = " ".repeat(gutter.len());
        // Escaped piece by piece, so that the caret stays under the span.
        let line = r.line_text.replace('\t', " ");
        let shown = |range: std::ops::Range<usize>| terminal(line.get(range).unwrap_or_default()).into_owned();
        let (head, span, tail) = (
            shown(0..r.caret.start),
            shown(r.caret.clone()),
            shown(r.caret.end.min(line.len())..line.len()),
        );
        let before = head.chars().count();
        let width = span.chars().count().max(1);
        writeln!(
            out,
            "{} {} {head}{span}{tail}",
            p.paint(CYAN, &gutter),
            p.paint(CYAN, "|")
        )?;
        writeln!(
            out,
            "{pad} {} {}{}",
            p.paint(CYAN, "|"),
            " ".repeat(before),
            p.paint(level_style(r.level), &"^".repeat(width))
        )?;
        for related in &r.related {
            writeln!(
                out,
                "{pad} {} {}:{}:{}: {}",
                p.paint(CYAN, "="),
                terminal(&related.path),
                related.region.start_line,
                related.region.start_column,
                terminal(&related.message)
            )?;
        }
        writeln!(out)?;
    }
    write!(out, "{}", summary(report))
}

/// Over this many findings the report scrolls away: the summary then also names the rules
/// and files with the most findings.
const LONG_REPORT: usize = 20;

/// The five keys seen most, with their counts: `a 12, b 7, c 7`.
fn most<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for key in keys {
        *counts.entry(key).or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts
        .iter()
        .take(5)
        .map(|(key, n)| format!("{} {n}", terminal(key)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Found 3 findings (1 error, 2 warnings) in 12 files.` and a line per domain; for a long
/// report, the rules and files with the most findings.
pub fn summary(report: &Report) -> String {
    let counts = tally(report.records);
    let mut text = String::new();
    let total = report.records.len();
    let by_level: Vec<String> = Level::ALL
        .iter()
        .filter_map(|&level| {
            let n: usize = counts.iter().filter(|((_, l), _)| *l == level).map(|(_, n)| n).sum();
            (n > 0).then(|| plural(n, level.as_str()))
        })
        .collect();
    let files = plural(report.files_scanned, "file");
    if total == 0 {
        text.push_str(&format!("No findings in {files}.\n"));
    } else {
        text.push_str(&format!(
            "Found {} ({}) in {files}.\n",
            plural(total, "finding"),
            by_level.join(", ")
        ));
        let domains = super::domains(report);
        let width = domains.iter().map(|d| d.len() + 1).max().unwrap_or(0).max(9);
        for domain in &domains {
            let parts: Vec<String> = Level::ALL
                .iter()
                .filter_map(|&level| counts.get(&(*domain, level)).map(|&n| plural(n, level.as_str())))
                .collect();
            if !parts.is_empty() {
                text.push_str(&format!("  {domain:<width$}{}\n", parts.join(", ")));
            }
        }
        if total > LONG_REPORT {
            text.push_str(&format!(
                "Most frequent rules: {}\n",
                most(report.records.iter().map(|r| r.rule.id))
            ));
            text.push_str(&format!(
                "Most findings: {}\n",
                most(report.records.iter().map(|r| r.path.as_str()))
            ));
            text.push_str("(--statistics counts every rule; --min-level error shows only errors.)\n");
        }
    }
    for note in report.notes {
        text.push_str(&terminal(note));
        text.push('\n');
    }
    let skipped = report.diagnostics.iter().filter(|d| d.quiet).count();
    let problems = report.diagnostics.len() - skipped;
    if skipped > 0 {
        text.push_str(&format!(
            "{} scanned for secrets only: binary, over the size limit, vendored or generated (--verbose lists them).\n",
            plural(skipped, "file")
        ));
    }
    if problems > 0 {
        text.push_str(&format!(
            "{} could not be analysed (see above).\n",
            plural(problems, "file")
        ));
    }
    text
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
