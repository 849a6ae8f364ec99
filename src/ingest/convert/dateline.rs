//! Datelines: `PLACE, Month D (AGENCY) —` at the start of a lede, read into place, date and
//! agency.

use super::Dateline;
use super::byline::is_known_agency;
use super::dates::parse_month_day;
use super::headline::is_section_label;

pub(super) struct ParsedDateline {
    pub(super) dateline: Dateline,
    /// Byte offset in the line where the lede text starts after the dateline.
    pub(super) rest: usize,
}

pub(super) fn parse_dateline(line: &str) -> Option<ParsedDateline> {
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
    // Le Figaro's `DÉCRYPTAGE - Les syndicats…`: a section's label, no place.
    if agency.is_none() && is_section_label(&place) {
        return None;
    }
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
        // CNN's dateline since 2023 has no brackets: `Washington CNN —`.
        if let Some(main) = prefix.strip_suffix(" CNN").map(str::trim_end).filter(|main| !main.is_empty()) {
            return Some((main.trim_end_matches(','), Some("CNN".to_string())));
        }
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

pub(super) fn is_titled_place(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=4).contains(&words)
        && text.split_whitespace().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || ".'’-".contains(c))
        })
}

pub(super) fn is_year(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}
