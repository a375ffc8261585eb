//! The signing list (danh sách ký nhận) of a decision's awards, for the ceremony and the payment: each recipient by
//! name, the form by its issuer's name, the cash award (the catalog's coefficient times the base salary in force on
//! the decision's date, rounded up to 10,000 đồng) and its total, a row tall enough to sign in; a collective signs
//! through its representative.

use rusqlite::Connection;

use super::{form_name, frame, money, person};
use crate::db::{awards, catalog};
use crate::error::{refused_hint, Result};
use crate::model::Decision;
use crate::output::document::{Block, Document, Signature};

/// A Giấy khen by its issuer, as it is printed: "Giấy khen của Giám đốc Bảo hiểm xã hội tỉnh" from the decision's
/// signer and issuer (the signer alone when it names the body already); other forms as they are.
fn giay_khen(name: &str, code: &str, d: &Decision) -> String {
    if !code.eq_ignore_ascii_case("GK") {
        return name.to_string();
    }
    match d.signer.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) if crate::text::fold_key(s).contains(&crate::text::fold_key(&d.issuer)) => format!("{name} của {s}"),
        Some(s) => format!("{name} của {s} {}", d.issuer),
        None => format!("{name} của {}", d.issuer),
    }
}

/// The signing list of a decision's awards.
pub fn signing(conn: &Connection, d: &Decision) -> Result<Document> {
    let list = awards::list(conn, &awards::Filter { decision_id: Some(d.id), ..Default::default() })?;
    if list.is_empty() {
        return Err(refused_hint(
            msg!("decision {} has no awards recorded", d.number),
            "record them with `thidua award add` or `thidua award import`",
        ));
    }
    let f = frame(conn)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut total = 0u64;
    let mut priced = false;
    for (n, a) in list.iter().enumerate() {
        let who = match a.person_id {
            Some(p) => super::person_line(&person(conn, p)?),
            None => format!("{}\n(Đại diện: ……………………)", a.recipient),
        };
        let k = crate::rules::coefficient(
            &a.code,
            catalog::by_code(conn, &a.code)?.and_then(|e| e.cash),
            a.person_id.is_none(),
        );
        let cash = k.and_then(|c| crate::rules::cash(c, d.issued_on));
        total += cash.unwrap_or(0);
        priced |= cash.is_some();
        rows.push(vec![
            (n + 1).to_string(),
            who,
            giay_khen(&form_name(conn, &a.code)?, &a.code, d),
            cash.map(money).unwrap_or_default(),
            String::new(),
        ]);
    }
    // No amount known (an individual's Giấy khen): the total is left to fill, not written as 0.
    let sum = if priced { money(total) } else { String::new() };
    rows.push(vec![String::new(), "Tổng cộng".into(), String::new(), sum, String::new()]);
    let mut body = vec![Block::Table {
        columns: ["STT", "Tập thể, cá nhân", "Hình thức khen thưởng", "Số tiền (đồng)", "Ký nhận"]
            .map(String::from)
            .into(),
        rows,
    }];
    if let Some((base, decree)) = crate::rules::base_salary(d.issued_on) {
        body.push(Block::Para(format!(
            "Số tiền tính theo mức lương cơ sở {} đồng ({decree}), làm tròn lên hàng chục nghìn đồng.",
            money(base)
        )));
    }
    let symbol = f.symbol("DS");
    Ok(Document {
        parent: f.parent,
        issuer: f.issuer,
        number: None,
        symbol,
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
        body,
        recipients: vec!["Lưu: VT".into()],
        signature: Some(Signature {
            authority: None, title: "NGƯỜI LẬP DANH SÁCH".into(), name: f.signature.name
        }),
        second_signature: None,
        annex: None,
    })
}
