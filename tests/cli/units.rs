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
        [
            "code",
            "name",
            "short",
            "role",
            "parent",
            "sector",
            "people",
            "order",
            "female_share",
            "note",
            "ended",
            "ended_on",
            "successor"
        ]
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

/// 2025: KBNN merged into the regional treasury, QLTT dissolved. Their records stay their own, they drop out of the
/// ranking and the verdicts from their date, the state goes on with `init --from`, and a merger typed in error is
/// taken back (issue 30).
#[test]
fn a_unit_merges_or_is_dissolved_and_its_record_stays() {
    let e = Env::new();
    e.ok(&["init", "--year", "2025", "--bloc", "Khối các cơ quan Trung ương", "--province", "Tây Ninh"]);
    e.seven_units();
    e.ok(&["unit", "add", "KBKV", "--name", "Kho bạc Nhà nước khu vực XVII", "--role", "member"]);
    e.ok(&["person", "add", "--unit", "KBNN", "--name", "Trần Thị Bình", "--code", "KB01"]);
    e.ok(&["rating", "set", "excellent", "--unit", "KBNN", "--year", "2024"]);
    e.ok(&["score", "criteria", "import", &e.write("tc.csv", "code,group,name,max\nA1,A,Nhiệm vụ chuyên môn,100\n")]);
    let mut sheet = String::from("unit,criterion,self,assessed\n");
    for (u, p) in [("KBNN", 99), ("BHXH", 98), ("CT", 96), ("CTHUE", 94), ("HQ", 92), ("NHNN", 88), ("QLTT", 97)] {
        sheet.push_str(&format!("{u},A1,{p},{p}\n"));
    }
    e.ok(&["score", "import", &e.write("diem.csv", &sheet)]);
    // `unit remove` of a unit with a history points to the merger, not to a command that does not show it.
    let err = e.fails(&["unit", "remove", "KBNN", "--yes"], 1);
    assert!(err.contains("1 rating") && err.contains("thidua unit merge KBNN --into"), "{err}");
    let err = e.fails(&["unit", "merge", "KBNN", "--into", "KBNN", "--date", "01/07/2025"], 1);
    assert!(err.contains("unit KBNN cannot be merged into itself"), "{err}");
    let err = e.fails(&["unit", "merge", "CT", "--into", "KBKV", "--date", "01/07/2025"], 1);
    assert!(err.contains("unit CT leads the bloc"), "{err}");
    let before = e.count("SELECT count(*) FROM audit");
    let out = e.ok(&[
        "unit",
        "merge",
        "KBNN",
        "--into",
        "KBKV",
        "--date",
        "01/07/2025",
        "--decision",
        "2020/QĐ-BTC",
        "--move-people",
    ]);
    assert!(out.stderr.contains("KBNN merged into KBKV on 01/07/2025"), "{}", out.stderr);
    assert!(out.stderr.contains("1 people and 0 sub-units moved to KBKV"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM audit"), before + 1);
    assert_eq!(e.count("SELECT count(*) FROM person p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'KBKV'"), 1);
    assert_eq!(e.count("SELECT count(*) FROM rating r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'KBNN'"), 1);
    let err = e.fails(&["unit", "merge", "KBNN", "--into", "HQ", "--date", "02/07/2025"], 1);
    assert!(err.contains("unit KBNN was merged into KBKV on 01/07/2025 already") && err.contains("unit restore KBNN"));
    let err = e.fails(&["unit", "merge", "HQ", "--into", "KBNN", "--date", "02/07/2025"], 1);
    assert!(err.contains("unit KBNN ended on 01/07/2025"), "{err}");
    e.ok(&["unit", "dissolve", "QLTT", "--date", "01/07/2025"]);
    let units = csv_rows(&e.ok(&["unit", "list", "--format", "csv"]).bytes);
    let row = |code: &str| units.iter().find(|r| r[0] == code).unwrap()[10..].to_vec();
    assert_eq!(row("KBNN"), ["merged", "2025-07-01", "KBKV"]);
    assert_eq!(row("QLTT"), ["dissolved", "2025-07-01", ""]);
    assert_eq!(row("HQ"), ["", "", ""]);
    let shown = e.ok(&["unit", "show", "KBKV"]).stdout;
    assert!(shown.contains("KBNN — Kho bạc Nhà nước tỉnh (01/07/2025)"), "{shown}");
    // The ranking leaves them out with the reason; the flag goes to the best unit that goes on.
    let rows = csv_rows(&e.ok(&["report", "ranking", "--format", "csv"]).bytes);
    let at = |k: &str| rows[0].iter().position(|c| c == k).unwrap();
    let of = |code: &str| rows.iter().find(|r| r[at("unit")] == code).unwrap().clone();
    assert_eq!(of("KBNN")[at("proposal")], "");
    assert!(of("KBNN")[at("note")].contains("merged into KBKV on 01/07/2025"), "{:?}", of("KBNN"));
    assert!(of("QLTT")[at("note")].contains("dissolved on 01/07/2025 (Circular 15/2025/TT-BNV)"), "{:?}", of("QLTT"));
    assert_eq!(of("BHXH")[at("proposal")], "CTD_TINH");
    // The verdict says why, with the article.
    let rows = csv_rows(
        &e.ok(&["eligible", "--unit", "QLTT", "--title", "TTLDTT", "--format", "csv", "--table", "conditions"]).bytes,
    );
    assert_eq!(
        rows[1][4..],
        ["exists", "not_met", "dissolved on 01/07/2025", "Thông tư 15/2025/TT-BNV (not confirmed in the text)"]
    );
    let summary = e.ok(&["eligible", "--unit", "HQ", "--title", "TTLDTT", "--format", "csv", "--table", "conditions"]);
    assert!(!summary.stdout.contains("exists"), "{}", summary.stdout);
    // Next year's file keeps them ended.
    e.ok(&["-f", "2026.db", "init", "--year", "2026", "--from", "thidua.db"]);
    let next = csv_rows(&e.ok(&["-f", "2026.db", "unit", "list", "--format", "csv"]).bytes);
    let kb = next.iter().find(|r| r[0] == "KBNN").unwrap();
    assert_eq!(kb[10..], ["merged", "2025-07-01", "KBKV"]);
    // A merger typed in error is taken back.
    e.ok(&["unit", "restore", "QLTT"]);
    assert_eq!(e.count("SELECT count(*) FROM unit_end"), 1);
    let err = e.fails(&["unit", "restore", "QLTT"], 1);
    assert!(err.contains("unit QLTT has not ended"), "{err}");
}
