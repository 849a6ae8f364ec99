//! Problems found while building, collected rather than thrown.
//!
//! A news folder has hundreds of files written by hand or by clipping tools; one bad file must not
//! hide the others. Every stage pushes `Diagnostic`s into the build's `Report`, the build goes on,
//! and the CLI prints them all and exits non-zero when any is an error (as ripgrep does with
//! unreadable files).

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors fail the build (after everything else was built), warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was guessed or skipped; the site is still right.
    Warning,
    /// Something the user wrote could not be used; the build exits non-zero.
    Error,
}

/// One problem, tied to the file (and line, when known) the user has to open to fix it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// The file the problem is in, as the user named it (relative to the site root when possible).
    pub path: PathBuf,
    /// 1-based line in that file, when known.
    pub line: Option<usize>,
    /// What is wrong, and when possible what to do about it.
    pub message: String,
}

impl Diagnostic {
    /// An error in `path`.
    pub fn error(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.as_ref().to_path_buf(),
            line: None,
            message: message.into(),
        }
    }

    /// A warning about `path`.
    pub fn warning(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            path: path.as_ref().to_path_buf(),
            line: None,
            message: message.into(),
        }
    }

    /// The same problem, pinned to a line.
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    /// True for errors, which make the build fail.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{label}: {}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Problems gathered over a whole run, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records many problems.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    /// All problems, sorted by file then line so output is stable whatever the thread order was.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| {
            (&a.path, a.line, a.severity, &a.message).cmp(&(&b.path, b.line, b.severity, &b.message))
        });
        items
    }

    /// How many errors were recorded.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// How many warnings were recorded.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// True when nothing at all was recorded.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
