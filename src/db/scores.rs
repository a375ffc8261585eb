//! The scoring of member units: criteria and their groups, self and assessed points, exclusions, the lock.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{refused, refused_hint, Result};
use crate::model::{Criterion, Outcome, Score};
use crate::text::nearest;

const CRITERIA: &str = "SELECT c.id, c.code, c.grp, g.name, c.name, c.max, c.kind FROM criterion c
                        JOIN criterion_group g ON g.code = c.grp";

fn criterion_row(r: &rusqlite::Row) -> rusqlite::Result<Criterion> {
    Ok(Criterion {
        id: r.get(0)?,
        code: r.get(1)?,
        group: r.get(2)?,
        group_name: r.get(3)?,
        name: r.get(4)?,
        max: r.get(5)?,
        kind: r.get(6)?,
    })
}

/// Criteria by group, then in the order they were added.
pub fn criteria(conn: &Connection) -> Result<Vec<Criterion>> {
    let v = conn
        .prepare_cached(&format!("{CRITERIA} ORDER BY c.grp, c.id"))?
        .query_map([], criterion_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// A criterion by its code (any case); an unknown one is refused with the nearest codes.
pub fn criterion(conn: &Connection, code: &str) -> Result<Criterion> {
    let c = code.trim();
    if let Some(x) =
        conn.prepare_cached(&format!("{CRITERIA} WHERE c.code = ?1"))?.query_row([c], criterion_row).optional()?
    {
        return Ok(x);
    }
    let all = criteria(conn)?;
    let near = nearest(c, all.iter().map(|x| x.code.as_str()), 5);
    Err(refused_hint(
        msg!("no criterion '{}'", c),
        if all.is_empty() {
            msg!("the file has no scoring criteria yet: `thidua score criteria add` or `import`")
        } else if near.is_empty() {
            msg!("see `thidua score criteria list`")
        } else {
            msg!("did you mean {}?", near.join(", "))
        },
    ))
}

/// Removes a criterion with the points given on it, and its group when no criterion is left in it; how many
/// points went.
pub fn remove_criterion(conn: &Connection, c: &Criterion) -> Result<usize> {
    let points = conn.execute("DELETE FROM score WHERE criterion_id = ?1", [c.id])?;
    conn.execute("DELETE FROM criterion WHERE id = ?1", [c.id])?;
    conn.execute(
        "DELETE FROM criterion_group WHERE code = ?1 AND NOT EXISTS (SELECT 1 FROM criterion WHERE grp = ?1)",
        [&c.group],
    )?;
    Ok(points)
}

/// Adds a criterion, or updates the one with its code; the group is created (or renamed) on the way.
pub fn upsert_criterion(conn: &Connection, c: &Criterion) -> Result<Outcome> {
    let group_changed = match conn
        .prepare_cached("SELECT name FROM criterion_group WHERE code = ?1")?
        .query_row([&c.group], |r| r.get::<_, Option<String>>(0))
        .optional()?
    {
        None => {
            conn.execute("INSERT INTO criterion_group (code, name) VALUES (?1, ?2)", params![c.group, c.group_name])?;
            true
        }
        Some(old) if c.group_name.is_some() && old != c.group_name => {
            conn.execute("UPDATE criterion_group SET name = ?2 WHERE code = ?1", params![c.group, c.group_name])?;
            true
        }
        Some(_) => false,
    };
    let old = conn
        .prepare_cached(&format!("{CRITERIA} WHERE c.code = ?1"))?
        .query_row([&c.code], criterion_row)
        .optional()?;
    match old {
        None => {
            conn.prepare_cached("INSERT INTO criterion (code, grp, name, max, kind) VALUES (?1, ?2, ?3, ?4, ?5)")?
                .execute(params![c.code, c.group, c.name, c.max, c.kind])?;
            Ok(Outcome::Inserted)
        }
        Some(o)
            if (o.group.as_str(), o.name.as_str(), o.max, o.kind.as_str())
                == (c.group.as_str(), c.name.as_str(), c.max, c.kind.as_str()) =>
        {
            Ok(if group_changed { Outcome::Updated } else { Outcome::Unchanged })
        }
        Some(o) => {
            let over: i64 = conn.query_row(
                "SELECT count(*) FROM score WHERE criterion_id = ?1 AND (self > ?2 OR assessed > ?2)",
                params![o.id, c.max],
                |r| r.get(0),
            )?;
            if over > 0 {
                return Err(refused(msg!("criterion {}: {} scores are above the new maximum {}", c.code, over, c.max)));
            }
            conn.prepare_cached(
                "UPDATE criterion SET code = ?2, grp = ?3, name = ?4, max = ?5, kind = ?6 WHERE id = ?1",
            )?
            .execute(params![o.id, c.code, c.group, c.name, c.max, c.kind])?;
            Ok(Outcome::Updated)
        }
    }
}

/// Every score of the file.
pub fn scores(conn: &Connection) -> Result<Vec<Score>> {
    let v = conn
        .prepare_cached("SELECT unit_id, criterion_id, self, assessed, evidence, note FROM score")?
        .query_map([], |r| {
            Ok(Score {
                unit_id: r.get(0)?,
                criterion_id: r.get(1)?,
                self_points: r.get(2)?,
                assessed: r.get(3)?,
                evidence: r.get(4)?,
                note: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn score(conn: &Connection, unit_id: i64, criterion_id: i64) -> Result<Option<Score>> {
    Ok(conn
        .prepare_cached("SELECT unit_id, criterion_id, self, assessed, evidence, note FROM score WHERE unit_id = ?1 AND criterion_id = ?2")?
        .query_row([unit_id, criterion_id], |r| {
            Ok(Score { unit_id: r.get(0)?, criterion_id: r.get(1)?, self_points: r.get(2)?, assessed: r.get(3)?, evidence: r.get(4)?, note: r.get(5)? })
        })
        .optional()?)
}

/// Writes a unit's score on a criterion (points checked against the maximum by the caller).
pub fn set(conn: &Connection, s: &Score) -> Result<Outcome> {
    match score(conn, s.unit_id, s.criterion_id)? {
        Some(old) if old == *s => Ok(Outcome::Unchanged),
        Some(_) => {
            conn.prepare_cached("UPDATE score SET self = ?3, assessed = ?4, evidence = ?5, note = ?6 WHERE unit_id = ?1 AND criterion_id = ?2")?
                .execute(params![s.unit_id, s.criterion_id, s.self_points, s.assessed, s.evidence, s.note])?;
            Ok(Outcome::Updated)
        }
        None => {
            conn.prepare_cached("INSERT INTO score (unit_id, criterion_id, self, assessed, evidence, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?
                .execute(params![s.unit_id, s.criterion_id, s.self_points, s.assessed, s.evidence, s.note])?;
            Ok(Outcome::Inserted)
        }
    }
}

/// Units kept out of the proposals: unit id and reason.
pub fn exclusions(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let v = conn
        .prepare_cached("SELECT unit_id, reason FROM score_exclusion")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn exclude(conn: &Connection, unit_id: i64, reason: &str) -> Result<()> {
    conn.execute("INSERT INTO score_exclusion (unit_id, reason) VALUES (?1, ?2) ON CONFLICT (unit_id) DO UPDATE SET reason = excluded.reason", params![unit_id, reason])?;
    Ok(())
}

pub fn include(conn: &Connection, unit_id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM score_exclusion WHERE unit_id = ?1", [unit_id])? > 0)
}

/// The last lock or unlock: action, when, reason.
pub fn last_event(conn: &Connection) -> Result<Option<(String, String, Option<String>)>> {
    Ok(conn
        .prepare_cached("SELECT action, at, reason FROM score_event ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// When the scores were locked, if they are.
/// When the scores were locked, in local time as people read it, if they are.
pub fn locked(conn: &Connection) -> Result<Option<String>> {
    Ok(last_event(conn)?.filter(|e| e.0 == "lock").map(|e| crate::text::format_timestamp(&e.1)))
}

/// Refuses a change to the scores while they are locked.
pub fn check_unlocked(conn: &Connection) -> Result<()> {
    match locked(conn)? {
        Some(at) => {
            Err(refused_hint(msg!("the scores were locked at {}", at), "`thidua score unlock --reason …` first"))
        }
        None => Ok(()),
    }
}

pub fn record_event(conn: &Connection, action: &str, reason: Option<&str>) -> Result<()> {
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    conn.execute("INSERT INTO score_event (action, at, reason) VALUES (?1, ?2, ?3)", params![action, now, reason])?;
    Ok(())
}

/// Only the bloc's member units are scored and ranked; a sub-unit's points would count nowhere.
pub fn check_member(u: &crate::model::Unit) -> Result<()> {
    match (&u.parent_code, &u.role) {
        (Some(p), _) => Err(refused_hint(
            msg!("{} is a sub-unit of {}: only member units of the bloc are scored", u.code, p),
            msg!("score its member unit: `thidua score set {} …`", p),
        )),
        (None, None) => Err(refused(msg!("{} is not a member of the bloc: only member units are scored", u.code))),
        _ => Ok(()),
    }
}

/// Refuses points above the criterion's maximum or below zero, naming both.
pub fn check_points(c: &Criterion, what: &str, x: Option<f64>) -> Result<()> {
    match x {
        Some(p) if p < 0.0 && what == "self" => Err(refused(msg!("self points {} on {} are negative", p, c.code))),
        Some(p) if p < 0.0 => Err(refused(msg!("assessed points {} on {} are negative", p, c.code))),
        Some(p) if p > c.max && what == "self" => {
            Err(refused(msg!("self points {} on {} are above its maximum {}", p, c.code, c.max)))
        }
        Some(p) if p > c.max => {
            Err(refused(msg!("assessed points {} on {} are above its maximum {}", p, c.code, c.max)))
        }
        _ => Ok(()),
    }
}
