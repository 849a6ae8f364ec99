//! The site's full-text search index: static JSON files that a small script in the theme's search
//! page queries, so search works on any static host with no server and no post-build step.
//!
//! Every published article is indexed from the model (title, summary, body text, tags, source), so
//! hidden articles (drafts, scheduled, expired) are indexed only when a build shows them
//! (`--drafts`, `--future`, `--expired`), and the index does not depend on a theme's markup. The index is split so a query downloads little, however large the archive:
//!
//! - `search/meta.json`: counts and the list of term shards;
//! - `search/terms/XX.json`: every term starting with the two characters `XX`, with the ids of
//!   the articles that contain it, delta encoded so the lists stay short. An article's id is its
//!   position in date order, oldest first: a new story, which is nearly always the newest, takes
//!   the next id and leaves every other article's alone, so only the shards of its own words, the
//!   last docs file, `meta.json` and `filters.json` change, and a daily publish uploads those
//!   rather than the whole index (numbered newest first, every id moved by one each day);
//! - `search/docs/N.json`: title, URL, date, source, summary and tags of articles `25·N` to
//!   `25·N+24`, fetched only for the results shown;
//! - `search/filters.json`: article ids per source and per frequent tag, for the filters.
//!
//! The excerpt around the words that matched is cut from the article's own page, which the script
//! fetches for the results shown (the element marked `data-search-body`, else `<article>`): the
//! page is already on the host and in the reader's cache once they open the result, so the index
//! carries no second copy of every article's text (at 10,000 articles that copy was 10,000 files
//! and 58 MB, 29% of the files of a build).
//!
//! Pagefind was the first choice and was measured first: on 10,000 generated articles it took
//! 17.4 s and 2.3 GB of memory, against 4.2 s and 132 MB for the whole rest of the build, so this
//! index, built in parallel from text the build already has, replaced it.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use unicode_normalization::char::is_combining_mark;

use crate::config::Config;
use crate::markdown;
use crate::model::{Article, Site};

/// The folder the index is written to, under the output root.
pub const BUNDLE_DIR: &str = "search/";

/// Articles whose postings one task gathers before the lists are merged.
const INDEX_CHUNK: usize = 256;

/// Parts the postings are split into (by a term's first byte) to be merged in parallel: enough
/// for two to eight cores to share them evenly.
const PARTS: usize = 32;

/// The part of `term` (never empty), from its first byte, which all terms of a shard share.
fn part(term: &str) -> usize {
    term.as_bytes().first().map_or(0, |&byte| usize::from(byte) % PARTS)
}

/// Articles per `docs/N.json` file: small files, so the results shown cost little to fetch.
pub const DOCS_PER_FILE: usize = 25;

/// Tags offered as filters (the most frequent ones).
const FILTER_TAGS: usize = 40;

/// Longest term indexed, in characters: longer runs are ids, hashes or garbage, not words.
const MAX_TERM_CHARS: usize = 32;

/// The words of `text` as the search script reads a query: lowercase runs of letters and digits,
/// without accents, `ß` as `ss`. Apostrophes inside a word are dropped (`it’s` → `its`). The index
/// holds these terms of every article, and of a word with an apostrophe also its parts of three
/// letters or more, so that `armistice` finds `l'armistice` and `macron` finds `Macron's`.
pub fn terms(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for_each_term(text, &mut String::new(), false, |term| found.push(term.to_string()));
    found
}

/// Calls `visit` with each term of `text` (see [`terms`]), spelled into `buffer`, so indexing
/// millions of words allocates only for the terms it keeps.
/// With `parts`, a word with an apostrophe gives its parts' terms too, as the index holds them.
fn for_each_term(text: &str, buffer: &mut String, parts: bool, mut visit: impl FnMut(&str)) {
    // A byte loop rather than `str::split`: this runs over every word of every article, and
    // most of it is ASCII, whose letters, digits and apostrophes are skipped through a table.
    let bytes = text.as_bytes();
    let mut word_start: Option<usize> = None;
    let mut at = 0;
    loop {
        let run = crate::text::ascii_word_run(&bytes[at..], true);
        if run > 0 {
            word_start.get_or_insert(at);
            at += run;
        }
        let (in_word, width) = match bytes.get(at) {
            None => (false, 0),
            Some(&byte) if byte.is_ascii() => (false, 1),
            Some(_) => {
                let (c, width) = crate::text::char_at(text, at);
                // A combining accent written apart from its letter (`u` + `¨`) stays in the word.
                (crate::text::is_alphanumeric(c) || c == '’' || is_combining_mark(c), width)
            }
        };
        match word_start {
            None if in_word => word_start = Some(at),
            Some(start) if !in_word => {
                index_word(&text[start..at], buffer, parts, &mut visit);
                word_start = None;
            }
            _ => {}
        }
        if width == 0 {
            break;
        }
        at += width;
    }
}

/// The term of one word (letters, digits and apostrophes), if it is short enough to be one, and
/// with `parts` the terms of its parts between apostrophes (see [`terms`]).
fn index_word(word: &str, buffer: &mut String, parts: bool, visit: &mut impl FnMut(&str)) {
    index_whole_word(word, buffer, visit);
    if parts && word.contains(['\'', '’']) {
        for part in word.split(['\'', '’']).filter(|part| part.chars().count() >= 3) {
            index_whole_word(part, buffer, visit);
        }
    }
}

/// [`index_word`]'s term for the word as a whole.
fn index_whole_word(word: &str, buffer: &mut String, visit: &mut impl FnMut(&str)) {
    // Most words are already terms (lower-case ASCII letters and digits): no copy for those.
    if !word.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase() || b == b'\'') {
        if word.len() <= MAX_TERM_CHARS {
            visit(word);
        }
        return;
    }
    buffer.clear();
    if word.is_ascii() {
        // Letters, digits and apostrophes only: copied whole, the apostrophes (rare) dropped.
        buffer.push_str(word);
        if word.contains('\'') {
            buffer.retain(|c| c != '\'');
        }
        buffer.make_ascii_lowercase();
    } else {
        // Accents are set aside (decomposed, and the marks dropped), so `zurich` finds Zürich
        // and `sao paulo` São Paulo, as readers type them; the script folds queries alike.
        for c in crate::text::without_marks(word).filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
        {
            // `strasse` finds Straße: readers without the letter type it so.
            if c == 'ß' {
                buffer.push_str("ss");
            } else {
                buffer.push(c);
            }
        }
    }
    // No more bytes than the limit means no more characters either.
    if !buffer.is_empty() && (buffer.len() <= MAX_TERM_CHARS || buffer.chars().count() <= MAX_TERM_CHARS) {
        visit(buffer);
    }
}

/// The shard a term belongs to: its first two characters (or its only one).
pub fn shard_key(term: &str) -> String {
    term.chars().take(2).collect()
}

/// Version 3 gives each article's URL as its path under the site's root (`2025/03/04/slug/`), so
/// results link right wherever the site is served from; version 2 gave the base URL's path with
/// it (`/2025/…`), which broke under any other folder. Version 2 and 3 number articles oldest
/// first (version 1 numbered them newest first). A script made for one misreads the others.
#[derive(Serialize)]
struct Meta {
    version: u32,
    docs: usize,
    docs_per_file: usize,
    shards: Vec<String>,
}

#[derive(Serialize)]
struct Doc<'a> {
    url: String,
    title: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    summary: String,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
}

/// Term -> ids of the articles that contain it, in increasing order. The index pass looks up
/// every word of every article (millions at 10,000 articles), so terms of up to 16 bytes (nearly
/// all) are keyed by their bytes packed into an integer: hashed and compared in a few
/// instructions, and no string is made per term until the lists are merged.
#[derive(Default)]
struct Postings {
    short: FxHashMap<u128, Vec<u32>>,
    long: FxHashMap<String, Vec<u32>>,
}

impl Postings {
    /// Records that article `id` (no lower than any recorded before) contains `term`.
    fn add(&mut self, term: &str, id: u32) {
        let list = match pack(term) {
            Some(key) => self.short.entry(key).or_default(),
            None => match self.long.get_mut(term) {
                Some(list) => list,
                None => self.long.entry(term.to_string()).or_default(),
            },
        };
        if list.last() != Some(&id) {
            list.push(id);
        }
    }

    /// Adds the lists of `later`, whose ids all come after this one's.
    fn append(&mut self, later: Postings) {
        for (term, ids) in later.short {
            self.short.entry(term).or_default().extend(ids);
        }
        for (term, ids) in later.long {
            self.long.entry(term).or_default().extend(ids);
        }
    }
}

/// A term of at most 16 bytes as an integer, zero-padded: terms are letters and digits, which
/// hold no zero byte, so the padding cannot be mistaken for part of the term.
///
/// Read as two loads that may overlap, rather than copied into a zeroed buffer: a copy of a
/// length known only at run time is a call to `memcpy`, and this runs for every word of every
/// article (0.3% of a build).
fn pack(term: &str) -> Option<u128> {
    let bytes = term.as_bytes();
    let len = bytes.len();
    let load4 = |at: usize| bytes.get(at..at + 4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let load8 =
        |at: usize| bytes.get(at..at + 8).map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap_or_default()));
    let packed = match len {
        0 => 0,
        1..=3 => {
            // First, middle and last byte: for one to three bytes, together they are all of them.
            u128::from(bytes[0])
                | u128::from(bytes[len / 2]) << (8 * (len / 2))
                | u128::from(bytes[len - 1]) << (8 * (len - 1))
        }
        4..=7 => u128::from(load4(0)) | u128::from(load4(len - 4)) << (8 * (len - 4)),
        8..=16 => u128::from(load8(0)) | u128::from(load8(len - 8)) << (8 * (len - 8)),
        _ => return None,
    };
    Some(packed)
}

/// The term [`pack`] packed.
fn unpack(packed: u128) -> String {
    let bytes = packed.to_le_bytes();
    let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..len]).into_owned()
}

/// Builds the index of every article of `site`; returns output path -> bytes.
pub fn index(site: &Site, config: &Config) -> BTreeMap<String, Vec<u8>> {
    let options = config.markdown_options();

    // Term -> article ids, built per chunk of articles in parallel, each chunk's lists split into
    // parts by the terms' first byte. Every part is then merged (chunk after chunk, so each list
    // stays sorted) and cut into shards in parallel: a shard's terms share their first byte, so a
    // shard is whole in one part.
    let oldest_first: Vec<&Article> = site.articles.iter().rev().collect();
    let chunks: Vec<Vec<Postings>> = oldest_first
        .par_chunks(INDEX_CHUNK)
        .enumerate()
        .map(|(chunk, articles)| {
            let mut parts: Vec<Postings> = (0..PARTS).map(|_| Postings::default()).collect();
            let mut buffer = String::new();
            for (offset, article) in articles.iter().enumerate() {
                let id = (chunk * INDEX_CHUNK + offset) as u32;
                let body = markdown::to_plain_text(&article.body_markdown, options);
                let fields = [article.title.as_str(), article.summary.as_str(), body.as_str()];
                // The writers' names too: a researcher looks for a reporter's stories by name.
                let extra = article
                    .tags
                    .iter()
                    .chain(&article.authors)
                    .map(String::as_str)
                    .chain(article.source.as_deref());
                for field in fields.into_iter().chain(extra) {
                    for_each_term(field, &mut buffer, true, |term| parts[part(term)].add(term, id));
                }
            }
            parts
        })
        .collect();
    let mut by_part: Vec<Vec<Postings>> = (0..PARTS).map(|_| Vec::with_capacity(chunks.len())).collect();
    for chunk in chunks {
        for (part, postings) in by_part.iter_mut().zip(chunk) {
            part.push(postings);
        }
    }
    let mut shards: Vec<(String, BTreeMap<String, Vec<u32>>)> = by_part
        .into_par_iter()
        .flat_map_iter(|chunks| {
            let mut merged = Postings::default();
            for chunk in chunks {
                merged.append(chunk);
            }
            let postings = merged.short.into_iter().map(|(term, ids)| (unpack(term), ids)).chain(merged.long);
            let mut shards: BTreeMap<String, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
            for (term, ids) in postings {
                shards.entry(shard_key(&term)).or_default().insert(term, delta(&ids));
            }
            shards
        })
        .collect();
    shards.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    debug_assert!(shards.windows(2).all(|pair| pair[0].0 != pair[1].0), "a shard key in two parts");

    let mut files = BTreeMap::new();
    let meta = Meta {
        version: 3,
        docs: site.articles.len(),
        docs_per_file: DOCS_PER_FILE,
        shards: shards.iter().map(|(key, _)| key.clone()).collect(),
    };
    files.insert(format!("{BUNDLE_DIR}meta.json"), json(&meta));
    let shard_files: Vec<(String, Vec<u8>)> = shards
        .into_par_iter()
        .map(|(key, terms)| (format!("{BUNDLE_DIR}terms/{}.json", shard_file_name(&key)), json(&terms)))
        .collect();
    files.extend(shard_files);
    let doc_files: Vec<(String, Vec<u8>)> = oldest_first
        .par_chunks(DOCS_PER_FILE)
        .enumerate()
        .map(|(n, articles)| {
            let docs: Vec<Doc<'_>> = articles
                .iter()
                .map(|a| Doc {
                    url: a.site_path(),
                    title: &a.title,
                    date: crate::render::views::display_date(&a.date, &site.language),
                    source: a.source.as_deref(),
                    summary: a.summary.chars().take(320).collect(),
                    tags: &a.tags,
                })
                .collect();
            (format!("{BUNDLE_DIR}docs/{n}.json"), json(&docs))
        })
        .collect();
    files.extend(doc_files);
    files.insert(format!("{BUNDLE_DIR}filters.json"), json(&filters(site)));
    files
}

/// Source and frequent-tag filters: name -> delta-encoded article ids.
fn filters(site: &Site) -> BTreeMap<&'static str, BTreeMap<String, Vec<u32>>> {
    use crate::model::TaxonomyKind;
    let newest = site.articles.len().saturating_sub(1);
    let ids = |articles: &[usize]| {
        let mut ids: Vec<u32> = articles.iter().map(|&i| (newest - i) as u32).collect();
        ids.sort_unstable();
        delta(&ids)
    };
    let sources = site
        .taxonomy(TaxonomyKind::Sources)
        .terms
        .iter()
        .map(|t| (t.name.clone(), ids(&t.articles)))
        .collect();
    let mut tags: Vec<_> = site.taxonomy(TaxonomyKind::Tags).terms.iter().collect();
    tags.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then_with(|| a.name.cmp(&b.name)));
    let tags = tags.into_iter().take(FILTER_TAGS).map(|t| (t.name.clone(), ids(&t.articles))).collect();
    BTreeMap::from([("source", sources), ("tag", tags)])
}

/// `[3, 5, 9]` -> `[3, 2, 4]`: small numbers, short JSON.
fn delta(ids: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    ids.iter()
        .map(|&id| {
            let step = id - previous;
            previous = id;
            step
        })
        .collect()
}

/// Shard keys are lowercase letters and digits, but of any script: spell each character as its
/// code point so file names stay ASCII and portable.
pub fn shard_file_name(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_string() } else { format!("u{:x}", c as u32) })
        .collect::<Vec<_>>()
        .join("_")
}

fn json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_of_any_length_keep_their_articles() {
        let mut postings = Postings::default();
        let sixteen = "abcdefghijklmnop";
        let seventeen = "abcdefghijklmnopq";
        for (term, id) in
            [("a", 0), (sixteen, 0), (seventeen, 1), ("zürich", 1), ("a", 1), ("a", 1), ("東京", 2)]
        {
            postings.add(term, id);
        }
        let mut all: Vec<(String, Vec<u32>)> =
            postings.short.into_iter().map(|(term, ids)| (unpack(term), ids)).chain(postings.long).collect();
        all.sort();
        let expected = [
            ("a", vec![0, 1]),
            (sixteen, vec![0]),
            (seventeen, vec![1]),
            ("zürich", vec![1]),
            ("東京", vec![2]),
        ];
        assert_eq!(all, expected.map(|(term, ids)| (term.to_string(), ids)));
        assert!(pack(seventeen).is_none());
    }

    #[test]
    fn terms_are_lowercase_words() {
        let found: Vec<String> =
            terms("It’s 3 o'clock in ZÜRICH — “Café” x_y 2025-09-12 São Łódź Zu\u{308}rich");
        let expected = [
            "its", "3", "oclock", "in", "zurich", "cafe", "x", "y", "2025", "09", "12", "sao", "łodz",
            "zurich",
        ];
        assert_eq!(found, expected);
        // Up to 32 characters, whether the word needed lower-casing or not.
        let (longest, too_long) = ("a".repeat(32), "b".repeat(33));
        for text in [
            format!("{longest} {too_long}"),
            format!("{} {}", longest.to_uppercase(), too_long.to_uppercase()),
        ] {
            assert_eq!(terms(&text), std::slice::from_ref(&longest), "{text}");
        }
    }

    /// The rule the search script follows (`words` in search.html: lower case, decompose, drop
    /// every mark and apostrophe, split at anything but letters and digits), written the slow,
    /// obvious way.
    fn terms_slowly(text: &str) -> Vec<String> {
        use unicode_normalization::UnicodeNormalization;
        let folded: String = text
            .to_lowercase()
            .replace('ß', "ss")
            .nfd()
            .filter(|&c| !is_combining_mark(c) && c != '\'' && c != '’')
            .collect();
        folded
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_string)
            .filter(|term| !term.is_empty() && term.chars().count() <= MAX_TERM_CHARS)
            .collect()
    }

    /// [`pack`] as it was first written: the bytes copied into a zeroed buffer.
    fn pack_slowly(term: &str) -> Option<u128> {
        let mut packed = [0u8; 16];
        packed.get_mut(..term.len())?.copy_from_slice(term.as_bytes());
        Some(u128::from_le_bytes(packed))
    }

    #[test]
    fn packing_reads_every_length_whole() {
        let letters = "abcdefghijklmnopqrstuvwxyz";
        for len in 0..=letters.len() {
            let term = &letters[..len];
            assert_eq!(pack(term), pack_slowly(term), "{term}");
            if let Some(packed) = pack(term) {
                assert_eq!(unpack(packed), term);
            }
        }
        assert_eq!(pack("é1ü"), pack_slowly("é1ü"));
    }

    proptest::proptest! {
        #[test]
        fn terms_follow_the_scripts_rule(text in "(\\PC|[a-z'’ .,-]){0,60}") {
            proptest::prop_assert_eq!(terms(&text), terms_slowly(&text));
        }
    }

    #[test]
    fn words_with_apostrophes_are_found_by_their_parts() {
        let mut indexed = Vec::new();
        for_each_term(
            "l'armistice d’artifice Macron's it’s Fahrradstraße",
            &mut String::new(),
            true,
            |term| indexed.push(term.to_string()),
        );
        let expected = [
            "larmistice",
            "armistice",
            "dartifice",
            "artifice",
            "macrons",
            "macron",
            "its",
            "fahrradstrasse",
        ];
        assert_eq!(indexed, expected);
        // A query is read whole, as the script reads it.
        assert_eq!(terms("l'armistice"), ["larmistice"]);
    }

    #[test]
    fn shards_and_file_names() {
        assert_eq!(shard_key("fishermen"), "fi");
        assert_eq!(shard_key("a"), "a");
        assert_eq!(shard_file_name("fi"), "f_i");
        assert_eq!(shard_file_name("zü"), "z_ufc");
        assert_eq!(shard_file_name("東京"), "u6771_u4eac");
    }

    #[test]
    fn ids_are_delta_encoded() {
        assert_eq!(delta(&[3, 5, 9]), [3, 2, 4]);
        assert_eq!(delta(&[]), Vec::<u32>::new());
    }
}
