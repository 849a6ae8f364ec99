//! Evaluation of `convert` against real and synthetic articles.
//!
//! The article text is read from the shared folders at run time and never copied here:
//! - `GAZETTE_CORPUS` points at the real dev corpus (`NAME/article.txt` + `NAME/expected.json`);
//!   the seed articles are read from `../seeds` beside it.
//! - `GAZETTE_SYNTH` points at a synthetic corpus written by `gen_corpus.py --formats txt`; when
//!   it is unset the test generates 2000 articles into a temp dir if `python3` and the generator
//!   are available.
//!
//! Each test prints its scores and asserts the targets; without its folder it prints a note and
//! passes.
#![allow(clippy::print_stdout, reason = "the evaluation reports its scores")]

use gazette::ingest::convert::{Converted, DateEvidence, convert};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::Value;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The synthetic-corpus generator: `GAZETTE_GEN_CORPUS`, else `../shared/bench/gen_corpus.py`
/// beside the checkout (where CI and developers have it).
fn generator() -> PathBuf {
    std::env::var_os("GAZETTE_GEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_corpus.py"))
}

fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("GAZETTE_CORPUS")?);
    dir.is_dir().then_some(dir)
}

struct Article {
    name: String,
    text: String,
    expected: Value,
}

fn read_corpus(dir: &Path) -> Vec<Article> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .expect("corpus dir is readable")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.join("article.txt").is_file())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(p.join("article.txt")).expect("article.txt");
            let json = fs::read_to_string(p.join("expected.json")).expect("expected.json");
            Article {
                name: p.file_name().unwrap_or_default().to_string_lossy().into_owned(),
                text,
                expected: serde_json::from_str(&json).expect("expected.json parses"),
            }
        })
        .collect()
}

fn seed_texts(corpus: &Path) -> Vec<(String, String)> {
    let seeds = corpus.parent().map(|p| p.join("seeds")).unwrap_or_default();
    let Ok(entries) = fs::read_dir(&seeds) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.expect("seed entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.into_iter().map(|p| (p.display().to_string(), fs::read_to_string(&p).expect("seed text"))).collect()
}

// ---------------------------------------------------------------------------------------------
// No-loss check
// ---------------------------------------------------------------------------------------------

/// The text of `markdown` as a CommonMark renderer sees it, or the first markup it should not
/// contain. The only markup `convert` adds is paragraphs, `##` subheads, lists, blockquotes and
/// profile links inside blockquotes; anything else means the article text was read as Markdown.
fn rendered_text(markdown: &str, smart_punctuation: bool) -> Result<String, String> {
    let mut options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    if smart_punctuation {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    let mut text = String::new();
    let mut quote_depth = 0;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::Rule => text.push(' '),
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => {
                quote_depth -= 1;
                text.push(' ');
            }
            Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link) if quote_depth > 0 => {}
            Event::Start(
                Tag::Paragraph | Tag::List(_) | Tag::Item | Tag::Heading { level: HeadingLevel::H2, .. },
            ) => {}
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(HeadingLevel::H2)) => {
                text.push(' ')
            }
            Event::End(TagEnd::List(_)) => {}
            other => return Err(format!("unexpected markup {other:?}")),
        }
    }
    Ok(text)
}

/// A word is a whitespace-separated token with a letter or digit in it; list numbers (`3.`) are
/// not words, since they may move between the text and the list structure.
fn is_word(token: &str) -> bool {
    let numbered = token.len() > 1
        && token.ends_with(['.', ')'])
        && token[..token.len() - 1].bytes().all(|b| b.is_ascii_digit());
    token.chars().any(char::is_alphanumeric) && !numbered
}

/// Counts the words of `text`, each cut after its hyphens: joining hard-wrapped lines keeps a
/// word broken at a line-end hyphen whole (`well-` / `known` is `well-known`), which moves no
/// word and must not count as one lost and one invented.
fn add_words(counts: &mut HashMap<String, i64>, text: &str, sign: i64) {
    for word in
        text.split_whitespace().flat_map(|w| w.split_inclusive('-')).flat_map(unglued).filter(|w| is_word(w))
    {
        *counts.entry(word.to_string()).or_default() += sign;
    }
}

/// A word cut after each full stop that a capital follows: a copy glues a photo's credit to its
/// caption (`Thursday.Anthony Wallace / AFP`), and the converter sets them apart there, so the
/// words are counted as the two they are.
fn unglued(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest
            .char_indices()
            .find(|&(at, c)| c == '.' && rest[at + 1..].starts_with(char::is_uppercase))
            .map_or(rest.len(), |(at, _)| at + 1);
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}

/// Checks that every word of `input` is in the rendered body or in the metadata it was moved
/// to, and that nothing else is. Returns a description of the difference.
fn check_no_loss(input: &str, out: &Converted) -> Result<(), String> {
    rendered_text(&out.body, true)?;
    let rendered = rendered_text(&out.body, false)?;
    let mut counts = HashMap::new();
    add_words(&mut counts, input, 1);
    add_words(&mut counts, &rendered, -1);
    if !out.title_inferred {
        add_words(&mut counts, out.title.as_deref().unwrap_or(""), -1);
    }
    add_words(&mut counts, out.byline.as_deref().unwrap_or(""), -1);
    for image in &out.images {
        add_words(&mut counts, image.caption.as_deref().unwrap_or(""), -1);
        add_words(&mut counts, image.credit.as_deref().unwrap_or(""), -1);
    }
    for dropped in &out.dropped {
        add_words(&mut counts, dropped, -1);
    }
    let mut diff: Vec<(String, i64)> = counts.into_iter().filter(|(_, n)| *n != 0).collect();
    if diff.is_empty() {
        return Ok(());
    }
    diff.sort();
    diff.truncate(12);
    Err(format!("word counts differ (+ lost, - invented): {diff:?}"))
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn percent(hits: usize, total: usize) -> f64 {
    if total == 0 { 100.0 } else { hits as f64 * 100.0 / total as f64 }
}

// ---------------------------------------------------------------------------------------------
// Real corpus
// ---------------------------------------------------------------------------------------------

/// Handles of the embedded tweets in an article, from their signature lines
/// (`… (@handle) Month D, YYYY` at the end of a line).
fn tweet_handles(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let open = line.rfind("(@")?;
            let (handle, date) = line[open + 2..].split_once(')')?;
            let date: Vec<&str> = date.split_whitespace().collect();
            let dated = date.len() == 3 && date[1].ends_with(',') && date[2].len() == 4;
            dated.then(|| handle.to_string())
        })
        .collect()
}

fn blockquote_count(markdown: &str) -> usize {
    let mut depth = 0;
    let mut count = 0;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::BlockQuote(_)) => {
                if depth == 0 {
                    count += 1;
                }
                depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => depth -= 1,
            _ => {}
        }
    }
    count
}

#[test]
fn real_corpus_meets_targets() {
    let Some(dir) = corpus_dir() else {
        println!("GAZETTE_CORPUS is not set: skipping the real-corpus evaluation");
        return;
    };
    let articles = read_corpus(&dir);
    assert!(!articles.is_empty(), "no articles in {}", dir.display());

    let mut lossless = 0;
    let mut failures = Vec::new();
    let (mut with_title, mut title_found, mut title_exact) = (0, 0, 0);
    let (mut without_title, mut title_not_invented) = (0, 0);
    let (mut datelines, mut datelines_found, mut dateline_extra) = (0, 0, 0);
    let (mut tweets, mut tweets_matched, mut embed_items_ok, mut embed_items) = (0, 0, 0, 0);
    let (mut lang_known, mut lang_right) = (0, 0);
    // Dates the text itself gives (a dated dateline, a date line): an embedded post's date is
    // only a lower bound, so it is not scored.
    let (mut dates_found, mut dates_right) = (0, 0);
    // Writers: found where the text names them at all (most pages' bylines were not copied into
    // the text), and never a name the gold does not list.
    let (mut authors_in_text, mut authors_found, mut authors_wrong) = (0, 0, 0);

    for article in &articles {
        let out = convert(&article.text);
        match check_no_loss(&article.text, &out) {
            Ok(()) => lossless += 1,
            Err(e) => failures.push(format!("{}: {e}", article.name)),
        }

        let expected = &article.expected;
        let has_title = expected["article_txt"]["has_title_line"].as_bool().unwrap_or(false);
        if has_title {
            with_title += 1;
            if !out.title_inferred {
                title_found += 1;
            } else {
                failures.push(format!("{}: headline line missed", article.name));
            }
            let gold = normalise(expected["title"].as_str().unwrap_or(""));
            if !out.title_inferred && out.title.as_deref().map(normalise) == Some(gold) {
                title_exact += 1;
            }
        } else {
            without_title += 1;
            if out.title_inferred {
                title_not_invented += 1;
            } else {
                failures.push(format!("{}: headline invented: {:?}", article.name, out.title));
            }
        }

        match expected["dateline"].as_str() {
            Some(gold) => {
                datelines += 1;
                let place = out.dateline.as_ref().map(|d| normalise(&d.place));
                if place == Some(normalise(gold)) {
                    datelines_found += 1;
                } else {
                    failures.push(format!("{}: dateline {place:?}, want {gold:?}", article.name));
                }
            }
            None if out.dateline.is_some() => dateline_extra += 1,
            None => {}
        }

        if article.name.starts_with("aeb-") {
            let want = tweet_handles(&article.text);
            if !want.is_empty() {
                embed_items += 1;
                tweets += want.len();
                let got: Vec<String> = out.embeds.iter().filter_map(|e| e.handle.clone()).collect();
                tweets_matched += want.iter().zip(&got).filter(|(a, b)| a == b).count();
                let one_quote_each = blockquote_count(&out.body) == want.len();
                if got == want && one_quote_each {
                    embed_items_ok += 1;
                } else {
                    failures.push(format!("{}: embeds {got:?}, want {want:?}", article.name));
                }
            }
        }

        if let Some(date) = out.date.as_ref().filter(|date| date.evidence != DateEvidence::EmbedSignature) {
            dates_found += 1;
            let found = format!("{:04}-{:02}-{:02}", date.year, date.month, date.day);
            if expected["published_date"].as_str() == Some(found.as_str()) {
                dates_right += 1;
            } else {
                failures.push(format!(
                    "{}: date {found} from the text, want {}",
                    article.name, expected["published_date"]
                ));
            }
        }

        let gold_authors: Vec<String> = expected["authors"]
            .as_array()
            .map(|names| names.iter().filter_map(|name| name.as_str().map(str::to_lowercase)).collect())
            .unwrap_or_default();
        let text = article.text.to_lowercase();
        let named_in_text =
            !gold_authors.is_empty() && gold_authors.iter().all(|name| text.contains(name.as_str()));
        let found: Vec<String> = out.authors.iter().map(|name| name.to_lowercase()).collect();
        authors_in_text += usize::from(named_in_text);
        authors_found += usize::from(named_in_text && found == gold_authors);
        if found.iter().any(|name| !gold_authors.contains(name)) {
            authors_wrong += 1;
            failures.push(format!("{}: authors {:?}, want {gold_authors:?}", article.name, out.authors));
        }

        if let Some(gold) = expected["lang"].as_str() {
            lang_known += 1;
            let gold = gold.split('-').next().unwrap_or(gold);
            if out.lang.as_deref() == Some(gold) {
                lang_right += 1;
            }
        }
    }

    let mut seed_lossless = 0;
    let seeds = seed_texts(&dir);
    for (path, text) in &seeds {
        let out = convert(text);
        match check_no_loss(text, &out) {
            Ok(()) => seed_lossless += 1,
            Err(e) => failures.push(format!("{path}: {e}")),
        }
    }

    let n = articles.len();
    println!("real corpus: {n} articles, {} seeds", seeds.len());
    println!("  no-loss            {lossless}/{n} articles, {seed_lossless}/{} seeds", seeds.len());
    println!("  headline found     {title_found}/{with_title} ({:.1}%)", percent(title_found, with_title));
    println!(
        "  headline not made  {title_not_invented}/{without_title} ({:.1}%)",
        percent(title_not_invented, without_title)
    );
    println!("  title exact        {title_exact}/{with_title} ({:.1}%)", percent(title_exact, with_title));
    println!(
        "  datelines          {datelines_found}/{datelines} right place; {dateline_extra} found where the gold has none"
    );
    println!(
        "  embeds             {tweets_matched}/{tweets} tweets, {embed_items_ok}/{embed_items} items exact"
    );
    println!("  language           {lang_right}/{lang_known}");
    println!("  dates from text    {dates_right}/{dates_found} right (of {n} articles)");
    println!(
        "  authors            {authors_found}/{authors_in_text} of those the text names; {authors_wrong} articles with a name not theirs"
    );
    for failure in &failures {
        println!("  - {failure}");
    }

    assert_eq!(lossless, n, "every article keeps every word");
    assert_eq!(seed_lossless, seeds.len(), "every seed keeps every word");
    assert!(percent(title_found, with_title) >= 95.0, "headline lines found");
    assert!(percent(title_not_invented, without_title) >= 95.0, "headline lines not invented");
    assert!(percent(title_exact, with_title) >= 95.0, "titles exact");
    assert_eq!(datelines_found, datelines, "every gold dateline found");
    assert_eq!(embed_items_ok, embed_items, "every tweet is exactly one embed");
    assert_eq!(dates_right, dates_found, "every date read from the text is the page's");
    assert_eq!(authors_wrong, 0, "no article is given a writer who is not its own");
    assert!(authors_found >= 7, "the writers that taglines name are found");
}

// ---------------------------------------------------------------------------------------------
// Synthetic corpus
// ---------------------------------------------------------------------------------------------

/// A synthetic corpus directory, generated into a temp dir when `GAZETTE_SYNTH` is unset.
struct SynthDir {
    txt: PathBuf,
    generated: Option<PathBuf>,
}

impl Drop for SynthDir {
    fn drop(&mut self) {
        if let Some(dir) = &self.generated {
            let _ = fs::remove_dir_all(dir);
        }
    }
}

fn synth_dir() -> Option<SynthDir> {
    if let Some(dir) = std::env::var_os("GAZETTE_SYNTH").map(PathBuf::from) {
        let txt = if dir.join("txt").is_dir() { dir.join("txt") } else { dir };
        return Some(SynthDir { txt, generated: None });
    }
    if !generator().is_file() {
        return None;
    }
    let out = std::env::temp_dir().join(format!("gazette-synth-{}", std::process::id()));
    let status = Command::new("python3")
        .arg(generator())
        .args(["--articles", "2000", "--seed", "1", "--formats", "txt", "--force"])
        .arg("--out")
        .arg(&out)
        .output()
        .ok()?;
    status.status.success().then(|| SynthDir { txt: out.join("txt"), generated: Some(out) })
}

/// The person names a generator byline contains (`By A and B`, `By A, Wire`, `BY A`), upper-cased
/// so that names the generator upper-cased compare equal.
fn byline_authors(byline: &str) -> Vec<String> {
    let names = byline.strip_prefix("By ").or_else(|| byline.strip_prefix("BY ")).unwrap_or("");
    let names = names.split(", ").next().unwrap_or("");
    names.split(" and ").filter(|n| !n.is_empty()).map(str::to_uppercase).collect()
}

/// The reporters of a story with no byline, as its closing credits name them (`(Reporting by
/// Priya Nakamura in Lyon; Editing by Leila Yıldız)`): the story's writers, whom a wire's own
/// site shows as its byline.
fn credited_reporters(text: &str) -> Vec<String> {
    let Some(credits) = text.lines().rev().find_map(|line| line.strip_prefix("(Reporting by ")) else {
        return Vec::new();
    };
    let reporters = credits.split(';').next().unwrap_or("");
    reporters
        .split(" and ")
        .map(|name| name.split(" in ").next().unwrap_or(name).trim().to_uppercase())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The place of the dateline the generator put before the summary sentence in the lede, if any.
fn dateline_place(text: &str, summary: &str) -> Option<String> {
    let lede = text.split("\n\n").find(|p| p.contains(summary))?;
    let prefix = lede.split(summary).next()?.trim();
    (!prefix.is_empty()).then(|| prefix.split(',').next().unwrap_or(prefix).to_string())
}

#[test]
fn synthetic_corpus_meets_targets() {
    let Some(synth) = synth_dir() else {
        println!("no GAZETTE_SYNTH and no python3 generator: skipping the synthetic evaluation");
        return;
    };
    let manifest = fs::read_to_string(synth.txt.join("manifest.jsonl")).expect("manifest.jsonl");
    let (mut n, mut lossless, mut titles, mut authors) = (0, 0, 0, 0);
    let (mut datelines, mut datelines_found, mut dateline_extra) = (0, 0, 0);
    let (mut tweets, mut embeds) = (0, 0);
    let mut failures = Vec::new();
    for line in manifest.lines() {
        let entry: Value = serde_json::from_str(line).expect("manifest line parses");
        let path = entry["path"].as_str().expect("path");
        let text = fs::read_to_string(synth.txt.join(path)).expect("article text");
        let out = convert(&text);
        n += 1;
        match check_no_loss(&text, &out) {
            Ok(()) => lossless += 1,
            Err(e) => failures.push(format!("{path}: {e}")),
        }

        let gold_title = entry["title"].as_str().unwrap_or("");
        let title_ok = if entry["has_headline"].as_bool().unwrap_or(false) {
            !out.title_inferred && out.title.as_deref() == Some(gold_title)
        } else {
            out.title_inferred
        };
        if title_ok {
            titles += 1;
        } else {
            failures.push(format!("{path}: title {:?}", out.title));
        }

        let want = match entry["byline"].as_str() {
            Some(byline) => byline_authors(byline),
            None => credited_reporters(&text),
        };
        let got: Vec<String> = out.authors.iter().map(|a| a.to_uppercase()).collect();
        if got == want {
            authors += 1;
        } else {
            failures.push(format!("{path}: authors {got:?}, want {want:?}"));
        }

        let summary = entry["summary"].as_str().unwrap_or("");
        match dateline_place(&text, summary) {
            Some(place) => {
                datelines += 1;
                if out.dateline.as_ref().map(|d| d.place.as_str()) == Some(place.as_str()) {
                    datelines_found += 1;
                } else {
                    failures.push(format!("{path}: dateline {:?}, want {place}", out.dateline));
                }
            }
            None if out.dateline.is_some() => dateline_extra += 1,
            None => {}
        }

        tweets += text.matches("pic.twitter.com/").count();
        embeds += out.embeds.len();
    }

    println!("synthetic corpus: {n} articles from {}", synth.txt.display());
    println!("  no-loss    {lossless}/{n}");
    println!("  title      {titles}/{n} ({:.1}%)", percent(titles, n));
    println!("  authors    {authors}/{n} ({:.1}%)", percent(authors, n));
    println!(
        "  datelines  {datelines_found}/{datelines} ({:.1}%); {dateline_extra} found where none was written",
        percent(datelines_found, datelines)
    );
    println!("  embeds     {embeds} for {tweets} tweets");
    for failure in failures.iter().take(20) {
        println!("  - {failure}");
    }

    assert_eq!(lossless, n, "every synthetic article keeps every word");
    assert!(percent(titles, n) >= 98.0, "titles");
    assert!(percent(authors, n) >= 98.0, "authors");
    assert!(percent(datelines_found, datelines) >= 98.0, "datelines");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    /// Any text, however odd (markup characters, blank-line runs, signatures, bylines), converts
    /// without a panic and without losing or inventing a word.
    #[test]
    fn arbitrary_text_converts_without_loss(
        paragraphs in proptest::collection::vec(
            proptest::string::string_regex(
                "(By [A-Z][a-z]+ [A-Z][a-z]+|[A-Z]{3,9} \\(AP\\) —|[#>*_`\\[\\]()<&|~=+1-9. -]{0,6}[A-Za-zÀ-ÿ0-9’'\"“”:;,.!? @/-]{0,60}|— [A-Z][a-z]+ \\(@[a-z]+\\) May 1, 2025|pic.twitter.com/[a-z0-9]{6}|Advertisement|Image|[A-Z][a-z]+ [A-Z][a-z]+/REUTERS)"
            ).unwrap(),
            0..12,
        ),
        separators in proptest::collection::vec(0usize..4, 12),
    ) {
        let mut text = String::new();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            text.push_str(paragraph);
            text.push_str(&"\n".repeat(1 + separators[index % separators.len()]));
        }
        let converted = convert(&text);
        if let Err(difference) = check_no_loss(&text, &converted) {
            panic!("{difference}\ninput: {text:?}\nbody: {:?}", converted.body);
        }
    }
}
