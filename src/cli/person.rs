//! `thidua person`: people of the units.

use clap::{Args, Subcommand};

use super::{text_arg, Ctx, WriteArgs};
use crate::db::{self, people, refs, units};
use crate::error::{refused_hint, usage, Result};
use crate::import;
use crate::model::PositionClass;
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
#[command(mut_arg("unit", |a| a.required(true)), mut_arg("name", |a| a.required(true)))]
pub struct AddArgs {
    #[command(flatten)]
    pub fields: Fields,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// A person's fields that `person add` sets and `person edit` changes: one definition, so the two say the same.
#[derive(Args, Debug)]
pub struct Fields {
    /// The person's unit (code or name); on edit, moves the person there
    #[arg(long)]
    pub unit: Option<String>,
    /// Full name as written, e.g. "Trần Thị Yến Phương"
    #[arg(long, value_parser = text_arg)]
    pub name: Option<String>,
    /// Position (chức vụ) as printed on documents, e.g. "Phó Giám đốc"
    #[arg(long, value_parser = text_arg)]
    pub position: Option<String>,
    /// Gender: f or m (nữ / nam)
    #[arg(long, value_parser = super::one_of(Gender::VALUES, Gender::parse))]
    pub gender: Option<Gender>,
    /// Year of birth, or the date of birth of which the year is kept (1970, 12/03/1970)
    #[arg(long, value_parser = born_arg)]
    pub born: Option<i64>,
    /// Staff code (mã cán bộ), unique in the file
    #[arg(long, value_parser = text_arg)]
    pub code: Option<String>,
    /// Family name (họ) when it is more than the first word (e.g. "Tôn Nữ")
    #[arg(long, value_parser = text_arg)]
    pub family: Option<String>,
    /// Given name (tên) when it is more than the last word
    #[arg(long, value_parser = text_arg)]
    pub given: Option<String>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    /// Position class for the statistical forms (leader_province, leader_department, entrepreneur, leader_other,
    /// frontline), where the position's words do not say it; auto: read it from the words again
    #[arg(long, value_parser = class_arg)]
    pub position_class: Option<ClassChoice>,
}

/// A position class given on the command line, or `auto` to read it from the position's words.
#[derive(Debug, Clone, Copy)]
pub enum ClassChoice {
    Auto,
    Set(PositionClass),
}

fn class_arg(s: &str) -> std::result::Result<ClassChoice, crate::text::Bad> {
    if matches!(crate::text::fold_key(s).as_str(), "auto" | "tu dong") {
        return Ok(ClassChoice::Auto);
    }
    PositionClass::parse(s).map(ClassChoice::Set).ok_or_else(|| {
        crate::text::Bad::new("'{}' is not a position class ({}; or auto)", vec![s.into(), PositionClass::list()])
    })
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// Number, staff code or full name
    pub person: String,
    #[command(flatten)]
    pub fields: Fields,
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
            emit_report(&report::people::show(&conn, &p)?, &ctx.out)
        }
        PersonCmd::Edit(a) => edit(ctx, a),
        PersonCmd::Remove { person, yes, write } => remove(ctx, &person, yes, &write),
        PersonCmd::Import { file, cols, write } => import_people(ctx, &file, &cols, &write),
    }
}

fn born_arg(s: &str) -> std::result::Result<i64, crate::text::Bad> {
    crate::text::parse_birth_year(s).map(i64::from)
}

fn some(s: &Option<String>) -> Option<String> {
    s.clone().filter(|s| !s.is_empty())
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    // clap requires --unit and --name on add; an empty name is refused like everywhere.
    let name = some(&a.fields.name).ok_or_else(|| usage(msg!("--name cannot be empty")))?;
    let unit_ref = a.fields.unit.clone().unwrap_or_default();
    let parts =
        split_name(&name, some(&a.fields.family).as_deref(), some(&a.fields.given).as_deref()).map_err(usage)?;
    let (id, unit) = ctx.write(&a.write, |tx| {
        let u = units::resolve(tx, &unit_ref)?;
        let d = PersonData {
            unit_id: u.id,
            full_name: name.clone(),
            family: parts.family,
            middle: parts.middle,
            given: parts.given,
            gender: a.fields.gender,
            born: a.fields.born,
            position: some(&a.fields.position),
            staff_code: some(&a.fields.code),
            note: some(&a.fields.note),
        };
        let id = people::insert(tx, &d)?;
        if let Some(ClassChoice::Set(c)) = a.fields.position_class {
            people::set_class(tx, id, Some(c))?;
        }
        Ok((id, u.code))
    })?;
    ctx.done(&a.write, msg!("added #{} {} to {}", id, name, unit));
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
    let nothing = a.fields.unit.is_none()
        && a.fields.name.is_none()
        && a.fields.position.is_none()
        && a.fields.gender.is_none()
        && a.fields.born.is_none()
        && a.fields.code.is_none()
        && a.fields.family.is_none()
        && a.fields.given.is_none()
        && a.fields.note.is_none()
        && a.fields.position_class.is_none();
    if nothing {
        return Err(super::nothing_to_do("edit"));
    }
    let msg = ctx.write(&a.write, |tx| {
        let p = people::resolve(tx, &a.person)?;
        let mut d = people::data_of(&p);
        if let Some(u) = &a.fields.unit {
            d.unit_id = units::resolve(tx, u)?.id;
        }
        if let Some(n) = &a.fields.name {
            if n.is_empty() {
                return Err(usage(msg!("--name cannot be empty")));
            }
            d.full_name = n.clone();
        }
        // The split is redone from the (new) name; overrides given now apply, or else the default split.
        if a.fields.name.is_some() || a.fields.family.is_some() || a.fields.given.is_some() {
            let parts = split_name(&d.full_name, some(&a.fields.family).as_deref(), some(&a.fields.given).as_deref())
                .map_err(usage)?;
            d.family = parts.family;
            d.middle = parts.middle;
            d.given = parts.given;
        }
        if a.fields.position.is_some() {
            d.position = some(&a.fields.position);
        }
        if a.fields.gender.is_some() {
            d.gender = a.fields.gender;
        }
        if a.fields.born.is_some() {
            d.born = a.fields.born;
        }
        if a.fields.code.is_some() {
            d.staff_code = some(&a.fields.code);
        }
        if a.fields.note.is_some() {
            d.note = some(&a.fields.note);
        }
        people::update(tx, p.id, &d)?;
        match a.fields.position_class {
            Some(ClassChoice::Set(c)) => people::set_class(tx, p.id, Some(c))?,
            Some(ClassChoice::Auto) => people::set_class(tx, p.id, None)?,
            None => {}
        }
        Ok(msg!("updated #{} {}", p.id, d.full_name))
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}

fn remove(ctx: &Ctx, person: &str, yes: bool, w: &WriteArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let p = people::resolve(&conn, person)?;
    // A position class is the person's own: it goes with the person.
    let r: Vec<_> =
        refs::references(&conn, "person", p.id)?.into_iter().filter(|r| r.table != "person_class").collect();
    if !r.is_empty() {
        return Err(refused_hint(
            msg!("{} is still referred to by {}", msg!("#{} {}", p.id, p.full_name), super::unit::describe_refs(&r)),
            "remove those records first",
        ));
    }
    ctx.confirm(msg!("remove {} ({})?", msg!("#{} {}", p.id, p.full_name), p.unit_code), yes)?;
    db::write(&mut conn, w.dry_run, |tx| people::delete(tx, p.id))?;
    ctx.done(w, msg!("removed #{} {}", p.id, p.full_name));
    Ok(())
}

fn import_people(ctx: &Ctx, file: &str, cols: &super::ColumnArgs, w: &WriteArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let mut src = cols.open(file, import::people::COLUMNS)?;
    let counts = db::write_load(&mut conn, w.dry_run, |tx| import::people::run(tx, &mut src, ctx.quiet))?;
    ctx.done(w, counts.summary(&src.name));
    Ok(())
}
