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

/// A paper's words as its reader reads them: the text of every paragraph (body, tables, header, signatures), a
/// line each.
pub fn text_of(path: &std::path::Path) -> String {
    let doc = part(path, "word/document.xml").replace("<w:br/>", "<w:t xml:space=\"preserve\">\n</w:t>");
    doc.split("<w:p>")
        .map(|p| {
            p.split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .map(|t| t[..t.find("</w:t>").unwrap()].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
                .collect::<String>()
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a reviewer at the Department of Home Affairs must never find in a paper: the file's codes (units, titles,
/// campaigns), the software's own notes, command syntax, the file's record numbers, English. The units' short names
/// the secretary gave ("BHXH tỉnh") are names, not codes.
pub fn assert_signable(text: &str, codes: &[&str]) {
    let mut text = text.to_string();
    for short in ["BHXH tỉnh", "KBNN tỉnh", "NHNN chi nhánh tỉnh", "NHNN tỉnh", "QLTT tỉnh", "BHXH khu vực"]
    {
        text = text.replace(short, "");
    }
    // A document's number carries its issuer's symbol ("1750/QĐ-BHXH"): a number, not a code of the file.
    let words: String = text.split_whitespace().filter(|w| !w.contains('/')).collect::<Vec<_>>().join(" ");
    for token in words.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        assert!(!codes.contains(&token), "the code '{token}' in the paper:\n{text}");
        assert!(
            !["the", "and", "of", "not", "with", "proposal", "candidate", "unit", "rating", "merit", "default"]
                .contains(&token),
            "the English '{token}' in the paper:\n{text}"
        );
    }
    for note in ["`", "--", "chưa đối chiếu", "mặc định", "TỆP", "thidua", "#"] {
        assert!(!text.contains(note), "'{note}' in the paper:\n{text}");
    }
}

/// The codes of the demo's and the walkthrough's files a paper must not show.
pub const CODES: &[&str] = &[
    "CT",
    "GD2015",
    "CTK",
    "BHXH",
    "BHXH_TB",
    "CTHUE",
    "HQ",
    "KBNN",
    "NHNN",
    "QLTT",
    "CTD_TINH",
    "BK_TINH",
    "CSTDCS",
    "LDTT",
    "TTLDXS",
    "TTLDTT",
    "CSTD_TINH",
    "PT2020",
];

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
    // The texts of the rules of 2020, as they are cited: number, date, issuer, title.
    assert!(
        doc.contains("Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết"),
        "the bases of the rules of 2020"
    );
    let text = text_of(&path);
    // The counts by form, never "0 tập thể"; the dossier's reports announced.
    assert!(text.contains("- Bằng khen của Chủ tịch UBND tỉnh: 01 tập thể, 01 cá nhân."), "{text}");
    assert!(!text.contains(" 0 tập thể") && !text.contains(" 0 cá nhân"), "{text}");
    assert!(text.contains("(Có danh sách và báo cáo thành tích kèm theo)"), "{text}");
    // The annexed list grouped by form, then collectives and individuals; one table per part, its header row
    // repeated on every page, a row per candidate: people with "Ông/Bà", their position and their unit by name.
    assert_eq!(doc.matches("<w:tblHeader/>").count(), 2, "two parts: collectives and individuals");
    assert!(text.contains("I. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH\n1. Tập thể (01)"), "{text}");
    assert!(text.contains("2. Cá nhân (01)"), "{text}");
    assert!(text.contains("Bà Trần Thị Yến Phương, Phó Giám đốc, Bảo hiểm xã hội thị xã Trảng Bàng"), "{text}");
    assert!(text.contains("Bảo hiểm xã hội tỉnh\nDẫn đầu cải cách hành chính"), "{text}");
    assert_signable(&text, CODES);
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
        "--symbol",
        "KTĐ",
        "--bloc-rule",
        "Quy chế tổ chức và hoạt động của Khối ban hành kèm theo Quyết định số 01/QĐ-KTĐ ngày 15 tháng 01 năm 2025",
    ]);
    f.ok(&["doc", "memo", "1", "-o", "x.docx"]);
    let doc = part(&f.path("x.docx"), "word/document.xml");
    // The issuer's symbol in the number left to fill; the bloc's own rule among the bases, after the 2022 Law and
    // Decree 152/2025 that judge a 2025 file.
    let text = text_of(&f.path("x.docx"));
    assert!(text.contains("Số:        /TTr-KTĐ"), "{text}");
    let law = text.find("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;").expect("the 2022 Law");
    let decree = text.find("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025").expect("Decree 152");
    let rule = text.find("Căn cứ Quy chế tổ chức và hoạt động của Khối").expect("the bloc's rule");
    assert!(law < decree && decree < rule, "{text}");
    // To the one who decides, through the Department of Home Affairs, when the proposal names no addressee.
    assert!(text.contains("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Tây Ninh\n(qua Sở Nội vụ)"), "{text}");
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
    let text = text_of(&path);
    assert!(text.contains("Thành viên Hội đồng: 7 người; có mặt: 6 người; vắng mặt có ý kiến bằng văn bản: 1 người."));
    // Who was there, by name and position; the ballot by the candidate's name, against the 2020 threshold.
    assert!(text.contains("Chủ trì: Bà Tạ Thị Dân, Trưởng phòng TCHC Cục Thống kê, Khối trưởng."), "{text}");
    assert!(text.contains("Nguyễn Hữu Tâm, Phó Giám đốc Bảo hiểm xã hội tỉnh;"), "{text}");
    assert!(text.contains("Vắng mặt: Ngô Thị Uyên (có ý kiến bằng văn bản)."), "{text}");
    assert!(
        text.contains("Bà Trần Thị Yến Phương, Phó Giám đốc, Bảo hiểm xã hội thị xã Trảng Bàng\nBằng khen của Chủ tịch UBND tỉnh\n7/7\n100%\ntrên 50%\nĐạt"),
        "{text}"
    );
    assert!(
        text.contains("Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe, nhất trí thông qua"),
        "{text}"
    );
    assert_signable(&text, CODES);
    // Minutes are kept by a member who was there: a session without its secretary names who kept them.
    run(&["council", "session", "add", "--date", "25/07/2020", "--kind", "other", "--absent", "3"]);
    run(&["council", "vote", "25/07/2020", "--person", "BHXH01", "--title", "BK_TINH", "--yes", "6", "--no", "0"]);
    let err = e.fails(&["-f", "thidua-demo.db", "doc", "minutes", "25/07/2020"], 1);
    assert!(err.contains("Nguyễn Văn Hùng was absent from session #2") && err.contains("--secretary"), "{err}");
    let md = run(&["doc", "minutes", "25/07/2020", "--secretary", "Lâm Minh Trí"]).stdout;
    assert!(md.contains("Thư ký: Lâm Minh Trí, Phó Cục trưởng Cục Thuế.") && md.contains("**Lâm Minh Trí**"), "{md}");
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
    let err = e.fails(&["-f", "thidua-demo.db", "doc", "minutes", "3"], 1);
    assert!(err.contains("session #3 has no ballots"), "{err}");
    // The signing list of a decision.
    run(&["award", "decision", "add", "120/QĐ-UBND", "--date", "15/01/2021", "--issuer", "UBND tỉnh Tây Ninh"]);
    run(&["award", "add", "120/QĐ-UBND", "BK_TINH", "--person", "BHXH01"]);
    run(&["award", "add", "120/QĐ-UBND", "BK_TINH", "--unit", "BHXH"]);
    run(&["doc", "signing", "120/QĐ-UBND", "-o", "ky-nhan.docx"]);
    let doc = part(&e.path("ky-nhan.docx"), "word/document.xml");
    assert!(doc.contains("DANH SÁCH KÝ NHẬN") && doc.contains("Quyết định số 120/QĐ-UBND ngày 15/01/2021"));
    assert_eq!(doc.matches("<w:tr>").count(), 2 + 1 + 2 + 1, "header block, foot, header row, two recipients, total");
    // The amounts: a collective's Bằng khen of the provincial chair is 3.0 base salaries, 1,490,000 đồng in January
    // 2021 (Decree 38/2019): 4,470,000; an individual's amount is left to fill; rows tall enough to sign in.
    let text = text_of(&e.path("ky-nhan.docx"));
    assert!(
        text.contains("Bảo hiểm xã hội tỉnh\n(Đại diện: ……………………)\nBằng khen của Chủ tịch UBND tỉnh\n4.470.000"),
        "{text}"
    );
    assert!(text.contains("Tổng cộng\n4.470.000"), "{text}");
    assert!(text.contains("mức lương cơ sở 1.490.000 đồng (Nghị định số 38/2019/NĐ-CP)"), "{text}");
    assert!(doc.contains(r#"<w:trHeight w:val="680" w:hRule="atLeast"/>"#), "rows to sign in");
    // A Giấy khen by its issuer, as printed; an amount not known is left to fill, the total too.
    run(&[
        "award",
        "decision",
        "add",
        "7/QĐ-BHXH",
        "--date",
        "20/01/2021",
        "--issuer",
        "Bảo hiểm xã hội tỉnh",
        "--signer",
        "Giám đốc",
    ]);
    run(&["award", "add", "7/QĐ-BHXH", "GK", "--person", "BHXH01"]);
    let md = run(&["doc", "signing", "7/QĐ-BHXH"]).stdout;
    assert!(md.contains("| Giấy khen của Giám đốc Bảo hiểm xã hội tỉnh |  |  |"), "{md}");
    assert!(md.contains("| Tổng cộng |  |  |  |"), "{md}");
    assert_signable(&text, CODES);
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
    assert!(doc.contains("[Ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm]"), "a marked place");
    assert!(doc.contains(r#"<w:highlight w:val="yellow"/>"#), "marked places are highlighted");
    // The province reads the review: no checklist of the secretary's unless asked, names not codes.
    let text = text_of(&path);
    assert!(!text.contains("Những nội dung còn thiếu") && !text.contains("không thể đạt"), "{text}");
    assert_signable(&text, CODES);
    run(&["doc", "review", "midyear", "--checklists", "-o", "so-ket-3.docx"]);
    assert!(text_of(&e.path("so-ket-3.docx")).contains("Những nội dung còn thiếu"));
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
    // The flag and a Bằng khen for the same unit (one achievement: the highest amount only), a person's Bằng khen.
    run(&["proposal", "candidate", "1", "--unit", "BHXH", "--title", "CTD_TINH"]);
    run(&["proposal", "candidate", "1", "--unit", "BHXH", "--title", "BK_TINH"]);
    run(&["proposal", "send", "1", "--memo", "12/TTr-KTĐ", "--date", "28/07/2020", "--force", "--reason", "Minh họa"]);
    run(&["doc", "decision", "1", "-o", "qd.docx"]);
    let doc = part(&e.path("qd.docx"), "word/document.xml");
    let text = text_of(&e.path("qd.docx"));
    assert!(doc.contains("ỦY BAN NHÂN DÂN TỈNH TÂY NINH") && doc.contains("QUYẾT ĐỊNH"));
    // The authority line and "QUYẾT ĐỊNH:" centred; the bases in italics, with their dates.
    for centred in ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH", "QUYẾT ĐỊNH:"] {
        let at = doc.find(&format!(">{centred}<")).unwrap();
        let p = &doc[doc[..at].rfind("<w:p>").unwrap()..at];
        assert!(p.contains(r#"<w:jc w:val="center"/>"#), "{centred} centred: {p}");
    }
    let at = doc.find("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015").unwrap();
    assert!(doc[doc[..at].rfind("<w:r>").unwrap()..at].contains("<w:i/>"), "the bases in italics");
    assert!(text.contains(
        "Xét đề nghị của Khối thi đua các Cơ quan Trung ương tại Tờ trình số 12/TTr-KTĐ ngày 28/07/2020 và đề nghị \
         của Giám đốc Sở Nội vụ"
    ));
    assert!(text.contains("Về việc tặng Cờ thi đua của UBND tỉnh và Bằng khen của Chủ tịch UBND tỉnh"), "{text}");
    // Article 1 names each form and its counts; Article 2 the amounts: in July 2020 the base salary is 1,490,000
    // đồng (Decree 38/2019); the flag 8.0 of it, 11,920,000; a collective's Bằng khen 3.0, 4,470,000.
    assert!(text.contains("1. Cờ thi đua của UBND tỉnh: 01 tập thể;"), "{text}");
    assert!(text.contains("2. Bằng khen của Chủ tịch UBND tỉnh: 01 tập thể, 01 cá nhân."), "{text}");
    assert!(
        text.contains("Cờ thi đua của UBND tỉnh: mỗi tập thể 8 lần mức lương cơ sở, bằng 11.920.000 đồng"),
        "{text}"
    );
    assert!(text.contains("mỗi tập thể 3 lần mức lương cơ sở, bằng 4.470.000 đồng"), "{text}");
    // The annex by form, collectives then individuals; the unit's Bằng khen pays nothing more than its flag.
    assert!(text.contains("I. CỜ THI ĐUA CỦA UBND TỈNH\n1. Tập thể"), "{text}");
    assert!(text.contains("Bảo hiểm xã hội tỉnh\nNhận mức cao hơn"), "{text}");
    assert!(text.contains("II. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH\n1. Tập thể"), "{text}");
    assert!(text.contains("Bảo hiểm xã hội tỉnh\n11.920.000"), "{text}");
    assert_signable(&text, CODES);
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
    // A person's own title is hers, not her unit's.
    run(&["award", "add", "-", "LDTT", "--person", "BHXH01", "--year", "2019"]);
    run(&["doc", "achievements", "--unit", "BHXH", "-o", "bc-bhxh.docx"]);
    let doc = part(&e.path("bc-bhxh.docx"), "word/document.xml");
    let text = text_of(&e.path("bc-bhxh.docx"));
    // The titles and the forms apart, as the annex forms list them; the unit's own only.
    let titles = text.find("1. Danh hiệu thi đua:").expect("titles");
    let forms = text.find("2. Hình thức khen thưởng:").expect("forms");
    assert!(text[titles..forms].contains("Cờ thi đua của UBND tỉnh"), "{text}");
    assert!(text[forms..].contains("Bằng khen của Chủ tịch UBND tỉnh"), "{text}");
    assert!(!text.contains("Lao động tiên tiến"), "{text}");
    assert!(
        doc.contains("BÁO CÁO THÀNH TÍCH")
            && doc.contains("Tổng số cán bộ, công chức, người lao động: 120; nữ: 70; đảng viên: 85.")
    );
    assert!(doc.contains("Cờ thi đua của UBND tỉnh") && doc.contains("2015–2020"), "the awards of the seed story");
    // One report per candidate of the proposal, titled with the form proposed, attached to each dossier; a person's
    // holds her rating and her initiative with its recognition; a unit's lists its own titles, not its staff's.
    run(&["rating", "set", "excellent", "--person", "BHXH01", "--doc", "32/QĐ-BHXH", "--doc-date", "23/12/2020"]);
    run(&[
        "initiative",
        "add",
        "Rút ngắn quy trình thu bảo hiểm xã hội",
        "--scope",
        "unit",
        "--author",
        "BHXH01",
        "--body",
        "Giám đốc BHXH tỉnh",
        "--decision",
        "12/QĐ-BHXH",
        "--date",
        "05/06/2020",
    ]);
    let out = run(&["doc", "achievements", "--proposal", "1", "-o", "ho-so"]);
    assert!(
        out.stderr.contains("wrote 3 achievement reports in ho-so and attached them to proposal #1"),
        "{}",
        out.stderr
    );
    let mut made: Vec<String> = std::fs::read_dir(e.path("ho-so"))
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    made.sort();
    assert_eq!(made.len(), 3, "{made:?}");
    let attached: i64 = e
        .conn_to("thidua-demo.db")
        .query_row("SELECT count(*) FROM proposal_doc WHERE kind = 'report' AND item_id IS NOT NULL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(attached, 3);
    let person = made.iter().find(|n| n.contains("tran-thi-yen-phuong")).expect("her report");
    let text = text_of(&e.path(&format!("ho-so/{person}")));
    assert!(text.contains("BÁO CÁO THÀNH TÍCH\nĐề nghị tặng Bằng khen của Chủ tịch UBND tỉnh"), "{text}");
    assert!(text.contains("2020\nHoàn thành xuất sắc nhiệm vụ\n32/QĐ-BHXH ngày 23/12/2020"), "{text}");
    assert!(
        text.contains(
            "Rút ngắn quy trình thu bảo hiểm xã hội\ncơ sở\nGiám đốc BHXH tỉnh, số 12/QĐ-BHXH, ngày 05/06/2020"
        ),
        "{text}"
    );
    assert!(text.contains("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ"), "{text}");
    assert!(text.contains("2019\nLao động tiên tiến"), "her own title in her report: {text}");
    let md = run(&["doc", "achievements", "--person", "BHXH01"]).stdout;
    assert!(md.contains("Họ và tên: Bà Trần Thị Yến Phương.") && md.contains("**NGƯỜI BÁO CÁO THÀNH TÍCH**"), "{md}");
}

/// A national file's table of every unit × title is no paper's: the review sums it by title and says where the
/// whole list is (issue 35 item 3: a review of a million people was 676 MB in memory).
#[test]
fn a_review_paper_sums_a_long_table_of_units() {
    let e = Env::init();
    let mut units = String::from("code,name,role\nCT,Cục Thống kê,leader\n");
    let mut regs = String::from("unit,title\n");
    for i in 0..320 {
        units.push_str(&format!("U{i:03},Đơn vị số {i},member\n"));
        regs.push_str(&format!("U{i:03},TTLDTT\n"));
    }
    e.ok(&["unit", "import", &e.write("u.csv", &units)]);
    e.ok(&["register", "import", &e.write("r.csv", &regs)]);
    e.ok(&["council", "member", "add", "Tạ Thị Dân", "--role", "chair"]);
    e.ok(&["doc", "review", "annual", "-o", "tk.docx"]);
    let xml = part(&e.path("tk.docx"), "word/document.xml");
    let text = xml.split('<').filter_map(|p| p.split_once('>').map(|(_, t)| t)).collect::<String>();
    assert!(text.contains("danh sách đầy đủ theo từng đơn vị (320 dòng)"), "{text}");
    assert!(text.contains("Tập thể lao động tiên tiến320"), "one row of sums: {text}");
    assert!(!text.contains("Đơn vị số 17"), "no unit's row");
}
