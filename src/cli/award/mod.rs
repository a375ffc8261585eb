//! `thidua award`: award decisions, who they award what, and the forms of commendation.

mod decision;
pub use decision::{decision, DecisionCmd, Which};

use clap::{Args, Subcommand};

use super::{text_arg, Ctx, WriteArgs};
use crate::db::awards::{self, NewAward};
use crate::db::decisions::{self};
use crate::db::{self, campaigns, catalog, meta, people, units};
use crate::error::{refused_hint, usage, Result};
use crate::import;
use crate::model::Basis;
use crate::output::{emit_report, emit_table};
use crate::report;
use crate::text::{format_period, parse_period};

#[derive(Subcommand, Debug)]
pub enum AwardCmd {
    /// Award decisions ("quyết định khen thưởng"): the decision register
    Decision {
        #[command(subcommand)]
        cmd: DecisionCmd,
    },
    /// Record one recipient of a decision (DECISION "-" when its number is not at hand)
    Add(AddArgs),
    /// The awards, by achievement year
    List(ListArgs),
    /// One award
    Show {
        #[command(flatten)]
        out: super::OutputArgs,
        /// The award's number
        id: i64,
    },
    /// Remove an award (a registration it achieved goes back to registered)
    Remove {
        /// The award's number (`award list` shows it)
        id: i64,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Add a decision's list of recipients from a CSV file (or - for stdin)
    Import(ImportArgs),
    /// Revoke an award (Law 06/2022 Art 93): it stays on record, marked, and no longer counts in chains
    Revoke {
        /// The award's number (`award list` shows it)
        id: i64,
        /// The revoking decision's number
        #[arg(long, value_parser = text_arg)]
        decision: String,
        /// The revoking decision's date
        #[arg(long, value_parser = super::date_arg)]
        date: chrono::NaiveDate,
        /// Why, as the decision says
        #[arg(long, value_parser = text_arg)]
        reason: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The forms of commendation (codes shared with the titles catalog)
    Forms {
        #[command(flatten)]
        out: super::OutputArgs,
    },
}

#[derive(Args, Debug)]
#[command(group = clap::ArgGroup::new("subject").required(true).multiple(true).args(["unit", "person"]))]
pub struct AddArgs {
    /// The decision's number (or #ID; "-" when it is not at hand)
    pub decision: String,
    /// What it confers: a title or form code or name, e.g. CTD_TINH, BK_TINH
    pub code: String,
    /// The unit awarded (code or name)
    #[arg(long)]
    pub unit: Option<String>,
    /// Number, staff code or name
    #[arg(long)]
    pub person: Option<String>,
    /// The achievement year [default: the file's year]
    #[arg(long, conflicts_with = "period", value_parser = crate::cli::args::year_arg)]
    pub year: Option<i32>,
    /// Accept an achievement year after the file's year
    #[arg(long)]
    pub force: bool,
    /// The achievement period, e.g. 2015-2020
    #[arg(long)]
    pub period: Option<String>,
    /// The basis of the award: merit, adhoc, thematic, career, seniority, foreign
    #[arg(long, default_value = "merit", value_parser = super::one_of(Basis::VALUES, Basis::parse))]
    pub basis: Basis,
    /// The reason as printed, e.g. "Đã có thành tích xuất sắc dẫn đầu phong trào thi đua Khối năm 2019"
    #[arg(long, value_parser = text_arg)]
    pub reason: Option<String>,
    /// The campaign the award belongs to (code or name)
    #[arg(long)]
    pub campaign: Option<String>,
    /// The recipient's name as printed on the decision [default: its name now]
    #[arg(long, value_parser = text_arg)]
    pub as_printed: Option<String>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    /// An initiative this award rests on (its number; repeat for several): recorded as used by it
    #[arg(long)]
    pub initiative: Vec<i64>,
    #[command(flatten)]
    pub which: Which,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[command(flatten)]
    pub out: super::OutputArgs,
    /// A unit's awards and its people's (sub-units included)
    #[arg(long)]
    pub unit: Option<String>,
    /// Only awards of this person (number, staff code or name)
    #[arg(long)]
    pub person: Option<String>,
    /// A title or form
    #[arg(long)]
    pub code: Option<String>,
    /// Awards whose achievement year or period covers this year
    #[arg(long)]
    pub year: Option<i32>,
    /// Only awards of this decision (number)
    #[arg(long)]
    pub decision: Option<String>,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The CSV file: columns code, unit, person, person_code, recipient, year, basis, reason, campaign, note, and
    /// decision, decision_date, issuer unless --decision is given
    pub file: String,
    /// The decision every row belongs to
    #[arg(long)]
    pub decision: Option<String>,
    #[command(flatten)]
    pub which: Which,
    /// Create the people the list names who are not in the file yet, in the row's unit
    #[arg(long)]
    pub create_people: bool,
    #[command(flatten)]
    pub cols: super::ColumnArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, cmd: AwardCmd) -> Result<()> {
    match cmd {
        AwardCmd::Decision { cmd } => decision(ctx, cmd),
        AwardCmd::Add(a) => add(ctx, a),
        AwardCmd::List(a) => list(ctx, a),
        AwardCmd::Show { id, .. } => {
            let conn = ctx.open()?;
            let mut r = report::awards::show(awards::get(&conn, id)?);
            // Which proposal it answered, when one did.
            if let Some((p, item)) = crate::db::proposals::answered_by(&conn, id)? {
                let line = msg!("answers proposal #{} (candidate #{})", p, item);
                r.sections[0].lines.push(line);
            }
            emit_report(&r, &ctx.out)
        }
        AwardCmd::Remove { id, yes, write } => remove(ctx, id, yes, &write),
        AwardCmd::Import(a) => import_awards(ctx, a),
        AwardCmd::Revoke { id, decision, date, reason, write } => {
            if decision.is_empty() || reason.is_empty() {
                return Err(usage(msg!("a revocation needs its --decision and its --reason")));
            }
            ctx.write(&write, |tx| awards::revoke(tx, id, &decision, date, &reason))?;
            ctx.done(&write, msg!("award #{} is revoked by {}; it stays on record and no longer counts", id, decision));
            Ok(())
        }
        AwardCmd::Forms { .. } => emit_table(&report::awards::forms(&ctx.open()?)?, &ctx.out),
    }
}

fn some(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.is_empty())
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let (year_from, year_to) = match (&a.period, a.year) {
        (Some(p), _) => parse_period(p).map_err(usage)?,
        (None, Some(y)) => (y, y),
        (None, None) => (0, 0),
    };
    let (id, achieved, what) = ctx
        .write(&a.write, |tx| {
            let file_year = meta::bloc(tx)?.year;
            let (year_from, year_to) = if year_from == 0 { (file_year, file_year) } else { (year_from, year_to) };
            // An achievement after the file's year cannot have been decided yet: most likely a typo of the year.
            if year_to > file_year && !a.force {
                return Err(refused_hint(
                    msg!("the achievement year {} is after the file's year {}", year_to, file_year),
                    "check the year; add --force to record it all the same",
                ));
            }
            let decision = match a.decision.trim() {
                "-" => None,
                d => Some(decisions::resolve(tx, d, a.which.issuer.as_deref(), a.which.decision_year)?),
            };
            let entry = catalog::resolve(tx, &a.code)?;
            let (unit_id, person_id, name) = crate::db::subject(tx, a.unit.as_deref(), a.person.as_deref())?;
            let campaign_id = a.campaign.as_deref().map(|c| campaigns::resolve(tx, c)).transpose()?.map(|c| c.id);
            let n = NewAward {
                decision_id: decision.as_ref().map(|d| d.id),
                catalog_id: entry.id,
                unit_id,
                person_id,
                recipient: some(a.as_printed.clone()).unwrap_or(name),
                year_from,
                year_to,
                basis: a.basis,
                reason: some(a.reason.clone()),
                campaign_id,
                note: some(a.note.clone()),
            };
            let (id, achieved) = awards::insert(tx, &n, file_year)?;
            let mut reused = Vec::new();
            for i in &a.initiative {
                if let Some(before) = crate::db::initiatives::use_for(tx, *i, id)? {
                    reused.extend(before.into_iter().map(|b| (*i, b)));
                }
            }
            let period = format_period(year_from.into(), year_to.into());
            Ok((
                id,
                achieved,
                match decision {
                    Some(d) => msg!("award #{}: {} — {} ({}) by {}", id, n.recipient, entry.name, period, d.number),
                    None => msg!("award #{}: {} — {} ({})", id, n.recipient, entry.name, period),
                },
                reused,
            ))
        })
        .map(|(id, achieved, what, reused)| {
            for (i, u) in reused {
                ctx.say(super::initiative::reuse_warning(i, &u));
            }
            (id, achieved, what)
        })?;
    ctx.done(&a.write, what);
    if !a.write.dry_run {
        warn_if_not_eligible(ctx, id)?;
        warn_if_twice(ctx, id)?;
    }
    if year_from != 0 && year_to < file_year_of(ctx)? {
        ctx.say(msg!(
            "note: recorded as an achievement of {}, before the file's year",
            format_period(year_from.into(), year_to.into())
        ));
    }
    if let Some(r) = achieved {
        ctx.say(msg!("registration #{} is now achieved", r));
    }
    Ok(())
}

/// The awards one selection of the year gives (the bloc's flag or a certificate of merit, the Government's flag or
/// the Prime Minister's certificate): one achievement, one form (Law 06/2022 Art 5.2.c).
const ONE_OF: &[&str] = &["CTD_TINH", "CTD_CP", "BK_TINH", "BK_TTG"];

/// A second award of [`ONE_OF`] to the same subject for the same year and basis is recorded (the decision is the
/// issuer's) with a warning naming the first and the article.
fn warn_if_twice(ctx: &Ctx, id: i64) -> Result<()> {
    let conn = ctx.open()?;
    let a = awards::get(&conn, id)?;
    if !ONE_OF.contains(&a.code.as_str()) {
        return Ok(());
    }
    let f = awards::Filter {
        unit_id: if a.person_id.is_none() {
            crate::db::units::resolve(&conn, &a.unit_code).ok().map(|u| u.id)
        } else {
            None
        },
        person_id: a.person_id,
        ..Default::default()
    };
    for o in awards::list(&conn, &f)? {
        let same_subject = o.person_id == a.person_id && o.unit_code == a.unit_code;
        if o.id != a.id
            && same_subject
            && ONE_OF.contains(&o.code.as_str())
            && (o.year_from, o.year_to, o.basis) == (a.year_from, a.year_to, a.basis)
            && o.revoked_by.is_none()
        {
            ctx.say(msg!("warning: {} holds {} for {} already (award #{}): one achievement, one form (Luật Thi đua, khen thưởng 2022, Điều 5 khoản 2 điểm c)", a.recipient, o.entry_name, format_period(a.year_from, a.year_to), o.id));
        }
    }
    Ok(())
}

/// Law 06/2022 and its decrees: an award to a recipient who does not meet the title's conditions is recorded (the
/// decision is the province's) with a warning naming the conditions not met and their articles.
fn warn_if_not_eligible(ctx: &Ctx, id: i64) -> Result<()> {
    let conn = ctx.open()?;
    let a = awards::get(&conn, id)?;
    if !crate::rules::COVERED.contains(&a.code.as_str()) || a.year_from != a.year_to {
        return Ok(());
    }
    use report::eligible::{Judge, Subject};
    let s = match a.person_id {
        Some(p) => Subject::person(&conn, p)?,
        None => Subject::unit(&conn, units::resolve(&conn, &a.unit_code)?.id)?,
    };
    // A review pending is judged on the decision's day (Decree 152/2025 Art 4.4), today when it is not at hand.
    let judge = Judge::new(&conn, None)?.at(a.decision_date.unwrap_or_else(crate::text::today));
    let j = judge.judge(&s, &a.code, a.year_to as i32)?;
    if j.summary() == crate::rules::Summary::NotEligible {
        let failed: Vec<crate::msg::Arg> = j
            .checks
            .iter()
            .filter(|c| c.verdict == crate::rules::Verdict::NotMet)
            .map(|c| {
                msg!("{} ({})", crate::msg::Arg::label("cond", c.cond.as_str()), report::eligible::article_arg(&c.cite))
                    .into()
            })
            .collect();
        // Judged by the rules of its achievement year, which the warning names.
        ctx.say(msg!(
            "warning: {} is not eligible for {} {} under {}: {}",
            s.name,
            a.code,
            a.year_to,
            j.regime.texts(),
            crate::msg::Arg::List(failed, "; ")
        ));
    }
    Ok(())
}

fn file_year_of(ctx: &Ctx) -> Result<i32> {
    Ok(meta::bloc(&ctx.open()?)?.year)
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let conn = ctx.open()?;
    let f = awards::Filter {
        unit_id: a.unit.as_deref().map(|u| units::resolve(&conn, u)).transpose()?.map(|u| u.id),
        person_id: a.person.as_deref().map(|p| people::resolve(&conn, p)).transpose()?.map(|p| p.id),
        catalog_id: a.code.as_deref().map(|c| catalog::resolve(&conn, c)).transpose()?.map(|e| e.id),
        year: a.year,
        decision_id: a.decision.as_deref().map(|d| decisions::resolve(&conn, d, None, None)).transpose()?.map(|d| d.id),
        ..Default::default()
    };
    // Streamed: a national list is never held whole.
    crate::db::large_read(&conn)?;
    let mut out = crate::output::Stream::start("awards", report::awards::COLUMNS, &ctx.out)?;
    awards::each(&conn, &f, |a| out.push(report::awards::row(a)))?;
    out.finish()
}

fn remove(ctx: &Ctx, id: i64, yes: bool, w: &WriteArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let a = awards::get(&conn, id)?;
    ctx.confirm(msg!("remove award #{} ({} — {})?", id, a.recipient, a.entry_name), yes)?;
    let reverted = db::write(&mut conn, w.dry_run, |tx| awards::delete(tx, id))?;
    ctx.done(w, msg!("removed award #{}", id));
    if let Some(r) = reverted {
        ctx.say(msg!("registration #{} is registered again (no longer achieved)", r));
    }
    Ok(())
}

fn import_awards(ctx: &Ctx, a: ImportArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let mut src = a.cols.open(&a.file, import::awards::COLUMNS)?;
    let added = db::write_load(&mut conn, a.write.dry_run, |tx| {
        let year = meta::bloc(tx)?.year;
        let decision = a
            .decision
            .as_deref()
            .map(|d| decisions::resolve(tx, d, a.which.issuer.as_deref(), a.which.decision_year))
            .transpose()?;
        import::awards::run(tx, &mut src, decision.map(|d| d.id), a.create_people, year, ctx.quiet)
    })?;
    if added.decisions > 0 {
        ctx.say(msg!("{}: recorded {} decisions", src.name, added.decisions));
    }
    if added.people > 0 {
        ctx.say(msg!("{}: created {}", src.name, crate::msg::Msg::people(added.people)));
    }
    ctx.done(&a.write, added.awards.summary(&src.name));
    Ok(())
}
