//! The floor for `person list -o x.xlsx` (issue 35 item 5): rust_xlsxwriter alone, in constant memory, writing the
//! same cells (the people of the benchmark's file as `sqlite3` reads them: ten text columns and a number), with no
//! query, label or formatting of ours. bench/run.sh times it beside the tool.
//!   cargo run --release --example xlsx_floor -- FILE.db OUT.xlsx

use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (db, out) = match args.as_slice() {
        [_, db, out] => (db, out),
        _ => return Err("usage: xlsx_floor FILE.db OUT.xlsx".into()),
    };
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut st = conn.prepare(
        "SELECT p.id, p.full_name, u.code, p.position, p.gender, p.born, p.staff_code, p.family, p.middle, p.given,
                p.note FROM person p JOIN unit u ON u.id = p.unit_id ORDER BY p.id",
    )?;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory()?;
    let mut rows = st.query([])?;
    let mut r = 0u32;
    while let Some(row) = rows.next()? {
        for c in 0..11u16 {
            match row.get_ref(usize::from(c))? {
                rusqlite::types::ValueRef::Integer(n) => {
                    ws.write_number(r, c, n as f64)?;
                }
                rusqlite::types::ValueRef::Text(t) => {
                    ws.write_string(r, c, std::str::from_utf8(t)?)?;
                }
                _ => {}
            }
        }
        r += 1;
    }
    wb.save(out)?;
    Ok(())
}
