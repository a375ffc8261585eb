//! Rendering: every list and report goes through here, as a terminal table, CSV, JSON or Markdown (DESIGN.md
//! "Output"). Data goes to stdout or the `-o` file; a closed pipe surfaces as `BrokenPipe`, which `main` ends
//! quietly.

mod csv;
mod json;
pub mod labels;
mod md;
pub mod table;
mod term;
mod xlsx;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub use self::csv::BOM;
pub use table::{Cell, Report, Table};

use crate::error::{refused, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Md,
    Xlsx,
}

impl Format {
    pub const VALUES: &'static [&'static str] = &["table", "csv", "json", "md", "xlsx"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "table" => Some(Format::Table),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "md" => Some(Format::Md),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// How CSV is written: for scripts (`,`, ISO dates, plain numbers, identifiers and English keys), or the way a
/// Vietnamese spreadsheet reads it (`;`, decimal comma, dd/mm/yyyy, Vietnamese headers and values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    #[default]
    Plain,
    Vi,
}

impl Dialect {
    pub const VALUES: &'static [&'static str] = &["plain", "vi"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "plain" | "en" => Some(Dialect::Plain),
            "vi" => Some(Dialect::Vi),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    pub const VALUES: &'static [&'static str] = &["en", "vi"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "en" => Some(Lang::En),
            "vi" => Some(Lang::Vi),
            _ => None,
        }
    }
}

/// Where and how output goes; built once from the global flags.
#[derive(Debug, Clone)]
pub struct Opts {
    pub format: Option<Format>,
    pub output: Option<PathBuf>,
    pub lang: Lang,
    /// Write a UTF-8 byte-order mark before CSV, so Excel reads Vietnamese right.
    pub bom: bool,
    /// Only this table of a report (by its name), e.g. for a script reading one CSV.
    pub table: Option<String>,
    pub dialect: Dialect,
}

impl Opts {
    /// `--format`, else the `-o` file's extension, else a terminal table.
    pub fn format(&self) -> Format {
        if let Some(f) = self.format {
            return f;
        }
        let ext =
            self.output.as_ref().and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("csv") => Format::Csv,
            Some("json") => Format::Json,
            Some("md" | "markdown") => Format::Md,
            Some("xlsx") => Format::Xlsx,
            _ => Format::Table,
        }
    }

    pub fn label(&self, key: &str) -> String {
        labels::label(key, self.lang).to_string()
    }
}

fn open(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        None => Box::new(BufWriter::new(io::stdout().lock())),
        Some(p) if p.as_os_str() == "-" => Box::new(BufWriter::new(io::stdout().lock())),
        Some(p) => Box::new(BufWriter::new(
            File::create(p).map_err(|e| refused(format!("cannot write '{}': {e}", p.display())))?,
        )),
    })
}

/// A workbook of the tables, to the `-o` file or to standard output when that is not a terminal.
fn emit_xlsx(tables: &[&Table], o: &Opts) -> Result<()> {
    let mut wb = xlsx::workbook(tables, o.lang)?;
    match o.output.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(p) => xlsx::save(&mut wb, p),
        None if io::stdout().is_terminal() => Err(crate::error::usage(
            "a workbook is a file, not for the terminal: give -o FILE.xlsx, or send it through a pipe",
        )),
        None => {
            let mut out = io::stdout().lock();
            out.write_all(&xlsx::bytes(&mut wb)?)?;
            out.flush()?;
            Ok(())
        }
    }
}

pub fn emit_table(t: &Table, o: &Opts) -> Result<()> {
    if o.format() == Format::Xlsx {
        return emit_xlsx(&[t], o);
    }
    let mut w = open(o.output.as_deref())?;
    write_table(&mut w, t, o)?;
    w.flush()?;
    Ok(())
}

fn write_table(w: &mut dyn Write, t: &Table, o: &Opts) -> Result<()> {
    match o.format() {
        Format::Table => term::table(w, t, o.lang)?,
        Format::Csv => csv::table(w, t, o.bom, o.dialect)?,
        Format::Json => json::table(w, t)?,
        Format::Md => md::table(w, t, o.lang)?,
        Format::Xlsx => unreachable!("workbooks are written by emit_xlsx"),
    }
    Ok(())
}

/// Renders a report. As CSV, its tables go one after the other on stdout, or one file each (`NAME.csv`) when `-o`
/// names a folder (ending in `/` or existing).
pub fn emit_report(r: &Report, o: &Opts) -> Result<()> {
    if let Some(name) = &o.table {
        return match r.tables().find(|t| &t.name == name) {
            Some(t) => emit_table(t, o),
            None => Err(crate::error::refused_hint(
                format!("this report has no table '{name}'"),
                format!("its tables: {}", r.tables().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", ")),
            )),
        };
    }
    if o.format() == Format::Xlsx {
        return emit_xlsx(&r.tables().collect::<Vec<_>>(), o);
    }
    if o.format() == Format::Csv {
        if let Some(dir) = o.output.as_deref().filter(|p| p.is_dir() || p.to_string_lossy().ends_with('/')) {
            std::fs::create_dir_all(dir)
                .map_err(|e| refused(format!("cannot create folder '{}': {e}", dir.display())))?;
            for t in r.tables() {
                let mut w = open(Some(&dir.join(format!("{}.csv", t.name))))?;
                csv::table(&mut w, t, o.bom, o.dialect)?;
                w.flush()?;
            }
            return Ok(());
        }
    }
    let mut w = open(o.output.as_deref())?;
    match o.format() {
        Format::Table => term::report(&mut w, r, o.lang)?,
        Format::Md => md::report(&mut w, r, o.lang)?,
        Format::Json => json::report(&mut w, r)?,
        Format::Csv => {
            for (i, t) in r.tables().enumerate() {
                if i > 0 {
                    writeln!(w)?;
                }
                csv::table(&mut w, t, o.bom && i == 0, o.dialect)?;
            }
        }
        Format::Xlsx => unreachable!("workbooks are written by emit_xlsx"),
    }
    w.flush()?;
    Ok(())
}

/// A cell as people read it, in tables and Markdown.
pub(crate) fn display(c: &Cell, lang: Lang) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Num(x) => crate::text::format_number(*x, lang == Lang::Vi),
        Cell::Percent(x) => format!("{}%", crate::text::format_number((*x * 10.0).round() / 10.0, lang == Lang::Vi)),
        Cell::Date(d) => crate::text::format_date(*d),
        Cell::Enum(kind, v) => labels::label(&format!("{kind}.{v}"), lang).to_string(),
        Cell::Tree(0, s) => s.clone(),
        Cell::Tree(depth, s) => format!("{}└ {s}", "  ".repeat(depth - 1)),
    }
}
