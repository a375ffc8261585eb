//! Pledges ("giao ước thi đua"), their targets and the progress recorded against them.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::units::BLOC_ORDER;
use crate::error::{refused, refused_hint, Result};
use crate::model::{Outcome, Pledge, Target};
use crate::text::{fold_key, format_date};

const SELECT: &str = "SELECT g.id, g.unit_id, u.code, u.name, g.campaign_id, k.code, g.signed_on, g.place, g.note
                      FROM pledge g JOIN unit u ON u.id = g.unit_id JOIN campaign k ON k.id = g.campaign_id";

fn row(r: &Row) -> rusqlite::Result<Pledge> {
    Ok(Pledge {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        unit_code: r.get(2)?,
        unit_name: r.get(3)?,
        campaign_id: r.get(4)?,
        campaign: r.get(5)?,
        signed_on: r.get(6)?,
        place: r.get(7)?,
        note: r.get(8)?,
    })
}

pub fn get(conn: &Connection, unit_id: i64, campaign_id: i64) -> Result<Option<Pledge>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE g.unit_id = ?1 AND g.campaign_id = ?2"))?
        .query_row([unit_id, campaign_id], row)
        .optional()?)
}

/// The signed pledges of a campaign, units in bloc order.
pub fn list(conn: &Connection, campaign_id: i64) -> Result<Vec<Pledge>> {
    let v = conn
        .prepare_cached(&format!("{SELECT} WHERE g.campaign_id = ?1 ORDER BY {BLOC_ORDER}"))?
        .query_map([campaign_id], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Signs a unit's pledge; a second signature for the same campaign is refused, naming the first.
pub fn sign(conn: &Connection, unit_id: i64, campaign_id: i64, on: NaiveDate, place: Option<&str>) -> Result<i64> {
    if let Some(p) = get(conn, unit_id, campaign_id)? {
        return Err(refused(msg!(
            "{} already signed the pledge of {} on {}",
            p.unit_code,
            p.campaign,
            format_date(p.signed_on)
        )));
    }
    conn.prepare_cached("INSERT INTO pledge (unit_id, campaign_id, signed_on, place) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![unit_id, campaign_id, on, place])?;
    Ok(conn.last_insert_rowid())
}

const TARGETS: &str = "SELECT t.id, t.pledge_id, u.code, t.text, t.measure, t.target, t.at_most, t.due, t.note,
                              pp.value, pp.met, pp.as_of
                       FROM pledge_target t
                       JOIN pledge g ON g.id = t.pledge_id
                       JOIN unit u ON u.id = g.unit_id
                       LEFT JOIN pledge_progress pp ON pp.id = (
                           SELECT id FROM pledge_progress WHERE target_id = t.id AND as_of <= ?1
                           ORDER BY as_of DESC LIMIT 1)";

fn target_row(r: &Row) -> rusqlite::Result<Target> {
    Ok(Target {
        id: r.get(0)?,
        pledge_id: r.get(1)?,
        unit_code: r.get(2)?,
        text: r.get(3)?,
        measure: r.get(4)?,
        target: r.get(5)?,
        at_most: r.get(6)?,
        due: r.get(7)?,
        note: r.get(8)?,
        actual: r.get(9)?,
        met_flag: r.get(10)?,
        as_of: r.get(11)?,
    })
}

/// A pledge's targets with their latest progress at `as_of`.
pub fn targets(conn: &Connection, pledge_id: i64, as_of: NaiveDate) -> Result<Vec<Target>> {
    let v = conn
        .prepare_cached(&format!("{TARGETS} WHERE t.pledge_id = ?2 ORDER BY t.id"))?
        .query_map(params![as_of, pledge_id], target_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// One target (its latest progress at `as_of`) and the date its pledge was signed.
pub fn target(conn: &Connection, id: i64, as_of: NaiveDate) -> Result<(Target, NaiveDate)> {
    let t = conn
        .prepare_cached(&format!("{TARGETS} WHERE t.id = ?2"))?
        .query_row(params![as_of, id], target_row)
        .optional()?
        .ok_or_else(|| {
            refused_hint(
                msg!("no pledge target #{}", id),
                "`thidua pledge show UNIT` lists the targets with their numbers",
            )
        })?;
    let signed: NaiveDate =
        conn.query_row("SELECT signed_on FROM pledge WHERE id = ?1", [t.pledge_id], |r| r.get(0))?;
    Ok((t, signed))
}

/// A target to add to a pledge.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTarget {
    pub text: String,
    pub measure: Option<String>,
    pub target: Option<f64>,
    pub at_most: bool,
    pub due: Option<NaiveDate>,
    pub note: Option<String>,
}

pub fn find_target(conn: &Connection, pledge_id: i64, text: &str) -> Result<Option<(i64, NewTarget)>> {
    Ok(conn
        .prepare_cached("SELECT id, text, measure, target, at_most, due, note FROM pledge_target WHERE pledge_id = ?1 AND text_fold = ?2")?
        .query_row(params![pledge_id, fold_key(text)], |r| {
            Ok((
                r.get(0)?,
                NewTarget { text: r.get(1)?, measure: r.get(2)?, target: r.get(3)?, at_most: r.get(4)?, due: r.get(5)?, note: r.get(6)? },
            ))
        })
        .optional()?)
}

/// Adds a target to a pledge, or updates the one with the same text; a second `add` of the same text is refused
/// by the caller before this.
pub fn upsert_target(conn: &Connection, pledge_id: i64, t: &NewTarget) -> Result<(i64, Outcome)> {
    match find_target(conn, pledge_id, &t.text)? {
        Some((id, old)) if old == *t => Ok((id, Outcome::Unchanged)),
        Some((id, _)) => {
            conn.prepare_cached("UPDATE pledge_target SET text = ?2, measure = ?3, target = ?4, at_most = ?5, due = ?6, note = ?7 WHERE id = ?1")?
                .execute(params![id, t.text, t.measure, t.target, t.at_most, t.due, t.note])?;
            Ok((id, Outcome::Updated))
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO pledge_target (pledge_id, text, text_fold, measure, target, at_most, due, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                pledge_id,
                t.text,
                fold_key(&t.text),
                t.measure,
                t.target,
                t.at_most,
                t.due,
                t.note
            ])?;
            Ok((conn.last_insert_rowid(), Outcome::Inserted))
        }
    }
}

/// Records an actual value (or met flag) of a target at a date; the same date again replaces it.
pub fn record(
    conn: &Connection,
    target_id: i64,
    as_of: NaiveDate,
    value: Option<f64>,
    met: Option<bool>,
    note: Option<&str>,
) -> Result<Outcome> {
    let old: Option<(Option<f64>, Option<bool>, Option<String>)> = conn
        .prepare_cached("SELECT value, met, note FROM pledge_progress WHERE target_id = ?1 AND as_of = ?2")?
        .query_row(params![target_id, as_of], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    match old {
        Some(o) if o == (value, met, note.map(str::to_string)) => Ok(Outcome::Unchanged),
        Some(_) => {
            conn.prepare_cached(
                "UPDATE pledge_progress SET value = ?3, met = ?4, note = ?5 WHERE target_id = ?1 AND as_of = ?2",
            )?
            .execute(params![target_id, as_of, value, met, note])?;
            Ok(Outcome::Updated)
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO pledge_progress (target_id, as_of, value, met, note) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![target_id, as_of, value, met, note])?;
            Ok(Outcome::Inserted)
        }
    }
}

/// A target as stored, to correct it: its pledge and its fields.
pub fn stored_target(conn: &Connection, id: i64) -> Result<(i64, NewTarget)> {
    conn.prepare_cached("SELECT pledge_id, text, measure, target, at_most, due, note FROM pledge_target WHERE id = ?1")?
        .query_row([id], |r| {
            Ok((
                r.get(0)?,
                NewTarget {
                    text: r.get(1)?,
                    measure: r.get(2)?,
                    target: r.get(3)?,
                    at_most: r.get(4)?,
                    due: r.get(5)?,
                    note: r.get(6)?,
                },
            ))
        })
        .optional()?
        .ok_or_else(|| {
            refused_hint(
                msg!("no pledge target #{}", id),
                "`thidua pledge show UNIT` lists the targets with their numbers",
            )
        })
}

/// Writes a corrected target. Another target of the same pledge with the same text is refused.
pub fn update_target(conn: &Connection, id: i64, t: &NewTarget) -> Result<()> {
    let (pledge_id, _) = stored_target(conn, id)?;
    if let Some((other, _)) = find_target(conn, pledge_id, &t.text)?.filter(|(o, _)| *o != id) {
        return Err(refused(msg!("the pledge has this target already: #{}", other)));
    }
    conn.execute(
        "UPDATE pledge_target SET text = ?2, text_fold = ?3, measure = ?4, target = ?5, at_most = ?6, due = ?7,
                                  note = ?8
         WHERE id = ?1",
        params![id, t.text, fold_key(&t.text), t.measure, t.target, t.at_most, t.due, t.note],
    )?;
    Ok(())
}

/// Removes a target typed in error with its figures; how many figures went with it.
pub fn remove_target(conn: &Connection, id: i64) -> Result<usize> {
    stored_target(conn, id)?;
    let figures = conn.execute("DELETE FROM pledge_progress WHERE target_id = ?1", [id])?;
    conn.execute("DELETE FROM pledge_target WHERE id = ?1", [id])?;
    Ok(figures)
}

/// Removes the figure of a target at a date.
pub fn remove_progress(conn: &Connection, target_id: i64, as_of: NaiveDate) -> Result<()> {
    let n =
        conn.execute("DELETE FROM pledge_progress WHERE target_id = ?1 AND as_of = ?2", params![target_id, as_of])?;
    if n == 0 {
        return Err(refused(msg!("target #{} has no figure as of {}", target_id, format_date(as_of))));
    }
    Ok(())
}

/// Removes a pledge signed in error with its targets and their figures: (targets, figures).
pub fn remove(conn: &Connection, pledge_id: i64) -> Result<(usize, usize)> {
    let figures = conn.execute(
        "DELETE FROM pledge_progress WHERE target_id IN (SELECT id FROM pledge_target WHERE pledge_id = ?1)",
        [pledge_id],
    )?;
    let targets = conn.execute("DELETE FROM pledge_target WHERE pledge_id = ?1", [pledge_id])?;
    conn.execute("DELETE FROM pledge WHERE id = ?1", [pledge_id])?;
    Ok((targets, figures))
}
