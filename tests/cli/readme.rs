//! The README runs as written: every command block after "The two commands", in order, in one shell, on a fresh
//! folder (the way sqlite-utils tests its docs). A command that exits non-zero fails the test, naming it.

use std::process::Command;

use crate::Env;

/// The ```sh blocks of the README, in order.
fn blocks(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    for line in readme.lines() {
        match (&mut cur, line.trim_end()) {
            (None, "```sh") => cur = Some(String::new()),
            (Some(b), "```") => {
                out.push(std::mem::take(b));
                cur = None;
            }
            (Some(b), l) => {
                b.push_str(l);
                b.push('\n');
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_walkthrough_runs_as_written() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let all = blocks(&readme);
    assert!(all.len() >= 8, "the README has its walkthrough blocks");
    assert!(all[0].contains("cargo run --release -- demo") && all[0].contains("cargo test"), "the two commands first");
    let e = Env::new();
    std::os::unix::fs::symlink(format!("{root}/examples"), e.path("examples")).unwrap();
    // `thidua` is the binary under test; the README's alias (cargo run) is left out.
    let mut script = format!(
        "set -eu\ntrap 'echo \"README command failed: $BASH_COMMAND\" >&2' ERR\nthidua() {{ '{}' \"$@\"; }}\n",
        env!("CARGO_BIN_EXE_thidua")
    );
    for b in &all[1..] {
        for line in b.lines().filter(|l| !l.trim_start().starts_with("alias ")) {
            script.push_str(line);
            script.push('\n');
        }
    }
    let o = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(e.dir.path())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", e.dir.path())
        .env("NO_COLOR", "1")
        .env("TZ", "UTC")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // What the walkthrough made is there: the year's file checks clean, the next year's carries the people.
    let year = e.conn_to("khoi-2020.db");
    let n = |sql: &str| year.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(n("SELECT count(*) FROM unit WHERE parent_id IS NULL"), 7);
    assert_eq!(n("SELECT born FROM person WHERE full_name = 'Nguyễn Văn Hùng'"), 1980);
    assert!(n("SELECT count(*) FROM registration") >= 6);
    assert!(e.path("so-ket-2020.md").exists() && e.path("so-ket/pledges.csv").exists());
    let next = e.conn_to("khoi-2021.db");
    assert!(next.query_row("SELECT count(*) FROM person", [], |r| r.get::<_, i64>(0)).unwrap() >= 8);
    // KBNN merged into the regional treasury with its people; QLTT's dissolution taken back.
    let ended: Vec<(String, String)> = next
        .prepare("SELECT u.code, e.how FROM unit_end e JOIN unit u ON u.id = e.unit_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ended, [("KBNN".to_string(), "merged".to_string())]);
    // The minutes' score table (fourteen columns) is too wide for the portrait page: it goes on a landscape page of
    // its own with the line that introduces it, the ballots after it back on portrait; every word fits its column.
    // (Every paper here is checked against the schemas when the folder goes.)
    let doc = crate::papers::part(&e.path("bien-ban.docx"), "word/document.xml");
    let intro = doc.find("Hội nghị thông qua bảng tổng hợp kết quả chấm điểm thi đua:").unwrap();
    let land = doc.find(r#"w:orient="landscape""#).expect("a landscape section");
    let score = doc.find(">Thẩm định<").unwrap();
    let ballots = doc.find("Kết quả biểu quyết").unwrap();
    let portrait_end = doc[..intro].rfind("<w:sectPr>").expect("the portrait section ends before the table");
    assert!(
        portrait_end < intro && intro < score && score < land && land < ballots,
        "{portrait_end} {intro} {score} {land} {ballots}"
    );
    assert!(doc[land..].contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "back to portrait");
    assert_eq!(doc.matches("<w:titlePg/>").count(), 1, "the first page alone has no page number");
    crate::papers::assert_columns_fit(&doc);
    // Every paper of the year says what the real one says: no code of the file, no software note, no English.
    e.ok(&["-f", "khoi-2020.db", "doc", "review", "annual", "-o", "tong-ket.docx"]);
    for paper in ["to-trinh.docx", "bien-ban.docx", "ky-nhan.docx", "so-ket.docx", "bc.docx", "tong-ket.docx"] {
        crate::papers::assert_signable(&crate::papers::text_of(&e.path(paper)), crate::papers::CODES);
    }
}
