//! The statistical report forms of the emulation and commendation sector, filled from one or several bloc-year
//! files: Circular 02/2023/TT-BNV (23/03/2023), form 0601.N (campaigns) and 0603.N (awards of ministry and province
//! level), and the front-line ratio (Law 06/2022/QH15 Art 5.2 favours people working directly). The forms belong to a
//! statistics regime chosen by date, as the rule sets are ([`Regime`]): a later circular's forms go beside these.

use chrono::Datelike;
#[cfg(test)]
use chrono::NaiveDate;

use crate::db::stats::{AwardRow, CampaignRow};
use crate::model::{Basis, CampaignKind};
use crate::output::{Cell, Table};

/// The statistics regime a report follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// Circular 02/2023/TT-BNV, forms 0601.N–0605.N/BNV-TĐKT.
    Circular02of2023,
}

impl Regime {
    /// The regime in force for a reporting year. Circular 18/2025/TT-BNV (08/10/2025) is the newer regime; its
    /// annex (the forms it may renumber) was not at hand, so 02/2023's forms serve every year until it is.
    pub fn at(_year: i32) -> Regime {
        Regime::Circular02of2023
    }

    pub fn text(self) -> &'static str {
        match self {
            Regime::Circular02of2023 => "Thông tư 02/2023/TT-BNV",
        }
    }
}

pub use crate::model::PositionClass;

/// The class the words of a position say; none where they say nothing the form knows (the row is then left to the
/// secretary, and counted apart).
pub fn position_class(position: &str) -> Option<PositionClass> {
    use PositionClass::*;
    let p = format!(" {} ", crate::text::fold_key(position));
    let has = |words: &[&str]| words.iter().any(|w| p.contains(&format!(" {w} ")));
    if has(&["giam doc cong ty", "tong giam doc", "chu doanh nghiep", "chu tich hoi dong quan tri", "chu tich hdqt"]) {
        Some(Entrepreneur)
    } else if has(&[
        "bo truong",
        "thu truong",
        "chu tich ubnd tinh",
        "pho chu tich ubnd tinh",
        "bi thu tinh uy",
        "pho bi thu tinh uy",
        "chu tich hdnd tinh",
    ]) {
        Some(LeaderProvince)
    } else if has(&[
        "truong phong",
        "pho truong phong",
        "truong ban",
        "pho truong ban",
        "chanh van phong",
        "pho chanh van phong",
        "chi cuc truong",
        "pho chi cuc truong",
        "doi truong",
        "pho doi truong",
        "to truong",
        "chanh thanh tra",
        "pho chanh thanh tra",
    ]) {
        Some(LeaderOther)
    // After the heads of offices: "Phó Chi cục trưởng" holds "cục trưởng" too.
    } else if has(&["giam doc", "pho giam doc", "cuc truong", "pho cuc truong", "vu truong", "pho vu truong"]) {
        Some(LeaderDepartment)
    } else if has(&[
        "chuyen vien",
        "chuyen vien chinh",
        "nhan vien",
        "can su",
        "cong nhan",
        "nong dan",
        "ke toan",
        "van thu",
        "lai xe",
        "giao vien",
        "bac si",
        "dieu duong",
        "kiem soat vien",
        "kiem tra vien",
        "thanh tra vien",
        "ky thuat vien",
    ]) {
        Some(Frontline)
    } else {
        None
    }
}

/// How long a campaign runs, as form 0601 counts it (rows 06–10): from its start and end; a campaign without them
/// is a year's.
fn length_row(c: &CampaignRow) -> &'static str {
    let (Some(s), Some(e)) = (c.start, c.end) else { return "07" };
    let months = (e.year() - s.year()) * 12 + e.month() as i32 - s.month() as i32 + i32::from(e.day() >= s.day());
    match months {
        m if m < 12 => "06",
        12 => "07",
        m if m < 36 => "08",
        m if m < 60 => "09",
        _ => "10",
    }
}

/// Form 0601.N, the campaigns: rows 01–12 (total; by scope; by length; by method), columns total = central +
/// ministry or province + agency or unit. A bloc's campaigns are launched at province level within the blocs and
/// clusters the council organises (row 04).
pub fn f0601(campaigns: &[CampaignRow]) -> Table {
    let rows = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
    let mut n = [0i64; 12];
    let mut add = |row: &str| {
        if let Some(i) = rows.iter().position(|r| *r == row) {
            n[i] += 1;
        }
    };
    for c in campaigns {
        add("01");
        add("04");
        add(length_row(c));
        add(if c.kind == CampaignKind::Thematic { "11" } else { "12" });
    }
    let mut t = Table::new("f0601", &["row", "indicator", "all", "central", "ministry_province", "agency_unit"]);
    for (r, count) in rows.iter().zip(n) {
        t.push(vec![(*r).into(), Cell::Enum("f0601", (*r).into()), count.into(), 0.into(), count.into(), 0.into()]);
    }
    t
}

/// The columns of form 0603.N: the forms of ministry and province level, by code.
const F0603_CODES: &[(&str, &str)] =
    &[("bang_khen", "BK_TINH"), ("cstd", "CSTD_TINH"), ("co_thi_dua", "CTD_TINH"), ("huy_hieu", "KNC")];

/// Form 0603.N, the awards of ministry and province level decided in the year: rows 01 total; 02 collectives, 03 of
/// which enterprises (not held by a bloc's file: 0); 04 households; 05 individuals; 06–10 individuals by position;
/// 11–17 by basis. The second value: individuals whose position says no class (left out of rows 06–10).
pub fn f0603(awards: &[AwardRow]) -> (Table, i64) {
    const ROWS: FormRows = FormRows {
        all: &["01"],
        collective: "02",
        household: "04",
        individual: "05",
        positions: ["06", "07", "08", "09", "10"],
        bases: ["11", "12", "13", "14", "15", "16"],
    };
    let rows = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17"];
    let columns: Vec<&str> = F0603_CODES.iter().map(|(k, _)| *k).collect();
    let column = |a: &AwardRow| F0603_CODES.iter().position(|(_, c)| *c == a.code);
    form_table("f0603", &rows, &columns, &ROWS, awards, column)
}

/// Where a form counts an award: the rows every award adds to, the recipient's row (collective, household,
/// individual), an individual's row by position class (leaders of province level, of department level,
/// entrepreneurs, other leaders, people working directly), and the row of each basis (regular, thematic, ad hoc,
/// foreign relations, contribution, seniority).
struct FormRows {
    all: &'static [&'static str],
    collective: &'static str,
    household: &'static str,
    individual: &'static str,
    positions: [&'static str; 5],
    bases: [&'static str; 6],
}

/// A form's table: each award counted in its column (`column`: none leaves it out) on the rows `placed` says; the
/// second value counts the individuals whose position says no class.
fn form_table(
    name: &'static str,
    rows: &[&str],
    columns: &[&str],
    placed: &FormRows,
    awards: &[AwardRow],
    column: impl Fn(&AwardRow) -> Option<usize>,
) -> (Table, i64) {
    let mut n = vec![vec![0i64; columns.len()]; rows.len()];
    let mut unclassified = 0;
    for a in awards {
        let Some(col) = column(a) else { continue };
        let mut add = |row: &str| {
            if let Some(i) = rows.iter().position(|r| *r == row) {
                n[i][col] += 1;
            }
        };
        placed.all.iter().for_each(|r| add(r));
        if a.household {
            add(placed.household);
        } else if a.person {
            add(placed.individual);
            let p = placed.positions;
            match a.class.or_else(|| a.position.as_deref().and_then(position_class)) {
                Some(PositionClass::LeaderProvince) => add(p[0]),
                Some(PositionClass::LeaderDepartment) => add(p[1]),
                Some(PositionClass::Entrepreneur) => add(p[2]),
                Some(PositionClass::LeaderOther) => add(p[3]),
                Some(PositionClass::Frontline) => add(p[4]),
                None => unclassified += 1,
            }
        } else {
            add(placed.collective);
        }
        let b = placed.bases;
        add(match a.basis {
            Basis::Merit => b[0],
            Basis::Thematic => b[1],
            Basis::Adhoc => b[2],
            Basis::Foreign => b[3],
            Basis::Career => b[4],
            Basis::Seniority => b[5],
        });
    }
    let mut cols = vec!["row", "indicator", "all"];
    cols.extend(columns);
    let mut t = Table::new(name, &cols);
    for (r, counts) in rows.iter().zip(n) {
        let mut row: Vec<Cell> = vec![(*r).into(), Cell::Enum(name, (*r).into()), counts.iter().sum::<i64>().into()];
        row.extend(counts.iter().map(|&c| c.into()));
        t.push(row);
    }
    (t, unclassified)
}

/// The columns of form 0602.N after its total: the state-level forms, each group with its collectives and its
/// individuals apart where the form splits them (orders, medals, honorary titles, the Prime Minister's certificate).
const F0602_COLUMNS: &[&str] = &[
    "huan_chuong_tt",
    "huan_chuong_cn",
    "huy_chuong_tt",
    "huy_chuong_cn",
    "giai_thuong_hcm",
    "giai_thuong_nn",
    "vinh_du_tt",
    "vinh_du_cn",
    "co_thi_dua_cp",
    "bang_khen_ttg_tt",
    "bang_khen_ttg_cn",
    "cstd_tq",
];

/// The column of form 0602 a state-level award counts in; none for the province's own forms.
fn f0602_column(code: &str, collective: bool) -> Option<&'static str> {
    let split = |tt: &'static str, cn: &'static str| Some(if collective { tt } else { cn });
    const HONOURS: &[&str] =
        &["AHLLVT", "AHLD", "BMVNAH", "NGND", "NGUT", "TTND", "TTUT", "NSND", "NSUT", "NNND", "NNUT"];
    match code {
        c if c.starts_with("HUYC_") => split("huy_chuong_tt", "huy_chuong_cn"),
        c if c.starts_with("HC") => split("huan_chuong_tt", "huan_chuong_cn"),
        "GTHCM" => Some("giai_thuong_hcm"),
        "GTNN" => Some("giai_thuong_nn"),
        c if HONOURS.contains(&c) => split("vinh_du_tt", "vinh_du_cn"),
        "CTD_CP" => Some("co_thi_dua_cp"),
        "BK_TTG" => split("bang_khen_ttg_tt", "bang_khen_ttg_cn"),
        "CSTD_TQ" => Some("cstd_tq"),
        _ => None,
    }
}

/// Form 0602.N, the state-level awards decided in the year, as far as the file holds them: rows 01 total; by the
/// body whose memo went to the Prime Minister, 02 ministries, 03 provinces (a bloc's go through its province); 06
/// collectives, 07 of which enterprises (not held: 0), 08 households, 09 individuals, 10–14 individuals by position;
/// 15–21 by basis. The second value: individuals whose position says no class.
pub fn f0602(awards: &[AwardRow]) -> (Table, i64) {
    // Every award here went up through the province (row 03): a bloc's memo is the province's.
    const ROWS: FormRows = FormRows {
        all: &["01", "03"],
        collective: "06",
        household: "08",
        individual: "09",
        positions: ["10", "11", "12", "13", "14"],
        bases: ["15", "16", "17", "18", "19", "20"],
    };
    let rows = [
        "01", "02", "03", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
        "21",
    ];
    let column = |a: &AwardRow| {
        let key = f0602_column(&a.code, !a.person && !a.household)?;
        F0602_COLUMNS.iter().position(|k| *k == key)
    };
    form_table("f0602", &rows, F0602_COLUMNS, &ROWS, awards, column)
}

/// The front-line ratio: per title or form and group of bases (merit; thematic and ad-hoc; foreign relations), the
/// individuals awarded, of whom leaders from deputy head of an office up, of whom people working directly (not in
/// management), and their share. Individuals whose position says no class count in the total only.
pub fn frontline(awards: &[AwardRow]) -> Table {
    let group = |b: Basis| match b {
        Basis::Merit | Basis::Career | Basis::Seniority => "merit",
        Basis::Thematic | Basis::Adhoc => "thematic_adhoc",
        Basis::Foreign => "foreign",
    };
    let mut keys: Vec<(String, &'static str)> = Vec::new();
    let mut n: Vec<[i64; 3]> = Vec::new();
    for a in awards.iter().filter(|a| a.person) {
        let key = (a.code.clone(), group(a.basis));
        let i = match keys.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                keys.push(key);
                n.push([0; 3]);
                keys.len() - 1
            }
        };
        n[i][0] += 1;
        match a.class.or_else(|| a.position.as_deref().and_then(position_class)) {
            Some(PositionClass::Frontline) => n[i][2] += 1,
            Some(_) => n[i][1] += 1,
            None => {}
        }
    }
    let mut t = Table::new("frontline", &["code", "basis_group", "individuals", "leaders", "frontline", "share"]);
    for ((code, g), [all, leaders, front]) in keys.into_iter().zip(n) {
        let share = if all > 0 { Cell::Percent(front as f64 * 100.0 / all as f64) } else { Cell::Empty };
        t.push(vec![code.into(), Cell::Enum("basis_group", g.into()), all.into(), leaders.into(), front.into(), share]);
    }
    t
}

/// A form laid out as it is handed in (0601, 0602, 0603), from the same table `report` computes; the first file
/// names the body that reports.
pub fn layout(
    files: &[&rusqlite::Connection],
    form: &str,
    year: i32,
) -> crate::error::Result<Option<crate::output::Form>> {
    let title = match form {
        "0601" => "SỐ PHONG TRÀO THI ĐUA",
        "0602" => "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
        "0603" => {
            "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
        }
        _ => return Ok(None),
    };
    let report = report(files, form, year)?;
    let Some(table) = report.sections.into_iter().find_map(|s| s.table) else { return Ok(None) };
    let unit = |row: &str| -> &'static str {
        match (form, row) {
            ("0601", _) => "Phong trào",
            ("0602", "02") => "Bộ, ngành",
            ("0602", "03") => "Tỉnh, TP",
            ("0602", "06") | ("0603", "02") => "Tập thể",
            ("0602", "07") | ("0603", "03") => "Doanh nghiệp",
            ("0602", "08") | ("0603", "04") => "Hộ",
            ("0602", "09" | "10" | "11" | "12" | "13" | "14") => "Người",
            ("0603", "05" | "06" | "07" | "08" | "09" | "10") => "Người",
            _ => "",
        }
    };
    let units = table.rows.iter().map(|r| unit(&r.first().map(Cell::plain).unwrap_or_default())).collect();
    let bloc = match files.first() {
        Some(c) => Some(crate::db::meta::bloc(c)?),
        None => None,
    };
    let receiver = match bloc.as_ref().and_then(|b| b.province.clone()) {
        Some(p) => format!("Sở Nội vụ tỉnh {p} (Ban Thi đua - Khen thưởng)"),
        None => "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)".to_string(),
    };
    Ok(Some(crate::output::Form {
        number: format!("{form}.N/BNV-TĐKT"),
        // Circular 02/2023/TT-BNV, the regime every form here follows (`Regime::Circular02of2023`).
        basis: "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023".into(),
        due: "Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo".into(),
        title: title.to_string(),
        year,
        reporter: bloc.map(|b| b.name).unwrap_or_default(),
        receiver,
        units,
        table,
    }))
}

/// `report form`: the form over every file given (the campaigns of each; the awards each records as decided in
/// `year`), with the regime it follows and what it could not place.
pub fn report(files: &[&rusqlite::Connection], form: &str, year: i32) -> crate::error::Result<crate::output::Report> {
    let regime = Regime::at(year);
    let mut r = crate::output::Report::new(match form {
        "0601" | "0602" | "0603" => msg!("form {}.N/BNV-TĐKT of {}", form, year),
        _ => msg!("the front-line ratio of {}", year),
    });
    let mut lines = vec![msg!("forms of {}; files read: {}", regime.text(), files.len())];
    let table = match form {
        "0601" => {
            let mut all = Vec::new();
            for c in files {
                all.extend(crate::db::stats::campaigns(c)?);
            }
            f0601(&all)
        }
        _ => {
            let mut all = Vec::new();
            for c in files {
                all.extend(crate::db::stats::awards_decided_in(c, year)?);
            }
            if form == "0602" || form == "0603" {
                let (t, unclassified) = if form == "0602" { f0602(&all) } else { f0603(&all) };
                if unclassified > 0 {
                    lines.push(if form == "0602" {
                        msg!("{} individuals whose position says no class are left out of rows 10–14 (`person edit --position` or `--position-class`)", unclassified)
                    } else {
                        msg!("{} individuals whose position says no class are left out of rows 06–10 (`person edit --position` or `--position-class`)", unclassified)
                    });
                }
                t
            } else {
                frontline(&all)
            }
        }
    };
    r.section(None, lines, Some(table));
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_by_their_words() {
        use PositionClass::*;
        for (p, c) in [
            ("Phó Giám đốc", Some(LeaderDepartment)),
            ("Cục trưởng Cục Thống kê", Some(LeaderDepartment)),
            ("Trưởng phòng TCHC", Some(LeaderOther)),
            ("Phó Chi cục trưởng", Some(LeaderOther)),
            ("Chuyên viên", Some(Frontline)),
            ("Công nhân", Some(Frontline)),
            ("Giám đốc Công ty TNHH An Phát", Some(Entrepreneur)),
            ("Phó Chủ tịch UBND tỉnh", Some(LeaderProvince)),
            ("Cố vấn", None),
        ] {
            assert_eq!(position_class(p), c, "{p}");
        }
    }

    #[test]
    fn a_campaign_s_length() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let c = |s, e| CampaignRow { kind: CampaignKind::Thematic, start: d(s), end: d(e) };
        assert_eq!(length_row(&c("2020-03-01", "2020-09-30")), "06");
        assert_eq!(length_row(&c("2020-01-01", "2020-12-31")), "07");
        assert_eq!(length_row(&c("2020-01-01", "2022-06-30")), "08");
        assert_eq!(length_row(&c("2021-01-01", "2025-12-31")), "10");
    }
}
