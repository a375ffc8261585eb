//! Campaigns ("phong trào thi đua").

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{refused, refused_hint, Result};
use crate::model::{Campaign, CampaignKind, CampaignStatus};
use crate::text::fold_key;

const SELECT: &str =
    "SELECT id, code, name, kind, slogan, motto, purpose, start_date, end_date, launcher, doc_no, status,
                             launched_on, closed_on, note FROM campaign";
const ORDER: &str = "ORDER BY kind = 'thematic', start_date IS NULL, start_date, code";

fn row(r: &Row) -> rusqlite::Result<Campaign> {
    Ok(Campaign {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        slogan: r.get(4)?,
        motto: r.get(5)?,
        purpose: r.get(6)?,
        start_date: r.get(7)?,
        end_date: r.get(8)?,
        launcher: r.get(9)?,
        doc_no: r.get(10)?,
        status: r.get(11)?,
        launched_on: r.get(12)?,
        closed_on: r.get(13)?,
        note: r.get(14)?,
    })
}

/// Regular campaigns first, then thematic ones, each by start date.
pub fn list(conn: &Connection) -> Result<Vec<Campaign>> {
    let v = conn.prepare_cached(&format!("{SELECT} {ORDER}"))?.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn by_code(conn: &Connection, code: &str) -> Result<Option<Campaign>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE code = ?1"))?.query_row([code], row).optional()?)
}

/// By code, else by name (accent-free, quotes ignored) when one campaign has it.
pub fn resolve(conn: &Connection, input: &str) -> Result<Campaign> {
    let s = input.trim();
    if let Some(c) = by_code(conn, s)? {
        return Ok(c);
    }
    let found: Vec<Campaign> = conn
        .prepare_cached(&format!("{SELECT} WHERE name_fold = ?1 {ORDER}"))?
        .query_map([fold_key(s)], row)?
        .collect::<rusqlite::Result<_>>()?;
    match &found[..] {
        [c] => Ok(c.clone()),
        [] => {
            let codes: Vec<String> = list(conn)?.into_iter().map(|c| c.code).collect();
            let hint = if codes.is_empty() {
                msg!("the file has no campaigns yet: add one with `thidua campaign add`")
            } else {
                msg!("campaigns: {}", codes.join(", "))
            };
            Err(refused_hint(msg!("no campaign '{}'", s), hint))
        }
        many => Err(refused(msg!(
            "campaign '{}' is ambiguous: {}",
            s,
            many.iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// The campaign a registration or pledge belongs to when none is named: the file's one regular campaign, if there
/// is exactly one and it is not closed.
pub fn default_regular(conn: &Connection) -> Result<Option<Campaign>> {
    let regular: Vec<Campaign> = conn
        .prepare_cached(&format!("{SELECT} WHERE kind = 'regular'"))?
        .query_map([], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(match &regular[..] {
        [c] if c.status != CampaignStatus::Closed => Some(c.clone()),
        _ => None,
    })
}

/// Refuses a campaign that is closed: nothing new may refer to it.
pub fn check_open(c: &Campaign) -> Result<()> {
    if c.status == CampaignStatus::Closed {
        return Err(refused_hint(
            msg!(
                "campaign {} was closed on {}; nothing new may refer to it",
                c.code,
                c.closed_on.map(crate::text::format_date).unwrap_or_default()
            ),
            "name another campaign with --campaign",
        ));
    }
    Ok(())
}

fn check_dates(c: &Campaign) -> Result<()> {
    if let (Some(s), Some(e)) = (c.start_date, c.end_date) {
        if e < s {
            return Err(refused(msg!(
                "campaign {}: the end {} is before the start {}",
                c.code,
                crate::text::format_date(e),
                crate::text::format_date(s)
            )));
        }
    }
    Ok(())
}

pub fn insert(conn: &Connection, c: &Campaign) -> Result<i64> {
    check_dates(c)?;
    if by_code(conn, &c.code)?.is_some() {
        return Err(refused_hint(
            msg!("campaign '{}' already exists", c.code),
            msg!("change it with `thidua campaign edit {}`", c.code),
        ));
    }
    conn.prepare_cached(
        "INSERT INTO campaign (code, name, name_fold, kind, slogan, motto, purpose, start_date, end_date, launcher, doc_no,
                               status, launched_on, closed_on, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        c.code,
        c.name,
        fold_key(&c.name),
        c.kind,
        c.slogan,
        c.motto,
        c.purpose,
        c.start_date,
        c.end_date,
        c.launcher,
        c.doc_no,
        c.status,
        c.launched_on,
        c.closed_on,
        c.note
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The campaign a year's pledge and reviews follow: the file's only open regular campaign, else its first regular
/// one.
pub fn the_regular(conn: &Connection) -> Result<Option<Campaign>> {
    Ok(default_regular(conn)?.or(list(conn)?.into_iter().find(|c| c.kind == CampaignKind::Regular)))
}

pub fn update(conn: &Connection, c: &Campaign) -> Result<()> {
    check_dates(c)?;
    if let Some(other) = by_code(conn, &c.code)? {
        if other.id != c.id {
            return Err(refused(msg!("campaign code '{}' is already taken", c.code)));
        }
    }
    conn.prepare_cached(
        "UPDATE campaign SET code = ?2, name = ?3, name_fold = ?4, kind = ?5, slogan = ?6, motto = ?7, purpose = ?8,
         start_date = ?9, end_date = ?10, launcher = ?11, doc_no = ?12, status = ?13, launched_on = ?14, closed_on = ?15,
         note = ?16 WHERE id = ?1",
    )?
    .execute(params![
        c.id,
        c.code,
        c.name,
        fold_key(&c.name),
        c.kind,
        c.slogan,
        c.motto,
        c.purpose,
        c.start_date,
        c.end_date,
        c.launcher,
        c.doc_no,
        c.status,
        c.launched_on,
        c.closed_on,
        c.note
    ])?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM campaign WHERE id = ?1", [id])?;
    Ok(())
}

/// Registrations of a campaign counted by unit (a person's registration counts for their unit): unit code, unit
/// name, collective count, individual count.
pub fn registrations_by_unit(conn: &Connection, campaign_id: i64) -> Result<Vec<(String, String, i64, i64)>> {
    let v = conn
        .prepare_cached(&format!(
            "SELECT u.code, u.name, sum(r.unit_id IS NOT NULL), sum(r.person_id IS NOT NULL)
             FROM registration r LEFT JOIN person p ON p.id = r.person_id
             JOIN unit u ON u.id = coalesce(r.unit_id, p.unit_id)
             WHERE r.campaign_id = ?1 AND r.status <> 'withdrawn'
             GROUP BY u.id ORDER BY {}",
            super::units::BLOC_ORDER
        ))?
        .query_map([campaign_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Live registrations per campaign id.
pub fn registration_counts(conn: &Connection) -> Result<std::collections::HashMap<i64, i64>> {
    let m = conn
        .prepare_cached("SELECT campaign_id, count(*) FROM registration WHERE status <> 'withdrawn' AND campaign_id IS NOT NULL GROUP BY campaign_id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(m)
}
