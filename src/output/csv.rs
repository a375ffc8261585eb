//! CSV for spreadsheets and scripts: UTF-8 with a byte-order mark (Excel reads Vietnamese right only with it),
//! stable English headers, ISO dates, and text cells that a spreadsheet would run as a formula neutralised.

use std::io::Write;

use super::{display, labels::label, Cell, Dialect, Lang, Table};
use crate::error::Result;

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A text cell beginning with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so Excel and LibreOffice show it
/// as text instead of running it (CWE-1236); so does one beginning with `'`, so the import can take exactly one
/// off and read back the text as it was. Numbers are left alone: a negative number must stay a number.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'') => format!("'{s}").into(),
        _ => s.into(),
    }
}

pub fn table(w: &mut dyn Write, t: &Table, bom: bool, dialect: Dialect) -> Result<()> {
    if bom {
        w.write_all(BOM)?;
    }
    let mut cw = writer(w, dialect);
    cw.write_record(header(&t.columns, dialect))?;
    for row in &t.rows {
        cw.write_record(record(row, dialect))?;
    }
    cw.flush()?;
    Ok(())
}

/// A CSV writer in the dialect: `,` for scripts, `;` for a Vietnamese spreadsheet.
pub fn writer<W: Write>(w: W, dialect: Dialect) -> csv::Writer<W> {
    let sep = if dialect == Dialect::Vi { b';' } else { b',' };
    csv::WriterBuilder::new().delimiter(sep).from_writer(w)
}

/// The header row: stable keys, or Vietnamese labels in the Vietnamese dialect.
pub fn header(columns: &[String], dialect: Dialect) -> Vec<String> {
    match dialect {
        Dialect::Plain => columns.to_vec(),
        Dialect::Vi => columns.iter().map(|c| label(c, Lang::Vi).to_string()).collect(),
    }
}

/// A row's cells: for scripts (ISO dates, identifiers, plain numbers), or as a Vietnamese reader writes them
/// (1.234,5; 85,7%; 24/07/2020; "Nữ", "Khối trưởng"). Text a spreadsheet would run is neutralised in both.
pub fn record(row: &[Cell], dialect: Dialect) -> Vec<String> {
    row.iter()
        .map(|c| match (c, dialect) {
            (Cell::Text(s) | Cell::Tree(_, s), _) => neutralise(s).into_owned(),
            (_, Dialect::Plain) | (Cell::Int(_), _) => c.plain(),
            (other, Dialect::Vi) => display(other, Lang::Vi),
        })
        .collect()
}
