//! `thidua info`: what this file is.

use clap::Args;

use super::Ctx;
use crate::error::Result;
use crate::output::emit_table;

#[derive(Args, Debug)]
pub struct InfoArgs {
    #[command(flatten)]
    pub out: super::OutputArgs,
}

pub fn run(ctx: &Ctx, _a: InfoArgs) -> Result<()> {
    let conn = ctx.open()?;
    let path = std::fs::canonicalize(&ctx.db).unwrap_or_else(|_| ctx.db.clone());
    emit_table(&crate::report::file::info(&conn, &path)?, &ctx.out)
}
