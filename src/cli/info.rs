//! `thidua info`: what this file is.

use clap::Args;

use super::Ctx;
use crate::db;
use crate::error::Result;
use crate::output::{emit_table, Cell, Table};

#[derive(Args, Debug)]
pub struct InfoArgs {
    #[command(flatten)]
    pub out: super::OutputArgs,
}

pub fn run(ctx: &Ctx, _a: InfoArgs) -> Result<()> {
    let conn = ctx.open()?;
    let bloc = db::meta::bloc(&conn)?;
    let mut t = Table::record("info");
    let path = std::fs::canonicalize(&ctx.db).unwrap_or_else(|_| ctx.db.clone());
    t.field("file", path.display().to_string())
        .field("bloc", bloc.name)
        .field("province", bloc.province)
        .field("year", i64::from(bloc.year))
        .field("schema_version", db::migrate::version(&conn)?)
        .field("created_at", bloc.created_at);
    if bloc.demo {
        t.field("demo", Cell::Enum("bool", "yes".into()));
    }
    // The bloc's settings, as the ranking reads them (defaults where the file sets none).
    let st = crate::report::ranking::Settings::load(&conn)?;
    t.field("quota_bk", st.quota_bk as i64)
        .field("band_excellent", Cell::Num(st.band_excellent))
        .field("band_good", Cell::Num(st.band_good))
        .field("tiebreak", st.tiebreak.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(","))
        .field("scores_locked", db::scores::locked(&conn)?);
    if let Some((at, reason)) = db::meta::sealed(&conn)? {
        t.field("sealed", format!("{at}: {reason}"));
    }
    t.field("log_entries", db::audit::entries(&conn)?.len() as i64);
    for (file, year, sha, kind) in db::carry::origins(&conn)? {
        t.field(
            if kind == "carried" { "carried_from" } else { "history_from" },
            format!("{file} ({year}, SHA-256 {sha})"),
        );
    }
    for (table, n) in db::meta::table_counts(&conn)? {
        if table != "bloc" {
            t.field(&format!("{table}_rows"), n);
        }
    }
    emit_table(&t, &ctx.out)
}
