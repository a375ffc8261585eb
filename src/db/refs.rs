//! What still refers to a row, found from the schema's own foreign keys, so a removal can be refused with the reason
//! and tables added later are covered without new code here.

use rusqlite::Connection;

use crate::error::Result;

/// One referring table and how many of its rows point at the row asked about.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub table: String,
    pub column: String,
    pub count: i64,
}

/// Every (table, column) whose foreign key points at `table`, with its count of rows referring to `id`.
pub fn references(conn: &Connection, table: &str, id: i64) -> Result<Vec<Reference>> {
    let pairs: Vec<(String, String)> = conn
        .prepare(
            "SELECT m.name, f.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND f.\"table\" = ?1 ORDER BY m.rowid",
        )?
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for (t, c) in pairs {
        let sql =
            format!("SELECT count(*) FROM \"{}\" WHERE \"{}\" = ?1", t.replace('"', "\"\""), c.replace('"', "\"\""));
        let count: i64 = conn.query_row(&sql, [id], |r| r.get(0))?;
        if count > 0 {
            out.push(Reference { table: t, column: c, count });
        }
    }
    Ok(out)
}
