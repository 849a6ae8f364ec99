//! Paragraphs: the text cut at blank lines, hard-wrapped lines joined again, and each
//! paragraph's lines told apart (a list, a quote, a signature) before any of it is judged.

use super::body::quoted_lines;
use super::byline::parse_byline;
use super::credits::{ends_as_sentence, parse_credit};
use super::dates::publication_stamp;
use super::embeds::parse_signature;
use super::furniture::{is_fixed_leftover, is_timestamp_line};
use super::headline::{
    HEADER_WINDOW, is_credits_line, is_page_label, looks_like_headline_line, para_date, stamp_date,
};
use super::language::{count_words, has_at_most_words};
use super::lists::{continues_as_text, is_list_item_like, number_marker, strip_bullet};

/// A run of non-blank lines, with the number of blank lines that preceded it: a doubled blank
/// line is where the page had a photo, video or embed that the copy left out.
#[derive(Debug)]
pub(super) struct Para<'a> {
    pub(super) lines: Vec<&'a str>,
    pub(super) gap_before: usize,
}

impl Para<'_> {
    pub(super) fn single_line(&self) -> Option<&str> {
        match self.lines.as_slice() {
            [line] => Some(line),
            _ => None,
        }
    }

    pub(super) fn first_line(&self) -> &str {
        self.lines.first().copied().unwrap_or("")
    }

    pub(super) fn joined(&self) -> String {
        self.lines.join(" ")
    }

    pub(super) fn char_len(&self) -> usize {
        self.lines.iter().map(|l| l.chars().count()).sum()
    }

    pub(super) fn word_count(&self) -> usize {
        self.lines.iter().map(|l| count_words(l)).sum()
    }

    /// A paragraph of running text, as opposed to a label, credit or list.
    pub(super) fn is_prose(&self) -> bool {
        // Asked of every paragraph several times: read no further than the eighth word.
        self.lines.len() == 1 && !has_at_most_words(self.lines[0], 7)
    }
}

pub(super) fn split_paragraphs(text: &str) -> Vec<Para<'_>> {
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
pub(super) fn reflow(paras: &[Para<'_>]) -> Option<String> {
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
    // A mail quote is rendered as one (its own lines decide how), a post keeps its lines above
    // its signature, and a caption its credit line below it.
    let last = lines[lines.len() - 1];
    if quoted_lines(lines).is_some() || parse_signature(last).is_some() || parse_credit(last).is_some() {
        return LineBlock::Lines;
    }
    // A page's header copied without blank lines: the headline over its standfirst, a byline
    // over the time it was updated (and under a section's label, `Wirtschaft›Energie`). Each is a
    // paragraph of its own, as the header is read; a bulleted line among them (`• aus DER
    // SPIEGEL 10/2025`) makes it no list.
    let headline_over_text = index == 0
        && (looks_like_headline_line(lines[0])
            || (is_page_label(lines[0]) && looks_like_headline_line(lines[1])));
    let header_line = |line: &&str| {
        parse_byline(line).is_some()
            || is_timestamp_line(line)
            || stamp_date(line).is_some()
            || publication_stamp(line).is_some()
    };
    // The SCMP's `+ FOLLOW` is a button, not a list's item.
    let bullets = lines
        .iter()
        .filter(|line| {
            (strip_bullet(line).is_some() || number_marker(line).is_some()) && !is_fixed_leftover(line)
        })
        .count();
    // A page's leftover glued by the copy to the one paragraph under or over it (CNN's `Ad
    // Feedback` over a paragraph of text): apart, the leftover goes and the text stays.
    // Only a line that is a leftover whole (not `Click here to read the report, which the` over
    // the rest of its sentence), and not in text wrapped at a width.
    let leftovers = lines.iter().filter(|line| is_fixed_leftover(line)).count();
    let leading = lines.iter().take_while(|line| is_fixed_leftover(line)).count();
    if leftovers > 0
        && leftovers + 1 == lines.len()
        && (leading == leftovers || leading == 0)
        && !is_hard_wrapped(lines)
    {
        return LineBlock::LinePerParagraph;
    }
    // A date printed twice (`22 Dec, 2016` over `22 Dec, 2016`) is one date line.
    let header = (headline_over_text || (index < HEADER_WINDOW && lines.iter().any(header_line)))
        && para_date(para).is_none();
    if header && bullets <= 1 && !is_hard_wrapped(lines) {
        return LineBlock::LinePerParagraph;
    }
    // Lists are rendered as lists, and CJK text wraps without spaces to rejoin it with.
    if bullets > 0 || lines.iter().any(|line| line.chars().any(crate::text::is_cjk)) {
        return LineBlock::Lines;
    }
    if is_hard_wrapped(lines) {
        return LineBlock::Wrapped;
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
pub(super) fn is_hard_wrapped(lines: &[&str]) -> bool {
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
pub(super) fn push_unwrapped(text: &mut String, lines: &[&str]) {
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
