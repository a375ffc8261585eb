//! Registrations of emulation titles: a unit for a collective title, a person for an individual one.

use chrono::NaiveDate;
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::audit::Lanes;

use super::units::{BLOC_ORDER, UNITS_UNDER};
use crate::error::{refused, refused_hint, Result};
use crate::model::{RegStatus, Registration, SubjectKind};

const SELECT: &str = "SELECT r.id, CASE WHEN r.unit_id IS NULL THEN 'individual' ELSE 'collective' END, u.code, u.name,
                             p.id, p.full_name, p.staff_code, c.code, shown_name(c.code, c.name), k.code, r.registered_on, r.status,
                             r.result_note, r.award_id, r.note
                      FROM registration r
                      LEFT JOIN person p ON p.id = r.person_id
                      JOIN unit u ON u.id = coalesce(r.unit_id, p.unit_id)
                      JOIN catalog c ON c.id = r.catalog_id
                      LEFT JOIN campaign k ON k.id = r.campaign_id";

fn row(r: &Row) -> rusqlite::Result<Registration> {
    Ok(Registration {
        id: r.get(0)?,
        kind: r.get(1)?,
        unit_code: r.get(2)?,
        unit_name: r.get(3)?,
        person_id: r.get(4)?,
        person_name: r.get(5)?,
        person_code: r.get(6)?,
        code: r.get(7)?,
        title_name: r.get(8)?,
        campaign: r.get(9)?,
        registered_on: r.get(10)?,
        status: r.get(11)?,
        result_note: r.get(12)?,
        award_id: r.get(13)?,
        note: r.get(14)?,
    })
}

/// What `register list` narrows to; `None` is no narrowing.
#[derive(Debug, Default)]
pub struct Filter {
    /// The unit's own registrations and those of its people, sub-units included.
    pub unit_id: Option<i64>,
    pub catalog_id: Option<i64>,
    pub kind: Option<SubjectKind>,
    pub status: Option<RegStatus>,
    pub campaign_id: Option<i64>,
}

/// Registrations in bloc order of their unit; a unit's collective registrations before its people's, people in
/// Vietnamese order.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Registration>> {
    let mut v = Vec::new();
    each(conn, f, |r| {
        v.push(r);
        Ok(())
    })?;
    Ok(v)
}

/// A registration of a unit of `sub` (the unit named and its sub-units) or of one of their people.
const UNDER_UNIT: &str = "(r.unit_id IN (SELECT id FROM sub)
      OR r.person_id IN (SELECT p2.id FROM person p2 WHERE p2.unit_id IN (SELECT id FROM sub)))";

/// [`list`], handing each registration to `g` as it is read: a national list is never held whole.
pub fn each(conn: &Connection, f: &Filter, mut g: impl FnMut(Registration) -> Result<()>) -> Result<()> {
    // A unit named narrows by its registrations and its people's through their indexes; `?1 IS NULL OR …` would
    // read every registration of a national file for one unit's profile.
    let unit = if f.unit_id.is_some() { UNDER_UNIT } else { "?1 IS NULL" };
    let sql = format!(
        "WITH RECURSIVE sub(id) AS (SELECT ?1 WHERE ?1 IS NOT NULL
                                    UNION SELECT unit.id FROM unit JOIN sub ON unit.parent_id = sub.id)
         {SELECT}
         WHERE {unit}
           AND (?2 IS NULL OR r.catalog_id = ?2)
           AND (?3 IS NULL OR (?3 = 'collective') = (r.unit_id IS NOT NULL))
           AND (?4 IS NULL OR r.status = ?4)
           AND (?5 IS NULL OR r.campaign_id = ?5)
         ORDER BY {BLOC_ORDER}, r.unit_id IS NULL, p.given COLLATE vi, p.family COLLATE vi, p.middle COLLATE vi, c.id, r.id"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let mut rows = st.query(params![f.unit_id, f.catalog_id, f.kind, f.status, f.campaign_id])?;
    while let Some(r) = rows.next()? {
        g(row(r)?)?;
    }
    Ok(())
}

/// How many registrations not withdrawn a unit has, its own and its people's, sub-units included: what [`each`]
/// with the unit hands over, counted without reading them in order.
pub fn count_live_under(conn: &Connection, unit_id: i64) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached(&format!(
            "{UNITS_UNDER} SELECT count(*) FROM registration r WHERE {UNDER_UNIT} AND r.status <> 'withdrawn'"
        ))?
        .query_row([unit_id], |r| r.get(0))?;
    Ok(n as usize)
}

pub fn get(conn: &Connection, id: i64) -> Result<Registration> {
    conn.prepare_cached(&format!("{SELECT} WHERE r.id = ?1"))?
        .query_row([id], row)
        .optional()?
        .ok_or_else(|| refused_hint(msg!("no registration #{}", id), "`thidua register list` shows the numbers"))
}

/// Removes a registration typed in error. One an award achieved is refused: the award says it was achieved.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    let r = get(conn, id)?;
    if let Some(a) = r.award_id {
        return Err(refused_hint(
            msg!("registration #{} was achieved by award #{}", id, a),
            msg!("remove the award first if it was typed in error (`thidua award remove {}`)", a),
        ));
    }
    conn.execute("DELETE FROM registration WHERE id = ?1", [id])?;
    Ok(())
}

/// The live (not withdrawn) registration of a subject for an entry, if any.
pub fn live(
    conn: &Connection,
    catalog_id: i64,
    unit_id: Option<i64>,
    person_id: Option<i64>,
) -> Result<Option<Registration>> {
    let Some((col, subject)) = super::awards::subject_column(unit_id, person_id) else { return Ok(None) };
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE r.{col} = ?1 AND r.catalog_id = ?2 AND r.status <> 'withdrawn'"))?
        .query_row(params![subject, catalog_id], row)
        .optional()?)
}

/// A registration to write.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRegistration {
    pub catalog_id: i64,
    pub unit_id: Option<i64>,
    pub person_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub registered_on: Option<NaiveDate>,
    pub status: RegStatus,
    pub note: Option<String>,
}

impl NewRegistration {
    /// The value of the column `withdrawn`, which says the status again (version 10).
    fn withdrawn(&self) -> bool {
        self.status == RegStatus::Withdrawn
    }
}

/// The registration indexes an import does not read (lists by unit, person, campaign; an import finds a live
/// registration by title and subject): built after a large load ([`super::load`]).
pub const LOAD_UNREAD: [&str; 3] = ["registration_unit", "registration_person", "registration_campaign"];

/// Inserts a registration; a subject the entry is not for, or a live registration for the same subject and entry,
/// is refused, naming it.
pub fn insert(conn: &Connection, n: &NewRegistration) -> Result<i64> {
    super::catalog::check_subject(&super::catalog::get(conn, n.catalog_id)?, n.unit_id.is_some(), "register it for")?;
    if let Some(old) = live(conn, n.catalog_id, n.unit_id, n.person_id)? {
        let who = old.person_name.clone().unwrap_or_else(|| old.unit_code.clone());
        return Err(refused_hint(
            match old.registered_on {
                Some(d) => msg!("{} already registered {}: #{} of {}", who, old.code, old.id, d),
                None => msg!("{} already registered {}: #{}", who, old.code, old.id),
            },
            msg!("withdraw it first with `thidua register withdraw {}` to register again", old.id),
        ));
    }
    insert_checked(conn, n)
}

/// [`insert`] for a caller that has checked the subject and looked for a live registration already (an import,
/// once per row).
pub fn insert_checked(conn: &Connection, n: &NewRegistration) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO registration (catalog_id, unit_id, person_id, campaign_id, registered_on, status, note, withdrawn)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        n.catalog_id,
        n.unit_id,
        n.person_id,
        n.campaign_id,
        n.registered_on,
        n.status.as_str(),
        n.note,
        n.withdrawn()
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The columns [`InsertIfNew`] writes, the table's own after its number. Last the one the content digest leaves
/// out (`withdrawn` is `status` again): a row's digest is of the values before it.
const INSERTED: [&str; 10] = [
    "catalog_id",
    "unit_id",
    "person_id",
    "campaign_id",
    "registered_on",
    "status",
    "result_note",
    "award_id",
    "note",
    "withdrawn",
];

/// The fast path of an import: registrations inserted [`super::load::MANY`] at a time, each unless its subject
/// has a live registration of the title already (it is then left out).
pub struct InsertIfNew<'c>(super::load::Many<'c>);

impl<'c> InsertIfNew<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        Ok(InsertIfNew(super::load::Many::new(conn, "registration", &INSERTED)?))
    }

    /// Inserts registrations: for each, in order, its number, or None when its subject had a live registration of
    /// the title. Their digests: [`digest_new`].
    pub fn insert(&mut self, regs: &[NewRegistration]) -> Result<Vec<Option<i64>>> {
        let dates: Vec<Option<String>> = regs.iter().map(|n| n.registered_on.map(super::load::iso_date)).collect();
        let values: Vec<ValueRef> = regs.iter().zip(&dates).flat_map(|(n, d)| inserted(n, d.as_deref())).collect();
        self.0.insert(&values)?.into_iter().map(|id| Ok(id?)).collect()
    }
}

/// The values [`InsertIfNew`] binds for a registration, `date` its date as stored.
fn inserted<'a>(n: &'a NewRegistration, date: Option<&'a str>) -> [ValueRef<'a>; INSERTED.len()] {
    use super::load::{opt_int, opt_text};
    [
        ValueRef::Integer(n.catalog_id),
        opt_int(n.unit_id),
        opt_int(n.person_id),
        opt_int(n.campaign_id),
        opt_text(date),
        ValueRef::Text(n.status.as_str().as_bytes()),
        ValueRef::Null,
        ValueRef::Null,
        opt_text(n.note.as_deref()),
        ValueRef::Integer(n.withdrawn().into()),
    ]
}

/// The content digest of the registration [`InsertIfNew`] inserted as `id` from `n` (for [`super::load::Aside`]).
pub fn digest_new((id, n): &(i64, NewRegistration)) -> Lanes {
    let date = n.registered_on.map(super::load::iso_date);
    super::load::digest("registration", *id, &inserted(n, date.as_deref())[..INSERTED.len() - 1])
}

/// Rewrites the fields an import carries for an existing registration.
pub fn update(conn: &Connection, id: i64, n: &NewRegistration) -> Result<()> {
    conn.prepare_cached(
        "UPDATE registration SET campaign_id = ?2, registered_on = ?3, status = ?4, note = ?5, withdrawn = ?6
          WHERE id = ?1",
    )?
    .execute(params![id, n.campaign_id, n.registered_on, n.status.as_str(), n.note, n.withdrawn()])?;
    Ok(())
}

/// A registration as stored, in the shape it is written with, to compare with an import row.
pub fn stored(conn: &Connection, id: i64) -> Result<NewRegistration> {
    let (n, status) = conn.query_row(
        "SELECT catalog_id, unit_id, person_id, campaign_id, registered_on, status, note FROM registration WHERE id = ?1",
        [id],
        |r| {
            let n = NewRegistration {
                catalog_id: r.get(0)?,
                unit_id: r.get(1)?,
                person_id: r.get(2)?,
                campaign_id: r.get(3)?,
                registered_on: r.get(4)?,
                status: RegStatus::Registered,
                note: r.get(6)?,
            };
            Ok((n, r.get::<_, String>(5)?))
        },
    )?;
    Ok(NewRegistration { status: RegStatus::parse(&status).unwrap_or(RegStatus::Registered), ..n })
}

/// Records the result of a registration (achieved / not achieved), or withdraws it.
pub fn set_status(conn: &Connection, id: i64, status: RegStatus, result_note: Option<&str>) -> Result<()> {
    let n = conn.execute(
        "UPDATE registration SET status = ?2, result_note = coalesce(?3, result_note), withdrawn = ?4 WHERE id = ?1",
        params![id, status.as_str(), result_note, status == RegStatus::Withdrawn],
    )?;
    if n == 0 {
        return Err(refused(msg!("no registration #{}", id)));
    }
    Ok(())
}

/// Live registrations counted per unit (a person's count for their unit) and entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub unit_code: String,
    pub unit_name: String,
    pub code: String,
    pub name: String,
    pub collective: i64,
    pub individual: i64,
    pub achieved: i64,
    pub not_achieved: i64,
}

/// Counts by unit (bloc order) and entry (catalog order); with `as_of`, only registrations made by that date (or
/// undated).
pub fn counts(conn: &Connection, as_of: Option<NaiveDate>) -> Result<Vec<Count>> {
    let v = conn
        .prepare_cached(&format!(
            // Grouped on ids first, the names joined after: the sorter then carries two integers a row instead
            // of four names (a national file groups a million registrations).
            "WITH g AS (
                 SELECT coalesce(r.unit_id, p.unit_id) AS uid, r.catalog_id AS cid,
                        sum(r.unit_id IS NOT NULL) AS coll, sum(r.person_id IS NOT NULL) AS ind,
                        sum(r.status = 'achieved') AS ach, sum(r.status = 'not_achieved') AS nach
                 FROM registration r LEFT JOIN person p ON p.id = r.person_id
                 WHERE r.status <> 'withdrawn' AND (?1 IS NULL OR r.registered_on IS NULL OR r.registered_on <= ?1)
                 GROUP BY uid, cid)
             SELECT u.code, u.name, c.code, shown_name(c.code, c.name), g.coll, g.ind, g.ach, g.nach
             FROM g JOIN unit u ON u.id = g.uid JOIN catalog c ON c.id = g.cid
             ORDER BY {BLOC_ORDER}, c.id"
        ))?
        .query_map([as_of], |r| {
            Ok(Count {
                unit_code: r.get(0)?,
                unit_name: r.get(1)?,
                code: r.get(2)?,
                name: r.get(3)?,
                collective: r.get(4)?,
                individual: r.get(5)?,
                achieved: r.get(6)?,
                not_achieved: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}
