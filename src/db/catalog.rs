//! The catalog of what can be conferred: emulation titles and forms of commendation, one code namespace.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{refused, refused_hint, Result};
use crate::model::CatalogEntry;
use crate::text::{fold_key, nearest};

/// A seeded entry: code, name, category, (individual, collective, household), level, decided by, legal reference,
/// cash as a multiple of the base salary. From Law 06/2022/QH15 and Decree 152/2025 (DOMAIN.md §3.1–3.2).
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

pub const TITLES: &[Seed] = &[
    // Individuals (Law Art 19, 21–24)
    ("LDTT", "Lao động tiên tiến", "title", I, "grassroots", HEAD, "Luật TĐKT 2022, Điều 24", Some(0.3)),
    ("CSTT", "Chiến sĩ tiên tiến", "title", I, "grassroots", ARMED, "Luật TĐKT 2022, Điều 24", Some(0.3)),
    ("CSTDCS", "Chiến sĩ thi đua cơ sở", "title", I, "grassroots", HEAD, "Luật TĐKT 2022, Điều 23", Some(1.0)),
    (
        "CSTD_TINH",
        "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh",
        "title",
        I,
        "ministry_province",
        MINISTER_CHAIR,
        "Luật TĐKT 2022, Điều 22",
        Some(3.0),
    ),
    (
        "CSTD_TQ",
        "Chiến sĩ thi đua toàn quốc",
        "title",
        I,
        "national",
        "Thủ tướng Chính phủ",
        "Luật TĐKT 2022, Điều 21",
        Some(4.5),
    ),
    // Collectives (Law Art 20, 25–28)
    ("TTLDTT", "Tập thể lao động tiên tiến", "title", C, "grassroots", HEAD, "Luật TĐKT 2022, Điều 28", Some(0.8)),
    ("DVTT", "Đơn vị tiên tiến", "title", C, "grassroots", ARMED, "Luật TĐKT 2022, Điều 28", Some(0.8)),
    (
        "TTLDXS",
        "Tập thể lao động xuất sắc",
        "title",
        C,
        "ministry_province",
        MINISTER_CHAIR,
        "Luật TĐKT 2022, Điều 27",
        Some(1.5),
    ),
    ("DVQT", "Đơn vị quyết thắng", "title", C, "ministry_province", ARMED, "Luật TĐKT 2022, Điều 27", Some(1.5)),
    (
        "CTD_TINH",
        "Cờ thi đua cấp bộ, ban, ngành, tỉnh",
        "title",
        C,
        "ministry_province",
        MINISTER_CHAIR,
        "Luật TĐKT 2022, Điều 26",
        Some(8.0),
    ),
    (
        "CTD_CP",
        "Cờ thi đua của Chính phủ",
        "title",
        C,
        "national",
        "Thủ tướng Chính phủ",
        "Luật TĐKT 2022, Điều 25",
        Some(12.0),
    ),
    (
        "XPTB",
        "Xã, phường, thị trấn tiêu biểu",
        "title",
        C,
        "ministry_province",
        "Chủ tịch UBND tỉnh",
        "Luật TĐKT 2022, Điều 20",
        Some(2.0),
    ),
    (
        "TDPVH",
        "Thôn, tổ dân phố văn hóa",
        "title",
        C,
        "grassroots",
        "Chủ tịch UBND cấp xã",
        "Luật TĐKT 2022, Điều 20",
        Some(1.5),
    ),
    // Households (Law Art 20)
    ("GDVH", "Gia đình văn hóa", "title", H, "grassroots", "Chủ tịch UBND cấp xã", "Luật TĐKT 2022, Điều 20", None),
];

/// Seeds a new file's catalog.
pub fn seed(conn: &Connection) -> Result<()> {
    let mut st = conn.prepare_cached(
        "INSERT INTO catalog (code, name, name_fold, category, individual, collective, household, level, decided_by,
                              legal_ref, cash, local) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)",
    )?;
    for (code, name, cat, (i, c, h), level, by, law, cash) in TITLES {
        st.execute(params![code, name, fold_key(name), cat, i, c, h, level, by, law, cash])?;
    }
    Ok(())
}

const SELECT: &str = "SELECT id, code, name, category, individual, collective, household, level, decided_by, legal_ref,
                             cash, local FROM catalog";

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

/// Finds an entry by its code (any case, "LĐTT" for "LDTT") or its name (any case, with or without accents or
/// quotes, DOMAIN.md §7.10). An unknown one is refused with the nearest codes as a hint.
pub fn resolve(conn: &Connection, input: &str) -> Result<CatalogEntry> {
    let s = input.trim();
    let fold = fold_key(s);
    let found: Vec<CatalogEntry> = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE code = ?1 OR name_fold = ?2 OR lower(replace(code, '_', ' ')) = ?2 ORDER BY id"
        ))?
        .query_map(params![s, fold], row)?
        .collect::<rusqlite::Result<_>>()?;
    match &found[..] {
        [e] => Ok(e.clone()),
        [] => {
            let all = list(conn, None)?;
            let near = nearest(s, all.iter().map(|e| e.code.as_str()), 5);
            Err(refused_hint(
                format!("no title or form '{s}'"),
                if near.is_empty() {
                    "see `thidua register titles`".to_string()
                } else {
                    format!("did you mean {}? (all: `thidua register titles`)", near.join(", "))
                },
            ))
        }
        many => Err(refused(format!(
            "'{s}' names more than one entry: {}",
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
        return Err(refused(format!("code '{}' is already in the catalog: {}", e.code, old.name)));
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
