#!/usr/bin/env bash
# Builds the seed story's bloc-year step by step with the CLI: the same file `thidua demo` makes in one go
# (a test checks that both give the same mid-year review). Usage:
#   examples/tay-ninh-2020/build.sh [FILE]          (default khoi-2020.db; THIDUA names the binary)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
db="${1:-khoi-2020.db}"
thidua() { ${THIDUA:-cargo run -q --release --} -q -f "$db" "$@"; }

thidua init --year 2020 --bloc "Khối thi đua các Cơ quan Trung ương" --province "Tây Ninh"
thidua unit import "$here/units.csv"
thidua person import "$here/people.csv"

thidua campaign add PT2020 --name "Phong trào thi đua năm 2020" --kind regular \
    --slogan "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc" \
    --motto "Kỷ cương, liêm chính, hành động, trách nhiệm, sáng tạo, hiệu quả" \
    --purpose "Lập thành tích chào mừng Đại hội Thi đua yêu nước tỉnh lần thứ V" \
    --start 01/01/2020 --end 31/12/2020 --launcher "Khối thi đua các Cơ quan Trung ương" \
    --note "Ngày phát động là minh họa: bản tin không nêu"
thidua campaign launch PT2020 --date 27/02/2020

thidua register import "$here/registrations.csv"
thidua pledge sign --all --date 27/02/2020 --place "Cục Thống kê tỉnh"
thidua pledge import "$here/pledge.csv"

thidua meeting add --kind midyear --date 24/07/2020 --place "Cục Thống kê tỉnh" \
    --chair "Tạ Thị Dân, Trưởng phòng TCHC Cục Thống kê, Khối trưởng Khối thi đua" \
    --title "Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2020" \
    --guest "Trần Thị Mỹ An, Trưởng ban Thi đua – Khen thưởng tỉnh, đến dự và chỉ đạo Hội nghị"
thidua meeting talk 24/07/2020 --person BHXH01 --topic "Báo cáo tham luận"
thidua meeting exemplar 24/07/2020 --unit BHXH --reason "Thành tích tiêu biểu: Cờ thi đua đơn vị dẫn đầu phong trào thi đua Khối năm 2019; Cờ thi đua giai đoạn 2015 – 2020; Bằng khen về công tác Cải cách hành chính giai đoạn 2011 – 2020"

thidua award import "$here/awards.csv"
thidua rating import "$here/ratings.csv"
thidua initiative import "$here/initiatives.csv"

# The bloc meeting as the council (illustrative), its mid-year session, a ballot and a draft proposal.
thidua council member add "Tạ Thị Dân" --unit CTK --role chair --position "Trưởng phòng TCHC Cục Thống kê, Khối trưởng"
thidua council member add "Nguyễn Hữu Tâm" --unit BHXH --role vice_chair --position "Phó Giám đốc Bảo hiểm xã hội tỉnh"
thidua council member add "Nguyễn Văn Hùng" --unit CTK --role secretary --position "Chuyên viên Cục Thống kê"
thidua council member add "Lâm Minh Trí" --unit CTHUE --position "Phó Cục trưởng Cục Thuế"
thidua council member add "Phan Thanh Hải" --unit HQ --position "Phó Cục trưởng Cục Hải quan"
thidua council member add "Trương Thị Hồng" --unit KBNN --position "Kế toán trưởng Kho bạc Nhà nước tỉnh"
thidua council member add "Ngô Thị Uyên" --unit NHNN --position "Chuyên viên Ngân hàng Nhà nước Chi nhánh tỉnh"
thidua council session add --date 24/07/2020 --kind midyear --place "Cục Thống kê tỉnh" --wrote 7
thidua council vote 24/07/2020 --person BHXH01 --title BK_TINH --yes 6 --no 0 --written 1
thidua proposal add --title "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho cá nhân có thành tích xuất sắc 6 tháng đầu năm 2020" \
    --to "Hội đồng Thi đua – Khen thưởng tỉnh Tây Ninh" --session 24/07/2020
thidua proposal candidate 1 --person BHXH01 --title BK_TINH \
    --summary "Rút ngắn quy trình giải quyết hồ sơ thu bảo hiểm xã hội; tham luận tại Hội nghị sơ kết"

thidua report midyear
