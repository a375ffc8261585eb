//! The few WordprocessingML elements the papers need — paragraphs, runs, tables, section properties — written in the
//! order the ECMA-376 schema gives their children (Word drops a property out of place, or offers to "recover" the
//! file). Plain strings: the parts are write-only and small, and one escape function is all the XML needs.

use std::fmt::Write;

/// Text as XML character data: `&`, `<`, `>`, `"` escaped; characters XML 1.0 cannot hold (C0 controls other than tab
/// and line feed, lone surrogates cannot occur in `str`, U+FFFE/U+FFFF) dropped, so no value makes the part unreadable.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Paragraph alignment (`w:jc`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
    Both,
}

impl Align {
    fn val(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

/// A paragraph's properties; the defaults are the style's (widow control on, no spacing, left).
#[derive(Debug, Clone, Default)]
pub struct P {
    pub align: Option<Align>,
    /// First-line indent in twips.
    pub first_line: Option<i32>,
    /// Hanging indent in twips (a list item's text under its marker).
    pub hanging: Option<i32>,
    pub before: u32,
    pub after: u32,
    pub keep_next: bool,
    pub keep_lines: bool,
    pub page_break_before: bool,
    /// A rule drawn along the paragraph's top edge (between its indents).
    pub rule_above: bool,
    /// Left and right indents in twips.
    pub left: i32,
    pub right: i32,
    /// The size of the paragraph mark in half-points, for a paragraph that holds no text (a rule, a section's end).
    pub mark_size: Option<u32>,
    /// The section properties of a section this paragraph ends.
    pub sect: Option<String>,
}

/// A run of text with its look; `\n` in the text is a line break.
#[derive(Debug, Clone, Default)]
pub struct R {
    pub text: String,
    /// Half-points.
    pub size: u32,
    pub bold: bool,
    pub italic: bool,
    /// Marked for the secretary to fill (yellow highlight, as Word's own marker).
    pub highlight: bool,
}

impl R {
    pub fn new(text: impl Into<String>, size: u32) -> R {
        R { text: text.into(), size, ..R::default() }
    }
    pub fn bold(mut self) -> R {
        self.bold = true;
        self
    }
    pub fn italic(mut self) -> R {
        self.italic = true;
        self
    }
}

pub fn run(out: &mut String, r: &R) {
    out.push_str("<w:r><w:rPr>");
    if r.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if r.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    let _ = write!(out, r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, r.size);
    if r.highlight {
        out.push_str(r#"<w:highlight w:val="yellow"/>"#);
    }
    out.push_str("</w:rPr>");
    for (i, line) in r.text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        if !line.is_empty() {
            let _ = write!(out, r#"<w:t xml:space="preserve">{}</w:t>"#, esc(line));
        }
    }
    out.push_str("</w:r>");
}

fn ppr(out: &mut String, p: &P) {
    out.push_str("<w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if p.keep_lines {
        out.push_str("<w:keepLines/>");
    }
    if p.page_break_before {
        out.push_str("<w:pageBreakBefore/>");
    }
    if p.rule_above {
        out.push_str(r#"<w:pBdr><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>"#);
    }
    let _ = write!(out, r#"<w:spacing w:before="{}" w:after="{}"/>"#, p.before, p.after);
    if p.left != 0 || p.right != 0 || p.first_line.is_some() || p.hanging.is_some() {
        let _ = write!(out, r#"<w:ind w:left="{}" w:right="{}""#, p.left + p.hanging.unwrap_or(0), p.right);
        match (p.first_line, p.hanging) {
            (_, Some(h)) => {
                let _ = write!(out, r#" w:hanging="{h}""#);
            }
            (Some(f), None) => {
                let _ = write!(out, r#" w:firstLine="{f}""#);
            }
            (None, None) => {}
        }
        out.push_str("/>");
    }
    if let Some(a) = p.align {
        let _ = write!(out, r#"<w:jc w:val="{}"/>"#, a.val());
    }
    if let Some(s) = p.mark_size {
        let _ = write!(out, r#"<w:rPr><w:sz w:val="{s}"/><w:szCs w:val="{s}"/></w:rPr>"#);
    }
    if let Some(s) = &p.sect {
        out.push_str(s);
    }
    out.push_str("</w:pPr>");
}

/// A paragraph of runs.
pub fn para(out: &mut String, p: &P, runs: &[R]) {
    out.push_str("<w:p>");
    ppr(out, p);
    for r in runs {
        run(out, r);
    }
    out.push_str("</w:p>");
}

/// A paragraph holding the page number field.
pub fn page_number(size: u32) -> String {
    let mut out = String::new();
    out.push_str("<w:p>");
    ppr(&mut out, &P { align: Some(Align::Center), ..P::default() });
    let _ = write!(
        out,
        r#"<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple>"#
    );
    out.push_str("</w:p>");
    out
}

/// A page's size and margins, in twips.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    pub w: u32,
    pub h: u32,
    pub landscape: bool,
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub left: u32,
    pub header: u32,
    pub footer: u32,
}

impl Page {
    /// The width between the margins.
    pub fn text_width(&self) -> u32 {
        self.w - self.left - self.right
    }
}

/// A section's properties (`w:sectPr`): the page-number header (and an empty one on a first page that has none),
/// a new page, the page's size and margins.
pub fn sect_pr(page: &Page, first_page_plain: bool) -> String {
    let mut out = String::from("<w:sectPr>");
    out.push_str(r#"<w:headerReference w:type="default" r:id="rIdHeader"/>"#);
    if first_page_plain {
        out.push_str(r#"<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>"#);
    }
    out.push_str(r#"<w:type w:val="nextPage"/>"#);
    let orient = if page.landscape { r#" w:orient="landscape""# } else { "" };
    let _ = write!(out, r#"<w:pgSz w:w="{}" w:h="{}"{orient}/>"#, page.w, page.h);
    let _ = write!(
        out,
        r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#,
        page.top, page.right, page.bottom, page.left, page.header, page.footer
    );
    if first_page_plain {
        out.push_str("<w:titlePg/>");
    }
    out.push_str("</w:sectPr>");
    out
}

/// A table's cell: its width and paragraphs.
pub struct Cell {
    pub width: u32,
    pub paras: Vec<(P, Vec<R>)>,
}

/// A table row: its cells, whether it repeats on every page, whether it may split across pages.
pub struct Row {
    pub cells: Vec<Cell>,
    pub header: bool,
    pub cant_split: bool,
    /// The least height in twips (a row to sign in).
    pub min_height: Option<u32>,
}

/// A table of fixed layout (Word draws the columns it is given, as LibreOffice does), bordered or not.
pub fn table(out: &mut String, grid: &[u32], rows: &[Row], borders: bool) {
    let total: u32 = grid.iter().sum();
    out.push_str("<w:tbl><w:tblPr>");
    let _ = write!(out, r#"<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>"#);
    let line = if borders { r#"w:val="single" w:sz="4" w:space="0" w:color="000000""# } else { r#"w:val="nil""# };
    out.push_str("<w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(out, "<w:{side} {line}/>");
    }
    out.push_str("</w:tblBorders>");
    out.push_str(r#"<w:tblLayout w:type="fixed"/>"#);
    let pad = if borders { super::layout::CELL_PAD } else { 0 };
    let _ = write!(
        out,
        r#"<w:tblCellMar><w:left w:w="{pad}" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>"#
    );
    out.push_str(r#"<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#);
    for g in grid {
        let _ = write!(out, r#"<w:gridCol w:w="{g}"/>"#);
    }
    out.push_str("</w:tblGrid>");
    for r in rows {
        out.push_str("<w:tr>");
        if r.header || r.cant_split || r.min_height.is_some() {
            out.push_str("<w:trPr>");
            if r.cant_split {
                out.push_str("<w:cantSplit/>");
            }
            if let Some(h) = r.min_height {
                let _ = write!(out, r#"<w:trHeight w:val="{h}" w:hRule="atLeast"/>"#);
            }
            if r.header {
                out.push_str("<w:tblHeader/>");
            }
            out.push_str("</w:trPr>");
        }
        for c in &r.cells {
            let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>"#, c.width);
            if borders {
                out.push_str(r#"<w:vAlign w:val="center"/>"#);
            }
            out.push_str("</w:tcPr>");
            if c.paras.is_empty() {
                para(out, &P::default(), &[]);
            }
            for (p, runs) in &c.paras {
                para(out, p, runs);
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_xml_cannot_hold_is_dropped_and_markup_escaped() {
        assert_eq!(esc("a\u{7}b\u{1b}[31m<c> & \"d\"\u{0}"), "ab[31m&lt;c&gt; &amp; &quot;d&quot;");
        assert_eq!(esc("Đ\tx\ny"), "Đ\tx\ny");
    }

    #[test]
    fn a_paragraphs_properties_come_in_the_schemas_order() {
        let mut s = String::new();
        let p = P {
            align: Some(Align::Both),
            first_line: Some(720),
            keep_next: true,
            keep_lines: true,
            page_break_before: true,
            after: 120,
            ..P::default()
        };
        para(&mut s, &p, &[R::new("x", 28).bold().italic()]);
        let order =
            ["keepNext", "keepLines", "pageBreakBefore", "spacing", "ind", "jc", "<w:r>", "<w:b/>", "<w:i/>", "sz"];
        let at: Vec<usize> = order.iter().map(|k| s.find(k).unwrap_or_else(|| panic!("{k} in {s}"))).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{s}");
    }
}
