//! `unit import`: upsert by code. Reads the columns `unit list --format csv` writes.

use rusqlite::Connection;

use super::{cell, col, skip, Col, Counts, Errors, Row, Source};
use crate::db::units;
use crate::error::Result;
use crate::model::{Role, UnitData};
use crate::text::check_code;

pub const COLUMNS: &[Col] = &[
    col("code", true, &["ma don vi"]),
    col("name", true, &["ten don vi"]),
    col("short", false, &["ten tat"]),
    col("parent", false, &["don vi cha", "truc thuoc"]),
    col("role", false, &["vai tro"]),
    col("sector", false, &["nganh"]),
    col("note", false, &[]),
    col("order", false, &["stt"]),
    col("female_share", false, &["ty le nu"]),
    skip("people"),
    // A merger or dissolution is recorded by its own command (`unit merge`, `unit dissolve`), never by a list.
    skip("ended"),
    skip("ended_on"),
    skip("successor"),
];

/// A row waiting for its parent, or holding the leader role (applied last, so a file may hand the role over
/// from one unit to another in any row order).
struct Pending {
    line: u64,
    data: UnitData,
    parent: Option<String>,
}

pub fn run(conn: &Connection, src: &mut Source, quiet: bool) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut errors = Errors::of(src);
    let mut pending = Vec::new();
    // Codes of the rows read so far: a parent among them that is not written yet (the leader is written last)
    // waits with its children, without a search by name.
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut once = super::Once::default();
    super::each_row(src, quiet, &mut errors, |row| {
        let (data, parent) = read(conn, row)?;
        once.check(data.code.to_lowercase(), row.line, "unit")?;
        seen.insert(data.code.to_lowercase());
        let parent_known = match &parent {
            None => true,
            Some(p) if units::by_code(conn, p)?.is_some() => true,
            Some(p) if seen.contains(&p.to_lowercase()) => false,
            Some(p) => units::resolve(conn, p).is_ok(),
        };
        if parent_known && data.role != Some(Role::Leader) {
            let data = with_parent(conn, data, parent.as_deref())?;
            counts.add(units::upsert(conn, &data)?.1);
        } else {
            pending.push(Pending { line: row.line, data, parent });
        }
        Ok(())
    })?;
    // Parents named later in the file, and the leader: apply what can be, as long as something moves.
    loop {
        let before = pending.len();
        let mut rest = Vec::new();
        for p in pending {
            let known = p.parent.as_deref().is_none_or(|n| units::resolve(conn, n).is_ok());
            if known {
                match with_parent(conn, p.data.clone(), p.parent.as_deref()).and_then(|d| units::upsert(conn, &d)) {
                    Ok((_, o)) => counts.add(o),
                    Err(e) => errors.add(p.line, e)?,
                }
            } else {
                rest.push(p);
            }
        }
        pending = rest;
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    for p in pending {
        let name = p.parent.unwrap_or_default();
        errors.add(p.line, cell("parent", msg!("no unit '{}' in the file or the database", name)))?;
    }
    errors.finish()?;
    Ok(counts)
}

/// The row as unit fields; columns the file lacks keep what the stored unit has.
fn read(conn: &Connection, row: &Row) -> Result<(UnitData, Option<String>)> {
    let code = check_code("unit", &row.need("code")?).map_err(|m| cell("code", m))?;
    let name = row.need("name")?;
    let stored = units::by_code(conn, &code)?.map(|u| units::data_of(&u));
    let keep = |key: &str, new: Option<String>, old: Option<String>| if row.has(key) { new } else { old };
    let parent = if row.has("parent") {
        row.get("parent")
    } else {
        stored.as_ref().and_then(|s| s.parent_id).map(|id| units::get(conn, id).map(|u| u.code)).transpose()?
    };
    let role = match row.get_key("role", "role") {
        Some(r) => Some(Role::parse(&r).ok_or_else(|| cell("role", msg!("'{}' is not a role ({})", r, Role::list())))?),
        None if row.has("role") => None,
        None => stored.as_ref().and_then(|s| s.role),
    };
    // A top-level unit is a member of the bloc unless the file says otherwise.
    let role = if parent.is_some() { role.filter(|r| *r != Role::Member) } else { role.or(Some(Role::Member)) };
    let order = match row.get("order") {
        Some(o) => Some(o.parse::<i64>().map_err(|_| cell("order", msg!("'{}' is not a whole number", o)))?),
        None if row.has("order") => None,
        None => stored.as_ref().and_then(|s| s.sort_order),
    };
    let female_share = match row.get("female_share") {
        Some(f) => {
            let x = crate::text::parse_number(&f).map_err(|m| cell("female_share", m))?;
            if !(0.0..=100.0).contains(&x) {
                return Err(cell("female_share", msg!("'{}' is not a share between 0 and 100", f)));
            }
            Some(x)
        }
        None if row.has("female_share") => None,
        None => stored.as_ref().and_then(|s| s.female_share),
    };
    let s = stored.unwrap_or_default();
    let data = UnitData {
        code,
        name,
        short: keep("short", row.get("short"), s.short),
        parent_id: None,
        role,
        sector: keep("sector", row.get("sector"), s.sector),
        note: keep("note", row.get("note"), s.note),
        sort_order: order,
        female_share,
    };
    Ok((data, parent))
}

fn with_parent(conn: &Connection, mut d: UnitData, parent: Option<&str>) -> Result<UnitData> {
    if let Some(p) = parent {
        let u = units::resolve(conn, p).map_err(|e| cell("parent", e))?;
        d.parent_id = Some(u.id);
    }
    Ok(d)
}
