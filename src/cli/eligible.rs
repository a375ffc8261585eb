//! `thidua eligible`: who qualifies for what under the rules in force, condition by condition, with the records
//! used and the article; and the secretary's confirmation of the qualitative conditions.

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::{catalog, facts, meta, rules as stored};
use crate::error::{usage, Result};
use crate::output::emit_report;
use crate::report::eligible::{self, regime_line, Judge, Subject};
use crate::rules::COVERED;

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct EligibleArgs {
    #[command(subcommand)]
    pub cmd: Option<EligibleCmd>,
    /// Only this title or form (code or name) [default: every title registered, or every one covered]
    #[arg(long)]
    pub title: Option<String>,
    /// Only this person (number, staff code or name)
    #[arg(long, conflicts_with = "unit")]
    pub person: Option<String>,
    /// Only this unit (code or name)
    #[arg(long)]
    pub unit: Option<String>,
    /// The achievement year judged [default: the file's year]
    #[arg(long, value_parser = crate::cli::args::year_arg)]
    pub year: Option<i32>,
    /// The date that picks the rule set [default: 31/12 of the year judged]
    #[arg(long, value_parser = date_arg)]
    pub as_of: Option<NaiveDate>,
    #[command(flatten)]
    pub out: super::OutputArgs,
}

#[derive(Subcommand, Debug)]
pub enum EligibleCmd {
    /// Record that the qualitative conditions of a title (solidarity, exemplary conduct, movements) are met, with
    /// a note saying on what ground: the check never assumes them
    #[command(group = clap::ArgGroup::new("subject").required(true).args(["unit", "person"]))]
    Confirm {
        /// The title or form (code or name)
        #[arg(long)]
        title: String,
        /// The person (number, staff code or name)
        #[arg(long)]
        person: Option<String>,
        /// The unit (code or name)
        #[arg(long)]
        unit: Option<String>,
        /// The year [default: the file's year]
        #[arg(long, value_parser = crate::cli::args::year_arg)]
        year: Option<i32>,
        /// On what ground, e.g. "Biên bản họp chi bộ ngày 05/12/2025"
        #[arg(long, value_parser = text_arg, required_unless_present = "withdraw")]
        note: Option<String>,
        /// Withdraw the confirmation
        #[arg(long, conflicts_with = "note")]
        withdraw: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
}

/// Above this many live registrations the whole file's report (every condition of every registration, laid out
/// at once) is not made: it took 198 MB for 20,000; a table is streamed instead (`--table`).
const REPORT_MAX: i64 = 5_000;

pub fn run(ctx: &Ctx, a: EligibleArgs) -> Result<()> {
    if let Some(EligibleCmd::Confirm { title, person, unit, year, note, withdraw, write }) = a.cmd {
        return confirm(ctx, &title, person.as_deref(), unit.as_deref(), year, note.filter(|_| !withdraw), &write);
    }
    ctx.read_whole(|conn| judge_and_show(ctx, conn, &a))
}

/// `eligible` without a subcommand: judged and shown (it reads only).
fn judge_and_show(ctx: &Ctx, conn: &rusqlite::Connection, a: &EligibleArgs) -> Result<()> {
    // Every registration of a national file: judged in one pass and streamed, one table at a time.
    let whole = a.person.is_none() && a.unit.is_none() && a.year.is_none();
    if whole && (ctx.out.table.is_some() || facts::live_registrations(conn)? > REPORT_MAX) {
        let conditions = match ctx.out.table.as_deref() {
            Some("conditions") => true,
            Some("summary") => false,
            Some(other) => {
                return Err(crate::error::refused_hint(
                    msg!("this report has no table '{}'", other),
                    msg!("its tables: {}", "`summary`, `conditions`"),
                ))
            }
            None => {
                return Err(crate::error::refused_hint(
                    msg!("{} registrations are too many for one report", facts::live_registrations(conn)?),
                    "stream one table with --table summary or --table conditions (e.g. --format csv -o FILE), or narrow with --title, --unit or --person",
                ))
            }
        };
        let code = a.title.as_deref().map(|t| catalog::resolve(conn, t)).transpose()?.map(|e| e.code);
        let cols = if conditions { eligible::CONDITIONS } else { eligible::SUMMARY };
        let mut out = crate::output::Stream::start(if conditions { "conditions" } else { "summary" }, cols, &ctx.out)?;
        eligible::bulk(conn, code.as_deref(), a.as_of, |_, s, j| {
            if conditions {
                eligible::condition_rows(s, j).into_iter().try_for_each(|r| out.push(r))
            } else {
                out.push(eligible::summary_row(s, j))
            }
        })?;
        return out.finish();
    }
    let judge = Judge::new(conn, a.as_of)?;
    let year = a.year.unwrap_or(judge.file_year);
    let entry = a.title.as_deref().map(|t| catalog::resolve(conn, t)).transpose()?;
    let pairs = subjects(conn, a, entry.as_ref())?;
    let mut judged = Vec::with_capacity(pairs.len());
    for (s, code) in pairs {
        let j = judge.judge(&s, &code, year)?;
        judged.push((s, j));
    }
    let set = judge.rules(year);
    let line = regime_line(set.regime, set.as_of);
    emit_report(&eligible::report(&judged, Some(line)), &ctx.out)
}

/// The subjects and titles to judge: the named subject's registrations (or every covered title of its kind), or
/// every live registration of the file (of the named title).
fn subjects(
    conn: &rusqlite::Connection,
    a: &EligibleArgs,
    entry: Option<&crate::model::CatalogEntry>,
) -> Result<Vec<(Subject, String)>> {
    if a.person.is_some() || a.unit.is_some() {
        let (unit_id, person_id, _) = crate::db::subject(conn, a.unit.as_deref(), a.person.as_deref())?;
        let s = match person_id {
            Some(p) => Subject::person(conn, p)?,
            None => Subject::unit(conn, unit_id.expect("a unit or a person"))?,
        };
        let codes: Vec<String> = match entry {
            Some(e) => {
                catalog::check_subject(e, person_id.is_none(), "judge it for")?;
                vec![e.code.clone()]
            }
            None => {
                let reg = facts::registered(conn, unit_id, person_id)?;
                if reg.is_empty() {
                    let who = s.who();
                    COVERED
                        .iter()
                        .filter(|c| !crate::rules::conditions(c, who, crate::rules::Regime::Decree152).is_empty())
                        .map(|c| c.to_string())
                        .collect()
                } else {
                    reg
                }
            }
        };
        return Ok(codes.into_iter().map(|c| (s.clone(), c)).collect());
    }
    let mut out = Vec::new();
    for (_, u, p, code) in facts::registrations(conn, None)? {
        if entry.is_some_and(|e| e.code != code) {
            continue;
        }
        let s = match p {
            Some(p) => Subject::person(conn, p)?,
            None => Subject::unit(conn, u.expect("a unit or a person"))?,
        };
        out.push((s, code));
    }
    Ok(out)
}

fn confirm(
    ctx: &Ctx,
    title: &str,
    person: Option<&str>,
    unit: Option<&str>,
    year: Option<i32>,
    note: Option<String>,
    w: &WriteArgs,
) -> Result<()> {
    if note.as_deref().is_some_and(str::is_empty) {
        return Err(usage(msg!("--note is empty: say on what ground the conditions are confirmed")));
    }
    let (changed, name, code, year) = ctx.write(w, |tx| {
        let e = catalog::resolve(tx, title)?;
        let (unit_id, person_id, name) = crate::db::subject(tx, unit, person)?;
        catalog::check_subject(&e, person_id.is_none(), "confirm it for")?;
        let year = match year {
            Some(y) => y,
            None => meta::bloc(tx)?.year,
        };
        let changed = stored::confirm(tx, unit_id, person_id, e.id, year, note.as_deref(), crate::text::today())?;
        Ok((changed, name, e.code, year))
    })?;
    match (&note, changed) {
        (Some(_), _) => ctx.done(w, msg!("{}: the qualitative conditions of {} {} are confirmed", name, code, year)),
        (None, true) => ctx.done(w, msg!("{}: the confirmation of {} {} is withdrawn", name, code, year)),
        (None, false) => ctx.say(msg!("{}: {} {} was not confirmed", name, code, year)),
    }
    Ok(())
}
