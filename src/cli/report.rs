//! `thidua report`: the reviews of the year and the lists that go with them.

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{date_arg, Ctx};
use crate::db::{meta, units};
use crate::error::Result;
use crate::output::{emit_report, emit_table};
use crate::report::reviews::{self, By, RegBy};
use crate::report::{self as build};
use crate::text::{format_date, today_within};

#[derive(Subcommand, Debug)]
pub enum ReportCmd {
    /// The mid-year review ("sơ kết 6 tháng") [as of 30/06 of the file's year]
    Midyear(AsOf),
    /// The annual review ("tổng kết năm") [as of 31/12 of the file's year]
    Annual(AsOf),
    /// Registrations counted by unit or by title
    Registrations {
        #[command(flatten)]
        out: super::OutputArgs,
        /// How to group the counts
        #[arg(long, default_value = "unit", value_parser = super::one_of(RegBy::VALUES, RegBy::parse))]
        by: RegBy,
    },
    /// Pledge completion per member unit [as of today, within the file's year]
    Pledges {
        #[command(flatten)]
        at: AsOf,
        /// The campaign (code or name) [default: the file's only open regular campaign]
        #[arg(long)]
        campaign: Option<String>,
    },
    /// Awards counted by unit, by title or form, or by achievement year
    Awards {
        #[command(flatten)]
        out: super::OutputArgs,
        /// How to group the counts
        #[arg(long, default_value = "code", value_parser = super::one_of(By::VALUES, By::parse))]
        by: By,
        /// Only awards whose achievement year or period covers this year
        #[arg(long)]
        year: Option<i32>,
    },
    /// The ranking of the member units: totals, bands, proposals and why
    Ranking {
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// The decision register: each decision with each recipient
    Decisions {
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// What is missing: units not registered, not signed, targets without figures [as of today, within the year]
    Missing(AsOf),
    /// A statistical form of the sector (Circular 02/2023/TT-BNV): 0601 (campaigns), 0602 (state-level awards) or
    /// 0603 (awards of ministry and province level) decided in the year, or the front-line ratio; from this file and
    /// older ones
    Form {
        #[command(flatten)]
        out: super::OutputArgs,
        /// 0601, 0602, 0603 or frontline
        #[arg(value_parser = ["0601", "0602", "0603", "frontline"])]
        form: String,
        /// The reporting year: awards whose decision was signed in it [default: the file's year]
        #[arg(long, value_parser = crate::cli::args::year_arg)]
        year: Option<i32>,
        /// More bloc-year files to count with this one (read only; repeat): the years, or the blocs, of a body
        #[arg(long = "from", value_name = "FILE")]
        from: Vec<std::path::PathBuf>,
    },
    /// One unit's profile: people, registrations, pledge, awards of every year
    Unit {
        /// Code or name of the unit
        unit: String,
        #[command(flatten)]
        at: AsOf,
    },
}

#[derive(Args, Debug)]
pub struct AsOf {
    #[command(flatten)]
    pub out: super::OutputArgs,
    /// The date the report is made as of
    #[arg(long, value_parser = date_arg)]
    pub as_of: Option<NaiveDate>,
}

fn date_or(conn: &rusqlite::Connection, a: &AsOf, month: u32, day: u32) -> Result<NaiveDate> {
    let year = meta::bloc(conn)?.year;
    Ok(a.as_of.unwrap_or_else(|| NaiveDate::from_ymd_opt(year, month, day).unwrap_or_else(|| today_within(year))))
}

fn today_or(conn: &rusqlite::Connection, a: &AsOf) -> Result<NaiveDate> {
    Ok(match a.as_of {
        Some(d) => d,
        None => today_within(meta::bloc(conn)?.year),
    })
}

pub fn run(ctx: &Ctx, cmd: ReportCmd) -> Result<()> {
    // One read transaction: a report of a mid-sized file runs a statement or more a registration, and each took
    // and released the file's lock on its own (20,000 people: 170,000 statements, 0.7 s of locks and stats).
    // A report reads the year once: a small cache and sorts through a temp file keep a national file's reports in
    // a bounded memory (bench/RESULTS.md).
    ctx.read_whole(|conn| report(ctx, conn, cmd))
}

fn report(ctx: &Ctx, conn: &rusqlite::Connection, cmd: ReportCmd) -> Result<()> {
    let r = match cmd {
        ReportCmd::Midyear(a) => reviews::midyear(conn, date_or(conn, &a, 6, 30)?)?,
        ReportCmd::Annual(a) => reviews::annual(conn, date_or(conn, &a, 12, 31)?)?,
        ReportCmd::Registrations { by, .. } => return emit_table(&reviews::registrations_by(conn, by)?, &ctx.out),
        ReportCmd::Pledges { at, campaign } => {
            let c = super::pledge::campaign_of(conn, campaign.as_deref())?;
            let d = today_or(conn, &at)?;
            ctx.say(msg!("pledge of {} as of {}", c.code, format_date(d)));
            return emit_table(&build::pledges::table(&build::pledges::completion(conn, c.id, d)?), &ctx.out);
        }
        ReportCmd::Awards { by, year, .. } => {
            return emit_table(&reviews::awards_by(conn, by, year, None, false)?, &ctx.out)
        }
        ReportCmd::Ranking { .. } => reviews::ranking(conn)?,
        // A national register is streamed as one list (no title), as `eligible` streams past BULK.
        ReportCmd::Decisions { .. } if crate::db::awards::count_decided(conn)? > build::eligible::BULK => {
            let mut out = crate::output::Stream::start("decisions", reviews::DECISIONS, &ctx.out)?;
            reviews::decision_rows(conn, |row| out.push(row))?;
            return out.finish();
        }
        ReportCmd::Decisions { .. } => reviews::decisions(conn)?,
        ReportCmd::Missing(a) => {
            let d = today_or(conn, &a)?;
            ctx.say(msg!("as of {}", format_date(d)));
            let counts = crate::db::registrations::counts(conn, Some(d))?;
            return emit_table(&reviews::missing_table(conn, d, &counts)?, &ctx.out);
        }
        ReportCmd::Form { form, year, from, .. } => {
            let year = year.unwrap_or(meta::bloc(conn)?.year);
            let others: Vec<crate::db::carry::Source> =
                from.iter().map(|f| crate::db::carry::open_source(f)).collect::<Result<_>>()?;
            let mut files = vec![conn];
            files.extend(others.iter().map(|s| &s.conn));
            // A workbook of a form is the form as it is handed in; `--table` still gives the plain table.
            if ctx.out.format() == crate::output::Format::Xlsx && ctx.out.table.is_none() {
                if let Some(f) = build::forms::layout(&files, &form, year)? {
                    return crate::output::emit_form(&f, &ctx.out);
                }
            }
            build::forms::report(&files, &form, year)?
        }
        ReportCmd::Unit { unit, at } => {
            let u = units::resolve(conn, &unit)?;
            reviews::unit(conn, &u, today_or(conn, &at)?)?
        }
    };
    emit_report(&r, &ctx.out)
}
