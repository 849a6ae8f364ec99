//! RSS 2.0, Atom 1.0 and JSON Feed 1.1 from one list of [`FeedItem`]s, plus sitemaps, robots.txt
//! and the redirect pages of articles' old URLs.
//!
//! Written in code rather than templates: feeds are read by machines, and the rules (XML escaping,
//! characters XML forbids, RFC 822 versus RFC 3339 dates, required elements) are easy to get wrong
//! in a template and impossible for a theme to improve. Every feed of the site (whole site, each
//! tag, source and author, digests) goes through the same three writers.

use std::borrow::Cow;
use std::fmt::Write as _;

use jiff::ZonedDateTime;

use crate::text::{bytes_below, bytes_equal, find_byte, splat};

/// One entry of a feed. It borrows what it can from the article: every article is an item of
/// several feeds (the site's, each of its tags', its source's and authors', in three formats).
#[derive(Debug, Clone)]
pub struct FeedItem<'a> {
    /// Absolute URL, also the item's stable id.
    pub url: String,
    /// Title.
    pub title: Cow<'a, str>,
    /// First publication.
    pub published: &'a ZonedDateTime,
    /// Last change.
    pub updated: &'a ZonedDateTime,
    /// Plain-text summary.
    pub summary: Cow<'a, str>,
    /// Full HTML, when the feed carries it.
    pub content_html: Option<String>,
    /// Author names.
    pub authors: &'a [String],
    /// Categories, named as their tag pages are (`U.S.` in every item, not one story's `US`).
    pub tags: Vec<&'a str>,
    /// Lead image (absolute URL), for enclosures and attachments.
    pub image: Option<String>,
    /// The original article a clipping reproduces (`source_url:`): JSON Feed's `external_url`
    /// and Atom's `rel="via"` link.
    pub external_url: Option<&'a str>,
}

/// What a feed is about.
#[derive(Debug, Clone)]
pub struct FeedMeta {
    /// Feed title.
    pub title: String,
    /// Feed description.
    pub description: String,
    /// Absolute URL of the HTML page the feed belongs to.
    pub home_url: String,
    /// Absolute URL of the folder holding `rss.xml`, `atom.xml` and `feed.json`.
    pub feed_base: String,
    /// Language tag.
    pub language: String,
    /// Name used as the feed-level author (Atom requires one).
    pub publisher: String,
}

/// Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry
/// (control characters, lone surrogates cannot occur in `str`, U+FFFE and U+FFFF).
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    escape_into(&mut out, text);
    out
}

/// `open`, `text` escaped as [`xml_escape`] does, then `close`, appended to `out`: how feeds and
/// sitemaps write each element, without a string per value or a format string to interpret.
pub fn push_escaped(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    escape_into(out, text);
    out.push_str(close);
}

/// [`xml_escape`], appending to `out`.
fn escape_into(out: &mut String, text: &str) {
    // Feeds and sitemaps escape every title and summary: find the bytes that need work with a
    // table and copy the runs between them.
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut from = 0;
    while let Some(at) = find_byte(bytes, from, may_need_xml_escape, |b| XML_SPECIAL[usize::from(b)]) {
        let (replacement, width) = match bytes[at] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&apos;", 1),
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF; other characters starting EF stay.
            0xEF if !matches!(bytes.get(at + 1..at + 3), Some([0xBF, 0xBE | 0xBF])) => {
                from = at + 1;
                continue;
            }
            0xEF => ("", 3),
            _ => ("", 1),
        };
        out.push_str(&text[copied..at]);
        out.push_str(replacement);
        copied = at + width;
        from = copied;
    }
    out.push_str(&text[copied..]);
}

/// Flags, eight bytes at a time, a superset of [`XML_SPECIAL`]: bytes below 0x20, `"` `#` `&`
/// `'` (`| 5` is 0x27 for exactly those), `<` `>` (`| 2` is 0x3E), and 0xEF.
fn may_need_xml_escape(chunk: u64) -> u64 {
    bytes_below(chunk, 0x20)
        | bytes_equal(chunk | splat(0x05), 0x27)
        | bytes_equal(chunk | splat(0x02), 0x3E)
        | bytes_equal(chunk, 0xEF)
}

/// Bytes [`xml_escape`] must look at: markup characters, control characters other than tab,
/// line feed and carriage return, and 0xEF, the first byte of U+FFFE and U+FFFF.
static XML_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = !matches!(byte, 0x09 | 0x0A | 0x0D);
        byte += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[0xEF] = true;
    table
};

/// `Fri, 12 Sep 2025 08:30:00 -0500`.
pub fn rfc822(date: &ZonedDateTime) -> String {
    const FORMAT: &str = "%a, %d %b %Y %H:%M:%S %z";
    // RFC 822 names, English whatever the site's language.
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    // Written directly, as `rfc3339` is: one per feed item and format.
    let Some((year, offset_minutes)) = crate::model::plain_year_and_offset(date) else {
        return date.strftime(FORMAT).to_string();
    };
    let mut out = String::with_capacity(31);
    out.push_str(DAYS[usize::from(date.weekday().to_monday_zero_offset().unsigned_abs())]);
    out.push_str(", ");
    crate::text::push_padded(&mut out, date.day().unsigned_abs().into(), 2);
    out.push(' ');
    out.push_str(MONTHS[usize::from(date.month().unsigned_abs()) - 1]);
    out.push(' ');
    crate::text::push_padded(&mut out, year, 4);
    out.push(' ');
    crate::model::push_time(&mut out, date);
    out.push(' ');
    out.push(if offset_minutes < 0 { '-' } else { '+' });
    let minutes = offset_minutes.unsigned_abs();
    crate::text::push_padded(&mut out, minutes / 60 * 100 + minutes % 60, 4);
    out
}

pub use crate::model::rfc3339;

fn newest<'a>(items: &[FeedItem<'a>]) -> Option<&'a ZonedDateTime> {
    items.iter().map(|i| i.updated).max()
}

fn image_type(url: &str) -> &'static str {
    let lower = url.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or_default();
    match path.rsplit('.').next() {
        Some("png") => "image/png",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("svg") => "image/svg+xml",
        _ => "image/jpeg",
    }
}

/// An RSS 2.0 document.
pub fn rss(meta: &FeedMeta, items: &[FeedItem<'_>]) -> String {
    let mut out = String::with_capacity(1024 + items.len() * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
    push_escaped(&mut out, "<title>", &meta.title, "</title>\n");
    push_escaped(&mut out, "<link>", &meta.home_url, "</link>\n");
    let description = if meta.description.is_empty() { &meta.title } else { &meta.description };
    push_escaped(&mut out, "<description>", description, "</description>\n");
    push_escaped(&mut out, "<language>", &meta.language, "</language>\n");
    let _ = writeln!(out, "<generator>Gazette</generator>");
    push_escaped(
        &mut out,
        "<atom:link href=\"",
        &meta.feed_base,
        "rss.xml\" rel=\"self\" type=\"application/rss+xml\"/>\n",
    );
    if let Some(date) = newest(items) {
        let _ = writeln!(out, "<lastBuildDate>{}</lastBuildDate>", rfc822(date));
    }
    for item in items {
        out.push_str("<item>\n");
        push_escaped(&mut out, "<title>", &item.title, "</title>\n");
        push_escaped(&mut out, "<link>", &item.url, "</link>\n");
        push_escaped(&mut out, "<guid isPermaLink=\"true\">", &item.url, "</guid>\n");
        let _ = writeln!(out, "<pubDate>{}</pubDate>", rfc822(item.published));
        push_escaped(&mut out, "<description>", &item.summary, "</description>\n");
        if let Some(html) = &item.content_html {
            push_escaped(&mut out, "<content:encoded>", html, "</content:encoded>\n");
        }
        for author in item.authors {
            push_escaped(&mut out, "<dc:creator>", author, "</dc:creator>\n");
        }
        for tag in &item.tags {
            push_escaped(&mut out, "<category>", tag, "</category>\n");
        }
        if let Some(image) = &item.image {
            let _ = writeln!(
                out,
                "<enclosure url=\"{}\" type=\"{}\" length=\"0\"/>",
                xml_escape(image),
                image_type(image)
            );
        }
        out.push_str("</item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

/// An Atom 1.0 document.
pub fn atom(meta: &FeedMeta, items: &[FeedItem<'_>]) -> String {
    let mut out = String::with_capacity(1024 + items.len() * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    push_escaped(
        &mut out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"",
        &meta.language,
        "\">\n",
    );
    push_escaped(&mut out, "<title>", &meta.title, "</title>\n");
    if !meta.description.is_empty() {
        push_escaped(&mut out, "<subtitle>", &meta.description, "</subtitle>\n");
    }
    push_escaped(&mut out, "<link href=\"", &meta.home_url, "\" rel=\"alternate\" type=\"text/html\"/>\n");
    push_escaped(
        &mut out,
        "<link href=\"",
        &meta.feed_base,
        "atom.xml\" rel=\"self\" type=\"application/atom+xml\"/>\n",
    );
    push_escaped(&mut out, "<id>", &meta.feed_base, "atom.xml</id>\n");
    let updated = newest(items).map(rfc3339).unwrap_or_else(|| "1970-01-01T00:00:00+00:00".to_string());
    let _ = writeln!(out, "<updated>{updated}</updated>");
    push_escaped(&mut out, "<author><name>", &meta.publisher, "</name></author>\n");
    let _ = writeln!(out, "<generator>Gazette</generator>");
    for item in items {
        out.push_str("<entry>\n");
        push_escaped(&mut out, "<title>", &item.title, "</title>\n");
        push_escaped(&mut out, "<link href=\"", &item.url, "\" rel=\"alternate\" type=\"text/html\"/>\n");
        if let Some(original) = item.external_url {
            push_escaped(&mut out, "<link href=\"", original, "\" rel=\"via\"/>\n");
        }
        push_escaped(&mut out, "<id>", &item.url, "</id>\n");
        let _ = writeln!(out, "<published>{}</published>", rfc3339(item.published));
        let _ = writeln!(out, "<updated>{}</updated>", rfc3339(item.updated));
        for author in item.authors {
            push_escaped(&mut out, "<author><name>", author, "</name></author>\n");
        }
        push_escaped(&mut out, "<summary type=\"text\">", &item.summary, "</summary>\n");
        if let Some(html) = &item.content_html {
            push_escaped(&mut out, "<content type=\"html\">", html, "</content>\n");
        }
        for tag in &item.tags {
            push_escaped(&mut out, "<category term=\"", tag, "\"/>\n");
        }
        if let Some(image) = &item.image {
            let _ = writeln!(
                out,
                "<link rel=\"enclosure\" href=\"{}\" type=\"{}\"/>",
                xml_escape(image),
                image_type(image)
            );
        }
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// A JSON Feed 1.1 document, laid out as serde_json's pretty printer lays it out (two-space
/// indent, `"key": value`), but written straight into one string: a feed per tag, source and
/// author made serde's per-value machinery the largest part of writing feeds.
pub fn json_feed(meta: &FeedMeta, items: &[FeedItem<'_>]) -> String {
    let mut json = PrettyJson::with_capacity(1024 + items.len() * 1536);
    json.open(None, '{');
    json.string(Some("version"), "https://jsonfeed.org/version/1.1");
    json.string(Some("title"), &meta.title);
    json.string(Some("home_page_url"), &meta.home_url);
    json.key(Some("feed_url"));
    json.out.push('"');
    escape_json_into(&mut json.out, &meta.feed_base);
    json.out.push_str("feed.json\"");
    if !meta.description.is_empty() {
        json.string(Some("description"), &meta.description);
    }
    json.string(Some("language"), &meta.language);
    json.open(Some("authors"), '[');
    json.open(None, '{');
    json.string(Some("name"), &meta.publisher);
    json.close('}');
    json.close(']');
    json.open(Some("items"), '[');
    for item in items {
        json.open(None, '{');
        json.string(Some("id"), &item.url);
        json.string(Some("url"), &item.url);
        if let Some(original) = item.external_url {
            json.string(Some("external_url"), original);
        }
        json.string(Some("title"), &item.title);
        match &item.content_html {
            Some(html) => json.string(Some("content_html"), html),
            None => json.string(Some("content_text"), &item.summary),
        }
        json.string(Some("summary"), &item.summary);
        json.string(Some("date_published"), &rfc3339(item.published));
        json.string(Some("date_modified"), &rfc3339(item.updated));
        if !item.authors.is_empty() {
            json.open(Some("authors"), '[');
            for name in item.authors {
                json.open(None, '{');
                json.string(Some("name"), name);
                json.close('}');
            }
            json.close(']');
        }
        if !item.tags.is_empty() {
            json.open(Some("tags"), '[');
            for tag in &item.tags {
                json.string(None, tag);
            }
            json.close(']');
        }
        if let Some(image) = &item.image {
            json.string(Some("image"), image);
            json.open(Some("attachments"), '[');
            json.open(None, '{');
            json.string(Some("url"), image);
            json.string(Some("mime_type"), image_type(image));
            json.close('}');
            json.close(']');
        }
        json.close('}');
    }
    json.close(']');
    json.close('}');
    json.out.push('\n');
    json.out
}

/// Writes pretty-printed JSON value by value: the caller says where objects and arrays open and
/// close, this adds the commas, line breaks and indentation.
struct PrettyJson {
    out: String,
    depth: usize,
    /// No value written yet in the innermost open object or array.
    first: bool,
}

impl PrettyJson {
    fn with_capacity(capacity: usize) -> PrettyJson {
        PrettyJson { out: String::with_capacity(capacity), depth: 0, first: true }
    }

    /// Starts the next value of the innermost container, with its key inside an object.
    fn key(&mut self, key: Option<&str>) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        if self.depth > 0 {
            self.newline();
        }
        if let Some(key) = key {
            self.out.push('"');
            escape_json_into(&mut self.out, key);
            self.out.push_str("\": ");
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn string(&mut self, key: Option<&str>, value: &str) {
        self.key(key);
        self.out.push('"');
        escape_json_into(&mut self.out, value);
        self.out.push('"');
    }

    fn open(&mut self, key: Option<&str>, bracket: char) {
        self.key(key);
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    /// Closes the innermost container; an empty one stays on one line (`[]`).
    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }
}

/// Appends `text` escaped for a JSON string as serde_json escapes it: quote, backslash and the
/// control characters, the common ones by their short names; everything else as it is.
pub(super) fn escape_json_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    let mut copied = 0;
    let may_need_escape =
        |chunk| bytes_below(chunk, 0x20) | bytes_equal(chunk, b'"') | bytes_equal(chunk, b'\\');
    let needs_escape = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    while let Some(at) = find_byte(bytes, copied, may_need_escape, needs_escape) {
        out.push_str(&text[copied..at]);
        match bytes[at] {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0C => out.push_str("\\f"),
            byte => {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xF)]));
            }
        }
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
}

/// One URL in a sitemap.
#[derive(Debug, Clone)]
pub struct SitemapEntry {
    /// Absolute URL.
    pub url: String,
    /// Last modification, when known.
    pub lastmod: Option<String>,
}

/// The sitemap protocol's limit of URLs per file.
pub const SITEMAP_LIMIT: usize = 50_000;

/// A `<urlset>` sitemap.
pub fn sitemap(entries: &[SitemapEntry]) -> String {
    let mut out = String::with_capacity(128 + entries.len() * 96);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for entry in entries {
        push_escaped(&mut out, "<url><loc>", &entry.url, "</loc>");
        if let Some(lastmod) = &entry.lastmod {
            let _ = write!(out, "<lastmod>{lastmod}</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// A `<sitemapindex>` pointing at part files.
pub fn sitemap_index(part_urls: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in part_urls {
        push_escaped(&mut out, "<sitemap><loc>", url, "</loc></sitemap>\n");
    }
    out.push_str("</sitemapindex>\n");
    out
}

/// An article in a Google News sitemap.
#[derive(Debug, Clone)]
pub struct NewsEntry {
    /// Absolute URL.
    pub url: String,
    /// Headline.
    pub title: String,
    /// Publication time.
    pub published: ZonedDateTime,
    /// Language of the article.
    pub language: String,
}

/// Google's limit of articles in a News sitemap.
pub const NEWS_SITEMAP_LIMIT: usize = 1_000;

/// A Google News sitemap (articles of the last two days, newest first, at most 1,000).
pub fn news_sitemap(publication: &str, entries: &[NewsEntry]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    for entry in entries.iter().take(NEWS_SITEMAP_LIMIT) {
        let _ = writeln!(
            out,
            "<url><loc>{}</loc><news:news><news:publication><news:name>{}</news:name><news:language>{}</news:language></news:publication><news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>",
            xml_escape(&entry.url),
            xml_escape(publication),
            xml_escape(&entry.language),
            rfc3339(&entry.published),
            xml_escape(&entry.title)
        );
    }
    out.push_str("</urlset>\n");
    out
}

/// robots.txt allowing everything and naming the sitemaps.
pub fn robots(base_url: &str) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\nSitemap: {base_url}news-sitemap.xml\n"
    )
}

/// The page left at an article's old URL: it sends browsers on at once (`refresh`), tells search
/// engines where the article lives now (`canonical`, `noindex`), and links to it for anything
/// else, as Hugo's and Zola's alias pages do.
pub fn redirect_page(url: &str, title: &str, language: &str) -> String {
    let (url, title, language) = (xml_escape(url), xml_escape(title), xml_escape(language));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <link rel=\"canonical\" href=\"{url}\">\n<meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={url}\">\n</head>\n<body>\n\
         <p>This story has moved: <a href=\"{url}\">{title}</a>.</p>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaping rule, one character at a time.
    fn xml_escape_slowly(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                '\t' | '\n' | '\r' => out.push(c),
                c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
                c => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn escaping_copies_runs_as_the_rule_says(text in "(\\PC|[&<>\"'\\x00-\\x1f]|\u{FFFE}|\u{FFFF}|\u{FFFD}|\u{F8FF}|\u{FFBF}|\u{FB01}|[\x7f\u{80}-\u{9f}]){0,40}") {
            proptest::prop_assert_eq!(xml_escape(&text), xml_escape_slowly(&text));
        }
    }

    #[test]
    fn escaping_removes_what_xml_cannot_carry() {
        assert_eq!(
            xml_escape("a & b <c> \"d\" 'e' ]]> \u{1}\u{FFFF}😀"),
            "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; ]]&gt; 😀"
        );
    }

    proptest::proptest! {
        /// The hand-written date formats (and day folders) say what `strftime` (and `format!`) say, for any year jiff knows and
        /// any offset (offsets with seconds and years past four digits go to `strftime` itself).
        #[test]
        fn dates_match_strftime(
            second in -377_705_116_800_i64..=253_402_207_200,
            offset in proptest::prop_oneof![
                proptest::strategy::Strategy::prop_map(-1_499_i32..=1_499, |minutes| minutes * 60),
                -93_599_i32..=93_599,
            ],
        ) {
            let zone = jiff::tz::TimeZone::fixed(jiff::tz::Offset::from_seconds(offset).unwrap());
            let date = jiff::Timestamp::from_second(second).unwrap().to_zoned_datetime(zone);
            proptest::prop_assert_eq!(rfc3339(&date), date.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string());
            proptest::prop_assert_eq!(rfc822(&date), date.strftime("%a, %d %b %Y %H:%M:%S %z").to_string());
            proptest::prop_assert_eq!(
                crate::render::views::display_date(&date, "en"),
                date.strftime("%-d %B %Y").to_string()
            );
            proptest::prop_assert_eq!(
                crate::model::day_path(&date),
                format!("{:04}/{:02}/{:02}/", date.year(), date.month(), date.day())
            );
        }
    }

    /// The JSON Feed as serde_json's pretty printer writes it, from the structs the feed was
    /// first written with: what [`json_feed`] must equal.
    fn json_feed_by_serde(meta: &FeedMeta, items: &[FeedItem<'_>]) -> String {
        use serde::Serialize;
        #[derive(Serialize)]
        struct JsonFeed<'a> {
            version: &'static str,
            title: &'a str,
            home_page_url: &'a str,
            feed_url: String,
            #[serde(skip_serializing_if = "str::is_empty")]
            description: &'a str,
            language: &'a str,
            authors: [JsonAuthor<'a>; 1],
            items: Vec<JsonItem<'a>>,
        }
        #[derive(Serialize)]
        struct JsonAuthor<'a> {
            name: &'a str,
        }
        #[derive(Serialize)]
        struct JsonItem<'a> {
            id: &'a str,
            url: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            external_url: Option<&'a str>,
            title: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            content_html: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            content_text: Option<&'a str>,
            summary: &'a str,
            date_published: String,
            date_modified: String,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            authors: Vec<JsonAuthor<'a>>,
            #[serde(skip_serializing_if = "<[&str]>::is_empty")]
            tags: &'a [&'a str],
            #[serde(skip_serializing_if = "Option::is_none")]
            image: Option<&'a str>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            attachments: Vec<JsonAttachment<'a>>,
        }
        #[derive(Serialize)]
        struct JsonAttachment<'a> {
            url: &'a str,
            mime_type: &'static str,
        }
        let feed = JsonFeed {
            version: "https://jsonfeed.org/version/1.1",
            title: &meta.title,
            home_page_url: &meta.home_url,
            feed_url: format!("{}feed.json", meta.feed_base),
            description: &meta.description,
            language: &meta.language,
            authors: [JsonAuthor { name: &meta.publisher }],
            items: items
                .iter()
                .map(|item| JsonItem {
                    id: &item.url,
                    url: &item.url,
                    external_url: item.external_url,
                    title: &item.title,
                    content_html: item.content_html.as_deref(),
                    content_text: item.content_html.is_none().then_some(&*item.summary),
                    summary: &item.summary,
                    date_published: rfc3339(item.published),
                    date_modified: rfc3339(item.updated),
                    authors: item.authors.iter().map(|name| JsonAuthor { name }).collect(),
                    tags: &item.tags,
                    image: item.image.as_deref(),
                    attachments: item
                        .image
                        .iter()
                        .map(|url| JsonAttachment { url, mime_type: image_type(url) })
                        .collect(),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&feed).unwrap() + "\n"
    }

    proptest::proptest! {
        /// Any text, any mix of optional fields, no items or several: the hand-written JSON
        /// Feed is byte for byte what serde_json writes.
        #[test]
        fn json_feed_is_what_serde_json_writes(
            texts in proptest::collection::vec("(\\PC|[\"\\\\/\\x00-\\x1f\\x7f]|\u{2028}){0,12}", 4),
            lists in proptest::collection::vec(proptest::collection::vec("[a-z\"\\\\ ]{0,6}", 0..3), 2),
            count in 0usize..3,
            html in proptest::bool::ANY,
            image in proptest::bool::ANY,
            external in proptest::bool::ANY,
        ) {
            let date: ZonedDateTime = "2025-09-12T08:30:00-05:00[America/Chicago]".parse().unwrap();
            let meta = FeedMeta {
                title: texts[0].clone(),
                description: texts[1].clone(),
                home_url: "https://example.org/".into(),
                feed_base: texts[2].clone(),
                language: "en".into(),
                publisher: texts[3].clone(),
            };
            let item = FeedItem {
                url: texts[2].clone(),
                title: Cow::Borrowed(&texts[0]),
                published: &date,
                updated: &date,
                summary: Cow::Borrowed(&texts[1]),
                content_html: html.then(|| texts[3].clone()),
                authors: &lists[0],
                tags: lists[1].iter().map(String::as_str).collect(),
                image: image.then(|| format!("{}.png", texts[3])),
                external_url: external.then_some(texts[1].as_str()),
            };
            let items = vec![item; count];
            proptest::prop_assert_eq!(json_feed(&meta, &items), json_feed_by_serde(&meta, &items));
        }
    }

    #[test]
    fn dates_in_both_formats() {
        let date: ZonedDateTime = "2025-09-12T08:30:00-05:00[America/Chicago]".parse().unwrap();
        assert_eq!(rfc822(&date), "Fri, 12 Sep 2025 08:30:00 -0500");
        assert_eq!(rfc3339(&date), "2025-09-12T08:30:00-05:00");
    }
}
