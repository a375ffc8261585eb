//! The council's sessions and ballots as the rules in force judge them: the attendance against the quorum
//! (Decree 98/2023 Art 30(7)), the members named absent against the counts, each ballot against its session and
//! its threshold. `cli/council` parses and says what was done; `import/ballots` shares the ballot's check.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::proposals::{check_attendance, rules_of, weigh, Weighed};
use crate::db::{catalog, council};
use crate::error::{refused, refused_hint, usage, Result};
use crate::model::{CouncilRole, SessionKind};
use crate::output::Table;

/// A session as the secretary records it: the counts she gives, or the members she names absent.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub date: NaiveDate,
    pub kind: SessionKind,
    pub place: Option<String>,
    /// The council's size; the members recorded when not given.
    pub members: Option<u32>,
    pub present: Option<u32>,
    pub written: Option<u32>,
    /// Members named absent, and those absent who gave a written opinion.
    pub absent: Vec<i64>,
    pub wrote: Vec<i64>,
}

/// Records a session once its counts agree with the members named and the quorum is met; its number.
pub fn add_session(conn: &Connection, n: &NewSession) -> Result<i64> {
    let recorded = council::members(conn)?;
    let all = n.members.map_or(recorded.len() as i64, i64::from);
    for m in n.absent.iter().chain(&n.wrote) {
        if !recorded.iter().any(|r| r.id == *m) {
            return Err(refused_hint(
                msg!("no council member #{}", m),
                "`thidua council member list` shows their numbers",
            ));
        }
    }
    let named = (n.absent.len() + n.wrote.len()) as i64;
    let written = n.written.map_or(n.wrote.len() as i64, i64::from);
    let present = match (n.present, n.members) {
        (Some(p), _) => i64::from(p),
        (None, None) => all - named,
        (None, Some(_)) => return Err(usage(msg!("give --present with --members"))),
    };
    if all == 0 {
        return Err(refused_hint(
            msg!("the council has no members yet"),
            "add them with `thidua council member add`, or give --members",
        ));
    }
    check_named(named, n.wrote.len() as i64, all - present, written)?;
    check_attendance(conn, n.kind, all, present, written)?;
    let place = n.place.as_deref().filter(|s| !s.is_empty());
    let id = council::add_session(conn, n.date, n.kind, place, all, present, written, None)?;
    for m in &n.absent {
        council::set_absent(conn, id, *m, false)?;
    }
    for m in &n.wrote {
        council::set_absent(conn, id, *m, true)?;
    }
    Ok(id)
}

/// The members named absent fit in the counts: no more absent than the council less those present, no more
/// written opinions named than the session records.
fn check_named(named: i64, named_written: i64, absent: i64, written: i64) -> Result<()> {
    if named > absent || named_written > written {
        return Err(refused(msg!(
            "{} members named absent ({} with a written opinion), but the counts say {} absent and {} written opinions",
            named,
            named_written,
            absent,
            written
        )));
    }
    Ok(())
}

/// What a correction of a session changes; `None` keeps what is recorded (`place`: `Some("")` clears it).
#[derive(Debug, Clone, Default)]
pub struct SessionEdit {
    pub date: Option<NaiveDate>,
    pub kind: Option<SessionKind>,
    pub place: Option<String>,
    pub members: Option<u32>,
    pub present: Option<u32>,
    pub written: Option<u32>,
}

/// Corrects a session: the new counts are checked against the quorum, the members named absent and every ballot
/// recorded at it. Its number.
pub fn edit_session(conn: &Connection, session: &str, e: &SessionEdit) -> Result<i64> {
    let s = council::session(conn, session)?;
    let all = e.members.map_or(s.members, i64::from);
    let present = e.present.map_or(s.present, i64::from);
    let written = e.written.map_or(s.written, i64::from);
    check_attendance(conn, e.kind.unwrap_or(s.kind), all, present, written)?;
    let named = council::absent(conn, s.id)?;
    let named_written = named.iter().filter(|a| a.2).count() as i64;
    check_named(named.len() as i64, named_written, all - present, written)?;
    let edited = council::Session {
        held_on: e.date.unwrap_or(s.held_on),
        kind: e.kind.unwrap_or(s.kind),
        place: crate::text::edited(&e.place, s.place.clone()),
        members: all,
        present,
        written,
        ..s.clone()
    };
    for v in council::votes(conn, s.id)? {
        council::check_ballot(&edited, v.yes, v.no, v.written_yes)
            .map_err(|(_, m)| refused(msg!("the ballot on {} — {}: {}", v.name, v.code, m)))?;
    }
    council::edit_session(conn, &edited)?;
    Ok(s.id)
}

/// A ballot as given: the session, the subject (a unit, or a person narrowed by a unit), the title, the votes.
pub struct Ballot<'a> {
    pub session: &'a str,
    pub unit: Option<&'a str>,
    pub person: Option<&'a str>,
    pub title: &'a str,
}

/// Records (or replaces) a ballot after checking it against its session; the subject's name, the title and the
/// ballot weighed against the threshold in force on the session's date.
pub fn vote(conn: &Connection, b: &Ballot, yes: u32, no: u32, written: u32) -> Result<(String, String, Weighed)> {
    let s = council::session(conn, b.session)?;
    let e = catalog::resolve(conn, b.title)?;
    let (unit_id, person_id, name) = crate::db::subject(conn, b.unit, b.person)?;
    catalog::check_subject(&e, person_id.is_none(), "vote on it for")?;
    let (yes, no, written) = (i64::from(yes), i64::from(no), i64::from(written));
    council::check_ballot(&s, yes, no, written).map_err(|(_, m)| refused(m))?;
    council::set_vote(conn, s.id, unit_id, person_id, e.id, (yes, no, written))?;
    let set = rules_of(conn)?;
    let v = council::votes(conn, s.id)?
        .into_iter()
        .find(|v| v.code == e.code && v.unit_id == unit_id && v.person_id == person_id)
        .ok_or_else(|| refused(msg!("the ballot was not recorded")))?;
    Ok((name, e.code, weigh(&v, &s, &set)))
}

/// Takes a ballot away (refused while a sent proposal rests on it); the subject's name and the title.
pub fn remove_vote(conn: &Connection, b: &Ballot) -> Result<(String, String)> {
    let s = council::session(conn, b.session)?;
    let e = catalog::resolve(conn, b.title)?;
    let (unit_id, person_id, name) = crate::db::subject(conn, b.unit, b.person)?;
    council::remove_vote(conn, &s, unit_id, person_id, &e.code)?;
    Ok((name, e.code))
}

/// A member's correction; `None` keeps what is recorded (`unit`, `position`: `Some("")` clears it).
#[derive(Debug, Clone, Default)]
pub struct MemberEdit {
    pub name: Option<String>,
    pub unit: Option<String>,
    pub role: Option<CouncilRole>,
    pub position: Option<String>,
}

/// Corrects a member of the council.
pub fn edit_member(conn: &Connection, id: i64, e: &MemberEdit) -> Result<()> {
    if e.name.as_deref() == Some("") {
        return Err(usage(msg!("--name is empty: a member has a name")));
    }
    let m = council::members(conn)?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| refused(msg!("no council member #{}", id)))?;
    let unit_id = match e.unit.as_deref() {
        Some("") => None,
        Some(u) => Some(crate::db::units::resolve(conn, u)?.id),
        None => m.unit_code.as_deref().map(|c| crate::db::units::resolve(conn, c)).transpose()?.map(|u| u.id),
    };
    let position = crate::text::edited(&e.position, m.position.clone());
    council::edit_member(
        conn,
        id,
        e.name.as_deref().unwrap_or(&m.name),
        unit_id,
        e.role.unwrap_or(m.role),
        position.as_deref(),
    )
}

/// The council's members, as `council member list` shows them.
pub fn members(conn: &Connection) -> Result<Table> {
    let mut t = Table::new("council", &["id", "name", "role", "unit", "position"]);
    for m in council::members(conn)? {
        t.push(vec![m.id.into(), m.name.into(), m.role.into(), m.unit_code.into(), m.position.into()]);
    }
    Ok(t)
}

/// The council's sessions, as `council session list` shows them.
pub fn sessions(conn: &Connection) -> Result<Table> {
    let mut t = Table::new("sessions", &["id", "date", "kind", "place", "members", "present", "written"]);
    for s in council::sessions(conn)? {
        t.push(vec![
            s.id.into(),
            s.held_on.into(),
            s.kind.into(),
            s.place.into(),
            s.members.into(),
            s.present.into(),
            s.written.into(),
        ]);
    }
    Ok(t)
}
