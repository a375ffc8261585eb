//! `thidua score`: the year's criteria, the units' self and assessed points, the ranking's settings, the lock.

mod criteria;
pub use criteria::{criteria, CriteriaCmd};

use clap::{Args, Subcommand};

use super::{text_arg, Ctx, WriteArgs};
use crate::db::units::members;
use crate::db::{self, meta, scores, units};
use crate::error::{refused, usage, Result};
use crate::import;
use crate::model::Score;
use crate::output::{emit_report, emit_table};
use crate::report::ranking;
use crate::text::{format_number, parse_number};

#[derive(Subcommand, Debug)]
pub enum ScoreCmd {
    /// The scoring criteria of the year
    Criteria {
        #[command(subcommand)]
        cmd: CriteriaCmd,
    },
    /// Set a unit's self and/or assessed points on a criterion
    Set(SetArgs),
    /// Scores from a CSV file (or - for stdin): columns unit, criterion, self, assessed, evidence, note
    Import {
        /// The file to read: CSV (or - for standard input), .xlsx or .ods
        file: String,
        #[command(flatten)]
        cols: super::ColumnArgs,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The matrix of units × groups: base, bonus, penalty, self and assessed totals
    List {
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// Every criterion of a unit, and what decides its rank against its neighbours
    Explain {
        #[command(flatten)]
        out: super::OutputArgs,
        /// The member unit (code or name)
        unit: String,
    },
    /// Keep a unit out of the proposals, with the reason
    Exclude {
        /// The member unit (code or name)
        unit: String,
        /// Why (kept in the record)
        #[arg(long, value_parser = text_arg)]
        reason: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Take a unit back into the proposals
    Include {
        /// The member unit (code or name)
        unit: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Freeze the year's scores (undone by `score unlock`)
    Lock {
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Unfreeze the scores, saying why
    Unlock {
        /// Why (kept in the record)
        #[arg(long, value_parser = text_arg)]
        reason: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The bloc's ranking settings: quota of certificates, bands, tie-break order (shown, or set)
    Settings(SettingsArgs),
}

#[derive(Args, Debug)]
pub struct SetArgs {
    /// The member unit (code or name)
    pub unit: String,
    /// The criterion (code)
    pub criterion: String,
    /// The unit's own points
    #[arg(long = "self", value_parser = points_arg)]
    pub self_points: Option<f64>,
    /// The verified points
    #[arg(long, value_parser = points_arg)]
    pub assessed: Option<f64>,
    /// Where the points come from (the report, the document)
    #[arg(long, value_parser = text_arg)]
    pub evidence: Option<String>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Args, Debug)]
pub struct SettingsArgs {
    #[command(flatten)]
    pub out: super::OutputArgs,
    /// How many units after the leading one are proposed for a certificate of merit (Bằng khen)
    #[arg(long)]
    pub quota_bk: Option<u32>,
    /// Lowest total of the top band
    #[arg(long, value_parser = points_arg)]
    pub band_excellent: Option<f64>,
    /// Lowest total of the second band
    #[arg(long, value_parser = points_arg)]
    pub band_good: Option<f64>,
    /// Tie-break rules in order, from: female, group_a, penalty
    #[arg(long)]
    pub tiebreak: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

fn points_arg(s: &str) -> std::result::Result<f64, crate::text::Bad> {
    parse_number(s)
}

pub fn run(ctx: &Ctx, cmd: ScoreCmd) -> Result<()> {
    match cmd {
        ScoreCmd::Criteria { cmd } => criteria(ctx, cmd),
        ScoreCmd::Set(a) => set(ctx, a),
        ScoreCmd::Import { file, cols, write } => {
            let mut conn = ctx.open()?;
            let mut src = cols.open(&file, import::scores::SCORES)?;
            let counts = db::write(&mut conn, write.dry_run, |tx| {
                scores::check_unlocked(tx)?;
                import::scores::scores(tx, &mut src, ctx.quiet)
            })?;
            ctx.done(&write, counts.summary(&src.name));
            Ok(())
        }
        ScoreCmd::List { .. } => {
            let conn = ctx.open()?;
            let (st, _) = ranking::rank(&conn, &members(&conn)?)?;
            emit_table(&ranking::table(&st, &scores::criteria(&conn)?, false), &ctx.out)
        }
        ScoreCmd::Explain { unit, .. } => {
            let conn = ctx.open()?;
            let u = units::resolve(&conn, &unit)?;
            emit_report(&ranking::explain(&conn, &u)?, &ctx.out)
        }
        ScoreCmd::Exclude { unit, reason, write } => {
            if reason.is_empty() {
                return Err(usage(msg!("--reason needs the reason")));
            }
            let code = ctx.write(&write, |tx| {
                let u = units::resolve(tx, &unit)?;
                scores::exclude(tx, u.id, &reason)?;
                Ok(u.code)
            })?;
            ctx.done(&write, msg!("{} is kept out of the proposals: {}", code, reason));
            Ok(())
        }
        ScoreCmd::Include { unit, write } => {
            let code = ctx.write(&write, |tx| {
                let u = units::resolve(tx, &unit)?;
                if !scores::include(tx, u.id)? {
                    return Err(refused(msg!("{} was not excluded", u.code)));
                }
                Ok(u.code)
            })?;
            ctx.done(&write, msg!("{} may be proposed again", code));
            Ok(())
        }
        ScoreCmd::Lock { write } => {
            let missing = ctx.write(&write, |tx| {
                if let Some(at) = scores::locked(tx)? {
                    return Err(refused(msg!("the scores are already locked (since {})", at)));
                }
                let (st, _) = ranking::rank(tx, &members(tx)?)?;
                scores::record_event(tx, "lock", None)?;
                Ok(ranking::incomplete(&st))
            })?;
            for (code, what) in &missing {
                ctx.say(msg!("not fully scored: {}: {}", code, what));
            }
            ctx.done(&write, "locked the scores; `score set` is refused until `score unlock --reason …`");
            Ok(())
        }
        ScoreCmd::Unlock { reason, write } => {
            if reason.is_empty() {
                return Err(usage(msg!("--reason needs the reason")));
            }
            ctx.write(&write, |tx| {
                if scores::locked(tx)?.is_none() {
                    return Err(refused(msg!("the scores are not locked")));
                }
                scores::record_event(tx, "unlock", Some(&reason))
            })?;
            ctx.done(&write, msg!("unlocked the scores: {}", reason));
            Ok(())
        }
        ScoreCmd::Settings(a) => settings(ctx, a),
    }
}

fn set(ctx: &Ctx, a: SetArgs) -> Result<()> {
    if a.self_points.is_none() && a.assessed.is_none() && a.evidence.is_none() && a.note.is_none() {
        return Err(super::nothing_to_do("set (--self, --assessed, --evidence, --note)"));
    }
    let msg = ctx.write(&a.write, |tx| {
        scores::check_unlocked(tx)?;
        let u = units::resolve(tx, &a.unit)?;
        scores::check_member(&u)?;
        let c = scores::criterion(tx, &a.criterion)?;
        scores::check_points(&c, "self", a.self_points)?;
        scores::check_points(&c, "assessed", a.assessed)?;
        let old = scores::score(tx, u.id, c.id)?;
        let keep = |new: &Option<String>, old: Option<String>| match new {
            Some(n) if n.is_empty() => None,
            Some(n) => Some(n.clone()),
            None => old,
        };
        let s = Score {
            unit_id: u.id,
            criterion_id: c.id,
            self_points: a.self_points.or(old.as_ref().and_then(|o| o.self_points)),
            assessed: a.assessed.or(old.as_ref().and_then(|o| o.assessed)),
            evidence: keep(&a.evidence, old.as_ref().and_then(|o| o.evidence.clone())),
            note: keep(&a.note, old.as_ref().and_then(|o| o.note.clone())),
        };
        scores::set(tx, &s)?;
        Ok(msg!("{} on {}: self {}, assessed {}", u.code, c.code, show(s.self_points), show(s.assessed)))
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}

fn show(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |x| format_number(x, false))
}

fn settings(ctx: &Ctx, a: SettingsArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let changes: Vec<(&str, String)> = [
        ("quota_bk", a.quota_bk.map(|q| q.to_string())),
        ("band_excellent", a.band_excellent.map(|x| x.to_string())),
        ("band_good", a.band_good.map(|x| x.to_string())),
        ("tiebreak", a.tiebreak.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    if !changes.is_empty() {
        db::write(&mut conn, a.write.dry_run, |tx| {
            for (k, v) in &changes {
                meta::set_setting(tx, k, v)?;
            }
            // Read back through the same parser the ranking uses, so a bad value is refused now.
            let s = ranking::Settings::load(tx)?;
            if s.band_good > s.band_excellent {
                return Err(refused(msg!(
                    "the good band ({}) starts above the excellent one ({})",
                    s.band_good,
                    s.band_excellent
                )));
            }
            Ok(())
        })?;
        ctx.done(
            &a.write,
            msg!("set {}", changes.iter().map(|(k, v)| format!("{k} = {v}")).collect::<Vec<_>>().join(", ")),
        );
    }
    emit_table(&ranking::Settings::load(&conn)?.table(), &ctx.out)
}
