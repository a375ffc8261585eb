//! Certificates of a decision's awards, one page each (Decree 98/2023/NĐ-CP Art 104): the national heading, the
//! decider's title in red capitals, "TẶNG" (a form) or "TẶNG DANH HIỆU" (a title), the form or title in red capitals,
//! the name ("Ông"/"Bà" from the gender; a collective by its name), the position and unit (a collective's parent),
//! the achievement; at the bottom left the decision's number and date and the sổ vàng number (the awardee's order
//! in the decision); at the bottom right the place and date, the signer's title and the space for signature and
//! seal. Each field sits in a box of its blank's layout (millimetres, `cert layout`); on a pre-printed blank only
//! the fields the blank does not print are printed.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::certificates::{self, Placement};
use crate::db::{awards, meta, people, units};
use crate::error::{refused, refused_hint, usage, Result};
use crate::model::{Award, Blank, CertEvent, Decision};
use crate::msg::Msg;
use crate::output::sheet::{Align, Item, Sheet, TextBox};
use crate::output::{Cell, Table};

/// A field of a blank and where it sits by default on an A4 landscape sheet (297 × 210 mm).
struct Spec {
    name: &'static str,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    size: f32,
    bold: bool,
    italic: bool,
    red: bool,
    align: Align,
}

const fn has(style: &[u8], c: u8) -> bool {
    let mut i = 0;
    while i < style.len() {
        if style[i] == c {
            return true;
        }
        i += 1;
    }
    false
}

/// A field: its box `[x, y, w, h]` in millimetres, its size in points, its style.
const fn spec(name: &'static str, [x, y, w, h]: [f32; 4], size: f32, style: &str, align: Align) -> Spec {
    let b = style.as_bytes();
    Spec { name, x, y, w, h, size, bold: has(b, b'b'), italic: has(b, b'i'), red: has(b, b'r'), align }
}

use Align::{Center as C, Left as L};

/// The fields, top to bottom; `b` bold, `i` italic, `r` red.
const FIELDS: &[Spec] = &[
    spec("heading", [30.0, 20.0, 237.0, 7.0], 13.0, "b", C),
    spec("motto", [30.0, 27.0, 237.0, 7.0], 14.0, "b", C),
    spec("decider", [30.0, 41.0, 237.0, 15.0], 15.0, "br", C),
    spec("give", [30.0, 59.0, 237.0, 8.0], 15.0, "b", C),
    spec("form", [30.0, 68.0, 237.0, 15.0], 30.0, "br", C),
    spec("name", [30.0, 87.0, 237.0, 10.0], 20.0, "b", C),
    spec("post", [30.0, 98.0, 237.0, 13.0], 14.0, "", C),
    spec("reason", [40.0, 112.0, 217.0, 20.0], 14.0, "i", C),
    spec("place_date", [160.0, 142.0, 115.0, 7.0], 13.0, "i", C),
    spec("signer_title", [160.0, 149.0, 115.0, 13.0], 13.0, "b", C),
    spec("signer_name", [160.0, 181.0, 115.0, 8.0], 14.0, "b", C),
    spec("decision", [25.0, 166.0, 125.0, 7.0], 12.0, "", L),
    spec("book", [25.0, 173.0, 125.0, 7.0], 12.0, "", L),
];

/// The fields a pre-printed blank carries already, so that they are printed on plain paper only.
fn preprinted(blank: Blank, field: &str) -> bool {
    match field {
        "heading" | "motto" | "give" | "form" => true,
        // A province's Bằng khen and CSTĐ blanks carry the Chair's title; a Giấy khen blank serves any office.
        "decider" => matches!(blank, Blank::BangKhen | Blank::CstdTinh),
        _ => false,
    }
}

/// The blank a catalog code is printed on, if any.
pub fn blank_of(code: &str) -> Option<Blank> {
    match code.to_uppercase().as_str() {
        "GK" => Some(Blank::GiayKhen),
        "CSTDCS" => Some(Blank::Cstdcs),
        "BK_TINH" => Some(Blank::BangKhen),
        "CSTD_TINH" => Some(Blank::CstdTinh),
        _ => None,
    }
}

/// A field placed on a blank: the default, then what the secretary set.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub field: &'static str,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub size: f32,
    pub on_blank: bool,
    pub set: bool,
    bold: bool,
    italic: bool,
    red: bool,
    align: Align,
}

/// A blank's sheet and its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub blank: Blank,
    pub width: f32,
    pub height: f32,
    /// Every field moved by this much (a printer that feeds the blank off by a few millimetres).
    pub dx: f32,
    pub dy: f32,
    pub page_set: bool,
    pub fields: Vec<Placed>,
}

/// The field names `cert layout set` takes: the sheet ("page": its size and an offset of every field), then the
/// fields.
pub fn field_names() -> Vec<&'static str> {
    std::iter::once("page").chain(FIELDS.iter().map(|f| f.name)).collect()
}

/// A field's name as `cert layout` takes it, or a usage error listing the fields.
pub fn field_name(field: &str) -> Result<&'static str> {
    let names = field_names();
    match names.iter().find(|n| **n == field) {
        Some(n) => Ok(n),
        None => {
            Err(usage(msg!("no field '{}' on a certificate (fields: {})", field, format!("`{}`", names.join("`, `")))))
        }
    }
}

/// A blank's layout: A4 landscape for a Giấy khen and the CSTĐCS certificate, A3 landscape (every length × √2) for
/// a Bằng khen and the CSTĐ certificate, then what `cert layout set` stored.
pub fn layout(conn: &Connection, blank: Blank) -> Result<Layout> {
    let k = match blank {
        Blank::GiayKhen | Blank::Cstdcs => 1.0,
        Blank::BangKhen | Blank::CstdTinh => 420.0 / 297.0,
    };
    let set = certificates::placements(conn, blank)?;
    let get = |name: &str| set.iter().find(|(f, _)| f == name).map(|(_, p)| p.clone());
    let v = |o: Option<f64>, d: f32| o.map_or(d, |x| x as f32);
    let page = get("page").unwrap_or_default();
    let fields = FIELDS
        .iter()
        .map(|f| {
            let p = get(f.name);
            let q = p.clone().unwrap_or_default();
            Placed {
                field: f.name,
                x: v(q.x, f.x * k),
                y: v(q.y, f.y * k),
                w: v(q.w, f.w * k),
                h: v(q.h, f.h * k),
                size: v(q.size, (f.size * k * 2.0).round() / 2.0),
                on_blank: q.on_blank.unwrap_or(!preprinted(blank, f.name)),
                set: p.is_some(),
                bold: f.bold,
                italic: f.italic,
                red: f.red,
                align: f.align,
            }
        })
        .collect();
    Ok(Layout {
        blank,
        width: v(page.w, 297.0 * k),
        height: v(page.h, 210.0 * k),
        dx: v(page.x, 0.0),
        dy: v(page.y, 0.0),
        page_set: get("page").is_some(),
        fields,
    })
}

/// The layout as a table: each field's box in millimetres, its size, whether a blank gets it, set or default.
pub fn layout_table(l: &Layout) -> Table {
    let mut t = Table::new("cert_layout", &["field", "x_mm", "y_mm", "w_mm", "h_mm", "size_pt", "on_blank", "source"]);
    let mm = |v: f32| Cell::Num((f64::from(v) * 10.0).round() / 10.0);
    let source = |set: bool| Cell::Enum("layout_source", if set { "set" } else { "default" }.into());
    t.push(vec![
        Cell::Enum("cert_field", "page".into()),
        mm(l.dx),
        mm(l.dy),
        mm(l.width),
        mm(l.height),
        Cell::Empty,
        Cell::Empty,
        source(l.page_set),
    ]);
    for f in &l.fields {
        t.push(vec![
            Cell::Enum("cert_field", f.field.into()),
            mm(f.x),
            mm(f.y),
            mm(f.w),
            mm(f.h),
            mm(f.size),
            Cell::Enum("bool", if f.on_blank { "yes" } else { "no" }.into()),
            source(f.set),
        ]);
    }
    t
}

/// Moves a field (or the sheet) of a blank; the box must stay on the sheet.
pub fn place(conn: &Connection, blank: Blank, field: &str, p: &Placement) -> Result<Msg> {
    let name = field_name(field)?;
    if *p == Placement::default() {
        return Err(usage(msg!("say what to change: --x, --y, --w, --h, --size, --on-blank or --not-on-blank")));
    }
    if name == "page" && (p.size.is_some() || p.on_blank.is_some()) {
        return Err(usage(msg!("the page takes --w and --h (its size) and --x and --y (an offset of every field)")));
    }
    certificates::place(conn, blank, name, p)?;
    let l = layout(conn, blank)?;
    if l.width > 1200.0 || l.height > 1200.0 {
        return Err(refused(msg!(
            "a sheet of {} × {} mm is larger than any blank",
            l.width.round() as i64,
            l.height.round() as i64
        )));
    }
    if let Some(f) = l.fields.iter().find(|f| f.field == name) {
        let (x, y) = (f.x + l.dx, f.y + l.dy);
        if x < 0.0 || y < 0.0 || x + f.w > l.width + 0.05 || y + f.h > l.height + 0.05 {
            return Err(refused(msg!(
                "field {} would leave the sheet ({} × {} mm)",
                name,
                l.width.round() as i64,
                l.height.round() as i64
            )));
        }
    }
    Ok(msg!("field {} of blank {} placed", name, blank))
}

/// A test page of a blank: a millimetre grid with each field's box outlined and named where it will print, to be
/// printed on a blank and held against the light.
pub fn test_sheet(l: &Layout) -> Sheet {
    let mut items = vec![Item::Grid { step: 5.0 }];
    for f in &l.fields {
        let label = if f.on_blank { f.field.to_string() } else { format!("{} (in sẵn)", f.field) };
        items.push(Item::Frame { x: f.x + l.dx, y: f.y + l.dy, w: f.w, h: f.h, label });
    }
    Sheet { width: l.width, height: l.height, items }
}

/// One certificate: its award, the sổ vàng number it bears, its blank and the text of each field.
#[derive(Debug, Clone)]
pub struct Certificate {
    pub award: Award,
    pub book_no: i64,
    pub blank: Blank,
    /// When it was printed first, if it was.
    pub printed: Option<NaiveDate>,
    pub texts: Vec<(&'static str, String)>,
}

/// What a certificate names as who decides and who signs, when the decision does not say it as the tool reads it.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// The decider's title ("Giám đốc Bảo hiểm xã hội tỉnh Tây Ninh").
    pub decider: Option<String>,
    /// Who signs: title and name ("Phó Chủ tịch Trần Văn Chiến").
    pub signer: Option<String>,
}

/// The head's title of an issuing body, as a certificate names its decider: "Chủ tịch Ủy ban nhân dân tỉnh Tây
/// Ninh" for "UBND tỉnh Tây Ninh", "Giám đốc Sở Nội vụ", "Cục trưởng Cục Thuế tỉnh …"; the short title ("Chủ tịch")
/// for the signature.
pub fn head_of(issuer: &str) -> (String, String) {
    let issuer = issuer.trim();
    let fold = crate::text::fold_key(issuer);
    let words: Vec<&str> = issuer.split_whitespace().collect();
    if words.first().is_some_and(|w| crate::text::fold_key(w) == "ubnd") {
        return (format!("Chủ tịch Ủy ban nhân dân {}", words[1..].join(" ")), "Chủ tịch".into());
    }
    if fold.starts_with("uy ban nhan dan") {
        return (format!("Chủ tịch {issuer}"), "Chủ tịch".into());
    }
    let heads: &[(&str, &str)] = &[
        ("tong cuc ", "Tổng cục trưởng"),
        ("chi cuc ", "Chi cục trưởng"),
        ("cuc ", "Cục trưởng"),
        ("so ", "Giám đốc"),
        ("bo ", "Bộ trưởng"),
        ("ban ", "Trưởng ban"),
        ("truong ", "Hiệu trưởng"),
        ("hoi ", "Chủ tịch"),
        ("kho bac", "Giám đốc"),
        ("bao hiem xa hoi", "Giám đốc"),
        ("ngan hang", "Giám đốc"),
        ("cong ty", "Giám đốc"),
        ("benh vien", "Giám đốc"),
        ("trung tam", "Giám đốc"),
    ];
    let head = heads.iter().find(|(p, _)| fold.starts_with(p)).map_or("Thủ trưởng", |(_, h)| h);
    (format!("{head} {issuer}"), head.to_string())
}

/// The heads of an issuing body as a signature names them.
const HEADS: &[&str] = &[
    "Tổng cục trưởng",
    "Chi cục trưởng",
    "Cục trưởng",
    "Chủ tịch",
    "Giám đốc",
    "Bộ trưởng",
    "Trưởng ban",
    "Hiệu trưởng",
    "Thủ trưởng",
];

/// The title words start with, as written (`chars` long in the words), and for a deputy the head's ("Phó Chủ tịch"
/// of "Chủ tịch", "Thứ trưởng" of "Bộ trưởng").
fn title_of(words: &str) -> Option<(String, Option<&'static str>)> {
    let fold = crate::text::fold_key(words);
    let starts = |t: &str| {
        let tf = crate::text::fold_key(t);
        fold == tf || fold.starts_with(&format!("{tf} "))
    };
    if starts("Thứ trưởng") {
        return Some(("Thứ trưởng".into(), Some("Bộ trưởng")));
    }
    for h in HEADS {
        let deputy = format!("Phó {h}");
        if starts(&deputy) {
            return Some((deputy, Some(h)));
        }
    }
    HEADS.iter().find(|h| starts(h)).map(|h| (h.to_string(), None))
}

/// The head's title a decider's title starts with ("Giám đốc" of "Giám đốc Bảo hiểm xã hội tỉnh"), for the
/// signature.
fn short_title(decider: &str) -> String {
    match title_of(decider) {
        Some((_, Some(head))) => head.to_string(),
        Some((title, None)) => title,
        None => "Thủ trưởng".into(),
    }
}

/// A signer as decisions record one ("Phó Chủ tịch Trần Văn Chiến"): the signature's title lines ("KT. CHỦ TỊCH",
/// "PHÓ CHỦ TỊCH" for a deputy, Decree 30/2020 Art 13) and the name, when the words give one.
fn signature(signer: Option<&str>, head: &str) -> (String, String) {
    let upper = |s: &str| s.to_uppercase();
    let Some(s) = signer.map(str::trim).filter(|s| !s.is_empty()) else {
        return (upper(head), String::new());
    };
    let Some((title, of)) = title_of(s) else {
        return (upper(head), String::new());
    };
    let rest: String = s.chars().skip(title.chars().count()).collect();
    let rest = rest.trim();
    // A name is two to five words, each capitalised, none an abbreviation ("UBND") or a body's word.
    let words: Vec<&str> = rest.split_whitespace().collect();
    let is_name = (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.chars().skip(1).any(char::is_uppercase));
    let name = if is_name { rest.to_string() } else { String::new() };
    let lines = match of {
        Some(of) => format!("KT. {}\n{}", upper(of), upper(&title)),
        None => upper(&title),
    };
    (lines, name)
}

/// The certificates of a decision's awards that have a blank (`only`: these awards, which must have one), with the
/// sổ vàng number each bears: the one it was first printed with, else its order in the decision.
pub fn certificates(conn: &Connection, d: &Decision, only: &[i64], o: &Overrides) -> Result<Vec<Certificate>> {
    let list = awards::list(conn, &awards::Filter { decision_id: Some(d.id), ..Default::default() })?;
    for id in only {
        let Some(a) = list.iter().find(|a| a.id == *id) else {
            return Err(refused_hint(
                msg!("award #{} is not one of decision {}", id, d.number),
                msg!("see `thidua award list --decision {}`", d.number),
            ));
        };
        if let Some(by) = &a.revoked_by {
            return Err(refused(msg!("award #{} was revoked by {}: its certificate is not printed", id, by.clone())));
        }
        if blank_of(&a.code).is_none() {
            return Err(refused(msg!(
                "award #{} ({}) has no certificate the tool prints (it prints Giấy khen, Bằng khen, CSTĐCS, CSTĐ cấp tỉnh)",
                id,
                a.entry_name.clone()
            )));
        }
    }
    let bloc = meta::bloc(conn)?;
    let settings = super::Settings::load(conn)?;
    let place = settings.place.or(bloc.province).unwrap_or_default();
    let (decider, head) = match &o.decider {
        Some(t) => (t.clone(), short_title(t)),
        None => head_of(&d.issuer),
    };
    let (signer_title, signer_name) = signature(o.signer.as_deref().or(d.signer.as_deref()), &head);
    let mut out = Vec::new();
    // A revoked award (Law 06/2022/QH15 Art 93) has its certificate withdrawn: none is printed.
    let mut sorted: Vec<&Award> =
        list.iter().filter(|a| (only.is_empty() || only.contains(&a.id)) && a.revoked_by.is_none()).collect();
    sorted.sort_by_key(|a| a.id);
    // A number is the award's order in the decision, unless an award removed from it since moved that order onto
    // a number a certificate bears already: then the next number after all those in use.
    let mut taken: std::collections::BTreeSet<i64> = certificates::numbers_taken(conn, d.id)?.into_iter().collect();
    for a in sorted {
        let Some(blank) = blank_of(&a.code) else { continue };
        let printed = certificates::printed(conn, a.id)?;
        let book_no = match printed {
            Some((n, _)) => n,
            None => {
                let order = certificates::order_in_decision(conn, d.id, a.id)?;
                let n = if taken.contains(&order) { taken.last().map_or(order, |m| m + 1) } else { order };
                taken.insert(n);
                n
            }
        };
        let title = matches!(blank, Blank::Cstdcs | Blank::CstdTinh);
        let form = match blank {
            Blank::GiayKhen => "GIẤY KHEN".to_string(),
            Blank::BangKhen => "BẰNG KHEN".to_string(),
            Blank::Cstdcs => "CHIẾN SĨ THI ĐUA CƠ SỞ".to_string(),
            Blank::CstdTinh => {
                let level =
                    if crate::text::fold_key(&d.issuer).starts_with("bo ") { "CẤP BỘ" } else { "CẤP TỈNH" };
                format!("CHIẾN SĨ THI ĐUA {level}")
            }
        };
        let (name, post) = who(conn, a)?;
        let years = if a.year_from == a.year_to {
            format!("năm {}", a.year_to)
        } else {
            format!("giai đoạn {}–{}", a.year_from, a.year_to)
        };
        // A reason that only names the title again ("Chiến sĩ thi đua cơ sở năm 2019") says no achievement.
        let named = |r: &&str| crate::text::fold_key(r).starts_with(&crate::text::fold_key(&a.entry_name));
        let reason = match a.reason.as_deref().map(str::trim).filter(|r| !r.is_empty() && !named(r)) {
            Some(r) => r.to_string(),
            None if title => format!("Đã có thành tích tiêu biểu xuất sắc trong phong trào thi đua {years}"),
            None => format!("Đã có thành tích xuất sắc trong phong trào thi đua {years}"),
        };
        let texts = vec![
            ("heading", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".to_string()),
            ("motto", "Độc lập - Tự do - Hạnh phúc".to_string()),
            ("decider", decider.to_uppercase()),
            ("give", if title { "TẶNG DANH HIỆU" } else { "TẶNG" }.to_string()),
            ("form", form),
            ("name", name),
            ("post", post),
            ("reason", reason),
            ("place_date", crate::output::document::place_date(&place, Some(d.issued_on))),
            ("signer_title", signer_title.clone()),
            ("signer_name", signer_name.clone()),
            ("decision", format!("Quyết định số {} ngày {}", d.number, crate::text::format_date(d.issued_on))),
            ("book", format!("Số sổ vàng: {book_no}")),
        ];
        out.push(Certificate { award: a.clone(), book_no, blank, printed: printed.map(|(_, on)| on), texts });
    }
    Ok(out)
}

/// The name line and the line under it: a person with "Ông"/"Bà", her position and unit (with its parent); a
/// collective by the name the decision prints and its parent unit.
fn who(conn: &Connection, a: &Award) -> Result<(String, String)> {
    let parent_of = |unit_id: i64| -> Result<Option<String>> {
        let u = units::get(conn, unit_id)?;
        Ok(match u.parent_id {
            Some(p) => Some(units::get(conn, p)?.name),
            None => None,
        })
    };
    if let Some(pid) = a.person_id {
        let p = people::get(conn, pid)?.ok_or_else(|| refused(msg!("no person #{}", pid)))?;
        let mut parts: Vec<String> = p.position.iter().cloned().collect();
        parts.push(p.unit_name.clone());
        parts.extend(parent_of(p.unit_id)?);
        return Ok((super::honoured(p.gender, &a.recipient), parts.join(", ")));
    }
    let parent = match units::by_code(conn, &a.unit_code)? {
        Some(u) => parent_of(u.id)?,
        None => None,
    };
    Ok((a.recipient.clone(), parent.unwrap_or_default()))
}

/// The pages of certificates: on plain paper (`on_blank` false) every field; on pre-printed blanks only the fields
/// the blank does not carry. An empty text prints nothing.
pub fn sheets(conn: &Connection, certs: &[Certificate], on_blank: bool) -> Result<Vec<Sheet>> {
    let mut layouts: Vec<Layout> = Vec::new();
    let mut out = Vec::new();
    for c in certs {
        if !layouts.iter().any(|l| l.blank == c.blank) {
            layouts.push(layout(conn, c.blank)?);
        }
        let Some(l) = layouts.iter().find(|l| l.blank == c.blank) else { continue };
        let mut items = Vec::new();
        for f in &l.fields {
            let text = c.texts.iter().find(|(n, _)| *n == f.field).map(|(_, t)| t.as_str()).unwrap_or("");
            if text.is_empty() || (on_blank && !f.on_blank) {
                continue;
            }
            items.push(Item::Text(TextBox {
                field: f.field.to_string(),
                x: f.x + l.dx,
                y: f.y + l.dy,
                w: f.w,
                h: f.h,
                size: f.size,
                bold: f.bold,
                italic: f.italic,
                red: f.red,
                underline: f.field == "motto",
                align: f.align,
                text: text.to_string(),
            }));
        }
        out.push(Sheet { width: l.width, height: l.height, items });
    }
    Ok(out)
}

/// Records the certificates printed in the register: a first print takes its number, a print again records why.
pub fn record(conn: &Connection, certs: &[Certificate], on: NaiveDate, again: Option<(CertEvent, &str)>) -> Result<()> {
    for c in certs {
        match (c.printed, again) {
            (None, _) => certificates::record(conn, c.award.id, c.book_no, CertEvent::Printed, on, c.blank, None)?,
            (Some(_), Some((event, reason))) => {
                certificates::record(conn, c.award.id, c.book_no, event, on, c.blank, Some(reason))?
            }
            (Some(first), None) => {
                return Err(refused_hint(
                    msg!(
                        "the certificate of award #{} ({}) was printed on {} with sổ vàng number {}",
                        c.award.id,
                        c.award.recipient.clone(),
                        first,
                        c.book_no
                    ),
                    msg!("print it again with --reprint REASON (a spoilt blank), or `thidua cert reissue {} --reason …` for one lost after it was handed over", c.award.id),
                ))
            }
        };
    }
    Ok(())
}

/// The register as a table: by decision and sổ vàng number.
pub fn register(conn: &Connection, decision_id: Option<i64>) -> Result<Table> {
    let mut t = Table::new(
        "certificates",
        &["decision", "decision_date", "book_no", "award", "recipient", "code", "event", "date", "blank", "why"],
    );
    for e in certificates::register(conn, decision_id, None)? {
        t.push(vec![
            e.decision.map_or(Cell::Empty, Cell::Text),
            e.decision_date.map_or(Cell::Empty, Cell::Date),
            Cell::Int(e.book_no),
            Cell::Int(e.award_id),
            Cell::Text(e.recipient),
            Cell::Text(e.code),
            e.event.into(),
            Cell::Date(e.on),
            e.blank.into(),
            e.reason.map_or(Cell::Empty, Cell::Text),
        ]);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::{head_of, signature};

    #[test]
    fn the_decider_and_the_signature_come_from_the_issuer_and_the_signer() {
        assert_eq!(head_of("UBND tỉnh Tây Ninh").0, "Chủ tịch Ủy ban nhân dân tỉnh Tây Ninh");
        assert_eq!(head_of("Sở Nội vụ tỉnh Tây Ninh"), ("Giám đốc Sở Nội vụ tỉnh Tây Ninh".into(), "Giám đốc".into()));
        assert_eq!(
            head_of("Chi cục Thuế khu vực"),
            ("Chi cục trưởng Chi cục Thuế khu vực".into(), "Chi cục trưởng".into())
        );
        let deputy = signature(Some("Thứ trưởng Nguyễn Văn Hùng"), "Bộ trưởng");
        assert_eq!(deputy, ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG".into(), "Nguyễn Văn Hùng".into()));
        // A title that names the body, not a person: the title alone, the name left to write.
        assert_eq!(signature(Some("Chủ tịch UBND tỉnh"), "Chủ tịch"), ("CHỦ TỊCH".into(), String::new()));
        assert_eq!(signature(None, "Giám đốc"), ("GIÁM ĐỐC".into(), String::new()));
    }
}
