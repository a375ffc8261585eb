//! Achievements by year across the carried history and this file's own awards: what `report unit`, `person show`
//! and `history list` print.

use rusqlite::Connection;

use crate::db::{awards, carry, meta};
use crate::error::Result;
use crate::output::Table;
use crate::text::format_period;

/// This file's awards of a unit (and its people) or of a person, with the history carried from older files,
/// by achievement year.
pub fn achievements(
    conn: &Connection,
    unit_id: Option<i64>,
    person_id: Option<i64>,
) -> Result<Vec<carry::Achievement>> {
    let year: i64 = meta::bloc(conn)?.year.into();
    let f = awards::Filter { unit_id, person_id, ..Default::default() };
    let mut out: Vec<carry::Achievement> = awards::list(conn, &f)?
        .into_iter()
        .map(|a| carry::Achievement {
            subject: a.kind,
            unit_code: a.unit_code,
            person_name: a.person_name,
            person_code: a.person_code,
            code: a.code,
            name: a.entry_name,
            recipient: a.recipient,
            year_from: a.year_from,
            year_to: a.year_to,
            basis: Some(a.basis),
            decision: a.decision,
            decision_date: a.decision_date.map(|d| d.format("%Y-%m-%d").to_string()),
            issuer: a.issuer,
            reason: a.reason,
            source_year: year,
            history_id: None,
            revoked: a.revoked_by,
        })
        .collect();
    // A carried achievement that this file also records as an award is shown once.
    let keys: Vec<String> = out.iter().map(|a| a.key()).collect();
    let carried = carry::history(conn, &carry::Filter { unit_id, person_id, code: None })?;
    out.extend(carried.into_iter().filter(|a| !keys.contains(&a.key())));
    out.sort_by(|a, b| (a.year_to, a.year_from, &a.decision_date).cmp(&(b.year_to, b.year_from, &b.decision_date)));
    Ok(out)
}

pub fn table(list: &[carry::Achievement]) -> Table {
    let mut t = Table::new(
        "achievements",
        &[
            "year",
            "code",
            "code_name",
            "recipient",
            "unit",
            "person",
            "basis",
            "decision",
            "decision_date",
            "issuer",
            "reason",
            "source_year",
            "revoked_by",
            "history_id",
        ],
    );
    for a in list {
        t.push(vec![
            format_period(a.year_from, a.year_to).into(),
            a.code.as_str().into(),
            a.name.as_str().into(),
            a.recipient.as_str().into(),
            a.unit_code.as_str().into(),
            a.person_name.clone().into(),
            a.basis.into(),
            a.decision.clone().into(),
            a.decision_date.as_deref().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).into(),
            a.issuer.clone().into(),
            a.reason.clone().into(),
            a.source_year.into(),
            a.revoked.clone().into(),
            a.history_id.into(),
        ]);
    }
    t
}
