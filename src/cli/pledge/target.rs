//! `thidua pledge target add|edit|remove`: targets of a signed pledge.

use super::*;
use crate::cli::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::pledges::{self, NewTarget};
use crate::db::{campaigns, units};
use crate::error::{refused, refused_hint, usage, Result};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum TargetCmd {
    /// Add a target to a unit's signed pledge (--all: a common commitment for every signed pledge)
    Add(TargetArgs),
    /// Correct a target: its text, measure, value, direction, due date or note (what is not given stays; an empty
    /// text clears it)
    Edit(EditArgs),
    /// Remove a target typed in error, with its recorded figures
    Remove {
        /// The target's number (`pledge show` lists them)
        id: i64,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// The target's number (`pledge show` lists them)
    pub id: i64,
    /// What is committed
    #[arg(long, value_parser = text_arg)]
    pub text: Option<String>,
    /// Unit of measure
    #[arg(long, value_parser = text_arg)]
    pub measure: Option<String>,
    /// The target value
    #[arg(long, value_parser = number_arg, allow_hyphen_values = true, conflicts_with = "qualitative")]
    pub target: Option<f64>,
    /// The target has no value: met / not met
    #[arg(long)]
    pub qualitative: bool,
    /// Less is better: met when the actual is at most the target
    #[arg(long, conflicts_with = "at_least")]
    pub at_most: bool,
    /// More is better (the default): met when the actual reaches the target
    #[arg(long)]
    pub at_least: bool,
    /// When the target is due (dd/mm/yyyy)
    #[arg(long, value_parser = date_arg)]
    pub due: Option<NaiveDate>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// `pledge target edit`.
pub fn edit_target(ctx: &Ctx, a: EditArgs) -> Result<()> {
    if a.text.as_deref() == Some("") {
        return Err(usage("the target needs its text"));
    }
    ctx.write(&a.write, |tx| {
        let (_, old) = pledges::stored_target(tx, a.id)?;
        let target = if a.qualitative { None } else { a.target.or(old.target) };
        let t = NewTarget {
            text: a.text.clone().unwrap_or(old.text),
            measure: crate::cli::edited(&a.measure, old.measure),
            target,
            at_most: target.is_some() && if a.at_most || a.at_least { a.at_most } else { old.at_most },
            due: a.due.or(old.due),
            note: crate::cli::edited(&a.note, old.note),
        };
        pledges::update_target(tx, a.id, &t)
    })?;
    ctx.done(&a.write, msg!("target #{} corrected", a.id));
    Ok(())
}

/// `pledge target remove`.
pub fn remove_target(ctx: &Ctx, id: i64, yes: bool, write: &WriteArgs) -> Result<()> {
    let (_, t) = pledges::stored_target(&ctx.open()?, id)?;
    ctx.confirm(msg!("remove target #{} (\"{}\") with its figures?", id, t.text), yes)?;
    let figures = ctx.write(write, |tx| pledges::remove_target(tx, id))?;
    ctx.done(write, msg!("removed target #{} with its figures ({})", id, figures));
    Ok(())
}

#[derive(Args, Debug)]
#[command(group = clap::ArgGroup::new("who").required(true).args(["unit", "all"]))]
pub struct TargetArgs {
    /// What is committed, e.g. "Thu ngân sách đạt 100% dự toán"
    #[arg(value_parser = text_arg)]
    pub text: String,
    /// The unit (code or name)
    #[arg(long)]
    pub unit: Option<String>,
    /// Every signed pledge of the campaign
    #[arg(long)]
    pub all: bool,
    /// Unit of measure, e.g. "%", "tỷ đồng"
    #[arg(long, value_parser = text_arg)]
    pub measure: Option<String>,
    /// The target value ("1.234,5" or "1234.5"); without it the target is met / not met
    #[arg(long, value_parser = number_arg, allow_hyphen_values = true)]
    pub target: Option<f64>,
    /// Less is better (arrears, violations): met when the actual is at most the target
    #[arg(long, requires = "target")]
    pub at_most: bool,
    /// When the target is due (dd/mm/yyyy)
    #[arg(long, value_parser = date_arg)]
    pub due: Option<NaiveDate>,
    /// The campaign (code or name) [default: the file's only open regular campaign]
    #[arg(long)]
    pub campaign: Option<String>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn add_target(ctx: &Ctx, a: TargetArgs) -> Result<()> {
    if a.text.is_empty() {
        return Err(usage("the target needs its text"));
    }
    let t = NewTarget {
        text: a.text.clone(),
        measure: a.measure.clone().filter(|m| !m.is_empty()),
        target: a.target,
        at_most: a.at_most,
        due: a.due,
        note: a.note.clone().filter(|n| !n.is_empty()),
    };
    let msg = ctx.write(&a.write, |tx| {
        let c = campaign_of(tx, a.campaign.as_deref())?;
        campaigns::check_open(&c)?;
        let pledge_list = match &a.unit {
            Some(u) => {
                let u = units::resolve(tx, u)?;
                let p = pledges::get(tx, u.id, c.id)?.ok_or_else(|| {
                    refused_hint(
                        msg!("{} has not signed the pledge of {}", u.code, c.code),
                        msg!("sign it first: `thidua pledge sign --unit {} --date …`", u.code),
                    )
                })?;
                vec![p]
            }
            None => pledges::list(tx, c.id)?,
        };
        if pledge_list.is_empty() {
            return Err(refused_hint(
                msg!("no unit has signed the pledge of {} yet", c.code),
                "`thidua pledge sign --all --date …`",
            ));
        }
        let mut ids = Vec::new();
        for p in &pledge_list {
            if let Some((id, _)) = pledges::find_target(tx, p.id, &t.text)? {
                return Err(refused(msg!("{} already has this target: #{}", p.unit_code, id)));
            }
            ids.push(format!("#{} {}", pledges::upsert_target(tx, p.id, &t)?.0, p.unit_code));
        }
        Ok(msg!("added target \"{}\": {}", t.text, ids.join(", ")))
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}
