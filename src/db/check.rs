//! `db check`: SQLite's own checks, the schema against thidua's, the domain's rules, and the audit chain. Each
//! problem is one line; none means the file holds.

use crate::msg::Msg;
use std::collections::BTreeMap;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::{audit, migrate, APPLICATION_ID};
use crate::error::Result;

/// Every problem of the file, one line each.
pub fn run(conn: &Connection) -> Result<Vec<Msg>> {
    let mut p: Vec<Msg> = Vec::new();
    let integrity: Vec<String> =
        conn.prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if integrity != ["ok"] {
        p.extend(integrity.into_iter().map(|l| msg!("integrity: {}", format!("“{l}”"))));
        // A damaged file: the other checks would read garbage.
        return Ok(p);
    }
    let mut st = conn.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")?;
    for r in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, String>(2)?)))? {
        let (t, row, parent) = r?;
        p.push(msg!("foreign key: {} row {} refers to a {} that is not there", t, row.unwrap_or(0), parent));
    }
    p.extend(header(conn)?);
    p.extend(schema(conn)?);
    p.extend(domain(conn)?);
    p.extend(papers(conn)?);
    p.extend(audit::verify(conn)?);
    p.extend(audit::content_problems(conn, &audit::content(conn)?)?);
    Ok(p)
}

/// The problems of a page-for-page copy (`db backup`) of a file nothing touched since the tool's last entry (its
/// counters as logged, its header's change counter the one that entry's commit left): the copy's pages checked
/// (`PRAGMA quick_check`), its header, schema and log; the content digests its log records are the original's,
/// copied with its pages. A file that does not meet that has the whole [`run`] on its copy.
pub fn copy(copy: &Connection, original_untouched: bool) -> Result<Vec<Msg>> {
    if !original_untouched {
        return run(copy);
    }
    let mut p: Vec<Msg> = Vec::new();
    let quick: Vec<String> =
        copy.prepare("PRAGMA quick_check")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if quick != ["ok"] {
        p.extend(quick.into_iter().map(|l| msg!("integrity: {}", format!("“{l}”"))));
        return Ok(p);
    }
    p.extend(header(copy)?);
    p.extend(schema(copy)?);
    p.extend(audit::verify(copy)?);
    Ok(p)
}

/// The file's header: thidua's application id, this binary's schema version.
fn header(conn: &Connection) -> Result<Vec<Msg>> {
    let mut p: Vec<Msg> = Vec::new();
    let (app, version): (i32, i64) = (
        conn.pragma_query_value(None, "application_id", |r| r.get(0))?,
        conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
    );
    if app != APPLICATION_ID {
        p.push(msg!("application_id is {}, not thidua's {}", format!("{:#x}", app), format!("{:#x}", APPLICATION_ID)));
    }
    if version != migrate::VERSION {
        p.push(msg!("schema version is {}, this thidua writes {}", version, migrate::VERSION));
    }
    Ok(p)
}

/// Files up to this size have their content digested before every write (a bloc's file is well under a megabyte;
/// at 64 MiB a digest takes about 0.2 s). Larger ones, at national scale, leave it to `db check`: their writes
/// keep the digest from the rows they touch, so an earlier change behind the tool's back stays visible to it.
const DIGEST_BEFORE_WRITE_BYTES: i64 = 64 << 20;

/// What must hold before the tool writes again: the file is thidua's at this schema version, its schema is
/// thidua's, it has its bloc row, its log and counters agree with the audit chain, and (up to
/// [`DIGEST_BEFORE_WRITE_BYTES`]) every table holds what the last entry recorded. A file up to
/// [`QUICK_CHECK_BYTES`] has every page checked too (`PRAGMA quick_check`, a few milliseconds at a bloc's size): a
/// damaged page no write would touch still refuses the write. Larger files leave that to `db check`, and SQLite
/// reports a damaged page when a command meets it.
pub fn before_write(conn: &Connection) -> Result<Vec<Msg>> {
    let mut p: Vec<Msg> = Vec::new();
    if file_bytes(conn)? <= QUICK_CHECK_BYTES {
        let quick: Vec<String> =
            conn.prepare("PRAGMA quick_check")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        if quick != ["ok"] {
            p.extend(quick.into_iter().take(3).map(|l| msg!("integrity: {}", format!("“{l}”"))));
            return Ok(p);
        }
    }
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app != APPLICATION_ID {
        p.push(msg!("application_id is {}, not thidua's {}", format!("{:#x}", app), format!("{:#x}", APPLICATION_ID)));
    }
    p.extend(schema(conn)?);
    if super::meta::bloc(conn).is_err() {
        p.push(msg!("the file has no bloc row (table bloc)"));
    }
    p.extend(audit::verify(conn)?);
    if digest_each_time(conn)? && !audit::unchanged_since_last_entry(conn)? {
        p.extend(audit::content_problems(conn, &audit::content(conn)?)?);
    }
    Ok(p)
}

/// Whether the file is small enough to have its content digested on every command ([`DIGEST_BEFORE_WRITE_BYTES`]).
pub fn digest_each_time(conn: &Connection) -> Result<bool> {
    Ok(file_bytes(conn)? <= DIGEST_BEFORE_WRITE_BYTES)
}

/// Files up to this size have every page checked before a write.
const QUICK_CHECK_BYTES: i64 = 16 << 20;

fn file_bytes(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size", [], |r| r.get(0))?)
}

fn objects(conn: &Connection) -> Result<BTreeMap<(String, String), String>> {
    let v = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")?
        .query_map([], |r| Ok(((r.get::<_, String>(0)?, r.get::<_, String>(1)?), r.get::<_, String>(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// SQL text with its spacing set aside: runs of blanks are one, and none is kept beside `(`, `)` or `,` (a column
/// added by a migration is stored as `…, col …)`, with spacing of its own).
fn squeeze(sql: &str) -> String {
    let one = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one.len());
    let mut chars = one.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && (out.ends_with(['(', ')', ',']) || chars.peek().is_some_and(|n| matches!(n, '(' | ')' | ','))) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The file's tables, indexes and triggers against a fresh copy of thidua's schema: a dropped trigger or index,
/// an altered table, an object another tool added.
fn schema(conn: &Connection) -> Result<Vec<Msg>> {
    let fresh = Connection::open_in_memory()?;
    let tx = fresh.unchecked_transaction()?;
    migrate::apply_schema(&tx)?;
    let want = objects(&tx)?;
    let have = objects(conn)?;
    let mut p: Vec<Msg> = Vec::new();
    for ((kind, name), sql) in &want {
        match have.get(&(kind.clone(), name.clone())) {
            None => p.push(msg!("schema: {} {} is missing", kind, name)),
            Some(s) if squeeze(s) != squeeze(sql) => p.push(msg!("schema: {} {} differs from thidua's", kind, name)),
            Some(_) => {}
        }
    }
    for (kind, name) in have.keys() {
        if !want.contains_key(&(kind.clone(), name.clone())) {
            p.push(msg!("schema: {} {} is not thidua's", kind, name));
        }
    }
    Ok(p)
}

/// The domain's rules that a hand edit could break: (what is wrong, the query listing the offending rows).
pub(crate) const RULES: &[(&str, &str)] = &[
    (
        "more than one leader unit: {}",
        "SELECT group_concat(code, ', ') FROM (SELECT code FROM unit WHERE role = 'leader' ORDER BY code) HAVING count(*) > 1",
    ),
    ("a sub-unit holds a bloc role: {}", "SELECT code FROM unit WHERE parent_id IS NOT NULL AND role IS NOT NULL"),
    (
        // Each unit's ancestors, each pair once (UNION), so the walk ends on a loop too.
        "a unit is its own ancestor (a loop of parent units): {}",
        "WITH RECURSIVE up(start, id) AS (SELECT id, parent_id FROM unit WHERE parent_id IS NOT NULL
           UNION SELECT up.start, u.parent_id FROM up JOIN unit u ON u.id = up.id WHERE u.parent_id IS NOT NULL)
         SELECT code FROM unit WHERE id IN (SELECT start FROM up WHERE id = start) ORDER BY code",
    ),
    (
        "a registration's subject does not fit its title: {}",
        "SELECT r.id FROM registration r JOIN catalog c ON c.id = r.catalog_id
         WHERE (r.unit_id IS NOT NULL AND c.collective = 0) OR (r.person_id IS NOT NULL AND c.individual = 0)",
    ),
    (
        "an award's recipient does not fit what it confers: {}",
        "SELECT a.id FROM award a JOIN catalog c ON c.id = a.catalog_id
         WHERE (a.unit_id IS NOT NULL AND c.collective = 0) OR (a.person_id IS NOT NULL AND c.individual = 0)",
    ),
    ("an award whose decision is missing: {}", "SELECT a.id FROM award a WHERE a.decision_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.id = a.decision_id)"),
    (
        "an achieved registration points at a missing or different award: {}",
        "SELECT r.id FROM registration r LEFT JOIN award a ON a.id = r.award_id
         WHERE r.award_id IS NOT NULL AND (a.id IS NULL OR a.catalog_id <> r.catalog_id OR a.unit_id IS NOT r.unit_id OR a.person_id IS NOT r.person_id)",
    ),
    ("a target without a pledge: {}", "SELECT t.id FROM pledge_target t WHERE NOT EXISTS (SELECT 1 FROM pledge g WHERE g.id = t.pledge_id)"),
    (
        "progress recorded before the pledge was signed: {}",
        "SELECT pp.id FROM pledge_progress pp JOIN pledge_target t ON t.id = pp.target_id JOIN pledge g ON g.id = t.pledge_id WHERE pp.as_of < g.signed_on",
    ),
    (
        "a score above its criterion's maximum: {}",
        "SELECT s.id FROM score s JOIN criterion c ON c.id = s.criterion_id WHERE s.self > c.max OR s.assessed > c.max",
    ),
    ("a pledge for a campaign that closed before it was signed: {}", "SELECT g.id FROM pledge g JOIN campaign k ON k.id = g.campaign_id WHERE k.closed_on < g.signed_on"),
    (
        "a ballot with more votes than members present: {}",
        "SELECT v.id FROM council_vote v JOIN council_session s ON s.id = v.session_id
         WHERE v.yes + v.no > s.present OR v.written_yes > s.written",
    ),
    (
        "a candidate linked to an award of another subject: {}",
        "SELECT i.id FROM proposal_item i JOIN award a ON a.id = i.award_id
         WHERE (i.person_id IS NOT NULL AND a.person_id IS NOT i.person_id)
            OR (i.unit_id IS NOT NULL AND a.unit_id IS NOT i.unit_id)",
    ),
];

/// The dossier's papers against the size and SHA-256 recorded when they were attached: a paper replaced behind the
/// tool's back is found even when its row was rewritten whole (the content digest catches that too, but not which).
fn papers(conn: &Connection) -> Result<Vec<Msg>> {
    let Ok(mut st) = conn.prepare("SELECT id, size, sha256, content FROM proposal_doc ORDER BY id") else {
        return Ok(Vec::new());
    };
    let mut bad = Vec::new();
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let (id, size, sha): (i64, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let content = r.get_ref(3)?.as_blob().unwrap_or_default();
        if super::audit::sha256_hex(content) != sha || content.len() as i64 != size {
            bad.push(format!("#{id}"));
        }
    }
    Ok(if bad.is_empty() {
        Vec::new()
    } else {
        vec![msg!("a dossier paper whose content is not what was attached: {}", bad.join(", "))]
    })
}

fn domain(conn: &Connection) -> Result<Vec<Msg>> {
    let mut p: Vec<Msg> = Vec::new();
    for (what, sql) in RULES {
        let rows: Vec<String> = match conn.prepare(sql) {
            Ok(mut st) => st
                .query_map([], |r| r.get::<_, rusqlite::types::Value>(0))?
                .filter_map(|v| v.ok())
                .map(|v| match v {
                    rusqlite::types::Value::Integer(i) => format!("#{i}"),
                    rusqlite::types::Value::Text(t) => t,
                    other => format!("{other:?}"),
                })
                .collect(),
            // A table the rule reads is gone: the schema check has said so already.
            Err(_) => continue,
        };
        if !rows.is_empty() {
            p.push(Msg::new(what, vec![crate::msg::Arg::Text(rows.join(", "))]));
        }
    }
    Ok(p)
}

/// The file's fingerprint: its bloc and year, the digest of every table recomputed from the rows, and the head of
/// the audit chain, as 24 hex digits in groups of four to write in the paper register when the year is sealed.
/// Another file, or this one changed in any row or entry, has another fingerprint. (Here rather than in `audit`:
/// which tables it counts is the schema's versions' business.)
pub fn fingerprint(conn: &Connection) -> Result<String> {
    let (bloc, year): (String, i64) =
        conn.query_row("SELECT name, year FROM bloc", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
    // The head recomputed from every entry (not the stored one): no entry can change, accepted or not, and keep it.
    let head = audit::recomputed_head(conn)?;
    let mut h = Sha256::new();
    for part in ["thidua fingerprint 1", &bloc, &year.to_string(), &head] {
        h.update(part.as_bytes());
        h.update(b"\n");
    }
    for (t, d) in audit::content(conn)? {
        // A table added after version 10 counts once it holds a row: a sealed file migrated to a version that
        // adds an empty table keeps the fingerprint written on paper.
        if migrate::version_of_table(&t) > 10 && d.bytes().all(|b| b == b'0') {
            continue;
        }
        h.update(format!("{t} {d}\n").as_bytes());
    }
    let digits: String = h.finalize()[..12].iter().map(|b| format!("{b:02X}")).collect();
    Ok(digits.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-"))
}
