//! `--statistics`: how many findings each rule has, most first, instead of the findings
//! themselves (as `ruff check --statistics` prints them).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::json;

use crate::record::Record;

/// (rule id, level, count, summary), most findings first, then by id.
fn counts(records: &[Record]) -> Vec<(&'static str, &'static str, usize, &'static str)> {
    let mut by_rule: BTreeMap<(&'static str, &'static str), (usize, &'static str)> = BTreeMap::new();
    for record in records {
        let entry = by_rule
            .entry((record.rule.id, record.level.as_str()))
            .or_insert((0, record.rule.summary));
        entry.0 += 1;
    }
    let mut rows: Vec<_> = by_rule
        .into_iter()
        .map(|((id, level), (count, summary))| (id, level, count, summary))
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)).then(a.1.cmp(b.1)));
    rows
}

pub fn write_text(records: &[Record], out: &mut dyn Write) -> io::Result<()> {
    let rows = counts(records);
    let width = rows.iter().map(|row| row.0.len()).max().unwrap_or(0);
    for (id, level, count, summary) in rows {
        writeln!(out, "{count:>6}  {id:<width$}  [{level}]  {summary}")?;
    }
    Ok(())
}

pub fn write_json(records: &[Record], out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<_> = counts(records)
        .into_iter()
        .map(|(id, level, count, summary)| json!({"rule": id, "level": level, "count": count, "summary": summary}))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)
}
