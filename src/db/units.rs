//! Units: member units of the bloc and their sub-units.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{refused, refused_hint, Result};
use crate::model::{Outcome, Role, Unit, UnitData, UnitEndKind};
use crate::text::{fold_key, match_key};

const SELECT: &str =
    "SELECT u.id, u.code, u.name, u.short, u.parent_id, p.code, u.role, u.sector, u.note, u.sort_order,
                             u.female_share
                      FROM unit u LEFT JOIN unit p ON p.id = u.parent_id";

/// The units under unit `?1`, itself included, as a table `sub(id)` for the query that follows.
pub const UNITS_UNDER: &str =
    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT unit.id FROM unit JOIN sub ON unit.parent_id = sub.id)";

/// Bloc order over a unit aliased `u` (docs/architecture.md): an explicit order first, then the leader, the deputy, the rest
/// by code. Other queries listing units use it too.
pub const BLOC_ORDER: &str =
    "u.sort_order IS NULL, u.sort_order, CASE u.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, u.code";

fn row(r: &Row) -> rusqlite::Result<Unit> {
    Ok(Unit {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        short: r.get(3)?,
        parent_id: r.get(4)?,
        parent_code: r.get(5)?,
        role: r.get(6)?,
        sector: r.get(7)?,
        note: r.get(8)?,
        sort_order: r.get(9)?,
        female_share: r.get(10)?,
    })
}

/// All units in bloc order (parents and children mixed; the caller builds the tree).
pub fn list(conn: &Connection) -> Result<Vec<Unit>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} ORDER BY {BLOC_ORDER}"))?;
    let v = st.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// The bloc's member units: top-level units holding a role, in bloc order.
pub fn members(conn: &Connection) -> Result<Vec<Unit>> {
    Ok(list(conn)?.into_iter().filter(|u| u.parent_id.is_none() && u.role.is_some()).collect())
}

pub fn get(conn: &Connection, id: i64) -> Result<Unit> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE u.id = ?1"))?.query_row([id], row)?)
}

pub fn by_code(conn: &Connection, code: &str) -> Result<Option<Unit>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE u.code = ?1"))?.query_row([code], row).optional()?)
}

/// Every unit's number by its code in upper case (codes match without regard to ASCII case, as `by_code` does):
/// a national import finds the units its rows give by code on its reading thread.
pub fn ids_by_code(conn: &Connection) -> Result<std::collections::HashMap<String, i64>> {
    let v = conn
        .prepare("SELECT upper(code), id FROM unit")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Whether a unit has sub-units (one probe of `unit_parent`).
/// The units under each unit asked about, found once: an import names people within the same few units over and
/// over (2,857 sub-units under a member unit of the synthetic national file).
#[derive(Default)]
pub struct Trees(HashMap<i64, HashSet<i64>>);

impl Trees {
    /// Whether `unit` is `root` or one of the units under it.
    pub fn holds(&mut self, conn: &Connection, root: i64, unit: i64) -> Result<bool> {
        if root == unit {
            return Ok(true);
        }
        if let std::collections::hash_map::Entry::Vacant(e) = self.0.entry(root) {
            // UNION, not UNION ALL: a loop of parents written into the file by another program ends.
            let under = conn
                .prepare_cached(
                    "WITH RECURSIVE down(id) AS (SELECT ?1 UNION SELECT u.id FROM unit u JOIN down ON u.parent_id = down.id)
                     SELECT id FROM down",
                )?
                .query_map([root], |r| r.get(0))?
                .collect::<rusqlite::Result<HashSet<i64>>>()?;
            e.insert(under);
        }
        Ok(self.0.get(&root).is_some_and(|under| under.contains(&unit)))
    }
}

pub fn has_sub_units(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM unit WHERE parent_id = ?1)")?.query_row([id], |r| r.get(0))?)
}

pub fn children(conn: &Connection, id: i64) -> Result<Vec<Unit>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE u.parent_id = ?1 ORDER BY {BLOC_ORDER}"))?;
    let v = st.query_map([id], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Finds a unit by what a secretary types: its code (any case), its name or short name (any case, any tone-mark
/// placement, NFD or NFC), else the name without accents ("cuc thue"), else words of the name. More than one match
/// is an error listing the candidates.
pub fn resolve(conn: &Connection, input: &str) -> Result<Unit> {
    let s = input.trim();
    if let Some(u) = by_code(conn, s)? {
        return Ok(u);
    }
    let (key, fold) = (match_key(s), fold_key(s));
    // A code typed with spaces for its separators: "bhxh tb" for BHXH_TB (an index lookup per separator). Codes are
    // ASCII (`check_code`): a name with a Vietnamese letter is not looked for as one (an import naming 20,000 units
    // by name made three lookups for each).
    if s.contains(' ') && s.is_ascii() {
        for sep in ["_", "-", "."] {
            if let Some(u) = by_code(conn, &s.split_whitespace().collect::<Vec<_>>().join(sep))? {
                return Ok(u);
            }
        }
    }
    let mut st =
        conn.prepare_cached(&format!("{SELECT} WHERE u.name_key = ?1 OR u.short_fold = ?2 ORDER BY {BLOC_ORDER}"))?;
    let exact: Vec<Unit> = st.query_map(params![key, fold], row)?.collect::<rusqlite::Result<_>>()?;
    // A short name matches on its fold only; prefer units whose full name matches exactly.
    let exact_names: Vec<Unit> = exact.iter().filter(|u| match_key(&u.name) == key).cloned().collect();
    if let [u] = &exact_names[..] {
        return Ok(u.clone());
    }
    let found = if exact.is_empty() {
        if fold.is_empty() {
            Vec::new()
        } else {
            // The words as a plain substring (`instr`), not a LIKE pattern: no character of the input is a wildcard,
            // and a long input is no "pattern too complex".
            let mut st = conn.prepare_cached(&format!(
                "{SELECT} WHERE u.name_fold = ?1 OR instr(' ' || u.name_fold || ' ', ' ' || ?1 || ' ') > 0 ORDER BY {BLOC_ORDER}"
            ))?;
            let v: Vec<Unit> = st.query_map([&fold], row)?.collect::<rusqlite::Result<_>>()?;
            // An exact accent-free name beats a name that only contains the words.
            let whole: Vec<Unit> = v.iter().filter(|u| fold_key(&u.name) == fold).cloned().collect();
            if whole.is_empty() {
                v
            } else {
                whole
            }
        }
    } else {
        exact
    };
    match &found[..] {
        [u] => Ok(u.clone()),
        [] => Err(not_found(conn, s)?),
        _ => Err(refused_hint(
            msg!(
                "unit '{}' is ambiguous: {}",
                s,
                found.iter().map(|u| format!("{} ({})", u.code, u.name)).collect::<Vec<_>>().join(", ")
            ),
            "name the unit by its code",
        )),
    }
}

fn not_found(conn: &Connection, s: &str) -> Result<crate::error::Error> {
    let codes: Vec<String> = conn
        .prepare_cached("SELECT code FROM unit ORDER BY code LIMIT 13")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let hint = match codes.len() {
        0 => msg!("the file has no units yet: add them with `thidua unit add` or `thidua unit import`"),
        1..=12 => msg!("known units: {}", codes.join(", ")),
        _ => msg!("see `thidua unit list`"),
    };
    Ok(refused_hint(msg!("no unit '{}'", s), hint))
}

pub fn leader(conn: &Connection) -> Result<Option<Unit>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE u.role = 'leader'"))?.query_row([], row).optional()?)
}

/// The bloc's rules for a unit about to be written as `d` (its id when it exists): only top-level units hold a
/// role, at most one leader, a parent that exists and is not the unit itself or one of its sub-units.
pub fn check(conn: &Connection, id: Option<i64>, d: &UnitData) -> Result<()> {
    if d.parent_id.is_some() && d.role.is_some() {
        return Err(refused_hint(
            msg!("unit '{}' has a parent unit, so it cannot hold a bloc role", d.code),
            "only top-level units are members of the bloc; drop --role, or give it no parent",
        ));
    }
    if d.role == Some(Role::Leader) {
        if let Some(l) = leader(conn)? {
            if Some(l.id) != id {
                return Err(refused_hint(
                    msg!("the bloc already has a leader: {}", format!("{} ({})", l.code, l.name)),
                    msg!("hand the role over first: `thidua unit edit {} --role member`", l.code),
                ));
            }
        }
    }
    if let (Some(p), Some(me)) = (d.parent_id, id) {
        // Walk up from the new parent; meeting the unit itself would make a cycle.
        let mut cur = Some(p);
        while let Some(c) = cur {
            if c == me {
                return Err(refused(msg!("unit '{}' cannot be placed under itself or one of its sub-units", d.code)));
            }
            cur = conn.query_row("SELECT parent_id FROM unit WHERE id = ?1", [c], |r| r.get(0))?;
        }
    }
    Ok(())
}

pub fn insert(conn: &Connection, d: &UnitData) -> Result<i64> {
    check(conn, None, d)?;
    let r = conn.prepare_cached(
        "INSERT INTO unit (code, name, name_key, name_fold, short, short_fold, parent_id, role, sector, note, sort_order,
                           female_share)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        d.code,
        d.name,
        match_key(&d.name),
        fold_key(&d.name),
        d.short,
        d.short.as_deref().map(fold_key),
        d.parent_id,
        d.role.map(Role::as_str),
        d.sector,
        d.note,
        d.sort_order,
        d.female_share
    ]);
    match r {
        Ok(_) => Ok(conn.last_insert_rowid()),
        Err(e) if super::is_constraint(&e) && by_code(conn, &d.code)?.is_some() => Err(refused_hint(
            msg!("unit '{}' already exists", d.code),
            msg!("change it with `thidua unit edit {}`", d.code),
        )),
        Err(e) => Err(e.into()),
    }
}

pub fn update(conn: &Connection, id: i64, d: &UnitData) -> Result<()> {
    check(conn, Some(id), d)?;
    let r = conn
        .prepare_cached(
            "UPDATE unit SET code = ?2, name = ?3, name_key = ?4, name_fold = ?5, short = ?6, short_fold = ?7,
             parent_id = ?8, role = ?9, sector = ?10, note = ?11, sort_order = ?12, female_share = ?13 WHERE id = ?1",
        )?
        .execute(params![
            id,
            d.code,
            d.name,
            match_key(&d.name),
            fold_key(&d.name),
            d.short,
            d.short.as_deref().map(fold_key),
            d.parent_id,
            d.role.map(Role::as_str),
            d.sector,
            d.note,
            d.sort_order,
            d.female_share
        ]);
    match r {
        Ok(_) => Ok(()),
        Err(e) if super::is_constraint(&e) => Err(refused(msg!("unit code '{}' is already taken", d.code))),
        Err(e) => Err(e.into()),
    }
}

/// The stored unit as the fields it would be written with, to compare with an import row.
pub fn data_of(u: &Unit) -> UnitData {
    UnitData {
        code: u.code.clone(),
        name: u.name.clone(),
        short: u.short.clone(),
        parent_id: u.parent_id,
        role: u.role,
        sector: u.sector.clone(),
        note: u.note.clone(),
        sort_order: u.sort_order,
        female_share: u.female_share,
    }
}

/// Inserts the unit, or updates the one with its code when anything differs.
pub fn upsert(conn: &Connection, d: &UnitData) -> Result<(i64, Outcome)> {
    match by_code(conn, &d.code)? {
        None => Ok((insert(conn, d)?, Outcome::Inserted)),
        Some(u) => {
            // Keep the stored spelling of the code when only its case differs.
            let d = UnitData { code: u.code.clone(), ..d.clone() };
            if data_of(&u) == d {
                Ok((u.id, Outcome::Unchanged))
            } else {
                update(conn, u.id, &d)?;
                Ok((u.id, Outcome::Updated))
            }
        }
    }
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM unit WHERE id = ?1", [id])?;
    Ok(())
}

/// How and when a unit ended: merged into its successor, or dissolved.
#[derive(Debug, Clone, PartialEq)]
pub struct End {
    pub how: UnitEndKind,
    pub on: chrono::NaiveDate,
    /// The successor's code and name (a merger).
    pub successor: Option<(String, String)>,
    pub decision: Option<String>,
}

const END: &str = "SELECT e.unit_id, e.how, e.on_date, s.code, s.name, e.decision
                   FROM unit_end e LEFT JOIN unit s ON s.id = e.successor_id";

fn end_row(r: &Row) -> rusqlite::Result<(i64, End)> {
    let code: Option<String> = r.get(3)?;
    let name: Option<String> = r.get(4)?;
    Ok((r.get(0)?, End { how: r.get(1)?, on: r.get(2)?, successor: code.zip(name), decision: r.get(5)? }))
}

/// Every unit that ended, by id.
pub fn ends(conn: &Connection) -> Result<HashMap<i64, End>> {
    let v = conn.prepare_cached(END)?.query_map([], end_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// How a unit ended, if it did.
pub fn end_of(conn: &Connection, id: i64) -> Result<Option<End>> {
    Ok(conn
        .prepare_cached(&format!("{END} WHERE e.unit_id = ?1"))?
        .query_row([id], end_row)
        .optional()?
        .map(|(_, e)| e))
}

/// The units merged into this one: (code, name, date).
pub fn merged_into(conn: &Connection, id: i64) -> Result<Vec<(String, String, chrono::NaiveDate)>> {
    let v = conn
        .prepare_cached(
            "SELECT u.code, u.name, e.on_date FROM unit_end e JOIN unit u ON u.id = e.unit_id
             WHERE e.successor_id = ?1 ORDER BY e.on_date, u.code",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Records that a unit ended. A unit ends once; a successor must not have ended itself, nor be a sub-unit of the
/// unit (it would go with it). With `move_people`, its people and sub-units go to the successor.
pub fn end(
    conn: &Connection,
    u: &Unit,
    how: UnitEndKind,
    on: chrono::NaiveDate,
    successor: Option<&Unit>,
    decision: Option<&str>,
    move_people: bool,
) -> Result<(usize, usize)> {
    if let Some(e) = end_of(conn, u.id)? {
        let on = e.on;
        return Err(refused_hint(
            match &e.successor {
                Some((code, _)) => msg!("unit {} was merged into {} on {} already", u.code, code, on),
                None => msg!("unit {} was dissolved on {} already", u.code, on),
            },
            msg!("`thidua unit restore {}` takes it back, if it was typed in error", u.code),
        ));
    }
    if u.role == Some(Role::Leader) {
        return Err(refused_hint(
            msg!("unit {} leads the bloc", u.code),
            "give the role to another unit first (`thidua unit edit CODE --role leader`)",
        ));
    }
    if let Some(s) = successor {
        if s.id == u.id {
            return Err(refused(msg!("unit {} cannot be merged into itself", u.code)));
        }
        if let Some(e) = end_of(conn, s.id)? {
            return Err(refused(msg!(
                "unit {} ended on {}: a unit is merged into one that goes on",
                s.code,
                crate::text::format_date(e.on)
            )));
        }
        let mut trees = Trees::default();
        if trees.holds(conn, u.id, s.id)? {
            return Err(refused(msg!("unit {} is a sub-unit of {}: it would end with it", s.code, u.code)));
        }
    }
    conn.execute(
        "INSERT INTO unit_end (unit_id, how, on_date, successor_id, decision) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![u.id, how, on, successor.map(|s| s.id), decision],
    )?;
    let (mut people, mut subs) = (0, 0);
    if let (Some(s), true) = (successor, move_people) {
        people = conn.execute("UPDATE person SET unit_id = ?2 WHERE unit_id = ?1", [u.id, s.id])?;
        subs = conn.execute("UPDATE unit SET parent_id = ?2 WHERE parent_id = ?1", [u.id, s.id])?;
    }
    Ok((people, subs))
}

/// Takes back a merger or dissolution typed in error; the people moved with it stay where they are.
pub fn restore(conn: &Connection, u: &Unit) -> Result<()> {
    if conn.execute("DELETE FROM unit_end WHERE unit_id = ?1", [u.id])? == 0 {
        return Err(refused(msg!("unit {} has not ended", u.code)));
    }
    Ok(())
}

/// A unit's staff for the year.
#[derive(Debug, Clone, PartialEq)]
pub struct Staff {
    pub staff: i64,
    pub women: Option<i64>,
    pub party: Option<i64>,
    pub function: Option<String>,
}

pub fn staff(conn: &Connection, id: i64) -> Result<Option<Staff>> {
    Ok(conn
        .prepare_cached("SELECT staff, women, party, function FROM unit_staff WHERE unit_id = ?1")?
        .query_row([id], |r| Ok(Staff { staff: r.get(0)?, women: r.get(1)?, party: r.get(2)?, function: r.get(3)? }))
        .optional()?)
}

/// Records a unit's staff counts (replacing earlier ones). Women and Party members cannot exceed the staff.
/// What a unit reports of its staff for the year: how many hold LĐTT and CSTĐCS, and the paper that says so.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    pub ldtt: i64,
    pub cstdcs: i64,
    pub doc: Option<String>,
}

pub fn reported(conn: &Connection, id: i64) -> Result<Option<Reported>> {
    Ok(conn
        .prepare_cached("SELECT ldtt, cstdcs, doc FROM unit_reported WHERE unit_id = ?1")?
        .query_row([id], |r| Ok(Reported { ldtt: r.get(0)?, cstdcs: r.get(1)?, doc: r.get(2)? }))
        .optional()?)
}

/// Records the counts a unit reports, against its staff.
pub fn set_reported(conn: &Connection, id: i64, staff: i64, r: &Reported) -> Result<()> {
    if r.ldtt > staff {
        return Err(refused(msg!("{} holding LĐTT is more than the staff of {}", r.ldtt, staff)));
    }
    if r.cstdcs > r.ldtt {
        return Err(refused(msg!(
            "{} holding CSTĐCS is more than the {} holding LĐTT (CSTĐCS rests on LĐTT)",
            r.cstdcs,
            r.ldtt
        )));
    }
    conn.execute(
        "INSERT INTO unit_reported (unit_id, ldtt, cstdcs, doc) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (unit_id) DO UPDATE SET ldtt = excluded.ldtt, cstdcs = excluded.cstdcs, doc = excluded.doc",
        params![id, r.ldtt, r.cstdcs, r.doc],
    )?;
    Ok(())
}

pub fn set_staff(conn: &Connection, id: i64, s: &Staff) -> Result<()> {
    let (staff, women, party) = (s.staff, s.women, s.party);
    if let Some(n) = women.filter(|n| *n > staff) {
        return Err(refused(msg!("{} women is more than the staff of {}", n, staff)));
    }
    if let Some(n) = party.filter(|n| *n > staff) {
        return Err(refused(msg!("{} Party members is more than the staff of {}", n, staff)));
    }
    conn.execute(
        "INSERT INTO unit_staff (unit_id, staff, women, party, function) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (unit_id) DO UPDATE SET staff = excluded.staff, women = excluded.women, party = excluded.party,
                                             function = excluded.function",
        params![id, staff, women, party, s.function],
    )?;
    Ok(())
}
