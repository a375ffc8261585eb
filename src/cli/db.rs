//! `thidua db`: keeping the year's record safe: check, backup, the audit log, sealing a closed year.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{text_arg, Ctx, WriteArgs};
use crate::db::{self, check, meta};
use crate::error::{refused, usage, Result};
use crate::output::emit_table;

#[derive(Subcommand, Debug)]
pub enum DbCmd {
    /// Check the file: SQLite's integrity and foreign keys, the schema, the domain's rules, the audit chain and
    /// changes made behind the tool's back. Silent and exit 0 when all hold; one line per problem and exit 1
    Check {
        /// Also tell whether this is the file of that fingerprint (from `db seal` or `db fingerprint`, as written in
        /// the register): a file swapped for another, or changed since, has another one
        #[arg(long, value_name = "FINGERPRINT", value_parser = text_arg)]
        fingerprint: Option<String>,
    },
    /// Print the file's fingerprint (bloc, year, the digest of every table's content, the head of the audit log),
    /// to write in the register with the date; `db check --fingerprint` tells this file from any other later
    Fingerprint,
    /// A consistent copy while the file may be in use, verified before success is reported
    Backup {
        /// Where to write it [default: FILE.YYYYMMDD-HHMMSS.bak beside the file]
        dest: Option<PathBuf>,
    },
    /// The audit log: one entry per command that changed the file
    Log {
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// Close the year: every later write is refused; prints the sealed file's fingerprint for the register
    Seal(SealArgs),
    /// Take what `db check` found (changes made outside thidua, a dropped trigger) as known and wanted, so the file
    /// takes writes again; logged with the reason
    Accept {
        /// Why (kept in the audit log)
        #[arg(long, value_parser = text_arg)]
        reason: String,
    },
    /// Reopen a sealed file (logged)
    Unseal {
        /// Why (kept in the audit log)
        #[arg(long, value_parser = text_arg)]
        reason: String,
    },
}

#[derive(Args, Debug)]
pub struct SealArgs {
    /// Why (kept in the audit log)
    #[arg(long, value_parser = text_arg)]
    pub reason: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, cmd: DbCmd) -> Result<()> {
    match cmd {
        DbCmd::Check { fingerprint } => {
            let conn = ctx.open()?;
            // Every page is read once (integrity, then the content digest): the small cache of a large read.
            db::large_read(&conn)?;
            let mut problems = check::run(&conn)?;
            if let Some(want) = fingerprint {
                let have = db::check::fingerprint(&conn)?;
                if !db::audit::same_fingerprint(&want, &have) {
                    problems.push(msg!(
                        "the fingerprint is {}, not {}: this is another file, or the file has changed since",
                        have,
                        want
                    ));
                }
            }
            report_problems(ctx, &problems)
        }
        DbCmd::Fingerprint => {
            println!("{}", db::check::fingerprint(&ctx.open()?)?);
            Ok(())
        }
        DbCmd::Backup { dest } => backup(ctx, dest),
        DbCmd::Log { .. } => emit_table(&crate::report::file::log(&ctx.open()?)?, &ctx.out),
        DbCmd::Seal(a) => {
            if a.reason.is_empty() {
                return Err(usage(msg!("--reason needs the reason")));
            }
            let at = ctx.write(&a.write, |tx| meta::seal(tx, &a.reason))?;
            ctx.done(&a.write, msg!("sealed {} at {}: {}", ctx.db.display(), at, a.reason));
            if !a.write.dry_run {
                // On stdout, for a script to keep; computed after the seal's own entry, which it covers.
                println!("{}", db::check::fingerprint(&ctx.open()?)?);
                ctx.say(msg!("write this fingerprint in the register: `thidua db check --fingerprint …` tells this file from any other"));
            }
            Ok(())
        }
        DbCmd::Accept { reason } => {
            if reason.is_empty() {
                return Err(usage(msg!("--reason needs the reason")));
            }
            let mut conn = ctx.open()?;
            let id = db::accept(&mut conn, &reason)?;
            ctx.say(msg!("accepted the file as it is (audit entry #{}): {}", id, reason));
            let left = db::check::run(&conn)?;
            for p in &left {
                ctx.say(msg!("still found: {}", p));
            }
            Ok(())
        }
        DbCmd::Unseal { reason } => {
            if reason.is_empty() {
                return Err(usage(msg!("--reason needs the reason")));
            }
            let mut conn = ctx.open()?;
            db::write_sealed(&mut conn, |tx| {
                if meta::sealed(tx)?.is_none() {
                    return Err(refused(msg!("the file is not sealed")));
                }
                meta::unseal(tx)
            })?;
            ctx.say(msg!("unsealed {}: {}", ctx.db.display(), reason));
            Ok(())
        }
    }
}

/// Prints the problems on stdout, one a line, and fails when there are any.
fn report_problems(ctx: &Ctx, problems: &[crate::msg::Msg]) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    crate::output::print_lines(problems, ctx.out.lang)?;
    Err(refused(msg!(
        "{}: {}",
        ctx.db.display(),
        crate::msg::Msg::count(problems.len() as u64, "{} problem", "{} problems")
    )))
}

fn backup(ctx: &Ctx, dest: Option<PathBuf>) -> Result<()> {
    let conn = ctx.open()?;
    // Every page is read once: the small cache of a large read is enough.
    db::large_read(&conn)?;
    let dest = dest.unwrap_or_else(|| {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        PathBuf::from(format!("{}.{stamp}.bak", ctx.db.display()))
    });
    let problems = db::backup(&conn, &dest)?;
    if !problems.is_empty() {
        for p in &problems {
            ctx.say(msg!("{}: {}", dest.display(), p));
        }
        return Err(refused(msg!(
            "the copy {} does not pass `db check` ({}); the file itself needs `db check`",
            dest.display(),
            crate::msg::Msg::count(problems.len() as u64, "{} problem", "{} problems")
        )));
    }
    ctx.say(msg!("backed up to {} (checked)", dest.display()));
    Ok(())
}
