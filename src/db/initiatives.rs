//! Initiatives, research and combat ingenuity: who wrote them, who recognised them and how far their effect
//! reaches, and which awards they served (CV 5007/BNV-TĐKT: one initiative, one proposal).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{refused, Result};
use crate::model::{InitiativeKind, Scope};
use crate::rules::{Initiative, Use};

/// An initiative as written, with its authors: (person of the file, name as printed).
#[derive(Debug, Clone, PartialEq)]
pub struct NewInitiative {
    pub title: String,
    pub kind: InitiativeKind,
    pub scope: Scope,
    pub body: Option<String>,
    pub decision: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub year: i32,
    pub note: Option<String>,
    pub authors: Vec<(Option<i64>, String)>,
}

/// An initiative as listed: its facts, its authors as printed, its note.
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeRow {
    pub i: Initiative,
    pub authors: Vec<(Option<i64>, String)>,
    pub note: Option<String>,
}

/// The same initiative already in the file: same title (match key), year and recognising decision.
pub fn existing(conn: &Connection, n: &NewInitiative) -> Result<Option<i64>> {
    let key = crate::text::match_key(&n.title);
    let mut st = conn.prepare_cached("SELECT id, title FROM initiative WHERE year = ?1 AND decision IS ?2")?;
    let found: Vec<(i64, String)> =
        st.query_map(params![n.year, n.decision], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(found.into_iter().find(|(_, t)| crate::text::match_key(t) == key).map(|(id, _)| id))
}

pub fn insert(conn: &Connection, n: &NewInitiative) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO initiative (title, kind, scope, body, decision, decided_on, year, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![n.title, n.kind, n.scope, n.body, n.decision, n.decided_on, n.year, n.note])?;
    let id = conn.last_insert_rowid();
    let mut st =
        conn.prepare_cached("INSERT INTO initiative_author (initiative_id, person_id, name) VALUES (?1, ?2, ?3)")?;
    for (p, name) in &n.authors {
        st.execute(params![id, p, name])?;
    }
    Ok(id)
}

/// Every award and proposal candidate that rested on initiatives, by initiative: (initiative, use). A proposal's
/// candidate counts for the file's year; a withdrawn proposal's does not (the initiative served nothing); a use in
/// an older file comes with the initiative (`init --from`). One query, shared by the per-subject reads and the
/// one-pass reader.
pub const USES: &str = "SELECT x.initiative_id, a.id, NULL, NULL, c.code, a.year_to, NULL
                         FROM initiative_use x JOIN award a ON a.id = x.award_id JOIN catalog c ON c.id = a.catalog_id
                         UNION ALL
                         SELECT pi.initiative_id, NULL, i.proposal_id, i.id, c.code, (SELECT year FROM bloc), NULL
                         FROM proposal_initiative pi JOIN proposal_item i ON i.id = pi.item_id
                         JOIN catalog c ON c.id = i.catalog_id JOIN proposal p ON p.id = i.proposal_id
                         WHERE p.status <> 'withdrawn'
                         UNION ALL
                         SELECT initiative_id, NULL, NULL, NULL, code, year, source_year FROM initiative_use_carried";

pub fn use_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, Use)> {
    let proposal: Option<i64> = r.get(2)?;
    let item: Option<i64> = r.get(3)?;
    Ok((
        r.get(0)?,
        Use { award: r.get(1)?, proposal: proposal.zip(item), code: r.get(4)?, year: r.get(5)?, carried: r.get(6)? },
    ))
}

fn uses(conn: &Connection, id: i64) -> Result<Vec<Use>> {
    let v: Vec<(i64, Use)> = conn
        .prepare_cached(&format!("SELECT * FROM ({USES}) WHERE initiative_id = ?1"))?
        .query_map([id], use_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v.into_iter().map(|(_, u)| u).collect())
}

fn authors(conn: &Connection, id: i64) -> Result<Vec<(Option<i64>, String)>> {
    let v = conn
        .prepare_cached("SELECT person_id, name FROM initiative_author WHERE initiative_id = ?1 ORDER BY id")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// An initiative from eight columns starting at `at`: id, title, kind, scope, body, decision, its date, year (its
/// uses are read apart).
pub(crate) fn initiative_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Initiative> {
    Ok(Initiative {
        id: r.get(at)?,
        title: r.get(at + 1)?,
        kind: r.get(at + 2)?,
        scope: r.get(at + 3)?,
        body: r.get(at + 4)?,
        decision: r.get(at + 5)?,
        decided_on: r.get(at + 6)?,
        year: r.get(at + 7)?,
        used_by: Vec::new(),
    })
}

const SELECT: &str =
    "SELECT i.id, i.title, i.kind, i.scope, i.body, i.decision, i.decided_on, i.year, i.note FROM initiative i";

fn read(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<InitiativeRow>> {
    let base: Vec<(Initiative, Option<String>)> = conn
        .prepare_cached(sql)?
        .query_map(p, |r| Ok((initiative_row(r, 0)?, r.get(8)?)))?
        .collect::<rusqlite::Result<_>>()?;
    base.into_iter()
        .map(|(mut i, note)| {
            i.used_by = uses(conn, i.id)?;
            Ok(InitiativeRow { authors: authors(conn, i.id)?, i, note })
        })
        .collect()
}

/// Initiatives by year, then in the order they were added; narrowed to a person's, or a unit's people's.
pub fn list(
    conn: &Connection,
    person_id: Option<i64>,
    unit_id: Option<i64>,
    year: Option<i32>,
) -> Result<Vec<InitiativeRow>> {
    read(
        conn,
        &format!(
            "{SELECT} WHERE (?1 IS NULL OR i.id IN (SELECT initiative_id FROM initiative_author WHERE person_id = ?1))
               AND (?2 IS NULL OR i.id IN (SELECT x.initiative_id FROM initiative_author x JOIN person p ON p.id = x.person_id
                                          WHERE p.unit_id = ?2))
               AND (?3 IS NULL OR i.year = ?3)
             ORDER BY i.year, i.id"
        ),
        params![person_id, unit_id, year],
    )
}

/// The fields `initiative edit` may correct; none leaves a field as it is.
#[derive(Debug, Default)]
pub struct Edit {
    pub title: Option<String>,
    pub scope: Option<crate::model::Scope>,
    pub kind: Option<crate::model::InitiativeKind>,
    pub year: Option<i32>,
    pub body: Option<String>,
    pub decision: Option<String>,
    pub decided_on: Option<chrono::NaiveDate>,
    pub note: Option<String>,
}

/// Corrects an initiative's record (its scope as recognised, its year, its recognition).
pub fn edit(conn: &Connection, id: i64, e: &Edit) -> Result<()> {
    get(conn, id)?;
    conn.execute(
        "UPDATE initiative SET title = coalesce(?2, title), scope = coalesce(?3, scope), kind = coalesce(?4, kind),
                year = coalesce(?5, year), body = coalesce(?6, body), decision = coalesce(?7, decision),
                decided_on = coalesce(?8, decided_on), note = coalesce(?9, note)
         WHERE id = ?1",
        rusqlite::params![id, e.title, e.scope, e.kind, e.year, e.body, e.decision, e.decided_on, e.note],
    )?;
    Ok(())
}

/// Removes an initiative typed in error, with its authors. One an award or a proposal rests on is refused, naming
/// them: take it out there first.
pub fn remove(conn: &Connection, id: i64) -> Result<()> {
    get(conn, id)?;
    let awards: Vec<i64> = conn
        .prepare("SELECT award_id FROM initiative_use WHERE initiative_id = ?1 ORDER BY award_id")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let items: Vec<(i64, i64)> = conn
        .prepare(
            "SELECT i.proposal_id, i.id FROM proposal_initiative x JOIN proposal_item i ON i.id = x.item_id
             WHERE x.initiative_id = ?1 ORDER BY i.id",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if !awards.is_empty() || !items.is_empty() {
        let mut on: Vec<crate::msg::Arg> = awards.iter().map(|a| msg!("award #{}", a).into()).collect();
        on.extend(items.iter().map(|(p, i)| msg!("proposal #{} (candidate #{})", p, i).into()));
        return Err(crate::error::refused_hint(
            msg!("initiative #{} is the basis of {}", id, crate::msg::Arg::List(on, ", ")),
            "correct it with `thidua initiative edit`, or take those out first",
        ));
    }
    conn.execute("DELETE FROM initiative_author WHERE initiative_id = ?1", [id])?;
    conn.execute("DELETE FROM initiative WHERE id = ?1", [id])?;
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<InitiativeRow> {
    read(conn, &format!("{SELECT} WHERE i.id = ?1"), [id])?.pop().ok_or_else(|| refused(msg!("no initiative #{}", id)))
}

/// A person's initiatives, with what used them: what the eligibility check reads.
pub fn of_person(conn: &Connection, person_id: i64) -> Result<Vec<Initiative>> {
    Ok(list(conn, Some(person_id), None, None)?.into_iter().map(|r| r.i).collect())
}

/// Records that an award used an initiative. Returns what had used it before (a second use is the council's call,
/// CV 5007/BNV-TĐKT: the caller warns), or none when this use was recorded already.
pub fn use_for(conn: &Connection, id: i64, award_id: i64) -> Result<Option<Vec<Use>>> {
    let before = get(conn, id)?.i.used_by;
    if before.iter().any(|u| u.award == Some(award_id)) {
        return Ok(None);
    }
    let award: Option<i64> =
        conn.query_row("SELECT id FROM award WHERE id = ?1", [award_id], |r| r.get(0)).optional()?;
    if award.is_none() {
        return Err(refused(msg!("no award #{}", award_id)));
    }
    conn.execute("INSERT INTO initiative_use (initiative_id, award_id) VALUES (?1, ?2)", params![id, award_id])?;
    Ok(Some(before))
}

/// Takes back a use of an initiative by an award, recorded in error.
pub fn unuse(conn: &Connection, id: i64, award_id: i64) -> Result<()> {
    get(conn, id)?;
    let n =
        conn.execute("DELETE FROM initiative_use WHERE initiative_id = ?1 AND award_id = ?2", params![id, award_id])?;
    if n == 0 {
        return Err(refused(msg!("initiative #{} is not recorded as used by award #{}", id, award_id)));
    }
    Ok(())
}

/// Records that a proposal's candidate rests on an initiative; returns what had used it before (the caller warns).
pub fn use_for_candidate(conn: &Connection, id: i64, item_id: i64) -> Result<Vec<Use>> {
    let before = get(conn, id)?.i.used_by;
    conn.execute(
        "INSERT OR IGNORE INTO proposal_initiative (item_id, initiative_id) VALUES (?1, ?2)",
        params![item_id, id],
    )?;
    Ok(before.into_iter().filter(|u| u.proposal.map(|p| p.1) != Some(item_id)).collect())
}
