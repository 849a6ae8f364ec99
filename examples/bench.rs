//! End-to-end build benchmark: Gazette against Hugo on the same generated corpus, same run.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench -- --articles 10000 --runs 5
//! ```
//!
//! Generates a corpus with `../shared/bench/gen_corpus.py` (or `GAZETTE_GEN_CORPUS`), as plain
//! text for Gazette and as a Hugo site, in tmpfs (`/dev/shm`) when there is one, since disk writes
//! on shared machines are slow and noisy. Then runs clean builds into tmpfs, the two tools taking
//! turns so a change in the machine's speed during the run falls on both alike, and reports the
//! median wall time, CPU time (user + system) and peak RSS measured by GNU time, the files and
//! bytes written, and the ratio to Hugo. Clean builds start without Gazette's caches. For Gazette
//! it also times a no-op rebuild (nothing changed, output already there) and a rebuild after one
//! article was edited (the other articles come from the ingest cache). Hugo is skipped when it is
//! not on PATH (`apt-get install hugo`). With Hugo, Gazette also builds the Hugo site's own
//! Markdown (front matter with titles, dates and tags given), the input Hugo reads, in the same
//! turns: a like-for-like input beside Gazette's own, which has to work all of that out from
//! plain text.
//!
//! `--scaling-from N` also clean-builds an N-article corpus in the same turns and reports how
//! time and memory grew from it (`--articles 100000 --scaling-from 10000`): runs of two sizes
//! measured hours apart differ by the machine's mood more than by the code's growth.
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a benchmark reports to the terminal")]

use std::path::{Path, PathBuf};
use std::process::Command;

/// One measured run.
#[derive(Debug, Clone, Copy)]
struct Sample {
    wall: f64,
    cpu: f64,
    rss_mb: f64,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str, default: usize| -> usize {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let articles = value("--articles", 1000);
    let runs = value("--runs", 5).max(1);
    let scaling_from = value("--scaling-from", 0);
    let gazette = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/gazette");
    if !gazette.is_file() {
        eprintln!("build the release binary first: cargo build --release");
        std::process::exit(2);
    }
    if !Path::new("/usr/bin/time").is_file() {
        eprintln!("GNU time is needed to measure CPU and memory: apt-get install time");
        std::process::exit(2);
    }
    let scratch =
        if Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
    let corpus = scratch.join(format!("gazette-bench-{articles}"));
    let hugo = which("hugo");
    generate(&corpus, articles, hugo.is_some());

    let text_site = corpus.join("txt");
    let output = scratch.join("gazette-bench-out");
    let hugo_site = corpus.join("hugo");
    let hugo_output = scratch.join("gazette-bench-hugo-out");
    let markdown_output = scratch.join("gazette-bench-markdown-out");
    let base_site = scratch.join(format!("gazette-bench-{scaling_from}")).join("txt");
    let base_output = scratch.join("gazette-bench-base-out");
    if scaling_from > 0 {
        generate(base_site.parent().expect("corpus folder"), scaling_from, false);
    }
    let clean_gazette_base = || {
        let _ = std::fs::remove_dir_all(&base_output);
        let _ = std::fs::remove_dir_all(base_site.join(".gazette-cache"));
        let mut command = Command::new(&gazette);
        command.args(["build", "--quiet", "--output"]).arg(&base_output).current_dir(&base_site);
        let measured = (measure(command), count_files(&base_output));
        let _ = std::fs::remove_dir_all(&base_output);
        let _ = std::fs::remove_dir_all(base_site.join(".gazette-cache"));
        measured
    };
    let clean_gazette = || {
        let _ = std::fs::remove_dir_all(&output);
        let _ = std::fs::remove_dir_all(text_site.join(".gazette-cache"));
        let mut command = Command::new(&gazette);
        command.args(["build", "--quiet", "--output"]).arg(&output).current_dir(&text_site);
        (measure(command), count_files(&output))
    };
    let clean_gazette_markdown = || {
        let _ = std::fs::remove_dir_all(&markdown_output);
        let _ = std::fs::remove_dir_all(hugo_site.join(".gazette-cache"));
        let mut command = Command::new(&gazette);
        command.args(["build", "--quiet", "--output"]).arg(&markdown_output).current_dir(&hugo_site);
        let measured = try_measure(command).map(|sample| (sample, count_files(&markdown_output)));
        let _ = std::fs::remove_dir_all(hugo_site.join(".gazette-cache"));
        measured
    };
    let clean_hugo = |hugo: &Path| {
        let _ = std::fs::remove_dir_all(&hugo_output);
        let mut command = Command::new(hugo);
        command.args(["--quiet", "--destination"]).arg(&hugo_output).current_dir(&hugo_site);
        (measure(command), count_files(&hugo_output))
    };
    // Clean builds of the two tools take turns, each going first every other time, so a machine
    // that slows down or speeds up during the run moves both medians alike.
    let (mut gazette_runs, mut hugo_runs, mut markdown_runs) = (Vec::new(), Vec::new(), Vec::new());
    let (mut files, mut hugo_files, mut markdown_files) =
        (Written::default(), Written::default(), Written::default());
    let mut markdown_refused: Option<String> = None;
    let (mut base_runs, mut base_files) = (Vec::new(), Written::default());
    for run in 0..runs {
        // The smaller build goes first every other time too.
        let base_first = run % 2 == 0;
        if scaling_from > 0 && base_first {
            let (sample, counted) = clean_gazette_base();
            base_runs.push(sample);
            base_files = counted;
        }
        let hugo_first = run % 2 == 1;
        if hugo_first && let Some(hugo) = &hugo {
            let (sample, counted) = clean_hugo(hugo);
            hugo_runs.push(sample);
            hugo_files = counted;
        }
        let (sample, counted) = clean_gazette();
        gazette_runs.push(sample);
        files = counted;
        // The generator may give two articles of a day the same `slug:` (cut to the same length):
        // Hugo publishes one of them, Gazette refuses both and says so. No row then.
        if hugo.is_some() && markdown_refused.is_none() {
            match clean_gazette_markdown() {
                Ok((sample, counted)) => {
                    markdown_runs.push(sample);
                    markdown_files = counted;
                }
                Err(why) => markdown_refused = Some(why),
            }
        }
        if !hugo_first && let Some(hugo) = &hugo {
            let (sample, counted) = clean_hugo(hugo);
            hugo_runs.push(sample);
            hugo_files = counted;
        }
        if scaling_from > 0 && !base_first {
            let (sample, counted) = clean_gazette_base();
            base_runs.push(sample);
            base_files = counted;
        }
    }
    // Gazette's last clean build is in place for its rebuilds.
    let mut noop_runs = Vec::new();
    for _ in 0..runs {
        let mut command = Command::new(&gazette);
        command.args(["build", "--quiet", "--output"]).arg(&output).current_dir(&text_site);
        noop_runs.push(measure(command));
    }
    let edited = first_article(&text_site.join("content"));
    let original = std::fs::read(&edited).expect("the article can be read");
    let mut edit_runs = Vec::new();
    for run in 0..runs {
        let mut text = original.clone();
        text.extend_from_slice(format!("\n\nA paragraph added by the benchmark, edit {run}.\n").as_bytes());
        std::fs::write(&edited, text).expect("the article can be edited");
        let mut command = Command::new(&gazette);
        command.args(["build", "--quiet", "--output"]).arg(&output).current_dir(&text_site);
        edit_runs.push(measure(command));
    }
    std::fs::write(&edited, &original).expect("the article can be restored");
    println!("{articles} articles, median of {runs} runs, output to {}", scratch.display());
    println!("{:<24} {:>9} {:>9} {:>10} {:>8} {:>8}", "", "wall s", "CPU s", "peak MB", "files", "MB out");
    let row = |name: &str, s: Sample, out: Written| {
        println!(
            "{name:<24} {:>9.2} {:>9.2} {:>10.0} {:>8} {:>8.0}",
            s.wall, s.cpu, s.rss_mb, out.files, out.mb
        );
    };
    let g = median(&gazette_runs);
    row("gazette clean build", g, files);
    if !base_runs.is_empty() {
        let b = median(&base_runs);
        row(&format!("gazette, {scaling_from} articles"), b, base_files);
        println!(
            "growth from {scaling_from} articles: {:.1}x the articles, wall {:.2}x, CPU {:.2}x, peak memory {:.2}x, files {:.2}x, bytes {:.2}x",
            articles as f64 / scaling_from as f64,
            g.wall / b.wall,
            g.cpu / b.cpu,
            g.rss_mb / b.rss_mb,
            files.files as f64 / base_files.files.max(1) as f64,
            files.mb / base_files.mb.max(f64::MIN_POSITIVE)
        );
    }
    let n = median(&noop_runs);
    row("gazette no-op rebuild", n, files);
    let e = median(&edit_runs);
    row("gazette 1 article edited", e, files);
    if !hugo_runs.is_empty() {
        let h = median(&hugo_runs);
        row("hugo clean build", h, hugo_files);
        let on_markdown = (!markdown_runs.is_empty()).then(|| median(&markdown_runs));
        if let Some(m) = on_markdown {
            row("gazette, Hugo's input", m, markdown_files);
        }
        println!(
            "hugo / gazette: wall {:.2}x, CPU {:.2}x, peak memory {:.2}x (gazette writes {:.1}x hugo's bytes)",
            h.wall / g.wall,
            h.cpu / g.cpu,
            h.rss_mb / g.rss_mb,
            files.mb / hugo_files.mb.max(f64::MIN_POSITIVE)
        );
        match (on_markdown, markdown_refused) {
            (Some(m), _) => println!(
                "hugo / gazette on Hugo's own Markdown: wall {:.2}x, CPU {:.2}x, peak memory {:.2}x",
                h.wall / m.wall,
                h.cpu / m.cpu,
                h.rss_mb / m.rss_mb
            ),
            (None, Some(why)) => println!("gazette refused the Hugo site's Markdown: {why}"),
            (None, None) => {}
        }
    } else {
        println!("hugo is not on PATH: install it (apt-get install hugo) to compare");
    }
}

/// The first article file under `content` (in name order), for the edit rebuild.
fn first_article(content: &Path) -> PathBuf {
    let mut dir = content.to_path_buf();
    loop {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(&dir).expect("content folder").map(|e| e.expect("entry").path()).collect();
        entries.sort();
        match entries.iter().find(|p| p.extension().is_some_and(|e| e == "txt")) {
            Some(file) => return file.clone(),
            None => dir = entries.into_iter().find(|p| p.is_dir()).expect("an article"),
        }
    }
}

fn generate(corpus: &Path, articles: usize, with_hugo: bool) {
    let formats = if with_hugo { "txt,hugo" } else { "txt" };
    let ready = corpus.join("txt/content").is_dir() && (!with_hugo || corpus.join("hugo").is_dir());
    if ready {
        return;
    }
    let generator = std::env::var_os("GAZETTE_GEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_corpus.py"));
    let status = Command::new("python3")
        .arg(&generator)
        .args(["--articles", &articles.to_string(), "--seed", "1", "--formats", formats, "--force", "--out"])
        .arg(corpus)
        .status()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", generator.display()));
    assert!(status.success(), "{} failed", generator.display());
}

/// Runs `command` under GNU time and reads wall, CPU and peak RSS.
fn measure(command: Command) -> Sample {
    try_measure(command).unwrap_or_else(|why| panic!("{why}"))
}

/// [`measure`], or the first error line of a command that failed.
fn try_measure(command: Command) -> Result<Sample, String> {
    let report = std::env::temp_dir().join(format!("gazette-bench-time-{}", std::process::id()));
    let mut timed = Command::new("/usr/bin/time");
    timed.args(["-f", "%e %U %S %M", "-o"]).arg(&report).arg(command.get_program()).args(command.get_args());
    if let Some(dir) = command.get_current_dir() {
        timed.current_dir(dir);
    }
    let output = timed.stderr(std::process::Stdio::piped()).output().expect("GNU time runs");
    let text = std::fs::read_to_string(&report).expect("GNU time wrote its report");
    let _ = std::fs::remove_file(&report);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let errors = stderr.lines().filter(|line| line.starts_with("error:")).count();
        let first = stderr.lines().find(|line| line.starts_with("error:")).unwrap_or_default().to_string();
        return Err(format!("{:?} failed with {errors} errors; the first: {first}", command.get_program()));
    }
    let numbers: Vec<f64> = text.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    Ok(Sample { wall: numbers[0], cpu: numbers[1] + numbers[2], rss_mb: numbers[3] / 1024.0 })
}

fn median(samples: &[Sample]) -> Sample {
    let pick = |f: fn(&Sample) -> f64| {
        let mut values: Vec<f64> = samples.iter().map(f).collect();
        values.sort_by(|a, b| a.total_cmp(b));
        values[values.len() / 2]
    };
    Sample { wall: pick(|s| s.wall), cpu: pick(|s| s.cpu), rss_mb: pick(|s| s.rss_mb) }
}

/// What a build left in its output folder: the files, and their bytes in MB. The bytes matter
/// as much as the count: on tmpfs each one is copied by the kernel into a page of memory, which
/// costs CPU time (system time) that the build is charged for.
#[derive(Debug, Clone, Copy, Default)]
struct Written {
    files: usize,
    mb: f64,
}

fn count_files(dir: &Path) -> Written {
    let (files, bytes) = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .fold((0, 0), |(files, bytes), e| (files + 1, bytes + e.metadata().map_or(0, |m| m.len())));
    Written { files, mb: bytes as f64 / 1e6 }
}

fn which(tool: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|dir| dir.join(tool)).find(|path| path.is_file())
}
