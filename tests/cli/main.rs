//! The integration tests: one binary (it links once), driving the real `thidua` on fresh files in temp folders
//! with a fixed environment, asserting on what a user sees: rows in the file, bytes, exit codes, messages.

mod archive;
mod awards;
mod campaigns;
mod certificates;
mod council;
mod docs;
mod eligible;
mod file;
mod history;
mod imports;
mod lang;
mod meetings;
mod ooxml;
mod output;
mod papers;
mod people;
mod pledges;
mod props;
mod readme;
mod registrations;
mod reports;
mod safety;
mod scores;
mod sheets;
mod trial;
mod units;
/// The advance widths the paper engine measures with (Times New Roman's), to check its columns independently.
#[path = "../../src/output/docx/widths.rs"]
mod widths;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

/// A temp folder with its own bloc-year file `thidua.db`.
pub struct Env {
    pub dir: TempDir,
}

#[derive(Debug)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub bytes: Vec<u8>,
}

impl Default for Env {
    fn default() -> Self {
        Env { dir: tempfile::tempdir().expect("temp dir") }
    }
}

/// The papers a test wrote are checked as Word reads them when its folder goes (`ooxml.rs`).
impl Drop for Env {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            ooxml::check_folder(self.dir.path());
        }
    }
}

impl Env {
    pub fn new() -> Self {
        Env::default()
    }

    /// A new folder with an initialised 2020 file.
    pub fn init() -> Self {
        let e = Env::new();
        e.ok(&["init", "--year", "2020", "--bloc", "Khối thi đua các Cơ quan Trung ương", "--province", "Tây Ninh"]);
        e
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("thidua.db")
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_thidua"));
        c.args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env("TZ", "UTC")
            .env("LANG", "C.UTF-8");
        c
    }

    pub fn run_with(&self, args: &[&str], stdin: &[u8]) -> Out {
        let mut child = self
            .cmd(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn thidua");
        child.stdin.take().expect("stdin").write_all(stdin).expect("write stdin");
        let o = child.wait_with_output().expect("wait");
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            bytes: o.stdout,
        }
    }

    pub fn run(&self, args: &[&str]) -> Out {
        self.run_with(args, b"")
    }

    /// Runs and asserts exit 0. The same command runs first under `THIDUA_LANG=vi` in a copy of the folder as it
    /// stands (the same state, so the same success): what it says on stderr holds no English (issue 32).
    pub fn ok(&self, args: &[&str]) -> Out {
        self.ok_in_vietnamese(args);
        let o = self.run(args);
        assert_eq!(o.code, 0, "thidua {args:?} failed:\n{}", o.stderr);
        assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
        o
    }

    fn ok_in_vietnamese(&self, args: &[&str]) {
        let copy = tempfile::tempdir().expect("temp dir");
        copy_folder(self.dir.path(), copy.path());
        let here = self.dir.path().to_string_lossy().into_owned();
        let there = copy.path().to_string_lossy().into_owned();
        let args: Vec<String> = args.iter().map(|a| a.replace(&here, &there)).collect();
        let o = self
            .cmd(&args.iter().map(String::as_str).collect::<Vec<_>>())
            .current_dir(copy.path())
            .env("HOME", copy.path())
            .env("THIDUA_LANG", "vi")
            .stdin(Stdio::null())
            .output()
            .expect("run thidua");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "thidua {args:?} under vi:\n{err}");
        if let Some(w) = lang::english_in(&err) {
            panic!("English word '{w}' under --lang vi, thidua {args:?}:\n{err}");
        }
    }

    /// Runs and asserts the exit code, returning stderr. Every refusal the suite meets is run again under
    /// `THIDUA_LANG=vi`: the same exit code, and a message with no English left in it (issue 13).
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let o = self.run(args);
        assert_eq!(
            o.code, code,
            "thidua {args:?}: expected exit {code}, got {}\nstdout: {}\nstderr: {}",
            o.code, o.stdout, o.stderr
        );
        assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
        let vi = self.cmd(args).env("THIDUA_LANG", "vi").stdin(Stdio::null()).output().expect("run thidua");
        let vi_err = String::from_utf8_lossy(&vi.stderr).into_owned();
        assert_eq!(vi.status.code(), Some(code), "thidua {args:?} under vi: {vi_err}");
        if let Some(w) = lang::english_in(&vi_err) {
            if let Some(log) = std::env::var_os("THIDUA_UNTRANSLATED") {
                let mut f = std::fs::OpenOptions::new().create(true).append(true).open(log).expect("log");
                let _ = writeln!(f, "{vi_err}");
            } else {
                panic!("English word '{w}' under --lang vi, thidua {args:?}:\n{vi_err}");
            }
        }
        o.stderr
    }

    pub fn write(&self, name: &str, content: &str) -> String {
        std::fs::write(self.path(name), content).expect("write fixture");
        self.path(name).to_string_lossy().into_owned()
    }

    /// The file opened plainly, as another tool would.
    pub fn conn(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.db()).expect("open db")
    }

    /// Another file of the folder, opened plainly.
    pub fn conn_to(&self, name: &str) -> rusqlite::Connection {
        rusqlite::Connection::open(self.path(name)).expect("open db")
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.conn().query_row(sql, [], |r| r.get(0)).expect("count")
    }

    /// The seven central agencies of the seed story, Cục Thống kê as leader.
    pub fn seven_units(&self) {
        let csv = "code,name,short,role\n\
                   CT,Cục Thống kê,CTK,leader\n\
                   BHXH,Bảo hiểm xã hội tỉnh,BHXH tỉnh,member\n\
                   CTHUE,Cục Thuế,,member\n\
                   HQ,Cục Hải quan,,member\n\
                   KBNN,Kho bạc Nhà nước tỉnh,KBNN tỉnh,member\n\
                   NHNN,Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh,NHNN tỉnh,member\n\
                   QLTT,Cục Quản lý thị trường tỉnh,QLTT,member\n";
        let f = self.write("units.csv", csv);
        self.ok(&["unit", "import", &f]);
    }
}

/// A folder's files and subfolders copied into another (a test's folder is small).
fn copy_folder(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).expect("read folder") {
        let e = e.expect("entry");
        let (src, dst) = (e.path(), to.join(e.file_name()));
        let kind = e.file_type().expect("file type");
        if kind.is_dir() {
            std::fs::create_dir_all(&dst).expect("create folder");
            copy_folder(&src, &dst);
        } else if kind.is_file() {
            std::fs::copy(&src, &dst).expect("copy file");
        }
    }
}

/// Parses CSV output (after its BOM) into rows of cells.
pub fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        // A report's tables follow one another, each with its own columns.
        .flexible(true)
        .from_reader(body)
        .records()
        .map(|r| r.expect("csv row").iter().map(str::to_string).collect())
        .collect()
}
