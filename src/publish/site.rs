//! Reading the finished output folder: every file, its path relative to the root (always with
//! `/`), its size and content hash.
//!
//! This is the "local" side of every plan. Folders that are never site content are skipped:
//! version-control folders (a folder can be a checkout: [`crate::emit::VERSION_CONTROL`]) and
//! `.gazette-cache` (publish state may live there).

use std::path::{Path, PathBuf};

use super::error::PublishError;
use super::hash;

/// Whether a folder of this name is never part of a site, at any depth.
pub(crate) fn is_skipped_dir(name: &std::ffi::OsStr) -> bool {
    name == ".gazette-cache" || crate::emit::is_version_control(name)
}

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalFile {
    /// Path from the site root, `/`-separated, e.g. `2024/05/story.html`.
    pub rel: String,
    /// Where the file is on disk.
    pub abs: PathBuf,
    /// Length in bytes.
    pub size: u64,
    /// Hex SHA-256 of the content.
    pub hash: String,
}

/// Every file under `root`, sorted by relative path, hashed.
pub fn scan(root: &Path) -> Result<Vec<LocalFile>, PublishError> {
    let paths = list(root)?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8);
    let chunk = paths.len().div_ceil(threads).max(1);
    let results: Vec<Result<Vec<LocalFile>, PublishError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(rel, abs)| {
                            let (hash, size) = hash::sha256_file(abs)?;
                            Ok(LocalFile { rel: rel.clone(), abs: abs.clone(), size, hash })
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(PublishError::io("hash files in", root, std::io::Error::other("worker panicked")))
                })
            })
            .collect()
    });
    let mut files = Vec::with_capacity(paths.len());
    for part in results {
        files.extend(part?);
    }
    Ok(files)
}

/// Every file under `root` as (relative path, absolute path), sorted, without hashing.
pub(crate) fn list(root: &Path) -> Result<Vec<(String, PathBuf)>, PublishError> {
    let meta = std::fs::metadata(root).map_err(|e| PublishError::io("read the folder", root, e))?;
    if !meta.is_dir() {
        return Err(PublishError::io(
            "read the folder",
            root,
            std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a folder"),
        ));
    }
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
    // A `.git` may be a file too: a `git worktree` checkout's pointer to its repository.
    let walker = walker.filter_entry(|entry| {
        let name = entry.file_name();
        !(entry.depth() > 0
            && (crate::emit::is_version_control(name) || entry.file_type().is_dir() && is_skipped_dir(name)))
    });
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(root).to_path_buf();
            PublishError::io("read", path, e.into())
        })?;
        // The marker Gazette leaves in its output folder is not part of the site.
        if !entry.file_type().is_file() || (entry.depth() == 1 && entry.file_name() == ".gazette") {
            continue;
        }
        let abs = entry.path().to_path_buf();
        let rel = relative(root, &abs)?;
        out.push((rel, abs));
    }
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// `abs` relative to `root`, `/`-separated; an error for names that are not UTF-8.
fn relative(root: &Path, abs: &Path) -> Result<String, PublishError> {
    let rel = abs.strip_prefix(root).map_err(|_| PublishError::UnsupportedName {
        path: abs.to_path_buf(),
        reason: format!("not inside {}", root.display()),
    })?;
    let mut parts = Vec::new();
    for part in rel.components() {
        let part = part.as_os_str().to_str().ok_or_else(|| PublishError::UnsupportedName {
            path: abs.to_path_buf(),
            reason: "the name is not valid UTF-8".to_owned(),
        })?;
        parts.push(part);
    }
    Ok(parts.join("/"))
}
