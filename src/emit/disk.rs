//! The output folder, changed only by a build that succeeded.
//!
//! A first build writes into a hidden staging folder beside the output (same file system, so the
//! final rename is atomic) and [`DiskSink::commit`] renames it into place. A later build compares
//! every file with the one the previous build left: a file whose bytes did not change is not
//! written at all, a changed or new one goes to the staging folder, and only on commit are the
//! staged files moved into the output (each replaced file kept aside until all are in, so a
//! failure part-way puts the old ones back). A build that fails, or is dropped without commit,
//! leaves the previous site exactly as it was.
//!
//! Rewriting only what changed is what makes a rebuild after an edit cheap on a real disk: at
//! 10,000 articles swapping in a whole new folder meant ~20,000 folders and ~24,000 files created,
//! and as many removed, for a few changed pages. Unchanged files also keep their modification
//! time, so rsync and HTTP caches see them as unchanged.
//!
//! When the previous output holds anything this build does not make (a removed article's page, a
//! renamed file, a folder a page must replace, a symbolic link, a file whose name differs only in
//! case on a case-insensitive disk), moving files in cannot give exactly the clean build's
//! folder: the staged site is then completed with hard links to the unchanged files and swapped
//! in whole, as a first build is.
//!
//! Gazette leaves a `.gazette` marker in every folder it writes and refuses to touch a non-empty
//! folder without one, so a mistyped `--output` can never delete a folder Gazette did not make.
//! A version-control folder at the top of the output ([`super::VERSION_CONTROL`]: `public/.git`
//! of a `gh-pages` checkout) is not part of the site: it is carried over into each new folder.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::{Sink, is_version_control};

/// The file that marks a folder as Gazette's output.
pub const MARKER: &str = ".gazette";

/// What the marker file says, to whoever opens it (it is published with a git target's branch).
pub const MARKER_TEXT: &str = "This folder is written by Gazette and replaced on every build.\n";

/// Writes a build's files into a staging folder that [`DiskSink::commit`] turns into the output.
#[derive(Debug)]
pub struct DiskSink {
    output: PathBuf,
    staging: PathBuf,
    committed: bool,
    /// True when the output folder holds a previous build, which is then updated in place
    /// rather than replaced.
    update: bool,
    /// What this build wrote, for an update.
    files: Mutex<Files>,
    /// Folders already made under the staging folder: tens of thousands of pages share a few
    /// thousand folders, and asking the file system each time doubles the system calls.
    folders: Mutex<HashSet<String>>,
}

/// The files of an updating build.
#[derive(Debug, Default)]
struct Files {
    /// Every file of this build, changed or not: anything else in the output is left over.
    produced: HashSet<String>,
    /// Files whose bytes differ from the output's: the ones waiting in the staging folder. A set,
    /// because a file can be written twice (a site's static file replacing a page): the last
    /// write decides.
    changed: HashSet<String>,
}

impl DiskSink {
    /// Prepares a fresh staging folder for `output`. Fails when `output` is a non-empty folder
    /// that Gazette did not write.
    pub fn create(output: &Path) -> std::io::Result<DiskSink> {
        // A symbolic link to the output folder (`public -> /var/www/site`) is followed, so the
        // staging folder sits beside the real folder, on its file system, and the link stays.
        let output = match std::fs::symlink_metadata(output) {
            Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(output)?,
            _ => output.to_path_buf(),
        };
        if output.is_dir() && !output.join(MARKER).exists() && has_site_files(&output)? {
            return Err(std::io::Error::other(
                "this folder has files Gazette did not write, and the output folder is replaced on every build; choose an empty or new folder (or remove it)",
            ));
        }
        for what in ["staging", "replaced"] {
            let leftover = sibling(&output, what);
            if leftover.exists() {
                // A build stopped between carrying `public/.git` into the staging folder and
                // swapping it in left the repository there: it goes back first.
                if what == "staging" && output.is_dir() {
                    put_back_version_control(&leftover, &output)?;
                }
                std::fs::remove_dir_all(&leftover)?;
            }
        }
        let staging = sibling(&output, "staging");
        std::fs::create_dir_all(&staging)?;
        let update = output.join(MARKER).is_file();
        let mut files = Files::default();
        if update {
            files.produced.insert(MARKER.to_string());
        }
        if !update || !same_content(&output.join(MARKER), MARKER_TEXT.as_bytes()) {
            std::fs::write(staging.join(MARKER), MARKER_TEXT)?;
            files.changed.insert(MARKER.to_string());
        }
        Ok(DiskSink {
            output,
            staging,
            committed: false,
            update,
            files: Mutex::new(files),
            folders: Mutex::default(),
        })
    }

    /// The folder being written.
    pub fn staging_dir(&self) -> &Path {
        &self.staging
    }

    /// Makes the output folder this build's site: the staged folder renamed into place on a
    /// first build, or when the previous output holds anything this build does not make;
    /// otherwise the changed files moved in.
    pub fn commit(mut self) -> std::io::Result<()> {
        if !self.update {
            return self.swap_in_staging();
        }
        let files = std::mem::take(self.files.get_mut().unwrap_or_else(|p| p.into_inner()));
        let mut changed: Vec<&str> = files.changed.iter().map(String::as_str).collect();
        changed.sort_unstable();
        if has_leftovers(&self.output, "", &files.produced)?
            || changed.iter().any(|path| blocked(&self.output, path))
        {
            self.link_unchanged_into_staging(&files)?;
            return self.swap_in_staging();
        }
        self.move_in(&changed)?;
        self.committed = true;
        // The site is in place; a staging folder that cannot be removed now is removed by the
        // next build.
        let _ = std::fs::remove_dir_all(&self.staging);
        Ok(())
    }

    /// Renames the staged `changed` files into the output. Each file it replaces is hard-linked
    /// aside first, so that if a rename fails the files already moved are put back (and new ones
    /// removed) before the error is returned.
    fn move_in(&self, changed: &[&str]) -> std::io::Result<()> {
        let replaced = sibling(&self.output, "replaced");
        let mut moved: Vec<(&str, bool)> = Vec::with_capacity(changed.len());
        let mut result = Ok(());
        for &path in changed {
            match self.move_one_in(path, &replaced) {
                Ok(had_file) => moved.push((path, had_file)),
                Err(error) => {
                    result = Err(error);
                    break;
                }
            }
        }
        if result.is_err() {
            for &(path, had_file) in moved.iter().rev() {
                let target = self.output.join(path);
                let _ = if had_file {
                    std::fs::rename(replaced.join(path), &target)
                } else {
                    std::fs::remove_file(&target)
                };
            }
        }
        let _ = std::fs::remove_dir_all(&replaced);
        result
    }

    /// Renames the staged `path` into the output, keeping the file it replaces under `replaced`.
    /// Returns whether there was such a file.
    fn move_one_in(&self, path: &str, replaced: &Path) -> std::io::Result<bool> {
        let target = self.output.join(path);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let had_file = std::fs::symlink_metadata(&target).is_ok();
        if had_file {
            link_or_copy(&target, &replaced.join(path))?;
        }
        std::fs::rename(self.staging.join(path), &target)?;
        Ok(had_file)
    }

    /// Replaces the output folder with the staged one. The old site is moved aside first and
    /// removed only after the new one is in place.
    fn swap_in_staging(&mut self) -> std::io::Result<()> {
        let previous = sibling(&self.output, "previous");
        if previous.exists() {
            remove_tree(&previous)?;
        }
        let had_output = self.output.exists();
        let carried = if had_output { self.carry_version_control()? } else { Vec::new() };
        if had_output && let Err(error) = std::fs::rename(&self.output, &previous) {
            self.carry_back(&carried);
            return Err(error);
        }
        if let Err(error) = std::fs::rename(&self.staging, &self.output) {
            if had_output {
                // Put the old site back rather than leave no site at all.
                let _ = std::fs::rename(&previous, &self.output);
                self.carry_back(&carried);
            }
            return Err(error);
        }
        self.committed = true;
        if had_output {
            remove_tree(&previous)?;
        }
        Ok(())
    }

    /// Moves the output's version-control folders into the staging folder (one rename each: the
    /// same file system), so the swap takes them along. Returns their names; on failure the ones
    /// already moved are put back.
    fn carry_version_control(&self) -> std::io::Result<Vec<std::ffi::OsString>> {
        let mut carried = Vec::new();
        for entry in std::fs::read_dir(&self.output)? {
            let name = entry?.file_name();
            if !is_version_control(&name) {
                continue;
            }
            if let Err(error) = std::fs::rename(self.output.join(&name), self.staging.join(&name)) {
                self.carry_back(&carried);
                return Err(error);
            }
            carried.push(name);
        }
        Ok(carried)
    }

    /// Puts carried folders back from the staging folder into the output, after a swap that
    /// failed.
    fn carry_back(&self, carried: &[std::ffi::OsString]) {
        for name in carried {
            let _ = std::fs::rename(self.staging.join(name), self.output.join(name));
        }
    }

    /// Fills the staging folder with the output's copies of the files this build did not
    /// change, hard-linked (copied where the file system has no hard links).
    fn link_unchanged_into_staging(&self, files: &Files) -> std::io::Result<()> {
        for path in files.produced.iter().filter(|path| !files.changed.contains(*path)) {
            link_or_copy(&self.output.join(path), &self.staging.join(path))?;
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

impl DiskSink {
    /// Makes `folder` (relative to the staging folder) and those of its parents no page has made
    /// yet, outermost first. Asking the set first spares the calls that fail: `create_dir_all`
    /// tries the folder before its parent, so 10,000 articles' folders cost ~10,000 calls that
    /// failed with ENOENT or EEXIST. Two threads may make one folder at once: the second is told
    /// it exists, which is what it wanted, once it has checked that it is a folder.
    fn make_folder(&self, folder: &str) -> std::io::Result<()> {
        let mut missing: Vec<&str> = Vec::new();
        {
            let known = self.folders.lock().unwrap_or_else(|p| p.into_inner());
            let mut next = Some(folder);
            while let Some(folder) = next.filter(|folder| !known.contains(*folder)) {
                missing.push(folder);
                next = folder.rsplit_once('/').map(|(parent, _)| parent);
            }
        }
        for &folder in missing.iter().rev() {
            let made = self.staging.join(folder);
            match std::fs::create_dir(&made) {
                // Another thread made it, or a file is in the way (a page's path is another's
                // folder): only the first is a folder.
                Err(error) if error.kind() != std::io::ErrorKind::AlreadyExists || !made.is_dir() => {
                    return Err(error);
                }
                _ => {}
            }
        }
        let mut known = self.folders.lock().unwrap_or_else(|p| p.into_inner());
        known.extend(missing.into_iter().map(str::to_string));
        Ok(())
    }
}

impl Sink for DiskSink {
    fn write(&self, path: &str, content: &[u8]) -> std::io::Result<()> {
        if self.update {
            // Compared outside the lock: this reads a file, and every rendering thread comes here.
            let same = same_content(&self.output.join(path), content);
            let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
            files.produced.insert(path.to_string());
            if same {
                files.changed.remove(path);
                return Ok(());
            }
            files.changed.insert(path.to_string());
        }
        if let Some((folder, _)) = path.rsplit_once('/') {
            self.make_folder(folder)?;
        }
        std::fs::write(self.staging.join(path), content)
    }
}

/// Makes `to` (and its folder) the same file as `from`: a hard link, or a copy where the file
/// system has none.
fn link_or_copy(from: &Path, to: &Path) -> std::io::Result<()> {
    if let Some(folder) = to.parent() {
        std::fs::create_dir_all(folder)?;
    }
    if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to)?;
    }
    Ok(())
}

/// Whether `path` is a regular file holding exactly `content`. Sizes are compared first, so a
/// changed page is usually told apart without reading it; any error means "no".
fn same_content(path: &Path, content: &[u8]) -> bool {
    use std::io::Read;
    // Not `metadata`: a symbolic link in the output is not a file of this build.
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

/// Whether the folder `dir` (`relative` to the output root, `""` or ending in `/`) holds anything
/// but files of this build and the folders leading to them: a file no page claims, an empty
/// folder, a symbolic link, a name that is not UTF-8, or a name this build spells another way
/// (which the case-insensitive file systems of macOS and Windows let compare as the same file).
fn has_leftovers(dir: &Path, relative: &str, produced: &HashSet<String>) -> std::io::Result<bool> {
    let mut empty = true;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        empty = false;
        if relative.is_empty() && is_version_control(&entry.file_name()) {
            continue;
        }
        let Some(name) = entry.file_name().to_str().map(|name| format!("{relative}{name}")) else {
            return Ok(true);
        };
        let kind = entry.file_type()?;
        let leftover = if kind.is_dir() {
            has_leftovers(&entry.path(), &format!("{name}/"), produced)?
        } else {
            !kind.is_file() || !produced.contains(&name)
        };
        if leftover {
            return Ok(true);
        }
    }
    Ok(empty)
}

/// Moves the version-control folders in `from` that `output` lacks into it.
fn put_back_version_control(from: &Path, output: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(from)? {
        let name = entry?.file_name();
        if is_version_control(&name) && std::fs::symlink_metadata(output.join(&name)).is_err() {
            std::fs::rename(from.join(&name), output.join(&name))?;
        }
    }
    Ok(())
}

/// Whether `output` holds anything but version-control folders: a checkout of a `gh-pages` branch
/// with nothing else in it is as good as an empty folder.
fn has_site_files(output: &Path) -> std::io::Result<bool> {
    for entry in std::fs::read_dir(output)? {
        if !is_version_control(&entry?.file_name()) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Removes a folder and everything in it, folders in parallel: the old site of a large build has
/// tens of thousands of files, and removing them one by one was a sixth of a rebuild. A symbolic
/// link is removed, never followed.
fn remove_tree(path: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return std::fs::remove_file(path);
    }
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

    /// Every file under `dir` (links followed) with its content, as `relative/path=content`
    /// lines, the marker left out.
    fn tree(dir: &Path) -> Vec<String> {
        let mut files: Vec<String> = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file() && e.file_name() != MARKER)
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

    /// Nothing but the output folder (no staging, previous or replaced folder) is left beside it.
    fn only_output_left(dir: &Path) -> bool {
        std::fs::read_dir(dir).unwrap().count() == 1
    }

    fn marker(output: &Path) -> String {
        std::fs::read_to_string(output.join(MARKER)).unwrap()
    }

    #[cfg(unix)]
    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path).unwrap().ino()
    }

    #[test]
    fn commit_replaces_and_abandon_keeps_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        std::fs::create_dir_all(&output).unwrap();
        std::fs::write(output.join("stale.html"), "old").unwrap();
        std::fs::write(output.join(MARKER), "").unwrap();

        drop(build(&output, &[("a/index.html", "new")]));
        assert_eq!(tree(&output), ["stale.html=old"], "an abandoned build must not touch the site");
        assert_eq!(marker(&output), "");

        build(&output, &[("a/index.html", "new")]).commit().unwrap();
        assert_eq!(tree(&output), ["a/index.html=new"]);
        assert_eq!(marker(&output), MARKER_TEXT);
        assert!(only_output_left(dir.path()));
    }

    #[cfg(unix)]
    #[test]
    fn a_rebuild_moves_in_only_what_changed() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        build(&output, &[("a/index.html", "one"), ("b/index.html", "two")]).commit().unwrap();
        let (folder, a, b) =
            (inode(&output), inode(&output.join("a/index.html")), inode(&output.join("b/index.html")));

        let second =
            build(&output, &[("a/index.html", "one"), ("b/index.html", "TWO"), ("c/d/index.html", "new")]);
        assert_eq!(
            tree(&output),
            ["a/index.html=one", "b/index.html=two"],
            "nothing changes before the commit"
        );
        second.commit().unwrap();

        assert_eq!(tree(&output), ["a/index.html=one", "b/index.html=TWO", "c/d/index.html=new"]);
        assert_eq!(inode(&output), folder, "the folder is updated in place, not swapped");
        assert_eq!(inode(&output.join("a/index.html")), a, "an unchanged file is left as it was");
        assert_ne!(
            inode(&output.join("b/index.html")),
            b,
            "a changed file is replaced whole, never rewritten in place"
        );
        assert!(only_output_left(dir.path()));
    }

    #[cfg(unix)]
    #[test]
    fn files_no_page_claims_any_more_go_and_unchanged_ones_stay_linked() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        build(&output, &[("a/index.html", "one"), ("c/d/index.html", "gone")]).commit().unwrap();
        std::fs::create_dir(output.join("empty")).unwrap();
        let a = inode(&output.join("a/index.html"));

        build(&output, &[("a/index.html", "one")]).commit().unwrap();

        assert_eq!(tree(&output), ["a/index.html=one"]);
        assert!(!output.join("c").exists() && !output.join("empty").exists(), "old folders go too");
        assert_eq!(inode(&output.join("a/index.html")), a, "the unchanged file is the same file");
        assert!(only_output_left(dir.path()));
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

        assert_eq!(tree(&output), ["feed/index.html=folder", "kept.html=same", "news=file"]);
        assert_eq!(marker(&output), MARKER_TEXT);
        assert!(only_output_left(dir.path()));
    }

    /// Rendering threads write pages into shared folders at once: every page lands, whichever
    /// thread makes a folder; a file where a folder must go is an error, not a page lost.
    #[test]
    fn pages_written_at_once_share_their_folders_and_a_file_in_the_way_is_an_error() {
        use rayon::prelude::*;
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let sink = DiskSink::create(&output).unwrap();
        let pages: Vec<String> = (0..400)
            .map(|n| match n % 4 {
                0 => format!("2025/{:02}/index.html", n % 12 + 1),
                1 => format!("2025/{:02}/{:02}/index.html", n % 12 + 1, n % 28 + 1),
                _ => format!("2025/{:02}/{:02}/story-{n}/index.html", n % 12 + 1, n % 28 + 1),
            })
            .collect();
        pages.par_iter().for_each(|page| sink.write(page, page.as_bytes()).unwrap());
        sink.write("2025/01/02/plain", b"a file").unwrap();
        let in_the_way = sink.write("2025/01/02/plain/index.html", b"page");
        assert!(in_the_way.is_err(), "a file cannot hold a page");
        sink.commit().unwrap();
        for page in &pages {
            assert_eq!(std::fs::read_to_string(output.join(page)).unwrap(), *page);
        }
    }

    /// A site's static file replaces a page of the same path: it is written second, and the
    /// last write decides, whether or not either differs from the output.
    #[test]
    fn the_last_write_of_a_path_wins() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let writes = |page: &'static str| [("robots.txt", page), ("robots.txt", "static"), ("z.html", "z")];
        build(&output, &writes("generated")).commit().unwrap();
        assert_eq!(tree(&output), ["robots.txt=static", "z.html=z"]);
        build(&output, &writes("generated again")).commit().unwrap();
        assert_eq!(tree(&output), ["robots.txt=static", "z.html=z"]);
        let both_differ = [("robots.txt", "generated"), ("robots.txt", "new static"), ("z.html", "new z")];
        build(&output, &both_differ).commit().unwrap();
        assert_eq!(tree(&output), ["robots.txt=new static", "z.html=new z"]);
    }

    #[test]
    fn a_commit_that_fails_part_way_puts_the_old_files_back() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        build(&output, &[("a.html", "old a"), ("c.html", "old c")]).commit().unwrap();
        let before = tree(&output);

        let sink = build(&output, &[("a.html", "new a"), ("b/index.html", "new b"), ("c.html", "new c")]);
        // The last file to move in vanishes from the staging folder: its rename fails.
        std::fs::remove_file(sink.staging_dir().join("c.html")).unwrap();
        assert!(sink.commit().is_err());

        assert_eq!(tree(&output), before, "a.html and b/index.html were moved in, then taken out again");
        assert!(only_output_left(dir.path()), "no staging or replaced folder left behind");
    }

    #[cfg(unix)]
    #[test]
    fn links_in_the_output_are_replaced_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("x.css"), "css").unwrap();
        let output = dir.path().join("public");
        build(&output, &[("index.html", "home")]).commit().unwrap();
        std::os::unix::fs::symlink(&elsewhere, output.join("assets")).unwrap();

        build(&output, &[("index.html", "home"), ("assets/x.css", "css")]).commit().unwrap();

        assert!(std::fs::symlink_metadata(output.join("assets")).unwrap().is_dir(), "a real folder now");
        assert_eq!(tree(&output), ["assets/x.css=css", "index.html=home"]);
        assert_eq!(tree(&elsewhere), ["x.css=css"], "nothing outside the output is touched");
    }

    /// `public -> site`: the real folder is updated and the link stays.
    #[cfg(unix)]
    #[test]
    fn an_output_folder_reached_by_a_link_is_updated_where_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("site");
        std::fs::create_dir(&real).unwrap();
        let link = dir.path().join("public");
        std::os::unix::fs::symlink(&real, &link).unwrap();

        build(&link, &[("a.html", "one"), ("b.html", "two")]).commit().unwrap();
        build(&link, &[("a.html", "one"), ("b.html", "TWO")]).commit().unwrap();
        build(&link, &[("a.html", "one")]).commit().unwrap();

        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays");
        assert_eq!(tree(&real), ["a.html=one"]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "the site and the link, nothing else");
    }

    #[test]
    fn a_version_control_folder_in_the_output_survives_every_kind_of_build() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        // A fresh checkout of a `gh-pages` branch: only its repository.
        std::fs::create_dir_all(output.join(".git/refs")).unwrap();
        std::fs::write(output.join(".git/HEAD"), "ref: refs/heads/gh-pages").unwrap();
        let head = || std::fs::read_to_string(output.join(".git/HEAD")).unwrap();
        build(&output, &[("a/index.html", "one")]).commit().unwrap();
        assert_eq!(head(), "ref: refs/heads/gh-pages", "a first build keeps it");
        // Files moved in.
        build(&output, &[("a/index.html", "two")]).commit().unwrap();
        assert_eq!(head(), "ref: refs/heads/gh-pages");
        // A page gone: the whole folder is swapped.
        build(&output, &[("b/index.html", "three")]).commit().unwrap();
        assert_eq!(head(), "ref: refs/heads/gh-pages", "a swapped-in folder takes it along");
        assert_eq!(
            tree(&output).iter().filter(|f| !f.starts_with(".git")).collect::<Vec<_>>(),
            ["b/index.html=three"]
        );
        assert!(only_output_left(dir.path()));
        // Not a file of the site: an abandoned build leaves it, and a folder with anything
        // else Gazette did not write is still refused.
        drop(build(&output, &[("c/index.html", "four")]));
        assert_eq!(head(), "ref: refs/heads/gh-pages");
        let other = dir.path().join("other");
        std::fs::create_dir_all(other.join(".git")).unwrap();
        std::fs::write(other.join("index.html"), "Hugo's").unwrap();
        assert!(DiskSink::create(&other).is_err());
        // A build stopped after carrying the repository into its staging folder: the next one
        // puts it back before it clears the leftover.
        let sink = DiskSink::create(&output).unwrap();
        std::fs::rename(output.join(".git"), sink.staging_dir().join(".git")).unwrap();
        std::mem::forget(sink);
        build(&output, &[("d/index.html", "five")]).commit().unwrap();
        assert_eq!(head(), "ref: refs/heads/gh-pages");
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
