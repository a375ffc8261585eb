//! A draft decision (dự thảo quyết định) for a proposal that was sent: the province's decision granting what was
//! proposed. The authority line and "QUYẾT ĐỊNH:" centred, the bases in italics with their dates, Article 1 naming
//! each form and how many collectives and individuals receive it, Article 2 the cash award of each form, the annex
//! grouped by form (I. …, 1. Tập thể, 2. Cá nhân) with each recipient's amount. It answers the memo that submitted
//! the list; the signer's name and the decision's number are left for the province.

use rusqlite::Connection;

use super::{by_form, candidates, counts, frame, money, subject_name};
use crate::db::{catalog, proposals};
use crate::error::{refused_hint, Result};
use crate::output::document::{Block, Document, Signature};
use crate::rules::{self, Regime};

/// A candidate's subject: its unit, or its person.
type Subject = (Option<i64>, Option<i64>);

/// A draft decision for a sent or decided proposal.
pub fn decision(conn: &Connection, id: i64) -> Result<Document> {
    let p = proposals::get(conn, id)?;
    if p.status == crate::model::ProposalStatus::Draft {
        return Err(refused_hint(
            msg!("proposal #{} is a draft: a decision answers a proposal that was sent", id),
            msg!("send it first: `thidua proposal send {} --memo … --date …`", id),
        ));
    }
    let items = candidates(conn, id)?;
    let f = frame(conn)?;
    let province = f.province_name();
    // The decision is not dated yet: its rules and base salary are those in force when the memo went up.
    let on = p.memo_date.or(p.sent_on).unwrap_or_else(|| rules::judging_date(f.year));
    let forms = by_form(conn, &items)?;
    let mut body = vec![Block::Centered(format!("CHỦ TỊCH ỦY BAN NHÂN DÂN {}", province.to_uppercase()))];
    body.push(Block::Basis(format!("Căn cứ {};", Regime::local_government(on))));
    body.extend(f.bases(on, Block::Basis, false));
    body.push(Block::Basis(format!(
        "Xét đề nghị của {} tại Tờ trình số {} ngày {} và đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …… ngày …….",
        f.issuer,
        p.memo.clone().unwrap_or_else(|| "……".into()),
        p.memo_date.map(crate::text::format_date).unwrap_or_else(|| "……".into())
    )));
    body.push(Block::Centered("QUYẾT ĐỊNH:".into()));
    body.push(Block::Para(format!(
        "Điều 1. Tặng thưởng cho các tập thể, cá nhân thuộc {} đã có thành tích xuất sắc trong phong trào thi đua năm \
         {} (có danh sách kèm theo), gồm:",
        f.issuer, f.year
    )));
    for (n, (name, _, list)) in forms.iter().enumerate() {
        let c = list.iter().filter(|i| i.person_id.is_none()).count();
        let end = if n + 1 == forms.len() { "." } else { ";" };
        body.push(Block::Item(format!("{}. {name}: {}{end}", n + 1, counts(c, list.len() - c))));
    }
    // Article 2: each form's cash award, from the decree's coefficients and the base salary in force.
    let mut cash_lines = Vec::new();
    for (name, code, list) in &forms {
        let catalog = catalog::by_code(conn, code)?.and_then(|e| e.cash);
        for (collective, who) in [(true, "mỗi tập thể"), (false, "mỗi cá nhân")] {
            if !list.iter().any(|i| i.person_id.is_none() == collective) {
                continue;
            }
            if let Some((k, amount)) =
                rules::coefficient(code, catalog, collective).and_then(|k| rules::cash(k, on).map(|a| (k, a)))
            {
                cash_lines.push(format!(
                    "{name}: {who} {} lần mức lương cơ sở, bằng {} đồng",
                    crate::text::format_number(k, true),
                    money(amount)
                ));
            }
        }
    }
    match rules::base_salary(on) {
        Some((base, decree)) if !cash_lines.is_empty() => {
            body.push(Block::Para(format!(
                "Điều 2. Tiền thưởng kèm theo tính trên mức lương cơ sở {} đồng ({decree}), làm tròn lên hàng chục \
                 nghìn đồng: {}. Một tập thể, cá nhân được nhiều hình thức khen thưởng cho cùng một thành tích chỉ \
                 nhận mức tiền thưởng cao nhất. Kinh phí khen thưởng chi từ Quỹ thi đua, khen thưởng của tỉnh.",
                money(base),
                cash_lines.join("; ")
            )));
        }
        _ => body.push(Block::Para(
            "Điều 2. Tiền thưởng kèm theo thực hiện theo quy định của Luật Thi đua, khen thưởng và các văn bản hướng \
             dẫn thi hành."
                .into(),
        )),
    }
    body.push(Block::Para(format!(
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân {province}, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có \
         liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
    )));
    // The annex: by form, collectives then individuals; one subject with several forms for the same achievement
    // receives the highest amount only.
    let amount = |i: &proposals::Item| -> Result<Option<u64>> {
        let catalog = catalog::by_code(conn, &i.code)?.and_then(|e| e.cash);
        Ok(rules::coefficient(&i.code, catalog, i.person_id.is_none()).and_then(|k| rules::cash(k, on)))
    };
    // (subject, the candidate paid, its amount)
    let mut best: Vec<(Subject, i64, u64)> = Vec::new();
    for i in &items {
        let a = amount(i)?.unwrap_or(0);
        let key = (i.unit_id, i.person_id);
        match best.iter_mut().find(|(k, _, _)| *k == key) {
            Some(b) if a > b.2 => *b = (key, i.id, a),
            Some(_) => {}
            None => best.push((key, i.id, a)),
        }
    }
    let annex = super::annex_by_form(
        &forms,
        &["STT", "Tên tập thể, cá nhân", "Số tiền thưởng (đồng)"],
        false,
        |i| {
            let paid = best.iter().any(|(_, id, _)| *id == i.id);
            let cash = match amount(i)? {
                Some(a) if paid => money(a),
                Some(_) => "Nhận mức cao hơn".into(),
                None => String::new(),
            };
            Ok(vec![subject_name(conn, i.unit_id, i.person_id, &i.name)?, cash])
        },
    )?;
    let names: Vec<&str> = forms.iter().map(|(n, _, _)| n.as_str()).collect();
    Ok(Document {
        parent: None,
        issuer: format!("Ủy ban nhân dân {province}"),
        number: None,
        symbol: "QĐ-UBND".into(),
        place: f.place,
        date: None,
        kind: "QUYẾT ĐỊNH".into(),
        subject: Some(format!("Về việc tặng {}", names.join(" và "))),
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
            format!("(Kèm theo Quyết định số      /QĐ-UBND ngày      của Chủ tịch Ủy ban nhân dân {province})"),
            annex,
        )),
    })
}
