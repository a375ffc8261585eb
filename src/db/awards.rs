//! Awards: one recipient of one decision, with the achievement year or period apart from the decision's date.
//! An award that confers what a subject registered for the file's year makes that registration achieved.

use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::audit::Lanes;

use crate::error::{refused, refused_hint, Result};
use crate::model::{Award, Basis};
use crate::text::format_period;

const SELECT: &str =
    "SELECT a.id, a.decision_id, d.number, d.issued_on, d.issuer, c.code, shown_name(c.code, c.name), c.category,
                             CASE WHEN a.unit_id IS NULL THEN 'individual' ELSE 'collective' END, u.code,
                             p.id, p.full_name, p.staff_code, a.recipient, a.year_from, a.year_to, a.basis, a.reason,
                             k.code, a.note, v.decision, v.revoked_on
                      FROM award a
                      LEFT JOIN decision d ON d.id = a.decision_id
                      JOIN catalog c ON c.id = a.catalog_id
                      LEFT JOIN person p ON p.id = a.person_id
                      JOIN unit u ON u.id = coalesce(a.unit_id, p.unit_id)
                      LEFT JOIN campaign k ON k.id = a.campaign_id
                      LEFT JOIN revocation v ON v.award_id = a.id";

fn row(r: &Row) -> rusqlite::Result<Award> {
    Ok(Award {
        id: r.get(0)?,
        decision_id: r.get(1)?,
        decision: r.get(2)?,
        decision_date: r.get(3)?,
        issuer: r.get(4)?,
        code: r.get(5)?,
        entry_name: r.get(6)?,
        category: r.get(7)?,
        kind: r.get(8)?,
        unit_code: r.get(9)?,
        person_id: r.get(10)?,
        person_name: r.get(11)?,
        person_code: r.get(12)?,
        recipient: r.get(13)?,
        year_from: r.get(14)?,
        year_to: r.get(15)?,
        basis: r.get(16)?,
        reason: r.get(17)?,
        campaign: r.get(18)?,
        note: r.get(19)?,
        revoked_by: r.get(20)?,
        revoked_on: r.get(21)?,
    })
}

/// What `award list` narrows to.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// The unit's awards and its people's, sub-units included.
    pub unit_id: Option<i64>,
    pub person_id: Option<i64>,
    pub catalog_id: Option<i64>,
    /// Awards whose achievement year or period covers this year.
    pub year: Option<i32>,
    pub decision_id: Option<i64>,
    /// Only awards to units (collectives).
    pub collective: bool,
    /// Only awards to people.
    pub individual: bool,
    /// Only awards decided by this date, or whose decision's date is not known (a review as of a date).
    pub decided_by: Option<chrono::NaiveDate>,
}

/// Awards by achievement year, then decision, then in the order they were entered: a decision's annex lists its
/// recipients in its own order (docs/domain.md §5.4), which the entry order keeps; it also keeps a national-scale
/// list from a collation sort.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Award>> {
    let mut v = Vec::new();
    each(conn, f, |a| {
        v.push(a);
        Ok(())
    })?;
    Ok(v)
}

/// How many awards the file's decisions hold.
pub fn count_decided(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM award WHERE decision_id IS NOT NULL", [], |r| r.get(0))?)
}

/// [`list`], handing each award to `g` as it is read: a national list is never held whole.
pub fn each(conn: &Connection, f: &Filter, mut g: impl FnMut(Award) -> Result<()>) -> Result<()> {
    // Only the filters given go into the query, so SQLite can use the index of the one that narrows most (one
    // person's awards on a national file is an index lookup, not a scan).
    let mut wheres = Vec::new();
    if f.unit_id.is_some() {
        // The unit's own awards and its people's, each through its index (not every award joined to its unit).
        wheres.push(
            "(a.unit_id IN (SELECT id FROM sub) OR a.person_id IN (SELECT p2.id FROM person p2 JOIN sub ON p2.unit_id = sub.id))",
        );
    }
    if f.person_id.is_some() {
        wheres.push("a.person_id = ?2");
    }
    if f.catalog_id.is_some() {
        wheres.push("a.catalog_id = ?3");
    }
    if f.year.is_some() {
        wheres.push("?4 BETWEEN a.year_from AND a.year_to");
    }
    if f.decision_id.is_some() {
        wheres.push("a.decision_id = ?5");
    }
    if f.collective {
        wheres.push("a.unit_id IS NOT NULL");
    }
    if f.individual {
        wheres.push("a.person_id IS NOT NULL");
    }
    if f.decided_by.is_some() {
        wheres.push("(d.issued_on IS NULL OR d.issued_on <= ?7)");
    }
    // Every parameter is named once, so the seven can always be bound (a constant: SQLite evaluates it once).
    wheres.push("coalesce(?1, ?2, ?3, ?4, ?5, ?6, ?7, 1) IS NOT NULL");
    let sql = format!(
        "WITH RECURSIVE sub(id) AS (SELECT ?1 WHERE ?1 IS NOT NULL
                                    UNION SELECT unit.id FROM unit JOIN sub ON unit.parent_id = sub.id)
         {SELECT}
         WHERE {}
         ORDER BY a.year_to, a.year_from, d.issued_on, d.number, a.id",
        wheres.join(" AND ")
    );
    let mut st = conn.prepare_cached(&sql)?;
    let mut rows =
        st.query(params![f.unit_id, f.person_id, f.catalog_id, f.year, f.decision_id, f.collective, f.decided_by])?;
    while let Some(r) = rows.next()? {
        g(row(r)?)?;
    }
    Ok(())
}

/// Awards counted by `by` ("unit", "code" or "year"), collective and individual apart, optionally only those
/// (`undated`: and those whose decision's date is not known)
/// whose achievement covers a year or whose decision falls between two dates. Counted by SQLite, so a national
/// file's quarter of a million awards is never loaded.
pub fn counts(
    conn: &Connection,
    by: &str,
    year: Option<i32>,
    decided: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    undated: bool,
) -> Result<Vec<(Vec<String>, i64, i64)>> {
    let (key, group, order) = match by {
        "unit" => ("u.code, ''", "u.id", format!("ORDER BY {}", super::units::BLOC_ORDER)),
        "year" => ("a.year_from, a.year_to", "a.year_from, a.year_to", "ORDER BY a.year_to, a.year_from".to_string()),
        _ => ("c.code, shown_name(c.code, c.name)", "c.id", "ORDER BY c.id".to_string()),
    };
    let sql = format!(
        "SELECT {key}, sum(a.unit_id IS NOT NULL), sum(a.person_id IS NOT NULL)
         FROM award a JOIN catalog c ON c.id = a.catalog_id
         LEFT JOIN person p ON p.id = a.person_id JOIN unit u ON u.id = coalesce(a.unit_id, p.unit_id)
         LEFT JOIN decision d ON d.id = a.decision_id
         WHERE (?1 IS NULL OR ?1 BETWEEN a.year_from AND a.year_to) AND (?2 IS NULL OR d.issued_on BETWEEN ?2 AND ?3 OR (?4 AND d.issued_on IS NULL))
         GROUP BY {group} {order}"
    );
    let (from, to) = decided.unzip();
    let v = conn
        .prepare_cached(&sql)?
        .query_map(params![year, from, to, undated], |r| {
            let (a, b): (rusqlite::types::Value, rusqlite::types::Value) = (r.get(0)?, r.get(1)?);
            let text = |v: rusqlite::types::Value| match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                _ => String::new(),
            };
            let key = match by {
                "unit" => vec![text(a)],
                "year" => {
                    let (f, t) = (text(a), text(b));
                    vec![if f == t { f } else { format!("{f}–{t}") }]
                }
                _ => vec![text(a), text(b)],
            };
            Ok((key, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn get(conn: &Connection, id: i64) -> Result<Award> {
    conn.prepare_cached(&format!("{SELECT} WHERE a.id = ?1"))?
        .query_row([id], row)
        .optional()?
        .ok_or_else(|| refused_hint(msg!("no award #{}", id), "`thidua award list` shows the numbers"))
}

/// An award to write.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAward {
    pub decision_id: Option<i64>,
    pub catalog_id: i64,
    pub unit_id: Option<i64>,
    pub person_id: Option<i64>,
    pub recipient: String,
    pub year_from: i32,
    pub year_to: i32,
    pub basis: Basis,
    pub reason: Option<String>,
    pub campaign_id: Option<i64>,
    pub note: Option<String>,
}

/// The same award already recorded: same decision (or both without one), entry, recipient and period.
pub fn existing(conn: &Connection, n: &NewAward) -> Result<Option<i64>> {
    let Some((col, subject)) = subject_column(n.unit_id, n.person_id) else { return Ok(None) };
    Ok(conn
        .prepare_cached(&format!(
            "SELECT id FROM award WHERE {col} = ?1 AND decision_id IS ?2 AND catalog_id = ?3 AND year_from = ?4 AND year_to = ?5"
        ))?
        .query_row(params![subject, n.decision_id, n.catalog_id, n.year_from, n.year_to], |r| r.get(0))
        .optional()?)
}

/// The column naming a subject, and its id. Queries say `unit_id = ?` or `person_id = ?`, never `unit_id IS ?`:
/// with NULL bound, an index on the other column would match every row of the other kind (issue 9: an award
/// import of 250,000 rows took minutes that way).
pub fn subject_column(unit_id: Option<i64>, person_id: Option<i64>) -> Option<(&'static str, i64)> {
    match (unit_id, person_id) {
        (Some(u), _) => Some(("unit_id", u)),
        (None, Some(p)) => Some(("person_id", p)),
        (None, None) => None,
    }
}

/// Inserts an award and, when it confers what the subject registered for `file_year`, marks that registration
/// achieved and points it at the award. Returns the award's id and the registration it achieved, if any.
pub fn insert(conn: &Connection, n: &NewAward, file_year: i32) -> Result<(i64, Option<i64>)> {
    super::catalog::check_subject(&super::catalog::get(conn, n.catalog_id)?, n.unit_id.is_some(), "give it to")?;
    if let Some(id) = existing(conn, n)? {
        return Err(refused(msg!(
            "this award is already recorded as #{} ({})",
            id,
            format_period(n.year_from.into(), n.year_to.into())
        )));
    }
    insert_checked(conn, n, file_year)
}

/// [`insert`] for a caller that has checked the recipient and looked for the same award already (an import, once
/// per row).
pub fn insert_checked(conn: &Connection, n: &NewAward, file_year: i32) -> Result<(i64, Option<i64>)> {
    let mut st = conn.prepare_cached(INSERT)?;
    // A plain INSERT inserts or fails: it never does nothing.
    let (id, _) = super::load::insert_digested(&mut st, conn, "award", &values(n))?
        .ok_or_else(|| refused(msg!("this award is already recorded")))?;
    let achieved = to_achieve(conn, n, file_year)?;
    if let Some(r) = achieved {
        mark_achieved(conn, r, id)?;
    }
    Ok((id, achieved))
}

/// The award's row after its id, in the table's column order.
const INSERT: &str = "INSERT INTO award (decision_id, catalog_id, unit_id, person_id, recipient, year_from, year_to, basis,
                                         reason, campaign_id, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

/// The award's values after its id, in the table's column order, as an [`INSERT`] binds them (a STRICT table
/// stores them so: its digest is computed from them).
fn values(n: &NewAward) -> [ValueRef<'_>; 11] {
    use super::load::{opt_int, opt_text};
    [
        opt_int(n.decision_id),
        ValueRef::Integer(n.catalog_id),
        opt_int(n.unit_id),
        opt_int(n.person_id),
        ValueRef::Text(n.recipient.as_bytes()),
        ValueRef::Integer(n.year_from.into()),
        ValueRef::Integer(n.year_to.into()),
        ValueRef::Text(n.basis.as_str().as_bytes()),
        opt_text(n.reason.as_deref()),
        opt_int(n.campaign_id),
        opt_text(n.note.as_deref()),
    ]
}

/// The columns [`INSERT`] and [`values`] give, for [`super::load::Many`].
const COLUMNS: [&str; 11] = [
    "decision_id",
    "catalog_id",
    "unit_id",
    "person_id",
    "recipient",
    "year_from",
    "year_to",
    "basis",
    "reason",
    "campaign_id",
    "note",
];

/// Inserts the awards of a list, prepared once: an award with a decision that is recorded already is left as it
/// is (the insert does nothing), so a list imported again changes nothing without a lookup per row.
pub struct InsertIfNew<'c> {
    conn: &'c Connection,
    many: super::load::Many<'c>,
}

impl<'c> InsertIfNew<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        Ok(InsertIfNew { conn, many: super::load::Many::new(conn, "award", &COLUMNS)? })
    }

    /// Awards of decisions inserted [`super::load::MANY`] at a time: for each, in order, its number and content
    /// digest, or None when it is recorded already. An award SQLite refuses (a CHECK) stops the load.
    pub fn insert_many(&mut self, awards: &[&NewAward]) -> Result<Vec<Option<(i64, Lanes)>>> {
        debug_assert!(awards.iter().all(|n| n.decision_id.is_some()), "the unique indexes hold NULL decisions apart");
        self.write(awards)
    }

    /// The new award's number and content digest, or None when it is recorded already. An award without a
    /// decision is looked up first: the unique indexes hold NULL decisions apart.
    pub fn insert(&mut self, n: &NewAward) -> Result<Option<(i64, Lanes)>> {
        if n.decision_id.is_none() && existing(self.conn, n)?.is_some() {
            return Ok(None);
        }
        Ok(self.write(&[n])?.pop().flatten())
    }

    fn write(&mut self, awards: &[&NewAward]) -> Result<Vec<Option<(i64, Lanes)>>> {
        let values: Vec<ValueRef> = awards.iter().flat_map(|n| values(n)).collect();
        let done = self.many.insert(&values)?;
        done.into_iter()
            .zip(values.chunks(COLUMNS.len()))
            .map(|(id, row)| Ok(id?.map(|id| (id, super::load::digest("award", id, row)))))
            .collect()
    }
}

/// The award indexes an import does not read (lists by decision, unit, person and title; an import looks an award
/// up by its decision and recipient): built after a large load ([`super::load`]).
pub const LOAD_UNREAD: [&str; 4] = ["award_decision", "award_unit", "award_person", "award_catalog"];

/// The registration an award achieves: the subject's for the award's title, registered (or marked not achieved)
/// for `file_year`, when the award is for that year.
pub fn to_achieve(conn: &Connection, n: &NewAward, file_year: i32) -> Result<Option<i64>> {
    let Some((col, subject)) = achieving(n, file_year) else { return Ok(None) };
    let mut st = conn.prepare_cached(&find_achievable("id", col))?;
    Ok(st.query_row(params![subject, n.catalog_id], |r| r.get("id")).optional()?)
}

/// The subject column and number of an award that may achieve a registration: one for the file's year.
fn achieving(n: &NewAward, file_year: i32) -> Option<(&'static str, i64)> {
    subject_column(n.unit_id, n.person_id).filter(|_| n.year_from == file_year && n.year_to == file_year)
}

fn find_achievable(select: &str, col: &str) -> String {
    format!(
        "SELECT {select} FROM registration
          WHERE {col} = ?1 AND catalog_id = ?2 AND status IN ('registered', 'not_achieved')"
    )
}

/// For a load of awards: the registration each award achieves found and marked with statements prepared once,
/// and the digest of its row before and after computed from the row as read, its digested columns (a bulk load of
/// awards achieves 200,000: neither a statement looked up by its text nor a copy of the row for each).
pub struct Achiever<'c> {
    by_unit: rusqlite::Statement<'c>,
    by_person: rusqlite::Statement<'c>,
    mark: rusqlite::Statement<'c>,
    /// The places of the two columns marking changes, in the row as read.
    status: usize,
    award: usize,
}

impl<'c> Achiever<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        let select = super::audit::digested_columns(conn, "registration")?.join(", ");
        let by_unit = conn.prepare(&find_achievable(&select, "unit_id"))?;
        let (status, award) = (by_unit.column_index("status")?, by_unit.column_index("award_id")?);
        Ok(Achiever {
            by_person: conn.prepare(&find_achievable(&select, "person_id"))?,
            by_unit,
            mark: conn.prepare(MARK_ACHIEVED)?,
            status,
            award,
        })
    }

    /// Marks achieved the registration the new award `award` (as `n`) achieves, if any: its number and the digest
    /// of its row before and after.
    pub fn achieve(&mut self, n: &NewAward, file_year: i32, award: i64) -> Result<Option<(i64, Lanes, Lanes)>> {
        let Some((col, subject)) = achieving(n, file_year) else { return Ok(None) };
        let st = if col == "unit_id" { &mut self.by_unit } else { &mut self.by_person };
        let (status, award_at) = (self.status, self.award);
        let achieved = ValueRef::Text(crate::model::RegStatus::Achieved.as_str().as_bytes());
        let found = st
            .query_row(params![subject, n.catalog_id], |r| {
                let row = (0..r.as_ref().column_count()).map(|i| r.get_ref(i)).collect::<rusqlite::Result<Vec<_>>>()?;
                let before = super::audit::row_lanes("registration", row.iter().copied());
                let after = row.iter().enumerate().map(|(i, v)| match i {
                    _ if i == status => achieved,
                    _ if i == award_at => ValueRef::Integer(award),
                    _ => *v,
                });
                Ok((r.get::<_, i64>("id")?, before, super::audit::row_lanes("registration", after)))
            })
            .optional()?;
        if let Some((id, ..)) = found {
            self.mark.execute(params![id, award])?;
        }
        Ok(found)
    }
}

const MARK_ACHIEVED: &str = "UPDATE registration SET status = 'achieved', award_id = ?2 WHERE id = ?1";
/// The columns of a registration that marking it achieved sets.
pub const MARKED: [&str; 2] = ["status", "award_id"];

/// Marks a registration achieved by an award.
pub fn mark_achieved(conn: &Connection, registration: i64, award: i64) -> Result<()> {
    conn.prepare_cached(MARK_ACHIEVED)?.execute(params![registration, award])?;
    Ok(())
}

/// Removes an award; a registration it had achieved goes back to registered. Returns that registration.
pub fn delete(conn: &Connection, id: i64) -> Result<Option<i64>> {
    // A certificate handed over stays on record with its award (the register of certificates names it).
    let printed: Option<i64> = conn
        .prepare_cached("SELECT min(book_no) FROM certificate WHERE award_id = ?1")?
        .query_row([id], |r| r.get(0))?;
    if let Some(no) = printed {
        return Err(crate::error::refused_hint(
            msg!("award #{} has a certificate printed (sổ vàng number {}): it stays on record", id, no),
            msg!("an award decided in error is revoked: `thidua award revoke {} …`", id),
        ));
    }
    let reverted = conn
        .prepare_cached(
            "UPDATE registration SET status = 'registered', award_id = NULL WHERE award_id = ?1 RETURNING id",
        )?
        .query_row([id], |r| r.get(0))
        .optional()?;
    conn.execute("DELETE FROM award WHERE id = ?1", [id])?;
    Ok(reverted)
}

/// Revokes an award (Law 06/2022 Art 93): it stays on record, marked, and no longer counts in chains.
pub fn revoke(conn: &Connection, id: i64, decision: &str, on: chrono::NaiveDate, reason: &str) -> Result<()> {
    get(conn, id)?;
    if let Some((d, when)) = revoked(conn, id)? {
        return Err(refused(msg!("award #{} was revoked already by {} on {}", id, d, crate::text::format_date(when))));
    }
    conn.execute(
        "INSERT INTO revocation (award_id, decision, revoked_on, reason) VALUES (?1, ?2, ?3, ?4)",
        params![id, decision, on, reason],
    )?;
    Ok(())
}

/// The revoking decision and its date, when the award was revoked.
pub fn revoked(conn: &Connection, id: i64) -> Result<Option<(String, chrono::NaiveDate)>> {
    Ok(conn
        .prepare_cached("SELECT decision, revoked_on FROM revocation WHERE award_id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}
