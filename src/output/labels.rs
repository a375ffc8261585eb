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
    // campaigns
    ("kind", "Kind", "Loại"),
    ("status", "Status", "Trạng thái"),
    ("slogan", "Slogan", "Nội dung, khẩu hiệu"),
    ("motto", "Motto", "Phương châm hành động"),
    ("purpose", "Purpose", "Mục đích"),
    ("start", "Start", "Bắt đầu"),
    ("end", "End", "Kết thúc"),
    ("launcher", "Launched by", "Đơn vị phát động"),
    ("doc", "Document", "Văn bản"),
    ("launched_on", "Launched", "Ngày phát động"),
    ("closed_on", "Closed", "Ngày kết thúc"),
    ("registrations", "Registrations", "Lượt đăng ký"),
    ("collective", "Collective", "Tập thể"),
    ("individual", "Individual", "Cá nhân"),
    ("campaign_kind.regular", "regular", "Thường xuyên"),
    ("campaign_kind.thematic", "thematic", "Chuyên đề"),
    ("campaign_status.planned", "planned", "Dự kiến"),
    ("campaign_status.launched", "launched", "Đã phát động"),
    ("campaign_status.closed", "closed", "Đã kết thúc"),
    ("campaign_rows", "Campaigns", "Phong trào"),
    // catalog and registrations
    ("category", "Category", "Loại"),
    ("subjects", "For", "Đối tượng"),
    ("level", "Level", "Cấp"),
    ("decided_by", "Decided by", "Thẩm quyền quyết định"),
    ("legal_ref", "Legal basis", "Căn cứ"),
    ("cash", "Cash (× base salary)", "Tiền thưởng (× lương cơ sở)"),
    ("local", "Local", "Bổ sung"),
    ("category.title", "title", "Danh hiệu"),
    ("category.form", "form", "Hình thức"),
    ("level.grassroots", "grassroots", "Cơ sở"),
    ("level.ministry_province", "ministry, province", "Bộ, ngành, tỉnh"),
    ("level.national", "national", "Toàn quốc"),
    ("level.state", "state", "Nhà nước"),
    ("person", "Person", "Cá nhân"),
    ("person_code", "Staff code", "Mã cán bộ"),
    ("title", "Title", "Danh hiệu"),
    ("title_name", "Title name", "Tên danh hiệu"),
    ("campaign", "Campaign", "Phong trào"),
    ("date", "Date", "Ngày"),
    ("result_note", "Result note", "Ghi chú kết quả"),
    ("subject.individual", "individual", "Cá nhân"),
    ("subject.collective", "collective", "Tập thể"),
    ("reg_status.registered", "registered", "Đã đăng ký"),
    ("reg_status.achieved", "achieved", "Đạt"),
    ("reg_status.not_achieved", "not achieved", "Không đạt"),
    ("reg_status.withdrawn", "withdrawn", "Đã rút"),
    ("catalog_rows", "Catalog entries", "Danh mục danh hiệu, hình thức"),
    ("registration_rows", "Registrations", "Đăng ký thi đua"),
    ("heading.registrations_by_unit", "Registrations by unit", "Đăng ký theo đơn vị"),
    // decisions and awards
    ("decision", "Decision", "Số quyết định"),
    ("decision_date", "Decision date", "Ngày quyết định"),
    ("issuer", "Issuer", "Cơ quan ban hành"),
    ("signer", "Signed by", "Người ký"),
    ("summary", "Subject line", "Trích yếu"),
    ("awards", "Awards", "Số khen thưởng"),
    ("award", "Award", "Khen thưởng"),
    ("code_name", "Title or form", "Danh hiệu, hình thức"),
    ("recipient", "Recipient (as printed)", "Tên trên quyết định"),
    ("basis", "Basis", "Loại hình"),
    ("reason", "Reason", "Thành tích"),
    ("basis.merit", "merit", "Công trạng"),
    ("basis.adhoc", "ad hoc", "Đột xuất"),
    ("basis.thematic", "thematic", "Chuyên đề"),
    ("basis.career", "career", "Quá trình cống hiến"),
    ("basis.seniority", "seniority", "Niên hạn"),
    ("basis.foreign", "foreign", "Đối ngoại"),
    ("decision_rows", "Decisions", "Quyết định khen thưởng"),
    ("award_rows", "Awards", "Khen thưởng"),
    ("heading.recipients", "Recipients", "Danh sách khen thưởng"),
    // pledges
    ("signed_on", "Signed on", "Ngày ký"),
    ("place", "Place", "Địa điểm"),
    ("targets", "Targets", "Số chỉ tiêu"),
    ("met", "Met", "Đạt"),
    ("no_data", "No figure yet", "Chưa có số liệu"),
    ("completion", "Completion", "Tỷ lệ hoàn thành"),
    ("target", "Target", "Chỉ tiêu"),
    ("measure", "Measure", "Đơn vị tính"),
    ("goal", "Goal", "Mức chỉ tiêu"),
    ("at_most", "At most", "Không vượt quá"),
    ("due", "Due", "Thời hạn"),
    ("actual", "Actual", "Thực hiện"),
    ("as_of", "As of", "Tính đến"),
    ("percent", "%", "%"),
    ("status.met", "met", "Đạt"),
    ("status.not_met", "not met", "Chưa đạt"),
    ("status.no_data", "no figure", "Chưa có số liệu"),
    ("pledge_rows", "Pledges", "Giao ước thi đua"),
    ("pledge_target_rows", "Pledge targets", "Chỉ tiêu giao ước"),
    ("pledge_progress_rows", "Pledge progress", "Kết quả thực hiện"),
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
