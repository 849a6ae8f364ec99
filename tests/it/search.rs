//! Site search: the index covers exactly the published articles, and a real browser finds an
//! article by a word that only it contains.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::harness::SiteTest;

#[test]
fn the_index_covers_every_published_article_and_nothing_hidden() {
    let site = SiteTest::fixture("hostile");
    let run = site.run(&["build", "--now", "2025-06-02T12:00:00Z"]);
    assert!(run.success);
    // The summary says where the hidden three went.
    assert!(run.stderr.contains("(2 published, 1 draft, 1 scheduled, 1 expired)"), "{}", run.stderr);
    let meta: serde_json::Value = serde_json::from_str(&site.output("search/meta.json")).unwrap();
    assert_eq!(meta["docs"], 2, "the two published articles");
    let docs: serde_json::Value = serde_json::from_str(&site.output("search/docs/0.json")).unwrap();
    let titles: Vec<&str> = docs.as_array().unwrap().iter().map(|d| d["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Tagged <story> & friends"), "{titles:?}");
    let shard: serde_json::Value = serde_json::from_str(&site.output("search/terms/f_i.json")).unwrap();
    assert!(shard["fish"].is_array(), "body words are indexed: {shard}");
    let text: String = site
        .output_tree()
        .into_iter()
        .filter(|(path, _)| path.starts_with("search/") && !path.ends_with(".html"))
        .map(|(_, bytes)| String::from_utf8(bytes).unwrap().to_lowercase())
        .collect();
    for hidden in ["scheduled story", "expired story", "draft story", "unfinished"] {
        assert!(!text.contains(hidden), "{hidden} must never be indexed");
    }
    assert!(site.has_output("search/index.html"));
    assert!(site.output("index.html").contains("search/"), "the search page is linked");
    // Excerpts are cut from the article pages: each one's body is marked, and no copy is written.
    let tree = site.output_tree();
    let marked = tree
        .iter()
        .filter(|(path, bytes)| {
            !path.starts_with("search/") && String::from_utf8_lossy(bytes).contains("data-search-body")
        })
        .count();
    assert_eq!(marked, 2, "the two published articles' pages mark their body");
    assert!(!tree.iter().any(|(path, _)| path.starts_with("search/text/")), "no copy of the article texts");
}

#[test]
fn a_new_story_leaves_the_rest_of_the_index_as_it_was() {
    // A daily publish uploads what changed: the day's story must not renumber the archive.
    let mut files: Vec<(String, String)> = (1..=28)
        .map(|day| {
            (
                format!("content/2025-03-{day:02}-harbour-{day}.md"),
                format!("---\ntitle: Harbour report {day}\n---\n\nThe harbour was busy on day {day}.\n"),
            )
        })
        .collect();
    files.push((
        "content/2025-02-01-air.md".into(),
        "---\ntitle: Air quality\n---\n\nThe air was clean.\n".into(),
    ));
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let site = SiteTest::with_files(&files);
    site.build_ok();
    let index = |site: &SiteTest| -> BTreeMap<String, Vec<u8>> {
        site.output_tree().into_iter().filter(|(path, _)| path.starts_with("search/")).collect()
    };
    let before = index(&site);
    site.write("content/2025-04-01-ferry.md", "---\ntitle: Ferry strike\n---\n\nNo ferry sailed today.\n");
    site.build_ok();
    let after = index(&site);

    let changed: Vec<&String> = after.keys().filter(|path| before.get(*path) != after.get(*path)).collect();
    // The new story's words (ferry, strike, no, sailed, today), its docs file, meta and filters.
    for path in ["search/terms/f_e.json", "search/terms/s_t.json", "search/docs/1.json", "search/meta.json"] {
        assert!(changed.contains(&&path.to_string()), "{path} must change: {changed:?}");
    }
    for path in
        ["search/terms/h_a.json", "search/terms/a_i.json", "search/terms/b_u.json", "search/docs/0.json"]
    {
        assert_eq!(before.get(path), after.get(path), "{path} holds nothing of the new story");
    }
    assert!(changed.len() <= 10, "only the new story's part of the index changes: {changed:?}");
    // The new story is the last id: found by its word, and listed first.
    let meta: serde_json::Value = serde_json::from_slice(&after["search/meta.json"]).unwrap();
    assert_eq!(meta["docs"], 30);
    let shard: serde_json::Value = serde_json::from_slice(&after["search/terms/f_e.json"]).unwrap();
    assert_eq!(shard["ferry"], serde_json::json!([29]));
    let docs: serde_json::Value = serde_json::from_slice(&after["search/docs/1.json"]).unwrap();
    assert_eq!(docs[4]["title"], "Ferry strike");
    let first: serde_json::Value = serde_json::from_slice(&after["search/docs/0.json"]).unwrap();
    assert_eq!(first[0]["title"], "Air quality", "the oldest story is number 0");
}

#[test]
fn search_can_be_turned_off() {
    let site = SiteTest::fixture("basic");
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{config}search:\n  enabled: false\n"));
    site.build_ok();
    assert!(!site.has_output("search/meta.json"));
    assert!(!site.has_output("search/index.html"));
    assert!(!site.output("index.html").contains("search/\""));
}

#[test]
fn a_real_browser_finds_the_one_article_with_a_word() {
    let Some(browser) = crate::browser::Browser::start() else { return };
    let served = crate::serve::Served::start(SiteTest::fixture("basic"));
    let running = served.running.as_ref().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !running.files().contains_key("search/meta.json") {
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
    let excerpt = excerpt.as_str().unwrap();
    assert!(excerpt.contains("<mark>fishermen</mark>"), "highlighted excerpt: {excerpt}");
    // Cut from the article page's text around the match (the summary, the fallback, starts at the
    // article's first word).
    assert!(excerpt.starts_with("… ") && excerpt.contains("departure"), "excerpt from the page: {excerpt}");
}

/// A static server (Python's) over `folder`, stopped when dropped: the built site served as a
/// host serves it, from a folder other than the one its base URL names.
struct StaticServer {
    child: std::process::Child,
    port: u16,
}

impl StaticServer {
    fn start(folder: &std::path::Path) -> StaticServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = std::process::Command::new("python3")
            .args(["-m", "http.server", "--bind", "127.0.0.1", &port.to_string(), "--directory"])
            .arg(folder)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3 -m http.server");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the static server never listened");
            std::thread::sleep(Duration::from_millis(50));
        }
        StaticServer { child, port }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn results_link_right_when_the_site_is_served_from_another_folder() {
    // README: links are relative, so a built site works under any path, unchanged. The fixture's
    // base URL names /news/; the copy is served from /mirror/.
    let Some(browser) = crate::browser::Browser::start() else { return };
    let site = SiteTest::fixture("basic");
    site.build_ok();
    let www = tempfile::tempdir().unwrap();
    crate::harness::copy_dir(&site.root.join("public"), &www.path().join("mirror"));
    let server = StaticServer::start(www.path());
    browser.goto(&format!("http://127.0.0.1:{}/mirror/search/", server.port));
    browser.wait_for("return !!document.getElementById('search-input')", 20, "the search page");
    assert_eq!(search_for(&browser, "fishermen"), ["Ferry timetable changes for the spring season"]);
    let link = browser.eval("return document.querySelector('#search-results .result h2 a').href");
    assert_eq!(
        link.as_str().unwrap(),
        format!("http://127.0.0.1:{}/mirror/2025/03/14/ferry-timetable-changes/", server.port)
    );
    // The excerpt is cut from the article's page, which was found there (else the summary shows).
    let excerpt = browser.eval("return document.querySelector('#search-results .result .excerpt').innerHTML");
    let excerpt = excerpt.as_str().unwrap();
    assert!(excerpt.starts_with("… ") && excerpt.contains("<mark>fishermen</mark>"), "{excerpt}");
}

/// Types `query` into the search page and waits until the status line says how many stories
/// were found; returns the titles listed.
fn search_for(browser: &crate::browser::Browser, query: &str) -> Vec<String> {
    browser.eval(&format!(
        "document.getElementById('search-status').textContent = ''; \
         const input = document.getElementById('search-input'); input.value = {query:?}; \
         document.getElementById('search-form').requestSubmit(); return true"
    ));
    browser.wait_for(
        "const s = document.getElementById('search-status').textContent; \
         return s.endsWith('found') && document.querySelectorAll('#search-results .result').length > 0",
        20,
        "search results",
    );
    titles(browser)
}

fn titles(browser: &crate::browser::Browser) -> Vec<String> {
    let titles = browser
        .eval("return [...document.querySelectorAll('#search-results .result h2')].map(h => h.innerText)");
    serde_json::from_value(titles).unwrap()
}

#[test]
fn a_real_browser_searches_without_accents_pages_through_results_and_filters() {
    let Some(browser) = crate::browser::Browser::start() else { return };
    let mut files: Vec<(String, String)> = (1..=25)
        .map(|day| {
            (
                format!("content/2025-03-{day:02}-harbour-{day}.md"),
                format!("---\ntitle: Harbour report {day}\n---\n\nThe harbour was busy on day {day}.\n"),
            )
        })
        .collect();
    files.push((
        "content/2025-04-01-airport.md".into(),
        "---\ntitle: Airport opens\nsource: Zürich Post\n---\n\nThe Zürich airport opened a terminal.\n"
            .into(),
    ));
    files.push((
        "content/2025-02-01-air.md".into(),
        "---\ntitle: Air quality\nsource: Zürich Post\n---\n\nThe air was clean.\n".into(),
    ));
    files.push((
        "content/2025-01-10-armistice.md".into(),
        "---\ntitle: Cérémonie\nauthors: [Lena Okafor]\n---\n\nLe maire a célébré l'armistice dans la Fahrradstraße.\n"
            .into(),
    ));
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let served = crate::serve::Served::start(SiteTest::with_files(&files));
    browser.goto(&format!("{}search/", served.url()));
    browser.wait_for("return !!document.getElementById('search-input')", 20, "the search page");
    browser.wait_for("return !document.getElementById('search-filters').hidden", 20, "the filters");

    // Typed without its accent, Zürich is found (in the text, and in the source) and marked.
    assert_eq!(search_for(&browser, "zurich"), ["Airport opens", "Air quality"]);
    let excerpt = browser.eval("return document.querySelector('#search-results .excerpt').innerHTML");
    assert!(excerpt.as_str().unwrap().contains("<mark>Zürich</mark>"), "{excerpt}");

    // A word after an elision, a writer's name, and ß typed as ss.
    assert_eq!(search_for(&browser, "armistice"), ["Cérémonie"]);
    let excerpt = browser.eval("return document.querySelector('#search-results .excerpt').innerHTML");
    assert!(excerpt.as_str().unwrap().contains("<mark>l’armistice</mark>"), "marked: {excerpt}");
    assert_eq!(search_for(&browser, "okafor"), ["Cérémonie"]);
    assert_eq!(search_for(&browser, "fahrradstrasse"), ["Cérémonie"]);

    // Twenty at a time, and the rest on request.
    assert_eq!(search_for(&browser, "harbour").len(), 20);
    browser.eval("document.getElementById('search-more').click(); return true");
    browser.wait_for(
        "return document.querySelectorAll('#search-results .result').length === 25",
        20,
        "25 results",
    );
    assert_eq!(browser.eval("return document.getElementById('search-more').hidden"), serde_json::json!(true));

    // Typed, without Enter: the results follow the typing.
    browser.eval(
        "document.getElementById('search-input').value = ''; \
         document.getElementById('search-status').textContent = ''; return true",
    );
    browser.type_into("#search-input", "quality");
    browser.wait_for(
        "return document.querySelectorAll('#search-results .result').length === 1",
        20,
        "results while typing",
    );
    assert_eq!(titles(&browser), ["Air quality"]);
    assert_eq!(
        browser.eval("return new URL(location.href).searchParams.get('q')"),
        serde_json::json!("quality")
    );

    // The word itself before longer words it begins, however new they are.
    assert_eq!(search_for(&browser, "air"), ["Air quality", "Airport opens"]);

    // A filter with no words lists what it allows.
    browser.eval(
        "document.getElementById('search-input').value = ''; \
         const box = [...document.querySelectorAll('#filter-source input')].find(b => b.value === 'Zürich Post'); \
         box.click(); return true",
    );
    browser.wait_for(
        "return document.querySelectorAll('#search-results .result').length === 2",
        20,
        "filtered",
    );
    assert_eq!(titles(&browser), ["Airport opens", "Air quality"]);
}
