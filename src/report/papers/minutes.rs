//! The minutes of a council session (biên bản họp xét): who met and who was present by name and position, how the
//! council voted, the score table adopted, each ballot against the threshold of the rules in force on the session's
//! date, the conclusion by form, the closing line that the minutes were read and approved; signed by the member who
//! kept them (present at the session) and the chair.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{form_name, frame, honoured, subject_name};
use crate::db::{council, people};
use crate::error::{refused_hint, Result};
use crate::model::{CouncilRole, SessionKind};
use crate::output::document::{long_date, Block, Document, Signature};
use crate::rules;

/// A council member as the minutes name her: "Bà Tạ Thị Dân, Trưởng phòng TCHC Cục Thống kê".
fn member_line(conn: &Connection, m: &council::Member) -> Result<String> {
    // The member's gender, when she is one of the file's people (by name, and only one of them).
    let found = people::by_name(conn, &m.name, None)?;
    let gender = if found.len() == 1 { found[0].gender } else { None };
    let pos = m.position.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
    Ok(format!("{}{pos}", honoured(gender, &m.name)))
}

/// The score table the meeting adopted, as the paper shows it: units by name, the groups' points, the totals, the
/// rank, the bloc's band, the form proposed by its name, the notes with units named.
fn score_table(conn: &Connection) -> Result<Option<Block>> {
    let criteria = crate::db::scores::criteria(conn)?;
    if criteria.is_empty() || crate::db::scores::scores(conn)?.is_empty() {
        return Ok(None);
    }
    let (st, _) = super::super::ranking::rank(conn, &crate::db::units::members(conn)?)?;
    let groups = super::super::ranking::groups(&criteria);
    let mut columns = vec!["STT".to_string(), "Đơn vị".to_string()];
    columns.extend(groups.iter().map(|(g, name, max)| {
        let max = crate::text::format_number(*max, true);
        match name {
            Some(n) => format!("{g}. {n} ({max} điểm)"),
            None => format!("Nhóm {g} ({max} điểm)"),
        }
    }));
    columns.extend(
        ["Điểm thưởng", "Điểm trừ", "Tự chấm", "Thẩm định", "Xếp hạng", "Xếp loại", "Đề nghị khen thưởng", "Ghi chú"]
            .map(String::from),
    );
    // The notes name units by their short names, as the table does.
    let short: HashMap<String, String> = crate::db::units::list(conn)?
        .into_iter()
        .map(|u| (u.code.clone(), u.short.clone().unwrap_or(u.name)))
        .collect();
    let num = |x: f64| crate::text::format_number(x, true);
    let mut rows = Vec::new();
    for (n, s) in st.iter().enumerate() {
        let mut row = vec![(n + 1).to_string(), short.get(&s.code).cloned().unwrap_or_else(|| s.name.clone())];
        row.extend(s.groups.iter().map(|g| num(*g)));
        let scored = s.scored;
        row.push(if scored { num(s.bonus) } else { String::new() });
        row.push(if scored { num(s.penalty) } else { String::new() });
        row.push(if scored { num(s.self_total) } else { String::new() });
        row.push(if scored { num(s.total) } else { String::new() });
        row.push(if s.rank > 0 { s.rank.to_string() } else { String::new() });
        row.push(crate::output::labels::label(&format!("band.{}", s.band), crate::output::Lang::Vi).to_string());
        row.push(match s.proposal {
            Some(code) => form_name(conn, code)?,
            None => String::new(),
        });
        row.push(
            s.notes
                .iter()
                .map(|t| super::name_codes(&crate::output::messages::text(t, crate::output::Lang::Vi), &short))
                .collect::<Vec<_>>()
                .join("; "),
        );
        rows.push(row);
    }
    Ok(Some(Block::Table { columns, rows }))
}

/// The minutes of a council session. `keeper`: the member who kept them, when the council's secretary was absent.
pub fn minutes(conn: &Connection, session: &str, keeper: Option<&str>) -> Result<Document> {
    let s = council::session(conn, session)?;
    let votes = council::votes(conn, s.id)?;
    if votes.is_empty() {
        return Err(refused_hint(
            msg!("session #{} has no ballots", s.id),
            msg!("record them with `thidua council vote {} …`", s.id),
        ));
    }
    let f = frame(conn)?;
    let members = council::members(conn)?;
    let absent = council::absent(conn, s.id)?;
    let was_absent = |name: &str| absent.iter().any(|(n, _, _)| n == name);
    let Some(chair) = members.iter().find(|m| m.role == CouncilRole::Chair).cloned() else {
        return Err(refused_hint(
            msg!("the council has no chair"),
            "add one with `thidua council member add … --role chair`",
        ));
    };
    // The minutes are kept by the council's secretary, present at the session, or by the member named instead.
    let secretary = match keeper {
        Some(k) => {
            let key = crate::text::fold_key(k);
            members.iter().find(|m| crate::text::fold_key(&m.name) == key).cloned().ok_or_else(|| {
                refused_hint(
                    msg!("'{}' is not a member of the council", k),
                    "name a member present at the session (`thidua council member list`)",
                )
            })?
        }
        None => members.iter().find(|m| m.role == CouncilRole::Secretary).cloned().ok_or_else(|| {
            refused_hint(
                msg!("the council has no secretary"),
                "add one with `thidua council member add … --role secretary`",
            )
        })?,
    };
    if was_absent(&secretary.name) {
        return Err(refused_hint(
            msg!(
                "{} was absent from session #{}: the minutes are kept by a member who was there",
                secretary.name,
                s.id
            ),
            msg!("name the member who kept them: `thidua doc minutes {} --secretary \"Họ và tên\"`", s.id),
        ));
    }
    let kind = match s.kind {
        SessionKind::Midyear => "sơ kết 6 tháng đầu năm",
        SessionKind::Annual => "năm",
        SessionKind::Other => "",
    };
    let place = s.place.clone().unwrap_or_else(|| "……".into());
    let mut body = vec![
        Block::Para(
            format!(
                "Vào lúc …… giờ ……, {}, tại {place}, {} tổ chức họp xét thi đua, khen thưởng {kind} {}.",
                long_date(s.held_on),
                f.issuer,
                f.year
            )
            .replace("  ", " "),
        ),
        Block::Heading("I. THÀNH PHẦN".into()),
        Block::Para(format!("Chủ trì: {}.", member_line(conn, &chair)?)),
        Block::Para(format!("Thư ký: {}.", member_line(conn, &secretary)?)),
        Block::Para(format!(
            "Thành viên Hội đồng: {} người; có mặt: {} người; vắng mặt có ý kiến bằng văn bản: {} người.",
            s.members, s.present, s.written
        )),
    ];
    let present: Vec<&council::Member> =
        members.iter().filter(|m| !was_absent(&m.name) && m.name != chair.name && m.name != secretary.name).collect();
    if !present.is_empty() {
        body.push(Block::Para("Các thành viên có mặt:".into()));
        for (n, m) in present.iter().enumerate() {
            let end = if n + 1 == present.len() { "." } else { ";" };
            body.push(Block::Item(format!("- {}{end}", member_line(conn, m)?)));
        }
    }
    if !absent.is_empty() {
        let names: Vec<String> = absent
            .iter()
            .map(|(n, _, w)| if *w { format!("{n} (có ý kiến bằng văn bản)") } else { n.clone() })
            .collect();
        body.push(Block::Para(format!("Vắng mặt: {}.", names.join(", "))));
    }
    body.push(Block::Blank("Khách mời dự họp (nếu có)".into()));
    body.push(Block::Heading("II. NỘI DUNG".into()));
    body.push(Block::Blank("Chương trình họp".into()));
    if let Some(t) = score_table(conn)? {
        body.push(Block::Para("Hội nghị thông qua bảng tổng hợp kết quả chấm điểm thi đua:".into()));
        body.push(t);
    } else {
        body.push(Block::Blank("Bảng tổng hợp kết quả chấm điểm thi đua đã thông qua".into()));
    }
    match &f.settings.voting {
        Some(v) => body.push(Block::Para(format!("Hình thức biểu quyết: {v}."))),
        None => body.push(Block::Blank("Hình thức biểu quyết: bỏ phiếu kín hoặc biểu quyết giơ tay".into())),
    }
    body.push(Block::Para(format!(
        "Kết quả biểu quyết (tỷ lệ tính trên tổng số {} thành viên Hội đồng, kể cả ý kiến bằng văn bản của thành viên \
         vắng mặt):",
        s.members
    )));
    let set = super::super::proposals::rules_of(conn)?;
    let mut rows = Vec::new();
    let mut carried: Vec<(String, String)> = Vec::new();
    let mut cites: Vec<String> = Vec::new();
    for (n, v) in votes.iter().enumerate() {
        let w = super::super::proposals::weigh(v, &s, &set);
        let pct = |x: f64| crate::text::format_number((x * 10.0).round() / 10.0, true);
        let threshold = match w.threshold.value {
            Some(x) if w.threshold.strict => format!("trên {}%", pct(x)),
            Some(x) => format!("từ {}%", pct(x)),
            None => String::new(),
        };
        let name = form_name(conn, &v.code)?;
        let who = subject_name(conn, v.unit_id, v.person_id, &v.name)?;
        rows.push(vec![
            (n + 1).to_string(),
            who.clone(),
            name.clone(),
            format!("{}/{}", w.yes, w.all),
            format!("{}%", pct(w.pct)),
            threshold,
            if w.carried { "Đạt" } else { "Không đạt" }.into(),
        ]);
        if w.carried {
            carried.push((name, who));
        }
        // The texts the thresholds come from, as cited; a threshold the file set names its own source.
        let cite = match w.threshold.source {
            rules::Source::Default(c) if c.confirmed => Some(c.text.to_string()),
            rules::Source::Set { source, .. } => Some(source),
            _ => None,
        };
        if let Some(c) = cite.filter(|c| !cites.contains(c)) {
            cites.push(c);
        }
    }
    body.push(Block::Table {
        columns: [
            "STT",
            "Tập thể, cá nhân",
            "Danh hiệu, hình thức",
            "Số phiếu đồng ý",
            "Tỷ lệ",
            "Tỷ lệ yêu cầu",
            "Kết quả",
        ]
        .map(String::from)
        .into(),
        rows,
    });
    if !cites.is_empty() {
        body.push(Block::Para(format!("Tỷ lệ phiếu yêu cầu theo: {}.", cites.join("; "))));
    }
    body.push(Block::Heading("III. KẾT LUẬN".into()));
    if carried.is_empty() {
        body.push(Block::Para("Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định.".into()));
    } else {
        body.push(Block::Para("Hội nghị thống nhất đề nghị khen thưởng:".into()));
        let mut forms: Vec<(String, Vec<String>)> = Vec::new();
        for (form, who) in carried {
            match forms.iter_mut().find(|(f, _)| *f == form) {
                Some((_, v)) => v.push(who),
                None => forms.push((form, vec![who])),
            }
        }
        for (n, (form, who)) in forms.iter().enumerate() {
            let end = if n + 1 == forms.len() { "." } else { ";" };
            body.push(Block::Item(format!("- {form}: {}{end}", who.join("; "))));
        }
    }
    body.push(Block::Blank("Các ý kiến khác tại cuộc họp".into()));
    body.push(Block::Para(
        "Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe, nhất trí thông qua; cuộc họp kết thúc vào lúc \
         …… giờ …… cùng ngày./."
            .into(),
    ));
    let symbol = f.symbol("BB");
    Ok(Document {
        parent: f.parent,
        issuer: f.issuer,
        number: None,
        symbol,
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
