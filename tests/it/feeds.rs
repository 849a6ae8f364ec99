//! Feeds, sitemaps, robots.txt, JSON-LD and visibility (drafts, scheduled, expired), parsed by real
//! parsers: feed-rs for RSS, Atom and JSON Feed, roxmltree for sitemaps, serde_json for JSON-LD.

use crate::harness::{SiteTest, json_ld};

const NOW: &str = "2025-06-02T12:00:00Z";

fn hostile() -> SiteTest {
    let site = SiteTest::fixture("hostile");
    let run = site.run(&["build", "--now", NOW]);
    assert!(run.success, "{}", run.stderr);
    site
}

fn parse_feed(site: &SiteTest, path: &str) -> feed_rs::model::Feed {
    let bytes = std::fs::read(site.root.join("public").join(path)).unwrap();
    feed_rs::parser::parse(bytes.as_slice()).unwrap_or_else(|e| panic!("{path} does not parse: {e}"))
}

#[test]
fn every_feed_of_the_site_parses_with_hostile_text() {
    let site = hostile();
    let feeds: Vec<String> = site
        .output_tree()
        .into_iter()
        .map(|(path, _)| path)
        .filter(|p| p.ends_with("rss.xml") || p.ends_with("atom.xml") || p.ends_with("feed.json"))
        .collect();
    assert!(feeds.len() >= 3 * 5, "site, digests, tags, sources, authors: {feeds:?}");
    for path in &feeds {
        parse_feed(&site, path);
    }
    for file in ["rss.xml", "atom.xml", "feed.json"] {
        let feed = parse_feed(&site, file);
        assert_eq!(feed.entries.len(), 2, "{file}: only the two published articles");
        let titles: Vec<String> =
            feed.entries.iter().map(|e| e.title.as_ref().unwrap().content.clone()).collect();
        assert!(titles.contains(&"Tagged <story> & friends".to_string()), "{file}: {titles:?}");
        assert!(
            titles.iter().any(|t| t.contains("Fish & chips <b>prices</b> rise ]]> again 😀")),
            "{file}: {titles:?}"
        );
        let tagged =
            feed.entries.iter().find(|e| e.title.as_ref().unwrap().content.starts_with("Tagged")).unwrap();
        assert_eq!(tagged.links[0].href, "https://example.org/sub/path/2025/06/01/tagged/");
        let content = tagged.content.as_ref().and_then(|c| c.body.clone()).unwrap_or_default();
        assert!(content.contains("<strong>bold</strong>"), "{file}: full content: {content}");
        assert_eq!(tagged.published.unwrap().to_rfc3339(), "2025-06-01T10:00:00+00:00");
        assert_eq!(tagged.authors[0].name.as_deref(), Some("Ana & Bo"));
    }
    let rss = site.output("rss.xml");
    assert!(!rss.contains('\u{1}'), "control characters never reach XML");
    assert!(rss.contains("<enclosure url=\"https://example.org/sub/path/img/pier.jpg\" type=\"image/jpeg\""));
    assert!(rss.contains("<pubDate>Sun, 01 Jun 2025 10:00:00 +0000</pubDate>"));
}

/// A clipping's original address is said where readers and machines look for it: the page's
/// link, JSON-LD's `isBasedOn`, JSON Feed's `external_url` and Atom's `via` link.
#[test]
fn the_original_article_of_a_clipping_is_linked_everywhere() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "base_url: https://example.org/\n"),
        (
            "content/2025/03/10/rates.txt",
            "Title: Rates rise again\nSource: https://news.example.com/rates?id=7&x=1\nClipped: 2025-03-10\n\n\
             Rates rise again\n\nThe central bank raised rates for the third time this year on Monday, officials said.\n",
        ),
    ]);
    let run = site.run(&["build", "--now", NOW]);
    assert!(run.success, "{}", run.stderr);
    let original = "https://news.example.com/rates?id=7&x=1";
    let page = site.output("2025/03/10/rates/index.html");
    assert!(page.contains("href=\"https://news.example.com/rates?id=7&amp;x=1\""), "{page}");
    assert_eq!(json_ld(&page)["isBasedOn"], original);
    let json: serde_json::Value = serde_json::from_str(&site.output("feed.json")).unwrap();
    assert_eq!(json["items"][0]["external_url"], original);
    let atom = parse_feed(&site, "atom.xml");
    let links: Vec<&str> = atom.entries[0].links.iter().map(|link| link.href.as_str()).collect();
    assert!(links.contains(&original), "{links:?}");
}

#[test]
fn term_and_digest_feeds() {
    let site = hostile();
    let tag = parse_feed(&site, "tags/pier/atom.xml");
    assert_eq!(tag.entries.len(), 1, "hidden articles are not in tag feeds");
    let source = parse_feed(&site, "sources/a-b-news/rss.xml");
    assert_eq!(source.entries.len(), 1);
    let digests = parse_feed(&site, "digests/feed.json");
    assert_eq!(digests.entries.len(), 1, "one digest: 1 June");
    assert!(digests.entries[0].title.as_ref().unwrap().content.contains("1 June 2025"));
}

/// The digests feed carries finished periods only: the week still filling is on the site, and
/// reaches the feed once it is over, by the first build after it (which is no no-op, though no
/// file changed).
#[test]
fn the_digests_feed_waits_for_a_period_to_end() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "base_url: https://example.org/\ndigest:\n  period: week\n"),
        ("content/2025-05-28-bridge.md", "---\ntitle: Bridge reopens\n---\nThe bridge reopened.\n"),
        ("content/2025-06-02-ferry.md", "---\ntitle: Ferry fares rise\n---\nFares rise again.\n"),
    ]);
    let weeks = |site: &SiteTest| -> Vec<String> {
        let feed = parse_feed(site, "digests/atom.xml");
        feed.entries.iter().map(|entry| entry.title.as_ref().unwrap().content.clone()).collect()
    };
    // Wednesday of week 23.
    assert!(site.run(&["build", "--now", "2025-06-04T12:00:00Z"]).success);
    assert!(site.has_output("2025/w23/index.html"), "the week so far has its page");
    // The front page and the issues announce the feed of issues, and an issue links it.
    let week = site.output("2025/w23/index.html");
    assert!(
        week.contains(
            "type=\"application/atom+xml\" title=\"Gazette — digests (Atom)\" href=\"../../digests/atom.xml\""
        ),
        "{week}"
    );
    assert!(week.contains("<a href=\"../../digests/rss.xml\">RSS feed</a>"), "{week}");
    assert!(site.output("index.html").contains("href=\"./digests/rss.xml\""));
    let so_far = weeks(&site);
    assert_eq!(so_far.len(), 1, "{so_far:?}");
    assert!(so_far[0].starts_with("Week 22"), "{so_far:?}");
    // Monday after: the week is an issue.
    assert!(site.run(&["build", "--now", "2025-06-09T00:00:01Z"]).success);
    let after = weeks(&site);
    assert_eq!(after.len(), 2, "{after:?}");
    assert!(after[0].starts_with("Week 23"), "{after:?}");
}

/// A digest's feed item is the issue as its page has it, for a newsletter service to mail:
/// stories under their topics, each with its outlet and summary.
#[test]
fn a_digest_item_groups_its_stories_by_topic_with_their_outlets() {
    let story = |title: &str, tags: &str, text: &str| {
        format!("---\ntitle: {title}\ntags: [{tags}]\nsource: Portvale Courier\n---\n{text}\n")
    };
    let site = SiteTest::with_files(&[
        ("site.yaml", "base_url: https://example.org/\n"),
        (
            "content/2025-06-01-fees.md",
            &story("Harbour fees rise", "Harbour", "The harbour raised its fees."),
        ),
        ("content/2025-06-01-pier.md", &story("Pier reopens", "Harbour", "The pier reopened after repairs.")),
        (
            "content/2025-06-01-rail.md",
            &story("Rail strike ends", "Rail", "The rail strike ended on Sunday."),
        ),
    ]);
    assert!(site.run(&["build", "--now", NOW]).success);
    let json: serde_json::Value = serde_json::from_str(&site.output("digests/feed.json")).unwrap();
    let html = json["items"][0]["content_html"].as_str().unwrap();
    let harbour = html.find("<h3>Harbour</h3>").expect(html);
    let other = html.find("<h3>Other stories</h3>").expect(html);
    assert!(
        harbour < html.find("Pier reopens").unwrap() && html.find("Pier reopens") < Some(other),
        "{html}"
    );
    assert!(
        html.contains("Rail strike ends</a> (Portvale Courier) — The rail strike ended on Sunday."),
        "{html}"
    );
    // Two outlets' reports of one story: one item, the other outlet linked after it.
    let ferry = "The ferry operator said on Sunday that crossings to the island would be cut from twelve \
        a day to six from next month because of a shortage of crew, a decision that residents and \
        businesses on the island said would leave them cut off in the busiest weeks of the summer.";
    site.write(
        "content/2025-06-01-ferry-a.md",
        &format!("---\ntitle: Ferry crossings cut\nsource: Ashford Herald\n---\n{ferry}\n"),
    );
    site.write(
        "content/2025-06-01-ferry-b.md",
        &format!("---\ntitle: Ferry service halved\nsource: Bay Times\n---\n{ferry}\n"),
    );
    assert!(site.run(&["build", "--now", NOW]).success);
    let json: serde_json::Value = serde_json::from_str(&site.output("digests/feed.json")).unwrap();
    let html = json["items"][0]["content_html"].as_str().unwrap();
    let listed = html.matches("Ferry crossings cut").count() + html.matches("Ferry service halved").count();
    assert_eq!(listed, 1, "one item for the story: {html}");
    let also = html.find("Also reported by <a href=").expect(html);
    let (herald, times) = (html.find("(Ashford Herald)"), html.find(">Bay Times</a>"));
    let (bay_lead, herald_also) = (html.find("(Bay Times)"), html.find(">Ashford Herald</a>"));
    assert!(
        (herald < Some(also) && times > Some(also)) || (bay_lead < Some(also) && herald_also > Some(also)),
        "each outlet where it belongs: {html}"
    );
}

#[test]
fn feeds_name_a_tag_as_its_page_does() {
    let site = SiteTest::with_files(&[
        ("content/2025-03-01-a.md", "---\ntitle: A\ntags: [US]\n---\n\nOne.\n"),
        ("content/2025-03-02-b.md", "---\ntitle: B\ntags: [U.S.]\n---\n\nTwo.\n"),
        ("content/2025-03-03-c.md", "---\ntitle: C\ntags: [U.S.]\n---\n\nThree.\n"),
    ]);
    site.build_ok();
    for path in ["rss.xml", "atom.xml", "feed.json", "tags/us/rss.xml"] {
        let feed = parse_feed(&site, path);
        assert_eq!(feed.entries.len(), 3, "{path}");
        for entry in &feed.entries {
            let categories: Vec<&str> = entry.categories.iter().map(|c| c.term.as_str()).collect();
            assert_eq!(categories, ["U.S."], "{path}: every story under the tag page's name");
        }
    }
}

#[test]
fn feeds_are_discoverable() {
    let site = hostile();
    let home = site.output("index.html");
    assert!(home.contains("type=\"application/rss+xml\""), "RSS link in the head");
    assert!(home.contains("type=\"application/atom+xml\""));
    assert!(home.contains("type=\"application/feed+json\""));
    let tag = site.output("tags/pier/index.html");
    assert!(tag.contains("tags/pier/rss.xml"), "a tag page announces its own feed");
}

#[test]
fn sitemaps_and_robots() {
    let site = hostile();
    let sitemap = site.output("sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let urls: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).collect();
    assert!(urls.contains(&"https://example.org/sub/path/"));
    assert!(urls.contains(&"https://example.org/sub/path/2025/06/01/tagged/"));
    assert!(urls.contains(&"https://example.org/sub/path/tags/pier/"));
    assert!(!urls.iter().any(|u| u.contains("scheduled") || u.contains("draft") || u.contains("expired")));
    let news = site.output("news-sitemap.xml");
    let doc = roxmltree::Document::parse(&news).unwrap();
    let titles: Vec<&str> =
        doc.descendants().filter(|n| n.tag_name().name() == "title").filter_map(|n| n.text()).collect();
    assert_eq!(titles.len(), 2, "articles of the last two days before --now: {titles:?}");
    let old = SiteTest::fixture("hostile");
    assert!(old.run(&["build", "--now", "2025-07-01T00:00:00Z"]).success);
    assert!(!old.output("news-sitemap.xml").contains("<url>"), "nothing recent a month later");
    let robots = site.output("robots.txt");
    assert!(robots.contains("Sitemap: https://example.org/sub/path/sitemap.xml"));
    assert!(robots.contains("Sitemap: https://example.org/sub/path/news-sitemap.xml"));
}

#[test]
fn article_pages_carry_news_article_json_ld_and_social_tags() {
    let site = hostile();
    let page = site.output("2025/06/01/tagged/index.html");
    let value = json_ld(&page);
    assert_eq!(value["@type"], "NewsArticle");
    assert_eq!(value["headline"], "Tagged <story> & friends");
    assert_eq!(value["datePublished"], "2025-06-01T10:00:00+00:00");
    assert!(value["dateModified"].is_string());
    assert_eq!(value["author"][0]["name"], "Ana & Bo");
    assert_eq!(value["publisher"]["name"], "A&B News");
    assert_eq!(value["image"][0], "https://example.org/sub/path/img/pier.jpg");
    assert_eq!(value["articleSection"], "Fish & Chips");
    assert_eq!(value["keywords"], "Fish & Chips, Pier");
    assert_eq!(value["isAccessibleForFree"], true);
    assert!(page.contains("<meta property=\"og:title\""), "Open Graph");
    assert!(page.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(page.contains("<meta name=\"twitter:card\""), "Twitter card");
    assert!(
        page.contains("<link rel=\"canonical\" href=\"https://example.org/sub/path/2025/06/01/tagged/\">")
    );
}

#[test]
fn drafts_scheduled_and_expired_appear_exactly_where_they_should() {
    let site = hostile();
    let everything: String =
        site.output_tree().into_iter().map(|(_, b)| String::from_utf8_lossy(&b).into_owned()).collect();
    for hidden in ["Scheduled story", "Expired story", "Draft story"] {
        assert!(!everything.contains(hidden), "{hidden} leaked into the output");
    }
    let run = site.run(&["build", "--now", NOW, "--future", "--drafts", "--expired"]);
    assert!(run.success);
    assert!(site.has_output("2025/06/02/scheduled/index.html"));
    assert!(site.has_output("2025/06/02/draft/index.html"));
    assert!(site.has_output("2025/05/01/expired/index.html"));
    let later = SiteTest::fixture("hostile");
    assert!(later.run(&["build", "--now", "2025-06-10T00:00:01Z"]).success);
    assert!(later.has_output("2025/06/02/scheduled/index.html"), "due once --now passes publish_date");
    assert!(later.output("tags/pier/index.html").contains("Scheduled story"));
}

#[test]
fn check_passes_on_a_good_site_and_finds_a_planted_broken_link() {
    let site = SiteTest::fixture("hostile");
    let run = site.run(&["check", "--now", NOW]);
    assert!(run.success, "{}", run.stderr);
    // The site is published under /sub/path/: a photo given from the site's root is linked
    // relative to its page, as the feeds and link previews read it from the site's root too.
    assert!(site.run(&["build", "--now", NOW]).success);
    let tagged = site.output("2025/06/01/tagged/index.html");
    assert!(tagged.contains("<img src=\"../../../../img/pier.jpg\""), "{tagged}");
    std::fs::remove_dir_all(site.root.join("public")).unwrap();
    // A link written for a site at its domain's root misses under the sub-path.
    site.write(
        "content/2025-06-01-rooted.md",
        "---\ntitle: Rooted link\ndate: 2025-06-01\n---\nSee [the pier](/2025/06/01/tagged/).\n",
    );
    let run = site.run(&["check", "--now", NOW]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("2025-06-01-rooted.md:5: broken link: `/2025/06/01/tagged/` is outside the site")
            && run.stderr.contains("`/sub/path/2025/06/01/tagged/`"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(site.root.join("content/2025-06-01-rooted.md")).unwrap();
    site.write("content/2025-06-01-broken.md", "---\ntitle: Broken link\ndate: 2025-06-01\n---\nSee [this](../../nowhere/) and [that](#missing-anchor).\n");
    let run = site.run(&["check", "--now", NOW]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("content/2025-06-01-broken.md:5: broken link: `../../nowhere/`"),
        "named at the article's line: {}",
        run.stderr
    );
    assert!(run.stderr.contains("(the link is on page 2025/06/01/broken/index.html)"), "{}", run.stderr);
    assert!(
        run.stderr.contains("2025-06-01-broken.md:5: broken anchor: `#missing-anchor`"),
        "{}",
        run.stderr
    );
    assert!(!site.has_output("index.html"), "check writes nothing");
}

#[test]
fn check_says_a_broken_link_leads_to_a_draft() {
    let site = SiteTest::with_files(&[
        ("content/2025-06-01-plan.md", "---\ntitle: Pier plan\ndraft: true\n---\nThe plan.\n"),
        (
            "content/2025-06-02-vote.md",
            "---\ntitle: Pier vote\n---\nSee [the plan](../../01/plan/) and [nothing](../../01/nothing/).\n",
        ),
    ]);
    let run = site.run(&["check", "--now", NOW]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("2025-06-02-vote.md:4: broken link: `../../01/plan/` leads to ")
            && run.stderr.contains("2025-06-01-plan.md: a draft, published once its `draft: true` goes"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("broken link: `../../01/nothing/` (no 2025/06/01/nothing/index.html)"),
        "{}",
        run.stderr
    );
    assert!(site.run(&["check", "--now", NOW, "--drafts"]).stderr.contains("`../../01/nothing/`"));
    assert!(!site.run(&["check", "--now", NOW, "--drafts"]).stderr.contains("`../../01/plan/`"));
}

/// `feeds.formats: [atom]`: every feed of the site (its own, the digests', each tag's, source's
/// and author's) is written as Atom alone; pages announce and link only the feeds that exist, in
/// either theme, and `check` finds nothing broken. Listed first, JSON is what a tag page links.
#[test]
fn feed_formats_choose_the_files_every_feed_is_written_as() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "base_url: https://example.org/\nfeeds:\n  formats: [atom]\n"),
        (
            "content/2025-03-01-a.md",
            "---\ntitle: A\ntags: [Harbour]\nsource: Wire\nauthor: Ana\n---\n\nOne.\n",
        ),
        ("content/2025-03-02-b.md", "---\ntitle: B\ntags: [Harbour]\n---\n\nTwo.\n"),
    ]);
    site.build_ok();
    let files: Vec<String> = site.output_tree().into_iter().map(|(path, _)| path).collect();
    let feeds: Vec<&String> = files
        .iter()
        .filter(|p| p.ends_with("rss.xml") || p.ends_with("atom.xml") || p.ends_with("feed.json"))
        .collect();
    for (folder, entries) in
        [("", 2), ("digests/", 2), ("tags/harbour/", 2), ("sources/wire/", 1), ("authors/ana/", 1)]
    {
        let atom = format!("{folder}atom.xml");
        assert!(feeds.contains(&&atom), "{atom} in {feeds:?}");
        assert_eq!(parse_feed(&site, &atom).entries.len(), entries, "{atom}");
    }
    assert!(feeds.iter().all(|path| path.ends_with("atom.xml")), "Atom only: {feeds:?}");
    let tag = site.output("tags/harbour/index.html");
    assert!(tag.contains("<a href=\"../../tags/harbour/atom.xml\">Atom feed</a>"), "{tag}");
    let announced: Vec<&str> = tag.lines().filter(|line| line.contains("rel=\"alternate\"")).collect();
    assert_eq!(announced.len(), 2, "the site's feed and the tag's: {announced:?}");
    assert!(announced.iter().all(|line| line.contains("application/atom+xml")), "{announced:?}");
    let run = site.run(&["check"]);
    assert!(run.success, "{}", run.stderr);

    site.write("site.yaml", "base_url: https://example.org/\nfeeds:\n  formats: [json, rss]\n");
    site.build_ok();
    assert!(
        !site.has_output("atom.xml") && !site.has_output("tags/harbour/atom.xml"),
        "a format dropped is gone"
    );
    assert!(site.has_output("feed.json") && site.has_output("tags/harbour/rss.xml"));
    assert!(
        site.output("tags/harbour/index.html")
            .contains("<a href=\"../../tags/harbour/feed.json\">JSON feed</a>")
    );
    let broadsheet = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/broadsheet");
    crate::harness::copy_dir(&broadsheet, &site.root.join("themes/broadsheet"));
    site.write("site.yaml", "base_url: https://example.org/\ntheme: broadsheet\nfeeds:\n  formats: RSS\n");
    site.build_ok();
    let tag = site.output("tags/harbour/index.html");
    assert!(tag.contains("<a href=\"../../tags/harbour/rss.xml\">RSS</a>"), "{tag}");
    assert!(!site.has_output("feed.json"));
    let run = site.run(&["check"]);
    assert!(run.success, "{}", run.stderr);
}

#[test]
fn an_unknown_or_empty_feed_format_is_an_error_naming_the_key() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "feeds:\n  formats: [rss, xml]\n"),
        ("content/2025-03-01-a.md", "---\ntitle: A\n---\n\nOne.\n"),
    ]);
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("site.yaml:2: feeds.formats: `xml` is no feed format: write rss, atom or json"),
        "{}",
        run.stderr
    );
    site.write("site.yaml", "feeds:\n  formats: []\n");
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(run.stderr.contains("`feeds.formats`: list one or more of rss, atom and json"), "{}", run.stderr);
    assert!(!site.has_output("index.html"));
}
