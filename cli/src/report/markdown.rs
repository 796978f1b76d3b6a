use std::fmt::Write as _;

use tollgate_rules::Level;

use super::escape::markdown as escape;
use super::{Format, Report};
use crate::record::tally;

/// How many findings the summary lists one by one.
const TOP: usize = 20;

/// A Markdown job summary: findings by domain and level, then the first findings (errors
/// first) with links to their lines when `blob_url` (`<server>/<repo>/blob/<sha>`) is known.
/// `format` is the run's report, which has the rest.
pub fn summary(report: &Report, blob_url: Option<&str>, format: Format) -> String {
    let mut md = String::from("## tollgate\n\n");
    if report.records.is_empty() {
        let _ = writeln!(md, "No findings in {} files.", report.files_scanned);
        write_notes(&mut md, report);
        return md;
    }
    let counts = tally(report.records);
    md.push_str("| domain | error | warning | note |\n|---|---:|---:|---:|\n");
    for domain in &super::domains(report) {
        let row: Vec<usize> = Level::ALL
            .iter()
            .map(|&level| counts.get(&(*domain, level)).copied().unwrap_or(0))
            .collect();
        if row.iter().any(|&n| n > 0) {
            let _ = writeln!(md, "| {domain} | {} | {} | {} |", row[0], row[1], row[2]);
        }
    }
    let _ = writeln!(
        md,
        "\n{} findings in {} files.",
        report.records.len(),
        report.files_scanned
    );
    write_notes(&mut md, report);
    md.push('\n');
    let mut top: Vec<_> = report.records.iter().collect();
    top.sort_by_key(|r| std::cmp::Reverse(r.level));
    md.push_str("| level | rule | location | message |\n|---|---|---|---|\n");
    for r in top.iter().take(TOP) {
        // File names are untrusted: escaped as text (a code span could be closed by a
        // backtick in the name) and percent-encoded in the link.
        let place = format!("{}:{}", escape(&r.path), r.region.start_line);
        let location = match blob_url {
            Some(base) if !r.path.starts_with('/') => format!(
                "[{place}](<{base}/{}#L{}>)",
                super::sarif::encode_uri(&r.path),
                r.region.start_line
            ),
            _ => place,
        };
        let _ = writeln!(
            md,
            "| {} | `{}` | {location} | {} |",
            r.level,
            r.rule.id,
            escape(&r.message)
        );
    }
    if report.records.len() > TOP {
        let _ = writeln!(
            md,
            "\n…and {} more in the {} report.",
            report.records.len() - TOP,
            format.name()
        );
    }
    md
}

/// The run's extra summary lines (diff, gate, baseline), one paragraph each.
fn write_notes(md: &mut String, report: &Report) {
    for note in report.notes {
        let _ = writeln!(md, "\n{}", escape(note));
    }
}
