//! The two things every command prints: a [`Table`] (headers and typed cells) and a [`Report`] (a title and
//! sections of lines and tables). Built once by the command or `report/`, rendered many ways by the renderers.

use chrono::NaiveDate;

use crate::msg::Msg;

/// A typed cell. Tables render each kind for people (dates dd/mm/yyyy, enum values translated, numbers in the
/// language's style); CSV and JSON render them for scripts (ISO dates, stable identifiers, plain numbers).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Num(f64),
    /// A percentage (0–100): "85.7%" in tables, the plain number in CSV and JSON.
    Percent(f64),
    Date(NaiveDate),
    /// A stable identifier of an enumeration (`kind`.`value` in the label catalog), e.g. ("role", "leader").
    Enum(&'static str, String),
    /// A name shown indented by its depth in a tree (sub-units under their unit); plain text outside tables.
    Tree(usize, String),
    /// A moment the tool stored (UTC, ISO 8601): as stored in CSV and JSON, in local time dd/mm/yyyy hh:mm for people.
    Time(String),
    /// Changes per table ("bloc +1, catalog +57"): each table by its name in CSV and JSON, in words for people.
    Tables(Vec<(String, String)>),
    /// A bound in percent (a threshold, a quorum), `true` when the share must be above it ("> 50%"), not reach
    /// it: the number for scripts (the strictness in its own column), the sign and the number for people.
    Bound(f64, bool),
    /// An article cited, and whether it was read in the text itself: the citation for scripts (the same in every
    /// language), marked "not confirmed" in the reader's words for people.
    Cite(String, bool),
    /// A sentence (evidence, a reason): English for scripts, the reader's language for people.
    Msg(crate::msg::Msg),
}

/// An enumeration's value: its identifier for scripts, its label for people.
impl<T: crate::IdEnum> From<T> for Cell {
    fn from(v: T) -> Self {
        Cell::Enum(T::LABELS, v.id().into())
    }
}

impl From<crate::msg::Msg> for Cell {
    fn from(m: crate::msg::Msg) -> Self {
        Cell::Msg(m)
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}
impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}
impl From<&String> for Cell {
    fn from(s: &String) -> Self {
        Cell::Text(s.clone())
    }
}
impl From<i64> for Cell {
    fn from(n: i64) -> Self {
        Cell::Int(n)
    }
}
impl From<NaiveDate> for Cell {
    fn from(d: NaiveDate) -> Self {
        Cell::Date(d)
    }
}
impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(o: Option<T>) -> Self {
        o.map_or(Cell::Empty, Into::into)
    }
}

impl Cell {
    /// The value as scripts read it (CSV): ISO dates, identifiers, plain numbers.
    pub fn plain(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Tree(_, s) | Cell::Enum(_, s) | Cell::Time(s) => s.clone(),
            Cell::Tables(v) => v.iter().map(|(t, n)| format!("{t} {n}")).collect::<Vec<_>>().join(", "),
            Cell::Msg(m) => m.english(),
            Cell::Cite(text, true) => text.clone(),
            // The mark is a key of its own, as an identifier is: the same whatever --lang says.
            Cell::Cite(text, false) => format!("{text} (not confirmed in the text)"),
            Cell::Int(n) => n.to_string(),
            Cell::Num(x) | Cell::Percent(x) | Cell::Bound(x, _) => {
                let s = format!("{x:.2}");
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            }
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Num(_) | Cell::Percent(_) | Cell::Bound(..))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A stable name: the file name when a report's tables are written to a folder.
    pub name: String,
    /// Stable column keys: CSV headers and JSON keys as they are, table headers through the label catalog.
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// One row shown as field/value pairs (a record such as `info`); JSON makes it one object.
    pub record: bool,
    /// For scripts only: written as CSV and JSON, left out of a report's terminal and Markdown forms where its
    /// section's lines already say the same to a person.
    pub data_only: bool,
    /// For people only: shown in the terminal and Markdown, left out of CSV, JSON and workbooks, whose data
    /// tables already hold the same rows (a long list split into one table per subject for reading).
    pub for_people: bool,
}

impl Table {
    pub fn new(name: &str, columns: &[&str]) -> Self {
        Table {
            name: name.into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
            record: false,
            data_only: false,
            for_people: false,
        }
    }

    /// A record: fields are added one by one with [`Table::field`].
    pub fn record(name: &str) -> Self {
        Table {
            name: name.into(),
            columns: Vec::new(),
            rows: vec![Vec::new()],
            record: true,
            data_only: false,
            for_people: false,
        }
    }

    pub fn field(&mut self, key: &str, value: impl Into<Cell>) -> &mut Self {
        self.columns.push(key.to_string());
        self.rows[0].push(value.into());
        self
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len(), "row width of table {}", self.name);
        self.rows.push(row);
    }
}

/// A document: a title, then sections, each with an optional heading, lines of text and an optional table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub title: Msg,
    pub sections: Vec<Section>,
}

/// A section: its heading, lines and table. The words are messages, put in the reader's language when printed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    pub heading: Option<Msg>,
    pub lines: Vec<Msg>,
    pub table: Option<Table>,
}

impl Report {
    pub fn new(title: Msg) -> Self {
        Report { title, sections: Vec::new() }
    }

    pub fn section(&mut self, heading: Option<Msg>, lines: Vec<Msg>, table: Option<Table>) -> &mut Self {
        self.sections.push(Section { heading, lines, table });
        self
    }

    /// The tables a script reads (CSV, workbooks, `--table`): those for people only are left out.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections.iter().filter_map(|s| s.table.as_ref()).filter(|t| !t.for_people)
    }
}

/// A statistical form laid out as it is handed in (Circular 02/2023/TT-BNV): its number, title and year, who
/// reports and to whom, and its table (indicator code, indicator, unit of count, then the figures). Vietnamese:
/// it is the form itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// "0603.N/BNV-TĐKT".
    pub number: String,
    /// The text the form is issued by, and when it is due: lines of the regime it follows.
    pub basis: String,
    pub due: String,
    pub title: String,
    pub year: i32,
    pub reporter: String,
    pub receiver: String,
    /// The unit each row counts in ("Tập thể", "Người"), by row.
    pub units: Vec<&'static str>,
    /// The table as `report form` computes it: row code, indicator, figures.
    pub table: Table,
}
