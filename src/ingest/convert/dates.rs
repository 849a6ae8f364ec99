//! Dates written in text: month names in several languages, publication stamps
//! (`Published 4 March 2025, 14:02 GMT`), `Updated …` lines and their time zones.

use super::dateline::{is_titled_place, is_year};
use super::furniture::{PUBLISHED_LEADS, UPDATED_LEADS, is_reading_time};
use super::headline::{is_weekday, real_date};
use super::language::has_at_most_words;
use crate::text::strip_prefix_ignore_case;

pub(super) fn month_number(word: &str) -> Option<i8> {
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
pub(super) fn foreign_month_number(word: &str) -> Option<i8> {
    let month = match word.trim_end_matches('.').to_lowercase().as_str() {
        "januar" | "jänner" | "janvier" | "janv" | "enero" | "ene" | "gennaio" | "gen" | "janeiro"
        | "januari" | "jan" => 1,
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
pub(super) fn publication_stamp(line: &str) -> Option<PublicationStamp> {
    // Asked of every paragraph: the cheapest tests first. A stamp is short, so most paragraphs
    // are passed here, read no further than their 25th word.
    if !has_at_most_words(line, 24) {
        return None;
    }
    // A reading time after a dot or a bar goes first: its own full stop (`Lesezeit: 3 Min.`) ends
    // no sentence. (Yahoo's `… 9:14 AM EST·3 min read`, glued on.)
    let line = match line.rsplit_once(['·', '|']) {
        Some((stamp, after)) if is_reading_time(after.trim()) => stamp.trim_end(),
        _ => line,
    };
    // A sentence ends with a period; a stamp only with a time's (`9:10 a.m.`).
    let sentence = line.ends_with('.') && !(line.ends_with("a.m.") || line.ends_with("p.m."));
    if sentence || !line.bytes().any(|b| b.is_ascii_digit()) || !has_at_most_words(line, 20) {
        return None;
    }
    // The Washington Post's `|Published …` (the bar between it and the byline).
    let line = line.trim_start_matches(['|', ' ']);
    if let Some((date, time)) = place_date_time(line) {
        return Some(PublicationStamp { date, led: false, time: Some(time) });
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
    // `3 de marzo de 2024`, `3 de março de 2024`: the date without its `de`s. A browser copy
    // may glue the year to the time after it (NPR's `March 4, 20255:00 AM ET`).
    let mut words: Vec<&str> = rest
        .split_whitespace()
        .filter(|word| !matches!(*word, "de" | "del"))
        .flat_map(|word| {
            let glued = word.len() >= 8
                && word.is_char_boundary(4)
                && is_year(&word[..4])
                && clock_time(&[&word[4..]]).is_some();
            if glued {
                return [&word[..4], &word[4..]].into_iter().take(2);
            }
            // Reuters' `GMT+1Updated 2 hours ago`: the update's word glued to the zone.
            match word.strip_suffix("Updated").filter(|zone| zone_named(zone).is_some()) {
                Some(zone) => [zone, "Updated"].into_iter().take(2),
                None => [word, ""].into_iter().take(1),
            }
        })
        .collect();
    // The Guardian's `Sat 18 May 2024 17.45 BST`: the day of the week says nothing more.
    if words.first().is_some_and(|word| is_weekday(word.trim_end_matches(','))) {
        words.remove(0);
    }
    // The stamp's first time of day is when it was published (a second is the update's).
    let time = clock_time(&words);
    // AP's `Published 9:12 AM EST, Tue March 4, 2025`: the time before the date.
    let mut time_first = false;
    if led && clock_time(&words[..words.len().min(1)]).is_some() {
        let mut skip = 1;
        while words.get(skip).is_some_and(|word| {
            let word = word.trim_end_matches(',');
            matches!(word.to_ascii_lowercase().as_str(), "am" | "pm" | "a.m." | "p.m.")
                || zone_named(word).is_some()
        }) {
            skip += 1;
        }
        words.drain(..skip);
        if words.first().is_some_and(|word| is_weekday(word.trim_end_matches(','))) {
            words.remove(0);
        }
        time_first = true;
    }
    let trim = |word: &str| word.trim_end_matches([',', ':', ';']).to_string();
    let order = digit_order(&lower, &words);
    let (date, taken) = match words.first().map(|first| numeric_date(&trim(first), order)) {
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
    // `Published: November 3, 2026 | Updated: November 4, 2026`: a day with no time, and after
    // the bar when it was changed since (helper-68's review: the line went unread). Every part
    // after the bar must be an update's stamp or a reading time: another (`Updated by Jane Roe`)
    // would be dropped with the line.
    let later_parts = || stamp_parts(line).skip(1);
    if led
        && !time_first
        && matches!(after.clone().next(), Some("|" | "·"))
        && later_parts().all(|part| is_update_stamp(part) || is_reading_time(part))
        && later_parts().any(is_update_stamp)
    {
        return Some(PublicationStamp { date, led, time: None });
    }
    let timed = match after.next() {
        None => led || time_first,
        // `at`, and `à`, `às`, `um`, `alle` and `a las` in the other languages.
        Some(word)
            if (led || word == "at")
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
        matches!(word.as_str(), "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m" | "uhr")
            || zone_named(&word.to_ascii_uppercase()).is_some()
            || clock_time(&[&word]).is_some()
    });
    // Reuters' `March 4, 2025 4:58 PM GMT Updated 2 hours ago`: when the story changed since, as
    // a date or an age (not a timeline's `3:42 a.m.: Updated tallies show…`).
    let byline_or_nothing = match after.next() {
        None => true,
        // `PUBLISHED: March 3, 2025 at 9:47 PM EST | UPDATED: …`, `Publié le 4 mars 2025 à
        // 06h00, modifié le 4 mars 2025 à 10h27`: when it was changed since.
        Some("|" | "·") if led => {
            after.next().is_some_and(is_update_word)
                && after.any(|word| word.bytes().any(|b| b.is_ascii_digit()))
        }
        Some(word) if led && !word.eq_ignore_ascii_case("updated") && is_update_word(word) => {
            after.any(|word| word.bytes().any(|b| b.is_ascii_digit()))
        }
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
    byline_or_nothing.then_some(PublicationStamp { date, led, time })
}

/// The parts of a stamp line, apart at its bars and dots (`Published: … | Updated: … · 3 min
/// read`), trimmed.
fn stamp_parts(line: &str) -> impl Iterator<Item = &str> {
    line.split(" | ").flat_map(|part| part.split(" · ")).map(str::trim)
}

/// The `Updated …` part of a stamp line (`March 4, 2025 4:58 PM GMT Updated March 4, 2025 6:10
/// PM GMT`, `PUBLISHED: … | UPDATED: March 4, 2025`), from its word `Updated` on, in any case.
pub(super) fn update_after_stamp(line: &str) -> Option<&str> {
    // A part after a bar or a dot, in the languages the update's words are read in
    // (`Veröffentlicht am 03.03.2025 | Aktualisiert am 04.03.2025`).
    let led = stamp_parts(line)
        .skip(1)
        .find(|part| UPDATED_LEADS.iter().any(|lead| strip_prefix_ignore_case(part, lead).is_some()));
    if led.is_some() {
        return led;
    }
    // ASCII lower case keeps every byte where it was, so an offset in it is one in the line.
    let lower = line.to_ascii_lowercase();
    lower.find(" updated ").or_else(|| lower.find(" updated:")).map(|at| &line[at + 1..])
}

/// A part of a stamp line that is an update's stamp and nothing more: its word, then a date with
/// at most its time and zone (`Updated March 4, 2025 at 10:01 a.m.`, `Aktualisiert am
/// 04.03.2025`), not a note (`Updated March 4, 2025, to include comment from the mayor`, `…
/// by Jane Roe`), which would go with the line. Read as a publication stamp of the same shape.
fn is_update_stamp(part: &str) -> bool {
    UPDATED_LEADS.iter().find_map(|lead| strip_prefix_ignore_case(part, lead)).is_some_and(|rest| {
        let rest = rest.trim_start_matches([':', ' ']);
        publication_stamp(&format!("Published {rest}")).is_some()
    })
}

/// An update line that names after a bar or a dot when the story was published (`Updated:
/// November 4, 2026 | Published: November 3, 2026 | 3 min read`): the update's part, and the
/// publication's stamp. helper-68's review: the update's date dated the story.
pub(super) fn update_then_published(line: &str) -> Option<(&str, PublicationStamp)> {
    let (update, rest) = line.split_once(" | ").or_else(|| line.split_once(" · "))?;
    let stamp = stamp_parts(rest)
        // `Stand:` (as of) is when the page was last changed, not when the story was published.
        .filter(|part| {
            PUBLISHED_LEADS
                .iter()
                .any(|lead| *lead != "stand:" && strip_prefix_ignore_case(part, lead).is_some())
        })
        .find_map(publication_stamp)?;
    Some((update.trim(), stamp))
}

/// What [`publication_stamp`] read: the date, and whether a word (`Published`) said what the line
/// is, or only a time after the date did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PublicationStamp {
    pub(super) date: (i16, i8, i8),
    pub(super) led: bool,
    /// The time of day it gave, and the zone it named with it.
    pub(super) time: Option<ClockTime>,
}

/// El País's stamp, `Madrid - 04 mar 2025 - 13:42 CET`: where, the day, and the time, between
/// dashes.
fn place_date_time(line: &str) -> Option<((i16, i8, i8), ClockTime)> {
    if !line.contains(" - ") && !line.contains(" – ") {
        return None;
    }
    let spaced = line.replace('\u{a0}', " ").replace(" – ", " - ");
    let [place, date, time] = spaced.split(" - ").collect::<Vec<_>>()[..] else { return None };
    let place_like = is_titled_place(place);
    let time_words: Vec<&str> = time.split_whitespace().collect();
    if !place_like || time_words.len() > 2 {
        return None;
    }
    Some((parse_full_date(date)?, clock_time(&time_words)?))
}

/// A word that says a stamp's second date is when the story changed (`Updated`, `modifié`,
/// `actualizado`, `aktualisiert`), with the colon some sites put after it.
fn is_update_word(word: &str) -> bool {
    matches!(
        word.trim_end_matches(':').to_lowercase().as_str(),
        "updated"
            | "modified"
            | "modifié"
            | "mis"
            | "actualizado"
            | "aktualisiert"
            | "atualizado"
            | "aggiornato"
            | "bijgewerkt"
    )
}

/// The order a date of digits is written in, as the line around it tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DigitOrder {
    /// `3/4/2025` is 4 March: beside an American time zone.
    MonthFirst,
    /// `3/4/2025` is 3 April: beside a European, Hong Kong, Singapore or Australian zone (`BST`,
    /// `CET`, `HKT`, `AEST`), or after words in a language whose countries write the day first
    /// (`Publié le`, `Stand:`).
    DayFirst,
    /// Nothing tells: only dates whose numbers allow one reading are read.
    Unknown,
}

/// [`DigitOrder`] for a stamp: `lower` is its line in lower case, `words` its words.
fn digit_order(lower: &str, words: &[&str]) -> DigitOrder {
    const DAY_FIRST_LEADS: &[&str] = &[
        "publié",
        "mis à jour",
        "veröffentlicht",
        "aktualisiert",
        "stand:",
        "publicado",
        "actualizado",
        "atualizado",
        "pubblicato",
        "aggiornato",
    ];
    let mut order = DigitOrder::Unknown;
    for word in words {
        let word = word.trim_end_matches([',', '.', ';', ')']).trim_start_matches('(');
        // An offset (`GMT-3`) names no country: São Paulo writes day first, New York month first.
        let Some(&(_, zone)) = ZONES.iter().find(|(abbreviation, _)| *abbreviation == word) else { continue };
        // New York's to Los Angeles's, or UTC−4 to UTC−8; `UTC` and `GMT` say nothing (both
        // sides of the Atlantic write them), nor do Japan's and Korea's (year first); Europe's,
        // Hong Kong's, Singapore's and Australia's do.
        if zone.starts_with("America/") || zone.starts_with("Etc/GMT+") {
            return DigitOrder::MonthFirst;
        }
        if zone.starts_with("Etc/GMT-") || matches!(zone, "Asia/Hong_Kong" | "Asia/Singapore") {
            order = DigitOrder::DayFirst;
        }
    }
    if DAY_FIRST_LEADS.iter().any(|lead| lower.starts_with(lead)) {
        order = DigitOrder::DayFirst;
    }
    order
}

/// `2/26/2015` as (year, month, day), read in `order`; whatever the order, the day first when
/// the first number is above 12, the month first when the second is. Dotted dates
/// (`31.12.2025`) are day first and ISO dates (`2025-12-31`) are read as ISO writes them.
pub(super) fn numeric_date(word: &str, order: DigitOrder) -> Option<(i16, i8, i8)> {
    if word.len() == 10 && word.as_bytes()[4] == b'-' && word.as_bytes()[7] == b'-' {
        let date = word.parse::<jiff::civil::Date>().ok()?;
        return Some((date.year(), date.month(), date.day()));
    }
    // `31.12.2025`: dots between the numbers are written day first, in every country that
    // writes them (a word with no `/` is read as dotted, or not at all).
    let dotted = !word.contains('/');
    let mut parts = word.split(if dotted { '.' } else { '/' });
    let (Some(a), Some(b), Some(year), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if !is_year(year) || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b): (i8, i8) = (a.parse().ok()?, b.parse().ok()?);
    let (month, day) = match (a, b) {
        _ if dotted => (b, a),
        (13.., _) => (b, a),
        (_, 13..) => (a, b),
        // `11/11/2019` reads the same either way.
        _ if order == DigitOrder::MonthFirst || a == b => (a, b),
        _ if order == DigitOrder::DayFirst => (b, a),
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
pub(super) fn updated_date(line: &str) -> Option<UpdatedAt> {
    let rest = UPDATED_LEADS.iter().find_map(|lead| strip_prefix_ignore_case(line, lead))?;
    let words: Vec<&str> = rest.split_whitespace().filter(|word| !matches!(*word, "de" | "del")).collect();
    let date = words
        .windows(3)
        .find_map(|three| parse_full_date(three.join(" ").trim_end_matches(['.', ';', ','])))
        .or_else(|| {
            // `Actualizado: 11/11/2019 09:30`: digits, in the order the line's language or zone
            // writes them.
            let order = digit_order(&line.to_lowercase(), &words);
            words.iter().find_map(|word| numeric_date(word.trim_end_matches([',', ';', ':']), order))
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
    // East Asia's and Australia's. (Not `IST`: India's, Israel's and Ireland's.)
    ("HKT", "Asia/Hong_Kong"),
    ("SGT", "Asia/Singapore"),
    ("JST", "Asia/Tokyo"),
    ("KST", "Asia/Seoul"),
    ("AEST", "Etc/GMT-10"),
    ("AEDT", "Etc/GMT-11"),
];

/// The zone of the abbreviation `word` (`ET`, `PST`), as [`ZONES`] lists it, or of an offset
/// from GMT or UTC in whole hours (Reuters' `GMT+1`, `UTC-05:00`).
fn zone_named(word: &str) -> Option<&'static str> {
    ZONES
        .iter()
        .find(|(abbreviation, _)| *abbreviation == word)
        .map(|(_, zone)| *zone)
        .or_else(|| zone_of_offset(word))
}

/// The tz database's fixed zones for UTC−12 to UTC+14, whose names' signs are POSIX's: UTC+1 is
/// `Etc/GMT-1`.
const OFFSET_ZONES: [&str; 27] = [
    "Etc/GMT+12",
    "Etc/GMT+11",
    "Etc/GMT+10",
    "Etc/GMT+9",
    "Etc/GMT+8",
    "Etc/GMT+7",
    "Etc/GMT+6",
    "Etc/GMT+5",
    "Etc/GMT+4",
    "Etc/GMT+3",
    "Etc/GMT+2",
    "Etc/GMT+1",
    "UTC",
    "Etc/GMT-1",
    "Etc/GMT-2",
    "Etc/GMT-3",
    "Etc/GMT-4",
    "Etc/GMT-5",
    "Etc/GMT-6",
    "Etc/GMT-7",
    "Etc/GMT-8",
    "Etc/GMT-9",
    "Etc/GMT-10",
    "Etc/GMT-11",
    "Etc/GMT-12",
    "Etc/GMT-13",
    "Etc/GMT-14",
];

/// `GMT+1`, `GMT-5`, `UTC+05:00`: the fixed zone of a whole hour's offset, or, for a half or
/// three quarters (`GMT+5:30`), the zone of the one country that keeps it all year and has kept
/// it for years (not Iran's `+3:30`, which had summer time until 2022).
fn zone_of_offset(word: &str) -> Option<&'static str> {
    const PART_HOURS: &[(&str, &str)] = &[
        ("+4:30", "Asia/Kabul"),
        ("+5:30", "Asia/Kolkata"),
        ("+5:45", "Asia/Kathmandu"),
        ("+6:30", "Asia/Yangon"),
        ("+9:30", "Australia/Darwin"),
    ];
    let offset = word.strip_prefix("GMT").or_else(|| word.strip_prefix("UTC"))?;
    let unpadded = offset.replacen("+0", "+", 1);
    if let Some((_, zone)) = PART_HOURS.iter().find(|(part, _)| *part == unpadded) {
        return Some(zone);
    }
    let (sign, hours) = match offset.as_bytes().first()? {
        b'+' => (1, &offset[1..]),
        b'-' => (-1, &offset[1..]),
        _ => return None,
    };
    let hours = hours.strip_suffix(":00").unwrap_or(hours);
    if !(1..=2).contains(&hours.len()) || !hours.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = hours.parse().ok()?;
    OFFSET_ZONES.get(usize::try_from(sign * hours + 12).ok()?).copied()
}

/// A time of day (hour and minute, 24-hour) and the IANA zone named with it, if any.
pub(super) type ClockTime = ((i8, i8), Option<&'static str>);

/// The first `H:MM` in `words`, made 24-hour by an `a.m.`/`PM` after it, and the time zone an
/// abbreviation after that names ([`ZONES`]).
pub(super) fn clock_time(words: &[&str]) -> Option<ClockTime> {
    let is_marker = |word: Option<&&str>| {
        word.map(|w| w.trim_end_matches([',', ';']).to_ascii_lowercase())
            .is_some_and(|w| matches!(w.as_str(), "am" | "a.m." | "a.m" | "pm" | "p.m." | "p.m"))
    };
    // `9:30`, French `10h30`, or British `17.45` when a zone follows it (alone it may be a
    // figure); `10:12am` with its marker glued on (the SCMP's); `7 AM`, an hour alone, only
    // with its marker.
    let split = |at: usize| {
        let word = words[at].trim_end_matches([',', '.', ';']);
        let word = word.strip_suffix("am").or_else(|| word.strip_suffix("pm")).unwrap_or(word);
        if (1..=2).contains(&word.len())
            && word.bytes().all(|b| b.is_ascii_digit())
            && is_marker(words.get(at + 1))
        {
            return Some((word, "00"));
        }
        let zone_after = || {
            words
                .get(at + 1)
                .is_some_and(|next| zone_named(next.trim_end_matches([',', '.', ';', ')'])).is_some())
        };
        let (h, m) = word.split_once(':').or_else(|| word.split_once('h')).or_else(|| {
            let uhr = || words.get(at + 1).is_some_and(|next| next.eq_ignore_ascii_case("uhr"));
            word.split_once('.').filter(|_| zone_after() || uhr())
        })?;
        ((1..=2).contains(&h.len()) && m.len() == 2 && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
            .then_some((h, m))
    };
    let at = (0..words.len()).find(|&at| split(at).is_some())?;
    let (hour, minute) = split(at)?;
    let (mut hour, minute): (i8, i8) = (hour.parse().ok()?, minute.parse().ok()?);
    let mut next = at + 1;
    let glued = words[at].trim_end_matches([',', '.', ';']);
    let glued = [("am", "am"), ("pm", "pm")]
        .into_iter()
        .find(|(suffix, _)| glued.ends_with(suffix) && glued.len() > 2)
        .map(|(_, marker)| marker.to_string());
    let marker = glued
        .clone()
        .or_else(|| words.get(next).map(|w| w.trim_end_matches([',', ';']).to_ascii_lowercase()));
    match marker.as_deref() {
        Some("am" | "a.m." | "a.m") => {
            hour %= 12;
            next += usize::from(glued.is_none());
        }
        Some("pm" | "p.m." | "p.m") => {
            hour = hour % 12 + 12;
            next += usize::from(glued.is_none());
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
pub(super) fn parse_full_date(text: &str) -> Option<(i16, i8, i8)> {
    let (month, day, year) = parse_month_day(text)?;
    real_date((year?, month, day))
}
