//! Proposals sent upward: the memo, the candidates with the title or form proposed, the dossier's papers (kept
//! in the file), the state, and what the decision made of each candidate.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{refused, refused_hint, Result};
use crate::model::{DocKind, ItemOutcome, ProposalEventKind, ProposalStatus};

/// The largest paper the dossier keeps: the year's record stays one file, and a scanned memo is well under it.
pub const MAX_DOC: u64 = 20 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub id: i64,
    pub title: String,
    pub memo: Option<String>,
    pub memo_date: Option<NaiveDate>,
    pub addressee: Option<String>,
    pub session_id: Option<i64>,
    pub status: ProposalStatus,
    pub sent_on: Option<NaiveDate>,
    pub returned_on: Option<NaiveDate>,
    pub reason: Option<String>,
    pub decision: Option<String>,
    pub decision_id: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: i64,
    pub proposal_id: i64,
    pub unit_id: Option<i64>,
    pub person_id: Option<i64>,
    pub name: String,
    pub unit_code: String,
    pub code: String,
    pub summary: Option<String>,
    pub forced: Option<String>,
    pub outcome: Option<ItemOutcome>,
    pub award_id: Option<i64>,
    /// What the award granted, when it differs (the changed form).
    pub awarded: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub id: i64,
    pub item_id: Option<i64>,
    pub kind: DocKind,
    pub name: String,
    pub size: i64,
    pub sha256: String,
    pub added_on: NaiveDate,
}

/// A step of a proposal's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: ProposalEventKind,
    pub on: NaiveDate,
    pub memo: Option<String>,
    pub reason: Option<String>,
}

pub fn add(
    conn: &Connection,
    title: &str,
    addressee: Option<&str>,
    session_id: Option<i64>,
    note: Option<&str>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO proposal (title, addressee, session_id, note) VALUES (?1, ?2, ?3, ?4)",
        params![title, addressee, session_id, note],
    )?;
    Ok(conn.last_insert_rowid())
}

const SELECT: &str = "SELECT p.id, p.title, p.memo, p.memo_date, p.addressee, p.session_id, p.status, p.sent_on,
                             p.returned_on, p.reason, d.number, p.decision_id, p.note
                      FROM proposal p LEFT JOIN decision d ON d.id = p.decision_id";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Proposal> {
    Ok(Proposal {
        id: r.get(0)?,
        title: r.get(1)?,
        memo: r.get(2)?,
        memo_date: r.get(3)?,
        addressee: r.get(4)?,
        session_id: r.get(5)?,
        status: r.get(6)?,
        sent_on: r.get(7)?,
        returned_on: r.get(8)?,
        reason: r.get(9)?,
        decision: r.get(10)?,
        decision_id: r.get(11)?,
        note: r.get(12)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<Proposal>> {
    let v = conn
        .prepare_cached(&format!("{SELECT} ORDER BY p.id"))?
        .query_map([], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn get(conn: &Connection, id: i64) -> Result<Proposal> {
    conn.prepare_cached(&format!("{SELECT} WHERE p.id = ?1"))?
        .query_row([id], row)
        .optional()?
        .ok_or_else(|| refused_hint(msg!("no proposal #{}", id), "`thidua proposal list` shows them"))
}

const ITEM: &str = "SELECT i.id, i.proposal_id, i.unit_id, i.person_id, coalesce(p.full_name, u.name), u.code, c.code,
                           i.summary, i.forced, i.outcome, i.award_id, ac.code
                    FROM proposal_item i JOIN catalog c ON c.id = i.catalog_id LEFT JOIN person p ON p.id = i.person_id
                    JOIN unit u ON u.id = coalesce(i.unit_id, p.unit_id)
                    LEFT JOIN award a ON a.id = i.award_id LEFT JOIN catalog ac ON ac.id = a.catalog_id";

fn item_row(r: &rusqlite::Row) -> rusqlite::Result<Item> {
    Ok(Item {
        id: r.get(0)?,
        proposal_id: r.get(1)?,
        unit_id: r.get(2)?,
        person_id: r.get(3)?,
        name: r.get(4)?,
        unit_code: r.get(5)?,
        code: r.get(6)?,
        summary: r.get(7)?,
        forced: r.get(8)?,
        outcome: r.get(9)?,
        award_id: r.get(10)?,
        awarded: r.get(11)?,
    })
}

/// A proposal's candidates: units first, in the order added.
pub fn items(conn: &Connection, proposal_id: i64) -> Result<Vec<Item>> {
    let v = conn
        .prepare_cached(&format!("{ITEM} WHERE i.proposal_id = ?1 ORDER BY i.person_id IS NOT NULL, i.id"))?
        .query_map([proposal_id], item_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Adds a candidate; the same subject and title twice in one proposal is refused.
pub fn add_item(
    conn: &Connection,
    proposal_id: i64,
    unit_id: Option<i64>,
    person_id: Option<i64>,
    catalog_id: i64,
    summary: Option<&str>,
) -> Result<i64> {
    let (col, id) = super::awards::subject_column(unit_id, person_id)
        .ok_or_else(|| refused(msg!("a candidate needs a unit or a person")))?;
    let old: Option<i64> = conn
        .query_row(
            &format!("SELECT id FROM proposal_item WHERE proposal_id = ?1 AND catalog_id = ?2 AND {col} = ?3"),
            params![proposal_id, catalog_id, id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(old) = old {
        return Err(refused(msg!("this candidate is already #{} of proposal #{} for that title", old, proposal_id)));
    }
    conn.execute(
        "INSERT INTO proposal_item (proposal_id, unit_id, person_id, catalog_id, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![proposal_id, unit_id, person_id, catalog_id, summary],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn set_forced(conn: &Connection, item_id: i64, reason: &str) -> Result<()> {
    conn.execute("UPDATE proposal_item SET forced = ?2 WHERE id = ?1", params![item_id, reason])?;
    Ok(())
}

/// Attaches a paper, its bytes kept in the file. Refused above [`MAX_DOC`].
pub fn attach(
    conn: &Connection,
    proposal_id: i64,
    item_id: Option<i64>,
    kind: DocKind,
    name: &str,
    content: &[u8],
    on: NaiveDate,
) -> Result<(i64, String)> {
    if content.len() as u64 > MAX_DOC {
        return Err(refused_hint(
            msg!("'{}' is {} bytes, more than the {} MiB a dossier paper may be", name, content.len(), MAX_DOC >> 20),
            "attach a smaller scan (a PDF at 150 dpi), or keep the paper beside the file",
        ));
    }
    let sha = super::audit::sha256_hex(content);
    conn.execute(
        "INSERT INTO proposal_doc (proposal_id, item_id, kind, name, size, sha256, content, added_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![proposal_id, item_id, kind, name, content.len() as i64, sha, content, on],
    )?;
    Ok((conn.last_insert_rowid(), sha))
}

/// The subject's candidacies in the file's other proposals that stand (not withdrawn, not refused): (proposal,
/// candidate, title or form).
pub fn elsewhere(conn: &Connection, i: &Item) -> Result<Vec<(i64, i64, String)>> {
    let Some((col, id)) = super::awards::subject_column(i.unit_id, i.person_id) else { return Ok(Vec::new()) };
    let v = conn
        .prepare_cached(&format!(
            "SELECT i.proposal_id, i.id, c.code FROM proposal_item i JOIN proposal p ON p.id = i.proposal_id
             JOIN catalog c ON c.id = i.catalog_id
             WHERE i.{col} = ?1 AND i.proposal_id <> ?2 AND p.status <> 'withdrawn' AND i.outcome IS NOT 'refused'
             ORDER BY i.proposal_id, i.id"
        ))?
        .query_map(params![id, i.proposal_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Whether a proposal's list may still change: a draft, or one returned to be completed. A sent or decided one is
/// refused, naming why.
fn open_for_changes(conn: &Connection, id: i64) -> Result<Proposal> {
    let p = get(conn, id)?;
    match p.status {
        ProposalStatus::Draft | ProposalStatus::Returned => Ok(p),
        ProposalStatus::Sent => Err(refused_hint(
            msg!("proposal #{} was sent: its list is what the memo {} said", id, p.memo.clone().unwrap_or_default()),
            "record the province's answer first (`thidua proposal return`), then correct it",
        )),
        ProposalStatus::Decided => Err(refused(msg!("proposal #{} is decided: its list stays as decided", id))),
        ProposalStatus::Withdrawn => Err(refused_hint(
            msg!("proposal #{} was withdrawn: it stays on record as it was", id),
            "start a new proposal (`thidua proposal add`)",
        )),
    }
}

/// Takes a candidate out of a draft or returned proposal, with what rests on it there (its initiatives' link, the
/// papers of its dossier); how many papers went with it.
pub fn remove_item(conn: &Connection, proposal_id: i64, item_id: i64) -> Result<usize> {
    open_for_changes(conn, proposal_id)?;
    if !items(conn, proposal_id)?.iter().any(|i| i.id == item_id) {
        return Err(refused(msg!("proposal #{} has no candidate #{}", proposal_id, item_id)));
    }
    conn.execute("DELETE FROM proposal_initiative WHERE item_id = ?1", [item_id])?;
    let papers = conn.execute("DELETE FROM proposal_doc WHERE item_id = ?1", [item_id])?;
    conn.execute("DELETE FROM proposal_item WHERE id = ?1", [item_id])?;
    Ok(papers)
}

/// Takes a paper out of a draft or returned proposal's dossier.
pub fn detach(conn: &Connection, proposal_id: i64, doc_id: i64) -> Result<String> {
    open_for_changes(conn, proposal_id)?;
    let name: Option<String> = conn
        .query_row("SELECT name FROM proposal_doc WHERE id = ?1 AND proposal_id = ?2", [doc_id, proposal_id], |r| {
            r.get(0)
        })
        .optional()?;
    let name = name.ok_or_else(|| refused(msg!("proposal #{} has no paper #{}", proposal_id, doc_id)))?;
    conn.execute("DELETE FROM proposal_doc WHERE id = ?1", [doc_id])?;
    Ok(name)
}

/// Removes a draft proposal that was never sent, with its candidates and papers. One that went up stays on record.
pub fn remove(conn: &Connection, id: i64) -> Result<()> {
    let p = get(conn, id)?;
    if p.status != ProposalStatus::Draft || p.sent_on.is_some() {
        return Err(refused_hint(
            msg!("proposal #{} went to the province: it stays on record", id),
            "a draft that was never sent is removed; a sent one is corrected after it comes back",
        ));
    }
    conn.execute(
        "DELETE FROM proposal_initiative WHERE item_id IN (SELECT id FROM proposal_item WHERE proposal_id = ?1)",
        [id],
    )?;
    conn.execute("DELETE FROM proposal_doc WHERE proposal_id = ?1", [id])?;
    conn.execute("DELETE FROM proposal_item WHERE proposal_id = ?1", [id])?;
    conn.execute("DELETE FROM proposal WHERE id = ?1", [id])?;
    Ok(())
}

pub fn docs(conn: &Connection, proposal_id: i64) -> Result<Vec<Doc>> {
    let v = conn
        .prepare_cached(
            "SELECT id, item_id, kind, name, size, sha256, added_on FROM proposal_doc WHERE proposal_id = ?1 ORDER BY id",
        )?
        .query_map([proposal_id], |r| {
            Ok(Doc {
                id: r.get(0)?,
                item_id: r.get(1)?,
                kind: r.get(2)?,
                name: r.get(3)?,
                size: r.get(4)?,
                sha256: r.get(5)?,
                added_on: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn send(conn: &Connection, id: i64, memo: &str, on: NaiveDate, addressee: Option<&str>) -> Result<()> {
    conn.execute(
        "UPDATE proposal SET status = 'sent', memo = ?2, memo_date = ?3, sent_on = ?3,
                             addressee = coalesce(?4, addressee), reason = NULL, returned_on = NULL
         WHERE id = ?1",
        params![id, memo, on, addressee],
    )?;
    event(conn, id, ProposalEventKind::Sent, on, Some(memo), None)
}

fn event(
    conn: &Connection,
    id: i64,
    kind: ProposalEventKind,
    on: NaiveDate,
    memo: Option<&str>,
    reason: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO proposal_event (proposal_id, kind, on_date, memo, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, kind, on, memo, reason],
    )?;
    Ok(())
}

/// A proposal's history in date order. A proposal sent before the history was kept (a file of version 10 or
/// older) has none: its sending and return are read from its own columns.
pub fn events(conn: &Connection, p: &Proposal) -> Result<Vec<Event>> {
    let mut v: Vec<Event> = conn
        .prepare_cached(
            "SELECT kind, on_date, memo, reason FROM proposal_event WHERE proposal_id = ?1 ORDER BY on_date, id",
        )?
        .query_map([p.id], |r| Ok(Event { kind: r.get(0)?, on: r.get(1)?, memo: r.get(2)?, reason: r.get(3)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let kept = |k| v.iter().any(|e: &Event| e.kind == k);
    let (sent, returned) = (kept(ProposalEventKind::Sent), kept(ProposalEventKind::Returned));
    if !sent {
        if let Some(on) = p.sent_on {
            v.insert(0, Event { kind: ProposalEventKind::Sent, on, memo: p.memo.clone(), reason: None });
            if let Some(on) = p.returned_on.filter(|_| !returned) {
                v.insert(1, Event { kind: ProposalEventKind::Returned, on, memo: None, reason: p.reason.clone() });
            }
        }
    }
    Ok(v)
}

/// Withdraws a sent or returned proposal: it stays on record, with the date and the reason in its history.
pub fn withdraw(conn: &Connection, id: i64, on: NaiveDate, reason: &str) -> Result<()> {
    conn.execute("UPDATE proposal SET status = 'withdrawn' WHERE id = ?1", [id])?;
    event(conn, id, ProposalEventKind::Withdrawn, on, None, Some(reason))
}

pub fn give_back(conn: &Connection, id: i64, on: NaiveDate, reason: &str) -> Result<()> {
    conn.execute(
        "UPDATE proposal SET status = 'returned', returned_on = ?2, reason = ?3 WHERE id = ?1",
        params![id, on, reason],
    )?;
    event(conn, id, ProposalEventKind::Returned, on, None, Some(reason))
}

/// Records the decision and each candidate's outcome: (item, outcome, award).
pub fn decide(
    conn: &Connection,
    id: i64,
    decision_id: i64,
    outcomes: &[(i64, ItemOutcome, Option<i64>)],
) -> Result<()> {
    conn.execute("UPDATE proposal SET status = 'decided', decision_id = ?2 WHERE id = ?1", params![id, decision_id])?;
    for (item, outcome, award) in outcomes {
        conn.execute(
            "UPDATE proposal_item SET outcome = ?2, award_id = ?3 WHERE id = ?1",
            params![item, outcome, award],
        )?;
    }
    Ok(())
}

/// The proposal a given award answered, if any: (proposal, candidate).
pub fn answered_by(conn: &Connection, award_id: i64) -> Result<Option<(i64, i64)>> {
    Ok(conn
        .query_row("SELECT proposal_id, id FROM proposal_item WHERE award_id = ?1", [award_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}
