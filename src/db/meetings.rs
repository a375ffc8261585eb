//! The bloc's meetings, their guests, talks and exemplars.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{refused, refused_hint, Result};
use crate::model::{ItemKind, Meeting, MeetingItem, MeetingKind};
use crate::text::{format_date, parse_date};

const SELECT: &str = "SELECT id, kind, held_on, place, chair, title, note FROM meeting";

fn row(r: &Row) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        kind: r.get(1)?,
        held_on: r.get(2)?,
        place: r.get(3)?,
        chair: r.get(4)?,
        title: r.get(5)?,
        note: r.get(6)?,
        guests: Vec::new(),
    })
}

fn with_guests(conn: &Connection, mut m: Meeting) -> Result<Meeting> {
    m.guests = conn
        .prepare_cached("SELECT name, role FROM meeting_guest WHERE meeting_id = ?1 ORDER BY id")?
        .query_map([m.id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(m)
}

/// Meetings in date order, with their guests.
pub fn list(conn: &Connection) -> Result<Vec<Meeting>> {
    let v: Vec<Meeting> = conn
        .prepare_cached(&format!("{SELECT} ORDER BY held_on, id"))?
        .query_map([], row)?
        .collect::<rusqlite::Result<_>>()?;
    v.into_iter().map(|m| with_guests(conn, m)).collect()
}

/// The latest meeting of a kind held in a date range.
pub fn latest(conn: &Connection, kind: MeetingKind, from: NaiveDate, to: NaiveDate) -> Result<Option<Meeting>> {
    let m = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE kind = ?1 AND held_on BETWEEN ?2 AND ?3 ORDER BY held_on DESC, id DESC LIMIT 1"
        ))?
        .query_row(params![kind, from, to], row)
        .optional()?;
    m.map(|m| with_guests(conn, m)).transpose()
}

/// Finds a meeting by its number (`3`, `#3`) or its date, when one meeting was held that day.
pub fn resolve(conn: &Connection, input: &str) -> Result<Meeting> {
    let s = input.trim();
    let by_id = s.strip_prefix('#').unwrap_or(s).parse::<i64>().ok();
    let found: Vec<Meeting> = match (by_id, parse_date(s)) {
        (Some(id), _) => conn
            .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
            .query_map([id], row)?
            .collect::<rusqlite::Result<_>>()?,
        (None, Ok(d)) => conn
            .prepare_cached(&format!("{SELECT} WHERE held_on = ?1"))?
            .query_map([d], row)?
            .collect::<rusqlite::Result<_>>()?,
        (None, Err(_)) => Vec::new(),
    };
    match &found[..] {
        [m] => with_guests(conn, m.clone()),
        [] => Err(refused_hint(
            msg!("no meeting '{}'", s),
            "name a meeting by the number `thidua meeting list` shows, or its date",
        )),
        many => Err(refused(msg!(
            "{} meetings on {}; name one by its number: {}",
            many.len(),
            s,
            many.iter().map(|m| format!("#{} ({})", m.id, format_date(m.held_on))).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// A meeting to record.
#[derive(Debug, Clone)]
pub struct NewMeeting {
    pub kind: MeetingKind,
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub title: Option<String>,
    pub note: Option<String>,
    pub guests: Vec<(String, Option<String>)>,
}

/// The meeting of a kind held on a day, if one is recorded.
pub fn on_day(conn: &Connection, kind: MeetingKind, day: NaiveDate) -> Result<Option<Meeting>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE kind = ?1 AND held_on = ?2 ORDER BY id LIMIT 1"))?
        .query_row(params![kind, day], row)
        .optional()?)
}

/// Refuses a second meeting of the same kind on the same day: the review would pick one and `meeting talk DATE`
/// could no longer tell them apart.
fn check_unique(conn: &Connection, kind: MeetingKind, day: NaiveDate, id: Option<i64>) -> Result<()> {
    match on_day(conn, kind, day)? {
        Some(m) if Some(m.id) != id => Err(refused_hint(
            msg!("meeting #{} ({}) is already recorded on {}", m.id, kind, format_date(day)),
            msg!(
                "change it with `thidua meeting edit {}`, or remove it with `thidua meeting remove {} --yes`",
                m.id,
                m.id
            ),
        )),
        _ => Ok(()),
    }
}

pub fn insert(conn: &Connection, m: &NewMeeting) -> Result<i64> {
    check_unique(conn, m.kind, m.held_on, None)?;
    conn.prepare_cached(
        "INSERT INTO meeting (kind, held_on, place, chair, title, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![m.kind, m.held_on, m.place, m.chair, m.title, m.note])?;
    let id = conn.last_insert_rowid();
    let mut st = conn.prepare_cached("INSERT INTO meeting_guest (meeting_id, name, role) VALUES (?1, ?2, ?3)")?;
    for (name, role) in &m.guests {
        st.execute(params![id, name, role])?;
    }
    Ok(id)
}

/// Writes a meeting's fields back; `guests`, when given, replace the list.
pub fn update(conn: &Connection, m: &Meeting, guests: Option<&[(String, Option<String>)]>) -> Result<()> {
    check_unique(conn, m.kind, m.held_on, Some(m.id))?;
    conn.prepare_cached(
        "UPDATE meeting SET kind = ?2, held_on = ?3, place = ?4, chair = ?5, title = ?6, note = ?7 WHERE id = ?1",
    )?
    .execute(params![m.id, m.kind, m.held_on, m.place, m.chair, m.title, m.note])?;
    if let Some(guests) = guests {
        conn.prepare_cached("DELETE FROM meeting_guest WHERE meeting_id = ?1")?.execute([m.id])?;
        let mut st = conn.prepare_cached("INSERT INTO meeting_guest (meeting_id, name, role) VALUES (?1, ?2, ?3)")?;
        for (name, role) in guests {
            st.execute(params![m.id, name, role])?;
        }
    }
    Ok(())
}

/// How many talks and exemplars a meeting has.
pub fn item_count(conn: &Connection, meeting_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM meeting_item WHERE meeting_id = ?1")?
        .query_row([meeting_id], |r| r.get(0))?)
}

/// Removes a meeting with its guests, talks and exemplars (they belong to it alone).
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    for sql in [
        "DELETE FROM meeting_item WHERE meeting_id = ?1",
        "DELETE FROM meeting_guest WHERE meeting_id = ?1",
        "DELETE FROM meeting WHERE id = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}

/// Adds a talk or an exemplar for a unit or a person.
pub fn add_item(
    conn: &Connection,
    meeting_id: i64,
    kind: ItemKind,
    unit_id: Option<i64>,
    person_id: Option<i64>,
    text: Option<&str>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO meeting_item (meeting_id, kind, unit_id, person_id, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![meeting_id, kind, unit_id, person_id, text])?;
    Ok(conn.last_insert_rowid())
}

/// Removes a unit's or a person's talk or exemplar at a meeting (typed in error).
pub fn remove_item(
    conn: &Connection,
    meeting_id: i64,
    kind: ItemKind,
    unit_id: Option<i64>,
    person_id: Option<i64>,
) -> Result<()> {
    let n = conn.execute(
        "DELETE FROM meeting_item WHERE meeting_id = ?1 AND kind = ?2 AND unit_id IS ?3 AND person_id IS ?4",
        params![meeting_id, kind, unit_id, person_id],
    )?;
    if n == 0 {
        return Err(crate::error::refused(msg!("meeting #{} has no {} of this unit or person", meeting_id, kind)));
    }
    Ok(())
}

/// A meeting's talks or exemplars, in the order they were recorded.
pub fn items(conn: &Connection, meeting_id: i64, kind: ItemKind) -> Result<Vec<MeetingItem>> {
    let v = conn
        .prepare_cached(
            "SELECT i.id, i.kind, u.code, u.name, p.full_name, p.position, i.text
             FROM meeting_item i LEFT JOIN person p ON p.id = i.person_id
             JOIN unit u ON u.id = coalesce(i.unit_id, p.unit_id)
             WHERE i.meeting_id = ?1 AND i.kind = ?2 ORDER BY i.id",
        )?
        .query_map(params![meeting_id, kind], |r| {
            Ok(MeetingItem {
                id: r.get(0)?,
                kind: r.get(1)?,
                unit_code: r.get(2)?,
                unit_name: r.get(3)?,
                person_name: r.get(4)?,
                position: r.get(5)?,
                text: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}
