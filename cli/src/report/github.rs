use std::io::{self, Write};

use tollgate_rules::Level;

use super::escape::annotation;
use super::Report;
use crate::record::Record;

/// Annotations of each level GitHub shows for a step; it drops the rest without a word.
pub const SHOWN_PER_LEVEL: usize = 10;

/// GitHub workflow commands: `::error file=…,line=…,col=…,endLine=…,title=…::message`, the
/// most severe first. Of a level with more findings than GitHub shows, the first
/// `SHOWN_PER_LEVEL - 1` are annotations, the next annotation says how many more there are
/// and where they are, and those are written to the log as plain lines.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for level in Level::ALL {
        // Within a level, the report's order.
        let of_level: Vec<&Record> = report.records.iter().filter(|r| r.level == level).collect();
        let annotated = if of_level.len() > SHOWN_PER_LEVEL {
            SHOWN_PER_LEVEL - 1
        } else {
            of_level.len()
        };
        for r in &of_level[..annotated] {
            writeln!(
                out,
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                command(level),
                escape_property(&annotation(&r.path)),
                r.region.start_line,
                r.region.start_column,
                r.region.end_line,
                r.region.end_column,
                escape_property(r.rule.id),
                escape_data(&annotation(&r.message))
            )?;
        }
        let rest = &of_level[annotated..];
        if rest.is_empty() {
            continue;
        }
        let word = if rest.len() == 1 {
            level.as_str().to_string()
        } else {
            format!("{}s", level.as_str())
        };
        writeln!(
            out,
            "::{} title={}::{} more {word} than GitHub shows as annotations ({SHOWN_PER_LEVEL} of each level a step): they are listed in this step's log below, and the SARIF report has them all",
            command(level),
            escape_property("tollgate: more findings"),
            rest.len()
        )?;
        for r in rest {
            writeln!(
                out,
                "{}:{}:{}: {} {}: {}",
                annotation(&r.path),
                r.region.start_line,
                r.region.start_column,
                level.as_str(),
                r.rule.id,
                annotation(&r.message)
            )?;
        }
    }
    Ok(())
}

fn command(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "notice",
    }
}

/// As @actions/core escapes a command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// As @actions/core escapes a command's properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_actions_core_does() {
        assert_eq!(escape_data("50% done\nnext\r"), "50%25 done%0Anext%0D");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
