//! One article, fully resolved: every field the templates and feeds need, nothing left to guess.

use std::collections::BTreeMap;

use jiff::ZonedDateTime;
use serde::{Deserialize, Serialize};

/// Where an article's date came from, most trusted first (ingest compares them: a date from
/// `Dateline` on gives way to a day the path names). Shown by `import` and kept in front matter
/// so a reader of the Markdown knows whether the date was written or guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// `date:` in front matter.
    Explicit,
    /// A `YYYY-MM-DD-` file-name prefix.
    FileName,
    /// `YYYY/MM/DD/` folders.
    Folders,
    /// A dated dateline in the text (`Feb. 23, 2015 --`).
    Dateline,
    /// A date on a line of its own near the top of the text (`Feb. 21, 2019`).
    Stamp,
    /// The date in an embedded post's signature (the article is at least that recent).
    EmbedSignature,
    /// `YYYY/MM/` folders, which name the month but not the day: the first of the month, with a
    /// warning.
    MonthFolders,
    /// The file's modification time: a last resort, with a warning.
    Modified,
}

impl DateSource {
    /// The name written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Explicit => "explicit",
            DateSource::FileName => "file_name",
            DateSource::Folders => "folders",
            DateSource::Dateline => "dateline",
            DateSource::Stamp => "stamp",
            DateSource::EmbedSignature => "embed_signature",
            DateSource::MonthFolders => "month_folders",
            DateSource::Modified => "modified",
        }
    }
}

/// A resolved article. Built by `ingest`, read by everything after it; kept between builds by
/// the ingest cache (hence serde, for everything but the body and signature).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Path relative to the content folder, `/`-separated.
    pub source_path: String,
    /// URL slug, unique within its day once the site is assembled.
    pub slug: String,
    /// True when the front matter set `slug:`: a URL someone chose, which keeps it over a slug
    /// derived from another file's name, and which two articles cannot both have.
    #[serde(default)]
    pub slug_chosen: bool,
    /// Headline.
    pub title: String,
    /// True when the headline was derived from the lede.
    pub title_inferred: bool,
    /// Publication time, in the site's time zone.
    pub date: ZonedDateTime,
    /// Where `date` came from.
    pub date_source: DateSource,
    /// Last update, if given.
    pub updated: Option<ZonedDateTime>,
    /// Hidden before this time.
    pub publish_date: Option<ZonedDateTime>,
    /// Hidden after this time.
    pub expiry_date: Option<ZonedDateTime>,
    /// Drafts are only built with `--drafts`.
    pub draft: bool,
    /// Author names.
    pub authors: Vec<String>,
    /// Dateline, if the story opens with one.
    pub dateline: Option<Dateline>,
    /// Publisher.
    pub source: Option<String>,
    /// The address of the original article, when a clipping's header or front matter gives it.
    pub source_url: Option<String>,
    /// Plain-text summary.
    pub summary: String,
    /// The page's description for search engines and link previews when front matter gives one
    /// beside the summary (Hugo's `description:`); else the summary is.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether the body's text says the summary word for word (as a summary taken from the lede
    /// does), so an article page need not print it twice.
    pub summary_in_body: bool,
    /// Tags: the ones written in front matter, then (once the site is assembled) the automatic
    /// ones that enough articles share.
    pub tags: Vec<String>,
    /// Automatic tags found in the text, before the site decides which are shared enough.
    pub auto_tags: Vec<String>,
    /// Language tag when known.
    pub lang: Option<String>,
    /// Words in the body.
    pub word_count: usize,
    /// Minutes to read.
    pub reading_time: usize,
    /// Photos and credits.
    pub images: Vec<Image>,
    /// Quoted social posts.
    pub embeds: Vec<Embed>,
    /// The body as Markdown (converted from text for `.txt` articles). Shared, because the dev
    /// server keeps every article and copies the list on each rebuild: bodies are most of it.
    /// The ingest cache stores it as raw bytes beside the rest, hence not serialized.
    #[serde(skip)]
    pub body_markdown: std::sync::Arc<str>,
    /// Output paths of pages that redirect to this one (`old/url/index.html`), from `aliases:`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Front-matter keys Gazette does not know, for templates.
    pub extra: BTreeMap<String, serde_json::Value>,
    /// MinHash signature of the text, for story clusters (computed once, at ingest). Stored by
    /// the ingest cache as raw bytes, like the body.
    #[serde(skip)]
    pub signature: Option<super::cluster::Signature>,
    /// The other files of the article's page bundle (photos, PDFs), published in its folder. Set
    /// from each walk of the content folder rather than kept with the article, so a photo added
    /// beside an unchanged article is seen.
    #[serde(skip)]
    pub bundle_files: Vec<crate::discover::BundleFile>,
}

impl Article {
    /// Hugo's `images:` name files of the site's `static/` folder (`images/council.jpg` is
    /// `/images/council.jpg`), where Gazette reads a relative path from the article's folder: a
    /// relative path that is none of the bundle's files but is a file in `static_dir` is made a
    /// path from the site's root, so the photo shows and link previews find it. Done on every
    /// build, not at ingest, as the static folder is no part of the article's file.
    pub fn find_images_in_static(&mut self, static_dir: &std::path::Path) {
        for image in &mut self.images {
            let Some(src) = &image.src else { continue };
            let relative = !src.starts_with('/') && !src.contains(':');
            if relative
                && !self.bundle_files.iter().any(|file| file.name == *src)
                && static_dir.join(src).is_file()
            {
                image.src = Some(format!("/{src}"));
            }
        }
    }

    /// The article's folder under the output root: `YYYY/MM/DD/slug/`.
    pub fn site_path(&self) -> String {
        // Asked for tens of times per article (cards, feeds, sitemaps, search): no format string.
        let mut path = String::with_capacity(12 + self.slug.len());
        push_day_path(&mut path, &self.date);
        path.push_str(&self.slug);
        path.push('/');
        path
    }
}

/// Lowercase letters and digits joined by single hyphens, at most 80 bytes: a URL made from a
/// long headline or a clipping tool's file name stays readable. Every path separator and dot is
/// dropped, so a slug can never name a parent folder or leave the output. Articles' slugs are
/// made so, and never change for a given title or file name.
pub fn slugify(text: &str) -> String {
    slug(text, false, MADE_SLUG_BYTES)
}

/// [`slugify`] for a `slug:` a user wrote, cut only where a file system would refuse the folder
/// name: the URL chosen is the URL given. Cut at 80 bytes as a made slug is, `…-for` and
/// `…-for-2` were one URL, and two articles that chose different slugs were refused.
pub fn chosen_slug(text: &str) -> String {
    slug(text, false, CHOSEN_SLUG_BYTES)
}

/// Longest slug made from a title or file name, in bytes.
const MADE_SLUG_BYTES: usize = 80;

/// Longest slug a user may choose, in bytes: under the 255 bytes file systems allow a folder's
/// name, with room for the `-2` a clash would add.
const CHOSEN_SLUG_BYTES: usize = 240;

/// [`slugify`] for a topic, author or source, where initials written with periods run together
/// as they do without ("U.S." and "J. K." give "us" and "jk", as "US" and "JK" do), so one name's
/// spellings share one page.
pub fn term_slug(text: &str) -> String {
    slug(text, true, MADE_SLUG_BYTES)
}

fn slug(text: &str, join_initials: bool, max_bytes: usize) -> String {
    // `café` is one character on Linux and Windows, but `e` and a combining accent in names macOS
    // wrote: composed first, a file gives one slug wherever the site is built.
    let composed: std::borrow::Cow<'_, str> = if text.is_ascii() || unicode_normalization::is_nfc(text) {
        text.into()
    } else {
        unicode_normalization::UnicodeNormalization::nfc(text).collect::<String>().into()
    };
    let text = composed.as_ref();
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    // Letters and digits in the current word, and whether the word before the separator now
    // being read was one letter followed by a period.
    let mut word_len = 0usize;
    let mut word_is_letter = false;
    let mut after_initial = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            if word_len == 0 {
                let single_letter = c.is_alphabetic()
                    && !chars.peek().is_some_and(|&next| next.is_alphanumeric() || is_apostrophe(next));
                if pending_hyphen && !slug.is_empty() && !(join_initials && after_initial && single_letter) {
                    slug.push('-');
                }
                word_is_letter = c.is_alphabetic();
                after_initial = false;
            }
            word_len += 1;
            pending_hyphen = false;
            if c.is_ascii() {
                slug.push(c.to_ascii_lowercase());
            } else if c == 'İ' {
                // Turkish capital I with a dot lower-cases to `i` and a combining dot, which
                // makes the slug of "İzmir" look like "i̇zmir".
                slug.push('i');
            } else {
                slug.extend(c.to_lowercase());
            }
        } else if !is_apostrophe(c) {
            if word_len > 0 {
                after_initial = c == '.' && word_len == 1 && word_is_letter;
            }
            word_len = 0;
            pending_hyphen = true;
        }
        if slug.len() >= max_bytes {
            break;
        }
    }
    slug
}

/// Apostrophes join the letters around them ("O’Neill" slugs as "oneill").
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// `2025-09-12T08:30:00-05:00`: how dates are written for machines everywhere (front matter,
/// feeds, JSON-LD, `<time datetime>`).
pub fn rfc3339(date: &ZonedDateTime) -> String {
    const FORMAT: &str = "%Y-%m-%dT%H:%M:%S%:z";
    // Written digit by digit: a build formats tens of thousands of dates (feeds, cards, JSON-LD),
    // and interpreting the format string each time was 1.3% of a build. Years past four digits
    // and offsets with seconds are left to jiff.
    let Some((year, offset_minutes)) = plain_year_and_offset(date) else {
        return date.strftime(FORMAT).to_string();
    };
    let mut out = String::with_capacity(25);
    push_date(&mut out, year, date);
    out.push('T');
    push_time(&mut out, date);
    out.push(if offset_minutes < 0 { '-' } else { '+' });
    let minutes = offset_minutes.unsigned_abs();
    crate::text::push_padded(&mut out, minutes / 60, 2);
    out.push(':');
    crate::text::push_padded(&mut out, minutes % 60, 2);
    out
}

/// The year of `date` when it has at most four digits, as the digit-by-digit date writers spell
/// it; other years go to `strftime` or `format!`.
pub(crate) fn four_digit_year(date: &ZonedDateTime) -> Option<u32> {
    u32::try_from(date.year()).ok().filter(|&year| year <= 9999)
}

/// The year and the UTC offset in minutes of `date`, when the digit-by-digit date writers can
/// spell both: a four-digit year and an offset without seconds (those are historical local mean
/// times).
pub(crate) fn plain_year_and_offset(date: &ZonedDateTime) -> Option<(u32, i32)> {
    let seconds = date.offset().seconds();
    let year = four_digit_year(date)?;
    (seconds % 60 == 0).then_some((year, seconds / 60))
}

/// `YYYY-MM-DD`.
fn push_date(out: &mut String, year: u32, date: &ZonedDateTime) {
    crate::text::push_padded(out, year, 4);
    out.push('-');
    crate::text::push_padded(out, date.month().unsigned_abs().into(), 2);
    out.push('-');
    crate::text::push_padded(out, date.day().unsigned_abs().into(), 2);
}

/// `HH:MM:SS`.
pub(crate) fn push_time(out: &mut String, date: &ZonedDateTime) {
    crate::text::push_padded(out, date.hour().unsigned_abs().into(), 2);
    out.push(':');
    crate::text::push_padded(out, date.minute().unsigned_abs().into(), 2);
    out.push(':');
    crate::text::push_padded(out, date.second().unsigned_abs().into(), 2);
}

/// The folder of a day's digest: `YYYY/MM/DD/`.
pub fn day_path(date: &ZonedDateTime) -> String {
    let mut path = String::with_capacity(11);
    push_day_path(&mut path, date);
    path
}

/// Appends [`day_path`] to `out`.
fn push_day_path(out: &mut String, date: &ZonedDateTime) {
    match four_digit_year(date) {
        Some(year) => crate::text::push_padded(out, year, 4),
        None => out.push_str(&format!("{:04}", date.year())),
    }
    out.push('/');
    crate::text::push_padded(out, date.month().unsigned_abs().into(), 2);
    out.push('/');
    crate::text::push_padded(out, date.day().unsigned_abs().into(), 2);
    out.push('/');
}

/// A dateline such as `WASHINGTON (AP) —`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dateline {
    /// The place, as written (`WASHINGTON`).
    pub place: String,
    /// The agency in brackets, if any (`AP`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// A date given in the dateline (`Sept. 5`), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The whole dateline as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A photo (possibly removed from the text) with its caption and credit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// Image URL or site path, when there is an image file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    /// Alternative text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// Caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Photographer and agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

/// A social-media post quoted in the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Embed {
    /// `twitter`, `instagram`, ...
    pub platform: String,
    /// Display name of the poster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Handle without the `@`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// Date as written in the post's signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Link to the post or the poster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Refuses output paths that could land outside the output folder: empty, absolute, with `..`,
/// `.` or empty segments, backslashes or NUL. Asked of every file written and of every alias.
pub fn check_output_path(path: &str) -> Result<(), String> {
    let bad = path.is_empty()
        || path.starts_with('/')
        || path.contains('\\')
        || path.contains('\0')
        || path.split('/').any(|segment| segment == ".." || segment == "." || segment.is_empty());
    if bad { Err(format!("refusing to write outside the output folder: `{path}`")) } else { Ok(()) }
}
