//! Bulk loads: indexes an import does not read are built after its rows rather than kept up to date row by row.
//! SQLite builds an index from the finished table far faster than it inserts into one at random keys, so a load
//! into a table of at most [`MAX_EXISTING`] rows drops them at its start and builds them again at its end, in the
//! same transaction: a failed import rolls back to them, a finished one has them as before, and one that changed no
//! row is rolled back whole ([`super::write`]). bench/RESULTS.md has the figures.

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

/// Above this many rows already in the table, building the indexes again would cost more than a small import.
const MAX_EXISTING: i64 = 50_000;

/// What [`end`] builds again.
pub struct Load(Vec<String>);

/// Drops `unread` (indexes of `table` the import's own lookups do not use) when the table is small enough.
pub fn begin(conn: &Connection, table: &str, unread: &[&str]) -> Result<Load> {
    let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| r.get(0))?;
    if n > MAX_EXISTING {
        return Ok(Load(Vec::new()));
    }
    let mut sqls = Vec::new();
    for name in unread {
        let sql: Option<String> = conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1 AND tbl_name = ?2",
                [name, &table],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(sql) = sql {
            conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
            sqls.push(sql);
        }
    }
    Ok(Load(sqls))
}

/// Builds the dropped indexes again, with a small page cache: the build sorts every row, and the import's 64 MiB
/// cache on top of the sorter took the command over 100 MiB.
pub fn end(conn: &Connection, load: Load) -> Result<()> {
    if load.0.is_empty() {
        return Ok(());
    }
    let cache: i64 = conn.pragma_query_value(None, "cache_size", |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -8192)?;
    for sql in load.0 {
        conn.execute_batch(&sql)?;
    }
    conn.pragma_update(None, "cache_size", cache)?;
    Ok(())
}
