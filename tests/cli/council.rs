//! From ranking to decision (issue 16): the council, its ballots against the thresholds of the rules in force,
//! proposals with their dossier, sent, returned, re-sent and decided.

use crate::{csv_rows, Env};

/// A 2025 file with three units and a council of `n` members.
fn council(n: usize) -> Env {
    let e = Env::new();
    e.ok(&["init", "--year", "2025", "--bloc", "Khối các cơ quan Trung ương", "--province", "Tây Ninh"]);
    e.ok(&[
        "unit",
        "import",
        &e.write("u.csv", "code,name,role\nBHXH,BHXH khu vực,leader\nCT,Cục Thuế,member\nKB,Kho bạc,member\n"),
    ]);
    for i in 1..=n {
        let role = if i == 1 { "chair" } else { "member" };
        e.ok(&["council", "member", "add", &format!("Ủy viên số {i}"), "--role", role, "--unit", "CT"]);
    }
    e
}

fn ballots(e: &Env, session: &str) -> Vec<Vec<String>> {
    csv_rows(&e.ok(&["council", "result", session, "--format", "csv", "--table", "ballots"]).bytes)
}

fn demo_ballots(e: &Env, session: &str) -> Vec<Vec<String>> {
    csv_rows(
        &e.ok(&["-f", "thidua-demo.db", "council", "result", session, "--format", "csv", "--table", "ballots"]).bytes,
    )
}

#[test]
fn example_4_a_council_of_nine_carries_a_flag_with_eight_not_seven() {
    let e = council(9);
    e.ok(&[
        "council",
        "session",
        "add",
        "--date",
        "10/12/2025",
        "--kind",
        "annual",
        "--present",
        "8",
        "--written",
        "1",
    ]);
    let out = e.ok(&["council", "vote", "1", "--unit", "BHXH", "--title", "CTD_TINH", "--yes", "7", "--no", "1"]);
    assert!(out.stderr.contains("BHXH khu vực — CTD_TINH: 7 of 9 members, 77.8%: not carried"), "{}", out.stderr);
    let b = ballots(&e, "1");
    assert_eq!(
        b[0],
        [
            "subject",
            "unit",
            "title",
            "yes",
            "written_yes",
            "no",
            "members",
            "share",
            "threshold",
            "strict",
            "carried",
            "article"
        ]
    );
    // A threshold is a number and a strictness flag in every language; the article is the citation alone.
    assert_eq!(&b[1][..11], ["BHXH khu vực", "BHXH", "CTD_TINH", "7", "0", "1", "9", "77.8", "80", "no", "no"]);
    assert!(b[1][11].starts_with("Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7"), "{:?}", b[1]);
    // The absent member's written opinion in favour makes 8 of all 9: 88.9%, carried.
    e.ok(&[
        "council",
        "vote",
        "10/12/2025",
        "--unit",
        "BHXH",
        "--title",
        "CTD_TINH",
        "--yes",
        "7",
        "--no",
        "1",
        "--written",
        "1",
    ]);
    let b = ballots(&e, "1");
    assert_eq!(b.len(), 2, "a ballot again replaces the first");
    assert_eq!(&b[1][6..11], ["9", "88.9", "80", "no", "yes"]);
    // Ballots beyond attendance, a candidate not in the file, a session below the quorum: refused, nothing written.
    let err = e.fails(&["council", "vote", "1", "--unit", "CT", "--title", "BK_TINH", "--yes", "8", "--no", "1"], 1);
    assert!(
        err.contains("8 in favour and 1 against are more ballots than the 8 members present at session #1"),
        "{err}"
    );
    let err = e.fails(&["council", "vote", "1", "--unit", "XYZ", "--title", "BK_TINH", "--yes", "1", "--no", "0"], 1);
    assert!(err.contains("XYZ"), "{err}");
    let err = e.fails(&["council", "session", "add", "--date", "11/12/2025", "--kind", "other", "--present", "5"], 1);
    assert!(err.contains("5 of 9 members present is below the quorum of 66.7%"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM council_session"), 1);
    assert_eq!(e.count("SELECT count(*) FROM council_vote"), 1);
    // The tally sheet of the session: one bad row and nothing is written.
    let sheet = "Đơn vị,Danh hiệu,Đồng ý,Không đồng ý,Đồng ý bằng văn bản\nCT,BK_TINH,8,0,1\nKB,BK_TINH,9,0,0\n";
    let err = e.fails(&["council", "import", "1", &e.write("kiem-phieu.csv", sheet)], 1);
    assert!(
        err.contains(
            "kiem-phieu.csv:3: column 'yes': 9 in favour and 0 against are more ballots than the 8 members present"
        ),
        "{err}"
    );
    assert_eq!(e.count("SELECT count(*) FROM council_vote"), 1);
    let sheet = "Đơn vị,Danh hiệu,Đồng ý,Không đồng ý,Đồng ý bằng văn bản\nCT,BK_TINH,8,0,1\nKB,BK_TINH,6,2,0\n";
    e.ok(&["council", "import", "1", &e.write("kiem-phieu.csv", sheet)]);
    let b = ballots(&e, "1");
    assert_eq!(b.len(), 4);
    assert_eq!(&b[2][..11], ["Cục Thuế", "CT", "BK_TINH", "8", "1", "0", "9", "100", "50", "yes", "yes"]);
    // Absent members named: the counts follow from the council's members.
    let out = e.ok(&[
        "council",
        "session",
        "add",
        "--date",
        "11/12/2025",
        "--kind",
        "other",
        "--absent",
        "2",
        "--wrote",
        "3",
    ]);
    assert!(out.stderr.contains("council session #2"), "{}", out.stderr);
    assert_eq!(e.count("SELECT present * 10 + written FROM council_session WHERE id = 2"), 71);
    assert_eq!(e.count("SELECT count(*) FROM council_absence WHERE session_id = 2 AND written = 1"), 1);
    let err = e.fails(&["council", "session", "add", "--date", "12/12/2025", "--kind", "other", "--absent", "42"], 1);
    assert!(err.contains("no council member #42"), "{err}");
    let err = e.fails(
        &["council", "session", "add", "--date", "12/12/2025", "--kind", "other", "--present", "9", "--absent", "2"],
        1,
    );
    assert!(err.contains("1 members named absent (0 with a written opinion), but the counts say 0 absent"), "{err}");
    // Under the 2024 rules the threshold is Decree 98's own, confirmed.
    let e = Env::new();
    e.ok(&["init", "--year", "2024", "--bloc", "Khối", "--province", "Tây Ninh"]);
    e.ok(&["unit", "add", "BHXH", "--name", "BHXH tỉnh", "--role", "leader"]);
    e.ok(&[
        "council",
        "session",
        "add",
        "--date",
        "10/12/2024",
        "--kind",
        "annual",
        "--members",
        "9",
        "--present",
        "9",
    ]);
    e.ok(&["council", "vote", "1", "--unit", "BHXH", "--title", "CTD_TINH", "--yes", "7", "--no", "2"]);
    assert_eq!(ballots(&e, "1")[1][11], "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7");
}

/// A person of Cục Thuế proposed for CSTĐ of the province, and two units from the ranking.
fn with_proposal() -> Env {
    let e = council(9);
    e.ok(&["person", "add", "--unit", "CT", "--name", "Nguyễn Thị Thu Hà", "--code", "CT01"]);
    for y in ["2023", "2024", "2025"] {
        e.ok(&["award", "add", "-", "CSTDCS", "--person", "CT01", "--year", y]);
    }
    e.ok(&[
        "initiative",
        "add",
        "Số hóa hồ sơ hoàn thuế",
        "--scope",
        "province",
        "--author",
        "CT01",
        "--date",
        "20/11/2025",
    ]);
    e.ok(&["score", "criteria", "import", &e.write("tc.csv", "code,group,name,max\nA1,A,Nhiệm vụ,100\n")]);
    e.ok(&[
        "score",
        "import",
        &e.write("d.csv", "unit,criterion,self,assessed\nBHXH,A1,98,98\nCT,A1,95,95\nKB,A1,90,90\n"),
    ]);
    e.ok(&["score", "settings", "--quota-bk", "1"]);
    e.ok(&["council", "session", "add", "--date", "10/12/2025", "--kind", "annual", "--present", "9"]);
    e.ok(&["council", "vote", "1", "--unit", "BHXH", "--title", "CTD_TINH", "--yes", "9", "--no", "0"]);
    e.ok(&["council", "vote", "1", "--person", "CT01", "--title", "CSTD_TINH", "--yes", "9", "--no", "0"]);
    let out = e.ok(&[
        "proposal",
        "add",
        "--title",
        "Đề nghị khen thưởng năm 2025",
        "--to",
        "Hội đồng TĐKT tỉnh",
        "--session",
        "1",
        "--from-ranking",
    ]);
    assert!(out.stderr.contains("2 candidates from the ranking"), "{}", out.stderr);
    e.ok(&[
        "proposal",
        "candidate",
        "1",
        "--person",
        "CT01",
        "--title",
        "CSTD_TINH",
        "--summary",
        "Ba năm liên tục CSTĐCS",
    ]);
    e
}

#[test]
fn a_dossier_without_the_initiatives_certificate_is_incomplete_under_art_84() {
    let e = with_proposal();
    let missing = csv_rows(&e.ok(&["proposal", "check", "1", "--format", "csv"]).bytes);
    let ha: Vec<&Vec<String>> = missing.iter().filter(|r| r[1] == "Nguyễn Thị Thu Hà").collect();
    assert!(
        ha.iter()
            .any(|r| r[3] == "the certificate of the initiative's recognition"
                && r[4] == "Luật TĐKT 2022, Điều 84 khoản 1"),
        "{ha:?}"
    );
    assert!(ha.iter().any(|r| r[3] == "the achievement report"), "{ha:?}");
    // The papers, kept in the file with their size and SHA-256.
    e.write("tt.pdf", "%PDF-1.4 tờ trình");
    e.write("bb.pdf", "%PDF-1.4 biên bản");
    e.write("cn.pdf", "%PDF-1.4 chứng nhận sáng kiến");
    e.ok(&["proposal", "attach", "1", &e.path("tt.pdf").to_string_lossy(), "--kind", "memo"]);
    e.ok(&["proposal", "attach", "1", &e.path("bb.pdf").to_string_lossy(), "--kind", "minutes"]);
    e.ok(&[
        "proposal",
        "attach",
        "1",
        &e.path("cn.pdf").to_string_lossy(),
        "--kind",
        "certificate",
        "--candidate",
        "3",
    ]);
    for c in ["1", "2", "3"] {
        let f = e.write(&format!("bc{c}.pdf"), &format!("%PDF-1.4 báo cáo thành tích {c}"));
        e.ok(&["proposal", "attach", "1", &f, "--kind", "report", "--candidate", c]);
    }
    let out = e.ok(&["proposal", "check", "1", "--format", "csv"]);
    assert_eq!(csv_rows(&out.bytes).len(), 1, "{}", out.stdout);
    assert!(out.stderr.contains("every candidate's dossier is complete"), "{}", out.stderr);
    let sha: String =
        e.conn().query_row("SELECT sha256 FROM proposal_doc WHERE name = 'cn.pdf'", [], |r| r.get(0)).unwrap();
    use sha2::Digest;
    let want: String =
        sha2::Sha256::digest("%PDF-1.4 chứng nhận sáng kiến".as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(sha, want);
    // A paper above 20 MiB is refused before it is read (a sparse file: no disk is used).
    std::fs::File::create(e.path("big.pdf")).unwrap().set_len(20 * 1024 * 1024 + 1).unwrap();
    let err = e.fails(&["proposal", "attach", "1", &e.path("big.pdf").to_string_lossy(), "--kind", "other"], 1);
    assert!(err.contains("more than the 20 MiB a dossier paper may be"), "{err}");
    let err = e.fails(
        &["proposal", "attach", "1", &e.path("cn.pdf").to_string_lossy(), "--kind", "report", "--candidate", "9"],
        1,
    );
    assert!(err.contains("proposal #1 has no candidate #9"), "{err}");
    // `report missing` named the dossier while it was incomplete; now it does not.
    let missing = e.ok(&["report", "missing", "--format", "csv"]).stdout;
    assert!(!missing.contains("dossier of proposal #1"), "{missing}");
}

#[test]
fn returned_with_a_reason_resent_and_decided_with_a_changed_form() {
    let e = with_proposal();
    let missing = e.ok(&["report", "missing", "--format", "csv"]).stdout;
    assert!(missing.contains("dossier of proposal #1: the memo (tờ trình)"), "{missing}");
    // The ranking's certificate candidate had no ballot: the memo proposes what the council carried, so it waits for
    // one (more than half of all members for a Bằng khen). Once everyone carried, it goes.
    let err = e.fails(&["proposal", "send", "1", "--memo", "15/TTr-KTĐ", "--date", "12/12/2025"], 1);
    assert!(err.contains("Cục Thuế — BK_TINH (no ballot of the council carried it)"), "{err}");
    e.ok(&["council", "vote", "1", "--unit", "CT", "--title", "BK_TINH", "--yes", "5", "--no", "4"]);
    e.ok(&["proposal", "send", "1", "--memo", "15/TTr-KTĐ", "--date", "12/12/2025"]);
    let err = e.fails(&["proposal", "send", "1", "--memo", "15/TTr-KTĐ", "--date", "13/12/2025"], 1);
    assert!(err.contains("proposal #1 was sent already (15/TTr-KTĐ of 12/12/2025)"), "{err}");
    e.ok(&["proposal", "return", "1", "--date", "20/12/2025", "--reason", "Thiếu báo cáo thành tích có xác nhận"]);
    let shown = e.ok(&["proposal", "show", "1", "--format", "json"]).stdout;
    assert!(
        shown.contains("\"return_reason\": \"Thiếu báo cáo thành tích có xác nhận\"")
            && shown.contains("\"status\": \"returned\""),
        "{shown}"
    );
    e.ok(&["proposal", "send", "1", "--memo", "18/TTr-KTĐ", "--date", "22/12/2025"]);
    // Re-sent, it still shows the first memo, the day it came back and why.
    let history = csv_rows(&e.ok(&["proposal", "show", "1", "--format", "csv", "--table", "history"]).bytes);
    assert_eq!(
        history[1..],
        [
            ["sent", "2025-12-12", "15/TTr-KTĐ", ""],
            ["returned", "2025-12-20", "", "Thiếu báo cáo thành tích có xác nhận"],
            ["sent", "2025-12-22", "18/TTr-KTĐ", ""]
        ]
    );
    let shown = e.ok(&["--lang", "vi", "proposal", "show", "1"]).stdout;
    assert!(shown.contains("Quá trình") && shown.contains("Bị trả lại"), "{shown}");
    // The decision: the flag and the CSTĐ granted, the certificate changed to a Giấy khen.
    e.ok(&["award", "decision", "add", "120/QĐ-UBND", "--date", "15/01/2026", "--issuer", "UBND tỉnh Tây Ninh"]);
    e.ok(&["award", "add", "120/QĐ-UBND", "CTD_TINH", "--unit", "BHXH"]);
    e.ok(&["award", "add", "120/QĐ-UBND", "CSTD_TINH", "--person", "CT01"]);
    e.ok(&["award", "add", "120/QĐ-UBND", "GK", "--unit", "CT"]);
    let out = e.ok(&["proposal", "decide", "1", "--decision", "120/QĐ-UBND"]);
    assert!(out.stderr.contains("proposal #1 decided: 2 granted, 1 changed, 0 refused"), "{}", out.stderr);
    let rows = csv_rows(&e.ok(&["proposal", "show", "1", "--format", "csv", "--table", "candidates"]).bytes);
    let at = |k: &str| rows[0].iter().position(|c| c == k).unwrap();
    let outcome: Vec<(String, String, String)> = rows[1..]
        .iter()
        .map(|r| (r[at("title")].clone(), r[at("outcome")].clone(), r[at("awarded")].clone()))
        .collect();
    assert_eq!(
        outcome,
        [
            ("CTD_TINH".into(), "granted".into(), "".into()),
            ("BK_TINH".into(), "changed".into(), "GK".into()),
            ("CSTD_TINH".into(), "granted".into(), "".into())
        ]
    );
    // Each award knows the proposal it answered; the annual review shows what came of each.
    let award = e.ok(&["award", "show", "6"]).stdout;
    assert!(award.contains("answers proposal #1 (candidate #2)"), "{award}");
    let review = e.ok(&["report", "annual", "--as-of", "31/01/2026", "--format", "csv", "--table", "proposals"]).stdout;
    assert!(review.contains("BK_TINH,55.6,50,changed,GK,120/QĐ-UBND"), "{review}");
    assert!(
        review.contains(
            "1,sent 12/12/2025 (15/TTr-KTĐ); returned 20/12/2025: Thiếu báo cáo thành tích có xác nhận; sent 22/12/2025 (18/TTr-KTĐ),decided,"
        ),
        "{review}"
    );
    let err = e.fails(&["proposal", "decide", "1", "--decision", "120/QĐ-UBND"], 1);
    assert!(err.contains("proposal #1 is decided, not sent"), "{err}");
    // The minutes hold the score table the session adopted, then its ballots (they need a secretary to sign).
    e.ok(&["council", "member", "add", "Lê Thư Ký", "--role", "secretary"]);
    let minutes = e.ok(&["doc", "minutes", "1"]).stdout;
    let scores = minutes.find("Hội nghị thông qua bảng tổng hợp kết quả chấm điểm thi đua").expect("the score table");
    assert!(scores < minutes.find("Kết quả biểu quyết").unwrap(), "{minutes}");
    assert!(minutes.contains("| 1 | BHXH khu vực | "), "units by their short names, no code: {minutes}");
    assert!(!minutes.contains("| BHXH |"), "{minutes}");
    let report = e.ok(&["doc", "achievements", "--unit", "BHXH"]).stdout;
    assert!(report.contains("Kết quả chấm điểm thi đua của Khối: 98 điểm, xếp thứ 1/3."), "{report}");
}

#[test]
fn a_candidate_not_carried_or_not_eligible_needs_force_and_a_reason() {
    let e = with_proposal();
    e.ok(&["council", "vote", "1", "--unit", "CT", "--title", "BK_TINH", "--yes", "5", "--no", "4"]);
    e.ok(&["council", "vote", "1", "--person", "CT01", "--title", "CSTD_TINH", "--yes", "8", "--no", "1"]);
    let err = e.fails(&["proposal", "send", "1", "--memo", "15/TTr-KTĐ", "--date", "12/12/2025"], 1);
    assert!(
        err.contains("proposal #1 cannot be sent: Nguyễn Thị Thu Hà — CSTD_TINH (its ballot did not carry)"),
        "{err}"
    );
    assert_eq!(e.count("SELECT count(*) FROM proposal WHERE status = 'sent'"), 0);
    e.fails(&["proposal", "send", "1", "--memo", "15/TTr-KTĐ", "--date", "12/12/2025", "--force"], 2);
    let out = e.ok(&[
        "proposal",
        "send",
        "1",
        "--memo",
        "15/TTr-KTĐ",
        "--date",
        "12/12/2025",
        "--force",
        "--reason",
        "Hội đồng tỉnh xem xét lại",
    ]);
    assert!(out.stderr.contains("1 candidates sent with --force"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM proposal_item WHERE forced = 'Hội đồng tỉnh xem xét lại'"), 1);
    // The reason is in the audit log with the command.
    let log: String =
        e.conn().query_row("SELECT command FROM audit ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).unwrap();
    assert!(log.contains("Hội đồng tỉnh xem xét lại"), "{log}");
    // A decision of another year is not this proposal's.
    e.ok(&["award", "decision", "add", "5/QĐ-UBND", "--date", "10/01/2025", "--issuer", "UBND tỉnh Tây Ninh"]);
    e.ok(&["award", "add", "5/QĐ-UBND", "CTD_TINH", "--unit", "BHXH", "--year", "2024"]);
    let err = e.fails(&["proposal", "decide", "1", "--decision", "5/QĐ-UBND"], 1);
    assert!(err.contains("decision 5/QĐ-UBND awards achievements of 2024, not of this file's year 2025"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM proposal WHERE status = 'decided'"), 0);
}

#[test]
fn the_demo_has_its_council_and_a_draft_proposal() {
    let e = Env::new();
    e.ok(&["demo"]);
    let members = csv_rows(&e.ok(&["-f", "thidua-demo.db", "council", "member", "list", "--format", "csv"]).bytes);
    assert_eq!(members.len(), 8);
    assert_eq!(&members[1][1..3], ["Tạ Thị Dân", "chair"]);
    let b = demo_ballots(&e, "24/07/2020");
    assert_eq!(
        &b[1][..11],
        ["Trần Thị Yến Phương", "BHXH_TB", "BK_TINH", "6", "1", "0", "7", "100", "50", "yes", "yes"]
    );
    let vi = e.ok(&["-f", "thidua-demo.db", "--lang", "vi", "proposal", "show", "1"]).stdout;
    assert!(vi.contains("Dự thảo") && vi.contains("Đối tượng đề nghị"), "{vi}");
    if let Some(w) = crate::lang::english_in(&vi) {
        panic!("English word '{w}' under --lang vi:\n{vi}");
    }
}

/// The memo proposes only what its addressee confers and one form per achievement: a grassroots title (the unit's
/// head confers it, Law 06/2022 Art 80) and a unit proposed for the flag and a Bằng khen at once (Art 5.2.c) are held
/// back with the article, unless sent with --force and a reason.
#[test]
fn a_proposal_holds_back_what_its_addressee_does_not_confer_and_a_second_form() {
    let e = with_proposal();
    e.ok(&["council", "vote", "1", "--unit", "CT", "--title", "BK_TINH", "--yes", "9", "--no", "0"]);
    e.ok(&["proposal", "candidate", "1", "--person", "CT01", "--title", "CSTDCS"]);
    e.ok(&["proposal", "candidate", "1", "--unit", "BHXH", "--title", "BK_TINH"]);
    e.ok(&["council", "vote", "1", "--unit", "BHXH", "--title", "BK_TINH", "--yes", "9", "--no", "0"]);
    let err = e.fails(&["proposal", "send", "1", "--memo", "15/TTr-KTĐ", "--date", "12/12/2025"], 1);
    assert!(
        err.contains(
            "Nguyễn Thị Thu Hà — CSTDCS (conferred by the head of the unit, Luật Thi đua, khen thưởng 2022, Điều 80)"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "— BK_TINH (proposed for another form too, Luật Thi đua, khen thưởng 2022, Điều 5 khoản 2 điểm c)"
        ),
        "{err}"
    );
    assert!(!err.contains("Cục Thuế"), "the carried certificate goes: {err}");
    assert_eq!(e.count("SELECT count(*) FROM proposal WHERE status = 'sent'"), 0);
}

/// A candidate taken out of a draft with its dossier papers, a paper detached, a draft never sent removed whole;
/// a sent proposal's list stays as the memo said until it comes back (issue 30).
#[test]
fn a_drafts_candidates_and_papers_are_taken_back() {
    let e = with_proposal();
    let paper = e.write("bc.txt", "Báo cáo thành tích");
    e.ok(&["proposal", "attach", "1", &paper, "--kind", "report", "--candidate", "3"]);
    e.ok(&["proposal", "attach", "1", &paper, "--kind", "minutes"]);
    let out = e.ok(&["proposal", "remove", "1", "--candidate", "3", "--yes"]);
    assert!(out.stderr.contains("its 1 dossier papers went with it"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM proposal_item"), 2);
    assert_eq!(e.count("SELECT count(*) FROM proposal_doc"), 1);
    e.ok(&["proposal", "detach", "1", "2"]);
    assert_eq!(e.count("SELECT count(*) FROM proposal_doc"), 0);
    let err = e.fails(&["proposal", "detach", "1", "2"], 1);
    assert!(err.contains("proposal #1 has no paper #2"), "{err}");
    // Sent: its list stays until it comes back.
    e.ok(&["council", "vote", "1", "--unit", "CT", "--title", "BK_TINH", "--yes", "9", "--no", "0"]);
    e.ok(&["proposal", "send", "1", "--memo", "15/TTr-KTĐ", "--date", "12/12/2025"]);
    let err = e.fails(&["proposal", "remove", "1", "--candidate", "2", "--yes"], 1);
    assert!(err.contains("proposal #1 was sent") && err.contains("proposal return"), "{err}");
    let err = e.fails(&["proposal", "remove", "1", "--yes"], 1);
    assert!(err.contains("proposal #1 went to the province: it stays on record"), "{err}");
    e.ok(&["proposal", "return", "1", "--date", "20/12/2025", "--reason", "Bỏ bớt đối tượng"]);
    e.ok(&["proposal", "remove", "1", "--candidate", "2", "--yes"]);
    // A draft never sent goes whole.
    e.ok(&["proposal", "add", "--title", "Đề nghị lập nhầm", "--from-ranking"]);
    e.ok(&["proposal", "remove", "2", "--yes"]);
    assert_eq!(e.count("SELECT count(*) FROM proposal WHERE id = 2"), 0);
    assert_eq!(e.count("SELECT count(*) FROM proposal_item WHERE proposal_id = 2"), 0);
}

#[test]
fn a_sent_proposal_is_withdrawn_and_stays_on_record() {
    let e = with_proposal();
    e.ok(&["proposal", "candidate", "1", "--person", "CT01", "--title", "BK_TINH", "--initiative", "1"]);
    let err = e.fails(&["proposal", "withdraw", "1", "--date", "15/12/2025", "--reason", "Khối rút lại"], 1);
    assert!(err.contains("proposal #1 is a draft: it was never sent") && err.contains("proposal remove 1"), "{err}");
    e.ok(&["council", "vote", "1", "--unit", "CT", "--title", "BK_TINH", "--yes", "9", "--no", "0"]);
    e.ok(&["council", "vote", "1", "--person", "CT01", "--title", "BK_TINH", "--yes", "9", "--no", "0"]);
    e.ok(&["proposal", "send", "1", "--memo", "15/TTr-KTĐ", "--date", "12/12/2025", "--force", "--reason", "x"]);
    let err = e.fails(&["proposal", "withdraw", "1", "--date", "10/12/2025", "--reason", "Khối rút lại"], 1);
    assert!(err.contains("10/12/2025 is before proposal #1 was sent (12/12/2025)"), "{err}");
    let before = e.count("SELECT count(*) FROM audit");
    e.ok(&["proposal", "withdraw", "1", "--date", "15/12/2025", "--reason", "Khối họp lại, xét lại danh sách"]);
    assert_eq!(e.count("SELECT count(*) FROM audit"), before + 1);
    assert_eq!(e.count("SELECT count(*) FROM proposal WHERE id = 1 AND status = 'withdrawn'"), 1);
    assert_eq!(e.count("SELECT count(*) FROM proposal_item WHERE proposal_id = 1"), 4, "its list stays on record");
    let log = e.ok(&["db", "log", "--format", "csv"]).stdout;
    assert!(log.contains("proposal withdraw 1"), "{log}");
    let history = csv_rows(&e.ok(&["proposal", "show", "1", "--format", "csv", "--table", "history"]).bytes);
    assert_eq!(history.last().unwrap(), &["withdrawn", "2025-12-15", "", "Khối họp lại, xét lại danh sách"]);
    // Nothing more is done to it; it is not missing papers, and its initiative is free for the next proposal.
    for args in [
        vec!["proposal", "withdraw", "1", "--date", "16/12/2025", "--reason", "lần nữa"],
        vec!["proposal", "return", "1", "--date", "16/12/2025", "--reason", "x"],
        vec!["proposal", "candidate", "1", "--unit", "KB", "--title", "GK"],
        vec!["proposal", "remove", "1", "--candidate", "1", "--yes"],
    ] {
        let err = e.fails(&args, 1);
        assert!(err.contains("withdrawn") || err.contains("went to the province"), "{args:?}: {err}");
    }
    let missing = e.ok(&["report", "missing", "--format", "csv"]).stdout;
    assert!(!missing.contains("proposal #1"), "{missing}");
    e.ok(&["proposal", "add", "--title", "Đề nghị lần hai"]);
    let out = e.ok(&["proposal", "candidate", "2", "--person", "CT01", "--title", "BK_TINH", "--initiative", "1"]);
    assert!(!out.stderr.contains("initiative #1"), "{}", out.stderr);
    let vi = e.fails(&["--lang", "vi", "proposal", "withdraw", "1", "--date", "16/12/2025", "--reason", "x"], 1);
    assert!(vi.contains("đề nghị #1"), "{vi}");
}

#[test]
fn ballots_and_sessions_are_corrected_or_removed_until_a_proposal_rests_on_them() {
    let e = with_proposal();
    // A ballot given again replaces the one recorded; --remove takes it away, with its audit entry.
    e.ok(&["council", "vote", "1", "--unit", "KB", "--title", "GK", "--yes", "3", "--no", "6"]);
    e.ok(&["council", "vote", "1", "--unit", "KB", "--title", "GK", "--yes", "7", "--no", "2"]);
    assert_eq!(e.count("SELECT yes FROM council_vote v JOIN unit u ON u.id = v.unit_id WHERE u.code = 'KB'"), 7);
    let before = e.count("SELECT count(*) FROM audit");
    let out = e.ok(&["council", "vote", "1", "--unit", "KB", "--title", "GK", "--remove"]);
    assert!(out.stderr.contains("removed the ballot on Kho bạc — GK"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM council_vote v JOIN unit u ON u.id = v.unit_id WHERE u.code = 'KB'"), 0);
    assert_eq!(e.count("SELECT count(*) FROM audit"), before + 1);
    let err = e.fails(&["council", "vote", "1", "--unit", "KB", "--title", "GK", "--remove"], 1);
    assert!(err.contains("council session #1 has no ballot on this candidate for GK"), "{err}");
    e.fails(&["council", "vote", "1", "--unit", "KB", "--title", "GK", "--remove", "--yes", "3"], 2);
    // The session's counts are corrected, checked against the quorum and against its ballots.
    let err = e.fails(&["council", "session", "edit", "1", "--present", "4"], 1);
    assert!(err.contains("below the quorum"), "{err}");
    let err = e.fails(&["council", "session", "edit", "1", "--present", "7", "--written", "2"], 1);
    assert!(err.contains("the ballot on BHXH khu vực — CTD_TINH: 9 in favour and 0 against"), "{err}");
    e.ok(&["council", "session", "edit", "1", "--date", "11/12/2025", "--place", "Hội trường Cục Thuế"]);
    let sessions = csv_rows(&e.ok(&["council", "session", "list", "--format", "csv"]).bytes);
    assert_eq!(sessions[1][1..4], ["2025-12-11", "annual", "Hội trường Cục Thuế"]);
    // A session with ballots stays; one named by a proposal stays; an empty one typed in error goes.
    let err = e.fails(&["council", "session", "remove", "1"], 1);
    assert!(err.contains("ballots are recorded at council session #1 (2)"), "{err}");
    e.ok(&["council", "session", "add", "--date", "12/12/2025", "--kind", "other", "--present", "9"]);
    e.ok(&["proposal", "add", "--title", "Đề nghị khác", "--session", "2"]);
    let err = e.fails(&["council", "session", "remove", "2"], 1);
    assert!(err.contains("proposal #2 names council session #2"), "{err}");
    e.ok(&["proposal", "remove", "2", "--yes"]);
    e.ok(&["council", "session", "remove", "2"]);
    assert_eq!(e.count("SELECT count(*) FROM council_session"), 1);
    // Once the proposal went up on a ballot, that ballot stays until the province answers.
    e.ok(&["council", "vote", "1", "--unit", "CT", "--title", "BK_TINH", "--yes", "9", "--no", "0"]);
    e.ok(&["proposal", "send", "1", "--memo", "15/TTr-KTĐ", "--date", "12/12/2025"]);
    let err = e.fails(&["council", "vote", "1", "--unit", "CT", "--title", "BK_TINH", "--yes", "5", "--no", "4"], 1);
    assert!(err.contains("proposal #1 went up on this ballot") && err.contains("proposal return"), "{err}");
    let err = e.fails(&["council", "vote", "1", "--unit", "CT", "--title", "BK_TINH", "--remove"], 1);
    assert!(err.contains("proposal #1 went up on this ballot"), "{err}");
    assert_eq!(e.count("SELECT yes FROM council_vote v JOIN unit u ON u.id = v.unit_id WHERE u.code = 'CT'"), 9);
}

/// What is left of the noun pass: a registration, a council member, a criterion, a talk and an initiative's use,
/// each corrected or taken back with its audit entry, or refused with why (issue 30).
#[test]
fn the_remaining_records_are_corrected_or_taken_back() {
    let e = with_proposal();
    let audit = || e.count("SELECT count(*) FROM audit");
    // A registration typed in error goes; one an award achieved stays.
    e.ok(&["register", "add", "--title", "LDTT", "--person", "CT01"]);
    let id = e.count("SELECT max(id) FROM registration").to_string();
    let before = audit();
    let out = e.ok(&["register", "remove", &id, "--yes"]);
    assert!(out.stderr.contains(&format!("removed registration #{id} (Nguyễn Thị Thu Hà — LDTT)")), "{}", out.stderr);
    assert_eq!((e.count(&format!("SELECT count(*) FROM registration WHERE id = {id}")), audit()), (0, before + 1));
    e.ok(&["register", "add", "--title", "CSTDCS", "--person", "CT01"]);
    e.ok(&["award", "decision", "add", "9/QĐ-CT", "--date", "20/12/2025", "--issuer", "Cục Thuế"]);
    e.ok(&["award", "add", "9/QĐ-CT", "CSTDCS", "--person", "CT01", "--year", "2025"]);
    let reg = e.count("SELECT max(id) FROM registration").to_string();
    let err = e.fails(&["register", "remove", &reg, "--yes"], 1);
    assert!(err.contains("was achieved by award #") && err.contains("thidua award remove"), "{err}");
    // A council member's role and name corrected; a second chair refused.
    e.ok(&["council", "member", "edit", "2", "--name", "Ủy viên Hai", "--role", "secretary"]);
    assert_eq!(
        e.count("SELECT count(*) FROM council_member WHERE id = 2 AND name = 'Ủy viên Hai' AND role = 'secretary'"),
        1
    );
    let err = e.fails(&["council", "member", "edit", "3", "--role", "chair"], 1);
    assert!(err.contains("the council has a chair already: #1"), "{err}");
    // A criterion typed in error goes with its points; not once the scores are locked.
    e.ok(&["score", "criteria", "add", "B9", "--group", "B", "--name", "Nhầm", "--max", "5", "--kind", "bonus"]);
    e.ok(&["score", "set", "CT", "B9", "--assessed", "2"]);
    let out = e.ok(&["score", "criteria", "remove", "B9", "--yes"]);
    assert!(out.stderr.contains("removed criterion B9 with the points given on it (1)"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM criterion_group WHERE code = 'B'"), 0);
    e.ok(&["score", "lock"]);
    let err = e.fails(&["score", "criteria", "remove", "A1", "--yes"], 1);
    assert!(err.contains("locked"), "{err}");
    // A talk recorded for the wrong unit.
    e.ok(&["meeting", "add", "--kind", "annual", "--date", "12/12/2025"]);
    e.ok(&["meeting", "talk", "1", "--unit", "KB", "--topic", "Chuyển đổi số"]);
    e.ok(&["meeting", "talk", "1", "--unit", "KB", "--remove"]);
    assert_eq!(e.count("SELECT count(*) FROM meeting_item"), 0);
    let err = e.fails(&["meeting", "talk", "1", "--unit", "KB", "--remove"], 1);
    assert!(err.contains("meeting #1 has no talk of this unit or person"), "{err}");
    // An initiative's use recorded against the wrong award.
    let award = e.count("SELECT max(id) FROM award").to_string();
    e.ok(&["initiative", "use", "1", "--award", &award]);
    e.ok(&["initiative", "use", "1", "--award", &award, "--undo"]);
    assert_eq!(e.count("SELECT count(*) FROM initiative_use"), 0);
    let err = e.fails(&["initiative", "use", "1", "--award", &award, "--undo"], 1);
    assert!(err.contains(&format!("initiative #1 is not recorded as used by award #{award}")), "{err}");
}

/// The same unit for the flag and a Bằng khen, in one proposal or across two: warned when added, held back at
/// sending until the secretary names the separate achievement (Law 06/2022 Art 5.2.c; issue 30).
#[test]
fn one_achievement_one_form_across_proposals() {
    let e = with_proposal();
    let out = e.ok(&["proposal", "candidate", "1", "--unit", "BHXH", "--title", "BK_TINH"]);
    assert!(
        out.stderr.contains("warning: candidate #1 of proposal #1 proposes the same subject for CTD_TINH")
            && out.stderr.contains("Điều 5 khoản 2 điểm c"),
        "{}",
        out.stderr
    );
    e.ok(&["proposal", "remove", "1", "--candidate", "4", "--yes"]);
    e.ok(&["proposal", "add", "--title", "Đề nghị tặng Giấy khen"]);
    let out = e.ok(&["proposal", "candidate", "2", "--unit", "CT", "--title", "Tập thể lao động xuất sắc"]);
    assert!(out.stderr.contains("candidate #2 of proposal #1 proposes the same subject for BK_TINH"), "{}", out.stderr);
    e.ok(&["council", "vote", "1", "--unit", "CT", "--title", "TTLDXS", "--yes", "9", "--no", "0"]);
    let err = e.fails(&["proposal", "send", "2", "--memo", "16/TTr-KTĐ", "--date", "12/12/2025"], 1);
    assert!(err.contains("Cục Thuế — TTLDXS (proposed for another form too"), "{err}");
    // Withdrawn, the first proposal no longer stands in the way.
    e.ok(&["council", "vote", "1", "--unit", "CT", "--title", "BK_TINH", "--yes", "9", "--no", "0"]);
    let forced = ["--force", "--reason", "Bằng khen cho thành tích chuyên đề cải cách hành chính, riêng với năm"];
    e.ok(&[&["proposal", "send", "1", "--memo", "15/TTr-KTĐ", "--date", "11/12/2025"][..], &forced].concat());
    let kept: String = e.conn().query_row("SELECT forced FROM proposal_item WHERE id = 2", [], |r| r.get(0)).unwrap();
    assert_eq!(kept, forced[2]);
    e.ok(&["proposal", "withdraw", "1", "--date", "12/12/2025", "--reason", "Khối xét lại"]);
    e.ok(&["proposal", "send", "2", "--memo", "16/TTr-KTĐ", "--date", "12/12/2025"]);
}

/// A province's own share of members present for the year-end session on awards is a parameter with its source,
/// applied once the file sets it (Bắc Ninh QĐ 86/2025/QĐ-UBND Art 8.4: 80%; issue 31 item 9).
#[test]
fn the_province_s_attendance_for_a_session_on_awards() {
    let e = council(10);
    e.ok(&["council", "session", "add", "--date", "10/12/2025", "--kind", "annual", "--present", "7"]);
    e.ok(&["rules", "set", "quorum_awards", "80", "--source", "QĐ 86/2025/QĐ-UBND, Điều 8 khoản 4"]);
    let err = e.fails(&["council", "session", "add", "--date", "11/12/2025", "--kind", "annual", "--present", "7"], 1);
    assert!(
        err.contains("7 of 10 members present is below the 80% present the province asks when awards are considered (QĐ 86/2025/QĐ-UBND, Điều 8 khoản 4)"),
        "{err}"
    );
    e.ok(&["council", "session", "add", "--date", "11/12/2025", "--kind", "midyear", "--present", "7"]);
    e.ok(&["council", "session", "add", "--date", "12/12/2025", "--kind", "annual", "--present", "8"]);
    let shown = e.ok(&["--lang", "vi", "rules", "show"]).stdout;
    assert!(shown.contains("Số thành viên có mặt khi xét khen thưởng"), "{shown}");
}
