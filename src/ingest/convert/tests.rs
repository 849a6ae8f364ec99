use super::*;
use super::{
    body::*, byline::*, clip_header::*, credits::*, dates::*, furniture::*, headline::*, language::*,
    summary::*,
};
use crate::text::{find_byte, is_cjk};
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
    assert!(body.starts_with("The bridge reopened"), "a rule before the story sets nothing apart: {body}");
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
    assert!(title(long).starts_with("Northwind Energy said on Tuesday that it would cut"), "{}", title(long));
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
    for leftover in
        ["Advertisement", "Facebook", "Anzeige", "Partager", "Page 2", "Budget row", "Topics", "Why the", "©"]
    {
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
    assert_eq!(out.title.as_deref(), Some("City council approves new tram line for Portvale"), "{out:#?}");
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
    // A time with an offset is an instant: kept as UTC's day and time, so the site's zone files
    // the story (23:30 in Mumbai is 18:00 UTC: the 3rd in New York, the 4th in Tokyo).
    let out = convert(&format!("Title: Late vote\nPublished: 2021-01-03T23:30:00+05:30\n\n{lede}"));
    let date = out.date.expect("published");
    assert_eq!(
        (date.year, date.month, date.day, date.time, date.zone),
        (2021, 1, 3, Some((18, 0)), Some("UTC"))
    );
    for published in
        ["2021-01-03T22:30:00-05:00", "2021-01-03 22:30:00 -0500", "Sun, 03 Jan 2021 22:30:00 -0500"]
    {
        let out = convert(&format!("Title: Late vote\nPublished: {published}\n\n{lede}"));
        let date = out.date.expect("published");
        assert_eq!((date.year, date.month, date.day, date.time), (2021, 1, 4, Some((3, 30))), "{published}");
    }
    // The same instant written with New York's offset is a time.
    let out = convert(&format!("Title: Late vote\nPublished: 2025-03-03T19:00:00-05:00\n\n{lede}"));
    let date = out.date.expect("published");
    assert_eq!((date.year, date.month, date.day, date.time), (2025, 3, 4, Some((0, 0))));
    // Midnight UTC is an export's day with no time: that day wherever the site is.
    for published in [
        "2025-03-04T00:00:00Z",
        "2025-03-04T00:00:00.000Z",
        "2025-03-04T00:00:00+00:00",
        "2025-03-04 00:00:00+00",
        "Tue, 04 Mar 2025 00:00:00 -0000",
        "Tue, 04 Mar 2025 00:00:00 UT",
        "2025-03-04T00:00:00Z[UTC]",
    ] {
        let out = convert(&format!("Title: Late vote\nPublished: {published}\n\n{lede}"));
        let date = out.date.expect("published");
        assert_eq!((date.year, date.month, date.day, date.time), (2025, 3, 4, None), "{published}");
    }
    // A time without a zone is the site's.
    let out = convert(&format!("Title: Late vote\nPublished: 2025-04-02 10:14\n\n{lede}"));
    let date = out.date.expect("published");
    assert_eq!((date.year, date.month, date.day, date.time, date.zone), (2025, 4, 2, Some((10, 14)), None));
    let out = convert(&format!(
        "Title: Rates rise\nAuthor: Ruth Adams, Economics Correspondent\nClipped: 2025-04-02\n\n{lede}"
    ));
    assert_eq!(out.authors, ["Ruth Adams"], "a role is no writer");
    // A story's own `Note:` lines are no header.
    let out = convert(&format!("Note: this story was updated.\nUpdate: a figure was corrected.\n\n{lede}"));
    assert!(out.body.contains("Note: this story"), "{}", out.body);
    assert!(clip_header(&["Tags: a, b", "Author: Ann Lee"]).is_none(), "no title, address or clipping date");
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
        // Both moments on one line, either first, with times or not (helper-68's review: the
        // update was taken for the day, dropped, or the line not read at all).
        (
            "Updated: November 4, 2026 | Published: November 3, 2026",
            (2026, 11, 3),
            Some(((2026, 11, 4), None)),
        ),
        (
            "PUBLISHED: March 3, 2025 at 9:47 PM EST | UPDATED: March 4, 2025 at 10:01 AM EST",
            (2025, 3, 3),
            Some(((2025, 3, 4), Some((10, 1)))),
        ),
        (
            "Published: November 3, 2026 | Updated: November 4, 2026",
            (2026, 11, 3),
            Some(((2026, 11, 4), None)),
        ),
        // helper-69 to helper-71: a reading time after them, a published part with no date (the
        // line is an update line, as before), an update twice, French and German.
        (
            "Updated March 4, 2025 | Published March 3, 2025 at 9:47 PM EST | 3 min read",
            (2025, 3, 3),
            Some(((2025, 3, 4), None)),
        ),
        (
            "Aktualisiert am 04.03.2025 | Veröffentlicht am 03.03.2025 | Lesedauer: 3 Minuten",
            (2025, 3, 3),
            Some(((2025, 3, 4), None)),
        ),
        ("Updated March 4, 2025 | Published by Jane Roe", (2025, 3, 4), Some(((2025, 3, 4), None))),
        (
            "Published March 3, 2025 | Updated March 4, 2025 | Updated March 5, 2025",
            (2025, 3, 3),
            Some(((2025, 3, 4), None)),
        ),
        (
            "Veröffentlicht am 03.03.2025 | Aktualisiert am 04.03.2025 | Lesezeit: 3 Min.",
            (2025, 3, 3),
            Some(((2025, 3, 4), None)),
        ),
        ("Mis à jour le 4 mars 2025 | Publié le 3 mars 2025", (2025, 3, 3), Some(((2025, 3, 4), None))),
        (
            "Posted March 3, 2025 · Last updated March 5, 2025 at 8:15 a.m.",
            (2025, 3, 3),
            Some(((2025, 3, 5), Some((8, 15)))),
        ),
    ] {
        let out = convert(&format!("Council approves budget\n\n{header}\n\n{lede}"));
        let found = out.date.unwrap_or_else(|| panic!("{header}: no date: {out:#?}"));
        assert_eq!((found.year, found.month, found.day), date, "{header}");
        assert_eq!(out.updated.map(|at| (at.date, at.time)), updated, "{header}");
        assert!(out.body.starts_with("The council approved"), "{header}: {}", out.body);
    }
    assert!(!is_timestamp_line("The 17.45 train was late."));
    assert_eq!(clock_time(&["17.45"]), None, "a dotted time needs its zone");
    // A part that is no stamp (a name, a note) would be dropped with the line: such a line is not
    // read as one of two moments, and its words stay (helper-70, helper-71).
    for line in [
        "Jane Roe | Published March 3, 2025 | Updated March 4, 2025",
        "Published March 3, 2025 · Updated March 4, 2025 · Updated by Jane Roe",
        "Posted March 3, 2025 | Updated March 4, 2025 at 10:01 a.m. by Jane Roe",
    ] {
        let out = convert(&format!("Council approves budget\n\n{line}\n\n{lede}"));
        assert!(
            out.body.contains("Jane Roe") || out.authors.iter().any(|a| a == "Jane Roe"),
            "{line}: {out:?}"
        );
    }
    let note = "Published March 3, 2025 | Updated March 4, 2025, to include comment from the mayor";
    assert!(convert(&format!("Council approves budget\n\n{note}\n\n{lede}")).body.contains("from the mayor"));
    // The update line's published part dates the story only where nothing else does: a stamp
    // closing the story gives its time and leaves the text (helper-71), a date line wins.
    let out = convert(&format!(
        "Council approves budget\n\nUpdated March 4, 2025 | Published March 3, 2025\n\n{lede}\n\n\
         The vote was seven to two.\n\nPublished March 3, 2025 9:00 AM ET"
    ));
    let found = out.date.expect("dated");
    assert_eq!(((found.year, found.month, found.day), found.time), ((2025, 3, 3), Some((9, 0))));
    assert!(!out.body.contains("9:00 AM ET"), "{}", out.body);
    let out = convert(&format!(
        "Council approves budget\n\nMarch 4, 2025\n\n\
         Updated March 4, 2025 at 10:01 AM EST | Published March 3, 2025 at 9:47 PM EST\n\n{lede}"
    ));
    let found = out.date.expect("dated");
    assert_eq!(((found.year, found.month, found.day), found.time), ((2025, 3, 4), None), "the date line's");
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
        // Other languages' weekdays and articles, and digits where one reading is left: dots are
        // written day first, and a day above 12 says which number it is.
        ("Mittwoch, 31.12.2025", Some((2025, 12, 31))),
        ("le 4 mars 2025", Some((2025, 3, 4))),
        ("mardi 4 mars 2025", Some((2025, 3, 4))),
        ("3. Jänner 2022", Some((2022, 1, 3))),
        ("13/03/2025", Some((2025, 3, 13))),
        ("3/13/2025", Some((2025, 3, 13))),
        ("04/03/2025", None),
        ("4.5", None),
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
    assert!(out.body.contains("over six years, officials said.\n\nThe agreement extends"), "{}", out.body);
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
    // Its time and zone too: the story's moment, which the site's time zone files on a day.
    assert_eq!((date.time, date.zone), (Some((7, 11)), Some("Etc/GMT+8")));
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
        // Third of April or fourth of March: no American zone says which, and GMT is written
        // on both sides of the Atlantic.
        ("3/4/2025 10:15 GMT", None),
        // Europe's zones are written beside days first, and so are other languages' leads.
        ("3/4/2025 10:15 CET", Some((2025, 4, 3))),
        ("Publié le 04/03/2025 à 06h00", Some((2025, 3, 4))),
        ("Stand: 04.03.2025 18:30 Uhr", Some((2025, 3, 4))),
        // The time before the date (AP), the year glued to the time (a browser's copy of NPR),
        // a second date for the update, and El País's place, day and time between dashes.
        ("Published 9:12 AM EST, Tue March 4, 2025", Some((2025, 3, 4))),
        ("March 4, 20255:00 AM ET", Some((2025, 3, 4))),
        ("March 4, 2025 at 6:12 AM EST", Some((2025, 3, 4))),
        (
            "PUBLISHED: March 3, 2025 at 9:47 PM EST | UPDATED: March 4, 2025 at 8:15 AM EST",
            Some((2025, 3, 3)),
        ),
        ("Publié le 04 mars 2025 à 06h00, modifié le 04 mars 2025 à 10h27", Some((2025, 3, 4))),
        ("Madrid - 04 mar 2025 - 13:42 CET", Some((2025, 3, 4))),
        ("Madrid - the mayor speaks - 13:42 CET", None),
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
        out.body.ends_with(
            "Steps:\n\n1. Turn the thermostat down one degree.\n2. Seal drafts around windows and doors.\n"
        ),
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
        ("Dear readers", "Readers of this newsletter asked about the museum, which reopened on Saturday."),
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
    let first = "We are asking families who already cannot pay their bills to pay for decades of neglect.";
    let second = "That is not a plan, it is a bill sent to the people least able to pay it, she wrote.";
    let out =
        convert(&format!("The council member wrote to the utility on Monday.\n\n> {first}\n>\n> {second}"));
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

#[test]
fn the_text_names_its_publisher_in_credits_source_lines_and_notices() {
    const LEDE: &str =
        "The harbour board voted on Tuesday to close the old quay to cargo ships, officials said.";
    const MORE: &str = "Dockworkers said they would appeal the decision at the next meeting of the board.";
    // A staff photographer's credit, spaced or not, glued to its caption or on its own line.
    let out = convert(&format!(
        "Harbour board closes old quay\n\n{LEDE}\n\nThe old quay at dawn on Monday. (Ellen M. Banner / The Seattle Times)\n\n{MORE}"
    ));
    assert_eq!(out.images.len(), 1, "{out:?}");
    assert_eq!(out.images[0].credit.as_deref(), Some("(Ellen M. Banner / The Seattle Times)"));
    assert_eq!(out.source.as_deref(), Some("The Seattle Times"));
    let out = convert(&format!("Harbour board closes old quay\n\n{LEDE}\n\nEllis Garza/For NPR\n\n{MORE}"));
    assert_eq!(out.source.as_deref(), Some("NPR"));
    // El País' credit, a name and the paper in brackets, glued by the copy to its caption.
    let out = convert(&format!(
        "Harbour board closes old quay\n\n{LEDE}\n\nUna manifestación en Madrid, el pasado octubre.Claudio Álvarez (EL PAÍS)\n\n{MORE}"
    ));
    assert_eq!(out.images.len(), 1, "{out:?}");
    assert_eq!(out.images[0].caption.as_deref(), Some("Una manifestación en Madrid, el pasado octubre."));
    assert_eq!(out.images[0].credit.as_deref(), Some("Claudio Álvarez (EL PAÍS)"));
    assert_eq!(out.source.as_deref(), Some("El País"));
    // A byline without `By`, a quote's attribution, a channel's screen grab, a chart's source, a
    // pair of names over a table and an initial are no staff credits (helper-62).
    let out = convert(&format!("Harbour board closes old quay\n\nMarie Dupont (AFP)\n\n{LEDE}\n\n{MORE}"));
    assert_eq!(
        (out.authors.as_slice(), out.source.as_deref()),
        (&["Marie Dupont".to_string()][..], Some("Agence France-Presse"))
    );
    for (text, credit) in [
        (
            "“The old quay had served its time,” the columnist wrote.\n\nPaul Krugman (The New York Times)",
            None,
        ),
        ("“Nobody will miss it,” said one. — Jake Tapper (CNN)", None),
        ("The anchor said so on air.\n\nScreenshot/CNN", Some("Screenshot/CNN")),
        (
            "Freight volumes fell for a third year.\n\nSource: Bloomberg\n\nThe board said the quay would close in June, after the last ships leave for the new terminal.",
            Some("Source: Bloomberg"),
        ),
        ("Pound Sterling / Euro", None),
        ("The board was greeted in Washington by the U.S.President Donald Trump (Reuters)", None),
    ] {
        let out = convert(&format!("Harbour board closes old quay\n\n{LEDE}\n\n{text}\n\n{MORE}"));
        assert_eq!(out.source, None, "{text}: {out:?}");
        let credits: Vec<Option<&str>> = out.images.iter().map(|image| image.credit.as_deref()).collect();
        assert_eq!(credits, credit.map(Some).into_iter().collect::<Vec<_>>(), "{text}: {out:?}");
    }
    // A sentence that names an outlet in brackets is no credit.
    let out = convert(&format!(
        "Harbour board closes old quay\n\n{LEDE}\n\nThe deal was first reported by Ana Ruiz (Reuters).\n\n{MORE}"
    ));
    assert!(out.images.is_empty(), "{out:?}");
    // An agency's photo says nothing of who published the story.
    let out = convert(&format!("Harbour board closes old quay\n\n{LEDE}\n\nSalim Dawood/Reuters\n\n{MORE}"));
    assert_eq!(out.source, None);
    // `Source: Al Jazeera` closing the story: its outlet, and no photo credit.
    let out = convert(&format!("Harbour board closes old quay\n\n{LEDE}\n\n{MORE}\n\nSource: Al Jazeera"));
    assert_eq!(out.source.as_deref(), Some("Al Jazeera"));
    assert!(out.images.is_empty(), "{out:?}");
    assert!(!out.body.contains("Source:"), "{}", out.body);
    assert_eq!(out.dropped, ["Source: Al Jazeera"]);
    let out =
        convert(&format!("Harbour board closes old quay\n\n{LEDE}\n\n{MORE}\n\nSource: company filings"));
    assert_eq!(out.source, None);
    // A copyright notice in the page's footer.
    let out = convert(&format!(
        "Harbour board closes old quay\n\n{LEDE}\n\n{MORE}\n\nCopyright © 2025 NPR. All rights reserved."
    ));
    assert_eq!(out.source.as_deref(), Some("NPR"));
    // A dateline's agency outranks a credit; a clipping's address outranks a notice.
    let out = convert(&format!(
        "Harbour board closes old quay\n\nPORTVALE (Reuters) - {LEDE}\n\nMarcus Hale/The New York Times\n\n{MORE}"
    ));
    assert_eq!(out.source.as_deref(), Some("Reuters"));
    let out = convert(&format!(
        "Title: Harbour board closes old quay\nURL: https://www.theguardian.com/world/quay\n\n{LEDE}\n\n{MORE}\n\n© 2025 Bloomberg L.P."
    ));
    assert_eq!(out.source.as_deref(), Some("The Guardian"));
    let out =
        convert(&format!("Title: Harbour board closes old quay\nSource: the guardian\n\n{LEDE}\n\n{MORE}"));
    assert_eq!(out.source.as_deref(), Some("The Guardian"));
}
