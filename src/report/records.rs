//! The lists of the facts that decide the year: ratings, initiatives, discipline and reviews, the rule set.

use chrono::NaiveDate;

use crate::db::discipline::DisciplineRow;
use crate::db::initiatives::InitiativeRow;
use crate::db::ratings::RatingRow;
use crate::msg::Msg;
use crate::output::{Cell, Report, Table};
use crate::rules::{self, Regime, RuleSet, Source, Who};

pub const RATING_COLUMNS: &[&str] =
    &["id", "year", "unit", "person", "person_code", "org", "rating", "doc", "doc_date", "issuer", "note"];

/// A row of `rating list` ([`RATING_COLUMNS`]).
pub fn rating(r: RatingRow) -> Vec<Cell> {
    vec![
        r.id.into(),
        i64::from(r.r.year).into(),
        r.unit_code.into(),
        r.person_id.map(|_| r.name).into(),
        r.person_code.into(),
        r.r.org.into(),
        r.r.level.into(),
        r.r.doc.into(),
        r.r.doc_date.into(),
        r.r.issuer.into(),
        r.r.note.into(),
    ]
}

pub const INITIATIVE_COLUMNS: &[&str] =
    &["id", "year", "initiative", "kind", "scope", "authors", "body", "decision", "decided_on", "used_by", "note"];

fn used_by(r: &InitiativeRow) -> Cell {
    if r.i.used_by.is_empty() {
        return Cell::Empty;
    }
    r.i.used_by.iter().map(|u| format!("{} {} {}", u.what(), u.code, u.year)).collect::<Vec<_>>().join("; ").into()
}

pub fn initiatives(list: &[InitiativeRow]) -> Table {
    let mut t = Table::new("initiatives", INITIATIVE_COLUMNS);
    for r in list {
        t.push(vec![
            r.i.id.into(),
            i64::from(r.i.year).into(),
            r.i.title.as_str().into(),
            r.i.kind.into(),
            r.i.scope.into(),
            r.authors.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join("; ").into(),
            r.i.body.clone().into(),
            r.i.decision.clone().into(),
            r.i.decided_on.into(),
            used_by(r),
            r.note.clone().into(),
        ]);
    }
    t
}

/// One initiative: its record, then its authors with whether each is a person of the file.
pub fn initiative(r: &InitiativeRow) -> Report {
    let mut rec = Table::record("initiative");
    rec.field("id", r.i.id)
        .field("initiative", r.i.title.as_str())
        .field("kind", r.i.kind)
        .field("scope", r.i.scope)
        .field("year", i64::from(r.i.year))
        .field("body", r.i.body.clone())
        .field("decision", r.i.decision.clone())
        .field("decided_on", r.i.decided_on)
        .field("used_by", used_by(r))
        .field("note", r.note.clone());
    let mut a = Table::new("authors", &["name", "person_id"]);
    for (p, n) in &r.authors {
        a.push(vec![n.as_str().into(), (*p).into()]);
    }
    let mut rep = Report::new(Msg::plain(format!("#{} {}", r.i.id, r.i.title)));
    rep.section(None, vec![], Some(rec));
    rep.section(Some(Msg::label("heading.authors")), vec![], Some(a));
    rep
}

pub const DISCIPLINE_COLUMNS: &[&str] =
    &["id", "unit", "subject", "form", "decision", "start", "end", "pending", "note"];

/// `pending` says, as of `today`, whether a review is still open (Decree 152/2025 Art 4.4 blocks proposals then).
pub fn discipline(list: &[DisciplineRow], today: NaiveDate) -> Table {
    let mut t = Table::new("discipline", DISCIPLINE_COLUMNS);
    for r in list {
        let pending = r.d.form.is_review() && r.d.start <= today && r.d.end.is_none_or(|e| e > today);
        t.push(vec![
            r.d.id.into(),
            r.unit_code.as_str().into(),
            r.name.as_str().into(),
            r.d.form.into(),
            r.d.decision.clone().into(),
            r.d.start.into(),
            r.d.end.into(),
            Cell::Enum("bool", if pending { "yes" } else { "no" }.into()),
            r.note.clone().into(),
        ]);
    }
    t
}

/// `rules show`: the rule set in force on a date, its parameters with their sources, and every condition of the
/// covered titles with its article.
/// `quota_bk`: the bloc's quota of certificates of merit, kept with the ranking's settings (`score settings`).
pub fn rules_show(set: &RuleSet, quota_bk: usize) -> Report {
    let mut r = Report::new(Msg::label("title.rules"));
    let lines = vec![super::eligible::regime_line(set.regime, set.as_of)];
    let mut regimes = Table::new("regimes", &["regime", "from", "to", "texts"]);
    for g in [Regime::Law2003, Regime::Decree98, Regime::Decree152] {
        let (from, to) = g.period();
        regimes.push(vec![g.into(), from.into(), to.into(), g.texts().into()]);
    }
    r.section(None, lines, Some(regimes));
    let mut p = Table::new("params", &["param", "value", "source", "set_on", "strict"]);
    for v in &set.params {
        let (source, on) = match &v.source {
            Source::Set { source, on } => (Cell::from(source.as_str()), Cell::from(*on)),
            Source::Default(c) => (super::eligible::article(c), Cell::Empty),
            Source::None => (Cell::Msg(msg!("not applied under these rules")), Cell::Empty),
        };
        let value = super::proposals::threshold_cell(v);
        p.push(vec![v.param.into(), value, source, on, super::proposals::strict_cell(v)]);
    }
    p.push(vec![
        Cell::Enum("param", "quota_bk".into()),
        Cell::Int(quota_bk as i64),
        Cell::Msg(msg!("the bloc's settings (`score settings --quota-bk`)")),
        Cell::Empty,
        Cell::Empty,
    ]);
    r.section(Some(Msg::label("heading.params")), vec![], Some(p));
    let mut c = Table::new("conditions", &["title", "subject", "condition", "article"]);
    for code in rules::COVERED {
        for who in [Who::Person, Who::Unit] {
            for cond in rules::conditions(code, who, set.regime) {
                let kind = if who == Who::Person { "individual" } else { "collective" };
                c.push(vec![
                    (*code).into(),
                    Cell::Enum("subject", kind.into()),
                    cond.into(),
                    super::eligible::article(&rules::cite(code, cond, set.regime)),
                ]);
            }
        }
    }
    r.section(Some(Msg::label("heading.conditions")), vec![], Some(c));
    r
}
