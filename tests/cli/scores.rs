//! Scoring, ranking, bands, proposals, the lock; on the seven-unit bloc.

use crate::{csv_rows, Env};

const CRITERIA: &str = "code,group,group_name,name,max,kind\n\
    A1,A,Thực hiện nhiệm vụ chính trị,Chỉ tiêu chuyên môn,40,base\n\
    A2,A,Thực hiện nhiệm vụ chính trị,Cải cách hành chính,20,base\n\
    B1,B,Công tác thi đua khen thưởng,Phát động và sơ kết,20,base\n\
    C1,C,Đảng và đoàn thể,Tổ chức đảng,20,base\n\
    T1,T,Điểm thưởng,Khen thưởng cấp cao,5,bonus\n\
    P1,P,Điểm trừ,Vi phạm kỷ luật,5,penalty\n";

/// Seven units scored by (A1, A2, B1, C1, T1, P1), self = assessed.
fn scored(rows: &[(&str, [f64; 6])]) -> Env {
    let e = Env::init();
    e.seven_units();
    let f = e.write("tc.csv", CRITERIA);
    e.ok(&["score", "criteria", "import", &f]);
    let mut sheet = String::from("unit,criterion,self,assessed\n");
    for (unit, pts) in rows {
        for (c, p) in ["A1", "A2", "B1", "C1", "T1", "P1"].iter().zip(pts) {
            sheet.push_str(&format!("{unit},{c},{p},{p}\n"));
        }
    }
    let f = e.write("diem.csv", &sheet);
    e.ok(&["score", "import", &f]);
    e
}

fn ranking(e: &Env) -> Vec<Vec<String>> {
    csv_rows(&e.ok(&["report", "ranking", "--format", "csv"]).bytes)
}

/// (rank, unit, total, band, proposal) per row.
fn brief(rows: &[Vec<String>]) -> Vec<(String, String, String, String, String)> {
    let h = &rows[0];
    let at = |k: &str| h.iter().position(|c| c == k).unwrap();
    rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[at("total")].clone(), r[at("band")].clone(), r[at("proposal")].clone()))
        .collect()
}

fn seven() -> Vec<(&'static str, [f64; 6])> {
    vec![
        ("CT", [38.0, 19.0, 19.0, 19.0, 3.0, 0.0]),    // 98
        ("BHXH", [39.0, 20.0, 18.0, 19.0, 5.0, 4.0]),  // 97
        ("CTHUE", [36.0, 18.0, 18.0, 18.0, 2.0, 0.0]), // 92
        ("HQ", [35.0, 18.0, 17.0, 18.0, 0.0, 0.0]),    // 88
        ("KBNN", [34.0, 17.0, 17.0, 17.0, 0.0, 1.0]),  // 84
        ("NHNN", [30.0, 15.0, 15.0, 15.0, 0.0, 0.0]),  // 75
        ("QLTT", [33.0, 17.0, 17.0, 17.0, 0.0, 0.0]),  // 84
    ]
}

#[test]
fn totals_with_bonus_and_penalty_and_caps() {
    let e = scored(&seven());
    let b = brief(&ranking(&e));
    assert_eq!(
        b.iter().map(|x| (x.1.as_str(), x.2.as_str())).collect::<Vec<_>>(),
        [("CT", "98"), ("BHXH", "97"), ("CTHUE", "92"), ("HQ", "88"), ("KBNN", "84"), ("QLTT", "84"), ("NHNN", "75")]
    );
    // KBNN and QLTT tie at 84: KBNN has more points in the first group (51 against 50).
    assert!(ranking(&e)[5].last().unwrap().contains("ahead of QLTT at equal total: more points in the first group"));
    // Above the maximum, or negative: refused, naming both.
    let err = e.fails(&["score", "set", "CT", "T1", "--assessed", "6"], 1);
    assert!(err.contains("assessed points 6 on T1 are above its maximum 5"), "{err}");
    let err = e.fails(&["score", "set", "CT", "P1", "--self=-1"], 1);
    assert!(err.contains("negative"), "{err}");
    let f = e.write("bad.csv", "unit,criterion,assessed\nCT,A1,41\nHQ,Z9,3\n");
    let err = e.fails(&["score", "import", &f], 1);
    assert!(err.contains("bad.csv:2: column 'assessed': assessed points 41 on A1 are above its maximum 40"), "{err}");
    assert!(err.contains("bad.csv:3: column 'criterion': no criterion 'Z9'"), "{err}");
    // The group maxima are shown.
    let out = e.ok(&["score", "criteria", "list", "--format", "json"]).stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["sections"][1]["rows"][0]["max"], 60.0);
    assert_eq!(v["sections"][1]["lines"][0], "Max: 100 + bonus 5 − penalty 5");
}

#[test]
fn bands_and_proposals_with_quota_two() {
    let e = scored(&seven());
    let b = brief(&ranking(&e));
    let view: Vec<(&str, &str, &str)> = b.iter().map(|x| (x.1.as_str(), x.3.as_str(), x.4.as_str())).collect();
    assert_eq!(
        view,
        [
            ("CT", "excellent", "CTD_TINH"),
            ("BHXH", "excellent", "BK_TINH"),
            ("CTHUE", "good", "BK_TINH"),
            ("HQ", "good", ""),
            ("KBNN", "completed", ""),
            ("QLTT", "completed", ""),
            ("NHNN", "completed", ""),
        ]
    );
    // An excluded unit and a quota of 3.
    e.ok(&["score", "exclude", "BHXH", "--reason", "Đang thanh tra"]);
    e.ok(&["score", "settings", "--quota-bk", "3"]);
    let b = brief(&ranking(&e));
    let props: Vec<(&str, &str)> = b.iter().map(|x| (x.1.as_str(), x.4.as_str())).filter(|x| !x.1.is_empty()).collect();
    assert_eq!(props, [("CT", "CTD_TINH"), ("CTHUE", "BK_TINH"), ("HQ", "BK_TINH"), ("KBNN", "BK_TINH")]);
    let rows = ranking(&e);
    assert!(rows[2].last().unwrap().contains("excluded (Đang thanh tra)"), "{rows:?}");
    let info = e.ok(&["score", "settings", "--format", "json"]).stdout;
    assert!(info.contains("\"quota_bk\": 3"), "{info}");
}

#[test]
fn a_base_criterion_at_zero_caps_the_band() {
    let mut rows = seven();
    rows[0].1 = [40.0, 20.0, 20.0, 0.0, 5.0, 0.0]; // 85 + bonus; C1 at 0
    rows[1].1 = [40.0, 20.0, 20.0, 20.0, 0.0, 0.0]; // 100
    let e = scored(&rows);
    e.ok(&["score", "set", "CT", "C1", "--assessed", "0"]);
    e.ok(&["score", "set", "CT", "A1", "--assessed", "40"]);
    e.ok(&["score", "set", "CT", "T1", "--assessed", "5"]);
    // CT: 40+20+20+0+5 = 85; make it 95+ with a base criterion at 0 is impossible here, so lower the band.
    e.ok(&["score", "settings", "--band-excellent", "85", "--band-good", "80"]);
    let b = brief(&ranking(&e));
    let ct = b.iter().find(|x| x.1 == "CT").unwrap();
    assert_eq!((ct.2.as_str(), ct.3.as_str()), ("85", "good"));
    let bhxh = b.iter().find(|x| x.1 == "BHXH").unwrap();
    assert_eq!(bhxh.3, "excellent");
    let rows = ranking(&e);
    let ct_row = rows.iter().find(|r| r[1] == "CT").unwrap();
    assert!(ct_row.last().unwrap().contains("base criterion at 0"), "{ct_row:?}");
    let err = e.fails(&["score", "settings", "--band-good", "90"], 1);
    assert!(err.contains("starts above"), "{err}");
}

#[test]
fn ties_are_broken_by_each_rule_in_turn() {
    // CT and HQ both 98 at the top, with the same first group and penalty: nothing tells them apart yet.
    let mut rows = seven();
    rows[3].1 = rows[0].1;
    let e = scored(&rows);
    let top = |e: &Env| -> Vec<(String, String, String)> {
        brief(&ranking(e))[..3].iter().map(|x| (x.0.clone(), x.1.clone(), x.4.clone())).collect()
    };
    // Unresolved: a shared rank, the flag left to the meeting; one of the two will take a certificate.
    let t = top(&e);
    assert_eq!(
        t,
        [
            ("1=".into(), "CT".into(), "".into()),
            ("1=".into(), "HQ".into(), "".into()),
            ("3".into(), "BHXH".into(), "BK_TINH".into())
        ]
    );
    assert!(ranking(&e)[1].last().unwrap().contains("the meeting decides"));
    // Rule 1: at least 70% women. With CT's share not stated the rule has no data for the pair: it is skipped,
    // and the note says so (a share is never guessed from the few people the file holds).
    e.ok(&["unit", "edit", "HQ", "--female-share", "72,5"]);
    assert_eq!(top(&e)[0].0, "1=");
    assert!(ranking(&e)[2].last().unwrap().contains("women's share skipped"), "{:?}", ranking(&e));
    e.ok(&["unit", "edit", "CT", "--female-share", "60"]);
    let t = top(&e);
    assert_eq!(
        (t[0].1.as_str(), t[0].2.as_str(), t[1].1.as_str(), t[1].2.as_str()),
        ("HQ", "CTD_TINH", "CT", "BK_TINH")
    );
    assert!(ranking(&e)[1].last().unwrap().contains("ahead of CT at equal total: women are at least 70%"));
    let vi = e.ok(&["--lang", "vi", "report", "ranking", "--format", "md"]).stdout;
    assert!(vi.contains("xếp trên CT khi bằng điểm: tỷ lệ nữ từ 70% trở lên"), "{vi}");
    // Rule 2: the first group's points, when both have 70% women.
    e.ok(&["unit", "edit", "CT", "--female-share", "75"]);
    e.ok(&["score", "set", "CT", "A1", "--assessed", "39"]);
    e.ok(&["score", "set", "CT", "B1", "--assessed", "18"]);
    let t = top(&e);
    assert_eq!((t[0].1.as_str(), t[1].1.as_str()), ("CT", "HQ"));
    assert!(ranking(&e)[1].last().unwrap().contains("more points in the first group"));
    // Rule 3: fewer penalty points, with the same first group and total.
    e.ok(&["score", "set", "CT", "A1", "--assessed", "38"]);
    e.ok(&["score", "set", "CT", "B1", "--assessed", "19"]);
    e.ok(&["score", "set", "CT", "T1", "--assessed", "4"]);
    e.ok(&["score", "set", "CT", "P1", "--assessed", "1"]);
    let t = top(&e);
    assert_eq!((t[0].1.as_str(), t[1].1.as_str()), ("HQ", "CT"));
    assert!(ranking(&e)[1].last().unwrap().contains("fewer penalty points"));
    // The order of the rules is the bloc's to set: penalty first puts HQ ahead the same way.
    e.ok(&["score", "settings", "--tiebreak", "penalty,group_a"]);
    assert_eq!(top(&e)[0].1, "HQ");
    let err = e.fails(&["score", "settings", "--tiebreak", "penalty,age"], 1);
    assert!(err.contains("'age' is not a tie-break rule"), "{err}");
}

#[test]
fn unverified_and_incomplete_units_are_not_proposed() {
    let e = scored(&seven());
    e.ok(&["score", "set", "CT", "A1", "--self", "39"]);
    // A self score without an assessed one is shown as unverified; the unit is not fully scored.
    let e2 = Env::init();
    e2.seven_units();
    let f = e2.write("tc.csv", CRITERIA);
    e2.ok(&["score", "criteria", "import", &f]);
    e2.ok(&["score", "set", "CT", "A1", "--self", "35", "--evidence", "Báo cáo 6 tháng"]);
    let list = csv_rows(&e2.ok(&["score", "list", "--format", "csv"]).bytes);
    let ct = list.iter().find(|r| r[1] == "CT").unwrap();
    let h = &list[0];
    assert_eq!(ct[h.iter().position(|c| c == "unverified").unwrap()], "1");
    assert_eq!(ct[h.iter().position(|c| c == "complete").unwrap()], "no");
    assert_eq!(ct[h.iter().position(|c| c == "total_self").unwrap()], "35");
    let out = e2.ok(&["score", "explain", "CT"]).stdout;
    assert!(out.contains("unverified") && out.contains("Báo cáo 6 tháng"), "{out}");
    let b = brief(&ranking(&e2));
    assert!(b.iter().all(|x| x.4.is_empty()), "{b:?}");
}

#[test]
fn lock_and_unlock() {
    let e = scored(&seven());
    // A criterion added late: nobody has an assessed score on it yet, but NHNN.
    e.ok(&["score", "criteria", "add", "B2", "--group", "B", "--name", "Báo cáo đúng hạn", "--max", "5"]);
    e.ok(&["score", "set", "NHNN", "B2", "--self", "5", "--assessed", "5"]);
    let out = e.ok(&["score", "lock"]);
    assert!(out.stderr.contains("not fully scored: CT: 1 base criterion unassessed"), "{}", out.stderr);
    assert!(out.stderr.contains("locked the scores") && !out.stderr.contains("NHNN"), "{}", out.stderr);
    let err = e.fails(&["score", "set", "NHNN", "A1", "--assessed", "31"], 1);
    assert!(err.contains("the scores were locked at") && err.contains("score unlock"), "{err}");
    let f = e.write("d.csv", "unit,criterion,assessed\nNHNN,A1,31\n");
    e.fails(&["score", "import", &f], 1);
    e.fails(&["score", "criteria", "add", "X1", "--group", "X", "--name", "Mới", "--max", "5"], 1);
    let err = e.fails(&["score", "unlock"], 2);
    assert!(err.contains("--reason"), "{err}");
    e.ok(&["score", "unlock", "--reason", "Điều chỉnh theo kết luận thẩm định"]);
    e.ok(&["score", "set", "NHNN", "A1", "--assessed", "31"]);
    let (action, reason): (String, String) = e
        .conn()
        .query_row("SELECT action, reason FROM score_event ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((action.as_str(), reason.as_str()), ("unlock", "Điều chỉnh theo kết luận thẩm định"));
}

#[test]
fn explain_names_the_deciding_criteria() {
    let e = scored(&seven());
    e.ok(&["score", "set", "BHXH", "A1", "--self", "40", "--note", "Thẩm định giảm 1 điểm"]);
    let out = e.ok(&["score", "explain", "BHXH"]).stdout;
    assert!(out.contains("Rank 2/7: 97 points"), "{out}");
    // Against CT (rank 1): −1 in all; the biggest differences are the bonus, the penalty and A1.
    assert!(out.contains("vs CT (rank 1): -1 — P1 -4, T1 +2, A1 +1"), "{out}");
    assert!(out.contains("vs CTHUE (rank 3): +5"), "{out}");
    let rows = csv_rows(&e.ok(&["score", "explain", "BHXH", "--format", "csv"]).bytes);
    let a1 = rows.iter().find(|r| r.get(1).map(String::as_str) == Some("A1")).unwrap();
    assert_eq!(a1[5..8], ["40", "39", "-1"]);
}

#[test]
fn the_ranking_renders_in_every_format_and_joins_the_annual_review() {
    let e = scored(&seven());
    let md = e.ok(&["--lang", "vi", "report", "ranking", "--format", "md"]).stdout;
    assert!(md.starts_with("# Bảng tổng hợp kết quả chấm điểm thi đua năm 2020\n"), "{md}");
    assert!(md.contains("| Xếp hạng | Đơn vị | Tên đơn vị | A | B | C | Điểm cơ bản | Điểm thưởng | Điểm trừ | Tổng tự chấm | Tổng thẩm định | Xếp loại | Đề nghị | Ghi chú |"), "{md}");
    assert!(
        md.contains(
            "| 1 | CT | Cục Thống kê | 57 | 19 | 19 | 95 | 3 | 0 | 98 | 98 | Xuất sắc | Cờ thi đua của UBND tỉnh |"
        ),
        "{md}"
    );
    let v: serde_json::Value = serde_json::from_str(&e.ok(&["report", "ranking", "--format", "json"]).stdout).unwrap();
    assert_eq!(v["sections"][0]["rows"][0]["proposal"], "CTD_TINH");
    assert_eq!(v["sections"][0]["rows"][0]["total"], 98.0);
    // For people the form's name (in either language), for scripts its code.
    let table = e.ok(&["report", "ranking"]).stdout;
    assert!(table.contains("flag of the province") && !table.contains("CTD_TINH"), "{table}");
    assert!(!md.contains("CTD_TINH") && !md.contains("BK_TINH"), "{md}");
    let annual = e.ok(&["report", "annual", "--format", "md"]).stdout;
    assert!(annual.contains("## Ranking and proposals") && annual.contains("| 1 | CT |"), "{annual}");
}

#[test]
fn report_missing_lists_units_not_fully_scored() {
    let e = scored(&seven());
    e.ok(&["score", "criteria", "add", "B2", "--group", "B", "--name", "Báo cáo đúng hạn", "--max", "5"]);
    e.ok(&["score", "set", "NHNN", "B2", "--self", "5"]);
    let rows = csv_rows(&e.ok(&["report", "missing", "--as-of", "2020-12-31", "--format", "csv"]).bytes);
    let nhnn: Vec<&str> = rows.iter().filter(|r| r[0] == "NHNN").map(|r| r[2].as_str()).collect();
    assert!(nhnn.contains(&"not fully scored: 1 criteria not assessed, 1 unverified"), "{rows:?}");
    assert!(
        rows.iter().any(|r| r[0] == "CT" && r[2] == "not fully scored: 1 criteria not assessed, 0 unverified"),
        "{rows:?}"
    );
}

/// Two units tied for the last certificate, with nothing to tell them apart: the ranking proposes neither and says
/// the meeting decides, and a proposal built from the ranking leaves both out (issue 30).
#[test]
fn a_tie_across_the_quota_is_the_meetings_and_the_proposal_leaves_both_out() {
    let mut rows = seven();
    // CTHUE and HQ both 90, the same in every group and penalty: no rule tells them apart.
    rows[2].1 = [35.0, 18.0, 18.0, 18.0, 1.0, 0.0];
    rows[3].1 = [35.0, 18.0, 18.0, 18.0, 1.0, 0.0];
    let e = scored(&rows);
    e.ok(&["score", "settings", "--tiebreak", "group_a,penalty"]);
    let b = brief(&ranking(&e));
    let by = |u: &str| b.iter().find(|x| x.1 == u).unwrap().clone();
    assert_eq!(by("CT").4, "CTD_TINH");
    assert_eq!(by("BHXH").4, "BK_TINH");
    assert_eq!((by("CTHUE").4.as_str(), by("HQ").4.as_str(), by("KBNN").4.as_str()), ("", "", ""));
    let csv = String::from_utf8(e.ok(&["report", "ranking", "--format", "csv"]).bytes).unwrap();
    assert!(csv.contains("tied across the certificates' quota: the meeting decides, neither is proposed"), "{csv}");
    e.ok(&["proposal", "add", "--title", "Đề nghị", "--from-ranking"]);
    let units: Vec<String> = e
        .conn()
        .prepare("SELECT u.code FROM proposal_item i JOIN unit u ON u.id = i.unit_id ORDER BY i.id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(units, ["CT", "BHXH"]);
}
