//! `thidua proposal`: proposals sent upward with their candidates and dossier; their state from draft to the
//! decision, and what the decision made of each candidate.

use chrono::NaiveDate;
use clap::Subcommand;

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::proposals;
use crate::error::Result;
use crate::model::DocKind;
use crate::output::{emit_report, emit_table};
use crate::report;

#[derive(Subcommand, Debug)]
pub enum ProposalCmd {
    /// Start a draft proposal (with the ranking's candidates, `--from-ranking`)
    Add {
        /// What it asks for, as the memo's subject line says
        #[arg(long, value_parser = text_arg)]
        title: String,
        /// To whom it goes ("Kính gửi")
        #[arg(long, value_parser = text_arg)]
        to: Option<String>,
        /// The council session that deliberated it (number or date)
        #[arg(long)]
        session: Option<String>,
        /// Take the ranking's proposals (the flag, the certificates) as candidates
        #[arg(long)]
        from_ranking: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Add a candidate to a draft or returned proposal
    #[command(group = clap::ArgGroup::new("subject").required(true).args(["unit", "person"]))]
    Candidate {
        /// The proposal's number
        id: i64,
        /// The unit proposed (code or name)
        #[arg(long)]
        unit: Option<String>,
        /// The person proposed (number, staff code or name)
        #[arg(long)]
        person: Option<String>,
        /// The title or form proposed (code or name)
        #[arg(long)]
        title: String,
        /// The summary of achievement
        #[arg(long, value_parser = text_arg)]
        summary: Option<String>,
        /// An initiative the proposal rests on (its number; repeat for several)
        #[arg(long)]
        initiative: Vec<i64>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Attach a paper of the dossier (kept in the file, up to 20 MiB)
    Attach {
        /// The proposal's number
        id: i64,
        /// The file
        file: std::path::PathBuf,
        /// memo, report (achievement report), minutes, certificate, other
        #[arg(long, value_parser = super::one_of(DocKind::VALUES, DocKind::parse))]
        kind: DocKind,
        /// The candidate it belongs to (its number in `proposal show`)
        #[arg(long)]
        candidate: Option<i64>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The proposals
    List {
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// One proposal: candidates with ballot, eligibility and outcome; the dossier
    Show {
        #[command(flatten)]
        out: super::OutputArgs,
        /// The proposal's number
        id: i64,
    },
    /// What each candidate's dossier lacks, with the article (Law 06/2022 Art 84)
    Check {
        #[command(flatten)]
        out: super::OutputArgs,
        /// The proposal's number
        id: i64,
    },
    /// Send it: the memo's number and date (a candidate not eligible or not carried needs --force and a reason)
    Send {
        /// The proposal's number
        id: i64,
        /// The memo's number, e.g. 15/TTr-KTĐ
        #[arg(long, value_parser = text_arg)]
        memo: String,
        /// The memo's date
        #[arg(long, value_parser = date_arg)]
        date: NaiveDate,
        /// To whom it goes, if not given before
        #[arg(long, value_parser = text_arg)]
        to: Option<String>,
        /// Send candidates that are not eligible or whose ballot did not carry
        #[arg(long, requires = "reason")]
        force: bool,
        /// Why they are sent all the same (kept with each such candidate)
        #[arg(long, value_parser = text_arg)]
        reason: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a draft that was never sent, or (--candidate) a candidate of a draft or returned proposal, with the
    /// papers of its dossier
    Remove {
        /// The proposal's number
        id: i64,
        /// Only this candidate (its number in `proposal show`)
        #[arg(long)]
        candidate: Option<i64>,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Take a paper out of a draft or returned proposal's dossier
    Detach {
        /// The proposal's number
        id: i64,
        /// The paper's number (`proposal show` lists the dossier)
        paper: i64,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The province returned it, with its reason (it may be completed and sent again)
    Return {
        /// The proposal's number
        id: i64,
        /// The day it came back
        #[arg(long, value_parser = date_arg)]
        date: NaiveDate,
        /// The reason given
        #[arg(long, value_parser = text_arg)]
        reason: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Withdraw a sent or returned proposal (it stays on record with the date and the reason)
    Withdraw {
        /// The proposal's number
        id: i64,
        /// The day the bloc withdrew it
        #[arg(long, value_parser = date_arg)]
        date: NaiveDate,
        /// Why it is withdrawn
        #[arg(long, value_parser = text_arg)]
        reason: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Link the award decision: each candidate granted, refused, or granted another form
    Decide {
        /// The proposal's number
        id: i64,
        /// The decision's number (recorded with `award decision add`, its awards with `award add` or `award import`)
        #[arg(long)]
        decision: String,
        #[command(flatten)]
        write: WriteArgs,
    },
}

pub fn run(ctx: &Ctx, cmd: ProposalCmd) -> Result<()> {
    use report::proposals as props;
    match cmd {
        ProposalCmd::Add { title, to, session, from_ranking, write } => {
            let (id, n) =
                ctx.write(&write, |tx| props::add(tx, &title, to.as_deref(), session.as_deref(), from_ranking))?;
            ctx.done(&write, msg!("proposal #{} (draft): {}", id, title));
            if n > 0 {
                ctx.say(msg!("{} candidates from the ranking", n));
            }
            Ok(())
        }
        ProposalCmd::Candidate { id, unit, person, title, summary, initiative, write } => {
            let subject = (unit.as_deref(), person.as_deref());
            let added =
                ctx.write(&write, |tx| props::add_candidate(tx, id, subject, &title, summary.as_deref(), &initiative))?;
            ctx.done(&write, msg!("candidate #{} of proposal #{}", added.item, id));
            if let Some((p, c, code)) = added.twice.first() {
                ctx.say(msg!("warning: candidate #{} of proposal #{} proposes the same subject for {}: one achievement, one form (Luật Thi đua, khen thưởng 2022, Điều 5 khoản 2 điểm c); it is sent only with --force and the separate achievement as the reason", c, p, code));
            }
            for (i, u) in added.reused {
                ctx.say(super::initiative::reuse_warning(i, &u));
            }
            Ok(())
        }
        ProposalCmd::Attach { id, file, kind, candidate, write } => {
            let (name, bytes) = crate::import::read_paper(&file, proposals::MAX_DOC)?;
            let (doc, sha) = ctx.write(&write, |tx| props::attach(tx, id, candidate, kind, &name, &bytes))?;
            ctx.done(
                &write,
                msg!("paper #{} of proposal #{}: {} ({} bytes, SHA-256 {})", doc, id, name, bytes.len(), &sha[..16]),
            );
            Ok(())
        }
        ProposalCmd::List { .. } => emit_table(&props::list(&ctx.open()?)?, &ctx.out),
        ProposalCmd::Show { id, .. } => {
            let conn = ctx.open()?;
            let p = proposals::get(&conn, id)?;
            emit_report(&props::show(&conn, &p)?, &ctx.out)
        }
        ProposalCmd::Check { id, .. } => {
            let conn = ctx.open()?;
            let p = proposals::get(&conn, id)?;
            let t = props::check(&conn, &p)?;
            if t.rows.is_empty() {
                ctx.say(msg!("proposal #{}: every candidate's dossier is complete", id));
            }
            emit_table(&t, &ctx.out)
        }
        ProposalCmd::Send { id, memo, date, to, force, reason, write } => {
            let forced = ctx.write(&write, |tx| {
                let to = to.as_deref().filter(|s| !s.is_empty());
                props::send(tx, id, &memo, date, to, force.then_some(reason.as_deref().unwrap_or_default()))
            })?;
            ctx.done(&write, msg!("proposal #{} sent: {} of {}", id, memo, date));
            if forced > 0 {
                ctx.say(msg!("{} candidates sent with --force; the reason is kept with each", forced));
            }
            Ok(())
        }
        ProposalCmd::Remove { id, candidate: Some(c), yes, write } => {
            ctx.confirm(msg!("remove candidate #{} from proposal #{}?", c, id), yes)?;
            let papers = ctx.write(&write, |tx| proposals::remove_item(tx, id, c))?;
            ctx.done(&write, msg!("candidate #{} removed from proposal #{}", c, id));
            if papers > 0 {
                ctx.say(msg!("its {} dossier papers went with it", papers));
            }
            Ok(())
        }
        ProposalCmd::Remove { id, candidate: None, yes, write } => {
            ctx.confirm(msg!("remove the draft proposal #{} with its candidates and papers?", id), yes)?;
            ctx.write(&write, |tx| proposals::remove(tx, id))?;
            ctx.done(&write, msg!("removed the draft proposal #{}", id));
            Ok(())
        }
        ProposalCmd::Detach { id, paper, write } => {
            let name = ctx.write(&write, |tx| proposals::detach(tx, id, paper))?;
            ctx.done(&write, msg!("'{}' taken out of proposal #{}'s dossier", name, id));
            Ok(())
        }
        ProposalCmd::Return { id, date, reason, write } => {
            ctx.write(&write, |tx| props::give_back(tx, id, date, &reason))?;
            ctx.done(&write, msg!("proposal #{} returned on {}: {}", id, date, reason));
            Ok(())
        }
        ProposalCmd::Withdraw { id, date, reason, write } => {
            ctx.write(&write, |tx| props::withdraw(tx, id, date, &reason))?;
            ctx.done(&write, msg!("proposal #{} withdrawn on {}: {}", id, date, reason));
            Ok(())
        }
        ProposalCmd::Decide { id, decision, write } => {
            let counts = ctx.write(&write, |tx| props::decide(tx, id, &decision))?;
            ctx.done(
                &write,
                msg!("proposal #{} decided: {} granted, {} changed, {} refused", id, counts.0, counts.1, counts.2),
            );
            Ok(())
        }
    }
}
