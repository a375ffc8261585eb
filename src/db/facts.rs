//! The queries the eligibility check reads beyond ratings, initiatives and discipline: titles by achievement year
//! (this file's awards with their revocations, and the carried history), a unit's people for the year, and the
//! counts of the old regime's cap.

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::rules::{Member, Title};

/// Every title and form one subject holds in this file and its carried history, by achievement year: an award
/// confers one, and so does a registration of the file's year recorded achieved before its award is typed in (its
/// result note, the decision that said so, stands for the decision) — as it will count once carried into the next
/// file.
pub fn titles(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Vec<Title>> {
    let Some((col, id)) = super::awards::subject_column(unit_id, person_id) else { return Ok(Vec::new()) };
    let subject = if col == "unit_id" { "collective" } else { "individual" };
    let v = conn
        .prepare_cached(&format!(
            "SELECT c.code, a.year_from, a.year_to, a.basis, d.number, d.issued_on, 0, v.decision, a.id
             FROM award a JOIN catalog c ON c.id = a.catalog_id LEFT JOIN decision d ON d.id = a.decision_id
             LEFT JOIN revocation v ON v.award_id = a.id
             WHERE a.{col} = ?1
             UNION ALL
             SELECT h.code, h.year_from, h.year_to, h.basis, h.decision, h.decision_date, 1, hv.decision, NULL
             FROM history h LEFT JOIN history_revocation hv ON hv.history_id = h.id
             WHERE h.subject = '{subject}' AND h.{col} = ?1
             UNION ALL
             SELECT c.code, b.year, b.year, 'merit', r.result_note, NULL, 0, NULL, NULL
             FROM registration r JOIN catalog c ON c.id = r.catalog_id JOIN bloc b
             WHERE r.{col} = ?1 AND r.status = 'achieved' AND r.award_id IS NULL
             ORDER BY 3, 2"
        ))?
        .query_map([id], |r| title_row(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// A title from nine columns starting at `at`: code, years from and to, basis, decision and its date (ISO text),
/// carried (0 or 1), the revoking decision, the award's number. Every query of titles selects them in this order.
fn title_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Title> {
    let date: Option<String> = r.get(at + 5)?;
    Ok(Title {
        code: r.get(at)?,
        year_from: r.get(at + 1)?,
        year_to: r.get(at + 2)?,
        basis: r.get(at + 3)?,
        decision: r.get(at + 4)?,
        decision_date: date.and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        carried: r.get(at + 6)?,
        revoked: r.get(at + 7)?,
        award_id: r.get(at + 8)?,
    })
}

/// Whether a person holds one of `codes` for a year on a merit basis, not revoked, here or in the history, or by a
/// registration of the file's year recorded achieved.
/// (`+a.catalog_id`: the person's few awards are found by person, never by scanning every award of the title.)
const HOLDS: &str = "(EXISTS (SELECT 1 FROM award a
                              WHERE a.person_id = p.id AND +a.catalog_id IN (SELECT id FROM catalog WHERE code IN ({codes}))
                                AND ?2 BETWEEN a.year_from AND a.year_to
                                AND a.basis = 'merit' AND a.id NOT IN (SELECT award_id FROM revocation))
                      OR EXISTS (SELECT 1 FROM history h WHERE h.subject = 'individual' AND h.person_id = p.id
                                   AND h.code IN ({codes}) AND ?2 BETWEEN h.year_from AND h.year_to
                                   AND coalesce(h.basis, 'merit') = 'merit'
                                   AND h.id NOT IN (SELECT history_id FROM history_revocation))
                      OR (?2 = (SELECT year FROM bloc) AND EXISTS (SELECT 1 FROM registration r
                                   WHERE r.person_id = p.id AND r.status = 'achieved'
                                     AND +r.catalog_id IN (SELECT id FROM catalog WHERE code IN ({codes})))))";

/// A unit's own people (not its sub-units', which are collectives of their own) as the collective titles read
/// them for a year: LĐTT, CSTĐCS, the rating, a warning or heavier discipline.
pub fn members(conn: &Connection, unit_id: i64, year: i32) -> Result<Vec<Member>> {
    use std::collections::{HashMap, HashSet};
    let ratings = super::ratings::of_people(conn, unit_id, year)?;
    let warned = super::discipline::warned_people(conn, unit_id, year)?;
    // The unit's titles of the year in three statements for all its people (awards, the carried history, the
    // year's registrations), not four subqueries a person: a national `eligible` judges 20,000 units.
    let mut held: HashMap<i64, HashSet<String>> = HashMap::new();
    for sql in [
        "SELECT a.person_id, c.code FROM person p JOIN award a ON a.person_id = p.id JOIN catalog c ON c.id = a.catalog_id
         WHERE p.unit_id = ?1 AND ?2 BETWEEN a.year_from AND a.year_to AND a.basis = 'merit'
           AND a.id NOT IN (SELECT award_id FROM revocation)",
        "SELECT h.person_id, h.code FROM person p JOIN history h ON h.person_id = p.id
         WHERE p.unit_id = ?1 AND h.subject = 'individual' AND ?2 BETWEEN h.year_from AND h.year_to
           AND coalesce(h.basis, 'merit') = 'merit' AND h.id NOT IN (SELECT history_id FROM history_revocation)",
        "SELECT r.person_id, c.code FROM person p JOIN registration r ON r.person_id = p.id
         JOIN catalog c ON c.id = r.catalog_id
         WHERE p.unit_id = ?1 AND r.status = 'achieved' AND ?2 = (SELECT year FROM bloc)",
    ] {
        let mut st = conn.prepare_cached(sql)?;
        let mut rows = st.query(params![unit_id, year])?;
        while let Some(r) = rows.next()? {
            held.entry(r.get(0)?).or_default().insert(r.get(1)?);
        }
    }
    let mut open: HashMap<i64, HashSet<String>> = HashMap::new();
    {
        let mut st = conn.prepare_cached(
            "SELECT r.person_id, c.code FROM person p JOIN registration r ON r.person_id = p.id
             JOIN catalog c ON c.id = r.catalog_id
             WHERE p.unit_id = ?1 AND r.status = 'registered' AND ?2 = (SELECT year FROM bloc)",
        )?;
        let mut rows = st.query(params![unit_id, year])?;
        while let Some(r) = rows.next()? {
            open.entry(r.get(0)?).or_default().insert(r.get(1)?);
        }
    }
    let has = |m: &HashMap<i64, HashSet<String>>, id: i64, codes: &[&str]| {
        m.get(&id).is_some_and(|s| codes.iter().any(|c| s.contains(*c)))
    };
    let v = conn
        .prepare_cached("SELECT p.id, p.full_name FROM person p WHERE p.unit_id = ?1 ORDER BY p.id")?
        .query_map([unit_id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|(id, name)| Member {
            name,
            ldtt: has(&held, id, &["LDTT", "CSTT"]),
            cstdcs: has(&held, id, &["CSTDCS"]),
            rating: ratings.get(&id).copied(),
            warning: warned.contains(&id),
            pending_ldtt: has(&open, id, &["LDTT", "CSTT", "CSTDCS"]),
            pending_cstdcs: has(&open, id, &["CSTDCS"]),
        })
        .collect();
    Ok(v)
}

/// Per unit, the counts of the old regime's cap ([`cap_counts`]).
pub type Caps = std::collections::HashMap<i64, (usize, usize)>;

/// [`members`] of every unit that has people, in unit order, for the national pass: each table read once (the
/// year's titles, ratings and discipline into a flag a person, the people through their unit's index), not six
/// statements a unit with a probe a person; with every unit's [`cap_counts`] from the same flags. `None` when the
/// people's numbers are too sparse for a flag a number (the caller then reads unit by unit).
pub fn each_unit_members(
    conn: &Connection,
    year: i32,
    mut f: impl FnMut(i64, Vec<Member>) -> Result<()>,
) -> Result<Option<Caps>> {
    use crate::model::RatingLevel;
    const LDTT: u8 = 1;
    const CSTDCS: u8 = 2;
    const PENDING_LDTT: u8 = 4;
    const PENDING_CSTDCS: u8 = 8;
    const WARNED: u8 = 16;
    let (max, count): (i64, i64) =
        conn.query_row("SELECT coalesce(max(id), 0), count(*) FROM person", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if max > 8 * count + 1_000_000 {
        return Ok(None);
    }
    let size = usize::try_from(max).unwrap_or(0) + 1;
    let mut flags = vec![0u8; size];
    let mut ratings: Vec<Option<RatingLevel>> = vec![None; size];
    let mut mark = |sql: &str, bits: &dyn Fn(&str) -> u8| -> Result<()> {
        let mut st = conn.prepare(sql)?;
        let mut rows = st.query(params![year])?;
        while let Some(r) = rows.next()? {
            let (id, code): (i64, String) = (r.get(0)?, r.get(1)?);
            if let Some(x) = usize::try_from(id).ok().and_then(|i| flags.get_mut(i)) {
                *x |= bits(&code);
            }
        }
        Ok(())
    };
    let held = |c: &str| match c {
        "LDTT" | "CSTT" => LDTT,
        "CSTDCS" => CSTDCS,
        _ => 0,
    };
    // The same titles as `members` reads: merit awards of the year not revoked, the carried history, the file
    // year's registrations achieved (held) and still open (pending).
    mark(
        "SELECT a.person_id, c.code FROM award a JOIN catalog c ON c.id = a.catalog_id
         WHERE a.person_id IS NOT NULL AND c.code IN ('LDTT', 'CSTT', 'CSTDCS') AND ?1 BETWEEN a.year_from AND a.year_to
           AND a.basis = 'merit' AND a.id NOT IN (SELECT award_id FROM revocation)",
        &held,
    )?;
    mark(
        "SELECT h.person_id, h.code FROM history h
         WHERE h.subject = 'individual' AND h.person_id IS NOT NULL AND h.code IN ('LDTT', 'CSTT', 'CSTDCS')
           AND ?1 BETWEEN h.year_from AND h.year_to AND coalesce(h.basis, 'merit') = 'merit'
           AND h.id NOT IN (SELECT history_id FROM history_revocation)",
        &held,
    )?;
    mark(
        "SELECT r.person_id, c.code || ':' || r.status FROM registration r JOIN catalog c ON c.id = r.catalog_id
         WHERE r.person_id IS NOT NULL AND c.code IN ('LDTT', 'CSTT', 'CSTDCS')
           AND r.status IN ('achieved', 'registered') AND ?1 = (SELECT year FROM bloc)",
        &|c: &str| match c.split_once(':') {
            Some((code, "achieved")) => held(code),
            Some(("CSTDCS", _)) => PENDING_LDTT | PENDING_CSTDCS,
            Some(_) => PENDING_LDTT,
            None => 0,
        },
    )?;
    mark(
        "SELECT person_id, '' FROM discipline WHERE person_id IS NOT NULL
           AND form IN ('warning', 'demotion', 'dismissal', 'removal')
           AND start_on <= ?1 || '-12-31' AND (end_on IS NULL OR end_on >= ?1 || '-01-01')",
        &|_| WARNED,
    )?;
    {
        let mut st = conn.prepare("SELECT person_id, level FROM rating WHERE person_id IS NOT NULL AND year = ?1")?;
        let mut rows = st.query(params![year])?;
        while let Some(r) = rows.next()? {
            if let Some(x) = usize::try_from(r.get::<_, i64>(0)?).ok().and_then(|i| ratings.get_mut(i)) {
                *x = Some(r.get(1)?);
            }
        }
    }
    // The people by unit: the unit's index holds them in number order, as `members` lists them.
    let mut st = conn.prepare("SELECT p.unit_id, p.id, p.full_name FROM person p ORDER BY p.unit_id")?;
    let mut rows = st.query([])?;
    let mut unit: Option<i64> = None;
    let mut list: Vec<Member> = Vec::new();
    let mut caps = Caps::new();
    // The cap counts people holding LĐTT or CSTĐCS, and those holding or registered for CSTĐCS.
    let count = |list: &[Member]| {
        let held = list.iter().filter(|m| m.ldtt || m.cstdcs).count();
        (held, list.iter().filter(|m| m.cstdcs || m.pending_cstdcs).count())
    };
    while let Some(r) = rows.next()? {
        let (u, id, name): (i64, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        if unit != Some(u) {
            if let Some(prev) = unit {
                caps.insert(prev, count(&list));
                f(prev, std::mem::take(&mut list))?;
            }
            unit = Some(u);
        }
        let i = usize::try_from(id).unwrap_or(0);
        let x = flags.get(i).copied().unwrap_or(0);
        list.push(Member {
            name,
            ldtt: x & LDTT != 0,
            cstdcs: x & CSTDCS != 0,
            rating: ratings.get(i).copied().flatten(),
            warning: x & WARNED != 0,
            pending_ldtt: x & PENDING_LDTT != 0,
            pending_cstdcs: x & PENDING_CSTDCS != 0,
        });
    }
    if let Some(prev) = unit {
        caps.insert(prev, count(&list));
        f(prev, list)?;
    }
    Ok(Some(caps))
}

/// For a CSTĐCS cap (Decree 91/2017 Art 9(3) until 2023, a province's own after): the people of a unit holding LĐTT
/// (or CSTĐCS) for the year, and those holding or still candidates for CSTĐCS (a registration settled "not achieved"
/// is no longer one).
pub fn cap_counts(conn: &Connection, unit_id: i64, year: i32) -> Result<(usize, usize)> {
    let sql = format!(
        "SELECT count(*) FILTER (WHERE {ldtt}),
                count(*) FILTER (WHERE {cstdcs} OR EXISTS (SELECT 1 FROM registration r JOIN catalog c ON c.id = r.catalog_id
                                   WHERE r.person_id = p.id AND c.code = 'CSTDCS' AND r.status IN ('registered', 'achieved')
                                     AND ?2 = (SELECT year FROM bloc)))
         FROM person p WHERE p.unit_id = ?1",
        ldtt = HOLDS.replace("{codes}", "'LDTT', 'CSTT', 'CSTDCS'"),
        cstdcs = HOLDS.replace("{codes}", "'CSTDCS'")
    );
    let (a, b): (i64, i64) =
        conn.prepare_cached(&sql)?.query_row(params![unit_id, year], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((a as usize, b as usize))
}

/// The codes a subject registered for the file's year and that are not withdrawn or settled as not achieved.
pub fn registered(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Vec<String>> {
    let Some((col, id)) = super::awards::subject_column(unit_id, person_id) else { return Ok(Vec::new()) };
    let v = conn
        .prepare_cached(&format!(
            "SELECT c.code FROM registration r JOIN catalog c ON c.id = r.catalog_id
             WHERE r.{col} = ?1 AND r.status IN ('registered', 'achieved')"
        ))?
        .query_map([id], |r| r.get(0))?
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

/// One person's facts as the bulk reader hands them over: every registration of theirs with the facts the check
/// reads, gathered by walking each table once in person order (a national file is judged in one pass, never one
/// query per person).
#[derive(Debug, Clone, PartialEq)]
pub struct PersonFacts {
    pub person_id: i64,
    pub unit_id: i64,
    pub name: String,
    pub unit_code: String,
    /// Live registrations: (registration, title code, still open).
    pub registrations: Vec<(i64, String, bool)>,
    pub ratings: Vec<crate::rules::Rating>,
    pub titles: Vec<Title>,
    pub initiatives: Vec<crate::rules::Initiative>,
    pub disciplines: Vec<crate::rules::Discipline>,
    /// Confirmations of qualitative conditions: (title code, year, note).
    pub confirmed: Vec<(String, i32, String)>,
}

/// Rows of one table in person order, taken person by person.
struct Cursor<I: Iterator> {
    rows: std::iter::Peekable<I>,
}

impl<T, I: Iterator<Item = rusqlite::Result<(i64, T)>>> Cursor<I> {
    fn new(rows: I) -> Self {
        Cursor { rows: rows.peekable() }
    }

    /// The rows of person `id` (those of people before it, without a registration, are passed over).
    fn take(&mut self, id: i64) -> Result<Vec<T>> {
        let mut out = Vec::new();
        loop {
            match self.rows.peek() {
                Some(Ok((k, _))) if *k < id => {
                    self.rows.next();
                }
                Some(Ok((k, _))) if *k == id => {
                    if let Some(Ok((_, v))) = self.rows.next() {
                        out.push(v);
                    }
                }
                Some(Err(_)) => {
                    if let Some(Err(e)) = self.rows.next() {
                        return Err(e.into());
                    }
                }
                _ => return Ok(out),
            }
        }
    }
}

/// Every person with a live registration, in person order, with their facts; `code` narrows to one title.
pub fn each_person(conn: &Connection, code: Option<&str>, mut f: impl FnMut(PersonFacts) -> Result<()>) -> Result<()> {
    let mut regs = conn.prepare(
        "SELECT r.person_id, r.id, c.code, r.status IN ('registered', 'achieved'), p.unit_id, p.full_name, u.code
         FROM registration r JOIN catalog c ON c.id = r.catalog_id JOIN person p ON p.id = r.person_id
         JOIN unit u ON u.id = p.unit_id
         WHERE r.person_id IS NOT NULL AND r.status <> 'withdrawn' AND (?1 IS NULL OR c.code = ?1)
         ORDER BY r.person_id, r.id",
    )?;
    let mut ratings = conn.prepare(
        "SELECT person_id, year, org, level, doc, doc_date FROM rating WHERE person_id IS NOT NULL ORDER BY person_id",
    )?;
    let mut awards = conn.prepare(
        "SELECT a.person_id, c.code, a.year_from, a.year_to, a.basis, d.number, d.issued_on, 0, v.decision, a.id
         FROM award a JOIN catalog c ON c.id = a.catalog_id LEFT JOIN decision d ON d.id = a.decision_id
         LEFT JOIN revocation v ON v.award_id = a.id
         WHERE a.person_id IS NOT NULL ORDER BY a.person_id",
    )?;
    let mut history = conn.prepare(
        "SELECT h.person_id, h.code, h.year_from, h.year_to, h.basis, h.decision, h.decision_date, 1, hv.decision, NULL
         FROM history h LEFT JOIN history_revocation hv ON hv.history_id = h.id
         WHERE h.subject = 'individual' AND h.person_id IS NOT NULL ORDER BY h.person_id",
    )?;
    let mut authors = conn.prepare(
        "SELECT x.person_id, i.id, i.title, i.kind, i.scope, i.body, i.decision, i.decided_on, i.year
         FROM initiative_author x JOIN initiative i ON i.id = x.initiative_id
         WHERE x.person_id IS NOT NULL ORDER BY x.person_id",
    )?;
    let mut discipline = conn.prepare(
        "SELECT person_id, id, form, decision, start_on, end_on FROM discipline
         WHERE person_id IS NOT NULL ORDER BY person_id",
    )?;
    let mut confirmed = conn.prepare(
        "SELECT x.person_id, c.code, x.year, x.note FROM confirmation x JOIN catalog c ON c.id = x.catalog_id
         WHERE x.person_id IS NOT NULL ORDER BY x.person_id",
    )?;
    // Uses are few (one per award or candidate that rested on an initiative): held whole.
    let mut uses: std::collections::HashMap<i64, Vec<crate::rules::Use>> = std::collections::HashMap::new();
    for row in conn.prepare(super::initiatives::USES)?.query_map([], super::initiatives::use_row)? {
        let (i, u) = row?;
        uses.entry(i).or_default().push(u);
    }
    let mut ratings = Cursor::new(ratings.query_map([], |r| Ok((r.get(0)?, super::ratings::rating_row(r, 1)?)))?);
    let mut awards = Cursor::new(awards.query_map([], |r| Ok((r.get(0)?, title_row(r, 1)?)))?);
    let mut history = Cursor::new(history.query_map([], |r| Ok((r.get(0)?, title_row(r, 1)?)))?);
    let mut authors =
        Cursor::new(authors.query_map([], |r| Ok((r.get(0)?, super::initiatives::initiative_row(r, 1)?)))?);
    let mut discipline = Cursor::new(discipline.query_map([], |r| {
        Ok((
            r.get(0)?,
            crate::rules::Discipline {
                id: r.get(1)?,
                form: r.get(2)?,
                decision: r.get(3)?,
                start: r.get(4)?,
                end: r.get(5)?,
            },
        ))
    })?);
    let mut confirmed = Cursor::new(confirmed.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?);
    let mut rows = regs.query([code])?;
    let mut cur: Option<PersonFacts> = None;
    let mut flush = |p: PersonFacts, f: &mut dyn FnMut(PersonFacts) -> Result<()>| -> Result<()> {
        let id = p.person_id;
        let mut titles = awards.take(id)?;
        titles.extend(history.take(id)?);
        let mut initiatives = authors.take(id)?;
        for i in &mut initiatives {
            i.used_by = uses.get(&i.id).cloned().unwrap_or_default();
        }
        f(PersonFacts {
            ratings: ratings.take(id)?,
            titles,
            initiatives,
            disciplines: discipline.take(id)?,
            confirmed: confirmed.take(id)?,
            ..p
        })
    };
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let reg = (r.get(1)?, r.get(2)?, r.get(3)?);
        match cur.as_mut() {
            Some(p) if p.person_id == id => p.registrations.push(reg),
            _ => {
                if let Some(p) = cur.take() {
                    flush(p, &mut f)?;
                }
                cur = Some(PersonFacts {
                    person_id: id,
                    unit_id: r.get(4)?,
                    name: r.get(5)?,
                    unit_code: r.get(6)?,
                    registrations: vec![reg],
                    ratings: Vec::new(),
                    titles: Vec::new(),
                    initiatives: Vec::new(),
                    disciplines: Vec::new(),
                    confirmed: Vec::new(),
                });
            }
        }
    }
    if let Some(p) = cur.take() {
        flush(p, &mut f)?;
    }
    Ok(())
}

/// The live registrations of units (collective titles), in unit order: (registration, unit, title code).
pub fn unit_registrations(conn: &Connection, code: Option<&str>) -> Result<Vec<(i64, i64, String)>> {
    let v = conn
        .prepare(
            "SELECT r.id, r.unit_id, c.code FROM registration r JOIN catalog c ON c.id = r.catalog_id
             WHERE r.unit_id IS NOT NULL AND r.status <> 'withdrawn' AND (?1 IS NULL OR c.code = ?1)
             ORDER BY r.unit_id, r.id",
        )?
        .query_map([code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// How many live registrations the file holds (the bulk path takes over above a bloc's size).
pub fn live_registrations(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM registration WHERE status <> 'withdrawn'", [], |r| r.get(0))?)
}

/// [`cap_counts`] for every unit at once, for the bulk check: one pass over the year's awards, the carried history
/// and the registrations (achieved ones hold their title, as in [`cap_counts`]), instead of one query per person of
/// each unit.
pub fn cap_counts_all(conn: &Connection, year: i32) -> Result<std::collections::HashMap<i64, (usize, usize)>> {
    let sql = "WITH t(pid, code) AS (
            SELECT a.person_id, c.code FROM award a JOIN catalog c ON c.id = a.catalog_id
             WHERE a.person_id IS NOT NULL AND c.code IN ('LDTT', 'CSTT', 'CSTDCS') AND ?1 BETWEEN a.year_from AND a.year_to
               AND a.basis = 'merit' AND a.id NOT IN (SELECT award_id FROM revocation)
            UNION
            SELECT h.person_id, h.code FROM history h
             WHERE h.subject = 'individual' AND h.person_id IS NOT NULL AND h.code IN ('LDTT', 'CSTT', 'CSTDCS')
               AND ?1 BETWEEN h.year_from AND h.year_to AND coalesce(h.basis, 'merit') = 'merit'
               AND h.id NOT IN (SELECT history_id FROM history_revocation)
            UNION
            SELECT r.person_id, c.code FROM registration r JOIN catalog c ON c.id = r.catalog_id
             WHERE r.person_id IS NOT NULL AND c.code IN ('LDTT', 'CSTT', 'CSTDCS') AND r.status = 'achieved'
               AND ?1 = (SELECT year FROM bloc)
            UNION
            SELECT r.person_id, 'registered' FROM registration r JOIN catalog c ON c.id = r.catalog_id
             WHERE r.person_id IS NOT NULL AND c.code = 'CSTDCS' AND (r.status = 'registered' OR r.status = 'achieved')
               AND ?1 = (SELECT year FROM bloc))
        SELECT p.unit_id,
               count(DISTINCT t.pid) FILTER (WHERE t.code <> 'registered'),
               count(DISTINCT t.pid) FILTER (WHERE t.code IN ('CSTDCS', 'registered'))
        FROM t JOIN person p ON p.id = t.pid GROUP BY p.unit_id";
    let v = conn
        .prepare(sql)?
        .query_map([year], |r| Ok((r.get::<_, i64>(0)?, (r.get::<_, i64>(1)? as usize, r.get::<_, i64>(2)? as usize))))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}
