//! The help pages and clap's own errors in the reader's language: the command tree's texts (about, argument help,
//! headings) taken from the catalog in `output/help.rs` when the language is Vietnamese, and clap's fixed words
//! (usage, headings, defaults, its error sentences) put in Vietnamese around them.

use std::ffi::OsString;
use std::io::Write;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;

use crate::output::help::{text_vi, value_name_vi};
use crate::output::Lang;

/// The language before the command line is parsed (help and clap's errors need it): `--lang`, then
/// `THIDUA_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set: vi_* is Vietnamese), else
/// English.
pub fn early_lang(args: &[OsString]) -> Lang {
    let given = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => args.get(i + 1).and_then(|v| v.to_str()).map(str::to_string),
            None => None,
        }
    });
    if let Some(l) = given.as_deref().and_then(Lang::parse) {
        return l;
    }
    if let Some(l) = std::env::var("THIDUA_LANG").ok().as_deref().and_then(Lang::parse) {
        return l;
    }
    locale_lang()
}

/// The language the locale asks for: Vietnamese when the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
/// names vi (vi, vi_VN, vi_VN.UTF-8), else English.
pub fn locale_lang() -> Lang {
    let set = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    match set {
        Some(v) if v == "vi" || v.starts_with("vi_") || v.starts_with("vi.") => Lang::Vi,
        _ => Lang::En,
    }
}

/// clap's fixed words in a rendered help page or usage line, in Vietnamese (the texts are the catalog's already).
const CLAP_WORDS: &[(&str, &str)] = &[
    ("Print help (see more with '--help')", "In trợ giúp (chi tiết hơn với '--help')"),
    ("Print help (see a summary with '-h')", "In trợ giúp (tóm tắt với '-h')"),
    ("Print this message or the help of the given subcommand(s)", "In trợ giúp này hoặc trợ giúp của lệnh con đã nêu"),
    ("Print help", "In trợ giúp"),
    ("Print version", "In phiên bản"),
    ("Usage:", "Cách dùng:"),
    ("Options:", "Tùy chọn:"),
    ("Arguments:", "Tham số:"),
    ("Commands:", "Lệnh:"),
    ("[OPTIONS]", "[TÙY_CHỌN]"),
    ("[default:", "[mặc định:"),
    ("[env:", "[biến môi trường:"),
    ("[possible values:", "[giá trị:"),
    ("[aliases:", "[tên khác:"),
    ("[alias:", "[tên khác:"),
];

fn clap_words_vi(text: &str) -> String {
    let mut out = text.to_string();
    for (en, vi) in CLAP_WORDS {
        out = replace_wrapped(&out, en, vi);
    }
    code_values(&out)
}

/// `text` with `en` replaced by `vi` where each space of `en` may be any run of blanks in `text`: clap wraps its
/// "[possible values: …]" wherever the width falls, inside the words too.
fn replace_wrapped(text: &str, en: &str, vi: &str) -> String {
    let words: Vec<&str> = en.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'search: while let Some(at) = rest.find(words[0]) {
        let mut end = at + words[0].len();
        for w in &words[1..] {
            let blanks = rest[end..].len() - rest[end..].trim_start().len();
            if (blanks == 0 && !w.is_empty()) || !rest[end + blanks..].starts_with(w) {
                out.push_str(&rest[..at + words[0].len()]);
                rest = &rest[at + words[0].len()..];
                continue 'search;
            }
            end += blanks + w.len();
        }
        out.push_str(&rest[..at]);
        out.push_str(vi);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The values of a "[giá trị: a, b]" list, and a "[mặc định: a]", set as code (`a`, `b`): what is typed as it is,
/// not words to read.
fn code_values(text: &str) -> String {
    let listed = code_list(text, "[giá trị:");
    code_list(&listed, "[mặc định:")
}

fn code_list(text: &str, open: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        let start = at + open.len();
        let Some(len) = rest[start..].find(']') else { break };
        out.push_str(&rest[..start]);
        let inner = &rest[start..start + len];
        // A default said in words ("[mặc định: vi khi …]") is the catalog's, not a value to type.
        if open.starts_with("[mặc") && inner.trim().contains(char::is_whitespace) {
            out.push_str(inner);
            rest = &rest[start + len..];
            continue;
        }
        let items: Vec<String> = inner
            .split(',')
            .map(|item| {
                let word = item.trim();
                // A default said in words ("[mặc định: thidua.db; với …]") is the catalog's, not a value.
                if word.is_empty() || word.contains(' ') || word.starts_with('`') {
                    return item.to_string();
                }
                item.replacen(word, &format!("`{word}`"), 1)
            })
            .collect();
        out.push_str(&items.join(","));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// Prints what clap stopped at (a help page, the version, a mistake on the command line) in `lang`; the exit code.
pub fn report(e: &clap::Error, lang: Lang) -> i32 {
    let code = if e.use_stderr() { 2 } else { 0 };
    if lang == Lang::En {
        let _ = e.print();
        return code;
    }
    let text = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            clap_words_vi(&e.to_string())
        }
        _ => mistake_vi(e),
    };
    if e.use_stderr() {
        let _ = write!(std::io::stderr(), "{text}");
    } else {
        let _ = write!(std::io::stdout(), "{text}");
    }
    code
}

fn value(e: &clap::Error, k: ContextKind) -> Option<String> {
    match e.get(k)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Why a value did not parse, as a message: our parsers' typed answer, the standard library's by its kind; any
/// other in its own words, quoted.
fn why_not(e: &(dyn std::error::Error + 'static)) -> crate::msg::Msg {
    use std::num::IntErrorKind;
    if let Some(b) = e.downcast_ref::<crate::text::Bad>() {
        return b.clone().into();
    }
    if let Some(i) = e.downcast_ref::<std::num::ParseIntError>() {
        return match i.kind() {
            IntErrorKind::Empty => msg!("cannot parse integer from empty string"),
            IntErrorKind::PosOverflow => msg!("number too large to fit in target type"),
            IntErrorKind::NegOverflow => msg!("number too small to fit in target type"),
            _ => msg!("invalid digit found in string"),
        };
    }
    if e.downcast_ref::<std::num::ParseFloatError>().is_some() {
        return msg!("invalid float literal");
    }
    msg!("{}", format!("“{e}”"))
}

/// A mistake on the command line, as clap found it, said in Vietnamese: what is wrong, a suggestion when clap has
/// one, the usage line, where to read more.
fn mistake_vi(e: &clap::Error) -> String {
    let arg = value(e, ContextKind::InvalidArg).unwrap_or_default();
    let val = value(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut hint = None;
    let msg = match e.kind() {
        ErrorKind::InvalidValue if val.is_empty() => format!("'{arg}' cần một giá trị nhưng không có"),
        ErrorKind::InvalidValue => {
            if let Some(valid) = value(e, ContextKind::ValidValue) {
                hint = Some(format!("giá trị hợp lệ: {valid}"));
            }
            format!("giá trị '{val}' không hợp lệ cho '{arg}'")
        }
        ErrorKind::ValueValidation => {
            // Our value parsers say what is wrong as a typed value; clap's own (numbers, enumerations) in
            // its words, which the value and the argument already name.
            let why = std::error::Error::source(e).map(|s| crate::output::messages::text(&why_not(s), Lang::Vi));
            let why = why.unwrap_or_default();
            format!("giá trị '{val}' không hợp lệ cho '{arg}': {why}")
        }
        ErrorKind::UnknownArgument => {
            if let Some(s) = value(e, ContextKind::SuggestedArg) {
                hint = Some(format!("có tham số gần giống: '{s}'"));
            }
            format!("lệnh này không có tham số '{arg}'")
        }
        ErrorKind::InvalidSubcommand => {
            if let Some(s) = value(e, ContextKind::SuggestedSubcommand) {
                hint = Some(format!("có lệnh gần giống: '{s}'"));
            }
            format!("không có lệnh '{}'", value(e, ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::NoEquals => format!("'{arg}' cần giá trị viết liền sau dấu '='"),
        ErrorKind::TooManyValues => format!("'{arg}' nhận quá nhiều giá trị ('{val}' là thừa)"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!("số giá trị cho '{arg}' không đúng"),
        ErrorKind::ArgumentConflict => match value(e, ContextKind::PriorArg) {
            Some(p) => format!("không dùng '{arg}' cùng với '{p}'"),
            None => format!("'{arg}' không dùng được nhiều lần hoặc cùng các tham số đã cho"),
        },
        ErrorKind::MissingRequiredArgument => format!("thiếu tham số bắt buộc: {arg}"),
        ErrorKind::MissingSubcommand => {
            format!("'{}' cần một lệnh con", value(e, ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidUtf8 => "dòng lệnh có ký tự không phải UTF-8".to_string(),
        _ => "dòng lệnh không hợp lệ".to_string(),
    };
    let mut out = format!("lỗi: {msg}\n");
    if let Some(h) = hint {
        out.push_str(&format!("gợi ý: {h}\n"));
    }
    if let Some(u) = value(e, ContextKind::Usage) {
        out.push_str(&format!("\n{}\n", clap_words_vi(&u)));
    }
    out.push_str("\nXem thêm: '--help'.\n");
    out
}

/// Every text a help page shows: each command's about and long about, each argument's help, each heading.
#[cfg(test)]
pub fn texts(cmd: &Command) -> Vec<String> {
    let mut out = Vec::new();
    collect(cmd, &mut out);
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
fn collect(cmd: &Command, out: &mut Vec<String>) {
    for t in [cmd.get_about(), cmd.get_long_about()].into_iter().flatten() {
        out.push(t.to_string());
    }
    for a in cmd.get_arguments() {
        for t in [a.get_help(), a.get_long_help()].into_iter().flatten() {
            out.push(t.to_string());
        }
        if let Some(h) = a.get_help_heading() {
            out.push(h.to_string());
        }
    }
    for s in cmd.get_subcommands() {
        collect(s, out);
    }
}

/// The command tree with its texts in `lang` (as written, in English).
pub fn localize(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    vi(cmd)
}

fn tr(s: Option<&clap::builder::StyledStr>) -> Option<String> {
    s.map(|t| {
        let t = t.to_string();
        text_vi(&t).map_or(t, str::to_string)
    })
}

fn vi(cmd: Command) -> Command {
    let about = tr(cmd.get_about());
    let long = tr(cmd.get_long_about());
    let mut cmd = cmd.subcommand_help_heading("Lệnh").subcommand_value_name("LỆNH");
    if let Some(a) = about {
        cmd = cmd.about(a);
    }
    if let Some(l) = long {
        cmd = cmd.long_about(l);
    }
    cmd.mut_args(|a| {
        let help = tr(a.get_help());
        let long = tr(a.get_long_help());
        let heading = a.get_help_heading().map(|h| text_vi(h).unwrap_or(h).to_string());
        let names: Option<Vec<String>> = a
            .get_value_names()
            .map(|v| v.iter().map(|n| value_name_vi(n.as_str()).unwrap_or(n.as_str()).to_string()).collect());
        let mut a = a;
        if let Some(h) = help {
            a = a.help(h);
        }
        if let Some(l) = long {
            a = a.long_help(l);
        }
        if let Some(h) = heading {
            a = a.help_heading(h);
        }
        if let Some(n) = names {
            a = a.value_names(n);
        }
        a
    })
    .mut_subcommands(vi)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Every text of the command tree has its Vietnamese: a command or an argument added without one fails here,
    /// naming it.
    #[test]
    fn every_help_text_has_its_vietnamese() {
        let missing: Vec<String> = super::texts(&super::super::Cli::command())
            .into_iter()
            .filter(|t| crate::output::help::text_vi(t).is_none())
            .collect();
        assert!(missing.is_empty(), "help texts without Vietnamese (output/help.rs):\n{}", missing.join("\n"));
    }
}
