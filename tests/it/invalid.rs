//! One fixture per kind of bad input: each is reported with its file (and line), the rest of the
//! site still renders, the exit code is non-zero, and the previous output is left untouched.

use crate::harness::SiteTest;

fn failing_build(fixture: &str) -> (SiteTest, String) {
    expect_failure(SiteTest::fixture(&format!("invalid/{fixture}")))
}

/// [`failing_build`] of a site made of `files` (path, contents) rather than a fixture.
fn failing_build_of(files: &[(&str, &str)]) -> String {
    expect_failure(SiteTest::with_files(files)).1
}

fn expect_failure(site: SiteTest) -> (SiteTest, String) {
    let run = site.run(&["build", "--now", "2026-01-01T00:00:00Z"]);
    assert!(!run.success, "the build should fail:\n{}", run.stderr);
    (site, run.stderr)
}

#[test]
fn bad_front_matter_yaml_names_file_and_line() {
    let (site, stderr) = failing_build("bad_yaml");
    // The parser stops at the end of the block (line 4); the error points at line 3, which
    // opened the list and did not close it.
    assert!(stderr.contains("2025-01-01-broken.md:3:"), "the line of the bad YAML: {stderr}");
    assert!(stderr.contains("the bracket opened on this line is not closed"), "{stderr}");
    assert!(stderr.contains("not valid YAML"), "{stderr}");
    assert!(!site.has_output("index.html"), "a failed build writes no site");
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let site = SiteTest::fixture("invalid/bad_yaml");
    std::fs::remove_file(site.root.join("content/2025-01-01-broken.md")).unwrap();
    site.build_ok();
    let before = site.output_tree();
    site.write("content/2025-01-01-broken.md", "---\ntitle: [oops\n---\n");
    site.write("content/2025-01-02-new.txt", "A new story that must not appear yet.\n");
    let run = site.run(&["build", "--now", "2026-01-01T00:00:00Z"]);
    assert!(!run.success);
    assert!(run.stderr.contains("left as it was"), "{}", run.stderr);
    assert_eq!(site.output_tree(), before);
}

#[test]
fn unknown_config_key_is_named() {
    let (_, stderr) = failing_build("unknown_config_key");
    assert!(stderr.contains("site.yaml"), "{stderr}");
    assert!(stderr.contains("base_ulr"), "{stderr}");
}

/// Run from a folder of the site rather than its root, build wrote a `public/` into the content
/// and serve served "no site yet": both say where the site is instead.
#[test]
fn a_command_run_inside_a_sites_folder_says_where_the_site_is() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "title: News\n"),
        ("content/2024/03/2024-03-01-a.txt", "A story.\n"),
    ]);
    for args in [&["build"][..], &["serve", "--port", "0"], &["check"]] {
        let run = site.run_in("content/2024", args);
        assert!(!run.success, "{args:?}");
        assert!(
            run.stderr.contains("is a folder of the site at") && run.stderr.contains("--root ../.."),
            "{}",
            run.stderr
        );
    }
    assert!(!site.root.join("content/2024/public").exists());
    // Named with --root from the site's own folder, the --root to pass is that folder.
    let run = site.run(&["build", "--root", "content/2024"]);
    assert!(run.stderr.contains("pass --root ."), "{}", run.stderr);
    // Another tool's site.yaml (an Ansible playbook) above a new site makes no site.
    let other = SiteTest::with_files(&[("site.yaml", "- hosts: all\n"), ("new/.keep", "")]);
    std::fs::remove_dir_all(other.root.join("content")).unwrap();
    let run = other.run_in("new", &["build"]);
    assert!(!run.stderr.contains("is a folder of the site"), "{}", run.stderr);
}

#[test]
fn a_hugo_or_zola_config_is_told_what_gazette_reads() {
    let site = SiteTest::with_files(&[
        ("content/2025-01-01-a.txt", "A story.\n"),
        ("config.toml", "baseURL = \"https://example.org/\"\ntitle = \"News\"\n[params]\nmotto = \"x\"\n"),
    ]);
    // Another tool's config.yaml is no site's.
    let other = SiteTest::with_files(&[
        ("content/2025-01-01-a.txt", "A story.\n"),
        ("config.yaml", "linter:\n  strict: true\n"),
    ]);
    let run = other.run(&["build"]);
    assert!(run.success && !run.stderr.contains("config.yaml"), "{}", run.stderr);
    // Hugo's configuration folder too.
    let folder = SiteTest::with_files(&[
        ("content/2025-01-01-a.txt", "A story.\n"),
        ("config/_default/hugo.toml", "baseURL = \"https://example.org/\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
    ]);
    let run = folder.run(&["build"]);
    assert!(
        run.stderr.contains("config/_default/hugo.toml is Hugo's or Zola's configuration"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("layouts: Hugo's templates, which Gazette does not read"), "{}", run.stderr);
    // Beside no site.yaml, Hugo's or Zola's is not silently passed over.
    let run = site.run(&["build"]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stderr.contains("config.toml is Hugo's or Zola's configuration, which Gazette does not read")
            && run.stderr.contains("site.yaml"),
        "{}",
        run.stderr
    );
    let run = site.run(&["build", "--config", "config.toml"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("config.toml: this is TOML") && run.stderr.contains("Gazette reads YAML"),
        "{}",
        run.stderr
    );
    std::fs::copy(site.root.join("config.toml"), site.root.join("site.yaml")).unwrap();
    let run = site.run(&["build"]);
    assert!(run.stderr.contains("site.yaml: this is TOML"), "{}", run.stderr);
}

/// Stray bytes in an English file, which chardetng reads as Cyrillic: the guess is published, and
/// said to be one.
#[test]
fn an_alphabet_guessed_from_a_few_bytes_is_warned_of() {
    let site = SiteTest::with_files(&[]);
    std::fs::create_dir_all(site.root.join("content")).unwrap();
    std::fs::write(
        site.root.join("content/2025-01-01-strike.txt"),
        b"Dock strike \xFF\xFE\xC3( ends\n\nThe dock strike ended on Monday \xE2(\xA1, the union said.\n",
    )
    .unwrap();
    let run = site.build_ok();
    assert!(
        run.stderr.contains("2025-01-01-strike.txt: not UTF-8, and only 5 bytes in the file are not plain ASCII (the first at byte offset 12)"),
        "{}",
        run.stderr
    );
}

#[test]
fn invalid_utf8_is_a_warning_with_the_offset_and_the_article_survives() {
    let site = SiteTest::fixture("invalid/invalid_utf8");
    let run = site.build_ok();
    assert!(run.stderr.contains("2025-01-01-damaged.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("byte offset 33"), "{}", run.stderr);
    let page = site.output("2025/01/01/damaged/index.html");
    assert!(page.contains("Zürich news"), "{page}");
}

#[test]
fn a_binary_file_named_txt_is_an_error_not_an_article() {
    let (site, stderr) = failing_build("binary_text");
    assert!(stderr.contains("2025-01-01-photo.txt"), "{stderr}");
    assert!(stderr.contains("not text: a NUL byte at byte offset 8"), "{stderr}");
    assert!(!site.has_output("index.html"), "a failed build writes no site");
    let run = site.run(&["check"]);
    assert!(!run.success && run.stderr.contains("2025-01-01-photo.txt"), "{}", run.stderr);
}

/// A web page saved under a `.txt` name is named for what it is, not published with its markup
/// as the headline.
#[test]
fn a_web_page_saved_as_text_is_an_error_not_an_article() {
    let stderr = failing_build_of(&[(
        "content/2025-01-01-saved.txt",
        "\n<!DOCTYPE html>\n<html><head><title>Storm hits coast</title></head><body><p>A storm hit.</p></body></html>\n",
    )]);
    assert!(
        stderr.contains("2025-01-01-saved.txt: a web page (HTML), not text: save the article as text"),
        "{stderr}"
    );
}

/// Clipped text may open with a rule above and below its headline: in a `.txt`, `---` lines that
/// fence no front-matter key are the text's, so the headline is kept. In Markdown they are front
/// matter, and prose there is named as what it is, not as a type error.
#[test]
fn rules_around_a_plain_text_headline_are_text_and_prose_front_matter_is_named() {
    let site = SiteTest::with_files(&[(
        "content/2025-01-01-storm.txt",
        "---\nBREAKING: Storm hits coast\n---\n\nA storm hit the coast of Portvale on Monday, flooding streets.\n",
    )]);
    let run = site.build_ok();
    assert!(
        run.stderr.contains("2025-01-01-storm.txt:1: the `---` lines at the top fence no front-matter key"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("unknown front-matter key"), "{}", run.stderr);
    let page = site.output("2025/01/01/storm/index.html");
    // `BREAKING:` is the wire's mark for editors, not the headline's.
    assert!(page.contains("<h1>Storm hits coast</h1>"), "{page}");
    assert!(page.contains("flooding streets.</p>"), "{page}");
    // One rule above the headline, none below; an empty block; a key written in capitals.
    site.write(
        "content/2025-01-02-rule.txt",
        "---\nFerry service resumes\n\nThe ferry to Portvale sailed again on Sunday after a week of storms.\n",
    );
    site.write(
        "content/2025-01-03-empty.txt",
        "---\n---\nMarket reopens today\n\nThe fish market reopened on Monday.\n",
    );
    site.write(
        "content/2025-01-04-caps.txt",
        "---\nTitle: Pier repairs begin\n---\n\nWork on the pier began on Tuesday.\n",
    );
    let run = site.build_ok();
    assert!(
        run.stderr.contains("2025-01-02-rule.txt:1: a `---` line opens the file and none closes it"),
        "{}",
        run.stderr
    );
    assert!(site.output("2025/01/02/rule/index.html").contains("<h1>Ferry service resumes</h1>"));
    assert!(!run.stderr.contains("2025-01-03-empty.txt"), "an empty block is no text: {}", run.stderr);
    // `Title:` is Gazette's key in Hugo's capitals, read as Hugo reads it.
    assert!(!run.stderr.contains("2025-01-04-caps.txt"), "{}", run.stderr);
    assert!(site.output("2025/01/04/caps/index.html").contains("<h1>Pier repairs begin</h1>"));

    let stderr =
        failing_build_of(&[("content/2025-01-01-prose.md", "---\nStorm hits coast\n---\n\nA storm hit.\n")]);
    assert!(
        stderr.contains("2025-01-01-prose.md:2: the lines between the `---` lines must be front matter"),
        "{stderr}"
    );
    assert!(!stderr.contains("FrontMatter"), "no type names: {stderr}");
}

/// An archive of undated clippings: the shared warning is printed for a few files and counted
/// for the rest, so the site's own warnings are not buried; `--verbose` prints each.
#[test]
fn a_warning_many_files_share_is_counted_after_the_first_few() {
    let files: Vec<(String, String)> = (1..=6)
        .map(|n| {
            (format!("content/story-{n}.txt"), format!("Story {n}\n\nThe council met for the {n}th time.\n"))
        })
        .collect();
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let site = SiteTest::with_files(&files);
    let run = site.build_ok();
    let undated = |stderr: &str| {
        stderr.lines().filter(|l| l.starts_with("warning: content/") && l.contains("no date found")).count()
    };
    assert_eq!(undated(&run.stderr), 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: the same for 3 more files (`--verbose` lists them): no date found"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("site.yaml: base_url is `/`"), "{}", run.stderr);
    let run = site.run(&["build", "--verbose"]);
    assert_eq!(undated(&run.stderr), 6, "{}", run.stderr);
}

/// An error many files share in the same words (as a full disk gives every file written after
/// it) is printed for a few and counted for the rest; each file's own errors stay whole.
#[test]
fn an_error_many_files_share_is_counted_after_the_first_few() {
    let mut files: Vec<(String, String)> = (1..=6)
        .map(|n| {
            (format!("content/story-{n}.md"), format!("---\ntitle: Story {n}\ndate: soon\n---\nText {n}.\n"))
        })
        .collect();
    files.push(("content/other.md".into(), "---\ntitle: Other\ndate: later\n---\nText.\n".into()));
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let site = SiteTest::with_files(&files);
    let run = site.run(&["build"]);
    assert!(!run.success);
    let soon = |stderr: &str| stderr.lines().filter(|l| l.starts_with("error: content/story-")).count();
    assert_eq!(soon(&run.stderr), 3, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: the same for 3 more files (`--verbose` lists them): `date: soon` is not a date"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("error: content/other.md:3: `date: later` is not a date"), "{}", run.stderr);
    let run = site.run(&["build", "--verbose"]);
    assert_eq!(soon(&run.stderr), 6, "{}", run.stderr);
}

#[test]
fn bad_toml_front_matter_names_its_line_and_an_unclosed_block_its_fence() {
    let stderr = failing_build_of(&[(
        "content/2025-01-01-zola-post.md",
        "+++\ntitle = \"A Zola post\"\ndate = \n+++\n\nHello.\n",
    )]);
    assert!(stderr.contains("2025-01-01-zola-post.md:3"), "{stderr}");
    assert!(stderr.contains("front matter is not valid TOML"), "{stderr}");
    let stderr = failing_build_of(&[("content/zola.md", "+++\ntitle = \"A Zola post\"\n\nHello.\n")]);
    assert!(stderr.contains("zola.md:1") && stderr.contains("opened with `+++` is never closed"), "{stderr}");
}

/// A clipping saved twice is published twice: both files stay, and the copy is warned about,
/// naming the other.
#[test]
fn an_article_saved_twice_is_warned_about() {
    let story = "Oil prices rose on Monday\n\nOil prices rose more than 2% on Monday after producers said they would extend output cuts into next year, traders said. Brent crude futures rose to $84.20 a barrel by midday in London, while U.S. crude rose to $80.10.\n";
    let site = SiteTest::with_files(&[
        ("content/2025/03/reuters_oil.txt", story),
        ("content/2025/03/article(1).txt", story),
        ("content/2025/03/another.txt", &story.replace("2%", "3%")),
    ]);
    let run = site.build_ok();
    let warnings: Vec<&str> = run.stderr.lines().filter(|line| line.contains("the same text as")).collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    assert!(
        warnings[0].contains(
            "content/2025/03/article(1).txt: the same text as 2025/03/reuters_oil.txt: it is published twice"
        ),
        "{}",
        run.stderr
    );
    assert!(!warnings[0].contains("another.txt"), "one figure apart is no copy: {}", run.stderr);
}

#[test]
fn empty_articles_are_warned_about_and_future_dates_held_back_or_warned_about() {
    let site = SiteTest::with_files(&[
        ("content/2025-01-01-empty.txt", ""),
        ("content/undated-empty.txt", "\n"),
        ("content/2025-01-03-headline-only.txt", "Council approves new tram line for Portvale\n"),
        ("content/only-front-matter.md", "---\ntitle: Soon\ndate: 2025-01-02\n---\n\n"),
        ("content/2030-01-01-typo.txt", "A story from 2025\n\nThe year in its file name is wrong.\n"),
        (
            "content/late-tonight.md",
            "---\ntitle: Late tonight\ndate: 2026-01-01T18:00:00Z\n---\nDated hours ahead of the build.\n",
        ),
        (
            "content/scheduled.md",
            "---\ntitle: Scheduled\ndate: 2026-03-01\npublish_date: 2026-03-01\n---\nDue in March.\n",
        ),
        ("content/far.md", "---\ntitle: Far\ndate: 2205-01-01\n---\nA mistyped year.\n"),
        // A date Gazette worked out (as `gazette import` records it), hours ahead: another time
        // zone's, so shown, and not warned about.
        (
            "content/imported.md",
            "---\ntitle: Imported\ndate: 2026-01-01T18:00:00Z\ndate_source: dateline\n---\nFrom a dateline.\n",
        ),
    ]);
    let run = site.build_ok();
    let warned = |file: &str, what: &str| run.stderr.lines().any(|l| l.contains(file) && l.contains(what));
    assert!(warned("content/2025-01-01-empty.txt", "no article text"), "{}", run.stderr);
    assert!(warned("content/only-front-matter.md", "no article text"), "{}", run.stderr);
    assert!(warned("content/undated-empty.txt", "no article text"), "{}", run.stderr);
    assert!(warned("content/2025-01-03-headline-only.txt", "no article text"), "{}", run.stderr);
    assert!(
        !warned("content/undated-empty.txt", "no date found"),
        "one warning for an empty file: {}",
        run.stderr
    );
    assert!(warned("content/2030-01-01-typo.txt", "dated 2030-01-01, in the future"), "{}", run.stderr);
    // A `date:` written ahead schedules the story, as in Hugo: an embargo is not broken.
    assert!(!run.stderr.contains("late-tonight"), "scheduled, so not warned about: {}", run.stderr);
    assert!(!site.has_output("2026/01/01/late-tonight/index.html"), "held back until its date");
    assert!(!site.output("feed.json").contains("Late tonight"));
    assert!(warned("content/far.md", "`date: 2205-01-01` is more than a year ahead"), "{}", run.stderr);
    assert!(!run.stderr.contains("late-tonight"), "a day ahead is a schedule, not a typo");
    assert!(site.has_output("2026/01/01/imported/index.html"), "{}", run.stderr);
    assert!(!run.stderr.contains("imported.md"), "within a day: {}", run.stderr);
    let run = site.run(&["build", "--now", "2026-01-01T00:00:00Z", "--future"]);
    assert!(site.has_output("2026/03/01/scheduled/index.html"), "{}", run.stderr);
    assert!(site.has_output("2026/01/01/late-tonight/index.html"), "{}", run.stderr);
    assert!(!run.stderr.contains("scheduled.md"), "scheduled, so dated ahead on purpose: {}", run.stderr);
    assert!(!run.stderr.contains("late-tonight"), "{}", run.stderr);
    let run = site.run(&["build", "--now", "2026-01-01T18:00:00Z"]);
    assert!(site.has_output("2026/01/01/late-tonight/index.html"), "due, so shown: {}", run.stderr);
    assert!(site.has_output("2030/01/01/typo/index.html"), "still published, as it is shown");
    assert!(!site.has_output("2025/01/01/empty/index.html"), "an empty article waits as a draft");
    assert!(!site.output("index.html").contains("2025/01/01/empty/"), "and is not on the front page");
    site.run(&["build", "--now", "2026-01-01T00:00:00Z", "--drafts"]);
    assert!(site.has_output("2025/01/01/empty/index.html"), "shown with the drafts, so never lost");
    // Photos with no words are a page.
    site.write("content/gallery.md", "---\ntitle: Gallery\ndate: 2025-01-03\nimages: [a.jpg]\n---\n");
    let run = site.build_ok();
    assert!(site.has_output("2025/01/03/gallery/index.html"), "{}", run.stderr);
    assert!(
        !run.stderr.lines().any(|l| l.contains("gallery.md") && l.contains("no article text")),
        "{}",
        run.stderr
    );
}

#[test]
fn raw_html_left_out_of_a_page_is_named_at_its_line() {
    let article = "---\ntitle: Strike\n---\nThe strike began.\n\n<!--more-->\n\n<iframe src=\"https://example.org/map\"></iframe>\n\nIt ended.\n";
    let site = SiteTest::with_files(&[("content/2025-03-01-strike.md", article)]);
    let run = site.build_ok();
    assert!(
        run.stderr.contains(
            "2025-03-01-strike.md:8: raw HTML (`<iframe src=\"https://example.org/map\">`) is left out"
        ),
        "{}",
        run.stderr
    );
    assert!(!site.output("2025/03/01/strike/index.html").contains("<iframe"));
    // Each piece is named, not only the first.
    site.write(
        "content/2025-03-01-strike.md",
        "---\ntitle: Strike\n---\nThe strike began.\n\n<div class=\"box\">\nPickets at the gate.\n</div>\n\nIt <b>ended</b>.\n",
    );
    let run = site.build_ok();
    for (line, tag) in [(6, "<div class=\"box\">"), (8, "</div>")] {
        assert!(
            run.stderr.contains(&format!("2025-03-01-strike.md:{line}: raw HTML (`{tag}`) is left out of the page, with the text inside it")),
            "{tag}: {}",
            run.stderr
        );
    }
    // A tag inside a paragraph goes, the words it wrapped stay: the warning says which.
    assert!(
        run.stderr.contains("2025-03-01-strike.md:10: raw HTML (`<b>`) is left out of the page, but text between it and its closing tag stays in the paragraph"),
        "{}",
        run.stderr
    );
    let page = site.output("2025/03/01/strike/index.html");
    assert!(page.contains("<p>It ended.</p>") && !page.contains("Pickets"), "{page}");
    assert!(run.stderr.contains("and 1 more piece of raw HTML (`</b>`...) is left out"), "{}", run.stderr);
    site.write("content/2025-03-01-strike.md", article);
    site.write("site.yaml", "title: Test\nmarkdown:\n  unsafe_html: true\n");
    let run = site.build_ok();
    assert!(!run.stderr.contains("raw HTML"), "kept, so nothing to say: {}", run.stderr);
    assert!(site.output("2025/03/01/strike/index.html").contains("<iframe"));
    site.write(
        "content/2025-03-01-strike.md",
        "---\ntitle: Strike\n---\nThe strike began.\n\n<!--more-->\n\nIt ended.\n",
    );
    site.write("site.yaml", "title: Test\n");
    assert!(!site.build_ok().stderr.contains("raw HTML"), "a comment is no content");
}

#[test]
fn a_word_count_the_text_has_outgrown_is_warned_about() {
    let words = "The council met again and argued about the budget for the harbour. ".repeat(40);
    let site = SiteTest::with_files(&[(
        "content/2025-03-01-budget.md",
        &format!("---\ntitle: Budget\nword_count: 63\nreading_time: 1\n---\n{words}\n"),
    )]);
    let run = site.build_ok();
    assert!(
        run.stderr.contains("2025-03-01-budget.md:3: `word_count: 63`, but the text has 480 words"),
        "{}",
        run.stderr
    );
    site.write(
        "content/2025-03-01-budget.md",
        &format!("---\ntitle: Budget\nword_count: 470\n---\n{words}\n"),
    );
    let run = site.build_ok();
    assert!(!run.stderr.contains("word_count"), "a close count is the writer's to keep: {}", run.stderr);
}

#[test]
fn a_bad_date_names_its_line() {
    let stderr = failing_build_of(&[(
        "content/harbour.md",
        "---\ntitle: Harbour\nlastmod: 2025-01-02\ndate: not-a-date\npublishDate: soon\n---\nBody.\n",
    )]);
    assert!(stderr.contains("harbour.md:4: `date: not-a-date` is not a date"), "{stderr}");
    assert!(stderr.contains("harbour.md:5: `publishDate: soon` is not a date"), "{stderr}");
}

#[test]
fn template_error_names_template_and_line() {
    let (_, stderr) = failing_build("template_error");
    assert!(stderr.contains("templates/article.html:3"), "{stderr}");
}

#[test]
fn slug_collision_gets_a_suffix() {
    let site = SiteTest::fixture("invalid/slug_collision");
    let run = site.build_ok();
    assert!(site.has_output("2025/01/01/same/index.html"));
    assert!(site.has_output("2025/01/01/same-2/index.html"));
    assert!(run.stderr.contains("same URL as"), "{}", run.stderr);
    assert!(run.stderr.contains("content/2025/01/01/same.txt"), "named from the site root: {}", run.stderr);
}

#[test]
fn slug_cannot_escape_the_output_folder() {
    let site = SiteTest::fixture("invalid/escape_slug");
    site.build_ok();
    assert!(site.has_output("2025/01/01/x/index.html"));
    let outside: Vec<_> =
        std::fs::read_dir(site.root.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(outside.len(), 1, "nothing written beside the site: {outside:?}");
}

#[test]
fn unclosed_front_matter_says_what_to_do() {
    let (_, stderr) = failing_build("unclosed_front_matter");
    assert!(stderr.contains("2025-01-01-open.md:1"), "{stderr}");
    assert!(stderr.contains("never closed"), "{stderr}");
}

#[test]
fn missing_content_folder_is_an_error() {
    let site = SiteTest::with_files(&[]);
    std::fs::remove_dir(site.root.join("content")).unwrap();
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(run.stderr.contains("no content folder"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was written to"), "no public/ to leave as it was: {}", run.stderr);
    assert!(!site.root.join(".gazette-cache").exists(), "no cache made where no site is");
    // Run from inside the content folder, the site's folder is named.
    site.write("site.yaml", "title: Harbour\n");
    site.write("content/2025-01-02-vote.txt", "The council voted on Monday.\n");
    let run = site.run_in("content", &["build"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains(&format!(
            "is a folder of the site at {} (its site.yaml is there)",
            site.root.display()
        )),
        "{}",
        run.stderr
    );
    assert!(!site.root.join("content/.gazette-cache").exists());
    // A site without a site.yaml is found by its content folder.
    std::fs::remove_file(site.root.join("site.yaml")).unwrap();
    let run = site.run_in("content", &["build"]);
    assert!(
        run.stderr.contains(&format!("the site is in {}: run gazette in that folder", site.root.display())),
        "{}",
        run.stderr
    );
    site.write("site.yaml", "title: Harbour\n");
    // `gazette init mynews` without `cd mynews`: the folder above the site.
    let above = site.root.parent().unwrap();
    let run = site.run_in("..", &["build"]);
    assert!(!run.success);
    assert!(!run.stderr.contains("base_url"), "no settings where no site is: {}", run.stderr);
    assert!(run.stderr.contains(&format!("the site is in {}", site.root.display())), "{}", run.stderr);
    assert!(!above.join(".gazette-cache").exists());
    // Another folder of the site (templates/): where the site is, as from inside the content.
    site.write("templates/.keep", "");
    let run = site.run_in("templates", &["build"]);
    assert!(
        run.stderr.contains("is a folder of the site at") && run.stderr.contains("--root .."),
        "{}",
        run.stderr
    );
    // Far from any site: the plain advice.
    let alone = SiteTest::with_files(&[("notes/.keep", "")]);
    std::fs::remove_dir_all(alone.root.join("content")).ok();
    let run = alone.run_in("notes", &["build"]);
    assert!(run.stderr.contains("create it and put article .txt or .md files in it"), "{}", run.stderr);
}

#[test]
fn an_empty_content_folder_and_a_saved_web_page_are_told_apart() {
    let site = SiteTest::with_files(&[]);
    let run = site.build_ok();
    assert!(run.stderr.contains("no articles here, so the site has no stories"), "{}", run.stderr);
    site.write("content/sky.html", "<html><body><h1>Ferry strike</h1></body></html>\n");
    let run = site.build_ok();
    assert!(
        run.stderr.contains("sky.html: a saved web page, which is not read")
            && run.stderr.contains("copy the article's text from the page into a .txt file"),
        "{}",
        run.stderr
    );
    site.write("content/hugo.html", "---\ntitle: Ferry strike\n---\n<p>The ferry stopped.</p>\n");
    let run = site.build_ok();
    assert!(
        run.stderr.contains("hugo.html: an HTML article with front matter (Hugo's content format)"),
        "{}",
        run.stderr
    );
    site.write("content/2025-01-02-vote.txt", "The council voted on Monday.\n");
    let run = site.build_ok();
    assert!(!run.stderr.contains("no articles here"), "{}", run.stderr);
}

/// A tag of symbols only makes no page: it is left out with a warning naming the file, never
/// silently.
#[test]
fn a_tag_of_symbols_only_is_reported() {
    let site = SiteTest::with_files(&[(
        "content/2025-01-02-vote.md",
        "---\ntitle: Council vote\ntags: [\"???\", Harbour]\nauthors: [\"!!!\"]\n---\nThe council voted.\n",
    )]);
    let run = site.build_ok();
    assert!(site.has_output("tags/harbour/index.html"));
    for (key, name) in [("tags", "???"), ("authors", "!!!")] {
        let said = format!("2025-01-02-vote.md: `{key}:` lists `{name}`, which has no letter or digit");
        assert!(run.stderr.contains(&said), "{}", run.stderr);
    }
}
