//! The output layer: formats, -o, languages, CSV bytes, JSON, Markdown, closed pipes.

use std::process::Stdio;

use crate::{csv_rows, Env};

#[test]
fn csv_opens_with_a_bom_and_neutralises_formulas() {
    let e = Env::init();
    e.ok(&["unit", "add", "X", "--name", "=cmd|' /C calc'!A0", "--note", "+1", "--short", "@SUM(A1)"]);
    e.ok(&["unit", "add", "Y", "--name=-2 đơn vị", "--order=-3"]);
    let out = e.ok(&["unit", "list", "--format", "csv"]);
    assert!(
        out.bytes.starts_with(
            b"\xEF\xBB\xBFcode,name,short,role,parent,sector,people,order,female_share,note,ended,ended_on,successor\n"
        ),
        "{:?}",
        &out.bytes[..20]
    );
    let rows = csv_rows(&out.bytes);
    let x = rows.iter().find(|r| r[0] == "X").unwrap();
    assert_eq!(x[1], "'=cmd|' /C calc'!A0");
    assert_eq!(x[2], "'@SUM(A1)");
    assert_eq!(x[9], "'+1");
    let y = rows.iter().find(|r| r[0] == "Y").unwrap();
    assert_eq!(y[1], "'-2 đơn vị");
    // A number stays a number, sign and all.
    assert_eq!(y[7], "-3");
    let plain = e.ok(&["unit", "list", "--format", "csv", "--no-bom"]);
    assert!(plain.bytes.starts_with(b"code,name"), "{}", plain.stdout);
}

#[test]
fn output_file_format_follows_its_extension() {
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê", "--role", "leader"]);
    for (file, start) in
        [("u.csv", &b"\xEF\xBB\xBFcode,"[..]), ("u.json", b"[\n  {"), ("u.md", b"| Code |"), ("u.txt", "┌".as_bytes())]
    {
        let out = e.ok(&["unit", "list", "-o", file]);
        assert!(out.stdout.is_empty(), "data went to stdout with -o");
        let bytes = std::fs::read(e.path(file)).unwrap();
        assert!(bytes.starts_with(start), "{file}: {}", String::from_utf8_lossy(&bytes));
    }
    // --format wins over the extension.
    e.ok(&["unit", "list", "-o", "x.csv", "--format", "json"]);
    assert!(std::fs::read_to_string(e.path("x.csv")).unwrap().starts_with('['));
}

#[test]
fn json_has_stable_keys_iso_values_and_nulls() {
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê", "--role", "leader"]);
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân", "--gender", "f", "--born", "1975"]);
    let v: serde_json::Value =
        serde_json::from_str(&e.ok(&["--lang", "vi", "person", "list", "--format", "json"]).stdout).unwrap();
    let p = &v[0];
    assert_eq!(p["name"], "Tạ Thị Dân");
    assert_eq!(p["gender"], "f");
    assert_eq!(p["born"], 1975);
    assert_eq!(p["position"], serde_json::Value::Null);
    assert_eq!(p["given"], "Dân");
}

#[test]
fn markdown_is_a_pipe_table_with_translated_headers() {
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê | Tây Ninh", "--role", "leader"]);
    let md = e.ok(&["--lang", "vi", "unit", "list", "--format", "md"]).stdout;
    let mut lines = md.lines();
    assert_eq!(lines.next(), Some("| Mã | Tên | Tên viết tắt | Vai trò trong Khối | Đơn vị cấp trên | Ngành dọc | Số người | Thứ tự | Tỷ lệ nữ (%) | Ghi chú | Chấm dứt hoạt động | Ngày chấm dứt | Sáp nhập vào |"));
    assert_eq!(lines.next(), Some("|---|---|---|---|---|---|---:|---|---|---|---|---|---|"));
    assert_eq!(lines.next(), Some("| CT | Cục Thống kê \\| Tây Ninh |  | Khối trưởng |  |  | 0 |  |  |  |  |  |  |"));
}

#[test]
fn lang_comes_from_the_environment_too() {
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê", "--role", "leader"]);
    let out = e.cmd(&["unit", "list"]).env("THIDUA_LANG", "vi").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Khối trưởng"));
    // CSV keys and values stay English in either language.
    let out = e.cmd(&["unit", "list", "--format", "csv"]).env("THIDUA_LANG", "vi").output().unwrap();
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows[0][0], "code");
    assert_eq!(rows[1][3], "leader");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let e = Env::init();
    let mut s = String::from("code,name\n");
    for i in 0..3000 {
        s.push_str(&format!("U{i},Đơn vị số {i} có một cái tên khá dài để lấp đầy bộ đệm của đường ống\n"));
    }
    let f = e.write("many.csv", &s);
    e.ok(&["unit", "import", &f]);
    let mut child = e.cmd(&["unit", "list"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn quiet_silences_messages_not_data() {
    let e = Env::init();
    let out = e.ok(&["-q", "unit", "add", "CT", "--name", "Cục Thống kê"]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let out = e.ok(&["unit", "list", "-q", "--format", "csv"]);
    assert!(out.stdout.contains("CT"));
}

/// Output flags belong to the commands that print data: a command that writes refuses them as a usage error
/// (it used to accept them and write nothing), and `--table` is checked wherever it is taken.
#[test]
fn output_flags_only_where_data_is_printed() {
    let e = crate::Env::init();
    e.seven_units();
    e.ok(&["score", "criteria", "add", "A1", "--group", "A", "--name", "Chỉ tiêu", "--max", "10"]);
    let err = e.fails(&["score", "lock", "--format", "json", "-o", "out.json"], 2);
    assert!(err.contains("--format"), "{err}");
    assert!(!e.path("out.json").exists());
    assert_eq!(e.count("SELECT count(*) FROM score_event"), 0, "nothing was locked");
    e.fails(&["unit", "add", "XX", "--name", "Đơn vị", "--format", "csv"], 2);
    let err = e.fails(&["unit", "list", "--table", "nope"], 1);
    assert!(err.contains("this list has no table 'nope'") && err.contains("units"), "{err}");
    e.ok(&["unit", "list", "--table", "units", "--format", "csv"]);
    // Help: a write command lists no output flags; a list does, under their own heading, and the global options
    // under theirs.
    let lock = e.ok(&["score", "lock", "--help"]).stdout;
    assert!(!lock.contains("--format") && lock.contains("Global options:"), "{lock}");
    let list = e.ok(&["unit", "list", "--help"]).stdout;
    assert!(list.contains("Output:") && list.contains("--format") && list.contains("--csv-dialect"), "{list}");
}

/// A long list is laid out a block of 1,000 rows at a time, so a national list is never held whole (a million
/// people took 3.9 GB as one terminal table): in the terminal each block under its header, no column narrower than
/// in the blocks before; in Markdown one table. A list streamed from the file (people) and one built whole (units)
/// are laid out alike.
#[test]
fn a_long_list_is_laid_out_in_blocks() {
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê", "--role", "leader"]);
    // The longest name sorts first (given name An), so the second block is as wide only if the first sets it.
    let mut people = String::from("unit,name,code\nCT,Nguyễn Thị Hoàng Phương Thảo An,C0\n");
    let mut units = String::from("code,name\n");
    for i in 1..1201 {
        people.push_str(&format!("CT,Lê Văn B{i},C{i}\n"));
        units.push_str(&format!("U{i},Đơn vị {i}\n"));
    }
    e.ok(&["person", "import", &e.write("people.csv", &people)]);
    e.ok(&["unit", "import", &e.write("units.csv", &units)]);
    for (args, rows, header) in [(["person", "list"], 1201, "│ No."), (["unit", "list"], 1201, "│ Code")] {
        let out = e.ok(&args).stdout;
        let tops: Vec<usize> = out.lines().filter(|l| l.starts_with('┌')).map(|l| l.chars().count()).collect();
        assert_eq!(tops.len(), 2, "{args:?}: two blocks");
        assert_eq!(tops[0], tops[1], "{args:?}: the second block is as wide as the first");
        assert_eq!(out.lines().filter(|l| l.starts_with(header)).count(), 2, "{args:?}");
        assert_eq!(out.lines().filter(|l| l.starts_with('│') && !l.starts_with(header)).count(), rows, "{args:?}");
        let md = e.ok(&[args[0], args[1], "--format", "md"]).stdout;
        assert_eq!(md.lines().filter(|l| l.starts_with("|---") || l.starts_with("|--")).count(), 1, "{args:?}");
        assert_eq!(md.lines().count(), rows + 2, "{args:?}: one header, one rule, every row");
    }
    let out = e.ok(&["person", "list"]).stdout;
    for i in [0, 999, 1000, 1200] {
        assert_eq!(out.matches(&format!(" C{i} ")).count(), 1, "C{i} once");
    }
}
