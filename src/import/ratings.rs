//! `rating import`: the year's ratings of people and units, one row a rating (the list the personnel office
//! sends). Reads the columns `rating list --format csv` writes; importing it again changes nothing.

use std::collections::HashMap;

use rusqlite::Connection;

use chrono::NaiveDate;

use super::{cell, col, skip, Col, Counts, Errors, Row, Source};
use crate::db::load;
use crate::db::people::Brief;
use crate::db::ratings::{self, NewRating};
use crate::error::Result;
use crate::model::{Org, Outcome, RatingLevel};
use crate::text::{parse_date, parse_year};

pub const COLUMNS: &[Col] = &[
    col("unit", true, &["ma don vi", "don vi"]),
    col("person", false, &["ho va ten", "ho ten", "ca nhan"]),
    col("person_code", false, &["staff code", "ma can bo"]),
    col("year", true, &["nam"]),
    col("rating", true, &["xep loai", "muc xep loai", "danh gia", "level"]),
    col("org", false, &["to chuc", "doi tuong"]),
    col("doc", false, &["van ban", "so quyet dinh", "quyet dinh"]),
    col("doc_date", false, &["ngay van ban", "ngay quyet dinh"]),
    col("issuer", false, &["co quan ban hanh", "noi ban hanh"]),
    col("note", false, &[]),
    skip("id"),
];

pub fn run(conn: &Connection, src: &mut Source, quiet: bool) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut errors = Errors::of(src);
    let mut unit_ids: HashMap<String, i64> = HashMap::new();
    let mut none = 0;
    let mut trees = crate::db::units::Trees::default();
    let mut load = load::begin(conn, "rating", &[], &[])?;
    let mut insert = ratings::InsertIfNew::new(conn)?;
    let look_up = |batch: &mut _| super::look_up_people(conn, batch, Read::code, |r, b| r.known = b);
    let mut written = super::Written::default();
    super::each_batch_parallel(src, quiet, &mut errors, read, look_up, |line, row: Read| {
        let unit_id = super::unit_once(conn, &mut unit_ids, &row.unit)?;
        let person_id =
            super::person_known(conn, row.person_code, row.person, unit_id, false, &mut none, row.known, &mut trees)?;
        if person_id.is_some() && row.org != Org::Own {
            return Err(cell(
                "org",
                msg!("'{}' is for a unit's organisations; a person's rating is their own", row.org),
            ));
        }
        let n = NewRating {
            unit_id: if person_id.is_some() { None } else { Some(unit_id) },
            person_id,
            org: row.org,
            year: row.year,
            level: row.level,
            doc: row.doc,
            doc_date: row.doc_date,
            issuer: row.issuer,
            note: row.note,
        };
        // Most rows of the year's list are new: insert first, look the stored rating up only when there is one.
        if let Some((id, lanes)) = insert.insert(&n)? {
            written.check(id, line, "rating")?;
            load.inserted(&lanes);
            counts.add(Outcome::Inserted);
            return Ok(());
        }
        let old = ratings::existing(conn, &n)?;
        if let Some((id, _)) = &old {
            written.check(*id, line, "rating")?;
        }
        let outcome = load.write_row(old.as_ref().map(|(id, _)| *id), || match old {
            Some((id, o)) if o == n => Ok((id, Outcome::Unchanged)),
            Some((id, _)) => {
                ratings::update(conn, id, &n)?;
                Ok((id, Outcome::Updated))
            }
            None => Err(cell("year", "the rating is recorded already")),
        })?;
        counts.add(outcome.1);
        Ok(())
    })?;
    errors.finish()?;
    load.end()?;
    Ok(counts)
}

/// A row read and checked on the import's reading thread, before the file is touched.
struct Read {
    unit: String,
    person: Option<String>,
    person_code: Option<String>,
    year: i32,
    level: RatingLevel,
    org: Org,
    doc: Option<String>,
    doc_date: Option<NaiveDate>,
    issuer: Option<String>,
    note: Option<String>,
    /// The person with `person_code`, looked up with the rest of the batch.
    known: Option<Brief>,
}

impl Read {
    /// The staff code to look up, and whether the stored name is read (to check the row's).
    fn code(&self) -> Option<(&str, bool)> {
        self.person_code.as_deref().map(|c| (c, self.person.is_some()))
    }
}

fn read(row: &Row) -> Result<Read> {
    let year = parse_year(&row.need("year")?).map_err(|m| cell("year", m))?;
    let r = row.get_key("rating", "rating").unwrap_or_default();
    let level = RatingLevel::parse(&r)
        .ok_or_else(|| cell("rating", msg!("'{}' is not a rating ({})", r, RatingLevel::list())))?;
    let org = match row.get_key("org", "org") {
        Some(o) => {
            Org::parse(&o).ok_or_else(|| cell("org", msg!("'{}' is not an organisation ({})", o, Org::list())))?
        }
        None => Org::Own,
    };
    Ok(Read {
        unit: row.need("unit")?,
        person: row.get("person"),
        person_code: row.get("person_code"),
        year,
        level,
        org,
        doc: row.get("doc"),
        doc_date: row.get("doc_date").map(|d| parse_date(&d).map_err(|m| cell("doc_date", m))).transpose()?,
        issuer: row.get("issuer"),
        note: row.get("note"),
        known: None,
    })
}
