//! A meeting as a report: what `meeting show` prints and the reviews open with.

use rusqlite::Connection;

use crate::db::meetings;
use crate::error::Result;
use crate::model::{ItemKind, Meeting};
use crate::msg::{Arg, Msg};
use crate::output::{Report, Table};

/// The lines that say when and where a meeting was held and who directed it.
pub fn summary(m: &Meeting) -> Vec<Msg> {
    let l = |k: &str| Arg::Label(k.into());
    // The meeting's number first, so a review says which meeting it used (`meeting show N`).
    let mut lines = vec![msg!("{}: #{}", l("meeting_no"), m.id), msg!("{}: {}", l("held_on"), m.held_on)];
    if let Some(p) = &m.place {
        lines.push(msg!("{}: {}", l("place"), p));
    }
    if let Some(c) = &m.chair {
        lines.push(msg!("{}: {}", l("chair"), c));
    }
    for (name, role) in &m.guests {
        lines.push(match role {
            Some(r) => msg!("{}: {}, {}", l("guest"), name, r),
            None => msg!("{}: {}", l("guest"), name),
        });
    }
    if let Some(n) = &m.note {
        lines.push(Msg::plain(n.clone()));
    }
    lines
}

/// The talks or exemplars of a meeting as a table.
pub fn items(conn: &Connection, m: &Meeting, kind: ItemKind) -> Result<Table> {
    let talk = kind == ItemKind::Talk;
    let mut t = Table::new(
        if talk { "talks" } else { "exemplars" },
        &["unit", "person", "position", if talk { "topic" } else { "reason" }],
    );
    for i in meetings::items(conn, m.id, kind)? {
        t.push(vec![i.unit_name.into(), i.person_name.into(), i.position.into(), i.text.into()]);
    }
    Ok(t)
}

/// Adds the meeting's sections (summary, talks, exemplars) to a report.
pub fn sections(conn: &Connection, r: &mut Report, m: &Meeting, heading: Option<Msg>) -> Result<()> {
    r.section(heading, summary(m), None);
    r.section(Some(Msg::label("heading.talks")), vec![], Some(items(conn, m, ItemKind::Talk)?));
    r.section(Some(Msg::label("heading.exemplars")), vec![], Some(items(conn, m, ItemKind::Exemplar)?));
    Ok(())
}

/// One meeting with its guests, talks and exemplars: what `meeting show` prints.
pub fn show(conn: &Connection, m: &Meeting) -> Result<Report> {
    let title = match &m.title {
        Some(t) => Msg::plain(t.clone()),
        None => msg!("{} — {}", m.kind, m.held_on),
    };
    let mut r = Report::new(title);
    sections(conn, &mut r, m, None)?;
    Ok(r)
}

/// The meetings of the file as a table.
pub fn list(conn: &Connection) -> Result<Table> {
    let mut t = Table::new("meetings", &["id", "kind", "held_on", "place", "chair", "guests", "meeting_title"]);
    for m in meetings::list(conn)? {
        let guests = m.guests.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join("; ");
        t.push(vec![
            m.id.into(),
            m.kind.into(),
            m.held_on.into(),
            m.place.into(),
            m.chair.into(),
            guests.into(),
            m.title.into(),
        ]);
    }
    Ok(t)
}
