//! `initiative import`: the recognised initiatives of a year, one row an initiative, with its authors named in
//! one cell ("Nguyễn Thị Thu Hà; Trần Văn Nam"). An author found among the row's unit's people is linked to the
//! person; another is kept as printed. Importing the same list again changes nothing.

use rusqlite::Connection;

use super::{cell, col, skip, Col, Counts, Errors, Source};
use crate::db::initiatives::{self, NewInitiative};
use crate::db::{people, units};
use crate::error::Result;
use crate::model::{InitiativeKind, Outcome, Scope};
use crate::text::{parse_date, parse_year};

pub const COLUMNS: &[Col] = &[
    col("title", true, &["initiative", "ten sang kien", "sang kien", "ten de tai"]),
    col("year", true, &["nam"]),
    col("scope", true, &["pham vi", "pham vi anh huong", "cap"]),
    col("kind", false, &["loai"]),
    col("unit", false, &["ma don vi", "don vi"]),
    col("authors", false, &["tac gia", "tac gia sang kien"]),
    col("body", false, &["co quan cong nhan", "cap cong nhan"]),
    col("decision", false, &["so quyet dinh", "quyet dinh cong nhan"]),
    col("decided_on", false, &["ngay quyet dinh", "ngay cong nhan"]),
    col("note", false, &[]),
    skip("id"),
    skip("used_by"),
];

/// Authors from a cell: each name looked for among the unit's people (one match links it, none keeps it as
/// printed, several is an error listing them).
pub fn authors(conn: &Connection, cell_text: &str, unit_id: Option<i64>) -> Result<Vec<(Option<i64>, String)>> {
    let mut out = Vec::new();
    for name in cell_text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let found = match unit_id {
            Some(u) => people::by_name(conn, name, Some(u))?,
            None => Vec::new(),
        };
        match &found[..] {
            [] => out.push((None, name.to_string())),
            [p] => out.push((Some(p.id), p.full_name.clone())),
            many => return Err(people::ambiguous(name, many)),
        }
    }
    Ok(out)
}

pub fn run(conn: &Connection, src: &mut Source, quiet: bool) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut errors = Errors::of(src);
    super::each_row(src, quiet, &mut errors, |row| {
        let unit_id =
            row.get("unit").map(|u| units::resolve(conn, &u).map_err(|e| cell("unit", e))).transpose()?.map(|u| u.id);
        let scope_text = row.get_key("scope", "scope").unwrap_or_default();
        let scope = Scope::parse(&scope_text)
            .ok_or_else(|| cell("scope", msg!("'{}' is not a scope ({})", scope_text, Scope::list())))?;
        let kind = match row.get_key("kind", "initiative_kind") {
            Some(k) => InitiativeKind::parse(&k).ok_or_else(|| {
                cell("kind", msg!("'{}' is not a kind of initiative ({})", k, InitiativeKind::list()))
            })?,
            None => InitiativeKind::Initiative,
        };
        let n = NewInitiative {
            title: row.need("title")?,
            kind,
            scope,
            body: row.get("body"),
            decision: row.get("decision"),
            decided_on: row.get("decided_on").map(|d| parse_date(&d).map_err(|m| cell("decided_on", m))).transpose()?,
            year: parse_year(&row.need("year")?).map_err(|m| cell("year", m))?,
            note: row.get("note"),
            authors: authors(conn, &row.get("authors").unwrap_or_default(), unit_id).map_err(|e| cell("authors", e))?,
        };
        counts.add(match initiatives::existing(conn, &n)? {
            Some(_) => Outcome::Unchanged,
            None => {
                initiatives::insert(conn, &n)?;
                Outcome::Inserted
            }
        });
        Ok(())
    })?;
    errors.finish()?;
    Ok(counts)
}
