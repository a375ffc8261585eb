//! `council import`: a session's ballot results from the tally sheet, one row a candidate and title. Each row is
//! checked as `council vote` checks it (candidates of the file, ballots within the attendance); one bad row and
//! nothing is written.

use rusqlite::Connection;

use super::{cell, col, skip, Col, Counts, Errors, Source};
use crate::db::council::{self, Session};
use crate::db::{catalog, units};
use crate::error::Result;
use crate::model::Outcome;

pub const COLUMNS: &[Col] = &[
    col("unit", true, &["ma don vi", "don vi"]),
    col("person", false, &["ho va ten", "ho ten", "ca nhan"]),
    col("person_code", false, &["staff code", "ma can bo"]),
    col("title", true, &["danh hieu", "hinh thuc", "danh hieu hinh thuc"]),
    col("yes", true, &["dong y", "so phieu dong y"]),
    col("no", false, &["khong dong y", "so phieu khong dong y"]),
    col("written_yes", false, &["dong y bang van ban", "written"]),
    skip("subject"),
    skip("members"),
    skip("share"),
    skip("threshold"),
    skip("carried"),
    skip("article"),
];

fn count(row: &super::Row, key: &str) -> Result<i64> {
    match row.get(key) {
        None => Ok(0),
        Some(v) => v.trim().parse::<u32>().map(i64::from).map_err(|_| cell(key, msg!("'{}' is not a whole number", v))),
    }
}

pub fn run(conn: &Connection, src: &mut Source, s: &Session, quiet: bool) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut errors = Errors::of(src);
    let mut none = 0;
    let mut once = super::Once::default();
    super::each_row(src, quiet, &mut errors, |row| {
        let unit = units::resolve(conn, &row.need("unit")?).map_err(|e| cell("unit", e))?;
        let person = super::person(conn, row, unit.id, false, &mut none)?;
        let e = catalog::resolve(conn, &row.need("title")?).map_err(|e| cell("title", e))?;
        catalog::check_subject(&e, person.is_none(), "vote on it for").map_err(|e| cell("title", e))?;
        once.check((unit.id, person, e.id), row.line, "ballot")?;
        let (yes, no, written) = (count(row, "yes")?, count(row, "no")?, count(row, "written_yes")?);
        council::check_ballot(s, yes, no, written).map_err(|(col, m)| cell(col, m))?;
        let unit_id = if person.is_some() { None } else { Some(unit.id) };
        council::set_vote(conn, s.id, unit_id, person, e.id, (yes, no, written))?;
        counts.add(Outcome::Inserted);
        Ok(())
    })?;
    errors.finish()?;
    Ok(counts)
}
