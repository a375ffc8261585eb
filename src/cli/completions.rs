//! Shell completions, the man page and the Markdown reference: all from the one clap definition, so they cannot
//! drift from `--help` (a test compares the README's reference with `thidua reference`).

use std::io::{self, Write};

use clap::Args;
use clap_complete::Shell;

use crate::error::Result;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn completions(a: CompletionsArgs) -> Result<()> {
    let mut cmd = super::command();
    // Into a buffer first: clap_complete panics on a write error, and `… | head` closes the pipe.
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "thidua", &mut buf);
    io::stdout().lock().write_all(&buf)?;
    Ok(())
}

pub fn man() -> Result<()> {
    let mut out = io::stdout().lock();
    clap_mangen::Man::new(super::command()).render(&mut out)?;
    out.flush()?;
    Ok(())
}

#[derive(Args, Debug)]
pub struct ReferenceArgs {
    /// Only the index: one line a command (the README's table)
    #[arg(long)]
    pub index: bool,
}

/// Every visible command's `--help` as Markdown sections in tree order (docs/reference.md), or an index of the
/// commands with their one-line help (the README).
pub fn reference(a: ReferenceArgs) -> Result<()> {
    let mut out = io::stdout().lock();
    let mut cmd = super::command().term_width(110);
    cmd.build();
    if a.index {
        writeln!(out, "| command | what it does |\n|---|---|")?;
        index(&mut out, &cmd, "thidua")?;
    } else {
        walk(&mut out, &mut cmd, "thidua")?;
    }
    out.flush()?;
    Ok(())
}

fn visible(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

fn index(out: &mut dyn Write, cmd: &clap::Command, path: &str) -> Result<()> {
    for sub in visible(cmd) {
        let p = format!("{path} {}", sub.get_name());
        // A command that runs on its own (a leaf, or a group whose subcommand is optional) gets a line.
        if visible(sub).next().is_none() || !sub.is_subcommand_required_set() {
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            writeln!(out, "| `{p}` | {} |", about.replace('|', "\\|"))?;
        }
        index(out, sub, &p)?;
    }
    Ok(())
}

fn walk(out: &mut dyn Write, cmd: &mut clap::Command, path: &str) -> Result<()> {
    writeln!(out, "### `{path}`\n\n```text\n{}```\n", cmd.render_help().to_string().trim_end().to_string() + "\n")?;
    for sub in cmd.get_subcommands_mut().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let p = format!("{path} {}", sub.get_name());
        walk(out, sub, &p)?;
    }
    Ok(())
}
