//! `person import`: one row a person. Matched by staff code, else by name within the unit; reads the columns
//! `person list --format csv` writes (its `id` column is ignored: numbers belong to one file).

use std::collections::HashMap;

use rusqlite::Connection;

use super::{cell, col, Col, Counts, Errors, Row, Source};
use crate::db::{people, units};
use crate::error::Result;
use crate::model::{Gender, PersonData};
use crate::text::{parse_year, split_name};

pub const COLUMNS: &[Col] = &[
    col("unit", true, &["ma don vi", "don vi cong tac"]),
    col("name", true, &["ho va ten", "ho ten", "full name"]),
    col("position", false, &["chuc danh"]),
    col("gender", false, &["gioi"]),
    col("born", false, &["nam sinh", "birth year"]),
    col("code", false, &["staff code", "ma can bo", "ma nhan vien"]),
    col("family", false, &["ho"]),
    col("given", false, &["ten goi"]),
    col("note", false, &[]),
];

pub fn run(conn: &Connection, src: &mut Source, quiet: bool) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut errors = Errors::new(&src.name);
    // Units are named over and over in a people file; resolve each spelling once.
    let mut unit_ids: HashMap<String, i64> = HashMap::new();
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
        let data = read(conn, row, unit_id)?;
        counts.add(people::upsert(conn, &data)?.1);
        Ok(())
    })?;
    errors.finish()?;
    Ok(counts)
}

fn read(conn: &Connection, row: &Row, unit_id: i64) -> Result<PersonData> {
    let full_name = row.need("name")?;
    let parts = split_name(&full_name, row.get("family").as_deref(), row.get("given").as_deref())
        .map_err(|m| cell("name", m))?;
    let gender = match row.get("gender") {
        Some(g) => Some(Gender::parse(&g).ok_or_else(|| cell("gender", format!("'{g}' is not f/m (nữ/nam)")))?),
        None => None,
    };
    let born = match row.get("born") {
        Some(b) => Some(i64::from(parse_year(&b).map_err(|m| cell("born", m))?)),
        None => None,
    };
    let staff_code = row.get("code");
    // Columns the file lacks keep what the stored person has.
    let stored = match &staff_code {
        Some(c) => people::by_staff_code(conn, c)?,
        None => people::by_name_in_unit(conn, unit_id, &crate::text::match_key(&full_name))?.into_iter().next(),
    };
    let keep = |key: &str, new: Option<String>, old: Option<String>| if row.has(key) { new } else { old };
    let s = stored.map(|p| people::data_of(&p)).unwrap_or_default();
    Ok(PersonData {
        unit_id,
        full_name,
        family: parts.family,
        middle: parts.middle,
        given: parts.given,
        gender: if row.has("gender") { gender } else { s.gender },
        born: if row.has("born") { born } else { s.born },
        position: keep("position", row.get("position"), s.position),
        staff_code: staff_code.or(s.staff_code),
        note: keep("note", row.get("note"), s.note),
    })
}
