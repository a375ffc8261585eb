//! thidua: the secretariat's tool for a Vietnamese emulation bloc ("Khối thi đua"), over one SQLite file per
//! bloc-year. The way a command travels (docs/architecture.md): `cli/` parses → `db/` (all SQL) or `report/` builds →
//! `output/` renders; `text` holds the Vietnamese text rules, `import` the CSV machinery every import shares.

/// An enumeration stored as a short identifier (the file's format, CSV and JSON keep it): the identifiers in order,
/// parsing of what people type (case and accents aside; the identifier, its English or Vietnamese label from the
/// catalog, or an alias written here), the list for messages, and the cell that shows its label in tables. Every
/// identifier enum of the domain is one of these; `db/` stores them through `ToSql`/`FromSql`.
macro_rules! id_enum {
    ($(#[$m:meta])* $name:ident, labels = $kind:literal { $($(#[$vm:meta])* $var:ident = $id:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vm])* $var),+
        }

        impl $name {
            /// The identifiers, in order: what a flag or a cell may give, and what the file stores.
            pub const VALUES: &'static [&'static str] = &[$($id),+];
            /// The prefix of its values in the label catalog (`role.leader`).
            pub const LABELS: &'static str = $kind;

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$var => $id),+
                }
            }

            /// The value of an identifier as stored, exactly.
            pub fn from_id(s: &str) -> Option<Self> {
                match s {
                    $($id => Some($name::$var),)+
                    _ => None,
                }
            }

            /// Reads what a person types: the identifier, its English or Vietnamese label, or an alias; case,
            /// accents and spaces for underscores aside.
            pub fn parse(s: &str) -> Option<Self> {
                // The identifier itself, as an export writes it, without folding (an import parses a cell of a
                // million rows); the aliases folded once per run.
                if let Some(v) = Self::from_id(s) {
                    return Some(v);
                }
                static ALIASES: std::sync::OnceLock<Vec<(String, $name)>> = std::sync::OnceLock::new();
                let aliases = ALIASES.get_or_init(|| vec![$($((crate::text::fold_key($alias), $name::$var),)*)+]);
                let k = crate::text::fold_key(s);
                let id = k.replace([' ', '-'], "_");
                if let Some(v) = Self::from_id(&id) {
                    return Some(v);
                }
                if let Some((_, v)) = aliases.iter().find(|(a, _)| *a == k) {
                    return Some(*v);
                }
                crate::labels::key_of($kind, s).and_then(Self::from_id)
            }

            /// The identifiers joined for a message ("leader, deputy, member").
            pub fn list() -> String {
                Self::VALUES.join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// In a message: its words in the reader's language.
        impl crate::IdEnum for $name {
            const LABELS: &'static str = $kind;
            fn id(self) -> &'static str {
                self.as_str()
            }
        }
    };
}

/// What every identifier enum is, for the layers that show it: the prefix of its labels and its identifier.
pub trait IdEnum: Copy {
    const LABELS: &'static str;
    fn id(self) -> &'static str;
}

#[macro_use]
pub mod msg;

pub mod archive;
pub mod cli;
pub mod db;
pub mod error;
pub mod import;
pub mod labels;
pub mod model;
pub mod output;
pub mod report;
pub mod rules;
pub mod text;
