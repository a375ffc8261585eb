//! CSV for spreadsheets and scripts: UTF-8 with a byte-order mark (Excel reads Vietnamese right only with it),
//! stable English headers, ISO dates, and text cells that a spreadsheet would run as a formula neutralised.

use std::io::Write;

use super::{Cell, Table};
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

pub fn table(w: &mut dyn Write, t: &Table, bom: bool) -> Result<()> {
    if bom {
        w.write_all(BOM)?;
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
