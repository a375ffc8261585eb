//! Award decisions, awards, the forms catalog, and what awards do to registrations.

use crate::{csv_rows, Env};

fn bloc() -> Env {
    let e = Env::init();
    e.seven_units();
    e
}

#[test]
fn decision_numbers_are_normalised_or_refused_with_an_example() {
    let e = bloc();
    e.ok(&["award", "decision", "add", "123 / QD-UBND", "--date", "15/01/2020", "--issuer", "UBND tỉnh Tây Ninh"]);
    e.ok(&["award", "decision", "add", "Số: 86/2020/qđ–ubnd", "--date", "3/2/2020", "--issuer", "UBND tỉnh Tây Ninh"]);
    let numbers: Vec<String> = e
        .conn()
        .prepare("SELECT number FROM decision ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(numbers, ["123/QĐ-UBND", "86/2020/QĐ-UBND"]);
    for bad in ["123", "QĐ-UBND", "12/QĐ", "abc/QĐ-UBND"] {
        let err =
            e.fails(&["award", "decision", "add", bad, "--date", "15/01/2020", "--issuer", "UBND tỉnh Tây Ninh"], 2);
        assert!(err.contains(&format!("'{bad}' is not a document number")) && err.contains("123/QĐ-UBND"), "{err}");
    }
    // Found however it is typed.
    let out = e.ok(&["award", "decision", "show", "123/qd-ubnd", "--format", "json"]).stdout;
    assert!(out.contains("\"123/QĐ-UBND\""), "{out}");
}

#[test]
fn the_key_is_issuer_year_and_number() {
    let e = bloc();
    e.ok(&["award", "decision", "add", "123/QĐ-UBND", "--date", "15/01/2020", "--issuer", "UBND tỉnh Tây Ninh"]);
    e.ok(&["award", "decision", "add", "123/QĐ-UBND", "--date", "10/02/2021", "--issuer", "UBND tỉnh Tây Ninh"]);
    e.ok(&["award", "decision", "add", "123/QĐ-UBND", "--date", "15/01/2020", "--issuer", "UBND tỉnh Bình Dương"]);
    let err = e.fails(
        &["award", "decision", "add", "123/QD-UBND", "--date", "20/05/2020", "--issuer", "ubnd tinh tay ninh"],
        1,
    );
    assert!(
        err.contains("123/QĐ-UBND of UBND tỉnh Tây Ninh in 2020 is already recorded (#1, dated 15/01/2020)"),
        "{err}"
    );
    assert_eq!(e.count("SELECT count(*) FROM decision"), 3);
    let err = e.fails(&["award", "decision", "show", "123/QĐ-UBND"], 1);
    assert!(err.contains("ambiguous") && err.contains("--decision-year"), "{err}");
    let out = e.ok(&["award", "decision", "show", "123/QĐ-UBND", "--decision-year", "2021"]).stdout;
    assert!(out.contains("10/02/2021"), "{out}");
    let out = e.ok(&["award", "decision", "show", "123/QĐ-UBND", "--issuer", "UBND tỉnh Bình Dương"]).stdout;
    assert!(out.contains("Bình Dương"), "{out}");
    let rows = csv_rows(&e.ok(&["award", "decision", "list", "--format", "csv"]).bytes);
    assert_eq!(rows[1][1..4], ["123/QĐ-UBND", "2020-01-15", "UBND tỉnh Bình Dương"]);
    assert_eq!(rows.len(), 4);
}

#[test]
fn the_seed_storys_three_awards_of_bhxh() {
    let e = bloc();
    e.ok(&["award", "decision", "add", "250/QĐ-UBND", "--date", "20/01/2020", "--issuer", "UBND tỉnh Tây Ninh"]);
    // "Cờ thi đua đơn vị dẫn đầu phong trào thi đua Khối năm 2019": achievement year 2019, decided in 2020.
    e.ok(&[
        "award",
        "add",
        "250/QĐ-UBND",
        "Cờ thi đua cấp bộ, ban, ngành, tỉnh",
        "--unit",
        "BHXH",
        "--year",
        "2019",
        "--reason",
        "Đơn vị dẫn đầu phong trào thi đua Khối năm 2019",
    ]);
    // The two period awards; their decisions are not in the story, so they are entered without one.
    e.ok(&[
        "award",
        "add",
        "-",
        "CTD_TINH",
        "--unit",
        "BHXH",
        "--period",
        "2015 – 2020",
        "--basis",
        "thematic",
        "--reason",
        "Cờ thi đua “Đơn vị dẫn đầu phong trào thi đua” giai đoạn 2015 – 2020",
    ]);
    e.ok(&[
        "award",
        "add",
        "-",
        "BK_TINH",
        "--unit",
        "Bảo hiểm xã hội tỉnh",
        "--period",
        "2011-2020",
        "--basis",
        "thematic",
        "--reason",
        "Thực hiện công tác Cải cách hành chính giai đoạn 2011 – 2020",
    ]);
    let rows = csv_rows(&e.ok(&["award", "list", "--unit", "BHXH", "--format", "csv"]).bytes);
    let got: Vec<(&str, &str, &str, &str)> =
        rows[1..].iter().map(|r| (r[4].as_str(), r[11].as_str(), r[12].as_str(), r[1].as_str())).collect();
    assert_eq!(
        got,
        [
            ("CTD_TINH", "2019", "merit", "250/QĐ-UBND"),
            ("BK_TINH", "2011–2020", "thematic", ""),
            ("CTD_TINH", "2015–2020", "thematic", "")
        ]
    );
    let (from, to): (i64, i64) = e
        .conn()
        .query_row("SELECT year_from, year_to FROM award WHERE id = 3", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((from, to), (2011, 2020));
    // Names as printed stay when the unit is renamed.
    e.ok(&["unit", "edit", "BHXH", "--name", "Bảo hiểm xã hội khu vực XXIV"]);
    let rows = csv_rows(&e.ok(&["award", "list", "--unit", "BHXH", "--format", "csv"]).bytes);
    assert!(rows[1..].iter().all(|r| r[10] == "Bảo hiểm xã hội tỉnh"), "{rows:?}");
    let out = e.ok(&["award", "list", "--year", "2017"]).stdout;
    assert!(out.contains("2015–2020") && out.contains("2011–2020") && !out.contains("250/QĐ-UBND"), "{out}");
}

#[test]
fn subject_kind_must_fit_and_bad_periods_are_refused() {
    let e = bloc();
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân"]);
    e.ok(&["award", "decision", "add", "5/QĐ-CTK", "--date", "05/01/2021", "--issuer", "Cục Thống kê"]);
    let err = e.fails(&["award", "add", "5/QĐ-CTK", "LDTT", "--unit", "CT"], 1);
    assert!(
        err.contains("LDTT (Lao động tiên tiến) is a title for individuals, not for a unit")
            && err.contains("--person"),
        "{err}"
    );
    let err = e.fails(&["award", "add", "5/QĐ-CTK", "TTLDXS", "--person", "Tạ Thị Dân"], 1);
    assert!(err.contains("not for a person"), "{err}");
    let err = e.fails(&["award", "add", "5/QĐ-CTK", "LDTT", "--person", "1", "--period", "2020-2015"], 2);
    assert!(err.contains("ends before it starts"), "{err}");
    let err = e.fails(&["award", "add", "9/QĐ-CTK", "LDTT", "--person", "1"], 1);
    assert!(err.contains("no decision 9/QĐ-CTK") && err.contains("award decision add"), "{err}");
    // A form for individuals and collectives alike.
    e.ok(&["award", "add", "5/QĐ-CTK", "GK", "--person", "1"]);
    e.ok(&["award", "add", "5/QĐ-CTK", "Giấy khen", "--unit", "CT"]);
    let err = e.fails(&["award", "add", "5/QĐ-CTK", "GK", "--unit", "CT"], 1);
    assert!(err.contains("already recorded as #2"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM award"), 2);
}

#[test]
fn an_award_achieves_the_registration_and_removing_it_reverts() {
    let e = bloc();
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Trần Thị Yến Phương", "--code", "BH01"]);
    e.ok(&["register", "add", "--title", "CSTDCS", "--person", "BH01"]);
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "BHXH"]);
    e.ok(&["award", "decision", "add", "30/QĐ-BHXH", "--date", "10/01/2021", "--issuer", "Bảo hiểm xã hội tỉnh"]);
    let out = e.ok(&["award", "add", "30/QĐ-BHXH", "CSTDCS", "--person", "BH01"]);
    assert!(out.stderr.contains("registration #1 is now achieved"), "{}", out.stderr);
    // An award for another year does not achieve this year's registration.
    e.ok(&["award", "add", "30/QĐ-BHXH", "TTLDXS", "--unit", "BHXH", "--year", "2019"]);
    let rows = csv_rows(&e.ok(&["register", "list", "--format", "csv"]).bytes);
    let status: Vec<(&str, &str, &str)> =
        rows[1..].iter().map(|r| (r[5].as_str(), r[9].as_str(), r[11].as_str())).collect();
    assert_eq!(status, [("TTLDXS", "registered", ""), ("CSTDCS", "achieved", "1")]);
    let out = e.ok(&["award", "remove", "1", "--yes"]);
    assert!(out.stderr.contains("registration #1 is registered again"), "{}", out.stderr);
    let (s, a): (String, Option<i64>) = e
        .conn()
        .query_row("SELECT status, award_id FROM registration WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((s.as_str(), a), ("registered", None));
    let err = e.fails(&["award", "decision", "remove", "30/QĐ-BHXH", "--yes"], 1);
    assert!(err.contains("still has 1 award"), "{err}");
}

fn decision_list(n: usize) -> String {
    let mut s = String::from("code,unit,person,year,reason\n");
    for i in 0..n {
        s.push_str(&format!("LDTT,HQ,Nguyễn Văn Thứ {i},2020,Hoàn thành tốt nhiệm vụ năm 2020\n"));
    }
    s
}

#[test]
fn import_a_thirty_recipient_decision_list() {
    let e = bloc();
    e.ok(&["award", "decision", "add", "15/QĐ-HQ", "--date", "08/01/2021", "--issuer", "Cục Hải quan"]);
    let f = e.write("ds.csv", &decision_list(30));
    let err = e.fails(&["award", "import", &f, "--decision", "15/QĐ-HQ"], 1);
    assert!(
        err.contains("ds.csv:2: column 'person': no person 'Nguyễn Văn Thứ 0'") && err.contains("30 bad rows"),
        "{err}"
    );
    assert_eq!(e.count("SELECT count(*) FROM award"), 0);
    let out = e.ok(&["award", "import", &f, "--decision", "15/QĐ-HQ", "--create-people"]);
    assert!(out.stderr.contains("created 30 people") && out.stderr.contains("30 inserted"), "{}", out.stderr);
    let again = e.ok(&["award", "import", &f, "--decision", "15/QĐ-HQ", "--create-people"]);
    assert!(again.stderr.contains("nothing changed (30 rows"), "{}", again.stderr);
    let rows = csv_rows(&e.ok(&["award", "list", "--decision", "15/QĐ-HQ", "--format", "csv"]).bytes);
    assert_eq!(rows.len(), 31);
    assert_eq!(rows[1][11], "2020");
}

#[test]
fn import_with_decision_columns_records_the_decision_and_round_trips() {
    let e = bloc();
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân", "--code", "CT01"]);
    let f = e.write(
        "qd.csv",
        "decision;decision_date;issuer;code;unit;person_code;year;basis;reason\n\
         77/QĐ-UBND;12/01/2021;UBND tỉnh Tây Ninh;CTD_TINH;CT;;2020;merit;Đơn vị dẫn đầu Khối năm 2020\n\
         77/QĐ-UBND;12/01/2021;UBND tỉnh Tây Ninh;BK_TINH;HQ;;2020;công trạng;\n\
         77/QĐ-UBND;12/01/2021;UBND tỉnh Tây Ninh;BK_TINH;;CT01;2019-2020;đột xuất;\n",
    );
    let out = e.ok(&["award", "import", &f]);
    assert!(out.stderr.contains("recorded 1 decisions") && out.stderr.contains("3 inserted"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM award WHERE basis = 'adhoc' AND year_from = 2019"), 1);
    e.ok(&["award", "list", "-o", "awards.csv"]);
    let g = bloc();
    g.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân", "--code", "CT01"]);
    g.ok(&["award", "import", e.path("awards.csv").to_str().unwrap()]);
    let strip = |env: &Env| -> Vec<Vec<String>> {
        csv_rows(&env.ok(&["award", "list", "--format", "csv"]).bytes).into_iter().map(|r| r[1..].to_vec()).collect()
    };
    assert_eq!(strip(&e), strip(&g));
    let bad = e.write("bad.csv", "decision,code,unit\n99/QĐ-UBND,CTD_TINH,CT\n");
    let err = e.fails(&["award", "import", &bad], 1);
    assert!(
        err.contains("bad.csv:2: column 'decision': no decision 99/QĐ-UBND; give decision_date and issuer"),
        "{err}"
    );
}

#[test]
fn list_filters() {
    let e = bloc();
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân", "--code", "CT01"]);
    e.ok(&["award", "decision", "add", "1/QĐ-UBND", "--date", "10/01/2020", "--issuer", "UBND tỉnh Tây Ninh"]);
    e.ok(&["award", "decision", "add", "2/QĐ-CTK", "--date", "11/01/2021", "--issuer", "Cục Thống kê"]);
    e.ok(&["award", "add", "1/QĐ-UBND", "CTD_TINH", "--unit", "BHXH", "--year", "2019"]);
    e.ok(&["award", "add", "1/QĐ-UBND", "BK_TINH", "--unit", "CT", "--year", "2019"]);
    e.ok(&["award", "add", "2/QĐ-CTK", "CSTDCS", "--person", "CT01"]);
    let ids = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["award", "list", "--format", "csv"];
        a.extend_from_slice(args);
        csv_rows(&e.ok(&a).bytes)[1..].iter().map(|r| r[0].clone()).collect()
    };
    // By achievement year, then decision, then as entered (a decision's annex order).
    assert_eq!(ids(&[]), ["1", "2", "3"]);
    assert_eq!(ids(&["--unit", "CT"]), ["2", "3"]);
    assert_eq!(ids(&["--person", "Tạ Thị Dân"]), ["3"]);
    assert_eq!(ids(&["--code", "BK_TINH"]), ["2"]);
    assert_eq!(ids(&["--year", "2020"]), ["3"]);
    assert_eq!(ids(&["--decision", "1/QĐ-UBND"]), ["1", "2"]);
    let out = e.ok(&["award", "show", "3"]).stdout;
    assert!(out.contains("Chiến sĩ thi đua cơ sở") && out.contains("2/QĐ-CTK"), "{out}");
}

#[test]
fn the_forms_catalog_shares_codes_with_the_titles() {
    let e = Env::init();
    let rows = csv_rows(&e.ok(&["award", "forms", "--format", "csv"]).bytes);
    let codes: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    for c in ["GK", "BK_TINH", "BK_TTG", "KNC", "HCLD1", "HCLD2", "HCLD3", "HCDL1", "HCBVTQ3", "AHLD", "NGUT"] {
        assert!(codes.contains(&c), "{c} missing");
    }
    let hcld1 = rows.iter().find(|r| r[0] == "HCLD1").unwrap();
    assert_eq!(hcld1[1], "Huân chương Lao động hạng Nhất");
    // One namespace: a local code may not shadow a form.
    let err = e.fails(&["register", "titles", "add", "GK", "--name", "X", "--kind", "individual"], 1);
    assert!(err.contains("already in the catalog: Giấy khen"), "{err}");
}

/// The flag and a Bằng khen for the same unit and year are one achievement twice: recorded (the decision is the
/// province's) with a warning naming the first award and Law 06/2022 Art 5.2.c; another year is no warning.
#[test]
fn a_second_form_for_one_achievement_is_recorded_with_a_warning() {
    let e = bloc();
    e.ok(&["award", "add", "-", "CTD_TINH", "--unit", "BHXH", "--year", "2019"]);
    let out = e.ok(&["award", "add", "-", "BK_TINH", "--unit", "BHXH", "--year", "2019"]);
    assert!(
        out.stderr.contains("holds Cờ thi đua của UBND tỉnh for 2019 already (award #1): one achievement, one form")
            && out.stderr.contains("Điều 5 khoản 2 điểm c"),
        "{}",
        out.stderr
    );
    let out = e.ok(&["award", "add", "-", "BK_TINH", "--unit", "BHXH", "--year", "2018"]);
    assert!(!out.stderr.contains("one achievement, one form"), "{}", out.stderr);
}

/// A decision's number or date typed wrong is corrected in place; its awards follow it (issue 30).
#[test]
fn a_decision_typed_wrong_is_corrected_and_its_awards_follow() {
    let e = bloc();
    e.ok(&["award", "decision", "add", "123/QĐ-UBND", "--date", "15/01/2020", "--issuer", "UBND tỉnh Tây Ninh"]);
    e.ok(&["award", "decision", "add", "124/QĐ-UBND", "--date", "15/01/2020", "--issuer", "UBND tỉnh Tây Ninh"]);
    e.ok(&["award", "add", "123/QĐ-UBND", "BK_TINH", "--unit", "CTHUE", "--year", "2019"]);
    let err = e.fails(&["award", "decision", "edit", "123/QĐ-UBND", "--number", "124/QĐ-UBND"], 1);
    assert!(err.contains("decision 124/QĐ-UBND of UBND tỉnh Tây Ninh in 2020 is already recorded"), "{err}");
    let before = e.count("SELECT count(*) FROM audit");
    let out = e.ok(&["award", "decision", "edit", "123/QĐ-UBND", "--number", "132/QĐ-UBND", "--date", "16/01/2020"]);
    assert!(
        out.stderr.contains("decision corrected: 132/QĐ-UBND of 16/01/2020 (UBND tỉnh Tây Ninh)"),
        "{}",
        out.stderr
    );
    assert_eq!(e.count("SELECT count(*) FROM audit"), before + 1);
    let awards = csv_rows(&e.ok(&["award", "list", "--format", "csv"]).bytes);
    let at = awards[0].iter().position(|c| c == "decision").unwrap();
    assert_eq!(awards[1][at], "132/QĐ-UBND");
    e.fails(&["award", "decision", "show", "123/QĐ-UBND"], 1);
    e.ok(&["award", "decision", "edit", "132/QĐ-UBND", "--summary", "Về việc tặng Bằng khen"]);
    e.ok(&["award", "decision", "edit", "132/QĐ-UBND", "--summary", ""]);
    assert_eq!(e.count("SELECT count(*) FROM decision WHERE number = '132/QĐ-UBND' AND summary IS NULL"), 1);
}
