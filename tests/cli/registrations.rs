//! Registrations and the titles catalog.

use crate::campaigns::add_pt2020;
use crate::{csv_rows, Env};

fn bloc() -> Env {
    let e = Env::init();
    e.seven_units();
    add_pt2020(&e);
    e.ok(&["campaign", "launch", "PT2020", "--date", "15/02/2020"]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Trần Thị Yến Phương", "--code", "BH01", "--gender", "f"]);
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân", "--code", "CT01", "--gender", "f"]);
    e
}

#[test]
fn the_catalog_is_seeded_from_the_law() {
    let e = Env::init();
    let rows = csv_rows(&e.ok(&["register", "titles", "--format", "csv"]).bytes);
    let codes: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    for c in [
        "LDTT",
        "CSTT",
        "CSTDCS",
        "CSTD_TINH",
        "CSTD_TQ",
        "TTLDTT",
        "DVTT",
        "TTLDXS",
        "DVQT",
        "CTD_TINH",
        "CTD_CP",
        "GDVH",
    ] {
        assert!(codes.contains(&c), "{c} missing from {codes:?}");
    }
    let cstdcs = rows.iter().find(|r| r[0] == "CSTDCS").unwrap();
    assert_eq!(
        cstdcs[1..7],
        [
            "Chiến sĩ thi đua cơ sở",
            "title",
            "individual",
            "grassroots",
            "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã",
            "Luật TĐKT 2022, Điều 23"
        ]
    );
    let flag = rows.iter().find(|r| r[0] == "CTD_TINH").unwrap();
    assert_eq!(flag[3], "collective");
    e.ok(&["register", "titles", "add", "DVXS", "--name", "Đơn vị xuất sắc của Khối", "--kind", "collective"]);
    assert_eq!(e.count("SELECT local FROM catalog WHERE code = 'DVXS'"), 1);
    let err = e.fails(&["register", "titles", "add", "LDTT", "--name", "Lặp", "--kind", "individual"], 1);
    assert!(err.contains("already in the catalog"), "{err}");
}

#[test]
fn titles_are_named_by_code_or_name_any_way() {
    let e = bloc();
    for (i, t) in
        ["LDTT", "ldtt", "LĐTT", "Lao động tiên tiến", "lao dong tien tien", "“Lao động Tiên tiến”"].iter().enumerate()
    {
        let out = e.ok(&["register", "add", "--title", t, "--person", "BH01"]);
        assert!(out.stderr.contains("registered LDTT"), "{t}: {}", out.stderr);
        e.ok(&["register", "withdraw", &(i + 1).to_string()]);
    }
    let err = e.fails(&["register", "add", "--title", "CSTD", "--person", "BH01"], 1);
    assert!(
        err.contains("no title or form 'CSTD'") && err.contains("did you mean CSTDCS, CSTD_TINH, CSTD_TQ"),
        "{err}"
    );
}

#[test]
fn subject_kind_must_fit_the_title() {
    let e = bloc();
    let err = e.fails(&["register", "add", "--title", "LDTT", "--unit", "BHXH"], 1);
    assert!(err.contains("LDTT (Lao động tiên tiến) is a title for individuals, not for a unit"), "{err}");
    assert!(err.contains("register it for a person with --person"), "{err}");
    let err = e.fails(&["register", "add", "--title", "CTD_TINH", "--person", "BH01"], 1);
    assert!(err.contains("is a title for collectives, not for a person"), "{err}");
    let err = e.fails(&["register", "add", "--title", "GDVH", "--person", "BH01"], 1);
    assert!(err.contains("households"), "{err}");
    let err = e.fails(&["register", "add", "--title", "LDTT"], 2);
    assert!(err.contains("--unit") || err.contains("subject"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM registration"), 0);
}

#[test]
fn a_duplicate_is_refused_naming_the_existing_one_and_withdrawn_may_register_again() {
    let e = bloc();
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "BHXH", "--date", "10/01/2020"]);
    let err = e.fails(&["register", "add", "--title", "Tập thể lao động xuất sắc", "--unit", "bhxh"], 1);
    assert!(err.contains("BHXH already registered TTLDXS: #1 of 10/01/2020"), "{err}");
    assert!(err.contains("register withdraw 1"), "{err}");
    e.ok(&["register", "withdraw", "1"]);
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "BHXH"]);
    assert_eq!(e.count("SELECT count(*) FROM registration WHERE status = 'withdrawn'"), 1);
    assert_eq!(e.count("SELECT count(*) FROM registration WHERE status = 'registered'"), 1);
    let err = e.fails(&["register", "result", "1", "achieved"], 1);
    assert!(err.contains("withdrawn"), "{err}");
}

#[test]
fn closed_campaigns_take_no_new_registrations() {
    let e = bloc();
    e.ok(&["campaign", "add", "CD", "--name", "Thi đua chào mừng Đại hội", "--kind", "thematic"]);
    e.ok(&["campaign", "launch", "CD", "--date", "01/03/2020"]);
    e.ok(&["campaign", "close", "CD", "--date", "30/06/2020"]);
    let err = e.fails(&["register", "add", "--title", "LDTT", "--person", "CT01", "--campaign", "CD"], 1);
    assert!(err.contains("campaign CD was closed on 30/06/2020"), "{err}");
    // Without --campaign, the file's one regular campaign is used.
    e.ok(&["register", "add", "--title", "LDTT", "--person", "CT01"]);
    assert_eq!(
        e.count("SELECT count(*) FROM registration r JOIN campaign c ON c.id = r.campaign_id WHERE c.code = 'PT2020'"),
        1
    );
}

#[test]
fn results_filters_and_listing() {
    let e = bloc();
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "BHXH"]);
    e.ok(&["register", "add", "--title", "LDTT", "--person", "BH01"]);
    e.ok(&["register", "add", "--title", "CSTDCS", "--person", "CT01"]);
    e.ok(&["register", "add", "--title", "CTD_TINH", "--unit", "CT"]);
    e.ok(&["register", "result", "2", "achieved", "--note", "QĐ 12/QĐ-BHXH"]);
    e.ok(&["register", "result", "3", "not-achieved"]);
    let (status, note): (String, String) = e
        .conn()
        .query_row("SELECT status, result_note FROM registration WHERE id = 2", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((status.as_str(), note.as_str()), ("achieved", "QĐ 12/QĐ-BHXH"));
    let ids = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["register", "list", "--format", "csv"];
        a.extend_from_slice(args);
        csv_rows(&e.ok(&a).bytes)[1..].iter().map(|r| r[0].clone()).collect()
    };
    // Leader first (CT), its collective registration before its people's.
    assert_eq!(ids(&[]), ["4", "3", "1", "2"]);
    assert_eq!(ids(&["--unit", "BHXH"]), ["1", "2"]);
    assert_eq!(ids(&["--kind", "individual"]), ["3", "2"]);
    assert_eq!(ids(&["--title", "LDTT"]), ["2"]);
    assert_eq!(ids(&["--status", "achieved"]), ["2"]);
    assert_eq!(ids(&["--status", "not-achieved"]), ["3"]);
    assert_eq!(ids(&["--campaign", "PT2020"]).len(), 4);
    let rows = csv_rows(&e.ok(&["register", "list", "--format", "csv", "--title", "LDTT"]).bytes);
    assert_eq!(
        rows[1][1..10],
        ["individual", "BHXH", "Trần Thị Yến Phương", "BH01", "LDTT", "Lao động tiên tiến", "PT2020", "", "achieved"]
    );
}

#[test]
fn import_a_units_list_all_or_nothing() {
    let e = bloc();
    let mut s = String::from("unit,person,title,date\nBHXH,,TTLDXS,15/01/2020\n");
    for i in 0..200 {
        s.push_str(&format!("BHXH,Nguyễn Văn Số {i},LDTT,15/01/2020\n"));
    }
    s.push_str("BHXH,Trần Thị Yến Phương,CSTĐCS,15/01/2020\n");
    let f = e.write("dk.csv", &s);
    let err = e.fails(&["register", "import", &f], 1);
    assert!(
        err.contains("dk.csv:3: column 'person': no person 'Nguyễn Văn Số 0' in this unit; add --create-people"),
        "{err}"
    );
    assert_eq!(e.count("SELECT count(*) FROM registration"), 0);
    let out = e.ok(&["register", "import", &f, "--create-people"]);
    assert!(out.stderr.contains("created 200 people") && out.stderr.contains("202 inserted"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM person"), 202);
    let again = e.ok(&["register", "import", &f, "--create-people"]);
    assert!(again.stderr.contains("nothing changed (202 rows"), "{}", again.stderr);
    // Wrong subject kind, unknown title, bad date: each named with its line.
    let f =
        e.write("bad.csv", "unit,person,title,date\nCT,,LDTT,\nCT,Tạ Thị Dân,XYZ,\nCT,Tạ Thị Dân,LDTT,31/02/2020\n");
    let err = e.fails(&["register", "import", &f], 1);
    assert!(err.contains("bad.csv:2: column 'title': LDTT (Lao động tiên tiến) is a title for individuals"), "{err}");
    assert!(err.contains("bad.csv:3: column 'title': no title or form 'XYZ'"), "{err}");
    assert!(err.contains("bad.csv:4: column 'date': '31/02/2020' is not a date"), "{err}");
}

#[test]
fn list_csv_round_trips_into_a_new_file() {
    let e = bloc();
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "BHXH", "--date", "10/01/2020"]);
    e.ok(&["register", "add", "--title", "LDTT", "--person", "BH01", "--date", "10/01/2020", "--note", "=tự đăng ký"]);
    e.ok(&["register", "add", "--title", "CSTDCS", "--person", "Tạ Thị Dân"]);
    e.ok(&["register", "result", "3", "achieved"]);
    e.ok(&["register", "list", "-o", "dk.csv"]);
    // A new file with the same units and campaign; the people come in through the registrations.
    let f = Env::init();
    f.seven_units();
    add_pt2020(&f);
    f.ok(&["campaign", "launch", "PT2020", "--date", "15/02/2020"]);
    f.ok(&["register", "import", e.path("dk.csv").to_str().unwrap(), "--create-people"]);
    let strip = |env: &Env| -> Vec<Vec<String>> {
        csv_rows(&env.ok(&["register", "list", "--format", "csv"]).bytes).into_iter().map(|r| r[1..].to_vec()).collect()
    };
    assert_eq!(strip(&e), strip(&f));
    assert_eq!(strip(&f).len(), 4);
    // The formula guard of the export is undone on import: the stored note is the text as typed.
    assert_eq!(f.count("SELECT count(*) FROM registration WHERE note = '=tự đăng ký'"), 1);
}

/// Titles and forms by the names provinces and ministries write (with or without accents), on the command line and
/// in a unit's list; an unknown name gets the nearest codes and names; a code typed with Đ gets its plain spelling.
#[test]
fn titles_and_forms_are_found_by_the_names_provinces_use() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["campaign", "add", "PT2020", "--name", "Phong trào thi đua năm 2020", "--kind", "regular"]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Lê Văn Nam", "--code", "BH01"]);
    e.ok(&[
        "register",
        "add",
        "--title",
        "Cờ thi đua của UBND tỉnh Tây Ninh",
        "--unit",
        "BHXH",
        "--date",
        "10/01/2020",
    ]);
    e.ok(&["register", "add", "--title", "chien si thi dua cap tinh", "--person", "BH01", "--date", "10/01/2020"]);
    let list = e.write(
        "ds.csv",
        "unit,person,person_code,title\nCTHUE,,,Cờ thi đua của Ủy ban nhân dân tỉnh\nCT,,,Tập thể lao động xuất sắc\n",
    );
    e.ok(&["register", "import", &list]);
    let codes: Vec<String> = e
        .conn()
        .prepare("SELECT c.code FROM registration r JOIN catalog c ON c.id = r.catalog_id ORDER BY r.id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(codes, ["CTD_TINH", "CSTD_TINH", "CTD_TINH", "TTLDXS"]);
    // Lists and messages say them as the province does, as the papers do; a file of no province keeps the law's.
    let list = e.ok(&["register", "list", "--format", "csv"]).stdout;
    assert!(list.contains("Cờ thi đua của UBND tỉnh") && list.contains("Chiến sĩ thi đua cấp tỉnh"), "{list}");
    assert!(!list.contains("cấp bộ, ban, ngành, tỉnh"), "{list}");
    let titles = e.ok(&["register", "titles", "--format", "csv"]).stdout;
    assert!(titles.contains("CTD_TINH,Cờ thi đua của UBND tỉnh"), "{titles}");
    let other = Env::new();
    other.ok(&["init", "--year", "2020", "--bloc", "Khối thi đua Bộ Tài chính"]);
    let titles = other.ok(&["register", "titles", "--format", "csv"]).stdout;
    assert!(titles.contains("CTD_TINH,\"Cờ thi đua cấp bộ, ban, ngành, tỉnh\""), "{titles}");
    e.ok(&["award", "decision", "add", "15/QĐ-BHXH", "--date", "15/01/2021", "--issuer", "Bảo hiểm xã hội tỉnh"]);
    e.ok(&["award", "add", "15/QĐ-BHXH", "Giấy khen của Giám đốc Bảo hiểm xã hội tỉnh", "--person", "BH01"]);
    assert_eq!(e.count("SELECT count(*) FROM award a JOIN catalog c ON c.id = a.catalog_id WHERE c.code = 'GK'"), 1);
    let err = e.fails(&["register", "add", "--title", "Chiến sĩ thi đau cơ sở", "--person", "BH01"], 1);
    assert!(
        err.contains("no title or form 'Chiến sĩ thi đau cơ sở'") && err.contains("CSTDCS (Chiến sĩ thi đua cơ sở)"),
        "{err}"
    );
    let err = e.fails(&["unit", "add", "KHĐT", "--name", "Sở Kế hoạch và Đầu tư"], 2);
    assert!(err.contains("unit code 'KHĐT' holds letters outside A–Z: write it KHDT"), "{err}");
}
