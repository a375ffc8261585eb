//! The catalog of what can be conferred: emulation titles and forms of commendation, one code namespace.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{refused, refused_hint, Result};
use crate::model::{CatalogEntry, SubjectKind};
use crate::text::{fold_key, nearest};

/// A seeded entry: code, name, category, (individual, collective, household), level, decided by, legal reference,
/// cash as a multiple of the base salary. From Law 06/2022/QH15 and Decree 152/2025 (docs/domain.md §2).
type Seed = (
    &'static str,
    &'static str,
    &'static str,
    (bool, bool, bool),
    &'static str,
    &'static str,
    &'static str,
    Option<f64>,
);

const I: (bool, bool, bool) = (true, false, false);
const C: (bool, bool, bool) = (false, true, false);
const H: (bool, bool, bool) = (false, false, true);

const HEAD: &str = "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã";
const MINISTER_CHAIR: &str = "Bộ trưởng, Thủ trưởng cơ quan ngang bộ; Chủ tịch UBND tỉnh";
const ARMED: &str = "Bộ trưởng Bộ Quốc phòng; Bộ trưởng Bộ Công an";

#[rustfmt::skip]
pub const TITLES: &[Seed] = &[
    // Individuals (Law Art 19, 21–24)
    ("LDTT", "Lao động tiên tiến", "title", I, "grassroots", HEAD, "Luật TĐKT 2022, Điều 24", Some(0.3)),
    ("CSTT", "Chiến sĩ tiên tiến", "title", I, "grassroots", ARMED, "Luật TĐKT 2022, Điều 24", Some(0.3)),
    ("CSTDCS", "Chiến sĩ thi đua cơ sở", "title", I, "grassroots", HEAD, "Luật TĐKT 2022, Điều 23", Some(1.0)),
    ("CSTD_TINH", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "title", I, "ministry_province", MINISTER_CHAIR, "Luật TĐKT 2022, Điều 22", Some(3.0)),
    ("CSTD_TQ", "Chiến sĩ thi đua toàn quốc", "title", I, "national", "Thủ tướng Chính phủ", "Luật TĐKT 2022, Điều 21", Some(4.5)),
    // Collectives (Law Art 20, 25–28)
    ("TTLDTT", "Tập thể lao động tiên tiến", "title", C, "grassroots", HEAD, "Luật TĐKT 2022, Điều 28", Some(0.8)),
    ("DVTT", "Đơn vị tiên tiến", "title", C, "grassroots", ARMED, "Luật TĐKT 2022, Điều 28", Some(0.8)),
    ("TTLDXS", "Tập thể lao động xuất sắc", "title", C, "ministry_province", MINISTER_CHAIR, "Luật TĐKT 2022, Điều 27", Some(1.5)),
    ("DVQT", "Đơn vị quyết thắng", "title", C, "ministry_province", ARMED, "Luật TĐKT 2022, Điều 27", Some(1.5)),
    ("CTD_TINH", "Cờ thi đua cấp bộ, ban, ngành, tỉnh", "title", C, "ministry_province", MINISTER_CHAIR, "Luật TĐKT 2022, Điều 26", Some(8.0)),
    ("CTD_CP", "Cờ thi đua của Chính phủ", "title", C, "national", "Thủ tướng Chính phủ", "Luật TĐKT 2022, Điều 25", Some(12.0)),
    ("XPTB", "Xã, phường, thị trấn tiêu biểu", "title", C, "ministry_province", "Chủ tịch UBND tỉnh", "Luật TĐKT 2022, Điều 20", Some(2.0)),
    ("TDPVH", "Thôn, tổ dân phố văn hóa", "title", C, "grassroots", "Chủ tịch UBND cấp xã", "Luật TĐKT 2022, Điều 20", Some(1.5)),
    // Households (Law Art 20)
    ("GDVH", "Gia đình văn hóa", "title", H, "grassroots", "Chủ tịch UBND cấp xã", "Luật TĐKT 2022, Điều 20", None),
];

const IC: (bool, bool, bool) = (true, true, false);
const ICH: (bool, bool, bool) = (true, true, true);
const PRESIDENT: &str = "Chủ tịch nước";

/// Forms of commendation (Law Art 9; docs/domain.md §2), sharing the titles' code namespace. The orders keep their
/// classes as separate codes (HCLD1 = Huân chương Lao động hạng Nhất). Cash amounts of forms are not verified
/// (docs/domain.md §2), so none are seeded.
#[rustfmt::skip]
pub const FORMS: &[Seed] = &[
    ("GK", "Giấy khen", "form", ICH, "grassroots", "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã", "Luật TĐKT 2022, Điều 75", None),
    ("BK_TINH", "Bằng khen cấp bộ, ban, ngành, tỉnh", "form", ICH, "ministry_province", MINISTER_CHAIR, "Luật TĐKT 2022, Điều 72, 74", None),
    ("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "form", ICH, "national", "Thủ tướng Chính phủ", "Luật TĐKT 2022, Điều 72, 73", None),
    ("KNC", "Kỷ niệm chương", "form", I, "ministry_province", "Bộ trưởng, Thủ trưởng cơ quan trung ương", "Luật TĐKT 2022, Điều 9", None),
    ("HCSV", "Huân chương Sao vàng", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCHCM", "Huân chương Hồ Chí Minh", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCDL1", "Huân chương Độc lập hạng Nhất", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCDL2", "Huân chương Độc lập hạng Nhì", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCDL3", "Huân chương Độc lập hạng Ba", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCQC1", "Huân chương Quân công hạng Nhất", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCQC2", "Huân chương Quân công hạng Nhì", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCQC3", "Huân chương Quân công hạng Ba", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCLD1", "Huân chương Lao động hạng Nhất", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCLD2", "Huân chương Lao động hạng Nhì", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCLD3", "Huân chương Lao động hạng Ba", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCBVTQ1", "Huân chương Bảo vệ Tổ quốc hạng Nhất", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCBVTQ2", "Huân chương Bảo vệ Tổ quốc hạng Nhì", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCBVTQ3", "Huân chương Bảo vệ Tổ quốc hạng Ba", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCCC1", "Huân chương Chiến công hạng Nhất", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCCC2", "Huân chương Chiến công hạng Nhì", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCCC3", "Huân chương Chiến công hạng Ba", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCDDKDT", "Huân chương Đại đoàn kết dân tộc", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCDC", "Huân chương Dũng cảm", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HCHN", "Huân chương Hữu nghị", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 33", None),
    ("HUYC_QKQT", "Huy chương Quân kỳ quyết thắng", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 54", None),
    ("HUYC_VANTQ", "Huy chương Vì an ninh Tổ quốc", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 54", None),
    ("HUYC_CSVV1", "Huy chương Chiến sĩ vẻ vang hạng Nhất", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 54", None),
    ("HUYC_CSVV2", "Huy chương Chiến sĩ vẻ vang hạng Nhì", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 54", None),
    ("HUYC_CSVV3", "Huy chương Chiến sĩ vẻ vang hạng Ba", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 54", None),
    ("HUYC_HN", "Huy chương Hữu nghị", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 54", None),
    ("AHLLVT", "Anh hùng Lực lượng vũ trang nhân dân", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 59", None),
    ("AHLD", "Anh hùng Lao động", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9, 59", None),
    ("BMVNAH", "Bà mẹ Việt Nam anh hùng", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
    ("NGND", "Nhà giáo nhân dân", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
    ("NGUT", "Nhà giáo ưu tú", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
    ("TTND", "Thầy thuốc nhân dân", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
    ("TTUT", "Thầy thuốc ưu tú", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
    ("NSND", "Nghệ sĩ nhân dân", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
    ("NSUT", "Nghệ sĩ ưu tú", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
    ("NNND", "Nghệ nhân nhân dân", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
    ("NNUT", "Nghệ nhân ưu tú", "form", I, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
    ("GTHCM", "Giải thưởng Hồ Chí Minh", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
    ("GTNN", "Giải thưởng Nhà nước", "form", IC, "state", PRESIDENT, "Luật TĐKT 2022, Điều 9", None),
];

/// Seeds a new file's catalog: the titles, then the forms.
pub fn seed(conn: &Connection) -> Result<()> {
    let mut st = conn.prepare_cached(
        "INSERT INTO catalog (code, name, name_fold, category, individual, collective, household, level, decided_by,
                              legal_ref, cash, local) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)",
    )?;
    for (code, name, cat, (i, c, h), level, by, law, cash) in TITLES.iter().chain(FORMS) {
        st.execute(params![code, name, fold_key(name), cat, i, c, h, level, by, law, cash])?;
    }
    Ok(())
}

const SELECT: &str = "SELECT id, code, shown_name(code, name), category, individual, collective, household, level,
                             decided_by, legal_ref, cash, local FROM catalog";

fn row(r: &Row) -> rusqlite::Result<CatalogEntry> {
    Ok(CatalogEntry {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        category: r.get(3)?,
        individual: r.get(4)?,
        collective: r.get(5)?,
        household: r.get(6)?,
        level: r.get(7)?,
        decided_by: r.get(8)?,
        legal_ref: r.get(9)?,
        cash: r.get(10)?,
        local: r.get(11)?,
    })
}

/// Entries of one category ("title" or "form") in catalog order.
pub fn list(conn: &Connection, category: Option<&str>) -> Result<Vec<CatalogEntry>> {
    let v = conn
        .prepare_cached(&format!("{SELECT} WHERE ?1 IS NULL OR category = ?1 ORDER BY category DESC, id"))?
        .query_map([category], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Whether a province is a "thành phố" (centrally run city) or a "tỉnh", from the name as it was written.
pub fn province_kind(province: Option<&str>) -> &'static str {
    let p = province.unwrap_or_default().to_lowercase();
    if p.starts_with("thành phố") || p.starts_with("tp ") || p.starts_with("tp.") {
        "thành phố"
    } else {
        "tỉnh"
    }
}

/// A title or form by the name its issuer gives it in a province: "Cờ thi đua của UBND tỉnh", "Bằng khen của Chủ
/// tịch UBND tỉnh", "Chiến sĩ thi đua cấp tỉnh" (Law 06/2022/QH15 Art 22, 26, 74: conferred by the Chair of the
/// provincial People's Committee); other entries by their catalog name. A file without a province keeps the
/// catalog's names. Lists, messages and papers all say it this way (the SQL function `shown_name` on every
/// connection the tool opens; the catalog itself, `register titles`, keeps the legal names).
pub fn shown_name(code: &str, name: &str, province: Option<&str>) -> String {
    if province.is_none() {
        return name.to_string();
    }
    let l = province_kind(province);
    match code.to_uppercase().as_str() {
        "CTD_TINH" => format!("Cờ thi đua của UBND {l}"),
        "BK_TINH" => format!("Bằng khen của Chủ tịch UBND {l}"),
        "CSTD_TINH" => format!("Chiến sĩ thi đua cấp {l}"),
        _ => name.replace("cấp bộ, ban, ngành, tỉnh", &format!("cấp {l}")),
    }
}

/// The seeded entry a title or form is named by as provinces and ministries write it (accent-free, lower case, as
/// `fold_key` gives it): the conferring body in the name ("Cờ thi đua của UBND tỉnh Tây Ninh", "Bằng khen của Chủ
/// tịch Ủy ban nhân dân tỉnh", "Bằng khen của Bộ trưởng Bộ Tài chính") or the level ("Chiến sĩ thi đua cấp tỉnh"),
/// after Law 06/2022/QH15 Art 21–26 and 71–75, which name them by who confers them; "Giấy khen của Giám đốc …" is a
/// Giấy khen whoever signs it.
pub fn common_name(fold: &str) -> Option<&'static str> {
    // The abbreviations every office writes ("CSTĐ cơ sở", "Tập thể LĐXS") spelled out first.
    let s = format!(" {fold} ")
        .replace(" uy ban nhan dan ", " ubnd ")
        .replace(" thanh pho ", " tinh ")
        .replace(" tp ", " tinh ")
        .replace(" cua ", " ")
        .replace(" cstd ", " chien si thi dua ")
        .replace(" ldtt ", " lao dong tien tien ")
        .replace(" ldxs ", " lao dong xuat sac ")
        .replace(" tt lao dong ", " tap the lao dong ");
    let s = s.trim();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| s == *p || s.starts_with(&format!("{p} ")));
    if starts(&["co thi dua chinh phu"]) {
        Some("CTD_CP")
    } else if starts(&[
        "co thi dua ubnd tinh",
        "co thi dua cap tinh",
        "co thi dua tinh",
        "co thi dua bo",
        "co thi dua cap bo",
    ]) {
        Some("CTD_TINH")
    } else if starts(&["bang khen thu tuong", "bang khen thu tuong chinh phu"]) {
        Some("BK_TTG")
    } else if starts(&[
        "bang khen chu tich ubnd tinh",
        "bang khen chu tich ubnd",
        "bang khen ubnd tinh",
        "bang khen chu tich tinh",
        "bang khen chu tich",
        "bang khen tinh",
        "bang khen cap tinh",
        "bang khen bo truong",
        "bang khen cap bo",
    ]) {
        Some("BK_TINH")
    } else if starts(&["chien si thi dua toan quoc"]) {
        Some("CSTD_TQ")
    } else if starts(&[
        "chien si thi dua cap tinh",
        "chien si thi dua tinh",
        "chien si thi dua cap bo",
        "chien si thi dua bo",
    ]) {
        Some("CSTD_TINH")
    } else if starts(&["chien si thi dua co so", "chien si thi dua cap co so"]) {
        Some("CSTDCS")
    } else if s == "lao dong tien tien" {
        Some("LDTT")
    } else if s == "tap the lao dong xuat sac" {
        Some("TTLDXS")
    } else if s == "tap the lao dong tien tien" {
        Some("TTLDTT")
    } else if starts(&["giay khen"]) {
        Some("GK")
    } else {
        None
    }
}

/// Finds an entry by its code (any case, "LĐTT" for "LDTT"), its name (any case, with or without accents or
/// quotes, docs/domain.md §5.8) or the name provinces give it ([`common_name`]). An unknown one is refused with the
/// nearest codes and names as a hint.
pub fn resolve(conn: &Connection, input: &str) -> Result<CatalogEntry> {
    let s = input.trim();
    let fold = fold_key(s);
    let mut found: Vec<CatalogEntry> = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE code = ?1 OR name_fold = ?2 OR lower(replace(code, '_', ' ')) = ?2 ORDER BY id"
        ))?
        .query_map(params![s, fold], row)?
        .collect::<rusqlite::Result<_>>()?;
    if found.is_empty() {
        if let Some(e) = common_name(&fold).map(|c| by_code(conn, c)).transpose()?.flatten() {
            found.push(e);
        }
    }
    match &found[..] {
        [e] => Ok(e.clone()),
        [] => {
            let all = list(conn, None)?;
            let mut near = nearest(s, all.iter().map(|e| e.code.as_str()), 3);
            for n in nearest(s, all.iter().map(|e| e.name.as_str()), 3) {
                if let Some(e) = all.iter().find(|e| e.name == n) {
                    let shown = format!("{} ({})", e.code, e.name);
                    if !near.contains(&e.code) {
                        near.push(shown);
                    }
                }
            }
            Err(refused_hint(
                msg!("no title or form '{}'", s),
                if near.is_empty() {
                    msg!("see `thidua register titles`")
                } else {
                    msg!("did you mean {}? (all: `thidua register titles`)", near.join(", "))
                },
            ))
        }
        many => Err(refused(msg!(
            "'{}' names more than one entry: {}",
            s,
            many.iter().map(|e| e.code.as_str()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

pub fn get(conn: &Connection, id: i64) -> Result<CatalogEntry> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?.query_row([id], row)?)
}

pub fn by_code(conn: &Connection, code: &str) -> Result<Option<CatalogEntry>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE code = ?1"))?.query_row([code], row).optional()?)
}

/// Adds a local entry (the user's own title or form).
pub fn insert(conn: &Connection, e: &CatalogEntry) -> Result<i64> {
    if let Some(old) = by_code(conn, &e.code)? {
        return Err(refused(msg!("code '{}' is already in the catalog: {}", e.code, old.name)));
    }
    conn.prepare_cached(
        "INSERT INTO catalog (code, name, name_fold, category, individual, collective, household, level, decided_by,
                              legal_ref, cash, local) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1)",
    )?
    .execute(params![
        e.code,
        e.name,
        fold_key(&e.name),
        e.category,
        e.individual,
        e.collective,
        e.household,
        e.level,
        e.decided_by,
        e.legal_ref,
        e.cash
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Refuses a subject an entry is not for: a collective title needs a unit, an individual one a person. `verb` starts
/// the hint ("register it for", "give it to").
pub fn check_subject(e: &CatalogEntry, unit: bool, verb: &str) -> Result<()> {
    let kind = if unit { SubjectKind::Collective } else { SubjectKind::Individual };
    if e.is_for(kind) {
        return Ok(());
    }
    let hint = match (e.individual || e.collective, unit, verb) {
        (false, _, _) => msg!("this tool keeps units and people, not households"),
        (true, true, "give it to") => msg!("give it to a person with --person"),
        (true, true, "register it for") => msg!("register it for a person with --person"),
        (true, true, "judge it for") => msg!("judge it for a person with --person"),
        (true, true, "confirm it for") => msg!("confirm it for a person with --person"),
        (true, true, "vote on it for") => msg!("vote on it for a person with --person"),
        (true, true, _) => msg!("propose it for a person with --person"),
        (true, false, "give it to") => msg!("give it to a unit with --unit"),
        (true, false, "register it for") => msg!("register it for a unit with --unit"),
        (true, false, "judge it for") => msg!("judge it for a unit with --unit"),
        (true, false, "confirm it for") => msg!("confirm it for a unit with --unit"),
        (true, false, "vote on it for") => msg!("vote on it for a unit with --unit"),
        (true, false, _) => msg!("propose it for a unit with --unit"),
    };
    let kinds = [SubjectKind::Individual, SubjectKind::Collective, SubjectKind::Household]
        .into_iter()
        .filter(|k| e.is_for(*k))
        .map(|k| crate::msg::ToArg::to_arg(&k))
        .collect();
    let kinds = crate::msg::Arg::List(kinds, " + ");
    let what = format!("{} ({})", e.code, e.name);
    let only = |k: SubjectKind| e.is_for(k) && e.subjects() == k.as_str();
    let title = e.category == "title";
    Err(refused_hint(
        match (title, unit) {
            (true, true) if only(SubjectKind::Individual) => {
                msg!("{} is a title for individuals, not for a unit", what)
            }
            (true, true) if only(SubjectKind::Household) => msg!("{} is a title for households, not for a unit", what),
            (true, false) if only(SubjectKind::Collective) => {
                msg!("{} is a title for collectives, not for a person", what)
            }
            (true, false) if only(SubjectKind::Household) => {
                msg!("{} is a title for households, not for a person", what)
            }
            (_, true) => msg!("{} ({}) is for: {}; not for a unit", e.code, e.name, kinds),
            (_, false) => msg!("{} ({}) is for: {}; not for a person", e.code, e.name, kinds),
        },
        hint,
    ))
}

#[cfg(test)]
mod tests {
    use super::common_name;
    use crate::text::fold_key;

    #[test]
    fn titles_and_forms_by_the_names_provinces_and_ministries_use() {
        for (name, code) in [
            ("Cờ thi đua của UBND tỉnh", "CTD_TINH"),
            ("Cờ thi đua của Ủy ban nhân dân tỉnh Tây Ninh", "CTD_TINH"),
            ("co thi dua cua ubnd tinh", "CTD_TINH"),
            ("Cờ thi đua của Bộ Tài chính", "CTD_TINH"),
            ("Cờ thi đua của Chính phủ", "CTD_CP"),
            ("Bằng khen của Chủ tịch UBND tỉnh", "BK_TINH"),
            ("Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hà Nội", "BK_TINH"),
            ("bang khen cua chu tich ubnd tinh", "BK_TINH"),
            ("Bằng khen của Bộ trưởng Bộ Tài chính", "BK_TINH"),
            ("Bằng khen của Thủ tướng Chính phủ", "BK_TTG"),
            ("Chiến sĩ thi đua cấp tỉnh", "CSTD_TINH"),
            ("chien si thi dua cap tinh", "CSTD_TINH"),
            ("Chiến sĩ thi đua cấp bộ", "CSTD_TINH"),
            ("Chiến sĩ thi đua toàn quốc", "CSTD_TQ"),
            ("Giấy khen của Giám đốc Bảo hiểm xã hội tỉnh", "GK"),
            ("Bằng khen tỉnh", "BK_TINH"),
            ("Bằng khen của Chủ tịch", "BK_TINH"),
            ("CSTĐ cơ sở", "CSTDCS"),
            ("CSTĐ cấp tỉnh", "CSTD_TINH"),
            ("Tập thể LĐXS", "TTLDXS"),
            ("TT lao động tiên tiến", "TTLDTT"),
            ("Chiến sĩ thi đua cơ sở", "CSTDCS"),
        ] {
            assert_eq!(common_name(&fold_key(name)), Some(code), "{name}");
        }
        assert_eq!(common_name(&fold_key("Cờ hiệu")), None);
    }
}
