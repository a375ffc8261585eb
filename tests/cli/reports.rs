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
