//! What the sector's statistical forms count, read from one bloc-year file: its campaigns, and its awards with the
//! recipient's kind and position (Circular 02/2023/TT-BNV, forms 0601 and 0603).

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::{Basis, CampaignKind};

/// A campaign as form 0601 counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignRow {
    pub kind: CampaignKind,
    pub start: Option<chrono::NaiveDate>,
    pub end: Option<chrono::NaiveDate>,
}

pub fn campaigns(conn: &Connection) -> Result<Vec<CampaignRow>> {
    let v = conn
        .prepare("SELECT kind, start_date, end_date FROM campaign ORDER BY id")?
        .query_map([], |r| Ok(CampaignRow { kind: r.get(0)?, start: r.get(1)?, end: r.get(2)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// An award as forms 0603 and the front-line ratio count it: the title or form, the recipient (a person with the
/// position as recorded; a collective; a household), the basis.
#[derive(Debug, Clone, PartialEq)]
pub struct AwardRow {
    pub code: String,
    pub person: bool,
    pub household: bool,
    pub position: Option<String>,
    /// The class the secretary set; none: read from the position's words.
    pub class: Option<crate::model::PositionClass>,
    pub basis: Basis,
}

/// The awards whose decision was signed in `year`, not revoked.
pub fn awards_decided_in(conn: &Connection, year: i32) -> Result<Vec<AwardRow>> {
    let v = conn
        .prepare(
            "SELECT c.code, a.person_id IS NOT NULL, a.unit_id IS NULL AND a.person_id IS NULL, p.position, a.basis,
                    k.class
             FROM award a JOIN decision d ON d.id = a.decision_id JOIN catalog c ON c.id = a.catalog_id
             LEFT JOIN person p ON p.id = a.person_id LEFT JOIN person_class k ON k.person_id = a.person_id
             WHERE d.year = ?1 AND a.id NOT IN (SELECT award_id FROM revocation) ORDER BY a.id",
        )?
        .query_map(params![year], |r| {
            Ok(AwardRow {
                code: r.get(0)?,
                person: r.get(1)?,
                household: r.get(2)?,
                position: r.get(3)?,
                class: r.get(5)?,
                basis: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}
