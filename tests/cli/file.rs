//! The bloc-year file: init, info, missing and foreign files, versions, permissions, plain SQLite readability.

use crate::Env;

#[test]
fn init_creates_a_private_file_with_the_bloc() {
    let e = Env::init();
    let c = e.conn();
    let (name, province, year): (String, String, i64) =
        c.query_row("SELECT name, province, year FROM bloc", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
    assert_eq!((name.as_str(), province.as_str(), year), ("Khối thi đua các Cơ quan Trung ương", "Tây Ninh", 2020));
    let app: i64 = c.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    assert_eq!(app, 0x5444_5541);
    let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, 19);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(e.db()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "file mode {mode:o}");
    }
}

#[test]
fn init_never_overwrites() {
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê"]);
    let err = e.fails(&["init", "--year", "2021", "--bloc", "Khác"], 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(e.count("SELECT year FROM bloc"), 2020);
    assert_eq!(e.count("SELECT count(*) FROM unit"), 1);
}

#[test]
fn init_refuses_a_bad_year_as_usage() {
    let e = Env::new();
    let err = e.fails(&["init", "--year", "20", "--bloc", "Khối"], 2);
    assert!(err.contains("20"), "{err}");
    assert!(!e.db().exists());
}

#[test]
fn commands_on_a_missing_file_point_to_init() {
    let e = Env::new();
    for args in [&["info"][..], &["unit", "list"], &["person", "add", "--unit", "X", "--name", "A B"]] {
        let err = e.fails(args, 1);
        assert!(err.contains("no bloc-year file at 'thidua.db'"), "{err}");
        assert!(err.contains("thidua init"), "{err}");
    }
    assert!(!e.db().exists(), "a command other than init created the file");
}

#[test]
fn db_flag_and_env_choose_the_file() {
    let e = Env::new();
    e.ok(&["-f", "khoi-2020.db", "init", "--year", "2020", "--bloc", "Khối A"]);
    assert!(e.path("khoi-2020.db").exists());
    let out = e.cmd(&["info", "--format", "json"]).env("THIDUA_DB", e.path("khoi-2020.db")).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["bloc"], "Khối A");
    // The flag wins over the environment.
    let out = e.cmd(&["--db", "none.db", "info"]).env("THIDUA_DB", e.path("khoi-2020.db")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn info_shows_bloc_year_version_and_counts() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["person", "add", "--unit", "CT", "--name", "Tạ Thị Dân", "--position", "Trưởng phòng TCHC"]);
    let out = e.ok(&["info", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["bloc"], "Khối thi đua các Cơ quan Trung ương");
    assert_eq!(v["province"], "Tây Ninh");
    assert_eq!(v["year"], 2020);
    assert_eq!(v["schema_version"], 19);
    assert_eq!(v["unit_rows"], 7);
    assert_eq!(v["person_rows"], 1);
    assert!(v["file"].as_str().unwrap().ends_with("thidua.db"));
    let table = e.ok(&["info"]).stdout;
    assert!(table.contains("Schema version") && table.contains("Tây Ninh"), "{table}");
    let vi = e.ok(&["--lang", "vi", "info"]).stdout;
    assert!(vi.contains("Khối thi đua") && vi.contains("Năm"), "{vi}");
}

#[test]
fn a_newer_file_is_refused_and_left_alone() {
    let e = Env::init();
    e.conn().execute_batch("PRAGMA user_version = 99").unwrap();
    let before = std::fs::read(e.db()).unwrap();
    let err = e.fails(&["unit", "list"], 1);
    assert!(err.contains("schema version 99") && err.contains("newer"), "{err}");
    assert_eq!(std::fs::read(e.db()).unwrap(), before);
}

#[test]
fn a_foreign_file_is_refused() {
    let e = Env::new();
    std::fs::write(e.db(), "not a database at all, just text").unwrap();
    let err = e.fails(&["info"], 1);
    assert!(err.contains("not a thidua bloc-year file"), "{err}");
    let e = Env::new();
    rusqlite::Connection::open(e.db()).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    let err = e.fails(&["info"], 1);
    assert!(err.contains("not a thidua bloc-year file"), "{err}");
}

#[test]
fn the_file_passes_the_plain_sqlite3_shell_checks() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["unit", "add", "BHXH_TB", "--name", "BHXH thị xã Trảng Bàng", "--parent", "BHXH"]);
    e.ok(&["person", "add", "--unit", "BHXH_TB", "--name", "Trần Thị Yến Phương", "--gender", "f"]);
    // Opened without the tool's collation: the schema must not need it.
    let c = e.conn();
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0);
    let shell = std::process::Command::new("sqlite3")
        .arg(e.db())
        .arg("PRAGMA integrity_check; PRAGMA foreign_key_check; SELECT count(*) FROM unit; SELECT full_name FROM person;")
        .output();
    match shell {
        Ok(o) => {
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            assert_eq!(out, "ok\n8\nTrần Thị Yến Phương\n");
        }
        Err(_) => eprintln!("sqlite3 shell not installed: checked with rusqlite only"),
    }
}

#[test]
fn usage_errors_exit_2_and_refusals_exit_1() {
    let e = Env::init();
    let err = e.fails(&["unit", "add"], 2);
    assert!(err.contains("CODE"), "{err}");
    let err = e.fails(&["unit", "list", "--bogus"], 2);
    assert!(err.contains("--bogus"), "{err}");
    let err = e.fails(&["unit", "show", "NOPE"], 1);
    assert!(err.starts_with("error: no unit 'NOPE'"), "{err}");
    assert_eq!(err.lines().count(), 2, "one line and a hint: {err}");
    e.ok(&["--help"]);
    e.ok(&["--version"]);
}

#[test]
#[cfg(unix)]
fn an_argument_that_is_not_unicode_is_a_usage_error_not_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let e = Env::init();
    let out =
        e.cmd(&["unit", "add", "X", "--name"]).arg(std::ffi::OsStr::from_bytes(b"C\xF4c Thu\xEA")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("UTF-8") && !err.contains("panicked"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM unit"), 0);
}

/// A file made by an earlier release (`tests/fixtures/files/v2.thidua`, schema version 2, written by the release
/// before content digests; with its two unit indexes dropped it stands for version 1) is brought to this version
/// when it is opened: a backup copy first, then the migrations in one transaction; the file checks clean, keeps its
/// audit chain, and the first write records the content digest that later checks compare with.
#[test]
fn an_older_file_is_migrated_after_a_backup() {
    for from in [1, 2] {
        let e = Env::new();
        std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/files/v2.thidua"), e.db()).unwrap();
        if from == 1 {
            e.conn().execute_batch("DROP INDEX unit_key; DROP INDEX unit_short; PRAGMA user_version = 1;").unwrap();
        }
        e.ok(&["unit", "list"]);
        // The backup is the file as it was, with its units.
        let bak = e.conn_to(&format!("thidua.v{from}.bak"));
        let n = |sql: &str| bak.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(n("PRAGMA user_version"), from);
        assert_eq!(n("SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'digest'"), 0);
        assert_eq!(n("SELECT count(*) FROM unit"), 3);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(e.path(&format!("thidua.v{from}.bak"))).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "backup mode {mode:o}");
        }
        assert_eq!(e.count("PRAGMA user_version"), 19);
        assert_eq!(e.count("SELECT count(*) FROM sqlite_schema WHERE name IN ('unit_key', 'unit_short')"), 2);
        // Version 6's one person index by name in place of version 1's two.
        assert_eq!(e.count("SELECT count(*) FROM sqlite_schema WHERE name IN ('person_key', 'person_fold')"), 0);
        assert_eq!(e.count("SELECT count(*) FROM sqlite_schema WHERE name = 'person_name'"), 1);
        // Version 9's name index carries the unit.
        assert_eq!(e.count("SELECT count(*) FROM pragma_index_info('person_name') WHERE name = 'unit_id'"), 1);
        // Version 7's checks of allowed values as chains of ORs, the rule unchanged: a role outside it is refused.
        assert_eq!(e.count("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status IN (%'"), 0);
        // The registration's and (version 12) the proposal's.
        assert_eq!(e.count("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status = ''withdrawn''%'"), 2);
        let wrong = e.conn().execute("UPDATE unit SET role = 'chief' WHERE parent_id IS NULL", []);
        let wrong = wrong.map_err(|e| e.to_string());
        assert!(wrong.as_ref().is_err_and(|e| e.contains("role = 'leader' OR")), "{wrong:?}");
        // Version 8's indexes of a column a row may leave empty hold the rows that fill it.
        assert_eq!(
            e.count(
                "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%_id) WHERE %_id IS NOT NULL' AND name IN \
                 ('registration_unit', 'registration_person', 'registration_award', 'award_unit', 'award_person')"
            ),
            5
        );
        // Version 4's tables, with their change counters and audit triggers as a new file has them.
        assert_eq!(e.count("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('rating', 'initiative', 'discipline', 'revocation')"), 4);
        assert_eq!(
            e.count("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit_rating_%'"),
            3
        );
        assert_eq!(e.count("SELECT count(*) FROM change_count WHERE tbl = 'initiative'"), 3);
        assert_eq!(e.count("SELECT count(*) FROM audit WHERE digest = ''"), 4);
        e.ok(&["db", "check"]);
        e.ok(&["unit", "edit", "HQ", "--note", "sau nâng cấp"]);
        assert_eq!(e.count("SELECT count(*) FROM audit WHERE digest <> ''"), 1);
        e.ok(&["db", "check"]);
        e.ok(&["rating", "set", "good", "--unit", "HQ", "--year", "2024"]);
        e.ok(&["db", "check"]);
        // From then on an edit that sets the counters right is found by the content.
        e.conn()
            .execute_batch(
                "DROP TRIGGER audit_person_update; UPDATE person SET position = 'Cục trưởng';
                 CREATE TRIGGER \"audit_person_update\" AFTER UPDATE ON \"person\" BEGIN UPDATE change_count \
                 SET n = n + 1, last_rowid = NEW.rowid WHERE tbl = 'person' AND op = 'update'; END;",
            )
            .unwrap();
        let out = e.run(&["db", "check"]);
        assert_eq!(out.code, 1, "{out:?}");
        assert_eq!(
            out.stdout,
            "the content of table 'person' is not what thidua recorded in audit entry #6 (changed by another program)\n"
        );
    }
}

/// The fingerprint the secretariat wrote in the register when it sealed the year (`tests/fixtures/files/README.md`).
pub const V9_FINGERPRINT: &str = "25AE-C369-B1EA-5E8A-880F-A5F6";

/// A sealed file of version 9 (`tests/fixtures/files/v9.thidua`: registration #2 withdrawn, #4 its subject's new
/// one, #1 achieved by an award) is brought to version 10: `registration.withdrawn` set from the status, the
/// indexes of one live registration on it, the change counters and the content as recorded, so the fingerprint in
/// the register still tells the file (and through versions 11 to 19, whose new tables are empty). From then on the column cannot say other than the status.
#[test]
fn a_sealed_file_of_version_9_keeps_its_fingerprint_through_version_10() {
    let e = Env::new();
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/files/v9.thidua"), e.db()).unwrap();
    e.ok(&["db", "check", "--fingerprint", V9_FINGERPRINT]);
    assert_eq!(e.count("PRAGMA user_version"), 19);
    let bak = e.conn_to("thidua.v9.bak");
    assert_eq!(
        bak.query_row("SELECT count(*) FROM pragma_table_info('registration')", [], |r| r.get::<_, i64>(0)).unwrap(),
        10
    );
    let flags: Vec<(i64, String, i64)> = e
        .conn()
        .prepare("SELECT id, status, withdrawn FROM registration ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let want = [(1, "achieved", 0), (2, "withdrawn", 1), (3, "registered", 0), (4, "registered", 0)];
    assert_eq!(flags, want.map(|(i, s, w)| (i, s.to_string(), w)));
    assert_eq!(
        e.count(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('registration_unit_once', 'registration_person_once')
               AND sql LIKE '%_id IS NOT NULL AND withdrawn = 0' AND sql NOT LIKE '%status%'"
        ),
        2
    );
    // Clean against a new file's schema (the table's text with its CHECK), the counters and the log.
    e.ok(&["db", "check"]);
    // Still sealed; reopened, the live registration #4 holds its subject's place and a withdrawal frees it.
    assert!(e.fails(&["register", "withdraw", "4"], 1).contains("sealed"));
    e.ok(&["db", "unseal", "--reason", "bổ sung"]);
    let dup = e.fails(&["register", "add", "--title", "LDTT", "--person", "Lê Văn Tám"], 1);
    assert!(dup.contains("already registered LDTT: #4"), "{dup}");
    e.ok(&["register", "withdraw", "4"]);
    e.ok(&["register", "add", "--title", "LDTT", "--person", "Lê Văn Tám"]);
    assert_eq!(e.count("SELECT count(*) FROM registration WHERE withdrawn = 1 AND status = 'withdrawn'"), 2);
    e.ok(&["db", "check"]);
    // Another program cannot withdraw by the status alone, nor mark a live row withdrawn.
    for sql in [
        "UPDATE registration SET status = 'withdrawn' WHERE id = 3",
        "UPDATE registration SET withdrawn = 1 WHERE id = 3",
    ] {
        let err = e.conn().execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("CHECK constraint failed: withdrawn = (status = 'withdrawn')"), "{sql}: {err}");
    }
}
