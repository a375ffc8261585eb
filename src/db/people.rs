//! People of the units.

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::audit::Lanes;
use super::units::{Trees, UNITS_UNDER};

use crate::error::{refused, refused_hint, Result};
use crate::model::{Gender, Outcome, Person, PersonData};
use crate::text::{fold_key, match_key};

const SELECT: &str =
    "SELECT p.id, p.unit_id, u.code, u.name, p.full_name, p.family, p.middle, p.given, p.gender, p.born,
                             p.position, p.staff_code, p.note
                      FROM person p JOIN unit u ON u.id = p.unit_id";

/// Vietnamese order of people (docs/domain.md §5.4): given name, then family name, then middle name, with the `vi`
/// collation (§7.5).
const ORDER: &str = "ORDER BY p.given COLLATE vi, p.family COLLATE vi, p.middle COLLATE vi, p.id";

fn row(r: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        unit_code: r.get(2)?,
        unit_name: r.get(3)?,
        full_name: r.get(4)?,
        family: r.get(5)?,
        middle: r.get(6)?,
        given: r.get(7)?,
        gender: r.get(8)?,
        born: r.get(9)?,
        position: r.get(10)?,
        staff_code: r.get(11)?,
        note: r.get(12)?,
    })
}

/// People in Vietnamese order; with a unit, the people of that unit and of its sub-units.
pub fn list(conn: &Connection, unit_id: Option<i64>) -> Result<Vec<Person>> {
    let v = match unit_id {
        None => {
            conn.prepare_cached(&format!("{SELECT} {ORDER}"))?.query_map([], row)?.collect::<rusqlite::Result<_>>()?
        }
        Some(id) => conn
            .prepare_cached(&format!("{UNITS_UNDER} {SELECT} WHERE p.unit_id IN (SELECT id FROM sub) {ORDER}"))?
            .query_map([id], row)?
            .collect::<rusqlite::Result<_>>()?,
    };
    Ok(v)
}

/// Every person (of a unit and its sub-units when given), in Vietnamese order, handed to `f` one at a time: a
/// national list is never held whole.
pub fn each(conn: &Connection, unit_id: Option<i64>, mut f: impl FnMut(Person) -> Result<()>) -> Result<()> {
    let sql = format!(
        "WITH RECURSIVE sub(id) AS (SELECT ?1 WHERE ?1 IS NOT NULL
                                    UNION SELECT unit.id FROM unit JOIN sub ON unit.parent_id = sub.id)
         {SELECT} WHERE ?1 IS NULL OR p.unit_id IN (SELECT id FROM sub) {ORDER}"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let mut rows = st.query([unit_id])?;
    while let Some(r) = rows.next()? {
        f(row(r)?)?;
    }
    Ok(())
}

/// How many people a unit and its sub-units have: what a profile counts before it lists them (an index count).
pub fn count_under(conn: &Connection, unit_id: i64) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached(&format!("{UNITS_UNDER} SELECT count(*) FROM person WHERE unit_id IN (SELECT id FROM sub)"))?
        .query_row([unit_id], |r| r.get(0))?;
    Ok(n as usize)
}

/// The people of exactly this unit (not its sub-units).
pub fn of_unit(conn: &Connection, unit_id: i64) -> Result<Vec<Person>> {
    let v = conn
        .prepare_cached(&format!("{SELECT} WHERE p.unit_id = ?1 {ORDER}"))?
        .query_map([unit_id], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Person>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE p.id = ?1"))?.query_row([id], row).optional()?)
}

/// A person's full name, by number (a rowid lookup).
pub fn name_of(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn.prepare_cached("SELECT full_name FROM person WHERE id = ?1")?.query_row([id], |r| r.get(0))?)
}

pub fn by_staff_code(conn: &Connection, code: &str) -> Result<Option<Person>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE p.staff_code = ?1"))?.query_row([code], row).optional()?)
}

/// A person's number, unit and full name by staff code: what an import checks a row's person against.
pub fn brief_by_staff_code(conn: &Connection, code: &str) -> Result<Option<Brief>> {
    Ok(conn
        .prepare_cached("SELECT id, unit_id, full_name FROM person WHERE staff_code = ?1")?
        .query_row([code], |r| brief(r, 0))
        .optional()?)
}

/// A person as an import checks a row against: number, unit, name.
#[derive(Debug, Clone)]
pub struct Brief {
    pub id: i64,
    pub unit_id: i64,
    pub name: String,
}

/// A [`Brief`] from three columns starting at `at`: number, unit, full name.
fn brief(r: &Row, at: usize) -> rusqlite::Result<Brief> {
    Ok(Brief { id: r.get(at)?, unit_id: r.get(at + 1)?, name: r.get(at + 2)? })
}

/// The people with these staff codes, each in the place of its code (None where no one has it): one statement for
/// a batch of an import's rows, each row then takes its own without a lookup by text. `names`: whether the rows
/// name their people too (the name is read to check it; else [`Brief::name`] is left empty).
pub fn briefs_by_staff_codes(conn: &Connection, codes: &[&str], names: bool) -> Result<Vec<Option<Brief>>> {
    let mut found: Vec<Option<Brief>> = Vec::with_capacity(codes.len());
    found.resize_with(codes.len(), || None);
    // The codes in the order of the index (SQLite's NOCASE: ASCII letters folded, then byte by byte): a batch of
    // a list numbered in order is in it already, and the sort only sees that.
    let mut order: Vec<usize> = (0..codes.len()).collect();
    order.sort_by(|&a, &b| nocase(codes[a].as_bytes(), codes[b].as_bytes()));
    let (Some(&low), Some(&high)) = (order.first(), order.last()) else { return Ok(found) };
    let (low, high) = (codes[low], codes[high]);
    let name = if names { "full_name" } else { "''" };
    // A list numbered in order (a national export, a unit's staff) names a run of codes: the batch's range read in
    // the index's order costs a third less than a search for each code (a million codes 0.78 s against 1.14 s).
    // Whether the range holds little more than the batch is counted on the index alone first.
    let within: i64 = conn
        .prepare_cached("SELECT count(*) FROM (SELECT 1 FROM person WHERE staff_code BETWEEN ?1 AND ?2 LIMIT ?3)")?
        .query_row(params![low, high, 2 * codes.len() as i64 + 1], |r| r.get(0))?;
    if within <= 2 * codes.len() as i64 {
        // The stored codes come in the same order as `order`: the two walked side by side.
        let mut st = conn.prepare_cached(&format!(
            "SELECT staff_code, id, unit_id, {name} FROM person WHERE staff_code BETWEEN ?1 AND ?2"
        ))?;
        let mut rows = st.query(params![low, high])?;
        let mut next = order.iter().peekable();
        while let Some(r) = rows.next()? {
            let ValueRef::Text(stored) = r.get_ref(0)? else { continue };
            while next.next_if(|&&i| nocase(codes[i].as_bytes(), stored).is_lt()).is_some() {}
            let mut b = None;
            while let Some(&i) = next.next_if(|&&i| nocase(codes[i].as_bytes(), stored).is_eq()) {
                let b = match &b {
                    Some(b) => b,
                    None => b.insert(brief(r, 1)?),
                };
                found[i] = Some(b.clone());
            }
        }
        return Ok(found);
    }
    let json = serde_json::to_string(codes).map_err(std::io::Error::from)?;
    let mut st = conn.prepare_cached(&format!(
        "SELECT j.key, p.id, p.unit_id, {name} FROM json_each(?1) j JOIN person p ON p.staff_code = j.value"
    ))?;
    let mut rows = st.query([json])?;
    while let Some(r) = rows.next()? {
        let at: i64 = r.get(0)?;
        if let Some(place) = usize::try_from(at).ok().and_then(|at| found.get_mut(at)) {
            *place = Some(brief(r, 1)?);
        }
    }
    Ok(found)
}

/// Two staff codes in the order of SQLite's NOCASE collation, which the column has.
fn nocase(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    a.iter().map(u8::to_ascii_lowercase).cmp(b.iter().map(u8::to_ascii_lowercase))
}

/// People of a unit whose name has this match key (import matches people without a staff code this way).
pub fn by_name_in_unit(conn: &Connection, unit_id: i64, key: &str) -> Result<Vec<Person>> {
    let v = conn
        .prepare_cached(&format!("{SELECT} WHERE p.unit_id = ?1 AND p.name_key = ?2 ORDER BY p.id"))?
        .query_map(params![unit_id, key], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// A person as a list of candidates names them: number, name, unit, position and staff code, so the secretary can
/// tell two people of the same name apart.
pub fn describe(p: &Person) -> crate::msg::Msg {
    use crate::msg::Arg;
    let mut extra = vec![Arg::Text(p.unit_code.clone())];
    extra.extend(p.position.clone().map(Arg::Text));
    extra.extend(p.staff_code.as_ref().map(|c| msg!("code {}", c).into()));
    msg!("#{} {} ({})", p.id, p.full_name, Arg::List(extra, ", "))
}

/// Finds a person by what a secretary types (docs/architecture.md): the number `list` shows (also as `#12`), the
/// staff code, or the name (any case, tone placement, with or without accents) when only one person has it.
pub fn resolve(conn: &Connection, input: &str) -> Result<Person> {
    resolve_in(conn, input, None)
}

/// [`resolve`], with the names narrowed to the people of one unit and its sub-units when `unit_id` is given.
pub fn resolve_in(conn: &Connection, input: &str, unit_id: Option<i64>) -> Result<Person> {
    let s = input.trim();
    let num = s.strip_prefix('#').unwrap_or(s);
    let by_id = match num.parse::<i64>() {
        Ok(id) => get(conn, id)?,
        Err(_) => None,
    };
    let by_code = if s.starts_with('#') { None } else { by_staff_code(conn, s)? };
    match (by_id, by_code) {
        (Some(a), Some(b)) if a.id != b.id => {
            return Err(refused_hint(
                msg!(
                    "person '{}' is ambiguous: number {} ({}) and staff code {} ({})",
                    s,
                    a.id,
                    a.full_name,
                    s,
                    b.full_name
                ),
                msg!("write #{} for the number", a.id),
            ))
        }
        (Some(p), _) | (None, Some(p)) => return Ok(p),
        (None, None) => {}
    }
    let found = by_name(conn, s, unit_id)?;
    match &found[..] {
        [p] => Ok(p.clone()),
        [] => Err(refused_hint(
            msg!("no person '{}'", s),
            "name a person by the number `thidua person list` shows, a staff code or the full name",
        )),
        many => Err(ambiguous(s, many)),
    }
}

/// The people a name finds: by its match key (case and tone placement aside), else, when none, by its accent-free
/// form; within a unit and its sub-units when `unit_id` is given. The one rule for the command line and imports.
pub fn by_name(conn: &Connection, name: &str, unit_id: Option<i64>) -> Result<Vec<Person>> {
    by_name_in(conn, name, unit_id, &mut super::units::Trees::default())
}

/// [`by_name`] with the units' trees an import keeps from row to row.
pub fn by_name_in(conn: &Connection, name: &str, unit_id: Option<i64>, trees: &mut Trees) -> Result<Vec<Person>> {
    let (key, fold) = (match_key(name), fold_key(name));
    // Equal match keys have equal accent-free keys: naming both lets the one index serve.
    let Some(u) = unit_id else {
        let found = people_where(
            conn,
            &format!("{SELECT} WHERE p.name_fold = ?2 AND p.name_key = ?1 {ORDER}"),
            params![key, fold],
        )?;
        if !found.is_empty() {
            return Ok(found);
        }
        return people_where(conn, &format!("{SELECT} WHERE p.name_fold = ?1 {ORDER}"), params![fold]);
    };
    // Within a unit's tree. A unit without sub-units is searched through `person_unit (unit_id, name_key)`, and
    // without accents through the name's index, the unit read from it. Under a unit with sub-units, the namesakes'
    // numbers and units are read from the name's index and each kept when its unit is in the tree, the tree found
    // once an import: the tree computed in SQL for every row cost 4–6 ms a row on a million people, the namesakes'
    // rows read and each one's ancestors walked 470 µs.
    if !super::units::has_sub_units(conn, u)? {
        let found =
            people_where(conn, &format!("{SELECT} WHERE p.unit_id = ?2 AND p.name_key = ?1 {ORDER}"), params![key, u])?;
        if !found.is_empty() {
            return Ok(found);
        }
        // `+` keeps SQLite on the name's index, which holds the unit.
        return people_where(
            conn,
            &format!("{SELECT} WHERE p.name_fold = ?1 AND +p.unit_id = ?2 {ORDER}"),
            params![fold, u],
        );
    }
    let within = |trees: &mut Trees, namesakes: Vec<(i64, i64)>| -> Result<Vec<i64>> {
        let mut kept = Vec::new();
        for (id, unit) in namesakes {
            if trees.holds(conn, u, unit)? {
                kept.push(id);
            }
        }
        Ok(kept)
    };
    let namesakes = |sql: &str, params: &[&dyn rusqlite::ToSql]| -> Result<Vec<(i64, i64)>> {
        Ok(conn
            .prepare_cached(sql)?
            .query_map(params, |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    };
    let exact = namesakes("SELECT id, unit_id FROM person WHERE name_fold = ?1 AND name_key = ?2", &[&fold, &key])?;
    let mut ids = within(trees, exact)?;
    if ids.is_empty() {
        ids = within(trees, namesakes("SELECT id, unit_id FROM person WHERE name_fold = ?1", &[&fold])?)?;
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids = serde_json::to_string(&ids).map_err(std::io::Error::from)?;
    people_where(conn, &format!("{SELECT} WHERE p.id IN (SELECT value FROM json_each(?1)) {ORDER}"), params![ids])
}

fn people_where(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Vec<Person>> {
    Ok(conn.prepare_cached(sql)?.query_map(params, row)?.collect::<rusqlite::Result<_>>()?)
}

/// The refusal for a name that finds several people, listing them.
pub fn ambiguous(name: &str, many: &[Person]) -> crate::error::Error {
    let mut shown: Vec<crate::msg::Arg> = many.iter().take(10).map(|p| describe(p).into()).collect();
    if many.len() > 10 {
        shown.push(msg!("{} more", many.len() - 10).into());
    }
    refused_hint(
        msg!("person '{}' is ambiguous: {}", name, crate::msg::Arg::List(shown, ", ")),
        "name the person by number or staff code, or narrow by --unit",
    )
}

/// Inserts people with a staff code unless the code is taken: the fast path of an import, where most rows are
/// new (one statement for [`super::load::MANY`] rows instead of a lookup and an insert each), prepared once.
pub struct InsertIfNew<'c> {
    conn: &'c Connection,
    many: super::load::Many<'c>,
}

/// A person's columns after its id, in the table's order: what a load binds for each row.
pub const COLUMNS: [&str; 12] = [
    "unit_id",
    "full_name",
    "family",
    "middle",
    "given",
    "name_key",
    "name_fold",
    "gender",
    "born",
    "position",
    "staff_code",
    "note",
];

impl<'c> InsertIfNew<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        Ok(InsertIfNew { conn, many: super::load::Many::new(conn, "person", &COLUMNS)? })
    }

    /// For each person, in order, the new row's number, None when the staff code is taken, or the refusal.
    pub fn insert_many(&mut self, people: &[(&PersonData, &NameKeys)]) -> Result<Vec<Result<Option<i64>>>> {
        let bound: Vec<ValueRef> = people.iter().flat_map(|(d, k)| values(d, k)).collect();
        let done = self.many.insert(&bound)?;
        Ok(done.into_iter().zip(people).map(|(r, (d, _))| r.or_else(|_| taken(self.conn, d).and_then(Err))).collect())
    }
}

pub fn insert(conn: &Connection, d: &PersonData) -> Result<i64> {
    let keys = NameKeys::of(&d.full_name);
    match conn.prepare_cached(INSERT)?.execute(rusqlite::params_from_iter(values(d, &keys).map(ToSqlOutput::Borrowed)))
    {
        Ok(_) => Ok(conn.last_insert_rowid()),
        Err(e) if super::is_constraint(&e) => Err(taken(conn, d)?),
        Err(e) => Err(e.into()),
    }
}

/// A name's match key and accent-free key, as the person's row stores them: computed where the name is read (an
/// import computes them on its reading thread).
pub struct NameKeys {
    key: String,
    fold: String,
}

impl NameKeys {
    pub fn of(full_name: &str) -> Self {
        let (key, fold) = crate::text::match_and_fold_keys(full_name);
        NameKeys { key, fold }
    }
}

/// The one INSERT of a person, with the name's keys bound as [`values`] gives them.
const INSERT: &str = "INSERT INTO person (unit_id, full_name, family, middle, given, name_key, name_fold, gender, born,
                                          position, staff_code, note)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/// A person's row after its id, in the table's column order, as the INSERT binds it.
fn values<'a>(d: &'a PersonData, keys: &'a NameKeys) -> [ValueRef<'a>; 12] {
    use super::load::{opt_int, opt_text};
    [
        ValueRef::Integer(d.unit_id),
        ValueRef::Text(d.full_name.as_bytes()),
        ValueRef::Text(d.family.as_bytes()),
        ValueRef::Text(d.middle.as_bytes()),
        ValueRef::Text(d.given.as_bytes()),
        ValueRef::Text(keys.key.as_bytes()),
        ValueRef::Text(keys.fold.as_bytes()),
        d.gender.map_or(ValueRef::Null, |g| ValueRef::Text(g.as_str().as_bytes())),
        opt_int(d.born),
        opt_text(d.position.as_deref()),
        opt_text(d.staff_code.as_deref()),
        opt_text(d.note.as_deref()),
    ]
}

/// The content digest of the row [`InsertIfNew`] writes when SQLite gives it the number `id` (a STRICT table
/// stores the values as bound): a bulk load digests the rows it inserts itself ([`super::load`]).
pub fn row_digest(id: i64, d: &PersonData, keys: &NameKeys) -> Lanes {
    super::audit::row_lanes("person", std::iter::once(ValueRef::Integer(id)).chain(values(d, keys)))
}

fn taken(conn: &Connection, d: &PersonData) -> Result<crate::error::Error> {
    if let Some(code) = &d.staff_code {
        if let Some(p) = by_staff_code(conn, code)? {
            return Ok(refused(msg!("staff code '{}' already belongs to {}", code, msg!("#{} {}", p.id, p.full_name))));
        }
    }
    Ok(refused(msg!("person '{}' breaks a rule of the file (gender f/m, birth year 1900–2100)", d.full_name)))
}

pub fn update(conn: &Connection, id: i64, d: &PersonData) -> Result<()> {
    let r = conn
        .prepare_cached(
            "UPDATE person SET unit_id = ?2, full_name = ?3, family = ?4, middle = ?5, given = ?6, name_key = ?7,
             name_fold = ?8, gender = ?9, born = ?10, position = ?11, staff_code = ?12, note = ?13 WHERE id = ?1",
        )?
        .execute(params![
            id,
            d.unit_id,
            d.full_name,
            d.family,
            d.middle,
            d.given,
            match_key(&d.full_name),
            fold_key(&d.full_name),
            d.gender.map(Gender::as_str),
            d.born,
            d.position,
            d.staff_code,
            d.note
        ]);
    match r {
        Ok(_) => Ok(()),
        Err(e) if super::is_constraint(&e) => Err(taken(conn, d)?),
        Err(e) => Err(e.into()),
    }
}

pub fn data_of(p: &Person) -> PersonData {
    PersonData {
        unit_id: p.unit_id,
        full_name: p.full_name.clone(),
        family: p.family.clone(),
        middle: p.middle.clone(),
        given: p.given.clone(),
        gender: p.gender,
        born: p.born,
        position: p.position.clone(),
        staff_code: p.staff_code.clone(),
        note: p.note.clone(),
    }
}

/// Inserts the person, or updates the one it names: the same staff code, else the same name in the same unit.
/// Two people of one name in one unit need staff codes to be told apart.
pub fn upsert(conn: &Connection, d: &PersonData) -> Result<(i64, Outcome)> {
    let existing = existing(conn, d.staff_code.as_deref(), d.unit_id, &d.full_name)?;
    upsert_known(conn, d, existing)
}

/// The person index an import does not read (the command line's lookups by name; an import matches by staff
/// code and by name within the unit): built after a large load ([`super::load`]).
pub const LOAD_UNREAD: [&str; 1] = ["person_name"];

/// The index [`existing`] reads to find a person by name within a unit. A load keeps it up to date while its
/// rows come unit by unit (the new entries go to a few pages); rows in no unit order take random pages of it (a
/// million such people 5.2 s of CPU against 3.6 s in unit order), so the load drops it then and builds it at its
/// end, or when a row without a staff code needs it.
pub const LOAD_BY_NAME: &str = "person_unit";

/// The stored person a row names: by staff code, else by name within the unit (ambiguity refused).
pub fn existing(conn: &Connection, staff_code: Option<&str>, unit_id: i64, full_name: &str) -> Result<Option<Person>> {
    Ok(match staff_code {
        Some(code) => by_staff_code(conn, code)?,
        None => {
            let same = by_name_in_unit(conn, unit_id, &match_key(full_name))?;
            if same.len() > 1 {
                return Err(refused(msg!(
                    "{} people named '{}' in this unit; give a staff code (column 'code') to tell them apart",
                    same.len(),
                    full_name
                )));
            }
            same.into_iter().next()
        }
    })
}

/// [`upsert`] when the caller has looked the stored person up already (imports do, once per row).
pub fn upsert_known(conn: &Connection, d: &PersonData, existing: Option<Person>) -> Result<(i64, Outcome)> {
    match existing {
        None => Ok((insert(conn, d)?, Outcome::Inserted)),
        Some(p) => {
            let mut d = d.clone();
            if d.staff_code.is_none() {
                d.staff_code = p.staff_code.clone();
            }
            if data_of(&p) == d {
                Ok((p.id, Outcome::Unchanged))
            } else {
                update(conn, p.id, &d)?;
                Ok((p.id, Outcome::Updated))
            }
        }
    }
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    // The class the secretary set goes with the person: it is the person's, not a record of its own.
    conn.execute("DELETE FROM person_class WHERE person_id = ?1", [id])?;
    conn.execute("DELETE FROM person WHERE id = ?1", [id])?;
    Ok(())
}

/// How many people one unit has (its own, not its sub-units'): an index count, for one unit on a large file.
pub fn count_of(conn: &Connection, unit_id: i64) -> Result<i64> {
    Ok(conn.prepare_cached("SELECT count(*) FROM person WHERE unit_id = ?1")?.query_row([unit_id], |r| r.get(0))?)
}

/// How many people each unit has (its own, not its sub-units').
pub fn count_by_unit(conn: &Connection) -> Result<std::collections::HashMap<i64, i64>> {
    let mut st = conn.prepare_cached("SELECT unit_id, count(*) FROM person GROUP BY unit_id")?;
    let m = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(m)
}

/// The position class the secretary set for a person; none: the forms read it from the position's words.
pub fn class_of(conn: &Connection, person_id: i64) -> Result<Option<crate::model::PositionClass>> {
    Ok(conn
        .prepare_cached("SELECT class FROM person_class WHERE person_id = ?1")?
        .query_row([person_id], |r| r.get(0))
        .optional()?)
}

/// Sets a person's position class, or with `None` takes it back (the position's words say it again).
pub fn set_class(conn: &Connection, person_id: i64, class: Option<crate::model::PositionClass>) -> Result<()> {
    match class {
        Some(c) => conn.execute(
            "INSERT INTO person_class (person_id, class) VALUES (?1, ?2)
             ON CONFLICT (person_id) DO UPDATE SET class = excluded.class",
            params![person_id, c],
        )?,
        None => conn.execute("DELETE FROM person_class WHERE person_id = ?1", [person_id])?,
    };
    Ok(())
}
