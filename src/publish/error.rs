//! The one error type of publishing.
//!
//! Each variant is a case the CLI may need to tell apart (refuse and explain, retry, fix the
//! config), and each message names the file, folder or URL it is about, because "permission
//! denied" alone is useless in the middle of a 13,000-file upload.

use std::path::PathBuf;

/// Why a publish failed. Nothing at the target was deleted unless every upload succeeded.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The target's configuration is unusable (unknown key, bad glob, missing value).
    #[error("publish target configuration: {message}")]
    Config {
        /// What is wrong, naming the key.
        message: String,
    },

    /// Reading or writing a local file or folder failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What was being done, e.g. "read", "copy to".
        action: &'static str,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },

    /// A file in the site has a name the target cannot store as is (not UTF-8, or characters
    /// an object store reserves).
    #[error("cannot publish {}: {reason}", path.display())]
    UnsupportedName {
        /// The file.
        path: PathBuf,
        /// Why its name is refused.
        reason: String,
    },

    /// The plan deletes more files than allowed; nothing was changed.
    #[error(
        "refusing to delete {count} file(s) from {target} (the limit is {max}); \
         check the output folder, then re-run with --max-deletes {count} to allow it"
    )]
    TooManyDeletes {
        /// Files the plan would delete.
        count: usize,
        /// The limit in force.
        max: usize,
        /// The target, as a path or URL.
        target: String,
    },

    /// A git command failed.
    #[error("`{command}` failed in {}: {stderr}", dir.display())]
    Git {
        /// The command line, e.g. `git push origin gh-pages`.
        command: String,
        /// Where it ran (the publish work folder).
        dir: PathBuf,
        /// What git printed on stderr (or why it could not start).
        stderr: String,
    },

    /// The remote store refused or could not be reached.
    #[error("{url}: {message}")]
    Remote {
        /// The bucket/object URL the request was for.
        url: String,
        /// Whether running the publish again may succeed (network failure, server error), as
        /// opposed to a refusal that needs a fix (credentials, permissions, missing bucket).
        retryable: bool,
        /// What went wrong.
        message: String,
    },
}

impl PublishError {
    /// An [`PublishError::Io`] for `path`.
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io { path: path.into(), action, source }
    }

    /// A [`PublishError::Config`].
    pub(crate) fn config(message: impl Into<String>) -> Self {
        Self::Config { message: message.into() }
    }
}
