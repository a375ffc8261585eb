//! The one catalog of labels people read, in English and Vietnamese. Keys are the stable identifiers CSV and JSON
//! use; a key missing here shows as itself.

use super::Lang;

/// (key, English, Vietnamese).
const LABELS: &[(&str, &str, &str)] = &[
    // the file and the bloc
    ("file", "File", "Tệp"),
    ("bloc", "Bloc", "Khối thi đua"),
    ("province", "Province", "Tỉnh"),
    ("year", "Year", "Năm"),
    ("schema_version", "Schema version", "Phiên bản lược đồ"),
    ("created_at", "Created", "Ngày tạo"),
    ("demo", "Demo file", "Tệp minh họa"),
    ("unit_rows", "Units", "Đơn vị"),
    ("person_rows", "People", "Cá nhân"),
    ("setting_rows", "Settings", "Thiết lập"),
    ("bloc_rows", "Bloc rows", "Dòng khối"),
    ("bool.yes", "yes", "có"),
    ("bool.no", "no", "không"),
    // units
    ("id", "No.", "Số"),
    ("code", "Code", "Mã"),
    ("name", "Name", "Tên"),
    ("short", "Short name", "Tên viết tắt"),
    ("parent", "Parent unit", "Đơn vị cấp trên"),
    ("role", "Bloc role", "Vai trò trong Khối"),
    ("sector", "Sector", "Ngành dọc"),
    ("note", "Note", "Ghi chú"),
    ("order", "Order", "Thứ tự"),
    ("people", "People", "Số người"),
    ("subunits", "Sub-units", "Đơn vị trực thuộc"),
    ("role.leader", "leader", "Khối trưởng"),
    ("role.deputy", "deputy", "Khối phó"),
    ("role.member", "member", "Thành viên"),
    // people
    ("unit", "Unit", "Đơn vị"),
    ("unit_name", "Unit name", "Tên đơn vị"),
    ("position", "Position", "Chức vụ"),
    ("gender", "Gender", "Giới tính"),
    ("born", "Born", "Năm sinh"),
    ("family", "Family name", "Họ"),
    ("middle", "Middle name", "Tên đệm"),
    ("given", "Given name", "Tên"),
    ("gender.f", "female", "Nữ"),
    ("gender.m", "male", "Nam"),
    // section headings
    ("heading.people", "People", "Cá nhân"),
    ("heading.subunits", "Sub-units", "Đơn vị trực thuộc"),
    ("heading.unit", "Unit", "Đơn vị"),
    ("heading.person", "Person", "Cá nhân"),
    ("none", "none", "không có"),
];

pub fn label(key: &str, lang: Lang) -> &str {
    match LABELS.iter().find(|(k, _, _)| *k == key) {
        Some((_, en, vi)) => match lang {
            Lang::En => en,
            Lang::Vi => vi,
        },
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique() {
        for (i, (k, _, _)) in LABELS.iter().enumerate() {
            assert!(LABELS[i + 1..].iter().all(|(o, _, _)| o != k), "label {k} twice");
        }
    }
}
