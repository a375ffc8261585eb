//! An administrative document as a model (Decree 30/2020/NĐ-CP on clerical work): the two-column header (issuing
//! body under its parent, number-symbol; national heading and motto, place and date), the kind and subject line,
//! "Kính gửi", the body (paragraphs, headings, numbered tables, places left for the secretary's text), the recipients
//! and the signature; an annex with its own title. Rendered to `.docx` (`output/docx.rs`) and to Markdown here.

use std::io::Write;

use chrono::{Datelike, NaiveDate};

use crate::error::Result;

/// A part of a document's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph of running text, justified, first line indented.
    Para(String),
    /// A section heading ("I. KẾT QUẢ …"), bold.
    Heading(String),
    /// A line centred in bold: a decision's authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"), "QUYẾT ĐỊNH:".
    Centered(String),
    /// A legal basis ("Căn cứ …;"), in italics as a decision writes them.
    Basis(String),
    /// An item of a list, its marker kept as the secretary typed it ("- …", "1. …", "a) …").
    Item(String),
    /// A numbered table: its header row (repeated on every page) and its rows; the first column is STT. Its columns
    /// are sized from their content when it is laid out.
    Table { columns: Vec<String>, rows: Vec<Vec<String>> },
    /// A place left for the secretary's own text, marked so it is not missed.
    Blank(String),
}

/// Whether a line starts a list item: a dash or bullet ("- ", "+ ", "• ", "– "), or a number or letter with "." or
/// ")" ("1. ", "1.2. ", "a) ", "II. ").
fn is_item(line: &str) -> bool {
    let Some((head, _)) = line.split_once(' ') else { return false };
    if ["-", "+", "*", "•", "–", "—"].contains(&head) {
        return true;
    }
    let Some(stem) = head.strip_suffix('.').or_else(|| head.strip_suffix(')')) else { return false };
    let number = !stem.is_empty()
        && stem.split('.').all(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
    let letter = stem.chars().count() == 1 && stem.chars().all(char::is_lowercase);
    let roman = !stem.is_empty() && stem.len() <= 5 && stem.chars().all(|c| "IVXLC".contains(c));
    number || letter || roman
}

impl Block {
    /// The secretary's own text as it was written: blank lines separate paragraphs; a line that starts with a list
    /// marker starts an item; any other line continues the paragraph or item above it (a text wrapped by hand).
    /// Each paragraph NFC, its spaces collapsed.
    pub fn prose(text: &str) -> Vec<Block> {
        let mut out = Vec::new();
        let mut cur: Option<(bool, String)> = None;
        let flush = |cur: &mut Option<(bool, String)>, out: &mut Vec<Block>| {
            if let Some((item, t)) = cur.take() {
                let t = crate::text::clean(&t);
                if !t.is_empty() {
                    out.push(if item { Block::Item(t) } else { Block::Para(t) });
                }
            }
        };
        for line in text.lines() {
            let l = line.trim();
            if l.is_empty() {
                flush(&mut cur, &mut out);
            } else if is_item(l) {
                flush(&mut cur, &mut out);
                cur = Some((true, l.to_string()));
            } else {
                match &mut cur {
                    Some((_, t)) => {
                        t.push(' ');
                        t.push_str(l);
                    }
                    None => cur = Some((false, l.to_string())),
                }
            }
        }
        flush(&mut cur, &mut out);
        out
    }
}

/// The signature block: the authority line ("TM. KHỐI THI ĐUA"), the title ("KHỐI TRƯỞNG"), the name.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub authority: Option<String>,
    pub title: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The parent body above the issuer, in capitals ("UBND TỈNH TÂY NINH"), if any.
    pub parent: Option<String>,
    /// The issuing body ("KHỐI THI ĐUA CÁC CƠ QUAN TRUNG ƯƠNG").
    pub issuer: String,
    /// "Số: 15/TTr-KTĐ"; none leaves "Số:      /…" to fill in.
    pub number: Option<String>,
    /// The symbol of the kind, for an unnumbered draft ("TTr", "BB").
    pub symbol: String,
    pub place: String,
    pub date: Option<NaiveDate>,
    /// TỜ TRÌNH, BIÊN BẢN, DANH SÁCH, BÁO CÁO.
    pub kind: String,
    pub subject: Option<String>,
    pub to: Vec<String>,
    pub body: Vec<Block>,
    pub recipients: Vec<String>,
    pub signature: Option<Signature>,
    /// Further signatures side by side (the minutes: secretary and chair).
    pub second_signature: Option<Signature>,
    /// An annexed list: its title, the line under it, its body.
    pub annex: Option<(String, String, Vec<Block>)>,
}

/// "ngày 24 tháng 7 năm 2020": a date as a document's body writes it.
pub fn long_date(d: NaiveDate) -> String {
    format!("ngày {} tháng {} năm {}", d.day(), d.month(), d.year())
}

/// The place-and-date line of the header: "Tây Ninh, ngày 05 tháng 02 năm 2020"; days below 10 and the months
/// January and February are written with a leading zero (Decree 30/2020 Annex I, section II.5).
pub fn place_date(place: &str, d: Option<NaiveDate>) -> String {
    match d {
        Some(d) => {
            let month = if d.month() <= 2 { format!("{:02}", d.month()) } else { d.month().to_string() };
            format!("{place}, ngày {:02} tháng {month} năm {}", d.day(), d.year())
        }
        None => format!("{place}, ngày      tháng      năm 20…"),
    }
}

impl Document {
    pub fn number_line(&self) -> String {
        match &self.number {
            Some(n) => format!("Số: {n}"),
            None => format!("Số:        /{}", self.symbol),
        }
    }
}

fn esc(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn md_blocks(w: &mut dyn Write, blocks: &[Block]) -> Result<()> {
    for b in blocks {
        match b {
            Block::Para(t) | Block::Item(t) => writeln!(w, "{t}\n")?,
            Block::Heading(t) => writeln!(w, "**{t}**\n")?,
            Block::Centered(t) => writeln!(w, "**{t}**\n")?,
            Block::Basis(t) => writeln!(w, "_{t}_\n")?,
            Block::Blank(t) => writeln!(w, "> _[{t}]_\n")?,
            Block::Table { columns, rows } => {
                writeln!(w, "| {} |", columns.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "))?;
                writeln!(w, "|{}|", columns.iter().map(|_| "---").collect::<Vec<_>>().join("|"))?;
                for r in rows {
                    writeln!(w, "| {} |", r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "))?;
                }
                writeln!(w)?;
            }
        }
    }
    Ok(())
}

fn md_signature(w: &mut dyn Write, s: &Signature) -> Result<()> {
    if let Some(a) = &s.authority {
        writeln!(w, "**{a}**  ")?;
    }
    writeln!(w, "**{}**\n\n_(Ký, ghi rõ họ tên)_\n\n**{}**\n", s.title, s.name)?;
    Ok(())
}

/// The document in Markdown: the same parts in the same order, for a quick read or a wiki.
pub fn markdown(w: &mut dyn Write, d: &Document) -> Result<()> {
    if let Some(p) = &d.parent {
        writeln!(w, "{}  ", p.to_uppercase())?;
    }
    writeln!(w, "**{}**  ", d.issuer.to_uppercase())?;
    writeln!(w, "{}\n", d.number_line())?;
    writeln!(w, "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ")?;
    writeln!(w, "**Độc lập - Tự do - Hạnh phúc**\n")?;
    writeln!(w, "_{}_\n", place_date(&d.place, d.date))?;
    writeln!(w, "## {}\n", d.kind)?;
    if let Some(s) = &d.subject {
        writeln!(w, "**{s}**\n")?;
    }
    if !d.to.is_empty() {
        writeln!(w, "Kính gửi: {}\n", d.to.join("; "))?;
    }
    md_blocks(w, &d.body)?;
    if !d.recipients.is_empty() {
        writeln!(w, "_Nơi nhận:_\n")?;
        for r in &d.recipients {
            writeln!(w, "- {r}")?;
        }
        writeln!(w)?;
    }
    if let Some(s) = &d.second_signature {
        md_signature(w, s)?;
    }
    if let Some(s) = &d.signature {
        md_signature(w, s)?;
    }
    if let Some((title, sub, blocks)) = &d.annex {
        writeln!(w, "---\n\n## {title}\n\n_{sub}_\n")?;
        md_blocks(w, blocks)?;
    }
    Ok(())
}

/// A list or report table as a document's numbered table: an STT column first, the headers and values in
/// Vietnamese, as a person reads them.
pub fn from_table(t: &super::Table) -> Block {
    from_table_named(t, &[], &|_, _| None)
}

/// [`from_table`] for a paper, by the names people read: the columns in `drop` left out, and each cell's text given
/// to `name(column, text)`, which may put a name for a code.
pub fn from_table_named(t: &super::Table, drop: &[&str], name: &dyn Fn(&str, &str) -> Option<String>) -> Block {
    let lang = super::Lang::Vi;
    let keep: Vec<usize> = (0..t.columns.len()).filter(|&i| !drop.contains(&t.columns[i].as_str())).collect();
    let mut columns = vec!["STT".to_string()];
    columns.extend(keep.iter().map(|&i| super::labels::label(&t.columns[i], lang).to_string()));
    let rows = t
        .rows
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let cells = keep.iter().map(|&i| {
                let text = r.get(i).map(|c| super::display(c, lang)).unwrap_or_default();
                name(&t.columns[i], &text).unwrap_or(text)
            });
            std::iter::once((n + 1).to_string()).chain(cells).collect()
        })
        .collect();
    Block::Table { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::Block;

    #[test]
    fn the_secretarys_text_keeps_its_paragraphs_and_lists() {
        let text = "Khối có 7 đơn vị,\r\nđóng trên địa bàn tỉnh.\r\n\r\nNhiệm vụ:\n1. Thu ngân sách;\n2. Cải cách\n   hành chính.\n- Một ý;\n+ ý con.\na) Điểm a.\nII. Phần hai\n\n\nCuối.";
        assert_eq!(
            Block::prose(text),
            vec![
                Block::Para("Khối có 7 đơn vị, đóng trên địa bàn tỉnh.".into()),
                Block::Para("Nhiệm vụ:".into()),
                Block::Item("1. Thu ngân sách;".into()),
                Block::Item("2. Cải cách hành chính.".into()),
                Block::Item("- Một ý;".into()),
                Block::Item("+ ý con.".into()),
                Block::Item("a) Điểm a.".into()),
                Block::Item("II. Phần hai".into()),
                Block::Para("Cuối.".into()),
            ]
        );
        // Decomposed input (Unikey's "tổ hợp") comes out composed; a year or a decimal is not a list marker.
        assert_eq!(Block::prose("Ca\u{0300} phê"), vec![Block::Para("Cà phê".into())]);
        assert_eq!(Block::prose("Năm 2020. Tăng 1.5 lần"), vec![Block::Para("Năm 2020. Tăng 1.5 lần".into())]);
    }
}
