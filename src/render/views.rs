//! The typed values templates see. Each page kind gets a context struct; the README lists them.
//!
//! Views borrow from the model and hold only what a template shows: listings carry summaries, never
//! bodies, so a listing page does not drag the whole archive through the template engine.

use serde::Serialize;

use crate::config::Config;
use crate::model::{Article, Dateline, Embed, Image, Period};

/// `site`: the same on every page.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    /// Site title.
    pub title: &'a str,
    /// Site description.
    pub description: &'a str,
    /// Base URL with trailing slash (`/` when unset).
    pub base_url: &'a str,
    /// Language tag.
    pub language: &'a str,
    /// `Gazette 0.1.0`, for the generator meta tag.
    pub generator: &'static str,
}

impl<'a> SiteView<'a> {
    /// From the config.
    pub fn new(config: &'a Config) -> Self {
        SiteView {
            title: &config.title,
            description: &config.description,
            base_url: &config.base_url,
            language: &config.language,
            generator: concat!("Gazette ", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// `page`: what every page says about itself.
#[derive(Debug, Serialize)]
pub struct PageMeta {
    /// `home`, `article`, `day`, `month`, `year` or `404`.
    pub kind: &'static str,
    /// The page title (without the site name).
    pub title: String,
    /// Meta description.
    pub description: String,
    /// Site path of this page (`2025/09/12/`, `` for home).
    pub path: String,
    /// Absolute URL (canonical).
    pub url: String,
    /// Relative prefix from this page to the site root (`../../`), so links work under any
    /// sub-path and from `file://`: write links as `{{ page.root }}{{ item.path }}`.
    pub root: String,
}

impl PageMeta {
    /// Meta for a page at `path`.
    pub fn new(config: &Config, kind: &'static str, path: &str, title: String, description: String) -> Self {
        PageMeta {
            kind,
            title,
            description,
            path: path.to_string(),
            url: config.absolute_url(path),
            root: relative_root(path),
        }
    }
}

/// `../` once per folder in `path`; `./` for the root.
pub fn relative_root(path: &str) -> String {
    let depth = path.split('/').filter(|s| !s.is_empty()).count();
    if depth == 0 { "./".to_string() } else { "../".repeat(depth) }
}

/// An article in a listing.
#[derive(Debug, Serialize)]
pub struct ArticleCard<'a> {
    /// Headline.
    pub title: &'a str,
    /// Site path of the article page.
    pub path: String,
    /// Machine-readable date (RFC 3339).
    pub date: String,
    /// Human date, e.g. `12 September 2025`.
    pub date_display: String,
    /// Site path of the day's digest.
    pub day_path: String,
    /// Authors.
    pub authors: &'a [String],
    /// Publisher.
    pub source: Option<&'a str>,
    /// Summary.
    pub summary: &'a str,
    /// Minutes to read.
    pub reading_time: usize,
    /// Tags.
    pub tags: &'a [String],
}

impl<'a> ArticleCard<'a> {
    /// Card for `article`.
    pub fn new(article: &'a Article) -> Self {
        ArticleCard {
            title: &article.title,
            path: article.site_path(),
            date: rfc3339(&article.date),
            date_display: display_date(&article.date),
            day_path: crate::model::day_path(&article.date),
            authors: &article.authors,
            source: article.source.as_deref(),
            summary: &article.summary,
            reading_time: article.reading_time,
            tags: &article.tags,
        }
    }
}

/// `article` on an article page: the card plus everything only the article page shows.
#[derive(Debug, Serialize)]
pub struct ArticleView<'a> {
    /// Listing fields.
    #[serde(flatten)]
    pub card: ArticleCard<'a>,
    /// Rendered body HTML (use `| safe`).
    pub content: String,
    /// Dateline.
    pub dateline: Option<&'a Dateline>,
    /// Photos and credits.
    pub images: &'a [Image],
    /// Embedded posts.
    pub embeds: &'a [Embed],
    /// Language, if it differs from the site's.
    pub lang: Option<&'a str>,
    /// Words in the body.
    pub word_count: usize,
    /// Last update (RFC 3339).
    pub updated: Option<String>,
    /// True when the title was derived from the lede.
    pub title_inferred: bool,
    /// Extra front-matter keys.
    pub extra: &'a std::collections::BTreeMap<String, serde_json::Value>,
}

/// A link to a neighbouring page (previous/next article or digest).
#[derive(Debug, Serialize)]
pub struct Link {
    /// Link text.
    pub title: String,
    /// Site path.
    pub path: String,
}

/// `pager` on paginated listings.
#[derive(Debug, Serialize)]
pub struct Pager {
    /// 1-based page number.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Site path of the previous page.
    pub previous: Option<String>,
    /// Site path of the next page.
    pub next: Option<String>,
}

/// A day in a listing: its label and its stories.
#[derive(Debug, Serialize)]
pub struct DigestView<'a> {
    /// `Friday 12 September 2025`.
    pub title: String,
    /// Site path of the digest page.
    pub path: String,
    /// Machine date.
    pub date: String,
    /// Stories, newest first.
    pub articles: Vec<ArticleCard<'a>>,
    /// `3 stories from 2 sources`.
    pub headline: String,
}

impl<'a> DigestView<'a> {
    /// The digest of `period` (a day), showing the stories `shown` (all of them on the day's own
    /// page, a slice of them on a home page); the headline always counts the whole day.
    pub fn new(period: &Period, shown: &[usize], articles: &'a [Article]) -> Self {
        let cards: Vec<ArticleCard<'a>> = shown.iter().map(|&i| ArticleCard::new(&articles[i])).collect();
        let first = &articles[period.articles[0]].date;
        DigestView {
            title: first.strftime("%A %-d %B %Y").to_string(),
            path: period.path.clone(),
            date: first.date().to_string(),
            headline: digest_headline(period.articles.iter().map(|&i| &articles[i])),
            articles: cards,
        }
    }
}

/// An entry in an archive listing (a day in a month, a month in a year).
#[derive(Debug, Serialize)]
pub struct ArchiveEntry {
    /// `12 September` or `September 2025`.
    pub title: String,
    /// Site path.
    pub path: String,
    /// Stories in it.
    pub count: usize,
}

/// `14 stories from 6 sources`; sources only counted when known.
pub fn digest_headline<'a>(articles: impl Iterator<Item = &'a Article>) -> String {
    let mut count = 0;
    let mut sources = std::collections::BTreeSet::new();
    for article in articles {
        count += 1;
        if let Some(source) = &article.source {
            sources.insert(source.as_str());
        }
    }
    let stories = story_count(count);
    match sources.len() {
        0 => stories,
        1 => format!("{stories} from 1 source"),
        n => format!("{stories} from {n} sources"),
    }
}

/// `1 story`, `3 stories`.
pub fn story_count(count: usize) -> String {
    if count == 1 { "1 story".to_string() } else { format!("{count} stories") }
}

/// RFC 3339 with the site's offset.
pub fn rfc3339(date: &jiff::ZonedDateTime) -> String {
    date.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// `12 September 2025`.
pub fn display_date(date: &jiff::ZonedDateTime) -> String {
    date.strftime("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_roots() {
        assert_eq!(relative_root(""), "./");
        assert_eq!(relative_root("2025/09/12/slug/"), "../../../../");
        assert_eq!(relative_root("page/2/"), "../../");
    }
}
