//! Markdown ready to paste into a document: a heading per title and section, pipe tables with translated headers.

use std::io::Write;

use super::{display, labels::label, Cell, Lang, Report, Table};
use crate::error::Result;

fn esc(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

pub fn table(w: &mut dyn Write, t: &Table, lang: Lang) -> Result<()> {
    if t.record {
        writeln!(w, "| | |\n|---|---|")?;
        for (k, c) in t.columns.iter().zip(&t.rows[0]) {
            writeln!(w, "| {} | {} |", esc(label(k, lang)), esc(&display(c, lang)))?;
        }
        return Ok(());
    }
    head(w, &t.columns, &t.rows, lang)?;
    rows(w, &t.rows, lang)
}

/// A table's header and rule. A column is aligned right when its cells are numbers (or empty); of a long list,
/// written as it is read, the first block of rows decides.
pub fn head(w: &mut dyn Write, columns: &[String], rows: &[Vec<Cell>], lang: Lang) -> Result<()> {
    let heads: Vec<String> = columns.iter().map(|c| esc(label(c, lang))).collect();
    writeln!(w, "| {} |", heads.join(" | "))?;
    let first = &rows[..rows.len().min(super::term::BLOCK)];
    let numeric = |i: usize| {
        first.iter().any(|r| r[i].is_number()) && first.iter().all(|r| r[i].is_number() || r[i] == Cell::Empty)
    };
    let rule: Vec<&str> = (0..columns.len()).map(|i| if numeric(i) { "---:" } else { "---" }).collect();
    writeln!(w, "|{}|", rule.join("|"))?;
    Ok(())
}

pub fn rows(w: &mut dyn Write, rows: &[Vec<Cell>], lang: Lang) -> Result<()> {
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| esc(&display(c, lang))).collect();
        writeln!(w, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

pub fn report(w: &mut dyn Write, r: &Report, lang: Lang) -> Result<()> {
    let say = |m: &crate::msg::Msg| super::messages::text(m, lang);
    writeln!(w, "# {}", say(&r.title))?;
    for s in &r.sections {
        writeln!(w)?;
        if let Some(h) = &s.heading {
            writeln!(w, "## {}\n", say(h))?;
        }
        for l in &s.lines {
            writeln!(w, "{}\n", say(l))?;
        }
        if let Some(t) = s.table.as_ref().filter(|t| !t.data_only) {
            if t.rows.is_empty() {
                writeln!(w, "_({})_", super::labels::label("none", lang))?;
            } else {
                table(w, t, lang)?;
            }
        }
    }
    Ok(())
}
