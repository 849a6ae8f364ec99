//! `gazette serve` over real HTTP on an ephemeral loopback port: pages, reload events, the error
//! overlay, stylesheet swaps, editor save patterns, bursts, and incremental rebuilds that always
//! equal a clean build.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use gazette::serve::watch::Change;
use gazette::serve::{Running, ServeOptions, ServeReporter};

use crate::harness::SiteTest;

/// Counts rebuilds (and the articles each patched in) and lets a test wait for them.
struct Recorder {
    sender: Mutex<Sender<Rebuilt>>,
}

/// What one rebuild reported: articles patched in, and its warnings.
type Rebuilt = (usize, Vec<String>);

impl ServeReporter for Recorder {
    fn listening(&self, _: &str) {}
    fn rebuilt(&self, report: &gazette::Report, _: &[(PathBuf, Change)], _: Duration) {
        let warnings =
            report.diagnostics.sorted().iter().filter(|d| !d.is_error()).map(ToString::to_string).collect();
        let _ = self.sender.lock().unwrap().send((report.patched, warnings));
    }
    fn problem(&self, message: &str) {
        panic!("watcher problem: {message}");
    }
}

pub(crate) struct Served {
    pub(crate) site: SiteTest,
    pub(crate) running: Option<Running>,
    rebuilds: Receiver<Rebuilt>,
}

impl Served {
    pub(crate) fn start(site: SiteTest) -> Served {
        let (sender, rebuilds) = channel();
        let options = ServeOptions {
            root: site.root.clone(),
            overrides: Default::default(),
            bind: "127.0.0.1".into(),
            port: 0,
            poll: None,
            now: Some("2026-01-01T00:00:00Z".parse().unwrap()),
        };
        let running =
            gazette::serve::start(options, Arc::new(Recorder { sender: Mutex::new(sender) })).unwrap();
        rebuilds.recv_timeout(Duration::from_secs(10)).expect("first build");
        Served { site, running: Some(running), rebuilds }
    }

    pub(crate) fn url(&self) -> String {
        self.running.as_ref().unwrap().url.clone()
    }

    /// Waits for at least one rebuild, then until rebuilds stop; returns how many articles the
    /// rebuilds patched into the served site (0: they assembled it again).
    fn settle(&self) -> usize {
        self.settle_with_warnings().0
    }

    /// [`Served::settle`], also returning the warnings of the last rebuild.
    fn settle_with_warnings(&self) -> Rebuilt {
        let (mut patched, mut warnings) =
            self.rebuilds.recv_timeout(Duration::from_secs(10)).expect("a rebuild after the change");
        while let Ok((more, later)) = self.rebuilds.recv_timeout(Duration::from_millis(400)) {
            patched += more;
            warnings = later;
        }
        (patched, warnings)
    }

    /// Asserts that every file served equals the file a clean build writes.
    fn assert_same_as_a_clean_build(&self, step: usize) {
        let running = self.running.as_ref().unwrap();
        let config = running.config().unwrap();
        let mut report = gazette::Report::default();
        let sink = gazette::emit::MemorySink::new();
        let now = "2026-01-01T00:00:00Z".parse().unwrap();
        assert!(gazette::build_into(&config, now, &sink, &gazette::NoProgress, &mut report));
        let clean = sink.into_files();
        let served = running.files();
        let clean_paths: Vec<&String> = clean.keys().collect();
        let served_paths: Vec<&String> = served.keys().collect();
        assert_eq!(served_paths, clean_paths, "step {step}: same files");
        for (path, bytes) in clean.iter() {
            assert!(served[path] == *bytes, "step {step}: {path} differs from a clean build");
        }
    }

    fn get(&self, path: &str) -> (u16, String, String) {
        request(&self.url(), "GET", path)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(running) = self.running.take() {
            running.stop();
        }
    }
}

/// A raw HTTP/1.1 request; returns status, headers and body.
fn request(url: &str, method: &str, path: &str) -> (u16, String, String) {
    let address = url.trim_start_matches("http://").split('/').next().unwrap();
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head.to_string(), body.to_string())
}

/// An open event stream.
struct Events {
    reader: BufReader<TcpStream>,
    /// The version of the site the server said it serves when the stream opened.
    version: String,
}

impl Events {
    fn open(url: &str) -> Events {
        let address = url.trim_start_matches("http://").split('/').next().unwrap();
        let mut stream = TcpStream::connect(address).unwrap();
        write!(stream, "GET /__gazette/events HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while line != "\r\n" {
            line.clear();
            reader.read_line(&mut line).unwrap();
        }
        let mut events = Events { reader, version: String::new() };
        let (name, version) = events.next_with_data();
        assert_eq!(name, "version", "the first event tells the version served");
        events.version = version;
        events
    }

    /// True when no event comes within `wait` (pings are 15 s apart).
    fn quiet_for(&mut self, wait: Duration) -> bool {
        self.reader.get_ref().set_read_timeout(Some(wait)).unwrap();
        let mut line = String::new();
        let quiet = loop {
            line.clear();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("event stream closed"),
                Ok(_) if line.starts_with("event: ") => break false,
                Ok(_) => continue,
                Err(_) => break true,
            }
        };
        self.reader.get_ref().set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        quiet
    }

    /// The next event's name (comments and pings skipped).
    fn next(&mut self) -> String {
        self.next_with_data().0
    }

    /// The next event's name and its data's first line.
    fn next_with_data(&mut self) -> (String, String) {
        let mut line = String::new();
        let mut name = None;
        loop {
            line.clear();
            if self.reader.read_line(&mut line).unwrap() == 0 {
                panic!("event stream closed");
            }
            if let Some(event) = line.strip_prefix("event: ") {
                name = Some(event.trim().to_string());
            } else if let (Some(name), Some(data)) = (&name, line.strip_prefix("data: ")) {
                return (name.clone(), data.trim().to_string());
            }
        }
    }
}

/// The version of the site a served page says it shows.
fn page_version(body: &str) -> &str {
    let start = body.find("data-version=\"").expect("the reload script carries the version") + 14;
    &body[start..start + body[start..].find('"').unwrap()]
}

const ARTICLE: &str = "content/2025-03-01-harbour.txt";

fn site() -> SiteTest {
    SiteTest::with_files(&[
        (ARTICLE, "Harbour news\n\nThe harbour master announced new mooring fees on Saturday.\n"),
        ("content/2025-03-02-market.txt", "The fish market opened an hour early on Sunday.\n"),
        ("static/extra.css", "body { color: black; }\n"),
    ])
}

#[test]
fn a_site_published_under_a_path_is_served_under_it() {
    // As it will be published (a project site on GitHub Pages, a newsroom's /news/), so links
    // written from the domain's root work in the preview too.
    let site = SiteTest::with_files(&[
        ("site.yaml", "title: Desk\nbase_url: https://example.org/news/\n"),
        ("content/2025-03-14-ferry.md", "---\ntitle: Ferry strike\n---\n\nSee the [front page](/news/).\n"),
    ]);
    let served = Served::start(site);
    let url = served.url();
    assert!(url.ends_with("/news/"), "{url}");
    let (status, _, body) = served.get("/news/");
    assert_eq!(status, 200);
    assert!(body.contains("Ferry strike"), "{body}");
    assert_eq!(served.get("/news/2025/03/14/ferry/").0, 200);
    // To the site's path for now (302: another site may be served on this port later), and a
    // folder's slash for good (301).
    for (path, status, location) in
        [("/", 302, "/news/"), ("/news", 302, "/news/"), ("/news/2025", 301, "/news/2025/")]
    {
        let (got, head, _) = served.get(path);
        assert_eq!(got, status, "{path}");
        let reason = if status == 302 { "Found" } else { "Moved Permanently" };
        assert!(head.starts_with(&format!("HTTP/1.1 {status} {reason}\r\n")), "{path}: {head}");
        assert!(
            head.lines().any(|line| line.trim_end() == format!("Location: {location}")),
            "{path}: {head}"
        );
    }
    assert_eq!(served.get("/2025/03/14/ferry/").0, 404, "outside the site's path");
    let config = served.running.as_ref().unwrap().config().unwrap();
    assert_eq!(config.base_url, url, "pages are built for the address they are served at");

    // Live reload under the path.
    let mut events = Events::open(&url);
    served
        .site
        .write("content/2025-03-14-ferry.md", "---\ntitle: Ferry strike ends\n---\n\nSailing again.\n");
    assert_eq!(events.next(), "reload");
    assert!(served.get("/news/2025/03/14/ferry/").2.contains("Ferry strike ends"));

    // A new path in site.yaml is said, not silently left unserved.
    served.site.write("site.yaml", "title: Desk\nbase_url: https://example.org/desk/\n");
    let (_, warnings) = served.settle_with_warnings();
    assert!(
        warnings.iter().any(|w| w.contains("base_url's path is now `/desk/`") && w.contains("started again")),
        "{warnings:?}"
    );
    assert_eq!(served.get("/news/").0, 200, "still served where it started");
}

#[test]
fn a_path_with_accents_or_spaces_is_served_as_browsers_ask_for_it() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "title: Desk\nbase_url: https://example.org/nouvelles-%C3%A9t%C3%A9/\n"),
        ("content/2025-03-14-ferry.md", "---\ntitle: Ferry strike\n---\n\nText.\n"),
    ]);
    let served = Served::start(site);
    let url = served.url();
    assert!(url.ends_with("/nouvelles-%C3%A9t%C3%A9/"), "printed as a browser sends it: {url}");
    assert_eq!(served.get("/nouvelles-%C3%A9t%C3%A9/").0, 200);
    assert_eq!(served.get("/nouvelles-%c3%a9t%c3%a9/2025/03/14/ferry/").0, 200);
    let (status, head, _) = served.get("/");
    assert_eq!(status, 302);
    assert!(head.contains("Location: /nouvelles-%C3%A9t%C3%A9/"), "{head}");
}

#[test]
fn serves_pages_with_the_reload_script_and_correct_http() {
    let served = Served::start(site());
    let (status, head, body) = served.get("/");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/html; charset=utf-8"), "{head}");
    assert!(head.contains("Cache-Control: no-store"), "{head}");
    assert!(body.contains("/__gazette/events"), "reload script injected");
    assert!(body.contains(&served.url()), "base_url is the local address");
    let (status, head, body) = request(&served.url(), "HEAD", "/style.css");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/css"), "{head}");
    assert!(body.is_empty(), "HEAD has no body");
    let (status, head, _) = served.get("/2025/03/01");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /2025/03/01/"), "{head}");
    let (status, _, body) = served.get("/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the theme's 404 page");
    for evil in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc/passwd",
        "/a\\..\\..\\x",
        "//etc/passwd",
    ] {
        let (status, _, _) = served.get(evil);
        assert_eq!(status, 404, "{evil}");
    }
    let built = served.site.root.join("public");
    assert!(!built.exists(), "serve never writes the output folder");
}

#[test]
fn an_edit_sends_reload_after_the_new_page_is_in_place() {
    let served = Served::start(site());
    let mut events = Events::open(&served.url());
    let before = served.get("/2025/03/01/harbour/").2;
    assert_eq!(page_version(&before), events.version, "a page is of the version served");
    served
        .site
        .write(ARTICLE, "Harbour news\n\nThe harbour master withdrew the new mooring fees on Monday.\n");
    let (name, version) = events.next_with_data();
    assert_eq!(name, "reload");
    let (_, _, body) = served.get("/2025/03/01/harbour/");
    assert!(body.contains("withdrew the new mooring fees"), "page already rebuilt when reload arrives");
    // The reload names the new version, which the new page carries and a browser that listens
    // only now is told, so a page of the old one (loading during the edit) reloads then.
    assert_ne!(version, events.version);
    assert_eq!(page_version(&body), version);
    assert_eq!(Events::open(&served.url()).version, version);
}

/// A save that changes nothing (`touch`, an editor's save, `sed -i` that matched nothing) is no
/// change: no reload to lose the reader's place.
#[test]
fn a_save_without_a_change_reloads_nothing() {
    let served = Served::start(site());
    let mut events = Events::open(&served.url());
    let text = std::fs::read_to_string(served.site.root.join(ARTICLE)).unwrap();
    served.site.write(ARTICLE, &text);
    served.settle();
    assert!(events.quiet_for(Duration::from_millis(1500)), "no reload for a save that changed nothing");
    served.site.write(ARTICLE, &text.replace("new mooring fees", "higher mooring fees"));
    let (name, version) = events.next_with_data();
    assert_eq!(name, "reload");
    let generation = |version: &str| version.rsplit_once('-').unwrap().1.parse::<u64>().unwrap();
    assert_eq!(generation(&version), generation(&events.version) + 1, "one change told, the real one");
    assert!(served.get("/2025/03/01/harbour/").2.contains("higher mooring fees"));
}

#[test]
fn the_search_index_follows_the_content() {
    let served = Served::start(site());
    let docs = |served: &Served| {
        let (status, head, body) = served.get("/search/meta.json");
        assert_eq!(status, 200);
        assert!(head.to_lowercase().contains("content-type: application/json"), "{head}");
        serde_json::from_str::<serde_json::Value>(&body).unwrap()["docs"].as_u64().unwrap()
    };
    assert_eq!(docs(&served), 2);
    served
        .site
        .write("content/2025-03-03-zeppelin.txt", "Zeppelin over the bay\n\nA zeppelin flew over the bay.\n");
    served.settle();
    assert_eq!(docs(&served), 3, "the index is made again for the new site");
    let (status, _, _) = served.get("/search/no-such-file.json");
    assert_eq!(status, 404);
    // A static file in a page's place is warned about on every rebuild, as every build does.
    served.site.write("static/robots.txt", "User-agent: *\n");
    let (_, warnings) = served.settle_with_warnings();
    assert!(warnings.iter().any(|w| w.contains("robots.txt") && w.contains("replaces")), "{warnings:?}");
    served.site.write(
        "content/2025-03-03-zeppelin.txt",
        "Zeppelin over the bay\n\nA zeppelin flew over the bay again.\n",
    );
    let (patched, warnings) = served.settle_with_warnings();
    assert_eq!(patched, 1);
    assert!(warnings.iter().any(|w| w.contains("robots.txt")), "{warnings:?}");
    assert_eq!(served.get("/robots.txt").2, "User-agent: *\n");
    // As in a build, the index wins over a static file of the same name.
    served.site.write("static/search/meta.json", "{\"docs\": 0}");
    served.settle();
    assert_eq!(docs(&served), 3);
    assert_eq!(served.running.as_ref().unwrap().files()["search/meta.json"], {
        let config = served.running.as_ref().unwrap().config().unwrap();
        let sink = gazette::emit::MemorySink::new();
        let mut report = gazette::Report::default();
        let now = "2026-01-01T00:00:00Z".parse().unwrap();
        assert!(gazette::build_into(&config, now, &sink, &gazette::NoProgress, &mut report));
        sink.into_files()["search/meta.json"].clone()
    });
}

#[test]
fn a_failed_rebuild_keeps_the_last_good_site_and_shows_the_error() {
    let served = Served::start(site());
    let mut events = Events::open(&served.url());
    served.site.write(ARTICLE, "---\ntitle: [broken\n---\nText.\n");
    assert_eq!(events.next(), "failed");
    let (status, _, body) = served.get("/2025/03/01/harbour/");
    assert_eq!(status, 200, "last good page still served");
    assert!(body.contains("new mooring fees"));
    assert!(body.contains("<div id=\"gazette-error-overlay\""), "overlay shown");
    assert!(body.contains("2025-03-01-harbour.txt"), "the overlay names the file");
    served.site.write(ARTICLE, "Harbour news\n\nFixed text about the harbour.\n");
    assert_eq!(events.next(), "reload");
    let (_, _, body) = served.get("/2025/03/01/harbour/");
    assert!(body.contains("Fixed text about the harbour"));
    assert!(!body.contains("<div id=\"gazette-error-overlay\""), "overlay cleared");
}

#[test]
fn a_broken_template_stays_an_error_until_fixed_whatever_else_changes() {
    let served = Served::start(site());
    let mut events = Events::open(&served.url());
    // A template that fails when a page is rendered, not when it is compiled.
    let broken =
        "{% extends \"base.html\" %}{% block content %}{{ page.title | round }}{% endblock content %}";
    served.site.write("templates/article.html", broken);
    assert_eq!(events.next(), "failed");
    // A content edit must not bring the old templates back and clear the error.
    served.site.write(ARTICLE, "Harbour news\n\nThe harbour master spoke again.\n");
    assert_eq!(events.next(), "failed");
    assert!(served.running.as_ref().unwrap().error().is_some_and(|e| e.contains("article.html")));
    let (_, _, body) = served.get("/2025/03/01/harbour/");
    assert!(body.contains("new mooring fees"), "the last good site is still served");
    let fixed = "{% extends \"base.html\" %}{% block content %}<p>Custom: {{ page.title }}</p>{{ article.content | safe }}{% endblock content %}";
    served.site.write("templates/article.html", fixed);
    assert_eq!(events.next(), "reload");
    let (_, _, body) = served.get("/2025/03/01/harbour/");
    assert!(body.contains("Custom: Harbour news") && body.contains("spoke again"), "{body}");
    assert!(served.running.as_ref().unwrap().error().is_none());
}

#[test]
fn a_content_edit_that_breaks_a_template_is_an_error_and_is_not_served() {
    let template = "{% extends \"base.html\" %}{% block content %}<p>Rating {{ article.extra.rating * 2 }}</p>{% endblock content %}";
    let site = SiteTest::with_files(&[
        ("templates/article.html", template),
        ("content/2025-03-01-harbour.md", "---\ntitle: Harbour\nrating: 3\n---\nText.\n"),
    ]);
    let served = Served::start(site);
    let (_, _, body) = served.get("/2025/03/01/harbour/");
    assert!(body.contains("Rating 6"), "{body}");
    let mut events = Events::open(&served.url());
    // Text only, patched in: the page must still render.
    served.site.write("content/2025-03-01-harbour.md", "---\ntitle: Harbour\nrating: many\n---\nText.\n");
    assert_eq!(events.next(), "failed");
    let (status, _, body) = served.get("/2025/03/01/harbour/");
    assert_eq!(status, 200);
    assert!(body.contains("Rating 6") && body.contains("<div id=\"gazette-error-overlay\""), "{body}");
    // A new title (the site is assembled again) with the same bad value: still an error.
    served
        .site
        .write("content/2025-03-01-harbour.md", "---\ntitle: Harbour news\nrating: many\n---\nText.\n");
    assert_eq!(events.next(), "failed");
    served.site.write("content/2025-03-01-harbour.md", "---\ntitle: Harbour news\nrating: 4\n---\nText.\n");
    assert_eq!(events.next(), "reload");
    assert!(served.get("/2025/03/01/harbour/").2.contains("Rating 8"));
}

#[test]
fn a_stylesheet_change_swaps_css_without_a_reload() {
    let served = Served::start(site());
    let mut events = Events::open(&served.url());
    served.site.write("static/extra.css", "body { color: navy; }\n");
    assert_eq!(events.next(), "css");
    let (_, _, body) = served.get("/extra.css");
    assert!(body.contains("navy"));
}

#[test]
fn editor_save_patterns_are_seen() {
    let served = Served::start(site());
    let target = served.site.root.join(ARTICLE);
    // vim with backupcopy=no: write a new file, rename it over the old one.
    let temp = served.site.root.join("content/.2025-03-01-harbour.txt.swp");
    std::fs::write(&temp, "Harbour news\n\nVim saved this version.\n").unwrap();
    std::fs::rename(&temp, &target).unwrap();
    served.settle();
    assert!(served.get("/2025/03/01/harbour/").2.contains("Vim saved this version"));
    // JetBrains safe write: write x___jb_tmp___, move the original to x___jb_old___, rename.
    let tmp = served.site.root.join("content/2025-03-01-harbour.txt___jb_tmp___");
    let old = served.site.root.join("content/2025-03-01-harbour.txt___jb_old___");
    std::fs::write(&tmp, "Harbour news\n\nJetBrains saved this version.\n").unwrap();
    std::fs::rename(&target, &old).unwrap();
    std::fs::rename(&tmp, &target).unwrap();
    std::fs::remove_file(&old).unwrap();
    served.settle();
    assert!(served.get("/2025/03/01/harbour/").2.contains("JetBrains saved this version"));
    // VS Code, nano, `echo >`: the file truncated and written in place.
    std::fs::write(&target, "Harbour news\n\nSaved in place.\n").unwrap();
    served.settle();
    assert!(served.get("/2025/03/01/harbour/").2.contains("Saved in place"));
    assert!(served.running.as_ref().unwrap().error().is_none());
}

/// A folder moved away and back, or deleted and made again (`git checkout` of a commit without
/// `templates/`), lost its watch with it: it is watched again, or every later edit went unseen.
#[test]
fn a_folder_moved_away_and_back_is_watched_again() {
    let served = Served::start(site());
    let content = served.site.root.join("content");
    let away = served.site.root.join("content-away");
    std::fs::rename(&content, &away).unwrap();
    served.settle();
    std::fs::rename(&away, &content).unwrap();
    served.settle();
    served.site.write(ARTICLE, "Harbour news\n\nAn edit after the folder came back.\n");
    served.settle();
    assert!(served.get("/2025/03/01/harbour/").2.contains("An edit after the folder came back"));
    // Deleted, then made again (a `git checkout` of a commit without `templates/`, and back).
    let footer = |words: &str| {
        format!(
            "{{% extends \"default/templates/base.html\" %}}{{% block footer %}}<p>{words}</p>{{% endblock footer %}}"
        )
    };
    served.site.write("templates/base.html", &footer("First footer"));
    served.settle();
    assert!(served.get("/").2.contains("First footer"));
    std::fs::remove_dir_all(served.site.root.join("templates")).unwrap();
    served.settle();
    served.site.write("templates/base.html", &footer("Second footer"));
    served.settle();
    served.site.write("templates/base.html", &footer("Third footer"));
    served.settle();
    assert!(served.get("/").2.contains("Third footer"), "an edit after the folder came back");
    // Deleted and made again at once, seen as one change.
    served.site.write("static/note.txt", "first");
    served.settle();
    std::fs::remove_dir_all(served.site.root.join("static")).unwrap();
    std::fs::create_dir(served.site.root.join("static")).unwrap();
    served.settle();
    served.site.write("static/note.txt", "second");
    served.settle();
    assert_eq!(served.get("/note.txt").2, "second");
}

#[test]
fn a_burst_of_changes_is_one_rebuild_not_hundreds() {
    let served = Served::start(site());
    for i in 0..300 {
        served.site.write(
            &format!("content/2025/04/01/story-{i:03}.txt"),
            &format!("Story number {i} about the harbour.\n"),
        );
    }
    // Wait until the last file of the burst is served, then count the rebuilds it took.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while served.get("/2025/04/01/story-299/").0 != 200 {
        assert!(std::time::Instant::now() < deadline, "the burst was never fully built");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(500));
    let rebuilds = served.rebuilds.try_iter().count();
    // One rebuild on a quiet machine; a loaded CI machine may pause mid-burst, so allow a few.
    assert!(rebuilds <= 10, "{rebuilds} rebuilds for one burst of 300 files");
    assert_eq!(served.get("/2025/04/01/story-000/").0, 200);
}

/// A small deterministic random generator, so failures can be replayed from the seed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound
    }
}

#[test]
fn a_section_file_added_or_edited_is_reported_and_never_published() {
    let served = Served::start(site());
    for text in ["---\ntitle: News\n---\n", "---\ntitle: All the news\n---\nEdited.\n"] {
        served.site.write("content/_index.md", text);
        let (_, warnings) = served.settle_with_warnings();
        assert!(
            warnings.iter().any(|w| w.contains("_index.md") && w.contains("section file")),
            "{warnings:?}"
        );
        served.assert_same_as_a_clean_build(0);
        let (_, _, home) = served.get("/");
        assert!(
            !home.contains("News</a>") && !home.contains("All the news"),
            "no article made of the section file"
        );
    }
}

#[test]
fn a_page_bundles_files_are_served_and_follow_edits() {
    let served = Served::start(crate::build::bundle_site());
    let flood = "/2025/03/04/flood-defences/";
    assert_eq!(served.get(&format!("{flood}sandbags.jpg")).2, "JPEG bytes");
    served.assert_same_as_a_clean_build(0);
    // A photo added to the bundle, then the article edited: both are seen, as a build sees them.
    served.site.write("content/2025/03/04/flood-defences/aerial.jpg", "aerial photo");
    served.settle();
    assert_eq!(served.get(&format!("{flood}aerial.jpg")).2, "aerial photo");
    served.assert_same_as_a_clean_build(1);
    served.site.write(
        "content/2025/03/04/flood-defences/index.md",
        "---\ntitle: Flood defences hold\ndate: 2025-03-04\n---\n\n![Aerial view](aerial.jpg)\n\nThe river fell.\n",
    );
    served.settle();
    assert_eq!(served.get(&format!("{flood}aerial.jpg")).2, "aerial photo");
    assert!(served.get(flood).2.contains("The river fell."));
    served.assert_same_as_a_clean_build(2);
    std::fs::remove_file(served.site.root.join("content/2025/03/04/flood-defences/sandbags.jpg")).unwrap();
    served.settle();
    assert_eq!(served.get(&format!("{flood}sandbags.jpg")).0, 404);
    served.assert_same_as_a_clean_build(3);
    // A folder of photos becomes a bundle when its index arrives, and stops being one when the
    // index is renamed away: the photos follow, as in a build.
    served.site.write("content/2025/03/05/gauges/chart.svg", "svg");
    served.settle();
    served.site.write("content/2025/03/05/gauges/index.md", "---\ntitle: River gauges\n---\n\nThe gauges.\n");
    served.settle();
    assert_eq!(served.get("/2025/03/05/gauges/chart.svg").2, "svg");
    served.assert_same_as_a_clean_build(4);
    let gauges = served.site.root.join("content/2025/03/05/gauges");
    std::fs::rename(gauges.join("index.md"), gauges.join("river-gauges.md")).unwrap();
    served.settle();
    assert_eq!(served.get("/2025/03/05/gauges/chart.svg").0, 404);
    served.assert_same_as_a_clean_build(5);
}

#[test]
fn incremental_rebuilds_equal_a_clean_build_after_random_edits() {
    let served = Served::start(site());
    let mut random = Lcg(7);
    let words = ["harbour", "ferry", "council", "market", "storm", "festival", "lighthouse", "school"];
    let mut existing: Vec<String> = vec![ARTICLE.to_string(), "content/2025-03-02-market.txt".to_string()];
    for step in 0..12 {
        let choice = random.next(4);
        let topic = words[random.next(words.len())];
        match choice {
            0 if !existing.is_empty() => {
                let path = existing[random.next(existing.len())].clone();
                served.site.write(&path, &format!("Edited at step {step}: the {topic} story changed.\n"));
            }
            1 if existing.len() > 1 => {
                let path = existing.remove(random.next(existing.len()));
                std::fs::remove_file(served.site.root.join(&path)).unwrap();
            }
            2 if !existing.is_empty() => {
                let index = random.next(existing.len());
                let renamed = format!("content/2025/03/{:02}/renamed-{step}.txt", 1 + random.next(28));
                std::fs::create_dir_all(served.site.root.join(&renamed).parent().unwrap()).unwrap();
                std::fs::rename(served.site.root.join(&existing[index]), served.site.root.join(&renamed))
                    .unwrap();
                existing[index] = renamed;
            }
            _ => {
                let path = format!("content/2025-03-{:02}-{topic}-{step}.txt", 1 + random.next(28));
                served.site.write(
                    &path,
                    &format!("A new {topic} story at step {step}.\n\nMore about the {topic}.\n"),
                );
                existing.push(path);
            }
        }
        served.settle();
        served.assert_same_as_a_clean_build(step);
    }
}

#[test]
fn edits_patched_into_the_served_site_equal_a_clean_build() {
    // Two versions of one wire story (a story cluster), names two stories share (automatic
    // tags), a front-matter article with tags, and a draft.
    let wire = "PORTO, Portugal - The Lisbon Harbour Authority said on Monday that the new ferry terminal would \
                open in March after two years of delays, blaming steel shortages and a strike by dock workers at \
                the northern quays.";
    let more = "Engineers said the last cranes were delivered in February and that sea trials of the two \
                new electric ferries had gone well, with crossings to the south bank expected to take eleven \
                minutes instead of twenty once the service runs at full strength in the summer.";
    let first = format!("Ferry terminal to open in March\n\n{wire}\n\n{more}\n");
    let second = format!(
        "New ferry terminal opening\n\n{wire}\n\n{more}\n\nMaria Santos said tickets go on sale soon.\n"
    );
    let site = SiteTest::with_files(&[
        ("content/2025-03-01-terminal.txt", first.as_str()),
        ("content/2025-03-01-terminal-wire.txt", second.as_str()),
        (
            "content/2025-03-02-strike.md",
            "---\ntitle: Dock strike ends\ntags: [Strikes]\n---\nDock workers ended their strike, the Lisbon Harbour Authority said.\n",
        ),
        ("content/2025-03-03-draft.md", "---\ntitle: Unfinished\ndraft: true\n---\nNot yet.\n"),
    ]);
    let served = Served::start(site);
    let clustered = |served: &Served| served.get("/2025/03/01/terminal/").2.contains("Also reported by");
    assert!(clustered(&served), "the two versions of the wire story are one story");
    let files = [
        "content/2025-03-01-terminal.txt",
        "content/2025-03-01-terminal-wire.txt",
        "content/2025-03-02-strike.md",
        "content/2025-03-03-draft.md",
    ];
    // The story itself changes, names kept: patched in, and the cluster splits, then forms again.
    let story = &format!("{}\n\n{more}", &wire["PORTO, Portugal - The Lisbon Harbour Authority ".len()..]);
    let other_story = "said it had no comment on reports about the budget of the regional rail network. \
                       Engineers said the cost of the new signals would be shared by the towns along the line, \
                       with work starting after the summer holidays and ending before the winter.";
    let terminal = served.site.root.join(files[0]);
    for (step, (from, to), together) in
        [(100, (story.as_str(), other_story), false), (101, (other_story, story.as_str()), true)]
    {
        let text = std::fs::read_to_string(&terminal).unwrap();
        assert!(text.contains(from));
        served.site.write(files[0], &text.replace(from, to));
        assert_eq!(served.settle(), 1, "step {step}: patched in");
        assert_eq!(clustered(&served), together, "step {step}");
        served.assert_same_as_a_clean_build(step);
    }
    let mut random = Lcg(11);
    let (mut patched, mut assembled) = (0, 0);
    for step in 0..20 {
        let path = files[random.next(files.len())];
        let text = std::fs::read_to_string(served.site.root.join(path)).unwrap();
        let edited = match random.next(4) {
            // Text only: patched in.
            0 | 1 => format!("{text}\nA further paragraph was added at step {step}.\n"),
            // A word of the story changes: patched in, the cluster is looked at again.
            2 => text.replacen("March", "April", 1).replacen("steel", "cement", 1),
            // A new name may become a shared topic: the site is assembled again.
            _ => format!("{text}\nMayor Joana Costa of Porto visited the quays at step {step}.\n"),
        };
        served.site.write(path, &edited);
        if served.settle() > 0 {
            patched += 1;
        } else {
            assembled += 1;
        }
        served.assert_same_as_a_clean_build(step);
    }
    assert!(patched > 0 && assembled > 0, "both ways were taken: {patched} patched, {assembled} assembled");
}

#[test]
fn a_real_browser_sees_an_edit_without_any_action() {
    let Some(browser) = crate::browser::Browser::start() else { return };
    let served = Served::start(site());
    browser.goto(&format!("{}2025/03/01/harbour/", served.url()));
    browser.wait_for(
        "return document.body.innerText.includes('new mooring fees')",
        20,
        "the article to load",
    );
    browser.eval("window.gazetteMarker = 'same page load'; return true");
    // Give the page a moment to open its event stream before the edit.
    std::thread::sleep(Duration::from_millis(500));
    served.site.write(ARTICLE, "Harbour news\n\nThe council cancelled the regatta because of fog.\n");
    browser.wait_for(
        "return document.body.innerText.includes('cancelled the regatta')",
        20,
        "the edited text to appear without any action",
    );
    assert_eq!(
        browser.eval("return window.gazetteMarker === undefined"),
        serde_json::Value::Bool(true),
        "the page reloaded itself"
    );
}

/// A page still loading when a change is announced does not hear it (two saves 50 ms apart: the
/// second's reload goes out while the page reloads for the first). The page carries the version
/// of the site it shows and the server tells the current one when the page listens, so the page
/// reloads then rather than showing the first save until the next.
#[test]
fn a_real_browser_page_that_missed_a_reload_catches_up_when_it_listens() {
    let Some(browser) = crate::browser::Browser::start() else { return };
    let served = Served::start(site());
    let page = format!("{}2025/03/01/harbour/", served.url());
    // The page as served before the edit, kept over the edit (another page of the site reloads
    // for it).
    browser.goto(&format!("{}no-such-page/", served.url()));
    browser.eval(&format!(
        "return fetch({page:?}).then(r => r.text()).then(html => {{ sessionStorage.before = html; return true }})"
    ));
    served.site.write(ARTICLE, "Harbour news\n\nThe council cancelled the regatta because of fog.\n");
    served.settle();
    std::thread::sleep(Duration::from_millis(500));
    // The old page now opens at its address and listens, as a page loading during the edit would.
    browser.eval(&format!(
        "const before = sessionStorage.before; history.replaceState(null, '', {page:?}); \
         document.open(); document.write(before); document.close(); return true"
    ));
    browser.wait_for(
        "return !!document.body && document.body.innerText.includes('cancelled the regatta')",
        20,
        "the page of the older version to reload itself",
    );
}

/// The error over the page can be put aside to go on reading the last good site, and comes back
/// with the next error.
#[test]
fn a_real_browser_can_hide_the_error_and_read_on() {
    let Some(browser) = crate::browser::Browser::start() else { return };
    let served = Served::start(site());
    browser.goto(&format!("{}2025/03/01/harbour/", served.url()));
    browser.wait_for(
        "return !!document.body && document.body.innerText.includes('mooring fees')",
        20,
        "the page",
    );
    std::thread::sleep(Duration::from_millis(500));
    served.site.write("content/2025-03-05-bad.md", "---\ntitle: Bad\ndate: soon\n---\nText.\n");
    let overlay = "const o = document.getElementById('gazette-error-overlay'); return !!o && !o.hidden";
    browser.wait_for(overlay, 20, "the error overlay");
    // Covered: the page's own link is not what a click would reach.
    let reachable = "const a = document.querySelector('.site-title a'); const r = a.getBoundingClientRect(); \
                     return document.elementFromPoint(r.x + 2, r.y + 2) === a";
    assert_eq!(browser.eval(reachable), serde_json::json!(false));
    browser.eval("document.querySelector('#gazette-error-overlay button').click(); return true");
    assert_eq!(browser.eval(reachable), serde_json::json!(true), "hidden, the page is there to use");
    served.site.write("content/2025-03-05-bad.md", "---\ntitle: Bad\ndate: later\n---\nText.\n");
    browser.wait_for(overlay, 20, "the overlay back with the next error");
    let text = browser.eval("return document.getElementById('gazette-error-overlay').innerText");
    assert!(text.as_str().unwrap().contains("date: later"), "{text}");
}

/// The `gazette serve` command's own log: a save prints the warnings it brought and those of the
/// file saved, not every warning of the site again, with paths as `gazette build` prints them.
#[test]
fn a_rebuild_logs_new_warnings_and_the_saved_files_not_every_warning_again() {
    let site = SiteTest::with_files(&[
        ("content/harbour.txt", "Harbour news\n\nThe harbour master announced new mooring fees.\n"),
        ("content/market.txt", "Market news\n\nThe fish market opened an hour early.\n"),
        // A warning of the assembled site, not of one article.
        ("content/2030-01-01-typo.txt", "Typo news\n\nThe year in this file's name is a typo.\n"),
    ]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["serve", "--port", "0", "--bind", "127.0.0.1"])
        .current_dir(&site.root)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("gazette serve starts");
    let (sender, lines) = channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    // Lines up to and including the first that holds `end`.
    let until = |end: &str| -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            let line = lines.recv_timeout(Duration::from_secs(20)).unwrap_or_else(|_| {
                panic!("no line with {end:?} from gazette serve; it printed:\n{}", seen.join("\n"))
            });
            let last = line.contains(end);
            seen.push(line);
            if last {
                return seen;
            }
        }
    };
    let first = until("Serving at");
    let dateless = |name: &str| format!("warning: content/{name}.txt: no date found");
    for name in ["harbour", "market"] {
        assert!(first.iter().any(|l| l.starts_with(&dateless(name))), "{first:#?}");
    }
    site.write("content/harbour.txt", "Harbour news\n\nThe harbour master announced higher fees.\n");
    let rebuild = until("changed: rebuilt");
    // A new headline moves the story in the site, which is assembled again: its warnings are
    // counted once, not once for the last assembly and once for this one.
    site.write("content/harbour.txt", "Harbour fees rise\n\nThe harbour master announced higher fees.\n");
    let reassembled = until("changed: rebuilt");
    // A script saving many files at once: their warnings fold as a build's do.
    for n in 0..8 {
        site.write(&format!("content/empty-{n}.txt"), "");
    }
    let mut burst = Vec::new();
    while !burst.iter().any(|line: &String| line.contains("rebuilt 11 articles")) {
        burst.extend(until("changed: rebuilt"));
    }
    // A broken file: the rebuild failed, and no count of articles says otherwise.
    site.write("content/bad.md", "---\ntitle: Bad\ndate: later\n---\nText.\n");
    let failed = until("changed: rebuild");
    let _ = child.kill();
    let _ = child.wait();
    let empty_warnings = burst.iter().filter(|l| l.contains("no article text")).count();
    assert!(empty_warnings < 8, "folded, not one line each: {burst:#?}");
    assert!(burst.iter().any(|l| l.contains("the same for")), "{burst:#?}");
    let summary = failed.last().unwrap();
    assert!(
        summary.starts_with("content/bad.md changed: rebuild FAILED, still serving the last good site"),
        "{failed:#?}"
    );
    assert!(!summary.contains("articles"), "{summary}");
    assert!(
        rebuild.iter().any(|l| l.starts_with(&dateless("harbour"))),
        "the saved file's own: {rebuild:#?}"
    );
    assert!(!rebuild.iter().any(|l| l.starts_with(&dateless("market"))), "shown before: {rebuild:#?}");
    let summary = rebuild.last().unwrap();
    assert!(summary.starts_with("content/harbour.txt changed: rebuilt 3 articles"), "{summary}");
    assert!(summary.ends_with("ok (2 warnings shown before still apply)"), "{summary}");
    let summary = reassembled.last().unwrap();
    assert!(!summary.contains("patched in"), "assembled again: {summary}");
    assert!(summary.ends_with("ok (2 warnings shown before still apply)"), "{summary}");
}

/// A page that is not news is served, and adding, editing and removing one is seen as a build
/// sees it (the navigation of every page follows).
#[test]
fn pages_that_are_not_news_are_served_and_follow_edits() {
    let served = Served::start(crate::pages::site_with_pages());
    assert!(served.get("/about/").2.contains("<h1>About us</h1>"));
    served.assert_same_as_a_clean_build(0);
    served.site.write(
        "content/pages/about.md",
        "---\ntitle: About the Bulletin\nmenu: true\n---\nFounded in 1902.\n",
    );
    assert_eq!(served.settle(), 0, "assembled again: the navigation of every page may change");
    assert!(served.get("/about/").2.contains("Founded in 1902."));
    assert!(served.get("/").2.contains(">About the Bulletin</a>"));
    served.assert_same_as_a_clean_build(1);
    served.site.write("content/pages/masthead.md", "---\ntitle: Masthead\nmenu: true\n---\nEditors.\n");
    served.settle();
    assert!(served.get("/masthead/").2.contains("Editors."));
    served.assert_same_as_a_clean_build(2);
    std::fs::remove_file(served.site.root.join("content/pages/masthead.md")).unwrap();
    served.settle();
    assert_eq!(served.get("/masthead/").0, 404);
    served.assert_same_as_a_clean_build(3);
}

#[test]
fn a_site_that_never_built_says_so_and_appears_once_fixed() {
    let site = SiteTest::with_files(&[
        (
            "templates/article.html",
            "{% extends \"base.html\" %}{% block content %}{{ page.title | round }}{% endblock content %}",
        ),
        (ARTICLE, "Harbour news\n\nThe harbour master announced new mooring fees on Saturday.\n"),
    ]);
    let served = Served::start(site);
    let (status, _, body) = served.get("/");
    assert_eq!(status, 503);
    // No "last good version" where there never was one.
    let overlay = &body[body.find("<div id=\"gazette-error-overlay\"").expect("an error overlay")..];
    assert!(
        overlay.contains(">Gazette: the site could not be built") && overlay.contains("article.html"),
        "{body}"
    );
    assert!(!overlay.contains("last good version"), "{body}");
    std::fs::remove_file(served.site.root.join("templates/article.html")).unwrap();
    served.settle();
    let (status, _, body) = served.get("/2025/03/01/harbour/");
    assert_eq!(status, 200);
    assert!(body.contains("mooring fees") && !body.contains("<div id=\"gazette-error-overlay\""), "{body}");
}
