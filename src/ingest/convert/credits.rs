//! Photo credits and captions: `Name/AGENCY`, `Photo: …`, `Photographs by …`, split from the
//! caption they close so the credit becomes metadata and the caption stays visible.

use super::Image;
use super::byline::{BYLINE_LEADS, is_known_agency};
use super::headline::{
    has_trailing_credit_word, last_sentence_break, looks_like_headline_line, starts_capitalised,
};
use super::language::has_at_most_words;
use super::publishers::outlet_named;
use super::summary::{is_abbreviation, is_closing_mark, is_sentence_end, last_word};
use crate::text::strip_prefix_ignore_case;

/// A labelled photo line that gives the caption and then the credit, split so: `Photo: Dredger
/// moored at Portvale quay. James Whitlow/REUTERS` is the caption `Dredger moored at Portvale
/// quay.` and the credit `James Whitlow/REUTERS` (all of it was the credit, which the page then
/// printed as a credit).
pub(super) fn split_labelled_caption(line: &str) -> Option<(&str, &str)> {
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
pub(super) struct Credit {
    pub(super) publisher: Option<String>,
}

pub(super) fn parse_credit(line: &str) -> Option<Credit> {
    let inner = strip_wrapping_parens(line);
    let short = inner.len() <= 440 && inner.chars().count() <= 110 && has_at_most_words(inner, 12);
    if !short || ends_as_sentence(inner) {
        return None;
    }
    if has_credit_label(inner)
        || is_slash_credit(inner, inner.len() < line.len())
        || has_photo_agency_tail(inner)
    {
        return Some(Credit { publisher: None });
    }
    commissioned_for(inner).map(|publisher| Credit { publisher: Some(publisher.to_string()) })
}

fn strip_wrapping_parens(line: &str) -> &str {
    line.strip_prefix('(').and_then(|l| l.strip_suffix(')')).map_or(line, str::trim)
}

pub(super) fn ends_as_sentence(text: &str) -> bool {
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
pub(super) fn is_gallery_headline(line: &str) -> bool {
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

/// `Octavio Jones/REUTERS`, `JIM WATSON/AFP/Getty Images`, `AP Photo/Jane Doe`, and with
/// spaces, `(Ellen M. Banner / The Seattle Times)` in brackets or `Anthony Wallace / AFP - Getty
/// Images` naming an agency or outlet Gazette knows. A spaced slash between other capitalised
/// words is a pair (`Pound Sterling / Euro`, `Hong Kong / Macau`), not a credit.
fn is_slash_credit(text: &str, bracketed: bool) -> bool {
    let Some((name, agency)) = text.split_once('/') else {
        return false;
    };
    let spaced = agency.starts_with(' ');
    let agency = agency.trim_start();
    let name_words = name.split_whitespace().count();
    let known_org = || {
        let first = agency.split(['/', '-', '—', ',']).next().unwrap_or(agency).trim();
        outlet_named(first).is_some() || is_known_agency(first) || has_photo_agency_tail(agency)
    };
    (1..=4).contains(&name_words)
        && name.split_whitespace().all(is_name_word)
        && if spaced {
            name_words >= 2 && (bracketed || known_org())
        } else {
            name_words >= 2 || agency.chars().next().is_some_and(char::is_uppercase)
        }
        && agency.chars().next().is_some_and(char::is_alphabetic)
        && !text.contains("://")
}

/// `Claudio Álvarez (EL PAÍS)`, `Jane Doe (Reuters)`: a photographer's name, then an outlet or
/// an agency Gazette knows, in brackets. Read only where a copy glued it to a caption: on a line
/// of its own it is as often a byline (`Marie Dupont (AFP)`) or a quote's attribution (`Sylvie
/// Kauffmann (Le Monde)` under her words in a press review).
fn is_name_with_outlet(text: &str) -> bool {
    let Some((name, outlet)) = text.strip_suffix(')').and_then(|open| open.rsplit_once(" (")) else {
        return false;
    };
    // `By Jane Doe (Reuters)` is a byline.
    if BYLINE_LEADS.iter().any(|lead| strip_prefix_ignore_case(name, lead).is_some()) {
        return false;
    }
    let name_words = name.split_whitespace().count();
    (2..=4).contains(&name_words)
        && name.split_whitespace().all(is_name_word)
        && (outlet_named(outlet).is_some() || is_known_agency(outlet))
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
pub(super) const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "da", "di", "del", "der", "den", "la", "le", "el", "bin", "al", "dos", "du", "ten",
    "ter", "y",
];

pub(super) fn is_name_word(word: &str) -> bool {
    let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
    let clean = word.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c));
    (starts_upper && clean) || NAME_PARTICLES.contains(&word)
}

/// A line that is only a person's name (two to four name words), e.g. a credit under `Photo`.
pub(super) fn is_bare_name(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=4).contains(&words) && line.split_whitespace().all(is_name_word)
}

/// A caption that carries its credit at the end: `… lab | photo by Jane Doe`,
/// `… plan. Photo by Jane Doe/CNET`, `… QR-Codes. (Bild: Hersteller)`, or, for a caption set
/// apart at the top of the text, `… in Paris Jane Doe/Reuters` and `… Latina. Twitter`.
pub(super) fn split_captioned_credit(line: &str, set_apart: bool) -> Option<Image> {
    const CAPTION_WORDS: usize = 60;
    // The New York Times' credit as a browser copies it, glued to its caption: `…depend on
    // it.Credit...Marcus Hale/The New York Times`.
    // Asked of every paragraph: one fast search for the word, then its dots.
    if let Some(at) = memchr::memmem::rfind(line.as_bytes(), b"Credit") {
        let after = &line[at + "Credit".len()..];
        if let Some(credit) = after.strip_prefix("...").or_else(|| after.strip_prefix('…')) {
            let (caption, credit) = (line[..at].trim(), credit.trim());
            if !caption.is_empty() && has_at_most_words(credit, 8) && parse_credit(credit).is_some() {
                return Some(Image { caption: Some(caption.to_string()), credit: Some(credit.to_string()) });
            }
        }
    }
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
pub(super) fn labelled_credit_start(line: &str) -> Option<usize> {
    const TAIL_BYTES: usize = 120;
    let bytes = line.as_bytes();
    let from = line.len().saturating_sub(TAIL_BYTES).max(1);
    // A word starts after a space, or, where a copy glued the credit to its caption
    // (`…octubre.Claudio Álvarez (EL PAÍS)`), right after a full stop: only the tail's spaces
    // and full stops are looked at. A full stop after a capital closes an initial (`the
    // U.S.President`), not a caption.
    let glued = |start: usize| bytes[start - 1] == b'.';
    let word_starts =
        memchr::memchr2_iter(b' ', b'.', &bytes[from - 1..]).map(|at| from + at).filter(|&start| {
            bytes.get(start).is_some_and(|&b| {
                if glued(start) {
                    b.is_ascii_uppercase() && start >= 2 && !bytes[start - 2].is_ascii_uppercase()
                } else {
                    b != b' '
                }
            })
        });
    for start in word_starts {
        let before = line[..start].trim_end();
        let after_break = before.ends_with(['.', '|', '—', ')']) || before.ends_with(" -");
        let tail = &line[start..];
        if after_break
            && has_at_most_words(tail, 8)
            && (parse_credit(tail).is_some() || (glued(start) && is_name_with_outlet(tail)))
        {
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

/// A photo gallery's caption as Reuters' pages copy: `Item 1 of 2 A Volvo EX30 is displayed …
/// REUTERS/Tom Little/File Photo Purchase Licensing Rights, opens new tab`, and the same caption
/// again as `[1/2]A Volvo EX30 …`. Gives the image (the credit split off where one ends it) and
/// the gallery's words around it, which are page furniture.
pub(super) fn gallery_caption(line: &str) -> Option<(Image, Vec<&str>)> {
    const LICENSING: &[&str] = &[" Purchase Licensing Rights, opens new tab", " Purchase Licensing Rights"];
    let digits = |text: &str| !text.is_empty() && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit());
    let counted = line.strip_prefix("Item ").and_then(|rest| {
        let (number, rest) = rest.split_once(" of ")?;
        let (total, rest) = rest.split_once(' ')?;
        (digits(number) && digits(total)).then(|| (&line[..line.len() - rest.len()], rest))
    });
    let bracketed = || {
        let (count, rest) = line.strip_prefix('[')?.split_once(']')?;
        let (number, total) = count.split_once('/')?;
        (digits(number) && digits(total)).then(|| (&line[..count.len() + 2], rest))
    };
    let (marker, rest) = counted.or_else(bracketed)?;
    let (rest, licensing) =
        match LICENSING.iter().find_map(|tail| rest.strip_suffix(tail).map(|kept| (kept, tail.trim()))) {
            Some((kept, tail)) => (kept, Some(tail)),
            None => (rest, None),
        };
    if rest.trim().is_empty() || !has_at_most_words(rest, 80) {
        return None;
    }
    // A caption ends in its credit or the licensing link; a numbered tweet of a thread (`[1/3]
    // Today I resign…`), a quiz's question or an agenda's item ends in neither.
    let cut = labelled_credit_start(rest);
    if cut.is_none() && licensing.is_none() {
        return None;
    }
    let image = match cut {
        Some(cut) => Image {
            caption: Some(rest[..cut].trim().to_string()),
            credit: Some(rest[cut..].trim().to_string()),
        },
        None => Image { caption: Some(rest.trim().to_string()), credit: None },
    };
    Some((image, std::iter::once(marker.trim()).chain(licensing).collect()))
}

/// `图注：…` or `Caption: …`: a caption that labels itself.
pub(super) fn caption_with_label(line: &str) -> Option<Image> {
    const LABELS: &[&str] = &["图注：", "圖註：", "图：", "Caption:", "Bildunterschrift:"];
    LABELS
        .iter()
        .any(|l| line.starts_with(l))
        .then(|| Image { caption: Some(line.to_string()), credit: None })
}
