//! People: add, list in Vietnamese order, show, edit, remove, lookups.

use crate::{csv_rows, Env};

#[test]
fn people_sort_by_given_name_in_vietnamese_order() {
    let e = Env::init();
    e.seven_units();
    for n in [
        "Lê Văn Đức",
        "Phạm Dũng",
        "Trần Thị Ánh",
        "Nguyễn An",
        "Võ Thị Ước",
        "Hồ Uyên",
        "Trần Văn An",
        "Đỗ Hà",
        "Lý Ha",
    ] {
        e.ok(&["person", "add", "--unit", "CT", "--name", n]);
    }
    let rows = csv_rows(&e.ok(&["person", "list", "--format", "csv"]).bytes);
    let names: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    // Given name first (An < Ánh, Dũng < Đức, Ha < Hà, Uyên < Ước), then family name (Nguyễn < Trần).
    assert_eq!(
        names,
        [
            "Nguyễn An",
            "Trần Văn An",
            "Trần Thị Ánh",
            "Phạm Dũng",
            "Lê Văn Đức",
            "Lý Ha",
            "Đỗ Hà",
            "Hồ Uyên",
            "Võ Thị Ước"
        ]
    );
}

#[test]
fn name_parts_are_stored_with_overrides() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Trần Thị Yến Phương", "--gender", "f", "--born", "1980"]);
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tôn Nữ Minh Châu", "--family", "Tôn Nữ"]);
    let c = e.conn();
    let parts = |id: i64| -> (String, String, String) {
        c.query_row("SELECT family, middle, given FROM person WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap()
    };
    assert_eq!(parts(1), ("Trần".into(), "Thị Yến".into(), "Phương".into()));
    assert_eq!(parts(2), ("Tôn Nữ".into(), "Minh".into(), "Châu".into()));
    let err = e.fails(&["person", "add", "--unit", "CT", "--name", "Lê Văn Tám", "--family", "Trần"], 2);
    assert!(err.contains("'Trần' does not begin the name 'Lê Văn Tám'"), "{err}");
}

#[test]
fn people_are_found_by_number_code_and_name() {
    let e = Env::init();
    e.seven_units();
    e.ok(&[
        "person",
        "add",
        "--unit",
        "CT",
        "--name",
        "Tạ Thị Dân",
        "--code",
        "CT001",
        "--position",
        "Trưởng phòng TCHC",
    ]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Trần Thị Yến Phương"]);
    for q in ["1", "#1", "CT001", "ct001", "Tạ Thị Dân", "ta thi dan"] {
        let v: serde_json::Value =
            serde_json::from_str(&e.ok(&["person", "show", q, "--format", "json"]).stdout).unwrap();
        assert_eq!(v["sections"][0]["rows"]["name"], "Tạ Thị Dân", "{q}");
    }
    let err = e.fails(&["person", "show", "Nguyễn Văn Không"], 1);
    assert!(err.contains("no person 'Nguyễn Văn Không'"), "{err}");
    let err = e.fails(&["person", "add", "--unit", "BHXH", "--name", "Lê Lợi", "--code", "CT001"], 1);
    assert!(err.contains("staff code 'CT001' already belongs to #1 Tạ Thị Dân"), "{err}");
}

#[test]
fn same_name_twice_is_ambiguous() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["person", "add", "--unit", "CT", "--name", "Nguyễn Văn An"]);
    e.ok(&["person", "add", "--unit", "HQ", "--name", "Nguyễn Văn An"]);
    let err = e.fails(&["person", "show", "Nguyễn Văn An"], 1);
    assert!(err.contains("ambiguous") && err.contains("#1") && err.contains("#2 Nguyễn Văn An (HQ)"), "{err}");
}

#[test]
fn list_by_unit_includes_sub_units() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["unit", "add", "BHXH_TB", "--name", "BHXH thị xã Trảng Bàng", "--parent", "BHXH"]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Nguyễn Văn Bình"]);
    e.ok(&["person", "add", "--unit", "BHXH_TB", "--name", "Trần Thị Yến Phương"]);
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân"]);
    let rows = csv_rows(&e.ok(&["person", "list", "--unit", "bhxh", "--format", "csv"]).bytes);
    let got: Vec<(&str, &str)> = rows[1..].iter().map(|r| (r[1].as_str(), r[2].as_str())).collect();
    assert_eq!(got, [("Nguyễn Văn Bình", "BHXH"), ("Trần Thị Yến Phương", "BHXH_TB")]);
}

#[test]
fn edit_and_remove() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân", "--position", "Trưởng phòng"]);
    e.ok(&["person", "edit", "1", "--unit", "HQ", "--name", "Tạ Thị Dâng", "--position", "", "--gender", "f"]);
    let c = e.conn();
    let row: (String, String, Option<String>, String) = c
        .query_row(
            "SELECT u.code, p.given, p.position, p.gender FROM person p JOIN unit u ON u.id = p.unit_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(row, ("HQ".into(), "Dâng".into(), None, "f".into()));
    let err = e.fails(&["person", "remove", "1"], 2);
    assert!(err.contains("--yes"), "{err}");
    e.ok(&["person", "remove", "1", "--yes"]);
    assert_eq!(e.count("SELECT count(*) FROM person"), 0);
}

/// A list names a person within its row's unit and the unit's sub-units, exactly or without accents; a namesake
/// in another unit is neither found nor a reason for ambiguity.
#[test]
fn a_list_finds_people_by_name_within_the_units_tree() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["unit", "add", "BHXH_TB", "--name", "BHXH thị xã Trảng Bàng", "--parent", "BHXH"]);
    e.ok(&["person", "add", "--unit", "BHXH_TB", "--name", "Trần Thị Yến Phương", "--code", "A1"]);
    e.ok(&["person", "add", "--unit", "CT", "--name", "Trần Thị Yến Phương", "--code", "A2"]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Nguyễn Văn Bình", "--code", "A3"]);
    // Two levels down.
    e.ok(&["unit", "add", "BHXH_TB_1", "--name", "Tổ thu Trảng Bàng", "--parent", "BHXH_TB"]);
    e.ok(&["person", "add", "--unit", "BHXH_TB_1", "--name", "Lê Văn Cường", "--code", "A4"]);
    let f = e.write(
        "dk.csv",
        "unit;person;title\nBHXH;Trần Thị Yến Phương;LDTT\nBHXH;nguyen van binh;CSTDCS\nBHXH;Lê Văn Cường;LDTT\n",
    );
    e.ok(&["register", "import", &f]);
    let got = e.conn().query_row(
        "SELECT group_concat(p.staff_code, ',') FROM (SELECT p.staff_code FROM registration r
           JOIN person p ON p.id = r.person_id ORDER BY r.id) p",
        [],
        |r| r.get::<_, String>(0),
    );
    assert_eq!(got.unwrap(), "A1,A3,A4");
    let other = e.write("hq.csv", "unit;person;title\nHQ;Trần Thị Yến Phương;LDTT\n");
    let err = e.fails(&["register", "import", &other], 1);
    assert!(err.contains("no person 'Trần Thị Yến Phương' in this unit"), "{err}");
}

/// A loop of parent units written by another program (accepted with `db accept`) does not make a lookup by name
/// run forever: the unit's tree is walked with each unit once.
#[test]
fn a_loop_of_parent_units_ends_a_lookup_by_name() {
    let e = Env::init();
    e.ok(&["unit", "add", "A", "--name", "Đơn vị A"]);
    e.ok(&["unit", "add", "B", "--name", "Đơn vị B", "--parent", "A"]);
    e.ok(&["unit", "add", "C", "--name", "Đơn vị C", "--parent", "B"]);
    e.ok(&["person", "add", "--unit", "C", "--name", "Lê Văn Cường"]);
    e.ok(&["person", "add", "--unit", "A", "--name", "Lê Văn Cường"]);
    e.conn()
        .execute_batch(
            "UPDATE unit SET role = NULL, parent_id = (SELECT id FROM unit WHERE code = 'C') WHERE code = 'A'",
        )
        .unwrap();
    // `db check` names the units of the loop; accepted, it is known and wanted.
    let out = e.run(&["db", "check"]);
    assert!(out.stdout.contains("a unit is its own ancestor (a loop of parent units): A, B, C"), "{out:?}");
    e.ok(&["db", "accept", "--reason", "thử vòng lặp"]);
    let f = e.write("dk.csv", "unit;person;title\nB;Lê Văn Cường;LDTT\n");
    let err = e.fails(&["register", "import", &f], 1);
    assert!(err.contains("'Lê Văn Cường' is ambiguous") && err.contains("(C)") && err.contains("(A)"), "{err}");
}
