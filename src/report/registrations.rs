//! The lists of registrations: `register list` and the titles catalog (`register titles`).

use rusqlite::Connection;

use crate::db::catalog;
use crate::error::Result;
use crate::model::Registration;
use crate::output::{Cell, Table};

/// The columns of `register list`; `register import` reads them back.
pub const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "unit",
    "person",
    "person_code",
    "title",
    "title_name",
    "campaign",
    "date",
    "status",
    "result_note",
    "award",
    "note",
];

/// One registration as `register list` prints it.
pub fn row(r: Registration) -> Vec<Cell> {
    vec![
        r.id.into(),
        r.kind.into(),
        r.unit_code.into(),
        r.person_name.into(),
        r.person_code.into(),
        r.code.into(),
        r.title_name.into(),
        r.campaign.into(),
        r.registered_on.into(),
        r.status.into(),
        r.result_note.into(),
        r.award_id.into(),
        r.note.into(),
    ]
}

/// The titles catalog: what `register titles` prints.
pub fn titles(conn: &Connection) -> Result<Table> {
    let mut t = Table::new(
        "titles",
        &["code", "name", "category", "subjects", "level", "decided_by", "legal_ref", "cash", "local"],
    );
    for e in catalog::list(conn, Some("title"))? {
        t.push(vec![
            e.code.clone().into(),
            e.name.clone().into(),
            Cell::Enum("category", e.category.clone()),
            Cell::Enum("subject", e.subjects()),
            e.level.clone().map_or(Cell::Empty, |l| Cell::Enum("level", l)),
            e.decided_by.clone().into(),
            e.legal_ref.clone().into(),
            e.cash.map_or(Cell::Empty, Cell::Num),
            Cell::Enum("bool", if e.local { "yes" } else { "no" }.into()),
        ]);
    }
    Ok(t)
}
