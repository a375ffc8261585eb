//! `thidua register`: registrations of emulation titles, and the titles catalog.

use crate::text::format_date;
use chrono::Datelike;
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::{self, campaigns, catalog, registrations, units};
use crate::error::{refused, usage, Result};
use crate::import;
use crate::model::{CatalogEntry, RegStatus, SubjectKind};
use crate::output::emit_table;
use crate::report;
use crate::text::check_code;

#[derive(Subcommand, Debug)]
pub enum RegisterCmd {
    /// Register a title: a collective title for a unit, an individual title for a person
    Add(AddArgs),
    /// The registrations, by unit in bloc order, people in Vietnamese order
    List(ListArgs),
    /// Record whether a registered title was achieved
    Result {
        /// The registration's number
        id: i64,
        /// achieved or not_achieved
        #[arg(value_parser = super::one_of(&["achieved", "not_achieved"], outcome))]
        outcome: RegStatus,
        /// A note kept with the registration (e.g. the decision that settled it)
        #[arg(long, value_parser = text_arg)]
        note: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Withdraw a registration (it stays on record; the title may be registered again)
    Withdraw {
        /// The registration's number (`register list` shows it)
        id: i64,
        /// A note kept with the registration (e.g. the decision that settled it)
        #[arg(long, value_parser = text_arg)]
        note: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a registration typed in error (a title given up is withdrawn instead, and stays on record)
    Remove {
        /// The registration's number (`register list` shows it)
        id: i64,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Add registrations from a CSV file (or - for stdin): the list a unit sends in
    Import {
        /// The CSV file: columns unit, person (name) or person_code (staff code), title, campaign, date, status, note
        file: String,
        /// Create the people the file names who are not in the file yet, in the row's unit
        #[arg(long)]
        create_people: bool,
        #[command(flatten)]
        cols: super::ColumnArgs,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The registrations that cannot succeed under the rules in force, or lack the data to tell, with the
    /// condition and its article: at the mid-year review there is still time
    Check {
        #[command(flatten)]
        out: super::OutputArgs,
        /// Only this unit's registrations and its people's
        #[arg(long)]
        unit: Option<String>,
        /// Only registrations of this title
        #[arg(long)]
        title: Option<String>,
    },
    /// The titles catalog (and the forms of commendation, which share its codes)
    Titles {
        #[command(flatten)]
        out: super::OutputArgs,
        #[command(subcommand)]
        cmd: Option<TitlesCmd>,
    },
}

#[derive(Subcommand, Debug)]
pub enum TitlesCmd {
    /// Add a local title or form to the catalog
    Add {
        /// A short ASCII code
        code: String,
        /// The name of the title or form
        #[arg(long, value_parser = text_arg)]
        name: String,
        /// Who it is for (repeat for several)
        #[arg(long, required = true, value_parser = super::one_of(SubjectKind::VALUES, SubjectKind::parse))]
        kind: Vec<SubjectKind>,
        /// A form of commendation rather than an emulation title
        #[arg(long)]
        form: bool,
        /// Who decides it (e.g. "Chủ tịch UBND tỉnh")
        #[arg(long, value_parser = text_arg)]
        decided_by: Option<String>,
        /// Its legal reference (e.g. "Luật TĐKT 2022, Điều 27")
        #[arg(long, value_parser = text_arg)]
        legal_ref: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Args, Debug)]
#[command(group = clap::ArgGroup::new("subject").required(true).multiple(true).args(["unit", "person"]))]
pub struct AddArgs {
    /// Title (or form) code or name, e.g. LDTT, "Chiến sĩ thi đua cơ sở"
    #[arg(long)]
    pub title: String,
    /// The unit, for a collective title
    #[arg(long)]
    pub unit: Option<String>,
    /// The person (number, staff code or name), for an individual title
    #[arg(long)]
    pub person: Option<String>,
    /// The campaign [default: the file's one regular campaign, if open]
    #[arg(long)]
    pub campaign: Option<String>,
    /// Date of registration
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    /// A note kept with the registration (e.g. the decision that settled it)
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[command(flatten)]
    pub out: super::OutputArgs,
    /// A unit's registrations and its people's (sub-units included)
    #[arg(long)]
    pub unit: Option<String>,
    /// Only registrations of this title (code or name)
    #[arg(long)]
    pub title: Option<String>,
    /// Only registrations of collectives or of individuals
    #[arg(long, value_parser = super::one_of(&["individual", "collective"], kind))]
    pub kind: Option<SubjectKind>,
    /// Only registrations in this status
    #[arg(long, value_parser = super::one_of(RegStatus::VALUES, RegStatus::parse))]
    pub status: Option<RegStatus>,
    /// Only registrations under this campaign (code or name)
    #[arg(long)]
    pub campaign: Option<String>,
}

/// A registration's result: achieved or not achieved (the other states have their own commands).
fn outcome(s: &str) -> Option<RegStatus> {
    RegStatus::parse(s).filter(|r| matches!(r, RegStatus::Achieved | RegStatus::NotAchieved))
}

fn kind(s: &str) -> Option<SubjectKind> {
    SubjectKind::parse(s).filter(|k| *k != SubjectKind::Household)
}

pub fn run(ctx: &Ctx, cmd: RegisterCmd) -> Result<()> {
    match cmd {
        RegisterCmd::Add(a) => add(ctx, a),
        RegisterCmd::List(a) => list(ctx, a),
        RegisterCmd::Result { id, outcome, note, write } => {
            let s = outcome;
            set_status(ctx, id, s, note, &write)
        }
        RegisterCmd::Withdraw { id, note, write } => set_status(ctx, id, RegStatus::Withdrawn, note, &write),
        RegisterCmd::Remove { id, yes, write } => remove(ctx, id, yes, &write),
        RegisterCmd::Check { out: _, unit, title } => check(ctx, unit.as_deref(), title.as_deref()),
        RegisterCmd::Import { file, cols, create_people, write } => {
            import_regs(ctx, &file, &cols, create_people, &write)
        }
        RegisterCmd::Titles { cmd: None, .. } => emit_table(&report::registrations::titles(&ctx.open()?)?, &ctx.out),
        RegisterCmd::Titles {
            cmd: Some(TitlesCmd::Add { code, name, kind, form, decided_by, legal_ref, write }),
            ..
        } => {
            let code = check_code("catalog", &code).map_err(usage)?;
            let e = CatalogEntry {
                id: 0,
                code: code.clone(),
                name: name.clone(),
                category: if form { "form" } else { "title" }.into(),
                individual: kind.contains(&SubjectKind::Individual),
                collective: kind.contains(&SubjectKind::Collective),
                household: kind.contains(&SubjectKind::Household),
                level: None,
                decided_by: decided_by.filter(|s| !s.is_empty()),
                legal_ref: legal_ref.filter(|s| !s.is_empty()),
                cash: None,
                local: true,
            };
            ctx.write(&write, |tx| catalog::insert(tx, &e))?;
            ctx.done(&write, msg!("added {} ({}) to the catalog", code, name));
            Ok(())
        }
    }
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let year = crate::db::meta::bloc(&conn)?.year;
    if let Some(d) = a.date.filter(|d| d.year() != year) {
        ctx.say(msg!("warning: registered on {}, outside the file's year {}", format_date(d), year));
    }
    let (_, what) = db::write(&mut conn, a.write.dry_run, |tx| {
        let entry = catalog::resolve(tx, &a.title)?;
        let (unit_id, person_id, who) = crate::db::subject(tx, a.unit.as_deref(), a.person.as_deref())?;
        let campaign = match &a.campaign {
            Some(c) => {
                let c = campaigns::resolve(tx, c)?;
                campaigns::check_open(&c)?;
                Some(c)
            }
            None => campaigns::default_regular(tx)?,
        };
        let n = registrations::NewRegistration {
            catalog_id: entry.id,
            unit_id,
            person_id,
            campaign_id: campaign.map(|c| c.id),
            registered_on: a.date,
            status: RegStatus::Registered,
            note: a.note.clone().filter(|s| !s.is_empty()),
        };
        let id = registrations::insert(tx, &n)?;
        Ok((id, msg!("#{}: {} registered {} ({})", id, who, entry.code, entry.name)))
    })?;
    ctx.done(&a.write, what);
    Ok(())
}

fn remove(ctx: &Ctx, id: i64, yes: bool, w: &WriteArgs) -> Result<()> {
    let r = registrations::get(&ctx.open()?, id)?;
    let who = r.person_name.clone().unwrap_or(r.unit_code.clone());
    ctx.confirm(msg!("remove registration #{} ({} — {})?", id, who, r.code), yes)?;
    ctx.write(w, |tx| registrations::delete(tx, id))?;
    ctx.done(w, msg!("removed registration #{} ({} — {})", id, who, r.code));
    Ok(())
}

fn set_status(ctx: &Ctx, id: i64, s: RegStatus, note: Option<String>, w: &WriteArgs) -> Result<()> {
    let msg = ctx.write(w, |tx| {
        let r = registrations::get(tx, id)?;
        if r.status == RegStatus::Withdrawn {
            return Err(refused(msg!("registration #{} was withdrawn; register the title again instead", id)));
        }
        registrations::set_status(tx, id, s, note.as_deref().filter(|n| !n.is_empty()))?;
        let who = r.person_name.unwrap_or(r.unit_code);
        Ok(match s {
            RegStatus::Withdrawn => msg!("#{}: {} withdrew {}", id, who, r.code),
            RegStatus::NotAchieved => msg!("#{}: {} — {} not achieved", id, who, r.code),
            _ => msg!("#{}: {} — {} achieved", id, who, r.code),
        })
    })?;
    ctx.done(w, msg);
    Ok(())
}

fn check(ctx: &Ctx, unit: Option<&str>, title: Option<&str>) -> Result<()> {
    ctx.read_whole(|conn| check_in(ctx, conn, unit, title))
}

fn check_in(ctx: &Ctx, conn: &rusqlite::Connection, unit: Option<&str>, title: Option<&str>) -> Result<()> {
    use crate::report::eligible;
    let entry = title.map(|t| catalog::resolve(conn, t)).transpose()?;
    let unit = unit.map(|u| units::resolve(conn, u)).transpose()?;
    // A national file: judged in one pass and streamed, the counts said at the end.
    if crate::db::facts::live_registrations(conn)? > eligible::BULK {
        let mut out = crate::output::Stream::start("at_risk", eligible::AT_RISK, &ctx.out)?;
        let (mut total, mut bad, mut lacking) = (0, 0, 0);
        eligible::bulk(conn, entry.as_ref().map(|e| e.code.as_str()), None, |id, s, j| {
            if unit.as_ref().is_some_and(|u| u.code != s.unit_code) {
                return Ok(());
            }
            total += 1;
            match j.summary() {
                crate::rules::Summary::NotEligible => bad += 1,
                crate::rules::Summary::Incomplete => lacking += 1,
                _ => {}
            }
            eligible::risk_rows(id, s, j, true).into_iter().try_for_each(|r| out.push(r))
        })?;
        out.finish()?;
        ctx.say(eligible::risk_counts(total, bad, lacking));
        return Ok(());
    }
    let judge = eligible::Judge::new(conn, None)?;
    let mut judged = eligible::judge_registrations(conn, &judge, None)?;
    judged.retain(|(_, s, j)| {
        entry.as_ref().is_none_or(|e| e.code == j.code) && unit.as_ref().is_none_or(|u| u.code == s.unit_code)
    });
    let set = judge.rules(judge.file_year);
    let line = eligible::regime_line(set.regime, set.as_of);
    crate::output::emit_report(&eligible::at_risk(&judged, line), &ctx.out)
}

fn import_regs(ctx: &Ctx, file: &str, cols: &super::ColumnArgs, create_people: bool, w: &WriteArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let mut src = cols.open(file, import::registrations::COLUMNS)?;
    let (counts, created) =
        db::write_load(&mut conn, w.dry_run, |tx| import::registrations::run(tx, &mut src, create_people, ctx.quiet))?;
    if created > 0 {
        ctx.say(msg!("{}: created {}", src.name, crate::msg::Msg::people(created)));
    }
    ctx.done(w, counts.summary(&src.name));
    Ok(())
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let conn = ctx.open()?;
    let f = registrations::Filter {
        unit_id: a.unit.as_deref().map(|u| units::resolve(&conn, u)).transpose()?.map(|u| u.id),
        catalog_id: a.title.as_deref().map(|t| catalog::resolve(&conn, t)).transpose()?.map(|e| e.id),
        kind: a.kind,
        status: a.status,
        campaign_id: a.campaign.as_deref().map(|c| campaigns::resolve(&conn, c)).transpose()?.map(|c| c.id),
    };
    // Streamed: a national list is never held whole.
    crate::db::large_read(&conn)?;
    let mut out = crate::output::Stream::start("registrations", report::registrations::COLUMNS, &ctx.out)?;
    registrations::each(&conn, &f, |r| out.push(report::registrations::row(r)))?;
    out.finish()
}
