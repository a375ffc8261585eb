//! Units: add, list in tree order, show, edit, remove, the bloc's rules, lookups by code and name.

use crate::{csv_rows, Env};

#[test]
fn list_is_in_tree_order_with_roles() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["unit", "add", "BHXH_TB", "--name", "Bảo hiểm xã hội thị xã Trảng Bàng", "--parent", "BHXH"]);
    e.ok(&["unit", "edit", "BHXH", "--role", "deputy"]);
    let rows = csv_rows(&e.ok(&["unit", "list", "--format", "csv"]).bytes);
    assert_eq!(
        rows[0],
        ["code", "name", "short", "role", "parent", "sector", "people", "order", "female_share", "note"]
    );
    let order: Vec<(&str, &str, &str)> =
        rows[1..].iter().map(|r| (r[0].as_str(), r[3].as_str(), r[4].as_str())).collect();
    assert_eq!(
        order,
        [
            ("CT", "leader", ""),
            ("BHXH", "deputy", ""),
            ("BHXH_TB", "", "BHXH"),
            ("CTHUE", "member", ""),
            ("HQ", "member", ""),
            ("KBNN", "member", ""),
            ("NHNN", "member", ""),
            ("QLTT", "member", ""),
        ]
    );
    let table = e.ok(&["unit", "list"]).stdout;
    assert!(table.contains("└ Bảo hiểm xã hội thị xã Trảng Bàng"), "{table}");
    let vi = e.ok(&["--lang", "vi", "unit", "list"]).stdout;
    assert!(vi.contains("Khối trưởng") && vi.contains("Khối phó") && vi.contains("Vai trò trong Khối"), "{vi}");
}

#[test]
fn explicit_order_wins() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["unit", "edit", "QLTT", "--order", "1"]);
    e.ok(&["unit", "edit", "HQ", "--order", "2"]);
    let rows = csv_rows(&e.ok(&["unit", "list", "--format", "csv"]).bytes);
    let codes: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(codes, ["QLTT", "HQ", "CT", "BHXH", "CTHUE", "KBNN", "NHNN"]);
}

#[test]
fn at_most_one_leader_and_roles_only_at_the_top() {
    let e = Env::init();
    e.seven_units();
    let err = e.fails(&["unit", "add", "X", "--name", "X", "--role", "leader"], 1);
    assert!(err.contains("already has a leader: CT") && err.contains("unit edit CT --role member"), "{err}");
    let err = e.fails(&["unit", "edit", "HQ", "--role", "leader"], 1);
    assert!(err.contains("already has a leader"), "{err}");
    let err = e.fails(&["unit", "add", "SUB", "--name", "Phòng A", "--parent", "HQ", "--role", "deputy"], 1);
    assert!(err.contains("cannot hold a bloc role"), "{err}");
    // A hand-over in two steps works.
    e.ok(&["unit", "edit", "CT", "--role", "member"]);
    e.ok(&["unit", "edit", "HQ", "--role", "leader"]);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE role = 'leader' AND code = 'HQ'"), 1);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE role = 'leader'"), 1);
}

#[test]
fn a_unit_cannot_go_under_itself() {
    let e = Env::init();
    e.ok(&["unit", "add", "A", "--name", "Đơn vị A"]);
    e.ok(&["unit", "add", "B", "--name", "Đơn vị B", "--parent", "A"]);
    let err = e.fails(&["unit", "edit", "A", "--parent", "B"], 1);
    assert!(err.contains("under itself"), "{err}");
    let err = e.fails(&["unit", "edit", "A", "--parent", "A"], 1);
    assert!(err.contains("under itself"), "{err}");
}

#[test]
fn edit_changes_fields_and_refuses_nothing() {
    let e = Env::init();
    e.ok(&["unit", "add", "CTHUE", "--name", "Cục Thuế tỉnh", "--sector", "Bộ Tài chính"]);
    e.ok(&["unit", "edit", "cthue", "--code", "THUE", "--name", "Thuế tỉnh", "--sector", ""]);
    let c = e.conn();
    let (code, name, sector): (String, String, Option<String>) =
        c.query_row("SELECT code, name, sector FROM unit", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
    assert_eq!((code.as_str(), name.as_str(), sector), ("THUE", "Thuế tỉnh", None));
    let err = e.fails(&["unit", "edit", "THUE"], 2);
    assert!(err.contains("nothing to change"), "{err}");
    let err = e.fails(&["unit", "add", "bad code", "--name", "X"], 2);
    assert!(err.contains("'bad code'"), "{err}");
    let err = e.fails(&["unit", "add", "THUE", "--name", "Lặp"], 1);
    assert!(err.contains("unit 'THUE' already exists"), "{err}");
}

#[test]
fn show_lists_people_and_sub_units() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["unit", "add", "BHXH_TB", "--name", "BHXH thị xã Trảng Bàng", "--parent", "BHXH"]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Nguyễn Văn An", "--position", "Giám đốc"]);
    let out = e.ok(&["unit", "show", "BHXH"]).stdout;
    assert!(out.contains("BHXH — Bảo hiểm xã hội tỉnh"), "{out}");
    assert!(out.contains("Nguyễn Văn An") && out.contains("Giám đốc"), "{out}");
    assert!(out.contains("BHXH_TB") && out.contains("BHXH thị xã Trảng Bàng"), "{out}");
    let v: serde_json::Value =
        serde_json::from_str(&e.ok(&["unit", "show", "BHXH", "--format", "json"]).stdout).unwrap();
    assert_eq!(v["sections"][0]["rows"]["code"], "BHXH");
    assert_eq!(v["sections"][1]["rows"][0]["name"], "Nguyễn Văn An");
    assert_eq!(v["sections"][2]["rows"][0]["code"], "BHXH_TB");
}

#[test]
fn remove_is_refused_while_referred_to_and_needs_confirmation() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["unit", "add", "BHXH_TB", "--name", "BHXH thị xã Trảng Bàng", "--parent", "BHXH"]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Nguyễn Văn An"]);
    let err = e.fails(&["unit", "remove", "BHXH", "--yes"], 1);
    assert!(err.contains("1 person") && err.contains("1 sub-unit"), "{err}");
    // Without a terminal and without --yes: a usage error, nothing removed.
    let err = e.fails(&["unit", "remove", "QLTT"], 2);
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE code = 'QLTT'"), 1);
    e.ok(&["unit", "remove", "QLTT", "--dry-run", "--yes"]);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE code = 'QLTT'"), 1);
    let out = e.ok(&["unit", "remove", "QLTT", "--yes"]);
    assert!(out.stderr.contains("removed unit QLTT"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM unit"), 7);
}

#[test]
fn nfd_input_is_stored_nfc_and_found_every_way() {
    let e = Env::init();
    // "Cục Thuế" typed with Unikey's composed setting arrives decomposed.
    let nfd = "Cu\u{0323}c Thue\u{0302}\u{0301}";
    e.ok(&["unit", "add", "CTHUE", "--name", nfd]);
    e.ok(&["unit", "add", "HB", "--name", "Sở Hòa Bình"]);
    let stored: String = e.conn().query_row("SELECT name FROM unit WHERE code = 'CTHUE'", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, "Cục Thuế");
    assert_eq!(stored.as_bytes(), "Cục Thuế".as_bytes());
    for q in ["Cục Thuế", nfd, "cục thuế", "cuc thue", "CUC THUE"] {
        let out = e.ok(&["unit", "show", q, "--format", "json"]).stdout;
        assert!(out.contains("\"CTHUE\""), "{q}: {out}");
    }
    // Tone-mark placement: "Hoà" finds "Hòa".
    let out = e.ok(&["unit", "show", "sở hoà bình", "--format", "json"]).stdout;
    assert!(out.contains("\"HB\""), "{out}");
    // A code typed with a space for its underscore.
    e.ok(&["unit", "add", "CTHUE_TN", "--name", "Chi cục Thuế thị xã Trảng Bàng", "--parent", "cthue"]);
    let out = e.ok(&["unit", "show", "cthue tn", "--format", "json"]).stdout;
    assert!(out.contains("\"CTHUE_TN\""), "{out}");
    // Words of a name find it when only one unit has them.
    let out = e.ok(&["unit", "show", "hoa binh", "--format", "json"]).stdout;
    assert!(out.contains("\"HB\""), "{out}");
}

#[test]
fn an_ambiguous_name_lists_the_candidates() {
    let e = Env::init();
    e.ok(&["unit", "add", "BHXH", "--name", "Bảo hiểm xã hội tỉnh"]);
    e.ok(&["unit", "add", "BHXH_TB", "--name", "Bảo hiểm xã hội thị xã Trảng Bàng", "--parent", "BHXH"]);
    let err = e.fails(&["unit", "show", "bao hiem xa hoi"], 1);
    assert!(
        err.contains("ambiguous") && err.contains("BHXH (Bảo hiểm xã hội tỉnh)") && err.contains("BHXH_TB"),
        "{err}"
    );
    let err = e.fails(&["unit", "show", "Cục Hải quan"], 1);
    assert!(err.contains("no unit 'Cục Hải quan'") && err.contains("known units: BHXH, BHXH_TB"), "{err}");
}
