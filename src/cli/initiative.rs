//! `thidua initiative`: initiatives, research and combat ingenuity, who recognised them, and the awards they
//! served.

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::initiatives::{self, NewInitiative};
use crate::db::{self, people, units};
use crate::error::{usage, Result};
use crate::import;
use crate::model::{InitiativeKind, Scope};
use crate::output::{emit_report, emit_table};
use crate::report;

#[derive(Subcommand, Debug)]
pub enum InitiativeCmd {
    /// Record an initiative with its authors and its recognition
    Add(AddArgs),
    /// The initiatives, by year
    List {
        #[command(flatten)]
        out: super::OutputArgs,
        /// Only the initiatives of this person (number, staff code or name)
        #[arg(long)]
        person: Option<String>,
        /// Only those of the people of this unit
        #[arg(long)]
        unit: Option<String>,
        /// Only those of this year
        #[arg(long)]
        year: Option<i32>,
    },
    /// One initiative with its authors and the awards it served
    Show {
        #[command(flatten)]
        out: super::OutputArgs,
        /// The initiative's number
        id: i64,
    },
    /// Record that an award used the initiative (one initiative serves one award; a second use warns)
    Use {
        /// The initiative's number
        id: i64,
        /// The award's number (`award list` shows it)
        #[arg(long)]
        award: i64,
        /// Take back a use recorded in error
        #[arg(long)]
        undo: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Correct an initiative: its title, scope as recognised, kind, year, recognition (what is not given stays)
    Edit {
        /// The initiative's number
        id: i64,
        /// Its title
        #[arg(long, value_parser = text_arg)]
        title: Option<String>,
        /// unit (cơ sở), province (tỉnh, bộ), national (toàn quốc)
        #[arg(long, value_parser = super::one_of(Scope::VALUES, Scope::parse))]
        scope: Option<Scope>,
        /// initiative, research, ingenuity
        #[arg(long, value_parser = super::one_of(InitiativeKind::VALUES, InitiativeKind::parse))]
        kind: Option<InitiativeKind>,
        /// The achievement year it counts for
        #[arg(long, value_parser = crate::cli::args::year_arg)]
        year: Option<i32>,
        /// Who recognised it
        #[arg(long, value_parser = text_arg)]
        body: Option<String>,
        /// The recognising decision's number
        #[arg(long, value_parser = text_arg)]
        decision: Option<String>,
        /// The recognising decision's date
        #[arg(long, value_parser = date_arg)]
        date: Option<NaiveDate>,
        /// A free note kept with the record
        #[arg(long, value_parser = text_arg)]
        note: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove an initiative typed in error (one an award or a proposal rests on is refused, naming them)
    Remove {
        /// The initiative's number
        id: i64,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Add initiatives from a CSV or workbook file (or - for stdin): title, year, scope, kind, unit, authors
    /// (separated by ;), body, decision, decided_on, note
    Import {
        /// The file: CSV (UTF-8, with or without BOM), .xlsx or .ods
        file: String,
        #[command(flatten)]
        cols: super::ColumnArgs,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Args, Debug)]
pub struct AddArgs {
    /// Its title, e.g. "Số hóa hồ sơ hoàn thuế"
    #[arg(value_parser = text_arg)]
    pub title: String,
    /// How far its effect reaches, as recognised: unit (cơ sở), province (tỉnh, bộ), national (toàn quốc)
    #[arg(long, value_parser = super::one_of(Scope::VALUES, Scope::parse))]
    pub scope: Scope,
    /// initiative (sáng kiến), research (đề tài), ingenuity (sáng tạo trong chiến đấu)
    #[arg(long, default_value = "initiative", value_parser = super::one_of(InitiativeKind::VALUES, InitiativeKind::parse))]
    pub kind: InitiativeKind,
    /// An author of the file (number, staff code or name; repeat for several)
    #[arg(long)]
    pub author: Vec<String>,
    /// An author as printed, not a person of the file (repeat for several)
    #[arg(long, value_parser = text_arg)]
    pub author_name: Vec<String>,
    /// The achievement year it counts for [default: the year of its recognition, else the file's year]
    #[arg(long, value_parser = crate::cli::args::year_arg)]
    pub year: Option<i32>,
    /// Who recognised it, e.g. "Chủ tịch UBND tỉnh"
    #[arg(long, value_parser = text_arg)]
    pub body: Option<String>,
    /// The recognising decision's number
    #[arg(long, value_parser = text_arg)]
    pub decision: Option<String>,
    /// The recognising decision's date
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, cmd: InitiativeCmd) -> Result<()> {
    match cmd {
        InitiativeCmd::Add(a) => add(ctx, a),
        InitiativeCmd::Edit { id, title, scope, kind, year, body, decision, date, note, write } => {
            let e = crate::db::initiatives::Edit { title, scope, kind, year, body, decision, decided_on: date, note };
            ctx.write(&write, |tx| crate::db::initiatives::edit(tx, id, &e))?;
            ctx.done(&write, msg!("initiative #{} corrected", id));
            Ok(())
        }
        InitiativeCmd::Remove { id, yes, write } => {
            let title = crate::db::initiatives::get(&ctx.open()?, id)?.i.title;
            ctx.confirm(msg!("remove initiative #{} ({})?", id, title), yes)?;
            ctx.write(&write, |tx| crate::db::initiatives::remove(tx, id))?;
            ctx.done(&write, msg!("removed initiative #{}", id));
            Ok(())
        }
        InitiativeCmd::List { out: _, person, unit, year } => {
            let conn = ctx.open()?;
            let p = person.as_deref().map(|p| people::resolve(&conn, p)).transpose()?.map(|p| p.id);
            let u = unit.as_deref().map(|u| units::resolve(&conn, u)).transpose()?.map(|u| u.id);
            emit_table(&report::records::initiatives(&initiatives::list(&conn, p, u, year)?), &ctx.out)
        }
        InitiativeCmd::Show { out: _, id } => {
            emit_report(&report::records::initiative(&initiatives::get(&ctx.open()?, id)?), &ctx.out)
        }
        InitiativeCmd::Use { id, award, undo: true, write } => {
            ctx.write(&write, |tx| initiatives::unuse(tx, id, award))?;
            ctx.done(&write, msg!("initiative #{} is no longer recorded as used by award #{}", id, award));
            Ok(())
        }
        InitiativeCmd::Use { id, award, write, .. } => {
            let before = ctx.write(&write, |tx| initiatives::use_for(tx, id, award))?;
            match before {
                None => ctx.say(msg!("initiative #{} is already recorded as used by award #{}", id, award)),
                Some(before) => {
                    ctx.done(&write, msg!("initiative #{} is used by award #{}", id, award));
                    if let Some(u) = before.first() {
                        ctx.say(reuse_warning(id, u));
                    }
                }
            }
            Ok(())
        }
        InitiativeCmd::Import { file, cols, write } => {
            let mut conn = ctx.open()?;
            let mut src = cols.open(&file, import::initiatives::COLUMNS)?;
            let counts = db::write(&mut conn, write.dry_run, |tx| import::initiatives::run(tx, &mut src, ctx.quiet))?;
            ctx.done(&write, counts.summary(&src.name));
            Ok(())
        }
    }
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    if a.author.is_empty() && a.author_name.is_empty() {
        return Err(usage(msg!("name an author with --author (a person of the file) or --author-name (as printed)")));
    }
    let id = ctx.write(&a.write, |tx| {
        let file_year = crate::db::meta::bloc(tx)?.year;
        let mut authors = Vec::new();
        for p in &a.author {
            let p = people::resolve(tx, p)?;
            authors.push((Some(p.id), p.full_name));
        }
        authors.extend(a.author_name.iter().filter(|n| !n.is_empty()).map(|n| (None, n.clone())));
        let n = NewInitiative {
            title: a.title.clone(),
            kind: a.kind,
            scope: a.scope,
            body: a.body.clone().filter(|s| !s.is_empty()),
            decision: a.decision.clone().filter(|s| !s.is_empty()),
            decided_on: a.date,
            year: a.year.or(a.date.map(|d| chrono::Datelike::year(&d))).unwrap_or(file_year),
            note: a.note.clone().filter(|s| !s.is_empty()),
            authors,
        };
        if let Some(old) = initiatives::existing(tx, &n)? {
            return Err(crate::error::refused(msg!(
                "initiative #{} “{}” of {} is already recorded with this decision",
                old,
                n.title,
                n.year
            )));
        }
        initiatives::insert(tx, &n)
    })?;
    ctx.done(&a.write, msg!("initiative #{}: {}", id, a.title));
    Ok(())
}

/// The warning of a second use (CV 5007/BNV-TĐKT III.5.c: one initiative is the basis of one proposal; whether it
/// may serve again is the council's call, so it is recorded, not refused).
pub fn reuse_warning(id: i64, first: &crate::rules::Use) -> crate::msg::Msg {
    msg!(
        "warning: initiative #{} already served {} ({} {}); an initiative is the basis of one proposal (CV 5007/BNV-TĐKT), the council decides",
        id,
        first.what(),
        first.code,
        first.year
    )
}
