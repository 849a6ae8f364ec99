//! Sentences, the summary and an inferred title: where sentences end (abbreviations aside),
//! and how a summary or a title is cut from the lede without ending inside a quotation.

use super::headline::is_weekday;
use super::language::count_words;
use crate::text::is_cjk;

pub(super) const SUMMARY_WORDS: usize = 60;

pub(super) fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』' | '）')
}

pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

pub(super) fn last_word(text: &str) -> &str {
    text.split_whitespace().next_back().unwrap_or("")
}

/// Lower-case abbreviations whose full stop does not end a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "jr",
    "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
    "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "pres", "rev", "hon", "atty", "dept", "univ", "approx",
    "fig", "al", "calif", "fla", "mass", "wash", "ariz", "penn", "conn", "ill",
];

/// The length of the longest of [`ABBREVIATIONS`]. They are all ASCII, so no longer word can
/// lower-case to one of them, and nor can a word with another character (the one such letter
/// that lower-cases to ASCII, the Kelvin sign, makes a `k`, which none has; a test keeps it so).
pub(super) const LONGEST_ABBREVIATION: usize = 6;

/// Abbreviations whose full stop does not end a sentence: titles, months, initials, `U.S.`.
pub(in crate::ingest) fn is_abbreviation(word_with_period: &str) -> bool {
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
pub(super) fn sentence_ends(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let firsts =
        text.bytes().enumerate().filter(|(_, b)| matches!(b, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF));
    firsts.filter_map(|(i, _)| text[i..].chars().next().filter(|&c| is_sentence_end(c)).map(|c| (i, c)))
}

/// Byte offsets where a new sentence starts.
pub(super) fn sentence_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
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
pub(super) fn summarise(text: &str) -> String {
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
pub(super) struct QuoteBalance {
    /// German quotes, `„…“`, in which `“` closes.
    low_opens: bool,
    curly_open: isize,
    straight: usize,
}

impl QuoteBalance {
    pub(super) fn read(&mut self, text: &str) {
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

    pub(super) fn closed(&self) -> bool {
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
pub(super) fn infer_title(lede: &str) -> String {
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

pub(super) fn normalise_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
