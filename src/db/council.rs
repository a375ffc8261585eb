//! The council of the bloc-year: its members, its sessions with their attendance, the ballots per candidate and
//! title.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{refused, refused_hint, Result};
use crate::model::{CouncilRole, SessionKind};
use crate::msg::Msg;

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub id: i64,
    pub name: String,
    pub unit_code: Option<String>,
    pub role: CouncilRole,
    pub position: Option<String>,
    pub note: Option<String>,
}

pub fn add_member(
    conn: &Connection,
    name: &str,
    unit_id: Option<i64>,
    role: CouncilRole,
    position: Option<&str>,
    note: Option<&str>,
) -> Result<i64> {
    check_member(conn, None, name, role)?;
    conn.execute(
        "INSERT INTO council_member (name, unit_id, role, position, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![name, unit_id, role, position, note],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The members, chair first, then vice-chairs, the secretary, the members, each in the order added.
pub fn members(conn: &Connection) -> Result<Vec<Member>> {
    let v = conn
        .prepare_cached(
            "SELECT m.id, m.name, u.code, m.role, m.position, m.note FROM council_member m
             LEFT JOIN unit u ON u.id = m.unit_id
             ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'secretary' THEN 2 ELSE 3 END, m.id",
        )?
        .query_map([], |r| {
            Ok(Member {
                id: r.get(0)?,
                name: r.get(1)?,
                unit_code: r.get(2)?,
                role: r.get(3)?,
                position: r.get(4)?,
                note: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Refuses a name another member (not `except`) has, and a second chair.
fn check_member(conn: &Connection, except: Option<i64>, name: &str, role: CouncilRole) -> Result<()> {
    let key = crate::text::match_key(name);
    let others: Vec<Member> = members(conn)?.into_iter().filter(|m| Some(m.id) != except).collect();
    if let Some(m) = others.iter().find(|m| crate::text::match_key(&m.name) == key) {
        return Err(refused(msg!("{} is already member #{} of the council", m.name, m.id)));
    }
    if let Some(c) = others.iter().find(|m| m.role == CouncilRole::Chair && role == CouncilRole::Chair) {
        return Err(refused_hint(
            msg!("the council has a chair already: #{} {}", c.id, c.name),
            msg!("remove #{} first, or add this member with another role", c.id),
        ));
    }
    Ok(())
}

/// Writes a member's corrected fields: the name another member holds, or a second chair, is refused.
pub fn edit_member(
    conn: &Connection,
    id: i64,
    name: &str,
    unit_id: Option<i64>,
    role: CouncilRole,
    position: Option<&str>,
) -> Result<()> {
    check_member(conn, Some(id), name, role)?;
    conn.execute(
        "UPDATE council_member SET name = ?2, unit_id = ?3, role = ?4, position = ?5 WHERE id = ?1",
        params![id, name, unit_id, role, position],
    )?;
    Ok(())
}

pub fn remove_member(conn: &Connection, id: i64) -> Result<String> {
    let name: Option<String> =
        conn.query_row("SELECT name FROM council_member WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    let name = name.ok_or_else(|| refused(msg!("no council member #{}", id)))?;
    let absent: Option<i64> = conn
        .query_row(
            "SELECT session_id FROM council_absence WHERE member_id = ?1 ORDER BY session_id LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(s) = absent {
        return Err(refused(msg!(
            "council member #{} is named absent at session #{}: the session's record keeps them",
            id,
            s
        )));
    }
    conn.execute("DELETE FROM council_member WHERE id = ?1", [id])?;
    Ok(name)
}

/// Records who was absent from a session (`written`: with a written opinion).
pub fn set_absent(conn: &Connection, session_id: i64, member_id: i64, written: bool) -> Result<()> {
    conn.execute(
        "INSERT INTO council_absence (session_id, member_id, written) VALUES (?1, ?2, ?3)",
        params![session_id, member_id, written],
    )?;
    Ok(())
}

/// A session's absent members: (name, position, with a written opinion).
pub fn absent(conn: &Connection, session_id: i64) -> Result<Vec<(String, Option<String>, bool)>> {
    let v = conn
        .prepare_cached(
            "SELECT m.name, m.position, a.written FROM council_absence a JOIN council_member m ON m.id = a.member_id
             WHERE a.session_id = ?1 ORDER BY m.id",
        )?
        .query_map([session_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: i64,
    pub held_on: NaiveDate,
    pub kind: SessionKind,
    pub place: Option<String>,
    pub members: i64,
    pub present: i64,
    pub written: i64,
    pub note: Option<String>,
}

#[allow(clippy::too_many_arguments)]
pub fn add_session(
    conn: &Connection,
    held_on: NaiveDate,
    kind: SessionKind,
    place: Option<&str>,
    members: i64,
    present: i64,
    written: i64,
    note: Option<&str>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO council_session (held_on, kind, place, members, present, written, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![held_on, kind, place, members, present, written, note],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Writes a session's corrected fields.
pub fn edit_session(conn: &Connection, s: &Session) -> Result<()> {
    conn.execute(
        "UPDATE council_session SET held_on = ?2, kind = ?3, place = ?4, members = ?5, present = ?6, written = ?7
         WHERE id = ?1",
        params![s.id, s.held_on, s.kind, s.place, s.members, s.present, s.written],
    )?;
    Ok(())
}

/// Removes a session typed in error, with its attendance. One with ballots, or named by a proposal, is refused.
pub fn remove_session(conn: &Connection, id: i64) -> Result<()> {
    let ballots: i64 = conn.query_row("SELECT count(*) FROM council_vote WHERE session_id = ?1", [id], |r| r.get(0))?;
    if ballots > 0 {
        return Err(refused_hint(
            msg!("ballots are recorded at council session #{} ({})", id, ballots),
            "remove them first (`thidua council vote … --remove`), or correct the session (`thidua council session edit`)",
        ));
    }
    let proposal: Option<i64> = conn
        .query_row("SELECT id FROM proposal WHERE session_id = ?1 ORDER BY id LIMIT 1", [id], |r| r.get(0))
        .optional()?;
    if let Some(p) = proposal {
        return Err(refused(msg!("proposal #{} names council session #{} as the one that deliberated it", p, id)));
    }
    conn.execute("DELETE FROM council_absence WHERE session_id = ?1", [id])?;
    conn.execute("DELETE FROM council_session WHERE id = ?1", [id])?;
    Ok(())
}

fn session_row(r: &rusqlite::Row) -> rusqlite::Result<Session> {
    Ok(Session {
        id: r.get(0)?,
        held_on: r.get(1)?,
        kind: r.get(2)?,
        place: r.get(3)?,
        members: r.get(4)?,
        present: r.get(5)?,
        written: r.get(6)?,
        note: r.get(7)?,
    })
}

const SESSION: &str = "SELECT id, held_on, kind, place, members, present, written, note FROM council_session";

pub fn sessions(conn: &Connection) -> Result<Vec<Session>> {
    let v = conn
        .prepare_cached(&format!("{SESSION} ORDER BY held_on, id"))?
        .query_map([], session_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// A session by its number or its date.
pub fn session(conn: &Connection, input: &str) -> Result<Session> {
    let s = input.trim().trim_start_matches('#');
    let found: Vec<Session> = match s.parse::<i64>() {
        Ok(id) => conn
            .prepare_cached(&format!("{SESSION} WHERE id = ?1"))?
            .query_map([id], session_row)?
            .collect::<rusqlite::Result<_>>()?,
        Err(_) => {
            let d = crate::text::parse_date(s).map_err(refused)?;
            conn.prepare_cached(&format!("{SESSION} WHERE held_on = ?1"))?
                .query_map([d], session_row)?
                .collect::<rusqlite::Result<_>>()?
        }
    };
    match &found[..] {
        [one] => Ok(one.clone()),
        [] => Err(refused_hint(msg!("no council session '{}'", input), "`thidua council session list` shows them")),
        many => Err(refused(msg!(
            "'{}' is the date of several sessions: {}; name one by its number",
            input,
            many.iter().map(|s| format!("#{}", s.id)).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// A ballot as stored, with its candidate and title.
#[derive(Debug, Clone, PartialEq)]
pub struct Vote {
    pub session_id: i64,
    pub unit_id: Option<i64>,
    pub person_id: Option<i64>,
    pub name: String,
    pub unit_code: String,
    pub code: String,
    pub yes: i64,
    pub no: i64,
    pub written_yes: i64,
}

/// Records (or replaces) a ballot on a candidate for a title.
/// A ballot's counts against its session, as the command and a tally sheet both check them: the ballots cast no
/// more than the members present, the written opinions in favour no more than the session recorded. The column the
/// problem is in (`yes`, `written_yes`) and what it is.
pub fn check_ballot(s: &Session, yes: i64, no: i64, written: i64) -> std::result::Result<(), (&'static str, Msg)> {
    if yes + no > s.present {
        return Err((
            "yes",
            msg!(
                "{} in favour and {} against are more ballots than the {} members present at session #{}",
                yes,
                no,
                s.present,
                s.id
            ),
        ));
    }
    if written > s.written {
        return Err((
            "written_yes",
            msg!(
                "{} written opinions in favour, but session #{} recorded {} written opinions",
                written,
                s.id,
                s.written
            ),
        ));
    }
    Ok(())
}

/// Refuses to change a ballot a proposal went up on: a sent or decided proposal with the same candidate and title
/// (its memo said what the council carried).
pub fn check_unsent(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>, catalog_id: i64) -> Result<()> {
    let Some((col, id)) = super::awards::subject_column(unit_id, person_id) else { return Ok(()) };
    let sent: Option<(i64, String)> = conn
        .query_row(
            &format!(
                "SELECT p.id, p.status FROM proposal_item i JOIN proposal p ON p.id = i.proposal_id
                 WHERE i.{col} = ?1 AND i.catalog_id = ?2 AND (p.status = 'sent' OR p.status = 'decided')
                 ORDER BY p.id LIMIT 1"
            ),
            params![id, catalog_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match sent {
        Some((p, status)) if status == "decided" => {
            Err(refused(msg!("proposal #{} went up on this ballot and is decided: the ballot stays as it was", p)))
        }
        Some((p, _)) => Err(refused_hint(
            msg!("proposal #{} went up on this ballot", p),
            "record the province's answer first (`thidua proposal return`), then correct the ballot",
        )),
        None => Ok(()),
    }
}

/// Removes a ballot typed in error.
pub fn remove_vote(
    conn: &Connection,
    s: &Session,
    unit_id: Option<i64>,
    person_id: Option<i64>,
    code: &str,
) -> Result<()> {
    let (col, id) =
        super::awards::subject_column(unit_id, person_id).ok_or_else(|| refused(msg!("a ballot needs a candidate")))?;
    let catalog_id: i64 = conn.query_row("SELECT id FROM catalog WHERE code = ?1", [code], |r| r.get(0))?;
    check_unsent(conn, unit_id, person_id, catalog_id)?;
    let n = conn.execute(
        &format!("DELETE FROM council_vote WHERE session_id = ?1 AND catalog_id = ?2 AND {col} = ?3"),
        params![s.id, catalog_id, id],
    )?;
    if n == 0 {
        return Err(refused(msg!("council session #{} has no ballot on this candidate for {}", s.id, code)));
    }
    Ok(())
}

pub fn set_vote(
    conn: &Connection,
    session_id: i64,
    unit_id: Option<i64>,
    person_id: Option<i64>,
    catalog_id: i64,
    (yes, no, written_yes): (i64, i64, i64),
) -> Result<()> {
    let (col, id) =
        super::awards::subject_column(unit_id, person_id).ok_or_else(|| refused(msg!("a ballot needs a candidate")))?;
    let replaced = conn.execute(
        &format!("DELETE FROM council_vote WHERE session_id = ?1 AND catalog_id = ?2 AND {col} = ?3"),
        params![session_id, catalog_id, id],
    )?;
    if replaced > 0 {
        check_unsent(conn, unit_id, person_id, catalog_id)?;
    }
    conn.execute(
        "INSERT INTO council_vote (session_id, unit_id, person_id, catalog_id, yes, no, written_yes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![session_id, unit_id, person_id, catalog_id, yes, no, written_yes],
    )?;
    Ok(())
}

const VOTE: &str =
    "SELECT v.session_id, v.unit_id, v.person_id, coalesce(p.full_name, u.name), u.code, c.code, v.yes, v.no,
                           v.written_yes
                    FROM council_vote v JOIN catalog c ON c.id = v.catalog_id LEFT JOIN person p ON p.id = v.person_id
                    JOIN unit u ON u.id = coalesce(v.unit_id, p.unit_id)";

fn vote_row(r: &rusqlite::Row) -> rusqlite::Result<Vote> {
    Ok(Vote {
        session_id: r.get(0)?,
        unit_id: r.get(1)?,
        person_id: r.get(2)?,
        name: r.get(3)?,
        unit_code: r.get(4)?,
        code: r.get(5)?,
        yes: r.get(6)?,
        no: r.get(7)?,
        written_yes: r.get(8)?,
    })
}

/// The ballots of a session, in the order they were cast.
pub fn votes(conn: &Connection, session_id: i64) -> Result<Vec<Vote>> {
    let v = conn
        .prepare_cached(&format!("{VOTE} WHERE v.session_id = ?1 ORDER BY v.id"))?
        .query_map([session_id], vote_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// The latest ballot on a candidate for a title, at any session (the last session decides).
pub fn vote_for(
    conn: &Connection,
    unit_id: Option<i64>,
    person_id: Option<i64>,
    code: &str,
) -> Result<Option<(Vote, Session)>> {
    let Some((col, id)) = super::awards::subject_column(unit_id, person_id) else { return Ok(None) };
    let v: Option<Vote> = conn
        .prepare_cached(&format!(
            "{VOTE} JOIN council_session s ON s.id = v.session_id WHERE v.{col} = ?1 AND c.code = ?2
             ORDER BY s.held_on DESC, v.id DESC LIMIT 1"
        ))?
        .query_row(params![id, code], vote_row)
        .optional()?;
    match v {
        Some(v) => {
            let s = session(conn, &v.session_id.to_string())?;
            Ok(Some((v, s)))
        }
        None => Ok(None),
    }
}
