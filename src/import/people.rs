//! `person import`: one row a person. Matched by staff code, else by name within the unit; reads the columns
//! `person list --format csv` writes (its `id` column is ignored: numbers belong to one file).

use std::collections::HashMap;

use rusqlite::Connection;

use super::{cell, col, skip, Col, Counts, Errors, Row, Source};
use crate::db::audit::Lanes;
use crate::db::people::{self, NameKeys};
use crate::db::{load, units};
use crate::error::Result;
use crate::model::{Gender, Outcome, Person, PersonData};
use crate::text::{parse_birth_year, split_name};

pub const COLUMNS: &[Col] = &[
    col("unit", true, &["ma don vi", "don vi cong tac"]),
    col("name", true, &["ho va ten", "ho ten", "full name"]),
    col("position", false, &["chuc danh"]),
    col("gender", false, &["gioi"]),
    col("born", false, &["nam sinh", "ngay sinh", "birth year", "date of birth"]),
    col("code", false, &["staff code", "ma can bo", "ma nhan vien"]),
    col("family", false, &["ho"]),
    col("given", false, &["ten goi"]),
    col("note", false, &[]),
    skip("id"),
    skip("middle"),
];

pub fn run(conn: &Connection, src: &mut Source, quiet: bool) -> Result<Counts> {
    let mut errors = Errors::of(src);
    let mut load = load::begin(conn, "person", &people::LOAD_UNREAD, &[])?;
    // The name indexes built at the end are of text.
    load.sort_aside();
    // The reading thread finds units given by code and, while the writer is behind, digests each row for the
    // number it will get if every row before it is inserted; the writing thread resolves the other spellings,
    // each once, and digests the rows the reading thread left.
    let codes = units::ids_by_code(conn)?;
    let mut next_id = load.first_id();
    let pace = super::Pace::default();
    let prepare = |row: &Row| {
        let mut r = read(row)?;
        if let Some(id) = codes.get(&r.unit.to_ascii_uppercase()) {
            r.person.unit_id = *id;
            // Rows in unit order keep the writer the slower (the unit's name index kept up to date): this thread
            // digests them. Rows in no unit order leave the writer waiting for this one: the writer digests them
            // (a million scattered people 2.77 → 2.53 s; in unit order 2.06 → 2.00 s, all on the writer 2.38 s).
            if pace.writer_behind() {
                r.digest = Some((next_id, people::row_digest(next_id, &r.person, &r.keys)));
            }
        }
        next_id += 1;
        Ok(r)
    };
    let mut w = Writer {
        conn,
        // Columns the file lacks keep what a stored person has; which ones is the same for every row.
        has: Has {
            gender: src.has("gender"),
            born: src.has("born"),
            position: src.has("position"),
            note: src.has("note"),
        },
        unit_ids: HashMap::new(),
        order: UnitOrder::default(),
        load,
        insert: people::InsertIfNew::new(conn)?,
        held: Vec::new(),
        done: Vec::new(),
        pace: &pace,
        late: Errors::of(src),
        counts: Counts::default(),
    };
    super::each_batch_paced(src, quiet, &mut errors, &pace, prepare, |_| Ok(()), |line, row| w.apply(line, row))?;
    w.settle()?;
    errors.merge(w.late);
    errors.finish()?;
    w.load.end()?;
    Ok(w.counts)
}

/// The writing side of the import.
struct Writer<'c, 'p> {
    conn: &'c Connection,
    has: Has,
    unit_ids: HashMap<String, i64>,
    order: UnitOrder,
    load: load::Load<'c>,
    insert: people::InsertIfNew<'c>,
    /// The rows held for the next many-row insert, with their lines.
    held: Vec<(u64, Read)>,
    /// The rows inserted, given back to the reading thread to drop ([`super::Pace::give_back`]).
    done: Vec<Read>,
    pace: &'p super::Pace<Read>,
    /// The refusals of held rows, found when they were written.
    late: Errors,
    counts: Counts,
}

impl Writer<'_, '_> {
    fn apply(&mut self, line: u64, mut row: Read) -> Result<()> {
        if row.digest.is_none() {
            row.person.unit_id = super::unit_once(self.conn, &mut self.unit_ids, &row.unit)?;
        }
        if self.order.scattered(row.person.unit_id) {
            self.load.drop_now(people::LOAD_BY_NAME)?;
        }
        // Most rows of a large file are new people with a staff code: the insert is tried first, many at a time.
        if row.person.staff_code.is_some() {
            self.held.push((line, row));
            if self.held.len() == load::MANY {
                self.settle()?;
            }
            return Ok(());
        }
        // The rows before it are written first: the file's order is the order of writing.
        self.settle()?;
        self.write_one(row)
    }

    /// Inserts the rows held; one whose staff code is taken is written on its own.
    fn settle(&mut self) -> Result<()> {
        if self.held.is_empty() {
            return Ok(());
        }
        let done = {
            let people: Vec<_> = self.held.iter().map(|(_, r)| (&r.person, &r.keys)).collect();
            self.insert.insert_many(&people)?
        };
        for ((line, row), inserted) in std::mem::take(&mut self.held).into_iter().zip(done) {
            let written = match inserted {
                Ok(Some(id)) => {
                    match row.digest {
                        Some((at, lanes)) if at == id => self.load.inserted(&lanes),
                        _ => self.load.inserted(&people::row_digest(id, &row.person, &row.keys)),
                    }
                    self.counts.add(Outcome::Inserted);
                    self.done.push(row);
                    Ok(())
                }
                Ok(None) => self.write_one(row),
                Err(e) => Err(e),
            };
            if let Err(e) = written {
                self.late.add(line, e)?;
            }
        }
        if self.done.len() >= 1024 {
            self.pace.give_back(std::mem::take(&mut self.done));
        }
        Ok(())
    }

    /// A row the many-row insert did not write: the person with its staff code, or its name in its unit, updated,
    /// or a person without a staff code added.
    fn write_one(&mut self, row: Read) -> Result<()> {
        let conn = self.conn;
        if row.person.staff_code.is_none() {
            self.load.build_now(people::LOAD_BY_NAME)?;
        }
        let unit_id = row.person.unit_id;
        let stored = people::existing(conn, row.person.staff_code.as_deref(), unit_id, &row.person.full_name)?;
        let found = stored.as_ref().map(|p| p.id);
        let data = row.with_stored(stored.as_ref(), &self.has);
        self.counts.add(self.load.write_row(found, || people::upsert_known(conn, &data, stored))?.1);
        Ok(())
    }
}

/// Whether the rows come unit by unit, as each unit sends its list, or in no unit order (a national list sorted
/// by name or by staff code): looked at over each 4,096 rows.
#[derive(Default)]
struct UnitOrder {
    last: i64,
    rows: u32,
    switches: u32,
}

impl UnitOrder {
    /// True at the end of each run of rows in which the unit changed more than one row in four.
    fn scattered(&mut self, unit_id: i64) -> bool {
        self.switches += u32::from(unit_id != self.last);
        self.last = unit_id;
        self.rows += 1;
        if self.rows < 4096 {
            return false;
        }
        let scattered = self.switches > self.rows / 4;
        (self.rows, self.switches) = (0, 0);
        scattered
    }
}

/// Which optional columns the file has.
struct Has {
    gender: bool,
    born: bool,
    position: bool,
    note: bool,
}

/// A row read and checked, before the file is touched: its unit as written, the person as the row has it (the
/// unit's number set once it is resolved), the name's keys.
struct Read {
    unit: String,
    person: PersonData,
    keys: NameKeys,
    /// The row's content digest for the number it is expected to get, when its unit was found by code.
    digest: Option<(i64, Lanes)>,
}

/// Reads a row (on the import's reading thread: no database here).
fn read(row: &Row) -> Result<Read> {
    let full_name = row.need("name")?;
    let parts = split_name(&full_name, row.get("family").as_deref(), row.get("given").as_deref())
        .map_err(|m| cell("name", m))?;
    let gender = match row.get("gender") {
        Some(g) => Some(
            Gender::parse(&g)
                .ok_or_else(|| cell("gender", msg!("'{}' is not a gender ({}; nữ/nam)", g, Gender::list())))?,
        ),
        None => None,
    };
    let born = match row.get("born") {
        Some(b) => Some(i64::from(parse_birth_year(&b).map_err(|m| cell("born", m))?)),
        None => None,
    };
    Ok(Read {
        unit: row.need("unit")?,
        keys: NameKeys::of(&full_name),
        digest: None,
        person: PersonData {
            unit_id: 0,
            full_name,
            family: parts.family,
            middle: parts.middle,
            given: parts.given,
            gender,
            born,
            position: row.get("position"),
            staff_code: row.get("code"),
            note: row.get("note"),
        },
    })
}

impl Read {
    /// The person to write over a stored one: for columns the file lacks, what the stored person has.
    fn with_stored(self, stored: Option<&Person>, has: &Has) -> PersonData {
        let s = stored.map(people::data_of).unwrap_or_default();
        let p = self.person;
        PersonData {
            gender: if has.gender { p.gender } else { s.gender },
            born: if has.born { p.born } else { s.born },
            position: if has.position { p.position } else { s.position },
            staff_code: p.staff_code.or(s.staff_code),
            note: if has.note { p.note } else { s.note },
            ..p
        }
    }
}
