//! The output folder, changed only by a build that succeeded.
//!
//! A first build writes into a hidden staging folder beside the output (same file system, so the
//! final rename is atomic) and [`DiskSink::commit`] renames it into place. A later build compares
//! every page with the file the previous build left: a page whose bytes did not change is not
//! written at all, a changed or new one goes to the staging folder, and only on commit are the
//! staged files moved into the output and the files no page claims any more removed. A build that
//! fails, or is dropped without commit, leaves the previous site exactly as it was.
//!
//! Rewriting only what changed is what makes a rebuild after one edit cheap on a real disk: at
//! 10,000 articles swapping in a whole new folder meant ~20,000 folders and ~24,000 files created,
//! and as many removed, for a few dozen changed pages. Unchanged files also keep their
//! modification time, so rsync and HTTP caches see them as unchanged.
//!
//! Gazette leaves a `.gazette` marker in every folder it writes and refuses to touch a non-empty
//! folder without one, so a mistyped `--output` can never delete a folder Gazette did not make.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::Sink;

/// The file that marks a folder as Gazette's output.
pub const MARKER: &str = ".gazette";

const MARKER_TEXT: &str = "This folder is written by Gazette and replaced on every build.\n";

/// Writes a build's files into a staging folder that [`DiskSink::commit`] turns into the output.
#[derive(Debug)]
pub struct DiskSink {
    output: PathBuf,
    staging: PathBuf,
    committed: bool,
    /// True when the output folder holds a previous build, which is then updated in place
    /// rather than replaced.
    update: bool,
    /// Every file of this build (changed or not): after an update, the output's other files are
    /// left over from earlier builds and removed.
    produced: Mutex<HashSet<String>>,
    /// Files of this build that differ from the output's: the ones in the staging folder.
    changed: Mutex<Vec<String>>,
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
        let update = output.join(MARKER).is_file();
        if !update {
            std::fs::write(staging.join(MARKER), MARKER_TEXT)?;
        }
        Ok(DiskSink {
            output: output.to_path_buf(),
            staging,
            committed: false,
            update,
            produced: Mutex::default(),
            changed: Mutex::default(),
            folders: Mutex::default(),
        })
    }

    /// The folder being written.
    pub fn staging_dir(&self) -> &Path {
        &self.staging
    }

    /// Makes the output folder this build's site: the staged folder renamed into place on a
    /// first build; otherwise the changed files moved in, and then the files of earlier builds
    /// that no page of this one claims removed (new files first, so nothing is ever missing).
    pub fn commit(mut self) -> std::io::Result<()> {
        if !self.update {
            return self.swap_in_staging();
        }
        let mut changed = std::mem::take(lock(&mut self.changed));
        changed.sort_unstable();
        if changed.iter().any(|path| blocked(&self.output, path)) {
            // A page now lives where the previous build had a folder (or the other way round):
            // complete the staged site from the output and swap the whole folder instead.
            self.link_unchanged_into_staging(&changed)?;
            return self.swap_in_staging();
        }
        let mut made = HashSet::new();
        for path in &changed {
            if let Some((folder, _)) = path.rsplit_once('/')
                && made.insert(folder)
            {
                std::fs::create_dir_all(self.output.join(folder))?;
            }
            std::fs::rename(self.staging.join(path), self.output.join(path))?;
        }
        self.committed = true;
        let produced = std::mem::take(lock(&mut self.produced));
        remove_leftovers(&self.output, &self.output, &produced)?;
        std::fs::remove_dir_all(&self.staging)
    }

    /// Replaces the output folder with the staged one. The old site is moved aside first and
    /// removed only after the new one is in place.
    fn swap_in_staging(&mut self) -> std::io::Result<()> {
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

    /// Fills the staging folder with the output's copies of the files this build did not
    /// change, hard-linked (copied where the file system has no hard links).
    fn link_unchanged_into_staging(&mut self, changed: &[String]) -> std::io::Result<()> {
        let changed: HashSet<&str> = changed.iter().map(String::as_str).collect();
        std::fs::write(self.staging.join(MARKER), MARKER_TEXT)?;
        for path in lock(&mut self.produced).iter().filter(|path| !changed.contains(path.as_str())) {
            let (from, to) = (self.output.join(path), self.staging.join(path));
            if let Some(folder) = to.parent() {
                std::fs::create_dir_all(folder)?;
            }
            if std::fs::hard_link(&from, &to).is_err() {
                std::fs::copy(&from, &to)?;
            }
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
        if self.update {
            self.produced.lock().unwrap_or_else(|p| p.into_inner()).insert(path.to_string());
            if same_content(&self.output.join(path), content) {
                return Ok(());
            }
            self.changed.lock().unwrap_or_else(|p| p.into_inner()).push(path.to_string());
        }
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

/// The value behind a mutex the sink owns outright (no other thread can hold it any more).
fn lock<T>(mutex: &mut Mutex<T>) -> &mut T {
    mutex.get_mut().unwrap_or_else(|p| p.into_inner())
}

/// Whether `path` is a regular file holding exactly `content`. Sizes are compared first, so a
/// changed page is usually told apart without reading it; any error means "no".
fn same_content(path: &Path, content: &[u8]) -> bool {
    use std::io::Read;
    // Not `metadata`: a symbolic link someone put in the output is not a page of this build.
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == content.len() as u64 => {}
        _ => return false,
    }
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut buffer = [0u8; 16 * 1024];
    let mut rest = content;
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return rest.is_empty(),
            Ok(read) if read <= rest.len() && buffer[..read] == rest[..read] => rest = &rest[read..],
            Ok(_) => return false,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Whether moving the staged `path` into `output` would meet a folder where the file goes, or a
/// file (or link) where one of its folders goes.
fn blocked(output: &Path, path: &str) -> bool {
    let mut at = output.to_path_buf();
    let mut parts = path.split('/').peekable();
    while let Some(part) = parts.next() {
        at.push(part);
        let Ok(meta) = std::fs::symlink_metadata(&at) else {
            return false;
        };
        let last = parts.peek().is_none();
        if (last && meta.is_dir()) || (!last && !meta.is_dir()) {
            return true;
        }
    }
    false
}

/// Removes the files under `dir` that this build did not produce, and the folders left empty.
/// Returns whether `dir` itself is now empty.
fn remove_leftovers(root: &Path, dir: &Path, produced: &HashSet<String>) -> std::io::Result<bool> {
    let mut empty = true;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let relative = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        if entry.file_type()?.is_dir() {
            if remove_leftovers(root, &path, produced)? {
                std::fs::remove_dir(&path)?;
            } else {
                empty = false;
            }
        } else if relative == MARKER || produced.contains(&relative) {
            empty = false;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(empty)
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

    /// Every file under `dir` with its content, as `relative/path=content` lines.
    fn tree(dir: &Path) -> Vec<String> {
        let mut files: Vec<String> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let relative = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                format!("{relative}={}", std::fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    fn build(output: &Path, files: &[(&str, &str)]) -> DiskSink {
        let sink = DiskSink::create(output).unwrap();
        for (path, content) in files {
            sink.write(path, content.as_bytes()).unwrap();
        }
        sink
    }

    #[test]
    fn commit_replaces_and_abandon_keeps_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        std::fs::create_dir_all(&output).unwrap();
        std::fs::write(output.join("stale.html"), "old").unwrap();
        std::fs::write(output.join(MARKER), "").unwrap();

        drop(build(&output, &[("a/index.html", "new")]));
        assert_eq!(
            tree(&output),
            [".gazette=", "stale.html=old"],
            "an abandoned build must not touch the site"
        );

        build(&output, &[("a/index.html", "new")]).commit().unwrap();
        assert_eq!(tree(&output), [".gazette=", "a/index.html=new"]);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging or previous folder left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_rebuild_writes_only_what_changed_and_removes_what_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let first = [("a/index.html", "one"), ("b/index.html", "two"), ("c/d/index.html", "gone")];
        build(&output, &first).commit().unwrap();
        let inode = |path: &str| {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(output.join(path)).unwrap().ino()
        };
        let (a_before, b_before) = (inode("a/index.html"), inode("b/index.html"));

        let second =
            build(&output, &[("a/index.html", "one"), ("b/index.html", "TWO"), ("e/index.html", "new")]);
        assert_eq!(tree(&output).len(), 4, "nothing changes before the commit");
        second.commit().unwrap();

        assert_eq!(
            tree(&output),
            [
                ".gazette=This folder is written by Gazette and replaced on every build.\n",
                "a/index.html=one",
                "b/index.html=TWO",
                "e/index.html=new"
            ]
        );
        assert_eq!(inode("a/index.html"), a_before, "an unchanged page is left as it was");
        assert_ne!(
            inode("b/index.html"),
            b_before,
            "a changed page is replaced whole, never rewritten in place"
        );
        assert!(!output.join("c").exists(), "folders emptied of old pages go too");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no staging folder left behind");
    }

    #[test]
    fn a_page_can_take_the_place_of_a_folder_and_the_other_way_round() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        build(&output, &[("kept.html", "same"), ("news/index.html", "folder"), ("feed", "file")])
            .commit()
            .unwrap();

        build(&output, &[("kept.html", "same"), ("news", "file"), ("feed/index.html", "folder")])
            .commit()
            .unwrap();

        let mut expected = tree(&output);
        expected.retain(|line| !line.starts_with(".gazette"));
        assert_eq!(expected, ["feed/index.html=folder", "kept.html=same", "news=file"]);
        assert!(output.join(MARKER).is_file());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no staging or previous folder left behind"
        );
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
