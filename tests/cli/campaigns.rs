//! Campaigns: add with the seed story's slogan and motto, dates checked, planned → launched → closed.

use crate::{csv_rows, Env};

const SLOGAN: &str = "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc";
const MOTTO: &str = "Kỷ cương, liêm chính, hành động, trách nhiệm, sáng tạo, hiệu quả";

pub fn add_pt2020(e: &Env) {
    e.ok(&[
        "campaign",
        "add",
        "PT2020",
        "--name",
        "Phong trào thi đua năm 2020",
        "--kind",
        "regular",
        "--slogan",
        SLOGAN,
        "--motto",
        MOTTO,
        "--purpose",
        "Lập thành tích chào mừng Đại hội Thi đua yêu nước tỉnh lần thứ V",
        "--start",
        "01/01/2020",
        "--end",
        "31/12/2020",
    ]);
}

#[test]
fn the_seed_campaign_is_kept_as_written() {
    let e = Env::init();
    add_pt2020(&e);
    let (slogan, motto, kind, status, start): (String, String, String, String, String) = e
        .conn()
        .query_row("SELECT slogan, motto, kind, status, start_date FROM campaign WHERE code = 'PT2020'", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap();
    assert_eq!((slogan.as_str(), motto.as_str()), (SLOGAN, MOTTO));
    assert_eq!((kind.as_str(), status.as_str(), start.as_str()), ("regular", "planned", "2020-01-01"));
    let out = e.ok(&["campaign", "show", "PT2020"]).stdout;
    assert!(out.contains(SLOGAN) && out.contains(MOTTO) && out.contains("01/01/2020"), "{out}");
}

#[test]
fn dates_are_checked() {
    let e = Env::init();
    let err = e.fails(
        &["campaign", "add", "X", "--name", "X", "--kind", "thematic", "--start", "01/05/2020", "--end", "01/01/2020"],
        1,
    );
    assert!(err.contains("the end 01/01/2020 is before the start 01/05/2020"), "{err}");
    let err = e.fails(&["campaign", "add", "X", "--name", "X", "--kind", "thematic", "--start", "31/02/2020"], 2);
    assert!(err.contains("'31/02/2020' is not a date"), "{err}");
    let err = e.fails(&["campaign", "add", "X", "--name", "X", "--kind", "thematic", "--start", "01/02/20"], 2);
    assert!(err.contains("year"), "{err}");
    // Thematic campaigns span years.
    e.ok(&[
        "campaign",
        "add",
        "GD",
        "--name",
        "Giai đoạn 2015–2020",
        "--kind",
        "thematic",
        "--start",
        "2015-01-01",
        "--end",
        "2020-12-31",
    ]);
    assert_eq!(e.count("SELECT count(*) FROM campaign"), 1);
}

#[test]
fn launch_and_close() {
    let e = Env::init();
    add_pt2020(&e);
    let err = e.fails(&["campaign", "close", "PT2020", "--date", "31/12/2020"], 1);
    assert!(err.contains("has not been launched"), "{err}");
    let err = e.fails(&["campaign", "launch", "PT2020", "--date", "20/12/2019"], 1);
    assert!(err.contains("outside the file's year 2020") && err.contains("--force"), "{err}");
    e.ok(&["campaign", "launch", "pt2020", "--date", "15/02/2020"]);
    let err = e.fails(&["campaign", "launch", "PT2020", "--date", "16/02/2020"], 1);
    assert!(err.contains("already launched"), "{err}");
    let err = e.fails(&["campaign", "close", "PT2020", "--date", "01/02/2020"], 1);
    assert!(err.contains("before its launch on 15/02/2020"), "{err}");
    e.ok(&["campaign", "close", "PT2020", "--date", "31/12/2020"]);
    let rows = csv_rows(&e.ok(&["campaign", "list", "--format", "csv"]).bytes);
    assert_eq!(rows[0][..8], ["code", "name", "kind", "status", "start", "end", "launched_on", "closed_on"]);
    assert_eq!(
        rows[1][..8],
        [
            "PT2020",
            "Phong trào thi đua năm 2020",
            "regular",
            "closed",
            "2020-01-01",
            "2020-12-31",
            "2020-02-15",
            "2020-12-31"
        ]
    );
    // A campaign launched in an earlier year, with --force.
    e.ok(&["campaign", "add", "GD", "--name", "Giai đoạn 2015–2020", "--kind", "thematic"]);
    e.ok(&["campaign", "launch", "GD", "--date", "05/03/2015", "--force"]);
    let vi = e.ok(&["--lang", "vi", "campaign", "list"]).stdout;
    assert!(vi.contains("Đã kết thúc") && vi.contains("Chuyên đề") && vi.contains("Thường xuyên"), "{vi}");
}

#[test]
fn edit_and_remove() {
    let e = Env::init();
    add_pt2020(&e);
    e.ok(&[
        "campaign",
        "edit",
        "PT2020",
        "--launcher",
        "Khối thi đua các Cơ quan Trung ương",
        "--doc",
        "05/KH-KTĐ",
        "--motto",
        "",
    ]);
    let (launcher, motto): (String, Option<String>) =
        e.conn().query_row("SELECT launcher, motto FROM campaign", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((launcher.as_str(), motto), ("Khối thi đua các Cơ quan Trung ương", None));
    let err = e.fails(&["campaign", "edit", "PT2020", "--end", "2019-01-01"], 1);
    assert!(err.contains("before the start"), "{err}");
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê"]);
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "CT", "--campaign", "PT2020"]);
    let err = e.fails(&["campaign", "remove", "PT2020", "--yes"], 1);
    assert!(err.contains("1 registration"), "{err}");
}
