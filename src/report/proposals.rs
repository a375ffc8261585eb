//! The council's results and the proposals: ballots against the threshold of the rule set in force, each
//! proposal with its candidates, dossier and outcome, and what a dossier still lacks (Law 06/2022 Art 84).

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::council::{self, Session, Vote};
use crate::db::proposals::{self, Item, Proposal};
use crate::db::{meta, rules as stored};
use crate::error::Result;
use crate::model::{DocKind, ProposalStatus};
use crate::msg::{Arg, Msg};
use crate::output::{Cell, Report, Table};
use crate::rules::{self, judging_date, RuleSet};

/// The rule set that judges the file's year (its thresholds and quorum).
pub fn rules_of(conn: &Connection) -> Result<RuleSet> {
    let year = meta::bloc(conn)?.year;
    Ok(RuleSet::new(judging_date(year), &stored::params(conn)?))
}

/// The candidates a proposal cannot send without `--force` and a reason, each with why: not eligible under the rules
/// in force; no ballot of the council that carried (a candidate never voted on included: the memo proposes what the
/// council carried); a title or form its addressee does not confer (a grassroots title is the unit head's to confer,
/// Law 06/2022/QH15 Art 80); the same subject proposed twice (one achievement, one form: Law 06/2022/QH15 Art 5.2.c).
/// A review pending is judged on `on`, the memo's date (Decree 152/2025 Art 4.4: no proposal while it is pending).
pub fn held_back(conn: &Connection, items: &[Item], on: chrono::NaiveDate) -> Result<Vec<(i64, Msg)>> {
    let judge = super::eligible::Judge::new(conn, None)?.at(on);
    let set = rules_of(conn)?;
    let mut out = Vec::new();
    for (n, i) in items.iter().enumerate() {
        let s = subject(conn, i)?;
        let j = judge.judge(&s, &i.code, judge.file_year)?;
        let ballot =
            council::vote_for(conn, i.unit_id, i.person_id, &i.code)?.map(|(v, s)| weigh(&v, &s, &set).carried);
        let grassroots =
            crate::db::catalog::by_code(conn, &i.code)?.and_then(|e| e.level).as_deref() == Some("grassroots");
        let twice = items[..n].iter().any(|o| o.unit_id == i.unit_id && o.person_id == i.person_id)
            || !proposals::elsewhere(conn, i)?.is_empty();
        let (who, code) = (&i.name, &i.code);
        let why = if grassroots {
            msg!(
                "{} — {} (conferred by the head of the unit, {})",
                who,
                code,
                "Luật Thi đua, khen thưởng 2022, Điều 80"
            )
        } else if twice {
            msg!(
                "{} — {} (proposed for another form too, {})",
                who,
                code,
                "Luật Thi đua, khen thưởng 2022, Điều 5 khoản 2 điểm c"
            )
        } else if ballot.is_none() {
            msg!("{} — {} (no ballot of the council carried it)", who, code)
        } else if ballot == Some(false) {
            msg!("{} — {} (its ballot did not carry)", who, code)
        } else if j.summary() == rules::Summary::NotEligible {
            msg!("{} — {} (not eligible)", who, code)
        } else {
            continue;
        };
        out.push((i.id, why));
    }
    Ok(out)
}

/// `proposal send`: refused for a proposal sent or decided already, or without a candidate; the candidates held
/// back (not eligible, not carried, a grassroots title, a second form: [`held_back`] on the memo's date) stop it
/// unless `forced` gives the reason they go all the same, kept with each. How many went with the reason.
pub fn send(
    conn: &Connection,
    id: i64,
    memo: &str,
    date: chrono::NaiveDate,
    to: Option<&str>,
    forced: Option<&str>,
) -> Result<usize> {
    use crate::error::{refused, refused_hint};
    let p = proposals::get(conn, id)?;
    match p.status {
        ProposalStatus::Sent => {
            return Err(refused(msg!(
                "proposal #{} was sent already ({} of {})",
                id,
                p.memo.unwrap_or_default(),
                p.memo_date.map(crate::text::format_date).unwrap_or_default()
            )))
        }
        ProposalStatus::Decided => return Err(refused(msg!("proposal #{} is decided already", id))),
        _ => {}
    }
    let items = proposals::items(conn, id)?;
    if items.is_empty() {
        return Err(refused_hint(
            msg!("proposal #{} has no candidate", id),
            "add them with `thidua proposal candidate`",
        ));
    }
    let blocked = held_back(conn, &items, date)?;
    let Some(reason) = forced.or(blocked.is_empty().then_some("")) else {
        return Err(refused_hint(
            msg!("proposal #{} cannot be sent: {}", id, Arg::List(blocked.iter().map(|b| b.1.clone().into()).collect(), "; ")),
            "`thidua eligible` and `thidua council result` say why; --force --reason \"…\" sends them all the same, the reason kept",
        ));
    };
    for (item, _) in &blocked {
        proposals::set_forced(conn, *item, reason)?;
    }
    proposals::send(conn, id, memo, date, to)?;
    Ok(blocked.len())
}

/// `proposal add`: a draft, with the units the ranking proposes as its candidates when `from_ranking`; its number
/// and how many candidates the ranking gave.
pub fn add(
    conn: &Connection,
    title: &str,
    to: Option<&str>,
    session: Option<&str>,
    from_ranking: bool,
) -> Result<(i64, usize)> {
    let s = session.map(|s| council::session(conn, s)).transpose()?;
    let id = proposals::add(conn, title, to.filter(|s| !s.is_empty()), s.map(|s| s.id), None)?;
    let mut n = 0;
    if from_ranking {
        let (standings, _) = super::ranking::rank(conn, &crate::db::units::members(conn)?)?;
        for st in standings.iter().filter(|s| s.proposal.is_some()) {
            let e = crate::db::catalog::resolve(conn, st.proposal.unwrap_or_default())?;
            let summary = super::papers::unit_summary(conn, st.unit_id)?;
            proposals::add_item(conn, id, Some(st.unit_id), None, e.id, summary.as_deref())?;
            n += 1;
        }
        if n == 0 {
            return Err(crate::error::refused_hint(
                msg!("the ranking proposes no unit yet"),
                "`thidua report ranking` says why (scores missing, a tie, a review pending)",
            ));
        }
    }
    Ok((id, n))
}

/// A candidate added: its number, the initiatives it reuses (with their first use), and the candidates that
/// propose the same subject already (proposal, candidate, title).
pub struct Added {
    pub item: i64,
    pub reused: Vec<(i64, rules::Use)>,
    pub twice: Vec<(i64, i64, String)>,
}

/// `proposal candidate`: a unit or a person with a title, to a draft or a returned proposal. A subject proposed
/// again (here or in another standing proposal) is said now and held back at sending (one achievement, one form:
/// Law 06/2022/QH15 Art 5.2.c).
pub fn add_candidate(
    conn: &Connection,
    id: i64,
    subject: (Option<&str>, Option<&str>),
    title: &str,
    summary: Option<&str>,
    initiatives: &[i64],
) -> Result<Added> {
    let p = proposals::get(conn, id)?;
    if !matches!(p.status, ProposalStatus::Draft | ProposalStatus::Returned) {
        return Err(crate::error::refused(msg!(
            "proposal #{} is {}: candidates are added to a draft or a returned proposal",
            p.id,
            p.status
        )));
    }
    let e = crate::db::catalog::resolve(conn, title)?;
    let (unit_id, person_id, _) = crate::db::subject(conn, subject.0, subject.1)?;
    crate::db::catalog::check_subject(&e, person_id.is_none(), "propose it for")?;
    let item = proposals::add_item(conn, id, unit_id, person_id, e.id, summary.filter(|s| !s.is_empty()))?;
    let mut twice = Vec::new();
    if let Some(a) = proposals::items(conn, id)?.into_iter().find(|i| i.id == item) {
        twice = proposals::items(conn, id)?
            .into_iter()
            .filter(|o| o.id != item && o.unit_id == a.unit_id && o.person_id == a.person_id)
            .map(|o| (id, o.id, o.code))
            .collect();
        twice.extend(proposals::elsewhere(conn, &a)?);
    }
    let mut reused = Vec::new();
    for i in initiatives {
        if let Some(first) = crate::db::initiatives::use_for_candidate(conn, *i, item)?.into_iter().next() {
            reused.push((*i, first));
        }
    }
    Ok(Added { item, reused, twice })
}

/// `proposal attach`: a paper into the dossier, of the proposal or of one of its candidates; its number and
/// SHA-256.
pub fn attach(
    conn: &Connection,
    id: i64,
    candidate: Option<i64>,
    kind: DocKind,
    name: &str,
    bytes: &[u8],
) -> Result<(i64, String)> {
    proposals::get(conn, id)?;
    if let Some(c) = candidate {
        if !proposals::items(conn, id)?.iter().any(|i| i.id == c) {
            return Err(crate::error::refused(msg!("proposal #{} has no candidate #{}", id, c)));
        }
    }
    proposals::attach(conn, id, candidate, kind, name, bytes, crate::text::today())
}

/// `proposal return`: the province's answer sending a proposal back, with its reason.
pub fn give_back(conn: &Connection, id: i64, date: NaiveDate, reason: &str) -> Result<()> {
    if reason.is_empty() {
        return Err(crate::error::usage(msg!("--reason is empty: say why the proposal was returned")));
    }
    let p = proposals::get(conn, id)?;
    if p.status != ProposalStatus::Sent {
        return Err(crate::error::refused(msg!(
            "proposal #{} is {}, not sent: only a sent proposal comes back",
            id,
            p.status
        )));
    }
    proposals::give_back(conn, id, date, reason)
}

/// `proposal withdraw`: a sent or returned proposal taken back, kept on record with its date and reason.
pub fn withdraw(conn: &Connection, id: i64, date: NaiveDate, reason: &str) -> Result<()> {
    use crate::error::refused;
    if reason.is_empty() {
        return Err(crate::error::usage(msg!("--reason is empty: say why the proposal is withdrawn")));
    }
    let p = proposals::get(conn, id)?;
    match p.status {
        ProposalStatus::Sent | ProposalStatus::Returned => {}
        ProposalStatus::Draft => {
            return Err(crate::error::refused_hint(
                msg!("proposal #{} is a draft: it was never sent", id),
                msg!("a draft is removed (`thidua proposal remove {}`)", id),
            ))
        }
        s => return Err(refused(msg!("proposal #{} is {}: only a sent or returned proposal is withdrawn", id, s))),
    }
    if let Some(sent) = p.sent_on.filter(|s| date < *s) {
        return Err(refused(msg!("{} is before proposal #{} was sent ({})", date, id, sent)));
    }
    proposals::withdraw(conn, id, date, reason)
}

/// `proposal decide`: the decision's awards of the file's year matched to the candidates (a person by person, a
/// unit by unit): granted as proposed, granted another form, or refused. (granted, changed, refused).
pub fn decide(conn: &Connection, id: i64, decision: &str) -> Result<(usize, usize, usize)> {
    use crate::db::{awards, decisions, units};
    use crate::error::refused;
    use crate::model::ItemOutcome;
    let p = proposals::get(conn, id)?;
    if p.status != ProposalStatus::Sent {
        return Err(refused(msg!("proposal #{} is {}, not sent: only a sent proposal is decided", id, p.status)));
    }
    let d = decisions::resolve(conn, decision, None, None)?;
    let year = meta::bloc(conn)?.year;
    let list = awards::list(conn, &awards::Filter { decision_id: Some(d.id), ..Default::default() })?;
    if !list.is_empty() && list.iter().all(|a| a.year_to != i64::from(year)) {
        return Err(refused(msg!(
            "decision {} awards achievements of {}, not of this file's year {}",
            d.number,
            list[0].year_to,
            year
        )));
    }
    let mut outcomes = Vec::new();
    let mut counts = (0, 0, 0);
    for i in proposals::items(conn, id)? {
        let mine = list.iter().find(|a| {
            a.year_to == i64::from(year)
                && match (i.person_id, i.unit_id) {
                    (Some(pid), _) => a.person_id == Some(pid),
                    (None, Some(uid)) => {
                        a.person_id.is_none()
                            && units::by_code(conn, &a.unit_code).ok().flatten().is_some_and(|u| u.id == uid)
                    }
                    _ => false,
                }
        });
        let (o, award) = match mine {
            Some(a) if a.code == i.code => (ItemOutcome::Granted, Some(a.id)),
            Some(a) => (ItemOutcome::Changed, Some(a.id)),
            None => (ItemOutcome::Refused, None),
        };
        match o {
            ItemOutcome::Granted => counts.0 += 1,
            ItemOutcome::Changed => counts.1 += 1,
            ItemOutcome::Refused => counts.2 += 1,
        }
        outcomes.push((i.id, o, award));
    }
    proposals::decide(conn, id, d.id, &outcomes)?;
    Ok(counts)
}

/// A ballot weighed: in favour (present and written), of all members, the percentage, the threshold, carried.
#[derive(Debug, Clone, PartialEq)]
pub struct Weighed {
    pub yes: i64,
    pub all: i64,
    pub pct: f64,
    pub threshold: rules::Value,
    pub carried: bool,
}

/// A ballot against the threshold of the rule set in force on its session's date.
/// A session's attendance against itself and the quorum of the rules in force (Decree 98/2023 Art 30(7)): the
/// present and the written opinions no more than the members, the present enough to deliberate.
/// A province's own share of members present when awards are considered (`quorum_awards`, Bắc Ninh QĐ
/// 86/2025/QĐ-UBND Art 8.4: 80%) applies to the year-end session, once the file sets it.
pub fn check_attendance(
    conn: &Connection,
    kind: crate::model::SessionKind,
    all: i64,
    present: i64,
    written: i64,
) -> Result<()> {
    if present + written > all {
        return Err(crate::error::refused(msg!(
            "{} present and {} written opinions are more than the {} members",
            present,
            written,
            all
        )));
    }
    let set = rules_of(conn)?;
    let q = set.get(rules::Param::Quorum);
    if !rules::carried(present, all, q) {
        return Err(crate::error::refused(msg!(
            "{} of {} members present is below the quorum of {}%; the session cannot deliberate",
            present,
            all,
            crate::text::format_number((q.value.unwrap_or(0.0) * 10.0).round() / 10.0, false)
        )));
    }
    let qa = set.get(rules::Param::QuorumAwards);
    if let (crate::model::SessionKind::Annual, Some(least)) = (kind, qa.value) {
        if (present as f64) * 100.0 + 1e-9 < least * all as f64 {
            let source = match &qa.source {
                rules::Source::Set { source, .. } => source.clone(),
                _ => String::new(),
            };
            return Err(crate::error::refused(msg!(
                "{} of {} members present is below the {}% present the province asks when awards are considered ({})",
                present,
                all,
                crate::text::format_number(least, false),
                source
            )));
        }
    }
    Ok(())
}

pub fn weigh(v: &Vote, s: &Session, set: &RuleSet) -> Weighed {
    let threshold = set.at(s.held_on).get(rules::vote_param(&v.code)).clone();
    let yes = v.yes + v.written_yes;
    Weighed {
        yes,
        all: s.members,
        pct: yes as f64 * 100.0 / s.members.max(1) as f64,
        carried: rules::carried(yes, s.members, &threshold),
        threshold,
    }
}

fn pct(x: f64) -> Cell {
    Cell::Percent((x * 10.0).round() / 10.0)
}

/// A threshold or share as a cell: the percentage, and whether the share must be above it.
pub(crate) fn threshold_cell(v: &rules::Value) -> Cell {
    v.value.map_or(Cell::Empty, |x| Cell::Bound((x * 10.0).round() / 10.0, v.strict))
}

/// Whether a threshold is a strict bound ("more than half"), for scripts.
pub(crate) fn strict_cell(v: &rules::Value) -> Cell {
    match v.value {
        Some(_) => Cell::Enum("bool", if v.strict { "yes" } else { "no" }.into()),
        None => Cell::Empty,
    }
}

fn source(v: &rules::Value) -> Cell {
    match &v.source {
        rules::Source::Set { source, .. } => source.as_str().into(),
        rules::Source::Default(c) => super::eligible::article(c),
        rules::Source::None => Cell::Empty,
    }
}

pub const RESULT_COLUMNS: &[&str] = &[
    "subject",
    "unit",
    "title",
    "yes",
    "written_yes",
    "no",
    "members",
    "share",
    "threshold",
    "strict",
    "carried",
    "article",
];

/// `council result`: a session's attendance and each ballot against its threshold, with the article.
pub fn result(conn: &Connection, s: &Session) -> Result<Report> {
    let set = rules_of(conn)?.at(s.held_on);
    let mut r = Report::new(msg!("Council session #{} of {}", s.id, crate::text::format_date(s.held_on)));
    let quorum = set.get(rules::Param::Quorum);
    r.section(
        None,
        vec![msg!(
            "{} members; {} present, {} absent with a written opinion; quorum {} ({})",
            s.members,
            s.present,
            s.written,
            quorum.value.map_or(Arg::Text(String::new()), Arg::Pct),
            match &quorum.source {
                rules::Source::Set { source, .. } => Arg::Text(source.clone()),
                rules::Source::Default(c) => super::eligible::article_arg(c),
                rules::Source::None => Arg::Text(String::new()),
            }
        )],
        None,
    );
    let mut t = Table::new("ballots", RESULT_COLUMNS);
    for v in council::votes(conn, s.id)? {
        let w = weigh(&v, s, &set);
        t.push(vec![
            v.name.as_str().into(),
            v.unit_code.as_str().into(),
            v.code.as_str().into(),
            v.yes.into(),
            v.written_yes.into(),
            v.no.into(),
            s.members.into(),
            pct(w.pct),
            threshold_cell(&w.threshold),
            strict_cell(&w.threshold),
            Cell::Enum("bool", if w.carried { "yes" } else { "no" }.into()),
            source(&w.threshold),
        ]);
    }
    r.section(Some(Msg::label("heading.ballots")), vec![], Some(t));
    Ok(r)
}

/// What a candidate's dossier lacks, each with its article.
pub fn missing(conn: &Connection, p: &Proposal, item: &Item, set: &RuleSet) -> Result<Vec<(Msg, String)>> {
    let docs = proposals::docs(conn, p.id)?;
    let has = |k: DocKind, mine: bool| docs.iter().any(|d| d.kind == k && (!mine || d.item_id == Some(item.id)));
    let art84 = "Luật TĐKT 2022, Điều 84 khoản 1".to_string();
    let mut out = Vec::new();
    if !has(DocKind::Memo, false) {
        out.push((msg!("the memo (tờ trình)"), art84.clone()));
    }
    if !has(DocKind::Report, true) {
        out.push((msg!("the achievement report"), art84.clone()));
    }
    if !has(DocKind::Minutes, false) {
        out.push((msg!("the minutes of the deliberation"), art84.clone()));
    }
    if rules::vote_param(&item.code) != rules::Param::VoteOther {
        match council::vote_for(conn, item.unit_id, item.person_id, &item.code)? {
            None => out.push((msg!("a ballot of the council"), "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7".into())),
            Some((v, s)) if !weigh(&v, &s, set).carried => out.push((
                msg!("a ballot that carried (#{} did not)", s.id),
                "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7".into(),
            )),
            Some(_) => {}
        }
    }
    match item.code.as_str() {
        "CSTD_TINH" | "CSTD_TQ" if !has(DocKind::Certificate, true) => {
            out.push((msg!("the certificate of the initiative's recognition"), art84))
        }
        "CSTDCS" if !has(DocKind::Certificate, true) => out.push((
            msg!("the certificate of the initiative or of the excellent rating"),
            "Nghị định 98/2023/NĐ-CP, Điều 34".into(),
        )),
        _ => {}
    }
    Ok(out)
}

pub const LIST_COLUMNS: &[&str] =
    &["id", "title", "status", "candidates", "memo", "memo_date", "addressee", "decision"];

pub fn list(conn: &Connection) -> Result<Table> {
    let mut t = Table::new("proposals", LIST_COLUMNS);
    for p in proposals::list(conn)? {
        let n = proposals::items(conn, p.id)?.len() as i64;
        t.push(vec![
            p.id.into(),
            p.title.as_str().into(),
            p.status.into(),
            n.into(),
            p.memo.clone().into(),
            p.memo_date.into(),
            p.addressee.clone().into(),
            p.decision.clone().into(),
        ]);
    }
    Ok(t)
}

pub const ITEM_COLUMNS: &[&str] = &[
    "id",
    "subject",
    "unit",
    "title",
    "summary",
    "share",
    "threshold",
    "strict",
    "eligibility",
    "forced",
    "outcome",
    "awarded",
];

/// The candidates with their ballot, their eligibility and their outcome.
pub fn candidates(conn: &Connection, p: &Proposal) -> Result<Table> {
    let set = rules_of(conn)?;
    // A proposal that went up is judged as on its memo's date; a draft as today.
    let judge = super::eligible::Judge::new(conn, None)?.at(p.sent_on.unwrap_or_else(crate::text::today));
    let mut t = Table::new("candidates", ITEM_COLUMNS);
    for i in proposals::items(conn, p.id)? {
        let ballot = council::vote_for(conn, i.unit_id, i.person_id, &i.code)?.map(|(v, s)| weigh(&v, &s, &set));
        let s = subject(conn, &i)?;
        let j = judge.judge(&s, &i.code, judge.file_year)?;
        t.push(vec![
            i.id.into(),
            i.name.as_str().into(),
            i.unit_code.as_str().into(),
            i.code.as_str().into(),
            i.summary.clone().into(),
            ballot.as_ref().map_or(Cell::Empty, |w| pct(w.pct)),
            ballot.as_ref().map_or(Cell::Empty, |w| threshold_cell(&w.threshold)),
            ballot.as_ref().map_or(Cell::Empty, |w| strict_cell(&w.threshold)),
            j.summary().into(),
            i.forced.clone().into(),
            i.outcome.into(),
            i.awarded.clone().filter(|a| *a != i.code).into(),
        ]);
    }
    Ok(t)
}

pub fn subject(conn: &Connection, i: &Item) -> Result<super::eligible::Subject> {
    match (i.person_id, i.unit_id) {
        (Some(p), _) => super::eligible::Subject::person(conn, p),
        (None, Some(u)) => super::eligible::Subject::unit(conn, u),
        (None, None) => Err(crate::error::refused(msg!("a candidate without a subject"))),
    }
}

/// `proposal show`: the proposal, its candidates, its papers.
pub fn show(conn: &Connection, p: &Proposal) -> Result<Report> {
    let mut r = Report::new(Msg::plain(format!("#{} {}", p.id, p.title)));
    let mut rec = Table::record("proposal");
    rec.field("id", p.id)
        .field("title", p.title.as_str())
        .field("status", p.status)
        .field("memo", p.memo.clone())
        .field("memo_date", p.memo_date)
        .field("addressee", p.addressee.clone())
        .field("session", p.session_id)
        .field("sent_on", p.sent_on)
        .field("returned_on", p.returned_on)
        .field("return_reason", p.reason.clone())
        .field("decision", p.decision.clone())
        .field("note", p.note.clone());
    r.section(None, vec![], Some(rec));
    let mut h = Table::new("history", &["step", "date", "memo", "why"]);
    for e in proposals::events(conn, p)? {
        h.push(vec![e.kind.into(), e.on.into(), e.memo.into(), e.reason.into()]);
    }
    r.section(Some(Msg::label("heading.history")), vec![], Some(h));
    r.section(Some(Msg::label("heading.candidates")), vec![], Some(candidates(conn, p)?));
    let mut d = Table::new("dossier", &["id", "kind", "candidate", "name", "size", "sha256", "added_on"]);
    for doc in proposals::docs(conn, p.id)? {
        d.push(vec![
            doc.id.into(),
            doc.kind.into(),
            doc.item_id.into(),
            doc.name.as_str().into(),
            doc.size.into(),
            doc.sha256.as_str().into(),
            doc.added_on.into(),
        ]);
    }
    r.section(Some(Msg::label("heading.dossier")), vec![], Some(d));
    Ok(r)
}

/// `proposal check`: what each candidate's dossier lacks, with the article; empty when complete.
pub fn check(conn: &Connection, p: &Proposal) -> Result<Table> {
    let set = rules_of(conn)?;
    let mut t = Table::new("missing", &["candidate", "subject", "title", "missing", "article"]);
    for i in proposals::items(conn, p.id)? {
        for (what, art) in missing(conn, p, &i, &set)? {
            t.push(vec![i.id.into(), i.name.as_str().into(), i.code.as_str().into(), what.into(), art.into()]);
        }
    }
    Ok(t)
}

/// The annual review's section: each proposal with its candidates, their ballots and what was decided.
pub fn review_table(conn: &Connection) -> Result<Table> {
    let set = rules_of(conn)?;
    let mut t = Table::new(
        "proposals",
        &[
            "proposal",
            "history",
            "status",
            "subject",
            "unit",
            "title",
            "share",
            "threshold",
            "outcome",
            "awarded",
            "decision",
        ],
    );
    for p in proposals::list(conn)? {
        let history = history_line(&proposals::events(conn, &p)?);
        for i in proposals::items(conn, p.id)? {
            let ballot = council::vote_for(conn, i.unit_id, i.person_id, &i.code)?.map(|(v, s)| weigh(&v, &s, &set));
            t.push(vec![
                p.id.into(),
                history.clone().into(),
                p.status.into(),
                i.name.as_str().into(),
                i.unit_code.as_str().into(),
                i.code.as_str().into(),
                ballot.as_ref().map_or(Cell::Empty, |w| pct(w.pct)),
                ballot.as_ref().map_or(Cell::Empty, |w| threshold_cell(&w.threshold)),
                i.outcome.into(),
                i.awarded.clone().filter(|a| *a != i.code).into(),
                p.decision.clone().into(),
            ]);
        }
    }
    Ok(t)
}

/// A proposal's history on one line: each step with its date, the memo it went up with, why it came back.
fn history_line(events: &[proposals::Event]) -> Option<Msg> {
    let each: Vec<Arg> = events
        .iter()
        .map(|e| {
            let what = Arg::label("proposal_event", e.kind.as_str());
            match (&e.memo, &e.reason) {
                (Some(m), Some(r)) => msg!("{} {} ({}): {}", what, e.on, m, r),
                (Some(m), None) => msg!("{} {} ({})", what, e.on, m),
                (None, Some(r)) => msg!("{} {}: {}", what, e.on, r),
                (None, None) => msg!("{} {}", what, e.on),
            }
            .into()
        })
        .collect();
    (!each.is_empty()).then(|| msg!("{}", Arg::List(each, "; ")))
}

/// For `report missing`: proposals not yet decided whose dossier lacks a paper: (proposal, candidate's unit,
/// candidate, what).
pub fn incomplete(conn: &Connection) -> Result<Vec<(i64, String, String, Msg)>> {
    let set = rules_of(conn)?;
    let mut out = Vec::new();
    let open = |p: &Proposal| !matches!(p.status, ProposalStatus::Decided | ProposalStatus::Withdrawn);
    for p in proposals::list(conn)?.into_iter().filter(open) {
        for i in proposals::items(conn, p.id)? {
            let m = missing(conn, &p, &i, &set)?;
            if !m.is_empty() {
                let what = msg!("{}", Arg::List(m.into_iter().map(|(w, _)| w.into()).collect(), ", "));
                out.push((p.id, i.unit_code.clone(), i.name.clone(), what));
            }
        }
    }
    Ok(out)
}
