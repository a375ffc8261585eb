//! An achievement report (báo cáo thành tích) of a unit or a person, after the annex forms of the decree in force
//! (Decree 152/2025/NĐ-CP; Decree 98/2023 and 91/2017 before it): its title names the award proposed; a person's has
//! her particulars, her ratings by year, her initiatives with their recognition, the titles and forms she received
//! with decision and issuer, and the head's confirmation beside her signature; a unit's has its profile, its figures
//! of the year and its own collective titles and forms — never its staff's personal ones.

use rusqlite::Connection;

use super::{form_name, frame, honoured, person};
use crate::db::{initiatives, proposals, ratings};
use crate::error::{refused, Result};
use crate::model::SubjectKind;
use crate::output::document::{Block, Document, Signature};
use crate::output::labels::label;
use crate::output::Lang;

/// The form the subject is proposed for in the file's latest proposal naming it, by its issuer's name.
fn proposed(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Option<String>> {
    for p in proposals::list(conn)?.iter().rev() {
        let items = proposals::items(conn, p.id)?;
        let mine = items.iter().find(|i| match person_id {
            Some(pid) => i.person_id == Some(pid),
            None => i.person_id.is_none() && i.unit_id == unit_id,
        });
        if let Some(i) = mine {
            return Ok(Some(form_name(conn, &i.code)?));
        }
    }
    Ok(None)
}

/// The titles and forms received, as the annex forms list them: 1. emulation titles, 2. forms of commendation, each
/// by year with its decision and issuer — this file's awards and the history carried from earlier files; a unit's
/// report lists its own (collective) ones only.
fn received(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Vec<Block>> {
    let mut list = super::super::history::achievements(conn, unit_id, person_id)?;
    if person_id.is_none() {
        list.retain(|a| a.subject == SubjectKind::Collective);
    }
    let mut out = Vec::new();
    for (n, (heading, category)) in
        [("Danh hiệu thi đua", "title"), ("Hình thức khen thưởng", "form")].iter().enumerate()
    {
        let mut rows = Vec::new();
        for a in &list {
            let entry = crate::db::catalog::by_code(conn, &a.code)?;
            if entry.as_ref().map_or("form", |e| e.category.as_str()) != *category {
                continue;
            }
            let on =
                a.decision_date.as_deref().and_then(|d| crate::text::parse_date(d).ok()).map(crate::text::format_date);
            let decision = match (&a.decision, on) {
                (Some(d), Some(on)) => format!("Quyết định số {d} ngày {on}"),
                (Some(d), None) => format!("Quyết định số {d}"),
                _ => String::new(),
            };
            let year = if a.year_from == a.year_to {
                a.year_to.to_string()
            } else {
                format!("{}–{}", a.year_from, a.year_to)
            };
            let name = entry.map_or_else(|| a.name.clone(), |e| e.name);
            rows.push(vec![(rows.len() + 1).to_string(), year, name, decision, a.issuer.clone().unwrap_or_default()]);
        }
        out.push(Block::Para(format!("{}. {heading}:", n + 1)));
        if rows.is_empty() {
            out.push(Block::Para("Chưa có.".into()));
        } else {
            out.push(Block::Table {
                columns: ["STT", "Năm", heading, "Số, ngày quyết định", "Cơ quan ban hành"].map(String::from).into(),
                rows,
            });
        }
    }
    Ok(out)
}

/// The subject's ratings by year (its own, or its Party organisation's and mass organisations' for a unit).
fn rated(conn: &Connection, unit_id: Option<i64>, person_id: Option<i64>) -> Result<Vec<Block>> {
    let list = ratings::of(conn, unit_id, person_id)?;
    if list.is_empty() {
        return Ok(vec![Block::Blank("Kết quả xếp loại, đánh giá các năm".into())]);
    }
    let rows = list
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let doc = match (&r.doc, r.doc_date) {
                (Some(d), Some(on)) => format!("{d} ngày {}", crate::text::format_date(on)),
                (Some(d), None) => d.clone(),
                _ => String::new(),
            };
            let mut v = vec![(n + 1).to_string(), r.year.to_string()];
            if person_id.is_none() {
                v.push(label(&format!("org.{}", r.org.as_str()), Lang::Vi).to_string());
            }
            v.push(label(&format!("rating.{}", r.level.as_str()), Lang::Vi).to_string());
            v.push(doc);
            v
        })
        .collect();
    let mut columns = vec!["STT", "Năm"];
    if person_id.is_none() {
        columns.push("Tổ chức");
    }
    columns.extend(["Kết quả xếp loại", "Văn bản đánh giá"]);
    Ok(vec![Block::Table { columns: columns.into_iter().map(String::from).collect(), rows }])
}

/// An achievement report of a unit or a person; `code`: the title or form it is written for (else the one the file's
/// latest proposal names the subject for).
pub fn achievements(
    conn: &Connection,
    unit_id: Option<i64>,
    person_id: Option<i64>,
    code: Option<&str>,
) -> Result<Document> {
    let f = frame(conn)?;
    let form = match code {
        Some(c) => Some(form_name(conn, c)?),
        None => proposed(conn, unit_id, person_id)?,
    };
    let subject = match &form {
        Some(name) => format!("Đề nghị tặng {name}"),
        None => format!("Đề nghị khen thưởng năm {}", f.year),
    };
    let mut body = Vec::new();
    let (issuer, signature, second) = match (person_id, unit_id) {
        (Some(pid), _) => {
            let p = person(conn, pid)?;
            body.push(Block::Heading("I. SƠ LƯỢC LÝ LỊCH".into()));
            body.push(Block::Para(format!("Họ và tên: {}.", honoured(p.gender, &p.full_name))));
            if let Some(b) = p.born {
                body.push(Block::Para(format!("Năm sinh: {b}.")));
            }
            if let Some(g) = p.gender {
                body.push(Block::Para(format!(
                    "Giới tính: {}.",
                    if g == crate::model::Gender::F { "Nữ" } else { "Nam" }
                )));
            }
            if let Some(pos) = &p.position {
                body.push(Block::Para(format!("Chức vụ: {pos}.")));
            }
            body.push(Block::Para(format!("Đơn vị công tác: {}.", p.unit_name)));
            body.push(Block::Blank("Quê quán; trình độ chuyên môn, lý luận chính trị".into()));
            body.push(Block::Heading("II. THÀNH TÍCH ĐẠT ĐƯỢC".into()));
            body.push(Block::Para("1. Quyền hạn, nhiệm vụ được giao:".into()));
            body.push(Block::Blank("Quyền hạn, nhiệm vụ được giao".into()));
            body.push(Block::Para("2. Thành tích đạt được:".into()));
            body.push(Block::Blank(format!("Thành tích năm {}, số liệu cụ thể", f.year)));
            body.push(Block::Para("Kết quả xếp loại, đánh giá:".into()));
            body.extend(rated(conn, None, Some(pid))?);
            let list = initiatives::of_person(conn, pid)?;
            if !list.is_empty() {
                body.push(Block::Para("Sáng kiến, đề tài được công nhận:".into()));
                let rows = list
                    .iter()
                    .enumerate()
                    .map(|(n, i)| {
                        let recognised: Vec<String> = [
                            i.body.clone(),
                            i.decision.as_ref().map(|d| format!("số {d}")),
                            i.decided_on.map(|d| format!("ngày {}", crate::text::format_date(d))),
                        ]
                        .into_iter()
                        .flatten()
                        .collect();
                        vec![
                            (n + 1).to_string(),
                            i.title.clone(),
                            label(&format!("scope.{}", i.scope.as_str()), Lang::Vi).to_string(),
                            recognised.join(", "),
                        ]
                    })
                    .collect();
                body.push(Block::Table {
                    columns: ["STT", "Tên sáng kiến, đề tài", "Phạm vi ảnh hưởng", "Cơ quan công nhận, số, ngày"]
                        .map(String::from)
                        .into(),
                    rows,
                });
            }
            body.push(Block::Heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG".into()));
            body.extend(received(conn, None, Some(pid))?);
            let head = Signature {
                authority: None, title: "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ".into(), name: "……".into()
            };
            let me = Signature {
                authority: None, title: "NGƯỜI BÁO CÁO THÀNH TÍCH".into(), name: p.full_name.clone()
            };
            (p.unit_name.clone(), me, Some(head))
        }
        (None, Some(uid)) => {
            let u = crate::db::units::get(conn, uid)?;
            body.push(Block::Heading("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH".into()));
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
                None => body.push(Block::Blank("Tổng số cán bộ, công chức, người lao động; nữ; đảng viên".into())),
            }
            match staff.and_then(|s| s.function) {
                Some(f) => body.push(Block::Para(format!("Chức năng, nhiệm vụ được giao: {f}"))),
                None => body.push(Block::Blank("Chức năng, nhiệm vụ được giao".into())),
            }
            body.push(Block::Heading("II. THÀNH TÍCH ĐẠT ĐƯỢC".into()));
            body.push(Block::Blank(format!("Thành tích năm {}, số liệu cụ thể", f.year)));
            body.extend(unit_figures(conn, uid, f.year)?);
            body.push(Block::Para("Kết quả xếp loại, đánh giá:".into()));
            body.extend(rated(conn, Some(uid), None)?);
            body.push(Block::Heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG".into()));
            body.extend(received(conn, Some(uid), None)?);
            let head = Signature { authority: None, title: "THỦ TRƯỞNG ĐƠN VỊ".into(), name: "……".into() };
            (u.name.clone(), head, None)
        }
        (None, None) => return Err(refused("name the subject with --unit or --person")),
    };
    Ok(Document {
        parent: None,
        issuer,
        number: None,
        symbol: "BC".into(),
        place: f.place,
        date: None,
        kind: "BÁO CÁO THÀNH TÍCH".into(),
        subject: Some(subject),
        to: Vec::new(),
        body,
        recipients: Vec::new(),
        signature: Some(signature),
        second_signature: second,
        annex: None,
    })
}

/// A unit's figures of the year from the file: its pledge at the year's end, its points and rank in the bloc.
fn unit_figures(conn: &Connection, unit_id: i64, year: i32) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    let u = crate::db::units::get(conn, unit_id)?;
    if let Some(c) = crate::db::campaigns::the_regular(conn)? {
        let end = chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
        if let Some(p) = super::super::pledges::completion(conn, c.id, end)?.into_iter().find(|p| p.unit_code == u.code)
        {
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
    let (st, _) = super::super::ranking::rank(conn, &crate::db::units::members(conn)?)?;
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
