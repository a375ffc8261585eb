//! Under `--lang vi` a secretary reads no English: the Vietnamese Markdown of the reviews and the ranking hold no
//! English word and no internal code outside the columns of codes (units, titles).

use crate::Env;

/// English words of the tool's messages that are not Vietnamese words too ("an", "in", "do" are).
const MESSAGE_WORDS: &[&str] = &[
    "the",
    "is",
    "are",
    "was",
    "not",
    "no",
    "of",
    "to",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "and",
    "or",
    "but",
    "this",
    "that",
    "it",
    "its",
    "has",
    "have",
    "be",
    "been",
    "can",
    "cannot",
    "must",
    "need",
    "needs",
    "give",
    "add",
    "first",
    "file",
    "files",
    "folder",
    "column",
    "columns",
    "row",
    "rows",
    "line",
    "lines",
    // "unit" and "person" are table names too, which `db check` cites as they are.
    "units",
    "people",
    "campaign",
    "title",
    "titles",
    "decision",
    "award",
    "awards",
    "meeting",
    "score",
    "scores",
    "criterion",
    "criteria",
    "target",
    "targets",
    "pledge",
    "year",
    "date",
    "number",
    "value",
    "values",
    "already",
    "still",
    "more",
    "than",
    "one",
    "only",
    "none",
    "nothing",
    "written",
    "changed",
    "unknown",
    "missing",
    "empty",
    "exists",
    "found",
    "did",
    "you",
    "mean",
    "error",
    "hint",
    "bad",
    "header",
    "cell",
    "sheet",
    "workbook",
    "known",
    "referred",
    "registration",
    "locked",
    "sealed",
    "before",
    "after",
    "outside",
    "above",
    "below",
    "maximum",
    "name",
    "named",
    "code",
    "which",
    "when",
    "where",
    "there",
    "here",
    "use",
    "set",
    "show",
    "list",
    "fault",
    "not",
    "confirmed",
    "ambiguous",
    "member",
    "members",
    "sub",
    "only",
    "write",
    "read",
    "folder",
    "format",
];

/// An English word left in a message or a help page under `--lang vi`, if any. Quoted values ('…', `…`, “…”),
/// flags and paths are left out.
pub fn english_in(stderr: &str) -> Option<String> {
    // A usage line is the command as it is typed.
    let stderr: String = stderr.lines().filter(|l| !l.starts_with("Cách dùng:")).collect::<Vec<_>>().join("\n");
    let mut text = String::new();
    let mut quote: Option<char> = None;
    for c in stderr.chars() {
        match (quote, c) {
            (None, '\'' | '`' | '“') => quote = Some(if c == '“' { '”' } else { c }),
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c) => text.push(c),
        }
    }
    // Flags (`--unit`) and paths are the tool's vocabulary, not English prose.
    let text: String = text.split_whitespace().filter(|t| !t.starts_with('-')).collect::<Vec<_>>().join(" ");
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '/' && c != '.' && c != '_' && c != '-') {
        let w = w.trim_matches(|c: char| c == '.' || c == '-');
        if w.contains('/') || w.contains('.') || w.contains('_') {
            continue;
        }
        if MESSAGE_WORDS.contains(&w.to_lowercase().as_str()) {
            return Some(w.to_string());
        }
    }
    None
}

/// Words of the tool's English that are not Vietnamese words too.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "not",
    "with",
    "from",
    "for",
    "units",
    "unit",
    "meeting",
    "ranked",
    "proposed",
    "tied",
    "decides",
    "review",
    "pledge",
    "score",
    "scores",
    "scored",
    "total",
    "group",
    "penalty",
    "female",
    "share",
    "skipped",
    "ahead",
    "behind",
    "equal",
    "excluded",
    "fully",
    "criteria",
    "criterion",
    "unverified",
    "none",
    "excellent",
    "good",
    "completed",
    "band",
    "points",
    "first",
    "fewer",
    "more",
    "women",
    "rule",
    "data",
    "flag",
    "certificate",
    "merit",
    "thematic",
    "regular",
    "launched",
    "signed",
    "registered",
    "achieved",
    "missing",
    "figure",
    "figures",
    "due",
    "progress",
    "annex",
    "people",
    "awarded",
    "year",
    "as",
];

/// The words of a Markdown text people read, leaving out table columns headed by one of `code_columns`.
fn words(md: &str, code_columns: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut skip: Vec<usize> = Vec::new();
    for line in md.lines() {
        let cells: Vec<&str> =
            if line.starts_with('|') { line.trim_matches('|').split('|').collect() } else { vec![line] };
        if line.starts_with('|') && !line.starts_with("|---") && !line.contains(":|") {
            // A header row names the columns to leave out; rows after it follow it.
            if cells.iter().any(|c| code_columns.contains(&c.trim()))
                && !cells.iter().any(|c| c.trim().chars().any(|ch| ch.is_ascii_digit()))
            {
                skip = cells
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| code_columns.contains(&c.trim()))
                    .map(|(i, _)| i)
                    .collect();
                continue;
            }
        }
        if !line.starts_with('|') {
            skip.clear();
        }
        for (i, c) in cells.iter().enumerate() {
            if line.starts_with('|') && skip.contains(&i) {
                continue;
            }
            for w in c.split(|ch: char| !ch.is_alphanumeric() && ch != '_') {
                if !w.is_empty() {
                    out.push((w.to_string(), line.to_string()));
                }
            }
        }
    }
    out
}

fn assert_vietnamese(md: &str, code_columns: &[&str]) {
    for (w, line) in words(md, code_columns) {
        assert!(!ENGLISH.contains(&w.to_lowercase().as_str()), "English word '{w}' in: {line}");
        let code = w.len() > 2
            && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            && w.chars().any(|c| c.is_ascii_alphabetic())
            && (w.contains('_') || w.chars().any(|c| c.is_ascii_digit()));
        // A legal text's symbol ("15/2003/QH11") is how Vietnamese cites it, not a code of the tool.
        let symbol = line.contains(&format!("/{w}"));
        assert!(!code || symbol, "internal code '{w}' in: {line}");
    }
}

#[test]
fn the_vietnamese_midyear_review_and_ranking_hold_no_english() {
    let e = Env::new();
    e.ok(&["-f", "d.db", "demo"]);
    let md = e.ok(&["-f", "d.db", "--lang", "vi", "report", "midyear", "--format", "md"]).stdout;
    assert_vietnamese(&md, &["Mã", "Đơn vị", "Danh hiệu"]);
    // The check can fail: the English review does not pass it.
    let en = e.ok(&["-f", "d.db", "report", "midyear", "--format", "md"]).stdout;
    assert!(std::panic::catch_unwind(|| assert_vietnamese(&en, &["Code", "Unit", "Title"])).is_err());
    // A ranking with every kind of note: a tie broken, a rule skipped, an exclusion, a unit not scored, a band cap.
    let root = env!("CARGO_MANIFEST_DIR");
    e.ok(&["-f", "d.db", "score", "criteria", "import", &format!("{root}/examples/walkthrough/tieu-chi.csv")]);
    let diem =
        std::fs::read_to_string(format!("{root}/examples/walkthrough/diem.csv")).unwrap().replace("\nCT,", "\nCTK,");
    let f = e.write("diem.csv", &diem);
    e.ok(&["-f", "d.db", "score", "import", &f]);
    e.ok(&["-f", "d.db", "score", "set", "HQ", "A1", "--assessed", "37"]);
    e.ok(&["-f", "d.db", "score", "set", "NHNN", "A1", "--assessed", "37", "--self", "37"]);
    e.ok(&["-f", "d.db", "unit", "edit", "HQ", "--female-share", "80"]);
    e.ok(&["-f", "d.db", "score", "exclude", "KBNN", "--reason", "Đang thanh tra"]);
    e.ok(&["-f", "d.db", "score", "set", "QLTT", "B1", "--assessed", "0"]);
    let md = e.ok(&["-f", "d.db", "--lang", "vi", "report", "ranking", "--format", "md"]).stdout;
    assert!(md.contains("Cờ thi đua của UBND tỉnh") && md.contains("Bằng khen của Chủ tịch UBND tỉnh"), "{md}");
    assert!(md.contains("bỏ qua tiêu chí tỷ lệ nữ"), "a rule skipped, said in Vietnamese: {md}");
    assert_vietnamese(&md, &["Đơn vị"]);
    let explain = e.ok(&["-f", "d.db", "--lang", "vi", "score", "explain", "HQ", "--format", "md"]).stdout;
    assert_vietnamese(&explain, &["Mã", "Nhóm"]);
}

#[test]
fn errors_and_hints_are_vietnamese_under_lang_vi() {
    let e = Env::init();
    e.seven_units();
    let err = e.fails(&["--lang", "vi", "unit", "show", "KHONGCO"], 1);
    assert_eq!(
        err,
        "lỗi: không có đơn vị 'KHONGCO'\ngợi ý: các đơn vị có trong tệp: BHXH, CT, CTHUE, HQ, KBNN, NHNN, QLTT\n"
    );
    // THIDUA_LANG does the same, and an import's bad rows are Vietnamese too, with their place as it was.
    let f = e.write("p.csv", "unit,name,gender\nCT,Tạ Thị Dân,x\nNOPE,Lê Văn Bình,\n");
    let o = e.cmd(&["person", "import", &f]).env("THIDUA_LANG", "vi").output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("p.csv:2: cột 'gender': 'x' không phải là giới tính (f, m; nữ/nam)"), "{err}");
    assert!(err.contains("p.csv:3: cột 'unit': không có đơn vị 'NOPE'"), "{err}");
    assert!(err.contains("lỗi: ") && err.contains("2 dòng sai; không ghi gì vào tệp"), "{err}");
    assert_eq!(english_in(&err), None, "{err}");
}

/// A damaged file (here a page of garbage) is told as such, with what to do, and takes no write: neither the
/// tool's fault (exit 3, "send this message") nor a silent success.
#[test]
fn a_damaged_file_is_named_and_takes_no_write() {
    let e = Env::new();
    e.ok(&["-f", "d.db", "demo"]);
    let mut bytes = std::fs::read(e.path("d.db")).unwrap();
    bytes[4096..4296].fill(0xff);
    std::fs::write(e.path("d.db"), &bytes).unwrap();
    let err = e.fails(&["-f", "d.db", "report", "midyear"], 1);
    assert!(err.contains("the file is damaged: “database disk image is malformed”; nothing was changed"), "{err}");
    assert!(err.contains("db check") && err.contains("backup") && !err.contains("thidua --version"), "{err}");
    let err = e.fails(&["-f", "d.db", "unit", "add", "ZZ", "--name", "Thử"], 1);
    assert!(err.contains("the file is damaged"), "{err}");
    assert_eq!(std::fs::read(e.path("d.db")).unwrap(), bytes);
}

/// What a write says when it is done is Vietnamese too (and English plurals are right).
#[test]
fn messages_of_writes_are_vietnamese_under_lang_vi() {
    let e = Env::init();
    let vi = |args: &[&str]| -> String {
        let o = e.cmd(args).env("THIDUA_LANG", "vi").output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let mut all = String::new();
    all += &vi(&["unit", "add", "CT", "--name", "Cục Thống kê", "--role", "leader"]);
    all += &vi(&["unit", "add", "BHXH", "--name", "Bảo hiểm xã hội tỉnh"]);
    all += &vi(&["unit", "edit", "BHXH", "--short", "BHXH tỉnh", "--dry-run"]);
    let f = e.write("p.csv", "unit,name\nCT,Tạ Thị Dân\nBHXH,Lê Văn Bình\n");
    all += &vi(&["person", "import", &f]);
    all += &vi(&["person", "import", &f]);
    all += &vi(&["campaign", "add", "PT2020", "--name", "Phong trào 2020", "--kind", "regular"]);
    all += &vi(&["campaign", "launch", "PT2020", "--date", "15/02/2020"]);
    all += &vi(&["pledge", "sign", "--all", "--date", "27/02/2020"]);
    let dk = e.write("dk.csv", "unit,person,title\nBHXH,Trần Văn Mới,LDTT\n");
    all += &vi(&["register", "import", &dk, "--create-people"]);
    all += &vi(&["register", "add", "--title", "TTLDXS", "--unit", "CT", "--date", "20/12/2019"]);
    all += &vi(&["meeting", "add", "--kind", "midyear", "--date", "24/07/2020"]);
    all += &vi(&["meeting", "talk", "24/07/2020", "--unit", "BHXH", "--topic", "Tham luận"]);
    all += &vi(&["award", "add", "-", "BK_TINH", "--unit", "BHXH", "--year", "2019"]);
    all += &vi(&["score", "criteria", "add", "A1", "--group", "A", "--name", "Chỉ tiêu", "--max", "10"]);
    all += &vi(&["score", "lock"]);
    assert!(all.contains("đã thêm đơn vị CT") && all.contains("chạy thử"), "{all}");
    assert!(all.contains("p.csv: thêm mới 2") && all.contains("dk.csv: đã tạo 1 người"), "{all}");
    assert!(all.contains("chưa chấm đủ"), "{all}");
    assert_eq!(english_in(&all), None, "{all}");
    // In English, one person is a person.
    let dk = e.write("dk2.csv", "unit,person,title\nCT,Ngô Văn Một,LDTT\n");
    let o = e.ok(&["register", "import", &dk, "--create-people"]);
    assert!(o.stderr.contains("dk2.csv: created 1 person\n"), "{}", o.stderr);
}

/// The tie-break order in `info` and `score settings` reads in words under vi; CSV keeps the values (issue 32).
#[test]
fn the_tie_break_order_reads_in_words() {
    let e = crate::Env::init();
    let info = e.ok(&["--lang", "vi", "info"]).stdout;
    assert!(info.contains("tỷ lệ nữ từ 70%, điểm nhóm tiêu chí thứ nhất, điểm trừ ít hơn"), "{info}");
    assert!(!info.contains("group_a"), "{info}");
    let csv = e.ok(&["info", "--format", "csv"]).stdout;
    assert!(csv.contains("\"female,group_a,penalty\""), "{csv}");
}

/// Every command's help page under `--lang vi` reads in Vietnamese: its about, its arguments, clap's headings and
/// defaults; what is typed as it is (flags, values, CSV columns) is set as code (issue 32).
#[test]
fn every_help_page_reads_in_vietnamese() {
    let e = Env::new();
    let index = e.ok(&["reference", "--index"]).stdout;
    let mut pages = vec![String::new()];
    for line in index.lines() {
        if let Some(cmd) = line.strip_prefix("| `thidua").and_then(|l| l.split('`').next()) {
            pages.push(cmd.trim().to_string());
        }
    }
    // The groups' own pages too (`unit`, `council member`).
    let groups: Vec<String> = pages
        .iter()
        .flat_map(|p| {
            let w: Vec<&str> = p.split_whitespace().collect();
            (1..w.len()).map(move |n| w[..n].join(" "))
        })
        .collect();
    pages.extend(groups);
    pages.sort();
    pages.dedup();
    assert!(pages.len() > 170, "{} pages", pages.len());
    for page in &pages {
        let mut args = vec!["--lang", "vi"];
        args.extend(page.split_whitespace());
        args.push("--help");
        let out = e.ok(&args);
        assert!(out.stdout.contains("Cách dùng:"), "{page}: {}", out.stdout);
        // The names of the commands are what is typed, as it is (and the usage line, which `english_in` skips).
        let mut commands = false;
        let prose: Vec<String> = out
            .stdout
            .lines()
            .map(|l| {
                if !l.starts_with(' ') {
                    commands = l == "Lệnh:";
                    return l.to_string();
                }
                let t = l.trim_start();
                match (commands, t.split_once(' ')) {
                    (true, Some((_, rest))) if l.len() - t.len() == 2 => rest.to_string(),
                    _ => l.to_string(),
                }
            })
            .collect();
        if let Some(w) = english_in(&prose.join("\n")) {
            panic!("English word '{w}' in `thidua {page} --help` under vi:\n{}", out.stdout);
        }
    }
    // The locale alone is enough; --lang en wins over it.
    let out = e.cmd(&["unit", "add", "--help"]).env("LANG", "vi_VN.UTF-8").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Thêm đơn vị"));
    let out = e.cmd(&["--lang", "en", "unit", "add", "--help"]).env("LANG", "vi_VN.UTF-8").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Add a unit"));
    // clap's own mistakes, in Vietnamese with the suggestion.
    let err = e.fails(&["--lang", "vi", "unit", "ad"], 2);
    assert!(err.contains("lỗi: không có lệnh 'ad'") && err.contains("gợi ý: có lệnh gần giống: 'add'"), "{err}");
    let err = e.fails(&["--lang", "vi", "unit", "list", "--formt", "csv"], 2);
    assert!(err.contains("lệnh này không có tham số '--formt'") && err.contains("'--format'"), "{err}");
}

/// The lists a secretary reads about the file itself hold no English under vi: `info` (every table's count), `db
/// log` (tables by name, times as dd/mm/yyyy hh:mm), the catalogs, `rules show` (issue 32).
#[test]
fn the_file_s_own_lists_read_in_vietnamese() {
    let e = Env::new();
    e.ok(&["-q", "demo", "-f", "thidua.db"]);
    for args in [
        vec!["info"],
        vec!["db", "log"],
        vec!["register", "titles"],
        vec!["award", "forms"],
        vec!["rules", "show"],
        vec!["unit", "list"],
        vec!["proposal", "show", "1"],
    ] {
        let mut a = vec!["--lang", "vi"];
        a.extend(&args);
        let out = e.ok(&a).stdout;
        // The command lines in the log are as they were typed.
        let prose: String = out.lines().map(|l| l.split("thidua ").next().unwrap_or(l)).collect::<Vec<_>>().join("\n");
        if let Some(w) = english_in(&prose) {
            panic!("English word '{w}' in `thidua {}` under vi:\n{out}", args.join(" "));
        }
    }
    let log = e.ok(&["--lang", "vi", "db", "log"]).stdout;
    assert!(log.contains("Danh mục danh hiệu, hình thức +57"), "{log}");
    let at = log.lines().find(|l| l.contains("Danh mục")).and_then(|l| l.split('┆').nth(1)).unwrap().trim().to_string();
    assert!(at.len() == 16 && at.as_bytes()[2] == b'/' && at.as_bytes()[5] == b'/' && !at.contains('Z'), "{at}");
    let csv = e.ok(&["db", "log", "--format", "csv"]).stdout;
    assert!(csv.contains(",\"bloc +1, catalog +57\""), "{csv}");
}
