//! A meeting as a report: what `meeting show` prints and the reviews open with.

use rusqlite::Connection;

use crate::db::meetings;
use crate::error::Result;
use crate::model::{ItemKind, Meeting};
use crate::msg::Msg;
use crate::output::labels::label;
use crate::output::{Lang, Report, Table};
use crate::text::format_date;

/// One line that says when and where a meeting was held and who directed it.
pub fn summary(m: &Meeting, lang: Lang) -> Vec<Msg> {
    // The meeting's number first, so a review says which meeting it used (`meeting show N`).
    let mut lines = vec![
        Msg::plain(format!("{}: #{}", label("meeting_no", lang), m.id)),
        Msg::plain(format!("{}: {}", label("held_on", lang), format_date(m.held_on))),
    ];
    if let Some(p) = &m.place {
        lines.push(Msg::plain(format!("{}: {p}", label("place", lang))));
    }
    if let Some(c) = &m.chair {
        lines.push(Msg::plain(format!("{}: {c}", label("chair", lang))));
    }
    for (name, role) in &m.guests {
        lines.push(Msg::plain(format!(
            "{}: {name}{}",
            label("guest", lang),
            role.as_deref().map(|r| format!(", {r}")).unwrap_or_default()
        )));
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
pub fn sections(conn: &Connection, r: &mut Report, m: &Meeting, heading: Option<Msg>, lang: Lang) -> Result<()> {
    r.section(heading, summary(m, lang), None);
    r.section(Some(Msg::label("heading.talks")), vec![], Some(items(conn, m, ItemKind::Talk)?));
    r.section(Some(Msg::label("heading.exemplars")), vec![], Some(items(conn, m, ItemKind::Exemplar)?));
    Ok(())
}

/// One meeting with its guests, talks and exemplars: what `meeting show` prints.
pub fn show(conn: &Connection, m: &Meeting, lang: Lang) -> Result<Report> {
    let key = format!("meeting_kind.{}", m.kind);
    let kind = label(&key, lang);
    let mut r =
        Report::new(Msg::plain(m.title.clone().unwrap_or_else(|| format!("{kind} — {}", format_date(m.held_on)))));
    sections(conn, &mut r, m, None, lang)?;
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
