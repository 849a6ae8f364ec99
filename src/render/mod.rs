//! Site in, pages out: the tera environment, the list of pages a site has, and rendering one page.
//!
//! Rendering is split into [`Renderer::plan`] (which pages exist, cheap) and [`Renderer::render`]
//! (one page to bytes), so the emitter can render in parallel and write each page as soon as it
//! is ready instead of holding the whole site in memory. Nothing here writes files.

pub mod views;

use std::path::PathBuf;

use serde::Serialize;
use tera::Tera;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, MarkdownOptions};
use crate::model::{Period, Site};
use crate::theme::Theme;
use views::{ArchiveEntry, ArticleCard, ArticleView, DigestView, Link, PageMeta, Pager, SiteView};

/// One page the site will have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagePlan {
    /// Home page number N (1-based).
    Home(usize),
    /// Article by index into `Site::articles`.
    Article(usize),
    /// Day digest by index into `Site::days`.
    Day(usize),
    /// Month archive by index into `Site::months`.
    Month(usize),
    /// Year archive by index into `Site::years`.
    Year(usize),
    /// The 404 page.
    NotFound,
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
pub struct Renderer<'a> {
    tera: Tera,
    config: &'a Config,
    origins: std::collections::HashMap<String, PathBuf>,
    markdown: MarkdownOptions,
}

/// Templates every theme must provide (the default theme does).
pub const REQUIRED_TEMPLATES: &[&str] =
    &["index.html", "article.html", "day.html", "month.html", "year.html", "404.html"];

impl<'a> Renderer<'a> {
    /// Compiles every template of `theme`. Syntax errors name the template file and line.
    pub fn new(config: &'a Config, theme: &Theme) -> Result<Self, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        let origins: std::collections::HashMap<String, PathBuf> =
            theme.templates.iter().map(|(name, file)| (name.clone(), file.origin.clone())).collect();
        let templates = theme.templates.iter().map(|(name, file)| (name.as_str(), file.text.as_str()));
        if let Err(error) = tera.add_raw_templates(templates) {
            return Err(vec![template_diagnostic(&error, &origins, "templates")]);
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
        if !missing.is_empty() {
            return Err(missing);
        }
        let markdown =
            MarkdownOptions { unsafe_html: config.unsafe_html, smart_punctuation: config.smart_punctuation };
        Ok(Renderer { tera, config, origins, markdown })
    }

    /// Every page of `site`, in a stable order.
    pub fn plan(&self, site: &Site) -> Vec<PagePlan> {
        let home_pages = site.articles.len().div_ceil(self.config.paginate_by).max(1);
        let mut plans: Vec<PagePlan> = (1..=home_pages).map(PagePlan::Home).collect();
        plans.extend((0..site.articles.len()).map(PagePlan::Article));
        plans.extend((0..site.days.len()).map(PagePlan::Day));
        plans.extend((0..site.months.len()).map(PagePlan::Month));
        plans.extend((0..site.years.len()).map(PagePlan::Year));
        plans.push(PagePlan::NotFound);
        plans
    }

    /// Renders one planned page.
    pub fn render(&self, site: &Site, plan: PagePlan) -> Result<Page, Diagnostic> {
        let config = self.config;
        let site_view = SiteView::new(config);
        match plan {
            PagePlan::Home(number) => {
                let per_page = config.paginate_by;
                let start = (number - 1) * per_page;
                let end = (start + per_page).min(site.articles.len());
                let digests = digests_for(site, start..end);
                let path = home_path(number);
                let title = if number == 1 {
                    config.title.clone()
                } else {
                    format!("{} — page {number}", config.title)
                };
                let pages = site.articles.len().div_ceil(per_page).max(1);
                let pager = Pager {
                    current: number,
                    total: pages,
                    previous: (number > 1).then(|| home_path(number - 1)),
                    next: (number < pages).then(|| home_path(number + 1)),
                };
                #[derive(Serialize)]
                struct Home<'v> {
                    site: SiteView<'v>,
                    page: PageMeta,
                    digests: Vec<DigestView<'v>>,
                    pager: Pager,
                }
                let page = PageMeta::new(config, "home", &path, title, config.description.clone());
                self.page(
                    &format!("{path}index.html"),
                    "index.html",
                    &Home { site: site_view, page, digests, pager },
                )
            }
            PagePlan::Article(index) => {
                let article = &site.articles[index];
                let card = ArticleCard::new(article);
                let path = card.path.clone();
                // Older/newer neighbours in the site's newest-first order.
                let newer = index.checked_sub(1).map(|i| link_to(&site.articles[i]));
                let older = site.articles.get(index + 1).map(link_to);
                let view = ArticleView {
                    card,
                    content: markdown::to_html(&article.body_markdown, self.markdown),
                    dateline: article.dateline.as_ref(),
                    images: &article.images,
                    embeds: &article.embeds,
                    lang: article.lang.as_deref().filter(|l| *l != config.language),
                    word_count: article.word_count,
                    updated: article.updated.as_ref().map(views::rfc3339),
                    title_inferred: article.title_inferred,
                    extra: &article.extra,
                };
                #[derive(Serialize)]
                struct ArticlePage<'v> {
                    site: SiteView<'v>,
                    page: PageMeta,
                    article: ArticleView<'v>,
                    newer: Option<Link>,
                    older: Option<Link>,
                    day: Option<Link>,
                }
                let day = site.day_of(article).map(|d| Link {
                    title: views::display_date(&site.articles[d.articles[0]].date),
                    path: d.path.clone(),
                });
                let page =
                    PageMeta::new(config, "article", &path, article.title.clone(), article.summary.clone());
                let context = ArticlePage { site: site_view, page, article: view, newer, older, day };
                self.page(&format!("{path}index.html"), "article.html", &context)
            }
            PagePlan::Day(index) => {
                let period = &site.days[index];
                let digest = DigestView::new(period, &period.articles, &site.articles);
                // `days` is newest first: the previous (older) digest is the next entry.
                let previous = site.days.get(index + 1).map(|p| period_link(site, p));
                let next = index.checked_sub(1).map(|i| period_link(site, &site.days[i]));
                #[derive(Serialize)]
                struct DayPage<'v> {
                    site: SiteView<'v>,
                    page: PageMeta,
                    digest: DigestView<'v>,
                    previous: Option<Link>,
                    next: Option<Link>,
                }
                let description = format!("{} — {}", digest.title, digest.headline);
                let page = PageMeta::new(config, "day", &period.path, digest.title.clone(), description);
                self.page(
                    &format!("{}index.html", period.path),
                    "day.html",
                    &DayPage { site: site_view, page, digest, previous, next },
                )
            }
            PagePlan::Month(index) => {
                let period = &site.months[index];
                let first = &site.articles[period.articles[0]].date;
                let title = first.strftime("%B %Y").to_string();
                let entries = site
                    .days
                    .iter()
                    .filter(|d| d.path.starts_with(&period.path))
                    .map(|d| ArchiveEntry {
                        title: site.articles[d.articles[0]].date.strftime("%A %-d %B").to_string(),
                        path: d.path.clone(),
                        count: d.articles.len(),
                    })
                    .collect();
                self.archive(site_view, "month", "month.html", period, title, entries)
            }
            PagePlan::Year(index) => {
                let period = &site.years[index];
                let title = format!("{}", period.key.0);
                let entries = site
                    .months
                    .iter()
                    .filter(|m| m.path.starts_with(&period.path))
                    .map(|m| ArchiveEntry {
                        title: site.articles[m.articles[0]].date.strftime("%B %Y").to_string(),
                        path: m.path.clone(),
                        count: m.articles.len(),
                    })
                    .collect();
                self.archive(site_view, "year", "year.html", period, title, entries)
            }
            PagePlan::NotFound => {
                #[derive(Serialize)]
                struct NotFound<'v> {
                    site: SiteView<'v>,
                    page: PageMeta,
                }
                let mut page =
                    PageMeta::new(config, "404", "404.html", "Page not found".into(), String::new());
                // The 404 page is served at any depth, so its links must be root-based.
                page.root = root_based_prefix(&config.base_url);
                self.page("404.html", "404.html", &NotFound { site: site_view, page })
            }
        }
    }

    fn archive(
        &self,
        site: SiteView<'_>,
        kind: &'static str,
        template: &str,
        period: &Period,
        title: String,
        entries: Vec<ArchiveEntry>,
    ) -> Result<Page, Diagnostic> {
        #[derive(Serialize)]
        struct Archive<'v> {
            site: SiteView<'v>,
            page: PageMeta,
            entries: Vec<ArchiveEntry>,
            count: usize,
        }
        let count = period.articles.len();
        let description = format!("{title}: {}", views::story_count(count));
        let page = PageMeta::new(self.config, kind, &period.path, title, description);
        self.page(&format!("{}index.html", period.path), template, &Archive { site, page, entries, count })
    }

    fn page(&self, output_path: &str, template: &str, context: &impl Serialize) -> Result<Page, Diagnostic> {
        let context = tera::Context::from_serialize(context).map_err(|e| {
            Diagnostic::error(self.origin(template), format!("cannot build the template context: {e}"))
        })?;
        let html = self
            .tera
            .render(template, &context)
            .map_err(|e| template_diagnostic(&e, &self.origins, template))?;
        Ok(Page { output_path: output_path.to_string(), content: html.into_bytes() })
    }

    fn origin(&self, template: &str) -> PathBuf {
        self.origins.get(template).cloned().unwrap_or_else(|| PathBuf::from(template))
    }
}

fn home_path(number: usize) -> String {
    if number == 1 { String::new() } else { format!("page/{number}/") }
}

fn link_to(article: &crate::model::Article) -> Link {
    Link { title: article.title.clone(), path: article.site_path() }
}

fn period_link(site: &Site, period: &Period) -> Link {
    Link { title: views::display_date(&site.articles[period.articles[0]].date), path: period.path.clone() }
}

/// The path part of the base URL (`/news/` for `https://example.org/news/`), for pages such as
/// 404 that are served from any URL and so cannot use relative links.
fn root_based_prefix(base_url: &str) -> String {
    match base_url.split_once("://") {
        Some((_, rest)) => match rest.find('/') {
            Some(slash) => rest[slash..].to_string(),
            None => "/".to_string(),
        },
        None => "/".to_string(),
    }
}

/// Groups the articles `range` of the home listing by day, each group headed like its digest.
fn digests_for(site: &Site, range: std::ops::Range<usize>) -> Vec<DigestView<'_>> {
    let mut digests: Vec<DigestView<'_>> = Vec::new();
    let mut start = range.start;
    while start < range.end {
        let day = site.day_of(&site.articles[start]).expect("every article is in its day");
        let shown: Vec<usize> =
            day.articles.iter().copied().filter(|i| (start..range.end).contains(i)).collect();
        start += shown.len();
        digests.push(DigestView::new(day, &shown, &site.articles));
    }
    digests
}

/// A tera error as a diagnostic naming the template file and line.
fn template_diagnostic(
    error: &tera::Error,
    origins: &std::collections::HashMap<String, PathBuf>,
    fallback: &str,
) -> Diagnostic {
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let name = if report.filename().is_empty() { fallback } else { report.filename() };
            let path = origins.get(name).cloned().unwrap_or_else(|| PathBuf::from(name));
            Diagnostic::error(path, format!("template error: {}", report.message()))
                .at_line(Some(report.span().start_line))
        }
        _ => {
            let path = origins.get(fallback).cloned().unwrap_or_else(|| PathBuf::from(fallback));
            Diagnostic::error(path, format!("template error: {error}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_based_prefix_keeps_the_sub_path() {
        assert_eq!(root_based_prefix("https://example.org/news/"), "/news/");
        assert_eq!(root_based_prefix("https://example.org/"), "/");
        assert_eq!(root_based_prefix("/"), "/");
    }
}
