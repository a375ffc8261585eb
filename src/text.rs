//! Vietnamese text at the boundary: NFC, match keys, name parts, collation, dates, numbers.
//!
//! Every string that enters the tool (arguments, CSV cells) goes through [`clean`] so the file only ever holds NFC
//! (docs/domain.md §5.1: Unikey's "tổ hợp" setting and macOS send NFD). Lookups compare [`match_key`]s, which ignore case
//! and where the tone mark sits ("hòa" = "hoà", §7.2), and fall back to [`fold_key`], which ignores all accents
//! ("cuc thue" finds "Cục Thuế", §7.4).

use std::cmp::Ordering;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A value that does not read as what it should be: the message's English template (a key of the catalog of
/// messages) and the values in it. The words are chosen where it is shown (`msg::Msg`, `output/messages.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct Bad {
    pub key: &'static str,
    pub values: Vec<String>,
}

impl Bad {
    pub fn new(key: &'static str, values: Vec<String>) -> Bad {
        Bad { key, values }
    }
}

/// A value parser's error for clap, which hands it back as the source of its own.
impl std::error::Error for Bad {}

/// In English, as the template reads with its values (clap and logs).
impl std::fmt::Display for Bad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut values = self.values.iter();
        let mut parts = self.key.split("{}");
        f.write_str(parts.next().unwrap_or_default())?;
        for p in parts {
            f.write_str(values.next().map_or("", String::as_str))?;
            f.write_str(p)?;
        }
        Ok(())
    }
}

/// Characters no one types on purpose and that a terminal or a reader cannot see: control characters (C0, DEL, C1:
/// a BEL or an ESC sequence in a name would ring or recolour a terminal, and no XML can hold them), zero-width
/// characters and the bidirectional controls (an RLO reverses what follows: a visual twin of another name).
pub fn invisible(c: char) -> bool {
    // By ranges, the printable ASCII first: this runs on every character of every cell an import reads.
    match c as u32 {
        0x20..=0x7E => false,
        0..=0x1F => !c.is_whitespace(),
        0x7F..=0x9F => true,
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x2069 | 0xFEFF => true,
        _ => false,
    }
}

/// NFC, trimmed, inner runs of whitespace collapsed to one space, the characters [`invisible`] removed, and the PDF
/// confusable "Ð" (U+00D0, Icelandic eth) read as "Đ" (U+0110, docs/domain.md §5.1). Used for every text value a
/// person types.
pub fn clean(s: &str) -> String {
    let s = s.trim();
    if clean_as_is(s.as_bytes()) {
        return s.to_string();
    }
    // One pass over the text to see that it is clean already, as nearly every cell of a large list is: the NFC
    // quick check sees each character, and the same pass looks for what else would change it.
    let mut simple = true;
    let mut space = false;
    let mut latin = true;
    for c in s.chars() {
        let odd = match c {
            ' ' => space,
            '\u{00D0}' | '\u{00F0}' => true,
            c => c.is_whitespace() || invisible(c),
        };
        simple &= !odd;
        space = c == ' ';
        latin &= plain_latin(c);
    }
    // Latin letters, Vietnamese precomposed ones included, are NFC each alone; other text is asked of the tables.
    if simple && (latin || is_nfc_quick(s.chars()) == IsNormalized::Yes) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let visible: String = s.chars().filter(|&c| !invisible(c)).collect();
    for word in visible.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.nfc().map(|c| match c {
            '\u{00D0}' => 'Đ',
            '\u{00F0}' => 'đ',
            c => c,
        }));
    }
    out
}

/// Whether a trimmed text is clean as it is, seen byte by byte without decoding a character: printable ASCII with
/// single spaces (codes, numbers, dates), and the [`plain_latin`] letters a Vietnamese name or title is written
/// with — Latin-1 from U+00C0 bar the eth (U+00D0, U+00F0), Latin Extended-A and -B, the precomposed block
/// U+1E00–U+1EFF — none a space or [`invisible`], each NFC alone. Anything else is for the slower pass of [`clean`]
/// (an import cleans every cell: decoded character by character this was a tenth of its reading).
fn clean_as_is(s: &[u8]) -> bool {
    let (mut i, mut space) = (0, false);
    while let Some(&b) = s.get(i) {
        // `s` is UTF-8: a lead byte says how long its character is.
        let width = match b {
            0x21..=0x7E => 1,
            b' ' if !space => 1,
            0xC3 if !matches!(s.get(i + 1), Some(0x90 | 0xB0)) => 2,
            0xC4..=0xCB => 2,
            0xE1 if matches!(s.get(i + 1), Some(0xB8..=0xBB)) => 3,
            _ => return false,
        };
        space = b == b' ';
        i += width;
    }
    true
}

/// [`clean`], with an empty result read as "not given".
pub fn clean_opt(s: &str) -> Option<String> {
    let c = clean(s);
    (!c.is_empty()).then_some(c)
}

/// Checks a code as the secretary types it for units, campaigns, titles (docs/architecture.md): short ASCII.
pub fn check_code(kind: &str, code: &str) -> Result<String, Bad> {
    let c = code.trim();
    // A Vietnamese letter (the Đ of KHĐT) has its plain letter: offer the code it would be.
    if !c.is_empty() && !c.is_ascii() && c.chars().all(|ch| ch.is_alphanumeric() || "_-. ".contains(ch)) {
        let plain: String = fold_key(c).to_uppercase().replace(' ', "_");
        if !plain.is_empty()
            && plain.len() <= 32
            && plain.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
        {
            let v = vec![c.into(), plain];
            return Err(match kind {
                "unit" => Bad::new("unit code '{}' holds letters outside A–Z: write it {}", v),
                "campaign" => Bad::new("campaign code '{}' holds letters outside A–Z: write it {}", v),
                "catalog" => Bad::new("catalog code '{}' holds letters outside A–Z: write it {}", v),
                "criterion" => Bad::new("criterion code '{}' holds letters outside A–Z: write it {}", v),
                _ => Bad::new("group code '{}' holds letters outside A–Z: write it {}", v),
            });
        }
    }
    if c.is_empty() || c.len() > 32 || !c.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b)) {
        let v = vec![c.into()];
        return Err(match kind {
            "unit" => Bad::new(
                "unit code '{}' is not a code: use up to 32 letters A–Z, digits, '_', '-' or '.' (e.g. BHXH, CT_TN)",
                v,
            ),
            "campaign" => Bad::new(
                "campaign code '{}' is not a code: use up to 32 letters A–Z, digits, '_', '-' or '.' (e.g. BHXH, CT_TN)",
                v,
            ),
            "catalog" => Bad::new(
                "catalog code '{}' is not a code: use up to 32 letters A–Z, digits, '_', '-' or '.' (e.g. BHXH, CT_TN)",
                v,
            ),
            "criterion" => Bad::new(
                "criterion code '{}' is not a code: use up to 32 letters A–Z, digits, '_', '-' or '.' (e.g. BHXH, CT_TN)",
                v,
            ),
            _ => Bad::new(
                "group code '{}' is not a code: use up to 32 letters A–Z, digits, '_', '-' or '.' (e.g. BHXH, CT_TN)",
                v,
            ),
        });
    }
    Ok(c.to_string())
}

/// The candidates nearest to `input` by edit distance over their accent-free keys (a typo's likely meaning),
/// closest first, at most `n`; used for "did you mean" hints.
pub fn nearest<'a>(input: &str, candidates: impl Iterator<Item = &'a str>, n: usize) -> Vec<String> {
    let q = fold_key(input).replace(' ', "_");
    let limit = (q.chars().count() / 2).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .map(|c| {
            let k = fold_key(c).replace(' ', "_");
            let d = if k.starts_with(&q) || q.starts_with(&k) { 1 } else { levenshtein(&q, &k) };
            (d, c)
        })
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, c)| c.to_string()).collect()
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Normalises a document number ("số, ký hiệu", docs/domain.md §5.7): NFC, spaces dropped, dashes made '-', the type
/// "QD" read as "QĐ", a leading "Số:" dropped. `123 / QD-UBND` → `123/QĐ-UBND`; `86/2025/QĐ-UBND` keeps its year.
/// The shape is number / [year /] TYPE-ISSUER…; anything else is refused with an example.
pub fn doc_number(input: &str) -> Result<String, Bad> {
    let mut s: String = clean(input).chars().filter(|c| !c.is_whitespace()).collect();
    s = s.replace(['–', '—', '‐', '‑'], "-");
    for prefix in ["Số:", "số:", "SỐ:", "Số", "số", "So:", "so:"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                s = rest.to_string();
            }
            break;
        }
    }
    let bad = || {
        Bad::new(
            "'{}' is not a document number: write it as {} (or {})",
            vec![input.trim().into(), "123/QĐ-UBND".into(), "86/2025/QĐ-UBND".into()],
        )
    };
    let parts: Vec<&str> = s.split('/').collect();
    let (seq, year, symbol) = match parts[..] {
        [seq, symbol] => (seq, None, symbol),
        [seq, year, symbol] if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => (seq, Some(year), symbol),
        _ => return Err(bad()),
    };
    if seq.is_empty() || !seq.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let tokens: Vec<&str> = symbol.split('-').collect();
    let letter = |c: char| c.is_ascii_alphabetic() || c == 'Đ' || c == 'đ';
    if tokens.len() < 2
        || tokens.iter().any(|t| t.is_empty())
        || !tokens[0].chars().all(letter)
        || !tokens[1..].iter().all(|t| t.chars().all(|c| letter(c) || c.is_ascii_digit() || c == '&' || c == '.'))
    {
        return Err(bad());
    }
    // A token typed all in lower case is written in capitals; mixed case ("TTr") is kept as typed.
    let tokens: Vec<String> = tokens
        .iter()
        .map(|t| if t.chars().any(char::is_uppercase) { t.to_string() } else { t.to_uppercase() })
        .collect();
    let kind = match tokens[0].as_str() {
        "QD" | "Qd" | "QĐ" | "Qđ" => "QĐ",
        t => t,
    };
    let seq = seq.trim_start_matches('0');
    let seq = if seq.is_empty() { "0" } else { seq };
    let mut out = String::from(seq);
    out.push('/');
    if let Some(y) = year {
        out.push_str(y);
        out.push('/');
    }
    out.push_str(kind);
    for t in &tokens[1..] {
        out.push('-');
        out.push_str(t);
    }
    Ok(out)
}

/// Parses an achievement year or period: "2019", "2015-2020", "2015 – 2020".
pub fn parse_period(input: &str) -> Result<(i32, i32), Bad> {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).collect::<String>().replace(['–', '—'], "-");
    match s.split_once('-') {
        None => parse_year(&s).map(|y| (y, y)),
        Some((a, b)) => {
            let (a, b) = (parse_year(a)?, parse_year(b)?);
            if b < a {
                return Err(Bad::new("'{}': the period ends before it starts", vec![input.trim().into()]));
            }
            Ok((a, b))
        }
    }
}

/// A year or period as written: "2019" or "2015–2020".
pub fn format_period(from: i64, to: i64) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// The five Vietnamese tone marks as combining characters (plus the two deprecated tone-mark code points that
/// decompose to grave and acute).
fn tone_of(c: char) -> Option<char> {
    match c {
        '\u{0300}' | '\u{0340}' => Some('\u{0300}'), // huyền
        '\u{0301}' | '\u{0341}' => Some('\u{0301}'), // sắc
        '\u{0303}' => Some('\u{0303}'),              // ngã
        '\u{0309}' => Some('\u{0309}'),              // hỏi
        '\u{0323}' => Some('\u{0323}'),              // nặng
        _ => None,
    }
}

/// The match key of docs/domain.md §5.2: lower case, decomposed, each word's tone mark moved to the end of the word, so
/// "Hòa Bình" and "Hoà Bình" (both valid NFC, different code points) get one key. Letters that are different letters
/// in Vietnamese (a/ă/â, d/đ, o/ô/ơ, u/ư) stay different.
pub fn match_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    match_key_each(s, |c| out.push(c));
    out
}

/// The characters of [`match_key`] one by one.
fn match_key_each(s: &str, mut push: impl FnMut(char)) {
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            push(' ');
        }
        let mut tone = None;
        each_nfd_lower(word, |c| match (tone_of(c), c) {
            (Some(t), _) => tone = Some(t),
            (None, 'ð') => push('đ'),
            (None, c) => push(c),
        });
        if let Some(t) = tone {
            push(t);
        }
    }
}

/// [`match_key`] and [`fold_key`] of a text made in one pass: the match key is the text decomposed and in lower
/// case already (each word's tone moved to its end, where the fold drops it with every other mark), so the fold
/// only filters its characters as they come. A person's two keys are made this way (an import makes them for every
/// row).
pub fn match_and_fold_keys(s: &str) -> (String, String) {
    let mut key = String::with_capacity(s.len() + 4);
    let mut f = Fold::new(s.len());
    match_key_each(s, |c| {
        key.push(c);
        f.push(c);
    });
    (key, f.out)
}

/// The accent-free key: no marks at all, đ read as d, punctuation (quotes, commas, dashes) as a space. Used as the
/// fallback of lookups and for catalog names written with or without quotes (docs/domain.md §5.8).
pub fn fold_key(s: &str) -> String {
    let mut f = Fold::new(s.len());
    each_nfd_lower(s, |c| f.push(c));
    f.out
}

/// The accent-free key built from decomposed lower-case characters, one at a time.
struct Fold {
    out: String,
    /// A character other than a letter or a digit came since the last one: a space before the next.
    space: bool,
}

impl Fold {
    fn new(len: usize) -> Self {
        Fold { out: String::with_capacity(len), space: false }
    }

    fn push(&mut self, c: char) {
        if c >= '\u{300}' && is_combining_mark(c) {
            return;
        }
        let c = match c {
            'đ' | 'ð' => 'd',
            c => c,
        };
        if c.is_alphanumeric() {
            if self.space && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.space = false;
            self.out.push(c);
        } else {
            self.space = true;
        }
    }
}

/// The characters of `s` decomposed (NFD) and in lower case, as `s.nfd().flat_map(char::to_lowercase)` gives
/// them. Text without a combining mark of its own (all NFC text the tool stores, Vietnamese precomposed) needs no
/// reordering of marks, so each character is decomposed alone: a national import computes two keys a row.
fn each_nfd_lower(s: &str, mut f: impl FnMut(char)) {
    if s.chars().any(|c| !plain_latin(c) && is_combining_mark(c)) {
        s.nfd().flat_map(char::to_lowercase).for_each(f);
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            f(c.to_ascii_lowercase());
        } else if let Some(d) = latin_nfd_lower(c) {
            d.iter().for_each(|&c| f(c));
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| d.to_lowercase().for_each(&mut f));
        }
    }
}

/// The letters below the combining marks (U+0000–U+02FF: Latin-1, Latin Extended-A and -B, with Đ, Ơ, Ư) and
/// the Latin Extended Additional block (U+1E00–U+1EFF: Vietnamese precomposed letters with their tones): no
/// combining mark among them, and each is in NFC alone (the unit test asks the Unicode tables of every one).
fn plain_latin(c: char) -> bool {
    matches!(c as u32, 0..=0x2FF | 0x1E00..=0x1EFF)
}

/// A non-ASCII [`plain_latin`] letter decomposed and in lower case, from a table made once: an import computes
/// two name keys a row, and the Unicode tables' lookups were a tenth of its reading.
fn latin_nfd_lower(c: char) -> Option<&'static [char]> {
    const BLOCKS: [(u32, u32); 2] = [(0x80, 0x300), (0x1E00, 0x1F00)];
    static TABLE: OnceLock<Vec<([char; 4], u8)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        BLOCKS
            .iter()
            .flat_map(|&(from, to)| from..to)
            .map(|u| {
                let mut out = (['\0'; 4], 0u8);
                let c = char::from_u32(u).unwrap_or('\0');
                unicode_normalization::char::decompose_canonical(c, |d| {
                    for l in d.to_lowercase() {
                        // No letter of these blocks has more than four: a longer one is left to the tables.
                        if let Some(slot) = out.0.get_mut(usize::from(out.1)) {
                            *slot = l;
                        }
                        out.1 = out.1.saturating_add(1);
                    }
                });
                out
            })
            .collect()
    });
    let u = c as u32;
    let mut at = 0;
    for (from, to) in BLOCKS {
        if (from..to).contains(&u) {
            let (chars, n) = &table[at + (u - from) as usize];
            return chars.get(..usize::from(*n));
        }
        at += (to - from) as usize;
    }
    None
}

/// The parts of a Vietnamese name (docs/domain.md §5.4): family + middle + given ("Nguyễn Thị Thu Hà": given "Hà").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts {
    pub family: String,
    pub middle: String,
    pub given: String,
}

/// Splits a cleaned full name: first word family, last word given, the rest middle. `family` and `given` override
/// the split for compound family names ("Tôn Nữ") or two-word given names; each must start (or end) the full name.
pub fn split_name(full: &str, family: Option<&str>, given: Option<&str>) -> Result<NameParts, Bad> {
    let words: Vec<&str> = full.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Err(Bad::new("a name is required", Vec::new()));
    }
    let fam_words = match family {
        Some(f) => {
            let fw: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
            if fw.is_empty() || fw.len() > words.len() || words[..fw.len()] != fw[..] {
                return Err(Bad::new("family name '{}' does not begin the name '{}'", vec![f.into(), full.into()]));
            }
            fw.len()
        }
        None => usize::from(words.len() > 1),
    };
    let given_words = match given {
        Some(g) => {
            let gw: Vec<&str> = g.split(' ').filter(|w| !w.is_empty()).collect();
            if gw.is_empty() || gw.len() > words.len() || words[words.len() - gw.len()..] != gw[..] {
                return Err(Bad::new("given name '{}' does not end the name '{}'", vec![g.into(), full.into()]));
            }
            gw.len()
        }
        None => 1,
    };
    if fam_words + given_words > words.len() {
        return Err(Bad::new("family and given name overlap in '{}'", vec![full.into()]));
    }
    let given_at = words.len() - given_words;
    Ok(NameParts {
        family: joined(full, &words[..fam_words]),
        middle: joined(full, &words[fam_words..given_at]),
        given: joined(full, &words[given_at..]),
    })
}

/// Words of `full` joined by one space: the stretch of `full` they span when one space is all that parts them there
/// (a cleaned name: no new text made but the copy), else joined anew.
fn joined(full: &str, words: &[&str]) -> String {
    let at = |w: &str| w.as_ptr() as usize - full.as_ptr() as usize;
    match (words.first(), words.last()) {
        (Some(first), Some(last)) if words.windows(2).all(|p| at(p[0]) + p[0].len() + 1 == at(p[1])) => {
            full[at(first)..at(last) + last.len()].to_string()
        }
        _ => words.join(" "),
    }
}

/// The Vietnamese collator of CLDR (a < ă < â, d < đ, tones ordered ngang < huyền < hỏi < ngã < sắc < nặng;
/// docs/domain.md §5.3). NFD and NFC compare equal.
pub fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        let locale = icu_locale_core::locale!("vi");
        // The baked data carries "vi"; should it ever be missing, the root collator is still a total order.
        Collator::try_new(locale.into(), CollatorOptions::default())
            .or_else(|_| Collator::try_new(Default::default(), CollatorOptions::default()))
            .expect("ICU4X root collation data is compiled in")
    })
}

/// Compares two strings the Vietnamese way; equal under the collator falls back to code points so the order is
/// total and stable.
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    collator().compare(a, b).then_with(|| a.cmp(b))
}

/// Parses a date as a secretary writes it: `dd/mm/yyyy`, `d/m/yyyy` (also with `.` or `-`), or ISO `yyyy-mm-dd`.
/// Two-digit years and impossible dates are refused with the value named; m/d is never guessed (docs/domain.md §5.5).
pub fn parse_date(input: &str) -> Result<NaiveDate, Bad> {
    let s = input.trim();
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let bad = || Bad::new("'{}' is not a date (write dd/mm/yyyy or yyyy-mm-dd)", vec![s.into()]);
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(bad());
    }
    let (y, m, d) = if parts[0].len() == 4 { (parts[0], parts[1], parts[2]) } else { (parts[2], parts[1], parts[0]) };
    if y.len() != 4 {
        return Err(Bad::new(
            "'{}' has a {}-digit year; write the year in full (dd/mm/yyyy)",
            vec![s.into(), y.len().to_string()],
        ));
    }
    if m.len() > 2 || d.len() > 2 {
        return Err(bad());
    }
    let (y, m, d): (i32, u32, u32) =
        (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    if !(1900..=2100).contains(&y) {
        return Err(Bad::new("'{}': the year {} is outside 1900–2100", vec![s.into(), y.to_string()]));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        Bad::new(
            "'{}' is not a date: there is no day {} in month {} of {}",
            vec![s.into(), d.to_string(), m.to_string(), y.to_string()],
        )
    })
}

/// A corrected text field: what was stored when the option is not given, none when it is given empty (an empty
/// text clears it), else the new text.
pub fn edited(given: &Option<String>, stored: Option<String>) -> Option<String> {
    given.clone().map_or(stored, |v| Some(v).filter(|v| !v.is_empty()))
}

/// Today's date; `THIDUA_TODAY` (ISO) fixes it for tests and for reproducing a report as of a day.
pub fn today() -> NaiveDate {
    std::env::var("THIDUA_TODAY")
        .ok()
        .and_then(|s| parse_date(&s).ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Today, held within a year: the 1 January or 31 December of that year when today is outside it.
pub fn today_within(year: i32) -> NaiveDate {
    let t = today();
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(t);
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(t);
    t.clamp(first, last)
}

/// A date as tables show it: dd/mm/yyyy.
pub fn format_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// Parses a year written in full.
pub fn parse_year(input: &str) -> Result<i32, Bad> {
    let s = input.trim();
    match s.parse::<i32>() {
        Ok(y) if s.len() == 4 && (1900..=2100).contains(&y) => Ok(y),
        _ => Err(Bad::new("'{}' is not a year (write it in full, e.g. 2020)", vec![s.into()])),
    }
}

/// A moment the tool stored (UTC, ISO 8601) as people read it: local time, dd/mm/yyyy hh:mm. Anything else is
/// shown as stored.
pub fn format_timestamp(iso: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(iso) {
        Ok(t) => t.with_timezone(&chrono::Local).format("%d/%m/%Y %H:%M").to_string(),
        Err(_) => iso.to_string(),
    }
}

/// A birth year as HR lists give it: the year alone, or a full date ("12/03/1970") of which the year is kept.
pub fn parse_birth_year(input: &str) -> Result<i32, Bad> {
    let s = input.trim();
    if s.len() == 4 {
        return parse_year(s);
    }
    parse_date(s).map(|d| d.year()).map_err(|_| {
        Bad::new("'{}' is not a year of birth (a year such as 1970, or a date such as 12/03/1970)", vec![s.into()])
    })
}

/// Parses a number as people write it (docs/domain.md §5.6): Vietnamese "1.234,5" and English "1,234.5" alike, and
/// a trailing "%". With one kind of separator only, "," is the decimal comma and "." followed by exactly three
/// digits groups thousands ("1.234" = 1234, "2.5" = 2.5, "0.125" = 0.125). A number with two decimal marks or with
/// grouping in the wrong places ("38.5.1", "1.23.456", "12,34,5") is refused rather than guessed at.
pub fn parse_number(input: &str) -> Result<f64, Bad> {
    let raw = input.trim();
    let s: String = raw.trim_end_matches('%').chars().filter(|c| !c.is_whitespace()).collect();
    let bad = || Bad::new("'{}' is not a number", vec![raw.into()]);
    let body = s.strip_prefix(['-', '+']).unwrap_or(&s);
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',')) {
        return Err(bad());
    }
    // Thousands groups: a lead of 1–3 digits (not a lone 0 before more), then groups of exactly three.
    let grouped = |int: &str, sep: char| {
        let mut parts = int.split(sep);
        let lead = parts.next().unwrap_or("");
        !lead.is_empty() && lead.len() <= 3 && !lead.starts_with('0') && parts.all(|g| g.len() == 3)
    };
    let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
    let (dots, commas) = (body.matches('.').count(), body.matches(',').count());
    let plain: String = match (dots, commas) {
        (0, 0) => body.to_string(),
        // One kind of mark: a lone comma is decimal; a lone dot before exactly three digits groups thousands.
        (1, 0) => {
            let (int, frac) = body.split_once('.').unwrap_or((body, ""));
            if frac.len() == 3 && grouped(int, '.') {
                format!("{int}{frac}")
            } else if digits(int) && digits(frac) {
                body.to_string()
            } else {
                return Err(bad());
            }
        }
        (0, 1) => {
            let (int, frac) = body.split_once(',').unwrap_or((body, ""));
            if !digits(int) || !digits(frac) {
                return Err(bad());
            }
            format!("{int}.{frac}")
        }
        (_, 0) if grouped(body, '.') => body.replace('.', ""),
        (0, _) if grouped(body, ',') => body.replace(',', ""),
        (0, _) | (_, 0) => return Err(bad()),
        _ => {
            // Both: the one written last is the decimal mark, written once; the other groups thousands.
            let (group, point) = if body.rfind(',') > body.rfind('.') { ('.', ',') } else { (',', '.') };
            let (int, frac) = body.rsplit_once(point).unwrap_or((body, ""));
            if int.contains(point) || !digits(frac) || !grouped(int, group) {
                return Err(bad());
            }
            format!("{}.{frac}", int.replace(group, ""))
        }
    };
    let signed = if s.starts_with('-') { format!("-{plain}") } else { plain };
    signed.parse::<f64>().ok().filter(|x| x.is_finite()).ok_or_else(bad)
}

/// Formats a decimal number with at most two decimals, trailing zeros dropped: "1.234,5" in Vietnamese
/// (docs/domain.md §5.6), "1234.5" in English. English is left ungrouped so that what a table shows reads back
/// unambiguously through [`parse_number`], which takes a lone comma for the Vietnamese decimal mark.
pub fn format_number(x: f64, vietnamese: bool) -> String {
    let (group, point) = if vietnamese { (Some('.'), ',') } else { (None, '.') };
    let neg = x < 0.0;
    let rounded = (x.abs() * 100.0).round() as u64;
    let (int, frac) = (rounded / 100, rounded % 100);
    let digits = int.to_string();
    let mut out = String::new();
    if neg && rounded != 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if let Some(g) = group.filter(|_| i > 0 && (digits.len() - i) % 3 == 0) {
            out.push(g);
        }
        out.push(ch);
    }
    if frac != 0 {
        out.push(point);
        let f = format!("{frac:02}");
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The fold made from the match key is the fold made from the text.
        #[test]
        fn the_fold_of_the_match_key_is_the_fold(
            parts in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just("Nguyễn"), proptest::strategy::Just("Hoà"), proptest::strategy::Just("Hòa"),
                proptest::strategy::Just("ĐỨC"), proptest::strategy::Just("ð"), proptest::strategy::Just("Ð"),
                proptest::strategy::Just("Tra\u{0302}\u{0300}n"), proptest::strategy::Just("\u{0301}"),
                proptest::strategy::Just(" "), proptest::strategy::Just("  "), proptest::strategy::Just("\t"),
                proptest::strategy::Just("-"), proptest::strategy::Just("\""), proptest::strategy::Just(","),
                proptest::strategy::Just("İ"), proptest::strategy::Just("Ω"), proptest::strategy::Just("ß"),
                proptest::strategy::Just("Ǆ"), proptest::strategy::Just("x\u{0340}"), proptest::strategy::Just("7"),
            ], 0..12),
        ) {
            let s: String = parts.concat();
            let (key, fold) = match_and_fold_keys(&s);
            proptest::prop_assert_eq!(key, match_key(&s));
            proptest::prop_assert_eq!(fold, fold_key(&s));
        }
    }

    /// The fast paths of [`clean`] and the keys hold for every letter they take: each is in NFC alone, none is a
    /// combining mark, and the table decomposes and lowers it as the Unicode tables do.
    #[test]
    fn plain_latin_letters_are_nfc_and_their_table_is_unicodes() {
        let letters = (0..0x300).chain(0x1E00..0x1F00).filter_map(char::from_u32);
        for c in letters {
            assert!(plain_latin(c), "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?} U+{:04X}", c as u32);
            assert!(!is_combining_mark(c), "{c:?}");
            let want: Vec<char> = c.nfd().flat_map(char::to_lowercase).collect();
            let mut got = Vec::new();
            each_nfd_lower(&c.to_string(), |d| got.push(d));
            assert_eq!(got, want, "{c:?} U+{:04X}", c as u32);
        }
        assert!(!plain_latin('\u{300}') && !plain_latin('\u{1F00}'));
    }

    #[test]
    fn clean_makes_nfc_and_collapses_space() {
        let nfd = "Tra\u{0302}\u{0300}n  Thi\u{0323}\tYe\u{0302}\u{0301}n";
        assert_eq!(clean(nfd), "Trần Thị Yến");
        assert_eq!(clean("  \u{00D0}ức "), "Đức");
        // Each thing the one-pass check looks for, alone in otherwise clean NFC text.
        for (dirty, want) in [
            ("Trần  Thị", "Trần Thị"),
            ("Trần\tThị", "Trần Thị"),
            ("Trần\u{00A0}Thị", "Trần Thị"),
            ("Trần \u{00F0}ịnh", "Trần định"),
            ("Tra\u{0300}n", "Tràn"),
            ("Trần Thị", "Trần Thị"),
            // The same for ASCII, seen byte by byte.
            ("CT01", "CT01"),
            ("Tran Thi", "Tran Thi"),
            ("Tran  Thi", "Tran Thi"),
            ("Tran\tThi", "Tran Thi"),
            ("Tran\u{7}Thi", "TranThi"),
            ("Tran\u{7f}Thi", "TranThi"),
            ("  P001 ", "P001"),
            // And for what is seen byte by byte beyond ASCII: each neighbour of the letters taken as they are.
            ("Trần Thị Ỳ", "Trần Thị Ỳ"),
            ("Trần\u{00A0}\u{00A0}Thị", "Trần Thị"),
            ("Trần\u{0085}Thị", "TrầnThị"),
            ("Trần\u{200B}Thị", "TrầnThị"),
            ("\u{00D0}\u{00F0}", "Đđ"),
            ("Tr\u{1EA0}\u{0300}n", "Tr\u{1EA0}\u{0300}n"),
        ] {
            assert_eq!(clean(dirty), want, "{dirty:?}");
        }
    }

    /// What [`clean_as_is`] takes, the slower pass would leave as it is: every character up to U+2FFF (and a few
    /// beyond) alone and beside others, with the spaces it must not take.
    #[test]
    fn what_is_clean_byte_by_byte_is_clean() {
        let unchanged = |t: &str| {
            !t.contains("  ")
                && t.chars().all(|c| (c == ' ' || !c.is_whitespace()) && !invisible(c) && c != 'Ð' && c != 'ð')
                && t.nfc().eq(t.chars())
        };
        let chars = (0..0x3000u32).chain([0x1E9E, 0x1EA0, 0x1EFF, 0x1F00, 0xFEFF]).filter_map(char::from_u32);
        let mut taken = 0;
        for c in chars {
            for t in [format!("{c}"), format!("a{c}b"), format!("Trần {c}ị"), format!("{c}\u{0301}")] {
                // It is asked of the text trimmed.
                let t = t.trim();
                if clean_as_is(t.as_bytes()) {
                    assert!(unchanged(t), "{t:?} taken as it is");
                    assert_eq!(clean(t), t);
                    taken += 1;
                }
            }
        }
        assert!(taken > 1000, "{taken}");
        assert!(clean_as_is("Nguyễn Thị Thu Hà, Cục Thuế tỉnh Tây Ninh".as_bytes()));
        assert!(!clean_as_is("Trần  Thị".as_bytes()));
    }

    #[test]
    fn match_key_ignores_tone_placement_and_case() {
        assert_eq!(match_key("Hòa Bình"), match_key("hoà bình"));
        assert_eq!(match_key("Thủy"), match_key("THUỶ"));
        assert_ne!(match_key("Đức"), match_key("Dức"));
        assert_ne!(match_key("ăn"), match_key("ân"));
    }

    #[test]
    fn keys_decompose_as_nfd_does() {
        // The per-character path against the reordering one, on precomposed text, NFD text, marks stacked in
        // either order, a lone mark, capitals whose lower case decomposes, and other scripts.
        for s in [
            "Nguyễn Thị Thu Hà",
            "NGUYỄN ĐỨC THẮNG",
            "Nguye\u{0302}\u{0303}n",
            "e\u{0323}\u{0302} e\u{0302}\u{0323}",
            "\u{0301}a",
            "Ǆemal İstanbul ǅ",
            "Ðỗ “Cục Thuế”, tỉnh — 12",
            "日本 Ωμέγα",
        ] {
            let reference: String = s.nfd().flat_map(char::to_lowercase).collect();
            let mut fast = String::new();
            each_nfd_lower(s, |c| fast.push(c));
            assert_eq!(fast, reference, "{s}");
            let nfc: String = s.nfc().collect();
            let mut fast = String::new();
            each_nfd_lower(&nfc, |c| fast.push(c));
            let reference: String = nfc.nfd().flat_map(char::to_lowercase).collect();
            assert_eq!(fast, reference, "{nfc}");
        }
    }

    #[test]
    fn fold_key_drops_accents_and_quotes() {
        assert_eq!(fold_key("“Cục Thuế”, tỉnh"), "cuc thue tinh");
        assert_eq!(fold_key("Đơn vị"), "don vi");
    }

    #[test]
    fn split_name_defaults_and_overrides() {
        let p = split_name("Nguyễn Thị Thu Hà", None, None).unwrap();
        assert_eq!((p.family.as_str(), p.middle.as_str(), p.given.as_str()), ("Nguyễn", "Thị Thu", "Hà"));
        let p = split_name("Tôn Nữ Minh Châu", Some("Tôn Nữ"), None).unwrap();
        assert_eq!((p.family.as_str(), p.middle.as_str()), ("Tôn Nữ", "Minh"));
        let p = split_name("Lan", None, None).unwrap();
        assert_eq!((p.family.as_str(), p.given.as_str()), ("", "Lan"));
        assert!(split_name("Trần Văn An", Some("Lê"), None).is_err());
        // Parts are the name's own stretches when one space parts its words, joined anew when more do.
        let p = split_name("Tôn  Nữ Minh   Thu Châu", Some("Tôn Nữ"), Some("Thu  Châu")).unwrap();
        assert_eq!((p.family.as_str(), p.middle.as_str(), p.given.as_str()), ("Tôn Nữ", "Minh", "Thu Châu"));
    }

    #[test]
    fn vietnamese_order() {
        let mut v = vec!["Đức", "Dũng", "Ánh", "An", "Ăn", "Uyên", "Ước", "Hà", "Ha"];
        v.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(v, ["An", "Ánh", "Ăn", "Dũng", "Đức", "Ha", "Hà", "Uyên", "Ước"]);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("24/7/2020").unwrap(), NaiveDate::from_ymd_opt(2020, 7, 24).unwrap());
        assert_eq!(parse_date("2020-07-24").unwrap(), NaiveDate::from_ymd_opt(2020, 7, 24).unwrap());
        assert_eq!(parse_date(" 05.01.2021 ").unwrap(), NaiveDate::from_ymd_opt(2021, 1, 5).unwrap());
        assert!(parse_date("31/02/2020").unwrap_err().to_string().contains("'31/02/2020'"));
        assert!(parse_date("01/02/25").unwrap_err().to_string().contains("year"));
        assert!(parse_date("2020/13/01").is_err());
        assert!(parse_date("hôm nay").is_err());
        assert_eq!(format_date(parse_date("5/1/2021").unwrap()), "05/01/2021");
    }

    #[test]
    fn nearest_codes() {
        let codes = ["LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "TTLDTT", "CTD_TINH"];
        assert_eq!(nearest("CSTD", codes.into_iter(), 3), ["CSTDCS", "CSTD_TINH", "CSTD_TQ"]);
        assert_eq!(nearest("LDT", codes.into_iter(), 3), ["LDTT"]);
        assert!(nearest("XYZWV", codes.into_iter(), 3).is_empty());
    }

    #[test]
    fn document_numbers() {
        for (i, o) in [
            ("123/QD-UBND", "123/QĐ-UBND"),
            ("123 / QĐ-UBND", "123/QĐ-UBND"),
            ("Số: 123/QĐ–UBND", "123/QĐ-UBND"),
            ("86/2025/QĐ-UBND", "86/2025/QĐ-UBND"),
            ("3385/BTĐKT-P.II", "3385/BTĐKT-P.II"),
            ("15/TTr-SNV", "15/TTr-SNV"),
            ("0123/qd-ubnd", "123/QĐ-UBND"),
        ] {
            assert_eq!(doc_number(i).as_deref(), Ok(o), "{i}");
        }
        for bad in ["123", "QĐ-UBND", "abc/QĐ-UBND", "123/QĐ", "123/QĐ-", "12/34/QĐ-UBND", "06/2022/QH15"] {
            assert!(doc_number(bad).unwrap_err().to_string().contains("123/QĐ-UBND"), "{bad}");
        }
    }

    #[test]
    fn periods() {
        assert_eq!(parse_period("2019"), Ok((2019, 2019)));
        assert_eq!(parse_period("2015 – 2020"), Ok((2015, 2020)));
        assert!(parse_period("2020-2015").is_err());
        assert!(parse_period("15-20").is_err());
        assert_eq!(format_period(2015, 2020), "2015–2020");
    }

    #[test]
    fn parse_numbers() {
        for (i, o) in [
            ("100", 100.0),
            ("1.234,5", 1234.5),
            ("1,234.5", 1234.5),
            ("1.234", 1234.0),
            ("2.5", 2.5),
            ("1,5", 1.5),
            ("12.345.678", 12345678.0),
            ("98,6%", 98.6),
            ("-3", -3.0),
        ] {
            assert_eq!(parse_number(i), Ok(o), "{i}");
        }
        assert!(parse_number("mười").unwrap_err().to_string().contains("'mười'"));
        assert!(parse_number("").is_err());
        assert!(parse_number("1.2.3,4,5").is_err());
        // Two decimal marks, or grouping in the wrong places, are refused (not read as 3851).
        for bad in
            ["38.5.1", "1.23.456", "12,34,5", "1.234,5,6", "1,234.5.6", "1..5", ",5", "5,", "1.2,34", "--3", "3-"]
        {
            assert!(parse_number(bad).is_err(), "{bad}");
        }
        for (i, o) in
            [("0.125", 0.125), ("12.500,5", 12500.5), ("1250", 1250.0), ("12500.5", 12500.5), ("1.250", 1250.0)]
        {
            assert_eq!(parse_number(i), Ok(o), "{i}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(format_number(1234.5, true), "1.234,5");
        assert_eq!(format_number(1234.5, false), "1234.5");
        assert_eq!(format_number(100.0, true), "100");
        assert_eq!(format_number(-0.25, false), "-0.25");
    }
}
