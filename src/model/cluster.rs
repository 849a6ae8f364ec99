//! Story clusters: groups of near-duplicate articles.
//!
//! This module owns the detection of the same story published several times:
//! wire copy syndicated by many outlets, lightly re-edited versions with a new
//! headline word or an added sentence, and re-runs of the same report. Gazette
//! uses the clusters to show "also reported by" links and to keep a digest from
//! listing one story five times.
//!
//! Similarity is the Jaccard index of word shingles, estimated with MinHash
//! signatures; locality-sensitive hashing (banding) proposes candidate pairs so
//! the archive is never compared all-pairs, candidates are verified by their
//! estimated similarity and publication distance, and a union-find merges the
//! verified pairs into clusters. Hashing uses a fixed FNV-1a/multiply scheme
//! (not std's `DefaultHasher`, whose output may change between Rust releases),
//! so the same input gives the same clusters on every build and platform.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Tuning for [`clusters`]; a separate struct so sites can set it once in
/// configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterOptions {
    /// Minimum estimated Jaccard similarity of two articles' shingle sets for
    /// them to count as the same story; 0.5 tolerates re-edited headlines,
    /// ledes and added paragraphs while separating different stories on one
    /// topic.
    pub threshold: f64,
    /// Words per shingle. Three-word shingles capture phrasing rather than
    /// vocabulary, so articles that merely share a topic stay apart.
    pub shingle: usize,
    /// Largest publication distance, in days, between two directly linked
    /// articles, so a recurring template story (a monthly jobs report) is not
    /// merged with last month's.
    pub max_days_apart: i64,
}

impl Default for ClusterOptions {
    /// Threshold 0.5, three-word shingles, three days apart at most.
    fn default() -> Self {
        ClusterOptions { threshold: 0.5, shingle: 3, max_days_apart: 3 }
    }
}

/// One article to cluster; borrows its text so callers need not copy an
/// archive into the clusterer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Doc<'a> {
    /// Caller's identifier, returned in the clusters.
    pub id: usize,
    /// Publication day as days since the Unix epoch, for the date window.
    pub day: i64,
    /// Article text (plain text; punctuation and case are ignored).
    pub text: &'a str,
}

/// Groups near-duplicate documents.
///
/// Returns clusters of two or more ids, each sorted ascending (duplicates
/// removed), and the clusters sorted by their first id; documents that match
/// nothing are omitted. Two documents are linked when their estimated shingle
/// Jaccard similarity is at least `options.threshold` and their days differ by
/// at most `options.max_days_apart`; clusters are the connected components of
/// those links. Runs in roughly linear time: each document is hashed once and
/// only documents sharing an LSH band are compared. Never panics.
pub fn clusters(docs: &[Doc<'_>], options: &ClusterOptions) -> Vec<Vec<usize>> {
    let signatures: Vec<Option<Signature>> =
        docs.iter().map(|doc| signature(doc.text, options.shingle)).collect();
    let signed: Vec<SignedDoc<'_>> = docs
        .iter()
        .zip(&signatures)
        .map(|(doc, sig)| SignedDoc { id: doc.id, day: doc.day, signature: sig.as_ref() })
        .collect();
    cluster_signatures(&signed, options)
}

/// A document's MinHash signature: computed once per article (in parallel, and cached by the
/// dev server), so clustering a whole archive only compares signatures. Shared, not copied,
/// when articles are.
pub type Signature = std::sync::Arc<[u32; NUM_HASHES]>;

/// The MinHash signature of `text` with `shingle`-word shingles, or `None` for a text with no
/// words.
pub fn signature(text: &str, shingle: usize) -> Option<Signature> {
    let mut words: Vec<u64> = Vec::new();
    word_hashes(text, &mut words);
    minhash(&words, shingle.max(1)).map(std::sync::Arc::new)
}

/// A document whose signature is already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignedDoc<'a> {
    /// Caller's identifier, returned in the clusters.
    pub id: usize,
    /// Publication day as days since the Unix epoch.
    pub day: i64,
    /// Its signature (`None`: a text with no words, never clustered).
    pub signature: Option<&'a Signature>,
}

/// [`clusters`] over precomputed signatures (`options.shingle` must be the one they were made with).
pub fn cluster_signatures(docs: &[SignedDoc<'_>], options: &ClusterOptions) -> Vec<Vec<usize>> {
    if docs.len() < 2 || options.max_days_apart < 0 {
        return Vec::new();
    }
    let rows = rows_per_band(options.threshold);
    let sig = |i: usize| signature_slice(docs[i].signature);
    // Bands are independent: each finds its own links (in parallel), and the clusters are the
    // connected components of all links together, whatever order they are merged in. A band's
    // entries are dropped as soon as its links are found, so a build never holds them all.
    let links: Vec<Vec<(usize, usize)>> = (0..NUM_HASHES / rows)
        .into_par_iter()
        .map(|band| band_links(&band_entries(docs, band, rows), options, &sig))
        .collect();
    components(docs.iter().map(|doc| doc.id), links.into_iter().flatten())
}

/// Every band's sorted entries and the links each of its buckets gives, kept so that when one
/// document's text changes (an edit in `gazette serve`) only its entries move and only the
/// buckets it leaves and joins are compared again; the clusters are then the components of the
/// links kept, found without hashing, sorting or comparing the whole archive. The price is their
/// memory: 24 bytes per document per band, 10 MB for 10,000 articles at the default threshold
/// of 0.5 (42 bands; a threshold under 0.36 takes 64, under 0.16 all 128), and the links (in
/// each band fewer than the documents). That is why a build does not keep them.
/// [`Bands::clusters`] gives exactly what [`cluster_signatures`] gives for the same documents.
#[derive(Clone)]
pub struct Bands {
    options: ClusterOptions,
    rows: usize,
    ids: Vec<usize>,
    days: Vec<i64>,
    signatures: Vec<Option<Signature>>,
    /// Per band, each signed document's [`BandEntry`], sorted: equal keys make a bucket.
    bands: Vec<Vec<BandEntry>>,
    /// Per band, the links of each bucket that has any, by the bucket's key. A document is in one
    /// bucket of each band, so a bucket's links depend on its members alone.
    links: Vec<FxHashMap<u64, Vec<(usize, usize)>>>,
}

/// Says what the bands hold, not their megabytes of entries.
impl std::fmt::Debug for Bands {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bands")
            .field("options", &self.options)
            .field("documents", &self.ids.len())
            .field("bands", &self.bands.len())
            .finish_non_exhaustive()
    }
}

impl Bands {
    /// Hashes and sorts every band of `docs`.
    pub fn new(docs: &[SignedDoc<'_>], options: &ClusterOptions) -> Bands {
        let rows = rows_per_band(options.threshold);
        let sig = |i: usize| signature_slice(docs[i].signature);
        let (bands, links) = (0..NUM_HASHES / rows)
            .into_par_iter()
            .map(|band| {
                let entries = band_entries(docs, band, rows);
                let links = linked_buckets(&entries, options, &sig).collect();
                (entries, links)
            })
            .unzip();
        Bands {
            options: options.clone(),
            rows,
            ids: docs.iter().map(|doc| doc.id).collect(),
            days: docs.iter().map(|doc| doc.day).collect(),
            signatures: docs.iter().map(|doc| doc.signature.cloned()).collect(),
            bands,
            links,
        }
    }

    /// The options the bands were made with.
    pub fn options(&self) -> &ClusterOptions {
        &self.options
    }

    /// Gives document `index` (its position in the documents [`Bands::new`] was given) a new
    /// signature, moving its entry in every band. The document keeps its day: a new day needs
    /// new bands (an article whose date changes is never patched in, see
    /// [`super::Site::replace_article`]).
    pub fn replace(&mut self, index: usize, signature: Option<Signature>) {
        let (rows, day) = (self.rows, self.days[index]);
        let old = std::mem::replace(&mut self.signatures[index], signature);
        let Bands { options, bands, links, signatures, .. } = self;
        let sig = |i: usize| signature_slice(signatures[i].as_ref());
        let mut scratch = UnionFind::new(0);
        for (band, (entries, band_links)) in bands.iter_mut().zip(links.iter_mut()).enumerate() {
            let key =
                |signature: &Option<Signature>| signature.as_ref().map(|s| band_key(&s[..], band, rows));
            let (old_key, new_key) = (key(&old), key(&signatures[index]));
            if let Some(old_key) = old_key {
                let found = entries.binary_search(&(old_key, day, index as u32));
                debug_assert!(found.is_ok(), "document {index} has no entry in band {band}");
                if let Ok(at) = found {
                    entries.remove(at);
                }
            }
            if let Some(new_key) = new_key {
                let new = (new_key, day, index as u32);
                let at = entries.binary_search(&new).unwrap_or_else(|at| at);
                entries.insert(at, new);
            }
            // The bucket left and the bucket joined (one, when the document stayed in it).
            for bucket in [old_key, new_key.filter(|&new| old_key != Some(new))].into_iter().flatten() {
                let members = &entries
                    [entries.partition_point(|e| e.0 < bucket)..entries.partition_point(|e| e.0 <= bucket)];
                let links = bucket_links(members, options, &sig, &mut scratch);
                if links.is_empty() {
                    band_links.remove(&bucket);
                } else {
                    band_links.insert(bucket, links);
                }
            }
        }
    }

    /// The clusters, as [`cluster_signatures`] finds them.
    pub fn clusters(&self) -> Vec<Vec<usize>> {
        if self.ids.len() < 2 || self.options.max_days_apart < 0 {
            return Vec::new();
        }
        let links = self.links.iter().flat_map(|band| band.values().flatten().copied());
        components(self.ids.iter().copied(), links)
    }
}

/// One document in one band: the hash of its rows there (its bucket), its day and its index.
/// Sorted, a band's entries group documents by bucket, and each bucket by day.
type BandEntry = (u64, i64, u32);

/// A document's signature; a document without one compares as all-`u32::MAX`.
fn signature_slice(signature: Option<&Signature>) -> &[u32] {
    const EMPTY: [u32; NUM_HASHES] = [u32::MAX; NUM_HASHES];
    signature.map_or(&EMPTY[..], |signature| &signature[..])
}

/// The bucket key of `signature` in `band`: a hash of the band's rows.
fn band_key(signature: &[u32], band: usize, rows: usize) -> u64 {
    let mut h = FNV_OFFSET ^ (band as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for &v in &signature[band * rows..(band + 1) * rows] {
        h = (h ^ u64::from(v)).wrapping_mul(FNV_PRIME);
    }
    mix64(h)
}

/// The sorted entries of every signed document of `docs` in `band`.
fn band_entries(docs: &[SignedDoc<'_>], band: usize, rows: usize) -> Vec<BandEntry> {
    let mut entries: Vec<BandEntry> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, doc)| Some((band_key(&doc.signature?[..], band, rows), doc.day, i as u32)))
        .collect();
    entries.sort_unstable();
    entries
}

/// The links one band's sorted entries give.
fn band_links<'s>(
    entries: &[BandEntry],
    options: &ClusterOptions,
    sig: &impl Fn(usize) -> &'s [u32],
) -> Vec<(usize, usize)> {
    linked_buckets(entries, options, sig).flat_map(|(_, links)| links).collect()
}

/// Each bucket of one band's sorted entries that gives links, by its key, with its links.
fn linked_buckets<'e, 's>(
    entries: &'e [BandEntry],
    options: &'e ClusterOptions,
    sig: &'e impl Fn(usize) -> &'s [u32],
) -> impl Iterator<Item = (u64, Vec<(usize, usize)>)> + 'e {
    let mut scratch = UnionFind::new(0);
    entries.chunk_by(|a, b| a.0 == b.0).filter_map(move |members| {
        let links = bucket_links(members, options, sig, &mut scratch);
        (!links.is_empty()).then(|| (members[0].0, links))
    })
}

/// The connected components of `links` with two or more members, as sorted lists of ids, sorted.
/// `ids` has one id per document, in document order (the links' indexes).
fn components(
    ids: impl Iterator<Item = usize>,
    links: impl Iterator<Item = (usize, usize)>,
) -> Vec<Vec<usize>> {
    let ids: Vec<usize> = ids.collect();
    let mut uf = UnionFind::new(ids.len());
    for (a, b) in links {
        uf.union(a, b);
    }

    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
    for (i, &id) in ids.iter().enumerate() {
        groups[uf.find(i)].push(id);
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|mut g| {
            g.sort_unstable();
            g.dedup();
            g
        })
        .filter(|g| g.len() >= 2)
        .collect();
    out.sort_unstable();
    out
}

/// Signature length: 128 minima keep the similarity estimate's standard error
/// near 0.045 at J = 0.5 and allow flexible banding.
/// Hash functions per signature.
pub const NUM_HASHES: usize = 128;

/// Members of one bucket compared with at most this many earlier members, so
/// a huge bucket (boilerplate shared by thousands of pages) stays linear.
const BUCKET_WINDOW: usize = 48;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The links among the members of one whole bucket, as its band's entries sort them (by day,
/// then index): each compared with its predecessors inside the date window, and linked to the
/// similar ones. A union-find over the bucket's members (`scratch`, reused from bucket to bucket)
/// spares comparing two already linked through others. A document is in one bucket of each band,
/// so the links depend on the bucket's members alone; part of a bucket would give other links,
/// which is why an edit compares its buckets again whole. None when clusters are off (a negative
/// `max_days_apart`).
fn bucket_links<'s>(
    members: &[BandEntry],
    options: &ClusterOptions,
    sig: &impl Fn(usize) -> &'s [u32],
    scratch: &mut UnionFind,
) -> Vec<(usize, usize)> {
    let mut links = Vec::new();
    if members.len() < 2 || options.max_days_apart < 0 {
        return links;
    }
    let max_days = options.max_days_apart.unsigned_abs();
    scratch.reset(members.len());
    for (n, &(_, day, a)) in members.iter().enumerate() {
        for (m, &(_, other_day, b)) in members[..n].iter().enumerate().rev().take(BUCKET_WINDOW) {
            if day.abs_diff(other_day) > max_days {
                break;
            }
            if scratch.find(n) == scratch.find(m) {
                continue;
            }
            if estimated_jaccard(sig(a as usize), sig(b as usize)) >= options.threshold {
                scratch.union(n, m);
                links.push((a as usize, b as usize));
            }
        }
    }
    links
}

fn estimated_jaccard(a: &[u32], b: &[u32]) -> f64 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len().max(1) as f64
}

/// Rows per band: the largest that still puts the LSH "S-curve" midpoint,
/// (1/b)^(1/r), at or below 80% of the threshold, so pairs at the threshold
/// are found with high probability (about 99.6% for 0.5 with 42 bands of 3).
fn rows_per_band(threshold: f64) -> usize {
    let target = if threshold.is_finite() { threshold * 0.8 } else { 0.0 };
    let mut best = 1;
    for r in 1..=16usize {
        let b = (NUM_HASHES / r) as f64;
        let midpoint = (1.0 / b).powf(1.0 / r as f64);
        if midpoint <= target {
            best = r;
        }
    }
    best
}

/// SplitMix64 finaliser: a fixed, well-distributed 64-bit mixer.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Normalised words as FNV-1a hashes: lower-cased letters and digits only;
/// apostrophes (straight or curly) are dropped inside words so "wasn’t" and
/// "wasn't" agree; every other character separates words.
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    // Each word's FNV-1a hash is computed as its lowercase bytes are read, with no buffer. Runs of
    // ASCII letters, digits and apostrophes (most of any text) go through a tight loop: a table
    // says which bytes continue a word, and `| 0x20` lower-cases an ASCII letter and leaves a
    // digit as it is.
    out.clear();
    let bytes = text.as_bytes();
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    let mut at = 0;
    loop {
        while let Some(&byte) = bytes.get(at)
            && crate::text::ASCII_WORD[usize::from(byte)]
        {
            if byte != b'\'' {
                hash = (hash ^ u64::from(byte | 0x20)).wrapping_mul(FNV_PRIME);
                in_word = true;
            }
            at += 1;
        }
        let Some(&byte) = bytes.get(at) else { break };
        if byte.is_ascii() {
            at += 1;
            if in_word {
                out.push(hash);
                (hash, in_word) = (FNV_OFFSET, false);
            }
            continue;
        }
        let (c, width) = crate::text::char_at(text, at);
        at += width;
        if crate::text::is_alphanumeric(c) {
            let mut utf8 = [0u8; 4];
            for lower in c.to_lowercase() {
                for &b in lower.encode_utf8(&mut utf8).as_bytes() {
                    hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
                }
            }
            in_word = true;
        } else if !matches!(c, '’' | '‘' | 'ʼ' | '\u{00AD}') && in_word {
            out.push(hash);
            (hash, in_word) = (FNV_OFFSET, false);
        }
    }
    if in_word {
        out.push(hash);
    }
}

/// MinHash signature of the k-word shingles; `None` for a text without words.
/// A text shorter than `k` words is a single shingle.
///
/// One-permutation hashing: each shingle is hashed once, its top bits pick one of the
/// `NUM_HASHES` buckets and the bucket keeps its smallest value; empty buckets then borrow from
/// the next filled one (rotation densification). That is `NUM_HASHES` times less work per
/// shingle than one hash function per slot, with the same estimator (the share of equal slots).
fn minhash(words: &[u64], k: usize) -> Option<[u32; NUM_HASHES]> {
    if words.is_empty() {
        return None;
    }
    let mut sig = [u32::MAX; NUM_HASHES];
    let mut filled = [false; NUM_HASHES];
    let k = k.min(words.len());
    let bucket_bits = NUM_HASHES.trailing_zeros();
    for window in words.windows(k) {
        let mut h = FNV_OFFSET;
        for &w in window {
            h = (h.rotate_left(17) ^ w).wrapping_mul(FNV_PRIME);
        }
        let x = mix64(h);
        let bucket = (x >> (64 - bucket_bits)) as usize;
        let value = x as u32;
        if value < sig[bucket] || !filled[bucket] {
            sig[bucket] = value.min(sig[bucket]);
            filled[bucket] = true;
        }
    }
    let mut dense = sig;
    for i in 0..NUM_HASHES {
        if filled[i] {
            continue;
        }
        // The next filled bucket, circularly; the distance is mixed in so two documents that
        // borrow from different places do not agree by accident.
        if let Some(distance) = (1..NUM_HASHES).find(|d| filled[(i + d) % NUM_HASHES]) {
            let borrowed = sig[(i + distance) % NUM_HASHES];
            dense[i] = (mix64(u64::from(borrowed) ^ ((distance as u64) << 40)) >> 32) as u32;
        }
    }
    Some(dense)
}

struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect(), size: vec![1; n] }
    }

    /// Makes this `n` sets of one again, keeping the memory.
    fn reset(&mut self, n: usize) {
        self.parent.clear();
        self.parent.extend(0..n);
        self.size.clear();
        self.size.resize(n, 1);
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FNV-1a over bytes, for the reference word hashes.
    fn fnv1a(bytes: &[u8]) -> u64 {
        let mut h = FNV_OFFSET;
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        h
    }

    /// The word hashes as first written: each word lowercased into a buffer, then hashed.
    fn word_hashes_slowly(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut flush = |buf: &mut String| {
            if !buf.is_empty() {
                out.push(fnv1a(buf.as_bytes()));
                buf.clear();
            }
        };
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                buf.push(c.to_ascii_lowercase());
            } else if c.is_ascii() {
                if c != '\'' {
                    flush(&mut buf);
                }
            } else if c.is_alphanumeric() {
                buf.extend(c.to_lowercase());
            } else if !matches!(c, '’' | '‘' | 'ʼ' | '\u{00AD}') {
                flush(&mut buf);
            }
        }
        flush(&mut buf);
        out
    }

    proptest::proptest! {
        #[test]
        fn words_are_hashed_as_lowercased_words(text in "(\\PC|[a-zA-Z'’‘ʼ .,-]|\u{00AD}|İ|ẞ){0,60}") {
            let mut fast = Vec::new();
            word_hashes(&text, &mut fast);
            proptest::prop_assert_eq!(fast, word_hashes_slowly(&text));
        }
    }

    const STORY: &str = "Harbour officials in Wendmoor said on Tuesday that the old swing bridge \
        over the Lisk estuary would close for six months of repairs starting in early spring. \
        Engineers found corrosion in two of the main support cables during a routine inspection \
        last autumn, according to a statement from the county transport office. Ferry services \
        between the north and south quays will run every twenty minutes while the bridge is shut, \
        and a temporary footpath will be built along the railway embankment. Local traders warned \
        that the closure could cost them customers during the busy summer season, and the chamber \
        of commerce asked the council to publish a detailed timetable for the works. The bridge, \
        which opened in 1911, carries about nine thousand vehicles a day.";

    const OTHER_STORY: &str = "Transport officials in Wendmoor said on Thursday that a new bus \
        route would link the north quay with the hospital from next month. The county transport \
        office said the route would run every fifteen minutes on weekdays and every half hour at \
        weekends, using three electric buses bought with a government grant. Councillors welcomed \
        the plan but said parking near the hospital remained a problem for visitors and staff. \
        Local traders on the south quay asked for a stop near the market, and the operator said \
        it would review the timetable after a six month trial. Ticket prices will match existing \
        routes in the county.";

    fn doc(id: usize, day: i64, text: &str) -> Doc<'_> {
        Doc { id, day, text }
    }

    fn near_duplicates() -> (String, String) {
        // Wire copy re-edited: a changed lede word and an added closing sentence.
        let edited =
            STORY.replace("Harbour officials", "Port officials").replace("six months", "seven months");
        let extended = format!("{STORY} Works are expected to finish before the regatta in August.");
        (edited, extended)
    }

    #[test]
    fn near_duplicates_cluster() {
        let (edited, extended) = near_duplicates();
        let curly = STORY.replace("1911,", "1911 —").replace("The bridge", "“The bridge").to_uppercase();
        let docs = [
            doc(10, 20_000, STORY),
            doc(11, 20_001, &edited),
            doc(12, 20_000, &extended),
            doc(13, 20_002, &curly),
        ];
        let c = clusters(&docs, &ClusterOptions::default());
        assert_eq!(c, vec![vec![10, 11, 12, 13]]);
    }

    #[test]
    fn different_stories_on_same_topic_stay_apart() {
        let docs = [doc(1, 100, STORY), doc(2, 100, OTHER_STORY)];
        assert!(clusters(&docs, &ClusterOptions::default()).is_empty());
    }

    #[test]
    fn date_window_is_respected() {
        let (edited, _) = near_duplicates();
        let far = [doc(1, 500, STORY), doc(2, 510, &edited)];
        assert!(clusters(&far, &ClusterOptions::default()).is_empty());
        let near = [doc(1, 500, STORY), doc(2, 497, &edited)];
        assert_eq!(clusters(&near, &ClusterOptions::default()), vec![vec![1, 2]]);
        let strict = ClusterOptions { max_days_apart: 0, ..ClusterOptions::default() };
        assert!(clusters(&near, &strict).is_empty());
    }

    #[test]
    fn output_is_deterministic_and_ordered() {
        let (edited, extended) = near_duplicates();
        let other_edit = OTHER_STORY.replace("three electric buses", "four electric buses");
        let docs = vec![
            doc(7, 9, &extended),
            doc(3, 9, OTHER_STORY),
            doc(5, 9, STORY),
            doc(1, 10, &other_edit),
            doc(9, 8, &edited),
            doc(4, 9, "A short unrelated note about a village fete."),
        ];
        let expected = vec![vec![1, 3], vec![5, 7, 9]];
        assert_eq!(clusters(&docs, &ClusterOptions::default()), expected);
        let mut reversed = docs.clone();
        reversed.reverse();
        assert_eq!(clusters(&reversed, &ClusterOptions::default()), expected);
        assert_eq!(clusters(&docs, &ClusterOptions::default()), expected);
    }

    #[test]
    fn bands_follow_edits_as_a_full_clustering_does() {
        let (edited, extended) = near_duplicates();
        let other_edit = OTHER_STORY.replace("three electric buses", "four electric buses");
        // Sixty copies of one story on one day make a bucket longer than its comparison window,
        // where moving one entry changes which others are compared.
        let mut texts: Vec<String> = vec![STORY.to_string(); 60];
        texts.extend([edited.clone(), extended.clone(), OTHER_STORY.to_string(), other_edit.clone()]);
        texts.push("A short unrelated note about a village fete.".to_string());
        let sign = |text: &str| signature(text, 3);
        let mut signatures: Vec<Option<Signature>> = texts.iter().map(|text| sign(text)).collect();
        let days: Vec<i64> =
            (0..texts.len()).map(|i| if i < 60 { 100 } else { 100 + (i as i64 % 5) }).collect();
        fn docs<'a>(signatures: &'a [Option<Signature>], days: &[i64]) -> Vec<SignedDoc<'a>> {
            signatures
                .iter()
                .enumerate()
                .map(|(i, signature)| SignedDoc { id: i, day: days[i], signature: signature.as_ref() })
                .collect()
        }
        let options = ClusterOptions::default();
        let mut bands = Bands::new(&docs(&signatures, &days), &options);
        assert_eq!(bands.clusters(), cluster_signatures(&docs(&signatures, &days), &options));
        let edits: [(usize, Option<&str>); 8] = [
            (30, Some(OTHER_STORY)),       // leaves the big cluster for the other story
            (62, Some(STORY)),             // the other story's copy becomes this story
            (64, Some(extended.as_str())), // the unrelated note joins the story
            (63, None),                    // a text with no words
            (30, Some(STORY)),             // and back
            (63, Some(other_edit.as_str())),
            (0, Some("Nothing like the others.")),
            (64, Some("A short unrelated note about a village fete.")),
        ];
        for (index, text) in edits {
            signatures[index] = text.and_then(sign);
            bands.replace(index, signatures[index].clone());
            let full = cluster_signatures(&docs(&signatures, &days), &options);
            assert_eq!(bands.clusters(), full, "after editing document {index}");
            let fresh = Bands::new(&docs(&signatures, &days), &options);
            assert!(bands.bands == fresh.bands, "the entries as if made afresh, after editing {index}");
            assert!(bands.links == fresh.links, "the links as if found afresh, after editing {index}");
        }
        // The other story's one copy left it, and the first copy became something else.
        assert_eq!(bands.clusters(), vec![(1..=62).collect::<Vec<usize>>()]);
    }

    #[test]
    fn stable_hash_values() {
        // Guards against accidental changes to the hashing scheme, which would
        // silently change clusters between builds.
        assert_eq!(fnv1a(b"gazette"), 0xdc0a_e4a8_a5d2_c78f);
        assert_eq!(mix64(1), 0x5692_161d_100b_05e5);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let weird = ["", "   ", "’’’", "one", "ÀÉÎ ß ﬁ İ 東京 🌀", "a a a a a a a a a a a a a a a a"];
        let docs: Vec<Doc<'_>> = weird
            .iter()
            .enumerate()
            .map(|(i, t)| doc(i, i64::MAX - i as i64, t))
            .chain([doc(99, i64::MIN, "a a a"), doc(99, i64::MIN, "a a a")])
            .collect();
        for threshold in [0.0, 0.5, 1.0, 2.0, -1.0, f64::NAN, f64::INFINITY] {
            for shingle in [0, 1, 3, 50] {
                for max_days_apart in [i64::MIN, -1, 0, 3, i64::MAX] {
                    let o = ClusterOptions { threshold, shingle, max_days_apart };
                    for g in clusters(&docs, &o) {
                        assert!(g.len() >= 2 && g.windows(2).all(|w| w[0] < w[1]));
                    }
                }
            }
        }
        assert!(clusters(&[], &ClusterOptions::default()).is_empty());
        // Same id twice, identical text: one id is not a cluster.
        let dup = [doc(99, 0, "a a a"), doc(99, 0, "a a a")];
        assert!(clusters(&dup, &ClusterOptions::default()).is_empty());
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date.
    fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }
}
