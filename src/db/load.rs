//! Bulk loads: an import of many rows into one table, without the per-row costs a single edit does not notice.
//!
//! - Indexes the import does not read are built after its rows rather than kept up to date row by row: SQLite
//!   builds an index from the finished table far faster than it inserts into one at random keys. A load into a
//!   table of at most [`MAX_EXISTING`] rows drops them at its start and builds them again at its end, in the same
//!   transaction: a failed import rolls back to them, a finished one has them as before.
//! - The triggers are switched off for this connection only (`SQLITE_DBCONFIG_ENABLE_TRIGGER`; every other program
//!   still fires them) and the content digest's TEMP triggers dropped. The load does their work itself: the change
//!   counters moved once by the rows it wrote; the digest of a row it inserts computed by the caller from the values
//!   it bound (an import computes it on its reading thread), of any other row it writes read before and after.
//!   Per row, the counting trigger and the digest trigger cost a statement journal and an SQL call each: about a
//!   third of a people import. The audit entry the write appends is the same as with the triggers.
//!
//! bench/RESULTS.md has the figures.

use rusqlite::config::DbConfig;
use rusqlite::{params, Connection, OptionalExtension};

use super::audit::{self, add_lanes, Lanes};
use crate::error::{refused, Result};
use crate::model::Outcome;

/// Above this many rows already in the table, building the indexes again would cost more than a small import.
const MAX_EXISTING: i64 = 50_000;

/// A running load into one table; [`Load::end`] finishes it. Dropped without `end` (the import failed and its
/// transaction rolls back), it switches the triggers back on.
pub struct Load<'c> {
    conn: &'c Connection,
    table: String,
    /// The indexes dropped at the start, to build again.
    rebuild: Vec<String>,
    /// The largest rowid before the load: rows above it are the load's own.
    before_max: i64,
    /// Rows the load changed (updates), and the last of them, for the counters.
    updated: i64,
    last_updated: Option<i64>,
    /// The table's columns as the digest function takes them.
    cols: String,
    /// The page cache before the load, given back at its end.
    cache: i64,
    /// The digest of the rows the caller inserted and digested itself.
    lanes: Lanes,
    /// Foreign keys were off for the load ([`super::write_load`]): the table is checked at its end.
    check_keys: bool,
}

/// Starts a load into `table`, dropping `unread` (indexes of `table` the import's own lookups do not use) when the
/// table is small enough.
pub fn begin<'c>(conn: &'c Connection, table: &str, unread: &[&str]) -> Result<Load<'c>> {
    let (n, before_max): (i64, i64) =
        conn.query_row(&format!("SELECT count(*), coalesce(max(rowid), 0) FROM \"{table}\""), [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let mut rebuild = Vec::new();
    if n <= MAX_EXISTING {
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
                rebuild.push(sql);
            }
        }
    }
    let check_keys = !conn.pragma_query_value(None, "foreign_keys", |r| r.get::<_, bool>(0))?;
    let cols: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let cols = cols.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(", ");
    // Rows are appended and the indexes kept during the load are small: a page cache of 16 MiB does as well as
    // one of 64 MiB and keeps the command under 100 MiB with the index build's sorter beside it.
    let cache: i64 = conn.pragma_query_value(None, "cache_size", |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -16384)?;
    // The setting leaves TEMP triggers firing: the digest's own are dropped for the load and made again at its end.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    audit::unwatch_table(conn, table)?;
    Ok(Load {
        conn,
        table: table.to_string(),
        rebuild,
        before_max,
        updated: 0,
        last_updated: None,
        cols,
        cache,
        lanes: Lanes::default(),
        check_keys,
    })
}

impl Load<'_> {
    /// Runs `write`, which inserts a row or changes the row `found`: a change is counted, and the digest moves
    /// from the row as it was to the row as it is.
    pub fn write_row(
        &mut self,
        found: Option<i64>,
        write: impl FnOnce() -> Result<(i64, Outcome)>,
    ) -> Result<(i64, Outcome)> {
        if let Some(id) = found {
            self.digest_row(id, -1)?;
        }
        let (id, outcome) = write()?;
        if found.is_some() || outcome == Outcome::Inserted {
            self.digest_row(id, 1)?;
        }
        if outcome == Outcome::Updated {
            self.updated += 1;
            self.last_updated = Some(id);
        }
        Ok((id, outcome))
    }

    /// The rowid the next row inserted will get (SQLite gives the largest plus one), for a caller digesting rows
    /// ahead of inserting them.
    pub fn first_id(&self) -> i64 {
        self.before_max + 1
    }

    /// A row inserted by the load whose digest the caller computed ([`super::audit::row_lanes`], from the values it
    /// bound: the same bytes SQLite stores in a STRICT table).
    pub fn inserted(&mut self, lanes: &Lanes) {
        add_lanes(&mut self.lanes, lanes, 1);
    }

    /// Moves the running write's digest by one row as it stands.
    fn digest_row(&self, id: i64, sign: i64) -> Result<()> {
        let sql =
            format!("SELECT thidua_row(?1, '{t}', {c}) FROM \"{t}\" WHERE rowid = ?2", t = self.table, c = self.cols);
        self.conn.prepare_cached(&sql)?.query_row(params![sign, id], |_| Ok(()))?;
        Ok(())
    }

    /// Finishes the load: the triggers back on, their work done for the load's rows, the dropped indexes built
    /// again (with an 8 MiB page cache, the sort spilling to a temporary file, and SQLite's second thread sorting
    /// beside the first: 0.7 s and 21 MiB for a million people, against 1.4 s and 92 MiB sorting in memory).
    pub fn end(self) -> Result<()> {
        let (conn, t) = (self.conn, self.table.as_str());
        if self.check_keys {
            let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check(?1)", [t], |r| r.get(0))?;
            if broken > 0 {
                return Err(refused(format!("{broken} rows of table '{t}' name a row that does not exist")));
            }
        }
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true)?;
        audit::watch_table(conn, t)?;
        let (inserted, last): (i64, Option<i64>) = conn.query_row(
            &format!("SELECT count(*), max(rowid) FROM \"{t}\" WHERE rowid > ?1"),
            [self.before_max],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        audit::add_digest(conn, t, &self.lanes)?;
        let bump = "UPDATE change_count SET n = n + ?3, last_rowid = ?4 WHERE tbl = ?1 AND op = ?2";
        for (op, n, last) in [("insert", inserted, last), ("update", self.updated, self.last_updated)] {
            if n > 0 {
                conn.execute(bump, params![t, op, n, last])?;
            }
        }
        if !self.rebuild.is_empty() {
            conn.pragma_update(None, "cache_size", -8192)?;
            conn.pragma_update(None, "threads", 2)?;
            for sql in &self.rebuild {
                conn.execute_batch(sql)?;
            }
            conn.pragma_update(None, "threads", 0)?;
        }
        conn.pragma_update(None, "cache_size", self.cache)?;
        Ok(())
    }
}

impl Drop for Load<'_> {
    fn drop(&mut self) {
        // Already on after `end`; after a failure the transaction rolls back and the connection keeps its triggers.
        let _ = self.conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true);
    }
}
