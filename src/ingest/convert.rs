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

use crate::text::{HIGH_BITS, ascii_chunk, bytes_below, bytes_equal, find_byte, is_cjk, splat};

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

// ---------------------------------------------------------------------------------------------
// Paragraphs
// ---------------------------------------------------------------------------------------------

/// A run of non-blank lines, with the number of blank lines that preceded it: a doubled blank
/// line is where the page had a photo, video or embed that the copy left out.
#[derive(Debug)]
struct Para<'a> {
    lines: Vec<&'a str>,
    gap_before: usize,
}

impl Para<'_> {
    fn single_line(&self) -> Option<&str> {
        match self.lines.as_slice() {
            [line] => Some(line),
            _ => None,
        }
    }

    fn first_line(&self) -> &str {
        self.lines.first().copied().unwrap_or("")
    }

    fn joined(&self) -> String {
        self.lines.join(" ")
    }

    fn char_len(&self) -> usize {
        self.lines.iter().map(|l| l.chars().count()).sum()
    }

    fn word_count(&self) -> usize {
        self.lines.iter().map(|l| count_words(l)).sum()
    }

    /// A paragraph of running text, as opposed to a label, credit or list.
    fn is_prose(&self) -> bool {
        // Asked of every paragraph several times: read no further than the eighth word.
        self.lines.len() == 1 && !has_at_most_words(self.lines[0], 7)
    }
}

fn split_paragraphs(text: &str) -> Vec<Para<'_>> {
    let mut paras = Vec::new();
    let mut lines = Vec::new();
    let mut blanks = 0;
    let mut gap_before = 0;
    // Each line is trimmed and a blank one only ends a paragraph, so `lines` (which drops a
    // final empty line and a carriage return) splits as `split('\n')` would.
    let mut previous_indented = false;
    for raw in crate::text::lines(text) {
        let line = raw.trim();
        if line.is_empty() {
            if !lines.is_empty() {
                paras.push(Para { lines: std::mem::take(&mut lines), gap_before });
                blanks = 0;
            }
            blanks += 1;
            continue;
        }
        // Wire copy marks paragraphs by indenting their first line, with no blank line: an
        // indented line after a flush one that ended a sentence starts a paragraph.
        // So does the first, after a headline (which ends no sentence), and a wire story's
        // closing credits start one however they are indented.
        let indented = raw.starts_with('\t') || raw.starts_with("  ");
        let after_sentence = || lines.last().is_some_and(|last| ends_as_sentence(last));
        let after_headline = || paras.is_empty() && lines.len() == 1 && looks_like_headline_line(lines[0]);
        let starts_paragraph = if indented && !previous_indented {
            after_sentence() || after_headline()
        } else {
            line.starts_with('(') && is_credits_line(line) && after_sentence()
        };
        if starts_paragraph {
            paras.push(Para { lines: std::mem::take(&mut lines), gap_before });
            blanks = 1;
        }
        previous_indented = indented;
        if lines.is_empty() {
            gap_before = if paras.is_empty() { 0 } else { blanks };
        }
        lines.push(line);
    }
    if !lines.is_empty() {
        paras.push(Para { lines, gap_before });
    }
    paras
}

/// What a run of lines with no blank line between them turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineBlock {
    /// One paragraph whose lines mean something: a list, a caption and its credit, an address,
    /// the lines of a post.
    Lines,
    /// One paragraph hard-wrapped at a fixed width (e-mail, wire copy, `fmt`): its lines are
    /// joined into one.
    Wrapped,
    /// Paragraphs one per line with no blank line between them (copied from a web page by some
    /// tools): each line is its own paragraph.
    LinePerParagraph,
}

/// The text again with hard-wrapped paragraphs joined into one line each and paragraphs written
/// one per line set apart by blank lines, or `None` when no paragraph is either (nearly every
/// article: then nothing is copied). Everything after the paragraph split reads a paragraph
/// as the lines between blank lines, so this is done first, to the text.
fn reflow(paras: &[Para<'_>]) -> Option<String> {
    let kinds: Vec<LineBlock> =
        paras
            .iter()
            .enumerate()
            .map(|(i, para)| {
                if para.lines.len() < 2 {
                    LineBlock::Lines
                } else {
                    classify_lines(para, i, paras.get(i + 1))
                }
            })
            .collect();
    if kinds.iter().all(|&kind| kind == LineBlock::Lines) {
        return None;
    }
    let mut text = String::new();
    for (para, kind) in paras.iter().zip(kinds) {
        if !text.is_empty() {
            text.push('\n');
            text.extend(std::iter::repeat_n('\n', para.gap_before.max(1)));
        }
        let separator = match kind {
            LineBlock::Lines => "\n",
            LineBlock::LinePerParagraph => "\n\n",
            LineBlock::Wrapped => {
                push_unwrapped(&mut text, &para.lines);
                continue;
            }
        };
        for (k, line) in para.lines.iter().enumerate() {
            if k > 0 {
                text.push_str(separator);
            }
            text.push_str(line);
        }
    }
    Some(text)
}

/// What the lines of paragraph `index`, of two or more lines, are; `next` is the paragraph after.
fn classify_lines(para: &Para<'_>, index: usize, next: Option<&Para<'_>>) -> LineBlock {
    let lines = &para.lines;
    // Lists are rendered as lists, and CJK text wraps without spaces to rejoin it with.
    if lines.iter().any(|line| strip_bullet(line).is_some() || number_marker(line).is_some())
        || lines.iter().any(|line| line.chars().any(crate::text::is_cjk))
    {
        return LineBlock::Lines;
    }
    // A mail quote is rendered as one (its own lines decide how), a post keeps its lines above
    // its signature, and a caption its credit line below it.
    let last = lines[lines.len() - 1];
    if quoted_lines(lines).is_some() || parse_signature(last).is_some() || parse_credit(last).is_some() {
        return LineBlock::Lines;
    }
    if is_hard_wrapped(lines) {
        return LineBlock::Wrapped;
    }
    // A page's header copied without blank lines: the headline over its standfirst, a byline
    // over the time it was updated. Each is a paragraph of its own, as the header is read.
    let headline_over_text = index == 0 && looks_like_headline_line(lines[0]);
    let header_line = |line: &&str| parse_byline(line).is_some() || is_timestamp_line(line);
    if headline_over_text || (index < HEADER_WINDOW && lines.iter().any(header_line)) {
        return LineBlock::LinePerParagraph;
    }
    // Two or more lines that are each a paragraph of prose: no list's marker, ending a sentence,
    // and either too long for a list item or a sentence of five words or more (a clipping's
    // `Emergency services said about 400 homes were affected.` under a longer paragraph). The
    // lines of an embedded post stay together: its signature follows them.
    // Under a line ending in `:` (`Key points:`), short sentences are that list's items.
    let under_intro = lines.first().is_some_and(|line| line.ends_with(':'));
    let prose_lines = lines
        .iter()
        .filter(|line| {
            ends_as_sentence(line)
                && (!is_list_item_like(line)
                    || (!under_intro
                        && strip_bullet(line).is_none()
                        && number_marker(line).is_none()
                        && !continues_as_text(line)
                        && !has_at_most_words(line, 4)))
        })
        .count();
    let before_signature = next.is_some_and(|next| parse_signature(next.first_line()).is_some());
    if prose_lines >= 2 && !before_signature {
        return LineBlock::LinePerParagraph;
    }
    LineBlock::Lines
}

/// Narrowest and widest line width (in characters) that hard-wrapped text is taken to have:
/// mail and wire copy wrap at 60 to 80 columns, and shorter lines are more likely a list.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 50..=100;

/// Whether `lines` were wrapped at a fixed width. Either every line but the last is as full as
/// greedy wrapping leaves it (the next line's first word would not have fitted after it) and at
/// least one line break falls inside a sentence (the next line starts in lower case); or, as
/// `fmt` and other wrappers that even out the lines leave them, every line but the last is at
/// least seven tenths of the widest and half the breaks or more fall inside a sentence. A caption
/// over its credit, or a list of sentences, fails both.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let widths: Vec<usize> = lines.iter().map(|line| line.chars().count()).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    if !WRAP_WIDTHS.contains(&widest) || lines.len() < 2 {
        return false;
    }
    let mut greedy = true;
    let mut inside_sentence = 0;
    for (k, pair) in lines.windows(2).enumerate() {
        let next_word = pair[1].split_whitespace().next().unwrap_or("");
        greedy &= widths[k] + 1 + next_word.chars().count() > widest;
        let ends_clause = pair[0].ends_with([':', ';']) || ends_as_sentence(pair[0]);
        if !ends_clause && pair[1].starts_with(char::is_lowercase) {
            inside_sentence += 1;
        }
    }
    let breaks = lines.len() - 1;
    let even = widths[..breaks].iter().all(|&width| width * 10 >= widest * 7);
    (greedy && inside_sentence > 0) || (even && inside_sentence * 2 >= breaks)
}

/// Appends hard-wrapped `lines` as one line. A line that ends in a hyphen or dash glued to its
/// word (`well-` / `known`) continues without a space; the hyphen is kept, as it may be part of
/// the word.
fn push_unwrapped(text: &mut String, lines: &[&str]) {
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            let previous = lines[k - 1];
            let mut tail = previous.chars().rev();
            let glued_dash = matches!(tail.next(), Some('-' | '–' | '—'))
                && tail.next().is_some_and(|c| !c.is_whitespace());
            if !glued_dash {
                text.push(' ');
            }
        }
        text.push_str(line);
    }
}

// ---------------------------------------------------------------------------------------------
// Layout: what each paragraph is
// ---------------------------------------------------------------------------------------------

/// What a paragraph turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    Title,
    Byline,
    Dropped,
    Image,
    Embed,
}

/// The paragraphs `first..=last` form one embedded post closed by `signature`.
#[derive(Debug)]
struct EmbedSpan {
    first: usize,
    last: usize,
    signature: Signature,
}

/// The decisions about an article's paragraphs, made once and then used for both metadata and
/// rendering.
#[derive(Debug)]
struct Layout {
    roles: Vec<Role>,
    embeds: Vec<EmbedSpan>,
    images: Vec<(usize, Image)>,
    photo_publisher: Option<String>,
    byline: Option<Byline>,
    updated: Option<UpdatedAt>,
    /// (year, month, day) of a date line near the top, or of a publication stamp.
    stamp: Option<(i16, i8, i8)>,
    lede: Option<usize>,
    dateline: Option<(Dateline, usize)>,
    clip: Option<ClipHeader>,
}

impl Layout {
    fn analyse(paras: &[Para<'_>]) -> Self {
        let mut layout = Layout {
            roles: vec![Role::Body; paras.len()],
            embeds: Vec::new(),
            images: Vec::new(),
            photo_publisher: None,
            byline: None,
            updated: None,
            stamp: None,
            lede: None,
            dateline: None,
            clip: None,
        };
        layout.mark_leftovers(paras);
        layout.mark_embeds(paras);
        layout.mark_images(paras);
        layout.mark_title(paras);
        layout.mark_header_lines(paras);
        layout.mark_date_stamp(paras);
        layout.find_lede(paras);
        layout
    }

    /// Drops paragraphs that are page leftovers line by line (`Advertisement` over `Story
    /// continues below advertisement`, pasted as one paragraph) and lists of links to other
    /// stories under their heading (`Read more:`, `Topics`, `Mehr zum Thema:`).
    fn mark_leftovers(&mut self, paras: &[Para<'_>]) {
        let count = paras.len();
        for (i, (role, para)) in self.roles.iter_mut().zip(paras).enumerate() {
            // A site's cookie notice is copied from the top or the bottom of its page.
            let at_an_end = i < 3 || i + 3 >= count;
            // Lines that are each a network's name alone (`Facebook` / `WhatsApp` / `Telegram`)
            // are as likely a story's list as a column of buttons: kept.
            let only_names = para.lines.len() > 1 && para.lines.iter().all(|line| is_network_name(line));
            // A take's note to editors sits under the headline; an agency's sign-off closes the
            // copy.
            let change_note =
                i < HEADER_WINDOW && para.single_line().and_then(wire_note) == Some(WireNote::Change);
            let sign_off = i + 1 == count && i > 0 && para.single_line().is_some_and(is_agency_sign_off);
            if (para.lines.iter().all(|line| is_page_leftover(line)) && !only_names)
                || is_list_of_links(&para.lines)
                || (at_an_end && is_cookie_notice(para))
                || change_note
                || sign_off
            {
                *role = Role::Dropped;
            }
        }
    }

    fn mark_embeds(&mut self, paras: &[Para<'_>]) {
        for (i, para) in paras.iter().enumerate() {
            let Some(last_line) = para.lines.last() else {
                continue;
            };
            let Some(signature) = parse_signature(last_line) else {
                continue;
            };
            if self.roles[i] != Role::Body {
                continue;
            }
            let own_text = para.char_len().saturating_sub(last_line.chars().count())
                + last_line[..signature.start].chars().count();
            // Only a paragraph that is the signature alone (or with the post's media link) takes
            // the one before it as the post's text: a post written above its signature, in the
            // same paragraph, is already whole.
            let before = &para.lines[..para.lines.len() - 1];
            let bare = last_line[..signature.start].trim().is_empty()
                && before.iter().all(|line| is_media_link(line));
            let first = self.embed_start(paras, i, own_text, bare);
            for role in &mut self.roles[first..=i] {
                *role = Role::Embed;
            }
            self.embeds.push(EmbedSpan { first, last: i, signature });
        }
    }

    /// Walks back from a signature paragraph over the paragraphs that belong to the same post:
    /// the one right before a bare signature, then any reached only across doubled blank lines
    /// (where the page showed the post's media), while the text stays post-sized.
    fn embed_start(&self, paras: &[Para<'_>], sig: usize, own_text: usize, bare: bool) -> usize {
        const POST_TEXT_LIMIT: usize = 560;
        let mut first = sig;
        let mut text = own_text;
        let mut take_previous = bare;
        while first > 0 {
            let prev = first - 1;
            let joins = take_previous || paras[first].gap_before >= 2;
            let fits = text + paras[prev].char_len() <= POST_TEXT_LIMIT;
            let free = self.roles[prev] == Role::Body
                && paras[prev].lines.last().is_none_or(|l| parse_signature(l).is_none());
            if !(joins && fits && free) {
                break;
            }
            text += paras[prev].char_len();
            first = prev;
            take_previous = false;
        }
        first
    }

    fn mark_images(&mut self, paras: &[Para<'_>]) {
        let mut at_top = true;
        for i in 0..paras.len() {
            if self.roles[i] != Role::Body {
                continue;
            }
            match self.image_at(paras, i, at_top) {
                Some(image) => self.images.push((i, image)),
                None => at_top = false,
            }
        }
        self.images.sort_by_key(|(i, _)| *i);
    }

    /// Recognises the image material that paragraph `i` carries, marking the paragraphs it uses.
    fn image_at(&mut self, paras: &[Para<'_>], i: usize, at_top: bool) -> Option<Image> {
        let para = &paras[i];
        // `Photos: Australia's spring heatwave breaks records` over the text: a gallery's
        // headline, whose label reads as a credit's.
        if i == 0
            && para.single_line().is_some_and(is_gallery_headline)
            && paras.get(1).is_some_and(Para::is_prose)
        {
            return None;
        }
        if let Some(line) = para.single_line() {
            if let Some(credit) = parse_credit(line) {
                if let Some(publisher) = credit.publisher {
                    self.photo_publisher.get_or_insert(publisher);
                }
                self.roles[i] = Role::Image;
                if let Some((caption, credit)) = split_labelled_caption(line) {
                    return Some(Image {
                        caption: Some(caption.to_string()),
                        credit: Some(credit.to_string()),
                    });
                }
                let caption = self.caption_before(paras, i);
                return Some(Image { caption, credit: Some(line.to_string()) });
            }
            if self.follows_image_marker(paras, i) && is_bare_name(line) {
                self.roles[i] = Role::Image;
                return Some(Image { caption: None, credit: Some(line.to_string()) });
            }
            let image = split_captioned_credit(line, at_top || para.gap_before >= 2)
                .or_else(|| caption_with_label(line));
            if image.is_some() {
                self.roles[i] = Role::Image;
            }
            return image;
        }
        self.caption_paragraph_with_credit_line(para, i)
    }

    /// A short multi-line paragraph whose last line is a credit: caption lines, then credit.
    fn caption_paragraph_with_credit_line(&mut self, para: &Para<'_>, i: usize) -> Option<Image> {
        let (credit, caption_lines) = para.lines.split_last()?;
        if para.lines.len() > 3 || parse_credit(credit).is_none() {
            return None;
        }
        self.roles[i] = Role::Image;
        Some(Image { caption: Some(caption_lines.join(" ")), credit: Some(credit.to_string()) })
    }

    /// The paragraph before a credit is its caption when the page set it apart: it follows a
    /// removed image (a doubled blank line or an `Image`/`Photo` marker) and sits right above
    /// the credit.
    fn caption_before(&mut self, paras: &[Para<'_>], credit: usize) -> Option<String> {
        let c = credit.checked_sub(1)?;
        let set_apart = paras[c].gap_before >= 2 || self.follows_image_marker(paras, c);
        let candidate = self.roles[c] == Role::Body
            && c > 0
            && set_apart
            && paras[credit].gap_before == 1
            && paras[c].word_count() <= 80
            && paras[c].single_line().is_some_and(|l| parse_credit(l).is_none());
        if !candidate {
            return None;
        }
        self.roles[c] = Role::Image;
        Some(paras[c].joined())
    }

    fn follows_image_marker(&self, paras: &[Para<'_>], i: usize) -> bool {
        i.checked_sub(1).is_some_and(|p| {
            self.roles[p] == Role::Dropped && paras[p].single_line().is_some_and(is_image_marker)
        })
    }

    /// The headline: the first paragraph, or the first after page leftovers ("Advertisement")
    /// and a section label ("EXCLUSIVE", "Analysis"), which is then dropped as a leftover too.
    fn mark_title(&mut self, paras: &[Para<'_>]) {
        let mut at = 0;
        let mut label = None;
        while at < paras.len().min(HEADER_WINDOW) {
            match self.roles[at] {
                // Page leftovers, and a photo's caption and credit printed over the headline.
                Role::Dropped | Role::Image => at += 1,
                // A newsletter's masthead line (`From the Carbon Brief Daily Briefing, 16
                // November 2026`) over the story it carries.
                Role::Body if paras[at].single_line().is_some_and(is_newsletter_masthead) => {
                    self.roles[at] = Role::Dropped;
                    at += 1;
                }
                // A date over the headline is the page's date line (read by `mark_date_stamp`),
                // never the headline itself.
                Role::Body if para_date(&paras[at]).is_some() => at += 1,
                Role::Body if label.is_none() && paras[at].single_line().is_some_and(is_section_label) => {
                    label = Some(at);
                    at += 1;
                }
                _ => break,
            }
        }
        // What follows the headline is the first paragraph kept: a take's note to editors
        // (`(Adds company comment, paragraphs 5-6)`) or page leftovers say nothing of it.
        let next = (at + 1..paras.len()).find(|&i| self.roles[i] != Role::Dropped).map(|i| &paras[i]);
        if at < paras.len() && self.roles[at] == Role::Body && looks_like_headline(&paras[at], next) {
            self.roles[at] = Role::Title;
            if let Some(label) = label {
                self.roles[label] = Role::Dropped;
            }
        }
    }

    /// Paragraph `at` as a byline of [`names_in_place`]'s shape, where the Guardian prints one:
    /// between the standfirst (a paragraph of text under the headline) and the lede, naming no
    /// one the story goes on to name. A caption or a series label under the headline (`Joe
    /// Biden and Xi Jinping in Beijing`, `Record Heat in Phoenix`) has no standfirst over it, and
    /// a caption's people are the story's; writers are seldom named in their own story.
    fn writers_in_place(&self, paras: &[Para<'_>], at: usize) -> Option<Byline> {
        let standfirst = at.checked_sub(1).is_some_and(|before| {
            self.roles[before] == Role::Body
                && paras[before].single_line().is_some_and(|line| !has_at_most_words(line, 5))
        });
        if !standfirst || !paras.get(at + 1).is_some_and(Para::is_prose) {
            return None;
        }
        let byline = names_in_place(paras[at].single_line()?)?;
        // As a word of its own (`Wood` is not in `Woodward`); a surname of three letters or fewer
        // (`Lu`, `Kim`) is in too many other words and names to tell anything.
        let named_after = byline.authors.iter().any(|name| {
            let surname = name.rsplit(' ').next().unwrap_or(name);
            surname.chars().count() >= 4
                && paras[at + 1..]
                    .iter()
                    .flat_map(|para| &para.lines)
                    .any(|line| crate::text::contains_words(line, surname))
        });
        (!named_after).then_some(byline)
    }

    /// The lines between the headline and the lede: a byline and kickers, and a standfirst
    /// before the byline (left in the body).
    fn mark_header_lines(&mut self, paras: &[Para<'_>]) {
        for (i, para) in paras.iter().enumerate().take(HEADER_WINDOW) {
            if self.roles[i] != Role::Body {
                continue;
            }
            let Some(line) = para.single_line() else {
                break;
            };
            let under_headline = self.roles[..i].contains(&Role::Title);
            if self.byline.is_none()
                && let Some(byline) = parse_byline(line)
                    .or_else(|| under_headline.then(|| self.writers_in_place(paras, i)).flatten())
            {
                self.byline = Some(byline);
                self.roles[i] = Role::Byline;
                continue;
            }
            // `WASHINGTON, Nov 19 —` on a line of its own: the lede's dateline, read with it.
            if is_lone_dateline(line) {
                continue;
            }
            if is_kicker(line) {
                self.roles[i] = Role::Dropped;
                continue;
            }
            // `Staff reporter` alone where a byline goes: the paper's, no one's name.
            if self.byline.is_none() && has_at_most_words(line, 4) && is_generic_writer(line) {
                self.roles[i] = Role::Dropped;
                continue;
            }
            // The writer's role on a line under the byline (`Politics correspondent`, `Sports
            // Reporter`): the byline's, reported as its other words are, not the story's first
            // paragraph (which also hid a date line under it).
            if i > 0
                && self.roles[i - 1] == Role::Byline
                && has_at_most_words(line, 4)
                && is_affiliation(line)
                && !is_known_agency(line)
                && !ends_as_sentence(line)
            {
                self.roles[i] = Role::Dropped;
                continue;
            }
            if self.updated.is_none()
                && is_timestamp_line(line)
                && let Some(date) = updated_date(line)
            {
                self.updated = Some(date);
                self.roles[i] = Role::Dropped;
                continue;
            }
            if is_dayless_stamp(line) {
                self.roles[i] = Role::Dropped;
                continue;
            }
            let standfirst = self.byline.is_none()
                && !ends_as_sentence(line)
                && paras.get(i + 1).and_then(Para::single_line).is_some_and(|next| {
                    parse_byline(next).is_some()
                        || (under_headline && self.writers_in_place(paras, i + 1).is_some())
                });
            if para.is_prose() && !standfirst {
                break;
            }
        }
    }

    /// A date on a line of its own in the page's header (`Feb. 21, 2019` under a photo's credit,
    /// `22 Dec, 2016` printed twice under the headline): the article's date, so the line is page
    /// furniture once read. A clipping with no other date would otherwise be dated the day it was
    /// copied, and lead the front page. Only where a header puts it: among the first paragraphs,
    /// right after the headline, a byline, a photo's caption or credit or page leftovers, not
    /// after a paragraph of text (`The concert returns.` over `July 4, 2025` gives the concert's
    /// date), in an article with no other date-only paragraph (a timeline's dates head its
    /// entries, and are the story's). Failing that, a publication stamp
    /// ([`Layout::mark_publication_stamp`]).
    fn mark_date_stamp(&mut self, paras: &[Para<'_>]) {
        self.mark_date_paragraph(paras);
        if self.stamp.is_none() {
            self.mark_publication_stamp(paras);
        }
    }

    /// [`Layout::mark_date_stamp`]'s date on a line of its own.
    fn mark_date_paragraph(&mut self, paras: &[Para<'_>]) {
        let Some(at) = paras.iter().take(STAMP_WINDOW).position(|para| para_date(para).is_some()) else {
            return;
        };
        let Some(date) = para_date(&paras[at]) else { return };
        let after_text = (0..at)
            .rev()
            .find(|&i| self.roles[i] != Role::Dropped)
            .is_some_and(|i| self.roles[i] == Role::Body);
        let another = paras.iter().enumerate().any(|(i, para)| i != at && para_date(para).is_some());
        if self.roles[at] == Role::Body && !after_text && !another {
            self.stamp = Some(date);
            self.roles[at] = Role::Dropped;
        }
    }

    /// A publication stamp ([`publication_stamp`]) among the first paragraphs, or, when a
    /// word says what it is (`First published`), as the last paragraph of text, where CNN prints
    /// it: the article's date, and page furniture once read. Its words say what it is, so unlike
    /// a bare date it may follow a standfirst. Only an article's one stamp is: dates with times
    /// that head a timeline's or a live blog's entries are the story's own.
    fn mark_publication_stamp(&mut self, paras: &[Para<'_>]) {
        let mut stamps = (0..paras.len())
            .filter(|&at| self.roles[at] == Role::Body)
            .filter_map(|at| paras[at].single_line().and_then(publication_stamp).map(|stamp| (at, stamp)));
        let (Some((at, stamp)), None) = (stamps.next(), stamps.next()) else { return };
        let last_text = (0..paras.len()).rev().find(|&i| self.roles[i] != Role::Dropped);
        if at < STAMP_WINDOW || (stamp.led && Some(at) == last_text) {
            self.stamp = Some(stamp.date);
            self.roles[at] = Role::Dropped;
            // `… GMT Updated March 4, 2025 6:10 PM GMT`: the update's moment, where it names one.
            if self.updated.is_none()
                && let Some(update) = paras[at].single_line().and_then(update_after_stamp)
            {
                self.updated = updated_date(update);
            }
        }
    }

    fn find_lede(&mut self, paras: &[Para<'_>]) {
        let lede = (0..paras.len()).find(|&i| {
            let line = paras[i].first_line();
            self.roles[i] == Role::Body
                && paras[i].is_prose()
                && !is_timestamp_line(line)
                && (ends_as_sentence(line) || line.ends_with(':') || !has_at_most_words(line, 19))
        });
        self.lede = lede;
        if let Some(i) = lede {
            self.dateline = parse_dateline(paras[i].first_line()).map(|d| (d.dateline, d.rest));
            if self.dateline.is_none()
                && let Some(alone) = i
                    .checked_sub(1)
                    .and_then(|d| paras[d].single_line())
                    .filter(|line| is_lone_dateline(line))
            {
                // The lede's text starts at its start: the dateline is a paragraph of its own.
                self.dateline =
                    parse_dateline(&format!("{alone} {}", paras[i].first_line())).map(|d| (d.dateline, 0));
            }
            // A section label between the headline and the lede (`EXCLUSIVE` under TMZ's time
            // stamp) is the page's, as it is above a headline: no subhead of the story. With no
            // headline it stays text, as it does above a lede.
            let below_headline = self.roles[..i].iter().position(|role| *role == Role::Title).map(|t| t + 1);
            let header = below_headline.unwrap_or(i)..i;
            for (role, para) in self.roles[header.clone()].iter_mut().zip(&paras[header]) {
                if *role == Role::Body && para.single_line().is_some_and(is_section_label) {
                    *role = Role::Dropped;
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Metadata
    // -----------------------------------------------------------------------------------------

    fn fill_metadata(&self, paras: &[Para<'_>], out: &mut Converted) {
        let summary_source = self.summary_source(paras);
        out.summary = summarise(&summary_source);
        match self.roles.iter().position(|role| *role == Role::Title) {
            Some(title) => {
                out.title = Some(without_wire_marks(&normalise_space(paras[title].first_line())));
            }
            None if self.clip.as_ref().is_some_and(|clip| clip.title.is_some()) => {
                out.title = self.clip.as_ref().and_then(|clip| clip.title.clone());
            }
            None => {
                let fallback;
                let from = if summary_source.is_empty() {
                    fallback = self.fallback_title_source(paras);
                    fallback.as_str()
                } else {
                    summary_source.as_str()
                };
                out.title = Some(infer_title(from));
                out.title_inferred = true;
            }
        }
        if let Some(byline) = &self.byline {
            out.authors = byline.authors.clone();
            out.byline = Some(byline.line.clone());
        } else if let Some(author) = self.clip.as_ref().and_then(|clip| clip.author.as_deref()) {
            // Read as a byline is: `Ruth Adams, Economics Correspondent` is one writer and a
            // role, `Staff Reporter` no one.
            out.authors =
                parse_byline(&format!("By {author}")).map(|byline| byline.authors).unwrap_or_default();
        } else {
            out.authors = self.tagline_authors(paras);
            if out.authors.is_empty() {
                out.authors = self.credited_reporters(paras);
            }
        }
        out.dateline = self.dateline.as_ref().map(|(d, _)| d.clone());
        out.source = self.source().or_else(|| {
            let clip = self.clip.as_ref()?;
            clip.source.clone().or_else(|| clip.url.as_deref().and_then(publisher_of_url))
        });
        if let Some(clip) = &self.clip {
            out.source_url = clip.url.clone();
            out.tags = clip.tags.clone();
        }
        out.images = self.images.iter().map(|(_, image)| image.clone()).collect();
        out.embeds = self.embeds.iter().map(|span| span.signature.embed.clone()).collect();
        out.date = self.date_hint();
        out.updated = self.updated;
        out.dropped = self.clip.iter().map(|clip| clip.text.clone()).collect();
        out.dropped.extend(self.dropped_lines(paras));
        if let Some(byline) = &self.byline {
            out.dropped.extend(byline.leftovers.iter().cloned());
        }
        out.lang = guess_language(self.body_paragraphs(paras)).map(str::to_string);
    }

    /// The writers that taglines under the story name ([`tagline_names`]), for a story that
    /// printed no byline over it: the paragraph stays in the body, where the page had it. A name
    /// the headline or the story used before its taglines, whole or by its surname, is left out:
    /// a story that ends `Jane Roe is a former reporter for the Herald.` is about Jane Roe, not by
    /// her.
    fn tagline_authors(&self, paras: &[Para<'_>]) -> Vec<String> {
        let body: Vec<usize> = (0..paras.len()).filter(|&i| self.roles[i] == Role::Body).collect();
        let mut names: Vec<String> = Vec::new();
        let mut first_tagline = None;
        for &i in &body[body.len().saturating_sub(TAGLINE_WINDOW)..] {
            for name in tagline_names(&paras[i].joined()) {
                first_tagline.get_or_insert(i);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        let Some(first_tagline) = first_tagline else { return names };
        // A line that is a name alone (`Sarah Archer` under `About the Author`) heads its
        // tagline.
        let before: Vec<String> = (0..first_tagline)
            .filter(|&i| matches!(self.roles[i], Role::Body | Role::Title))
            .map(|i| paras[i].joined())
            .filter(|text| !names.iter().any(|name| text.trim().eq_ignore_ascii_case(name)))
            .map(|text| text.to_lowercase())
            .collect();
        let said_before = |words: &str| {
            before.iter().any(|text| {
                text.match_indices(words).any(|(at, _)| {
                    let alone_before = !text[..at].ends_with(char::is_alphanumeric);
                    let alone_after = !text[at + words.len()..].starts_with(char::is_alphanumeric);
                    alone_before && alone_after
                })
            })
        };
        names.retain(|name| {
            let name = name.to_lowercase();
            let surname = name.rsplit(' ').next().unwrap_or(&name);
            !said_before(&name) && (surname.chars().count() < 4 || !said_before(surname))
        });
        names
    }

    /// The reporters a wire story's closing credits name, for a story with no byline:
    /// `(Reporting by Noor Haddad in London and Tom Whitfield in Singapore; Editing by Jason
    /// Neely)` gives Noor Haddad and Tom Whitfield. `Writing by` names a writer too; additional
    /// reporting, editing and compiling do not make a writer of anyone. The line stays in the
    /// body, where the agency printed it.
    fn credited_reporters(&self, paras: &[Para<'_>]) -> Vec<String> {
        let body: Vec<usize> = (0..paras.len()).filter(|&i| self.roles[i] == Role::Body).collect();
        let Some(credits) = body[body.len().saturating_sub(TAGLINE_WINDOW)..]
            .iter()
            .rev()
            .map(|&i| paras[i].joined())
            .find(|text| is_credits_line(text))
        else {
            return Vec::new();
        };
        let mut names: Vec<String> = Vec::new();
        for part in credits.trim_start_matches('(').trim_end_matches(['.', ')']).split(';') {
            let part = part.trim();
            let Some(list) =
                ["reporting by ", "writing by "].iter().find_map(|lead| strip_prefix_ignore_case(part, lead))
            else {
                continue;
            };
            for piece in list.split(" and ").flat_map(|piece| piece.split(", ")) {
                // `Tom Whitfield in Singapore`: the reporter, not where they were. `Reuters TV` is
                // no one ([`writer_name`] knows `TV`).
                let name = piece.split(" in ").next().unwrap_or(piece);
                if let Some(name) = writer_name(name)
                    && !names.contains(&name)
                {
                    names.push(name);
                }
            }
        }
        names
    }

    /// The lede without its dateline, followed by the prose paragraphs right after it.
    fn summary_source(&self, paras: &[Para<'_>]) -> String {
        let Some(lede) = self.lede else {
            return String::new();
        };
        let mut text = String::new();
        let mut words = 0;
        for (i, para) in paras.iter().enumerate().skip(lede) {
            let line = para.first_line();
            // Wire credits close a story, a quoted statement (`> `) is set apart from it, and a
            // contact line is for editors: none is part of its summary.
            if self.roles[i] != Role::Body
                || !para.is_prose()
                || words >= SUMMARY_WORDS
                || is_credits_line(line)
                || line.starts_with('>')
                || is_contact_line(line)
            {
                break;
            }
            let line = match &self.dateline {
                Some((_, rest)) if i == lede => line.get(*rest..).unwrap_or(line),
                _ => line,
            };
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(line);
            words += count_words(line);
        }
        text
    }

    fn fallback_title_source(&self, paras: &[Para<'_>]) -> String {
        let first_body = (0..paras.len()).find(|&i| self.roles[i] == Role::Body);
        paras[first_body.unwrap_or(0)].joined()
    }

    fn source(&self) -> Option<String> {
        let from_dateline = self.dateline.as_ref().and_then(|(d, _)| d.agency.as_deref());
        let from_byline = self.byline.as_ref().and_then(|b| b.agency.as_deref());
        from_dateline.or(from_byline).map(publisher_name).or_else(|| self.photo_publisher.clone())
    }

    fn date_hint(&self) -> Option<DateHint> {
        let from_dateline = self.dateline.as_ref().and_then(|(d, _)| {
            let (year, month, day) = parse_full_date(d.date.as_deref()?)?;
            Some(DateHint { year, month, day, evidence: DateEvidence::Dateline })
        });
        let latest_post = self
            .embeds
            .iter()
            .filter_map(|span| parse_full_date(span.signature.embed.date.as_deref()?))
            .max()
            .map(|(year, month, day)| DateHint { year, month, day, evidence: DateEvidence::EmbedSignature });
        let stamp =
            self.stamp.map(|(year, month, day)| DateHint { year, month, day, evidence: DateEvidence::Stamp });
        // With no other date, an `Updated …` line's: the story is at most that old, and pages
        // update stories within a day or two. Without it the file's modification time dated
        // the story, which then said it was updated months before it was published.
        let updated = self.updated.map(|updated| {
            let (year, month, day) = updated.date;
            DateHint { year, month, day, evidence: DateEvidence::Stamp }
        });
        let clip_date = |clipped: bool| {
            let clip = self.clip.as_ref()?;
            let (year, month, day) = if clipped { clip.clipped? } else { clip.published? };
            Some(DateHint { year, month, day, evidence: DateEvidence::Stamp })
        };
        // A clipping tool's `Published:` is the page's own date; its `Clipped:` is when the page
        // was saved, which the story is at most as old as, as an update is.
        from_dateline
            .or(stamp)
            .or_else(|| clip_date(false))
            .or(updated)
            .or_else(|| clip_date(true))
            .or(latest_post)
    }

    fn dropped_lines(&self, paras: &[Para<'_>]) -> Vec<String> {
        (0..paras.len())
            .filter(|&i| self.roles[i] == Role::Dropped)
            .map(|i| paras[i].lines.join("\n"))
            .collect()
    }

    /// The lines that stay in the body, as plain text.
    fn body_paragraphs<'p>(&'p self, paras: &'p [Para<'p>]) -> impl Iterator<Item = &'p str> + Clone + 'p {
        paras
            .iter()
            .enumerate()
            .filter(|(i, _)| matches!(self.roles[*i], Role::Body | Role::Embed))
            .flat_map(|(_, para)| para.lines.iter().copied())
    }

    // -----------------------------------------------------------------------------------------
    // Rendering
    // -----------------------------------------------------------------------------------------

    fn render_body(&self, paras: &[Para<'_>]) -> String {
        let text_len: usize = paras.iter().flat_map(|p| &p.lines).map(|l| l.len() + 2).sum();
        let mut md = String::with_capacity(text_len + text_len / 8);
        let mut spans = self.embeds.iter().peekable();
        let last_body = (0..paras.len()).rev().find(|&i| self.roles[i] == Role::Body);
        let mut seen_body = false;
        for (i, para) in paras.iter().enumerate() {
            match self.roles[i] {
                // A rule before the story or after its end sets nothing apart.
                Role::Body
                    if (!seen_body
                        || last_body == Some(i) && self.embeds.last().is_none_or(|s| s.first < i))
                        && para.single_line().is_some_and(is_section_break) => {}
                Role::Body => {
                    start_block(&mut md);
                    let has_next =
                        last_body.is_some_and(|l| l > i) || self.embeds.last().is_some_and(|s| s.first > i);
                    let may_be_subhead = seen_body && Some(i) != self.lede && has_next;
                    render_paragraph(&mut md, para, may_be_subhead);
                    seen_body = true;
                }
                Role::Embed => {
                    if let Some(span) = spans.next_if(|s| s.last == i) {
                        start_block(&mut md);
                        render_embed(&mut md, &paras[span.first..=span.last], &span.signature);
                        seen_body = true;
                    }
                }
                Role::Title | Role::Byline | Role::Dropped | Role::Image => {}
            }
        }
        if !md.is_empty() {
            md.push('\n');
        }
        md
    }
}

fn start_block(md: &mut String) {
    if !md.is_empty() {
        md.push_str("\n\n");
    }
}

fn render_paragraph(md: &mut String, para: &Para<'_>, may_be_subhead: bool) {
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
fn is_section_break(line: &str) -> bool {
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
fn quoted_lines<'a>(lines: &[&'a str]) -> Option<Vec<&'a str>> {
    let unquote =
        |line: &&'a str| if *line == ">" { Some("") } else { line.strip_prefix("> ").map(str::trim_start) };
    let quoted: Vec<&str> = lines.iter().map(unquote).collect::<Option<_>>()?;
    quoted.iter().any(|line| !line.is_empty()).then_some(quoted)
}

/// A post's media link on a line of its own, as copied from X: `pic.twitter.com/…`, `https://t.co/…`.
fn is_media_link(line: &str) -> bool {
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
    } else if lines.iter().all(|l| is_list_item_like(l)) {
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
fn render_embed(md: &mut String, paras: &[Para<'_>], signature: &Signature) {
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

// ---------------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------------

fn push_escaped_line(out: &mut String, line: &str) {
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
const INLINE_SPECIAL: [bool; 256] = {
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
fn may_be_inline_special(chunk: u64) -> u64 {
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

// ---------------------------------------------------------------------------------------------
// Page leftovers, kickers, timestamps
// ---------------------------------------------------------------------------------------------

fn is_page_leftover(line: &str) -> bool {
    const LEFTOVERS: &[&str] = &[
        "advertisement",
        "continue reading the main story",
        "continue reading",
        "image",
        "photo",
        "video",
        "share this article",
        "share this",
        "share",
        "share on facebook",
        "share on twitter",
        "share via email",
        "play video",
        "play",
        "fullscreen",
        "reuse content",
        "sign up for our newsletter",
        "skip advertisement",
        "supported by",
        "listen to this article",
        "read more",
        "read more:",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "pinterest",
        "email",
        "print",
        "comments",
        "loading",
        "loading...",
        "copy link",
        "story continues below advertisement",
        "article continues below advertisement",
        "subscribe",
        "comment",
        "gift this article",
        "save article",
        "most read",
        "advertisement - scroll to continue",
        "anzeige",
        "werbung",
        "publicidad",
        "publicité",
        "pubblicità",
        "publicidade",
        "advertentie",
    ];
    const LONGEST: usize = 40;
    // A link's screen-reader label copied with it: `Our Standards: The Thomson Reuters Trust
    // Principles., opens new tab`.
    if line.ends_with(", opens new tab") && has_at_most_words(line, 16) {
        return true;
    }
    if is_known_furniture(line) {
        return true;
    }
    if line.len() <= 120 && is_share_buttons(line) {
        return true;
    }
    if line.len() > LONGEST {
        return false;
    }
    let lower = line.to_lowercase();
    LEFTOVERS.contains(&lower.as_str()) || is_player_readout(&lower) || is_page_number(&lower)
}

/// Social networks as sharing buttons name them.
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "email",
    "e-mail",
    "mail",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "messenger",
    "bluesky",
    "threads",
    "flipboard",
];

/// A row of sharing buttons copied as text: `Facebook Twitter Email`, `Share on Facebook | Share
/// on X`, `Partager sur Facebook   Partager sur Twitter`. Every word is a network or the verb and
/// preposition around one, in a language Gazette reads, and one of them is a network.
fn is_share_buttons(line: &str) -> bool {
    const AROUND: &[&str] = &[
        "share",
        "on",
        "via",
        "by",
        "partager",
        "sur",
        "par",
        "teilen",
        "auf",
        "per",
        "compartir",
        "en",
        "por",
        "condividi",
        "su",
        "delen",
        "op",
        "partilhar",
        "compartilhar",
        "no",
        "print",
        "copy",
        "link",
        "|",
        "/",
    ];
    // Asked of every short line: no allocation, and out at the first word that is neither.
    let is = |list: &[&str], word: &str| list.iter().any(|known| known.eq_ignore_ascii_case(word));
    let mut words = 0;
    let mut network = false;
    for word in line.split_whitespace() {
        if is(NETWORKS, word) {
            network = true;
        } else if !is(AROUND, word) {
            return false;
        }
        words += 1;
    }
    words >= 2 && network
}

/// A site's cookie notice copied with its page (`We use cookies to improve your experience on
/// our site. … Accept all cookies  Manage preferences`), in the languages the converter reads:
/// the site speaks of its own use of cookies, which a story about cookies does not.
fn is_cookie_notice(para: &Para<'_>) -> bool {
    const SAID: &[&str] = &[
        "we use cookies",
        "this site uses cookies",
        "this website uses cookies",
        "our use of cookies",
        "accept all cookies",
        "accept cookies",
        "cookie settings",
        "cookie preferences",
        "wir verwenden cookies",
        "diese website verwendet cookies",
        "nous utilisons des cookies",
        "ce site utilise des cookies",
        "utilizamos cookies",
        "este sitio utiliza cookies",
        "utilizziamo i cookie",
        "wij gebruiken cookies",
    ];
    /// What a notice asks the reader to do; two of them, beside the site's own words.
    const ASKED: &[&str] = &[
        "accept",
        "agree",
        "consent",
        "manage",
        "reject",
        "preferences",
        "continuing",
        "akzeptieren",
        "accepter",
        "aceptar",
        "accetta",
        "accepteren",
    ];
    // Most paragraphs never say the word: looked for line by line before anything is copied.
    if !para.lines.iter().any(|line| line.contains("ookie") || line.contains("OOKIE")) {
        return false;
    }
    let text = para.joined();
    if !has_at_most_words(&text, 80) {
        return false;
    }
    // A story quotes a notice (`ask visitors to "accept all cookies"`); a notice quotes nothing.
    if text.contains(['"', '“', '”', '„', '«', '»']) {
        return false;
    }
    let lower = text.to_lowercase();
    SAID.iter().any(|said| lower.contains(said))
        && ASKED.iter().filter(|word| lower.contains(*word)).count() >= 2
}

/// A social network's name alone on a line.
fn is_network_name(line: &str) -> bool {
    let line = line.trim();
    NETWORKS.iter().any(|network| network.eq_ignore_ascii_case(line))
}

/// A page number left by a print or PDF export: `Page 2`, `Page 3 of 7`, `Seite 2`.
fn is_page_number(lower: &str) -> bool {
    let Some(rest) =
        ["page ", "seite ", "página ", "pagina "].iter().find_map(|word| lower.strip_prefix(word))
    else {
        return false;
    };
    let rest = rest.trim();
    let (number, of) = rest.split_once(" of ").or_else(|| rest.split_once(" von ")).unwrap_or((rest, "1"));
    [number, of].iter().all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// A list of links to other stories under its heading, pasted with the article: `Read more:`,
/// `Related`, `Topics` or `Mehr zum Thema:` over lines that are headlines or names (short, with
/// no sentence's full stop), in one paragraph.
fn is_list_of_links(lines: &[&str]) -> bool {
    const HEADINGS: &[&str] = &[
        "read more",
        "related",
        "related stories",
        "related articles",
        "related coverage",
        "related topics",
        "more on this story",
        "more on this topic",
        "see also",
        "topics",
        "tags",
        "mehr zum thema",
        "lesen sie auch",
        "lire aussi",
        "à lire aussi",
        "sur le même sujet",
        "lee también",
        "leggi anche",
    ];
    let [heading, items @ ..] = lines else { return false };
    if heading.len() > 24 {
        return false;
    }
    let heading = heading.trim().to_lowercase();
    let heading = heading.trim_end_matches([':', ' ']);
    !items.is_empty()
        && HEADINGS.contains(&heading)
        && items.iter().all(|item| has_at_most_words(item, 16) && !ends_as_sentence(item))
}

/// Page furniture of a known shape, whatever its length: the print edition's note and its links
/// (`A version of this article appears in print on …`, `Order Reprints | Today’s Paper |
/// Subscribe`), a graphic's or a gallery's link (`(Graphic: Global assets in 2019 - here)`,
/// `Gallery: Xbox One X | 14 Photos`), a teaser for another story (`Related: Chicago is America's
/// most segregated city`), a widget's credit naming its site (`Powered by SmartAsset.com`, not a
/// subhead's `Powered by the sun`).
fn is_known_furniture(line: &str) -> bool {
    let starts = |prefix: &str| strip_prefix_ignore_case(line, prefix).is_some();
    (starts("a version of this article appears in print") && has_at_most_words(line, 80))
        || (starts("order reprints |") && has_at_most_words(line, 12))
        || (line.starts_with("(Graphic") && line.ends_with("here)") && has_at_most_words(line, 20))
        || (starts("gallery:")
            && line.contains(" | ")
            && line.ends_with("Photos")
            && has_at_most_words(line, 16))
        || ((starts("related:") || starts("read more:") || starts("lire aussi :") || starts("lire aussi:"))
            && !ends_as_sentence(line)
            && has_at_most_words(line, 20))
        || (line.starts_with('©') && has_at_most_words(line, 8))
        || is_agency_notice(line)
        || (starts("click here to ") && has_at_most_words(line, 12))
        || (starts("comments (") && has_at_most_words(line, 2))
        || (starts("powered by ") && has_at_most_words(line, 4) && names_a_site(line))
}

/// An agency's notice printed with its copy, not part of the story: `Copyright 2025 The
/// Associated Press. All rights reserved. This material may not be published…`, AP's `THIS IS A
/// BREAKING NEWS UPDATE. Check back soon…` and `APNewsAlert`, Reuters' `Our Standards: The
/// Thomson Reuters Trust Principles.`, and the database pointers under its briefs (`Source text
/// for Eikon: [ID:nRSA1234Xa]`, `Further company coverage: [SEH.L]`).
fn is_agency_notice(line: &str) -> bool {
    let starts = |prefix: &str| strip_prefix_ignore_case(line, prefix).is_some();
    let copyright = strip_prefix_ignore_case(line, "copyright ").is_some_and(|rest| {
        let year = rest
            .trim_start_matches(['©', ' '])
            .get(..4)
            .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
        (year || rest.to_lowercase().contains("all rights reserved")) && has_at_most_words(line, 40)
    });
    copyright
        || (line.starts_with("THIS IS A BREAKING NEWS UPDATE") && has_at_most_words(line, 40))
        || line == "APNewsAlert"
        || line == "AP NewsAlert"
        || (starts("our standards:") && has_at_most_words(line, 10))
        || (starts("source text for eikon") && has_at_most_words(line, 12))
        || (starts("further company coverage") && has_at_most_words(line, 12))
}

/// Whether `line` holds a web address's host: a word with a dot between letters that ends in
/// letters (`SmartAsset.com`, `example.org`).
fn names_a_site(line: &str) -> bool {
    line.split_whitespace().any(|word| {
        let word = word.trim_end_matches(['.', ',', ')']);
        word.split_once('.').is_some_and(|(name, top)| {
            !name.is_empty()
                && top.len() >= 2
                && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.')
                && top.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        })
    })
}

/// Video-player chrome such as `Current Time 0:00` or `Loaded: 0%`.
fn is_player_readout(lower: &str) -> bool {
    const LABELS: &[&str] = &["current time", "duration time", "remaining time", "loaded:", "progress:"];
    LABELS.iter().any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim();
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || ":%.-".contains(c))
        })
    })
}

fn is_image_marker(line: &str) -> bool {
    matches!(line.to_lowercase().as_str(), "image" | "photo" | "video")
}

/// `From the Carbon Brief Daily Briefing, 16 November 2026`, `From today's Morning Briefing`:
/// the newsletter a story was copied from, over its headline.
fn is_newsletter_masthead(line: &str) -> bool {
    const NEWSLETTERS: &[&str] = &["briefing", "newsletter", "digest", "bulletin", "edition"];
    let Some(rest) = [
        "From the ",
        "From today's ",
        "From today’s ",
        "From our ",
        "From this week's ",
        "From this week’s ",
    ]
    .iter()
    .find_map(|lead| line.strip_prefix(lead)) else {
        return false;
    };
    // The newsletter's name ends the line or comes before its date: `…Daily Briefing, 16
    // November 2026`; `From Newsletter to Empire: How Substack…` is a headline.
    let name = rest.split(',').next().unwrap_or(rest).trim_end_matches(':');
    let last = name.split_whitespace().next_back().unwrap_or("").to_lowercase();
    NEWSLETTERS.contains(&last.as_str())
        && !name.contains(" to ")
        && has_at_most_words(line, 12)
        && !ends_as_sentence(line)
}

/// A dateline on a line of its own, its dash ending it (`WASHINGTON, Nov 19 —`).
fn is_lone_dateline(line: &str) -> bool {
    let dashed =
        ['—', '–'].iter().any(|dash| line.ends_with(*dash)) || line.ends_with(" -") || line.ends_with("--");
    if !dashed || !has_at_most_words(line, 10) {
        return false;
    }
    // `EXCLUSIVE —` and `ANALYSIS —` are labels, `WASHINGTON —` a place.
    parse_dateline(&format!("{line} Text")).is_some_and(|d| !is_section_label(&d.dateline.place))
}

/// A section label above the headline or lede, such as `Biz & IT —`.
fn is_kicker(line: &str) -> bool {
    let ends_with_dash = ['—', '–'].iter().any(|d| line.ends_with(*d)) || line.ends_with(" -");
    ends_with_dash && has_at_most_words(line, 6)
}

/// What opens a line that says when a story was published, in the languages the converter reads
/// (`Published`, `Publié le`, `Publicado el`, `Veröffentlicht am`), longest first where one
/// starts another.
const PUBLISHED_LEADS: &[&str] = &[
    "first published",
    "published",
    "posted",
    "publié le",
    "publié",
    "publicado el",
    "publicado",
    "veröffentlicht am",
    "veröffentlicht",
    "pubblicato il",
    "pubblicato",
];

/// What opens a line that says when a story was last changed (`Updated`, the Guardian's `Last
/// modified on`, `Mis à jour le`, `Actualizado:`, `Aktualisiert am`), longest first where one
/// starts another.
const UPDATED_LEADS: &[&str] = &[
    "last updated",
    "updated",
    "last modified on",
    "last modified",
    "mis à jour le",
    "mis à jour",
    "actualizado el",
    "actualizado",
    "aktualisiert am",
    "aktualisiert",
    "aggiornato il",
    "aggiornato",
];

fn is_timestamp_line(line: &str) -> bool {
    let led = PUBLISHED_LEADS
        .iter()
        .chain(UPDATED_LEADS)
        .any(|lead| strip_prefix_ignore_case(line, lead).is_some());
    if led && has_at_most_words(line, 16) {
        return true;
    }
    has_at_most_words(line, 12) && has_clock_time(line) && !line.ends_with('.')
}

/// `Updated 2:15 p.m. ET`, `Posted 3 hours ago`: when the page changed, with no day to place
/// it on. Above the lede it is the page's furniture (a digest read days later would print
/// "Updated 2:15 p.m." over the story), and no moment can be kept from it.
fn is_dayless_stamp(line: &str) -> bool {
    let Some(rest) =
        UPDATED_LEADS.iter().chain(PUBLISHED_LEADS).find_map(|lead| strip_prefix_ignore_case(line, lead))
    else {
        return false;
    };
    let rest = rest.trim_start_matches([':', ' ']);
    let relative = rest.trim_end_matches('.').ends_with(" ago");
    has_at_most_words(rest, 6) && (relative || (has_clock_time(rest) && !names_a_date(rest)))
}

/// Whether `text` may name a date: a month as the date rules read one (`Nov.`, `November`), or
/// digits joined by `/` or `-` (`11/19`, `2024-11-19`). Such a stamp is left for those rules.
fn names_a_date(text: &str) -> bool {
    let month = text
        .split(|c: char| !c.is_alphabetic())
        .any(|word| month_number(word).is_some() || (word.len() > 2 && foreign_month_number(word).is_some()));
    let numeric = text
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b'-') && w[2].is_ascii_digit());
    month || numeric
}

fn has_clock_time(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
}

// ---------------------------------------------------------------------------------------------
// Headline and subheads
// ---------------------------------------------------------------------------------------------

/// How many paragraphs at the top may be header lines (byline, kickers, time stamps).
const HEADER_WINDOW: usize = 4;

/// How many paragraphs at the top a date on a line of its own is looked for in: below the
/// headline, a standfirst, a photo with its caption and credit, and leftovers such as `Image`.
const STAMP_WINDOW: usize = 8;

/// The date of a paragraph that is nothing but a date, on one line or repeated on several.
fn para_date(para: &Para<'_>) -> Option<(i16, i8, i8)> {
    let mut dates = para.lines.iter().map(|line| stamp_date(line));
    let date = dates.next()??;
    dates.all(|other| other == Some(date)).then_some(date)
}

/// The date a line gives when it is nothing but a date with its year, its weekday allowed:
/// `Feb. 21, 2019`, `Sept. 25, 2018`, `22 Dec, 2016`, `22 December 2016`, `2019-02-21`, `Monday,
/// November 23, 2026`.
fn stamp_date(line: &str) -> Option<(i16, i8, i8)> {
    let line = line.trim().trim_end_matches(['.', ',']);
    // Most paragraphs are longer than any date: no parsing for those.
    if line.len() > 32 {
        return None;
    }
    let line = match line.split_once(' ') {
        Some((weekday, rest)) if is_weekday(weekday.trim_end_matches(',')) => rest.trim_start(),
        _ => line,
    };
    if let Some(date) = parse_full_date(line) {
        return Some(date);
    }
    // `22 December 2016` is a full date to `parse_full_date`, as `December 22, 2016` is.
    let date =
        line.parse::<jiff::civil::Date>().ok().filter(|_| line.len() == 10 && line.as_bytes()[4] == b'-')?;
    Some((date.year(), date.month(), date.day()))
}

/// Whether `word` names a day of the week, in full or cut to three letters (`Monday`, `Mon`).
fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    DAYS.iter().any(|day| *day == word || (word.len() == 3 && day.starts_with(&word)))
}

/// `date` when the calendar has it: a text may say `Feb. 30`, which no page can be dated.
fn real_date(date: (i16, i8, i8)) -> Option<(i16, i8, i8)> {
    jiff::civil::Date::new(date.0, date.1, date.2).ok().map(|_| date)
}

fn looks_like_headline(first: &Para<'_>, next: Option<&Para<'_>>) -> bool {
    let Some(line) = first.single_line() else {
        return false;
    };
    let Some(next) = next else { return false };
    (looks_like_headline_line(line) || is_short_headline(line, next))
        && !restated_by(line, next)
        && !continued_by_aside(next)
}

/// A wire headline without the marks agencies set before it for their clients' editors: the
/// take (`UPDATE 2-`, `REFILE-`, `RPT-`, `CORRECTED-`, dpa's `Berichtigung:`), the priority
/// (`BREAKING:`, `URGENT`, `FLASH`) and `BRIEF-`; a story's kind (`ANALYSIS-`, `EXCLUSIVE-`,
/// `FACTBOX-`) as the agency's own site prints it (`Analysis: `). Every take of a story then has
/// one headline (its URL still comes from its file's name, as any article's does), and `UPDATE`
/// is no topic.
fn without_wire_marks(headline: &str) -> String {
    const MARKS: &[&str] = &[
        "CORRECTED-",
        "CORRECTED ",
        "REFILE-",
        "RPT-",
        "REPEAT-",
        "BRIEF-",
        "UPDATE-",
        "WRAPUP-",
        "BREAKING NEWS:",
        "BREAKING:",
        "URGENT:",
        "URGENT ",
        "FLASH:",
        "FLASH ",
        "ALERT:",
        "Berichtigung:",
        "BERICHTIGUNG:",
        "Eilmeldung:",
        "EILMELDUNG:",
    ];
    const KINDS: &[(&str, &str)] = &[
        ("ANALYSIS-", "Analysis"),
        ("EXCLUSIVE-", "Exclusive"),
        ("FACTBOX-", "Factbox"),
        ("EXPLAINER-", "Explainer"),
        ("INSIGHT-", "Insight"),
        ("INTERVIEW-", "Interview"),
        ("FEATURE-", "Feature"),
        ("COLUMN-", "Column"),
        ("TIMELINE-", "Timeline"),
        ("SPECIAL REPORT-", "Special report"),
    ];
    // Whether the word after a mark has a letter in lower case.
    let in_normal_case =
        |text: &str| text.split_whitespace().next().is_some_and(|word| word.chars().any(char::is_lowercase));
    let mut rest = headline;
    loop {
        // `UPDATE 3-`, `WRAPUP 1-`.
        let numbered = ["UPDATE ", "WRAPUP "].iter().find_map(|mark| {
            let after = rest.strip_prefix(mark)?;
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0).then(|| after[digits..].strip_prefix('-')).flatten()
        });
        // A mark that is also the start of a word (`FLASH FLOODS`, `REPEAT-OFFENDER`) is one only
        // before a word in normal case: `URGENT Kenya's top court…`, not `FLASH FLOODS KILL 12`.
        let marked = MARKS.iter().find_map(|mark| {
            let after = rest.strip_prefix(mark)?;
            let ambiguous = mark.ends_with(' ') || *mark == "REPEAT-";
            (!ambiguous || in_normal_case(after)).then_some(after)
        });
        match numbered.or(marked) {
            Some(after) if !after.trim().is_empty() => rest = after.trim_start(),
            _ => break,
        }
    }
    // A story's kind likewise (`FEATURE-LENGTH FILM WINS` is a headline's own word).
    let kind = KINDS.iter().find_map(|(mark, kind)| Some((rest.strip_prefix(mark)?, kind)));
    match kind {
        Some((after, kind)) if in_normal_case(after) => format!("{kind}: {}", after.trim_start()),
        _ => rest.to_string(),
    }
}

/// A two-word headline ("Museum reopens", "Markets rally"): a capitalised word and a lower-case
/// one, with a byline under it ("By Ann Lee") or one of which the next paragraph takes up ("The
/// city museum reopened..."). Two capitalised words are more likely a name (an author's, above
/// the story), and page furniture of two words ("Photo gallery") shares no word with the story
/// (though over a byline it would be taken: furniture seldom stands there).
fn is_short_headline(line: &str, next: &Para<'_>) -> bool {
    let mut words = line.split_whitespace();
    let (Some(first), Some(second), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let letters = |word: &str| word.chars().all(char::is_alphabetic);
    let shaped = letters(first)
        && letters(second)
        && first.starts_with(char::is_uppercase)
        && second.starts_with(char::is_lowercase);
    if !shaped {
        return false;
    }
    // A newsletter's greeting is no headline, however its first line goes on.
    const GREETINGS: &[&str] =
        &["dear", "good", "hello", "hi", "hey", "welcome", "greetings", "thanks", "happy"];
    if GREETINGS.iter().any(|greeting| first.eq_ignore_ascii_case(greeting)) {
        return false;
    }
    // Over a byline or a date line, as a page sets a headline.
    if next.single_line().is_some_and(|line| parse_byline(line).is_some()) || para_date(next).is_some() {
        return true;
    }
    let story = next.first_line().to_lowercase();
    let story_words: Vec<&str> =
        story.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    [first, second].iter().any(|word| {
        let stem: String = word.to_lowercase().chars().take(5).collect();
        stem.chars().count() >= 4 && story_words.iter().any(|taken| taken.starts_with(&stem))
    })
}

/// A section label above a headline, as copied with it from a news page: `EXCLUSIVE`,
/// `Analysis`, `Opinion`, `WORLD`, `Fact check`. Dropped as a page leftover when a headline
/// follows it.
fn is_section_label(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "exclusive",
        "analysis",
        "news analysis",
        "opinion",
        "comment",
        "editorial",
        "explainer",
        "breaking",
        "breaking news",
        "live",
        "live updates",
        "watch",
        "review",
        "interview",
        "obituary",
        "sponsored",
        "fact check",
        "investigation",
        "update",
        "perspective",
        "feature",
        "special report",
        "world",
        "business",
        "politics",
        "sport",
        "sports",
        "technology",
        "science",
        "health",
        "culture",
        "travel",
        "money",
        "markets",
        "climate",
        "local news",
        "national",
        "international",
        "us news",
        "uk news",
        "europe",
        "asia",
        "africa",
        "americas",
    ];
    let line = line.trim();
    line.len() <= 24 && LABELS.iter().any(|label| line.eq_ignore_ascii_case(label))
}

/// A line shaped like a headline, whatever follows it: a few words to a long sentence's worth,
/// capitalised, not ending as a sentence, and not a byline, dateline, time stamp or kicker.
fn looks_like_headline_line(line: &str) -> bool {
    let words = count_words(line);
    let cjk = line.chars().filter(|c| is_cjk(*c)).count();
    let chars = line.chars().count();
    let sized = words >= 3 && words - cjk <= 30 && cjk <= 60 && (8..=200).contains(&chars);
    // `# of jobs lost rises`: the number sign stands for the capitalised `Number`.
    sized
        && (starts_capitalised(line) || starts_with_a_name_in_lower_case(line) || line.starts_with("# "))
        && !ends_as_sentence_or_clause(line)
        && !has_trailing_credit_word(line)
        && !is_two_sentences(line)
        && parse_byline(line).is_none()
        && parse_dateline(line).is_none()
        && !is_timestamp_line(line)
        && !is_kicker(line)
}

/// A name that is written starting in lower case opens the line: a brand with a capital inside
/// (`iPhone 17 review`, `eBay to cut jobs`) or a surname's particle (`de Blasio endorses`).
fn starts_with_a_name_in_lower_case(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else { return false };
    first.chars().skip(1).any(char::is_uppercase)
        || (NAME_PARTICLES.contains(&first)
            && words.next().is_some_and(|second| second.starts_with(char::is_uppercase)))
}

/// The first letter is upper case (or the line starts with a digit, quote or CJK text).
fn starts_capitalised(line: &str) -> bool {
    line.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_lowercase())
}

/// Ends like running text: a full stop that is not an abbreviation, a comma, colon, semicolon,
/// an ellipsis or a dash.
fn ends_as_sentence_or_clause(line: &str) -> bool {
    let core = line.trim_end_matches(is_closing_mark);
    if core.ends_with("...") || core.ends_with('…') {
        return true;
    }
    match core.chars().next_back() {
        Some('.') => !is_abbreviation(last_word(core)),
        Some(',' | ';' | ':' | '—' | '–' | '-' | '。') => true,
        _ => false,
    }
}

/// `… Latina. Twitter`: a caption whose last "sentence" is a one- or two-word credit.
fn has_trailing_credit_word(line: &str) -> bool {
    let Some(cut) = last_sentence_break(line) else {
        return false;
    };
    let tail = &line[cut..];
    count_words(tail) <= 2 && tail.split_whitespace().all(starts_capitalised)
}

/// Two full sentences on one line are running text, not a headline with a second clause.
fn is_two_sentences(line: &str) -> bool {
    const SENTENCE_WORDS: usize = 6;
    sentence_breaks(line)
        .any(|at| count_words(&line[..at]) >= SENTENCE_WORDS && count_words(&line[at..]) >= SENTENCE_WORDS)
}

fn last_sentence_break(text: &str) -> Option<usize> {
    sentence_breaks(text).last()
}

/// A video or promo title is followed by a description whose first sentence restates every
/// word of it; a headline's lede rephrases rather than repeats.
fn restated_by(line: &str, next: &Para<'_>) -> bool {
    const MIN_WORDS: usize = 5;
    let next_line = next.first_line();
    let first_sentence = &next_line[..sentence_breaks(next_line).next().unwrap_or(next_line.len())];
    let theirs: Vec<String> = first_sentence.split_whitespace().map(str::to_lowercase).collect();
    let mut ours = line.split_whitespace().map(str::to_lowercase).peekable();
    ours.peek().is_some()
        && line.split_whitespace().count() >= MIN_WORDS
        && ours.all(|word| theirs.contains(&word))
}

/// A whole-paragraph parenthetical aside continues the paragraph before it, which therefore is
/// running text rather than a headline.
fn continued_by_aside(next: &Para<'_>) -> bool {
    let line = next.first_line();
    next.lines.len() == 1
        && line.starts_with('(')
        && line.ends_with(')')
        && parse_credit(line).is_none()
        && wire_note(line).is_none()
}

fn is_subhead(line: &str) -> bool {
    line.len() <= 360
        && line.chars().count() <= 90
        && has_at_most_words(line, 12)
        && line.chars().any(char::is_alphabetic)
        && starts_capitalised(line)
        && line.chars().next().is_some_and(|c| c.is_alphanumeric() || "‘“'\"¿¡".contains(c))
        && !ends_as_sentence_or_clause(line)
        && !is_timestamp_line(line)
        && parse_month_day(line).is_none()
        && !is_labelled_line(line)
        && !line.contains("://")
        && !line.contains("(@")
        && !is_credits_line(line)
}

/// `Related: …`, `Read more: …`, `Q: …`, `JANE DOE: …`: a label of up to three words before a
/// colon. Such a line is a teaser, a speaker's turn or a note, never a subhead.
fn is_labelled_line(line: &str) -> bool {
    // `21) Star Wars: The Last Jedi` is a numbered subhead, its colon part of a title.
    number_marker(line).is_none()
        && line.split_once(": ").is_some_and(|(label, rest)| !rest.is_empty() && has_at_most_words(label, 3))
}

/// `Contact: press@example.org | Phone: …`, `Media enquiries: …`: how to reach a press office.
fn is_contact_line(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "contact",
        "press contact",
        "media contact",
        "media enquiries",
        "media inquiries",
        "press enquiries",
        "press inquiries",
        "for more information",
        "phone",
        "tel",
        "email",
        "e-mail",
    ];
    line.split_once(':')
        .is_some_and(|(label, _)| LABELS.iter().any(|known| label.trim().eq_ignore_ascii_case(known)))
}

/// `Reporting by …; Editing by …` and the like, which close wire stories.
fn is_credits_line(line: &str) -> bool {
    const LEADS: &[&str] =
        &["reporting by", "additional reporting", "editing by", "writing by", "compiled by", "(reporting by"];
    LEADS.iter().any(|lead| strip_prefix_ignore_case(line, lead).is_some())
}

/// What a wire service's note on a new take of a story says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WireNote {
    /// `(Adds company comment, paragraphs 5-6)`, `(Refiles to fix typo in paragraph 2)`: what
    /// changed since the last take, for the editors who ran it; no reader's business.
    Change,
    /// `(Corrects revenue figure in paragraph 3 …)`, `(Berichtigung: …)`: what was wrong, which
    /// a reader of the story is owed, so it stays in the text.
    Correction,
}

/// The note a wire take carries in parentheses on a line of its own under its headline
/// (Reuters', dpa's, AFP's), or AP's `Eds:` line; `None` for any other aside.
fn wire_note(line: &str) -> Option<WireNote> {
    const CHANGES: &[&str] = &[
        "adds",
        "updates",
        "refiles",
        "repeats",
        "recasts",
        "rewrites",
        "changes",
        "releads",
        "inserts",
        "removes",
        "fixes",
        "neu",
        "aktualisiert",
        "ergänzt",
        "wiederholung",
    ];
    const CORRECTIONS: &[&str] =
        &["corrects", "correction", "corrected", "berichtigung", "korrektur", "rectificatif"];
    if line.starts_with("Eds:") || line.starts_with("EDS:") {
        return Some(WireNote::Change);
    }
    let inner = line.strip_prefix('(')?.strip_suffix(')')?;
    if !has_at_most_words(inner, 40) {
        return None;
    }
    let mut words = inner.split(|c: char| !c.is_alphabetic()).filter(|word| !word.is_empty());
    let first = words.next()?.to_lowercase();
    let second = words.next().unwrap_or("").to_lowercase();
    // `(Writes through …)`, `(New throughout …)`, but not `(New York)`.
    let two_words = (first == "writes" && second == "through") || (first == "new" && second == "throughout");
    if CORRECTIONS.contains(&first.as_str()) {
        Some(WireNote::Correction)
    } else if two_words || CHANGES.contains(&first.as_str()) {
        Some(WireNote::Change)
    } else {
        None
    }
}

/// The line of editors' and operators' initials that closes an agency's copy: AFP's
/// `ml/jh/rox`, `bur-wk/jj`, dpa's `dpa ak yyzz n1 rs`. Asked of the last paragraph only.
fn is_agency_sign_off(line: &str) -> bool {
    // Words written with a slash, which a paragraph may be alone.
    const WORDS: &[&str] = &["and/or", "he/him", "she/her", "they/them", "his/her", "yes/no", "on/off"];
    let initials = |word: &str| {
        (2..=30).contains(&word.len())
            && !WORDS.contains(&word)
            && word.contains('/')
            && !word.starts_with('/')
            && !word.ends_with('/')
            && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'/' || b == b'-')
    };
    let dpa_codes = line.strip_prefix("dpa ").is_some_and(|codes| {
        let codes: Vec<&str> = codes.split_whitespace().collect();
        (2..=6).contains(&codes.len())
            && codes.iter().all(|code| {
                code.len() <= 4 && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
    });
    initials(line) || dpa_codes
}

// ---------------------------------------------------------------------------------------------
// A clipping tool's header
// ---------------------------------------------------------------------------------------------

/// What a clipping tool or a read-later export writes over the page's text, one `Key: value`
/// a line (Evernote's, Obsidian's and Joplin's web clippers, Instapaper and Pocket exports):
/// `Title: …`, `Source: https://…`, `Clipped: 2025-04-02 10:14`, `Tags: housing, economy`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ClipHeader {
    /// The header as written, reported with the other lines taken out of the text.
    text: String,
    title: Option<String>,
    /// A publication's name given as the source (`Source: The Guardian`).
    source: Option<String>,
    /// The page's address (`Source: https://…`, `URL:`, `Link:`).
    url: Option<String>,
    author: Option<String>,
    /// (year, month, day) of `Published:` or `Date:`.
    published: Option<(i16, i8, i8)>,
    /// (year, month, day) of `Clipped:`, `Saved:` or `Created:`.
    clipped: Option<(i16, i8, i8)>,
    tags: Vec<String>,
}

/// The publisher of the page at `url`, for a clipping whose header gave its address and no
/// publisher: the outlet's name for the sites most clipped, else the site's host without `www.`
/// (`example-zeitung.de`), which names the outlet on its source page well enough.
fn publisher_of_url(url: &str) -> Option<String> {
    const KNOWN: &[(&str, &str)] = &[
        ("theguardian.com", "The Guardian"),
        ("nytimes.com", "The New York Times"),
        ("washingtonpost.com", "The Washington Post"),
        ("wsj.com", "The Wall Street Journal"),
        ("ft.com", "Financial Times"),
        ("economist.com", "The Economist"),
        ("bbc.co.uk", "BBC News"),
        ("bbc.com", "BBC News"),
        ("reuters.com", "Reuters"),
        ("apnews.com", "Associated Press"),
        ("afp.com", "Agence France-Presse"),
        ("bloomberg.com", "Bloomberg"),
        ("cnn.com", "CNN"),
        ("npr.org", "NPR"),
        ("aljazeera.com", "Al Jazeera"),
        ("politico.com", "Politico"),
        ("politico.eu", "Politico"),
        ("axios.com", "Axios"),
        ("theatlantic.com", "The Atlantic"),
        ("latimes.com", "Los Angeles Times"),
        ("usatoday.com", "USA Today"),
        ("independent.co.uk", "The Independent"),
        ("telegraph.co.uk", "The Telegraph"),
        ("thetimes.co.uk", "The Times"),
        ("lemonde.fr", "Le Monde"),
        ("lefigaro.fr", "Le Figaro"),
        ("spiegel.de", "Der Spiegel"),
        ("zeit.de", "Die Zeit"),
        ("faz.net", "Frankfurter Allgemeine Zeitung"),
        ("sueddeutsche.de", "Süddeutsche Zeitung"),
        ("elpais.com", "El País"),
        ("corriere.it", "Corriere della Sera"),
        ("repubblica.it", "la Repubblica"),
        ("nos.nl", "NOS"),
        ("abc.net.au", "ABC News"),
        ("cbc.ca", "CBC News"),
        ("carbonbrief.org", "Carbon Brief"),
    ];
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?.to_lowercase();
    let host = ["www.", "amp.", "m.", "mobile.", "edition.", "eu.", "uk.", "us."]
        .iter()
        .find_map(|prefix| host.strip_prefix(prefix))
        .unwrap_or(&host)
        .to_string();
    // Archives, readers, link shorteners and caches that pages are clipped through: the address
    // is theirs, the article someone else's.
    const THROUGH: &[&str] = &[
        "archive.org",
        "archive.ph",
        "archive.today",
        "archive.is",
        "news.google.com",
        "ampproject.org",
        "t.co",
        "bit.ly",
        "feedproxy.google.com",
        "l.facebook.com",
        "getpocket.com",
        "instapaper.com",
        "translate.goog",
    ];
    let on = |domain: &str| {
        host.strip_suffix(domain).is_some_and(|before| before.is_empty() || before.ends_with('.'))
    };
    if !host.contains('.')
        || host.parse::<std::net::IpAddr>().is_ok()
        || host == "localhost"
        || THROUGH.iter().any(|domain| on(domain))
    {
        return None;
    }
    let known = KNOWN.iter().find(|(domain, _)| on(domain));
    Some(known.map_or(host.clone(), |(_, name)| (*name).to_string()))
}

/// `text` without a clipping tool's header over it ([`clip_header`]), and what the header said.
fn split_clip_header(text: &str) -> (Option<ClipHeader>, &str) {
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
fn clip_header(lines: &[&str]) -> Option<ClipHeader> {
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
            "published" | "date" | "date published" | "publish date" => header.published = clip_date(value),
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

/// The day a clipping header's date gives: `2025-04-02 10:14`, `2025-04-02T10:14:00Z`,
/// `April 2, 2025`, `2 April 2025`.
fn clip_date(value: &str) -> Option<(i16, i8, i8)> {
    value
        .get(..10)
        .and_then(stamp_date)
        .or_else(|| stamp_date(value))
        .or_else(|| publication_stamp(value).map(|stamp| stamp.date))
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

/// The item after a list's bullet and the space or tab after it (`- `, `• `, a word
/// processor's `•\t`).
fn strip_bullet(line: &str) -> Option<&str> {
    const BULLETS: &[char] = &['-', '*', '•', '+', '–', '·', '▪', '◦'];
    line.strip_prefix(BULLETS).filter(|rest| rest.starts_with([' ', '\t'])).map(|rest| rest.trim_start())
}

fn number_marker(line: &str) -> Option<(u64, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let number = line[..digits].parse().ok()?;
    let rest = line[digits..].strip_prefix(['.', ')'])?;
    rest.starts_with(' ').then(|| (number, rest.trim_start()))
}

fn strip_number_marker(line: &str) -> Option<&str> {
    number_marker(line).map(|(_, rest)| rest)
}

/// Lines numbered consecutively (`1. …`, `2. …`) form an ordered list starting at that number.
fn numbered_list_start(lines: &[&str]) -> Option<u64> {
    let start = number_marker(lines.first()?)?.0;
    let consecutive =
        lines.iter().zip(start..).all(|(line, n)| number_marker(line).is_some_and(|(m, _)| m == n));
    consecutive.then_some(start)
}

fn is_list_item_like(line: &str) -> bool {
    strip_bullet(line).is_some()
        || number_marker(line).is_some()
        || (line.chars().count() <= 100 && has_at_most_words(line, 14) && !continues_as_text(line))
}

/// A short line that is a turn of text rather than a list item: it ends with a comma (a letter's
/// `Thanks for reading,`), opens with a dash (dialogue in Spanish and French) or with a speaker's
/// label (`Q: …`).
fn continues_as_text(line: &str) -> bool {
    line.ends_with(',') || line.starts_with(['—', '–']) || is_labelled_line(line)
}

// ---------------------------------------------------------------------------------------------
// Photo credits and captions
// ---------------------------------------------------------------------------------------------

/// A labelled photo line that gives the caption and then the credit, split so: `Photo: Dredger
/// moored at Portvale quay. James Whitlow/REUTERS` is the caption `Dredger moored at Portvale
/// quay.` and the credit `James Whitlow/REUTERS` (all of it was the credit, which the page then
/// printed as a credit).
fn split_labelled_caption(line: &str) -> Option<(&str, &str)> {
    const LABELS: &[&str] = &["photo:", "photograph:", "image:", "picture:", "foto:", "pictured:"];
    let rest = LABELS.iter().find_map(|label| strip_prefix_ignore_case(line, label))?.trim_start();
    // The first sentence end after which the rest is a credit: `Carlos R. Mendez/REUTERS` keeps
    // its initial.
    rest.match_indices(". ").find_map(|(end, _)| {
        let (caption, credit) = (&rest[..=end], rest[end + 2..].trim());
        let initial = last_word(&caption[..end]).chars().count() == 1;
        (!initial
            && has_at_most_words(credit, 6)
            && credit.contains('/')
            && parse_credit(credit).is_some()
            && !has_at_most_words(caption, 2))
        .then_some((caption, credit))
    })
}

/// A recognised credit line; `publisher` is set for `Name for The Publication`, the one credit
/// form that names who published the article.
struct Credit {
    publisher: Option<String>,
}

fn parse_credit(line: &str) -> Option<Credit> {
    let inner = strip_wrapping_parens(line);
    let short = inner.len() <= 440 && inner.chars().count() <= 110 && has_at_most_words(inner, 12);
    if !short || ends_as_sentence(inner) {
        return None;
    }
    if has_credit_label(inner) || is_slash_credit(inner) || has_photo_agency_tail(inner) {
        return Some(Credit { publisher: None });
    }
    commissioned_for(inner).map(|publisher| Credit { publisher: Some(publisher.to_string()) })
}

fn strip_wrapping_parens(line: &str) -> &str {
    line.strip_prefix('(').and_then(|l| l.strip_suffix(')')).map_or(line, str::trim)
}

fn ends_as_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(is_closing_mark);
    match core.chars().next_back() {
        Some('.') => !is_abbreviation(last_word(core)),
        Some(c) => is_sentence_end(c),
        None => false,
    }
}

/// `Photo: …`, `Photo by …`, `Top photo by …`, `(Bild: …)`, `Source: …`.
fn has_credit_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "photo:",
        "photo by ",
        "photos:",
        "photos by ",
        "photograph:",
        "photograph by ",
        "photographs by ",
        "photographs:",
        "photography by ",
        "pictures by ",
        "photo credit:",
        "image:",
        "images:",
        "image by ",
        "image credit:",
        "picture:",
        "pictures:",
        "credit:",
        "credits:",
        "illustration:",
        "illustration by ",
        "source:",
        "foto:",
        "fotos:",
        "bild:",
    ];
    const LEADS: &[&str] = &["top ", "all ", "main ", "lead ", "cover ", "header "];
    /// Labels that also open sentences (`Photographs by Dorothea Lange go on show`): a credit
    /// only when names follow (and `for`, `via` or `and` between them).
    const SENTENCE_LABELS: &[&str] = &["photographs by ", "pictures by "];
    let lower = text.to_lowercase();
    let unled = LEADS.iter().find_map(|l| lower.strip_prefix(l)).unwrap_or(&lower);
    LABELS.iter().any(|label| {
        unled.starts_with(label)
            && unled.len() > label.len()
            // The lead and label are ASCII, so they span the same bytes of `text` as of `lower`.
            && (!SENTENCE_LABELS.contains(label)
                || text
                    .get(lower.len() - unled.len() + label.len()..)
                    .unwrap_or("")
                    .split_whitespace()
                    .all(|word| starts_capitalised(word) || matches!(word, "for" | "via" | "and" | "&")))
    })
}

/// `Photos: Australia's spring heatwave breaks records`, `In pictures: …`: a headline under a
/// credit's label, told from `Photo: courtesy of the family` by its words in lower case.
fn is_gallery_headline(line: &str) -> bool {
    const LABELS: &[&str] =
        &["Photos: ", "Pictures: ", "In pictures: ", "Video: ", "Gallery: ", "In photos: "];
    const CREDIT_WORDS: &[&str] = &["courtesy", "of", "the", "and", "via", "for", "by", "handout", "file"];
    let Some(rest) = LABELS.iter().find_map(|label| line.strip_prefix(label)) else { return false };
    let common = rest
        .split_whitespace()
        .filter(|word| {
            word.chars().count() >= 3
                && word.starts_with(char::is_lowercase)
                && !CREDIT_WORDS.contains(&word.trim_end_matches([',', '.']))
        })
        .count();
    common >= 2 && looks_like_headline_line(rest)
}

/// `Octavio Jones/REUTERS`, `JIM WATSON/AFP/Getty Images`, `AP Photo/Jane Doe`.
fn is_slash_credit(text: &str) -> bool {
    let Some((name, agency)) = text.split_once('/') else {
        return false;
    };
    let name_words = name.split_whitespace().count();
    (1..=4).contains(&name_words)
        && name.split_whitespace().all(is_name_word)
        && (name_words >= 2 || agency.chars().next().is_some_and(char::is_uppercase))
        && agency.chars().next().is_some_and(char::is_alphabetic)
        && !text.contains("://")
}

fn has_photo_agency_tail(text: &str) -> bool {
    const TAILS: &[&str] = &["Getty Images", "Shutterstock", "AP Photo", "EPA-EFE"];
    TAILS.iter().any(|t| text.ends_with(t)) && has_at_most_words(text, 8)
}

/// `Kirsten Luce for The New York Times`: a commissioned photographer, so the publication is the
/// article's publisher.
fn commissioned_for(text: &str) -> Option<&str> {
    // `By Jane Doe for The Guardian` is a byline, read as one.
    if BYLINE_LEADS.iter().any(|lead| strip_prefix_ignore_case(text, lead).is_some()) {
        return None;
    }
    let (name, publication) = text.split_once(" for ")?;
    let name_words = name.split_whitespace().count();
    let pub_words = publication.split_whitespace().count();
    let named = (2..=4).contains(&name_words) && name.split_whitespace().all(is_name_word);
    let titled = (1..=6).contains(&pub_words)
        && publication.split_whitespace().all(starts_capitalised)
        && (publication.starts_with("The ") || pub_words >= 2);
    (named && titled).then_some(publication)
}

/// A word that can be part of a person's name: capitalised, an initial, or a particle.
/// Lower-case words inside (or opening) a person's name: `de Blasio`, `van der Berg`, `Ortega y Gasset`.
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "da", "di", "del", "der", "den", "la", "le", "el", "bin", "al", "dos", "du", "ten",
    "ter", "y",
];

fn is_name_word(word: &str) -> bool {
    let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
    let clean = word.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c));
    (starts_upper && clean) || NAME_PARTICLES.contains(&word)
}

/// A line that is only a person's name (two to four name words), e.g. a credit under `Photo`.
fn is_bare_name(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=4).contains(&words) && line.split_whitespace().all(is_name_word)
}

/// A caption that carries its credit at the end: `… lab | photo by Jane Doe`,
/// `… plan. Photo by Jane Doe/CNET`, `… QR-Codes. (Bild: Hersteller)`, or, for a caption set
/// apart at the top of the text, `… in Paris Jane Doe/Reuters` and `… Latina. Twitter`.
fn split_captioned_credit(line: &str, set_apart: bool) -> Option<Image> {
    const CAPTION_WORDS: usize = 60;
    let cut = labelled_credit_start(line).or_else(|| {
        if !set_apart || ends_as_sentence(line) {
            return None;
        }
        trailing_slash_credit_start(line)
            .or_else(|| has_trailing_credit_word(line).then(|| last_sentence_break(line)).flatten())
    })?;
    if !has_at_most_words(line, CAPTION_WORDS) {
        return None;
    }
    let caption = line[..cut].trim_end().trim_end_matches('|').trim_end();
    let credit = line[cut..].trim();
    if caption.is_empty() || credit.is_empty() {
        return None;
    }
    Some(Image { caption: Some(caption.to_string()), credit: Some(credit.to_string()) })
}

/// Where a credit (`Photo: …`, `(Bild: …)`, `Name/AGENCY`) starts after a break (a full stop,
/// `|`, a dash or a parenthesis) near the end of a caption.
fn labelled_credit_start(line: &str) -> Option<usize> {
    const TAIL_BYTES: usize = 120;
    let bytes = line.as_bytes();
    let from = line.len().saturating_sub(TAIL_BYTES).max(1);
    // A word starts after a space: only the spaces of the tail are looked at.
    let word_starts = memchr::memchr_iter(b' ', &bytes[from - 1..])
        .map(|space| from + space)
        .filter(|&start| bytes.get(start).is_some_and(|&b| b != b' '));
    for start in word_starts {
        let before = line[..start].trim_end();
        let after_break = before.ends_with(['.', '|', '—', ')']) || before.ends_with(" -");
        let tail = &line[start..];
        if after_break && has_at_most_words(tail, 8) && parse_credit(tail).is_some() {
            return Some(start);
        }
    }
    None
}

/// `… cabaret in Paris Benoit Tessier/Reuters`: the credit is the slash token and the two name
/// words before it.
fn trailing_slash_credit_start(line: &str) -> Option<usize> {
    let last = line.split_whitespace().next_back()?;
    let (name_part, agency) = last.split_once('/')?;
    let plain = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphabetic() || c == '-');
    if !(plain(name_part) && agency.chars().next().is_some_and(char::is_uppercase)) {
        return None;
    }
    let mut start = line.len() - last.len();
    let mut taken = 0;
    for word in line[..start].split_whitespace().rev().take(2) {
        if !is_name_word(word) || word.ends_with(['.', ',']) {
            break;
        }
        start = line[..start].trim_end().len() - word.len();
        taken += 1;
    }
    (taken >= 1).then_some(start)
}

/// `图注：…` or `Caption: …`: a caption that labels itself.
fn caption_with_label(line: &str) -> Option<Image> {
    const LABELS: &[&str] = &["图注：", "圖註：", "图：", "Caption:", "Bildunterschrift:"];
    LABELS
        .iter()
        .any(|l| line.starts_with(l))
        .then(|| Image { caption: Some(line.to_string()), credit: None })
}

// ---------------------------------------------------------------------------------------------
// Bylines
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
struct Byline {
    line: String,
    authors: Vec<String>,
    agency: Option<String>,
    /// What the line said besides names and publisher (a role, a date, a reading time): page
    /// furniture, listed with the other leftovers so that no word vanishes unreported.
    leftovers: Vec<String>,
}

/// How many of the last paragraphs of text are looked at for taglines: two writers' bios, a
/// contributors' line and a correction close some stories.
const TAGLINE_WINDOW: usize = 6;

/// The writers a tagline under a story names, as English-language papers print it where they
/// printed no byline over it: `Corey Kilgannon is a Metro reporter covering news and human
/// interest stories.`, `Nelson D. Schwartz has covered economics since 2012. … He joined The
/// Times in 2007 as a feature writer`, `Steven Mufson covers the White House. Since joining The
/// Post…`, `LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR`, `Stella Kim reported from Seoul,
/// and Jennifer Jett from Hong Kong.` Only `reported from` says by itself that the name is a
/// writer's; `is a`, `was the` and the like need a newsroom's trade in the sentence (`reporter`,
/// `editor`, `author of` a title), and `covers`, `has covered` and `writes about` a trade or a
/// paper joined anywhere in the paragraph: `Jane Roe is the mayor of Springfield.`, `Medicare
/// Advantage covers dental care.` and `Brandon Nimmo covers more ground than any outfielder.`
/// name no writer.
fn tagline_names(text: &str) -> Vec<String> {
    /// The verbs after a writer's name, and what else they need: nothing, a trade in the
    /// sentence, or a trade or a paper in the paragraph.
    const VERBS: &[(&str, Needs)] = &[
        (" reported from ", Needs::Nothing),
        (" is a ", Needs::TradeInSentence),
        (" is an ", Needs::TradeInSentence),
        (" is the ", Needs::TradeInSentence),
        (" was a ", Needs::TradeInSentence),
        (" was the ", Needs::TradeInSentence),
        (" covers ", Needs::NewsroomInParagraph),
        (" has covered ", Needs::NewsroomInParagraph),
        (" writes about ", Needs::NewsroomInParagraph),
        (" writes for ", Needs::NewsroomInParagraph),
        (" reports on ", Needs::NewsroomInParagraph),
    ];
    #[derive(Clone, Copy, PartialEq)]
    enum Needs {
        Nothing,
        TradeInSentence,
        NewsroomInParagraph,
    }
    // The verb follows a name of two to four words: it is looked for after the second, third
    // and fourth space only, by comparing the bytes there in any case (this runs over the last
    // paragraphs of every article).
    let found = text.match_indices(' ').skip(1).take(3).find_map(|(at, _)| {
        VERBS.iter().find_map(|&(verb, needs)| {
            let candidate = text.as_bytes().get(at..at + verb.len())?;
            candidate.eq_ignore_ascii_case(verb.as_bytes()).then_some((at, at + verb.len(), needs, verb))
        })
    });
    let Some((at, after, needs, verb)) = found else { return Vec::new() };
    let Some(name) = writer_name(&text[..at]) else { return Vec::new() };
    let sentence_end = text[after..].find(". ").map_or(text.len(), |end| after + end);
    let says_so = match needs {
        Needs::Nothing => true,
        Needs::TradeInSentence => names_a_trade(&text[after..sentence_end]),
        Needs::NewsroomInParagraph => {
            names_a_trade(&text[after..])
                || ["joining The ", "joined The "].iter().any(|joined| text.contains(joined))
        }
    };
    if !says_so {
        return Vec::new();
    }
    let mut names = vec![name];
    // `…, and Jennifer Jett from Hong Kong.`
    if verb == " reported from "
        && let Some(and) = text[after..sentence_end].find(", and ")
        && let Some(from) = text[after + and..sentence_end].find(" from ")
        && let Some(second) = writer_name(&text[after + and + ", and ".len()..after + and + from])
    {
        names.push(second);
    }
    names
}

/// Whether `text` names a newsroom's trade as a word of its own (`a Metro reporter`, not `told
/// reporters` or `critical care`), or as the author of a title (`the author of The Midcentury
/// Kitchen`, not `of the bill`).
fn names_a_trade(text: &str) -> bool {
    const TRADES: &[&str] = &[
        "reporter",
        "correspondent",
        "editor",
        "writer",
        "columnist",
        "journalist",
        "producer",
        "critic",
        "contributor",
        "photographer",
    ];
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().any(|word| TRADES.iter().any(|trade| word.eq_ignore_ascii_case(trade)))
        || words.windows(3).any(|three| {
            three[0].eq_ignore_ascii_case("author")
                && three[1].eq_ignore_ascii_case("of")
                && three[2].starts_with(char::is_uppercase)
        })
}

/// `text` as a writer's name: two to four name words, in normal case, not opening with an
/// office (`Sen. Jane Roe`, a story's subject) nor holding a word that ends a company's or a
/// paper's name (`Acme Inc covers the cost`).
fn writer_name(text: &str) -> Option<String> {
    const NOT_PERSONAL: &[&str] = &[
        "inc",
        "corp",
        "ltd",
        "llc",
        "co",
        "group",
        "company",
        "news",
        "times",
        "post",
        "press",
        "media",
        "network",
        "agency",
        "the",
        "tv",
        "television",
        "staff",
        "desk",
        "bureau",
    ];
    const OFFICES: &[&str] =
        &["sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "pres", "mr", "mrs", "ms", "president"];
    let text = text.trim();
    let words = text.split_whitespace().count();
    let starts_upper = text.starts_with(char::is_uppercase);
    let bare = |word: &str| word.trim_end_matches('.').to_lowercase();
    let office = text.split_whitespace().next().is_some_and(|first| OFFICES.contains(&bare(first).as_str()));
    let personal = text
        .split_whitespace()
        .all(|word| is_name_word(word) && !NOT_PERSONAL.contains(&bare(word).as_str()));
    ((2..=4).contains(&words) && starts_upper && personal && !office).then(|| normal_case_name(text))
}

/// How bylines open, in the languages whose copy Gazette sees most.
const BYLINE_LEADS: &[&str] = &["by ", "written by ", "words by ", "von ", "par ", "por ", "door "];

/// `By Jane Doe and John Roe, Reuters`, `By Jane Doe | Reuters | November 19, 2024`,
/// `By Jane Doe (AP)`, `By Jane Doe for The Guardian`, `Par Marie Dupont, avec AFP`, or, without
/// a lead word, `Jane Doe, Reuters`. A part after a separator that is neither a publisher nor
/// page furniture (a date, a time, a reading time) makes the line no byline: it then stays in
/// the body whole, rather than lose what was not understood.
fn parse_byline(line: &str) -> Option<Byline> {
    if !has_at_most_words(line, 20) {
        return None;
    }
    let (rest, explicit) = match BYLINE_LEADS.iter().find_map(|lead| strip_prefix_ignore_case(line, lead)) {
        Some(rest) => (rest, true),
        None => (line, false),
    };
    let mut parts = split_byline_parts(rest).into_iter();
    let mut names_part = parts.next()?;
    let mut agency: Option<String> = None;
    let mut leftovers = Vec::new();
    for part in parts {
        match publisher_in(part) {
            Some(publisher) if agency.is_none() => agency = Some(publisher.to_string()),
            _ if is_byline_furniture(part) => leftovers.push(part.to_string()),
            // `By Jane Doe | Political Editor`: a role, reported.
            _ if explicit && is_affiliation(part) => leftovers.push(part.to_string()),
            // `By Sophie Laurent | Ashford Herald`: after `By`, a part past a separator named as a
            // publication is (not a place, `| NEW YORK`, nor a role, `| Chief Analyst`).
            _ if explicit && agency.is_none() && is_masthead(part) => agency = Some(part.to_string()),
            _ => return None,
        }
    }
    // `Jane Doe (Reuters)`, `Jane Doe for The Guardian`.
    if let Some(open) = names_part.strip_suffix(')').and_then(|inner| inner.rfind('('))
        && let Some(publisher) = publisher_in(&names_part[open + 1..names_part.len() - 1])
    {
        agency.get_or_insert_with(|| publisher.to_string());
        names_part = names_part[..open].trim_end();
    } else if let Some((names, publication)) = names_part.split_once(" for ")
        && is_publication_name(publication)
    {
        agency.get_or_insert_with(|| publication.to_string());
        names_part = names_part[..names.len()].trim_end();
    } else if let Some((names, place)) = names_part.rsplit_once(" in ")
        && explicit
        && (1..=3).contains(&place.split_whitespace().count())
        && place.split_whitespace().all(starts_capitalised)
    {
        // `By Sam Jones in Madrid`: where the writer filed from, reported with the leftovers.
        leftovers.push(format!("in {place}"));
        names_part = names;
    } else if let Some((names, publisher, role)) = capitals_then_agency(names_part).filter(|_| explicit) {
        agency.get_or_insert_with(|| publisher.to_string());
        leftovers.extend(role.map(str::to_string));
        names_part = names;
    }
    let mut segments: Vec<String> = Vec::new();
    for (k, segment) in names_part.split(", ").map(str::trim).enumerate() {
        // `Jane Doe, John Roe, and Max Poe`: the serial comma's `and`.
        let segment = if k > 0 {
            ["and ", "& "].iter().find_map(|and| segment.strip_prefix(and)).unwrap_or(segment)
        } else {
            segment
        };
        match segments.last_mut() {
            // `Bob Smith, Jr.` is one name.
            Some(name) if is_generational_suffix(segment) => {
                name.push(' ');
                name.push_str(segment);
            }
            // `Ann Lee, Ph.D.`: a degree is no author, and no word goes unreported.
            Some(_) if is_credential(segment) => leftovers.push(segment.to_string()),
            _ => segments.push(segment.to_string()),
        }
    }
    // `By Jane Doe, Political Editor, The Guardian`: a publisher, a role, or both, after the
    // names.
    let mut trailing = Vec::new();
    while trailing.len() < 2
        && segments.len() > 1
        && let Some(last) = segments.last()
        && (is_affiliation(last) || publisher_in(last).is_some() || is_publication_after_names(last))
    {
        trailing.push(segments.pop().unwrap_or_default());
    }
    for last in trailing.into_iter().rev() {
        // `By Rebecca Holt, PA Political Correspondent`: the agency, and a role reported.
        let agency_role =
            agency_before_role(&last).map(|(publisher, role)| (publisher.to_string(), role.to_string()));
        match (publisher_in(&last), agency_role) {
            (Some(publisher), _) if agency.is_none() => agency = Some(publisher.to_string()),
            (None, Some((publisher, role))) if agency.is_none() => {
                agency = Some(publisher);
                leftovers.push(role);
            }
            // Only after `By`: `Jane Doe, The New York Times` alone is as likely a photo's credit.
            _ if explicit && agency.is_none() && is_publication_after_names(&last) => agency = Some(last),
            _ => leftovers.push(last),
        }
    }
    if !explicit && (agency.is_none() || segments.len() != 1 || !leftovers.is_empty()) {
        return None;
    }
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let mut authors = split_names(&segments)?;
    if !explicit && authors.iter().any(|a| a.split_whitespace().count() < 2) {
        return None;
    }
    // `By Staff Reporter`, `By our correspondent`: the paper's, no one's name.
    if explicit {
        let (generic, named): (Vec<String>, Vec<String>) =
            authors.into_iter().partition(|name| is_generic_writer(name));
        leftovers.extend(generic);
        authors = named;
    }
    Some(Byline { line: line.to_string(), authors, agency, leftovers })
}

/// A byline's writer that is no person: `Staff Reporter`, `Staff`, `Our Correspondent`, `From
/// our correspondent`, `News Desk`, `Web Desk`.
fn is_generic_writer(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "by",
        "staff",
        "reporter",
        "reporters",
        "writer",
        "writers",
        "correspondent",
        "correspondents",
        "our",
        "from",
        "a",
        "the",
        "news",
        "desk",
        "web",
        "agency",
        "agencies",
        "editorial",
        "team",
        "wires",
        "wire",
    ];
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|word| WORDS.contains(word))
        && words
            .iter()
            .any(|word| matches!(*word, "staff" | "correspondent" | "desk" | "team" | "reporter" | "writer"))
}

/// A byline cut at its separators (`|`, `·`, a spaced dash), each part trimmed.
fn split_byline_parts(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, c) in text.char_indices() {
        let spaced = text[..at].ends_with(' ') && text[at + c.len_utf8()..].starts_with(' ');
        if spaced && matches!(c, '|' | '·' | '—' | '–') {
            parts.push(text[from..at].trim());
            from = at + c.len_utf8();
        }
    }
    parts.push(text[from..].trim());
    parts
}

/// The Guardian's byline, which has no `By`: writers and where they wrote from (`Fiona Harvey and
/// Damian Carrington in Antalya`). Asked only of a line under the headline: names of two words
/// or more each, then `in` and a place in capitals.
fn names_in_place(line: &str) -> Option<Byline> {
    let (names, place) = line.rsplit_once(" in ")?;
    let place_words = place.split_whitespace().count();
    let placed = (1..=3).contains(&place_words)
        && place.split_whitespace().all(starts_capitalised)
        && !ends_as_sentence(place);
    let full_names = names.split(" and ").flat_map(|part| part.split(", ")).all(|name| {
        (2..=4).contains(&name.split_whitespace().count()) && name.split_whitespace().all(is_name_word)
    });
    if !placed || !full_names || !has_at_most_words(line, 14) {
        return None;
    }
    let mut byline = parse_byline(&format!("By {line}"))?;
    byline.line = line.to_string();
    Some(byline)
}

/// AP's byline with no comma: names in capitals, then the agency (`JESSICA MORALES Associated
/// Press`, `CLAIRE DUVAL and THOMAS ADAMS Associated Press`) or the agency and the writer's role
/// (`CHRISTOPHER RUGABER AP Economics Writer`). Gives the names, the agency and the role.
fn capitals_then_agency(text: &str) -> Option<(&str, &str, Option<&str>)> {
    let in_capitals = |word: &str| {
        matches!(word, "and" | "&")
            || (word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase))
    };
    let mut name_words = 0;
    for (at, _) in text.match_indices(' ') {
        let (names, tail) = (&text[..at], text[at + 1..].trim());
        name_words += 1;
        // With a comma (`JANE DOE, Associated Press`), the parts are split as any byline's are.
        if name_words < 2 || names.ends_with(',') || !names.split_whitespace().all(in_capitals) {
            continue;
        }
        if is_known_agency(tail) {
            return Some((names, tail, None));
        }
        if let Some((publisher, role)) = agency_before_role(tail) {
            return Some((names, publisher, Some(role)));
        }
    }
    None
}

/// A writer's role at an agency named first: `PA Political Correspondent`, `AP Business
/// Writer`. Gives the agency and the role.
fn agency_before_role(segment: &str) -> Option<(&str, &str)> {
    let (first, role) = segment.split_once(' ')?;
    let role = role.trim();
    let capitalised = role.split_whitespace().all(starts_capitalised);
    (is_known_agency(first) && capitalised && is_affiliation(role) && has_at_most_words(role, 4))
        .then_some((first, role))
}

/// The publisher a byline part names: a known agency, alone or after `with` (`with AFP`,
/// `avec AFP`, `mit dpa`, `con EFE`).
fn publisher_in(part: &str) -> Option<&str> {
    let part = part.trim();
    let named = ["with ", "avec ", "mit ", "con "]
        .iter()
        .find_map(|w| strip_prefix_ignore_case(part, w))
        .unwrap_or(part);
    is_known_agency(named).then_some(named)
}

/// A publication's name after `for`: capitalised words, `The …` or two or more.
fn is_publication_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=6).contains(&words)
        && text.split_whitespace().all(starts_capitalised)
        && (text.starts_with("The ") || words >= 2 || is_known_agency(text))
}

/// What a byline may carry besides names: a date, a time, `Updated …`, `5 min read`.
fn is_byline_furniture(part: &str) -> bool {
    let lower = part.to_lowercase();
    is_timestamp_line(part)
        || parse_month_day(part).is_some()
        || parse_full_date(part).is_some()
        || (lower.ends_with(" read")
            && lower.split_whitespace().next().is_some_and(|n| n.parse::<u32>().is_ok()))
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

fn split_names(segments: &[&str]) -> Option<Vec<String>> {
    let mut names = Vec::new();
    for segment in segments {
        // `and` in English, German, French, Spanish and Dutch bylines. The last three are also
        // words inside names (`José Ortega y Gasset`), so they join only two full names.
        let pieces = [" AND ", " & ", " and "].iter().fold(vec![*segment], |pieces, joiner| {
            pieces.iter().flat_map(|p| p.split(joiner)).collect::<Vec<_>>()
        });
        let pieces: Vec<&str> = [" und ", " et ", " y ", " en "].iter().fold(pieces, |pieces, joiner| {
            pieces.iter().flat_map(|piece| split_between_full_names(piece, joiner)).collect()
        });
        for name in pieces {
            let name = name.trim();
            let words = name.split_whitespace().count();
            if !(1..=5).contains(&words) || !name.split_whitespace().all(is_name_word) {
                return None;
            }
            names.push(normal_case_name(name));
        }
    }
    (!names.is_empty()).then_some(names)
}

/// `piece` cut at `joiner` when both sides have two words or more, else whole.
fn split_between_full_names<'a>(piece: &'a str, joiner: &str) -> Vec<&'a str> {
    match piece.split_once(joiner) {
        Some((a, b)) if a.split_whitespace().count() >= 2 && b.split_whitespace().count() >= 2 => vec![a, b],
        _ => vec![piece],
    }
}

/// `JANE O’BRIEN` → `Jane O’Brien`, and the surname AFP and French papers set in capitals
/// (`Marion LEBRUN`, `Jean-Loïc MÉNARD`) in a name otherwise in mixed case; words of two
/// letters (`DJ`, initials) and numerals (`III`) are kept as written.
fn normal_case_name(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        let shouted = |word: &str| {
            word.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !word.chars().any(char::is_lowercase)
                && !is_generational_suffix(word)
        };
        if !name.split(' ').any(shouted) {
            return name.to_string();
        }
        let words: Vec<String> = name
            .split(' ')
            .map(|word| if shouted(word) { normal_case_name(word) } else { word.to_string() })
            .collect();
        return words.join(" ");
    }
    let mut out = String::with_capacity(name.len());
    let mut start_of_part = true;
    for c in name.chars() {
        if start_of_part {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_part = matches!(c, ' ' | '-' | '’' | '\'' | '.');
    }
    out
}

/// `Jr.`, `Sr.`, `III`: part of the name before it.
fn is_generational_suffix(segment: &str) -> bool {
    matches!(segment, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

/// A degree or licence written after a name: `Ph.D.`, `MD`, `M.D.`, `RN`, `MBA`, `Esq.`.
fn is_credential(segment: &str) -> bool {
    const CREDENTIALS: &[&str] = &["phd", "md", "mba", "rn", "esq", "dds", "mph", "jd", "cpa", "msc", "llm"];
    let key: String = segment.chars().filter(|c| *c != '.').flat_map(char::to_lowercase).collect();
    segment.chars().next().is_some_and(char::is_uppercase) && CREDENTIALS.contains(&key.as_str())
}

/// A publication's name as a masthead writes it, after a byline's `|`: `The …`, or two
/// capitalised words or more ending in a masthead's word (`Ashford Herald`, `Portvale Daily
/// Courier`). Past a separator a person's name is not expected, so two words are enough here.
fn is_masthead(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| starts_capitalised(w))
        && (words[0] == "The" || MASTHEAD_WORDS.contains(&last.as_str()))
}

/// The last word of a publication's name (`Post`, `Times`, `Courier`...).
const MASTHEAD_WORDS: &[&str] = &[
    "post",
    "times",
    "news",
    "herald",
    "journal",
    "tribune",
    "guardian",
    "gazette",
    "courier",
    "daily",
    "press",
    "telegraph",
    "independent",
    "observer",
    "chronicle",
    "globe",
    "mail",
    "express",
    "magazine",
    "wire",
    "radio",
    "tv",
    "television",
    "review",
    "standard",
    "ledger",
    "bulletin",
    "register",
    "record",
    "examiner",
    "inquirer",
    "dispatch",
    "sentinel",
    "enquirer",
    "today",
    "weekly",
    "online",
    "network",
    "media",
];

/// The last part of `By Ann Lee, The Guardian` or `By Ann Lee, Portvale Daily Courier`: a
/// publication, told from a person's name by its `The`, by three words or more ending in one
/// newspapers and broadcasters are named with (`Post`, `Times`, `Courier`...), or by two whose
/// second is no surname (`Portvale Courier`). Two words ending in `Press` or `Post` are not
/// enough: `Eyal Press` and `Ruth Post` are people (`Washington Post` is a known publisher).
fn is_publication_after_names(segment: &str) -> bool {
    // Two words are a publication's when the second is no one's surname (`Portvale Courier`,
    // not `John Times`); each is a masthead's word.
    const NO_SURNAME: &[&str] = &[
        "herald",
        "journal",
        "tribune",
        "gazette",
        "courier",
        "telegraph",
        "chronicle",
        "observer",
        "examiner",
        "inquirer",
        "dispatch",
        "sentinel",
        "enquirer",
        "bulletin",
        "ledger",
        "magazine",
    ];
    let words: Vec<&str> = segment.split_whitespace().collect();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    is_masthead(segment) && (words[0] == "The" || words.len() >= 3 || NO_SURNAME.contains(&last.as_str()))
}

/// The part after the names: a wire agency, a publication or a role such as `Staff Writer`.
fn is_affiliation(segment: &str) -> bool {
    const ROLE_WORDS: &[&str] = &[
        "staff",
        "writer",
        "correspondent",
        "editor",
        "reporter",
        "contributor",
        "columnist",
        "chief",
        "analyst",
        "commentator",
        "fellow",
        "bureau",
    ];
    let lower = segment.to_lowercase();
    is_known_agency(segment) || ROLE_WORDS.iter().any(|w| lower.split_whitespace().any(|x| x == *w))
}

fn is_known_agency(segment: &str) -> bool {
    const AGENCIES: &[&str] = &[
        "reuters",
        "ap",
        "the associated press",
        "associated press",
        "afp",
        "agence france-presse",
        "bloomberg",
        "bloomberg news",
        "dpa",
        "efe",
        "upi",
        "cnn",
        "bbc news",
        "npr",
        "xinhua",
        "kyodo",
        "ansa",
        "pa",
        "press association",
        "pa media",
        "the new york times",
        "new york times",
        "the washington post",
        "washington post",
        "the wall street journal",
        "wall street journal",
        "financial times",
        "los angeles times",
        "usa today",
        "daily mail",
        "the guardian",
        "the times",
        "the telegraph",
        "the independent",
        "politico",
        "axios",
    ];
    AGENCIES.contains(&segment.to_lowercase().as_str())
}

/// The publisher's full name for an agency abbreviation.
fn publisher_name(agency: &str) -> String {
    match agency.to_lowercase().as_str() {
        "ap" | "the associated press" | "associated press" => "Associated Press".to_string(),
        "afp" => "Agence France-Presse".to_string(),
        "upi" => "United Press International".to_string(),
        "pa" | "pa media" | "press association" | "the press association" => "Press Association".to_string(),
        _ => agency.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Datelines
// ---------------------------------------------------------------------------------------------

struct ParsedDateline {
    dateline: Dateline,
    /// Byte offset in the line where the lede text starts after the dateline.
    rest: usize,
}

fn parse_dateline(line: &str) -> Option<ParsedDateline> {
    parse_dash_dateline(line).or_else(|| parse_colon_dateline(line))
}

/// `WASHINGTON (AP) — …`, `HAYWARD, Calif. (AP) — …`, `LYON, Sept. 1 (EFE) – …`,
/// `Feb. 23, 2015 -- …`.
fn parse_dash_dateline(line: &str) -> Option<ParsedDateline> {
    const SEARCH: usize = 100;
    let (dash_at, dash_len) = find_dateline_dash(line, SEARCH)?;
    let prefix = line[..dash_at].trim_end();
    let after_dash = &line[dash_at + dash_len..];
    let rest = line.len() - after_dash.trim_start().len();
    if rest >= line.len() {
        return None;
    }
    let (main, agency) = split_agency(prefix)?;
    // A place in title case (`Washington (CNN) —`) is taken only with an agency that is surely
    // one: without it, `The Mayor —` would be a dateline.
    let sure_agency = agency.as_deref().is_some_and(is_known_agency);
    let case = if sure_agency { PlaceCase::Any } else { PlaceCase::Capitals };
    let (place, date) = if parse_month_day(main).is_some() {
        (main.to_string(), Some(main.to_string()))
    } else {
        place_and_date(main, case)?
    };
    let text = line[..rest].trim_end().to_string();
    Some(ParsedDateline { dateline: Dateline { place, agency, date, text }, rest })
}

/// The first dash that can end a dateline: an em or en dash, `--`, or a spaced hyphen.
fn find_dateline_dash(line: &str, limit: usize) -> Option<(usize, usize)> {
    for (i, c) in line.char_indices() {
        if i > limit {
            break;
        }
        match c {
            '—' | '–' => return Some((i, c.len_utf8())),
            '-' if line[i..].starts_with("--") => return Some((i, 2)),
            // Spanish agencies' `MADRID, 21 mar (EFE).- Texto`.
            '-' if line[..i].ends_with(").") && line[i + 1..].starts_with(' ') => return Some((i - 1, 2)),
            '-' if line[..i].ends_with(' ') && line[i + 1..].starts_with(' ') => {
                return Some((i, 1));
            }
            _ => {}
        }
    }
    None
}

/// `Washington, DC, United States: …`.
fn parse_colon_dateline(line: &str) -> Option<ParsedDateline> {
    const KICKERS: &[&str] = &[
        "breaking",
        "update",
        "updated",
        "watch",
        "exclusive",
        "analysis",
        "opinion",
        "live",
        "review",
        "editorial",
        "commentary",
        "photos",
        "video",
        "listen",
        "read",
        "note",
    ];
    let colon = line.find(": ")?;
    if colon > 60 {
        return None;
    }
    let prefix = &line[..colon];
    let rest = colon + 2;
    let next_upper = line[rest..].chars().next().is_some_and(char::is_uppercase);
    let kicker = KICKERS.contains(&prefix.to_lowercase().as_str());
    if !next_upper || kicker {
        return None;
    }
    let (place, date) = place_and_date(prefix, PlaceCase::Titled)?;
    let text = line[..colon + 1].to_string();
    Some(ParsedDateline { dateline: Dateline { place, agency: None, date, text }, rest })
}

/// `HAYWARD, Calif. (AP)` → (`HAYWARD, Calif.`, `AP`).
fn split_agency(prefix: &str) -> Option<(&str, Option<String>)> {
    let Some(inner_end) = prefix.strip_suffix(')') else {
        return Some((prefix, None));
    };
    let open = inner_end.rfind('(')?;
    let agency = inner_end[open + 1..].trim();
    let words = agency.split_whitespace().count();
    let plausible = (1..=3).contains(&words) && !agency.chars().any(|c| c.is_ascii_digit());
    let main = inner_end[..open].trim_end().trim_end_matches(',');
    (plausible && !main.is_empty()).then(|| (main, Some(agency.to_string())))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PlaceCase {
    /// Dash datelines set the city in capitals: `SIOUX FALLS, S.D.`.
    Capitals,
    /// Colon datelines may be in title case, but need two parts: `Washington, DC`.
    Titled,
    /// Either, when a known agency follows: `Washington (CNN) —`.
    Any,
}

/// Splits `CITY, Region, Mon. D` into the place and the optional date.
fn place_and_date(main: &str, case: PlaceCase) -> Option<(String, Option<String>)> {
    let mut segments = main.split(", ");
    let city = segments.next()?;
    let city_ok = match case {
        PlaceCase::Capitals => is_capitals_place(city),
        PlaceCase::Titled => is_titled_place(city),
        PlaceCase::Any => is_capitals_place(city) || is_titled_place(city),
    };
    if !city_ok || main.chars().count() > 70 {
        return None;
    }
    let mut place_end = city.len();
    let mut parts = 1;
    let mut date_start = None;
    let mut offset = city.len() + 2;
    for segment in segments {
        match date_start {
            None if parse_month_day(segment).is_some() => date_start = Some(offset),
            None if is_titled_place(segment) => {
                place_end = offset + segment.len();
                parts += 1;
            }
            Some(_) if is_year(segment) => {}
            _ => return None,
        }
        offset += segment.len() + 2;
    }
    if case == PlaceCase::Titled && parts < 2 && !is_capitals_place(city) {
        return None;
    }
    let date = date_start.and_then(|s| main.get(s..)).map(str::to_string);
    Some((main[..place_end].to_string(), date))
}

/// `SIOUX FALLS`, and the cities of a story filed from two (`LONDON/SINGAPORE`, `NEW
/// YORK/LONDON`).
fn is_capitals_place(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let most = if text.contains('/') { 5 } else { 4 };
    (1..=most).contains(&words)
        && text.chars().any(char::is_uppercase)
        && !text.chars().any(char::is_lowercase)
        && text.chars().all(|c| c.is_alphabetic() || " .'’-/".contains(c))
        && text.split('/').all(|city| city.chars().any(char::is_alphabetic) && city.trim() == city)
}

fn is_titled_place(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=4).contains(&words)
        && text.split_whitespace().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || ".'’-".contains(c))
        })
}

fn is_year(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

fn month_number(word: &str) -> Option<i8> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let month = match word.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

/// A month named in German, French, Spanish, Italian, Portuguese or Dutch, in full or cut short
/// (`März`, `mars`, `marzo`, `março`, `maart`, `mar.`), in any case.
fn foreign_month_number(word: &str) -> Option<i8> {
    let month = match word.trim_end_matches('.').to_lowercase().as_str() {
        "januar" | "janvier" | "janv" | "enero" | "ene" | "gennaio" | "gen" | "janeiro" | "januari"
        | "jan" => 1,
        "februar" | "février" | "fevrier" | "févr" | "fevr" | "febrero" | "febbraio" | "fevereiro"
        | "fev" | "februari" | "feb" => 2,
        "märz" | "maerz" | "mrz" | "mär" | "mars" | "marzo" | "março" | "marco" | "maart" | "mrt" | "mar" => {
            3
        }
        "april" | "avril" | "avr" | "abril" | "abr" | "aprile" | "apr" => 4,
        "mai" | "mayo" | "maggio" | "mag" | "maio" | "mei" | "may" => 5,
        "juni" | "juin" | "junio" | "giugno" | "giu" | "junho" | "jun" => 6,
        "juli" | "juillet" | "juil" | "julio" | "luglio" | "lug" | "julho" | "jul" => 7,
        "august" | "août" | "aout" | "agosto" | "ago" | "augustus" | "aug" => 8,
        "september" | "septembre" | "septiembre" | "setiembre" | "settembre" | "setembro" | "set"
        | "sept" | "sep" => 9,
        "oktober" | "okt" | "octobre" | "octubre" | "ottobre" | "ott" | "outubro" | "out" | "oct" => 10,
        "november" | "novembre" | "noviembre" | "novembro" | "nov" => 11,
        "dezember" | "dez" | "décembre" | "decembre" | "déc" | "diciembre" | "dic" | "dicembre"
        | "dezembro" | "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

/// `21 March 2025`, `21. März 2025`, `21 mars`, `1er mars 2025`, `21 de marzo de 2025` (the whole
/// text): the day first, as Europe writes dates, with the month in English or another language.
/// `may`, `march`, `august`, `out`, `set` and `ago` in lower case are months only with a year
/// after them (`5 may leave`, `2 out`). A day may be an ordinal (`21st`, `1er`).
fn parse_day_month(text: &str) -> Option<(i8, i8, Option<i16>)> {
    // Asked of many lines that are no date: most start with no digit.
    if !text.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().filter(|word| !matches!(*word, "de" | "del")).collect();
    let [day_word, month_word, rest @ ..] = words.as_slice() else { return None };
    let day_word = day_word.trim_end_matches(['.', 'º', 'ª']);
    let day: i8 = ["er", "st", "nd", "rd", "th"]
        .iter()
        .find_map(|ordinal| day_word.strip_suffix(ordinal))
        .unwrap_or(day_word)
        .parse()
        .ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let month_word = month_word.trim_end_matches(',');
    // Words that name months in lower case only beside a year: `5 may leave`, `2 out`.
    if matches!(month_word, "may" | "march" | "august" | "out" | "set" | "ago") && rest.is_empty() {
        return None;
    }
    let month = month_number(month_word).or_else(|| foreign_month_number(month_word))?;
    let year = match rest {
        [] => None,
        [year] if is_year(year.trim_end_matches(',')) => Some(year.trim_end_matches(',').parse().ok()?),
        _ => return None,
    };
    Some((month, day, year))
}

/// `Sept. 5`, `September 5`, `Feb. 23, 2015`, or the day first (`21 March 2025`, `21. März
/// 2025`: [`parse_day_month`]), the whole text: (month, day, year), the year when written.
pub(crate) fn parse_month_day(text: &str) -> Option<(i8, i8, Option<i16>)> {
    parse_month_first(text).or_else(|| parse_day_month(text))
}

fn parse_month_first(text: &str) -> Option<(i8, i8, Option<i16>)> {
    let mut words = text.split_whitespace();
    let month = month_number(words.next()?)?;
    let day_word = words.next()?;
    let day: i8 = day_word.trim_end_matches(',').parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let year = match words.next() {
        None => None,
        Some(y) if is_year(y) && day_word.ends_with(',') => Some(y.parse().ok()?),
        Some(_) => return None,
    };
    words.next().is_none().then_some((month, day, year))
}

/// The day a publication stamp gives: `First published February 1, 2016: 1:28 AM ET` (after
/// the publisher and place, `CNNMoney (New York)`, as CNN prints it under a story), `Published
/// Nov. 19, 2024`, `Posted on March 3, 2025 at 9:10 a.m.`, or a date with the time after it,
/// `2/26/2015 7:11 AM PST BY TMZ STAFF`. A date of digits is read month first where the line
/// names an American time zone, and otherwise only when its numbers leave one reading. None for
/// a sentence that mentions a publication (`The study was published on May 3, 2024.`).
fn publication_stamp(line: &str) -> Option<PublicationStamp> {
    // A sentence ends with a period; a stamp only with a time's (`9:10 a.m.`). Asked of every
    // paragraph: the cheapest tests first.
    let sentence = line.ends_with('.') && !(line.ends_with("a.m.") || line.ends_with("p.m."));
    if sentence || !line.bytes().any(|b| b.is_ascii_digit()) || !has_at_most_words(line, 16) {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    let after_lead = PUBLISHED_LEADS.iter().find_map(|lead| {
        let at = lower.find(lead)?;
        let before = &line[..at];
        // A lead starts the line, or follows a name and place of a few capitalised words
        // (`CNNMoney (New York)`), not a sentence's subject (`The study was`).
        let named = before.split_whitespace().all(|word| {
            word.trim_start_matches('(').starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        });
        let leads = (at == 0 || before.ends_with(' ')) && named && has_at_most_words(before, 4);
        leads.then(|| &line[at + lead.len()..])
    });
    let led = after_lead.is_some();
    let rest = match after_lead {
        Some(rest) => {
            let rest = rest.trim_start_matches([':', ' ']);
            ["on ", "em ", "el ", "le ", "am ", "il "]
                .iter()
                .find_map(|preposition| strip_prefix_ignore_case(rest, preposition))
                .unwrap_or(rest)
        }
        None => line,
    };
    // `3 de marzo de 2024`, `3 de março de 2024`: the date without its `de`s.
    let mut words: Vec<&str> =
        rest.split_whitespace().filter(|word| !matches!(*word, "de" | "del")).collect();
    // The Guardian's `Sat 18 May 2024 17.45 BST`: the day of the week says nothing more.
    if words.first().is_some_and(|word| is_weekday(word.trim_end_matches(','))) {
        words.remove(0);
    }
    let trim = |word: &str| word.trim_end_matches([',', ':', ';']).to_string();
    // An American zone: one of New York's to Los Angeles's, or UTC−4 to UTC−8.
    let us_zone = words.iter().any(|word| {
        zone_named(word.trim_end_matches([',', '.', ';', ')']).trim_start_matches('('))
            .is_some_and(|zone| zone.starts_with("America/") || zone.starts_with("Etc/GMT+"))
    });
    let (date, taken) = match words.first().map(|first| numeric_date(&trim(first), us_zone)) {
        Some(Some(date)) => (date, 1),
        _ => {
            let three = words.get(..3)?.join(" ");
            (parse_full_date(three.trim_end_matches([',', ':', ';', '.']))?, 3)
        }
    };
    // What may follow the date: its time, with `a.m.` and a zone, then at most a byline (`2/26/2015
    // 7:11 AM PST BY TMZ STAFF`); after a lead, also nothing, or `at` and the time. More words
    // are a sentence's (`Researchers published May 3, 2024 results`, `Jan. 7, 2021, 3:42 a.m.:
    // Congress certifies`), a book's (`Published March 3, 2020 by Knopf, 320 pages`) or a
    // quoted post's (`Posted Jan. 5, 2025 — “I’m done.”`).
    let mut after = words[taken..].iter().map(|word| word.trim_end_matches([',', ';']));
    let timed = match after.next() {
        None => led,
        // `at`, and `à`, `às`, `um`, `alle` and `a las` in the other languages.
        Some(word)
            if led
                && (matches!(
                    word.to_lowercase().as_str(),
                    "at" | "à" | "às" | "um" | "alle" | "a" | "|" | "·"
                )) =>
        {
            let time = after.next().filter(|word| !word.eq_ignore_ascii_case("las")).or_else(|| after.next());
            time.is_some_and(|time| clock_time(&[time]).is_some())
        }
        Some(time) => clock_time(&[time, after.clone().next().unwrap_or("")]).is_some(),
    };
    if !timed {
        return None;
    }
    let mut after = after.skip_while(|word| {
        let word = word.trim_end_matches(':').to_ascii_lowercase();
        matches!(word.as_str(), "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m")
            || zone_named(&word.to_ascii_uppercase()).is_some()
    });
    // Reuters' `March 4, 2025 4:58 PM GMT Updated 2 hours ago`: when the story changed since, as
    // a date or an age (not a timeline's `3:42 a.m.: Updated tallies show…`).
    let byline_or_nothing = match after.next() {
        None => true,
        Some(word) if word.eq_ignore_ascii_case("updated") => {
            let rest: Vec<&str> = after.collect();
            const UNITS: &[&str] = &[
                "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "day", "days", "week",
                "weeks", "month", "months",
            ];
            let age = rest.len() == 3
                && (rest[0].parse::<u32>().is_ok() || matches!(rest[0].to_lowercase().as_str(), "a" | "an"))
                && rest[2].eq_ignore_ascii_case("ago")
                && UNITS.contains(&rest[1].to_lowercase().as_str());
            age || update_after_stamp(line).and_then(updated_date).is_some()
        }
        Some(word) => !led && word.eq_ignore_ascii_case("by"),
    };
    byline_or_nothing.then_some(PublicationStamp { date, led })
}

/// The `Updated …` part of a stamp line (`March 4, 2025 4:58 PM GMT Updated March 4, 2025 6:10
/// PM GMT`), from its word `Updated` on.
fn update_after_stamp(line: &str) -> Option<&str> {
    line.find(" Updated ").or_else(|| line.find(" updated ")).map(|at| &line[at + 1..])
}

/// What [`publication_stamp`] read: the date, and whether a word (`Published`) said what the line
/// is, or only a time after the date did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PublicationStamp {
    date: (i16, i8, i8),
    led: bool,
}

/// `2/26/2015` as (year, month, day): month first when `month_first` (the American order), day
/// first when the first number is above 12, month first when the second is.
fn numeric_date(word: &str, month_first: bool) -> Option<(i16, i8, i8)> {
    let mut parts = word.split('/');
    let (Some(a), Some(b), Some(year), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if !is_year(year) || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b): (i8, i8) = (a.parse().ok()?, b.parse().ok()?);
    let (month, day) = match (a, b) {
        (13.., _) => (b, a),
        (_, 13..) => (a, b),
        // `11/11/2019` reads the same either way.
        _ if month_first || a == b => (a, b),
        _ => return None,
    };
    real_date((year.parse().ok()?, month, day))
}

/// The moment an `Updated …` line gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpdatedAt {
    /// (year, month, day).
    pub date: (i16, i8, i8),
    /// (hour, minute) on a 24-hour clock, when the line gives a time.
    pub time: Option<(i8, i8)>,
    /// The time zone its abbreviation names (`America/New_York` for `ET`), when it gives one.
    pub zone: Option<&'static str>,
}

/// The moment an `Updated …` or `Last updated …` line gives (`Updated 3:12 PM EST, November 19,
/// 2024`, `Updated August 31, 2025 at 9:30 a.m. ET`): the first `Month D, YYYY` in it, and the
/// first clock time with its zone.
fn updated_date(line: &str) -> Option<UpdatedAt> {
    let rest = UPDATED_LEADS.iter().find_map(|lead| strip_prefix_ignore_case(line, lead))?;
    let words: Vec<&str> = rest.split_whitespace().filter(|word| !matches!(*word, "de" | "del")).collect();
    let date = words
        .windows(3)
        .find_map(|three| parse_full_date(three.join(" ").trim_end_matches(['.', ';', ','])))
        .or_else(|| {
            // `Actualizado: 11/11/2019 09:30`: digits, read only where they leave one reading.
            words.iter().find_map(|word| numeric_date(word.trim_end_matches([',', ';']), false))
        })?;
    let (time, zone) = clock_time(&words).map_or((None, None), |(time, zone)| (Some(time), zone));
    Some(UpdatedAt { date, time, zone })
}

/// Time zone abbreviations pages print after a time, and the tz database's zone of each: `ET` is
/// New York's time, summer or winter, while `EST` says UTC−5 whatever the season (`Etc/GMT+5`,
/// whose sign is POSIX's). US zones first: most pages that print them are American.
const ZONES: &[(&str, &str)] = &[
    ("ET", "America/New_York"),
    ("EST", "Etc/GMT+5"),
    ("EDT", "Etc/GMT+4"),
    ("CT", "America/Chicago"),
    ("CST", "Etc/GMT+6"),
    ("CDT", "Etc/GMT+5"),
    ("MT", "America/Denver"),
    ("MST", "Etc/GMT+7"),
    ("MDT", "Etc/GMT+6"),
    ("PT", "America/Los_Angeles"),
    ("PST", "Etc/GMT+8"),
    ("PDT", "Etc/GMT+7"),
    ("GMT", "UTC"),
    ("UTC", "UTC"),
    ("BST", "Etc/GMT-1"),
    ("CET", "Etc/GMT-1"),
    ("CEST", "Etc/GMT-2"),
];

/// The zone of the abbreviation `word` (`ET`, `PST`), as [`ZONES`] lists it.
fn zone_named(word: &str) -> Option<&'static str> {
    ZONES.iter().find(|(abbreviation, _)| *abbreviation == word).map(|(_, zone)| *zone)
}

/// The first `H:MM` in `words`, made 24-hour by an `a.m.`/`PM` after it, and the time zone an
/// abbreviation after that names ([`ZONES`]).
fn clock_time(words: &[&str]) -> Option<((i8, i8), Option<&'static str>)> {
    // `9:30`, French `10h30`, or British `17.45` when a zone follows it (alone it may be a
    // figure).
    let split = |at: usize| {
        let word = words[at].trim_end_matches([',', '.', ';']);
        let zone_after = || {
            words
                .get(at + 1)
                .is_some_and(|next| zone_named(next.trim_end_matches([',', '.', ';', ')'])).is_some())
        };
        let (h, m) = word
            .split_once(':')
            .or_else(|| word.split_once('h'))
            .or_else(|| word.split_once('.').filter(|_| zone_after()))?;
        ((1..=2).contains(&h.len()) && m.len() == 2 && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
            .then_some((h, m))
    };
    let at = (0..words.len()).find(|&at| split(at).is_some())?;
    let (hour, minute) = split(at)?;
    let (mut hour, minute): (i8, i8) = (hour.parse().ok()?, minute.parse().ok()?);
    let mut next = at + 1;
    let marker = words.get(next).map(|w| w.trim_end_matches([',', ';']).to_ascii_lowercase());
    match marker.as_deref() {
        Some("am" | "a.m." | "a.m") => {
            hour %= 12;
            next += 1;
        }
        Some("pm" | "p.m." | "p.m") => {
            hour = hour % 12 + 12;
            next += 1;
        }
        _ => {}
    }
    if hour > 23 || minute > 59 {
        return None;
    }
    let zone = words
        .get(next)
        .and_then(|word| zone_named(word.trim_end_matches([',', '.', ';', ')']).trim_start_matches('(')));
    Some(((hour, minute), zone))
}

/// A date with a year, as (year, month, day) so that tuples order chronologically; none for a
/// day the calendar does not have (`Feb. 30, 2019`).
fn parse_full_date(text: &str) -> Option<(i16, i8, i8)> {
    let (month, day, year) = parse_month_day(text)?;
    real_date((year?, month, day))
}

// ---------------------------------------------------------------------------------------------
// Embedded posts
// ---------------------------------------------------------------------------------------------

/// The closing signature of an embedded post, located in its line.
#[derive(Debug)]
struct Signature {
    line: String,
    /// Byte offset where the signature starts (0 when the line is only the signature).
    start: usize,
    /// Byte range of `@handle` in the line.
    handle_at: usize,
    handle_end: usize,
    embed: Embed,
}

fn parse_signature(line: &str) -> Option<Signature> {
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

// ---------------------------------------------------------------------------------------------
// Sentences, summary and inferred title
// ---------------------------------------------------------------------------------------------

const SUMMARY_WORDS: usize = 60;

fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』' | '）')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn last_word(text: &str) -> &str {
    text.split_whitespace().next_back().unwrap_or("")
}

/// Lower-case abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "jr",
    "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
    "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "pres", "rev", "hon", "atty", "dept", "univ", "approx",
    "fig", "al", "calif", "fla", "mass", "wash", "ariz", "penn", "conn", "ill",
];

/// The length of the longest of [`ABBREVIATIONS`]. They are all ASCII, so no longer word can
/// lower-case to one of them, and nor can a word with another character (the one such letter
/// that lower-cases to ASCII, the Kelvin sign, makes a `k`, which none has; a test keeps it so).
const LONGEST_ABBREVIATION: usize = 6;

/// Abbreviations whose full stop does not end a sentence: titles, months, initials, `U.S.`.
pub(super) fn is_abbreviation(word_with_period: &str) -> bool {
    let word = word_with_period.trim_start_matches(|c: char| !c.is_alphanumeric()).trim_end_matches('.');
    let letters_and_dots = word.chars().all(|c| c.is_alphabetic() || c == '.');
    let dotted = word.contains('.') && letters_and_dots;
    let single_letter = word.chars().count() == 1 && letters_and_dots;
    if dotted || single_letter {
        return true;
    }
    // Most words asked about are longer than any abbreviation: they are answered without a
    // lower-cased copy.
    if word.len() > LONGEST_ABBREVIATION || !word.is_ascii() {
        return false;
    }
    let mut lower = [0u8; LONGEST_ABBREVIATION];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    ABBREVIATIONS.iter().any(|abbreviation| abbreviation.as_bytes() == &*lower)
}

/// The sentence-ending characters of `text` and their byte offsets: `.`, `!`, `?`, `…`, `。`, `！`
/// and `？`. Only the bytes such a character can start with are decoded, rather than every
/// character.
fn sentence_ends(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let firsts =
        text.bytes().enumerate().filter(|(_, b)| matches!(b, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF));
    firsts.filter_map(|(i, _)| text[i..].chars().next().filter(|&c| is_sentence_end(c)).map(|c| (i, c)))
}

/// Byte offsets where a new sentence starts.
fn sentence_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    sentence_ends(text).filter_map(move |(i, c)| {
        let after = i + c.len_utf8();
        let rest = &text[after..];
        let closed = rest.trim_start_matches(is_closing_mark);
        if c == '。' || c == '！' || c == '？' {
            return (!closed.is_empty()).then_some(text.len() - closed.len());
        }
        let spaced = closed.trim_start();
        let next_starts = spaced
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "“\"‘'([".contains(n));
        let is_break = spaced.len() < closed.len()
            && next_starts
            && !(c == '.' && is_abbreviation(last_word(&text[..after])));
        is_break.then_some(text.len() - spaced.len())
    })
}

/// The lede cut at the sentence boundary nearest to [`SUMMARY_WORDS`].
fn summarise(text: &str) -> String {
    const MOST_WORDS: usize = SUMMARY_WORDS + SUMMARY_WORDS / 4;
    let text = text.trim();
    let mut best = None;
    let mut best_distance = usize::MAX;
    // The nearest break whether or not a quote is open there: taken when no break closes every
    // quote (a quote running on past the lede, as papers leave a paragraph's quote unclosed).
    let (mut best_any, mut best_any_distance) = (None, usize::MAX);
    let mut words = 0;
    let mut counted_to = 0;
    // Quotation marks opened and not yet closed: a summary ending inside a quote (`“We are not
    // here for fun.` of a longer quote) leaves it open on every listing.
    let mut quotes = QuoteBalance { low_opens: text.contains('„'), ..QuoteBalance::default() };
    for end in sentence_breaks(text).chain(std::iter::once(text.len())) {
        let piece = &text[counted_to..end];
        words += count_words(piece);
        quotes.read(piece);
        counted_to = end;
        if words > MOST_WORDS {
            break;
        }
        let distance = words.abs_diff(SUMMARY_WORDS);
        if distance < best_distance && (quotes.closed() || end == text.len()) {
            best = Some(end);
            best_distance = distance;
        }
        if distance < best_any_distance {
            best_any = Some(end);
            best_any_distance = distance;
        }
    }
    // The nearest break inside a quote only when the quote never closes (a paragraph's quote left
    // open, as papers leave it): one that closes later is better cut at a word.
    let open_for_good = best.is_none() && {
        let mut rest = quotes.clone();
        rest.read(&text[counted_to..]);
        !rest.closed()
    };
    match best.or(best_any.filter(|_| open_for_good)) {
        Some(end) => text[..end].trim_end().to_string(),
        None => cut_at_word(text, SUMMARY_WORDS),
    }
}

/// Double quotation marks read so far: whether every quote opened was closed.
#[derive(Default, Clone)]
struct QuoteBalance {
    /// German quotes, `„…“`, in which `“` closes.
    low_opens: bool,
    curly_open: isize,
    straight: usize,
}

impl QuoteBalance {
    fn read(&mut self, text: &str) {
        let mut previous = ' ';
        for c in text.chars() {
            match c {
                '„' | '«' => self.curly_open += 1,
                '“' if !self.low_opens => self.curly_open += 1,
                '”' | '“' | '»' => self.curly_open -= 1,
                // `14" of snow`: inches, no quotation (unless it closes one: `"the crisis of 2008"`).
                '"' if !previous.is_ascii_digit() || self.straight % 2 == 1 => self.straight += 1,
                _ => {}
            }
            previous = c;
        }
    }

    fn closed(&self) -> bool {
        self.curly_open <= 0 && self.straight.is_multiple_of(2)
    }
}

fn cut_at_word(text: &str, words: usize) -> String {
    let end = text
        .split_whitespace()
        .take(words)
        .last()
        .map_or(0, |w| w.as_ptr() as usize - text.as_ptr() as usize + w.len());
    format!("{}…", text[..end].trim_end_matches([',', ';', ':']))
}

/// A headline-length title from the lede: its first sentence, cut at a clause or word
/// boundary within about 90 characters (CJK characters count double), without trailing
/// punctuation.
fn infer_title(lede: &str) -> String {
    const BUDGET: usize = 90;
    let lede = lede.trim();
    let first = sentence_breaks(lede).next().unwrap_or(lede.len());
    let sentence = without_trailing_attribution(lede[..first].trim_end());
    // "The central bank said on Sunday that policymakers saw no need to cut rates this year": past
    // the budget, the reported clause reads whole where the sentence would be cut short.
    let reported;
    let sentence = match reported_clause(sentence) {
        Some(clause) if display_width(sentence) > BUDGET => {
            reported = crate::text::capitalised(clause);
            reported.as_str()
        }
        _ => sentence,
    };
    if display_width(sentence) <= BUDGET {
        return trim_title_end(sentence).to_string();
    }
    match clause_cut(sentence, BUDGET) {
        // A clause reads whole.
        Some(clause) => trim_title_end(clause).to_string(),
        // A cut between two words of a clause does not: the ellipsis (one character of the
        // budget) says the sentence goes on, so "Judge rules on an unconscious" is not taken for
        // a headline as written.
        None => format!("{}…", trim_title_end(word_cut(sentence, BUDGET - 1))),
    }
}

/// `sentence` without the attribution that ends it (`…, officials in Montréal said`, `…, the
/// company said on Tuesday`, `…, according to Reuters`): a headline states the news.
fn without_trailing_attribution(sentence: &str) -> &str {
    const MOST_WORDS: usize = 8;
    // Not `reported` or `announced`: `…, with three deaths reported` is the news.
    const VERBS: &[&str] = &[" said", " says", " told reporters", " said in a statement"];
    let core = sentence.trim_end_matches('.');
    let Some(comma) = core.rfind(", ") else { return sentence };
    let (head, tail) = (&core[..comma], &core[comma + 2..]);
    let lower = tail.to_ascii_lowercase();
    let attribution = lower.starts_with("according to ")
        || lower.starts_with("said ")
        || lower.starts_with("says ")
        || VERBS.iter().any(|verb| lower.ends_with(verb))
        || lower.rsplit_once(" said on ").is_some_and(|(_, when)| when.split_whitespace().count() <= 2);
    if attribution && count_words(tail) <= MOST_WORDS && count_words(head) >= 5 && !head.contains(['“', '"'])
    {
        head
    } else {
        sentence
    }
}

/// What `sentence` reports after `… said that`, `… said on Sunday that`, `… says that`, when the
/// one who said it is named in its first words.
fn reported_clause(sentence: &str) -> Option<&str> {
    const MOST_BEFORE: usize = 70;
    // What a pronoun stands for is in the words this leaves out: "It would cut 700 jobs".
    const PRONOUNS: &[&str] = &[
        "it", "its", "he", "his", "she", "her", "they", "their", "we", "our", "i", "you", "this", "these",
        "those", "there",
    ];
    // ASCII lower case keeps every byte where it was, so its offsets slice `sentence`.
    let lower = sentence.to_ascii_lowercase();
    let start = [" said that ", " says that ", " said on "].iter().find_map(|verb| {
        let after = lower.find(verb).filter(|&at| at <= MOST_BEFORE)? + verb.len();
        if *verb != " said on " {
            return Some(after);
        }
        // A day, then `that`: ` said on Sunday that `.
        let (day, rest) = lower[after..].split_once(' ')?;
        (is_weekday(day) && rest.starts_with("that ")).then_some(after + day.len() + 1 + "that ".len())
    })?;
    let clause = sentence.get(start..)?.trim();
    let first = clause.split_whitespace().next().unwrap_or_default().to_ascii_lowercase();
    (count_words(clause) >= 4 && !PRONOUNS.contains(&first.as_str())).then_some(clause)
}

fn display_width(text: &str) -> usize {
    text.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

fn prefix_within(text: &str, budget: usize) -> &str {
    let mut width = 0;
    for (i, c) in text.char_indices() {
        width += if is_cjk(c) { 2 } else { 1 };
        if width > budget {
            return &text[..i];
        }
    }
    text
}

/// The longest prefix within budget that ends at a clause boundary (punctuation, or a word
/// that opens a subordinate clause) and is still a real phrase.
fn clause_cut(sentence: &str, budget: usize) -> Option<&str> {
    const MIN_WIDTH: usize = 35;
    const BOUNDARIES: &[&str] = &[
        ", ",
        "; ",
        ": ",
        " — ",
        " – ",
        " - ",
        " (",
        "，",
        "、",
        "；",
        "：",
        " after ",
        " while ",
        " because ",
        " when ",
        " following ",
        " amid ",
        " despite ",
        " before ",
        " since ",
        " until ",
        " which ",
        " who ",
        " where ",
        " but ",
        " as ",
    ];
    let window = prefix_within(sentence, budget);
    BOUNDARIES
        .iter()
        .filter_map(|b| window.rfind(b))
        .filter(|&at| display_width(&window[..at]) >= MIN_WIDTH)
        .max()
        .map(|at| &window[..at])
}

fn word_cut(sentence: &str, budget: usize) -> &str {
    let window = prefix_within(sentence, budget);
    let cut = match window.rfind(' ') {
        Some(at) if window.len() < sentence.len() => &window[..at],
        _ => window,
    };
    drop_weak_ending(close_open_quote(cut))
}

/// Cuts before a quotation that the word cut left open, so the title has no stray `“`.
fn close_open_quote(cut: &str) -> &str {
    let curly_open = cut.matches('“').count() > cut.matches('”').count();
    let straight_open = cut.matches('"').count() % 2 == 1;
    let quote = match (curly_open, straight_open) {
        (true, _) => '“',
        (false, true) => '"',
        (false, false) => return cut,
    };
    match cut.rfind(quote) {
        Some(at) if at > 0 => cut[..at].trim_end(),
        _ => cut,
    }
}

/// Removes trailing words that leave a phrase hanging (`… made against`).
fn drop_weak_ending(mut cut: &str) -> &str {
    const WEAK_ENDINGS: &[&str] = &[
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "and",
        "or",
        "for",
        "with",
        "on",
        "at",
        "by",
        "from",
        "as",
        "that",
        "which",
        "who",
        "its",
        "their",
        "his",
        "her",
        "is",
        "was",
        "are",
        "were",
        "against",
        "about",
        "into",
        "over",
        "under",
        "between",
        "than",
        "like",
        "via",
        "per",
        "after",
        "before",
        "during",
        "without",
        "within",
        "upon",
        "toward",
        "towards",
        "across",
        "around",
        "through",
        "including",
        "has",
        "have",
        "had",
        "be",
        "been",
        "will",
        "would",
    ];
    while let Some(at) = cut.rfind(' ') {
        if !WEAK_ENDINGS.contains(&cut[at + 1..].to_lowercase().as_str()) {
            break;
        }
        cut = cut[..at].trim_end();
    }
    cut
}

fn trim_title_end(title: &str) -> &str {
    title.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '—' | '–' | '-' | '。' | '，' | '、')
    })
}

fn normalise_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Words and language
// ---------------------------------------------------------------------------------------------

/// Whitespace-separated words, with each CJK character counted as one word.
fn count_words(text: &str) -> usize {
    count_words_up_to(text, usize::MAX)
}

/// Whether `text` has no more than `max` words; stops reading as soon as it has more.
fn has_at_most_words(text: &str, max: usize) -> bool {
    count_words_up_to(text, max) <= max
}

/// [`count_words`], but stops once the count exceeds `cap`. This runs over every paragraph,
/// so runs of ASCII are counted eight bytes at a time; other characters are decoded one by one.
fn count_words_up_to(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(chunk) = ascii_chunk(bytes, i) {
            let (starts, ends_in_word) = ascii_word_starts(chunk, in_word);
            count += starts;
            in_word = ends_in_word;
            i += 8;
        } else if b < 0x80 {
            let space = b == b' ' || b.wrapping_sub(b'\t') < 5;
            count += usize::from(!space && !in_word);
            in_word = !space;
            i += 1;
        } else {
            let c = text.get(i..).and_then(|rest| rest.chars().next()).unwrap_or(' ');
            let cjk = is_cjk(c);
            let space = c.is_whitespace();
            count += usize::from(cjk || (!space && !in_word));
            in_word = !space && !cjk;
            i += c.len_utf8();
        }
        if count > cap {
            break;
        }
    }
    count
}

/// The sum of the eight bytes of `flags`, each 0 or 1 (cheaper than `count_ones` on targets
/// without a popcount instruction).
const fn sum_of_bytes(flags: u64) -> u64 {
    flags.wrapping_mul(splat(1)) >> 56
}

/// Counts the words starting in eight ASCII bytes, given whether a word was open before them;
/// also returns whether one is open after them. Each byte's high bit flags ASCII whitespace
/// (space, or tab to carriage return).
fn ascii_word_starts(chunk: u64, in_word: bool) -> (usize, bool) {
    let low = !HIGH_BITS;
    let not_space_byte = ((chunk ^ splat(b' ')) & low).wrapping_add(low) | (chunk ^ splat(b' '));
    let is_space = !not_space_byte & HIGH_BITS;
    let at_least_tab = chunk.wrapping_add(splat(0x80 - b'\t')) & HIGH_BITS;
    let above_cr = chunk.wrapping_add(splat(0x80 - b'\r' - 1)) & HIGH_BITS;
    let space = is_space | (at_least_tab & !above_cr);
    let before_is_space = (space << 8) | if in_word { 0 } else { 0x80 };
    let starts = !space & before_is_space & HIGH_BITS;
    (sum_of_bytes(starts >> 7) as usize, space >> 63 == 0)
}

/// Letter counts per script, over a prefix of the body that is large enough to decide.
#[derive(Default)]
struct ScriptCounts {
    latin: usize,
    kana: usize,
    han: usize,
    hangul: usize,
    cyrillic: usize,
    ukrainian: usize,
    greek: usize,
    arabic: usize,
    hebrew: usize,
    thai: usize,
    devanagari: usize,
}

impl ScriptCounts {
    fn add(&mut self, c: char) {
        if c.is_ascii() {
            self.latin += usize::from(c.is_ascii_alphabetic());
            return;
        }
        match c {
            'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' => self.latin += 1,
            '\u{3040}'..='\u{30FF}' => self.kana += 1,
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' => self.han += 1,
            '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => self.hangul += 1,
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                self.cyrillic += 1;
                self.ukrainian += 1;
            }
            '\u{400}'..='\u{4FF}' => self.cyrillic += 1,
            '\u{370}'..='\u{3FF}' => self.greek += 1,
            '\u{600}'..='\u{6FF}' => self.arabic += 1,
            '\u{590}'..='\u{5FF}' => self.hebrew += 1,
            '\u{E00}'..='\u{E7F}' => self.thai += 1,
            '\u{900}'..='\u{97F}' => self.devanagari += 1,
            _ => {}
        }
    }

    /// Counts the letters among the first `budget` characters of `text` and takes the characters
    /// read from the budget. ASCII, most of any sample, is counted without decoding.
    fn add_prefix(&mut self, text: &str, budget: &mut usize) {
        let bytes = text.as_bytes();
        let mut at = 0;
        while *budget > 0
            && let Some(&byte) = bytes.get(at)
        {
            if byte.is_ascii() {
                self.latin += usize::from(byte.is_ascii_alphabetic());
                at += 1;
            } else {
                let (c, width) = crate::text::char_at(text, at);
                self.add(c);
                at += width;
            }
            *budget -= 1;
        }
    }

    /// The language implied by a non-Latin script that dominates the text.
    fn non_latin_language(&self) -> Option<&'static str> {
        let total = self.latin
            + self.kana
            + self.han
            + self.hangul
            + self.cyrillic
            + self.greek
            + self.arabic
            + self.hebrew
            + self.thai
            + self.devanagari;
        let dominant = |n: usize| n * 2 > total;
        if self.kana * 20 > total && dominant(self.kana + self.han) {
            return Some("ja");
        }
        let cyrillic = if self.ukrainian * 50 > self.cyrillic { "uk" } else { "ru" };
        [
            (self.han, "zh"),
            (self.hangul, "ko"),
            (self.cyrillic, cyrillic),
            (self.greek, "el"),
            (self.arabic, "ar"),
            (self.hebrew, "he"),
            (self.thai, "th"),
            (self.devanagari, "hi"),
        ]
        .into_iter()
        .find(|(n, _)| dominant(*n))
        .map(|(_, lang)| lang)
    }
}

const LANGUAGES: [&str; 9] = ["en", "de", "fr", "es", "pt", "it", "nl", "cs", "pl"];

/// Bit flags for [`LANGUAGES`], in the same order.
const EN: u16 = 1;
const DE: u16 = 1 << 1;
const FR: u16 = 1 << 2;
const ES: u16 = 1 << 3;
const PT: u16 = 1 << 4;
const IT: u16 = 1 << 5;
const NL: u16 = 1 << 6;
const CS: u16 = 1 << 7;
const PL: u16 = 1 << 8;

/// Common function words and the languages they belong to, sorted by bytes for binary search.
const STOPWORDS: &[(&str, u16)] = &[
    ("aan", NL),
    ("al", ES),
    ("ale", CS),
    ("alla", IT),
    ("als", NL),
    ("anche", IT),
    ("and", EN),
    ("ao", PT),
    ("are", EN),
    ("as", PT),
    ("at", EN),
    ("au", FR),
    ("auch", DE),
    ("auf", DE),
    ("aus", DE),
    ("aux", FR),
    ("avec", FR),
    ("be", EN),
    ("been", EN),
    ("bei", DE),
    ("bij", NL),
    ("bude", CS),
    ("but", EN),
    ("by", EN),
    ("byl", CS),
    ("byla", CS),
    ("ce", FR),
    ("che", IT),
    ("com", PT),
    ("como", ES),
    ("con", ES | PT),
    ("da", PT),
    ("dans", FR),
    ("das", DE | PT),
    ("dat", NL),
    ("del", ES),
    ("della", IT),
    ("dem", DE),
    ("den", DE),
    ("der", DE),
    ("di", IT),
    ("die", DE | NL),
    ("dla", PL),
    ("do", PT),
    ("door", NL),
    ("dos", PT),
    ("du", FR),
    ("een", NL),
    ("ein", DE),
    ("eine", DE),
    ("el", ES),
    ("ele", PT),
    ("elle", FR),
    ("em", PT),
    ("en", FR | ES | NL),
    ("er", NL),
    ("es", DE),
    ("est", FR),
    ("esta", ES),
    ("este", ES),
    ("et", FR),
    ("foi", PT),
    ("for", EN),
    ("from", EN),
    ("fue", ES),
    ("für", DE),
    ("gli", IT),
    ("ha", ES),
    ("has", EN),
    ("have", EN),
    ("he", EN),
    ("het", NL),
    ("his", EN),
    ("il", FR),
    ("im", DE),
    ("is", EN),
    ("ist", DE),
    ("it", EN),
    ("jak", PL),
    ("jako", CS),
    ("je", CS),
    ("jego", PL),
    ("jeho", CS),
    ("jen", CS),
    ("jest", PL),
    ("jsou", CS),
    ("která", CS),
    ("které", CS),
    ("který", CS),
    ("la", FR | ES | IT),
    ("las", ES),
    ("le", FR),
    ("les", FR),
    ("leur", FR),
    ("lo", ES),
    ("los", ES),
    ("mais", PT),
    ("mas", PT),
    ("met", NL),
    ("mit", DE),
    ("muy", ES),
    ("más", ES),
    ("na", PT),
    ("nach", DE),
    ("nel", IT),
    ("nicht", DE),
    ("nie", PL),
    ("niet", NL),
    ("no", PT),
    ("non", IT),
    ("not", EN),
    ("não", PT),
    ("od", PL),
    ("oder", DE),
    ("of", EN),
    ("ont", FR),
    ("ook", NL),
    ("op", NL),
    ("oraz", PL),
    ("os", PT),
    ("para", ES),
    ("pas", FR),
    ("pela", PT),
    ("pelo", PT),
    ("per", IT),
    ("pero", ES),
    ("più", IT),
    ("po", CS),
    ("por", ES | PT),
    ("pour", FR),
    ("pro", CS),
    ("przez", PL),
    ("que", FR | ES | PT),
    ("qui", FR),
    ("said", EN),
    ("se", CS),
    ("seu", PT),
    ("she", EN),
    ("sich", DE),
    ("sin", ES),
    ("sind", DE),
    ("się", PL),
    ("sono", IT),
    ("sont", FR),
    ("sua", PT),
    ("sur", FR),
    ("sus", ES),
    ("są", PL),
    ("také", CS),
    ("también", ES),
    ("te", NL),
    ("that", EN),
    ("the", EN),
    ("they", EN),
    ("this", EN),
    ("to", EN | CS),
    ("uma", PT),
    ("una", ES),
    ("und", DE),
    ("une", FR),
    ("už", CS),
    ("van", NL),
    ("ve", CS),
    ("von", DE),
    ("voor", NL),
    ("was", EN),
    ("werden", DE),
    ("were", EN),
    ("which", EN),
    ("who", EN),
    ("wie", DE),
    ("will", EN),
    ("wird", DE),
    ("with", EN),
    ("would", EN),
    ("y", ES),
    ("zijn", NL),
    ("zu", DE),
    ("è", IT),
    ("é", PT),
    ("été", FR),
    ("že", CS),
];

/// A word of up to eight bytes packed big-endian into a `u64`; packed keys order like the
/// words themselves, so the sorted table can be searched with integer comparisons.
const fn pack_word(word: &[u8]) -> Option<u64> {
    if word.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < 8 {
        key <<= 8;
        if i < word.len() {
            key |= word[i] as u64;
        }
        i += 1;
    }
    Some(key)
}

/// [`STOPWORDS`] packed with [`pack_word`], computed at compile time.
const STOPWORD_KEYS: [u64; STOPWORDS.len()] = {
    let mut keys = [0u64; STOPWORDS.len()];
    let mut i = 0;
    while i < STOPWORDS.len() {
        keys[i] = match pack_word(STOPWORDS[i].0.as_bytes()) {
            Some(key) => key,
            None => u64::MAX,
        };
        i += 1;
    }
    keys
};

/// The languages (as [`LANGUAGES`] bit flags) a lower-case word is a common function word of.
fn stopword_languages(word: &[u8]) -> u16 {
    pack_word(word).map_or(0, stopword_languages_of_key)
}

/// [`stopword_languages`] of a word packed with [`pack_word`].
fn stopword_languages_of_key(key: u64) -> u16 {
    STOPWORD_KEYS
        .binary_search(&key)
        .ok()
        .and_then(|at| STOPWORDS.get(at))
        .map_or(0, |(_, languages)| *languages)
}

/// Guesses the ISO 639-1 language from the script, then from function words for Latin text.
/// A few kilobytes of body text decide it, so only those are read.
fn guess_language<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Option<&'static str> {
    const SAMPLE_CHARS: usize = 1_200;
    let mut scripts = ScriptCounts::default();
    let mut budget = SAMPLE_CHARS;
    for line in lines.clone() {
        if budget == 0 {
            break;
        }
        scripts.add_prefix(line, &mut budget);
    }
    if let Some(lang) = scripts.non_latin_language() {
        return Some(lang);
    }
    if scripts.latin < 20 {
        return None;
    }
    latin_language(lines)
}

fn latin_language<'a>(lines: impl Iterator<Item = &'a str>) -> Option<&'static str> {
    const SAMPLE_WORDS: usize = 250;
    let mut hits = [0usize; LANGUAGES.len()];
    for_each_leading_word(lines, SAMPLE_WORDS, |word| {
        let languages = word_languages(word);
        if languages != 0 {
            for (lang, hit) in hits.iter_mut().enumerate() {
                *hit += usize::from(languages >> lang & 1 == 1);
            }
        }
    });
    let mut ranked: Vec<(usize, &str)> = hits.iter().copied().zip(LANGUAGES).collect();
    ranked.sort_by_key(|(hits, _)| std::cmp::Reverse(*hits));
    let (best, lang) = ranked[0];
    let runner_up = ranked[1].0;
    (best >= 5 && best * 2 > runner_up * 3).then_some(lang)
}

/// The languages a whitespace-separated word is a function word of, once the non-letters around
/// it are trimmed and it is lower-cased. Words of ASCII (nearly all) are trimmed, lower-cased and
/// packed byte by byte, with no string made.
fn word_languages(word: &str) -> u16 {
    const LONGEST_STOPWORD: usize = 8;
    if word.is_ascii() {
        let bytes = word.as_bytes();
        let Some(first) = bytes.iter().position(u8::is_ascii_alphabetic) else { return 0 };
        let last = bytes.iter().rposition(u8::is_ascii_alphabetic).unwrap_or(first);
        let core = &bytes[first..=last];
        if core.len() > LONGEST_STOPWORD {
            return 0;
        }
        let key = core.iter().fold(0u64, |key, &b| key << 8 | u64::from(b.to_ascii_lowercase()));
        return stopword_languages_of_key(key << (8 * (LONGEST_STOPWORD - core.len())));
    }
    let word = word.trim_matches(|c: char| !c.is_alphabetic());
    if word.is_empty() || word.len() > LONGEST_STOPWORD {
        0
    } else if word.chars().any(char::is_uppercase) {
        stopword_languages(word.to_lowercase().as_bytes())
    } else {
        stopword_languages(word.as_bytes())
    }
}

/// Calls `visit` with the first `limit` words of `lines`, cut at whitespace as
/// `str::split_whitespace` cuts them: a loop over the bytes that decodes only non-ASCII
/// characters, in place of a chain of iterator adapters.
fn for_each_leading_word<'a>(
    lines: impl Iterator<Item = &'a str>,
    limit: usize,
    mut visit: impl FnMut(&'a str),
) {
    let mut left = limit;
    for line in lines {
        let mut word_start = None;
        let mut at = 0;
        while left > 0 && at < line.len() {
            let (c, width) = crate::text::char_at(line, at);
            if c.is_whitespace() {
                if let Some(start) = word_start.take() {
                    visit(&line[start..at]);
                    left -= 1;
                }
            } else if word_start.is_none() {
                word_start = Some(at);
            }
            at += width;
        }
        if left == 0 {
            return;
        }
        if let Some(start) = word_start {
            visit(&line[start..]);
            left -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

    /// Renders Markdown the way the site does and returns its text, or the first markup that
    /// the converter should not have produced.
    fn rendered_text(markdown: &str, smart_punctuation: bool) -> Result<String, String> {
        let mut options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
        if smart_punctuation {
            options |= Options::ENABLE_SMART_PUNCTUATION;
        }
        let mut text = String::new();
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::SoftBreak | Event::HardBreak => text.push('\n'),
                // A section break (`---` on its own), which is no text.
                Event::Rule => {}
                Event::Start(
                    Tag::Paragraph
                    | Tag::List(_)
                    | Tag::Item
                    | Tag::BlockQuote(_)
                    | Tag::Link { .. }
                    | Tag::Heading { level: HeadingLevel::H2, .. },
                )
                | Event::End(
                    TagEnd::Paragraph
                    | TagEnd::List(_)
                    | TagEnd::Item
                    | TagEnd::BlockQuote(_)
                    | TagEnd::Link
                    | TagEnd::Heading(HeadingLevel::H2),
                ) => {}
                other => return Err(format!("unexpected markup {other:?} in {markdown:?}")),
            }
        }
        Ok(text)
    }

    fn assert_literal(text: &str) {
        let escaped = escape_text(text);
        assert_eq!(rendered_text(&escaped, false).as_deref(), Ok(text), "{escaped:?}");
        assert!(rendered_text(&escaped, true).is_ok(), "{escaped:?}");
    }

    const TRICKY_LINES: &[&str] = &[
        "# of confirmed cases: 12",
        "### Not a heading",
        "1. First place went to the home side",
        "2) The second option was rejected.",
        "- Northtown: schools closed until further notice",
        "+ Add Example Corp to your watchlist",
        "* Denotes a preliminary figure.",
        "> Statement from the council: “We are reviewing it.”",
        "=====",
        "---",
        "***",
        "___",
        "- - -",
        "**Breaking**: more to follow.",
        "The file q3_results_final_v2.xlsx was shared with __all__ staff.",
        "Use the code `NEWS42` at checkout.",
        "[Updated 5:42 ET with comment] and [a link](https://example.org)",
        "![chart] Source: city data",
        "Tags like <script>alert(1)</script> and <br> must stay text.",
        "AT&T <T.N> was flat; &amp; and &#169; and &copy; are not entities here.",
        "C:\\Users\\newsdesk\\drafts and a trailing backslash \\",
        "Team | W | L | Pts",
        "| a | b |",
        "~~struck~~ and ~single~",
        "Price range: $5–$20 (*excluding fees*)",
        "Footnote[^1] and [^1]: a definition",
        "<https://example.org> and www.example.org",
        "    indented four spaces",
        "*emphasis* and _underscores_ and snake_case_name",
        "Ends with hashes ##",
    ];

    #[test]
    fn escaped_text_renders_literally() {
        for line in TRICKY_LINES {
            assert_literal(line.trim_start());
        }
    }

    #[test]
    fn escaping_leaves_plain_punctuation_alone() {
        let plain = "He said: \"It's fine (really), isn't it?\" 3.5% rose, AT&T fell.";
        assert_eq!(escape_text(plain), plain);
        assert_eq!(escape_text("snake_case_name"), "snake_case_name");
    }

    #[test]
    fn every_line_of_a_paragraph_is_escaped_as_a_line_start() {
        assert_eq!(escape_text("text\n- item\n# tag"), "text\n\\- item\n\\# tag");
    }

    #[test]
    fn a_rule_of_its_own_is_a_section_break_and_elsewhere_text() {
        let text = "Harbour bridge reopens after repairs\n\n---\n\nThe bridge reopened on Monday.\n\n---\n\n\
            Second part of the story.\n\n * * * \n\nThird part.\n\n___\n\n-*-\n\nLast.\n\nA line\n---\n\n***";
        let body = convert(text).body;
        assert!(
            body.starts_with("The bridge reopened"),
            "a rule before the story sets nothing apart: {body}"
        );
        assert!(body.trim_end().ends_with("\\-\\-\\-"), "nor one after it: {body}");
        assert_eq!(body.matches("\n\n* * *\n\n").count(), 3, "{body}");
        assert!(body.contains("\n\n-\\*-\n\n"), "mixed marks stay text: {body}");
        assert!(body.contains("\\-\\-\\-"), "a rule inside a paragraph stays text: {body}");
        let html = crate::markdown::to_html(&body, crate::markdown::MarkdownOptions::default());
        assert_eq!(html.matches("<hr />").count(), 3, "{html}");
        assert!(html.contains("-*-") && html.contains("---") && !html.contains('–'), "as written: {html}");
    }

    #[test]
    fn empty_input_gives_empty_output() {
        assert_eq!(convert(""), Converted::default());
        assert_eq!(convert("\n\n  \n"), Converted::default());
    }

    const WIRE_STORY: &str = "Harbour Bridge Reopens After Storm Repairs\n\n\
        By Jane Doe and John Roe\n\n\
        PORTVILLE (AP) — The harbour bridge reopened on Monday after three weeks of repairs, \
        city officials said. Traffic was light.\n\n\
        Engineers replaced two damaged cables and resurfaced the deck.\n\n\
        Advertisement\n\n\
        Mara Lind/AP\n\n\
        What comes next\n\n\
        The city plans a second phase of work in the spring, officials said.";

    #[test]
    fn wire_story_header_lines_become_metadata() {
        let out = convert(WIRE_STORY);
        assert_eq!(out.title.as_deref(), Some("Harbour Bridge Reopens After Storm Repairs"));
        assert!(!out.title_inferred);
        assert_eq!(out.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(out.byline.as_deref(), Some("By Jane Doe and John Roe"));
        let dateline = out.dateline.expect("dateline");
        assert_eq!(dateline.place, "PORTVILLE");
        assert_eq!(dateline.agency.as_deref(), Some("AP"));
        assert_eq!(dateline.text, "PORTVILLE (AP) —");
        assert_eq!(out.source.as_deref(), Some("Associated Press"));
        assert_eq!(out.dropped, ["Advertisement"]);
        assert_eq!(out.images, [Image { caption: None, credit: Some("Mara Lind/AP".into()) }]);
        assert_eq!(out.lang.as_deref(), Some("en"));
    }

    #[test]
    fn wire_story_body_keeps_dateline_and_marks_subhead() {
        let out = convert(WIRE_STORY);
        let expected = "PORTVILLE (AP) — The harbour bridge reopened on Monday after three weeks \
            of repairs, city officials said. Traffic was light.\n\n\
            Engineers replaced two damaged cables and resurfaced the deck.\n\n\
            ## What comes next\n\n\
            The city plans a second phase of work in the spring, officials said.\n";
        assert_eq!(out.body, expected);
        assert!(out.summary.starts_with("The harbour bridge reopened"));
    }

    #[test]
    fn missing_headline_is_inferred_from_the_lede() {
        let text = "Residents of the northern valley were told to boil their water on Tuesday \
            after a pumping station failed during the night, the regional utility said.\n\n\
            Repairs were expected to take two days.";
        let out = convert(text);
        assert!(out.title_inferred);
        let title = out.title.expect("title");
        assert!(title.chars().count() <= 90, "{title}");
        assert_eq!(title, "Residents of the northern valley were told to boil their water on Tuesday");
        assert!(out.body.starts_with("Residents of the northern valley"));
        // No clause ends within the budget: the words that fit, and an ellipsis for the rest.
        let text = "A district court judge ruled that police officers had violated the rights of a \
            woman by drawing blood from her without a warrant while she lay unconscious in hospital.";
        assert_eq!(
            convert(text).title.as_deref(),
            Some("A district court judge ruled that police officers had violated the rights of a woman…")
        );
        let long = "A district court judge ruled that police officers from three neighbouring counties had violated the rights of a woman.";
        let title = convert(long).title.expect("title");
        assert!(title.ends_with('…') && title.chars().count() <= 90, "{title}");
    }

    #[test]
    fn a_title_from_the_lede_states_the_news_not_who_said_it() {
        let title =
            |lede: &str| convert(&format!("{lede}\n\nMore follows in a second paragraph.")).title.unwrap();
        assert_eq!(
            title("The economy grew 5.2% in the second quarter, officials in Montréal said."),
            "The economy grew 5.2% in the second quarter"
        );
        assert_eq!(
            title(
                "The company would cut about 700 jobs by the end of next year, Northwind Energy said on Tuesday."
            ),
            "The company would cut about 700 jobs by the end of next year"
        );
        assert_eq!(
            title(
                "The European Central Bank said on Sunday that policymakers saw no need to cut rates before the end of the year."
            ),
            "Policymakers saw no need to cut rates before the end of the year"
        );
        // A reported clause that opens with a pronoun needs the words before it.
        let long = "Northwind Energy said on Tuesday that it would cut about 700 jobs by the end of next year as gas demand falls.";
        assert!(
            title(long).starts_with("Northwind Energy said on Tuesday that it would cut"),
            "{}",
            title(long)
        );
        // Offsets survive a capital whose lower case is longer.
        let turkish = "İzmir's governor said on Sunday that policymakers saw no need to cut spending before the end of the year.";
        assert_eq!(title(turkish), "Policymakers saw no need to cut spending before the end of the year");
        assert_eq!(
            title("Floods forced thousands from their homes in Valencia, with three deaths reported."),
            "Floods forced thousands from their homes in Valencia, with three deaths reported"
        );
        // Short enough whole: the one who said it stays.
        assert_eq!(
            title("The bank said on Sunday that rates would hold."),
            "The bank said on Sunday that rates would hold"
        );
        // A quote's speaker, and an attribution after too few words, are kept.
        assert_eq!(title("Fares rise again, the mayor said."), "Fares rise again, the mayor said");
    }

    #[test]
    fn sentence_lede_is_not_taken_for_a_headline() {
        let text = "The council approved the budget late on Thursday.\n\nIt now goes to the mayor.";
        assert!(convert(text).title_inferred);
    }

    const SPLIT_POST: &str = "The agency posted a statement on Sunday evening about the storm.\n\n\
        NORTHTOWN: the river is expected to crest tonight.\n\n\n\n\
        Stay away from the banks and follow local guidance. pic.twitter.com/AbCdEf1234 \
        — Northtown Weather Office (@northtown_wx) March 3, 2024\n\n\
        Crews worked through the night.";

    #[test]
    fn post_split_over_paragraphs_becomes_one_blockquote() {
        let out = convert(SPLIT_POST);
        let expected = "The agency posted a statement on Sunday evening about the storm.\n\n\
            > NORTHTOWN: the river is expected to crest tonight.\n\
            >\n\
            > Stay away from the banks and follow local guidance. pic.twitter.com/AbCdEf1234\n\
            >\n\
            > — Northtown Weather Office ([@northtown_wx](https://twitter.com/northtown_wx)) \
            March 3, 2024\n\n\
            Crews worked through the night.\n";
        assert_eq!(out.body, expected);
        assert_eq!(
            out.embeds,
            [Embed {
                platform: "twitter".into(),
                author: Some("Northtown Weather Office".into()),
                handle: Some("northtown_wx".into()),
                date: Some("March 3, 2024".into()),
                url: Some("https://twitter.com/northtown_wx".into()),
            }]
        );
        assert_eq!(out.dateline, None, "a colon inside a post is not a dateline");
        let date = out.date.expect("date");
        assert_eq!((date.year, date.month, date.day), (2024, 3, 3));
        assert_eq!(date.evidence, DateEvidence::EmbedSignature);
    }

    #[test]
    fn bare_signature_paragraph_closes_the_post_above_it() {
        let text = "Fans reacted quickly to the news on Friday night.\n\n\
            What a night for the club!\n\n\
            — Sam Example (@sam_example) May 9, 2023\n\n\
            The club has not commented.";
        let out = convert(text);
        assert_eq!(out.embeds.len(), 1);
        assert!(out.body.contains("> What a night for the club!\n>\n> — Sam Example"));
    }

    #[test]
    fn caption_after_image_marker_joins_its_credit() {
        let text = "Floodwater Recedes in the Lower Town\n\n\
            The river fell overnight, leaving mud across the market square in the old town.\n\n\
            Image\n\n\
            Volunteers cleared the square on Wednesday.\n\n\
            Lena Ward for The Northtown Gazette\n\n\
            Shops are expected to reopen next week, traders said.";
        let out = convert(text);
        assert_eq!(
            out.images,
            [Image {
                caption: Some("Volunteers cleared the square on Wednesday.".into()),
                credit: Some("Lena Ward for The Northtown Gazette".into()),
            }]
        );
        assert_eq!(out.source.as_deref(), Some("The Northtown Gazette"));
        assert_eq!(out.dropped, ["Image"]);
        assert!(!out.body.contains("Volunteers"));
    }

    #[test]
    fn photo_agency_credit_is_not_the_publisher() {
        let out = convert(
            "A quiet morning in the harbour as boats returned.\n\nOla Berg/AFP/Getty Images\n\nMore boats came later in the day, the harbour master said.",
        );
        assert_eq!(out.source, None);
        assert_eq!(out.images.len(), 1);
    }

    #[test]
    fn upper_case_byline_with_agency() {
        let out = convert(
            "By JANE O’DOE, Associated Press\n\nThe trial opened on Monday in the capital, lawyers said.",
        );
        assert_eq!(out.authors, ["Jane O’Doe"]);
        assert_eq!(out.source.as_deref(), Some("Associated Press"));
    }

    #[test]
    fn leftovers_pasted_together_and_lists_of_other_stories_are_dropped() {
        let out = convert(
            "Government unveils spending plan\n\n\
             The government on Tuesday unveiled a spending plan worth £12 billion, officials said.\n\n\
             Advertisement\nStory continues below advertisement\n\n\
             Finance minister Clara Hill said it would rebuild public services.\n\n\
             Share this article\nFacebook Twitter Email\n\n\
             Anzeige\n\nPartager sur Facebook   Partager sur Twitter\n\nPage 2\n\n\
             Opposition parties said it was not enough.\n\n\
             READ MORE:\n- Budget row deepens\n- What the plan means for you\n\n\
             Topics\nPolitics\nEconomy\nBudget\n\n\
             Read more: Why the budget matters\n\n© Thomson Reuters 2025",
        );
        for leftover in [
            "Advertisement",
            "Facebook",
            "Anzeige",
            "Partager",
            "Page 2",
            "Budget row",
            "Topics",
            "Why the",
            "©",
        ] {
            assert!(!out.body.contains(leftover), "{leftover}: {}", out.body);
            assert!(out.dropped.iter().any(|line| line.contains(leftover)), "{leftover} reported: {out:#?}");
        }
        assert!(out.body.contains("Opposition parties said it was not enough."), "{}", out.body);
        // A list the story itself gives stays; so does a heading over a sentence.
        let out = convert(
            "Council sets out plan\n\nThe council said on Monday it had three aims for the year ahead.\n\n\
             Related\nThe council also said it would review parking charges.\n\n\
             Topics include:\n- housing\n- transport\n\nPage 2 of the report sets out the costs in full.",
        );
        assert!(out.body.contains("review parking charges"), "{}", out.body);
        assert!(out.body.contains("housing"), "{}", out.body);
        assert!(out.body.contains("Page 2 of the report"), "{}", out.body);
        assert!(is_share_buttons("share on facebook | share on x"));
        assert!(!is_share_buttons("share the facebook post"));
        // A story's list of apps is no row of buttons.
        let out = convert(
            "Government bans three apps\n\nThe government banned three apps on official phones on Monday, officials said.\n\n\
             • Facebook\n• WhatsApp\n• Telegram\n\nFacebook\nTwitter\nLinkedIn\n\nThe ban starts next week.",
        );
        assert!(out.body.contains("- Facebook\n- WhatsApp\n- Telegram"), "{}", out.body);
        assert!(out.body.contains("LinkedIn"), "{}", out.body);
    }

    #[test]
    fn a_headline_may_open_with_a_number_sign() {
        let out = convert(
            "# of jobs lost rises for third month\n\nThe number of jobs lost rose for the third month in a row in March, the statistics office said on Friday.",
        );
        assert_eq!(out.title.as_deref(), Some("# of jobs lost rises for third month"), "{out:#?}");
        assert!(out.body.starts_with("The number of jobs"), "{}", out.body);
    }

    #[test]
    fn a_headline_alone_is_a_title_without_text() {
        let out = convert("Council approves new tram line for Portvale\n");
        assert_eq!(out.title.as_deref(), Some("Council approves new tram line for Portvale"));
        assert!(out.body.is_empty() && out.summary.is_empty(), "{out:#?}");
        let out = convert("The council approved the tram line on Monday after a long debate.\n");
        assert!(out.body.contains("approved the tram line"), "a sentence is text: {out:#?}");
    }

    #[test]
    fn a_two_word_headline_over_a_date_is_the_headline() {
        let out = convert(
            "Cup final\n\n18 May 2024\n\nThe cup final ended in a 2-2 draw at the national stadium on Saturday, with extra time settling nothing.",
        );
        assert_eq!(out.title.as_deref(), Some("Cup final"), "{out:#?}");
        assert!(!out.title_inferred);
        let date = out.date.expect("the date under it");
        assert_eq!((date.year, date.month, date.day), (2024, 5, 18));
    }

    #[test]
    fn a_staff_byline_names_no_author() {
        let lede = "The city council approved a new tram line for Portvale on Monday after a three-hour debate, officials said.";
        for header in
            ["By Staff Reporter", "Staff reporter", "By our correspondent", "By Staff Reporter and Ann Lee"]
        {
            let out = convert(&format!("City council approves new tram line\n\n{header}\n\n{lede}"));
            let named: &[&str] = if header.contains("Ann Lee") { &["Ann Lee"] } else { &[] };
            assert_eq!(out.authors, named, "{header}");
            assert!(out.body.starts_with("The city council"), "{header}: {}", out.body);
        }
        assert!(!is_generic_writer("Ann Staff"));
        assert!(!is_generic_writer("The Times"));
    }

    #[test]
    fn a_labelled_photo_line_with_caption_and_credit_is_split() {
        let out = convert(
            "Dredging resumes at Portvale\n\nPhoto: Dredger moored at Portvale quay. James Whitlow/REUTERS\n\n\
             Dredging resumed at Portvale harbour on Monday after a two-week pause caused by storms, the port authority said.",
        );
        assert_eq!(out.images.len(), 1, "{out:#?}");
        assert_eq!(out.images[0].caption.as_deref(), Some("Dredger moored at Portvale quay."));
        assert_eq!(out.images[0].credit.as_deref(), Some("James Whitlow/REUTERS"));
        assert_eq!(split_labelled_caption("Photo: James Whitlow/REUTERS"), None, "a credit alone");
        assert_eq!(
            split_labelled_caption("Photo: Firefighters at the scene. Carlos R. Mendez/REUTERS"),
            Some(("Firefighters at the scene.", "Carlos R. Mendez/REUTERS"))
        );
    }

    #[test]
    fn a_cookie_notice_is_no_headline() {
        let out = convert(
            "We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies. Accept all cookies  Manage preferences\n\n\
             City council approves new tram line for Portvale\n\n\
             The city council approved a new tram line for Portvale on Monday after a three-hour debate, officials said.\n\n\
             Critics said the cookies sold at the stations would cost too much.",
        );
        assert_eq!(
            out.title.as_deref(),
            Some("City council approves new tram line for Portvale"),
            "{out:#?}"
        );
        assert!(out.summary.starts_with("The city council approved"), "{}", out.summary);
        assert!(out.dropped.iter().any(|line| line.starts_with("We use cookies")), "{:?}", out.dropped);
        assert!(out.body.contains("the cookies sold"), "a story's own cookies stay: {}", out.body);
        // A story about cookie notices keeps its lede, quotes and all.
        let out = convert(
            "Ministers to scrap cookie pop-ups\n\n\
             Websites will no longer have to ask visitors to \"accept all cookies\" under plans announced on Tuesday.\n\n\
             The change would apply from next year, officials said.",
        );
        assert!(out.body.starts_with("Websites will no longer"), "{}", out.body);
        assert!(out.summary.starts_with("Websites will no longer"), "{}", out.summary);
    }

    #[test]
    fn furniture_of_known_shapes_is_dropped_whatever_its_length() {
        for line in [
            "A version of this article appears in print on , on Page A22 of the New York edition with the headline: Under the City’s Streets, A Battle Against Winter. Order Reprints | Today’s Paper | Subscribe",
            "Order Reprints | Today’s Paper | Subscribe",
            "(Graphic: Global currencies vs. dollar - here)",
            "Gallery: Xbox One X screenshots | 9 Photos",
            "Related: Chicago is America's most segregated city",
        ] {
            assert!(is_page_leftover(line), "{line}");
        }
        for line in [
            "Related: the company also said it would cut jobs.",
            "Related: the chief said “we will cut jobs.”",
            "Gallery owners said the show would go on | for now",
            "_",
            "A version of the plan was approved on Monday.",
        ] {
            assert!(!is_page_leftover(line), "{line}");
        }
    }

    #[test]
    fn a_clipping_tools_header_is_read_as_the_articles_details() {
        let lede = "House prices in the UK fell for a third consecutive month in March, according to the Nationwide index.";
        let out = convert(&format!(
            "Title: Housing prices fall for third month\nSource: https://www.example-news.com/business/housing\n\
             Clipped: 2025-04-02 10:14\nTags: housing, #economy\n\n\
             Housing prices fall for third month\n\nBy Ruth Adams, Economics Correspondent\n\n{lede}"
        ));
        assert_eq!(out.title.as_deref(), Some("Housing prices fall for third month"));
        assert!(!out.title_inferred);
        assert_eq!(out.authors, ["Ruth Adams"]);
        assert_eq!(out.source_url.as_deref(), Some("https://www.example-news.com/business/housing"));
        assert_eq!(out.tags, ["housing", "economy"]);
        let date = out.date.expect("the clipping date");
        assert_eq!((date.year, date.month, date.day), (2025, 4, 2));
        assert!(out.body.starts_with("House prices"), "{}", out.body);
        assert!(out.dropped.iter().any(|line| line.starts_with("Title: ")), "reported: {:?}", out.dropped);
        // The header alone names the story when the text has no headline; `Published:` beats
        // `Clipped:`, and a publication's name is the source.
        let out = convert(&format!(
            "Title: Housing prices fall\nSource: The Portvale Courier\nAuthor: Ann Lee and Bo Chen\n\
             Published: March 30, 2025\nClipped: 2025-04-02\n\n{lede}"
        ));
        assert_eq!(out.title.as_deref(), Some("Housing prices fall"));
        assert_eq!(out.source.as_deref(), Some("The Portvale Courier"));
        assert_eq!(out.authors, ["Ann Lee", "Bo Chen"]);
        let date = out.date.expect("published");
        assert_eq!((date.year, date.month, date.day), (2025, 3, 30));
        let out = convert(&format!(
            "Title: Rates rise\nAuthor: Ruth Adams, Economics Correspondent\nClipped: 2025-04-02\n\n{lede}"
        ));
        assert_eq!(out.authors, ["Ruth Adams"], "a role is no writer");
        // A story's own `Note:` lines are no header.
        let out =
            convert(&format!("Note: this story was updated.\nUpdate: a figure was corrected.\n\n{lede}"));
        assert!(out.body.contains("Note: this story"), "{}", out.body);
        assert!(
            clip_header(&["Tags: a, b", "Author: Ann Lee"]).is_none(),
            "no title, address or clipping date"
        );
        let out = convert("Title: Saved for later\nURL: https://example.org/a\n");
        assert_eq!(out.title.as_deref(), Some("Saved for later"));
        assert_eq!(out.source_url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn stamps_in_other_shapes_and_languages_date_the_article() {
        let lede = "The council approved the budget on Monday after a long debate that ran past midnight, officials said.";
        for (header, date, updated) in [
            // A role under the byline no longer hides the date under it.
            ("By Ann Lee\nPolitics correspondent\n\n12 April 2021", (2021, 4, 12), None),
            // The Guardian's stamp: a weekday, a dotted time and a zone.
            ("By JOHN ROE\nSports Reporter\nSat 18 May 2024 17.45 BST", (2024, 5, 18), None),
            (
                "Publié le 26 juillet 2024 à 10h30\nMis à jour le 26 juillet 2024 à 12h00",
                (2024, 7, 26),
                Some(((2024, 7, 26), Some((12, 0)))),
            ),
            ("Actualizado: 11/11/2019 09:30", (2019, 11, 11), Some(((2019, 11, 11), Some((9, 30))))),
            ("Veröffentlicht am 3. März 2024 um 10:30", (2024, 3, 3), None),
            ("Publicado el 3 de marzo de 2024 a las 10:30", (2024, 3, 3), None),
            ("Publicado em 3 de março de 2024 às 10h30", (2024, 3, 3), None),
            (
                "Publicado el 2 de marzo de 2024\nActualizado el 3 de marzo de 2024",
                (2024, 3, 2),
                Some(((2024, 3, 3), None)),
            ),
            // An `Updated` line alone: the story is at most that old.
            ("Updated: 09:30 a.m. ET, Jan 15, 2025", (2025, 1, 15), Some(((2025, 1, 15), Some((9, 30))))),
        ] {
            let out = convert(&format!("Council approves budget\n\n{header}\n\n{lede}"));
            let found = out.date.unwrap_or_else(|| panic!("{header}: no date: {out:#?}"));
            assert_eq!((found.year, found.month, found.day), date, "{header}");
            assert_eq!(out.updated.map(|at| (at.date, at.time)), updated, "{header}");
            assert!(out.body.starts_with("The council approved"), "{header}: {}", out.body);
        }
        assert!(!is_timestamp_line("The 17.45 train was late."));
        assert_eq!(clock_time(&["17.45"]), None, "a dotted time needs its zone");
    }

    #[test]
    fn a_date_on_a_line_of_its_own_near_the_top_dates_the_article() {
        // The New York Times' layout: headline, standfirst, photo with caption and credit, date.
        let out = convert(
            "Manhole Fires and Burst Pipes: How Winter Wreaks Havoc Underneath\n\n\
             New York's aging infrastructure is tough to maintain, and rock salt makes it worse.\n\n\
             Image\n\nA worker repairing underground cables this month in Flushing, Queens.\n\n\
             Chang W. Lee/The New York Times\n\nFeb. 21, 2019\n\n\
             When a manhole exploded in Midtown last month, the cause was familiar.",
        );
        let date = out.date.expect("date");
        assert_eq!((date.year, date.month, date.day, date.evidence), (2019, 2, 21, DateEvidence::Stamp));
        assert!(!out.body.contains("Feb. 21, 2019"), "read, so furniture: {}", out.body);
        assert!(out.dropped.iter().any(|line| line == "Feb. 21, 2019"), "{:?}", out.dropped);
        // Breitbart's: day first, printed twice.
        let out = convert(
            "Fact-Checker Asks About Trump Supporters\n\nJIM WATSON/AFP/Getty Images\n\n\
             22 Dec, 2016\n22 Dec, 2016\n\nA fact-checker asked on Facebook whether any supporters were calm.",
        );
        let date = out.date.expect("date");
        assert_eq!((date.year, date.month, date.day, date.evidence), (2016, 12, 22, DateEvidence::Stamp));
        for (line, date) in [
            ("Sept. 25, 2018", Some((2018, 9, 25))),
            ("22 December 2016", Some((2016, 12, 22))),
            ("2019-02-21", Some((2019, 2, 21))),
            ("Feb. 21", None),
            ("32 Dec, 2016", None),
            ("On Feb. 21, 2019", None),
            ("22 Dec, 2016 and 23 Dec, 2016", None),
            ("Feb. 30, 2019", None),
            ("31 June 2018", None),
            ("Monday, November 23, 2026", Some((2026, 11, 23))),
            ("Mon. Nov. 23, 2026", Some((2026, 11, 23))),
            ("Payday, November 23, 2026", None),
        ] {
            assert_eq!(stamp_date(line), date, "{line}");
        }
        // A date line over the headline is no headline.
        let out = convert(
            "Nov. 23, 2026\n\nJulian Assange: Sweden drops rape investigation\n\n\
             Swedish prosecutors have dropped an investigation into a rape allegation made in 2010.",
        );
        assert_eq!(out.title.as_deref(), Some("Julian Assange: Sweden drops rape investigation"));
        let date = out.date.expect("date");
        assert_eq!((date.year, date.month, date.day, date.evidence), (2026, 11, 23, DateEvidence::Stamp));
        assert!(!out.body.contains("Nov. 23"), "{}", out.body);
        // After a paragraph of text, a date is the text's: the day of the concert, not the page's.
        let concert = "The concert returns.\n\nJuly 4, 2025\n\nTickets go on sale on Monday.";
        let out = convert(concert);
        assert!(out.date.is_none() && out.body.contains("July 4, 2025"), "{}", out.body);
        // A timeline's dates head its entries.
        let timeline = "How the crisis unfolded\n\nJIM WATSON/AFP/Getty Images\n\nMarch 3, 2020\n\n\
                        The first case was reported.\n\nMarch 11, 2020\n\nThe WHO declared a pandemic.";
        let out = convert(timeline);
        assert!(out.date.is_none() && out.body.contains("March 3, 2020"), "{}", out.body);
        // A date deep in the story, or in a sentence, is the story's, not the page's.
        let late = "Council approves budget\n\nThe council approved the budget on Tuesday.\n\n\
                    It was the first vote.\n\nA second followed.\n\nThen a third.\n\n\
                    And a fourth.\n\nA fifth.\n\nA sixth.\n\nMarch 3, 2020\n\nThe end.";
        assert!(convert(late).date.is_none());
    }

    #[test]
    fn date_only_dateline_is_date_evidence() {
        let out =
            convert("Feb. 23, 2015 -- A new study of early diets was published on Monday.\n\nMore follows.");
        let dateline = out.dateline.expect("dateline");
        assert_eq!(dateline.place, "Feb. 23, 2015");
        assert_eq!(dateline.date.as_deref(), Some("Feb. 23, 2015"));
        let date = out.date.expect("date");
        assert_eq!((date.year, date.month, date.day, date.evidence), (2015, 2, 23, DateEvidence::Dateline));
    }

    #[test]
    fn dateline_with_region_and_date() {
        let out = convert("EASTON, Md., Sept. 5 (Reuters) - The port reopened on Thursday, officials said.");
        let dateline = out.dateline.expect("dateline");
        assert_eq!(dateline.place, "EASTON, Md.");
        assert_eq!(dateline.date.as_deref(), Some("Sept. 5"));
        assert_eq!(out.source.as_deref(), Some("Reuters"));
        assert_eq!(out.date, None, "no year, no date evidence");
    }

    #[test]
    fn datelines_with_the_day_first_in_other_languages() {
        for (text, place, date, source, ymd) in [
            (
                "KÖLN, 21. März 2025 – Das Hochwasser am Rhein steigt weiter, teilte die Stadt mit.",
                "KÖLN",
                "21. März 2025",
                None,
                Some((2025, 3, 21)),
            ),
            (
                "PARIS, 21 mars 2025 - La grève des transports se poursuit ce vendredi, selon les syndicats.",
                "PARIS",
                "21 mars 2025",
                None,
                Some((2025, 3, 21)),
            ),
            (
                "BARCELONA, 21 mar (EFE).- La sequía obliga a restringir el agua en toda la región.",
                "BARCELONA",
                "21 mar",
                Some("EFE"),
                None,
            ),
            (
                "LONDON, 21 March 2025 — The Bank of England held rates on Thursday, it said.",
                "LONDON",
                "21 March 2025",
                None,
                Some((2025, 3, 21)),
            ),
            (
                "MADRID, 1 de abril de 2025 - El Gobierno aprobó el presupuesto este martes.",
                "MADRID",
                "1 de abril de 2025",
                None,
                Some((2025, 4, 1)),
            ),
        ] {
            let out = convert(&format!("{text}\n\nMore follows in the second paragraph of the story."));
            let dateline = out.dateline.unwrap_or_else(|| panic!("no dateline: {text}"));
            assert_eq!((dateline.place.as_str(), dateline.date.as_deref()), (place, Some(date)), "{text}");
            assert_eq!(out.source.as_deref(), source, "{text}");
            let found = out.date.map(|date| (date.year, date.month, date.day));
            assert_eq!(found, ymd, "{text}");
            assert!(!out.summary.starts_with(place), "the dateline is not the summary's: {}", out.summary);
        }
        assert_eq!(parse_month_day("1er mars"), Some((3, 1, None)));
        assert_eq!(parse_month_day("21st March 2025"), Some((3, 21, Some(2025))));
        assert_eq!(parse_month_day("2 out 2025"), Some((10, 2, Some(2025))), "Portuguese, with its year");
        for not_a_date in ["5 may", "3 march", "2 out", "21 Marchers", "32 mars", "21 mars 2025 and"] {
            assert_eq!(parse_month_day(not_a_date), None, "{not_a_date}");
        }
    }

    #[test]
    fn lists_are_rendered_as_lists() {
        let text = "The plan has three parts, the mayor said on Monday morning.\n\n\
            - More buses\n- Longer hours\n- Cheaper fares\n\n\
            1. Survey riders\n2. Publish routes\n\n\
            The council votes next week on the whole package.";
        let out = convert(text);
        assert!(out.body.contains("\n\n- More buses\n- Longer hours\n- Cheaper fares\n\n"));
        assert!(out.body.contains("\n\n1. Survey riders\n2. Publish routes\n\n"));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "Storm closes coastal road for second day\n\nBy Ann Smith\n\n\
            The coastal road between Portvale and Eastley stayed closed on Thursday\n\
            after high winds brought down power lines and scattered debris across\n\
            both lanes, the highways agency said.\n\n\
            Crews expected to reopen the road by the weekend. \"We are working as fast\n\
            as we safely can,\" a spokeswoman said. Traffic is diverted via the well-\n\
            known inland route.";
        let out = convert(text);
        assert_eq!(out.title.as_deref(), Some("Storm closes coastal road for second day"));
        assert_eq!(out.authors, ["Ann Smith"]);
        assert_eq!(
            out.body,
            "The coastal road between Portvale and Eastley stayed closed on Thursday after high winds \
             brought down power lines and scattered debris across both lanes, the highways agency said.\n\n\
             Crews expected to reopen the road by the weekend. \"We are working as fast as we safely \
             can,\" a spokeswoman said. Traffic is diverted via the well-known inland route.\n"
        );
        assert!(
            out.summary
                .starts_with("The coastal road between Portvale and Eastley stayed closed on Thursday after")
        );
    }

    #[test]
    fn text_evened_out_by_fmt_is_joined_too() {
        // `fmt -w 72` output: not greedy (the line ending "the" could have taken "road"), but even.
        let text = "The road stayed shut\n\n\
            The coastal road between Portvale and Eastley stayed closed on Thursday\n\
            after high winds brought down power lines and scattered debris across\n\
            both lanes, the highways agency said. Crews expected to reopen the\n\
            road by the weekend. \"We are working as fast as we safely can,\"\n\
            a spokeswoman said, adding that diversions would remain in place\n\
            until further notice and that drivers should allow extra time.";
        let out = convert(text);
        assert!(
            out.body.starts_with(
                "The coastal road between Portvale and Eastley stayed closed on Thursday after high"
            ),
            "{}",
            out.body
        );
        assert!(out.body.contains("reopen the road by the weekend"), "{}", out.body);
        assert_eq!(out.body.matches('\n').count(), 1, "one paragraph: {}", out.body);
    }

    #[test]
    fn wire_paragraphs_marked_by_an_indent_are_paragraphs() {
        let text = "Port strike ends after three days\n\n\
            \x20  BALTIMORE (AP) -- Dockworkers at East and Gulf Coast ports agreed\n\
            to end their strike on Thursday after the union reached a tentative\n\
            deal on wages that would raise pay by about 62% over six years,\n\
            officials said.\n\
            \x20  The agreement extends the current contract to Jan. 15, 2025, to\n\
            give both sides time to negotiate other issues -- including the use\n\
            of automation -- the union said.";
        let out = convert(text);
        assert_eq!(out.dateline.map(|d| d.place), Some("BALTIMORE".to_string()));
        assert_eq!(out.source.as_deref(), Some("Associated Press"));
        assert!(
            out.body.contains("over six years, officials said.\n\nThe agreement extends"),
            "{}",
            out.body
        );
        assert!(out.body.ends_with("of automation -- the union said.\n"), "{}", out.body);
    }

    #[test]
    fn pasted_bullets_are_list_markers_and_sentence_lines_are_paragraphs() {
        let out = convert(
            "Fires spread across southern Europe\n\n\
             Firefighters battled wildfires across southern Europe on Tuesday as temperatures rose, officials said.\n\n\
             •\tFires in Spain\n•\tFires in Greece\n\n\
             Worst hit\n- Attica in Greece\n- Andalusia in Spain",
        );
        assert!(out.body.contains("- Fires in Spain\n- Fires in Greece"), "{}", out.body);
        assert!(out.body.contains("Worst hit\n\n- Attica in Greece\n- Andalusia in Spain"), "{}", out.body);
        assert!(!out.body.contains('•') && !out.body.contains("\\-"), "{}", out.body);
        // Under a heading with a colon, short sentences stay that heading's list.
        let out = convert(
            "Crash closes road\n\nA lorry overturned on the A1 on Monday morning, police said.\n\n\
             Key points:\nThree people were taken to hospital.\nPolice closed the road for six hours.",
        );
        assert!(
            out.body.contains("Key points:\n\n- Three people were taken to hospital.\n- Police closed"),
            "{}",
            out.body
        );
        // One paragraph per line, no blank lines: short sentences are paragraphs too.
        let out = convert(
            "Residents of the coastal town of Marsden were evacuated on Sunday after heavy rain caused the river to burst its banks.\n\
             Emergency services said about 400 homes were affected.\n\
             \"We lost everything,\" said Tom Harris, whose shop was flooded.\n\
             The Environment Agency issued three severe flood warnings for the area.",
        );
        assert!(!out.body.contains('\\'), "no hard breaks: {}", out.body);
        assert!(out.body.contains("were affected.\n\n\"We lost everything"), "{}", out.body);
        assert!(out.body.contains("was flooded.\n\nThe Environment"), "{}", out.body);
    }

    #[test]
    fn lines_that_mean_something_are_not_joined() {
        // A caption over its credit, an address, short unmarked items, a post's lines: the
        // lines are full enough, but no line break falls inside a sentence.
        for lines in [
            "Firefighters battle the blaze in the hills above the town on Tuesday.\nJane Doe/AP",
            "Firefighters battle the blaze in the hills above the town on Tuesday\nJane Doe/AP",
            "Portvale Town Council\n12 High Street\nPortvale PV1 2AB",
            "Northtown: schools closed until further notice by the council\n\
             Southside: roads flooded, buses diverted on all routes today\n\
             Eastley: power cut",
        ] {
            let text = format!("The council met on Monday to discuss the storm and its damage.\n\n{lines}");
            let paras = split_paragraphs(&text);
            assert!(reflow(&paras).is_none(), "{lines}");
        }
    }

    #[test]
    fn paragraphs_one_per_line_are_set_apart() {
        let text = "Bridge repairs to start in March\n\
            By Ann Smith\n\
            The council said on Monday that repairs to the old river bridge would begin in March \
            and last until the autumn, with one lane open throughout.\n\
            Drivers have complained for years about the state of the bridge, which was last \
            resurfaced in 1998 and has been patched every winter since.";
        let out = convert(text);
        assert_eq!(out.title.as_deref(), Some("Bridge repairs to start in March"));
        assert!(!out.title_inferred);
        assert_eq!(out.authors, ["Ann Smith"]);
        assert!(out.body.starts_with("The council said on Monday"), "{}", out.body);
        assert!(out.body.contains("throughout.\n\nDrivers have"), "{}", out.body);
        assert!(!out.body.contains('\\'), "no hard breaks: {}", out.body);
    }

    #[test]
    fn a_posts_lines_stay_together_before_its_signature() {
        let text = "The minister posted a long statement on Tuesday evening after the vote.\n\n\
            Sharing my full letter on the sentencing of a man convicted of threatening my life and family.\n\
            We must apply a system of compassion to criminal justice, now and in the years to come.\n\n\
            \u{2014} Jane Minister (@janeminister) November 19, 2019\n\n\
            Her office did not comment further.";
        let out = convert(text);
        assert_eq!(out.embeds.len(), 1);
        assert!(out.body.contains("life and family.\\\n> We must"), "{}", out.body);
    }

    #[test]
    fn a_page_header_copied_without_blank_lines_is_read_line_by_line() {
        let out = convert(
            "Council approves budget\n\nBy Jane Doe\nUpdated 3:12 PM EST, November 19, 2024\n\n\
             The council approved the budget on Tuesday after a long debate that ran past midnight.",
        );
        assert_eq!(out.authors, ["Jane Doe"]);
        assert!(!out.body.contains("- "), "no list: {}", out.body);
        let at = |date, time, zone| Some(UpdatedAt { date, time, zone });
        assert_eq!(out.updated, at((2024, 11, 19), Some((15, 12)), Some("Etc/GMT+5")));
        assert_eq!(out.dropped, ["Updated 3:12 PM EST, November 19, 2024"], "reported, not lost");
        assert!(out.body.starts_with("The council approved"), "{}", out.body);
        assert_eq!(
            updated_date("Last updated Nov. 19, 2024 at 10:02 a.m."),
            at((2024, 11, 19), Some((10, 2)), None)
        );
        assert_eq!(
            updated_date("Updated August 31, 2025 at 9:30 a.m. ET"),
            at((2025, 8, 31), Some((9, 30)), Some("America/New_York"))
        );
        assert_eq!(
            updated_date("Updated 12:05 am GMT, 1 March 2025"),
            at((2025, 3, 1), Some((0, 5)), Some("UTC")),
            "the day first, as British pages write it"
        );
        assert_eq!(
            updated_date("Updated March 1, 2025, 12:05 a.m. GMT"),
            at((2025, 3, 1), Some((0, 5)), Some("UTC"))
        );
        assert_eq!(updated_date("Updated March 1, 2025"), at((2025, 3, 1), None, None));
        assert_eq!(updated_date("Updated 3 hours ago"), None);
        // A time with no day is furniture above the lede, reported like the rest; in the text it
        // is left alone, and a stamp that may hold a date is left to the date rules.
        for stamp in ["Updated 2:15 p.m. ET", "Posted 3 hours ago", "Last updated: 10:02 a.m."] {
            let out = convert(&format!(
                "Lawmakers clash over spending plan\n\nBy Dana Whitfield\n\n{stamp}\n\n\
                 WASHINGTON — Lawmakers clashed on Tuesday over a spending plan that would cut transit.\n\n\
                 Updated 2:15 p.m. ET, the vote was delayed."
            ));
            assert_eq!(out.dropped, [stamp], "{}", out.body);
            assert!(out.body.starts_with("WASHINGTON"), "{}", out.body);
            assert!(out.body.contains("Updated 2:15 p.m. ET, the vote"), "{}", out.body);
        }
        for kept in
            ["Updated Nov. 19 at 2:15 p.m.", "Updated 11/19 2:15 p.m.", "Updated with a quote from the mayor"]
        {
            assert!(!is_dayless_stamp(kept), "{kept}");
        }
        assert_eq!(updated_date("Published November 19, 2024"), None, "a publication date is no update");
    }

    #[test]
    fn a_tagline_under_the_story_names_its_writers() {
        let story = "Crews worked through the night to repair the water main under Queens Boulevard.\n\n\
                     “It’s ‘Showtime at the Apollo,’” the supervisor said as the leak stopped.";
        for (tagline, authors) in [
            (
                "Corey Kilgannon is a Metro reporter covering news and human interest stories. He writes a column.",
                vec!["Corey Kilgannon"],
            ),
            (
                "Nelson D. Schwartz has covered economics since 2012. Previously, he served as European \
                 economic correspondent in Paris.",
                vec!["Nelson D. Schwartz"],
            ),
            (
                "\nSteven Mufson covers the White House. Since joining The Post, he has covered economics and energy.",
                vec!["Steven Mufson"],
            ),
            ("LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR", vec!["Laurie Oakes"]),
            (
                "Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong.",
                vec!["Stella Kim", "Jennifer Jett"],
            ),
            ("Sarah Archer is the author of The Midcentury Kitchen.", vec!["Sarah Archer"]),
            ("JOHANNA GROẞ covers İstanbul for the Herald as its correspondent.", vec!["Johanna Groß"]),
            // No writer: no trade named (as a word of its own), an office, a company, a player.
            ("Jane Roe is the mayor of Springfield.", vec![]),
            ("Maria Lopez is a critical care nurse at Mercy Hospital.", vec![]),
            ("Maria Lopez is a nurse who told reporters she had not been paid.", vec![]),
            ("Sen. Jane Roe is the author of the bill.", vec![]),
            ("Jane Roe is the author of the bill.", vec![]),
            ("Acme Inc covers the cost of the repairs for the Herald’s reporter.", vec![]),
            ("Medicare Advantage covers dental care for most members.", vec![]),
            ("Human Rights Watch reports on abuses in Xinjiang.", vec![]),
            ("Brandon Nimmo covers more ground than any outfielder.", vec![]),
        ] {
            let out = convert(&format!("{story}\n\n{tagline}"));
            assert_eq!(out.authors, authors, "{tagline}");
            assert!(out.body.contains(tagline.trim()), "the tagline stays in the story: {}", out.body);
        }
        // Two bios and a contributors' line, as NBC News closes a story.
        let out = convert(&format!(
            "{story}\n\nStella Kim\n\nStella Kim is an NBC News freelance producer based in Seoul.\n\n\
             Jennifer Jett\n\nJennifer Jett is the Asia Digital Editor for NBC News, based in Hong Kong.\n\n\
             Abigail Williams and Beomsu Jo contributed."
        ));
        assert_eq!(out.authors, ["Stella Kim", "Jennifer Jett"]);
        // A story about a reporter is not by her, whether it names her in the text, by her
        // surname, or in the headline; a byline over the story wins.
        for text in [
            "Jane Roe won the prize for her series on the port.\n\nThe jury praised her work.\n\n\
             Jane Roe is a reporter for the Herald.",
            "The prize went to a series on the port.\n\nRowan thanked the jury.\n\nJane Rowan is a reporter for the Herald.",
            "Jane Roe named editor of the Herald\n\nThe paper announced the appointment on Monday.\n\n\
             Jane Roe was the paper’s deputy editor.",
        ] {
            let out = convert(text);
            assert!(out.authors.is_empty(), "{text}: {:?}", out.authors);
        }
        let out = convert(&format!(
            "Water main bursts\n\nBy Ann Smith\n\n{story}\n\nSteven Mufson is a reporter for the Post."
        ));
        assert_eq!(out.authors, ["Ann Smith"]);
    }

    #[test]
    fn a_publication_stamp_dates_the_article_and_is_furniture() {
        // TMZ: the stamp under the headline and its deck, the byline on the same line.
        let out = convert(
            "Pearl Oscar Dress -- STOLEN!!!\n\n$150K Pearl Oscar Dress ... STOLEN!!!!\n\n\
             2/26/2015 7:11 AM PST BY TMZ STAFF\n\nEXCLUSIVE\n\n\n\
             The dress was stolen right out of her hotel room ... TMZ has learned.",
        );
        let date = out.date.expect("date");
        assert_eq!((date.year, date.month, date.day, date.evidence), (2015, 2, 26, DateEvidence::Stamp));
        assert_eq!(out.dropped, ["2/26/2015 7:11 AM PST BY TMZ STAFF", "EXCLUSIVE"], "{out:?}");
        assert!(out.body.starts_with("$150K Pearl Oscar Dress"), "{}", out.body);
        // CNN: under the story, after the publisher and place.
        let out = convert(
            "The report assessed poverty levels among 10 wealthy countries.\n\n\
             Powered by SmartAsset.com\n\n\
             The American safety net was found to be ineffective.\n\n\
             CNNMoney (New York) First published February 1, 2016: 1:28 AM ET",
        );
        let date = out.date.expect("date");
        assert_eq!((date.year, date.month, date.day), (2016, 2, 1));
        assert_eq!(
            out.dropped,
            ["Powered by SmartAsset.com", "CNNMoney (New York) First published February 1, 2016: 1:28 AM ET"]
        );
        for (line, date) in [
            ("Published Nov. 19, 2024", Some((2024, 11, 19))),
            ("Posted on March 3, 2025 at 9:10 a.m.", Some((2025, 3, 3))),
            ("First published: 19/11/2024 08:30 GMT", Some((2024, 11, 19))),
            ("3/4/2025 10:15 AM EST", Some((2025, 3, 4))),
            ("2/26/2015 7:11 AM PST BY TMZ STAFF", Some((2015, 2, 26))),
            // Third of April or fourth of March: no American zone says which.
            ("3/4/2025 10:15 GMT", None),
            ("2/26/2015 BY TMZ STAFF", None),
            ("The study was published on May 3, 2024.", None),
            ("Researchers published May 3, 2024 results that surprised the field", None),
            ("Published in 1990 by a small press", None),
            ("Published March 3, 2020 by Knopf, 320 pages, $28", None),
            ("Posted Jan. 5, 2025 — “I’m done.”", None),
            ("Jan. 7, 2021, 3:42 a.m.: Congress certifies Biden’s win", None),
            ("3/4/2025 7:00 PM ET at Boston", None),
            ("2/30/2015 7:11 AM PST", None),
        ] {
            assert_eq!(publication_stamp(line).map(|stamp| stamp.date), date, "{line}");
        }
        // A timeline's entries are headed by dates with times: the story's, kept, and no date.
        let out = convert(
            "Timeline: How the day unfolded\n\nHere is how the day unfolded, hour by hour.\n\n\
             Jan. 6, 2021, 12:53 p.m. ET\n\nRioters push past barricades.\n\n\
             Jan. 6, 2021, 2:13 p.m. ET\n\nThe Senate is gaveled into recess.",
        );
        assert!(out.date.is_none(), "{:?}", out.date);
        assert!(out.body.contains("12:53 p.m. ET") && out.body.contains("2:13 p.m. ET"), "{}", out.body);
        // A subhead that is no widget's credit stays.
        let out = convert(&format!(
            "{}\n\nPowered by the sun\n\nThe panels cover the roof.",
            "The farm runs on solar power now."
        ));
        assert!(out.body.contains("Powered by the sun"), "{}", out.body);
        // In the middle of a story a stamp-like line is the story's.
        let out = convert(
            "Storm update\n\nBy Dana Whitfield\n\nThe storm hit on Monday.\n\nMore rain fell overnight.\n\n\
             Crews worked through the night.\n\nRoads reopened in the morning.\n\nSchools stayed shut.\n\n\
             Power returned to most homes.\n\nThe mayor thanked the crews.\n\n\
             Published March 3, 2025 at 9:10 a.m. by the city\n\nMore storms are forecast.",
        );
        assert!(out.date.is_none(), "{:?}", out.date);
        let out = convert(
            "Storm leaves 200,000 without power across the Northeast\n\
             Crews from six states are working to restore electricity before temperatures drop this weekend\n\n\
             Utility crews worked through the night on Tuesday to restore power to homes in five states.",
        );
        assert_eq!(out.title.as_deref(), Some("Storm leaves 200,000 without power across the Northeast"));
        assert!(!out.title_inferred);
        assert!(out.body.starts_with("Crews from six states"), "{}", out.body);
    }

    #[test]
    fn a_byline_after_a_standfirst_is_found() {
        let out = convert(
            "Storm leaves 200,000 without power across the Northeast\n\n\
             Crews from six states are working to restore electricity before temperatures drop this weekend\n\n\
             By Jane Doe and Mark Smith, CNN\n\n\
             Utility crews worked through the night on Tuesday to restore power to homes in five states.",
        );
        assert_eq!(out.authors, ["Jane Doe", "Mark Smith"]);
        assert_eq!(out.source.as_deref(), Some("CNN"));
        assert!(out.body.starts_with("Crews from six states"), "the standfirst stays: {}", out.body);
        assert!(out.summary.starts_with("Utility crews"), "{}", out.summary);
    }

    #[test]
    fn a_title_case_place_is_a_dateline_only_before_a_sure_agency() {
        let lede = " A powerful storm knocked out power to thousands of homes on Tuesday, officials said.";
        for (opening, place, agency) in [
            ("Washington (CNN) —", "Washington", "CNN"),
            ("Berlin (dpa) –", "Berlin", "dpa"),
            ("Berlin (AP) —", "Berlin", "AP"),
        ] {
            let out = convert(&format!("Storm hits the capital\n\n{opening}{lede}"));
            let dateline = out.dateline.unwrap_or_else(|| panic!("{opening}"));
            assert_eq!((dateline.place.as_str(), dateline.agency.as_deref()), (place, Some(agency)));
        }
        for opening in ["The Mayor (right) —", "Gov. Jane Smith (D) —", "Officials (UK) —"] {
            let out = convert(&format!("Storm hits the capital\n\n{opening}{lede}"));
            assert!(out.dateline.is_none(), "{opening}");
        }
    }

    #[test]
    fn labels_teasers_and_credits_are_not_subheads() {
        for line in [
            "Related: How the city spends your money",
            "Read more: https://example.com/news/2026/11/water-rates",
            "Reporting by Francesco Canepa; Editing by Catherine Evans",
            "Q: When does it take effect",
            "A post shared by NASA (@nasa)",
        ] {
            let out = convert(&format!(
                "The council met on Monday to discuss the budget for next year.\n\n{line}\n\n\
                 The vote is expected next week, the mayor said on Monday."
            ));
            assert!(!out.body.contains("## "), "{line}: {}", out.body);
        }
        let out = convert(
            "The council met on Monday to discuss the budget for next year.\n\n\
             Story continues below advertisement\n\nSubscribe\n\n\
             The vote is expected next week, the mayor said on Monday.",
        );
        assert_eq!(out.dropped, ["Story continues below advertisement", "Subscribe"]);
    }

    #[test]
    fn a_post_written_above_its_signature_takes_no_paragraph_before_it() {
        let out = convert(
            "Musk responds to FAA fine\n\n\
             SpaceX chief executive Elon Musk lashed out at the Federal Aviation Administration on Tuesday.\n\n\
             The FAA said the fine related to two launches in 2023.\n\n\
             The FAA is committed to holding the aerospace industry accountable.\n\
             \u{2014} The FAA (@FAANews) September 17, 2024\n\n\
             Musk did not say when the suit would be filed.",
        );
        assert_eq!(out.embeds.len(), 1);
        assert!(
            out.body.contains("\n\nThe FAA said the fine related to two launches in 2023.\n\n> "),
            "{}",
            out.body
        );
    }

    #[test]
    fn a_numbered_list_under_its_intro_line_is_ordered() {
        let out = convert(
            "The utility gave customers advice on Monday about lowering their bills.\n\n\
             Steps:\n1. Turn the thermostat down one degree.\n2. Seal drafts around windows and doors.",
        );
        assert!(
            out.body.ends_with("Steps:\n\n1. Turn the thermostat down one degree.\n2. Seal drafts around windows and doors.\n"),
            "{}",
            out.body
        );
    }

    #[test]
    fn bylines_in_their_many_shapes() {
        let lede = "The council approved the budget on Tuesday after a long debate that ran past midnight.";
        for (byline, authors, source, dropped) in [
            ("By Jane Doe | Reuters", &["Jane Doe"][..], Some("Reuters"), &[][..]),
            ("By Jane Doe | November 19, 2024", &["Jane Doe"], None, &["November 19, 2024"][..]),
            ("By Jane Doe for The Guardian", &["Jane Doe"], Some("The Guardian"), &[]),
            ("Von Anna Schmidt und Lukas Weber", &["Anna Schmidt", "Lukas Weber"], None, &[]),
            ("Par Marie Dupont, avec AFP", &["Marie Dupont"], Some("Agence France-Presse"), &[]),
            ("By Jane Doe — Bloomberg", &["Jane Doe"], Some("Bloomberg"), &[]),
            ("By Jane Doe (Reuters)", &["Jane Doe"], Some("Reuters"), &[]),
            ("By Jane Doe · 5 min read", &["Jane Doe"], None, &["5 min read"]),
            ("Written by Jane Doe", &["Jane Doe"], None, &[]),
            ("By Jane Doe, Staff Writer", &["Jane Doe"], None, &["Staff Writer"]),
            ("By Jane Doe, John Roe, and Max Poe", &["Jane Doe", "John Roe", "Max Poe"], None, &[]),
            ("By Ann Lee, Ph.D.", &["Ann Lee"], None, &["Ph.D."]),
            ("By Ann Lee, MD, and Bob Smith, Jr.", &["Ann Lee", "Bob Smith Jr."], None, &["MD"]),
            ("By Ann Lee, The Guardian", &["Ann Lee"], Some("The Guardian"), &[]),
            ("By Ann Lee, Washington Post", &["Ann Lee"], Some("Washington Post"), &[]),
            ("By Ann Lee, The Portvale Courier", &["Ann Lee"], Some("The Portvale Courier"), &[]),
            ("By Ann Lee, Bob Smith", &["Ann Lee", "Bob Smith"], None, &[]),
            (
                "By Jane Mayer, Ruth Marcus, and Eyal Press",
                &["Jane Mayer", "Ruth Marcus", "Eyal Press"],
                None,
                &[],
            ),
            ("By Jane Doe, John Times", &["Jane Doe", "John Times"], None, &[]),
            ("By Maria Okonkwo, Portvale Courier", &["Maria Okonkwo"], Some("Portvale Courier"), &[]),
            ("By Ann Lee, Portvale Daily Courier", &["Ann Lee"], Some("Portvale Daily Courier"), &[]),
            (
                "By Jane Doe, Political Editor, The Guardian",
                &["Jane Doe"],
                Some("The Guardian"),
                &["Political Editor"],
            ),
        ] {
            let out = convert(&format!("Council approves budget\n\n{byline}\n\n{lede}"));
            assert_eq!(out.authors, authors, "{byline}");
            assert_eq!(out.source.as_deref(), source, "{byline}");
            assert_eq!(out.dropped, dropped, "{byline}: every word kept or reported");
            assert!(out.images.is_empty(), "{byline}");
        }
        // After `By` and a separator, a publication's name is the source, known or not; a role
        // is reported.
        for (byline, author, source, dropped) in [
            ("By Sophie Laurent | Ashford Herald", "Sophie Laurent", Some("Ashford Herald"), &[][..]),
            ("By Jane Doe | Some Blog Network", "Jane Doe", Some("Some Blog Network"), &[]),
            ("By Jane Doe | Political Editor", "Jane Doe", None, &["Political Editor"][..]),
            ("By Jane Doe | Chief Political Analyst", "Jane Doe", None, &["Chief Political Analyst"][..]),
        ] {
            let out = convert(&format!("Council approves budget\n\n{byline}\n\n{lede}"));
            assert_eq!(out.authors, [author], "{byline}");
            assert_eq!(out.source.as_deref(), source, "{byline}");
            assert_eq!(out.dropped, dropped, "{byline}");
        }
        // A place is no publication.
        let out = convert(&format!("Council approves budget\n\nBy Jane Doe | NEW YORK\n\n{lede}"));
        assert_eq!(out.source, None, "{out:?}");
        // A part that is neither a publisher, a role nor a date: the line is kept whole.
        let out =
            convert(&format!("Council approves budget\n\nBy Jane Doe | read the full story here\n\n{lede}"));
        assert!(out.authors.is_empty());
        assert!(out.body.starts_with("By Jane Doe \\| read the full story here"), "{}", out.body);
        // Without `By`, a name and a masthead is as likely a photo's credit.
        let out = convert(&format!("Council approves budget\n\nJane Doe, The Portvale Courier\n\n{lede}"));
        assert!(out.authors.is_empty() && out.source.is_none(), "{out:?}");
    }

    #[test]
    fn mail_quotes_are_blockquotes_and_turns_of_text_are_not_lists() {
        let out = convert(
            "The council member wrote to the utility on Monday about the planned rise.\n\n\
             > \"We are asking families who already can't pay their bills to pay for\n\
             > decades of deferred maintenance,\" council member Ana Ruiz wrote in a\n\
             > letter to the utility on Monday.\n\n\
             Thanks for reading,\nMaria Lopez\nEditor, The Morning Brief",
        );
        assert!(
            out.body.contains("\n\n> \"We are asking families who already can't pay their bills to pay for decades of deferred maintenance,\" council member Ana Ruiz wrote in a letter to the utility on Monday.\n\n"),
            "{}",
            out.body
        );
        assert!(
            out.body.ends_with("Thanks for reading,\\\nMaria Lopez\\\nEditor, The Morning Brief\n"),
            "{}",
            out.body
        );
        for lines in [
            "Q: Was it a long debate?\nA: Yes, it ran past midnight.",
            "—¿Qué recomiendan?\n—Que no salgan de casa.",
        ] {
            let out =
                convert(&format!("The mayor answered questions from readers on Monday evening.\n\n{lines}"));
            assert!(!out.body.contains("\n- "), "{lines}: {}", out.body);
        }
    }

    #[test]
    fn wire_credits_and_link_labels_stay_out_of_the_summary() {
        let out = convert(
            "Rates held\n\nFRANKFURT, Nov 20 (Reuters) - The European Central Bank held rates on Thursday.\n\n\
             Reporting by Francesco Canepa; Editing by Catherine Evans\n\n\
             Our Standards: The Thomson Reuters Trust Principles., opens new tab",
        );
        assert_eq!(out.summary, "The European Central Bank held rates on Thursday.");
        assert_eq!(out.dropped, ["Our Standards: The Thomson Reuters Trust Principles., opens new tab"]);
        assert!(out.body.contains("Reporting by Francesco Canepa"), "credits stay in the body");
    }

    #[test]
    fn headlines_may_open_with_a_name_written_in_lower_case() {
        let lede = "The company said on Thursday that the cuts would fall mostly on its marketing teams.";
        for headline in [
            "iPhone 17 review: better battery, same design",
            "eBay to cut 1,000 jobs",
            "de Blasio endorses challenger",
        ] {
            let out = convert(&format!("{headline}\n\n{lede}"));
            assert_eq!(out.title.as_deref(), Some(headline));
            assert!(!out.title_inferred, "{headline}");
        }
        let out = convert(&format!("more news from the city council today\n\n{lede}"));
        assert!(out.title_inferred, "a lower-case line is no headline");
    }

    #[test]
    fn a_section_label_or_leftover_above_the_headline_is_dropped() {
        let lede = "The winter timetable cuts crossings by a third, and islanders say schools will suffer.";
        for top in ["ANALYSIS", "Exclusive", "Advertisement", "WORLD"] {
            let out = convert(&format!("{top}\n\nWhy the ferry cuts matter\n\n{lede}"));
            assert_eq!(out.title.as_deref(), Some("Why the ferry cuts matter"), "{top}");
            assert!(out.body.starts_with("The winter timetable"), "{top}: {}", out.body);
            assert!(out.dropped.iter().any(|line| line == top), "{top} is reported: {:?}", out.dropped);
        }
        // A label with no headline under it is text as before.
        let out = convert(&format!("ANALYSIS\n\n{lede}"));
        assert!(out.title_inferred && out.body.starts_with("ANALYSIS"), "{}", out.body);
    }

    #[test]
    fn a_two_word_headline_is_taken_when_the_story_takes_it_up() {
        let lede = "The city museum reopened on Saturday after a two-year renovation, with a new wing.";
        let out = convert(&format!("Museum reopens\n\n{lede}"));
        assert_eq!((out.title.as_deref(), out.title_inferred), (Some("Museum reopens"), false));
        for not_a_headline in ["Photo gallery", "Jane Doe", "Reopens museum."] {
            let out = convert(&format!("{not_a_headline}\n\n{lede}"));
            assert!(out.title_inferred, "{not_a_headline}: {:?}", out.title);
        }
        for (greeting, letter) in [
            (
                "Dear readers",
                "Readers of this newsletter asked about the museum, which reopened on Saturday.",
            ),
            ("Good morning", "Good news this morning: the city museum reopened on Saturday."),
        ] {
            let out = convert(&format!("{greeting}\n\n{letter}"));
            assert!(out.title_inferred && out.body.starts_with(greeting), "{greeting}: {:?}", out.title);
        }
    }

    #[test]
    fn a_two_word_headline_with_a_byline_under_it_is_taken() {
        let story = "The council said on Friday that the plan would go ahead.";
        let out = convert(&format!("Mayor resigns\n\nBy Ann Lee\n\n{story}"));
        assert_eq!((out.title.as_deref(), out.title_inferred), (Some("Mayor resigns"), false));
        assert_eq!(out.authors, ["Ann Lee"]);
        assert!(out.body.starts_with("The council"), "{}", out.body);
        // Two capitalised words over a byline are still a name, not a headline.
        let out = convert(&format!("Jane Doe\n\nBy Ann Lee\n\n{story}"));
        assert!(out.title_inferred, "{:?}", out.title);
    }

    #[test]
    fn quotes_posts_and_captions_keep_their_lines_together() {
        let first =
            "We are asking families who already cannot pay their bills to pay for decades of neglect.";
        let second = "That is not a plan, it is a bill sent to the people least able to pay it, she wrote.";
        let out = convert(&format!(
            "The council member wrote to the utility on Monday.\n\n> {first}\n>\n> {second}"
        ));
        assert!(
            out.body.ends_with(&format!("\n\n> {first}\n>\n> {second}\n")),
            "one quote, two paragraphs: {}",
            out.body
        );
        let out = convert(&format!(
            "The minister posted on Tuesday evening after the vote.\n\n{first}\n{second}\n\
             — Jane Minister (@janeminister) May 1, 2025\n\nHer office did not comment."
        ));
        assert_eq!(out.embeds.len(), 1);
        assert!(out.body.contains(&format!("> {first}")), "{}", out.body);
        assert!(out.body.contains("Her office did not comment."), "{}", out.body);
        let out = convert(
            "Flooding closes the coast road\n\n\
             Water covers the coast road near Portvale on Tuesday after the storm.\n\
             Kirsten Luce for The New York Times\n\n\
             The coast road was closed on Tuesday after the storm pushed water over the sea wall, officials said.",
        );
        assert_eq!(out.images.len(), 1, "{out:?}");
        assert_eq!(out.images[0].credit.as_deref(), Some("Kirsten Luce for The New York Times"));
        assert!(out.authors.is_empty());
        let out = convert(&format!("Council approves budget\n\nPor José Ortega y Gasset\n\n{second}"));
        assert_eq!(out.authors, ["José Ortega y Gasset"]);
    }

    #[test]
    fn single_marker_line_stays_literal_text() {
        let out = convert(
            "Officials listed closures on Monday in every district.\n\n- Northtown: schools closed\n\nMore later.",
        );
        assert!(out.body.contains("\n\n\\- Northtown: schools closed\n\n"));
    }

    #[test]
    fn summaries_stop_at_quoted_statements_and_contact_lines() {
        let lede = "The investigation was still at an early stage, Europol said on Monday, and no arrests had been made.";
        for after in [
            "> Statement from Europol: “We are keeping an open mind.”",
            "Contact: press_office@example.org | Phone: +41 44 804 616 for all the questions of the press",
            "Media enquiries: call the press office on any weekday between nine in the morning and five",
        ] {
            let text = format!(
                "{lede}\n\n{after}\n\nThe inquiry continues with more officers assigned to the case than before.\n"
            );
            let converted = convert(&text);
            assert_eq!(converted.summary, lede, "{after}");
        }
    }

    #[test]
    fn summary_is_cut_at_a_sentence_near_sixty_words() {
        let sentence = "The committee met again on Tuesday to discuss the plan for the new library. ";
        let out = convert(&sentence.repeat(12));
        let words = count_words(&out.summary);
        assert!((50..=75).contains(&words), "{words}");
        assert!(out.summary.ends_with('.'));
    }

    #[test]
    fn languages_are_told_apart() {
        let de = "Die Stadt hat am Montag mitgeteilt, dass die Brücke nicht vor dem Sommer \
            wieder geöffnet wird. Das ist für die Pendler ein Problem, und es gibt auch keine Umleitung.";
        let fr = "La ville a annoncé lundi que le pont ne sera pas rouvert avant l'été. \
            Les habitants sont inquiets et les commerçants attendent une aide pour leur activité.";
        let es = "La ciudad anunció el lunes que el puente no se abrirá hasta el verano. \
            Los vecinos están preocupados y los comerciantes esperan una ayuda para sus negocios.";
        let ja = "市は月曜日、橋の再開は夏以降になると発表した。住民は不安を感じている。";
        let zh = "市政府周一宣布，这座桥要到夏天才能重新开放。居民对此感到担忧。";
        for (text, lang) in [(de, "de"), (fr, "fr"), (es, "es"), (ja, "ja"), (zh, "zh")] {
            assert_eq!(convert(text).lang.as_deref(), Some(lang), "{text}");
        }
    }

    proptest::proptest! {
        /// The words `str::split_whitespace` gives, for lines of words apart by ASCII and
        /// non-ASCII whitespace (no-break space, ideographic space, vertical tab), whatever the
        /// limit.
        #[test]
        fn leading_words_are_those_split_whitespace_gives(
            lines in proptest::collection::vec("(ab|\u{e9}|x|\\.| |\t|\u{0B}|\u{A0}|\u{3000}|\u{2019}){0,12}", 0..5),
            limit in 0usize..12,
        ) {
            let mut words = Vec::new();
            for_each_leading_word(lines.iter().map(String::as_str), limit, |word| words.push(word));
            let expected: Vec<&str> =
                lines.iter().flat_map(|line| line.split_whitespace()).take(limit).collect();
            proptest::prop_assert_eq!(words, expected);
        }

        /// The byte path for ASCII words gives what trimming and lower-casing the string does.
        #[test]
        fn word_languages_agrees_with_trimming_and_lower_casing(
            word in "[-.,'\"(0-9]{0,2}(the|The|THE|und|Die|le|La|EL|de|of|and|x|abcdefghi|é|für|Für){1,2}[-.,'\")!?]{0,2}",
        ) {
            let core = word.trim_matches(|c: char| !c.is_alphabetic());
            let expected = if core.is_empty() || core.len() > 8 {
                0
            } else {
                stopword_languages(core.to_lowercase().as_bytes())
            };
            proptest::prop_assert_eq!(word_languages(&word), expected);
        }
    }

    proptest::proptest! {
        /// The characters `char_indices` finds, with the multi-byte ends and other characters
        /// that share their first bytes (curly quotes, dashes, fullwidth letters).
        #[test]
        fn sentence_ends_are_those_of_every_character(
            text in "(a|\\.|!|\\?|\u{2026}|\u{3002}|\u{FF01}|\u{FF1F}|\u{2019}|\u{2014}|\u{3001}|\u{FF21}| ){0,30}",
        ) {
            let expected: Vec<(usize, char)> = text.char_indices().filter(|&(_, c)| is_sentence_end(c)).collect();
            proptest::prop_assert_eq!(sentence_ends(&text).collect::<Vec<_>>(), expected);
        }
    }

    proptest::proptest! {
        /// Eight bytes at a time, the escaper finds the first byte of the table, whatever bytes
        /// (the specials, their neighbours once bit 5 is folded, non-ASCII) surround it.
        #[test]
        fn inline_specials_are_found_as_the_table_finds_them(
            bytes in crate::text::testing::bytes_around(b"\\`*[<|~_&@XYZxyz]^{}\x7F`Aa ;\xC3\xDC\xFC"),
            from in 0usize..40,
        ) {
            let wanted = |b: u8| INLINE_SPECIAL[usize::from(b)];
            let slowly = crate::text::testing::find_byte_slowly(&bytes, from, wanted);
            proptest::prop_assert_eq!(find_byte(&bytes, from, may_be_inline_special, wanted), slowly);
        }
    }

    #[test]
    fn labelled_credits_start_after_a_break_near_the_end() {
        let long_caption = "The harbour at dawn, seen from the old lighthouse, where the ferries to the islands \
            wait for the morning tide";
        let cases = [
            ("Robots at work in the lab | photo by Jane Doe", Some("photo by Jane Doe")),
            ("A new plan. Photo by Jane Doe/CNET", Some("Photo by Jane Doe/CNET")),
            ("Scan the QR-Codes.  (Bild: Hersteller)", Some("(Bild: Hersteller)")),
            ("The crowd at the square — Photo: Ana Lima", Some("Photo: Ana Lima")),
            ("The crowd at the square photo by Ana Lima", None),
            ("", None),
        ];
        for (line, credit) in cases {
            assert_eq!(labelled_credit_start(line).map(|start| &line[start..]), credit, "{line}");
        }
        // Past 120 bytes only the tail is read: a credit there is found, one before it is not.
        let tail_credit = format!("{long_caption}. Photo: Ana Lima");
        assert_eq!(
            labelled_credit_start(&tail_credit).map(|start| &tail_credit[start..]),
            Some("Photo: Ana Lima")
        );
        let early_credit = format!("Photo: Ana Lima. {long_caption}");
        assert_eq!(labelled_credit_start(&early_credit), None);
    }

    #[test]
    fn language_is_read_from_capitalised_and_accented_function_words() {
        // Sentence-initial capitals ("Die", "Das") and non-ASCII words ("für") count as their
        // lower-case forms.
        let de = "Die Brücke bleibt zu. Das sagt die Stadt. Für die Pendler ist das schwer, \
            und es gibt keine Umleitung für sie.";
        assert_eq!(convert(de).lang.as_deref(), Some("de"));
        let en = "The bridge stays shut. It was closed by the city on Monday and there is no detour for the \
            people who cross it each day.";
        assert_eq!(convert(en).lang.as_deref(), Some("en"));
    }

    #[test]
    fn abbreviations_are_short_lower_case_ascii_without_k() {
        for abbreviation in ABBREVIATIONS {
            assert!(abbreviation.len() <= LONGEST_ABBREVIATION, "{abbreviation}");
            assert!(abbreviation.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'), "{abbreviation}");
        }
        assert!(ABBREVIATIONS.iter().any(|abbreviation| abbreviation.len() == LONGEST_ABBREVIATION));
    }

    #[test]
    fn abbreviations_are_found_in_any_case_and_others_are_not() {
        for word in ["Mr.", "MRS.", "Approx.", "(Calif.", "U.S.", "J.", "etc."] {
            assert!(is_abbreviation(word), "{word}");
        }
        for word in ["Monday.", "approxim.", "Mrx.", "Dé.", "said."] {
            assert!(!is_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn stopword_table_is_sorted_for_binary_search() {
        assert!(STOPWORD_KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOPWORDS.iter().all(|(w, _)| w.len() <= 8));
    }

    #[test]
    fn cjk_words_are_counted_per_character() {
        assert_eq!(count_words("市は月曜日 and more"), 7);
    }

    #[test]
    fn fast_word_count_agrees_with_the_plain_definition() {
        let samples = [
            "one two  three\tfour\nfive\r\n six\x0bseven\x0ceight",
            "        leading spaces then words and a-long-hyphenated-token end",
            "exactly8 exactly8 exactly8 ",
            "mixed “quotes” and\u{a0}no-break spaces, 市は月曜日 then ascii again and again",
            "",
            "x",
        ];
        for sample in samples {
            let plain = sample
                .split_whitespace()
                .map(|w| {
                    let cjk = w.chars().filter(|c| is_cjk(*c)).count();
                    let rest = w.split(is_cjk).filter(|p| !p.is_empty()).count();
                    cjk + rest
                })
                .sum::<usize>();
            assert_eq!(count_words(sample), plain, "{sample:?}");
            for cap in 0..plain {
                assert!(!has_at_most_words(sample, cap));
            }
            assert!(has_at_most_words(sample, plain));
        }
    }

    /// A cheap deterministic generator for the no-panic test.
    fn next_random(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn never_panics_on_odd_input() {
        const PIECES: &[&str] = &[
            "\n",
            "\n\n",
            "\n\n\n",
            " ",
            "—",
            "–",
            "-",
            "--",
            "(",
            ")",
            "(@",
            "@x)",
            ":",
            ". ",
            "By ",
            "BY ",
            "A",
            "Z",
            "é",
            "市",
            "🎄",
            "\u{a0}",
            "#",
            "1.",
            "*",
            "_",
            "\\",
            "<",
            "&",
            ";",
            "|",
            "~",
            "`",
            "[",
            "]",
            "/",
            "Photo: ",
            "Image",
            "pic.twitter.com/x",
            "September 8, 2025",
            "Feb. 3",
            "(AP)",
            "CITY",
            ", ",
            "?",
            "!",
            "”",
            "’",
            "p.m.",
            "A post shared by ",
            " on ",
            "Jan 5, 2020",
            " at ",
            "for The ",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d;
        for _ in 0..4000 {
            let len = (next_random(&mut state) % 40) as usize;
            let text: String =
                (0..len).map(|_| PIECES[(next_random(&mut state) % PIECES.len() as u64) as usize]).collect();
            let out = convert(&text);
            assert!(out.body.is_empty() || out.body.ends_with('\n') && !out.body.ends_with("\n\n"));
            assert!(rendered_text(&out.body, true).is_ok(), "{text:?}");
        }
    }
}

#[cfg(test)]
mod wire_copy_tests {
    use super::*;

    /// A Reuters take as its clients receive it: the take's mark on the headline, the note to
    /// editors under it, a dateline filed from two cities, the credits at the end.
    const REUTERS_TAKE: &str = "UPDATE 1-Dockworkers at UK's Harwich port begin 48-hour strike over pay\n\n\
        (Adds company comment, paragraphs 5-6)\n\n\
        By Alistair Penrose\n\n\
        LONDON/SINGAPORE, March 4 (Reuters) - Around 600 dockworkers at the port of Harwich walked out on \
        Tuesday in a dispute over pay, the Unite union said.\n\n\
        “Our members have been left with no choice,” Unite regional officer Marcus Bellingham said.\n\n\
        (Reporting by Alistair Penrose; Editing by Kate Mayberry)";

    #[test]
    fn a_takes_note_under_its_headline_is_dropped_and_the_headline_kept() {
        let out = convert(REUTERS_TAKE);
        assert_eq!(
            out.title.as_deref(),
            Some("Dockworkers at UK's Harwich port begin 48-hour strike over pay")
        );
        assert!(!out.title_inferred);
        assert_eq!(out.authors, ["Alistair Penrose"]);
        assert!(
            out.dropped.contains(&"(Adds company comment, paragraphs 5-6)".to_string()),
            "{:?}",
            out.dropped
        );
        assert!(out.body.starts_with("LONDON/SINGAPORE, March 4 (Reuters) - Around"), "{}", out.body);
        assert!(!out.summary.contains("Adds"), "{}", out.summary);
        let dateline = out.dateline.expect("dateline");
        assert_eq!(
            (dateline.place.as_str(), dateline.agency.as_deref()),
            ("LONDON/SINGAPORE", Some("Reuters"))
        );
        assert_eq!(out.source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn a_correction_note_stays_for_the_reader() {
        let text = REUTERS_TAKE.replace(
            "(Adds company comment, paragraphs 5-6)",
            "(Corrects number of dockworkers in paragraph 1 to 600, not 800)",
        );
        let out = convert(&text);
        assert!(!out.title_inferred, "{:?}", out.title);
        assert!(out.body.starts_with("(Corrects number of dockworkers"), "{}", out.body);
        assert!(out.summary.starts_with("Around 600 dockworkers"), "{}", out.summary);
        // An aside that is no wire note still says the line above it is running text.
        assert_eq!(wire_note("(New York)"), None);
        assert_eq!(wire_note("(Writes through with details)"), Some(WireNote::Change));
    }

    #[test]
    fn wire_marks_leave_the_headline() {
        for (headline, expected) in [
            (
                "UPDATE 3-Oil steadies as OPEC+ weighs pace of output",
                "Oil steadies as OPEC+ weighs pace of output",
            ),
            (
                "CORRECTED-UPDATE 1-Dutch chipmaker's profit beats forecasts",
                "Dutch chipmaker's profit beats forecasts",
            ),
            ("REFILE-Oil steadies as OPEC+ weighs output", "Oil steadies as OPEC+ weighs output"),
            ("BREAKING: Supreme Court agrees to hear case", "Supreme Court agrees to hear case"),
            ("URGENT Kenya's top court suspends tax", "Kenya's top court suspends tax"),
            ("Berichtigung: Bahn kündigt Sanierung an", "Bahn kündigt Sanierung an"),
            (
                "ANALYSIS-Fed's path narrows as inflation sticks",
                "Analysis: Fed's path narrows as inflation sticks",
            ),
            // Capitals that are the headline's own words stay.
            ("FLASH FLOODS KILL 12 IN VALLEY", "FLASH FLOODS KILL 12 IN VALLEY"),
            ("REPEAT-OFFENDER BILL CLEARS STATE SENATE", "REPEAT-OFFENDER BILL CLEARS STATE SENATE"),
            ("FEATURE-LENGTH FLOOD FILM WINS TOP AWARD", "FEATURE-LENGTH FLOOD FILM WINS TOP AWARD"),
            ("Update on the council's budget plans", "Update on the council's budget plans"),
            ("UPDATE 2-", "UPDATE 2-"),
            ("UPDATE 1-3 killed in blast at fireworks plant", "3 killed in blast at fireworks plant"),
            ("BREAKING: QUAKE HITS TOKYO", "QUAKE HITS TOKYO"),
            ("UPDATE 2-QUAKE HITS TOKYO", "QUAKE HITS TOKYO"),
            ("FLASH FLOODS CAUSE $2bn DAMAGE", "FLASH FLOODS CAUSE $2bn DAMAGE"),
        ] {
            assert_eq!(without_wire_marks(headline), expected);
        }
    }

    #[test]
    fn agency_notices_and_sign_offs_leave_the_text() {
        let text = "French farmers block Paris ring road over diesel tax\n\n\
            PARIS, March 4, 2025 (AFP) - Hundreds of tractors blocked the Paris ring road on Tuesday as farmers \
            protested against a planned hike in the tax on diesel.\n\n\
            THIS IS A BREAKING NEWS UPDATE. Check back soon for further information. AP’s earlier story follows below.\n\n\
            About 400 tractors took part, according to police.\n\n\
            Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, \
            rewritten or redistributed without permission.\n\n\
            Our Standards: The Thomson Reuters Trust Principles.\n\n\
            ml/jh/rox";
        let out = convert(text);
        assert_eq!(
            out.body,
            "PARIS, March 4, 2025 (AFP) - Hundreds of tractors blocked the Paris ring road on Tuesday as farmers \
             protested against a planned hike in the tax on diesel.\n\n\
             About 400 tractors took part, according to police.\n"
        );
        assert!(is_agency_sign_off("dpa ak yyzz n1 rs"));
        assert!(is_agency_sign_off("bur-wk/jj"));
        assert!(!is_agency_sign_off("and/or"), "a word of text");
        assert!(!is_agency_sign_off("dpa reported the figures"));
        // A story about copyright is no notice.
        assert!(!is_agency_notice("Copyright lawsuits against AI firms rose sharply last year."));
    }

    #[test]
    fn ap_bylines_without_a_comma_and_surnames_in_capitals() {
        let byline = |line: &str| parse_byline(line).map(|b| (b.authors, b.agency));
        assert_eq!(
            byline("By JESSICA MORALES Associated Press"),
            Some((vec!["Jessica Morales".to_string()], Some("Associated Press".to_string())))
        );
        assert_eq!(
            byline("By CLAIRE DUVAL and THOMAS ADAMS Associated Press"),
            Some((
                vec!["Claire Duval".to_string(), "Thomas Adams".to_string()],
                Some("Associated Press".to_string())
            ))
        );
        assert_eq!(
            byline("By CHRISTOPHER RUGABER AP Economics Writer"),
            Some((vec!["Christopher Rugaber".to_string()], Some("AP".to_string())))
        );
        assert_eq!(
            byline("By Rebecca Holt, PA Political Correspondent"),
            Some((vec!["Rebecca Holt".to_string()], Some("PA".to_string())))
        );
        assert_eq!(byline("by Marion LEBRUN"), Some((vec!["Marion Lebrun".to_string()], None)));
        assert_eq!(byline("par Jean-Loïc MÉNARD"), Some((vec!["Jean-Loïc Ménard".to_string()], None)));
        assert_eq!(byline("By John Smith III"), Some((vec!["John Smith III".to_string()], None)));
        // Without `By`, capitals before an outlet's name are a headline's.
        assert!(byline("TRUMP SUES CNN").is_none());
        assert!(byline("JUDGE SIDES WITH THE NEW YORK TIMES").is_none());
        assert_eq!(publisher_name("PA Media"), publisher_name("PA"));
    }

    #[test]
    fn reporters_in_the_credits_write_a_story_with_no_byline() {
        let text = "EU readies countermeasures on steel as trade talks stall\n\n\
            BRUSSELS, March 4 (Reuters) - The European Commission is preparing a list of U.S. goods that could \
            face tariffs, three EU officials said on Tuesday.\n\n\
            (Reporting by Julien Marchand in Brussels and Tom Whitfield; Additional reporting by Katrin Weber; \
            Writing by Ana Ruiz; Editing by Alison Williams)";
        assert_eq!(convert(text).authors, ["Julien Marchand", "Tom Whitfield", "Ana Ruiz"]);
        let text = text.replace("Julien Marchand in Brussels and", "Reuters TV, Julien Marchand and");
        assert_eq!(convert(&text).authors, ["Julien Marchand", "Tom Whitfield", "Ana Ruiz"]);
    }

    #[test]
    fn a_web_stamp_with_its_update_dates_the_story() {
        let text = "Oil steadies as OPEC+ weighs pace of output increases\n\n\
            By Noor Haddad\n\n\
            March 4, 2025 4:58 PM GMT Updated March 4, 2025 6:10 PM GMT\n\n\
            LONDON, March 4 (Reuters) - Oil prices held steady on Tuesday as investors weighed signals from OPEC+.";
        let out = convert(text);
        let date = out.date.expect("date");
        // The dateline names no year: the stamp dates the story.
        assert_eq!((date.year, date.month, date.day, date.evidence), (2025, 3, 4, DateEvidence::Stamp));
        assert_eq!(out.updated.map(|u| (u.date, u.time)), Some(((2025, 3, 4), Some((18, 10)))));
        assert!(out.body.starts_with("LONDON, March 4"), "{}", out.body);
        let relative = text
            .replace("Updated March 4, 2025 6:10 PM GMT", "Updated 2 hours ago")
            .replace("LONDON, March 4 ", "LONDON ");
        let out = convert(&relative);
        assert_eq!(out.date.map(|d| (d.year, d.month, d.day)), Some((2025, 3, 4)));
        assert!(out.body.starts_with("LONDON (Reuters)"), "{}", out.body);
        assert!(publication_stamp("March 4, 2025 4:58 PM GMT Updated an hour ago").is_some());
        assert!(publication_stamp("March 4, 2025 4:58 PM GMT Updated 6 mins ago").is_some());
        // A timeline's entry that says `Updated` is the story's.
        assert!(
            publication_stamp("Jan. 7, 2021, 3:42 a.m.: Updated tallies show Biden ahead in Georgia")
                .is_none()
        );
    }

    #[test]
    fn a_summary_never_ends_inside_a_quote() {
        let text = "Farmers block Paris ring road in protest over diesel tax\n\n\
            PARIS (AP) — Hundreds of French farmers drove tractors onto the Paris ring road on Tuesday, blocking \
            traffic for hours in protest over a planned rise in the tax on farm diesel. Police said about 400 \
            tractors took part and drivers were advised to avoid the ring road.\n\n\
            “We are not here for fun. We are here because we can’t make ends meet, and the tax will only make it \
            worse for every family farm in the Beauce region,” said Luc Marchetti, a cereal grower.";
        let summary = convert(text).summary;
        assert_eq!(summary.matches('“').count(), summary.matches('”').count(), "{summary}");
        assert!(summary.starts_with("Hundreds of French farmers"), "{summary}");
        // Inches are no quote, and a quote left open for good still gives a summary of sentences.
        let mut snow = QuoteBalance::default();
        snow.read("Up to 14\" of snow fell overnight.");
        assert!(snow.closed());
        snow.read("He called it \"the storm of 2008\" and left.");
        assert!(snow.closed(), "a quote's close after a digit");
        let open = format!("{}“Roads are closed. {}", "Word ".repeat(40), "Stay home. ".repeat(30));
        let summary = summarise(&open);
        assert!(summary.ends_with("Stay home.") && count_words(&summary) < 62, "{summary}");
    }

    #[test]
    fn indented_wire_copy_keeps_its_headline_and_credits_apart() {
        let text = "U.S. Senate passes rural broadband bill, sending it to the House\n\
            \x20   WASHINGTON, March 4 (Reuters) - The U.S. Senate on Tuesday\n\
            voted 58-41 to approve a $14 billion bill to extend high-speed\n\
            internet to rural areas, sending the measure to the House.\n\
            \x20   House Speaker Robert Lanning has not said whether he will\n\
            bring the bill to a vote.\n\
            \x20(Reporting by Daniel Ostrowski; Editing by Leslie Adler)";
        let out = convert(text);
        assert_eq!(
            out.title.as_deref(),
            Some("U.S. Senate passes rural broadband bill, sending it to the House")
        );
        assert_eq!(out.dateline.map(|d| d.place).as_deref(), Some("WASHINGTON"));
        assert!(
            out.body.ends_with("whether he will bring the bill to a vote.\n\n(Reporting by Daniel Ostrowski; Editing by Leslie Adler)\n"),
            "{}",
            out.body
        );
        assert_eq!(out.authors, ["Daniel Ostrowski"]);
    }

    #[test]
    fn a_briefs_items_set_apart_are_a_list() {
        let text = "Stour Estuary Holdings says expects Harwich strike to cost about 2 mln stg\n\n\
            March 4 (Reuters) - Stour Estuary Holdings Plc:\n\n\
            * SAYS EXPECTS STRIKE AT HARWICH TO COST ABOUT 2 MILLION STERLING\n\n\
            * SAYS CONTINGENCY PLANS IN PLACE\n\n\
            Source text for Eikon: [ID:nRSA1234Xa]";
        let out = convert(text);
        assert!(out.body.ends_with("- SAYS EXPECTS STRIKE AT HARWICH TO COST ABOUT 2 MILLION STERLING\n\n- SAYS CONTINGENCY PLANS IN PLACE\n"), "{}", out.body);
    }
}

#[cfg(test)]
mod page_shape_tests {
    use super::*;

    #[test]
    fn a_photo_over_the_headline_and_a_byline_with_a_place() {
        let out = convert(
            "Flooded streets in Valencia's Paiporta district on Saturday.\n\
             Jose Jordan/AFP via Getty Images\n\n\
             Valencia floods again two years after deadly storms\n\n\
             By Sam Jones in Madrid\n\n\
             Torrential rain flooded parts of Valencia on Saturday, two years after storms killed more than 220 people.",
        );
        assert_eq!(out.title.as_deref(), Some("Valencia floods again two years after deadly storms"));
        assert_eq!(out.authors, ["Sam Jones"]);
        assert_eq!(out.images.len(), 1);
        assert!(out.body.starts_with("Torrential rain"), "{}", out.body);
    }

    #[test]
    fn a_byline_without_by_under_the_headline_names_the_writers() {
        let out = convert(
            "Cop31 ends with deal on adaptation but no roadmap\n\n\
             Talks in Antalya overrun as Saudi Arabia and Russia block reference to plan\n\n\
             Fiona Harvey and Damian Carrington in Antalya\n\n\
             Nearly 200 countries agreed a deal at the Cop31 climate summit on Friday, officials said.",
        );
        assert_eq!(out.authors, ["Fiona Harvey", "Damian Carrington"]);
        assert!(!out.body.contains("## "), "{}", out.body);
        // Not over the headline, nor as running text: a headline of names is a headline.
        let out = convert(
            "Joe Biden and Xi Jinping in Beijing\n\nThe two leaders met on Monday for talks on trade, officials said.",
        );
        assert_eq!(out.title.as_deref(), Some("Joe Biden and Xi Jinping in Beijing"));
        assert!(out.authors.is_empty());
        // A caption under the headline names the story's subjects, who the story names again; a
        // series label has no standfirst over it.
        let out = convert(
            "Leaders agree to resume trade talks\n\n\
             The meeting in Beijing was the first between the two leaders in a year\n\n\
             Joe Biden and Xi Jinping in Beijing\n\n\
             The two leaders met on Monday, and Biden said talks on trade would resume, officials said.",
        );
        assert!(out.authors.is_empty(), "{:?}", out.authors);
        let out = convert(
            "City opens cooling centres as temperatures climb\n\n\
             Record Heat in Phoenix\n\n\
             The city opened twelve cooling centres on Monday as temperatures passed 46C, officials said.",
        );
        assert!(out.authors.is_empty(), "{:?}", out.authors);
    }

    #[test]
    fn a_gallerys_headline_a_newsletters_masthead_and_a_photographers_credit() {
        let out = convert(
            "Photos: Australia's spring heatwave breaks records\n\n\
             Sydney recorded 41.2C on Wednesday, its hottest November day on record, officials said.",
        );
        assert_eq!(out.title.as_deref(), Some("Photos: Australia's spring heatwave breaks records"));
        assert!(!is_gallery_headline("Photos: courtesy of the family"));
        let out = convert(
            "From the Carbon Brief Daily Briefing, 16 November 2026\n\n\
             China's emissions fall for sixth straight quarter\n\n\
             China's carbon dioxide emissions fell by 1.1% in the third quarter, according to new analysis.",
        );
        assert_eq!(out.title.as_deref(), Some("China's emissions fall for sixth straight quarter"));
        assert!(
            out.dropped.iter().any(|line| line.starts_with("From the Carbon Brief")),
            "{:?}",
            out.dropped
        );
        assert!(!is_newsletter_masthead("From Newsletter to Empire: How Substack Changed Journalism"));
        assert!(!is_newsletter_masthead("From the Briefing Room to the Bench: A Judge's Story"));
        assert!(!is_newsletter_masthead("From the Briefing Room to the Newsletter"));
        assert!(is_newsletter_masthead("From today's Morning Briefing, sent to subscribers"));
        let out = convert(
            "The fastest-growing solar state is not California\n\n\
             By Emily Pontecorvo\n\n\
             Photographs by Jordan Vonderhaar for Heatmap\n\n\
             FORT STOCKTON, Texas — The road west from Fort Stockton runs past pump jacks and caliche pits.",
        );
        assert_eq!(out.images.len(), 1, "{:?}", out.images);
        assert!(!out.body.contains("## "), "{}", out.body);
        assert!(parse_credit("Photographs by Dorothea Lange go on show in London").is_none());
    }

    #[test]
    fn a_clippings_address_names_its_outlet() {
        for (url, publisher) in [
            ("https://www.theguardian.com/environment/2026/nov/20/cop31", Some("The Guardian")),
            ("https://amp.theguardian.com/x", Some("The Guardian")),
            ("https://edition.cnn.com/2026/11/20/climate/index.html", Some("CNN")),
            ("https://www.example-zeitung.de/wirtschaft/windkraft?x=1", Some("example-zeitung.de")),
            ("http://127.0.0.1:8080/page", None),
            ("file:///home/me/page.html", None),
            ("https://web.archive.org/web/2026/https://www.ft.com/x", None),
            ("https://www-ft-com.cdn.ampproject.org/c/s/www.ft.com/x", None),
            ("https://notft.com/x", Some("notft.com")),
        ] {
            assert_eq!(publisher_of_url(url).as_deref(), publisher, "{url}");
        }
        let out = convert(
            "Title: Rates rise again\nSource: https://www.ft.com/content/abc\n\n\
             The central bank raised rates for the third time this year on Monday, officials said.",
        );
        assert_eq!(out.source.as_deref(), Some("Financial Times"));
        // The text's own agency says more than the address it was clipped from.
        let out = convert(
            "Title: Rates rise again\nSource: https://www.ft.com/content/abc\n\n\
             LONDON (Reuters) - The central bank raised rates for the third time this year on Monday.",
        );
        assert_eq!(out.source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn a_dateline_on_a_line_of_its_own_is_the_ledes() {
        let out = convert(
            "WORLD BANK PLEDGES $40 BILLION FOR AFRICA SOLAR MINI-GRIDS\n\n\
             WASHINGTON, Nov 19 —\n\n\
             The World Bank said on Thursday it would provide $40 billion in financing by 2030, officials said.",
        );
        let dateline = out.dateline.expect("dateline");
        assert_eq!((dateline.place.as_str(), dateline.date.as_deref()), ("WASHINGTON", Some("Nov 19")));
        assert!(out.body.starts_with("WASHINGTON, Nov 19 —\n\nThe World Bank"), "no word lost: {}", out.body);
        assert!(out.summary.starts_with("The World Bank"), "{}", out.summary);
        // A label over the lede is no dateline.
        assert!(!is_lone_dateline("EXCLUSIVE —"));
        assert!(!is_lone_dateline("ANALYSIS —"));
        assert!(is_lone_dateline("PARIS (AFP) —"));
        assert!(is_lone_dateline("WASHINGTON —"));
        assert!(is_lone_dateline("KYIV, Ukraine —"));
    }
}
