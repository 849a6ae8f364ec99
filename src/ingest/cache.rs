//! Articles as the last build read them, kept between builds so a rebuild reads only the files
//! that changed.
//!
//! Reading an article (decoding, converting, tagging, signing) is the largest part of a build.
//! Its result depends only on the file and on the configuration, so `gazette build` keeps each
//! result in `.gazette-cache/articles/`, keyed by the file's path, size and modification time (as
//! make does) under a key for the Gazette binary and the configuration; a different binary or
//! config throws every entry away. The entries are spread over [`BUCKETS`] files by path, read
//! and written in parallel, and a bucket is written again only when one of its files changed.
//! A bucket file is a header line, the entries as JSON, then each entry's Markdown body and
//! signature as raw bytes: bodies are most of the cache, and escaping them into JSON strings (and
//! parsing them back) cost more than writing and reading them. The header line carries the JSON
//! part's length and a checksum of everything after it, so a cut, lengthened or altered file is
//! never taken for articles. The cache is an optimisation only: a missing, stale or damaged one
//! means the files are read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Ingested;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::discover::Source;
use crate::model::Article;
use crate::model::cluster::NUM_HASHES;

/// How many files the cache is spread over.
pub const BUCKETS: usize = 64;

/// A file as it was when it was read: size and modification time in nanoseconds.
pub type Stamp = (u64, u128);

/// The file's stamp, or none when it cannot be read (then it is never taken from the cache).
pub fn stamp(path: &Path) -> Option<Stamp> {
    let metadata = std::fs::metadata(path).ok()?;
    let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some((metadata.len(), modified))
}

/// One article file's result.
#[derive(Deserialize)]
struct Entry {
    path: String,
    stamp: Stamp,
    article: Option<Article>,
    diagnostics: Vec<Diagnostic>,
    /// Length of the body in the bucket's raw part.
    body_len: usize,
    /// Whether a signature follows the body there.
    signed: bool,
}

/// One cache file's JSON part.
#[derive(Deserialize)]
struct Bucket {
    key: String,
    entries: Vec<Entry>,
}

/// [`Entry`] as written, borrowing the build's results.
#[derive(Serialize)]
struct EntryRef<'a> {
    path: &'a str,
    stamp: Stamp,
    article: &'a Article,
    diagnostics: &'a [Diagnostic],
    body_len: usize,
    signed: bool,
}

impl<'a> EntryRef<'a> {
    /// The entry for `article`; the raw part's lengths are taken from the article itself, so
    /// they always match the bytes [`encode`] writes.
    fn new(path: &'a str, stamp: Stamp, article: &'a Article, diagnostics: &'a [Diagnostic]) -> Self {
        let (body_len, signed) = (article.body_markdown.len(), article.signature.is_some());
        EntryRef { path, stamp, article, diagnostics, body_len, signed }
    }
}

/// [`Bucket`] as written.
#[derive(Serialize)]
struct BucketRef<'a> {
    key: &'a str,
    entries: Vec<EntryRef<'a>>,
}

/// First line of a bucket file; after it come the length of the JSON part and the [`checksum`]
/// of the rest of the file.
const HEADER: &str = "gazette-article-cache 3 ";

/// A bucket file's bytes: header, JSON, then each entry's body and signature.
fn encode(key: &str, entries: Vec<EntryRef<'_>>) -> Option<Vec<u8>> {
    let raw: usize = entries.iter().map(|e| e.body_len + if e.signed { SIGNATURE_BYTES } else { 0 }).sum();
    let bucket = BucketRef { key, entries };
    let json = serde_json::to_vec(&bucket).ok()?;
    let mut body = Vec::with_capacity(json.len() + raw);
    body.extend_from_slice(&json);
    for entry in &bucket.entries {
        body.extend_from_slice(entry.article.body_markdown.as_bytes());
        if let Some(signature) = entry.article.signature.as_deref() {
            body.extend(signature.iter().flat_map(|value| value.to_le_bytes()));
        }
    }
    let mut bytes = format!("{HEADER}{} {:016x}\n", json.len(), checksum(&body)).into_bytes();
    bytes.append(&mut body);
    Some(bytes)
}

/// The entries of a bucket file made with `key`; `None` for another key or a damaged file.
fn decode(bytes: &[u8], key: &str) -> Option<Vec<Entry>> {
    let rest = bytes.strip_prefix(HEADER.as_bytes())?;
    let line_end = rest.iter().position(|&b| b == b'\n')?;
    let (json_len, sum) = std::str::from_utf8(&rest[..line_end]).ok()?.split_once(' ')?;
    let json_len: usize = json_len.parse().ok()?;
    let body = rest.get(line_end + 1..)?;
    if u64::from_str_radix(sum, 16).ok()? != checksum(body) {
        return None;
    }
    // Checked slicing only: a damaged length (even one near usize::MAX) is a missing file.
    let (json, mut raw) = body.split_at_checked(json_len)?;
    let bucket: Bucket = serde_json::from_slice(json).ok().filter(|bucket: &Bucket| bucket.key == key)?;
    let mut entries = bucket.entries;
    for entry in &mut entries {
        let (body, after) = raw.split_at_checked(entry.body_len)?;
        raw = after;
        let signature = if entry.signed {
            let (signature, after) = raw.split_at_checked(SIGNATURE_BYTES)?;
            raw = after;
            let mut values = [0u32; NUM_HASHES];
            for (value, bytes) in values.iter_mut().zip(signature.chunks_exact(4)) {
                *value = u32::from_le_bytes(bytes.try_into().ok()?);
            }
            Some(std::sync::Arc::new(values))
        } else {
            None
        };
        if let Some(article) = &mut entry.article {
            article.body_markdown = std::str::from_utf8(body).ok()?.into();
            article.signature = signature;
        }
    }
    raw.is_empty().then_some(entries)
}

/// A 64-bit hash of a bucket file's contents: fast (the whole cache is read on every rebuild),
/// and any one changed byte changes it. Not made to resist tampering: the cache only ever holds
/// what this machine's builds wrote.
fn checksum(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// Bytes of a signature in a bucket file.
const SIGNATURE_BYTES: usize = NUM_HASHES * 4;

/// The results of the last build, by source path.
pub struct IngestCache {
    dir: PathBuf,
    key: String,
    /// The entries as read, bucket by bucket, each left `None` once taken. Kept where decoding
    /// put them, and found through [`IngestCache::by_path`]: an entry is 816 bytes, and a map
    /// holding them by value (its table copied as it grew, and held to the build's end) put 120
    /// MB on the peak memory of a 100,000-article rebuild.
    entries: Vec<Vec<Option<Entry>>>,
    /// Source path -> (bucket, position) in `entries`, for the entries not yet taken.
    by_path: HashMap<String, (usize, usize)>,
    /// Which buckets were read intact, so unchanged ones need not be written again.
    loaded: Vec<bool>,
}

impl IngestCache {
    /// Reads the cache of the site `config` builds (empty when there is none, or it was made by
    /// another binary or configuration).
    pub fn load(config: &Config) -> IngestCache {
        let dir = config.root.join(".gazette-cache").join("articles");
        let key = cache_key(config);
        let buckets: Vec<Option<Vec<Entry>>> = (0..BUCKETS)
            .into_par_iter()
            .map(|n| {
                let bytes = std::fs::read(bucket_file(&dir, n)).ok()?;
                decode(&bytes, &key)
            })
            .collect();
        let loaded = buckets.iter().map(Option::is_some).collect();
        let entries: Vec<Vec<Option<Entry>>> = buckets
            .into_iter()
            .map(|bucket| bucket.unwrap_or_default().into_iter().map(Some).collect())
            .collect();
        let mut by_path = HashMap::with_capacity(entries.iter().map(Vec::len).sum());
        for (n, bucket) in entries.iter().enumerate() {
            for (at, entry) in bucket.iter().enumerate() {
                if let Some(entry) = entry {
                    by_path.insert(entry.path.clone(), (n, at));
                }
            }
        }
        IngestCache { dir, key, entries, by_path, loaded }
    }

    /// The result of reading `source` last time, if the file has not changed since.
    pub fn take(&mut self, source: &Source, stamp: Option<Stamp>) -> Option<Ingested> {
        let (bucket, at) = self.by_path.remove(&source.relative)?;
        let entry = self.entries[bucket][at].take()?;
        (Some(entry.stamp) == stamp).then(|| Ingested {
            article: entry.article,
            diagnostics: entry.diagnostics,
            dropped: Vec::new(),
        })
    }

    /// Keeps this build's results for the next build. `reread` says which sources were read
    /// rather than taken from the cache. Failing to write only costs the next build time.
    pub fn save(&self, sources: &[Source], stamps: &[Option<Stamp>], ingested: &[Ingested], reread: &[bool]) {
        let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); BUCKETS];
        let mut changed = [false; BUCKETS];
        for (index, source) in sources.iter().enumerate() {
            let bucket = bucket_of(&source.relative);
            buckets[bucket].push(index);
            changed[bucket] |= reread[index];
        }
        // A bucket also changes when one of its files was deleted.
        for path in self.by_path.keys() {
            changed[bucket_of(path)] = true;
        }
        // No articles and no cache yet (no content folder, the wrong folder): nothing to keep,
        // and no `.gazette-cache/` made where no site is.
        if sources.is_empty() && !self.dir.exists() {
            return;
        }
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        // Not kept: files that could not be used (an unreadable file may be readable next time
        // without its size or time changing), and files changed in the last two seconds, which a
        // second edit within the file system's time resolution could change unseen.
        let settled_before = std::time::SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|now| now.as_nanos().saturating_sub(2_000_000_000))
            .unwrap_or(0);
        buckets.par_iter().enumerate().filter(|(n, _)| changed[*n] || !self.loaded[*n]).for_each(
            |(n, members)| {
                let entries = members
                    .iter()
                    .filter_map(|&i| {
                        let article = ingested[i].article.as_ref()?;
                        let stamp = stamps[i].filter(|&(_, modified)| modified < settled_before)?;
                        Some(EntryRef::new(&sources[i].relative, stamp, article, &ingested[i].diagnostics))
                    })
                    .collect();
                if let Some(bytes) = encode(&self.key, entries) {
                    // The first format's file of this bucket (all JSON), if a build left one.
                    let _ = std::fs::remove_file(self.dir.join(format!("{n:02}.json")));
                    // Written beside and renamed, so a reader never sees half a file.
                    let file = bucket_file(&self.dir, n);
                    let temporary = file.with_extension(format!("bin.{}.tmp", std::process::id()));
                    if std::fs::write(&temporary, bytes).is_ok() {
                        let _ = std::fs::rename(&temporary, &file);
                    }
                }
            },
        );
    }
}

/// What the cached results depend on besides the files: this binary and the settings reading an
/// article uses (every `config` field the ingest module reads; keep this list in step with it).
/// The output folder and base URL are not among them, so building to another folder or URL
/// keeps the cache.
fn cache_key(config: &Config) -> String {
    let settings = (
        &config.root,
        &config.content_dir,
        &config.timezone,
        config.unsafe_html,
        config.smart_punctuation,
        &config.auto_tags,
        &config.clusters,
    );
    let mut key = format!("{} {settings:?}", env!("CARGO_PKG_VERSION"));
    if let Some(stamp) = std::env::current_exe().ok().as_deref().and_then(stamp) {
        key.push_str(&format!(" {stamp:?}"));
    }
    Sha256::digest(key.as_bytes()).iter().take(12).map(|b| format!("{b:02x}")).collect()
}

fn bucket_of(path: &str) -> usize {
    // FNV-1a: stable across Rust releases, unlike std's hasher.
    let hash = path
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    (hash % BUCKETS as u64) as usize
}

fn bucket_file(dir: &Path, n: usize) -> PathBuf {
    dir.join(format!("{n:02}.bin"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_comes_back_from_the_cache_unchanged() {
        let mut article = crate::model::tests::article("a.txt", "2025-03-01T08:30:00Z", "Harbour");
        article.date = article.date.with_time_zone(jiff::tz::TimeZone::get("Europe/Lisbon").unwrap());
        article.signature = crate::model::cluster::signature("the harbour master spoke on monday", 3);
        article.body_markdown = "Body *text* with \"quotes\", a \\ and é\n".into();
        article.extra.insert("rating".into(), serde_json::json!({"stars": 4}));
        let mut unsigned = crate::model::tests::article("b.txt", "2025-03-02", "Pier");
        unsigned.body_markdown = "".into();
        let diagnostics = vec![Diagnostic::warning("a.txt", "no date found")];
        let entry = |path, article: &'static Article| EntryRef::new(path, (12, 34), article, &diagnostics);
        let (article, unsigned): (&'static Article, &'static Article) =
            (Box::leak(Box::new(article)), Box::leak(Box::new(unsigned)));
        let bytes = encode("k", vec![entry("a.txt", article), entry("b.txt", unsigned)]).unwrap();
        let back = decode(&bytes, "k").unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].article.as_ref(), Some(article));
        assert_eq!(back[0].diagnostics, diagnostics);
        assert_eq!(back[1].article.as_ref(), Some(unsigned));
        assert!(decode(&bytes, "another key").is_none(), "another binary or configuration");
        assert!(decode(&bytes[..bytes.len() - 1], "k").is_none(), "a cut file");
        let mut longer = bytes.clone();
        longer.push(b'x');
        assert!(decode(&longer, "k").is_none(), "a file with bytes left over");
        let header = std::str::from_utf8(&bytes[..bytes.iter().position(|&b| b == b'\n').unwrap()]).unwrap();
        let sum = header.rsplit_once(' ').unwrap().1;
        let after_header = &bytes[header.len()..];
        for length in ["18446744073709551615", "0", "x", ""] {
            let mut damaged = format!("{HEADER}{length} {sum}").into_bytes();
            damaged.extend_from_slice(after_header);
            assert!(decode(&damaged, "k").is_none(), "a damaged length: {length:?}");
        }
        assert!(decode(b"gazette-article-cache 3 5 0", "k").is_none(), "no end of header line");
        // One changed byte anywhere after the header: in the JSON (the stamp) or in a body.
        for (at, what) in [(header.len() + 40, "JSON"), (bytes.len() - SIGNATURE_BYTES - 3, "body")] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x01;
            assert!(decode(&flipped, "k").is_none(), "a changed byte in the {what}");
        }
    }

    #[test]
    fn buckets_do_not_depend_on_the_rust_release() {
        assert_eq!(bucket_of("2025/03/01/harbour.txt"), bucket_of("2025/03/01/harbour.txt"));
        assert!(bucket_of("a.txt") < BUCKETS);
        // FNV-1a of "a" is 0xaf63dc4c8601ec8c.
        assert_eq!(bucket_of("a"), (0xaf63_dc4c_8601_ec8c_u64 % BUCKETS as u64) as usize);
    }
}
