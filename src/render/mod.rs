//! Site in, pages out: the tera environment, the list of pages a site has, and rendering one page.
//!
//! Rendering is split into [`Renderer::plan`] (which pages exist, cheap) and [`Renderer::render`]
//! (one page to bytes), so the emitter can render in parallel and write each page as soon as it
//! is ready instead of holding the whole site in memory. Nothing here writes files.

mod card;
pub mod dates;
pub mod feeds;
mod filters;
mod seo;
pub mod views;
pub mod words;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;
use tera::Tera;

use crate::config::{Config, DigestPeriod, FeedContent, FeedFormat};
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, MarkdownOptions};
use crate::model::{Article, Image, Period, Site, TaxonomyKind};
use crate::theme::Theme;
use feeds::{FeedItem, FeedMeta};
use views::{
    ArchiveEntry, ArticleCard, ArticleView, Cards, DigestView, FeedLink, Link, PageMeta, Pager, TermLink,
};

/// Whose feed: the whole site, one term, or the digests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedScope {
    /// Every article.
    Site,
    /// One tag, source or author (index into its taxonomy's terms).
    Term(TaxonomyKind, usize),
    /// One item per digest.
    Digests,
}

/// One file the site will have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagePlan {
    /// Home page number N (1-based).
    Home(usize),
    /// Article by index into `Site::articles`.
    Article(usize),
    /// Digest by index into `Site::digests()`.
    Digest(usize),
    /// A day's page when digests are weeks or months (index into `Site::days`).
    Day(usize),
    /// Month archive by index into `Site::months` (when digests are not months).
    Month(usize),
    /// Year archive by index into `Site::years`.
    Year(usize),
    /// The list of all terms of a taxonomy.
    TaxonomyIndex(TaxonomyKind),
    /// Page N of one term (index into its taxonomy's terms).
    Term(TaxonomyKind, usize, usize),
    /// A feed.
    Feed(FeedScope, FeedFormat),
    /// `sitemap.xml` (or its part N when the site has more than 50,000 URLs).
    Sitemap(usize),
    /// `news-sitemap.xml`.
    NewsSitemap,
    /// `robots.txt`.
    Robots,
    /// The search page (when search is on).
    Search,
    /// The 404 page.
    NotFound,
    /// A page at an article's old URL (its `aliases:`) that sends the reader on: article index,
    /// alias index.
    Alias(usize, usize),
    /// A page that is not news, by index into `Site::pages`.
    Standalone(usize),
}

/// A rendered page: where it goes and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Path under the output folder, e.g. `2025/09/12/slug/index.html`.
    pub output_path: String,
    /// The bytes to write.
    pub content: Vec<u8>,
}

/// Templates compiled once, plus what every page shares.
pub struct Renderer {
    tera: Tera,
    config: Config,
    origins: HashMap<String, PathBuf>,
    /// Each template's text as compiled, to quote where a page's rendering failed.
    compiled: HashMap<String, String>,
    markdown: MarkdownOptions,
    /// The interface's words in the site's language, for templates (`t()`) and for the texts
    /// written here ("14 stories from 6 sources").
    words: std::sync::Arc<words::Words>,
    /// What loading the theme's words found to warn of (a language it does not speak).
    warnings: Vec<Diagnostic>,
    /// The `card` function registered with `tera`, whose memo [`Renderer::forget_cards`] empties.
    card: Option<std::sync::Arc<card::CardFunction>>,
}

/// Templates every theme must provide (the default theme does).
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "index.html",
    "article.html",
    "digest.html",
    "month.html",
    "year.html",
    "taxonomy.html",
    "term.html",
    "404.html",
];

impl Renderer {
    /// Compiles every template of `theme`. Syntax errors name the template file and line.
    pub fn new(config: &Config, theme: &Theme) -> Result<Self, Vec<Diagnostic>> {
        let asked = words::keys_asked(theme.templates.values().map(|file| file.text.as_str()));
        let (words, warnings) = words::Words::load(
            &theme.translations,
            &config.language,
            &config.site_translations_dir(),
            &asked,
        )?;
        let words = std::sync::Arc::new(words);
        let mut tera = Tera::new();
        filters::register(&mut tera);
        words::register(&mut tera, &words);
        let origins: HashMap<String, PathBuf> =
            theme.templates.iter().map(|(name, file)| (name.clone(), file.origin.clone())).collect();
        // The theme's words are the same on every page: written into the templates before they
        // compile, they cost nothing per page (see `Words::inline_calls`).
        let sources: Vec<(&str, Cow<'_, str>)> = theme
            .templates
            .iter()
            .map(|(name, file)| (name.as_str(), words.inline_calls(name, &file.text)))
            .collect();
        let templates = || sources.iter().map(|(name, text)| (*name, text.as_ref()));
        // Registered first: tera checks every function a template calls when it compiles it. When
        // the templates do not compile, compiling them below says why; `card` is still known, so
        // its calls add no errors of their own.
        let card = card::CardFunction::new(templates(), &words).map(std::sync::Arc::new);
        match card.clone() {
            Some(card) => tera.register_function("card", move |kwargs: tera::Kwargs, state: &tera::State| {
                card.call(kwargs, state)
            }),
            None => tera.register_function(
                "card",
                |_: tera::Kwargs, _: &tera::State| -> tera::TeraResult<tera::Value> {
                    Err(tera::Error::message("the templates do not compile"))
                },
            ),
        }
        if let Err(error) = tera.add_raw_templates(templates()) {
            // Tera's own words leave out what the templates' text says: read from the texts
            // compiled, not again from disk (the built-in theme has no files).
            let mut diagnostic = template_diagnostic(&error, &origins, "templates");
            let syntax = match error.kind() {
                tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => templates()
                    .find(|(name, _)| *name == report.filename())
                    .and_then(|(_, text)| syntax_hint(report.message(), text, report.span().start_line))
                    .map(|hint| format!(" ({hint})")),
                _ => None,
            };
            let hint = syntax
                .unwrap_or_else(|| block_name_hint(&diagnostic.message, templates().map(|(_, text)| text)));
            diagnostic.message.push_str(&hint);
            return Err(vec![diagnostic]);
        }
        let missing: Vec<Diagnostic> = REQUIRED_TEMPLATES
            .iter()
            .filter(|name| !tera.contains_template(name))
            .map(|name| {
                Diagnostic::error(
                    config.theme_dir().join("templates"),
                    format!("the theme has no `{name}` template"),
                )
            })
            .collect();
        let mut missing = missing;
        if config.search && !tera.contains_template("search.html") {
            missing.push(Diagnostic::error(
                config.theme_dir().join("templates"),
                "the theme has no `search.html` template (or turn search off with `search: {enabled: false}`)",
            ));
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        let markdown = config.markdown_options();
        let compiled = templates().map(|(name, text)| (name.to_string(), text.to_string())).collect();
        Ok(Renderer { tera, config: config.clone(), origins, compiled, markdown, words, warnings, card })
    }

    /// Empties the memo of rendered cards, freed on a thread of its own. For `gazette serve`,
    /// after rendering every page once to find template errors: the memo then holds every card
    /// of the site, keyed to that render's values, so the next render (the first page served, or
    /// an edit's trial render) would replace it anyway; freed now, while the preview is idle,
    /// rather than then (it took 70 ms of the first edit's way to its reload).
    pub fn forget_cards(&self) {
        if let Some(card) = &self.card {
            card.forget();
        }
    }

    /// `Chicago — page 2`, in the site's language.
    fn numbered(&self, title: &str, number: usize) -> String {
        self.words.text("numbered_page", &[("title", title), ("number", &number.to_string())])
    }

    /// How a term's stories relate to it, in a phrase: stories *about* a topic, *from* a
    /// publisher, *by* a writer.
    fn relation(&self, kind: TaxonomyKind, term: &str) -> String {
        let key = match kind {
            TaxonomyKind::Tags => "about_term",
            TaxonomyKind::Sources => "from_term",
            TaxonomyKind::Authors => "by_term",
        };
        self.words.text(key, &[("term", term)])
    }

    /// Warnings from loading the theme: a site language its words are not in, or are in part.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Every file of `site`, in a stable order.
    pub fn plan(&self, site: &Site) -> Vec<PagePlan> {
        self.plan_with_problems(site).0
    }

    /// [`Renderer::plan`], with a warning for each alias left out because the site already has a
    /// file at its path (a page, or an earlier alias).
    pub fn plan_with_problems(&self, site: &Site) -> (Vec<PagePlan>, Vec<Diagnostic>) {
        let mut plans = self.pages_plan(site);
        let mut problems = Vec::new();
        if !site.pages.is_empty() || site.articles.iter().any(|article| !article.aliases.is_empty()) {
            let mut taken: std::collections::HashSet<String> =
                plans.iter().map(|&plan| self.output_path(site, plan)).collect();
            // Folders the planned files are in: an alias may not be a file where one is.
            let mut folders: std::collections::HashSet<String> = std::collections::HashSet::new();
            for path in &taken {
                folders.extend(path.match_indices('/').map(|(slash, _)| path[..slash].to_string()));
            }
            // A page that is not news where the site has a page already is an error: the page
            // would be lost (its path's first folder is already checked against the site's own).
            let mut page_at: HashMap<String, &str> = HashMap::new();
            for (index, page) in site.pages.iter().enumerate() {
                let output = self.output_path(site, PagePlan::Standalone(index));
                if taken.insert(output.clone()) {
                    page_at.insert(output, &page.source_path);
                    plans.push(PagePlan::Standalone(index));
                } else {
                    let holder = match page_at.get(&output) {
                        Some(other) => {
                            format!("the page {} is there", self.config.content_dir.join(other).display())
                        }
                        None => "the site has a page of its own there".to_string(),
                    };
                    problems.push(Diagnostic::error(
                        self.config.content_dir.join(&page.source_path),
                        format!(
                            "this page cannot be published at `{}`: {holder}; give one of them another `slug:`",
                            page.path
                        ),
                    ));
                }
            }
            for (index, article) in site.articles.iter().enumerate() {
                for (number, alias) in article.aliases.iter().enumerate() {
                    // Nor may its folders be files (an alias `rss.xml/` beside the feed).
                    let clashes = folders.contains(alias)
                        || alias.match_indices('/').any(|(slash, _)| taken.contains(&alias[..slash]));
                    if !clashes && taken.insert(alias.clone()) {
                        folders.extend(alias.match_indices('/').map(|(slash, _)| alias[..slash].to_string()));
                        plans.push(PagePlan::Alias(index, number));
                    } else {
                        problems.push(Diagnostic::warning(
                            self.config.content_dir.join(&article.source_path),
                            format!("alias `{alias}` is not published: the site already has a page there"),
                        ));
                    }
                }
            }
        }
        (plans, problems)
    }

    fn pages_plan(&self, site: &Site) -> Vec<PagePlan> {
        let per_page = self.config.paginate_by;
        let formats = &self.config.feed_formats;
        let home_pages = site.articles.len().div_ceil(per_page).max(1);
        let mut plans: Vec<PagePlan> = (1..=home_pages).map(PagePlan::Home).collect();
        plans.extend((0..site.articles.len()).map(PagePlan::Article));
        plans.extend((0..site.digests().len()).map(PagePlan::Digest));
        if site.digest_period != DigestPeriod::Day {
            plans.extend((0..site.days.len()).map(PagePlan::Day));
        }
        if site.digest_period != DigestPeriod::Month {
            plans.extend((0..site.months.len()).map(PagePlan::Month));
        }
        plans.extend((0..site.years.len()).map(PagePlan::Year));
        for taxonomy in &site.taxonomies {
            plans.push(PagePlan::TaxonomyIndex(taxonomy.kind));
            for (index, term) in taxonomy.terms.iter().enumerate() {
                let pages = term.articles.len().div_ceil(per_page).max(1);
                plans.extend((1..=pages).map(|page| PagePlan::Term(taxonomy.kind, index, page)));
                plans.extend(
                    formats.iter().map(|&f| PagePlan::Feed(FeedScope::Term(taxonomy.kind, index), f)),
                );
            }
        }
        plans.extend(formats.iter().map(|&f| PagePlan::Feed(FeedScope::Site, f)));
        plans.extend(formats.iter().map(|&f| PagePlan::Feed(FeedScope::Digests, f)));
        let sitemap_parts = seo::sitemap_entries(site, &self.config).len().div_ceil(feeds::SITEMAP_LIMIT);
        plans.extend((0..=usize::from(sitemap_parts > 1) * sitemap_parts).map(PagePlan::Sitemap));
        plans.extend([PagePlan::NewsSitemap, PagePlan::Robots, PagePlan::NotFound]);
        if self.config.search {
            plans.push(PagePlan::Search);
        }
        plans
    }

    /// Where a planned file goes, worked out without rendering it: the dev server maps request
    /// paths to plans with this and renders only the pages a browser asks for.
    pub fn output_path(&self, site: &Site, plan: PagePlan) -> String {
        let index = |folder: &str| format!("{folder}index.html");
        match plan {
            PagePlan::Home(number) => index(&views::paged_path("", number)),
            PagePlan::Article(i) => index(&site.articles[i].site_path()),
            PagePlan::Digest(i) => index(&site.digests()[i].path),
            PagePlan::Day(i) => index(&site.days[i].path),
            PagePlan::Month(i) => index(&site.months[i].path),
            PagePlan::Year(i) => index(&site.years[i].path),
            PagePlan::TaxonomyIndex(kind) => format!("{}/index.html", kind.name()),
            PagePlan::Term(kind, i, number) => {
                index(&views::paged_path(&site.taxonomy(kind).terms[i].path(kind), number))
            }
            PagePlan::Feed(scope, format) => {
                let folder = match scope {
                    FeedScope::Site => String::new(),
                    FeedScope::Term(kind, i) => site.taxonomy(kind).terms[i].path(kind),
                    FeedScope::Digests => "digests/".to_string(),
                };
                format!("{folder}{}", format.file_name())
            }
            PagePlan::Sitemap(0) => "sitemap.xml".to_string(),
            PagePlan::Sitemap(part) => format!("sitemap-{part}.xml"),
            PagePlan::NewsSitemap => "news-sitemap.xml".to_string(),
            PagePlan::Robots => "robots.txt".to_string(),
            PagePlan::Search => "search/index.html".to_string(),
            PagePlan::NotFound => "404.html".to_string(),
            PagePlan::Alias(index, number) => site.articles[index].aliases[number].clone(),
            PagePlan::Standalone(number) => index(&site.pages[number].path),
        }
    }

    /// `plans` cut into the runs [`Renderer::render_run`] renders together: the formats of each
    /// feed, and every other file alone.
    pub fn runs(plans: &[PagePlan]) -> impl Iterator<Item = &[PagePlan]> {
        plans.chunk_by(
            |a, b| matches!((a, b), (PagePlan::Feed(one, _), PagePlan::Feed(other, _)) if one == other),
        )
    }

    /// Renders a run of planned files, sharing work between them where it can: the formats of one
    /// feed (consecutive in [`Renderer::plan`]) are written from one list of items, so each article
    /// is made a feed item (and, for full-content feeds, rendered to HTML) once per feed rather
    /// than once per format. Results are in the order of `plans`.
    pub fn render_run(
        &self,
        site: &Site,
        cards: &Cards,
        plans: &[PagePlan],
    ) -> Vec<Result<Page, Diagnostic>> {
        if let Some(&PagePlan::Feed(scope, _)) = plans.first() {
            let formats: Option<Vec<FeedFormat>> = plans
                .iter()
                .map(|plan| match *plan {
                    PagePlan::Feed(other, format) if other == scope => Some(format),
                    _ => None,
                })
                .collect();
            if let Some(formats) = formats {
                return self.feeds(site, cards, scope, &formats).into_iter().map(Ok).collect();
            }
        }
        plans.iter().map(|&plan| self.render(site, cards, plan)).collect()
    }

    /// Renders one planned file. `cards` is the card memo made for `site` ([`Cards::new`]).
    pub fn render(&self, site: &Site, cards: &Cards, plan: PagePlan) -> Result<Page, Diagnostic> {
        let config = &self.config;
        match plan {
            PagePlan::Home(number) => self.home(site, cards, number),
            PagePlan::Article(index) => self.article(site, cards, index),
            PagePlan::Digest(index) => self.digest(site, cards, &site.digests()[index], "digest"),
            PagePlan::Day(index) => self.digest(site, cards, &site.days[index], "day"),
            PagePlan::Month(index) => {
                let calendar = dates::calendar(&config.language);
                let period = &site.months[index];
                let title = crate::text::capitalised(
                    &calendar.month_year(site.articles[period.articles[0]].date.date()),
                );
                let entries = site
                    .days
                    .iter()
                    .filter(|d| d.path.starts_with(&period.path))
                    .map(|d| ArchiveEntry {
                        title: crate::text::capitalised(
                            &calendar.weekday_day_month(site.articles[d.articles[0]].date.date()),
                        ),
                        path: d.path.clone(),
                        count: d.articles.len(),
                    })
                    .collect();
                self.archive(site, cards, "month", "month.html", period, title, entries, Vec::new())
            }
            PagePlan::Year(index) => {
                let calendar = dates::calendar(&config.language);
                let period = &site.years[index];
                let title = format!("{}", period.key.0);
                let entries = site
                    .months
                    .iter()
                    .filter(|m| m.path.starts_with(&period.path))
                    .map(|m| ArchiveEntry {
                        title: crate::text::capitalised(
                            &calendar.month_year(site.articles[m.articles[0]].date.date()),
                        ),
                        path: m.path.clone(),
                        count: m.articles.len(),
                    })
                    .collect();
                // A site of weekly digests lists its year's issues too: no page listed them, and a
                // week's breadcrumb leads here. Every issue with a story of the year, whichever
                // year its week is numbered in (`2020/w53/` holds 1 to 3 January 2021).
                let weeks = if site.digest_period == crate::config::DigestPeriod::Week {
                    site.weeks
                        .iter()
                        .filter_map(|w| {
                            // Counted by the year's stories, so that the weeks add up to the year.
                            let count = w
                                .articles
                                .iter()
                                .filter(|&&i| site.articles[i].date.year() == period.key.0)
                                .count();
                            (count > 0).then(|| ArchiveEntry {
                                title: period_label(site, w),
                                path: w.path.clone(),
                                count,
                            })
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                self.archive(site, cards, "year", "year.html", period, title, entries, weeks)
            }
            PagePlan::TaxonomyIndex(kind) => self.taxonomy_index(site, cards, kind),
            PagePlan::Term(kind, index, page) => self.term(site, cards, kind, index, page),
            PagePlan::Feed(scope, format) => {
                Ok(self.feeds(site, cards, scope, &[format]).pop().expect("one page per format"))
            }
            PagePlan::Sitemap(part) => Ok(seo::sitemap_file(site, config, part)),
            PagePlan::NewsSitemap => Ok(seo::news_sitemap_file(site, config)),
            PagePlan::Robots => Ok(Page {
                output_path: "robots.txt".into(),
                content: feeds::robots(&config.base_url).into_bytes(),
            }),
            PagePlan::Search => {
                #[derive(Serialize)]
                struct SearchPage {
                    site: tera::Value,
                    page: PageMeta,
                    base_path: String,
                }
                let description = self.words.text("search_description", &[("site", &config.title)]);
                let page =
                    PageMeta::new(config, "search", "search/", self.words.text("search", &[]), description);
                let context = SearchPage {
                    site: cards.site_view(config, site, &self.words),
                    page,
                    base_path: config.base_path(),
                };
                self.page("search/index.html", "search.html", &context)
            }
            PagePlan::Alias(index, number) => {
                let article = &site.articles[index];
                let url = config.absolute_url(&article.site_path());
                let content = feeds::redirect_page(&url, &article.title, &config.language).into_bytes();
                Ok(Page { output_path: article.aliases[number].clone(), content })
            }
            PagePlan::Standalone(index) => self.standalone(site, cards, index),
            PagePlan::NotFound => {
                #[derive(Serialize)]
                struct NotFound {
                    site: tera::Value,
                    page: PageMeta,
                }
                let mut page = PageMeta::new(
                    config,
                    "404",
                    "404.html",
                    self.words.text("page_not_found", &[]),
                    self.words.text("no_page_here", &[]),
                );
                // The 404 page is served at any depth, so its links must be root-based.
                page.root = config.base_path();
                self.page(
                    "404.html",
                    "404.html",
                    &NotFound { site: cards.site_view(config, site, &self.words), page },
                )
            }
        }
    }

    /// A page that is not news, with `page.html`: its title and body, no date, no cards.
    fn standalone(&self, site: &Site, cards: &Cards, index: usize) -> Result<Page, Diagnostic> {
        let config = &self.config;
        let doc = &site.pages[index];
        #[derive(Serialize)]
        struct Doc<'v> {
            title: &'v str,
            content: String,
            lang: Option<&'v str>,
            updated: Option<String>,
            updated_display: Option<String>,
            extra: &'v std::collections::BTreeMap<String, serde_json::Value>,
        }
        #[derive(Serialize)]
        struct StandalonePageContext<'v> {
            site: tera::Value,
            page: PageMeta,
            doc: Doc<'v>,
        }
        let lang = doc.lang.as_deref().filter(|lang| !crate::model::same_language(lang, &config.language));
        let view = Doc {
            title: &doc.title,
            content: markdown::to_html(&doc.body_markdown, self.markdown),
            lang,
            updated: doc.updated.as_ref().map(views::rfc3339),
            updated_display: doc.updated.as_ref().map(|date| views::display_date(date, &config.language)),
            extra: &doc.extra,
        };
        let description =
            if doc.description.is_empty() { doc.title.clone() } else { doc.description.clone() };
        let mut page = PageMeta::new(config, "page", &doc.path, doc.title.clone(), description);
        page.set_lang(lang);
        let context =
            StandalonePageContext { site: cards.site_view(config, site, &self.words), page, doc: view };
        self.page(&format!("{}index.html", doc.path), "page.html", &context)
    }

    fn home(&self, site: &Site, cards: &Cards, number: usize) -> Result<Page, Diagnostic> {
        let config = &self.config;
        let per_page = config.paginate_by;
        let start = (number - 1) * per_page;
        let end = (start + per_page).min(site.articles.len());
        let digests = digests_for(site, cards, start..end, &self.words);
        let path = views::paged_path("", number);
        let title = if number == 1 { config.title.clone() } else { self.numbered(&config.title, number) };
        let pages = site.articles.len().div_ceil(per_page).max(1);
        #[derive(Serialize)]
        struct Home {
            site: tera::Value,
            page: PageMeta,
            digests: Vec<DigestView>,
            pager: Pager,
        }
        let mut description = if config.description.is_empty() {
            self.words.text("latest_news_from", &[("site", &config.title)])
        } else {
            config.description.clone()
        };
        if number > 1 {
            // Each page its own description, as search engines ask.
            let (number, total) = (number.to_string(), pages.to_string());
            description = self.words.text(
                "numbered_page_of",
                &[("title", description.trim_end()), ("number", &number), ("total", &total)],
            );
        }
        let mut page = PageMeta::new(config, "home", &path, title, description);
        page.json_ld = Some(seo::website_json_ld(config));
        page.feeds = self.digests_feed_links();
        let context = Home {
            site: cards.site_view(config, site, &self.words),
            page,
            digests,
            pager: Pager::new("", number, pages),
        };
        self.page(&format!("{path}index.html"), "index.html", &context)
    }

    fn article(&self, site: &Site, cards: &Cards, index: usize) -> Result<Page, Diagnostic> {
        let config = &self.config;
        let article = &site.articles[index];
        let card = ArticleCard::with_cluster(site, index);
        let path = card.path.clone();
        let newer = index.checked_sub(1).map(|i| link_to(&site.articles[i]));
        let older = site.articles.get(index + 1).map(link_to);
        let view = ArticleView {
            card,
            content: markdown::to_html(&article.body_markdown, self.markdown),
            summary_in_body: article.summary_in_body,
            dateline: article.dateline.as_ref(),
            images: article
                .images
                .iter()
                .map(|image| Image {
                    src: image.src.as_deref().map(|src| match src.strip_prefix('/') {
                        Some(from_root) if !from_root.starts_with('/') => {
                            format!("{}{from_root}", views::relative_root(&path))
                        }
                        _ => src.to_string(),
                    }),
                    ..image.clone()
                })
                .collect(),
            photo_credits: photo_credits(&article.images),
            embeds: &article.embeds,
            source_url: article.source_url.as_deref(),
            lang: article.lang.as_deref().filter(|lang| !crate::model::same_language(lang, &config.language)),
            word_count: article.word_count,
            updated: article.updated.as_ref().map(views::rfc3339),
            // With its time when it has one: an update the day a story ran says little without.
            updated_display: article.updated.as_ref().map(|updated| match views::time_of_day(updated) {
                Some(time) => format!("{}, {time}", views::display_date(updated, &config.language)),
                None => views::display_date(updated, &config.language),
            }),
            title_inferred: article.title_inferred,
            author_links: article
                .authors
                .iter()
                .filter_map(|a| {
                    let authors = site.taxonomy(TaxonomyKind::Authors);
                    Some(TermLink { name: authors.name_of(a).to_string(), path: authors.path_of(a)? })
                })
                .collect(),
            related: site.related(index, 5).into_iter().map(|i| cards.plain_card(site, i)).collect(),
            extra: &article.extra,
        };
        #[derive(Serialize)]
        struct ArticlePage<'v> {
            site: tera::Value,
            page: PageMeta,
            article: ArticleView<'v>,
            newer: Option<Link>,
            older: Option<Link>,
            digest: Option<views::DigestLink>,
        }
        let digest = site.digest_of(index).map(|period| {
            let title = period_label(site, period);
            let in_text = dates::calendar(&site.language).in_running_text(&title);
            views::DigestLink { title, in_text, path: period.path.clone() }
        });
        let description = match &article.description {
            Some(description) => description.clone(),
            None if article.summary.is_empty() => article.title.clone(),
            None => article.summary.clone(),
        };
        let mut page = PageMeta::new(config, "article", &path, article.title.clone(), description);
        page.og_type = "article";
        page.breadcrumbs = views::date_trail(&article.date, 3, &site.language);
        page.set_lang(view.lang);
        page.image = seo::lead_image(article, config);
        page.json_ld = Some(seo::news_article_json_ld(article, config, &page.url, page.image.as_deref()));
        let context = ArticlePage {
            site: cards.site_view(config, site, &self.words),
            page,
            article: view,
            newer,
            older,
            digest,
        };
        self.page(&format!("{path}index.html"), "article.html", &context)
    }

    fn digest(
        &self,
        site: &Site,
        cards: &Cards,
        period: &Period,
        kind: &'static str,
    ) -> Result<Page, Diagnostic> {
        let config = &self.config;
        let digest = DigestView::new(site, cards, period, &period.articles, &self.words);
        let list = match kind {
            "day" => &site.days,
            _ => site.digests(),
        };
        let position = list.iter().position(|p| p.path == period.path).unwrap_or(0);
        // Lists are newest first: the previous (older) period is the next entry.
        let previous = list.get(position + 1).map(|p| period_link(site, p));
        let next = position.checked_sub(1).map(|i| period_link(site, &list[i]));
        #[derive(Serialize)]
        struct DigestPage {
            site: tera::Value,
            page: PageMeta,
            digest: DigestView,
            previous: Option<Link>,
            next: Option<Link>,
        }
        let description =
            self.words.text("title_and_count", &[("title", &digest.title), ("stories", &digest.headline)]);
        let mut page = PageMeta::new(config, kind, &period.path, digest.title.clone(), description);
        page.feeds = self.digests_feed_links();
        let newest = &site.articles[period.articles[0]].date;
        page.breadcrumbs = match period.kind {
            crate::model::PeriodKind::Day => views::date_trail(newest, 2, &site.language),
            // An ISO week belongs to its week-numbering year (`2026/w53/` to 2026, though it may
            // end on 3 January 2027): that year's page, when the site has one.
            crate::model::PeriodKind::Week => {
                let year = period.path.split('/').next().unwrap_or_default();
                let path = format!("{year}/");
                if site.years.iter().any(|y| y.path == path) {
                    vec![Link { title: year.to_string(), path }]
                } else {
                    views::date_trail(newest, 1, &site.language)
                }
            }
            _ => views::date_trail(newest, 1, &site.language),
        };
        let context =
            DigestPage { site: cards.site_view(config, site, &self.words), page, digest, previous, next };
        self.page(&format!("{}index.html", period.path), "digest.html", &context)
    }

    #[allow(clippy::too_many_arguments, reason = "the shared memo, then what one archive page shows")]
    fn archive(
        &self,
        site: &Site,
        cards: &Cards,
        kind: &'static str,
        template: &str,
        period: &Period,
        title: String,
        entries: Vec<ArchiveEntry>,
        weeks: Vec<ArchiveEntry>,
    ) -> Result<Page, Diagnostic> {
        #[derive(Serialize)]
        struct Archive {
            site: tera::Value,
            page: PageMeta,
            entries: Vec<ArchiveEntry>,
            /// A year's weekly digests, newest first, when the digests are weeks.
            weeks: Vec<ArchiveEntry>,
            count: usize,
        }
        let config = &self.config;
        let count = period.articles.len();
        let stories = views::story_count(&self.words, count);
        let description = self.words.text("title_and_count", &[("title", &title), ("stories", &stories)]);
        let mut page = PageMeta::new(config, kind, &period.path, title, description);
        if kind == "month" {
            page.breadcrumbs = views::date_trail(&site.articles[period.articles[0]].date, 1, &site.language);
        }
        let context =
            Archive { site: cards.site_view(config, site, &self.words), page, entries, weeks, count };
        self.page(&format!("{}index.html", period.path), template, &context)
    }

    fn taxonomy_index(&self, site: &Site, cards: &Cards, kind: TaxonomyKind) -> Result<Page, Diagnostic> {
        let config = &self.config;
        let taxonomy = site.taxonomy(kind);
        let entries: Vec<ArchiveEntry> = taxonomy
            .terms
            .iter()
            .map(|t| ArchiveEntry { title: t.name.clone(), path: t.path(kind), count: t.articles.len() })
            .collect();
        #[derive(Serialize)]
        struct TaxonomyPage {
            site: tera::Value,
            page: PageMeta,
            taxonomy: &'static str,
            entries: Vec<ArchiveEntry>,
        }
        let path = format!("{}/", kind.name());
        let terms = self.words.count(&format!("{}_count", views::taxonomy_key(kind)), entries.len(), &[]);
        let description =
            self.words.text("taxonomy_description", &[("terms", &terms), ("site", &config.title)]);
        let page =
            PageMeta::new(config, "taxonomy", &path, views::taxonomy_title(&self.words, kind), description);
        let context = TaxonomyPage {
            site: cards.site_view(config, site, &self.words),
            page,
            taxonomy: kind.name(),
            entries,
        };
        self.page(&format!("{path}index.html"), "taxonomy.html", &context)
    }

    fn term(
        &self,
        site: &Site,
        cards: &Cards,
        kind: TaxonomyKind,
        index: usize,
        number: usize,
    ) -> Result<Page, Diagnostic> {
        let config = &self.config;
        let term = &site.taxonomy(kind).terms[index];
        let per_page = config.paginate_by;
        let first = term.path(kind);
        let start = (number - 1) * per_page;
        let end = (start + per_page).min(term.articles.len());
        let articles: Vec<tera::Value> =
            term.articles[start..end].iter().map(|&i| cards.card(site, i)).collect();
        let pages = term.articles.len().div_ceil(per_page).max(1);
        #[derive(Serialize)]
        struct TermPage {
            site: tera::Value,
            page: PageMeta,
            taxonomy: &'static str,
            taxonomy_title: String,
            term: TermLink,
            count: usize,
            articles: Vec<tera::Value>,
            pager: Pager,
        }
        let path = views::paged_path(&first, number);
        let title = if number == 1 { term.name.clone() } else { self.numbered(&term.name, number) };
        let stories = views::story_count(&self.words, term.articles.len());
        let relation = self.relation(kind, &term.name);
        let description = self.words.text(
            "term_description",
            &[("stories", &stories), ("relation", &relation), ("site", &config.title)],
        );
        let mut page = PageMeta::new(config, "term", &path, title, description);
        page.feeds = FeedLink::set(&first, &term.name, &config.feed_formats);
        let taxonomy_title = views::taxonomy_title(&self.words, kind);
        page.breadcrumbs = vec![Link { title: taxonomy_title.clone(), path: format!("{}/", kind.name()) }];
        let context = TermPage {
            site: cards.site_view(config, site, &self.words),
            page,
            taxonomy: kind.name(),
            taxonomy_title,
            term: TermLink { name: term.name.clone(), path: first },
            count: term.articles.len(),
            articles,
            pager: Pager::new(&term.path(kind), number, pages),
        };
        self.page(&format!("{path}index.html"), "term.html", &context)
    }

    /// The digests feed (one item an issue), announced on the front page and the digests' pages
    /// beside the site's feed of stories: a reader who wants the week's issue, not thirty
    /// stories a week, finds it where the issues are.
    fn digests_feed_links(&self) -> Vec<FeedLink> {
        let title = self.words.text("digests_feed_title", &[("site", self.config.title.as_str())]);
        FeedLink::set("digests/", &title, &self.config.feed_formats)
    }

    /// One feed in each of `formats`, from one list of items.
    fn feeds(&self, site: &Site, cards: &Cards, scope: FeedScope, formats: &[FeedFormat]) -> Vec<Page> {
        let config = &self.config;
        let limit = config.feed_limit;
        let (folder, meta_title, description, items): (String, String, String, Vec<FeedItem>) = match scope {
            FeedScope::Site => {
                let items = site.articles.iter().take(limit).map(|a| self.feed_item(site, a)).collect();
                (String::new(), config.title.clone(), config.description.clone(), items)
            }
            FeedScope::Term(kind, index) => {
                let term = &site.taxonomy(kind).terms[index];
                let items = term
                    .articles
                    .iter()
                    .take(limit)
                    .map(|&i| self.feed_item(site, &site.articles[i]))
                    .collect();
                let title = format!("{} — {}", term.name, config.title);
                let relation = self.relation(kind, &term.name);
                let description = self
                    .words
                    .text("term_feed_description", &[("relation", &relation), ("site", &config.title)]);
                (term.path(kind), title, description, items)
            }
            FeedScope::Digests => {
                let items = site
                    .closed_digests()
                    .iter()
                    .take(limit)
                    .map(|p| self.digest_item(site, cards, p))
                    .collect();
                let site_title = [("site", config.title.as_str())];
                let title = self.words.text("digests_feed_title", &site_title);
                let description = self.words.text("digests_feed_description", &site_title);
                ("digests/".to_string(), title, description, items)
            }
        };
        let meta = FeedMeta {
            title: meta_title,
            description,
            home_url: config.absolute_url(if folder == "digests/" { "" } else { &folder }),
            feed_base: config.absolute_url(&folder),
            language: config.language.clone(),
            publisher: config.title.clone(),
        };
        formats
            .iter()
            .map(|format| {
                let content = match format {
                    FeedFormat::Rss => feeds::rss(&meta, &items),
                    FeedFormat::Atom => feeds::atom(&meta, &items),
                    FeedFormat::Json => feeds::json_feed(&meta, &items),
                };
                Page { output_path: format!("{folder}{}", format.file_name()), content: content.into_bytes() }
            })
            .collect()
    }

    fn feed_item<'a>(&self, site: &'a Site, article: &'a Article) -> FeedItem<'a> {
        let config = &self.config;
        let url = config.absolute_url(&article.site_path());
        let content_html = match config.feed_content {
            FeedContent::Summary => None,
            FeedContent::Full | FeedContent::Both => {
                // Read in a feed reader, not on the page: a bundle's `photo.jpg` needs its URL.
                Some(markdown::to_html_at(&article.body_markdown, self.markdown, Some(&url)))
            }
        };
        let summary = match config.feed_content {
            FeedContent::Full => Cow::Borrowed(""),
            _ => Cow::Borrowed(article.summary.as_str()),
        };
        FeedItem {
            url,
            title: Cow::Borrowed(&article.title),
            published: &article.date,
            updated: article.updated.as_ref().unwrap_or(&article.date),
            summary,
            content_html,
            authors: &article.authors,
            tags: {
                let tags = site.taxonomy(TaxonomyKind::Tags);
                article.tags.iter().map(|tag| tags.name_of(tag)).collect()
            },
            image: seo::lead_image(article, config),
            external_url: article.source_url.as_deref(),
        }
    }

    fn digest_item<'a>(&self, site: &'a Site, cards: &Cards, period: &Period) -> FeedItem<'a> {
        let config = &self.config;
        let digest = DigestView::new(site, cards, period, &period.articles, &self.words);
        let url = config.absolute_url(&period.path);
        // The issue as its page has it, for a newsletter service to mail: stories under their
        // topics, each with its outlet, its summary and the other outlets that reported it.
        let groups = views::topic_members(site, &digest.shown);
        let tags = site.taxonomy(TaxonomyKind::Tags);
        let link = |article: &Article, text: &str| {
            format!(
                "<a href=\"{}\">{}</a>",
                feeds::xml_escape(&config.absolute_url(&article.site_path())),
                feeds::xml_escape(text)
            )
        };
        let mut html = String::new();
        for (term, members) in &groups {
            if groups.len() > 1 {
                let heading = match term {
                    Some(term) => tags.terms[*term].name.clone(),
                    None => self.words.text("other_stories", &[]),
                };
                html.push_str(&format!("<h3>{}</h3>", feeds::xml_escape(&heading)));
            }
            html.push_str("<ul>");
            for &i in members {
                let article = &site.articles[i];
                html.push_str("<li>");
                html.push_str(&link(article, &article.title));
                if let Some(source) = &article.source {
                    html.push_str(&format!(" ({})", feeds::xml_escape(source)));
                }
                if !article.summary.is_empty() {
                    html.push_str(&format!(" — {}", feeds::xml_escape(&article.summary)));
                }
                let others: Vec<String> = site
                    .cluster_of(i)
                    .iter()
                    .filter(|&&other| other != i)
                    .map(|&other| {
                        let other = &site.articles[other];
                        link(other, other.source.as_deref().unwrap_or(&other.title))
                    })
                    .collect();
                if !others.is_empty() {
                    let label = self.words.text("also_reported_by", &[]);
                    html.push_str(&format!(" {} {}", feeds::xml_escape(&label), others.join(", ")));
                }
                html.push_str("</li>");
            }
            html.push_str("</ul>");
        }
        let newest = &site.articles[period.articles[0]];
        FeedItem {
            url,
            title: Cow::Owned(digest.title),
            published: &newest.date,
            updated: &newest.date,
            summary: Cow::Owned(digest.headline),
            content_html: Some(html),
            authors: &[],
            tags: Vec::new(),
            image: None,
            external_url: None,
        }
    }

    fn page(&self, output_path: &str, template: &str, context: &impl Serialize) -> Result<Page, Diagnostic> {
        let context = tera::Context::from_serialize(context).map_err(|e| {
            Diagnostic::error(self.origin(template), format!("cannot build the template context: {e}"))
        })?;
        // Rendered straight into bytes: `Tera::render` would check the whole page is UTF-8 again
        // to make a String, and the page is written as bytes anyway.
        let mut html = Vec::with_capacity(16 * 1024);
        self.tera.render_to(template, &context, &mut html).map_err(|e| {
            let mut diagnostic = template_diagnostic(&e, &self.origins, template);
            diagnostic.message.push_str(&self.undefined_hint(&e));
            diagnostic
        })?;
        Ok(Page { output_path: output_path.to_string(), content: html })
    }

    /// For Tera's "expected `string` but got `undefined`" (a filter or test given a name that is
    /// not defined, `{{ site.titel | upper }}`), which names no name, the expression it came
    /// from: ` in `site.titel | upper`: a name in it is not defined …`.
    fn undefined_hint(&self, error: &tera::Error) -> String {
        let tera::ErrorKind::RenderingError(report) = error.kind() else { return String::new() };
        let message = report.message();
        if !(message.ends_with("got `undefined`") || message.contains("type undefined")) {
            return String::new();
        }
        // Tera's span is the value's start: the expression is the tag around it.
        let quoted = self.compiled.get(report.filename()).and_then(|text| {
            let at = report.span().range.start.min(text.len());
            let before = text.get(..at)?;
            let open = before.rfind("{{").into_iter().chain(before.rfind("{%")).max()?;
            let after = text.get(at..)?;
            let close = at + after.find("}}").into_iter().chain(after.find("%}")).min()? + 2;
            let tag = text.get(open..close)?;
            Some(tag.split_whitespace().collect::<Vec<_>>().join(" "))
        });
        let Some(tag) = quoted.filter(|tag| tag.len() <= 160) else { return String::new() };
        const KEYWORDS: &[&str] = &["if", "elif", "for", "in", "set", "not", "and", "or", "is", "with"];
        // The value a filter or test was given: the operand before the first `|` or ` is `. Named
        // only when it is a single name: `{{ page.title ~ site.titel | upper }}` names none.
        let operand = tag.split('|').next().unwrap_or(&tag).split(" is ").next().unwrap_or(&tag);
        // Not the loop's or the assignment's own name: `{% for x in page.itemz | reverse %}`,
        // `{% set x = site.titel | upper %}`.
        let operand = match operand.split_once(" in ").or_else(|| operand.split_once(" = ")) {
            Some((target, value)) if target.contains("for ") || target.contains("set ") => value,
            _ => operand,
        };
        let words: Vec<&str> = operand
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .filter(|word| word.starts_with(char::is_alphabetic) && !KEYWORDS.contains(word))
            .collect();
        let value = match words.as_slice() {
            [only] => *only,
            _ => "",
        };
        if value.is_empty() {
            return format!(
                " in `{tag}`: a name in it is not defined (misspelled, or not given to this template)"
            );
        }
        format!(
            " in `{tag}`: a name in it is not defined (misspelled, or not given to this template; write `{{{{ {value} }}}}` alone to be told which, and the names there are)"
        )
    }

    fn origin(&self, template: &str) -> PathBuf {
        self.origins.get(template).cloned().unwrap_or_else(|| PathBuf::from(template))
    }
}

/// Frees `value` on a thread of its own, for a large memo (tens of thousands of template values)
/// that `gazette serve` replaces on an edit: freeing one took 70 ms of the first edit after serve
/// started, with the browser waiting for its reload. Freed here if no thread can be started.
pub(crate) fn drop_in_background<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().name("gazette-drop".into()).spawn(move || drop(value));
}

fn link_to(article: &Article) -> Link {
    Link { title: article.title.clone(), path: article.site_path() }
}

/// A link to a digest or day, labelled with its title.
fn period_link(site: &Site, period: &Period) -> Link {
    Link { title: period_label(site, period), path: period.path.clone() }
}

/// A short label for a digest or day: its title.
fn period_label(site: &Site, period: &Period) -> String {
    let newest = &site.articles[period.articles[0]].date;
    let oldest = &site.articles[*period.articles.last().unwrap_or(&period.articles[0])].date;
    views::period_title(period.kind, oldest, newest, period.key, &site.language)
}

/// Groups the articles `range` of the home listing by digest, each group headed like its digest.
fn digests_for(
    site: &Site,
    cards: &Cards,
    range: std::ops::Range<usize>,
    words: &words::Words,
) -> Vec<DigestView> {
    let mut digests: Vec<DigestView> = Vec::new();
    let mut start = range.start;
    while start < range.end {
        let Some(period) = site.digest_of(start) else { break };
        let shown: Vec<usize> =
            period.articles.iter().copied().filter(|i| (start..range.end).contains(i)).collect();
        start += shown.len().max(1);
        digests.push(DigestView::new(site, cards, period, &shown, words));
    }
    digests
}

/// A tera error as a diagnostic naming the template file and line.
fn template_diagnostic(
    error: &tera::Error,
    origins: &HashMap<String, PathBuf>,
    fallback: &str,
) -> Diagnostic {
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let name = if report.filename().is_empty() { fallback } else { report.filename() };
            let line = report.span().start_line;
            // An error inside a card names the card's template first ("in meta.html:1: ..."): that
            // file is the one to fix, and the page's template (often the theme's own, which a site
            // has no copy of) only calls it.
            if let Some((inner, inner_line, message)) = card::error_origin(report.message())
                && let Some(path) = origins.get(inner)
            {
                return Diagnostic::error(
                    path.clone(),
                    format!("template error: {message} (where {name}:{line} calls it)"),
                )
                .at_line(Some(inner_line));
            }
            let path = origins.get(name).cloned().unwrap_or_else(|| PathBuf::from(name));
            Diagnostic::error(path, format!("template error: {}", report.message())).at_line(Some(line))
        }
        _ => {
            // Other errors (an unknown filter or template, a block no parent has) print as a
            // report: `error: Unknown filter `x`` then ` --> index.html:6:36` and the line. Named
            // at the template's file and line, as the errors above are.
            let text = error.to_string();
            let mut lines = text.lines();
            let message = lines.next().unwrap_or_default();
            let message = message.strip_prefix("error: ").unwrap_or(message);
            let at = lines.find_map(|line| line.trim_start().strip_prefix("--> ")).and_then(|at| {
                let mut parts = at.rsplitn(3, ':');
                let (_column, line, name) = (parts.next()?, parts.next()?, parts.next()?);
                Some((origins.get(name)?.clone(), line.parse::<usize>().ok()?))
            });
            match at {
                Some((path, line)) => {
                    Diagnostic::error(path, format!("template error: {message}")).at_line(Some(line))
                }
                None => {
                    let path = origins.get(fallback).cloned().unwrap_or_else(|| PathBuf::from(fallback));
                    Diagnostic::error(path, format!("template error: {}", text.trim_start_matches("error: ")))
                }
            }
        }
    }
}

/// For Tera's "Block `article_foter` is not defined in any parent template", the block of the
/// templates `sources` that the name likely misspells: ` (did you mean `article_footer`?)`, or
/// nothing.
fn block_name_hint<'t>(message: &str, sources: impl Iterator<Item = &'t str>) -> String {
    let Some(rest) = message.split("Block `").nth(1) else { return String::new() };
    let Some((wrong, after)) = rest.split_once('`') else { return String::new() };
    if !after.starts_with(" is not defined in any parent") {
        return String::new();
    }
    let mut names: Vec<&str> = sources
        .flat_map(|text| text.split("{%").skip(1))
        .filter_map(|tag| {
            let mut words = tag.trim_start_matches('-').split_whitespace();
            (words.next() == Some("block")).then(|| words.next()).flatten()
        })
        .filter(|name| *name != wrong)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .map(|name| (strsim::damerau_levenshtein(wrong, name), name))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, name)| format!(" (did you mean `{name}`?)"))
        .unwrap_or_default()
}

/// What Tera's terse syntax errors mean for the template `source`, at 1-based `line`: which
/// tag it did not know, and why. Zola's `macro`, `import` and `ignore missing` are not Tera 2's;
/// an `{% endblock %}` that is "unknown" closes a block while an `{% if %}` or `{% for %}` above
/// it is still open.
fn syntax_hint(message: &str, source: &str, line: usize) -> Option<String> {
    let text = source.lines().nth(line.checked_sub(1)?)?;
    if message.starts_with("Found identifier but expected %}") && text.contains("ignore missing") {
        return Some("Tera 2 has no `ignore missing`: an included template must exist".to_string());
    }
    if !message.starts_with("Unknown tag") {
        return None;
    }
    let tags: Vec<&str> = text
        .split("{%")
        .skip(1)
        .filter_map(|tag| tag.trim_start_matches('-').split_whitespace().next())
        .collect();
    if let Some(tag) = tags.iter().find(|tag| matches!(**tag, "macro" | "endmacro" | "import")) {
        return Some(format!(
            "`{{% {tag} %}}`: Tera 2 has no macros; put the markup in a template of its own and `{{% include %}}` it where it is needed, after `{{% set %}}` of what it reads"
        ));
    }
    /// Tera 2's tags; any other on the line is the one it did not know.
    const KNOWN: &[&str] = &[
        "if",
        "elif",
        "else",
        "endif",
        "for",
        "endfor",
        "block",
        "endblock",
        "extends",
        "include",
        "set",
        "set_global",
        "filter",
        "endfilter",
        "raw",
        "endraw",
        "break",
        "continue",
        "component",
        "endcomponent",
    ];
    if let Some(tag) = tags.iter().find(|tag| !KNOWN.contains(tag)) {
        return Some(format!("`{{% {tag} %}}` is no Tera tag"));
    }
    // A closing tag Tera did not expect: it closes a block while an `if` or `for` opened above
    // it is still open. The tags opened and not closed above the line, innermost last.
    if !tags.iter().any(|tag| tag.starts_with("end") || matches!(*tag, "else" | "elif")) {
        return None;
    }
    let mut open: Vec<(&str, usize)> = Vec::new();
    for (number, above) in source.lines().take(line - 1).enumerate() {
        for tag in
            above.split("{%").skip(1).filter_map(|tag| tag.trim_start_matches('-').split_whitespace().next())
        {
            match tag {
                "if" | "for" | "block" | "filter" => open.push((tag, number + 1)),
                "endif" | "endfor" | "endblock" | "endfilter" => {
                    open.pop();
                }
                _ => {}
            }
        }
    }
    let (tag, opened) = open.iter().rev().find(|(tag, _)| matches!(*tag, "if" | "for" | "filter"))?;
    Some(format!(
        "the `{{% {tag} %}}` opened on line {opened} is not closed before this: add `{{% end{tag} %}}`"
    ))
}

/// The credits of the photos that were cut from the text (images without a file), each caption
/// and credit once: a page that credits every photo “Photo by Joan Bardeletti” would otherwise
/// list the same line eight times in the footer. The footer says “Photo” before them, so a label
/// the text gave them (`Photo:`, `Photo credit:`, `Photo by`) is not said again.
fn photo_credits(images: &[Image]) -> Vec<Image> {
    let mut credits: Vec<Image> = Vec::new();
    for image in images.iter().filter(|image| image.src.is_none()) {
        let unlabelled =
            |text: &Option<String>| text.as_deref().map(|text| without_photo_label(text).to_string());
        let mut credit =
            Image { caption: unlabelled(&image.caption), credit: unlabelled(&image.credit), ..image.clone() };
        // A credit line copied as `(Sofia Andersson/Bloomberg)` reads as an aside with no caption
        // before it.
        if credit.caption.is_none()
            && let Some(text) = &mut credit.credit
            && let Some(inner) = text.strip_prefix('(').and_then(|rest| rest.strip_suffix(')'))
            && !inner.contains(['(', ')'])
        {
            *text = inner.trim().to_string();
        }
        if !credits.iter().any(|kept| kept.caption == credit.caption && kept.credit == credit.credit) {
            credits.push(credit);
        }
    }
    credits
}

/// `text` without a label that names it a photo or its credit (`Photo:`, `Photo credit:`,
/// `Photograph by`, `Image |`, `Foto:`, `Crédit photo :`), as captions and credit lines copied from
/// pages open; the text itself when there is no such label, or nothing after it.
fn without_photo_label(text: &str) -> &str {
    const LABELS: &[&str] = &[
        "photo credits",
        "photo credit",
        "image credits",
        "image credit",
        "picture credit",
        "photographs",
        "photograph",
        "photography",
        "photos",
        "photo",
        "pictures",
        "picture",
        "images",
        "image",
        "credits",
        "credit",
        "pic",
        "fotos",
        "foto",
        "bild",
        "crédits photo",
        "crédit photo",
    ];
    for label in LABELS {
        let Some(head) = text.get(..label.len()) else { continue };
        if !head.eq_ignore_ascii_case(label) && head.to_lowercase() != *label {
            continue;
        }
        let rest = text[label.len()..].trim_start();
        let after = rest
            .strip_prefix([':', '|', '/'])
            .or_else(|| rest.get(..3).filter(|by| by.eq_ignore_ascii_case("by ")).map(|_| &rest[3..]))
            .map(str::trim_start);
        if let Some(after) = after.filter(|after| !after.is_empty()) {
            return after;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelled_block_is_told_the_name_it_likely_means() {
        let base = "{% block content %}{% endblock content %}{% block article_footer %}{% endblock article_footer %}";
        let message = "template error: Block `article_foter` is not defined in any parent template";
        assert_eq!(block_name_hint(message, [base].into_iter()), " (did you mean `article_footer`?)");
        let message = "template error: Block `sidebar` is not defined in any parent template";
        assert_eq!(block_name_hint(message, [base].into_iter()), "", "nothing close");
    }

    #[test]
    fn tera_syntax_errors_say_which_tag_and_why() {
        let unclosed = "{% extends \"base.html\" %}\n{% block content %}\n{% if a %}\n{% for x in xs %}{% endfor %}\n<p>x</p>\n{% endblock content %}\n";
        assert_eq!(
            syntax_hint("Unknown tag", unclosed, 6).as_deref(),
            Some("the `{% if %}` opened on line 3 is not closed before this: add `{% endif %}`")
        );
        let closed = unclosed.replace("<p>x</p>", "{% endif %}");
        assert_eq!(syntax_hint("Unknown tag", &closed, 6), None, "nothing to say");
        assert!(
            syntax_hint("Unknown tag", "{% import \"m.html\" as m %}\n", 1)
                .is_some_and(|hint| hint.contains("Tera 2 has no macros"))
        );
        assert!(
            syntax_hint("Found identifier but expected %}.", "{% include \"x.html\" ignore missing %}", 1)
                .is_some_and(|hint| hint.contains("no `ignore missing`"))
        );
        // A tag Tera does not know, inside a loop that is meant to be open, is named as such.
        assert_eq!(
            syntax_hint("Unknown tag", "{% for x in xs %}\n{% trans %}x{% endtrans %}\n{% endfor %}\n", 2)
                .as_deref(),
            Some("`{% trans %}` is no Tera tag")
        );
    }

    #[test]
    fn a_photographer_credited_under_each_photo_is_credited_once() {
        let credit = |caption: Option<&str>, credit: &str, src: Option<&str>| Image {
            src: src.map(str::to_string),
            caption: caption.map(str::to_string),
            credit: Some(credit.to_string()),
            ..Image::default()
        };
        let images = [
            credit(None, "Photo by Joan Bardeletti", None),
            credit(None, "Photo by Joan Bardeletti", None),
            credit(Some("The lab in Barcelona"), "Photo by Joan Bardeletti", None),
            credit(None, "Photo by Joan Bardeletti", Some("lab.jpg")),
            credit(None, "Photo by Joan Bardeletti", None),
            credit(None, "(Sofia Andersson/Bloomberg)", None),
            credit(Some("The pier"), "(Tom Baker/Reuters)", None),
        ];
        let credits: Vec<(Option<String>, Option<String>)> =
            photo_credits(&images).iter().map(|i| (i.caption.clone(), i.credit.clone())).collect();
        let both =
            |caption: Option<&str>, credit: &str| (caption.map(str::to_string), Some(credit.to_string()));
        assert_eq!(
            credits,
            [
                both(None, "Joan Bardeletti"),
                both(Some("The lab in Barcelona"), "Joan Bardeletti"),
                both(None, "Sofia Andersson/Bloomberg"),
                both(Some("The pier"), "(Tom Baker/Reuters)"),
            ]
        );
    }

    #[test]
    fn a_label_the_footer_says_is_not_said_twice() {
        for (text, shown) in [
            ("Photo: Dockworkers gather at the gates.", "Dockworkers gather at the gates."),
            ("Photo credit: Lucy Grant/Portvale Courier", "Lucy Grant/Portvale Courier"),
            ("PHOTOGRAPH BY TOM BAKER", "TOM BAKER"),
            ("Crédit photo : AFP", "AFP"),
            ("Image | Reuters", "Reuters"),
            ("Photographers gather at the gates", "Photographers gather at the gates"),
            ("Photo:", "Photo:"),
            ("Kirsten Luce for The New York Times", "Kirsten Luce for The New York Times"),
        ] {
            assert_eq!(without_photo_label(text), shown, "{text}");
        }
    }

    #[test]
    fn output_paths_are_known_before_rendering() {
        for period in [DigestPeriod::Day, DigestPeriod::Week] {
            let mut config = crate::model::tests::config();
            config.digest_period = period;
            plans_land_where_they_render(&config);
        }
        let mut config = crate::model::tests::config();
        config.feed_content = FeedContent::Both;
        plans_land_where_they_render(&config);
    }

    fn plans_land_where_they_render(config: &Config) {
        let theme = crate::theme::Theme::load(config).unwrap();
        let renderer = Renderer::new(config, &theme).unwrap();
        let site = test_site(config);
        let plans = renderer.plan(&site);
        assert!(plans.iter().any(|p| matches!(p, PagePlan::Term(_, _, 2))), "a second term page exists");
        let cards = Cards::new(&site);
        for &plan in &plans {
            let page = renderer.render(&site, &cards, plan).unwrap();
            assert_eq!(renderer.output_path(&site, plan), page.output_path, "{plan:?}");
        }
        // Rendering in runs (a feed's formats from one item list) gives the same files.
        let runs: Vec<&[PagePlan]> = Renderer::runs(&plans).collect();
        assert!(runs.iter().any(|run| run.len() == FeedFormat::ALL.len()), "feeds render in runs");
        for run in runs {
            let together: Vec<Page> =
                renderer.render_run(&site, &cards, run).into_iter().map(Result::unwrap).collect();
            let alone: Vec<Page> =
                run.iter().map(|&plan| renderer.render(&site, &cards, plan).unwrap()).collect();
            assert_eq!(together, alone, "{run:?}");
        }
    }

    /// 25 days of one story each, with tags, an author and a source: a second page of terms.
    fn test_site(config: &Config) -> Site {
        let mut story = crate::model::tests::article("a.txt", "2025-01-02", "Harbour story");
        story.tags = vec!["Harbour".into(), "Ferry".into()];
        story.authors = vec!["Ann Lee".into()];
        story.source = Some("Daily".into());
        let articles = (0..25)
            .map(|n| {
                let mut article = story.clone();
                article.source_path = format!("{n}.txt");
                article.title = format!("Story {n}");
                article.slug = format!("story-{n}");
                article.date = article.date.checked_add(jiff::Span::new().days(n)).unwrap();
                article
            })
            .collect();
        Site::assemble(config, articles, jiff::Timestamp::UNIX_EPOCH).0
    }

    #[test]
    fn default_theme_cards_are_what_including_card_html_gives() {
        // `card()` keeps each story's card; the theme's templates as they were before it, with
        // `{% include "card.html" %}`, must give the same bytes on every page, each rendered twice
        // (the second time, every card comes from the memo).
        let mut config = crate::model::tests::config();
        config.base_url = "https://example.org/news&co/".into();
        let theme = crate::theme::Theme::load(&config).unwrap();
        let mut included = theme.clone();
        for file in included.templates.values_mut() {
            for (call, include) in [
                ("{{ card(item=item, level=3) }}", "{% set level = 3 %}{% include \"card.html\" %}"),
                ("{{ card(item=item, level=2) }}", "{% set level = 2 %}{% include \"card.html\" %}"),
                (
                    "{{ card(item=item, level=3, lead=front and loop.first) }}",
                    "{% set level = 3 %}{% set lead = front and loop.first %}{% include \"card.html\" %}",
                ),
            ] {
                file.text = file.text.replace(call, include);
            }
            assert!(!file.text.contains("{{ card("), "a card() call this test does not know: {}", file.text);
        }
        let site = test_site(&config);
        let (memo, include) =
            (Renderer::new(&config, &theme).unwrap(), Renderer::new(&config, &included).unwrap());
        let cards = Cards::new(&site);
        let plans = memo.plan(&site);
        let mut with_cards = 0;
        for _ in 0..2 {
            for &plan in &plans {
                let page = memo.render(&site, &cards, plan).unwrap();
                assert_eq!(page, include.render(&site, &cards, plan).unwrap(), "{plan:?}");
                with_cards += usize::from(page.content.windows(14).any(|w| w == b"<article class"));
            }
        }
        assert!(with_cards > 40, "cards on {with_cards} pages");
    }

    #[test]
    fn every_required_template_is_in_the_default_theme() {
        let config = crate::model::tests::config();
        let theme = crate::theme::Theme::load(&config).unwrap();
        assert!(Renderer::new(&config, &theme).is_ok());
    }
}
