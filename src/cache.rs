//! Knowing that nothing changed: a fingerprint of every input of a build, kept between builds.
//!
//! A build's output depends on the Gazette binary, the resolved config, every file under the
//! content folder, the theme and the site's templates and static files, and the clock (scheduled
//! and expiring articles, the two-day news sitemap). The fingerprint covers the files by path,
//! size and modification time, as make does, and the build records until when its output stays
//! right. When a new build finds the same fingerprint, the output folder intact and the clock
//! still before that moment, it has nothing to do and writes nothing.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::config::Config;

/// What a successful build leaves behind for the next one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BuildState {
    /// Fingerprint of every input.
    pub fingerprint: String,
    /// The time the build was made for (seconds since the epoch): an earlier `--now` may hide
    /// articles this build showed, so it rebuilds.
    pub built_for: i64,
    /// The output is right until this moment (seconds since the epoch); none: forever.
    pub valid_until: Option<i64>,
    /// Files in the output folder, to notice a file someone added or removed.
    pub files: usize,
    /// When the output folder became this build's (nanoseconds since 1970): a file modified
    /// later was changed by someone else, and the next build writes it again, as Hugo's and
    /// Zola's would. None in a state written before this was recorded: such a state never says
    /// the output is up to date.
    #[serde(default)]
    pub committed_at: Option<u128>,
    /// The build's warnings, said again by a build that finds nothing to do: they still hold,
    /// and a site owner running `build` twice should not take silence for a fix.
    #[serde(default)]
    pub warnings: Vec<crate::Diagnostic>,
    /// The published headlines Gazette made, listed again by `build --verbose` when nothing
    /// changed, as the warnings are.
    #[serde(default)]
    pub guessed_titles: Vec<(String, String)>,
    /// The options the build was made with that show what a published site must not
    /// (`--drafts`, `--future`, `--expired`), so `publish --no-build` can refuse to upload it.
    #[serde(default)]
    pub shows_hidden: Vec<String>,
    /// The base URL the pages were made for (empty in a state written before it was recorded).
    #[serde(default)]
    pub base_url: String,
}

impl BuildState {
    /// Why the output this state describes is not the site `config` publishes at `now` (a
    /// preview built with `--drafts`, for another address, or for a later time), if it is not.
    pub fn unpublishable(&self, config: &Config, now: jiff::Timestamp) -> Option<String> {
        if !self.shows_hidden.is_empty() {
            return Some(format!(
                "was built with {}, so it holds articles a published site must not show",
                self.shows_hidden.join(" ")
            ));
        }
        if !self.base_url.is_empty() && self.base_url != config.base_url {
            return Some(format!(
                "was built for {} (its links, feeds and sitemap point there), not for base_url {}",
                self.base_url, config.base_url
            ));
        }
        if self.valid_until.is_some_and(|until| until <= now.as_second()) {
            return Some(
                "is out of date: a story's publish_date or expiry_date has come since it was built"
                    .to_string(),
            );
        }
        // A build for a later clock (`--now`) shows embargoed stories.
        (self.built_for > now.as_second() + 60).then(|| {
            "was built with --now set to a later time, so it shows stories held back until then".to_string()
        })
    }

    /// Whether the state says how the build was made (states written before Gazette recorded
    /// it do not, and [`BuildState::unpublishable`] cannot tell a preview by them).
    pub fn records_how_it_was_built(&self) -> bool {
        !self.base_url.is_empty()
    }
}

/// Where the state is kept: `.gazette-cache/` in the site root, one file per output folder.
pub fn state_file(config: &Config) -> PathBuf {
    let name = config.output_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let hash = hex(&Sha256::digest(config.output_dir.to_string_lossy().as_bytes()))[..12].to_string();
    config.root.join(".gazette-cache").join(format!("build-{name}-{hash}.json"))
}

/// The fingerprint of every input of a build of `config`.
pub fn fingerprint(config: &Config) -> String {
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION"));
    if let Ok(exe) = std::env::current_exe() {
        stamp(&mut hasher, &exe);
    }
    hasher.update(format!("{config:?}"));
    for dir in [
        &config.content_dir,
        &config.theme_dir(),
        &config.site_templates_dir(),
        &config.site_static_dir(),
        &config.site_translations_dir(),
    ] {
        hasher.update(dir.to_string_lossy().as_bytes());
        let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|entry| entry.file_type().is_file())
            .map(walkdir::DirEntry::into_path)
            .collect();
        // The walk reads folders only; asking every file for its size and time is the slow part
        // (10,000 articles: 10,000 calls), so it is shared among threads, and hashed in order.
        let stamps: Vec<Option<(u64, Option<u128>)>> =
            files.par_iter().map(|file| size_and_time(file)).collect();
        for (file, stamp) in files.iter().zip(stamps) {
            hash_stamp(&mut hasher, file, stamp);
        }
    }
    if let Some(file) = &config.config_file {
        stamp(&mut hasher, file);
    }
    hex(&hasher.finalize())
}

/// True when `state` says the output folder already holds this build.
pub fn up_to_date(config: &Config, state: &BuildState, fingerprint: &str, now: jiff::Timestamp) -> bool {
    state.fingerprint == fingerprint
        && state.built_for <= now.as_second()
        && state.valid_until.is_none_or(|until| now.as_second() < until)
        && state
            .committed_at
            .is_some_and(|committed| output_intact(&config.output_dir, state.files, committed))
}

/// The time now, as [`BuildState::committed_at`] records it.
pub fn now_nanos() -> Option<u128> {
    epoch_nanos(std::time::SystemTime::now())
}

/// `time` in nanoseconds since 1970, the unit of file times here.
fn epoch_nanos(time: std::time::SystemTime) -> Option<u128> {
    time.duration_since(std::time::UNIX_EPOCH).ok().map(|since| since.as_nanos())
}

/// Whether `dir` still holds `files` files, none of them modified after `committed` (files the
/// build kept from an earlier one are older still), and no folder of it changed since: a file
/// renamed, added or removed changes its folder's modification time, though a rename keeps the
/// file's own time and the count. A damaged page or a deleted one makes the next build run:
/// someone repairing a site by building it again expects it to be repaired, and `publish`
/// would otherwise upload the damage.
fn output_intact(dir: &Path, files: usize, committed: u128) -> bool {
    dir.is_dir() && unmodified_files(dir, committed, 0) == Some(files)
}

/// Folders deeper than this under the output make it not intact: Gazette writes five levels, and
/// the walk below recurses once per level.
const DEEPEST_OUTPUT: usize = 64;

/// How many files are under `dir`, `depth` folders below the output folder (Gazette's marker and
/// version-control folders at the top are not counted), or `None` as soon as one of them or a
/// folder was modified after `committed`, or a folder cannot be read. A 10,000-article site has
/// 18,000 folders; reading them one after the other was most of a no-op build, so sub-folders
/// are read in parallel, and the time of each file is asked through its folder's entry (one call
/// per file, not a path lookup from the top).
/// Symbolic links are not followed, and not counted.
fn unmodified_files(dir: &Path, committed: u128, depth: usize) -> Option<usize> {
    if depth > DEEPEST_OUTPUT {
        return None;
    }
    // An output folder that is a link is read through it, and the link itself too: pointed at
    // another release (`ln -sfn`), it is a new link. (The folders below are walked only where
    // they are folders, not links.)
    let changed = |meta: std::io::Result<std::fs::Metadata>| {
        meta.ok().and_then(|meta| epoch_nanos(meta.modified().ok()?)).is_none_or(|time| time > committed)
    };
    if changed(std::fs::metadata(dir)) || (depth == 0 && changed(std::fs::symlink_metadata(dir))) {
        return None;
    }
    let mut folders = Vec::new();
    let mut count = 0;
    for entry in std::fs::read_dir(dir).ok()? {
        let entry = entry.ok()?;
        let kind = entry.file_type().ok()?;
        if depth == 0 && crate::emit::is_version_control(&entry.file_name()) {
            // Not the site's: a commit in `public/.git` is no change to the site.
            continue;
        }
        if kind.is_dir() {
            folders.push(entry.path());
        } else if kind.is_file() && !(depth == 0 && entry.file_name() == crate::emit::MARKER) {
            let modified = epoch_nanos(entry.metadata().ok()?.modified().ok()?)?;
            if modified > committed {
                return None;
            }
            count += 1;
        }
    }
    let nested = folders
        .par_iter()
        .map(|folder| unmodified_files(folder, committed, depth + 1))
        .try_reduce(|| 0, |a, b| Some(a + b))?;
    Some(count + nested)
}

/// Reads the state of the last build, if any.
pub fn load(config: &Config) -> Option<BuildState> {
    serde_json::from_slice(&std::fs::read(state_file(config)).ok()?).ok()
}

/// Records a successful build. Failing to record only costs the next build its shortcut.
pub fn save(config: &Config, state: &BuildState) {
    let path = state_file(config);
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    if let Ok(text) = serde_json::to_vec(state) {
        let _ = std::fs::write(path, text);
    }
}

fn stamp(hasher: &mut Sha256, path: &Path) {
    hash_stamp(hasher, path, size_and_time(path));
}

/// Feeds a file's path and, when known, its [`size_and_time`] to the fingerprint.
fn hash_stamp(hasher: &mut Sha256, path: &Path, stamp: Option<(u64, Option<u128>)>) {
    hasher.update(path.to_string_lossy().as_bytes());
    if let Some((size, time)) = stamp {
        hasher.update(size.to_le_bytes());
        if let Some(nanos) = time {
            hasher.update(nanos.to_le_bytes());
        }
    }
}

/// A file's size and modification time (nanoseconds since 1970), as far as they can be read.
fn size_and_time(path: &Path) -> Option<(u64, Option<u128>)> {
    let metadata = std::fs::metadata(path).ok()?;
    let time = metadata.modified().ok().and_then(epoch_nanos);
    Some((metadata.len(), time))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_check_counts_files_not_the_marker_nor_links_and_refuses_a_tree_too_deep() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join(crate::emit::MARKER), "").unwrap();
        std::fs::write(out.join("index.html"), "").unwrap();
        std::fs::create_dir_all(out.join("2025/03/harbour")).unwrap();
        std::fs::write(out.join("2025/03/harbour/index.html"), "").unwrap();
        // The marker is Gazette's only at the top.
        std::fs::write(out.join("2025").join(crate::emit::MARKER), "").unwrap();
        std::os::unix::fs::symlink(out.join("index.html"), out.join("2025/link.html")).unwrap();
        let later = now_nanos().unwrap() + 1_000_000_000;
        assert_eq!(unmodified_files(out, later, 0), Some(3));
        assert!(output_intact(out, 3, later));
        assert!(!output_intact(out, 4, later), "a file fewer than the build wrote");
        assert!(!output_intact(out, 3, 0), "a file changed after the build");
        assert!(!output_intact(&out.join("missing"), 0, later));
        // A commit in a `gh-pages` checkout kept in the output is no change to the site.
        std::fs::create_dir_all(out.join(".git/objects")).unwrap();
        std::fs::write(out.join(".git/objects/ab"), "").unwrap();
        assert_eq!(unmodified_files(out, later, 0), Some(3));
        std::fs::create_dir_all(out.join("2025/.git")).unwrap();
        std::fs::write(out.join("2025/.git/HEAD"), "").unwrap();
        assert_eq!(unmodified_files(out, later, 0), Some(4), "only at the top");
        let mut deep = out.join("deep");
        for _ in 0..=DEEPEST_OUTPUT {
            deep.push("d");
        }
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(unmodified_files(out, later, 0), None, "deeper than Gazette ever writes");
    }

    /// A file renamed keeps its time and the count; its folder's time tells. An output folder
    /// that is a link is read through it (helper-69).
    #[test]
    fn a_renamed_file_is_a_change_through_a_linked_output_too() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir_all(real.join("2025")).unwrap();
        std::fs::write(real.join("index.html"), "").unwrap();
        std::fs::write(real.join("2025/index.html"), "").unwrap();
        let link = dir.path().join("public");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        // Past the file system's clock tick, which is coarser than the build's clock, both ways.
        std::thread::sleep(std::time::Duration::from_millis(50));
        let committed = now_nanos().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(output_intact(&link, 2, committed));
        std::fs::rename(real.join("index.html"), real.join("old.html")).unwrap();
        assert!(!output_intact(&link, 2, committed), "renamed at the top");
        assert!(!output_intact(&real, 2, committed));
        // The link pointed at another copy of the site, older than the build (helper-70).
        let other = dir.path().join("other");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("index.html"), "").unwrap();
        std::fs::write(other.join("about.html"), "").unwrap();
        let committed = now_nanos().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(output_intact(&other, 2, committed));
        std::fs::remove_file(&link).unwrap();
        std::os::unix::fs::symlink(&other, &link).unwrap();
        assert!(!output_intact(&link, 2, committed), "a link made after the build");
    }
}
