//! Rendering: every list and report goes through here, as a terminal table, CSV, JSON or Markdown (docs/architecture.md
//! "Output"). Data goes to stdout or the `-o` file; a closed pipe surfaces as `BrokenPipe`, which `main` ends
//! quietly.

mod csv;
pub mod document;
pub mod docx;
pub mod help;
mod json;
pub use crate::labels;
pub use crate::labels::Lang;
mod md;
pub mod messages;
pub mod sheet;
pub mod table;
mod term;
mod xlsx;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub use self::csv::BOM;
pub use table::{Cell, Form, Report, Table};

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
    /// Replace an existing `-o` file.
    pub force: bool,
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

/// Where output goes: standard output, or an `-o` file made whole — written under a temporary name beside it
/// (private, 0600) and put in place by [`Out::done`]; an existing file is refused unless `--force`, and a link at
/// the place is replaced, never followed.
pub(crate) struct Out {
    w: BufWriter<Box<dyn Write>>,
    file: Option<(PathBuf, PathBuf, bool)>,
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.w.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

impl Out {
    /// Flushes, and puts a file in place.
    pub(crate) fn done(mut self) -> Result<()> {
        self.w.flush()?;
        if let Some((tmp, path, force)) = self.file.take() {
            place(&tmp, &path, force)?;
        }
        Ok(())
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        if let Some((tmp, _, _)) = &self.file {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// The temporary name beside an output file.
fn part_of(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.part", std::process::id()))
}

/// Refuses an output place that is taken (unless `force`), a folder, or a device, a pipe or a socket: `--force`
/// replaces a regular file, or a link itself (never what it points to). Clears first what a killed run left of its
/// own work there.
fn check_place(path: &Path, force: bool) -> Result<()> {
    crate::db::newfile::clear_leftovers(path);
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => Err(refused(msg!("'{}' is a folder", path.display()))),
        Ok(m) if !m.is_file() && !m.file_type().is_symlink() => Err(refused(msg!(
            "'{}' is not a regular file: thidua replaces a file, never a device or a pipe",
            path.display()
        ))),
        Ok(_) if !force => {
            Err(crate::error::refused_hint(msg!("'{}' already exists", path.display()), "add --force to replace it"))
        }
        _ => Ok(()),
    }
}

/// Puts a finished temporary file in place: synced, renamed over the place (a link there is replaced).
fn place(tmp: &Path, path: &Path, force: bool) -> Result<()> {
    check_place(path, force)?;
    File::open(tmp).and_then(|f| f.sync_all())?;
    std::fs::rename(tmp, path).map_err(|e| refused(msg!("cannot write '{}': {}", path.display(), e)))?;
    crate::db::newfile::sync_dir(path);
    Ok(())
}

/// A new private file (0600), never an existing one.
fn private_create(path: &Path) -> Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path).map_err(|e| refused(msg!("cannot write '{}': {}", path.display(), e)))
}

fn open(path: Option<&Path>, force: bool) -> Result<Out> {
    Ok(match path {
        Some(p) if p.as_os_str() != "-" => {
            check_place(p, force)?;
            let tmp = part_of(p);
            let _ = std::fs::remove_file(&tmp);
            let f = private_create(&tmp)?;
            Out { w: BufWriter::new(Box::new(f)), file: Some((tmp, p.to_path_buf(), force)) }
        }
        _ => Out { w: BufWriter::new(Box::new(io::stdout().lock())), file: None },
    })
}

/// A workbook of the tables, to the `-o` file or to standard output when that is not a terminal.
fn emit_xlsx(tables: &[&Table], o: &Opts) -> Result<()> {
    save_xlsx(xlsx::workbook(tables, o.lang)?, o)
}

/// A document written to `path`: `.docx`, or Markdown for any other name; made whole under a temporary name and
/// put in place, so a failure leaves no half-written file. Without a path, Markdown to standard output.
pub fn emit_document(d: &document::Document, path: Option<&Path>, force: bool) -> Result<()> {
    let Some(p) = path.filter(|p| p.as_os_str() != "-") else {
        let mut out = io::stdout().lock();
        document::markdown(&mut out, d)?;
        return Ok(out.flush()?);
    };
    let is_docx = p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    let bytes = if is_docx {
        docx::bytes(d)?
    } else {
        let mut v = Vec::new();
        document::markdown(&mut v, d)?;
        v
    };
    save_bytes(p, &bytes, force)
}

/// Bytes written to `path` as every output file is: made whole under a temporary private name, synced, put in place
/// (refused when the place is taken, unless `force`); a failure leaves nothing behind.
pub fn save_bytes(p: &Path, bytes: &[u8], force: bool) -> Result<()> {
    check_place(p, force)?;
    let tmp = part_of(p);
    let _ = std::fs::remove_file(&tmp);
    let saved = private_create(&tmp)
        .and_then(|mut f| Ok(f.write_all(bytes).and_then(|()| f.sync_all())?))
        .and_then(|()| place(&tmp, p, force));
    if saved.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    saved
}

/// A folder for output files: an existing one as it is, a new one private (0700).
pub fn make_private_dir(dir: &Path) -> Result<()> {
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(refused(msg!("'{}' is not a folder", dir.display()))),
        Err(_) => {
            let mut b = std::fs::DirBuilder::new();
            b.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
            b.create(dir).map_err(|e| refused(msg!("cannot create folder '{}': {}", dir.display(), e)))
        }
    }
}

fn save_xlsx(mut wb: rust_xlsxwriter::Workbook, o: &Opts) -> Result<()> {
    match o.output.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(p) => {
            check_place(p, o.force)?;
            let tmp = part_of(p);
            let _ = std::fs::remove_file(&tmp);
            let saved =
                private_create(&tmp).and_then(|f| xlsx::save(&mut wb, f, p)).and_then(|()| place(&tmp, p, o.force));
            if saved.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            saved
        }
        None if io::stdout().is_terminal() => Err(crate::error::usage(msg!(
            "a workbook is a file, not for the terminal: give -o FILE.xlsx, or send it through a pipe"
        ))),
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
        Some(n) => Err(crate::error::refused_hint(
            msg!("this list has no table '{}'", n),
            msg!("its table: {}", format!("`{name}`")),
        )),
        None => Ok(()),
    }
}

pub fn emit_table(t: &Table, o: &Opts) -> Result<()> {
    check_table(&t.name, o)?;
    if o.format() == Format::Xlsx {
        return emit_xlsx(&[t], o);
    }
    let mut w = open(o.output.as_deref(), o.force)?;
    write_table(&mut w, t, o)?;
    w.done()
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
                msg!("this report has no table '{}'", name),
                msg!("its tables: {}", r.tables().map(|t| format!("`{}`", t.name)).collect::<Vec<_>>().join(", ")),
            )),
        };
    }
    if o.format() == Format::Xlsx {
        return emit_xlsx(&r.tables().collect::<Vec<_>>(), o);
    }
    if o.format() == Format::Csv {
        if let Some(dir) = o.output.as_deref().filter(|p| p.is_dir() || p.to_string_lossy().ends_with('/')) {
            make_private_dir(dir)?;
            for t in r.tables() {
                let mut w = open(Some(&dir.join(format!("{}.csv", t.name))), o.force)?;
                csv::table(&mut w, t, o.bom, o.dialect)?;
                w.done()?;
            }
            return Ok(());
        }
    }
    let mut w = open(o.output.as_deref(), o.force)?;
    match o.format() {
        Format::Table => term::report(&mut w, r, o.lang)?,
        Format::Md => md::report(&mut w, r, o.lang)?,
        Format::Json => json::report(&mut w, r, o.lang)?,
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
    w.done()
}

/// A list written row by row as its rows come from the file, so a national list (a million people) is never held
/// whole: CSV, JSON and workbooks stream; a terminal table and Markdown a block of rows at a time (a list of one
/// block is laid out whole, as [`emit_table`] lays it out).
pub struct Stream<'a> {
    o: &'a Opts,
    sink: Sink,
}

enum Sink {
    /// The rows of the block at hand; the output once the first block is written, and the widest cells so far.
    Blocks(Table, Option<Out>, Vec<u16>),
    Csv(Box<::csv::Writer<Out>>, Dialect),
    Json(Box<Out>, Vec<String>, usize),
    Xlsx(Box<xlsx::Streamed>),
}

impl<'a> Stream<'a> {
    pub fn start(name: &str, columns: &[&str], o: &'a Opts) -> Result<Self> {
        check_table(name, o)?;
        let cols: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        let sink = match o.format() {
            Format::Table | Format::Md => Sink::Blocks(Table::new(name, columns), None, Vec::new()),
            Format::Csv => {
                let mut w = open(o.output.as_deref(), o.force)?;
                if o.bom {
                    w.write_all(BOM)?;
                }
                let mut cw = csv::writer(w, o.dialect);
                cw.write_record(csv::header(&cols, o.dialect))?;
                Sink::Csv(Box::new(cw), o.dialect)
            }
            Format::Json => {
                let mut w = open(o.output.as_deref(), o.force)?;
                w.write_all(b"[")?;
                Sink::Json(Box::new(w), cols, 0)
            }
            Format::Xlsx => Sink::Xlsx(Box::new(xlsx::Streamed::start(name, &cols, o.lang)?)),
        };
        Ok(Stream { o, sink })
    }

    pub fn push(&mut self, row: Vec<Cell>) -> Result<()> {
        match &mut self.sink {
            Sink::Blocks(t, out, widths) => {
                if t.rows.len() == term::BLOCK {
                    self::block(t, out, widths, self.o)?;
                }
                t.push(row);
            }
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
            Sink::Blocks(t, None, _) => emit_table(&t, self.o),
            Sink::Blocks(mut t, Some(out), mut widths) => {
                let mut out = Some(out);
                if !t.rows.is_empty() {
                    block(&mut t, &mut out, &mut widths, self.o)?;
                }
                out.map_or(Ok(()), Out::done)
            }
            Sink::Csv(w, _) => w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?.done(),
            Sink::Json(mut w, _, n) => {
                w.write_all(if n == 0 { b"]\n" } else { b"\n]\n" })?;
                w.done()
            }
            Sink::Xlsx(x) => save_xlsx(x.finish()?, self.o),
        }
    }
}

/// Writes the rows held as the next block of a long terminal or Markdown list, and lets them go.
fn block(t: &mut Table, out: &mut Option<Out>, widths: &mut Vec<u16>, o: &Opts) -> Result<()> {
    let w = match out {
        Some(w) => w,
        None => {
            let mut w = open(o.output.as_deref(), o.force)?;
            if o.format() == Format::Md {
                md::head(&mut w, &t.columns, &t.rows, o.lang)?;
            }
            out.insert(w)
        }
    };
    match o.format() {
        Format::Md => md::rows(w, &t.rows, o.lang)?,
        _ => term::block(w, &t.columns, &t.rows, o.lang, widths)?,
    }
    t.rows.clear();
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
        Cell::Bound(x, strict) => format!(
            "{}{}%",
            if *strict { "> " } else { "" },
            crate::text::format_number((*x * 10.0).round() / 10.0, lang == Lang::Vi)
        ),
        Cell::Date(d) => crate::text::format_date(*d),
        // A list of values of one kind ("female,group_a,penalty"): each in words, in order.
        Cell::Enum(kind, v) if v.contains(',') => v
            .split(',')
            .map(|x| labels::label(&format!("{kind}.{}", x.trim()), lang).to_string())
            .collect::<Vec<_>>()
            .join(", "),
        // Values that go together ("individual+collective"): each in words.
        Cell::Enum(kind, v) if v.contains('+') => v
            .split('+')
            .map(|x| labels::label(&format!("{kind}.{}", x.trim()), lang).to_string())
            .collect::<Vec<_>>()
            .join(" + "),
        Cell::Enum(kind, v) => labels::label(&format!("{kind}.{v}"), lang).to_string(),
        Cell::Time(t) => crate::text::format_timestamp(t),
        Cell::Tables(v) => v
            .iter()
            .map(|(t, n)| format!("{} {n}", labels::label(&format!("{t}_rows"), lang)))
            .collect::<Vec<_>>()
            .join(", "),
        Cell::Msg(m) => messages::text(m, lang),
        Cell::Cite(text, true) => text.clone(),
        Cell::Cite(text, false) => format!("{text} ({})", labels::label("unconfirmed", lang)),
        Cell::Tree(0, s) => s.clone(),
        Cell::Tree(depth, s) => format!("{}└ {s}", "  ".repeat(depth - 1)),
    }
}

/// Prints an error for people, in their language: the bad rows of an import first, then the verdict and a hint. A
/// fault (SQLite or the system failing, not the user's doing) says so and what to send.
pub fn print_error(e: &crate::error::Error, lang: Lang) {
    use crate::error::Error;
    use crate::msg::Msg;
    use crate::output::messages::text;
    let say = |m: Msg| text(&m, lang);
    let mut err = io::stderr().lock();
    let msg = match e {
        Error::Sqlite(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::DatabaseBusy => {
            say(msg!("the file is busy: another program has held it for 10 seconds; try again when it is done"))
        }
        Error::Sqlite(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::ReadOnly => {
            say(msg!("the file is read-only for you; check its permissions"))
        }
        Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) =>
        {
            // SQLite's own words, quoted.
            let _ = writeln!(
                err,
                "{}: {}",
                say(msg!("error")),
                say(msg!("the file is damaged: {}; nothing was changed", format!("“{e}”")))
            );
            let _ = writeln!(
                err,
                "{}: {}",
                say(msg!("hint")),
                say(msg!(
                    "`thidua db check` says where; put the latest backup in its place (`thidua db backup` makes them)"
                ))
            );
            return;
        }
        Error::Sqlite(_) | Error::Io(_) => say(msg!("internal fault, nothing was changed: {}", format!("“{e}”"))),
        Error::Import(f) => {
            for l in &f.lines {
                let _ = writeln!(err, "{}", text(l, lang));
            }
            if f.more > 0 {
                let _ = writeln!(err, "{}", say(msg!("… and {} more", f.more)));
            }
            say(f.verdict())
        }
        other => say(other.message()),
    };
    let _ = writeln!(err, "{}: {msg}", say(msg!("error")));
    if let Some(h) = e.hint() {
        let _ = writeln!(err, "{}: {}", say(msg!("hint")), text(h, lang));
    }
    if e.is_fault() {
        let _ = writeln!(
            err,
            "{}: {}",
            say(msg!("hint")),
            say(msg!("this is a fault of thidua or of the system, not of what you typed: send this message, the command and `thidua --version` to whoever maintains thidua for you"))
        );
    }
}

/// Messages on stdout, one a line, in the reader's language (what `db check` finds).
pub fn print_lines(lines: &[crate::msg::Msg], lang: Lang) -> Result<()> {
    let mut out = io::stdout().lock();
    for l in lines {
        writeln!(out, "{}", messages::text(l, lang))?;
    }
    out.flush()?;
    Ok(())
}

/// A statistical form as a workbook laid out like the printed form (`report form … -o F.xlsx`).
pub fn emit_form(f: &Form, o: &Opts) -> Result<()> {
    save_xlsx(xlsx::form(f)?, o)
}
