//! The whole-file export (every table as CSV, plus a manifest with counts and SHA-256 per file) and its import
//! into a fresh file. This is the archivist's format: raw rows with their ids, so an import rebuilds the same
//! file (same rows, same audit chain, same `db check`). NULL is written `\N`; a text cell that a spreadsheet would
//! run as a formula gets a leading `'`, taken off again on import.

use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::Path;

use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::db::{self, audit, dump, meta, migrate};
use crate::error::{refused, refused_hint, Error, ImportFailure, Result};
use crate::msg::Msg;

const NULL: &str = "\\N";

#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub schema_version: i64,
    pub bloc: String,
    pub year: i32,
    pub exported_at: String,
    pub tables: Vec<TableFile>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TableFile {
    pub table: String,
    pub file: String,
    pub rows: u64,
    pub sha256: String,
    /// The file's size in bytes (exports made before it was recorded have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
}

/// The largest manifest read: a real one is a few kilobytes.
const MANIFEST_MAX: u64 = 1 << 20;

/// A file of the export folder, checked before it is read: a plain name inside the folder, a regular file (no
/// link, no device), of the size the manifest says.
fn export_file(dir: &Path, name: &str, bytes: Option<u64>) -> Result<std::path::PathBuf> {
    let plain = !name.is_empty()
        && Path::new(name).components().count() == 1
        && matches!(Path::new(name).components().next(), Some(std::path::Component::Normal(_)));
    if !plain {
        return Err(refused(msg!("the manifest names '{}', which is not a file inside the export folder", name)));
    }
    let path = dir.join(name);
    let meta = fs::symlink_metadata(&path).map_err(|e| refused(msg!("cannot read '{}': {}", path.display(), e)))?;
    if !meta.file_type().is_file() {
        return Err(refused(msg!("'{}' is not a regular file", path.display())));
    }
    if let Some(b) = bytes.filter(|b| *b != meta.len()) {
        return Err(refused(msg!("{}: {} bytes, the manifest says {}; the export was changed", name, meta.len(), b)));
    }
    Ok(path)
}

const FORMAT: &str = "thidua-export-1";

fn sha256_file(path: &Path) -> Result<String> {
    let mut f = File::open(path).map_err(|e| refused(msg!("cannot read '{}': {}", path.display(), e)))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// A text guarded against formula execution: a leading `'` before a formula sign, or before a `'` that already
/// starts the text, so the import can take exactly one off.
fn guard(s: &str) -> String {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'') => format!("'{s}"),
        _ => s.to_string(),
    }
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => NULL.into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(x) => format!("{x:?}"),
        Value::Text(t) if t == NULL => format!("'{t}"),
        Value::Text(t) => guard(t),
        Value::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect(),
    }
}

/// Writes every table into `dir` (refused when it holds files already). The folder is built under a temporary name
/// beside it and renamed into place when complete, so a crash leaves no half export; the folder is private (0700)
/// and so are its files (0600): they hold every name of the file.
pub fn export(conn: &Connection, dir: &Path) -> Result<Manifest> {
    if fs::symlink_metadata(dir).is_ok() && fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
        return Err(refused_hint(msg!("'{}' is not empty", dir.display()), "export into a new folder"));
    }
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let part = dir.with_file_name(format!(".{name}.{}.part", std::process::id()));
    let _ = fs::remove_dir_all(&part);
    private_dir(&part)?;
    let m = match write_export(conn, &part) {
        Ok(m) => m,
        Err(e) => {
            let _ = fs::remove_dir_all(&part);
            return Err(e);
        }
    };
    if dir.exists() {
        fs::remove_dir(dir).map_err(|e| refused(msg!("cannot replace '{}': {}", dir.display(), e)))?;
    }
    fs::rename(&part, dir).map_err(|e| refused(msg!("cannot create '{}': {}", dir.display(), e)))?;
    db::newfile::sync_dir(dir);
    Ok(m)
}

/// A folder only its owner reads (0700).
fn private_dir(dir: &Path) -> Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir).map_err(|e| refused(msg!("cannot create folder '{}': {}", dir.display(), e)))
}

/// A new file only its owner reads (0600).
fn private_create(path: &Path) -> Result<File> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path).map_err(|e| refused(msg!("cannot write '{}': {}", path.display(), e)))
}

fn write_export(conn: &Connection, dir: &Path) -> Result<Manifest> {
    let bloc = meta::bloc(conn)?;
    let mut tables = Vec::new();
    for t in dump::tables(conn)? {
        let file = format!("{t}.csv");
        let path = dir.join(&file);
        let mut w = BufWriter::new(private_create(&path)?);
        w.write_all(crate::output::BOM)?;
        let mut cw = csv::Writer::from_writer(w);
        cw.write_record(dump::columns(conn, &t)?.iter().map(|(c, _)| c))?;
        let rows = dump::each_row(conn, &t, |vals| {
            cw.write_record(vals.iter().map(cell))?;
            Ok(())
        })?;
        cw.flush()?;
        drop(cw);
        let bytes = Some(fs::metadata(&path)?.len());
        tables.push(TableFile { sha256: sha256_file(&path)?, table: t, file, rows, bytes });
    }
    let m = Manifest {
        format: FORMAT.into(),
        schema_version: migrate::version(conn)?,
        bloc: bloc.name,
        year: bloc.year,
        exported_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        tables,
    };
    let json = serde_json::to_string_pretty(&m).map_err(std::io::Error::from)?;
    let mut f = private_create(&dir.join("manifest.json"))?;
    f.write_all((json + "\n").as_bytes())?;
    f.sync_all()?;
    Ok(m)
}

/// A cell back to its value, by the column's declared type.
fn value(s: &str, decl: &str) -> std::result::Result<Value, String> {
    if s == NULL {
        return Ok(Value::Null);
    }
    let s = if s == "'\\N" {
        NULL
    } else {
        s.strip_prefix('\'')
            .filter(|r| matches!(r.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'')))
            .unwrap_or(s)
    };
    match decl.to_ascii_uppercase().as_str() {
        "INTEGER" => s.parse().map(Value::Integer).map_err(|_| format!("'{s}' is not a whole number")),
        "REAL" => s.parse().map(Value::Real).map_err(|_| format!("'{s}' is not a number")),
        // Bytes (a dossier's papers) are written as hexadecimal.
        "BLOB" => (0..s.len())
            .step_by(2)
            .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
            .collect::<Option<Vec<u8>>>()
            .filter(|_| s.len() % 2 == 0)
            .map(Value::Blob)
            .ok_or_else(|| format!("'{}' is not hexadecimal bytes", s.chars().take(40).collect::<String>())),
        _ => Ok(Value::Text(s.to_string())),
    }
}

/// Rebuilds a file at `path` (which must not exist) from an export in `dir`: every file's checksum first, then
/// every table in one transaction, foreign keys checked at the end. Returns the manifest.
pub fn import(path: &Path, dir: &Path) -> Result<Manifest> {
    let mpath = dir.join("manifest.json");
    match fs::symlink_metadata(&mpath) {
        Ok(m) if !m.file_type().is_file() => return Err(refused(msg!("'{}' is not a regular file", mpath.display()))),
        Ok(m) if m.len() > MANIFEST_MAX => {
            return Err(refused(msg!("'{}' is not a thidua export manifest: too large", mpath.display())))
        }
        _ => {}
    }
    let text = fs::read_to_string(&mpath).map_err(|e| {
        refused_hint(msg!("cannot read '{}': {}", mpath.display(), e), "name a folder made by `thidua export`")
    })?;
    let m: Manifest = serde_json::from_str(&text)
        .map_err(|e| refused(msg!("'{}' is not a thidua export manifest: {}", mpath.display(), e)))?;
    if m.format != FORMAT {
        return Err(refused(msg!("'{}' is format '{}', not {}", mpath.display(), m.format, FORMAT)));
    }
    // An older export rebuilds into this schema as its file would migrate: every migration so far adds an index or
    // a column with a default, which the rows of an older export leave to that default (an audit entry without a
    // content digest, as the migration leaves it). A migration that adds a table must let older exports lack it.
    if !(1..=migrate::VERSION).contains(&m.schema_version) {
        return Err(refused(msg!(
            "the export has schema version {}, this thidua reads {} and older",
            m.schema_version,
            migrate::VERSION
        )));
    }
    // Everything checked before a row is written: the tables are the schema's, each once, each in its own plain
    // file of the listed size and checksum; the row counts are checked as the rows are read.
    let (nf, mut conn) = db::stage_bare(path)?;
    let known = dump::tables(&conn)?;
    let mut seen = std::collections::HashSet::new();
    for t in &m.tables {
        if !known.contains(&t.table) {
            return Err(refused(msg!("the export has a table '{}' this thidua does not know", t.table)));
        }
        if !seen.insert(t.table.as_str()) {
            return Err(refused(msg!("the manifest lists table '{}' twice", t.table)));
        }
        if t.file != format!("{}.csv", t.table) {
            return Err(refused(msg!("the manifest names '{}' for table '{}', not {}.csv", t.file, t.table, t.table)));
        }
    }
    let lacks = |k: &String| !seen.contains(k.as_str()) && migrate::version_of_table(k) <= m.schema_version;
    if let Some(missing) = known.iter().find(|k| lacks(k)) {
        return Err(refused(msg!(
            "the export has no table '{}' ({}.csv); a whole export holds every table of the file",
            missing,
            missing
        )));
    }
    for t in &m.tables {
        let got = sha256_file(&export_file(dir, &t.file, t.bytes)?)?;
        if got != t.sha256 {
            return Err(refused(msg!("{}: its SHA-256 does not match the manifest; the export was changed", t.file)));
        }
    }
    // A national export rebuilt with a 16 MiB page cache, as `init --from` carries one: the rows are appended,
    // and the default 64 MiB brought the command near 100 MiB.
    db::carry_cache(&conn)?;
    db::write_bulk(&mut conn, |tx| {
        dump::triggers(tx, false)?;
        let loaded = load_tables(tx, dir, &m);
        dump::triggers(tx, true)?;
        loaded?;
        // Tables newer than the export start empty, with their change counters at zero as a migration leaves them.
        audit::install(tx)?;
        // A file without its bloc row is no bloc-year file.
        if meta::bloc(tx).is_err() {
            return Err(refused(msg!("'{}': the export has no bloc row (table bloc)", dir.display())));
        }
        Ok(())
    })?;
    drop(conn);
    nf.finish()?;
    Ok(m)
}

/// Every table's rows from the export's CSV files, checked against the file's columns and the manifest's counts.
fn load_tables(tx: &rusqlite::Transaction, dir: &Path, m: &Manifest) -> Result<()> {
    let known = dump::tables(tx)?;
    let mut errors = Vec::new();
    // The audit's own tables last: inserting the other tables moves the change counters, which are then set
    // back to the exported ones, so the rebuilt file's log and counters agree as they did.
    let (audit_tables, data_tables): (Vec<&TableFile>, Vec<&TableFile>) =
        m.tables.iter().partition(|t| audit::UNTRACKED.contains(&t.table.as_str()));
    for t in data_tables.into_iter().chain(audit_tables) {
        if !known.contains(&t.table) {
            return Err(refused(msg!("the export has a table '{}' this thidua does not know", t.table)));
        }
        let decl: Vec<(String, String)> = dump::columns(tx, &t.table)?;
        let mut r = csv::ReaderBuilder::new().has_headers(true).from_path(dir.join(&t.file)).map_err(Error::from)?;
        let mut head: Vec<String> = r.headers()?.iter().map(String::from).collect();
        // Version 10's `registration.withdrawn`, which an older export lacks: set from the row's status, as the
        // migration sets it (its default would break its CHECK on a withdrawn row).
        let withdrawn_from = (t.table == "registration" && !head.iter().any(|h| h == "withdrawn"))
            .then(|| head.iter().position(|h| h == "status"))
            .flatten();
        if withdrawn_from.is_some() {
            head.push("withdrawn".to_string());
        }
        let types: Vec<String> = head
            .iter()
            .map(|h| decl.iter().find(|(c, _)| c == h).map_or(String::new(), |(_, ty)| ty.clone()))
            .collect();
        if audit::UNTRACKED.contains(&t.table.as_str()) {
            dump::clear(tx, &t.table)?;
        }
        let mut vals = Vec::with_capacity(head.len());
        let mut load = dump::TableLoad::begin(tx, &t.table, &head)?;
        let mut n: u64 = 0;
        for (i, rec) in r.records().enumerate() {
            n += 1;
            let rec = rec?;
            vals.clear();
            for (c, ty) in rec.iter().zip(&types) {
                match value(c, ty) {
                    Ok(v) => vals.push(v),
                    Err(e) => errors.push(msg!("{}:{}: {}", &t.file, i + 2, Msg::plain(e))),
                }
            }
            if let Some(at) = withdrawn_from {
                let withdrawn = rec.get(at) == Some(crate::model::RegStatus::Withdrawn.as_str());
                vals.push(Value::Integer(withdrawn.into()));
            }
            if vals.len() == head.len() {
                if let Err(e) = load.insert(&vals) {
                    errors.push(msg!("{}:{}: {}", &t.file, i + 2, e.message()));
                }
            }
        }
        load.end()?;
        if n != t.rows {
            errors.push(msg!("{}: {} rows, the manifest says {}; the export was changed", &t.file, n, t.rows));
        }
    }
    if !errors.is_empty() {
        let more = errors.len().saturating_sub(crate::import::MAX_ERRORS);
        errors.truncate(crate::import::MAX_ERRORS);
        return Err(Error::Import(ImportFailure { file: dir.display().to_string(), lines: errors, more }));
    }
    Ok(())
}
