//! `thidua proposal`: proposals sent upward with their candidates and dossier; their state from draft to the
//! decision, and what the decision made of each candidate.

use chrono::NaiveDate;
use clap::Subcommand;

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::{catalog, council, proposals};
use crate::error::{refused, refused_hint, usage, Result};
use crate::model::{DocKind, ProposalStatus};
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
    match cmd {
        ProposalCmd::Add { title, to, session, from_ranking, write } => {
            let (id, n) = ctx.write(&write, |tx| {
                let s = session.as_deref().map(|s| council::session(tx, s)).transpose()?;
                let id = proposals::add(tx, &title, to.as_deref().filter(|s| !s.is_empty()), s.map(|s| s.id), None)?;
                let mut n = 0;
                if from_ranking {
                    let (standings, _) = report::ranking::rank(tx, &crate::db::units::members(tx)?)?;
                    for st in standings.iter().filter(|s| s.proposal.is_some()) {
                        let e = catalog::resolve(tx, st.proposal.unwrap_or_default())?;
                        let summary = report::papers::unit_summary(tx, st.unit_id)?;
                        proposals::add_item(tx, id, Some(st.unit_id), None, e.id, summary.as_deref())?;
                        n += 1;
                    }
                    if n == 0 {
                        return Err(refused_hint(
                            msg!("the ranking proposes no unit yet"),
                            "`thidua report ranking` says why (scores missing, a tie, a review pending)",
                        ));
                    }
                }
                Ok((id, n))
            })?;
            ctx.done(&write, msg!("proposal #{} (draft): {}", id, title));
            if n > 0 {
                ctx.say(msg!("{} candidates from the ranking", n));
            }
            Ok(())
        }
        ProposalCmd::Candidate { id, unit, person, title, summary, initiative, write } => {
            let item = ctx.write(&write, |tx| {
                let p = proposals::get(tx, id)?;
                editable(&p, ctx)?;
                let e = catalog::resolve(tx, &title)?;
                let (unit_id, person_id, _) = super::subject(tx, unit.as_deref(), person.as_deref())?;
                catalog::check_subject(&e, person_id.is_none(), "propose it for")?;
                let item = proposals::add_item(
                    tx,
                    id,
                    unit_id,
                    person_id,
                    e.id,
                    summary.as_deref().filter(|s| !s.is_empty()),
                )?;
                // One achievement, one form (Law 06/2022/QH15 Art 5.2.c): said now, held back at sending.
                let added = proposals::items(tx, id)?.into_iter().find(|i| i.id == item);
                let mut twice: Vec<(i64, i64, String)> = Vec::new();
                if let Some(a) = &added {
                    twice = proposals::items(tx, id)?
                        .into_iter()
                        .filter(|o| o.id != item && o.unit_id == a.unit_id && o.person_id == a.person_id)
                        .map(|o| (id, o.id, o.code))
                        .collect();
                    twice.extend(proposals::elsewhere(tx, a)?);
                }
                let mut reused = Vec::new();
                for i in &initiative {
                    if let Some(first) = crate::db::initiatives::use_for_candidate(tx, *i, item)?.into_iter().next() {
                        reused.push((*i, first));
                    }
                }
                Ok((item, reused, twice))
            })?;
            let (item, reused, twice) = item;
            ctx.done(&write, msg!("candidate #{} of proposal #{}", item, id));
            if let Some((p, c, code)) = twice.first() {
                ctx.say(msg!("warning: candidate #{} of proposal #{} proposes the same subject for {}: one achievement, one form (Luật Thi đua, khen thưởng 2022, Điều 5 khoản 2 điểm c); it is sent only with --force and the separate achievement as the reason", c, p, code));
            }
            for (i, u) in reused {
                ctx.say(super::initiative::reuse_warning(i, &u));
            }
            Ok(())
        }
        ProposalCmd::Attach { id, file, kind, candidate, write } => {
            let meta =
                std::fs::metadata(&file).map_err(|e| refused(msg!("cannot read '{}': {}", file.display(), e)))?;
            // A paper is a regular file: a device would be read until memory runs out, a pipe would wait.
            if !meta.is_file() {
                return Err(refused(msg!("'{}' is not a regular file", file.display())));
            }
            let meta_len = meta.len();
            if meta_len > proposals::MAX_DOC {
                return Err(refused_hint(
                    msg!("'{}' is {} bytes, more than the 20 MiB a dossier paper may be", file.display(), meta_len),
                    "attach a smaller scan (a PDF at 150 dpi), or keep the paper beside the file",
                ));
            }
            // Read no further than the limit, whatever the file grew to since it was measured.
            let mut bytes = Vec::new();
            std::fs::File::open(&file)
                .and_then(|f| {
                    std::io::Read::read_to_end(&mut std::io::Read::take(f, proposals::MAX_DOC + 1), &mut bytes)
                })
                .map_err(|e| refused(msg!("cannot read '{}': {}", file.display(), e)))?;
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let (doc, sha) = ctx.write(&write, |tx| {
                proposals::get(tx, id)?;
                if let Some(c) = candidate {
                    if !proposals::items(tx, id)?.iter().any(|i| i.id == c) {
                        return Err(refused(msg!("proposal #{} has no candidate #{}", id, c)));
                    }
                }
                proposals::attach(tx, id, candidate, kind, &name, &bytes, crate::text::today())
            })?;
            ctx.done(
                &write,
                msg!("paper #{} of proposal #{}: {} ({} bytes, SHA-256 {})", doc, id, name, bytes.len(), &sha[..16]),
            );
            Ok(())
        }
        ProposalCmd::List { .. } => emit_table(&report::proposals::list(&ctx.open()?)?, &ctx.out),
        ProposalCmd::Show { id, .. } => {
            let conn = ctx.open()?;
            let p = proposals::get(&conn, id)?;
            emit_report(&report::proposals::show(&conn, &p, ctx.out.lang)?, &ctx.out)
        }
        ProposalCmd::Check { id, .. } => {
            let conn = ctx.open()?;
            let p = proposals::get(&conn, id)?;
            let t = report::proposals::check(&conn, &p, ctx.out.lang)?;
            if t.rows.is_empty() {
                ctx.say(msg!("proposal #{}: every candidate's dossier is complete", id));
            }
            emit_table(&t, &ctx.out)
        }
        ProposalCmd::Send { id, memo, date, to, force, reason, write } => {
            let forced = ctx.write(&write, |tx| {
                let to = to.as_deref().filter(|s| !s.is_empty());
                report::proposals::send(tx, id, &memo, date, to, force.then_some(reason.as_deref().unwrap_or_default()))
            })?;
            ctx.done(&write, msg!("proposal #{} sent: {} of {}", id, memo, crate::text::format_date(date)));
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
            if reason.is_empty() {
                return Err(usage(msg!("--reason is empty: say why the proposal was returned")));
            }
            ctx.write(&write, |tx| {
                let p = proposals::get(tx, id)?;
                if p.status != ProposalStatus::Sent {
                    let st = status(p.status, ctx);
                    return Err(refused(msg!("proposal #{} is {}, not sent: only a sent proposal comes back", id, st)));
                }
                proposals::give_back(tx, id, date, &reason)
            })?;
            ctx.done(&write, msg!("proposal #{} returned on {}: {}", id, crate::text::format_date(date), reason));
            Ok(())
        }
        ProposalCmd::Withdraw { id, date, reason, write } => {
            if reason.is_empty() {
                return Err(usage(msg!("--reason is empty: say why the proposal is withdrawn")));
            }
            ctx.write(&write, |tx| {
                let p = proposals::get(tx, id)?;
                match p.status {
                    ProposalStatus::Sent | ProposalStatus::Returned => {}
                    ProposalStatus::Draft => {
                        return Err(refused_hint(
                            msg!("proposal #{} is a draft: it was never sent", id),
                            msg!("a draft is removed (`thidua proposal remove {}`)", id),
                        ))
                    }
                    s => {
                        let st = status(s, ctx);
                        return Err(refused(msg!(
                            "proposal #{} is {}: only a sent or returned proposal is withdrawn",
                            id,
                            st
                        )));
                    }
                }
                if p.sent_on.is_some_and(|s| date < s) {
                    return Err(refused(msg!(
                        "{} is before proposal #{} was sent ({})",
                        crate::text::format_date(date),
                        id,
                        p.sent_on.map(crate::text::format_date).unwrap_or_default()
                    )));
                }
                proposals::withdraw(tx, id, date, &reason)
            })?;
            ctx.done(&write, msg!("proposal #{} withdrawn on {}: {}", id, crate::text::format_date(date), reason));
            Ok(())
        }
        ProposalCmd::Decide { id, decision, write } => {
            let counts = ctx.write(&write, |tx| report::proposals::decide(tx, id, &decision, status_label(ctx)))?;
            ctx.done(
                &write,
                msg!("proposal #{} decided: {} granted, {} changed, {} refused", id, counts.0, counts.1, counts.2),
            );
            Ok(())
        }
    }
}

fn editable(p: &proposals::Proposal, ctx: &Ctx) -> Result<()> {
    match p.status {
        ProposalStatus::Draft | ProposalStatus::Returned => Ok(()),
        s => Err(refused(msg!(
            "proposal #{} is {}: candidates are added to a draft or a returned proposal",
            p.id,
            status(s, ctx)
        ))),
    }
}

/// A status in the reader's language, for a message.
fn status(s: ProposalStatus, ctx: &Ctx) -> String {
    crate::output::labels::label(&format!("proposal_status.{s}"), ctx.out.lang).to_string()
}

/// [`status`] as a function the report's refusals call.
fn status_label(ctx: &Ctx) -> impl Fn(ProposalStatus) -> String + '_ {
    move |s| status(s, ctx)
}
