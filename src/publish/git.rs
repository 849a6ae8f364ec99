//! The `git` target: commit the site as the new tip of a branch and push it (GitHub Pages and
//! alike), keeping the branch's history.
//!
//! Shells out to the machine's `git`, so remotes, credentials, SSH keys and proxies are git's
//! business and behave as they do for the user. A work folder holds a clone of just that branch:
//! fetched, reset to the remote tip, its tree replaced by the site plus `.nojekyll` (and `CNAME`
//! when configured), committed only when something changed, pushed. A first publish creates the
//! branch as an orphan. A run that committed but failed to push is finished by the next run,
//! which pushes whatever the remote lacks.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::config::{Target, TargetConfig};
use super::dir::{copy_into_place, join, prune_empty_parents};
use super::error::PublishError;
use super::hash;
use super::plan::Plan;
use super::site::LocalFile;
use super::{Outcome, PublishOptions, PublishProgress};

/// Commit message when the target sets none.
const DEFAULT_MESSAGE: &str = "Publish site with gazette";

/// Commit `files` to the target's branch and push.
pub(crate) fn publish(
    files: &[LocalFile],
    target: &Target,
    options: &PublishOptions,
    progress: &dyn PublishProgress,
) -> Result<Outcome, PublishError> {
    let TargetConfig::Git { remote, branch, cname, message } = &target.kind else {
        return Err(PublishError::config("not a git target"));
    };
    let work = WorkDir::new(options.work_dir.as_deref())?;
    let git = Git { dir: work.path(), env: &options.env };
    let remote_exists = git.prepare(&absolute_remote(remote), branch)?;

    let generated = generated_files(cname.as_deref());
    let mut wanted: Vec<LocalFile> =
        files.iter().filter(|f| !generated.contains_key(f.rel.as_str())).cloned().collect();
    for (rel, content) in &generated {
        wanted.push(LocalFile {
            rel: (*rel).to_owned(),
            abs: PathBuf::new(),
            size: content.len() as u64,
            hash: hash::sha256_hex(content.as_bytes()),
        });
    }
    wanted.sort_by(|a, b| a.rel.cmp(&b.rel));

    let plan = Plan::compute(&wanted, &git.tracked_files()?);
    if options.dry_run {
        return Ok(Outcome::dry(plan));
    }
    plan.check_deletes(options.max_deletes, &target.kind.describe())?;

    progress.start(plan.uploads.len(), plan.upload_bytes());
    let written = write_tree(&plan, &wanted, &generated, work.path(), progress);
    progress.finish();
    let bytes = written?;
    for rel in &plan.deletes {
        let path = join(work.path(), rel);
        std::fs::remove_file(&path).map_err(|e| PublishError::io("delete", &path, e))?;
        prune_empty_parents(work.path(), &path);
    }

    git.run(&["add", "--all", "--force", "."])?;
    if !git.run(&["status", "--porcelain"])?.stdout.is_empty() {
        git.commit(message.as_deref().unwrap_or(DEFAULT_MESSAGE))?;
    }
    if !remote_exists || git.rev("HEAD")? != git.rev(&format!("refs/remotes/origin/{branch}"))? {
        git.run(&["push", "--quiet", "origin", &format!("HEAD:refs/heads/{branch}")])?;
    }
    Ok(Outcome::done(plan, bytes))
}

/// Files the target adds to the site: `.nojekyll` (so GitHub Pages serves `_`-folders),
/// `CNAME` when a custom domain is set, and the output folder's marker: a clone of the branch
/// kept as `public/` (`git clone -b gh-pages … public`) is then a folder Gazette wrote, which a
/// build replaces, where a folder without it is refused.
fn generated_files(cname: Option<&str>) -> BTreeMap<&'static str, String> {
    let mut out = BTreeMap::from([
        (".nojekyll", String::new()),
        (crate::emit::MARKER, crate::emit::MARKER_TEXT.to_string()),
    ]);
    if let Some(cname) = cname.map(str::trim).filter(|c| !c.is_empty()) {
        out.insert("CNAME", format!("{cname}\n"));
    }
    out
}

/// Write the planned uploads into the work tree; the bytes written.
fn write_tree(
    plan: &Plan,
    wanted: &[LocalFile],
    generated: &BTreeMap<&'static str, String>,
    work: &Path,
    progress: &dyn PublishProgress,
) -> Result<u64, PublishError> {
    let by_path: BTreeMap<&str, &LocalFile> = wanted.iter().map(|f| (f.rel.as_str(), f)).collect();
    let mut bytes = 0;
    for upload in &plan.uploads {
        let to = join(work, &upload.path);
        if let Some(content) = generated.get(upload.path.as_str()) {
            std::fs::write(&to, content).map_err(|e| PublishError::io("write", &to, e))?;
        } else if let Some(file) = by_path.get(upload.path.as_str()) {
            copy_into_place(&file.abs, &to)?;
        }
        bytes += upload.bytes;
        progress.uploaded(&upload.path, upload.bytes);
    }
    Ok(bytes)
}

/// A remote that names an existing local folder, made absolute: git runs in the work folder, so
/// a relative path would otherwise be taken from there.
fn absolute_remote(remote: &str) -> String {
    let path = Path::new(remote);
    if path.is_relative()
        && path.exists()
        && let Ok(abs) = std::path::absolute(path)
    {
        return abs.display().to_string();
    }
    remote.to_owned()
}

/// The work folder: the configured one (kept), or a temporary one removed on drop.
struct WorkDir {
    path: PathBuf,
    temporary: bool,
}

impl WorkDir {
    fn new(configured: Option<&Path>) -> Result<Self, PublishError> {
        let (path, temporary) = match configured {
            Some(path) => (path.to_path_buf(), false),
            None => {
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.subsec_nanos());
                let name = format!("gazette-publish-{}-{nanos}", std::process::id());
                (std::env::temp_dir().join(name), true)
            }
        };
        std::fs::create_dir_all(&path).map_err(|e| PublishError::io("create the folder", &path, e))?;
        Ok(Self { path, temporary })
    }

    fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        if self.temporary {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// `git` run in one folder.
struct Git<'a> {
    dir: &'a Path,
    env: &'a [(String, String)],
}

impl Git<'_> {
    /// Run git with `args`; an error when it cannot start or exits non-zero.
    fn run(&self, args: &[&str]) -> Result<Output, PublishError> {
        self.run_with(&[], args)
    }

    fn run_with(&self, config: &[&str], args: &[&str]) -> Result<Output, PublishError> {
        let output = self.output(config, args)?;
        if output.status.success() {
            Ok(output)
        } else {
            Err(self.error(args, String::from_utf8_lossy(&output.stderr).trim().to_owned()))
        }
    }

    /// Run git with `args` whatever its exit status; an error only when it cannot start.
    fn output(&self, config: &[&str], args: &[&str]) -> Result<Output, PublishError> {
        Command::new("git")
            .args(config)
            .args(args)
            .current_dir(self.dir)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .output()
            .map_err(|e| {
                let stderr = if e.kind() == std::io::ErrorKind::NotFound {
                    "git is not installed or not on PATH; install git to publish to a git target".to_owned()
                } else {
                    e.to_string()
                };
                self.error(args, stderr)
            })
    }

    fn error(&self, args: &[&str], stderr: String) -> PublishError {
        PublishError::Git { command: format!("git {}", args.join(" ")), dir: self.dir.to_path_buf(), stderr }
    }

    /// Make the work folder a checkout of `branch` as it is at `remote` (or an empty orphan
    /// branch when the remote does not have it yet). Returns whether the remote has the branch.
    fn prepare(&self, remote: &str, branch: &str) -> Result<bool, PublishError> {
        if !self.dir.join(".git").exists() {
            self.run(&["init", "--quiet"])?;
        }
        if self.output(&[], &["remote", "get-url", "origin"])?.status.success() {
            self.run(&["remote", "set-url", "origin", remote])?;
        } else {
            self.run(&["remote", "add", "origin", remote])?;
        }
        let head = format!("refs/heads/{branch}");
        let listed = self.run(&["ls-remote", "--heads", "origin", &head])?;
        let exists = !listed.stdout.is_empty();
        if exists {
            let tracking = format!("refs/remotes/origin/{branch}");
            self.run(&["fetch", "--quiet", "--no-tags", "origin", &format!("+{head}:{tracking}")])?;
            self.run(&["checkout", "--quiet", "--force", "-B", branch, &tracking])?;
        } else {
            self.run(&["symbolic-ref", "HEAD", &head])?;
            if self.output(&[], &["rev-parse", "--verify", "--quiet", &head])?.status.success() {
                self.run(&["update-ref", "-d", &head])?;
            }
            self.run(&["read-tree", "--empty"])?;
        }
        self.run(&["clean", "--quiet", "--force", "-d", "-x"])?;
        Ok(exists)
    }

    /// Files in the work tree (which matches the branch tip after [`Git::prepare`]) with their
    /// content hashes.
    fn tracked_files(&self) -> Result<BTreeMap<String, Option<String>>, PublishError> {
        let listed = self.run(&["ls-files", "-z"])?;
        let mut out = BTreeMap::new();
        for rel in listed.stdout.split(|b| *b == 0).filter(|p| !p.is_empty()) {
            let rel = String::from_utf8_lossy(rel).into_owned();
            let path = join(self.dir, &rel);
            let hash = if path.is_file() { Some(hash::sha256_file(&path)?.0) } else { None };
            out.insert(rel, hash);
        }
        Ok(out)
    }

    /// The commit `rev` names.
    fn rev(&self, rev: &str) -> Result<String, PublishError> {
        let out = self.run(&["rev-parse", "--verify", "--quiet", rev])?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    /// Commit the index. When git knows no identity (a fresh CI machine), commit as Gazette
    /// rather than fail.
    fn commit(&self, message: &str) -> Result<(), PublishError> {
        let has_identity = self.env.iter().any(|(k, _)| k == "GIT_COMMITTER_EMAIL")
            || std::env::var_os("GIT_COMMITTER_EMAIL").is_some()
            || self.output(&[], &["config", "user.email"])?.status.success();
        let config: &[&str] = if has_identity {
            &[]
        } else {
            &["-c", "user.name=Gazette", "-c", "user.email=gazette@localhost"]
        };
        self.run_with(config, &["commit", "--quiet", "--no-verify", "-m", message])?;
        Ok(())
    }
}
