//! Publishing: copy a finished output folder to where the site is served from.
//!
//! Publishing never looks inside pages; it sees only a folder of files. [`deploy`] reads that
//! folder ([`site`]), asks the target what it already holds, turns the difference into a [`Plan`]
//! ([`plan`]), checks the plan against the safety limits in [`PublishOptions`], and then lets the
//! target carry it out: uploads first, deletions only after every upload succeeded. Because the
//! decision is made by content hash, an interrupted publish is finished by running it again.
//!
//! Targets: a local folder ([`dir`]), a branch of a git repository ([`git`]), and an
//! S3-compatible bucket ([`s3`]). Their configuration is [`Target`], read from `site.yaml`.

pub mod config;
pub mod dir;
pub mod error;
pub mod git;
pub mod hash;
pub mod headers;
pub mod plan;
pub mod s3;
pub mod site;

use std::path::{Path, PathBuf};
use std::time::Instant;

pub use self::config::{CacheRule, Target, TargetConfig};
pub use self::error::PublishError;
pub use self::plan::{Change, Plan, Upload};

/// The record a publish leaves at a folder or bucket target of what it published there, so the
/// next publish knows which files there are its own to delete. It is never planned for deletion,
/// and a site may not have a file of this name.
pub const MANIFEST: &str = ".gazette-publish-manifest.json";

/// The default for [`PublishOptions::max_deletes`].
pub const DEFAULT_MAX_DELETES: usize = 256;

/// How a publish runs, as chosen on the command line.
#[derive(Debug, Clone)]
pub struct PublishOptions {
    /// Work out the plan and return it, changing nothing at the target.
    pub dry_run: bool,
    /// Refuse to publish when the plan deletes more than this many files at the target (a dry
    /// run returns the plan all the same).
    pub max_deletes: usize,
    /// The user confirmed up front (`--yes`), or said yes when asked: files at the target that
    /// no earlier publish wrote are deleted too (without it they are kept, [`Plan::kept`]). The
    /// library never prompts; the CLI asks on a terminal and sets this from the answer.
    pub yes: bool,
    /// A folder a target may keep working state in between runs (the git target keeps its
    /// clone there, e.g. `.gazette-cache/publish/NAME`). `None`: a temporary folder, removed
    /// afterwards, so every git publish clones afresh.
    pub work_dir: Option<PathBuf>,
    /// Environment variables for the target's tools, over the process environment: every git
    /// command gets them, and the S3 client reads `AWS_*` settings and `AWS_PROFILE` here first.
    /// The CLI leaves this empty; tests use it to pass dummy credentials or a git identity
    /// without touching the process environment.
    pub env: Vec<(String, String)>,
}

impl PublishOptions {
    /// The value of environment variable `key`: from [`PublishOptions::env`], else the process.
    pub fn var(&self, key: &str) -> Option<String> {
        self.env
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .or_else(|| std::env::var(key).ok())
    }

    /// Every `AWS_*` variable: the process's, overridden by [`PublishOptions::env`].
    pub(crate) fn aws_vars(&self) -> std::collections::BTreeMap<String, String> {
        let mut vars: std::collections::BTreeMap<String, String> =
            std::env::vars().filter(|(k, _)| k.starts_with("AWS_")).collect();
        vars.extend(self.env.iter().filter(|(k, _)| k.starts_with("AWS_")).cloned());
        vars
    }
}

impl Default for PublishOptions {
    fn default() -> Self {
        Self { dry_run: false, max_deletes: DEFAULT_MAX_DELETES, yes: false, work_dir: None, env: Vec::new() }
    }
}

/// Progress of a publish, reported to whoever is watching. Library code never prints; the CLI
/// implements this with a progress bar.
pub trait PublishProgress: Sync {
    /// Transfers begin: `total_files` files of `total_bytes` bytes will be sent.
    fn start(&self, total_files: usize, total_bytes: u64);
    /// One file, `path` relative to the site, of `bytes` bytes, has arrived at the target.
    fn uploaded(&self, path: &str, bytes: u64);
    /// Transfers are over (successfully or not).
    fn finish(&self);
}

/// Progress that goes nowhere, for tests and quiet runs.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl PublishProgress for NoProgress {
    fn start(&self, _total_files: usize, _total_bytes: u64) {}
    fn uploaded(&self, _path: &str, _bytes: u64) {}
    fn finish(&self) {}
}

/// What a publish did (or, for a dry run, would do).
#[derive(Debug, Clone)]
pub struct PublishSummary {
    /// Files sent to the target (new or changed). Zero for a dry run.
    pub uploaded: usize,
    /// Files removed from the target. Zero for a dry run.
    pub deleted: usize,
    /// Files the target already had with the same content.
    pub unchanged: usize,
    /// Bytes of site content sent (before any compression).
    pub bytes: u64,
    /// Objects whose state had to be asked for one by one (S3: HEAD requests for objects the
    /// publish manifest does not vouch for); 0 for other targets.
    pub inspected: usize,
    /// Things that went wrong without failing the publish.
    pub warnings: Vec<String>,
    /// Wall-clock time of the whole publish, planning included.
    pub seconds: f64,
    /// The plan that was carried out (or, for a dry run, would be), for printing.
    pub plan: Plan,
}

/// A warning for each target under site.yaml's `publish:` that `gazette publish` would refuse,
/// for `build` and `check` to show: a mistake there would otherwise wait for the first publish.
pub fn target_warnings(config: &crate::config::Config) -> Vec<crate::diagnostic::Diagnostic> {
    config
        .publish_targets
        .keys()
        .filter_map(|name| {
            select_target(config, Some(name))
                .and_then(|(_, target)| target.check_apart_from(&config.source_folders()))
                .err()
        })
        .map(|error| {
            crate::diagnostic::Diagnostic::warning(
                config.config_label(),
                format!("{error}; `gazette publish` refuses it until it is fixed"),
            )
        })
        .collect()
}

/// serde's "missing field `type`" with the key written instead when one is a near miss
/// (`typ: dir`), which serde never mentions: it sees an unknown key and a missing one.
fn with_key_meant(message: &str, value: &serde_json::Value) -> String {
    let missing =
        message.strip_prefix("missing field `").and_then(|rest| rest.split_once('`')).map(|(key, _)| key);
    let written = value.as_object().into_iter().flat_map(|map| map.keys());
    match missing.and_then(|key| {
        written.clone().find(|w| crate::yaml::closest_key(w, [key].into_iter()).is_some()).map(|w| (key, w))
    }) {
        Some((key, w)) => format!("{message} (`{w}` is written: did you mean `{key}`?)"),
        None => message.to_string(),
    }
}

/// The target called `name` in site.yaml's `publish:` section, or the default one when no name
/// is given (the one marked `default: true`, or the only one).
pub fn select_target(
    config: &crate::config::Config,
    name: Option<&str>,
) -> Result<(String, Target), PublishError> {
    let (targets, root) = (&config.publish_targets, &config.root);
    // Named as the user named it (`--config other.yaml`).
    let file = config.config_label().file_name().map_or_else(
        || crate::config::DEFAULT_CONFIG_FILE.to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let names: Vec<&str> = targets.keys().map(String::as_str).collect();
    if targets.is_empty() {
        return Err(PublishError::config(format!(
            "{file} has no `publish:` targets; add one, for example `publish: {{site: {{type: dir, path: /var/www/news}}}}`"
        )));
    }
    let parse = |name: &str, value: &serde_json::Value| -> Result<Target, PublishError> {
        let mut target: Target = serde_json::from_value(value.clone()).map_err(|e| {
            PublishError::config(format!(
                "publish target `{name}` in {file}: {}",
                with_key_meant(&e.to_string(), value)
            ))
        })?;
        // A relative folder is relative to the site, not to wherever the command runs.
        if let TargetConfig::Dir { path } = &mut target.kind {
            if path.as_os_str().is_empty() {
                return Err(PublishError::config(format!("publish target `{name}`: `path` is empty")));
            }
            *path = crate::config::with_home(path)
                .map_err(|message| PublishError::config(format!("publish target `{name}`: {message}")))?;
            if path.is_relative() {
                *path = root.join(&*path);
            }
        }
        target.validate().map_err(|error| {
            let what = match error {
                PublishError::Config { message } => message,
                other => other.to_string(),
            };
            PublishError::config(format!("publish target `{name}` in {file}: {what}"))
        })?;
        Ok(target)
    };
    match name {
        Some(name) => {
            let value = targets.get(name).ok_or_else(|| {
                PublishError::config(format!(
                    "no publish target `{name}` in {file} (targets: {})",
                    names.join(", ")
                ))
            })?;
            Ok((name.to_string(), parse(name, value)?))
        }
        None => {
            // Only the target chosen is read in full: a mistake in another one is that one's
            // to fix, and is said when it is published to.
            let defaults: Vec<&String> = targets
                .iter()
                .filter(|(_, value)| value.get("default") == Some(&serde_json::Value::Bool(true)))
                .map(|(name, _)| name)
                .collect();
            let chosen = match (defaults.as_slice(), targets.len()) {
                ([one], _) => *one,
                ([], 1) => targets.keys().next().expect("one target"),
                _ => {
                    return Err(PublishError::config(format!(
                        "name the target to publish to (one of: {}), or mark exactly one `default: true`",
                        names.join(", ")
                    )));
                }
            };
            Ok((chosen.clone(), parse(chosen, &targets[chosen])?))
        }
    }
}

/// Publish the finished site in `site_dir` to `target`.
///
/// Uploads new and changed files, then deletes files the site no longer has, never before every
/// upload succeeded. With `options.dry_run` only the plan is computed, and returned whatever it
/// deletes: a dry run is how to see the deletions a publish would refuse. Otherwise a plan that
/// deletes more than `options.max_deletes` files is refused with [`PublishError::TooManyDeletes`]
/// before anything changes.
pub fn deploy(
    site_dir: &Path,
    target: &Target,
    options: &PublishOptions,
    progress: &dyn PublishProgress,
) -> Result<PublishSummary, PublishError> {
    let started = Instant::now();
    target.validate()?;
    let files = site::scan(site_dir)?;
    if files.iter().any(|file| file.rel == MANIFEST) {
        return Err(PublishError::UnsupportedName {
            path: MANIFEST.into(),
            reason: "this name is reserved for Gazette's publish record at the target".into(),
        });
    }
    let mut outcome = match &target.kind {
        TargetConfig::Dir { path } => dir::publish(site_dir, &files, path, options, progress)?,
        TargetConfig::Git { .. } => git::publish(&files, target, options, progress)?,
        TargetConfig::S3 { .. } => s3::publish(&files, target, options, progress)?,
    };
    if !outcome.plan.kept.is_empty() && !options.dry_run {
        outcome.warnings.push(format!(
            "kept {} at the target that no publish wrote ({}); pass --yes to delete them",
            if outcome.plan.kept.len() == 1 {
                "1 file".to_string()
            } else {
                format!("{} files", outcome.plan.kept.len())
            },
            sample(&outcome.plan.kept)
        ));
    }
    Ok(PublishSummary {
        uploaded: outcome.uploaded,
        deleted: outcome.deleted,
        unchanged: outcome.plan.unchanged.len(),
        bytes: outcome.bytes,
        inspected: outcome.inspected,
        warnings: outcome.warnings,
        seconds: started.elapsed().as_secs_f64(),
        plan: outcome.plan,
    })
}

/// The first few of `paths`, for a message.
pub fn sample(paths: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = paths.iter().take(SHOWN).map(String::as_str).collect::<Vec<_>>().join(", ");
    if paths.len() > SHOWN {
        text.push_str(&format!(" and {} more", paths.len() - SHOWN));
    }
    text
}

/// What a target reports back to [`deploy`].
#[derive(Debug)]
pub(crate) struct Outcome {
    pub(crate) plan: Plan,
    pub(crate) uploaded: usize,
    pub(crate) deleted: usize,
    pub(crate) bytes: u64,
    pub(crate) inspected: usize,
    pub(crate) warnings: Vec<String>,
}

impl Outcome {
    /// The plan carried out: every upload and delete done, `bytes` sent.
    pub(crate) fn done(plan: Plan, bytes: u64) -> Self {
        Self {
            uploaded: plan.uploads.len(),
            deleted: plan.deletes.len(),
            bytes,
            inspected: 0,
            warnings: Vec::new(),
            plan,
        }
    }

    /// The outcome of a dry run: the plan, nothing done.
    pub(crate) fn dry(plan: Plan) -> Self {
        Self { plan, uploaded: 0, deleted: 0, bytes: 0, inspected: 0, warnings: Vec::new() }
    }
}
