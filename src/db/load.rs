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
use rusqlite::ffi;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, OptionalExtension};
use std::sync::mpsc;

use super::audit::{self, add_lanes, Lanes};
use crate::error::{refused, Result};
use crate::model::Outcome;

/// The page cache an index is built with, in KiB. SQLite's sorter sorts runs of the cache's size and merges them
/// through a temporary file: runs of 2 MiB stay in the processor's cache (a million people's two name indexes
/// 0.8 s of CPU and 8 MiB, against 0.9 s and 21 MiB with 8 MiB, 1.8 s and 71 MiB with 32 MiB).
const INDEX_CACHE: i64 = -2048;

/// Above this many rows already in the table, building the indexes again would cost more than a small import.
const MAX_EXISTING: i64 = 50_000;

/// A running load into one table (and the few rows it writes to others); [`Load::end`] finishes it. Dropped
/// without `end` (the import failed and its transaction rolls back), it switches the triggers back on.
pub struct Load<'c> {
    conn: &'c Connection,
    /// The table loaded, then the tables written on the side.
    tables: Vec<Table>,
    /// The page cache before the load, given back at its end.
    cache: i64,
    /// Foreign keys were off for the load ([`super::write_load`]): the tables are checked at its end.
    check_keys: bool,
    /// SQLite's helper threads for sorting the indexes built at the end ([`Load::sort_aside`]).
    sort_threads: i64,
}

/// What a load keeps for one table.
struct Table {
    name: String,
    /// The indexes dropped at the start, to build again: name and statement.
    rebuild: Vec<(String, String)>,
    /// The table was small enough at the start to drop its indexes.
    drops: bool,
    /// Indexes built during the load because it reads them: kept from then on, never dropped again (a file whose
    /// rows without a staff code come among rows in no unit order would build one again every few thousand rows).
    read: Vec<String>,
    /// The largest rowid before the load: rows above it are the load's own.
    before_max: i64,
    /// Rows the load changed, for the counters and the check of foreign keys.
    updated: Vec<i64>,
    /// The columns [`Load::changed_side`] set on them: the foreign keys checked on the changed rows are theirs, as
    /// SQLite checks an UPDATE's. A row changed by [`Load::write_row`] may have any column changed.
    set_columns: Vec<&'static str>,
    any_column: bool,
    /// The table's columns as the digest function takes them.
    cols: String,
    /// The loaded table: the caller digests every row it inserts. A table written on the side: its new rows are
    /// digested at the end, as they stand then.
    loaded: bool,
    /// The digest of the rows the caller inserted, or changed on the side, and digested itself.
    lanes: Lanes,
    /// The rows the load inserted into the loaded table, as the caller reported them (a load never deletes one).
    inserted: i64,
}

/// Starts a load into `table`, dropping `unread` (indexes of `table` the import's own lookups do not use) when the
/// table is small enough. `side` names the other tables the import may write to (people an import creates, the
/// registrations an award achieves).
pub fn begin<'c>(conn: &'c Connection, table: &str, unread: &[&str], side: &[&str]) -> Result<Load<'c>> {
    let mut tables = Vec::new();
    for (name, loaded) in std::iter::once((table, true)).chain(side.iter().map(|t| (*t, false))) {
        let before_max: i64 =
            conn.query_row(&format!("SELECT coalesce(max(rowid), 0) FROM \"{name}\""), [], |r| r.get(0))?;
        // Counted up to the limit only: a count of a million rows is a scan.
        let small = || -> Result<bool> {
            let n: i64 = conn.query_row(
                &format!("SELECT count(*) FROM (SELECT 1 FROM \"{name}\" LIMIT {})", MAX_EXISTING + 1),
                [],
                |r| r.get(0),
            )?;
            Ok(n <= MAX_EXISTING)
        };
        let drops = loaded && small()?;
        let rebuild = if drops { drop_indexes(conn, name, unread)? } else { Vec::new() };
        let cols = audit::digested_columns(conn, name)?.join(", ");
        // The setting below leaves TEMP triggers firing: the digest's own are dropped for the load and made again
        // at its end.
        audit::unwatch_table(conn, name)?;
        tables.push(Table {
            name: name.to_string(),
            rebuild,
            drops,
            read: Vec::new(),
            before_max,
            updated: Vec::new(),
            set_columns: Vec::new(),
            any_column: false,
            cols,
            loaded,
            lanes: Lanes::default(),
            inserted: 0,
        });
    }
    let check_keys = !conn.pragma_query_value(None, "foreign_keys", |r| r.get::<_, bool>(0))?;
    // Rows are appended and the indexes kept during the load are small: a page cache of 16 MiB does as well as
    // one of 64 MiB and keeps the command under 100 MiB with the index build's sorter beside it.
    let cache: i64 = conn.pragma_query_value(None, "cache_size", |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -16384)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    Ok(Load { conn, tables, cache, check_keys, sort_threads: 0 })
}

impl Load<'_> {
    /// Runs `write`, which inserts a row into the loaded table or changes its row `found`: a change is counted,
    /// and the digest moves from the row as it was to the row as it is.
    pub fn write_row(
        &mut self,
        found: Option<i64>,
        write: impl FnOnce() -> Result<(i64, Outcome)>,
    ) -> Result<(i64, Outcome)> {
        self.write_in(0, found, write)
    }

    /// [`Load::write_row`] for a table written on the side (named in [`begin`]); a row it inserts is digested at
    /// the end.
    pub fn write_side(
        &mut self,
        table: &str,
        found: Option<i64>,
        write: impl FnOnce() -> Result<(i64, Outcome)>,
    ) -> Result<(i64, Outcome)> {
        let i = self.side(table)?;
        self.write_in(i, found, write)
    }

    /// A row of a table written on the side whose columns `set` the caller changed, with the digest of the row
    /// before and after computed from the values it read and those it set (as [`Load::inserted`]: no statement to
    /// read it twice).
    pub fn changed_side(
        &mut self,
        table: &str,
        id: i64,
        set: &[&'static str],
        before: &Lanes,
        after: &Lanes,
    ) -> Result<()> {
        let i = self.side(table)?;
        let t = &mut self.tables[i];
        for c in set {
            if !t.set_columns.contains(c) {
                t.set_columns.push(c);
            }
        }
        // A row new in the load is digested at its end, as it stands then.
        if id <= t.before_max {
            add_lanes(&mut t.lanes, before, -1);
            add_lanes(&mut t.lanes, after, 1);
        }
        t.updated.push(id);
        Ok(())
    }

    fn side(&self, table: &str) -> Result<usize> {
        self.tables.iter().position(|t| t.name == table).ok_or_else(|| {
            crate::error::Error::Io(std::io::Error::other(format!("table {table} is not part of the load")))
        })
    }

    fn write_in(
        &mut self,
        i: usize,
        found: Option<i64>,
        write: impl FnOnce() -> Result<(i64, Outcome)>,
    ) -> Result<(i64, Outcome)> {
        if let Some(id) = found {
            self.digest_row(i, id, -1)?;
        }
        let (id, outcome) = write()?;
        if found.is_some() || outcome == Outcome::Inserted {
            self.digest_row(i, id, 1)?;
        }
        if outcome == Outcome::Inserted {
            self.tables[i].inserted += 1;
        }
        if outcome == Outcome::Updated {
            self.tables[i].updated.push(id);
            self.tables[i].any_column = true;
        }
        Ok((id, outcome))
    }

    /// Drops now an index of the loaded table, to build at the end, when the load drops indexes (the table was
    /// small at its start): the rows come in an order that makes keeping it up to date cost more.
    pub fn drop_now(&mut self, index: &str) -> Result<()> {
        let t = &mut self.tables[0];
        if t.drops && !t.rebuild.iter().any(|(name, _)| name == index) && !t.read.iter().any(|n| n == index) {
            let dropped = drop_indexes(self.conn, &t.name, &[index])?;
            t.rebuild.extend(dropped);
        }
        Ok(())
    }

    /// Builds now an index the load dropped to build at its end: the load is about to read it. Kept up to date
    /// from here on.
    pub fn build_now(&mut self, index: &str) -> Result<()> {
        let t = &mut self.tables[0];
        if let Some(at) = t.rebuild.iter().position(|(name, _)| name == index) {
            t.read.push(index.to_string());
            let (_, sql) = t.rebuild.remove(at);
            self.conn.pragma_update(None, "cache_size", INDEX_CACHE)?;
            let built = self.conn.execute_batch(&sql);
            self.conn.pragma_update(None, "cache_size", -16384)?;
            built?;
        }
        Ok(())
    }

    /// The indexes built at the end sort on a second thread too: for indexes of text (a million people's two name
    /// indexes 1.2 s with the other core idle, 0.33 s less and 0.1 s more CPU), not of numbers (a million
    /// registrations' no faster and 0.2 s more CPU).
    pub fn sort_aside(&mut self) {
        self.sort_threads = 1;
    }

    /// The rowid the next row inserted will get (SQLite gives the largest plus one), for a caller digesting rows
    /// ahead of inserting them.
    pub fn first_id(&self) -> i64 {
        self.tables[0].before_max + 1
    }

    /// A row inserted into the loaded table whose digest the caller computed ([`super::audit::row_lanes`], from
    /// the values it bound: the same bytes SQLite stores in a STRICT table).
    pub fn inserted(&mut self, lanes: &Lanes) {
        self.inserted_many(lanes, 1);
    }

    /// [`Load::inserted`] for `rows` rows whose digests `lanes` sums.
    pub fn inserted_many(&mut self, lanes: &Lanes, rows: i64) {
        add_lanes(&mut self.tables[0].lanes, lanes, 1);
        self.tables[0].inserted += rows;
    }

    /// Moves the running write's digest by one row as it stands; on a side table, a row new in the load is left to
    /// the end.
    fn digest_row(&self, i: usize, id: i64, sign: i64) -> Result<()> {
        let t = &self.tables[i];
        if !t.loaded && id > t.before_max {
            return Ok(());
        }
        let sql = format!("SELECT thidua_row(?1, '{n}', {c}) FROM \"{n}\" WHERE rowid = ?2", n = t.name, c = t.cols);
        self.conn.prepare_cached(&sql)?.query_row(params![sign, id], |_| Ok(()))?;
        Ok(())
    }

    /// Finishes the load: the dropped indexes built again ([`INDEX_CACHE`]; one sorting thread unless the load
    /// asked for a second, [`Load::sort_aside`]), the foreign keys checked when they were off, the triggers back
    /// on and their work done for the load's rows.
    pub fn end(self) -> Result<()> {
        let conn = self.conn;
        let rebuild: Vec<&String> = self.tables.iter().flat_map(|t| t.rebuild.iter().map(|(_, sql)| sql)).collect();
        if !rebuild.is_empty() {
            conn.pragma_update(None, "cache_size", INDEX_CACHE)?;
            conn.pragma_update(None, "threads", self.sort_threads)?;
            let built = rebuild.into_iter().try_for_each(|sql| conn.execute_batch(sql));
            conn.pragma_update(None, "threads", 0)?;
            built?;
            conn.pragma_update(None, "cache_size", -16384)?;
        }
        // After the indexes are built: the check of a key may read one in the order of the key.
        if self.check_keys {
            for t in &self.tables {
                let broken = broken_keys(conn, t)?;
                if broken > 0 {
                    return Err(refused(msg!("{} rows of table '{}' name a row that does not exist", broken, t.name)));
                }
            }
        }
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true)?;
        for t in &self.tables {
            let n = t.name.as_str();
            audit::watch_table(conn, n)?;
            let (inserted, last) = new_rows(conn, t)?;
            if t.lanes != Lanes::default() {
                audit::add_digest(conn, n, &t.lanes)?;
            }
            if !t.loaded && inserted > 0 {
                conn.query_row(
                    &format!("SELECT count(thidua_row(1, '{n}', {c})) FROM \"{n}\" WHERE rowid > ?1", c = t.cols),
                    [t.before_max],
                    |_| Ok(()),
                )?;
            }
            let bump = "UPDATE change_count SET n = n + ?3, last_rowid = ?4 WHERE tbl = ?1 AND op = ?2";
            let updated = (t.updated.len() as i64, t.updated.last().copied());
            for (op, k, last) in [("insert", inserted, last), ("update", updated.0, updated.1)] {
                if k > 0 {
                    conn.execute(bump, params![n, op, k, last])?;
                }
            }
        }
        conn.pragma_update(None, "cache_size", self.cache)?;
        Ok(())
    }
}

/// How many rows of `t` are new in the load, and the last one. Of the loaded table, the rows the caller reported
/// when they fill the numbers after the load's start (SQLite numbers a row the largest plus one, and a load
/// deletes none): the largest number is read from the table's b-tree, where a count is a scan of every new row
/// (0.03–0.05 s for a million). Otherwise, and for a table written on the side, counted.
fn new_rows(conn: &Connection, t: &Table) -> Result<(i64, Option<i64>)> {
    if t.loaded {
        let last: Option<i64> = conn.query_row(&format!("SELECT max(rowid) FROM \"{}\"", t.name), [], |r| r.get(0))?;
        match last {
            Some(last) if last > t.before_max && last - t.before_max == t.inserted => {
                return Ok((t.inserted, Some(last)))
            }
            _ if t.inserted == 0 && last.unwrap_or(0) <= t.before_max => return Ok((0, None)),
            _ => {}
        }
    }
    Ok(conn.query_row(
        &format!("SELECT count(*), max(rowid) FROM \"{}\" WHERE rowid > ?1", t.name),
        [t.before_max],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Drops the named indexes of `table` that it has; their statements, to build them again.
fn drop_indexes(conn: &Connection, table: &str, names: &[&str]) -> Result<Vec<(String, String)>> {
    let mut rebuild = Vec::new();
    for index in names {
        let sql: Option<String> = conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1 AND tbl_name = ?2",
                [index, &table],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(sql) = sql {
            conn.execute_batch(&format!("DROP INDEX \"{index}\""))?;
            rebuild.push((index.to_string(), sql));
        }
    }
    Ok(rebuild)
}

/// A table of a file being made (`init --from`) filled in one go: the triggers off and `indexes` built after the
/// rows, as [`begin`] does for an import, and the table's insert counter moved once. The new file's first audit
/// entry digests every table whole, so nothing is digested here.
pub fn fill_new<T>(conn: &Connection, table: &str, indexes: &[&str], fill: impl FnOnce() -> Result<T>) -> Result<T> {
    let rebuild = drop_indexes(conn, table, indexes)?;
    // Rows appended, one small index kept (a unique key): a cache of 16 MiB does, as for an import.
    let cache: i64 = conn.pragma_query_value(None, "cache_size", |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -16384)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    let filled = fill();
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true)?;
    conn.pragma_update(None, "cache_size", cache)?;
    let out = filled?;
    let (n, last): (i64, Option<i64>) =
        conn.query_row(&format!("SELECT count(*), max(rowid) FROM \"{table}\""), [], |r| Ok((r.get(0)?, r.get(1)?)))?;
    conn.execute(
        "UPDATE change_count SET n = n + ?2, last_rowid = ?3 WHERE tbl = ?1 AND op = 'insert'",
        params![table, n, last],
    )?;
    // The indexes built as a load's are ([`INDEX_CACHE`]), sorting through a temporary file (the new file's
    // connection has its temporary data in files: `super::stage`); a second sorting thread saved no time and took
    // 14 MB more.
    conn.pragma_update(None, "cache_size", INDEX_CACHE)?;
    let built = rebuild.iter().try_for_each(|(_, sql)| conn.execute_batch(sql));
    conn.pragma_update(None, "cache_size", cache)?;
    built?;
    Ok(out)
}

/// An INSERT into one table prepared once for a load (maybe `ON CONFLICT DO NOTHING`), run with each row's values
/// through [`insert_digested`].
pub struct Inserter<'c> {
    conn: &'c Connection,
    st: rusqlite::Statement<'c>,
    table: &'static str,
}

impl<'c> Inserter<'c> {
    pub fn new(conn: &'c Connection, table: &'static str, sql: &str) -> Result<Self> {
        Ok(Inserter { conn, st: conn.prepare(sql)?, table })
    }

    /// The new row's number and content digest, or None when the INSERT did nothing.
    pub fn insert(&mut self, values: &[ValueRef]) -> Result<Option<(i64, Lanes)>> {
        insert_digested(&mut self.st, self.conn, self.table, values)
    }
}

/// Rows [`Many`] inserts in one statement.
pub const MANY: usize = 32;

/// An INSERT of [`MANY`] rows in one statement, for the rows of a load that are most likely new: SQLite's work for
/// a statement (opening its cursors, finding the table's last row, the reset) done once for them rather than once
/// a row. `OR FAIL` stops at a row that is there already (a unique index) or refused, keeping the rows before it,
/// so SQLite keeps no statement journal (with the default ABORT it copies every page the statement touches to undo
/// it: the gain was gone); the rest are then inserted one at a time (`ON CONFLICT DO NOTHING`), as are fewer than
/// [`MANY`].
pub struct Many<'c> {
    conn: &'c Connection,
    many: Borrowing<'c>,
    one: rusqlite::Statement<'c>,
    width: usize,
}

impl<'c> Many<'c> {
    /// `columns`: the table's columns after its id, in its order, as each row's values are given.
    pub fn new(conn: &'c Connection, table: &'static str, columns: &[&str]) -> Result<Self> {
        let cols = columns.join(", ");
        let row = format!("({})", vec!["?"; columns.len()].join(", "));
        let values = |n: usize| vec![row.as_str(); n].join(", ");
        Ok(Many {
            conn,
            many: Borrowing::new(conn, &format!("INSERT OR FAIL INTO {table} ({cols}) VALUES {}", values(MANY)))?,
            one: conn.prepare(&format!("INSERT INTO {table} ({cols}) VALUES {} ON CONFLICT DO NOTHING", values(1)))?,
            width: columns.len(),
        })
    }

    /// Inserts rows, their values one after the other (each row's after its id, in the table's column order):
    /// for each, in order, its number, None when it was not inserted (a row with the same key was there, or came
    /// before it), or the refusal SQLite gave it (a CHECK). Any other error stops the load: the transaction may
    /// be gone with it.
    pub fn insert(&mut self, values: &[ValueRef]) -> Result<Vec<rusqlite::Result<Option<i64>>>> {
        let rows: Vec<&[ValueRef]> = values.chunks(self.width.max(1)).collect();
        let mut out = Vec::with_capacity(rows.len());
        if rows.len() == MANY {
            let written = match self.many.execute(values) {
                Ok(n) => n,
                Err(e) if super::is_constraint(&e) => self.conn.changes() as usize,
                Err(e) => return Err(e.into()),
            };
            // The rows written are the first ones, numbered on from the largest (SQLite's rule without AUTOINCREMENT).
            let first = self.conn.last_insert_rowid() - written as i64 + 1;
            out.extend((0..written.min(MANY)).map(|i| Ok(Some(first + i as i64))));
        }
        for r in &rows[out.len()..] {
            match self.one.execute(rusqlite::params_from_iter(r.iter().map(|v| ToSqlOutput::Borrowed(*v)))) {
                Ok(0) => out.push(Ok(None)),
                Ok(_) => out.push(Ok(Some(self.conn.last_insert_rowid()))),
                Err(e) if super::is_constraint(&e) => out.push(Err(e)),
                Err(e) => return Err(e.into()),
            }
        }
        Ok(out)
    }
}

/// A statement run with its text values bound where they are (`SQLITE_STATIC`), not copied into SQLite's memory as
/// rusqlite binds them: a many-row INSERT binds 384 values, and their copies were a tenth of a people import's
/// writing thread. Only through [`Borrowing::execute`], which clears the bindings before it returns, so SQLite
/// never holds a pointer past the values' life.
struct Borrowing<'c> {
    db: *mut ffi::sqlite3,
    st: *mut ffi::sqlite3_stmt,
    conn: std::marker::PhantomData<&'c Connection>,
}

impl<'c> Borrowing<'c> {
    fn new(conn: &'c Connection, sql: &str) -> Result<Self> {
        let db = unsafe { conn.handle() };
        let mut st = std::ptr::null_mut();
        let len = std::os::raw::c_int::try_from(sql.len()).map_err(|_| rusqlite::Error::InvalidQuery)?;
        // SAFETY: `db` is the open connection `conn` borrows for 'c; the text is read for `len` bytes.
        let rc = unsafe { ffi::sqlite3_prepare_v2(db, sql.as_ptr().cast(), len, &mut st, std::ptr::null_mut()) };
        if rc != ffi::SQLITE_OK || st.is_null() {
            return Err(failure(db, rc).into());
        }
        Ok(Borrowing { db, st, conn: std::marker::PhantomData })
    }

    /// Binds `values` (as many as the statement's parameters), runs the statement to its end and clears it: the
    /// rows it changed, or SQLite's error as rusqlite gives it.
    fn execute(&mut self, values: &[ValueRef]) -> rusqlite::Result<usize> {
        let mut rc = ffi::SQLITE_OK;
        for (i, v) in values.iter().enumerate() {
            let col = std::os::raw::c_int::try_from(i + 1).map_err(|_| rusqlite::Error::InvalidQuery)?;
            // SAFETY: the statement is live (finalized only on drop); text and blobs are bound SQLITE_STATIC from
            // `values`, which outlive this call, and the bindings are cleared below before it returns.
            rc = unsafe {
                match *v {
                    ValueRef::Null => ffi::sqlite3_bind_null(self.st, col),
                    ValueRef::Integer(n) => ffi::sqlite3_bind_int64(self.st, col, n),
                    ValueRef::Real(x) => ffi::sqlite3_bind_double(self.st, col, x),
                    ValueRef::Text(t) => ffi::sqlite3_bind_text64(
                        self.st,
                        col,
                        if t.is_empty() { c"".as_ptr() } else { t.as_ptr().cast() },
                        t.len() as u64,
                        ffi::SQLITE_STATIC(),
                        ffi::SQLITE_UTF8 as u8,
                    ),
                    ValueRef::Blob(b) => ffi::sqlite3_bind_blob64(
                        self.st,
                        col,
                        if b.is_empty() { c"".as_ptr().cast() } else { b.as_ptr().cast() },
                        b.len() as u64,
                        ffi::SQLITE_STATIC(),
                    ),
                }
            };
            if rc != ffi::SQLITE_OK {
                break;
            }
        }
        // SAFETY: as above; the error is read before the reset, which keeps it but may change the message.
        unsafe {
            let out = if rc != ffi::SQLITE_OK {
                Err(failure(self.db, rc))
            } else {
                match ffi::sqlite3_step(self.st) {
                    ffi::SQLITE_DONE => Ok(ffi::sqlite3_changes64(self.db) as usize),
                    rc => Err(failure(self.db, rc)),
                }
            };
            ffi::sqlite3_reset(self.st);
            ffi::sqlite3_clear_bindings(self.st);
            out
        }
    }
}

impl Drop for Borrowing<'_> {
    fn drop(&mut self) {
        // SAFETY: the statement was prepared by `new` and is finalized once.
        unsafe { ffi::sqlite3_finalize(self.st) };
    }
}

/// SQLite's error of the last call on `db`, as rusqlite reports it (the extended code and the message).
fn failure(db: *mut ffi::sqlite3, rc: std::os::raw::c_int) -> rusqlite::Error {
    // SAFETY: `db` is an open connection; the message is copied before any other call on it.
    let (code, msg) = unsafe {
        let code = ffi::sqlite3_extended_errcode(db);
        let msg = ffi::sqlite3_errmsg(db);
        let msg = (!msg.is_null()).then(|| std::ffi::CStr::from_ptr(msg).to_string_lossy().into_owned());
        (if code == ffi::SQLITE_OK { rc } else { code }, msg)
    };
    rusqlite::Error::SqliteFailure(ffi::Error::new(code), msg)
}

/// The digests of the rows a load inserted, summed on a thread of their own: for an import whose writing thread
/// is the slower one (a registration import's reading thread idles four fifths of the time, and the digests were
/// a fourteenth of the writer's work). The rows go over in batches; [`Aside::sum`] waits for the last.
pub struct Aside<T: Send + 'static> {
    pending: Vec<T>,
    pushed: i64,
    tx: Option<mpsc::SyncSender<Vec<T>>>,
    summing: Option<std::thread::JoinHandle<Lanes>>,
}

impl<T: Send + 'static> Aside<T> {
    const BATCH: usize = 1024;

    /// `digest`: one row's, as [`digest`] gives it.
    pub fn new(digest: fn(&T) -> Lanes) -> Self {
        let (tx, rx) = mpsc::sync_channel::<Vec<T>>(4);
        let summing = std::thread::spawn(move || {
            let mut sum = Lanes::default();
            for batch in rx {
                batch.iter().for_each(|t| add_lanes(&mut sum, &digest(t), 1));
            }
            sum
        });
        Aside { pending: Vec::with_capacity(Self::BATCH), pushed: 0, tx: Some(tx), summing: Some(summing) }
    }

    pub fn push(&mut self, row: T) {
        self.pending.push(row);
        self.pushed += 1;
        if self.pending.len() == Self::BATCH {
            self.send();
        }
    }

    fn send(&mut self) {
        let batch = std::mem::replace(&mut self.pending, Vec::with_capacity(Self::BATCH));
        // The thread ends only when the sender is gone: a send cannot fail before `sum`.
        if let Some(tx) = &self.tx {
            let _ = tx.send(batch);
        }
    }

    /// The sum of the digests of every row pushed, and how many rows were.
    pub fn sum(mut self) -> (Lanes, i64) {
        self.send();
        self.tx = None;
        let sum = match self.summing.take().map(std::thread::JoinHandle::join) {
            Some(Ok(sum)) => sum,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => Lanes::default(),
        };
        (sum, self.pushed)
    }
}

/// The content digest of a row a load inserted, from its number and the values bound (a STRICT table stores them
/// as bound).
pub fn digest(table: &str, id: i64, values: &[ValueRef]) -> Lanes {
    audit::row_lanes(table, std::iter::once(ValueRef::Integer(id)).chain(values.iter().copied()))
}

/// Runs `st`, an INSERT of `values` (the row after its id, in the table's column order; maybe `ON CONFLICT DO
/// NOTHING`): the new row's number and its content digest (a STRICT table stores the values as bound), or None when
/// the INSERT did nothing. The imports that load a table insert through it, and add the digest to the load.
pub fn insert_digested(
    st: &mut rusqlite::Statement,
    conn: &Connection,
    table: &str,
    values: &[ValueRef],
) -> Result<Option<(i64, Lanes)>> {
    if st.execute(rusqlite::params_from_iter(values.iter().map(|v| ToSqlOutput::Borrowed(*v))))? == 0 {
        return Ok(None);
    }
    let id = conn.last_insert_rowid();
    Ok(Some((id, digest(table, id, values))))
}

/// A date as rusqlite stores chrono's `NaiveDate` (ISO, `2020-01-15`), written digit by digit: a load binds one
/// a row (0.15 s of a million registrations with chrono's `format`, 0.04 s with `write!`).
pub fn iso_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let Ok(y @ 0..=9999) = u32::try_from(d.year()) else { return d.format("%Y-%m-%d").to_string() };
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let mut s = String::with_capacity(10);
    s.extend([digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), '-']);
    s.extend([digit(d.month() / 10), digit(d.month()), '-', digit(d.day() / 10), digit(d.day())]);
    s
}

/// An optional number or text as a value to bind: NULL when absent.
pub fn opt_int(v: Option<i64>) -> ValueRef<'static> {
    v.map_or(ValueRef::Null, ValueRef::Integer)
}

pub fn opt_text(v: Option<&str>) -> ValueRef<'_> {
    v.map_or(ValueRef::Null, |s| ValueRef::Text(s.as_bytes()))
}

/// The rows a load wrote to a table (added, or changed when they were there before) that name a row of another
/// table that does not exist: each foreign key checked for those rows alone, as SQLite would have row by row (of
/// a changed row, the keys in the columns changed). One pass over the new rows for all the keys (one per key cost
/// 0.6 s for a million registrations, 0.3 s in one), each key a LEFT JOIN (a parent key is unique, so a row is
/// counted once): the join keeps its cursor open from row to row, where a `NOT EXISTS` opens one per row and key
/// (0.41 → 0.2 s).
///
/// When the new rows are at least as many as the rows before them, two shortcuts, each exact:
/// - a key naming its parent's row number, when the parent's numbers run without a gap, names a row exactly when
///   it lies between the least and the largest: no parent row is read, and with an index leading with the key
///   the check is two searches (a million registrations' people 0.07 s → nothing);
/// - another key that leads an index is checked on its own, reading that index rather than the table: the parent
///   rows are then looked up in the order of their numbers (a million people's units 0.14 → 0.04 s when the rows
///   came in no unit order).
fn broken_keys(conn: &Connection, t: &Table) -> Result<i64> {
    let n = &t.name;
    let bulk = t.loaded && t.inserted >= t.before_max;
    let mut keys: Vec<Key> = conn
        .prepare("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?1)")?
        .query_map([n], |r| Ok(Key { from: r.get(0)?, parent: r.get(1)?, to: r.get(2)?, span: None }))?
        .collect::<rusqlite::Result<_>>()?;
    // The columns that lead an index, and the spans of the parents' row numbers, for the shortcuts.
    let mut leading: Vec<String> = Vec::new();
    if bulk {
        leading = conn
            .prepare(
                "SELECT DISTINCT i.name FROM pragma_index_list(?1) l, pragma_index_info(l.name) i
                  WHERE i.seqno = 0 AND i.name IS NOT NULL",
            )?
            .query_map([n], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let strict = table_list(conn, n)?.is_some_and(|(strict, _)| strict);
        for k in &mut keys {
            if strict && integer_column(conn, n, &k.from)? && names_row_number(conn, &k.parent, k.to.as_deref())? {
                k.span = gapless_span(conn, &k.parent, t.inserted)?;
            }
        }
    }
    // The joins and the condition of a broken key, for the keys in `cols` (all when None); `spans`: whether a
    // key's span stands for its join.
    let check = |cols: Option<&[&str]>, spans: bool| {
        let (mut joins, mut broken) = (String::new(), Vec::new());
        for (i, k) in keys.iter().enumerate() {
            let from = k.from.as_str();
            if cols.is_some_and(|c| !c.contains(&from)) {
                continue;
            }
            match k.span.filter(|_| spans) {
                // NULL is neither below nor above: a row without the key is not counted.
                Some((lo, hi)) => broken.push(format!("(c.\"{from}\" < {lo} OR c.\"{from}\" > {hi})")),
                None => {
                    let to = k.to.as_ref().map_or("rowid".to_string(), |c| format!("\"{c}\""));
                    joins += &format!(" LEFT JOIN \"{}\" p{i} ON p{i}.{to} = c.\"{from}\"", k.parent);
                    broken.push(format!("(c.\"{from}\" IS NOT NULL AND p{i}.rowid IS NULL)"));
                }
            }
        }
        (!broken.is_empty()).then(|| (joins, broken.join(" OR ")))
    };
    // `plus`: the unary + keeps the new rows' range from choosing the table, so a key's index is read.
    let count_new = |cols: Option<&[&str]>, spans: bool, plus: &str| -> Result<i64> {
        let Some((joins, broken)) = check(cols, spans) else { return Ok(0) };
        let sql = format!("SELECT count(*) FROM \"{n}\" c{joins} WHERE {plus}c.rowid > ?1 AND ({broken})");
        Ok(conn.query_row(&sql, [t.before_max], |r| r.get::<_, i64>(0))?)
    };
    let mut count = if bulk {
        // A key leading an index has a pass of its own (by its span or its join); the others share one.
        let (alone, rest): (Vec<&str>, Vec<&str>) =
            keys.iter().map(|k| k.from.as_str()).partition(|from| leading.iter().any(|l| l == from));
        let mut found = count_new(Some(&rest), true, "")?;
        for from in alone {
            found += count_new(Some(&[from]), true, "+")?;
        }
        // A row naming two missing rows was counted twice: the rare count of a refusal is made again in one pass.
        if found > 0 {
            count_new(None, false, "")?
        } else {
            0
        }
    } else {
        count_new(None, false, "")?
    };
    let set = (!t.any_column).then_some(t.set_columns.as_slice());
    if let (false, Some((joins, broken))) = (t.updated.is_empty(), check(set, false)) {
        // The changed rows by their numbers (an OR with the new rows' range would scan the whole table).
        let changed = serde_json::to_string(&t.updated).map_err(std::io::Error::from)?;
        let sql = format!(
            "SELECT count(*) FROM \"{n}\" c{joins}
              WHERE c.rowid IN (SELECT value FROM json_each(?2)) AND c.rowid <= ?1 AND ({broken})"
        );
        count += conn.query_row(&sql, params![t.before_max, changed], |r| r.get::<_, i64>(0))?;
    }
    Ok(count)
}

/// A foreign key of a loaded table: its column, the table and column it names, and the parent's row numbers when
/// they run without a gap.
struct Key {
    from: String,
    parent: String,
    to: Option<String>,
    span: Option<(i64, i64)>,
}

/// Whether a table of the main schema is STRICT and whether it is WITHOUT ROWID; None when there is no such table.
fn table_list(conn: &Connection, table: &str) -> Result<Option<(bool, bool)>> {
    Ok(conn
        .query_row("SELECT strict, wr FROM pragma_table_list WHERE name = ?1 AND schema = 'main'", [table], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// Whether `column` of `table` is declared INTEGER (in a STRICT table: it holds integers or NULL).
fn integer_column(conn: &Connection, table: &str, column: &str) -> Result<bool> {
    let kind: Option<String> = conn
        .query_row("SELECT type FROM pragma_table_info(?1) WHERE name = ?2", [table, column], |r| r.get(0))
        .optional()?;
    Ok(kind.is_some_and(|k| k.eq_ignore_ascii_case("INTEGER")))
}

/// Whether a key naming `to` of `parent` names its row number: `to` is absent (the primary key) or the table's
/// INTEGER PRIMARY KEY, in a table with row numbers.
fn names_row_number(conn: &Connection, parent: &str, to: Option<&str>) -> Result<bool> {
    if table_list(conn, parent)?.is_none_or(|(_, without_rowid)| without_rowid) {
        return Ok(false);
    }
    let pk: Vec<(String, String)> = conn
        .prepare("SELECT name, type FROM pragma_table_info(?1) WHERE pk > 0")?
        .query_map([parent], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(match (pk.as_slice(), to) {
        ([(name, kind)], to) => kind.eq_ignore_ascii_case("INTEGER") && to.is_none_or(|to| to == name),
        _ => false,
    })
}

/// The least and the largest row number of `parent` when every number between them is a row: its rows counted
/// (on its smallest b-tree) only when they are at most a few times the `rows` being checked.
fn gapless_span(conn: &Connection, parent: &str, rows: i64) -> Result<Option<(i64, i64)>> {
    let lo: Option<i64> = conn.query_row(&format!("SELECT min(rowid) FROM \"{parent}\""), [], |r| r.get(0))?;
    let hi: Option<i64> = conn.query_row(&format!("SELECT max(rowid) FROM \"{parent}\""), [], |r| r.get(0))?;
    let (Some(lo), Some(hi)) = (lo, hi) else { return Ok(None) };
    let Some(width) = hi.checked_sub(lo).and_then(|w| w.checked_add(1)) else { return Ok(None) };
    if width > rows.saturating_mul(4).saturating_add(10_000) {
        return Ok(None);
    }
    let count: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{parent}\""), [], |r| r.get(0))?;
    Ok((count == width).then_some((lo, hi)))
}

impl Drop for Load<'_> {
    fn drop(&mut self) {
        // Already on after `end`; after a failure the transaction rolls back and the connection keeps its triggers.
        let _ = self.conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digests summed aside are the sum of each row's, over several batches and a last part batch.
    #[test]
    fn digests_summed_aside_are_the_rows_digests() {
        fn one(n: &i64) -> Lanes {
            digest("t", *n, &[ValueRef::Integer(n * 7), ValueRef::Text(b"x")])
        }
        let mut aside = Aside::new(one);
        let mut expected = Lanes::default();
        for n in 0..2500 {
            aside.push(n);
            add_lanes(&mut expected, &one(&n), 1);
        }
        assert_ne!(expected, Lanes::default());
        assert_eq!(aside.sum(), (expected, 2500));
        assert_eq!(Aside::new(one).sum(), (Lanes::default(), 0), "nothing pushed");
    }

    /// Values bound where they are are stored as rusqlite stores them (an empty text is text, not NULL), a refusal
    /// is the constraint error rusqlite gives, and nothing bound outlives the call.
    #[test]
    fn a_borrowing_statement_stores_what_it_is_given() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (a TEXT NOT NULL, b BLOB, c INTEGER UNIQUE, d REAL) STRICT").unwrap();
        let mut st = Borrowing::new(&conn, "INSERT OR FAIL INTO t VALUES (?, ?, ?, ?), (?, ?, ?, ?)").unwrap();
        for (n, name) in [(1, String::new()), (3, "Nguyễn Thị Ánh".to_string())] {
            let values = [
                ValueRef::Text(name.as_bytes()),
                ValueRef::Blob(b""),
                ValueRef::Integer(n),
                ValueRef::Real(0.5),
                ValueRef::Text(b"x"),
                ValueRef::Null,
                ValueRef::Integer(n + 1),
                ValueRef::Null,
            ];
            assert_eq!(st.execute(&values).unwrap(), 2);
        }
        let rows: Vec<(String, Option<Vec<u8>>, i64)> = conn
            .prepare("SELECT a, b, c FROM t ORDER BY c")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows[0], (String::new(), Some(Vec::new()), 1));
        assert_eq!(rows[2], ("Nguyễn Thị Ánh".to_string(), Some(Vec::new()), 3));
        assert_eq!(rows[3], ("x".to_string(), None, 4));
        let taken = [ValueRef::Text(b"y"), ValueRef::Null, ValueRef::Integer(9), ValueRef::Null];
        let err = st
            .execute(
                &[&taken[..], &[ValueRef::Text(b"z"), ValueRef::Null, ValueRef::Integer(1), ValueRef::Null]].concat(),
            )
            .unwrap_err();
        assert!(super::super::is_constraint(&err), "{err}");
        assert!(err.to_string().contains("UNIQUE"), "{err}");
        // OR FAIL kept the row before the refused one.
        assert_eq!(conn.changes(), 1);
        let err = st.execute(&[ValueRef::Null; 8]).unwrap_err();
        assert!(super::super::is_constraint(&err) && err.to_string().contains("NOT NULL"), "{err}");
    }

    #[test]
    fn iso_date_is_what_chrono_writes() {
        for (y, m, d) in [(2020, 1, 15), (1945, 12, 31), (5, 3, 9), (-44, 3, 15), (12345, 6, 7)] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
        }
    }

    /// The rows new in a load: the number the caller reported when it fills the numbers after the load's start,
    /// counted when it does not (a short report, a table written on the side, rows gone). A caller reports each
    /// row it inserted and a load deletes none: a report is never above the rows there.
    #[test]
    fn new_rows_are_the_reported_ones_only_when_they_fill_the_numbers() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE c (id INTEGER PRIMARY KEY); INSERT INTO c VALUES (1), (2), (3), (4), (6);")
            .unwrap();
        let table = |inserted, loaded| Table {
            name: "c".into(),
            rebuild: vec![],
            drops: false,
            read: vec![],
            before_max: 2,
            updated: vec![],
            set_columns: vec![],
            any_column: false,
            cols: String::new(),
            loaded,
            lanes: Lanes::default(),
            inserted,
        };
        // Rows 3, 4 and 6 are new: the three reported leave a gap, and are counted.
        for (inserted, loaded) in [(3, true), (2, true), (0, true), (0, false)] {
            assert_eq!(new_rows(&conn, &table(inserted, loaded)).unwrap(), (3, Some(6)), "{inserted} {loaded}");
        }
        conn.execute_batch("INSERT INTO c VALUES (5)").unwrap();
        assert_eq!(new_rows(&conn, &table(4, true)).unwrap(), (4, Some(6)));
        conn.execute_batch("DELETE FROM c WHERE id > 2").unwrap();
        assert_eq!(new_rows(&conn, &table(0, true)).unwrap(), (0, None));
        assert_eq!(new_rows(&conn, &table(4, true)).unwrap(), (0, None));
    }

    /// The check the load does in place of SQLite's: a new row or a changed old one naming no row is counted once
    /// however many of its keys are broken; rows the load did not write are not its business. The same counts when
    /// the new rows are few (one pass over them) and when they are most of the table: a key leading an index read
    /// on its own, and in a STRICT table a key naming a parent whose numbers run without a gap checked by its span
    /// (the parent rows 0 and 1, or 1 and 3 with a gap); an index on an expression leads with no column.
    #[test]
    fn broken_keys_counts_the_written_rows_naming_nothing() {
        for (inserted, strict, other) in [(0, "", 3), (4, "", 3), (4, "STRICT", 0), (4, "STRICT", 3), (0, "STRICT", 0)]
        {
            let conn = Connection::open_in_memory().unwrap();
            conn.execute_batch(&format!(
                "PRAGMA foreign_keys = OFF;
                 CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT UNIQUE) {strict};
                 CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id), p_code TEXT REFERENCES p (code))
                     {strict};
                 CREATE INDEX c_p_id ON c (p_id);
                 CREATE INDEX c_code_lower ON c (lower(p_code));
                 INSERT INTO p VALUES (1, 'a'), ({other}, 'b');
                 INSERT INTO c VALUES (1, 9, NULL), (2, 1, 'a'), (3, 1, 'a');
                 INSERT INTO c VALUES (4, 1, 'a'), (5, NULL, 'z'), (6, 7, 'y'), (7, NULL, NULL);"
            ))
            .unwrap();
            let mut t = Table {
                name: "c".into(),
                rebuild: vec![],
                drops: false,
                read: vec![],
                before_max: 3,
                updated: vec![],
                set_columns: vec![],
                any_column: false,
                cols: String::new(),
                loaded: true,
                lanes: Lanes::default(),
                inserted,
            };
            assert_eq!(broken_keys(&conn, &t).unwrap(), 2, "rows 5 and 6 are new and broken; row 1 is old");
            conn.execute_batch("UPDATE c SET p_code = NULL WHERE id = 5").unwrap();
            assert_eq!(broken_keys(&conn, &t).unwrap(), 1, "row 6 alone, by either key");
            conn.execute_batch("UPDATE c SET p_code = 'a' WHERE id = 6").unwrap();
            assert_eq!(broken_keys(&conn, &t).unwrap(), 1, "row 6 by its indexed key alone");
            conn.execute_batch("UPDATE c SET p_code = 'z' WHERE id = 5").unwrap();
            t.updated = vec![1, 2];
            t.set_columns = vec!["p_code"];
            assert_eq!(broken_keys(&conn, &t).unwrap(), 2, "row 1 was changed by the load, its p_code alone");
            t.set_columns = vec!["p_code", "p_id"];
            assert_eq!(broken_keys(&conn, &t).unwrap(), 3, "row 1's p_id was changed by the load");
            t.set_columns = vec![];
            t.any_column = true;
            assert_eq!(broken_keys(&conn, &t).unwrap(), 3, "row 1 was rewritten by the load");
            conn.execute_batch("DELETE FROM c WHERE id IN (1, 5, 6)").unwrap();
            assert_eq!(broken_keys(&conn, &t).unwrap(), 0);
        }
    }
}
