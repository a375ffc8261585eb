//! `thidua cert`: the certificates of a decision's awards as PDF, on plain paper or on pre-printed blanks; the
//! register of certificates printed, reprinted and replaced; the blanks' layouts in millimetres with a test page.

use std::cell::Cell as Flag;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{one_of, text_arg, Ctx, WriteArgs};
use crate::db::certificates::Placement;
use crate::db::{awards, decisions};
use crate::error::Result;
use crate::model::{Blank, CertEvent};
use crate::msg::Msg;
use crate::output::{emit_table, save_bytes, sheet};
use crate::report::papers::certificate::{self as cert, Certificate, Overrides};

#[derive(Subcommand, Debug)]
pub enum CertCmd {
    /// The certificates of a decision's awards (Giấy khen, Bằng khen, CSTĐCS, CSTĐ cấp tỉnh), one page each, as
    /// PDF; each first print is entered in the register with its sổ vàng number
    Print(PrintArgs),
    /// A certificate issued again for one lost or damaged after it was handed over: the same sổ vàng number, a line
    /// of the register with the reason
    Reissue {
        /// The award's number (`thidua award list`)
        award: i64,
        /// Why it is issued again
        #[arg(long, value_parser = text_arg)]
        reason: String,
        #[command(flatten)]
        page: PageArgs,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// The register of certificates: printed, reprinted, replaced, with the sổ vàng number
    List {
        /// Only this decision's
        #[arg(long)]
        decision: Option<String>,
        #[command(flatten)]
        which: super::award::Which,
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// Where each field of a blank is printed, in millimetres
    #[command(subcommand)]
    Layout(LayoutCmd),
}

#[derive(Args, Debug)]
pub struct PrintArgs {
    /// The decision's number
    decision: String,
    #[command(flatten)]
    which: super::award::Which,
    /// Only these awards of the decision (repeat) [default: every award with a certificate]
    #[arg(long = "award", value_name = "ID")]
    awards: Vec<i64>,
    /// Print the awards already printed again (a spoilt blank), giving why; the register keeps their number
    #[arg(long, value_parser = text_arg, value_name = "REASON")]
    reprint: Option<String>,
    /// Write the PDF without entering anything in the register (to look at before printing)
    #[arg(long)]
    draft: bool,
    /// The decider's title when the issuer does not say it (e.g. "Giám đốc Bảo hiểm xã hội tỉnh Tây Ninh")
    #[arg(long, value_parser = text_arg, value_name = "DECIDER")]
    decider: Option<String>,
    /// Who signs, title then name (e.g. "Phó Chủ tịch Trần Văn Chiến") [default: the decision's signer]
    #[arg(long, value_parser = text_arg)]
    signer: Option<String>,
    #[command(flatten)]
    page: PageArgs,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Args, Debug, Clone)]
pub struct PageArgs {
    /// The PDF file to write
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf", required = true)]
    output: PathBuf,
    /// Print only the fields a pre-printed blank does not carry, where its layout puts them
    #[arg(long)]
    blank: bool,
    /// Replace the file if it exists
    #[arg(long)]
    force: bool,
}

#[derive(Subcommand, Debug)]
pub enum LayoutCmd {
    /// A blank's fields: position, size, whether a blank gets them, set or default
    Show {
        /// giay_khen, cstdcs, bang_khen or cstd_tinh
        #[arg(value_parser = one_of(Blank::VALUES, Blank::parse))]
        blank: Blank,
        #[command(flatten)]
        out: super::OutputArgs,
    },
    /// Move or resize a field of a blank, in millimetres from the sheet's top-left corner (field `page`: the
    /// sheet's size, and an offset of every field)
    Set {
        /// giay_khen, cstdcs, bang_khen or cstd_tinh
        #[arg(value_parser = one_of(Blank::VALUES, Blank::parse))]
        blank: Blank,
        /// The field: page, heading, motto, decider, give, form, name, post, reason, place_date, signer_title,
        /// signer_name, decision, book
        field: String,
        /// From the left edge (mm)
        #[arg(long, allow_negative_numbers = true)]
        x: Option<f64>,
        /// From the top edge (mm)
        #[arg(long, allow_negative_numbers = true)]
        y: Option<f64>,
        /// The box's width (mm)
        #[arg(long)]
        w: Option<f64>,
        /// The box's height (mm); a longer text is made smaller to fit
        #[arg(long)]
        h: Option<f64>,
        /// The font size (points)
        #[arg(long)]
        size: Option<f64>,
        /// Print the field on a pre-printed blank too
        #[arg(long, conflicts_with = "not_on_blank")]
        on_blank: bool,
        /// Leave the field to the pre-printed blank (printed on plain paper only)
        #[arg(long)]
        not_on_blank: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Put a blank's fields (or one field) back where they are by default
    Reset {
        /// giay_khen, cstdcs, bang_khen or cstd_tinh
        #[arg(value_parser = one_of(Blank::VALUES, Blank::parse))]
        blank: Blank,
        /// Only this field [default: every field and the page]
        field: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// A test page: a millimetre grid with each field's box, to print on a blank and check the positions
    Test {
        /// giay_khen, cstdcs, bang_khen or cstd_tinh
        #[arg(value_parser = one_of(Blank::VALUES, Blank::parse))]
        blank: Blank,
        /// The PDF file to write
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf", required = true)]
        output: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },
}

/// "1 certificate", "3 certificates".
fn copies(n: usize) -> Msg {
    Msg::count(n as u64, "{} certificate", "{} certificates")
}

pub fn run(ctx: &Ctx, cmd: CertCmd) -> Result<()> {
    match cmd {
        CertCmd::Print(a) => print(ctx, a),
        CertCmd::Reissue { award, reason, page, write } => reissue(ctx, award, &reason, &page, &write),
        CertCmd::List { decision, which, .. } => {
            let conn = ctx.open()?;
            let d = match decision {
                Some(n) => Some(decisions::resolve(&conn, &n, which.issuer.as_deref(), which.decision_year)?.id),
                None => None,
            };
            emit_table(&cert::register(&conn, d)?, &ctx.out)
        }
        CertCmd::Layout(c) => layout(ctx, c),
    }
}

/// The PDF written inside the write's transaction, so that a file that cannot be written enters nothing; a file
/// written before a commit that failed is taken back.
fn write_pdf(
    ctx: &Ctx,
    certs: &[Certificate],
    page: &PageArgs,
    conn: &rusqlite::Connection,
    title: &str,
) -> Result<()> {
    let sheets = cert::sheets(conn, certs, page.blank)?;
    let (bytes, overflow) = sheet::pdf(&sheets, title)?;
    for (n, field) in overflow {
        ctx.say(msg!("warning: page {}: the {} does not fit its box; `thidua cert layout set` widens it", n, field));
    }
    save_bytes(&page.output, &bytes, page.force)
}

fn print(ctx: &Ctx, a: PrintArgs) -> Result<()> {
    let o = Overrides { decider: a.decider.clone(), signer: a.signer.clone() };
    let written = Flag::new(false);
    let run = |conn: &rusqlite::Connection| -> Result<(usize, i64, i64, String)> {
        let d = decisions::resolve(conn, &a.decision, a.which.issuer.as_deref(), a.which.decision_year)?;
        let certs = cert::certificates(conn, &d, &a.awards, &o)?;
        if certs.is_empty() {
            return Err(crate::error::refused_hint(
                msg!("decision {} has no award the tool prints a certificate for", d.number),
                msg!(
                    "it prints Giấy khen, Bằng khen, CSTĐCS and CSTĐ cấp tỉnh; see `thidua award list --decision {}`",
                    d.number
                ),
            ));
        }
        if !a.draft {
            let again = a.reprint.as_deref().map(|r| (CertEvent::Reprinted, r));
            cert::record(conn, &certs, crate::text::today(), again)?;
        }
        // Under --dry-run the register's lines are rolled back and no PDF is written.
        if !a.write.dry_run {
            write_pdf(
                ctx,
                &certs,
                &a.page,
                conn,
                &format!("Giấy chứng nhận khen thưởng – Quyết định số {}", d.number),
            )?;
            written.set(true);
        }
        let lo = certs.iter().map(|c| c.book_no).min().unwrap_or(0);
        let hi = certs.iter().map(|c| c.book_no).max().unwrap_or(0);
        Ok((certs.len(), lo, hi, d.number))
    };
    let done = if a.draft { run(&ctx.open()?) } else { ctx.write(&a.write, |tx| run(tx)) };
    let (n, lo, hi, number) = match done {
        Ok(v) => v,
        Err(e) => {
            if written.get() {
                let _ = std::fs::remove_file(&a.page.output);
            }
            return Err(e);
        }
    };
    if a.draft {
        ctx.say(msg!(
            "wrote {} of decision {} to {} (a draft: nothing entered in the register)",
            copies(n),
            number,
            a.page.output.display()
        ));
    } else {
        ctx.done(
            &a.write,
            msg!("wrote {} of decision {} to {} (sổ vàng {}–{})", copies(n), number, a.page.output.display(), lo, hi),
        );
    }
    Ok(())
}

fn reissue(ctx: &Ctx, award: i64, reason: &str, page: &PageArgs, write: &WriteArgs) -> Result<()> {
    let written = Flag::new(false);
    let done = ctx.write(write, |tx| {
        let a = awards::get(tx, award)?;
        let Some(decision_id) = a.decision_id else {
            return Err(crate::error::refused(msg!(
                "award #{} has no decision recorded: a certificate names its decision",
                award
            )));
        };
        let d = decisions::get(tx, decision_id)?;
        let certs = cert::certificates(tx, &d, &[award], &Overrides::default())?;
        if certs.iter().any(|c| c.printed.is_none()) {
            return Err(crate::error::refused_hint(
                msg!("the certificate of award #{} was never printed: there is nothing to reissue", award),
                msg!("print it with `thidua cert print {} --award {} -o …`", d.number, award),
            ));
        }
        cert::record(tx, &certs, crate::text::today(), Some((CertEvent::Replaced, reason)))?;
        if !write.dry_run {
            write_pdf(ctx, &certs, page, tx, &format!("Giấy chứng nhận khen thưởng – Quyết định số {}", d.number))?;
            written.set(true);
        }
        Ok(certs.first().map_or(0, |c| c.book_no))
    });
    match done {
        Ok(no) => {
            ctx.done(
                write,
                msg!("award #{} issued again with sổ vàng number {} ({})", award, no, page.output.display()),
            );
            Ok(())
        }
        Err(e) => {
            if written.get() {
                let _ = std::fs::remove_file(&page.output);
            }
            Err(e)
        }
    }
}

fn layout(ctx: &Ctx, cmd: LayoutCmd) -> Result<()> {
    match cmd {
        LayoutCmd::Show { blank, .. } => emit_table(&cert::layout_table(&cert::layout(&ctx.open()?, blank)?), &ctx.out),
        LayoutCmd::Set { blank, field, x, y, w, h, size, on_blank, not_on_blank, write } => {
            let on_blank = if on_blank { Some(true) } else { not_on_blank.then_some(false) };
            let p = Placement { x, y, w, h, size, on_blank };
            let m = ctx.write(&write, |tx| cert::place(tx, blank, &field, &p))?;
            ctx.done(&write, m);
            Ok(())
        }
        LayoutCmd::Reset { blank, field, write } => {
            if let Some(f) = &field {
                cert::field_name(f)?;
            }
            let n = ctx.write(&write, |tx| crate::db::certificates::reset(tx, blank, field.as_deref()))?;
            ctx.done(
                &write,
                msg!("{} of blank {} back to their defaults", Msg::count(n as u64, "{} field", "{} fields"), blank),
            );
            Ok(())
        }
        LayoutCmd::Test { blank, output, force } => {
            let l = cert::layout(&ctx.open()?, blank)?;
            save_bytes(&output, &sheet::pdf(&[cert::test_sheet(&l)], "Trang thử phôi")?.0, force)?;
            ctx.say(msg!("wrote {}", output.display()));
            Ok(())
        }
    }
}
