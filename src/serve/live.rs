//! The site `gazette serve` shows: assembled in memory, rendered page by page when a browser asks.
//!
//! A build renders every page; a dev server only needs the ones being looked at. Keeping the
//! assembled [`Site`] and rendering on request is what keeps an edit on a 10,000-article site
//! fast: the rebuild swaps in the new model (or patches one article into it) and forgets the
//! pages it had rendered, and the next request renders its page from the new model. Pages are
//! made by the same [`Renderer`] as `gazette build`, so they are byte for byte the same.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::emit::{self, MemorySink};
use crate::model::{Article, Site};
use crate::render::views::Cards;
use crate::render::{PagePlan, Renderer};
use crate::theme::Theme;
use crate::{NoProgress, search};

/// Bytes as served; shared so a cached page is not copied for every request.
pub type Bytes = Arc<Vec<u8>>;

/// An assembled site, its theme, and the pages rendered so far.
pub struct LiveSite {
    config: Config,
    site: Site,
    renderer: Renderer,
    /// Output path -> the page that goes there.
    routes: HashMap<String, PagePlan>,
    /// The theme's and the site's static files, which win over a page at the same path.
    statics: BTreeMap<String, Bytes>,
    /// Output path of each static file -> the file it comes from, for warnings.
    static_origins: HashMap<String, PathBuf>,
    /// Output path -> a page bundle's file, read from disk when asked for (so an edited photo
    /// shows at once, and no video is held in memory).
    bundles: HashMap<String, PathBuf>,
    /// What placing the bundles' files said (a file where a page is).
    bundle_problems: Vec<Diagnostic>,
    /// What planning the pages said (an alias where a page is).
    route_problems: Vec<Diagnostic>,
    /// Pages rendered since the model last changed.
    rendered: HashMap<String, Bytes>,
    /// Listing cards made since the model last changed.
    cards: Cards,
    /// The search index, built when first asked for after a change.
    search: Option<BTreeMap<String, Bytes>>,
}

impl LiveSite {
    /// Compiles the theme and maps every output path of `site` to its page. The diagnostics are
    /// the ones a build would give at this point (a static file replacing a page...).
    pub fn new(
        config: &Config,
        site: Site,
        theme: &Theme,
    ) -> Result<(LiveSite, Vec<Diagnostic>), Vec<Diagnostic>> {
        let renderer = Renderer::new(config, theme)?;
        let (routes, route_problems) = routes(&renderer, &site);
        let (statics, mut diagnostics) = statics(theme, &routes);
        let static_origins =
            theme.static_files.iter().map(|(name, source)| (name.clone(), source.origin(name))).collect();
        diagnostics.extend(renderer.warnings().iter().cloned());
        let mut live = LiveSite {
            config: config.clone(),
            cards: Cards::new(&site),
            site,
            renderer,
            routes,
            statics,
            static_origins,
            bundles: HashMap::new(),
            bundle_problems: Vec::new(),
            route_problems,
            rendered: HashMap::new(),
            search: None,
        };
        live.place_bundles();
        diagnostics.extend(live.route_problems.iter().chain(&live.bundle_problems).cloned());
        Ok((live, diagnostics))
    }

    /// Renders every page once, in parallel, and returns the problems (a template that fails at
    /// run time). Done when templates or the config change, so their errors show at once, as in a
    /// build, rather than on the first request of some page.
    pub fn validate(&self) -> Vec<Diagnostic> {
        let plans: Vec<PagePlan> = self.routes.values().copied().collect();
        let sink = Discard;
        let problems = crate::dedup(emit::pages(&sink, &self.renderer, &self.site, &plans, &NoProgress).1);
        // Keyed to this render's values, the cards would only be freed by the next render (the
        // first page served or edit made): freed now, while nobody waits.
        self.renderer.forget_cards();
        problems
    }

    /// Renders the pages of the articles at `source_paths` (relative to the content folder) and
    /// the front page, of `site` or, when none is given, of the served model, and returns their
    /// problems. A content edit can make a template fail (a front-matter value of an unexpected
    /// type); this finds it before the edit is served, as a build would.
    pub fn trial(&self, site: Option<&Site>, source_paths: &[&str]) -> Vec<Diagnostic> {
        // `replace_article` made a new card memo for the model as patched, and nothing else
        // fills it while the caller holds the served site, so the cards made here are the ones
        // its pages will show. A new model needs its own.
        let made;
        let (site, cards) = match site {
            Some(site) => {
                made = Cards::new(site);
                (site, &made)
            }
            None => (&self.site, &self.cards),
        };
        let mut plans = vec![PagePlan::Home(1)];
        plans.extend(
            site.articles
                .iter()
                .enumerate()
                .filter(|(_, article)| source_paths.contains(&article.source_path.as_str()))
                .map(|(index, _)| PagePlan::Article(index)),
        );
        crate::dedup(
            plans.into_iter().filter_map(|plan| self.renderer.render(site, cards, plan).err()).collect(),
        )
    }

    /// Replaces the model (content changed), keeping the theme.
    pub fn replace_site(&mut self, site: Site) {
        (self.routes, self.route_problems) = routes(&self.renderer, &site);
        self.site = site;
        self.place_bundles();
        self.forget_rendered();
    }

    /// Maps the page bundles' files of the current model to their output paths, as a build
    /// copies them.
    fn place_bundles(&mut self) {
        let taken = |path: &str| self.routes.contains_key(path) || self.statics.contains_key(path);
        let (routes, problems) = emit::bundle_routes(&self.site, taken);
        self.bundles = routes.into_iter().map(|(output, source)| (output, source.to_path_buf())).collect();
        self.bundle_problems = problems;
    }

    /// What making the model's cluster bands takes, when they are not made yet (see
    /// [`Site::cluster_band_inputs`]).
    pub fn cluster_band_inputs(&self) -> Option<crate::model::BandInputs> {
        self.site.cluster_band_inputs(&self.config)
    }

    /// Keeps bands made from [`LiveSite::cluster_band_inputs`] if the model is still the one
    /// they describe.
    pub fn keep_cluster_bands(&mut self, bands: crate::model::MadeBands) -> bool {
        self.site.keep_cluster_bands(bands, &self.config)
    }

    /// Patches one re-read article into the model; false when the site must be assembled again
    /// (see [`Site::replace_article`]).
    pub fn replace_article(&mut self, old: &Article, new: Article, now: jiff::Timestamp) -> bool {
        let replaced = self.site.replace_article(old, new, &self.config, now);
        if replaced {
            self.forget_rendered();
        }
        replaced
    }

    /// The static files that take the place of a page of the current model, and the aliases and
    /// bundle files left out for a page or static file at their path, as a build warns.
    pub fn replaced_pages(&self) -> Vec<Diagnostic> {
        self.statics
            .keys()
            .filter(|path| self.routes.contains_key(*path))
            .map(|path| {
                let origin = self.static_origins.get(path).cloned().unwrap_or_else(|| PathBuf::from(path));
                emit::replaced_page(path, &origin)
            })
            .chain(self.route_problems.iter().cloned())
            .chain(self.bundle_problems.iter().cloned())
            .collect()
    }

    /// How many articles the site shows.
    pub fn published(&self) -> usize {
        self.site.articles.len()
    }

    /// How many pages that are not news the site has (a patched-in article edit never changes
    /// them).
    pub fn pages(&self) -> usize {
        self.site.pages.len()
    }

    /// When the served site next changes by the clock alone (an embargo lifts, a story expires).
    pub fn next_change(&self) -> Option<jiff::Timestamp> {
        self.site.next_change
    }

    /// Articles of the site not shown, by why (a patched-in edit never changes them).
    pub fn held_back(&self) -> crate::model::HeldBack {
        self.site.held_back
    }

    /// The static files, to tell a stylesheet-only change from others.
    pub fn statics(&self) -> &BTreeMap<String, Bytes> {
        &self.statics
    }

    /// True when the site has a file at `path` (building the search index if `path` is in it).
    pub fn contains(&mut self, path: &str) -> bool {
        self.statics.contains_key(path)
            || self.routes.contains_key(path)
            || self.bundles.contains_key(path)
            || self.search_index(path).is_some_and(|index| index.contains_key(path))
    }

    /// The file at `path`, rendering it if it is a page not rendered since the last change.
    /// `None`: no such file. An error: the page's template failed.
    pub fn get(&mut self, path: &str) -> Option<Result<Bytes, Diagnostic>> {
        // A build writes the search index last, so it wins over a static file of the same name.
        if self.statics.contains_key(path)
            && let Some(bytes) = self.search_index(path).and_then(|index| index.get(path))
        {
            return Some(Ok(Arc::clone(bytes)));
        }
        if let Some(bytes) = self.statics.get(path).or_else(|| self.rendered.get(path)) {
            return Some(Ok(Arc::clone(bytes)));
        }
        if let Some(&plan) = self.routes.get(path) {
            let result =
                self.renderer.render(&self.site, &self.cards, plan).map(|page| Arc::new(page.content));
            if let Ok(bytes) = &result {
                self.rendered.insert(path.to_string(), Arc::clone(bytes));
            }
            return Some(result);
        }
        if let Some(source) = self.bundles.get(path) {
            return Some(
                std::fs::read(source)
                    .map(Arc::new)
                    .map_err(|e| Diagnostic::error(source, format!("cannot read page bundle file: {e}"))),
            );
        }
        self.search_index(path).and_then(|index| index.get(path)).map(|bytes| Ok(Arc::clone(bytes)))
    }

    /// Every file of the site, rendered: what `gazette build` would write. For tests and for
    /// comparing with a clean build.
    pub fn files(&mut self) -> BTreeMap<String, Vec<u8>> {
        let mut paths: Vec<String> =
            self.routes.keys().chain(self.statics.keys()).chain(self.bundles.keys()).cloned().collect();
        if self.config.search {
            paths.extend(
                self.search_index(search::BUNDLE_DIR).into_iter().flat_map(|index| index.keys().cloned()),
            );
        }
        paths
            .into_iter()
            .filter_map(|path| {
                let bytes = self.get(&path)?.ok()?;
                Some((path, bytes.to_vec()))
            })
            .collect()
    }

    fn search_index(&mut self, path: &str) -> Option<&BTreeMap<String, Bytes>> {
        if !self.config.search || !path.starts_with(search::BUNDLE_DIR) {
            return None;
        }
        let (site, config) = (&self.site, &self.config);
        Some(self.search.get_or_insert_with(|| {
            search::index(site, config).into_iter().map(|(path, bytes)| (path, Arc::new(bytes))).collect()
        }))
    }

    /// Forgets what was rendered for the site before the edit. Pages served since the last
    /// change (a tag page renders hundreds of cards, the search index holds every article) are
    /// freed on a background thread ([`crate::render::drop_in_background`]), so the edit's reload
    /// does not wait for it; none served, there is little to free (the few cards a trial of the
    /// last edit made), and no thread is started.
    fn forget_rendered(&mut self) {
        let rendered = std::mem::take(&mut self.rendered);
        let cards = std::mem::replace(&mut self.cards, Cards::new(&self.site));
        let search = self.search.take();
        if !rendered.is_empty() || search.is_some() {
            crate::render::drop_in_background((rendered, cards, search));
        }
    }
}

/// Output path -> page, for every page of `site`, and the aliases left out (as a build warns).
fn routes(renderer: &Renderer, site: &Site) -> (HashMap<String, PagePlan>, Vec<Diagnostic>) {
    let (plans, problems) = renderer.plan_with_problems(site);
    (plans.into_iter().map(|plan| (renderer.output_path(site, plan), plan)).collect(), problems)
}

/// Reads the static files as a build would copy them, with the same warnings.
fn statics(theme: &Theme, routes: &HashMap<String, PagePlan>) -> (BTreeMap<String, Bytes>, Vec<Diagnostic>) {
    let sink = MemorySink::new();
    let pages: HashSet<&str> = routes.keys().map(String::as_str).collect();
    let (_, diagnostics) = emit::static_files(&sink, theme, &pages);
    let files = sink.into_files().into_iter().map(|(path, bytes)| (path, Arc::new(bytes))).collect();
    (files, diagnostics)
}

/// A sink that keeps nothing: validation only wants to know that every page renders.
struct Discard;

impl emit::Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
}
