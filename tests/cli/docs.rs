//! The README's command reference is generated from the clap definitions; this test fails when it drifts.
//! To refresh it: `UPDATE_README=1 cargo test --test cli docs`.

use crate::Env;

const START: &str = "<!-- reference:start -->\n";
const END: &str = "<!-- reference:end -->";

#[test]
fn readme_reference_matches_help() {
    let e = Env::new();
    let generated = e.ok(&["reference"]).stdout;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let (head, rest) = readme.split_once(START).expect("README has the reference start marker");
    let (current, tail) = rest.split_once(END).expect("README has the reference end marker");
    if current != generated {
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(path, format!("{head}{START}{generated}{END}{tail}")).expect("write README");
            return;
        }
        panic!("the README's command reference differs from `thidua reference`; run `UPDATE_README=1 cargo test --test cli docs`");
    }
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
