//! Meetings: guests, talks, exemplars, and how they are found.

use crate::{csv_rows, Env};

#[test]
fn a_meeting_with_guests_talks_and_exemplars() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Trần Thị Yến Phương", "--position", "Phó Giám đốc"]);
    e.ok(&[
        "meeting",
        "add",
        "--kind",
        "midyear",
        "--date",
        "24/7/2020",
        "--place",
        "Cục Thống kê tỉnh",
        "--chair",
        "Tạ Thị Dân, Khối trưởng",
        "--guest",
        "Trần Thị Mỹ An, Trưởng ban Thi đua – Khen thưởng tỉnh",
        "--guest",
        "Nguyễn Văn B",
    ]);
    e.ok(&["meeting", "talk", "24/07/2020", "--person", "Trần Thị Yến Phương", "--topic", "Kinh nghiệm thu BHXH"]);
    e.ok(&["meeting", "exemplar", "1", "--unit", "BHXH", "--reason", "Dẫn đầu phong trào thi đua Khối năm 2019"]);
    let guests: Vec<(String, Option<String>)> = e
        .conn()
        .prepare("SELECT name, role FROM meeting_guest ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(
        guests,
        [
            ("Trần Thị Mỹ An".into(), Some("Trưởng ban Thi đua – Khen thưởng tỉnh".into())),
            ("Nguyễn Văn B".into(), None)
        ]
    );
    let out = e.ok(&["meeting", "show", "#1"]).stdout;
    assert!(
        out.contains("24/07/2020") && out.contains("Kinh nghiệm thu BHXH") && out.contains("Dẫn đầu phong trào"),
        "{out}"
    );
    let rows = csv_rows(&e.ok(&["meeting", "list", "--format", "csv"]).bytes);
    assert_eq!(
        rows[1][1..6],
        ["midyear", "2020-07-24", "Cục Thống kê tỉnh", "Tạ Thị Dân, Khối trưởng", "Trần Thị Mỹ An; Nguyễn Văn B"]
    );
    let vi = e.ok(&["--lang", "vi", "meeting", "list"]).stdout;
    assert!(vi.contains("Hội nghị sơ kết"), "{vi}");
}

#[test]
fn refusals() {
    let e = Env::init();
    e.seven_units();
    let err = e.fails(&["meeting", "talk", "3", "--unit", "CT", "--topic", "x"], 1);
    assert!(err.contains("no meeting '3'"), "{err}");
    e.ok(&["meeting", "add", "--kind", "other", "--date", "01/03/2020"]);
    e.ok(&["meeting", "add", "--kind", "signing", "--date", "01/03/2020"]);
    let err = e.fails(&["meeting", "talk", "01/03/2020", "--unit", "CT", "--topic", "x"], 1);
    assert!(err.contains("2 meetings on 01/03/2020") && err.contains("#1") && err.contains("#2"), "{err}");
    let err = e.fails(&["meeting", "talk", "1", "--unit", "CT", "--reason", "x"], 2);
    assert!(err.contains("--topic"), "{err}");
    let err = e.fails(&["meeting", "add", "--kind", "party", "--date", "01/03/2020"], 2);
    assert!(err.contains("party"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM meeting_item"), 0);
}
