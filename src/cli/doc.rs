//! `thidua doc`: the papers of the year as documents laid out as Decree 30/2020/NĐ-CP says, as `.docx` (`-o
//! FILE.docx`) or Markdown (`-o FILE.md`, or standard output). The papers are in Vietnamese whatever `--lang` says.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{text_arg, Ctx, WriteArgs};
use crate::db::{decisions, meta};
use crate::error::Result;
use crate::output::{emit_document, Table};
use crate::report::papers;

#[derive(Subcommand, Debug)]
pub enum DocCmd {
    /// The memo with its annexed list (tờ trình + danh sách đề nghị) of a proposal
    Memo {
        /// The proposal's number
        id: i64,
        #[command(flatten)]
        out: DocOut,
    },
    /// The minutes of a council session (biên bản họp xét): attendance, ballots against the threshold, conclusion
    Minutes {
        /// The session's number or date
        session: String,
        /// The member who kept the minutes, when the council's secretary was absent
        #[arg(long, value_parser = text_arg)]
        secretary: Option<String>,
        #[command(flatten)]
        out: DocOut,
    },
    /// The signing list (danh sách ký nhận) of a decision's awards, for the ceremony
    Signing {
        /// The decision's number
        decision: String,
        #[command(flatten)]
        out: DocOut,
    },
    /// The mid-year or annual review as a report (báo cáo sơ kết / tổng kết), its prose parts from --text or left
    /// as marked places
    Review {
        /// midyear or annual
        #[arg(value_parser = ["midyear", "annual"])]
        kind: String,
        /// The date the review holds to [default: 30/06 or 31/12 of the file's year]
        #[arg(long, value_parser = super::date_arg)]
        as_of: Option<chrono::NaiveDate>,
        /// A part's text from a file: situation=FILE, assessment=FILE, tasks=FILE, proposals=FILE (repeat)
        #[arg(long, value_name = "PART=FILE")]
        text: Vec<String>,
        /// Add the secretary's checklists (missing data, registrations at risk), which the province does not read
        #[arg(long)]
        checklists: bool,
        #[command(flatten)]
        out: DocOut,
    },
    /// A draft decision (dự thảo quyết định) with its annexed list, for a proposal sent
    Decision {
        /// The proposal's number
        id: i64,
        #[command(flatten)]
        out: DocOut,
    },
    /// An achievement report (báo cáo thành tích) of a unit or a person: profile, titles and forms received
    #[command(group = clap::ArgGroup::new("subject").required(true).args(["unit", "person", "proposal"]))]
    Achievements {
        /// The unit (code or name)
        #[arg(long)]
        unit: Option<String>,
        /// The person (number, staff code or name)
        #[arg(long)]
        person: Option<String>,
        /// Every candidate of a proposal: one report each, as .docx in the -o folder, attached to the dossier
        #[arg(long)]
        proposal: Option<i64>,
        #[command(flatten)]
        write: WriteArgs,
        #[command(flatten)]
        out: DocOut,
    },
    /// Who issues the papers and who signs them, remembered for the year (shown when given nothing)
    Settings {
        /// The parent body above the issuer, e.g. "UBND TỈNH TÂY NINH"
        #[arg(long, value_parser = text_arg)]
        parent: Option<String>,
        /// The issuing body [default: the bloc's name]
        #[arg(long, value_parser = text_arg)]
        issuer: Option<String>,
        /// The place in the date line [default: the province]
        #[arg(long, value_parser = text_arg)]
        place: Option<String>,
        /// The signature's authority line [default: TM. KHỐI THI ĐUA]
        #[arg(long, value_parser = text_arg)]
        authority: Option<String>,
        /// The signer's title [default: KHỐI TRƯỞNG]
        #[arg(long, value_parser = text_arg)]
        title: Option<String>,
        /// The signer's full name [default: the council's chair]
        #[arg(long, value_parser = text_arg)]
        signer: Option<String>,
        /// The issuer's symbol in a paper's number, e.g. "KTĐ" for "Số: 15/TTr-KTĐ"
        #[arg(long, value_parser = text_arg)]
        symbol: Option<String>,
        /// The province's own rule on emulation and commendation as it is cited, a basis of the memo and decision
        #[arg(long, value_parser = text_arg)]
        province_rule: Option<String>,
        /// The bloc's own regulation as it is cited, a basis of the memo
        #[arg(long, value_parser = text_arg)]
        bloc_rule: Option<String>,
        /// How the council votes, for the minutes, e.g. "bỏ phiếu kín"
        #[arg(long, value_parser = text_arg)]
        voting: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
}

/// Where a document goes.
#[derive(Args, Debug)]
pub struct DocOut {
    /// The file: .docx for Word, any other name for Markdown [default: Markdown on standard output]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

fn emit(ctx: &Ctx, d: &crate::output::document::Document, out: &DocOut) -> Result<()> {
    emit_document(d, out.output.as_deref(), out.force)?;
    if let Some(p) = &out.output {
        ctx.say(msg!("wrote {}", p.display()));
    }
    Ok(())
}

/// `doc achievements --proposal N -o DIR`: one achievement report per candidate, titled with the form proposed,
/// written into DIR (made private when new) and attached to the candidate's dossier in one transaction.
fn reports_of_proposal(ctx: &Ctx, id: i64, write: &WriteArgs, out: &DocOut) -> Result<()> {
    let Some(dir) = out.output.as_deref() else {
        return Err(crate::error::usage(msg!("--proposal writes one report a candidate: give the folder with -o DIR")));
    };
    let conn = ctx.open()?;
    let items = crate::db::proposals::items(&conn, id)?;
    if items.is_empty() {
        return Err(crate::error::refused_hint(
            msg!("proposal #{} has no candidate", id),
            "add them with `thidua proposal candidate`",
        ));
    }
    let mut papers_made = Vec::new();
    for (n, i) in items.iter().enumerate() {
        let d = papers::achievements(&conn, i.unit_id, i.person_id, Some(&i.code))?;
        let slug: String =
            crate::text::fold_key(&i.name).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
        let name = format!("bao-cao-thanh-tich-{:02}-{slug}.docx", n + 1);
        papers_made.push((i.id, name, crate::output::docx::bytes(&d)?));
    }
    drop(conn);
    crate::output::make_private_dir(dir)?;
    for (_, name, bytes) in &papers_made {
        crate::output::save_bytes(&dir.join(name), bytes, out.force)?;
    }
    let today = crate::text::today();
    ctx.write(write, |tx| {
        for (item, name, bytes) in &papers_made {
            crate::db::proposals::attach(tx, id, Some(*item), crate::model::DocKind::Report, name, bytes, today)?;
        }
        Ok(())
    })?;
    ctx.done(
        write,
        msg!(
            "wrote {} achievement reports in {} and attached them to proposal #{}",
            papers_made.len(),
            dir.display(),
            id
        ),
    );
    Ok(())
}

/// The most a part of a review may hold: a hundred pages of text.
const PART_MAX: u64 = 1024 * 1024;

/// A `--text` file as written (its lines and blank lines are the paper's paragraphs and lists): a regular file of
/// UTF-8 text, at most [`PART_MAX`] bytes, read no further than that; a byte-order mark dropped.
fn read_part(file: &str) -> Result<String> {
    use std::io::Read;
    let cannot = |e: std::io::Error| crate::error::refused(msg!("cannot read '{}': {}", file, e));
    let meta = std::fs::metadata(file).map_err(cannot)?;
    if !meta.is_file() {
        return Err(crate::error::refused(msg!("'{}' is not a regular file", file)));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file).and_then(|f| f.take(PART_MAX + 1).read_to_end(&mut bytes)).map_err(cannot)?;
    if bytes.len() as u64 > PART_MAX {
        return Err(crate::error::refused(msg!("'{}' is larger than {} KiB of text", file, PART_MAX / 1024)));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        crate::error::refused_hint(msg!("'{}' is not UTF-8 text", file), "save it as UTF-8 (Unicode) and try again")
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
}

pub fn run(ctx: &Ctx, cmd: DocCmd) -> Result<()> {
    match cmd {
        // Each paper read in one read transaction ([`Ctx::read`]): a review judges every registration.
        DocCmd::Memo { id, out } => ctx.read(|conn| emit(ctx, &papers::memo(conn, id)?, &out)),
        DocCmd::Minutes { session, secretary, out } => {
            ctx.read(|conn| emit(ctx, &papers::minutes(conn, &session, secretary.as_deref())?, &out))
        }
        DocCmd::Signing { decision, out } => ctx.read(|conn| {
            let d = decisions::resolve(conn, &decision, None, None)?;
            emit(ctx, &papers::signing(conn, &d)?, &out)
        }),
        // The review reads the whole year, as `report` does.
        DocCmd::Review { kind, as_of, text, checklists, out } => ctx.read_whole(|conn| {
            let year = meta::bloc(conn)?.year;
            let annual = kind == "annual";
            let as_of = as_of.unwrap_or_else(|| {
                chrono::NaiveDate::from_ymd_opt(year, if annual { 12 } else { 6 }, if annual { 31 } else { 30 })
                    .unwrap_or_default()
            });
            let mut texts = std::collections::HashMap::new();
            for t in &text {
                let Some((part, file)) = t.split_once('=') else {
                    return Err(crate::error::usage(msg!("--text '{}': write it as PART=FILE", t)));
                };
                if !papers::PARTS.contains(&part) {
                    return Err(crate::error::usage(msg!(
                        "--text '{}': not a part of the review ({})",
                        part,
                        papers::PARTS.join(", ")
                    )));
                }
                let body = read_part(file)?;
                texts.insert(part.to_string(), body);
            }
            emit(ctx, &papers::review(conn, annual, as_of, &texts, checklists)?, &out)
        }),
        DocCmd::Decision { id, out } => ctx.read(|conn| emit(ctx, &papers::decision(conn, id)?, &out)),
        DocCmd::Achievements { unit, person, proposal: Some(id), write, out } => {
            debug_assert!(unit.is_none() && person.is_none());
            reports_of_proposal(ctx, id, &write, &out)
        }
        DocCmd::Achievements { unit, person, proposal: None, out, .. } => ctx.read(|conn| {
            let (u, p, _) = crate::db::subject(conn, unit.as_deref(), person.as_deref())?;
            emit(ctx, &papers::achievements(conn, u, p, None)?, &out)
        }),
        DocCmd::Settings {
            parent,
            issuer,
            place,
            authority,
            title,
            signer,
            symbol,
            province_rule,
            bloc_rule,
            voting,
            write,
        } => {
            let given = [parent, issuer, place, authority, title, signer, symbol, province_rule, bloc_rule, voting];
            if given.iter().all(Option::is_none) {
                let s = papers::Settings::load(&ctx.open()?)?;
                let mut t = Table::record("doc_settings");
                t.field("parent", s.parent)
                    .field("issuer", s.issuer)
                    .field("place", s.place)
                    .field("authority", s.authority)
                    .field("signer_title", s.title)
                    .field("signer", s.signer)
                    .field("symbol", s.symbol)
                    .field("province_rule", s.province_rule)
                    .field("bloc_rule", s.bloc_rule)
                    .field("voting", s.voting);
                return crate::output::emit_table(&t, &ctx.out);
            }
            ctx.write(&write, |tx| {
                for (k, v) in papers::KEYS.iter().zip(&given) {
                    if let Some(v) = v {
                        meta::set_setting(tx, k, v)?;
                    }
                }
                Ok(())
            })?;
            ctx.done(&write, "document settings saved");
            Ok(())
        }
    }
}
