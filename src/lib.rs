//! thidua: the secretariat's tool for a Vietnamese emulation bloc ("Khối thi đua"), over one SQLite file per
//! bloc-year. The way a command travels (docs/architecture.md): `cli/` parses → `db/` (all SQL) or `report/` builds →
//! `output/` renders; `text` holds the Vietnamese text rules, `import` the CSV machinery every import shares.

pub mod archive;
pub mod cli;
pub mod db;
pub mod error;
pub mod import;
pub mod model;
pub mod output;
pub mod report;
pub mod text;
