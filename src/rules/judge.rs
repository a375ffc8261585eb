//! The evaluation: facts in, a verdict per condition out, with the evidence used. Missing data gives `Unknown`,
//! never `Met`.

use super::*;

/// Judges one title for one subject under a rule set. No conditions (a title not covered, or not for this kind
/// of subject) gives an empty judgement, summarised as not covered.
pub fn judge(code: &str, f: &Facts, rules: &RuleSet) -> Judgement {
    let mut conds = conditions(code, f.who, rules.regime);
    // No national CSTĐCS cap since 2024 (Decree 91/2017 Art 9.3 lapsed with it), but a province may set its own:
    // applied when the file sets one (`rules set cstdcs_cap`), beside the title's other conditions.
    if code == "CSTDCS"
        && f.who == Who::Person
        && !conds.contains(&Cond::CstdcsCap)
        && matches!(rules.get(Param::CstdcsCap).source, Source::Set { .. })
    {
        let at = conds.iter().position(|c| *c == Cond::ExcellentOrInitiative).map_or(conds.len(), |i| i + 1);
        conds.insert(at, Cond::CstdcsCap);
    }
    // A unit that merged or was dissolved is judged first on that: it is not commended after its end.
    if f.ended.is_some() {
        conds.insert(0, Cond::Exists);
    }
    let checks = conds
        .into_iter()
        .map(|cond| {
            let (verdict, evidence) = eval(code, cond, f, rules);
            Check { cond, verdict, evidence, cite: cite(code, cond, rules.regime) }
        })
        .collect();
    Judgement { code: code.to_string(), year: f.year, regime: rules.regime, checks }
}

type Out = (Verdict, Vec<Evidence>);

fn eval(code: &str, cond: Cond, f: &Facts, rules: &RuleSet) -> Out {
    let y = f.year;
    match cond {
        Cond::RatedGood => rated(f, y, Org::Own, RatingLevel::Good),
        Cond::RatedExcellent => rated(f, y, Org::Own, RatingLevel::Excellent),
        Cond::NoDiscipline => no_discipline(f, y),
        Cond::NothingPending => nothing_pending(f, f.pending_at),
        Cond::IsLdtt => is_ldtt(f, y),
        Cond::ExcellentOrInitiative => excellent_or_initiative(code, f, y),
        Cond::InitiativeYear => initiatives(code, f, Scope::Unit, y, y, 1),
        Cond::CstdcsCap => cap(f, rules),
        Cond::Cstdcs3Years => chain(f, "CSTDCS", y - 2, y),
        Cond::InitiativeProvince => initiatives(code, f, Scope::Province, y - 2, y, 1),
        Cond::BkPerson => bk_person(code, f, y),
        Cond::BkUnit => bk_unit(f, y),
        Cond::ShareLdtt => share(code, f, rules),
        Cond::NoMemberWarning => no_member_warning(f),
        Cond::MembersCompleted => members_completed(f),
        Cond::OneCstdcs => {
            let n = f.members.iter().filter(|m| m.cstdcs).count();
            let pending = f.members.iter().filter(|m| !m.cstdcs && m.pending_cstdcs).count();
            let reported = f.reported.as_ref().filter(|_| staff_known(f).is_err());
            match (n, pending) {
                // Not all of its people in the file: what the unit reported.
                (0, _) if reported.is_some_and(|r| r.cstdcs > 0) => {
                    let r = reported.expect("checked");
                    let staff = f.staff.unwrap_or_default();
                    (
                        Verdict::Met,
                        vec![Evidence::Reported { ldtt: r.ldtt, cstdcs: r.cstdcs, staff, doc: r.doc.clone() }],
                    )
                }
                (0, 0) => (Verdict::NotMet, vec![Evidence::Cstdcs { n }]),
                (0, p) => {
                    (Verdict::Unknown, vec![Evidence::Cstdcs { n }, Evidence::PendingMembers { code: "CSTDCS", n: p }])
                }
                _ => (Verdict::Met, vec![Evidence::Cstdcs { n }]),
            }
        }
        Cond::LeadingUnit => leading(f),
        Cond::OrgsExcellent => orgs_excellent(f, y),
        Cond::Exists => match &f.ended {
            Some(e) if e.on <= rules.as_of => (Verdict::NotMet, vec![Evidence::Ended(e.clone())]),
            _ => (Verdict::Met, Vec::new()),
        },
        Cond::Qualities => match &f.confirmed {
            Some(note) => (Verdict::Met, vec![Evidence::Confirmed(note.clone())]),
            None => (Verdict::ToConfirm, vec![Evidence::NotConfirmed]),
        },
    }
}

fn rating_of(f: &Facts, year: i32, org: Org) -> Option<&Rating> {
    f.ratings.iter().find(|r| r.year == year && r.org == org)
}

fn rating_evidence(f: &Facts, year: i32, org: Org) -> Evidence {
    match rating_of(f, year, org) {
        Some(r) => Evidence::Rating { year, org, level: Some(r.level), doc: r.doc.clone(), doc_date: r.doc_date },
        None => Evidence::Rating { year, org, level: None, doc: None, doc_date: None },
    }
}

/// Rated at least `min` in the year; no rating recorded is unknown.
fn rated(f: &Facts, year: i32, org: Org, min: RatingLevel) -> Out {
    let v = match rating_of(f, year, org) {
        Some(r) if r.level.at_least(min) => Verdict::Met,
        Some(_) => Verdict::NotMet,
        None => Verdict::Unknown,
    };
    (v, vec![rating_evidence(f, year, org)])
}

fn overlaps_year(d: &Discipline, year: i32) -> bool {
    let (start, end) = (super::ymd(year, 1, 1), super::ymd(year, 12, 31));
    d.start <= end && d.end.is_none_or(|e| e >= start)
}

/// No discipline in force during the year (Decree 152/2025 Art 4.4: achievements count from the end of the
/// period; a disciplined official is rated "not completed", Decree 90/2020).
fn no_discipline(f: &Facts, year: i32) -> Out {
    let hits: Vec<Evidence> = f
        .disciplines
        .iter()
        .filter(|d| !d.form.is_review() && overlaps_year(d, year))
        .map(|d| Evidence::Discipline(d.clone()))
        .collect();
    if hits.is_empty() {
        (Verdict::Met, Vec::new())
    } else {
        (Verdict::NotMet, hits)
    }
}

/// No review pending on the day of the act (Decree 152/2025 Art 4.4), which the evidence names.
fn nothing_pending(f: &Facts, at: NaiveDate) -> Out {
    let mut hits: Vec<Evidence> = f
        .disciplines
        .iter()
        .filter(|d| d.form.is_review() && d.start <= at && d.end.is_none_or(|e| e > at))
        .map(|d| Evidence::Discipline(d.clone()))
        .collect();
    let verdict = if hits.is_empty() { Verdict::Met } else { Verdict::NotMet };
    hits.push(Evidence::JudgedOn(at));
    (verdict, hits)
}

/// How a title stands for a year: held on a merit basis and not revoked, or why not.
fn held(f: &Facts, code: &str, year: i32) -> (Verdict, Evidence) {
    let mut found: Vec<&Title> =
        f.titles.iter().filter(|t| t.code == code && t.year_from <= year && year <= t.year_to).collect();
    // A counting record first: a thematic award beside a merit one does not hide it.
    found.sort_by_key(|t| (t.revoked.is_some(), !counts(t)));
    match found.first() {
        Some(t) if t.revoked.is_some() => (Verdict::NotMet, Evidence::Revoked((*t).clone(), year)),
        Some(t) if !counts(t) => (Verdict::NotMet, Evidence::NotCounted((*t).clone(), year)),
        Some(t) => (Verdict::Met, Evidence::Held((*t).clone(), year)),
        None if year == f.file_year && f.registered.iter().any(|r| r == code) => {
            (Verdict::Unknown, Evidence::Undecided { code: code.into(), year })
        }
        None => (Verdict::NotMet, Evidence::NotHeld { code: code.into(), year }),
    }
}

/// Ad-hoc and thematic awards do not count as the basis of merit awards (Decree 152/2025 Art 4.3); a carried
/// record without a basis is taken as merit, the usual basis of yearly titles.
fn counts(t: &Title) -> bool {
    matches!(t.basis, None | Some(Basis::Merit))
}

/// The title held in each year from..=to, consecutively: a missing year breaks the chain.
fn chain(f: &Facts, code: &str, from: i32, to: i32) -> Out {
    let mut worst = Verdict::Met;
    let mut ev = Vec::new();
    for y in from..=to {
        let (v, e) = held(f, code, y);
        ev.push(e);
        worst = worse(worst, v);
    }
    (worst, ev)
}

fn worse(a: Verdict, b: Verdict) -> Verdict {
    let rank = |v: Verdict| match v {
        Verdict::Met => 0,
        Verdict::ToConfirm => 1,
        Verdict::Unknown => 2,
        Verdict::NotMet => 3,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// The better of two alternatives: met if either is, not met only if both are.
fn better(a: Verdict, b: Verdict) -> Verdict {
    if a == Verdict::Met || b == Verdict::Met {
        Verdict::Met
    } else if a == Verdict::NotMet && b == Verdict::NotMet {
        Verdict::NotMet
    } else {
        Verdict::Unknown
    }
}

/// CSTĐCS rests on LĐTT (Law 06/2022 Art 23): the title recorded, or its conditions met this year. (CSTĐCS
/// itself is not taken as proof: that would judge the title by itself once it is awarded.)
fn is_ldtt(f: &Facts, year: i32) -> Out {
    for code in ["LDTT", "CSTT"] {
        let (v, e) = held(f, code, year);
        if v == Verdict::Met {
            return (v, vec![e]);
        }
    }
    let (r, mut ev) = rated(f, year, Org::Own, RatingLevel::Good);
    let (d, dev) = no_discipline(f, year);
    ev.extend(dev);
    let v = worse(r, d);
    if v == Verdict::Met {
        ev.push(Evidence::MeetsLdtt);
    }
    (v, ev)
}

/// Whether a code is a form of commendation (Bằng khen, Giấy khen, orders, medals) rather than an emulation title.
fn is_form(code: &str) -> bool {
    let c = code.to_uppercase();
    c.starts_with("BK") || c == "GK" || c.starts_with("HC") || c.starts_with("HUAN") || c.starts_with("HUY")
}

/// How an initiative may serve `code` of `year` (Official Letter 5007/BNV-TĐKT, III.5.c).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Serves {
    /// Unused, or used by this title's award of this year (the check run again after the decision).
    Yes,
    /// It served another title (a CSTĐCS) and is offered for a higher one (CSTĐ cấp tỉnh): the council's call.
    CouncilsCall,
    /// It served a form, or a title and is offered for a form: not again.
    No,
}

fn serves(i: &Initiative, code: &str, year: i32) -> Serves {
    let others: Vec<&Use> = i.used_by.iter().filter(|u| !(u.code == code && u.year == year)).collect();
    if others.is_empty() {
        Serves::Yes
    } else if !is_form(code) && others.iter().all(|u| !is_form(&u.code) && u.code != code && u.year <= year) {
        Serves::CouncilsCall
    } else {
        Serves::No
    }
}

/// At least `need` usable initiatives of at least `scope`, recognised in from..=to (accepted research and combat
/// ingenuity count as initiatives, Law 06/2022 Art 23). One that served an earlier title counts for a later title
/// only as the council confirms it: "to confirm", never a refusal.
fn initiatives(code: &str, f: &Facts, scope: Scope, from: i32, to: i32, need: usize) -> Out {
    let in_years: Vec<&Initiative> = f.initiatives.iter().filter(|i| from <= i.year && i.year <= to).collect();
    let wide: Vec<&Initiative> = in_years.iter().copied().filter(|i| i.scope.at_least(scope)).collect();
    let good = wide.iter().filter(|i| serves(i, code, to) == Serves::Yes).count();
    let again = wide.iter().filter(|i| serves(i, code, to) == Serves::CouncilsCall).count();
    let mut ev: Vec<Evidence> = wide
        .iter()
        .filter(|i| serves(i, code, to) == Serves::Yes)
        .map(|i| Evidence::Initiative((*i).clone()))
        .collect();
    for i in &in_years {
        if !i.scope.at_least(scope) {
            ev.push(Evidence::InitiativeScope((*i).clone(), scope));
        } else {
            match serves(i, code, to) {
                Serves::Yes => {}
                Serves::CouncilsCall => ev.push(Evidence::InitiativeTitleAgain((*i).clone())),
                Serves::No => ev.push(Evidence::InitiativeUsed((*i).clone())),
            }
        }
    }
    if good >= need {
        (Verdict::Met, ev)
    } else if good + again >= need {
        (Verdict::ToConfirm, ev)
    } else {
        ev.push(Evidence::NoInitiative { scope, from, to, need, found: good });
        (Verdict::NotMet, ev)
    }
}

/// Law 06/2022 Art 23: rated excellent, or an initiative, accepted research or combat ingenuity recognised at
/// grassroots level in the year. Without a rating and without an initiative, unknown.
fn excellent_or_initiative(code: &str, f: &Facts, year: i32) -> Out {
    let (r, mut ev) = rated(f, year, Org::Own, RatingLevel::Excellent);
    let (i, iev) = initiatives(code, f, Scope::Unit, year, year, 1);
    if r == Verdict::Met {
        return (r, ev);
    }
    ev.extend(iev);
    (better(r, i), ev)
}

/// The old regime's cap: a unit's CSTĐCS at most 15% of its LĐTT (Decree 91/2017 Art 9(3)), or the province's.
fn cap(f: &Facts, rules: &RuleSet) -> Out {
    let Some(cap) = rules.get(Param::CstdcsCap).value else { return (Verdict::Met, Vec::new()) };
    match f.unit_counts {
        Some((ldtt, cstdcs)) if ldtt > 0 => {
            let ok = (cstdcs as f64) <= ldtt as f64 * cap / 100.0 + 1e-9;
            (if ok { Verdict::Met } else { Verdict::NotMet }, vec![Evidence::Cap { cstdcs, ldtt, cap }])
        }
        Some((ldtt, cstdcs)) => (Verdict::Unknown, vec![Evidence::Cap { cstdcs, ldtt, cap }]),
        None => (Verdict::Unknown, Vec::new()),
    }
}

/// Bằng khen of the Provincial Chair for a person (Law 06/2022 Art 74.1.d): two consecutive CSTĐCS, or two
/// consecutive years rated excellent with two initiatives in them not used for another award (CV 5007).
fn bk_person(code: &str, f: &Facts, y: i32) -> Out {
    let (a, mut ev_a) = chain(f, "CSTDCS", y - 1, y);
    let (r1, e1) = rated(f, y - 1, Org::Own, RatingLevel::Excellent);
    let (r2, e2) = rated(f, y, Org::Own, RatingLevel::Excellent);
    let (i, ei) = initiatives(code, f, Scope::Unit, y - 1, y, 2);
    let b = worse(worse(r1, r2), i);
    let mut ev = vec![Evidence::Branch(Cond::BkPerson, 1, a)];
    ev.append(&mut ev_a);
    ev.push(Evidence::Branch(Cond::BkPerson, 2, b));
    ev.extend(e1.into_iter().chain(e2).chain(ei));
    (or_the_councils(better(a, b), Cond::BkPerson, &mut ev), ev)
}

/// The clauses of an article that are the council's judgement (an outstanding achievement, exemplary conduct:
/// Law 06/2022/QH15 Art 74.1 a–c and đ for a person, 74.2 for a collective): when the checkable ones are not met,
/// the title is "to confirm" with them named, never "not eligible" (the last branch of the condition).
fn or_the_councils(checked: Verdict, cond: Cond, ev: &mut Vec<Evidence>) -> Verdict {
    if checked != Verdict::NotMet {
        return checked;
    }
    let n = ev.iter().filter(|e| matches!(e, Evidence::Branch(c, _, _) if *c == cond)).count() as u8 + 1;
    ev.push(Evidence::Branch(cond, n, Verdict::ToConfirm));
    Verdict::ToConfirm
}

/// Bằng khen for a collective (Law 06/2022 Art 74): an achievement selected in the bloc's emulation (its ranking
/// proposes the unit), or two consecutive years rated excellent, or TTLĐXS in both.
fn bk_unit(f: &Facts, y: i32) -> Out {
    let (a, ea) = match &f.standing {
        // The ranking's flag is that selection's form: one achievement, one form (Law 06/2022 Art 5.2.c).
        Some(s) if s.proposal.as_deref() == Some("BK_TINH") => (Verdict::Met, Evidence::Standing(s.clone())),
        Some(s) if s.scored => (Verdict::NotMet, Evidence::Standing(s.clone())),
        Some(_) => (Verdict::Unknown, Evidence::NotRanked),
        None => (Verdict::Unknown, Evidence::OtherYear(y)),
    };
    let (r1, e1) = rated(f, y - 1, Org::Own, RatingLevel::Excellent);
    let (r2, e2) = rated(f, y, Org::Own, RatingLevel::Excellent);
    let b = worse(r1, r2);
    let (c, ec) = chain(f, "TTLDXS", y - 1, y);
    let mut ev = vec![Evidence::Branch(Cond::BkUnit, 1, a), ea, Evidence::Branch(Cond::BkUnit, 2, b)];
    ev.extend(e1.into_iter().chain(e2));
    ev.push(Evidence::Branch(Cond::BkUnit, 3, c));
    ev.extend(ec);
    (or_the_councils(better(a, better(b, c)), Cond::BkUnit, &mut ev), ev)
}

/// The people the shares count: all of the unit's staff must be in the file, else the share is unknown.
fn staff_known(f: &Facts) -> Result<usize, Out> {
    let people = f.members.len();
    match f.staff {
        Some(s) if people as i64 >= s && people > 0 => Ok(people),
        other => Err((Verdict::Unknown, vec![Evidence::Staff { people, staff: other }])),
    }
}

/// The share of members holding LĐTT (CSTĐCS holders hold its standard too), against the rule set's bound.
fn share(code: &str, f: &Facts, rules: &RuleSet) -> Out {
    let p = rules.get(if code == "TTLDXS" { Param::TtldxsShare } else { Param::TtldttShare });
    let min = p.value.unwrap_or(0.0);
    let meets = |n: usize, of: usize| {
        let pct = n as f64 * 100.0 / of as f64;
        if p.strict {
            pct > min + 1e-9
        } else {
            pct + 1e-9 >= min
        }
    };
    let of = match (staff_known(f), &f.reported, f.staff) {
        (Ok(n), _, _) => n,
        // Not all of its people in the file: the counts the unit reported, when it did.
        (Err(_), Some(r), Some(staff)) if staff > 0 => {
            let of = staff as usize;
            let v = if meets(r.ldtt, of) { Verdict::Met } else { Verdict::NotMet };
            return (
                v,
                vec![
                    Evidence::Share { n: r.ldtt, of, min, strict: p.strict },
                    Evidence::Reported { ldtt: r.ldtt, cstdcs: r.cstdcs, staff, doc: r.doc.clone() },
                ],
            );
        }
        (Err(out), _, _) => return out,
    };
    let n = f.members.iter().filter(|m| m.ldtt || m.cstdcs).count();
    let pending = f.members.iter().filter(|m| !(m.ldtt || m.cstdcs) && m.pending_ldtt).count();
    let mut ev = vec![
        Evidence::Share { n, of, min, strict: p.strict },
        Evidence::Staff { people: f.members.len(), staff: f.staff },
    ];
    let v = if meets(n, of) {
        Verdict::Met
    } else if pending > 0 && meets(n + pending, of) {
        // Titles of the year not decided yet could still make it: incomplete, not failed.
        ev.push(Evidence::PendingMembers { code: "LDTT", n: pending });
        Verdict::Unknown
    } else {
        Verdict::NotMet
    };
    (v, ev)
}

fn no_member_warning(f: &Facts) -> Out {
    let names: Vec<String> = f.members.iter().filter(|m| m.warning).map(|m| m.name.clone()).collect();
    if names.is_empty() {
        (Verdict::Met, Vec::new())
    } else {
        (Verdict::NotMet, vec![Evidence::MembersWarning { names }])
    }
}

/// Every member rated at least "completed" (Law 06/2022 Art 27); a member without a rating leaves it unknown.
fn members_completed(f: &Facts) -> Out {
    if let Err(out) = staff_known(f) {
        return out;
    }
    let below: Vec<String> = f
        .members
        .iter()
        .filter(|m| m.rating.is_some_and(|r| !r.at_least(RatingLevel::Completed)))
        .map(|m| m.name.clone())
        .collect();
    let unrated = f.members.iter().filter(|m| m.rating.is_none()).count();
    if !below.is_empty() {
        (Verdict::NotMet, vec![Evidence::MembersBelow { names: below }])
    } else if unrated > 0 {
        (Verdict::Unknown, vec![Evidence::MembersUnrated { n: unrated }])
    } else {
        (Verdict::Met, vec![Evidence::Staff { people: f.members.len(), staff: f.staff }])
    }
}

/// The leading unit of the bloc (Law 06/2022 Art 26.1): first in the ranking, alone. A shared first place is for
/// the meeting to decide.
/// The leading unit is the one the bloc's ranking proposes for the flag: a unit ranked first but kept out of the
/// proposals (excluded, not fully scored) leaves the flag to the next, and `eligible` says the same as the ranking;
/// one held back by a pending review still leads (its own condition says why it waits); units sharing the best rank
/// are the meeting's to decide.
fn leading(f: &Facts) -> Out {
    match &f.standing {
        Some(s) if !s.scored => (Verdict::Unknown, vec![Evidence::NotRanked]),
        Some(s) if s.proposal.as_deref() == Some("CTD_TINH") => (Verdict::Met, vec![Evidence::Standing(s.clone())]),
        Some(s) if s.rank == 1 && s.shared => (Verdict::Unknown, vec![Evidence::Standing(s.clone())]),
        Some(s) if s.rank == 1 && !s.flag_elsewhere => (Verdict::Met, vec![Evidence::Standing(s.clone())]),
        Some(s) => (Verdict::NotMet, vec![Evidence::Standing(s.clone())]),
        None => (Verdict::Unknown, vec![Evidence::OtherYear(f.year)]),
    }
}

/// The Party organisation rated excellent, and the mass organisations too (Law 06/2022 Art 26.1): each one recorded
/// is judged (a unit need not have all four); none recorded at all is not "met" but unknown — missing data never
/// passes a condition.
fn orgs_excellent(f: &Facts, y: i32) -> Out {
    let (mut v, mut ev) = rated(f, y, Org::Party, RatingLevel::Excellent);
    let mass = [Org::Union, Org::Youth, Org::Women, Org::Veterans];
    if mass.iter().all(|o| rating_of(f, y, *o).is_none()) {
        let (w, e) = rated(f, y, Org::Union, RatingLevel::Excellent);
        return (worse(v, w), ev.into_iter().chain(e).collect());
    }
    for org in mass {
        if rating_of(f, y, org).is_some() {
            let (w, e) = rated(f, y, org, RatingLevel::Excellent);
            v = worse(v, w);
            ev.extend(e);
        }
    }
    (v, ev)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn person(year: i32) -> Facts {
        Facts {
            who: Who::Person,
            year,
            file_year: year,
            ratings: Vec::new(),
            titles: Vec::new(),
            initiatives: Vec::new(),
            disciplines: Vec::new(),
            registered: Vec::new(),
            confirmed: None,
            members: Vec::new(),
            staff: None,
            standing: None,
            ended: None,
            reported: None,
            pending_at: super::ymd(year + 1, 1, 15),
            unit_counts: None,
        }
    }

    fn title(code: &str, year: i32, basis: Basis) -> Title {
        Title {
            code: code.into(),
            year_from: year,
            year_to: year,
            basis: Some(basis),
            decision: Some(format!("{year}/QĐ")),
            decision_date: None,
            carried: false,
            revoked: None,
            award_id: None,
        }
    }

    fn rating(year: i32, level: RatingLevel) -> Rating {
        Rating { year, org: Org::Own, level, doc: None, doc_date: None }
    }

    fn initiative(scope: Scope, year: i32) -> Initiative {
        Initiative {
            id: 1,
            title: "Số hóa hồ sơ hoàn thuế".into(),
            kind: InitiativeKind::Initiative,
            scope,
            body: None,
            decision: None,
            decided_on: None,
            year,
            used_by: Vec::new(),
        }
    }

    fn verdict(j: &Judgement, c: Cond) -> Verdict {
        j.checks.iter().find(|k| k.cond == c).unwrap().verdict
    }

    fn rules(year: i32) -> RuleSet {
        RuleSet::new(judging_date(year), &[])
    }

    /// The unit the ranking proposes for the flag is not thereby selected for a Bằng khen too (Law 06/2022 Art
    /// 5.2.c); the one it proposes for a Bằng khen is (issue 31 item 5).
    #[test]
    fn the_flag_s_selection_is_not_a_certificate_s_too() {
        let mut f = person(2025);
        f.who = Who::Unit;
        let standing = |p: &str| Standing {
            rank: 1,
            shared: false,
            of: 7,
            scored: true,
            proposal: Some(p.to_string()),
            flag_elsewhere: false,
        };
        f.standing = Some(standing("CTD_TINH"));
        let j = judge("BK_TINH", &f, &rules(2025));
        let bk = j.checks.iter().find(|k| k.cond == Cond::BkUnit).unwrap();
        assert!(bk.evidence.contains(&Evidence::Branch(Cond::BkUnit, 1, Verdict::NotMet)), "{:?}", bk.evidence);
        f.standing = Some(standing("BK_TINH"));
        assert_eq!(verdict(&judge("BK_TINH", &f, &rules(2025)), Cond::BkUnit), Verdict::Met);
    }

    /// Art 74.1 (d) not met leaves (a)–(c) and (đ) to the council: "to confirm", never "not eligible"; (d) met is
    /// met (issue 31 item 7).
    #[test]
    fn a_certificate_of_merit_has_the_council_s_clauses_too() {
        let mut f = person(2025);
        f.titles.push(title("CSTDCS", 2025, Basis::Merit));
        f.ratings.push(rating(2024, RatingLevel::Good));
        let j = judge("BK_TINH", &f, &rules(2025));
        let bk = j.checks.iter().find(|k| k.cond == Cond::BkPerson).unwrap();
        assert_eq!(bk.verdict, Verdict::ToConfirm);
        assert!(bk.evidence.contains(&Evidence::Branch(Cond::BkPerson, 3, Verdict::ToConfirm)), "{:?}", bk.evidence);
        assert_ne!(j.summary(), Summary::NotEligible);
        f.titles.push(title("CSTDCS", 2024, Basis::Merit));
        assert_eq!(verdict(&judge("BK_TINH", &f, &rules(2025)), Cond::BkPerson), Verdict::Met);
    }

    #[test]
    fn regimes_by_date() {
        assert_eq!(Regime::at(d("2023-12-31")), Regime::Law2003);
        assert_eq!(Regime::at(d("2024-01-01")), Regime::Decree98);
        assert_eq!(Regime::at(d("2025-06-30")), Regime::Decree98);
        assert_eq!(Regime::at(d("2025-07-01")), Regime::Decree152);
    }

    #[test]
    fn cstdcs_new_regime_excellent_or_initiative() {
        let mut f = person(2025);
        f.titles.push(title("LDTT", 2025, Basis::Merit));
        f.ratings.push(rating(2025, RatingLevel::Good));
        let j = judge("CSTDCS", &f, &rules(2025));
        assert_eq!(verdict(&j, Cond::ExcellentOrInitiative), Verdict::NotMet);
        assert_eq!(j.summary(), Summary::NotEligible);
        f.ratings[0].level = RatingLevel::Excellent;
        let j = judge("CSTDCS", &f, &rules(2025));
        assert_eq!(verdict(&j, Cond::ExcellentOrInitiative), Verdict::Met);
        assert_eq!(j.summary(), Summary::ToConfirm);
    }

    #[test]
    fn a_provinces_own_cstdcs_cap_applies_after_2023() {
        let mut f = person(2025);
        f.titles.push(title("LDTT", 2025, Basis::Merit));
        f.ratings.push(rating(2025, RatingLevel::Excellent));
        f.unit_counts = Some((20, 4));
        // No national cap under Decree 152: the condition is not there.
        assert!(!judge("CSTDCS", &f, &rules(2025)).checks.iter().any(|c| c.cond == Cond::CstdcsCap));
        // The province's 15%: 4 CSTĐCS for 20 LĐTT is over 3.
        let set =
            RuleSet::new(judging_date(2025), &[(Param::CstdcsCap, 15.0, "QĐ 15/2024/QĐ-UBND".into(), d("2025-01-10"))]);
        let j = judge("CSTDCS", &f, &set);
        assert_eq!(verdict(&j, Cond::CstdcsCap), Verdict::NotMet);
        assert_eq!(j.summary(), Summary::NotEligible);
        f.unit_counts = Some((20, 3));
        assert_eq!(verdict(&judge("CSTDCS", &f, &set), Cond::CstdcsCap), Verdict::Met);
    }

    #[test]
    fn an_initiative_serves_a_later_title_on_the_councils_word_and_never_a_form() {
        let mut i = initiative(Scope::Province, 2025);
        i.used_by.push(Use { award: Some(3), proposal: None, code: "CSTDCS".into(), year: 2025, carried: None });
        assert_eq!(serves(&i, "CSTD_TINH", 2025), Serves::CouncilsCall, "title → later title");
        assert_eq!(serves(&i, "BK_TINH", 2025), Serves::No, "title → form");
        assert_eq!(serves(&i, "CSTDCS", 2025), Serves::Yes, "its own award, judged again");
        let mut j = initiative(Scope::Province, 2025);
        j.used_by.push(Use { award: Some(4), proposal: None, code: "BK_TINH".into(), year: 2025, carried: None });
        assert_eq!(serves(&j, "CSTD_TINH", 2025), Serves::No, "a form's initiative serves nothing else");
        let mut f = person(2025);
        f.initiatives.push(i);
        assert_eq!(initiatives("CSTD_TINH", &f, Scope::Province, 2023, 2025, 1).0, Verdict::ToConfirm);
    }

    #[test]
    fn the_flag_needs_a_mass_organisations_rating_recorded() {
        let mut f = person(2025);
        f.who = Who::Unit;
        f.ratings.push(Rating {
            year: 2025,
            org: Org::Party,
            level: RatingLevel::Excellent,
            doc: None,
            doc_date: None,
        });
        assert_eq!(orgs_excellent(&f, 2025).0, Verdict::Unknown, "no mass organisation recorded");
        f.ratings.push(Rating {
            year: 2025,
            org: Org::Youth,
            level: RatingLevel::Excellent,
            doc: None,
            doc_date: None,
        });
        assert_eq!(orgs_excellent(&f, 2025).0, Verdict::Met, "the one it has, excellent");
        f.ratings.push(Rating { year: 2025, org: Org::Union, level: RatingLevel::Good, doc: None, doc_date: None });
        assert_eq!(orgs_excellent(&f, 2025).0, Verdict::NotMet);
    }

    #[test]
    fn old_regime_needs_an_initiative() {
        let mut f = person(2020);
        f.titles.push(title("LDTT", 2020, Basis::Merit));
        f.ratings.push(rating(2020, RatingLevel::Excellent));
        let j = judge("CSTDCS", &f, &rules(2020));
        assert_eq!(j.regime, Regime::Law2003);
        assert_eq!(verdict(&j, Cond::InitiativeYear), Verdict::NotMet);
        f.initiatives.push(initiative(Scope::Unit, 2020));
        assert_eq!(verdict(&judge("CSTDCS", &f, &rules(2020)), Cond::InitiativeYear), Verdict::Met);
    }

    #[test]
    fn chain_counts_merit_only_and_breaks_on_a_gap() {
        let mut f = person(2025);
        f.titles.push(title("CSTDCS", 2023, Basis::Merit));
        f.titles.push(title("CSTDCS", 2024, Basis::Thematic));
        f.titles.push(title("CSTDCS", 2025, Basis::Merit));
        f.initiatives.push(initiative(Scope::Province, 2025));
        let j = judge("CSTD_TINH", &f, &rules(2025));
        assert_eq!(verdict(&j, Cond::Cstdcs3Years), Verdict::NotMet);
        f.titles[1].basis = Some(Basis::Merit);
        let j = judge("CSTD_TINH", &f, &rules(2025));
        assert_eq!(verdict(&j, Cond::Cstdcs3Years), Verdict::Met);
        assert_eq!(verdict(&j, Cond::InitiativeProvince), Verdict::Met);
        f.titles[0].revoked = Some("5/QĐ-UBND".into());
        assert_eq!(verdict(&judge("CSTD_TINH", &f, &rules(2025)), Cond::Cstdcs3Years), Verdict::NotMet);
    }

    #[test]
    fn a_pending_review_blocks_and_an_ended_one_does_not() {
        let mut f = person(2025);
        f.disciplines.push(Discipline {
            id: 1,
            form: DisciplineForm::Inspection,
            decision: None,
            start: d("2025-10-01"),
            end: None,
        });
        assert_eq!(verdict(&judge("LDTT", &f, &rules(2025)), Cond::NothingPending), Verdict::NotMet);
        f.disciplines[0].end = Some(d("2025-11-30"));
        assert_eq!(verdict(&judge("LDTT", &f, &rules(2025)), Cond::NothingPending), Verdict::Met);
    }

    #[test]
    fn missing_rating_is_unknown_not_met() {
        let f = person(2025);
        let j = judge("LDTT", &f, &rules(2025));
        assert_eq!(verdict(&j, Cond::RatedGood), Verdict::Unknown);
        assert_eq!(j.summary(), Summary::Incomplete);
    }

    #[test]
    fn shares_need_the_whole_staff() {
        let mut f = person(2025);
        f.who = Who::Unit;
        f.members = (0..40)
            .map(|i| Member {
                name: format!("P{i}"),
                ldtt: i < 29,
                cstdcs: false,
                rating: Some(RatingLevel::Good),
                warning: false,
                pending_ldtt: false,
                pending_cstdcs: false,
            })
            .collect();
        let j = judge("TTLDXS", &f, &rules(2025));
        assert_eq!(verdict(&j, Cond::ShareLdtt), Verdict::Unknown);
        f.staff = Some(40);
        assert_eq!(verdict(&judge("TTLDXS", &f, &rules(2025)), Cond::ShareLdtt), Verdict::Met);
        f.members[28].ldtt = false;
        f.members[27].ldtt = false;
        assert_eq!(verdict(&judge("TTLDXS", &f, &rules(2025)), Cond::ShareLdtt), Verdict::NotMet);
    }
}
