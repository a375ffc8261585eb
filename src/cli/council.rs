//! `thidua council`: the deliberating body of the bloc-year, its sessions and ballots, and the result of each
//! ballot against the threshold of the rules in force (Decree 98/2023 Art 30(7)).

use chrono::NaiveDate;
use clap::Subcommand;

use super::{date_arg, text_arg, Ctx, WriteArgs};
use crate::db::{council, units};
use crate::error::Result;
use crate::model::{CouncilRole, SessionKind};
use crate::output::{emit_report, emit_table};
use crate::report;

#[derive(Subcommand, Debug)]
pub enum CouncilCmd {
    /// The council's members
    #[command(subcommand)]
    Member(MemberCmd),
    /// The council's sessions
    #[command(subcommand)]
    Session(SessionCmd),
    /// Record a ballot at a session: a candidate, a title, the votes in favour and against (given again, it
    /// replaces the ballot recorded; --remove takes it away)
    #[command(group = clap::ArgGroup::new("candidate").required(true).args(["unit", "person"]))]
    Vote {
        /// The session's number or date
        session: String,
        /// The unit voted on (code or name)
        #[arg(long)]
        unit: Option<String>,
        /// The person voted on (number, staff code or name)
        #[arg(long)]
        person: Option<String>,
        /// The title or form voted on (code or name)
        #[arg(long)]
        title: String,
        /// Votes in favour among the members present
        #[arg(long, required_unless_present = "remove")]
        yes: Option<u32>,
        /// Votes against among the members present
        #[arg(long, required_unless_present = "remove")]
        no: Option<u32>,
        /// Written opinions in favour from absent members
        #[arg(long, default_value_t = 0)]
        written: u32,
        /// Remove the ballot typed in error (a ballot given again replaces the one recorded)
        #[arg(long, conflicts_with_all = ["yes", "no", "written"])]
        remove: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// A session's ballot results from a tally sheet (CSV or workbook): unit, person or person_code, title, yes,
    /// no, written_yes
    Import {
        /// The session's number or date
        session: String,
        /// The file: CSV (UTF-8, with or without BOM), .xlsx or .ods
        file: String,
        #[command(flatten)]
        cols: super::ColumnArgs,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// A session's ballots against their thresholds, with the article
    Result {
        #[command(flatten)]
        out: super::OutputArgs,
        /// The session's number or date
        session: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum MemberCmd {
    /// Add a member
    Add {
        /// Full name
        #[arg(value_parser = text_arg)]
        name: String,
        /// The member's unit (code or name)
        #[arg(long)]
        unit: Option<String>,
        /// chair, vice_chair, secretary, member
        #[arg(long, default_value = "member", value_parser = super::one_of(CouncilRole::VALUES, CouncilRole::parse))]
        role: CouncilRole,
        /// Position, e.g. "Cục trưởng Cục Thống kê"
        #[arg(long, value_parser = text_arg)]
        position: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The members, chair first
    List {
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// Correct a member: name, unit, role or position (what is not given stays; an empty text clears it)
    Edit {
        /// The member's number
        id: i64,
        /// Full name
        #[arg(long, value_parser = text_arg)]
        name: Option<String>,
        /// The member's unit (code or name)
        #[arg(long)]
        unit: Option<String>,
        /// chair, vice_chair, secretary, member
        #[arg(long, value_parser = super::one_of(CouncilRole::VALUES, CouncilRole::parse))]
        role: Option<CouncilRole>,
        /// Position
        #[arg(long, value_parser = text_arg)]
        position: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a member
    Remove {
        /// The member's number
        id: i64,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Subcommand, Debug)]
pub enum SessionCmd {
    /// Record a session and its attendance (refused below the quorum of the rules in force)
    Add {
        /// The day it met
        #[arg(long, value_parser = date_arg)]
        date: NaiveDate,
        /// midyear, annual, other
        #[arg(long, value_parser = super::one_of(SessionKind::VALUES, SessionKind::parse))]
        kind: SessionKind,
        /// Members present [default: the members recorded, less those named absent]
        #[arg(long)]
        present: Option<u32>,
        /// Absent members who gave a written opinion [default: those named with --wrote]
        #[arg(long)]
        written: Option<u32>,
        /// A member absent (their number in `council member list`; repeat)
        #[arg(long, value_name = "MEMBER")]
        absent: Vec<i64>,
        /// A member absent who sent a written opinion (repeat)
        #[arg(long, value_name = "MEMBER")]
        wrote: Vec<i64>,
        /// All members of the council that day [default: the members recorded]
        #[arg(long)]
        members: Option<u32>,
        /// Where it met
        #[arg(long, value_parser = text_arg)]
        place: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The sessions in date order
    List {
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// Correct a session: its date, kind, place or counts (checked again against the quorum and its ballots)
    Edit {
        /// The session's number or date
        session: String,
        /// The day it met
        #[arg(long, value_parser = date_arg)]
        date: Option<NaiveDate>,
        /// midyear, annual, other
        #[arg(long, value_parser = super::one_of(SessionKind::VALUES, SessionKind::parse))]
        kind: Option<SessionKind>,
        /// Members present
        #[arg(long)]
        present: Option<u32>,
        /// Absent members who gave a written opinion
        #[arg(long)]
        written: Option<u32>,
        /// All members of the council that day
        #[arg(long)]
        members: Option<u32>,
        /// Where it met (an empty text clears it)
        #[arg(long, value_parser = text_arg)]
        place: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a session typed in error, with its attendance (one with ballots, or named by a proposal, is refused)
    Remove {
        /// The session's number or date
        session: String,
        #[command(flatten)]
        write: WriteArgs,
    },
}

pub fn run(ctx: &Ctx, cmd: CouncilCmd) -> Result<()> {
    match cmd {
        CouncilCmd::Member(MemberCmd::Add { name, unit, role, position, write }) => {
            let id = ctx.write(&write, |tx| {
                let u = unit.as_deref().map(|u| units::resolve(tx, u)).transpose()?;
                let position = position.as_deref().filter(|s| !s.is_empty());
                council::add_member(tx, &name, u.map(|u| u.id), role, position, None)
            })?;
            ctx.done(&write, msg!("council member #{}: {}", id, name));
            Ok(())
        }
        CouncilCmd::Member(MemberCmd::List { .. }) => emit_table(&report::council::members(&ctx.open()?)?, &ctx.out),
        CouncilCmd::Member(MemberCmd::Edit { id, name, unit, role, position, write }) => {
            let e = report::council::MemberEdit { name, unit, role, position };
            ctx.write(&write, |tx| report::council::edit_member(tx, id, &e))?;
            ctx.done(&write, msg!("council member #{} corrected", id));
            Ok(())
        }
        CouncilCmd::Member(MemberCmd::Remove { id, write }) => {
            let name = ctx.write(&write, |tx| council::remove_member(tx, id))?;
            ctx.done(&write, msg!("removed council member #{} ({})", id, name));
            Ok(())
        }
        CouncilCmd::Session(SessionCmd::Add { date, kind, present, written, members, absent, wrote, place, write }) => {
            let n = report::council::NewSession { date, kind, place, members, present, written, absent, wrote };
            let id = ctx.write(&write, |tx| report::council::add_session(tx, &n))?;
            ctx.done(&write, msg!("council session #{} of {}", id, date));
            Ok(())
        }
        CouncilCmd::Session(SessionCmd::List { .. }) => emit_table(&report::council::sessions(&ctx.open()?)?, &ctx.out),
        CouncilCmd::Session(SessionCmd::Edit { session, date, kind, present, written, members, place, write }) => {
            let e = report::council::SessionEdit { date, kind, place, members, present, written };
            let id = ctx.write(&write, |tx| report::council::edit_session(tx, &session, &e))?;
            ctx.done(&write, msg!("council session #{} corrected", id));
            Ok(())
        }
        CouncilCmd::Session(SessionCmd::Remove { session, write }) => {
            let (id, on) = ctx.write(&write, |tx| {
                let s = council::session(tx, &session)?;
                council::remove_session(tx, s.id)?;
                Ok((s.id, s.held_on))
            })?;
            ctx.done(&write, msg!("removed council session #{} of {}", id, on));
            Ok(())
        }
        CouncilCmd::Vote { session, unit, person, title, remove: true, write, .. } => {
            let b = report::council::Ballot {
                session: &session,
                unit: unit.as_deref(),
                person: person.as_deref(),
                title: &title,
            };
            let (name, code) = ctx.write(&write, |tx| report::council::remove_vote(tx, &b))?;
            ctx.done(&write, msg!("removed the ballot on {} — {}", name, code));
            Ok(())
        }
        CouncilCmd::Vote { session, unit, person, title, yes, no, written, write, .. } => {
            let b = report::council::Ballot {
                session: &session,
                unit: unit.as_deref(),
                person: person.as_deref(),
                title: &title,
            };
            let (yes, no) = (yes.unwrap_or_default(), no.unwrap_or_default());
            let (name, code, w) = ctx.write(&write, |tx| report::council::vote(tx, &b, yes, no, written))?;
            let share = (w.pct * 10.0).round() / 10.0;
            ctx.done(
                &write,
                if w.carried {
                    msg!("{} — {}: {} of {} members, {}%: carried", name, code, w.yes, w.all, share)
                } else {
                    msg!("{} — {}: {} of {} members, {}%: not carried", name, code, w.yes, w.all, share)
                },
            );
            Ok(())
        }
        CouncilCmd::Import { session, file, cols, write } => {
            let mut conn = ctx.open()?;
            let mut src = cols.open(&file, crate::import::ballots::COLUMNS)?;
            let counts = crate::db::write(&mut conn, write.dry_run, |tx| {
                let s = council::session(tx, &session)?;
                crate::import::ballots::run(tx, &mut src, &s, ctx.quiet)
            })?;
            ctx.done(&write, counts.summary(&src.name));
            Ok(())
        }
        CouncilCmd::Result { session, .. } => {
            let conn = ctx.open()?;
            let s = council::session(&conn, &session)?;
            emit_report(&report::proposals::result(&conn, &s)?, &ctx.out)
        }
    }
}
