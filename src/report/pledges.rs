//! Pledge completion per unit at a date: the one computation `pledge list` and the reviews share.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::{pledges, units};
use crate::error::Result;
use crate::model::{Campaign, Pledge, TargetStatus, Unit};
use crate::msg::Msg;
use crate::output::{Cell, Report, Table};

/// A member unit's pledge at a date: signed or not, its targets, how many are met, how many have no figure yet.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitPledge {
    pub unit_code: String,
    pub unit_name: String,
    pub pledge: Option<Pledge>,
    pub targets: usize,
    pub met: usize,
    pub no_data: usize,
    /// Targets not due yet and without a figure: left out of the completion at the date.
    pub in_progress: usize,
}

impl UnitPledge {
    /// The share met of its targets due by the date, in percent; none when no target is due.
    pub fn completion(&self) -> Option<f64> {
        let due = self.targets - self.in_progress;
        (due > 0).then(|| self.met as f64 / due as f64 * 100.0)
    }
}

/// Every member unit of the bloc (in bloc order), and any other unit that signed, with its completion at `as_of`.
pub fn completion(conn: &Connection, campaign_id: i64, as_of: NaiveDate) -> Result<Vec<UnitPledge>> {
    let signed = pledges::list(conn, campaign_id)?;
    let mut out = Vec::new();
    let members = units::list(conn)?.into_iter().filter(|u| u.parent_id.is_none() && u.role.is_some());
    let mut seen = Vec::new();
    for u in members {
        seen.push(u.id);
        out.push((u.code, u.name, signed.iter().find(|p| p.unit_id == u.id).cloned()));
    }
    for p in signed.iter().filter(|p| !seen.contains(&p.unit_id)) {
        out.push((p.unit_code.clone(), p.unit_name.clone(), Some(p.clone())));
    }
    out.into_iter()
        .map(|(code, name, pledge)| {
            let ts = match &pledge {
                Some(p) => pledges::targets(conn, p.id, as_of)?,
                None => Vec::new(),
            };
            Ok(UnitPledge {
                unit_code: code,
                unit_name: name,
                targets: ts.len(),
                met: ts.iter().filter(|t| t.status_at(as_of) == TargetStatus::Met).count(),
                no_data: ts.iter().filter(|t| t.status_at(as_of) == TargetStatus::NoData).count(),
                in_progress: ts.iter().filter(|t| t.status_at(as_of) == TargetStatus::InProgress).count(),
                pledge,
            })
        })
        .collect()
}

/// The table `pledge list` prints and the reviews reuse: each member unit's completion at the date.
pub fn table(rows: &[UnitPledge]) -> Table {
    let mut t = Table::new(
        "pledges",
        &["unit", "unit_name", "signed_on", "place", "targets", "met", "no_data", "in_progress", "completion"],
    );
    for r in rows {
        t.push(vec![
            r.unit_code.as_str().into(),
            r.unit_name.as_str().into(),
            r.pledge.as_ref().map(|p| p.signed_on).into(),
            r.pledge.as_ref().and_then(|p| p.place.clone()).into(),
            (r.targets as i64).into(),
            (r.met as i64).into(),
            (r.no_data as i64).into(),
            (r.in_progress as i64).into(),
            r.completion().map_or(Cell::Empty, Cell::Percent),
        ]);
    }
    t
}

/// A unit's targets with the latest figure at the date, percent and status: what `pledge show` prints.
pub fn show(conn: &Connection, u: &Unit, c: &Campaign, p: &Pledge, at: NaiveDate) -> Result<Report> {
    let mut r = Report::new(Msg::plain(format!("{} — {} ({})", u.code, u.name, c.code)));
    r.section(
        None,
        vec![msg!(
            "{}: {}; {}: {}",
            crate::msg::Arg::Label("signed_on".into()),
            p.signed_on,
            crate::msg::Arg::Label("as_of".into()),
            at
        )],
        None,
    );
    let mut t = Table::new(
        "targets",
        &["id", "unit", "target", "measure", "goal", "at_most", "due", "actual", "as_of", "percent", "status", "note"],
    );
    for x in pledges::targets(conn, p.id, at)? {
        let status = x.status_at(at);
        let percent = x.percent();
        t.push(vec![
            x.id.into(),
            x.unit_code.into(),
            x.text.into(),
            x.measure.into(),
            x.target.map_or(Cell::Empty, Cell::Num),
            Cell::Enum("bool", if x.at_most { "yes" } else { "no" }.into()),
            x.due.into(),
            match (x.actual, x.met_flag) {
                (Some(v), _) => Cell::Num(v),
                (None, Some(m)) => Cell::Enum("status", if m { "met" } else { "not_met" }.into()),
                _ => Cell::Empty,
            },
            x.as_of.into(),
            percent.map_or(Cell::Empty, Cell::Percent),
            Cell::Enum("status", status.as_str().into()),
            x.note.into(),
        ]);
    }
    r.section(None, vec![], Some(t));
    Ok(r)
}
