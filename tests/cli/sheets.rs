//! Spreadsheets both ways: every list and report as .xlsx, every import from .xlsx and .ods, and the Vietnamese
//! CSV dialect. Workbooks are read back with calamine (typed cells) and as the XML inside the zip.

use std::io::Read;

use calamine::{open_workbook_auto, Data, Reader};

use crate::{csv_rows, Env};

/// A bloc with two people: a staff code with a leading zero, a name typed decomposed (NFD), a position that a
/// spreadsheet would run as a formula.
fn bloc() -> Env {
    let e = Env::init();
    e.seven_units();
    e.ok(&[
        "person",
        "add",
        "--unit",
        "CT",
        "--name",
        "Ta\u{0323} Thi\u{0323} Da\u{0302}n",
        "--code",
        "0123",
        "--born",
        "1970",
    ]);
    e.ok(&["person", "add", "--unit", "BHXH", "--name", "Trần Thị Yến Phương", "--position", "=1+1", "--gender", "f"]);
    e
}

fn sheet(path: &std::path::Path, name: &str) -> calamine::Range<Data> {
    let mut wb = open_workbook_auto(path).expect("a workbook");
    wb.worksheet_range(name).expect("the sheet")
}

/// The XML of one part of a workbook.
fn part(path: &std::path::Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn a_list_as_a_workbook_keeps_types_codes_and_text() {
    let e = bloc();
    e.ok(&["--lang", "vi", "person", "list", "-o", "p.xlsx"]);
    let p = e.path("p.xlsx");
    // The tab in Vietnamese, as the headers (issue 32).
    let r = sheet(&p, "Nhân sự");
    let row =
        |i: usize| -> Vec<Data> { (0..r.width()).map(|c| r.get((i, c)).cloned().unwrap_or(Data::Empty)).collect() };
    let head = row(0);
    assert_eq!(head[1], Data::String("Tên".into()), "Vietnamese headers: {head:?}");
    let at = |name: &str| head.iter().position(|h| *h == Data::String(name.into())).unwrap();
    let dan =
        (1..r.height()).map(row).find(|x| x[at("Mã")] == Data::String("0123".into())).expect("the code keeps its zero");
    assert_eq!(dan[at("Tên")], Data::String("Tạ Thị Dân".into()));
    assert!(matches!(dan[at("Tên")], Data::String(ref s) if s.chars().count() == 10), "NFC: {:?}", dan[at("Tên")]);
    assert_eq!(dan[at("Năm sinh")], Data::Float(1970.0), "a number is a number");
    let phuong = (1..r.height()).map(row).find(|x| x[at("Giới tính")] == Data::String("Nữ".into())).unwrap();
    assert_eq!(phuong[at("Chức vụ")], Data::String("=1+1".into()), "text, never a formula");
    let mut wb = open_workbook_auto(&p).unwrap();
    let f = wb.worksheet_formula("Nhân sự").unwrap();
    assert!(f.used_cells().all(|(_, _, s)| s.is_empty()), "no formula written from data");
    // The header row frozen, a filter over the table, columns as wide as the names.
    let xml = part(&p, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"state="frozen""#) && xml.contains(r#"ySplit="1""#), "{xml}");
    assert!(xml.contains("<autoFilter ref=\"A1:K3\""), "{xml}");
    assert!(xml.contains("<col "), "{xml}");
    let wbxml = part(&p, "xl/workbook.xml");
    assert!(wbxml.contains(r#"name="Nhân sự""#), "{wbxml}");
}

#[test]
fn a_report_is_a_workbook_of_sheets_with_dates_and_percentages() {
    let e = bloc();
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
    e.ok(&["campaign", "launch", "PT2020", "--date", "15/02/2020"]);
    e.ok(&["pledge", "sign", "--all", "--date", "27/02/2020"]);
    e.ok(&["pledge", "target", "add", "--unit", "CT", "Hoàn thành nhiệm vụ"]);
    e.ok(&["pledge", "target", "add", "--unit", "CT", "Điều tra đúng hạn"]);
    e.ok(&["pledge", "progress", "1", "--met", "--as-of", "30/06/2020"]);
    e.ok(&["pledge", "progress", "2", "--not-met", "--as-of", "30/06/2020"]);
    e.ok(&["report", "midyear", "-o", "so-ket.xlsx"]);
    let p = e.path("so-ket.xlsx");
    let wb = open_workbook_auto(&p).unwrap();
    let names = wb.sheet_names();
    for t in ["members", "campaigns", "registrations", "pledges", "missing"] {
        assert!(names.iter().any(|n| n == t), "sheet {t} in {names:?}");
    }
    assert!(names.iter().all(|n| n.chars().count() <= 31));
    let r = sheet(&p, "pledges");
    let ct = (1..r.height())
        .find(|&i| {
            r.get((i, 0)) == Some(&Data::String("CTK".into())) || r.get((i, 0)) == Some(&Data::String("CT".into()))
        })
        .unwrap();
    let signed = r.get((ct, 2)).unwrap();
    match signed {
        Data::DateTime(d) => assert_eq!(d.as_datetime().unwrap().date().to_string(), "2020-02-27"),
        other => panic!("a date cell, got {other:?}"),
    }
    let completion = r.get((ct, r.width() - 1)).unwrap();
    assert_eq!(completion, &Data::Float(0.5), "a percentage is a fraction shown as %");
    let styles = part(&p, "xl/styles.xml");
    assert!(styles.contains("dd/mm/yyyy") && styles.contains("0.0%"), "{styles}");
    // Piped, the workbook goes to standard output.
    let out = e.ok(&["report", "pledges", "--as-of", "30/06/2020", "--format", "xlsx"]);
    assert!(out.bytes.starts_with(b"PK"), "a zip on stdout");
}

#[test]
fn every_list_with_an_import_round_trips_through_a_workbook() {
    let e = Env::new();
    e.ok(&["-f", "d.db", "demo"]);
    let f = Env::new();
    f.ok(&["init", "--year", "2020", "--bloc", "Khối thi đua các Cơ quan Trung ương", "--province", "Tây Ninh"]);
    f.ok(&["campaign", "add", "PT2020", "--name", "Phong trào thi đua năm 2020", "--kind", "regular"]);
    for (list, import) in [
        (vec!["unit", "list"], vec!["unit", "import"]),
        (vec!["--lang", "vi", "person", "list"], vec!["person", "import"]),
        (vec!["register", "list"], vec!["register", "import"]),
        (vec!["award", "list"], vec!["award", "import"]),
    ] {
        let file = e.path(&format!("{}.xlsx", list[list.len() - 2]));
        let mut args = vec!["-f", "d.db"];
        args.extend(&list);
        args.extend(["-o", file.to_str().unwrap()]);
        e.ok(&args);
        let mut args = import.clone();
        args.push(file.to_str().unwrap());
        f.ok(&args);
    }
    for list in [["unit", "list"], ["person", "list"], ["register", "list"], ["award", "list"]] {
        let a = csv_rows(&e.ok(&["-f", "d.db", list[0], list[1], "--format", "csv"]).bytes);
        let b = csv_rows(&f.ok(&[list[0], list[1], "--format", "csv"]).bytes);
        // The numbers (first column) belong to one file; every other cell is the same.
        let strip = |rows: Vec<Vec<String>>| -> Vec<Vec<String>> {
            rows.into_iter()
                .map(|r| if r[0].chars().all(|c| c.is_ascii_digit()) || r[0] == "id" { r[1..].to_vec() } else { r })
                .collect()
        };
        assert_eq!(strip(a), strip(b), "{list:?}");
    }
    // A unit's pledge, with its figures.
    f.ok(&["pledge", "sign", "--all", "--date", "27/02/2020"]);
    let file = e.path("bhxh.xlsx");
    e.ok(&["-f", "d.db", "pledge", "show", "BHXH", "--as-of", "30/06/2020", "-o", file.to_str().unwrap()]);
    f.ok(&["pledge", "import", file.to_str().unwrap()]);
    let a =
        csv_rows(&e.ok(&["-f", "d.db", "pledge", "show", "BHXH", "--as-of", "30/06/2020", "--format", "csv"]).bytes);
    let b = csv_rows(&f.ok(&["pledge", "show", "BHXH", "--as-of", "30/06/2020", "--format", "csv"]).bytes);
    assert_eq!(a.len(), b.len());
    assert_eq!(
        a.iter().map(|r| r[2..].to_vec()).collect::<Vec<_>>(),
        b.iter().map(|r| r[2..].to_vec()).collect::<Vec<_>>()
    );
}

#[test]
fn workbooks_written_by_a_spreadsheet_program_import_with_their_types() {
    let root = env!("CARGO_MANIFEST_DIR");
    for file in ["people.xlsx", "people.ods"] {
        let e = Env::init();
        e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê", "--role", "leader"]);
        e.ok(&["unit", "add", "BHXH", "--name", "Bảo hiểm xã hội tỉnh"]);
        let path = format!("{root}/tests/fixtures/sheets/{file}");
        e.ok(&["person", "import", &path]);
        let rows = csv_rows(&e.ok(&["person", "list", "--format", "csv"]).bytes);
        // A date cell keeps its year; the number 123 is the code "123"; a formula's saved value is read; "0456" stays.
        assert!(
            rows.iter().any(|r| r[1] == "Tạ Thị Dân" && r[5] == "1970" && r[6] == "123" && r[4] == "f"),
            "{file}: {rows:?}"
        );
        assert!(
            rows.iter().any(|r| r[1] == "Trần Thị Yến Phương" && r[5] == "1985" && r[6] == "0456"),
            "{file}: {rows:?}"
        );
        let again = e.ok(&["person", "import", &path]);
        assert!(again.stderr.contains("nothing changed"), "{}", again.stderr);
        let err = e.fails(&["person", "import", &path, "--sheet", "Danh sách"], 1);
        assert!(err.contains("no sheet 'Danh sách'") && err.contains("Nhân sự, Ghi chú"), "{err}");
        let err = e.fails(&["person", "import", &path, "--sheet", "ghi chu"], 1);
        assert!(err.contains(":Ghi chú: missing columns 'unit', 'name'"), "{err}");
    }
}

/// A workbook made here with the writer crate, for the bad cases a spreadsheet program makes.
fn book(path: &std::path::Path, build: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Danh sách").unwrap();
    build(ws);
    wb.save(path).unwrap();
}

#[test]
fn bad_workbooks_are_refused_and_nothing_is_written() {
    let e = Env::init();
    e.seven_units();
    // One bad row names its sheet and row.
    let p = e.path("p.xlsx");
    book(&p, |ws| {
        for (c, h) in ["unit", "name", "gender"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "CT").unwrap();
        ws.write_string(1, 1, "Tạ Thị Dân").unwrap();
        ws.write_string(2, 0, "KHONGCO").unwrap();
        ws.write_string(2, 1, "Lê Văn Bình").unwrap();
        ws.write_string(3, 0, "HQ").unwrap();
        ws.write_string(3, 1, "Phạm Minh Tuấn").unwrap();
        ws.write_string(3, 2, "không rõ").unwrap();
    });
    let err = e.fails(&["person", "import", p.to_str().unwrap()], 1);
    assert!(err.contains("p.xlsx:Danh sách!3: column 'unit'"), "{err}");
    assert!(err.contains("p.xlsx:Danh sách!4: column 'gender'"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM person"), 0);
    // Merged header cells.
    book(&p, |ws| {
        ws.merge_range(0, 0, 0, 1, "Đơn vị và tên", &rust_xlsxwriter::Format::new()).unwrap();
        ws.write_string(1, 0, "CT").unwrap();
    });
    let err = e.fails(&["person", "import", p.to_str().unwrap()], 1);
    assert!(err.contains("the header row has merged cells"), "{err}");
    // An empty sheet; an error cell; text under a header cell left empty.
    book(&p, |_| {});
    let err = e.fails(&["person", "import", p.to_str().unwrap()], 1);
    assert!(err.contains("the sheet 'Danh sách' is empty"), "{err}");
    book(&p, |ws| {
        ws.write_string(0, 0, "unit").unwrap();
        ws.write_string(0, 1, "name").unwrap();
        ws.write_string(0, 3, "born").unwrap();
        ws.write_string(1, 0, "CT").unwrap();
        ws.write_string(1, 1, "Tạ Thị Dân").unwrap();
        ws.write_string(1, 2, "ghi chú lạc cột").unwrap();
    });
    let err = e.fails(&["person", "import", p.to_str().unwrap()], 1);
    assert!(err.contains("Danh sách!2: cell 3 ('ghi chú lạc cột') is under a header cell left empty"), "{err}");
    // Not a workbook at all, a damaged one, an encrypted one (an OLE container, as Office writes them).
    let fake = e.write("fake.xlsx", "unit,name\nCT,Tạ Thị Dân\n");
    let err = e.fails(&["person", "import", &fake], 1);
    assert!(err.contains("cannot read") && err.contains("fake.xlsx") && err.contains("as a workbook"), "{err}");
    let good = std::fs::read(&p).unwrap();
    std::fs::write(e.path("cut.xlsx"), &good[..good.len() / 2]).unwrap();
    let err = e.fails(&["person", "import", e.path("cut.xlsx").to_str().unwrap()], 1);
    assert!(err.contains("cannot read") && err.contains("as a workbook"), "{err}");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    std::fs::write(e.path("locked.xlsx"), &ole).unwrap();
    let err = e.fails(&["person", "import", e.path("locked.xlsx").to_str().unwrap()], 1);
    assert!(err.contains("without a password"), "{err}");
    assert!(!err.contains("panicked"));
    // A sheet that reaches Excel's last row was cut short when a longer list was opened in Excel.
    book(&p, |ws| {
        ws.write_string(0, 0, "unit").unwrap();
        ws.write_string(0, 1, "name").unwrap();
        ws.write_string(1, 0, "CT").unwrap();
        ws.write_string(1, 1, "Tạ Thị Dân").unwrap();
        ws.write_string(1_048_575, 0, "CT").unwrap();
        ws.write_string(1_048_575, 1, "Lê Văn Cuối").unwrap();
    });
    let err = e.fails(&["person", "import", p.to_str().unwrap()], 1);
    assert!(err.contains("the sheet reaches Excel's last row (1048576)"), "{err}");
    // --sheet is for workbooks.
    let csv = e.write("p.csv", "unit,name\nCT,Tạ Thị Dân\n");
    let err = e.fails(&["person", "import", &csv, "--sheet", "A"], 2);
    assert!(err.contains("--sheet 'A' is for a workbook"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM person"), 0);
}

#[test]
fn the_vietnamese_csv_dialect_is_written_and_read_back() {
    let e = bloc();
    e.ok(&["unit", "edit", "HQ", "--female-share", "72,5"]);
    let out = e.ok(&["unit", "list", "--csv-dialect", "vi", "--format", "csv"]).stdout;
    let body = out.trim_start_matches('\u{feff}');
    assert!(body.starts_with("Mã;Tên;Tên viết tắt;Vai trò trong Khối"), "{body}");
    assert!(body.contains(";Khối trưởng;") && body.contains(";72,5;"), "{body}");
    let p = e.ok(&["person", "list", "--csv-dialect", "vi", "--format", "csv"]).stdout;
    assert!(p.contains(";Nữ;"), "{p}");
    // Read back into a fresh file: the same units and people.
    let f = Env::init();
    let u = f.write("u.csv", &out);
    f.ok(&["unit", "import", &u]);
    let pp = f.write("p.csv", &p);
    f.ok(&["person", "import", &pp]);
    let a = csv_rows(&e.ok(&["person", "list", "--format", "csv"]).bytes);
    let b = csv_rows(&f.ok(&["person", "list", "--format", "csv"]).bytes);
    assert_eq!(a, b);
    assert_eq!(f.count("SELECT count(*) FROM unit WHERE code = 'HQ' AND female_share = 72.5"), 1);
    assert_eq!(f.count("SELECT count(*) FROM unit WHERE code = 'CT' AND role = 'leader'"), 1);
}

/// A list that does not start at A1 (a blank first row and column, as a sheet laid out by hand often is) is read
/// from where it starts, and its rows are named as the spreadsheet numbers them. The sheet is read as a stream;
/// a list longer than the reading thread hands over at a time goes through whole.
#[test]
fn a_list_placed_anywhere_on_the_sheet_is_read_and_placed_right() {
    let e = Env::init();
    e.seven_units();
    let p = e.path("lech.xlsx");
    book(&p, |ws| {
        for (c, h) in ["unit", "name", "code"].iter().enumerate() {
            ws.write_string(1, 1 + c as u16, *h).unwrap();
        }
        for i in 0..3000u32 {
            ws.write_string(2 + i, 1, "CT").unwrap();
            ws.write_string(2 + i, 2, format!("Người Số {i}")).unwrap();
            ws.write_string(2 + i, 3, format!("S{i:05}")).unwrap();
        }
    });
    let out = e.ok(&["person", "import", p.to_str().unwrap()]);
    assert!(out.stderr.contains("3000 inserted"), "{}", out.stderr);
    assert_eq!(e.count("SELECT count(*) FROM person WHERE staff_code = 'S02999' AND full_name = 'Người Số 2999'"), 1);
    e.ok(&["db", "check"]);
    book(&p, |ws| {
        for (c, h) in ["unit", "name"].iter().enumerate() {
            ws.write_string(1, 1 + c as u16, *h).unwrap();
        }
        ws.write_string(2, 1, "CT").unwrap();
        ws.write_string(2, 2, "Tạ Thị Dân").unwrap();
        ws.write_string(3, 1, "KHONGCO").unwrap();
        ws.write_string(3, 2, "Lê Văn Bình").unwrap();
    });
    let err = e.fails(&["person", "import", p.to_str().unwrap()], 1);
    assert!(err.contains("lech.xlsx:Danh sách!4: column 'unit'"), "{err}");
}

/// A hidden sheet is read only when it is named; a sheet's exact name is taken before a name equal but for case and
/// accents (issue 33).
#[test]
fn hidden_sheets_are_skipped_and_exact_names_come_first() {
    use rust_xlsxwriter::Workbook;
    let e = Env::init();
    let path = e.path("ds.xlsx");
    let mut wb = Workbook::new();
    let rows = |ws: &mut rust_xlsxwriter::Worksheet, code: &str, name: &str| {
        ws.write_string(0, 0, "code").unwrap();
        ws.write_string(0, 1, "name").unwrap();
        ws.write_string(1, 0, code).unwrap();
        ws.write_string(1, 1, name).unwrap();
    };
    let hidden = wb.add_worksheet().set_name("nháp").unwrap();
    rows(hidden, "NHAP", "Đơn vị nháp");
    hidden.set_hidden(true);
    let lower = wb.add_worksheet().set_name("dữ liệu cũ").unwrap();
    rows(lower, "CU", "Đơn vị cũ");
    // The sheet shown on opening (a workbook's active sheet cannot be hidden).
    lower.set_active(true);
    let data = wb.add_worksheet().set_name("Du lieu").unwrap();
    rows(data, "CT", "Cục Thống kê");
    let other = wb.add_worksheet().set_name("Dữ liệu").unwrap();
    rows(other, "HQ", "Cục Hải quan");
    wb.save(&path).unwrap();
    let file = path.to_str().unwrap();
    // No sheet named: the first one shown, not the hidden draft.
    e.ok(&["unit", "import", file]);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE code = 'CU'"), 1);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE code = 'NHAP'"), 0);
    // Named exactly: that sheet, though one listed before it matches ignoring accents.
    e.ok(&["unit", "import", file, "--sheet", "Dữ liệu"]);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE code = 'HQ'"), 1);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE code = 'CT'"), 0);
    // The hidden sheet when named.
    e.ok(&["unit", "import", file, "--sheet", "nháp"]);
    assert_eq!(e.count("SELECT count(*) FROM unit WHERE code = 'NHAP'"), 1);
}

/// A text longer than a spreadsheet cell holds (32,767 characters) is refused naming its row and column, and no
/// workbook is left behind; CSV takes it whole (issue 33).
#[test]
fn a_text_too_long_for_a_cell_names_its_row_and_column() {
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê"]);
    e.ok(&["unit", "add", "HQ", "--name", "Cục Hải quan", "--note", &"a".repeat(40_000)]);
    let err = e.fails(&["unit", "list", "-o", "u.xlsx"], 1);
    assert!(
        err.contains("row 2, column 'Note': a text longer than the 32767 characters a spreadsheet cell holds"),
        "{err}"
    );
    assert!(!e.path("u.xlsx").exists());
    e.ok(&["unit", "list", "-o", "u.csv"]);
}

/// An .ods cut short right after a row (a copy broken off) is refused at once, not read forever; an .ods error cell
/// ("#DIV/0!", "Err:502") is refused as the .xlsx one is (issue 33 item 4).
#[test]
fn an_ods_cut_short_or_holding_an_error_is_refused() {
    use std::io::{Read, Write};
    let root = env!("CARGO_MANIFEST_DIR");
    let rewrite = |e: &Env, name: &str, change: &dyn Fn(String) -> String| -> String {
        let mut zin =
            zip::ZipArchive::new(std::fs::File::open(format!("{root}/tests/fixtures/sheets/people.ods")).unwrap())
                .unwrap();
        let out = e.path(name);
        let mut zout = zip::ZipWriter::new(std::fs::File::create(&out).unwrap());
        for i in 0..zin.len() {
            let mut f = zin.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            zout.start_file(name.clone(), opts).unwrap();
            if name == "content.xml" {
                bytes = change(String::from_utf8(bytes).unwrap()).into_bytes();
            }
            zout.write_all(&bytes).unwrap();
        }
        zout.finish().unwrap();
        out.to_string_lossy().into_owned()
    };
    let e = Env::init();
    e.ok(&["unit", "add", "CT", "--name", "Cục Thống kê", "--role", "leader"]);
    e.ok(&["unit", "add", "BHXH", "--name", "Bảo hiểm xã hội tỉnh"]);
    let cut = rewrite(&e, "cut.ods", &|s| {
        let at = s.find("</table:table-row>").unwrap() + "</table:table-row>".len();
        s[..at].to_string()
    });
    let start = std::time::Instant::now();
    let err = e.fails(&["person", "import", &cut], 1);
    assert!(err.contains("is cut short"), "{err}");
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
    let wrong = rewrite(&e, "error.ods", &|s| s.replacen("Tạ Thị Dân", "#DIV/0!", 1));
    let err = e.fails(&["person", "import", &wrong], 1);
    assert!(err.contains("holds an error (#DIV/0!)"), "{err}");
    assert_eq!(e.count("SELECT count(*) FROM person"), 0);
}
