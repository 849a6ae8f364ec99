//! Markdown through pulldown-cmark, with the options Gazette promises.
//!
//! Both ingest (plain text for summaries and word counts) and render (HTML for pages and feeds)
//! read Markdown, and they must read it the same way, so the parser options live here once.
//! Raw HTML in Markdown is dropped unless the site opts in, as in Hugo: clipped text can carry
//! `<script>` and the safe default is to never pass it through.

use std::collections::HashSet;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

use crate::text::{HIGH_BITS, ascii_chunk, splat};

/// How Markdown is read, from the site's `markdown:` settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// Pass raw HTML blocks and inline HTML through.
    pub unsafe_html: bool,
    /// Curly quotes, dashes and ellipses.
    pub smart_punctuation: bool,
    /// Bare web addresses in text made links (see [`linkify`]).
    pub linkify: bool,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions { unsafe_html: false, smart_punctuation: true, linkify: true }
    }
}

fn parser_options(options: MarkdownOptions) -> Options {
    // Heading attributes: `## Results {#results}` names the heading's anchor, as in Hugo and Zola.
    let mut flags = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if options.smart_punctuation {
        flags |= Options::ENABLE_SMART_PUNCTUATION;
    }
    flags
}

/// The events of `markdown`. With smart punctuation, a straight double quote that closes a quote
/// opened with a curly one (`“Yes," she said`, common in pasted text) has no straight opener to
/// pair with, and pulldown-cmark 0.13 makes it an opening `“`; one that follows a word and is
/// followed by a space or the paragraph's end can only close, so it becomes `”`, as commonmark.js
/// renders it.
fn events(markdown: &str, options: MarkdownOptions) -> impl Iterator<Item = Event<'_>> {
    let mut events = Parser::new_ext(markdown, parser_options(options)).peekable();
    let mut after_word = false;
    std::iter::from_fn(move || {
        let event = events.next()?;
        let event = match event {
            Event::Text(text) if options.smart_punctuation && &*text == "“" && after_word => {
                let closes = match events.peek() {
                    Some(Event::Text(next)) => {
                        next.starts_with(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
                    }
                    Some(Event::SoftBreak | Event::HardBreak | Event::End(_)) | None => true,
                    Some(_) => false,
                };
                Event::Text(if closes { "”".into() } else { text })
            }
            other => other,
        };
        after_word = match &event {
            Event::Text(text) => text.chars().next_back().is_some_and(|c| !c.is_whitespace()),
            Event::Code(_) | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => true,
            _ => false,
        };
        Some(event)
    })
}

/// A piece of raw HTML that pages leave out unless raw HTML is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawHtml {
    /// Byte offset in the Markdown where it starts.
    pub at: usize,
    /// How it opens (`<script>`), at most 60 characters.
    pub tag: String,
    /// A tag inside a paragraph: it goes, but the text between it and its closing tag is the
    /// paragraph's and shows. A block of HTML goes with all its text.
    pub inline: bool,
}

/// Every piece of raw HTML in `markdown`: a tag in a block or inline. Comments (`<!--more-->`)
/// are left out quietly and not counted, and so are the lines of an HTML block that hold no tag
/// (its text, which goes with it).
pub fn raw_html(markdown: &str) -> Vec<RawHtml> {
    if !markdown.contains('<') {
        return Vec::new();
    }
    Parser::new_ext(markdown, Options::empty())
        .into_offset_iter()
        .filter_map(|(event, range)| {
            let (html, inline) = match event {
                Event::Html(html) => (html, false),
                Event::InlineHtml(html) => (html, true),
                _ => return None,
            };
            if !html.contains('<') || html.trim_start().starts_with("<!--") {
                return None;
            }
            let html = html.trim();
            let tag = html.find('>').map_or(html, |end| &html[..=end]);
            Some(RawHtml { at: range.start, tag: tag.chars().take(60).collect(), inline })
        })
        .collect()
}

/// Renders `markdown` to an HTML fragment.
pub fn to_html(markdown: &str, options: MarkdownOptions) -> String {
    to_html_at(markdown, options, None)
}

/// [`to_html`] for a page read away from `page_url` (a feed reader): relative links and image
/// sources (`sandbags.jpg`, `../other/`, `/about/`) are made absolute against it, as a browser on
/// the page would resolve them.
pub fn to_html_at(markdown: &str, options: MarkdownOptions, page_url: Option<&str>) -> String {
    // Most clipped articles have no heading: they skip collecting their events to name headings.
    if may_have_headings(markdown) {
        push_html(markdown, with_heading_ids(events(markdown, options)), options, page_url)
    } else {
        push_html(markdown, events(markdown, options), options, page_url)
    }
}

/// The HTML of `events`: raw HTML left out and script links defused unless the site allows them,
/// links made absolute against `page_url` when given.
fn push_html<'a>(
    markdown: &str,
    events: impl Iterator<Item = Event<'a>>,
    options: MarkdownOptions,
    page_url: Option<&str>,
) -> String {
    // Most articles hold no address: they are not read event by event for one.
    let events: Box<dyn Iterator<Item = Event<'a>>> = if options.linkify && may_start_address(markdown) {
        Box::new(linkify(events))
    } else {
        Box::new(events)
    };
    let parser = events
        .filter(|event| options.unsafe_html || !matches!(event, Event::Html(_) | Event::InlineHtml(_)))
        .map(|event| if options.unsafe_html { event } else { defuse_link(event) })
        .map(|event| match page_url {
            Some(base) => absolute_link(event, base),
            None => event,
        });
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    html::push_html(&mut out, parser);
    out
}

/// False when no line of `markdown` can make a heading: none starts with `#` (ATX) after the
/// marks of quotes and list items, and none is a row of `=` or `-` alone (the underline of a
/// setext heading). True may still hold none.
fn may_have_headings(markdown: &str) -> bool {
    crate::text::lines(markdown).any(|line| {
        let line = line.trim();
        if !line.is_empty() && line.bytes().all(|b| b == b'=' || b == b'-') {
            return true;
        }
        // Quote marks, bullets and item numbers (`> - 1. ## Heading`), then the heading's `#`.
        line.trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_digit() || ">-*+.)".contains(c))
            .starts_with('#')
    })
}

/// Ids the built-in themes give elements of an article page (a site's own templates may add
/// more): a heading written "Main" must not take the id of the page's `<main>`, or a link to
/// either would find the other.
const THEME_IDS: [&str; 2] = ["main", "related-title"];

/// Gives every heading without an id one made of its text (`## Early life` is `#early-life`), as
/// Hugo and Zola do, so readers and other pages can link to a section; the second heading of one
/// text gets `-1`, the third `-2`. Ids written as `{#id}` are kept, and a made id repeats none of
/// them, wherever they are written, nor a footnote's (its label), nor the theme's own.
fn with_heading_ids<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut events: Vec<Event<'a>> = events.collect();
    let mut used: HashSet<String> = THEME_IDS.iter().map(|id| (*id).to_string()).collect();
    for event in &events {
        match event {
            Event::Start(Tag::Heading { id: Some(id), .. }) => {
                used.insert(id.to_string());
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                used.insert(label.to_string());
            }
            _ => {}
        }
    }
    let mut at = 0;
    while at < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[at] {
            let mut text = String::new();
            for event in &events[at + 1..] {
                match event {
                    Event::Text(piece) | Event::Code(piece) => text.push_str(piece),
                    Event::End(TagEnd::Heading(_)) => break,
                    _ => {}
                }
            }
            let made = unique_id(&crate::model::slugify(&text), &mut used);
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[at] {
                *id = Some(made.into());
            }
        }
        at += 1;
    }
    events.into_iter()
}

/// `base`, or `base-1`, `base-2`... whichever is not in `used` yet (then it is); a heading with no
/// letters or digits is `section`.
fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { "section" } else { base };
    let mut id = base.to_string();
    let mut n = 0;
    while used.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.insert(id.clone());
    id
}

fn absolute_link<'a>(event: Event<'a>, base: &str) -> Event<'a> {
    match event {
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Link { link_type, dest_url: absolute_url(&dest_url, base).into(), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Image { link_type, dest_url: absolute_url(&dest_url, base).into(), title, id })
        }
        other => other,
    }
}

/// `url` resolved against the absolute `base` (a page URL ending in `/`): kept when it has a
/// scheme (`https:`, `mailto:`), joined to the host when it starts with `/`, else to the page.
fn absolute_url(url: &str, base: &str) -> String {
    let has_scheme = url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if has_scheme || url.starts_with("//") {
        return url.to_string();
    }
    if let Some(path) = url.strip_prefix('/') {
        let host_end = base.find("://").and_then(|at| base[at + 3..].find('/').map(|slash| at + 3 + slash));
        return match host_end {
            Some(end) => format!("{}/{path}", &base[..end]),
            None => url.to_string(),
        };
    }
    format!("{base}{url}")
}

/// Link and image targets that would run script (`javascript:`, `vbscript:`, `data:` except
/// images) become `#`, as raw HTML is dropped: neither may run code in a reader's browser.
fn defuse_link(event: Event<'_>) -> Event<'_> {
    let dangerous = |url: &str, image: bool| {
        let scheme = url.trim_start().to_ascii_lowercase();
        let scheme: String = scheme.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
        scheme.starts_with("javascript:")
            || scheme.starts_with("vbscript:")
            || (scheme.starts_with("data:") && !(image && scheme.starts_with("data:image/")))
    };
    match event {
        Event::Start(Tag::Link { link_type, dest_url, title, id }) if dangerous(&dest_url, false) => {
            Event::Start(Tag::Link { link_type, dest_url: "#".into(), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) if dangerous(&dest_url, true) => {
            Event::Start(Tag::Image { link_type, dest_url: "#".into(), title, id })
        }
        other => other,
    }
}

/// Bare web addresses in text (`https://…`, `www.…`, and the `pic.twitter.com/…` of a post
/// copied from X) made links, as Hugo's Markdown does by default: pasted articles carry them, and
/// a reader expects to click them. Text already in a link, an image's description, a code block
/// or a raw `<a>` is left alone, and a plain domain (`Amazon.com reported…`) is no link, as in
/// Hugo. pulldown-cmark splits text at entities and typeset quotes, so a run of text is joined
/// before it is searched, only when a piece of it may start an address.
fn linkify<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut events = events.peekable();
    let mut ready: std::collections::VecDeque<Event<'a>> = std::collections::VecDeque::new();
    // Links and images open (they nest: an image in a link), code blocks, raw anchors.
    let mut inside_link = 0usize;
    let mut in_code_block = false;
    let mut in_raw_anchor = false;
    std::iter::from_fn(move || {
        if let Some(event) = ready.pop_front() {
            return Some(event);
        }
        let event = events.next()?;
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => inside_link += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => inside_link = inside_link.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            // An HTML block comes a line at a time, and a line may open and close an anchor:
            // the last tag of the piece says whether one is still open.
            Event::InlineHtml(html) | Event::Html(html) => {
                if let Some(open) = last_anchor_tag(html) {
                    in_raw_anchor = open;
                }
            }
            Event::End(TagEnd::HtmlBlock) => in_raw_anchor = false,
            Event::Text(_) if inside_link == 0 && !in_code_block && !in_raw_anchor => {
                let Event::Text(first) = event else { unreachable!() };
                let mut run = vec![first];
                while let Some(Event::Text(_)) = events.peek() {
                    let Some(Event::Text(next)) = events.next() else { unreachable!() };
                    run.push(next);
                }
                if !run.iter().any(|piece| may_start_address(piece)) {
                    ready.extend(run.into_iter().map(Event::Text));
                } else {
                    let text: pulldown_cmark::CowStr<'a> =
                        if run.len() == 1 { run.swap_remove(0) } else { run.concat().into() };
                    push_linked(&text, &mut ready);
                }
                return ready.pop_front();
            }
            _ => {}
        }
        Some(event)
    })
}

/// Whether the last anchor tag in `html` opens one (`<a href…>`) or closes one (`</a>`); `None`
/// when it has neither.
fn last_anchor_tag(html: &str) -> Option<bool> {
    let bytes = html.as_bytes();
    (0..bytes.len()).rev().find_map(|at| {
        let rest = &bytes[at..];
        let tag = |name: &[u8]| {
            rest.len() > name.len()
                && rest[..name.len()].eq_ignore_ascii_case(name)
                && !rest[name.len()].is_ascii_alphanumeric()
        };
        if tag(b"</a") {
            Some(false)
        } else if tag(b"<a") {
            Some(true)
        } else {
            None
        }
    })
}

/// `address` as it was written: smart punctuation has already turned its `'`, `--` and `...`
/// into typeset signs (`Hawke’s_Bay`), which would make another address.
fn as_written(address: &str) -> String {
    address
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .replace('—', "---")
        .replace('–', "--")
        .replace('…', "...")
}

/// Whether `text` holds the start of an address [`linkify`] links: cheap enough to ask of every
/// article and every piece of text in one that holds an address (the searchers are made once:
/// making one per call was most of the cost).
fn may_start_address(text: &str) -> bool {
    use memchr::memmem::Finder;
    static STARTS: std::sync::LazyLock<[Finder<'static>; 3]> = std::sync::LazyLock::new(|| {
        [Finder::new("://"), Finder::new("www."), Finder::new("pic.twitter.com/")]
    });
    STARTS.iter().any(|start| start.find(text.as_bytes()).is_some())
}

/// `text` as text and link events, its web addresses made links (see [`linkify`]).
fn push_linked<'a>(text: &str, out: &mut std::collections::VecDeque<Event<'a>>) {
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]).url_must_have_scheme(false);
    let mut last = 0;
    for link in finder.links(text) {
        // The finder reads non-ASCII letters as part of an address (`…/wiki/Zürich`), and so the
        // typeset quotes around one too.
        let found = link.as_str();
        let address = found.trim_start_matches(['“', '‘', '«', '‹', '„']);
        let start = link.start() + (found.len() - address.len());
        let address = address.trim_end_matches(['”', '’', '»', '›', '…']);
        // `www.example.org’s new page`: the possessive is the sentence's.
        let address = address.strip_suffix("’s").unwrap_or(address);
        let end = start + address.len();
        let written = as_written(address);
        let address = written.as_str();
        let lower = address.get(..8).unwrap_or(address).to_ascii_lowercase();
        let dest = if lower.starts_with("http://") || lower.starts_with("https://") {
            address.to_string()
        } else if lower.starts_with("www.") || address.starts_with("pic.twitter.com/") {
            format!("https://{address}")
        } else {
            continue;
        };
        if start > last {
            out.push_back(Event::Text(text[last..start].to_string().into()));
        }
        out.push_back(Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Autolink,
            dest_url: dest.into(),
            title: "".into(),
            id: "".into(),
        }));
        out.push_back(Event::Text(address.to_string().into()));
        out.push_back(Event::End(TagEnd::Link));
        last = end;
    }
    if last < text.len() {
        out.push_back(Event::Text(text[last..].to_string().into()));
    }
}

/// The visible text of `markdown`, blocks separated by blank lines: what a reader sees, for
/// summaries, word counts and the search index.
pub fn to_plain_text(markdown: &str, options: MarkdownOptions) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in events(markdown, options) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::Html(text) | Event::InlineHtml(text) if options.unsafe_html => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow | TagEnd::CodeBlock,
            ) => out.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => out.push(' '),
            Event::Start(Tag::Image { .. }) => {}
            _ => {}
        }
    }
    let trimmed_len = out.trim_end().len();
    out.truncate(trimmed_len);
    out
}

/// Where `<!--more-->` (Hugo's and Zola's summary divider, on a line of its own) starts, if the
/// Markdown has one.
pub fn summary_divider(markdown: &str) -> Option<usize> {
    let mut at = 0;
    for line in markdown.split_inclusive('\n') {
        let marker = line.trim();
        if marker.eq_ignore_ascii_case("<!--more-->") || marker.eq_ignore_ascii_case("<!-- more -->") {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// The first paragraph of `markdown` as plain text.
pub fn first_paragraph(markdown: &str, options: MarkdownOptions) -> String {
    let mut out = String::new();
    let mut in_paragraph = false;
    for event in events(markdown, options) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if in_paragraph => break,
            Event::Text(text) | Event::Code(text) if in_paragraph => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak if in_paragraph => out.push(' '),
            _ => {}
        }
    }
    out
}

/// How much there is to read, for the word count and reading time of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordCount {
    /// Words, each Chinese or Japanese character counted as one.
    pub words: usize,
    /// Of those, the Chinese and Japanese characters, which are read at another pace.
    pub cjk: usize,
}

/// Words as a reader counts them: runs of letters or digits (apostrophes inside them allowed),
/// and each Chinese or Japanese character on its own, as Hugo and Zola count them: those scripts
/// do not put spaces between words, so a run would make a whole sentence one word.
pub fn count_words(text: &str) -> WordCount {
    // A word is a run of letters, digits and apostrophes with at least one letter or digit.
    // Every article is counted: runs of ASCII letters and digits are skipped in a tight loop.
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut cjk = 0;
    let (mut in_run, mut run_has_alnum) = (false, false);
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // Eight ASCII bytes without an apostrophe at a time: every word byte is then a letter
        // or digit, so a run that has a byte here has one, and only where runs end matters.
        if let Some(alnum) = alnum_chunk(bytes, at) {
            let ran_before = if in_run { 0x80 } else { 0 };
            let ends = !alnum & ((alnum << 8) | ran_before) & HIGH_BITS;
            let first_ends_a_run_from_before = ends & 0x80 != 0;
            words += ends.count_ones() as usize - usize::from(first_ends_a_run_from_before && !run_has_alnum);
            in_run = alnum >> 63 != 0;
            run_has_alnum = in_run;
            at += 8;
            continue;
        }
        if byte.is_ascii_alphanumeric() {
            (in_run, run_has_alnum) = (true, true);
            at += 1;
            at += bytes[at..]
                .iter()
                .position(|&b| !crate::text::ASCII_WORD[usize::from(b)])
                .unwrap_or(bytes.len() - at);
            continue;
        }
        let (alnum, apostrophe) = if byte.is_ascii() {
            at += 1;
            (false, byte == b'\'')
        } else {
            let (c, width) = crate::text::char_at(text, at);
            at += width;
            if crate::text::is_cjk(c) {
                words += usize::from(in_run && run_has_alnum) + 1;
                cjk += 1;
                (in_run, run_has_alnum) = (false, false);
                continue;
            }
            (crate::text::is_alphanumeric(c), c == '’')
        };
        if alnum || apostrophe {
            in_run = true;
            run_has_alnum |= alnum;
        } else if in_run {
            words += usize::from(run_has_alnum);
            (in_run, run_has_alnum) = (false, false);
        }
    }
    WordCount { words: words + usize::from(in_run && run_has_alnum), cjk }
}

/// The eight bytes at `at`, when they are ASCII without an apostrophe, as a mask with the high
/// bit of each letter or digit set.
fn alnum_chunk(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = ascii_chunk(bytes, at)?;
    // Below 0x80, adding 0x80 - lo sets a byte's high bit exactly when the byte is at least lo,
    // and never carries into the next byte.
    let at_least = |bytes: u64, lo: u8| bytes.wrapping_add(splat(0x80 - lo)) & HIGH_BITS;
    if at_least(chunk, b'\'') & !at_least(chunk, b'\'' + 1) != 0 {
        return None;
    }
    let digit = at_least(chunk, b'0') & !at_least(chunk, b'9' + 1);
    // Setting bit 5 maps A-Z onto a-z and no other byte into a-z.
    let folded = chunk | splat(0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    Some(digit | letter)
}

/// Minutes to read: 230 words a minute, and 500 Chinese or Japanese characters a minute (Hugo
/// reads those at 501); at least one for any text, none for none (a story of photos alone).
pub fn reading_minutes(count: WordCount) -> usize {
    if count.words == 0 {
        return 0;
    }
    let other = count.words.saturating_sub(count.cjk);
    // In thousandths of a minute, so a text mixing both scripts is rounded up once.
    let thousandths = other.saturating_mul(1000).div_ceil(230).saturating_add(count.cjk.saturating_mul(2));
    thousandths.div_ceil(1000).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_web_addresses_are_links_and_the_rest_is_left_alone() {
        let html = |markdown: &str| to_html(markdown, MarkdownOptions::default());
        assert_eq!(
            html("See https://example.com/port?id=3&d=2 for details."),
            "<p>See <a href=\"https://example.com/port?id=3&amp;d=2\">https://example.com/port?id=3&amp;d=2</a> for details.</p>\n"
        );
        // Quoted, after a curly apostrophe, at a sentence's end: the punctuation stays text.
        assert_eq!(
            html("It’s at \"www.example.org\"."),
            "<p>It’s at “<a href=\"https://www.example.org\">www.example.org</a>”.</p>\n"
        );
        assert_eq!(
            html("> Stay away from the banks. pic.twitter.com/AbCdEf1234"),
            "<blockquote>\n<p>Stay away from the banks. <a href=\"https://pic.twitter.com/AbCdEf1234\">pic.twitter.com/AbCdEf1234</a></p>\n</blockquote>\n"
        );
        assert_eq!(
            html("(https://de.wikipedia.org/wiki/Zürich)"),
            "<p>(<a href=\"https://de.wikipedia.org/wiki/Z%C3%BCrich\">https://de.wikipedia.org/wiki/Zürich</a>)</p>\n"
        );
        // Smart punctuation does not change an address: it is linked and shown as written.
        assert_eq!(
            html("See https://en.wikipedia.org/wiki/Hawke's_Bay and https://example.com/a--b now."),
            "<p>See <a href=\"https://en.wikipedia.org/wiki/Hawke&#x27;s_Bay\">https://en.wikipedia.org/wiki/Hawke's_Bay</a> and <a href=\"https://example.com/a--b\">https://example.com/a--b</a> now.</p>\n"
        );
        assert_eq!(
            html("Visit www.example.org's page."),
            "<p>Visit <a href=\"https://www.example.org\">www.example.org</a>’s page.</p>\n"
        );
        // A line of an HTML block that opens and closes an anchor leaves none open.
        let raw = MarkdownOptions { unsafe_html: true, ..MarkdownOptions::default() };
        assert!(
            to_html("<div>\n<a href=\"https://x.org\">X</a>\n</div>\n\nSee https://example.com", raw)
                .contains("<a href=\"https://example.com\">"),
        );
        // A plain domain is a name in news text, not a link.
        assert_eq!(html("Amazon.com reported a loss."), "<p>Amazon.com reported a loss.</p>\n");
        // Already a link, in code, or in an image's description: as written.
        assert_eq!(
            html("[the report](https://example.com/r) and <https://example.com/a>"),
            "<p><a href=\"https://example.com/r\">the report</a> and <a href=\"https://example.com/a\">https://example.com/a</a></p>\n"
        );
        assert_eq!(html("`https://example.com`"), "<p><code>https://example.com</code></p>\n");
        assert_eq!(html("    https://example.com\n"), "<pre><code>https://example.com\n</code></pre>\n");
        assert!(html("![www.example.com](a.jpg)").contains("alt=\"www.example.com\""));
        let raw = MarkdownOptions { unsafe_html: true, ..MarkdownOptions::default() };
        assert_eq!(
            to_html("<a href=\"https://example.com\">https://example.com</a>", raw),
            "<p><a href=\"https://example.com\">https://example.com</a></p>\n"
        );
        // Only `http` and `https` addresses: another scheme stays text.
        assert_eq!(html("ftp://example.com/f"), "<p>ftp://example.com/f</p>\n");
        let off = MarkdownOptions { linkify: false, ..MarkdownOptions::default() };
        assert_eq!(to_html("www.example.org", off), "<p>www.example.org</p>\n");
    }

    /// The word-count rule, one character at a time.
    fn count_words_slowly(text: &str) -> WordCount {
        let cjk = text.chars().filter(|&c| crate::text::is_cjk(c)).count();
        let runs = text
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’') || crate::text::is_cjk(c))
            .filter(|run| run.chars().any(char::is_alphanumeric))
            .count();
        WordCount { words: runs + cjk, cjk }
    }

    proptest::proptest! {
        #[test]
        fn word_counts_follow_the_rule(text in "(\\PC|[a-z'’ .,-]|[市は月曜日カ]){0,60}") {
            proptest::prop_assert_eq!(count_words(&text), count_words_slowly(&text));
        }

        /// Mostly ASCII, as news text is, so runs of eight ASCII bytes (counted together) meet
        /// apostrophes, curly quotes and accents at every offset.
        #[test]
        fn word_counts_of_ascii_runs_follow_the_rule(text in "([a-zA-Z0-9 .,'@\\[`{/:-]|’|é|\n){0,120}") {
            proptest::prop_assert_eq!(count_words(&text), count_words_slowly(&text));
        }
    }

    #[test]
    fn raw_html_is_dropped_by_default() {
        let html =
            to_html("Hi <script>alert(1)</script> there\n\n<div>x</div>\n", MarkdownOptions::default());
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<div>"), "{html}");
        let html =
            to_html("<div>x</div>\n", MarkdownOptions { unsafe_html: true, ..MarkdownOptions::default() });
        assert!(html.contains("<div>x</div>"), "{html}");
    }

    #[test]
    fn script_links_are_defused() {
        let html = to_html(
            "[a](javascript:alert(1)) [b]( JaVaScRiPt:x) [c](data:text/html,x) ![d](data:image/png;base64,AA) [e](https://ok.org/)",
            MarkdownOptions::default(),
        );
        assert!(!html.to_ascii_lowercase().contains("javascript:"), "{html}");
        assert!(!html.contains("data:text"), "{html}");
        assert!(html.contains("data:image/png"), "{html}");
        assert!(html.contains("https://ok.org/"), "{html}");
    }

    #[test]
    fn headings_get_ids_from_their_text_unless_given_one() {
        let markdown = "## Early life\n\nText.\n\n## Early life\n\n### The `ferry` strike\n\n\
                        ## Main\n\n## Results {#final-count}\n\n## ???\n";
        let html = to_html(markdown, MarkdownOptions::default());
        for expected in [
            r#"<h2 id="early-life">Early life</h2>"#,
            r#"<h2 id="early-life-1">Early life</h2>"#,
            r#"<h3 id="the-ferry-strike">The <code>ferry</code> strike</h3>"#,
            // The page's own <main> keeps its id.
            r#"<h2 id="main-1">Main</h2>"#,
            r#"<h2 id="final-count">Results</h2>"#,
            r#"<h2 id="section">"#,
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
        // A made id repeats no id written later, and no footnote's.
        let html = to_html(
            "## Intro {#early-life}\n\n## Early life\n\n## More {#early-life-1}\n\n## Note\n\nSee[^note].\n\n[^note]: A note.\n",
            MarkdownOptions::default(),
        );
        for expected in [r#"<h2 id="early-life-2">Early life</h2>"#, r#"<h2 id="note-1">Note</h2>"#] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
        // The attribute is markup, not text.
        let text = to_plain_text(markdown, MarkdownOptions::default());
        assert!(text.contains("Results") && !text.contains("final-count"), "{text}");
    }

    #[test]
    fn setext_quoted_and_listed_headings_get_ids_too() {
        let html = to_html("Early life\n==========\n\nText.\n\nLater\n---\n", MarkdownOptions::default());
        assert!(html.contains(r#"<h1 id="early-life">"#) && html.contains(r#"<h2 id="later">"#), "{html}");
        assert!(!may_have_headings("Text with a # inside.\n\n- a list\n"));
        for nested in ["- ## In a list", "1. ## Numbered heading", ">\t## Tab quoted", "> 2) # Deep"] {
            assert!(may_have_headings(nested), "{nested}");
            assert!(to_html(nested, MarkdownOptions::default()).contains(" id=\""), "{nested}");
        }
        let quoted = to_html("> ## Quoted\n", MarkdownOptions::default());
        assert!(quoted.contains(r#"<h2 id="quoted">"#), "{quoted}");
    }

    #[test]
    fn tables_footnotes_strikethrough_and_smart_quotes() {
        let html = to_html(
            "a | b\n--|--\n1 | 2\n\n~~gone~~ \"quoted\"[^1]\n\n[^1]: note\n",
            MarkdownOptions::default(),
        );
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>gone</del>"));
        assert!(html.contains("“quoted”"));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn links_are_made_absolute_for_readers_away_from_the_page() {
        let base = "https://example.org/news/2025/03/04/flood/";
        for (url, expected) in [
            ("sandbags.jpg", "https://example.org/news/2025/03/04/flood/sandbags.jpg"),
            ("../../05/other/", "https://example.org/news/2025/03/04/flood/../../05/other/"),
            ("/about/", "https://example.org/about/"),
            ("#map", "https://example.org/news/2025/03/04/flood/#map"),
            ("https://elsewhere.org/x", "https://elsewhere.org/x"),
            ("mailto:desk@example.org", "mailto:desk@example.org"),
        ] {
            assert_eq!(absolute_url(url, base), expected, "{url}");
        }
        let html = to_html_at(
            "![Sandbags](sandbags.jpg) [map](maps/river.png)",
            MarkdownOptions::default(),
            Some(base),
        );
        assert!(html.contains(r#"src="https://example.org/news/2025/03/04/flood/sandbags.jpg""#), "{html}");
        assert!(
            html.contains(r#"href="https://example.org/news/2025/03/04/flood/maps/river.png""#),
            "{html}"
        );
    }

    #[test]
    fn the_summary_divider_is_found_on_its_own_line() {
        let markdown = "First paragraph.\n\nSecond one.\n\n<!--more-->\n\nThe rest.\n";
        assert_eq!(
            summary_divider(markdown).map(|at| &markdown[..at]),
            Some("First paragraph.\n\nSecond one.\n\n")
        );
        assert_eq!(summary_divider("Text.\n  <!-- more -->\nMore."), Some(6));
        assert_eq!(summary_divider("Inline <!--more--> is no divider.\n"), None);
        assert_eq!(summary_divider("No divider.\n"), None);
    }

    #[test]
    fn a_straight_quote_closing_a_curly_one_closes() {
        let options = MarkdownOptions::default();
        for (markdown, expected) in [
            (
                "“Chicago a magnet for criminals,\" McLaughlin added.",
                "“Chicago a magnet for criminals,” McLaughlin added.",
            ),
            ("“It is over.\"", "“It is over.”"),
            ("“It is *over*\"\nShe left.", "“It is over” She left."),
            ("\"Paired\" quotes and \"an opener", "“Paired” quotes and “an opener"),
            ("She said (\"yes\")", "She said (“yes”)"),
        ] {
            assert_eq!(to_plain_text(markdown, options), expected, "{markdown}");
        }
        let html = to_html("“Yes,\" she said.", options);
        assert!(html.contains("“Yes,” she said."), "{html}");
    }

    #[test]
    fn plain_text_and_first_paragraph() {
        let md = "# Head\n\nFirst *para* here.\n\nSecond.\n";
        assert_eq!(to_plain_text(md, MarkdownOptions::default()), "Head\n\nFirst para here.\n\nSecond.");
        assert_eq!(first_paragraph(md, MarkdownOptions::default()), "First para here.");
    }

    #[test]
    fn words_and_minutes() {
        let words = |text| count_words(text).words;
        assert_eq!(words("It’s 3 o'clock — in Zürich, “now”."), 6);
        assert_eq!(words("'' ’ -- a''b x' 東京"), 4, "apostrophes alone are no word; each kanji is one");
        assert_eq!(words(""), 0);
        let minutes = |words, cjk| reading_minutes(WordCount { words, cjk });
        assert_eq!(minutes(0, 0), 0, "no text, no minutes to show");
        assert_eq!(minutes(1, 0), 1);
        assert_eq!(minutes(230, 0), 1);
        assert_eq!(minutes(231, 0), 2);
        assert_eq!(minutes(1500, 1500), 3, "1,500 Japanese characters: three minutes, not seven");
        assert_eq!(minutes(500 + 230, 500), 2);
        assert_eq!(minutes(500 + 231, 500), 3);
        assert!(minutes(usize::MAX, 0) > 1, "a huge word_count in front matter does not overflow");
    }

    #[test]
    fn chinese_and_japanese_are_counted_per_character() {
        // A sentence of Japanese is not one word (it has no spaces), nor is Chinese.
        assert_eq!(count_words("市は月曜日に発表した。"), WordCount { words: 10, cjk: 10 });
        assert_eq!(count_words("北京的天气 and Tokyo东京"), WordCount { words: 9, cjk: 7 });
        assert_eq!(count_words("한국어 문장"), WordCount { words: 2, cjk: 0 }, "Korean has spaces");
        // The katakana middle dot separates words; it is not one (nor are sound marks).
        assert_eq!(count_words("ジョー・バイデン"), WordCount { words: 7, cjk: 7 });
        assert_eq!(count_words("か\u{3099}"), WordCount { words: 1, cjk: 1 }, "が written as か and a mark");
    }
}
