//! `gazette import`: text articles to Markdown with front matter, idempotent, and a site built from
//! the imported files byte-identical to one built from the text.

use crate::harness::SiteTest;

const NOW: &str = "2026-01-01T00:00:00Z";

/// Builds the site, imports its content folder into Markdown, builds that, and compares the two
/// sites byte for byte; returns what `import` said.
pub(crate) fn assert_imported_site_is_identical(site: &SiteTest) -> String {
    let run = site.run(&["build", "--now", NOW, "--output", "from-text"]);
    assert!(run.success, "{}", run.stderr);
    let run = site.run(&["import", "--out", "imported"]);
    assert!(run.success, "{}", run.stderr);
    let imported = run.stderr;
    // The imported folder is a whole content folder: the .txt articles imported, the .md ones
    // the site already had copied.
    std::fs::remove_dir_all(site.root.join("content")).unwrap();
    std::fs::rename(site.root.join("imported"), site.root.join("content")).unwrap();
    let run = site.run(&["build", "--now", NOW, "--output", "from-markdown"]);
    assert!(run.success, "{}", run.stderr);
    let text = tree(&site.root.join("from-text"));
    let markdown = tree(&site.root.join("from-markdown"));
    let text_paths: Vec<&String> = text.iter().map(|(p, _)| p).collect();
    let markdown_paths: Vec<&String> = markdown.iter().map(|(p, _)| p).collect();
    assert_eq!(text_paths, markdown_paths);
    for ((path, a), (_, b)) in text.iter().zip(&markdown) {
        assert!(a == b, "{path} differs between the text build and the imported build");
    }
    imported
}

fn tree(base: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(base)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(base).unwrap().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn imported_markdown_builds_the_same_site_as_the_text() {
    assert_imported_site_is_identical(&SiteTest::fixture("basic"));
}

#[test]
fn the_example_site_imports_to_an_identical_site() {
    let site = SiteTest::with_files(&[]);
    crate::harness::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &site.root.join("content"),
    );
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("site.yaml"),
        site.root.join("site.yaml"),
    )
    .unwrap();
    assert_imported_site_is_identical(&site);
}

/// Undated articles are dated by their files' times, which the file system keeps to the
/// nanosecond and front matter to the second: two stories saved within one second must keep
/// their order (newer/older links, feeds, search ids) once imported.
#[test]
fn undated_articles_saved_within_a_second_import_to_the_same_site() {
    let site = SiteTest::with_files(&[
        ("content/alpha.txt", "Council backs the harbour plan\n\nThe council backed the plan on a vote.\n"),
        ("content/bravo.txt", "Ferry fares rise in spring\n\nFares rise by a tenth from April.\n"),
        ("content/charlie.txt", "Library opens on Sundays\n\nThe library opens on Sundays from May.\n"),
        ("content/delta.txt", "Tram works close the bridge\n\nThe bridge closes for a week of works.\n"),
    ]);
    let second = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_750_000_000);
    // In one second the first-named file is older, in the other newer: whichever way a tie is
    // broken, one pair contradicts the nanoseconds.
    for (name, offset_ms) in [("alpha", 100), ("bravo", 900), ("charlie", 60_900), ("delta", 60_100)] {
        let file =
            std::fs::File::options().write(true).open(site.root.join(format!("content/{name}.txt"))).unwrap();
        file.set_modified(second + std::time::Duration::from_millis(offset_ms)).unwrap();
    }
    assert_imported_site_is_identical(&site);
}

/// A headline read from plain text is typeset as its body is, and import writes it so, so the
/// site built from the Markdown is the same; a title the user wrote stays as written.
#[test]
fn a_headline_read_from_the_text_is_typeset_as_the_body_is() {
    let site = SiteTest::with_files(&[
        (
            "content/2025-02-26-dress.txt",
            "Lupita's $150K Pearl Dress -- STOLEN\n\nThe dress, worth \"$150,000,\" was taken from a hotel room on Tuesday -- police said.\n",
        ),
        (
            "content/2025-02-27-written.txt",
            "---\ntitle: \"Dress -- found\"\n---\nThe dress was found on Wednesday, police said.\n",
        ),
    ]);
    site.build_ok();
    let page = site.output("2025/02/26/dress/index.html");
    assert!(page.contains("<h1>Lupita’s $150K Pearl Dress – STOLEN</h1>"), "{page}");
    assert!(site.output("2025/02/27/written/index.html").contains("<h1>Dress -- found</h1>"), "as written");
    let run = site.run(&["import", "content/2025-02-26-dress.txt"]);
    assert!(run.stdout.contains("title: Lupita’s $150K Pearl Dress – STOLEN\n"), "{}", run.stdout);
    assert_imported_site_is_identical(&site);
}

#[test]
fn import_is_idempotent_and_dry_run_writes_nothing() {
    let site = SiteTest::fixture("basic");
    let run = site.run(&["import", "--out", "md", "--dry-run"]);
    assert!(run.success, "{}", run.stderr);
    assert!(run.stderr.contains("would write"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "Would import 2 articles and copy 2 articles already in Markdown, 0 errors; nothing was written"
        ),
        "{}",
        run.stderr
    );
    assert!(!site.root.join("md").exists());
    assert!(site.run(&["import", "--out", "md"]).success);
    let first = tree(&site.root.join("md"));
    assert_eq!(first.len(), 4, "the two .txt articles imported, the two .md ones copied");
    let ferry =
        String::from_utf8(first.iter().find(|(p, _)| p.contains("ferry")).unwrap().1.clone()).unwrap();
    assert!(ferry.starts_with("---\ntitle: Ferry timetable changes for the spring season\n"), "{ferry}");
    assert!(ferry.contains("authors:\n- Marta Quill\n"), "{ferry}");
    assert!(ferry.contains("date: 2025-03-14\ndate_source: folders\n"), "{ferry}");
    // Dated back a day, so a rewrite shows whatever the file system's clock resolution.
    let md = site.root.join("md");
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    for (path, _) in &first {
        std::fs::File::options().write(true).open(md.join(path)).unwrap().set_modified(day_ago).unwrap();
    }
    let modified = |tree: &[(String, Vec<u8>)]| -> Vec<std::time::SystemTime> {
        tree.iter().map(|(path, _)| std::fs::metadata(md.join(path)).unwrap().modified().unwrap()).collect()
    };
    let first_times = modified(&first);
    let run = site.run(&["import", "--out", "md"]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stderr.contains("Imported 0 articles, 4 already imported and unchanged, 0 errors"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&site.root.join("md")), first, "importing again changes nothing");
    assert_eq!(modified(&first), first_times, "nor touches a file, for rsync's and make's sake");
    let run = site.run(&["import", "--out", "md", "--dry-run"]);
    assert!(!run.stderr.contains("would write"), "nothing to write: {}", run.stderr);
    // A hand-edited .md is never overwritten without --force.
    let ferry_md = first.iter().find(|(p, _)| p.contains("ferry")).unwrap().0.clone();
    std::fs::write(site.root.join("md").join(&ferry_md), "---\ntitle: Edited by hand\n---\nMine.\n").unwrap();
    let run = site.run(&["import", "--out", "md"]);
    assert!(!run.success, "a differing .md is reported");
    assert!(run.stderr.contains("already exists and differs"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(site.root.join("md").join(&ferry_md)).unwrap(),
        "---\ntitle: Edited by hand\n---\nMine.\n"
    );
    assert!(site.run(&["import", "--out", "md", "--force"]).success);
    assert_eq!(tree(&site.root.join("md")), first, "--force replaces it");
}

#[test]
fn import_prints_markdown_or_replaces_in_place() {
    let site = SiteTest::with_files(&[(
        "content/2025-01-02-note.txt",
        "Council votes on the pier\n\nThe council voted to *rebuild* the pier; the vote was 7 to 2.\n",
    )]);
    let run = site.run(&["import", "content/2025-01-02-note.txt"]);
    assert!(run.success, "{}", run.stderr);
    assert!(run.stdout.starts_with("---\n"), "{}", run.stdout);
    assert!(run.stdout.contains("\\*rebuild\\*"), "text stays literal in Markdown: {}", run.stdout);
    site.write(
        "content/2025-01-03-ferry.txt",
        "Ferry cuts confirmed\n\nAdvertisement\n\nThe ferry timetable was cut for winter on Monday.\n\nSHARE THIS ARTICLE\n",
    );
    let run = site.run(&["import", "--verbose", "content/2025-01-03-ferry.txt"]);
    assert!(
        run.stderr.contains("dropped 2 page leftovers: Advertisement | SHARE THIS ARTICLE"),
        "what was dropped is listed with the Markdown on stdout too: {}",
        run.stderr
    );
    // Two articles' Markdown printed one after the other would be no article.
    let run = site.run(&["import"]);
    assert!(!run.success && run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("2 articles to convert, and printing shows one"), "{}", run.stderr);
    std::fs::remove_file(site.root.join("content/2025-01-03-ferry.txt")).unwrap();
    let run = site.run(&["import", "--in-place", "--dry-run"]);
    assert!(run.stderr.contains("Would import 1 article, 0 errors; nothing was written"), "{}", run.stderr);
    assert!(site.root.join("content/2025-01-02-note.txt").exists(), "a dry run removes nothing");
    assert!(site.run(&["import", "--in-place"]).success);
    assert!(!site.root.join("content/2025-01-02-note.txt").exists());
    // A .txt whose import would be an existing .md's copy is refused, --force or not.
    site.write("content/2025-01-02-note.txt", "Council votes again\n\nThe council voted again on Tuesday.\n");
    let run = site.run(&["import", "--out", "both", "--force"]);
    assert!(!run.success && run.stderr.contains("rename one of them"), "{}", run.stderr);
    let kept = std::fs::read_to_string(site.root.join("both/2025-01-02-note.md")).unwrap();
    assert!(kept.contains("rebuild"), "the first one written stays: {kept}");
    std::fs::remove_file(site.root.join("content/2025-01-02-note.txt")).unwrap();
    let run = site.run(&["import", "content/2025-01-02-note.md"]);
    assert!(run.success && run.stderr.contains("already Markdown: nothing to import"), "{}", run.stderr);
    assert!(site.root.join("content/2025-01-02-note.md").exists());
}

/// A Markdown article a build would refuse is copied as it is (the copy is where to fix it),
/// and import says so now, naming the file and line, and fails.
#[test]
fn broken_markdown_is_copied_and_named_as_broken() {
    let site = SiteTest::with_files(&[
        (
            "content/2025-01-02-note.txt",
            "Council votes on the pier\n\nThe council voted to rebuild the pier on Monday.\n",
        ),
        ("content/2025-01-03-bad.md", "---\ntitle: Ferry\ndate: 2025-13-45\n---\nThe ferry sailed.\n"),
    ]);
    let run = site.run(&["import", "--out", "content-md"]);
    assert!(!run.success, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/2025-01-03-bad.md:3: `date: 2025-13-45` is not a date"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Imported 1 article and copied 1 article already in Markdown (1 with the errors above, to fix before they build), 1 error"),
        "{}",
        run.stderr
    );
    let copied = std::fs::read_to_string(site.root.join("content-md/2025-01-03-bad.md")).unwrap();
    assert!(copied.contains("date: 2025-13-45"), "copied as it was: {copied}");
}

#[test]
fn import_refuses_to_write_into_the_content_folder() {
    let site = SiteTest::with_files(&[(
        "content/2025-01-02-note.txt",
        "Council votes on the pier\n\nThe council voted to rebuild the pier on Monday.\n",
    )]);
    // Beside its .txt file, each article would be built twice.
    for out in ["content", "./content/", "content/md", "content/../content"] {
        let run = site.run(&["import", "--out", out]);
        assert!(!run.success, "--out {out}: {}", run.stderr);
        assert!(
            run.stderr.contains("inside the content folder") && run.stderr.contains("--in-place"),
            "{}",
            run.stderr
        );
    }
    let written: Vec<_> = walkdir::WalkDir::new(site.root.join("content"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .collect();
    assert_eq!(written.len(), 1, "nothing was written: {written:?}");
    assert!(site.run(&["import", "--out", "content-md"]).success);
    assert!(site.root.join("content-md/2025-01-02-note.md").exists());
    // A clipping from elsewhere may be imported into it: nothing is doubled.
    site.write(
        "clips/2025-01-03-ferry.txt",
        "Ferry cuts confirmed\n\nThe ferry timetable was cut on Monday.\n",
    );
    let run = site.run(&["import", "clips/2025-01-03-ferry.txt", "--out", "content"]);
    assert!(run.success, "{}", run.stderr);
    assert!(site.root.join("content/2025-01-03-ferry.md").exists());
}

#[test]
fn every_word_of_the_seed_article_is_on_its_page() {
    let seed_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seed_dir) else {
        eprintln!("skipped: no seed folder at {}", seed_dir.display());
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let site = SiteTest::with_files(&[("content/2025-09-12-seed.txt", &text)]);
        site.build_ok();
        let page = crate::harness::visible_text(&site.output("2025/09/12/seed/index.html"));
        // Words as runs of letters and digits: markup may add links or spaces around punctuation.
        let words = |s: &str| -> std::collections::HashSet<String> {
            s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
        };
        let on_page = words(&page);
        for word in words(&text) {
            assert!(on_page.contains(&word), "{}: `{word}` is not on the page", path.display());
        }
    }
}

#[test]
fn page_bundles_import_with_their_files() {
    let site = crate::build::bundle_site();
    std::fs::remove_file(site.root.join("content/stray.pdf")).unwrap();
    assert_imported_site_is_identical(&site);
    assert!(site.root.join("content/posts/2025-03-05-harbour-reopens/index.md").is_file());
    assert!(site.root.join("content/posts/2025-03-05-harbour-reopens/quay.jpg").is_file());
    // One bundle folder given on its own brings its photo too.
    let run = site.run(&["import", "content/2025/03/04/flood-defences", "--out", "one"]);
    assert!(run.success, "{}", run.stderr);
    assert!(site.root.join("one/2025/03/04/flood-defences/sandbags.jpg").is_file(), "{}", run.stderr);
    assert!(site.root.join("one/2025/03/04/flood-defences/maps/river.png").is_file());
    assert!(!run.stderr.contains("not an article"), "{}", run.stderr);
}

/// Another site's content folder, named from outside it, keeps its folders under `--out`: it was
/// flattened, so two bundles' `index.md` were one file (an error) and a photo was left behind.
#[test]
fn a_folder_outside_the_content_folder_keeps_its_layout() {
    let site = SiteTest::with_files(&[
        ("old/content/posts/2025/03/04/a.md", "---\ntitle: A\n---\nText.\n"),
        ("old/content/posts/bundle/index.md", "---\ntitle: B\ndate: 2025-01-02\n---\nText.\n"),
        ("old/content/posts/bundle/photo.jpg", "jpeg"),
        ("old/content/world/index.md", "---\ntitle: C\ndate: 2025-01-03\n---\nText.\n"),
        ("old/content/clip.txt", "Harbour reopens\n\nThe harbour reopened on 4 March 2025.\n"),
    ]);
    let run = site.run(&["import", "old/content", "--out", "new"]);
    assert!(run.success, "{}", run.stderr);
    for file in [
        "posts/2025/03/04/a.md",
        "posts/bundle/index.md",
        "posts/bundle/photo.jpg",
        "world/index.md",
        "clip.md",
    ] {
        assert!(site.root.join("new").join(file).is_file(), "{file}: {}", run.stderr);
    }
}

/// A page's text or its file's name often names the outlet it came from: the article is listed
/// on that outlet's source page, whichever way it was named, and the curator's front matter wins.
#[test]
fn the_outlet_a_file_or_its_text_names_is_the_articles_source() {
    let site = SiteTest::with_files(&[
        (
            "content/2025-03-04-le monde - grève SNCF.txt",
            "Grève des contrôleurs à Lyon\n\nLes contrôleurs de la SNCF ont voté la grève lundi soir à Lyon.\n",
        ),
        (
            "content/2025-03-05-zambia-spill.txt",
            "Villagers sue over river spill\n\nMore than 170 farmers have filed a lawsuit over the spill.\n\nSource: Al Jazeera",
        ),
        (
            "content/2025-03-06-spiegel.txt",
            "Stadtwerke in der Krise\n\nDie Wärmewende sollte über die Netze der Stadtwerke laufen.\n\nFoto: Svenja Albrecht / DER SPIEGEL\n",
        ),
        (
            "content/2025-03-07-curated.md",
            "---\ntitle: Curated\nsource: Le Monde diplomatique\n---\n\nThe curator named the source.\n\nSource: Al Jazeera\n",
        ),
    ]);
    let run = site.run(&["build", "--now", NOW]);
    assert!(run.success, "{}", run.stderr);
    let page = |path: &str| std::fs::read_to_string(site.root.join("public").join(path)).unwrap();
    assert!(page("sources/le-monde/index.html").contains("Grève des contrôleurs à Lyon"));
    let al_jazeera = page("sources/al-jazeera/index.html");
    assert!(al_jazeera.contains("Villagers sue over river spill"), "{al_jazeera}");
    assert!(!al_jazeera.contains("Curated"), "front matter's source wins: {al_jazeera}");
    assert!(page("sources/der-spiegel/index.html").contains("Stadtwerke in der Krise"));
    assert!(page("sources/le-monde-diplomatique/index.html").contains("Curated"));
    let run = site.run(&["import", "content/2025-03-05-zambia-spill.txt"]);
    assert!(run.stdout.contains("\nsource: Al Jazeera\n"), "{}", run.stdout);
    assert!(!run.stdout.contains("credit:"), "the source line is no photo credit: {}", run.stdout);
}

/// A content folder that is not there is told as `build` tells it, and a path given that is not
/// there as missing, not as "not a .txt or .md article".
#[test]
fn import_of_a_missing_folder_says_it_is_missing() {
    let site = SiteTest::with_files(&[]);
    std::fs::remove_dir(site.root.join("content")).unwrap();
    let run = site.run(&["import"]);
    assert!(!run.success);
    assert!(run.stderr.contains("no content folder here"), "{}", run.stderr);
    assert!(!run.stderr.contains("not a .txt or .md article"), "{}", run.stderr);
    let run = site.run(&["import", "clippings/nosuchdir"]);
    assert!(!run.success);
    assert!(run.stderr.contains("clippings/nosuchdir: no such file or folder"), "{}", run.stderr);
    // A file that is there but no article is still told as one.
    site.write("notes.pdf", "%PDF");
    assert!(site.run(&["import", "notes.pdf"]).stderr.contains("notes.pdf: not a .txt or .md article"));
}
