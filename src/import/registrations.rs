//! `register import`: the list a unit sends in, one row a registration. Matched by subject and title: re-importing
//! the same list changes nothing. Reads the columns `register list --format csv` writes.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{cell, col, skip, Col, Counts, Errors, Source};
use crate::db::registrations::{self, NewRegistration};
use crate::db::{campaigns, catalog, units};
use crate::error::Result;
use crate::model::{Outcome, RegStatus};
use crate::text::parse_date;

pub const COLUMNS: &[Col] = &[
    col("unit", true, &["ma don vi"]),
    col("person", false, &["ho va ten", "ho ten", "ca nhan"]),
    col("person_code", false, &["staff code", "ma can bo"]),
    col("title", true, &["danh hieu", "danh hieu dang ky", "danh hieu thi dua"]),
    col("campaign", false, &["phong trao"]),
    col("date", false, &["ngay dang ky", "registered on"]),
    col("status", false, &["trang thai"]),
    col("note", false, &[]),
    skip("id"),
    skip("kind"),
    skip("title_name"),
    skip("result_note"),
    skip("award"),
];

/// Returns the counts and the number of people created.
pub fn run(conn: &Connection, src: &mut Source, create_people: bool, quiet: bool) -> Result<(Counts, u64)> {
    let mut counts = Counts::default();
    let mut created = 0;
    let mut errors = Errors::of(src);
    let mut unit_ids: HashMap<String, i64> = HashMap::new();
    // A list names the same few titles over and over: resolve each spelling once.
    let mut entries: HashMap<String, crate::model::CatalogEntry> = HashMap::new();
    let default_campaign = campaigns::default_regular(conn)?.map(|c| c.id);
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
        let title = row.need("title")?;
        let entry = match entries.get(&title) {
            Some(e) => e.clone(),
            None => {
                let e = catalog::resolve(conn, &title).map_err(|e| cell("title", e))?;
                entries.insert(title, e.clone());
                e
            }
        };
        let person_id = super::person(conn, row, unit_id, create_people, &mut created)?;
        catalog::check_subject(&entry, person_id.is_none(), "register it for").map_err(|e| cell("title", e))?;
        let (unit_id, kept) = match person_id {
            Some(_) => (None, registrations::live(conn, entry.id, None, person_id)?),
            None => (Some(unit_id), registrations::live(conn, entry.id, Some(unit_id), None)?),
        };
        let stored = kept.as_ref().map(|r| registrations::stored(conn, r.id)).transpose()?;
        let campaign_id = match row.get("campaign") {
            Some(c) => {
                let c = campaigns::resolve(conn, &c).map_err(|e| cell("campaign", e))?;
                // A closed campaign may stay on a registration that already had it, never be given to a new one.
                if stored.as_ref().and_then(|s| s.campaign_id) != Some(c.id) {
                    campaigns::check_open(&c).map_err(|e| cell("campaign", e))?;
                }
                Some(c.id)
            }
            None if row.has("campaign") => None,
            None => stored.as_ref().map_or(default_campaign, |s| s.campaign_id),
        };
        let date = match row.get("date") {
            Some(d) => Some(parse_date(&d).map_err(|m| cell("date", m))?),
            None if row.has("date") => None,
            None => stored.as_ref().and_then(|s| s.registered_on),
        };
        let status = match row.get_key("status", "reg_status") {
            Some(s) => RegStatus::parse(&s)
                .ok_or_else(|| cell("status", format!("'{s}' is not a status ({})", RegStatus::list())))?,
            None => stored.as_ref().map_or(RegStatus::Registered, |s| s.status),
        };
        let note = if row.has("note") { row.get("note") } else { stored.as_ref().and_then(|s| s.note.clone()) };
        let n = NewRegistration {
            catalog_id: entry.id,
            unit_id,
            person_id,
            campaign_id,
            registered_on: date,
            status,
            note,
        };
        let outcome = match (kept, stored) {
            (Some(r), Some(s)) => {
                if s == n {
                    Outcome::Unchanged
                } else {
                    registrations::update(conn, r.id, &n)?;
                    Outcome::Updated
                }
            }
            _ => {
                registrations::insert_checked(conn, &n)?;
                Outcome::Inserted
            }
        };
        counts.add(outcome);
        Ok(())
    })?;
    errors.finish()?;
    Ok((counts, created))
}
