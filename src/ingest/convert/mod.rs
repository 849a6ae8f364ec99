//! Plain-text news article → escaped Markdown body plus structured metadata.
//!
//! This module owns the one step of ingestion that has to *understand* an article: text copied
//! from a web page or a clipping tool arrives as paragraphs separated by blank lines, with the
//! headline, byline, photo captions, embedded social posts and page furniture all mixed into the
//! prose. [`convert`] sorts those apart and returns a [`Converted`] value: the metadata the site
//! needs for front matter (title, authors, dateline, source, summary, language, date evidence)
//! and a Markdown body that renders every word of the article as literal text.
//!
//! It is a pure function of the text (no I/O, no clock, no configuration) so that the same input
//! always gives the same page, and so that it can be tested against real articles. It never
//! panics: every slice is taken at a char boundary found by searching the text itself.
//!
//! The rules are deliberately conservative heuristics built on layout cues that survive a
//! copy-paste: a short first line followed by a blank line is a headline, `By …` near the top is
//! a byline, `PLACE (AGENCY) —` at the start of the lede is a dateline, `Name/AGENCY` alone on a
//! line is a photo credit, `— Name (@handle) Month D, YYYY` closes an embedded post. When a cue
//! is ambiguous the text stays in the body: losing a word is worse than keeping a stray line.
//!
//! The submodules are split by what they recognise. `paragraphs` cuts the text at blank lines and
//! joins hard-wrapped lines; `layout` gives every paragraph its role, asking the recognisers
//! (`headline`, `byline`, `dateline`, `dates`, `credits`, `embeds`, `lists`, `furniture`, `wire`,
//! `clip_header`); `body` writes the kept paragraphs as Markdown; `summary` and `language` read
//! the kept text. Data flows one way: recognisers look at lines and never at the layout.

mod body;
mod byline;
mod clip_header;
mod credits;
mod dateline;
mod dates;
mod embeds;
mod furniture;
mod headline;
mod language;
mod layout;
mod lists;
mod paragraphs;
mod publishers;
mod summary;
mod wire;

use self::body::push_escaped_line;
use self::clip_header::split_clip_header;
pub use self::dates::UpdatedAt;
pub(crate) use self::dates::parse_month_day;
use self::furniture::names_a_date;
use self::headline::looks_like_headline_line;
use self::layout::Layout;
use self::paragraphs::{reflow, split_paragraphs};
pub(crate) use self::publishers::outlet_in_file_name;
pub(super) use self::summary::is_abbreviation;
use self::summary::normalise_space;
use self::wire::without_wire_marks;

/// A line near the top of a converted body that looks like a date the converter could not read
/// (a month's name or digits, and a year, in a dozen words or fewer), as written, for a warning
/// that says what it saw rather than only what it looks for.
pub(crate) fn unread_date_line(markdown_body: &str) -> Option<String> {
    const LINES: usize = 25;
    markdown_body
        .lines()
        .take(LINES)
        .map(|line| line.trim_start_matches("## ").trim_end_matches('\\').replace('\\', ""))
        .find(|line| {
            let year = line.split(|c: char| !c.is_ascii_digit()).any(|digits| {
                digits.len() == 4 && digits.parse::<u16>().is_ok_and(|year| (1900..=2100).contains(&year))
            });
            // Glued to a time (`20251:12 PM`): a year run into its digits.
            let glued_year = line
                .split(|c: char| !c.is_ascii_digit())
                .any(|digits| digits.len() > 4 && digits.starts_with("20"));
            (year || glued_year) && names_a_date(line) && language::has_at_most_words(line, 12)
        })
}

/// Everything [`convert`] extracts from one plain-text article.
///
/// The caller maps these fields into its own front-matter type; nothing here is serialised
/// directly, so fields are plain std types.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Converted {
    /// The headline line if the text has one, else a headline-length title inferred from the
    /// lede (see `title_inferred`). `None` only when the input has no text at all.
    pub title: Option<String>,
    /// True when `title` was derived from the lede rather than read from a headline line, so the
    /// caller can flag it for review.
    pub title_inferred: bool,
    /// Person names from the byline line, in the order written, in normal case.
    pub authors: Vec<String>,
    /// The byline line exactly as written (it is removed from the body), for display or review.
    pub byline: Option<String>,
    /// The dateline that opens the lede, if any. It is also kept at the start of the body.
    pub dateline: Option<Dateline>,
    /// The publisher, when the text itself names it: a dateline agency, a byline agency or a
    /// `… for The Publication` photo credit. Photo-agency credits are not evidence of it.
    pub source: Option<String>,
    /// The lede cut at a sentence boundary near 60 words; plain text, not escaped.
    pub summary: String,
    /// ISO 639-1 language guess from script and stopwords; `None` when unsure.
    pub lang: Option<String>,
    /// Captions and credits found in the text, in order; they are removed from the body.
    pub images: Vec<Image>,
    /// Embedded social posts, in order; each is rendered as one blockquote in the body.
    pub embeds: Vec<Embed>,
    /// The best date evidence found in the text itself, if any.
    pub date: Option<DateHint>,
    /// When an `Updated …` line in the page header (`Updated 3:12 PM EST, November 19, 2024`)
    /// says the story changed; the line itself is dropped as page furniture.
    pub updated: Option<UpdatedAt>,
    /// The address of the original article, from a clipping tool's header (`Source:
    /// https://…`, `URL:`).
    pub source_url: Option<String>,
    /// Tags a clipping tool's header gives (`Tags: housing, economy`).
    pub tags: Vec<String>,
    /// Page leftovers removed from the body, verbatim, so `import --verbose` can show them.
    pub dropped: Vec<String>,
    /// The Markdown body: blocks separated by one blank line, ending with exactly one newline
    /// (empty when nothing is left).
    pub body: String,
}

/// A dateline such as `WASHINGTON (AP) —`, split into its parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dateline {
    /// Where the story was filed from, as written (`HAYWARD, Calif.`). For a date-only dateline
    /// (`Feb. 23, 2015 --`) this is the date as written, because that is what stands in the
    /// place position.
    pub place: String,
    /// The wire agency in parentheses, as written (`AP`, `Reuters`), if any.
    pub agency: Option<String>,
    /// The date inside the dateline, as written (`Sept. 5`, `Feb. 23, 2015`), if any.
    pub date: Option<String>,
    /// The whole dateline as written, including its dash or colon: `WASHINGTON (AP) —`.
    pub text: String,
}

/// One photo caption and/or credit found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Image {
    /// The caption, when one was found next to the credit.
    pub caption: Option<String>,
    /// The credit line (`Name/AGENCY`, `Photo: Name`), when one was found.
    pub credit: Option<String>,
}

/// An embedded social post that was rendered as text on the page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Embed {
    /// The platform: `twitter` or `instagram`.
    pub platform: String,
    /// The display name from the signature.
    pub author: Option<String>,
    /// The handle without its `@`.
    pub handle: Option<String>,
    /// The post date as written in the signature (`September 8, 2025`).
    pub date: Option<String>,
    /// The author's profile URL, the same link the body blockquote carries.
    pub url: Option<String>,
}

/// A calendar date found in the text, with what it was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateHint {
    /// Four-digit year.
    pub year: i16,
    /// Month, 1–12.
    pub month: i8,
    /// Day of month, 1–31.
    pub day: i8,
    /// Where the date came from, so the caller can weigh it against other evidence.
    pub evidence: DateEvidence,
    /// The time of day a publication stamp gave with the date (`7:11 AM PST`), 24-hour, so that
    /// a story published at 11:30 p.m. in New York is filed on the next day in Berlin.
    pub time: Option<(i8, i8)>,
    /// The IANA zone the stamp named with its time (`Etc/GMT+8` for `PST`); without one the time
    /// is the site's.
    pub zone: Option<&'static str>,
}

/// The kind of text a [`DateHint`] was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateEvidence {
    /// A dated dateline at the start of the lede (`Feb. 23, 2015 --`).
    Dateline,
    /// A date on a line of its own near the top (`Feb. 21, 2019`), as pages print it under the
    /// headline or a photo.
    Stamp,
    /// The signature of an embedded post; the article is at least as new as its latest post.
    EmbedSignature,
}

/// Converts one plain-text article into Markdown and metadata.
///
/// `text` is decoded UTF-8 with `\n` line ends; a final newline is optional. The function is
/// total: any input, however odd, gives a value and never panics.
pub fn convert(text: &str) -> Converted {
    let (clip, text) = split_clip_header(text);
    let paras = split_paragraphs(text);
    let reflowed: String;
    let paras = match reflow(&paras) {
        Some(text) => {
            reflowed = text;
            split_paragraphs(&reflowed)
        }
        None => paras,
    };
    if paras.is_empty() {
        // A clipping's header with no text under it still names the page it came from.
        return clip.map_or_else(Converted::default, |clip| Converted {
            title: clip.title,
            source: clip.source,
            source_url: clip.url,
            tags: clip.tags,
            dropped: vec![clip.text],
            ..Converted::default()
        });
    }
    // A headline alone (a clipping that kept only the title): the headline, and no text, so the
    // article waits as an empty one does rather than print its headline twice.
    if let [only] = paras.as_slice()
        && let Some(line) = only.single_line()
        && looks_like_headline_line(line)
    {
        return Converted {
            title: Some(without_wire_marks(&normalise_space(line))),
            source_url: clip.as_ref().and_then(|clip| clip.url.clone()),
            tags: clip.as_ref().map(|clip| clip.tags.clone()).unwrap_or_default(),
            dropped: clip.map(|clip| clip.text).into_iter().collect(),
            ..Converted::default()
        };
    }
    let mut layout = Layout::analyse(&paras);
    layout.clip = clip;
    let mut out = Converted::default();
    layout.fill_metadata(&paras, &mut out);
    out.body = layout.render_body(&paras);
    out
}

/// Escapes text so that Markdown renders it literally, character for character.
///
/// Every line is treated as if it began a block, so the result is safe as a paragraph, a list
/// item, a heading or a blockquote line. Leading whitespace of each line is removed (it could
/// only have turned the line into code). Characters that cannot be markup where they stand are
/// left alone so the Markdown stays readable.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16 + 4);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        push_escaped_line(&mut out, line);
    }
    out
}

#[cfg(test)]
mod page_shape_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod wire_copy_tests;
