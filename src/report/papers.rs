//! The papers of the year as documents (Decree 30/2020/NĐ-CP): the memo with its annexed list for a proposal, the
//! minutes of a council session, the signing list of a decision's awards. Built from the file; what the file does
//! not hold is left as a marked place for the secretary. The papers are Vietnamese whatever `--lang` says.

use rusqlite::Connection;

use crate::db::{awards, catalog, council, meta, people, proposals};
use crate::error::{refused, refused_hint, Result};
use crate::model::{CouncilRole, Decision};
use crate::output::document::{long_date, Block, Document, Signature};
use crate::rules::{self, Regime};

/// What the papers say of who issues them and who signs, remembered per bloc-year (`doc settings`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    pub parent: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub authority: Option<String>,
    pub title: Option<String>,
    pub signer: Option<String>,
}

pub const KEYS: &[&str] = &["doc.parent", "doc.issuer", "doc.place", "doc.authority", "doc.title", "doc.signer"];

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
                "the paper has no signer",
                "give one with `thidua doc settings --signer \"Họ và tên\"`, or record the council's chair (`thidua council member add … --role chair`)",
            ))
        }
    };
    Ok(Frame {
        parent: s.parent,
        issuer: s.issuer.unwrap_or_else(|| bloc.name.clone()),
        place: s.place.or(bloc.province.clone()).unwrap_or_default(),
        signature: Signature {
            authority: Some(s.authority.unwrap_or_else(|| "TM. KHỐI THI ĐUA".into())),
            title: s.title.unwrap_or_else(|| "KHỐI TRƯỞNG".into()),
            name,
        },
        year: bloc.year,
    })
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

/// The legal bases of the rule set in force ("Căn cứ …;").
fn bases(regime: Regime) -> Vec<Block> {
    regime.texts().split("; ").map(|t| Block::Para(format!("Căn cứ {t};"))).collect()
}

fn title_name(conn: &Connection, code: &str) -> Result<String> {
    Ok(catalog::by_code(conn, code)?.map_or_else(|| code.to_string(), |e| e.name))
}

/// The memo with its annexed list (tờ trình + danh sách đề nghị) for a proposal.
pub fn memo(conn: &Connection, id: i64) -> Result<Document> {
    let p = proposals::get(conn, id)?;
    let items = proposals::items(conn, id)?;
    if items.is_empty() {
        return Err(refused_hint(
            format!("proposal #{id} has no candidate"),
            "add them with `thidua proposal candidate`",
        ));
    }
    let f = frame(conn)?;
    let to = p.addressee.clone().unwrap_or_else(|| "Hội đồng Thi đua – Khen thưởng tỉnh".into());
    let regime = Regime::at(rules::judging_date(f.year));
    let mut body = bases(regime);
    if let Some(s) = p.session_id.map(|s| council::session(conn, &s.to_string())).transpose()? {
        body.push(Block::Para(format!(
            "Căn cứ Biên bản họp xét thi đua, khen thưởng {} của {};",
            long_date(s.held_on),
            f.issuer
        )));
    }
    let units = items.iter().filter(|i| i.person_id.is_none()).count();
    let persons = items.len() - units;
    body.push(Block::Para(format!(
        "{} kính trình {to} xem xét, khen thưởng cho {units} tập thể và {persons} cá nhân đã có thành tích xuất sắc \
         trong phong trào thi đua năm {} (có danh sách kèm theo).",
        f.issuer, f.year
    )));
    body.push(Block::Blank("Tóm tắt thành tích chung của Khối: do thư ký bổ sung".into()));
    body.push(Block::Para(format!("Kính trình {to} xem xét, quyết định./.")));
    let columns: Vec<String> =
        ["STT", "Tên tập thể / Họ và tên, chức vụ, đơn vị", "Hình thức đề nghị", "Tóm tắt thành tích"]
            .map(String::from)
            .into();
    let mut annex = Vec::new();
    let mut part = 0;
    for (heading, collective) in [("TẬP THỂ", true), ("CÁ NHÂN", false)] {
        let mine: Vec<&proposals::Item> = items.iter().filter(|i| i.person_id.is_none() == collective).collect();
        if mine.is_empty() {
            continue;
        }
        part += 1;
        annex.push(Block::Heading(format!("{}. {heading} ({})", ["I", "II"][part - 1], mine.len())));
        let mut rows = Vec::new();
        for (n, i) in mine.iter().enumerate() {
            let who = match i.person_id {
                Some(pid) => {
                    let person = people::get(conn, pid)?.ok_or_else(|| refused(format!("no person #{pid}")))?;
                    let pos = person.position.map(|p| format!(", {p}")).unwrap_or_default();
                    format!("{}{pos}, {}", person.full_name, person.unit_name)
                }
                None => i.name.clone(),
            };
            rows.push(vec![
                (n + 1).to_string(),
                who,
                title_name(conn, &i.code)?,
                i.summary.clone().unwrap_or_default(),
            ]);
        }
        annex.push(Block::Table { columns: columns.clone(), rows, widths: vec![8, 38, 23, 31] });
    }
    let number = p.memo.clone();
    let sub = match (&number, p.memo_date) {
        (Some(n), Some(d)) => {
            format!("(Kèm theo Tờ trình số {n} ngày {} của {})", crate::text::format_date(d), f.issuer)
        }
        _ => format!("(Kèm theo Tờ trình số      /TTr ngày      của {})", f.issuer),
    };
    Ok(Document {
        parent: f.parent,
        issuer: f.issuer,
        number,
        symbol: "TTr".into(),
        place: f.place,
        date: p.memo_date,
        kind: "TỜ TRÌNH".into(),
        subject: Some(subject_line(&p.title)),
        to: vec![to],
        body,
        recipients: vec!["Như trên".into(), "Các đơn vị thành viên Khối".into(), "Lưu: VT".into()],
        signature: Some(f.signature),
        second_signature: None,
        annex: Some(("Danh sách đề nghị khen thưởng".into(), sub, annex)),
    })
}

/// The minutes of a council session (biên bản họp xét): attendance, each ballot against its threshold with the
/// article, the conclusion; signed by the secretary and the chair.
pub fn minutes(conn: &Connection, session: &str) -> Result<Document> {
    let s = council::session(conn, session)?;
    let votes = council::votes(conn, s.id)?;
    if votes.is_empty() {
        return Err(refused_hint(
            format!("session #{} has no ballots", s.id),
            format!("record them with `thidua council vote {} …`", s.id),
        ));
    }
    let f = frame(conn)?;
    let members = council::members(conn)?;
    let find = |r: CouncilRole| members.iter().find(|m| m.role == r);
    let (chair, secretary) = match (find(CouncilRole::Chair), find(CouncilRole::Secretary)) {
        (Some(c), Some(s)) => (c.clone(), s.clone()),
        (None, _) => {
            return Err(refused_hint(
                "the council has no chair",
                "add one with `thidua council member add … --role chair`",
            ))
        }
        (_, None) => {
            return Err(refused_hint(
                "the council has no secretary",
                "add one with `thidua council member add … --role secretary`",
            ))
        }
    };
    let set = super::proposals::rules_of(conn)?;
    let kind = match s.kind {
        crate::model::SessionKind::Midyear => "sơ kết 6 tháng đầu năm",
        crate::model::SessionKind::Annual => "năm",
        crate::model::SessionKind::Other => "",
    };
    let place = s.place.clone().unwrap_or_else(|| "…".into());
    let mut body = vec![
        Block::Para(format!(
            "Vào lúc …… giờ ……, {}, tại {place}, {} tổ chức họp xét thi đua, khen thưởng {kind} {}.",
            long_date(s.held_on),
            f.issuer,
            f.year
        )),
        Block::Heading("I. THÀNH PHẦN".into()),
        Block::Para(format!(
            "Chủ trì: {}{}. Thư ký: {}{}.",
            chair.name,
            chair.position.as_deref().map(|p| format!(", {p}")).unwrap_or_default(),
            secretary.name,
            secretary.position.as_deref().map(|p| format!(", {p}")).unwrap_or_default()
        )),
        Block::Para(format!(
            "Tổng số thành viên: {}; có mặt: {}; vắng mặt có ý kiến bằng văn bản: {}.",
            s.members, s.present, s.written
        )),
        Block::Heading("II. NỘI DUNG".into()),
        Block::Blank("Bảng tổng hợp kết quả chấm điểm đã thông qua: do thư ký bổ sung".into()),
        Block::Para(format!(
            "Kết quả bỏ phiếu (tỷ lệ tính trên tổng số {} thành viên, kể cả ý kiến bằng văn bản của thành viên vắng mặt):",
            s.members
        )),
    ];
    let mut rows = Vec::new();
    let mut carried = Vec::new();
    for (n, v) in votes.iter().enumerate() {
        let w = super::proposals::weigh(v, &s, &set);
        let threshold = match w.threshold.value {
            Some(x) if w.threshold.strict => {
                format!("trên {}%", crate::text::format_number((x * 10.0).round() / 10.0, true))
            }
            Some(x) => format!("từ {}%", crate::text::format_number((x * 10.0).round() / 10.0, true)),
            None => String::new(),
        };
        let name = title_name(conn, &v.code)?;
        rows.push(vec![
            (n + 1).to_string(),
            format!("{} ({})", v.name, v.unit_code),
            name.clone(),
            format!("{}/{}", w.yes, w.all),
            format!("{}%", crate::text::format_number((w.pct * 10.0).round() / 10.0, true)),
            threshold,
            if w.carried { "Đạt" } else { "Không đạt" }.into(),
        ]);
        if w.carried {
            carried.push(format!("{} — {name}", v.name));
        }
    }
    body.push(Block::Table {
        columns: ["STT", "Đối tượng", "Danh hiệu, hình thức", "Đồng ý / tổng số", "Tỷ lệ", "Yêu cầu", "Kết quả"]
            .map(String::from)
            .into(),
        rows,
        widths: vec![8, 27, 22, 12, 10, 11, 10],
    });
    let mut arts: Vec<String> = Vec::new();
    for v in &votes {
        let a = match super::proposals::weigh(v, &s, &set).threshold.source {
            rules::Source::Default(c) => super::eligible::article(&c, crate::output::Lang::Vi),
            rules::Source::Set { source, .. } => source,
            rules::Source::None => continue,
        };
        if !arts.contains(&a) {
            arts.push(a);
        }
    }
    let art = arts.join("; ");
    body.push(Block::Para(format!("Tỷ lệ yêu cầu theo: {art}.")));
    body.push(Block::Heading("III. KẾT LUẬN".into()));
    if carried.is_empty() {
        body.push(Block::Para("Không có đối tượng đạt tỷ lệ phiếu bầu theo quy định.".into()));
    } else {
        body.push(Block::Para(format!("Hội nghị thống nhất đề nghị khen thưởng: {}.", carried.join("; "))));
    }
    body.push(Block::Blank("Các ý kiến khác: do thư ký bổ sung".into()));
    body.push(Block::Para("Cuộc họp kết thúc vào lúc …… giờ …… cùng ngày./.".into()));
    Ok(Document {
        parent: f.parent,
        issuer: f.issuer,
        number: None,
        symbol: "BB".into(),
        place: f.place,
        date: Some(s.held_on),
        kind: "BIÊN BẢN".into(),
        subject: Some(format!("Họp xét thi đua, khen thưởng {kind} {}", f.year).replace("  ", " ")),
        to: Vec::new(),
        body,
        recipients: Vec::new(),
        signature: Some(Signature { authority: None, title: "CHỦ TỌA".into(), name: chair.name }),
        second_signature: Some(Signature { authority: None, title: "THƯ KÝ".into(), name: secretary.name }),
        annex: None,
    })
}

/// The signing list (danh sách ký nhận) of a decision's awards, for the ceremony.
pub fn signing(conn: &Connection, d: &Decision) -> Result<Document> {
    let list = awards::list(conn, &awards::Filter { decision_id: Some(d.id), ..Default::default() })?;
    if list.is_empty() {
        return Err(refused_hint(
            format!("decision {} has no awards recorded", d.number),
            "record them with `thidua award add` or `thidua award import`",
        ));
    }
    let f = frame(conn)?;
    let rows: Vec<Vec<String>> = list
        .iter()
        .enumerate()
        .map(|(n, a)| {
            vec![(n + 1).to_string(), a.recipient.clone(), a.unit_code.clone(), a.entry_name.clone(), String::new()]
        })
        .collect();
    Ok(Document {
        parent: f.parent,
        issuer: f.issuer,
        number: None,
        symbol: "DS".into(),
        place: f.place,
        date: None,
        kind: "DANH SÁCH KÝ NHẬN".into(),
        subject: Some(format!(
            "Khen thưởng theo Quyết định số {} ngày {} của {}",
            d.number,
            crate::text::format_date(d.issued_on),
            d.issuer
        )),
        to: Vec::new(),
        body: vec![Block::Table {
            columns: ["STT", "Tập thể, cá nhân", "Đơn vị", "Hình thức khen thưởng", "Ký nhận"].map(String::from).into(),
            rows,
            widths: vec![8, 31, 12, 31, 18],
        }],
        recipients: vec!["Lưu: VT".into()],
        signature: Some(Signature {
            authority: None, title: "NGƯỜI LẬP DANH SÁCH".into(), name: f.signature.name
        }),
        second_signature: None,
        annex: None,
    })
}
