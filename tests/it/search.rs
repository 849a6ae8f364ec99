//! Site search: the Pagefind index covers exactly the published articles, and a real browser
//! finds an article by a word that only it contains.

use std::io::Read;
use std::time::{Duration, Instant};

use crate::harness::SiteTest;

/// Pages in the index, from Pagefind's entry file.
fn indexed_pages(site: &SiteTest) -> u64 {
    let entry: serde_json::Value =
        serde_json::from_str(&site.output("pagefind/pagefind-entry.json")).unwrap();
    entry["languages"].as_object().unwrap().values().map(|l| l["page_count"].as_u64().unwrap()).sum()
}

/// Every indexed fragment, decompressed (Pagefind gzips them).
fn fragments(site: &SiteTest) -> String {
    let mut all = String::new();
    for (path, bytes) in site.output_tree() {
        if path.starts_with("pagefind/fragment/") {
            let mut text = String::new();
            flate2::read::GzDecoder::new(bytes.as_slice()).read_to_string(&mut text).unwrap();
            all.push_str(&text);
        }
    }
    all
}

#[test]
fn the_index_covers_every_published_article_and_nothing_hidden() {
    let site = SiteTest::fixture("hostile");
    assert!(site.run(&["build", "--now", "2025-06-02T12:00:00Z"]).success);
    assert_eq!(indexed_pages(&site), 2, "the two published articles");
    let text = fragments(&site);
    assert!(
        text.contains("Tagged <story> & friends") || text.contains("Tagged &lt;story&gt; &amp; friends"),
        "{text}"
    );
    for hidden in ["Scheduled story", "Expired story", "Draft story", "Unfinished"] {
        assert!(!text.contains(hidden), "{hidden} must never be indexed");
    }
    assert!(site.has_output("search/index.html"));
    assert!(site.output("index.html").contains("search/"), "the search page is linked");
}

#[test]
fn search_can_be_turned_off() {
    let site = SiteTest::fixture("basic");
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{config}search:\n  enabled: false\n"));
    site.build_ok();
    assert!(!site.has_output("pagefind/pagefind.js"));
    assert!(!site.has_output("search/index.html"));
    assert!(!site.output("index.html").contains("search/\""));
}

#[test]
fn a_real_browser_finds_the_one_article_with_a_word() {
    let Some(browser) = crate::browser::Browser::start() else { return };
    let served = crate::serve::Served::start(SiteTest::fixture("basic"));
    let running = served.running.as_ref().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !running.files().contains_key("pagefind/pagefind.js") {
        assert!(Instant::now() < deadline, "the search index was never added");
        std::thread::sleep(Duration::from_millis(100));
    }
    // "fishermen" occurs in exactly one fixture article.
    browser.goto(&format!("{}search/", served.url()));
    browser.wait_for("return !!document.getElementById('search-input')", 20, "the search page");
    browser.eval(
        "const input = document.getElementById('search-input'); input.value = 'fishermen'; \
         document.getElementById('search-form').requestSubmit(); return true",
    );
    browser.wait_for(
        "return document.querySelectorAll('#search-results .result').length > 0",
        20,
        "search results",
    );
    let titles = browser
        .eval("return [...document.querySelectorAll('#search-results .result h2')].map(h => h.innerText)");
    assert_eq!(titles, serde_json::json!(["Ferry timetable changes for the spring season"]));
    let excerpt = browser.eval("return document.querySelector('#search-results .result .excerpt').innerHTML");
    assert!(excerpt.as_str().unwrap().contains("<mark>fishermen"), "highlighted excerpt: {excerpt}");
}
