//! `thidua export FOLDER` and `thidua import FOLDER`: the whole file as CSV with a manifest, and back into a fresh
//! file (see `archive`).

use std::path::PathBuf;

use clap::Args;

use super::Ctx;
use crate::archive;
use crate::error::Result;

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// A new (or empty) folder
    pub folder: PathBuf,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// A folder made by `thidua export`
    pub folder: PathBuf,
}

pub fn export(ctx: &Ctx, a: ExportArgs) -> Result<()> {
    let conn = ctx.open()?;
    // Every table is read once, in rowid order: the small cache of a large read.
    crate::db::large_read(&conn)?;
    let m = archive::export(&conn, &a.folder)?;
    let rows: u64 = m.tables.iter().map(|t| t.rows).sum();
    ctx.say(msg!("exported {} tables ({} rows) to {} with manifest.json", m.tables.len(), rows, a.folder.display()));
    Ok(())
}

pub fn import(ctx: &Ctx, a: ImportArgs) -> Result<()> {
    let m = archive::import(&ctx.db, &a.folder)?;
    let rows: u64 = m.tables.iter().map(|t| t.rows).sum();
    ctx.say(msg!("rebuilt {} from {} ({} {}, {} rows)", ctx.db.display(), a.folder.display(), m.bloc, m.year, rows));
    Ok(())
}
