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
    let mut errors = Errors::of(src);
    let mut w = Writer {
        conn,
        has: Has { campaign: src.has("campaign"), date: src.has("date"), note: src.has("note") },
        create_people,
        unit_ids: HashMap::new(),
        entries: HashMap::new(),
        found_campaigns: HashMap::new(),
        trees: Default::default(),
        default_campaign: campaigns::default_regular(conn)?.map(|c| c.id),
        load: load::begin(conn, "registration", &registrations::LOAD_UNREAD, &["person"])?,
        insert: registrations::InsertIfNew::new(conn)?,
        digests: load::Aside::new(registrations::digest_new),
        held: Vec::new(),
        late: Errors::of(src),
        counts: Counts::default(),
        created: 0,
    };
    super::each_batch_parallel(
        src,
        quiet,
        &mut errors,
        read,
        |batch| super::look_up_people(conn, batch, Read::code, |r, b| r.known = b),
        |line, row| w.apply(line, row),
    )?;
    w.settle()?;
    errors.merge(w.late);
    errors.finish()?;
    let (lanes, rows) = w.digests.sum();
    w.load.inserted_many(&lanes, rows);
    w.load.end()?;
    Ok((w.counts, w.created))
}

/// The writing side of the import.
struct Writer<'c> {
    conn: &'c Connection,
    has: Has,
    create_people: bool,
    // A list names the same few units, titles and campaigns over and over: each spelling is resolved once.
    unit_ids: HashMap<String, i64>,
    // Shared, not copied: an entry is six texts, and a million rows name one of a few.
    entries: HashMap<String, Rc<CatalogEntry>>,
    found_campaigns: HashMap<String, Campaign>,
    trees: crate::db::units::Trees,
    default_campaign: Option<i64>,
    load: load::Load<'c>,
    insert: registrations::InsertIfNew<'c>,
    /// The rows inserted many at a time, digested on a thread of their own (this one is the slower).
    digests: load::Aside<(i64, NewRegistration)>,
    /// The rows held for the next many-row insert: their lines and what they name.
    held: Vec<(u64, Read, Named)>,
    /// The refusals of held rows, found when they were written.
    late: Errors,
    counts: Counts,
    created: u64,
}

/// What a row names, found in the file.
struct Named {
    catalog_id: i64,
    subject_unit: Option<i64>,
    person_id: Option<i64>,
    campaign: Option<Campaign>,
}

impl Writer<'_> {
    fn apply(&mut self, line: u64, mut row: Read) -> Result<()> {
        let conn = self.conn;
        let unit_id = super::unit_once(conn, &mut self.unit_ids, &row.unit)?;
        let entry = super::once(&mut self.entries, &row.title, || {
            catalog::resolve(conn, &row.title).map(Rc::new).map_err(|e| cell("title", e))
        })?;
        let person_id = super::person_known(
            conn,
            row.person_code.take(),
            row.person.take(),
            unit_id,
            self.create_people,
            &mut self.created,
            row.known.take(),
            &mut self.trees,
        )?;
        catalog::check_subject(&entry, person_id.is_none(), "register it for").map_err(|e| cell("title", e))?;
        let campaign = match &row.campaign {
            Some(c) => Some(super::once(&mut self.found_campaigns, c, || {
                campaigns::resolve(conn, c).map_err(|e| cell("campaign", e))
            })?),
            None => None,
        };
        let subject_unit = if person_id.is_some() { None } else { Some(unit_id) };
        let named = Named { catalog_id: entry.id, subject_unit, person_id, campaign };
        // Most rows of a large list are new: the insert is tried first, as the row has it, many rows at a time (a
        // new registration may not name a closed campaign).
        if named.campaign.as_ref().is_none_or(|c| campaigns::check_open(c).is_ok()) {
            self.held.push((line, row, named));
            if self.held.len() == load::MANY {
                self.settle()?;
            }
            return Ok(());
        }
        // The rows before it are written first: the file's order is the order of writing.
        self.settle()?;
        self.write_one(row, named)
    }

    /// Inserts the rows held; one that was not inserted (its subject has the title already) is written on its own.
    fn settle(&mut self) -> Result<()> {
        if self.held.is_empty() {
            return Ok(());
        }
        let regs: Vec<NewRegistration> = self
            .held
            .iter()
            .map(|(_, row, named)| row.registration(named, None, self.default_campaign, &self.has))
            .collect();
        let done = self.insert.insert(&regs)?;
        for (((line, row, named), inserted), reg) in std::mem::take(&mut self.held).into_iter().zip(done).zip(regs) {
            match inserted {
                Some(id) => {
                    self.digests.push((id, reg));
                    self.counts.add(Outcome::Inserted);
                }
                None => {
                    if let Err(e) = self.write_one(row, named) {
                        self.late.add(line, e)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// A row the many-row insert did not write: the subject's live registration of the title updated, or the row
    /// inserted as a new one after the checks a closed campaign needs.
    fn write_one(&mut self, row: Read, named: Named) -> Result<()> {
        let conn = self.conn;
        let kept = registrations::live(conn, named.catalog_id, named.subject_unit, named.person_id)?;
        let stored = kept.as_ref().map(|r| registrations::stored(conn, r.id)).transpose()?;
        // A closed campaign may stay on a registration that already had it, never be given to a new one.
        if let Some(c) = &named.campaign {
            if stored.as_ref().and_then(|s| s.campaign_id) != Some(c.id) {
                campaigns::check_open(c).map_err(|e| cell("campaign", e))?;
            }
        }
        let n = row.registration(&named, stored.as_ref(), self.default_campaign, &self.has);
        let found = kept.as_ref().map(|r| r.id);
        let outcome = self.load.write_row(found, || match (kept, stored) {
            (Some(r), Some(s)) if s == n => Ok((r.id, Outcome::Unchanged)),
            (Some(r), Some(_)) => {
                registrations::update(conn, r.id, &n)?;
                Ok((r.id, Outcome::Updated))
            }
            _ => Ok((registrations::insert_checked(conn, &n)?, Outcome::Inserted)),
        })?;
        self.counts.add(outcome.1);
        Ok(())
    }
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
                .ok_or_else(|| cell("status", msg!("'{}' is not a status ({})", s, RegStatus::list())))?,
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
    /// The staff code to look up, and whether the stored name is read (to check the row's).
    fn code(&self) -> Option<(&str, bool)> {
        self.person_code.as_deref().map(|c| (c, self.person.is_some()))
    }

    /// The registration to write: the row's fields, and for columns the file lacks what `stored` has (or, for a
    /// new one, the year's regular campaign and the status registered).
    fn registration(
        &self,
        named: &Named,
        stored: Option<&NewRegistration>,
        default_campaign: Option<i64>,
        has: &Has,
    ) -> NewRegistration {
        let Named { catalog_id, subject_unit: unit_id, person_id, campaign } = named;
        NewRegistration {
            catalog_id: *catalog_id,
            unit_id: *unit_id,
            person_id: *person_id,
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
