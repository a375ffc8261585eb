//! The archive can be trusted: `import FOLDER` verifies an export whole before it writes anything, and what the
//! tool makes appears whole or not at all, private to its owner.

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::Env;

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn write_manifest(e: &Env, m: &Value) {
    std::fs::write(e.path("out/manifest.json"), serde_json::to_string_pretty(m).unwrap()).unwrap();
}

fn refused(e: &Env, why: &str) {
    let err = e.fails(&["-f", "copy.db", "import", "out"], 1);
    assert!(err.contains(why), "expected '{why}' in: {err}");
    assert!(!e.path("copy.db").exists(), "nothing is made");
    let left: Vec<String> = std::fs::read_dir(e.dir.path())
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".copy.db"))
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
}

#[test]
fn a_damaged_export_is_refused_before_anything_is_written() {
    let e = Env::new();
    e.ok(&["demo"]);
    e.ok(&["-f", "thidua-demo.db", "export", "demo-out"]);
    std::fs::rename(e.path("demo-out"), e.path("src")).unwrap();
    let base: Value = serde_json::from_str(&std::fs::read_to_string(e.path("src/manifest.json")).unwrap()).unwrap();
    let fresh = |e: &Env| {
        let _ = std::fs::remove_dir_all(e.path("out"));
        std::fs::create_dir(e.path("out")).unwrap();
        for f in std::fs::read_dir(e.path("src")).unwrap() {
            let f = f.unwrap();
            std::fs::copy(f.path(), e.path("out").join(f.file_name())).unwrap();
        }
        base.clone()
    };
    // Tables left out of the manifest (and their files removed): registrations and awards.
    let mut m = fresh(&e);
    m["tables"].as_array_mut().unwrap().retain(|t| !matches!(t["table"].as_str(), Some("registration" | "award")));
    std::fs::remove_file(e.path("out/registration.csv")).unwrap();
    std::fs::remove_file(e.path("out/award.csv")).unwrap();
    write_manifest(&e, &m);
    refused(&e, "the export has no table 'registration'");
    // No tables at all.
    let mut m = fresh(&e);
    m["tables"] = Value::Array(vec![]);
    write_manifest(&e, &m);
    refused(&e, "the export has no table");
    // File names that leave the folder.
    for name in ["../outside/unit.csv", "/etc/passwd"] {
        let mut m = fresh(&e);
        let t = m["tables"].as_array_mut().unwrap().iter_mut().find(|t| t["table"] == "unit").unwrap();
        t["file"] = Value::String(name.into());
        write_manifest(&e, &m);
        refused(&e, &format!("the manifest names '{name}' for table 'unit'"));
    }
    // A listed file that is a link (to a device that never ends): refused without reading it.
    #[cfg(unix)]
    {
        let m = fresh(&e);
        std::fs::remove_file(e.path("out/unit.csv")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", e.path("out/unit.csv")).unwrap();
        write_manifest(&e, &m);
        refused(&e, "unit.csv' is not a regular file");
    }
    // A table listed twice; a row count that does not match; a size that does not match.
    let mut m = fresh(&e);
    let unit = m["tables"].as_array().unwrap().iter().find(|t| t["table"] == "unit").unwrap().clone();
    m["tables"].as_array_mut().unwrap().push(unit);
    write_manifest(&e, &m);
    refused(&e, "lists table 'unit' twice");
    let mut m = fresh(&e);
    let t = m["tables"].as_array_mut().unwrap().iter_mut().find(|t| t["table"] == "person").unwrap();
    t["rows"] = Value::from(t["rows"].as_u64().unwrap() + 1);
    write_manifest(&e, &m);
    refused(&e, "person.csv: 11 rows, the manifest says 12");
    let mut m = fresh(&e);
    let t = m["tables"].as_array_mut().unwrap().iter_mut().find(|t| t["table"] == "unit").unwrap();
    t["bytes"] = Value::from(1);
    write_manifest(&e, &m);
    refused(&e, "bytes, the manifest says 1");
    // The bloc row taken out, with a manifest made to match: no bloc-year file.
    let mut m = fresh(&e);
    let bloc = std::fs::read_to_string(e.path("out/bloc.csv")).unwrap();
    let header = bloc.lines().next().unwrap().to_string() + "\n";
    std::fs::write(e.path("out/bloc.csv"), &header).unwrap();
    let t = m["tables"].as_array_mut().unwrap().iter_mut().find(|t| t["table"] == "bloc").unwrap();
    t["rows"] = Value::from(0);
    t["sha256"] = Value::String(sha(header.as_bytes()));
    t["bytes"] = Value::from(header.len());
    write_manifest(&e, &m);
    refused(&e, "the export has no bloc row");
    // A manifest that is a link.
    #[cfg(unix)]
    {
        fresh(&e);
        std::fs::rename(e.path("out/manifest.json"), e.path("real.json")).unwrap();
        std::os::unix::fs::symlink(e.path("real.json"), e.path("out/manifest.json")).unwrap();
        refused(&e, "manifest.json' is not a regular file");
    }
    // The untouched export still imports, and the copy checks clean.
    fresh(&e);
    e.ok(&["-f", "copy.db", "import", "out"]);
    e.ok(&["-f", "copy.db", "db", "check"]);
}

/// What the tool creates is private whatever the umask: the file, an export's folder and files.
#[cfg(unix)]
#[test]
fn what_the_tool_makes_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let e = Env::new();
    // Under the usual umask of 022, which would leave new files readable by all.
    let under_022 = |args: &[&str]| {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg("umask 022 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_thidua"))
            .args(args)
            .current_dir(e.dir.path())
            .env("THIDUA_TODAY", "2020-07-15")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    under_022(&["-q", "demo", "--format", "csv"]);
    under_022(&["-f", "thidua-demo.db", "export", "out"]);
    under_022(&["-f", "thidua-demo.db", "db", "backup", "copy.bak"]);
    under_022(&["-f", "thidua-demo.db", "unit", "list", "-o", "units.csv"]);
    under_022(&["-f", "thidua-demo.db", "report", "midyear", "-o", "midyear.xlsx"]);
    let mode = |p: &str| std::fs::metadata(e.path(p)).unwrap().permissions().mode() & 0o777;
    for f in ["thidua-demo.db", "copy.bak", "units.csv", "midyear.xlsx"] {
        assert_eq!(mode(f), 0o600, "{f}");
    }
    assert_eq!(mode("out"), 0o700);
    for f in std::fs::read_dir(e.path("out")).unwrap() {
        let name = format!("out/{}", f.unwrap().file_name().to_string_lossy());
        assert_eq!(mode(&name), 0o600, "{name}");
    }
    // No temporary names left beside what was made.
    let hidden: Vec<String> = std::fs::read_dir(e.dir.path())
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.ends_with(".part"))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

/// `-o` never replaces a file unasked, never writes through a link, and makes its file private.
#[cfg(unix)]
#[test]
fn output_files_are_never_replaced_unasked_nor_followed() {
    use std::os::unix::fs::PermissionsExt;
    let e = Env::init();
    e.seven_units();
    e.ok(&["unit", "list", "-o", "u.csv"]);
    assert_eq!(std::fs::metadata(e.path("u.csv")).unwrap().permissions().mode() & 0o777, 0o600);
    let before = std::fs::read(e.path("u.csv")).unwrap();
    let err = e.fails(&["unit", "list", "--format", "json", "-o", "u.csv"], 1);
    assert!(err.contains("'u.csv' already exists") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(e.path("u.csv")).unwrap(), before);
    e.ok(&["unit", "list", "--format", "json", "-o", "u.csv", "--force"]);
    assert!(std::fs::read_to_string(e.path("u.csv")).unwrap().starts_with('['));
    // A link at the place: refused, and with --force the link is replaced, its target untouched.
    std::fs::write(e.path("target.txt"), "keep me").unwrap();
    std::os::unix::fs::symlink(e.path("target.txt"), e.path("link.csv")).unwrap();
    e.fails(&["unit", "list", "-o", "link.csv"], 1);
    e.ok(&["unit", "list", "-o", "link.csv", "--force"]);
    assert_eq!(std::fs::read_to_string(e.path("target.txt")).unwrap(), "keep me");
    assert!(!std::fs::symlink_metadata(e.path("link.csv")).unwrap().file_type().is_symlink());
    // A workbook the same way.
    e.ok(&["unit", "list", "-o", "u.xlsx"]);
    e.fails(&["unit", "list", "-o", "u.xlsx"], 1);
    assert_eq!(std::fs::metadata(e.path("u.xlsx")).unwrap().permissions().mode() & 0o777, 0o600);
}

/// What a crashed run left under a temporary name does not stop the next one, and is cleared.
#[test]
fn leftovers_of_a_crash_do_not_trip_the_next_run() {
    let e = Env::new();
    // A run that died (its process is gone) left a half-made file and journal.
    std::fs::write(e.path(".thidua.db.4000000000.part"), b"half").unwrap();
    std::fs::write(e.path(".thidua.db.4000000000.part-journal"), b"hot").unwrap();
    e.ok(&["init", "--year", "2020", "--bloc", "Khối"]);
    e.ok(&["db", "check"]);
    if std::path::Path::new("/proc").is_dir() {
        assert!(!e.path(".thidua.db.4000000000.part").exists());
        assert!(!e.path(".thidua.db.4000000000.part-journal").exists());
    }
}

/// Inputs that are not what they seem are named as such.
#[test]
fn odd_inputs_are_named_for_what_they_are() {
    let e = Env::init();
    e.seven_units();
    // A THIDUA_TODAY that is not a date is an error, not ignored.
    let o = e.cmd(&["report", "missing"]).env("THIDUA_TODAY", "garbage").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("THIDUA_TODAY='garbage' is not a date"));
    // UTF-16 text (Excel's "Unicode text"), with or without its BOM.
    let utf16: Vec<u8> = "code,name\nAA,Một\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    std::fs::write(e.path("u16.csv"), &utf16).unwrap();
    let err = e.fails(&["unit", "import", e.path("u16.csv").to_str().unwrap()], 1);
    assert!(err.contains("the file is UTF-16 text, not UTF-8") && !err.contains('\0'), "{err}");
    let mut bom = vec![0xFF, 0xFE];
    bom.extend(&utf16);
    std::fs::write(e.path("u16b.csv"), &bom).unwrap();
    e.fails(&["unit", "import", e.path("u16b.csv").to_str().unwrap()], 1);
    // A header of 8 MB on one line is not echoed whole.
    let long = format!("code,{}\n", "x".repeat(8 << 20));
    std::fs::write(e.path("long.csv"), long).unwrap();
    let err = e.fails(&["unit", "import", e.path("long.csv").to_str().unwrap()], 1);
    assert!(err.len() < 2000, "{} bytes of error", err.len());
    // A pipe as the bloc-year file.
    #[cfg(unix)]
    {
        let fifo = e.path("fifo.db");
        let ok = std::process::Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
        if ok {
            let err = e.fails(&["-f", fifo.to_str().unwrap(), "info"], 1);
            assert!(err.contains("is not a regular file"), "{err}");
        }
    }
}

/// An export made by the previous release (`tests/fixtures/files/v2-export`, schema version 2, from `v2.thidua`)
/// rebuilds into this schema as its file would migrate: same rows, its log verifies, the first write records the
/// content digest. An export from a newer thidua is refused.
#[test]
fn an_export_of_an_older_release_is_rebuilt() {
    let e = Env::new();
    let old = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/files/v2-export");
    e.ok(&["-f", "copy.db", "import", old]);
    e.ok(&["-f", "copy.db", "db", "check"]);
    let c = e.conn_to("copy.db");
    let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(n("PRAGMA user_version"), 19);
    assert_eq!(n("SELECT count(*) FROM unit"), 3);
    // Version 4's tables, which the export predates, start empty and are watched like the others.
    assert_eq!(n("SELECT count(*) FROM rating"), 0);
    assert_eq!(n("SELECT count(*) FROM change_count WHERE tbl = 'rating'"), 3);
    assert_eq!(n("SELECT count(*) FROM person WHERE full_name = 'Trần Thị Yến Phương'"), 1);
    assert_eq!(n("SELECT count(*) FROM audit WHERE digest = ''"), 4);
    e.ok(&["-f", "copy.db", "unit", "edit", "KBNN", "--note", "sau khi nhập"]);
    assert_eq!(n("SELECT count(*) FROM audit WHERE digest <> ''"), 1);
    e.ok(&["-f", "copy.db", "db", "check"]);
    e.ok(&["-f", "copy.db", "rating", "set", "excellent", "--unit", "KBNN"]);
    e.ok(&["-f", "copy.db", "db", "check"]);
    // From a newer thidua: refused, naming both versions.
    drop(c);
    std::fs::remove_file(e.path("copy.db")).unwrap();
    copy_dir(std::path::Path::new(old), &e.path("out"));
    let mut m: Value = serde_json::from_str(&std::fs::read_to_string(e.path("out/manifest.json")).unwrap()).unwrap();
    m["schema_version"] = 20.into();
    write_manifest(&e, &m);
    refused(&e, "the export has schema version 20, this thidua reads 19 and older");
}

/// The export of a sealed version-9 file (`tests/fixtures/files/v9-export`), which has no `registration.withdrawn`,
/// rebuilds with the column set from each row's status, as the file's migration sets it: the rebuilt file checks
/// clean and has the fingerprint written in the register at the seal.
#[test]
fn an_export_of_version_9_rebuilds_with_the_fingerprint_of_its_file() {
    let e = Env::new();
    let old = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/files/v9-export");
    let head = std::fs::read_to_string(format!("{old}/registration.csv")).unwrap();
    assert!(!head.lines().next().unwrap().contains("withdrawn"));
    e.ok(&["import", old]);
    e.ok(&["db", "check", "--fingerprint", crate::file::V9_FINGERPRINT]);
    assert_eq!(e.count("SELECT count(*) FROM registration WHERE withdrawn = (status = 'withdrawn')"), 4);
    assert_eq!(e.count("SELECT id FROM registration WHERE withdrawn = 1"), 2);
    // Exported again, the column is in the export, and it rebuilds as it is.
    e.ok(&["export", "again"]);
    let again = std::fs::read_to_string(e.path("again/registration.csv")).unwrap();
    assert!(again.lines().next().unwrap().ends_with(",withdrawn"), "{again}");
    e.ok(&["-f", "copy.db", "import", e.path("again").to_str().unwrap()]);
    e.ok(&["-f", "copy.db", "db", "check", "--fingerprint", crate::file::V9_FINGERPRINT]);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for f in std::fs::read_dir(from).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
    }
}
