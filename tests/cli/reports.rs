//! The reviews and lists, on the demo file of the seed story: snapshots of every report in every format, the
//! facts of the story, the demo's safety, and reports on a file whose year is still empty.
//! Snapshots live in tests/snapshots/; refresh them with `UPDATE_SNAPSHOTS=1 cargo test --test cli reports`.

use crate::{csv_rows, Env};

/// Compares output with its snapshot file, or writes it under UPDATE_SNAPSHOTS.
pub fn snapshot(name: &str, got: &str) {
    let path = format!("{}/tests/snapshots/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(format!("{}/tests/snapshots", env!("CARGO_MANIFEST_DIR"))).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no snapshot {name}; run with UPDATE_SNAPSHOTS=1"));
    if want != got {
        let line = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(got.lines().count()));
        panic!(
            "{name} differs from its snapshot at line {}:\n  want: {:?}\n  got:  {:?}\n(UPDATE_SNAPSHOTS=1 to accept)",
            line + 1,
            want.lines().nth(line),
            got.lines().nth(line)
        );
    }
}

fn demo() -> Env {
    let e = Env::new();
    e.ok(&["-q", "-f", "thidua.db", "demo", "--format", "csv"]);
    e
}

const REPORTS: &[(&str, &[&str])] = &[
    ("midyear", &["report", "midyear"]),
    ("annual", &["report", "annual"]),
    ("registrations-unit", &["report", "registrations", "--by", "unit"]),
    ("registrations-title", &["report", "registrations", "--by", "title"]),
    ("pledges", &["report", "pledges", "--as-of", "2020-06-30"]),
    ("awards-code", &["report", "awards"]),
    ("awards-year", &["report", "awards", "--by", "year"]),
    ("decisions", &["report", "decisions"]),
    ("missing", &["report", "missing", "--as-of", "30/06/2020"]),
    ("unit-bhxh", &["report", "unit", "BHXH", "--as-of", "30/06/2020"]),
];

#[test]
fn every_report_in_every_format() {
    let e = demo();
    for (name, args) in REPORTS {
        for (fmt, ext) in [("table", "txt"), ("csv", "csv"), ("json", "json"), ("md", "md")] {
            let mut a = args.to_vec();
            a.extend(["--format", fmt]);
            let out = e.ok(&a).stdout;
            if fmt == "json" {
                serde_json::from_str::<serde_json::Value>(&out).unwrap_or_else(|err| panic!("{name} json: {err}"));
            }
            snapshot(&format!("{name}.{ext}"), &out);
        }
    }
    let mut a = vec!["--lang", "vi", "report", "midyear", "--format", "md"];
    snapshot("midyear.vi.md", &e.ok(&a).stdout);
    a[4..].copy_from_slice(&["--format", "table"]);
    snapshot("midyear.vi.txt", &e.ok(&a).stdout);
}

#[test]
fn the_midyear_review_tells_the_seed_story() {
    let e = demo();
    let md = e.ok(&["report", "midyear", "--format", "md"]).stdout;
    for fact in [
        "24/07/2020",
        "Cục Thống kê tỉnh",
        "Trần Thị Mỹ An, Trưởng ban Thi đua – Khen thưởng tỉnh",
        "Trần Thị Yến Phương",
        "Khối thi đua các Cơ quan Trung ương (province Tây Ninh): 7 member units.",
        "| CTK | Cục Thống kê | Cục Thống kê tỉnh | leader |",
        "Slogan: “Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc”",
        "Motto: “Kỷ cương, liêm chính, hành động, trách nhiệm, sáng tạo, hiệu quả”",
        "| Bảo hiểm xã hội tỉnh | BHXH | Cờ thi đua của UBND tỉnh | 2019 |",
        "| Bảo hiểm xã hội tỉnh | BHXH | Cờ thi đua của UBND tỉnh | 2015–2020 |",
        "| Bảo hiểm xã hội tỉnh | BHXH | Bằng khen của Chủ tịch UBND tỉnh | 2011–2020 |",
    ] {
        assert!(md.contains(fact), "the mid-year review lacks {fact:?}:\n{md}");
    }
    for unit in [
        "Cục Thuế",
        "Bảo hiểm xã hội tỉnh",
        "Cục Hải quan",
        "Kho bạc Nhà nước tỉnh",
        "Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh",
        "Cục Thống kê",
        "Cục Quản lý thị trường tỉnh",
    ] {
        assert!(md.contains(&format!("| {unit} |")), "member {unit} missing");
    }
    let vi = e.ok(&["--lang", "vi", "report", "midyear", "--format", "md"]).stdout;
    assert!(vi.starts_with("# Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2020\n"), "{vi}");
    assert!(
        vi.contains("## Hội nghị sơ kết") && vi.contains("| CTK | Cục Thống kê | Cục Thống kê tỉnh | Khối trưởng |"),
        "{vi}"
    );
}

#[test]
fn the_demo_prints_its_review_and_replaces_only_its_own_file() {
    let e = Env::new();
    let out = e.ok(&["demo"]);
    assert!(
        out.stdout.starts_with("Mid-year review of emulation and commendation work, first six months of 2020"),
        "{}",
        out.stdout
    );
    assert!(e.path("thidua-demo.db").exists() && !e.path("thidua.db").exists());
    assert_eq!(e.conn_to("thidua-demo.db").query_row("SELECT demo FROM bloc", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
    // Again: the earlier demo file is replaced, not added to.
    e.ok(&["demo", "-q"]);
    assert_eq!(
        e.conn_to("thidua-demo.db").query_row("SELECT count(*) FROM unit", [], |r| r.get::<_, i64>(0)).unwrap(),
        8
    );
    // Any other file is left alone.
    e.ok(&["init", "--year", "2020", "--bloc", "Khối thật"]);
    let before = std::fs::read(e.db()).unwrap();
    let err = e.fails(&["-f", "thidua.db", "demo"], 1);
    assert!(err.contains("not a demo file; demo will not touch it"), "{err}");
    assert_eq!(std::fs::read(e.db()).unwrap(), before);
    std::fs::write(e.path("notes.db"), "my notes").unwrap();
    e.fails(&["-f", "notes.db", "demo"], 1);
    assert_eq!(std::fs::read_to_string(e.path("notes.db")).unwrap(), "my notes");
}

#[test]
fn the_build_script_makes_the_same_file_as_the_demo() {
    let e = demo();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/tay-ninh-2020/build.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .arg(e.path("built.db"))
        .current_dir(e.dir.path())
        .env("THIDUA", env!("CARGO_BIN_EXE_thidua"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run build.sh");
    assert!(out.status.success(), "build.sh failed: {}", String::from_utf8_lossy(&out.stderr));
    for args in [
        &["report", "midyear", "--format", "csv"][..],
        &["report", "annual", "--format", "csv"],
        &["award", "list", "--format", "csv"],
        &["register", "list", "--format", "csv"],
    ] {
        let demo = e.ok(args).stdout;
        let mut a = vec!["-f", "built.db"];
        a.extend_from_slice(args);
        assert_eq!(demo, e.ok(&a).stdout, "{args:?}");
    }
}

#[test]
fn reports_run_on_an_empty_year() {
    let e = Env::init();
    for (name, args) in REPORTS.iter().filter(|(n, _)| !n.starts_with("unit") && *n != "pledges") {
        for fmt in ["table", "csv", "json", "md"] {
            let mut a = args.to_vec();
            a.extend(["--format", fmt]);
            let out = e.run(&a);
            assert_eq!(out.code, 0, "{name} {fmt}: {}", out.stderr);
        }
    }
    let md = e.ok(&["report", "midyear", "--format", "md"]).stdout;
    assert!(md.contains("No review meeting recorded yet.") && md.contains("No campaign launched yet."), "{md}");
    let err = e.fails(&["report", "pledges"], 1);
    assert!(err.contains("--campaign"), "{err}");
}

#[test]
fn one_table_of_a_report_for_a_script() {
    let e = demo();
    let out = e.ok(&["report", "midyear", "--format", "csv", "--table", "pledges"]);
    let rows = csv_rows(&out.bytes);
    assert_eq!(
        rows[0],
        ["unit", "unit_name", "signed_on", "place", "targets", "met", "no_data", "in_progress", "completion"]
    );
    assert_eq!(rows.len(), 8);
    let err = e.fails(&["report", "midyear", "--table", "nope"], 1);
    assert!(err.contains("no table 'nope'") && err.contains("pledges"), "{err}");
}

#[test]
fn report_csv_tables_go_one_file_each_into_a_folder() {
    let e = demo();
    e.ok(&["report", "midyear", "--format", "csv", "-o", "sk/"]);
    let mut files: Vec<String> = std::fs::read_dir(e.path("sk"))
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "at_risk.csv",
            "awards_brought.csv",
            "awards_by_code.csv",
            "awards_decided.csv",
            "campaigns.csv",
            "exemplars.csv",
            "members.csv",
            "missing.csv",
            "pledges.csv",
            "registrations.csv",
            "talks.csv"
        ]
    );
    let pledges = csv_rows(&std::fs::read(e.path("sk/pledges.csv")).unwrap());
    assert_eq!(
        pledges[0],
        ["unit", "unit_name", "signed_on", "place", "targets", "met", "no_data", "in_progress", "completion"]
    );
    assert_eq!(pledges.len(), 8);
}

/// The sector's statistical forms filled from the files (Circular 02/2023/TT-BNV; issue 34): 0601 counts the
/// campaigns by scope, length and method; 0603 the awards of province level decided in the year by recipient, position
/// and basis; the front-line ratio; `--from` adds another file's. Asserted cell by cell.
#[test]
fn the_statistical_forms_are_filled_from_the_files() {
    let e = crate::Env::new();
    e.ok(&["init", "--year", "2025", "--bloc", "Khối các cơ quan Trung ương", "--province", "Tây Ninh"]);
    e.seven_units();
    e.ok(&["campaign", "add", "TX", "--name", "Thi đua thường xuyên 2025", "--kind", "regular"]);
    e.ok(&[
        "campaign",
        "add",
        "CD",
        "--name",
        "Chuyển đổi số",
        "--kind",
        "thematic",
        "--start",
        "01/01/2021",
        "--end",
        "31/12/2025",
    ]);
    for (name, code, position) in [
        ("Nguyễn Văn An", "P1", "Phó Giám đốc"),
        ("Lê Thị Bình", "P2", "Chuyên viên"),
        ("Trần Văn Cường", "P3", "Cố vấn"),
    ] {
        e.ok(&["person", "add", "--unit", "BHXH", "--name", name, "--code", code, "--position", position]);
    }
    e.ok(&["award", "decision", "add", "10/QĐ-UBND", "--date", "15/01/2025", "--issuer", "UBND tỉnh Tây Ninh"]);
    e.ok(&["award", "add", "10/QĐ-UBND", "BK_TINH", "--unit", "CTHUE", "--year", "2024"]);
    e.ok(&["award", "add", "10/QĐ-UBND", "BK_TINH", "--person", "P1", "--year", "2024"]);
    e.ok(&["award", "add", "10/QĐ-UBND", "CSTD_TINH", "--person", "P2", "--year", "2024"]);
    e.ok(&["award", "add", "10/QĐ-UBND", "BK_TINH", "--person", "P3", "--year", "2024", "--basis", "thematic"]);
    e.ok(&["award", "add", "10/QĐ-UBND", "CTD_TINH", "--unit", "BHXH", "--year", "2024"]);
    let rows = |args: &[&str]| crate::csv_rows(&e.ok(args).bytes);
    let f0601 = rows(&["report", "form", "0601", "--format", "csv"]);
    assert_eq!(f0601[0], ["row", "indicator", "all", "central", "ministry_province", "agency_unit"]);
    let cell = |t: &[Vec<String>], row: &str, col: usize| t.iter().find(|r| r[0] == row).unwrap()[col].clone();
    assert_eq!((cell(&f0601, "01", 2), cell(&f0601, "04", 4)), ("2".into(), "2".into()));
    assert_eq!((cell(&f0601, "07", 2), cell(&f0601, "10", 2)), ("1".into(), "1".into()), "a year; five years");
    assert_eq!((cell(&f0601, "11", 2), cell(&f0601, "12", 2)), ("1".into(), "1".into()));
    let f0603 = rows(&["report", "form", "0603", "--year", "2025", "--format", "csv"]);
    assert_eq!(f0603[0], ["row", "indicator", "all", "bang_khen", "cstd", "co_thi_dua", "huy_hieu"]);
    assert_eq!(f0603.iter().find(|r| r[0] == "01").unwrap()[2..], ["5", "3", "1", "1", "0"]);
    assert_eq!(cell(&f0603, "02", 2), "2", "collectives");
    assert_eq!(cell(&f0603, "05", 2), "3", "individuals");
    assert_eq!(
        (cell(&f0603, "07", 3), cell(&f0603, "10", 4)),
        ("1".into(), "1".into()),
        "a director's BK, a clerk's CSTĐ"
    );
    assert_eq!((cell(&f0603, "11", 2), cell(&f0603, "12", 2)), ("4".into(), "1".into()));
    let out = e.ok(&["--lang", "vi", "report", "form", "0603", "--year", "2025"]);
    assert!(out.stdout.contains("1 cá nhân có chức vụ chưa xác định được nhóm"), "{}", out.stdout);
    // The adviser's position says no class: the secretary sets it, and the form counts him in row 09.
    let err = e.fails(&["person", "edit", "P3", "--position-class", "boss"], 2);
    assert!(err.contains("'boss' is not a position class"), "{err}");
    e.ok(&["person", "edit", "P3", "--position-class", "leader_other"]);
    assert_eq!(e.count("SELECT count(*) FROM person_class WHERE class = 'leader_other'"), 1);
    let set = rows(&["report", "form", "0603", "--year", "2025", "--format", "csv"]);
    assert_eq!(cell(&set, "09", 3), "1", "the adviser's BK, as set");
    let shown = rows(&["person", "show", "P3", "--format", "csv", "--table", "person"]);
    let col = |name: &str| shown[0].iter().position(|c| c == name).unwrap();
    assert_eq!(
        (&shown[1][col("position_class")][..], &shown[1][col("position_class_from")][..]),
        ("leader_other", "set")
    );
    let clerk = rows(&["person", "show", "P2", "--format", "csv", "--table", "person"]);
    assert_eq!(&clerk[1][col("position_class")], "frontline", "read from the words");
    e.ok(&["person", "edit", "P3", "--position-class", "auto"]);
    assert_eq!(e.count("SELECT count(*) FROM person_class"), 0);
    assert_eq!(cell(&rows(&["report", "form", "0603", "--year", "2025", "--format", "csv"]), "09", 3), "0");
    e.ok(&["person", "edit", "P3", "--position-class", "leader_other"]);
    let front = rows(&["report", "form", "frontline", "--year", "2025", "--format", "csv"]);
    assert_eq!(front[0], ["code", "basis_group", "individuals", "leaders", "frontline", "share"]);
    assert!(
        front.contains(&vec!["CSTD_TINH".into(), "merit".into(), "1".into(), "0".into(), "1".into(), "100".into()]),
        "{front:?}"
    );
    assert!(
        front.contains(&vec!["BK_TINH".into(), "merit".into(), "1".into(), "1".into(), "0".into(), "0".into()]),
        "{front:?}"
    );
    // The state-level awards of the year (form 0602): a flag of the Government to a unit, the Prime Minister's
    // certificate to the clerk (people working directly) and an order to the adviser (as set: other leaders).
    e.ok(&["award", "decision", "add", "55/QĐ-TTg", "--date", "20/04/2025", "--issuer", "Thủ tướng Chính phủ"]);
    e.ok(&["award", "add", "55/QĐ-TTg", "CTD_CP", "--unit", "HQ", "--year", "2024"]);
    e.ok(&["award", "add", "55/QĐ-TTg", "BK_TTG", "--person", "P2", "--year", "2024"]);
    e.ok(&["award", "add", "55/QĐ-TTg", "HCLD3", "--person", "P3", "--year", "2024", "--basis", "career"]);
    let f0602 = rows(&["report", "form", "0602", "--year", "2025", "--format", "csv"]);
    let col = |name: &str| f0602[0].iter().position(|c| c == name).unwrap();
    let at = |row: &str, name: &str| f0602.iter().find(|r| r[0] == row).unwrap()[col(name)].clone();
    assert_eq!((at("01", "all"), at("03", "all"), at("02", "all")), ("3".into(), "3".into(), "0".into()));
    assert_eq!((at("06", "co_thi_dua_cp"), at("09", "all")), ("1".into(), "2".into()));
    assert_eq!((at("14", "bang_khen_ttg_cn"), at("13", "huan_chuong_cn")), ("1".into(), "1".into()));
    assert_eq!((at("15", "all"), at("19", "all")), ("2".into(), "1".into()), "merit; contribution");
    // 0603 is not moved by them.
    assert_eq!(cell(&rows(&["report", "form", "0603", "--year", "2025", "--format", "csv"]), "01", 2), "5");
    let vi = e.ok(&["--lang", "vi", "report", "form", "0602", "--year", "2025"]).stdout;
    assert!(vi.contains("Cờ thi đua của Chính phủ") && vi.contains("Biểu 0602.N/BNV-TĐKT"), "{vi}");
    // Another year's file of the same body counted with this one; a workbook of the form.
    e.ok(&["-f", "2026.db", "init", "--year", "2026", "--from", "thidua.db"]);
    e.ok(&["-f", "2026.db", "campaign", "add", "TX26", "--name", "Thi đua 2026", "--kind", "regular"]);
    let both = rows(&["report", "form", "0601", "--from", "2026.db", "--format", "csv"]);
    assert_eq!(cell(&both, "01", 2), "3");
    // The class the secretary set goes with the person into the next year's file.
    assert_eq!(
        e.conn_to("2026.db").query_row("SELECT count(*) FROM person_class", [], |r| r.get::<_, i64>(0)).unwrap(),
        1
    );
    // The workbook is the form as it is handed in: its number, basis, reporter, title and year at the top, the
    // indicators with their codes and units, the figures as numbers under the column numbers, the signatures.
    e.ok(&["report", "form", "0603", "--year", "2025", "-o", "0603.xlsx"]);
    use calamine::{open_workbook_auto, Data, Reader};
    let mut wb = open_workbook_auto(e.path("0603.xlsx")).unwrap();
    let sheet = wb.worksheet_range("0603.N").unwrap();
    let at = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(at(0, 0), Data::String("Biểu số: 0603.N/BNV-TĐKT".into()));
    assert_eq!(at(1, 0), Data::String("Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023".into()));
    assert!(matches!(at(4, 0), Data::String(t) if t.starts_with("SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ")));
    assert_eq!(at(5, 0), Data::String("Năm 2025".into()));
    assert_eq!(
        (at(7, 0), at(7, 3), at(8, 3)),
        (Data::String("Chỉ tiêu".into()), Data::String("Tổng số".into()), Data::String("1".into()))
    );
    let row = |code: &str| (9..40).find(|r| at(*r, 1) == Data::String(code.into())).unwrap();
    let r05 = row("05");
    assert_eq!(
        (at(r05, 0), at(r05, 2), at(r05, 3)),
        (Data::String("Cá nhân".into()), Data::String("Người".into()), Data::Float(3.0))
    );
    assert_eq!(at(row("09"), 4), Data::Float(1.0), "the adviser's Bằng khen, as set");
    assert!((9..50).any(|r| at(r, 0) == Data::String("Người lập biểu".into())));
    // The plain table is still there for a script.
    e.ok(&["report", "form", "0603", "--year", "2025", "--table", "f0603", "-o", "0603-table.xlsx"]);
}

/// The annual review shows the front-line ratio of the year's individuals awarded (issue 34 item 2).
#[test]
fn the_annual_review_shows_the_front_line_ratio() {
    let e = crate::Env::new();
    e.ok(&["init", "--year", "2025", "--bloc", "Khối các cơ quan Trung ương", "--province", "Tây Ninh"]);
    e.seven_units();
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Lê Thị Bình", "--code", "P2", "--position", "Chuyên viên"]);
    e.ok(&["award", "decision", "add", "20/QĐ-UBND", "--date", "15/12/2025", "--issuer", "UBND tỉnh Tây Ninh"]);
    e.ok(&["award", "add", "20/QĐ-UBND", "BK_TINH", "--person", "P2", "--year", "2025"]);
    let rows = crate::csv_rows(
        &e.ok(&["report", "annual", "--as-of", "31/12/2025", "--format", "csv", "--table", "frontline"]).bytes,
    );
    assert_eq!(rows[1], ["BK_TINH", "merit", "1", "0", "1", "100"]);
    let md = e.ok(&["--lang", "vi", "report", "annual", "--as-of", "31/12/2025", "--format", "md"]).stdout;
    assert!(md.contains("Tỷ lệ người trực tiếp lao động, công tác được khen thưởng"), "{md}");
}

/// A unit's profile names the command that lists a list past 1,000 rows instead of holding it (issue 35: every
/// command under 100 MiB on a national file); below that it lists it.
#[test]
fn a_unit_profile_counts_a_list_too_long_to_show() {
    let e = Env::init();
    e.seven_units();
    let mut people = String::from("unit,name\n");
    for i in 0..1001 {
        people.push_str(&format!("CT,Người Số {i}\n"));
    }
    e.ok(&["person", "import", &e.write("p.csv", &people)]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Lê Văn Bình"]);
    let big = e.ok(&["report", "unit", "CT"]).stdout;
    assert!(big.contains("1001 people: `thidua person list --unit CT` lists them"), "{big}");
    assert!(!big.contains("Người Số 5"), "{big}");
    let rows = csv_rows(&e.ok(&["report", "unit", "CT", "--format", "csv", "--table", "people"]).bytes);
    assert_eq!(rows.len(), 1, "the header only: {rows:?}");
    let vi = e.ok(&["--lang", "vi", "report", "unit", "CT"]).stdout;
    assert!(vi.contains("1001 người: `thidua person list --unit CT` liệt kê đầy đủ"), "{vi}");
    // The list itself streams all of them.
    let all = csv_rows(&e.ok(&["person", "list", "--unit", "CT", "--format", "csv"]).bytes);
    assert_eq!(all.len(), 1002);
    let small = e.ok(&["report", "unit", "BHXH"]).stdout;
    assert!(small.contains("Lê Văn Bình") && !small.contains("person list --unit"), "{small}");
}
