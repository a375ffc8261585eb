//! Table columns sized from their content, measured with Times New Roman's advance widths (Liberation Serif's, the
//! same glyph for glyph: `widths.rs`): no column narrower than its longest word, so a word is never broken inside;
//! the room left given to the columns whose text would otherwise wrap most. A table whose words cannot fit the
//! portrait page goes on a landscape page of its own (Decree 30/2020/NĐ-CP Annex I lets a table be laid out across
//! the width of the A4 sheet), and only if that is not enough either, its text steps down from 12 to 11 pt.

use super::widths::{UNITS_PER_EM, WIDTHS};

/// Left and right padding inside a bordered cell, in twips (1.4 mm).
pub const CELL_PAD: u32 = 80;
/// What a column needs beyond its text: both paddings, the border, and a margin for the renderer's rounding.
const SLACK: u32 = 2 * CELL_PAD + 40;
/// A column to sign in ("Ký nhận", "Ký tên", all its cells empty): at least 30 mm.
const EMPTY_COLUMN: u32 = 1701;

/// Whether column `i` is a place to sign: headed "Ký …" and empty in every row.
pub fn is_sign_column(header: &str, rows: &[Vec<String>], i: usize) -> bool {
    header.starts_with("Ký") && !rows.is_empty() && rows.iter().all(|r| r.get(i).is_none_or(|c| c.trim().is_empty()))
}

/// The advance width of one character in 1/2048 em; a character the table does not hold is measured by its base
/// letter (a decomposed accent adds nothing), else as the widest common letter, so an unknown glyph errs wide.
fn advance(c: char, bold: bool) -> u32 {
    let pick = |(_, r, b): &(char, u16, u16)| u32::from(if bold { *b } else { *r });
    if let Ok(i) = WIDTHS.binary_search_by_key(&c, |w| w.0) {
        return pick(&WIDTHS[i]);
    }
    if unicode_normalization::char::is_combining_mark(c) {
        return 0;
    }
    let mut base = [c; 4];
    let mut n = 0;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if n < 4 {
            base[n] = d;
            n += 1;
        }
    });
    if n > 1 && base[0] != c {
        return advance(base[0], bold);
    }
    1843 // 'M'
}

/// The width of a text on one line, in twips, at `half_points`.
pub fn text_width(s: &str, half_points: u32, bold: bool) -> u32 {
    let units: u32 = s.chars().map(|c| advance(c, bold)).sum();
    // twips = units / em × size in points × 20 = units × half-points × 10 / em; rounded up.
    (u64::from(units) * u64::from(half_points) * 10).div_ceil(u64::from(UNITS_PER_EM)) as u32
}

/// The widest word of a text (words break at spaces and after a hyphen or slash only where the renderer would: at
/// spaces), in twips.
pub fn longest_word(s: &str, half_points: u32, bold: bool) -> u32 {
    s.split_whitespace().map(|w| text_width(w, half_points, bold)).max().unwrap_or(0)
}

/// What one column needs: its longest word (the least it may have), its longest line unwrapped (all its cells could
/// use, and room for its header on two lines), and its header on one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Need {
    pub min: u32,
    /// The cells on one line, the header on at most two.
    pub max: u32,
    pub head: u32,
    /// The cells alone on one line.
    pub cells: u32,
}

/// The needs of each column at a size: the header's words in bold, the rows' in regular.
pub fn needs(columns: &[String], rows: &[Vec<String>], half_points: u32) -> Vec<Need> {
    (0..columns.len())
        .map(|i| {
            let cells = rows.iter().filter_map(|r| r.get(i));
            let mut min = longest_word(&columns[i], half_points, true);
            let mut max = 0;
            for c in cells {
                min = min.max(longest_word(c, half_points, false));
                max = max.max(c.lines().map(|l| text_width(l, half_points, false)).max().unwrap_or(0));
            }
            let mut n = Need { min: min + SLACK, max: max.max(min) + SLACK, head: 0, cells: 0 };
            if is_sign_column(&columns[i], rows, i) {
                n.min = n.min.max(EMPTY_COLUMN);
                n.max = n.max.max(EMPTY_COLUMN);
            }
            let head = text_width(&columns[i], half_points, true);
            // At most two lines of header before the long texts get their share; on one line after.
            n.cells = n.max;
            n.max = n.max.max(head / 2 + SLACK).max(n.min);
            n.head = n.max.max(head + SLACK);
            n
        })
        .collect()
}

/// Widens the columns of `w` towards `target` with `spare`, as water fills: first the columns that need little more
/// to reach it, then an equal share to each of the rest. What is left of `spare`.
fn fill(w: &mut [u32], target: &[u32], mut spare: u32) -> u32 {
    let mut open: Vec<usize> = (0..w.len()).filter(|&i| target[i] > w[i]).collect();
    while !open.is_empty() && spare > 0 {
        let share = spare / open.len() as u32;
        let (done, rest): (Vec<usize>, Vec<usize>) = open.iter().partition(|&&i| target[i] - w[i] <= share);
        if done.is_empty() {
            rest.iter().for_each(|&i| w[i] += share);
            return spare - share * rest.len() as u32;
        }
        for i in done {
            spare -= target[i] - w[i];
            w[i] = target[i];
        }
        open = rest;
    }
    spare
}

/// Column widths that fill `width`. Every column gets its longest word; the room left goes first to the columns
/// that need little more to hold their cells on one line (a rank, a short name, a band), what remains shared equally
/// among the long texts, which wrap; then to headers that would wrap; then in proportion. `None` when the longest
/// words alone do not fit.
#[cfg(test)]
fn fit(needs: &[Need], width: u32) -> Option<Vec<u32>> {
    fit_by(needs, width, &[|n: &Need| n.max, |n: &Need| n.head])
}

/// A width a column may be widened to, one of its [`Need`]'s.
type Target = fn(&Need) -> u32;

/// [`fit`] with the targets filled in the order given, then the rest in proportion.
fn fit_by(needs: &[Need], width: u32, targets: &[Target]) -> Option<Vec<u32>> {
    let min: u32 = needs.iter().map(|n| n.min).sum();
    if min > width {
        return None;
    }
    let mut w: Vec<u32> = needs.iter().map(|n| n.min).collect();
    let mut spare = width - min;
    for t in targets {
        spare = fill(&mut w, &needs.iter().map(t).collect::<Vec<_>>(), spare);
    }
    let sum: u32 = w.iter().sum::<u32>().max(1);
    let mut out: Vec<u32> = w.iter().map(|x| x + (u64::from(spare) * u64::from(*x) / u64::from(sum)) as u32).collect();
    // The rounding's remainder to the widest column, so the table is exactly as wide as the text.
    let sum: u32 = out.iter().sum();
    if let Some(x) = out.iter_mut().max() {
        *x += width - sum;
    }
    Some(out)
}

/// Of the ways [`fit_by`] can fill a width, the one whose rows and header take the fewest lines: headers on two
/// lines first (a table of few rows), or the cells first and the headers wrapped deeper (a table of long notes).
fn best(columns: &[String], rows: &[Vec<String>], needs: &[Need], width: u32, half_points: u32) -> Option<Vec<u32>> {
    let orders: [&[Target]; 2] = [&[|n| n.max, |n| n.head], &[|n| n.cells, |n| n.max, |n| n.head]];
    let head = vec![columns.to_vec()];
    orders
        .iter()
        .filter_map(|o| fit_by(needs, width, o))
        .min_by_key(|g| height(rows, g, half_points) + height(&head, g, half_points))
}

/// How many lines a text takes in a column `width` wide (padding included), its words laid greedily as a renderer
/// does.
pub fn lines(s: &str, width: u32, half_points: u32) -> u32 {
    let room = width.saturating_sub(SLACK).max(1);
    let space = text_width(" ", half_points, false);
    let mut n = 0;
    for para in s.lines() {
        n += 1;
        let mut at = 0;
        for word in para.split_whitespace() {
            let w = text_width(word, half_points, false);
            if at > 0 && at + space + w > room {
                n += 1;
                at = w;
            } else {
                at += if at > 0 { space + w } else { w };
            }
        }
    }
    n.max(1)
}

/// The lines the table's rows take in all, its columns `grid` wide.
fn height(rows: &[Vec<String>], grid: &[u32], half_points: u32) -> u32 {
    rows.iter().map(|r| r.iter().zip(grid).map(|(c, g)| lines(c, *g, half_points)).max().unwrap_or(1)).sum()
}

/// How a table is laid out: its column widths, the size of its text, and whether its page turns landscape.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub grid: Vec<u32>,
    pub half_points: u32,
    pub landscape: bool,
}

/// The table at 12 pt on the portrait page; else at 12 pt across a landscape page; else at 11 pt there; else (a word
/// wider than the page allows) the landscape page's columns in proportion to their longest words. A table that fits
/// the portrait page only by wrapping its rows more than three lines deep on average turns landscape too when that
/// saves a quarter of its height.
pub fn plan(columns: &[String], rows: &[Vec<String>], portrait: u32, landscape: u32) -> Plan {
    let n = needs(columns, rows, 24);
    if let Some(grid) = best(columns, rows, &n, portrait, 24) {
        let tall = height(rows, &grid, 24);
        if tall > 3 * rows.len() as u32 && tall >= 15 {
            if let Some(wide) = best(columns, rows, &n, landscape, 24).filter(|g| height(rows, g, 24) * 4 <= tall * 3) {
                return Plan { grid: wide, half_points: 24, landscape: true };
            }
        }
        return Plan { grid, half_points: 24, landscape: false };
    }
    across(columns, rows, landscape)
}

/// A table laid across a landscape page `width` wide: at 12 pt, else at 11 pt, else in proportion to its longest
/// words (a table planned for portrait that a landscape stretch takes in).
pub fn across(columns: &[String], rows: &[Vec<String>], width: u32) -> Plan {
    for half_points in [24, 22] {
        if let Some(grid) = best(columns, rows, &needs(columns, rows, half_points), width, half_points) {
            return Plan { grid, half_points, landscape: true };
        }
    }
    let n = needs(columns, rows, 22);
    let min: u64 = n.iter().map(|x| u64::from(x.min)).sum::<u64>().max(1);
    let grid = n.iter().map(|x| (u64::from(x.min) * u64::from(width) / min) as u32).collect();
    Plan { grid, half_points: 22, landscape: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_times_new_romans() {
        // Times New Roman: a space is 1/4 em, 'M' 0.889 em, a digit 1/2 em; at 12 pt (240 twips to the em).
        assert_eq!(text_width(" ", 24, false), 60);
        assert_eq!(text_width("0", 24, false), 120);
        assert_eq!(text_width("M", 24, false), 214);
        // A precomposed Vietnamese letter is as wide as its base letter; the decomposed form measures the same.
        assert_eq!(text_width("ế", 28, false), text_width("e", 28, false));
        assert_eq!(text_width("Nguyễn", 28, true), text_width("Nguye\u{302}\u{303}n", 28, true));
        assert!(text_width("Xếp", 24, true) > text_width("Xếp", 24, false));
    }

    #[test]
    fn no_column_is_narrower_than_its_longest_word() {
        let cols: Vec<String> = ["STT", "Họ và tên", "Đơn vị", "Điểm"].map(String::from).into();
        let rows = vec![
            vec!["1".into(), "Trần Thị Yến Phương".into(), "Bảo hiểm xã hội thị xã Trảng Bàng".into(), "98,5".into()],
            vec!["2".into(), "Tạ Thị Dân".into(), "Cục Thống kê".into(), "100".into()],
        ];
        let n = needs(&cols, &rows, 24);
        let grid = fit(&n, 9354).expect("fits A4 portrait");
        assert_eq!(grid.iter().sum::<u32>(), 9354);
        for (g, need) in grid.iter().zip(&n) {
            assert!(*g >= need.min, "{grid:?} {n:?}");
        }
        // STT stays narrow, and the names get the room.
        assert!(grid[0] < grid[1] && grid[0] < 1000, "{grid:?}");
    }

    #[test]
    fn a_table_too_wide_for_portrait_turns_landscape() {
        let cols: Vec<String> = (0..10).map(|i| format!("Tiêu chí {i}")).collect();
        let rows = vec![(0..10).map(|_| "27/02/2020".to_string()).collect::<Vec<_>>()];
        let p = plan(&cols, &rows, 9354, 14287);
        assert!(p.landscape && p.half_points == 24, "{p:?}");
        let n = needs(&cols, &rows, p.half_points);
        assert!(p.grid.iter().zip(&n).all(|(g, x)| *g >= x.min));
        assert_eq!(p.grid.iter().sum::<u32>(), 14287);
        // Sixteen dates do not fit even across the sheet at 12 pt: 11 pt, still landscape.
        let cols: Vec<String> = (0..12).map(|i| format!("Tiêu chí {i}")).collect();
        let rows = vec![(0..12).map(|_| "27/02/2020".to_string()).collect::<Vec<_>>()];
        let p = plan(&cols, &rows, 9354, 14287);
        assert!(p.landscape && p.half_points == 22, "{p:?}");
        let narrow = plan(&cols[..3], &rows.iter().map(|r| r[..3].to_vec()).collect::<Vec<_>>(), 9354, 14287);
        assert!(!narrow.landscape && narrow.half_points == 24);
    }

    #[test]
    fn the_room_left_goes_first_to_the_columns_it_puts_on_one_line() {
        let need = |min, max, head| Need { min, max, head, cells: max };
        let n = [need(500, 900, 900), need(800, 8000, 8000), need(600, 1000, 1200)];
        let g = fit(&n, 4000).unwrap();
        assert_eq!(g.iter().sum::<u32>(), 4000);
        assert_eq!((g[0], g[2]), (900, 1000), "the short ones whole: {g:?}");
        assert_eq!(lines("một hai ba", 10_000, 24), 1);
        assert!(lines("một hai ba bốn năm sáu bảy tám chín mười", 1000, 24) >= 3);
        assert_eq!(lines("dòng một\ndòng hai", 10_000, 24), 2);
    }

    #[test]
    fn a_column_to_sign_in_has_room_and_an_empty_note_does_not() {
        let cols: Vec<String> = ["STT", "Ký nhận", "Ghi chú"].map(String::from).into();
        let n = needs(&cols, &[vec!["1".into(), String::new(), String::new()]], 24);
        assert!(n[1].min >= EMPTY_COLUMN);
        assert!(n[2].min < EMPTY_COLUMN / 2, "{n:?}");
    }
}
