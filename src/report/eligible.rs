//! Who qualifies for what: gathers the facts of each subject (ratings, titles by achievement year with the
//! carried history, initiatives, discipline, a unit's people and place in the ranking), judges them with the rule
//! set in force (`rules/`), and builds the report `eligible` and `register check` print.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::{catalog, discipline, facts, initiatives, people, ratings, rules as stored, units};
use crate::error::Result;
use crate::msg::{Arg, Msg, ToArg};
use crate::output::{Cell, Report, Table};
use crate::rules::{
    self, judging_date, Check, Evidence, Facts, Judgement, Member, Regime, RuleSet, Standing, Summary, Title, Verdict,
    Who,
};
use crate::text::format_date;

/// A subject judged: a unit or a person, with how it is named.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    pub unit_id: Option<i64>,
    pub person_id: Option<i64>,
    pub name: String,
    pub unit_code: String,
}

impl Subject {
    pub fn unit(conn: &Connection, id: i64) -> Result<Subject> {
        let u = units::get(conn, id)?;
        Ok(Subject { unit_id: Some(id), person_id: None, name: u.name, unit_code: u.code })
    }

    pub fn person(conn: &Connection, id: i64) -> Result<Subject> {
        let p = people::get(conn, id)?.ok_or_else(|| crate::error::refused(msg!("no person #{}", id)))?;
        Ok(Subject { unit_id: None, person_id: Some(id), name: p.full_name, unit_code: p.unit_code })
    }

    pub fn who(&self) -> Who {
        if self.person_id.is_some() {
            Who::Person
        } else {
            Who::Unit
        }
    }
}

/// What a run of judgements shares: the file's year, the ranking, the rule parameters stored.
pub struct Judge<'a> {
    conn: &'a Connection,
    pub file_year: i32,
    standings: HashMap<i64, Standing>,
    params: Vec<(rules::Param, f64, String, NaiveDate)>,
    as_of: Option<NaiveDate>,
    /// The day a pending review is judged at ([`Facts::pending_at`]).
    pending_at: NaiveDate,
    /// Each unit's counts for the old regime's CSTĐCS cap, by unit and year, read once: every member registered
    /// for the title asks for them (a mid-sized file read a unit's people once per such member).
    caps: std::cell::RefCell<HashMap<(i64, i32), (usize, usize)>>,
}

impl<'a> Judge<'a> {
    /// `as_of` overrides the date that picks the rule set (the end of the achievement year), and is the day a
    /// pending review is judged at (else today; [`Judge::at`] sets the day of an act).
    pub fn new(conn: &'a Connection, as_of: Option<NaiveDate>) -> Result<Judge<'a>> {
        let file_year = crate::db::meta::bloc(conn)?.year;
        let members = crate::db::units::members(conn)?;
        let (st, _) = super::ranking::rank(conn, &members)?;
        let of = st.iter().filter(|s| s.scored).count();
        let flag = st.iter().find(|s| s.proposal == Some("CTD_TINH")).map(|s| s.unit_id);
        let standings = st
            .iter()
            .map(|s| {
                (
                    s.unit_id,
                    Standing {
                        rank: s.rank,
                        shared: s.shared,
                        of,
                        scored: s.scored,
                        proposal: s.proposal.map(str::to_string),
                        flag_elsewhere: flag.is_some_and(|u| u != s.unit_id),
                    },
                )
            })
            .collect();
        let pending_at = as_of.unwrap_or_else(crate::text::today);
        Ok(Judge {
            conn,
            file_year,
            standings,
            params: stored::params(conn)?,
            as_of,
            pending_at,
            caps: Default::default(),
        })
    }

    /// Judges pending reviews at the day of an act: a proposal's memo, an award's decision, a review's date.
    pub fn at(mut self, day: NaiveDate) -> Self {
        self.pending_at = day;
        self
    }

    /// The rule set that judges an achievement year.
    pub fn rules(&self, year: i32) -> RuleSet {
        RuleSet::new(self.as_of.unwrap_or_else(|| judging_date(year)), &self.params)
    }

    /// Everything the conditions of `code` read about a subject for `year`.
    pub fn facts(&self, s: &Subject, code: &str, year: i32) -> Result<Facts> {
        self.facts_with(s, code, year, None)
    }

    /// [`Judge::facts`] with a unit's members read already (the national pass reads every unit's at once).
    fn facts_with(&self, s: &Subject, code: &str, year: i32, members: Option<Vec<Member>>) -> Result<Facts> {
        let c = self.conn;
        let (u, p) = (s.unit_id, s.person_id);
        let mut f = Facts {
            who: s.who(),
            year,
            file_year: self.file_year,
            ratings: ratings::of(c, u, p)?,
            titles: facts::titles(c, u, p)?,
            initiatives: match p {
                Some(p) => initiatives::of_person(c, p)?,
                None => Vec::new(),
            },
            disciplines: discipline::of(c, u, p)?,
            registered: if year == self.file_year { facts::registered(c, u, p)? } else { Vec::new() },
            confirmed: match catalog::by_code(c, code)? {
                Some(e) => stored::confirmation(c, u, p, e.id, year)?,
                None => None,
            },
            members: Vec::new(),
            staff: None,
            standing: None,
            unit_counts: None,
            ended: None,
            reported: None,
            pending_at: self.pending_at,
        };
        if let Some(u) = u {
            f.ended =
                units::end_of(c, u)?.map(|e| rules::Ended { on: e.on, merged_into: e.successor.map(|(code, _)| code) });
            if matches!(code, "TTLDTT" | "TTLDXS") {
                f.members = match members {
                    Some(m) => m,
                    None => facts::members(c, u, year)?,
                };
                f.staff = units::staff(c, u)?.map(|s| s.staff);
                if year == self.file_year {
                    f.reported = units::reported(c, u)?.map(|r| rules::Reported {
                        ldtt: r.ldtt as usize,
                        cstdcs: r.cstdcs as usize,
                        doc: r.doc,
                    });
                }
            }
            if year == self.file_year {
                f.standing = self.standings.get(&u).cloned();
            }
        }
        if let (Some(p), "CSTDCS") = (p, code) {
            if let Some(person) = people::get(c, p)? {
                let known = self.caps.borrow().get(&(person.unit_id, year)).copied();
                let counts = match known {
                    Some(n) => n,
                    None => facts::cap_counts(c, person.unit_id, year)?,
                };
                self.caps.borrow_mut().insert((person.unit_id, year), counts);
                f.unit_counts = Some(counts);
            }
        }
        Ok(f)
    }

    pub fn judge(&self, s: &Subject, code: &str, year: i32) -> Result<Judgement> {
        let f = self.facts(s, code, year)?;
        Ok(rules::judge(code, &f, &self.rules(year)))
    }
}

/// The columns of the summary: one row per subject and title.
pub const SUMMARY: &[&str] = &["subject", "unit", "title", "year", "result", "reasons"];
/// The columns of the conditions: one row per condition judged.
pub const CONDITIONS: &[&str] = &["subject", "unit", "title", "year", "condition", "verdict", "evidence", "article"];

/// The article as cited, marked when it was not read in the text itself.
pub fn article(c: &rules::Cite) -> Cell {
    Cell::Cite(c.text.to_string(), c.confirmed)
}

/// The article inside a sentence, marked when it was not read in the text itself.
pub fn article_arg(c: &rules::Cite) -> Arg {
    if c.confirmed {
        Arg::Text(c.text.to_string())
    } else {
        msg!("{} ({})", c.text, Arg::Label("unconfirmed".into())).into()
    }
}

fn decision_text(t: &Title) -> Option<Arg> {
    match (&t.decision, t.decision_date) {
        (Some(d), Some(on)) => Some(Arg::List(vec![d.to_arg(), on.to_arg()], " ")),
        (Some(d), None) => Some(d.to_arg()),
        (None, _) => None,
    }
}

fn initiative_text(i: &rules::Initiative) -> Msg {
    let recognised: Vec<Arg> =
        [i.body.clone().map(Arg::Text), i.decision.clone().map(Arg::Text), i.decided_on.map(Arg::Date)]
            .into_iter()
            .flatten()
            .collect();
    let recognised =
        if recognised.is_empty() { msg!("recognition not recorded").into() } else { Arg::List(recognised, " ") };
    msg!(
        "{} #{} “{}”, {} scope, {} ({})",
        Arg::label("initiative_kind", i.kind.as_str()),
        i.id,
        &i.title,
        Arg::label("scope", i.scope.as_str()),
        recognised,
        i.year
    )
}

/// One piece of evidence, as a message to put in words.
pub fn evidence(e: &Evidence) -> Msg {
    let people = |n: usize| Msg::people(n as u64);
    let pct = |x: f64| Arg::Pct(x);
    match e {
        Evidence::Rating { year, org, level, doc, doc_date } => {
            let body = match (level, doc) {
                (Some(l), Some(d)) => {
                    let d = match doc_date {
                        Some(on) => Arg::List(vec![d.to_arg(), on.to_arg()], " "),
                        None => d.to_arg(),
                    };
                    msg!("rated {} in {} by {}", Arg::label("rating", l.as_str()), year, d)
                }
                (Some(l), None) => msg!("rated {} in {}", Arg::label("rating", l.as_str()), year),
                (None, _) => msg!("no rating recorded for {}", year),
            };
            if *org == crate::model::Org::Own {
                body
            } else {
                msg!("{}: {}", Arg::label("org", org.as_str()), body)
            }
        }
        Evidence::Held(t, y) => match (decision_text(t), t.carried) {
            (Some(d), false) => msg!("{} {}: decision {}", &t.code, y, d),
            (Some(d), true) => msg!("{} {}: carried from an earlier file, decision {}", &t.code, y, d),
            (None, false) => msg!("{} {}: recorded, decision not entered", &t.code, y),
            (None, true) => msg!("{} {}: carried from an earlier file, decision not entered", &t.code, y),
        },
        Evidence::NotHeld { code, year } => msg!("no {} recorded for {}", code, year),
        Evidence::NotCounted(t, y) => msg!(
            "{} {} does not count: its basis is {} (Decree 152/2025 Art 4.3)",
            &t.code,
            y,
            t.basis.map_or(Arg::Text(String::new()), |b| Arg::label("basis", b.as_str()))
        ),
        Evidence::Revoked(t, y) => msg!("{} {} was revoked by {}", &t.code, y, t.revoked.clone().unwrap_or_default()),
        Evidence::Undecided { code, year } => msg!("{} {} registered, not decided yet", code, year),
        Evidence::MeetsLdtt => msg!("meets the LĐTT conditions (the title is not recorded yet)"),
        Evidence::Initiative(i) => initiative_text(i),
        Evidence::InitiativeScope(i, need) => msg!(
            "#{} “{}” has {} scope; {} or wider is needed",
            i.id,
            &i.title,
            Arg::label("scope", i.scope.as_str()),
            Arg::label("scope", need.as_str())
        ),
        Evidence::InitiativeUsed(i) => {
            let u = i.used_by.first().cloned().unwrap_or_default();
            msg!("#{} “{}” already served {} ({} {})", i.id, &i.title, u.what(), u.code, u.year)
        }
        Evidence::InitiativeTitleAgain(i) => {
            let u = i.used_by.first().cloned().unwrap_or_default();
            msg!(
                "#{} “{}” served {} ({} {}): a later title may rest on it if the council confirms (Công văn 5007/BNV-TĐKT, mục III.5.c)",
                i.id,
                &i.title,
                u.what(),
                u.code,
                u.year
            )
        }
        Evidence::NoInitiative { scope, from, to, need, found } => msg!(
            "{} usable initiatives of {} scope or wider in {}; {} needed",
            found,
            Arg::label("scope", scope.as_str()),
            if from == to { from.to_string() } else { format!("{from}–{to}") },
            need
        ),
        Evidence::PendingMembers { code, n } => msg!("{} registered for {}, not decided yet", people(*n), *code),
        Evidence::Discipline(d) => {
            let what = Arg::label("discipline", d.form.as_str());
            let (from, id) = (d.start, d.id);
            match (&d.decision, d.end) {
                (Some(x), Some(e)) => msg!("{} #{}, decision {}, from {} to {}", what, id, x, from, e),
                (None, Some(e)) => msg!("{} #{} from {} to {}", what, id, from, e),
                (Some(x), None) => msg!("{} #{}, decision {}, since {}, not ended", what, id, x, from),
                (None, None) => msg!("{} #{} since {}, not ended", what, id, from),
            }
        }
        Evidence::Share { n, of, min, strict } => {
            let share = pct(*n as f64 * 100.0 / *of as f64);
            if *strict {
                msg!("{} of {} people hold LĐTT ({}); more than {} is needed", n, of, share, pct(*min))
            } else {
                msg!("{} of {} people hold LĐTT ({}); at least {} is needed", n, of, share, pct(*min))
            }
        }
        Evidence::Staff { people: n, staff: Some(s) } => {
            msg!("the file holds {} of the unit; its staff is {}", people(*n), s)
        }
        Evidence::Staff { people: n, staff: None } => {
            msg!("the file holds {} of the unit; its staff count is not recorded (`unit staff`)", people(*n))
        }
        Evidence::MembersBelow { names } => msg!("rated below completed: {}", names.join(", ")),
        Evidence::MembersUnrated { n } => msg!("{} without a rating for the year", people(*n)),
        Evidence::MembersWarning { names } => msg!("disciplined at warning or above: {}", names.join(", ")),
        Evidence::Cstdcs { n } => msg!("{} holding CSTĐCS", people(*n)),
        Evidence::Cap { cstdcs, ldtt, cap } => {
            msg!("{} CSTĐCS for {} LĐTT in the unit: at most {} is allowed", cstdcs, ldtt, pct(*cap))
        }
        Evidence::Standing(s) => match (&s.proposal, s.shared) {
            (_, true) => msg!("rank {} of {}, shared: the meeting decides", s.rank, s.of),
            (Some(p), false) => msg!("rank {} of {} in the bloc's ranking, proposed for {}", s.rank, s.of, p),
            (None, false) => msg!("rank {} of {} in the bloc's ranking", s.rank, s.of),
        },
        Evidence::NotRanked => msg!("not ranked: no scores"),
        Evidence::OtherYear(y) => msg!("the bloc's ranking of {} is not in this file", y),
        Evidence::Confirmed(note) => msg!("confirmed: {}", note),
        Evidence::NotConfirmed => msg!("not confirmed yet (`eligible confirm`)"),
        Evidence::JudgedOn(d) => msg!("reviews judged on {}", *d),
        Evidence::Reported { ldtt, cstdcs, staff, doc } => match doc {
            Some(d) => {
                msg!("reported by the unit: {} of its staff of {} hold LĐTT, {} CSTĐCS ({})", ldtt, staff, cstdcs, d)
            }
            None => msg!("reported by the unit: {} of its staff of {} hold LĐTT, {} CSTĐCS", ldtt, staff, cstdcs),
        },
        Evidence::Ended(e) => match &e.merged_into {
            Some(code) => msg!("merged into {} on {}", code, e.on),
            None => msg!("dissolved on {}", e.on),
        },
        Evidence::Branch(cond, n, v) => msg!(
            "option {}: {} — {}",
            n,
            Arg::Label(format!("cond.{}.{n}", cond.as_str())),
            Arg::label("verdict", v.as_str())
        ),
    }
}

/// The evidence of a condition, each piece in turn.
pub fn evidence_all(c: &Check) -> Msg {
    msg!("{}", Arg::List(c.evidence.iter().map(|e| evidence(e).into()).collect(), "; "))
}

/// The conditions that keep a subject from a title (not met first, then unknown), as labels.
pub fn reasons(j: &Judgement) -> Msg {
    if j.checks.is_empty() {
        return rules::not_covered_why(&j.code);
    }
    let pick = |v: Verdict| j.checks.iter().filter(move |c| c.verdict == v);
    let conds = pick(Verdict::NotMet)
        .chain(pick(Verdict::Unknown))
        .chain(pick(Verdict::ToConfirm))
        .map(|c| Arg::label("cond", c.cond.as_str()))
        .collect();
    msg!("{}", Arg::List(conds, "; "))
}

fn check_row(s: &Subject, j: &Judgement, c: &Check) -> Vec<Cell> {
    vec![
        s.name.as_str().into(),
        s.unit_code.as_str().into(),
        j.code.as_str().into(),
        i64::from(j.year).into(),
        c.cond.into(),
        c.verdict.into(),
        evidence_all(c).into(),
        article(&c.cite),
    ]
}

/// The line that names the rule set and the date it was picked by.
pub fn regime_line(regime: Regime, as_of: NaiveDate) -> Msg {
    let (from, to) = regime.period();
    let period = match (from, to) {
        (Some(f), Some(t)) => Arg::Text(format!("{}–{}", format_date(f), format_date(t))),
        (Some(f), None) => msg!("from {}", f).into(),
        (None, Some(t)) => msg!("until {}", t).into(),
        (None, None) => Arg::Text(String::new()),
    };
    msg!("Rules: {} ({}), in force on {}", regime.texts(), period, as_of)
}

/// The report: a summary per subject and title; then, for people, each judgement's conditions under its own
/// heading; and for scripts one table of every condition (CSV, JSON, `--table conditions`).
pub fn report(judged: &[(Subject, Judgement)], as_of_line: Option<Msg>) -> Report {
    let mut r = Report::new(Msg::label("title.eligible"));
    let mut sum = Table::new("summary", SUMMARY);
    let mut all = Table::new("conditions", CONDITIONS);
    all.data_only = true;
    let mut counts: Vec<(Summary, usize)> = Vec::new();
    let mut parts = Vec::new();
    for (s, j) in judged {
        let v = j.summary();
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
        sum.push(vec![
            s.name.as_str().into(),
            s.unit_code.as_str().into(),
            j.code.as_str().into(),
            i64::from(j.year).into(),
            v.into(),
            reasons(j).into(),
        ]);
        let mut one =
            Table::new(&format!("conditions_{}", parts.len() + 1), &["condition", "verdict", "evidence", "article"]);
        one.for_people = true;
        for c in &j.checks {
            let row = check_row(s, j, c);
            one.push(row[4..].to_vec());
            all.push(row);
        }
        let heading = msg!("{} ({}) — {} {}: {}", s.name, s.unit_code, j.code, j.year, v);
        parts.push((heading, one));
    }
    let mut lines: Vec<Msg> = as_of_line.into_iter().collect();
    if judged.is_empty() {
        lines.push(msg!("nothing to judge: no registrations; name a subject with --person or --unit"));
    } else {
        let each = counts.iter().map(|(k, n)| msg!("{}: {}", *k, n).into()).collect();
        lines.push(msg!("{}", Arg::List(each, ", ")));
    }
    r.section(None, lines, Some(sum));
    for (h, t) in parts {
        r.section(Some(h), Vec::new(), Some(t));
    }
    r.section(None, Vec::new(), Some(all));
    r
}

/// `register check`: the registrations that cannot succeed (a condition not met) or lack data (a condition
/// unknown), one row per such condition, with its evidence and article. Qualitative conditions waiting for
/// confirmation are counted, not listed: they are the meeting's to confirm.
pub fn at_risk(judged: &[Judged], rules_line: Msg) -> Report {
    let mut r = Report::new(Msg::label("title.register_check"));
    let (lines, t) = risk_table(judged, rules_line, true);
    r.section(None, lines, Some(t));
    r
}

/// A registration judged: its number, its subject, the judgement of its title.
pub type Judged = (i64, Subject, Judgement);

/// Every live registration of the file (by `as_of` when given) judged for the file's year, with its number.
pub fn judge_registrations(conn: &Connection, judge: &Judge, as_of: Option<NaiveDate>) -> Result<Vec<Judged>> {
    let mut judged = Vec::new();
    for (id, u, p, code) in facts::registrations(conn, as_of)? {
        let s = match (p, u) {
            (Some(p), _) => Subject::person(conn, p)?,
            (None, Some(u)) => Subject::unit(conn, u)?,
            (None, None) => continue,
        };
        let j = judge.judge(&s, &code, judge.file_year)?;
        judged.push((id, s, j));
    }
    Ok(judged)
}

/// The review's section: the registrations that cannot succeed under the rules in force (a condition not met),
/// while there is time to act; those lacking data are counted. A national file (above [`BULK`] registrations) is
/// not judged inside the review, which stays quick: the line points to `register check`, which judges it in one
/// streamed pass.
pub fn review_section(conn: &Connection, as_of: NaiveDate) -> Result<(Vec<Msg>, Table)> {
    let judge = Judge::new(conn, None)?.at(as_of);
    let set = judge.rules(judge.file_year);
    let line = regime_line(set.regime, set.as_of);
    let n = facts::live_registrations(conn)?;
    if n > BULK {
        let lines = vec![line, msg!("{} registrations: `thidua register check` judges them one by one", n)];
        return Ok((lines, Table::new("at_risk", AT_RISK)));
    }
    let judged = judge_registrations(conn, &judge, Some(as_of))?;
    Ok(risk_table(&judged, line, false))
}

/// The lines (rule set, counts) and the table of the conditions that keep registrations from succeeding; with
/// `open`, those lacking data are listed too.
fn risk_table(judged: &[Judged], rules_line: Msg, open: bool) -> (Vec<Msg>, Table) {
    let mut t = Table::new("at_risk", AT_RISK);
    let (mut bad, mut lacking) = (0, 0);
    for (id, s, j) in judged {
        match j.summary() {
            Summary::NotEligible => bad += 1,
            Summary::Incomplete => lacking += 1,
            _ => {}
        }
        for row in risk_rows(*id, s, j, open) {
            t.push(row);
        }
    }
    (vec![rules_line, risk_counts(judged.len(), bad, lacking)], t)
}

/// Above this many registrations `eligible` streams one table instead of laying out a report.
pub const BULK: i64 = 20_000;

/// Every live registration judged and handed to `emit` as it is judged (registration, subject, judgement): units
/// first (their facts read one by one: a bloc has few), then people in one pass over each table. Nothing is held
/// but one person's facts, so a national file is judged in constant memory.
/// Above this many collective registrations the national pass reads every unit's members at once.
const MEMBERS_ONE_BY_ONE: usize = 200;

pub fn bulk(
    conn: &Connection,
    code: Option<&str>,
    as_of: Option<NaiveDate>,
    mut emit: impl FnMut(i64, &Subject, &Judgement) -> Result<()>,
) -> Result<()> {
    // One read transaction for the whole pass: each of the units' dozen statements otherwise took and released
    // the file's lock on its own (880,000 lock and 660,000 stat calls for 20,000 units).
    crate::db::in_read_transaction(conn, || bulk_in(conn, code, as_of, &mut emit))
}

fn bulk_in(
    conn: &Connection,
    code: Option<&str>,
    as_of: Option<NaiveDate>,
    emit: &mut impl FnMut(i64, &Subject, &Judgement) -> Result<()>,
) -> Result<()> {
    let judge = Judge::new(conn, as_of)?;
    let year = judge.file_year;
    let rules = judge.rules(year);
    let units = facts::unit_registrations(conn, code)?;
    let mut judge_unit = |(id, unit, c): &(i64, i64, String), members: Option<Vec<Member>>| -> Result<()> {
        let s = Subject::unit(conn, *unit)?;
        let f = judge.facts_with(&s, c, year, members)?;
        emit(*id, &s, &rules::judge(c, &f, &rules))
    };
    // Many units judged on their people (TTLĐTT, TTLĐXS): every unit's members read in one pass, in unit order,
    // beside the registrations (in unit order too); a unit without people has none.
    let collective = units.iter().filter(|(_, _, c)| matches!(c.as_str(), "TTLDTT" | "TTLDXS")).count();
    let mut next = 0;
    let read_at_once = if collective > MEMBERS_ONE_BY_ONE {
        facts::each_unit_members(conn, year, |u, members| {
            while let Some(r) = units.get(next).filter(|r| r.1 <= u) {
                judge_unit(r, Some(if r.1 == u { members.clone() } else { Vec::new() }))?;
                next += 1;
            }
            Ok(())
        })?
    } else {
        None
    };
    let bulk = read_at_once.is_some();
    for r in &units[next..] {
        judge_unit(r, bulk.then(Vec::new))?;
    }
    // The old regime's cap reads the person's unit: every unit counted in one pass (with the members, when they
    // were read at once), when the cap applies.
    let capped = rules.get(rules::Param::CstdcsCap).value.is_some();
    let caps: HashMap<i64, (usize, usize)> = match read_at_once {
        Some(caps) if capped => caps,
        _ if capped => facts::cap_counts_all(conn, year)?,
        _ => HashMap::new(),
    };
    facts::each_person(conn, code, |p| {
        let registered: Vec<String> = p.registrations.iter().filter(|r| r.2).map(|r| r.1.clone()).collect();
        let s = Subject {
            unit_id: None,
            person_id: Some(p.person_id),
            name: p.name.clone(),
            unit_code: p.unit_code.clone(),
        };
        for (id, c, _) in &p.registrations {
            let unit_counts = (capped && c == "CSTDCS").then(|| caps.get(&p.unit_id).copied().unwrap_or((0, 0)));
            let f = Facts {
                who: Who::Person,
                year,
                file_year: year,
                ratings: p.ratings.clone(),
                titles: p.titles.clone(),
                initiatives: p.initiatives.clone(),
                disciplines: p.disciplines.clone(),
                registered: registered.clone(),
                confirmed: p.confirmed.iter().find(|(k, y, _)| k == c && *y == year).map(|x| x.2.clone()),
                members: Vec::new(),
                staff: None,
                standing: None,
                unit_counts,
                ended: None,
                reported: None,
                pending_at: judge.pending_at,
            };
            let j = rules::judge(c, &f, &rules);
            emit(*id, &s, &j)?;
        }
        Ok(())
    })
}

/// A summary row: subject, unit, title, year, result, reasons.
pub fn summary_row(s: &Subject, j: &Judgement) -> Vec<Cell> {
    vec![
        s.name.as_str().into(),
        s.unit_code.as_str().into(),
        j.code.as_str().into(),
        i64::from(j.year).into(),
        j.summary().into(),
        reasons(j).into(),
    ]
}

/// The rows of one judgement in the conditions table.
pub fn condition_rows(s: &Subject, j: &Judgement) -> Vec<Vec<Cell>> {
    j.checks.iter().map(|c| check_row(s, j, c)).collect()
}

/// The columns of `register check`.
pub const AT_RISK: &[&str] =
    &["id", "subject", "unit", "title", "result", "condition", "verdict", "evidence", "article"];

/// The rows `register check` shows for one judged registration: its conditions not met (and with `open`, those
/// unknown), when the registration cannot succeed (or lacks data).
pub fn risk_rows(id: i64, s: &Subject, j: &Judgement, open: bool) -> Vec<Vec<Cell>> {
    let v = j.summary();
    if !(v == Summary::NotEligible || (open && v == Summary::Incomplete)) {
        return Vec::new();
    }
    let shown = |c: &&Check| c.verdict == Verdict::NotMet || (open && c.verdict == Verdict::Unknown);
    j.checks
        .iter()
        .filter(shown)
        .map(|c| {
            let row = check_row(s, j, c);
            let mut cells: Vec<Cell> = vec![id.into(), row[0].clone(), row[1].clone(), row[2].clone(), v.into()];
            cells.extend(row[4..].iter().cloned());
            cells
        })
        .collect()
}

/// The counts line of `register check`.
pub fn risk_counts(total: usize, bad: usize, lacking: usize) -> Msg {
    msg!(
        "{} registrations: {} cannot succeed, {} lack data, {} can succeed",
        total,
        bad,
        lacking,
        total - bad - lacking
    )
}
