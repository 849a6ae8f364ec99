//! Headlines and subheads: what a headline line looks like, and the lines near it that are no
//! headline (labels, contact lines, credits lines).

use super::byline::{is_known_agency, parse_byline};
use super::credits::{NAME_PARTICLES, parse_credit};
use super::dateline::parse_dateline;
use super::dates::{DigitOrder, numeric_date, parse_full_date, parse_month_day};
use super::furniture::{is_kicker, is_timestamp_line};
use super::language::{count_words, has_at_most_words};
use super::lists::number_marker;
use super::paragraphs::Para;
use super::summary::{is_abbreviation, is_closing_mark, last_word, sentence_breaks};
use super::wire::wire_note;
use crate::text::is_cjk;
use crate::text::strip_prefix_ignore_case;

/// How many paragraphs at the top may be header lines (byline, kickers, time stamps).
pub(super) const HEADER_WINDOW: usize = 4;

/// How many paragraphs at the top a date on a line of its own is looked for in: below the
/// headline, a standfirst, a photo with its caption and credit, and leftovers such as `Image`.
pub(super) const STAMP_WINDOW: usize = 8;

/// The date of a paragraph that is nothing but a date, on one line or repeated on several.
pub(super) fn para_date(para: &Para<'_>) -> Option<(i16, i8, i8)> {
    let mut dates = para.lines.iter().map(|line| stamp_date(line));
    let date = dates.next()??;
    dates.all(|other| other == Some(date)).then_some(date)
}

/// The date a line gives when it is nothing but a date with its year, its weekday allowed:
/// `Feb. 21, 2019`, `Sept. 25, 2018`, `22 Dec, 2016`, `22 December 2016`, `2019-02-21`, `Monday,
/// November 23, 2026`, `Mittwoch, 31.12.2025`, `le 4 mars 2025`, `13/03/2025` (digits only where
/// they allow one reading, or with dots, which only the day-first countries write).
pub(super) fn stamp_date(line: &str) -> Option<(i16, i8, i8)> {
    // Most paragraphs are longer than any date, with its update in brackets: no parsing for those.
    if line.len() > 120 {
        return None;
    }
    let line = line.trim().trim_end_matches(['.', ',']);
    // Corriere's `4 marzo 2025 (modifica il 4 marzo 2025 | 19:05)`: the update in brackets.
    let line = match line.split_once(" (") {
        Some((date, aside))
            if aside.ends_with(')')
                && ["modifica", "updated", "aggiornato", "actualizado", "mis à jour", "aktualisiert"]
                    .iter()
                    .any(|word| strip_prefix_ignore_case(aside, word).is_some()) =>
        {
            date
        }
        _ => line,
    };
    // Most paragraphs are longer than any date: no parsing for those.
    if line.len() > 32 {
        return None;
    }
    let line = ["le ", "el ", "am ", "il "]
        .iter()
        .find_map(|article| strip_prefix_ignore_case(line, article))
        .unwrap_or(line);
    let line = match line.split_once(' ') {
        Some((weekday, rest)) if is_weekday(weekday.trim_end_matches(',')) => rest.trim_start(),
        _ => line,
    };
    if let Some(date) = parse_full_date(line) {
        return Some(date);
    }
    if !line.contains(' ')
        && let Some(date) = numeric_date(line, DigitOrder::Unknown)
    {
        return Some(date);
    }
    // `22 December 2016` is a full date to `parse_full_date`, as `December 22, 2016` is.
    let date =
        line.parse::<jiff::civil::Date>().ok().filter(|_| line.len() == 10 && line.as_bytes()[4] == b'-')?;
    Some((date.year(), date.month(), date.day()))
}

/// Whether `word` names a day of the week, in full or cut to three letters (`Monday`, `Mon`).
/// Also in full in the other languages the converter reads dates in (`Mittwoch`, `mardi`,
/// `martes`, `mercoledì`, `quarta-feira`, `woensdag`).
pub(super) fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    const OTHER_DAYS: &[&str] = &[
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonnabend",
        "sonntag",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "lunes",
        "martes",
        "miércoles",
        "miercoles",
        "jueves",
        "viernes",
        "sábado",
        "sabado",
        "domingo",
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ];
    let word = word.trim_end_matches('.');
    if !word.is_ascii() || word.len() > 9 {
        let lower = word.to_lowercase();
        return OTHER_DAYS.contains(&lower.as_str());
    }
    let word = word.to_ascii_lowercase();
    DAYS.iter().any(|day| *day == word || (word.len() == 3 && day.starts_with(&word)))
        || OTHER_DAYS.contains(&word.as_str())
}

/// `date` when the calendar has it: a text may say `Feb. 30`, which no page can be dated.
pub(super) fn real_date(date: (i16, i8, i8)) -> Option<(i16, i8, i8)> {
    jiff::civil::Date::new(date.0, date.1, date.2).ok().map(|_| date)
}

pub(super) fn looks_like_headline(first: &Para<'_>, next: Option<&Para<'_>>) -> bool {
    let Some(line) = first.single_line() else {
        return false;
    };
    let Some(next) = next else { return false };
    (looks_like_headline_line(line) || is_short_headline(line, next))
        && !restated_by(line, next)
        && !continued_by_aside(next)
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
pub(super) fn is_section_label(line: &str) -> bool {
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
        // The same in the other languages read.
        "décryptage",
        "analyse",
        "enquête",
        "reportage",
        "entretien",
        "tribune",
        "exclusif",
        "récit",
        "éditorial",
        "kommentar",
        "exklusiv",
        "análisis",
        "exclusiva",
        "opinión",
        "entrevista",
        "reportaje",
        "analisi",
        "esclusiva",
        "intervista",
        "commento",
    ];
    let line = line.trim();
    line.len() <= 24 && LABELS.iter().any(|label| line.to_lowercase() == *label)
}

/// A site's name for its section, as it prints one over a headline: a breadcrumb
/// (`News|Environment`, `Wirtschaft›Energie`, `Politics > Congress`) or one capitalised word, or
/// two in capitals (`California`, `CONGRESS`, `LOCAL NEWS`), with no digit and no sentence's
/// ending. Two words in title case are as often a headline (`Museum Reopens`), and `Interview |
/// Olivia Colman` is one, so neither is a label. [`super::layout::Layout`] takes a label only
/// over a longer headline.
pub(super) fn is_page_label(line: &str) -> bool {
    const SEPARATORS: &[char] = &['|', '›', '»', '>', '/'];
    let short = |piece: &str, words: usize| {
        let piece = piece.trim();
        !piece.is_empty()
            && has_at_most_words(piece, words)
            && piece.chars().count() <= 30
            && piece.split_whitespace().all(starts_capitalised)
            && !piece.chars().any(|c| c.is_ascii_digit())
            && !ends_as_sentence_or_clause(piece)
    };
    // `|` and `/` set apart by spaces join a headline's parts, not a breadcrumb's.
    let spaced = [" | ", " / "].iter().any(|separator| line.contains(separator));
    let mut pieces = line.split(SEPARATORS);
    let breadcrumb = line.contains(SEPARATORS)
        && !spaced
        && pieces.clone().count() <= 4
        && pieces.all(|piece| short(piece, 3));
    let capitals = line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase);
    let words = if capitals { 2 } else { 1 };
    // The outlet a portal took the story from (Yahoo's `Associated Press` over the headline).
    breadcrumb
        || is_paired_section(line)
        || is_known_agency(line)
        || (short(line, words) && parse_byline(line).is_none() && !is_timestamp_line(line))
}

/// Two sections' names joined by `&`, both of them sections newspapers have (`Arts & Culture`,
/// `Health & Wellness`, Reuters' `Autos & Transportation`): a label alone over the headline.
/// `Salt & Pepper`, `Law & Order` and `Crime & Punishment` are a review's, a show's, a book's.
fn is_paired_section(line: &str) -> bool {
    const SECTIONS: &[&str] = &[
        "arts",
        "culture",
        "autos",
        "transportation",
        "transport",
        "health",
        "wellness",
        "wellbeing",
        "science",
        "tech",
        "technology",
        "food",
        "drink",
        "style",
        "travel",
        "business",
        "finance",
        "politics",
        "world",
        "sport",
        "sports",
        "books",
        "music",
        "film",
        "tv",
        "media",
        "environment",
        "climate",
        "energy",
        "markets",
        "money",
        "life",
        "lifestyle",
        "fashion",
        "beauty",
        "home",
        "garden",
        "education",
        "family",
        "society",
        "opinion",
        "crime",
        "justice",
        "law",
        "weather",
        "entertainment",
        "games",
        "religion",
        "faith",
        "economy",
        "industry",
        "retail",
        "property",
        "housing",
        "jobs",
        "aerospace",
        "telecom",
        "telecoms",
        "consumer",
        "healthcare",
        "pharmaceuticals",
        "wine",
        "dining",
        "cars",
        "motoring",
        "gadgets",
        "gaming",
        "fitness",
        "nutrition",
        "parenting",
        "relationships",
        "careers",
        "leisure",
        "design",
        "commodities",
        "sustainability",
        "innovation",
        "security",
        "defense",
        "defence",
    ];
    let word = |piece: &str| {
        starts_capitalised(piece) && !piece.contains(' ') && piece.chars().all(char::is_alphabetic)
    };
    line.split_once(" & ").is_some_and(|(first, second)| {
        word(first)
            && word(second)
            && [first, second].iter().all(|piece| SECTIONS.contains(&piece.to_lowercase().as_str()))
    })
}

/// A section of news under another label (`City News` under `News`, as the Times of India stacks
/// them); alone, `Fake News` and `Good News` are headlines.
pub(super) fn is_news_section(line: &str) -> bool {
    line.ends_with(" News")
        && has_at_most_words(line, 3)
        && line.split_whitespace().all(starts_capitalised)
        && !line.chars().any(|c| c.is_ascii_digit())
}

/// A line shaped like a headline, whatever follows it: a few words to a long sentence's worth,
/// capitalised, not ending as a sentence, and not a byline, dateline, time stamp or kicker.
pub(super) fn looks_like_headline_line(line: &str) -> bool {
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
pub(super) fn starts_capitalised(line: &str) -> bool {
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
pub(super) fn has_trailing_credit_word(line: &str) -> bool {
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

pub(super) fn last_sentence_break(text: &str) -> Option<usize> {
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

pub(super) fn is_subhead(line: &str) -> bool {
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
pub(super) fn is_labelled_line(line: &str) -> bool {
    // `21) Star Wars: The Last Jedi` is a numbered subhead, its colon part of a title.
    number_marker(line).is_none()
        && line.split_once(": ").is_some_and(|(label, rest)| !rest.is_empty() && has_at_most_words(label, 3))
}

/// `Contact: press@example.org | Phone: …`, `Media enquiries: …`: how to reach a press office.
pub(super) fn is_contact_line(line: &str) -> bool {
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
pub(super) fn is_credits_line(line: &str) -> bool {
    const LEADS: &[&str] =
        &["reporting by", "additional reporting", "editing by", "writing by", "compiled by", "(reporting by"];
    LEADS.iter().any(|lead| strip_prefix_ignore_case(line, lead).is_some())
}
