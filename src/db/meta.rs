//! The bloc row and what the file holds.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

#[derive(Debug, Clone)]
pub struct Bloc {
    pub name: String,
    pub province: Option<String>,
    pub year: i32,
    pub created_at: String,
    pub demo: bool,
}

pub fn insert_bloc(conn: &Connection, name: &str, province: Option<&str>, year: i32, demo: bool) -> Result<()> {
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    conn.execute(
        "INSERT INTO bloc (id, name, province, year, created_at, demo) VALUES (1, ?1, ?2, ?3, ?4, ?5)",
        params![name, province, year, now, demo],
    )?;
    Ok(())
}

pub fn bloc(conn: &Connection) -> Result<Bloc> {
    Ok(conn.query_row("SELECT name, province, year, created_at, demo FROM bloc WHERE id = 1", [], |r| {
        Ok(Bloc { name: r.get(0)?, province: r.get(1)?, year: r.get(2)?, created_at: r.get(3)?, demo: r.get(4)? })
    })?)
}

/// The row count of every table of the schema, in schema order, so tables added later are counted without new
/// code here. Tables the audit triggers watch are counted from their counters (inserts less deletes), which
/// keeps `info` instant on a national file; the audit's own tables are counted.
pub fn table_counts(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let counters = super::audit::counters(conn)?;
    let mut out = Vec::with_capacity(names.len());
    for n in names {
        let c: i64 = if super::audit::UNTRACKED.contains(&n.as_str()) {
            conn.query_row(&format!("SELECT count(*) FROM \"{}\"", n.replace('"', "\"\"")), [], |r| r.get(0))?
        } else {
            let ops = counters.get(&n);
            let get = |op: &str| ops.and_then(|o| o.get(op)).copied().unwrap_or(0);
            get("insert") - get("delete")
        };
        out.push((n, c));
    }
    Ok(out)
}

pub fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

pub fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Every setting of the bloc, by key.
pub fn settings(conn: &Connection) -> Result<Vec<(String, String)>> {
    let v = conn
        .prepare_cached("SELECT key, value FROM setting ORDER BY key")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// What an existing file is to `thidua demo`, read without changing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoFile {
    /// Not a file the demo made (or unreadable): never touched.
    Other,
    /// Made by the demo and not changed since.
    Pristine,
    /// Made by the demo, then written to (by the tool, or by another program behind its back).
    Changed,
}

/// How many audit entries the demo writes: the file's creation and the load.
pub const DEMO_WRITES: i64 = 2;

pub fn demo_file(path: &std::path::Path) -> DemoFile {
    let Ok(conn) = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return DemoFile::Other;
    };
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap_or(0);
    let demo: bool = conn.query_row("SELECT demo FROM bloc WHERE id = 1", [], |r| r.get(0)).unwrap_or(false);
    if app != super::APPLICATION_ID || !demo {
        return DemoFile::Other;
    }
    let entries: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).unwrap_or(i64::MAX);
    let clean = super::audit::verify(&conn).map(|p| p.is_empty()).unwrap_or(false);
    if entries == DEMO_WRITES && clean {
        DemoFile::Pristine
    } else {
        DemoFile::Changed
    }
}

/// When and why the file was sealed, if it is.
pub fn sealed(conn: &Connection) -> Result<Option<(String, String)>> {
    let at = setting(conn, "sealed_at")?;
    Ok(at.map(|at| (at, setting(conn, "sealed_reason").ok().flatten().unwrap_or_default())))
}

pub fn seal(conn: &Connection, reason: &str) -> Result<String> {
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    set_setting(conn, "sealed_at", &now)?;
    set_setting(conn, "sealed_reason", reason)?;
    Ok(now)
}

pub fn unseal(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM setting WHERE key IN ('sealed_at', 'sealed_reason')", [])?;
    Ok(())
}
