//! The CSV import machinery through `unit import` and `person import`: all or nothing, line numbers, idempotence,
//! dialects, round trips.

use crate::{csv_rows, Env};

fn people_csv(n: usize, bad_line: Option<usize>) -> String {
    let mut s = String::from("unit,name,position,gender,born\n");
    for i in 0..n {
        // Line numbers count the header as line 1.
        let line = i + 2;
        if Some(line) == bad_line {
            s.push_str(&format!("CT,Người Số {i},Chuyên viên,x,1980\n"));
        } else {
            s.push_str(&format!("CT,Người Số {i},Chuyên viên,f,{}\n", 1960 + i % 40));
        }
    }
    s
}

#[test]
fn one_bad_row_among_many_writes_nothing_and_names_its_line() {
    let e = Env::init();
    e.seven_units();
    let before = std::fs::read(e.db()).unwrap();
    let f = e.write("people.csv", &people_csv(300, Some(157)));
    let err = e.fails(&["person", "import", &f], 1);
    assert!(err.contains("people.csv:157: column 'gender': 'x' is not a gender (f, m; nữ/nam)"), "{err}");
    assert!(err.contains("1 bad row; nothing was written"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM person"), 0);
    assert_eq!(std::fs::read(e.db()).unwrap(), before, "the file changed");
}

#[test]
fn every_bad_row_is_listed_up_to_fifty() {
    let e = Env::init();
    e.seven_units();
    let mut s = String::from("unit,name,born\n");
    for i in 0..60 {
        s.push_str(&format!("NOPE,Người {i},1990\n"));
    }
    s.push_str("CT,Người tốt,19\n");
    let f = e.write("p.csv", &s);
    let err = e.fails(&["person", "import", &f], 1);
    assert!(err.contains("p.csv:2: column 'unit': no unit 'NOPE'"), "{err}");
    assert!(err.contains("p.csv:51:"), "{err}");
    assert!(!err.contains("p.csv:52:"), "{err}");
    assert!(err.contains("… and 11 more"), "{err}");
    assert!(err.contains("61 bad rows; nothing was written"), "{err}");
}

#[test]
fn reimport_changes_nothing() {
    let e = Env::init();
    e.seven_units();
    let f = e.write("people.csv", &people_csv(40, None));
    let first = e.ok(&["person", "import", &f]);
    assert!(first.stderr.contains("40 inserted, 0 updated, 0 unchanged"), "{}", first.stderr);
    // The name indexes the import builds again at its end are there, as the schema has them.
    assert_eq!(e.count("SELECT count(*) FROM sqlite_schema WHERE name = 'person_name'"), 1);
    e.ok(&["db", "check"]);
    let before = std::fs::read(e.db()).unwrap();
    let again = e.ok(&["person", "import", &f]);
    assert!(again.stderr.contains("nothing changed (40 rows"), "{}", again.stderr);
    assert_eq!(e.count("SELECT count(*) FROM person"), 40);
    assert_eq!(std::fs::read(e.db()).unwrap(), before, "a no-op import changed the file");
    // Units too.
    let units = e.path("units.csv");
    let out = e.ok(&["unit", "import", units.to_str().unwrap()]);
    assert!(out.stderr.contains("nothing changed (7 rows"), "{}", out.stderr);
}

#[test]
fn an_update_is_counted_and_absent_columns_keep_their_values() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["unit", "edit", "HQ", "--sector", "Bộ Tài chính"]);
    let f = e.write("u.csv", "code,name\nHQ,Chi cục Hải quan khu vực\nNEW,Đơn vị mới\n");
    let out = e.ok(&["unit", "import", &f]);
    assert!(out.stderr.contains("1 inserted, 1 updated, 0 unchanged"), "{}", out.stderr);
    let (name, sector, role): (String, String, String) = e
        .conn()
        .query_row("SELECT name, sector, role FROM unit WHERE code = 'HQ'", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((name.as_str(), sector.as_str(), role.as_str()), ("Chi cục Hải quan khu vực", "Bộ Tài chính", "member"));
}

#[test]
fn semicolons_bom_vietnamese_headers_nfd_and_names_for_codes() {
    let e = Env::init();
    e.seven_units();
    // A spreadsheet in a comma-decimal locale: BOM, semicolons, Vietnamese headers, unit by name, NFD text.
    let nfd_name = "Tra\u{0302}\u{0300}n Thi\u{0323} Ye\u{0302}\u{0301}n Phu\u{031B}o\u{031B}ng";
    let body = format!("\u{FEFF}Đơn vị;Họ và tên;Giới tính;Năm sinh\nBảo hiểm xã hội tỉnh;{nfd_name};nữ;1980\nhai quan;Lê Văn Tám;Nam;\n");
    let f = e.write("ds.csv", &body);
    e.ok(&["person", "import", &f]);
    let c = e.conn();
    let (name, unit, gender): (String, String, String) = c
        .query_row(
            "SELECT p.full_name, u.code, p.gender FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((name.as_str(), unit.as_str(), gender.as_str()), ("Trần Thị Yến Phương", "BHXH", "f"));
    assert_eq!(e.count("SELECT count(*) FROM person WHERE full_name = 'Lê Văn Tám' AND gender = 'm'"), 1);
}

#[test]
fn stdin_and_missing_columns() {
    let e = Env::init();
    let out = e.run_with(&["unit", "import", "-"], "code,name,role\nCT,Cục Thống kê,khối trưởng\n".as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("stdin: 1 inserted"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE role = 'leader'"), 1);
    let out = e.run_with(&["unit", "import", "-"], b"ky hieu,ten goi\nX,Y\n");
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("missing columns 'code', 'name' (the file has: 'ky hieu', 'ten goi')"),
        "{}",
        out.stderr
    );
    // Vietnamese headers are read: "Mã" is the code, "Tên" the name.
    let out = e.run_with(&["unit", "import", "-"], "Mã;Tên\nHQ;Cục Hải quan\n".as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = e.run_with(&["unit", "import", "-"], b"");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("empty"), "{}", out.stderr);
}

#[test]
fn non_utf8_is_refused_with_advice() {
    let e = Env::init();
    e.seven_units();
    // "Cục Thuế" in Windows-1258-ish bytes: not UTF-8.
    std::fs::write(e.path("old.csv"), b"unit,name\nCT,C\xF4c Thu\xEA\n").unwrap();
    let err = e.fails(&["person", "import", e.path("old.csv").to_str().unwrap()], 1);
    assert!(err.contains("old.csv:2:") && err.contains("UTF-8"), "{err}");
}

#[test]
fn parents_may_come_after_children_and_the_leader_may_move() {
    let e = Env::init();
    e.seven_units();
    let f = e.write("u.csv", "code,name,parent,role\nHQ_MB,Hải quan cửa khẩu Mộc Bài,HQ2,\nHQ,Cục Hải quan,,leader\nHQ2,Chi cục Hải quan,HQ,\nCT,Cục Thống kê,,member\n");
    let out = e.ok(&["unit", "import", &f]);
    assert!(out.stderr.contains("2 inserted, 2 updated"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE code = 'HQ' AND role = 'leader'"), 1);
    assert_eq!(
        e.count(
            "SELECT count(*) FROM unit c JOIN unit p ON p.id = c.parent_id WHERE c.code = 'HQ_MB' AND p.code = 'HQ2'"
        ),
        1
    );
    let f = e.write("bad.csv", "code,name,parent\nZ,Đơn vị Z,KHONGCO\n");
    let err = e.fails(&["unit", "import", &f], 1);
    assert!(err.contains("bad.csv:2: column 'parent': no unit 'KHONGCO'"), "{err}");
}

#[test]
fn list_csv_round_trips_into_an_empty_file() {
    let e = Env::init();
    e.seven_units();
    e.ok(&[
        "unit",
        "add",
        "BHXH_TB",
        "--name",
        "BHXH thị xã Trảng Bàng",
        "--parent",
        "BHXH",
        "--note",
        "=HYPERLINK(\"x\")",
    ]);
    e.ok(&[
        "person",
        "add",
        "--unit",
        "BHXH_TB",
        "--name",
        "Trần Thị Yến Phương",
        "--position",
        "Phó Giám đốc",
        "--gender",
        "f",
        "--born",
        "1979",
        "--code",
        "BH01",
    ]);
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tôn Nữ Minh Châu", "--family", "Tôn Nữ"]);
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân", "--position", "Trưởng phòng TCHC"]);
    e.ok(&["unit", "list", "-o", "units-out.csv"]);
    e.ok(&["person", "list", "-o", "people-out.csv"]);

    let f = Env::init();
    f.ok(&["unit", "import", e.path("units-out.csv").to_str().unwrap()]);
    f.ok(&["person", "import", e.path("people-out.csv").to_str().unwrap()]);
    let units = |env: &Env| env.ok(&["unit", "list", "--format", "csv"]).stdout;
    assert_eq!(units(&e), units(&f));
    // Numbers belong to one file; every other column comes back the same.
    let people = |env: &Env| {
        csv_rows(&env.ok(&["person", "list", "--format", "csv"]).bytes)
            .into_iter()
            .map(|r| r[1..].to_vec())
            .collect::<Vec<_>>()
    };
    assert_eq!(people(&e), people(&f));
    assert_eq!(people(&e).len(), 4);
    // The neutralised formula is written with its guard and read back as the text it was.
    let rows = csv_rows(&f.ok(&["unit", "list", "--format", "csv"]).bytes);
    assert!(rows.iter().any(|r| r[9] == "'=HYPERLINK(\"x\")"), "{rows:?}");
    assert_eq!(f.count("SELECT count(*) FROM unit WHERE note = '=HYPERLINK(\"x\")'"), 1);
}

#[test]
fn dry_run_imports_nothing() {
    let e = Env::init();
    e.seven_units();
    let f = e.write("people.csv", &people_csv(5, None));
    let out = e.ok(&["person", "import", &f, "--dry-run"]);
    assert!(out.stderr.contains("5 inserted") && out.stderr.contains("dry run"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM person"), 0);
}

/// A people import writes through a bulk load: triggers off for its own connection, the change counters and the
/// content digest kept by the load itself. Whatever the rows do (insert, update a person from before, insert and
/// update one of its own rows, match by name, name a unit by name or a code in lower case), the log and the digest
/// come out as the triggers would have left them: `db check` is clean, the entry counts every change, and a change
/// made with another program afterwards is still found.
#[test]
fn a_bulk_load_keeps_the_log_and_the_content_digest() {
    let e = Env::init();
    e.seven_units();
    let first = e.write(
        "first.csv",
        "unit,name,position,gender,born,code\n\
         CT,Trần Văn An,Chuyên viên,m,1980,A1\n\
         CT,Lê Thị Bình,Kế toán,f,1985,A2\n\
         HQ,Phạm Văn Cường,Chuyên viên,m,1979,\n",
    );
    e.ok(&["person", "import", &first]);
    e.ok(&["db", "check"]);
    let second = e.write(
        "second.csv",
        "unit,name,position,gender,born,code\n\
         CT,Trần Văn An,Phó Trưởng phòng,m,1980,A1\n\
         bhxh,Nguyễn Thị Dung,Chuyên viên,f,1990,A3\n\
         HQ,Phạm Văn Cường,Trưởng phòng,m,1979,\n\
         Cục Hải quan,Đỗ Văn Em,Chuyên viên,m,1991,\n\
         Kho bạc Nhà nước tỉnh,Hoàng Thị Gấm,Thủ quỹ,f,1988,A4\n\
         BHXH,Nguyễn Thị Dung,Trưởng phòng,f,1990,A3\n\
         CT,Lê Thị Bình,Kế toán,f,1985,A2\n",
    );
    let out = e.ok(&["person", "import", &second]);
    assert!(out.stderr.contains("3 inserted, 3 updated, 1 unchanged"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM person WHERE position = 'Trưởng phòng'"), 2);
    assert_eq!(e.count("SELECT count(*) FROM person p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'KBNN'"), 1);
    e.ok(&["db", "check"]);
    let log = crate::csv_rows(&e.ok(&["db", "log", "--format", "csv"]).bytes);
    assert_eq!(log.last().unwrap()[4], "person +3 ~3", "{log:?}");
    // The file's own triggers are in place and fire for every other program.
    assert_eq!(e.count("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit_person_%' AND name NOT LIKE 'audit_person_class_%'"), 3);
    e.conn().execute_batch("UPDATE person SET note = 'x' WHERE staff_code = 'A4'").unwrap();
    let out = e.run(&["db", "check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("rows changed outside thidua after the last audit entry: person ~1"), "{}", out.stdout);
}

/// The registration and award imports write through bulk loads too, with rows on the side: people a registration
/// list creates, decisions an award list records, registrations an award achieves. Every one of them is in the log
/// and the content digest (`db check` clean), and the registrations achieved point at their awards.
#[test]
fn registrations_and_awards_load_with_their_rows_on_the_side() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["campaign", "add", "PT2020", "--name", "Phong trào thi đua năm 2020", "--kind", "regular"]);
    e.ok(&["campaign", "launch", "PT2020", "--date", "15/02/2020"]);
    let people = e.write("people.csv", "unit,name,code\nCT,Trần Văn An,A1\nHQ,Lê Thị Bình,A2\n");
    e.ok(&["person", "import", &people]);
    let regs = e.write(
        "regs.csv",
        "unit;person;person_code;title;date\n\
         CT;Trần Văn An;A1;LDTT;15/01/2020\n\
         HQ;Lê Thị Bình;A2;CSTDCS;15/01/2020\n\
         KBNN;Đỗ Văn Cường;C9;LDTT;16/01/2020\n\
         KBNN;;C9;CSTDCS;16/01/2020\n\
         HQ;;;TTLDXS;16/01/2020\n",
    );
    // People are looked up a batch of rows at a time: the person the third row creates is found by the fourth,
    // though the batch was looked up before either was written.
    let out = e.ok(&["register", "import", &regs, "--create-people"]);
    assert!(out.stderr.contains("created 1 person") && out.stderr.contains("5 inserted"), "{}", out.stderr);
    assert_eq!(
        e.count("SELECT count(*) FROM registration r JOIN person p ON p.id = r.person_id WHERE p.staff_code = 'C9'"),
        2
    );
    e.ok(&["db", "check"]);
    // The same list with one date changed: one update, found by title and subject.
    let again = e.write("again.csv", "unit;person_code;title;date\nCT;A1;LDTT;20/01/2020\n");
    let out = e.ok(&["register", "import", &again]);
    assert!(out.stderr.contains("0 inserted, 1 updated"), "{}", out.stderr);
    e.ok(&["db", "check"]);
    let awards = e.write(
        "awards.csv",
        "decision,decision_date,issuer,code,unit,person_code,year\n\
         12/QĐ-UBND,12/01/2021,UBND tỉnh Tây Ninh,LDTT,CT,A1,2020\n\
         12/QĐ-UBND,12/01/2021,UBND tỉnh Tây Ninh,TTLDXS,HQ,,2020\n\
         12/QĐ-UBND,12/01/2021,UBND tỉnh Tây Ninh,LDTT,HQ,A2,2019\n",
    );
    let out = e.ok(&["award", "import", &awards]);
    assert!(out.stderr.contains("recorded 1 decision") && out.stderr.contains("3 inserted"), "{}", out.stderr);
    assert_eq!(
        e.count("SELECT count(*) FROM registration r JOIN award a ON a.id = r.award_id WHERE r.status = 'achieved'"),
        2
    );
    e.ok(&["db", "check"]);
    // Without a recipient column, the name printed is the person's, from the batch's lookup.
    let printed = e.conn().query_row(
        "SELECT group_concat(recipient, '|') FROM (SELECT recipient FROM award WHERE person_id IS NOT NULL ORDER BY id)",
        [],
        |r| r.get::<_, String>(0),
    );
    assert_eq!(printed.unwrap(), "Trần Văn An|Lê Thị Bình");
    let log = crate::csv_rows(&e.ok(&["db", "log", "--format", "csv"]).bytes);
    assert_eq!(log.last().unwrap()[4], "award +3, decision +1, registration ~2", "{log:?}");
    let out = e.ok(&["award", "import", &awards]);
    assert!(out.stderr.contains("nothing changed (3 rows"), "{}", out.stderr);
}

/// Seven units, the year's campaign launched, and people P001 to P100 ("Người Số 1" …) in CT.
fn hundred_people_and_a_campaign() -> Env {
    let e = Env::init();
    e.seven_units();
    e.ok(&["campaign", "add", "PT2020", "--name", "Phong trào thi đua năm 2020", "--kind", "regular"]);
    e.ok(&["campaign", "launch", "PT2020", "--date", "15/02/2020"]);
    let mut people = String::from("unit,name,code\n");
    for i in 1..=100 {
        people += &format!("CT,Người Số {i},P{i:03}\n");
    }
    e.ok(&["person", "import", &e.write("people.csv", &people)]);
    e
}

/// Awards of a decision are written many at a time, in the file's order: the same award twice among a
/// statement's rows is recorded once, an award without a decision (looked for first) keeps its place between
/// the rows before and after it, and each marks the registration it achieves (one marked not achieved too).
#[test]
fn awards_written_many_at_a_time_keep_the_files_order_and_outcomes() {
    let e = hundred_people_and_a_campaign();
    let mut regs = String::from("unit,person_code,title,date\n");
    for i in 1..=60 {
        regs += &format!("CT,P{i:03},LDTT,15/01/2020\n");
    }
    e.ok(&["register", "import", &e.write("regs.csv", &regs)]);
    e.ok(&["register", "result", "3", "not_achieved"]);
    // 40 awards of one decision, P010 twice among the first statement's rows, P050's award without a decision
    // as the 21st row.
    let mut rows: Vec<(u32, bool)> = (1..=40).map(|i| (i, true)).collect();
    rows.insert(12, (10, true));
    rows.insert(20, (50, false));
    let mut awards = String::from("decision,decision_date,issuer,code,unit,person_code,year\n");
    for (i, decided) in &rows {
        let decision = if *decided { "12/QĐ-UBND,12/01/2021,UBND tỉnh Tây Ninh" } else { ",," };
        awards += &format!("{decision},LDTT,CT,P{i:03},2020\n");
    }
    let out = e.ok(&["award", "import", &e.write("awards.csv", &awards)]);
    assert!(out.stderr.contains("41 inserted, 0 updated, 1 unchanged"), "{}", out.stderr);
    let col = |sql: &str| e.conn().query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
    let order = col("SELECT group_concat(code, ' ') FROM (SELECT substr(p.staff_code, 2) AS code FROM award a
         JOIN person p ON p.id = a.person_id ORDER BY a.id)");
    let mut expected: Vec<u32> = (1..=40).collect();
    expected.insert(19, 50);
    assert_eq!(order, expected.iter().map(|i| format!("{i:03}")).collect::<Vec<_>>().join(" "));
    assert_eq!(e.count("SELECT count(*) FROM award WHERE decision_id IS NULL"), 1);
    // Each award achieved its subject's registration, the one marked not achieved included.
    let achieved = col("SELECT group_concat(code, ' ') FROM (SELECT substr(p.staff_code, 2) AS code
         FROM registration r JOIN person p ON p.id = r.person_id JOIN award a ON a.id = r.award_id
         WHERE r.status = 'achieved' AND a.person_id = r.person_id ORDER BY r.id)");
    let mut by_registration = expected.clone();
    by_registration.sort();
    assert_eq!(achieved, by_registration.iter().map(|i| format!("{i:03}")).collect::<Vec<_>>().join(" "));
    e.ok(&["db", "check"]);
    let out = e.ok(&["award", "import", &e.write("awards.csv", &awards)]);
    assert!(out.stderr.contains("nothing changed (42 rows"), "{}", out.stderr);
}

/// A list may withdraw: a withdrawn row is written with its column saying so, on the many-rows path and one at a
/// time, and frees its subject's place for a later row; a row that withdraws a stored registration updates it.
/// The content digest the import keeps is the one `db check` computes from the rows (it leaves the column out).
#[test]
fn withdrawals_in_a_list_keep_the_status_and_its_column_together() {
    let e = hundred_people_and_a_campaign();
    // P005 withdrawn inside the first statement's 32 rows, P035 among the rows after it; both registered again.
    let mut first = String::from("unit,person_code,title,date,status\n");
    for i in 1..=40 {
        let status = if i == 5 || i == 35 { "rút đăng ký" } else { "" };
        first += &format!("CT,P{i:03},LDTT,15/01/2020,{status}\n");
    }
    first += "CT,P005,LDTT,01/02/2020,\nCT,P035,LDTT,01/02/2020,\n";
    let out = e.ok(&["register", "import", &e.write("first.csv", &first)]);
    assert!(out.stderr.contains("42 inserted, 0 updated"), "{}", out.stderr);
    let who = |sql: &str| e.conn().query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
    let withdrawn = "SELECT group_concat(p.staff_code || '/' || r.registered_on, ' ') FROM registration r
                     JOIN person p ON p.id = r.person_id WHERE r.withdrawn = 1 AND r.status = 'withdrawn'";
    assert_eq!(who(withdrawn), "P005/2020-01-15 P035/2020-01-15");
    assert_eq!(e.count("SELECT count(*) FROM registration WHERE withdrawn = 0 AND status = 'registered'"), 40);
    e.ok(&["db", "check"]);
    // A list withdrawing a stored registration (P010), then registering its subject again.
    let second = "unit,person_code,title,date,status\nCT,P010,LDTT,15/01/2020,withdrawn\nCT,P010,LDTT,02/02/2020,\n";
    let out = e.ok(&["register", "import", &e.write("second.csv", second)]);
    assert!(out.stderr.contains("1 inserted, 1 updated"), "{}", out.stderr);
    assert_eq!(who(withdrawn), "P005/2020-01-15 P010/2020-01-15 P035/2020-01-15");
    e.ok(&["db", "check"]);
}

#[test]
fn registrations_written_many_at_a_time_keep_the_files_order_and_outcomes() {
    let e = hundred_people_and_a_campaign();
    let list = |rows: &[(u32, &str, &str)]| {
        let mut s = String::from("unit,person_code,title,date\n");
        for (i, title, date) in rows {
            s += &format!("CT,P{i:03},{title},{date}\n");
        }
        s
    };
    // 40 new rows: one statement of 32, then 8 one at a time.
    let first: Vec<(u32, &str, &str)> = (1..=40).map(|i| (i, "LDTT", "15/01/2020")).collect();
    let out = e.ok(&["register", "import", &e.write("first.csv", &list(&first))]);
    assert!(out.stderr.contains("40 inserted"), "{}", out.stderr);
    // A list where the first 32 rows hold, from the 11th on, registrations there already (two with a new date),
    // and the same person twice (the second row's date is the one kept, as if the rows were written one by one).
    let mut second: Vec<(u32, &str, &str)> = (41..=50).map(|i| (i, "LDTT", "16/01/2020")).collect();
    second.extend((1..=10).map(|i| (i, "LDTT", if i <= 2 { "20/01/2020" } else { "15/01/2020" })));
    second.extend([(60, "LDTT", "16/01/2020"), (60, "LDTT", "17/01/2020")]);
    second.extend((61..=100).map(|i| (i, "LDTT", "16/01/2020")));
    let out = e.ok(&["register", "import", &e.write("second.csv", &list(&second))]);
    assert!(out.stderr.contains("51 inserted, 3 updated, 8 unchanged"), "{}", out.stderr);
    let col = |sql: &str| e.conn().query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
    // New registrations are numbered in the file's order.
    let order = col("SELECT group_concat(code, ' ') FROM (SELECT substr(p.staff_code, 2) AS code FROM registration r
         JOIN person p ON p.id = r.person_id WHERE r.id > 40 ORDER BY r.id)");
    let expected: Vec<String> = (41..=50).chain(60..=100).map(|i| format!("{i:03}")).collect();
    assert_eq!(order, expected.join(" "));
    assert_eq!(
        col(
            "SELECT group_concat(registered_on, ' ') FROM (SELECT registered_on FROM registration r
             JOIN person p ON p.id = r.person_id WHERE p.staff_code IN ('P001', 'P003', 'P060') ORDER BY p.staff_code)"
        ),
        "2020-01-20 2020-01-15 2020-01-17"
    );
    e.ok(&["db", "check"]);
    // The same list again: only the person named twice changes, to the first row's date and back.
    let out = e.ok(&["register", "import", &e.write("second.csv", &list(&second))]);
    assert!(out.stderr.contains("0 inserted, 2 updated, 60 unchanged"), "{}", out.stderr);
    // A list with two bad rows, among the rows of two statements, writes nothing and names both lines in order.
    let bad = list(&(1..=70).map(|i| (i, "CSTDCS", "15/01/2020")).collect::<Vec<_>>());
    let bad = bad.replace("P005", "X005").replace("P040", "X040");
    let out = e.run(&["register", "import", &e.write("bad.csv", &bad)]);
    assert_eq!(out.code, 1, "{out:?}");
    let at5 = out.stderr.find("bad.csv:6:").expect("line 6 named");
    let at40 = out.stderr.find("bad.csv:41:").expect("line 41 named");
    assert!(at5 < at40, "{}", out.stderr);
    assert_eq!(
        e.count("SELECT count(*) FROM registration WHERE catalog_id <> (SELECT id FROM catalog WHERE code = 'LDTT')"),
        0
    );
    // A statement of 32 rows written whole, then one whose first row is there already: none of the second's is
    // taken for written.
    let mut third: Vec<(u32, &str, &str)> = (1..=32).map(|i| (i, "CSTDCS", "15/01/2020")).collect();
    third.push((1, "CSTDCS", "15/01/2020"));
    third.extend((33..=63).map(|i| (i, "CSTDCS", "15/01/2020")));
    let out = e.ok(&["register", "import", &e.write("third.csv", &list(&third))]);
    assert!(out.stderr.contains("63 inserted, 0 updated, 1 unchanged"), "{}", out.stderr);
    e.ok(&["db", "check"]);
}

#[test]
fn people_written_many_at_a_time_keep_the_files_order_and_outcomes() {
    let e = Env::init();
    e.seven_units();
    let list = |rows: &[(&str, String, &str)]| {
        let mut s = String::from("unit,name,code,position\n");
        for (unit, code, position) in rows {
            s += &format!("{unit},Người {code},{code},{position}\n");
        }
        s
    };
    let first: Vec<(&str, String, &str)> = (1..=40).map(|i| ("CT", format!("P{i:03}"), "Chuyên viên")).collect();
    let out = e.ok(&["person", "import", &e.write("first.csv", &list(&first))]);
    assert!(out.stderr.contains("40 inserted"), "{}", out.stderr);
    // The first statement's rows: ten new people, then a code there already typed in small letters (a new
    // position), then the same new person twice (the second row's position kept); a unit named by name in between.
    let mut second: Vec<(&str, String, &str)> = (41..=50).map(|i| ("CT", format!("P{i:03}"), "Chuyên viên")).collect();
    second.push(("CT", "p001".into(), "Trưởng phòng"));
    second.push(("Cục Hải quan", "P060".into(), "Chuyên viên"));
    second.push(("Cục Hải quan", "P060".into(), "Phó phòng"));
    second.extend((61..=100).map(|i| ("CT", format!("P{i:03}"), "Chuyên viên")));
    let out = e.ok(&["person", "import", &e.write("second.csv", &list(&second))]);
    assert!(out.stderr.contains("51 inserted, 2 updated, 0 unchanged"), "{}", out.stderr);
    let col = |sql: &str| e.conn().query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
    let order =
        col("SELECT group_concat(staff_code, ' ') FROM (SELECT staff_code FROM person WHERE id > 40 ORDER BY id)");
    let expected: Vec<String> = (41..=50).chain(60..=100).map(|i| format!("P{i:03}")).collect();
    assert_eq!(order, expected.join(" "));
    assert_eq!(
        col("SELECT group_concat(position, '|') FROM (SELECT position FROM person WHERE staff_code IN ('P001', 'P060') ORDER BY id)"),
        "Trưởng phòng|Phó phòng"
    );
    assert_eq!(col("SELECT u.code FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.staff_code = 'P060'"), "HQ");
    e.ok(&["db", "check"]);
    // Bad rows among the rows of two statements: nothing written, both lines named in order.
    let mut bad: Vec<(&str, String, &str)> = (101..=170).map(|i| ("CT", format!("P{i:03}"), "Chuyên viên")).collect();
    bad[4].0 = "KHONGCO";
    bad[39].0 = "KHONGCO";
    let out = e.run(&["person", "import", &e.write("bad.csv", &list(&bad))]);
    assert_eq!(out.code, 1, "{out:?}");
    let (at6, at41) = (out.stderr.find("bad.csv:6:"), out.stderr.find("bad.csv:41:"));
    assert!(at6.is_some() && at41.is_some() && at6 < at41, "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM person"), 91);
}

/// A batch of staff codes is read as a run of the index when it holds little more than the batch, else code by
/// code: both find the same people, in any letter case, a code named twice in both places.
#[test]
fn staff_codes_are_found_as_a_run_or_one_by_one() {
    let e = hundred_people_and_a_campaign();
    let got = |sql: &str| e.conn().query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
    let who = "SELECT group_concat(p.full_name, '|') FROM (SELECT p.full_name FROM registration r
               JOIN person p ON p.id = r.person_id JOIN catalog c ON c.id = r.catalog_id WHERE c.code = ?1 ORDER BY r.id) p";
    // A run: four codes among five of the index, one in small letters, one twice (two titles).
    let run = "unit,person_code,title\nCT,P010,LDTT\nCT,p011,LDTT\nCT,P013,LDTT\nCT,P014,LDTT\nCT,P011,CSTDCS\n";
    let out = e.ok(&["register", "import", &e.write("run.csv", run)]);
    assert!(out.stderr.contains("5 inserted"), "{}", out.stderr);
    assert_eq!(got(&who.replace("?1", "'LDTT'")), "Người Số 10|Người Số 11|Người Số 13|Người Số 14");
    assert_eq!(got(&who.replace("?1", "'CSTDCS'")), "Người Số 11");
    // Far apart: two codes with a hundred between them, one in small letters, one unknown (refused by its line).
    let apart = "unit,person_code,title\nCT,p001,CSTDCS\nCT,P100,CSTDCS\nCT,P999,CSTDCS\n";
    let err = e.fails(&["register", "import", &e.write("apart.csv", apart)], 1);
    assert!(err.contains("apart.csv:4:") && err.contains("no person with staff code 'P999'"), "{err}");
    let out = e.ok(&["register", "import", &e.write("apart.csv", &apart.replace("CT,P999,CSTDCS\n", ""))]);
    assert!(out.stderr.contains("2 inserted"), "{}", out.stderr);
    assert_eq!(got(&who.replace("?1", "'CSTDCS'")), "Người Số 11|Người Số 1|Người Số 100");
    // A run given backwards, in both letter cases: each row gets its own person; a row naming the person too has
    // the name checked against the stored one.
    let back = "unit,person,person_code,title\nCT,,P014,CSTDCS\nCT,,p013,CSTDCS\nCT,Người Số 99,P012,CSTDCS\n";
    let err = e.fails(&["register", "import", &e.write("back.csv", back)], 1);
    assert!(err.contains("back.csv:4: column 'person': 'Người Số 99' is not Người Số 12"), "{err}");
    let out = e.ok(&["register", "import", &e.write("back.csv", &back.replace("Số 99", "Số 12"))]);
    assert!(out.stderr.contains("3 inserted"), "{}", out.stderr);
    assert_eq!(
        got(&who.replace("?1", "'CSTDCS'")),
        "Người Số 11|Người Số 1|Người Số 100|Người Số 14|Người Số 13|Người Số 12"
    );
    e.ok(&["db", "check"]);
}

/// People in no unit order (a national list sorted by staff code): the load drops the unit's name index while it
/// writes, builds it again when a row without a staff code must be matched by name in its unit, and leaves it in
/// place; the outcomes are those of rows in unit order.
#[test]
fn people_in_no_unit_order_are_matched_by_name_alike() {
    let e = Env::init();
    e.seven_units();
    let units = ["CT", "BHXH", "CTHUE", "HQ", "KBNN", "NHNN", "QLTT"];
    let mut csv = String::from("unit,name,code,position\n");
    for i in 0..5000 {
        csv += &format!("{},Người Số {i},S{i:05},Chuyên viên\n", units[i % 7]);
    }
    // Rows without a staff code: one names a person of this file in the same unit (Người Số 4204 is of KBNN),
    // one is new and comes twice; then a row with a staff code again.
    csv += "KBNN,Người Số 4204,,Trưởng phòng\nHQ,Người Mới,,Chuyên viên\nHQ,Người Mới,,Phó phòng\n";
    csv += "BHXH,Người Số 4999,S04999,Chuyên viên\n";
    let out = e.ok(&["person", "import", &e.write("p.csv", &csv)]);
    assert!(out.stderr.contains("5001 inserted, 2 updated, 1 unchanged"), "{}", out.stderr);
    let one = |sql: &str| e.conn().query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
    assert_eq!(
        one("SELECT position || ' ' || staff_code FROM person WHERE full_name = 'Người Số 4204'"),
        "Trưởng phòng S04204"
    );
    assert_eq!(one("SELECT position FROM person WHERE full_name = 'Người Mới'"), "Phó phòng");
    assert_eq!(
        e.count("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('person_unit', 'person_name')"),
        2
    );
    e.ok(&["db", "check"]);
    // The same list again: only the four rows that contradict one another change something.
    let out = e.ok(&["person", "import", &e.write("p.csv", &csv)]);
    assert!(out.stderr.contains("0 inserted, 4 updated, 5000 unchanged"), "{}", out.stderr);
    e.ok(&["db", "check"]);
}

/// Once a load has built the unit's name index because a row needed it, it keeps it: rows in no unit order after it
/// do not drop it again (a file mixing rows without a staff code into a national list would build it every few
/// thousand rows). SQLite counts every change of the schema: the load drops and builds each name index once.
#[test]
fn an_index_built_for_a_row_is_not_dropped_again() {
    let e = Env::init();
    e.seven_units();
    let units = ["CT", "BHXH", "CTHUE", "HQ", "KBNN", "NHNN", "QLTT"];
    let mut csv = String::from("unit,name,code\n");
    for i in 0..15000 {
        csv += &format!("{},Người Số {i},S{i:05}\n", units[i % 7]);
        if i == 5000 || i == 14000 {
            csv += &format!("{},Người Không Mã {i},\n", units[i % 7]);
        }
    }
    let version = || e.conn().query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0)).unwrap();
    let before = version();
    let out = e.ok(&["person", "import", &e.write("p.csv", &csv)]);
    assert!(out.stderr.contains("15002 inserted"), "{}", out.stderr);
    // person_name dropped and built at the end; person_unit dropped at row 4,096, built at row 5,002.
    assert_eq!(version() - before, 4);
    e.ok(&["db", "check"]);
}
