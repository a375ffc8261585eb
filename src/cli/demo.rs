//! `thidua demo`: the seed story's bloc-year (the mid-year review of 2020 of the central agencies' bloc of Tây
//! Ninh), built from the CSV files in `examples/tay-ninh-2020/` through the same imports a user runs, then its
//! mid-year review printed. `examples/tay-ninh-2020/build.sh` builds the same file step by step with the CLI.

use std::path::Path;

use chrono::NaiveDate;
use clap::Args;

use super::Ctx;
use crate::db::meetings::{self, NewMeeting};
use crate::db::meta::DemoFile;
use crate::db::{self, campaigns, meta, people, pledges, units};
use crate::error::{refused, refused_hint, Result};
use crate::import;
use crate::model::{Campaign, CampaignKind, CampaignStatus, ItemKind, MeetingKind};
use crate::output::emit_report;
use crate::report;

const UNITS: &str = include_str!("../../examples/tay-ninh-2020/units.csv");
const PEOPLE: &str = include_str!("../../examples/tay-ninh-2020/people.csv");
const REGISTRATIONS: &str = include_str!("../../examples/tay-ninh-2020/registrations.csv");
const PLEDGE: &str = include_str!("../../examples/tay-ninh-2020/pledge.csv");
const AWARDS: &str = include_str!("../../examples/tay-ninh-2020/awards.csv");
const RATINGS: &str = include_str!("../../examples/tay-ninh-2020/ratings.csv");
const INITIATIVES: &str = include_str!("../../examples/tay-ninh-2020/initiatives.csv");

pub const BLOC: &str = "Khối thi đua các Cơ quan Trung ương";
pub const SLOGAN: &str = "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc";
pub const MOTTO: &str = "Kỷ cương, liêm chính, hành động, trách nhiệm, sáng tạo, hiệu quả";

#[derive(Args, Debug)]
pub struct DemoArgs {
    #[command(flatten)]
    pub out: super::OutputArgs,
    /// Replace the demo file even if it was changed since the demo made it
    #[arg(long)]
    pub yes: bool,
    /// Also write the year's papers (the mid-year review, the memo with its list, the minutes) into this folder, as
    /// .docx and .md
    #[arg(long, value_name = "DIR")]
    pub docs: Option<std::path::PathBuf>,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A file the demo may replace: a thidua file it made itself and nobody changed since (or `--yes`). Anything
/// else is left alone.
fn check_replaceable(path: &Path, yes: bool) -> Result<()> {
    match db::meta::demo_file(path) {
        DemoFile::Pristine => Ok(()),
        DemoFile::Changed if yes => Ok(()),
        DemoFile::Changed => Err(refused_hint(
            msg!(
                "'{}' is a demo file that was changed since the demo made it; demo will not replace it",
                path.display()
            ),
            "keep it and name another file with -f/--db, or replace it with `thidua demo --yes`",
        )),
        DemoFile::Other => Err(refused_hint(
            msg!("'{}' exists and is not a demo file; demo will not touch it", path.display()),
            "name another file with -f/--db (the demo's default is thidua-demo.db)",
        )),
    }
}

pub fn run(ctx: &Ctx, a: DemoArgs) -> Result<()> {
    let path = ctx.db.as_path();
    if path.exists() {
        check_replaceable(path, a.yes)?;
    }
    // Built whole under a temporary name, then put in place of the old demo file.
    let (nf, mut conn) = db::create_staged(path, true, |tx| meta::insert_bloc(tx, BLOC, Some("Tây Ninh"), 2020, true))?;
    db::write(&mut conn, false, load)?;
    drop(conn);
    if path.exists() {
        std::fs::remove_file(path).map_err(|e| refused(msg!("cannot replace '{}': {}", path.display(), e)))?;
    }
    nf.finish()?;
    let conn = db::open(path)?;
    ctx.say(msg!("built the demo bloc-year in {} (the mid-year review of 2020 of the seed story)", path.display()));
    if let Some(dir) = &a.docs {
        crate::output::make_private_dir(dir)?;
        let papers = [
            ("bao-cao-so-ket", report::papers::review(&conn, false, date(2020, 6, 30), &Default::default(), false)?),
            ("to-trinh-de-nghi", report::papers::memo(&conn, 1)?),
            ("bien-ban-hop-xet", report::papers::minutes(&conn, "1", None)?),
        ];
        for (name, d) in papers {
            for ext in ["docx", "md"] {
                // As careful as -o: a paper already there is replaced only with --yes, and never a link or a device.
                crate::output::emit_document(&d, Some(&dir.join(format!("{name}.{ext}"))), a.yes)?;
            }
        }
        ctx.say(msg!("wrote the review, the memo and the minutes of 2020 into {}", dir.display()));
    }
    let r = report::reviews::midyear(&conn, date(2020, 6, 30))?;
    emit_report(&r, &ctx.out)
}

fn csv(name: &str, data: &'static str, cols: &[import::Col]) -> Result<import::Source> {
    import::open_reader(&format!("examples/tay-ninh-2020/{name}"), Box::new(data.as_bytes()), None, cols, &[])
}

/// The seed story, in the order a secretary would enter it.
fn load(tx: &rusqlite::Transaction) -> Result<()> {
    import::units::run(tx, &mut csv("units.csv", UNITS, import::units::COLUMNS)?, true)?;
    import::people::run(tx, &mut csv("people.csv", PEOPLE, import::people::COLUMNS)?, true)?;

    let c = Campaign {
        id: 0,
        code: "PT2020".into(),
        name: "Phong trào thi đua năm 2020".into(),
        kind: CampaignKind::Regular,
        slogan: Some(SLOGAN.into()),
        motto: Some(MOTTO.into()),
        purpose: Some("Lập thành tích chào mừng Đại hội Thi đua yêu nước tỉnh lần thứ V".into()),
        start_date: Some(date(2020, 1, 1)),
        end_date: Some(date(2020, 12, 31)),
        launcher: Some(BLOC.into()),
        doc_no: None,
        status: CampaignStatus::Launched,
        launched_on: Some(date(2020, 2, 27)),
        closed_on: None,
        note: Some("Ngày phát động là minh họa: bản tin không nêu".into()),
    };
    let campaign_id = campaigns::insert(tx, &c)?;

    import::registrations::run(
        tx,
        &mut csv("registrations.csv", REGISTRATIONS, import::registrations::COLUMNS)?,
        false,
        true,
    )?;

    // The pledge: every member signs at the conference (illustrative date), then the targets and mid-year figures.
    for u in crate::db::units::members(tx)? {
        pledges::sign(tx, u.id, campaign_id, date(2020, 2, 27), Some("Cục Thống kê tỉnh"))?;
    }
    let c = campaigns::resolve(tx, "PT2020")?;
    import::pledges::run(tx, &mut csv("pledge.csv", PLEDGE, import::pledges::COLUMNS)?, &c, true)?;

    // The mid-year conference of 24/07/2020 as the story tells it.
    let m = NewMeeting {
        kind: MeetingKind::Midyear,
        held_on: date(2020, 7, 24),
        place: Some("Cục Thống kê tỉnh".into()),
        chair: Some("Tạ Thị Dân, Trưởng phòng TCHC Cục Thống kê, Khối trưởng Khối thi đua".into()),
        title: Some("Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2020".into()),
        note: None,
        guests: vec![("Trần Thị Mỹ An".into(), Some("Trưởng ban Thi đua – Khen thưởng tỉnh, đến dự và chỉ đạo Hội nghị".into()))],
    };
    let meeting = meetings::insert(tx, &m)?;
    let phuong = people::resolve(tx, "BHXH01")?;
    meetings::add_item(tx, meeting, ItemKind::Talk, None, Some(phuong.id), Some("Báo cáo tham luận"))?;
    let bhxh = units::resolve(tx, "BHXH")?;
    meetings::add_item(
        tx,
        meeting,
        ItemKind::Exemplar,
        Some(bhxh.id),
        None,
        Some("Thành tích tiêu biểu: Cờ thi đua đơn vị dẫn đầu phong trào thi đua Khối năm 2019; Cờ thi đua giai đoạn 2015 – 2020; Bằng khen về công tác Cải cách hành chính giai đoạn 2011 – 2020"),
    )?;

    import::awards::run(tx, &mut csv("awards.csv", AWARDS, import::awards::COLUMNS)?, None, false, 2020, true)?;
    import::ratings::run(tx, &mut csv("ratings.csv", RATINGS, import::ratings::COLUMNS)?, true)?;
    import::initiatives::run(tx, &mut csv("initiatives.csv", INITIATIVES, import::initiatives::COLUMNS)?, true)?;
    council(tx)
}

/// The bloc meeting as the council of 2020 (illustrative: the story names only the leader's representative): the
/// heads of the seven members, the mid-year session, a ballot and a draft proposal.
fn council(tx: &rusqlite::Transaction) -> Result<()> {
    use crate::db::{catalog, council, proposals};
    use crate::model::{CouncilRole, SessionKind};
    let heads = [
        ("Tạ Thị Dân", "CTK", CouncilRole::Chair, "Trưởng phòng TCHC Cục Thống kê, Khối trưởng"),
        ("Nguyễn Hữu Tâm", "BHXH", CouncilRole::ViceChair, "Phó Giám đốc Bảo hiểm xã hội tỉnh"),
        ("Nguyễn Văn Hùng", "CTK", CouncilRole::Secretary, "Chuyên viên Cục Thống kê"),
        ("Lâm Minh Trí", "CTHUE", CouncilRole::Member, "Phó Cục trưởng Cục Thuế"),
        ("Phan Thanh Hải", "HQ", CouncilRole::Member, "Phó Cục trưởng Cục Hải quan"),
        ("Trương Thị Hồng", "KBNN", CouncilRole::Member, "Kế toán trưởng Kho bạc Nhà nước tỉnh"),
        ("Ngô Thị Uyên", "NHNN", CouncilRole::Member, "Chuyên viên Ngân hàng Nhà nước Chi nhánh tỉnh"),
    ];
    for (name, unit, role, position) in heads {
        let u = units::resolve(tx, unit)?;
        council::add_member(tx, name, Some(u.id), role, Some(position), Some("Minh họa"))?;
    }
    let session = council::add_session(
        tx,
        date(2020, 7, 24),
        SessionKind::Midyear,
        Some("Cục Thống kê tỉnh"),
        7,
        6,
        1,
        Some("Minh họa"),
    )?;
    // Ngô Thị Uyên (#7) was away and sent her opinion in writing.
    council::set_absent(tx, session, 7, true)?;
    let phuong = people::resolve(tx, "BHXH01")?;
    let bk = catalog::resolve(tx, "BK_TINH")?;
    council::set_vote(tx, session, None, Some(phuong.id), bk.id, (6, 0, 1))?;
    let p = proposals::add(
        tx,
        "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho cá nhân có thành tích xuất sắc 6 tháng đầu năm 2020",
        Some("Hội đồng Thi đua – Khen thưởng tỉnh Tây Ninh"),
        Some(session),
        Some("Minh họa"),
    )?;
    proposals::add_item(
        tx,
        p,
        None,
        Some(phuong.id),
        bk.id,
        Some("Rút ngắn quy trình giải quyết hồ sơ thu bảo hiểm xã hội; tham luận tại Hội nghị sơ kết"),
    )?;
    Ok(())
}
