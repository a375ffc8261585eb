//! `register import`: the list a unit sends in, one row a registration. Matched by subject and title: re-importing
//! the same list changes nothing. Reads the columns `register list --format csv` writes.

use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::Connection;

use super::{cell, col, skip, Col, Counts, Errors, Row, Source};
use crate::db::people::Brief;
use crate::db::registrations::{self, NewRegistration};
use crate::db::{campaigns, catalog, load};
use crate::error::Result;
use crate::model::{Campaign, CatalogEntry, Outcome, RegStatus};
use crate::text::parse_date;
use chrono::NaiveDate;

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
    let has = Has { campaign: src.has("campaign"), date: src.has("date"), note: src.has("note") };
    // A list names the same few units, titles and campaigns over and over: resolve each spelling once.
    let mut unit_ids: HashMap<String, i64> = HashMap::new();
    // Shared, not copied: an entry is six texts, and a million rows name one of a few.
    let mut entries: HashMap<String, Rc<CatalogEntry>> = HashMap::new();
    let mut found_campaigns: HashMap<String, Campaign> = HashMap::new();
    let default_campaign = campaigns::default_regular(conn)?.map(|c| c.id);
    let mut load = load::begin(conn, "registration", &registrations::LOAD_UNREAD, &["person"])?;
    let mut insert = registrations::InsertIfNew::new(conn)?;
    super::each_batch_parallel(
        src,
        quiet,
        &mut errors,
        read,
        |batch| super::look_up_people(conn, batch, |r: &Read| r.person_code.as_deref(), |r, b| r.known = b),
        |mut row: Read| {
            let unit_id = super::unit_once(conn, &mut unit_ids, &row.unit)?;
            let entry = super::once(&mut entries, &row.title, || {
                catalog::resolve(conn, &row.title).map(Rc::new).map_err(|e| cell("title", e))
            })?;
            let person_id = super::person_known(
                conn,
                row.person_code.take(),
                row.person.take(),
                unit_id,
                create_people,
                &mut created,
                row.known.take(),
            )?;
            catalog::check_subject(&entry, person_id.is_none(), "register it for").map_err(|e| cell("title", e))?;
            let campaign = match &row.campaign {
                Some(c) => Some(super::once(&mut found_campaigns, c, || {
                    campaigns::resolve(conn, c).map_err(|e| cell("campaign", e))
                })?),
                None => None,
            };
            let subject_unit = if person_id.is_some() { None } else { Some(unit_id) };
            // Most rows of a large list are new: try the insert first, as the row has it (a new registration may not
            // name a closed campaign).
            let n = row.registration(entry.id, subject_unit, person_id, &campaign, None, default_campaign, &has);
            if campaign.as_ref().is_none_or(|c| campaigns::check_open(c).is_ok()) {
                if let Some((_, lanes)) = insert.insert(&n)? {
                    load.inserted(&lanes);
                    counts.add(Outcome::Inserted);
                    return Ok(());
                }
            }
            let kept = registrations::live(conn, entry.id, subject_unit, person_id)?;
            let stored = kept.as_ref().map(|r| registrations::stored(conn, r.id)).transpose()?;
            // A closed campaign may stay on a registration that already had it, never be given to a new one.
            if let Some(c) = &campaign {
                if stored.as_ref().and_then(|s| s.campaign_id) != Some(c.id) {
                    campaigns::check_open(c).map_err(|e| cell("campaign", e))?;
                }
            }
            let n =
                row.registration(entry.id, subject_unit, person_id, &campaign, stored.as_ref(), default_campaign, &has);
            let found = kept.as_ref().map(|r| r.id);
            let outcome = load.write_row(found, || match (kept, stored) {
                (Some(r), Some(s)) if s == n => Ok((r.id, Outcome::Unchanged)),
                (Some(r), Some(_)) => {
                    registrations::update(conn, r.id, &n)?;
                    Ok((r.id, Outcome::Updated))
                }
                _ => Ok((registrations::insert_checked(conn, &n)?, Outcome::Inserted)),
            })?;
            counts.add(outcome.1);
            Ok(())
        },
    )?;
    errors.finish()?;
    load.end()?;
    Ok((counts, created))
}

/// Which optional columns the file has: an absent one keeps what a stored registration has.
struct Has {
    campaign: bool,
    date: bool,
    note: bool,
}

/// A row read and checked on the import's reading thread, before the file is touched.
struct Read {
    unit: String,
    title: String,
    person: Option<String>,
    person_code: Option<String>,
    campaign: Option<String>,
    date: Option<NaiveDate>,
    status: Option<RegStatus>,
    note: Option<String>,
    /// The person with `person_code`, looked up with the rest of the batch.
    known: Option<Brief>,
}

fn read(row: &Row) -> Result<Read> {
    let date = match row.get("date") {
        Some(d) => Some(parse_date(&d).map_err(|m| cell("date", m))?),
        None => None,
    };
    let status = match row.get("status") {
        Some(s) => Some(
            RegStatus::parse(&s)
                .ok_or_else(|| cell("status", format!("'{s}' is not a status ({})", RegStatus::list())))?,
        ),
        None => None,
    };
    Ok(Read {
        unit: row.need("unit")?,
        title: row.need("title")?,
        person: row.get("person"),
        person_code: row.get("person_code"),
        campaign: row.get("campaign"),
        date,
        status,
        note: row.get("note"),
        known: None,
    })
}

impl Read {
    /// The registration to write: the row's fields, and for columns the file lacks what `stored` has (or, for a
    /// new one, the year's regular campaign and the status registered).
    #[allow(clippy::too_many_arguments)]
    fn registration(
        &self,
        catalog_id: i64,
        unit_id: Option<i64>,
        person_id: Option<i64>,
        campaign: &Option<Campaign>,
        stored: Option<&NewRegistration>,
        default_campaign: Option<i64>,
        has: &Has,
    ) -> NewRegistration {
        NewRegistration {
            catalog_id,
            unit_id,
            person_id,
            campaign_id: match campaign {
                Some(c) => Some(c.id),
                None if has.campaign => None,
                None => stored.map_or(default_campaign, |s| s.campaign_id),
            },
            registered_on: if has.date { self.date } else { stored.and_then(|s| s.registered_on) },
            status: match self.status {
                Some(s) => s,
                None => stored.map_or(RegStatus::Registered, |s| s.status),
            },
            note: if has.note { self.note.clone() } else { stored.and_then(|s| s.note.clone()) },
        }
    }
}
