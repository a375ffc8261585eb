//! Tables for the terminal (comfy-table). Off a terminal comfy-table does not measure the width, so output in
//! pipes and tests is stable. No colour is used, so `NO_COLOR` holds by construction.

use std::io::Write;

use comfy_table::{presets, CellAlignment, ColumnConstraint, ContentArrangement, Width};

use super::{display, labels::label, Cell, Lang, Report, Table};
use crate::error::Result;

/// Rows laid out at a time. A longer list (20,000 units, a million people) is shown in blocks of this many rows,
/// each under its header, columns never narrower than in the blocks before: laid out whole, comfy-table held
/// 4 KB a row (3.9 GB and 17 s for a million people).
pub const BLOCK: usize = 1000;

fn build(columns: &[String], rows: &[Vec<Cell>], record: bool, lang: Lang) -> comfy_table::Table {
    let mut ct = comfy_table::Table::new();
    ct.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if record {
        for (k, c) in columns.iter().zip(&rows[0]) {
            ct.add_row(vec![label(k, lang).to_string(), display(c, lang)]);
        }
        return ct;
    }
    ct.set_header(columns.iter().map(|c| label(c, lang)));
    for r in rows {
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
    if t.record || t.rows.len() <= BLOCK {
        writeln!(w, "{}", build(&t.columns, &t.rows, t.record, lang))?;
        return Ok(());
    }
    let mut widths = Vec::new();
    for rows in t.rows.chunks(BLOCK) {
        block(w, &t.columns, rows, lang, &mut widths)?;
    }
    Ok(())
}

/// One block of a long list: its columns at least `widths` wide (the widest content so far), which it widens.
pub fn block(
    w: &mut dyn Write,
    columns: &[String],
    rows: &[Vec<Cell>],
    lang: Lang,
    widths: &mut Vec<u16>,
) -> Result<()> {
    let mut ct = build(columns, rows, false, lang);
    // On a terminal no column is held wider than its share of the width: the blocks wrap to it as one table does.
    let share = ct.width().map(|w| (w / columns.len().max(1) as u16).max(6));
    for (col, width) in ct.column_iter_mut().zip(widths.iter()) {
        // The bound counts the padding, one space either side.
        let bound = share.map_or(width + 2, |s| (width + 2).min(s));
        col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(bound)));
    }
    let now = ct.column_max_content_widths();
    widths.resize(now.len(), 0);
    for (w, n) in widths.iter_mut().zip(now) {
        *w = (*w).max(n);
    }
    writeln!(w, "{ct}")?;
    Ok(())
}

pub fn report(w: &mut dyn Write, r: &Report, lang: Lang) -> Result<()> {
    let say = |m: &crate::msg::Msg| super::messages::text(m, lang);
    let title = say(&r.title);
    writeln!(w, "{title}\n{}", "=".repeat(title.chars().count()))?;
    for s in &r.sections {
        writeln!(w)?;
        if let Some(h) = s.heading.as_ref().map(say) {
            writeln!(w, "{h}\n{}", "-".repeat(h.chars().count()))?;
        }
        for l in &s.lines {
            writeln!(w, "{}", say(l))?;
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
