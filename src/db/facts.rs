//! The queries the eligibility check reads beyond ratings, initiatives and discipline: titles by achievement year
//! (this file's awards with their revocations, and the carried history), a unit's people for the year, and the
//! counts of the old regime's cap.

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::rules::{Member, Title};

/// Every title and form one subject holds in this file and its carried history, by achievement year.
pub fn titles(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Vec<Title>> {
    let v = conn
        .prepare_cached(
            "SELECT c.code, a.year_from, a.year_to, a.basis, d.number, d.issued_on, 0, v.decision, a.id
             FROM award a JOIN catalog c ON c.id = a.catalog_id LEFT JOIN decision d ON d.id = a.decision_id
             LEFT JOIN revocation v ON v.award_id = a.id
             WHERE (?1 IS NOT NULL AND a.unit_id = ?1) OR (?2 IS NOT NULL AND a.person_id = ?2)
             UNION ALL
             SELECT h.code, h.year_from, h.year_to, h.basis, h.decision, h.decision_date, 1, NULL, NULL
             FROM history h
             WHERE (?1 IS NOT NULL AND h.subject = 'collective' AND h.unit_id = ?1)
                OR (?2 IS NOT NULL AND h.subject = 'individual' AND h.person_id = ?2)
             ORDER BY 3, 2",
        )?
        .query_map(params![unit_id, person_id], |r| {
            let date: Option<String> = r.get(5)?;
            Ok(Title {
                code: r.get(0)?,
                year_from: r.get(1)?,
                year_to: r.get(2)?,
                basis: r.get(3)?,
                decision: r.get(4)?,
                decision_date: date.and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                carried: r.get(6)?,
                revoked: r.get(7)?,
                award_id: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Whether a person holds one of `codes` for a year on a merit basis, not revoked, here or in the history.
const HOLDS: &str = "(EXISTS (SELECT 1 FROM award a JOIN catalog c ON c.id = a.catalog_id
                              WHERE a.person_id = p.id AND c.code IN ({codes}) AND ?2 BETWEEN a.year_from AND a.year_to
                                AND a.basis = 'merit' AND a.id NOT IN (SELECT award_id FROM revocation))
                      OR EXISTS (SELECT 1 FROM history h WHERE h.subject = 'individual' AND h.person_id = p.id
                                   AND h.code IN ({codes}) AND ?2 BETWEEN h.year_from AND h.year_to
                                   AND coalesce(h.basis, 'merit') = 'merit'))";

/// Whether a person registered one of `codes` for the year judged, when it is the file's year, and it is still
/// open (registered, not yet achieved or not).
const REGISTERED: &str =
    "(?2 = (SELECT year FROM bloc) AND EXISTS (SELECT 1 FROM registration r JOIN catalog c ON c.id = r.catalog_id
                           WHERE r.person_id = p.id AND c.code IN ({codes}) AND r.status = 'registered'))";

/// A unit's own people (not its sub-units', which are collectives of their own) as the collective titles read
/// them for a year: LĐTT, CSTĐCS, the rating, a warning or heavier discipline.
pub fn members(conn: &Connection, unit_id: i64, year: i32) -> Result<Vec<Member>> {
    let ratings = super::ratings::of_people(conn, unit_id, year)?;
    let warned = super::discipline::warned_people(conn, unit_id, year)?;
    let sql = format!(
        "SELECT p.id, p.full_name, {}, {}, {}, {} FROM person p WHERE p.unit_id = ?1 ORDER BY p.id",
        HOLDS.replace("{codes}", "'LDTT', 'CSTT'"),
        HOLDS.replace("{codes}", "'CSTDCS'"),
        REGISTERED.replace("{codes}", "'LDTT', 'CSTT', 'CSTDCS'"),
        REGISTERED.replace("{codes}", "'CSTDCS'"),
    );
    let v = conn
        .prepare_cached(&sql)?
        .query_map(params![unit_id, year], |r| {
            let id: i64 = r.get(0)?;
            Ok(Member {
                name: r.get(1)?,
                ldtt: r.get(2)?,
                cstdcs: r.get(3)?,
                rating: ratings.get(&id).copied(),
                warning: warned.contains(&id),
                pending_ldtt: r.get(4)?,
                pending_cstdcs: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// For the old regime's cap (Decree 91/2017 Art 9(3)): the people of a unit holding LĐTT (or CSTĐCS) for the
/// year, and those holding or registered for CSTĐCS.
pub fn cap_counts(conn: &Connection, unit_id: i64, year: i32) -> Result<(usize, usize)> {
    let sql = format!(
        "SELECT count(*) FILTER (WHERE {ldtt}),
                count(*) FILTER (WHERE {cstdcs} OR EXISTS (SELECT 1 FROM registration r JOIN catalog c ON c.id = r.catalog_id
                                   WHERE r.person_id = p.id AND c.code = 'CSTDCS' AND r.status <> 'withdrawn'
                                     AND ?2 = (SELECT year FROM bloc)))
         FROM person p WHERE p.unit_id = ?1",
        ldtt = HOLDS.replace("{codes}", "'LDTT', 'CSTT', 'CSTDCS'"),
        cstdcs = HOLDS.replace("{codes}", "'CSTDCS'")
    );
    let (a, b): (i64, i64) = conn.query_row(&sql, params![unit_id, year], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((a as usize, b as usize))
}

/// The codes a subject registered for the file's year and that are not withdrawn or settled as not achieved.
pub fn registered(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Vec<String>> {
    let v = conn
        .prepare_cached(
            "SELECT c.code FROM registration r JOIN catalog c ON c.id = r.catalog_id
             WHERE r.status IN ('registered', 'achieved')
               AND ((?1 IS NOT NULL AND r.unit_id = ?1) OR (?2 IS NOT NULL AND r.person_id = ?2))",
        )?
        .query_map(params![unit_id, person_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// A live registration as the check judges it: (registration, unit, person, title code).
pub type Registered = (i64, Option<i64>, Option<i64>, String);

/// The live registrations of the file's year, units in bloc order: what `eligible` and `register check` judge
/// by default.
/// `as_of`: only those registered by that date (or undated), as a review as of a date counts them.
pub fn registrations(conn: &Connection, as_of: Option<chrono::NaiveDate>) -> Result<Vec<Registered>> {
    let v = conn
        .prepare(
            "SELECT r.id, r.unit_id, r.person_id, c.code FROM registration r JOIN catalog c ON c.id = r.catalog_id
             LEFT JOIN person p ON p.id = r.person_id JOIN unit u ON u.id = coalesce(r.unit_id, p.unit_id)
             WHERE r.status <> 'withdrawn' AND (?1 IS NULL OR r.registered_on IS NULL OR r.registered_on <= ?1)
             ORDER BY coalesce(u.sort_order, 1e9), u.id, r.person_id IS NOT NULL, r.person_id, c.id",
        )?
        .query_map([as_of], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}
