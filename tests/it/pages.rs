//! Pages that are not news (`content/pages/`): published at their own paths with `page.html`,
//! in the navigation when they ask, in `sitemap.xml`, and nowhere news goes.

use crate::harness::{SiteTest, visible_text};

pub(crate) fn site_with_pages() -> SiteTest {
    SiteTest::with_files(&[
        ("site.yaml", "base_url: https://example.org/\ntitle: Harbour Bulletin\n"),
        ("content/2025/03/14/ferry.txt", "Ferry fares rise in spring\n\nFares rise by a tenth from April.\n"),
        (
            "content/pages/about.md",
            "---\ntitle: About us\ndescription: Who runs the Bulletin\nmenu: main\nweight: 2\n---\nWe are a **small** newsroom.\n\n## Corrections\n\nWrite to the desk.\n",
        ),
        (
            "content/pages/team/index.md",
            "---\ntitle: Our team\nmenu: true\nweight: 1\n---\n![The desk](desk.jpg)\n",
        ),
        ("content/pages/team/desk.jpg", "jpeg bytes"),
        ("content/pages/policies/contact.txt", "Contact the desk\n\nCall us on weekdays before noon.\n"),
        ("content/pages/plans.md", "---\ntitle: Plans\ndraft: true\n---\nNot yet.\n"),
        ("content/pages/archive.md", "---\ntitle: Archive policy\nmenu: true\n---\nWe keep everything.\n"),
    ])
}

#[test]
fn pages_are_published_at_their_paths_and_nowhere_news_goes() {
    let site = site_with_pages();
    let run = site.build_ok();
    assert!(run.stderr.contains("Built 1 article (1 published) and 4 pages"), "{}", run.stderr);
    let about = site.output("about/index.html");
    assert!(about.contains("<h1>About us</h1>") && about.contains("<strong>small</strong>"), "{about}");
    assert!(about.contains("<h2 id=\"corrections\">"), "headings get ids as in articles");
    assert!(about.contains("<meta name=\"description\" content=\"Who runs the Bulletin\">"));
    assert!(about.contains("<title>About us — Harbour Bulletin</title>"));
    assert_eq!(site.output("team/desk.jpg"), "jpeg bytes", "a page bundle's file beside it");
    assert!(site.output("team/index.html").contains("src=\"desk.jpg\""));
    // A text page is read as an article's text is: its headline line is the title.
    let contact = visible_text(&site.output("policies/contact/index.html"));
    assert!(contact.contains("Contact the desk") && contact.contains("Call us on weekdays"), "{contact}");
    assert!(!site.has_output("plans/index.html"), "a draft page waits for --drafts");
    // In the navigation by weight, on every page, and in the sitemap.
    let home = site.output("index.html");
    let team = home.find("href=\"./team/\">Our team</a>").expect("team in the navigation");
    let about_link = home.find("href=\"./about/\">About us</a>").expect("about in the navigation");
    assert!(team < about_link, "by weight");
    let archive = home.find("href=\"./archive/\">Archive policy</a>").expect("archive in the navigation");
    assert!(about_link < archive, "a page without a weight after those with one");
    assert!(!home.contains("policies/contact"), "not asked for the navigation");
    assert!(about.contains("href=\"../about/\" aria-current=\"page\">About us</a>"));
    let sitemap = site.output("sitemap.xml");
    for path in ["about/", "team/", "policies/contact/", "archive/"] {
        assert!(sitemap.contains(&format!("<loc>https://example.org/{path}</loc>")), "{path} in {sitemap}");
    }
    // Not news: not a story on the front page, in a digest, a feed, the news sitemap or search.
    for file in ["rss.xml", "atom.xml", "feed.json", "news-sitemap.xml", "2025/03/14/index.html"] {
        assert!(!site.output(file).contains("newsroom"), "{file}");
    }
    assert!(!visible_text(&home).contains("small newsroom"));
    let search: String = site
        .output_tree()
        .into_iter()
        .filter(|(path, _)| path.starts_with("search/"))
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    assert!(!search.contains("newsroom") && search.contains("ferry"), "search has the news only");
    let run = site.run(&["build", "--drafts", "--now", "2026-01-01T00:00:00Z"]);
    assert!(run.success, "{}", run.stderr);
    assert!(site.has_output("plans/index.html"));
}

/// A page's short name in the navigation, as Hugo writes it (`menu.main.name`, `linkTitle`), is
/// read without a warning; its title stays the page's.
#[test]
fn a_menu_label_names_the_page_in_the_navigation() {
    let site = SiteTest::with_files(&[
        ("content/2025/03/14/ferry.txt", "Ferry fares rise in spring\n\nFares rise by a tenth from April.\n"),
        (
            "content/pages/about.md",
            "---\ntitle: About The Harbour Brief\nlinkTitle: About\nmenu: main\n---\nWho we are.\n",
        ),
        (
            "content/pages/contact.md",
            "---\ntitle: How to reach the newsroom\nmenu:\n  main:\n    name: Contact\n    weight: 1\n---\nWrite to us.\n",
        ),
    ]);
    let run = site.build_ok();
    assert!(!run.stderr.contains("linkTitle"), "{}", run.stderr);
    let home = site.output("index.html");
    let nav = &home[home.find("<nav").expect("navigation")..];
    let nav = &nav[..nav.find("</nav>").expect("end of navigation")];
    assert!(nav.contains(">Contact</a>") && nav.contains(">About</a>"), "{nav}");
    assert!(nav.find(">Contact<") < nav.find(">About<"), "weighted first: {nav}");
    assert!(
        site.output("about/index.html").contains("About The Harbour Brief"),
        "the title stays the page's"
    );
}

#[test]
fn an_edited_page_is_built_again_and_a_clash_names_the_file() {
    let site = site_with_pages();
    site.build_ok();
    site.write("content/pages/about.md", "---\ntitle: About the Bulletin\n---\nFounded in 1902.\n");
    let run = site.build_ok();
    assert!(!run.stderr.contains("Nothing changed"), "{}", run.stderr);
    assert!(site.output("about/index.html").contains("Founded in 1902."));
    site.write("content/pages/tags.md", "---\ntitle: Tags\n---\nOur tags.\n");
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("content/pages/tags.md: this page cannot be published: its URL `tags/`"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(site.root.join("content/pages/tags.md")).unwrap();
    // Two pages at one path: the second is an error naming it, never a page silently lost.
    site.write("content/pages/about-us.md", "---\ntitle: Also about\nslug: about\n---\nSecond.\n");
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("content/pages/about.md: this page cannot be published at `about/`: the page")
            && run.stderr.contains("content/pages/about-us.md is there"),
        "both files named: {}",
        run.stderr
    );
}

/// `gazette import --out` writes the pages too (a text page as Markdown with its title), so the
/// folder it writes builds the same site.
#[test]
fn imported_pages_build_the_same_site() {
    let site = site_with_pages();
    site.write(
        "content/pages/policies/contact.txt",
        "Contact the desk\n\nBy Jane Doe\n\nCall us on weekdays before noon.\n",
    );
    let said = crate::import::assert_imported_site_is_identical(&site);
    // Pages are counted as pages, not as articles.
    assert!(
        said.contains(
            "Imported 1 article and 1 page, copied 4 pages already in Markdown and 1 page bundle file, 0 errors"
        ),
        "{said}"
    );
    // Only what a page reads is written: no date or byline to be warned of on the next build.
    let imported = std::fs::read_to_string(site.root.join("content/pages/policies/contact.md")).unwrap();
    assert!(imported.starts_with("---\ntitle: Contact the desk\n"), "{imported}");
    assert!(!imported.contains("date:") && !imported.contains("authors:"), "{imported}");
}

/// `check` finds a broken link on a page and names the page's file and line, as it does an
/// article's.
#[test]
fn check_names_a_pages_file_for_its_broken_link() {
    let site = site_with_pages();
    site.write(
        "content/pages/about.md",
        "---\ntitle: About us\n---\nWe are a newsroom.\n\nSee [contact](/contactx/).\n",
    );
    let run = site.run(&["check", "--now", "2026-01-01T00:00:00Z"]);
    assert!(!run.success);
    assert!(run.stderr.contains("content/pages/about.md:6: broken link: `/contactx/`"), "{}", run.stderr);
}

/// What a page has of a news story is said, never dropped silently: article keys, a byline, a
/// date in its name (a folder of stories that happened to be called `pages/`).
#[test]
fn news_on_a_page_is_said() {
    let site = site_with_pages();
    site.write(
        "content/pages/2024-05-01-storm.txt",
        "Storm hits coast\n\nBy Jane Doe\n\nThe storm hit the coast.\n",
    );
    site.write(
        "content/pages/dated.md",
        "---\ntitle: Dated\ndate: 2025-01-01\naliases: [/old/]\n---\nText.\n",
    );
    let run = site.build_ok();
    for said in [
        "content/pages/2024-05-01-storm.txt: its name holds a date, which a page does not show",
        "content/pages/2024-05-01-storm.txt: the byline `By Jane Doe` is not shown on a page",
        "content/pages/dated.md:3: `date:`, `aliases:` not read on a page",
    ] {
        assert!(run.stderr.contains(said), "{said}: {}", run.stderr);
    }
    assert!(site.has_output("2024-05-01-storm/index.html"));
}
