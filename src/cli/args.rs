//! The flag groups and value parsers every command shares: output flags, write flags, import flags, enum values,
//! dates and text.

use std::path::PathBuf;

use clap::Args;

use crate::error::{usage, Error, Result};
use crate::output::{Dialect, Format};

/// How a command that prints data prints it: only those commands take these flags, so a command that writes
/// refuses `--format` as a usage error rather than ignoring it.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output format [default: table, or from the -o file's extension]
    #[arg(long, value_parser = one_of(Format::VALUES, Format::parse))]
    pub format: Option<Format>,

    /// Write the output to FILE instead of stdout (a folder ending in / for a report's CSV tables)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Only one table of a report or list, by name (e.g. `--table pledges`), in any format
    #[arg(long, value_name = "NAME")]
    pub table: Option<String>,

    /// CSV without the UTF-8 byte-order mark (for tools that dislike it)
    #[arg(long)]
    pub no_bom: bool,

    /// Replace the -o file if it exists (a link there is replaced, never followed)
    #[arg(long)]
    pub force: bool,

    /// CSV for scripts (plain: `,`, ISO dates, identifiers) or for a Vietnamese spreadsheet (vi: `;`, decimal comma,
    /// dd/mm/yyyy, Vietnamese headers and values); imports read both
    #[arg(long, env = "THIDUA_CSV_DIALECT", default_value = "plain", value_parser = one_of(Dialect::VALUES, Dialect::parse))]
    pub csv_dialect: Dialect,
}

/// The output flags the command line gave to the command that runs (the innermost subcommand), if it takes them.
pub(super) fn output_of(m: &clap::ArgMatches) -> Option<OutputArgs> {
    let mut leaf = m;
    while let Some((_, sub)) = leaf.subcommand() {
        leaf = sub;
    }
    use clap::FromArgMatches;
    leaf.try_contains_id("csv_dialect").ok()?;
    OutputArgs::from_arg_matches(leaf).ok()
}

/// The flags of every command that writes.
#[derive(Args, Debug, Clone)]
pub struct WriteArgs {
    /// Do the work and show what would change, then roll it back
    #[arg(long)]
    pub dry_run: bool,
}

/// The flags of every CSV import besides its file.
#[derive(Args, Debug, Clone)]
pub struct ColumnArgs {
    /// Header names to skip (comma-separated); any other header the import does not read is an error
    #[arg(long, value_delimiter = ',', value_name = "NAME,…")]
    pub ignore_columns: Vec<String>,
    /// The sheet of a workbook (.xlsx, .ods) to read, by its name (a hidden one too) [default: the first shown]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

impl ColumnArgs {
    /// Opens an import's file (CSV, or a workbook by its extension) with these flags.
    pub fn open(&self, file: &str, cols: &[crate::import::Col]) -> Result<crate::import::Source> {
        crate::import::open(file, cols, &self.ignore_columns, self.sheet.as_deref())
    }
}

/// A flag whose values are a domain enum's: clap lists the identifiers in `--help` and completions, and the value
/// is read by the enum's own parser, so the Vietnamese word ("khối trưởng") is taken as on import; anything else is
/// a usage error listing the identifiers. The domain type stays free of clap (which lives in `src/cli/` only).
pub fn one_of<T: Clone + Send + Sync + 'static>(
    values: &'static [&'static str],
    parse: fn(&str) -> Option<T>,
) -> OneOf<T> {
    OneOf { values, parse }
}

#[derive(Clone)]
pub struct OneOf<T> {
    values: &'static [&'static str],
    parse: fn(&str) -> Option<T>,
}

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for OneOf<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> std::result::Result<T, clap::Error> {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let s = value.to_string_lossy();
        (self.parse)(&s).ok_or_else(|| {
            let mut e = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(a) = arg {
                e.insert(ContextKind::InvalidArg, ContextValue::String(a.to_string()));
            }
            e.insert(ContextKind::InvalidValue, ContextValue::String(s.into_owned()));
            e.insert(
                ContextKind::ValidValue,
                ContextValue::Strings(self.values.iter().map(|v| v.to_string()).collect()),
            );
            e
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().map(|v| clap::builder::PossibleValue::new(*v))))
    }
}

/// A date argument: dd/mm/yyyy, d/m/yyyy or ISO.
pub fn date_arg(s: &str) -> std::result::Result<chrono::NaiveDate, crate::text::Bad> {
    crate::text::parse_date(s)
}

/// A year argument, written in full.
pub fn year_arg(s: &str) -> std::result::Result<i32, crate::text::Bad> {
    crate::text::parse_year(s)
}

/// A text argument, NFC and trimmed (docs/domain.md §5.1).
pub fn text_arg(s: &str) -> std::result::Result<String, String> {
    Ok(crate::text::clean(s))
}

/// Fails as a usage error when a command that needs something to change was given nothing.
pub fn nothing_to_do(what: &str) -> Error {
    usage(if what == "set" {
        msg!("nothing to change: give at least one field to set")
    } else {
        msg!("nothing to change: give at least one field to edit")
    })
}
