//! `thidua person`: people of the units.

use clap::{Args, Subcommand};

use super::{text_arg, Ctx, WriteArgs};
use crate::db::{self, people, refs, units};
use crate::error::{refused_hint, usage, Result};
use crate::import;
use crate::model::{Gender, PersonData};
use crate::output::{emit_report, Stream};
use crate::report;
use crate::text::split_name;

#[derive(Subcommand, Debug)]
pub enum PersonCmd {
    /// Add a person to a unit
    Add(AddArgs),
    /// People in Vietnamese order (given name, then family and middle name)
    List {
        #[command(flatten)]
        out: super::OutputArgs,
        /// Only the people of this unit and its sub-units (code or name)
        #[arg(long)]
        unit: Option<String>,
    },
    /// One person
    Show {
        #[command(flatten)]
        out: super::OutputArgs,
        /// Number, staff code or full name
        person: String,
    },
    /// Change a person's fields (an empty text clears it)
    Edit(EditArgs),
    /// Remove a person nothing refers to
    Remove {
        /// Number, staff code or full name
        person: String,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Add or update people from a CSV file (or - for stdin), by staff code or by name within the unit
    Import {
        /// The CSV file: columns unit, name, position, gender, born, code, family, given, note
        file: String,
        #[command(flatten)]
        cols: super::ColumnArgs,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Args, Debug)]
pub struct AddArgs {
    /// The person's unit (code or name)
    #[arg(long)]
    pub unit: String,
    /// Full name as written, e.g. "Trần Thị Yến Phương"
    #[arg(long, value_parser = text_arg)]
    pub name: String,
    /// e.g. "Phó Giám đốc"
    #[arg(long, value_parser = text_arg)]
    pub position: Option<String>,
    /// Gender: f or m (nữ / nam)
    #[arg(long, value_parser = super::one_of(Gender::VALUES, Gender::parse))]
    pub gender: Option<Gender>,
    /// Year of birth, or the date of birth of which the year is kept (1970, 12/03/1970)
    #[arg(long, value_parser = born_arg)]
    pub born: Option<i64>,
    /// Staff code, unique in the file
    #[arg(long, value_parser = text_arg)]
    pub code: Option<String>,
    /// Family name when it is more than the first word (e.g. "Tôn Nữ")
    #[arg(long, value_parser = text_arg)]
    pub family: Option<String>,
    /// Given name when it is more than the last word
    #[arg(long, value_parser = text_arg)]
    pub given: Option<String>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// Number, staff code or full name
    pub person: String,
    /// Move the person to this unit (code or name)
    #[arg(long)]
    pub unit: Option<String>,
    /// The full name, e.g. "Trần Thị Yến Phương"
    #[arg(long, value_parser = text_arg)]
    pub name: Option<String>,
    /// Position (chức vụ), as it is printed on documents
    #[arg(long, value_parser = text_arg)]
    pub position: Option<String>,
    /// Gender: f or m (nữ / nam)
    #[arg(long, value_parser = super::one_of(Gender::VALUES, Gender::parse))]
    pub gender: Option<Gender>,
    /// Year of birth, or the date of birth of which the year is kept (1970, 12/03/1970)
    #[arg(long, value_parser = born_arg)]
    pub born: Option<i64>,
    /// The staff code (mã cán bộ)
    #[arg(long, value_parser = text_arg)]
    pub code: Option<String>,
    /// The family name (họ), when the split of the full name is not the usual one
    #[arg(long, value_parser = text_arg)]
    pub family: Option<String>,
    /// The given name (tên), when the split of the full name is not the usual one
    #[arg(long, value_parser = text_arg)]
    pub given: Option<String>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, cmd: PersonCmd) -> Result<()> {
    match cmd {
        PersonCmd::Add(a) => add(ctx, a),
        PersonCmd::List { unit, .. } => list(ctx, unit.as_deref()),
        PersonCmd::Show { person, .. } => {
            let conn = ctx.open()?;
            let p = people::resolve(&conn, &person)?;
            emit_report(&report::people::show(&conn, &p, ctx.out.lang)?, &ctx.out)
        }
        PersonCmd::Edit(a) => edit(ctx, a),
        PersonCmd::Remove { person, yes, write } => remove(ctx, &person, yes, &write),
        PersonCmd::Import { file, cols, write } => import_people(ctx, &file, &cols, &write),
    }
}

fn born_arg(s: &str) -> std::result::Result<i64, String> {
    crate::text::parse_birth_year(s).map(i64::from)
}

fn some(s: &Option<String>) -> Option<String> {
    s.clone().filter(|s| !s.is_empty())
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let parts = split_name(&a.name, some(&a.family).as_deref(), some(&a.given).as_deref()).map_err(usage)?;
    let (id, unit) = ctx.write(&a.write, |tx| {
        let u = units::resolve(tx, &a.unit)?;
        let d = PersonData {
            unit_id: u.id,
            full_name: a.name.clone(),
            family: parts.family,
            middle: parts.middle,
            given: parts.given,
            gender: a.gender,
            born: a.born,
            position: some(&a.position),
            staff_code: some(&a.code),
            note: some(&a.note),
        };
        Ok((people::insert(tx, &d)?, u.code))
    })?;
    ctx.done(&a.write, format!("added #{id} {} to {unit}", a.name));
    Ok(())
}

fn list(ctx: &Ctx, unit: Option<&str>) -> Result<()> {
    let conn = ctx.open()?;
    let unit_id = unit.map(|u| units::resolve(&conn, u)).transpose()?.map(|u| u.id);
    crate::db::large_read(&conn)?;
    let mut out = Stream::start(
        "people",
        &["id", "name", "unit", "position", "gender", "born", "code", "family", "middle", "given", "note"],
        &ctx.out,
    )?;
    people::each(&conn, unit_id, |p| {
        out.push(vec![
            p.id.into(),
            p.full_name.into(),
            p.unit_code.into(),
            p.position.into(),
            p.gender.into(),
            p.born.into(),
            p.staff_code.into(),
            p.family.into(),
            p.middle.into(),
            p.given.into(),
            p.note.into(),
        ])
    })?;
    out.finish()
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let nothing = a.unit.is_none()
        && a.name.is_none()
        && a.position.is_none()
        && a.gender.is_none()
        && a.born.is_none()
        && a.code.is_none()
        && a.family.is_none()
        && a.given.is_none()
        && a.note.is_none();
    if nothing {
        return Err(super::nothing_to_do("edit"));
    }
    let msg = ctx.write(&a.write, |tx| {
        let p = people::resolve(tx, &a.person)?;
        let mut d = people::data_of(&p);
        if let Some(u) = &a.unit {
            d.unit_id = units::resolve(tx, u)?.id;
        }
        if let Some(n) = &a.name {
            if n.is_empty() {
                return Err(usage("--name cannot be empty"));
            }
            d.full_name = n.clone();
        }
        // The split is redone from the (new) name; overrides given now apply, or else the default split.
        if a.name.is_some() || a.family.is_some() || a.given.is_some() {
            let parts =
                split_name(&d.full_name, some(&a.family).as_deref(), some(&a.given).as_deref()).map_err(usage)?;
            d.family = parts.family;
            d.middle = parts.middle;
            d.given = parts.given;
        }
        if a.position.is_some() {
            d.position = some(&a.position);
        }
        if a.gender.is_some() {
            d.gender = a.gender;
        }
        if a.born.is_some() {
            d.born = a.born;
        }
        if a.code.is_some() {
            d.staff_code = some(&a.code);
        }
        if a.note.is_some() {
            d.note = some(&a.note);
        }
        people::update(tx, p.id, &d)?;
        Ok(format!("updated #{} {}", p.id, d.full_name))
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}

fn remove(ctx: &Ctx, person: &str, yes: bool, w: &WriteArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let p = people::resolve(&conn, person)?;
    let r = refs::references(&conn, "person", p.id)?;
    if !r.is_empty() {
        return Err(refused_hint(
            format!("#{} {} is still referred to by {}", p.id, p.full_name, super::unit::describe_refs(&r)),
            "remove those records first",
        ));
    }
    ctx.confirm(&format!("remove #{} {} ({})?", p.id, p.full_name, p.unit_code), yes)?;
    db::write(&mut conn, w.dry_run, |tx| people::delete(tx, p.id))?;
    ctx.done(w, format!("removed #{} {}", p.id, p.full_name));
    Ok(())
}

fn import_people(ctx: &Ctx, file: &str, cols: &super::ColumnArgs, w: &WriteArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let mut src = cols.open(file, import::people::COLUMNS)?;
    let counts = db::write(&mut conn, w.dry_run, |tx| import::people::run(tx, &mut src, ctx.quiet))?;
    ctx.done(w, counts.summary(&src.name));
    Ok(())
}
