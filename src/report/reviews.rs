//! The reviews of the year and the lists that go with them (docs/domain.md §4): each built once as a `Report` and
//! rendered by `output/`. Every report runs on any file: a part of the year that is still empty says so.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::{awards, campaigns, decisions, meetings, meta, people, pledges, registrations, units};
use crate::error::Result;
use crate::model::{Award, MeetingKind, RegStatus, Unit};
use crate::msg::{Arg, Msg};
use crate::output::{Cell, Report, Table};
use crate::text::{format_date, format_period};

fn l(key: &str) -> Msg {
    Msg::label(key)
}

fn members_table(list: &[Unit]) -> Table {
    let mut t = Table::new("members", &["code", "name", "short", "role", "sector"]);
    for u in list {
        t.push(vec![
            u.code.as_str().into(),
            u.name.as_str().into(),
            u.short.clone().into(),
            u.role.into(),
            u.sector.clone().into(),
        ]);
    }
    t
}

fn bloc_lines(conn: &Connection, n: usize) -> Result<Vec<Msg>> {
    let b = meta::bloc(conn)?;
    Ok(vec![match &b.province {
        Some(p) => msg!("{} (province {}): {} member units.", b.name, p, n),
        None => msg!("{}: {} member units.", b.name, n),
    }])
}

/// Launched campaigns as lines (name, launch date, slogan, motto, purpose) and a table.
fn campaigns_section(conn: &Connection, as_of: NaiveDate) -> Result<(Vec<Msg>, Table)> {
    let mut lines = Vec::new();
    let mut t = Table::new("campaigns", &["code", "name", "kind", "launched_on", "slogan", "motto", "purpose"]);
    for c in campaigns::list(conn)?.into_iter().filter(|c| c.launched_on.is_some_and(|d| d <= as_of)) {
        let launched = c.launched_on.map(format_date).unwrap_or_default();
        lines.push(msg!("{} ({} {})", c.name, Arg::LabelLower("launched_on".into()), launched));
        // The slogan and the motto are quoted as the launch document words them.
        for (k, v, quoted) in [("slogan", &c.slogan, true), ("motto", &c.motto, true), ("purpose", &c.purpose, false)] {
            match v {
                Some(v) if quoted => lines.push(msg!("{}: “{}”", Arg::Label(k.into()), v)),
                Some(v) => lines.push(msg!("{}: {}", Arg::Label(k.into()), v)),
                None => {}
            }
        }
        t.push(vec![
            c.code.into(),
            c.name.into(),
            c.kind.into(),
            c.launched_on.into(),
            c.slogan.into(),
            c.motto.into(),
            c.purpose.into(),
        ]);
    }
    if lines.is_empty() {
        lines.push(l("none.campaigns"));
    }
    // The lines say it for a person; the table is for CSV and JSON.
    t.data_only = true;
    Ok((lines, t))
}

fn registrations_table(counts: &[registrations::Count]) -> Result<Table> {
    let mut t = Table::new("registrations", &["unit", "unit_name", "title", "title_name", "collective", "individual"]);
    for c in counts.iter().cloned() {
        t.push(vec![
            c.unit_code.into(),
            c.unit_name.into(),
            c.code.into(),
            c.name.into(),
            c.collective.into(),
            c.individual.into(),
        ]);
    }
    Ok(t)
}

fn results_table(counts: &[registrations::Count]) -> Result<Table> {
    let mut t =
        Table::new("results", &["unit", "title", "title_name", "registered", "achieved", "not_achieved", "pending"]);
    for c in counts.iter().cloned() {
        let total = c.collective + c.individual;
        t.push(vec![
            c.unit_code.into(),
            c.code.into(),
            c.name.into(),
            total.into(),
            c.achieved.into(),
            c.not_achieved.into(),
            (total - c.achieved - c.not_achieved).into(),
        ]);
    }
    Ok(t)
}

/// Awards as the reviews show them: who, what, for which year or period, by which decision.
pub fn awards_table(name: &str, list: &[Award]) -> Table {
    let mut t = Table::new(
        name,
        &["recipient", "unit", "code_name", "year", "basis", "decision", "decision_date", "issuer", "reason"],
    );
    for a in list {
        t.push(vec![
            a.recipient.as_str().into(),
            a.unit_code.as_str().into(),
            a.entry_name.as_str().into(),
            format_period(a.year_from, a.year_to).into(),
            a.basis.into(),
            a.decision.clone().into(),
            a.decision_date.into(),
            a.issuer.clone().into(),
            a.reason.clone().into(),
        ]);
    }
    t
}

/// What is missing at a date: a member that has not registered, not signed, or has targets with no figure.
/// `counts` are the registration counts the report has computed already (a national file takes a second for them).
pub fn missing_table(conn: &Connection, as_of: NaiveDate, counts: &[registrations::Count]) -> Result<Table> {
    let mut t = Table::new("missing", &["unit", "unit_name", "missing"]);
    let campaign = campaigns::the_regular(conn)?;
    let completion = match &campaign {
        Some(c) => super::pledges::completion(conn, c.id, as_of)?,
        None => Vec::new(),
    };
    let scoring = if crate::db::scores::criteria(conn)?.is_empty() {
        Vec::new()
    } else {
        super::ranking::rank(conn, &units::members(conn)?)?.0
    };
    for u in units::members(conn)? {
        let mut gaps = Vec::new();
        if !counts.iter().any(|c| c.unit_code == u.code) {
            gaps.push(l("missing.registration"));
        }
        match (&campaign, completion.iter().find(|p| p.unit_code == u.code)) {
            (None, _) => {}
            (Some(_), Some(p)) if p.pledge.is_some() => {
                if p.targets == 0 {
                    gaps.push(l("missing.targets"));
                } else if p.no_data > 0 {
                    gaps.push(msg!("{} {}", p.no_data, Arg::Label("missing.figures".into())));
                }
            }
            (Some(_), _) => gaps.push(l("missing.pledge")),
        }
        // The same list `score lock` shows: members not fully scored, once the bloc has criteria.
        if let Some(s) = scoring.iter().find(|s| s.unit_id == u.id && !s.complete()) {
            gaps.push(msg!(
                "{}: {} {}, {} {}",
                Arg::Label("missing.scores".into()),
                s.missing,
                Arg::Label("missing.unassessed".into()),
                s.unverified,
                Arg::LabelLower("unverified".into())
            ));
        }
        for g in gaps {
            t.push(vec![u.code.as_str().into(), u.name.as_str().into(), g.into()]);
        }
    }
    // Dossiers of proposals not decided yet that still lack a paper (Law 06/2022 Art 84).
    for (p, unit, name, what) in super::proposals::incomplete(conn)? {
        t.push(vec![unit.into(), name.into(), Cell::Msg(msg!("dossier of proposal #{}: {}", p, what))]);
    }
    Ok(t)
}

fn pledge_section(conn: &Connection, r: &mut Report, as_of: NaiveDate, heading: Msg) -> Result<()> {
    match campaigns::the_regular(conn)? {
        None => {
            r.section(Some(heading), vec![l("none.pledge")], None);
        }
        Some(c) => {
            let rows = super::pledges::completion(conn, c.id, as_of)?;
            let signed = rows.iter().filter(|p| p.pledge.is_some()).count();
            let line =
                msg!("{} of {} units signed the pledge of {}; completion as of {}.", signed, rows.len(), c.name, as_of);
            r.section(Some(heading), vec![line], Some(super::pledges::table(&rows)));
        }
    }
    Ok(())
}

fn meeting_section(conn: &Connection, r: &mut Report, kind: MeetingKind, year: i32) -> Result<()> {
    let (from, to) = year_bounds(year);
    // The review meeting of a period is held just after it (a mid-year review in July), so look through the year.
    match meetings::latest(conn, kind, from, to)? {
        Some(m) => super::meeting::sections(conn, r, &m, Some(l(&format!("heading.meeting.{kind}"))))?,
        None => {
            r.section(Some(l(&format!("heading.meeting.{kind}"))), vec![l("none.meeting")], None);
        }
    }
    Ok(())
}

fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    (from, to)
}

/// What both reviews open with: the title, the date, the review meeting, the bloc and its members, the campaigns.
fn review_opening(conn: &Connection, title: Msg, meeting: MeetingKind, as_of: NaiveDate) -> Result<Report> {
    let year = meta::bloc(conn)?.year;
    let mut r = Report::new(title);
    r.section(None, vec![msg!("{} {}", Arg::Label("as_of".into()), as_of)], None);
    meeting_section(conn, &mut r, meeting, year)?;
    let m = units::members(conn)?;
    r.section(Some(l("heading.members")), bloc_lines(conn, m.len())?, Some(members_table(&m)));
    let (lines, t) = campaigns_section(conn, as_of)?;
    r.section(Some(l("heading.campaigns")), lines, Some(t));
    Ok(r)
}

/// The mid-year review ("sơ kết 6 tháng"), as of a date (default 30/06).
pub fn midyear(conn: &Connection, as_of: NaiveDate) -> Result<Report> {
    let year = meta::bloc(conn)?.year;
    let title = msg!("Mid-year review of emulation and commendation work, first six months of {}", year);
    let mut r = review_opening(conn, title, MeetingKind::Midyear, as_of)?;
    let counts = registrations::counts(conn, Some(as_of))?;
    r.section(Some(l("heading.registrations")), vec![], Some(registrations_table(&counts)?));
    pledge_section(conn, &mut r, as_of, l("heading.pledge"))?;
    // Awards decided in the period are counted by title and form; those of units are listed, as are the units'
    // earlier achievements. People's awards are counted here and listed by `award list` (a province or a
    // ministry has hundreds of thousands of them).
    let (from, _) = year_bounds(year);
    // Nothing decided after the review's date shows (a decision of the next January is not a result of June).
    let units =
        awards::list(conn, &awards::Filter { collective: true, decided_by: Some(as_of), ..Default::default() })?;
    let (decided, brought): (Vec<Award>, Vec<Award>) =
        units.into_iter().partition(|a| a.decision_date.is_some_and(|d| d >= from && d <= as_of));
    let by_code = awards_by(conn, By::Code, None, Some((from, as_of)), false)?;
    r.section(Some(l("heading.awards_decided")), vec![], Some(by_code));
    r.section(Some(l("heading.awards_decided_units")), vec![], Some(awards_table("awards_decided", &decided)));
    r.section(Some(l("heading.awards_brought")), vec![], Some(awards_table("awards_brought", &brought)));
    r.section(Some(l("heading.missing")), vec![], Some(missing_table(conn, as_of, &counts)?));
    // While there is time to act: the registrations that cannot succeed under the rules in force.
    let (lines, t) = super::eligible::review_section(conn, as_of)?;
    r.section(Some(l("heading.at_risk")), lines, Some(t));
    Ok(r)
}

/// The annual review ("tổng kết năm"), as of a date (default 31/12).
pub fn annual(conn: &Connection, as_of: NaiveDate) -> Result<Report> {
    let year = meta::bloc(conn)?.year;
    let title = msg!("Annual review of emulation and commendation work, {}", year);
    let mut r = review_opening(conn, title, MeetingKind::Annual, as_of)?;
    let counts = registrations::counts(conn, Some(as_of))?;
    r.section(Some(l("heading.results")), vec![], Some(results_table(&counts)?));
    pledge_section(conn, &mut r, as_of, l("heading.pledge"))?;
    ranking_section(conn, &mut r)?;
    // The year's awards decided by the review's date (or undated): counted by title and form, then listed, units
    // first and people in an annex table.
    let by_code = awards_by(conn, By::Code, Some(year), Some((NaiveDate::MIN, as_of)), true)?;
    r.section(Some(l("heading.awards_year")), vec![], Some(by_code));
    let f = awards::Filter { year: Some(year), decided_by: Some(as_of), ..Default::default() };
    let units = awards::list(conn, &awards::Filter { collective: true, ..f.clone() })?;
    r.section(Some(l("heading.awards_list")), vec![], Some(awards_table("awards", &units)));
    let people = awards::list(conn, &awards::Filter { individual: true, ..f })?;
    r.section(Some(l("heading.awards_people")), vec![], Some(awards_table("awards_people", &people)));
    // The share of people working directly among the individuals awarded in the year (Law 06/2022 Art 5.2).
    let year = crate::db::meta::bloc(conn)?.year;
    let front = super::forms::frontline(&crate::db::stats::awards_decided_in(conn, year)?);
    if !front.rows.is_empty() {
        r.section(Some(l("heading.frontline")), vec![], Some(front));
    }
    // The proposals sent upward, their ballots and what was decided.
    if !crate::db::proposals::list(conn)?.is_empty() {
        r.section(Some(l("heading.proposals")), vec![], Some(super::proposals::review_table(conn)?));
    }
    r.section(Some(l("heading.missing")), vec![], Some(missing_table(conn, as_of, &counts)?));
    Ok(r)
}

/// The score summary with ranks, bands and proposals, or a line saying there are no scores yet.
fn ranking_section(conn: &Connection, r: &mut Report) -> Result<()> {
    let criteria = crate::db::scores::criteria(conn)?;
    if criteria.is_empty() || crate::db::scores::scores(conn)?.is_empty() {
        r.section(Some(l("heading.ranking")), vec![l("none.ranking")], None);
        return Ok(());
    }
    let (st, settings) = super::ranking::rank(conn, &units::members(conn)?)?;
    let line = msg!(
            "Bands: excellent from {} points, good from {}; the leading unit is proposed for the flag, the next {} for certificates of merit.",
            settings.band_excellent,
            settings.band_good,
            settings.quota_bk
        );
    r.section(Some(l("heading.ranking")), vec![line], Some(super::ranking::table(&st, &criteria, true)));
    Ok(())
}

/// `report ranking`: the score summary ready to paste into the review (docs/domain.md §4).
pub fn ranking(conn: &Connection) -> Result<Report> {
    let year = meta::bloc(conn)?.year;
    let mut r = Report::new(msg!("Scores and ranking of the member units, {}", year));
    ranking_section(conn, &mut r)?;
    Ok(r)
}

id_enum! {
    /// How `report awards` groups its counts.
    By, labels = "by" {
        Unit = "unit",
        Code = "code",
        Year = "year",
    }
}

/// Awards counted by unit, by title or form, or by achievement year (collective and individual apart); `year` and
/// `decided` narrow them as in [`awards::counts`].
pub fn awards_by(
    conn: &Connection,
    by: By,
    year: Option<i32>,
    decided: Option<(NaiveDate, NaiveDate)>,
    undated: bool,
) -> Result<Table> {
    let (name, key_cols, key): (&str, &[&str], &str) = match by {
        By::Unit => ("awards_by_unit", &["unit"], "unit"),
        By::Code => ("awards_by_code", &["code", "code_name"], "code"),
        By::Year => ("awards_by_year", &["year"], "year"),
    };
    let mut cols: Vec<&str> = key_cols.to_vec();
    cols.extend(["collective", "individual"]);
    let mut t = Table::new(name, &cols);
    for (k, c, i) in awards::counts(conn, key, year, decided, undated)? {
        let mut row: Vec<Cell> = k.into_iter().map(Cell::Text).collect();
        row.extend([Cell::Int(c), Cell::Int(i)]);
        t.push(row);
    }
    Ok(t)
}

id_enum! {
    /// How `report registrations` groups its counts.
    RegBy, labels = "reg_by" {
        Unit = "unit",
        Title = "title",
    }
}

/// Registrations counted by unit or by title.
pub fn registrations_by(conn: &Connection, by: RegBy) -> Result<Table> {
    let counts = registrations::counts(conn, None)?;
    let mut t = match by {
        RegBy::Unit => Table::new(
            "registrations_by_unit",
            &["unit", "unit_name", "collective", "individual", "achieved", "not_achieved"],
        ),
        _ => Table::new(
            "registrations_by_title",
            &["title", "title_name", "collective", "individual", "achieved", "not_achieved"],
        ),
    };
    let mut groups: Vec<([String; 2], [i64; 4])> = Vec::new();
    let mut at: std::collections::HashMap<[String; 2], usize> = std::collections::HashMap::new();
    for c in counts {
        let key = if by == RegBy::Unit { [c.unit_code, c.unit_name] } else { [c.code, c.name] };
        let i = *at.entry(key.clone()).or_insert_with(|| {
            groups.push((key, [0; 4]));
            groups.len() - 1
        });
        for (slot, v) in groups[i].1.iter_mut().zip([c.collective, c.individual, c.achieved, c.not_achieved]) {
            *slot += v;
        }
    }
    for ([a, b], n) in groups {
        t.push(vec![a.into(), b.into(), n[0].into(), n[1].into(), n[2].into(), n[3].into()]);
    }
    Ok(t)
}

/// The columns of the decision register.
pub const DECISIONS: &[&str] =
    &["decision", "decision_date", "issuer", "signer", "summary", "recipient", "code_name", "year", "basis"];

/// The decision register (docs/domain.md §4): each decision with each recipient.
pub fn decisions(conn: &Connection) -> Result<Report> {
    let mut r = Report::new(l("title.decisions"));
    let mut t = Table::new("decisions", DECISIONS);
    decision_rows(conn, |row| {
        t.push(row);
        Ok(())
    })?;
    r.section(None, vec![], Some(t));
    Ok(r)
}

/// The rows of the decision register handed to `f` one at a time, decision by decision: a national register
/// (a quarter of a million recipients) is streamed, never held whole.
pub fn decision_rows(conn: &Connection, mut f: impl FnMut(Vec<Cell>) -> Result<()>) -> Result<()> {
    for d in decisions::list(conn)? {
        let head: Vec<Cell> = vec![
            d.number.clone().into(),
            d.issued_on.into(),
            d.issuer.clone().into(),
            d.signer.clone().into(),
            d.summary.clone().into(),
        ];
        let mut any = false;
        awards::each(conn, &awards::Filter { decision_id: Some(d.id), ..Default::default() }, |a| {
            any = true;
            let mut row = head.clone();
            row.extend([
                a.recipient.into(),
                a.entry_name.into(),
                format_period(a.year_from, a.year_to).into(),
                a.basis.into(),
            ]);
            f(row)
        })?;
        if !any {
            let mut row = head;
            row.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
            f(row)?;
        }
    }
    Ok(())
}

/// One unit's profile: role, people, registrations, pledge at the date, awards of every year.
pub fn unit(conn: &Connection, u: &Unit, as_of: NaiveDate) -> Result<Report> {
    let mut r = Report::new(Msg::plain(format!("{} — {}", u.code, u.name)));
    r.section(None, vec![], Some(super::units::record(u)));
    // A unit with a province's worth of sub-units would hold a national list in a profile: past UNIT_LIST_MAX
    // rows a list is counted, and the command that streams it is named instead.
    // Counted first: a list past the limit is not read in Vietnamese order only to be dropped (a member unit of the
    // national file has 143,000 people under it).
    let mut pt = Table::new("people", &["id", "name", "position", "unit"]);
    let n = people::count_under(conn, u.id)?;
    if n <= UNIT_LIST_MAX {
        people::each(conn, Some(u.id), |p| {
            pt.push(vec![p.id.into(), p.full_name.into(), p.position.into(), p.unit_code.into()]);
            Ok(())
        })?;
    }
    let lines = over_max(&mut pt, n, msg!("{} people: `thidua person list --unit {}` lists them", n, u.code));
    r.section(Some(l("heading.people")), lines, Some(pt));
    let mut rt = Table::new("registrations", &["id", "unit", "person", "title", "title_name", "status"]);
    let f = registrations::Filter { unit_id: Some(u.id), ..Default::default() };
    let n = registrations::count_live_under(conn, u.id)?;
    if n <= UNIT_LIST_MAX {
        registrations::each(conn, &f, |x| {
            if x.status != RegStatus::Withdrawn {
                rt.push(vec![
                    x.id.into(),
                    x.unit_code.into(),
                    x.person_name.into(),
                    x.code.into(),
                    x.title_name.into(),
                    x.status.into(),
                ]);
            }
            Ok(())
        })?;
    }
    let lines = over_max(&mut rt, n, msg!("{} registrations: `thidua register list --unit {}` lists them", n, u.code));
    r.section(Some(l("heading.registrations")), lines, Some(rt));
    let mut tt = Table::new("targets", &["id", "target", "goal", "actual", "as_of", "status"]);
    let mut lines = Vec::new();
    if let Some(c) = campaigns::the_regular(conn)? {
        match pledges::get(conn, u.id, c.id)? {
            Some(p) => {
                lines.push(msg!("{} {} ({})", Arg::Label("signed_on".into()), p.signed_on, c.code));
                for x in pledges::targets(conn, p.id, as_of)? {
                    let status = x.status_at(as_of);
                    tt.push(vec![
                        x.id.into(),
                        x.text.into(),
                        x.target.map_or(Cell::Empty, Cell::Num),
                        x.actual.map_or(Cell::Empty, Cell::Num),
                        x.as_of.into(),
                        Cell::Enum("status", status.as_str().into()),
                    ]);
                }
            }
            None => lines.push(l("missing.pledge")),
        }
    }
    r.section(Some(l("heading.pledge")), lines, Some(tt));
    let mut awarded = 0;
    awards::each(conn, &awards::Filter { unit_id: Some(u.id), ..Default::default() }, |_| {
        awarded += 1;
        Ok(())
    })?;
    if awarded > UNIT_LIST_MAX {
        let line = msg!(
            "{} awards: `thidua award list --unit {}` lists them, `thidua history list --unit {}` the earlier years'",
            awarded,
            u.code,
            u.code
        );
        r.section(Some(l("heading.awards_all")), vec![line], None);
    } else {
        let list = super::history::achievements(conn, Some(u.id), None)?;
        r.section(Some(l("heading.awards_all")), vec![], Some(super::history::table(&list)));
    }
    Ok(r)
}

/// The most rows a list of `report unit` shows.
pub const UNIT_LIST_MAX: usize = 1000;

/// A list of `n` rows past [`UNIT_LIST_MAX`] is emptied and said in a line naming the command that lists it.
fn over_max(t: &mut Table, n: usize, line: Msg) -> Vec<Msg> {
    if n <= UNIT_LIST_MAX {
        return Vec::new();
    }
    t.rows.clear();
    vec![line]
}
