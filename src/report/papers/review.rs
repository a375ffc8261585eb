//! The mid-year or annual review as a document (báo cáo sơ kết / tổng kết), with the outline of the common
//! templates: I. situation, II. results (campaigns, registrations, pledge, ranking, commendation in counts by form,
//! exemplars, and in the annual review the proposals and what came of them), III. assessment, IV. tasks ahead,
//! V. proposals. Units, campaigns, titles and forms by name; the internal checklists (what data is missing, which
//! registrations will fail) only when the secretary asks for them, since the province does not read those.

use std::collections::HashMap;

use rusqlite::Connection;

use super::frame;
use crate::db::{catalog, units};
use crate::error::Result;
use crate::output::document::{from_table_named, Block, Document};
use crate::output::{Cell, Table};

/// The parts of a review the file cannot write, given as text (`doc review --text PART=FILE`).
pub const PARTS: &[&str] = &["situation", "assessment", "tasks", "proposals"];

fn text_or_blank(texts: &HashMap<String, String>, part: &str, what: &str) -> Vec<Block> {
    match texts.get(part) {
        Some(t) => Block::prose(t),
        None => vec![Block::Blank(what.to_string())],
    }
}

/// How the paper names what the file codes: units by name, titles and forms by their issuer's names, units named
/// inside notes by their short names.
struct Names {
    units: HashMap<String, String>,
    short: HashMap<String, String>,
    forms: HashMap<String, String>,
}

/// A report table as the paper shows it: codes replaced by names, a code column dropped where a name column beside
/// it says the same, numbers of the file's own records (a proposal's "#1") left out, thresholds in words.
fn named(t: &Table, n: &Names) -> Block {
    let has = |c: &str| t.columns.iter().any(|x| x == c);
    // The proposals' table numbers each proposal; the ranking's "proposal" is the form proposed, kept.
    let mut drop: Vec<&str> = if t.name == "proposals" { vec!["proposal"] } else { vec![] };
    if has("unit_name") {
        drop.push("unit");
    }
    if has("title_name") {
        drop.push("title");
    }
    if has("code") && (has("name") || has("code_name")) {
        drop.push("code");
    }
    // A proposal's history says nothing while none went up: no column of empty cells on the paper.
    if let Some(i) = t.columns.iter().position(|c| c == "history") {
        if t.rows.iter().all(|r| matches!(r.get(i), None | Some(crate::output::Cell::Empty))) {
            drop.push("history");
        }
    }
    let name = |col: &str, text: &str| -> Option<String> {
        match col {
            "unit" => n.units.get(text).cloned(),
            "title" | "code" => n.forms.get(&text.to_uppercase()).cloned(),
            "note" | "notes" => Some(super::name_codes(text, &n.short)),
            "threshold" => match text.strip_prefix("> ") {
                Some(x) => Some(format!("trên {x}")),
                None if !text.is_empty() => Some(format!("từ {text}")),
                None => None,
            },
            _ => None,
        }
    };
    from_table_named(t, &drop, &name)
}

/// The most rows a table of a review paper holds; a longer one of units is summed over the units.
const PAPER_ROWS: usize = 300;

/// A table of units longer than [`PAPER_ROWS`], as sums over the units: one row per value of its other text columns
/// (a title), its numbers added up. None for a shorter table, or one without a unit column.
fn summed_over_units(t: &Table) -> Option<Table> {
    let unit = t.columns.iter().position(|c| c == "unit")?;
    if t.rows.len() <= PAPER_ROWS {
        return None;
    }
    let keep: Vec<usize> = (0..t.columns.len()).filter(|&i| i != unit && t.columns[i] != "unit_name").collect();
    let mut out = Table::new(&t.name, &keep.iter().map(|&i| t.columns[i].as_str()).collect::<Vec<_>>());
    let mut at: std::collections::HashMap<Vec<String>, usize> = std::collections::HashMap::new();
    for row in &t.rows {
        let key: Vec<String> = keep.iter().filter(|&&i| !row[i].is_number()).map(|&i| row[i].plain()).collect();
        match at.get(&key) {
            Some(&n) => {
                for (j, &i) in keep.iter().enumerate() {
                    if let (Cell::Int(a), Cell::Int(b)) = (&out.rows[n][j], &row[i]) {
                        out.rows[n][j] = Cell::Int(a + b);
                    }
                }
            }
            None => {
                at.insert(key, out.rows.len());
                out.push(keep.iter().map(|&i| row[i].clone()).collect());
            }
        }
    }
    Some(out)
}

/// The mid-year or annual review. The figures come from the review the file builds; the prose parts come from
/// `texts`, or are left as marked places; `checklists` adds the secretary's own lists (missing data, registrations
/// at risk).
pub fn review(
    conn: &Connection,
    annual: bool,
    as_of: chrono::NaiveDate,
    texts: &HashMap<String, String>,
    checklists: bool,
) -> Result<Document> {
    use crate::output::Lang;
    let f = frame(conn)?;
    let r =
        if annual { super::super::reviews::annual(conn, as_of)? } else { super::super::reviews::midyear(conn, as_of)? };
    let mut names = Names { units: HashMap::new(), short: HashMap::new(), forms: HashMap::new() };
    for u in units::list(conn)? {
        names.short.insert(u.code.clone(), u.short.clone().unwrap_or_else(|| u.name.clone()));
        names.units.insert(u.code, u.name);
    }
    for e in catalog::list(conn, None)? {
        names.forms.insert(e.code.to_uppercase(), e.name);
    }
    let table = |t: &Table| named(t, &names);
    let vi = |m: &crate::msg::Msg| crate::output::messages::text(m, Lang::Vi);
    let mut body = vec![Block::Heading("I. TÌNH HÌNH CHUNG".into())];
    let members = r.sections.iter().find(|s| s.table.as_ref().is_some_and(|t| t.name == "members"));
    if let Some(m) = members {
        body.extend(m.lines.iter().map(|l| Block::Para(vi(l))));
    }
    body.extend(text_or_blank(texts, "situation", "Đặc điểm, tình hình của Khối"));
    body.push(Block::Heading("II. KẾT QUẢ THỰC HIỆN".into()));
    // In the outline's order: the movements, the registrations (and results), the pledge, the ranking, the awards,
    // the exemplars, the proposals and what came of them.
    let results = [
        "campaigns",
        "registrations",
        "results",
        "pledges",
        "ranking",
        "awards_by_code",
        "awards",
        "awards_decided",
        "exemplars",
        "proposals",
    ];
    let mut n = 0;
    for name in results {
        let Some(s) =
            r.sections.iter().find(|s| s.table.as_ref().is_some_and(|t| t.name == name && !t.rows.is_empty()))
        else {
            continue;
        };
        let t = s.table.as_ref().expect("found by its table");
        n += 1;
        body.push(Block::Heading(format!("{n}. {}", s.heading.as_ref().map(vi).unwrap_or_default())));
        body.extend(s.lines.iter().map(|l| Block::Para(vi(l))));
        match summed_over_units(t) {
            // A national file's table of every unit × title is no paper's: its sums by title, and where the whole
            // list is.
            Some(sums) => {
                body.push(Block::Para(format!(
                    "Tổng hợp theo danh hiệu; danh sách đầy đủ theo từng đơn vị ({} dòng) kèm theo dưới dạng bảng tính (`thidua report annual --table {} -o {}.xlsx`):",
                    crate::text::format_number(t.rows.len() as f64, true),
                    t.name,
                    t.name
                )));
                body.push(table(&sums));
            }
            None => body.push(table(t)),
        }
    }
    body.push(Block::Heading("III. ĐÁNH GIÁ CHUNG".into()));
    body.extend(text_or_blank(texts, "assessment", "Ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm"));
    if checklists {
        for name in ["missing", "at_risk"] {
            if let Some(s) =
                r.sections.iter().find(|s| s.table.as_ref().is_some_and(|t| t.name == name && !t.rows.is_empty()))
            {
                body.push(Block::Para(format!("{}:", s.heading.as_ref().map(vi).unwrap_or_default())));
                body.push(table(s.table.as_ref().expect("found by its table")));
            }
        }
    }
    body.push(Block::Heading(
        if annual { "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI" } else { "IV. NHIỆM VỤ 6 THÁNG CUỐI NĂM" }.into(),
    ));
    body.extend(text_or_blank(texts, "tasks", "Phương hướng, nhiệm vụ"));
    body.push(Block::Heading("V. ĐỀ XUẤT, KIẾN NGHỊ".into()));
    body.extend(text_or_blank(texts, "proposals", "Đề xuất, kiến nghị"));
    let subject = if annual {
        format!("Tổng kết công tác thi đua, khen thưởng năm {} và phương hướng, nhiệm vụ năm {}", f.year, f.year + 1)
    } else {
        format!("Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {} và nhiệm vụ 6 tháng cuối năm", f.year)
    };
    let symbol = f.symbol("BC");
    Ok(Document {
        parent: f.parent,
        issuer: f.issuer,
        number: None,
        symbol,
        place: f.place,
        date: Some(as_of),
        kind: "BÁO CÁO".into(),
        subject: Some(subject),
        to: Vec::new(),
        body,
        recipients: vec![
            "Ban Thi đua – Khen thưởng tỉnh".into(),
            "Các đơn vị thành viên Khối".into(),
            "Lưu: VT".into(),
        ],
        signature: Some(f.signature),
        second_signature: None,
        annex: None,
    })
}
