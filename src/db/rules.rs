//! What the rules read from the file beyond the year's records: the parameters a province or bloc set, and the
//! secretary's confirmations of qualitative conditions.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::rules::Param;

/// The parameters set in this file: (parameter, value, source, date set).
pub fn params(conn: &Connection) -> Result<Vec<(Param, f64, String, NaiveDate)>> {
    let rows: Vec<(String, f64, String, NaiveDate)> = conn
        .prepare_cached("SELECT key, value, source, set_on FROM rule_param ORDER BY key")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // A key this version does not know (written by a newer one, or by hand) is left out, not misread.
    Ok(rows.into_iter().filter_map(|(k, v, s, d)| Param::from_id(&k).map(|p| (p, v, s, d))).collect())
}

pub fn set_param(conn: &Connection, p: Param, value: f64, source: &str, on: NaiveDate) -> Result<()> {
    conn.execute(
        "INSERT INTO rule_param (key, value, source, set_on) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, source = excluded.source, set_on = excluded.set_on",
        params![p.as_str(), value, source, on],
    )?;
    Ok(())
}

/// Removes a parameter so the default applies again; false when it was not set.
pub fn reset_param(conn: &Connection, p: Param) -> Result<bool> {
    Ok(conn.execute("DELETE FROM rule_param WHERE key = ?1", [p.as_str()])? > 0)
}

/// The note confirming a subject's qualitative conditions for a title and year.
pub fn confirmation(
    conn: &Connection,
    unit_id: Option<i64>,
    person_id: Option<i64>,
    catalog_id: i64,
    year: i32,
) -> Result<Option<String>> {
    let Some((col, id)) = super::awards::subject_column(unit_id, person_id) else { return Ok(None) };
    Ok(conn
        .prepare_cached(&format!("SELECT note FROM confirmation WHERE {col} = ?1 AND catalog_id = ?2 AND year = ?3"))?
        .query_row(params![id, catalog_id, year], |r| r.get(0))
        .optional()?)
}

/// Records (or replaces) a confirmation; `None` as the note withdraws it. Returns whether anything changed.
pub fn confirm(
    conn: &Connection,
    unit_id: Option<i64>,
    person_id: Option<i64>,
    catalog_id: i64,
    year: i32,
    note: Option<&str>,
    on: NaiveDate,
) -> Result<bool> {
    let Some((col, id)) = super::awards::subject_column(unit_id, person_id) else { return Ok(false) };
    let n = conn.execute(
        &format!("DELETE FROM confirmation WHERE {col} = ?1 AND catalog_id = ?2 AND year = ?3"),
        params![id, catalog_id, year],
    )?;
    match note {
        Some(note) => {
            conn.execute(
                "INSERT INTO confirmation (unit_id, person_id, catalog_id, year, note, on_date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![unit_id, person_id, catalog_id, year, note, on],
            )?;
            Ok(true)
        }
        None => Ok(n > 0),
    }
}
