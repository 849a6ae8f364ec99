//! The typed values templates see. Each page kind gets a context struct; the README lists them.
//!
//! Views borrow from the model and hold only what a template shows: listings carry summaries, never
//! bodies, so a listing page does not drag the whole archive through the template engine.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

use super::dates;
use super::words::Words;
use crate::config::{Config, FeedFormat};
use crate::model::{Article, Dateline, Embed, Image, Period, PeriodKind, Site, TaxonomyKind};

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
    /// `rtl` for a language written right to left (Arabic, Hebrew...), else `ltr`.
    pub dir: &'static str,
    /// `Gazette 0.1.0`, for the generator meta tag.
    pub generator: &'static str,
    /// Site-wide feeds, for `<link rel="alternate">` (paths relative to the root).
    pub feeds: Vec<FeedLink>,
    /// The taxonomy index pages that have terms (`Topics`, `Sources`, `Authors`), for navigation.
    pub sections: Vec<ArchiveEntry>,
    /// The year archives, newest first.
    pub years: Vec<Link>,
    /// The pages that are not news that ask to be in the navigation (`menu:`): those with a
    /// `weight:` by weight, then the others by title.
    pub menu: Vec<Link>,
    /// The site has a search page at `search/`.
    pub search: bool,
    /// `extra:` from site.yaml, whatever a theme wants of the site owner.
    pub extra: &'a std::collections::BTreeMap<String, serde_json::Value>,
}

impl<'a> SiteView<'a> {
    /// From the config and the site, its words in the site's language.
    pub fn new(config: &'a Config, site: &Site, words: &Words) -> Self {
        SiteView {
            title: &config.title,
            description: &config.description,
            base_url: &config.base_url,
            language: &config.language,
            dir: crate::language::direction(&config.language),
            generator: concat!("Gazette ", env!("CARGO_PKG_VERSION")),
            feeds: FeedLink::set("", &config.title, &config.feed_formats),
            sections: site
                .taxonomies
                .iter()
                .filter(|t| !t.terms.is_empty())
                .map(|t| ArchiveEntry {
                    title: taxonomy_title(words, t.kind),
                    path: format!("{}/", t.kind.name()),
                    count: t.terms.len(),
                })
                .collect(),
            years: site
                .years
                .iter()
                .map(|y| Link { title: y.key.0.to_string(), path: y.path.clone() })
                .collect(),
            menu: menu_links(site),
            search: config.search,
            extra: &config.extra,
        }
    }
}

/// `Topics`, `Sources` or `Authors`, in the site's language.
pub fn taxonomy_title(words: &Words, kind: TaxonomyKind) -> String {
    words.text(taxonomy_key(kind), &[])
}

/// The key of a taxonomy's name among the theme's words (`topics`; `topics_count` counts them).
pub fn taxonomy_key(kind: TaxonomyKind) -> &'static str {
    match kind {
        TaxonomyKind::Tags => "topics",
        TaxonomyKind::Sources => "sources",
        TaxonomyKind::Authors => "authors",
    }
}

/// The pages that are not news that ask to be in the navigation: those with a `weight:` by
/// weight, then the others by title, as Hugo orders a menu.
fn menu_links(site: &Site) -> Vec<Link> {
    let mut listed: Vec<(bool, i64, &str, &str)> = site
        .pages
        .iter()
        .filter(|page| page.in_menu)
        .map(|page| {
            let label = page.menu_label.as_deref().unwrap_or(&page.title);
            (page.weight.is_none(), page.weight.unwrap_or(0), label, page.path.as_str())
        })
        .collect();
    listed.sort();
    listed
        .into_iter()
        .map(|(_, _, title, path)| Link { title: title.to_string(), path: path.to_string() })
        .collect()
}

/// A feed for `<link rel="alternate">`, and for a page's link to its subject's feed.
#[derive(Debug, Clone, Serialize)]
pub struct FeedLink {
    /// Human title.
    pub title: String,
    /// The format's short name ("RSS", "Atom", "JSON"), for a link's words ("Atom feed").
    pub format: &'static str,
    /// MIME type.
    pub mime: &'static str,
    /// Site path of the feed file.
    pub path: String,
}

impl FeedLink {
    /// Links to the feeds in folder `base` (site path, may be empty), one per format the site
    /// writes, in the order its config lists them.
    pub fn set(base: &str, title: &str, formats: &[FeedFormat]) -> Vec<FeedLink> {
        formats
            .iter()
            .map(|format| FeedLink {
                title: format!("{title} ({})", format.label()),
                format: format.short_label(),
                mime: format.mime(),
                path: format!("{base}{}", format.file_name()),
            })
            .collect()
    }
}

/// `page`: what every page says about itself.
#[derive(Debug, Serialize)]
pub struct PageMeta {
    /// `home`, `article`, `digest`, `day`, `month`, `year`, `taxonomy`, `term` or `404`.
    pub kind: &'static str,
    /// The page title (without the site name).
    pub title: String,
    /// Meta description.
    pub description: String,
    /// Site path of this page (`2025/09/12/`, empty for home).
    pub path: String,
    /// Absolute URL (canonical).
    pub url: String,
    /// Relative prefix from this page to the site root (`../../`), so links work under any
    /// sub-path and from `file://`: write links as `{{ page.root }}{{ item.path }}`.
    pub root: String,
    /// Feeds of this page's subject (a tag's feeds on its page), besides the site's.
    pub feeds: Vec<FeedLink>,
    /// Absolute URL of an image for link previews.
    pub image: Option<String>,
    /// `website` or `article`, for Open Graph.
    pub og_type: &'static str,
    /// schema.org JSON-LD for the page, ready for `<script type="application/ld+json">`.
    pub json_ld: Option<String>,
    /// The pages above this one, outermost first (`2025`, `September`, `12 September` for an
    /// article), not counting the front page or the page itself.
    pub breadcrumbs: Vec<Link>,
    /// The language of the page's content when it is not the site's (a French story on an
    /// English site): `<html lang>` is then the story's, for its title and description too, and
    /// the site's own header, navigation and footer say they are in the site's language.
    pub lang: Option<String>,
    /// `rtl` or `ltr`: the direction of the page's language (its content's, or the site's), for
    /// `<html dir>`; the site's own header and footer say `site.dir` where the two differ.
    pub dir: &'static str,
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
            feeds: Vec::new(),
            image: None,
            og_type: "website",
            json_ld: None,
            breadcrumbs: Vec::new(),
            lang: None,
            dir: crate::language::direction(&config.language),
        }
    }

    /// Says the page's content is in `lang` (when it is not the site's language), and so in that
    /// language's direction.
    pub fn set_lang(&mut self, lang: Option<&str>) {
        if let Some(lang) = lang {
            self.dir = crate::language::direction(lang);
        }
        self.lang = lang.map(str::to_string);
    }
}

/// Year, month and day links down to `depth` (1: year; 2: and month; 3: and day), named in the
/// site's `language`.
pub fn date_trail(date: &jiff::ZonedDateTime, depth: usize, language: &str) -> Vec<Link> {
    let calendar = dates::calendar(language);
    let year = format!("{:04}/", date.year());
    let month = format!("{year}{:02}/", date.month());
    let links = [
        Link { title: date.year().to_string(), path: year },
        Link { title: crate::text::capitalised(calendar.month(date.date())), path: month.clone() },
        Link {
            title: crate::text::capitalised(&calendar.day_month(date.date())),
            path: format!("{month}{:02}/", date.day()),
        },
    ];
    links.into_iter().take(depth).collect()
}

/// `../` once per folder in `path`; `./` for the root.
pub fn relative_root(path: &str) -> String {
    let depth = path.split('/').filter(|s| !s.is_empty()).count();
    if depth == 0 { "./".to_string() } else { "../".repeat(depth) }
}

/// A link to a term page.
#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    /// Term name.
    pub name: String,
    /// Site path of the term page.
    pub path: String,
}

/// The same story reported elsewhere (a story cluster).
#[derive(Debug, Serialize)]
pub struct AlsoReported<'a> {
    /// Headline there.
    pub title: &'a str,
    /// Site path.
    pub path: String,
    /// Publisher, when known.
    pub source: Option<&'a str>,
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
    /// Time of day, `08:30`, when the article gives one (none for date-only articles).
    pub time_display: Option<String>,
    /// Site path of the day's page.
    pub day_path: String,
    /// Authors.
    pub authors: Vec<&'a str>,
    /// Publisher.
    pub source: Option<&'a str>,
    /// Site path of the publisher's page.
    pub source_path: Option<String>,
    /// Summary.
    pub summary: &'a str,
    /// Minutes to read.
    pub reading_time: usize,
    /// Tags with their pages.
    pub tags: Vec<TermLink>,
    /// Other reports of the same story (empty unless the article is in a story cluster).
    pub also: Vec<AlsoReported<'a>>,
    /// The story's language (`fr`) when it is not the site's, for a `lang` on its card.
    pub lang: Option<&'a str>,
    /// The story's direction (`rtl`, `ltr`) when it is not the site's: an Arabic story on an
    /// English site, or an English one on an Arabic site.
    pub dir: Option<&'static str>,
}

impl<'a> ArticleCard<'a> {
    /// Card for `article`.
    pub fn new(site: &'a Site, article: &'a Article) -> Self {
        ArticleCard {
            title: &article.title,
            path: article.site_path(),
            date: rfc3339(&article.date),
            date_display: display_date(&article.date, &site.language),
            time_display: time_of_day(&article.date),
            day_path: crate::model::day_path(&article.date),
            authors: {
                let authors = site.taxonomy(TaxonomyKind::Authors);
                article.authors.iter().map(|author| authors.name_of(author)).collect()
            },
            source: article.source.as_deref(),
            source_path: article
                .source
                .as_deref()
                .and_then(|s| site.taxonomy(TaxonomyKind::Sources).path_of(s)),
            summary: &article.summary,
            reading_time: article.reading_time,
            tags: {
                let taxonomy = site.taxonomy(TaxonomyKind::Tags);
                article
                    .tags
                    .iter()
                    .filter_map(|t| {
                        Some(TermLink { name: taxonomy.name_of(t).to_string(), path: taxonomy.path_of(t)? })
                    })
                    .collect()
            },
            also: Vec::new(),
            lang: article.lang.as_deref().filter(|lang| !crate::model::same_language(lang, &site.language)),
            dir: article
                .lang
                .as_deref()
                .map(crate::language::direction)
                .filter(|&dir| dir != crate::language::direction(&site.language)),
        }
    }

    /// Card for article `index`, listing the other members of its story cluster.
    pub fn with_cluster(site: &'a Site, index: usize) -> Self {
        let mut card = ArticleCard::new(site, &site.articles[index]);
        card.also = site
            .cluster_of(index)
            .iter()
            .filter(|&&other| other != index)
            .map(|&other| {
                let article = &site.articles[other];
                AlsoReported {
                    title: &article.title,
                    path: article.site_path(),
                    source: article.source.as_deref(),
                }
            })
            .collect();
        card
    }
}

/// Each article's listing card as a template value, made once per site and shared by every page
/// that lists the article: a story is shown on its digest and the home page, on each of its tag,
/// source and author pages and as a related story, and tera clones a prepared value (reference
/// counted) instead of serializing the card again. The site-wide `site` value every page carries
/// is kept the same way. Made for one [`Site`] and configuration; a changed site needs a new one.
pub struct Cards {
    clustered: Vec<OnceLock<tera::Value>>,
    plain: Vec<OnceLock<tera::Value>>,
    site: OnceLock<tera::Value>,
}

impl Cards {
    /// An empty memo for `site`.
    pub fn new(site: &Site) -> Cards {
        let empty = || (0..site.articles.len()).map(|_| OnceLock::new()).collect();
        Cards { clustered: empty(), plain: empty(), site: OnceLock::new() }
    }

    /// [`SiteView`] as a template value: the same on every page, so made once.
    pub fn site_view(&self, config: &Config, site: &Site, words: &Words) -> tera::Value {
        self.site.get_or_init(|| tera::Value::from_serializable(&SiteView::new(config, site, words))).clone()
    }

    /// [`ArticleCard::with_cluster`] for article `index`, as a template value.
    pub fn card(&self, site: &Site, index: usize) -> tera::Value {
        self.clustered[index]
            .get_or_init(|| tera::Value::from_serializable(&ArticleCard::with_cluster(site, index)))
            .clone()
    }

    /// [`ArticleCard::new`] for article `index` (no cluster links), as a template value. For an
    /// article in no story cluster that is the same value as [`Cards::card`], so it is shared.
    pub fn plain_card(&self, site: &Site, index: usize) -> tera::Value {
        if site.cluster_of(index).iter().all(|&other| other == index) {
            return self.card(site, index);
        }
        self.plain[index]
            .get_or_init(|| tera::Value::from_serializable(&ArticleCard::new(site, &site.articles[index])))
            .clone()
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
    /// Whether the body says `summary` word for word (a summary taken from the lede), so a theme
    /// need not print it twice. Decided at ingest on the text (`text::contains_words`):
    /// `content is containing(pat=summary)` in a template missed every summary that spans two
    /// paragraphs or has quotes, and cost about 1% of a build.
    pub summary_in_body: bool,
    /// Dateline.
    pub dateline: Option<&'a Dateline>,
    /// Photos and credits, each `src` as the page links it: one written from the site's root
    /// (`/img/pier.jpg`) is made relative to the page (`../../../../img/pier.jpg`), as feeds and
    /// link previews read it from the site's root too, so it also works under a sub-path.
    pub images: Vec<Image>,
    /// The credits and captions of photos the text no longer has (pasted text keeps the
    /// photographer's line, not the photo): shown with the article's footnotes, not as an empty
    /// figure at the top, where a credit reads like a byline.
    pub photo_credits: Vec<Image>,
    /// Embedded posts.
    pub embeds: &'a [Embed],
    /// The address of the original article (`source_url:`), for a link to it.
    pub source_url: Option<&'a str>,
    /// Language, if it differs from the site's.
    pub lang: Option<&'a str>,
    /// Words in the body.
    pub word_count: usize,
    /// Last update (RFC 3339).
    pub updated: Option<String>,
    /// Last update for people, `14 September 2025`.
    pub updated_display: Option<String>,
    /// True when the title was derived from the lede.
    pub title_inferred: bool,
    /// Authors with their pages.
    pub author_links: Vec<TermLink>,
    /// Related articles (cards).
    pub related: Vec<tera::Value>,
    /// Extra front-matter keys.
    pub extra: &'a BTreeMap<String, serde_json::Value>,
}

/// The link from an article to its digest: `title` heads a line of its own (`Samedi 13 septembre
/// 2025`), `in_text` is the same title as a sentence holds it (`Tous les articles : samedi 13
/// septembre 2025`).
#[derive(Debug, Serialize)]
pub struct DigestLink {
    /// The digest's title.
    pub title: String,
    /// The title inside a sentence.
    pub in_text: String,
    /// Site path.
    pub path: String,
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

impl Pager {
    /// Pager for page `current` of `total`, where page 1 is at `first` and page N at `first/page/N/`.
    pub fn new(first: &str, current: usize, total: usize) -> Self {
        Pager {
            current,
            total,
            previous: (current > 1).then(|| paged_path(first, current - 1)),
            next: (current < total).then(|| paged_path(first, current + 1)),
        }
    }
}

/// Site path of page `number` of a listing whose first page is at `first`.
pub fn paged_path(first: &str, number: usize) -> String {
    if number == 1 { first.to_string() } else { format!("{first}page/{number}/") }
}

/// Stories of a digest that share a topic.
#[derive(Debug, Serialize)]
pub struct TopicGroup {
    /// The topic (a tag), or none for the stories that share no topic.
    pub topic: Option<TermLink>,
    /// Stories (cards), newest first; a story cluster appears once.
    pub articles: Vec<tera::Value>,
}

/// A digest (a day, week or month of news) in a listing or on its own page.
#[derive(Debug, Serialize)]
pub struct DigestView {
    /// `day`, `week` or `month`.
    pub kind: &'static str,
    /// `Friday 12 September 2025`, `Week 37, 2025 (8–14 September)`, `September 2025`.
    pub title: String,
    /// Site path of the digest page.
    pub path: String,
    /// Machine date of the period's first day (a week's Monday, a month's 1st).
    pub date: String,
    /// `14 stories from 6 sources`.
    pub headline: String,
    /// Stories shown (cards), newest first, each story cluster once.
    pub articles: Vec<tera::Value>,
    /// Indexes of those stories into `Site::articles`.
    #[serde(skip)]
    pub shown: Vec<usize>,
    /// The same stories grouped by topic.
    pub topics: Vec<TopicGroup>,
    /// Its first stories were on the page before (a front page split the digest): the headline
    /// still counts them all.
    pub continued: bool,
    /// Its last stories are on the next page (a front page split the digest), so the page says
    /// where the rest are.
    pub continues: bool,
}

impl DigestView {
    /// The digest of `period`, showing the stories `shown` (all of them on the digest's own page, a
    /// slice of them on a home page); the headline always counts the whole period.
    pub fn new(site: &Site, cards: &Cards, period: &Period, shown: &[usize], words: &Words) -> Self {
        let articles = &site.articles;
        let continues = shown.last().is_some_and(|&index| Some(&index) != period.articles.last());
        let shown = once_per_cluster(site, shown);
        let first = &articles[*period.articles.last().unwrap_or(&0)].date;
        let newest = &articles[period.articles[0]].date;
        let title = period_title(period.kind, first, newest, period.key, &site.language);
        let continued = shown.first().is_some_and(|&index| index != period.articles[0]);
        DigestView {
            continued,
            continues,
            kind: match period.kind {
                PeriodKind::Day => "day",
                PeriodKind::Week => "week",
                PeriodKind::Month | PeriodKind::Year => "month",
            },
            title,
            path: period.path.clone(),
            date: first_day(period.kind, first.date()).to_string(),
            headline: digest_headline(words, period.articles.iter().map(|&i| &articles[i])),
            topics: topic_groups(site, cards, &shown),
            articles: shown.iter().map(|&i| cards.card(site, i)).collect(),
            shown,
        }
    }
}

/// Drops later members of a story cluster when an earlier one (newer) is already shown.
fn once_per_cluster(site: &Site, shown: &[usize]) -> Vec<usize> {
    let mut seen_clusters = std::collections::HashSet::new();
    shown
        .iter()
        .copied()
        .filter(|&i| match site.cluster_id(i) {
            Some(cluster) => seen_clusters.insert(cluster),
            None => true,
        })
        .collect()
}

/// Groups stories under the tag most of them share: each story goes under its tag that is most
/// common in this digest, if at least two stories share it; the rest go in a final group. Tags
/// are compared as the tag pages they link to, so spellings of one tag (`U.S.`, `US`) are one
/// topic, not two sections of the same name.
fn topic_groups(site: &Site, cards: &Cards, shown: &[usize]) -> Vec<TopicGroup> {
    let taxonomy = site.taxonomy(TaxonomyKind::Tags);
    topic_members(site, shown)
        .into_iter()
        .map(|(term, members)| TopicGroup {
            topic: term.map(|term| TermLink {
                path: taxonomy.terms[term].path(TaxonomyKind::Tags),
                name: taxonomy.terms[term].name.clone(),
            }),
            articles: members.iter().map(|&i| cards.card(site, i)).collect(),
        })
        .collect()
}

/// [`topic_groups`]' grouping, as the tag's index in the tag taxonomy (none for the final group)
/// and the stories' indexes: what the digest's page shows and its feed item lists.
pub fn topic_members(site: &Site, shown: &[usize]) -> Vec<(Option<usize>, Vec<usize>)> {
    let taxonomy = site.taxonomy(TaxonomyKind::Tags);
    let story_terms: Vec<Vec<usize>> = shown
        .iter()
        .map(|&i| {
            let mut terms: Vec<usize> = Vec::new();
            for term in site.articles[i].tags.iter().filter_map(|tag| taxonomy.term_of(tag)) {
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
            terms
        })
        .collect();
    let mut counts: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    for &term in story_terms.iter().flatten() {
        *counts.entry(term).or_default() += 1;
    }
    // Terms are kept in the order of their names as the tag index lists them (accents and case
    // aside): a lower index is the first by name.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut rest = Vec::new();
    for (&i, terms) in shown.iter().zip(&story_terms) {
        // The most shared tag; between equals, the first by name.
        let best = terms
            .iter()
            .map(|&term| (counts[&term], term))
            .filter(|(count, _)| *count >= 2)
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
        match best {
            Some((_, term)) => match groups.iter_mut().find(|(group, _)| *group == term) {
                Some((_, members)) => members.push(i),
                None => groups.push((term, vec![i])),
            },
            None => rest.push(i),
        }
    }
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<(Option<usize>, Vec<usize>)> =
        groups.into_iter().map(|(term, members)| (Some(term), members)).collect();
    if !rest.is_empty() {
        out.push((None, rest));
    }
    out
}

/// The first day of the period of `kind` that holds `day`: the Monday of a week, the 1st of a
/// month, 1 January. A digest's machine date is its period's, not its oldest story's.
fn first_day(kind: PeriodKind, day: jiff::civil::Date) -> jiff::civil::Date {
    match kind {
        PeriodKind::Day => day,
        PeriodKind::Week => day.iso_week_date().first_of_week().map_or(day, |monday| monday.date()),
        PeriodKind::Month => day.first_of_month(),
        PeriodKind::Year => day.first_of_year(),
    }
}

/// A digest or archive title, in the site's `language`.
pub fn period_title(
    kind: PeriodKind,
    first: &jiff::ZonedDateTime,
    last: &jiff::ZonedDateTime,
    key: (i16, i8, i8),
    language: &str,
) -> String {
    let calendar = dates::calendar(language);
    match kind {
        PeriodKind::Day => crate::text::capitalised(&calendar.weekday_date(first.date())),
        PeriodKind::Week => {
            let monday =
                first.date().iso_week_date().first_of_week().map(|w| w.date()).unwrap_or(first.date());
            let sunday = last.date().iso_week_date().last_of_week().map(|w| w.date()).unwrap_or(last.date());
            format!("{} ({})", calendar.week(key.1, key.0), calendar.day_range(monday, sunday))
        }
        PeriodKind::Month => crate::text::capitalised(&calendar.month_year(first.date())),
        PeriodKind::Year => format!("{}", key.0),
    }
}

/// An entry in an archive or taxonomy listing.
#[derive(Debug, Serialize)]
pub struct ArchiveEntry {
    /// `Friday 12 September`, `September 2025`, a tag name...
    pub title: String,
    /// Site path.
    pub path: String,
    /// Stories in it.
    pub count: usize,
}

/// `14 stories from 6 sources`, or `14 stories, 9 of them from 6 sources` when only some name theirs
/// (`4 stories from 1 source` would read as one outlet's four), in the site's language.
pub fn digest_headline<'a>(words: &Words, articles: impl Iterator<Item = &'a Article>) -> String {
    let (mut count, mut sourced) = (0, 0);
    let mut sources = std::collections::BTreeSet::new();
    for article in articles {
        count += 1;
        if let Some(source) = &article.source {
            sourced += 1;
            sources.insert(source.as_str());
        }
    }
    let stories = story_count(words, count);
    if sources.is_empty() {
        return stories;
    }
    let from = words.count("from_sources", sources.len(), &[]);
    if sourced == count {
        words.text("headline_all_sourced", &[("stories", &stories), ("sources", &from)])
    } else {
        let sourced = sourced.to_string();
        words.text(
            "headline_some_sourced",
            &[("stories", &stories), ("sourced", &sourced), ("sources", &from)],
        )
    }
}

/// `1 story`, `3 stories`, in the site's language.
pub fn story_count(words: &Words, count: usize) -> String {
    words.count("stories", count, &[])
}

pub use crate::model::rfc3339;

/// `14:30`, unless the time is midnight, which is how a date given without a time reads.
pub fn time_of_day(date: &jiff::ZonedDateTime) -> Option<String> {
    (date.time() != jiff::civil::Time::midnight()).then(|| date.strftime("%H:%M").to_string())
}

/// `12 September 2025`, `12 septembre 2025`: a date as the site's `language` writes it.
pub fn display_date(date: &jiff::ZonedDateTime, language: &str) -> String {
    dates::calendar(language).date(date.date())
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

    #[test]
    fn a_digest_headline_counts_sources_only_of_stories_that_name_one() {
        let story = |source: Option<&str>| Article {
            source: source.map(str::to_string),
            ..crate::model::tests::article("a.md", "2025-05-02", "A story")
        };
        let english = Words::english();
        let french = Words::load(
            &crate::theme::Theme::built_in().translations,
            "fr",
            std::path::Path::new("i18n"),
            &rustc_hash::FxHashSet::default(),
        )
        .unwrap()
        .0;
        let headline = |words: &Words, sources: &[Option<&str>]| {
            digest_headline(words, sources.iter().map(|&s| story(s)).collect::<Vec<_>>().iter())
        };
        assert_eq!(
            headline(&english, &[Some("Post"), Some("Wire"), Some("Post")]),
            "3 stories from 2 sources"
        );
        assert_eq!(
            headline(&english, &[Some("Post"), None, None, None]),
            "4 stories, 1 of them from 1 source"
        );
        assert_eq!(headline(&english, &[None, None]), "2 stories");
        assert_eq!(headline(&english, &[Some("Post")]), "1 story from 1 source");
        assert_eq!(headline(&french, &[Some("Post"), None, None, None]), "4 articles, dont 1 d’une source");
        assert_eq!(headline(&french, &[Some("Post"), Some("Wire")]), "2 articles de 2 sources");
        let load = |language: &str| {
            Words::load(
                &crate::theme::Theme::built_in().translations,
                language,
                std::path::Path::new("i18n"),
                &rustc_hash::FxHashSet::default(),
            )
            .unwrap()
            .0
        };
        let some = [Some("Post"), Some("Wire"), None];
        for (language, said) in [
            ("es", "3 noticias, 2 de ellas procedentes de 2 fuentes"),
            ("it", "3 articoli, 2 dei quali da 2 fonti"),
            ("nl", "3 artikelen, waarvan 2 uit 2 bronnen"),
            ("pt", "3 notícias, 2 delas provenientes de 2 fontes"),
            ("de", "3 Artikel, 2 davon aus 2 Quellen"),
        ] {
            assert_eq!(headline(&load(language), &some), said, "{language}");
        }
    }

    #[test]
    fn pager_paths() {
        let pager = Pager::new("tags/chicago/", 2, 3);
        assert_eq!(pager.previous.as_deref(), Some("tags/chicago/"));
        assert_eq!(pager.next.as_deref(), Some("tags/chicago/page/3/"));
        assert_eq!(paged_path("", 2), "page/2/");
    }
}
