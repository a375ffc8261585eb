//! `award import`: a decision's annexed list, one row a recipient. The decision is given once (`--decision`) or
//! repeated in columns (decision, decision_date, issuer), in which case an unknown decision is recorded from them.
//! Re-importing the same list changes nothing. Reads the columns `award list --format csv` writes.

use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::Connection;

use super::{cell, col, skip, Col, Counts, Errors, Row, Source};
use crate::db::awards::{self, NewAward};
use crate::db::decisions::{self, NewDecision};
use crate::db::{campaigns, catalog, load};
use crate::error::Result;
use crate::model::{Basis, Outcome};
use crate::text::{doc_number, parse_date, parse_period};

pub const COLUMNS: &[Col] = &[
    col("decision", false, &["so quyet dinh", "so ky hieu", "quyet dinh"]),
    col("decision_date", false, &["ngay quyet dinh", "ngay ky"]),
    col("issuer", false, &["co quan ban hanh", "noi ban hanh"]),
    col("signer", false, &["nguoi ky"]),
    col("code", true, &["danh hieu", "hinh thuc", "hinh thuc khen thuong", "title", "form"]),
    col("unit", false, &["ma don vi"]),
    col("person", false, &["ho va ten", "ho ten", "ca nhan"]),
    col("person_code", false, &["staff code", "ma can bo"]),
    col("recipient", false, &["ten in tren quyet dinh", "as printed"]),
    col("year", false, &["nam thanh tich", "giai doan"]),
    col("basis", false, &["loai hinh", "loai hinh khen thuong"]),
    col("reason", false, &["thanh tich", "ly do"]),
    col("campaign", false, &["phong trao"]),
    col("note", false, &[]),
    skip("id"),
    skip("revoked"),
    skip("revoked_on"),
    skip("code_name"),
    skip("kind"),
];

/// A row's decision columns (number, date, issuer), the key of the decisions already looked up.
type DecisionCells = (Option<String>, Option<String>, Option<String>);

/// What the import adds: counts of awards, people and decisions created.
pub struct Added {
    pub awards: Counts,
    pub people: u64,
    pub decisions: u64,
}

pub fn run(
    conn: &Connection,
    src: &mut Source,
    decision: Option<i64>,
    create_people: bool,
    year: i32,
    quiet: bool,
) -> Result<Added> {
    let mut added = Added { awards: Counts::default(), people: 0, decisions: 0 };
    let mut errors = Errors::of(src);
    // A list repeats its decision, titles, units and campaigns over and over: each spelling is resolved once.
    let mut unit_ids: HashMap<String, i64> = HashMap::new();
    let mut decision_ids: HashMap<DecisionCells, Option<i64>> = HashMap::new();
    // Shared, not copied: an entry is six texts.
    let mut entries: HashMap<String, Rc<crate::model::CatalogEntry>> = HashMap::new();
    let mut campaign_ids: HashMap<String, i64> = HashMap::new();
    let mut trees = crate::db::units::Trees::default();
    let load = load::begin(conn, "award", &awards::LOAD_UNREAD, &["registration", "decision", "person"])?;
    let mut w = Writer {
        insert: awards::InsertIfNew::new(conn)?,
        achiever: awards::Achiever::new(conn)?,
        load,
        year,
        held: Vec::new(),
        counts: Counts::default(),
    };
    let look_up = |batch: &mut _| super::look_up_people(conn, batch, Read::code, |r, b| r.known = b);
    super::each_batch_parallel(src, quiet, &mut errors, read, look_up, |_, mut row: Read| {
        let known_name = row.known.as_ref().map(|b| (b.id, b.name.clone()));
        let decision_id = match decision {
            Some(id) => Some(id),
            None => super::once(&mut decision_ids, &row.decision, || {
                row_decision(conn, &row.decision, row.signer.clone(), &mut added.decisions)
            })?,
        };
        let entry = super::once(&mut entries, &row.code, || {
            catalog::resolve(conn, &row.code).map(Rc::new).map_err(|e| cell("code", e))
        })?;
        let unit_id = match &row.unit {
            Some(u) => Some(super::unit_once(conn, &mut unit_ids, u)?),
            None => None,
        };
        let person_id = match unit_id {
            Some(u) => super::person_known(
                conn,
                row.person_code.take(),
                row.person.take(),
                u,
                create_people,
                &mut added.people,
                row.known,
                &mut trees,
            )?,
            None => match &row.person_code {
                Some(c) => Some(
                    match row.known {
                        Some(b) => Some(b),
                        None => crate::db::people::brief_by_staff_code(conn, c)?,
                    }
                    .ok_or_else(|| cell("person_code", msg!("no person with staff code '{}'", c)))?
                    .id,
                ),
                None => return Err(cell("unit", "is empty: name the unit (or the person's staff code)")),
            },
        };
        catalog::check_subject(&entry, person_id.is_none(), "give it to").map_err(|e| cell("code", e))?;
        let campaign_id = match &row.campaign {
            Some(c) => Some(super::once(&mut campaign_ids, c, || {
                Ok(campaigns::resolve(conn, c).map_err(|e| cell("campaign", e))?.id)
            })?),
            None => None,
        };
        let recipient = match &row.recipient {
            Some(r) => r.clone(),
            None => match person_id {
                Some(p) => match known_name {
                    Some((k, name)) if k == p => name,
                    _ => crate::db::people::name_of(conn, p)?,
                },
                None => {
                    unit_id.map(|u| crate::db::units::get(conn, u).map(|u| u.name)).transpose()?.unwrap_or_default()
                }
            },
        };
        let (year_from, year_to) = row.period.unwrap_or((year, year));
        let n = NewAward {
            decision_id,
            catalog_id: entry.id,
            unit_id: if person_id.is_some() { None } else { unit_id },
            person_id,
            recipient,
            year_from,
            year_to,
            basis: row.basis,
            reason: row.reason,
            campaign_id,
            note: row.note,
        };
        w.write(n)
    })?;
    w.settle()?;
    errors.finish()?;
    w.load.end()?;
    added.awards = w.counts;
    Ok(added)
}

/// The writing side of the import: awards inserted in the file's order, each marking the registration it
/// achieves.
struct Writer<'c> {
    insert: awards::InsertIfNew<'c>,
    achiever: awards::Achiever<'c>,
    load: load::Load<'c>,
    year: i32,
    /// Awards of decisions held for the next many-row insert.
    held: Vec<NewAward>,
    counts: Counts,
}

impl Writer<'_> {
    /// An award is a fact of its decision: the same row again changes nothing. Awards of decisions are written
    /// many at a time; one without a decision is looked for first (the unique indexes hold NULL decisions
    /// apart), after the rows before it.
    fn write(&mut self, n: NewAward) -> Result<()> {
        if n.decision_id.is_some() {
            self.held.push(n);
            if self.held.len() == load::MANY {
                self.settle()?;
            }
            return Ok(());
        }
        self.settle()?;
        let inserted = self.insert.insert(&n)?;
        self.written(&n, inserted)
    }

    /// Inserts the awards held.
    fn settle(&mut self) -> Result<()> {
        if self.held.is_empty() {
            return Ok(());
        }
        let held = std::mem::take(&mut self.held);
        let done = self.insert.insert_many(&held.iter().collect::<Vec<_>>())?;
        for (n, inserted) in held.iter().zip(done) {
            self.written(n, inserted)?;
        }
        Ok(())
    }

    /// Counts an award inserted (with its number and digest) or found recorded (None); an inserted one marks the
    /// registration it achieves.
    fn written(&mut self, n: &NewAward, inserted: Option<(i64, crate::db::audit::Lanes)>) -> Result<()> {
        let Some((id, lanes)) = inserted else {
            self.counts.add(Outcome::Unchanged);
            return Ok(());
        };
        self.load.inserted(&lanes);
        if let Some((r, before, after)) = self.achiever.achieve(n, self.year, id)? {
            self.load.changed_side("registration", r, &awards::MARKED, &before, &after)?;
        }
        self.counts.add(Outcome::Inserted);
        Ok(())
    }
}

/// A row read and checked on the import's reading thread, before the file is touched.
struct Read {
    decision: DecisionCells,
    signer: Option<String>,
    code: String,
    unit: Option<String>,
    person: Option<String>,
    person_code: Option<String>,
    recipient: Option<String>,
    period: Option<(i32, i32)>,
    basis: Basis,
    reason: Option<String>,
    campaign: Option<String>,
    note: Option<String>,
    /// The person with `person_code`, looked up with the rest of the batch.
    known: Option<crate::db::people::Brief>,
}

impl Read {
    /// The staff code to look up, and whether the stored name is read: to check the row's, or to be the
    /// recipient's when the row has none.
    fn code(&self) -> Option<(&str, bool)> {
        self.person_code.as_deref().map(|c| (c, self.person.is_some() || self.recipient.is_none()))
    }
}

fn read(row: &Row) -> Result<Read> {
    let period = match row.get("year") {
        Some(y) => Some(parse_period(&y).map_err(|m| cell("year", m))?),
        None => None,
    };
    let basis = match row.get("basis") {
        Some(b) => Basis::parse(&b).ok_or_else(|| cell("basis", msg!("'{}' is not a basis ({})", b, Basis::list())))?,
        None => Basis::Merit,
    };
    Ok(Read {
        decision: (row.get("decision"), row.get("decision_date"), row.get("issuer")),
        signer: row.get("signer"),
        code: row.need("code")?,
        unit: row.get("unit"),
        person: row.get("person"),
        person_code: row.get("person_code"),
        recipient: row.get("recipient"),
        period,
        basis,
        reason: row.get("reason"),
        campaign: row.get("campaign"),
        note: row.get("note"),
        known: None,
    })
}

/// The row's decision from its columns: found by number (issuer and year narrowing), or recorded when the row
/// gives its date and issuer. An empty number is an award whose decision is not at hand.
fn row_decision(
    conn: &Connection,
    cells: &DecisionCells,
    signer: Option<String>,
    created: &mut u64,
) -> Result<Option<i64>> {
    let (Some(number), date, issuer) = cells else { return Ok(None) };
    let number = doc_number(number).map_err(|m| cell("decision", m))?;
    let date = date.as_deref().map(|d| parse_date(d).map_err(|m| cell("decision_date", m))).transpose()?;
    let issuer = issuer.clone();
    let year = date.map(|d| chrono::Datelike::year(&d));
    let found = decisions::find(conn, &number, issuer.as_deref(), year)?;
    match (&found[..], date, issuer) {
        ([d], _, _) => Ok(Some(d.id)),
        ([], Some(date), Some(issuer)) => {
            *created += 1;
            let d = NewDecision { number, issued_on: date, issuer, signer, summary: None, note: None };
            Ok(Some(decisions::insert(conn, &d)?))
        }
        ([], _, _) => Err(cell(
            "decision",
            msg!("no decision {}; give decision_date and issuer to record it, or --decision", number),
        )),
        (many, _, _) => Err(cell(
            "decision",
            msg!("{} names {} decisions; add the issuer and decision_date columns", number, many.len()),
        )),
    }
}
