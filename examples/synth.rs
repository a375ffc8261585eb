//! Synthetic data at national scale for the benchmark (`bench/run.sh`): CSV files in the import formats, with
//! realistic Vietnamese names (NFC, and a few NFD as Unikey's composed setting sends them) and a few percent of
//! rows in the odd forms users send: a byte-order mark, semicolons, d/m/yyyy dates, unit names instead of codes,
//! "nữ"/"Nam" for the gender, document numbers typed loosely.
//!
//! cargo run --release --example synth -- --people 1000000 --out bench/data
//!
//! `--units N` sets how many units (default one per 50 people); `--scatter` gives the second shape of the
//! benchmark: each person's unit drawn at random (the rows in no unit order) and units with long names, as a
//! province's district offices are written out in full.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use unicode_normalization::UnicodeNormalization;

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý",
];
const MIDDLE: &[&str] =
    &["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Thu", "Hồng", "Quốc", "Xuân", "Thị Thu", "Văn Đức"];
const GIVEN: &[&str] = &[
    "An", "Anh", "Bình", "Châu", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Nhung", "Phong", "Phương", "Quang", "Sơn", "Tâm",
    "Thảo", "Thành", "Trang", "Trung", "Tuấn", "Uyên", "Vy", "Yến", "Ánh", "Ước",
];
const AGENCIES: &[&str] = &[
    "Cục Thuế",
    "Bảo hiểm xã hội",
    "Cục Hải quan",
    "Kho bạc Nhà nước",
    "Ngân hàng Nhà nước",
    "Cục Thống kê",
    "Quản lý thị trường",
];
const POSITIONS: &[&str] =
    &["Chuyên viên", "Chuyên viên chính", "Trưởng phòng", "Phó Trưởng phòng", "Kiểm soát viên", "Nhân viên", "Kế toán"];
const PROVINCES: &[&str] =
    &["Tây Ninh", "Bình Dương", "Đồng Nai", "Long An", "Cần Thơ", "Huế", "Đà Nẵng", "Hà Nội", "Bắc Ninh", "Phú Thọ"];

/// xorshift64*: deterministic, so two runs bench the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
    /// True about `pct` percent of the time.
    fn odd(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
}

fn file(dir: &std::path::Path, name: &str, bom: bool) -> std::io::Result<BufWriter<File>> {
    let mut w = BufWriter::with_capacity(1 << 20, File::create(dir.join(name))?);
    if bom {
        w.write_all(b"\xEF\xBB\xBF")?;
    }
    Ok(w)
}

fn main() -> std::io::Result<()> {
    let mut people: usize = 100_000;
    let mut out = PathBuf::from("bench/data");
    let mut units = 0;
    let mut scatter = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--people" => people = args.next().and_then(|v| v.replace('_', "").parse().ok()).unwrap_or(people),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--units" => units = args.next().and_then(|v| v.replace('_', "").parse().ok()).unwrap_or(units),
            "--scatter" => scatter = true,
            other => {
                eprintln!("synth: unknown argument {other}; use --people N --out DIR [--units N] [--scatter]");
                std::process::exit(2);
            }
        }
    }
    std::fs::create_dir_all(&out)?;
    let units = if units == 0 { people / 50 } else { units }.max(7);
    // People come unit by unit, as each unit sends its own list; scattered, a person's unit is a hash of their
    // number (the same in every file).
    let unit_of = |p: usize| {
        if scatter {
            let mut x = (p as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
            x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((x ^ (x >> 31)) % units as u64) as usize
        } else {
            (p * units / people.max(1)).min(units - 1)
        }
    };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);

    // Units: the first seven are the bloc's members; the rest are their sub-units (district offices). BOM.
    let mut w = file(&out, "units.csv", true)?;
    writeln!(w, "code,name,short,parent,role,sector")?;
    let unit_name = |i: usize| -> String {
        if i < 7 {
            format!("{} tỉnh", AGENCIES[i])
        } else if scatter {
            let (a, p) = (AGENCIES[i % 7], PROVINCES[i % PROVINCES.len()]);
            format!("Chi cục {a} khu vực {p} số {i} trực thuộc {a} tỉnh {p} (phòng Tổ chức cán bộ)")
        } else {
            format!("{} khu vực {} số {i}", AGENCIES[i % 7], PROVINCES[i % PROVINCES.len()])
        }
    };
    for i in 0..units {
        let (parent, role) = if i < 7 {
            (String::new(), if i == 5 { "leader" } else { "member" })
        } else {
            (format!("U{:05}", i % 7), "")
        };
        writeln!(w, "U{i:05},{},,{parent},{role},Bộ Tài chính", unit_name(i))?;
    }
    w.flush()?;

    // People: staff codes; a few NFD names, units named instead of coded, Vietnamese gender words.
    let mut w = file(&out, "people.csv", false)?;
    writeln!(w, "unit,name,position,gender,born,code")?;
    for p in 0..people {
        let u = unit_of(p);
        let name = format!("{} {} {}", rng.pick(FAMILY), rng.pick(MIDDLE), rng.pick(GIVEN));
        let name = if rng.odd(3) { name.nfd().collect() } else { name };
        let unit = if rng.odd(2) { unit_name(u) } else { format!("U{u:05}") };
        let gender = match (rng.below(2), rng.odd(5)) {
            (0, false) => "f",
            (0, true) => "nữ",
            (_, false) => "m",
            (_, true) => "Nam",
        };
        writeln!(w, "{unit},{name},{},{gender},{},P{p:07}", rng.pick(POSITIONS), 1960 + rng.below(40))?;
    }
    w.flush()?;

    // Registrations: one per person (LĐTT, some CSTĐCS), a collective title per unit. Semicolons and a BOM, as a
    // comma-decimal spreadsheet saves them; some dates d/m/yyyy, some ISO.
    let mut w = file(&out, "registrations.csv", true)?;
    writeln!(w, "unit;person_code;title;date")?;
    for u in 0..units {
        writeln!(w, "U{u:05};;TTLDTT;15/01/2020")?;
    }
    for p in 0..people.saturating_sub(units) {
        let title = if rng.odd(15) { "CSTDCS" } else { "LDTT" };
        let date = match rng.below(20) {
            0 => "5/1/2020".to_string(),
            1 => "2020-01-05".to_string(),
            _ => "05/01/2020".to_string(),
        };
        writeln!(w, "U{:05};P{p:07};{title};{date}", unit_of(p))?;
    }
    w.flush()?;

    // The pledge of the seven members: targets and their mid-year and year-end figures.
    let mut w = file(&out, "pledge.csv", false)?;
    writeln!(w, "unit,target,measure,goal,at_most,actual,as_of,met")?;
    for u in 0..7 {
        writeln!(w, "U{u:05},Hoàn thành xuất sắc nhiệm vụ chính trị được giao,,,,,30/06/2020,met")?;
        for (as_of, actual) in [("30/06/2020", "52,5"), ("31/12/2020", "101,2")] {
            writeln!(w, "U{u:05},Thu ngân sách đạt 100% dự toán,%,100,,\"{actual}\",{as_of},")?;
            writeln!(w, "U{u:05},\"Tỷ lệ nợ đọng không vượt quá\",%,\"1,5\",có,\"1,2\",{as_of},")?;
        }
    }
    w.flush()?;

    // The scoring table and the members' sheets.
    let mut w = file(&out, "criteria.csv", false)?;
    writeln!(w, "code,group,group_name,name,max,kind")?;
    let criteria = [
        ("A1", "A", 40.0),
        ("A2", "A", 20.0),
        ("B1", "B", 20.0),
        ("C1", "C", 20.0),
        ("T1", "T", 5.0),
        ("P1", "P", 5.0),
    ];
    for (c, g, max) in criteria {
        let kind = match g {
            "T" => "bonus",
            "P" => "penalty",
            _ => "base",
        };
        writeln!(w, "{c},{g},Nhóm {g},Tiêu chí {c},{max},{kind}")?;
    }
    w.flush()?;
    let mut w = file(&out, "scores.csv", false)?;
    writeln!(w, "unit,criterion,self,assessed,evidence")?;
    for u in 0..7 {
        for (c, _, max) in criteria {
            let own = (max * (0.8 + rng.below(20) as f64 / 100.0)).floor();
            writeln!(w, "U{u:05},{c},{own},{},Báo cáo năm 2020", (own - rng.below(2) as f64).max(0.0))?;
        }
    }
    w.flush()?;

    // Awards: N/4 recipients over decisions of 100 each, the decision repeated in every row; a few numbers
    // typed loosely.
    let mut w = file(&out, "awards.csv", false)?;
    writeln!(w, "decision,decision_date,issuer,code,unit,person_code,year,basis,reason")?;
    for a in 0..people / 4 {
        let d = a / 100 + 1;
        let number = if d % 17 == 0 { format!("{d} / QD-UBND") } else { format!("{d}/QĐ-UBND") };
        let (code, unit, person) = if a % 50 == 0 {
            ("TTLDXS", format!("U{:05}", (a / 50) % units), String::new())
        } else {
            ("LDTT", format!("U{:05}", unit_of(a)), format!("P{a:07}"))
        };
        writeln!(
            w,
            "{number},12/01/2021,UBND tỉnh Tây Ninh,{code},{unit},{person},2020,merit,Hoàn thành tốt nhiệm vụ năm 2020"
        )?;
    }
    w.flush()?;
    // Ratings of the year: every person (a few not rated, as people who worked under six months), and every unit.
    let mut w = file(&out, "ratings.csv", false)?;
    writeln!(w, "unit,person_code,year,rating,doc,doc_date")?;
    for u in 0..units {
        writeln!(w, "U{u:05},,2020,{},{}/QĐ-BTC,28/12/2020", if rng.odd(30) { "excellent" } else { "good" }, u + 1)?;
    }
    for p in 0..people.saturating_sub(units) {
        let level = match rng.below(20) {
            0..=2 => "excellent",
            3..=16 => "good",
            17 | 18 => "completed",
            _ => "not_rated",
        };
        writeln!(w, "U{:05},P{p:07},2020,{level},{}/QĐ-TCCB,20/12/2020", unit_of(p), unit_of(p) + 1)?;
    }
    w.flush()?;

    eprintln!("synth: {people} people, {units} units in {}", out.display());
    Ok(())
}
