//! A message as a value: which sentence (its English template, the key of the one catalog in
//! `output/messages.rs`) and the values that fill it, each typed (a name as given, a number, a date, an
//! enumeration's label, another message). Built where a refusal, a warning or a piece of evidence arises; put
//! into words only in `output/`, in the reader's language, by looking the key up: nothing is parsed back from
//! a finished sentence, so a value holding a template's own words cannot garble it.

use chrono::NaiveDate;

/// `msg!("campaign {} has not been launched", code)`: the template is the catalog's key, each value an [`Arg`].
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $arg:expr)* $(,)?) => {
        $crate::msg::Msg::new($key, vec![$({
            use $crate::msg::ToArg as _;
            (&$arg).to_arg()
        }),*])
    };
}

/// A sentence to say: `key` is its English template, `{}` standing for each value in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<Arg>,
}

/// One value of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A name, code, number or file as given, or another program's own words (SQLite, the system, the CSV
    /// reader): shown as it is in every language.
    Text(String),
    /// A number, with the reader's decimal mark.
    Num(f64),
    /// A share in percent (0–100), rounded to a tenth.
    Pct(f64),
    Date(NaiveDate),
    /// An enumeration's value by its label key (`scope.provincial`): its words in the reader's language.
    Label(String),
    /// A label inside a sentence, in lower case ("launched", "rank").
    LabelLower(String),
    /// A table of the file: its name in English (as scripts and SQL know it), its rows in words in Vietnamese.
    Table(String),
    /// A message inside a message (an item of a list, a cause).
    Msg(Box<Msg>),
    /// Values in a row, joined by the separator.
    List(Vec<Arg>, &'static str),
}

impl Msg {
    pub fn new(key: &'static str, args: Vec<Arg>) -> Msg {
        Msg { key, args }
    }

    /// `one` for 1, `many` otherwise: "{} person" / "{} people".
    pub fn count(n: u64, one: &'static str, many: &'static str) -> Msg {
        Msg::new(if n == 1 { one } else { many }, vec![Arg::Text(n.to_string())])
    }

    /// Text shown as it is in every language (a name, a code, a number): no sentence of the catalog.
    pub fn plain(s: impl Into<String>) -> Msg {
        Msg::new("{}", vec![Arg::Text(s.into())])
    }

    /// A label of the catalog of labels (a heading, a title), in the reader's language.
    pub fn label(key: impl Into<String>) -> Msg {
        Msg::new("{}", vec![Arg::Label(key.into())])
    }

    /// A number of people ("1 person", "3 people").
    pub fn people(n: u64) -> Msg {
        Msg::count(n, "{} person", "{} people")
    }
}

impl Arg {
    /// An enumeration's value in words: `kind.id` in the label catalog.
    pub fn label(kind: &str, id: &str) -> Arg {
        Arg::Label(format!("{kind}.{id}"))
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

/// A value as it goes into a message, borrowed as `format!` borrows.
pub trait ToArg {
    fn to_arg(&self) -> Arg;
}

/// An enumeration's value: its words in the reader's language.
impl<T: crate::IdEnum> ToArg for T {
    fn to_arg(&self) -> Arg {
        Arg::label(T::LABELS, self.id())
    }
}
impl ToArg for Arg {
    fn to_arg(&self) -> Arg {
        self.clone()
    }
}
impl ToArg for Msg {
    fn to_arg(&self) -> Arg {
        Arg::Msg(Box::new(self.clone()))
    }
}
impl ToArg for str {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.to_string())
    }
}
impl ToArg for String {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.clone())
    }
}
impl ToArg for NaiveDate {
    fn to_arg(&self) -> Arg {
        Arg::Date(*self)
    }
}
impl ToArg for f64 {
    fn to_arg(&self) -> Arg {
        Arg::Num(*self)
    }
}
impl ToArg for std::path::Display<'_> {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.to_string())
    }
}
/// What the system answered, in words of the catalog for the answers a person meets (a file not there, not
/// allowed); the system's own text otherwise.
impl ToArg for std::io::Error {
    fn to_arg(&self) -> Arg {
        use std::io::ErrorKind as K;
        let m = match self.kind() {
            K::NotFound => msg!("no such file or folder"),
            K::PermissionDenied => msg!("permission denied"),
            K::AlreadyExists => msg!("it exists already"),
            K::IsADirectory => msg!("it is a folder"),
            K::NotADirectory => msg!("a part of the path is not a folder"),
            K::StorageFull => msg!("the disk is full"),
            K::ReadOnlyFilesystem => msg!("the disk is read-only"),
            _ => Msg::plain(self.to_string()),
        };
        Arg::Msg(Box::new(m))
    }
}
impl ToArg for rust_xlsxwriter::XlsxError {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.to_string())
    }
}
impl ToArg for serde_json::Error {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.to_string())
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> Arg {
                Arg::Text(self.to_string())
            }
        }
    )*};
}
int_arg!(u8, u16, i32, i64, u32, u64, usize, char);

/// A value that did not read (`text::Bad`): its template and values, typed as given.
impl From<crate::text::Bad> for Msg {
    fn from(b: crate::text::Bad) -> Msg {
        Msg::new(b.key, b.values.into_iter().map(Arg::Text).collect())
    }
}

/// A sentence without values written in place (a hint, a note): the literal is its key.
impl From<&'static str> for Msg {
    fn from(s: &'static str) -> Msg {
        Msg::new(s, Vec::new())
    }
}
