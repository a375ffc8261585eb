//! `thidua init`: create a bloc-year file.

use clap::Args;

use super::{text_arg, Ctx};
use crate::db;
use crate::error::{usage, Result};

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The year this file holds
    #[arg(long, value_parser = clap::value_parser!(i32).range(1945..=2100))]
    pub year: i32,
    /// The bloc's name, e.g. "Khối thi đua các Cơ quan Trung ương"
    #[arg(long, value_parser = text_arg)]
    pub bloc: String,
    /// The province the bloc belongs to, e.g. "Tây Ninh"
    #[arg(long, value_parser = text_arg)]
    pub province: Option<String>,
}

pub fn run(ctx: &Ctx, a: InitArgs) -> Result<()> {
    if a.bloc.is_empty() {
        return Err(usage("--bloc needs the bloc's name"));
    }
    let province = a.province.filter(|p| !p.is_empty());
    db::create(&ctx.db, |tx| db::meta::insert_bloc(tx, &a.bloc, province.as_deref(), a.year, false))?;
    ctx.say(format!("created {} for {} {}", ctx.db.display(), a.bloc, a.year));
    Ok(())
}
