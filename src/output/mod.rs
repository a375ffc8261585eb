//! Rendering: every list and report goes through here, as a terminal table, CSV, JSON or Markdown (docs/architecture.md
//! "Output"). Data goes to stdout or the `-o` file; a closed pipe surfaces as `BrokenPipe`, which `main` ends
//! quietly.

mod csv;
mod json;
pub mod labels;
mod md;
pub mod messages;
pub mod table;
mod term;
mod xlsx;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub use self::csv::BOM;
pub use table::{Cell, Report, Table};

use crate::error::{refused, Result};

id_enum! {
    /// How a list or report is printed.
    Format, labels = "format" {
        Table = "table",
        Csv = "csv",
        Json = "json",
        Md = "md",
        Xlsx = "xlsx",
    }
}

id_enum! {
    /// The language of what people read.
    #[derive(Default)]
    Lang, labels = "lang" {
        #[default]
        En = "en",
        Vi = "vi",
    }
}

id_enum! {
    /// How CSV is written: for scripts (`,`, ISO dates, plain numbers, identifiers and English keys), or the way a
    /// Vietnamese spreadsheet reads it (`;`, decimal comma, dd/mm/yyyy, Vietnamese headers and values).
    #[derive(Default)]
    Dialect, labels = "dialect" {
        #[default]
        Plain = "plain" | "en",
        Vi = "vi",
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
    save_xlsx(xlsx::workbook(tables, o.lang)?, o)
}

fn save_xlsx(mut wb: rust_xlsxwriter::Workbook, o: &Opts) -> Result<()> {
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

/// `--table NAME` given to a list: its one table must be that one.
fn check_table(name: &str, o: &Opts) -> Result<()> {
    match o.table.as_deref().filter(|n| *n != name) {
        Some(n) => {
            Err(crate::error::refused_hint(format!("this list has no table '{n}'"), format!("its table: `{name}`")))
        }
        None => Ok(()),
    }
}

pub fn emit_table(t: &Table, o: &Opts) -> Result<()> {
    check_table(&t.name, o)?;
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
                format!("its tables: {}", r.tables().map(|t| format!("`{}`", t.name)).collect::<Vec<_>>().join(", ")),
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

/// A list written row by row as its rows come from the file, so a national list (a million people) is never held
/// whole: CSV, JSON and workbooks stream; a terminal table and Markdown are laid out whole at the end.
pub struct Stream<'a> {
    o: &'a Opts,
    sink: Sink,
}

enum Sink {
    Whole(Table),
    Csv(Box<::csv::Writer<Box<dyn Write>>>, Dialect),
    Json(Box<dyn Write>, Vec<String>, usize),
    Xlsx(Box<xlsx::Streamed>),
}

impl<'a> Stream<'a> {
    pub fn start(name: &str, columns: &[&str], o: &'a Opts) -> Result<Self> {
        check_table(name, o)?;
        let cols: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        let sink = match o.format() {
            Format::Table | Format::Md => Sink::Whole(Table::new(name, columns)),
            Format::Csv => {
                let mut w = open(o.output.as_deref())?;
                if o.bom {
                    w.write_all(BOM)?;
                }
                let mut cw = csv::writer(w, o.dialect);
                cw.write_record(csv::header(&cols, o.dialect))?;
                Sink::Csv(Box::new(cw), o.dialect)
            }
            Format::Json => {
                let mut w = open(o.output.as_deref())?;
                w.write_all(b"[")?;
                Sink::Json(w, cols, 0)
            }
            Format::Xlsx => Sink::Xlsx(Box::new(xlsx::Streamed::start(name, &cols, o.lang)?)),
        };
        Ok(Stream { o, sink })
    }

    pub fn push(&mut self, row: Vec<Cell>) -> Result<()> {
        match &mut self.sink {
            Sink::Whole(t) => t.push(row),
            Sink::Csv(w, d) => w.write_record(csv::record(&row, *d))?,
            Sink::Json(w, cols, n) => {
                w.write_all(if *n == 0 { b"\n" } else { b",\n" })?;
                w.write_all(json::element(cols, &row)?.as_bytes())?;
                *n += 1;
            }
            Sink::Xlsx(x) => x.row(&row)?,
        }
        Ok(())
    }

    pub fn finish(self) -> Result<()> {
        match self.sink {
            Sink::Whole(t) => emit_table(&t, self.o),
            Sink::Csv(mut w, _) => Ok(w.flush()?),
            Sink::Json(mut w, _, n) => {
                w.write_all(if n == 0 { b"]\n" } else { b"\n]\n" })?;
                Ok(w.flush()?)
            }
            Sink::Xlsx(x) => save_xlsx(x.finish()?, self.o),
        }
    }
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
