//! `gazette serve`: build into memory, serve over HTTP, watch the sources, rebuild, reload.
//!
//! The loop owns all serve state. The watcher sends classified batches on a channel (as in
//! mdBook); each batch becomes one rebuild through the same stages as `gazette build`, with
//! unchanged articles taken from a cache instead of being read and converted again. The rebuilt
//! model is served by [`live::LiveSite`], which renders a page when a browser asks for it, so an
//! edit costs the model, not the 30,000 pages of a large site. An edit that leaves an article's
//! place in the site alone (its text, not its title, date or tags) is patched into the model
//! without assembling it again. A rebuild that fails keeps the last good site served and shows
//! the error over the page; the browser is told to reload only after the new site is in place.

mod articles;
pub mod http;
pub mod live;
pub mod watch;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use crate::Report;
use crate::config::{Config, ConfigError, Overrides};
use crate::diagnostic::Diagnostic;
use crate::discover::{self, Source};
use crate::ingest;
use crate::model::{Article, Site};
use crate::theme::Theme;
use articles::{Articles, Cached};
use http::{Broadcast, Shared};
use live::LiveSite;
use watch::{Change, WatchEvent, WatchedPaths};

/// Everything `gazette serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Site root.
    pub root: PathBuf,
    /// Options shared with `build` (config file, drafts...). `base_url` is replaced by the local address.
    pub overrides: Overrides,
    /// Address to listen on (127.0.0.1 by default: nothing outside this machine can connect).
    pub bind: String,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Poll the file system at this interval instead of using OS events.
    pub poll: Option<Duration>,
    /// Fixed current time (for tests and reproducible previews); the wall clock when `None`.
    pub now: Option<jiff::Timestamp>,
}

/// Why serving could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// site.yaml could not be used.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The address could not be bound.
    #[error("cannot listen on {address}: {message} (is another server using the port? try --port 0)")]
    Bind {
        /// The address.
        address: String,
        /// The error.
        message: String,
    },
    /// The watcher could not start.
    #[error("{0}")]
    Watch(String),
}

/// What the serve loop tells the user. Library code never prints; the CLI implements this.
pub trait ServeReporter: Send + Sync {
    /// The server is listening at `url`.
    fn listening(&self, url: &str);
    /// A rebuild finished.
    fn rebuilt(&self, report: &Report, changed: &[(PathBuf, Change)], elapsed: Duration);
    /// A problem that is not a build diagnostic (the watcher failed).
    fn problem(&self, message: &str);
}

/// A running server: its address and a handle to stop it (tests use this; the CLI runs forever).
pub struct Running {
    /// The bound address.
    pub address: SocketAddr,
    /// The local URL.
    pub url: String,
    shared: Arc<Shared>,
    stop_server: Arc<AtomicBool>,
    root: PathBuf,
    overrides: Overrides,
    stop: std::sync::mpsc::Sender<()>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    /// Every file of the site as currently served (the last good build), rendered.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        self.shared.served().site.as_mut().map(LiveSite::files).unwrap_or_default()
    }

    /// The error of the last rebuild, if it failed.
    pub fn error(&self) -> Option<String> {
        self.shared.served().error.clone()
    }

    /// The configuration `gazette build` would use for the site being served (base URL = the
    /// local address).
    pub fn config(&self) -> Result<Config, ConfigError> {
        let mut overrides = self.overrides.clone();
        overrides.base_url = Some(self.url.clone());
        Config::load(&self.root, &overrides)
    }

    /// Stops watching and serving.
    pub fn stop(mut self) {
        let _ = self.stop.send(());
        self.stop_server.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = std::net::TcpStream::connect(self.address);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Serves until the process ends.
pub fn run(options: ServeOptions, reporter: Arc<dyn ServeReporter>) -> Result<(), ServeError> {
    let running = start(options, reporter)?;
    if let Some(thread) = running.thread {
        let _ = thread.join();
    }
    Ok(())
}

/// Builds, starts the HTTP server and the watcher, and returns once the site is being served.
pub fn start(options: ServeOptions, reporter: Arc<dyn ServeReporter>) -> Result<Running, ServeError> {
    let address = format!("{}:{}", options.bind, options.port);
    let listener = std::net::TcpListener::bind(&address)
        .map_err(|e| ServeError::Bind { address: address.clone(), message: e.to_string() })?;
    let bound = listener
        .local_addr()
        .map_err(|e| ServeError::Bind { address: address.clone(), message: e.to_string() })?;
    let host = if bound.ip().is_unspecified() { "127.0.0.1".to_string() } else { bound.ip().to_string() };
    let host = if host.contains(':') { format!("[{host}]") } else { host };
    // Served under base_url's path, as it will be published (`https://example.org/news/` at
    // `http://127.0.0.1:1111/news/`), so links written from the domain's root work alike.
    let base_path = served_path(&Config::load(&options.root, &options.overrides)?);
    let url = format!("http://{host}:{}{}", bound.port(), http::encode_path(&base_path));

    let mut overrides = options.overrides.clone();
    overrides.base_url = Some(url.clone());
    let config = Config::load(&options.root, &overrides)?;
    let paths = WatchedPaths::new(&config);
    let config_problems = config.unread_config().into_iter().collect();

    let shared = Arc::new(Shared::default());
    let mut state = State {
        config,
        overrides: overrides.clone(),
        published_overrides: options.overrides.clone(),
        base_path: base_path.clone(),
        config_problems,
        root: options.root.clone(),
        cache: Articles::default(),
        walk_problems: Vec::new(),
        bundle_files: Vec::new(),
        pages: Vec::new(),
        page_problems: Vec::new(),
        assemble_problems: Vec::new(),
        theme: None,
        in_sync: false,
        config_pending: false,
        theme_pending: true,
        now: options.now,
    };
    let started = Instant::now();
    let report = state.rebuild(&shared, &[]);
    reporter.rebuilt(&report, &[], started.elapsed());

    let stop_server = Arc::new(AtomicBool::new(false));
    {
        let shared = Arc::clone(&shared);
        let stop_server = Arc::clone(&stop_server);
        std::thread::spawn(move || http::serve_forever(listener, shared, stop_server, base_path));
    }
    let (events_sender, events) = channel();
    let watcher = watch::start(&paths, options.poll, events_sender).map_err(ServeError::Watch)?;
    reporter.listening(&url);

    let (stop, stopped) = channel();
    let shared_for_handle = Arc::clone(&shared);
    let thread = std::thread::spawn(move || {
        let mut watcher = watcher;
        serve_loop(&mut state, &mut watcher, &shared, &events, &stopped, reporter.as_ref());
    });
    Ok(Running {
        address: bound,
        url,
        shared: shared_for_handle,
        stop_server,
        root: options.root,
        overrides,
        stop,
        thread: Some(thread),
    })
}

/// The path a site is served under: base_url's, decoded (`/my%20news/` is `/my news/`) as request
/// paths are before they are compared with it.
fn served_path(config: &Config) -> String {
    let path = config.base_path();
    crate::text::percent_decode(&path).unwrap_or(path)
}

/// How long a burst of changes must be quiet before the rebuild starts.
const BURST_QUIET: Duration = Duration::from_millis(100);
/// The longest a burst can hold a rebuild back.
const BURST_LIMIT: Duration = Duration::from_secs(2);

fn serve_loop(
    state: &mut State,
    watcher: &mut watch::Watcher,
    shared: &Arc<Shared>,
    events: &Receiver<WatchEvent>,
    stopped: &Receiver<()>,
    reporter: &dyn ServeReporter,
) {
    loop {
        if stopped.try_recv().is_ok() {
            return;
        }
        let first = match events.recv_timeout(Duration::from_millis(200)) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => {
                // Only a patched edit uses them: a site not in step with the cache, or with a
                // theme change pending, is assembled again on the next change.
                if state.in_sync && !state.theme_pending {
                    make_cluster_bands(shared);
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        };
        let started = Instant::now();
        let mut batch = Vec::new();
        let absorb = |batch: &mut Vec<(PathBuf, Change)>, event: WatchEvent| match event {
            WatchEvent::Changed(changes) => batch.extend(changes),
            WatchEvent::Failed(message) => reporter.problem(&message),
        };
        absorb(&mut batch, first);
        // A burst (git checkout, a tool rewriting many files) arrives as several batches: take
        // whatever is already queued, and when the first batch already names several files, wait
        // for the burst to go quiet so it becomes one rebuild. A single edited file is rebuilt at
        // once: that is the latency that matters when writing.
        while let Ok(event) = events.try_recv() {
            absorb(&mut batch, event);
        }
        if batch.len() > 1 {
            let deadline = started + BURST_LIMIT;
            while Instant::now() < deadline {
                match events.recv_timeout(BURST_QUIET) {
                    Ok(event) => absorb(&mut batch, event),
                    Err(_) => break,
                }
            }
        }
        let added = watcher.watch_new_folders(&batch);
        batch.extend(added);
        if batch.is_empty() {
            continue;
        }
        batch.sort();
        batch.dedup();
        let report = state.rebuild(shared, &batch);
        reporter.rebuilt(&report, &batch, started.elapsed());
    }
}

/// Makes the served model's cluster bands while nothing happens (the loop has waited 200 ms for
/// a change), so the first edit that moves a story between clusters does not make them on the
/// reload's path. The site is held only to copy the inputs out and to keep the result: a page
/// asked for meanwhile is not held up. Nothing to do once they are made. An edit saved while
/// they are being made (35 to 45 ms at 10,000 articles, once per assembly) waits for them.
fn make_cluster_bands(shared: &Shared) {
    let inputs = shared.served().site.as_ref().and_then(LiveSite::cluster_band_inputs);
    if let Some(inputs) = inputs {
        let made = inputs.make();
        if let Some(site) = shared.served().site.as_mut() {
            site.keep_cluster_bands(made);
        }
    }
}

/// The serve loop's own state: the config, the theme and the ingested articles, by path.
struct State {
    config: Config,
    overrides: Overrides,
    /// The overrides the user gave, base_url untouched: site.yaml is checked with these as
    /// `build` reads it, so a base_url `build` refuses is refused while serving too.
    published_overrides: Overrides,
    /// The path the site is served under (base_url's path when serving started).
    base_path: String,
    /// What reading site.yaml last said that is not an error (a base_url path that changed).
    config_problems: Vec<Diagnostic>,
    root: PathBuf,
    cache: Articles,
    walk_problems: Vec<Diagnostic>,
    /// The page bundles' files as the last walk found them.
    bundle_files: Vec<discover::BundleFile>,
    /// The pages that are not news, read afresh on each walk (they are few), and what reading
    /// them said.
    pages: Vec<crate::model::StandalonePage>,
    page_problems: Vec<Diagnostic>,
    /// What assembling the site last said (colliding URLs), repeated while it holds.
    assemble_problems: Vec<Diagnostic>,
    /// The theme as last loaded, with what loading it said.
    theme: Option<(Theme, Vec<Diagnostic>)>,
    /// True while the served site is the one the cache describes: only then can an edit be
    /// patched into it. A failed rebuild leaves the cache ahead of the served site.
    in_sync: bool,
    /// site.yaml changed (or failed to load) and no site made with it is served yet.
    config_pending: bool,
    /// Templates or static files changed and no site made with them is served yet.
    theme_pending: bool,
    now: Option<jiff::Timestamp>,
}

impl State {
    /// Applies `changes` and rebuilds into memory. On success the new site replaces the served one
    /// and browsers reload; on failure the old site stays and browsers show the error.
    fn rebuild(&mut self, shared: &Arc<Shared>, changes: &[(PathBuf, Change)]) -> Report {
        let has = |kind: Change| changes.iter().any(|(_, c)| *c == kind);
        // A config or theme change stays pending until a site made with it is served: a failed
        // rebuild must not let the next content edit slip the old templates back in.
        self.config_pending |= has(Change::Config);
        self.theme_pending |=
            self.config_pending || has(Change::Template) || has(Change::Static) || self.theme.is_none();
        if self.config_pending
            && let Some(report) = self.reload_config(shared)
        {
            return report;
        }
        if self.theme_pending {
            self.theme = Some(match Theme::load(&self.config) {
                Ok(theme) => {
                    let warnings = theme.warnings.clone();
                    (theme, warnings)
                }
                Err(problems) => (Theme::default(), problems),
            });
        }
        let content: Vec<&Path> =
            changes.iter().filter(|(_, c)| *c == Change::Content).map(|(p, _)| p.as_path()).collect();
        let mut edits = Vec::new();
        // A folder, an unknown file, a section file or a bundle's index (which makes the files
        // beside it the article's, or strays): what the walk makes of it decides. So it does for
        // a page that is not news, which the walk reads again.
        let content_dir = self.config.content_dir.clone();
        let walk_decides = |path: &&Path| {
            let name = path.file_name().map(|name| name.to_string_lossy()).unwrap_or_default();
            discover::classify(&name).is_none()
                || discover::is_section_file(&name)
                || discover::is_bundle_index(&name)
                || discover::is_page(&discover::relative_slash_path(&content_dir, path))
        };
        if self.cache.is_empty() || content.iter().any(walk_decides) {
            self.rescan();
        } else {
            for path in content {
                edits.push(self.refresh(path));
            }
        }
        // Saved as it was (`touch`, an editor's save without a change, a `sed -i` that changed
        // nothing in the file): the site is the same, and a reload would only lose the reader's
        // place. An article dated by its file's time is not the same when the time moved, and a
        // save after an embargo lifted or a story expired shows the site of the new time.
        let now = self.now.unwrap_or_else(jiff::Timestamp::now);
        let clock_moved_it =
            shared.served().site.as_ref().and_then(LiveSite::next_change).is_some_and(|change| change <= now);
        if self.in_sync
            && !clock_moved_it
            && !self.theme_pending
            && !self.config_pending
            && !edits.is_empty()
            && changes.iter().all(|(_, change)| *change == Change::Content)
            && edits.iter().all(|edit| edit.as_ref().is_some_and(|(old, new)| old == new))
        {
            return Report { up_to_date: true, articles: self.cache.len(), ..Report::default() };
        }
        if self.in_sync
            && !self.theme_pending
            && !edits.is_empty()
            && let Some(report) = self.patch(shared, edits, now)
        {
            return report;
        }
        self.assemble(shared, changes, now)
    }

    /// Loads site.yaml again. On failure the error is shown, the change stays pending, and the
    /// failed rebuild's report is returned.
    fn reload_config(&mut self, shared: &Shared) -> Option<Report> {
        // Read as `build` reads it first: a base_url it refuses is an error here too, and a new
        // path for the site is said (the server keeps the path it started with).
        self.config_problems.clear();
        match Config::load(&self.root, &self.published_overrides) {
            Ok(published) if served_path(&published) != self.base_path => {
                self.config_problems.push(Diagnostic::warning(
                    published.config_file.clone().unwrap_or_else(|| self.root.join("site.yaml")),
                    format!(
                        "base_url's path is now `{}`: this preview stays at `{}` until `gazette serve` is started again",
                        published.base_path(),
                        self.base_path
                    ),
                ));
            }
            Ok(_) => {}
            Err(error) => {
                let mut report = Report::default();
                report.diagnostics.push(error.to_diagnostic());
                self.fail(shared, error.to_string());
                return Some(report);
            }
        }
        match Config::load(&self.root, &self.overrides) {
            Ok(config) => {
                self.config_problems.extend(config.unread_config());
                self.config = config;
                self.cache.clear();
                self.config_pending = false;
                None
            }
            Err(error) => {
                let mut report = Report::default();
                report.diagnostics.push(error.to_diagnostic());
                self.fail(shared, error.to_string());
                Some(report)
            }
        }
    }

    /// Patches re-read articles into the served site when none of them moves in it (see
    /// [`Site::replace_article`]). The edited pages are rendered first; if one fails, the patch
    /// is taken back and the error shown. `None`: the site must be assembled again (nothing was
    /// changed).
    fn patch(
        &mut self,
        shared: &Shared,
        edits: Vec<Option<(Article, Article)>>,
        now: jiff::Timestamp,
    ) -> Option<Report> {
        let mut report = Report::default();
        // Only asked here, not copied: copying every article's warnings into the report was the
        // largest single function in a profile of patched edits on a 10,000-article site, and
        // the log that reads them can wait for the reload.
        if self.repeated_problems(Assembly::Last).any(Diagnostic::is_error) {
            return None;
        }
        let mut served = shared.served();
        let site = served.site.as_mut()?;
        let mut applied: Vec<(Article, Article)> = Vec::new();
        let take_back = |site: &mut LiveSite, applied: Vec<(Article, Article)>| {
            for (old, new) in applied.into_iter().rev() {
                site.replace_article(&new, old, now);
            }
        };
        for edit in edits {
            match edit {
                Some((old, new)) if site.replace_article(&old, new.clone(), now) => applied.push((old, new)),
                _ => {
                    take_back(site, applied);
                    return None;
                }
            }
        }
        let paths: Vec<&str> = applied.iter().map(|(_, new)| new.source_path.as_str()).collect();
        let problems = site.trial(None, &paths);
        if !problems.is_empty() {
            take_back(site, applied);
            drop(served);
            report.diagnostics.extend(problems);
            self.problems(&mut report, Assembly::Last);
            self.fail_with(shared, &report);
            return Some(report);
        }
        report.patched = applied.len();
        report.published = site.published();
        report.pages = site.pages();
        report.held_back = site.held_back();
        report.articles = self.cache.len();
        report.diagnostics.extend(site.replaced_pages());
        drop(served);
        self.served(shared, Broadcast::Reload, true);
        self.problems(&mut report, Assembly::Last);
        Some(report)
    }

    /// Assembles the site from every cached article and serves it: with the served theme when
    /// only content changed (after rendering the changed articles' pages), else with the theme
    /// just loaded, every page rendered once to find template errors.
    fn assemble(&mut self, shared: &Shared, changes: &[(PathBuf, Change)], now: jiff::Timestamp) -> Report {
        let mut report = Report::default();
        // This assembly's problems replace the last one's, so a warning is not counted twice.
        let problems = self.problems(&mut report, Assembly::New);
        let mut articles: Vec<Article> =
            self.cache.values().filter_map(|c| c.ingested.article.clone()).collect();
        let mut pages = self.pages.clone();
        crate::attach_bundle_files(
            &mut articles,
            &mut pages,
            self.bundle_files.clone(),
            &self.config.site_static_dir(),
        );
        report.articles = articles.len();
        let (mut site, assemble_problems) = Site::assemble(&self.config, articles, now);
        report.pages = pages.len();
        site.pages = pages;
        report.published = site.articles.len();
        report.held_back = site.held_back;
        report.valid_until = site.next_change;
        report.diagnostics.extend(assemble_problems.iter().cloned());
        self.assemble_problems = assemble_problems;
        if problems > 0 || report.diagnostics.error_count() > 0 {
            self.fail_with(shared, &report);
            return report;
        }
        let mut served = shared.served();
        let broadcast = match served.site.as_mut() {
            Some(live) if !self.theme_pending => {
                let paths: Vec<String> = changes
                    .iter()
                    .filter(|(_, c)| *c == Change::Content)
                    .map(|(path, _)| discover::relative_slash_path(&self.config.content_dir, path))
                    .collect();
                let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
                report.diagnostics.extend(live.trial(Some(&site), &paths));
                if report.diagnostics.error_count() > 0 {
                    drop(served);
                    self.fail_with(shared, &report);
                    return report;
                }
                live.replace_site(site);
                report.diagnostics.extend(live.replaced_pages());
                Broadcast::Reload
            }
            _ => {
                let Some((theme, _)) = &self.theme else { return report };
                let made = LiveSite::new(&self.config, site, theme);
                let live = match made {
                    Ok((live, diagnostics)) => {
                        report.diagnostics.extend(diagnostics);
                        report.diagnostics.extend(live.validate());
                        Some(live)
                    }
                    Err(problems) => {
                        report.diagnostics.extend(problems);
                        None
                    }
                };
                let Some(live) = live.filter(|_| report.diagnostics.error_count() == 0) else {
                    drop(served);
                    self.fail_with(shared, &report);
                    return report;
                };
                self.theme_pending = false;
                let only_css = served.error.is_none()
                    && changes.iter().all(|(_, c)| *c == Change::Static)
                    && served
                        .site
                        .as_ref()
                        .is_some_and(|old| only_stylesheets_differ(old.statics(), live.statics()));
                served.site = Some(live);
                if only_css { Broadcast::Css } else { Broadcast::Reload }
            }
        };
        drop(served);
        self.served(shared, broadcast, !changes.is_empty());
        report
    }

    /// The problems every rebuild repeats: the config's, the walk's, each article's, the
    /// theme's, and the last assembly's unless a new one is to give its own.
    fn repeated_problems(&self, assembly: Assembly) -> impl Iterator<Item = &Diagnostic> {
        let last_assembly = if assembly == Assembly::Last { self.assemble_problems.as_slice() } else { &[] };
        self.config_problems
            .iter()
            .chain(&self.walk_problems)
            .chain(&self.page_problems)
            .chain(self.cache.problems())
            .chain(self.theme.iter().flat_map(|(_, problems)| problems))
            .chain(last_assembly)
    }

    /// Adds the [repeated problems](Self::repeated_problems) to `report`; returns how many of
    /// the report's problems are errors.
    fn problems(&self, report: &mut Report, assembly: Assembly) -> usize {
        report.diagnostics.extend(self.repeated_problems(assembly).cloned());
        report.diagnostics.error_count()
    }

    /// The new site is in place: clear the error and tell browsers.
    fn served(&mut self, shared: &Shared, broadcast: Broadcast, tell: bool) {
        self.in_sync = true;
        shared.announce(None, tell.then_some(&broadcast));
    }

    /// Keeps the last good site and shows the errors of `report` over it.
    fn fail_with(&mut self, shared: &Shared, report: &Report) {
        let message: Vec<String> =
            report.diagnostics.sorted().iter().filter(|d| d.is_error()).map(ToString::to_string).collect();
        self.fail(shared, message.join("\n"));
    }

    fn fail(&mut self, shared: &Shared, message: String) {
        self.in_sync = false;
        shared.announce(Some(message.clone()), Some(&Broadcast::Failed(message)));
    }

    /// Walks the content folder again, re-reading only files whose size or time changed.
    fn rescan(&mut self) {
        let discovery = discover::walk(&self.config.content_dir);
        self.walk_problems = discovery.diagnostics;
        self.bundle_files = discovery.bundle_files;
        let mut read = Report::default();
        self.pages = crate::ingest_pages(&self.config, &discovery.pages, &mut read);
        self.page_problems = read.diagnostics.sorted();
        let mut fresh = Articles::default();
        for source in discovery.sources {
            let stamp = ingest::cache::stamp(&source.path);
            let cached = match self.cache.remove(&source.path) {
                Some(cached) if cached.stamp.is_some() && cached.stamp == stamp => cached,
                _ => Cached { stamp, ingested: ingest::article(&source, &self.config), source },
            };
            fresh.insert(cached);
        }
        self.cache = fresh;
    }

    /// Re-reads one article file, or forgets it if it is gone. Returns the article before and
    /// after when both exist (an edit, as opposed to an addition, a removal or a broken file).
    fn refresh(&mut self, path: &Path) -> Option<(Article, Article)> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match (path.is_file(), discover::classify(&name)) {
            (true, Some(kind)) => {
                let relative = discover::relative_slash_path(&self.config.content_dir, path);
                let source = Source { path: path.to_path_buf(), relative, kind };
                let ingested = ingest::article(&source, &self.config);
                let new = ingested.article.clone();
                let old = self
                    .cache
                    .insert(Cached { stamp: ingest::cache::stamp(path), source, ingested })
                    .and_then(|cached| cached.ingested.article);
                Some((old?, new?))
            }
            _ => {
                self.cache.remove(path);
                None
            }
        }
    }
}

/// True when the only static files that differ are stylesheets, so browsers can swap CSS in
/// place.
fn only_stylesheets_differ(old: &BTreeMap<String, live::Bytes>, new: &BTreeMap<String, live::Bytes>) -> bool {
    if old.len() != new.len() {
        return false;
    }
    let mut any = false;
    for ((old_path, old_bytes), (new_path, new_bytes)) in old.iter().zip(new) {
        if old_path != new_path {
            return false;
        }
        if old_bytes != new_bytes {
            if !old_path.ends_with(".css") {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Whether a rebuild reports the last assembly's problems (an article patched into the site,
/// which is not assembled again) or assembles anew and reports that assembly's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Assembly {
    Last,
    New,
}
