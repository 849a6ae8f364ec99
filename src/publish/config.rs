//! Publish target configuration, as written under `publish:` in `site.yaml`.
//!
//! Owns the shape of a target and its validation. serde cannot combine `deny_unknown_fields`
//! with the flattened, internally tagged [`TargetConfig`], so [`Target`] collects every key it was
//! given and checks them itself against the keys its kind accepts; a misspelt key is an error
//! naming it, not a silently ignored setting.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::error::PublishError;
use crate::config::lexical;

fn gh_pages() -> String {
    "gh-pages".to_owned()
}

/// Where a site is published to: the kind-specific part of a [`Target`].
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum TargetConfig {
    /// A local folder, kept identical to the output folder.
    Dir {
        /// The folder (created if missing).
        path: PathBuf,
    },
    /// A branch of a git repository, committed to and pushed.
    Git {
        /// Anything `git clone` accepts: URL, `user@host:path`, local (bare) repository path.
        remote: String,
        /// The branch; created as an orphan branch on first publish.
        #[serde(default = "gh_pages")]
        branch: String,
        /// Custom domain written to a `CNAME` file at the root (GitHub Pages).
        cname: Option<String>,
        /// Commit message; default "Publish site with gazette".
        message: Option<String>,
    },
    /// An S3-compatible bucket.
    S3 {
        /// Bucket name.
        bucket: String,
        /// Key prefix the site lives under ("" for the bucket root). Only keys under it are
        /// ever deleted.
        #[serde(default)]
        prefix: String,
        /// Endpoint URL for S3-compatible services (MinIO, R2, ...); `http://` is allowed.
        endpoint: Option<String>,
        /// Region; default from `AWS_REGION`/`AWS_DEFAULT_REGION`, the profile, or us-east-1.
        region: Option<String>,
        /// Address the bucket as `endpoint/bucket` rather than `bucket.endpoint`.
        #[serde(default)]
        path_style: bool,
        /// How often a failed request is retried before the publish fails (default 5).
        retries: Option<usize>,
    },
}

impl TargetConfig {
    /// The keys this kind accepts, besides `type` and the common ones of [`Target`].
    fn keys(&self) -> &'static [&'static str] {
        match self {
            Self::Dir { .. } => &["path"],
            Self::Git { .. } => &["remote", "branch", "cname", "message"],
            Self::S3 { .. } => &["bucket", "prefix", "endpoint", "region", "path_style", "retries"],
        }
    }

    /// The `type` name of this kind.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::Dir { .. } => "dir",
            Self::Git { .. } => "git",
            Self::S3 { .. } => "s3",
        }
    }

    /// A human-readable name of the destination, for messages: a path or URL.
    pub fn describe(&self) -> String {
        match self {
            Self::Dir { path } => path.display().to_string(),
            Self::Git { remote, branch, .. } => format!("{remote} (branch {branch})"),
            Self::S3 { bucket, prefix, endpoint, .. } => {
                let prefix = prefix.trim_matches('/');
                match endpoint {
                    Some(endpoint) => format!("{}/{bucket}/{prefix}", endpoint.trim_end_matches('/')),
                    None => format!("s3://{bucket}/{prefix}"),
                }
            }
        }
    }
}

/// A Cache-Control rule: files matching `glob` get `value`. A glob without `/` matches the file
/// name in any folder (`*.html`); one with `/` matches the path from the site root
/// (`assets/**`). The first matching rule wins over the built-in defaults.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CacheRule {
    /// The glob.
    pub glob: String,
    /// The Cache-Control header value.
    pub value: String,
}

/// A publish target: where to ([`TargetConfig`]) plus the settings common to every kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "RawTarget")]
pub struct Target {
    /// Where the site goes.
    pub kind: TargetConfig,
    /// This target is used when `gazette publish` is given no target name.
    pub default: bool,
    /// Cache-Control rules (S3 only), tried before the defaults.
    pub cache_control: Vec<CacheRule>,
    /// Store text files gzip-compressed with `Content-Encoding: gzip` (S3 only).
    pub precompress: bool,
}

/// Whether folders `a` and `b` are one, or one holds the other, as written (`static/../content`
/// is `content`) or through symbolic links.
fn overlap(a: &Path, b: &Path) -> bool {
    let same_or_nested = |a: &Path, b: &Path| a.starts_with(b) || b.starts_with(a);
    same_or_nested(&lexical(a), &lexical(b))
        || matches!(
            (crate::config::through_links(a), crate::config::through_links(b)),
            (Some(a), Some(b)) if same_or_nested(&a, &b)
        )
}

impl Target {
    /// A target of `kind` with every common setting at its default.
    pub fn new(kind: TargetConfig) -> Self {
        Self { kind, default: false, cache_control: Vec::new(), precompress: false }
    }

    /// Refuse a `dir` target that holds one of `folders` (the site's sources: articles, themes,
    /// templates, static files, cache) or lies inside one: publishing there would overwrite the
    /// articles the site is built from, and `--yes` would delete them.
    pub fn check_apart_from(&self, folders: &[PathBuf]) -> Result<(), PublishError> {
        let TargetConfig::Dir { path } = &self.kind else { return Ok(()) };
        match folders.iter().find(|folder| overlap(path, folder)) {
            Some(folder) => Err(PublishError::config(format!(
                "the dir target {} and the site's folder {} must not contain one another: publishing \
                 would overwrite what the site is built from",
                path.display(),
                folder.display()
            ))),
            None => Ok(()),
        }
    }

    /// Refuse a `dir` target that holds the site's output folder or lies inside it: each would
    /// overwrite the other. Checked before a dry run builds into a scratch folder, so that the
    /// dry run says what the publish would.
    pub fn check_apart_from_output(&self, output: &Path) -> Result<(), PublishError> {
        match &self.kind {
            TargetConfig::Dir { path } if overlap(path, output) => Err(PublishError::config(format!(
                "the dir target {} and the output folder {} must not contain one another",
                path.display(),
                output.display()
            ))),
            _ => Ok(()),
        }
    }

    /// Check settings that serde cannot: globs compile, S3-only settings are on an S3 target.
    pub fn validate(&self) -> Result<(), PublishError> {
        let is_s3 = matches!(self.kind, TargetConfig::S3 { .. });
        if !is_s3 && !self.cache_control.is_empty() {
            return Err(PublishError::config(format!(
                "`cache_control` applies to s3 targets only, not {}",
                self.kind.kind_name()
            )));
        }
        if !is_s3 && self.precompress {
            return Err(PublishError::config(format!(
                "`precompress` applies to s3 targets only, not {}",
                self.kind.kind_name()
            )));
        }
        super::headers::CacheRules::new(&self.cache_control)?;
        match &self.kind {
            TargetConfig::Git { remote, branch, .. } => {
                if remote.trim().is_empty() {
                    return Err(PublishError::config("`remote` of the git target is empty"));
                }
                if branch.trim().is_empty() || branch.starts_with('-') || branch.contains("..") {
                    return Err(PublishError::config(format!("`branch` {branch:?} is not a branch name")));
                }
            }
            TargetConfig::S3 { bucket, .. } if bucket.trim().is_empty() => {
                return Err(PublishError::config("`bucket` of the s3 target is empty"));
            }
            _ => {}
        }
        Ok(())
    }
}

/// What serde reads: the kind, the common settings, and every key (to find unknown ones).
#[derive(Deserialize)]
struct RawTarget {
    #[serde(flatten)]
    kind: TargetConfig,
    #[serde(default)]
    default: bool,
    #[serde(default)]
    cache_control: Vec<CacheRule>,
    #[serde(default)]
    precompress: bool,
    #[serde(flatten)]
    keys: BTreeMap<String, IgnoredAny>,
}

const COMMON_KEYS: &[&str] = &["type", "default", "cache_control", "precompress"];

/// The common keys that only s3 targets use.
const S3_ONLY_KEYS: &[&str] = &["cache_control", "precompress"];

impl TryFrom<RawTarget> for Target {
    type Error = String;

    fn try_from(raw: RawTarget) -> Result<Self, String> {
        let allowed = raw.kind.keys();
        let unknown: Vec<&str> = raw
            .keys
            .keys()
            .map(String::as_str)
            .filter(|key| !allowed.contains(key) && !COMMON_KEYS.contains(key))
            .collect();
        if let Some(first) = unknown.first() {
            // `cache_control` and `precompress` are read on every target, to be refused on all
            // but s3 with a reason; they are listed only where they apply.
            let is_s3 = matches!(raw.kind, TargetConfig::S3 { .. });
            let mut expected: Vec<&str> = COMMON_KEYS
                .iter()
                .filter(|key| is_s3 || !S3_ONLY_KEYS.contains(key))
                .chain(allowed)
                .copied()
                .collect();
            expected.sort_unstable();
            let meant = crate::yaml::closest_key(first, expected.iter().copied())
                .map(|key| format!(" (did you mean `{key}`?)"))
                .unwrap_or_default();
            return Err(format!(
                "unknown key `{first}`{meant} in {} publish target, expected one of: {}",
                raw.kind.kind_name(),
                expected.join(", ")
            ));
        }
        Ok(Self {
            kind: raw.kind,
            default: raw.default,
            cache_control: raw.cache_control,
            precompress: raw.precompress,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_target_may_not_overlap_the_sources_even_through_a_link() {
        let site = tempfile::tempdir().expect("temp dir");
        let content = site.path().join("content");
        std::fs::create_dir_all(&content).expect("mkdir");
        let folders = [content.clone(), site.path().join("static")];
        let target = |path: PathBuf| Target::new(TargetConfig::Dir { path });
        assert!(target(site.path().join("www")).check_apart_from(&folders).is_ok());
        for clash in [
            content.clone(),
            content.join("archive"),
            site.path().join("static/../content"),
            site.path().into(),
        ] {
            let error = target(clash.clone()).check_apart_from(&folders).expect_err("overlaps");
            assert!(
                error.to_string().contains("must not contain one another"),
                "{}: {error}",
                clash.display()
            );
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&content, site.path().join("link")).expect("symlink");
            let error =
                target(site.path().join("link/new")).check_apart_from(&folders).expect_err("through a link");
            assert!(error.to_string().contains("must not contain one another"), "{error}");
        }
    }
}
