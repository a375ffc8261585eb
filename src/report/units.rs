//! The lists of units: `unit list` (the tree in bloc order) and `unit show`.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::db::{people, units};
use crate::error::Result;
use crate::model::Unit;
use crate::msg::Msg;
use crate::output::{Cell, Report, Table};

/// Units in tree order: each top-level unit in bloc order, followed by its sub-units (depth-first).
pub fn tree(all: Vec<Unit>) -> Vec<(usize, Unit)> {
    let mut kids: HashMap<Option<i64>, Vec<Unit>> = HashMap::new();
    for u in all {
        kids.entry(u.parent_id).or_default().push(u);
    }
    let mut out = Vec::new();
    fn visit(
        kids: &mut HashMap<Option<i64>, Vec<Unit>>,
        parent: Option<i64>,
        depth: usize,
        out: &mut Vec<(usize, Unit)>,
    ) {
        for u in kids.remove(&parent).unwrap_or_default() {
            let id = u.id;
            out.push((depth, u));
            visit(kids, Some(id), depth + 1, out);
        }
    }
    visit(&mut kids, None, 0, &mut out);
    out
}

/// The units in tree order with their people counted: what `unit list` prints.
pub fn list(conn: &Connection) -> Result<Table> {
    let counts = people::count_by_unit(conn)?;
    let ends = units::ends(conn)?;
    let mut t = Table::new(
        "units",
        &[
            "code",
            "name",
            "short",
            "role",
            "parent",
            "sector",
            "people",
            "order",
            "female_share",
            "note",
            "ended",
            "ended_on",
            "successor",
        ],
    );
    for (depth, u) in tree(units::list(conn)?) {
        let end = ends.get(&u.id);
        t.push(vec![
            u.code.into(),
            Cell::Tree(depth, u.name),
            u.short.into(),
            u.role.map_or(Cell::Empty, |r| r.into()),
            u.parent_code.into(),
            u.sector.into(),
            counts.get(&u.id).copied().unwrap_or(0).into(),
            u.sort_order.into(),
            u.female_share.map_or(Cell::Empty, Cell::Num),
            u.note.into(),
            end.map_or(Cell::Empty, |e| e.how.into()),
            end.map(|e| e.on).into(),
            end.and_then(|e| e.successor.as_ref().map(|s| s.0.clone())).into(),
        ]);
    }
    Ok(t)
}

/// A unit's identity as a record: code, names, role, parent, sector (`unit show` and the unit's profile).
pub fn record(u: &Unit) -> Table {
    let mut rec = Table::record("unit");
    rec.field("code", u.code.as_str())
        .field("name", u.name.as_str())
        .field("short", u.short.clone())
        .field("role", u.role)
        .field("parent", u.parent_code.clone())
        .field("sector", u.sector.clone());
    rec
}

/// One unit with its people and sub-units: what `unit show` prints.
pub fn show(conn: &Connection, u: &Unit) -> Result<Report> {
    let mut r = Report::new(Msg::plain(format!("{} — {}", u.code, u.name)));
    let mut rec = record(u);
    rec.field("order", u.sort_order)
        .field("female_share", u.female_share.map_or(Cell::Empty, Cell::Num))
        .field("note", u.note.clone());
    if let Some(e) = units::end_of(conn, u.id)? {
        rec.field("ended", e.how)
            .field("ended_on", e.on)
            .field("successor", e.successor.map(|s| format!("{} — {}", s.0, s.1)))
            .field("decision", e.decision);
    }
    let merged = units::merged_into(conn, u.id)?;
    if !merged.is_empty() {
        let list = merged
            .iter()
            .map(|(code, name, on)| format!("{code} — {name} ({})", crate::text::format_date(*on)))
            .collect::<Vec<_>>()
            .join("; ");
        rec.field("merged_in", list);
    }
    r.section(None, vec![], Some(rec));
    let mut pt = Table::new("people", &["id", "name", "position", "gender", "born", "code"]);
    for p in people::of_unit(conn, u.id)? {
        pt.push(vec![
            p.id.into(),
            p.full_name.into(),
            p.position.into(),
            p.gender.map_or(Cell::Empty, |g| g.into()),
            p.born.into(),
            p.staff_code.into(),
        ]);
    }
    r.section(Some(Msg::label("heading.people")), vec![], Some(pt));
    let mut st = Table::new("subunits", &["code", "name", "short", "people"]);
    for s in units::children(conn, u.id)? {
        let n = people::count_of(conn, s.id)?;
        st.push(vec![s.code.into(), s.name.into(), s.short.into(), n.into()]);
    }
    r.section(Some(Msg::label("heading.subunits")), vec![], Some(st));
    Ok(r)
}
