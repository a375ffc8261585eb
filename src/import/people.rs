//! `person import`: one row a person. Matched by staff code, else by name within the unit; reads the columns
//! `person list --format csv` writes (its `id` column is ignored: numbers belong to one file).

use std::collections::HashMap;

use rusqlite::Connection;

use super::{cell, col, skip, Col, Counts, Errors, Row, Source};
use crate::db::{load, people, units};
use crate::error::Result;
use crate::model::{Gender, Outcome, Person, PersonData};
use crate::text::{parse_birth_year, split_name};

pub const COLUMNS: &[Col] = &[
    col("unit", true, &["ma don vi", "don vi cong tac"]),
    col("name", true, &["ho va ten", "ho ten", "full name"]),
    col("position", false, &["chuc danh"]),
    col("gender", false, &["gioi"]),
    col("born", false, &["nam sinh", "ngay sinh", "birth year", "date of birth"]),
    col("code", false, &["staff code", "ma can bo", "ma nhan vien"]),
    col("family", false, &["ho"]),
    col("given", false, &["ten goi"]),
    col("note", false, &[]),
    skip("id"),
    skip("middle"),
];

pub fn run(conn: &Connection, src: &mut Source, quiet: bool) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut errors = Errors::of(src);
    // Units are named over and over in a people file; resolve each spelling once.
    let mut unit_ids: HashMap<String, i64> = HashMap::new();
    let load = load::begin(conn, "person", &people::LOAD_UNREAD)?;
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
        // Most rows of a large file are new people with a staff code: try the insert first.
        if row.get("code").is_some() {
            let data = read(row, unit_id, None)?;
            if people::insert_if_new(conn, &data)? {
                counts.add(Outcome::Inserted);
                return Ok(());
            }
        }
        let stored = people::existing(conn, row.get("code").as_deref(), unit_id, &row.need("name")?)?;
        let data = read(row, unit_id, stored.as_ref())?;
        counts.add(people::upsert_known(conn, &data, stored)?.1);
        Ok(())
    })?;
    errors.finish()?;
    load::end(conn, load)?;
    Ok(counts)
}

/// The row as person fields; columns the file lacks keep what the stored person has.
fn read(row: &Row, unit_id: i64, stored: Option<&Person>) -> Result<PersonData> {
    let full_name = row.need("name")?;
    let parts = split_name(&full_name, row.get("family").as_deref(), row.get("given").as_deref())
        .map_err(|m| cell("name", m))?;
    let gender = match row.get_key("gender", "gender") {
        Some(g) => Some(
            Gender::parse(&g)
                .ok_or_else(|| cell("gender", format!("'{g}' is not a gender ({}; nữ/nam)", Gender::list())))?,
        ),
        None => None,
    };
    let born = match row.get("born") {
        Some(b) => Some(i64::from(parse_birth_year(&b).map_err(|m| cell("born", m))?)),
        None => None,
    };
    let keep = |key: &str, new: Option<String>, old: Option<String>| if row.has(key) { new } else { old };
    let s = stored.map(people::data_of).unwrap_or_default();
    Ok(PersonData {
        unit_id,
        full_name,
        family: parts.family,
        middle: parts.middle,
        given: parts.given,
        gender: if row.has("gender") { gender } else { s.gender },
        born: if row.has("born") { born } else { s.born },
        position: keep("position", row.get("position"), s.position),
        staff_code: row.get("code").or(s.staff_code),
        note: keep("note", row.get("note"), s.note),
    })
}
