//! The articles `gazette serve` has read, by path, kept between rebuilds.
//!
//! Every rebuild repeats the problems that reading the articles found, and a patched edit first
//! asks whether any of them is an error. Walking every entry to find the few files that said
//! something touches thousands of large entries scattered in memory: on a 10,000-article site,
//! with the entries out of the processor's cache as they are on the first edit after serve
//! started, that walk was an eighth of the edit's time. So the paths of the entries with
//! problems are kept beside them, and every change goes through [`Articles`], which keeps the
//! two in step.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::discover::Source;
use crate::ingest::{self, Ingested};

/// An ingested article and what its file looked like when it was read.
pub(super) struct Cached {
    pub(super) stamp: Option<ingest::cache::Stamp>,
    pub(super) source: Source,
    pub(super) ingested: Ingested,
}

/// The articles read so far, by path, with the paths whose reading found problems.
#[derive(Default)]
pub(super) struct Articles {
    by_path: BTreeMap<PathBuf, Cached>,
    with_problems: BTreeSet<PathBuf>,
}

impl Articles {
    /// Keeps `cached` under its source's path; returns what was kept there before.
    pub(super) fn insert(&mut self, cached: Cached) -> Option<Cached> {
        let path = cached.source.path.clone();
        if cached.ingested.diagnostics.is_empty() {
            self.with_problems.remove(&path);
        } else {
            self.with_problems.insert(path.clone());
        }
        self.by_path.insert(path, cached)
    }

    /// Forgets the article read from `path`, returning it.
    pub(super) fn remove(&mut self, path: &Path) -> Option<Cached> {
        self.with_problems.remove(path);
        self.by_path.remove(path)
    }

    pub(super) fn clear(&mut self) {
        self.by_path.clear();
        self.with_problems.clear();
    }

    pub(super) fn len(&self) -> usize {
        self.by_path.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// Every article read, in path order.
    pub(super) fn values(&self) -> impl Iterator<Item = &Cached> {
        self.by_path.values()
    }

    /// What reading the articles found, file by file in path order; only the files that found
    /// something are visited.
    pub(super) fn problems(&self) -> impl Iterator<Item = &Diagnostic> {
        self.with_problems.iter().flat_map(|path| {
            let cached = self.by_path.get(path);
            debug_assert!(cached.is_some(), "{} has problems but no entry", path.display());
            cached.into_iter().flat_map(|cached| &cached.ingested.diagnostics)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::SourceKind;

    fn cached(path: &str, problems: &[&str]) -> Cached {
        let diagnostics = problems.iter().map(|message| Diagnostic::warning(path, *message)).collect();
        Cached {
            stamp: None,
            source: Source { path: PathBuf::from(path), relative: path.to_string(), kind: SourceKind::Text },
            ingested: Ingested { article: None, diagnostics, dropped: Vec::new() },
        }
    }

    fn messages(articles: &Articles) -> Vec<String> {
        articles.problems().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn problems_follow_every_insert_replacement_and_removal() {
        let mut articles = Articles::default();
        articles.insert(cached("b.txt", &["b has no date"]));
        articles.insert(cached("a.txt", &[]));
        articles.insert(cached("c.txt", &["c is empty", "c again"]));
        assert_eq!(messages(&articles), ["b has no date", "c is empty", "c again"]);
        // Mended: its problems go with the old entry.
        let old = articles.insert(cached("b.txt", &[]));
        assert_eq!(old.map(|c| c.ingested.diagnostics.len()), Some(1));
        assert_eq!(messages(&articles), ["c is empty", "c again"]);
        // Broken: a file without problems gains some.
        articles.insert(cached("a.txt", &["a lost its text"]));
        assert_eq!(messages(&articles), ["a lost its text", "c is empty", "c again"]);
        assert!(articles.remove(Path::new("c.txt")).is_some());
        assert_eq!(messages(&articles), ["a lost its text"]);
        assert_eq!(articles.with_problems, BTreeSet::from([PathBuf::from("a.txt")]));
        assert_eq!(articles.len(), 2);
        articles.clear();
        assert!(articles.is_empty());
        assert!(articles.with_problems.is_empty());
    }
}
