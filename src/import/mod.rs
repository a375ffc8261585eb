//! The CSV import machinery every `import` shares (DESIGN.md "Imports").
//!
//! A file is read as a stream (never loaded whole), with or without a byte-order mark, comma or semicolon, its
//! headers matched to column keys by the key itself or its English or Vietnamese label. The caller runs the whole
//! file inside one transaction; every bad row is collected (up to [`MAX_ERRORS`]) as `FILE:LINE: column 'x': …`,
//! and one bad row means nothing is written.

pub mod awards;
pub mod people;
pub mod pledges;
pub mod registrations;
pub mod scores;
pub mod units;

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};

use indicatif::{ProgressBar, ProgressStyle};

use crate::error::{refused, refused_hint, Error, ImportFailure, Result};
use rusqlite::Connection;

use crate::db::people as stored_people;
use crate::model::{Outcome, PersonData};
use crate::output::{labels, Lang};
use crate::text::{clean, fold_key, match_key, split_name};

/// Bad rows listed before the import gives up listing (it still counts them).
pub const MAX_ERRORS: usize = 50;

/// One column an import reads: its key, whether it is required, and other header spellings it accepts.
pub struct Col {
    pub key: &'static str,
    pub required: bool,
    pub aliases: &'static [&'static str],
}

pub const fn col(key: &'static str, required: bool, aliases: &'static [&'static str]) -> Col {
    Col { key, required, aliases }
}

/// An open CSV file with its header matched to the columns asked for.
pub struct Source {
    pub name: String,
    reader: csv::Reader<Box<dyn Read>>,
    index: Vec<Option<usize>>,
    keys: Vec<&'static str>,
    record: csv::StringRecord,
    size: Option<u64>,
}

/// Opens `path` (`-` for stdin) and matches its header row to `cols`; a missing required column is an error naming
/// it and the columns the file has.
pub fn open(path: &str, cols: &[Col]) -> Result<Source> {
    if path == "-" {
        return open_reader("stdin", Box::new(io::stdin().lock()), None, cols);
    }
    let f = File::open(path).map_err(|e| refused(format!("cannot read '{path}': {e}")))?;
    let size = f.metadata().ok().map(|m| m.len());
    open_reader(path, Box::new(f), size, cols)
}

/// Opens CSV from any reader (`name` is what errors call it), e.g. the demo's data compiled into the binary.
pub fn open_reader(name: &str, raw: Box<dyn Read>, size: Option<u64>, cols: &[Col]) -> Result<Source> {
    let name = name.to_string();
    let mut buf = BufReader::with_capacity(1 << 16, raw);
    // Read the header line to choose the delimiter, then hand it back in front of the rest of the stream.
    let mut first = Vec::new();
    buf.read_until(b'\n', &mut first)?;
    if first.starts_with(crate::output::BOM) {
        first.drain(..3);
    }
    let delim = sniff(&first);
    let stream: Box<dyn Read> = Box::new(io::Cursor::new(first).chain(buf));
    let mut reader = csv::ReaderBuilder::new().delimiter(delim).flexible(true).has_headers(true).from_reader(stream);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(refused(format!("{name}:1: cannot read the header row: {}", csv_msg(&e)))),
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(refused_hint(format!("{name}: the file is empty or has no header row"), expected(cols)));
    }
    let folded: Vec<String> = headers.iter().map(fold_key).collect();
    let mut index = Vec::with_capacity(cols.len());
    let mut missing = Vec::new();
    for c in cols {
        let names = [c.key, labels::label(c.key, Lang::En), labels::label(c.key, Lang::Vi)];
        let names = names.iter().chain(c.aliases.iter()).map(|n| fold_key(n)).collect::<Vec<_>>();
        let at = folded.iter().position(|h| names.contains(h));
        if at.is_none() && c.required {
            missing.push(c.key);
        }
        index.push(at);
    }
    if !missing.is_empty() {
        let found: Vec<&str> = headers.iter().collect();
        return Err(refused_hint(
            format!(
                "{name}: missing column{} '{}' (the file has: {})",
                if missing.len() > 1 { "s" } else { "" },
                missing.join("', '"),
                found.join(", ")
            ),
            expected(cols),
        ));
    }
    Ok(Source {
        name,
        reader,
        index,
        keys: cols.iter().map(|c| c.key).collect(),
        record: csv::StringRecord::new(),
        size,
    })
}

fn expected(cols: &[Col]) -> String {
    let req: Vec<&str> = cols.iter().filter(|c| c.required).map(|c| c.key).collect();
    let opt: Vec<&str> = cols.iter().filter(|c| !c.required).map(|c| c.key).collect();
    format!("the header row needs {}; it may have {}", req.join(", "), opt.join(", "))
}

/// Comma unless the header line has more semicolons (spreadsheets in comma-decimal locales write `;`).
fn sniff(line: &[u8]) -> u8 {
    let (mut commas, mut semis, mut quoted) = (0, 0, false);
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if semis > commas {
        b';'
    } else {
        b','
    }
}

fn csv_msg(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "the text is not UTF-8; save the sheet as \"CSV UTF-8\" (old TCVN3/VNI files need converting to Unicode first)".into()
        }
        _ => e.to_string(),
    }
}

/// One row being read: cells by column key, cleaned (NFC, trimmed), empty as `None`.
pub struct Row<'a> {
    src: &'a Source,
    pub line: u64,
}

impl Row<'_> {
    pub fn get(&self, key: &str) -> Option<String> {
        let i = self.src.keys.iter().position(|k| *k == key)?;
        let at = self.src.index[i]?;
        let raw = self.src.record.get(at)?;
        // Undo the guard our CSV output puts before a formula sign (or a quote), so an export imports back to the
        // same text; then clean as every input.
        let raw = match raw.as_bytes() {
            [b'\'', b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'', ..] => &raw[1..],
            _ => raw,
        };
        let v = clean(raw);
        (!v.is_empty()).then_some(v)
    }

    /// Whether the file has this column at all: an absent column leaves the stored value as it is.
    pub fn has(&self, key: &str) -> bool {
        self.src.keys.iter().position(|k| *k == key).is_some_and(|i| self.src.index[i].is_some())
    }

    /// A required cell: missing is an error naming the column.
    pub fn need(&self, key: &str) -> Result<String> {
        self.get(key).ok_or_else(|| cell(key, "is empty"))
    }
}

/// A refusal about one cell; the import prefixes `FILE:LINE:`.
pub fn cell(col: &str, msg: impl std::fmt::Display) -> Error {
    refused(format!("column '{col}': {msg}"))
}

/// Rows inserted, updated and left as they were.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

impl Counts {
    pub fn add(&mut self, o: Outcome) {
        match o {
            Outcome::Inserted => self.inserted += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
    }

    pub fn summary(&self, name: &str) -> String {
        format!("{name}: {}", self.brief())
    }

    pub fn brief(&self) -> String {
        if self.inserted + self.updated == 0 {
            format!("nothing changed ({} rows already as in the file)", self.unchanged)
        } else {
            format!("{} inserted, {} updated, {} unchanged", self.inserted, self.updated, self.unchanged)
        }
    }
}

/// The past-tense verb of an outcome, for a command's message.
pub fn verb(o: Outcome) -> &'static str {
    match o {
        Outcome::Inserted => "added",
        Outcome::Updated => "updated",
        Outcome::Unchanged => "unchanged:",
    }
}

/// Bad rows of one file.
pub struct Errors {
    file: String,
    lines: Vec<String>,
    more: usize,
}

impl Errors {
    pub fn new(file: &str) -> Self {
        Errors { file: file.to_string(), lines: Vec::new(), more: 0 }
    }

    /// Records a row's refusal; any other error (the disk, the database) stops the import at once.
    pub fn add(&mut self, line: u64, e: Error) -> Result<()> {
        match e {
            Error::Refused { msg, .. } => {
                if self.lines.len() < MAX_ERRORS {
                    self.lines.push(format!("{}:{line}: {msg}", self.file));
                } else {
                    self.more += 1;
                }
                Ok(())
            }
            other => Err(other),
        }
    }

    pub fn finish(self) -> Result<()> {
        if self.lines.is_empty() {
            Ok(())
        } else {
            Err(Error::Import(ImportFailure { file: self.file, lines: self.lines, more: self.more }))
        }
    }
}

/// Reads every row, calling `f` on each; the row's refusals are collected, other errors stop at once. A progress
/// bar shows on stderr when it is a terminal and the file is large.
pub fn each_row(
    src: &mut Source,
    quiet: bool,
    errors: &mut Errors,
    mut f: impl FnMut(&Row) -> Result<()>,
) -> Result<()> {
    let bar = match src.size {
        Some(n) if !quiet && n > 1 << 20 && io::stderr().is_terminal() => {
            let b = ProgressBar::new(n);
            if let Ok(style) = ProgressStyle::with_template("{msg} {wide_bar} {bytes}/{total_bytes} {eta}") {
                b.set_style(style);
            }
            b.set_message(src.name.clone());
            b
        }
        _ => ProgressBar::hidden(),
    };
    let mut n: u64 = 0;
    loop {
        let mut rec = std::mem::take(&mut src.record);
        let more = src.reader.read_record(&mut rec);
        src.record = rec;
        let line = src.reader.position().line();
        match more {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                errors.add(line, refused(csv_msg(&e)))?;
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        if src.record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = Row { src, line: src.record.position().map_or(line, |p| p.line()) };
        if let Err(e) = f(&row) {
            errors.add(row.line, e)?;
        }
        n += 1;
        if n.is_multiple_of(4096) {
            bar.set_position(src.reader.position().byte());
        }
    }
    bar.finish_and_clear();
    Ok(())
}

/// The row's person, if it names one (columns `person` and `person_code`): by staff code, else by name within the
/// row's unit; created there with `--create-people`. Shared by the imports that name people.
pub fn person(conn: &Connection, row: &Row, unit_id: i64, create: bool, created: &mut u64) -> Result<Option<i64>> {
    let code = row.get("person_code");
    let name = row.get("person");
    if let Some(c) = &code {
        if let Some(p) = stored_people::by_staff_code(conn, c)? {
            if p.unit_id != unit_id {
                return Err(cell(
                    "person_code",
                    format!("'{c}' is {} of {}, not of this row's unit", p.full_name, p.unit_code),
                ));
            }
            return Ok(Some(p.id));
        }
    }
    let Some(name) = name else {
        return match code {
            Some(c) if !create => {
                Err(cell("person_code", format!("no person with staff code '{c}'; add --create-people with a name")))
            }
            Some(_) => Err(cell("person", "is empty: a person to create needs a name")),
            None => Ok(None),
        };
    };
    let same = stored_people::by_name_in_unit(conn, unit_id, &match_key(&name))?;
    match same.len() {
        1 => Ok(Some(same[0].id)),
        0 if create => {
            let parts = split_name(&name, None, None).map_err(|m| cell("person", m))?;
            let d = PersonData {
                unit_id,
                full_name: name,
                family: parts.family,
                middle: parts.middle,
                given: parts.given,
                staff_code: code,
                ..Default::default()
            };
            *created += 1;
            Ok(Some(stored_people::insert(conn, &d)?))
        }
        0 => Err(cell("person", format!("no person '{name}' in this unit; add --create-people to create them"))),
        n => {
            Err(cell("person", format!("{n} people named '{name}' in this unit; give their staff code (person_code)")))
        }
    }
}
