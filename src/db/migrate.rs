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
    Code(fn(&Connection) -> Result<()>),
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
            Step::Code(_) => "",
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
    // 6 → 7: a column's allowed values checked as a chain of ORs, not an IN list (see [`or_chains`]).
    Step::Code(checks_as_or_chains),
    // 7 → 8: the indexes of a column a row may leave empty (the unit or the person of a registration or an award,
    // the award that achieved a registration) hold the rows that fill it, not a million empty entries: a smaller
    // file, and a load that builds or updates less. Queries name the column with `=`, which SQLite matches to them.
    Step::Sql(
        "DROP INDEX registration_unit; DROP INDEX registration_person; DROP INDEX registration_award;
         DROP INDEX award_unit; DROP INDEX award_person;
         CREATE INDEX registration_unit ON registration (unit_id) WHERE unit_id IS NOT NULL;
         CREATE INDEX registration_person ON registration (person_id) WHERE person_id IS NOT NULL;
         CREATE INDEX registration_award ON registration (award_id) WHERE award_id IS NOT NULL;
         CREATE INDEX award_unit ON award (unit_id) WHERE unit_id IS NOT NULL;
         CREATE INDEX award_person ON award (person_id) WHERE person_id IS NOT NULL;",
    ),
    // 8 → 9: the index of names carries the unit: a name looked for within a unit's tree reads no namesake's row.
    Step::Sql("DROP INDEX person_name; CREATE INDEX person_name ON person (name_fold, name_key, unit_id);"),
    // 9 → 10: a registration's withdrawal in a column of its own, which the indexes of one live registration name
    // instead of `status` (see `withdrawn_column`).
    Step::Code(withdrawn_column),
    // 10 → 11: a proposal's history (each send, return, withdrawal) and a unit's end (merged or dissolved). New
    // tables only.
    Step::SchemaFrom("-- The lives of proposals and units (version 11)"),
    // 11 → 12: a proposal may be withdrawn: one more value its status allows ([`rewrite_tables`]; every stored row
    // meets the wider CHECK).
    Step::Code(proposal_withdrawn),
    // 12 → 13: each audit entry notes the header change counter its commit leaves, so an ordinary command knows
    // without digesting every table that nothing was written since (audit.rs `unchanged_since_last_entry`).
    Step::Sql("ALTER TABLE audit ADD COLUMN leaves INTEGER"),
    // 13 → 14: revocations of carried achievements. A new table only.
    Step::SchemaFrom("-- Revocations of carried achievements (version 14)"),
    // 14 → 15: initiatives carried with their uses. A new table only.
    Step::SchemaFrom("-- Initiatives carried with their uses (version 15)"),
    // 15 → 16: the LĐTT and CSTĐCS counts a unit reports. A new table only.
    Step::SchemaFrom("-- Counts a unit reports (version 16)"),
    // 16 → 17: a candidate's ballots found by the candidate, not by scanning every ballot. (A file older than
    // version 5 gets them with its council tables already: `schema.sql` holds them in that part.)
    Step::Sql(
        "CREATE INDEX IF NOT EXISTS council_vote_unit ON council_vote (unit_id) WHERE unit_id IS NOT NULL;
         CREATE INDEX IF NOT EXISTS council_vote_person ON council_vote (person_id) WHERE person_id IS NOT NULL;",
    ),
    // 17 → 18: a person's position class as the secretary sets it. A new table only.
    Step::SchemaFrom("-- A person's position class (version 18)"),
    // 18 → 19: the register of certificates and the blanks' layouts. New tables only.
    Step::SchemaFrom("-- Certificates: the register of those printed and the blanks' layouts (version 19)"),
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
            msg!("'{}' has schema version {}, newer than this thidua knows ({})", path.display(), v, VERSION),
            "use a newer thidua for this file; this one will not touch it",
        ));
    }
    if v == VERSION {
        return Ok(());
    }
    if v < 1 {
        return Err(refused_hint(
            msg!("'{}' has no thidua schema (version {})", path.display(), v),
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
            match m {
                Step::Code(f) => f(conn)?,
                _ => conn.execute_batch(m.sql())?,
            }
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

/// `sql` with each `col IN (v1, v2, v3, …)` of more than two constants written `col = v1 OR col = v2 OR …`, in
/// brackets unless it is a CHECK's whole body. SQLite checks an IN list of more than two constants against a
/// temporary table that it builds again each time a one-row INSERT runs (1.1 s of a million-registration import);
/// a chain of equalities is the same rule, NULL included, at no such cost.
pub fn or_chains(sql: &str) -> String {
    const IN: &str = " IN (";
    let constant = |v: &str| {
        v.parse::<i64>().is_ok()
            || (v.len() >= 2 && v.starts_with('\'') && v.ends_with('\'') && !v[1..v.len() - 1].contains('\''))
    };
    let mut out = String::with_capacity(sql.len() + sql.len() / 4);
    let mut rest = sql;
    while let Some(at) = rest.find(IN) {
        let open = at + IN.len();
        let Some(close) = rest[open..].find(')').map(|n| open + n) else { break };
        let col_at = rest[..at].rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
        let col = &rest[col_at..at];
        let values: Vec<&str> = rest[open..close].split(',').map(str::trim).collect();
        if col.is_empty() || values.len() <= 2 || !values.iter().all(|v| constant(v)) {
            out.push_str(&rest[..=close]);
            rest = &rest[close + 1..];
            continue;
        }
        let chain = values.iter().map(|v| format!("{col} = {v}")).collect::<Vec<_>>().join(" OR ");
        let whole = rest[..col_at].ends_with("CHECK (") && rest[close + 1..].trim_start().starts_with(')');
        out.push_str(&rest[..col_at]);
        if whole {
            out.push_str(&chain);
        } else {
            out.push_str(&format!("({chain})"));
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Rewrites each table's CHECKs with [`or_chains`] in place ([`rewrite_tables`]). The rules are the same, so the
/// rows that met them still do.
fn checks_as_or_chains(conn: &Connection) -> Result<()> {
    let tables: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let chained: Vec<(String, String)> = tables
        .into_iter()
        .filter_map(|(name, sql)| Some(or_chains(&sql)).filter(|c| *c != sql).map(|c| (name, c)))
        .collect();
    rewrite_tables(conn, &chained)
}

/// Gives tables a new text, as SQLite documents for a change every stored row already meets (ALTER TABLE, "Making
/// other kinds of table schema changes"): the text in `sqlite_schema` changed with `writable_schema` on, the
/// schema version moved on by one, in the migration's transaction.
fn rewrite_tables(conn: &Connection, tables: &[(String, String)]) -> Result<()> {
    let schema_version: i64 = conn.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    conn.pragma_update(None, "writable_schema", true)?;
    let rewrite = || -> Result<()> {
        for (name, sql) in tables {
            conn.execute(
                "UPDATE sqlite_schema SET sql = ?2 WHERE type = 'table' AND name = ?1",
                rusqlite::params![name, sql],
            )?;
        }
        Ok(conn.pragma_update(None, "schema_version", schema_version + 1)?)
    };
    let done = rewrite();
    conn.pragma_update(None, "writable_schema", false)?;
    done
}

/// Version 10: `registration.withdrawn`, 1 where `status` is withdrawn, bound to it by a CHECK, and the indexes of
/// one live registration on it. The column is added as ALTER TABLE adds one (its default for every stored row), set
/// on the withdrawn rows with the triggers off (the change counters stay as the audit log left them; the content
/// digest leaves the column out, so it does not move either), and its CHECK then written into the table's text
/// ([`rewrite_tables`]): ALTER TABLE would test a CHECK against the rows before they are set.
fn withdrawn_column(conn: &Connection) -> Result<()> {
    use rusqlite::config::DbConfig;
    const ADDED: &str = "withdrawn INTEGER NOT NULL DEFAULT 0";
    conn.execute_batch(&format!("ALTER TABLE registration ADD COLUMN {ADDED}"))?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    let set = conn.execute("UPDATE registration SET withdrawn = 1 WHERE status = 'withdrawn'", []);
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true)?;
    set?;
    let sql: String =
        conn.query_row("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'registration'", [], |r| {
            r.get(0)
        })?;
    let checked = sql.replacen(ADDED, &format!("{ADDED} CHECK (withdrawn = (status = 'withdrawn'))"), 1);
    rewrite_tables(conn, &[("registration".to_string(), checked)])?;
    conn.execute_batch(
        "DROP INDEX registration_unit_once; DROP INDEX registration_person_once;
         CREATE UNIQUE INDEX registration_unit_once ON registration (catalog_id, unit_id)
             WHERE unit_id IS NOT NULL AND withdrawn = 0;
         CREATE UNIQUE INDEX registration_person_once ON registration (catalog_id, person_id)
             WHERE person_id IS NOT NULL AND withdrawn = 0;",
    )?;
    Ok(())
}

/// Version 12: `withdrawn` among the values of `proposal.status`.
fn proposal_withdrawn(conn: &Connection) -> Result<()> {
    const BEFORE: &str = "OR status = 'decided'),";
    let sql: String =
        conn.query_row("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'proposal'", [], |r| r.get(0))?;
    if sql.contains("'withdrawn'") {
        return Ok(());
    }
    let wider = sql.replacen(
        BEFORE,
        "OR status = 'decided'\n                                                         OR status = 'withdrawn'),",
        1,
    );
    if wider == sql {
        return Err(crate::error::refused(msg!("the proposal table's status check is not the one thidua wrote")));
    }
    rewrite_tables(conn, &[("proposal".to_string(), wider)])
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

    #[test]
    fn lists_of_more_than_two_constants_become_chains() {
        assert_eq!(
            or_chains("kind TEXT NOT NULL CHECK (kind IN ('a', 'b',\n 'c')),"),
            "kind TEXT NOT NULL CHECK (kind = 'a' OR kind = 'b' OR kind = 'c'),"
        );
        // Inside a larger expression the chain keeps its brackets, so an AND around it binds as before.
        assert_eq!(
            or_chains("CHECK (x IS NOT NULL AND y IN (1, 2, 3))"),
            "CHECK (x IS NOT NULL AND (y = 1 OR y = 2 OR y = 3))"
        );
        for kept in ["CHECK (demo IN (0, 1))", "WHERE id IN (SELECT a FROM t)", "CHECK (k IN ('a', b, 'c'))", "x IN ("]
        {
            assert_eq!(or_chains(kept), kept);
        }
        // schema.sql is written that way already: a new file and a migrated one hold the same text.
        assert_eq!(or_chains(SCHEMA), SCHEMA);
    }
}
