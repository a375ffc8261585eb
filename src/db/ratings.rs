//! Ratings: the yearly assessment of a person or a unit (or of a unit's Party and mass organisations), with the
//! document that gave it. One per subject, organisation and year: setting it again replaces it.

use chrono::NaiveDate;
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::audit::Lanes;
use crate::error::Result;
use crate::model::{Org, Outcome, RatingLevel};

/// A rating as written.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRating {
    pub unit_id: Option<i64>,
    pub person_id: Option<i64>,
    pub org: Org,
    pub year: i32,
    pub level: RatingLevel,
    pub doc: Option<String>,
    pub doc_date: Option<NaiveDate>,
    pub issuer: Option<String>,
    pub note: Option<String>,
}

/// A rating as listed: with its subject's unit code and name.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingRow {
    pub id: i64,
    pub unit_code: String,
    pub person_id: Option<i64>,
    pub person_code: Option<String>,
    pub name: String,
    pub r: NewRating,
}

const SELECT: &str = "SELECT r.id, u.code, r.person_id, p.staff_code, coalesce(p.full_name, u.name), r.unit_id,
                             r.org, r.year, r.level, r.doc, r.doc_date, r.issuer, r.note
                      FROM rating r LEFT JOIN person p ON p.id = r.person_id
                      JOIN unit u ON u.id = coalesce(r.unit_id, p.unit_id)";

fn row(r: &Row) -> rusqlite::Result<RatingRow> {
    Ok(RatingRow {
        id: r.get(0)?,
        unit_code: r.get(1)?,
        person_id: r.get(2)?,
        person_code: r.get(3)?,
        name: r.get(4)?,
        r: NewRating {
            unit_id: r.get(5)?,
            person_id: r.get(2)?,
            org: r.get(6)?,
            year: r.get(7)?,
            level: r.get(8)?,
            doc: r.get(9)?,
            doc_date: r.get(10)?,
            issuer: r.get(11)?,
            note: r.get(12)?,
        },
    })
}

/// Sets a rating: added, replaced, or left as it was.
pub fn set(conn: &Connection, n: &NewRating) -> Result<Outcome> {
    match existing(conn, n)? {
        Some((_, o)) if o == *n => Ok(Outcome::Unchanged),
        Some((id, _)) => {
            update(conn, id, n)?;
            Ok(Outcome::Updated)
        }
        None => {
            InsertIfNew::new(conn)?
                .insert(n)?
                .ok_or_else(|| crate::error::refused(msg!("the rating is recorded already")))?;
            Ok(Outcome::Inserted)
        }
    }
}

/// The rating the subject of `n` has for its organisation and year, as stored, with its number.
pub fn existing(conn: &Connection, n: &NewRating) -> Result<Option<(i64, NewRating)>> {
    let Some((col, id)) = super::awards::subject_column(n.unit_id, n.person_id) else {
        return Err(crate::error::refused(msg!("a rating needs a unit or a person")));
    };
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE r.year = ?1 AND r.org = ?2 AND r.{col} = ?3"))?
        .query_row(params![n.year, n.org, id], row)
        .optional()?
        .map(|o| (o.id, o.r)))
}

/// Rewrites what a rating says (its subject, organisation and year stay).
/// Removes a subject's rating of a year (by whom: the unit itself or one of its organisations); how many went.
pub fn remove(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>, org: Org, year: i32) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM rating WHERE unit_id IS ?1 AND person_id IS ?2 AND org = ?3 AND year = ?4",
        params![unit_id, person_id, org, year],
    )?)
}

pub fn update(conn: &Connection, id: i64, n: &NewRating) -> Result<()> {
    conn.prepare_cached("UPDATE rating SET level = ?2, doc = ?3, doc_date = ?4, issuer = ?5, note = ?6 WHERE id = ?1")?
        .execute(params![id, n.level, n.doc, n.doc_date, n.issuer, n.note])?;
    Ok(())
}

/// Inserts a rating unless its subject has one for the organisation and year (the unique indexes say so): the
/// fast path of an import, prepared once.
pub struct InsertIfNew<'c>(super::load::Inserter<'c>);

impl<'c> InsertIfNew<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        let sql = "INSERT INTO rating (unit_id, person_id, org, year, level, doc, doc_date, issuer, note)
                   VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING";
        Ok(InsertIfNew(super::load::Inserter::new(conn, "rating", sql)?))
    }

    /// The new row's number and content digest, or None when the subject has the rating already.
    pub fn insert(&mut self, n: &NewRating) -> Result<Option<(i64, Lanes)>> {
        use super::load::{opt_int, opt_text};
        let date = n.doc_date.map(super::load::iso_date);
        let values = [
            opt_int(n.unit_id),
            opt_int(n.person_id),
            ValueRef::Text(n.org.as_str().as_bytes()),
            ValueRef::Integer(n.year.into()),
            ValueRef::Text(n.level.as_str().as_bytes()),
            opt_text(n.doc.as_deref()),
            opt_text(date.as_deref()),
            opt_text(n.issuer.as_deref()),
            opt_text(n.note.as_deref()),
        ];
        self.0.insert(&values)
    }
}

/// What `rating list` narrows to.
#[derive(Debug, Default)]
pub struct Filter {
    /// The unit's ratings and its people's (sub-units included).
    pub unit_id: Option<i64>,
    pub person_id: Option<i64>,
    pub year: Option<i32>,
}

/// Ratings by year, then units in bloc order, then people in the order they were added, one at a time to `f`: a
/// national file rates a million people, too many to hold.
pub fn each(conn: &Connection, f: &Filter, mut each: impl FnMut(RatingRow) -> Result<()>) -> Result<()> {
    let sql = format!(
        "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT c.id FROM unit c JOIN sub ON c.parent_id = sub.id)
         {SELECT}
         WHERE (?1 IS NULL OR u.id IN (SELECT id FROM sub)) AND (?2 IS NULL OR r.person_id = ?2)
           AND (?3 IS NULL OR r.year = ?3)
         ORDER BY r.year, coalesce(u.sort_order, 1e9), u.id, r.person_id IS NOT NULL, r.org <> 'self', r.org, r.id"
    );
    let mut st = conn.prepare(&sql)?;
    let mut rows = st.query(params![f.unit_id, f.person_id, f.year])?;
    while let Some(r) = rows.next()? {
        each(row(r)?)?;
    }
    Ok(())
}

/// Every rating of one subject, any year and organisation: what the eligibility check reads.
pub fn of(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Vec<crate::rules::Rating>> {
    let Some((col, id)) = super::awards::subject_column(unit_id, person_id) else { return Ok(Vec::new()) };
    let v = conn
        .prepare_cached(&format!("SELECT year, org, level, doc, doc_date FROM rating WHERE {col} = ?1 ORDER BY year"))?
        .query_map([id], |r| rating_row(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// A rating from five columns starting at `at`: year, organisation, level, document, its date.
pub(crate) fn rating_row(r: &Row, at: usize) -> rusqlite::Result<crate::rules::Rating> {
    Ok(crate::rules::Rating {
        year: r.get(at)?,
        org: r.get(at + 1)?,
        level: r.get(at + 2)?,
        doc: r.get(at + 3)?,
        doc_date: r.get(at + 4)?,
    })
}

/// The ratings of a unit's people for a year, by person.
pub fn of_people(conn: &Connection, unit_id: i64, year: i32) -> Result<std::collections::HashMap<i64, RatingLevel>> {
    let v = conn
        .prepare_cached(
            "SELECT r.person_id, r.level FROM rating r JOIN person p ON p.id = r.person_id
             WHERE p.unit_id = ?1 AND r.year = ?2",
        )?
        .query_map(params![unit_id, year], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}
