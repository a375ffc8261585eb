//! Tables for the terminal (comfy-table). Off a terminal comfy-table does not measure the width, so output in
//! pipes and tests is stable. No colour is used, so `NO_COLOR` holds by construction.

use std::io::Write;

use comfy_table::{presets, CellAlignment, ContentArrangement};

use super::{display, labels::label, Lang, Report, Table};
use crate::error::Result;

fn build(t: &Table, lang: Lang) -> comfy_table::Table {
    let mut ct = comfy_table::Table::new();
    ct.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if t.record {
        for (k, c) in t.columns.iter().zip(&t.rows[0]) {
            ct.add_row(vec![label(k, lang).to_string(), display(c, lang)]);
        }
        return ct;
    }
    ct.set_header(t.columns.iter().map(|c| label(c, lang)));
    for r in &t.rows {
        ct.add_row(r.iter().map(|c| {
            let cell = comfy_table::Cell::new(display(c, lang));
            if c.is_number() {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    ct
}

pub fn table(w: &mut dyn Write, t: &Table, lang: Lang) -> Result<()> {
    writeln!(w, "{}", build(t, lang))?;
    Ok(())
}

pub fn report(w: &mut dyn Write, r: &Report, lang: Lang) -> Result<()> {
    writeln!(w, "{}\n{}", r.title, "=".repeat(r.title.chars().count()))?;
    for s in &r.sections {
        writeln!(w)?;
        if let Some(h) = &s.heading {
            writeln!(w, "{h}\n{}", "-".repeat(h.chars().count()))?;
        }
        for l in &s.lines {
            writeln!(w, "{l}")?;
        }
        if let Some(t) = s.table.as_ref().filter(|t| !t.data_only) {
            if t.rows.is_empty() {
                writeln!(w, "({})", label("none", lang))?;
            } else {
                table(w, t, lang)?;
            }
        }
    }
    Ok(())
}
