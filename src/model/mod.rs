//! The site as data: articles in order, grouped by day, month and year.
//!
//! Pure values built by [`Site::assemble`] from the ingested articles and the config. No I/O, no
//! templates, no Markdown: everything here can be tested with hand-made articles, and everything
//! after it (render, feeds, search) reads the same `Site`.

mod article;
pub mod cluster;
pub mod entities;
mod standalone;
mod taxonomy;

pub use article::{
    Article, DateSource, Dateline, Embed, Image, check_output_path, chosen_slug, day_path, rfc3339, slugify,
    term_slug,
};
pub(crate) use article::{plain_year_and_offset, push_time};
pub use standalone::{PAGES_FOLDER, StandalonePage, page_path};
pub(crate) use taxonomy::name_key;
pub use taxonomy::{Taxonomy, TaxonomyKind, Term};

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use jiff::Timestamp;

use crate::config::{Config, DigestPeriod};
use crate::diagnostic::Diagnostic;

/// The length of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    /// A calendar day.
    Day,
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// A calendar period with its articles: a digest (day, week or month), or a month or year archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Day, week, month or year.
    pub kind: PeriodKind,
    /// Output folder, e.g. `2025/09/12/`, `2025/w37/`, `2025/09/` or `2025/`.
    pub path: String,
    /// For sorting: (year, month, day) for days, (year, month, 0) for months, (year, 0, 0) for
    /// years, (ISO year, week, 0) for weeks.
    pub key: (i16, i8, i8),
    /// Indexes into [`Site::articles`], newest first.
    pub articles: Vec<usize>,
}

/// Everything the renderer needs, in the order it will be shown.
#[derive(Debug, Clone, Default)]
pub struct Site {
    /// Published articles, newest first; ties broken by title then source path.
    pub articles: Vec<Article>,
    /// Day digests, newest first.
    pub days: Vec<Period>,
    /// Month archives, newest first.
    pub months: Vec<Period>,
    /// Year archives, newest first.
    pub years: Vec<Period>,
    /// ISO weeks, newest first (the digests when `digest.period` is `week`).
    pub weeks: Vec<Period>,
    /// Which periods are the digests.
    pub digest_period: DigestPeriod,
    /// The site's language (site.yaml's `language`), which marks a story in another one.
    pub language: String,
    /// Tags, sources and authors, in [`TaxonomyKind::ALL`] order.
    pub taxonomies: Vec<Taxonomy>,
    /// Story clusters: groups of articles reporting the same story, each sorted, newest first.
    pub clusters: Vec<Vec<usize>>,
    /// For each article, the index of its cluster in `clusters`.
    pub cluster_index: Vec<Option<usize>>,
    /// The clustering's sorted band entries, made by the dev server while it waits for edits
    /// ([`Site::cluster_band_inputs`]) or else on the first edit [`Site::replace_article`]
    /// patches in, so edits find the clusters again in milliseconds. A build never makes them.
    cluster_bands: Option<cluster::Bands>,
    /// For each article, the index of its digest in [`Site::digests`].
    pub digest_index: Vec<usize>,
    /// The time the site was built for (what is scheduled or expired, what is recent).
    pub now: Timestamp,
    /// The next moment after `now` at which the same articles give a different site: an article
    /// becomes due or expires, or leaves the two-day news sitemap.
    pub next_change: Option<Timestamp>,
    /// Articles read but not shown, by why.
    pub held_back: HeldBack,
    /// Each of those: its URL path, source file and why, so a link to one can be explained.
    pub hidden: Vec<HiddenArticle>,
    /// Pages that are not news (About, Contact), by path; none of the above lists them.
    pub pages: Vec<StandalonePage>,
}

/// How many articles a build read but does not show, by why: the build's summary says so beside
/// the published count, so a story missing from the site is explained where the count is.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct HeldBack {
    /// Drafts (shown with `--drafts`).
    pub drafts: usize,
    /// Not due yet (shown with `--future`).
    pub scheduled: usize,
    /// Past their `expiry_date` (shown with `--expired`).
    pub expired: usize,
}

/// An article read but not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenArticle {
    /// The path its page would have (`2025/09/12/slug/`).
    pub site_path: String,
    /// Its file, relative to the content folder.
    pub source_path: String,
    /// Why it is not shown.
    pub why: Hidden,
}

/// Why an article is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// `draft: true` without `--drafts`.
    Draft,
    /// `publish_date`, or a `date:` written in front matter, still in the future.
    Scheduled,
    /// `expiry_date` already past.
    Expired,
}

/// Whether `article` is shown at `now` under `config`.
pub fn visibility(article: &Article, config: &Config, now: Timestamp) -> Result<(), Hidden> {
    if article.draft && !config.drafts {
        return Err(Hidden::Draft);
    }
    if !config.future && is_scheduled(article, now) {
        return Err(Hidden::Scheduled);
    }
    if !config.expired && article.expiry_date.as_ref().is_some_and(|e| e.timestamp() <= now) {
        return Err(Hidden::Expired);
    }
    Ok(())
}

/// Whether two language tags name one language (`en` and `en-GB`, `pt-BR` and `pt`): a story in
/// a variety of the site's language is not marked as in another.
pub fn same_language(one: &str, other: &str) -> bool {
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
    primary(one) == primary(other)
}

/// Whether `article` waits for a moment after `now`: its `publish_date`, or, when it has none,
/// the `date:` its front matter gives. A date written ahead is how Hugo sites schedule a story
/// (an embargo), so it is held back as Hugo holds it; a date Gazette worked out (from a file name,
/// folders or the text) is no schedule, and is shown with a warning when it lies ahead.
pub fn is_scheduled(article: &Article, now: Timestamp) -> bool {
    match &article.publish_date {
        Some(due) => due.timestamp() > now,
        None => article.date_source == DateSource::Explicit && article.date.timestamp() > now,
    }
}

impl Site {
    /// Orders the visible articles, makes their URLs unique, and groups them into periods.
    pub fn assemble(config: &Config, articles: Vec<Article>, now: Timestamp) -> (Site, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let next_change = next_change(&articles, now);
        // URLs are settled over every article, shown or not, so a story's URL does not move when
        // another one becomes due, expires, or is a draft.
        let mut articles = articles;
        make_slugs_unique(&mut articles, &config.content_dir, &mut diagnostics);
        warn_of_distant_schedules(&articles, &config.content_dir, now, &mut diagnostics);
        let mut held_back = HeldBack::default();
        let mut hidden = Vec::new();
        let mut articles: Vec<Article> = articles
            .into_iter()
            .filter(|a| match visibility(a, config, now) {
                Ok(()) => true,
                Err(why) => {
                    match why {
                        Hidden::Draft => held_back.drafts += 1,
                        Hidden::Scheduled => held_back.scheduled += 1,
                        Hidden::Expired => held_back.expired += 1,
                    }
                    hidden.push(HiddenArticle {
                        site_path: a.site_path(),
                        source_path: a.source_path.clone(),
                        why,
                    });
                    false
                }
            })
            .collect();
        warn_of_future_dates(&articles, &config.content_dir, now, &mut diagnostics);
        warn_of_copies(&articles, &config.content_dir, &mut diagnostics);
        if config.auto_tags.is_some() {
            adopt_shared_auto_tags(&mut articles, config.auto_tag_min_articles);
        }
        articles.sort_by(|a, b| {
            b.date
                .timestamp()
                .cmp(&a.date.timestamp())
                .then_with(|| a.title.cmp(&b.title))
                .then_with(|| a.source_path.cmp(&b.source_path))
        });
        let days = group(&articles, PeriodKind::Day, |a| (a.date.year(), a.date.month(), a.date.day()));
        let months = group(&articles, PeriodKind::Month, |a| (a.date.year(), a.date.month(), 0));
        let years = group(&articles, PeriodKind::Year, |a| (a.date.year(), 0, 0));
        let weeks = group(&articles, PeriodKind::Week, |a| {
            let week = a.date.date().iso_week_date();
            (week.year(), week.week(), 0)
        });
        let taxonomies: Vec<Taxonomy> =
            TaxonomyKind::ALL.iter().map(|&kind| Taxonomy::collect(kind, &articles)).collect();
        for taxonomy in &taxonomies {
            diagnostics.extend(taxonomy.shared_page_warnings(&articles, &config.content_dir));
        }
        let site = Site {
            articles,
            days,
            months,
            years,
            weeks,
            digest_period: config.digest_period,
            language: config.language.clone(),
            taxonomies,
            clusters: Vec::new(),
            cluster_index: Vec::new(),
            cluster_bands: None,
            digest_index: Vec::new(),
            now,
            next_change,
            held_back,
            hidden,
            pages: Vec::new(),
        };
        let mut site = site;
        site.find_clusters(config);
        let mut digest_index = vec![0; site.articles.len()];
        for (digest, period) in site.digests().iter().enumerate() {
            for &article in &period.articles {
                digest_index[article] = digest;
            }
        }
        site.digest_index = digest_index;
        // The digests feed gains an issue when the period filling now ends: a build after that
        // moment is no no-op, whatever else changed.
        let open_until =
            site.digests().first().and_then(|newest| site.period_end(newest)).filter(|end| *end > now);
        site.next_change = site.next_change.into_iter().chain(open_until).min();
        (site, diagnostics)
    }

    /// Puts a re-read version of an article in place of the old one without assembling the site
    /// again, when nothing that assembling reads has changed: same URL, title, dates, visibility,
    /// tags, authors and source, so the order, periods, taxonomies and URLs stay as they are. This
    /// is what makes an edit in `gazette serve` cheap on a large site. Story clusters are found
    /// again when the text's signature moved. Returns false, leaving the site untouched, when the
    /// site must be assembled again (or `now` has passed the site's next scheduled change). Aliases
    /// must stay the same too: each is a page of its own.
    pub fn replace_article(&mut self, old: &Article, new: Article, config: &Config, now: Timestamp) -> bool {
        let same_shape = old.source_path == new.source_path
            && old.slug == new.slug
            && old.slug_chosen == new.slug_chosen
            && old.title == new.title
            && old.date == new.date
            // A date written ahead is a schedule; the same date worked out is not.
            && old.date_source == new.date_source
            && old.publish_date == new.publish_date
            && old.expiry_date == new.expiry_date
            && old.draft == new.draft
            && old.tags == new.tags
            && old.auto_tags == new.auto_tags
            && old.authors == new.authors
            && old.source == new.source
            && old.aliases == new.aliases;
        if !same_shape || now < self.now || self.next_change.is_some_and(|change| change <= now) {
            return false;
        }
        self.now = now;
        let Some(index) = self.articles.iter().position(|a| a.source_path == new.source_path) else {
            // Hidden before and after (a draft, say): the site does not show it.
            return true;
        };
        let signature_moved = self.articles[index].signature != new.signature;
        let mut new = new;
        // Keep what assembling decided: the unique slug and the shared automatic tags.
        new.slug = std::mem::take(&mut self.articles[index].slug);
        new.tags = std::mem::take(&mut self.articles[index].tags);
        // The walk, not the file, knows the bundle's files; an edit leaves them as they are.
        new.bundle_files = std::mem::take(&mut self.articles[index].bundle_files);
        new.find_images_in_static(&config.site_static_dir());
        self.articles[index] = new;
        if signature_moved {
            self.recluster(index, config);
        }
        true
    }

    /// Groups the articles into story clusters (when the site has them turned on).
    fn find_clusters(&mut self, config: &Config) {
        self.cluster_bands = None;
        self.clusters = match &config.clusters {
            Some(options) => story_clusters(&self.articles, options),
            None => Vec::new(),
        };
        self.index_clusters();
    }

    /// Finds the story clusters again after article `index`'s text changed, moving only its
    /// entries in the clustering's bands (made here unless the dev server made them while it
    /// waited, see [`Site::cluster_band_inputs`]). Gives the clusters that
    /// [`Site::find_clusters`] would.
    fn recluster(&mut self, index: usize, config: &Config) {
        let Some(options) = &config.clusters else {
            return self.find_clusters(config);
        };
        match &mut self.cluster_bands {
            Some(bands) if bands.options() == options => {
                bands.replace(index, self.articles[index].signature.clone());
            }
            bands => *bands = Some(cluster::Bands::new(&signed_docs(&self.articles), options)),
        }
        self.clusters = self.cluster_bands.as_ref().map(cluster::Bands::clusters).unwrap_or_default();
        self.index_clusters();
    }

    /// What making the clustering's bands takes, copied out of the site (signatures are shared,
    /// not copied) so they can be made without holding it: a dev server makes them while it
    /// waits, and the first edit that moves a story finds them made (making them took 35 to 45
    /// ms of that edit's reload on a 10,000-article site). `None` when they are made already or
    /// clustering is turned off.
    pub fn cluster_band_inputs(&self, config: &Config) -> Option<BandInputs> {
        if self.cluster_bands.is_some() {
            return None;
        }
        let options = config.clusters.clone()?;
        let docs =
            self.articles.iter().map(|article| (day_number(article), article.signature.clone())).collect();
        Some(BandInputs { docs, options })
    }

    /// Keeps `bands` made from [`Site::cluster_band_inputs`] if they are what that would give
    /// now (the same options, and every article at the same place with the same day and the same
    /// signature) and none are kept yet; true if kept.
    pub fn keep_cluster_bands(&mut self, bands: MadeBands, config: &Config) -> bool {
        let MadeBands { inputs, bands } = bands;
        let same = config.clusters.as_ref() == Some(&inputs.options)
            && inputs.docs.len() == self.articles.len()
            && inputs.docs.iter().zip(&self.articles).all(|((day, signature), article)| {
                *day == day_number(article)
                    && match (signature, &article.signature) {
                        (Some(kept), Some(now)) => std::sync::Arc::ptr_eq(kept, now),
                        (None, None) => true,
                        _ => false,
                    }
            });
        if !same || self.cluster_bands.is_some() {
            return false;
        }
        self.cluster_bands = Some(bands);
        true
    }

    /// Fills [`Site::cluster_index`] from [`Site::clusters`].
    fn index_clusters(&mut self) {
        self.cluster_index = vec![None; self.articles.len()];
        for (id, members) in self.clusters.iter().enumerate() {
            for &member in members {
                self.cluster_index[member] = Some(id);
            }
        }
    }

    /// The digests, newest first: days, weeks or months as configured.
    pub fn digests(&self) -> &[Period] {
        match self.digest_period {
            DigestPeriod::Day => &self.days,
            DigestPeriod::Week => &self.weeks,
            DigestPeriod::Month => &self.months,
        }
    }

    /// The digests whose period is over at [`Site::now`], newest first: the issues the digests
    /// feed carries. A period still filling (this week, today) is no issue yet: newsletter
    /// services and feed readers deliver an item once, and would deliver it with part of its
    /// stories. Its page is on the site all the same.
    pub fn closed_digests(&self) -> &[Period] {
        let digests = self.digests();
        match digests.first() {
            Some(newest) if self.period_end(newest).is_none_or(|end| end > self.now) => &digests[1..],
            _ => digests,
        }
    }

    /// When `period` ends: the first moment of the next one, in its articles' time zone.
    fn period_end(&self, period: &Period) -> Option<Timestamp> {
        let newest = &self.articles.get(*period.articles.first()?)?.date;
        let day = newest.date();
        let last_day = match period.kind {
            PeriodKind::Day => day,
            PeriodKind::Week => day.iso_week_date().last_of_week().ok()?.date(),
            PeriodKind::Month => day.last_of_month(),
            PeriodKind::Year => day.last_of_year(),
        };
        Some(last_day.tomorrow().ok()?.to_zoned_datetime(newest.time_zone().clone()).ok()?.timestamp())
    }

    /// The digest an article belongs to.
    pub fn digest_of(&self, index: usize) -> Option<&Period> {
        self.digest_index.get(index).and_then(|&digest| self.digests().get(digest))
    }

    /// The cluster an article is in, if any.
    pub fn cluster_id(&self, index: usize) -> Option<usize> {
        self.cluster_index.get(index).copied().flatten()
    }

    /// The members of the article's cluster (empty when it is in none).
    pub fn cluster_of(&self, index: usize) -> &[usize] {
        match self.cluster_id(index) {
            Some(id) => &self.clusters[id],
            None => &[],
        }
    }

    /// The taxonomy of `kind`.
    pub fn taxonomy(&self, kind: TaxonomyKind) -> &Taxonomy {
        &self.taxonomies[TaxonomyKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)]
    }

    /// Up to `wanted` articles related to article `index` by shared tags: most shared tags first,
    /// then nearest in time. Computed when a page asks, from the tag pages' article lists, so
    /// assembling a site (and every rebuild of `gazette serve`) never pays for it. Near-linear:
    /// each tag contributes at most [`RELATED_CANDIDATES_PER_TAG`] neighbours in time.
    pub fn related(&self, index: usize, wanted: usize) -> Vec<usize> {
        let tags = self.taxonomy(TaxonomyKind::Tags);
        let mut seen_terms: Vec<usize> = Vec::new();
        let mut ranked: Vec<(usize, usize)> = Vec::new();
        SHARED_TAGS.with_borrow_mut(|shared| {
            let round = shared.next_round(self.articles.len());
            for tag in &self.articles[index].tags {
                let Some(term) = tags.term_of(tag) else { continue };
                // Two spellings of one tag (`Port`, `port`) count once.
                if seen_terms.contains(&term) {
                    continue;
                }
                seen_terms.push(term);
                let list = &tags.terms[term].articles;
                // Lists are newest first; start near this article so neighbours in time win.
                let start =
                    list.partition_point(|&i| i < index).saturating_sub(RELATED_CANDIDATES_PER_TAG / 2);
                for &other in list.iter().skip(start).take(RELATED_CANDIDATES_PER_TAG) {
                    if other != index {
                        shared.count(round, other);
                    }
                }
            }
            ranked.extend(shared.touched.iter().map(|&other| (shared.counts[other].1 as usize, other)));
        });
        // Most shared tags first, then the lower index (newer); pairs are unique, so only the
        // `wanted` best need sorting.
        let best_first = |a: &(usize, usize), b: &(usize, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if ranked.len() > wanted {
            ranked.select_nth_unstable_by(wanted, best_first);
            ranked.truncate(wanted);
        }
        ranked.sort_unstable_by(best_first);
        ranked.into_iter().map(|(_, other)| other).collect()
    }

    /// The day digest an article belongs to.
    pub fn day_of(&self, article: &Article) -> Option<&Period> {
        let key = (article.date.year(), article.date.month(), article.date.day());
        self.days.binary_search_by(|p| key.cmp(&p.key)).ok().map(|i| &self.days[i])
    }
}

/// How far past the build's time an article's date may be before it is taken for a mistake:
/// a day, so a story dated in a time zone ahead of the site's is not warned about.
const FUTURE_DATE_SLACK: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// Warns of shown articles dated after `now` that are not scheduled ([`is_scheduled`]): their
/// date came from a file name, folders or the text, and the newest-first order keeps such a story
/// at the top of the front page and the feeds until its date comes, which is what a mistyped year
/// does.
fn warn_of_future_dates(
    articles: &[Article],
    content_dir: &Path,
    now: Timestamp,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Ok(latest) = now.checked_add(FUTURE_DATE_SLACK) else { return };
    // A scheduled article shown with --future is dated in the future on purpose.
    for article in articles.iter().filter(|a| a.date.timestamp() > latest && !is_scheduled(a, now)) {
        diagnostics.push(Diagnostic::warning(
            content_dir.join(&article.source_path),
            format!(
                "dated {}, in the future: it is listed first on the front page and in the feeds until then; fix the date if it is a mistake, or write it as `date:` in front matter to hold the article back until then",
                article.date.date()
            ),
        ));
    }
}

/// Warns of an article whose text is another's, word for word: a clipping saved twice
/// (`article(1).txt`, `Copy of …`) is published twice, with two pages, two search entries and a
/// digest saying it was "also reported" by its own source. Both files stay (which to keep is the
/// user's call); the warning names the other. Bodies are compared only when their lengths are
/// equal, so this costs next to nothing.
fn warn_of_copies(articles: &[Article], content_dir: &Path, diagnostics: &mut Vec<Diagnostic>) {
    /// Shorter bodies (a line of a brief, an empty file) may well be alike without being copies.
    const SHORTEST: usize = 100;
    let mut by_length: HashMap<usize, Vec<&Article>> = HashMap::new();
    for article in articles.iter().filter(|a| a.body_markdown.len() >= SHORTEST) {
        by_length.entry(article.body_markdown.len()).or_default().push(article);
    }
    let mut copies: Vec<(&str, &str)> = Vec::new();
    for mut alike in by_length.into_values().filter(|alike| alike.len() > 1) {
        // The one whose name says it is a copy is the copy; else the later name.
        alike.sort_by(|a, b| {
            (named_as_copy(&a.source_path), &a.source_path)
                .cmp(&(named_as_copy(&b.source_path), &b.source_path))
        });
        for (k, copy) in alike.iter().enumerate() {
            if let Some(original) = alike[..k].iter().find(|a| a.body_markdown == copy.body_markdown) {
                copies.push((&copy.source_path, &original.source_path));
            }
        }
    }
    copies.sort_unstable();
    for (copy, original) in copies {
        diagnostics.push(Diagnostic::warning(
            content_dir.join(copy),
            format!(
                "the same text as {original}: it is published twice (two pages, two search results, and a digest that calls it reported twice); delete one of the files, or write `draft: true` in one's front matter"
            ),
        ));
    }
}

/// Whether a file's name is that of a copy, as browsers and file managers name them:
/// `report (1).txt`, `report(2).txt`, `Copy of report.txt`, `report - Copy.txt`.
fn named_as_copy(source_path: &str) -> bool {
    let name = source_path.rsplit('/').next().unwrap_or(source_path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    crate::discover::without_copy_marks(stem) != stem || stem.ends_with(" copy")
}

/// How far ahead a `date:` may hold a story back before it is taken for a mistyped year.
const DISTANT_SCHEDULE: jiff::SignedDuration = jiff::SignedDuration::from_hours(366 * 24);

/// Warns of articles a `date:` written more than a year ahead holds back (`2205` for `2025`):
/// such an article is in no listing, so nothing else would show that it is missing.
fn warn_of_distant_schedules(
    articles: &[Article],
    content_dir: &Path,
    now: Timestamp,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Ok(distant) = now.checked_add(DISTANT_SCHEDULE) else { return };
    let held_by_date = |a: &&Article| a.publish_date.is_none() && is_scheduled(a, now);
    for article in articles.iter().filter(held_by_date).filter(|a| a.date.timestamp() > distant) {
        diagnostics.push(Diagnostic::warning(
            content_dir.join(&article.source_path),
            format!(
                "`date: {}` is more than a year ahead, which holds the article back until then (unless `--future` shows it); fix the year if it is a mistake",
                article.date.date()
            ),
        ));
    }
}

/// Gives every article a URL of its own within its day. Slugs chosen in front matter are settled
/// first, so a new file whose name gives the same slug never takes a chosen URL; among equals,
/// the first in source-path order keeps the slug and the others get `-2`, `-3`... with a warning.
/// Two articles that chose the same URL is an error: neither can be given the other's.
fn make_slugs_unique(articles: &mut [Article], content_dir: &Path, diagnostics: &mut Vec<Diagnostic>) {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&articles[a], &articles[b]);
        b.slug_chosen.cmp(&a.slug_chosen).then_with(|| a.source_path.cmp(&b.source_path))
    });
    // (day, slug) -> index of the article that has that URL.
    let mut taken: HashMap<((i16, i8, i8), String), usize> = HashMap::with_capacity(articles.len());
    for index in order {
        let date = &articles[index].date;
        let day = (date.year(), date.month(), date.day());
        let base = &articles[index].slug;
        let mut slug = base.clone();
        let mut n = 2;
        while taken.contains_key(&(day, slug.clone())) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        if slug != *base {
            let first = taken[&(day, base.clone())];
            if articles[index].slug_chosen {
                diagnostics.push(Diagnostic::error(
                    content_dir.join(&articles[index].source_path),
                    format!(
                        "`slug: {base}` gives the same URL as {}, which chose it too; change one of the two",
                        articles[first].source_path
                    ),
                ));
                taken.insert((day, slug), index);
                continue;
            }
            diagnostics.push(Diagnostic::warning(
                content_dir.join(&articles[index].source_path),
                format!(
                    "same URL as {}; published as `{slug}` instead (set `slug:` in front matter to choose)",
                    articles[first].source_path
                ),
            ));
            articles[index].slug = slug.clone();
        }
        taken.insert((day, slug), index);
    }
}

/// Adds each article's automatic tags that at least `min_articles` published articles share: a
/// name that occurs in one story is no topic, and would only add a one-story page and three feeds
/// per name to the site.
fn adopt_shared_auto_tags(articles: &mut [Article], min_articles: usize) {
    // Each spelling is slugified once; spellings with one slug count together.
    let mut slug_ids: HashMap<String, usize> = HashMap::new();
    let mut spelling_ids: HashMap<&str, usize> = HashMap::new();
    fn id_of<'a>(
        tag: &'a str,
        spellings: &mut HashMap<&'a str, usize>,
        slugs: &mut HashMap<String, usize>,
    ) -> usize {
        let next = slugs.len();
        *spellings.entry(tag).or_insert_with(|| *slugs.entry(term_slug(tag)).or_insert(next))
    }
    let mut counts: HashMap<usize, usize> = HashMap::new();
    let mut auto_ids: Vec<Vec<usize>> = Vec::with_capacity(articles.len());
    for article in articles.iter() {
        // A name written as a tag in one article and found in another is shared.
        for tag in &article.tags {
            *counts.entry(id_of(tag, &mut spelling_ids, &mut slug_ids)).or_default() += 1;
        }
        let ids: Vec<usize> =
            article.auto_tags.iter().map(|tag| id_of(tag, &mut spelling_ids, &mut slug_ids)).collect();
        for &id in &ids {
            *counts.entry(id).or_default() += 1;
        }
        auto_ids.push(ids);
    }
    for (article, ids) in articles.iter_mut().zip(auto_ids) {
        let shared: Vec<String> = article
            .auto_tags
            .iter()
            .zip(ids)
            .filter(|(_, id)| counts.get(id).copied().unwrap_or(0) >= min_articles)
            .map(|(tag, _)| tag.clone())
            .collect();
        article.tags.extend(shared);
    }
}

/// How many articles of one tag are considered when looking for an article's related articles.
pub const RELATED_CANDIDATES_PER_TAG: usize = 64;

thread_local! {
    /// Each rendering thread's tally for [`Site::related`], kept between calls: allocating and
    /// clearing one per article page would cost more than counting, and sorting the candidates
    /// to count them took 1.3% of a 10,000-article build.
    static SHARED_TAGS: std::cell::RefCell<SharedTags> = std::cell::RefCell::new(SharedTags::default());
}

/// How many tags each article shares with the one asked about: a slot per article of the site,
/// valid when stamped with the current round, so no slot needs clearing between questions.
#[derive(Default)]
struct SharedTags {
    round: u32,
    /// (round, count) by article index.
    counts: Vec<(u32, u32)>,
    /// The articles counted this round, in the order first met.
    touched: Vec<usize>,
}

impl SharedTags {
    /// Starts a question about a site of `articles` articles; returns its round.
    fn next_round(&mut self, articles: usize) -> u32 {
        if self.counts.len() < articles {
            self.counts.resize(articles, (0, 0));
        }
        self.round = self.round.wrapping_add(1);
        if self.round == 0 {
            // After four billion questions the stamps could repeat: start over.
            self.counts.fill((0, 0));
            self.round = 1;
        }
        self.touched.clear();
        self.round
    }

    /// Counts one more shared tag for article `other`.
    fn count(&mut self, round: u32, other: usize) {
        let slot = &mut self.counts[other];
        if slot.0 != round {
            *slot = (round, 0);
            self.touched.push(other);
        }
        slot.1 += 1;
    }
}

/// How long an article stays in the Google News sitemap.
pub const NEWS_WINDOW_SECONDS: i64 = 2 * 24 * 3600;

/// The first moment after `now` when visibility or the news sitemap changes.
fn next_change(articles: &[Article], now: Timestamp) -> Option<Timestamp> {
    let window = jiff::SignedDuration::from_secs(NEWS_WINDOW_SECONDS);
    articles
        .iter()
        .flat_map(|a| {
            let published = a.date.timestamp();
            [
                a.publish_date.as_ref().map(|d| d.timestamp()),
                a.expiry_date.as_ref().map(|d| d.timestamp()),
                Some(published),
                published.checked_add(window).ok(),
            ]
        })
        .flatten()
        .filter(|moment| *moment > now)
        .min()
}

/// Groups articles that report the same story, from their precomputed text signatures.
fn story_clusters(articles: &[Article], options: &cluster::ClusterOptions) -> Vec<Vec<usize>> {
    cluster::cluster_signatures(&signed_docs(articles), options)
}

/// The articles as the clusterer takes them: by index, with their day and text signature.
fn signed_docs(articles: &[Article]) -> Vec<cluster::SignedDoc<'_>> {
    articles
        .iter()
        .enumerate()
        .map(|(id, article)| cluster::SignedDoc {
            id,
            day: day_number(article),
            signature: article.signature.as_ref(),
        })
        .collect()
}

/// An article's day as the clusterer counts days: since the Unix epoch.
fn day_number(article: &Article) -> i64 {
    i64::from(
        article
            .date
            .date()
            .since(jiff::civil::Date::constant(1970, 1, 1))
            .map(|span| span.get_days())
            .unwrap_or(0),
    )
}

/// The articles' days and signatures and the clustering options, taken from a [`Site`] by
/// [`Site::cluster_band_inputs`] to make its bands without holding it.
pub struct BandInputs {
    docs: Vec<(i64, Option<cluster::Signature>)>,
    options: cluster::ClusterOptions,
}

impl BandInputs {
    /// Makes the bands: the slow part, done with no site borrowed.
    pub fn make(self) -> MadeBands {
        let bands = {
            let docs: Vec<cluster::SignedDoc<'_>> = self
                .docs
                .iter()
                .enumerate()
                .map(|(id, (day, signature))| cluster::SignedDoc {
                    id,
                    day: *day,
                    signature: signature.as_ref(),
                })
                .collect();
            cluster::Bands::new(&docs, &self.options)
        };
        MadeBands { inputs: self, bands }
    }
}

/// Bands made from [`BandInputs`], with what they were made from, for
/// [`Site::keep_cluster_bands`] to check that the site still is what they describe.
pub struct MadeBands {
    inputs: BandInputs,
    bands: cluster::Bands,
}

fn group(articles: &[Article], kind: PeriodKind, key: impl Fn(&Article) -> (i16, i8, i8)) -> Vec<Period> {
    let mut periods: BTreeMap<(i16, i8, i8), Vec<usize>> = BTreeMap::new();
    for (index, article) in articles.iter().enumerate() {
        periods.entry(key(article)).or_default().push(index);
    }
    periods
        .into_iter()
        .rev()
        .map(|(key, articles)| Period { kind, path: period_path(kind, key), key, articles })
        .collect()
}

fn period_path(kind: PeriodKind, (year, month, day): (i16, i8, i8)) -> String {
    match kind {
        PeriodKind::Year => format!("{year:04}/"),
        PeriodKind::Month => format!("{year:04}/{month:02}/"),
        PeriodKind::Week => format!("{year:04}/w{month:02}/"),
        PeriodKind::Day => format!("{year:04}/{month:02}/{day:02}/"),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::{Overrides, RawConfig};

    pub(crate) fn config() -> Config {
        Config::resolve("/site".into(), None, RawConfig::default(), &Overrides::default()).unwrap()
    }

    pub(crate) fn article(path: &str, date: &str, title: &str) -> Article {
        let tz = jiff::tz::TimeZone::UTC;
        Article {
            source_path: path.into(),
            slug: slugify(title),
            slug_chosen: false,
            title: title.into(),
            title_inferred: false,
            date: crate::ingest::parse_date(date, &tz).unwrap(),
            // As a file name gives it: tests build at the epoch, before which a `date:` written in
            // front matter would hold every article back.
            date_source: DateSource::FileName,
            updated: None,
            publish_date: None,
            expiry_date: None,
            draft: false,
            authors: vec![],
            dateline: None,
            source: None,
            source_url: None,
            summary: String::new(),
            description: None,
            summary_in_body: false,
            tags: vec![],
            auto_tags: vec![],
            lang: None,
            word_count: 0,
            reading_time: 1,
            images: vec![],
            embeds: vec![],
            body_markdown: "".into(),
            aliases: Vec::new(),
            extra: BTreeMap::new(),
            signature: None,
            bundle_files: Vec::new(),
        }
    }

    #[test]
    fn cluster_bands_made_while_waiting_serve_edits_and_only_their_site() {
        let config = config();
        let shingle = config.clusters.as_ref().expect("clusters are on by default").shingle;
        let story = "The harbour authority said on Monday that mooring fees will rise by a fifth in March, after a consultation with fishing crews, yacht owners and the ferry company that lasted most of the winter.";
        let other = "The fish market opened an hour early on Sunday to make room for the spring festival, whose stalls will line the quay from the old customs house to the lifeboat station until Easter.";
        let signed = |path: &str, hour: u8, title: &str, text: &str| {
            let mut article = article(path, &format!("2025-03-03T{hour:02}:00:00Z"), title);
            article.signature = cluster::signature(text, shingle);
            article
        };
        let articles = vec![
            signed("a.txt", 9, "Harbour fees rise", story),
            signed("b.txt", 8, "Mooring fees to rise", &format!("{story} The council agreed.")),
            signed("c.txt", 7, "Market opens early", other),
        ];
        let now = Timestamp::UNIX_EPOCH;
        let (mut site, _) = Site::assemble(&config, articles.clone(), now);
        assert_eq!(site.clusters, vec![vec![0, 1]], "the two harbour stories");
        // Made for a site whose third article reads otherwise: not kept.
        let mut changed = articles.clone();
        changed[2].signature = cluster::signature(story, shingle);
        let (other_site, _) = Site::assemble(&config, changed, now);
        let made = other_site.cluster_band_inputs(&config).expect("no bands yet").make();
        assert!(!site.keep_cluster_bands(made, &config));
        // The same texts in the same places, one a day earlier: not kept either.
        let mut moved = articles.clone();
        moved[2].date = crate::ingest::parse_date("2025-03-02T07:00:00Z", &jiff::tz::TimeZone::UTC).unwrap();
        let (earlier_site, _) = Site::assemble(&config, moved, now);
        assert_eq!(earlier_site.articles[2].source_path, "c.txt", "still the oldest");
        let made = earlier_site.cluster_band_inputs(&config).expect("no bands yet").make();
        assert!(!site.keep_cluster_bands(made, &config));
        // Made with other options: not kept.
        let mut other_options = config.clone();
        other_options.clusters.as_mut().expect("on").threshold = 0.9;
        let made = site.cluster_band_inputs(&other_options).expect("still none").make();
        assert!(!site.keep_cluster_bands(made, &config));
        let made = site.cluster_band_inputs(&config).expect("still none").make();
        assert!(site.keep_cluster_bands(made, &config));
        assert!(site.cluster_band_inputs(&config).is_none(), "made once");
        // An edit that moves a story into the cluster is found with them as assembling finds it.
        let old = site.articles[2].clone();
        let mut new = old.clone();
        new.signature = cluster::signature(&format!("{story} Fishing crews welcomed it."), shingle);
        assert!(site.replace_article(&old, new.clone(), &config, now));
        let mut edited = articles;
        edited[2] = new;
        let (fresh, _) = Site::assemble(&config, edited, now);
        assert_eq!(site.clusters, vec![vec![0, 1, 2]]);
        assert_eq!(site.clusters, fresh.clusters);
    }

    #[test]
    fn a_date_now_written_in_front_matter_is_no_patch() {
        let config = config();
        let now = Timestamp::UNIX_EPOCH;
        let old = article("a.txt", "2030-01-01T00:00:00Z", "Ahead");
        let (mut site, _) = Site::assemble(&config, vec![old.clone()], now);
        assert_eq!(site.articles.len(), 1, "a worked-out date ahead is shown");
        let mut new = old.clone();
        new.date_source = DateSource::Explicit;
        assert!(!site.replace_article(&old, new, &config, now), "now held back: assemble again");
        let mut new = old.clone();
        new.body_markdown = "Edited.".into();
        assert!(site.replace_article(&old, new, &config, now), "a text edit is patched in");
    }

    #[test]
    fn newest_first_and_grouped_by_day_month_year() {
        let (site, _) = Site::assemble(
            &config(),
            vec![
                article("a.txt", "2024-12-31T23:00:00Z", "Old"),
                article("b.txt", "2025-01-01T08:00:00Z", "New"),
                article("c.txt", "2025-01-01T09:00:00Z", "Newer"),
            ],
            Timestamp::UNIX_EPOCH,
        );
        let titles: Vec<_> = site.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Newer", "New", "Old"]);
        let days: Vec<_> = site.days.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(days, ["2025/01/01/", "2024/12/31/"]);
        assert_eq!(site.days[0].articles, [0, 1]);
        let years: Vec<_> = site.years.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(years, ["2025/", "2024/"]);
        // 2024-12-31 and 2025-01-01 are both in ISO week 1 of 2025.
        let weeks: Vec<_> = site.weeks.iter().map(|d| (d.path.as_str(), d.articles.len())).collect();
        assert_eq!(weeks, [("2025/w01/", 3)]);
        assert_eq!(site.day_of(&site.articles[2]).unwrap().path, "2024/12/31/");
    }

    #[test]
    fn days_follow_the_site_time_zone() {
        let mut config = config();
        config.timezone = jiff::tz::TimeZone::get("America/Chicago").unwrap();
        let mut late = article("a.txt", "2025-01-01T03:00:00Z", "Late");
        late.date = late.date.with_time_zone(config.timezone.clone());
        let (site, _) = Site::assemble(&config, vec![late], Timestamp::UNIX_EPOCH);
        assert_eq!(site.days[0].path, "2024/12/31/", "03:00 UTC is still New Year's Eve in Chicago");
        assert_eq!(site.years[0].path, "2024/");
    }

    #[test]
    fn related_articles_share_tags() {
        let mut a = article("a.txt", "2025-01-03", "A");
        a.tags = vec!["Port".into(), "Ferry".into()];
        let mut b = article("b.txt", "2025-01-02", "B");
        b.tags = vec!["ferry".into(), "port".into()];
        let mut c = article("c.txt", "2025-01-01", "C");
        c.tags = vec!["Port".into()];
        let d = article("d.txt", "2025-01-01", "D");
        let (site, _) = Site::assemble(&config(), vec![a, b, c, d], Timestamp::UNIX_EPOCH);
        assert_eq!(site.related(0, 5), [1, 2], "most shared tags first");
        assert_eq!(site.related(2, 5), [0, 1], "nearest in time among equals");
        assert!(site.related(3, 5).is_empty());
        assert_eq!(site.related(0, 5), [1, 2], "asked again, counted afresh");
        assert_eq!(site.related(0, 1), [1]);
    }

    #[test]
    fn colliding_slugs_get_a_suffix_in_source_order() {
        let (site, diagnostics) = Site::assemble(
            &config(),
            vec![
                article("b.txt", "2025-01-01", "Same"),
                article("a.txt", "2025-01-01", "Same"),
                article("c.txt", "2025-01-02", "Same"),
            ],
            "2026-01-01T00:00:00Z".parse().unwrap(),
        );
        let mut paths: Vec<_> =
            site.articles.iter().map(|a| (a.source_path.as_str(), a.site_path())).collect();
        paths.sort();
        assert_eq!(paths[0], ("a.txt", "2025/01/01/same/".to_string()));
        assert_eq!(paths[1], ("b.txt", "2025/01/01/same-2/".to_string()));
        assert_eq!(paths[2], ("c.txt", "2025/01/02/same/".to_string()));
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].path, std::path::Path::new("/site/content/b.txt"));
    }

    #[test]
    fn a_chosen_slug_keeps_its_url_and_two_chosen_alike_are_an_error() {
        let now = "2026-01-01T00:00:00Z".parse().unwrap();
        let mut chosen = article("2025/01/01/harbour-strike.md", "2025-01-01", "Harbour strike");
        chosen.slug_chosen = true;
        // A file added later whose name sorts first gives the same slug: the chosen one keeps it.
        let derived = article("2025-01-01-harbour-strike.txt", "2025-01-01", "Harbour strike");
        let (site, diagnostics) = Site::assemble(&config(), vec![derived, chosen.clone()], now);
        let url = |path: &str| site.articles.iter().find(|a| a.source_path == path).unwrap().site_path();
        assert_eq!(url("2025/01/01/harbour-strike.md"), "2025/01/01/harbour-strike/");
        assert_eq!(url("2025-01-01-harbour-strike.txt"), "2025/01/01/harbour-strike-2/");
        assert!(!diagnostics[0].is_error());
        let mut also_chosen = article("2025/01/01/other.md", "2025-01-01", "Harbour strike");
        also_chosen.slug_chosen = true;
        let (_, diagnostics) = Site::assemble(&config(), vec![chosen, also_chosen], now);
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].is_error());
        assert!(diagnostics[0].message.contains("which chose it too"), "{}", diagnostics[0].message);
    }

    #[test]
    fn drafts_scheduled_and_expired_are_hidden() {
        let mut draft = article("d.txt", "2025-01-01", "Draft");
        draft.draft = true;
        let mut scheduled = article("s.txt", "2025-01-01", "Scheduled");
        scheduled.publish_date =
            Some(crate::ingest::parse_date("2030-01-01", &jiff::tz::TimeZone::UTC).unwrap());
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let (site, _) = Site::assemble(&config(), vec![draft.clone(), scheduled], now);
        assert!(site.articles.is_empty());
        let mut with_drafts = config();
        with_drafts.drafts = true;
        let (site, _) = Site::assemble(&with_drafts, vec![draft], now);
        assert_eq!(site.articles.len(), 1);
    }
}
