//! Excel workbooks (.xlsx), for readers who open what the secretariat sends in Excel or LibreOffice: one sheet per
//! table, headers in the report's language, the header row frozen with a filter, columns wide enough for
//! Vietnamese names, numbers as numbers, percentages as percentages, dates as dates shown dd/mm/yyyy, and every
//! text (codes included, so `0123` keeps its zero) written as text: nothing from the data is ever a formula.

use std::collections::HashSet;
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::{display, labels::label, Cell, Lang, Table};
use crate::error::{refused, Result};

/// Excel's limit on a sheet name.
const SHEET_NAME_MAX: usize = 31;
/// The widest a column is made, in characters; longer text wraps in the reader's own view.
const WIDTH_MAX: usize = 60;

fn err(e: XlsxError) -> crate::error::Error {
    refused(format!("cannot write the workbook: {e}"))
}

/// A sheet name from a table's name: Excel's forbidden characters dropped, at most 31 characters, unique.
fn sheet_name(name: &str, taken: &mut HashSet<String>) -> String {
    let clean: String =
        name.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).take(SHEET_NAME_MAX).collect();
    let base = if clean.trim().is_empty() { "Sheet".to_string() } else { clean };
    let mut n = 1;
    let mut candidate = base.clone();
    while !taken.insert(candidate.to_lowercase()) {
        n += 1;
        let suffix = format!("_{n}");
        let keep: String = base.chars().take(SHEET_NAME_MAX - suffix.len()).collect();
        candidate = format!("{keep}{suffix}");
    }
    candidate
}

/// The workbook of some tables, as bytes (for standard output) or saved to a file.
pub fn workbook(tables: &[&Table], lang: Lang) -> Result<Workbook> {
    let mut wb = Workbook::new();
    let mut taken = HashSet::new();
    let header = Format::new().set_bold().set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let percent = Format::new().set_num_format("0.0%");
    let number = Format::new().set_num_format("0.##");
    for t in tables {
        let ws = wb.add_worksheet_with_constant_memory().map_err(err)?;
        ws.set_name(sheet_name(&t.name, &mut taken)).map_err(err)?;
        sheet(ws, t, lang, [&header, &date, &percent, &number]).map_err(err)?;
    }
    Ok(wb)
}

fn sheet(
    ws: &mut Worksheet,
    t: &Table,
    lang: Lang,
    [header, date, percent, number]: [&Format; 4],
) -> std::result::Result<(), XlsxError> {
    let heads: Vec<String> = t.columns.iter().map(|c| label(c, lang).to_string()).collect();
    // Widths first: the constant-memory writer takes rows in order and does not look back.
    for (i, h) in heads.iter().enumerate() {
        let widest =
            t.rows.iter().filter_map(|r| r.get(i)).map(|c| display(c, lang).chars().count()).max().unwrap_or(0);
        let w = widest.max(h.chars().count()).clamp(6, WIDTH_MAX);
        ws.set_column_width(i as u16, w as f64 + 2.0)?;
    }
    for (i, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, h, header)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (i, c) in row.iter().enumerate() {
            let col = i as u16;
            match c {
                Cell::Empty => {}
                Cell::Int(n) => {
                    ws.write_number(r, col, *n as f64)?;
                }
                Cell::Num(x) => {
                    ws.write_number_with_format(r, col, *x, number)?;
                }
                Cell::Percent(x) => {
                    ws.write_number_with_format(r, col, *x / 100.0, percent)?;
                }
                Cell::Date(d) => {
                    use chrono::Datelike;
                    let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(r, col, &dt, date)?;
                }
                Cell::Tree(_, s) => {
                    ws.write_string(r, col, s)?;
                }
                // Text of every kind is a string cell: never a formula, never a number that loses a leading zero.
                other => {
                    ws.write_string(r, col, display(other, lang))?;
                }
            }
        }
    }
    if !heads.is_empty() {
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, t.rows.len() as u32, heads.len() as u16 - 1)?;
    }
    Ok(())
}

/// Saves the workbook to `path`.
pub fn save(wb: &mut Workbook, path: &Path) -> Result<()> {
    wb.save(path).map_err(|e| refused(format!("cannot write '{}': {e}", path.display())))
}

/// The workbook as bytes, for standard output.
pub fn bytes(wb: &mut Workbook) -> Result<Vec<u8>> {
    wb.save_to_buffer().map_err(err)
}
