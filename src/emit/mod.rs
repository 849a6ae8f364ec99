//! Writes rendered pages and static files to a [`Sink`]: a folder on disk, or memory.
//!
//! The disk sink writes into a staging folder beside the output and changes the output only when
//! the whole build succeeded (renaming the staged site into place, or moving in just the files that
//! changed), so a failed build never leaves a half-written site and files from earlier builds never
//! linger. The memory sink serves `gazette serve` and `gazette check`.

mod disk;
mod memory;

pub use disk::{DiskSink, MARKER, MARKER_TEXT};
pub use memory::MemorySink;

/// Version-control folders a user may keep at the top of the output folder, as Hugo users keep
/// `public/` as a checkout of their `gh-pages` branch. No page is ever written there, so a build
/// carries them over untouched: it does not remove, replace or count them (Zola empties the output
/// unless `preserve_dotfiles_in_output` is set; losing a repository's history is worse than a
/// folder left in place), and `publish` does not upload them.
pub const VERSION_CONTROL: &[&str] = &[".git", ".hg", ".svn", ".jj"];

/// Whether `name`, at the top of the output folder, is one of [`VERSION_CONTROL`].
pub fn is_version_control(name: &std::ffi::OsStr) -> bool {
    VERSION_CONTROL.iter().any(|kept| name == *kept)
}

use rayon::prelude::*;

use crate::Progress;
use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::render::{PagePlan, Renderer};
use crate::theme::Theme;

/// Somewhere pages can be written. Implementations are shared across rendering threads.
pub trait Sink: Sync {
    /// Stores `content` at `path` (relative, `/`-separated, already checked by [`check_path`]).
    fn write(&self, path: &str, content: &[u8]) -> std::io::Result<()>;
}

/// Refuses output paths that could land outside the output folder (the model's rule, which
/// ingest also asks of aliases).
pub use crate::model::check_output_path as check_path;

/// Renders every planned page in parallel and writes each one as soon as it is ready.
/// Returns the paths written; every failure is a diagnostic, the rest still render.
pub fn pages(
    sink: &dyn Sink,
    renderer: &Renderer,
    site: &Site,
    plans: &[PagePlan],
    progress: &dyn Progress,
) -> (Vec<String>, Vec<Diagnostic>) {
    progress.start("render", plans.len());
    let cards = crate::render::views::Cards::new(site);
    // The formats of one feed are rendered together, from one list of items.
    let runs: Vec<&[PagePlan]> = Renderer::runs(plans).collect();
    let results: Vec<Result<String, Diagnostic>> = runs
        .par_iter()
        .flat_map_iter(|run| {
            let pages = renderer.render_run(site, &cards, run);
            progress.advance(pages.len());
            pages.into_iter().map(|page| {
                let page = page?;
                write_checked(sink, &page.output_path, &page.content).map(|()| page.output_path)
            })
        })
        .collect();
    progress.finish();
    let mut written = Vec::with_capacity(results.len());
    let mut diagnostics = Vec::new();
    for result in results {
        match result {
            Ok(path) => written.push(path),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    (written, diagnostics)
}

/// The warning for a static file (from `origin`) that takes the place of the page Gazette
/// generates at `path` in the output.
pub fn replaced_page(path: &str, origin: &std::path::Path) -> Diagnostic {
    Diagnostic::warning(
        origin,
        format!(
            "this static file replaces the page Gazette generates at {path}; rename or remove it to publish the page"
        ),
    )
}

/// Copies the theme's (and site's) static files to the output root. A static file with the
/// path of a generated page replaces it (a hand-written `robots.txt`, say), with a warning so
/// it is never a surprise; it is counted once.
pub fn static_files(
    sink: &dyn Sink,
    theme: &Theme,
    pages: &std::collections::HashSet<&str>,
) -> (usize, Vec<Diagnostic>) {
    let mut written = 0;
    let mut diagnostics = Vec::new();
    for (path, source) in &theme.static_files {
        let replaces_a_page = pages.contains(path.as_str());
        if replaces_a_page {
            diagnostics.push(replaced_page(path, &source.origin(path)));
        }
        let result = source
            .read()
            .map_err(|e| Diagnostic::error(path, format!("cannot read static file: {e}")))
            .and_then(|bytes| write_checked(sink, path, &bytes));
        match result {
            Ok(()) if !replaces_a_page => written += 1,
            Ok(()) => {}
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    (written, diagnostics)
}

/// Where each file of a published article's (or page's) bundle goes: beside its page. A file
/// whose path a page or a static file already has (`taken`) is left out with a warning naming it.
pub fn bundle_routes(
    site: &Site,
    taken: impl Fn(&str) -> bool,
) -> (Vec<(String, &std::path::Path)>, Vec<Diagnostic>) {
    let mut routes = Vec::new();
    let mut diagnostics = Vec::new();
    let bundles = site
        .articles
        .iter()
        .filter(|article| !article.bundle_files.is_empty())
        .map(|article| (article.site_path(), &article.bundle_files))
        .chain(site.pages.iter().map(|page| (page.path.clone(), &page.bundle_files)));
    for (folder, files) in bundles {
        for file in files {
            let output = format!("{folder}{}", file.name);
            if taken(&output) {
                diagnostics.push(Diagnostic::warning(
                    &file.path,
                    format!("not published: the site already has a file at `{output}`; rename it"),
                ));
            } else {
                routes.push((output, file.path.as_path()));
            }
        }
    }
    (routes, diagnostics)
}

/// Copies the files of every published article's page bundle beside its page (see
/// [`bundle_routes`]).
pub fn bundle_files(sink: &dyn Sink, site: &Site, taken: impl Fn(&str) -> bool) -> (usize, Vec<Diagnostic>) {
    let (routes, mut diagnostics) = bundle_routes(site, taken);
    let failed: Vec<Diagnostic> = routes
        .par_iter()
        .filter_map(|(output, source)| {
            let bytes = std::fs::read(source)
                .map_err(|e| Diagnostic::error(*source, format!("cannot read page bundle file: {e}")));
            bytes.and_then(|bytes| write_checked(sink, output, &bytes)).err()
        })
        .collect();
    let written = routes.len() - failed.len();
    diagnostics.extend(failed);
    (written, diagnostics)
}

/// Writes generated files (the search index) given as output path -> bytes.
pub fn files(
    sink: &dyn Sink,
    files: &std::collections::BTreeMap<String, Vec<u8>>,
) -> (usize, Vec<Diagnostic>) {
    let diagnostics: Vec<Diagnostic> =
        files.par_iter().filter_map(|(path, bytes)| write_checked(sink, path, bytes).err()).collect();
    (files.len() - diagnostics.len(), diagnostics)
}

fn write_checked(sink: &dyn Sink, path: &str, content: &[u8]) -> Result<(), Diagnostic> {
    check_path(path).map_err(|message| Diagnostic::error(path, message))?;
    sink.write(path, content).map_err(|e| Diagnostic::error(path, format!("cannot write output file: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_escape() {
        assert!(check_path("2025/09/12/a/index.html").is_ok());
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "a\\..\\x", "a//b", "./a"] {
            assert!(check_path(bad).is_err(), "{bad}");
        }
    }
}
