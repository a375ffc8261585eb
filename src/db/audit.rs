//! The audit log and the change counters (issue 8: nothing may change unseen).
//!
//! Triggers on every table count row changes per table and kind into `change_count`; they are generated here
//! from the schema itself, so a table added later is covered without new code. Every write command appends one
//! `audit` entry in its own transaction: what it changed (the counters' difference) and the counters after it,
//! chained by a SHA-256 over the previous entry. A change made with another tool moves the counters with no entry
//! to account for it; `db check` finds it by replaying the chain. It costs one counter update per changed row and
//! two reads of a few dozen counter rows per command, whatever the size of the file.

use std::collections::BTreeMap;

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
pub fn describe(c: &Counters) -> String {
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
            format!("{t} {}", parts.join(" "))
        })
        .collect::<Vec<_>>()
        .join(", ")
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
}

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of an entry: SHA-256 over the previous hash and every field, one per line.
pub fn hash(prev: &str, id: i64, at: &str, user: &str, command: &str, changes: &str, state: &str) -> String {
    let mut h = Sha256::new();
    for part in [prev, &id.to_string(), at, user, command, changes, state] {
        h.update(part.as_bytes());
        h.update(b"\n");
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

pub fn entries(conn: &Connection) -> Result<Vec<Entry>> {
    let v = conn
        .prepare("SELECT id, at, user, command, changes, state, prev_hash, hash FROM audit ORDER BY id")?
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
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// The OS user running the command: the login name the environment gives, else the name of the process's uid.
fn os_user() -> String {
    for var in ["USER", "LOGNAME", "USERNAME"] {
        if let Ok(u) = std::env::var(var) {
            if !u.is_empty() {
                return u;
            }
        }
    }
    uid_name().unwrap_or_else(|| "unknown".into())
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

/// Appends the entry of the running command, when it changed anything since `before`.
pub fn append(conn: &Connection, before: &Counters) -> Result<Option<i64>> {
    let after = counters(conn)?;
    let changes = diff(&after, before);
    if changes.is_empty() {
        return Ok(None);
    }
    let last: Option<(i64, String, String)> = conn
        .query_row("SELECT id, hash, state FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let (id, prev) = last.map_or((1, GENESIS.to_string()), |(id, h, _)| (id + 1, h));
    let at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let (user, command) = (os_user(), command_line());
    let changes = serde_json::to_string(&changes).map_err(std::io::Error::from)?;
    let state = serde_json::to_string(&after).map_err(std::io::Error::from)?;
    let h = hash(&prev, id, &at, &user, &command, &changes, &state);
    conn.execute(
        "INSERT INTO audit (id, at, user, command, changes, state, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, at, user, command, changes, state, prev, h],
    )?;
    Ok(Some(id))
}

/// Replays the chain: every hash, every entry's changes against the counters, and the counters now. Returns one
/// line per problem; the first broken hash is named.
pub fn verify(conn: &Connection) -> Result<Vec<String>> {
    // What `db accept` took as known and wanted: problems up to its entry are not reported again (the log keeps
    // the acceptance and its reason).
    let accepted: i64 = super::meta::setting(conn, "accepted_entry")?.and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut problems = Vec::new();
    let mut prev = GENESIS.to_string();
    let mut state = Counters::new();
    let mut chain_ok = true;
    for e in entries(conn)? {
        if chain_ok
            && e.id > accepted
            && (e.prev_hash != prev || hash(&prev, e.id, &e.at, &e.user, &e.command, &e.changes, &e.state) != e.hash)
        {
            problems.push(format!(
                "audit log: entry #{} does not match its hash (edited or removed entries before it)",
                e.id
            ));
            chain_ok = false;
        }
        prev = e.hash.clone();
        let changes: Counters = serde_json::from_str(&e.changes).unwrap_or_default();
        let recorded: Counters = serde_json::from_str(&e.state).unwrap_or_default();
        let expected = add(&state, &changes);
        if expected != recorded && e.id > accepted {
            problems.push(format!(
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
        let last: Vec<String> = d
            .iter()
            .flat_map(|(t, ops)| ops.keys().map(move |op| (t.clone(), op.clone())))
            .filter_map(|(t, op)| {
                conn.query_row("SELECT last_rowid FROM change_count WHERE tbl = ?1 AND op = ?2", params![t, op], |r| {
                    r.get::<_, Option<i64>>(0)
                })
                .ok()
                .flatten()
                .map(|row| format!("{t} row {row}"))
            })
            .collect();
        problems.push(format!(
            "rows changed outside thidua after the last audit entry: {}{}",
            describe(&d),
            if last.is_empty() { String::new() } else { format!(" (last: {})", last.join(", ")) }
        ));
    }
    Ok(problems)
}
