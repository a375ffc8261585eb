//! A [`Document`] as a Word file, laid out as Decree 30/2020/NĐ-CP Annex I says: A4 portrait, margins top and bottom
//! 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt (13 pt in the header block); page numbers centred at the top
//! from the second page; the two-column header with its rules; tables whose header row repeats on every page, their
//! columns sized from their content (`layout.rs`), a table too wide for the portrait page on a landscape one.
//!
//! Written by our own small writer (`xml.rs`, `package.rs`) rather than docx-rs: that crate wrote properties out of
//! the schema's order (`w:jc` after `w:rPr`, `w:headerReference` after the page settings, …), which Word drops or
//! "recovers", and had no way to set the language, keep-with-next, fixed table layout or section breaks. Every part
//! validates against the ECMA-376 schemas (`tests/fixtures/ooxml`).
//!
//! What holds a page together: headings and a paragraph ending in ":" keep with what follows; table rows never split,
//! the header row keeps with the first row; the paragraph before the signature keeps with it and the signature's row
//! never splits, so the signers' names never stand alone on a page; widow and orphan control on all text (styles).

mod layout;
mod package;
mod widths;
mod xml;

use super::document::{place_date, Block, Document, Signature};
use crate::error::Result;
use xml::{Align, Cell, Page, Row, P, R};

/// Twips per millimetre (1 inch = 1440 twips = 25.4 mm).
fn mm(x: f64) -> u32 {
    (x * 1440.0 / 25.4).round() as u32
}

fn portrait() -> Page {
    Page {
        w: 11906,
        h: 16838,
        landscape: false,
        top: mm(20.0),
        right: mm(15.0),
        bottom: mm(20.0),
        left: mm(30.0),
        header: mm(10.0),
        footer: mm(10.0),
    }
}

/// The same sheet turned: the same margins on each edge of the page as it is read.
fn landscape() -> Page {
    Page { w: 16838, h: 11906, landscape: true, ..portrait() }
}

/// Sizes in half-points.
const BODY: u32 = 28;
const HEAD: u32 = 26;
const SMALL: u32 = 24;
const NOTE: u32 = 22;

/// What the body is made of before it is written: paragraphs and tables, each on a portrait or landscape page.
enum Item {
    P(P, Vec<R>),
    Table { grid: Vec<u32>, rows: Vec<Row>, borders: bool },
}

struct Flow {
    items: Vec<(Item, bool)>,
}

impl Flow {
    fn p(&mut self, p: P, runs: Vec<R>) {
        self.items.push((Item::P(p, runs), false));
    }

    /// Keeps the last paragraph, and the last row of a table just before it, with what comes next.
    fn keep_last_with_next(&mut self) {
        let n = self.items.len();
        if let Some((Item::P(p, _), _)) = self.items.last_mut() {
            p.keep_next = true;
        }
        let spacer = n >= 2 && matches!(&self.items[n - 1].0, Item::P(_, r) if r.is_empty());
        if let (true, Some((Item::Table { rows, .. }, _))) = (spacer, n.checked_sub(2).map(|i| &mut self.items[i])) {
            for c in rows.last_mut().map_or(&mut [][..], |r| &mut r.cells[..]) {
                c.paras.iter_mut().for_each(|(p, _)| p.keep_next = true);
            }
        }
    }

    /// Whether the last item is on a landscape page.
    fn landscape(&self) -> bool {
        self.items.last().is_some_and(|(_, l)| *l)
    }
}

fn centred(text: &str, size: u32) -> R {
    R::new(text, size)
}

fn line(align: Align, after: u32) -> P {
    P { align: Some(align), after, ..P::default() }
}

/// A centred rule `len` twips long in a space `width` wide: an empty paragraph a point high with a top border.
fn rule(width: u32, len: u32, after: u32) -> (P, Vec<R>) {
    let side = (width.saturating_sub(len) / 2) as i32;
    (P { rule_above: true, left: side, right: side, mark_size: Some(2), after, before: 60, ..P::default() }, vec![])
}

/// The widest line of a text that may wrap in `width`: the rule under it is measured from this.
fn shown_width(s: &str, size: u32, bold: bool, width: u32) -> u32 {
    layout::text_width(s, size, bold).min(width)
}

/// Two columns side by side without borders: the header block, and the foot (recipients, signatures).
fn two_columns(left: Vec<(P, Vec<R>)>, right: Vec<(P, Vec<R>)>, widths: [u32; 2]) -> Item {
    let cell = |width, paras: Vec<(P, Vec<R>)>| Cell { width, paras };
    Item::Table {
        grid: widths.to_vec(),
        rows: vec![Row {
            cells: vec![cell(widths[0], left), cell(widths[1], right)],
            header: false,
            cant_split: true,
            min_height: None,
        }],
        borders: false,
    }
}

fn header_block(d: &Document, text: u32) -> Item {
    let lw = text * 38 / 100;
    let rw = text - lw;
    let mut left = Vec::new();
    if let Some(p) = &d.parent {
        left.push((line(Align::Center, 0), vec![centred(&p.to_uppercase(), HEAD)]));
    }
    let issuer = d.issuer.to_uppercase();
    left.push((line(Align::Center, 0), vec![centred(&issuer, HEAD).bold()]));
    // Decree 30 Annex I: under the issuing body, a rule a third to a half of its name's length.
    left.push(rule(lw, shown_width(&issuer, HEAD, true, lw) * 2 / 5, 100));
    left.push((line(Align::Center, 0), vec![centred(&d.number_line(), HEAD)]));
    let motto = "Độc lập - Tự do - Hạnh phúc";
    let right = vec![
        (line(Align::Center, 0), vec![centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HEAD).bold()]),
        (line(Align::Center, 0), vec![centred(motto, BODY).bold()]),
        // Under the motto, a rule as long as the motto.
        rule(rw, layout::text_width(motto, BODY, true), 100),
        (line(Align::Center, 0), vec![centred(&place_date(&d.place, d.date), BODY).italic()]),
    ];
    two_columns(left, right, [lw, rw])
}

fn body_para() -> P {
    P { align: Some(Align::Both), first_line: Some(mm(12.7) as i32), after: 120, ..P::default() }
}

/// How a column's cells are aligned: the STT centred, numbers to the right, dates centred, words to the left.
fn alignment(i: usize, column: &str, rows: &[Vec<String>]) -> Align {
    let cells: Vec<&str> = rows.iter().filter_map(|r| r.get(i)).map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    let date = |c: &str| c.len() == 10 && c.as_bytes()[2] == b'/' && c.as_bytes()[5] == b'/';
    let number = |c: &str| {
        c.chars().any(|x| x.is_ascii_digit()) && c.chars().all(|x| x.is_ascii_digit() || ",.%/+-–".contains(x))
    };
    let all = |f: &dyn Fn(&str) -> bool| !cells.is_empty() && cells.iter().all(|c| f(c));
    if (i == 0 && column == "STT") || all(&date) {
        Align::Center
    } else if all(&number) {
        Align::Right
    } else {
        Align::Left
    }
}

/// A numbered table with borders, laid out by `plan`; whether it needs a landscape page. A table with a column to
/// sign in has rows tall enough to sign in, 12 mm.
fn table(columns: &[String], rows: &[Vec<String>], plan: layout::Plan) -> (Item, bool) {
    let size = plan.half_points;
    let sign = (0..columns.len()).any(|i| layout::is_sign_column(&columns[i], rows, i));
    let cellp = |align: Align| P { align: Some(align), before: 30, after: 30, ..P::default() };
    let head = Row {
        cells: columns
            .iter()
            .zip(&plan.grid)
            .map(|(c, w)| Cell {
                width: *w,
                paras: vec![(P { keep_next: true, ..cellp(Align::Center) }, vec![R::new(c.as_str(), size).bold()])],
            })
            .collect(),
        header: true,
        cant_split: true,
        min_height: None,
    };
    let aligns: Vec<Align> = columns.iter().enumerate().map(|(i, c)| alignment(i, c, rows)).collect();
    let mut out = vec![head];
    for r in rows {
        out.push(Row {
            cells: plan
                .grid
                .iter()
                .enumerate()
                .map(|(i, w)| Cell {
                    width: *w,
                    paras: vec![(cellp(aligns[i]), vec![R::new(r.get(i).map_or("", String::as_str), size)])],
                })
                .collect(),
            header: false,
            cant_split: true,
            min_height: sign.then(|| mm(12.0)),
        });
    }
    (Item::Table { grid: plan.grid, rows: out, borders: true }, plan.landscape)
}

/// The body's blocks into the flow. A table that needs a landscape page takes what leads into it onto that page with
/// it: the paragraph before it that ends in ":" and a heading right above that, or a heading right before it; and
/// `lead` (an annex's title) when it is at most four blocks back.
fn blocks(flow: &mut Flow, body: &[Block], mut lead: Option<usize>) {
    // Tables of the same columns (the parts of a list: collectives, individuals) share one layout, planned on all
    // their rows, so their columns line up.
    let mut same: std::collections::HashMap<&Vec<String>, Vec<Vec<String>>> = std::collections::HashMap::new();
    for b in body {
        if let Block::Table { columns, rows } = b {
            same.entry(columns).or_default().extend(rows.iter().cloned());
        }
    }
    let (portrait_w, landscape_w) = (portrait().text_width(), landscape().text_width());
    let plans: std::collections::HashMap<&Vec<String>, layout::Plan> =
        same.iter().map(|(c, rows)| (*c, layout::plan(c, rows, portrait_w, landscape_w))).collect();
    let start = flow.items.len();
    let mut heading: Option<usize> = None;
    // Where each table went (its place in the flow and the block), to lay it out again should its page turn.
    let mut tables: Vec<(usize, &Block)> = Vec::new();
    for b in body {
        match b {
            Block::Para(t) => {
                let p = P { keep_next: t.trim_end().ends_with(':'), ..body_para() };
                flow.p(p, vec![R::new(t.as_str(), BODY)]);
            }
            Block::Item(t) => flow.p(P { after: 60, ..body_para() }, vec![R::new(t.as_str(), BODY)]),
            Block::Basis(t) => flow.p(P { after: 60, ..body_para() }, vec![R::new(t.as_str(), BODY).italic()]),
            Block::Centered(t) => flow.p(
                P { before: 120, after: 120, keep_next: true, ..line(Align::Center, 0) },
                vec![R::new(t.as_str(), BODY).bold()],
            ),
            Block::Heading(t) => {
                heading = Some(flow.items.len());
                flow.p(
                    P { before: 120, after: 120, keep_next: true, ..P::default() },
                    vec![R::new(t.as_str(), BODY).bold()],
                );
            }
            Block::Blank(t) => {
                let r = R { highlight: true, ..R::new(format!("[{t}]"), BODY) };
                flow.p(body_para(), vec![r]);
            }
            Block::Table { columns, rows } => {
                let (item, wide) = table(columns, rows, plans[columns].clone());
                if wide {
                    // The paragraph that introduces the table and the heading just above it; in an annex, its title.
                    let n = flow.items.len();
                    let mut from = n;
                    if from > 0 && matches!(&flow.items[from - 1].0, Item::P(p, r) if p.keep_next && !r.is_empty()) {
                        from -= 1;
                        if heading == Some(from.wrapping_sub(1)) {
                            from -= 1;
                        }
                    }
                    if let Some(l) = lead.filter(|l| n - l <= 4) {
                        from = from.min(l);
                    }
                    flow.items[from..].iter_mut().for_each(|(_, land)| *land = true);
                }
                tables.push((flow.items.len(), b));
                flow.items.push((item, wide));
                // A table cannot end a section or the body: a small paragraph after it, on the same page.
                flow.items.push((Item::P(P { after: 120, ..P::default() }, vec![]), wide));
                lead = None;
                heading = None;
            }
        }
    }
    // A short stretch between two landscape pages stays landscape: turning the page twice would cost two pages.
    let land: Vec<usize> = (start..flow.items.len()).filter(|&i| flow.items[i].1).collect();
    for w in land.windows(2) {
        if w[1] - w[0] > 1 && w[1] - w[0] <= 7 {
            flow.items[w[0]..w[1]].iter_mut().for_each(|(_, l)| *l = true);
        }
    }
    // A table laid out for the portrait page that stays on a landscape one takes its width.
    for (at, b) in tables {
        let Block::Table { columns, rows } = b else { continue };
        if flow.items[at].1 && !plans[columns].landscape {
            flow.items[at].0 = table(columns, rows, layout::across(columns, &same[columns], landscape_w)).0;
        }
    }
}

fn signature_paras(s: &Signature) -> Vec<(P, Vec<R>)> {
    let mut v = Vec::new();
    if let Some(a) = &s.authority {
        v.push((line(Align::Center, 0), vec![R::new(a.to_uppercase(), BODY).bold()]));
    }
    v.push((line(Align::Center, 0), vec![R::new(s.title.to_uppercase(), BODY).bold()]));
    v.push((line(Align::Center, 1400), vec![R::new("(Ký, ghi rõ họ tên)", BODY).italic()]));
    v.push((line(Align::Center, 0), vec![R::new(s.name.as_str(), BODY).bold()]));
    v
}

/// The flow as the body's XML: a section ends wherever the page turns, its properties in its last paragraph (an
/// empty one after a table); the first section alone has the plain first page.
fn write(flow: Flow) -> String {
    let mut out = String::new();
    let mut first = true;
    let mut starts = true;
    let n = flow.items.len();
    let mut items = flow.items.into_iter().peekable();
    let mut i = 0;
    while let Some((item, land)) = items.next() {
        i += 1;
        let page = if land { landscape() } else { portrait() };
        let ends = items.peek().is_some_and(|(_, next)| *next != land);
        let sect = ends.then(|| xml::sect_pr(&page, first));
        match item {
            Item::P(mut p, runs) => {
                // A new section starts a new page already.
                p.page_break_before &= !starts;
                p.sect = sect;
                xml::para(&mut out, &p, &runs);
            }
            Item::Table { grid, rows, borders } => {
                xml::table(&mut out, &grid, &rows, borders);
                if let Some(s) = sect {
                    xml::para(&mut out, &P { mark_size: Some(2), sect: Some(s), ..P::default() }, &[]);
                }
            }
        }
        starts = ends;
        if ends {
            first = false;
        }
        if i == n {
            out.push_str(&xml::sect_pr(&page, first));
        }
    }
    out
}

/// The document as the bytes of a `.docx` file.
pub fn bytes(d: &Document) -> Result<Vec<u8>> {
    let text = portrait().text_width();
    let mut flow = Flow { items: Vec::new() };
    flow.items.push((header_block(d, text), false));
    flow.p(P::default(), vec![]);
    flow.p(line(Align::Center, 0), vec![R::new(d.kind.to_uppercase(), BODY).bold()]);
    if let Some(s) = &d.subject {
        flow.p(line(Align::Center, 0), vec![R::new(s.as_str(), BODY).bold()]);
        // Under the subject line, a rule a third of its length (Decree 30 Annex I).
        let (p, r) = rule(text, shown_width(s, BODY, true, text) / 3, 240);
        flow.p(p, r);
    }
    if !d.to.is_empty() {
        let lines: Vec<String> =
            d.to.iter().enumerate().map(|(i, t)| if i == 0 { format!("Kính gửi: {t}") } else { t.clone() }).collect();
        flow.p(line(Align::Center, 240), vec![R::new(lines.join("\n"), BODY)]);
    }
    blocks(&mut flow, &d.body, None);
    // The foot: recipients (or a second signature) on the left, the signature on the right; kept with the text
    // before it, never split.
    flow.keep_last_with_next();
    let left: Vec<(P, Vec<R>)> = match &d.second_signature {
        Some(s) => signature_paras(s),
        None if d.recipients.is_empty() => vec![(P::default(), vec![])],
        None => {
            let mut v = vec![(P::default(), vec![R::new("Nơi nhận:", SMALL).bold().italic()])];
            for (i, r) in d.recipients.iter().enumerate() {
                let end = if i + 1 == d.recipients.len() { "." } else { ";" };
                v.push((P::default(), vec![R::new(format!("- {r}{end}"), NOTE)]));
            }
            v
        }
    };
    let right = d.signature.as_ref().map_or_else(|| vec![(P::default(), vec![])], signature_paras);
    // On the page of what it follows (a landscape table at the end of the body takes the signature with it).
    let land = flow.landscape();
    let width = if land { landscape().text_width() } else { text };
    let lw = width * 45 / 100;
    flow.items.push((two_columns(left, right, [lw, width - lw]), land));
    if let Some((title, sub, body)) = &d.annex {
        let lead = Some(flow.items.len());
        flow.p(
            P { page_break_before: true, keep_next: true, ..line(Align::Center, 0) },
            vec![R::new(title.to_uppercase(), BODY).bold()],
        );
        flow.p(P { keep_next: true, ..line(Align::Center, 240) }, vec![R::new(sub.as_str(), BODY).italic()]);
        blocks(&mut flow, body, lead);
    } else {
        // The body cannot end on a table: a paragraph a point high after it, which never needs a page of its own.
        flow.items.push((Item::P(P { mark_size: Some(2), ..P::default() }, vec![]), land));
    }
    let title = match &d.subject {
        Some(s) => format!("{} {s}", d.kind),
        None => d.kind.clone(),
    };
    package::zip(&package::document(&write(flow)), &title, BODY)
}
