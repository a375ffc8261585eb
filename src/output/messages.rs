//! Messages for people in Vietnamese: every error, hint and import line the tool prints is written once in
//! English where it happens, and rendered under `--lang vi` through this catalog of (English template, Vietnamese
//! template). `{}` in an English template stands for a value (a code, a name, a number, a file); the Vietnamese
//! template puts the values back by position, `{0}`, `{1}`, … A message the catalog does not know is printed as
//! written, and the test suite fails on it (`tests/cli/main.rs` runs every refusal again under `--lang vi`).

use super::Lang;

/// Renders a message in the language: as written in English, or through its Vietnamese template.
pub fn say(msg: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return msg.to_string();
    }
    render(msg, false)
}

/// A whole message (in Vietnamese) through MESSAGES; a value (`value`) through VALUES too.
fn render(msg: &str, value: bool) -> String {
    let tables: &[&[(&str, &str)]] = if value { &[MESSAGES, VALUES] } else { &[MESSAGES] };
    for (en, vi) in tables.iter().flat_map(|t| t.iter()) {
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
    ("this list has no table '{}'", "danh sách này không có bảng '{0}'"),
    ("this report has no table '{}'", "báo cáo này không có bảng '{0}'"),
    ("unit '{}' already exists", "đơn vị '{0}' đã có"),
    ("unit '{}' cannot be placed under itself or one of its sub-units", "đơn vị '{0}' không thể đặt dưới chính nó hay đơn vị trực thuộc của nó"),
    ("unit '{}' has a parent unit, so it cannot hold a bloc role", "đơn vị '{0}' có đơn vị cấp trên nên không thể giữ vai trò trong Khối"),
    ("unit '{}' is ambiguous: {}", "không rõ '{0}' là đơn vị nào: {1}"),
    ("unit {} is still referred to by {}", "đơn vị {0} vẫn đang được dùng bởi {1}"),
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
    ("remove its awards first (`thidua award list --decision …`)", "hãy xóa các khen thưởng của quyết định trước (`thidua award list --decision …`)"),
    ("remove or move those first (`thidua unit show` lists people and sub-units)", "hãy xóa hoặc chuyển các mục đó trước (`thidua unit show` liệt kê người và đơn vị trực thuộc)"),
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
    ("{} of {} at meeting #{} ({})", "{0} của {1} tại hội nghị #{2} ({3})"),
    ("sealed {} at {}: {}", "đã khóa sổ {0} lúc {1}: {2}"),
    ("write this fingerprint in the register: `thidua db check --fingerprint …` tells this file from any other", "hãy ghi dấu vân tay này vào sổ: `thidua db check --fingerprint …` phân biệt tệp này với mọi tệp khác"),
    ("the fingerprint is {}, not {}: this is another file, or the file has changed since", "dấu vân tay là {0}, không phải {1}: đây là tệp khác, hoặc tệp đã bị thay đổi từ đó"),
    ("unsealed {}: {}", "đã mở lại {0}: {1}"),
    ("backed up to {} (checked)", "đã sao lưu vào {0} (đã kiểm tra)"),
    ("added target \"{}\": {}", "đã thêm chỉ tiêu \"{0}\": {1}"),
    ("{} progress of target #{} ({}) as of {}", "{0} kết quả của chỉ tiêu #{1} ({2}) tính đến {3}"),
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
    ("a registration's subject does not fit its title: {}", "đối tượng đăng ký không hợp với danh hiệu: {0}"),
    ("an award's recipient does not fit what it confers: {}", "người nhận khen thưởng không hợp với hình thức: {0}"),
    ("an award whose decision is missing: {}", "khen thưởng thiếu quyết định: {0}"),
    ("an achieved registration points at a missing or different award: {}", "đăng ký đạt trỏ tới khen thưởng không còn hoặc khác: {0}"),
    ("a target without a pledge: {}", "chỉ tiêu không thuộc giao ước nào: {0}"),
    ("progress recorded before the pledge was signed: {}", "kết quả ghi trước ngày ký giao ước: {0}"),
    ("a score above its criterion's maximum: {}", "điểm vượt mức tối đa của tiêu chí: {0}"),
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
];

/// Words and phrases that appear as values inside other messages (a status, a count, a kind): used for the values
/// only, never for a whole message, so "{} row {}" does not swallow a sentence.
const VALUES: &[(&str, &str)] = &[
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
    ("{} meeting_items", "{0} tham luận, điển hình"),
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
    ("{} meeting_item", "{0} tham luận, điển hình"),
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
        for (en, vi) in MESSAGES.iter().chain(VALUES) {
            let n = en.matches("{}").count();
            for i in 0..n {
                assert!(vi.contains(&format!("{{{i}}}")), "'{vi}' leaves out value {i} of '{en}'");
            }
            assert!(!vi.contains(&format!("{{{n}}}")), "'{vi}' has more values than '{en}'");
        }
    }
}
