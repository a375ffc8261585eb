//! Next year's file: carrying the bloc over, and the history of achievements across years.

use sha2::{Digest, Sha256};

use crate::{csv_rows, Env};

fn sha(e: &Env, name: &str) -> String {
    Sha256::digest(std::fs::read(e.path(name)).unwrap()).iter().map(|b| format!("{b:02x}")).collect()
}

fn run(e: &Env, file: &str, args: &[&str]) -> crate::Out {
    let mut a = vec!["-f", file];
    a.extend_from_slice(args);
    e.ok(&a)
}

/// 2019 → 2020 → 2021: a person's CSTĐCS of each year, a unit's flag, an achieved registration.
fn chain() -> Env {
    let e = Env::new();
    run(
        &e,
        "k2019.db",
        &["init", "--year", "2019", "--bloc", "Khối thi đua các Cơ quan Trung ương", "--province", "Tây Ninh"],
    );
    let units = e.write(
        "units.csv",
        "code,name,role\nCTHUE,Cục Thuế tỉnh,leader\nBHXH,Bảo hiểm xã hội tỉnh,deputy\nCTK,Cục Thống kê,member\n",
    );
    run(&e, "k2019.db", &["unit", "import", &units]);
    run(
        &e,
        "k2019.db",
        &["person", "add", "--unit", "CTHUE", "--name", "Võ Thị Ánh", "--code", "T01", "--gender", "f"],
    );
    run(&e, "k2019.db", &["person", "add", "--unit", "CTK", "--name", "Lê Văn Tám"]);
    run(&e, "k2019.db", &["score", "criteria", "add", "A1", "--group", "A", "--name", "Nhiệm vụ", "--max", "60"]);
    run(&e, "k2019.db", &["score", "settings", "--quota-bk", "3"]);
    run(
        &e,
        "k2019.db",
        &["register", "titles", "add", "DVXS", "--name", "Đơn vị xuất sắc của Khối", "--kind", "collective"],
    );
    run(&e, "k2019.db", &["award", "decision", "add", "12/QĐ-CT", "--date", "10/01/2020", "--issuer", "Cục Thuế tỉnh"]);
    run(&e, "k2019.db", &["award", "add", "12/QĐ-CT", "CSTDCS", "--person", "T01", "--year", "2019"]);
    run(
        &e,
        "k2019.db",
        &["award", "decision", "add", "250/QĐ-UBND", "--date", "20/01/2020", "--issuer", "UBND tỉnh Tây Ninh"],
    );
    run(&e, "k2019.db", &["award", "add", "250/QĐ-UBND", "CTD_TINH", "--unit", "BHXH", "--year", "2019"]);

    run(&e, "k2020.db", &["init", "--year", "2020", "--from", "k2019.db"]);
    run(&e, "k2020.db", &["award", "decision", "add", "9/QĐ-CT", "--date", "12/01/2021", "--issuer", "Cục Thuế tỉnh"]);
    run(&e, "k2020.db", &["award", "add", "9/QĐ-CT", "CSTDCS", "--person", "Võ Thị Ánh", "--year", "2020"]);
    run(&e, "k2020.db", &["register", "add", "--title", "LDTT", "--person", "Lê Văn Tám"]);
    run(&e, "k2020.db", &["register", "result", "1", "achieved"]);

    run(&e, "k2021.db", &["init", "--year", "2021", "--from", "k2020.db"]);
    e
}

#[test]
fn a_three_year_chain_reaches_the_newest_file() {
    let e = chain();
    run(&e, "k2021.db", &["award", "decision", "add", "3/QĐ-CT", "--date", "11/01/2022", "--issuer", "Cục Thuế tỉnh"]);
    run(&e, "k2021.db", &["award", "add", "3/QĐ-CT", "CSTDCS", "--person", "T01", "--year", "2021"]);
    let rows = csv_rows(&run(&e, "k2021.db", &["history", "list", "--person", "T01", "--format", "csv"]).bytes);
    let got: Vec<(&str, &str, &str, &str)> =
        rows[1..].iter().map(|r| (r[0].as_str(), r[1].as_str(), r[7].as_str(), r[11].as_str())).collect();
    assert_eq!(got, [("2019", "CSTDCS", "12/QĐ-CT", "2019"), ("2020", "CSTDCS", "9/QĐ-CT", "2020")]);
    // The person's record shows all three years: two carried, one of this file.
    let show = csv_rows(&run(&e, "k2021.db", &["person", "show", "T01", "--format", "csv"]).bytes);
    let years: Vec<&str> = show.iter().skip_while(|r| r[0] != "year").skip(1).map(|r| r[0].as_str()).collect();
    assert_eq!(years, ["2019", "2020", "2021"]);
    // The achieved registration of 2020 and the unit's flag of 2019 came along too.
    let all = csv_rows(&run(&e, "k2021.db", &["history", "list", "--format", "csv"]).bytes);
    assert!(all.iter().any(|r| r[1] == "LDTT" && r[0] == "2020" && r[5] == "Lê Văn Tám"), "{all:?}");
    assert!(all.iter().any(|r| r[1] == "CTD_TINH" && r[0] == "2019" && r[4] == "BHXH"), "{all:?}");
    assert_eq!(all.len() - 1, 4, "header and four achievements: {all:?}");
    run(&e, "k2021.db", &["db", "check"]);
    // The whole file, history and origin included, survives an export and an import.
    run(&e, "k2021.db", &["export", "k2021-csv"]);
    run(&e, "rebuilt.db", &["import", "k2021-csv"]);
    run(&e, "rebuilt.db", &["db", "check"]);
    let rebuilt = csv_rows(&run(&e, "rebuilt.db", &["history", "list", "--format", "csv"]).bytes);
    assert_eq!(rebuilt, all);
}

#[test]
fn carried_over_with_roles_reset_and_the_source_untouched() {
    let e = Env::new();
    run(&e, "k2019.db", &["init", "--year", "2019", "--bloc", "Khối A", "--province", "Tây Ninh"]);
    let units = e.write("units.csv", "code,name,role,parent\nCTHUE,Cục Thuế tỉnh,leader,\nBHXH,Bảo hiểm xã hội tỉnh,deputy,\nBHXH_TB,BHXH Trảng Bàng,,BHXH\n");
    run(&e, "k2019.db", &["unit", "import", &units]);
    run(&e, "k2019.db", &["person", "add", "--unit", "BHXH_TB", "--name", "Trần Thị Yến Phương", "--code", "B01"]);
    run(
        &e,
        "k2019.db",
        &["score", "criteria", "add", "A1", "--group", "A", "--group-name", "Nhiệm vụ", "--name", "Thu", "--max", "60"],
    );
    run(&e, "k2019.db", &["score", "settings", "--quota-bk", "3"]);
    run(
        &e,
        "k2019.db",
        &["register", "titles", "add", "DVXS", "--name", "Đơn vị xuất sắc của Khối", "--kind", "collective"],
    );
    let before = sha(&e, "k2019.db");
    let out = run(&e, "k2020.db", &["init", "--year", "2020", "--from", "k2019.db"]);
    assert!(
        out.stderr.contains("3 units, 1 person, 1 local catalog entry, 1 setting, 1 criterion")
            && out.stderr.contains("roles reset"),
        "{}",
        out.stderr
    );
    assert_eq!(sha(&e, "k2019.db"), before, "the old file changed");
    let roles: Vec<(String, Option<String>, Option<String>)> = e
        .conn_to("k2020.db")
        .prepare("SELECT u.code, u.role, p.code FROM unit u LEFT JOIN unit p ON p.id = u.parent_id ORDER BY u.code")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(
        roles,
        [
            ("BHXH".into(), Some("member".into()), None),
            ("BHXH_TB".into(), None, Some("BHXH".into())),
            ("CTHUE".into(), Some("member".into()), None)
        ]
    );
    let info: serde_json::Value =
        serde_json::from_str(&run(&e, "k2020.db", &["info", "--format", "json"]).stdout).unwrap();
    assert_eq!(info["bloc"], "Khối A");
    assert_eq!(info["province"], "Tây Ninh");
    assert_eq!(info["year"], 2020);
    assert_eq!(info["quota_bk"], 3);
    assert!(info["carried_from"].as_str().unwrap().contains(&format!("k2019.db (2019, SHA-256 {before})")), "{info}");
    run(&e, "k2020.db", &["register", "add", "--title", "DVXS", "--unit", "CTHUE"]);
    run(&e, "k2020.db", &["person", "show", "B01"]);
    // --keep-roles keeps them.
    run(&e, "k2020b.db", &["init", "--year", "2020", "--from", "k2019.db", "--keep-roles"]);
    assert_eq!(
        e.conn_to("k2020b.db")
            .query_row("SELECT code FROM unit WHERE role = 'leader'", [], |r| r.get::<_, String>(0))
            .unwrap(),
        "CTHUE"
    );
    // A file of the same or a later year is no source.
    let err = e.fails(&["-f", "k2018.db", "init", "--year", "2018", "--from", "k2019.db"], 1);
    assert!(err.contains("not a year before 2018"), "{err}");
    assert!(!e.path("k2018.db").exists());
}

#[test]
fn history_import_twice_is_a_no_op() {
    let e = chain();
    // A 2021 file made before the feature: empty history, then the older files brought in.
    run(&e, "plain.db", &["init", "--year", "2021", "--bloc", "Khối thi đua các Cơ quan Trung ương"]);
    let units = e.path("units.csv");
    run(&e, "plain.db", &["unit", "import", units.to_str().unwrap()]);
    let out = run(&e, "plain.db", &["history", "import", "k2020.db"]);
    assert!(out.stderr.contains("4 achievements added, 0 already here"), "{}", out.stderr);
    let before = sha(&e, "plain.db");
    let out = run(&e, "plain.db", &["history", "import", "k2020.db"]);
    assert!(out.stderr.contains("0 achievements added, 4 already here"), "{}", out.stderr);
    assert_eq!(sha(&e, "plain.db"), before);
    // The 2019 file's records are in the 2020 file's history already: nothing new.
    let out = run(&e, "plain.db", &["history", "import", "k2019.db"]);
    assert!(out.stderr.contains("0 achievements added, 2 already here"), "{}", out.stderr);
}

#[test]
fn a_renamed_unit_keeps_its_history_and_the_printed_names() {
    let e = chain();
    run(&e, "k2021.db", &["unit", "edit", "CTHUE", "--name", "Thuế tỉnh"]);
    run(&e, "k2021.db", &["unit", "edit", "BHXH", "--name", "Bảo hiểm xã hội khu vực XXIV"]);
    let md = run(&e, "k2021.db", &["report", "unit", "BHXH", "--format", "md"]).stdout;
    assert!(md.starts_with("# BHXH — Bảo hiểm xã hội khu vực XXIV"), "{md}");
    assert!(md.contains("| 2019 | CTD_TINH | Cờ thi đua của UBND tỉnh | Bảo hiểm xã hội tỉnh |"), "{md}");
    let md = run(&e, "k2021.db", &["report", "unit", "CTHUE", "--format", "md"]).stdout;
    assert!(md.contains("| 2019 | CSTDCS |") && md.contains("| 2020 | CSTDCS |") && md.contains("Võ Thị Ánh"), "{md}");
    // A person who moved unit keeps their history (matched by staff code).
    run(&e, "k2021.db", &["person", "edit", "T01", "--unit", "CTK"]);
    let rows = csv_rows(&run(&e, "k2021.db", &["history", "list", "--person", "T01", "--format", "csv"]).bytes);
    assert_eq!(rows.len(), 3);
    let md = run(&e, "k2021.db", &["report", "unit", "CTK", "--format", "md"]).stdout;
    assert!(md.contains("| 2019 | CSTDCS |"), "{md}");
}
