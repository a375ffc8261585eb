//! A [`Document`] as a Word file, laid out as Decree 30/2020/NĐ-CP Annex I says: A4 portrait, margins top and bottom
//! 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt (13 pt in the header block); page numbers centred at the top
//! from the second page; the two-column header; tables whose header row repeats on every page.

use docx_rs::{
    AlignmentType, BreakType, Docx, Header, LineSpacing, PageMargin, PageNum, Paragraph, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableRow, WidthType,
};

use super::document::{place_date, Block, Document, Signature};
use crate::error::Result;

/// Twips per millimetre (1 inch = 1440 twips = 25.4 mm).
fn mm(x: f64) -> i32 {
    (x * 1440.0 / 25.4).round() as i32
}

const A4_W: u32 = 11906;
const A4_H: u32 = 16838;
/// The width of the text between the margins.
fn text_width() -> usize {
    (A4_W as i32 - mm(30.0) - mm(15.0)) as usize
}

const FONT: &str = "Times New Roman";
/// Sizes in half-points.
const BODY: usize = 28;
const HEAD: usize = 26;
const SMALL: usize = 24;

fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size)
}

fn centred(r: Run) -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).add_run(r)
}

fn spaced(p: Paragraph, after: u32) -> Paragraph {
    p.line_spacing(LineSpacing::new().before(0).after(after))
}

/// A cell without borders holding paragraphs.
fn cell(width: usize, paras: Vec<Paragraph>) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa).clear_all_border();
    for p in paras {
        c = c.add_paragraph(p);
    }
    c
}

/// Two columns side by side without borders: the header block, the recipients and the signature.
fn two_columns(left: Vec<Paragraph>, right: Vec<Paragraph>, left_share: f64) -> Table {
    let w = text_width();
    let lw = (w as f64 * left_share) as usize;
    Table::without_borders(vec![TableRow::new(vec![cell(lw, left), cell(w - lw, right)])])
        .set_grid(vec![lw, w - lw])
        .width(w, WidthType::Dxa)
}

fn header_block(d: &Document) -> Table {
    let mut left = Vec::new();
    if let Some(p) = &d.parent {
        left.push(spaced(centred(run(&p.to_uppercase(), HEAD)), 0));
    }
    left.push(spaced(centred(run(&d.issuer.to_uppercase(), HEAD).bold()), 0));
    left.push(spaced(centred(run("────────", HEAD)), 60));
    left.push(spaced(centred(run(&d.number_line(), HEAD)), 0));
    let right = vec![
        spaced(centred(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HEAD).bold()), 0),
        spaced(centred(run("Độc lập - Tự do - Hạnh phúc", BODY).bold()), 0),
        spaced(centred(run("──────────────────", BODY)), 60),
        spaced(centred(run(&place_date(&d.place, d.date), BODY).italic()), 0),
    ];
    two_columns(left, right, 0.38)
}

fn para(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(mm(12.7))), None, None)
        .line_spacing(LineSpacing::new().before(0).after(120))
        .add_run(run(text, BODY))
}

/// A numbered table with borders; its header row is marked to repeat on every page (see [`repeat_headers`]).
fn table(columns: &[String], rows: &[Vec<String>], widths: &[u32]) -> Table {
    let total: u32 = widths.iter().sum::<u32>().max(1);
    let w = text_width();
    let grid: Vec<usize> = widths.iter().map(|x| w * *x as usize / total as usize).collect();
    let cellp = |t: &str, bold: bool, center: bool| {
        let r = run(t, SMALL);
        let r = if bold { r.bold() } else { r };
        let p = Paragraph::new().add_run(r).line_spacing(LineSpacing::new().before(40).after(40));
        if center {
            p.align(AlignmentType::Center)
        } else {
            p
        }
    };
    let head = TableRow::new(
        columns
            .iter()
            .zip(&grid)
            .map(|(c, g)| TableCell::new().width(*g, WidthType::Dxa).add_paragraph(cellp(c, true, true)))
            .collect(),
    )
    .cant_split();
    let mut out = vec![head];
    for r in rows {
        out.push(TableRow::new(
            r.iter()
                .zip(&grid)
                .enumerate()
                .map(|(i, (c, g))| TableCell::new().width(*g, WidthType::Dxa).add_paragraph(cellp(c, false, i == 0)))
                .collect(),
        ));
    }
    Table::new(out).set_grid(grid).width(w, WidthType::Dxa)
}

fn blocks(mut doc: Docx, body: &[Block]) -> Docx {
    for b in body {
        doc = match b {
            Block::Para(t) => doc.add_paragraph(para(t)),
            Block::Heading(t) => doc.add_paragraph(
                Paragraph::new().line_spacing(LineSpacing::new().before(120).after(120)).add_run(run(t, BODY).bold()),
            ),
            Block::Blank(t) => doc.add_paragraph(para(&format!("[{t}]")).add_run(Run::new())),
            Block::Table { columns, rows, widths } => {
                doc.add_table(table(columns, rows, widths)).add_paragraph(Paragraph::new())
            }
        };
    }
    doc
}

fn signature_paras(s: &Signature) -> Vec<Paragraph> {
    let mut v = Vec::new();
    if let Some(a) = &s.authority {
        v.push(spaced(centred(run(&a.to_uppercase(), BODY).bold()), 0));
    }
    v.push(spaced(centred(run(&s.title.to_uppercase(), BODY).bold()), 0));
    v.push(spaced(centred(run("(Ký, ghi rõ họ tên)", BODY).italic()), 1400));
    v.push(spaced(centred(run(&s.name, BODY).bold()), 0));
    v
}

/// `<w:tblHeader/>` after each `<w:cantSplit/>`: docx-rs writes the one but not the other, so the header rows of
/// the body's tables (the only rows marked cant-split) are marked to repeat on every page here.
fn repeat_headers(xml: Vec<u8>) -> Vec<u8> {
    let s = String::from_utf8_lossy(&xml);
    s.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />").into_bytes()
}

/// The document as the bytes of a `.docx` file.
pub fn bytes(d: &Document) -> Result<Vec<u8>> {
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT);
    let mut doc = Docx::new()
        .page_size(A4_W, A4_H)
        .page_margin(PageMargin {
            top: mm(20.0),
            bottom: mm(20.0),
            left: mm(30.0),
            right: mm(15.0),
            header: mm(10.0),
            footer: mm(10.0),
            gutter: 0,
        })
        .default_fonts(fonts)
        .default_size(BODY)
        // The page number at the top, centred, from the second page on.
        .header(Header::new().add_paragraph(Paragraph::new().align(AlignmentType::Center).add_page_num(PageNum::new())))
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .add_table(header_block(d))
        .add_paragraph(Paragraph::new());
    doc = doc.add_paragraph(spaced(centred(run(&d.kind.to_uppercase(), BODY).bold()), 0));
    if let Some(s) = &d.subject {
        doc = doc.add_paragraph(spaced(centred(run(s, BODY).bold()), 240));
    }
    if !d.to.is_empty() {
        let mut p = Paragraph::new().align(AlignmentType::Center).line_spacing(LineSpacing::new().after(240));
        for (i, t) in d.to.iter().enumerate() {
            let line = if i == 0 { format!("Kính gửi: {t}") } else { t.clone() };
            p = p.add_run(run(&line, BODY));
            if i + 1 < d.to.len() {
                p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
            }
        }
        doc = doc.add_paragraph(p);
    }
    doc = blocks(doc, &d.body);
    // The foot: recipients (or a second signature) on the left, the signature on the right.
    let left: Vec<Paragraph> = match &d.second_signature {
        Some(s) => signature_paras(s),
        None if d.recipients.is_empty() => vec![Paragraph::new()],
        None => {
            let mut v = vec![spaced(Paragraph::new().add_run(run("Nơi nhận:", SMALL).bold().italic()), 0)];
            for (i, r) in d.recipients.iter().enumerate() {
                let end = if i + 1 == d.recipients.len() { "." } else { ";" };
                v.push(spaced(Paragraph::new().add_run(run(&format!("- {r}{end}"), 22)), 0));
            }
            v
        }
    };
    let right = d.signature.as_ref().map_or_else(|| vec![Paragraph::new()], signature_paras);
    doc = doc.add_table(two_columns(left, right, 0.45));
    if let Some((title, sub, body)) = &d.annex {
        doc = doc
            .add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
            .add_paragraph(spaced(centred(run(&title.to_uppercase(), BODY).bold()), 0))
            .add_paragraph(spaced(centred(run(sub, BODY).italic()), 240));
        doc = blocks(doc, body);
    }
    let mut xml = doc.build();
    xml.document = repeat_headers(xml.document);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(out.into_inner())
}
