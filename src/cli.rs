//! The command line: parses arguments, runs a command, prints what happened, picks the exit code.
//!
//! The only module that prints or exits. Diagnostics are printed all at once at the end, sorted,
//! so the output of a build is stable and readable in CI logs.
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "the CLI is where output belongs")]

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use gazette::config::{Config, Overrides};
use gazette::{Diagnostic, Progress, Report};

/// Gazette builds a news-digest website from a folder of article text.
#[derive(Debug, Parser)]
#[command(name = "gazette", version, about, long_about = None, propagate_version = true)]
struct Cli {
    /// Print nothing but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose", overrides_with = "quiet")]
    quiet: bool,
    /// Print more detail (every warning, per-file notes).
    #[arg(short, long, global = true, overrides_with = "verbose")]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new site (site.yaml with every key explained, and a sample article).
    Init(InitArgs),
    /// Build the site into the output folder (public/ by default).
    Build(BuildArgs),
    /// Convert article text files into Markdown with YAML front matter.
    Import(ImportArgs),
    /// Build into memory, serve on localhost, rebuild and reload the browser on every change.
    Serve(ServeArgs),
    /// Build for production and deploy to a target from site.yaml's `publish:` section.
    Publish(PublishArgs),
    /// Build in memory and check links, anchors, titles, descriptions, feeds and sitemaps.
    Check(CheckArgs),
}

#[derive(Debug, Args)]
struct InitArgs {
    /// Folder for the new site (created if missing).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Add the site files to a folder that is not empty (existing files are kept).
    #[arg(long)]
    force: bool,
    /// The site's language (fr, pt-BR, ja): set in site.yaml, and for a language the built-in
    /// theme does not speak, i18n/LANG.yaml with its words to translate.
    #[arg(long, value_name = "LANG")]
    language: Option<String>,
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Port to listen on (0 picks a free one).
    #[arg(short, long, default_value_t = 1111)]
    port: u16,
    /// Address to listen on; the default keeps the server private to this machine.
    #[arg(long, default_value = "127.0.0.1")]
    bind: String,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    /// Poll for changes every MS milliseconds instead of using OS events (network, WSL, Docker folders).
    #[arg(long, value_name = "MS")]
    poll: Option<u64>,
    #[command(flatten)]
    base: BaseUrlArgs,
    #[command(flatten)]
    shown: ShownArgs,
}

/// Which hidden articles to show anyway (Hugo's `-D`, `-F`, `-E`), the same for build, serve and
/// check, so a preview can show what a build will. Hugo's long names are accepted too, so a
/// migrated script keeps working.
#[derive(Debug, Args)]
struct ShownArgs {
    /// Include draft articles.
    #[arg(short = 'D', long, alias = "buildDrafts")]
    drafts: bool,
    /// Include articles scheduled for later: a publish_date, or a date: in front matter, still
    /// to come.
    #[arg(short = 'F', long, alias = "buildFuture")]
    future: bool,
    /// Include articles past their expiry_date.
    #[arg(short = 'E', long, alias = "buildExpired")]
    expired: bool,
}

/// base_url from the command line, for build, serve and check alike, so a preview and a check
/// see the site under the path it is built for.
#[derive(Debug, Args)]
struct BaseUrlArgs {
    /// Base URL to publish under, overriding site.yaml (e.g. https://example.org/news/); serve
    /// uses its path.
    // Zola's `-u`, Hugo's `-b/--baseURL`.
    #[arg(short = 'u', long, value_name = "URL", short_alias = 'b', aliases = ["baseURL", "baseurl"])]
    base_url: Option<String>,
}

impl ShownArgs {
    fn overrides(&self) -> Overrides {
        Overrides { drafts: self.drafts, future: self.future, expired: self.expired, ..Overrides::default() }
    }
}

#[derive(Debug, Args)]
struct PublishArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// The target's name under `publish:` in site.yaml (default: the one marked `default: true`).
    target: Option<String>,
    /// Print what would be uploaded and deleted; change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Deploy the output folder as it is, without building first.
    #[arg(long)]
    no_build: bool,
    /// Refuse to delete more than N files at the target.
    #[arg(long, value_name = "N", default_value_t = gazette::publish::DEFAULT_MAX_DELETES)]
    max_deletes: usize,
    /// Delete without asking, files no publish wrote included. Without it a terminal is asked;
    /// with no terminal, only files an earlier publish wrote are deleted, and others are kept.
    #[arg(short, long)]
    yes: bool,
}

#[derive(Debug, Args)]
struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    #[command(flatten)]
    base: BaseUrlArgs,
    #[command(flatten)]
    shown: ShownArgs,
    /// The current time, as for `build --now`.
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
}

#[derive(Debug, Args)]
struct SiteArgs {
    /// Site root: the folder with content/ and (optionally) site.yaml.
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// Config file, read from ROOT when relative (default: ROOT/site.yaml if it exists).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Output folder (default: `output_dir` from site.yaml, else public/).
    // Hugo's `-d/--destination` and Zola's `--output-dir` are accepted for migrated scripts.
    #[arg(short, long, value_name = "DIR", short_alias = 'd', aliases = ["destination", "output-dir"])]
    output: Option<PathBuf>,
    #[command(flatten)]
    base: BaseUrlArgs,
    #[command(flatten)]
    shown: ShownArgs,
    /// The current time, for scheduled and expiring articles: `2025-09-12T08:00:00Z`, or a date or
    /// time on the site's clock (`2025-09-12`, `2025-09-12 23:59`); makes builds reproducible.
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
    /// Print how long each stage took.
    #[arg(long)]
    timings: bool,
}

#[derive(Debug, Args)]
struct ImportArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Files or folders to import (default: the content folder).
    paths: Vec<PathBuf>,
    /// Write the .md files under this folder, keeping paths relative to the content folder.
    #[arg(long, value_name = "DIR", conflicts_with = "in_place")]
    out: Option<PathBuf>,
    /// Replace each .txt file with its .md file.
    #[arg(long)]
    in_place: bool,
    /// Show what would be written; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Replace .md files that already exist and differ (they may hold your own edits).
    #[arg(long)]
    force: bool,
}

/// Runs the command line and returns the process exit code.
pub(crate) fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let tip = foreign_command_tip(&error);
            // Help and version are "errors" that print to stdout and exit 0.
            let _ = error.print();
            if let Some(tip) = tip {
                eprintln!("\n  tip: {tip}");
            }
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let printer = Printer { quiet: cli.quiet, verbose: cli.verbose };
    if !matches!(cli.command, Command::Serve(_)) {
        crate::keep_freed_memory();
    }
    let result = match cli.command {
        Command::Init(args) => init(args, &printer),
        Command::Build(args) => build(args, &printer),
        Command::Import(args) => import(args, &printer),
        Command::Check(args) => check(args, &printer),
        Command::Serve(args) => serve(args, &printer),
        Command::Publish(args) => publish(args, &printer),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {}", error_text(&error));
            ExitCode::FAILURE
        }
    }
}

/// What a Hugo or Zola user typing their tool's command means in Gazette, when clap's own
/// suggestion (`server` for `serve`) does not cover it.
fn foreign_command_tip(error: &clap::Error) -> Option<&'static str> {
    if error.kind() != clap::error::ErrorKind::InvalidSubcommand {
        return None;
    }
    let typed = error.get(clap::error::ContextKind::InvalidSubcommand)?.to_string();
    match typed.as_str() {
        "new" => Some(
            "a new site is `gazette init DIR` (Hugo's `new site`); a new article is a .txt or .md file saved in content/",
        ),
        "deploy" => {
            Some("`gazette publish` deploys to the targets under `publish:` in site.yaml (Hugo's `deploy`)")
        }
        "watch" | "preview" => Some("`gazette serve` previews the site with live reload"),
        "convert" => Some("`gazette import` converts article text into Markdown with front matter"),
        _ => None,
    }
}

/// The error and its causes, each said once: most of Gazette's errors already name their cause in
/// their own message (`path: reason`), so a cause whose text is already there is not repeated.
fn error_text(error: &anyhow::Error) -> String {
    let mut text = error.to_string();
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

struct Printer {
    quiet: bool,
    verbose: bool,
}

impl Printer {
    /// Prints diagnostics with paths relative to the working folder, as a user typed them: every
    /// error, and the warnings unless quiet. A warning that many files share (an
    /// archive of clippings with no dates) is printed for the first few and then counted, unless
    /// verbose, so that it does not bury the warnings about the site itself.
    fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        let cwd = std::env::current_dir().unwrap_or_default();
        print_diagnostics(diagnostics, &cwd, self.quiet, self.verbose);
    }

    /// With `--verbose`, each published headline Gazette made, to read before publishing (the
    /// summary counts them otherwise): not a warning, since an archive of clippings without
    /// headline lines would bury the real ones under them.
    fn guessed_titles(&self, guessed: &[(String, String)], content_dir: &Path) {
        if !self.verbose {
            return;
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        for (path, title) in guessed {
            let file = content_dir.join(path);
            eprintln!(
                "note: {}: no headline line, so the title “{title}” was made from its lede or file name; write `title:` in front matter to set it",
                path_as_typed(&file, &cwd).display()
            );
        }
    }

    fn summary(&self, line: &str) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }
}

/// How many files a warning that many share is printed for before the rest are counted.
const ALIKE_SHOWN: usize = 3;

/// `diagnostic` with its path relative to `cwd` where it is inside it, as the user would type it.
fn as_typed(diagnostic: &Diagnostic, cwd: &Path) -> Diagnostic {
    let mut shown = diagnostic.clone();
    shown.path = path_as_typed(&diagnostic.path, cwd).to_path_buf();
    shown
}

/// `path` relative to `cwd` where it is inside it.
fn path_as_typed<'p>(path: &'p Path, cwd: &Path) -> &'p Path {
    path.strip_prefix(cwd).unwrap_or(path)
}

fn load_config(site: &SiteArgs, overrides: Overrides) -> anyhow::Result<Config> {
    refuse_a_folder_inside_a_site(site)?;
    let overrides = Overrides { config_file: site.config.clone(), ..overrides };
    Ok(Config::load(&site.root, &overrides)?)
}

/// Run from a folder of a site (`content/2024/`) rather than its root, a command would take the
/// folder for a site of its own, with no articles: `serve` served "no site yet" and `build`
/// wrote a `public/` inside the content. Said, with where the site is; a folder that holds a
/// site (site.yaml or content/) is one, as Hugo and Zola read the folder they run in.
fn refuse_a_folder_inside_a_site(site: &SiteArgs) -> anyhow::Result<()> {
    let root = std::path::absolute(&site.root)?;
    if site.config.is_some()
        || root.join(gazette::config::DEFAULT_CONFIG_FILE).exists()
        || root.join("content").is_dir()
    {
        return Ok(());
    }
    let Some(site_root) = root.ancestors().skip(1).find(|folder| gazette::discover::is_site_root(folder))
    else {
        return Ok(());
    };
    // The --root to pass from where the command runs.
    let cwd = std::env::current_dir()?;
    let relative = match cwd.strip_prefix(site_root) {
        Ok(inside) if inside.components().count() > 0 => vec![".."; inside.components().count()].join("/"),
        Ok(_) => ".".to_string(),
        Err(_) => site_root.display().to_string(),
    };
    anyhow::bail!(
        "{} is a folder of the site at {} (its {} is there), not a site: run gazette there, or pass --root {relative}",
        root.display(),
        site_root.display(),
        gazette::config::DEFAULT_CONFIG_FILE
    )
}

/// `--now`: a time with its offset, or a date or a time of day in the site's time zone, as front
/// matter's dates are read (`2025-09-12 23:59` is that minute on the site's clock, not midnight).
fn parse_now(now: Option<&str>, timezone: &jiff::tz::TimeZone) -> anyhow::Result<jiff::Timestamp> {
    match now {
        None => Ok(jiff::Timestamp::now()),
        Some(text) => gazette::ingest::parse_date(text, timezone).map(|date| date.timestamp()).ok_or_else(|| {
            anyhow::anyhow!(
                "--now `{text}`: write a time such as 2025-09-12T08:00:00Z, or a date or time of the site's clock such as 2025-09-12 or 2025-09-12T08:00"
            )
        }),
    }
}

fn build(args: BuildArgs, printer: &Printer) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let overrides = Overrides {
        output_dir: args.output.clone(),
        base_url: args.base.base_url.clone(),
        ..args.shown.overrides()
    };
    let config = load_config(&args.site, overrides)?;
    let now = parse_now(args.now.as_deref(), &config.timezone)?;
    let progress = TerminalProgress::new(!printer.quiet && std::io::stderr().is_terminal());
    let mut report = gazette::build(&config, now, &progress)?;
    report.diagnostics.extend(gazette::publish::target_warnings(&config));
    printer.diagnostics(&report.diagnostics.sorted());
    printer.guessed_titles(&report.guessed_titles, &config.content_dir);
    if args.timings {
        print_timings(&report);
    }
    let seconds = started.elapsed().as_secs_f64();
    printer.summary(&summary_line(&report, &config.output_dir, seconds, printer.verbose));
    // A build that wrote nothing and was not up to date failed, whatever its diagnostics say.
    let failed = report.diagnostics.error_count() > 0 || !(report.committed || report.up_to_date);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn init(args: InitArgs, printer: &Printer) -> anyhow::Result<ExitCode> {
    let today = jiff::ZonedDateTime::now().date();
    let written = gazette::init::site(&args.dir, today, args.force, args.language.as_deref())?;
    for path in &written {
        printer.summary(&format!("created {}", path.display()));
    }
    let next = if args.dir == Path::new(".") {
        "gazette serve".to_string()
    } else {
        format!("cd {} && gazette serve", args.dir.display())
    };
    printer.summary(&format!("New site in {}. Next: {next}", args.dir.display()));
    Ok(ExitCode::SUCCESS)
}

fn check(args: CheckArgs, printer: &Printer) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let overrides = Overrides { base_url: args.base.base_url.clone(), ..args.shown.overrides() };
    let config = load_config(&args.site, overrides)?;
    let now = parse_now(args.now.as_deref(), &config.timezone)?;
    let mut report = gazette::check(&config, now, &gazette::NoProgress);
    report.diagnostics.extend(gazette::publish::target_warnings(&config));
    printer.diagnostics(&report.diagnostics.sorted());
    let errors = report.diagnostics.error_count();
    printer.summary(&format!(
        "Checked {}: {}, {}, {:.2}s",
        count(report.files_written, "file"),
        count(errors, "error"),
        count(report.diagnostics.warning_count(), "warning"),
        started.elapsed().as_secs_f64()
    ));
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn serve(args: ServeArgs, printer: &Printer) -> anyhow::Result<ExitCode> {
    refuse_a_folder_inside_a_site(&args.site)?;
    let options = gazette::serve::ServeOptions {
        root: args.site.root.clone(),
        overrides: Overrides {
            config_file: args.site.config.clone(),
            base_url: args.base.base_url.clone(),
            ..args.shown.overrides()
        },
        bind: args.bind.clone(),
        port: args.port,
        poll: args.poll.map(std::time::Duration::from_millis),
        now: None,
    };
    let reporter = std::sync::Arc::new(ServeLog {
        quiet: printer.quiet,
        verbose: printer.verbose,
        open: args.open,
        cwd: std::env::current_dir().unwrap_or_default(),
        warnings: std::sync::Mutex::default(),
        served: std::sync::atomic::AtomicBool::new(false),
    });
    gazette::serve::run(options, reporter)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints what the dev server does, one line per rebuild.
struct ServeLog {
    quiet: bool,
    /// Every warning printed, none folded (`-v`).
    verbose: bool,
    open: bool,
    /// Paths are printed relative to it, as `gazette build` prints them.
    cwd: PathBuf,
    /// The warnings printed so far, so a rebuild shows only what is new.
    warnings: std::sync::Mutex<WarningsShown>,
    /// Whether a build has succeeded, so there is a last good site to keep serving.
    served: std::sync::atomic::AtomicBool,
}

/// Which warnings a rebuild prints. The dev server rebuilds on every save; printing each of a
/// large archive's warnings every time buries what the save changed. A rebuild prints a warning
/// that the last build did not have, or one about a file that changed (the user is at work on
/// it); the others are counted on the summary line.
#[derive(Default)]
struct WarningsShown {
    /// Every warning of the last build, as printed.
    last: std::collections::HashSet<String>,
}

impl WarningsShown {
    /// Of a build's `warnings` (each as printed, and whether it is about a changed file), which
    /// to print, and how many are left out because the last build had them too.
    fn select(&mut self, warnings: Vec<(String, bool)>) -> (Vec<bool>, usize) {
        let mut print = Vec::with_capacity(warnings.len());
        let mut held = 0;
        let mut now = std::collections::HashSet::with_capacity(warnings.len());
        for (line, about_changed) in warnings {
            let shown = about_changed || !self.last.contains(&line);
            held += usize::from(!shown);
            print.push(shown);
            now.insert(line);
        }
        self.last = now;
        (print, held)
    }
}

/// How many saved files' warnings serve always prints whole: more were saved by a script or a
/// checkout, not by hand, and their warnings fold as a build's do.
const FEW_SAVED_FILES: usize = 3;

/// How a rebuild ended, for the dev server's log: a failure says whether a site is still served
/// (one that never built has none).
fn rebuild_outcome(succeeded: bool, served_before: bool) -> &'static str {
    match (succeeded, served_before) {
        (true, _) => "ok",
        (false, true) => "FAILED, still serving the last good site",
        (false, false) => "FAILED, nothing to serve until it is fixed",
    }
}

/// [`Printer::diagnostics`]'s printing, for the dev server's log too: every error, the warnings
/// unless `quiet`, and an error or warning many files share printed for the first few, then
/// counted (a full disk fails every file written after it in the same words).
fn print_diagnostics(diagnostics: &[Diagnostic], cwd: &Path, quiet: bool, verbose: bool) {
    let mut alike: std::collections::HashMap<(bool, &str), usize> = std::collections::HashMap::new();
    for diagnostic in diagnostics {
        *alike.entry((diagnostic.is_error(), diagnostic.message.as_str())).or_default() += 1;
    }
    let mut shown: std::collections::HashMap<(bool, &str), usize> = std::collections::HashMap::new();
    for diagnostic in diagnostics {
        let error = diagnostic.is_error();
        if quiet && !error {
            continue;
        }
        let key = (error, diagnostic.message.as_str());
        let total = alike[&key];
        let seen = shown.entry(key).or_default();
        *seen += 1;
        if verbose || total <= ALIKE_SHOWN + 1 || *seen <= ALIKE_SHOWN {
            eprintln!("{}", as_typed(diagnostic, cwd));
        } else if *seen == total {
            // Two or more: a lone one past the first few is printed as it is.
            eprintln!(
                "{}: the same for {} more files (`--verbose` lists them): {}",
                if error { "error" } else { "warning" },
                total - ALIKE_SHOWN,
                diagnostic.message
            );
        }
    }
}

impl gazette::serve::ServeReporter for ServeLog {
    fn listening(&self, url: &str) {
        eprintln!("Serving at {url} (Ctrl-C to stop)");
        if self.open {
            let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
            if let Err(error) = std::process::Command::new(opener).arg(url).spawn() {
                eprintln!("could not open a browser ({opener}: {error}); open {url} yourself");
            }
        }
    }

    fn rebuilt(
        &self,
        report: &Report,
        changed: &[(PathBuf, gazette::serve::watch::Change)],
        elapsed: std::time::Duration,
    ) {
        if report.up_to_date {
            if !self.quiet {
                let what = match changed {
                    [(path, _)] => format!("{} saved", path_as_typed(path, &self.cwd).display()),
                    many => format!("{} saved", count(many.len(), "file")),
                };
                eprintln!("{what} with nothing changed: no rebuild, no reload");
            }
            return;
        }
        let diagnostics = report.diagnostics.sorted();
        let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
            diagnostics.into_iter().partition(Diagnostic::is_error);
        // Every error, unfolded: the file just saved may share its error's words with others.
        print_diagnostics(&errors, &self.cwd, self.quiet, true);
        let about_changed = |warning: &Diagnostic| changed.iter().any(|(path, _)| *path == warning.path);
        let lines = warnings
            .iter()
            .map(|warning| (as_typed(warning, &self.cwd).to_string(), about_changed(warning)))
            .collect();
        let (print, held) = self.warnings.lock().unwrap_or_else(|p| p.into_inner()).select(lines);
        let served_before = self.served.load(std::sync::atomic::Ordering::Relaxed);
        if errors.is_empty() {
            self.served.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        if self.quiet {
            return;
        }
        let print: Vec<Diagnostic> =
            warnings.into_iter().zip(print).filter_map(|(warning, shown)| shown.then_some(warning)).collect();
        // The files just saved are the ones being worked on: their warnings are never folded,
        // unless a script or a checkout saved many at once (then they fold as a build's do).
        let (saved, others): (Vec<Diagnostic>, Vec<Diagnostic>) = print.into_iter().partition(about_changed);
        let files_warned: std::collections::BTreeSet<&Path> =
            saved.iter().map(|d| d.path.as_path()).collect();
        print_diagnostics(&saved, &self.cwd, false, self.verbose || files_warned.len() <= FEW_SAVED_FILES);
        print_diagnostics(&others, &self.cwd, false, self.verbose);
        let what = match changed {
            [] => String::new(),
            [(path, _)] => format!("{} changed: ", path_as_typed(path, &self.cwd).display()),
            many => format!("{} changed: ", count(many.len(), "file")),
        };
        let outcome = rebuild_outcome(errors.is_empty(), served_before);
        let outcome = match held {
            0 => outcome.to_string(),
            1 => format!("{outcome} (1 warning shown before still applies)"),
            n => format!("{outcome} ({n} warnings shown before still apply)"),
        };
        let how = match report.patched {
            0 => String::new(),
            1 => " (1 article patched in)".to_string(),
            n => format!(" ({n} articles patched in)"),
        };
        let pages = and_pages(report);
        let milliseconds = elapsed.as_secs_f64() * 1000.0;
        if !errors.is_empty() {
            // Nothing was rebuilt that is served: no count of articles to suggest otherwise.
            let done = if what.is_empty() { "Build" } else { "rebuild" };
            eprintln!("{what}{done} {outcome} ({milliseconds:.1} ms)");
            return;
        }
        let done = if what.is_empty() { "Built" } else { "rebuilt" };
        eprintln!(
            "{what}{done} {} ({}){pages}{how} in {:.1} ms, {outcome}",
            count(report.articles, "article"),
            published(report),
            milliseconds
        );
    }

    fn problem(&self, message: &str) {
        eprintln!("error: {message}");
    }
}

fn publish(args: PublishArgs, printer: &Printer) -> anyhow::Result<ExitCode> {
    let config = load_config(&args.site, Overrides::default())?;
    let (name, target) = gazette::publish::select_target(&config, args.target.as_deref())?;
    target.check_apart_from(&config.source_folders())?;
    target.check_apart_from_output(&config.output_dir)?;
    // A dry run changes nothing, the output folder included: it builds the production site into a
    // scratch folder, removed when it is done, and plans from that.
    let mut scratch = (args.dry_run && !args.no_build).then(ScratchFolder::new);
    let config = match &mut scratch {
        Some(scratch) => {
            let config = load_config(
                &args.site,
                Overrides { output_dir: Some(scratch.path.clone()), ..Overrides::default() },
            )?;
            scratch.build_state = Some(gazette::cache::state_file(&config));
            config
        }
        None => config,
    };
    if !config.has_absolute_base_url() {
        anyhow::bail!(
            "{}: base_url is `/`, and a published site needs its address for its sitemap, feeds and canonical links; set base_url to it (https://example.org/)",
            config.config_label().display()
        );
    }
    if !args.no_build {
        let progress = TerminalProgress::new(!printer.quiet && std::io::stderr().is_terminal());
        let report = gazette::build(&config, jiff::Timestamp::now(), &progress)?;
        printer.diagnostics(&report.diagnostics.sorted());
        if !report.committed {
            eprintln!("error: the build failed, so nothing was published");
            return Ok(ExitCode::FAILURE);
        }
    }
    if !config.output_dir.is_dir() {
        anyhow::bail!("{} does not exist: run without --no-build", config.output_dir.display());
    }
    if args.no_build {
        // The output may be a preview: drafts, or pages made for localhost, must not go out.
        let output = config.output_dir.strip_prefix(&config.root).unwrap_or(&config.output_dir).display();
        match gazette::cache::load(&config).filter(gazette::cache::BuildState::records_how_it_was_built) {
            Some(state) => {
                if let Some(why) = state.unpublishable(&config, jiff::Timestamp::now()) {
                    anyhow::bail!(
                        "{output} {why}; build it again with `gazette build` and no preview options, or publish without --no-build"
                    );
                }
            }
            None if !printer.quiet => eprintln!(
                "warning: {output}: no record of the build that made it (in .gazette-cache/), so whether it was built with --drafts, --future or another base_url is not known; publishing it as it is"
            ),
            None => {}
        }
    }
    let mut options = gazette::publish::PublishOptions {
        dry_run: true,
        max_deletes: args.max_deletes,
        yes: args.yes,
        work_dir: Some(config.root.join(".gazette-cache").join("publish").join(&name)),
        env: Vec::new(),
    };
    let progress = UploadProgress::new(!printer.quiet && std::io::stderr().is_terminal());
    // Plan first when a person could be asked about deletions.
    let interactive = !args.yes && !args.dry_run && std::io::stdin().is_terminal();
    if interactive {
        let plan =
            gazette::publish::deploy(&config.output_dir, &target, &options, &gazette::publish::NoProgress)?
                .plan;
        // Refused before anyone is asked: a yes could not make it go through.
        plan.check_deletes(args.max_deletes, &format!("`{name}`"))?;
        if !plan.deletes.is_empty()
            && !confirm(&format!(
                "Delete {} the site no longer has at `{name}`?",
                count(plan.deletes.len(), "file")
            ))?
        {
            eprintln!("Nothing published.");
            return Ok(ExitCode::FAILURE);
        }
        // Files no publish wrote are asked about apart: a "no" keeps them and publishes.
        if !plan.kept.is_empty() {
            options.yes = confirm(&format!(
                "Also delete {} at `{name}` that no publish wrote ({})?",
                count(plan.kept.len(), "file"),
                gazette::publish::sample(&plan.kept)
            ))?;
        }
    }
    options.dry_run = args.dry_run;
    let summary = gazette::publish::deploy(&config.output_dir, &target, &options, &progress)?;
    if args.dry_run {
        for upload in &summary.plan.uploads {
            println!("upload  {} ({}, {} bytes)", upload.path, upload.change, upload.bytes);
        }
        for path in &summary.plan.deletes {
            println!("delete  {path}");
        }
        for path in &summary.plan.kept {
            println!("keep    {path}");
        }
        let kept = match summary.plan.kept.len() {
            0 => String::new(),
            n => format!(", {n} kept (no publish wrote them; --yes deletes them)"),
        };
        printer.summary(&format!(
            "Dry run for `{name}`: {} to upload, {} to delete, {} unchanged{kept}; nothing was changed",
            summary.plan.uploads.len(),
            summary.plan.deletes.len(),
            summary.plan.unchanged.len()
        ));
        // The plan is shown whatever it deletes, so that a refused publish can be looked into.
        if let Err(refusal) = summary.plan.check_deletes(args.max_deletes, &format!("`{name}`")) {
            eprintln!("error: a publish would refuse this plan: {refusal}");
            return Ok(ExitCode::FAILURE);
        }
    } else {
        for warning in &summary.warnings {
            eprintln!("warning: {warning}");
        }
        let checked = match summary.inspected {
            0 => String::new(),
            n => format!(" ({n} checked one by one)"),
        };
        printer.summary(&format!(
            "Published to `{name}`: {} uploaded, {} deleted, {} unchanged{checked}, {} bytes, {:.2}s",
            summary.uploaded, summary.deleted, summary.unchanged, summary.bytes, summary.seconds
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// A folder of its own in the system's temporary folder for a dry run's build (two dry runs at
/// once each have one), removed when dropped with the build's record of it in `.gazette-cache/`,
/// which no later build could use.
struct ScratchFolder {
    path: PathBuf,
    build_state: Option<PathBuf>,
}

impl ScratchFolder {
    fn new() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.subsec_nanos());
        let name = format!("gazette-publish-dry-run-{}-{nanos}", std::process::id());
        ScratchFolder { path: std::env::temp_dir().join(name), build_state: None }
    }
}

impl Drop for ScratchFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
        if let Some(state) = &self.build_state {
            let _ = std::fs::remove_file(state);
        }
    }
}

fn confirm(question: &str) -> anyhow::Result<bool> {
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// An upload progress bar on a terminal.
struct UploadProgress {
    bar: Option<ProgressBar>,
}

impl UploadProgress {
    fn new(enabled: bool) -> Self {
        let bar = enabled.then(|| {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template("  upload [{bar:30}] {pos}/{len} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar
        });
        UploadProgress { bar }
    }
}

impl gazette::publish::PublishProgress for UploadProgress {
    fn start(&self, total_files: usize, _total_bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(total_files as u64);
        }
    }

    fn uploaded(&self, path: &str, _bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_message(path.to_string());
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `1 article`, `2 articles`, `0 errors`: every noun in a summary is a regular plural.
fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// "27 published, 2 drafts, 1 scheduled": where the articles read went, the ones held back
/// counted only when there are some.
fn published(report: &Report) -> String {
    let held = report.held_back;
    let mut parts = vec![format!("{} published", report.published)];
    if held.drafts > 0 {
        parts.push(count(held.drafts, "draft"));
    }
    if held.scheduled > 0 {
        parts.push(format!("{} scheduled", held.scheduled));
    }
    if held.expired > 0 {
        parts.push(format!("{} expired", held.expired));
    }
    parts.join(", ")
}

/// " and 2 pages": the pages that are not news, after the articles' count, when there are some.
fn and_pages(report: &Report) -> String {
    match report.pages {
        0 => String::new(),
        n => format!(" and {}", count(n, "page")),
    }
}

/// "; 3 titles guessed": published headlines Gazette made, to read before publishing.
fn guessed(report: &Report, verbose: bool) -> String {
    match report.guessed_titles.len() {
        0 => String::new(),
        n if verbose => format!("; {} guessed", count(n, "title")),
        n => format!("; {} guessed, `--verbose` lists them", count(n, "title")),
    }
}

fn summary_line(report: &Report, output: &Path, seconds: f64, verbose: bool) -> String {
    let errors = report.diagnostics.error_count();
    let warnings = report.diagnostics.warning_count();
    if report.up_to_date {
        let still = match warnings {
            0 => String::new(),
            n => format!("; {} from it still stand{}", count(n, "warning"), if n == 1 { "s" } else { "" }),
        };
        format!(
            "Nothing changed since the last build; {} is up to date{still} ({seconds:.2}s)",
            output.display()
        )
    } else if report.committed {
        let read = match report.reused {
            0 => String::new(),
            reused => format!("; {reused} unchanged since the last build"),
        };
        let pages = and_pages(report);
        format!(
            "Built {} ({}{}{read}){pages} into {}: {}, {}, {seconds:.2}s",
            count(report.articles, "article"),
            published(report),
            guessed(report, verbose),
            output.display(),
            count(report.files_written, "file"),
            count(warnings, "warning"),
        )
    } else {
        let kept = if output.exists() {
            format!("{} was left as it was", output.display())
        } else {
            format!("nothing was written to {}", output.display())
        };
        format!(
            "Build failed with {} and {} in {seconds:.2}s; {kept}",
            count(errors, "error"),
            count(warnings, "warning"),
        )
    }
}

fn print_timings(report: &Report) {
    let t = &report.timings;
    for (name, duration) in [
        ("discover", t.discover),
        ("ingest", t.ingest),
        ("assemble", t.assemble),
        ("theme", t.theme),
        ("render", t.render),
        ("emit", t.emit),
        ("search", t.search),
    ] {
        eprintln!("  {name:<9} {:>8.1} ms", duration.as_secs_f64() * 1000.0);
    }
}

/// Whether writing under `out` writes into `content_dir` (the folder itself or one inside it),
/// whichever way either is spelled (`./content`, `content/../content`, a symlink).
fn writes_into(out: &Path, content_dir: &Path) -> bool {
    let real = |path: &Path| gazette::config::through_links(path).unwrap_or_else(|| path.to_path_buf());
    real(out).starts_with(real(content_dir))
}

fn import(args: ImportArgs, printer: &Printer) -> anyhow::Result<ExitCode> {
    let config = load_config(&args.site, Overrides::default())?;
    let mut sources = Vec::new();
    let mut bundle_files: Vec<(PathBuf, gazette::discover::BundleFile)> = Vec::new();
    let mut problems = Vec::new();
    let roots = if args.paths.is_empty() { vec![config.content_dir.clone()] } else { args.paths.clone() };
    for root in &roots {
        let root = std::path::absolute(root)?;
        if root.is_dir() {
            // The content folder is walked as a build walks it; a folder inside it may be a bundle.
            let found = if root == config.content_dir {
                gazette::discover::walk(&root)
            } else {
                gazette::discover::walk_folder(&root)
            };
            problems.extend(found.diagnostics);
            bundle_files.extend(found.bundle_files.into_iter().map(|file| (root.join(&file.article), file)));
            // A folder outside the content folder (another site's `content/`, a clipping tool's
            // export) keeps its own layout under --out, as a content folder of its own would:
            // flattened, its bundles' `index.md` files were one file.
            sources.extend(found.sources.into_iter().chain(found.pages).map(|mut s| {
                s.relative = if s.path.starts_with(&config.content_dir) {
                    relative_to_content(&config, &s.path)
                } else {
                    gazette::discover::relative_slash_path(&root, &s.path)
                };
                s
            }));
        } else if !root.exists() {
            // The content folder missing is told as `build` tells it (where the site is, or how
            // to start one); any other path given is simply not there.
            if root == config.content_dir {
                problems.extend(gazette::discover::walk(&root).diagnostics);
            } else {
                problems.push(Diagnostic::error(&root, "no such file or folder"));
            }
        } else {
            let name = root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            match gazette::discover::classify(&name) {
                Some(kind) => sources.push(gazette::discover::Source {
                    relative: relative_to_content(&config, &root),
                    path: root.clone(),
                    kind,
                }),
                None => problems.push(Diagnostic::error(&root, "not a .txt or .md article")),
            }
        }
    }
    // Only articles already in the content folder would be built twice: clippings imported from
    // elsewhere into it are what --out is for.
    if let Some(out) = &args.out
        && writes_into(out, &config.content_dir)
        && sources.iter().any(|source| writes_into(&source.path, &config.content_dir))
    {
        anyhow::bail!(
            "--out {}: that is inside the content folder, so each .md file would be built beside its .txt file and every article would be published twice; to replace the .txt files use --in-place, or write a new content folder outside it (--out content-md) and set content_dir to it",
            out.display()
        );
    }
    // Printed one after another, several articles' front matter and text make one file that is
    // no article: printing is for one.
    let texts = sources.iter().filter(|s| s.kind != gazette::discover::SourceKind::Markdown).count();
    if args.out.is_none() && !args.in_place && texts > 1 {
        anyhow::bail!(
            "{texts} articles to convert, and printing shows one: name one file, or write them all with --out DIR (a new content folder) or --in-place"
        );
    }
    // Articles and pages that are not news, counted apart: [articles, pages].
    let mut written = [0, 0];
    let mut copied = [0, 0];
    let mut unchanged = 0;
    // Markdown files copied as they are that a build would refuse.
    let mut broken_copies = 0;
    // Target -> the source written there: `a.md` copied and `a.txt` imported would both be
    // `a.md`, and one must not replace the other, --force or not.
    let mut claimed: std::collections::HashMap<PathBuf, PathBuf> = std::collections::HashMap::new();
    // Article file -> where it was written: its bundle's files go beside it.
    let mut placed: std::collections::HashMap<PathBuf, PathBuf> = std::collections::HashMap::new();
    let mut claim = |target: &Path, source: &Path, problems: &mut Vec<Diagnostic>| match claimed
        .insert(target.to_path_buf(), source.to_path_buf())
    {
        Some(first) => {
            problems.push(Diagnostic::error(
                source,
                format!("imports to {}, as {} does; rename one of them", target.display(), first.display()),
            ));
            false
        }
        None => true,
    };
    for source in &sources {
        let kind = usize::from(gazette::discover::is_page(&source.relative));
        if source.kind == gazette::discover::SourceKind::Markdown {
            // Copied as they are, so `--out` gives a whole content folder that builds the same site.
            let Some(out) = &args.out else {
                if roots.iter().any(|root| std::path::absolute(root).is_ok_and(|root| root == source.path)) {
                    problems.push(Diagnostic::warning(&source.path, "already Markdown: nothing to import"));
                }
                continue;
            };
            let target = std::path::absolute(out)?.join(&source.relative);
            if !claim(&target, &source.path, &mut problems) {
                continue;
            }
            let text =
                std::fs::read(&source.path).map_err(|e| anyhow::anyhow!("{}: {e}", source.path.display()))?;
            // Copied all the same (nothing is lost, and the copy is where to fix it), but a file
            // a build would refuse is said to be one now, not at the next build.
            let diagnostics = if kind == 1 {
                gazette::ingest::page(source, &config).1
            } else {
                gazette::ingest::article(source, &config).diagnostics
            };
            let errors: Vec<Diagnostic> = diagnostics.into_iter().filter(Diagnostic::is_error).collect();
            broken_copies += usize::from(!errors.is_empty());
            problems.extend(errors);
            match write_imported(&target, &text, &source.path, &args, &mut problems)? {
                Imported::Written => copied[kind] += 1,
                Imported::Unchanged => unchanged += 1,
                Imported::Refused => {}
            }
            placed.insert(source.path.clone(), target);
            continue;
        }
        let (text, diagnostics, dropped) = if gazette::discover::is_page(&source.relative) {
            gazette::ingest::page_to_markdown(source)
        } else {
            gazette::ingest::to_markdown(source, &config)
        };
        problems.extend(diagnostics);
        let Some(text) = text else { continue };
        // On stderr, so it also shows when the Markdown goes to stdout.
        if printer.verbose && !dropped.is_empty() {
            eprintln!(
                "{}: dropped {}: {}",
                source.path.display(),
                count(dropped.len(), "page leftover"),
                dropped.join(" | ")
            );
        }
        let target = match (&args.out, args.in_place) {
            (Some(out), _) => std::path::absolute(out)?.join(&source.relative).with_extension("md"),
            (None, true) => source.path.with_extension("md"),
            (None, false) => {
                print!("{text}");
                continue;
            }
        };
        if !claim(&target, &source.path, &mut problems) {
            continue;
        }
        placed.insert(source.path.clone(), target.clone());
        let imported = write_imported(&target, text.as_bytes(), &source.path, &args, &mut problems)?;
        match imported {
            Imported::Written => written[kind] += 1,
            Imported::Unchanged => unchanged += 1,
            Imported::Refused => continue,
        }
        if args.in_place && !args.dry_run {
            std::fs::remove_file(&source.path)
                .map_err(|e| anyhow::anyhow!("{}: {e}", source.path.display()))?;
        }
    }
    // A page bundle's photos go with its article, so the folder written builds the same site.
    let mut bundled = 0;
    for (article, file) in bundle_files.into_iter().filter(|_| args.out.is_some()) {
        let Some(folder) = placed.get(&article).and_then(|target| target.parent()) else { continue };
        let target = folder.join(&file.name);
        if !claim(&target, &file.path, &mut problems) {
            continue;
        }
        let bytes = std::fs::read(&file.path).map_err(|e| anyhow::anyhow!("{}: {e}", file.path.display()))?;
        match write_imported(&target, &bytes, &file.path, &args, &mut problems)? {
            Imported::Written => bundled += 1,
            Imported::Unchanged => unchanged += 1,
            Imported::Refused => {}
        }
    }
    problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    printer.diagnostics(&problems);
    let errors = problems.iter().filter(|d| d.is_error()).count();
    if args.out.is_some() || args.in_place {
        let (import, copy, tail) = if args.dry_run {
            ("Would import", "copy", "; nothing was written")
        } else {
            ("Imported", "copied", "")
        };
        // `3 articles`, `1 page`, `3 articles and 1 page`.
        let things = |[articles, pages]: [usize; 2]| match (articles, pages) {
            (articles, 0) => count(articles, "article"),
            (0, pages) => count(pages, "page"),
            (articles, pages) => format!("{} and {}", count(articles, "article"), count(pages, "page")),
        };
        let copied = match (copied, bundled) {
            ([0, 0], 0) => String::new(),
            // One "and" a list: "Imported 2 articles and copied 3", but "Imported 2 articles
            // and 1 page, copied 3 articles" and "Imported 2 articles, copied 3 articles and 1 page".
            (copied, 0) if written.contains(&0) && copied.contains(&0) => {
                format!(" and {copy} {} already in Markdown", things(copied))
            }
            (copied, 0) => format!(", {copy} {} already in Markdown", things(copied)),
            ([0, 0], files) => format!(" and {copy} {}", count(files, "page bundle file")),
            (copied, files) => format!(
                ", {copy} {} already in Markdown and {}",
                things(copied),
                count(files, "page bundle file")
            ),
        };
        let unchanged = match unchanged {
            0 => String::new(),
            n => format!(", {n} already imported and unchanged"),
        };
        // Said of the copies when some were written; else of the Markdown files left as they were.
        let copied = match broken_copies {
            0 => copied,
            n if !copied.is_empty() => {
                format!("{copied} ({n} with the errors above, to fix before they build)")
            }
            n => format!(", {} with the errors above, to fix before they build", count(n, "Markdown file")),
        };
        printer.summary(&format!(
            "{import} {}{copied}{unchanged}, {}{tail}",
            things(written),
            count(errors, "error")
        ));
    }
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// What [`write_imported`] did with one file.
enum Imported {
    /// Written (or, in a dry run, would be).
    Written,
    /// Already there with these bytes: left alone, so its modification time (which rsync and
    /// make read) says it did not change.
    Unchanged,
    /// A different file is there: left alone, with an error.
    Refused,
}

/// Writes one imported (or copied) article to `target`, unless the same bytes are there already,
/// or a different file is there and `--force` was not given (that file may hold the user's
/// edits), or this is a dry run.
fn write_imported(
    target: &Path,
    bytes: &[u8],
    source: &Path,
    args: &ImportArgs,
    problems: &mut Vec<Diagnostic>,
) -> anyhow::Result<Imported> {
    if let Ok(existing) = std::fs::read(target) {
        if existing == bytes {
            return Ok(Imported::Unchanged);
        }
        if !args.force {
            problems.push(Diagnostic::error(
                target,
                format!(
                    "already exists and differs from the import of {}; left as it is (pass --force to replace it)",
                    source.display()
                ),
            ));
            return Ok(Imported::Refused);
        }
    }
    if args.dry_run {
        eprintln!("would write {}", target.display());
        return Ok(Imported::Written);
    }
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| anyhow::anyhow!("{}: {e}", parent.display()))?;
    }
    std::fs::write(target, bytes).map_err(|e| anyhow::anyhow!("{}: {e}", target.display()))?;
    Ok(Imported::Written)
}

/// A path as `discover` names it; a file outside the content folder is named by its file name.
fn relative_to_content(config: &Config, path: &Path) -> String {
    if path.starts_with(&config.content_dir) {
        gazette::discover::relative_slash_path(&config.content_dir, path)
    } else {
        path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }
}

/// A progress bar on a terminal; nothing otherwise, so CI logs stay plain.
struct TerminalProgress {
    bar: Option<ProgressBar>,
}

impl TerminalProgress {
    fn new(enabled: bool) -> Self {
        let bar = enabled.then(|| {
            let bar = ProgressBar::hidden();
            bar.set_style(
                ProgressStyle::with_template("{prefix:>8} [{bar:30}] {pos}/{len}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar
        });
        TerminalProgress { bar }
    }
}

impl Progress for TerminalProgress {
    fn start(&self, step: &'static str, total: usize) {
        if let Some(bar) = &self.bar {
            // Small sites build in a blink; a bar would only flicker.
            if total >= 500 {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.set_prefix(step);
            bar.set_length(total as u64);
            bar.set_position(0);
        }
    }

    fn advance(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
            bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_rebuild_prints_new_warnings_and_those_of_changed_files_and_counts_the_rest() {
        let mut shown = WarningsShown::default();
        let first = vec![
            ("warning: a.txt: no date".to_string(), false),
            ("warning: b.txt: no date".to_string(), false),
        ];
        assert_eq!(shown.select(first.clone()), (vec![true, true], 0));
        // Nothing new and nothing of theirs changed: both held back.
        assert_eq!(shown.select(first.clone()), (vec![false, false], 2));
        // a.txt changed and still has its warning; c.txt has a new one.
        let second = vec![
            ("warning: a.txt: no date".to_string(), true),
            ("warning: b.txt: no date".to_string(), false),
            ("warning: c.txt: no title".to_string(), false),
        ];
        assert_eq!(shown.select(second), (vec![true, false, true], 1));
        // A warning that went away and came back is new again.
        assert_eq!(shown.select(vec![]), (vec![], 0));
        assert_eq!(shown.select(first[..1].to_vec()), (vec![true], 0));
    }

    #[test]
    fn build_serve_and_check_show_the_same_hidden_articles() {
        for command in ["build", "serve", "check"] {
            let cli = Cli::try_parse_from(["gazette", command, "-D", "--future", "-E"]).unwrap();
            let shown = match cli.command {
                Command::Build(args) => args.shown,
                Command::Serve(args) => args.shown,
                Command::Check(args) => args.shown,
                _ => unreachable!(),
            };
            let overrides = shown.overrides();
            assert!(overrides.drafts && overrides.future && overrides.expired, "{command}");
        }
    }

    #[test]
    fn hugo_and_zola_spellings_of_build_flags_are_accepted() {
        let spellings: [&[&str]; 4] = [
            &["-b", "https://a.example/", "-d", "out", "--buildDrafts", "--buildFuture", "--buildExpired"],
            &["--baseURL", "https://a.example/", "--destination", "out", "-D", "-F", "-E"],
            &["-u", "https://a.example/", "--output-dir", "out", "--drafts", "--future", "--expired"],
            &["--base-url", "https://a.example/", "-o", "out", "-DFE", "-q", "-q"],
        ];
        for flags in spellings {
            let cli = Cli::try_parse_from(["gazette", "build"].iter().chain(flags)).unwrap();
            let Command::Build(args) = cli.command else { unreachable!() };
            assert_eq!(args.base.base_url.as_deref(), Some("https://a.example/"), "{flags:?}");
            assert_eq!(args.output.as_deref(), Some(Path::new("out")), "{flags:?}");
            let overrides = args.shown.overrides();
            assert!(overrides.drafts && overrides.future && overrides.expired, "{flags:?}");
        }
    }

    #[test]
    fn serve_and_check_take_the_base_url_as_build_does() {
        for command in ["serve", "check"] {
            for flag in ["-b", "-u", "--base-url", "--baseURL"] {
                let cli = Cli::try_parse_from(["gazette", command, flag, "https://a.example/news/"]).unwrap();
                let base = match cli.command {
                    Command::Serve(args) => args.base,
                    Command::Check(args) => args.base,
                    _ => unreachable!(),
                };
                assert_eq!(base.base_url.as_deref(), Some("https://a.example/news/"), "{command} {flag}");
            }
        }
    }

    #[test]
    fn a_failed_rebuild_says_whether_a_site_is_still_served() {
        assert_eq!(rebuild_outcome(false, false), "FAILED, nothing to serve until it is fixed");
        assert_eq!(rebuild_outcome(false, true), "FAILED, still serving the last good site");
        assert_eq!(rebuild_outcome(true, false), "ok");
    }

    #[test]
    fn hugo_and_zola_commands_get_a_tip() {
        let tip = |args: &[&str]| foreign_command_tip(&Cli::try_parse_from(args).unwrap_err());
        assert!(tip(&["gazette", "new", "site", "news"]).is_some_and(|tip| tip.contains("gazette init DIR")));
        assert!(tip(&["gazette", "-q", "deploy"]).is_some_and(|tip| tip.contains("gazette publish")));
        assert_eq!(tip(&["gazette", "frobnicate"]), None);
        assert_eq!(tip(&["gazette", "build", "--frobnicate"]), None);
    }

    #[test]
    fn now_accepts_times_and_dates_on_the_sites_clock() {
        let utc = jiff::tz::TimeZone::UTC;
        let chicago = jiff::tz::TimeZone::get("America/Chicago").unwrap();
        let now = |text, tz| parse_now(Some(text), tz).unwrap().to_string();
        assert_eq!(now("2025-09-12", &utc), "2025-09-12T00:00:00Z");
        assert_eq!(now("2025-09-12", &chicago), "2025-09-12T05:00:00Z", "midnight in the site's zone");
        assert_eq!(now("2025-12-05 23:59", &utc), "2025-12-05T23:59:00Z", "the time is kept");
        assert_eq!(now("2025-12-05T23:59", &chicago), "2025-12-06T05:59:00Z");
        assert_eq!(now("2025-09-12T08:00:00Z", &chicago), "2025-09-12T08:00:00Z", "an offset is its own");
        assert!(parse_now(Some("yesterday"), &utc).is_err());
    }
}
