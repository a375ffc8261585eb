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

/// A proposal's candidates; none is refused, naming how to add them.
fn candidates(conn: &Connection, id: i64) -> Result<Vec<proposals::Item>> {
    let items = proposals::items(conn, id)?;
    if items.is_empty() {
        return Err(refused_hint(
            format!("proposal #{id} has no candidate"),
            "add them with `thidua proposal candidate`",
        ));
    }
    Ok(items)
}

/// The memo with its annexed list (tờ trình + danh sách đề nghị) for a proposal.
pub fn memo(conn: &Connection, id: i64) -> Result<Document> {
    let p = proposals::get(conn, id)?;
    let items = candidates(conn, id)?;
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
        annex.push(Block::Table { columns: columns.clone(), rows });
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
    ];
    let absent = council::absent(conn, s.id)?;
    if !absent.is_empty() {
        let names: Vec<String> = absent
            .iter()
            .map(|(n, _, w)| if *w { format!("{n} (có ý kiến bằng văn bản)") } else { n.clone() })
            .collect();
        body.push(Block::Para(format!("Vắng mặt: {}.", names.join(", "))));
    }
    body.extend([
        Block::Heading("II. NỘI DUNG".into()),
        Block::Blank("Chương trình họp: do thư ký bổ sung".into()),
        Block::Para(format!(
            "Kết quả bỏ phiếu (tỷ lệ tính trên tổng số {} thành viên, kể cả ý kiến bằng văn bản của thành viên vắng mặt):",
            s.members
        )),
    ]);
    // The score table adopted: the bloc's ranking, when it has scores.
    let criteria = crate::db::scores::criteria(conn)?;
    let at = body.len() - 1;
    if !criteria.is_empty() && !crate::db::scores::scores(conn)?.is_empty() {
        let (st, _) = super::ranking::rank(conn, &super::reviews::members(conn)?, crate::output::Lang::Vi)?;
        let t = crate::output::document::from_table(&super::ranking::table(&st, &criteria, true));
        body.insert(at, Block::Para("Hội nghị thông qua bảng tổng hợp kết quả chấm điểm thi đua:".into()));
        body.insert(at + 1, t);
    } else {
        body.insert(at, Block::Blank("Bảng tổng hợp kết quả chấm điểm đã thông qua: do thư ký bổ sung".into()));
    }
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
        }],
        recipients: vec!["Lưu: VT".into()],
        signature: Some(Signature {
            authority: None, title: "NGƯỜI LẬP DANH SÁCH".into(), name: f.signature.name
        }),
        second_signature: None,
        annex: None,
    })
}

/// The parts of a review the file cannot write, given as text (`doc review --text PART=FILE`).
pub const PARTS: &[&str] = &["situation", "assessment", "tasks", "proposals"];

fn text_or_blank(texts: &std::collections::HashMap<String, String>, part: &str, what: &str) -> Vec<Block> {
    match texts.get(part) {
        Some(t) => Block::prose(t),
        None => vec![Block::Blank(format!("{what}: do thư ký bổ sung (hoặc `--text {part}=TỆP`)"))],
    }
}

/// The mid-year or annual review as a document (báo cáo sơ kết / tổng kết), with the outline of the common
/// templates: I. situation, II. results (campaigns, registrations, pledge, commendation in counts by form, exemplars),
/// III. assessment, IV. tasks ahead, V. proposals. The figures come from the review the file builds; the prose parts
/// come from `texts`, or are left as marked places.
pub fn review(
    conn: &Connection,
    annual: bool,
    as_of: chrono::NaiveDate,
    texts: &std::collections::HashMap<String, String>,
) -> Result<Document> {
    use crate::output::document::from_table;
    use crate::output::Lang;
    let f = frame(conn)?;
    let r = if annual {
        super::reviews::annual(conn, as_of, Lang::Vi)?
    } else {
        super::reviews::midyear(conn, as_of, Lang::Vi)?
    };
    let mut body = vec![Block::Heading("I. TÌNH HÌNH CHUNG".into())];
    let members = r.sections.iter().find(|s| s.table.as_ref().is_some_and(|t| t.name == "members"));
    if let Some(m) = members {
        body.extend(m.lines.iter().map(|l| Block::Para(l.clone())));
    }
    body.extend(text_or_blank(texts, "situation", "Đặc điểm, tình hình của Khối"));
    body.push(Block::Heading("II. KẾT QUẢ THỰC HIỆN".into()));
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
    ];
    let mut n = 0;
    // In the outline's order: the movements, the registrations (and results), the pledge, the ranking, the awards,
    // the exemplars.
    for name in results {
        let Some(s) =
            r.sections.iter().find(|s| s.table.as_ref().is_some_and(|t| t.name == name && !t.rows.is_empty()))
        else {
            continue;
        };
        let t = s.table.as_ref().expect("found by its table");
        n += 1;
        body.push(Block::Heading(format!("{n}. {}", s.heading.clone().unwrap_or_default())));
        body.extend(s.lines.iter().map(|l| Block::Para(l.clone())));
        body.push(from_table(t));
    }
    body.push(Block::Heading("III. ĐÁNH GIÁ CHUNG".into()));
    body.extend(text_or_blank(texts, "assessment", "Ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm"));
    for name in ["missing", "at_risk"] {
        if let Some(s) =
            r.sections.iter().find(|s| s.table.as_ref().is_some_and(|t| t.name == name && !t.rows.is_empty()))
        {
            body.push(Block::Para(format!("{}:", s.heading.clone().unwrap_or_default())));
            body.push(from_table(s.table.as_ref().expect("found by its table")));
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
    Ok(Document {
        parent: f.parent,
        issuer: f.issuer,
        number: None,
        symbol: "BC".into(),
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

/// A draft decision (dự thảo quyết định) for a sent or decided proposal: the province's decision granting what was
/// proposed, with its annexed list; the signer's name is left for the province.
pub fn decision(conn: &Connection, id: i64) -> Result<Document> {
    let p = proposals::get(conn, id)?;
    if p.status == crate::model::ProposalStatus::Draft {
        return Err(refused_hint(
            format!("proposal #{id} is a draft: a decision answers a proposal that was sent"),
            format!("send it first: `thidua proposal send {id} --memo … --date …`"),
        ));
    }
    let items = candidates(conn, id)?;
    let f = frame(conn)?;
    let province = meta::bloc(conn)?.province.unwrap_or_else(|| "…".into());
    let regime = Regime::at(rules::judging_date(f.year));
    let units = items.iter().filter(|i| i.person_id.is_none()).count();
    let persons = items.len() - units;
    let mut body = vec![Block::Heading(format!("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {}", province.to_uppercase()))];
    body.push(Block::Para("Căn cứ Luật Tổ chức chính quyền địa phương;".into()));
    body.extend(bases(regime));
    body.push(Block::Para(format!(
        "Xét đề nghị của {} tại Tờ trình số {} ngày {}.",
        f.issuer,
        p.memo.clone().unwrap_or_else(|| "……".into()),
        p.memo_date.map(crate::text::format_date).unwrap_or_else(|| "……".into())
    )));
    body.push(Block::Heading("QUYẾT ĐỊNH:".into()));
    body.push(Block::Para(format!(
        "Điều 1. Tặng thưởng cho {units} tập thể và {persons} cá nhân thuộc {} đã có thành tích xuất sắc trong phong \
         trào thi đua năm {} (có danh sách kèm theo).",
        f.issuer, f.year
    )));
    body.push(Block::Para("Điều 2. Tiền thưởng kèm theo thực hiện theo quy định hiện hành.".into()));
    body.push(Block::Para(
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan \
         và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
            .into(),
    ));
    let mut rows = Vec::new();
    for (n, i) in items.iter().enumerate() {
        rows.push(vec![(n + 1).to_string(), i.name.clone(), i.unit_code.clone(), title_name(conn, &i.code)?]);
    }
    Ok(Document {
        parent: None,
        issuer: format!("Ủy ban nhân dân tỉnh {province}"),
        number: None,
        symbol: "QĐ-UBND".into(),
        place: f.place,
        date: None,
        kind: "QUYẾT ĐỊNH".into(),
        subject: Some(subject_line(&p.title).replace("Về việc đề nghị ", "Về việc ")),
        to: Vec::new(),
        body,
        recipients: vec!["Như Điều 3".into(), "Lưu: VT".into()],
        signature: Some(Signature {
            authority: Some("KT. CHỦ TỊCH".into()),
            title: "PHÓ CHỦ TỊCH".into(),
            name: "……".into(),
        }),
        second_signature: None,
        annex: Some((
            "Danh sách khen thưởng".into(),
            format!("(Kèm theo Quyết định số      /QĐ-UBND ngày      của Chủ tịch Ủy ban nhân dân tỉnh {province})"),
            vec![Block::Table {
                columns: ["STT", "Tập thể, cá nhân", "Đơn vị", "Hình thức khen thưởng"].map(String::from).into(),
                rows,
            }],
        )),
    })
}

/// An achievement report (báo cáo thành tích) of a unit or a person: the profile from the file, the achievements
/// left for the unit to write with the year's figures beside them, and the table of titles and forms received
/// (this file's awards and the history carried from earlier ones).
pub fn achievements(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Document> {
    let f = frame(conn)?;
    let mut body = vec![Block::Heading("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH".into())];
    let (issuer, name, signer_title, signer) = match (person_id, unit_id) {
        (Some(pid), _) => {
            let p = people::get(conn, pid)?.ok_or_else(|| refused(format!("no person #{pid}")))?;
            body.push(Block::Para(format!("Họ và tên: {}.", p.full_name)));
            if let Some(b) = p.born {
                body.push(Block::Para(format!("Năm sinh: {b}.")));
            }
            body.push(Block::Para(format!(
                "Chức vụ, đơn vị công tác: {}{}.",
                p.position.map(|x| format!("{x}, ")).unwrap_or_default(),
                p.unit_name
            )));
            body.push(Block::Blank("Quá trình công tác, số năm giữ chức vụ: do cá nhân bổ sung".into()));
            (p.unit_name.clone(), p.full_name.clone(), "NGƯỜI BÁO CÁO THÀNH TÍCH".to_string(), p.full_name)
        }
        (None, Some(uid)) => {
            let u = crate::db::units::get(conn, uid)?;
            body.push(Block::Para(format!("Tên đơn vị: {}.", u.name)));
            if let Some(s) = &u.sector {
                body.push(Block::Para(format!("Ngành dọc: {s}.")));
            }
            let staff = crate::db::units::staff(conn, uid)?;
            match &staff {
                Some(s) => body.push(Block::Para(format!(
                    "Tổng số cán bộ, công chức, người lao động: {}{}{}.",
                    s.staff,
                    s.women.map(|w| format!("; nữ: {w}")).unwrap_or_default(),
                    s.party.map(|p| format!("; đảng viên: {p}")).unwrap_or_default()
                ))),
                None => body.push(Block::Blank(
                    "Tổng số cán bộ, nữ, đảng viên: do đơn vị bổ sung (`thidua unit staff`)".into(),
                )),
            }
            match staff.and_then(|s| s.function) {
                Some(f) => body.push(Block::Para(format!("Chức năng, nhiệm vụ được giao: {f}"))),
                None => body.push(Block::Blank(
                    "Chức năng, nhiệm vụ được giao: do đơn vị bổ sung (`unit staff --function`)".into(),
                )),
            }
            (u.name.clone(), u.name.clone(), "THỦ TRƯỞNG ĐƠN VỊ".to_string(), "……".to_string())
        }
        (None, None) => return Err(refused("name the subject with --unit or --person")),
    };
    body.push(Block::Heading("II. THÀNH TÍCH ĐẠT ĐƯỢC".into()));
    body.push(Block::Blank(format!("Thành tích năm {}, số liệu cụ thể: do đơn vị bổ sung", f.year)));
    if let (Some(uid), None) = (unit_id, person_id) {
        body.extend(unit_figures(conn, uid, f.year)?);
    }
    body.push(Block::Heading("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN".into()));
    let list = super::history::achievements(conn, unit_id, person_id)?;
    let mut rows = Vec::new();
    for (n, a) in list.iter().enumerate() {
        let on = a.decision_date.as_deref().and_then(|d| crate::text::parse_date(d).ok()).map(crate::text::format_date);
        let decision = match (&a.decision, on) {
            (Some(d), Some(on)) => format!("{d}, {on}"),
            (Some(d), None) => d.clone(),
            _ => String::new(),
        };
        let year =
            if a.year_from == a.year_to { a.year_to.to_string() } else { format!("{}–{}", a.year_from, a.year_to) };
        rows.push(vec![(n + 1).to_string(), year, a.name.clone(), decision, a.issuer.clone().unwrap_or_default()]);
    }
    if rows.is_empty() {
        body.push(Block::Para("Chưa có hình thức khen thưởng nào được ghi nhận trong tệp.".into()));
    } else {
        body.push(Block::Table {
            columns: ["STT", "Năm", "Danh hiệu, hình thức khen thưởng", "Số, ngày quyết định", "Cơ quan ban hành"]
                .map(String::from)
                .into(),
            rows,
        });
    }
    Ok(Document {
        parent: None,
        issuer: issuer.clone(),
        number: None,
        symbol: "BC".into(),
        place: f.place,
        date: None,
        kind: "BÁO CÁO THÀNH TÍCH".into(),
        subject: Some(format!("Đề nghị khen thưởng năm {} — {name}", f.year)),
        to: Vec::new(),
        body,
        recipients: Vec::new(),
        signature: Some(Signature { authority: None, title: signer_title, name: signer }),
        second_signature: None,
        annex: None,
    })
}

/// A unit's figures of the year from the file: its pledge at the year's end, its points and rank in the bloc.
fn unit_figures(conn: &Connection, unit_id: i64, year: i32) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    let u = crate::db::units::get(conn, unit_id)?;
    if let Some(c) = crate::db::campaigns::the_regular(conn)? {
        let end = chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
        if let Some(p) = super::pledges::completion(conn, c.id, end)?.into_iter().find(|p| p.unit_code == u.code) {
            if p.pledge.is_some() && p.targets > 0 {
                out.push(Block::Para(format!(
                    "Kết quả thực hiện giao ước thi đua: {}/{} chỉ tiêu đạt{}.",
                    p.met,
                    p.targets,
                    if p.no_data > 0 {
                        format!(", {} chỉ tiêu chưa có số liệu", p.no_data)
                    } else {
                        String::new()
                    }
                )));
            }
        }
    }
    let (st, _) = super::ranking::rank(conn, &super::reviews::members(conn)?, crate::output::Lang::Vi)?;
    if let Some(s) = st.iter().find(|s| s.unit_id == unit_id && s.scored) {
        out.push(Block::Para(format!(
            "Kết quả chấm điểm thi đua của Khối: {} điểm, xếp thứ {}/{}.",
            crate::text::format_number(s.total, true),
            s.rank,
            st.iter().filter(|x| x.scored).count()
        )));
    }
    Ok(out)
}
