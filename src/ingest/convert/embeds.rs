//! Embedded posts: the signature line that closes a tweet or an Instagram post, read into
//! its author, handle and date.

use super::Embed;
use super::dates::parse_full_date;

/// The closing signature of an embedded post, located in its line.
#[derive(Debug)]
pub(super) struct Signature {
    pub(super) line: String,
    /// Byte offset where the signature starts (0 when the line is only the signature).
    pub(super) start: usize,
    /// Byte range of `@handle` in the line.
    pub(super) handle_at: usize,
    pub(super) handle_end: usize,
    pub(super) embed: Embed,
}

pub(super) fn parse_signature(line: &str) -> Option<Signature> {
    // Asked of every line: a vectorised search, as most lines have no `@`.
    memchr::memchr(b'@', line.as_bytes())?;
    parse_tweet_signature(line).or_else(|| parse_instagram_signature(line))
}

/// `… — Name (@handle) September 8, 2025` at the end of a line.
fn parse_tweet_signature(line: &str) -> Option<Signature> {
    let open = line.rfind("(@")?;
    let handle_at = open + 1;
    let (handle_end, tail) = read_handle(line, handle_at)?;
    let date = tail.trim();
    parse_full_date(date)?;
    let dash = line[..open].rfind(['—', '–'])?;
    let at_boundary = dash == 0 || line[..dash].ends_with(char::is_whitespace);
    let name = line[dash..open].trim_start_matches(['—', '–']).trim();
    if !at_boundary || name.chars().count() > 80 {
        return None;
    }
    let handle = &line[handle_at + 1..handle_end];
    Some(Signature {
        line: line.to_string(),
        start: dash,
        handle_at,
        handle_end,
        embed: Embed {
            platform: "twitter".to_string(),
            author: (!name.is_empty()).then(|| name.to_string()),
            handle: Some(handle.to_string()),
            date: Some(date.to_string()),
            url: Some(format!("https://twitter.com/{handle}")),
        },
    })
}

/// `A post shared by Name (@handle) on Jan 5, 2020 at 3:02pm PST`.
fn parse_instagram_signature(line: &str) -> Option<Signature> {
    const LEAD: &str = "A post shared by ";
    let start = line.find(LEAD)?;
    let open = start + line[start..].find("(@")?;
    let handle_at = open + 1;
    let (handle_end, tail) = read_handle(line, handle_at)?;
    let after_on = tail.trim_start().strip_prefix("on ")?;
    let date_text = after_on.split(" at ").next().unwrap_or(after_on).trim();
    parse_full_date(date_text)?;
    let name = line[start + LEAD.len()..open].trim();
    let handle = &line[handle_at + 1..handle_end];
    let at_boundary = start == 0 || line[..start].ends_with(char::is_whitespace);
    at_boundary.then(|| Signature {
        line: line.to_string(),
        start,
        handle_at,
        handle_end,
        embed: Embed {
            platform: "instagram".to_string(),
            author: (!name.is_empty()).then(|| name.to_string()),
            handle: Some(handle.to_string()),
            date: Some(date_text.to_string()),
            url: Some(format!("https://www.instagram.com/{handle}/")),
        },
    })
}

/// Reads `@handle)` at `at`; returns the end of the handle and the text after `)`.
fn read_handle(line: &str, at: usize) -> Option<(usize, &str)> {
    let after_at = line.get(at + 1..)?;
    let len = after_at.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.').count();
    if !(1..=30).contains(&len) {
        return None;
    }
    let end = at + 1 + len;
    let tail = line[end..].strip_prefix(')')?;
    Some((end, tail))
}
