//! The plan: what a publish sends, deletes and leaves alone, and the safety check on it.
//!
//! Every target reduces "what the site has" and "what the target has" to path → content hash
//! and hands both to [`Plan::compute`], so the decision (and dry-run output) is the same for a
//! folder, a git branch and a bucket.

use std::collections::{BTreeMap, BTreeSet};

use super::error::PublishError;
use super::site::LocalFile;

/// Why a file is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The target does not have it.
    New,
    /// The target has different content (or content it cannot vouch for).
    Changed,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Change::New => "new",
            Change::Changed => "changed",
        })
    }
}

/// One file to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    /// Path from the site root, `/`-separated.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// New or changed.
    pub change: Change,
}

/// What a publish does, computed before anything is changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files to send, sorted by path.
    pub uploads: Vec<Upload>,
    /// Files at the target the site no longer has, sorted; removed after all uploads.
    pub deletes: Vec<String>,
    /// Files the target already has with the same content, sorted.
    pub unchanged: Vec<String>,
    /// Files at the target the site does not have and no earlier publish wrote, sorted: left
    /// where they are (a folder's own files, a bucket's other objects), unless the user said
    /// yes to deleting them.
    pub kept: Vec<String>,
}

impl Plan {
    /// Compare the site with the target. `remote` maps each path at the target to its content
    /// hash, or to `None` when the target cannot tell (such a file is sent again).
    pub fn compute(local: &[LocalFile], remote: &BTreeMap<String, Option<String>>) -> Self {
        let mut plan = Self::default();
        for file in local {
            match remote.get(&file.rel) {
                Some(Some(hash)) if *hash == file.hash => plan.unchanged.push(file.rel.clone()),
                Some(_) => plan.uploads.push(Upload {
                    path: file.rel.clone(),
                    bytes: file.size,
                    change: Change::Changed,
                }),
                None => plan.uploads.push(Upload {
                    path: file.rel.clone(),
                    bytes: file.size,
                    change: Change::New,
                }),
            }
        }
        let wanted: BTreeSet<&str> = local.iter().map(|f| f.rel.as_str()).collect();
        // Another site published into a folder of this one's target (a bucket's `news/` prefix
        // beside a site at its root) left its own record there: its files are never this site's
        // to delete, `--yes` or not.
        let other_sites: Vec<&str> = remote
            .keys()
            .filter_map(|path| path.strip_suffix(super::MANIFEST))
            .filter(|folder| folder.ends_with('/'))
            .collect();
        plan.deletes = remote
            .keys()
            .filter(|path| !wanted.contains(path.as_str()))
            .filter(|path| !other_sites.iter().any(|folder| path.starts_with(folder)))
            .cloned()
            .collect();
        plan.uploads.sort_by(|a, b| a.path.cmp(&b.path));
        plan.unchanged.sort();
        plan
    }

    /// Moves the deletions of files that no earlier publish wrote (`published` does not list
    /// them) to [`Plan::kept`], unless `delete_them`: a publish deletes on its own only what a
    /// publish put there.
    pub fn keep_unpublished(&mut self, published: &BTreeSet<String>, delete_them: bool) {
        if delete_them {
            return;
        }
        let (ours, theirs) =
            std::mem::take(&mut self.deletes).into_iter().partition(|path| published.contains(path));
        self.deletes = ours;
        self.kept = theirs;
    }

    /// Bytes the uploads add up to.
    pub fn upload_bytes(&self) -> u64 {
        self.uploads.iter().map(|u| u.bytes).sum()
    }

    /// Nothing to send and nothing to delete.
    pub fn is_empty(&self) -> bool {
        self.uploads.is_empty() && self.deletes.is_empty()
    }

    /// Refuse a plan that deletes more than `max` files at `target` (a path or URL).
    pub fn check_deletes(&self, max: usize, target: &str) -> Result<(), PublishError> {
        if self.deletes.len() > max {
            return Err(PublishError::TooManyDeletes {
                count: self.deletes.len(),
                max,
                target: target.to_owned(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(rel: &str, hash: &str) -> LocalFile {
        LocalFile { rel: rel.into(), abs: rel.into(), size: 1, hash: hash.into() }
    }

    #[test]
    fn only_files_a_publish_wrote_are_deleted_without_a_yes() {
        let local = [file("a", "1")];
        let remote: BTreeMap<String, Option<String>> =
            ["a", "old.html", "notes.txt"].into_iter().map(|path| (path.to_owned(), None)).collect();
        let published: BTreeSet<String> = ["a".to_owned(), "old.html".to_owned()].into();
        let mut plan = Plan::compute(&local, &remote);
        plan.keep_unpublished(&published, false);
        assert_eq!(
            (plan.deletes.as_slice(), plan.kept.as_slice()),
            (&["old.html".to_owned()][..], &["notes.txt".to_owned()][..])
        );
        let mut plan = Plan::compute(&local, &remote);
        plan.keep_unpublished(&published, true);
        assert_eq!(plan.deletes, ["notes.txt", "old.html"]);
        assert!(plan.kept.is_empty());
    }

    /// A site at a bucket's root and another under its `news/` prefix: `--yes` at the root
    /// deleted the other site whole.
    #[test]
    fn another_sites_folder_is_never_deleted() {
        let local = vec![file("index.html", "h1")];
        let remote: BTreeMap<String, Option<String>> = [
            ("index.html", Some("h1")),
            ("old.html", None),
            ("news/index.html", None),
            ("news/.gazette-publish-manifest.json", None),
            ("newsroom.html", None),
        ]
        .into_iter()
        .map(|(path, hash)| (path.to_string(), hash.map(str::to_string)))
        .collect();
        let mut plan = Plan::compute(&local, &remote);
        plan.keep_unpublished(&BTreeSet::new(), true);
        assert_eq!(plan.deletes, ["newsroom.html", "old.html"]);
    }

    #[test]
    fn sorts_files_into_upload_delete_unchanged() {
        let local = [file("a", "1"), file("b", "2"), file("c", "3"), file("d", "4")];
        let remote: BTreeMap<String, Option<String>> = [
            ("a".to_owned(), Some("1".to_owned())),
            ("b".to_owned(), Some("x".to_owned())),
            ("c".to_owned(), None),
            ("z".to_owned(), Some("9".to_owned())),
        ]
        .into_iter()
        .collect();
        let plan = Plan::compute(&local, &remote);
        assert_eq!(plan.unchanged, ["a"]);
        let sent: Vec<_> = plan.uploads.iter().map(|u| (u.path.as_str(), u.change)).collect();
        assert_eq!(sent, [("b", Change::Changed), ("c", Change::Changed), ("d", Change::New)]);
        assert_eq!(plan.deletes, ["z"]);
        assert!(plan.check_deletes(1, "t").is_ok());
        assert!(matches!(
            plan.check_deletes(0, "t"),
            Err(PublishError::TooManyDeletes { count: 1, max: 0, .. })
        ));
    }
}
