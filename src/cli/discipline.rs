//! `thidua discipline`: discipline imposed and reviews pending (inspection, investigation, a complaint being
//! verified), with their periods. Decree 152/2025 Art 4.4: no proposal while a review is pending; achievements
//! count from the end of a discipline.

use chrono::NaiveDate;
use clap::Subcommand;

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::discipline::{self, NewDiscipline};
use crate::db::{people, units};
use crate::error::Result;
use crate::model::DisciplineForm;
use crate::output::emit_table;
use crate::report;
use crate::text::format_date;

#[derive(Subcommand, Debug)]
pub enum DisciplineCmd {
    /// Record a discipline or a pending review of a person or a unit
    #[command(group = clap::ArgGroup::new("subject").required(true).multiple(true).args(["unit", "person"]))]
    Add {
        /// reprimand (khiển trách), warning (cảnh cáo), demotion, dismissal, removal; or a review pending:
        /// review (xem xét kỷ luật), inspection (thanh tra), investigation, complaint
        #[arg(value_parser = super::one_of(DisciplineForm::VALUES, DisciplineForm::parse))]
        form: DisciplineForm,
        /// The unit (code or name)
        #[arg(long)]
        unit: Option<String>,
        /// The person (number, staff code or name)
        #[arg(long)]
        person: Option<String>,
        /// The decision's number (the discipline, or the one that opened the review)
        #[arg(long, value_parser = text_arg)]
        decision: Option<String>,
        /// When it took effect or began
        #[arg(long, value_parser = date_arg)]
        from: NaiveDate,
        /// When it ends or ended [default: open]
        #[arg(long, value_parser = date_arg)]
        to: Option<NaiveDate>,
        /// A free note kept with the record
        #[arg(long, value_parser = text_arg)]
        note: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Discipline and reviews by start date, with whether a review is pending today
    List {
        #[command(flatten)]
        out: super::OutputArgs,
        /// A unit's records and its people's (sub-units included)
        #[arg(long)]
        unit: Option<String>,
        /// One person's records
        #[arg(long)]
        person: Option<String>,
    },
    /// Remove a record typed in error (a discipline lifted or a review closed is ended, not removed)
    Remove {
        /// The record's number (`discipline list` shows it)
        id: i64,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Correct a record: its form, decision, dates or note (what is not given stays; an empty text clears it)
    Edit {
        /// The record's number (`discipline list` shows it)
        id: i64,
        /// The form (see `discipline add`)
        #[arg(long, value_parser = super::one_of(DisciplineForm::VALUES, DisciplineForm::parse))]
        form: Option<DisciplineForm>,
        /// The decision's number
        #[arg(long, value_parser = text_arg)]
        decision: Option<String>,
        /// When it took effect or began
        #[arg(long, value_parser = date_arg)]
        from: Option<NaiveDate>,
        /// When it ends or ended
        #[arg(long, value_parser = date_arg, conflicts_with = "open")]
        to: Option<NaiveDate>,
        /// It has not ended: the end typed in error is cleared
        #[arg(long)]
        open: bool,
        /// A free note kept with the record
        #[arg(long, value_parser = text_arg)]
        note: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// End a period: the discipline's term is over, or the review is closed
    End {
        /// The record's number (`discipline list` shows it)
        id: i64,
        /// The day it ended
        #[arg(long, value_parser = date_arg)]
        date: NaiveDate,
        /// A note, e.g. the conclusion of the inspection
        #[arg(long, value_parser = text_arg)]
        note: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
}

pub fn run(ctx: &Ctx, cmd: DisciplineCmd) -> Result<()> {
    match cmd {
        DisciplineCmd::Add { form, unit, person, decision, from, to, note, write } => {
            if to.is_some_and(|t| t < from) {
                return Err(crate::error::usage(msg!(
                    "--to {} is before --from {}",
                    format_date(to.unwrap_or(from)),
                    format_date(from)
                )));
            }
            let id = ctx.write(&write, |tx| {
                let (unit_id, person_id, name) = crate::db::subject(tx, unit.as_deref(), person.as_deref())?;
                let n = NewDiscipline {
                    unit_id,
                    person_id,
                    form,
                    decision: decision.filter(|s| !s.is_empty()),
                    start: from,
                    end: to,
                    note: note.filter(|s| !s.is_empty()),
                };
                let twin = discipline::same(tx, &n)?;
                Ok((discipline::insert(tx, &n)?, name, twin))
            })?;
            let (id, name, twin) = (id.0, id.1, id.2);
            let form = crate::output::labels::label(&format!("discipline.{form}"), ctx.out.lang).to_string();
            ctx.done(&write, msg!("#{}: {}: {} from {}", id, name, form, format_date(from)));
            if let Some(t) = twin {
                ctx.say(msg!("warning: #{} records the same for {} already: both count in every verdict; remove the one typed twice with `thidua discipline remove {}`", t, name, id));
            }
            Ok(())
        }
        DisciplineCmd::Remove { id, yes, write } => {
            let d = discipline::get(&ctx.open()?, id)?;
            let form = crate::output::labels::label(&format!("discipline.{}", d.d.form), ctx.out.lang).to_string();
            ctx.confirm(msg!("remove #{} ({}: {} from {})?", id, d.name, form, format_date(d.d.start)), yes)?;
            ctx.write(&write, |tx| discipline::delete(tx, id))?;
            ctx.done(&write, msg!("removed #{}", id));
            Ok(())
        }
        DisciplineCmd::List { out: _, unit, person } => {
            let conn = ctx.open()?;
            let u = unit.as_deref().map(|u| units::resolve(&conn, u)).transpose()?.map(|u| u.id);
            let p = person.as_deref().map(|p| people::resolve(&conn, p)).transpose()?.map(|p| p.id);
            emit_table(&report::records::discipline(&discipline::list(&conn, u, p)?, crate::text::today()), &ctx.out)
        }
        DisciplineCmd::Edit { id, form, decision, from, to, open, note, write } => {
            ctx.write(&write, |tx| {
                let old = discipline::record(tx, id)?;
                let n = NewDiscipline {
                    form: form.unwrap_or(old.form),
                    decision: super::edited(&decision, old.decision.clone()),
                    start: from.unwrap_or(old.start),
                    end: if open { None } else { to.or(old.end) },
                    note: super::edited(&note, old.note.clone()),
                    ..old
                };
                if let Some(end) = n.end.filter(|e| *e < n.start) {
                    return Err(crate::error::refused(msg!(
                        "#{} would end on {} before it began on {}",
                        id,
                        format_date(end),
                        format_date(n.start)
                    )));
                }
                discipline::update(tx, id, &n)
            })?;
            ctx.done(&write, msg!("#{} corrected", id));
            Ok(())
        }
        DisciplineCmd::End { id, date, note, write } => {
            ctx.write(&write, |tx| discipline::end(tx, id, date, note.as_deref()))?;
            ctx.done(&write, msg!("#{} ended on {}", id, format_date(date)));
            Ok(())
        }
    }
}
