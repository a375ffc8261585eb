//! What a file is (`thidua info`) and what was done to it (`thidua db log`).

use std::path::Path;

use rusqlite::Connection;

use crate::db::audit;
use crate::error::Result;
use crate::model::OriginKind;
use crate::output::{Cell, Table};

/// The file as a record: bloc, year, schema, settings, seal, origins and row counts.
pub fn info(conn: &Connection, path: &Path) -> Result<Table> {
    let bloc = crate::db::meta::bloc(conn)?;
    let mut t = Table::record("info");
    t.field("file", path.display().to_string())
        .field("bloc", bloc.name)
        .field("province", bloc.province)
        .field("year", i64::from(bloc.year))
        .field("schema_version", crate::db::migrate::version(conn)?)
        .field("created_at", Cell::Time(bloc.created_at));
    if bloc.demo {
        t.field("demo", Cell::Enum("bool", "yes".into()));
    }
    // The bloc's settings, as the ranking reads them (defaults where the file sets none).
    let st = super::ranking::Settings::load(conn)?;
    t.field("quota_bk", st.quota_bk as i64)
        .field("band_excellent", Cell::Num(st.band_excellent))
        .field("band_good", Cell::Num(st.band_good))
        .field("tiebreak", Cell::Enum("rule", st.tiebreak.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")))
        .field("scores_locked", crate::db::scores::locked(conn)?.map_or(Cell::Empty, Cell::Time));
    if let Some((at, reason)) = crate::db::meta::sealed(conn)? {
        t.field("sealed", Cell::Time(at)).field("sealed_reason", reason);
    }
    t.field("log_entries", crate::db::audit::entries(conn)?.len() as i64);
    for (file, year, sha, kind) in crate::db::carry::origins(conn)? {
        t.field(
            if kind == OriginKind::Carried { "carried_from" } else { "history_from" },
            format!("{file} ({year}, SHA-256 {sha})"),
        );
    }
    for (table, n) in crate::db::meta::table_counts(conn)? {
        if table != "bloc" {
            t.field(&format!("{table}_rows"), n);
        }
    }
    Ok(t)
}

/// The audit log: one row per command that changed the file.
pub fn log(conn: &Connection) -> Result<Table> {
    let mut t = Table::new("log", &["id", "at", "user", "command", "changes"]);
    for e in audit::entries(conn)? {
        let changes: audit::Counters = serde_json::from_str(&e.changes).unwrap_or_default();
        t.push(vec![
            e.id.into(),
            Cell::Time(e.at),
            e.user.into(),
            e.command.into(),
            Cell::Tables(audit::changed_tables(&changes)),
        ]);
    }
    Ok(t)
}
