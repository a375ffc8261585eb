//! Messages for people in Vietnamese: every error, hint and import line the tool prints is written once in
//! English where it happens, and rendered under `--lang vi` through this catalog of (English template, Vietnamese
//! template). `{}` in an English template stands for a value (a code, a name, a number, a file); the Vietnamese
//! template puts the values back by position, `{0}`, `{1}`, … A message the catalog does not know is printed as
//! written, and the test suite fails on it (`tests/cli/main.rs` runs every refusal again under `--lang vi`).

use super::Lang;
use crate::msg::{Arg, Msg};

/// A typed message in the reader's language: its Vietnamese template looked up by its key, the values put in
/// their places, each in the reader's words (a label, a number's decimal mark, a message within).
pub fn text(m: &Msg, lang: Lang) -> String {
    if lang == Lang::En {
        return m.english();
    }
    if m.key == "{}" {
        return match m.args.as_slice() {
            [Arg::Said(s)] => say(s, lang),
            [a] => arg_text(a, lang),
            _ => m.english(),
        };
    }
    let Some(vi) = vietnamese(m.key) else { return m.english() };
    let mut out = String::with_capacity(vi.len() + 16);
    let mut rest = vi;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match (after[..digits].parse::<usize>(), after[digits..].starts_with('}')) {
            (Ok(i), true) => {
                if let Some(a) = m.args.get(i) {
                    out.push_str(&arg_text(a, lang));
                }
                rest = &after[digits + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn arg_text(a: &Arg, lang: Lang) -> String {
    match a {
        Arg::Text(s) => s.clone(),
        Arg::Num(x) => crate::text::format_number(*x, lang == Lang::Vi),
        Arg::Pct(x) => format!("{}%", crate::text::format_number((x * 10.0).round() / 10.0, lang == Lang::Vi)),
        Arg::Date(d) => crate::text::format_date(*d),
        Arg::Label(k) => super::labels::label(k, lang).to_string(),
        Arg::Msg(m) => text(m, lang),
        Arg::List(items, sep) => items.iter().map(|a| arg_text(a, lang)).collect::<Vec<_>>().join(sep),
        Arg::Said(s) if lang == Lang::En => s.clone(),
        Arg::Said(s) => render(s, true),
    }
}

/// The Vietnamese template of a key, from MESSAGES then VALUES (the first entry of a key wins).
fn vietnamese(key: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = std::collections::HashMap::with_capacity(MESSAGES.len() + VALUES.len());
        for (en, vi) in TYPED.iter().chain(MESSAGES).chain(VALUES) {
            m.entry(*en).or_insert(*vi);
        }
        m
    });
    map.get(key).copied()
}

/// Whether the catalog has a key (the tests check every `msg!` of the source).
pub fn knows(key: &str) -> bool {
    key == "{}" || vietnamese(key).is_some()
}

/// Renders a message in the language: as written in English, or through its Vietnamese template.
pub fn say(msg: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return msg.to_string();
    }
    render(msg, false)
}

/// A whole message (in Vietnamese) through MESSAGES; a value (`value`) through VALUES too. What was rendered is
/// kept for the next time: the evidence of a national `register check` says the same few things of many people.
fn render(msg: &str, value: bool) -> String {
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<(String, bool), String>> = Default::default();
    }
    if let Some(done) = SEEN.with(|s| s.borrow().get(&(msg.to_string(), value)).cloned()) {
        return done;
    }
    let done = render_new(msg, value);
    SEEN.with(|s| {
        let mut s = s.borrow_mut();
        // Bounded: a list of a million names must not grow it without end.
        if s.len() >= 50_000 {
            s.clear();
        }
        s.insert((msg.to_string(), value), done.clone());
    });
    done
}

fn render_new(msg: &str, value: bool) -> String {
    // A list of values ("A — B (why); C — D (why)"): each on its own first, so that a template cannot take the
    // separator of the list for one of its own.
    if value && msg.contains("; ") {
        let parts: Vec<&str> = msg.split("; ").collect();
        let done: Vec<String> = parts.iter().map(|p| render(p, true)).collect();
        if done.iter().zip(&parts).all(|(d, p)| d != p) {
            return done.join("; ");
        }
    }
    let first = msg.as_bytes().first().copied();
    let tables: &[(&[(&str, &str)], &Index)] =
        if value { &[(MESSAGES, messages_index()), (VALUES, values_index())] } else { &[(MESSAGES, messages_index())] };
    for (en, vi) in tables.iter().flat_map(|(t, index)| index.candidates(first).iter().map(|&i| &t[i as usize])) {
        if let Some(values) = matches(en, msg) {
            // A value may itself be a message (a cell's refusal inside an import line, a status inside a sentence).
            let values: Vec<String> = values.iter().map(|v| render(v, true)).collect();
            return fill(vi, &values);
        }
    }
    // A list ("1 sub-unit, 1 person"): each part on its own.
    if value && msg.contains(", ") {
        return msg.split(", ").map(|p| render(p, true)).collect::<Vec<_>>().join(", ");
    }
    msg.to_string()
}

/// A catalog's templates by the first byte a message they take can start with: those whose text starts with that
/// byte and those that start with a value (`{}`), in the catalog's order. A message is tried against its list only,
/// not against every template (under `--lang vi` every evidence line of `register check` passes here).
struct Index([Vec<u16>; 257]);

impl Index {
    fn new(table: &[(&str, &str)]) -> Index {
        let mut lists: [Vec<u16>; 257] = std::array::from_fn(|_| Vec::new());
        for (i, (en, _)) in table.iter().enumerate() {
            let prefix = en.split("{}").next().unwrap_or_default();
            match prefix.as_bytes().first() {
                Some(&b) => lists[usize::from(b)].push(i as u16),
                None => {
                    for l in lists.iter_mut() {
                        l.push(i as u16);
                    }
                }
            }
        }
        Index(lists)
    }

    /// The templates a message starting with `first` (none: an empty message) may match, in catalog order.
    fn candidates(&self, first: Option<u8>) -> &[u16] {
        &self.0[first.map_or(256, usize::from)]
    }
}

fn messages_index() -> &'static Index {
    static I: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    I.get_or_init(|| Index::new(MESSAGES))
}

fn values_index() -> &'static Index {
    static I: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    I.get_or_init(|| Index::new(VALUES))
}

/// The values a message gives to the `{}` of a template, when it has the template's shape. Each value is the
/// shortest text up to the next literal part of the template; the last part must end the message.
fn matches(template: &str, msg: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let mut rest = msg.strip_prefix(parts[0])?;
    if parts.len() == 1 {
        return rest.is_empty().then(Vec::new);
    }
    let mut values = Vec::with_capacity(parts.len() - 1);
    for (i, p) in parts.iter().enumerate().skip(1) {
        let last = i == parts.len() - 1;
        let at = if last {
            if !rest.ends_with(p) {
                return None;
            }
            rest.len() - p.len()
        } else if p.is_empty() {
            return None;
        } else {
            rest.find(p)?
        };
        values.push(rest[..at].to_string());
        rest = &rest[at + p.len()..];
    }
    Some(values)
}

fn fill(template: &str, values: &[String]) -> String {
    let mut out = template.to_string();
    for (i, v) in values.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), v);
    }
    out
}

/// An import's bad row, `FILE:LINE: message` (or `FILE:Sheet!ROW: message`), with the message rendered.
pub fn say_row(line: &str, lang: Lang) -> String {
    let bytes = line.as_bytes();
    for i in 0..bytes.len() {
        if matches!(bytes[i], b':' | b'!') {
            let digits = bytes[i + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 0 && line[i + 1 + digits..].starts_with(": ") {
                let (place, msg) = line.split_at(i + 1 + digits + 2);
                return format!("{place}{}", say(msg, lang));
            }
        }
    }
    say(line, lang)
}

/// Templates only typed messages use, looked up by key: too general for the matcher of sentences, which
/// would take every message with a colon for one of them.
const TYPED: &[(&str, &str)] = &[
    ("{}: {}", "{0}: {1}"),
    ("{}{}: {}", "{0}{1}: {2}"),
    ("{}:{}: {}", "{0}:{1}: {2}"),
    ("file: {}", "tệp: {0}"),
    ("{} {}", "{0} {1}"),
    ("{} ({})", "{0} ({1})"),
    ("#{} {} ({})", "#{0} {1} ({2})"),
    ("#{} {}", "#{0} {1}"),
    ("{} more", "{0} người khác"),
    ("see `thidua unit list`", "xem `thidua unit list`"),
    (
        "the file has no scoring criteria yet: `thidua score criteria add` or `import`",
        "tệp chưa có tiêu chí chấm điểm: `thidua score criteria add` hoặc `import`",
    ),
    ("see `thidua score criteria list`", "xem `thidua score criteria list`"),
    (
        "the file has no campaigns yet: add one with `thidua campaign add`",
        "tệp chưa có phong trào nào: thêm bằng `thidua campaign add`",
    ),
    ("campaigns: {}", "các phong trào: {0}"),
    ("the same row as line {} of this file", "trùng với dòng {0} của tệp này"),
    ("group code '{}' holds letters outside A–Z: write it {}", "mã nhóm '{0}' có chữ ngoài bảng A–Z: hãy viết {1}"),
    (
        "group code '{}' is not a code: use up to 32 letters A–Z, digits, '_', '-' or '.' (e.g. BHXH, CT_TN)",
        "mã nhóm '{0}' không hợp lệ: dùng tối đa 32 chữ cái A–Z, chữ số, '_', '-' hoặc '.' (ví dụ BHXH, CT_TN)",
    ),
    ("a name is required", "cần có họ và tên"),
    (
        "'{}' is not a date (write dd/mm/yyyy or yyyy-mm-dd)",
        "'{0}' không phải là ngày (ghi dd/mm/yyyy hoặc yyyy-mm-dd)",
    ),
    ("no unit has signed the pledge of {} yet", "chưa có đơn vị nào ký giao ước của {0}"),
    ("no decision {} of {}", "không có quyết định {0} của {1}"),
    ("unit code '{}' is already taken", "mã đơn vị '{0}' đã được dùng"),
    ("no person with staff code '{}'", "không có người có mã cán bộ '{0}'"),
    (
        "{} names {} decisions; add the issuer and decision_date columns",
        "{0} trùng với {1} quyết định; hãy thêm cột issuer và decision_date",
    ),
    ("setting {} = '{}' is not a number", "thiết lập {0} = '{1}' không phải là số"),
    ("{} is still referred to by {}", "{0} vẫn đang được dùng bởi {1}"),
    ("{} ({}) is for: {}; not for a unit", "{0} ({1}) dành cho: {2}; không dành cho đơn vị"),
    ("{} ({}) is for: {}; not for a person", "{0} ({1}) dành cho: {2}; không dành cho cá nhân"),
    (
        "person '{}' is ambiguous: number {} ({}) and staff code {} ({})",
        "không rõ '{0}' là người nào: số {1} ({2}) hay mã cán bộ {3} ({4})",
    ),
    ("write #{} for the number", "ghi #{0} nếu là số thứ tự"),
    (
        "{} people named '{}' in this unit; give a staff code (column 'code') to tell them apart",
        "đơn vị này có {0} người tên '{1}'; hãy ghi mã cán bộ (cột 'code') để phân biệt",
    ),
    (
        "person '{}' breaks a rule of the file (gender f/m, birth year 1900–2100)",
        "người '{0}' vi phạm quy tắc của tệp (giới tính f/m, năm sinh 1900–2100)",
    ),
    ("{} unassessed, {} unverified", "{0} chưa thẩm định, {1} chưa được thẩm định"),
    ("name a folder made by `thidua export`", "hãy chỉ một thư mục do `thidua export` tạo ra"),
    ("name the subject with --unit or --person", "hãy chỉ đối tượng bằng --unit hoặc --person"),
    ("remove those records first", "hãy xóa các bản ghi đó trước"),
    ("`thidua pledge sign --all --date …`", "`thidua pledge sign --all --date …` (ký giao ước cho mọi đơn vị)"),
    ("the target needs its text", "chỉ tiêu cần có nội dung"),
    ("is empty: name the unit (or the person's staff code)", "đang trống: hãy ghi đơn vị (hoặc mã cán bộ của người)"),
    ("is empty", "đang trống"),
    ("vanished", "không còn trong tệp"),
    ("must be above 0", "phải lớn hơn 0"),
    (
        "was it made by `thidua init`? Check the file name",
        "tệp có phải do `thidua init` tạo ra không? Hãy kiểm tra tên tệp",
    ),
    ("`thidua award list` shows the numbers", "`thidua award list` cho xem các số"),
    ("`thidua register list` shows the numbers", "`thidua register list` cho xem các số"),
    // What the system answers about a file (`std::io::ErrorKind`).
    ("no such file or folder", "không có tệp hay thư mục này"),
    ("permission denied", "không có quyền truy cập"),
    ("it exists already", "đã có"),
    ("it is a folder", "đây là thư mục"),
    ("a part of the path is not a folder", "một phần của đường dẫn không phải là thư mục"),
    ("the disk is full", "ổ đĩa đã đầy"),
    ("the disk is read-only", "ổ đĩa chỉ cho phép đọc"),
];

/// (English, Vietnamese). Order matters only where two templates could take the same message: the more specific
/// first.
const MESSAGES: &[(&str, &str)] = &[
    ("error", "lỗi"),
    ("hint", "gợi ý"),
    ("… and {} more", "… và {0} dòng khác"),
    ("{}: {} bad row; nothing was written", "{0}: {1} dòng sai; không ghi gì vào tệp"),
    ("{}: {} bad rows; nothing was written", "{0}: {1} dòng sai; không ghi gì vào tệp"),
    ("{}: 1 bad row; nothing was written", "{0}: 1 dòng sai; không ghi gì vào tệp"),
    ("internal fault, nothing was changed: {}", "sự cố nội bộ, không có gì bị thay đổi: {0}"),
    ("the file is damaged: {}; nothing was changed", "tệp bị hỏng: {0}; không có gì bị thay đổi"),
    ("`thidua db check` says where; put the latest backup in its place (`thidua db backup` makes them)", "`thidua db check` cho biết hỏng ở đâu; hãy thay tệp bằng bản sao lưu gần nhất (`thidua db backup` tạo bản sao lưu)"),
    ("this is a fault of thidua or of the system, not of what you typed: send this message, the command and `thidua --version` to whoever maintains thidua for you", "đây là lỗi của thidua hoặc của hệ thống, không phải do dữ liệu bạn nhập: hãy gửi thông báo này, câu lệnh đã chạy và kết quả của `thidua --version` cho người hỗ trợ thidua"),
    ("the file is busy: another program has held it for 10 seconds; try again when it is done", "tệp đang bận: một chương trình khác đã giữ tệp 10 giây; hãy thử lại khi chương trình đó xong"),
    ("the file is read-only for you; check its permissions", "bạn chỉ có quyền đọc tệp này; hãy kiểm tra quyền truy cập"),
    ("column '{}': {}", "cột '{0}': {1}"),
    ("a quote opened on this line is never closed: the rest of the file was read as one cell", "dấu nháy mở ở dòng này không được đóng: phần còn lại của tệp bị đọc thành một ô"),
    ("cell {} ('{}') is beyond the {} columns of the header row", "ô thứ {0} ('{1}') nằm ngoài {2} cột của dòng tiêu đề"),
    ("cell {} ('{}') is under a header cell left empty; name its column or remove it", "ô thứ {0} ('{1}') nằm dưới một ô tiêu đề bỏ trống; hãy đặt tên cột hoặc xóa cột đó"),
    ("cell {} holds an error ({})", "ô thứ {0} chứa lỗi ({1})"),
    ("cannot read the rest of the workbook (“{}”)", "không đọc được phần còn lại của tệp bảng tính (“{0}”)"),
    ("cell {} is a formula without a saved value; open and save the file in a spreadsheet program", "ô thứ {0} là công thức chưa có giá trị đã lưu; hãy mở và lưu lại tệp bằng chương trình bảng tính"),
    ("'{}' holds a line break; is a quote left open?", "'{0}' có dấu xuống dòng; có dấu nháy nào chưa đóng không?"),
    ("'{}' is given, but the target has no goal; give the goal, or use the met column", "đã ghi '{0}' nhưng chỉ tiêu không có mức mục tiêu; hãy ghi mục tiêu, hoặc dùng cột đạt/không đạt"),
    ("'{}' is no one's staff code, but '{}' is {}; correct the code, or leave it empty", "không ai có mã cán bộ '{0}', nhưng '{1}' là {2}; hãy sửa mã hoặc để trống"),
    ("'{}' is not {}, whose staff code is '{}'", "'{0}' không phải là {1}, người có mã cán bộ '{2}'"),
    ("'{}' is {} of {}, not of this row's unit", "'{0}' là {1} của {2}, không thuộc đơn vị của dòng này"),
    ("'{}' is not a date: there is no day {} in month {} of {}", "'{0}' không phải là ngày hợp lệ: tháng {2} năm {3} không có ngày {1}"),
    ("'{}' has a {}-digit year; write the year in full (dd/mm/yyyy)", "'{0}' có năm {1} chữ số; hãy ghi năm đủ bốn chữ số (dd/mm/yyyy)"),
    ("'{}' is not a date (dd/mm/yyyy)", "'{0}' không phải là ngày (dd/mm/yyyy)"),
    ("'{}' is not a gender ({}; nữ/nam)", "'{0}' không phải là giới tính ({1}; nữ/nam)"),
    ("'{}' is not a number", "'{0}' không phải là số"),
    ("'{}' is not a whole number", "'{0}' không phải là số nguyên"),
    ("'{}' is not met / not_met", "'{0}' không phải là đạt / không đạt (met / not_met)"),
    ("'{}' is not yes/no", "'{0}' không phải là có/không"),
    ("'{}' is not a role ({})", "'{0}' không phải là vai trò trong Khối ({1})"),
    ("'{}' is not a basis ({})", "'{0}' không phải là loại hình khen thưởng ({1})"),
    ("'{}' is not a status ({})", "'{0}' không phải là trạng thái ({1})"),
    ("'{}' is not a kind of criterion ({})", "'{0}' không phải là loại tiêu chí ({1})"),
    ("'{}' is not a share between 0 and 100", "'{0}' không phải là tỷ lệ từ 0 đến 100"),
    ("'{}' is not a year (write it in full, e.g. 2020)", "'{0}' không phải là năm (ghi đủ, ví dụ 2020)"),
    ("'{}' is not a year of birth (a year such as 1970, or a date such as 12/03/1970)", "'{0}' không phải là năm sinh (năm như 1970, hoặc ngày như 12/03/1970)"),
    ("'{}' is not a tie-break rule ({})", "'{0}' không phải là tiêu chí ưu tiên khi bằng điểm ({1})"),
    ("'{}' is not empty", "'{0}' không trống"),
    ("'{}': the period ends before it starts", "'{0}': giai đoạn kết thúc trước khi bắt đầu"),
    ("'{}': the year {} is outside 1900–2100", "'{0}': năm {1} nằm ngoài khoảng 1900–2100"),
    ("'{}' holds {}, not a year before {}", "'{0}' ghi năm {1}, không phải một năm trước {2}"),
    ("'{}' already exists; thidua never overwrites a file", "'{0}' đã có; thidua không bao giờ ghi đè một tệp"),
    ("'{}' exists and is not a demo file; demo will not touch it", "'{0}' đã có và không phải tệp mẫu; lệnh demo sẽ không động đến tệp này"),
    ("'{}' is a demo file that was changed since the demo made it; demo will not replace it", "'{0}' là tệp mẫu đã được sửa sau khi tạo; lệnh demo sẽ không thay thế tệp này"),
    ("'{}' has schema version {}, newer than this thidua knows ({})", "'{0}' có phiên bản cấu trúc {1}, mới hơn phiên bản thidua này biết ({2})"),
    ("'{}' has schema version {}; open it once with this thidua to bring it to {}", "'{0}' có phiên bản cấu trúc {1}; hãy mở một lần bằng thidua này để nâng lên {2}"),
    ("'{}' has no thidua schema (version {})", "'{0}' không có cấu trúc của thidua (phiên bản {1})"),
    ("'{}' is a folder, not a bloc-year file", "'{0}' là thư mục, không phải tệp dữ liệu năm của Khối"),
    ("'{}' is not a thidua bloc-year file (not an SQLite file)", "'{0}' không phải là tệp dữ liệu năm của thidua (không phải tệp SQLite)"),
    ("'{}' is not a thidua bloc-year file", "'{0}' không phải là tệp dữ liệu năm của thidua"),
    ("'{}' is not a regular file", "'{0}' không phải là tệp thông thường"),
    ("'{}' is not UTF-8 text", "'{0}' không phải văn bản mã UTF-8"),
    ("{} has no rating for {}", "{0} chưa có xếp loại năm {1}"),
    ("row {}, column '{}': a text longer than the {} characters a spreadsheet cell holds", "dòng {0}, cột '{1}': văn bản dài hơn {2} ký tự mà một ô bảng tính chứa được"),
    ("unseal it first with `thidua db unseal --reason …` (both are logged), then accept", "hãy mở niêm phong trước bằng `thidua db unseal --reason …` (cả hai đều được ghi nhật ký), rồi chấp nhận"),
    ("initiative #{} corrected", "đã sửa sáng kiến #{0}"),
    ("remove initiative #{} ({})?", "xóa sáng kiến #{0} ({1})?"),
    ("removed initiative #{}", "đã xóa sáng kiến #{0}"),
    ("initiative #{} is the basis of {}", "sáng kiến #{0} là căn cứ của {1}"),
    ("correct it with `thidua initiative edit`, or take those out first", "hãy sửa bằng `thidua initiative edit`, hoặc bỏ các liên kết đó trước"),
    ("the same unit as line {} of this file", "trùng đơn vị với dòng {0} của tệp này"),
    ("the same score as line {} of this file", "trùng điểm (cùng đơn vị, cùng tiêu chí) với dòng {0} của tệp này"),
    ("the same rating as line {} of this file", "trùng xếp loại (cùng đối tượng, cùng năm) với dòng {0} của tệp này"),
    ("the same ballot as line {} of this file", "trùng kết quả bỏ phiếu (cùng đối tượng, cùng danh hiệu) với dòng {0} của tệp này"),
    ("{}: the workbook has no visible sheet", "{0}: sổ tính không có trang tính nào đang hiện"),
    ("remove candidate #{} from proposal #{}?", "bỏ đối tượng #{0} khỏi đề nghị #{1}?"),
    ("candidate #{} removed from proposal #{}", "đã bỏ đối tượng #{0} khỏi đề nghị #{1}"),
    ("its {} dossier papers went with it", "{0} giấy tờ hồ sơ của đối tượng này cũng được bỏ theo"),
    ("remove the draft proposal #{} with its candidates and papers?", "xóa dự thảo đề nghị #{0} cùng các đối tượng và giấy tờ?"),
    ("removed the draft proposal #{}", "đã xóa dự thảo đề nghị #{0}"),
    ("'{}' taken out of proposal #{}'s dossier", "đã bỏ '{0}' khỏi hồ sơ đề nghị #{1}"),
    ("proposal #{} was sent: its list is what the memo {} said", "đề nghị #{0} đã gửi: danh sách là danh sách của tờ trình {1}"),
    ("record the province's answer first (`thidua proposal return`), then correct it", "hãy ghi ý kiến trả lại của tỉnh trước (`thidua proposal return`), rồi sửa"),
    ("proposal #{} is decided: its list stays as decided", "đề nghị #{0} đã có quyết định: danh sách giữ nguyên như đã quyết định"),
    ("proposal #{} has no paper #{}", "đề nghị #{0} không có giấy tờ #{1}"),
    ("proposal #{} went to the province: it stays on record", "đề nghị #{0} đã gửi lên tỉnh: được giữ lại trong hồ sơ"),
    ("a draft that was never sent is removed; a sent one is corrected after it comes back", "chỉ xóa được dự thảo chưa từng gửi; đề nghị đã gửi được sửa sau khi tỉnh trả lại"),
    ("`thidua rating list` shows the ratings kept", "`thidua rating list` cho xem các xếp loại đã lưu"),
    ("removed the {} rating of {}", "đã xóa xếp loại năm {0} của {1}"),
    ("remove the {} rating of {}?", "xóa xếp loại năm {0} của {1}?"),
    ("warning: #{} records the same for {} already: both count in every verdict; remove the one typed twice with `thidua discipline remove {}`", "cảnh báo: #{0} đã ghi cùng nội dung cho {1}: cả hai đều được tính khi xét; hãy xóa bản nhập trùng bằng `thidua discipline remove {2}`"),
    ("remove #{} ({}: {} from {})?", "xóa #{0} ({1}: {2} từ {3})?"),
    ("removed #{}", "đã xóa #{0}"),
    ("warning: {} holds {} for {} already (award #{}): one achievement, one form (Luật Thi đua, khen thưởng 2022, Điều 5 khoản 2 điểm c)", "cảnh báo: {0} đã được {1} cho năm {2} (khen thưởng #{3}): một thành tích chỉ được một hình thức khen thưởng (Luật Thi đua, khen thưởng 2022, Điều 5 khoản 2 điểm c)"),
    ("tied across the certificates' quota: the meeting decides, neither is proposed", "bằng điểm tại ranh giới số Bằng khen được đề nghị: Hội nghị quyết định, chưa đề nghị đơn vị nào"),
    ("'{}' is not a regular file: thidua replaces a file, never a device or a pipe", "'{0}' không phải là tệp thông thường: thidua chỉ thay một tệp, không bao giờ thay thiết bị hay ống dẫn"),
    ("a line is longer than 1 MiB: is it a CSV file?", "một dòng dài hơn 1 MiB: đây có phải tệp CSV không?"),
    ("{}:{}: a line is longer than 1 MiB: is it a CSV file?", "{0}:{1}: một dòng dài hơn 1 MiB: đây có phải tệp CSV không?"),
    ("--proposal writes one report a candidate: give the folder with -o DIR", "--proposal viết mỗi đối tượng một báo cáo: hãy cho thư mục bằng -o THƯ_MỤC"),
    ("wrote {} achievement reports in {} and attached them to proposal #{}", "đã viết {0} báo cáo thành tích vào {1} và đính kèm vào hồ sơ đề nghị #{2}"),
    ("'{}' is not a folder", "'{0}' không phải là thư mục"),
    ("{} was absent from session #{}: the minutes are kept by a member who was there", "{0} vắng mặt tại phiên họp #{1}: biên bản do một thành viên có mặt ghi"),
    ("name the member who kept them: `thidua doc minutes {} --secretary \"Họ và tên\"`", "ghi tên thành viên đã ghi biên bản: `thidua doc minutes {0} --secretary \"Họ và tên\"`"),
    ("'{}' is not a member of the council", "'{0}' không phải là thành viên Hội đồng"),
    ("name a member present at the session (`thidua council member list`)", "hãy ghi tên một thành viên có mặt tại phiên họp (`thidua council member list`)"),
    ("save it as UTF-8 (Unicode) and try again", "hãy lưu tệp dưới dạng UTF-8 (Unicode) rồi thử lại"),
    ("'{}' is larger than {} KiB of text", "'{0}' dài hơn {1} KiB văn bản"),
    ("'{}' names more than one entry: {}", "'{0}' trùng với nhiều mục: {1}"),
    ("--sheet '{}' is for a workbook (.xlsx, .ods); '{}' is read as CSV", "--sheet '{0}' chỉ dùng cho sổ tính (.xlsx, .ods); '{1}' được đọc như tệp CSV"),
    ("--bloc needs the bloc's name", "--bloc cần tên của Khối"),
    ("--issuer needs who issued the decision", "--issuer cần cơ quan ban hành quyết định"),
    ("--max must be above 0, not {}", "--max phải lớn hơn 0, không phải {0}"),
    ("--name cannot be empty", "--name không được để trống"),
    ("--name needs the campaign's name", "--name cần tên phong trào"),
    ("--reason needs the reason", "--reason cần ghi lý do"),
    ("a workbook is a file, not for the terminal: give -o FILE.xlsx, or send it through a pipe", "sổ tính là một tệp, không in ra màn hình: hãy dùng -o TỆP.xlsx, hoặc chuyển qua đường ống"),
    ("a meeting needs --kind and --date", "hội nghị cần có --kind và --date"),
    ("a talk has a --topic, not a --reason", "tham luận có --topic, không có --reason"),
    ("an exemplar has a --reason, not a --topic", "điển hình có --reason, không có --topic"),
    ("{} (Cờ thi đua cấp bộ, ban, ngành, tỉnh) is a title for collectives, not for a person", "{0} (Cờ thi đua cấp bộ, ban, ngành, tỉnh) là danh hiệu cho tập thể, không cho cá nhân"),
    ("{} is a title for collectives, not for a person", "{0} là danh hiệu cho tập thể, không cho cá nhân"),
    ("{} is a title for individuals, not for a unit", "{0} là danh hiệu cho cá nhân, không cho đơn vị"),
    ("{} is a title for households, not for a person", "{0} là danh hiệu cho hộ gia đình, không cho cá nhân"),
    ("{} is a title for households, not for a unit", "{0} là danh hiệu cho hộ gia đình, không cho đơn vị"),
    ("{} meetings on {}; name one by its number: {}", "có {0} hội nghị ngày {1}; hãy chỉ một hội nghị bằng số của nó: {2}"),
    ("assessed points {} on {} are above its maximum {}", "điểm thẩm định {0} ở tiêu chí {1} vượt điểm tối đa {2}"),
    ("self points {} on {} are above its maximum {}", "điểm tự chấm {0} ở tiêu chí {1} vượt điểm tối đa {2}"),
    ("assessed points {} on {} are negative", "điểm thẩm định {0} ở tiêu chí {1} là số âm"),
    ("self points {} on {} are negative", "điểm tự chấm {0} ở tiêu chí {1} là số âm"),
    ("campaign {} was closed on {}; nothing new may refer to it", "phong trào {0} đã kết thúc ngày {1}; không thể ghi thêm nội dung mới cho phong trào này"),
    ("campaign {} cannot close on {}, before its launch on {}", "phong trào {0} không thể kết thúc ngày {1}, trước ngày phát động {2}"),
    ("campaign {} has not been launched", "phong trào {0} chưa được phát động"),
    ("campaign {} is already closed", "phong trào {0} đã kết thúc"),
    ("campaign {} is already {}", "phong trào {0} {1}"),
    ("campaign {} is still referred to by {}", "phong trào {0} vẫn đang được dùng bởi {1}"),
    ("campaign {}: the end {} is before the start {}", "phong trào {0}: ngày kết thúc {1} trước ngày bắt đầu {2}"),
    ("campaign '{}' already exists", "phong trào '{0}' đã có"),
    ("campaign '{}' is ambiguous: {}", "phong trào '{0}' không rõ là phong trào nào: {1}"),
    ("campaign code '{}' is already taken", "mã phong trào '{0}' đã được dùng"),
    ("no campaign '{}'", "không có phong trào '{0}'"),
    ("cannot read '{}' as a workbook (“{}”)", "không đọc được '{0}' như một sổ tính (“{1}”)"),
    ("cannot read '{}': {}", "không đọc được '{0}': {1}"),
    ("cannot create '{}': {}", "không tạo được '{0}': {1}"),
    ("cannot create folder '{}': {}", "không tạo được thư mục '{0}': {1}"),
    ("cannot replace '{}': {}", "không thay thế được '{0}': {1}"),
    ("cannot write '{}': {}", "không ghi được '{0}': {1}"),
    ("cannot write the workbook: {}", "không ghi được sổ tính: {0}"),
    ("code '{}' is already in the catalog: {}", "mã '{0}' đã có trong danh mục: {1}"),
    ("decision {} still has {}", "quyết định {0} vẫn còn {1}"),
    ("decision {} is ambiguous: {}", "quyết định {0} không rõ là quyết định nào: {1}"),
    ("decision {} of {} in {} is already recorded (#{}, dated {})", "quyết định {0} của {1} năm {2} đã được ghi (#{3}, ngày {4})"),
    ("no decision {}; give decision_date and issuer to record it, or --decision", "không có quyết định {0}; hãy ghi decision_date và issuer để tạo, hoặc dùng --decision"),
    ("no decision {}", "không có quyết định {0}"),
    ("every member unit has already signed the pledge of {}", "mọi đơn vị thành viên đã ký giao ước của {0}"),
    ("family and given name overlap in '{}'", "họ và tên gọi chồng lên nhau trong '{0}'"),
    ("family name '{}' does not begin the name '{}'", "họ '{0}' không đứng đầu tên '{1}'"),
    ("given name '{}' does not end the name '{}'", "tên gọi '{0}' không đứng cuối tên '{1}'"),
    ("its sheets: {}", "các trang tính: {0}"),
    ("its table: {}", "bảng của danh sách: {0}"),
    ("its tables: {}", "các bảng của báo cáo: {0}"),
    ("meeting #{} ({}) is already recorded on {}", "{1} #{0} đã được ghi ngày {2}"),
    ("no meeting '{}'", "không có hội nghị '{0}'"),
    ("no bloc-year file at '{}'", "không có tệp dữ liệu năm của Khối tại '{0}'"),
    ("no person '{}' in this unit; add --create-people to create them", "không có người '{0}' trong đơn vị này; thêm --create-people để tạo mới"),
    ("no person with staff code '{}'; add --create-people with a name", "không có người có mã cán bộ '{0}'; thêm --create-people và ghi tên"),
    ("is empty: a person to create needs a name", "đang trống: cần có tên để tạo người mới"),
    ("no person '{}'", "không có người '{0}'"),
    ("no title or form '{}'", "không có danh hiệu hay hình thức khen thưởng '{0}'"),
    ("no criterion '{}'", "không có tiêu chí '{0}'"),
    ("no unit '{}' in the file or the database", "không có đơn vị '{0}' trong tệp hay trong cơ sở dữ liệu"),
    ("no unit '{}'", "không có đơn vị '{0}'"),
    ("no award #{}", "không có khen thưởng #{0}"),
    ("no registration #{}", "không có đăng ký #{0}"),
    ("no target #{}", "không có chỉ tiêu #{0}"),
    ("nothing to change: give at least one field to edit", "không có gì để thay đổi: hãy ghi ít nhất một trường cần sửa"),
    ("nothing to change: give at least one field to set", "không có gì để thay đổi: hãy ghi ít nhất một giá trị"),
    ("person '{}' is ambiguous: {}", "không rõ '{0}' là người nào: {1}"),
    ("progress as of {} comes before {} signed the pledge on {}", "kết quả ngày {0} có trước ngày {1} ký giao ước ({2})"),
    ("{} comes before {} signed on {}", "ngày {0} có trước ngày {1} ký giao ước ({2})"),
    ("registration #{} was withdrawn; register the title again instead", "đăng ký #{0} đã rút; hãy đăng ký lại danh hiệu"),
    ("not confirmed; nothing was changed", "chưa được xác nhận; không có gì bị thay đổi"),
    ("staff code '{}' already belongs to {}", "mã cán bộ '{0}' đã thuộc về {1}"),
    ("target #{} has a target value; give the actual with --value", "chỉ tiêu #{0} có mức mục tiêu; hãy ghi kết quả bằng --value"),
    ("target #{} is qualitative (no target value)", "chỉ tiêu #{0} là chỉ tiêu định tính (không có mức mục tiêu)"),
    ("the achievement year {} is after the file's year {}", "năm thành tích {0} sau năm của tệp ({1})"),
    ("the bloc already has a leader: {}", "Khối đã có đơn vị Khối trưởng: {0}"),
    ("the file has no single open regular campaign to sign the pledge for", "tệp không có đúng một phong trào thường xuyên đang mở để ký giao ước"),
    ("the file was sealed at {} ({}); it takes no more changes", "tệp đã được khóa sổ lúc {0} ({1}); không nhận thêm thay đổi"),
    ("the good band ({}) starts above the excellent one ({})", "mức tốt ({0}) bắt đầu cao hơn mức xuất sắc ({1})"),
    ("the launch date {} is outside the file's year {}", "ngày phát động {0} nằm ngoài năm của tệp ({1})"),
    ("the close date {} is outside the file's year {}", "ngày kết thúc {0} nằm ngoài năm của tệp ({1})"),
    ("the scores were locked at {}", "bảng điểm đã được khóa lúc {0}"),
    ("the scores are already locked (since {})", "bảng điểm đã khóa từ {0}"),
    ("the scores are not locked", "bảng điểm chưa khóa"),
    ("this award is already recorded as #{} ({})", "khen thưởng này đã được ghi là #{0} ({1})"),
    ("this award is already recorded", "khen thưởng này đã được ghi"),
    ("{} rows of table '{}' name a row that does not exist", "{0} dòng của bảng '{1}' trỏ tới một dòng không có"),
    ("table {} is not part of the load", "bảng {0} không thuộc lần nạp này"),
    ("this list has no table '{}'", "danh sách này không có bảng '{0}'"),
    ("this report has no table '{}'", "báo cáo này không có bảng '{0}'"),
    ("unit '{}' already exists", "đơn vị '{0}' đã có"),
    ("unit '{}' cannot be placed under itself or one of its sub-units", "đơn vị '{0}' không thể đặt dưới chính nó hay đơn vị trực thuộc của nó"),
    ("unit '{}' has a parent unit, so it cannot hold a bloc role", "đơn vị '{0}' có đơn vị cấp trên nên không thể giữ vai trò trong Khối"),
    ("unit '{}' is ambiguous: {}", "không rõ '{0}' là đơn vị nào: {1}"),
    ("unit {} is still referred to by {}", "đơn vị {0} vẫn đang được dùng bởi {1}"),
    ("unit code '{}' holds letters outside A–Z: write it {}", "mã đơn vị '{0}' có chữ ngoài bảng A–Z: hãy viết {1}"),
    ("campaign code '{}' holds letters outside A–Z: write it {}", "mã phong trào '{0}' có chữ ngoài bảng A–Z: hãy viết {1}"),
    ("catalog code '{}' holds letters outside A–Z: write it {}", "mã danh mục '{0}' có chữ ngoài bảng A–Z: hãy viết {1}"),
    ("criterion code '{}' holds letters outside A–Z: write it {}", "mã tiêu chí '{0}' có chữ ngoài bảng A–Z: hãy viết {1}"),
    ("unit code '{}' is not a code: use up to 32 letters A–Z, digits, '_', '-' or '.' (e.g. BHXH, CT_TN)", "mã đơn vị '{0}' không hợp lệ: dùng tối đa 32 chữ cái A–Z, chữ số, '_', '-' hoặc '.' (ví dụ BHXH, CT_TN)"),
    ("campaign code '{}' is not a code: use up to 32 letters A–Z, digits, '_', '-' or '.' (e.g. BHXH, CT_TN)", "mã phong trào '{0}' không hợp lệ: dùng tối đa 32 chữ cái A–Z, chữ số, '_', '-' hoặc '.' (ví dụ PT2020)"),
    ("catalog code '{}' is not a code: use up to 32 letters A–Z, digits, '_', '-' or '.' (e.g. BHXH, CT_TN)", "mã danh mục '{0}' không hợp lệ: dùng tối đa 32 chữ cái A–Z, chữ số, '_', '-' hoặc '.' (ví dụ LDTT)"),
    ("criterion code '{}' is not a code: use up to 32 letters A–Z, digits, '_', '-' or '.' (e.g. BHXH, CT_TN)", "mã tiêu chí '{0}' không hợp lệ: dùng tối đa 32 chữ cái A–Z, chữ số, '_', '-' hoặc '.' (ví dụ A1)"),
    ("{}: its SHA-256 does not match the manifest; the export was changed", "{0}: mã SHA-256 không khớp với bản kê; bản xuất đã bị sửa"),
    ("{}: unknown column '{}'; did you mean '{}'?", "{0}: không biết cột '{1}'; có phải là '{2}'?"),
    ("{}: unknown column '{}'", "{0}: không biết cột '{1}'"),
    ("{}: no sheet '{}'", "{0}: không có trang tính '{1}'"),
    ("{}: missing columns '{}' (the file has: {})", "{0}: thiếu các cột '{1}' (tệp có: {2})"),
    ("{}: missing column '{}' (the file has: {})", "{0}: thiếu cột '{1}' (tệp có: {2})"),
    ("{}: the file is empty or has no header row", "{0}: tệp trống hoặc không có dòng tiêu đề"),
    ("{}: the sheet '{}' is empty", "{0}: trang tính '{1}' trống"),
    ("{}: the workbook has no sheet", "{0}: sổ tính không có trang tính nào"),
    ("{}: the header row has merged cells; unmerge them so each column has its own header", "{0}: dòng tiêu đề có ô gộp; hãy bỏ gộp để mỗi cột có tiêu đề riêng"),
    ("{}: the sheet reaches Excel's last row ({}); rows beyond it were probably cut off", "{0}: trang tính chạm dòng cuối cùng của Excel ({1}); các dòng sau đó có thể đã bị cắt mất"),
    ("{}:1: the header row holds a line break inside a quoted cell; is a quote left open?", "{0}:1: dòng tiêu đề có dấu xuống dòng trong ô có nháy; có dấu nháy nào chưa đóng không?"),
    ("{}:1: cannot read the header row: {}", "{0}:1: không đọc được dòng tiêu đề: {1}"),
    ("the text is not UTF-8; save the sheet as \"CSV UTF-8\" (old TCVN3/VNI files need converting to Unicode first)", "văn bản không ở mã UTF-8; hãy lưu bảng tính dạng \"CSV UTF-8\" (tệp TCVN3/VNI cũ cần chuyển sang Unicode trước)"),
    ("{} already registered {}: #{} of {}", "{0} đã đăng ký {1}: #{2} ngày {3}"),
    ("{} already registered {}: #{}", "{0} đã đăng ký {1}: #{2}"),
    ("{} already has this target: #{}", "{0} đã có chỉ tiêu này: #{1}"),
    ("{} already signed the pledge of {} on {}", "{0} đã ký giao ước của {1} ngày {2}"),
    ("{} has not signed the pledge of {}; sign it first", "{0} chưa ký giao ước của {1}; hãy ký trước"),
    ("{} has not signed the pledge of {}", "{0} chưa ký giao ước của {1}"),
    ("{} is a sub-unit of {}: only member units of the bloc are scored", "{0} là đơn vị trực thuộc {1}: chỉ chấm điểm các đơn vị thành viên của Khối"),
    ("{} is not a member of the bloc: only member units are scored", "{0} không phải là thành viên Khối: chỉ chấm điểm các đơn vị thành viên"),
    ("{} is not a member of the bloc, so it is not ranked", "{0} không phải là thành viên Khối nên không được xếp hạng"),
    ("--met/--not-met are for targets without a value", "--met/--not-met dành cho chỉ tiêu không có mức mục tiêu"),
    ("`thidua db unseal --reason …` reopens it, and the log keeps both", "`thidua db unseal --reason …` mở lại tệp, và nhật ký ghi lại cả hai lần"),
    ("`thidua score unlock --reason …` first", "hãy chạy `thidua score unlock --reason …` trước"),
    ("add --force for a date in another year", "thêm --force nếu ngày thuộc năm khác"),
    ("add --yes to confirm in a script", "thêm --yes để xác nhận khi chạy bằng kịch bản"),
    ("carry a file forward into a later year", "hãy chuyển dữ liệu từ tệp năm trước sang năm sau"),
    ("change it with `thidua meeting edit {}`, or remove it with `thidua meeting remove {} --yes`", "sửa bằng `thidua meeting edit {0}`, hoặc xóa bằng `thidua meeting remove {1} --yes`"),
    ("change it with `thidua unit edit {}`", "sửa bằng `thidua unit edit {0}`"),
    ("change it with `thidua campaign edit {}`", "sửa bằng `thidua campaign edit {0}`"),
    ("check the year; add --force to record it all the same", "hãy kiểm tra lại năm; thêm --force nếu vẫn muốn ghi"),
    ("choose another name, or move the old file away yourself", "hãy chọn tên khác, hoặc tự chuyển tệp cũ đi nơi khác"),
    ("create one with `thidua init --year {} --bloc \"…\"`, or name another with -f/--db or THIDUA_DB", "hãy tạo bằng `thidua init --year {0} --bloc \"…\"`, hoặc chỉ tệp khác bằng -f/--db hay THIDUA_DB"),
    ("did you mean {}? (all: `thidua register titles`)", "có phải là {0}? (xem tất cả: `thidua register titles`)"),
    ("did you mean {}?", "có phải là {0}?"),
    ("export into a new folder", "hãy xuất ra một thư mục mới"),
    ("give it to a person with --person", "hãy trao cho một cá nhân bằng --person"),
    ("give it to a unit with --unit", "hãy trao cho một đơn vị bằng --unit"),
    ("hand the role over first: `thidua unit edit {} --role member`", "hãy chuyển vai trò trước: `thidua unit edit {0} --role member`"),
    ("import the original list (CSV has no row limit), or split it into sheets", "hãy nhập danh sách gốc (CSV không giới hạn số dòng), hoặc chia thành nhiều trang tính"),
    ("keep it and name another file with -f/--db, or replace it with `thidua demo --yes`", "giữ lại tệp và chỉ tệp khác bằng -f/--db, hoặc thay thế bằng `thidua demo --yes`"),
    ("known units: {}", "các đơn vị có trong tệp: {0}"),
    ("launch it first: `thidua campaign launch {} --date …`", "hãy phát động trước: `thidua campaign launch {0} --date …`"),
    ("name a meeting by the number `thidua meeting list` shows, or its date", "hãy chỉ hội nghị bằng số mà `thidua meeting list` hiển thị, hoặc bằng ngày họp"),
    ("name a person by the number `thidua person list` shows, a staff code or the full name", "hãy chỉ người bằng số mà `thidua person list` hiển thị, mã cán bộ hoặc họ và tên"),
    ("name another campaign with --campaign", "hãy chỉ phong trào khác bằng --campaign"),
    ("name another file with -f/--db (the demo's default is thidua-demo.db)", "hãy chỉ tệp khác bằng -f/--db (tệp mặc định của demo là thidua-demo.db)"),
    ("name the campaign with --campaign (see `thidua campaign list`)", "hãy chỉ phong trào bằng --campaign (xem `thidua campaign list`)"),
    ("name the person by number or staff code, or narrow by --unit", "hãy chỉ người bằng số hoặc mã cán bộ, hoặc thu hẹp bằng --unit"),
    ("name the person by number or staff code", "hãy chỉ người bằng số hoặc mã cán bộ"),
    ("name the unit by its code", "hãy chỉ đơn vị bằng mã"),
    ("only top-level units are members of the bloc; drop --role, or give it no parent", "chỉ đơn vị cấp cao nhất mới là thành viên Khối; bỏ --role, hoặc bỏ đơn vị cấp trên"),
    ("record it first: `thidua award decision add {} --date … --issuer …`", "hãy ghi quyết định trước: `thidua award decision add {0} --date … --issuer …`"),
    ("record it with --met or --not-met", "hãy ghi bằng --met hoặc --not-met"),
    ("register it for a person with --person", "hãy đăng ký cho một cá nhân bằng --person"),
    ("register it for a unit with --unit", "hãy đăng ký cho một đơn vị bằng --unit"),
    ("judge it for a person with --person", "hãy xét cho một cá nhân bằng --person"),
    ("judge it for a unit with --unit", "hãy xét cho một đơn vị bằng --unit"),
    ("confirm it for a person with --person", "hãy xác nhận cho một cá nhân bằng --person"),
    ("confirm it for a unit with --unit", "hãy xác nhận cho một đơn vị bằng --unit"),
    ("remove its awards first (`thidua award list --decision …`)", "hãy xóa các khen thưởng của quyết định trước (`thidua award list --decision …`)"),
    ("remove or move those first (`thidua unit show` lists its people and sub-units)", "hãy xóa hoặc chuyển các mục đó trước (`thidua unit show` liệt kê người và đơn vị trực thuộc của đơn vị)"),
    ("its records stay on record: a unit that merged or was dissolved is recorded with `thidua unit merge {} --into …` or `thidua unit dissolve {}`", "hồ sơ của đơn vị được giữ lại: đơn vị đã sáp nhập hoặc giải thể được ghi bằng `thidua unit merge {0} --into …` hoặc `thidua unit dissolve {1}`"),
    ("unit {} was merged into {} on {} already", "đơn vị {0} đã được ghi sáp nhập vào {1} từ ngày {2}"),
    ("unit {} was dissolved on {} already", "đơn vị {0} đã được ghi giải thể từ ngày {1}"),
    ("{} merged into {} on {}", "{0} đã sáp nhập vào {1} từ ngày {2}"),
    ("merged into {} on {}", "đã sáp nhập vào {0} từ ngày {1}"),
    ("{} people and {} sub-units moved to {}", "{0} người và {1} đơn vị trực thuộc đã chuyển sang {2}"),
    ("{} dissolved on {}", "{0} đã giải thể từ ngày {1}"),
    ("dissolved on {} (Circular 15/2025/TT-BNV)", "đã giải thể từ ngày {0} (Thông tư 15/2025/TT-BNV)"),
    ("dissolved on {}", "đã giải thể từ ngày {0}"),
    ("{} goes on: its merger or dissolution was taken back", "{0} tiếp tục hoạt động: đã hủy ghi nhận sáp nhập hoặc giải thể"),
    ("`thidua unit restore {}` takes it back, if it was typed in error", "`thidua unit restore {0}` hủy ghi nhận đó, nếu đã nhập nhầm"),
    ("unit {} leads the bloc", "đơn vị {0} đang là Khối trưởng"),
    ("give the role to another unit first (`thidua unit edit CODE --role leader`)", "hãy giao vai trò Khối trưởng cho đơn vị khác trước (`thidua unit edit MÃ --role leader`)"),
    ("unit {} cannot be merged into itself", "đơn vị {0} không thể sáp nhập vào chính nó"),
    ("unit {} ended on {}: a unit is merged into one that goes on", "đơn vị {0} đã chấm dứt hoạt động từ ngày {1}: chỉ sáp nhập vào đơn vị còn hoạt động"),
    ("unit {} is a sub-unit of {}: it would end with it", "đơn vị {0} là đơn vị trực thuộc của {1}: sẽ chấm dứt cùng đơn vị đó"),
    ("unit {} has not ended", "đơn vị {0} chưa chấm dứt hoạt động"),
    ("save it from the spreadsheet program as .xlsx or .ods, without a password", "hãy lưu lại từ chương trình bảng tính dưới dạng .xlsx hoặc .ods, không đặt mật khẩu"),
    ("score its member unit: `thidua score set {} …`", "hãy chấm điểm đơn vị thành viên của nó: `thidua score set {0} …`"),
    ("sign it first: `thidua pledge sign --unit {} --date …`", "hãy ký giao ước trước: `thidua pledge sign --unit {0} --date …`"),
    ("tell them apart with --issuer or --decision-year, or name one as #ID", "hãy phân biệt bằng --issuer hoặc --decision-year, hoặc chỉ một quyết định bằng #ID"),
    ("the file has no units yet: add them with `thidua unit add` or `thidua unit import`", "tệp chưa có đơn vị nào: hãy thêm bằng `thidua unit add` hoặc `thidua unit import`"),
    ("this tool keeps units and people, not households", "công cụ này quản lý đơn vị và cá nhân, không quản lý hộ gia đình"),
    ("use a newer thidua for this file; this one will not touch it", "hãy dùng phiên bản thidua mới hơn cho tệp này; phiên bản này sẽ không động đến tệp"),
    ("withdraw it first with `thidua register withdraw {}` to register again", "hãy rút đăng ký bằng `thidua register withdraw {0}` trước khi đăng ký lại"),
    ("the header row needs {}; it may have {}; to skip it, add --ignore-columns '{}'", "dòng tiêu đề cần có {0}; có thể có {1}; để bỏ qua cột này, thêm --ignore-columns '{2}'"),
    ("the header row needs {}; it may have {}", "dòng tiêu đề cần có {0}; có thể có {1}"),
    ("'{}' is not a thidua export manifest: {}", "'{0}' không phải là bản kê xuất dữ liệu của thidua: {1}"),
    ("'{}' is format '{}', not {}", "'{0}' có định dạng '{1}', không phải {2}"),
    ("criterion {}: {} scores are above the new maximum {}", "tiêu chí {0}: {1} điểm vượt mức tối đa mới {2}"),
    ("'{}' is not a {} value", "'{0}' không phải là giá trị {1}"),
    ("'{}' is not a document number: write it as {} (or {})", "'{0}' không phải là số, ký hiệu văn bản: hãy ghi như {1} (hoặc {2})"),
    ("remove meeting #{} ({}, {}) with its {} talks and exemplars?", "xóa hội nghị #{0} ({1}, {2}) cùng {3} tham luận và điển hình?"),
    ("remove unit {} ({})?", "xóa đơn vị {0} ({1})?"),
    ("remove campaign {} ({})?", "xóa phong trào {0} ({1})?"),
    ("remove decision {} of {} ({})?", "xóa quyết định {0} ngày {1} ({2})?"),
    ("remove award #{} ({} — {})?", "xóa khen thưởng #{0} ({1} — {2})?"),
    ("remove target #{} (\"{}\") with its figures?", "xóa chỉ tiêu #{0} (\"{1}\") cùng các kết quả đã ghi?"),
    ("remove the pledge {} signed for {} with its targets and figures?", "xóa giao ước {0} đã ký cho {1} cùng các chỉ tiêu và kết quả?"),
    ("decision corrected: {} of {} ({})", "đã sửa quyết định: {0} ngày {1} ({2})"),
    ("--new-issuer needs who issued the decision", "--new-issuer cần ghi cơ quan ban hành quyết định"),
    ("remove registration #{} ({} — {})?", "xóa đăng ký #{0} ({1} — {2})?"),
    ("removed registration #{} ({} — {})", "đã xóa đăng ký #{0} ({1} — {2})"),
    ("registration #{} was achieved by award #{}", "đăng ký #{0} đã đạt theo khen thưởng #{1}"),
    ("remove the award first if it was typed in error (`thidua award remove {}`)", "nếu khen thưởng đó nhập nhầm, hãy xóa nó trước (`thidua award remove {0}`)"),
    ("council member #{} corrected", "đã sửa thành viên Hội đồng #{0}"),
    ("council member #{} is named absent at session #{}: the session's record keeps them", "thành viên Hội đồng #{0} được ghi vắng mặt tại phiên #{1}: biên bản phiên họp vẫn ghi tên thành viên này"),
    ("--name is empty: a member has a name", "--name để trống: thành viên phải có họ tên"),
    ("remove criterion {} ({}) with the points given on it?", "xóa tiêu chí {0} ({1}) cùng số điểm đã chấm theo tiêu chí này?"),
    ("removed criterion {} with the points given on it ({})", "đã xóa tiêu chí {0} cùng số điểm đã chấm theo tiêu chí này ({1})"),
    ("initiative #{} is no longer recorded as used by award #{}", "sáng kiến #{0} không còn được ghi là đã dùng cho khen thưởng #{1}"),
    ("initiative #{} is not recorded as used by award #{}", "sáng kiến #{0} không được ghi là đã dùng cho khen thưởng #{1}"),
    ("warning: candidate #{} of proposal #{} proposes the same subject for {}: one achievement, one form (Luật Thi đua, khen thưởng 2022, Điều 5 khoản 2 điểm c); it is sent only with --force and the separate achievement as the reason", "cảnh báo: đối tượng #{0} của đề nghị #{1} đề nghị cùng đối tượng này cho {2}: một thành tích chỉ được một hình thức khen thưởng (Luật Thi đua, khen thưởng 2022, Điều 5 khoản 2 điểm c); chỉ gửi được khi có --force và lý do ghi rõ thành tích riêng"),
    ("{} is not in {}..={}", "{0} nằm ngoài khoảng {1}–{2}"),
    ("invalid digit found in string", "có ký tự không phải chữ số"),
    ("cannot parse integer from empty string", "giá trị để trống, cần một số nguyên"),
    ("number too large to fit in target type", "số quá lớn"),
    ("number too small to fit in target type", "số quá nhỏ"),
    ("invalid float literal", "không phải là số"),
    ("no pledge target #{}", "không có chỉ tiêu giao ước #{0}"),
    ("`thidua pledge show UNIT` lists the targets with their numbers", "`thidua pledge show ĐƠN_VỊ` liệt kê các chỉ tiêu kèm số"),
    ("the file is not sealed", "tệp chưa khóa sổ"),
    ("{} was not excluded", "{0} không nằm trong danh sách không đề nghị"),
    ("see `thidua register titles`", "xem `thidua register titles`"),
    ("reviews judged on {}", "việc xem xét tính đến ngày {0}"),
    ("{} achievements of the history revoked by the older file", "{0} thành tích trong quá trình đã bị tệp cũ hủy bỏ"),
    ("--decision and --reason name the revoking decision and why", "--decision và --reason ghi quyết định hủy bỏ và lý do"),
    ("revoked #{} ({}) by {}", "đã ghi hủy bỏ #{0} ({1}) theo {2}"),
    ("no achievement #{} in the history", "quá trình thành tích không có mục #{0}"),
    ("`thidua history list` shows the numbers", "`thidua history list` cho biết số của từng mục"),
    ("achievement #{} was revoked already by {}", "thành tích #{0} đã bị hủy bỏ theo {1}"),
    ("reported by the unit: {} of its staff of {} hold LĐTT, {} CSTĐCS ({})", "đơn vị báo cáo: {0} trên tổng số {1} người đạt LĐTT, {2} người đạt CSTĐCS ({3})"),
    ("reported by the unit: {} of its staff of {} hold LĐTT, {} CSTĐCS", "đơn vị báo cáo: {0} trên tổng số {1} người đạt LĐTT, {2} người đạt CSTĐCS"),
    ("{} holding LĐTT is more than the staff of {}", "{0} người đạt LĐTT nhiều hơn biên chế {1} người"),
    ("{} holding CSTĐCS is more than the {} holding LĐTT (CSTĐCS rests on LĐTT)", "{0} người đạt CSTĐCS nhiều hơn {1} người đạt LĐTT (CSTĐCS phải đạt LĐTT)"),
    ("{} of {} members present is below the {}% present the province asks when awards are considered ({})", "{0}/{1} thành viên có mặt, dưới mức {2}% tỉnh yêu cầu khi xét khen thưởng ({3})"),
    ("warning: {} is not eligible for {} {} under {}: {}", "cảnh báo: {0} không đủ điều kiện {1} năm {2} theo {3}: {4}"),
    ("chosen among the CSTĐ of ministries and provinces by the Central Council (Law 06/2022 Art 21): the bloc proposes no one for it", "do Hội đồng Thi đua – Khen thưởng Trung ương bình chọn trong số Chiến sĩ thi đua cấp bộ, tỉnh (Luật TĐKT 2022, Điều 21): Khối không đề nghị trực tiếp"),
    ("conferred by the Prime Minister on the province's proposal, on conditions the bloc's file does not hold (Law 06/2022 Art 25, 71)", "do Thủ tướng Chính phủ quyết định theo đề nghị của tỉnh, với điều kiện mà tệp của Khối không lưu (Luật TĐKT 2022, Điều 25, 71)"),
    ("conferred by the head of the unit under its own rule (Law 06/2022 Art 75)", "do thủ trưởng đơn vị tặng theo quy định của đơn vị (Luật TĐKT 2022, Điều 75)"),
    ("the armed forces' title, judged by their ministries", "danh hiệu của lực lượng vũ trang, do bộ của lực lượng đó xét"),
    ("its conditions are not in the rule sets of this tool", "điều kiện của danh hiệu này chưa có trong các bộ quy định của công cụ"),
    ("'{}' is cut short: its content ends before the document does", "'{0}' bị cắt cụt: nội dung kết thúc trước khi hết văn bản"),
    ("save it again from the spreadsheet program, or ask for the whole file", "hãy lưu lại từ chương trình bảng tính, hoặc xin lại tệp đầy đủ"),
    ("forms of {}; files read: {}", "biểu mẫu theo {0}; số tệp tổng hợp: {1}"),
    ("form {}.N/BNV-TĐKT of {}", "Biểu {0}.N/BNV-TĐKT năm {1}"),
    ("the front-line ratio of {}", "Tỷ lệ người trực tiếp lao động, công tác năm {0}"),
    ("{} individuals whose position says no class are left out of rows 06–10 (`person edit --position`)", "{0} cá nhân có chức vụ chưa xác định được nhóm, không tính vào các dòng 06–10 (`person edit --position`)"),
    ("remove {}?", "xóa {0}?"),
    ("code '{}' is already in the catalog: {}", "mã '{0}' đã có trong danh mục: {1}"),
    ("{} (dry run: nothing was written)", "{0} (chạy thử: không ghi gì vào tệp)"),
    ("built the demo bloc-year in {} (the mid-year review of 2020 of the seed story)", "đã tạo dữ liệu mẫu của năm trong {0} (sơ kết 6 tháng đầu năm 2020 theo bản tin gốc)"),
    ("added unit {} ({}) under {}", "đã thêm đơn vị {0} ({1}) trực thuộc {2}"),
    ("added unit {} ({}) as {}", "đã thêm đơn vị {0} ({1}) với vai trò {2}"),
    ("updated unit {}", "đã cập nhật đơn vị {0}"),
    ("removed unit {}", "đã xóa đơn vị {0}"),
    ("{}: {} inserted, {} updated, {} unchanged", "{0}: thêm mới {1}, cập nhật {2}, không đổi {3}"),
    ("{}: nothing changed ({} rows already as in the file)", "{0}: không có gì thay đổi ({1} dòng đã có sẵn như trong tệp)"),
    ("{} inserted, {} updated, {} unchanged", "thêm mới {0}, cập nhật {1}, không đổi {2}"),
    ("nothing changed ({} rows already as in the file)", "không có gì thay đổi ({0} dòng đã có sẵn như trong tệp)"),
    ("{}: targets: {}; progress: {}", "{0}: chỉ tiêu: {1}; kết quả: {2}"),
    ("created {} for {} ({})", "đã tạo {0} cho {1} (năm {2})"),
    ("carried from {} ({}): {}, {}, {}, {}, {}, {}; bloc roles reset to member", "đã chuyển từ {0} ({1}): {2}, {3}, {4}, {5}, {6}, {7}; vai trò trong Khối đặt lại thành thành viên"),
    ("carried from {} ({}): {}, {}, {}, {}, {}, {}", "đã chuyển từ {0} ({1}): {2}, {3}, {4}, {5}, {6}, {7}"),
    ("{} ({}): {} achievements added, {} already here", "{0} ({1}): thêm {2} thành tích, {3} đã có"),
    ("added {} ({}) to the catalog", "đã thêm {0} ({1}) vào danh mục"),
    ("warning: registered on {}, outside the file's year {}", "lưu ý: ngày đăng ký {0} nằm ngoài năm của tệp ({1})"),
    ("#{}: {} registered {} ({})", "#{0}: {1} đăng ký {2} ({3})"),
    ("#{}: {} withdrew {}", "#{0}: {1} đã rút đăng ký {2}"),
    ("#{}: {} — {} achieved", "#{0}: {1} — {2} đạt"),
    ("#{}: {} — {} not achieved", "#{0}: {1} — {2} không đạt"),
    ("{}: created {}", "{0}: đã tạo {1}"),
    ("added campaign {} ({}, {})", "đã thêm phong trào {0} ({1}, {2})"),
    ("updated campaign {}", "đã cập nhật phong trào {0}"),
    ("launched campaign {} on {}", "đã phát động phong trào {0} ngày {1}"),
    ("closed campaign {} on {}", "đã kết thúc phong trào {0} ngày {1}"),
    ("removed campaign {}", "đã xóa phong trào {0}"),
    ("recorded decision #{} {} of {} ({})", "đã ghi quyết định #{0} {1} ngày {2} ({3})"),
    ("removed decision {}", "đã xóa quyết định {0}"),
    ("award #{}: {} — {} ({}) by {}", "khen thưởng #{0}: {1} — {2} ({3}) theo {4}"),
    ("award #{}: {} — {} ({})", "khen thưởng #{0}: {1} — {2} ({3})"),
    ("note: recorded as an achievement of {}, before the file's year", "lưu ý: ghi là thành tích năm {0}, trước năm của tệp"),
    ("registration #{} is now achieved", "đăng ký #{0} nay đã đạt"),
    ("removed award #{}", "đã xóa khen thưởng #{0}"),
    ("registration #{} is registered again (no longer achieved)", "đăng ký #{0} trở lại trạng thái đã đăng ký (không còn đạt)"),
    ("{}: recorded {} decisions", "{0}: đã ghi {1} quyết định"),
    ("exported {} tables ({} rows) to {} with manifest.json", "đã xuất {0} bảng ({1} dòng) vào {2} kèm manifest.json"),
    ("rebuilt {} from {} ({} {}, {} rows)", "đã dựng lại {0} từ {1} ({2} {3}, {4} dòng)"),
    ("{} is kept out of the proposals: {}", "{0} không được đưa vào đề nghị: {1}"),
    ("{} may be proposed again", "{0} được xét đề nghị trở lại"),
    ("not fully scored: {}: {}", "chưa chấm đủ: {0}: {1}"),
    ("locked the scores; `score set` is refused until `score unlock --reason …`", "đã khóa bảng điểm; `score set` bị từ chối cho đến khi `score unlock --reason …`"),
    ("unlocked the scores: {}", "đã mở khóa bảng điểm: {0}"),
    ("{} criterion {} ({}, max {})", "{0} tiêu chí {1} ({2}, tối đa {3})"),
    ("set {}", "đã đặt {0}"),
    ("{} on {}: self {}, assessed {}", "{0}, tiêu chí {1}: tự chấm {2}, thẩm định {3}"),
    ("pledge of {} as of {}", "giao ước của {0} tính đến {1}"),
    ("as of {}", "tính đến {0}"),
    ("recorded meeting #{} ({}, {})", "đã ghi hội nghị #{0} ({1}, {2})"),
    ("updated meeting #{} ({}, {})", "đã cập nhật hội nghị #{0} ({1}, {2})"),
    ("removed meeting #{} ({})", "đã xóa hội nghị #{0} ({1})"),
    ("removed the {} of {} at meeting #{} ({})", "đã xóa {0} của {1} tại hội nghị #{2} ({3})"),
    ("meeting #{} has no {} of this unit or person", "hội nghị #{0} không có {1} của đơn vị hoặc người này"),
    ("{} of {} at meeting #{} ({})", "{0} của {1} tại hội nghị #{2} ({3})"),
    ("sealed {} at {}: {}", "đã khóa sổ {0} lúc {1}: {2}"),
    ("write this fingerprint in the register: `thidua db check --fingerprint …` tells this file from any other", "hãy ghi dấu vân tay này vào sổ: `thidua db check --fingerprint …` phân biệt tệp này với mọi tệp khác"),
    ("the fingerprint is {}, not {}: this is another file, or the file has changed since", "dấu vân tay là {0}, không phải {1}: đây là tệp khác, hoặc tệp đã bị thay đổi từ đó"),
    ("unsealed {}: {}", "đã mở lại {0}: {1}"),
    ("backed up to {} (checked)", "đã sao lưu vào {0} (đã kiểm tra)"),
    ("added target \"{}\": {}", "đã thêm chỉ tiêu \"{0}\": {1}"),
    ("recorded progress of target #{} ({}) as of {}", "đã ghi kết quả của chỉ tiêu #{0} ({1}) tính đến {2}"),
    ("updated progress of target #{} ({}) as of {}", "đã cập nhật kết quả của chỉ tiêu #{0} ({1}) tính đến {2}"),
    ("already had progress of target #{} ({}) as of {}", "đã có sẵn kết quả của chỉ tiêu #{0} ({1}) tính đến {2}"),
    ("removed the figure of target #{} ({}) as of {}", "đã xóa kết quả của chỉ tiêu #{0} ({1}) tính đến {2}"),
    ("target #{} has no figure as of {}", "chỉ tiêu #{0} chưa có kết quả tính đến {1}"),
    ("target #{} corrected", "đã sửa chỉ tiêu #{0}"),
    ("removed target #{} with its figures ({})", "đã xóa chỉ tiêu #{0} cùng các kết quả đã ghi ({1})"),
    ("the pledge has this target already: #{}", "giao ước đã có chỉ tiêu này: #{0}"),
    ("removed the pledge of {} with its targets ({}) and figures ({})", "đã xóa giao ước của {0} cùng các chỉ tiêu ({1}) và kết quả ({2})"),
    ("{} units signed the pledge of {} on {}: {}", "{0} đơn vị đã ký giao ước của {1} ngày {2}: {3}"),
    ("{} had signed already", "{0} đơn vị đã ký từ trước"),
    ("{} signed the pledge of {} on {}", "{0} đã ký giao ước của {1} ngày {2}"),
    ("added #{} {} to {}", "đã thêm #{0} {1} vào {2}"),
    ("updated #{} {}", "đã cập nhật #{0} {1}"),
    ("removed #{} {}", "đã xóa #{0} {1}"),
    // Sentences of the reports (the ranking's notes, the reviews' lines).
    ("not ranked: no scores", "chưa xếp hạng: chưa có điểm"),
    ("tie-break with {}: {} skipped, no data for one of the two", "khi bằng điểm với {0}: bỏ qua tiêu chí {1} vì thiếu số liệu"),
    ("tied with {}: no rule tells them apart, the meeting decides", "bằng điểm với {0}, không tiêu chí ưu tiên nào phân định: Hội nghị quyết định"),
    ("ahead of {} at equal total: {}", "xếp trên {0} khi bằng điểm: {1}"),
    ("behind {} at equal total: {}", "xếp dưới {0} khi bằng điểm: {1}"),
    ("a base criterion at 0 keeps it out of the top band", "có tiêu chí cơ bản 0 điểm nên không xếp loại xuất sắc"),
    ("not proposed: excluded ({})", "không đề nghị: {0}"),
    ("not proposed: not fully scored ({} base criteria unassessed, {} unverified)", "không đề nghị: chưa chấm đủ ({0} tiêu chí chưa thẩm định, {1} điểm tự chấm chưa thẩm định)"),
    ("shares the best rank: the meeting decides who is proposed for the flag", "đồng hạng cao nhất: Hội nghị quyết định đơn vị đề nghị tặng Cờ thi đua"),
    ("women are at least 70% of the staff (Decree 152 Art 4.6)", "tỷ lệ nữ từ 70% trở lên (khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP)"),
    ("women are under 70% of the staff (Decree 152 Art 4.6)", "tỷ lệ nữ dưới 70% (khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP)"),
    ("more points in the first group (core tasks)", "điểm nhóm tiêu chí thứ nhất (nhiệm vụ chính trị) cao hơn"),
    ("fewer points in the first group (core tasks)", "điểm nhóm tiêu chí thứ nhất (nhiệm vụ chính trị) thấp hơn"),
    ("fewer penalty points", "ít điểm trừ hơn"),
    ("more penalty points", "nhiều điểm trừ hơn"),
    ("women's share", "tỷ lệ nữ"),
    ("first group", "điểm nhóm thứ nhất"),
    ("penalty points", "điểm trừ"),
    ("Mid-year review of emulation and commendation work, first six months of {}", "Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {0}"),
    ("Annual review of emulation and commendation work, {}", "Báo cáo tổng kết công tác thi đua, khen thưởng năm {0}"),
    ("Scores and ranking of the member units, {}", "Bảng tổng hợp kết quả chấm điểm thi đua năm {0}"),
    ("{} (province {}): {} member units.", "{0} (tỉnh {1}) gồm {2} đơn vị thành viên."),
    ("{}: {} member units.", "{0} gồm {1} đơn vị thành viên."),
    ("{} of {} units signed the pledge of {}; completion as of {}.", "{0}/{1} đơn vị đã ký giao ước thi đua của {2}; kết quả tính đến ngày {3}."),
    ("Bands: excellent from {} points, good from {}; the leading unit is proposed for the flag, the next {} for certificates of merit.", "Xếp loại: xuất sắc từ {0} điểm, tốt từ {1} điểm; đề nghị Cờ thi đua cho đơn vị dẫn đầu và Bằng khen cho {2} đơn vị tiếp theo."),
    // What `db check` finds.
    ("integrity: {}", "kiểm tra toàn vẹn: {0}"),
    ("foreign key: {} row {} refers to a {} that is not there", "khóa ngoại: dòng {1} của bảng {0} trỏ tới {2} không còn"),
    ("application_id is {}, not thidua's {}", "application_id là {0}, không phải của thidua ({1})"),
    ("schema version is {}, this thidua writes {}", "phiên bản cấu trúc là {0}, thidua này ghi {1}"),
    ("schema: {} {} is missing", "cấu trúc: thiếu {0} {1}"),
    ("schema: {} {} differs from thidua's", "cấu trúc: {0} {1} khác với của thidua"),
    ("schema: {} {} is not thidua's", "cấu trúc: {0} {1} không phải của thidua"),
    ("more than one leader unit: {}", "nhiều hơn một đơn vị Khối trưởng: {0}"),
    ("a sub-unit holds a bloc role: {}", "đơn vị trực thuộc giữ vai trò trong Khối: {0}"),
    (
        "a unit is its own ancestor (a loop of parent units): {}",
        "đơn vị là cấp trên của chính mình (vòng lặp đơn vị cấp trên): {0}",
    ),
    ("a registration's subject does not fit its title: {}", "đối tượng đăng ký không hợp với danh hiệu: {0}"),
    ("an award's recipient does not fit what it confers: {}", "người nhận khen thưởng không hợp với hình thức: {0}"),
    ("an award whose decision is missing: {}", "khen thưởng thiếu quyết định: {0}"),
    ("an achieved registration points at a missing or different award: {}", "đăng ký đạt trỏ tới khen thưởng không còn hoặc khác: {0}"),
    ("a target without a pledge: {}", "chỉ tiêu không thuộc giao ước nào: {0}"),
    ("progress recorded before the pledge was signed: {}", "kết quả ghi trước ngày ký giao ước: {0}"),
    ("a score above its criterion's maximum: {}", "điểm vượt mức tối đa của tiêu chí: {0}"),
    ("a ballot with more votes than members present: {}", "kết quả bỏ phiếu nhiều hơn số thành viên có mặt: {0}"),
    ("a candidate linked to an award of another subject: {}", "đối tượng đề nghị gắn với khen thưởng của đối tượng khác: {0}"),
    ("a dossier paper whose content is not what was attached: {}", "tài liệu hồ sơ có nội dung khác với khi đính kèm: {0}"),
    ("a pledge for a campaign that closed before it was signed: {}", "giao ước của phong trào đã kết thúc trước ngày ký: {0}"),
    ("audit log: entry #{} does not match its hash (edited or removed entries before it)", "nhật ký: mục #{0} không khớp mã băm (có mục trước đó bị sửa hoặc xóa)"),
    ("rows changed outside thidua before audit entry #{}: {}", "có dòng bị thay đổi ngoài thidua trước mục nhật ký #{0}: {1}"),
    ("rows changed outside thidua after the last audit entry: {} (last: {})", "có dòng bị thay đổi ngoài thidua sau mục nhật ký cuối: {0} (gần nhất: {1})"),
    ("rows changed outside thidua after the last audit entry: {}", "có dòng bị thay đổi ngoài thidua sau mục nhật ký cuối: {0}"),
    ("the content of table {} is not what thidua recorded in audit entry #{} (changed by another program)", "nội dung bảng {0} không khớp với điều thidua đã ghi ở mục nhật ký #{1} (bị chương trình khác sửa)"),
    ("the copy {} does not pass `db check` ({}); the file itself needs `db check`", "bản sao {0} không qua được `db check` ({1}); chính tệp cần được kiểm tra bằng `db check`"),
    ("{}: {} problem", "{0}: {1} vấn đề"),
    ("{}: {} problems", "{0}: {1} vấn đề"),
    ("{}: not confirmed", "{0}: chưa được xác nhận"),
    ("{}: {} bytes, the manifest says {}; the export was changed", "{0}: {1} byte, bản kê ghi {2}; bản xuất đã bị sửa"),
    ("{}: {} rows, the manifest says {}; the export was changed", "{0}: {1} dòng, bản kê ghi {2}; bản xuất đã bị sửa"),
    ("the manifest names '{}', which is not a file inside the export folder", "bản kê ghi '{0}', không phải một tệp trong thư mục xuất"),
    ("the manifest lists table '{}' twice", "bản kê ghi bảng '{0}' hai lần"),
    ("the manifest names '{}' for table '{}', not {}.csv", "bản kê ghi '{0}' cho bảng '{1}', không phải {2}.csv"),
    ("the export has no table '{}' ({}.csv); a whole export holds every table of the file", "bản xuất thiếu bảng '{0}' ({1}.csv); một bản xuất đầy đủ có mọi bảng của tệp"),
    ("the export has a table '{}' this thidua does not know", "bản xuất có bảng '{0}' mà thidua này không biết"),
    ("'{}': the export has no bloc row (table bloc)", "'{0}': bản xuất không có dòng thông tin Khối (bảng bloc)"),
    ("the export has schema version {}, this thidua reads {} and older", "bản xuất có phiên bản cấu trúc {0}, thidua này đọc phiên bản {1} trở về trước"),
    ("'{}' is not a thidua export manifest: too large", "'{0}' không phải là bản kê xuất dữ liệu của thidua: quá lớn"),
    ("'{}' already exists", "'{0}' đã có"),
    ("add --force to replace it", "thêm --force để thay thế"),
    ("'{}' is a folder", "'{0}' là thư mục"),
    ("THIDUA_TODAY='{}' is not a date (write it as 2020-06-30)", "THIDUA_TODAY='{0}' không phải là ngày (ghi như 2020-06-30)"),
    ("{}: the file is UTF-16 text, not UTF-8", "{0}: tệp là văn bản UTF-16, không phải UTF-8"),
    ("save the sheet as \"CSV UTF-8\" (or as .xlsx, which thidua reads too)", "hãy lưu bảng tính dạng \"CSV UTF-8\" (hoặc .xlsx, thidua cũng đọc được)"),
    ("the file needs a look before it takes more writes: {}", "tệp cần được xem lại trước khi ghi tiếp: {0}"),
    ("run `thidua db check`; when what it finds is known and wanted, `thidua db accept --reason …` records it", "hãy chạy `thidua db check`; khi những gì nó tìm thấy đã rõ và đúng ý, `thidua db accept --reason …` sẽ ghi nhận"),
    ("accepted the file as it is (audit entry #{}): {}", "đã chấp nhận tệp như hiện tại (mục nhật ký #{0}): {1}"),
    ("still found: {}", "vẫn còn: {0}"),
    ("the file has no bloc row (table bloc)", "tệp không có dòng thông tin Khối (bảng bloc)"),
    ("warning: the file was changed outside thidua since its last audit entry; `thidua db check` says how", "lưu ý: tệp đã bị thay đổi ngoài thidua sau mục nhật ký cuối; `thidua db check` cho biết chi tiết"),
    // deciding the year: eligibility evidence (the more specific of two similar shapes first)
    ("rated {} in {} by {}", "xếp loại {0} năm {1} theo {2}"),
    ("rated {} in {}", "xếp loại {0} năm {1}"),
    ("no rating recorded for {}", "chưa có xếp loại năm {0}"),
    ("{} {}: carried from an earlier file, decision not entered", "{0} năm {1}: chuyển từ tệp năm trước, chưa nhập số quyết định"),
    ("{} {}: carried from an earlier file, decision {}", "{0} năm {1}: chuyển từ tệp năm trước, quyết định {2}"),
    ("{} {}: recorded, decision not entered", "{0} năm {1}: đã ghi nhận, chưa nhập số quyết định"),
    ("{} {}: decision {}", "{0} năm {1}: quyết định {2}"),
    ("no {} recorded for {}", "không có {0} năm {1}"),
    ("{} {} does not count: its basis is {} (Decree 152/2025 Art 4.3)", "{0} năm {1} không được tính: khen thưởng {2} (Nghị định 152/2025/NĐ-CP, Điều 4 khoản 3)"),
    ("{} {} was revoked by {}", "{0} năm {1} đã bị hủy bỏ theo {2}"),
    ("{} {} registered, not decided yet", "{0} năm {1} đã đăng ký, chưa có quyết định"),
    ("meets the LĐTT conditions (the title is not recorded yet)", "đủ tiêu chuẩn Lao động tiên tiến (chưa ghi nhận danh hiệu)"),
    ("{} #{} “{}”, {} scope, {} ({})", "{0} #{1} “{2}”, phạm vi {3}, {4} (năm {5})"),
    ("recognition not recorded", "chưa ghi quyết định công nhận"),
    ("#{} “{}” has {} scope; {} or wider is needed", "#{0} “{1}” có phạm vi {2}; cần phạm vi từ {3} trở lên"),
    ("#{} “{}” already served {} ({} {})", "#{0} “{1}” đã dùng cho {2} ({3} năm {4})"),
    ("#{} “{}” served {} ({} {}): a later title may rest on it if the council confirms (Công văn 5007/BNV-TĐKT, mục III.5.c)", "#{0} “{1}” đã dùng cho {2} ({3} năm {4}): danh hiệu sau có thể dựa vào nếu Hội đồng xác nhận (Công văn 5007/BNV-TĐKT, mục III.5.c)"),
    ("{} usable initiatives of {} scope or wider in {}; {} needed", "có {0} sáng kiến dùng được, phạm vi từ {1} trở lên, trong {2}; cần {3}"),
    ("{} registered for {}, not decided yet", "{0} đã đăng ký {1}, chưa có quyết định"),
    ("{} #{}, decision {}, from {} to {}", "{0} #{1}, quyết định {2}, từ {3} đến {4}"),
    ("{} #{} from {} to {}", "{0} #{1} từ {2} đến {3}"),
    ("{} #{}, decision {}, since {}, not ended", "{0} #{1}, quyết định {2}, từ {3}, chưa kết thúc"),
    ("{} #{} since {}, not ended", "{0} #{1} từ {2}, chưa kết thúc"),
    ("{} of {} people hold LĐTT ({}); more than {} is needed", "{0}/{1} người đạt LĐTT ({2}); cần trên {3}"),
    ("{} of {} people hold LĐTT ({}); at least {} is needed", "{0}/{1} người đạt LĐTT ({2}); cần tối thiểu {3}"),
    ("the file holds {} of the unit; its staff count is not recorded (`unit staff`)", "tệp có {0} của đơn vị; chưa ghi số biên chế (`unit staff`)"),
    ("the file holds {} of the unit; its staff is {}", "tệp có {0} của đơn vị; biên chế {1} người"),
    ("rated below completed: {}", "xếp loại dưới mức hoàn thành nhiệm vụ: {0}"),
    ("{} without a rating for the year", "{0} chưa có xếp loại trong năm"),
    ("disciplined at warning or above: {}", "bị kỷ luật từ cảnh cáo trở lên: {0}"),
    ("{} holding CSTĐCS", "{0} đạt CSTĐCS"),
    ("{} CSTĐCS for {} LĐTT in the unit: at most {} is allowed", "đơn vị có {0} CSTĐCS trên {1} LĐTT: tối đa {2}"),
    ("rank {} of {}, shared: the meeting decides", "đồng hạng {0}/{1}: hội nghị quyết định"),
    ("rank {} of {} in the bloc's ranking, proposed for {}", "xếp thứ {0}/{1} trong Khối, đề nghị {2}"),
    ("rank {} of {} in the bloc's ranking", "xếp thứ {0}/{1} trong Khối"),
    ("the bloc's ranking of {} is not in this file", "tệp không có kết quả xếp hạng của Khối năm {0}"),
    ("confirmed: {}", "đã xác nhận: {0}"),
    ("not confirmed yet (`eligible confirm`)", "chưa được xác nhận (`eligible confirm`)"),
    ("option {}: {} — {}", "phương án {0}: {1} — {2}"),
    ("Rules: {} ({}), in force on {}", "Quy định áp dụng: {0} ({1}), có hiệu lực tại ngày {2}"),
    ("from {}", "từ {0}"),
    ("until {}", "đến {0}"),
    ("nothing to judge: no registrations; name a subject with --person or --unit", "không có gì để xét: chưa có đăng ký; hãy chỉ rõ đối tượng bằng --person hoặc --unit"),
    ("not applied under these rules", "không áp dụng theo quy định này"),
    // deciding the year: commands
    ("{}: the rating for {} is already {}", "{0}: xếp loại năm {1} đã là {2}"),
    ("{}: rated {} for {}", "{0}: xếp loại {1} năm {2}"),
    ("--org {} is for a unit's organisations; a person's rating is their own", "--org {0} dành cho tổ chức của đơn vị; cá nhân chỉ có xếp loại của chính mình"),
    ("'{}' is not a rating ({})", "'{0}' không phải là mức xếp loại ({1})"),
    ("'{}' is not an organisation ({})", "'{0}' không phải là tổ chức ({1})"),
    ("'{}' is for a unit's organisations; a person's rating is their own", "'{0}' dành cho tổ chức của đơn vị; cá nhân chỉ có xếp loại của chính mình"),
    ("'{}' is not a scope ({})", "'{0}' không phải là phạm vi ảnh hưởng ({1})"),
    ("'{}' is not a kind of initiative ({})", "'{0}' không phải là loại sáng kiến ({1})"),
    ("initiative #{} is already recorded as used by award #{}", "sáng kiến #{0} đã được ghi là dùng cho khen thưởng #{1}"),
    ("initiative #{} is used by award #{}", "sáng kiến #{0} được dùng cho khen thưởng #{1}"),
    ("warning: initiative #{} already served {} ({} {}); an initiative is the basis of one proposal (CV 5007/BNV-TĐKT), the council decides", "cảnh báo: sáng kiến #{0} đã dùng cho {1} ({2} năm {3}); mỗi sáng kiến chỉ làm căn cứ cho một đề nghị (CV 5007/BNV-TĐKT), Hội đồng quyết định"),
    ("initiative #{} “{}” of {} is already recorded with this decision", "sáng kiến #{0} “{1}” năm {2} đã được ghi với quyết định này"),
    ("initiative #{}: {}", "sáng kiến #{0}: {1}"),
    ("name an author with --author (a person of the file) or --author-name (as printed)", "hãy ghi tác giả bằng --author (cá nhân có trong tệp) hoặc --author-name (tên như in)"),
    ("no initiative #{}", "không có sáng kiến #{0}"),
    ("no award #{}", "không có khen thưởng #{0}"),
    ("--to {} is before --from {}", "--to {0} trước --from {1}"),
    ("#{}: {}: {} from {}", "#{0}: {1}: {2} từ {3}"),
    ("#{} already ended on {}", "#{0} đã kết thúc ngày {1}"),
    ("#{} ended on {}", "#{0} kết thúc ngày {1}"),
    ("#{} began on {}: it cannot end on {}", "#{0} bắt đầu ngày {1}: không thể kết thúc ngày {2}"),
    ("#{} would end on {} before it began on {}", "#{0} sẽ kết thúc ngày {1}, trước ngày bắt đầu {2}"),
    ("#{} corrected", "đã sửa #{0}"),
    ("no discipline or review #{}", "không có hồ sơ kỷ luật hoặc xem xét #{0}"),
    ("--source is empty: name the text that set it", "--source trống: hãy ghi văn bản quy định"),
    ("{}: back to the default of the rule set", "{0}: trở về giá trị mặc định của quy định"),
    ("{} was not set: the default applies already", "{0} chưa được đặt: đang áp dụng giá trị mặc định"),
    ("{} = {} ({})", "{0} = {1} ({2})"),
    ("--note is empty: say on what ground the conditions are confirmed", "--note trống: hãy ghi căn cứ xác nhận"),
    ("{}: the qualitative conditions of {} {} are confirmed", "{0}: đã xác nhận các tiêu chuẩn định tính của {1} năm {2}"),
    ("{}: the confirmation of {} {} is withdrawn", "{0}: đã rút xác nhận {1} năm {2}"),
    ("{}: {} {} was not confirmed", "{0}: {1} năm {2} chưa được xác nhận"),
    ("{} women is more than the staff of {}", "{0} nữ nhiều hơn số biên chế {1}"),
    ("{} Party members is more than the staff of {}", "{0} đảng viên nhiều hơn số biên chế {1}"),
    ("award #{} was revoked already by {} on {}", "khen thưởng #{0} đã bị hủy bỏ theo {1} ngày {2}"),
    ("no person #{}", "không có cá nhân #{0}"),
    ("{} since {}", "{0} từ {1}"),
    ("{} registrations are too many for one report", "{0} đăng ký là quá nhiều cho một báo cáo"),
    ("stream one table with --table summary or --table conditions (e.g. --format csv -o FILE), or narrow with --title, --unit or --person", "hãy xuất từng bảng bằng --table summary hoặc --table conditions (ví dụ --format csv -o TỆP), hoặc thu hẹp bằng --title, --unit hay --person"),
    ("carried for deciding the year: {} ratings, {} initiatives, {} open discipline or review records, {} rule parameters", "chuyển sang để xét khen thưởng: {0} xếp loại, {1} sáng kiến, {2} hồ sơ kỷ luật hoặc xem xét chưa kết thúc, {3} tham số quy định"),
    ("{}: staff {}", "{0}: biên chế {1} người"),
    ("{} registrations: {} cannot succeed, {} lack data, {} can succeed", "{0} đăng ký: {1} không thể đạt, {2} thiếu dữ liệu, {3} có thể đạt"),
    ("not proposed: {} (Decree 152/2025 Art 4.4); the meeting decides whether the next unit is proposed for the flag", "không đề nghị: {0} (Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4); hội nghị quyết định việc đề nghị đơn vị kế tiếp nhận Cờ thi đua"),
    ("not proposed: {} (Decree 152/2025 Art 4.4); the meeting decides whether the next unit is proposed for a certificate", "không đề nghị: {0} (Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4); hội nghị quyết định việc đề nghị đơn vị kế tiếp nhận Bằng khen"),
    ("a revocation needs its --decision and its --reason", "việc hủy bỏ cần có --decision và --reason"),
    ("award #{} is revoked by {}; it stays on record and no longer counts", "khen thưởng #{0} bị hủy bỏ theo {1}; vẫn lưu trong hồ sơ nhưng không còn được tính"),
    ("warning: {} is not eligible for {} {} under the rules in force: {}", "cảnh báo: {0} không đủ điều kiện {1} năm {2} theo quy định hiện hành: {3}"),
    // the council and the proposals
    ("Council session #{} of {}", "Phiên họp Hội đồng #{0} ngày {1}"),
    ("{} members; {} present, {} absent with a written opinion; quorum {} ({})", "{0} thành viên; {1} có mặt, {2} vắng mặt có ý kiến bằng văn bản; tỷ lệ tối thiểu {3} ({4})"),
    ("the memo (tờ trình)", "tờ trình"),
    ("the achievement report", "báo cáo thành tích"),
    ("the minutes of the deliberation", "biên bản họp xét"),
    ("a ballot of the council", "kết quả bỏ phiếu của Hội đồng"),
    ("a ballot that carried (#{} did not)", "kết quả bỏ phiếu đạt tỷ lệ (phiên #{0} không đạt)"),
    ("the certificate of the initiative's recognition", "giấy chứng nhận sáng kiến được công nhận"),
    ("the certificate of the initiative or of the excellent rating", "giấy chứng nhận sáng kiến hoặc xác nhận hoàn thành xuất sắc nhiệm vụ"),
    ("{} is already member #{} of the council", "{0} đã là thành viên #{1} của Hội đồng"),
    ("the council has a chair already: #{} {}", "Hội đồng đã có Chủ tịch: #{0} {1}"),
    ("remove #{} first, or add this member with another role", "hãy xóa #{0} trước, hoặc thêm thành viên này với vai trò khác"),
    ("no council member #{}", "không có thành viên Hội đồng #{0}"),
    ("no council session '{}'", "không có phiên họp Hội đồng '{0}'"),
    ("`thidua council session list` shows them", "`thidua council session list` liệt kê các phiên họp"),
    ("'{}' is the date of several sessions: {}; name one by its number", "'{0}' là ngày của nhiều phiên họp: {1}; hãy chỉ rõ bằng số"),
    ("a ballot needs a candidate", "kết quả bỏ phiếu cần có đối tượng"),
    ("council member #{}: {}", "thành viên Hội đồng #{0}: {1}"),
    ("removed council member #{} ({})", "đã xóa thành viên Hội đồng #{0} ({1})"),
    ("the council has no members yet", "Hội đồng chưa có thành viên"),
    ("add them with `thidua council member add`, or give --members", "hãy thêm bằng `thidua council member add`, hoặc ghi --members"),
    ("{} present and {} written opinions are more than the {} members", "{0} người có mặt và {1} ý kiến bằng văn bản nhiều hơn {2} thành viên"),
    ("{} of {} members present is below the quorum of {}%; the session cannot deliberate", "{0}/{1} thành viên có mặt, dưới tỷ lệ tối thiểu {2}%; phiên họp không thể xét"),
    ("council session #{} of {}", "phiên họp Hội đồng #{0} ngày {1}"),
    ("council session #{} corrected", "đã sửa phiên họp Hội đồng #{0}"),
    ("removed council session #{} of {}", "đã xóa phiên họp Hội đồng #{0} ngày {1}"),
    ("removed the ballot on {} — {}", "đã xóa kết quả bỏ phiếu về {0} — {1}"),
    ("the ballot on {} — {}: {}", "kết quả bỏ phiếu về {0} — {1}: {2}"),
    ("ballots are recorded at council session #{} ({})", "phiên họp Hội đồng #{0} đã có kết quả bỏ phiếu ({1})"),
    ("remove them first (`thidua council vote … --remove`), or correct the session (`thidua council session edit`)", "hãy xóa các kết quả đó trước (`thidua council vote … --remove`), hoặc sửa phiên họp (`thidua council session edit`)"),
    ("proposal #{} names council session #{} as the one that deliberated it", "đề nghị #{0} ghi phiên họp Hội đồng #{1} là phiên đã xét"),
    ("proposal #{} went up on this ballot and is decided: the ballot stays as it was", "đề nghị #{0} đã gửi lên dựa trên kết quả bỏ phiếu này và đã có quyết định: kết quả bỏ phiếu giữ nguyên"),
    ("proposal #{} went up on this ballot", "đề nghị #{0} đã gửi lên dựa trên kết quả bỏ phiếu này"),
    ("record the province's answer first (`thidua proposal return`), then correct the ballot", "hãy ghi ý kiến trả lời của tỉnh trước (`thidua proposal return`), rồi sửa kết quả bỏ phiếu"),
    ("council session #{} has no ballot on this candidate for {}", "phiên họp Hội đồng #{0} không có kết quả bỏ phiếu về đối tượng này cho {1}"),

    ("{} in favour and {} against are more ballots than the {} members present at session #{}", "{0} phiếu đồng ý và {1} phiếu không đồng ý nhiều hơn {2} thành viên có mặt tại phiên #{3}"),
    ("{} written opinions in favour, but session #{} recorded {} written opinions", "{0} ý kiến đồng ý bằng văn bản, nhưng phiên #{1} chỉ ghi {2} ý kiến bằng văn bản"),
    ("the ballot was not recorded", "kết quả bỏ phiếu chưa được ghi"),
    ("{} — {}: {} of {} members, {}%: carried", "{0} — {1}: {2}/{3} thành viên, {4}%: đạt"),
    ("{} — {}: {} of {} members, {}%: not carried", "{0} — {1}: {2}/{3} thành viên, {4}%: không đạt"),
    ("vote on it for a person with --person", "hãy bỏ phiếu cho một cá nhân bằng --person"),
    ("vote on it for a unit with --unit", "hãy bỏ phiếu cho một đơn vị bằng --unit"),
    ("propose it for a person with --person", "hãy đề nghị cho một cá nhân bằng --person"),
    ("propose it for a unit with --unit", "hãy đề nghị cho một đơn vị bằng --unit"),
    ("the ranking proposes no unit yet", "kết quả xếp hạng chưa đề nghị đơn vị nào"),
    ("`thidua report ranking` says why (scores missing, a tie, a review pending)", "`thidua report ranking` cho biết lý do (thiếu điểm, bằng điểm, đang bị xem xét)"),
    ("proposal #{} (draft): {}", "đề nghị #{0} (dự thảo): {1}"),
    ("{} candidates from the ranking", "{0} đối tượng từ kết quả xếp hạng"),
    ("candidate #{} of proposal #{}", "đối tượng #{0} của đề nghị #{1}"),
    ("'{}' is {} bytes, more than the {} MiB a dossier paper may be", "'{0}' có {1} byte, vượt quá {2} MiB cho phép của một tài liệu hồ sơ"),
    ("'{}' is {} bytes, more than the 20 MiB a dossier paper may be", "'{0}' có {1} byte, vượt quá 20 MiB cho phép của một tài liệu hồ sơ"),
    ("attach a smaller scan (a PDF at 150 dpi), or keep the paper beside the file", "hãy đính kèm bản quét nhỏ hơn (PDF 150 dpi), hoặc lưu tài liệu bên cạnh tệp"),
    ("proposal #{} has no candidate #{}", "đề nghị #{0} không có đối tượng #{1}"),
    ("paper #{} of proposal #{}: {} ({} bytes, SHA-256 {})", "tài liệu #{0} của đề nghị #{1}: {2} ({3} byte, SHA-256 {4})"),
    ("proposal #{}: every candidate's dossier is complete", "đề nghị #{0}: hồ sơ của mọi đối tượng đã đủ"),
    ("proposal #{} was sent already ({} of {})", "đề nghị #{0} đã được gửi ({1} ngày {2})"),
    ("proposal #{} is decided already", "đề nghị #{0} đã có quyết định"),
    ("proposal #{} has no candidate", "đề nghị #{0} chưa có đối tượng"),
    ("add them with `thidua proposal candidate`", "hãy thêm bằng `thidua proposal candidate`"),
    ("proposal #{} cannot be sent: {}", "không thể gửi đề nghị #{0}: {1}"),
    ("`thidua eligible` and `thidua council result` say why; --force --reason \"…\" sends them all the same, the reason kept", "`thidua eligible` và `thidua council result` cho biết lý do; --force --reason \"…\" vẫn gửi, lý do được lưu lại"),
    ("proposal #{} sent: {} of {}", "đã gửi đề nghị #{0}: {1} ngày {2}"),
    ("{} candidates sent with --force; the reason is kept with each", "{0} đối tượng được gửi với --force; lý do được lưu với từng đối tượng"),
    ("--reason is empty: say why the proposal was returned", "--reason trống: hãy ghi lý do đề nghị bị trả lại"),
    ("proposal #{} is {}, not sent: only a sent proposal comes back", "đề nghị #{0} đang ở trạng thái {1}, chưa gửi: chỉ đề nghị đã gửi mới bị trả lại"),
    ("proposal #{} returned on {}: {}", "đề nghị #{0} bị trả lại ngày {1}: {2}"),
    ("proposal #{} is {}, not sent: only a sent proposal is decided", "đề nghị #{0} đang ở trạng thái {1}, chưa gửi: chỉ đề nghị đã gửi mới có quyết định"),
    ("decision {} awards achievements of {}, not of this file's year {}", "quyết định {0} khen thưởng thành tích năm {1}, không phải năm {2} của tệp"),
    ("proposal #{} decided: {} granted, {} changed, {} refused", "đề nghị #{0} đã có quyết định: {1} được khen, {2} được khen hình thức khác, {3} không được khen"),
    ("proposal #{} is a draft: it was never sent", "đề nghị #{0} mới là dự thảo: chưa từng được gửi"),
    ("a draft is removed (`thidua proposal remove {}`)", "dự thảo thì xóa đi (`thidua proposal remove {0}`)"),
    ("proposal #{} is {}: only a sent or returned proposal is withdrawn", "đề nghị #{0} đang ở trạng thái {1}: chỉ rút được đề nghị đã gửi hoặc bị trả lại"),
    ("{} is before proposal #{} was sent ({})", "ngày {0} trước ngày gửi đề nghị #{1} ({2})"),
    ("proposal #{} withdrawn on {}: {}", "đã rút đề nghị #{0} ngày {1}: {2}"),
    ("--reason is empty: say why the proposal is withdrawn", "--reason để trống: hãy ghi lý do rút đề nghị"),
    ("proposal #{} was withdrawn: it stays on record as it was", "đề nghị #{0} đã được rút: được giữ lại trong hồ sơ như khi rút"),
    ("start a new proposal (`thidua proposal add`)", "hãy lập đề nghị mới (`thidua proposal add`)"),
    ("the proposal table's status check is not the one thidua wrote", "ràng buộc trạng thái của bảng đề nghị không phải do thidua tạo"),
    ("proposal #{} is {}: candidates are added to a draft or a returned proposal", "đề nghị #{0} đang ở trạng thái {1}: chỉ thêm đối tượng vào đề nghị dự thảo hoặc bị trả lại"),
    ("this candidate is already #{} of proposal #{} for that title", "đối tượng này đã là #{0} của đề nghị #{1} cho danh hiệu đó"),
    ("a candidate needs a unit or a person", "đối tượng đề nghị cần là một đơn vị hoặc một cá nhân"),
    ("no proposal #{}", "không có đề nghị #{0}"),
    ("`thidua proposal list` shows them", "`thidua proposal list` liệt kê các đề nghị"),
    ("a candidate without a subject", "đối tượng đề nghị không xác định"),
    ("a rating needs a unit or a person", "xếp loại cần cho một đơn vị hoặc một cá nhân"),
    ("the rating is recorded already", "xếp loại này đã được ghi"),
    ("session #{} has no ballots", "phiên #{0} chưa có kết quả bỏ phiếu"),
    ("{} members named absent ({} with a written opinion), but the counts say {} absent and {} written opinions", "{0} thành viên được ghi vắng mặt ({1} có ý kiến bằng văn bản), nhưng số liệu ghi {2} vắng mặt và {3} ý kiến bằng văn bản"),
    ("give --present with --members", "hãy ghi --present cùng với --members"),
    ("`thidua council member list` shows their numbers", "`thidua council member list` cho biết số của thành viên"),
    ("record them with `thidua council vote {} …`", "hãy ghi bằng `thidua council vote {0} …`"),
    ("the paper has no signer", "văn bản chưa có người ký"),
    ("give one with `thidua doc settings --signer \"Họ và tên\"`, or record the council's chair (`thidua council member add … --role chair`)", "hãy ghi bằng `thidua doc settings --signer \"Họ và tên\"`, hoặc ghi Chủ tịch Hội đồng (`thidua council member add … --role chair`)"),
    ("the council has no chair", "Hội đồng chưa có Chủ tịch"),
    ("add one with `thidua council member add … --role chair`", "hãy thêm bằng `thidua council member add … --role chair`"),
    ("the council has no secretary", "Hội đồng chưa có Thư ký"),
    ("add one with `thidua council member add … --role secretary`", "hãy thêm bằng `thidua council member add … --role secretary`"),
    ("decision {} has no awards recorded", "quyết định {0} chưa có khen thưởng nào được ghi"),
    ("record them with `thidua award add` or `thidua award import`", "hãy ghi bằng `thidua award add` hoặc `thidua award import`"),
    ("wrote {}", "đã ghi {0}"),
    ("--text '{}': write it as PART=FILE", "--text '{0}': hãy ghi dạng PHẦN=TỆP"),
    ("--text '{}': not a part of the review ({})", "--text '{0}': không phải là một phần của báo cáo ({1})"),
    ("proposal #{} is a draft: a decision answers a proposal that was sent", "đề nghị #{0} mới là dự thảo: quyết định chỉ trả lời đề nghị đã gửi"),
    ("send it first: `thidua proposal send {} --memo … --date …`", "hãy gửi trước: `thidua proposal send {0} --memo … --date …`"),
    ("wrote the review, the memo and the minutes of 2020 into {}", "đã ghi báo cáo sơ kết, tờ trình và biên bản năm 2020 vào {0}"),
    ("document settings saved", "đã lưu thiết lập văn bản"),
    ("dossier of proposal #{}: {}", "hồ sơ đề nghị #{0} còn thiếu: {1}"),
    ("'{}' is not hexadecimal bytes", "'{0}' không phải là dữ liệu nhị phân dạng thập lục phân"),
    ("the bloc's settings (`score settings --quota-bk`)", "thiết lập của Khối (`score settings --quota-bk`)"),
    ("answers proposal #{} (candidate #{})", "theo đề nghị #{0} (đối tượng #{1})"),
    ("{} registrations: `thidua register check` judges them one by one", "{0} đăng ký: `thidua register check` xét từng đăng ký"),
];

/// Words and phrases that appear as values inside other messages (a status, a count, a kind): used for the values
/// only, never for a whole message, so "{} row {}" does not swallow a sentence.
const VALUES: &[(&str, &str)] = &[
    // A candidate held back, an item of the list in "proposal #{} cannot be sent: {}" (never a whole message).
    ("{} — {} (its ballot did not carry)", "{0} — {1} (kết quả bỏ phiếu không đạt)"),
    ("{} — {} (no ballot of the council carried it)", "{0} — {1} (không có kết quả bỏ phiếu đạt của Hội đồng)"),
    ("{} — {} (conferred by the head of the unit, {})", "{0} — {1} (do thủ trưởng đơn vị tặng, {2})"),
    ("{} — {} (proposed for another form too, {})", "{0} — {1} (đã được đề nghị một hình thức khác, {2})"),
    ("{} — {} (not eligible)", "{0} — {1} (không đủ điều kiện)"),
    ("the file of {}", "tệp năm {0}"),
    ("award #{}", "khen thưởng #{0}"),
    ("proposal #{} (candidate #{})", "đề nghị #{0} (đối tượng #{1})"),
    ("{} problem", "{0} vấn đề"),
    ("{} problems", "{0} vấn đề"),
    ("{} row {}", "dòng {1} của bảng {0}"),
    ("table", "bảng"),
    ("index", "chỉ mục"),
    ("{} unit", "{0} đơn vị"),
    ("{} units", "{0} đơn vị"),
    ("{} local catalog entry", "{0} mục danh mục riêng"),
    ("{} local catalog entries", "{0} mục danh mục riêng"),
    ("{} setting", "{0} thiết lập"),
    ("{} settings", "{0} thiết lập"),
    ("{} criterion", "{0} tiêu chí"),
    ("{} criteria", "{0} tiêu chí"),
    ("{} achievement of earlier years", "{0} thành tích các năm trước"),
    ("{} achievements of earlier years", "{0} thành tích các năm trước"),
    ("{} unassessed", "{0} chưa thẩm định"),
    ("{} unverified", "{0} chưa được thẩm định"),
    ("{} base criterion", "{0} tiêu chí cơ bản"),
    ("{} base criteria", "{0} tiêu chí cơ bản"),
    ("{} self score", "{0} điểm tự chấm"),
    ("{} self scores", "{0} điểm tự chấm"),
    ("{} person", "{0} người"),
    ("{} sub-unit", "{0} đơn vị trực thuộc"),
    ("{} registrations", "{0} đăng ký"),
    ("{} awards", "{0} khen thưởng"),
    ("{} scores", "{0} điểm"),
    ("{} pledges", "{0} giao ước"),
    ("{} talks or exemplars", "{0} tham luận, điển hình"),
    ("{} council members", "{0} thành viên Hội đồng"),
    ("{} ballots", "{0} kết quả bỏ phiếu"),
    ("{} proposal candidates", "{0} đối tượng đề nghị"),
    ("{} initiative authors", "{0} tác giả sáng kiến"),
    ("{} exclusions from the proposals", "{0} lần không đưa vào đề nghị"),
    ("{} staff counts", "{0} số liệu biên chế"),
    ("{} units merged into it", "{0} đơn vị sáp nhập vào"),
    ("{} mergers or dissolutions", "{0} ghi nhận sáp nhập, giải thể"),
    ("{} disciplines or reviews", "{0} kỷ luật, việc xem xét"),
    ("{} confirmations", "{0} xác nhận điều kiện"),
    ("{} ratings", "{0} xếp loại"),
    ("{} initiatives", "{0} sáng kiến"),
    ("{} proposals", "{0} đề nghị"),
    ("regular", "thường xuyên"),
    ("thematic", "chuyên đề"),
    ("talk", "tham luận"),
    ("exemplar", "điển hình"),
    ("added", "đã thêm"),
    ("updated", "đã cập nhật"),
    ("unchanged:", "không đổi:"),
    ("leader", "Khối trưởng"),
    ("deputy", "Khối phó"),
    ("member", "thành viên"),
    ("base", "cơ bản"),
    ("bonus", "điểm thưởng"),
    ("penalty", "điểm trừ"),
    ("code {}", "mã {0}"),
    ("{} people", "{0} người"),
    ("{} sub-units", "{0} đơn vị trực thuộc"),
    ("{} registration", "{0} đăng ký"),
    ("{} award", "{0} khen thưởng"),
    ("{} talk or exemplar", "{0} tham luận, điển hình"),
    ("{} council member", "{0} thành viên Hội đồng"),
    ("{} ballot", "{0} kết quả bỏ phiếu"),
    ("{} proposal candidate", "{0} đối tượng đề nghị"),
    ("{} initiative author", "{0} tác giả sáng kiến"),
    ("{} exclusion from the proposals", "{0} lần không đưa vào đề nghị"),
    ("{} staff count", "{0} số liệu biên chế"),
    ("{} unit merged into it", "{0} đơn vị sáp nhập vào"),
    ("{} merger or dissolution", "{0} ghi nhận sáp nhập, giải thể"),
    ("{} discipline or review", "{0} kỷ luật, việc xem xét"),
    ("{} confirmation", "{0} xác nhận điều kiện"),
    ("{} rating", "{0} xếp loại"),
    ("{} initiative", "{0} sáng kiến"),
    ("{} proposal", "{0} đề nghị"),
    // What the system says of a file (io::Error), inside "cannot read '{}': {}".
    ("No such file or directory (os error 2)", "không có tệp hoặc thư mục này"),
    ("Permission denied (os error 13)", "không có quyền truy cập"),
    ("Is a directory (os error 21)", "đây là một thư mục"),
    ("Not a directory (os error 20)", "một phần của đường dẫn không phải thư mục"),
    ("File exists (os error 17)", "tệp đã có"),
    ("No space left on device (os error 28)", "ổ đĩa hết chỗ trống"),
    ("Read-only file system (os error 30)", "hệ thống tệp chỉ cho đọc"),
    ("Input/output error (os error 5)", "lỗi đọc ghi của ổ đĩa"),
    ("{} score", "{0} điểm"),
    ("{} pledge", "{0} giao ước"),
    ("midyear", "hội nghị sơ kết"),
    ("annual", "hội nghị tổng kết"),
    ("signing", "hội nghị ký kết"),
    ("other", "hội nghị"),
    ("launched", "đã phát động"),
    ("closed", "đã kết thúc"),
    ("planned", "dự kiến"),
    ("'{}' is not a document number: write it as {}", "'{0}' không phải là số, ký hiệu văn bản: hãy ghi như {1}"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_take_values_by_position() {
        assert_eq!(matches("no unit '{}'", "no unit 'XYZ'"), Some(vec!["XYZ".to_string()]));
        assert_eq!(matches("a {} b {}", "a 1 b 2 3"), Some(vec!["1".to_string(), "2 3".to_string()]));
        assert_eq!(matches("no unit '{}'", "no person 'XYZ'"), None);
        assert_eq!(say("no unit 'XYZ'", Lang::Vi), "không có đơn vị 'XYZ'");
        assert_eq!(say_row("f.csv:12: no unit 'X'", Lang::Vi), "f.csv:12: không có đơn vị 'X'");
    }

    #[test]
    fn every_template_fills_every_value() {
        for (en, vi) in TYPED.iter().chain(MESSAGES).chain(VALUES) {
            let n = en.matches("{}").count();
            for i in 0..n {
                assert!(vi.contains(&format!("{{{i}}}")), "'{vi}' leaves out value {i} of '{en}'");
            }
            assert!(!vi.contains(&format!("{{{n}}}")), "'{vi}' has more values than '{en}'");
        }
    }

    #[test]
    fn a_typed_message_is_looked_up_not_parsed() {
        // A value holding a template's own words stays whole (the garbled "proposal #1 (candidate năm #2)").
        let m = msg!("no unit '{}'", "X' and no unit 'Y");
        assert_eq!(text(&m, Lang::Vi), "không có đơn vị 'X' and no unit 'Y'");
        assert_eq!(text(&m, Lang::En), "no unit 'X' and no unit 'Y'");
        let n = msg!("{} without a rating for the year", Msg::people(3));
        assert_eq!(text(&n, Lang::Vi), "3 người chưa có xếp loại trong năm");
        assert_eq!(text(&n, Lang::En), "3 people without a rating for the year");
    }

    /// Every key a `msg!` or a count of the source names is in the catalog: a message kind never reaches a
    /// Vietnamese reader in English because its template was forgotten.
    #[test]
    fn every_typed_message_of_the_source_is_in_the_catalog() {
        let mut missing = Vec::new();
        let mut seen = 0;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut dirs = vec![root];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).expect("src") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    dirs.push(p);
                    continue;
                }
                // This file's tests name the openings themselves.
                if p.ends_with("output/messages.rs") {
                    continue;
                }
                let src = std::fs::read_to_string(&p).expect("source");
                for key in typed_keys(&src) {
                    seen += 1;
                    if !knows(&key) {
                        missing.push(format!("{}: {key}", p.display()));
                    }
                }
            }
        }
        assert!(seen > 100, "only {seen} typed messages found: is the scan broken?");
        assert!(missing.is_empty(), "not in the catalog:\n{}", missing.join("\n"));
    }

    /// The string literals right after `msg!(` and `Msg::new(`, and the two of `Msg::count(`.
    fn typed_keys(src: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for open in ["msg!(\"", "Msg::new(\"", "Bad::new(\""] {
            for (at, _) in src.match_indices(open) {
                keys.push(literal(&src[at + open.len()..]).0);
            }
        }
        for (at, _) in src.match_indices("Msg::count(") {
            let mut rest = &src[at..];
            for _ in 0..2 {
                let Some(q) = rest.find('"') else { break };
                let (key, after) = literal(&rest[q + 1..]);
                keys.push(key);
                rest = after;
            }
        }
        keys
    }

    /// A Rust string literal's text from after its opening quote; the rest after its closing quote.
    fn literal(s: &str) -> (String, &str) {
        let mut out = String::new();
        let mut chars = s.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return (out, &s[i + 1..]),
                '\\' => match chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, '\n')) => {
                        // A continued line: the next line's leading spaces are not part of the text.
                        while chars.clone().next().is_some_and(|(_, c)| c.is_whitespace()) {
                            chars.next();
                        }
                    }
                    Some((_, c)) => out.push(c),
                    None => break,
                },
                c => out.push(c),
            }
        }
        (out, "")
    }
}
