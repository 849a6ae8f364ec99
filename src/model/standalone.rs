//! Pages that are not news: About, Contact, Corrections policy.
//!
//! Every newsroom has a few, and Hugo and Zola users write them as content files. Here they are
//! the files under `content/pages/`: each is published at its own path (`pages/about.md` at
//! `about/`, `pages/policies/corrections.md` at `policies/corrections/`) with the theme's
//! `page.html`, listed in `sitemap.xml`, and nowhere else: not on the front page, in a digest,
//! a feed, a taxonomy, the news sitemap or the search index, none of which they belong in.

use std::collections::BTreeMap;

use jiff::ZonedDateTime;

/// The folder under `content/` whose files are pages, not articles.
pub const PAGES_FOLDER: &str = "pages";

/// A page that is not news.
#[derive(Debug, Clone, PartialEq)]
pub struct StandalonePage {
    /// Path relative to the content folder, `/`-separated (`pages/about.md`).
    pub source_path: String,
    /// Output folder: `about/`, `policies/corrections/`.
    pub path: String,
    /// The page's heading and `<title>`.
    pub title: String,
    /// For the meta description (front matter `summary:` or `description:`).
    pub description: String,
    /// The body as Markdown (converted from text for a `.txt` page).
    pub body_markdown: String,
    /// Language tag when the page says one.
    pub lang: Option<String>,
    /// Last update, if written.
    pub updated: Option<ZonedDateTime>,
    /// Whether the page is in the site's navigation (`menu: true`, or `menu: main` as Hugo
    /// writes it).
    pub in_menu: bool,
    /// Its place there (`weight:`, or Hugo's `menu: {main: {weight: N}}`): pages with one come
    /// first, lightest first, then the others by title, as in Hugo.
    pub weight: Option<i64>,
    /// The page's name in the navigation when it is not its title (`About` for `About The
    /// Harbour Brief`): Hugo's `menu.main.name` or `linkTitle`.
    pub menu_label: Option<String>,
    /// Front-matter keys Gazette does not know, for templates.
    pub extra: BTreeMap<String, serde_json::Value>,
    /// The other files of the page's bundle (`pages/team/index.md` and `pages/team/photo.jpg`),
    /// published in its folder as an article's are.
    pub bundle_files: Vec<crate::discover::BundleFile>,
}

/// First path segments the site's own pages use: a page there would clash with them (or with an
/// archive: every number could be a year's, `2025/`). `index` is the front page's name.
const RESERVED: &[&str] = &["tags", "sources", "authors", "digests", "search", "page", "index"];

/// The output folder of the page at `relative` (under the content folder), with its slug in
/// place of the file's name when it has one: `pages/policies/corrections.md` is
/// `policies/corrections/`. An error says why a page cannot have that path.
pub fn page_path(relative: &str, slug: Option<&str>) -> Result<String, String> {
    let inside =
        relative.strip_prefix(PAGES_FOLDER).and_then(|rest| rest.strip_prefix('/')).unwrap_or(relative);
    let (folders, file) = inside.rsplit_once('/').unwrap_or(("", inside));
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let mut segments: Vec<String> =
        folders.split('/').filter(|folder| !folder.is_empty()).map(super::slugify).collect();
    if stem != crate::discover::BUNDLE_INDEX || slug.is_some() || segments.is_empty() {
        segments.push(match slug {
            Some(chosen) => super::chosen_slug(chosen),
            None => super::slugify(stem),
        });
    }
    if segments.iter().any(String::is_empty) {
        return Err("its name (or `slug:`) has no letter or digit to make its URL of".to_string());
    }
    let first = segments[0].as_str();
    if RESERVED.contains(&first) || first.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "its URL `{first}/` is the site's own (the front page, tags, sources, authors, digests, search and the archives of years are there); rename it or give it a `slug:`"
        ));
    }
    let mut path = segments.join("/");
    path.push('/');
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_published_at_its_path_under_the_pages_folder() {
        assert_eq!(page_path("pages/about.md", None).as_deref(), Ok("about/"));
        assert_eq!(
            page_path("pages/Policies/Corrections Policy.md", None).as_deref(),
            Ok("policies/corrections-policy/")
        );
        assert_eq!(page_path("pages/about.md", Some("Who we are")).as_deref(), Ok("who-we-are/"));
        assert_eq!(
            page_path("pages/team/index.md", None).as_deref(),
            Ok("team/"),
            "a folder's index is the folder"
        );
        assert!(page_path("pages/tags.md", None).unwrap_err().contains("`tags/`"));
        assert!(page_path("pages/2025/notes.md", None).is_err(), "a year's archive");
        assert!(page_path("pages/about.md", Some("???")).is_err());
        assert!(page_path("pages/index.md", None).is_err(), "the front page is the site's");
    }
}
