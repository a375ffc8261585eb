//! The CSV import machinery every `import` shares (docs/architecture.md, README "Imports").
//!
//! A file is read as a stream (never loaded whole), with or without a byte-order mark, comma or semicolon, its
//! headers matched to column keys by the key itself or its English or Vietnamese label. The caller runs the whole
//! file inside one transaction; every bad row is collected (up to [`MAX_ERRORS`]) as `FILE:LINE: column 'x': …`,
//! and one bad row means nothing is written.

pub mod awards;
pub mod ballots;
pub mod initiatives;
pub mod people;
pub mod pledges;
pub mod ratings;
pub mod registrations;
pub mod scores;
pub mod units;

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard, PoisonError};

use indicatif::{ProgressBar, ProgressStyle};

use crate::error::{refused, refused_hint, Error, ImportFailure, Result};
use crate::msg::Msg;
use rusqlite::Connection;

use crate::db::people as stored_people;
use crate::db::units::Trees;
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
    /// A column the matching list writes that the import does not read (an id, a derived name): accepted and
    /// skipped, so a list's CSV imports back.
    pub skip: bool,
}

pub const fn col(key: &'static str, required: bool, aliases: &'static [&'static str]) -> Col {
    Col { key, required, aliases, skip: false }
}

/// A column the list writes and the import passes over.
pub const fn skip(key: &'static str) -> Col {
    Col { key, required: false, aliases: &[], skip: true }
}

/// Columns whose cells may hold a line break (a quoted cell in a spreadsheet): free text. A line break in any
/// other column (a code, a name, a date, a number) is an error, which also catches a quote left open.
const MULTILINE: &[&str] = &["note", "reason", "evidence", "summary", "purpose", "result_note"];

/// An open CSV file with its header matched to the columns asked for.
pub struct Source {
    pub name: String,
    /// What a bad row's place starts with: `FILE:` before a line number, `FILE:Sheet!` before a row number.
    place: String,
    input: Input,
    index: Vec<Option<usize>>,
    keys: Vec<&'static str>,
    /// How many cells the header has: a cell beyond it holding text is an error, not dropped.
    width: usize,
    /// Header cells left empty: text under one is an error (a merged header, a column without a name).
    unnamed: Vec<usize>,
    record: csv::StringRecord,
    size: Option<u64>,
}

/// Where the rows come from.
enum Input {
    Csv {
        reader: csv::Reader<Box<dyn Read + Send>>,
        /// Line numbers and open quotes, from the bytes the CSV parser reads (shared with the stream it reads,
        /// which the reader owns; a Mutex so a large import can read on a thread of its own).
        scan: Arc<Mutex<Scan>>,
    },
    /// A workbook's sheet, read whole by calamine; `next` is the next row of `cells` (its header is row 0).
    Sheet { cells: calamine::Range<calamine::Data>, formulas: Option<calamine::Range<String>>, next: usize },
    /// An .xlsx sheet read as it is parsed, on a thread of its own (a national list in a workbook is never held
    /// whole); `rows` is the sheet's height as the workbook gives it, `line` the last row read.
    Stream { rx: mpsc::Receiver<Streamed>, rows: u64, line: u64 },
}

/// A row of a streamed sheet (0-based): each cell's column (0-based) and text, and the first problem of a cell.
struct SheetRow {
    at: u32,
    cells: Vec<(u32, String)>,
    problem: Option<Msg>,
}

/// What the thread reading an .xlsx sheet sends, in order.
enum Streamed {
    /// The sheet's last row (0-based) as the workbook declares it, first.
    Height(u32),
    /// A row with text in it.
    Row(SheetRow),
    /// The workbook cannot be read further.
    Failed(String),
}

/// Opens `path` (`-` for stdin) and matches its header row to `cols`; a missing required column is an error naming
/// it and the columns the file has, a header the import does not know is an error naming the nearest known one
/// unless `ignore` lists it.
pub fn open(path: &str, cols: &[Col], ignore: &[String], sheet: Option<&str>) -> Result<Source> {
    if is_workbook(path) {
        return open_sheet(path, cols, ignore, sheet);
    }
    if let Some(s) = sheet {
        return Err(crate::error::usage(msg!(
            "--sheet '{}' is for a workbook (.xlsx, .ods); '{}' is read as CSV",
            s,
            path
        )));
    }
    if path == "-" {
        return open_reader("stdin", Box::new(io::stdin()), None, cols, ignore);
    }
    // A device, a pipe or a folder is no list: checked before it is opened (a FIFO would wait for a writer).
    let meta = std::fs::metadata(path).map_err(|e| refused(msg!("cannot read '{}': {}", path, e)))?;
    if !meta.is_file() {
        return Err(refused(msg!("'{}' is not a regular file", path)));
    }
    let f = File::open(path).map_err(|e| refused(msg!("cannot read '{}': {}", path, e)))?;
    open_reader(path, Box::new(f), Some(meta.len()), cols, ignore)
}

/// Opens CSV from any reader (`name` is what errors call it), e.g. the demo's data compiled into the binary.
pub fn open_reader(
    name: &str,
    raw: Box<dyn Read + Send>,
    size: Option<u64>,
    cols: &[Col],
    ignore: &[String],
) -> Result<Source> {
    let name = name.to_string();
    let mut buf = BufReader::with_capacity(1 << 16, raw);
    // Read the header line to choose the delimiter, then hand it back in front of the rest of the stream.
    let mut first = Vec::new();
    (&mut buf).take(MAX_LINE as u64 + 1).read_until(b'\n', &mut first)?;
    if first.len() > MAX_LINE {
        return Err(refused(msg!("{}:{}: {}", name, 1, msg!("a line is longer than 1 MiB: is it a CSV file?"))));
    }
    if first.starts_with(crate::output::BOM) {
        first.drain(..3);
    }
    // UTF-16 (Excel's "Unicode text") is read as nothing but NUL bytes: say what it is.
    if first.starts_with(&[0xFF, 0xFE])
        || first.starts_with(&[0xFE, 0xFF])
        || first.iter().filter(|b| **b == 0).count() * 4 > first.len().max(1)
    {
        return Err(refused_hint(
            msg!("{}: the file is UTF-16 text, not UTF-8", name),
            "save the sheet as \"CSV UTF-8\" (or as .xlsx, which thidua reads too)",
        ));
    }
    let delim = sniff(&first);
    let scan = Arc::new(Mutex::new(Scan::new(delim)));
    let stream: Box<dyn Read + Send> =
        Box::new(Scanned { inner: io::Cursor::new(first).chain(buf), scan: Arc::clone(&scan), run: 0 });
    let mut reader = csv::ReaderBuilder::new().delimiter(delim).flexible(true).has_headers(true).from_reader(stream);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(refused(msg!("{}:1: cannot read the header row: {}", name, csv_msg(&e)))),
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(refused_hint(msg!("{}: the file is empty or has no header row", name), expected(cols)));
    }
    if headers.iter().any(|h| h.contains(['\n', '\r'])) {
        return Err(refused(msg!(
            "{}:1: the header row holds a line break inside a quoted cell; is a quote left open?",
            name
        )));
    }
    let heads: Vec<String> = headers.iter().map(str::to_string).collect();
    let (index, unnamed) = match_header(&name, &heads, cols, ignore)?;
    Ok(Source {
        place: format!("{name}:"),
        name,
        input: Input::Csv { reader, scan },
        index,
        keys: cols.iter().map(|c| c.key).collect(),
        width: heads.len(),
        unnamed,
        record: csv::StringRecord::new(),
        size,
    })
}

/// Matches a header row to the columns asked for: the index of each column's cell, and the header cells left
/// empty. A missing required column, or a header the import does not know (and was not told to ignore), is an
/// error naming it.
fn match_header(
    name: &str,
    headers: &[String],
    cols: &[Col],
    ignore: &[String],
) -> Result<(Vec<Option<usize>>, Vec<usize>)> {
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(refused_hint(msg!("{}: the file is empty or has no header row", name), expected(cols)));
    }
    let folded: Vec<String> = headers.iter().map(|h| fold_key(h)).collect();
    let names_of = |c: &Col| -> Vec<String> {
        let names = [c.key, labels::label(c.key, Lang::En), labels::label(c.key, Lang::Vi)];
        names.iter().chain(c.aliases.iter()).map(|n| fold_key(n)).collect()
    };
    let mut index = Vec::with_capacity(cols.len());
    let mut missing = Vec::new();
    for c in cols {
        let names = names_of(c);
        let at = folded.iter().position(|h| names.contains(h));
        if at.is_none() && c.required {
            missing.push(c.key);
        }
        index.push(if c.skip { None } else { at });
    }
    if !missing.is_empty() {
        return Err(refused_hint(
            {
                let has = headers.iter().take(12).map(|h| format!("'{}'", cut(h, 40))).collect::<Vec<_>>().join(", ");
                if missing.len() > 1 {
                    msg!("{}: missing columns '{}' (the file has: {})", name, missing.join("', '"), has)
                } else {
                    msg!("{}: missing column '{}' (the file has: {})", name, missing.join("', '"), has)
                }
            },
            expected(cols),
        ));
    }
    // Every header is a column the import reads or knows to skip, or one the user said to ignore: a column
    // dropped silently is data lost ("Ngày sinh" read as nothing).
    let ignored: Vec<String> = ignore.iter().map(|i| fold_key(i)).collect();
    for (h, f) in headers.iter().zip(&folded) {
        if f.is_empty() || ignored.contains(f) || cols.iter().any(|c| names_of(c).contains(f)) {
            continue;
        }
        let all: Vec<String> = cols.iter().filter(|c| !c.skip).flat_map(names_of).collect();
        let near = crate::text::nearest(h, all.iter().map(String::as_str), 1);
        let near = near.first().and_then(|n| cols.iter().find(|c| names_of(c).contains(n)));
        return Err(refused_hint(
            match near {
                Some(c) => msg!("{}: unknown column '{}'; did you mean '{}'?", name, cut(h, 60), c.key),
                None => msg!("{}: unknown column '{}'", name, cut(h, 60)),
            },
            {
                let (req, opt) = columns_of(cols);
                msg!(
                    "the header row needs {}; it may have {}; to skip it, add --ignore-columns '{}'",
                    req,
                    opt,
                    cut(h, 60)
                )
            },
        ));
    }
    let unnamed = folded.iter().enumerate().filter(|(_, f)| f.is_empty()).map(|(i, _)| i).collect();
    Ok((index, unnamed))
}

/// The rows of one file that name the same record: the second is refused naming the first's line, where the last
/// would otherwise win without a word (two scores of one unit and criterion, two ratings of one person and year).
pub struct Once<K> {
    seen: HashMap<K, u64>,
}

impl<K: std::hash::Hash + Eq> Default for Once<K> {
    fn default() -> Self {
        Once { seen: HashMap::new() }
    }
}

impl<K: std::hash::Hash + Eq> Once<K> {
    /// `what`: the record as the message names it ("unit", "score", "rating", "ballot").
    pub fn check(&mut self, key: K, line: u64, what: &str) -> Result<()> {
        match self.seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => Err(refused(match what {
                "unit" => msg!("the same unit as line {} of this file", e.get()),
                "score" => msg!("the same score as line {} of this file", e.get()),
                "ballot" => msg!("the same ballot as line {} of this file", e.get()),
                _ => msg!("the same row as line {} of this file", e.get()),
            })),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(line);
                Ok(())
            }
        }
    }
}

/// [`Once`] for a large table whose unique indexes find the repeat: the line of this file that wrote each row,
/// kept by the row's number (4 bytes a row where a map of a million ratings' keys took 86 MB, and twice that while
/// it grew). A row the file writes a second time is refused naming the first's line.
#[derive(Default)]
pub struct Written {
    lines: Vec<u32>,
    /// Rows numbered beyond [`Written::DENSE`] (a table whose numbers were set by hand).
    far: HashMap<i64, u64>,
}

impl Written {
    const DENSE: i64 = 1 << 22;

    /// `id`: the row this line wrote or would write.
    pub fn check(&mut self, id: i64, line: u64, what: &str) -> Result<()> {
        let first = if (0..Self::DENSE).contains(&id) {
            let i = id as usize;
            if self.lines.len() <= i {
                self.lines.resize((i + 1).max(self.lines.len() * 2), 0);
            }
            let seen = self.lines[i];
            if seen == 0 {
                self.lines[i] = u32::try_from(line).unwrap_or(u32::MAX);
            }
            u64::from(seen)
        } else {
            let seen = *self.far.entry(id).or_insert(line);
            if seen == line {
                0
            } else {
                seen
            }
        };
        // Lines count from 1: 0 is a row this file has not written.
        if first == 0 {
            return Ok(());
        }
        Err(refused(match what {
            "rating" => msg!("the same rating as line {} of this file", first),
            _ => msg!("the same row as line {} of this file", first),
        }))
    }
}

/// The rows of an Excel sheet.
const EXCEL_ROWS: u32 = 1_048_576;

/// Whether a path names a workbook (read with calamine) rather than CSV.
fn is_workbook(path: &str) -> bool {
    let ext = std::path::Path::new(path).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods"))
}

/// The text a spreadsheet shows for a formula that failed: what an .ods keeps in the cell.
fn is_error_text(t: &str) -> bool {
    matches!(t, "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!")
        || t.strip_prefix("Err:").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether an .ods's content ends as a document does: one cut short (a copy broken off, a download stopped right
/// after a row) sent the workbook reader into a loop that never ends. Read through once, holding only its tail.
fn ods_whole(path: &str) -> bool {
    let Ok(f) = std::fs::File::open(path) else { return true };
    let Ok(mut zip) = zip::ZipArchive::new(f) else { return true };
    let Ok(mut content) = zip.by_name("content.xml") else { return true };
    let mut tail: Vec<u8> = Vec::with_capacity(256);
    let mut buf = [0u8; 64 * 1024];
    loop {
        match std::io::Read::read(&mut content, &mut buf) {
            Ok(0) => break,
            Ok(n) => {
                tail.extend_from_slice(&buf[..n]);
                if tail.len() > 256 {
                    tail.drain(..tail.len() - 256);
                }
            }
            // A damaged stream is the reader's to report.
            Err(_) => return true,
        }
    }
    String::from_utf8_lossy(&tail).trim_end().ends_with("</office:document-content>")
}

/// Opens a sheet of a workbook (the first, or `sheet` by name); its first row is the header.
fn open_sheet(path: &str, cols: &[Col], ignore: &[String], sheet: Option<&str>) -> Result<Source> {
    use calamine::Reader;
    let meta = std::fs::metadata(path).map_err(|e| refused(msg!("cannot read '{}': {}", path, e)))?;
    if !meta.is_file() {
        return Err(refused(msg!("'{}' is not a regular file", path)));
    }
    let unreadable = |e: &dyn std::fmt::Display| {
        refused_hint(
            msg!("cannot read '{}' as a workbook (“{}”)", path, cut(&e.to_string(), 200)),
            "save it from the spreadsheet program as .xlsx or .ods, without a password",
        )
    };
    if path.to_ascii_lowercase().ends_with(".ods") && !ods_whole(path) {
        return Err(refused_hint(
            msg!("'{}' is cut short: its content ends before the document does", path),
            "save it again from the spreadsheet program, or ask for the whole file",
        ));
    }
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| unreadable(&e))?;
    let names = wb.sheet_names();
    // A hidden sheet (Excel's hidden or very hidden, a table not displayed in LibreOffice) is read only when named;
    // a name is matched exactly first, then ignoring case and accents.
    let visible: Vec<String> = wb
        .sheets_metadata()
        .iter()
        .filter(|m| m.visible == calamine::SheetVisible::Visible)
        .map(|m| m.name.clone())
        .collect();
    let chosen = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .or_else(|| names.iter().find(|n| fold_key(n) == fold_key(s)))
            .cloned()
            .ok_or_else(|| {
                refused_hint(msg!("{}: no sheet '{}'", path, s), msg!("its sheets: {}", names.join(", ")))
            })?,
        None => visible.first().cloned().ok_or_else(|| refused(msg!("{}: the workbook has no visible sheet", path)))?,
    };
    // An .xlsx sheet is streamed; merged cells in its header row leave columns without a name (said, not guessed).
    if let calamine::Sheets::Xlsx(x) = &mut wb {
        let merged = x.merge_cells_by_sheet_name(&chosen).unwrap_or_default();
        drop(wb);
        return open_xlsx_stream(path, &chosen, merged, cols, ignore, &unreadable);
    }
    let cells = wb.worksheet_range(&chosen).map_err(|e| unreadable(&e))?;
    if cells.is_empty() {
        return Err(refused_hint(msg!("{}: the sheet '{}' is empty", path, chosen), expected(cols)));
    }
    // Excel opens at most 1,048,576 rows and drops the rest without a word: a sheet that reaches the last row was
    // most likely cut short when a longer list was opened in Excel and saved.
    if cells.end().is_some_and(|(r, _)| r + 1 >= EXCEL_ROWS) {
        return Err(last_row(path, &chosen));
    }
    let formulas = wb.worksheet_formula(&chosen).ok().filter(|f| !f.is_empty());
    let heads: Vec<String> = (0..cells.width()).map(|c| cells.get((0, c)).map(cell_text).unwrap_or_default()).collect();
    sheet_source(path, &chosen, &heads, Input::Sheet { cells, formulas, next: 1 }, cols, ignore)
}

/// A sheet's source, its header row matched to the columns asked for.
fn sheet_source(
    path: &str,
    sheet: &str,
    heads: &[String],
    input: Input,
    cols: &[Col],
    ignore: &[String],
) -> Result<Source> {
    let (index, unnamed) = match_header(&format!("{path}:{sheet}"), heads, cols, ignore)?;
    Ok(Source {
        place: format!("{path}:{sheet}!"),
        name: path.to_string(),
        input,
        index,
        keys: cols.iter().map(|c| c.key).collect(),
        width: heads.len(),
        unnamed,
        record: csv::StringRecord::new(),
        size: None,
    })
}

/// The refusal of a header row with merged cells (the first merged range at or above it starts on `row`, 0-based).
fn merged_header(path: &str, sheet: &str, row: u32) -> Error {
    refused(msg!(
        "{}: the header row has merged cells; unmerge them so each column has its own header",
        format!("{path}:{sheet}!{}", row + 1)
    ))
}

/// The refusal of a sheet that reaches Excel's last row.
fn last_row(path: &str, sheet: &str) -> Error {
    refused_hint(
        msg!(
            "{}: the sheet reaches Excel's last row ({}); rows beyond it were probably cut off",
            format!("{path}:{sheet}"),
            EXCEL_ROWS
        ),
        "import the original list (CSV has no row limit), or split it into sheets",
    )
}

/// Opens an .xlsx sheet as a stream: a thread parses it and hands over one row at a time, so memory does not grow
/// with the list (calamine's whole-sheet read took 107 MiB for 100,000 people). The checks are those of a sheet
/// read whole: its declared height, merged header cells, the header row itself.
fn open_xlsx_stream(
    path: &str,
    chosen: &str,
    merged: Vec<calamine::Dimensions>,
    cols: &[Col],
    ignore: &[String],
    unreadable: &dyn Fn(&dyn std::fmt::Display) -> Error,
) -> Result<Source> {
    let (tx, rx) = mpsc::sync_channel::<Streamed>(BATCH);
    let (file, sheet) = (path.to_string(), chosen.to_string());
    std::thread::spawn(move || stream_xlsx(&file, &sheet, &tx));
    let height = match rx.recv() {
        Ok(Streamed::Height(h)) => h,
        Ok(Streamed::Failed(e)) => return Err(unreadable(&e)),
        _ => return Err(unreadable(&"the sheet could not be read")),
    };
    if height + 1 >= EXCEL_ROWS {
        return Err(last_row(path, chosen));
    }
    let (top, header) = match rx.recv() {
        Ok(Streamed::Row(r)) => (r.at, r.cells),
        Ok(Streamed::Failed(e)) => return Err(unreadable(&e)),
        _ => return Err(refused_hint(msg!("{}: the sheet '{}' is empty", path, chosen), expected(cols))),
    };
    if let Some(d) = merged.into_iter().find(|d| d.start.0 <= top) {
        return Err(merged_header(path, chosen, d.start.0));
    }
    let width = header.iter().map(|(c, _)| *c as usize + 1).max().unwrap_or(0);
    let mut heads = vec![String::new(); width];
    for (c, text) in header {
        heads[c as usize] = text;
    }
    let input = Input::Stream { rx, rows: u64::from(height) + 1, line: u64::from(top) + 1 };
    sheet_source(path, chosen, &heads, input, cols, ignore)
}

/// The thread of [`open_xlsx_stream`]: parses the sheet and sends its height, then each row with text. Stops when
/// the import stops listening.
fn stream_xlsx(path: &str, sheet: &str, tx: &mpsc::SyncSender<Streamed>) {
    let failed = |e: &dyn std::fmt::Display| {
        let _ = tx.send(Streamed::Failed(e.to_string()));
    };
    let mut wb: calamine::Xlsx<_> = match calamine::open_workbook(path) {
        Ok(wb) => wb,
        Err(e) => return failed(&e),
    };
    let mut cells = match wb.worksheet_cells_reader(sheet) {
        Ok(r) => r,
        Err(e) => return failed(&e),
    };
    if tx.send(Streamed::Height(cells.dimensions().end.0)).is_err() {
        return;
    }
    let mut row: Option<SheetRow> = None;
    loop {
        let cell = match cells.next_cell_with_formula() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => return failed(&e),
        };
        let (r, c) = cell.pos;
        if let Some(done) = row.take_if(|done| done.at != r) {
            if tx.send(Streamed::Row(done)).is_err() {
                return;
            }
        }
        let SheetRow { cells: values, problem, .. } =
            row.get_or_insert_with(|| SheetRow { at: r, cells: Vec::new(), problem: None });
        let data = calamine::Data::from(cell.value);
        if let calamine::Data::Error(e) = &data {
            problem.get_or_insert_with(|| msg!("cell {} holds an error ({})", c + 1, format!("{e:?}")));
        }
        // A formula's value is what the spreadsheet cached when it was saved; none means nothing to read.
        if matches!(data, calamine::Data::Empty) && cell.formula.as_deref().is_some_and(|f| !f.is_empty()) {
            problem.get_or_insert_with(|| {
                msg!(
                    "cell {} is a formula without a saved value; open and save the file in a spreadsheet program",
                    c + 1
                )
            });
        }
        let text = cell_text(&data);
        if !text.is_empty() {
            values.push((c, text));
        }
    }
    if let Some(done) = row {
        let _ = tx.send(Streamed::Row(done));
    }
}

/// A spreadsheet cell as the text an import reads: a number typed 123 is "123" (a staff code, not 123.0), a date
/// cell is its ISO date, a boolean true/false.
fn cell_text(d: &calamine::Data) -> String {
    use calamine::Data;
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if dt.is_datetime() && t.time() == chrono::NaiveTime::MIN => {
                t.date().format("%Y-%m-%d").to_string()
            }
            Some(t) if dt.is_datetime() => t.format("%Y-%m-%d %H:%M").to_string(),
            _ => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            s.get(..10).filter(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()).unwrap_or(s).to_string()
        }
    }
}

/// The columns an import reads, each with its Vietnamese header, for hints.
fn expected(cols: &[Col]) -> Msg {
    let (req, opt) = columns_of(cols);
    msg!("the header row needs {}; it may have {}", req, opt)
}

/// The required and the optional columns, each as `key` (its Vietnamese name).
fn columns_of(cols: &[Col]) -> (String, String) {
    let show = |c: &&Col| format!("`{}` ({})", c.key, labels::label(c.key, Lang::Vi));
    let req: Vec<String> = cols.iter().filter(|c| c.required).map(|c| show(&c)).collect();
    let opt: Vec<String> = cols.iter().filter(|c| !c.required && !c.skip).map(|c| show(&c)).collect();
    (req.join(", "), opt.join(", "))
}

/// A cell or header cut to a readable length for a message.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// Where the CSV parser is in the file, as a person counts lines: a line ends at LF, CRLF or a lone CR (the csv
/// crate counts only LF, so a CRLF file written by Excel named the line before). Also follows the quoting as the
/// parser does, so a quote still open at the end of the file is reported at the line where it opened.
struct Scan {
    delim: u8,
    /// Bytes seen so far, and the line the next byte is on.
    pos: u64,
    line: u64,
    /// Starts of lines seen ahead of what has been asked: (byte offset, line number).
    starts: VecDeque<(u64, u64)>,
    /// The line of the last offset asked for (offsets are asked in order).
    asked: (u64, u64),
    after_cr: bool,
    state: Quote,
    quote_line: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted cell: the end of the quoting, or the first of a doubled quote.
    MaybeEnd,
}

impl Scan {
    fn new(delim: u8) -> Self {
        Scan {
            delim,
            pos: 0,
            line: 1,
            starts: VecDeque::new(),
            asked: (0, 1),
            after_cr: false,
            state: Quote::FieldStart,
            quote_line: 0,
        }
    }

    fn new_line(&mut self, at: u64) {
        self.line += 1;
        self.starts.push_back((at, self.line));
    }

    fn feed(&mut self, bytes: &[u8]) {
        // Outside a quoted cell, a chunk without a quote only moves the lines: found with memchr, not byte by byte
        // (a byte-by-byte pass over a million people's 59 MB was 6% of their import).
        if matches!(self.state, Quote::FieldStart | Quote::Unquoted) && memchr::memchr(b'"', bytes).is_none() {
            return self.feed_unquoted(bytes);
        }
        self.feed_bytes(bytes);
    }

    /// [`Scan::feed`] byte by byte.
    fn feed_bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            // A CRLF's new line starts at its LF: the csv crate starts the next record there.
            match b {
                b'\n' if !self.after_cr => self.new_line(self.pos + 1),
                b'\r' => self.new_line(self.pos + 1),
                _ => {}
            }
            self.after_cr = b == b'\r';
            let eol = b == b'\n' || b == b'\r';
            self.state = match (self.state, b) {
                (Quote::Quoted, b'"') => Quote::MaybeEnd,
                (Quote::Quoted, _) => Quote::Quoted,
                (Quote::FieldStart, b'"') => {
                    self.quote_line = self.line;
                    Quote::Quoted
                }
                (Quote::MaybeEnd, b'"') => Quote::Quoted,
                (_, _) if b == self.delim || eol => Quote::FieldStart,
                _ => Quote::Unquoted,
            };
            self.pos += 1;
        }
    }

    /// [`Scan::feed`] of a chunk without a quote, its state outside a quoted cell.
    fn feed_unquoted(&mut self, bytes: &[u8]) {
        let start = self.pos;
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let at = start + i as u64;
            // A CRLF's new line starts at its LF, whose CR came just before (maybe at the end of the last chunk).
            let after_cr = if i == 0 { self.after_cr } else { bytes[i - 1] == b'\r' };
            if bytes[i] == b'\r' || !after_cr {
                self.new_line(at + 1);
            }
        }
        if let Some(&last) = bytes.last() {
            self.after_cr = last == b'\r';
            let eol = last == b'\n' || last == b'\r';
            self.state = if last == self.delim || eol { Quote::FieldStart } else { Quote::Unquoted };
        }
        self.pos += bytes.len() as u64;
    }

    /// The line a byte offset is on; offsets must be asked in increasing order.
    fn line_at(&mut self, offset: u64) -> u64 {
        while let Some(&(at, line)) = self.starts.front() {
            if at > offset {
                break;
            }
            self.asked = (at, line);
            self.starts.pop_front();
        }
        self.asked.1
    }
}

/// The stream the CSV parser reads, seen by a [`Scan`] on its way.
struct Scanned<R> {
    inner: R,
    scan: Arc<Mutex<Scan>>,
    /// Bytes since the last line feed: a line longer than [`MAX_LINE`] stops the read (no list has one; a device
    /// or a binary file read as CSV would otherwise fill memory).
    run: usize,
}

/// The longest line a list may have: 1 MiB.
pub const MAX_LINE: usize = 1 << 20;

fn too_long() -> io::Error {
    io::Error::other(LineTooLong)
}

/// A line longer than [`MAX_LINE`]: not a CSV file, most likely.
#[derive(Debug)]
struct LineTooLong;

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a line is longer than {} MiB: is it a CSV file?", MAX_LINE >> 20)
    }
}

impl std::error::Error for LineTooLong {}

impl<R: Read> Read for Scanned<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        match buf[..n].iter().rposition(|&b| b == b'\n') {
            Some(i) => self.run = n - i - 1,
            None => self.run += n,
        }
        if self.run > MAX_LINE {
            return Err(too_long());
        }
        lock(&self.scan).feed(&buf[..n]);
        Ok(n)
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
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

fn csv_msg(e: &csv::Error) -> Msg {
    match e.kind() {
        csv::ErrorKind::Io(io) if io.get_ref().is_some_and(|x| x.is::<LineTooLong>()) => {
            msg!("a line is longer than 1 MiB: is it a CSV file?")
        }
        csv::ErrorKind::Utf8 { .. } => {
            msg!("the text is not UTF-8; save the sheet as \"CSV UTF-8\" (old TCVN3/VNI files need converting to Unicode first)")
        }
        _ => Msg::plain(e.to_string()),
    }
}

/// One row being read: cells by column key, cleaned (NFC, trimmed), empty as `None`.
pub struct Row<'a> {
    src: &'a Source,
    pub line: u64,
}

impl Row<'_> {
    /// What is wrong with the row as a whole: text beyond the header's columns, a line break in a column that
    /// cannot hold one.
    fn check(&self) -> Result<()> {
        let rec = &self.src.record;
        if let Some((i, c)) = rec.iter().enumerate().skip(self.src.width).find(|(_, c)| !c.trim().is_empty()) {
            return Err(refused(msg!(
                "cell {} ('{}') is beyond the {} columns of the header row",
                i + 1,
                cut(c, 40),
                self.src.width
            )));
        }
        if let Some(i) = self.src.unnamed.iter().find(|i| rec.get(**i).is_some_and(|c| !c.trim().is_empty())) {
            return Err(refused(msg!(
                "cell {} ('{}') is under a header cell left empty; name its column or remove it",
                i + 1,
                cut(rec.get(*i).unwrap_or_default(), 40)
            )));
        }
        // Nearly no row holds a line break: the record's text is searched once before each cell is.
        if memchr::memchr2(b'\n', b'\r', rec.as_slice().as_bytes()).is_none() {
            return Ok(());
        }
        for (key, at) in self.src.keys.iter().zip(&self.src.index) {
            let Some(v) = at.and_then(|i| rec.get(i)) else { continue };
            if v.contains(['\n', '\r']) && !MULTILINE.contains(key) {
                return Err(cell(
                    key,
                    msg!("'{}' holds a line break; is a quote left open?", cut(&v.replace(['\r', '\n'], " "), 40)),
                ));
            }
        }
        Ok(())
    }

    pub fn get(&self, key: &str) -> Option<String> {
        let at = self.src.index[self.src.key_at(key)?]?;
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

    /// A cell holding a value of an enumeration: a label as a list shows it in either language ("Nữ", "not
    /// achieved", what a workbook or the Vietnamese CSV dialect writes) is read as its identifier; anything else
    /// is returned as it is, for the import's own parsing.
    pub fn get_key(&self, key: &str, kind: &str) -> Option<String> {
        let v = self.get(key)?;
        Some(labels::key_of(kind, &v).map_or(v, str::to_string))
    }

    /// Whether the file has this column at all: an absent column leaves the stored value as it is.
    pub fn has(&self, key: &str) -> bool {
        self.src.has(key)
    }

    /// A required cell: missing is an error naming the column.
    pub fn need(&self, key: &str) -> Result<String> {
        self.get(key).ok_or_else(|| cell(key, "is empty"))
    }
}

/// A refusal about one cell; the import prefixes `FILE:LINE:`.
pub fn cell(col: &str, msg: impl Into<Msg>) -> Error {
    refused(msg!("column '{}': {}", col, msg.into()))
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

    pub fn summary(&self, name: &str) -> Msg {
        msg!("{}: {}", name, self.brief())
    }

    pub fn brief(&self) -> Msg {
        if self.inserted + self.updated == 0 {
            msg!("nothing changed ({} rows already as in the file)", self.unchanged)
        } else {
            msg!("{} inserted, {} updated, {} unchanged", self.inserted, self.updated, self.unchanged)
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
    place: String,
    /// The refusals by line: an import may refuse a row after later ones (it writes rows many at a time).
    lines: Vec<(u64, Msg)>,
    more: usize,
}

impl Errors {
    pub fn new(file: &str) -> Self {
        Errors { file: file.to_string(), place: format!("{file}:"), lines: Vec::new(), more: 0 }
    }

    /// The bad rows of a source, placed as it counts them (a CSV's lines, a sheet's rows).
    pub fn of(src: &Source) -> Self {
        Errors { file: src.name.clone(), place: src.place.clone(), lines: Vec::new(), more: 0 }
    }

    /// Records a row's refusal; any other error (the disk, the database) stops the import at once.
    pub fn add(&mut self, line: u64, e: Error) -> Result<()> {
        match e {
            Error::Refused { msg, .. } => {
                if self.lines.len() < MAX_ERRORS {
                    self.lines.push((line, msg!("{}{}: {}", &self.place, line, msg)));
                } else {
                    self.more += 1;
                }
                Ok(())
            }
            other => Err(other),
        }
    }

    /// Takes in the refusals another list kept (the rows an import wrote later than it read them).
    pub fn merge(&mut self, other: Errors) {
        for line in other.lines {
            if self.lines.len() < MAX_ERRORS {
                self.lines.push(line);
            } else {
                self.more += 1;
            }
        }
        self.more += other.more;
    }

    pub fn finish(self) -> Result<()> {
        if self.lines.is_empty() {
            Ok(())
        } else {
            let mut lines = self.lines;
            lines.sort_by_key(|(line, _)| *line);
            let lines = lines.into_iter().map(|(_, l)| l).collect();
            Err(Error::Import(ImportFailure { file: self.file, lines, more: self.more }))
        }
    }
}

impl Source {
    /// The place of a column's key. A reader asks for each cell by the same literal its column list is written
    /// with, which the compiler stores once: found by address first, the texts compared only if that fails
    /// (comparing them for every cell was a tenth of a people import's reading thread).
    fn key_at(&self, key: &str) -> Option<usize> {
        let same = |k: &&str| std::ptr::eq(k.as_ptr(), key.as_ptr()) && k.len() == key.len();
        self.keys.iter().position(same).or_else(|| self.keys.iter().position(|k| *k == key))
    }

    /// Whether the file has this column at all.
    pub fn has(&self, key: &str) -> bool {
        self.key_at(key).is_some_and(|i| self.index[i].is_some())
    }

    /// Reads the next row into `record`: its line (or sheet row), or what is wrong with it and whether reading
    /// must stop; `None` at the end.
    fn advance(&mut self) -> Option<std::result::Result<u64, (u64, Msg, bool)>> {
        match &mut self.input {
            Input::Csv { reader, scan } => {
                let mut rec = std::mem::take(&mut self.record);
                let more = reader.read_record(&mut rec);
                self.record = rec;
                match more {
                    Ok(false) => None,
                    Ok(true) => {
                        let byte = self.record.position().map_or(reader.position().byte(), |p| p.byte());
                        Some(Ok(lock(scan).line_at(byte)))
                    }
                    Err(e) => {
                        let byte = e.position().map_or(reader.position().byte(), |p| p.byte());
                        let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                        Some(Err((lock(scan).line_at(byte), csv_msg(&e), fatal)))
                    }
                }
            }
            Input::Stream { rx, line, .. } => match rx.recv() {
                Ok(Streamed::Row(SheetRow { at: r, cells, problem })) => {
                    *line = u64::from(r) + 1;
                    self.record.clear();
                    let mut at = 0;
                    for (c, text) in &cells {
                        while at < *c as usize {
                            self.record.push_field("");
                            at += 1;
                        }
                        self.record.push_field(text);
                        at += 1;
                    }
                    Some(match problem {
                        Some(p) => Err((*line, p, false)),
                        None => Ok(*line),
                    })
                }
                Ok(Streamed::Failed(e)) => {
                    Some(Err((*line + 1, msg!("cannot read the rest of the workbook (“{}”)", cut(&e, 200)), true)))
                }
                Ok(Streamed::Height(_)) | Err(_) => None,
            },
            Input::Sheet { cells, formulas, next } => {
                let (height, width) = cells.get_size();
                if *next >= height {
                    return None;
                }
                let r = *next;
                *next += 1;
                let (top, left) = cells.start().unwrap_or((0, 0));
                let line = u64::from(top) + r as u64 + 1;
                self.record.clear();
                let mut problem = None;
                for c in 0..width {
                    let d = cells.get((r, c)).unwrap_or(&calamine::Data::Empty);
                    if let calamine::Data::Error(e) = d {
                        problem.get_or_insert_with(|| msg!("cell {} holds an error ({})", c + 1, format!("{e:?}")));
                    }
                    // An .ods keeps an error cell's text ("#DIV/0!", "Err:502"): refused as the .xlsx one is.
                    if let calamine::Data::String(t) = d {
                        if is_error_text(t) {
                            problem.get_or_insert_with(|| msg!("cell {} holds an error ({})", c + 1, t));
                        }
                    }
                    // A formula's value is what the spreadsheet cached when it was saved; none means nothing to read.
                    let at = (top + r as u32, left + c as u32);
                    if matches!(d, calamine::Data::Empty)
                        && formulas.as_ref().and_then(|f| f.get_value(at)).is_some_and(|f| !f.is_empty())
                    {
                        problem.get_or_insert_with(|| {
                            msg!("cell {} is a formula without a saved value; open and save the file in a spreadsheet program", c + 1)
                        });
                    }
                    self.record.push_field(&cell_text(d));
                }
                Some(match problem {
                    Some(p) => Err((line, p, false)),
                    None => Ok(line),
                })
            }
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
    scan_rows(src, quiet, |line, row| match row.and_then(&mut f) {
        Ok(()) => Ok(()),
        Err(e) => errors.add(line, e),
    })
}

/// Rows a reading thread hands over at a time, and how many such batches may wait: enough to keep both threads
/// busy, little enough to hold a few thousand rows at most.
const BATCH: usize = 1024;
const BATCHES_AHEAD: usize = 4;

/// [`each_row`] in two steps on two threads, for the imports of national lists: `prepare` reads a row into what
/// the import writes (cells, cleaning, keys, parsing: everything that needs no database) on a thread of its own,
/// while `apply` writes the rows before it on the calling thread, in the file's order. Refusals of either step
/// are collected by line as [`each_row`] does; any other error stops both.
pub fn each_row_parallel<P: Send>(
    src: &mut Source,
    quiet: bool,
    errors: &mut Errors,
    prepare: impl FnMut(&Row) -> Result<P> + Send,
    mut apply: impl FnMut(P) -> Result<()>,
) -> Result<()> {
    each_batch_parallel(src, quiet, errors, prepare, |_| Ok(()), |_, p| apply(p))
}

/// The rows a reading thread hands over together, each with its line.
pub type Batch<P> = Vec<(u64, Result<P>)>;

/// [`each_row_parallel`] with `look_up` run on the writing thread for each batch before its rows are applied:
/// one statement looks up what all of them name (an error of it stops the import). `apply` gets each row's line,
/// for an import that writes a row later than it gets it and keeps its refusal by line.
pub fn each_batch_parallel<P: Send>(
    src: &mut Source,
    quiet: bool,
    errors: &mut Errors,
    prepare: impl FnMut(&Row) -> Result<P> + Send,
    look_up: impl FnMut(&mut Batch<P>) -> Result<()>,
    apply: impl FnMut(u64, P) -> Result<()>,
) -> Result<()> {
    each_batch_paced(src, quiet, errors, &Pace::<()>::default(), prepare, look_up, apply)
}

/// What the two threads of an import share besides the rows. How far the writing side is behind the reading
/// thread (the batches sent that it has not taken yet): work either side can do (a row's digest) is done by the
/// reading thread while the writer is behind, else left to the writer, as which thread is the slower one depends
/// on the file (rows in unit order keep the writer busier). And the rows the writer is done with, given back to
/// be dropped on the reading thread that made them: freed by the writer, each of their texts was freed across
/// threads, and the allocator took 45% of a people import's reading thread collecting them.
pub struct Pace<T> {
    behind: AtomicUsize,
    done: Mutex<Vec<Vec<T>>>,
}

impl<T> Default for Pace<T> {
    fn default() -> Self {
        Pace { behind: AtomicUsize::new(0), done: Mutex::new(Vec::new()) }
    }
}

impl<T> Pace<T> {
    pub fn writer_behind(&self) -> bool {
        self.behind.load(Ordering::Relaxed) > 0
    }

    /// Rows the writer is done with, to be dropped on the reading thread.
    pub fn give_back(&self, rows: Vec<T>) {
        lock(&self.done).push(rows);
    }

    fn drop_given(&self) {
        let given = std::mem::take(&mut *lock(&self.done));
        drop(given);
    }
}

/// [`each_batch_parallel`] keeping `pace` for a `prepare` that asks it and a writer that gives rows back.
pub fn each_batch_paced<P: Send, T: Send>(
    src: &mut Source,
    quiet: bool,
    errors: &mut Errors,
    pace: &Pace<T>,
    mut prepare: impl FnMut(&Row) -> Result<P> + Send,
    mut look_up: impl FnMut(&mut Batch<P>) -> Result<()>,
    mut apply: impl FnMut(u64, P) -> Result<()>,
) -> Result<()> {
    let (tx, rx) = mpsc::sync_channel::<Batch<P>>(BATCHES_AHEAD);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut batch: Batch<P> = Vec::with_capacity(BATCH);
            // The writing side gone (it stopped on an error) ends the reading: the send fails.
            let gone = || Error::Io(io::Error::other("the import stopped"));
            scan_rows(src, quiet, |line, row| {
                batch.push((line, row.and_then(&mut prepare)));
                if batch.len() == BATCH {
                    // Counted before it is sent: the writer takes it off the count when it has it.
                    pace.behind.fetch_add(1, Ordering::Relaxed);
                    pace.drop_given();
                    tx.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))).map_err(|_| gone())?;
                }
                Ok(())
            })?;
            if !batch.is_empty() {
                pace.behind.fetch_add(1, Ordering::Relaxed);
                tx.send(batch).map_err(|_| gone())?;
            }
            Ok::<(), Error>(())
        });
        let written = (|| {
            for mut batch in rx.iter() {
                pace.behind.fetch_sub(1, Ordering::Relaxed);
                look_up(&mut batch)?;
                for (line, p) in batch {
                    if let Err(e) = p.and_then(|p| apply(line, p)) {
                        errors.add(line, e)?;
                    }
                }
            }
            Ok(())
        })();
        // Dropping the receiver first lets a reader blocked on a full channel see the end.
        drop(rx);
        let read = reader.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        written.and(read)
    })
}

/// The loop of [`each_row`]: `f` gets each row, or the reason it cannot be read, with its line.
fn scan_rows(src: &mut Source, quiet: bool, mut f: impl FnMut(u64, Result<&Row>) -> Result<()>) -> Result<()> {
    // A CSV's progress is in bytes read; a sheet's (read whole already) in rows.
    let (total, template) = match &src.input {
        Input::Csv { .. } => (src.size.filter(|n| *n > 1 << 20), "{msg} {wide_bar} {bytes}/{total_bytes} {eta}"),
        Input::Sheet { cells, .. } => {
            (Some(cells.height() as u64).filter(|n| *n > 20_000), "{msg} {wide_bar} {pos}/{len} {eta}")
        }
        Input::Stream { rows, .. } => (Some(*rows).filter(|n| *n > 20_000), "{msg} {wide_bar} {pos}/{len} {eta}"),
    };
    let bar = match total {
        Some(n) if !quiet && io::stderr().is_terminal() => {
            let b = ProgressBar::new(n);
            if let Ok(style) = ProgressStyle::with_template(template) {
                b.set_style(style);
            }
            b.set_message(src.name.clone());
            b
        }
        _ => ProgressBar::hidden(),
    };
    let mut n: u64 = 0;
    while let Some(next) = src.advance() {
        let line = match next {
            Ok(line) => line,
            Err((line, msg, fatal)) => {
                f(line, Err(refused(msg)))?;
                if fatal {
                    break;
                }
                continue;
            }
        };
        if src.record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = Row { src, line };
        f(line, row.check().map(|()| &row))?;
        n += 1;
        if n.is_multiple_of(4096) {
            match &src.input {
                Input::Csv { reader, .. } => bar.set_position(reader.position().byte()),
                Input::Sheet { next, .. } => bar.set_position(*next as u64),
                Input::Stream { line, .. } => bar.set_position(*line),
            }
        }
    }
    if let Input::Csv { scan, .. } = &src.input {
        let (state, quote_line) = {
            let s = lock(scan);
            (s.state, s.quote_line)
        };
        if state == Quote::Quoted {
            f(
                quote_line,
                Err(refused(msg!(
                    "a quote opened on this line is never closed: the rest of the file was read as one cell"
                ))),
            )?;
        }
    }
    bar.finish_and_clear();
    Ok(())
}

/// A value found once per spelling: a national list names the same few units, titles, campaigns and decisions
/// over and over, so each is resolved the first time and taken from `cache` after.
pub fn once<K, T>(cache: &mut HashMap<K, T>, key: &K, find: impl FnOnce() -> Result<T>) -> Result<T>
where
    K: std::hash::Hash + Eq + Clone,
    T: Clone,
{
    if let Some(v) = cache.get(key) {
        return Ok(v.clone());
    }
    let v = find()?;
    cache.insert(key.clone(), v.clone());
    Ok(v)
}

/// The unit a row names (code, name or short name), found once per spelling: the `unit` column of an import.
pub fn unit_once(conn: &Connection, cache: &mut HashMap<String, i64>, spelling: &String) -> Result<i64> {
    once(cache, spelling, || Ok(crate::db::units::resolve(conn, spelling).map_err(|e| cell("unit", e))?.id))
}

/// The row's person, if it names one (columns `person` and `person_code`): by staff code, else by name within the
/// row's unit as the command line finds names (tone placement aside, accent-free when unambiguous); created there
/// with `--create-people` only when no one is found. A code and a name that disagree are an error. Shared by the
/// imports that name people.
pub fn person(conn: &Connection, row: &Row, unit_id: i64, create: bool, created: &mut u64) -> Result<Option<i64>> {
    let mut trees = Trees::default();
    person_known(conn, row.get("person_code"), row.get("person"), unit_id, create, created, None, &mut trees)
}

/// For [`each_batch_parallel`]: the people the rows of a batch name by staff code (`code`: the code, and whether
/// the row names the person too), looked up in one statement and given to each row (`set`; None for a code not
/// found).
pub fn look_up_people<P>(
    conn: &Connection,
    batch: &mut Batch<P>,
    code: impl Fn(&P) -> Option<(&str, bool)>,
    set: impl Fn(&mut P, Option<stored_people::Brief>),
) -> Result<()> {
    let (codes, names): (Vec<&str>, Vec<bool>) = batch.iter().filter_map(|(_, r)| code(r.as_ref().ok()?)).unzip();
    let mut found = stored_people::briefs_by_staff_codes(conn, &codes, names.contains(&true))?.into_iter();
    // The rows with a code, in the order their codes were given.
    for r in batch.iter_mut().filter_map(|(_, r)| r.as_mut().ok()) {
        if code(r).is_some() {
            let b = found.next().flatten();
            set(r, b);
        }
    }
    Ok(())
}

/// [`person`] from the two cells, for an import that reads its rows on another thread; `known` is the person with
/// the row's staff code when it was looked up with the rest of its batch already (None when not found then, or not
/// looked up: someone the import created since may have it). `trees` keeps the units under the units named.
#[allow(clippy::too_many_arguments)]
pub fn person_known(
    conn: &Connection,
    code: Option<String>,
    name: Option<String>,
    unit_id: i64,
    create: bool,
    created: &mut u64,
    known: Option<stored_people::Brief>,
    trees: &mut Trees,
) -> Result<Option<i64>> {
    if let Some(c) = &code {
        // The number, unit and name alone: a national list looks a million people up.
        let found = match known {
            Some(b) => Some(b),
            None => stored_people::brief_by_staff_code(conn, c)?,
        };
        if let Some(stored_people::Brief { id, unit_id: p_unit, name: p_name }) = found {
            if p_unit != unit_id {
                let p = stored_people::by_staff_code(conn, c)?.ok_or_else(|| cell("person_code", "vanished"))?;
                return Err(cell(
                    "person_code",
                    msg!("'{}' is {} of {}, not of this row's unit", c, p.full_name, p.unit_code),
                ));
            }
            if let Some(n) = name.as_deref().filter(|n| !same_name(n, &p_name)) {
                return Err(cell("person", msg!("'{}' is not {}, whose staff code is '{}'", n, p_name, c)));
            }
            return Ok(Some(id));
        }
    }
    let Some(name) = name else {
        return match code {
            Some(c) if !create => {
                Err(cell("person_code", msg!("no person with staff code '{}'; add --create-people with a name", c)))
            }
            Some(_) => Err(cell("person", "is empty: a person to create needs a name")),
            None => Ok(None),
        };
    };
    let found = stored_people::by_name_in(conn, &name, Some(unit_id), trees)?;
    match &found[..] {
        [p] => match &code {
            // The name finds someone, the code no one: which is right is the secretary's call.
            Some(c) => Err(cell(
                "person_code",
                msg!(
                    "'{}' is no one's staff code, but '{}' is {}; correct the code, or leave it empty",
                    c,
                    name,
                    stored_people::describe(p)
                ),
            )),
            None => Ok(Some(p.id)),
        },
        [] if create => {
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
        [] => Err(cell("person", msg!("no person '{}' in this unit; add --create-people to create them", name))),
        many => Err(cell("person", stored_people::ambiguous(&name, many))),
    }
}

/// Whether two spellings name the same person: equal but for case and tone placement, or one written without
/// accents.
fn same_name(a: &str, b: &str) -> bool {
    match_key(a) == match_key(b)
        || (fold_key(a) == fold_key(b) && (fold_key(a) == a.to_lowercase() || fold_key(b) == b.to_lowercase()))
}

/// A paper for a dossier: its file name and bytes, no more than `max` bytes. A paper is a regular file: a device
/// would be read until memory runs out, a pipe would wait.
pub fn read_paper(file: &std::path::Path, max: u64) -> Result<(String, Vec<u8>)> {
    let meta = std::fs::metadata(file).map_err(|e| refused(msg!("cannot read '{}': {}", file.display(), e)))?;
    if !meta.is_file() {
        return Err(refused(msg!("'{}' is not a regular file", file.display())));
    }
    if meta.len() > max {
        return Err(refused_hint(
            msg!("'{}' is {} bytes, more than the 20 MiB a dossier paper may be", file.display(), meta.len()),
            "attach a smaller scan (a PDF at 150 dpi), or keep the paper beside the file",
        ));
    }
    // No further than the limit, whatever the file grew to since it was measured.
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, max + 1), &mut bytes))
        .map_err(|e| refused(msg!("cannot read '{}': {}", file.display(), e)))?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok((name, bytes))
}

#[cfg(test)]
mod tests {
    use super::{Quote, Scan, Written};
    use proptest::prelude::*;

    /// A row written twice is refused naming the first line, whether its number is kept in the list or in the map.
    #[test]
    fn a_row_written_twice_names_the_first_line() {
        let mut w = Written::default();
        for id in [3, Written::DENSE + 5] {
            assert!(w.check(id, 2, "rating").is_ok());
            let err = w.check(id, 9, "rating").unwrap_err().to_string();
            assert!(err.contains("the same rating as line 2"), "{err}");
        }
        assert!(w.check(4, 10, "rating").is_ok() && w.check(Written::DENSE + 6, 11, "rating").is_ok());
    }

    /// What a scan has found: its lines' starts, its place and its quoting.
    fn seen(s: &Scan) -> (Vec<(u64, u64)>, u64, u64, bool, bool, u64) {
        (s.starts.iter().copied().collect(), s.line, s.pos, s.after_cr, s.state == Quote::Quoted, s.quote_line)
    }

    proptest! {
        /// A file fed in chunks of any size, with the quote-free chunks skimmed, is scanned as byte by byte.
        #[test]
        fn chunks_without_quotes_are_skimmed_alike(
            text in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b','), Just(b'"'), Just(b'\r'), Just(b'\n')], 0..300),
            cuts in proptest::collection::vec(1usize..40, 0..20),
        ) {
            let mut whole = Scan::new(b',');
            whole.feed_bytes(&text);
            let mut chunked = Scan::new(b',');
            let mut rest: &[u8] = &text;
            for c in cuts {
                let (head, tail) = rest.split_at(c.min(rest.len()));
                chunked.feed(head);
                rest = tail;
            }
            chunked.feed(rest);
            prop_assert_eq!(seen(&whole), seen(&chunked));
        }
    }
}
