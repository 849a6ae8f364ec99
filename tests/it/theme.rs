//! Themes: switching to another theme folder, a missing theme, and `gazette init`.

use crate::harness::SiteTest;

fn copy_repo_theme(site: &SiteTest, name: &str) {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes").join(name);
    crate::harness::copy_dir(&from, &site.root.join("themes").join(name));
}

#[test]
fn switching_to_the_broadsheet_theme_changes_the_site_and_passes_check() {
    let site = SiteTest::fixture("basic");
    site.build_ok();
    let default_css = site.output("style.css");
    copy_repo_theme(&site, "broadsheet");
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{config}theme: broadsheet\n"));
    site.build_ok();
    let broadsheet_css =
        std::fs::read_to_string(site.root.join("themes/broadsheet/static/style.css")).unwrap();
    assert_eq!(site.output("style.css"), broadsheet_css);
    assert_ne!(default_css, broadsheet_css);
    assert!(site.output("2025/03/14/ferry-timetable-changes/index.html").contains("Ferry timetable changes"));
    let run = site.run(&["check", "--now", "2026-01-01T00:00:00Z"]);
    assert!(run.success, "{}", run.stderr);
}

/// A French story on an English site: the page is French (its `<title>` and description are),
/// the site's own header, navigation and footer say they are English, and its card on an English
/// listing says it is French. A story in the site's language adds no `lang` anywhere.
#[test]
fn a_story_in_another_language_marks_its_page_and_its_card_in_either_theme() {
    let site = SiteTest::with_files(&[
        (
            "content/2025-05-04-surveillance.md",
            "---\ntitle: La loi sur le renseignement adoptée\ndate: 2025-05-04\nlang: fr\n---\nLes députés ont adopté la loi.\n",
        ),
        (
            "content/2025-05-03-ferry.md",
            "---\ntitle: Ferry fares rise\ndate: 2025-05-03\nlang: en\n---\nFares rise.\n",
        ),
    ]);
    for theme in ["default", "broadsheet"] {
        if theme == "broadsheet" {
            copy_repo_theme(&site, "broadsheet");
            site.write("site.yaml", "theme: broadsheet\n");
        }
        site.build_ok();
        let french = site.output("2025/05/04/surveillance/index.html");
        assert!(french.contains("<html lang=\"fr\" dir=\"ltr\">"), "{theme}: {french}");
        let chrome = if theme == "default" {
            "<header class=\"masthead\" lang=\"en\">"
        } else {
            "<header class=\"bar\" lang=\"en\">"
        };
        assert!(french.contains(chrome), "{theme}: {french}");
        let english = site.output("2025/05/03/ferry/index.html");
        assert!(english.contains("<html lang=\"en\" dir=\"ltr\">"), "{theme}");
        assert_eq!(english.matches("lang=").count(), 1, "{theme}: no lang but the page's: {english}");
        let home = site.output("index.html");
        assert_eq!(home.matches(" lang=\"fr\"").count(), 1, "{theme}: the French card: {home}");
    }
    // British English is English: its stories are not marked as in another language.
    site.write("site.yaml", "language: en-GB\n");
    site.build_ok();
    let english = site.output("2025/05/03/ferry/index.html");
    assert!(english.contains("<html lang=\"en-GB\" dir=\"ltr\">"), "{english}");
    assert_eq!(english.matches("lang=").count(), 1, "{english}");
    assert_eq!(site.output("index.html").matches("lang=").count(), 2, "the page's and the French card's");
}

#[test]
fn every_theme_has_a_theme_yaml() {
    for name in ["default", "broadsheet"] {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes").join(name).join("theme.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        for key in ["name:", "description:", "version:", "min_gazette_version:"] {
            assert!(text.contains(key), "{}: no {key}", path.display());
        }
    }
}

#[test]
fn a_missing_theme_is_an_error_naming_it() {
    let site =
        SiteTest::with_files(&[("site.yaml", "theme: nosuch\n"), ("content/2025-01-01-a.txt", "Story.\n")]);
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(run.stderr.contains("theme `nosuch` not found"), "{}", run.stderr);
}

#[test]
fn an_error_in_a_sites_card_template_names_that_file_not_the_themes_page() {
    // The site overrides meta.html, which the built-in card includes on every listing page: the
    // file to fix is the site's own, whatever built-in page calls it.
    let site = SiteTest::with_files(&[
        ("content/2025-01-01-ferry-strike.txt", "The ferry did not sail today.\n"),
        ("templates/meta.html", "<p>{{ item.no_such_field }}</p>\n"),
    ]);
    let run = site.run(&["build"]);
    assert!(!run.success);
    let errors: Vec<&str> = run.stderr.lines().filter(|line| line.starts_with("error:")).collect();
    assert!(!errors.is_empty(), "{}", run.stderr);
    for error in errors {
        assert!(
            error.starts_with("error: templates/meta.html:1: template error: Field `no_such_field`"),
            "{error}"
        );
        assert!(error.contains("calls it)") && !error.contains("themes/default"), "{error}");
    }
}

#[test]
fn init_creates_a_site_that_builds_at_once_and_refuses_to_overwrite() {
    let site = SiteTest::with_files(&[]);
    std::fs::remove_dir(site.root.join("content")).unwrap();
    let run = site.run(&["init", "news"]);
    assert!(run.success, "{}", run.stderr);
    let news = site.root.join("news");
    let config = std::fs::read_to_string(news.join("site.yaml")).unwrap();
    for key in ["base_url", "timezone", "digest:", "tags:", "feeds:", "publish:"] {
        assert!(config.contains(key), "site.yaml explains {key}");
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["build"])
        .current_dir(&news)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(news.join("public/index.html").exists());
    // The built site and the caches stay out of the site's repository.
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git").args(args).current_dir(&news).output().unwrap();
        assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    git(&["init", "--quiet"]);
    let untracked = git(&["status", "--porcelain", "--untracked-files=all"]);
    assert!(untracked.contains("site.yaml") && untracked.contains("welcome.txt"), "{untracked}");
    assert!(!untracked.contains("public/") && !untracked.contains(".gazette-cache"), "{untracked}");
    let again = site.run(&["init", "news"]);
    assert!(!again.success, "a non-empty folder is refused");
    assert!(again.stderr.contains("not empty"), "{}", again.stderr);
}

#[test]
fn a_theme_that_needs_a_newer_gazette_is_refused() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "theme: future\n"),
        ("content/2025-01-01-a.txt", "Story.\n"),
        ("themes/future/theme.yaml", "name: future\nmin_gazette_version: 99.0.0\n"),
    ]);
    copy_templates_from_default(&site, "future");
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(run.stderr.contains("needs Gazette 99.0.0 or newer"), "{}", run.stderr);
}

fn copy_templates_from_default(site: &SiteTest, name: &str) {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = site.root.join("themes").join(name).join("templates").join(entry.file_name());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(entry.path(), target).unwrap();
    }
}

/// A French site writes its dates in French (cards, digest titles, archives, breadcrumbs), and a
/// template can write a date its own way with the `date` filter, in the site's language or
/// another.
#[test]
fn a_sites_language_writes_its_dates_and_the_date_filter_follows_it() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "language: fr\ntitle: Le Bulletin\n"),
        (
            "content/2025-11-03-port.md",
            // 08:30 in the site's time zone (UTC when site.yaml names none).
            "---\ntitle: Le port rouvre\ndate: 2025-11-03T09:30:00+01:00\n---\nLe port a rouvert lundi.\n",
        ),
        (
            "templates/meta.html",
            "<p class=\"stamp\">{{ item.date | date(format=\"%A %-d %B %Y, %H:%M\") }} / {{ item.date | date(format=\"%B\", lang=\"de\") }} / {{ item.date | date }} / {{ item.date | date(format=\"%H:%M\", timezone=\"Asia/Tokyo\") }}</p>\n",
        ),
    ]);
    site.build_ok();
    let article = site.output("2025/11/03/port/index.html");
    assert!(article.contains(">3 novembre 2025</time>"), "{article}");
    assert!(article.contains(">Novembre</a>") && article.contains(">3 novembre</a>"), "breadcrumbs");
    let digest = crate::harness::visible_text(&site.output("2025/11/03/index.html"));
    assert!(digest.contains("Lundi 3 novembre 2025"), "{digest}");
    assert!(digest.contains("lundi 3 novembre 2025, 08:30 / November / 2025-11-03 / 17:30"), "{digest}");
    assert!(site.output("2025/11/index.html").contains("Novembre 2025"));
    assert!(site.output("2025/index.html").contains("Novembre 2025"));
    // A misspelled argument or an unknown zone is an error, not ignored.
    for (call, said) in [
        (
            "date(format=\"%H:%M\", tz=\"Asia/Tokyo\")",
            "`date` takes `format`, `lang`, `locale`, `timezone`, not `tz`",
        ),
        ("date(timezone=\"Mars/Olympus\")", "`date` knows no time zone `Mars/Olympus`"),
        ("shorten(length=10, bogus=1)", "`shorten` takes `length`, not `bogus`"),
    ] {
        site.write("templates/meta.html", &format!("<p>{{{{ item.date | {call} }}}}</p>\n"));
        let run = site.run(&["build"]);
        assert!(!run.success && run.stderr.contains(said), "{call}: {}", run.stderr);
    }
}

/// A French site's pages speak French around the stories, in either theme: navigation, bylines,
/// reading time, digest headlines, counts, the 404 and search pages, page descriptions and feeds.
#[test]
fn a_sites_language_writes_the_interface_words_in_either_theme() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "language: fr\ntitle: Le Bulletin\nbase_url: https://example.org/\n"),
        (
            "content/2025-11-03-port.md",
            "---\ntitle: Le port rouvre\ndate: 2025-11-03\nsource: Ouest-France\nauthors: [Anne Morel, Luc Henry]\ntags: [Port, Brest]\n---\nLe port a rouvert lundi après deux semaines de grève.\n",
        ),
        (
            "content/2025-11-03-pont.md",
            "---\ntitle: Le pont fermé\ndate: 2025-11-03\ntags: [Brest]\n---\nLe pont restera fermé jusqu'à vendredi.\n",
        ),
    ]);
    let run = site.build_ok();
    assert!(!run.stderr.contains("i18n"), "French is a built-in language: {}", run.stderr);
    let text = |path: &str| {
        crate::harness::visible_text(&site.output(path)).split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let article = text("2025/11/03/port/index.html");
    for words in [
        "Aller au contenu",
        "À la une",
        "Sujets",
        "Par Anne Morel et Luc Henry",
        "1 min de lecture",
        "Source : Ouest-France",
    ] {
        assert!(article.contains(words), "`{words}` in {article}");
    }
    assert!(!article.contains("min read") && !article.contains("Front page"), "{article}");
    // The digest's title heads its page with a capital and sits in a sentence without one.
    assert!(article.contains("Tous les articles : lundi 3 novembre 2025"), "{article}");
    assert!(text("2025/11/03/index.html").contains("Lundi 3 novembre 2025"));
    assert!(text("2025/11/03/index.html").contains("2 articles, dont 1 d’une source"));
    assert!(text("tags/index.html").contains("2 sujets dans Le Bulletin"));
    let term = site.output("tags/brest/index.html");
    assert!(term.contains("content=\"2 articles sur Brest dans Le Bulletin\""), "{term}");
    assert!(
        site.output("tags/brest/rss.xml")
            .contains("<description>Articles sur Brest dans Le Bulletin</description>")
    );
    assert!(site.output("404.html").contains("<h1>Page introuvable</h1>"));
    let search = site.output("search/index.html");
    assert!(
        search.contains(">Rechercher</h1>") && search.contains("data-other=\"{count} articles trouvés\"")
    );

    copy_repo_theme(&site, "broadsheet");
    site.write(
        "site.yaml",
        "language: fr\ntitle: Le Bulletin\nbase_url: https://example.org/\ntheme: broadsheet\n",
    );
    site.build_ok();
    let term = text("tags/brest/index.html");
    assert!(term.contains("Tous les sujets"), "{term}");
    let article = text("2025/11/03/port/index.html");
    assert!(article.contains("1 min") && article.contains("Par Anne Morel , Luc Henry"), "{article}");
    assert!(article.contains("Tous les articles : lundi 3 novembre 2025"), "{article}");
    assert!(!article.contains(" words"), "{article}");
}

/// A site changes one word in its own `i18n/`, keeping the theme's others; a language the theme
/// does not speak builds in English words and says how to translate them; a broken file stops the
/// build at its line.
#[test]
fn a_site_overrides_the_themes_words_and_is_told_what_is_not_translated() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "title: Harbour News\n"),
        ("content/2025-01-01-a.md", "---\ntitle: Ferry fares rise\ndate: 2025-01-01\n---\nFares rise.\n"),
        (
            "i18n/en.yaml",
            "front_page: Home\nmin_read:\n  one: \"{count}-minute read\"\n  other: \"{count}-minute read\"\n",
        ),
    ]);
    site.build_ok();
    let article = crate::harness::visible_text(&site.output("2025/01/01/a/index.html"));
    assert!(article.contains("Home") && !article.contains("Front page"), "{article}");
    assert!(
        article.contains("1-minute read") && article.contains("2 words"),
        "the theme's other words stay: {article}"
    );

    site.write("site.yaml", "title: Harbour News\nlanguage: ja\n");
    let run = site.build_ok();
    assert!(run.stderr.contains("i18n/ja.yaml: the site's language is `ja`"), "{}", run.stderr);
    assert!(crate::harness::visible_text(&site.output("2025/01/01/a/index.html")).contains("Home"));

    site.write("i18n/ja.yaml", "front_page: ホーム\nstories: [1, 2]\n");
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(run.stderr.contains("i18n/ja.yaml:2: `stories` is no text"), "{}", run.stderr);
    assert!(site.has_output("2025/01/01/a/index.html"), "a failed build leaves the last site as it was");
}

/// Mistakes in a site's words are warned at their line and lose nothing: a misspelled key, a
/// `{name}` nothing fills, Hugo's `{{ .Count }}`, a file named for no language, a README beside
/// the files; `init --language` gives a language the theme does not speak its words to translate.
#[test]
fn mistakes_in_a_sites_words_are_named_and_init_writes_words_to_translate() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "language: fr\n"),
        ("content/2025-01-01-a.md", "---\ntitle: Ferry\ndate: 2025-01-01\n---\nFares rise.\n"),
        (
            "i18n/fr.yaml",
            "front_page: Accueil\nfrontpage: Une\ngo_to_front_page: \"Retour à {sitename}\"\nwords:\n  one: \"{{ .Count }} mot\"\n  other: \"{count} mots\"\n",
        ),
        ("i18n/README.md", "Our words.\n"),
        ("i18n/french.yaml", "front_page: Une\n"),
    ]);
    let run = site.build_ok();
    let said = &run.stderr;
    assert!(said.contains("i18n/fr.yaml:2: `frontpage` is no word of the theme's, and no template asks for it (did you mean `front_page`?)"), "{said}");
    assert!(said.contains("i18n/fr.yaml:3: `go_to_front_page`: nothing fills `{sitename}`"), "{said}");
    assert!(said.contains("i18n/fr.yaml:4: `words`: write a number as `{count}`"), "{said}");
    assert!(
        said.contains("i18n/french.yaml: not read: a file of words is named after its language's tag"),
        "{said}"
    );
    assert!(!said.contains("README"), "a file that is no YAML is passed over: {said}");
    assert!(crate::harness::visible_text(&site.output("2025/01/01/a/index.html")).contains("Accueil"));

    site.write("i18n/fr.yaml", "- id: front_page\n  translation: Accueil\n");
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(run.stderr.contains("Hugo's older format"), "{}", run.stderr);

    let fresh = SiteTest::with_files(&[]);
    let run = fresh.run(&["init", "--language", "ja", "news"]);
    assert!(run.success, "{}", run.stderr);
    let words = std::fs::read_to_string(fresh.root.join("news/i18n/ja.yaml")).unwrap();
    assert!(
        words.contains("translate each text into `ja`") && words.contains("front_page: \"Front page\""),
        "{words}"
    );
    let config = std::fs::read_to_string(fresh.root.join("news/site.yaml")).unwrap();
    assert!(config.lines().any(|line| line.starts_with("language: ja ")), "{config}");
    let run = fresh.run(&["build", "--root", "news"]);
    assert!(run.success && !run.stderr.contains("i18n"), "every word is there to translate: {}", run.stderr);
    let run = fresh.run(&["init", "--language", "pt-BR", "brazil"]);
    assert!(run.success && !fresh.root.join("brazil/i18n").exists(), "the theme speaks Portuguese");
}

/// A template's unusual calls: a missing argument is an error at its line, `lang=` takes that
/// language's plural rule, a `{%raw%}` block keeps its text as written.
#[test]
fn a_templates_calls_of_t_fail_clearly_and_follow_the_language_asked_for() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "language: de\n"),
        ("content/2025-01-01-a.md", "---\ntitle: Ferry\ndate: 2025-01-01\n---\nFares rise.\n"),
        (
            "templates/404.html",
            "{% extends \"base.html\" %}{% block content %}<p id=\"x\">{{ t(key=\"stories\", count=0, lang=\"fr\") }}|{{ t(key=\"stories\", count=0) }}|{%raw%}{{ t(key=\"front_page\") }}{%endraw%}</p>{% endblock content %}\n",
        ),
    ]);
    site.build_ok();
    let page = site.output("404.html");
    assert!(page.contains("0 article|0 Artikel|{{ t(key=\"front_page\") }}"), "{page}");
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}\n{{ t(key=\"stories\") }}{% endblock content %}\n",
    );
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("404.html:2")
            && run.stderr.contains("the text has `{count}`, which needs a number: give `count=`"),
        "{}",
        run.stderr
    );
}

/// A language tag is written as browsers read it (`pt_BR` is `pt-BR`), a phrase that is no tag is
/// an error naming site.yaml, and words a theme on disk has but no layer translates are asked
/// for in the site's own file, whose name the warning gives.
#[test]
fn the_sites_language_is_a_tag_and_untranslated_words_are_asked_for_in_the_sites_file() {
    let site = SiteTest::with_files(&[
        ("site.yaml", "language: pt_BR\n"),
        ("content/2025-01-01-a.md", "---\ntitle: Balsa\ndate: 2025-01-01\n---\nA tarifa sobe.\n"),
    ]);
    site.build_ok();
    assert!(site.output("2025/01/01/a/index.html").contains("<html lang=\"pt-BR\" dir=\"ltr\">"));
    site.write("site.yaml", "language: fr CA\n");
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(run.stderr.contains("`language`: `fr CA` is no language tag"), "{}", run.stderr);

    site.write("site.yaml", "language: fr\ntheme: mine\n");
    copy_templates_from_default(&site, "mine");
    site.write("themes/mine/i18n/en.yaml", "hello: Hello\n");
    site.write(
        "themes/mine/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}{{ t(key=\"hello\") }}{% endblock content %}\n",
    );
    let run = site.build_ok();
    assert!(
        run.stderr
            .contains("i18n/fr.yaml: the site's language is `fr`, and no layer has its text for `hello`"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("themes/default/i18n/fr.yaml"), "{}", run.stderr);
}

/// An Arabic story on an English site: its page is set right to left (`<html dir="rtl">`) while
/// the site's own header and footer stay left to right, and its card on an English listing says
/// so; on an Arabic site every page is right to left and an English story's card says `ltr`.
#[test]
fn right_to_left_stories_and_sites_say_their_direction_in_either_theme() {
    let site = SiteTest::with_files(&[
        (
            "content/2025-03-21-intikhabat.md",
            "---\ntitle: الانتخابات في تونس\ndate: 2025-03-21\nlang: ar\n---\nأعلنت الهيئة النتائج يوم الجمعة.\n",
        ),
        (
            "content/2025-03-20-ferry.md",
            "---\ntitle: Ferry fares rise\ndate: 2025-03-20\nlang: en\n---\nFares rise.\n",
        ),
    ]);
    for theme in ["default", "broadsheet"] {
        if theme == "broadsheet" {
            copy_repo_theme(&site, "broadsheet");
            site.write("site.yaml", "theme: broadsheet\n");
        }
        site.build_ok();
        let arabic = site.output("2025/03/21/intikhabat/index.html");
        assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"), "{theme}: {arabic}");
        let chrome = if theme == "default" { "masthead" } else { "bar" };
        assert!(
            arabic.contains(&format!("<header class=\"{chrome}\" lang=\"en\" dir=\"ltr\">")),
            "{theme}: {arabic}"
        );
        let english = site.output("2025/03/20/ferry/index.html");
        assert_eq!(english.matches("dir=").count(), 1, "{theme}: only <html dir>: {english}");
        let day = site.output("2025/03/21/index.html");
        assert!(day.contains(" lang=\"ar\" dir=\"rtl\">"), "{theme}: the Arabic card: {day}");
    }
    site.write("site.yaml", "language: ar\n");
    site.build_ok();
    let english = site.output("2025/03/20/ferry/index.html");
    assert!(english.contains("<html lang=\"en\" dir=\"ltr\">"), "{english}");
    assert!(english.contains("<header class=\"masthead\" lang=\"ar\" dir=\"rtl\">"), "{english}");
    let home = site.output("index.html");
    assert!(home.contains("<html lang=\"ar\" dir=\"rtl\">"), "{home}");
    assert!(home.contains(" lang=\"en\" dir=\"ltr\">"), "the English card: {home}");
}

/// In a real browser, an Arabic story's text runs right to left and its first letter is not
/// raised as a drop cap (which would break the word's joined letters); an English story's is.
#[test]
fn a_real_browser_sets_arabic_right_to_left_without_a_drop_cap() {
    let Some(browser) = crate::browser::Browser::start() else { return };
    let served = crate::serve::Served::start(SiteTest::with_files(&[
        (
            "content/2025-03-21-intikhabat.md",
            "---\ntitle: الانتخابات في تونس\ndate: 2025-03-21\nlang: ar\n---\nأعلنت الهيئة النتائج يوم الجمعة في تونس.\n",
        ),
        (
            "content/2025-03-20-ferry.md",
            "---\ntitle: Ferry fares rise\ndate: 2025-03-20\n---\nFares rise again on the island route.\n",
        ),
    ]));
    let running = served.running.as_ref().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !running.files().contains_key("2025/03/21/intikhabat/index.html") {
        assert!(std::time::Instant::now() < deadline, "the Arabic story was never built");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let first_paragraph = "const p = document.querySelector('.story .body > p'); \
         return [getComputedStyle(p).direction, getComputedStyle(p, '::first-letter').float, window.innerWidth]";
    browser.goto(&format!("{}2025/03/21/intikhabat/", served.url()));
    browser.wait_for("return !!document.querySelector('.story .body > p')", 20, "the Arabic story");
    let arabic = browser.eval(first_paragraph);
    browser.goto(&format!("{}2025/03/20/ferry/", served.url()));
    browser.wait_for("return !!document.querySelector('.story .body > p')", 20, "the English story");
    let english = browser.eval(first_paragraph);
    assert!(english[2].as_f64().unwrap() >= 640.0, "a window wide enough for drop caps: {english}");
    assert_eq!(
        (&english[0], &english[1]),
        (&serde_json::json!("ltr"), &serde_json::json!("left")),
        "{english}"
    );
    assert_eq!((&arabic[0], &arabic[1]), (&serde_json::json!("rtl"), &serde_json::json!("none")), "{arabic}");
}

/// Tera's terse compile errors come with what the template's text says: the `{% if %}` left
/// open, the block name meant.
#[test]
fn a_template_compile_error_says_why() {
    let site = SiteTest::with_files(&[
        ("content/2025-03-01-ferry.md", "---\ntitle: Ferry fares rise\n---\nFares rise again.\n"),
        (
            "templates/article.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{% if article.source %}\n<p>x</p>\n{% endblock content %}\n",
        ),
    ]);
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("templates/article.html:5: template error: Unknown tag (the `{% if %}` opened on line 3 is not closed before this: add `{% endif %}`)"),
        "{}",
        run.stderr
    );
    site.write(
        "templates/article.html",
        "{% extends \"default/templates/article.html\" %}{% block article_foter %}y{% endblock article_foter %}",
    );
    let run = site.run(&["build"]);
    assert!(run.stderr.contains("(did you mean `article_footer`?)"), "{}", run.stderr);
}

/// A site template no page uses (a misspelled override) is warned of, with the name meant; one
/// that a template includes is not.
#[test]
fn a_site_template_no_page_uses_is_warned_of() {
    let site = SiteTest::with_files(&[
        ("content/2025-03-01-ferry.md", "---\ntitle: Ferry fares rise\n---\nFares rise again.\n"),
        ("templates/crad.html", "<p>{{ item.title }}</p>"),
        ("templates/partials/note.html", "<p class=\"note\">Ours</p>"),
        (
            "templates/article.html",
            "{% extends \"default/templates/article.html\" %}{% block article_footer %}{% include \"partials/note.html\" %}{% endblock article_footer %}",
        ),
    ]);
    let run = site.build_ok();
    assert!(
        run.stderr.contains("templates/crad.html: no page uses this template: it replaces none of the theme's and no template includes it (did you mean card.html?)"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("note.html"), "included, so used: {}", run.stderr);
    assert!(site.output("2025/03/01/ferry/index.html").contains("<p class=\"note\">Ours</p>"));
}

/// A site changes one block of the theme's `base.html` by extending it by the theme's name, as
/// Zola names theme templates; extending its own name is an error that says so.
#[test]
fn a_site_template_extends_the_themes_own_by_its_name() {
    let site = SiteTest::with_files(&[
        ("content/2025-03-01-ferry.md", "---\ntitle: Ferry fares rise\n---\nFares rise again.\n"),
        (
            "templates/base.html",
            "{% extends \"default/templates/base.html\" %}{% block footer %}<footer class=\"ours\">Our own footer</footer>{% endblock footer %}",
        ),
    ]);
    site.build_ok();
    let page = site.output("2025/03/01/ferry/index.html");
    assert!(page.contains("<footer class=\"ours\">Our own footer</footer>"), "{page}");
    assert!(
        page.contains("<header class=\"masthead\"") && page.contains("Ferry fares rise"),
        "the rest is the theme's: {page}"
    );
    copy_repo_theme(&site, "broadsheet");
    site.write("site.yaml", "theme: broadsheet\n");
    site.write(
        "templates/base.html",
        "{% extends \"broadsheet/templates/base.html\" %}{% block footer %}<footer class=\"ours\">Ours too</footer>{% endblock footer %}",
    );
    site.build_ok();
    let page = site.output("2025/03/01/ferry/index.html");
    assert!(page.contains("Ours too") && page.contains("<header class=\"bar\""), "{page}");
    // Left extending the theme the site switched from: built, but said.
    site.write(
        "templates/base.html",
        "{% extends \"default/templates/base.html\" %}{% block footer %}<footer>x</footer>{% endblock footer %}",
    );
    let run = site.build_ok();
    assert!(
        run.stderr.contains("templates/base.html: extends default/templates/base.html, but the site's theme is broadsheet: its pages get default's markup under broadsheet's style sheet; extend broadsheet/templates/base.html instead"),
        "{}",
        run.stderr
    );
    // A theme's template by a path that is not its name.
    for wrong in ["default/base.html", "themes/broadsheet/templates/base.html"] {
        site.write(
            "templates/base.html",
            &format!("{{% extends \"{wrong}\" %}}{{% block footer %}}x{{% endblock footer %}}"),
        );
        let run = site.run(&["build"]);
        assert!(!run.success);
        assert!(
            run.stderr.contains(&format!("templates/base.html: extends {wrong}, which is no template's name: a theme's templates are named by the theme, as in {{% extends \"broadsheet/templates/base.html\" %}}")),
            "{}",
            run.stderr
        );
    }
    site.write("templates/base.html", "{% extends \"base.html\" %}{% block footer %}x{% endblock footer %}");
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("templates/base.html: extends itself: to change blocks of the theme's base.html, extend it by the theme's name, as in {% extends \"broadsheet/templates/base.html\" %}"),
        "{}",
        run.stderr
    );
}

/// A misspelled name given to a filter or a test (`{{ site.titel | upper }}`) fails with Tera's
/// "got `undefined`", which names no name: the expression is quoted, with the way to be told.
#[test]
fn an_undefined_value_given_to_a_filter_quotes_its_expression() {
    let site = SiteTest::with_files(&[
        ("content/2025-03-01-ferry.md", "---\ntitle: Ferry fares rise\n---\nFares rise again.\n"),
        (
            "templates/index.html",
            "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ site.titel | upper }}</p>\n{% endblock content %}\n",
        ),
    ]);
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("templates/index.html:3: template error: Invalid type for the value, expected `string` but got `undefined` in `{{ site.titel | upper }}`: a name in it is not defined"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("write `{{ site.titel }}` alone to be told which"), "{}", run.stderr);
    // Two names: which one is undefined is not guessed.
    site.write(
        "templates/index.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ page.title ~ site.titel | upper }}</p>\n{% endblock content %}\n",
    );
    let run = site.run(&["build"]);
    assert!(
        run.stderr.contains("in `{{ page.title ~ site.titel | upper }}`: a name in it is not defined"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("write `{{ page.title }}`"), "{}", run.stderr);
    // A loop's own name is not the one undefined.
    site.write(
        "templates/index.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{% for x in page.itemz | reverse %}{{ x }}{% endfor %}\n{% endblock content %}\n",
    );
    let run = site.run(&["build"]);
    assert!(run.stderr.contains("write `{{ page.itemz }}` alone"), "{}", run.stderr);
}

/// An unknown filter or an include of a missing template is named at the site's file and line,
/// as other template errors are, not as `templates: template error: error: ...`.
#[test]
fn an_unknown_filter_or_missing_include_is_named_at_its_file_and_line() {
    let site = SiteTest::with_files(&[
        ("content/2025-03-01-ferry.md", "---\ntitle: Ferry fares rise\n---\nFares rise again.\n"),
        (
            "templates/index.html",
            "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ page.title | nosuchfilter }}</p>\n{% endblock content %}\n",
        ),
    ]);
    let run = site.run(&["build"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("error: templates/index.html:3: template error: Unknown filter `nosuchfilter`"),
        "{}",
        run.stderr
    );
    site.write(
        "templates/index.html",
        "{% extends \"base.html\" %}\n{% block content %}\n\n{% include \"nope.html\" %}\n{% endblock content %}\n",
    );
    let run = site.run(&["build"]);
    assert!(
        run.stderr.contains("error: templates/index.html:4: template error: Unknown template `nope.html`"),
        "{}",
        run.stderr
    );
}
