//! The register of certificates printed and the blanks' layouts as the secretary set them (schema 19).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::model::{Blank, CertEvent};

/// A line of the register, with the award and decision it is for.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: i64,
    pub award_id: i64,
    pub book_no: i64,
    pub event: CertEvent,
    pub on: NaiveDate,
    pub blank: Blank,
    pub reason: Option<String>,
    pub recipient: String,
    pub code: String,
    pub decision: Option<String>,
    pub decision_date: Option<NaiveDate>,
}

/// The register, by decision, sổ vàng number and time; one decision's or one award's when given.
pub fn register(conn: &Connection, decision_id: Option<i64>, award_id: Option<i64>) -> Result<Vec<Entry>> {
    let mut st = conn.prepare_cached(
        "SELECT k.id, k.award_id, k.book_no, k.event, k.on_date, k.blank, k.reason, a.recipient, c.code, d.number,
                d.issued_on
         FROM certificate k JOIN award a ON a.id = k.award_id JOIN catalog c ON c.id = a.catalog_id
         LEFT JOIN decision d ON d.id = a.decision_id
         WHERE (?1 IS NULL OR a.decision_id = ?1) AND (?2 IS NULL OR k.award_id = ?2)
         ORDER BY d.issued_on, d.number, d.id, k.book_no, k.id",
    )?;
    let rows = st.query_map(params![decision_id, award_id], |r| {
        Ok(Entry {
            id: r.get(0)?,
            award_id: r.get(1)?,
            book_no: r.get(2)?,
            event: r.get(3)?,
            on: r.get(4)?,
            blank: r.get(5)?,
            reason: r.get(6)?,
            recipient: r.get(7)?,
            code: r.get(8)?,
            decision: r.get(9)?,
            decision_date: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The sổ vàng number an award's certificate was first printed with, and when.
pub fn printed(conn: &Connection, award_id: i64) -> Result<Option<(i64, NaiveDate)>> {
    Ok(conn
        .prepare_cached("SELECT book_no, on_date FROM certificate WHERE award_id = ?1 AND event = 'printed'")?
        .query_row([award_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// An award's order in its decision (the sổ vàng number its first certificate takes, Decree 98/2023/NĐ-CP
/// Art 104).
pub fn order_in_decision(conn: &Connection, decision_id: i64, award_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM award WHERE decision_id = ?1 AND id <= ?2")?
        .query_row([decision_id, award_id], |r| r.get(0))?)
}

/// The sổ vàng numbers a decision's certificates bear already.
pub fn numbers_taken(conn: &Connection, decision_id: i64) -> Result<Vec<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT k.book_no FROM certificate k JOIN award a ON a.id = k.award_id WHERE a.decision_id = ?1",
    )?;
    let rows = st.query_map([decision_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records a line of the register.
pub fn record(
    conn: &Connection,
    award_id: i64,
    book_no: i64,
    event: CertEvent,
    on: NaiveDate,
    blank: Blank,
    reason: Option<&str>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO certificate (award_id, book_no, event, on_date, blank, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![award_id, book_no, event, on, blank, reason])?;
    Ok(conn.last_insert_rowid())
}

/// Where the secretary moved a field of a blank from its default; `None` keeps the default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Placement {
    pub x: Option<f64>,
    pub y: Option<f64>,
    pub w: Option<f64>,
    pub h: Option<f64>,
    pub size: Option<f64>,
    pub on_blank: Option<bool>,
}

/// A blank's fields as set, by field name.
pub fn placements(conn: &Connection, blank: Blank) -> Result<Vec<(String, Placement)>> {
    let mut st = conn
        .prepare_cached("SELECT field, x, y, w, h, size, on_blank FROM cert_layout WHERE blank = ?1 ORDER BY field")?;
    let rows = st.query_map([blank.as_str()], |r| {
        Ok((
            r.get(0)?,
            Placement {
                x: r.get(1)?,
                y: r.get(2)?,
                w: r.get(3)?,
                h: r.get(4)?,
                size: r.get(5)?,
                on_blank: r.get::<_, Option<i64>>(6)?.map(|v| v != 0),
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sets what is given of a field's placement; what is not given stays as it was set (or the default).
pub fn place(conn: &Connection, blank: Blank, field: &str, p: &Placement) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO cert_layout (blank, field, x, y, w, h, size, on_blank) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (blank, field) DO UPDATE SET x = coalesce(excluded.x, x), y = coalesce(excluded.y, y),
             w = coalesce(excluded.w, w), h = coalesce(excluded.h, h), size = coalesce(excluded.size, size),
             on_blank = coalesce(excluded.on_blank, on_blank)",
    )?
    .execute(params![blank.as_str(), field, p.x, p.y, p.w, p.h, p.size, p.on_blank.map(i64::from)])?;
    Ok(())
}

/// Puts a blank's fields (or one) back to their defaults; how many were set.
pub fn reset(conn: &Connection, blank: Blank, field: Option<&str>) -> Result<usize> {
    Ok(conn
        .prepare_cached("DELETE FROM cert_layout WHERE blank = ?1 AND (?2 IS NULL OR field = ?2)")?
        .execute(params![blank.as_str(), field])?)
}
