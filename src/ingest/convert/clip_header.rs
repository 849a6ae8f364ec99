//! A clipping tool's header (`Title:`, `URL:`, `Saved:` lines): read into metadata.

use super::dates::{ClockTime, publication_stamp};
use super::headline::stamp_date;
use super::summary::normalise_space;

/// What a clipping tool or a read-later export writes over the page's text, one `Key: value`
/// a line (Evernote's, Obsidian's and Joplin's web clippers, Instapaper and Pocket exports):
/// `Title: …`, `Source: https://…`, `Clipped: 2025-04-02 10:14`, `Tags: housing, economy`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct ClipHeader {
    /// The header as written, reported with the other lines taken out of the text.
    pub(super) text: String,
    pub(super) title: Option<String>,
    /// A publication's name given as the source (`Source: The Guardian`).
    pub(super) source: Option<String>,
    /// The page's address (`Source: https://…`, `URL:`, `Link:`).
    pub(super) url: Option<String>,
    pub(super) author: Option<String>,
    /// (year, month, day) of `Published:` or `Date:`.
    pub(super) published: Option<(i16, i8, i8)>,
    /// The time of day `Published:` gave, and its zone (`UTC` for an offset, as the day is then
    /// UTC's too), so the site's zone files the story on its own day: 23:30 on the 3rd in Mumbai
    /// is 13:00 on the 3rd in New York and 03:00 on the 4th in Tokyo.
    pub(super) published_time: Option<ClockTime>,
    /// (year, month, day) of `Clipped:`, `Saved:` or `Created:`.
    pub(super) clipped: Option<(i16, i8, i8)>,
    pub(super) tags: Vec<String>,
}

/// `text` without a clipping tool's header over it ([`clip_header`]), and what the header said.
pub(super) fn split_clip_header(text: &str) -> (Option<ClipHeader>, &str) {
    let start = text.len() - text.trim_start().len();
    let block_end = text[start..].find("\n\n").map_or(text.len(), |at| start + at);
    let block = text[start..block_end].trim_end();
    // Most texts open with a headline, which has no `: ` key at its start.
    if !block.contains(':') || block.lines().count() > 12 {
        return (None, text);
    }
    let lines: Vec<&str> = block.lines().map(str::trim).collect();
    match clip_header(&lines) {
        Some(mut header) => {
            header.text = block.to_string();
            (Some(header), &text[block_end..])
        }
        None => (None, text),
    }
}

/// Lines read as a clipping tool's header: two lines or more, every one a known
/// key and its value, one of them the page's title, address or clipping date (so that a
/// story's `Note: …` / `Update: …` lines are never taken for one).
pub(super) fn clip_header(lines: &[&str]) -> Option<ClipHeader> {
    if lines.len() < 2 {
        return None;
    }
    let mut header = ClipHeader::default();
    let mut telling = false;
    for line in lines {
        let (key, value) = line.split_once(':')?;
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let is_address = value.starts_with("http://") || value.starts_with("https://");
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => {
                header.title = Some(normalise_space(value));
                telling = true;
            }
            "source" | "url" | "link" | "original url" | "source url" if is_address => {
                header.url = Some(value.to_string());
                telling = true;
            }
            "source" | "publication" | "site" => header.source = Some(value.to_string()),
            "author" | "authors" | "by" | "byline" => header.author = Some(value.to_string()),
            "published" | "date" | "date published" | "publish date" => {
                if let Some((date, time)) = clip_moment(value) {
                    (header.published, header.published_time) = (Some(date), time);
                }
            }
            "clipped" | "saved" | "created" | "date saved" | "date clipped" => {
                header.clipped = clip_date(value);
                telling = true;
            }
            "tags" | "keywords" | "labels" => {
                header.tags = value
                    .split([',', ';'])
                    .map(|tag| tag.trim().trim_start_matches('#').to_string())
                    .filter(|tag| !tag.is_empty())
                    .collect();
            }
            _ => return None,
        }
    }
    telling.then_some(header)
}

/// The day and time a clipping header's date gives: `2021-01-03T23:30:00+05:30` (the instant, as
/// UTC's day and time), `2025-04-02 10:14` (the site's time), `10:12am, 5 Mar 2025`, or the day
/// alone as [`clip_date`] reads it.
fn clip_moment(value: &str) -> Option<((i16, i8, i8), Option<ClockTime>)> {
    // `2025-03-04 23:30:00 +0000` as exports write it, and RFC 2822's `Tue, 04 Mar 2025
    // 23:30:00 -0800` as feeds do.
    let unspaced = value.replacen(" +", "+", 1).replacen(" -", "-", 1);
    let instant = unspaced
        .parse::<jiff::Timestamp>()
        .ok()
        .or_else(|| jiff::fmt::rfc2822::parse(value).ok().map(|zoned| zoned.timestamp()));
    if let Some(instant) = instant {
        let utc = instant.to_zoned_datetime(jiff::tz::TimeZone::UTC).datetime();
        let day = (utc.year(), utc.month(), utc.day());
        // Midnight written as UTC's is how exports store a day with no time
        // (`2025-03-04T00:00:00.000Z`): read as that day, not as the evening before in New York.
        // `2025-03-03T19:00:00-05:00` is the same instant, and a time.
        if written_in_utc(value, &unspaced)
            && (utc.hour(), utc.minute(), utc.second(), utc.subsec_nanosecond()) == (0, 0, 0, 0)
        {
            return Some((day, None));
        }
        return Some((day, Some(((utc.hour(), utc.minute()), Some("UTC")))));
    }
    if let Ok(local) = value.replacen(' ', "T", 1).parse::<jiff::civil::DateTime>()
        && value.len() >= 16
    {
        return Some((
            (local.year(), local.month(), local.day()),
            Some(((local.hour(), local.minute()), None)),
        ));
    }
    if let Some(stamp) = publication_stamp(value) {
        return Some((stamp.date, stamp.time));
    }
    clip_date(value).map(|date| (date, None))
}

/// Whether a moment was written with a zero offset (`Z`, `+00:00`, `+00`, `-0000`, `UT`,
/// `Z[UTC]`), the way exports write a day with no time, rather than with the offset of a place.
fn written_in_utc(value: &str, unspaced: &str) -> bool {
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(value) {
        return zoned.offset() == jiff::tz::Offset::UTC;
    }
    jiff::fmt::temporal::Pieces::parse(unspaced)
        .is_ok_and(|pieces| pieces.to_numeric_offset() == Some(jiff::tz::Offset::UTC))
}

/// The day a clipping header's date gives: `2025-04-02 10:14`, `2025-04-02T10:14:00Z`,
/// `April 2, 2025`, `2 April 2025`.
fn clip_date(value: &str) -> Option<(i16, i8, i8)> {
    value
        .get(..10)
        .and_then(stamp_date)
        .or_else(|| stamp_date(value))
        .or_else(|| publication_stamp(value).map(|stamp| stamp.date))
}
