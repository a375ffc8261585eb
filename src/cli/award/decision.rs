//! `thidua award decision`: the decision register (add, list, show, remove).

use super::*;
use crate::cli::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::decisions::{self, NewDecision};
use crate::db::{self, refs};
use crate::error::{refused_hint, usage, Result};
use crate::output::{emit_report, emit_table};
use crate::report;
use crate::text::{doc_number, format_date};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum DecisionCmd {
    /// Record a decision: number, date, issuer
    Add {
        /// The number and symbol, e.g. 123/QĐ-UBND
        number: String,
        /// The day the decision was signed (dd/mm/yyyy)
        #[arg(long, value_parser = date_arg)]
        date: NaiveDate,
        /// Who issued it, e.g. "UBND tỉnh Tây Ninh"
        #[arg(long, value_parser = text_arg)]
        issuer: String,
        /// Who signed it, e.g. "Phó Chủ tịch Trần Văn Chiến"
        #[arg(long, value_parser = text_arg)]
        signer: Option<String>,
        /// The subject line ("trích yếu")
        #[arg(long, value_parser = text_arg)]
        summary: Option<String>,
        /// A free note kept with the record
        #[arg(long, value_parser = text_arg)]
        note: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The decision register in date order
    List {
        #[command(flatten)]
        out: crate::cli::OutputArgs,
    },
    /// One decision with its recipients
    Show {
        #[command(flatten)]
        out: crate::cli::OutputArgs,
        /// The decision's number, e.g. 123/QĐ-UBND
        number: String,
        #[command(flatten)]
        which: Which,
    },
    /// Correct a decision: its number, date, issuer, signer, subject line or note (its awards follow it; what is
    /// not given stays; an empty text clears it)
    Edit {
        /// The decision's number as recorded, e.g. 123/QĐ-UBND
        number: String,
        #[command(flatten)]
        which: Which,
        /// The right number
        #[arg(long = "number", value_name = "NUMBER")]
        new_number: Option<String>,
        /// The day the decision was signed (dd/mm/yyyy)
        #[arg(long, value_parser = date_arg)]
        date: Option<NaiveDate>,
        /// Who issued it
        #[arg(long = "new-issuer", value_parser = text_arg, value_name = "ISSUER")]
        new_issuer: Option<String>,
        /// Who signed it
        #[arg(long, value_parser = text_arg)]
        signer: Option<String>,
        /// The subject line ("trích yếu")
        #[arg(long, value_parser = text_arg)]
        summary: Option<String>,
        /// A free note kept with the record
        #[arg(long, value_parser = text_arg)]
        note: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a decision no award refers to
    Remove {
        /// The decision's number, e.g. 123/QĐ-UBND
        number: String,
        #[command(flatten)]
        which: Which,
        /// Confirm without asking
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
}

/// Tells apart decisions that share a number.
#[derive(Args, Debug, Clone)]
pub struct Which {
    /// The decision's issuer, when two issuers used the number
    #[arg(long, value_parser = text_arg)]
    pub issuer: Option<String>,
    /// The decision's year, when the number recurs across years
    #[arg(long, value_parser = crate::cli::args::year_arg)]
    pub decision_year: Option<i32>,
}

pub fn decision(ctx: &Ctx, cmd: DecisionCmd) -> Result<()> {
    match cmd {
        DecisionCmd::Add { number, date, issuer, signer, summary, note, write } => {
            let number = doc_number(&number).map_err(usage)?;
            if issuer.is_empty() {
                return Err(usage(msg!("--issuer needs who issued the decision")));
            }
            let d = NewDecision {
                number: number.clone(),
                issued_on: date,
                issuer,
                signer: some(signer),
                summary: some(summary),
                note: some(note),
            };
            let id = ctx.write(&write, |tx| decisions::insert(tx, &d))?;
            ctx.done(&write, msg!("recorded decision #{} {} of {} ({})", id, number, format_date(date), d.issuer));
            Ok(())
        }
        DecisionCmd::List { .. } => emit_table(&report::awards::decisions(&ctx.open()?)?, &ctx.out),
        DecisionCmd::Show { number, which, .. } => {
            let conn = ctx.open()?;
            let d = decisions::resolve(&conn, &number, which.issuer.as_deref(), which.decision_year)?;
            emit_report(&report::awards::decision(&conn, &d)?, &ctx.out)
        }
        DecisionCmd::Edit { number, which, new_number, date, new_issuer, signer, summary, note, write } => {
            let new_number = new_number.map(|n| doc_number(&n).map_err(usage)).transpose()?;
            if new_issuer.as_deref() == Some("") {
                return Err(usage(msg!("--new-issuer needs who issued the decision")));
            }
            let shown = ctx.write(&write, |tx| {
                let d = decisions::resolve(tx, &number, which.issuer.as_deref(), which.decision_year)?;
                let n = NewDecision {
                    number: new_number.clone().unwrap_or(d.number.clone()),
                    issued_on: date.unwrap_or(d.issued_on),
                    issuer: new_issuer.clone().unwrap_or(d.issuer.clone()),
                    signer: crate::cli::edited(&signer, d.signer.clone()),
                    summary: crate::cli::edited(&summary, d.summary.clone()),
                    note: crate::cli::edited(&note, d.note.clone()),
                };
                decisions::update(tx, d.id, &n)?;
                Ok(msg!("decision corrected: {} of {} ({})", n.number, n.issued_on, n.issuer))
            })?;
            ctx.done(&write, shown);
            Ok(())
        }
        DecisionCmd::Remove { number, which, yes, write } => {
            let mut conn = ctx.open()?;
            let d = decisions::resolve(&conn, &number, which.issuer.as_deref(), which.decision_year)?;
            let r = refs::references(&conn, "decision", d.id)?;
            if !r.is_empty() {
                return Err(refused_hint(
                    msg!("decision {} still has {}", d.number, crate::cli::unit::describe_refs(&r)),
                    "remove its awards first (`thidua award list --decision …`)",
                ));
            }
            ctx.confirm(msg!("remove decision {} of {} ({})?", d.number, format_date(d.issued_on), d.issuer), yes)?;
            db::write(&mut conn, write.dry_run, |tx| decisions::delete(tx, d.id))?;
            ctx.done(&write, msg!("removed decision {}", d.number));
            Ok(())
        }
    }
}
