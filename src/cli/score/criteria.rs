//! `thidua score criteria`: the year's scoring table.

use super::*;
use crate::cli::{text_arg, Ctx, WriteArgs};
use crate::db::{self, scores};
use crate::error::{usage, Result};
use crate::import;
use crate::model::{Criterion, CriterionKind};
use crate::output::emit_report;
use crate::report::ranking;
use crate::text::{check_code, format_number};
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum CriteriaCmd {
    /// Add (or change) a criterion
    Add {
        /// A short code, e.g. A1
        code: String,
        /// Its group, e.g. A
        #[arg(long)]
        group: String,
        /// The group's name, e.g. "Thực hiện nhiệm vụ chính trị"
        #[arg(long, value_parser = text_arg)]
        group_name: Option<String>,
        /// What the criterion measures
        #[arg(long, value_parser = text_arg)]
        name: String,
        /// The most points it gives (or takes, for a penalty)
        #[arg(long, value_parser = points_arg)]
        max: f64,
        /// base (counts to the score), bonus (adds), penalty (subtracts)
        #[arg(long, default_value = "base", value_parser = crate::cli::one_of(CriterionKind::VALUES, CriterionKind::parse))]
        kind: CriterionKind,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a criterion typed in error, with the points given on it (not once the scores are locked)
    Remove {
        /// The criterion's code
        code: String,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The criteria with their groups and the groups' maxima
    List {
        #[command(flatten)]
        out: crate::cli::OutputArgs,
    },
    /// Criteria from a CSV file: columns code, group, group_name, name, max, kind
    Import {
        /// The file to read: CSV (or - for standard input), .xlsx or .ods
        file: String,
        #[command(flatten)]
        cols: crate::cli::ColumnArgs,
        #[command(flatten)]
        write: WriteArgs,
    },
}

pub fn criteria(ctx: &Ctx, cmd: CriteriaCmd) -> Result<()> {
    match cmd {
        CriteriaCmd::Add { code, group, group_name, name, max, kind, write } => {
            let code = check_code("criterion", &code).map_err(usage)?;
            let group = check_code("group", &group).map_err(usage)?;
            if max <= 0.0 {
                return Err(usage(msg!("--max must be above 0, not {}", max)));
            }
            let c = Criterion {
                id: 0,
                code: code.clone(),
                group,
                group_name: group_name.filter(|g| !g.is_empty()),
                name,
                max,
                kind,
            };
            let o = ctx.write(&write, |tx| {
                scores::check_unlocked(tx)?;
                scores::upsert_criterion(tx, &c)
            })?;
            ctx.done(
                &write,
                msg!("{} criterion {} ({}, max {})", crate::import::verb(o), code, c.kind, format_number(max, false)),
            );
            Ok(())
        }
        CriteriaCmd::Remove { code, yes, write } => {
            let c = scores::criterion(&ctx.open()?, &code)?;
            ctx.confirm(msg!("remove criterion {} ({}) with the points given on it?", c.code, c.name), yes)?;
            let points = ctx.write(&write, |tx| {
                scores::check_unlocked(tx)?;
                scores::remove_criterion(tx, &c)
            })?;
            ctx.done(&write, msg!("removed criterion {} with the points given on it ({})", c.code, points));
            Ok(())
        }
        CriteriaCmd::List { .. } => emit_report(&ranking::criteria(&ctx.open()?)?, &ctx.out),
        CriteriaCmd::Import { file, cols, write } => {
            let mut conn = ctx.open()?;
            let mut src = cols.open(&file, import::scores::CRITERIA)?;
            let counts = db::write(&mut conn, write.dry_run, |tx| {
                scores::check_unlocked(tx)?;
                import::scores::criteria(tx, &mut src, ctx.quiet)
            })?;
            ctx.done(&write, counts.summary(&src.name));
            Ok(())
        }
    }
}
