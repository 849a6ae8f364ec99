//! The output folder, replaced atomically.
//!
//! Pages go to a hidden staging folder beside the output (same file system, so the final rename
//! is atomic). [`DiskSink::commit`] swaps it in; dropping the sink without committing removes it
//! and leaves the previous site exactly as it was. Gazette leaves a `.gazette` marker in every
//! folder it writes and refuses to replace a non-empty folder without one, so a mistyped
//! `--output` can never delete a folder Gazette did not make.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::Sink;

/// The file that marks a folder as Gazette's output.
pub const MARKER: &str = ".gazette";

/// Writes into a staging folder that replaces the output folder on commit.
#[derive(Debug)]
pub struct DiskSink {
    output: PathBuf,
    staging: PathBuf,
    committed: bool,
    /// Folders already made under the staging folder: tens of thousands of pages share a few
    /// thousand folders, and asking the file system each time doubles the system calls.
    folders: Mutex<HashSet<String>>,
}

impl DiskSink {
    /// Prepares a fresh staging folder for `output`. Fails when `output` is a non-empty folder
    /// that Gazette did not write.
    pub fn create(output: &Path) -> std::io::Result<DiskSink> {
        if output.is_dir() && !output.join(MARKER).exists() && std::fs::read_dir(output)?.next().is_some() {
            return Err(std::io::Error::other(
                "this folder has files Gazette did not write, and the output folder is replaced on every build; choose an empty or new folder (or remove it)",
            ));
        }
        let staging = sibling(output, "staging");
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        std::fs::create_dir_all(&staging)?;
        std::fs::write(
            staging.join(MARKER),
            "This folder is written by Gazette and replaced on every build.\n",
        )?;
        Ok(DiskSink { output: output.to_path_buf(), staging, committed: false, folders: Mutex::default() })
    }

    /// The folder being written.
    pub fn staging_dir(&self) -> &Path {
        &self.staging
    }

    /// Replaces the output folder with the staged one. The old site is moved aside first and
    /// removed only after the new one is in place.
    pub fn commit(mut self) -> std::io::Result<()> {
        let previous = sibling(&self.output, "previous");
        if previous.exists() {
            std::fs::remove_dir_all(&previous)?;
        }
        let had_output = self.output.exists();
        if had_output {
            std::fs::rename(&self.output, &previous)?;
        }
        if let Err(error) = std::fs::rename(&self.staging, &self.output) {
            if had_output {
                // Put the old site back rather than leave no site at all.
                let _ = std::fs::rename(&previous, &self.output);
            }
            return Err(error);
        }
        self.committed = true;
        if had_output {
            remove_tree(&previous)?;
        }
        Ok(())
    }
}

impl Drop for DiskSink {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

impl Sink for DiskSink {
    fn write(&self, path: &str, content: &[u8]) -> std::io::Result<()> {
        if let Some((folder, _)) = path.rsplit_once('/') {
            let known = self.folders.lock().unwrap_or_else(|p| p.into_inner()).contains(folder);
            if !known {
                std::fs::create_dir_all(self.staging.join(folder))?;
                self.folders.lock().unwrap_or_else(|p| p.into_inner()).insert(folder.to_string());
            }
        }
        std::fs::write(self.staging.join(path), content)
    }
}

/// Removes a folder and everything in it, folders in parallel: the old site of a large build has
/// tens of thousands of files, and removing them one by one was a sixth of a rebuild.
fn remove_tree(path: &Path) -> std::io::Result<()> {
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(path)?.collect::<Result<_, _>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            remove_tree(&entry.path())
        } else {
            std::fs::remove_file(entry.path())
        }
    })?;
    std::fs::remove_dir(path)
}

/// `public` -> `.public.gazette-staging`, in the same parent folder.
fn sibling(output: &Path, what: &str) -> PathBuf {
    let name =
        output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    output.with_file_name(format!(".{name}.gazette-{what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_abandon_keeps_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        std::fs::create_dir_all(&output).unwrap();
        std::fs::write(output.join("stale.html"), "old").unwrap();
        std::fs::write(output.join(MARKER), "").unwrap();

        let sink = DiskSink::create(&output).unwrap();
        sink.write("a/index.html", b"new").unwrap();
        drop(sink);
        assert!(output.join("stale.html").exists(), "abandoned build must not touch the site");

        let sink = DiskSink::create(&output).unwrap();
        sink.write("a/index.html", b"new").unwrap();
        sink.commit().unwrap();
        assert!(!output.join("stale.html").exists());
        assert_eq!(std::fs::read(output.join("a/index.html")).unwrap(), b"new");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging or previous folder left behind");
    }

    #[test]
    fn a_folder_gazette_did_not_write_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("precious.txt"), "mine").unwrap();
        assert!(DiskSink::create(dir.path()).is_err());
        assert!(dir.path().join("precious.txt").exists());
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        assert!(DiskSink::create(&empty).is_ok(), "an empty folder is fine");
    }
}
