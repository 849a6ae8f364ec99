//! Throughput of the hot functions of reading an article, on one core:
//! `cargo bench --bench convert`.
//!
//! Converts the real corpus (`GAZETTE_CORPUS`, read in place, never copied) or, without it, the
//! example site's articles, repeatedly until about 200 MB have gone through, and prints MB/s (the
//! converter's target is 100 MB/s). Then times, over the converted articles' plain text, the
//! automatic tagger and the MinHash signature, the two other large costs of ingest. Ratios between
//! runs on one machine are what to compare; absolute figures move with the machine's load.
#![allow(clippy::print_stdout, reason = "a benchmark reports to the terminal")]

use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let texts = texts();
    let per_pass: usize = texts.iter().map(String::len).sum();
    assert!(per_pass > 0, "no article text found");
    let passes = (200usize << 20).div_ceil(per_pass);
    // Warm up caches and the allocator before timing.
    for text in &texts {
        std::hint::black_box(gazette::ingest::convert::convert(text));
    }
    let started = Instant::now();
    let mut body_bytes = 0;
    for _ in 0..passes {
        for text in &texts {
            body_bytes += std::hint::black_box(gazette::ingest::convert::convert(text)).body.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = (per_pass * passes) as f64 / 1e6;
    println!(
        "convert: {} articles x {passes} passes, {megabytes:.0} MB in {seconds:.2} s = {:.0} MB/s on one core ({body_bytes} bytes of Markdown)",
        texts.len(),
        megabytes / seconds
    );

    let options = gazette::markdown::MarkdownOptions::default();
    let plain: Vec<(String, String)> = texts
        .iter()
        .map(|text| {
            let converted = gazette::ingest::convert::convert(text);
            let title = converted.title.clone().unwrap_or_default();
            (title, gazette::markdown::to_plain_text(&converted.body, options))
        })
        .collect();
    let plain_bytes: usize = plain.iter().map(|(_, text)| text.len()).sum();
    let passes = (100usize << 20).div_ceil(plain_bytes.max(1));
    let tag_options = gazette::model::entities::TagOptions::default();
    time("auto_tags", passes, plain_bytes, || {
        for (title, text) in &plain {
            std::hint::black_box(gazette::model::entities::auto_tags(title, text, &tag_options));
        }
    });
    time("signature", passes, plain_bytes, || {
        for (_, text) in &plain {
            std::hint::black_box(gazette::model::cluster::signature(text, 3));
        }
    });
}

/// Runs `pass` `passes` times over `bytes` of text and prints MB/s.
fn time(name: &str, passes: usize, bytes: usize, mut pass: impl FnMut()) {
    pass();
    let started = Instant::now();
    for _ in 0..passes {
        pass();
    }
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = (bytes * passes) as f64 / 1e6;
    println!(
        "{name}: {megabytes:.0} MB of plain text in {seconds:.2} s = {:.0} MB/s on one core",
        megabytes / seconds
    );
}

fn texts() -> Vec<String> {
    let corpus = std::env::var_os("GAZETTE_CORPUS").map(PathBuf::from);
    let root = match &corpus {
        Some(dir) if dir.is_dir() => dir.clone(),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
    };
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}
