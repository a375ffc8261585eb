//! Discipline and pending reviews of people and units, with their periods (Decree 152/2025 Art 4.4).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{refused, Result};
use crate::model::DisciplineForm;
use crate::rules::Discipline;

#[derive(Debug, Clone, PartialEq)]
pub struct NewDiscipline {
    pub unit_id: Option<i64>,
    pub person_id: Option<i64>,
    pub form: DisciplineForm,
    pub decision: Option<String>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub note: Option<String>,
}

/// A record as listed, with its subject.
#[derive(Debug, Clone, PartialEq)]
pub struct DisciplineRow {
    pub unit_code: String,
    pub name: String,
    pub person: bool,
    pub d: Discipline,
    pub note: Option<String>,
}

pub fn insert(conn: &Connection, n: &NewDiscipline) -> Result<i64> {
    conn.execute(
        "INSERT INTO discipline (unit_id, person_id, form, decision, start_on, end_on, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![n.unit_id, n.person_id, n.form, n.decision, n.start, n.end, n.note],
    )?;
    Ok(conn.last_insert_rowid())
}

const SELECT: &str = "SELECT u.code, coalesce(p.full_name, u.name), d.person_id IS NOT NULL, d.id, d.form, d.decision,
                             d.start_on, d.end_on, d.note
                      FROM discipline d LEFT JOIN person p ON p.id = d.person_id
                      JOIN unit u ON u.id = coalesce(d.unit_id, p.unit_id)";

fn row(r: &rusqlite::Row) -> rusqlite::Result<DisciplineRow> {
    Ok(DisciplineRow {
        unit_code: r.get(0)?,
        name: r.get(1)?,
        person: r.get(2)?,
        d: Discipline { id: r.get(3)?, form: r.get(4)?, decision: r.get(5)?, start: r.get(6)?, end: r.get(7)? },
        note: r.get(8)?,
    })
}

/// Every record, by start date; narrowed to a unit (and its people, sub-units included) or a person.
pub fn list(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Vec<DisciplineRow>> {
    let v = conn
        .prepare(&format!(
            "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT c.id FROM unit c JOIN sub ON c.parent_id = sub.id)
             {SELECT} WHERE (?1 IS NULL OR u.id IN (SELECT id FROM sub)) AND (?2 IS NULL OR d.person_id = ?2)
             ORDER BY d.start_on, d.id"
        ))?
        .query_map(params![unit_id, person_id], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn get(conn: &Connection, id: i64) -> Result<DisciplineRow> {
    conn.query_row(&format!("{SELECT} WHERE d.id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| refused(msg!("no discipline or review #{}", id)))
}

/// Ends a period: the discipline's term is over, or the review closed.
pub fn end(conn: &Connection, id: i64, on: NaiveDate, note: Option<&str>) -> Result<()> {
    let d = get(conn, id)?;
    if let Some(e) = d.d.end {
        return Err(refused(msg!("#{} already ended on {}", id, crate::text::format_date(e))));
    }
    if on < d.d.start {
        return Err(refused(msg!(
            "#{} began on {}: it cannot end on {}",
            id,
            crate::text::format_date(d.d.start),
            crate::text::format_date(on)
        )));
    }
    conn.execute("UPDATE discipline SET end_on = ?2, note = coalesce(?3, note) WHERE id = ?1", params![id, on, note])?;
    Ok(())
}

/// A record as stored, its subject by id (what a correction keeps).
pub fn record(conn: &Connection, id: i64) -> Result<NewDiscipline> {
    conn.query_row(
        "SELECT unit_id, person_id, form, decision, start_on, end_on, note FROM discipline WHERE id = ?1",
        [id],
        |r| {
            Ok(NewDiscipline {
                unit_id: r.get(0)?,
                person_id: r.get(1)?,
                form: r.get(2)?,
                decision: r.get(3)?,
                start: r.get(4)?,
                end: r.get(5)?,
                note: r.get(6)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| refused(msg!("no discipline or review #{}", id)))
}

/// Writes a corrected record.
pub fn update(conn: &Connection, id: i64, n: &NewDiscipline) -> Result<()> {
    conn.execute(
        "UPDATE discipline SET form = ?2, decision = ?3, start_on = ?4, end_on = ?5, note = ?6 WHERE id = ?1",
        params![id, n.form, n.decision, n.start, n.end, n.note],
    )?;
    Ok(())
}

/// Removes a record typed in error (a discipline that was lifted stays, ended: `end`). Nothing refers to it.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    get(conn, id)?;
    conn.execute("DELETE FROM discipline WHERE id = ?1", [id])?;
    Ok(())
}

/// The record of the same form and decision for the same subject already kept, if any: the same decision typed
/// twice would count twice in every verdict.
pub fn same(conn: &Connection, n: &NewDiscipline) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM discipline WHERE unit_id IS ?1 AND person_id IS ?2 AND form = ?3
               AND (decision IS ?4 OR (decision IS NULL AND start_on = ?5)) ORDER BY id LIMIT 1",
            params![n.unit_id, n.person_id, n.form, n.decision, n.start],
            |r| r.get(0),
        )
        .optional()?)
}

/// One subject's records: what the eligibility check reads.
pub fn of(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Vec<Discipline>> {
    let Some((col, id)) = super::awards::subject_column(unit_id, person_id) else { return Ok(Vec::new()) };
    let v = conn
        .prepare_cached(&format!(
            "SELECT id, form, decision, start_on, end_on FROM discipline WHERE {col} = ?1 ORDER BY start_on"
        ))?
        .query_map([id], |r| {
            Ok(Discipline { id: r.get(0)?, form: r.get(1)?, decision: r.get(2)?, start: r.get(3)?, end: r.get(4)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// The people of a unit disciplined at warning or above during a year.
pub fn warned_people(conn: &Connection, unit_id: i64, year: i32) -> Result<std::collections::HashSet<i64>> {
    let v = conn
        .prepare_cached(
            "SELECT d.person_id FROM discipline d JOIN person p ON p.id = d.person_id
             WHERE p.unit_id = ?1 AND d.form IN ('warning', 'demotion', 'dismissal', 'removal')
               AND d.start_on <= ?2 || '-12-31' AND (d.end_on IS NULL OR d.end_on >= ?2 || '-01-01')",
        )?
        .query_map(params![unit_id, year], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}
