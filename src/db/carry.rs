//! Carrying a bloc from one year's file to the next, and the history of achievements that goes with it.
//! The old file is opened read-only and only read.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use sha2::{Digest, Sha256};

use super::{meta, migrate, APPLICATION_ID};
use crate::error::{refused, Result};
use crate::model::{Basis, OriginKind, SubjectKind};
use crate::text::{fold_key, match_key};

/// An older file, opened read-only, with the SHA-256 of its bytes and its bloc.
pub struct Source {
    pub conn: Connection,
    pub sha256: String,
    pub bloc: meta::Bloc,
    pub name: String,
}

pub fn open_source(path: &Path) -> Result<Source> {
    // Hashed as it is read: a national file is hundreds of megabytes, never held in memory.
    let cannot = |e: std::io::Error| refused(msg!("cannot read '{}': {}", path.display(), e));
    // A year file is a regular file: a device would be hashed forever, a pipe would wait for a writer.
    if !std::fs::metadata(path).map_err(cannot)?.is_file() {
        return Err(refused(msg!("'{}' is not a regular file", path.display())));
    }
    let mut h = Sha256::new();
    std::io::copy(&mut std::fs::File::open(path).map_err(cannot)?, &mut h).map_err(cannot)?;
    let sha256 = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let not_ours = || refused(msg!("'{}' is not a thidua bloc-year file", path.display()));
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|_| not_ours())?;
    if app != APPLICATION_ID {
        return Err(not_ours());
    }
    let v = migrate::version(&conn)?;
    if v != migrate::VERSION {
        return Err(refused(msg!(
            "'{}' has schema version {}; open it once with this thidua to bring it to {}",
            path.display(),
            v,
            migrate::VERSION
        )));
    }
    let bloc = meta::bloc(&conn)?;
    // The queries of the tool read the older file as they read any file of it.
    super::shown_names(&conn, bloc.province.clone())?;
    Ok(Source { conn, sha256, bloc, name: path.display().to_string() })
}

pub fn record_origin(conn: &Connection, src: &Source, kind: OriginKind) -> Result<()> {
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    conn.execute(
        "INSERT INTO origin (file, year, sha256, kind, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![src.name, src.bloc.year, src.sha256, kind, now],
    )?;
    Ok(())
}

/// What `init --from` carried.
#[derive(Debug, Default)]
pub struct Carried {
    pub units: usize,
    pub people: usize,
    pub catalog: usize,
    pub settings: usize,
    pub criteria: usize,
    /// The facts that decide the next year too: ratings (chains read earlier years), initiatives not used by an
    /// with the awards and proposals they served, discipline and reviews still open, the rule parameters, the
    /// units' staff counts.
    pub ratings: usize,
    pub initiatives: usize,
    pub discipline: usize,
    pub params: usize,
}

/// Copies units (roles reset to member unless `keep_roles`), people, the user's own catalog entries, the bloc's
/// settings and the scoring criteria into a new file.
pub fn carry(old: &Connection, new: &Connection, keep_roles: bool) -> Result<Carried> {
    let ids = carry_units(old, new, keep_roles)?;
    let people = carry_people(old, new, &ids)?;
    carry_classes(old, new, &people)?;
    let next_year = meta::bloc(old)?.year + 1;
    Ok(Carried {
        units: ids.len(),
        people: people.len(),
        catalog: carry_catalog(old, new)?,
        settings: carry_settings(old, new)?,
        criteria: carry_criteria(old, new)?,
        ratings: carry_ratings(old, new, &ids, &people)?,
        initiatives: carry_initiatives(old, new, &people)?,
        discipline: carry_discipline(old, new, &ids, &people, next_year)?,
        params: carry_rest(old, new, &ids)?,
    })
}

/// Units with their tree; returns the new id of each old one. The leader rotates each year: top-level units start
/// as members unless the roles are kept.
fn carry_units(old: &Connection, new: &Connection, keep_roles: bool) -> Result<HashMap<i64, i64>> {
    let mut ids: HashMap<i64, i64> = HashMap::new();
    let mut parents: Vec<(i64, i64)> = Vec::new();
    let mut st = old.prepare(
        "SELECT id, code, name, name_key, name_fold, short, short_fold, parent_id, role, sector, note, sort_order, female_share
         FROM unit ORDER BY id",
    )?;
    let mut rows = st.query([])?;
    let mut ins = new.prepare(
        "INSERT INTO unit (code, name, name_key, name_fold, short, short_fold, role, sector, note, sort_order, female_share)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    while let Some(r) = rows.next()? {
        let role: Option<String> = r.get(8)?;
        let parent: Option<i64> = r.get(7)?;
        let role = match (parent, keep_roles) {
            (Some(_), _) => None,
            (None, true) => role,
            (None, false) => Some("member".to_string()),
        };
        ins.execute(params![
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Option<String>>(6)?,
            role,
            r.get::<_, Option<String>>(9)?,
            r.get::<_, Option<String>>(10)?,
            r.get::<_, Option<i64>>(11)?,
            r.get::<_, Option<f64>>(12)?,
        ])?;
        let old_id: i64 = r.get(0)?;
        ids.insert(old_id, new.last_insert_rowid());
        if let Some(p) = parent {
            parents.push((old_id, p));
        }
    }
    for (child, parent) in parents {
        if let (Some(cid), Some(pid)) = (ids.get(&child), ids.get(&parent)) {
            new.execute("UPDATE unit SET parent_id = ?2 WHERE id = ?1", params![cid, pid])?;
        }
    }
    Ok(ids)
}

/// People, each into the new id of their unit; returns the new id of each old one.
/// The new number of each person carried, by the old: a list in the old numbers' order (they are read in it), half
/// the memory of a map and none of its doubling as it grows (a million people: 16 MB, against 48 MB at a resize).
#[derive(Default)]
struct People(Vec<(i64, i64)>);

impl People {
    fn insert(&mut self, old: i64, new: i64) {
        debug_assert!(self.0.last().is_none_or(|(o, _)| *o < old));
        self.0.push((old, new));
    }

    fn get(&self, old: &i64) -> Option<&i64> {
        self.0.binary_search_by_key(old, |(o, _)| *o).ok().map(|i| &self.0[i].1)
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

fn carry_people(old: &Connection, new: &Connection, ids: &HashMap<i64, i64>) -> Result<People> {
    use super::people::COLUMNS;
    use rusqlite::types::{Value, ValueRef};
    // The new file's table is empty: filled as a load, its indexes by name and unit built after its rows, many rows
    // a statement (a million people, one at a time into three indexes at random keys: 6.7 s).
    super::load::fill_new(new, "person", &["person_name", "person_unit"], || {
        let mut people = People::default();
        let mut st = old.prepare(&format!("SELECT {}, id FROM person ORDER BY id", COLUMNS.join(", ")))?;
        let mut rows = st.query([])?;
        let mut ins = super::load::Many::new(new, "person", &COLUMNS)?;
        let mut batch: Vec<Value> = Vec::with_capacity(super::load::MANY * COLUMNS.len());
        let mut old_ids: Vec<i64> = Vec::with_capacity(super::load::MANY);
        let mut flush = |batch: &mut Vec<Value>, old_ids: &mut Vec<i64>| -> Result<()> {
            let values: Vec<ValueRef> = batch.iter().map(ValueRef::from).collect();
            for (old_id, new_id) in old_ids.iter().zip(ins.insert(&values)?) {
                if let Some(id) = new_id? {
                    people.insert(*old_id, id);
                }
            }
            batch.clear();
            old_ids.clear();
            Ok(())
        };
        while let Some(r) = rows.next()? {
            let Some(unit) = ids.get(&r.get::<_, i64>(0)?) else { continue };
            batch.push(Value::Integer(*unit));
            for i in 1..COLUMNS.len() {
                batch.push(r.get(i)?);
            }
            old_ids.push(r.get(COLUMNS.len())?);
            if old_ids.len() == super::load::MANY {
                flush(&mut batch, &mut old_ids)?;
            }
        }
        flush(&mut batch, &mut old_ids)?;
        Ok(people)
    })
}

/// The position classes the secretary set, for the people carried (a file older than version 18 has none).
fn carry_classes(old: &Connection, new: &Connection, people: &People) -> Result<()> {
    let has: bool = old.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'person_class'",
        [],
        |r| r.get(0),
    )?;
    if !has {
        return Ok(());
    }
    let mut st = old.prepare("SELECT person_id, class FROM person_class")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(p) = people.get(&r.get::<_, i64>(0)?) {
            super::people::set_class(new, *p, Some(r.get(1)?))?;
        }
    }
    Ok(())
}

/// The new id of an old unit or person reference; None when the row's subject was not carried.
fn subject_of(
    units: &HashMap<i64, i64>,
    people: &People,
    unit: Option<i64>,
    person: Option<i64>,
) -> Option<(Option<i64>, Option<i64>)> {
    match (unit, person) {
        (Some(u), None) => Some((Some(*units.get(&u)?), None)),
        (None, Some(p)) => Some((None, Some(*people.get(&p)?))),
        _ => None,
    }
}

/// Every rating, of any year: the chains of the next year read them. Filled as a load, as the people are: one
/// INSERT at a time, each firing the audit trigger under a statement journal, a million ratings took 7 s.
fn carry_ratings(old: &Connection, new: &Connection, units: &HashMap<i64, i64>, people: &People) -> Result<usize> {
    use rusqlite::types::{Value, ValueRef};
    const COLUMNS: [&str; 9] = ["unit_id", "person_id", "org", "year", "level", "doc", "doc_date", "issuer", "note"];
    // The old file's ratings hold its unique indexes: building them after the rows cannot fail.
    super::load::fill_new(new, "rating", &["rating_unit_once", "rating_person_once"], || {
        let mut st = old.prepare(&format!("SELECT {} FROM rating ORDER BY id", COLUMNS.join(", ")))?;
        let mut rows = st.query([])?;
        let mut ins = super::load::Many::new(new, "rating", &COLUMNS)?;
        let mut batch: Vec<Value> = Vec::with_capacity(super::load::MANY * COLUMNS.len());
        let mut n = 0;
        let mut flush = |batch: &mut Vec<Value>| -> Result<usize> {
            let values: Vec<ValueRef> = batch.iter().map(ValueRef::from).collect();
            let mut written = 0;
            for r in ins.insert(&values)? {
                written += usize::from(r?.is_some());
            }
            batch.clear();
            Ok(written)
        };
        while let Some(r) = rows.next()? {
            let Some((u, p)) = subject_of(units, people, r.get(0)?, r.get(1)?) else { continue };
            batch.extend([Value::from(u), Value::from(p)]);
            for i in 2..COLUMNS.len() {
                batch.push(r.get(i)?);
            }
            if batch.len() == super::load::MANY * COLUMNS.len() {
                n += flush(&mut batch)?;
            }
        }
        n += flush(&mut batch)?;
        Ok(n)
    })
}

/// Initiatives no award or proposal has used: an initiative serves one proposal (CV 5007/BNV-TĐKT), so a used one
/// is spent and stays in its year's file with what it served.
fn carry_initiatives(old: &Connection, new: &Connection, people: &People) -> Result<usize> {
    let year = meta::bloc(old)?.year;
    let list: Vec<(i64, Vec<rusqlite::types::Value>)> = old
        .prepare("SELECT id, title, kind, scope, body, decision, decided_on, year, note FROM initiative ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, (1..9).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, v) in &list {
        new.execute(
            "INSERT INTO initiative (title, kind, scope, body, decision, decided_on, year, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params_from_iter(v.iter()),
        )?;
        let nid = new.last_insert_rowid();
        let authors: Vec<(Option<i64>, String)> = old
            .prepare("SELECT person_id, name FROM initiative_author WHERE initiative_id = ?1 ORDER BY id")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (p, name) in authors {
            new.execute(
                "INSERT INTO initiative_author (initiative_id, person_id, name) VALUES (?1, ?2, ?3)",
                params![nid, p.and_then(|p| people.get(&p).copied()), name],
            )?;
        }
        // What it served there (an award, a proposal that stood) and what it had brought from further back.
        let uses: Vec<(String, i64, Option<String>, i64)> = old
            .prepare(
                "SELECT c.code, a.year_to, d.number, ?2 FROM initiative_use x JOIN award a ON a.id = x.award_id
                 JOIN catalog c ON c.id = a.catalog_id LEFT JOIN decision d ON d.id = a.decision_id
                 WHERE x.initiative_id = ?1
                 UNION ALL
                 SELECT c.code, ?2, NULL, ?2 FROM proposal_initiative pi JOIN proposal_item i ON i.id = pi.item_id
                 JOIN catalog c ON c.id = i.catalog_id JOIN proposal p ON p.id = i.proposal_id
                 WHERE pi.initiative_id = ?1 AND p.status <> 'withdrawn' AND i.outcome IS NOT 'refused'
                   AND i.award_id IS NULL
                 UNION ALL
                 SELECT code, year, decision, source_year FROM initiative_use_carried WHERE initiative_id = ?1",
            )?
            .query_map(params![id, year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (code, y, decision, from) in uses {
            new.execute(
                "INSERT INTO initiative_use_carried (initiative_id, code, year, decision, source_year)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![nid, code, y, decision, from],
            )?;
        }
    }
    Ok(list.len())
}

/// Discipline and reviews still in force when the next year begins.
fn carry_discipline(
    old: &Connection,
    new: &Connection,
    units: &HashMap<i64, i64>,
    people: &People,
    next_year: i32,
) -> Result<usize> {
    let mut n = 0;
    let mut st = old.prepare(
        "SELECT unit_id, person_id, form, decision, start_on, end_on, note FROM discipline
         WHERE end_on IS NULL OR end_on >= ?1 || '-01-01' ORDER BY id",
    )?;
    let mut rows = st.query([next_year])?;
    while let Some(r) = rows.next()? {
        let Some((u, p)) = subject_of(units, people, r.get(0)?, r.get(1)?) else { continue };
        let v: Vec<rusqlite::types::Value> = (2..7).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
        let head = [rusqlite::types::Value::from(u), rusqlite::types::Value::from(p)];
        new.execute(
            "INSERT INTO discipline (unit_id, person_id, form, decision, start_on, end_on, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params_from_iter(head.into_iter().chain(v)),
        )?;
        n += 1;
    }
    Ok(n)
}

/// The rule parameters the province or bloc set (they stand until changed), the units' staff counts as a starting
/// point, and the units that ended. Returns the number of parameters.
fn carry_rest(old: &Connection, new: &Connection, units: &HashMap<i64, i64>) -> Result<usize> {
    let params: Vec<(String, f64, String, String)> = old
        .prepare("SELECT key, value, source, set_on FROM rule_param ORDER BY key")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (k, v, s, d) in &params {
        new.execute(
            "INSERT INTO rule_param (key, value, source, set_on) VALUES (?1, ?2, ?3, ?4)",
            params![k, v, s, d],
        )?;
    }
    let staff: Vec<(i64, super::units::Staff)> = old
        .prepare("SELECT unit_id, staff, women, party, function FROM unit_staff")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                super::units::Staff { staff: r.get(1)?, women: r.get(2)?, party: r.get(3)?, function: r.get(4)? },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (u, s) in staff {
        if let Some(u) = units.get(&u) {
            super::units::set_staff(new, *u, &s)?;
        }
    }
    // A unit that merged or was dissolved stays so: next year's ranking leaves it out, its history stays its own.
    let mut st = old.prepare("SELECT unit_id, successor_id, how, on_date, decision FROM unit_end ORDER BY unit_id")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let Some(u) = units.get(&r.get::<_, i64>(0)?) else { continue };
        // A unit merged into one that was not carried has no successor here: it stays out.
        let successor = match r.get::<_, Option<i64>>(1)? {
            Some(s) => match units.get(&s) {
                Some(s) => Some(*s),
                None => continue,
            },
            None => None,
        };
        new.execute(
            "INSERT INTO unit_end (unit_id, how, on_date, successor_id, decision) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![u, r.get::<_, String>(2)?, r.get::<_, String>(3)?, successor, r.get::<_, Option<String>>(4)?],
        )?;
    }
    Ok(params.len())
}

/// The titles and forms the bloc added to the catalog (the seeded ones are in every new file already).
fn carry_catalog(old: &Connection, new: &Connection) -> Result<usize> {
    let mut n = 0;
    let mut st = old.prepare(
        "SELECT code, name, name_fold, category, individual, collective, household, level, decided_by, legal_ref, cash
         FROM catalog WHERE local = 1 ORDER BY id",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let v: Vec<rusqlite::types::Value> = (0..11).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
        new.execute(
            "INSERT OR IGNORE INTO catalog (code, name, name_fold, category, individual, collective, household, level, decided_by, legal_ref, cash, local)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1)",
            rusqlite::params_from_iter(v),
        )?;
        n += 1;
    }
    Ok(n)
}

/// The bloc's settings, but not the old year's seal.
fn carry_settings(old: &Connection, new: &Connection) -> Result<usize> {
    let mut n = 0;
    for (k, v) in meta::settings(old)? {
        if !k.starts_with("sealed_") {
            meta::set_setting(new, &k, &v)?;
            n += 1;
        }
    }
    // The blanks' layouts as the secretary measured them on her printer (a file older than version 19 has none).
    let has: bool = old.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'cert_layout'",
        [],
        |r| r.get(0),
    )?;
    if has {
        let mut st = old.prepare("SELECT blank, field, x, y, w, h, size, on_blank FROM cert_layout")?;
        let mut rows = st.query([])?;
        let mut ins = new.prepare(
            "INSERT INTO cert_layout (blank, field, x, y, w, h, size, on_blank) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        while let Some(r) = rows.next()? {
            let v: Vec<rusqlite::types::Value> = (0..8).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
            ins.execute(rusqlite::params_from_iter(v))?;
            n += 1;
        }
    }
    Ok(n)
}

/// The scoring table: its groups and criteria (the points stay with their year).
fn carry_criteria(old: &Connection, new: &Connection) -> Result<usize> {
    let groups: Vec<(String, Option<String>)> = old
        .prepare("SELECT code, name FROM criterion_group")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (code, name) in groups {
        new.execute("INSERT INTO criterion_group (code, name) VALUES (?1, ?2)", params![code, name])?;
    }
    let criteria: Vec<(String, String, String, f64, String)> = old
        .prepare("SELECT code, grp, name, max, kind FROM criterion ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let n = criteria.len();
    for (code, grp, name, max, kind) in criteria {
        new.execute(
            "INSERT INTO criterion (code, grp, name, max, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![code, grp, name, max, kind],
        )?;
    }
    Ok(n)
}

/// One achievement as a file records it.
#[derive(Debug, Clone, PartialEq)]
pub struct Achievement {
    pub subject: SubjectKind,
    pub unit_code: String,
    pub person_name: Option<String>,
    pub person_code: Option<String>,
    pub code: String,
    pub name: String,
    pub recipient: String,
    pub year_from: i64,
    pub year_to: i64,
    pub basis: Option<Basis>,
    pub decision: Option<String>,
    pub decision_date: Option<String>,
    pub issuer: Option<String>,
    pub reason: Option<String>,
    pub source_year: i64,
    /// Its number in the history (none for this file's own awards).
    pub history_id: Option<i64>,
    /// The decision that revoked it, if one did.
    pub revoked: Option<String>,
}

impl Achievement {
    /// What makes one achievement one, whichever file it comes through.
    pub fn key(&self) -> String {
        let who = match (&self.person_code, &self.person_name) {
            (Some(c), _) => format!("staff:{}", c.to_lowercase()),
            (None, Some(n)) => format!("name:{}:{}", match_key(n), self.unit_code.to_lowercase()),
            (None, None) => format!("unit:{}", self.unit_code.to_lowercase()),
        };
        let issuer = self.issuer.as_deref().map(fold_key).unwrap_or_default();
        format!(
            "{who}|{}|{}-{}|{}|{issuer}",
            self.code.to_lowercase(),
            self.year_from,
            self.year_to,
            self.decision.as_deref().unwrap_or("")
        )
    }
}

/// An achievement from a row of 15 columns in [`Achievement`]'s field order: every query below selects that.
fn achievement_row(r: &rusqlite::Row) -> rusqlite::Result<Achievement> {
    Ok(Achievement {
        subject: r.get(0)?,
        unit_code: r.get(1)?,
        person_name: r.get(2)?,
        person_code: r.get(3)?,
        code: r.get(4)?,
        name: r.get(5)?,
        recipient: r.get(6)?,
        year_from: r.get(7)?,
        year_to: r.get(8)?,
        basis: r.get(9)?,
        decision: r.get(10)?,
        decision_date: r.get(11)?,
        issuer: r.get(12)?,
        reason: r.get(13)?,
        source_year: r.get(14)?,
        history_id: None,
        revoked: None,
    })
}

/// Takes every achievement an older file knows into this file's history: its awards, its achieved registrations
/// without an award, and the history it had carried itself. Each is read and added in turn (a national file has
/// hundreds of thousands; none is held in memory). Returns (added, skipped as already there).
pub fn take_history(old: &Connection, new: &Connection) -> Result<(usize, usize)> {
    let year: i64 = meta::bloc(old)?.year.into();
    let (mut added, mut skipped) = (0, 0);
    for sql in [
        "SELECT CASE WHEN a.unit_id IS NULL THEN 'individual' ELSE 'collective' END, u.code, p.full_name, p.staff_code,
                c.code, c.name, a.recipient, a.year_from, a.year_to, a.basis, d.number, d.issued_on, d.issuer, a.reason, ?1
         FROM award a JOIN catalog c ON c.id = a.catalog_id
         LEFT JOIN person p ON p.id = a.person_id JOIN unit u ON u.id = coalesce(a.unit_id, p.unit_id)
         LEFT JOIN decision d ON d.id = a.decision_id
         WHERE a.id NOT IN (SELECT award_id FROM revocation) ORDER BY a.id",
        "SELECT CASE WHEN r.unit_id IS NULL THEN 'individual' ELSE 'collective' END, u.code, p.full_name, p.staff_code,
                c.code, c.name, coalesce(p.full_name, u.name), ?1, ?1, 'merit', NULL, NULL, NULL, r.result_note, ?1
         FROM registration r JOIN catalog c ON c.id = r.catalog_id
         LEFT JOIN person p ON p.id = r.person_id JOIN unit u ON u.id = coalesce(r.unit_id, p.unit_id)
         WHERE r.status = 'achieved' AND r.award_id IS NULL ORDER BY r.id",
        "SELECT subject, unit_code, person_name, person_code, code, name, recipient, year_from, year_to, basis, decision,
                decision_date, issuer, reason, source_year
         FROM history ORDER BY year_to, year_from, decision_date, id",
    ] {
        let mut st = old.prepare(sql)?;
        let mut rows = if st.parameter_count() == 1 { st.query([year])? } else { st.query([])? };
        while let Some(r) = rows.next()? {
            if add_one(new, &achievement_row(r)?)? {
                added += 1;
            } else {
                skipped += 1;
            }
        }
    }
    Ok((added, skipped))
}

/// [`take_history`] into a file being made (`init --from`): filled as a load, as its people are (one INSERT at a
/// time, each firing the audit trigger under a statement journal, 250,000 awards took 2 s more). Returns how many
/// achievements it took.
pub fn carry_history(old: &Connection, new: &Connection) -> Result<usize> {
    super::load::fill_new(new, "history", &["history_unit", "history_person"], || take_history(old, new))
        .map(|(added, _)| added)
}

/// Takes the revocations an older file knows of achievements this file's history holds: its revoked awards and the
/// revocations of its own history. One recorded already is left. Returns how many were taken.
pub fn take_revocations(old: &Connection, new: &Connection) -> Result<usize> {
    let year: i64 = meta::bloc(old)?.year.into();
    let mut taken = 0;
    for sql in [
        "SELECT CASE WHEN a.unit_id IS NULL THEN 'individual' ELSE 'collective' END, u.code, p.full_name, p.staff_code,
                c.code, c.name, a.recipient, a.year_from, a.year_to, a.basis, d.number, d.issued_on, d.issuer, a.reason, ?1,
                v.decision, v.revoked_on, v.reason, ?1
         FROM award a JOIN revocation v ON v.award_id = a.id JOIN catalog c ON c.id = a.catalog_id
         LEFT JOIN person p ON p.id = a.person_id JOIN unit u ON u.id = coalesce(a.unit_id, p.unit_id)
         LEFT JOIN decision d ON d.id = a.decision_id ORDER BY a.id",
        "SELECT h.subject, h.unit_code, h.person_name, h.person_code, h.code, h.name, h.recipient, h.year_from, h.year_to,
                h.basis, h.decision, h.decision_date, h.issuer, h.reason, h.source_year,
                v.decision, v.revoked_on, v.reason, coalesce(v.source_year, ?1)
         FROM history h JOIN history_revocation v ON v.history_id = h.id ORDER BY h.id",
    ] {
        let mut st = old.prepare(sql)?;
        let mut rows = st.query([year])?;
        while let Some(r) = rows.next()? {
            let key = achievement_row(r)?.key();
            let here: Option<i64> = new
                .prepare_cached(
                    "SELECT h.id FROM history h WHERE h.key = ?1
                       AND NOT EXISTS (SELECT 1 FROM history_revocation v WHERE v.history_id = h.id)",
                )?
                .query_row([&key], |r| r.get(0))
                .optional()?;
            if let Some(id) = here {
                let (decision, on, reason, from): (String, String, String, i64) =
                    (r.get(15)?, r.get(16)?, r.get(17)?, r.get(18)?);
                new.execute(
                    "INSERT INTO history_revocation (history_id, decision, revoked_on, reason, source_year)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, decision, on, reason, from],
                )?;
                taken += 1;
            }
        }
    }
    Ok(taken)
}

/// Records the revocation of a carried achievement (Law 06/2022/QH15 Art 93), by its number in `history list`.
pub fn revoke(
    conn: &Connection,
    history_id: i64,
    decision: &str,
    on: chrono::NaiveDate,
    reason: &str,
) -> Result<String> {
    let what: Option<(String, String, i64, i64)> = conn
        .query_row("SELECT recipient, code, year_from, year_to FROM history WHERE id = ?1", [history_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let (recipient, code, from, to) = what.ok_or_else(|| {
        crate::error::refused_hint(
            msg!("no achievement #{} in the history", history_id),
            "`thidua history list` shows the numbers",
        )
    })?;
    let before: Option<String> = conn
        .query_row("SELECT decision FROM history_revocation WHERE history_id = ?1", [history_id], |r| r.get(0))
        .optional()?;
    if let Some(d) = before {
        return Err(refused(msg!("achievement #{} was revoked already by {}", history_id, d)));
    }
    conn.execute(
        "INSERT INTO history_revocation (history_id, decision, revoked_on, reason) VALUES (?1, ?2, ?3, ?4)",
        params![history_id, decision, on, reason],
    )?;
    Ok(format!("{recipient} — {code} {}", crate::text::format_period(from, to)))
}

/// What `history list` narrows to.
#[derive(Debug, Default)]
pub struct Filter {
    pub unit_id: Option<i64>,
    pub person_id: Option<i64>,
    pub code: Option<String>,
}

/// The history this file holds, by achievement year.
pub fn history(conn: &Connection, f: &Filter) -> Result<Vec<Achievement>> {
    let v = conn
        .prepare_cached(
            "WITH RECURSIVE sub(id) AS (SELECT ?1 WHERE ?1 IS NOT NULL UNION SELECT unit.id FROM unit JOIN sub ON unit.parent_id = sub.id)
             SELECT h.subject, h.unit_code, h.person_name, h.person_code, h.code, shown_name(h.code, h.name), h.recipient, h.year_from, h.year_to,
                    h.basis, h.decision, h.decision_date, h.issuer, h.reason, h.source_year, h.id, v.decision
             FROM history h LEFT JOIN person p ON p.id = h.person_id
             LEFT JOIN history_revocation v ON v.history_id = h.id
             WHERE (?1 IS NULL OR h.unit_id IN (SELECT id FROM sub) OR p.unit_id IN (SELECT id FROM sub))
               AND (?2 IS NULL OR h.person_id = ?2) AND (?3 IS NULL OR h.code = ?3 COLLATE NOCASE)
             ORDER BY h.year_to, h.year_from, h.decision_date, h.id",
        )?
        .query_map(params![f.unit_id, f.person_id, f.code], |r| {
            Ok(Achievement { history_id: r.get(15)?, revoked: r.get(16)?, ..achievement_row(r)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// The subject of an achievement in this file: the unit by code; the person by staff code, else by name in the
/// unit, else by a name only one person has (someone who moved unit).
fn subject(conn: &Connection, a: &Achievement) -> Result<(Option<i64>, Option<i64>)> {
    let unit: Option<i64> = conn
        .prepare_cached("SELECT id FROM unit WHERE code = ?1")?
        .query_row([&a.unit_code], |r| r.get(0))
        .optional()?;
    if a.subject == SubjectKind::Collective {
        return Ok((unit, None));
    }
    if let Some(c) = &a.person_code {
        if let Some(id) = conn
            .prepare_cached("SELECT id FROM person WHERE staff_code = ?1")?
            .query_row([c], |r| r.get(0))
            .optional()?
        {
            return Ok((None, Some(id)));
        }
    }
    let Some(name) = &a.person_name else { return Ok((None, None)) };
    let key = match_key(name);
    if let Some(u) = unit {
        let in_unit: Vec<i64> = conn
            .prepare_cached("SELECT id FROM person WHERE unit_id = ?1 AND name_key = ?2")?
            .query_map(params![u, key], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if let [id] = in_unit[..] {
            return Ok((None, Some(id)));
        }
    }
    let anywhere: Vec<i64> = conn
        .prepare_cached("SELECT id FROM person WHERE name_fold = ?2 AND name_key = ?1")?
        .query_map(params![key, fold_key(name)], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok((None, if let [id] = anywhere[..] { Some(id) } else { None }))
}

/// Adds one achievement to this file's history, unless one with its key is there already (then false).
fn add_one(conn: &Connection, a: &Achievement) -> Result<bool> {
    let key = a.key();
    let exists: bool =
        conn.prepare_cached("SELECT count(*) FROM history WHERE key = ?1")?.query_row([&key], |r| r.get(0))?;
    if exists {
        return Ok(false);
    }
    let (unit_id, person_id) = subject(conn, a)?;
    conn.prepare_cached(
        "INSERT INTO history (unit_id, person_id, subject, unit_code, person_name, person_code, code, name, recipient,
                                  year_from, year_to, basis, decision, decision_date, issuer, reason, source_year, key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?
    .execute(params![
        unit_id,
        person_id,
        a.subject,
        a.unit_code,
        a.person_name,
        a.person_code,
        a.code,
        a.name,
        a.recipient,
        a.year_from,
        a.year_to,
        a.basis,
        a.decision,
        a.decision_date,
        a.issuer,
        a.reason,
        a.source_year,
        key
    ])?;
    Ok(true)
}

/// The files this one came from or took history from: file, year, SHA-256, kind.
pub fn origins(conn: &Connection) -> Result<Vec<(String, i64, String, OriginKind)>> {
    let v = conn
        .prepare_cached("SELECT file, year, sha256, kind FROM origin ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}
