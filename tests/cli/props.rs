//! Property tests of the text and date parsers and the CSV round trip: arbitrary Vietnamese strings, NFD input,
//! cells starting with formula signs, quotes, newlines. An error is an error message, never a panic.

use proptest::prelude::*;
use thidua::import::{self, col, Col};
use thidua::output::{emit_table, Cell, Lang, Opts, Table};
use thidua::text;
use unicode_normalization::UnicodeNormalization;

/// Vietnamese letters with every tone, ASCII, spaces, punctuation a cell may hold, formula signs, newlines.
fn viet() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zA-Z0-9 àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐƯƠ=+@'\",;\\-\\n\\t]{0,24}",
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn clean_is_nfc_and_idempotent(s in viet()) {
        let c = text::clean(&s);
        prop_assert!(unicode_normalization::is_nfc(&c));
        prop_assert_eq!(text::clean(&c), c.clone());
        // NFD input comes out the same as NFC input.
        prop_assert_eq!(text::clean(&s.nfd().collect::<String>()), c);
    }

    #[test]
    fn match_keys_ignore_normal_form_and_case(s in viet()) {
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(text::match_key(&nfd), text::match_key(&s));
        prop_assert_eq!(text::match_key(&s.to_uppercase()), text::match_key(&s.to_lowercase()));
        prop_assert_eq!(text::fold_key(&nfd), text::fold_key(&s));
    }

    #[test]
    fn parsers_never_panic(s in "\\PC{0,30}") {
        let _ = text::parse_date(&s);
        let _ = text::parse_number(&s);
        let _ = text::parse_period(&s);
        let _ = text::doc_number(&s);
        let _ = text::split_name(&text::clean(&s), None, None);
        if let Err(e) = text::parse_date(&s) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn dates_round_trip(y in 1900i32..=2100, m in 1u32..=12, d in 1u32..=31) {
        if let Some(date) = chrono::NaiveDate::from_ymd_opt(y, m, d) {
            prop_assert_eq!(text::parse_date(&text::format_date(date)), Ok(date));
            prop_assert_eq!(text::parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
            let short = format!("{}/{}/{}", d, m, y);
            prop_assert_eq!(text::parse_date(&short), Ok(date));
        } else {
            let impossible = format!("{:02}/{:02}/{}", d, m, y);
            prop_assert!(text::parse_date(&impossible).is_err());
        }
    }

    #[test]
    fn numbers_round_trip_in_both_styles(cents in -10_000_000i64..10_000_000) {
        let x = cents as f64 / 100.0;
        for vi in [true, false] {
            let shown = text::format_number(x, vi);
            let back = text::parse_number(&shown).unwrap();
            prop_assert!((back - x).abs() < 1e-9, "{} → {} → {}", x, shown, back);
        }
    }

    #[test]
    fn document_numbers_normalise_once(n in 1u32..99999, kind in "(QD|QĐ|qd|TTr|KH|BC)", issuer in "(UBND|SNV|BHXH|CTK|ubnd)") {
        let once = text::doc_number(&format!("{n} / {kind} - {issuer}")).unwrap();
        prop_assert_eq!(text::doc_number(&once).unwrap(), once.clone());
        prop_assert!(!once.contains(' '));
    }

    #[test]
    fn csv_cells_round_trip(cells in proptest::collection::vec(viet(), 1..8)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        // A free-text column: one that may hold a line break (a name may not; that is an error of its own).
        let mut t = Table::new("t", &["note"]);
        for c in &cells {
            t.push(vec![Cell::Text(c.clone())]);
        }
        let opts = Opts { format: None, output: Some(path.clone()), lang: Lang::En, bom: true, table: None, dialect: Default::default(), force: false };
        emit_table(&t, &opts).unwrap();
        const COLS: &[Col] = &[col("note", true, &[])];
        let mut src = import::open(path.to_str().unwrap(), COLS, &[], None).unwrap();
        let mut got = Vec::new();
        let mut errors = import::Errors::new("t.csv");
        import::each_row(&mut src, true, &mut errors, |row| {
            got.push(row.get("note"));
            Ok(())
        }).unwrap();
        errors.finish().unwrap();
        // Every cell with text reads back as it was (cleaned); blank ones read as empty, or are skipped with their
        // row, as a spreadsheet's empty lines are.
        let want: Vec<String> = cells.iter().filter_map(|c| text::clean_opt(c)).collect();
        let got: Vec<String> = got.into_iter().flatten().collect();
        prop_assert_eq!(got, want);
    }
}
