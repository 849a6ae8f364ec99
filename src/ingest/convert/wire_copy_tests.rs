use super::*;
use super::{byline::*, dates::*, language::*, summary::*, wire::*};

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
    assert_eq!(out.title.as_deref(), Some("Dockworkers at UK's Harwich port begin 48-hour strike over pay"));
    assert!(!out.title_inferred);
    assert_eq!(out.authors, ["Alistair Penrose"]);
    assert!(out.dropped.contains(&"(Adds company comment, paragraphs 5-6)".to_string()), "{:?}", out.dropped);
    assert!(out.body.starts_with("LONDON/SINGAPORE, March 4 (Reuters) - Around"), "{}", out.body);
    assert!(!out.summary.contains("Adds"), "{}", out.summary);
    let dateline = out.dateline.expect("dateline");
    assert_eq!((dateline.place.as_str(), dateline.agency.as_deref()), ("LONDON/SINGAPORE", Some("Reuters")));
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
        publication_stamp("Jan. 7, 2021, 3:42 a.m.: Updated tallies show Biden ahead in Georgia").is_none()
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
