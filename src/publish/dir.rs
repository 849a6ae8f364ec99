//! The `dir` target: keep a local folder identical to the output folder, leaving alone the files
//! no publish wrote unless told to delete them (the record of what a publish wrote is kept in the
//! folder as [`MANIFEST`]).
//!
//! For a folder served by a local web server, or a mounted share. Files are compared by content
//! hash (only when sizes agree; a different size is already a change), written to a temporary
//! name and renamed into place so a reader never sees half a file, and stale files are removed
//! only after every copy succeeded. Folders emptied by those removals go too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::error::PublishError;
use super::plan::Plan;
use super::site::{self, LocalFile};
use super::{MANIFEST, Outcome, PublishOptions, PublishProgress, hash};

/// Synchronise `dest` with `files`.
pub(crate) fn publish(
    site_dir: &Path,
    files: &[LocalFile],
    dest: &Path,
    options: &PublishOptions,
    progress: &dyn PublishProgress,
) -> Result<Outcome, PublishError> {
    if let (Ok(site), Ok(dest_abs)) = (site_dir.canonicalize(), std::path::absolute(dest))
        && (dest_abs.starts_with(&site) || site.starts_with(&dest_abs))
    {
        return Err(PublishError::config(format!(
            "the dir target {} and the output folder {} must not contain one another",
            dest.display(),
            site_dir.display()
        )));
    }
    let remote = existing(files, dest)?;
    let mut plan = Plan::compute(files, &remote);
    let (mut published, damaged) = published_before(dest)?;
    // A copy cut short leaves its temporary file (`.name.gazette-tmp`): that is ours too.
    published.extend(remote.keys().filter(|rel| rel.ends_with(TEMPORARY_SUFFIX)).cloned());
    plan.keep_unpublished(&published, options.yes);
    if options.dry_run {
        return Ok(Outcome { warnings: damaged.into_iter().collect(), ..Outcome::dry(plan) });
    }
    plan.check_deletes(options.max_deletes, &dest.display().to_string())?;
    // Recorded before anything changes, so a publish cut short still knows every file it may
    // have written: the next one deletes them when the site no longer has them.
    if !plan.is_empty() {
        let claimed = published.iter().cloned().chain(files.iter().map(|file| file.rel.clone())).collect();
        record(dest, claimed).map_err(|e| PublishError::io("write", dest.join(MANIFEST), e))?;
    }
    let by_path: BTreeMap<&str, &LocalFile> = files.iter().map(|f| (f.rel.as_str(), f)).collect();
    progress.start(plan.uploads.len(), plan.upload_bytes());
    let copied = copy_all(&plan, &by_path, dest, progress);
    progress.finish();
    let bytes = copied?;
    for rel in &plan.deletes {
        let path = join(dest, rel);
        std::fs::remove_file(&path).map_err(|e| PublishError::io("delete", &path, e))?;
        prune_empty_parents(dest, &path);
    }
    let mut outcome = Outcome { warnings: damaged.into_iter().collect(), ..Outcome::done(plan, bytes) };
    if let Err(error) = record(dest, files.iter().map(|file| file.rel.clone()).collect()) {
        outcome.warnings.push(format!(
            "the site is published, but its record could not be brought up to date ({error}); the next publish still knows every file it wrote"
        ));
    }
    Ok(outcome)
}

/// The end of the temporary names files are copied to before they are renamed into place.
const TEMPORARY_SUFFIX: &str = ".gazette-tmp";

/// The files publishes to `dest` wrote, from the record they left ([`MANIFEST`]); none when there
/// is no record (a first publish, a folder published to by other means or by a Gazette that kept
/// no record), and none with a warning when the record is damaged: nothing is then deleted
/// without --yes. A record that is there but cannot be read is an error.
fn published_before(dest: &Path) -> Result<(BTreeSet<String>, Option<String>), PublishError> {
    let path = dest.join(MANIFEST);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok((BTreeSet::new(), None)),
        Err(error) => return Err(PublishError::io("read", &path, error)),
    };
    Ok(match serde_json::from_slice::<Record>(&bytes) {
        Ok(record) => (record.files, None),
        Err(error) => (
            BTreeSet::new(),
            Some(format!(
                "{} could not be read ({error}): files the site no longer has are kept until a publish with --yes",
                path.display()
            )),
        ),
    })
}

/// Writes the record of the files publishes left at `dest`, through a temporary file.
fn record(dest: &Path, files: BTreeSet<String>) -> std::io::Result<()> {
    std::fs::create_dir_all(dest)?;
    let temporary = dest.join(format!("{MANIFEST}{TEMPORARY_SUFFIX}"));
    std::fs::write(&temporary, serde_json::to_vec(&Record { files })?)?;
    std::fs::rename(&temporary, dest.join(MANIFEST))
}

/// What [`MANIFEST`] holds at a folder target.
#[derive(serde::Serialize, serde::Deserialize)]
struct Record {
    /// Every file the publish left, `/`-separated from the folder.
    files: BTreeSet<String>,
}

/// Copy every planned upload; the bytes copied.
fn copy_all(
    plan: &Plan,
    by_path: &BTreeMap<&str, &LocalFile>,
    dest: &Path,
    progress: &dyn PublishProgress,
) -> Result<u64, PublishError> {
    let mut bytes = 0;
    for upload in &plan.uploads {
        let Some(file) = by_path.get(upload.path.as_str()) else { continue };
        copy_into_place(&file.abs, &join(dest, &upload.path))?;
        bytes += file.size;
        progress.uploaded(&upload.path, file.size);
    }
    Ok(bytes)
}

/// What `dest` holds: every file, with its hash where a site file of the same path and size
/// makes it worth computing (`None` otherwise: it differs or is stale).
fn existing(files: &[LocalFile], dest: &Path) -> Result<BTreeMap<String, Option<String>>, PublishError> {
    if !dest.exists() {
        return Ok(BTreeMap::new());
    }
    let sizes: BTreeMap<&str, u64> = files.iter().map(|f| (f.rel.as_str(), f.size)).collect();
    let mut remote = BTreeMap::new();
    for (rel, abs) in site::list(dest)? {
        if rel == MANIFEST {
            continue;
        }
        let same_size = match sizes.get(rel.as_str()) {
            Some(size) => std::fs::metadata(&abs).map(|m| m.len() == *size).unwrap_or(false),
            None => false,
        };
        let hash = if same_size { Some(hash::sha256_file(&abs)?.0) } else { None };
        remote.insert(rel, hash);
    }
    Ok(remote)
}

/// `rel` (`/`-separated) under `root`.
pub(crate) fn join(root: &Path, rel: &str) -> PathBuf {
    rel.split('/').fold(root.to_path_buf(), |path, part| path.join(part))
}

/// Copy `from` to `to` through a temporary file beside `to`, then rename it into place.
pub(crate) fn copy_into_place(from: &Path, to: &Path) -> Result<(), PublishError> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(|e| PublishError::io("create the folder", parent, e))?;
    }
    let name = to.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = to.with_file_name(format!(".{name}{TEMPORARY_SUFFIX}"));
    std::fs::copy(from, &tmp).map_err(|e| PublishError::io("copy to", &tmp, e))?;
    std::fs::rename(&tmp, to).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        PublishError::io("replace", to, e)
    })
}

/// Remove the folders between `file` and `root` that are now empty.
pub(crate) fn prune_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
