//! The lists of awards and decisions: `award list`, `award show`, `award forms`, `award decision list|show`.

use rusqlite::Connection;

use crate::db::{awards, catalog, decisions};
use crate::error::Result;
use crate::model::{Award, Decision};
use crate::msg::Msg;
use crate::output::{Cell, Report, Table};
use crate::text::{format_date, format_period};

/// The columns of `award list`; `award import` reads them back.
pub const COLUMNS: &[&str] = &[
    "id",
    "decision",
    "decision_date",
    "issuer",
    "code",
    "code_name",
    "kind",
    "unit",
    "person",
    "person_code",
    "recipient",
    "year",
    "basis",
    "reason",
    "campaign",
    "note",
    "revoked",
    "revoked_on",
];

/// One award as `award list` prints it.
pub fn row(a: Award) -> Vec<Cell> {
    vec![
        a.id.into(),
        a.decision.into(),
        a.decision_date.into(),
        a.issuer.into(),
        a.code.into(),
        a.entry_name.into(),
        a.kind.into(),
        a.unit_code.into(),
        a.person_name.into(),
        a.person_code.into(),
        a.recipient.into(),
        format_period(a.year_from, a.year_to).into(),
        a.basis.into(),
        a.reason.into(),
        a.campaign.into(),
        a.note.into(),
        a.revoked_by.into(),
        a.revoked_on.into(),
    ]
}

/// Awards as a table (a decision's recipients; each `award show`, as a record).
pub fn table(list: Vec<Award>) -> Table {
    let mut t = Table::new("awards", COLUMNS);
    for a in list {
        t.push(row(a));
    }
    t
}

/// One award as a record: what `award show` prints.
pub fn show(a: Award) -> Report {
    let mut r = Report::new(Msg::plain(format!("#{} {} — {}", a.id, a.recipient, a.entry_name)));
    let mut t = table(vec![a]);
    t.record = true;
    r.section(None, vec![], Some(t));
    r
}

/// The forms of commendation: what `award forms` prints.
pub fn forms(conn: &Connection) -> Result<Table> {
    let mut t = Table::new("forms", &["code", "name", "subjects", "level", "decided_by", "legal_ref", "local"]);
    for e in catalog::list(conn, Some("form"))? {
        t.push(vec![
            e.code.clone().into(),
            e.name.clone().into(),
            Cell::Enum("subject", e.subjects()),
            e.level.clone().map_or(Cell::Empty, |l| Cell::Enum("level", l)),
            e.decided_by.clone().into(),
            e.legal_ref.clone().into(),
            Cell::Enum("bool", if e.local { "yes" } else { "no" }.into()),
        ]);
    }
    Ok(t)
}

/// The decision register: what `award decision list` prints.
pub fn decisions(conn: &Connection) -> Result<Table> {
    let mut t = Table::new("decisions", &["id", "decision", "decision_date", "issuer", "signer", "summary", "awards"]);
    for d in decisions::list(conn)? {
        t.push(vec![
            d.id.into(),
            d.number.into(),
            d.issued_on.into(),
            d.issuer.into(),
            d.signer.into(),
            d.summary.into(),
            d.awards.into(),
        ]);
    }
    Ok(t)
}

/// One decision with its recipients in its own order: what `award decision show` prints.
pub fn decision(conn: &Connection, d: &Decision) -> Result<Report> {
    let mut r = Report::new(Msg::plain(format!("{} — {}", d.number, format_date(d.issued_on))));
    let mut rec = Table::record("decision");
    rec.field("decision", d.number.as_str())
        .field("decision_date", d.issued_on)
        .field("issuer", d.issuer.as_str())
        .field("signer", d.signer.clone())
        .field("summary", d.summary.clone())
        .field("note", d.note.clone());
    r.section(None, vec![], Some(rec));
    let f = awards::Filter { decision_id: Some(d.id), ..Default::default() };
    r.section(Some(Msg::label("heading.recipients")), vec![], Some(table(awards::list(conn, &f)?)));
    Ok(r)
}
