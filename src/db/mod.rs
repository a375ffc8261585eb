//! The repository layer: opening the bloc-year file and all SQL. Each entity has its own file of plain functions
//! taking a `&Connection`; this file opens the file (pragmas, collation, migrations) and runs write transactions.

pub mod audit;
pub mod awards;
pub mod campaigns;
pub mod carry;
pub mod catalog;
pub mod certificates;
pub mod check;
pub mod council;
pub mod decisions;
pub mod discipline;
pub mod dump;
pub mod facts;
pub mod initiatives;
pub mod load;
pub mod meetings;
pub mod meta;
pub mod migrate;
pub mod newfile;
pub mod people;
pub mod pledges;
pub mod proposals;
pub mod ratings;
pub mod refs;
pub mod registrations;
pub mod rules;
pub mod scores;
pub mod stats;
pub mod units;

use std::fs::OpenOptions;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::error::{refused, refused_hint, Error, Result};
use crate::msg::Msg;

/// For a command that reads a national list once, in order: a small page cache, and the sort spilling to a
/// temporary file rather than to memory, so a million people sorted the Vietnamese way stay under 100 MiB
/// (bench/RESULTS.md). Imports keep the large cache and in-memory statement journals they are fast with.
pub fn large_read(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "cache_size", -8192)?;
    conn.pragma_update(None, "temp_store", "FILE")?;
    Ok(())
}

/// For a write that carries a whole file into a new one (`init --from`): a 16 MiB page cache. Rows are appended in
/// order, and the carry keeps a map of a million people beside the cache: 147 MiB with the usual 64 MiB.
pub fn carry_cache(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "cache_size", -16384)?;
    Ok(())
}

/// `PRAGMA application_id` of a thidua file: "TDUA" in ASCII, so `file(1)` and archivists can tell the file apart.
pub const APPLICATION_ID: i32 = 0x5444_5541;

/// How long a command waits for another process holding the file before it gives up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Settings every connection gets: foreign keys (off by default in plain SQLite), a busy timeout so two terminals
/// on one file wait rather than fail, and the Vietnamese collation `vi` for ORDER BY (never used in the schema).
/// For speed at scale (bench/RESULTS.md): a 64 MiB page cache, statement journals in memory rather than in a temp
/// file, and room for every statement an import repeats in the statement cache. The journal stays the safe
/// default (DELETE, synchronous FULL).
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "cache_size", -65536)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.set_prepared_statement_cache_capacity(128);
    // Without the planner's stability guarantee SQLite re-prepares a cached statement whenever a bound value might
    // pick another plan (partial indexes, LIKE): a third of an import's time went to re-preparing.
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    conn.create_collation("vi", crate::text::compare_vi)?;
    shown_names(conn, None)
}

/// Opens an existing bloc-year file, migrating it when it is older than this binary.
pub fn open(path: &Path) -> Result<Connection> {
    if !path.exists() {
        return Err(refused_hint(
            msg!("no bloc-year file at '{}'", path.display()),
            msg!(
                "create one with `thidua init --year {} --bloc \"…\"`, or name another with -f/--db or THIDUA_DB",
                chrono::Datelike::year(&crate::text::today())
            ),
        ));
    }
    if path.is_dir() {
        return Err(refused(msg!("'{}' is a folder, not a bloc-year file", path.display())));
    }
    // A pipe, a device or a socket is no file SQLite can keep a year in.
    if !path.is_file() {
        return Err(refused(msg!("'{}' is not a regular file", path.display())));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    // Ours before anything else touches it: a text file or another program's database is refused as such.
    let app_id: i32 =
        conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| not_ours(path, Some(e)))?;
    if app_id != APPLICATION_ID {
        return Err(not_ours(path, None));
    }
    configure(&conn)?;
    migrate::upgrade(&conn, path)?;
    // Titles and forms as the file's province names them, in every list and message.
    let province: Option<String> = conn.query_row("SELECT province FROM bloc", [], |r| r.get(0)).optional()?.flatten();
    shown_names(&conn, province)?;
    Ok(conn)
}

/// The SQL function `shown_name(code, name)`: a title or form as `province` names it (`catalog::shown_name`); with
/// none, the catalog's own name.
pub(crate) fn shown_names(conn: &Connection, province: Option<String>) -> Result<()> {
    conn.create_scalar_function(
        "shown_name",
        2,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8 | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
        move |ctx| Ok(catalog::shown_name(&ctx.get::<String>(0)?, &ctx.get::<String>(1)?, province.as_deref())),
    )?;
    Ok(())
}

fn not_ours(path: &Path, e: Option<rusqlite::Error>) -> Error {
    match e {
        Some(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::NotADatabase => {
            refused(msg!("'{}' is not a thidua bloc-year file (not an SQLite file)", path.display()))
        }
        _ => refused(msg!("'{}' is not a thidua bloc-year file", path.display())),
    }
}

/// Creates a new file (never over an existing one), private to its owner (mode 0600), with the whole schema, the
/// seeded catalog, the bloc's row, and the log's first entry. On any failure the half-made file is removed.
pub fn create(path: &Path, init: impl FnOnce(&rusqlite::Transaction) -> Result<()>) -> Result<Connection> {
    let (nf, conn) = create_staged(path, false, init)?;
    drop(conn);
    nf.finish()?;
    open(path)
}

/// [`create`], left under its temporary name for more work before [`newfile::NewFile::finish`] puts it in place.
pub fn create_staged(
    path: &Path,
    replace: bool,
    init: impl FnOnce(&rusqlite::Transaction) -> Result<()>,
) -> Result<(newfile::NewFile, Connection)> {
    stage(path, replace, |tx| {
        catalog::seed(tx)?;
        init(tx)?;
        audit::append(tx, &audit::Counters::new(), None, None)?;
        Ok(())
    })
}

/// A new file with the schema only, under its temporary name: what `import FOLDER` fills from an export.
pub fn stage_bare(path: &Path) -> Result<(newfile::NewFile, Connection)> {
    stage(path, false, |_| Ok(()))
}

/// Starts a new file whole or not at all (`newfile`): schema and `init` in one transaction under a temporary name;
/// the caller finishes it (or drops it, and nothing is left).
fn stage(
    path: &Path,
    replace: bool,
    init: impl FnOnce(&rusqlite::Transaction) -> Result<()>,
) -> Result<(newfile::NewFile, Connection)> {
    let nf = if replace { newfile::NewFile::start_over(path)? } else { newfile::NewFile::start(path)? };
    let mut conn = Connection::open(nf.tmp())?;
    configure(&conn)?;
    // A new file may be filled from another (`init --from`): the indexes built after its rows sort through a
    // temporary file, not memory (a million people: 64 MB instead of 133 MB, for 1.5 s of writing statement
    // journals to files; SQLite takes the setting only outside a transaction).
    conn.pragma_update(None, "temp_store", "FILE")?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    migrate::apply_schema(&tx)?;
    init(&tx)?;
    tx.commit()?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok((nf, conn))
}

/// Creates `path` empty and private to its owner (mode 0600), so SQLite's copies of it are private too; refuses
/// an existing file.
pub fn private_file(path: &Path) -> Result<()> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(refused_hint(
            msg!("'{}' already exists; thidua never overwrites a file", path.display()),
            "choose another name, or move the old file away yourself",
        )),
        Err(e) => Err(refused(msg!("cannot create '{}': {}", path.display(), e))),
    }
}

/// Runs one write command in one IMMEDIATE transaction: all of it or nothing, with its audit entry. With
/// `dry_run` the same work runs and is rolled back. A sealed file refuses every write.
pub fn write<T>(
    conn: &mut Connection,
    dry_run: bool,
    f: impl FnOnce(&rusqlite::Transaction) -> Result<T>,
) -> Result<T> {
    write_inner(conn, dry_run, false, f)
}

/// [`write`] for an import that writes through a bulk load ([`load::begin`]): foreign keys are checked once, for
/// the whole table, at the end of the load instead of at every row (half of SQLite's work for a row of a person
/// import was the lookup of its unit), and temporary data goes to a file, where SQLite sorts the rows of an index
/// built again twice as fast as in memory, and in a fifth of the memory. SQLite takes both settings only outside a
/// transaction.
pub fn write_load<T>(
    conn: &mut Connection,
    dry_run: bool,
    f: impl FnOnce(&rusqlite::Transaction) -> Result<T>,
) -> Result<T> {
    conn.pragma_update(None, "foreign_keys", false)?;
    conn.pragma_update(None, "temp_store", "FILE")?;
    let out = write_inner(conn, dry_run, false, f);
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    out
}

/// Whether rows changed since the last audit entry without one of their own: the cheap part of `db check`, for a
/// warning on every read (the counters; on a bloc-sized file the content digest too).
pub fn changed_outside(conn: &Connection) -> Result<bool> {
    // One read transaction: the counters, the log and the rows as of one moment. Read one by one, a write of the
    // tool committed between two of them looked like a change behind its back (a false alarm in a busy office).
    in_read_transaction(conn, || {
        if audit::counters(conn)? != audit::last_state(conn)? {
            return Ok(true);
        }
        if audit::unchanged_since_last_entry(conn)? || !check::digest_each_time(conn)? {
            return Ok(false);
        }
        Ok(!audit::content_problems(conn, &audit::content(conn)?)?.is_empty())
    })
}

/// Runs `f`'s reads as of one moment: one read transaction, ended whatever `f` returns (within one already, that
/// one). A read command that runs a statement or more a row takes the file's lock once, not once a statement.
pub fn in_read_transaction<T>(conn: &Connection, f: impl FnOnce() -> Result<T>) -> Result<T> {
    if !conn.is_autocommit() {
        return f();
    }
    conn.execute_batch("BEGIN DEFERRED")?;
    let out = f();
    conn.execute_batch("COMMIT")?;
    out
}

/// `db accept`: takes what `db check` found as known and wanted, in one logged entry. The audit triggers are put
/// back if they were dropped, and the entry records every row changed since the last one, so the content and the
/// chain agree again; the reason is in the entry's command line and in the settings. Returns the entry's id.
pub fn accept(conn: &mut Connection, reason: &str) -> Result<i64> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let leaves = audit::change_counter(&tx).map(|c| c + 1);
    // A sealed year takes nothing, an acceptance included: it is unsealed first, and both stay in the log.
    if let Some((at, why)) = meta::sealed(&tx)? {
        return Err(refused_hint(
            msg!("the file was sealed at {} ({}); it takes no more changes", crate::text::format_timestamp(&at), why),
            "unseal it first with `thidua db unseal --reason …` (both are logged), then accept",
        ));
    }
    // Damaged pages are not an edit to accept: the file is put back from a backup.
    let quick: Vec<String> =
        tx.prepare("PRAGMA quick_check")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if quick != ["ok"] {
        // SQLite's own words, quoted: the first problem it found past its "in database main" line.
        let first = quick.iter().flat_map(|l| l.lines()).find(|l| !l.starts_with("***")).unwrap_or_default();
        return Err(refused_hint(
            msg!("the file is damaged: {}; nothing was changed", format!("“{first}”")),
            "`thidua db check` says where; put the latest backup in its place (`thidua db backup` makes them)",
        ));
    }
    audit::install(&tx)?;
    let last = audit::last_state(&tx)?;
    let id = audit::next_id(&tx)?;
    meta::set_setting(&tx, "accepted_entry", &id.to_string())?;
    meta::set_setting(&tx, "accepted_reason", reason)?;
    audit::append(&tx, &last, None, leaves)?;
    tx.commit()?;
    Ok(id)
}

/// [`write`] for the one command that may write to a sealed file: `db unseal`.
pub fn write_sealed(conn: &mut Connection, f: impl FnOnce(&rusqlite::Transaction) -> Result<()>) -> Result<()> {
    write_inner(conn, false, true, f)
}

fn write_inner<T>(
    conn: &mut Connection,
    dry_run: bool,
    sealed_ok: bool,
    f: impl FnOnce(&rusqlite::Transaction) -> Result<T>,
) -> Result<T> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read before this transaction writes a page: the commit leaves it one higher.
    let leaves = audit::change_counter(&tx).map(|c| c + 1);
    if !sealed_ok {
        if let Some((at, reason)) = meta::sealed(&tx)? {
            return Err(refused_hint(
                msg!(
                    "the file was sealed at {} ({}); it takes no more changes",
                    crate::text::format_timestamp(&at),
                    reason
                ),
                "`thidua db unseal --reason …` reopens it, and the log keeps both",
            ));
        }
    }
    // A file `db check` would flag takes no more writes until the secretary has looked (`db accept`).
    if let Some(first) = check::before_write(&tx)?.into_iter().next() {
        return Err(refused_hint(
            msg!("the file needs a look before it takes more writes: {}", first),
            "run `thidua db check`; when what it finds is known and wanted, `thidua db accept --reason …` records it",
        ));
    }
    let before = audit::counters(&tx)?;
    let deltas = audit::Deltas::default();
    audit::watch(&tx, &deltas)?;
    let out = f(&tx)?;
    // A command that changed no row leaves the file as it was, byte for byte (what else it did, such as an
    // import's index rebuild, goes with the rollback).
    let logged = audit::append(&tx, &before, Some(&deltas), leaves)?;
    if dry_run || logged.is_none() {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(out)
}

/// Copies the file to `dest` (created private, never over a file) with SQLite's backup API, a consistent snapshot
/// even while another process writes, and checks the copy before it is put into place: the copy's problems, if
/// any (then nothing is left at `dest`).
pub fn backup(conn: &Connection, dest: &Path) -> Result<Vec<Msg>> {
    let nf = newfile::NewFile::start(dest)?;
    // Whether the original is as the tool's last entry left it, and the copy, taken in the same read transaction:
    // then the copy is checked page by page, and whole only otherwise (a national file's backup took ten times
    // SQLite's own with the whole check, bench/RESULTS.md).
    let untouched = in_read_transaction(conn, || {
        let untouched = audit::counters(conn)? == audit::last_state(conn)? && audit::unchanged_since_last_entry(conn)?;
        conn.backup(rusqlite::MAIN_DB, nf.tmp(), None::<fn(rusqlite::backup::Progress)>)?;
        Ok(untouched)
    })?;
    let problems = {
        let copy = Connection::open_with_flags(nf.tmp(), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        check::copy(&copy, untouched)?
    };
    if problems.is_empty() {
        nf.finish()?;
    }
    Ok(problems)
}

/// Runs `f` in one exclusive transaction with foreign keys checked at its end, for rebuilding a file from an
/// export (tables in any order).
/// The indexes its tables build after their rows sort through a temporary file (SQLite takes the setting only
/// outside a transaction).
pub fn write_bulk(conn: &mut Connection, f: impl FnOnce(&rusqlite::Transaction) -> Result<()>) -> Result<()> {
    conn.pragma_update(None, "temp_store", "FILE")?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    f(&tx)?;
    tx.commit()?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// True when a statement failed on a UNIQUE or CHECK constraint; callers turn it into a refusal naming the value.
pub fn is_constraint(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation)
}

/// The domain's identifier enums stored as their identifiers (TEXT, as the schema's CHECKs list them), decoded on
/// the way out: a value the tool does not know is an error naming it, never a guess.
macro_rules! stored_as_text {
    ($($t:ty),+) => {$(
        impl rusqlite::types::ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $t {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                <$t>::from_id(s).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(format!("'{s}' is not a {} value", stringify!($t)).into())
                })
            }
        }
    )+};
}

use crate::model::{
    Basis, Blank, CampaignKind, CampaignStatus, CertEvent, CouncilRole, CriterionKind, DisciplineForm, DocKind, Gender,
    InitiativeKind, ItemKind, ItemOutcome, MeetingKind, Org, OriginKind, PositionClass, ProposalEventKind,
    ProposalStatus, RatingLevel, RegStatus, Role, Scope, SessionKind, SubjectKind, UnitEndKind,
};
stored_as_text!(
    Blank,
    CertEvent,
    PositionClass,
    ProposalEventKind,
    UnitEndKind,
    Role,
    Gender,
    CampaignKind,
    CampaignStatus,
    SubjectKind,
    RegStatus,
    Basis,
    MeetingKind,
    ItemKind,
    CriterionKind,
    OriginKind,
    RatingLevel,
    Org,
    InitiativeKind,
    Scope,
    DisciplineForm,
    CouncilRole,
    SessionKind,
    ProposalStatus,
    ItemOutcome,
    DocKind
);

/// The subject a command names with `--unit` or `--person` (both: the person, looked for in that unit): (unit id,
/// person id, name as it stands now).
pub fn subject(
    conn: &Connection,
    unit: Option<&str>,
    person: Option<&str>,
) -> Result<(Option<i64>, Option<i64>, String)> {
    match (unit, person) {
        (Some(u), Some(p)) => {
            // The unit narrows the person's name (two people of the same name in different units).
            let u = crate::db::units::resolve(conn, u)?;
            let p = crate::db::people::resolve_in(conn, p, Some(u.id))?;
            Ok((None, Some(p.id), p.full_name))
        }
        (Some(u), None) => {
            let u = crate::db::units::resolve(conn, u)?;
            Ok((Some(u.id), None, u.name))
        }
        (None, Some(p)) => {
            let p = crate::db::people::resolve(conn, p)?;
            Ok((None, Some(p.id), p.full_name))
        }
        (None, None) => Err(crate::error::usage("name the subject with --unit or --person")),
    }
}

#[cfg(test)]
mod tests {
    /// The options of `.cargo/config.toml` reach the SQLite this crate is built with (a build without them works, and
    /// is slower).
    #[test]
    fn sqlite_is_built_with_the_options_of_cargo_config() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let options: Vec<String> = conn
            .prepare("PRAGMA compile_options")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for want in [
            "DEFAULT_MEMSTATUS=0",
            "OMIT_PROGRESS_CALLBACK",
            "OMIT_SHARED_CACHE",
            "USE_ALLOCA",
            "LIKE_DOESNT_MATCH_BLOBS",
        ] {
            assert!(options.iter().any(|o| o == want), "{want} not in {options:?}");
        }
    }
}
