//! Totals, ranking, bands and proposals of the member units (docs/domain.md §3): computed once here for
//! `score list`, `score explain`, `report ranking` and the annual review.

use std::cmp::Ordering;
use std::collections::HashMap;

use rusqlite::Connection;

use crate::db::{meta, scores};
use crate::error::{refused, Result};
use crate::model::{Criterion, CriterionKind, Score, Unit};
use crate::msg::{Arg, Msg};
use crate::output::{Cell, Report, Table};

id_enum! {
    /// A tie-break rule, applied in the bloc's order when assessed totals are equal.
    Rule, labels = "rule" {
        /// Decree 152 Art 4.6: with equal merit, the collective with at least 70% women.
        Female = "female",
        /// More points in the first group (the core tasks).
        GroupA = "group_a",
        /// Fewer penalty points.
        Penalty = "penalty",
    }
}

/// The bloc's settings for ranking, from the file's settings table with the defaults of docs/domain.md §3.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub quota_bk: usize,
    pub band_excellent: f64,
    pub band_good: f64,
    pub tiebreak: Vec<Rule>,
}

pub const DEFAULT_TIEBREAK: &str = "female,group_a,penalty";

impl Settings {
    pub fn load(conn: &Connection) -> Result<Self> {
        let get = |k: &str| meta::setting(conn, k);
        let num = |k: &str, d: f64| -> Result<f64> {
            Ok(match get(k)? {
                Some(v) => v.parse().map_err(|_| refused(msg!("setting {} = '{}' is not a number", k, v)))?,
                None => d,
            })
        };
        Ok(Settings {
            quota_bk: num("quota_bk", 2.0)? as usize,
            band_excellent: num("band_excellent", 95.0)?,
            band_good: num("band_good", 85.0)?,
            tiebreak: parse_tiebreak(&get("tiebreak")?.unwrap_or_else(|| DEFAULT_TIEBREAK.into()))?,
        })
    }
}

impl Settings {
    /// The settings as a record: what `score settings` prints.
    pub fn table(&self) -> Table {
        let mut t = Table::record("settings");
        t.field("quota_bk", self.quota_bk as i64)
            .field("band_excellent", Cell::Num(self.band_excellent))
            .field("band_good", Cell::Num(self.band_good))
            .field(
                "tiebreak",
                Cell::Enum("rule", self.tiebreak.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")),
            );
        t
    }
}

pub fn parse_tiebreak(s: &str) -> Result<Vec<Rule>> {
    s.split(',')
        .filter(|x| !x.trim().is_empty())
        .map(|x| {
            Rule::parse(x).ok_or_else(|| refused(msg!("'{}' is not a tie-break rule ({})", x.trim(), Rule::list())))
        })
        .collect()
}

/// One unit's standing.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub unit_id: i64,
    pub code: String,
    pub name: String,
    /// Assessed points per group of base criteria, in group order.
    pub groups: Vec<f64>,
    pub base: f64,
    pub bonus: f64,
    pub penalty: f64,
    pub total: f64,
    pub self_total: f64,
    /// Criteria with a self score and no assessed one yet.
    pub unverified: usize,
    /// Base criteria without an assessed score.
    pub missing: usize,
    pub zero_base: bool,
    /// Whether the unit has any points at all: a unit without scores is not ranked, banded or tie-broken.
    pub scored: bool,
    /// The women's share the unit states (`unit edit --female-share`); none means the rule has no data for it.
    pub female: Option<f64>,
    pub excluded: Option<Msg>,
    /// A review pending or a discipline in force (Decree 152/2025 Art 4.4): no proposal, and the next unit is not
    /// promoted in its place; the meeting decides.
    pub pending: Option<Msg>,
    pub rank: usize,
    pub shared: bool,
    pub band: &'static str,
    pub proposal: Option<&'static str>,
    /// Why it stands where it does against its neighbours, and why a proposal went elsewhere.
    pub notes: Vec<Msg>,
}

impl Standing {
    pub fn complete(&self) -> bool {
        self.missing == 0 && self.unverified == 0
    }
}

/// The groups of base criteria in order, each with its maximum.
pub fn groups(criteria: &[Criterion]) -> Vec<(String, Option<String>, f64)> {
    let mut g: Vec<(String, Option<String>, f64)> = Vec::new();
    for c in criteria.iter().filter(|c| c.kind == CriterionKind::Base) {
        match g.iter_mut().find(|x| x.0 == c.group) {
            Some(x) => x.2 += c.max,
            None => g.push((c.group.clone(), c.group_name.clone(), c.max)),
        }
    }
    g
}

/// How a rule orders two units of equal total; `None` when it has no data for one of them (a women's share
/// that is not stated), and then it is skipped for that pair.
fn compare(a: &Standing, b: &Standing, rule: Rule) -> Option<Ordering> {
    match rule {
        Rule::Female => {
            let (x, y) = (a.female?, b.female?);
            Some((y >= 70.0).cmp(&(x >= 70.0)))
        }
        Rule::GroupA => Some(b.groups.first().unwrap_or(&0.0).total_cmp(a.groups.first().unwrap_or(&0.0))),
        Rule::Penalty => Some(a.penalty.total_cmp(&b.penalty)),
    }
}

/// The outcome of the tie-break rules between two units of equal total: the order, the rule that decided it,
/// and the rules skipped for lack of data on the way.
pub fn tie_break(a: &Standing, b: &Standing, rules: &[Rule]) -> (Ordering, Option<Rule>, Vec<Rule>) {
    let mut skipped = Vec::new();
    for r in rules {
        match compare(a, b, *r) {
            None => skipped.push(*r),
            Some(Ordering::Equal) => {}
            Some(o) => return (o, Some(*r), skipped),
        }
    }
    (Ordering::Equal, None, skipped)
}

/// The order of the ranking: scored units first, by assessed total, then the tie-break rules in the bloc's order
/// (docs/domain.md §3), then by code so the order is stable.
fn order(a: &Standing, b: &Standing, rules: &[Rule]) -> Ordering {
    b.scored
        .cmp(&a.scored)
        .then_with(|| b.total.total_cmp(&a.total))
        .then_with(|| if a.scored && b.scored { tie_break(a, b, rules).0 } else { Ordering::Equal })
        .then_with(|| a.code.cmp(&b.code))
}

/// Rounds to hundredths so sums of decimals compare as people add them.
fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Computes every member's standing, ranked, its notes as messages. Loads what the ranking needs, then runs
/// the pure steps: totals, order and ties, bands, proposals.
pub fn rank(conn: &Connection, members: &[Unit]) -> Result<(Vec<Standing>, Settings)> {
    let settings = Settings::load(conn)?;
    let criteria = scores::criteria(conn)?;
    let all: Vec<Score> = scores::scores(conn)?;
    let mut excluded: HashMap<i64, Msg> =
        scores::exclusions(conn)?.into_iter().map(|(id, why)| (id, msg!("{}", why))).collect();
    let year = crate::db::meta::bloc(conn)?.year;
    let today = crate::text::today();
    // A unit that merged or was dissolved by the time the proposals are made is not proposed; the next unit is.
    let by = today.max(crate::rules::judging_date(year));
    for (id, e) in crate::db::units::ends(conn)? {
        if e.on <= by {
            excluded.entry(id).or_insert_with(|| ended(&e));
        }
    }
    let mut out = totals(members, &criteria, &all, &excluded);
    for s in out.iter_mut() {
        s.pending = pending(&crate::db::discipline::of(conn, Some(s.unit_id), None)?, year, today);
    }
    order_and_ties(&mut out, &settings);
    bands(&mut out, &settings);
    proposals(&mut out, &settings);
    Ok((out, settings))
}

/// Why a unit that ended is not proposed: merged into its successor, or dissolved (Circular 15/2025/TT-BNV).
pub fn ended(e: &crate::db::units::End) -> Msg {
    let on = e.on;
    match &e.successor {
        Some((code, _)) => msg!("merged into {} on {}", code, on),
        None => msg!("dissolved on {} (Circular 15/2025/TT-BNV)", on),
    }
}

/// Why a unit cannot be proposed now: a review pending today, or a discipline in force during the year.
fn pending(records: &[crate::rules::Discipline], year: i32, today: chrono::NaiveDate) -> Option<Msg> {
    let (start, end) = (chrono::NaiveDate::from_ymd_opt(year, 1, 1)?, chrono::NaiveDate::from_ymd_opt(year, 12, 31)?);
    let d = records.iter().find(|d| {
        if d.form.is_review() {
            d.start <= today && d.end.is_none_or(|e| e > today)
        } else {
            d.start <= end && d.end.is_none_or(|e| e >= start)
        }
    })?;
    Some(msg!("{} since {}", Arg::label("discipline", d.form.as_str()), d.start))
}

/// The sign a criterion's points count with in a total: a penalty subtracts.
pub fn sign(c: &Criterion) -> f64 {
    if c.kind == CriterionKind::Penalty {
        -1.0
    } else {
        1.0
    }
}

/// Each member's totals from its scores: per group, base, bonus, penalty, self and assessed totals, and what is
/// missing. Unranked; every total rounded to hundredths.
pub fn totals(members: &[Unit], criteria: &[Criterion], all: &[Score], excluded: &HashMap<i64, Msg>) -> Vec<Standing> {
    let gs = groups(criteria);
    members
        .iter()
        .map(|u| {
            let mine: HashMap<i64, &Score> =
                all.iter().filter(|s| s.unit_id == u.id).map(|s| (s.criterion_id, s)).collect();
            let mut st = Standing {
                unit_id: u.id,
                code: u.code.clone(),
                name: u.name.clone(),
                groups: vec![0.0; gs.len()],
                base: 0.0,
                bonus: 0.0,
                penalty: 0.0,
                total: 0.0,
                self_total: 0.0,
                unverified: 0,
                missing: 0,
                zero_base: false,
                scored: mine.values().any(|s| s.self_points.is_some() || s.assessed.is_some()),
                female: u.female_share,
                excluded: excluded.get(&u.id).cloned(),
                pending: None,
                rank: 0,
                shared: false,
                band: "",
                proposal: None,
                notes: Vec::new(),
            };
            for c in criteria {
                let s = mine.get(&c.id);
                let (own, assessed) = (s.and_then(|s| s.self_points), s.and_then(|s| s.assessed));
                if own.is_some() && assessed.is_none() {
                    st.unverified += 1;
                }
                st.self_total += sign(c) * own.unwrap_or(0.0);
                let a = assessed.unwrap_or(0.0);
                match c.kind {
                    CriterionKind::Base => {
                        if assessed.is_none() {
                            st.missing += 1;
                        } else if a == 0.0 {
                            st.zero_base = true;
                        }
                        st.base += a;
                        if let Some(i) = gs.iter().position(|g| g.0 == c.group) {
                            st.groups[i] += a;
                        }
                    }
                    CriterionKind::Bonus => st.bonus += a,
                    CriterionKind::Penalty => st.penalty += a,
                }
            }
            st.base = r2(st.base);
            st.bonus = r2(st.bonus);
            st.penalty = r2(st.penalty);
            st.total = r2(st.base + st.bonus - st.penalty);
            st.self_total = r2(st.self_total);
            st
        })
        .collect()
}

/// Sorts the standings and gives ranks: a unit without scores is not ranked; equal totals go through the
/// tie-break rules, and what they decide (or skip, or leave to the meeting) is noted on both units.
pub fn order_and_ties(out: &mut [Standing], settings: &Settings) {
    out.sort_by(|a, b| order(a, b, &settings.tiebreak));
    for i in 0..out.len() {
        if !out[i].scored {
            // No points at all: not ranked, never banded (a blank sheet is not "completed").
            out[i].band = "not_ranked";
            out[i].notes.push(msg!("not ranked: no scores"));
            continue;
        }
        let equal = i > 0 && out[i - 1].scored && out[i - 1].total == out[i].total;
        let (o, rule, skipped) =
            if equal { tie_break(&out[i - 1], &out[i], &settings.tiebreak) } else { (Ordering::Less, None, vec![]) };
        let (prev, me) = (out[i.saturating_sub(1)].code.clone(), out[i].code.clone());
        if equal && !skipped.is_empty() {
            let names = Arg::List(skipped.iter().map(|r| rule_name(*r).into()).collect(), ", ");
            let note = msg!("tie-break with {}: {} skipped, no data for one of the two", &prev, names);
            out[i].notes.push(note);
        }
        let tied = equal && o == Ordering::Equal;
        out[i].rank = if tied { out[i - 1].rank } else { i + 1 };
        if tied {
            out[i].shared = true;
            out[i - 1].shared = true;
            out[i].notes.push(msg!("tied with {}: no rule tells them apart, the meeting decides", prev));
        } else if let Some(r) = rule {
            out[i - 1].notes.push(msg!("ahead of {} at equal total: {}", me, rule_words(r, true)));
            out[i].notes.push(msg!("behind {} at equal total: {}", prev, rule_words(r, false)));
        }
    }
}

/// Bands by the bloc's thresholds; a base criterion at 0 keeps a unit out of the top band.
pub fn bands(out: &mut [Standing], settings: &Settings) {
    for s in out.iter_mut().filter(|s| s.scored) {
        s.band = if s.total >= settings.band_excellent && !s.zero_base {
            "excellent"
        } else if s.total >= settings.band_good {
            "good"
        } else {
            "completed"
        };
        if s.total >= settings.band_excellent && s.zero_base {
            s.notes.push(msg!("a base criterion at 0 keeps it out of the top band"));
        }
    }
}

/// Proposals: the flag to the best eligible unit, certificates to the next ones up to the quota (docs/domain.md
/// §3). When the best eligible units share their rank, the meeting decides among them: none gets a proposal here.
/// Likewise units tied across the certificates' quota (two at 3rd for one certificate left): neither is proposed,
/// and the places below them are not handed down.
pub fn proposals(out: &mut [Standing], settings: &Settings) {
    let eligible = |s: &Standing| s.complete() && s.excluded.is_none();
    // How many units that could be proposed share each rank.
    let mut at_rank: HashMap<usize, usize> = HashMap::new();
    for s in out.iter().filter(|s| s.scored && eligible(s) && s.pending.is_none()) {
        *at_rank.entry(s.rank).or_default() += 1;
    }
    let mut straddle: Option<usize> = None;
    // The rank of the unit before: a tied group is judged at its first unit.
    let mut seen: Option<usize> = None;
    let mut top: Option<usize> = None;
    let mut bk_left = settings.quota_bk;
    for s in out.iter_mut().filter(|s| s.scored) {
        // Decree 152/2025 Art 4.4: no proposal while a review is pending. The place it would have had is not
        // passed down the ranking: the meeting decides about the next unit.
        if let Some(why) = s.pending.clone().filter(|_| eligible(s)) {
            s.notes.push(if top.is_none() {
                msg!("not proposed: {} (Decree 152/2025 Art 4.4); the meeting decides whether the next unit is proposed for the flag", why)
            } else {
                msg!("not proposed: {} (Decree 152/2025 Art 4.4); the meeting decides whether the next unit is proposed for a certificate", why)
            });
            if top.is_none() {
                top = Some(s.rank);
            } else {
                bk_left = bk_left.saturating_sub(1);
            }
            continue;
        }
        if !eligible(s) {
            let why = match &s.excluded {
                Some(r) => msg!("not proposed: excluded ({})", r.clone()),
                None => msg!(
                    "not proposed: not fully scored ({} base criteria unassessed, {} unverified)",
                    s.missing,
                    s.unverified
                ),
            };
            s.notes.push(why);
            continue;
        }
        match top {
            None if !s.shared => {
                top = Some(s.rank);
                s.proposal = Some("CTD_TINH");
            }
            None => {
                top = Some(s.rank);
                s.notes.push(msg!("shares the best rank: the meeting decides who is proposed for the flag"));
            }
            Some(r) if r == s.rank => {
                // Another unit of a shared best rank: one of the tied takes the flag, the others certificates.
                bk_left = bk_left.saturating_sub(1);
                s.notes.push(msg!("shares the best rank: the meeting decides who is proposed for the flag"));
            }
            Some(_) if straddle == Some(s.rank) => {
                s.notes.push(msg!("tied across the certificates' quota: the meeting decides, neither is proposed"));
            }
            // The first of a tied group decides for the group: all of it fits the certificates left, or none goes.
            Some(_)
                if bk_left > 0
                    && s.shared
                    && seen != Some(s.rank)
                    && at_rank.get(&s.rank).copied().unwrap_or(1) > bk_left =>
            {
                straddle = Some(s.rank);
                bk_left = 0;
                s.notes.push(msg!("tied across the certificates' quota: the meeting decides, neither is proposed"));
            }
            Some(_) if bk_left > 0 => {
                s.proposal = Some("BK_TINH");
                bk_left -= 1;
            }
            Some(_) => {}
        }
        seen = Some(s.rank);
    }
}

/// How much each criterion puts `me` ahead of (positive) or behind `other`, largest first: what `score explain`
/// shows as the criteria that decide two neighbours.
pub fn differences<'a>(me: i64, other: i64, criteria: &'a [Criterion], all: &[Score]) -> Vec<(f64, &'a Criterion)> {
    let assessed = |unit: i64, c: i64| {
        all.iter().find(|s| s.unit_id == unit && s.criterion_id == c).and_then(|s| s.assessed).unwrap_or(0.0)
    };
    let mut d: Vec<(f64, &Criterion)> = criteria
        .iter()
        .map(|c| (r2(sign(c) * (assessed(me, c.id) - assessed(other, c.id))), c))
        .filter(|(d, _)| d.abs() > 1e-9)
        .collect();
    d.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    d
}

/// Why a rule put a unit where it stands: `ahead` for the unit it favoured, else for the one behind. English;
/// the catalog of messages has the Vietnamese.
pub fn rule_words(r: Rule, ahead: bool) -> Msg {
    match (r, ahead) {
        (Rule::Female, true) => msg!("women are at least 70% of the staff (Decree 152 Art 4.6)"),
        (Rule::Female, false) => msg!("women are under 70% of the staff (Decree 152 Art 4.6)"),
        (Rule::GroupA, true) => msg!("more points in the first group (core tasks)"),
        (Rule::GroupA, false) => msg!("fewer points in the first group (core tasks)"),
        (Rule::Penalty, true) => msg!("fewer penalty points"),
        (Rule::Penalty, false) => msg!("more penalty points"),
    }
}

/// A tie-break rule as people name it.
pub fn rule_name(r: Rule) -> Msg {
    match r {
        Rule::Female => msg!("women's share"),
        Rule::GroupA => msg!("first group"),
        Rule::Penalty => msg!("penalty points"),
    }
}

/// The score summary (docs/domain.md §4): points per group, bonus, penalty, self and assessed totals; with
/// `ranked`, the rank, band, proposal and the notes that explain them.
pub fn table(standings: &[Standing], criteria: &[Criterion], ranked: bool) -> crate::output::Table {
    use crate::output::{Cell, Table};
    let gs = groups(criteria);
    let mut cols: Vec<String> = vec!["rank".into(), "unit".into(), "unit_name".into()];
    cols.extend(gs.iter().map(|g| g.0.clone()));
    cols.extend(["base", "bonus", "penalty", "total_self", "total"].map(String::from));
    if ranked {
        cols.extend(["band", "proposal", "note"].map(String::from));
    } else {
        cols.extend(["unverified", "complete"].map(String::from));
    }
    let mut t = Table::new(if ranked { "ranking" } else { "scores" }, &[]);
    t.columns = cols;
    for s in standings {
        let rank = match (s.scored, s.shared) {
            (false, _) => String::new(),
            (true, true) => format!("{}=", s.rank),
            (true, false) => s.rank.to_string(),
        };
        let mut row: Vec<Cell> = vec![Cell::Text(rank), s.code.as_str().into(), s.name.as_str().into()];
        row.extend(s.groups.iter().map(|x| Cell::Num(*x)));
        row.extend([
            Cell::Num(s.base),
            Cell::Num(s.bonus),
            Cell::Num(s.penalty),
            Cell::Num(s.self_total),
            Cell::Num(s.total),
        ]);
        if ranked {
            row.push(Cell::Enum("band", s.band.into()));
            // The form's code for scripts, its name for people (the label catalog: `proposal.CTD_TINH`).
            row.push(s.proposal.map_or(Cell::Empty, |p| Cell::Enum("proposal", p.into())));
            row.push(Cell::Msg(msg!("{}", Arg::List(s.notes.iter().cloned().map(Arg::from).collect(), "; "))));
        } else {
            row.push(Cell::Int(s.unverified as i64));
            row.push(Cell::Enum("bool", if s.complete() { "yes" } else { "no" }.into()));
        }
        t.push(row);
    }
    t
}

/// Units not fully scored, with what they lack (for `score lock` and the missing list).
pub fn incomplete(standings: &[Standing]) -> Vec<(String, Msg)> {
    standings
        .iter()
        .filter(|s| !s.complete())
        .map(|s| {
            (
                s.code.clone(),
                msg!(
                    "{} unassessed, {} unverified",
                    Msg::count(s.missing as u64, "{} base criterion", "{} base criteria"),
                    Msg::count(s.unverified as u64, "{} self score", "{} self scores")
                ),
            )
        })
        .collect()
}

/// Every criterion of a unit, and what decides its rank against its neighbours: what `score explain` prints.
pub fn explain(conn: &Connection, u: &Unit) -> Result<Report> {
    let (st, settings) = rank(conn, &crate::db::units::members(conn)?)?;
    let Some(pos) = st.iter().position(|s| s.unit_id == u.id) else {
        return Err(refused(msg!("{} is not a member of the bloc, so it is not ranked", u.code)));
    };
    let me = &st[pos];
    let criteria = scores::criteria(conn)?;
    let all = scores::scores(conn)?;
    let pts = |unit_id: i64, c: i64| all.iter().find(|s| s.unit_id == unit_id && s.criterion_id == c);
    let mut r = Report::new(Msg::plain(format!("{} — {}", u.code, u.name)));
    let rank = match (me.scored, me.shared) {
        (false, _) => "—".to_string(),
        (true, true) => format!("{}=", me.rank),
        (true, false) => me.rank.to_string(),
    };
    let l = |k: &str| Arg::Label(k.into());
    let mut lines = vec![msg!(
        "{} {}/{}: {} {} ({} {}; {})",
        l("rank"),
        rank,
        st.len(),
        me.total,
        l("points"),
        l("total_self"),
        me.self_total,
        Arg::label("band", me.band)
    )];
    // The neighbours above and below, and the criteria that make the difference.
    for other in [pos.checked_sub(1).map(|i| &st[i]), st.get(pos + 1)].into_iter().flatten() {
        let gap = me.total - other.total;
        let diffs = differences(me.unit_id, other.unit_id, &criteria, &all);
        let deciding: Vec<String> = diffs.iter().take(3).map(|(d, c)| format!("{} {d:+}", c.code)).collect();
        lines.push(msg!(
            "{} {} ({} {}): {} — {}",
            l("vs"),
            other.code,
            Arg::LabelLower("rank".into()),
            other.rank,
            format!("{:+}", (gap * 100.0).round() / 100.0),
            if deciding.is_empty() { l("same_points") } else { Arg::Text(deciding.join(", ")) }
        ));
    }
    lines.extend(me.notes.iter().cloned());
    if let Some(p) = me.proposal {
        lines.push(msg!("{}: {}", Arg::Label("proposal".into()), Arg::label("proposal", p)));
    }
    let rules = Arg::List(settings.tiebreak.iter().map(|r| rule_name(*r).into()).collect(), ", ");
    lines.push(msg!("{}: {}", Arg::Label("tiebreak".into()), rules));
    r.section(None, lines, None);
    let mut t = Table::new(
        "criteria",
        &["group", "code", "name", "kind", "max", "self", "assessed", "difference", "evidence", "note"],
    );
    for c in &criteria {
        let s = pts(u.id, c.id);
        let (own, assessed) = (s.and_then(|s| s.self_points), s.and_then(|s| s.assessed));
        t.push(vec![
            c.group.as_str().into(),
            c.code.as_str().into(),
            c.name.as_str().into(),
            c.kind.into(),
            Cell::Num(c.max),
            own.map_or(Cell::Empty, Cell::Num),
            match (own, assessed) {
                (_, Some(a)) => Cell::Num(a),
                (Some(_), None) => Cell::Enum("status", "unverified".into()),
                _ => Cell::Empty,
            },
            match (own, assessed) {
                (Some(o), Some(a)) => Cell::Num(a - o),
                _ => Cell::Empty,
            },
            s.and_then(|s| s.evidence.clone()).into(),
            s.and_then(|s| s.note.clone()).into(),
        ]);
    }
    r.section(None, vec![], Some(t));
    Ok(r)
}

/// The criteria with their groups and the groups' maxima: what `score criteria list` prints.
pub fn criteria(conn: &Connection) -> Result<Report> {
    let list = scores::criteria(conn)?;
    let mut r = Report::new(Msg::label("title.criteria"));
    let mut t = Table::new("criteria", &["group", "group_name", "code", "name", "kind", "max"]);
    for c in &list {
        t.push(vec![
            c.group.as_str().into(),
            c.group_name.clone().into(),
            c.code.as_str().into(),
            c.name.as_str().into(),
            c.kind.into(),
            Cell::Num(c.max),
        ]);
    }
    r.section(None, vec![], Some(t));
    let mut g = Table::new("groups", &["group", "group_name", "max"]);
    for (code, name, max) in groups(&list) {
        g.push(vec![code.into(), name.into(), Cell::Num(max)]);
    }
    let sum = |k: CriterionKind| list.iter().filter(|c| c.kind == k).map(|c| c.max).sum::<f64>();
    let line = msg!(
        "{}: {} + {} {} − {} {}",
        Arg::Label("max".into()),
        sum(CriterionKind::Base),
        Arg::Label("criterion_kind.bonus".into()),
        sum(CriterionKind::Bonus),
        Arg::Label("criterion_kind.penalty".into()),
        sum(CriterionKind::Penalty)
    );
    r.section(Some(Msg::label("heading.groups")), vec![line], Some(g));
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn settings() -> Settings {
        Settings {
            quota_bk: 2,
            band_excellent: 95.0,
            band_good: 85.0,
            tiebreak: vec![Rule::Female, Rule::GroupA, Rule::Penalty],
        }
    }

    fn unit(id: i64, code: &str, female: Option<f64>) -> Unit {
        Unit {
            id,
            code: code.into(),
            name: code.into(),
            short: None,
            parent_id: None,
            parent_code: None,
            role: Some(Role::Member),
            sector: None,
            note: None,
            sort_order: None,
            female_share: female,
        }
    }

    fn criterion(id: i64, code: &str, group: &str, kind: &str, max: f64) -> Criterion {
        Criterion {
            id,
            code: code.into(),
            group: group.into(),
            group_name: None,
            name: code.into(),
            max,
            kind: CriterionKind::from_id(kind).unwrap(),
        }
    }

    fn score(unit_id: i64, criterion_id: i64, assessed: f64) -> Score {
        Score {
            unit_id,
            criterion_id,
            self_points: Some(assessed),
            assessed: Some(assessed),
            evidence: None,
            note: None,
        }
    }

    /// Criteria A1 (group A, 60), B1 (group B, 40), P1 (penalty, 5).
    fn ranked(units: &[Unit], points: &[(i64, f64, f64, f64)]) -> Vec<Standing> {
        let criteria = [
            criterion(1, "A1", "A", "base", 60.0),
            criterion(2, "B1", "B", "base", 40.0),
            criterion(3, "P1", "P", "penalty", 5.0),
        ];
        let all: Vec<Score> =
            points.iter().flat_map(|(u, a, b, p)| [score(*u, 1, *a), score(*u, 2, *b), score(*u, 3, *p)]).collect();
        let mut out = totals(units, &criteria, &all, &HashMap::new());
        order_and_ties(&mut out, &settings());
        bands(&mut out, &settings());
        proposals(&mut out, &settings());
        out
    }

    #[test]
    fn totals_subtract_penalties_and_round() {
        let units = [unit(1, "CT", None)];
        let out = ranked(&units, &[(1, 55.1, 39.95, 0.05)]);
        assert_eq!((out[0].base, out[0].penalty, out[0].total), (95.05, 0.05, 95.0));
        assert_eq!(out[0].groups, vec![55.1, 39.95]);
    }

    #[test]
    fn tie_break_skips_a_rule_without_data_and_names_the_deciding_one() {
        let units = [unit(1, "CT", None), unit(2, "HQ", Some(80.0))];
        let out = ranked(&units, &[(1, 55.0, 35.0, 0.0), (2, 50.0, 40.0, 0.0)]);
        let (o, rule, skipped) = tie_break(&out[0], &out[1], &settings().tiebreak);
        assert_eq!((o, rule, skipped), (Ordering::Less, Some(Rule::GroupA), vec![Rule::Female]));
        assert_eq!((out[0].code.as_str(), out[0].rank, out[1].rank), ("CT", 1, 2));
        assert!(out[1].notes[0].english().contains("women's share skipped"));
        assert!(out[1].notes[1].english().contains("behind CT at equal total: fewer points in the first group"));
    }

    #[test]
    fn equal_units_share_a_rank_and_the_meeting_decides_the_flag() {
        let units = [unit(1, "CT", None), unit(2, "HQ", None), unit(3, "KBNN", None)];
        let out = ranked(&units, &[(1, 55.0, 35.0, 0.0), (2, 55.0, 35.0, 0.0), (3, 50.0, 30.0, 0.0)]);
        assert!(out[0].shared && out[1].shared && out[0].rank == out[1].rank);
        assert_eq!((out[0].proposal, out[1].proposal, out[2].proposal), (None, None, Some("BK_TINH")));
    }

    #[test]
    fn units_tied_across_the_certificates_quota_are_left_to_the_meeting() {
        // Flag to CT; one certificate for HQ; KBNN and QLTT tie for the second: neither, nor NHNN below them.
        let units = [
            unit(1, "CT", None),
            unit(2, "HQ", None),
            unit(3, "KBNN", None),
            unit(4, "QLTT", None),
            unit(5, "NHNN", None),
        ];
        let out = ranked(
            &units,
            &[
                (1, 60.0, 40.0, 0.0),
                (2, 58.0, 38.0, 0.0),
                (3, 55.0, 35.0, 0.0),
                (4, 55.0, 35.0, 0.0),
                (5, 50.0, 30.0, 0.0),
            ],
        );
        let by = |c: &str| out.iter().find(|s| s.code == c).unwrap().clone();
        assert_eq!(by("CT").proposal, Some("CTD_TINH"));
        assert_eq!(by("HQ").proposal, Some("BK_TINH"));
        assert_eq!((by("KBNN").proposal, by("QLTT").proposal, by("NHNN").proposal), (None, None, None));
        assert!(by("QLTT").notes.iter().any(|n| n.english().contains("tied across the certificates' quota")));
        assert!(by("KBNN").notes.iter().any(|n| n.english().contains("tied across the certificates' quota")));
        // Two tied for two certificates left: both.
        let out = ranked(&units[..4], &[(1, 60.0, 40.0, 0.0), (3, 55.0, 35.0, 0.0), (4, 55.0, 35.0, 0.0)]);
        let by = |c: &str| out.iter().find(|s| s.code == c).unwrap().clone();
        assert_eq!((by("KBNN").proposal, by("QLTT").proposal), (Some("BK_TINH"), Some("BK_TINH")));
    }

    #[test]
    fn bands_and_proposals() {
        let units = [
            unit(1, "CT", None),
            unit(2, "HQ", None),
            unit(3, "KBNN", None),
            unit(4, "QLTT", None),
            unit(5, "NHNN", None),
        ];
        let out =
            ranked(&units, &[(1, 60.0, 40.0, 0.0), (2, 55.0, 35.0, 0.0), (3, 50.0, 0.0, 0.0), (4, 45.0, 30.0, 0.0)]);
        let by = |c: &str| out.iter().find(|s| s.code == c).unwrap().clone();
        assert_eq!((by("CT").band, by("CT").proposal), ("excellent", Some("CTD_TINH")));
        assert_eq!((by("HQ").band, by("HQ").proposal), ("good", Some("BK_TINH")));
        assert_eq!((by("QLTT").band, by("QLTT").proposal), ("completed", Some("BK_TINH")));
        assert_eq!((by("KBNN").band, by("KBNN").proposal), ("completed", None), "the quota is two");
        assert!(by("KBNN").zero_base);
        assert_eq!((by("NHNN").band, by("NHNN").rank, by("NHNN").proposal), ("not_ranked", 0, None));
    }

    #[test]
    fn differences_count_penalties_against() {
        let criteria = [criterion(1, "A1", "A", "base", 60.0), criterion(3, "P1", "P", "penalty", 5.0)];
        let all = [score(1, 1, 50.0), score(1, 3, 2.0), score(2, 1, 49.0), score(2, 3, 0.0)];
        let d: Vec<(f64, String)> =
            differences(1, 2, &criteria, &all).into_iter().map(|(x, c)| (x, c.code.clone())).collect();
        assert_eq!(d, vec![(-2.0, "P1".to_string()), (1.0, "A1".to_string())]);
    }
}
