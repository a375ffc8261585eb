//! `thidua unit`: member units of the bloc and their sub-units.

use clap::{Args, Subcommand};

use super::{text_arg, Ctx, WriteArgs};
use crate::db::{self, refs, units};
use crate::error::{refused_hint, usage, Result};
use crate::import;
use crate::model::{Role, UnitData, UnitEndKind};
use crate::msg::Msg;
use crate::output::{emit_report, emit_table};
use crate::report;
use crate::text::check_code;

#[derive(Subcommand, Debug)]
pub enum UnitCmd {
    /// Add a unit: a member of the bloc, or a sub-unit of one (--parent)
    Add(AddArgs),
    /// The units in bloc order, sub-units under their unit
    List {
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// One unit with its people and sub-units
    Show {
        #[command(flatten)]
        out: super::OutputArgs,
        /// Code or name of the unit
        unit: String,
    },
    /// Change a unit's fields (an empty text clears it)
    Edit(EditArgs),
    /// A unit's staff for the year: how many people, women and Party members (the member shares of TTLĐTT and
    /// TTLĐXS are only judged when the file holds all of its people)
    Staff {
        /// Code or name of the unit
        unit: String,
        /// How many people work there
        #[arg(long)]
        staff: u32,
        /// How many of them are women
        #[arg(long)]
        women: Option<u32>,
        /// How many of them are Party members
        #[arg(long)]
        party: Option<u32>,
        /// Its functions and tasks, as its achievement report states them
        #[arg(long, value_parser = super::text_arg)]
        function: Option<String>,
        /// How many hold LĐTT for the year, as the unit reports it (the shares of TTLĐTT and TTLĐXS are judged on
        /// it when the file does not hold all of its people)
        #[arg(long)]
        ldtt: Option<u32>,
        /// How many of them hold CSTĐCS, as the unit reports it
        #[arg(long, requires = "ldtt")]
        cstdcs: Option<u32>,
        /// The report the counts are from, e.g. "Báo cáo 12/BC-CT ngày 05/12/2025"
        #[arg(long, value_parser = super::text_arg, requires = "ldtt")]
        doc: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a unit nothing refers to
    Remove {
        /// Code or name of the unit
        unit: String,
        /// Answer yes to the confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// A unit merged into another on a date (its ratings, initiatives and awards stay its own; it is not ranked or
    /// proposed after the date)
    Merge {
        /// Code or name of the unit that merged
        unit: String,
        /// The unit it merged into (code or name)
        #[arg(long)]
        into: String,
        /// The day the merger took effect
        #[arg(long, value_parser = super::date_arg)]
        date: chrono::NaiveDate,
        /// The decision that merged it, e.g. 2019/QĐ-BTC
        #[arg(long, value_parser = text_arg)]
        decision: Option<String>,
        /// Move its people and sub-units to the unit it merged into
        #[arg(long)]
        move_people: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// A unit dissolved on a date: not proposed after it (Circular 15/2025/TT-BNV); its records stay
    Dissolve {
        /// Code or name of the unit
        unit: String,
        /// The day it was dissolved
        #[arg(long, value_parser = super::date_arg)]
        date: chrono::NaiveDate,
        /// The decision that dissolved it
        #[arg(long, value_parser = text_arg)]
        decision: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Take back a merger or dissolution typed in error
    Restore {
        /// Code or name of the unit
        unit: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Add or update units from a CSV file (or - for stdin), by code
    Import {
        /// The CSV file: columns code, name, short, parent, role, sector, note, order
        file: String,
        #[command(flatten)]
        cols: super::ColumnArgs,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Args, Debug)]
#[command(mut_arg("name", |a| a.required(true)))]
pub struct AddArgs {
    /// A short ASCII code, e.g. BHXH
    pub code: String,
    /// The unit it belongs to (code or name); a sub-unit holds no bloc role
    #[arg(long)]
    pub parent: Option<String>,
    /// Position in the bloc order (lists otherwise show the leader first, then by code)
    #[arg(long)]
    pub order: Option<i64>,
    #[command(flatten)]
    pub fields: Fields,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// A unit's fields that `unit add` sets and `unit edit` changes: one definition, so the two say the same.
#[derive(Args, Debug)]
pub struct Fields {
    /// The unit's full name, e.g. "Bảo hiểm xã hội tỉnh" (an empty text is refused)
    #[arg(long, value_parser = text_arg)]
    pub name: Option<String>,
    /// Short name, e.g. "BHXH tỉnh"
    #[arg(long, value_parser = text_arg)]
    pub short: Option<String>,
    /// Role in the bloc [default on add: member for a top-level unit]
    #[arg(long, value_parser = super::one_of(Role::VALUES, Role::parse))]
    pub role: Option<Role>,
    /// Sector line ("ngành dọc"), e.g. "Bộ Tài chính"
    #[arg(long, value_parser = text_arg)]
    pub sector: Option<String>,
    /// A free note kept with the record
    #[arg(long, value_parser = text_arg)]
    pub note: Option<String>,
    /// Share of women on the staff in % (the ranking's tie-break prefers ≥ 70%)
    #[arg(long, value_parser = share_arg)]
    pub female_share: Option<f64>,
}

/// A percentage 0–100, in either number style.
fn share_arg(s: &str) -> std::result::Result<f64, crate::text::Bad> {
    let x = crate::text::parse_number(s)?;
    if (0.0..=100.0).contains(&x) {
        Ok(x)
    } else {
        Err(crate::text::Bad::new("'{}' is not a share between 0 and 100", vec![s.into()]))
    }
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// Code or name of the unit
    pub unit: String,
    /// A new code
    #[arg(long)]
    pub code: Option<String>,
    /// Make it a sub-unit of this unit
    #[arg(long, conflicts_with = "no_parent")]
    pub parent: Option<String>,
    /// Make it a top-level unit (a member of the bloc)
    #[arg(long)]
    pub no_parent: bool,
    /// Position in the bloc order
    #[arg(long, conflicts_with = "no_order")]
    pub order: Option<i64>,
    /// Drop the explicit order
    #[arg(long)]
    pub no_order: bool,
    #[command(flatten)]
    pub fields: Fields,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, cmd: UnitCmd) -> Result<()> {
    match cmd {
        UnitCmd::Add(a) => add(ctx, a),
        UnitCmd::List { .. } => {
            // A national tree counts a million people by unit: read once, with the small cache of a large read.
            let conn = ctx.open()?;
            crate::db::large_read(&conn)?;
            emit_table(&report::units::list(&conn)?, &ctx.out)
        }
        UnitCmd::Show { unit, .. } => {
            let conn = ctx.open()?;
            let u = units::resolve(&conn, &unit)?;
            emit_report(&report::units::show(&conn, &u)?, &ctx.out)
        }
        UnitCmd::Edit(a) => edit(ctx, a),
        UnitCmd::Remove { unit, yes, write } => remove(ctx, &unit, yes, &write),
        UnitCmd::Merge { unit, into, date, decision, move_people, write } => {
            let (code, to, (people, subs)) = ctx.write(&write, |tx| {
                let u = units::resolve(tx, &unit)?;
                let s = units::resolve(tx, &into)?;
                let moved = units::end(
                    tx,
                    &u,
                    UnitEndKind::Merged,
                    date,
                    Some(&s),
                    decision.as_deref().filter(|d| !d.is_empty()),
                    move_people,
                )?;
                Ok((u.code, s.code, moved))
            })?;
            ctx.done(&write, msg!("{} merged into {} on {}", code, to, crate::text::format_date(date)));
            if move_people {
                ctx.say(msg!("{} people and {} sub-units moved to {}", people, subs, to));
            }
            Ok(())
        }
        UnitCmd::Dissolve { unit, date, decision, write } => {
            let code = ctx.write(&write, |tx| {
                let u = units::resolve(tx, &unit)?;
                let d = decision.as_deref().filter(|d| !d.is_empty());
                units::end(tx, &u, UnitEndKind::Dissolved, date, None, d, false)?;
                Ok(u.code)
            })?;
            ctx.done(&write, msg!("{} dissolved on {}", code, crate::text::format_date(date)));
            Ok(())
        }
        UnitCmd::Restore { unit, write } => {
            let code = ctx.write(&write, |tx| {
                let u = units::resolve(tx, &unit)?;
                units::restore(tx, &u)?;
                Ok(u.code)
            })?;
            ctx.done(&write, msg!("{} goes on: its merger or dissolution was taken back", code));
            Ok(())
        }
        UnitCmd::Staff { unit, staff, women, party, function, ldtt, cstdcs, doc, write } => {
            let code = ctx.write(&write, |tx| {
                let u = units::resolve(tx, &unit)?;
                let s = units::Staff {
                    staff: staff.into(),
                    women: women.map(i64::from),
                    party: party.map(i64::from),
                    function: function.clone().filter(|f| !f.is_empty()),
                };
                units::set_staff(tx, u.id, &s)?;
                if let Some(ldtt) = ldtt {
                    let r = units::Reported {
                        ldtt: ldtt.into(),
                        cstdcs: cstdcs.unwrap_or(0).into(),
                        doc: doc.clone().filter(|d| !d.is_empty()),
                    };
                    units::set_reported(tx, u.id, staff.into(), &r)?;
                }
                Ok(u.code)
            })?;
            ctx.done(&write, msg!("{}: staff {}", code, staff));
            Ok(())
        }
        UnitCmd::Import { file, cols, write } => import_units(ctx, &file, &cols, &write),
    }
}

fn code_arg(code: &str) -> Result<String> {
    check_code("unit", code).map_err(crate::error::usage)
}

fn empty_none(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.is_empty())
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let code = code_arg(&a.code)?;
    // clap requires --name on add; an empty one is refused like everywhere.
    let name = a.fields.name.clone().filter(|n| !n.is_empty()).ok_or_else(|| usage(msg!("--name cannot be empty")))?;
    let msg = ctx.write(&a.write, |tx| {
        let parent = a.parent.as_deref().map(|p| units::resolve(tx, p)).transpose()?;
        let role = match (&parent, a.fields.role) {
            (None, r) => Some(r.unwrap_or(Role::Member)),
            (Some(_), r) => r,
        };
        let d = UnitData {
            code: code.clone(),
            name: name.clone(),
            short: empty_none(a.fields.short.clone()),
            parent_id: parent.as_ref().map(|p| p.id),
            role,
            sector: empty_none(a.fields.sector.clone()),
            note: empty_none(a.fields.note.clone()),
            sort_order: a.order,
            female_share: a.fields.female_share,
        };
        units::insert(tx, &d)?;
        Ok(match parent {
            Some(p) => msg!("added unit {} ({}) under {}", code, name, p.code),
            None => msg!("added unit {} ({}) as {}", code, name, role.unwrap_or(Role::Member)),
        })
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let new_code = a.code.as_deref().map(code_arg).transpose()?;
    let nothing = new_code.is_none()
        && a.fields.name.is_none()
        && a.fields.short.is_none()
        && a.parent.is_none()
        && !a.no_parent
        && a.fields.role.is_none()
        && a.fields.sector.is_none()
        && a.fields.note.is_none()
        && a.order.is_none()
        && !a.no_order
        && a.fields.female_share.is_none();
    if nothing {
        return Err(super::nothing_to_do("edit"));
    }
    let msg = ctx.write(&a.write, |tx| {
        let u = units::resolve(tx, &a.unit)?;
        let mut d = units::data_of(&u);
        if let Some(c) = &new_code {
            d.code = c.clone();
        }
        if let Some(n) = &a.fields.name {
            if n.is_empty() {
                return Err(crate::error::usage(msg!("--name cannot be empty")));
            }
            d.name = n.clone();
        }
        if let Some(s) = &a.fields.short {
            d.short = empty_none(Some(s.clone()));
        }
        if let Some(s) = &a.fields.sector {
            d.sector = empty_none(Some(s.clone()));
        }
        if let Some(s) = &a.fields.note {
            d.note = empty_none(Some(s.clone()));
        }
        if let Some(p) = &a.parent {
            d.parent_id = Some(units::resolve(tx, p)?.id);
            // A plain member becomes a sub-unit without fuss; a leader or deputy must hand its role over first.
            if d.role == Some(Role::Member) && a.fields.role.is_none() {
                d.role = None;
            }
        }
        if a.no_parent {
            d.parent_id = None;
            if d.role.is_none() {
                d.role = Some(Role::Member);
            }
        }
        if let Some(r) = a.fields.role {
            d.role = Some(r);
        }
        if a.fields.female_share.is_some() {
            d.female_share = a.fields.female_share;
        }
        if a.no_order {
            d.sort_order = None;
        } else if a.order.is_some() {
            d.sort_order = a.order;
        }
        units::update(tx, u.id, &d)?;
        Ok(msg!("updated unit {}", d.code))
    })?;
    ctx.done(&a.write, msg);
    Ok(())
}

/// Names a table's rows as people read them, for a refusal that says what still refers to a unit.
pub fn describe_refs(r: &[refs::Reference]) -> Msg {
    let items = r
        .iter()
        .map(|x| {
            let n = x.count as u64;
            // Each table by what a person calls its rows.
            let m = match (x.table.as_str(), x.column.as_str()) {
                ("person", _) => Msg::count(n, "{} person", "{} people"),
                ("unit", "parent_id") => Msg::count(n, "{} sub-unit", "{} sub-units"),
                ("meeting_item", _) => Msg::count(n, "{} talk or exemplar", "{} talks or exemplars"),
                ("council_member", _) => Msg::count(n, "{} council member", "{} council members"),
                ("council_vote", _) => Msg::count(n, "{} ballot", "{} ballots"),
                ("proposal_item", _) => Msg::count(n, "{} proposal candidate", "{} proposal candidates"),
                ("initiative_author", _) => Msg::count(n, "{} initiative author", "{} initiative authors"),
                ("score_exclusion", _) => {
                    Msg::count(n, "{} exclusion from the proposals", "{} exclusions from the proposals")
                }
                ("unit_staff", _) => Msg::count(n, "{} staff count", "{} staff counts"),
                ("unit_end", "successor_id") => Msg::count(n, "{} unit merged into it", "{} units merged into it"),
                ("unit_end", _) => Msg::count(n, "{} merger or dissolution", "{} mergers or dissolutions"),
                ("discipline", _) => Msg::count(n, "{} discipline or review", "{} disciplines or reviews"),
                ("confirmation", _) => Msg::count(n, "{} confirmation", "{} confirmations"),
                ("rating", _) => Msg::count(n, "{} rating", "{} ratings"),
                ("initiative", _) => Msg::count(n, "{} initiative", "{} initiatives"),
                ("registration", _) => Msg::count(n, "{} registration", "{} registrations"),
                ("award", _) => Msg::count(n, "{} award", "{} awards"),
                ("pledge", _) => Msg::count(n, "{} pledge", "{} pledges"),
                ("score", _) => Msg::count(n, "{} score", "{} scores"),
                ("proposal", _) => Msg::count(n, "{} proposal", "{} proposals"),
                (t, _) => msg!("{} {}", n, t),
            };
            m.into()
        })
        .collect();
    msg!("{}", crate::msg::Arg::List(items, ", "))
}

fn remove(ctx: &Ctx, unit: &str, yes: bool, w: &WriteArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let u = units::resolve(&conn, unit)?;
    let r = refs::references(&conn, "unit", u.id)?;
    if !r.is_empty() {
        // People and sub-units are what `unit show` lists; any other record of the unit is its history, which a
        // merger or dissolution keeps.
        let only_tree = r.iter().all(|x| x.table == "person" || (x.table == "unit" && x.column == "parent_id"));
        let hint = if only_tree {
            msg!("remove or move those first (`thidua unit show` lists its people and sub-units)")
        } else {
            msg!(
                "its records stay on record: a unit that merged or was dissolved is recorded with `thidua unit merge {} --into …` or `thidua unit dissolve {}`",
                u.code,
                u.code
            )
        };
        return Err(refused_hint(msg!("unit {} is still referred to by {}", u.code, describe_refs(&r)), hint));
    }
    ctx.confirm(msg!("remove unit {} ({})?", u.code, u.name), yes)?;
    db::write(&mut conn, w.dry_run, |tx| units::delete(tx, u.id))?;
    ctx.done(w, msg!("removed unit {}", u.code));
    Ok(())
}

fn import_units(ctx: &Ctx, file: &str, cols: &super::ColumnArgs, w: &WriteArgs) -> Result<()> {
    let mut conn = ctx.open()?;
    let mut src = cols.open(file, import::units::COLUMNS)?;
    let counts = db::write(&mut conn, w.dry_run, |tx| import::units::run(tx, &mut src, ctx.quiet))?;
    ctx.done(w, counts.summary(&src.name));
    Ok(())
}
