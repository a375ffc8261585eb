//! `thidua rating`: the yearly assessment of people and units, with the document that gave it.

use chrono::NaiveDate;
use clap::Subcommand;

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::ratings::{self, NewRating};
use crate::db::{self, meta, people, units};
use crate::error::{usage, Result};
use crate::import;
use crate::model::{Org, Outcome, RatingLevel};
use crate::output::labels::label;
use crate::output::Stream;
use crate::report;

#[derive(Subcommand, Debug)]
pub enum RatingCmd {
    /// Set a person's or a unit's rating for a year (again: replaces it)
    #[command(group = clap::ArgGroup::new("subject").required(true).multiple(true).args(["unit", "person"]))]
    Set {
        /// excellent (HTXSNV), good (HTTNV), completed (HTNV), not_completed (KHTNV), not_rated
        #[arg(value_parser = super::one_of(RatingLevel::VALUES, RatingLevel::parse))]
        rating: RatingLevel,
        #[command(flatten)]
        whose: Whose,
        /// The rating document's number, e.g. "45/QĐ-CT"
        #[arg(long, value_parser = text_arg)]
        doc: Option<String>,
        /// The rating document's date
        #[arg(long, value_parser = date_arg)]
        doc_date: Option<NaiveDate>,
        /// Who issued it
        #[arg(long, value_parser = text_arg)]
        issuer: Option<String>,
        /// A free note kept with the record
        #[arg(long, value_parser = text_arg)]
        note: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a rating typed in error: a person's or a unit's (or one of its organisations') for a year
    #[command(group = clap::ArgGroup::new("subject").required(true).args(["unit", "person"]))]
    Remove {
        #[command(flatten)]
        whose: Whose,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The ratings, by year, units in bloc order
    List {
        #[command(flatten)]
        out: super::OutputArgs,
        /// A unit's ratings and its people's (sub-units included)
        #[arg(long)]
        unit: Option<String>,
        /// One person's ratings
        #[arg(long)]
        person: Option<String>,
        /// Only this year
        #[arg(long)]
        year: Option<i32>,
    },
    /// Add ratings from a CSV or workbook file (or - for stdin): unit, person or person_code, year, rating, org,
    /// doc, doc_date, issuer, note
    Import {
        /// The file: CSV (UTF-8, with or without BOM), .xlsx or .ods
        file: String,
        #[command(flatten)]
        cols: super::ColumnArgs,
        #[command(flatten)]
        write: WriteArgs,
    },
}

/// Whose rating of which year: `rating set` and `rating remove` name it alike.
#[derive(clap::Args, Debug)]
pub struct Whose {
    /// The unit (code or name)
    #[arg(long)]
    unit: Option<String>,
    /// The person (number, staff code or name)
    #[arg(long)]
    person: Option<String>,
    /// For a unit: whose rating it is (self, or its party, union, youth, women, veterans organisation)
    #[arg(long, default_value = "self", value_parser = super::one_of(Org::VALUES, Org::parse))]
    org: Org,
    /// The year rated [default: the file's year]
    #[arg(long, value_parser = crate::cli::args::year_arg)]
    year: Option<i32>,
}

pub fn run(ctx: &Ctx, cmd: RatingCmd) -> Result<()> {
    match cmd {
        RatingCmd::Set { rating, whose: Whose { unit, person, org, year }, doc, doc_date, issuer, note, write } => {
            let (outcome, who, year) = ctx.write(&write, |tx| {
                let year = match year {
                    Some(y) => y,
                    None => meta::bloc(tx)?.year,
                };
                let (unit_id, person_id, name) = crate::db::subject(tx, unit.as_deref(), person.as_deref())?;
                if person_id.is_some() && org != Org::Own {
                    return Err(usage(msg!(
                        "--org {} is for a unit's organisations; a person's rating is their own",
                        org.as_str()
                    )));
                }
                let n = NewRating {
                    unit_id,
                    person_id,
                    org,
                    year,
                    level: rating,
                    doc: doc.filter(|s| !s.is_empty()),
                    doc_date,
                    issuer: issuer.filter(|s| !s.is_empty()),
                    note: note.filter(|s| !s.is_empty()),
                };
                Ok((ratings::set(tx, &n)?, name, year))
            })?;
            let lang = ctx.out.lang;
            let who = match org {
                Org::Own => who,
                _ => format!("{who} ({})", label(&format!("org.{org}"), lang)),
            };
            let rating = label(&format!("rating.{rating}"), lang).to_string();
            match outcome {
                Outcome::Unchanged => ctx.say(msg!("{}: the rating for {} is already {}", who, year, rating)),
                _ => ctx.done(&write, msg!("{}: rated {} for {}", who, rating, year)),
            }
            Ok(())
        }
        RatingCmd::Remove { whose: Whose { unit, person, org, year }, yes, write } => {
            let conn = ctx.open()?;
            let (unit_id, person_id, name) = crate::db::subject(&conn, unit.as_deref(), person.as_deref())?;
            let year = match year {
                Some(y) => y,
                None => crate::db::meta::bloc(&conn)?.year,
            };
            drop(conn);
            ctx.confirm(msg!("remove the {} rating of {}?", year, name), yes)?;
            ctx.write(&write, |tx| match crate::db::ratings::remove(tx, unit_id, person_id, org, year)? {
                0 => Err(crate::error::refused_hint(
                    msg!("{} has no rating for {}", name, year),
                    "`thidua rating list` shows the ratings kept",
                )),
                _ => Ok(()),
            })?;
            ctx.done(&write, msg!("removed the {} rating of {}", year, name));
            Ok(())
        }
        RatingCmd::List { out: _, unit, person, year } => {
            let conn = ctx.open()?;
            let f = ratings::Filter {
                unit_id: unit.as_deref().map(|u| units::resolve(&conn, u)).transpose()?.map(|u| u.id),
                person_id: person.as_deref().map(|p| people::resolve(&conn, p)).transpose()?.map(|p| p.id),
                year,
            };
            db::large_read(&conn)?;
            let mut out = Stream::start("ratings", report::records::RATING_COLUMNS, &ctx.out)?;
            ratings::each(&conn, &f, |r| out.push(report::records::rating(r)))?;
            out.finish()
        }
        RatingCmd::Import { file, cols, write } => {
            let mut conn = ctx.open()?;
            let mut src = cols.open(&file, import::ratings::COLUMNS)?;
            let counts = db::write_load(&mut conn, write.dry_run, |tx| import::ratings::run(tx, &mut src, ctx.quiet))?;
            ctx.done(&write, counts.summary(&src.name));
            Ok(())
        }
    }
}
