//! Every table as raw rows, for the whole-file export and its import into a fresh file. Generic over the schema,
//! so tables added later are exported and imported without new code.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use crate::error::Result;

/// Every table of the file, in the order the schema creates them.
pub fn tables(conn: &Connection) -> Result<Vec<String>> {
    let v = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// A table's columns: name and declared type.
pub fn columns(conn: &Connection, table: &str) -> Result<Vec<(String, String)>> {
    let v = conn
        .prepare("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid")?
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

fn ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Calls `f` with every row of a table, in rowid order.
pub fn each_row(conn: &Connection, table: &str, mut f: impl FnMut(&[Value]) -> Result<()>) -> Result<u64> {
    let cols = columns(conn, table)?;
    let list = cols.iter().map(|(c, _)| ident(c)).collect::<Vec<_>>().join(", ");
    let mut st = conn.prepare(&format!("SELECT {list} FROM {} ORDER BY rowid", ident(table)))?;
    let mut rows = st.query([])?;
    let mut n = 0;
    let mut buf = Vec::with_capacity(cols.len());
    while let Some(r) = rows.next()? {
        buf.clear();
        for i in 0..cols.len() {
            buf.push(r.get::<_, Value>(i)?);
        }
        f(&buf)?;
        n += 1;
    }
    Ok(n)
}

/// The rows of one table of an export going into the fresh file: an INSERT prepared once, the table's plain
/// indexes dropped and built again after its rows (SQLite builds an index from a finished table far faster than it
/// inserts into one at random keys); the UNIQUE ones stay, so a duplicate is refused on its own line.
pub struct TableLoad<'c> {
    conn: &'c Connection,
    st: rusqlite::Statement<'c>,
    rebuild: Vec<String>,
}

impl<'c> TableLoad<'c> {
    pub fn begin(conn: &'c Connection, table: &str, cols: &[String]) -> Result<Self> {
        let plain: Vec<(String, String)> = conn
            .prepare(
                "SELECT s.name, s.sql FROM sqlite_schema s JOIN pragma_index_list(?1) l ON l.name = s.name
                 WHERE s.type = 'index' AND s.sql IS NOT NULL AND NOT l.\"unique\"",
            )?
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut rebuild = Vec::new();
        for (name, sql) in plain {
            conn.execute_batch(&format!("DROP INDEX {}", ident(&name)))?;
            rebuild.push(sql);
        }
        let list = cols.iter().map(|c| ident(c)).collect::<Vec<_>>().join(", ");
        let marks = (1..=cols.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
        let st = conn.prepare(&format!("INSERT INTO {} ({list}) VALUES ({marks})", ident(table)))?;
        Ok(TableLoad { conn, st, rebuild })
    }

    pub fn insert(&mut self, values: &[Value]) -> Result<()> {
        self.st.execute(params_from_iter(values.iter()))?;
        Ok(())
    }

    /// The dropped indexes built again.
    pub fn end(self) -> Result<()> {
        for sql in &self.rebuild {
            self.conn.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// Switches this connection's triggers off (or on again): an import of an export sets the audit's counters to the
/// exported ones after the rows, so counting each row as it goes in is work thrown away.
pub fn triggers(conn: &Connection, on: bool) -> Result<()> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, on)?;
    Ok(())
}

/// Empties a table (used for the counters, which a fresh file fills with zeros).
pub fn clear(conn: &Connection, table: &str) -> Result<()> {
    conn.execute(&format!("DELETE FROM {}", ident(table)), [])?;
    Ok(())
}
