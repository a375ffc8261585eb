//! `thidua pledge`: the bloc's emulation pledge, its measurable targets and their progress.

mod target;
pub use target::{add_target, edit_target, remove_target, TargetCmd};

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use rusqlite::Connection;

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::pledges::{self};
use crate::db::{self, campaigns, meta, units};
use crate::error::{refused, refused_hint, Result};
use crate::import;
use crate::model::{Campaign, Outcome};
use crate::output::{emit_report, emit_table};
use crate::report;
use crate::text::{format_date, parse_number, today_within};

#[derive(Subcommand, Debug)]
pub enum PledgeCmd {
    /// A unit signs the bloc's pledge for a campaign (--all: every member unit, the signing conference)
    Sign(SignArgs),
    /// The pledge's targets
    Target {
        #[command(subcommand)]
        cmd: TargetCmd,
    },
    /// Record how far a target got at a date (the same date again replaces the figure; --remove takes it away)
    Progress(ProgressArgs),
    /// Remove a pledge signed in error, with its targets and their figures
    Remove {
        /// The unit (code or name)
        #[arg(long)]
        unit: String,
        /// The campaign [default: the file's one regular campaign]
        #[arg(long)]
        campaign: Option<String>,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// One row a member unit: signed on, targets, met at the date, completion
    List(ListArgs),
    /// A unit's targets with the latest figure at the date, percent and status
    Show {
        /// Code or name of the unit
        unit: String,
        #[command(flatten)]
        at: ListArgs,
    },
    /// Add targets and progress from a CSV file (or - for stdin)
    Import {
        /// The CSV file: columns unit, target, measure, goal, at_most, due, actual, as_of, met, note
        file: String,
        /// The campaign (code or name) [default: the file's only open regular campaign]
        #[arg(long)]
        campaign: Option<String>,
        #[command(flatten)]
        cols: super::ColumnArgs,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Args, Debug)]
#[command(group = clap::ArgGroup::new("who").required(true).args(["unit", "all"]))]
pub struct SignArgs {
    /// The unit (code or name)
    #[arg(long)]
    pub unit: Option<String>,
    /// Every member unit that has not signed yet
    #[arg(long)]
    pub all: bool,
    /// The campaign [default: the file's one regular campaign]
    #[arg(long)]
    pub campaign: Option<String>,
    /// The day the pledge was signed (dd/mm/yyyy)
    #[arg(long, value_parser = date_arg)]
    pub date: NaiveDate,
    /// Where it was signed (the signing conference)
    #[arg(long, value_parser = text_arg)]
    pub place: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Args, Debug)]
#[command(group = clap::ArgGroup::new("figure").required(true).args(["value", "met", "not_met", "remove"]))]
pub struct ProgressArgs {
    /// The target's number (`pledge show` lists them)
    pub target: i64,
    /// The actual value at the date
    #[arg(long, value_parser = number_arg, allow_hyphen_values = true)]
    pub value: Option<f64>,
    /// A qualitative target is met
    #[arg(long)]
    pub met: bool,
    /// A qualitative target is not met
    #[arg(long)]
    pub not_met: bool,
    /// The date of the figure (dd/mm/yyyy)
    #[arg(long, value_parser = date_arg)]
    pub as_of: NaiveDate,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    /// Remove the figure recorded at the date (typed in error)
    #[arg(long, conflicts_with = "note")]
    pub remove: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[command(flatten)]
    pub out: super::OutputArgs,
    /// The campaign (code or name) [default: the file's only open regular campaign]
    #[arg(long)]
    pub campaign: Option<String>,
    /// The date to measure at [default: today, within the file's year]
    #[arg(long, value_parser = date_arg)]
    pub as_of: Option<NaiveDate>,
}

fn number_arg(s: &str) -> std::result::Result<f64, crate::text::Bad> {
    parse_number(s)
}

pub fn run(ctx: &Ctx, cmd: PledgeCmd) -> Result<()> {
    match cmd {
        PledgeCmd::Sign(a) => sign(ctx, a),
        PledgeCmd::Target { cmd: TargetCmd::Add(a) } => add_target(ctx, a),
        PledgeCmd::Target { cmd: TargetCmd::Edit(a) } => edit_target(ctx, a),
        PledgeCmd::Target { cmd: TargetCmd::Remove { id, yes, write } } => remove_target(ctx, id, yes, &write),
        PledgeCmd::Remove { unit, campaign, yes, write } => {
            let conn = ctx.open()?;
            let c = campaign_of(&conn, campaign.as_deref())?;
            let u = units::resolve(&conn, &unit)?;
            let p = pledges::get(&conn, u.id, c.id)?
                .ok_or_else(|| refused(msg!("{} has not signed the pledge of {}", u.code, c.code)))?;
            drop(conn);
            ctx.confirm(msg!("remove the pledge {} signed for {} with its targets and figures?", u.code, c.code), yes)?;
            let (targets, figures) = ctx.write(&write, |tx| pledges::remove(tx, p.id))?;
            ctx.done(
                &write,
                msg!("removed the pledge of {} with its targets ({}) and figures ({})", u.code, targets, figures),
            );
            Ok(())
        }
        PledgeCmd::Progress(a) => progress(ctx, a),
        PledgeCmd::List(a) => list(ctx, a),
        PledgeCmd::Show { unit, at, .. } => show(ctx, &unit, at),
        PledgeCmd::Import { file, cols, campaign, write } => {
            import_pledges(ctx, &file, &cols, campaign.as_deref(), &write)
        }
    }
}

/// The campaign a pledge command works on: the one named, else the file's only regular campaign.
pub fn campaign_of(conn: &Connection, named: Option<&str>) -> Result<Campaign> {
    match named {
        Some(c) => campaigns::resolve(conn, c),
        None => campaigns::default_regular(conn)?.ok_or_else(|| {
            refused_hint(
                msg!("the file has no single open regular campaign to sign the pledge for"),
                "name the campaign with --campaign (see `thidua campaign list`)",
            )
        }),
    }
}

fn sign(ctx: &Ctx, a: SignArgs) -> Result<()> {
    let msgs = ctx.write(&a.write, |tx| {
        let c = campaign_of(tx, a.campaign.as_deref())?;
        campaigns::check_open(&c)?;
        let place = a.place.as_deref().filter(|p| !p.is_empty());
        let mut msgs = Vec::new();
        if let Some(u) = &a.unit {
            let u = units::resolve(tx, u)?;
            pledges::sign(tx, u.id, c.id, a.date, place)?;
            msgs.push(msg!("{} signed the pledge of {} on {}", u.code, c.code, a.date));
        } else {
            let members: Vec<_> =
                units::list(tx)?.into_iter().filter(|u| u.parent_id.is_none() && u.role.is_some()).collect();
            let mut signed = Vec::new();
            for u in &members {
                if pledges::get(tx, u.id, c.id)?.is_none() {
                    pledges::sign(tx, u.id, c.id, a.date, place)?;
                    signed.push(u.code.clone());
                }
            }
            if signed.is_empty() {
                return Err(refused(msg!("every member unit has already signed the pledge of {}", c.code)));
            }
            msgs.push(msg!(
                "{} units signed the pledge of {} on {}: {}",
                signed.len(),
                c.code,
                a.date,
                signed.join(", ")
            ));
            if signed.len() < members.len() {
                msgs.push(msg!("{} had signed already", members.len() - signed.len()));
            }
        }
        Ok(msgs)
    })?;
    for m in msgs {
        ctx.done(&a.write, m);
    }
    Ok(())
}

fn progress(ctx: &Ctx, a: ProgressArgs) -> Result<()> {
    let msg = ctx.write(&a.write, |tx| {
        let (t, signed) = pledges::target(tx, a.target, a.as_of)?;
        if a.remove {
            pledges::remove_progress(tx, t.id, a.as_of)?;
            return Ok(msg!("removed the figure of target #{} ({}) as of {}", t.id, t.unit_code, format_date(a.as_of)));
        }
        if a.as_of < signed {
            return Err(refused(msg!(
                "progress as of {} comes before {} signed the pledge on {}",
                format_date(a.as_of),
                t.unit_code,
                format_date(signed)
            )));
        }
        let met = if a.met {
            Some(true)
        } else if a.not_met {
            Some(false)
        } else {
            None
        };
        match (t.target, a.value, met) {
            (Some(_), None, Some(_)) => {
                return Err(refused_hint(
                    msg!("target #{} has a target value; give the actual with --value", t.id),
                    "--met/--not-met are for targets without a value",
                ))
            }
            (None, Some(_), None) => {
                return Err(refused_hint(
                    msg!("target #{} is qualitative (no target value)", t.id),
                    "record it with --met or --not-met",
                ))
            }
            _ => {}
        }
        let o = pledges::record(tx, t.id, a.as_of, a.value, met, a.note.as_deref().filter(|n| !n.is_empty()))?;
        Ok(match o {
            Outcome::Inserted => msg!("recorded progress of target #{} ({}) as of {}", t.id, t.unit_code, a.as_of),
            Outcome::Updated => msg!("updated progress of target #{} ({}) as of {}", t.id, t.unit_code, a.as_of),
            Outcome::Unchanged => {
                msg!("already had progress of target #{} ({}) as of {}", t.id, t.unit_code, a.as_of)
            }
        })
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}

fn as_of(conn: &Connection, given: Option<NaiveDate>) -> Result<NaiveDate> {
    Ok(match given {
        Some(d) => d,
        None => today_within(meta::bloc(conn)?.year),
    })
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let conn = ctx.open()?;
    let c = campaign_of(&conn, a.campaign.as_deref())?;
    let at = as_of(&conn, a.as_of)?;
    ctx.say(msg!("pledge of {} as of {}", c.code, format_date(at)));
    emit_table(&report::pledges::table(&report::pledges::completion(&conn, c.id, at)?), &ctx.out)
}

fn import_pledges(
    ctx: &Ctx,
    file: &str,
    cols: &super::ColumnArgs,
    campaign: Option<&str>,
    w: &WriteArgs,
) -> Result<()> {
    let mut conn = ctx.open()?;
    let mut src = cols.open(file, import::pledges::COLUMNS)?;
    let (targets, progress) = db::write(&mut conn, w.dry_run, |tx| {
        let c = campaign_of(tx, campaign)?;
        import::pledges::run(tx, &mut src, &c, ctx.quiet)
    })?;
    ctx.done(w, msg!("{}: targets: {}; progress: {}", src.name, targets.brief(), progress.brief()));
    Ok(())
}

fn show(ctx: &Ctx, unit: &str, a: ListArgs) -> Result<()> {
    let conn = ctx.open()?;
    let c = campaign_of(&conn, a.campaign.as_deref())?;
    let at = as_of(&conn, a.as_of)?;
    let u = units::resolve(&conn, unit)?;
    let p = pledges::get(&conn, u.id, c.id)?.ok_or_else(|| {
        refused_hint(
            msg!("{} has not signed the pledge of {}", u.code, c.code),
            msg!("sign it first: `thidua pledge sign --unit {} --date …`", u.code),
        )
    })?;
    emit_report(&report::pledges::show(&conn, &u, &c, &p, at)?, &ctx.out)
}
