//! Digests by day, week and month in the site's time zone; taxonomy pages and pagination; automatic
//! tags; story clusters; related articles.

use crate::harness::{SiteTest, visible_text};

const NOW: &str = "2026-06-01T00:00:00Z";

fn build(site: &SiteTest) {
    let run = site.run(&["build", "--now", NOW]);
    assert!(run.success, "{}", run.stderr);
}

fn article(title: &str, date: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\n---\n{body}\n")
}

#[test]
fn days_are_cut_in_the_site_time_zone() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "timezone: America/Chicago\n"),
        // 03:00 UTC on 1 January is still 31 December in Chicago.
        (
            "content/late.md",
            &article("New Year's Eve story", "2025-01-01T03:00:00Z", "Fireworks over the lake."),
        ),
        ("content/early.md", &article("New Year's Day story", "2025-01-01T15:00:00Z", "A quiet morning.")),
    ]);
    build(&site);
    assert!(site.has_output("2024/12/31/late/index.html"));
    assert!(site.has_output("2025/01/01/early/index.html"));
    assert!(visible_text(&site.output("2024/12/31/index.html")).contains("New Year's Eve story"));
    assert!(
        site.has_output("2024/index.html") && site.has_output("2025/index.html"),
        "year archives on both sides"
    );
    assert!(site.has_output("2024/12/index.html") && site.has_output("2025/01/index.html"));
}

#[test]
fn weekly_digests_follow_iso_weeks_across_the_year_end() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "digest:\n  period: week\n"),
        ("content/a.md", &article("Monday story", "2024-12-30", "Week one of 2025 starts on 30 December.")),
        ("content/b.md", &article("Sunday story", "2025-01-05", "Still week one.")),
        ("content/c.md", &article("Next Monday story", "2025-01-06", "Week two.")),
    ]);
    build(&site);
    let week_one = site.output("2025/w01/index.html");
    assert!(week_one.contains("Monday story") && week_one.contains("Sunday story"), "{week_one}");
    assert!(!week_one.contains("Next Monday story"));
    assert!(site.output("2025/w02/index.html").contains("Next Monday story"));
    assert!(
        visible_text(&week_one).contains("Week 1, 2025 (30 December 2024 – 5 January 2025)"),
        "{}",
        visible_text(&week_one)
    );
    let week_two = visible_text(&site.output("2025/w02/index.html"));
    assert!(week_two.contains("Week 2, 2025 (6–12 January)"), "the month is named once: {week_two}");
    assert!(site.has_output("2024/12/30/index.html"), "day pages still exist under their articles");
    let home = site.output("index.html");
    let latest = home.find("Week 2, 2025").expect("home leads with the latest digest");
    let earlier = home.find("Week 1, 2025").expect("then earlier digests");
    assert!(latest < earlier);
    // The year's page lists its weeks, newest first, where a week's breadcrumb leads.
    let year = visible_text(&site.output("2025/index.html"));
    let weeks = year.find("Weeks").expect("a list of the year's weeks");
    let (two, one) = (
        year.find("Week 2, 2025 (6–12 January)"),
        year.find("Week 1, 2025 (30 December 2024 – 5 January 2025)"),
    );
    assert!(weeks < two.unwrap() && two < one, "{year}");
    assert!(site.output("2025/index.html").contains("href=\"../2025/w01/\""));
    // A week across New Year is listed by both years it has stories of: 2024's page counts the
    // Monday story, and its issue is where that story is.
    let year_before = site.output("2024/index.html");
    assert!(
        visible_text(&year_before).contains("Week 1, 2025 (30 December 2024 – 5 January 2025)"),
        "{year_before}"
    );
    assert!(year_before.contains("href=\"../2025/w01/\""));
    let listed: String = visible_text(&year_before).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        listed.contains("Week 1, 2025 (30 December 2024 – 5 January 2025) 1 story"),
        "its one 2024 story: {listed}"
    );
}

/// A week's digest is dated by its Monday, whatever day its oldest story is from: the page's
/// `<time datetime>` says when the week starts.
#[test]
fn a_week_digest_is_dated_by_its_monday() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "digest:\n  period: week\n"),
        ("content/a.md", &article("Wednesday story", "2025-11-26", "Week 48 starts on Monday 24 November.")),
        ("content/b.md", &article("Friday story", "2025-11-28", "Later that week.")),
    ]);
    build(&site);
    let week = site.output("2025/w48/index.html");
    assert!(week.contains("<time datetime=\"2025-11-24\">Week 48, 2025 (24–30 November)</time>"), "{week}");
    assert!(site.output("index.html").contains("datetime=\"2025-11-24\""), "the home page's edition too");
}

/// An ISO week belongs to its week-numbering year: week 1 of 2026 starts on 29 December 2025.
#[test]
fn a_week_digest_is_filed_under_its_own_year() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "digest:\n  period: week\n"),
        ("content/a.md", &article("December story", "2025-12-30", "Winter.")),
        ("content/b.md", &article("March story", "2026-03-02", "Spring.")),
    ]);
    build(&site);
    let week = site.output("2026/w01/index.html");
    let crumbs = &week[week.find("class=\"crumbs\"").expect("breadcrumbs")..];
    let crumbs = &crumbs[..crumbs.find("</nav>").unwrap()];
    assert!(crumbs.contains("href=\"../../2026/\""), "{crumbs}");
    assert!(!crumbs.contains("2025/"), "{crumbs}");
}

#[test]
fn monthly_digests_replace_month_archives() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "digest:\n  period: month\n"),
        ("content/a.md", &article("March story", "2025-03-10", "Spring.")),
        ("content/b.md", &article("April story", "2025-04-10", "Later.")),
    ]);
    build(&site);
    let march = site.output("2025/03/index.html");
    assert!(march.contains("March story") && !march.contains("April story"));
    assert!(visible_text(&march).contains("Monthly digest"), "rendered as a digest");
    let previous = site.output("2025/04/index.html");
    assert!(previous.contains("href=\"../../2025/03/\""), "links to the previous digest: {previous}");
}

#[test]
fn digest_pages_have_a_headline_and_topics_and_neighbours() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "tags:\n  auto: false\n"),
        (
            "content/a.md",
            "---\ntitle: Ferry fares rise\ndate: 2025-05-02T09:00:00Z\nsource: Harbour Post\ntags: [Transport]\n---\nFares rise.\n",
        ),
        (
            "content/b.md",
            "---\ntitle: Tram line opens\ndate: 2025-05-02T10:00:00Z\nsource: City Wire\ntags: [Transport]\n---\nTrams run.\n",
        ),
        (
            "content/c.md",
            "---\ntitle: Bakery wins prize\ndate: 2025-05-02T11:00:00Z\nsource: Harbour Post\n---\nBread.\n",
        ),
        ("content/d.md", "---\ntitle: Earlier day\ndate: 2025-05-01T11:00:00Z\n---\nBefore.\n"),
    ]);
    build(&site);
    let digest = site.output("2025/05/02/index.html");
    let text = visible_text(&digest);
    assert!(text.contains("3 stories from 2 sources"), "{text}");
    let transport = text.find("Transport").expect("a topic group");
    let other = text.find("Other stories").expect("the rest");
    assert!(transport < other);
    assert!(digest.contains("href=\"../../../2025/05/01/\""), "previous digest link");

    // Two spellings of one tag are one tag page, so one topic: not two sections of one name.
    site.write(
        "content/e.md",
        "---\ntitle: Tariffs on steel\ndate: 2025-05-02T12:00:00Z\ntags: [U.S.]\n---\nSteel.\n",
    );
    site.write(
        "content/f.md",
        "---\ntitle: Envoy named\ndate: 2025-05-02T13:00:00Z\ntags: [US]\n---\nEnvoy.\n",
    );
    site.write(
        "content/g.md",
        "---\ntitle: Grain deal\ndate: 2025-05-02T14:00:00Z\ntags: [U.S., Transport]\n---\nGrain.\n",
    );
    build(&site);
    let digest = site.output("2025/05/02/index.html");
    let topics: Vec<&str> =
        digest.match_indices("class=\"topic-title\"").map(|(at, _)| &digest[at..at + 90]).collect();
    assert_eq!(topics.iter().filter(|t| t.contains("tags/us/")).count(), 1, "{topics:#?}");
    // Grain deal shares U.S. and Transport with two stories each: the first by name wins.
    let topic = |name: &str| {
        let start = digest.find(&format!("\">{name}</a></h2>")).expect("a topic heading");
        let end = digest[start..].find("class=\"topic-title\"").map_or(digest.len(), |end| start + end);
        &digest[start..end]
    };
    for story in ["Tariffs on steel", "Envoy named"] {
        assert!(topic("U.S.").contains(story), "{story} under the U.S. topic: {digest}");
    }
    assert!(topic("Transport").contains("Grain deal"), "{digest}");
}

#[test]
fn taxonomy_index_and_paginated_term_pages() {
    let site = SiteTest::fixture("basic");
    site.write("content/2025/03/15/extra.md", "---\ntitle: Another market story\ndate: 2025-03-15T12:00:00Z\nauthors: [Ines Carvo]\nsource: Harbour Bulletin\ntags: [Markets]\n---\nStalls.\n");
    site.write(
        "content/2025/03/16/third.md",
        "---\ntitle: Third market story\ndate: 2025-03-16T12:00:00Z\ntags: [markets]\n---\nMore stalls.\n",
    );
    build(&site);
    let index = site.output("tags/index.html");
    assert!(
        index.contains("href=\"../tags/markets/\"") || index.contains("href=\"../tags/markets/\""),
        "{index}"
    );
    let page1 = site.output("tags/markets/index.html");
    let page2 = site.output("tags/markets/page/2/index.html");
    assert!(
        page1.contains("Third market story") && page1.contains("Another market story"),
        "newest first, 2 per page"
    );
    assert!(page2.contains("Market square reopens"));
    assert!(page1.contains("tags/markets/page/2/"), "pager link");
    assert!(site.output("sources/harbour-bulletin/index.html").contains("Another market story"));
    assert!(site.output("authors/ines-carvo/index.html").contains("Market square reopens"));
    assert!(site.has_output("sources/index.html") && site.has_output("authors/index.html"));
    // A writer's stories are by them, a publisher's from it, a topic's about it.
    assert!(site.output("authors/ines-carvo/index.html").contains("stories by Ines Carvo"));
    assert!(site.output("authors/ines-carvo/rss.xml").contains("Stories by Ines Carvo"));
    assert!(site.output("sources/harbour-bulletin/index.html").contains("stories from Harbour Bulletin"));
    assert!(site.output("tags/markets/index.html").to_lowercase().contains("stories about markets"));
}

#[test]
fn automatic_tags_on_the_seed_article() {
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content/2025/09/12/ice-officer-fatally-shoots-man-near-chicago.txt");
    let text = std::fs::read_to_string(seed).unwrap();
    // One article: every automatic tag is kept (the default keeps names two articles share).
    let site = SiteTest::with_files(&[
        ("site.yaml", "tags:\n  min_articles: 1\n"),
        ("content/2025-09-12-seed.txt", &text),
    ]);
    build(&site);
    let page = site.output("2025/09/12/seed/index.html");
    for tag in ["chicago", "ice", "dhs", "franklin-park", "tricia-mclaughlin"] {
        assert!(page.contains(&format!("tags/{tag}/")), "{tag} missing");
        assert!(site.has_output(&format!("tags/{tag}/index.html")));
    }
    for never in ["friday", "the", "while", "in"] {
        assert!(!site.has_output(&format!("tags/{never}/index.html")), "{never} must not be a tag");
    }
}

#[test]
fn aliases_and_stop_list_shape_automatic_tags() {
    let text = "Officials at the Portvale Harbour Authority said on Monday that the Portvale Harbour Authority would close the north quay. Reuters reported the plan first, and Reuters later confirmed it with the mayor, Ana Lindqvist. Ana Lindqvist said the quay would reopen in June.";
    let site = SiteTest::with_files(&[
        (
            "site.yaml",
            "tags:\n  min_articles: 1\n  aliases:\n    Portvale Harbour Authority: PHA\n  stop: [Reuters]\n",
        ),
        ("content/2025-02-03-quay.txt", text),
    ]);
    build(&site);
    let page = site.output("2025/02/03/quay/index.html");
    assert!(page.contains("tags/pha/"), "alias applied");
    assert!(!page.contains("tags/portvale-harbour-authority/"));
    assert!(!page.contains("tags/reuters/"), "stop list applied");
    assert!(page.contains("tags/ana-lindqvist/"));
}

#[test]
fn a_storys_publisher_and_writer_are_not_its_topics() {
    let text = "---\ntitle: Console review\nsource: CNET\nauthors: [Jennifer Jett]\n---\n\
        Harbor Games released its console on Monday, and CNET tested it. Jennifer Jett wrote that Harbor Games \
        had done well.\n\nPhoto by James Martin/CNET. Jennifer Jett is CNET's reviews editor.\n";
    let site = SiteTest::with_files(&[
        ("site.yaml", "tags:\n  min_articles: 1\n"),
        ("content/2025-02-03-console.md", text),
    ]);
    build(&site);
    let page = site.output("2025/02/03/console/index.html");
    assert!(page.contains("tags/harbor-games/"), "{page}");
    assert!(!page.contains("tags/cnet/") && !page.contains("tags/jennifer-jett/"), "{page}");
}

#[test]
fn an_automatic_tag_needs_two_articles_by_default() {
    let site = SiteTest::with_files(&[
        (
            "content/2025-02-03-a.txt",
            "The Portvale Harbour Authority said on Monday that the Portvale Harbour Authority would close the north quay, and mayor Ana Lindqvist agreed. Ana Lindqvist said the quay would reopen.",
        ),
        (
            "content/2025-02-04-b.txt",
            "The Portvale Harbour Authority reopened the north quay on Tuesday, the Portvale Harbour Authority said. Fishermen welcomed the news.",
        ),
    ]);
    build(&site);
    assert!(site.has_output("tags/portvale-harbour-authority/index.html"), "shared by both articles");
    assert!(!site.has_output("tags/ana-lindqvist/index.html"), "named in one article only");
}

const WIRE: &str = "The regional transport authority announced on Tuesday that the coastal railway between Portvale and Eastmere will close for eight weeks of repairs starting in March, after engineers found storm damage to three bridges. Replacement buses will run every thirty minutes, the authority said, and season tickets will be refunded for the period of the closure. The work is expected to cost about 40 million euros and is funded by the national infrastructure budget.";

#[test]
fn near_duplicate_wire_copy_is_one_story_with_also_reported_by() {
    let rewritten = WIRE
        .replace("announced on Tuesday", "said on Tuesday")
        .replace("about 40 million", "roughly 40 million");
    let different = "A local bakery in Eastmere won a national prize for its rye bread on Tuesday, beating three hundred other entries. The owners said they would use the prize money to repair the oven and hire an apprentice. The town council announced a small celebration in the market square.";
    let site = SiteTest::with_files(&[
        ("site.yaml", "tags:\n  auto: false\n"),
        (
            "content/a.md",
            &format!(
                "---\ntitle: Coastal railway to close for repairs\ndate: 2025-02-04T08:00:00Z\nsource: Portvale Post\ntags: [Eastmere]\n---\n{WIRE}\n"
            ),
        ),
        (
            "content/b.md",
            &format!(
                "---\ntitle: Railway closure announced\ndate: 2025-02-04T09:00:00Z\nsource: Eastmere Echo\ntags: [Eastmere]\n---\n{rewritten}\n"
            ),
        ),
        (
            "content/c.md",
            &format!(
                "---\ntitle: Bakery wins rye prize\ndate: 2025-02-04T10:00:00Z\nsource: Eastmere Echo\ntags: [Eastmere]\n---\n{different}\n"
            ),
        ),
    ]);
    build(&site);
    let digest = visible_text(&site.output("2025/02/04/index.html"));
    let railway = digest.matches("Coastal railway to close for repairs").count()
        + digest.matches("Railway closure announced").count();
    assert_eq!(railway, 1, "a cluster appears once in the digest:\n{digest}");
    assert!(digest.contains("Also reported by"), "{digest}");
    assert!(digest.contains("Bakery wins rye prize"), "different story listed on its own");
    let article = visible_text(&site.output("2025/02/04/a/index.html"));
    assert!(article.contains("Also reported by") && article.contains("Eastmere Echo"), "{article}");
    // The bakery's related stories (by the shared tag) are the railway reports, listed without
    // their cluster: "also reported by" belongs to listings of the story itself.
    let bakery = visible_text(&site.output("2025/02/04/c/index.html"));
    assert!(bakery.contains("Related stories") && bakery.contains("Railway closure announced"), "{bakery}");
    assert!(!bakery.contains("Also reported by"), "different stories are not clustered");
}

#[test]
fn the_same_story_ten_days_later_is_not_a_cluster() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "tags:\n  auto: false\n"),
        ("content/a.md", &format!("---\ntitle: First\ndate: 2025-02-04\n---\n{WIRE}\n")),
        ("content/b.md", &format!("---\ntitle: Second\ndate: 2025-02-14\n---\n{WIRE}\n")),
    ]);
    build(&site);
    assert!(!visible_text(&site.output("2025/02/04/a/index.html")).contains("Also reported by"));
}

/// German writes every noun with a capital, so the tagger, which reads names from capitals,
/// gives a German story no automatic tags rather than its nouns.
#[test]
fn a_german_story_gets_no_automatic_tags_from_its_nouns() {
    let german = "Die neue Version des Passwortmanagers speichert die Datenbank verschlüsselt. \
                  Die Entwickler nennen die Verbesserungen wichtig. Die Datenbank bleibt lokal, \
                  und die Version ist kostenlos.";
    let english = "Mayor Anna Lindqvist opened the Harbour Bridge on Monday. Anna Lindqvist said \
                   the Harbour Bridge would carry trams by spring.";
    let site = SiteTest::with_files(&[
        ("site.yaml", "tags:\n  min_articles: 1\n"),
        ("content/2025-02-04-software.md", &format!("---\ntitle: Neue Version\nlang: de\n---\n{german}\n")),
        ("content/2025-02-04-bridge.md", &format!("---\ntitle: Bridge opens\n---\n{english}\n")),
    ]);
    build(&site);
    let tags = |page: &str| {
        let page = site.output(page);
        page.match_indices("class=\"tag\"").count()
    };
    assert_eq!(tags("2025/02/04/software/index.html"), 0, "no nouns as tags");
    assert!(tags("2025/02/04/bridge/index.html") > 0, "the English story is tagged");
    assert!(!site.has_output("tags/datenbank/index.html"));
}

#[test]
fn related_articles_share_tags() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "tags:\n  auto: false\n"),
        (
            "content/a.md",
            "---\ntitle: Storm closes port\ndate: 2025-02-01\ntags: [Port, Weather]\n---\nWind.\n",
        ),
        ("content/b.md", "---\ntitle: Port reopens\ndate: 2025-02-03\ntags: [Port]\n---\nCalm.\n"),
        ("content/c.md", "---\ntitle: Choir concert\ndate: 2025-02-02\ntags: [Music]\n---\nSongs.\n"),
    ]);
    build(&site);
    let page = site.output("2025/02/01/a/index.html");
    let start = page.find("class=\"related\"").expect("a related section");
    let related = visible_text(&page[start..start + page[start..].find("</section>").unwrap()]);
    assert!(related.contains("Port reopens"), "{related}");
    assert!(!related.contains("Choir concert"), "{related}");
}

#[test]
fn news_agencies_are_sources_not_topics() {
    let story = |day: u8, name: &str| {
        (
            format!("content/2025-03-{day:02}-{name}.txt"),
            format!(
                "Helios Semiconductors raised its forecast, the company told Reuters on Monday.\n\n\
                 Helios Semiconductors said demand was strong, AP reported. Reuters and AFP could not \
                 reach Helios Semiconductors for further comment on day {day}.\n"
            ),
        )
    };
    let files = [story(1, "forecast"), story(2, "demand")];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let site = SiteTest::with_files(&files);
    build(&site);
    assert!(site.has_output("tags/helios-semiconductors/index.html"));
    for agency in ["reuters", "ap", "afp"] {
        assert!(!site.has_output(&format!("tags/{agency}/index.html")), "{agency} is no topic");
    }
}
