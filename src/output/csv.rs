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
    if dialect == Dialect::Vi {
        return vietnamese(w, t);
    }
    let mut cw = csv::Writer::from_writer(w);
    cw.write_record(&t.columns)?;
    for row in &t.rows {
        cw.write_record(row.iter().map(|c| match c {
            Cell::Text(_) | Cell::Tree(..) => neutralise(&c.plain()).into_owned(),
            _ => c.plain(),
        }))?;
    }
    cw.flush()?;
    Ok(())
}

/// The Vietnamese dialect: `;` between cells, Vietnamese headers, values as a Vietnamese reader writes them
/// (1.234,5; 85,7%; 24/07/2020; "Nữ", "Khối trưởng"). The imports read it back.
fn vietnamese(w: &mut dyn Write, t: &Table) -> Result<()> {
    let mut cw = csv::WriterBuilder::new().delimiter(b';').from_writer(w);
    cw.write_record(t.columns.iter().map(|c| label(c, Lang::Vi)))?;
    for row in &t.rows {
        cw.write_record(row.iter().map(|c| match c {
            Cell::Text(s) | Cell::Tree(_, s) => neutralise(s).into_owned(),
            Cell::Int(n) => n.to_string(),
            other => display(other, Lang::Vi),
        }))?;
    }
    cw.flush()?;
    Ok(())
}
