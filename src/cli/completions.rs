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
    clap_complete::generate(a.shell, &mut cmd, "thidua", &mut io::stdout().lock());
    Ok(())
}

pub fn man() -> Result<()> {
    let mut out = io::stdout().lock();
    clap_mangen::Man::new(super::command()).render(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Every visible command's `--help`, as Markdown sections, in tree order.
pub fn reference() -> Result<()> {
    let mut out = io::stdout().lock();
    let mut cmd = super::command().term_width(110);
    cmd.build();
    walk(&mut out, &mut cmd, "thidua")?;
    out.flush()?;
    Ok(())
}

fn walk(out: &mut dyn Write, cmd: &mut clap::Command, path: &str) -> Result<()> {
    writeln!(
        out,
        "### `{path}`\n\n```text\n{}```\n",
        cmd.render_long_help().to_string().trim_end().to_string() + "\n"
    )?;
    for sub in cmd.get_subcommands_mut().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let p = format!("{path} {}", sub.get_name());
        walk(out, sub, &p)?;
    }
    Ok(())
}
