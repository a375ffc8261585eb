//! The command reference (docs/reference.md) and the README's index of commands are generated from the clap
//! definitions; these tests fail when either drifts from `--help`.
//! To refresh both: `UPDATE_README=1 cargo test --test cli docs`.

use crate::Env;

const START: &str = "<!-- reference:start -->\n";
const END: &str = "<!-- reference:end -->";

fn file(name: &str) -> String {
    format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn refresh() -> bool {
    std::env::var_os("UPDATE_README").is_some()
}

#[test]
fn readme_index_matches_help() {
    let generated = Env::new().ok(&["reference", "--index"]).stdout;
    let path = file("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (head, rest) = readme.split_once(START).expect("README has the reference start marker");
    let (current, tail) = rest.split_once(END).expect("README has the reference end marker");
    if current != generated {
        assert!(refresh(), "the README's command index differs from `thidua reference --index`; run `UPDATE_README=1 cargo test --test cli docs`");
        std::fs::write(&path, format!("{head}{START}{generated}{END}{tail}")).expect("write README");
    }
    // Every command of the tree is in it.
    for c in
        ["thidua init", "thidua unit import", "thidua person list", "thidua campaign launch", "thidua register titles"]
    {
        assert!(generated.contains(&format!("`{c}")), "{c} missing from the index");
    }
}

#[test]
fn reference_matches_help() {
    let generated = Env::new().ok(&["reference"]).stdout;
    let path = file("docs/reference.md");
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    let want = format!("# thidua command reference\n\nGenerated from `thidua --help` by `thidua reference`; do not edit by hand.\n\n{generated}");
    if current != want {
        assert!(
            refresh(),
            "docs/reference.md differs from `thidua reference`; run `UPDATE_README=1 cargo test --test cli docs`"
        );
        std::fs::write(&path, want).expect("write docs/reference.md");
    }
    let e = Env::new();
    let help = e.cmd(&["unit", "add", "--help"]).env("COLUMNS", "110").output().expect("run --help");
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(generated.contains(help.trim_end()), "the reference does not hold `unit add --help`:\n{help}");
}

#[test]
fn completions_and_man_page_come_from_the_same_definitions() {
    let e = Env::new();
    let bash = e.ok(&["completions", "bash"]).stdout;
    assert!(bash.contains("thidua") && bash.contains("import"), "{bash}");
    let man = e.ok(&["man"]).stdout;
    assert!(man.contains(".TH thidua") && man.contains("unit"), "{man}");
    let err = e.fails(&["completions", "tcsh"], 2);
    assert!(err.contains("tcsh"), "{err}");
}

/// Every argument of every command says what it is for in `--help` (clap's help stays English; README says so).
#[test]
fn every_argument_has_a_help_text() {
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for a in cmd.get_arguments() {
            let builtin = matches!(a.get_id().as_str(), "help" | "version");
            if !builtin && !a.is_hide_set() && a.get_help().is_none() && a.get_long_help().is_none() {
                missing.push(format!("{path} {}", a.get_long().map_or(a.get_id().to_string(), |l| format!("--{l}"))));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), missing);
        }
    }
    let mut cmd = thidua::cli::command();
    cmd.build();
    let mut missing = Vec::new();
    walk(&cmd, "thidua", &mut missing);
    assert!(missing.is_empty(), "{} arguments without a help text:\n{}", missing.len(), missing.join("\n"));
}
