//! One person as `person show` prints it.

use rusqlite::Connection;

use crate::error::Result;
use crate::model::{Person, PositionClass};
use crate::msg::Msg;
use crate::output::{Cell, Report, Table};

fn record(p: &Person, set: Option<PositionClass>) -> Table {
    let mut t = Table::record("person");
    t.field("id", p.id)
        .field("name", p.full_name.as_str())
        .field("family", p.family.as_str())
        .field("middle", p.middle.as_str())
        .field("given", p.given.as_str())
        .field("unit", p.unit_code.as_str())
        .field("unit_name", p.unit_name.as_str())
        .field("position", p.position.clone())
        .field("gender", p.gender)
        .field("born", p.born)
        .field("code", p.staff_code.clone())
        .field("note", p.note.clone());
    // The class the forms count the person in: as set, or as the position's words say it (and then said so).
    let read = p.position.as_deref().and_then(super::forms::position_class);
    t.field("position_class", set.or(read).map_or(Cell::Empty, Cell::from)).field(
        "position_class_from",
        match (set, read) {
            (Some(_), _) => Cell::Enum("class_from", "set".into()),
            (None, Some(_)) => Cell::Enum("class_from", "words".into()),
            (None, None) => Cell::Empty,
        },
    );
    t
}

/// One person with the achievements of every year: what `person show` prints.
pub fn show(conn: &Connection, p: &Person) -> Result<Report> {
    let mut r = Report::new(Msg::plain(format!("#{} {}", p.id, p.full_name)));
    r.section(None, vec![], Some(record(p, crate::db::people::class_of(conn, p.id)?)));
    let list = super::history::achievements(conn, None, Some(p.id))?;
    r.section(Some(Msg::label("heading.awards_all")), vec![], Some(super::history::table(&list)));
    Ok(r)
}
