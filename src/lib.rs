//! Gazette: a static site generator for news digests.
//!
//! A folder of article text goes in; a themed static site comes out. The pipeline reads top to
//! bottom in [`build`]: discover the files, ingest each into an article, assemble the site model,
//! render pages with the theme, emit them. Each stage is a module that owns one step; problems are
//! collected as [`Diagnostic`]s rather than stopping the build at the first bad file.

pub mod cache;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod emit;
pub mod ingest;
pub mod init;
pub mod language;
pub mod markdown;
pub mod model;
pub mod publish;
pub mod render;
pub mod search;
pub mod serve;
pub(crate) mod text;
pub mod theme;
pub mod yaml;

use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use config::Config;
pub use diagnostic::{Diagnostic, Diagnostics, Severity};

/// Progress of a long step, reported to whoever is watching (a terminal bar, or nobody).
/// Library code never prints; the CLI implements this.
pub trait Progress: Sync {
    /// A step with `total` units of work begins.
    fn start(&self, step: &'static str, total: usize);
    /// `n` units are done.
    fn advance(&self, n: usize);
    /// The step is over.
    fn finish(&self);
}

/// Progress that goes nowhere, for tests and quiet runs.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: &'static str, _: usize) {}
    fn advance(&self, _: usize) {}
    fn finish(&self) {}
}

/// How long each stage of a build took.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    /// Walking the content folder.
    pub discover: Duration,
    /// Reading, decoding and converting articles (and reading the article cache).
    pub ingest: Duration,
    /// Building the site model.
    pub assemble: Duration,
    /// Loading the theme and compiling templates.
    pub theme: Duration,
    /// Rendering and writing pages (they overlap: each page is written as soon as it is rendered).
    pub render: Duration,
    /// Copying static files and moving the new or changed files into the output folder.
    pub emit: Duration,
    /// Building the search index.
    pub search: Duration,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct Report {
    /// Articles read (published or not).
    pub articles: usize,
    /// Pages that are not news published (About, Contact).
    pub pages: usize,
    /// Articles published in this build.
    pub published: usize,
    /// Articles read but not published (drafts, scheduled, expired).
    pub held_back: model::HeldBack,
    /// Each article not shown, so `check` can say that a link leads to one.
    pub hidden: Vec<model::HiddenArticle>,
    /// Output paths of the static files the build copied as they are (the theme's and the
    /// site's), so `check` does not ask them for a title.
    pub static_files: std::collections::HashSet<String>,
    /// Published articles whose headline Gazette made (from the lede or the file's name: the
    /// text had no headline line), as (path under the content folder, title): the ones an editor
    /// should read before the site goes out.
    pub guessed_titles: Vec<(String, String)>,
    /// Files written (pages and static files).
    pub files_written: usize,
    /// Every problem found.
    pub diagnostics: Diagnostics,
    /// Time per stage.
    pub timings: Timings,
    /// True when the output folder was updated to this build.
    pub committed: bool,
    /// True when nothing had changed since the last build, so nothing was built or written.
    pub up_to_date: bool,
    /// Articles taken from the ingest cache because their file had not changed since the last
    /// build (the rest were read).
    pub reused: usize,
    /// `gazette serve` only: articles whose edit was patched into the served site without
    /// assembling it again (0 when the rebuild assembled the site).
    pub patched: usize,
    /// The output stays right until this moment (the next scheduled or expiring article, the
    /// next article to leave the two-day news sitemap); none: until an input changes.
    pub valid_until: Option<jiff::Timestamp>,
}

/// A problem that stops the build before any page is rendered (config, theme, output folder).
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The output folder could not be prepared or updated.
    #[error("{path}: {source}")]
    Output {
        /// The folder.
        path: std::path::PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Builds the site described by `config` into its output folder.
///
/// The output folder is updated only if no error was found; otherwise it is left untouched and
/// the report lists every problem.
pub fn build(config: &Config, now: jiff::Timestamp, progress: &dyn Progress) -> Result<Report, BuildError> {
    let mut report = Report::default();
    let started = Instant::now();
    // Both walk the content folder; side by side, the walk a build needs costs no time of its own
    // (it is thrown away when the output is up to date).
    let (fingerprint, discovery) =
        rayon::join(|| cache::fingerprint(config), || discover::walk(&config.content_dir));
    report.timings.discover = started.elapsed();
    if let Some(state) = cache::load(config)
        && cache::up_to_date(config, &state, &fingerprint, now)
    {
        report.up_to_date = true;
        report.committed = true;
        report.diagnostics.extend(state.warnings);
        report.guessed_titles = state.guessed_titles;
        report.timings.discover = started.elapsed();
        return Ok(report);
    }
    let sink = emit::DiskSink::create(&config.output_dir)
        .map_err(|source| BuildError::Output { path: config.output_dir.clone(), source })?;
    let loading = Instant::now();
    let cache = ingest::cache::IngestCache::load(config);
    let loaded = loading.elapsed();
    let ok = pipeline(config, discovery, now, &sink, progress, &mut report, Some(cache));
    report.timings.ingest += loaded;
    let started = Instant::now();
    if ok && report.diagnostics.error_count() == 0 {
        sink.commit().map_err(|source| BuildError::Output { path: config.output_dir.clone(), source })?;
        report.committed = true;
        let state = cache::BuildState {
            fingerprint,
            built_for: now.as_second(),
            valid_until: report.valid_until.map(|t| t.as_second()),
            files: report.files_written,
            committed_at: cache::now_nanos(),
            warnings: report.diagnostics.sorted().into_iter().filter(|d| !d.is_error()).collect(),
            guessed_titles: report.guessed_titles.clone(),
            shows_hidden: [
                (config.drafts, "--drafts"),
                (config.future, "--future"),
                (config.expired, "--expired"),
            ]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, flag)| flag.to_string())
            .collect(),
            base_url: config.base_url.clone(),
        };
        cache::save(config, &state);
    }
    report.timings.emit += started.elapsed();
    Ok(report)
}

/// The whole pipeline into any sink, every article read afresh. Returns false when rendering
/// could not start (theme errors).
pub fn build_into(
    config: &Config,
    now: jiff::Timestamp,
    sink: &dyn emit::Sink,
    progress: &dyn Progress,
    report: &mut Report,
) -> bool {
    let started = Instant::now();
    let discovery = discover::walk(&config.content_dir);
    report.timings.discover = started.elapsed();
    pipeline(config, discovery, now, sink, progress, report, None)
}

fn pipeline(
    config: &Config,
    discovery: discover::Discovery,
    now: jiff::Timestamp,
    sink: &dyn emit::Sink,
    progress: &dyn Progress,
    report: &mut Report,
    cache: Option<ingest::cache::IngestCache>,
) -> bool {
    report.diagnostics.extend(discovery.diagnostics);
    report.diagnostics.extend(config.unread_config());
    // Where there is no site (no content folder: the error says where one is), its settings are
    // not worth a word.
    if !config.has_absolute_base_url() && config.content_dir.is_dir() {
        report.diagnostics.push(Diagnostic::warning(
            config.config_label(),
            "base_url is `/`, so the sitemap, feeds, robots.txt and canonical links hold relative URLs, which search engines and feed readers reject; set base_url to the site's address (https://example.org/) or pass --base-url",
        ));
    }

    let started = Instant::now();
    let ingested = match cache {
        Some(cache) => ingest_cached(config, &discovery.sources, progress, cache, report),
        None => ingest_all(config, &discovery.sources, progress),
    };
    let mut articles = Vec::with_capacity(ingested.len());
    for item in ingested {
        report.diagnostics.extend(item.diagnostics);
        articles.extend(item.article);
    }
    let mut pages = ingest_pages(config, &discovery.pages, report);
    attach_bundle_files(&mut articles, &mut pages, discovery.bundle_files, &config.site_static_dir());
    report.timings.ingest = started.elapsed();
    render_articles(config, articles, pages, now, sink, progress, report)
}

/// Reads every source in parallel; the result is in the same order as `sources`.
pub fn ingest_all(
    config: &Config,
    sources: &[discover::Source],
    progress: &dyn Progress,
) -> Vec<ingest::Ingested> {
    progress.start("ingest", sources.len());
    let ingested = sources
        .par_iter()
        .map(|source| {
            let ingested = ingest::article(source, config);
            progress.advance(1);
            ingested
        })
        .collect();
    progress.finish();
    ingested
}

/// [`ingest_all`], taking unchanged files' results from `cache` and keeping this build's results
/// in it for the next build. The cache is freed here, before rendering needs its memory: the
/// slots its articles were taken from were 80 MB of a 100,000-article rebuild.
fn ingest_cached(
    config: &Config,
    sources: &[discover::Source],
    progress: &dyn Progress,
    mut cache: ingest::cache::IngestCache,
    report: &mut Report,
) -> Vec<ingest::Ingested> {
    // Stamped before reading, so a file changed while it is read is read again next time.
    let stamps: Vec<Option<ingest::cache::Stamp>> =
        sources.par_iter().map(|source| ingest::cache::stamp(&source.path)).collect();
    let mut results: Vec<Option<ingest::Ingested>> =
        sources.iter().zip(&stamps).map(|(source, &stamp)| cache.take(source, stamp)).collect();
    let reread: Vec<bool> = results.iter().map(Option::is_none).collect();
    report.reused = reread.iter().filter(|read| !**read).count();
    progress.start("ingest", sources.len() - report.reused);
    results.par_iter_mut().zip(sources).for_each(|(slot, source)| {
        if slot.is_none() {
            *slot = Some(ingest::article(source, config));
            progress.advance(1);
        }
    });
    progress.finish();
    let ingested: Vec<ingest::Ingested> = results.into_iter().flatten().collect();
    cache.save(sources, &stamps, &ingested, &reread);
    ingested
}

/// Reads the pages that are not news (few, and quick: never cached), in path order. Drafts are
/// left out unless drafts are built.
pub fn ingest_pages(
    config: &Config,
    sources: &[discover::Source],
    report: &mut Report,
) -> Vec<model::StandalonePage> {
    let read: Vec<_> = sources.par_iter().map(|source| ingest::page(source, config)).collect();
    let mut pages = Vec::with_capacity(read.len());
    for (page, diagnostics) in read {
        report.diagnostics.extend(diagnostics);
        pages.extend(page);
    }
    pages
}

/// Gives each article and page the files of its page bundle, as the walk found them, and finds
/// the photos Hugo's `images:` name in `static_dir` (see [`model::Article::find_images_in_static`]).
pub fn attach_bundle_files(
    articles: &mut [model::Article],
    pages: &mut [model::StandalonePage],
    files: Vec<discover::BundleFile>,
    static_dir: &std::path::Path,
) {
    // By the source path of the bundle's index file, an article's or a page's.
    let mut by_owner: std::collections::HashMap<String, Vec<discover::BundleFile>> =
        std::collections::HashMap::new();
    for file in files {
        by_owner.entry(file.article.clone()).or_default().push(file);
    }
    for article in articles {
        article.bundle_files = by_owner.remove(&article.source_path).unwrap_or_default();
        article.find_images_in_static(static_dir);
    }
    for page in pages {
        page.bundle_files = by_owner.remove(&page.source_path).unwrap_or_default();
    }
}

/// Everything after ingest: assemble the site, load the theme, render every page into `sink`.
pub fn render_articles(
    config: &Config,
    articles: Vec<model::Article>,
    pages: Vec<model::StandalonePage>,
    now: jiff::Timestamp,
    sink: &dyn emit::Sink,
    progress: &dyn Progress,
    report: &mut Report,
) -> bool {
    report.articles = articles.len();
    let started = Instant::now();
    let (mut site, diagnostics) = model::Site::assemble(config, articles, now);
    report.pages = pages.len();
    site.pages = pages;
    report.diagnostics.extend(diagnostics);
    report.published = site.articles.len();
    report.held_back = site.held_back;
    report.hidden = site.hidden.clone();
    report.guessed_titles = site
        .articles
        .iter()
        .filter(|article| article.title_inferred)
        .map(|article| (article.source_path.clone(), article.title.clone()))
        .collect();
    report.valid_until = site.next_change;
    report.timings.assemble = started.elapsed();

    let started = Instant::now();
    let theme = match theme::Theme::load(config) {
        Ok(theme) => {
            report.diagnostics.extend(theme.warnings.iter().cloned());
            report.static_files = theme.static_files.keys().cloned().collect();
            theme
        }
        Err(problems) => {
            report.diagnostics.extend(problems);
            return false;
        }
    };
    let renderer = match render::Renderer::new(config, &theme) {
        Ok(renderer) => renderer,
        Err(problems) => {
            report.diagnostics.extend(problems);
            return false;
        }
    };
    report.diagnostics.extend(renderer.warnings().iter().cloned());
    report.timings.theme = started.elapsed();

    let started = Instant::now();
    let (plans, diagnostics) = renderer.plan_with_problems(&site);
    report.diagnostics.extend(diagnostics);
    let (pages, diagnostics) = emit::pages(sink, &renderer, &site, &plans, progress);
    report.files_written += pages.len();
    report.diagnostics.extend(dedup(diagnostics));
    report.timings.render = started.elapsed();

    let started = Instant::now();
    let page_paths: std::collections::HashSet<&str> = pages.iter().map(String::as_str).collect();
    let (written, diagnostics) = emit::static_files(sink, &theme, &page_paths);
    report.files_written += written;
    report.diagnostics.extend(diagnostics);
    let taken = |path: &str| page_paths.contains(path) || theme.static_files.contains_key(path);
    let (written, diagnostics) = emit::bundle_files(sink, &site, taken);
    report.files_written += written;
    report.diagnostics.extend(diagnostics);
    report.timings.emit = started.elapsed();
    // The renderer's memo of card HTML is not needed past this point: freed before the search
    // index takes its own memory, so the two never add up.
    drop(renderer);

    if config.search {
        let started = Instant::now();
        let files = search::index(&site, config);
        let (written, diagnostics) = emit::files(sink, &files);
        report.files_written += written;
        report.diagnostics.extend(diagnostics);
        report.timings.search = started.elapsed();
    }
    true
}

/// Builds the site in memory and checks links, anchors, titles, descriptions, feeds and sitemaps.
/// The report carries the build's own diagnostics plus one per problem found.
pub fn check(config: &Config, now: jiff::Timestamp, progress: &dyn Progress) -> Report {
    let mut report = Report::default();
    let sink = emit::MemorySink::new();
    if build_into(config, now, &sink, progress, &mut report) {
        // Content files named as the site's other messages name them: from the site's folder.
        let content = config.content_dir.strip_prefix(&config.root).unwrap_or(&config.content_dir);
        let held_back = check::held_back_pages(&report.hidden, content);
        let problems = check::site_holding_back(
            &sink.into_files(),
            &held_back,
            &report.static_files,
            &config.base_url,
            &config.base_path(),
        );
        // The Markdown articles and pages, where a link written in one is to be fixed.
        let discovery = discover::walk(&config.content_dir);
        let articles: Vec<(std::path::PathBuf, String)> = discovery
            .sources
            .into_iter()
            .chain(discovery.pages)
            .filter(|source| source.kind == discover::SourceKind::Markdown)
            .filter_map(|source| Some((source.path.clone(), std::fs::read_to_string(&source.path).ok()?)))
            .collect();
        report.diagnostics.extend(check::at_sources(problems, &articles));
    }
    report
}

/// A broken template fails every page that uses it in the same way; say it once.
pub(crate) fn dedup(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    diagnostics.dedup();
    diagnostics
}
