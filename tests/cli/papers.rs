//! The papers of the year as documents (issue 17, in part): the memo with its list, the minutes, the signing list.
//! Each `.docx` is opened as the zip it is and its XML read: page size and margins, the font, the header texts,
//! the table rows, the signature; the Markdown versions are snapshots.

use std::io::Read;

use crate::Env;

/// The longest word of each cell of each bordered table, measured with Times New Roman's widths at the cell's size
/// (bold in the header row), fits its column with the cell's padding: no word is broken inside.
pub fn assert_columns_fit(doc: &str) {
    let attr = |s: &str, key: &str| -> Option<u32> {
        let at = s.find(key)? + key.len();
        s[at..].split('"').next()?.parse().ok()
    };
    let mut tables = 0;
    for tbl in doc.split("<w:tbl>").skip(1) {
        let tbl = &tbl[..tbl.find("</w:tbl>").unwrap()];
        if !tbl.contains(r#"<w:top w:val="single""#) {
            continue;
        }
        tables += 1;
        let grid: Vec<u32> = tbl.split("<w:gridCol ").skip(1).map(|g| attr(g, r#"w:w=""#).unwrap()).collect();
        for row in tbl.split("<w:tr>").skip(1) {
            for (i, cell) in row.split("<w:tc>").skip(1).enumerate() {
                let size = attr(cell, r#"<w:sz w:val=""#).unwrap_or(24);
                let bold = cell.contains("<w:b/>");
                let text: String = cell
                    .split("<w:t xml:space=\"preserve\">")
                    .skip(1)
                    .map(|t| {
                        t[..t.find("</w:t>").unwrap()].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    })
                    .collect();
                for word in text.split_whitespace() {
                    let units: u64 = word
                        .chars()
                        .map(|c| match crate::widths::WIDTHS.binary_search_by_key(&c, |w| w.0) {
                            Ok(k) => {
                                u64::from(if bold { crate::widths::WIDTHS[k].2 } else { crate::widths::WIDTHS[k].1 })
                            }
                            Err(_) => 1843,
                        })
                        .sum();
                    let twips = (units * u64::from(size) * 10).div_ceil(u64::from(crate::widths::UNITS_PER_EM)) as u32;
                    assert!(
                        twips + 160 <= grid[i],
                        "'{word}' ({twips} twips at {size} half-points) in a column {} wide",
                        grid[i]
                    );
                }
            }
        }
    }
    assert!(tables > 0, "a paper with a table");
}

/// A part of a `.docx`, as text.
pub fn part(path: &std::path::Path, name: &str) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn demo() -> Env {
    let e = Env::new();
    e.ok(&["demo"]);
    e
}

/// Page, margins, font, page numbers from the second page: Decree 30/2020 Annex I.
fn assert_layout(path: &std::path::Path) {
    let doc = part(path, "word/document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4 portrait");
    assert!(
        doc.contains(r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#),
        "margins 20/15/20/30 mm"
    );
    assert!(doc.contains("<w:titlePg/>"), "no page number on the first page");
    assert!(doc.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && doc.contains("Độc lập - Tự do - Hạnh phúc"));
    let styles = part(path, "word/styles.xml");
    assert!(
        styles.contains(r#"w:ascii="Times New Roman""#) && styles.contains(r#"<w:sz w:val="28"/>"#),
        "Times New Roman 14"
    );
    // Spelling and hyphenation in Vietnamese.
    assert!(styles.contains(r#"<w:lang w:val="vi-VN""#), "{styles}");
    let head = part(path, "word/header1.xml");
    assert!(head.contains(r#"w:instr=" PAGE ""#) && head.contains(r#"<w:jc w:val="center"/>"#));
    assert_columns_fit(&doc);
    // Headings keep with what follows; the signature's row never splits and keeps with the paragraph before it.
    for h in ["I. ", "II. ", "III. "] {
        if let Some(at) = doc.find(&format!(">{h}")) {
            let p = &doc[doc[..at].rfind("<w:p>").unwrap()..at];
            assert!(p.contains("<w:keepNext/>"), "heading {h}: {p}");
        }
    }
    let foot = doc.rfind("(Ký, ghi rõ họ tên)").unwrap();
    let foot_table = doc[..foot].rfind("<w:tbl>").unwrap();
    assert!(doc[foot_table..foot].contains("<w:cantSplit/>"), "the signature's row does not split");
    let before = &doc[..foot_table];
    let last_p = &before[before.rfind("<w:p>").unwrap()..];
    assert!(last_p.contains("<w:keepNext/>"), "the paragraph before the signature keeps with it: {last_p}");
}

#[test]
fn the_memo_and_its_list_as_word_and_markdown() {
    let e = demo();
    let db = ["-f", "thidua-demo.db"];
    let run = |args: &[&str]| e.ok(&[&db[..], args].concat());
    run(&[
        "proposal",
        "candidate",
        "1",
        "--unit",
        "BHXH",
        "--title",
        "BK_TINH",
        "--summary",
        "Dẫn đầu cải cách hành chính",
    ]);
    run(&["proposal", "send", "1", "--memo", "12/TTr-KTĐ", "--date", "05/02/2020", "--force", "--reason", "Minh họa"]);
    run(&["doc", "memo", "1", "-o", "to-trinh.docx"]);
    let path = e.path("to-trinh.docx");
    assert_layout(&path);
    let doc = part(&path, "word/document.xml");
    assert!(doc.contains("KHỐI THI ĐUA CÁC CƠ QUAN TRUNG ƯƠNG") && doc.contains("Số: 12/TTr-KTĐ"), "issuer and number");
    assert!(doc.contains("Tây Ninh, ngày 05 tháng 02 năm 2020"), "place and date, leading zeros");
    assert!(doc.contains("TỜ TRÌNH") && doc.contains("Kính gửi: Hội đồng Thi đua – Khen thưởng tỉnh Tây Ninh"));
    assert!(doc.contains("Căn cứ Nghị định 91/2017/NĐ-CP;"), "the bases of the rules of 2020");
    // The annexed list: one table per part, its header row repeated on every page, a row per candidate.
    assert_eq!(doc.matches("<w:tblHeader/>").count(), 2, "two parts: collectives and individuals");
    assert!(doc.contains("I. TẬP THỂ (1)") && doc.contains("II. CÁ NHÂN (1)"));
    assert!(doc.contains("Trần Thị Yến Phương, Phó Giám đốc, Bảo hiểm xã hội thị xã Trảng Bàng"));
    assert!(doc.contains("(Kèm theo Tờ trình số 12/TTr-KTĐ ngày 05/02/2020 của Khối thi đua các Cơ quan Trung ương)"));
    // Rows: the header block, the foot, and header + one candidate in each of the two annex tables.
    assert_eq!(doc.matches("<w:tr>").count(), 6, "{}", doc.matches("<w:tr>").count());
    assert!(doc.contains("TM. KHỐI THI ĐUA") && doc.contains("Tạ Thị Dân"), "the signature: the council's chair");
    let md = run(&["doc", "memo", "1"]).stdout;
    crate::reports::snapshot("to-trinh.md", &md);
    // Refused, naming what to add: a proposal without candidates, a file without a signer; no file left behind.
    run(&["proposal", "add", "--title", "Đề nghị trống"]);
    let err = e.fails(&["-f", "thidua-demo.db", "doc", "memo", "2", "-o", "trong.docx"], 1);
    assert!(err.contains("proposal #2 has no candidate"), "{err}");
    assert!(!e.path("trong.docx").exists());
    let f = Env::new();
    f.ok(&["init", "--year", "2025", "--bloc", "Khối", "--province", "Tây Ninh"]);
    f.ok(&["unit", "add", "CT", "--name", "Cục Thuế", "--role", "leader"]);
    f.ok(&["proposal", "add", "--title", "Đề nghị"]);
    f.ok(&["proposal", "candidate", "1", "--unit", "CT", "--title", "BK_TINH"]);
    let err = f.fails(&["doc", "memo", "1", "-o", "x.docx"], 1);
    assert!(err.contains("the paper has no signer") && err.contains("doc settings --signer"), "{err}");
    assert!(std::fs::read_dir(f.dir.path()).unwrap().all(|x| !x
        .unwrap()
        .file_name()
        .to_string_lossy()
        .contains("x.docx")));
    f.ok(&[
        "doc",
        "settings",
        "--signer",
        "Lê Văn Nam",
        "--title",
        "Phó Khối trưởng",
        "--parent",
        "UBND tỉnh Tây Ninh",
    ]);
    f.ok(&["doc", "memo", "1", "-o", "x.docx"]);
    let doc = part(&f.path("x.docx"), "word/document.xml");
    assert!(
        doc.contains("Lê Văn Nam") && doc.contains("PHÓ KHỐI TRƯỞNG") && doc.contains("UBND TỈNH TÂY NINH"),
        "the settings"
    );
    // An existing file is kept unless --force.
    let err = f.fails(&["doc", "memo", "1", "-o", "x.docx"], 1);
    assert!(err.contains("x.docx"), "{err}");
    f.ok(&["doc", "memo", "1", "-o", "x.docx", "--force"]);
}

#[test]
fn the_minutes_of_a_session_and_the_signing_list() {
    let e = demo();
    let db = ["-f", "thidua-demo.db"];
    let run = |args: &[&str]| e.ok(&[&db[..], args].concat());
    run(&["doc", "minutes", "24/07/2020", "-o", "bien-ban.docx"]);
    let path = e.path("bien-ban.docx");
    assert_layout(&path);
    let doc = part(&path, "word/document.xml");
    assert!(doc.contains("BIÊN BẢN") && doc.contains("Họp xét thi đua, khen thưởng sơ kết 6 tháng đầu năm 2020"));
    assert!(doc.contains("Tổng số thành viên: 7; có mặt: 6; vắng mặt có ý kiến bằng văn bản: 1."));
    assert!(
        doc.contains("Trần Thị Yến Phương (BHXH_TB)")
            && doc.contains("7/7")
            && doc.contains("100%")
            && doc.contains("trên 50%")
    );
    assert!(
        doc.contains("THƯ KÝ")
            && doc.contains("Nguyễn Văn Hùng")
            && doc.contains("CHỦ TỌA")
            && doc.contains("Tạ Thị Dân")
    );
    assert_eq!(doc.matches("<w:tblHeader/>").count(), 1);
    crate::reports::snapshot("bien-ban.md", &run(&["doc", "minutes", "1"]).stdout);
    // The demo writes its papers into a folder, Word and Markdown alike.
    e.ok(&["-f", "demo2.db", "demo", "--docs", "giay-to"]);
    let mut names: Vec<String> = std::fs::read_dir(e.path("giay-to"))
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "bao-cao-so-ket.docx",
            "bao-cao-so-ket.md",
            "bien-ban-hop-xet.docx",
            "bien-ban-hop-xet.md",
            "to-trinh-de-nghi.docx",
            "to-trinh-de-nghi.md"
        ]
    );
    assert_eq!(
        std::fs::read_to_string(e.path("giay-to/bien-ban-hop-xet.md")).unwrap(),
        run(&["doc", "minutes", "1"]).stdout
    );
    // A session without ballots has no minutes to write.
    run(&["council", "session", "add", "--date", "20/12/2020", "--kind", "annual", "--present", "7"]);
    let err = e.fails(&["-f", "thidua-demo.db", "doc", "minutes", "2"], 1);
    assert!(err.contains("session #2 has no ballots"), "{err}");
    // The signing list of a decision.
    run(&["award", "decision", "add", "120/QĐ-UBND", "--date", "15/01/2021", "--issuer", "UBND tỉnh Tây Ninh"]);
    run(&["award", "add", "120/QĐ-UBND", "BK_TINH", "--person", "BHXH01"]);
    run(&["award", "add", "120/QĐ-UBND", "BK_TINH", "--unit", "BHXH"]);
    run(&["doc", "signing", "120/QĐ-UBND", "-o", "ky-nhan.docx"]);
    let doc = part(&e.path("ky-nhan.docx"), "word/document.xml");
    assert!(doc.contains("DANH SÁCH KÝ NHẬN") && doc.contains("Quyết định số 120/QĐ-UBND ngày 15/01/2021"));
    assert_eq!(doc.matches("<w:tr>").count(), 2 + 1 + 2, "header block, foot, header row, two recipients");
}

#[test]
fn the_review_the_draft_decision_and_an_achievement_report() {
    let e = demo();
    let db = ["-f", "thidua-demo.db"];
    let run = |args: &[&str]| e.ok(&[&db[..], args].concat());
    // The review: the outline of the templates, figures from the file, the secretary's text where given.
    let situation =
        e.write("tinh-hinh.txt", "Khối có 7 đơn vị thành viên,\r\nđóng trên địa bàn tỉnh.\r\n\r\nĐoạn thứ hai.\r\n");
    run(&["doc", "review", "midyear", "--text", &format!("situation={situation}"), "-o", "so-ket.docx"]);
    let path = e.path("so-ket.docx");
    assert_layout(&path);
    let doc = part(&path, "word/document.xml");
    for h in [
        "I. TÌNH HÌNH CHUNG",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. NHIỆM VỤ 6 THÁNG CUỐI NĂM",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ] {
        assert!(doc.contains(h), "{h}");
    }
    assert!(doc.contains("Khối có 7 đơn vị thành viên, đóng trên địa bàn tỉnh.") && doc.contains("Đoạn thứ hai."));
    assert!(doc.contains("[Ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm: do thư ký bổ sung"), "a marked place");
    assert!(doc.contains("Tây Ninh, ngày 30 tháng 6 năm 2020") && doc.contains("Phong trào thi đua năm 2020"));
    // The secretary's text kept as written: a numbered list and a dashed one stay items, each its own paragraph; a
    // line wrapped by hand joins its item; decomposed input comes out composed.
    let tasks = e.write(
        "nhiem-vu.txt",
        "Nhiệm vụ trọng tâm:\n1. Thu ngân sách;\n2. Cải cách\n   hành chính.\n\n- Giữ vững đoàn ke\u{302}\u{301}t.\n",
    );
    run(&["doc", "review", "midyear", "--text", &format!("tasks={tasks}"), "-o", "so-ket-2.docx"]);
    let doc2 = part(&e.path("so-ket-2.docx"), "word/document.xml");
    let paras: Vec<String> = doc2
        .split("<w:p>")
        .map(|p| p.split("\">").skip(1).filter_map(|t| t.split("</w:t>").next()).collect::<String>())
        .collect();
    for item in ["Nhiệm vụ trọng tâm:", "1. Thu ngân sách;", "2. Cải cách hành chính.", "- Giữ vững đoàn kết."]
    {
        assert!(paras.iter().any(|p| p == item), "'{item}' a paragraph of its own: {paras:?}");
    }
    let md = run(&["doc", "review", "midyear", "--text", &format!("tasks={tasks}")]).stdout;
    assert!(md.contains("\n1. Thu ngân sách;\n\n2. Cải cách hành chính.\n\n- Giữ vững đoàn kết.\n"), "{md}");
    // A file that is not UTF-8 (Windows-1258, say) is refused with its name; nothing is written.
    std::fs::write(e.path("cp1258.txt"), b"Kh\xf4ng ph\xe1t sinh").unwrap();
    let err =
        e.fails(&["-f", "thidua-demo.db", "doc", "review", "annual", "--text", "tasks=cp1258.txt", "-o", "x.docx"], 1);
    assert!(err.contains("'cp1258.txt' is not UTF-8 text") && err.contains("save it as UTF-8"), "{err}");
    assert!(!e.path("x.docx").exists());
    let md = run(&["doc", "review", "midyear", "--text", &format!("situation={situation}")]).stdout;
    crate::reports::snapshot("so-ket.md", &md);
    let err = e.fails(&["-f", "thidua-demo.db", "doc", "review", "annual", "--text", "ket-luan=x.txt"], 2);
    assert!(err.contains("--text 'ket-luan': not a part of the review"), "{err}");
    // A draft decision answers a proposal that was sent.
    let err = e.fails(&["-f", "thidua-demo.db", "doc", "decision", "1"], 1);
    assert!(err.contains("proposal #1 is a draft"), "{err}");
    run(&["proposal", "send", "1", "--memo", "12/TTr-KTĐ", "--date", "28/07/2020", "--force", "--reason", "Minh họa"]);
    run(&["doc", "decision", "1", "-o", "qd.docx"]);
    let doc = part(&e.path("qd.docx"), "word/document.xml");
    assert!(doc.contains("ỦY BAN NHÂN DÂN TỈNH TÂY NINH") && doc.contains("QUYẾT ĐỊNH"));
    assert!(
        doc.contains("Xét đề nghị của Khối thi đua các Cơ quan Trung ương tại Tờ trình số 12/TTr-KTĐ ngày 28/07/2020.")
    );
    assert!(doc.contains("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh"));
    assert_eq!(doc.matches("<w:tblHeader/>").count(), 1);
    // An achievement report: the unit's profile and the titles and forms it received, from this file and history.
    run(&[
        "unit",
        "staff",
        "BHXH",
        "--staff",
        "120",
        "--women",
        "70",
        "--party",
        "85",
        "--function",
        "Thu, chi bảo hiểm xã hội trên địa bàn tỉnh.",
    ]);
    run(&["doc", "achievements", "--unit", "BHXH", "-o", "bc-bhxh.docx"]);
    let doc = part(&e.path("bc-bhxh.docx"), "word/document.xml");
    assert!(
        doc.contains("BÁO CÁO THÀNH TÍCH")
            && doc.contains("Tổng số cán bộ, công chức, người lao động: 120; nữ: 70; đảng viên: 85.")
    );
    assert!(
        doc.contains("Cờ thi đua cấp bộ, ban, ngành, tỉnh") && doc.contains("2015–2020"),
        "the awards of the seed story"
    );
    let md = run(&["doc", "achievements", "--person", "BHXH01"]).stdout;
    assert!(md.contains("Họ và tên: Trần Thị Yến Phương.") && md.contains("**NGƯỜI BÁO CÁO THÀNH TÍCH**"), "{md}");
}
