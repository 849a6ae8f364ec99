use super::*;
use super::{clip_header::*, credits::*, furniture::*};

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
    assert!(out.dropped.iter().any(|line| line.starts_with("From the Carbon Brief")), "{:?}", out.dropped);
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
