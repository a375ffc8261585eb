//! What a secretary hit in a trial year: each defect as it was met, asserting what the user sees now.

use crate::Env;

/// Excel's CSV: the same list with each kind of line ending, with and without a BOM; the bad row is named exactly.
#[test]
fn csv_errors_name_the_line_for_every_line_ending() {
    let e = Env::init();
    for (eol, bom) in [("\r\n", true), ("\r\n", false), ("\n", true), ("\n", false), ("\r", false), ("\r", true)] {
        let mut csv = String::from(if bom { "\u{feff}" } else { "" });
        csv.push_str(&format!("code,name{eol}"));
        for i in 0..300 {
            // Row 150 (on line 151) is the bad one.
            let code = if i == 149 { "B B".to_string() } else { format!("U{i}") };
            csv.push_str(&format!("{code},Đơn vị {i}{eol}"));
        }
        let f = e.write("units.csv", &csv);
        let err = e.fails(&["unit", "import", &f], 1);
        assert!(err.contains("units.csv:151: column 'code'"), "{eol:?} bom={bom}: {err}");
        assert_eq!(err.matches("units.csv:").count(), 2, "{err}");
    }
    // The exact case of the trial, on standard input.
    let o = e.run_with(&["unit", "import", "-"], b"code,name\r\nAA,M\xe1\xbb\x99t\r\nB B,Hai\r\n");
    assert!(o.stderr.contains("stdin:3: column 'code'"), "{}", o.stderr);
    // A quoted note holding a line break moves the rows after it down a line.
    let o = e
        .run_with(&["unit", "import", "-"], "code,name,note\r\nAA,Một,\"dòng 1\r\ndòng 2\"\r\nB B,Hai,\r\n".as_bytes());
    assert!(o.stderr.contains("stdin:4: column 'code'"), "{}", o.stderr);
    assert_eq!(e.count("SELECT count(*) FROM unit"), 0);
}

#[test]
fn an_unbalanced_quote_is_an_error_at_the_line_it_opened() {
    let e = Env::init();
    let csv = "code,name,short\nDV1,Đơn vị mới 1,\nDV2,\"Đơn vị mới 2,NEW1,\nCTK,Cục Thống kê,CTK\nHQ,Cục Hải quan,\n";
    let f = e.write("units.csv", csv);
    let err = e.fails(&["unit", "import", &f], 1);
    assert!(err.contains("units.csv:3: a quote opened on this line is never closed"), "{err}");
    assert!(err.contains("units.csv:3: column 'name'"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM unit"), 0);
    // A line break inside a quoted code is refused even when the quote closes.
    let f = e.write("units.csv", "code,name\n\"A\nB\",Một\n");
    let err = e.fails(&["unit", "import", &f], 1);
    assert!(err.contains("units.csv:2: column 'code': 'A B' holds a line break"), "{err}");
    // In a note it is accepted (and cleaned to one line, as every text is).
    let f = e.write("units.csv", "code,name,note\nAA,Một,\"dòng 1\ndòng 2\"\n");
    e.ok(&["unit", "import", &f]);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE note = 'dòng 1 dòng 2'"), 1);
}

#[test]
fn unknown_columns_are_refused_unless_ignored() {
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê", "--role", "leader"]);
    let csv = "unit;Họ và tên;Ngày sinh\r\nCT;Tạ Thị Dân;12/03/1970\r\n";
    let f = e.write("nguoi.csv", csv);
    // "Ngày sinh" is read as the birth year now; a misspelt key is refused with the nearest known one.
    e.ok(&["person", "import", &f]);
    assert_eq!(e.count("SELECT born FROM person"), 1970);
    let f = e.write("p.csv", "unit,name,posiiton\nCT,Trần Văn An,Chuyên viên\n");
    let err = e.fails(&["person", "import", &f], 1);
    assert!(err.contains("unknown column 'posiiton'; did you mean 'position'?"), "{err}");
    assert!(err.contains("`position` (Chức vụ)"), "the hint lists the Vietnamese headers too: {err}");
    assert!(err.contains("--ignore-columns 'posiiton'"), "{err}");
    let f = e.write("p.csv", "unit,name,foo\nCT,Trần Văn An,x\n");
    let err = e.fails(&["person", "import", &f], 1);
    assert!(err.contains("unknown column 'foo'"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM person"), 1);
    e.ok(&["person", "import", &f, "--ignore-columns", "foo,bar"]);
    assert_eq!(e.count("SELECT count(*) FROM person"), 2);
    // Text beyond the header's columns is an error; empty trailing cells (a spreadsheet's ";;") are not.
    let f = e.write("p.csv", "unit,name\nCT,Lê Văn Bình,thừa\n");
    let err = e.fails(&["person", "import", &f], 1);
    assert!(err.contains("p.csv:2: cell 3 ('thừa') is beyond the 2 columns"), "{err}");
    let f = e.write("p.csv", "unit;name;;\nCT;Lê Văn Bình;;\n");
    e.ok(&["person", "import", &f]);
    assert_eq!(e.count("SELECT count(*) FROM person"), 3);
}

#[test]
fn malformed_numbers_are_refused_with_the_value() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["score", "criteria", "add", "A1", "--group", "A", "--name", "Chỉ tiêu", "--max", "20000"]);
    let err = e.fails(&["score", "set", "BHXH", "A1", "--assessed", "38.5.1"], 2);
    assert!(err.contains("'38.5.1' is not a number"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM score"), 0);
    for (input, want) in
        [("1.250", 1250.0), ("12.500,5", 12500.5), ("1250", 1250.0), ("12500.5", 12500.5), ("38,5", 38.5)]
    {
        e.ok(&["score", "set", "BHXH", "A1", "--assessed", input]);
        let got: f64 = e.conn().query_row("SELECT assessed FROM score", [], |r| r.get(0)).unwrap();
        assert_eq!(got, want, "{input}");
    }
}

#[test]
fn a_second_meeting_of_the_same_kind_and_day_is_refused_and_meetings_can_be_edited_and_removed() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["meeting", "add", "--kind", "midyear", "--date", "24/07/2020", "--place", "Cục Thống kê tỉnh"]);
    e.ok(&["meeting", "talk", "24/07/2020", "--unit", "BHXH", "--topic", "Tham luận"]);
    e.ok(&["meeting", "exemplar", "24/07/2020", "--unit", "CT", "--reason", "Dẫn đầu"]);
    let err = e.fails(&["meeting", "add", "--kind", "midyear", "--date", "24/07/2020", "--place", "x"], 1);
    assert!(err.contains("meeting #1 (mid-year review) is already recorded on 24/07/2020"), "{err}");
    assert!(err.contains("thidua meeting edit 1"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM meeting"), 1);
    // The review names the meeting it used, and keeps its talks.
    let md = e.ok(&["report", "midyear", "--format", "md"]).stdout;
    assert!(md.contains("Meeting: #1") && md.contains("Place: Cục Thống kê tỉnh") && md.contains("Tham luận"), "{md}");
    // Another kind the same day is fine; editing it onto the review's day and kind is refused.
    e.ok(&["meeting", "add", "--kind", "other", "--date", "24/07/2020", "--place", "Phòng họp 2"]);
    let err = e.fails(&["meeting", "edit", "2", "--kind", "midyear"], 1);
    assert!(err.contains("meeting #1 (mid-year review) is already recorded"), "{err}");
    e.ok(&["meeting", "edit", "1", "--place", "Hội trường Cục Thống kê", "--guest", "Trần Thị Mỹ An, Trưởng ban"]);
    let md = e.ok(&["report", "midyear", "--format", "md"]).stdout;
    assert!(md.contains("Place: Hội trường Cục Thống kê") && md.contains("Trần Thị Mỹ An, Trưởng ban"), "{md}");
    let err = e.fails(&["meeting", "remove", "1"], 2);
    assert!(err.contains("--yes"), "{err}");
    e.ok(&["meeting", "remove", "1", "--yes"]);
    assert_eq!(e.count("SELECT count(*) FROM meeting"), 1);
    assert_eq!(e.count("SELECT count(*) FROM meeting_item"), 0);
    assert_eq!(e.count("SELECT count(*) FROM meeting_guest"), 0);
    e.ok(&["db", "check"]);
}

#[test]
fn a_review_honours_its_as_of_date() {
    let e = Env::new();
    e.ok(&["init", "--year", "2024", "--bloc", "Khối thi đua"]);
    e.seven_units();
    e.ok(&["award", "decision", "add", "12/QĐ-UBND", "--date", "20/01/2025", "--issuer", "UBND tỉnh"]);
    e.ok(&["award", "add", "12/QĐ-UBND", "CTD_TINH", "--unit", "BHXH", "--year", "2024"]);
    e.ok(&["award", "decision", "add", "3/QĐ-UBND", "--date", "10/03/2024", "--issuer", "UBND tỉnh"]);
    e.ok(&["award", "add", "3/QĐ-UBND", "BK_TINH", "--unit", "HQ", "--year", "2023"]);
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "CT", "--date", "15/08/2024"]);
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "KBNN", "--date", "15/01/2024"]);
    let mid = e.ok(&["report", "midyear", "--as-of", "30/06/2024", "--format", "csv"]).stdout;
    assert!(!mid.contains("12/QĐ-UBND"), "a decision of 20/01/2025 is not in a review as of 30/06/2024:\n{mid}");
    assert!(mid.contains("3/QĐ-UBND"), "{mid}");
    assert!(mid.contains("KBNN") && !mid.contains("CT,Cục Thống kê,TTLDXS"), "registered after the date: {mid}");
    // The annual review as of 31/12 leaves the January decision out, and takes it as of 31/01 of the next year.
    let annual = e.ok(&["report", "annual", "--format", "csv", "--table", "awards"]).stdout;
    assert!(!annual.contains("12/QĐ-UBND"), "{annual}");
    let annual = e.ok(&["report", "annual", "--as-of", "31/01/2025", "--format", "csv", "--table", "awards"]).stdout;
    assert!(annual.contains("12/QĐ-UBND"), "{annual}");
    // People's awards of the year are in the annual review too, in an annex table.
    e.ok(&["person", "add", "--unit", "HQ", "--name", "Phạm Minh Tuấn"]);
    e.ok(&["award", "add", "3/QĐ-UBND", "CSTDCS", "--person", "Phạm Minh Tuấn", "--year", "2024"]);
    let people = e.ok(&["report", "annual", "--format", "csv", "--table", "awards_people"]).stdout;
    assert!(people.contains("Phạm Minh Tuấn") && people.contains("3/QĐ-UBND"), "{people}");
}

/// Seven members, criteria A1 (group A) and B1 (group B), and `points` (unit, A1, B1) assessed.
fn scored(points: &[(&str, &str, &str)]) -> Env {
    let e = Env::init();
    e.seven_units();
    e.ok(&["score", "criteria", "add", "A1", "--group", "A", "--name", "Nhiệm vụ chính trị", "--max", "60"]);
    e.ok(&["score", "criteria", "add", "B1", "--group", "B", "--name", "Công tác thi đua", "--max", "40"]);
    for (u, a, b) in points {
        e.ok(&["score", "set", u, "A1", "--assessed", a]);
        e.ok(&["score", "set", u, "B1", "--assessed", b]);
    }
    e
}

/// The ranking as CSV rows keyed by unit code: (rank, band, proposal, note).
fn ranking_of(e: &Env) -> Vec<(String, String, String, String, String)> {
    let rows = crate::csv_rows(&e.ok(&["report", "ranking", "--format", "csv"]).bytes);
    let h = rows[0].clone();
    let at = |k: &str| h.iter().position(|c| c == k).unwrap();
    rows[1..]
        .iter()
        .map(|r| {
            (
                r[at("unit")].clone(),
                r[at("rank")].clone(),
                r[at("band")].clone(),
                r[at("proposal")].clone(),
                r[at("note")].clone(),
            )
        })
        .collect()
}

#[test]
fn units_without_scores_are_not_ranked_and_tie_rules_without_data_are_skipped() {
    let e = scored(&[
        ("CT", "55", "35"),
        ("BHXH", "50", "40"),
        ("CTHUE", "50", "30"),
        ("QLTT", "45", "35"),
        ("NHNN", "40", "30"),
    ]);
    // HQ and KBNN have no points; HQ's one person is a woman (a share derived from her would read 100%).
    e.ok(&["person", "add", "--unit", "HQ", "--name", "Lê Thị Hoa", "--gender", "f"]);
    let r = ranking_of(&e);
    for code in ["HQ", "KBNN"] {
        let (_, rank, band, proposal, note) = r.iter().find(|x| x.0 == code).unwrap();
        assert_eq!((rank.as_str(), band.as_str(), proposal.as_str()), ("", "not_ranked", ""), "{code}: {r:?}");
        assert_eq!(note, "not ranked: no scores", "{code}");
        assert!(!note.contains("women"), "{note}");
    }
    assert_eq!(r[5].0, "HQ");
    assert_eq!(r[6].0, "KBNN");
    let vi = e.ok(&["--lang", "vi", "report", "ranking", "--format", "md"]).stdout;
    assert!(
        vi.contains("Chưa xếp hạng") && !vi.contains("| HQ | Cục Hải quan | 0 | 0 | 0 | 0 | 0 | 0 | 0 | Hoàn thành"),
        "{vi}"
    );
    // CT and BHXH tie at 90; BHXH states 80% women, CT states nothing: the rule is skipped for the pair, said so.
    e.ok(&["unit", "edit", "BHXH", "--female-share", "80"]);
    let r = ranking_of(&e);
    let bhxh = r.iter().find(|x| x.0 == "BHXH").unwrap();
    assert!(bhxh.4.contains("tie-break with CT: women's share skipped, no data for one of the two"), "{r:?}");
    // The next rule decides: CT has more in group A.
    assert_eq!((r[0].0.as_str(), r[0].1.as_str(), r[1].1.as_str()), ("CT", "1", "2"), "{r:?}");
}

#[test]
fn the_vietnamese_tie_break_note_of_the_lower_unit_says_lower() {
    let e = scored(&[("CT", "55", "35"), ("HQ", "50", "40")]);
    let vi = e.ok(&["--lang", "vi", "report", "ranking", "--format", "md"]).stdout;
    assert!(vi.contains("xếp trên HQ khi bằng điểm: điểm nhóm tiêu chí thứ nhất (nhiệm vụ chính trị) cao hơn"), "{vi}");
    assert!(
        vi.contains("xếp dưới CT khi bằng điểm: điểm nhóm tiêu chí thứ nhất (nhiệm vụ chính trị) thấp hơn"),
        "{vi}"
    );
    assert!(
        !vi.contains("xếp dưới CT khi bằng điểm: điểm nhóm tiêu chí thứ nhất (nhiệm vụ chính trị) cao hơn"),
        "{vi}"
    );
    let en = e.ok(&["report", "ranking", "--format", "md"]).stdout;
    assert!(en.contains("behind CT at equal total: fewer points in the first group"), "{en}");
}

#[test]
fn only_member_units_are_scored() {
    let e = scored(&[]);
    e.ok(&["unit", "add", "CD_VPTU", "--name", "Công đoàn Văn phòng", "--parent", "BHXH"]);
    let err = e.fails(&["score", "set", "CD_VPTU", "A1", "--assessed", "30"], 1);
    assert!(err.contains("CD_VPTU is a sub-unit of BHXH: only member units of the bloc are scored"), "{err}");
    let f = e.write("diem.csv", "unit,criterion,assessed\nCT,A1,50\nCD_VPTU,A1,30\n");
    let err = e.fails(&["score", "import", &f], 1);
    assert!(err.contains("diem.csv:3: column 'unit': CD_VPTU is a sub-unit of BHXH"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM score"), 0);
}

#[test]
fn demo_will_not_replace_a_demo_file_holding_the_users_edits() {
    let e = Env::new();
    e.ok(&["-f", "d.db", "demo"]);
    // Untouched: replaced without a word.
    e.ok(&["-f", "d.db", "demo"]);
    e.ok(&["-f", "d.db", "unit", "edit", "BHXH", "--note", "ghi chú của tôi"]);
    let err = e.fails(&["-f", "d.db", "demo"], 1);
    assert!(err.contains("was changed since the demo made it") && err.contains("demo --yes"), "{err}");
    assert_eq!(
        e.conn_to("d.db")
            .query_row("SELECT count(*) FROM unit WHERE note = 'ghi chú của tôi'", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        1
    );
    // Changed behind the tool's back counts too.
    e.ok(&["-f", "d2.db", "demo"]);
    e.conn_to("d2.db").execute("UPDATE unit SET note = 'x' WHERE code = 'HQ'", []).unwrap();
    e.fails(&["-f", "d2.db", "demo"], 1);
    e.ok(&["-f", "d.db", "demo", "--yes"]);
    assert_eq!(
        e.conn_to("d.db")
            .query_row("SELECT count(*) FROM unit WHERE note = 'ghi chú của tôi'", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        0
    );
}

#[test]
fn import_references_that_disagree_are_row_errors() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Nguyễn Thị Thu Hà", "--code", "BH01"]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Trần Văn Nam"]);
    let f = e.write(
        "dk.csv",
        "unit,person,person_code,title\n\
         BHXH,Nguyễn Thị Thu Hà,BH99,CSTDCS\n\
         BHXH,Trần Văn Nam,BH01,LDTT\n\
         BHXH,Trần Văn Nam,BH77,LDTT\n",
    );
    let err = e.fails(&["register", "import", &f, "--create-people"], 1);
    assert!(err.contains("dk.csv:2: column 'person_code': 'BH99' is no one's staff code, but 'Nguyễn Thị Thu Hà' is #1 Nguyễn Thị Thu Hà (BHXH, code BH01)"), "{err}");
    assert!(
        err.contains("dk.csv:3: column 'person': 'Trần Văn Nam' is not Nguyễn Thị Thu Hà, whose staff code is 'BH01'"),
        "{err}"
    );
    assert!(err.contains("dk.csv:4: column 'person_code': 'BH77' is no one's staff code"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM registration"), 0);
    assert_eq!(e.count("SELECT count(*) FROM person"), 2);
    // Pledge figures that do not fit their target.
    e.ok(&[
        "campaign",
        "add",
        "PT2020",
        "--name",
        "Phong trào 2020",
        "--kind",
        "regular",
        "--start",
        "01/01/2020",
        "--end",
        "31/12/2020",
    ]);
    e.ok(&["pledge", "sign", "--all", "--date", "27/02/2020"]);
    let f = e.write(
        "gu.csv",
        "unit,target,goal,actual,as_of,met\n\
         CTHUE,Thu ngân sách,100,,30/06/2020,Cuc Thong Ke\n\
         HQ,Không có vi phạm,,Nguyễn Văn,30/06/2020,\n",
    );
    let err = e.fails(&["pledge", "import", &f], 1);
    assert!(err.contains("gu.csv:2: column 'met': 'Cuc Thong Ke' is not met / not_met"), "{err}");
    assert!(err.contains("gu.csv:3: column 'actual': 'Nguyễn Văn' is given, but the target has no goal"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM pledge_target"), 0);
}

#[test]
fn imports_find_names_as_the_command_line_does() {
    let e = Env::init();
    e.seven_units();
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Nguyễn Thị Thu Hà", "--position", "Phó Giám đốc"]);
    e.ok(&["person", "show", "Nguyen Thi Thu Ha"]);
    let f = e.write("dk.csv", "unit,person,title\nBHXH,Nguyen Thi Thu Ha,CSTDCS\nBHXH,Nguyễn Thị Thu Hà,LDTT\n");
    // Found accent-free, not created twice.
    e.ok(&["register", "import", &f, "--create-people"]);
    assert_eq!(e.count("SELECT count(*) FROM person"), 1);
    assert_eq!(e.count("SELECT count(*) FROM registration WHERE person_id = 1"), 2);
    // Two people an accent-free name finds: an error listing them with position and code.
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Nguyễn Thị Thu Hạ", "--code", "BH02"]);
    let f = e.write("dk2.csv", "unit,person,title\nBHXH,Nguyen Thi Thu Ha,LDTT\n");
    let err = e.fails(&["register", "import", &f, "--create-people"], 1);
    assert!(
        err.contains("#1 Nguyễn Thị Thu Hà (BHXH, Phó Giám đốc)")
            && err.contains("#2 Nguyễn Thị Thu Hạ (BHXH, code BH02)"),
        "{err}"
    );
    assert_eq!(e.count("SELECT count(*) FROM person"), 2);
    // On the command line, --unit narrows a name two units share.
    e.ok(&["person", "add", "--unit", "HQ", "--name", "Nguyễn Văn Hoà", "--position", "Đội trưởng"]);
    e.ok(&["person", "add", "--unit", "KBNN", "--name", "Nguyễn Văn Hoà", "--code", "KB7"]);
    let err = e.fails(&["register", "add", "--title", "LDTT", "--person", "Nguyễn Văn Hòa"], 1);
    assert!(err.contains("(HQ, Đội trưởng)") && err.contains("(KBNN, code KB7)") && err.contains("--unit"), "{err}");
    e.ok(&["register", "add", "--title", "LDTT", "--person", "Nguyễn Văn Hòa", "--unit", "KBNN"]);
    assert_eq!(
        e.count("SELECT count(*) FROM registration r JOIN person p ON p.id = r.person_id WHERE p.staff_code = 'KB7'"),
        1
    );
}

#[test]
fn a_target_not_due_yet_is_in_progress_at_mid_year() {
    let e = Env::init();
    e.seven_units();
    e.ok(&[
        "campaign",
        "add",
        "PT2020",
        "--name",
        "Phong trào 2020",
        "--kind",
        "regular",
        "--start",
        "01/01/2020",
        "--end",
        "31/12/2020",
    ]);
    e.ok(&["pledge", "sign", "--unit", "CTHUE", "--date", "27/02/2020"]);
    e.ok(&["pledge", "target", "add", "--unit", "CTHUE", "Thu ngân sách", "--target", "100", "--due", "31/12/2020"]);
    e.ok(&["pledge", "target", "add", "--unit", "CTHUE", "Báo cáo 6 tháng", "--due", "30/06/2020"]);
    e.ok(&["pledge", "progress", "2", "--met", "--as-of", "30/06/2020"]);
    let rows = crate::csv_rows(&e.ok(&["pledge", "list", "--as-of", "30/06/2020", "--format", "csv"]).bytes);
    let h = rows[0].clone();
    let r = rows.iter().find(|r| r[0] == "CTHUE").unwrap();
    let at = |k: &str| r[h.iter().position(|c| c == k).unwrap()].clone();
    assert_eq!(
        (at("met"), at("no_data"), at("in_progress"), at("completion")),
        ("1".into(), "0".into(), "1".into(), "100".into())
    );
    let show = crate::csv_rows(&e.ok(&["pledge", "show", "CTHUE", "--as-of", "30/06/2020", "--format", "csv"]).bytes);
    assert_eq!(show[1][10], "in_progress");
    // At year end without a figure it is missing.
    let show = crate::csv_rows(&e.ok(&["pledge", "show", "CTHUE", "--as-of", "31/12/2020", "--format", "csv"]).bytes);
    assert_eq!(show[1][10], "no_data");
}

#[test]
fn friction_of_the_trial_year() {
    let e = Env::init();
    e.seven_units();
    e.ok(&[
        "campaign",
        "add",
        "PT2020",
        "--name",
        "Phong trào 2020",
        "--kind",
        "regular",
        "--slogan",
        "Đoàn kết",
        "--start",
        "01/01/2020",
        "--end",
        "31/12/2020",
    ]);
    e.ok(&["campaign", "launch", "PT2020", "--date", "15/02/2020"]);
    // campaign show lists units in the bloc's order (the leader CT first), not by code.
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "QLTT"]);
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "CT"]);
    e.ok(&["register", "add", "--title", "TTLDXS", "--unit", "BHXH"]);
    let rows = crate::csv_rows(
        &e.ok(&["campaign", "show", "PT2020", "--format", "csv", "--table", "registrations_by_unit"]).bytes,
    );
    let order: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(order, ["CT", "BHXH", "QLTT"]);
    // A registration dated in another year is warned about; an award for a later year is refused without --force.
    let o = e.ok(&["register", "add", "--title", "TTLDTT", "--unit", "HQ", "--date", "20/12/2019"]);
    assert!(o.stderr.contains("warning: registered on 20/12/2019, outside the file's year 2020"), "{}", o.stderr);
    let err = e.fails(&["award", "add", "-", "BK_TINH", "--unit", "HQ", "--year", "2021"], 1);
    assert!(err.contains("the achievement year 2021 is after the file's year 2020"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM award"), 0);
    e.ok(&["award", "add", "-", "BK_TINH", "--unit", "HQ", "--year", "2021", "--force"]);
    let o = e.ok(&["award", "add", "-", "BK_TINH", "--unit", "KBNN", "--year", "2019"]);
    assert!(o.stderr.contains("recorded as an achievement of 2019, before the file's year"), "{}", o.stderr);
    // The review says each campaign once to a person; the table stays for scripts.
    let md = e.ok(&["report", "midyear", "--format", "md"]).stdout;
    assert_eq!(md.matches("Đoàn kết").count(), 1, "{md}");
    let csv = e.ok(&["report", "midyear", "--format", "csv", "--table", "campaigns"]).stdout;
    assert!(csv.contains("PT2020") && csv.contains("Đoàn kết"), "{csv}");
    // The score lock's time in local time, dd/mm/yyyy hh:mm.
    e.ok(&["score", "criteria", "add", "A1", "--group", "A", "--name", "Chỉ tiêu", "--max", "10"]);
    e.ok(&["score", "lock"]);
    let err = e.fails(&["score", "set", "CT", "A1", "--assessed", "5"], 1);
    let at = err.split("locked at ").nth(1).unwrap_or("").lines().next().unwrap_or("");
    assert!(
        at.len() == 16 && at.as_bytes()[2] == b'/' && at.as_bytes()[5] == b'/' && at.as_bytes()[13] == b':',
        "{err}"
    );
}
