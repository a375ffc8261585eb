//! `rating import`: the year's ratings of people and units, one row a rating (the list the personnel office
//! sends). Reads the columns `rating list --format csv` writes; importing it again changes nothing.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{cell, col, skip, Col, Counts, Errors, Source};
use crate::db::ratings::{self, NewRating};
use crate::db::units;
use crate::error::Result;
use crate::model::{Org, RatingLevel};
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
    super::each_row(src, quiet, &mut errors, |row| {
        let unit_ref = row.need("unit")?;
        let unit_id = match unit_ids.get(&unit_ref) {
            Some(id) => *id,
            None => {
                let id = units::resolve(conn, &unit_ref).map_err(|e| cell("unit", e))?.id;
                unit_ids.insert(unit_ref, id);
                id
            }
        };
        let person_id = super::person(conn, row, unit_id, false, &mut none)?;
        let year = parse_year(&row.need("year")?).map_err(|m| cell("year", m))?;
        let r = row.get_key("rating", "rating").unwrap_or_default();
        let level = RatingLevel::parse(&r)
            .ok_or_else(|| cell("rating", format!("'{r}' is not a rating ({})", RatingLevel::list())))?;
        let org = match row.get_key("org", "org") {
            Some(o) => {
                Org::parse(&o).ok_or_else(|| cell("org", format!("'{o}' is not an organisation ({})", Org::list())))?
            }
            None => Org::Own,
        };
        if person_id.is_some() && org != Org::Own {
            return Err(cell(
                "org",
                format!("'{}' is for a unit's organisations; a person's rating is their own", org),
            ));
        }
        let doc_date = row.get("doc_date").map(|d| parse_date(&d).map_err(|m| cell("doc_date", m))).transpose()?;
        let n = NewRating {
            unit_id: if person_id.is_some() { None } else { Some(unit_id) },
            person_id,
            org,
            year,
            level,
            doc: row.get("doc"),
            doc_date,
            issuer: row.get("issuer"),
            note: row.get("note"),
        };
        counts.add(ratings::set(conn, &n)?);
        Ok(())
    })?;
    errors.finish()?;
    Ok(counts)
}
