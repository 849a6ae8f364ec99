//! Finds the articles under `content/`.
//!
//! The walk is sorted so that every later stage sees files in the same order on every machine,
//! which is what makes the output byte-identical. Nothing the user put in the folder vanishes
//! silently: editor droppings are skipped on purpose, every other unknown file and every walk
//! error (permissions, broken links, loops) becomes a diagnostic naming its path.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

/// How an article file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// Plain article text, optionally opening with a `---` YAML block.
    Text,
    /// Markdown with YAML front matter.
    Markdown,
}

/// One article file found in the content folder.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Source {
    /// Absolute path, for reading.
    pub path: PathBuf,
    /// Path relative to the content folder with `/` separators, for messages, dates and slugs.
    pub relative: String,
    /// Text or Markdown.
    pub kind: SourceKind,
}

/// The stem of a page bundle's article file (`index.md`, `index.txt`): as in Hugo and Zola, its
/// folder is the article's, and the other files in it (photos, PDFs) are published beside it.
pub const BUNDLE_INDEX: &str = "index";

/// A file in a page bundle that is not an article: published in the article's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    /// The bundle's article (its `relative` path).
    pub article: String,
    /// Path inside the bundle folder, `/`-separated (`photo.jpg`, `images/map.png`).
    pub name: String,
    /// Absolute path, for reading.
    pub path: PathBuf,
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Articles, sorted by relative path.
    pub sources: Vec<Source>,
    /// Pages that are not news (the files under `content/pages/`), sorted by relative path.
    pub pages: Vec<Source>,
    /// Files of page bundles, sorted by path.
    pub bundle_files: Vec<BundleFile>,
    /// Unknown files and walk errors.
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `content_dir` in sorted order and classifies each file.
pub fn walk(content_dir: &Path) -> Discovery {
    let mut discovery = walk_tree(content_dir, false);
    let (pages, articles) =
        std::mem::take(&mut discovery.sources).into_iter().partition(|s| is_page(&s.relative));
    discovery.sources = articles;
    discovery.pages = pages;
    if discovery.sources.is_empty() && content_dir.is_dir() {
        discovery.diagnostics.push(Diagnostic::warning(
            content_dir,
            "no articles here, so the site has no stories: put the articles' .txt or .md files in this folder",
        ));
    }
    discovery
}

/// Whether the file at `relative` (under the content folder) is a page that is not news.
pub fn is_page(relative: &str) -> bool {
    relative.strip_prefix(crate::model::PAGES_FOLDER).is_some_and(|rest| rest.starts_with('/'))
}

/// [`walk`] over any folder (what `gazette import` is given), which may itself be a page bundle:
/// an `index.md` right in it makes the other files in it that article's.
pub fn walk_folder(dir: &Path) -> Discovery {
    walk_tree(dir, true)
}

fn walk_tree(content_dir: &Path, root_may_be_bundle: bool) -> Discovery {
    let mut discovery = Discovery::default();
    if !content_dir.is_dir() {
        let message = match content_dir.parent().and_then(nearby_site) {
            Some(site) => format!(
                "no content folder here; the site is in {}: run gazette in that folder (or pass --root with it)",
                site.display()
            ),
            None => "no content folder here; create it and put article .txt or .md files in it (or run `gazette init`)"
                .to_string(),
        };
        discovery.diagnostics.push(Diagnostic::error(content_dir, message));
        return discovery;
    }
    // Hidden folders (`.git`) are not walked; hidden files are looked at, to name an article
    // hidden by its name.
    let walker =
        WalkDir::new(content_dir).follow_links(true).sort_by_file_name().into_iter().filter_entry(|entry| {
            entry.depth() == 0
                || !entry.file_type().is_dir()
                || !is_hidden(entry.file_name().to_string_lossy().as_ref())
        });
    // Files that are not articles: a page bundle's files, or strays to report.
    let mut others: Vec<(String, PathBuf)> = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(content_dir).to_path_buf();
                let reason = if error.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    error.io_error().map(|e| e.to_string()).unwrap_or_else(|| error.to_string())
                };
                discovery.diagnostics.push(Diagnostic::error(path, format!("cannot read: {reason}")));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if is_editor_temp(&name) {
            continue;
        }
        if is_hidden(&name) {
            // `.DS_Store` and `.gitkeep` say nothing; an article named `.notes.txt` is one the
            // user may not know is left out. (`._x.txt` is the Mac's copy of a file's metadata.)
            if classify(&name).is_some() && !name.starts_with("._") {
                discovery.diagnostics.push(Diagnostic::warning(entry.path(), HIDDEN_ARTICLE));
            }
            continue;
        }
        let relative = relative_slash_path(content_dir, entry.path());
        if is_section_file(&name) {
            discovery.diagnostics.push(Diagnostic::warning(entry.path(), SECTION_FILE));
            continue;
        }
        match classify(&name) {
            Some(kind) => discovery.sources.push(Source { path: entry.path().to_path_buf(), relative, kind }),
            None => others.push((relative, entry.into_path())),
        }
    }
    // A folder's `index` article may sort after its photos: bundles are known once the walk is over.
    let bundles: BTreeMap<&str, &str> = discovery
        .sources
        .iter()
        .filter_map(|source| {
            let (folder, name) = match source.relative.rsplit_once('/') {
                Some(split) => split,
                // The content folder itself is no bundle; a folder given to import may be.
                None if root_may_be_bundle => ("", source.relative.as_str()),
                None => return None,
            };
            is_bundle_index(name).then_some((folder, source.relative.as_str()))
        })
        .collect();
    for (relative, path) in others {
        // The nearest folder above the file that is a bundle owns it.
        let owner = relative
            .match_indices('/')
            .rev()
            .find_map(|(slash, _)| {
                bundles.get(&relative[..slash]).map(|article| (article.to_string(), &relative[slash + 1..]))
            })
            .or_else(|| bundles.get("").map(|article| (article.to_string(), relative.as_str())));
        match owner {
            Some((article, name)) => {
                discovery.bundle_files.push(BundleFile { article, name: name.to_string(), path });
            }
            None if is_saved_web_page(&relative) => {
                // Hugo reads `.html` content files with front matter; a browser's page has none.
                let mut head = [0u8; 3];
                let front_matter = std::fs::File::open(&path)
                    .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut head))
                    .is_ok_and(|()| &head == b"---" || &head == b"+++");
                let message = if front_matter {
                    "an HTML article with front matter (Hugo's content format), which is not read: Gazette reads Markdown, so write its body as Markdown in a .md file with the same front matter"
                } else {
                    "a saved web page, which is not read: Gazette reads articles as plain text; copy the article's text from the page into a .txt file (a page to publish as it is goes in static/)"
                };
                discovery.diagnostics.push(Diagnostic::warning(path, message));
            }
            None => discovery.diagnostics.push(Diagnostic::warning(
                path,
                "not an article (only .txt/.text and .md/.markdown files are read, in any case); move it to static/, or make its folder a page bundle with an index.md or index.txt article, if it is an asset",
            )),
        }
    }
    discovery
}

/// The site folder next to `root` that gazette was likely meant to run in: the folder above,
/// when `root` is its content folder (`cd content && gazette build`), or the one folder below
/// with a site.yaml and a content folder (`gazette init mynews` and no `cd mynews`).
/// Whether `folder` is a site's root: its config file and its content folder (a lone
/// `site.yaml` may be another tool's, such as an Ansible playbook).
pub fn is_site_root(folder: &Path) -> bool {
    folder.join(crate::config::DEFAULT_CONFIG_FILE).is_file() && folder.join("content").is_dir()
}

fn nearby_site(root: &Path) -> Option<PathBuf> {
    let canonical = |path: &Path| path.canonicalize().ok();
    if let Some(above) = root.parent()
        && canonical(&above.join("content")).is_some_and(|content| Some(content) == canonical(root))
    {
        return Some(above.to_path_buf());
    }
    let mut below = std::fs::read_dir(root)
        .ok()?
        .flatten()
        .map(|entry| entry.path())
        .filter(|folder| is_site_root(folder));
    match (below.next(), below.next()) {
        (Some(site), None) => Some(site),
        _ => None,
    }
}

/// An HTML page saved from a browser (`story.html`, `story.htm`, `story.mhtml`): the article is
/// in it, but so is the whole site around it.
fn is_saved_web_page(relative: &str) -> bool {
    let lower = relative.to_ascii_lowercase();
    [".html", ".htm", ".xhtml", ".mhtml", ".mht"].iter().any(|extension| lower.ends_with(extension))
}

/// The kind of article a file name denotes, or `None` for anything else.
pub fn classify(file_name: &str) -> Option<SourceKind> {
    let extension = Path::new(file_name).extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "text" => Some(SourceKind::Text),
        "md" | "markdown" => Some(SourceKind::Markdown),
        _ => None,
    }
}

/// What a Hugo or Zola section file is told: it describes a list page, and is no article.
const SECTION_FILE: &str = "a Hugo/Zola section file (`_index`), not an article: Gazette makes its own list pages (home, digests, tags), so it is not published; delete it, or rename it to publish its text as an article";

/// A file's name without the marks a browser or a file manager adds to a copy: `report (1)`,
/// `report(2)`, `Copy of report`, `report - Copy`. Said here, where file names are read, for the
/// slug made from a name and for telling which of two same texts is the copy.
pub fn without_copy_marks(name: &str) -> &str {
    let name = name.strip_prefix("Copy of ").unwrap_or(name);
    let name = name.strip_suffix(" - Copy").unwrap_or(name);
    match name.strip_suffix(')').and_then(|rest| rest.rsplit_once('(')) {
        // A count of one or two digits: `(2025)` is a year the name gives.
        Some((before, number))
            if (1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            before.trim_end()
        }
        _ => name,
    }
}

/// `index.md`, `index.txt`: the article file that makes its folder a page bundle (when the
/// folder is not the content folder itself).
pub fn is_bundle_index(file_name: &str) -> bool {
    // Asked of every article's name (its slug): the cheap test first.
    file_name.starts_with(BUNDLE_INDEX)
        && Path::new(file_name).file_stem().is_some_and(|stem| stem == BUNDLE_INDEX)
        && classify(file_name).is_some()
}

/// `_index.md`: Hugo's and Zola's file for a section's list page. Read as an article it would be
/// an empty page dated by its file time, at the top of the front page.
pub fn is_section_file(file_name: &str) -> bool {
    classify(file_name).is_some() && Path::new(file_name).file_stem().is_some_and(|stem| stem == "_index")
}

/// The warning for an article file whose name starts with a dot.
const HIDDEN_ARTICLE: &str =
    "a hidden file (its name starts with a dot), so it is not built; rename it without the dot to publish it";

/// Dot files and dot folders are private by convention (`.git`, `.DS_Store`).
pub fn is_hidden(file_name: &str) -> bool {
    file_name.starts_with('.')
}

/// Files editors write beside the real one while saving: `x~`, `.x.swp`, `#x#`, `.#x`, `x.bck`,
/// `x___jb_tmp___` (JetBrains). Reading them would publish half-saved copies.
pub fn is_editor_temp(file_name: &str) -> bool {
    file_name.ends_with('~')
        || file_name.starts_with(".#")
        || (file_name.starts_with('#') && file_name.ends_with('#'))
        || [".swp", ".swx", ".swo", ".bck", ".tmp", "___jb_tmp___", "___jb_old___"]
            .iter()
            .any(|suffix| file_name.ends_with(suffix))
}

/// `path` relative to `base` with `/` separators: how articles are named in messages, and what
/// dates and slugs are read from, the same in `build` and `serve`.
pub fn relative_slash_path(base: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temp_files_are_recognised() {
        for name in ["a.txt~", ".a.txt.swp", "#a.txt#", ".#a.txt", "a.txt.bck", "a.txt___jb_tmp___"] {
            assert!(is_editor_temp(name), "{name}");
        }
        for name in ["a.txt", "notes.md", "2025-01-01-x.txt"] {
            assert!(!is_editor_temp(name), "{name}");
        }
    }

    #[test]
    fn only_text_and_markdown_are_articles() {
        assert_eq!(classify("a.TXT"), Some(SourceKind::Text));
        assert_eq!(classify("a.md"), Some(SourceKind::Markdown));
        assert_eq!(classify("photo.jpg"), None);
        assert_eq!(classify("README"), None);
    }

    #[test]
    fn page_bundles_own_the_files_beside_and_below_their_index() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path();
        for (path, text) in [
            ("2025/03/04/flood/index.md", "---\ntitle: Flood\n---\nText."),
            ("2025/03/04/flood/aerial.jpg", "jpg"),
            ("2025/03/04/flood/maps/river.png", "png"),
            ("2025/03/04/flood/maps/note.txt", "An article of its own."),
            ("2025/03/04/flood/gauges/index.txt", "A bundle inside the bundle."),
            ("2025/03/04/flood/gauges/chart.svg", "svg"),
            ("2025/03/04/stray.pdf", "pdf"),
        ] {
            std::fs::create_dir_all(content.join(path).parent().unwrap()).unwrap();
            std::fs::write(content.join(path), text).unwrap();
        }
        let found = walk(content);
        let owned: Vec<(&str, &str)> =
            found.bundle_files.iter().map(|f| (f.article.as_str(), f.name.as_str())).collect();
        assert_eq!(
            owned,
            [
                ("2025/03/04/flood/index.md", "aerial.jpg"),
                ("2025/03/04/flood/gauges/index.txt", "chart.svg"),
                ("2025/03/04/flood/index.md", "maps/river.png"),
            ]
        );
        assert!(found.bundle_files.iter().all(|f| f.path.is_file()));
        let articles: Vec<&str> = found.sources.iter().map(|s| s.relative.as_str()).collect();
        assert_eq!(
            articles,
            [
                "2025/03/04/flood/gauges/index.txt",
                "2025/03/04/flood/index.md",
                "2025/03/04/flood/maps/note.txt"
            ]
        );
        assert_eq!(found.diagnostics.len(), 1, "the stray outside any bundle is reported");
        assert!(found.diagnostics[0].path.ends_with("stray.pdf"));
    }

    #[test]
    fn a_folder_given_on_its_own_may_be_a_bundle_but_the_content_folder_is_not() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.md"), "---\ntitle: Flood\n---\nText.").unwrap();
        std::fs::write(dir.path().join("aerial.jpg"), "jpg").unwrap();
        let folder = walk_folder(dir.path());
        assert_eq!(folder.bundle_files.len(), 1);
        assert_eq!(
            (folder.bundle_files[0].article.as_str(), folder.bundle_files[0].name.as_str()),
            ("index.md", "aerial.jpg")
        );
        let content = walk(dir.path());
        assert!(content.bundle_files.is_empty());
        assert_eq!(content.diagnostics.len(), 1, "a stray in the content folder");
    }

    #[test]
    fn walk_is_sorted_and_reports_unknown_files() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path();
        std::fs::create_dir_all(content.join("2025/01")).unwrap();
        std::fs::write(content.join("b.txt"), "b").unwrap();
        std::fs::write(content.join("a.md"), "a").unwrap();
        std::fs::write(content.join("2025/01/c.txt"), "c").unwrap();
        std::fs::write(content.join("photo.jpg"), "x").unwrap();
        std::fs::write(content.join(".hidden.txt"), "x").unwrap();
        std::fs::write(content.join("b.txt~"), "x").unwrap();
        std::fs::write(content.join("2025/_index.md"), "---\ntitle: 2025\n---\n").unwrap();
        let found = walk(content);
        let names: Vec<_> = found.sources.iter().map(|s| s.relative.as_str()).collect();
        assert_eq!(names, ["2025/01/c.txt", "a.md", "b.txt"]);
        // A section file, a hidden article (named, not built) and a stray; the editor's copy says
        // nothing.
        assert_eq!(found.diagnostics.len(), 3, "{:?}", found.diagnostics);
        assert!(found.diagnostics[0].path.ends_with(".hidden.txt"));
        assert!(found.diagnostics[0].message.contains("hidden file"), "{}", found.diagnostics[0].message);
        assert!(found.diagnostics[1].path.ends_with("2025/_index.md"));
        assert!(found.diagnostics[1].message.contains("section file"), "{}", found.diagnostics[1].message);
        assert!(found.diagnostics[2].path.ends_with("photo.jpg"));
    }
}
