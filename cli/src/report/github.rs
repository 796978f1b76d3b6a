use std::io::{self, Write};

use tollgate_rules::Level;

use super::escape::annotation;
use super::Report;

/// GitHub workflow commands: `::error file=…,line=…,col=…,endLine=…,title=…::message`.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for r in report.records {
        let command = match r.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&annotation(&r.path)),
            r.region.start_line,
            r.region.start_column,
            r.region.end_line,
            r.region.end_column,
            escape_property(r.rule.id),
            escape_data(&annotation(&r.message))
        )?;
    }
    Ok(())
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
