//! A page laid out in millimetres (a certificate on its blank, a blank's test grid) and its PDF: text in boxes,
//! each wrapped to its width and made smaller until it fits its height, in Liberation Serif (metric-compatible with
//! Times New Roman, every Vietnamese letter; OFL, `assets/fonts/LICENSE`), embedded as a subset so that no font on
//! the printing machine is assumed.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;

use crate::error::{refused, Result};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf");

/// Points in a millimetre (PDF's unit is the point, 1/72 inch).
const PT: f32 = 72.0 / 25.4;
/// A line's height as a multiple of its font size.
const LEADING: f32 = 1.2;
/// How far a text may shrink to fit its box before it is printed as it is.
const MIN_SCALE: f32 = 0.6;

/// A text that did not fit its box even at its smallest: the page (from 1) and the box's field.
pub type Overflow = (usize, String);

/// One page; lengths in millimetres from the top-left corner.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub enum Item {
    Text(TextBox),
    /// A millimetre grid over the page: a thin line every `step`, a darker one every five, numbered.
    Grid {
        step: f32,
    },
    /// A box's outline with its name, dashed: where a field will be printed.
    Frame {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        label: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A text in a box: `size` in points; lines break at `\n` and wherever the width ends.
#[derive(Debug, Clone)]
pub struct TextBox {
    /// What the box holds (a certificate's field), for the warning of a text that does not fit.
    pub field: String,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub red: bool,
    /// A rule under each line, as long as the line (the motto under the national heading).
    pub underline: bool,
    pub align: Align,
    pub text: String,
}

struct Face {
    font: Font,
    metrics: ttf_parser::Face<'static>,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Result<Face> {
        let font = Font::new(bytes.into(), 0).ok_or_else(|| refused(msg!("the certificate font cannot be read")))?;
        let metrics =
            ttf_parser::Face::parse(bytes, 0).map_err(|_| refused(msg!("the certificate font cannot be read")))?;
        Ok(Face { font, metrics })
    }

    /// A text's width in millimetres at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        let upm = f32::from(self.metrics.units_per_em());
        let units: u32 = text
            .chars()
            .map(|c| {
                let g = self.metrics.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                u32::from(self.metrics.glyph_hor_advance(g).unwrap_or(0))
            })
            .sum();
        units as f32 / upm * size / PT
    }

    /// From a line's top to its baseline, in millimetres.
    fn ascent(&self, size: f32) -> f32 {
        f32::from(self.metrics.ascender()) / f32::from(self.metrics.units_per_em()) * size / PT
    }
}

/// The lines of a text wrapped to `width` millimetres: words kept whole (a word longer than the width stands alone).
fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if !line.is_empty() && face.width(&candidate, size) > width {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            } else {
                line = candidate;
            }
        }
        lines.push(line);
    }
    lines
}

/// The size a text is printed at, its lines, and whether they fit: the box's size, smaller by half points until
/// the lines fit the box, down to `MIN_SCALE` of it.
fn fit(face: &Face, b: &TextBox) -> (f32, Vec<String>, bool) {
    let mut size = b.size;
    loop {
        let lines = wrap(face, &b.text, size, b.w);
        let tall = lines.len() as f32 * size * LEADING / PT;
        let fits = tall <= b.h + 0.01 && lines.iter().all(|l| face.width(l, size) <= b.w);
        if fits || size - 0.5 < b.size * MIN_SCALE {
            return (size, lines, fits);
        }
        size -= 0.5;
    }
}

fn fill(r: u8, g: u8, b: u8) -> Option<Fill> {
    Some(Fill { paint: rgb::Color::new(r, g, b).into(), opacity: NormalizedF32::ONE, rule: Default::default() })
}

fn stroke(r: u8, g: u8, b: u8, width: f32, dashed: bool) -> Option<Stroke> {
    Some(Stroke {
        paint: rgb::Color::new(r, g, b).into(),
        width,
        dash: dashed.then(|| StrokeDash { array: vec![2.0, 2.0], offset: 0.0 }),
        ..Default::default()
    })
}

fn line(s: &mut Surface, x1: f32, y1: f32, x2: f32, y2: f32) {
    let mut pb = PathBuilder::new();
    pb.move_to(x1 * PT, y1 * PT);
    pb.line_to(x2 * PT, y2 * PT);
    if let Some(p) = pb.finish() {
        s.draw_path(&p);
    }
}

/// Draws a box's text; false when it did not fit even at its smallest.
fn draw_text(s: &mut Surface, face: &Face, b: &TextBox) -> bool {
    let (size, lines, fits) = fit(face, b);
    s.set_fill(if b.red { fill(204, 0, 0) } else { fill(0, 0, 0) });
    let step = size * LEADING / PT;
    let mut top = b.y;
    for l in &lines {
        let x = match b.align {
            Align::Left => b.x,
            Align::Center => b.x + (b.w - face.width(l, size)) / 2.0,
            Align::Right => b.x + b.w - face.width(l, size),
        };
        // The line's extra leading split above and below, as a word processor does.
        let baseline = top + (step - size / PT) / 2.0 + face.ascent(size);
        s.draw_text(Point::from_xy(x * PT, baseline * PT), face.font.clone(), size, l, false, TextDirection::Auto);
        if b.underline {
            s.set_stroke(stroke(0, 0, 0, size / 20.0, false));
            let under = baseline + size / PT * 0.15;
            line(s, x, under, x + face.width(l, size), under);
            s.set_stroke(None);
        }
        top += step;
    }
    fits
}

/// A small note on a test page (a millimetre mark, a field's name).
fn small(x: f32, y: f32, w: f32, text: String) -> TextBox {
    TextBox {
        field: String::new(),
        x,
        y,
        w,
        h: 4.0,
        size: 7.0,
        bold: false,
        italic: false,
        red: false,
        underline: false,
        align: Align::Left,
        text,
    }
}

fn draw_grid(s: &mut Surface, face: &Face, sheet: &Sheet, step: f32) {
    let steps = |len: f32| (0..).map(move |i| i as f32 * step).take_while(move |v| *v <= len + 0.01);
    for (n, x) in steps(sheet.width).enumerate() {
        let major = n % 5 == 0;
        s.set_stroke(if major { stroke(90, 90, 90, 0.6, false) } else { stroke(190, 190, 190, 0.3, false) });
        line(s, x, 0.0, x, sheet.height);
        if major && n > 0 {
            let _ = draw_text(s, face, &small(x + 0.8, 1.0, 20.0, format!("{x:.0}")));
        }
    }
    for (n, y) in steps(sheet.height).enumerate() {
        let major = n % 5 == 0;
        s.set_stroke(if major { stroke(90, 90, 90, 0.6, false) } else { stroke(190, 190, 190, 0.3, false) });
        line(s, 0.0, y, sheet.width, y);
        if major && n > 0 {
            let _ = draw_text(s, face, &small(1.0, y + 0.5, 20.0, format!("{y:.0}")));
        }
    }
    s.set_stroke(None);
}

fn draw_frame(s: &mut Surface, face: &Face, x: f32, y: f32, w: f32, h: f32, label: &str) {
    s.set_fill(None);
    s.set_stroke(stroke(0, 70, 200, 0.8, true));
    let mut pb = PathBuilder::new();
    if let Some(r) = krilla::geom::Rect::from_xywh(x * PT, y * PT, w * PT, h * PT) {
        pb.push_rect(r);
    }
    if let Some(p) = pb.finish() {
        s.draw_path(&p);
    }
    s.set_stroke(None);
    let _ = draw_text(s, face, &small(x + 0.6, y + 0.4, w, label.to_string()));
}

/// The pages as one PDF, its fonts embedded (subsets), its title and language in the document's information; with
/// the texts that did not fit their boxes (page number from 1, the box's field).
pub fn pdf(sheets: &[Sheet], title: &str) -> Result<(Vec<u8>, Vec<Overflow>)> {
    let mut overflow = Vec::new();
    let faces = [Face::load(REGULAR)?, Face::load(BOLD)?, Face::load(ITALIC)?];
    let face_of = |b: &TextBox| match (b.bold, b.italic) {
        (true, _) => &faces[1],
        (false, true) => &faces[2],
        (false, false) => &faces[0],
    };
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language("vi".into())
            .creator(format!("thidua {}", env!("CARGO_PKG_VERSION"))),
    );
    for (n, sheet) in sheets.iter().enumerate() {
        let settings = PageSettings::from_wh(sheet.width * PT, sheet.height * PT).ok_or_else(|| {
            refused(msg!(
                "a page of {} × {} mm cannot be printed",
                format!("{:.0}", sheet.width),
                format!("{:.0}", sheet.height)
            ))
        })?;
        let mut page = doc.start_page_with(settings);
        let mut s = page.surface();
        for item in &sheet.items {
            match item {
                Item::Text(b) => {
                    if !draw_text(&mut s, face_of(b), b) {
                        overflow.push((n + 1, b.field.clone()));
                    }
                }
                Item::Grid { step } => draw_grid(&mut s, &faces[0], sheet, *step),
                Item::Frame { x, y, w, h, label } => draw_frame(&mut s, &faces[0], *x, *y, *w, *h, label),
            }
        }
        s.finish();
        page.finish();
    }
    let bytes = doc.finish().map_err(|e| refused(msg!("the PDF cannot be written: {}", format!("{e:?}"))))?;
    Ok((bytes, overflow))
}
