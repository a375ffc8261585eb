//! Award decisions, keyed by issuer + year + number (docs/domain.md §5.7).

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{refused, refused_hint, Result};
use crate::model::Decision;
use crate::text::{doc_number, fold_key, format_date};

const SELECT: &str = "SELECT d.id, d.number, d.issued_on, d.issuer, d.signer, d.summary, d.note,
                             (SELECT count(*) FROM award a WHERE a.decision_id = d.id)
                      FROM decision d";

fn row(r: &Row) -> rusqlite::Result<Decision> {
    Ok(Decision {
        id: r.get(0)?,
        number: r.get(1)?,
        issued_on: r.get(2)?,
        issuer: r.get(3)?,
        signer: r.get(4)?,
        summary: r.get(5)?,
        note: r.get(6)?,
        awards: r.get(7)?,
    })
}

/// The decision register in date order.
pub fn list(conn: &Connection) -> Result<Vec<Decision>> {
    let v = conn
        .prepare_cached(&format!("{SELECT} ORDER BY d.issued_on, d.issuer, CAST(d.number AS INTEGER), d.number"))?
        .query_map([], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn get(conn: &Connection, id: i64) -> Result<Decision> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE d.id = ?1"))?.query_row([id], row)?)
}

/// The decisions with this (normalised) number, narrowed by issuer and year when given.
pub fn find(conn: &Connection, number: &str, issuer: Option<&str>, year: Option<i32>) -> Result<Vec<Decision>> {
    // A filter written only when given, so the key (issuer_fold, year, number) serves: `?2 IS NULL OR …` in one
    // statement made every lookup a scan, and an award list recording 2,500 decisions quadratic.
    let issuer_is = if issuer.is_some() { "d.issuer_fold = ?2" } else { "?2 IS NULL" };
    let year_is = if year.is_some() { "d.year = ?3" } else { "?3 IS NULL" };
    let v = conn
        .prepare_cached(&format!("{SELECT} WHERE d.number = ?1 AND {issuer_is} AND {year_is} ORDER BY d.issued_on"))?
        .query_map(params![number, issuer.map(fold_key), year], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Finds one decision by its number (normalised first; `#12` for the twelfth), with issuer and year to tell
/// apart two decisions that share a number.
pub fn resolve(conn: &Connection, input: &str, issuer: Option<&str>, year: Option<i32>) -> Result<Decision> {
    if let Some(id) = input.trim().strip_prefix('#').and_then(|n| n.parse::<i64>().ok()) {
        return conn
            .prepare_cached(&format!("{SELECT} WHERE d.id = ?1"))?
            .query_row([id], row)
            .optional()?
            .ok_or_else(|| refused(msg!("no decision {}", format!("#{id}"))));
    }
    let number = doc_number(input).map_err(refused)?;
    let found = find(conn, &number, issuer, year)?;
    match &found[..] {
        [d] => Ok(d.clone()),
        [] => Err(refused_hint(
            match issuer {
                Some(i) => msg!("no decision {} of {}", number, i),
                None => msg!("no decision {}", number),
            },
            msg!("record it first: `thidua award decision add {} --date … --issuer …`", number),
        )),
        many => Err(refused_hint(
            msg!(
                "decision {} is ambiguous: {}",
                number,
                many.iter()
                    .map(|d| format!("#{}, {} ({})", d.id, format_date(d.issued_on), d.issuer))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "tell them apart with --issuer or --decision-year, or name one as #ID",
        )),
    }
}

/// A decision to write.
#[derive(Debug, Clone)]
pub struct NewDecision {
    pub number: String,
    pub issued_on: NaiveDate,
    pub issuer: String,
    pub signer: Option<String>,
    pub summary: Option<String>,
    pub note: Option<String>,
}

/// Refuses the number another decision (not `except`) of the same issuer and year holds.
fn check_unique(conn: &Connection, d: &NewDecision, except: Option<i64>) -> Result<()> {
    let year = d.issued_on.year();
    if let Some(old) = find(conn, &d.number, Some(&d.issuer), Some(year))?.into_iter().find(|o| Some(o.id) != except) {
        return Err(refused(msg!(
            "decision {} of {} in {} is already recorded (#{}, dated {})",
            d.number,
            old.issuer,
            year,
            old.id,
            format_date(old.issued_on)
        )));
    }
    Ok(())
}

pub fn insert(conn: &Connection, d: &NewDecision) -> Result<i64> {
    let year = d.issued_on.year();
    check_unique(conn, d, None)?;
    conn.prepare_cached(
        "INSERT INTO decision (number, issued_on, year, issuer, issuer_fold, signer, summary, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![d.number, d.issued_on, year, d.issuer, fold_key(&d.issuer), d.signer, d.summary, d.note])?;
    Ok(conn.last_insert_rowid())
}

/// Writes a corrected decision; the number another decision of the same issuer and year holds is refused.
pub fn update(conn: &Connection, id: i64, d: &NewDecision) -> Result<()> {
    let year = d.issued_on.year();
    check_unique(conn, d, Some(id))?;
    conn.execute(
        "UPDATE decision SET number = ?2, issued_on = ?3, year = ?4, issuer = ?5, issuer_fold = ?6, signer = ?7,
                             summary = ?8, note = ?9
         WHERE id = ?1",
        params![id, d.number, d.issued_on, year, d.issuer, fold_key(&d.issuer), d.signer, d.summary, d.note],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM decision WHERE id = ?1", [id])?;
    Ok(())
}
