//! Keeping the record safe: check, the audit log, edits behind the tool's back, seal, backup, export/import,
//! concurrent writers, a killed import.

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::Env;

fn demo() -> Env {
    let e = Env::new();
    e.ok(&["-q", "-f", "thidua.db", "demo", "--format", "csv"]);
    e
}

/// Runs SQL on the file the way another tool would: the sqlite3 shell when it is installed, else a plain
/// connection (the schema's triggers fire either way).
fn behind_the_back(e: &Env, sql: &str) {
    match std::process::Command::new("sqlite3").arg(e.db()).arg(sql).output() {
        Ok(o) => assert!(o.status.success(), "sqlite3: {}", String::from_utf8_lossy(&o.stderr)),
        Err(_) => e.conn().execute_batch(sql).unwrap(),
    }
}

#[test]
fn a_clean_file_checks_silently() {
    let e = demo();
    let out = e.ok(&["db", "check"]);
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
    // Every write through the tool is logged, with the command line.
    e.ok(&["unit", "edit", "HQ", "--note", "Ghi chú mới"]);
    e.ok(&["db", "check"]);
    let log = crate::csv_rows(&e.ok(&["db", "log", "--format", "csv"]).bytes);
    let last = log.last().unwrap();
    assert!(last[3].contains("unit edit HQ --note \"Ghi chú mới\""), "{last:?}");
    assert_eq!(last[4], "unit ~1");
}

#[test]
fn a_row_changed_with_another_tool_is_found() {
    let e = demo();
    behind_the_back(&e, "UPDATE person SET position = 'Giám đốc' WHERE id = 2;");
    let out = e.run(&["db", "check"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        "rows changed outside thidua after the last audit entry: person ~1 (last: person row 2)\n\
         the content of table 'person' is not what thidua recorded in audit entry #2 (changed by another program)\n"
    );
    assert!(out.stderr.contains("2 problems"), "{}", out.stderr);
    // The file takes no more writes until the secretary looks (reads still work), and nothing launders it.
    let err = e.fails(&["unit", "edit", "HQ", "--note", "x"], 1);
    assert!(err.contains("the file needs a look before it takes more writes") && err.contains("db accept"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE note = 'x'"), 0);
    let read = e.ok(&["unit", "list"]);
    assert!(read.stderr.contains("warning: the file was changed outside thidua"), "{}", read.stderr);
    // Accepting it, with a reason, is logged; the file checks clean and takes writes again.
    e.fails(&["db", "accept", "--reason", ""], 2);
    e.ok(&["db", "accept", "--reason", "Sửa chức vụ theo quyết định 12/QĐ-BHXH"]);
    e.ok(&["db", "check"]);
    let log = e.ok(&["db", "log", "--format", "csv"]).stdout;
    assert!(log.contains("db accept --reason") && log.contains("person ~1"), "{log}");
    e.ok(&["unit", "edit", "HQ", "--note", "x"]);
    e.ok(&["db", "check"]);
    // Inserts and deletes too.
    behind_the_back(&e, "INSERT INTO unit (code, name, name_key, name_fold, role) VALUES ('ZZ', 'Z', 'z', 'z', 'member'); DELETE FROM meeting_item WHERE id = 1;");
    let out = e.run(&["db", "check"]);
    assert!(out.stdout.contains("meeting_item −1") && out.stdout.contains("unit +1"), "{}", out.stdout);
}

#[test]
fn schema_changes_and_broken_rules_are_found() {
    let e = demo();
    behind_the_back(
        &e,
        "DROP TRIGGER audit_person_update; DROP INDEX unit_one_leader; CREATE INDEX mine ON person (born);",
    );
    behind_the_back(&e, "UPDATE unit SET role = 'leader' WHERE code = 'HQ';");
    let out = e.run(&["db", "check"]);
    assert_eq!(out.code, 1);
    for line in [
        "schema: trigger audit_person_update is missing",
        "schema: index unit_one_leader is missing",
        "schema: index mine is not thidua's",
        "more than one leader unit: CTK, HQ",
        "rows changed outside thidua after the last audit entry: unit ~1",
    ] {
        assert!(out.stdout.contains(line), "missing {line:?} in:\n{}", out.stdout);
    }
}

#[test]
fn a_tampered_log_entry_is_found() {
    let e = demo();
    e.ok(&["unit", "edit", "HQ", "--note", "x"]);
    behind_the_back(&e, "UPDATE audit SET user = 'someone else' WHERE id = 2;");
    let out = e.run(&["db", "check"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.starts_with("audit log: entry #2 does not match its hash"), "{}", out.stdout);
    // Removing the last entry leaves its changes unaccounted for.
    let f = demo();
    f.ok(&["unit", "edit", "HQ", "--note", "x"]);
    behind_the_back(&f, "DELETE FROM audit WHERE id = 3;");
    let out = f.run(&["db", "check"]);
    assert!(out.stdout.contains("rows changed outside thidua after the last audit entry: unit ~1"), "{}", out.stdout);
}

/// Edits that leave the counters right: the triggers dropped around the edit and put back the same, or the
/// counter set back by hand. Only the content digest tells; the file then takes no writes (none may take the edit
/// into its own digest) until `db accept`, after which the content is what the log records again.
#[test]
fn edits_that_put_the_counters_right_are_found_by_the_content() {
    let trigger = |t: &str| {
        format!(
            "CREATE TRIGGER \"audit_{t}_update\" AFTER UPDATE ON \"{t}\" BEGIN UPDATE change_count SET n = n + 1, \
             last_rowid = NEW.rowid WHERE tbl = '{t}' AND op = 'update'; END;"
        )
    };
    let cases = [
        format!(
            "DROP TRIGGER audit_person_update; UPDATE person SET position = 'Giám đốc' WHERE id = 2; {}",
            trigger("person")
        ),
        "UPDATE award SET note = 'sửa tay' WHERE id = 1; \
         UPDATE change_count SET n = n - 1 WHERE tbl = 'award' AND op = 'update';"
            .to_string(),
        format!(
            "DROP TRIGGER audit_unit_update; UPDATE unit SET name = 'Cục Hải quan Tây Ninh' WHERE code = 'HQ'; {}",
            trigger("unit")
        ),
    ];
    for (sql, table) in cases.iter().zip(["person", "award", "unit"]) {
        let e = demo();
        behind_the_back(&e, sql);
        let out = e.run(&["db", "check"]);
        assert_eq!(out.code, 1, "{sql}");
        assert!(
            out.stdout
                .starts_with(&format!("the content of table '{table}' is not what thidua recorded in audit entry #")),
            "{sql}: {}",
            out.stdout
        );
        assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
        let before = std::fs::read(e.db()).unwrap();
        let err = e.fails(&["person", "edit", "1", "--position", "Phó Giám đốc"], 1);
        assert!(err.contains("the content of") && err.contains("db accept"), "{err}");
        assert_eq!(std::fs::read(e.db()).unwrap(), before);
        let read = e.ok(&["unit", "list"]);
        assert!(read.stderr.contains("changed outside thidua"), "{}", read.stderr);
        e.ok(&["db", "accept", "--reason", "Sửa tay đã được kiểm tra"]);
        e.ok(&["db", "check"]);
        e.ok(&["person", "edit", "1", "--position", "Phó Giám đốc"]);
        e.ok(&["db", "check"]);
    }
}

/// The fingerprint printed at the seal tells this file from another one put in its place (another demo file of
/// the same bloc and year, made a moment later) and from the same file changed since.
#[test]
fn the_fingerprint_tells_a_swapped_or_changed_file() {
    let e = demo();
    let out = e.ok(&["db", "seal", "--reason", "Đã tổng kết năm 2020"]);
    let fp = out.stdout.trim().to_string();
    assert_eq!(fp.len(), 29, "{fp}");
    assert!(fp.split('-').all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_hexdigit())), "{fp}");
    assert!(out.stderr.contains("write this fingerprint in the register"), "{}", out.stderr);
    assert_eq!(e.ok(&["db", "fingerprint"]).stdout.trim(), fp);
    e.ok(&["db", "check", "--fingerprint", &fp]);
    // As a person types it back from paper.
    e.ok(&["db", "check", "--fingerprint", &fp.to_lowercase().replace('-', " ")]);
    // Another file in its place: same bloc, same year, one note more. (Two files made by the same commands in the
    // same second hold the same content and log: no fingerprint can tell those apart, nor needs to.)
    let other = demo();
    other.ok(&["unit", "edit", "HQ", "--note", "x"]);
    other.ok(&["db", "seal", "--reason", "Đã tổng kết năm 2020"]);
    std::fs::copy(other.db(), e.db()).unwrap();
    let out = e.run(&["db", "check", "--fingerprint", &fp]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with("the fingerprint is ") && out.stdout.contains(&format!("not {fp}")),
        "{}",
        out.stdout
    );
    // The real file, unsealed and changed through the tool: its fingerprint moves too.
    let f = demo();
    let fp = f.ok(&["db", "seal", "--reason", "x"]).stdout.trim().to_string();
    f.ok(&["db", "unseal", "--reason", "Bổ sung"]);
    f.ok(&["unit", "edit", "HQ", "--note", "x"]);
    assert_eq!(f.run(&["db", "check", "--fingerprint", &fp]).code, 1);
}

#[test]
fn a_sealed_file_refuses_writes() {
    let e = demo();
    e.ok(&["db", "seal", "--reason", "Đã tổng kết năm 2020"]);
    let before = std::fs::read(e.db()).unwrap();
    for args in [
        &["unit", "add", "X", "--name", "X"][..],
        &["person", "edit", "1", "--position", "x"],
        &["score", "settings", "--quota-bk", "3"],
        &["db", "seal", "--reason", "again"],
    ] {
        let err = e.fails(args, 1);
        assert!(
            err.contains("the file was sealed at") && err.contains("Đã tổng kết năm 2020") && err.contains("db unseal"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(std::fs::read(e.db()).unwrap(), before);
    // Reading still works, and info shows the seal.
    let info = e.ok(&["info", "--format", "json"]).stdout;
    assert!(info.contains("Đã tổng kết năm 2020"), "{info}");
    e.ok(&["report", "midyear"]);
    e.ok(&["db", "unseal", "--reason", "Bổ sung quyết định"]);
    e.ok(&["unit", "add", "X", "--name", "X"]);
    let log = crate::csv_rows(&e.ok(&["db", "log", "--format", "csv"]).bytes);
    assert!(log.iter().any(|r| r[3].contains("db unseal --reason \"Bổ sung quyết định\"")), "{log:?}");
    e.ok(&["db", "check"]);
}

#[test]
fn backup_is_a_checked_copy() {
    let e = demo();
    let out = e.ok(&["db", "backup"]);
    let name = std::fs::read_dir(e.dir.path())
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("thidua.db.") && n.ends_with(".bak"))
        .expect("a backup beside the file");
    assert_eq!(name.len(), "thidua.db.YYYYMMDD-HHMMSS.bak".len(), "{name}");
    assert!(out.stderr.contains("(checked)"), "{}", out.stderr);
    let copy = e.conn_to(&name);
    let n: i64 = copy.query_row("SELECT count(*) FROM unit", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 8);
    e.ok(&["-f", &name, "db", "check"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(e.path(&name)).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // Never over an existing file; and a copy that fails the check is reported.
    let err = e.fails(&["db", "backup", &name], 1);
    assert!(err.contains("already exists"), "{err}");
    behind_the_back(&e, "UPDATE unit SET note = 'x' WHERE id = 1;");
    let err = e.fails(&["db", "backup", "b2.bak"], 1);
    assert!(err.contains("does not pass `db check`"), "{err}");
    // An edit that left the counters as they were still moves the header's change counter: the copy is checked
    // whole, and refused (issue 35: an untouched file's copy is checked page by page only).
    let f = demo();
    let back: String =
        f.conn().query_row("SELECT sql FROM sqlite_schema WHERE name = 'audit_unit_update'", [], |r| r.get(0)).unwrap();
    behind_the_back(&f, &format!("DROP TRIGGER audit_unit_update; UPDATE unit SET note = 'y' WHERE id = 2; {back};"));
    let err = f.fails(&["db", "backup", "b3.bak"], 1);
    assert!(err.contains("does not pass `db check`"), "{err}");
    assert!(!f.path("b3.bak").exists());
}

#[test]
fn export_then_import_rebuilds_the_same_file() {
    let e = demo();
    e.ok(&["person", "edit", "1", "--note", "=SUM(A1) và 'trích dẫn', \"ngoặc kép\"\nxuống dòng"]);
    e.ok(&["export", "out"]);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(e.path("out/manifest.json")).unwrap()).unwrap();
    let unit = manifest["tables"].as_array().unwrap().iter().find(|t| t["table"] == "unit").unwrap();
    assert_eq!(unit["rows"], 8);
    assert_eq!(unit["sha256"].as_str().unwrap().len(), 64);
    e.ok(&["-f", "copy.db", "import", "out"]);
    e.ok(&["-f", "copy.db", "db", "check"]);
    e.ok(&["-f", "copy.db", "export", "out2"]);
    for t in manifest["tables"].as_array().unwrap() {
        let file = t["file"].as_str().unwrap();
        let a = std::fs::read(e.path(&format!("out/{file}"))).unwrap();
        let b = std::fs::read(e.path(&format!("out2/{file}"))).unwrap();
        assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b), "{file}");
    }
    let note: String =
        e.conn_to("copy.db").query_row("SELECT note FROM person WHERE id = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(note, "=SUM(A1) và 'trích dẫn', \"ngoặc kép\" xuống dòng");
    // A changed file in the export is refused, and nothing is made.
    let p = e.path("out/unit.csv");
    let original = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, original.replace("Cục Hải quan", "Cục Hải quaN")).unwrap();
    let err = e.fails(&["-f", "bad.db", "import", "out"], 1);
    assert!(err.contains("unit.csv: its SHA-256 does not match"), "{err}");
    assert!(!e.path("bad.db").exists());
    // A change of size is found before the checksum is read.
    std::fs::write(&p, original.replace("Cục Hải quan", "Cục Hải quan mới")).unwrap();
    let err = e.fails(&["-f", "bad.db", "import", "out"], 1);
    assert!(err.contains("unit.csv: ") && err.contains("bytes, the manifest says"), "{err}");
    assert!(!e.path("bad.db").exists());
    let err = e.fails(&["export", "out"], 1);
    assert!(err.contains("is not empty"), "{err}");
}

fn units_csv(prefix: &str, n: usize) -> String {
    let mut s = String::from("code,name\n");
    for i in 0..n {
        s.push_str(&format!("{prefix}{i},Đơn vị {prefix} số {i}\n"));
    }
    s
}

#[test]
fn two_writers_at_once_both_land() {
    let e = Env::init();
    let a = e.write("a.csv", &units_csv("A", 3000));
    let b = e.write("b.csv", &units_csv("B", 3000));
    let spawn = |f: &str| e.cmd(&["unit", "import", f]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let (pa, pb) = (spawn(&a), spawn(&b));
    let (oa, ob) = (pa.wait_with_output().unwrap(), pb.wait_with_output().unwrap());
    assert!(oa.status.success(), "{}", String::from_utf8_lossy(&oa.stderr));
    assert!(ob.status.success(), "{}", String::from_utf8_lossy(&ob.stderr));
    assert_eq!(e.count("SELECT count(*) FROM unit"), 6000);
    e.ok(&["db", "check"]);
}

#[test]
fn a_killed_import_leaves_the_file_as_it_was() {
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê"]);
    let mut s = String::from("unit,name,gender,born\n");
    for i in 0..100_000 {
        s.push_str(&format!("CT,Nguyễn Văn Số {i},m,1980\n"));
    }
    let f = e.write("people.csv", &s);
    let mut child = e.cmd(&["person", "import", &f]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    // Kill it in the middle of its transaction: once the rollback journal is there, and some rows are written.
    let journal = e.path("thidua.db-journal");
    let start = Instant::now();
    while !journal.exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(journal.exists(), "the import never started writing");
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the import finished before it was killed");
    assert_eq!(e.count("SELECT count(*) FROM person"), 0);
    e.ok(&["db", "check"]);
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân"]);
    e.ok(&["db", "check"]);
}

/// A list is a regular file of lines: a device, a pipe waiting for a writer, or a file without line ends is refused
/// at once, naming it, and writes nothing (a 1 GiB "header line" of /dev/zero aborted the tool before).
#[test]
fn an_import_reads_no_device_no_pipe_and_no_endless_line() {
    let e = crate::Env::init();
    let err = e.fails(&["unit", "import", "/dev/zero"], 1);
    assert!(err.contains("'/dev/zero' is not a regular file"), "{err}");
    let fifo = e.path("pipe.csv");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let err = e.fails(&["person", "import", fifo.to_str().unwrap()], 1);
    assert!(err.contains("is not a regular file"), "{err}");
    let zeros = e.path("zeros.csv");
    std::fs::write(&zeros, vec![0u8; 3 << 20]).unwrap();
    let err = e.fails(&["unit", "import", zeros.to_str().unwrap()], 1);
    assert!(err.contains("zeros.csv:1: a line is longer than 1 MiB"), "{err}");
    let long = e.write("long.csv", &format!("code,name\nA,{}\nB,Cục B\n", "x".repeat(3 << 20)));
    let err = e.fails(&["unit", "import", &long], 1);
    assert!(err.contains("long.csv:2: a line is longer than 1 MiB") && err.contains("nothing was written"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM unit"), 0);
    // The same for a dossier paper, an older year's file and the file a new year starts from.
    e.ok(&["proposal", "add", "--title", "Đề nghị"]);
    let err = e.fails(&["proposal", "attach", "1", "/dev/zero", "--kind", "other"], 1);
    assert!(err.contains("'/dev/zero' is not a regular file"), "{err}");
    let err = e.fails(&["proposal", "attach", "1", fifo.to_str().unwrap(), "--kind", "other"], 1);
    assert!(err.contains("is not a regular file"), "{err}");
    let err = e.fails(&["history", "import", "/dev/zero"], 1);
    assert!(err.contains("'/dev/zero' is not a regular file"), "{err}");
    let err = e.fails(&["-f", "next.db", "init", "--year", "2021", "--from", fifo.to_str().unwrap()], 1);
    assert!(err.contains("is not a regular file"), "{err}");
    assert!(!e.path("next.db").exists());
}

/// The places the tool writes: `--force` replaces a regular file (or a link itself), never a pipe or a device; a folder
/// it makes is private; what a killed run left (`.NAME.PID.part` of a dead process) is cleared by the next run.
#[test]
fn force_replaces_a_file_only_and_new_folders_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let e = demo();
    let db = ["-f", "thidua.db"];
    let fifo = e.path("pipe.docx");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let err = e.fails(&[&db[..], &["doc", "minutes", "1", "-o", "pipe.docx", "--force"]].concat(), 1);
    assert!(err.contains("'pipe.docx' is not a regular file"), "{err}");
    // A killed run's leftover beside the place is cleared; a live process's is not (our own test's pid is alive).
    let dead = e.path(".bb.docx.999999999.part");
    let live = e.path(&format!(".bb.docx.{}.part", std::process::id()));
    std::fs::write(&dead, b"half").unwrap();
    std::fs::write(&live, b"half").unwrap();
    e.ok(&[&db[..], &["doc", "minutes", "1", "-o", "bb.docx"]].concat());
    assert!(!dead.exists() && live.exists());
    // Folders the tool makes are its user's alone.
    e.ok(&[&db[..], &["report", "midyear", "--format", "csv", "-o", "so-ket/"]].concat());
    e.ok(&["-f", "d2.db", "demo", "--docs", "giay-to"]);
    for dir in ["so-ket", "giay-to"] {
        let mode = std::fs::metadata(e.path(dir)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{dir}");
    }
    // The demo's papers replace a paper there only with --yes, as -o does with --force.
    let err = e.fails(&["-f", "d2.db", "demo", "--docs", "giay-to"], 1);
    assert!(err.contains("already exists"), "{err}");
    e.ok(&["-f", "d2.db", "demo", "--yes", "--docs", "giay-to"]);
}

/// What no one types on purpose is not kept: control characters (a BEL, an ESC sequence, NUL from a CSV),
/// zero-width characters and bidirectional controls are removed from names as they come in, so a paper's XML stays
/// XML, a terminal is not recoloured, and no visual twin of a person can be made.
#[test]
fn invisible_characters_never_reach_the_file() {
    let e = Env::init();
    e.seven_units();
    e.ok(&[
        "person",
        "add",
        "--unit",
        "CT",
        "--name",
        "Lê\u{7} Văn\u{200B} Nam\u{202E}",
        "--position",
        "Chuyên\u{1b}[31m viên",
    ]);
    let csv = e.write("p.csv", "unit,name\nCT,\"Trần\u{0} Thị\u{2066} Hoa\"\n");
    e.ok(&["person", "import", &csv]);
    let names: Vec<(String, Option<String>)> = e
        .conn()
        .prepare("SELECT full_name, position FROM person ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        names,
        [("Lê Văn Nam".to_string(), Some("Chuyên[31m viên".to_string())), ("Trần Thị Hoa".to_string(), None)]
    );
    let out = e.ok(&["person", "list"]).stdout;
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
}

/// Two rows of one file for the same record contradict each other: the import is refused naming both lines, where
/// the last row used to win without a word (issue 33).
#[test]
fn two_rows_for_one_record_in_one_file_are_refused_with_both_lines() {
    let e = Env::init();
    let units = e.write("u.csv", "code,name\nCT,Cục Thống kê\nHQ,Cục Hải quan\nct,Cục Thống kê tỉnh\n");
    let err = e.fails(&["unit", "import", &units], 1);
    assert!(
        err.contains("u.csv:4: the same unit as line 2 of this file") && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(e.count("SELECT count(*) FROM unit"), 0);
    e.seven_units();
    e.ok(&["person", "add", "--unit", "CT", "--name", "Lê Văn An", "--code", "CT01"]);
    let ratings = e.write("r.csv", "unit,person_code,year,rating\nCT,CT01,2020,excellent\nCT,CT01,2020,good\n");
    let err = e.fails(&["rating", "import", &ratings], 1);
    assert!(err.contains("r.csv:3: the same rating as line 2 of this file"), "{err}");
    // The same when the rating is stored already: the file's first row changes it, its second is the repeat.
    e.ok(&["rating", "import", &e.write("r1.csv", "unit,person_code,year,rating\nCT,CT01,2020,completed\n")]);
    let err = e.fails(&["rating", "import", &ratings], 1);
    assert!(err.contains("r.csv:3: the same rating as line 2 of this file"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM rating WHERE level = 'completed'"), 1);
    e.ok(&["score", "criteria", "import", &e.write("tc.csv", "code,group,name,max\nA1,A,Nhiệm vụ,100\n")]);
    let scores = e.write("d.csv", "unit,criterion,self,assessed\nCT,A1,90,90\nHQ,A1,80,80\nCT,A1,95,95\n");
    let err = e.fails(&["score", "import", &scores], 1);
    assert!(err.contains("d.csv:4: the same score as line 2 of this file"), "{err}");
    e.ok(&["council", "member", "add", "Tạ Thị Dân", "--role", "chair"]);
    e.ok(&[
        "council",
        "session",
        "add",
        "--date",
        "20/12/2020",
        "--kind",
        "annual",
        "--members",
        "7",
        "--present",
        "7",
    ]);
    let tally = e.write("k.csv", "unit,title,yes,no\nCT,CTD_TINH,7,0\nCT,CTD_TINH,6,1\nCT,CTD_TINH,5,2\n");
    let err = e.fails(&["council", "import", "20/12/2020", &tally], 1);
    assert!(
        err.contains("k.csv:3: the same ballot as line 2 of this file")
            && err.contains("k.csv:4: the same ballot as line 2"),
        "{err}"
    );
    assert_eq!(e.count("SELECT count(*) FROM council_vote"), 0);
    // A unit's name is looked up as words, never as a LIKE pattern: a very long one is simply not found.
    let long = "a".repeat(60_000);
    let err = e.fails(&["unit", "show", &long], 1);
    assert!(err.contains("no unit") && !err.contains("pattern"), "{}", &err[..200.min(err.len())]);
}

/// `db accept` on a sealed file is refused like every other write (the one write that slipped through): unseal
/// first, and the log keeps both (issue 33, item 2).
#[test]
fn a_sealed_file_accepts_nothing_not_even_an_acceptance() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["db", "seal", "--reason", "Khóa sổ năm 2020"]);
    let entries = e.count("SELECT count(*) FROM audit");
    let err = e.fails(&["db", "accept", "--reason", "Sửa tay"], 1);
    assert!(err.contains("the file was sealed at") && err.contains("db unseal"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM audit"), entries, "no entry written");
    assert_eq!(e.count("SELECT count(*) FROM setting WHERE key = 'accepted_entry'"), 0);
    e.ok(&["db", "unseal", "--reason", "Đối chiếu lại"]);
    e.ok(&["db", "accept", "--reason", "Đã đối chiếu"]);
}

/// The header's change counter: each entry notes the one its commit leaves, so an ordinary command trusts the
/// recorded digests while the file still has it (issue 35); any other commit moves it and the rows are digested
/// again. A forger who also puts the counter back is found by `db check`, which always digests the rows.
#[test]
fn the_change_counter_spares_the_digest_and_fools_no_check() {
    let e = demo();
    e.ok(&["person", "edit", "1", "--position", "Phó Giám đốc"]);
    let counter = |e: &Env| {
        let b = std::fs::read(e.db()).unwrap();
        i64::from(u32::from_be_bytes([b[24], b[25], b[26], b[27]]))
    };
    let leaves = e.count("SELECT leaves FROM audit ORDER BY id DESC LIMIT 1");
    assert_eq!(leaves, counter(&e), "the entry notes the counter its commit left");
    // Triggers dropped and put back: no counter moves, the header's does.
    let sql = "DROP TRIGGER audit_unit_update; UPDATE unit SET name = 'Cục Hải quan Tây Ninh' WHERE code = 'HQ';";
    let back: String =
        e.conn().query_row("SELECT sql FROM sqlite_schema WHERE name = 'audit_unit_update'", [], |r| r.get(0)).unwrap();
    behind_the_back(&e, &format!("{sql} {back};"));
    assert_ne!(counter(&e), leaves);
    let read = e.ok(&["unit", "list"]);
    assert!(read.stderr.contains("changed outside thidua"), "{}", read.stderr);
    // The counter put back by hand: an ordinary command is fooled, `db check` and a write are not.
    let mut bytes = std::fs::read(e.db()).unwrap();
    bytes[24..28].copy_from_slice(&(leaves as u32).to_be_bytes());
    std::fs::write(e.db(), &bytes).unwrap();
    let out = e.run(&["db", "check"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.starts_with("the content of table 'unit' is not what thidua recorded"), "{}", out.stdout);
}

/// Readers beside busy writers never warn of a change outside the tool: counters, log and rows are compared as of
/// one moment (issue 33 item 8).
#[test]
fn no_false_alarm_beside_writers() {
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê"]);
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let mut c = e.cmd(&["unit", "import", &e.write(&format!("w{w}.csv"), &units_csv(&format!("W{w}"), 1))]);
            // Many small writes: each writer edits its unit over and over.
            let _ = c.output();
            let args: Vec<String> = vec!["unit".into(), "edit".into(), format!("W{w}0"), "--note".into()];
            (0..25)
                .map(|i| {
                    let mut a = args.clone();
                    a.push(format!("n{i}"));
                    a
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let handles: Vec<_> = writers
        .into_iter()
        .map(|runs| {
            let cmds: Vec<std::process::Command> = runs
                .iter()
                .map(|a| {
                    let refs: Vec<&str> = a.iter().map(String::as_str).collect();
                    e.cmd(&refs)
                })
                .collect();
            std::thread::spawn(move || {
                for mut c in cmds {
                    let o = c.output().unwrap();
                    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                }
            })
        })
        .collect();
    let mut alarms = 0;
    for _ in 0..60 {
        let o = e.cmd(&["info"]).output().unwrap();
        if String::from_utf8_lossy(&o.stderr).contains("changed outside thidua") {
            alarms += 1;
        }
    }
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(alarms, 0, "false alarms beside writers");
    e.ok(&["db", "check"]);
}

/// History before an acceptance cannot be rewritten under the sealed fingerprint: it covers every entry recomputed
/// from its fields, from the first; and an entry's fields are encoded so that no text moves from one to the next
/// (issue 33 items 1 and 2).
#[test]
fn the_fingerprint_covers_every_entry_of_the_log() {
    let e = demo();
    behind_the_back(&e, "UPDATE unit SET note = 'sửa tay' WHERE code = 'HQ';");
    e.ok(&["db", "accept", "--reason", "Đã kiểm tra"]);
    e.ok(&["unit", "edit", "CTK", "--note", "tiếp tục"]);
    let fp = e.ok(&["db", "seal", "--reason", "Đã tổng kết năm 2020"]).stdout.trim().to_string();
    e.ok(&["db", "check", "--fingerprint", &fp]);
    for forgery in [
        "UPDATE audit SET user = 'ai đó', command = 'thidua unit list' WHERE id <= 2;",
        "DELETE FROM audit WHERE id = 2;",
        "UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE id = 1;",
    ] {
        let copy = e.path("copy.db");
        std::fs::copy(e.db(), &copy).unwrap();
        match std::process::Command::new("sqlite3").arg(&copy).arg(forgery).output() {
            Ok(o) => assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr)),
            Err(_) => rusqlite::Connection::open(&copy).unwrap().execute_batch(forgery).unwrap(),
        }
        let out = e.run(&["-f", "copy.db", "db", "check", "--fingerprint", &fp]);
        assert_eq!(out.code, 1, "{forgery}: {}", out.stdout);
        assert!(out.stdout.contains(&format!("not {fp}")), "{forgery}: {}", out.stdout);
        std::fs::remove_file(&copy).unwrap();
    }
    // The account that ran a command is the OS's; $USER is a note beside it, with no line break to move text.
    let f = demo();
    let o = f.cmd(&["unit", "edit", "HQ", "--note", "y"]).env("USER", "alice\nthidua db seal").output().unwrap();
    assert!(o.status.success());
    let user: String = f.conn().query_row("SELECT user FROM audit ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).unwrap();
    assert!(!user.contains('\n') && user.contains("(USER=alice"), "{user}");
    f.ok(&["db", "check"]);
}

/// Garbage over a page of an index a write does not touch still refuses the write (issue 33 item 7): a bloc-sized
/// file has every page checked before it takes one; `db accept` takes no damage either.
#[test]
fn a_damaged_index_page_refuses_every_write() {
    let e = demo();
    let (page, size): (i64, i64) = e
        .conn()
        .query_row(
            "SELECT pageno, (SELECT page_size FROM pragma_page_size) FROM dbstat WHERE name = 'meeting_item_person'
             ORDER BY pageno LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let mut bytes = std::fs::read(e.db()).unwrap();
    let at = ((page - 1) * size) as usize;
    bytes[at + 8..at + 200].fill(0x5a);
    std::fs::write(e.db(), &bytes).unwrap();
    let err = e.fails(&["unit", "add", "ZZ", "--name", "Thử"], 1);
    assert!(err.contains("needs a look") || err.contains("damaged"), "{err}");
    assert_eq!(std::fs::read(e.db()).unwrap(), bytes, "nothing written");
    let err = e.fails(&["db", "accept", "--reason", "x"], 1);
    assert!(err.contains("damaged"), "{err}");
    assert_eq!(std::fs::read(e.db()).unwrap(), bytes, "nothing written");
}
