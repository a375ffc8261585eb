//! The audit log and the change counters (issue 8: nothing may change unseen).
//!
//! Triggers on every table count row changes per table and kind into `change_count`; they are generated here
//! from the schema itself, so a table added later is covered without new code. Every write command appends one
//! `audit` entry in its own transaction: what it changed (the counters' difference) and the counters after it,
//! chained by a SHA-256 over the previous entry. A change made with another tool moves the counters with no entry
//! to account for it; `db check` finds it by replaying the chain. It costs one counter update per changed row and
//! two reads of a few dozen counter rows per command, whatever the size of the file.
//!
//! Counters tell that rows changed, not what they hold: an edit made with the triggers dropped and put back, or
//! with a counter set back, leaves them right. So every entry also records a digest of each table's content (the
//! sum of a SHA-256 per row), kept by each write from the rows it touches ([`watch`]). `db check` (and every command
//! on a bloc-sized file) recomputes it from the rows: another program can only match it by recomputing it with
//! this code, and the file's fingerprint ([`fingerprint`]), written on paper when the year is sealed, tells a file
//! so recomputed, or swapped, from the real one.

use crate::msg::Msg;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::error::Result;

/// The audit's own tables, which the triggers do not watch.
pub const UNTRACKED: &[&str] = &["audit", "change_count"];

pub const OPS: [&str; 3] = ["insert", "update", "delete"];

/// Per table, per kind of change: how many rows changed.
pub type Counters = BTreeMap<String, BTreeMap<String, i64>>;

/// The tables the triggers watch: every table of the schema but the audit's own.
pub fn tracked_tables(conn: &Connection) -> Result<Vec<String>> {
    let v: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v.into_iter().filter(|t| !UNTRACKED.contains(&t.as_str())).collect())
}

fn quote(s: &str) -> String {
    s.replace('\'', "''").replace('"', "\"\"")
}

/// The trigger that counts one kind of change on one table.
pub fn trigger_sql(table: &str, op: &str) -> String {
    let (event, row) = match op {
        "insert" => ("INSERT", "NEW"),
        "update" => ("UPDATE", "NEW"),
        _ => ("DELETE", "OLD"),
    };
    let t = quote(table);
    format!(
        "CREATE TRIGGER \"audit_{t}_{op}\" AFTER {event} ON \"{t}\" BEGIN \
         UPDATE change_count SET n = n + 1, last_rowid = {row}.rowid WHERE tbl = '{t}' AND op = '{op}'; END"
    )
}

/// Creates the counters and triggers for every tracked table that lacks them.
pub fn install(conn: &Connection) -> Result<()> {
    for t in tracked_tables(conn)? {
        for op in OPS {
            conn.execute("INSERT OR IGNORE INTO change_count (tbl, op, n) VALUES (?1, ?2, 0)", params![t, op])?;
            let exists: bool = conn.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                [format!("audit_{t}_{op}")],
                |r| r.get(0),
            )?;
            if !exists {
                conn.execute_batch(&trigger_sql(&t, op))?;
            }
        }
    }
    Ok(())
}

/// The counters as they stand.
pub fn counters(conn: &Connection) -> Result<Counters> {
    let mut c = Counters::new();
    let mut st = conn.prepare_cached("SELECT tbl, op, n FROM change_count")?;
    for r in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?)))? {
        let (t, op, n) = r?;
        if n != 0 {
            c.entry(t).or_default().insert(op, n);
        }
    }
    Ok(c)
}

/// `after − before`, the tables and kinds that moved.
pub fn diff(after: &Counters, before: &Counters) -> Counters {
    let mut d = Counters::new();
    for (t, ops) in after {
        for (op, n) in ops {
            let was = before.get(t).and_then(|o| o.get(op)).copied().unwrap_or(0);
            if *n != was {
                d.entry(t.clone()).or_default().insert(op.clone(), n - was);
            }
        }
    }
    for (t, ops) in before {
        for (op, was) in ops {
            if after.get(t).and_then(|o| o.get(op)).is_none() && *was != 0 {
                d.entry(t.clone()).or_default().insert(op.clone(), -was);
            }
        }
    }
    d
}

/// `before + changes`.
pub fn add(before: &Counters, changes: &Counters) -> Counters {
    let mut c = before.clone();
    for (t, ops) in changes {
        for (op, n) in ops {
            *c.entry(t.clone()).or_default().entry(op.clone()).or_default() += n;
        }
    }
    c.retain(|_, ops| {
        ops.retain(|_, n| *n != 0);
        !ops.is_empty()
    });
    c
}

/// "person +3 ~1 −2, unit +1": counters as people read them.
pub fn describe(c: &Counters) -> crate::msg::Arg {
    use crate::msg::Arg;
    let tables = changed_tables(c).into_iter().map(|(t, n)| msg!("{} {}", Arg::Table(t), n).into());
    Arg::List(tables.collect(), ", ")
}

/// What an entry changed, table by table: (table, "+1 ~2 −3").
pub fn changed_tables(c: &Counters) -> Vec<(String, String)> {
    c.iter()
        .map(|(t, ops)| {
            let parts: Vec<String> = OPS
                .iter()
                .filter_map(|op| {
                    ops.get(*op).map(|n| match *op {
                        "insert" => format!("+{n}"),
                        "update" => format!("~{n}"),
                        _ => format!("−{n}"),
                    })
                })
                .collect();
            (t.clone(), parts.join(" "))
        })
        .collect()
}

/// One entry of the log.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: i64,
    pub at: String,
    pub user: String,
    pub command: String,
    pub changes: String,
    pub state: String,
    pub prev_hash: String,
    pub hash: String,
    /// JSON: the content digest of every table after this entry; empty in entries of files before schema 3.
    pub digest: String,
}

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of an entry: SHA-256 over the previous hash and every field, one per line. The digest joins the
/// hashed fields only when there is one, so entries written before schema 3 keep their hashes.
pub fn hash(e: &Entry, prev: &str) -> String {
    // Each field with its length before it: no text in one field can pass for the end of another.
    let mut h = Sha256::new();
    h.update(b"thidua audit 2\n");
    let id = e.id.to_string();
    for part in [prev, &id, &e.at, &e.user, &e.command, &e.changes, &e.state, &e.digest] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex(&h.finalize())
}

/// The hash entries had before schema 14's encoding: fields joined by newlines. Taken only where no field holds a
/// newline, so that text cannot have moved from one field to the next.
fn hash_joined(e: &Entry, prev: &str) -> Option<String> {
    let id = e.id.to_string();
    let mut parts = vec![prev, &id, &e.at, &e.user, &e.command, &e.changes, &e.state];
    if !e.digest.is_empty() {
        parts.push(&e.digest);
    }
    if parts.iter().any(|p| p.contains('\n')) {
        return None;
    }
    let mut h = Sha256::new();
    for part in parts {
        h.update(part.as_bytes());
        h.update(b"\n");
    }
    Some(hex(&h.finalize()))
}

/// Whether an entry's stored hash is the one its fields and the previous hash give.
fn holds(e: &Entry, prev: &str) -> bool {
    e.hash == hash(e, prev) || hash_joined(e, prev).is_some_and(|h| h == e.hash)
}

/// The head of the chain recomputed from every entry's fields, from the first: what the fingerprint covers. An
/// entry edited or removed anywhere, before an acceptance too, gives another head; none: no entry.
pub fn recomputed_head(conn: &Connection) -> Result<String> {
    let mut prev = GENESIS.to_string();
    for e in entries(conn)? {
        // The stored hash where it holds (entries of either encoding), else what the fields give.
        prev = if e.prev_hash == prev && holds(&e, &prev) { e.hash.clone() } else { hash(&e, &prev) };
    }
    Ok(if prev == GENESIS { String::new() } else { prev })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of some bytes, as lowercase hexadecimal (a dossier paper's, recorded and checked).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Per table, the digest of its rows.
pub type Digests = BTreeMap<String, String>;

/// A table's digest: four 64-bit lanes, each the wrapping sum of its share of a SHA-256 per row.
/// A digest as four 64-bit lanes (a SHA-256 read as numbers), added lane by lane.
pub type Lanes = [u64; 4];

fn lanes_hex(l: &Lanes) -> String {
    hex(&l.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>())
}

fn hex_lanes(s: &str) -> Option<Lanes> {
    let b: Vec<u8> = (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect::<Option<_>>()?;
    let mut l = [0u64; 4];
    for (lane, chunk) in l.iter_mut().zip(b.chunks_exact(8)) {
        *lane = u64::from_le_bytes(chunk.try_into().ok()?);
    }
    (b.len() == 32).then_some(l)
}

/// The SHA-256 of one row of `table`, its values in column order, as lanes. The row's bytes are gathered first and
/// hashed in one call: fed to the hash value by value, its buffering cost a fifth of the hashing.
pub fn row_lanes<'a>(table: &str, values: impl Iterator<Item = rusqlite::types::ValueRef<'a>>) -> Lanes {
    use rusqlite::types::ValueRef;
    thread_local! {
        static BYTES: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BYTES.with_borrow_mut(|b| {
        b.clear();
        b.extend_from_slice(table.as_bytes());
        for v in values {
            match v {
                ValueRef::Null => b.push(0),
                ValueRef::Integer(v) => {
                    b.push(1);
                    b.extend_from_slice(&v.to_le_bytes());
                }
                ValueRef::Real(v) => {
                    b.push(2);
                    b.extend_from_slice(&v.to_bits().to_le_bytes());
                }
                ValueRef::Text(t) | ValueRef::Blob(t) => {
                    b.push(3);
                    b.extend_from_slice(&(t.len() as u64).to_le_bytes());
                    b.extend_from_slice(t);
                }
            }
        }
        let d = Sha256::digest(b.as_slice());
        let mut l = [0u64; 4];
        for (lane, chunk) in l.iter_mut().zip(d.chunks_exact(8)) {
            *lane = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        }
        l
    })
}

pub fn add_lanes(acc: &mut Lanes, l: &Lanes, sign: i64) {
    for (a, v) in acc.iter_mut().zip(l) {
        *a = if sign < 0 { a.wrapping_sub(*v) } else { a.wrapping_add(*v) };
    }
}

/// Columns the content digest leaves out: each is another column again, held to it by a CHECK, so a change to it
/// alone cannot be made, and digesting it would only move every digest (and a sealed file's fingerprint) when a
/// migration adds it. `registration.withdrawn` is `status = 'withdrawn'` (version 10).
const UNDIGESTED: &[(&str, &str)] = &[("registration", "withdrawn")];

/// The columns of `table` a row's digest covers, in their order, quoted for SQL.
pub fn digested_columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let cols: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(cols
        .into_iter()
        .filter(|c| !UNDIGESTED.contains(&(table, c.as_str())))
        .map(|c| format!("\"{}\"", quote(&c)))
        .collect())
}

/// The digest of a table's content: the sum of a SHA-256 of each row's values. A sum does not depend on the order
/// rows are read in, nor on rowids (an export rebuilt elsewhere keeps it), a changed, added or removed row changes
/// it, and a write can keep it up to date from the rows it touches alone ([`watch`]).
pub fn table_digest(conn: &Connection, table: &str) -> Result<String> {
    let mut acc = [0u64; 4];
    let cols = digested_columns(conn, table)?.join(", ");
    let mut st = conn.prepare(&format!("SELECT {cols} FROM \"{}\"", quote(table)))?;
    let n = st.column_count();
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let values = (0..n).map(|i| r.get_ref(i)).collect::<rusqlite::Result<Vec<_>>>()?;
        add_lanes(&mut acc, &row_lanes(table, values.into_iter()), 1);
    }
    Ok(lanes_hex(&acc))
}

/// What the running write did to each table's digest: rows written added, rows removed taken away.
#[derive(Default, Clone)]
pub struct Deltas(Arc<Mutex<BTreeMap<String, Lanes>>>);

impl Deltas {
    fn take(&self) -> BTreeMap<String, Lanes> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    }
}

/// Keeps `deltas` up to date from every row this connection writes: a SQL function and TEMP triggers, which live
/// in this connection only (never in the file, so other programs neither see nor need them). A write then costs
/// one SHA-256 per row it touches, whatever the size of the file, and a row changed behind the tool's back never
/// enters the recorded digest, whatever the tool writes after it.
pub fn watch(conn: &Connection, deltas: &Deltas) -> Result<()> {
    deltas.take();
    let d = deltas.clone();
    conn.create_scalar_function("thidua_row", -1, rusqlite::functions::FunctionFlags::SQLITE_UTF8, move |ctx| {
        let sign: i64 = ctx.get(0)?;
        let table: String = ctx.get(1)?;
        let l = row_lanes(&table, (2..ctx.len()).map(|i| ctx.get_raw(i)));
        let mut m = d.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        add_lanes(m.entry(table).or_default(), &l, sign);
        Ok(0i64)
    })?;
    // Rows a bulk load digested itself ([`add_digest`]).
    let d = deltas.clone();
    conn.create_scalar_function("thidua_rows", 2, rusqlite::functions::FunctionFlags::SQLITE_UTF8, move |ctx| {
        let table: String = ctx.get(0)?;
        let lanes: String = ctx.get(1)?;
        let l = hex_lanes(&lanes).ok_or_else(|| rusqlite::Error::UserFunctionError("bad lanes".into()))?;
        let mut m = d.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        add_lanes(m.entry(table).or_default(), &l, 1);
        Ok(0i64)
    })?;
    for t in tracked_tables(conn)? {
        watch_table(conn, &t)?;
    }
    Ok(())
}

/// Adds the digest of rows a bulk load wrote without the TEMP triggers ([`super::load`]) to the running write's.
pub fn add_digest(conn: &Connection, table: &str, lanes: &Lanes) -> Result<()> {
    conn.query_row("SELECT thidua_rows(?1, ?2)", params![table, lanes_hex(lanes)], |_| Ok(()))?;
    Ok(())
}

/// The TEMP triggers of [`watch`] for one table.
pub fn watch_table(conn: &Connection, t: &str) -> Result<()> {
    let cols = digested_columns(conn, t)?;
    let row = |which: &str| cols.iter().map(|c| format!("{which}.{c}")).collect::<Vec<_>>().join(", ");
    let q = quote(t);
    let (new, old) = (row("NEW"), row("OLD"));
    conn.execute_batch(&format!(
        "CREATE TEMP TRIGGER IF NOT EXISTS \"digest_{q}_insert\" AFTER INSERT ON main.\"{q}\" BEGIN \
           SELECT thidua_row(1, '{q}', {new}); END;
         CREATE TEMP TRIGGER IF NOT EXISTS \"digest_{q}_update\" AFTER UPDATE ON main.\"{q}\" BEGIN \
           SELECT thidua_row(-1, '{q}', {old}), thidua_row(1, '{q}', {new}); END;
         CREATE TEMP TRIGGER IF NOT EXISTS \"digest_{q}_delete\" AFTER DELETE ON main.\"{q}\" BEGIN \
           SELECT thidua_row(-1, '{q}', {old}); END;"
    ))?;
    Ok(())
}

/// Drops the TEMP triggers of [`watch`] for one table: a bulk load does their work itself ([`super::load`]).
pub fn unwatch_table(conn: &Connection, t: &str) -> Result<()> {
    let q = quote(t);
    for op in OPS {
        conn.execute_batch(&format!("DROP TRIGGER IF EXISTS temp.\"digest_{q}_{op}\""))?;
    }
    Ok(())
}

/// The digest of every tracked table.
pub fn content(conn: &Connection) -> Result<Digests> {
    tracked_tables(conn)?.into_iter().map(|t| Ok((t.clone(), table_digest(conn, &t)?))).collect()
}

/// The content digests the last entry recorded, with its id (none in a file whose last entry has none).
pub fn recorded_content(conn: &Connection) -> Result<Option<(i64, Digests)>> {
    let last: Option<(i64, String)> = conn
        .query_row("SELECT id, digest FROM audit ORDER BY id DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(last.and_then(|(id, d)| serde_json::from_str(&d).ok().map(|d| (id, d))))
}

/// The tables whose rows differ from what the last entry recorded: a change another program made, whatever it
/// did to the triggers and counters. `now` is [`content`] as it stands.
pub fn content_problems(conn: &Connection, now: &Digests) -> Result<Vec<Msg>> {
    let Some((id, recorded)) = recorded_content(conn)? else { return Ok(Vec::new()) };
    let changed: Vec<String> = now
        .iter()
        .filter(|(t, d)| recorded.get(*t).is_some_and(|r| r != *d))
        .map(|(t, _)| format!("'{t}'"))
        .chain(recorded.keys().filter(|t| !now.contains_key(*t)).map(|t| format!("'{t}'")))
        .collect();
    if changed.is_empty() {
        return Ok(Vec::new());
    }
    Ok(vec![msg!(
        "the content of table {} is not what thidua recorded in audit entry #{} (changed by another program)",
        changed.join(", "),
        id
    )])
}

/// A fingerprint as a person may type it back: case, spaces and dashes do not count.
pub fn same_fingerprint(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_uppercase();
    norm(a) == norm(b)
}

pub fn entries(conn: &Connection) -> Result<Vec<Entry>> {
    let v = conn
        .prepare("SELECT id, at, user, command, changes, state, prev_hash, hash, digest FROM audit ORDER BY id")?
        .query_map([], |r| {
            Ok(Entry {
                id: r.get(0)?,
                at: r.get(1)?,
                user: r.get(2)?,
                command: r.get(3)?,
                changes: r.get(4)?,
                state: r.get(5)?,
                prev_hash: r.get(6)?,
                hash: r.get(7)?,
                digest: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// The OS user running the command: the login name the environment gives, else the name of the process's uid.
/// Who ran the command: the OS account of the real uid; `$USER` only as a note beside it when it says another
/// name (anyone can set it), cleaned of what would move text in the log.
fn os_user() -> String {
    let env = ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
        .map(|u| crate::text::clean(&u).chars().filter(|c| !c.is_control()).collect::<String>());
    match (uid_name(), env) {
        (Some(a), Some(e)) if a != e => format!("{a} (USER={e})"),
        (Some(a), _) => a,
        (None, Some(e)) => format!("{e} (USER)"),
        (None, None) => "unknown".into(),
    }
}

/// The name of the real uid, from /proc and /etc/passwd (Linux), without a C library binding.
fn uid_name() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status.lines().find_map(|l| l.strip_prefix("Uid:"))?.split_whitespace().next()?.to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let name = passwd.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        (f.len() > 2 && f[2] == uid).then(|| f[0].to_string())
    });
    Some(name.unwrap_or(format!("uid {uid}")))
}

/// The command line as typed, arguments with spaces quoted.
fn command_line() -> String {
    // args_os: an argument that is not valid Unicode is logged lossily, never a panic.
    std::env::args_os()
        .enumerate()
        .map(|(i, a)| {
            let a = if i == 0 { "thidua".to_string() } else { crate::text::clean(&a.to_string_lossy()) };
            if a.contains(char::is_whitespace) || a.is_empty() {
                format!("\"{}\"", a.replace('"', "\\\""))
            } else {
                a
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The counters as the last entry recorded them (none before the first entry).
pub fn last_state(conn: &Connection) -> Result<Counters> {
    let state: Option<String> =
        conn.query_row("SELECT state FROM audit ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).optional()?;
    Ok(state.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default())
}

/// The id the next entry will have.
pub fn next_id(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM audit", [], |r| r.get(0))?)
}

/// Appends the entry of the running command, when it changed anything since `before`. With `deltas` (the rows
/// the command wrote, [`watch`]) the digests are the last entry's moved by them; without, or when the last entry
/// has none (a file from before schema 3, `db accept`), every table is digested from its rows.
/// `leaves`: the header change counter the commit will leave ([`change_counter`] read as the transaction began, plus
/// one), when the caller knows it.
pub fn append(
    conn: &Connection,
    before: &Counters,
    deltas: Option<&Deltas>,
    leaves: Option<i64>,
) -> Result<Option<i64>> {
    let after = counters(conn)?;
    let changes = diff(&after, before);
    if changes.is_empty() {
        return Ok(None);
    }
    let recorded = match deltas {
        Some(_) => recorded_content(conn)?,
        None => None,
    };
    let digest = match (recorded, deltas) {
        (Some((_, mut d)), Some(deltas)) => {
            let moved = deltas.take();
            for t in tracked_tables(conn)? {
                match d.get(&t).and_then(|h| hex_lanes(h)) {
                    Some(mut l) => {
                        if let Some(m) = moved.get(&t) {
                            add_lanes(&mut l, m, 1);
                        }
                        d.insert(t, lanes_hex(&l));
                    }
                    None => {
                        let fresh = table_digest(conn, &t)?;
                        d.insert(t, fresh);
                    }
                }
            }
            d
        }
        _ => content(conn)?,
    };
    let last: Option<(i64, String, String)> = conn
        .query_row("SELECT id, hash, state FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let (id, prev) = last.map_or((1, GENESIS.to_string()), |(id, h, _)| (id + 1, h));
    let at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let (user, command) = (os_user(), command_line());
    let mut e = Entry {
        id,
        at,
        user,
        command,
        changes: serde_json::to_string(&changes).map_err(std::io::Error::from)?,
        state: serde_json::to_string(&after).map_err(std::io::Error::from)?,
        prev_hash: prev,
        hash: String::new(),
        digest: serde_json::to_string(&digest).map_err(std::io::Error::from)?,
    };
    e.hash = hash(&e, &e.prev_hash);
    conn.execute(
        "INSERT INTO audit (id, at, user, command, changes, state, prev_hash, hash, digest, leaves)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![e.id, e.at, e.user, e.command, e.changes, e.state, e.prev_hash, e.hash, e.digest, leaves],
    )?;
    Ok(Some(id))
}

/// The file change counter in the database header (offset 24, big-endian): SQLite moves it by one at every commit
/// that changed the file, whichever program made it (the journal is DELETE, never WAL, which would not). Read
/// through SQLite (`sqlite_dbpage`), never by opening the file beside it: closing a second descriptor of the file
/// would drop SQLite's POSIX locks on it. None where it cannot be read.
pub fn change_counter(conn: &Connection) -> Option<i64> {
    let head: Vec<u8> =
        conn.query_row("SELECT substr(data, 25, 4) FROM sqlite_dbpage WHERE pgno = 1", [], |r| r.get(0)).ok()?;
    let b: [u8; 4] = head.try_into().ok()?;
    Some(i64::from(u32::from_be_bytes(b)))
}

/// Whether nothing was committed to the file since the tool's last entry: the header's change counter is the one
/// that entry's commit left. Then the digests that entry recorded still hold, and an ordinary command need not
/// digest every table again to know it. A program that also put the counter back is found by `db check`, which
/// always digests the rows.
pub fn unchanged_since_last_entry(conn: &Connection) -> Result<bool> {
    let leaves: Option<i64> =
        conn.query_row("SELECT leaves FROM audit ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).optional()?.flatten();
    Ok(leaves.is_some() && leaves == change_counter(conn))
}

/// The entry `db accept` took the file as it is at (0: none). Read here rather than through `meta`, which reads the
/// chain itself: the log's own state stays in the log's module.
fn accepted_entry(conn: &Connection) -> Result<i64> {
    let v: Option<String> =
        conn.query_row("SELECT value FROM setting WHERE key = 'accepted_entry'", [], |r| r.get(0)).optional()?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Replays the chain: every hash, every entry's changes against the counters, and the counters now. Returns one
/// line per problem; the first broken hash is named.
pub fn verify(conn: &Connection) -> Result<Vec<Msg>> {
    // What `db accept` took as known and wanted: problems up to its entry are not reported again (the log keeps
    // the acceptance and its reason).
    let accepted = accepted_entry(conn)?;
    let mut problems: Vec<Msg> = Vec::new();
    let mut prev = GENESIS.to_string();
    let mut state = Counters::new();
    let mut chain_ok = true;
    for e in entries(conn)? {
        if chain_ok && e.id > accepted && (e.prev_hash != prev || !holds(&e, &prev)) {
            problems
                .push(msg!("audit log: entry #{} does not match its hash (edited or removed entries before it)", e.id));
            chain_ok = false;
        }
        prev = e.hash.clone();
        let changes: Counters = serde_json::from_str(&e.changes).unwrap_or_default();
        let recorded: Counters = serde_json::from_str(&e.state).unwrap_or_default();
        let expected = add(&state, &changes);
        if expected != recorded && e.id > accepted {
            problems.push(msg!(
                "rows changed outside thidua before audit entry #{}: {}",
                e.id,
                describe(&diff(&recorded, &expected))
            ));
        }
        state = recorded;
    }
    let now = counters(conn)?;
    if now != state {
        let d = diff(&now, &state);
        let last: Vec<crate::msg::Arg> = d
            .iter()
            .flat_map(|(t, ops)| ops.keys().map(move |op| (t.clone(), op.clone())))
            .filter_map(|(t, op)| {
                conn.query_row("SELECT last_rowid FROM change_count WHERE tbl = ?1 AND op = ?2", params![t, op], |r| {
                    r.get::<_, Option<i64>>(0)
                })
                .ok()
                .flatten()
                .map(|row| msg!("{} row {}", crate::msg::Arg::Table(t.clone()), row).into())
            })
            .collect();
        problems.push(if last.is_empty() {
            msg!("rows changed outside thidua after the last audit entry: {}", describe(&d))
        } else {
            msg!(
                "rows changed outside thidua after the last audit entry: {} (last: {})",
                describe(&d),
                crate::msg::Arg::List(last, ", ")
            )
        });
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::types::ValueRef;

    /// A row's digest is the SHA-256 of its bytes as the file format has them (the table's name, then each value's
    /// tag, its length for a text, its bytes): pinned here, since the stored digests of every file depend on it.
    #[test]
    fn a_rows_digest_is_the_sha256_of_its_bytes() {
        let long = "Nguyễn Thị Ánh ".repeat(60);
        for text in ["", "Trần Văn An", long.as_str()] {
            let values = [ValueRef::Integer(7), ValueRef::Null, ValueRef::Text(text.as_bytes()), ValueRef::Real(0.5)];
            let mut bytes = b"person".to_vec();
            bytes.extend([1]);
            bytes.extend(7i64.to_le_bytes());
            bytes.extend([0, 3]);
            bytes.extend((text.len() as u64).to_le_bytes());
            bytes.extend(text.as_bytes());
            bytes.extend([2]);
            bytes.extend(0.5f64.to_bits().to_le_bytes());
            let d = Sha256::digest(&bytes);
            let want: Vec<u64> = d.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap())).collect();
            assert_eq!(row_lanes("person", values.into_iter()).to_vec(), want, "{} bytes", text.len());
        }
    }
}
