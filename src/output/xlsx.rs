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
/// The longest text a spreadsheet cell holds (Excel's limit, which rust_xlsxwriter enforces).
const CELL_MAX: usize = 32_767;
/// The widest a column is made, in characters; longer text wraps in the reader's own view.
const WIDTH_MAX: usize = 60;

fn err(e: XlsxError) -> crate::error::Error {
    refused(msg!("cannot write the workbook: {}", e))
}

/// A sheet's tab as its reader reads it: the table's name in English, its Vietnamese name under `--lang vi`
/// (`sheet.*` labels; a table without one keeps its name).
fn shown(name: &str, lang: Lang) -> String {
    let key = format!("sheet.{name}");
    match label(&key, lang) {
        l if l == key => name.to_string(),
        l => l.to_string(),
    }
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

/// The workbook of some tables, a sheet each.
pub fn workbook(tables: &[&Table], lang: Lang) -> Result<Workbook> {
    let mut wb = Workbook::new();
    let mut taken = HashSet::new();
    for t in tables {
        let ws = wb.add_worksheet_with_constant_memory().map_err(err)?;
        ws.set_name(sheet_name(&shown(&t.name, lang), &mut taken)).map_err(err)?;
        let mut sw = SheetWriter::new(&t.columns, lang);
        sw.header(ws).map_err(err)?;
        for row in &t.rows {
            sw.row(ws, row)?;
        }
        sw.finish(ws).map_err(err)?;
    }
    Ok(wb)
}

/// Writes one sheet row by row (the constant-memory writer keeps one row in memory, so a national list is written
/// without holding it), keeping the widest text of each column for the widths set at the end.
pub struct SheetWriter {
    heads: Vec<String>,
    widths: Vec<usize>,
    rows: u32,
    lang: Lang,
    header: Format,
    date: Format,
    percent: Format,
    number: Format,
}

impl SheetWriter {
    pub fn new(columns: &[String], lang: Lang) -> Self {
        let heads: Vec<String> = columns.iter().map(|c| label(c, lang).to_string()).collect();
        SheetWriter {
            widths: heads.iter().map(|h| h.chars().count()).collect(),
            heads,
            rows: 0,
            lang,
            header: Format::new().set_bold().set_text_wrap(),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            percent: Format::new().set_num_format("0.0%"),
            number: Format::new().set_num_format("0.##"),
        }
    }

    pub fn header(&mut self, ws: &mut Worksheet) -> std::result::Result<(), XlsxError> {
        for (i, h) in self.heads.iter().enumerate() {
            ws.write_string_with_format(0, i as u16, h, &self.header)?;
        }
        Ok(())
    }

    /// One row of cells; a text longer than a spreadsheet cell holds is refused naming its row and column.
    pub fn row(&mut self, ws: &mut Worksheet, row: &[Cell]) -> crate::error::Result<()> {
        self.rows += 1;
        let r = self.rows;
        self.cells(ws, r, row).map_err(|e| match e {
            XlsxError::MaxStringLengthExceeded => {
                let at = row.iter().position(|c| display(c, self.lang).chars().count() > CELL_MAX).unwrap_or(0);
                let head = self.heads.get(at).cloned().unwrap_or_default();
                refused(msg!(
                    "row {}, column '{}': a text longer than the {} characters a spreadsheet cell holds",
                    r,
                    head,
                    CELL_MAX
                ))
            }
            e => err(e),
        })
    }

    fn cells(&mut self, ws: &mut Worksheet, r: u32, row: &[Cell]) -> std::result::Result<(), XlsxError> {
        for (i, c) in row.iter().enumerate() {
            let col = i as u16;
            let shown = match c {
                Cell::Empty => 0,
                Cell::Int(n) => {
                    ws.write_number(r, col, *n as f64)?;
                    n.to_string().len()
                }
                Cell::Num(x) => {
                    ws.write_number_with_format(r, col, *x, &self.number)?;
                    8
                }
                Cell::Percent(x) | Cell::Bound(x, false) => {
                    ws.write_number_with_format(r, col, *x / 100.0, &self.percent)?;
                    6
                }
                Cell::Date(d) => {
                    use chrono::Datelike;
                    let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(r, col, &dt, &self.date)?;
                    10
                }
                Cell::Tree(_, s) => {
                    ws.write_string(r, col, s)?;
                    s.chars().count()
                }
                // Text of every kind is a string cell: never a formula, never a number that loses a leading zero.
                other => {
                    let s = display(other, self.lang);
                    let n = s.chars().count();
                    ws.write_string(r, col, s)?;
                    n
                }
            };
            if let Some(w) = self.widths.get_mut(i) {
                *w = (*w).max(shown);
            }
        }
        Ok(())
    }

    /// Column widths, the frozen header with its filter, and the print setup.
    pub fn finish(&self, ws: &mut Worksheet) -> std::result::Result<(), XlsxError> {
        for (i, w) in self.widths.iter().enumerate() {
            ws.set_column_width(i as u16, (*w).clamp(6, WIDTH_MAX) as f64 + 2.0)?;
        }
        // Printed: landscape, as wide as the page, the header row on every page.
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        if !self.heads.is_empty() {
            ws.set_repeat_rows(0, 0)?;
            ws.set_freeze_panes(1, 0)?;
            ws.autofilter(0, 0, self.rows, self.heads.len() as u16 - 1)?;
        }
        Ok(())
    }
}

/// A workbook of one sheet written row by row: see [`SheetWriter`].
pub struct Streamed {
    wb: Workbook,
    sw: SheetWriter,
}

impl Streamed {
    pub fn start(name: &str, columns: &[String], lang: Lang) -> Result<Self> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet_with_constant_memory().map_err(err)?;
        ws.set_name(sheet_name(&shown(name, lang), &mut HashSet::new())).map_err(err)?;
        let mut sw = SheetWriter::new(columns, lang);
        sw.header(ws).map_err(err)?;
        Ok(Streamed { wb, sw })
    }

    pub fn row(&mut self, row: &[Cell]) -> Result<()> {
        let ws = self.wb.worksheet_from_index(0).map_err(err)?;
        self.sw.row(ws, row)
    }

    pub fn finish(mut self) -> Result<Workbook> {
        let ws = self.wb.worksheet_from_index(0).map_err(err)?;
        self.sw.finish(ws).map_err(err)?;
        Ok(self.wb)
    }
}

/// Saves the workbook to `path`.
/// Saves the workbook into `file` (opened by the caller, private), named `path` in messages.
pub fn save(wb: &mut Workbook, file: std::fs::File, path: &Path) -> Result<()> {
    wb.save_to_writer(std::io::BufWriter::new(file))
        .map_err(|e| refused(msg!("cannot write '{}': {}", path.display(), e)))
}

/// The workbook as bytes, for standard output.
pub fn bytes(wb: &mut Workbook) -> Result<Vec<u8>> {
    wb.save_to_buffer().map_err(err)
}

/// A statistical form on one sheet, laid out as the form prints: its number and legal basis at the top left, who
/// reports and who receives at the top right, the title and the year, then the table (indicator, code, unit,
/// figures) under a row of column letters, and the signature block. Figures are numbers, never formulas.
pub fn form(f: &super::Form) -> Result<Workbook> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    form_sheet(ws, f).map_err(err)?;
    Ok(wb)
}

fn form_sheet(ws: &mut Worksheet, f: &super::Form) -> std::result::Result<(), XlsxError> {
    use rust_xlsxwriter::FormatAlign;
    let lang = Lang::Vi;
    ws.set_name(f.number.split('/').next().unwrap_or("form"))?;
    let bold = Format::new().set_bold();
    let centre = Format::new().set_align(FormatAlign::Center).set_text_wrap();
    let title = Format::new().set_bold().set_font_size(13).set_align(FormatAlign::Center).set_text_wrap();
    let italic = Format::new().set_italic().set_align(FormatAlign::Center);
    let head = Format::new()
        .set_bold()
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let cell = Format::new().set_border(rust_xlsxwriter::FormatBorder::Thin).set_text_wrap();
    let figure = Format::new().set_border(rust_xlsxwriter::FormatBorder::Thin).set_num_format("0");
    let figures = f.table.columns.len().saturating_sub(2) as u16;
    // Columns: indicator, code, unit, then the figures.
    let last = 2 + figures;
    ws.set_column_width(0, 48)?;
    ws.set_column_width(1, 7)?;
    ws.set_column_width(2, 11)?;
    for c in 3..=last {
        ws.set_column_width(c, 12)?;
    }
    let mid = (last / 2).max(2);
    ws.write_string_with_format(0, 0, format!("Biểu số: {}", f.number), &bold)?;
    ws.write_string(1, 0, &f.basis)?;
    ws.write_string(2, 0, &f.due)?;
    ws.merge_range(0, mid, 0, last, &format!("Đơn vị báo cáo: {}", f.reporter), &centre)?;
    ws.merge_range(1, mid, 1, last, &format!("Đơn vị nhận báo cáo: {}", f.receiver), &centre)?;
    ws.set_row_height(4, 36)?;
    ws.merge_range(4, 0, 4, last, &f.title, &title)?;
    ws.merge_range(5, 0, 5, last, &format!("Năm {}", f.year), &italic)?;
    // The header row, then the letters and numbers the form gives its columns.
    let top = 7;
    ws.set_row_height(top, 48)?;
    ws.write_string_with_format(top, 0, "Chỉ tiêu", &head)?;
    ws.write_string_with_format(top, 1, "Mã số", &head)?;
    ws.write_string_with_format(top, 2, "Đơn vị tính", &head)?;
    for (i, c) in f.table.columns.iter().skip(2).enumerate() {
        ws.write_string_with_format(top, 3 + i as u16, label(c, lang), &head)?;
    }
    for (i, letter) in ["A", "B", "C"].iter().enumerate() {
        ws.write_string_with_format(top + 1, i as u16, *letter, &head)?;
    }
    for i in 0..figures {
        ws.write_string_with_format(top + 1, 3 + i, (i + 1).to_string(), &head)?;
    }
    for (n, row) in f.table.rows.iter().enumerate() {
        let r = top + 2 + n as u32;
        let code = row.first().map(|c| display(c, lang)).unwrap_or_default();
        let indicator = row.get(1).map(|c| display(c, lang)).unwrap_or_default();
        ws.write_string_with_format(r, 0, indicator, &cell)?;
        ws.write_string_with_format(r, 1, code, &cell)?;
        ws.write_string_with_format(r, 2, f.units.get(n).copied().unwrap_or_default(), &cell)?;
        for (i, c) in row.iter().skip(2).enumerate() {
            match c {
                Cell::Int(x) => ws.write_number_with_format(r, 3 + i as u16, *x as f64, &figure)?,
                other => ws.write_string_with_format(r, 3 + i as u16, display(other, lang), &cell)?,
            };
        }
    }
    let end = top + 2 + f.table.rows.len() as u32 + 2;
    ws.write_string_with_format(end, 0, "Người lập biểu", &bold)?;
    ws.write_string(end + 1, 0, "(Ký, ghi rõ họ tên)")?;
    ws.merge_range(end, mid, end, last, "…, ngày … tháng … năm …", &italic)?;
    ws.merge_range(
        end + 1,
        mid,
        end + 1,
        last,
        "THỦ TRƯỞNG ĐƠN VỊ",
        &Format::new().set_bold().set_align(FormatAlign::Center),
    )?;
    ws.merge_range(end + 2, mid, end + 2, last, "(Ký, đóng dấu, ghi rõ họ tên)", &italic)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}
