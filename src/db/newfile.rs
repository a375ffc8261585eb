//! A file made whole or not at all. It is built under a hidden temporary name beside its place (private, 0600),
//! synced, and put into place only when complete — by a hard link, so an existing file is never replaced, then the
//! temporary name is removed and the folder synced. A crash at any moment leaves nothing at the place; what a
//! crashed run left under its temporary name is cleared by the next run (on Linux, when that process is gone).

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use crate::error::{refused, refused_hint, Result};

pub struct NewFile {
    pub path: PathBuf,
    tmp: PathBuf,
    done: bool,
}

/// The temporary names of a place: `.NAME.PID.part`, and SQLite's journal beside it.
fn part_of(path: &Path, pid: u32) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{pid}.part"))
}

/// Removes a temporary file and the journal SQLite may have left beside it.
fn remove_part(tmp: &Path) {
    let _ = fs::remove_file(tmp);
    for ext in ["-journal", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{ext}", tmp.display()));
    }
}

/// Clears what crashed runs left for this place: temporary files of processes that no longer exist (also what a
/// killed `-o FILE` left: output files are made under the same `.NAME.PID.part` names).
pub fn clear_leftovers(path: &Path) {
    let Some(dir) = path.parent().map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d }) else { return };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let f = e.file_name().to_string_lossy().into_owned();
        let Some(pid) =
            f.strip_prefix(&prefix).and_then(|r| r.strip_suffix(".part")).and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && Path::new("/proc").is_dir() && !Path::new(&format!("/proc/{pid}")).exists() {
            remove_part(&e.path());
        }
    }
}

/// Refuses a place that is taken (a file, a folder, or a link, which is never followed).
pub fn check_free(path: &Path) -> Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(refused_hint(
            msg!("'{}' already exists; thidua never overwrites a file", path.display()),
            "choose another name, or move the old file away yourself",
        ));
    }
    Ok(())
}

impl NewFile {
    /// Starts a file for `path`, which must be free; the work goes into [`NewFile::tmp`].
    pub fn start(path: &Path) -> Result<Self> {
        check_free(path)?;
        Self::start_over(path)
    }

    /// Starts a file that will replace what is at `path` (the caller decided it may, and removes it before
    /// [`NewFile::finish`]).
    pub fn start_over(path: &Path) -> Result<Self> {
        clear_leftovers(path);
        let tmp = part_of(path, std::process::id());
        remove_part(&tmp);
        super::private_file(&tmp)?;
        Ok(NewFile { path: path.to_path_buf(), tmp, done: false })
    }

    /// Where the file is built.
    pub fn tmp(&self) -> &Path {
        &self.tmp
    }

    /// Puts the finished file into place (synced first); refuses if the place was taken meanwhile.
    pub fn finish(mut self) -> Result<()> {
        File::open(&self.tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| refused(msg!("cannot write '{}': {}", self.path.display(), e)))?;
        match fs::hard_link(&self.tmp, &self.path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(check_free(&self.path).unwrap_err()),
            // A file system without hard links: a rename, after checking the place once more.
            Err(_) => {
                check_free(&self.path)?;
                fs::rename(&self.tmp, &self.path)
                    .map_err(|e| refused(msg!("cannot write '{}': {}", self.path.display(), e)))?;
            }
        }
        remove_part(&self.tmp);
        sync_dir(&self.path);
        self.done = true;
        Ok(())
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        if !self.done {
            remove_part(&self.tmp);
        }
    }
}

/// Syncs the folder holding `path`, so a new name in it survives a crash.
pub fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}
