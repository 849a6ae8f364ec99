//! Bylines: `By …` lines, taglines and agency credits read into authors and a source, with
//! the furniture around names (roles, outlets, places) set aside.

use super::credits::{ends_as_sentence, is_bare_name, is_name_word};
use super::dateline::is_titled_place;
use super::dates::{parse_full_date, parse_month_day};
use super::furniture::is_timestamp_line;
use super::headline::starts_capitalised;
use super::language::has_at_most_words;
use crate::text::strip_prefix_ignore_case;

#[derive(Debug)]
pub(super) struct Byline {
    pub(super) line: String,
    pub(super) authors: Vec<String>,
    pub(super) agency: Option<String>,
    /// What the line said besides names and publisher (a role, a date, a reading time): page
    /// furniture, listed with the other leftovers so that no word vanishes unreported.
    pub(super) leftovers: Vec<String>,
}

/// How many of the last paragraphs of text are looked at for taglines: two writers' bios, a
/// contributors' line and a correction close some stories.
pub(super) const TAGLINE_WINDOW: usize = 6;

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
pub(super) fn tagline_names(text: &str) -> Vec<String> {
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
pub(super) fn writer_name(text: &str) -> Option<String> {
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
pub(super) const BYLINE_LEADS: &[&str] =
    &["by ", "written by ", "words by ", "von ", "par ", "por ", "door "];

/// `By Jane Doe and John Roe, Reuters`, `By Jane Doe | Reuters | November 19, 2024`,
/// `By Jane Doe (AP)`, `By Jane Doe for The Guardian`, `Par Marie Dupont, avec AFP`, or, without
/// a lead word, `Jane Doe, Reuters`. A part after a separator that is neither a publisher nor
/// page furniture (a date, a time, a reading time) makes the line no byline: it then stays in
/// the body whole, rather than lose what was not understood.
pub(super) fn parse_byline(line: &str) -> Option<Byline> {
    if !has_at_most_words(line, 20) {
        return None;
    }
    // ABC's `ByNathan Pryor` (the lead glued to the name by a copy), Corriere's `di Giulia
    // Ferraresi` (in lower case only: `Di Maio said` opens a sentence). (Not `Author:`: in a
    // review or a festival's page it names the book's author.)
    let glued = line.strip_prefix("By").filter(|rest| rest.starts_with(|c: char| c.is_uppercase()));
    let lead = BYLINE_LEADS
        .iter()
        .find_map(|lead| strip_prefix_ignore_case(line, lead))
        .or(glued)
        .or_else(|| line.strip_prefix("di "));
    let (rest, explicit) = match lead {
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
    } else if let Some(open) = names_part.strip_suffix(')').and_then(|inner| inner.rfind(" ("))
        && explicit
        && has_at_most_words(&names_part[open..], 4)
    {
        // Le Monde's `Par Claire Vasseur (Lyon, correspondante)`: where from and in what role,
        // reported with the leftovers.
        leftovers.push(names_part[open + 1..].to_string());
        names_part = names_part[..open].trim_end();
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
    // The Wall Street Journal's `By Collin Reyes Follow and Hannah Marsh Follow`: each name's
    // button, copied with it.
    // Only where two words of a name are left: `By Matt Follow` is Matt Follow.
    let full_names = names_part.split(" and ").flat_map(|part| part.split(", ")).all(|name| {
        name.trim().strip_suffix(" Follow").is_some_and(|rest| rest.split_whitespace().count() >= 2)
    });
    let unfollowed = if full_names {
        let unfollowed = names_part.replace(" Follow and ", " and ").replace(" Follow, ", ", ");
        unfollowed.strip_suffix(" Follow").unwrap_or(&unfollowed).to_string()
    } else {
        names_part.to_string()
    };
    if unfollowed != names_part {
        leftovers.push("Follow".to_string());
    }
    let names_part = unfollowed.as_str();
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
    // `Von Jonas Wehrmann, Göttingen`: one word after full names is where the writer filed from,
    // reported with the leftovers; no one is named with one word beside colleagues with two.
    if explicit
        && segments.len() > 1
        && segments.last().is_some_and(|last| !last.contains(' ') && starts_capitalised(last))
        && segments[..segments.len() - 1].iter().all(|name| name.split_whitespace().count() >= 2)
    {
        leftovers.push(segments.pop().unwrap_or_default());
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
pub(super) fn is_generic_writer(name: &str) -> bool {
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
pub(super) fn names_in_place(line: &str) -> Option<Byline> {
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
    // The writer's address (`cwendt@ridgefieldcourier.com`), which papers print by the name.
    let email = !part.contains(' ')
        && part.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    email
        || is_timestamp_line(part)
        || parse_month_day(part).is_some()
        || parse_full_date(part).is_some()
        || (lower.ends_with(" read")
            && lower.split_whitespace().next().is_some_and(|n| n.parse::<u32>().is_ok()))
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
    (2..=6).contains(&words.len())
        && words.iter().all(|w| starts_capitalised(w))
        && (words[0] == "The" || ends_with_masthead_word(&words))
}

/// A name of two to six capitalised words whose last is a masthead's (`Portvale Daily Courier`,
/// `The Harbour Ledger`), where a `The` alone says too little: `The Andy Warhol Foundation`.
pub(super) fn is_masthead_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| starts_capitalised(w))
        && ends_with_masthead_word(&words)
}

fn ends_with_masthead_word(words: &[&str]) -> bool {
    words.last().is_some_and(|last| MASTHEAD_WORDS.contains(&last.to_lowercase().as_str()))
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
    "zeitung",
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
pub(super) fn is_affiliation(segment: &str) -> bool {
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

pub(super) fn is_known_agency(segment: &str) -> bool {
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
pub(super) fn publisher_name(agency: &str) -> String {
    match agency.to_lowercase().as_str() {
        "ap" | "the associated press" | "associated press" => "Associated Press".to_string(),
        "afp" => "Agence France-Presse".to_string(),
        "upi" => "United Press International".to_string(),
        "pa" | "pa media" | "press association" | "the press association" => "Press Association".to_string(),
        _ => agency.to_string(),
    }
}

/// First words of places', teams' and institutions' names (`New York`, `Real Madrid`, `Supreme
/// Court`): a line opening with one under the headline is a label, not a writer.
const PLACE_FIRST: &[&str] = &[
    "New",
    "Los",
    "Las",
    "San",
    "Santa",
    "Hong",
    "Buenos",
    "Middle",
    "North",
    "South",
    "East",
    "West",
    "Saint",
    "St.",
    "Sri",
    "Costa",
    "Puerto",
    "Tel",
    "Kuala",
    "Cape",
    "Port",
    "Fort",
    "Mount",
    "Lake",
    "Upper",
    "Lower",
    "Greater",
    "Central",
    "United",
    "Rio",
    "Addis",
    "Phnom",
    "Real",
    "Premier",
    "Champions",
    "Wall",
    "Supreme",
    "White",
    "Gaza",
    "Formula",
    "Climate",
    "Morning",
    "Evening",
    "Book",
];

/// Words of labels, places, teams and institutions that no person's name holds (`Live Updates`,
/// `Silicon Valley`, `Premier League`, `Supreme Court`).
const LABEL_WORDS: &[&str] = &[
    "live",
    "updates",
    "update",
    "crisis",
    "interview",
    "exclusive",
    "analysis",
    "opinion",
    "breaking",
    "special",
    "explainer",
    "podcast",
    "video",
    "watch",
    "latest",
    "newsletter",
    "sponsored",
    "review",
    "reviews",
    "feature",
    "obituary",
    "city",
    "county",
    "island",
    "islands",
    "valley",
    "beach",
    "state",
    "republic",
    "kingdom",
    "coast",
    "region",
    "province",
    "district",
    "league",
    "cup",
    "club",
    "fc",
    "united",
    "house",
    "street",
    "court",
    "strip",
    "change",
    "war",
    "briefing",
    "news",
    "politics",
    "business",
    "sport",
    "sports",
    "world",
    "weather",
    "markets",
    "economy",
    "technology",
    "science",
    "health",
    "culture",
    "music",
    "film",
    "books",
    "travel",
    "style",
    "food",
];

/// A line of a few capitalised words that names a place or a section rather than a person
/// (`New York`, `Live Updates`, `Premier League`).
pub(super) fn is_place_or_label(line: &str) -> bool {
    line.split_whitespace().next().is_some_and(|first| PLACE_FIRST.contains(&first))
        || line.split_whitespace().any(|word| LABEL_WORDS.contains(&word.to_lowercase().as_str()))
}

/// Whether the paragraphs of text `texts` name the person `name`: by the whole name, or by
/// the surname as a story refers to someone it has named (`Smith said`, `Smith, 52,`, `Smith,
/// who`, `Captain Smith`, `Smith's`). A surname that is also a word (`White House`, `Young
/// voters`), a place's (`In Houston, Texas`) or another person's (`Boris Johnson said`, after
/// another first name) is no mention.
pub(super) fn named_in_story<'t>(name: &str, mut texts: impl Iterator<Item = &'t str>) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "told",
        "who",
        "died",
        "was",
        "has",
        "had",
        "dijo",
        "afirmó",
        "explicó",
        "sagte",
        "erklärte",
        "a dit",
        "a déclaré",
        "ha detto",
        "disse",
    ];
    const TITLES: &[&str] = &[
        "Mr",
        "Mr.",
        "Ms",
        "Ms.",
        "Mrs",
        "Mrs.",
        "Dr",
        "Dr.",
        "Captain",
        "Capt.",
        "Sen.",
        "Rep.",
        "Gov.",
        "President",
        "Professor",
        "Prof.",
        "Coach",
        "Judge",
    ];
    let surname = name.split_whitespace().next_back().map_or("", |w| w.trim_end_matches(['.', ',']));
    let forms: Vec<String> = VERBS
        .iter()
        .map(|verb| format!("{surname} {verb}"))
        .chain(TITLES.iter().map(|title| format!("{title} {surname}")))
        .chain([format!("{surname},"), format!("{surname}’s"), format!("{surname}'s")])
        .collect();
    // Words that open a sentence or a clause before a name, and words a person is called by: a
    // capitalised word before the surname that is none of them is another person's first name
    // (`Boris Johnson said`).
    const NOT_FIRST_NAMES: &[&str] = &[
        "Then",
        "But",
        "And",
        "When",
        "Still",
        "So",
        "Yet",
        "Now",
        "In",
        "At",
        "On",
        "For",
        "As",
        "If",
        "While",
        "After",
        "Before",
        "Since",
        "Although",
        "Though",
        "Even",
        "Only",
        "Meanwhile",
        "However",
        "Later",
        "Today",
        "Yesterday",
        "Asked",
        "Nurse",
        "Officer",
        "Doctor",
        "Según",
        "Pero",
        "Mais",
        "Aber",
        "Und",
        "Quand",
        "Cuando",
        "Wenn",
        "Als",
        "Selon",
        "Laut",
    ];
    let first_name = name.split_whitespace().next().unwrap_or(name);
    // Written as it is, punctuation and all (word searches would find `White` in `White,`), and
    // not after another first name.
    let written = |text: &str, form: &str| {
        memchr::memmem::find_iter(text.as_bytes(), form.as_bytes()).any(|at| {
            let before = text[..at].trim_end();
            let previous_word = before.rsplit(' ').next().unwrap_or("");
            // An initial (`Robert E. Lee`) is a name's; another full stop ends a sentence.
            let initial = previous_word.chars().count() == 2 && previous_word.ends_with('.');
            let another_person = previous_word.starts_with(char::is_uppercase)
                && previous_word != first_name
                && !NOT_FIRST_NAMES.contains(&previous_word)
                && (initial || !before.ends_with(['.', '!', '?', '"', '”', ',']));
            let after = &text[at + form.len()..];
            // `Lopez, a nurse`, `Lopez, 52`, `Lopez, who`: not a place's or a company's (`Houston,
            // Texas`, `In Houston, officials`, `At Ford, engineers`, `Ford, which`).
            // (`according to Lopez, the` is a person's.)
            const PLACE_LEADS: &[&str] = &[
                "In", "At", "From", "Near", "Across", "Outside", "Inside", "Around", "in", "at", "from",
                "near", "across", "outside", "inside", "around",
            ];
            let next_word = after.trim_start().split([' ', ',']).next().unwrap_or("");
            let clause = !form.ends_with(',')
                || (next_word.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
                    && !matches!(next_word, "which" | "where" | "whose")
                    && !PLACE_LEADS.contains(&previous_word));
            let titled = TITLES.iter().any(|title| form.starts_with(title));
            !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
                && !after.starts_with(char::is_alphanumeric)
                && clause
                && (titled || !another_person)
        })
    };
    texts.any(|text| crate::text::contains_words(text, name) || forms.iter().any(|form| written(text, form)))
}

/// The BBC's byline: a writer's name alone over the outlet and where the writer is (`Priya
/// Natarajan` over `BBC News, Kent`), a paragraph each. (Pasted as one paragraph, the same two
/// lines are as often a photo's caption and credit: `Kamala Harris` / `Associated Press`.)
pub(super) fn name_over_outlet(name_line: &str, outlet_line: &str) -> Option<Byline> {
    if !is_bare_name(name_line) || !has_at_most_words(outlet_line, 6) || ends_as_sentence(outlet_line) {
        return None;
    }
    let outlet = outlet_line.split(',').next().map(str::trim).filter(|o| is_known_agency(o))?;
    // After the comma, a place (`Kent`), not a sentence (`Bloomberg, 83, wants…`).
    let place = outlet_line[outlet.len()..].trim_start_matches([',', ' ']);
    if !place.is_empty() && !is_titled_place(place) {
        return None;
    }
    Some(Byline {
        line: format!("{name_line}\n{outlet_line}"),
        authors: vec![name_line.to_string()],
        agency: Some(outlet.to_string()),
        leftovers: (!place.is_empty()).then(|| place.to_string()).into_iter().collect(),
    })
}
