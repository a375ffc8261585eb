//! `thidua rules`: the rule sets in force by date, and the parameters the province or bloc set, with their
//! sources.

use chrono::NaiveDate;
use clap::Subcommand;

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::{meta, rules as stored};
use crate::error::{usage, Result};
use crate::output::emit_report;
use crate::report;
use crate::rules::{judging_date, Param, RuleSet};

#[derive(Subcommand, Debug)]
pub enum RulesCmd {
    /// The rule set in force on a date, its parameters and the conditions of each title with the article
    Show {
        #[command(flatten)]
        out: super::OutputArgs,
        /// The date that picks the rule set [default: 31/12 of the file's year]
        #[arg(long, value_parser = date_arg)]
        as_of: Option<NaiveDate>,
    },
    /// Set a parameter as the province or bloc decided it, with the text that decided it
    Set {
        /// ttldtt_share, ttldxs_share, cstdcs_cap (percent), vote_flag, vote_cstd_tinh, vote_cstdcs, quorum (percent
        /// of all council members), quorum_awards (percent present at the year-end session)
        #[arg(value_parser = super::one_of(Param::VALUES, Param::parse))]
        param: Param,
        /// The value, a percentage between 0 and 100
        value: String,
        /// The text that set it, e.g. "QĐ 86/2025/QĐ-UBND, Điều 4"
        #[arg(long, value_parser = text_arg)]
        source: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Go back to the rule set's default for a parameter
    Reset {
        /// The parameter (as for `rules set`)
        #[arg(value_parser = super::one_of(Param::VALUES, Param::parse))]
        param: Param,
        #[command(flatten)]
        write: WriteArgs,
    },
}

pub fn run(ctx: &Ctx, cmd: RulesCmd) -> Result<()> {
    match cmd {
        RulesCmd::Show { out: _, as_of } => {
            let conn = ctx.open()?;
            let as_of = as_of.unwrap_or_else(|| judging_date(meta::bloc(&conn).map(|b| b.year).unwrap_or(2025)));
            let set = RuleSet::new(as_of, &stored::params(&conn)?);
            let quota = report::ranking::Settings::load(&conn)?.quota_bk;
            emit_report(&report::records::rules_show(&set, quota), &ctx.out)
        }
        RulesCmd::Set { param, value, source, write } => {
            let v = crate::text::parse_number(&value).map_err(usage)?;
            if !(0.0..=100.0).contains(&v) {
                return Err(usage(msg!("'{}' is not a share between 0 and 100", value)));
            }
            if source.is_empty() {
                return Err(usage(msg!("--source is empty: name the text that set it")));
            }
            ctx.write(&write, |tx| stored::set_param(tx, param, v, &source, crate::text::today()))?;
            ctx.done(&write, msg!("{} = {} ({})", param, value, source));
            Ok(())
        }
        RulesCmd::Reset { param, write } => {
            let was = ctx.write(&write, |tx| stored::reset_param(tx, param))?;
            if was {
                ctx.done(&write, msg!("{}: back to the default of the rule set", param));
            } else {
                ctx.say(msg!("{} was not set: the default applies already", param));
            }
            Ok(())
        }
    }
}
