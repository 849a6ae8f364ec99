//! Watching the site's folders and deciding what a change means.
//!
//! [`classify`] is a pure function from a changed path to a [`Change`], so the editor patterns that
//! trip other generators (vim's rename-and-replace, JetBrains' safe write, Helix's `.bck`, `sed -i`
//! temp files, a `git checkout` touching hundreds of files) are unit-tested without a file system.
//! The watcher itself is notify with notify-debouncer-full, which pairs renames and folds bursts.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer, new_debouncer_opt};

use crate::config::Config;
use crate::discover;

/// What a changed path means for the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// An article was added, edited or removed: re-ingest that file.
    Content,
    /// A template changed: recompile templates, re-render pages.
    Template,
    /// A static file changed: copy it again (CSS can be swapped without a reload).
    Static,
    /// `site.yaml` changed: reload everything.
    Config,
    /// Not part of the site (output folder, editor temp files, hidden files, VCS data).
    Ignored,
}

/// The folders and files a site is made from, resolved once from the config.
#[derive(Debug, Clone)]
pub struct WatchedPaths {
    /// Site root.
    pub root: PathBuf,
    /// Content folder.
    pub content: PathBuf,
    /// Output folder (never watched; events under it are ignored).
    pub output: PathBuf,
    /// `themes/`.
    pub themes: PathBuf,
    /// Site `templates/`.
    pub templates: PathBuf,
    /// Site `static/`.
    pub static_dir: PathBuf,
    /// Site `i18n/`: the words of the interface, which the templates print.
    pub translations: PathBuf,
    /// The config file.
    pub config_file: PathBuf,
}

impl WatchedPaths {
    /// From a config.
    pub fn new(config: &Config) -> Self {
        WatchedPaths {
            root: config.root.clone(),
            content: config.content_dir.clone(),
            output: config.output_dir.clone(),
            themes: config.root.join("themes"),
            templates: config.site_templates_dir(),
            static_dir: config.site_static_dir(),
            translations: config.site_translations_dir(),
            config_file: config
                .config_file
                .clone()
                .unwrap_or_else(|| config.root.join(crate::config::DEFAULT_CONFIG_FILE)),
        }
    }
}

/// Classifies one changed path.
pub fn classify(path: &Path, paths: &WatchedPaths) -> Change {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    if path.starts_with(&paths.output) || discover::is_editor_temp(&name) {
        return Change::Ignored;
    }
    if path == paths.config_file {
        return Change::Config;
    }
    let skipped_under = |base: &Path, skipped: fn(&str) -> bool| {
        path.strip_prefix(base)
            .map(|rest| rest.components().any(|c| skipped(&c.as_os_str().to_string_lossy())))
            .unwrap_or(true)
    };
    let hidden = |base: &Path| skipped_under(base, discover::is_hidden);
    if path.starts_with(&paths.content) {
        if hidden(&paths.content) {
            return Change::Ignored;
        }
        // Articles, page bundles' files (photos), and folder events, which can add or remove many
        // articles at once: the walk sorts them out.
        return Change::Content;
    }
    if path.starts_with(&paths.templates) {
        return if hidden(&paths.templates) { Change::Ignored } else { Change::Template };
    }
    if path.starts_with(&paths.translations) {
        return if hidden(&paths.translations) { Change::Ignored } else { Change::Template };
    }
    if path.starts_with(&paths.static_dir) {
        let private = skipped_under(&paths.static_dir, crate::theme::is_private_static);
        return if private { Change::Ignored } else { Change::Static };
    }
    if path.starts_with(&paths.themes) {
        let is_static = path
            .strip_prefix(&paths.themes)
            .is_ok_and(|rest| rest.components().nth(1).is_some_and(|c| c.as_os_str() == "static"));
        return match is_static {
            true if skipped_under(&paths.themes, crate::theme::is_private_static) => Change::Ignored,
            false if hidden(&paths.themes) => Change::Ignored,
            true => Change::Static,
            false => Change::Template,
        };
    }
    Change::Ignored
}

/// A batch of changes from the watcher: every changed path with its meaning.
pub type Batch = Vec<(PathBuf, Change)>;

/// Something the watcher sends to the serve loop.
#[derive(Debug)]
pub enum WatchEvent {
    /// Paths changed.
    Changed(Batch),
    /// The watcher failed (for example the inotify watch limit).
    Failed(String),
}

/// Adds a recursive watch on a folder to a running watcher.
type AddWatch = Box<dyn FnMut(&Path) -> Result<(), String> + Send>;

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    /// Adds a recursive watch on a folder.
    watch: AddWatch,
    /// Site folders watched now.
    watched: Vec<PathBuf>,
    /// Site folders that do not exist, to be watched once they do.
    missing: Vec<PathBuf>,
    paths: WatchedPaths,
}

impl Watcher {
    /// Starts watching the site folders created since watching started (a `templates/` folder
    /// made while serving), and returns a change for each: the files written into it before the
    /// watch began raised no event of their own. A watched folder that went away (`mv content
    /// ../c`, a `git checkout` of a commit without `templates/`) lost its watch with it, so it
    /// is watched again when it comes back: else every later edit in it went unseen, silently.
    /// A folder removed and made again within `batch` (`rm -rf static && mkdir static`) is there,
    /// but its watch went with the folder removed: a watched folder that the batch names is
    /// watched anew.
    pub fn watch_new_folders(&mut self, batch: &[(PathBuf, Change)]) -> Vec<(PathBuf, Change)> {
        let (present, gone): (Vec<PathBuf>, Vec<PathBuf>) =
            std::mem::take(&mut self.watched).into_iter().partition(|dir| dir.is_dir());
        self.watched = present;
        self.missing.extend(gone);
        // Watching again walks the folder; it is asked only when a batch names the folder itself.
        let (renewed, lost): (Vec<PathBuf>, Vec<PathBuf>) = std::mem::take(&mut self.watched)
            .into_iter()
            .partition(|dir| !batch.iter().any(|(path, _)| path == dir) || (self.watch)(dir).is_ok());
        self.watched = renewed;
        // A folder that could not be watched again is tried again with the missing ones.
        self.missing.extend(lost);
        let mut added = Vec::new();
        let mut still_missing = Vec::new();
        for dir in std::mem::take(&mut self.missing) {
            if dir.is_dir() && (self.watch)(&dir).is_ok() {
                let change = classify(&dir, &self.paths);
                self.watched.push(dir.clone());
                added.push((dir, change));
            } else {
                still_missing.push(dir);
            }
        }
        self.missing = still_missing;
        added
    }
}

/// How long the debouncer waits for a burst (an editor's save, a `git checkout`) to settle.
/// Short, because edit-to-reload time is the point of serve; the loop also drains follow-ups.
pub const DEBOUNCE: Duration = Duration::from_millis(15);

/// Starts watching the site's folders (never the output folder), sending classified batches.
/// `poll` uses polling at that interval instead of OS events, for network and container mounts.
pub fn start(
    paths: &WatchedPaths,
    poll: Option<Duration>,
    events: Sender<WatchEvent>,
) -> Result<Watcher, String> {
    let classify_paths = paths.clone();
    let handler = move |result: DebounceEventResult| {
        let message = match result {
            Ok(debounced) => {
                let mut batch: Batch = Vec::new();
                // Reading a file (as every rebuild does) raises access events; only changes count,
                // or each rebuild would trigger the next.
                for event in debounced.iter().filter(|e| !e.kind.is_access() && !e.kind.is_other()) {
                    for path in &event.paths {
                        let change = classify(path, &classify_paths);
                        if change != Change::Ignored && !batch.iter().any(|(p, _)| p == path) {
                            batch.push((path.clone(), change));
                        }
                    }
                }
                if batch.is_empty() {
                    return;
                }
                WatchEvent::Changed(batch)
            }
            Err(errors) => {
                // Polling a folder that was moved away (and is watched again once it is back)
                // fails with "not found": no failure to report.
                let failures: Vec<String> =
                    errors.iter().filter(|e| !is_not_found(e)).map(describe).collect();
                if failures.is_empty() {
                    return;
                }
                WatchEvent::Failed(failures.join("; "))
            }
        };
        let _ = events.send(message);
    };
    let roots = watch_roots(paths);
    let missing: Vec<PathBuf> =
        [&paths.content, &paths.themes, &paths.templates, &paths.static_dir, &paths.translations]
            .into_iter()
            .filter(|dir| !dir.is_dir() && !dir.starts_with(&paths.output))
            .cloned()
            .collect();
    let watched: Vec<PathBuf> = roots
        .iter()
        .filter(|(_, mode)| *mode == RecursiveMode::Recursive)
        .map(|(dir, _)| dir.clone())
        .collect();
    let watcher = |watch: AddWatch| Watcher {
        watch,
        watched: watched.clone(),
        missing: missing.clone(),
        paths: paths.clone(),
    };
    match poll {
        None => {
            let mut debouncer =
                new_debouncer(DEBOUNCE, Some(Duration::from_millis(5)), handler).map_err(|e| describe(&e))?;
            for (path, mode) in &roots {
                debouncer.watch(path, *mode).map_err(|e| describe(&e))?;
            }
            Ok(watcher(Box::new(move |dir: &Path| {
                debouncer.watch(dir, RecursiveMode::Recursive).map_err(|e| describe(&e))
            })))
        }
        Some(interval) => {
            let config = notify::Config::default().with_poll_interval(interval).with_compare_contents(false);
            let mut debouncer = new_debouncer_opt::<_, notify::PollWatcher, _>(
                DEBOUNCE,
                Some(Duration::from_millis(5)),
                handler,
                notify_debouncer_full::NoCache::new(),
                config,
            )
            .map_err(|e| describe(&e))?;
            for (path, mode) in &roots {
                debouncer.watch(path, *mode).map_err(|e| describe(&e))?;
            }
            Ok(watcher(Box::new(move |dir: &Path| {
                debouncer.watch(dir, RecursiveMode::Recursive).map_err(|e| describe(&e))
            })))
        }
    }
}

/// The site root itself is watched without recursion (to see `site.yaml` replaced and folders
/// created); the content, theme, template, static and `i18n/` folders recursively. The output
/// folder is never watched, so writing it can never trigger a rebuild loop.
fn watch_roots(paths: &WatchedPaths) -> Vec<(PathBuf, RecursiveMode)> {
    let mut roots = vec![(paths.root.clone(), RecursiveMode::NonRecursive)];
    for dir in [&paths.content, &paths.themes, &paths.templates, &paths.static_dir, &paths.translations] {
        if dir.is_dir() && !dir.starts_with(&paths.output) {
            roots.push((dir.clone(), RecursiveMode::Recursive));
        }
    }
    roots
}

/// Whether the watcher failed only because a path is gone.
fn is_not_found(error: &notify::Error) -> bool {
    match &error.kind {
        notify::ErrorKind::PathNotFound => true,
        notify::ErrorKind::Io(io) => io.kind() == std::io::ErrorKind::NotFound,
        _ => false,
    }
}

/// A watcher error with the fix for the common ones.
fn describe(error: &notify::Error) -> String {
    match &error.kind {
        notify::ErrorKind::MaxFilesWatch => "the system's limit of watched folders (inotify max_user_watches) is reached. \
             Raise it with `sudo sysctl fs.inotify.max_user_watches=524288` (add it to /etc/sysctl.conf to keep it), \
             or run `gazette serve --poll 500` to poll instead"
            .to_string(),
        _ => {
            let paths: Vec<String> = error.paths.iter().map(|p| p.display().to_string()).collect();
            if paths.is_empty() { format!("watching failed: {error}") } else { format!("watching {} failed: {error}", paths.join(", ")) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths() -> WatchedPaths {
        WatchedPaths {
            root: "/site".into(),
            content: "/site/content".into(),
            output: "/site/public".into(),
            themes: "/site/themes".into(),
            templates: "/site/templates".into(),
            static_dir: "/site/static".into(),
            translations: "/site/i18n".into(),
            config_file: "/site/site.yaml".into(),
        }
    }

    fn kind(path: &str) -> Change {
        classify(Path::new(path), &paths())
    }

    #[test]
    fn articles_templates_static_and_config() {
        assert_eq!(kind("/site/content/2025/09/12/a.txt"), Change::Content);
        assert_eq!(kind("/site/content/notes.md"), Change::Content);
        assert_eq!(kind("/site/content/2025/09"), Change::Content, "a folder event");
        assert_eq!(kind("/site/templates/article.html"), Change::Template);
        assert_eq!(kind("/site/themes/default/templates/base.html"), Change::Template);
        assert_eq!(kind("/site/themes/default/static/style.css"), Change::Static);
        assert_eq!(kind("/site/static/logo.svg"), Change::Static);
        assert_eq!(kind("/site/static/.well-known/security.txt"), Change::Static, "published");
        assert_eq!(kind("/site/themes/default/static/.htaccess"), Change::Static);
        assert_eq!(kind("/site/static/.git/index"), Change::Ignored);
        assert_eq!(kind("/site/static/img/.DS_Store"), Change::Ignored);
        assert_eq!(kind("/site/templates/.old/base.html"), Change::Ignored);
        assert_eq!(kind("/site/i18n/fr.yaml"), Change::Template);
        assert_eq!(kind("/site/themes/broadsheet/i18n/fr.yaml"), Change::Template);
        assert_eq!(kind("/site/site.yaml"), Change::Config);
    }

    #[test]
    fn output_and_editor_files_are_ignored() {
        assert_eq!(kind("/site/public/index.html"), Change::Ignored, "never the output folder");
        assert_eq!(kind("/site/content/.a.txt.swp"), Change::Ignored, "vim swap");
        assert_eq!(kind("/site/content/a.txt~"), Change::Ignored, "vim backup in rename-and-replace");
        assert_eq!(
            kind("/site/content/4913"),
            Change::Content,
            "vim's write test file is a folder-like name; re-walk is harmless"
        );
        assert_eq!(kind("/site/content/a.txt___jb_tmp___"), Change::Ignored, "JetBrains safe write");
        assert_eq!(kind("/site/content/a.txt.bck"), Change::Ignored, "Helix backup");
        assert_eq!(
            kind("/site/content/sedAb12Cd"),
            Change::Content,
            "sed -i temp file: re-walk, finds nothing new"
        );
        assert_eq!(kind("/site/content/.git/index"), Change::Ignored);
        assert_eq!(
            kind("/site/content/2025/03/04/flood/photo.jpg"),
            Change::Content,
            "a page bundle's photo"
        );
        assert_eq!(kind("/site/README.md"), Change::Ignored);
        assert_eq!(kind("/site/.gazette-cache/x"), Change::Ignored);
    }
}
