//! The error kinds and their exit codes (docs/architecture.md): 0 ok, 1 a refused or failed operation, 2 a usage
//! error. Every message is one line naming the value; a hint may follow on its own line.

use std::fmt;

use crate::msg::Msg;

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something that cannot be done as asked (exit 2).
    #[error("{msg}")]
    Usage { msg: Msg, hint: Option<Msg> },
    /// A refused or failed operation: unknown value, rule broken, conflict (exit 1).
    #[error("{msg}")]
    Refused { msg: Msg, hint: Option<Msg> },
    /// A CSV import with bad rows; nothing was written (exit 1).
    #[error("{0}")]
    Import(ImportFailure),
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Csv(#[from] csv::Error),
}

impl Error {
    /// 0 ok, 1 refused, 2 a usage error, 3 a fault (SQLite or the system failed; not the user's doing).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage { .. } => 2,
            _ if self.is_fault() => 3,
            _ => 1,
        }
    }

    /// An SQLite or I/O failure that is not the user's doing: a file busy or read-only is an answer, not a fault.
    pub fn is_fault(&self) -> bool {
        match self {
            Error::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => {
                // A damaged file is not the tool's fault either: the message says so and what to do.
                !matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy
                        | rusqlite::ErrorCode::ReadOnly
                        | rusqlite::ErrorCode::DatabaseCorrupt
                        | rusqlite::ErrorCode::NotADatabase
                )
            }
            Error::Sqlite(_) | Error::Io(_) => true,
            _ => false,
        }
    }

    /// A closed pipe (`thidua report … | head`) is not an error: the reader has what it wanted.
    pub fn is_broken_pipe(&self) -> bool {
        let io = match self {
            Error::Io(e) => Some(e),
            Error::Csv(e) => match e.kind() {
                csv::ErrorKind::Io(e) => Some(e),
                _ => None,
            },
            _ => None,
        };
        io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// What the error says, as a message.
    pub fn message(&self) -> Msg {
        match self {
            Error::Usage { msg, .. } | Error::Refused { msg, .. } => msg.clone(),
            Error::Import(f) => f.verdict(),
            other => Msg::plain(other.to_string()),
        }
    }

    pub fn hint(&self) -> Option<&Msg> {
        match self {
            Error::Usage { hint, .. } | Error::Refused { hint, .. } => hint.as_ref(),
            _ => None,
        }
    }
}

/// A refusal without a hint.
pub fn refused(msg: impl Into<Msg>) -> Error {
    Error::Refused { msg: msg.into(), hint: None }
}

/// A refusal with a hint line.
pub fn refused_hint(msg: impl Into<Msg>, hint: impl Into<Msg>) -> Error {
    Error::Refused { msg: msg.into(), hint: Some(hint.into()) }
}

pub fn usage(msg: impl Into<Msg>) -> Error {
    Error::Usage { msg: msg.into(), hint: None }
}

/// The bad rows of one CSV file, each as `FILE:LINE: column 'x': …`.
#[derive(Debug)]
pub struct ImportFailure {
    pub file: String,
    pub lines: Vec<Msg>,
    /// Bad rows beyond the ones listed (the list stops at [`crate::import::MAX_ERRORS`]).
    pub more: usize,
}

impl ImportFailure {
    /// The verdict line; `main` prints the bad rows above it.
    pub fn verdict(&self) -> Msg {
        let n = self.lines.len() + self.more;
        if n == 1 {
            msg!("{}: 1 bad row; nothing was written", &self.file)
        } else {
            msg!("{}: {} bad rows; nothing was written", &self.file, n)
        }
    }
}

impl fmt::Display for ImportFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.verdict())
    }
}

/// An error inside another message (a cell's refusal in an import line).
impl From<Error> for Msg {
    fn from(e: Error) -> Msg {
        e.message()
    }
}

impl crate::msg::ToArg for Error {
    fn to_arg(&self) -> crate::msg::Arg {
        crate::msg::Arg::Msg(Box::new(self.message()))
    }
}
