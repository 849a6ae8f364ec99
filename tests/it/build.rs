//! `gazette build` on good sites: pages, URLs, escaping, drafts, determinism, atomic output.

use crate::harness::{SiteTest, h1_text, json_ld, visible_text};

const FERRY: &str = "2025/03/14/ferry-timetable-changes/index.html";
const LIGHTHOUSE: &str = "2025/03/14/lighthouse-keeper-retires/index.html";
const MARKET: &str = "2025/03/15/market-square/index.html";

#[test]
fn builds_every_page_kind_with_pretty_urls() {
    let site = SiteTest::fixture("basic");
    let run = site.build_ok();
    for page in [
        "index.html",
        "page/2/index.html",
        FERRY,
        LIGHTHOUSE,
        MARKET,
        "2025/03/14/index.html",
        "2025/03/15/index.html",
        "2025/03/index.html",
        "2025/index.html",
        "404.html",
        "style.css",
    ] {
        assert!(site.has_output(page), "missing {page}");
    }
    assert!(run.stderr.contains("Built 4 articles (3 published, 1 draft; 1 title guessed"), "{}", run.stderr);
}

#[test]
fn home_lists_articles_newest_first_and_paginates() {
    let site = SiteTest::fixture("basic");
    site.build_ok();
    let home = site.output("index.html");
    let market = home.find("Market square reopens").expect("newest article on page 1");
    let day = home.find("2025/03/14/").expect("second day on page 1");
    assert!(market < day, "newest first");
    assert!(home.contains("href=\"./page/2/\""), "link to page 2");
    let page2 = site.output("page/2/index.html");
    assert!(page2.contains("href=\"../../\""), "link back to page 1");
    assert!(!page2.contains("Market square reopens"));
    // Each page says which page it is, in its title and description, and only the first
    // claims the latest edition.
    let title = |page: &str| page[page.find("<title>").unwrap()..page.find("</title>").unwrap()].to_string();
    assert_ne!(title(&home), title(&page2));
    assert!(title(&page2).contains("page 2"), "{}", title(&page2));
    assert!(page2.contains("— page 2 of"), "its own description");
    assert!(home.contains("Latest edition") && !page2.contains("Latest edition"));
    assert!(home.contains(r#"The archive: <a href="./2025/">2025</a>"#), "every year is linked");
    // 14 March starts on page 1 and goes on on page 2: page 1 says where the rest are, page 2
    // that it goes on.
    assert!(!home.contains("(continued)") && page2.contains("(continued)"));
    assert!(
        home.contains("<p class=\"continues\"><a href=\"./page/2/\">Continued on the next page →</a></p>"),
        "{home}"
    );
    assert_eq!(home.matches("class=\"continues\"").count(), 1, "only the day that is split");
    assert!(!page2.contains("class=\"continues\""), "{page2}");
}

#[test]
fn txt_article_text_is_never_read_as_markup() {
    let site = SiteTest::fixture("basic");
    site.build_ok();
    let page = site.output(FERRY);
    assert!(!page.contains("<script>alert"), "script must be escaped");
    assert!(!page.contains("<em>stars"), "stars are literal");
    assert!(!page.contains("<h1>This line"), "hash is literal");
    let text = visible_text(&page);
    for literal in [
        "# This line starts with a hash",
        "*stars*",
        "_underscores_",
        "`ticks`",
        "[a](link)",
        "<script>alert(1)</script>",
        "&amp; more",
    ] {
        assert!(text.contains(literal), "{literal:?} not shown literally in:\n{text}");
    }
}

#[test]
fn headline_line_becomes_the_title_and_lede_titles_are_inferred() {
    let site = SiteTest::fixture("basic");
    let lede =
        std::fs::read_to_string(site.root.join("content/2025/03/14/lighthouse-keeper-retires.txt")).unwrap();
    // A file name that is no headline: the title comes from the lede.
    site.write("content/2025/03/14/clip-0042.txt", &lede);
    site.build_ok();
    let ferry = site.output(FERRY);
    assert_eq!(h1_text(&ferry), "Ferry timetable changes for the spring season");
    // No headline line, but a file named after its headline.
    assert_eq!(h1_text(&site.output(LIGHTHOUSE)), "Lighthouse keeper retires");
    let clip = site.output("2025/03/14/clip-0042/index.html");
    let title = h1_text(&clip);
    assert!(title.starts_with("After forty-one years"), "{title}");
    assert!(title.chars().count() <= 90, "{title}");
    assert!(!title.ends_with(['.', ',', ';', ':']), "{title}");
}

#[test]
fn markdown_articles_render_with_tables_and_without_raw_html() {
    let site = SiteTest::fixture("basic");
    site.build_ok();
    let page = site.output(MARKET);
    assert!(page.contains("<strong>six weeks</strong>"));
    assert!(page.contains("<table>"));
    assert!(!page.contains("class=\"raw\""), "raw HTML is left out by default");
    site.write(
        "site.yaml",
        &(std::fs::read_to_string(site.root.join("site.yaml")).unwrap() + "markdown:\n  unsafe_html: true\n"),
    );
    site.build_ok();
    assert!(site.output(MARKET).contains("<div class=\"raw\">"), "raw HTML allowed by the switch");
}

#[test]
fn drafts_only_with_the_flag() {
    let site = SiteTest::fixture("basic");
    site.build_ok();
    assert!(!site.has_output("2025/03/16/draft-story/index.html"));
    assert!(!site.output("index.html").contains("An unfinished draft"));
    let run = site.run(&["build", "--drafts", "--now", "2026-01-01T00:00:00Z"]);
    assert!(run.success, "{}", run.stderr);
    assert!(site.has_output("2025/03/16/draft-story/index.html"));
}

#[test]
fn base_url_sub_path_and_relative_links() {
    let site = SiteTest::fixture("basic");
    site.build_ok();
    let page = site.output(FERRY);
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://example.org/news/2025/03/14/ferry-timetable-changes/\">"
    ));
    assert!(page.contains("href=\"../../../../style.css\""), "relative stylesheet link");
    let not_found = site.output("404.html");
    assert!(not_found.contains("href=\"/news/style.css\""), "404 links are root-based: {not_found}");
    let run = site.run(&["build", "--base-url", "https://other.example/", "--now", "2026-01-01T00:00:00Z"]);
    assert!(run.success);
    assert!(
        site.output(FERRY).contains("href=\"https://other.example/2025/03/14/ferry-timetable-changes/\"")
    );
}

#[test]
fn same_input_gives_byte_identical_output() {
    let first = SiteTest::fixture("basic");
    first.build_ok();
    let second = SiteTest::fixture("basic");
    second.build_ok();
    assert_eq!(first.output_tree(), second.output_tree());
    let before = first.output_tree();
    std::fs::remove_dir_all(first.root.join(".gazette-cache")).unwrap();
    first.build_ok();
    assert_eq!(first.output_tree(), before, "a full rebuild is identical");
}

#[test]
fn removed_articles_leave_no_stale_pages() {
    let site = SiteTest::fixture("basic");
    site.build_ok();
    assert!(site.has_output(LIGHTHOUSE));
    std::fs::remove_file(site.root.join("content/2025/03/14/lighthouse-keeper-retires.txt")).unwrap();
    site.build_ok();
    assert!(!site.has_output(LIGHTHOUSE));
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".gazette-staging") || n.contains(".gazette-previous"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A rebuild after one edit moves in only the files that changed: every other page keeps its
/// file (same inode, so same modification time for rsync and caches), and the result is the
/// site a clean build makes.
#[cfg(unix)]
#[test]
fn a_rebuild_after_an_edit_leaves_unchanged_pages_untouched() {
    use std::os::unix::fs::MetadataExt;
    let site = SiteTest::fixture("basic");
    site.build_ok();
    let inode = |page: &str| std::fs::metadata(site.root.join("public").join(page)).unwrap().ino();
    let (ferry, market) = (inode(FERRY), inode(MARKET));
    let market_text = std::fs::read_to_string(site.root.join("content/2025/03/15/market-square.md")).unwrap();
    site.write(
        "content/2025/03/15/market-square.md",
        &market_text.replace("after **six weeks** of repairs", "after **seven weeks** of repairs"),
    );
    site.build_ok();
    assert!(site.output(MARKET).contains("seven weeks"));
    assert_ne!(inode(MARKET), market, "the edited page is a new file");
    assert_eq!(inode(FERRY), ferry, "a page the edit did not change is left as it was");
    let rebuilt = site.output_tree();
    std::fs::remove_dir_all(site.root.join("public")).unwrap();
    std::fs::remove_dir_all(site.root.join(".gazette-cache")).unwrap();
    site.build_ok();
    assert_eq!(site.output_tree(), rebuilt, "the updated folder equals a clean build");
}

/// A site's static `robots.txt` replaces the generated one on every build, rebuilds included
/// (the page is written first, the static file second: the second write must win even when the
/// first one differs from the output and the second does not).
#[test]
fn a_static_file_replacing_a_page_wins_on_rebuilds_too() {
    let site = SiteTest::fixture("basic");
    site.write("static/robots.txt", "User-agent: *\nDisallow: /drafts/\n");
    site.build_ok();
    assert_eq!(site.output("robots.txt"), "User-agent: *\nDisallow: /drafts/\n");
    // A new base URL changes the generated robots.txt (it names the sitemap), not the static one.
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", &config.replace("https://example.org/news/", "https://news.example.org/"));
    site.build_ok();
    assert_eq!(site.output("robots.txt"), "User-agent: *\nDisallow: /drafts/\n");
}

#[test]
fn output_flag_and_config_flag() {
    let site = SiteTest::fixture("basic");
    std::fs::rename(site.root.join("site.yaml"), site.root.join("other.yaml")).unwrap();
    let run =
        site.run(&["build", "--config", "other.yaml", "--output", "out", "--now", "2026-01-01T00:00:00Z"]);
    assert!(run.success, "{}", run.stderr);
    let home = std::fs::read_to_string(site.root.join("out/index.html")).unwrap();
    assert!(home.contains("The Harbour Bulletin"));
}

#[test]
fn no_config_and_no_themes_folder_still_builds() {
    let site =
        SiteTest::with_files(&[("content/2025-02-03-hello.txt", "A first story about nothing much.\n")]);
    site.build_ok();
    assert!(site.has_output("2025/02/03/hello/index.html"));
    assert!(site.has_output("style.css"), "built-in theme's static files");
}

#[test]
fn site_templates_override_the_theme_file_by_file() {
    let site = SiteTest::fixture("basic");
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>Custom missing page</p>{% endblock content %}",
    );
    site.build_ok();
    assert!(site.output("404.html").contains("Custom missing page"));
    assert!(
        h1_text(&site.output(FERRY)).starts_with("Ferry timetable"),
        "other templates still from the theme"
    );
}

#[test]
fn dates_come_from_file_names_folders_and_front_matter() {
    let site = SiteTest::with_files(&[
        ("content/2024-12-30-from-name.txt", "Dated by its file name.\n"),
        ("content/2024/11/05/from-folders.txt", "Dated by its folders.\n"),
        (
            "content/explicit.md",
            "---\ntitle: Explicit\ndate: 2024-10-01T12:00:00Z\n---\nDated by front matter.\n",
        ),
    ]);
    site.build_ok();
    assert!(site.has_output("2024/12/30/from-name/index.html"));
    assert!(site.has_output("2024/11/05/from-folders/index.html"));
    assert!(site.has_output("2024/10/01/explicit/index.html"));
}

#[test]
fn undated_article_uses_modification_time_with_a_warning() {
    let site = SiteTest::with_files(&[("content/undated.txt", "No date anywhere.\n")]);
    let run = site.build_ok();
    assert!(run.stderr.contains("undated.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("modification time"), "{}", run.stderr);
}

/// A clipping tool's id for a file name makes no URL a reader can read: the headline does.
#[test]
fn a_file_named_with_an_id_is_published_under_its_headline() {
    let site = SiteTest::with_files(&[
        (
            "content/2025/03/01/000_b1a974f4f2619876.txt",
            "Harbour fees rise\n\nThe harbour master announced new mooring fees on Saturday.\n",
        ),
        (
            "content/2025/03/01/harbour-fees.txt",
            "Harbour fees rise again\n\nThe fees rose again on Saturday.\n",
        ),
        (
            "content/2025/03/02/story.md",
            "---\ntitle: Market opens\nslug: 57d46c9d-market\n---\nThe market opened.\n",
        ),
    ]);
    site.build_ok();
    assert!(site.has_output("2025/03/01/harbour-fees-rise/index.html"));
    assert!(site.has_output("2025/03/01/harbour-fees/index.html"), "a person's file name stays the slug");
    assert!(site.has_output("2025/03/02/57d46c9d-market/index.html"), "a slug written is kept as written");
    // Imported, the slug is written down: editing the headline in the .md does not move the page.
    let run = site.run(&["import", "content/2025/03/01/000_b1a974f4f2619876.txt"]);
    assert!(run.stdout.contains("slug: harbour-fees-rise\n"), "{}", run.stdout);
    let run = site.run(&["import", "content/2025/03/01/harbour-fees.txt"]);
    assert!(!run.stdout.contains("slug:"), "{}", run.stdout);
}

/// Hugo's generated sites write long slugs (`…-approves-new-treatment-for-2`): a slug written in
/// front matter is the URL, cut only at a file system's limit, where one cut at a made slug's 80
/// bytes made two different slugs one URL and refused the build.
#[test]
fn long_chosen_slugs_stay_apart_and_made_slugs_stay_short() {
    let long = "2024-09-22-centers-for-disease-control-and-prevention-approves-new-treatment-for";
    let site = SiteTest::with_files(&[
        ("content/news/a.md", &format!("---\ntitle: RSV\ndate: 2024-09-22\nslug: \"{long}\"\n---\nText.\n")),
        (
            "content/news/b.md",
            &format!("---\ntitle: Cholera\ndate: 2024-09-22\nslug: \"{long}-2\"\n---\nText.\n"),
        ),
        (
            "content/2024-09-23-a-headline-a-clipping-tool-made-into-a-file-name-that-goes-on-and-on-for-ever.txt",
            "A headline\n\nText.\n",
        ),
    ]);
    site.build_ok();
    assert!(site.has_output(&format!("2024/09/22/{long}/index.html")));
    assert!(site.has_output(&format!("2024/09/22/{long}-2/index.html")));
    let made = "a-headline-a-clipping-tool-made-into-a-file-name-that-goes-on-and-on-for-ever";
    assert!(site.has_output(&format!("2024/09/23/{}/index.html", &made[..80.min(made.len())])));
    let chosen_too_long = "word-".repeat(60);
    let site = SiteTest::with_files(&[(
        "content/x.md",
        &format!("---\ntitle: X\ndate: 2024-09-22\nslug: {chosen_too_long}\n---\nText.\n"),
    )]);
    site.build_ok();
    let folder: Vec<String> = std::fs::read_dir(site.root.join("public/2024/09/22"))
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(folder.len(), 1, "{folder:?}");
    assert!(folder[0].len() < 250 && folder[0].starts_with("word-word-"), "{folder:?}");
}

/// A story dated only by the post it quotes may be days newer (the seed article): the build says
/// the day is a lower bound, and a date in the file's name settles it without a word.
#[test]
fn an_article_dated_by_its_embedded_post_is_warned_about() {
    let text = "An officer shot a man on Friday morning, the department said.\n\nThe city answered on social media.\n\nWe are here to help. pic.twitter.com/p8G2XFYM18 — City Police (@citypolice) September 8, 2025\n";
    let site = SiteTest::with_files(&[("content/shooting.txt", text)]);
    let run = site.build_ok();
    assert!(
        run.stderr.contains("shooting.txt: dated by the post it embeds")
            && run.stderr.contains("may be days newer"),
        "{}",
        run.stderr
    );
    assert!(site.has_output("2025/09/08/shooting/index.html"));
    let site = SiteTest::with_files(&[("content/2025-09-12-shooting.txt", text)]);
    let run = site.build_ok();
    assert!(!run.stderr.contains("from the post it embeds"), "{}", run.stderr);
    assert!(site.has_output("2025/09/12/shooting/index.html"));
}

/// A clipping filed under `YYYY/MM/` with no day anywhere is that month's news, not today's: it
/// is dated the first of the month (with a warning saying so), and `gazette import` writes that
/// date down with where it came from.
#[test]
fn month_folders_date_an_undated_article_to_the_first_of_the_month() {
    let site = SiteTest::with_files(&[
        ("content/2025/03/harbour-reopens.txt", "Harbour reopens\n\nThe harbour reopened to ferries.\n"),
        // A dated dateline names the day, so the folders' month is not needed.
        (
            "content/2025/03/pier-vote.txt",
            "Pier vote\n\nPORTSMOUTH, March 12, 2025 (AP) — The council voted to rebuild the pier.\n",
        ),
        // A wire dateline names the day but not the year: the folders give the year.
        (
            "content/2025/03/ferry-strike.txt",
            "Ferry strike\n\nCALAIS, March 14 (Reuters) - Ferry crews walked out on Friday over pay.\n",
        ),
        // An embedded post dates the story no earlier than itself: the folders' later month wins.
        (
            "content/2025/03/old-post.txt",
            "Old post resurfaces\n\nA post from years ago was shared again this week by the council.\n\nThe pier is closed. — Harbour Office (@harbouroffice) May 1, 2019\n",
        ),
    ]);
    let run = site.build_ok();
    assert!(
        run.stderr.contains("harbour-reopens.txt")
            && run.stderr.contains(
                "dated 2025-03-01, the first of the month that its folders `2025/03/` name; write `date:` to give the day"
            ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("modification time"), "{}", run.stderr);
    assert!(!run.stderr.contains("pier-vote.txt"), "the dateline dates it: {}", run.stderr);
    assert!(!run.stderr.contains("ferry-strike.txt"), "the dateline names the day: {}", run.stderr);
    assert!(run.stderr.contains("old-post.txt"), "the day is a guess: {}", run.stderr);
    assert!(site.output("2025/03/01/harbour-reopens/index.html").contains("Harbour reopens"));
    assert!(site.output("2025/03/12/pier-vote/index.html").contains("Pier vote"));
    assert!(site.output("2025/03/14/ferry-strike/index.html").contains("Ferry strike"));
    assert!(site.output("2025/03/01/old-post/index.html").contains("Old post resurfaces"));
    let import = site.run(&["import", "content/2025/03/harbour-reopens.txt"]);
    assert!(import.success, "{}", import.stderr);
    assert!(
        import.stdout.contains("date: 2025-03-01") && import.stdout.contains("date_source: month_folders"),
        "{}",
        import.stdout
    );
    // That date was a guess: filed later under a day's folders, the Markdown takes their day.
    site.write("content/2025/03/20/harbour-filed.md", &import.stdout);
    site.build_ok();
    assert!(site.output("2025/03/20/harbour-filed/index.html").contains("Harbour reopens"));
}

#[test]
fn unknown_files_are_reported_not_dropped_and_editor_files_skipped() {
    let site = SiteTest::with_files(&[
        ("content/2025-01-01-a.txt", "Story.\n"),
        ("content/photo.jpg", "not really a photo"),
        ("content/2025-01-01-a.txt~", "backup"),
        ("content/.2025-01-01-a.txt.swp", "swap"),
    ]);
    let run = site.build_ok();
    assert!(run.stderr.contains("photo.jpg"), "{}", run.stderr);
    assert!(!run.stderr.contains(".swp"), "{}", run.stderr);
    assert!(!run.stderr.contains("a.txt~"), "{}", run.stderr);
}

#[test]
fn quiet_prints_nothing_on_success_and_version_works() {
    let site = SiteTest::fixture("basic");
    let run = site.run(&["build", "--quiet", "--now", "2026-01-01T00:00:00Z"]);
    assert!(run.success);
    assert_eq!(run.stderr, "");
    let version = site.run(&["--version"]);
    assert!(version.stdout.starts_with("gazette "), "{}", version.stdout);
}

#[test]
fn a_no_op_rebuild_writes_nothing_and_any_change_rebuilds() {
    let site = SiteTest::fixture("basic");
    site.build_ok();
    let index = site.root.join("public/index.html");
    let written = std::fs::metadata(&index).unwrap().modified().unwrap();
    let run = site.build_ok();
    assert!(run.stderr.contains("Nothing changed"), "{}", run.stderr);
    assert_eq!(std::fs::metadata(&index).unwrap().modified().unwrap(), written, "no file rewritten");
    // An edited article, a removed output file, another --now: each rebuilds.
    site.write(
        "content/2025/03/14/lighthouse-keeper-retires.txt",
        "The keeper changed his mind and stays on.\n",
    );
    assert!(!site.build_ok().stderr.contains("Nothing changed"));
    assert!(site.output("2025/03/14/lighthouse-keeper-retires/index.html").contains("changed his mind"));
    std::fs::remove_file(site.root.join("public/404.html")).unwrap();
    assert!(!site.build_ok().stderr.contains("Nothing changed"));
    assert!(site.has_output("404.html"));
    // A page someone edited by hand is put right, as Hugo and Zola would. (The file's time is
    // set from the clock, finer than the file system's own, so it is surely after the build.)
    let style = site.output("style.css");
    let tampered = std::fs::OpenOptions::new().append(true).open(site.root.join("public/style.css")).unwrap();
    std::io::Write::write_all(&mut &tampered, b"tampered").unwrap();
    tampered.set_modified(std::time::SystemTime::now()).unwrap();
    drop(tampered);
    assert!(!site.build_ok().stderr.contains("Nothing changed"));
    assert_eq!(site.output("style.css"), style);
    assert!(site.build_ok().stderr.contains("Nothing changed"), "and then it is up to date again");
    // A file someone added deep in the output, with an old time: counted, so the build runs and
    // removes it (the folder is Gazette's).
    site.write("public/2025/03/extra/stray.html", "<p>Stray</p>");
    let stray =
        std::fs::File::options().write(true).open(site.root.join("public/2025/03/extra/stray.html")).unwrap();
    stray.set_modified(std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(86_400)).unwrap();
    drop(stray);
    assert!(!site.build_ok().stderr.contains("Nothing changed"), "a file was added");
    assert!(!site.has_output("2025/03/extra/stray.html"));
    assert!(site.build_ok().stderr.contains("Nothing changed"));
    // A page renamed keeps its time and the count of files, but not its folder's time: the day's
    // digest must come back, or `publish` would upload the damage. (The wait lets the file
    // system's clock, coarser than the build's, pass the build's end.)
    std::thread::sleep(std::time::Duration::from_millis(50));
    let day = site.root.join("public/2025/03/14");
    std::fs::rename(day.join("index.html"), day.join("old.html")).unwrap();
    assert!(!site.build_ok().stderr.contains("Nothing changed"), "a page was renamed");
    assert!(site.has_output("2025/03/14/index.html") && !site.has_output("2025/03/14/old.html"));
    assert!(site.build_ok().stderr.contains("Nothing changed"));
    let earlier = site.run(&["build", "--now", "2025-01-01T00:00:00Z"]);
    assert!(!earlier.stderr.contains("Nothing changed"), "a different clock can change what is published");
}

#[test]
fn a_rebuild_reads_only_changed_articles_and_equals_a_clean_build() {
    let site = SiteTest::fixture("basic");
    site.age_content();
    site.build_ok();
    // An edit, a new article and a removed one; two files stay as they were.
    site.write(
        "content/2025/03/14/lighthouse-keeper-retires.txt",
        "The keeper changed his mind and stays on.\n",
    );
    site.write("content/2025/03/16/new-pier.txt", "A new pier\n\nThe council opened a new pier.\n");
    std::fs::remove_file(site.root.join("content/2025/03/14/ferry-timetable-changes.txt")).unwrap();
    let run = site.build_ok();
    assert!(run.stderr.contains("2 unchanged since the last build"), "{}", run.stderr);
    assert!(site.output("2025/03/14/lighthouse-keeper-retires/index.html").contains("changed his mind"));
    assert!(!site.has_output("2025/03/14/ferry-timetable-changes/index.html"), "a removed article is gone");
    let with_cache = site.output_tree();
    std::fs::remove_dir_all(site.root.join(".gazette-cache")).unwrap();
    let run = site.build_ok();
    assert!(!run.stderr.contains("unchanged since"), "{}", run.stderr);
    assert!(site.output_tree() == with_cache, "the cache changes nothing in the output");
}

#[test]
fn an_unread_date_line_is_named_in_the_warning() {
    // The warning says what it saw, and no longer advises `import --in-place`, which would write
    // the file's time down as the date.
    let site = SiteTest::with_files(&[(
        "content/axios.txt",
        "Mortgage rates fall to lowest level since October\n\nMar 6, 2025 - Economy & Business\n\n\
         Mortgage rates fell for the fifth straight week, according to Freddie Mac data released Thursday.\n",
    )]);
    let run = site.build_ok();
    assert!(
        run.stderr.contains("no date found: `Mar 6, 2025 - Economy & Business` looks like one")
            && !run.stderr.contains("--in-place"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_stamps_time_and_zone_file_the_story_on_the_sites_day() {
    // 11:30 p.m. in New York is 5:30 the next morning in Berlin; with no zone, a time is the
    // site's own.
    let site = SiteTest::with_files(&[
        ("site.yaml", "title: T\ntimezone: Europe/Berlin\n"),
        (
            "content/vote.txt",
            "Senate passes stopgap funding bill\n\nMarch 4, 2025 11:30 p.m. ET\n\n\
             The Senate passed a stopgap funding bill late on Tuesday, hours before the deadline.\n",
        ),
        (
            "content/stadtwerke.txt",
            "Stadtwerke in der Krise\n\nStand: 04.03.2025 23:30 Uhr\n\n\
             Die Stadtwerke in Göttingen brauchen Geld für den Ausbau ihrer Wärmenetze.\n",
        ),
    ]);
    site.build_ok();
    let vote = site.output("2025/03/05/vote/index.html");
    assert!(vote.contains("datetime=\"2025-03-05T05:30:00+01:00\""), "{vote}");
    assert!(site.has_output("2025/03/04/stadtwerke/index.html"));
}

#[test]
fn the_article_cache_follows_settings_keeps_warnings_and_survives_damage() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "title: T\ntimezone: Europe/Lisbon\n"),
        ("content/2025-03-01-harbour.txt", "Harbour news\n\nThe harbour master spoke.\n"),
        ("content/undated.txt", "Undated\n\nA story with no date anywhere.\n"),
    ]);
    site.age_content();
    site.build_ok();
    site.write("content/2025-03-01-harbour.txt", "Harbour news\n\nThe harbour master spoke again.\n");
    let run = site.build_ok();
    assert!(run.stderr.contains("1 unchanged since the last build"), "{}", run.stderr);
    assert!(
        run.stderr.contains("undated.txt") && run.stderr.contains("no date found"),
        "kept warnings: {}",
        run.stderr
    );
    // Another output folder keeps the cache (the file edited a moment ago is not kept yet: too new
    // to trust its time); a setting that changes how articles are read reads everything again.
    let run = site.run(&["build", "--now", "2026-01-01T00:00:00Z", "--output", "elsewhere"]);
    assert!(run.stderr.contains("1 unchanged since the last build"), "{}", run.stderr);
    site.write("site.yaml", "title: T\ntimezone: America/Chicago\n");
    assert!(!site.build_ok().stderr.contains("unchanged since"));
    // A damaged cache is ignored, never an error.
    for entry in std::fs::read_dir(site.root.join(".gazette-cache/articles")).unwrap() {
        std::fs::write(entry.unwrap().path(), "{ not json").unwrap();
    }
    site.write("content/2025-03-01-harbour.txt", "Harbour news\n\nThe harbour master left.\n");
    let run = site.build_ok();
    assert!(!run.stderr.contains("unchanged since"), "{}", run.stderr);
    assert!(site.output("2025/03/01/harbour/index.html").contains("master left"));
}

#[test]
fn a_static_file_can_replace_a_generated_page_with_a_warning() {
    let site = SiteTest::fixture("basic");
    site.write("static/robots.txt", "User-agent: *\nDisallow: /drafts/\n");
    let run = site.build_ok();
    assert!(
        run.stderr.contains(
            "static/robots.txt: this static file replaces the page Gazette generates at robots.txt"
        ),
        "names the static file: {}",
        run.stderr
    );
    assert_eq!(site.output("robots.txt"), "User-agent: *\nDisallow: /drafts/\n");
    assert!(
        site.build_ok().stderr.contains("Nothing changed"),
        "the no-op rebuild still recognises the site"
    );
}

#[test]
fn the_output_folder_must_be_gazettes_own() {
    let site = SiteTest::fixture("basic");
    site.write("notes/keep.txt", "my notes");
    let run = site.run(&["build", "--output", "notes"]);
    assert!(!run.success);
    assert_eq!(run.stderr.matches("did not write").count(), 1, "said once: {}", run.stderr);
    assert!(run.stderr.contains("notes"), "the folder is named: {}", run.stderr);
    assert!(site.root.join("notes/keep.txt").exists(), "a folder Gazette did not write is never replaced");
    let run = site.run(&["build", "--output", "content"]);
    assert!(!run.success, "the content folder is refused as output");
    assert!(site.root.join("content/2025/03/14/ferry-timetable-changes.txt").exists());
}

#[test]
fn urls_do_not_move_when_a_scheduled_article_becomes_due() {
    let site = SiteTest::with_files(&[
        (
            "content/a/same-title.md",
            "---\ntitle: Later\ndate: 2025-01-01\npublish_date: 2025-06-01T00:00:00Z\n---\nLater.\n",
        ),
        ("content/b/same-title.md", "---\ntitle: Now\ndate: 2025-01-01\n---\nNow.\n"),
    ]);
    assert!(site.run(&["build", "--now", "2025-03-01T00:00:00Z"]).success);
    let before = site.output("2025/01/01/same-title-2/index.html");
    assert!(before.contains("Now."), "b keeps the suffixed URL even while a is hidden");
    assert!(site.run(&["build", "--now", "2025-07-01T00:00:00Z"]).success);
    assert!(site.output("2025/01/01/same-title-2/index.html").contains("Now."), "b's URL did not move");
    assert!(site.output("2025/01/01/same-title/index.html").contains("Later."));
}

#[test]
fn japanese_and_chinese_text_is_counted_per_character() {
    // 1,134 characters of Japanese with no spaces between words: 63 "words" as runs of letters,
    // 1,134 as characters, and at 500 characters a minute three minutes to read (not one, not five).
    let japanese = "市は月曜日に新しい橋の開通を発表した。".repeat(63);
    let characters = japanese.chars().filter(|c| !matches!(c, '。')).count();
    let site = SiteTest::with_files(&[(
        "content/2025-03-01-hashi.txt",
        &format!("{japanese}\n\nThe city said so on Monday in a statement.\n"),
    )]);
    site.build_ok();
    let page = site.output("2025/03/01/hashi/index.html");
    let value = json_ld(&page);
    assert_eq!(value["wordCount"], characters + 9);
    assert!(page.contains(">3 min read<"), "reading time of {characters} characters and 9 words");
}

/// A story of photos alone, or a draft with no text yet, has no words to count and no minutes to
/// read: its page and its card say neither (not "0 words · 1 min read"), in either theme.
#[test]
fn a_story_with_no_text_shows_no_word_count_or_reading_time() {
    let site = SiteTest::with_files(&[
        (
            "content/2025-03-01-gallery.md",
            "---\ntitle: Storm in pictures\nsource: Wire\nimages:\n  - src: https://example.org/storm.jpg\n    caption: The pier at dawn\n---\n",
        ),
        ("content/2025-03-02-text.md", "---\ntitle: Ferry fares rise\n---\nFares rise again.\n"),
    ]);
    site.build_ok();
    let gallery = site.output("2025/03/01/gallery/index.html");
    assert!(!gallery.contains("min read") && !gallery.contains("0 words"), "{gallery}");
    assert!(gallery.contains("<p class=\"wordcount\">Source: Wire</p>"), "the source still shows: {gallery}");
    let text = site.output("2025/03/02/text/index.html");
    assert!(text.contains(">1 min read<") && text.contains("<p class=\"wordcount\">3 words</p>"), "{text}");
    let day = site.output("2025/03/01/index.html");
    assert!(!day.contains("min read"), "the card: {day}");
    let broadsheet = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/broadsheet");
    crate::harness::copy_dir(&broadsheet, &site.root.join("themes/broadsheet"));
    site.write("site.yaml", "theme: broadsheet\n");
    site.build_ok();
    let gallery = site.output("2025/03/01/gallery/index.html");
    assert!(!gallery.contains("0 words") && !gallery.contains("1 min"), "{gallery}");
    assert!(site.output("2025/03/02/text/index.html").contains("3 words · 1 min"));
}

#[test]
fn the_summary_stands_first_only_when_the_body_does_not_say_it() {
    let site = SiteTest::fixture("basic");
    site.build_ok();
    // Taken from the lede: two paragraphs, straight quotes the page prints curly, the dateline cut.
    assert!(!site.output(FERRY).contains("class=\"standfirst\""), "the lede is not printed twice");
    // Written in front matter, and the body opens with the same words (then goes on).
    assert!(!site.output(MARKET).contains("class=\"standfirst\""), "the body says it");
    let path = "content/2025/03/15/market-square.md";
    let market = std::fs::read_to_string(site.root.join(path)).unwrap();
    let own = market.replace(
        "summary: The cobbled square is open to stalls again.",
        "summary: Stalls are back, and so is the \"Saturday crowd\".",
    );
    site.write(path, &own);
    site.build_ok();
    let standfirst = "<p class=\"standfirst\">Stalls are back, and so is the “Saturday crowd”.</p>";
    assert!(site.output(MARKET).contains(standfirst), "a summary of its own is shown, typeset as the story");
    site.write(
        path,
        &own.replace(
            "---\n\nThe cobbled",
            "---\n\nStalls are back, and so is the \"Saturday crowd\".\n\nThe cobbled",
        ),
    );
    site.build_ok();
    assert!(!site.output(MARKET).contains("class=\"standfirst\""), "until the body says it too");
}

/// `publish --no-build` uploads the output folder as it is: after `build --drafts` or a build for
/// localhost, that was a preview, drafts and wrong URLs included. It is refused now.
#[test]
fn publish_no_build_refuses_a_preview_build() {
    let site = SiteTest::with_files(&[
        (
            "site.yaml",
            "title: Harbour News\nbase_url: https://news.example.org/\npublish:\n  mirror:\n    type: dir\n    path: ../mirror\n",
        ),
        (
            "content/2025-03-01-strike.txt",
            "Dock workers walk out\n\nDock workers in Portvale walked out on Monday.\n",
        ),
        ("content/2025-03-02-plan.md", "---\ntitle: Secret plan\ndraft: true\n---\nNot yet.\n"),
    ]);
    let mirror = site.root.parent().unwrap().join("mirror");
    assert!(site.run(&["build", "--drafts"]).success);
    let run = site.run(&["publish", "--no-build", "--yes"]);
    assert!(!run.success, "{}", run.stderr);
    assert!(run.stderr.contains("public was built with --drafts"), "{}", run.stderr);
    assert!(!mirror.exists(), "nothing published");
    assert!(site.run(&["build", "--base-url", "http://localhost:8000/"]).success);
    let run = site.run(&["publish", "--no-build", "--yes"]);
    assert!(run.stderr.contains("was built for http://localhost:8000/"), "{}", run.stderr);
    assert!(!mirror.exists(), "nothing published");
    assert!(site.run(&["build"]).success);
    let run = site.run(&["publish", "--no-build", "--yes"]);
    assert!(run.success, "{}", run.stderr);
    assert!(mirror.join("2025/03/01/strike/index.html").is_file());
    assert!(!mirror.join("2025/03/02/plan").exists());
}

#[test]
fn a_site_without_its_address_is_warned_about_and_not_published() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "title: Harbour News\npublish:\n  mirror:\n    type: dir\n    path: ../mirror\n"),
        (
            "content/2025-03-01-strike.txt",
            "Dock workers walk out\n\nDock workers in Portvale walked out on Monday.\n",
        ),
    ]);
    let run = site.build_ok();
    assert!(run.stderr.contains("warning: site.yaml: base_url is `/`"), "{}", run.stderr);
    assert!(site.output("sitemap.xml").contains("<loc>/2025/03/01/strike/</loc>"), "what it warns about");
    let mirror = site.root.parent().unwrap().join("mirror");
    let run = site.run(&["publish", "--yes"]);
    assert!(!run.success && run.stderr.contains("base_url is `/`"), "{}", run.stderr);
    assert!(!mirror.exists(), "nothing published");

    site.write("site.yaml", "title: Harbour News\nbase_url: https://news.example.org/\npublish:\n  mirror:\n    type: dir\n    path: ../mirror\n");
    let run = site.build_ok();
    assert!(!run.stderr.contains("base_url"), "{}", run.stderr);
    let run = site.run(&["publish", "--yes"]);
    assert!(run.success, "{}", run.stderr);
    let sitemap = std::fs::read_to_string(mirror.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://news.example.org/2025/03/01/strike/</loc>"), "{sitemap}");

    // Run from cron (no terminal, no --yes): a file the publish did not write stays, and is named.
    std::fs::write(mirror.join("NOTES.txt"), "mine").unwrap();
    let run = site.run(&["publish", "--dry-run"]);
    assert!(run.stdout.contains("keep    NOTES.txt"), "{}", run.stdout);
    assert!(run.stderr.contains("1 kept (no publish wrote them; --yes deletes them)"), "{}", run.stderr);
    let run = site.run(&["publish"]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: kept 1 file at the target that no publish wrote (NOTES.txt)"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(mirror.join("NOTES.txt")).unwrap(), "mine");
}

/// A dry run changes nothing, the local output folder included, and shows the deletions a publish
/// would refuse; a folder target may not overwrite the articles; Notepad's byte-order mark is no
/// second YAML document.
#[test]
fn publish_dry_runs_leave_the_output_alone_and_a_target_may_not_overwrite_the_articles() {
    let config = "\u{feff}title: Harbour News\nbase_url: https://news.example.org/\n\
                  publish:\n  mirror:\n    type: dir\n    path: ../mirror\n  oops:\n    type: dir\n    path: content\n  \
                  into_output:\n    type: dir\n    path: public/www\n";
    let site = SiteTest::with_files(&[
        ("site.yaml", config),
        (
            "content/2025-03-01-strike.txt",
            "Dock workers walk out\n\nDock workers in Portvale walked out on Monday.\n",
        ),
        (
            "content/2025-03-02-ferry.txt",
            "Ferry returns to service\n\nThe ferry to Portvale sailed again on Sunday.\n",
        ),
    ]);
    let mirror = site.root.parent().unwrap().join("mirror");
    let run = site.run(&["publish", "mirror", "--yes"]);
    assert!(run.success, "{}", run.stderr);
    assert!(mirror.join("2025/03/02/ferry/index.html").exists());

    // A preview build for the local server: the dry run must not swap it for the production one.
    let run = site.run(&["build", "--base-url", "http://localhost:1111/"]);
    assert!(run.success, "{}", run.stderr);
    let preview = site.output("index.html");
    assert!(preview.contains("http://localhost:1111/"), "{preview}");
    std::fs::remove_file(site.root.join("content/2025-03-02-ferry.txt")).unwrap();
    let build_records = || std::fs::read_dir(site.root.join(".gazette-cache")).unwrap().count();
    let records = build_records();
    let run = site.run(&["publish", "mirror", "--dry-run", "--max-deletes", "1"]);
    assert_eq!(build_records(), records, "the scratch build leaves no record behind");
    assert!(!run.success, "a publish would refuse: {}", run.stderr);
    assert!(run.stdout.contains("delete  2025/03/02/ferry/index.html"), "the plan is shown: {}", run.stdout);
    assert!(run.stderr.contains("a publish would refuse this plan: refusing to delete"), "{}", run.stderr);
    assert_eq!(site.output("index.html"), preview, "the output folder is left as it was");
    assert!(site.root.join("public/2025/03/02/ferry/index.html").exists());
    assert!(mirror.join("2025/03/02/ferry/index.html").exists(), "a dry run deletes nothing");

    let run = site.run(&["publish", "oops", "--yes"]);
    assert!(!run.success);
    assert!(run.stderr.contains("must not contain one another"), "{}", run.stderr);
    assert!(site.root.join("content/2025-03-01-strike.txt").exists(), "the articles are untouched");

    // A target inside the output folder: the dry run, which builds into a scratch folder, says
    // what the publish says.
    for args in [&["publish", "into_output", "--dry-run"][..], &["publish", "into_output", "--yes"]] {
        let run = site.run(args);
        assert!(!run.success, "{args:?}: {}", run.stdout);
        assert!(
            run.stderr.contains("public/www and the output folder")
                && run.stderr.contains("must not contain one another"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(!site.root.join("public/www").exists());
}

/// A mistake under `publish:` is told at the next build, not at the first publish.
#[test]
fn a_bad_publish_target_is_warned_about_when_building() {
    let site = SiteTest::with_files(&[
        (
            "site.yaml",
            "base_url: https://news.example.org/\npublish:\n  mirror:\n    type: dir\n    pth: ../mirror\n",
        ),
        (
            "content/2025-03-01-strike.txt",
            "Dock workers walk out\n\nDock workers in Portvale walked out on Monday.\n",
        ),
    ]);
    let run = site.build_ok();
    assert!(
        run.stderr.contains("warning: site.yaml: ")
            && run.stderr.contains("publish target `mirror`")
            && run.stderr.contains("`gazette publish` refuses it until it is fixed"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_updated_line_in_the_header_is_the_articles_update_time() {
    let site = SiteTest::with_files(&[(
        "content/2024-11-18-budget.txt",
        "Council approves budget\n\nBy Jane Doe\nUpdated 3:12 PM EST, November 19, 2024\n\n\
         The council approved the budget on Tuesday after a long debate that ran past midnight.\n",
    )]);
    site.build_ok();
    let page = site.output("2024/11/18/budget/index.html");
    // 3:12 PM EST is 20:12 in the site's time zone (UTC), and shown with its time.
    assert!(
        page.contains(r#"<span class="updated">Updated <time datetime="2024-11-19T20:12:00+00:00">19 November 2024, 20:12</time>"#),
        "{page}"
    );
    assert!(!page.contains("3:12 PM EST"), "the line itself is page furniture");
    let run = site.run(&["import"]);
    assert!(run.stdout.contains("\nupdated: 2024-11-19T15:12:00-05:00\n"), "{}", run.stdout);
}

/// Hugo's and Zola's page bundles: an article folder holding `index.md` (or `index.txt`) and
/// the photos it shows.
pub(crate) fn bundle_site() -> SiteTest {
    SiteTest::with_files(&[
        (
            "content/2025/03/04/flood-defences/index.md",
            "---\ntitle: Flood defences hold\ndate: 2025-03-04\n---\n\n![Sandbags on the quay](sandbags.jpg)\n\nThe river peaked overnight. See the [river map](maps/river.png).\n",
        ),
        ("content/2025/03/04/flood-defences/sandbags.jpg", "JPEG bytes"),
        ("content/2025/03/04/flood-defences/maps/river.png", "PNG bytes"),
        (
            "content/posts/2025-03-05-harbour-reopens/index.txt",
            "Harbour reopens after the storm\n\nThe harbour reopened on Wednesday morning after repairs to the sea wall.\n",
        ),
        ("content/posts/2025-03-05-harbour-reopens/quay.jpg", "quay photo"),
        (
            "content/drafts/embargoed/index.md",
            "---\ntitle: Embargoed\ndate: 2025-03-06\ndraft: true\n---\n\n![Secret](leak.jpg)\n",
        ),
        ("content/drafts/embargoed/leak.jpg", "embargoed photo"),
        ("content/stray.pdf", "%PDF"),
    ])
}

#[test]
fn page_bundles_publish_their_files_beside_the_article() {
    let site = bundle_site();
    let run = site.build_ok();
    let flood = "2025/03/04/flood-defences/";
    assert!(site.output(&format!("{flood}index.html")).contains(r#"src="sandbags.jpg""#));
    assert_eq!(site.output(&format!("{flood}sandbags.jpg")), "JPEG bytes");
    assert_eq!(site.output(&format!("{flood}maps/river.png")), "PNG bytes");
    // A bundle folder names its article, and a dated folder dates it.
    assert_eq!(site.output("2025/03/05/harbour-reopens/quay.jpg"), "quay photo");
    assert!(
        !site.output_tree().iter().any(|(path, _)| path.contains("index/") || path.ends_with("leak.jpg"))
    );
    assert!(run.stderr.contains("stray.pdf"), "a file outside any bundle is reported: {}", run.stderr);
    assert!(!run.stderr.contains("sandbags.jpg"), "{}", run.stderr);
    let check = site.run(&["check", "--now", "2026-01-01T00:00:00Z"]);
    assert!(check.success, "the bundle's links resolve: {}", check.stderr);
    // With drafts shown, the draft's photo comes with it.
    let run = site.run(&["build", "--now", "2026-01-01T00:00:00Z", "-D", "--output", "preview"]);
    assert!(run.success, "{}", run.stderr);
    assert!(site.root.join("preview/2025/03/06/embargoed/leak.jpg").is_file());
}

#[test]
fn a_bundle_file_never_takes_a_pages_place() {
    let site = SiteTest::with_files(&[
        (
            "content/2025/03/04/flood/index.md",
            "---\ntitle: Flood\ndate: 2025-03-04\n---\n\nThe river peaked.\n",
        ),
        ("content/2025/03/04/flood/index.html", "<p>a saved web page</p>"),
    ]);
    let run = site.build_ok();
    assert!(site.output("2025/03/04/flood/index.html").contains("The river peaked."));
    assert!(run.stderr.contains("flood/index.html") && run.stderr.contains("rename it"), "{}", run.stderr);
}

#[test]
fn a_credit_without_its_photo_is_a_footnote_not_a_figure() {
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/2025/09/12/ice-officer-fatally-shoots-man-near-chicago.txt"),
    )
    .unwrap();
    let site = SiteTest::with_files(&[
        ("content/2025/09/12/seed.txt", &seed),
        (
            "content/2025/09/13/quay.md",
            "---\ntitle: Quay repaired\nimages:\n  - src: quay.jpg\n    credit: Ann Lee/AP\n---\n\nThe quay reopened.\n",
        ),
    ]);
    site.build_ok();
    let page = site.output("2025/09/12/seed/index.html");
    assert!(!page.contains("<figure"), "no empty figure");
    let footer = &page[page.find("<footer class=\"story-foot").unwrap()..];
    let footer = visible_text(footer).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(footer.contains("Photo Octavio Jones/REUTERS"), "{footer}");
    let with_photo = site.output("2025/09/13/quay/index.html");
    assert!(with_photo.contains("<figure class=\"photo\"><img src=\"quay.jpg\""));
    assert!(!with_photo.contains("photo-credits"), "a photo's credit stays in its caption");
}

#[test]
fn aliases_leave_redirects_at_an_articles_old_urls() {
    let site = SiteTest::with_files(&[
        (
            "content/2025-03-04-flood.md",
            "---\ntitle: Flood defences hold\naliases:\n  - /news/2025/flood-defences/\n  - /old/flood.html\n  - /tags/\n  - /rss.xml\n---\n\nThe river peaked.\n",
        ),
        ("site.yaml", "base_url: https://example.org/\n"),
    ]);
    let run = site.build_ok();
    for old in ["news/2025/flood-defences/index.html", "old/flood.html"] {
        let page = site.output(old);
        let url = "https://example.org/2025/03/04/flood/";
        assert!(page.contains(&format!(r#"<meta http-equiv="refresh" content="0; url={url}">"#)), "{page}");
        assert!(page.contains(&format!(r#"<link rel="canonical" href="{url}">"#)));
        assert!(page.contains("Flood defences hold"));
    }
    assert!(site.output("tags/index.html").contains("Topics"), "an alias never replaces a page");
    assert!(run.stderr.contains("alias `tags/index.html` is not published"), "{}", run.stderr);
    assert!(
        run.stderr.contains("alias `rss.xml/index.html` is not published"),
        "a folder where the feed is: {}",
        run.stderr
    );
    assert!(site.output("rss.xml").starts_with("<?xml"));
    assert!(!site.output("sitemap.xml").contains("news/2025"), "redirects are not in the sitemap");
    let check = site.run(&["check", "--now", "2026-01-01T00:00:00Z"]);
    assert!(check.success, "{}", check.stderr);

    site.write(
        "content/2025-03-04-flood.md",
        "---\ntitle: Flood defences hold\naliases: https://old.example.org/flood/\n---\n\nThe river peaked.\n",
    );
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("2025-03-04-flood.md:3") && run.stderr.contains("is a full URL"),
        "{}",
        run.stderr
    );
}

#[test]
fn hugo_markdown_keeps_its_summary_divider_and_images_and_names_its_shortcodes() {
    let site = SiteTest::with_files(&[
        (
            "content/posts/bridge/index.md",
            "---\ntitle: Bridge reopens\ndate: 2025-03-04\nimages: [bridge.jpg]\n---\n\nThe bridge reopened on Monday.\n\nTraffic was light at first.\n\n<!--more-->\n\nRepairs took six months.\n\n{{< tweet user=\"council\" id=\"1\" >}}\n",
        ),
        ("content/posts/bridge/bridge.jpg", "jpeg"),
    ]);
    let run = site.build_ok();
    let page = site.output("2025/03/04/bridge/index.html");
    assert!(page.contains(r#"<meta name="description" content="The bridge reopened on Monday. Traffic was light at first.">"#), "everything above <!--more-->");
    assert!(page.contains(r#"<img src="bridge.jpg""#), "a bare image path is a photo");
    assert!(
        page.contains(r#"og:image" content="/2025/03/04/bridge/bridge.jpg""#),
        "found beside the page: {page}"
    );
    assert!(
        run.stderr.contains("content/posts/bridge/index.md:15")
            && run.stderr.contains("a Hugo shortcode `{{< tweet"),
        "{}",
        run.stderr
    );
}

/// Hugo themes read `summary:` for lists and `description:` for meta tags, and many posts have
/// both: the build refused them as one key written twice. Shortcodes past the first five of a
/// file are named by line on one warning.
#[test]
fn hugo_summary_and_description_both_serve_and_every_shortcode_line_is_named() {
    let shortcodes: String = (1..=7).map(|n| format!("{{{{< figure src=\"{n}.jpg\" >}}}}\n\n")).collect();
    let site = SiteTest::with_files(&[(
        "content/posts/vote.md",
        &format!(
            "+++\ntitle = \"Council vote\"\ndate = 2025-03-04\nsummary = \"The council voted.\"\ndescription = \"How the council voted on the budget.\"\n+++\n\nThe council voted.\n\n{shortcodes}"
        ),
    )]);
    let run = site.build_ok();
    let page = site.output("2025/03/04/vote/index.html");
    assert!(
        page.contains(r#"<meta name="description" content="How the council voted on the budget.">"#),
        "{page}"
    );
    assert!(site.output("index.html").contains("The council voted."));
    assert!(!site.output("index.html").contains("How the council voted"));
    // A page that is no news reads them alike.
    site.write(
        "content/pages/about.md",
        "---\ntitle: About\nsummary: Us.\ndescription: Who writes the news.\n---\nWe do.\n",
    );
    site.build_ok();
    assert!(
        site.output("about/index.html")
            .contains(r#"<meta name="description" content="Who writes the news.">"#)
    );
    // The body starts on line 8; shortcodes on 10, 12, ... 22: the sixth and seventh by line.
    assert!(run.stderr.contains("vote.md:18: a Hugo shortcode"), "{}", run.stderr);
    assert!(run.stderr.contains("and 2 more shortcodes or `@/` links, on lines 20, 22"), "{}", run.stderr);
}

/// Hugo renders no page for `headless: true` or `_build: {render: never}`: such a file was
/// published, on the front page and in the feeds and search index.
#[test]
fn files_hugo_renders_no_page_for_are_held_back_as_drafts() {
    let site = SiteTest::with_files(&[
        (
            "content/snippets/index.md",
            "---\ntitle: Snippets\ndate: 2025-03-04\nheadless: true\n---\nSECRET one.\n",
        ),
        (
            "content/posts/hidden.md",
            "---\ntitle: Hidden\ndate: 2025-03-04\n_build:\n  render: never\n  list: never\n---\nSECRET two.\n",
        ),
        (
            "content/posts/toml.md",
            "+++\ntitle = \"Toml\"\ndate = 2025-03-04\n[build]\nrender = false\n+++\nSECRET three.\n",
        ),
        (
            "content/posts/shown.md",
            "---\ntitle: Shown\ndate: 2025-03-04\n_build:\n  list: always\n---\nThe shown one.\n",
        ),
    ]);
    let run = site.build_ok();
    let everything: String = site
        .output_tree()
        .into_iter()
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    assert!(!everything.contains("SECRET"), "nothing of them is published");
    assert!(site.has_output("2025/03/04/shown/index.html"));
    assert!(run.stderr.contains("snippets/index.md:4: `headless`: Hugo renders no page"), "{}", run.stderr);
    assert!(run.stderr.contains("posts/hidden.md:4: `_build`: Hugo renders no page"), "{}", run.stderr);
    assert!(run.stderr.contains("posts/toml.md"), "{}", run.stderr);
    assert!(!run.stderr.contains("unknown front-matter key `headless`"), "{}", run.stderr);
    let with_drafts = site.run(&["build", "--drafts", "--now", "2026-01-01T00:00:00Z"]);
    assert!(with_drafts.success, "{}", with_drafts.stderr);
    assert!(site.has_output("2025/03/04/hidden/index.html"), "--drafts shows them");
}

/// A Hugo post's `url:` was its address; here an article's is dated, so the old one redirects to
/// it. A Hugo About page (a menu entry, no date) is told where pages that are no news go.
#[test]
fn hugo_url_redirects_to_the_dated_page_and_a_menu_page_is_pointed_to_pages() {
    let site = SiteTest::with_files(&[
        (
            "content/posts/closure.md",
            "+++\ntitle = \"Road closure\"\ndate = 2024-03-04\nurl = \"/special/road-closure/\"\n+++\nThe road is closed.\n",
        ),
        ("content/about.md", "---\ntitle: About\nmenu: main\n---\nWho we are.\n"),
    ]);
    let run = site.build_ok();
    assert!(site.has_output("2024/03/04/closure/index.html"));
    let redirect = site.output("special/road-closure/index.html");
    assert!(redirect.contains("2024/03/04/closure/"), "{redirect}");
    assert!(run.stderr.contains("closure.md:4: `url:` is kept as an alias"), "{}", run.stderr);
    assert!(!run.stderr.contains("unknown front-matter key `url`"), "{}", run.stderr);
    assert!(run.stderr.contains("move it to content/pages/"), "{}", run.stderr);
}

/// Hugo's `images:` are paths in `static/`: the photo showed broken and link previews pointed
/// to a file under the article's folder that was never there.
#[test]
fn a_hugo_image_path_is_found_in_static() {
    let site = SiteTest::with_files(&[
        (
            "content/posts/budget.md",
            "+++\ntitle = \"Budget approved\"\ndate = 2024-03-05\nimages = [\"images/council.jpg\"]\n+++\nThe budget passed.\n",
        ),
        ("static/images/council.jpg", "jpeg"),
    ]);
    site.build_ok();
    let page = site.output("2024/03/05/budget/index.html");
    assert!(page.contains(r#"<img src="../../../../images/council.jpg""#), "{page}");
    assert!(page.contains(r#"og:image" content="/images/council.jpg""#), "{page}");
    let check = site.run(&["check", "--now", "2026-01-01T00:00:00Z"]);
    assert!(check.success, "{}", check.stderr);
}

/// A search engine's verification page is copied as it is: `check` failed the site for its
/// missing title and description, which are not Gazette's to give; its links are still checked.
#[test]
fn check_does_not_ask_a_static_html_file_for_a_title() {
    let site = SiteTest::with_files(&[
        ("content/2025-03-04-flood.md", "---\ntitle: Flood\n---\n\nThe river peaked.\n"),
        ("static/google1234.html", "google-site-verification: google1234.html"),
    ]);
    let check = site.run(&["check", "--now", "2026-01-01T00:00:00Z"]);
    assert!(check.success, "{}", check.stderr);
    site.write("static/old.html", "<title>Old</title><a href=\"/gone/\">gone</a>");
    let check = site.run(&["check", "--now", "2026-01-01T00:00:00Z"]);
    assert!(!check.success);
    assert!(check.stderr.contains("old.html: broken link: `/gone/`"), "{}", check.stderr);
    assert!(!check.stderr.contains("no meta description"), "{}", check.stderr);
}

#[test]
fn bylines_credits_and_topics_read_the_same_on_every_page() {
    let site = SiteTest::with_files(&[
        (
            "content/2025-03-04-storm.txt",
            "Storm fells trees across Portvale\n\nBy Carlos Mendez and Ruth Bell\n\n\
             A fallen tree blocks a road in Portvale on Friday. (AP Photo/Kim Lee)\n\n\
             A storm brought down trees across Portvale on Friday, closing roads and cutting power.\n",
        ),
        (
            "content/2025-03-05-gallery.md",
            "---\ntitle: Gallery\ntags: [culture]\n---\nA new gallery opened.\n",
        ),
        ("content/2025-03-06-museum.md", "---\ntitle: Museum\ntags: [Culture]\n---\nThe museum reopened.\n"),
        ("content/2025-03-07-theatre.md", "---\ntitle: Theatre\ntags: [Culture]\n---\nThe theatre closed.\n"),
    ]);
    site.build_ok();
    let front = site.output("index.html");
    assert!(
        front.contains("By Carlos Mendez and Ruth Bell"),
        "cards join names as the article does: {front}"
    );
    let story = site.output("2025/03/04/storm/index.html");
    assert!(
        story.contains("on Friday. (AP Photo/Kim Lee)</p>"),
        "a credit in parentheses gets no second pair: {story}"
    );
    let gallery = site.output("2025/03/05/gallery/index.html");
    assert!(gallery.contains(">Culture</a>") && !gallery.contains(">culture</a>"), "{gallery}");
}

#[test]
fn a_misspelt_front_matter_key_is_named_at_its_line_with_the_key_meant() {
    let site = SiteTest::with_files(&[(
        "content/2025-03-04-flood.md",
        "---\ntitle: Flood\nautor: Ann Lee\ndescripton: The river peaked.\ncategories: [Weather]\n---\n\nThe river peaked.\n",
    )]);
    let run = site.build_ok();
    for (line, key, meant) in [(3, "autor", "author"), (4, "descripton", "description")] {
        let message = format!("flood.md:{line}: unknown front-matter key `{key}` (did you mean `{meant}`?");
        assert!(run.stderr.contains(&message), "{message} in {}", run.stderr);
    }
    // Hugo's second taxonomy is pointed to the one Gazette has.
    let message =
        "flood.md:5: unknown front-matter key `categories` (Gazette's topics are `tags:`; kept for templates";
    assert!(run.stderr.contains(message), "{}", run.stderr);
}

#[test]
fn a_no_op_rebuild_says_the_warnings_again() {
    let site = SiteTest::with_files(&[(
        "content/2025-03-04-flood.md",
        "---\ntitle: Flood\ncategory: Weather\n---\n\nThe river peaked.\n",
    )]);
    let first = site.build_ok();
    assert!(first.stderr.contains("flood.md:3: unknown front-matter key `category`"), "{}", first.stderr);
    let again = site.build_ok();
    assert!(again.stderr.contains("Nothing changed"), "{}", again.stderr);
    assert!(again.stderr.contains("unknown front-matter key `category`"), "{}", again.stderr);
    assert!(again.stderr.contains("still stand"), "{}", again.stderr);
}

#[test]
fn zola_pages_with_toml_front_matter_build_as_they_are() {
    let site = SiteTest::with_files(&[(
        "content/news/council-vote.md",
        "+++\ntitle = \"Council votes on the harbour budget\"\ndate = 2025-04-10\ndescription = \"The vote.\"\naliases = [\"/news/council-vote/\"]\n\n[taxonomies]\ntags = [\"Harbour\"]\nauthors = [\"Ana Ruiz\"]\n\n[extra]\nhero = \"vote.jpg\"\n+++\n\nThe council voted on Thursday.\n",
    )]);
    let run = site.build_ok();
    let page = site.output("2025/04/10/council-vote/index.html");
    assert!(page.contains("Council votes on the harbour budget") && page.contains("Ana Ruiz"));
    assert!(site.has_output("tags/harbour/index.html") && site.has_output("authors/ana-ruiz/index.html"));
    assert!(site.output("news/council-vote/index.html").contains("url=/2025/04/10/council-vote/"));
    assert!(
        !run.stderr.contains("hero") && !run.stderr.contains("`extra`"),
        "Zola's extra is no typo: {}",
        run.stderr
    );
    // Zola's [extra] keys are the article's extra keys for templates; a source key in it stays there.
    site.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% block content %}<p>{{ article.extra.hero }} {{ article.source or 'no source' }}</p>{% endblock content %}",
    );
    site.write(
        "content/news/council-vote.md",
        "+++\ntitle = \"Council votes\"\ndate = 2025-04-10\n[extra]\nhero = \"vote.jpg\"\nsource = 3\n+++\n\nThe council voted.\n",
    );
    site.build_ok();
    assert!(site.output("2025/04/10/council-vote/index.html").contains("<p>vote.jpg no source</p>"));
}

#[test]
fn templates_read_the_site_owners_extra_settings() {
    let site = SiteTest::fixture("basic");
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap_or_default();
    site.write("site.yaml", &format!("{config}\nextra:\n  newsletter: https://example.org/subscribe\n"));
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<a href=\"{{ site.extra.newsletter }}\">Subscribe</a>{% endblock content %}",
    );
    site.build_ok();
    assert!(site.output("404.html").contains(r#"<a href="https://example.org/subscribe">Subscribe</a>"#));
}

#[test]
fn summaries_are_typeset_as_the_story_is() {
    let site = SiteTest::with_files(&[(
        "content/2025-03-04-ponchos.txt",
        "Festival sells out of ponchos\n\n\"We ran out of ponchos by two o'clock,\" the organiser said -- a record.\n\nThe rain kept falling all afternoon.\n",
    )]);
    site.build_ok();
    let page = site.output("2025/03/04/ponchos/index.html");
    let description =
        page.split("<meta name=\"description\" content=\"").nth(1).unwrap().split('"').next().unwrap();
    assert_eq!(description, "“We ran out of ponchos by two o’clock,” the organiser said – a record.");
    assert!(site.output("index.html").contains("“We ran out of ponchos by two o’clock,”"), "the card too");
}

/// A `gh-pages` checkout kept as the output folder (as Hugo users keep `public/`): its `.git`
/// survives every build, including one that swaps in a whole new folder, and a commit in it is
/// no change to the site. Dot files in `static/` (`.well-known/`, `.htaccess`) are published, as
/// Hugo and Zola publish them; `.DS_Store` and a `.git` there are not.
#[test]
fn a_repository_in_the_output_survives_and_static_dot_files_are_published() {
    let site = SiteTest::fixture("basic");
    site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n");
    site.write("static/.well-known/security.txt", "Contact: mailto:desk@example.org\n");
    site.write("static/.htaccess", "Options -Indexes\n");
    site.write("static/.DS_Store", "finder");
    site.write("static/img/.git/config", "[core]");
    site.write("static/.gazette", "not the marker");
    site.build_ok();
    assert!(site.output(".gazette").starts_with("This folder is written by Gazette"), "Gazette's own name");
    assert_eq!(site.output(".well-known/security.txt"), "Contact: mailto:desk@example.org\n");
    assert_eq!(site.output(".htaccess"), "Options -Indexes\n");
    assert!(!site.has_output(".DS_Store") && !site.has_output("img/.git/config"));
    site.write("public/.git/refs/heads/gh-pages", "1234abcd\n");
    assert!(site.build_ok().stderr.contains("Nothing changed"), "a commit is no change to the site");
    // An article removed: the build swaps in a complete new folder, which takes `.git` along.
    std::fs::remove_file(site.root.join("content/2025/03/14/lighthouse-keeper-retires.txt")).unwrap();
    site.build_ok();
    assert!(!site.has_output("2025/03/14/lighthouse-keeper-retires/index.html"));
    assert_eq!(site.output(".git/HEAD"), "ref: refs/heads/gh-pages\n");
    assert_eq!(site.output(".git/refs/heads/gh-pages"), "1234abcd\n");
    assert!(site.build_ok().stderr.contains("Nothing changed"));
}

/// A checkout of another generator's site kept as the output folder is refused and left as it
/// is: it has no marker file (a branch `gazette publish` wrote has one; see `publish.rs`).
#[test]
fn a_checkout_of_another_site_is_refused_as_the_output_folder() {
    let other = SiteTest::fixture("basic");
    other.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n");
    other.write(
        "public/index.html",
        "<!doctype html><html><head><meta name=\"generator\" content=\"Hugo 0.111.3\">",
    );
    let run = other.run(&["build"]);
    assert!(
        !run.success && run.stderr.contains("this folder has files Gazette did not write"),
        "{}",
        run.stderr
    );
    assert!(other.output("index.html").contains("Hugo"), "left as it was");
}

/// Headlines Gazette made (the text had no headline line) are counted in the summary and, with
/// `--verbose`, listed with their files, so an editor can read them before publishing.
#[test]
fn guessed_titles_are_counted_and_listed_with_verbose() {
    let lede = "Prosecutors in Sweden have dropped an investigation into a rape allegation made \
                against the founder of the site, the deputy chief prosecutor said on Tuesday, \
                citing the time that had passed since the events in question.";
    let site = SiteTest::with_files(&[
        ("content/2025-01-02-clip.txt", lede),
        ("content/2025-01-02-headed.txt", "Council backs the harbour plan\n\nThe council backed it.\n"),
    ]);
    let run = site.build_ok();
    assert!(run.stderr.contains("(2 published; 1 title guessed, `--verbose` lists them)"), "{}", run.stderr);
    assert!(!run.stderr.contains("note:"), "{}", run.stderr);
    site.write("content/2025-01-02-clip.txt", &format!("{lede}\n"));
    let run = site.run(&["build", "--verbose", "--now", "2026-01-01T00:00:00Z"]);
    assert!(run.success, "{}", run.stderr);
    let note = run.stderr.lines().find(|line| line.starts_with("note:")).expect(&run.stderr);
    assert!(
        note.contains("content/2025-01-02-clip.txt: no headline line, so the title “Prosecutors"),
        "{note}"
    );
    assert_eq!(run.stderr.matches("note:").count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("(2 published; 1 title guessed)"), "{}", run.stderr);
    // Nothing changed: listed again, as the warnings are.
    let run = site.run(&["build", "--verbose", "--now", "2026-01-01T00:00:00Z"]);
    assert!(run.stderr.contains("Nothing changed"), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("note: content/2025-01-02-clip.txt: no headline line").count(),
        1,
        "{}",
        run.stderr
    );
}

/// A dot file is private by convention and not built, but an article named so is one its owner
/// may not know is left out: it is named. `.DS_Store`, the Mac's `._` copies and a `.git` folder
/// say nothing.
#[test]
fn a_hidden_article_file_is_named_and_other_dot_files_are_quiet() {
    let site = SiteTest::with_files(&[
        ("content/2025-03-01-ferry.txt", "Ferry fares rise\n\nFares rise again on the island route.\n"),
        ("content/.2025-03-02-notes.txt", "Notes\n\nThe notes of the day.\n"),
        ("content/.DS_Store", "finder"),
        ("content/._2025-03-01-ferry.txt", "\u{5}\u{16}\u{7}\0mac"),
        ("content/.git/notes.txt", "not an article\n"),
    ]);
    let run = site.build_ok();
    let named: Vec<&str> = run.stderr.lines().filter(|line| line.contains("hidden file")).collect();
    assert_eq!(named.len(), 1, "{}", run.stderr);
    assert!(
        named[0].contains(
            ".2025-03-02-notes.txt: a hidden file (its name starts with a dot), so it is not built"
        ),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("DS_Store") && !run.stderr.contains("._2025") && !run.stderr.contains(".git"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Built 1 article"), "{}", run.stderr);
}
