//! Domain types shared by the layers. Enum values are stored and exported as their stable English identifiers
//! (DOMAIN.md §1 "Identifier" column); tables translate them through the label catalog.

use crate::text::fold_key;

/// A member unit's role in the bloc (DOMAIN.md §1: khối trưởng, khối phó, đơn vị thành viên).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Role {
    Leader,
    Deputy,
    Member,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Leader => "leader",
            Role::Deputy => "deputy",
            Role::Member => "member",
        }
    }

    /// Reads a role as written in a CSV cell: the identifier, or the Vietnamese word.
    pub fn parse(s: &str) -> Option<Role> {
        match fold_key(s).as_str() {
            "leader" | "khoi truong" | "truong khoi" | "cum truong" => Some(Role::Leader),
            "deputy" | "khoi pho" | "pho khoi" | "cum pho" => Some(Role::Deputy),
            "member" | "thanh vien" | "don vi thanh vien" => Some(Role::Member),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Gender {
    F,
    M,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::F => "f",
            Gender::M => "m",
        }
    }

    /// Reads a gender as written in a CSV cell: f/m, female/male, nữ/nam.
    pub fn parse(s: &str) -> Option<Gender> {
        match fold_key(s).as_str() {
            "f" | "female" | "nu" => Some(Gender::F),
            "m" | "male" | "nam" => Some(Gender::M),
            _ => None,
        }
    }
}

/// A unit as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub short: Option<String>,
    pub parent_id: Option<i64>,
    pub parent_code: Option<String>,
    pub role: Option<String>,
    pub sector: Option<String>,
    pub note: Option<String>,
    pub sort_order: Option<i64>,
}

/// The fields a unit is written with (add, edit, import).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnitData {
    pub code: String,
    pub name: String,
    pub short: Option<String>,
    pub parent_id: Option<i64>,
    pub role: Option<Role>,
    pub sector: Option<String>,
    pub note: Option<String>,
    pub sort_order: Option<i64>,
}

/// A person as stored, with the code and name of their unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: i64,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub full_name: String,
    pub family: String,
    pub middle: String,
    pub given: String,
    pub gender: Option<String>,
    pub born: Option<i64>,
    pub position: Option<String>,
    pub staff_code: Option<String>,
    pub note: Option<String>,
}

/// The fields a person is written with.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonData {
    pub unit_id: i64,
    pub full_name: String,
    pub family: String,
    pub middle: String,
    pub given: String,
    pub gender: Option<Gender>,
    pub born: Option<i64>,
    pub position: Option<String>,
    pub staff_code: Option<String>,
    pub note: Option<String>,
}

/// What an upsert did to one row; imports count these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Inserted,
    Updated,
    Unchanged,
}
