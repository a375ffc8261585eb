//! The lists of campaigns: `campaign list` and `campaign show`.

use rusqlite::Connection;

use crate::db::campaigns;
use crate::error::Result;
use crate::model::{Campaign, CampaignStatus};
use crate::msg::Msg;
use crate::output::{Cell, Report, Table};

fn status(s: &CampaignStatus) -> Cell {
    (*s).into()
}

/// The campaigns with their registrations counted: what `campaign list` prints.
pub fn list(conn: &Connection) -> Result<Table> {
    let counts = campaigns::registration_counts(conn)?;
    let mut t = Table::new(
        "campaigns",
        &[
            "code",
            "name",
            "kind",
            "status",
            "start",
            "end",
            "launched_on",
            "closed_on",
            "launcher",
            "doc",
            "registrations",
        ],
    );
    for c in campaigns::list(conn)? {
        t.push(vec![
            c.code.into(),
            c.name.into(),
            c.kind.into(),
            status(&c.status),
            c.start_date.into(),
            c.end_date.into(),
            c.launched_on.into(),
            c.closed_on.into(),
            c.launcher.into(),
            c.doc_no.into(),
            counts.get(&c.id).copied().unwrap_or(0).into(),
        ]);
    }
    Ok(t)
}

/// One campaign with its registrations counted by unit: what `campaign show` prints.
pub fn show(conn: &Connection, c: &Campaign) -> Result<Report> {
    let mut r = Report::new(Msg::plain(format!("{} — {}", c.code, c.name)));
    let mut rec = Table::record("campaign");
    rec.field("code", c.code.as_str())
        .field("name", c.name.as_str())
        .field("kind", c.kind)
        .field("status", status(&c.status))
        .field("slogan", c.slogan.clone())
        .field("motto", c.motto.clone())
        .field("purpose", c.purpose.clone())
        .field("start", c.start_date)
        .field("end", c.end_date)
        .field("launcher", c.launcher.clone())
        .field("doc", c.doc_no.clone())
        .field("launched_on", c.launched_on)
        .field("closed_on", c.closed_on)
        .field("note", c.note.clone());
    r.section(None, vec![], Some(rec));
    let mut t = Table::new("registrations_by_unit", &["unit", "unit_name", "collective", "individual"]);
    for (code, name, coll, ind) in campaigns::registrations_by_unit(conn, c.id)? {
        t.push(vec![code.into(), name.into(), coll.into(), ind.into()]);
    }
    r.section(Some(Msg::label("heading.registrations_by_unit")), vec![], Some(t));
    Ok(r)
}
