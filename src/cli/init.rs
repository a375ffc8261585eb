//! `thidua init`: create a bloc-year file, empty or carried over from last year's (`--from`).

use std::path::PathBuf;

use clap::Args;

use super::{text_arg, Ctx};
use crate::db::{self, carry};
use crate::error::{refused_hint, usage, Result};

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The year this file holds
    #[arg(long, value_parser = crate::cli::args::year_arg)]
    pub year: i32,
    /// The bloc's name, e.g. "Khối thi đua các Cơ quan Trung ương" [default with --from: the old file's]
    #[arg(long, value_parser = text_arg, required_unless_present = "from")]
    pub bloc: Option<String>,
    /// The province the bloc belongs to, e.g. "Tây Ninh" [default with --from: the old file's]
    #[arg(long, value_parser = text_arg)]
    pub province: Option<String>,
    /// Last year's file: carry its units, people, local catalog, settings, criteria and history over (read-only)
    #[arg(long, value_name = "OLD.db")]
    pub from: Option<PathBuf>,
    /// With --from: keep the bloc roles (the leader usually rotates, so they are reset to member by default)
    #[arg(long, requires = "from")]
    pub keep_roles: bool,
}

pub fn run(ctx: &Ctx, a: InitArgs) -> Result<()> {
    let source = a.from.as_deref().map(carry::open_source).transpose()?;
    if let Some(s) = &source {
        if s.bloc.year >= a.year {
            return Err(refused_hint(
                msg!("'{}' holds {}, not a year before {}", s.name, s.bloc.year, a.year),
                "carry a file forward into a later year",
            ));
        }
    }
    let bloc = a.bloc.clone().filter(|b| !b.is_empty()).or_else(|| source.as_ref().map(|s| s.bloc.name.clone()));
    let Some(bloc) = bloc else { return Err(usage(msg!("--bloc needs the bloc's name"))) };
    let province =
        a.province.clone().filter(|p| !p.is_empty()).or_else(|| source.as_ref().and_then(|s| s.bloc.province.clone()));
    let mut note = None;
    let mut more = None;
    db::create(&ctx.db, |tx| {
        db::meta::insert_bloc(tx, &bloc, province.as_deref(), a.year, false)?;
        if let Some(s) = &source {
            db::carry_cache(tx)?;
            let c = carry::carry(&s.conn, tx, a.keep_roles)?;
            let h = carry::carry_history(&s.conn, tx)?;
            // What the old file's own history had revoked stays revoked here.
            carry::take_revocations(&s.conn, tx)?;
            carry::record_origin(tx, s, crate::model::OriginKind::Carried)?;
            use crate::msg::Msg;
            let counts = [
                Msg::count(c.units as u64, "{} unit", "{} units"),
                Msg::people(c.people as u64),
                Msg::count(c.catalog as u64, "{} local catalog entry", "{} local catalog entries"),
                Msg::count(c.settings as u64, "{} setting", "{} settings"),
                Msg::count(c.criteria as u64, "{} criterion", "{} criteria"),
                Msg::count(h as u64, "{} achievement of earlier years", "{} achievements of earlier years"),
            ];
            let [u, p, l, st, cr, hi] = counts;
            note = Some(if a.keep_roles {
                msg!("carried from {} ({}): {}, {}, {}, {}, {}, {}", s.name, s.bloc.year, u, p, l, st, cr, hi)
            } else {
                msg!(
                    "carried from {} ({}): {}, {}, {}, {}, {}, {}; bloc roles reset to member",
                    s.name,
                    s.bloc.year,
                    u,
                    p,
                    l,
                    st,
                    cr,
                    hi
                )
            });
            if c.ratings + c.initiatives + c.discipline + c.params > 0 {
                more = Some(msg!(
                    "carried for deciding the year: {} ratings, {} initiatives, {} open discipline or review records, {} rule parameters",
                    c.ratings, c.initiatives, c.discipline, c.params
                ));
            }
        }
        Ok(())
    })?;
    ctx.say(msg!("created {} for {} ({})", ctx.db.display(), bloc, a.year));
    for n in [note, more].into_iter().flatten() {
        ctx.say(n);
    }
    Ok(())
}
