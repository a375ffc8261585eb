//! `pledge import`: targets with their units, and progress rows. A row names a unit's target (added, or updated
//! when its text is already there) and may carry a figure at a date. Reads the columns `pledge show` writes.

use rusqlite::Connection;

use super::{cell, col, skip, Col, Counts, Errors, Source};
use crate::db::pledges::{self, NewTarget};
use crate::db::units;
use crate::error::Result;
use crate::model::{Campaign, TargetStatus};
use crate::text::{fold_key, format_date, parse_date, parse_number};

pub const COLUMNS: &[Col] = &[
    col("unit", true, &["ma don vi"]),
    col("target", true, &["chi tieu", "noi dung", "noi dung giao uoc"]),
    col("measure", false, &["don vi tinh"]),
    col("goal", false, &["muc tieu", "chi tieu so"]),
    col("at_most", false, &["cang thap cang tot"]),
    col("due", false, &["han", "thoi han"]),
    col("actual", false, &["thuc hien", "ket qua", "value"]),
    col("as_of", false, &["tinh den", "ngay so lieu"]),
    col("met", false, &["status", "dat"]),
    col("note", false, &[]),
    skip("id"),
    skip("percent"),
];

fn yes(s: &str) -> Option<bool> {
    match fold_key(s).as_str() {
        "1" | "yes" | "y" | "x" | "true" | "co" => Some(true),
        "0" | "no" | "n" | "false" | "khong" => Some(false),
        _ => None,
    }
}

/// A met cell: met or not met, or a status that carries no figure (what `pledge show` writes for a target without
/// one); `None` for anything else.
fn flag_of(m: &str) -> Option<Option<bool>> {
    TargetStatus::parse(m).map(|s| match s {
        TargetStatus::Met => Some(true),
        TargetStatus::NotMet => Some(false),
        TargetStatus::NoData | TargetStatus::InProgress => None,
    })
}

/// Returns the counts of targets and of progress rows.
pub fn run(conn: &Connection, src: &mut Source, c: &Campaign, quiet: bool) -> Result<(Counts, Counts)> {
    let (mut targets, mut progress) = (Counts::default(), Counts::default());
    let mut errors = Errors::of(src);
    crate::db::campaigns::check_open(c)?;
    super::each_row(src, quiet, &mut errors, |row| {
        let u = units::resolve(conn, &row.need("unit")?).map_err(|e| cell("unit", e))?;
        let p = pledges::get(conn, u.id, c.id)?
            .ok_or_else(|| cell("unit", msg!("{} has not signed the pledge of {}; sign it first", u.code, c.code)))?;
        let goal = row.get("goal").map(|g| parse_number(&g).map_err(|m| cell("goal", m))).transpose()?;
        let at_most = match row.get_key("at_most", "bool") {
            Some(v) => yes(&v).ok_or_else(|| cell("at_most", msg!("'{}' is not yes/no", v)))?,
            None => false,
        };
        let t = NewTarget {
            text: row.need("target")?,
            measure: row.get("measure"),
            target: goal,
            at_most: at_most && goal.is_some(),
            due: row.get("due").map(|d| parse_date(&d).map_err(|m| cell("due", m))).transpose()?,
            note: row.get("note"),
        };
        let (id, o) = pledges::upsert_target(conn, p.id, &t)?;
        targets.add(o);
        let actual = row.get("actual");
        let met = row.get_key("met", "status");
        // A figure must fit its target: a value for a numeric target, met / not met for a qualitative one. The
        // status `pledge show` writes beside a value is computed from it, so it is read only to check its spelling.
        if let Some(m) = met.as_deref().filter(|m| flag_of(m).is_none()) {
            return Err(cell("met", msg!("'{}' is not met / not_met", m)));
        }
        let figure = match (goal, actual, met) {
            (Some(_), Some(a), _) => Some((Some(parse_number(&a).map_err(|m| cell("actual", m))?), None)),
            // What `pledge show` writes in `actual` for a qualitative target is its met / not met.
            (None, Some(a), _) => match flag_of(&a) {
                Some(flag) => flag.map(|f| (None, Some(f))),
                None => {
                    return Err(cell(
                        "actual",
                        msg!("'{}' is given, but the target has no goal; give the goal, or use the met column", a),
                    ))
                }
            },
            (None, None, Some(m)) => flag_of(&m).flatten().map(|f| (None, Some(f))),
            _ => None,
        };
        if let Some((value, flag)) = figure {
            let at = parse_date(&row.need("as_of")?).map_err(|m| cell("as_of", m))?;
            if at < p.signed_on {
                return Err(cell(
                    "as_of",
                    msg!("{} comes before {} signed on {}", format_date(at), u.code, format_date(p.signed_on)),
                ));
            }
            progress.add(pledges::record(conn, id, at, value, flag, None)?);
        }
        Ok(())
    })?;
    errors.finish()?;
    Ok((targets, progress))
}
