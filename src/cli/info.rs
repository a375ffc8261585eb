//! `thidua info`: what this file is.

use clap::Args;

use super::Ctx;
use crate::db;
use crate::error::Result;
use crate::output::{emit_table, Cell, Table};

#[derive(Args, Debug)]
pub struct InfoArgs {}

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
    for (table, n) in db::meta::table_counts(&conn)? {
        if table != "bloc" {
            t.field(&format!("{table}_rows"), n);
        }
    }
    emit_table(&t, &ctx.out)
}
