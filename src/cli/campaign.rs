//! `thidua campaign`: emulation campaigns ("phong trào thi đua"), planned → launched → closed.

use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::{self, campaigns, meta, refs};
use crate::error::{refused, refused_hint, usage, Result};
use crate::model::{Campaign, CampaignKind, CampaignStatus};
use crate::output::{emit_report, emit_table};
use crate::report;
use crate::text::{check_code, format_date};

#[derive(Subcommand, Debug)]
pub enum CampaignCmd {
    /// Add a campaign (planned until it is launched)
    Add(AddArgs),
    /// The campaigns: regular first, then thematic, by start date
    List {
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// One campaign with its registrations counted by unit
    Show {
        #[command(flatten)]
        out: super::OutputArgs,
        /// Code or name of the campaign
        campaign: String,
    },
    /// Change a campaign's fields (an empty text clears it)
    Edit(EditArgs),
    /// Mark a campaign launched ("phát động") on a date
    Launch(StepArgs),
    /// Close a launched campaign; nothing new may refer to it afterwards
    Close(StepArgs),
    /// Remove a campaign nothing refers to
    Remove {
        /// The campaign (code or name)
        campaign: String,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Args, Debug)]
#[command(mut_arg("name", |a| a.required(true)), mut_arg("kind", |a| a.required(true)))]
pub struct AddArgs {
    /// A short ASCII code, e.g. PT2020
    pub code: String,
    #[command(flatten)]
    pub fields: Fields,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// A campaign's fields that `campaign add` sets and `campaign edit` changes: one definition, so the two say the
/// same.
#[derive(Args, Debug)]
pub struct Fields {
    /// The campaign's name, e.g. "Phong trào thi đua năm 2020"
    #[arg(long, value_parser = text_arg)]
    pub name: Option<String>,
    /// regular (thường xuyên) or thematic (chuyên đề)
    #[arg(long, value_parser = super::one_of(CampaignKind::VALUES, CampaignKind::parse))]
    pub kind: Option<CampaignKind>,
    /// The campaign's content or slogan ("nội dung", "khẩu hiệu"), as the launch document words it
    #[arg(long, value_parser = text_arg)]
    pub slogan: Option<String>,
    /// The motto of action ("phương châm hành động")
    #[arg(long, value_parser = text_arg)]
    pub motto: Option<String>,
    /// What it is for, e.g. to mark a congress
    #[arg(long, value_parser = text_arg)]
    pub purpose: Option<String>,
    /// The first day (dd/mm/yyyy)
    #[arg(long, value_parser = date_arg)]
    pub start: Option<NaiveDate>,
    /// The last day (dd/mm/yyyy)
    #[arg(long, value_parser = date_arg)]
    pub end: Option<NaiveDate>,
    /// Who launches it, e.g. "Khối thi đua các Cơ quan Trung ương"
    #[arg(long, value_parser = text_arg)]
    pub launcher: Option<String>,
    /// The launching document's number, e.g. "12/KH-KTĐ"
    #[arg(long, value_parser = text_arg)]
    pub doc: Option<String>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// The campaign (code or name)
    pub campaign: String,
    /// A new code
    #[arg(long)]
    pub code: Option<String>,
    #[command(flatten)]
    pub fields: Fields,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Args, Debug)]
pub struct StepArgs {
    /// The campaign (code or name)
    pub campaign: String,
    /// The day it happens (dd/mm/yyyy)
    #[arg(long, value_parser = date_arg)]
    pub date: NaiveDate,
    /// Accept a date outside the file's year
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, cmd: CampaignCmd) -> Result<()> {
    match cmd {
        CampaignCmd::Add(a) => add(ctx, a),
        CampaignCmd::List { .. } => emit_table(&report::campaigns::list(&ctx.open()?)?, &ctx.out),
        CampaignCmd::Show { campaign, .. } => {
            let conn = ctx.open()?;
            let c = campaigns::resolve(&conn, &campaign)?;
            emit_report(&report::campaigns::show(&conn, &c)?, &ctx.out)
        }
        CampaignCmd::Edit(a) => edit(ctx, a),
        CampaignCmd::Launch(a) => step(ctx, a, true),
        CampaignCmd::Close(a) => step(ctx, a, false),
        CampaignCmd::Remove { campaign, yes, write } => remove(ctx, &campaign, yes, &write),
    }
}

fn some(s: &Option<String>) -> Option<String> {
    s.clone().filter(|s| !s.is_empty())
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let code = check_code("campaign", &a.code).map_err(usage)?;
    // clap requires --name and --kind on add; an empty name is refused.
    let name = some(&a.fields.name).ok_or_else(|| usage(msg!("--name needs the campaign's name")))?;
    let kind = a.fields.kind.unwrap_or(CampaignKind::Regular);
    let mut conn = ctx.open()?;
    let c = Campaign {
        id: 0,
        code: code.clone(),
        name: name.clone(),
        kind,
        slogan: some(&a.fields.slogan),
        motto: some(&a.fields.motto),
        purpose: some(&a.fields.purpose),
        start_date: a.fields.start,
        end_date: a.fields.end,
        launcher: some(&a.fields.launcher),
        doc_no: some(&a.fields.doc),
        status: CampaignStatus::Planned,
        launched_on: None,
        closed_on: None,
        note: some(&a.fields.note),
    };
    db::write(&mut conn, a.write.dry_run, |tx| campaigns::insert(tx, &c))?;
    ctx.done(&a.write, msg!("added campaign {} ({}, {})", code, name, kind));
    Ok(())
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let new_code = a.code.as_deref().map(|c| check_code("campaign", c).map_err(usage)).transpose()?;
    let texts = [
        &a.fields.name,
        &a.fields.slogan,
        &a.fields.motto,
        &a.fields.purpose,
        &a.fields.launcher,
        &a.fields.doc,
        &a.fields.note,
    ];
    if new_code.is_none()
        && a.fields.kind.is_none()
        && a.fields.start.is_none()
        && a.fields.end.is_none()
        && texts.iter().all(|t| t.is_none())
    {
        return Err(super::nothing_to_do("edit"));
    }
    let msg = ctx.write(&a.write, |tx| {
        let mut c = campaigns::resolve(tx, &a.campaign)?;
        if let Some(code) = &new_code {
            c.code = code.clone();
        }
        if let Some(n) = &a.fields.name {
            if n.is_empty() {
                return Err(usage(msg!("--name cannot be empty")));
            }
            c.name = n.clone();
        }
        if let Some(k) = a.fields.kind {
            c.kind = k;
        }
        for (field, value) in [
            (&mut c.slogan, &a.fields.slogan),
            (&mut c.motto, &a.fields.motto),
            (&mut c.purpose, &a.fields.purpose),
            (&mut c.launcher, &a.fields.launcher),
            (&mut c.doc_no, &a.fields.doc),
            (&mut c.note, &a.fields.note),
        ] {
            if value.is_some() {
                *field = some(value);
            }
        }
        if a.fields.start.is_some() {
            c.start_date = a.fields.start;
        }
        if a.fields.end.is_some() {
            c.end_date = a.fields.end;
        }
        campaigns::update(tx, &c)?;
        Ok(msg!("updated campaign {}", c.code))
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}

/// Launch (planned → launched) or close (launched → closed) on a date within the file's year unless --force.
fn step(ctx: &Ctx, a: StepArgs, launch: bool) -> Result<()> {
    let msg = ctx.write(&a.write, |tx| {
        let year = meta::bloc(tx)?.year;
        let mut c = campaigns::resolve(tx, &a.campaign)?;
        if a.date.year() != year && !a.force {
            return Err(refused_hint(
                if launch {
                    msg!("the launch date {} is outside the file's year {}", a.date, year)
                } else {
                    msg!("the close date {} is outside the file's year {}", a.date, year)
                },
                "add --force for a date in another year",
            ));
        }
        match (launch, c.status) {
            (true, CampaignStatus::Planned) => {
                c.status = CampaignStatus::Launched;
                c.launched_on = Some(a.date);
            }
            (false, CampaignStatus::Launched) => {
                if let Some(l) = c.launched_on.filter(|l| a.date < *l) {
                    return Err(refused(msg!(
                        "campaign {} cannot close on {}, before its launch on {}",
                        c.code,
                        format_date(a.date),
                        format_date(l)
                    )));
                }
                c.status = CampaignStatus::Closed;
                c.closed_on = Some(a.date);
            }
            (true, s) => return Err(refused(msg!("campaign {} is already {}", c.code, s))),
            (false, CampaignStatus::Planned) => {
                return Err(refused_hint(
                    msg!("campaign {} has not been launched", c.code),
                    msg!("launch it first: `thidua campaign launch {} --date …`", c.code),
                ))
            }
            (false, _) => return Err(refused(msg!("campaign {} is already closed", c.code))),
        }
        campaigns::update(tx, &c)?;
        Ok(if launch {
            msg!("launched campaign {} on {}", c.code, a.date)
        } else {
            msg!("closed campaign {} on {}", c.code, a.date)
        })
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}

fn remove(ctx: &Ctx, campaign: &str, yes: bool, w: &WriteArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let c = campaigns::resolve(&conn, campaign)?;
    let r = refs::references(&conn, "campaign", c.id)?;
    if !r.is_empty() {
        return Err(refused(msg!("campaign {} is still referred to by {}", c.code, super::unit::describe_refs(&r))));
    }
    ctx.confirm(msg!("remove campaign {} ({})?", c.code, c.name), yes)?;
    db::write(&mut conn, w.dry_run, |tx| campaigns::delete(tx, c.id))?;
    ctx.done(w, msg!("removed campaign {}", c.code));
    Ok(())
}
