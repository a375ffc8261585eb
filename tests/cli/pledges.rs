//! Pledges: signing, targets (at least, at most, qualitative), progress over time, completion at a date.

use crate::campaigns::add_pt2020;
use crate::{csv_rows, Env};

fn bloc() -> Env {
    let e = Env::init();
    e.seven_units();
    add_pt2020(&e);
    e.ok(&["campaign", "launch", "PT2020", "--date", "15/02/2020"]);
    e
}

#[test]
fn signing_once_per_unit_and_all_seven_at_the_conference() {
    let e = bloc();
    e.ok(&["pledge", "sign", "--unit", "CTHUE", "--date", "27/02/2020", "--place", "Cục Thống kê"]);
    let err = e.fails(&["pledge", "sign", "--unit", "cthue", "--date", "28/02/2020"], 1);
    assert!(err.contains("CTHUE already signed the pledge of PT2020 on 27/02/2020"), "{err}");
    let out = e.ok(&["pledge", "sign", "--all", "--date", "27/02/2020", "--place", "Cục Thống kê"]);
    assert!(out.stderr.contains("6 units signed") && out.stderr.contains("1 had signed already"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM pledge"), 7);
    let err = e.fails(&["pledge", "sign", "--all", "--date", "27/02/2020"], 1);
    assert!(err.contains("every member unit has already signed"), "{err}");
    let err = e.fails(&["pledge", "sign", "--date", "27/02/2020"], 2);
    assert!(err.contains("--unit") || err.contains("--all"), "{err}");
}

#[test]
fn a_closed_or_missing_campaign_takes_no_pledge() {
    let e = Env::init();
    e.seven_units();
    let err = e.fails(&["pledge", "sign", "--unit", "CT", "--date", "27/02/2020"], 1);
    assert!(err.contains("no single open regular campaign") && err.contains("--campaign"), "{err}");
    add_pt2020(&e);
    e.ok(&["campaign", "launch", "PT2020", "--date", "15/02/2020"]);
    e.ok(&["campaign", "close", "PT2020", "--date", "31/12/2020"]);
    let err = e.fails(&["pledge", "sign", "--unit", "CT", "--campaign", "PT2020", "--date", "27/02/2020"], 1);
    assert!(err.contains("closed"), "{err}");
}

#[test]
fn targets_need_a_signed_pledge() {
    let e = bloc();
    let err = e
        .fails(&["pledge", "target", "add", "--unit", "CTHUE", "Thu ngân sách đạt 100% dự toán", "--target", "100"], 1);
    assert!(err.contains("CTHUE has not signed the pledge of PT2020"), "{err}");
    assert!(err.contains("hint: sign it first: `thidua pledge sign --unit CTHUE --date …`"), "{err}");
    e.ok(&["pledge", "sign", "--unit", "CTHUE", "--date", "27/02/2020"]);
    e.ok(&["pledge", "sign", "--unit", "BHXH", "--date", "27/02/2020"]);
    e.ok(&[
        "pledge",
        "target",
        "add",
        "--unit",
        "CTHUE",
        "Thu ngân sách đạt 100% dự toán",
        "--measure",
        "%",
        "--target",
        "100",
    ]);
    let err = e
        .fails(&["pledge", "target", "add", "--unit", "CTHUE", "thu ngan sach dat 100% du toan", "--target", "100"], 1);
    assert!(err.contains("already has this target: #1"), "{err}");
    e.ok(&["pledge", "target", "add", "--all", "Không có cán bộ vi phạm kỷ luật"]);
    assert_eq!(e.count("SELECT count(*) FROM pledge_target WHERE target IS NULL"), 2);
    // Vietnamese number style.
    e.ok(&["pledge", "target", "add", "--unit", "BHXH", "Thu BHXH", "--measure", "tỷ đồng", "--target", "1.234,5"]);
    assert_eq!(e.count("SELECT count(*) FROM pledge_target WHERE target = 1234.5"), 1);
    let err = e.fails(&["pledge", "target", "add", "--unit", "BHXH", "X", "--target", "mười"], 2);
    assert!(err.contains("'mười' is not a number"), "{err}");
}

#[test]
fn progress_history_completion_and_as_of() {
    let e = bloc();
    e.ok(&["pledge", "sign", "--all", "--date", "27/02/2020"]);
    e.ok(&[
        "pledge",
        "target",
        "add",
        "--unit",
        "CTHUE",
        "Thu ngân sách đạt 100% dự toán",
        "--measure",
        "%",
        "--target",
        "100",
    ]); // 1
    e.ok(&[
        "pledge",
        "target",
        "add",
        "--unit",
        "BHXH",
        "Tỷ lệ nợ đóng BHXH",
        "--measure",
        "%",
        "--target",
        "1,5",
        "--at-most",
    ]); // 2
    e.ok(&["pledge", "target", "add", "--unit", "BHXH", "Không có đơn thư khiếu nại vượt cấp"]); // 3
    let err = e.fails(&["pledge", "progress", "1", "--value", "40", "--as-of", "20/02/2020"], 1);
    assert!(err.contains("before CTHUE signed the pledge on 27/02/2020"), "{err}");
    e.ok(&["pledge", "progress", "1", "--value", "52,3", "--as-of", "30/06/2020"]);
    e.ok(&["pledge", "progress", "1", "--value", "101,2", "--as-of", "31/12/2020"]);
    e.ok(&["pledge", "progress", "2", "--value", "1,8", "--as-of", "30/06/2020"]);
    e.ok(&["pledge", "progress", "2", "--value", "1,2", "--as-of", "31/12/2020"]);
    e.ok(&["pledge", "progress", "3", "--met", "--as-of", "30/06/2020"]);
    let err = e.fails(&["pledge", "progress", "3", "--value", "1", "--as-of", "30/06/2020"], 1);
    assert!(err.contains("qualitative") && err.contains("--met"), "{err}");
    let err = e.fails(&["pledge", "progress", "1", "--met", "--as-of", "30/06/2020"], 1);
    assert!(err.contains("--value"), "{err}");
    // History is kept: two figures for target 1.
    assert_eq!(e.count("SELECT count(*) FROM pledge_progress WHERE target_id = 1"), 2);

    let show = |at: &str| csv_rows(&e.ok(&["pledge", "show", "CTHUE", "--as-of", at, "--format", "csv"]).bytes);
    let mid = show("2020-06-30");
    assert_eq!(mid[1][7..11], ["52.3", "2020-06-30", "52.3", "not_met"]);
    let end = show("31/12/2020");
    assert_eq!(end[1][7..11], ["101.2", "2020-12-31", "101.2", "met"]);
    let before = show("01/06/2020");
    assert_eq!(before[1][7..11], ["", "", "", "no_data"]);
    // At most: 1.8 > 1.5 not met at mid-year, 1.2 ≤ 1.5 met at year end.
    let bhxh = |at: &str| csv_rows(&e.ok(&["pledge", "show", "BHXH", "--as-of", at, "--format", "csv"]).bytes);
    assert_eq!(bhxh("2020-06-30")[1][10], "not_met");
    assert_eq!(bhxh("2020-12-31")[1][10], "met");
    assert_eq!(bhxh("2020-12-31")[2][10], "met");

    let list = |at: &str| -> Vec<(String, String, String, String)> {
        csv_rows(&e.ok(&["pledge", "list", "--as-of", at, "--format", "csv"]).bytes)[1..]
            .iter()
            .map(|r| (r[0].clone(), r[4].clone(), r[5].clone(), r[8].clone()))
            .collect()
    };
    let mid = list("2020-06-30");
    assert_eq!(mid.len(), 7);
    assert!(mid.contains(&("CTHUE".into(), "1".into(), "0".into(), "0".into())), "{mid:?}");
    assert!(mid.contains(&("BHXH".into(), "2".into(), "1".into(), "50".into())), "{mid:?}");
    assert!(mid.contains(&("CT".into(), "0".into(), "0".into(), "".into())), "{mid:?}");
    let end = list("2020-12-31");
    assert!(end.contains(&("CTHUE".into(), "1".into(), "1".into(), "100".into())), "{end:?}");
    assert!(end.contains(&("BHXH".into(), "2".into(), "2".into(), "100".into())), "{end:?}");
    // The default date is today within the file's year.
    let out = e.cmd(&["pledge", "list", "--format", "csv"]).env("THIDUA_TODAY", "2026-11-27").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("as of 31/12/2020"));
    // Vietnamese number style under --lang vi.
    let vi = e.ok(&["--lang", "vi", "pledge", "show", "CTHUE", "--as-of", "2020-06-30"]).stdout;
    assert!(vi.contains("52,3") && vi.contains("52,3%") && vi.contains("Chưa đạt"), "{vi}");
}

#[test]
fn import_targets_and_progress_all_or_nothing() {
    let e = bloc();
    e.ok(&["pledge", "sign", "--all", "--date", "27/02/2020"]);
    let good = "unit;target;measure;goal;at_most;actual;as_of;met\n\
                CTHUE;Thu ngân sách đạt 100% dự toán;%;100;;55;30/06/2020;\n\
                CTHUE;Thu ngân sách đạt 100% dự toán;%;100;;;;\n\
                HQ;Số vụ buôn lậu không phát hiện;vụ;5;có;2;30/06/2020;\n\
                KBNN;Giải ngân vốn đầu tư đúng hạn;;;;;30/06/2020;đạt\n";
    let bad =
        format!("{good}NHNN;Tăng trưởng tín dụng;%;12;;abc;30/06/2020;\nQLTT;Xử lý vi phạm;vụ;100;;10;01/01/2020;\n");
    let f = e.write("gu.csv", &bad);
    let err = e.fails(&["pledge", "import", &f], 1);
    assert!(err.contains("gu.csv:6: column 'actual': 'abc' is not a number"), "{err}");
    assert!(err.contains("gu.csv:7: column 'as_of': 01/01/2020 comes before QLTT signed on 27/02/2020"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM pledge_target"), 0);
    let f = e.write("gu.csv", good);
    let out = e.ok(&["pledge", "import", &f]);
    assert!(out.stderr.contains("targets: 3 inserted, 0 updated, 1 unchanged; progress: 3 inserted"), "{}", out.stderr);
    let again = e.ok(&["pledge", "import", &f]);
    assert!(
        again.stderr.contains("targets: nothing changed") && again.stderr.contains("progress: nothing changed"),
        "{}",
        again.stderr
    );
    let list = csv_rows(&e.ok(&["pledge", "list", "--as-of", "2020-06-30", "--format", "csv"]).bytes);
    let hq = list.iter().find(|r| r[0] == "HQ").unwrap();
    assert_eq!(hq[4..9], ["1", "1", "0", "0", "100"]);
    let kbnn = list.iter().find(|r| r[0] == "KBNN").unwrap();
    assert_eq!(kbnn[4..9], ["1", "1", "0", "0", "100"]);
    // What `pledge show` writes imports back.
    e.ok(&["pledge", "show", "HQ", "--as-of", "2020-06-30", "-o", "hq.csv"]);
    let again = e.ok(&["pledge", "import", e.path("hq.csv").to_str().unwrap()]);
    assert!(
        again.stderr.contains("targets: nothing changed") && again.stderr.contains("progress: nothing changed"),
        "{}",
        again.stderr
    );
}

/// A target, a figure and a whole pledge typed in error are corrected or taken back, each in one transaction with
/// its audit entry (issue 30).
#[test]
fn targets_figures_and_pledges_are_corrected_or_removed() {
    let e = bloc();
    e.ok(&["pledge", "sign", "--unit", "CTHUE", "--date", "27/02/2020"]);
    e.ok(&["pledge", "sign", "--unit", "HQ", "--date", "27/02/2020"]);
    e.ok(&["pledge", "target", "add", "--unit", "CTHUE", "Thu ngân sách đạt 100 dự toán", "--target", "100"]);
    e.ok(&["pledge", "target", "add", "--unit", "CTHUE", "Nợ thuế", "--target", "5", "--at-most"]);
    e.ok(&["pledge", "progress", "1", "--value", "60", "--as-of", "30/06/2020"]);
    e.ok(&["pledge", "progress", "1", "--value", "61", "--as-of", "01/07/2020"]);
    // The text and the value typed wrong; the direction kept; a text that another target holds refused.
    e.ok(&["pledge", "target", "edit", "1", "--text", "Thu ngân sách đạt 100% dự toán", "--measure", "%"]);
    let row: (String, Option<String>, f64, bool) = e
        .conn()
        .query_row("SELECT text, measure, target, at_most FROM pledge_target WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap();
    assert_eq!(row, ("Thu ngân sách đạt 100% dự toán".into(), Some("%".into()), 100.0, false));
    let err = e.fails(&["pledge", "target", "edit", "2", "--text", "thu ngan sach dat 100% du toan"], 1);
    assert!(err.contains("the pledge has this target already: #1"), "{err}");
    e.ok(&["pledge", "target", "edit", "2", "--qualitative"]);
    assert_eq!(e.count("SELECT count(*) FROM pledge_target WHERE id = 2 AND target IS NULL AND at_most = 0"), 1);
    // A figure typed for the wrong day goes; one that is not there is named.
    let before = e.count("SELECT count(*) FROM audit");
    let out = e.ok(&["pledge", "progress", "1", "--remove", "--as-of", "01/07/2020"]);
    assert!(out.stderr.contains("removed the figure of target #1 (CTHUE) as of 01/07/2020"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM audit"), before + 1);
    assert_eq!(e.count("SELECT count(*) FROM pledge_progress"), 1);
    let err = e.fails(&["pledge", "progress", "1", "--remove", "--as-of", "01/07/2020"], 1);
    assert!(err.contains("target #1 has no figure as of 01/07/2020"), "{err}");
    // A target, then a whole pledge, with what hangs on them.
    let out = e.ok(&["pledge", "target", "remove", "1", "--yes"]);
    assert!(out.stderr.contains("removed target #1 with its figures (1)"), "{}", out.stderr);
    e.fails(&["pledge", "target", "remove", "2"], 2);
    let out = e.ok(&["pledge", "remove", "--unit", "CTHUE", "--yes"]);
    assert!(out.stderr.contains("removed the pledge of CTHUE with its targets (1) and figures (0)"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM pledge"), 1);
    assert_eq!(e.count("SELECT count(*) FROM pledge_target"), 0);
    let err = e.fails(&["pledge", "remove", "--unit", "CTHUE", "--yes"], 1);
    assert!(err.contains("CTHUE has not signed the pledge of PT2020"), "{err}");
}
