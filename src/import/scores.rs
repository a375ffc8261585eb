//! `score criteria import` and `score import`: the year's scoring table, and a whole sheet of scores.

use rusqlite::Connection;

use super::{cell, col, Col, Counts, Errors, Source};
use crate::db::{scores, units};
use crate::error::Result;
use crate::model::{Criterion, CriterionKind, Score};
use crate::text::{check_code, parse_number};

pub const CRITERIA: &[Col] = &[
    col("code", true, &["ma tieu chi"]),
    col("group", true, &["nhom"]),
    col("group_name", false, &["ten nhom"]),
    col("name", true, &["tieu chi", "noi dung"]),
    col("max", true, &["diem toi da", "thang diem"]),
    col("kind", false, &["loai"]),
];

pub const SCORES: &[Col] = &[
    col("unit", true, &["ma don vi"]),
    col("criterion", true, &["tieu chi", "ma tieu chi", "code"]),
    col("self", false, &["tu cham", "diem tu cham"]),
    col("assessed", false, &["tham dinh", "diem tham dinh"]),
    col("evidence", false, &["minh chung"]),
    col("note", false, &[]),
];

pub fn criteria(conn: &Connection, src: &mut Source, quiet: bool) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut errors = Errors::of(src);
    super::each_row(src, quiet, &mut errors, |row| {
        let code = check_code("criterion", &row.need("code")?).map_err(|m| cell("code", m))?;
        let group = check_code("group", &row.need("group")?).map_err(|m| cell("group", m))?;
        let max = parse_number(&row.need("max")?).map_err(|m| cell("max", m))?;
        if max <= 0.0 {
            return Err(cell("max", "must be above 0"));
        }
        let kind = match row.get_key("kind", "criterion_kind") {
            Some(k) => CriterionKind::parse(&k)
                .ok_or_else(|| cell("kind", msg!("'{}' is not a kind of criterion ({})", k, CriterionKind::list())))?,
            None => CriterionKind::Base,
        };
        let c = Criterion { id: 0, code, group, group_name: row.get("group_name"), name: row.need("name")?, max, kind };
        counts.add(scores::upsert_criterion(conn, &c)?);
        Ok(())
    })?;
    errors.finish()?;
    Ok(counts)
}

pub fn scores(conn: &Connection, src: &mut Source, quiet: bool) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut errors = Errors::of(src);
    let mut once = super::Once::default();
    super::each_row(src, quiet, &mut errors, |row| {
        let u = units::resolve(conn, &row.need("unit")?).map_err(|e| cell("unit", e))?;
        scores::check_member(&u).map_err(|e| cell("unit", e))?;
        let c = scores::criterion(conn, &row.need("criterion")?).map_err(|e| cell("criterion", e))?;
        once.check((u.id, c.id), row.line, "score")?;
        let points = |key: &str| -> Result<Option<f64>> {
            let Some(v) = row.get(key) else { return Ok(None) };
            let x = parse_number(&v).map_err(|m| cell(key, m))?;
            scores::check_points(&c, key, Some(x)).map_err(|e| cell(key, e))?;
            Ok(Some(x))
        };
        let old = scores::score(conn, u.id, c.id)?;
        let s = Score {
            unit_id: u.id,
            criterion_id: c.id,
            self_points: if row.has("self") { points("self")? } else { old.as_ref().and_then(|o| o.self_points) },
            assessed: if row.has("assessed") { points("assessed")? } else { old.as_ref().and_then(|o| o.assessed) },
            evidence: if row.has("evidence") {
                row.get("evidence")
            } else {
                old.as_ref().and_then(|o| o.evidence.clone())
            },
            note: if row.has("note") { row.get("note") } else { old.as_ref().and_then(|o| o.note.clone()) },
        };
        counts.add(scores::set(conn, &s)?);
        Ok(())
    })?;
    errors.finish()?;
    Ok(counts)
}
