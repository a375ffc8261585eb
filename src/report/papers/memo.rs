//! The memo (tờ trình) of a proposal with its annexed list (danh sách đề nghị): to the one who decides, the legal
//! bases and the council's minutes, the counts by form, then the list grouped by form, collectives then individuals,
//! each with a summary of achievement and a note.

use rusqlite::Connection;

use super::{by_form, candidates, counts, frame, subject_line, subject_name};
use crate::db::{council, proposals};
use crate::error::Result;
use crate::output::document::{long_date, Block, Document};

/// A unit's summary of achievement from what the file knows of the year: its place and points in the bloc's
/// ranking and its band, its pledge completed, its rating; what `proposal add --from-ranking` writes for a candidate.
pub fn unit_summary(conn: &Connection, unit_id: i64) -> Result<Option<String>> {
    let bloc = crate::db::meta::bloc(conn)?;
    let (standings, _) = super::super::ranking::rank(conn, &crate::db::units::members(conn)?)?;
    let Some(s) = standings.iter().find(|s| s.unit_id == unit_id && s.scored) else { return Ok(None) };
    let of = standings.iter().filter(|x| x.scored).count();
    let points = crate::text::format_number(s.total, true);
    let mut parts = vec![if s.rank == 1 {
        format!("Dẫn đầu phong trào thi đua của {} năm {}, đạt {points} điểm", bloc.name, bloc.year)
    } else {
        format!(
            "Xếp thứ {}/{of} trong phong trào thi đua của {} năm {}, đạt {points} điểm",
            s.rank, bloc.name, bloc.year
        )
    }];
    if s.band != "not_ranked" && !s.band.is_empty() {
        parts[0].push_str(&format!(
            ", xếp loại {}",
            crate::output::labels::label(&format!("band.{}", s.band), crate::output::Lang::Vi)
        ));
    }
    if let Some(c) = crate::db::campaigns::the_regular(conn)? {
        let end = crate::rules::judging_date(bloc.year);
        if let Some(p) = super::super::pledges::completion(conn, c.id, end)?.into_iter().find(|p| p.unit_code == s.code)
        {
            // Only a pledge fulfilled speaks for the unit in a proposal.
            if p.pledge.is_some() && p.targets > 0 && p.met == p.targets {
                parts.push(format!("hoàn thành {}/{} chỉ tiêu giao ước thi đua", p.met, p.targets));
            }
        }
    }
    let rated = crate::db::ratings::of(conn, Some(unit_id), None)?.into_iter().any(|r| {
        r.year == bloc.year && r.org == crate::model::Org::Own && r.level == crate::model::RatingLevel::Excellent
    });
    if rated {
        parts.push(format!("được đánh giá hoàn thành xuất sắc nhiệm vụ năm {}", bloc.year));
    }
    Ok(Some(format!("{}.", parts.join("; "))))
}

/// A candidate's summary: what the secretary wrote, else, for a unit, what the file knows of its year.
fn summary(conn: &Connection, i: &proposals::Item) -> Result<String> {
    if let Some(s) = i.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        return Ok(s.to_string());
    }
    Ok(match (i.person_id, i.unit_id) {
        (None, Some(u)) => unit_summary(conn, u)?.unwrap_or_default(),
        _ => String::new(),
    })
}

/// The memo with its annexed list (tờ trình + danh sách đề nghị) for a proposal.
pub fn memo(conn: &Connection, id: i64) -> Result<Document> {
    let p = proposals::get(conn, id)?;
    let items = candidates(conn, id)?;
    let f = frame(conn)?;
    // To the one who decides: the Chair of the provincial People's Committee, through the Department of Home
    // Affairs, unless the proposal names its addressee.
    let (to, through) = match &p.addressee {
        Some(a) => (a.clone(), None),
        None => (format!("Chủ tịch Ủy ban nhân dân {}", f.province_name()), Some("(qua Sở Nội vụ)".to_string())),
    };
    let on = p.memo_date.unwrap_or_else(|| crate::rules::judging_date(f.year));
    let mut body = f.bases(on, Block::Para, true);
    if let Some(s) = p.session_id.map(|s| council::session(conn, &s.to_string())).transpose()? {
        body.push(Block::Para(format!(
            "Căn cứ Biên bản họp xét thi đua, khen thưởng {} của {};",
            long_date(s.held_on),
            f.issuer
        )));
    }
    let forms = by_form(conn, &items)?;
    body.push(Block::Para(format!(
        "{} kính trình {to} xem xét, khen thưởng cho các tập thể, cá nhân đã có thành tích xuất sắc trong phong \
         trào thi đua năm {}, cụ thể như sau:",
        f.issuer, f.year
    )));
    for (n, (name, _, list)) in forms.iter().enumerate() {
        let c = list.iter().filter(|i| i.person_id.is_none()).count();
        let end = if n + 1 == forms.len() { "." } else { ";" };
        body.push(Block::Item(format!("- {name}: {}{end}", counts(c, list.len() - c))));
    }
    body.push(Block::Para("(Có danh sách và báo cáo thành tích kèm theo)".into()));
    body.push(Block::Blank("Tóm tắt thành tích nổi bật của Khối trong năm".into()));
    body.push(Block::Para(format!("Kính trình {to} xem xét, quyết định./.")));
    let annex = super::annex_by_form(
        &forms,
        &["STT", "Tên tập thể, cá nhân", "Tóm tắt thành tích", "Ghi chú"],
        true,
        |i| {
            let note = match &i.forced {
                Some(reason) => format!("Đề nghị không qua kết quả bỏ phiếu của Hội đồng: {reason}"),
                None => String::new(),
            };
            Ok(vec![subject_name(conn, i.unit_id, i.person_id, &i.name)?, summary(conn, i)?, note])
        },
    )?;
    let number = p.memo.clone();
    let symbol = f.symbol("TTr");
    let sub = match (&number, p.memo_date) {
        (Some(n), Some(d)) => {
            format!("(Kèm theo Tờ trình số {n} ngày {} của {})", crate::text::format_date(d), f.issuer)
        }
        _ => format!("(Kèm theo Tờ trình số      /{symbol} ngày      của {})", f.issuer),
    };
    let mut recipients = vec!["Như trên".to_string()];
    if through.is_some() {
        recipients.push("Sở Nội vụ (Ban Thi đua – Khen thưởng)".into());
    }
    recipients.extend(["Các đơn vị thành viên Khối".to_string(), "Lưu: VT".to_string()]);
    let mut to_lines = vec![to];
    to_lines.extend(through);
    Ok(Document {
        parent: f.parent,
        issuer: f.issuer,
        number,
        symbol,
        place: f.place,
        date: p.memo_date,
        kind: "TỜ TRÌNH".into(),
        subject: Some(subject_line(&p.title)),
        to: to_lines,
        body,
        recipients,
        signature: Some(f.signature),
        second_signature: None,
        annex: Some(("Danh sách đề nghị khen thưởng".into(), sub, annex)),
    })
}
