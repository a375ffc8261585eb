//! The papers of the year as documents (Decree 30/2020/NĐ-CP), one file each: the memo with its annexed list for a
//! proposal, the minutes of a council session, the signing list of a decision's awards, the reviews, the draft
//! decision, the achievement reports. Built from the file; what the file does not hold is left as a marked place
//! for the secretary. The papers are Vietnamese whatever `--lang` says.
//!
//! Each says what the real paper says: units, campaigns, titles and forms by the names their issuers give them
//! ("Cờ thi đua của UBND tỉnh", never `CTD_TINH` or `BHXH`); no note of the software's own (no unconfirmed-article
//! marks, no command syntax, no "#1"); the legal bases cited as the texts are (number, date, issuer, title), by the
//! rule set in force on the paper's date, with the province's and the bloc's own rules when `doc settings` holds them.

mod achievements;
pub mod certificate;
mod decision;
mod memo;
mod minutes;
mod review;
mod signing;

pub use achievements::achievements;
pub use decision::decision;
pub use memo::{memo, unit_summary};
pub use minutes::minutes;
pub use review::{review, PARTS};
pub use signing::signing;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::{catalog, council, meta, people, proposals};
use crate::error::{refused, refused_hint, Result};
use crate::model::{CouncilRole, Gender, Person};
use crate::output::document::{Block, Signature};
use crate::rules::Regime;

/// What the papers say of who issues them and who signs, remembered per bloc-year (`doc settings`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    pub parent: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub authority: Option<String>,
    pub title: Option<String>,
    pub signer: Option<String>,
    /// The issuer's symbol in a paper's number ("KTĐ": "Số: 15/TTr-KTĐ").
    pub symbol: Option<String>,
    /// The province's own rule on emulation and commendation, as it is cited ("Quyết định số … ban hành Quy chế …").
    pub province_rule: Option<String>,
    /// The bloc's own rule (its regulation on organisation and activity), as it is cited.
    pub bloc_rule: Option<String>,
    /// How the council votes ("bỏ phiếu kín", "biểu quyết giơ tay"), for the minutes.
    pub voting: Option<String>,
}

pub const KEYS: &[&str] = &[
    "doc.parent",
    "doc.issuer",
    "doc.place",
    "doc.authority",
    "doc.title",
    "doc.signer",
    "doc.symbol",
    "doc.province_rule",
    "doc.bloc_rule",
    "doc.voting",
];

impl Settings {
    pub fn load(conn: &Connection) -> Result<Settings> {
        let get = |k: &str| meta::setting(conn, k).map(|v| v.filter(|s| !s.is_empty()));
        Ok(Settings {
            parent: get("doc.parent")?,
            issuer: get("doc.issuer")?,
            place: get("doc.place")?,
            authority: get("doc.authority")?,
            title: get("doc.title")?,
            signer: get("doc.signer")?,
            symbol: get("doc.symbol")?,
            province_rule: get("doc.province_rule")?,
            bloc_rule: get("doc.bloc_rule")?,
            voting: get("doc.voting")?,
        })
    }
}

/// The frame every paper shares: the issuer (the bloc, unless set), the place (the province), the signer (set, or the
/// council's chair). A paper without a signer is refused, naming how to give one.
struct Frame {
    parent: Option<String>,
    issuer: String,
    place: String,
    signature: Signature,
    year: i32,
    province: Option<String>,
    settings: Settings,
}

fn frame(conn: &Connection) -> Result<Frame> {
    let s = Settings::load(conn)?;
    let bloc = meta::bloc(conn)?;
    let chair = council::members(conn)?.into_iter().find(|m| m.role == CouncilRole::Chair);
    let name = match (s.signer.clone(), chair) {
        (Some(n), _) => n,
        (None, Some(c)) => c.name,
        (None, None) => {
            return Err(refused_hint(
                msg!("the paper has no signer"),
                "give one with `thidua doc settings --signer \"Họ và tên\"`, or record the council's chair (`thidua council member add … --role chair`)",
            ))
        }
    };
    Ok(Frame {
        parent: s.parent.clone(),
        issuer: s.issuer.clone().unwrap_or_else(|| bloc.name.clone()),
        place: s.place.clone().or(bloc.province.clone()).unwrap_or_default(),
        signature: Signature {
            authority: Some(s.authority.clone().unwrap_or_else(|| "TM. KHỐI THI ĐUA".into())),
            title: s.title.clone().unwrap_or_else(|| "KHỐI TRƯỞNG".into()),
            name,
        },
        year: bloc.year,
        province: bloc.province,
        settings: s,
    })
}

impl Frame {
    /// The symbol of a paper's number: its kind and the issuer's symbol ("TTr-KTĐ"), or the kind alone.
    fn symbol(&self, kind: &str) -> String {
        match &self.settings.symbol {
            Some(s) => format!("{kind}-{s}"),
            None => kind.to_string(),
        }
    }

    /// The province with its kind ("tỉnh Tây Ninh", "thành phố Hà Nội"), or a marked place.
    fn province_name(&self) -> String {
        match &self.province {
            Some(p) if catalog::province_kind(Some(p)) == "thành phố" => {
                let bare = p.trim_start_matches("Thành phố ").trim_start_matches("thành phố ");
                format!("thành phố {bare}")
            }
            Some(p) => format!("tỉnh {}", p.trim_start_matches("Tỉnh ").trim_start_matches("tỉnh ")),
            None => "tỉnh ……".into(),
        }
    }

    /// The legal bases of a paper dated `on`: the national texts of the rule set in force, then the province's own
    /// rule and (`bloc`: a paper of the bloc's) the bloc's, when the settings hold them.
    fn bases(&self, on: NaiveDate, basis: fn(String) -> Block, bloc: bool) -> Vec<Block> {
        let mut out: Vec<Block> = Regime::at(on).bases().iter().map(|t| basis(format!("Căn cứ {t};"))).collect();
        let bloc_rule = if bloc { self.settings.bloc_rule.as_ref() } else { None };
        for rule in [self.settings.province_rule.as_ref(), bloc_rule].into_iter().flatten() {
            out.push(basis(format!("Căn cứ {rule};")));
        }
        out
    }
}

/// "Về việc đề nghị …" from a proposal's title ("Đề nghị …").
fn subject_line(title: &str) -> String {
    let mut c = title.chars();
    let lower = match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    };
    format!("Về việc {lower}")
}

/// A title or form by the name its issuer gives it in the file's province (`catalog::shown_name`, as every list
/// and message says it).
pub fn form_name(conn: &Connection, code: &str) -> Result<String> {
    Ok(catalog::by_code(conn, code)?.map_or_else(|| code.to_string(), |e| e.name))
}

/// A note of the ranking's with the units it names by code ("xếp trên NHNN khi bằng điểm") named by their short
/// names instead.
fn name_codes(text: &str, short: &std::collections::HashMap<String, String>) -> String {
    text.split(' ')
        .map(|w| {
            let core = w.trim_end_matches([',', ';', ':', ')', '.']);
            match short.get(core) {
                Some(n) => w.replacen(core, n, 1),
                None => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name with "Ông" or "Bà" before it; the name alone when the file does not say which.
fn honoured(g: Option<Gender>, name: &str) -> String {
    match g {
        Some(Gender::M) => format!("Ông {name}"),
        Some(Gender::F) => format!("Bà {name}"),
        None => name.to_string(),
    }
}

/// A person as a list names her: "Bà Trần Thị Yến Phương, Phó Giám đốc, Bảo hiểm xã hội thị xã Trảng Bàng".
fn person_line(p: &Person) -> String {
    let pos = p.position.as_deref().map(|x| format!(", {x}")).unwrap_or_default();
    format!("{}{pos}, {}", honoured(p.gender, &p.full_name), p.unit_name)
}

fn person(conn: &Connection, id: i64) -> Result<Person> {
    people::get(conn, id)?.ok_or_else(|| refused(msg!("no person #{}", id)))
}

/// The name a candidate or ballot is listed under: a unit by its name, a person with her position and unit.
fn subject_name(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>, fallback: &str) -> Result<String> {
    Ok(match (person_id, unit_id) {
        (Some(p), _) => person_line(&person(conn, p)?),
        (None, Some(u)) => crate::db::units::get(conn, u)?.name,
        (None, None) => fallback.to_string(),
    })
}

/// A count as papers write it: two digits ("01 tập thể").
fn two(n: usize) -> String {
    format!("{n:02}")
}

/// "01 tập thể, 02 cá nhân": the non-zero counts only.
fn counts(collective: usize, individual: usize) -> String {
    let mut v = Vec::new();
    if collective > 0 {
        v.push(format!("{} tập thể", two(collective)));
    }
    if individual > 0 {
        v.push(format!("{} cá nhân", two(individual)));
    }
    v.join(", ")
}

/// A proposal's candidates grouped by the form proposed, in the order first met: (form's name, catalog code,
/// collectives, individuals).
fn by_form<'a>(
    conn: &Connection,
    items: &'a [proposals::Item],
) -> Result<Vec<(String, String, Vec<&'a proposals::Item>)>> {
    let mut out: Vec<(String, String, Vec<&proposals::Item>)> = Vec::new();
    for i in items {
        match out.iter_mut().find(|(_, c, _)| c.eq_ignore_ascii_case(&i.code)) {
            Some((_, _, v)) => v.push(i),
            None => out.push((form_name(conn, &i.code)?, i.code.clone(), vec![i])),
        }
    }
    Ok(out)
}

/// A proposal's annexed list as memos and decisions group it: I., II. … by form, then 1. Tập thể, 2. Cá nhân, a
/// table each (`count`: the number of each part in its heading), each candidate's cells after its STT from `cells`.
fn annex_by_form(
    forms: &[(String, String, Vec<&proposals::Item>)],
    columns: &[&str],
    count: bool,
    mut cells: impl FnMut(&proposals::Item) -> Result<Vec<String>>,
) -> Result<Vec<Block>> {
    let columns: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    let mut out = Vec::new();
    for (n, (name, _, list)) in forms.iter().enumerate() {
        out.push(Block::Heading(format!("{}. {}", roman(n + 1), name.to_uppercase())));
        let mut part = 0;
        for (heading, collective) in [("Tập thể", true), ("Cá nhân", false)] {
            let mine: Vec<&&proposals::Item> = list.iter().filter(|i| i.person_id.is_none() == collective).collect();
            if mine.is_empty() {
                continue;
            }
            part += 1;
            let counted = if count { format!(" ({})", two(mine.len())) } else { String::new() };
            out.push(Block::Heading(format!("{part}. {heading}{counted}")));
            let mut rows = Vec::new();
            for (k, i) in mine.iter().enumerate() {
                let mut row = vec![(k + 1).to_string()];
                row.extend(cells(i)?);
                rows.push(row);
            }
            out.push(Block::Table { columns: columns.clone(), rows });
        }
    }
    Ok(out)
}

/// A sum of money as papers write it: "1.490.000".
fn money(n: u64) -> String {
    crate::text::format_number(n as f64, true)
}

/// A proposal's candidates; none is refused, naming how to add them.
fn candidates(conn: &Connection, id: i64) -> Result<Vec<proposals::Item>> {
    let items = proposals::items(conn, id)?;
    if items.is_empty() {
        return Err(refused_hint(
            msg!("proposal #{} has no candidate", id),
            "add them with `thidua proposal candidate`",
        ));
    }
    Ok(items)
}

/// Roman numerals for the parts of a paper.
fn roman(n: usize) -> &'static str {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"].get(n.saturating_sub(1)).copied().unwrap_or("X")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_by_the_names_the_province_gives_them() {
        assert_eq!(
            catalog::shown_name("CTD_TINH", "Cờ thi đua cấp bộ, ban, ngành, tỉnh", Some("Tây Ninh")),
            "Cờ thi đua của UBND tỉnh"
        );
        assert_eq!(
            catalog::shown_name("BK_TINH", "x", Some("Thành phố Hà Nội")),
            "Bằng khen của Chủ tịch UBND thành phố"
        );
        assert_eq!(catalog::shown_name("CSTD_TINH", "x", Some("Tây Ninh")), "Chiến sĩ thi đua cấp tỉnh");
        assert_eq!(
            catalog::shown_name("TTLDXS", "Tập thể lao động xuất sắc", Some("Tây Ninh")),
            "Tập thể lao động xuất sắc"
        );
        assert_eq!(
            catalog::shown_name("CTD_TINH", "Cờ thi đua cấp bộ, ban, ngành, tỉnh", None),
            "Cờ thi đua cấp bộ, ban, ngành, tỉnh"
        );
        assert_eq!(money(1_490_000), "1.490.000");
        assert_eq!(money(450_000), "450.000");
        assert_eq!(counts(1, 0), "01 tập thể");
        assert_eq!(counts(2, 1), "02 tập thể, 01 cá nhân");
    }
}
