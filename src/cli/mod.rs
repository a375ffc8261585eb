//! The command line: one file per top-level command, each with its clap `Args` and one `run(ctx, args)`. A
//! command parses, calls `db/` or `report/`, and hands the result to `output/`; no SQL and no formatting here.

mod args;
mod award;
mod campaign;
mod cert;
mod completions;
mod council;
mod db;
mod demo;
mod discipline;
mod doc;
mod eligible;
mod export;
mod help;
mod history;
mod info;
mod init;
pub(crate) mod initiative;
mod meeting;
mod person;
mod pledge;
mod proposal;
mod rating;
mod register;
mod report;
mod rules;
mod score;
mod unit;

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};
use rusqlite::Connection;

use crate::error::{usage, Error, Result};
use crate::msg::Msg;
use crate::output::{Lang, Opts};
pub use crate::text::edited;
use args::output_of;
pub use args::{date_arg, nothing_to_do, one_of, text_arg, ColumnArgs, OneOf, OutputArgs, WriteArgs};

/// The secretariat's tool for a Vietnamese emulation bloc (Khối thi đua): units, people, campaigns,
/// registrations, pledges, scores, awards and the reviews of one bloc-year, kept in one SQLite file.
#[derive(Parser, Debug)]
#[command(name = "thidua", version, max_term_width = 110)]
pub struct Cli {
    /// The bloc-year file [default: thidua.db; for `demo`: thidua-demo.db]
    #[arg(
        short = 'f',
        long = "db",
        global = true,
        env = "THIDUA_DB",
        hide_env_values = true,
        value_name = "FILE",
        help_heading = "Global options"
    )]
    pub db: Option<PathBuf>,

    /// Language of headers, labels, messages and help; CSV and JSON keys stay English [default: vi when the locale
    /// is Vietnamese (LC_ALL, LC_MESSAGES, LANG = vi_*), else en]
    #[arg(long, global = true, env = "THIDUA_LANG", value_parser = one_of(Lang::VALUES, Lang::parse), help_heading = "Global options")]
    pub lang: Option<Lang>,

    /// No messages on stderr (data is still printed)
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// More detail in messages
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a bloc-year file
    Init(init::InitArgs),
    /// What this file is: bloc, year, schema version, counts
    Info(info::InfoArgs),
    /// Build the sample bloc-year of the seed story and print its mid-year review
    Demo(demo::DemoArgs),
    /// Member units of the bloc and their sub-units
    #[command(subcommand)]
    Unit(unit::UnitCmd),
    /// People of the units
    #[command(subcommand)]
    Person(person::PersonCmd),
    /// Emulation campaigns ("phong trào thi đua")
    #[command(subcommand)]
    Campaign(campaign::CampaignCmd),
    /// Registrations of emulation titles, and the titles catalog
    #[command(subcommand)]
    Register(register::RegisterCmd),
    /// Emulation pledges with measurable targets and their progress
    #[command(subcommand)]
    Pledge(pledge::PledgeCmd),
    /// Award decisions and what they confer; the forms of commendation
    #[command(subcommand)]
    Award(award::AwardCmd),
    /// Yearly ratings of people and units (excellent, good, completed, not completed, not rated)
    #[command(subcommand)]
    Rating(rating::RatingCmd),
    /// Initiatives and research: authors, scope, who recognised them, which award used them
    #[command(subcommand)]
    Initiative(initiative::InitiativeCmd),
    /// Discipline and pending reviews (inspection, complaint), with their periods
    #[command(subcommand)]
    Discipline(discipline::DisciplineCmd),
    /// The rule sets in force by date, with the provincial and bloc parameters
    #[command(subcommand)]
    Rules(rules::RulesCmd),
    /// Who qualifies for what, condition by condition, with the article
    Eligible(eligible::EligibleArgs),
    /// The council: members, sessions, ballots against the thresholds of the rules in force
    #[command(subcommand)]
    Council(council::CouncilCmd),
    /// Proposals sent upward: candidates, dossier, state, what the decision made of them
    #[command(subcommand)]
    Proposal(proposal::ProposalCmd),
    /// The papers of the year as Word documents or Markdown: memo, minutes, signing list
    #[command(subcommand)]
    Doc(doc::DocCmd),
    /// Certificates of a decision's awards as PDF, on plain paper or on pre-printed blanks, and their register
    #[command(subcommand)]
    Cert(cert::CertCmd),
    /// The bloc's meetings: guests, talks, exemplars
    #[command(subcommand)]
    Meeting(meeting::MeetingCmd),
    /// Scoring of the member units: criteria, self and assessed points, ranking settings, the lock
    #[command(subcommand)]
    Score(score::ScoreCmd),
    /// The reviews of the year (sơ kết, tổng kết) and the lists that go with them
    #[command(subcommand)]
    Report(report::ReportCmd),
    /// Achievements of earlier years, carried from older files
    #[command(subcommand)]
    History(history::HistoryCmd),
    /// Every table as CSV into a folder, with a manifest (counts, SHA-256 per file)
    Export(export::ExportArgs),
    /// Rebuild a fresh file (-f) from a folder made by `export`
    Import(export::ImportArgs),
    /// Integrity, safe copies, the audit log, closed years
    #[command(subcommand)]
    Db(db::DbCmd),
    /// Shell completions, from the same definitions as --help
    Completions(completions::CompletionsArgs),
    /// The man page (roff), from the same definitions as --help
    Man,
    /// The command reference in Markdown (docs/reference.md, and the README's index)
    #[command(hide = true)]
    Reference(completions::ReferenceArgs),
}

/// What every command gets: where the file is, how to print, whether to talk.
pub struct Ctx {
    pub db: PathBuf,
    pub out: Opts,
    pub quiet: bool,
    pub verbose: bool,
    /// Say so when the file was changed outside thidua (not for `db`, whose commands are about exactly that).
    pub warn_outside: bool,
}

impl Ctx {
    /// Opens the existing bloc-year file; a file changed outside thidua since its last entry gets a warning line
    /// (a write is then refused by `db::write` until `db accept`).
    pub fn open(&self) -> Result<Connection> {
        if self.verbose {
            self.say(msg!("file: {}", self.db.display()));
        }
        let conn = crate::db::open(&self.db)?;
        if self.warn_outside && crate::db::changed_outside(&conn)? {
            self.say(msg!(
                "warning: the file was changed outside thidua since its last audit entry; `thidua db check` says how"
            ));
        }
        Ok(conn)
    }

    /// Opens the file for a command that only reads, and runs it in one read transaction
    /// ([`crate::db::in_read_transaction`]).
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.open()?;
        crate::db::in_read_transaction(&conn, || f(&conn))
    }

    /// [`Ctx::read`] for a command that reads the whole year (a report, a review, the judging of every
    /// registration): a small cache and sorts through a temporary file too ([`crate::db::large_read`]).
    pub fn read_whole<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.open()?;
        crate::db::large_read(&conn)?;
        crate::db::in_read_transaction(&conn, || f(&conn))
    }

    /// A message for people, on stderr, in their language; `-q` silences it.
    pub fn say(&self, msg: impl Into<crate::msg::Msg>) {
        if !self.quiet {
            let _ = writeln!(io::stderr(), "{}", crate::output::messages::text(&msg.into(), self.out.lang));
        }
    }

    /// Runs a write on the file in one transaction (rolled back under `--dry-run`, and the audit entry with it):
    /// the boilerplate every command that writes shares.
    pub fn write<T>(&self, w: &WriteArgs, f: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.open()?;
        crate::db::write(&mut conn, w.dry_run, f)
    }

    /// What a write command says when it is done (or would have done, under --dry-run).
    pub fn done(&self, w: &WriteArgs, msg: impl Into<crate::msg::Msg>) {
        if w.dry_run {
            self.say(msg!("{} (dry run: nothing was written)", msg.into()));
        } else {
            self.say(msg);
        }
    }

    /// Asks before a removal on a terminal; a script must say `--yes` (docs/architecture.md).
    pub fn confirm(&self, question: Msg, yes: bool) -> Result<()> {
        if yes {
            return Ok(());
        }
        if !io::stdin().is_terminal() {
            return Err(Error::Usage {
                msg: msg!("{}: not confirmed", question),
                hint: Some(msg!("add --yes to confirm in a script")),
            });
        }
        let answer_keys = if self.out.lang == Lang::Vi { "[c/K]" } else { "[y/N]" };
        eprint!("{} {answer_keys} ", crate::output::messages::text(&question, self.out.lang));
        let _ = io::stderr().flush();
        let mut answer = String::new();
        io::stdin().lock().read_line(&mut answer)?;
        match answer.trim().to_lowercase().as_str() {
            "y" | "yes" | "c" | "có" | "co" => Ok(()),
            _ => Err(crate::error::refused(msg!("not confirmed; nothing was changed"))),
        }
    }
}

/// Parses the command line and runs the command; returns the exit code.
pub fn main() -> i32 {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::early_lang(&args);
    let parsed = help::localize(Cli::command(), lang)
        .try_get_matches_from(&args)
        .and_then(|m| Ok((Cli::from_arg_matches(&m)?, output_of(&m))));
    let (cli, out) = match parsed {
        Ok(c) => c,
        Err(e) => return help::report(&e, lang),
    };
    let out = out.unwrap_or_default();
    // The demo has its own default file, so it never lands on the secretary's thidua.db.
    let default = if matches!(cli.command, Command::Demo(_)) { "thidua-demo.db" } else { "thidua.db" };
    let ctx = Ctx {
        db: cli.db.clone().unwrap_or_else(|| PathBuf::from(default)),
        out: Opts {
            format: out.format,
            output: out.output,
            lang: cli.lang.unwrap_or(lang),
            bom: !out.no_bom,
            table: out.table,
            dialect: out.csv_dialect,
            force: out.force,
        },
        quiet: cli.quiet,
        verbose: cli.verbose,
        warn_outside: !matches!(cli.command, Command::Db(_)),
    };
    // A fixed "today" that is not a date is an error, not ignored (it would silently move every default date).
    let checked = match std::env::var("THIDUA_TODAY") {
        Ok(t) if crate::text::parse_date(&t).is_err() => Err(usage(msg!(
            "THIDUA_TODAY='{}' is not a date (write it as 2020-06-30)",
            t.chars().take(40).collect::<String>()
        ))),
        _ => Ok(()),
    };
    match checked.and_then(|()| run(&ctx, cli.command)) {
        Ok(()) => 0,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            crate::output::print_error(&e, ctx.out.lang);
            e.exit_code()
        }
    }
}

fn run(ctx: &Ctx, cmd: Command) -> Result<()> {
    match cmd {
        Command::Init(a) => init::run(ctx, a),
        Command::Demo(a) => demo::run(ctx, a),
        Command::Info(a) => info::run(ctx, a),
        Command::Unit(c) => unit::run(ctx, c),
        Command::Person(c) => person::run(ctx, c),
        Command::Campaign(c) => campaign::run(ctx, c),
        Command::Register(c) => register::run(ctx, c),
        Command::Pledge(c) => pledge::run(ctx, c),
        Command::Award(c) => award::run(ctx, c),
        Command::Rating(c) => rating::run(ctx, c),
        Command::Initiative(c) => initiative::run(ctx, c),
        Command::Discipline(c) => discipline::run(ctx, c),
        Command::Rules(c) => rules::run(ctx, c),
        Command::Eligible(a) => eligible::run(ctx, a),
        Command::Council(c) => council::run(ctx, c),
        Command::Proposal(c) => proposal::run(ctx, c),
        Command::Doc(c) => doc::run(ctx, c),
        Command::Cert(c) => cert::run(ctx, c),
        Command::Meeting(c) => meeting::run(ctx, c),
        Command::Score(c) => score::run(ctx, c),
        Command::Report(c) => report::run(ctx, c),
        Command::History(c) => history::run(ctx, c),
        Command::Export(a) => export::export(ctx, a),
        Command::Import(a) => export::import(ctx, a),
        Command::Db(c) => db::run(ctx, c),
        Command::Completions(a) => completions::completions(a),
        Command::Man => completions::man(),
        Command::Reference(a) => completions::reference(a),
    }
}

/// The clap definition, for completions, the man page and the reference.
pub fn command() -> clap::Command {
    Cli::command()
}
