//! The schema version, keyed on `PRAGMA user_version` (the pattern of cargo's `src/util/sqlite.rs`).
//!
//! A new file gets `schema.sql`, the whole current schema, and the current version at once. A file made by an
//! earlier version of the tool runs the tail of [`MIGRATIONS`], after a backup copy, in one exclusive transaction.
//! The list is append-only: never edit or reorder an entry, only add one, and change `schema.sql` to match.
//! A file from a newer version is refused, so an old binary cannot damage a newer archive.

use std::path::Path;

use rusqlite::{Connection, Transaction};

use super::APPLICATION_ID;
use crate::error::{refused_hint, Result};

pub const SCHEMA: &str = include_str!("../../schema.sql");

/// One step of [`MIGRATIONS`]: statements, or a part of `schema.sql` from a marker line to the next part's
/// (tables added whole are written once, where a person reads the schema).
enum Step {
    Sql(&'static str),
    SchemaFrom(&'static str),
}

/// The line that opens each part of `schema.sql` added by a later version.
const PART: &str = "\n-- ---------------------------------------------------------------------------------------------------------------\n";

impl Step {
    fn sql(&self) -> &'static str {
        match self {
            Step::Sql(s) => s,
            Step::SchemaFrom(mark) => {
                let Some(at) = SCHEMA.find(mark) else { return "" };
                let end = SCHEMA[at..].find(PART).map_or(SCHEMA.len(), |n| at + n);
                &SCHEMA[at..end]
            }
        }
    }
}

/// `MIGRATIONS[i]` brings a file from version `i + 1` to `i + 2`.
const MIGRATIONS: &[Step] = &[
    // 1 → 2: units found by name or short name through an index (an import naming units by name scanned the
    // units once per name).
    Step::Sql("CREATE INDEX unit_key ON unit (name_key); CREATE INDEX unit_short ON unit (short_fold);"),
    // 2 → 3: every audit entry records the digest of each table's content, so an edit that put the counters
    // right is found too. Older entries keep an empty digest (and their hashes); the next write records one.
    Step::Sql("ALTER TABLE audit ADD COLUMN digest TEXT NOT NULL DEFAULT ''"),
    // 3 → 4: the facts of deciding the year (ratings, initiatives, discipline, rule parameters, confirmations,
    // revocations, staff counts). New tables only: no existing row changes, so the recorded digests hold; their
    // audit triggers are installed after the steps.
    Step::SchemaFrom("-- Deciding the year (version 4)"),
    // 4 → 5: the council, its sessions and ballots, the proposals with their candidates and dossiers.
    Step::SchemaFrom("-- The council and the proposals (version 5)"),
    // 5 → 6: one person index (name_fold, name_key) for both lookups by name instead of one each: the file is
    // smaller and an import builds one index less.
    Step::Sql(
        "DROP INDEX person_key; DROP INDEX person_fold; CREATE INDEX person_name ON person (name_fold, name_key);",
    ),
];

/// The schema version that added a table: 1 for the tables of the first schema. An export made before it may
/// lack the table (it is then empty), as a file of that version would gain it empty by migrating.
pub fn version_of_table(name: &str) -> i64 {
    let create = format!("CREATE TABLE {name} (");
    MIGRATIONS.iter().position(|m| m.sql().contains(&create)).map_or(1, |i| i as i64 + 2)
}

/// The schema version this binary writes.
pub const VERSION: i64 = 1 + MIGRATIONS.len() as i64;

/// Applies the whole schema to a new, empty file.
pub fn apply_schema(tx: &Transaction) -> Result<()> {
    tx.execute_batch(SCHEMA)?;
    super::audit::install(tx)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", VERSION)?;
    Ok(())
}

pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Brings an existing file to [`VERSION`], or refuses a file newer than this binary.
pub fn upgrade(conn: &Connection, path: &Path) -> Result<()> {
    let v = version(conn)?;
    if v > VERSION {
        return Err(refused_hint(
            format!("'{}' has schema version {v}, newer than this thidua knows ({VERSION})", path.display()),
            "use a newer thidua for this file; this one will not touch it",
        ));
    }
    if v == VERSION {
        return Ok(());
    }
    if v < 1 {
        return Err(refused_hint(
            format!("'{}' has no thidua schema (version {v})", path.display()),
            "was it made by `thidua init`? Check the file name",
        ));
    }
    // The copy as it was, private and whole like every file the tool makes; beside an earlier one, never over it.
    let backup = (1..)
        .map(|n| path.with_extension(if n == 1 { format!("v{v}.bak") } else { format!("v{v}.{n}.bak") }))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .expect("a free name");
    let nf = super::newfile::NewFile::start(&backup)?;
    conn.backup(rusqlite::MAIN_DB, nf.tmp(), None::<fn(rusqlite::backup::Progress)>)?;
    nf.finish()?;
    // A step may build an index over every row (version 6 over a million people): the sort goes to a temporary
    // file with a small cache and SQLite's second thread, as a bulk load's does (162 MiB in memory, 2.8 s).
    let cache: i64 = conn.pragma_query_value(None, "cache_size", |r| r.get(0))?;
    conn.execute_batch("PRAGMA temp_store = FILE; PRAGMA cache_size = -8192; PRAGMA threads = 2;")?;
    let migrated = migrate(conn, v);
    conn.execute_batch(&format!("PRAGMA temp_store = MEMORY; PRAGMA cache_size = {cache}; PRAGMA threads = 0;"))?;
    migrated
}

/// Runs the steps after version `v` in one exclusive transaction.
fn migrate(conn: &Connection, v: i64) -> Result<()> {
    conn.execute_batch("BEGIN EXCLUSIVE")?;
    let run = || -> Result<()> {
        for m in &MIGRATIONS[(v - 1) as usize..] {
            conn.execute_batch(m.sql())?;
        }
        // Tables a step added get their change counters and triggers, as a new file's do.
        super::audit::install(conn)?;
        Ok(conn.pragma_update(None, "user_version", VERSION)?)
    };
    match run() {
        Ok(()) => conn.execute_batch("COMMIT")?,
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(e);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_schema_part_holds_its_own_tables() {
        let v4 = MIGRATIONS[2].sql();
        assert!(v4.contains("CREATE TABLE rating (") && v4.contains("CREATE TABLE unit_staff ("));
        assert!(!v4.contains("council_member"), "version 4's step runs into version 5's part");
        let v5 = MIGRATIONS[3].sql();
        assert!(v5.starts_with("-- The council and the proposals") && v5.contains("CREATE TABLE proposal_doc ("));
        assert_eq!(version_of_table("rating"), 4);
        assert_eq!(version_of_table("proposal"), 5);
        assert_eq!(version_of_table("unit"), 1);
    }
}
