//! Certificates of a decision's awards as PDF (issue 34 item 3): what each page says, read back from the PDF; its
//! size; its fonts embedded; the register with its sổ vàng numbers; the blanks' layouts moving a field by the
//! millimetres set.

use lopdf::content::Content;
use lopdf::{Document, Object};

use crate::{csv_rows, Env};

/// A bloc with a province decision (two Bằng khen, a CSTĐ cấp tỉnh and a Lao động tiên tiến, which has no
/// certificate) and an office's decision (a Giấy khen and a CSTĐCS).
fn decided() -> Env {
    let e = Env::init();
    e.seven_units();
    e.ok(&["unit", "add", "HQ_KS", "--name", "Đội Kiểm soát Hải quan", "--parent", "HQ"]);
    e.ok(&["person", "add", "--unit", "CTHUE", "--name", "Võ Thị Ánh", "--gender", "f", "--position", "Đội trưởng"]);
    e.ok(&["person", "add", "--unit", "HQ_KS", "--name", "Huỳnh Văn An", "--gender", "m", "--position", "Đội phó"]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Phạm Minh Đức", "--position", "Chuyên viên"]);
    e.ok(&[
        "award",
        "decision",
        "add",
        "2345/QĐ-UBND",
        "--date",
        "15/12/2020",
        "--issuer",
        "UBND tỉnh Tây Ninh",
        "--signer",
        "Phó Chủ tịch Trần Văn Chiến",
    ]);
    let reason = "Đã có thành tích xuất sắc trong công tác quản lý thuế, góp phần hoàn thành vượt mức dự toán thu \
                  ngân sách nhà nước năm 2020 trên địa bàn tỉnh";
    e.ok(&["award", "add", "2345/QĐ-UBND", "BK_TINH", "--person", "Võ Thị Ánh", "--reason", reason]);
    e.ok(&["award", "add", "2345/QĐ-UBND", "LDTT", "--person", "Phạm Minh Đức"]);
    e.ok(&["award", "add", "2345/QĐ-UBND", "BK_TINH", "--unit", "HQ_KS"]);
    e.ok(&["award", "add", "2345/QĐ-UBND", "CSTD_TINH", "--person", "Huỳnh Văn An", "--period", "2018-2020"]);
    e.ok(&[
        "award",
        "decision",
        "add",
        "15/QĐ-BHXH",
        "--date",
        "10/12/2020",
        "--issuer",
        "Bảo hiểm xã hội tỉnh Tây Ninh",
        "--signer",
        "Giám đốc Nguyễn Văn Bình",
    ]);
    e.ok(&["award", "add", "15/QĐ-BHXH", "GK", "--person", "Phạm Minh Đức"]);
    e.ok(&["award", "add", "15/QĐ-BHXH", "CSTDCS", "--person", "Phạm Minh Đức"]);
    e
}

fn pdf(e: &Env, name: &str) -> Document {
    Document::load(e.path(name)).expect("a PDF lopdf reads")
}

/// Each page's text as a PDF reader extracts it (through the fonts' ToUnicode maps), spaces and line ends folded.
fn pages(d: &Document) -> Vec<String> {
    d.get_pages()
        .keys()
        .map(|n| d.extract_text(&[*n]).expect("text").split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// A page's size in millimetres.
fn size_mm(d: &Document, page: u32) -> (f64, f64) {
    let id = d.get_pages()[&page];
    let b = d.get_object(id).unwrap().as_dict().unwrap().get(b"MediaBox").unwrap().as_array().unwrap().clone();
    let n = |o: &Object| o.as_float().map(f64::from).or_else(|_| o.as_i64().map(|v| v as f64)).unwrap();
    ((n(&b[2]) - n(&b[0])) * 25.4 / 72.0, (n(&b[3]) - n(&b[1])) * 25.4 / 72.0)
}

/// Where each run of text starts on a page, in points (the operands of its text matrices).
fn text_origins(d: &Document, page: u32) -> Vec<(f64, f64)> {
    let id = d.get_pages()[&page];
    let content = Content::decode(&d.get_page_content(id)).unwrap();
    let n = |o: &Object| o.as_float().map(f64::from).or_else(|_| o.as_i64().map(|v| v as f64)).unwrap();
    content
        .operations
        .iter()
        .filter(|op| op.operator == "Tm")
        .map(|op| (n(&op.operands[4]), n(&op.operands[5])))
        .collect()
}

#[test]
fn a_decisions_certificates_say_who_what_and_the_sổ_vàng_number() {
    let e = decided();
    let out = e.ok(&["cert", "print", "2345/QĐ-UBND", "-o", "bk.pdf"]);
    assert!(
        out.stderr.contains("wrote 3 certificates of decision 2345/QĐ-UBND to bk.pdf (sổ vàng 1–4)"),
        "{}",
        out.stderr
    );
    let d = pdf(&e, "bk.pdf");
    let p = pages(&d);
    // The Lao động tiên tiến has no certificate; the others in the decision's order, each numbered by it.
    assert_eq!(p.len(), 3, "{p:?}");
    for page in &p {
        for line in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH",
            "Tây Ninh, ngày 15 tháng 12 năm 2020",
            "KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
            "Trần Văn Chiến",
            "Quyết định số 2345/QĐ-UBND ngày 15/12/2020",
        ] {
            assert!(page.contains(line), "{line} in {page}");
        }
    }
    assert!(p[0].contains("TẶNG BẰNG KHEN Bà Võ Thị Ánh Đội trưởng, Cục Thuế"), "{}", p[0]);
    assert!(p[0].contains("hoàn thành vượt mức dự toán thu ngân sách nhà nước năm 2020"), "{}", p[0]);
    assert!(p[0].contains("Số sổ vàng: 1"), "{}", p[0]);
    // A collective by its name, its parent under it; the number is its order in the decision (the LĐTT is 2nd).
    assert!(p[1].contains("BẰNG KHEN Đội Kiểm soát Hải quan Cục Hải quan"), "{}", p[1]);
    assert!(p[1].contains("Số sổ vàng: 3"), "{}", p[1]);
    assert!(p[2].contains("TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH Ông Huỳnh Văn An"), "{}", p[2]);
    assert!(p[2].contains("Đội phó, Đội Kiểm soát Hải quan, Cục Hải quan"), "{}", p[2]);
    assert!(p[2].contains("phong trào thi đua giai đoạn 2018–2020") && p[2].contains("Số sổ vàng: 4"), "{}", p[2]);
    // A3 landscape for a Bằng khen.
    let (w, h) = size_mm(&d, 1);
    assert!((w - 420.0).abs() < 0.5 && (h - 297.0).abs() < 0.5, "{w} × {h}");
    // The fonts are in the file: each a subset of Liberation Serif with its program embedded.
    let mut fonts = 0;
    for (_, f) in d.get_page_fonts(d.get_pages()[&1]).unwrap() {
        let base = String::from_utf8_lossy(f.get(b"BaseFont").unwrap().as_name().unwrap()).into_owned();
        assert!(base.contains("LiberationSerif"), "{base}");
        let cid = d.get_object(f.get(b"DescendantFonts").unwrap().as_array().unwrap()[0].as_reference().unwrap());
        let desc = cid.unwrap().as_dict().unwrap().get(b"FontDescriptor").unwrap().as_reference().unwrap();
        let desc = d.get_object(desc).unwrap().as_dict().unwrap();
        assert!(desc.has(b"FontFile2") || desc.has(b"FontFile3"), "{base} is not embedded");
        fonts += 1;
    }
    assert_eq!(fonts, 3, "regular, bold, italic");

    // The office's decision: a Giấy khen (A4 landscape) and the CSTĐCS certificate, its head's title derived.
    e.ok(&["cert", "print", "15/QĐ-BHXH", "-o", "gk.pdf"]);
    let d = pdf(&e, "gk.pdf");
    let p = pages(&d);
    assert!(p[0].contains("GIÁM ĐỐC BẢO HIỂM XÃ HỘI TỈNH TÂY NINH TẶNG GIẤY KHEN Phạm Minh Đức"), "{}", p[0]);
    assert!(p[1].contains("TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ"), "{}", p[1]);
    assert!(p[1].contains("GIÁM ĐỐC Nguyễn Văn Bình") && !p[1].contains("KT."), "{}", p[1]);
    let (w, h) = size_mm(&d, 1);
    assert!((w - 297.0).abs() < 0.5 && (h - 210.0).abs() < 0.5, "{w} × {h}");

    // The register: one line a certificate, numbered.
    let rows = csv_rows(&e.ok(&["cert", "list", "--format", "csv"]).bytes);
    assert_eq!(
        rows[0][..9],
        ["decision", "decision_date", "book_no", "award", "recipient", "code", "event", "date", "blank"]
    );
    let got: Vec<(&str, &str, &str, &str)> =
        rows[1..].iter().map(|r| (r[0].as_str(), r[2].as_str(), r[5].as_str(), r[6].as_str())).collect();
    assert_eq!(
        got,
        [
            ("15/QĐ-BHXH", "1", "GK", "printed"),
            ("15/QĐ-BHXH", "2", "CSTDCS", "printed"),
            ("2345/QĐ-UBND", "1", "BK_TINH", "printed"),
            ("2345/QĐ-UBND", "3", "BK_TINH", "printed"),
            ("2345/QĐ-UBND", "4", "CSTD_TINH", "printed"),
        ]
    );
}

#[test]
fn a_certificate_printed_again_keeps_its_number_and_the_register_shows_why() {
    let e = decided();
    e.ok(&["cert", "print", "2345/QĐ-UBND", "-o", "bk.pdf"]);
    // Printed twice by mistake: refused, nothing entered, no file.
    let err = e.fails(&["cert", "print", "2345/QĐ-UBND", "-o", "again.pdf"], 1);
    assert!(err.contains("was printed on") && err.contains("--reprint"), "{err}");
    assert!(!e.path("again.pdf").exists());
    assert_eq!(e.count("SELECT count(*) FROM certificate"), 3);
    // A spoilt blank: one award again, same number.
    e.ok(&["cert", "print", "2345/QĐ-UBND", "--award", "3", "--reprint", "kẹt giấy", "-o", "again.pdf"]);
    assert!(pages(&pdf(&e, "again.pdf"))[0].contains("Số sổ vàng: 3"));
    // Lost after the ceremony: issued again with the same number, the register holds both.
    e.ok(&["cert", "reissue", "1", "--reason", "mất do thiên tai", "-o", "lost.pdf"]);
    let p = pages(&pdf(&e, "lost.pdf"));
    assert_eq!(p.len(), 1);
    assert!(p[0].contains("Bà Võ Thị Ánh") && p[0].contains("Số sổ vàng: 1"), "{}", p[0]);
    let rows = csv_rows(&e.ok(&["cert", "list", "--decision", "2345/QĐ-UBND", "--format", "csv"]).bytes);
    let got: Vec<(&str, &str, &str, &str)> =
        rows[1..].iter().map(|r| (r[2].as_str(), r[3].as_str(), r[6].as_str(), r[9].as_str())).collect();
    assert_eq!(
        got,
        [
            ("1", "1", "printed", ""),
            ("1", "1", "replaced", "mất do thiên tai"),
            ("3", "3", "printed", ""),
            ("3", "3", "reprinted", "kẹt giấy"),
            ("4", "4", "printed", ""),
        ]
    );
    // What cannot be: reissuing one never printed, an award of another decision, one without a certificate.
    let err = e.fails(&["cert", "reissue", "5", "--reason", "mất", "-o", "x.pdf"], 1);
    assert!(err.contains("award #5 was never printed"), "{err}");
    let err = e.fails(&["cert", "print", "2345/QĐ-UBND", "--award", "5", "-o", "x.pdf"], 1);
    assert!(err.contains("award #5 is not one of decision 2345/QĐ-UBND"), "{err}");
    let err = e.fails(&["cert", "print", "2345/QĐ-UBND", "--award", "2", "-o", "x.pdf"], 1);
    assert!(err.contains("award #2 (Lao động tiên tiến) has no certificate"), "{err}");
    assert!(!e.path("x.pdf").exists());
    // The Lao động tiên tiến leaves the decision: a new award's order (4th) is a number in use, so it takes the next.
    e.ok(&["award", "remove", "2", "--yes"]);
    e.ok(&["award", "add", "2345/QĐ-UBND", "BK_TINH", "--unit", "KBNN"]);
    e.ok(&["cert", "print", "2345/QĐ-UBND", "--award", "7", "-o", "new.pdf"]);
    assert!(pages(&pdf(&e, "new.pdf"))[0].contains("Số sổ vàng: 5"));
    // A dry run says what it would do, enters nothing and writes no file; it is refused as the print would be.
    let out = e.ok(&["cert", "print", "15/QĐ-BHXH", "--dry-run", "-o", "dry.pdf"]);
    assert!(out.stderr.contains("(dry run: nothing was written)"), "{}", out.stderr);
    assert!(!e.path("dry.pdf").exists());
    let err = e.fails(&["cert", "print", "2345/QĐ-UBND", "--dry-run", "-o", "dry.pdf"], 1);
    assert!(err.contains("--reprint"), "{err}");
    // A draft is written, nothing entered.
    e.ok(&["cert", "print", "15/QĐ-BHXH", "--draft", "-o", "draft.pdf"]);
    assert_eq!(pages(&pdf(&e, "draft.pdf")).len(), 2);
    assert_eq!(e.count("SELECT count(*) FROM certificate"), 6);
}

#[test]
fn on_a_blank_only_the_fields_it_lacks_are_printed_where_its_layout_says() {
    let e = decided();
    e.ok(&["cert", "print", "2345/QĐ-UBND", "--award", "1", "--blank", "--draft", "-o", "before.pdf"]);
    let d = pdf(&e, "before.pdf");
    let p = pages(&d);
    // The province's Bằng khen blank carries the heading, the Chair's title and the form.
    assert!(p[0].contains("Bà Võ Thị Ánh") && p[0].contains("Số sổ vàng: 1"), "{}", p[0]);
    for printed in ["CỘNG HÒA", "Độc lập", "CHỦ TỊCH ỦY BAN", "TẶNG", "BẰNG KHEN"] {
        assert!(!p[0].contains(printed), "{printed} in {}", p[0]);
    }
    let before = text_origins(&d, 1);

    // Place the name, then move it 12.5 mm right and 7 mm down: one run of text moves by exactly that.
    e.ok(&["cert", "layout", "set", "bang_khen", "name", "--x", "50", "--y", "120"]);
    let shown = csv_rows(&e.ok(&["cert", "layout", "show", "bang_khen", "--format", "csv"]).bytes);
    let name = shown.iter().find(|r| r[0] == "name").unwrap();
    assert_eq!((name[1].as_str(), name[2].as_str(), name[7].as_str()), ("50", "120", "set"));
    e.ok(&["cert", "print", "2345/QĐ-UBND", "--award", "1", "--blank", "--draft", "-o", "placed.pdf"]);
    let placed = text_origins(&pdf(&e, "placed.pdf"), 1);
    e.ok(&["cert", "layout", "set", "bang_khen", "name", "--x", "62.5", "--y", "127"]);
    e.ok(&["cert", "print", "2345/QĐ-UBND", "--award", "1", "--blank", "--draft", "-o", "after.pdf"]);
    let after = text_origins(&pdf(&e, "after.pdf"), 1);
    assert_eq!(placed.len(), after.len());
    let moved: Vec<(f64, f64)> =
        placed.iter().zip(&after).filter(|(b, a)| b != a).map(|(b, a)| (a.0 - b.0, a.1 - b.1)).collect();
    assert_eq!(moved.len(), 1, "{placed:?} → {after:?}");
    let pt = 72.0 / 25.4;
    assert!((moved[0].0 - 12.5 * pt).abs() < 0.01 && (moved[0].1.abs() - 7.0 * pt).abs() < 0.01, "{moved:?}");

    // The page offset moves every field; a reset puts them back.
    e.ok(&["cert", "layout", "set", "bang_khen", "page", "--x", "-2", "--y", "1.5"]);
    e.ok(&["cert", "print", "2345/QĐ-UBND", "--award", "1", "--blank", "--draft", "-o", "offset.pdf", "--force"]);
    let offset = text_origins(&pdf(&e, "offset.pdf"), 1);
    assert!(offset.iter().zip(&after).all(|(o, a)| (o.0 - a.0 + 2.0 * pt).abs() < 0.05), "{offset:?}");
    e.ok(&["cert", "layout", "reset", "bang_khen"]);
    e.ok(&["cert", "print", "2345/QĐ-UBND", "--award", "1", "--blank", "--draft", "-o", "reset.pdf"]);
    assert_eq!(text_origins(&pdf(&e, "reset.pdf"), 1), before);

    // A field printed on the blank too, by choice.
    e.ok(&["cert", "layout", "set", "bang_khen", "decider", "--on-blank"]);
    e.ok(&["cert", "print", "2345/QĐ-UBND", "--award", "1", "--blank", "--draft", "-o", "decider.pdf"]);
    assert!(pages(&pdf(&e, "decider.pdf"))[0].contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH"));

    // A box too small for its text: printed at its smallest, and said.
    e.ok(&["cert", "layout", "set", "bang_khen", "reason", "--h", "3"]);
    let out = e.ok(&["cert", "print", "2345/QĐ-UBND", "--award", "1", "--draft", "-o", "small.pdf"]);
    assert!(out.stderr.contains("warning: page 1: the reason does not fit its box"), "{}", out.stderr);
    assert!(pages(&pdf(&e, "small.pdf"))[0].contains("trên địa bàn tỉnh"), "the text is still all there");

    // Refused, naming the value: a field that does not exist, one that would leave the sheet, a bad yes/no.
    let err = e.fails(&["cert", "layout", "set", "bang_khen", "logo", "--x", "10"], 2);
    assert!(err.contains("no field 'logo'") && err.contains("signer_name"), "{err}");
    let err = e.fails(&["cert", "layout", "set", "giay_khen", "name", "--x", "280"], 1);
    assert!(err.contains("field name would leave the sheet (297 × 210 mm)"), "{err}");
    let err = e.fails(&["cert", "layout", "set", "giay_khen", "name", "--on-blank", "--not-on-blank"], 2);
    assert!(err.contains("--not-on-blank"), "{err}");
    let err = e.fails(&["cert", "layout", "set", "giay_khen", "name"], 2);
    assert!(err.contains("--x, --y"), "{err}");
}

#[test]
fn a_test_page_draws_the_grid_and_every_field_where_it_prints() {
    let e = decided();
    e.ok(&["cert", "layout", "test", "giay_khen", "-o", "grid.pdf"]);
    let d = pdf(&e, "grid.pdf");
    let (w, h) = size_mm(&d, 1);
    assert!((w - 297.0).abs() < 0.5 && (h - 210.0).abs() < 0.5, "{w} × {h}");
    let p = pages(&d);
    for field in ["name", "post", "reason", "book", "decision", "signer_name", "place_date", "heading (in sẵn)"] {
        assert!(p[0].contains(field), "{field} in {}", p[0]);
    }
    // The millimetre scale along the edges.
    assert!(p[0].contains("50") && p[0].contains("250"), "{}", p[0]);
}

#[test]
fn a_printed_certificate_holds_its_award_and_the_layouts_go_to_the_next_year() {
    let e = decided();
    e.ok(&["cert", "print", "15/QĐ-BHXH", "-o", "gk.pdf"]);
    // The award of a certificate handed over is not removed (the register names it); it is revoked.
    let err = e.fails(&["award", "remove", "5", "--yes"], 1);
    assert!(
        err.contains("award #5 has a certificate printed (sổ vàng number 1)") && err.contains("award revoke"),
        "{err}"
    );
    e.ok(&["award", "revoke", "5", "--decision", "99/QĐ-BHXH", "--date", "20/12/2020", "--reason", "trùng"]);
    let err = e.fails(&["cert", "reissue", "5", "--reason", "mất", "-o", "x.pdf"], 1);
    assert!(err.contains("award #5 was revoked by 99/QĐ-BHXH"), "{err}");
    e.ok(&["cert", "print", "15/QĐ-BHXH", "--draft", "-o", "left.pdf"]);
    assert_eq!(pages(&pdf(&e, "left.pdf")).len(), 1, "the revoked award's certificate is left out");

    // The next year's file keeps the blanks as measured on this printer, not the register.
    e.ok(&["cert", "layout", "set", "giay_khen", "name", "--y", "90.5"]);
    e.ok(&["init", "-f", "2021.db", "--from", "thidua.db", "--year", "2021"]);
    let shown = csv_rows(&e.ok(&["-f", "2021.db", "cert", "layout", "show", "giay_khen", "--format", "csv"]).bytes);
    let name = shown.iter().find(|r| r[0] == "name").unwrap();
    assert_eq!((name[2].as_str(), name[7].as_str()), ("90.5", "set"));
    assert_eq!(csv_rows(&e.ok(&["-f", "2021.db", "cert", "list", "--format", "csv"]).bytes).len(), 1);
}
