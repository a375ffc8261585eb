//! Every `.docx` the suite writes is checked as Word would read it: its WordprocessingML parts against the ECMA-376
//! schemas (`tests/fixtures/ooxml`, the standard's own files) with `xmllint`, and its package as ECMA-376 Part 2 and
//! Word want it (`[Content_Types].xml` first, no folder entries, parts deflated, each entry a regular file). It runs
//! when a test's folder is dropped, over every paper the test wrote; the schema check needs `xmllint` (`.ci/run`
//! installs libxml2-utils) and is skipped, saying so once, where it is missing.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The WordprocessingML parts the schemas cover (as `../shared/ooxml/validate-docx` picks them).
fn is_wml_part(name: &str) -> bool {
    let Some(stem) = name.strip_prefix("word/").and_then(|n| n.strip_suffix(".xml")) else { return false };
    ["document", "styles", "settings", "fontTable", "numbering", "footnotes", "endnotes", "comments"].contains(&stem)
        || ["header", "footer"]
            .iter()
            .any(|p| stem.strip_prefix(p).is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())))
}

fn xmllint() -> bool {
    static HAS: OnceLock<bool> = OnceLock::new();
    *HAS.get_or_init(|| {
        let ok = Command::new("xmllint").arg("--version").output().is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("note: xmllint is missing (apt-get install -y libxml2-utils): .docx files not checked against the schemas");
        }
        ok
    })
}

/// What is wrong with a `.docx`, one line each; empty when Word would open it as its own.
pub fn violations(docx: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut z = zip::ZipArchive::new(std::fs::File::open(docx).expect("open docx")).expect("a zip");
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut parts: Vec<PathBuf> = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).expect("entry");
        let name = f.name().expect("entry name").to_string();
        if i == 0 && name != "[Content_Types].xml" {
            out.push(format!("the first entry is {name}, not [Content_Types].xml"));
        }
        if f.is_dir() || name.ends_with('/') {
            out.push(format!("a folder entry: {name}"));
        }
        if f.compression() != zip::CompressionMethod::Deflated {
            out.push(format!("{name} is not deflated"));
        }
        if f.unix_mode().is_none_or(|m| m & 0o170000 != 0o100000) {
            out.push(format!("{name} is not marked a regular file ({:?})", f.unix_mode()));
        }
        if is_wml_part(&name) {
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).expect("read part");
            let p = tmp.path().join(name.replace('/', "_"));
            std::fs::write(&p, bytes).expect("write part");
            parts.push(p);
        }
    }
    if parts.is_empty() {
        out.push("no WordprocessingML part".into());
    }
    if xmllint() && !parts.is_empty() {
        let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ooxml/wml.xsd");
        let o =
            Command::new("xmllint").arg("--noout").arg("--schema").arg(schema).args(&parts).output().expect("xmllint");
        let err = String::from_utf8_lossy(&o.stderr);
        out.extend(
            err.lines()
                .filter(|l| !l.trim().is_empty() && !l.ends_with(" validates") && !l.ends_with(" fails to validate"))
                .map(|l| l.replace(&format!("{}/", tmp.path().display()), "")),
        );
        if !o.status.success() && out.is_empty() {
            out.push(format!("xmllint exited {:?}: {err}", o.status.code()));
        }
    }
    out
}

/// Every `.docx` under a folder (links not followed), checked; panics naming each file and what is wrong with it.
pub fn check_folder(dir: &Path) {
    let mut bad = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let Ok(t) = e.file_type() else { continue };
            let p = e.path();
            if t.is_dir() {
                stack.push(p);
            } else if t.is_file() && p.extension().is_some_and(|x| x == "docx") {
                let v = violations(&p);
                if !v.is_empty() {
                    bad.push(format!("{}:\n  {}", p.display(), v.join("\n  ")));
                }
            }
        }
    }
    assert!(bad.is_empty(), "papers Word would not open as its own:\n{}", bad.join("\n"));
}

#[test]
fn the_checker_finds_what_word_refuses() {
    // A paper of ours passes; the same paper with a property moved out of the schema's order, an attribute the
    // schema does not have, and a folder entry does not.
    let e = crate::Env::new();
    e.ok(&["demo"]);
    e.ok(&["-f", "thidua-demo.db", "doc", "minutes", "1", "-o", "bb.docx"]);
    let good = e.path("bb.docx");
    assert_eq!(violations(&good), Vec::<String>::new());
    let mut z = zip::ZipArchive::new(std::fs::File::open(&good).unwrap()).unwrap();
    let bad = e.path("bad.docx");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&bad).unwrap());
    let opts = zip::write::SimpleFileOptions::default().unix_permissions(0o644);
    w.add_directory("word/", opts).unwrap();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        if f.name().expect("entry name") == "word/document.xml" {
            s = s
                .replacen(
                    r#"<w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/>"#,
                    r#"<w:jc w:val="center"/><w:spacing w:before="0" w:after="0"/>"#,
                    1,
                )
                .replacen("<w:gridCol ", r#"<w:gridCol w:type="dxa" "#, 1);
        }
        let name = f.name().expect("entry name").to_string();
        w.start_file(name, opts).unwrap();
        std::io::Write::write_all(&mut w, s.as_bytes()).unwrap();
    }
    w.finish().unwrap();
    let v = violations(&bad).join("\n");
    assert!(v.contains("the first entry is word/") && v.contains("a folder entry: word/"), "{v}");
    if xmllint() {
        assert!(v.contains("element spacing") && v.contains("element gridCol"), "{v}");
    }
    std::fs::remove_file(&bad).unwrap();
}
