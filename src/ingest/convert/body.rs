//! The Markdown body: each kept paragraph written so that it renders as exactly the text it
//! holds, whatever Markdown would otherwise read into its `*`, `#`, `<` or leading numbers.

use super::embeds::Signature;
use super::headline::is_subhead;
use super::lists::{is_list_item_like, numbered_list_start, strip_bullet, strip_number_marker};
use super::paragraphs::{Para, is_hard_wrapped, push_unwrapped};
use crate::text::{bytes_below, bytes_equal, find_byte, splat};

pub(super) fn start_block(md: &mut String) {
    if !md.is_empty() {
        md.push_str("\n\n");
    }
}

pub(super) fn render_paragraph(md: &mut String, para: &Para<'_>, may_be_subhead: bool) {
    if let Some(quoted) = quoted_lines(&para.lines) {
        render_quote(md, &quoted);
        return;
    }
    if let Some(line) = para.single_line() {
        if is_section_break(line) {
            md.push_str("* * *");
        } else if may_be_subhead && is_subhead(line) {
            md.push_str("## ");
            push_heading_text(md, line);
        } else if let Some(item) =
            line.strip_prefix(['*', '•', '▪']).filter(|rest| rest.starts_with([' ', '\t']))
        {
            // A list whose items are set apart by blank lines (`* SAYS CONTINGENCY PLANS IN
            // PLACE` under a Reuters brief): an item each, which Markdown joins into one list.
            push_bullets(md, std::iter::once(item.trim_start()));
            md.truncate(md.trim_end_matches('\n').len());
        } else {
            push_escaped_line(md, line);
        }
        return;
    }
    render_lines(md, &para.lines);
}

/// A paragraph that is only a rule of dashes, asterisks or underscores (`---`, `* * *`, `___`,
/// which sets off an AP story's notes and a live story's updates), as plain text sets off a
/// story's parts: written as Markdown's thematic break, so the page shows a rule (escaped as
/// text, smart punctuation would run `---` together into `-–`).
pub(super) fn is_section_break(line: &str) -> bool {
    let mut marks = line.bytes().filter(|b| !b.is_ascii_whitespace());
    let Some(mark @ (b'-' | b'*' | b'_')) = marks.next() else { return false };
    let mut count = 1;
    for other in marks {
        if other != mark {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// The lines of a paragraph quoted mail-style (every line opens with `> `, or is a bare `>`),
/// without the marks; `None` for any other paragraph, or one of bare marks. A `>` glued to a
/// word (`>50 dead`) is text.
pub(super) fn quoted_lines<'a>(lines: &[&'a str]) -> Option<Vec<&'a str>> {
    let unquote =
        |line: &&'a str| if *line == ">" { Some("") } else { line.strip_prefix("> ").map(str::trim_start) };
    let quoted: Vec<&str> = lines.iter().map(unquote).collect::<Option<_>>()?;
    quoted.iter().any(|line| !line.is_empty()).then_some(quoted)
}

/// A post's media link on a line of its own, as copied from X: `pic.twitter.com/…`, `https://t.co/…`.
pub(super) fn is_media_link(line: &str) -> bool {
    !line.contains(' ') && (line.starts_with("pic.twitter.com/") || line.starts_with("https://t.co/"))
}

/// A quoted paragraph as a blockquote, its paragraphs set apart by bare `>` lines: each one's
/// lines joined when they were wrapped, kept otherwise.
fn render_quote(md: &mut String, lines: &[&str]) {
    let paragraphs = lines.split(|line| line.is_empty()).filter(|lines| !lines.is_empty());
    for (k, lines) in paragraphs.enumerate() {
        if k > 0 {
            md.push_str("\n>\n");
        }
        if lines.len() > 1 && is_hard_wrapped(lines) {
            let mut joined = String::new();
            push_unwrapped(&mut joined, lines);
            md.push_str("> ");
            push_escaped_line(md, &joined);
        } else {
            push_hard_broken_lines(md, lines, "> ");
        }
    }
}

/// A paragraph of several lines: a list when its lines read as items, otherwise lines joined
/// by hard breaks so the line structure (verse, addresses, posts) survives.
fn render_lines(md: &mut String, lines: &[&str]) {
    if let Some(start) = numbered_list_start(lines) {
        push_numbered(md, lines, start);
    } else if let Some((intro, items)) = lines.split_first()
        && intro.ends_with(':')
        && let Some(start) = numbered_list_start(items)
    {
        push_escaped_line(md, intro);
        md.push_str("\n\n");
        push_numbered(md, items, start);
    } else if lines.iter().all(|l| strip_bullet(l).is_some()) {
        push_bullets(md, lines.iter().map(|l| strip_bullet(l).unwrap_or(l)));
    } else if let Some((intro, items)) = lines.split_first()
        && intro.ends_with(':')
        && items.iter().all(|l| is_list_item_like(l))
    {
        push_escaped_line(md, intro);
        md.push_str("\n\n");
        push_bullets(md, items.iter().map(|l| strip_bullet(l).unwrap_or(l)));
    } else if let Some((intro, items)) = lines.split_first()
        && items.iter().all(|l| strip_bullet(l).is_some())
    {
        // A heading over bulleted items (`Related` over `- Wildfires spread in Greece`).
        push_escaped_line(md, intro);
        md.push_str("\n\n");
        push_bullets(md, items.iter().map(|l| strip_bullet(l).unwrap_or(l)));
    } else if lines.len() >= 3 && lines.iter().all(|l| is_list_item_like(l)) {
        // Three short lines or more with no marker read as a list; two are as often a credit
        // over a speaker's label (`Ellis Garza/For NPR` over `MARA ELLISON, HOST:`), kept as
        // lines.
        push_bullets(md, lines.iter().map(|l| strip_bullet(l).unwrap_or(l)));
    } else {
        push_hard_broken_lines(md, lines, "");
    }
    md.truncate(md.trim_end_matches('\n').len());
}

fn push_numbered(md: &mut String, lines: &[&str], start: u64) {
    for (n, line) in (start..).zip(lines) {
        md.push_str(&format!("{n}. "));
        push_escaped_line(md, strip_number_marker(line).unwrap_or(line));
        md.push('\n');
    }
}

fn push_bullets<'a>(md: &mut String, items: impl Iterator<Item = &'a str>) {
    for item in items {
        md.push_str("- ");
        push_escaped_line(md, item);
        md.push('\n');
    }
}

fn push_hard_broken_lines(md: &mut String, lines: &[&str], prefix: &str) {
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            md.push_str("\\\n");
        }
        md.push_str(prefix);
        push_escaped_line(md, line);
    }
}

/// Renders an embedded post as one blockquote; the profile link is the only markup added.
pub(super) fn render_embed(md: &mut String, paras: &[Para<'_>], signature: &Signature) {
    let mut first_block = true;
    for (k, para) in paras.iter().enumerate() {
        let mut lines = para.lines.clone();
        if k + 1 == paras.len() {
            let own = lines.pop().unwrap_or("");
            let text = own[..signature.start].trim_end();
            if !text.is_empty() {
                lines.push(text);
            }
        }
        if lines.is_empty() {
            continue;
        }
        if !first_block {
            md.push_str("\n>\n");
        }
        push_hard_broken_lines(md, &lines, "> ");
        first_block = false;
    }
    if !first_block {
        md.push_str("\n>\n");
    }
    md.push_str("> ");
    push_signature(md, signature);
}

fn push_signature(md: &mut String, signature: &Signature) {
    let line = signature.line.as_str();
    let at = signature.handle_at;
    let end = signature.handle_end;
    push_escaped_line(md, &line[signature.start..at]);
    md.push('[');
    push_inline_escaped(md, &line[at..end]);
    md.push_str("](");
    md.push_str(signature.embed.url.as_deref().unwrap_or(""));
    md.push(')');
    push_inline_escaped(md, &line[end..]);
}

fn push_heading_text(md: &mut String, line: &str) {
    let start = md.len();
    push_escaped_line(md, line);
    let before_hashes = md[start..].trim_end_matches('#');
    let closes_heading = before_hashes.len() < md.len() - start
        && (before_hashes.is_empty() || before_hashes.ends_with([' ', '\t']));
    if closes_heading {
        md.insert(start + before_hashes.len(), '\\');
    }
}

pub(super) fn push_escaped_line(out: &mut String, line: &str) {
    let line = line.trim_start();
    let rest = push_block_start(out, line);
    push_inline_escaped(out, rest);
}

/// Escapes whatever would make the start of `line` a block marker (heading, quote, list item,
/// thematic break, setext underline) and returns the part still to be escaped inline.
fn push_block_start<'a>(out: &mut String, line: &'a str) -> &'a str {
    let bytes = line.as_bytes();
    let Some(&first) = bytes.first() else {
        return line;
    };
    let followed_by_space = |n: usize| bytes.get(n).is_none_or(|b| *b == b' ' || *b == b'\t');
    match first {
        b'#' => {
            let hashes = bytes.iter().take_while(|b| **b == b'#').count();
            if hashes <= 6 && followed_by_space(hashes) {
                out.push_str("\\#");
                return &line[1..];
            }
        }
        b'>' => {
            out.push_str("\\>");
            return &line[1..];
        }
        b'-' | b'+' => {
            let rule = bytes.iter().all(|b| matches!(b, b'-' | b'+' | b' ' | b'\t'));
            if rule {
                // Every dash escaped: smart punctuation would make `--` after the first an en dash.
                for c in line.chars() {
                    if c == '-' {
                        out.push('\\');
                    }
                    out.push(c);
                }
                return "";
            }
            if followed_by_space(1) {
                out.push('\\');
                out.push(char::from(first));
                return &line[1..];
            }
        }
        b'=' if bytes.iter().all(|b| matches!(b, b'=' | b' ' | b'\t')) => {
            out.push_str("\\=");
            return &line[1..];
        }
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            let delimiter = bytes.get(digits).is_some_and(|b| matches!(b, b'.' | b')'));
            if digits <= 9 && delimiter && followed_by_space(digits + 1) {
                out.push_str(&line[..digits]);
                out.push('\\');
                return &line[digits..];
            }
        }
        _ => {}
    }
    line
}

/// Bytes that may need a backslash inline; everything else is copied in bulk.
pub(super) const INLINE_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let special = b"\\`*[<|~_&";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
};

/// The flag bit of each byte of `chunk` that may be in [`INLINE_SPECIAL`], exact for the lowest
/// (see [`crate::text::find_byte`]): every body line is escaped, and most of a line is plain
/// words, which eight-byte tests skip for less than a table lookup a byte.
pub(super) fn may_be_inline_special(chunk: u64) -> u64 {
    // Clearing bit 5 maps `|` and `~` onto `\` and `^`, and the backquote onto `@`: 0x58-0x5F
    // (`X` to `_`, and `x` to `z` folded) then holds five of the nine, and `@` the backquote.
    let folded = chunk & !splat(0x20);
    bytes_below(folded ^ splat(0x58), 8)
        | bytes_equal(folded, b'@')
        | bytes_equal(chunk, b'*')
        | bytes_equal(chunk, b'<')
        | bytes_equal(chunk, b'&')
}

fn push_inline_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut from = 0;
    while let Some(i) = find_byte(bytes, from, may_be_inline_special, |b| INLINE_SPECIAL[usize::from(b)]) {
        from = i + 1;
        let escape = match bytes[i] {
            b'\\' | b'`' | b'*' | b'[' | b'<' | b'|' | b'~' => true,
            b'_' => !is_intraword(text, i),
            b'&' => looks_like_entity(&bytes[i + 1..]),
            _ => false,
        };
        if escape {
            out.push_str(&text[copied..i]);
            out.push('\\');
            copied = i;
        }
    }
    out.push_str(&text[copied..]);
}

/// An underscore between two letters or digits can neither open nor close emphasis.
fn is_intraword(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

/// `&name;` or `&#123;` would be decoded as an entity.
fn looks_like_entity(after_amp: &[u8]) -> bool {
    let (body, max) = match after_amp.first() {
        Some(b'#') => (&after_amp[1..], 8),
        _ => (after_amp, 32),
    };
    let run = body.iter().take(max + 1).take_while(|b| b.is_ascii_alphanumeric()).count();
    run > 0 && run <= max && body.get(run) == Some(&b';')
}
