//! `thidua meeting`: the bloc's conferences, with guests, talks and exemplars.

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db;
use crate::db::meetings::{self, NewMeeting};
use crate::error::{usage, Result};
use crate::model::{ItemKind, MeetingKind};
use crate::output::{emit_report, emit_table};
use crate::report;
use crate::text::format_date;

#[derive(Subcommand, Debug)]
pub enum MeetingCmd {
    /// Record a meeting
    Add(AddArgs),
    /// A talk ("tham luận") given at a meeting
    Talk(ItemArgs),
    /// An exemplar ("điển hình tiên tiến") honoured at a meeting
    Exemplar(ItemArgs),
    /// Change a meeting's fields (an empty text clears it; --guest replaces the guests)
    Edit(EditArgs),
    /// Remove a meeting with its guests, talks and exemplars
    Remove {
        /// The meeting's number or date
        meeting: String,
        /// Confirm without asking
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The meetings in date order
    List {
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// One meeting with its guests, talks and exemplars
    Show {
        #[command(flatten)]
        out: super::OutputArgs,
        /// The meeting's number or date
        meeting: String,
    },
}

#[derive(Args, Debug)]
#[command(mut_arg("kind", |a| a.required(true)), mut_arg("date", |a| a.required(true)))]
pub struct AddArgs {
    #[command(flatten)]
    pub fields: Fields,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// A meeting's fields that `meeting add` sets and `meeting edit` changes: one definition, so the two say the same.
#[derive(Args, Debug)]
pub struct Fields {
    /// The kind of meeting: midyear, annual, signing, other
    #[arg(long, value_parser = super::one_of(MeetingKind::VALUES, MeetingKind::parse))]
    pub kind: Option<MeetingKind>,
    /// The day it was held (dd/mm/yyyy)
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    /// Where it took place
    #[arg(long, value_parser = text_arg)]
    pub place: Option<String>,
    /// Who presided, e.g. "Tạ Thị Dân, Trưởng phòng TCHC Cục Thống kê, Khối trưởng"
    #[arg(long, value_parser = text_arg)]
    pub chair: Option<String>,
    /// A guest as "Name, role" (repeat for several; on edit, replaces the list; "" clears it)
    #[arg(long, value_parser = text_arg)]
    pub guest: Vec<String>,
    /// The meeting's title, as its documents name it
    #[arg(long, value_parser = text_arg)]
    pub title: Option<String>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// The meeting's number or date
    pub meeting: String,
    #[command(flatten)]
    pub fields: Fields,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Args, Debug)]
#[command(group = clap::ArgGroup::new("who").required(true).multiple(true).args(["unit", "person"]))]
pub struct ItemArgs {
    /// The meeting's number or date
    pub meeting: String,
    /// The unit (code or name); with --person, narrows the name to that unit
    #[arg(long)]
    pub unit: Option<String>,
    /// Number, staff code or name
    #[arg(long)]
    pub person: Option<String>,
    /// The talk's topic
    #[arg(long, value_parser = text_arg)]
    pub topic: Option<String>,
    /// Why the exemplar is honoured
    #[arg(long, value_parser = text_arg)]
    pub reason: Option<String>,
    /// Remove the one recorded for this unit or person (typed in error)
    #[arg(long, conflicts_with_all = ["topic", "reason"])]
    pub remove: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, cmd: MeetingCmd) -> Result<()> {
    match cmd {
        MeetingCmd::Add(a) => add(ctx, a),
        MeetingCmd::Talk(a) => item(ctx, a, ItemKind::Talk),
        MeetingCmd::Exemplar(a) => item(ctx, a, ItemKind::Exemplar),
        MeetingCmd::Edit(a) => edit(ctx, a),
        MeetingCmd::Remove { meeting, yes, write } => remove(ctx, &meeting, yes, &write),
        MeetingCmd::List { .. } => {
            let conn = ctx.open()?;
            emit_table(&report::meeting::list(&conn)?, &ctx.out)
        }
        MeetingCmd::Show { meeting, .. } => {
            let conn = ctx.open()?;
            let m = meetings::resolve(&conn, &meeting)?;
            emit_report(&report::meeting::show(&conn, &m)?, &ctx.out)
        }
    }
}

/// "Trần Thị Mỹ An, Trưởng ban Thi đua – Khen thưởng tỉnh" → name and role, split at the first comma.
fn guest(s: &str) -> (String, Option<String>) {
    match s.split_once(',') {
        Some((n, r)) if !r.trim().is_empty() => (n.trim().to_string(), Some(r.trim().to_string())),
        _ => (s.trim().trim_end_matches(',').to_string(), None),
    }
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    // clap requires --kind and --date on add.
    let (Some(kind), Some(held_on)) = (a.fields.kind, a.fields.date) else {
        return Err(usage(msg!("a meeting needs --kind and --date")));
    };
    let m = NewMeeting {
        kind,
        held_on,
        place: a.fields.place.filter(|s| !s.is_empty()),
        chair: a.fields.chair.filter(|s| !s.is_empty()),
        title: a.fields.title.filter(|s| !s.is_empty()),
        note: a.fields.note.filter(|s| !s.is_empty()),
        guests: a.fields.guest.iter().filter(|g| !g.is_empty()).map(|g| guest(g)).collect(),
    };
    let id = ctx.write(&a.write, |tx| meetings::insert(tx, &m))?;
    ctx.done(&a.write, msg!("recorded meeting #{} ({}, {})", id, m.kind, format_date(m.held_on)));
    Ok(())
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let texts = [&a.fields.place, &a.fields.chair, &a.fields.title, &a.fields.note];
    if a.fields.kind.is_none()
        && a.fields.date.is_none()
        && a.fields.guest.is_empty()
        && texts.iter().all(|t| t.is_none())
    {
        return Err(super::nothing_to_do("edit"));
    }
    let msg = ctx.write(&a.write, |tx| {
        let mut m = meetings::resolve(tx, &a.meeting)?;
        if let Some(k) = a.fields.kind {
            m.kind = k;
        }
        if let Some(d) = a.fields.date {
            m.held_on = d;
        }
        for (field, value) in [
            (&mut m.place, &a.fields.place),
            (&mut m.chair, &a.fields.chair),
            (&mut m.title, &a.fields.title),
            (&mut m.note, &a.fields.note),
        ] {
            if let Some(v) = value {
                *field = Some(v.clone()).filter(|s| !s.is_empty());
            }
        }
        let guests: Vec<(String, Option<String>)> =
            a.fields.guest.iter().filter(|g| !g.is_empty()).map(|g| guest(g)).collect();
        meetings::update(tx, &m, (!a.fields.guest.is_empty()).then_some(&guests[..]))?;
        Ok(msg!("updated meeting #{} ({}, {})", m.id, m.kind, format_date(m.held_on)))
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}

fn remove(ctx: &Ctx, meeting: &str, yes: bool, w: &WriteArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let m = meetings::resolve(&conn, meeting)?;
    let items = meetings::item_count(&conn, m.id)?;
    ctx.confirm(
        msg!("remove meeting #{} ({}, {}) with its {} talks and exemplars?", m.id, m.kind, m.held_on, items),
        yes,
    )?;
    db::write(&mut conn, w.dry_run, |tx| meetings::delete(tx, m.id))?;
    ctx.done(w, msg!("removed meeting #{} ({})", m.id, format_date(m.held_on)));
    Ok(())
}

fn item(ctx: &Ctx, a: ItemArgs, kind: ItemKind) -> Result<()> {
    let talk = kind == ItemKind::Talk;
    let text = if talk { a.topic.clone() } else { a.reason.clone() };
    if talk && a.reason.is_some() || !talk && a.topic.is_some() {
        return Err(usage(if talk {
            "a talk has a --topic, not a --reason"
        } else {
            "an exemplar has a --reason, not a --topic"
        }));
    }
    let msg = ctx.write(&a.write, |tx| {
        let m = meetings::resolve(tx, &a.meeting)?;
        let (unit_id, person_id, who) = crate::db::subject(tx, a.unit.as_deref(), a.person.as_deref())?;
        if a.remove {
            meetings::remove_item(tx, m.id, kind, unit_id, person_id)?;
            return Ok(msg!("removed the {} of {} at meeting #{} ({})", kind, who, m.id, format_date(m.held_on)));
        }
        meetings::add_item(tx, m.id, kind, unit_id, person_id, text.as_deref().filter(|t| !t.is_empty()))?;
        Ok(msg!("{} of {} at meeting #{} ({})", kind, who, m.id, format_date(m.held_on)))
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}
