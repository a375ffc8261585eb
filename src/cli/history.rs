//! `thidua history`: achievements of earlier years, carried from older files.

use std::path::PathBuf;

use clap::Subcommand;

use super::{Ctx, WriteArgs};
use crate::db::{carry, catalog, people, units};
use crate::error::Result;
use crate::output::emit_table;
use crate::report;

#[derive(Subcommand, Debug)]
pub enum HistoryCmd {
    /// Add the achievements of an older file (read-only) to this one's history; importing twice changes nothing
    Import {
        /// The older file
        file: PathBuf,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Record that a carried achievement was revoked (Law 06/2022 Art 93): it stays in the history, marked, and no
    /// longer counts in chains
    Revoke {
        /// Its number (`history list` shows it)
        id: i64,
        /// The revoking decision's number
        #[arg(long, value_parser = super::text_arg)]
        decision: String,
        /// The revoking decision's date
        #[arg(long, value_parser = super::date_arg)]
        date: chrono::NaiveDate,
        /// Why, as the decision says
        #[arg(long, value_parser = super::text_arg)]
        reason: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The history carried into this file, by achievement year
    List {
        #[command(flatten)]
        out: super::OutputArgs,
        /// Only the history of this unit (code or name)
        #[arg(long)]
        unit: Option<String>,
        /// Only the history of this person (number, staff code or name)
        #[arg(long)]
        person: Option<String>,
        /// A title or form
        #[arg(long)]
        code: Option<String>,
    },
}

pub fn run(ctx: &Ctx, cmd: HistoryCmd) -> Result<()> {
    match cmd {
        HistoryCmd::Import { file, write } => {
            let src = carry::open_source(&file)?;
            let (added, skipped, revoked) = ctx.write(&write, |tx| {
                let (added, skipped) = carry::take_history(&src.conn, tx)?;
                // Revoked there since it was carried: revoked here too (Law 06/2022/QH15 Art 93).
                let revoked = carry::take_revocations(&src.conn, tx)?;
                if added + revoked > 0 {
                    carry::record_origin(tx, &src, crate::model::OriginKind::History)?;
                }
                Ok((added, skipped, revoked))
            })?;
            ctx.done(
                &write,
                msg!("{} ({}): {} achievements added, {} already here", src.name, src.bloc.year, added, skipped),
            );
            if revoked > 0 {
                ctx.say(msg!("{} achievements of the history revoked by the older file", revoked));
            }
            Ok(())
        }
        HistoryCmd::Revoke { id, decision, date, reason, write } => {
            if decision.is_empty() || reason.is_empty() {
                return Err(crate::error::usage(msg!("--decision and --reason name the revoking decision and why")));
            }
            let what = ctx.write(&write, |tx| carry::revoke(tx, id, &decision, date, &reason))?;
            ctx.done(&write, msg!("revoked #{} ({}) by {}", id, what, decision));
            Ok(())
        }
        HistoryCmd::List { unit, person, code, .. } => {
            let conn = ctx.open()?;
            let f = carry::Filter {
                unit_id: unit.as_deref().map(|u| units::resolve(&conn, u)).transpose()?.map(|u| u.id),
                person_id: person.as_deref().map(|p| people::resolve(&conn, p)).transpose()?.map(|p| p.id),
                code: code.as_deref().map(|c| catalog::resolve(&conn, c)).transpose()?.map(|e| e.code),
            };
            emit_table(&report::history::table(&carry::history(&conn, &f)?), &ctx.out)
        }
    }
}
