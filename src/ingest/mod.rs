//! One source file in, one resolved [`Article`] out.
//!
//! The steps are the same for every file: read, decode, split off front matter, then for `.txt`
//! convert the text into Markdown and derived metadata. What the user wrote in front matter always
//! wins over what was derived. The result, as front matter plus Markdown, is also what
//! `gazette import` writes ([`to_markdown`]), so a site built from imported `.md` files is the
//! same site.

pub mod cache;
pub mod convert;
pub mod decode;
mod file_title;
pub mod front_matter;

use std::collections::BTreeMap;
use std::path::Path;

use jiff::ZonedDateTime;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::discover::{Source, SourceKind};
use crate::markdown::{self, MarkdownOptions, RawHtml};
pub use crate::model::slugify;
use crate::model::{
    Article, DateSource, Dateline, Embed, Image, StandalonePage, name_key, page_path, term_slug,
};
use front_matter::FrontMatter;

/// The result of reading one source file.
#[derive(Debug)]
pub struct Ingested {
    /// The article, unless the file could not be used at all.
    pub article: Option<Article>,
    /// Problems with this file.
    pub diagnostics: Vec<Diagnostic>,
    /// Page leftovers the converter removed (for `import --verbose`).
    pub dropped: Vec<String>,
}

/// Front matter and Markdown body for one source, before dates and slugs are resolved.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// User front matter merged over derived metadata.
    pub front: FrontMatter,
    /// Markdown body.
    pub body: String,
    /// Leftovers the converter removed.
    pub dropped: Vec<String>,
    /// The front-matter block as written (YAML or TOML), if any, to point a message about a value
    /// at its line.
    pub yaml: Option<String>,
    /// The file's line the body starts on, to point a message about the body at its line.
    pub body_line: usize,
    /// The title is Gazette's (a plain-text article's headline line, file name or lede), not one
    /// the user wrote: it is typeset as the body is.
    pub title_derived: bool,
    /// The byline line a plain-text article's text had (taken out of the body), as written.
    pub byline: Option<String>,
}

/// Reads and resolves one article.
pub fn article(source: &Source, config: &Config) -> Ingested {
    let mut diagnostics = Vec::new();
    let prepared = match prepare(source, ReadAs::Article, &mut diagnostics) {
        Some(prepared) => prepared,
        None => return Ingested { article: None, diagnostics, dropped: Vec::new() },
    };
    let article = resolve(source, &prepared, config, &mut diagnostics);
    Ingested { article, diagnostics, dropped: prepared.dropped }
}

/// Reads one page that is not news (a file under `content/pages/`): its front matter and body
/// as an article's are read, and only what a page shows is kept. `None` when the file cannot be
/// used, or is a draft and drafts are not built; the diagnostics say why.
pub fn page(source: &Source, config: &Config) -> (Option<StandalonePage>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let Some(prepared) = prepare(source, ReadAs::Page, &mut diagnostics) else {
        return (None, diagnostics);
    };
    warn_of_news_on_a_page(source, &prepared, config, &mut diagnostics);
    let front = prepared.front;
    let path = match page_path(&source.relative, front.slug.as_deref()) {
        Ok(path) => path,
        Err(why) => {
            diagnostics
                .push(Diagnostic::error(&source.path, format!("this page cannot be published: {why}")));
            return (None, diagnostics);
        }
    };
    let updated = match front.updated.as_deref().map(|text| (text, parse_date(text, &config.timezone))) {
        Some((text, None)) => {
            let line = prepared
                .yaml
                .as_deref()
                .and_then(|yaml| front_matter::key_line(yaml, &["updated", "lastmod"]));
            diagnostics.push(
                Diagnostic::error(
                    &source.path,
                    format!(
                        "`updated: {text}` is not a date; write it as 2025-09-12 or 2025-09-12T08:30:00+02:00"
                    ),
                )
                .at_line(line.map(|(line, _)| line)),
            );
            return (None, diagnostics);
        }
        Some((_, date)) => date,
        None => None,
    };
    if (front.draft || hugo_unrendered(&front.extra).is_some()) && !config.drafts {
        return (None, diagnostics);
    }
    let (in_menu, weight) = menu_place(&front.extra, &mut |message| {
        let line =
            prepared.yaml.as_deref().and_then(|yaml| front_matter::key_line(yaml, &["menu", "weight"]));
        diagnostics.push(Diagnostic::warning(&source.path, message).at_line(line.map(|(line, _)| line)));
    });
    let stem = file_stem(&source.relative);
    let page = StandalonePage {
        source_path: source.relative.clone(),
        path,
        title: front.title.clone().unwrap_or_else(|| humanise(stem)),
        // Beside a summary, a description is the one meant for meta tags (see FrontMatter).
        description: front.description.clone().or_else(|| front.summary.clone()).unwrap_or_default(),
        body_markdown: prepared.body,
        lang: front.lang.clone(),
        updated,
        in_menu,
        weight,
        menu_label: menu_label(&front.extra),
        extra: front.extra,
        bundle_files: Vec::new(),
    };
    (Some(page), diagnostics)
}

/// Says what a page has of a news story, which a page does not show: front-matter keys only
/// articles read (`date:`, `tags:`, `aliases:`...), a byline read from its text, a date in its
/// file or folder names. A folder of stories that happened to be called `pages/` before pages
/// were would otherwise leave the digests and feeds without a word.
fn warn_of_news_on_a_page(
    source: &Source,
    prepared: &Prepared,
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
) {
    const ARTICLE_KEYS: &[&str] = &[
        "date",
        "publish_date",
        "publishDate",
        "expiry_date",
        "expiryDate",
        "authors",
        "author",
        "source",
        "publisher",
        "tags",
        "aliases",
        "dateline",
    ];
    let yaml = prepared.yaml.as_deref().unwrap_or("");
    let written: Vec<(usize, &str)> =
        ARTICLE_KEYS.iter().filter_map(|key| front_matter::key_line(yaml, &[*key])).collect();
    const NOT_NEWS: &str = "pages under content/pages/ are not news: no date, byline, tags, aliases or feeds; move the file out of pages/ if it is a story";
    if let Some(&(line, _)) = written.first() {
        let keys: Vec<String> = written.iter().map(|(_, key)| format!("`{key}:`")).collect();
        diagnostics.push(
            Diagnostic::warning(&source.path, format!("{} not read on a page ({NOT_NEWS})", keys.join(", ")))
                .at_line(Some(line)),
        );
    } else if let Some(byline) = prepared.byline.as_deref() {
        diagnostics.push(Diagnostic::warning(
            &source.path,
            format!("the byline `{byline}` is not shown on a page ({NOT_NEWS})"),
        ));
    }
    if path_date(&source.relative, &config.timezone).is_some() {
        diagnostics.push(Diagnostic::warning(
            &source.path,
            format!("its name holds a date, which a page does not show ({NOT_NEWS})"),
        ));
    }
}

/// The page's short name in the navigation, as Hugo writes it: `menu: {main: {name: About}}`, or
/// `linkTitle:` (`link_title:`); none where the title is to be shown.
fn menu_label(extra: &BTreeMap<String, serde_json::Value>) -> Option<String> {
    let named = extra.get("menu").and_then(|menu| menu.get("main")?.get("name")?.as_str());
    named
        .or_else(|| extra.get("linkTitle").or_else(|| extra.get("link_title"))?.as_str())
        .map(str::trim)
        .filter(|label| !label.is_empty())
        .map(str::to_string)
}

/// Whether a page asks to be in the navigation, and its weight there: `menu: true` or `false`,
/// Hugo's `menu: main` and `menu: {main: {weight: 2}}`, and `weight: 2`. Anything else is said
/// (`menu: footer`: there is one navigation) rather than guessed.
fn menu_place(
    extra: &BTreeMap<String, serde_json::Value>,
    warn: &mut dyn FnMut(String),
) -> (bool, Option<i64>) {
    use serde_json::Value;
    let mut weight = None;
    let in_menu = match extra.get("menu") {
        None | Some(Value::Null | Value::Bool(false)) => false,
        Some(Value::Bool(true)) => true,
        Some(Value::String(name)) if name == "main" => true,
        Some(Value::Object(menus)) if menus.contains_key("main") => {
            weight = menus["main"].get("weight").and_then(Value::as_i64);
            true
        }
        Some(other) => {
            warn(format!(
                "`menu: {other}` is not a menu Gazette has: write `menu: true` (or `main`) to put the page in the site's navigation, `false` to leave it out"
            ));
            false
        }
    };
    match extra.get("weight") {
        None => {}
        Some(Value::Number(number)) if number.as_i64().is_some() => weight = number.as_i64(),
        Some(other) => {
            warn(format!("`weight: {other}` is not a whole number; the page is placed as if it had none"))
        }
    }
    (in_menu, weight)
}

/// Reads a page that is not news into front matter and Markdown, as `gazette import` writes
/// it: what a build read from its text (the headline line as `title:`) is written down, so the
/// `.md` gives the same page.
pub fn page_to_markdown(source: &Source) -> (Option<String>, Vec<Diagnostic>, Vec<String>) {
    let mut diagnostics = Vec::new();
    let Some(prepared) = prepare(source, ReadAs::Page, &mut diagnostics) else {
        return (None, diagnostics, Vec::new());
    };
    // Only what a page reads: a text page's date or byline written down would be warned of.
    let front = prepared.front;
    let kept = FrontMatter {
        title: front.title,
        slug: front.slug,
        updated: front.updated,
        draft: front.draft,
        summary: front.summary,
        description: front.description,
        lang: front.lang,
        extra: front.extra,
        ..FrontMatter::default()
    };
    (Some(front_matter::write(&kept, &prepared.body)), diagnostics, prepared.dropped)
}

/// Reads a source into front matter and Markdown, as `gazette import` writes it: the resolved
/// date and its evidence are written into the front matter so the `.md` needs no file-name or
/// folder clues to give the same page.
pub fn to_markdown(source: &Source, config: &Config) -> (Option<String>, Vec<Diagnostic>, Vec<String>) {
    let mut diagnostics = Vec::new();
    let Some(mut prepared) = prepare(source, ReadAs::Article, &mut diagnostics) else {
        return (None, diagnostics, Vec::new());
    };
    let Some(article) = resolve(source, &prepared, config, &mut diagnostics) else {
        return (None, diagnostics, prepared.dropped);
    };
    let front = &mut prepared.front;
    // Write the date the build resolved (file name, folders, dateline...) so the .md needs no
    // clues from its path; a date the user wrote stays as written.
    if article.date_source != DateSource::Explicit {
        front.date = Some(format_date(&article.date));
        front.date_source = Some(article.date_source.as_str().to_string());
    }
    front.word_count.get_or_insert(article.word_count);
    front.reading_time.get_or_insert(article.reading_time);
    if front.summary.is_none() && !article.summary.is_empty() {
        front.summary = Some(article.summary.clone());
    }
    // The title as the build typeset it, so the site built from the .md is the same.
    if prepared.title_derived {
        front.title = Some(article.title.clone());
    }
    // A file named with an id is published under its headline: written down, the URL stays when
    // the headline is edited in the .md.
    if front.slug.is_none() && file_title::machine_named(strip_date_prefix(file_stem(&source.relative))) {
        front.slug = Some(article.slug.clone());
    }
    let text = front_matter::write(front, &prepared.body);
    (Some(text), diagnostics, prepared.dropped)
}

/// Tags or authors as front matter lists them, tidied: trimmed, none empty, and each once per page
/// it links to (`Media Watch` and `media watch` are one tag page, shown once). An author written as
/// a byline (`By Dana Whitfield`) is the name. Also returns each name left out for another that
/// is a different name, not a spelling of it (`C#` for `C++`, both `tags/c/`), with the name kept,
/// and each name left out because nothing of it can make a URL (`???`).
fn tidy_names(names: &[String], bylines: bool) -> TidyNames {
    let mut tidy: Vec<String> = Vec::with_capacity(names.len());
    let mut pages: Vec<String> = Vec::with_capacity(names.len());
    let mut merged = Vec::new();
    let mut pageless = Vec::new();
    for name in names {
        let mut name = name.trim();
        if bylines
            && let Some(rest) =
                name.get(..3).filter(|by| by.eq_ignore_ascii_case("by ")).map(|_| name[3..].trim_start())
            && rest.starts_with(char::is_uppercase)
        {
            name = rest;
        }
        let page = term_slug(name);
        if name.is_empty() {
            continue;
        }
        if page.is_empty() {
            pageless.push(name.to_string());
            continue;
        }
        if let Some(kept) = pages.iter().position(|kept| *kept == page) {
            if name_key(name) != name_key(&tidy[kept]) {
                merged.push((name.to_string(), tidy[kept].clone()));
            }
            continue;
        }
        pages.push(page);
        tidy.push(name.to_string());
    }
    TidyNames { names: tidy, merged, pageless }
}

/// What [`tidy_names`] made of a front-matter list.
struct TidyNames {
    names: Vec<String>,
    /// (left out, kept): different names that make one URL.
    merged: Vec<(String, String)>,
    /// Names with no letter or digit, which make no URL.
    pageless: Vec<String>,
}

/// `text` typeset as Markdown typesets a body with smart punctuation on (curly quotes, dashes,
/// ellipses), on one line; as it is when smart punctuation is off or it has nothing to typeset.
fn typeset(text: String, options: MarkdownOptions) -> String {
    if !options.smart_punctuation || !text.contains(['"', '\'', '-', '.']) {
        return text;
    }
    let typeset = markdown::to_plain_text(&convert::escape_text(&text), options);
    typeset.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a file is read as: its front matter knows a few more keys on a page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ReadAs {
    Article,
    /// A page that is not news, where `menu:` and `weight:` place it in the navigation.
    Page,
}

fn prepare(source: &Source, read_as: ReadAs, diagnostics: &mut Vec<Diagnostic>) -> Option<Prepared> {
    let bytes = match std::fs::read(&source.path) {
        Ok(bytes) => bytes,
        Err(error) => {
            diagnostics.push(Diagnostic::error(&source.path, format!("cannot read: {error}")));
            return None;
        }
    };
    let decoded = match decode::decode(&bytes) {
        Ok(decoded) => decoded,
        Err(not_text) => {
            let what = match not_text {
                decode::NotText::Nul { at } => {
                    format!("a NUL byte at byte offset {at}, as in images, PDFs and word-processor files")
                }
                decode::NotText::ControlBytes { at, count, of } => format!(
                    "{count} control bytes in its first {of} (the first at byte offset {at}), as in compressed, encrypted or random data"
                ),
            };
            diagnostics.push(Diagnostic::error(
                &source.path,
                format!("not text: {what}; save the article as plain text, or move the file out of content/"),
            ));
            return None;
        }
    };
    // A web page saved under a text file's name: read as text, its markup became the headline
    // (`<!DOCTYPE html><html>…`) and the body.
    let head = decoded.text.trim_start().as_bytes();
    let opens =
        |tag: &str| head.get(..tag.len()).is_some_and(|start| start.eq_ignore_ascii_case(tag.as_bytes()));
    if source.kind == SourceKind::Text && (opens("<!doctype html") || opens("<html")) {
        diagnostics.push(Diagnostic::error(
            &source.path,
            "a web page (HTML), not text: save the article as text (Save Page As… with Text Files, or copy its text into a .txt file), or move the file out of content/",
        ));
        return None;
    }
    if let Some(offset) = decoded.first_invalid_byte {
        let shown = if decoded.stray_bytes_as_windows_1252 {
            "they were read as Windows-1252 (as `“`, `é`...), which an older program likely wrote: check them, and re-save the file as UTF-8"
        } else {
            "they show as \u{FFFD}. Re-save the file as UTF-8 to fix it"
        };
        diagnostics.push(Diagnostic::warning(
            &source.path,
            format!("bytes that are not valid {} at byte offset {offset}; {shown}", decoded.encoding),
        ));
    }
    if let Some(guess) = decoded.thin_guess {
        diagnostics.push(Diagnostic::warning(
            &source.path,
            format!(
                "not UTF-8, and only {} in the file are not plain ASCII (the first at byte offset {}): they were read as {}, a guess from too little text to trust; check them, and re-save the file as UTF-8",
                if guess.bytes == 1 { "1 byte".to_string() } else { format!("{} bytes", guess.bytes) },
                guess.at,
                decoded.encoding
            ),
        ));
    }
    // Set only for a plain-text article that opens with rules around its first lines.
    let unfenced: String;
    let split = match front_matter::split(&decoded.text) {
        // Lines between `---` rules that name no front-matter key are text (`BREAKING: Storm hits
        // coast` between rules): the rules become blank lines, so lines keep their numbers.
        Ok(split)
            if source.kind == SourceKind::Text
                && let Some(block) = split
                    .block
                    .filter(|block| !block.trim().is_empty() && !front_matter::names_a_key(block)) =>
        {
            diagnostics.push(
                Diagnostic::warning(
                    &source.path,
                    "the `---` lines at the top fence no front-matter key (`title:`, `date:`...), so \
                     they are read as rules around the article's first lines",
                )
                .at_line(Some(1)),
            );
            unfenced = format!("\n{block}\n{}", split.body);
            front_matter::Split { block: None, format: split.format, body: &unfenced, body_line: 1 }
        }
        Ok(split) => split,
        // One rule above a plain-text article, with no key under it, is not front matter left
        // open: it is the text's.
        Err(front_matter::SplitError::Unclosed)
            if source.kind == SourceKind::Text
                && decoded.text.starts_with("---")
                && !front_matter::names_a_key(decoded.text.split("\n\n").next().unwrap_or_default()) =>
        {
            diagnostics.push(
                Diagnostic::warning(
                    &source.path,
                    "a `---` line opens the file and none closes it, with no front-matter key under it: read as a rule above the article",
                )
                .at_line(Some(1)),
            );
            let rest = decoded.text.split_once('\n').map_or("", |(_, rest)| rest);
            unfenced = format!("\n{rest}");
            front_matter::Split {
                block: None,
                format: front_matter::Format::Yaml,
                body: &unfenced,
                body_line: 1,
            }
        }
        Err(error) => {
            let front_matter::SplitError::Unclosed = error;
            let fence = if decoded.text.starts_with("+++") { "+++" } else { "---" };
            let message = format!(
                "front matter opened with `{fence}` is never closed; add a `{fence}` line after the last key"
            );
            diagnostics.push(Diagnostic::error(&source.path, message).at_line(Some(1)));
            return None;
        }
    };
    let user = match split.block.map(|block| front_matter::parse_block(block, split.format)).transpose() {
        Ok(front) => front.unwrap_or_default(),
        Err(error) => {
            diagnostics.push(Diagnostic::error(&source.path, error.message).at_line(error.line));
            return None;
        }
    };
    // `extra:` (Zola's `[extra]`) is the place for template settings: its keys are no typos.
    let page_key = |key: &str| {
        (read_as == ReadAs::Page && ["menu", "weight", "linkTitle", "link_title"].contains(&key))
            || (read_as == ReadAs::Article && key == HUGO_URL)
    };
    let template_name = if read_as == ReadAs::Page { "doc" } else { "article" };
    // Hugo's "render no page" is read (see `hugo_unrendered`), and said so in its own words.
    let unrendered = hugo_unrendered(&user.extra);
    if let Some(key) = unrendered {
        let line = split.block.and_then(|block| front_matter::key_line(block, &[key]));
        diagnostics.push(
            Diagnostic::warning(
                &source.path,
                format!(
                    "`{key}`: Hugo renders no page for this file, so it is held back as a draft is (left out of the site unless `--drafts` shows drafts)"
                ),
            )
            .at_line(line.map(|(line, _)| line)),
        );
    }
    for key in user
        .extra
        .keys()
        .filter(|key| *key != EXTRA_TABLE && !page_key(key) && Some(key.as_str()) != unrendered)
    {
        let known = front_matter::KEYS.iter().chain(front_matter::ALIASES).copied();
        let meant = match crate::yaml::closest_key(key, known) {
            Some(known) => format!("did you mean `{known}`? "),
            // Hugo's second taxonomy: Gazette has one for topics.
            None if key == "categories" => "Gazette's topics are `tags:`; ".to_string(),
            None => String::new(),
        };
        let line = split.block.and_then(|block| front_matter::key_line(block, &[key.as_str()]));
        diagnostics.push(
            Diagnostic::warning(
                &source.path,
                format!(
                    "unknown front-matter key `{key}` ({meant}kept for templates as `{template_name}.extra.{key}`)"
                ),
            )
            .at_line(line.map(|(line, _)| line)),
        );
    }
    let yaml = split.block.map(str::to_string);
    Some(match source.kind {
        SourceKind::Markdown => {
            report_foreign_markup(split.body, split.body_line, &source.path, diagnostics);
            Prepared {
                front: user,
                body: split.body.to_string(),
                dropped: Vec::new(),
                yaml,
                body_line: split.body_line,
                title_derived: false,
                byline: None,
            }
        }
        SourceKind::Text => {
            let mut converted = convert::convert(split.body);
            let stem = strip_date_prefix(file_stem(&source.relative));
            if converted.title_inferred {
                // A headline the curator gave the file beats one cut from the lede.
                if let Some(title) = file_title::from_file_name(stem, &converted.body) {
                    converted.title = Some(title);
                }
            }
            // `le monde - grève SNCF.txt`: the outlet the curator filed it under, when the text
            // named none.
            if converted.source.is_none() {
                converted.source = convert::outlet_in_file_name(stem).map(str::to_string);
            }
            let dropped = std::mem::take(&mut converted.dropped);
            let body = std::mem::take(&mut converted.body);
            let title_derived = user.title.is_none();
            let byline = converted.byline.clone();
            Prepared {
                front: merge(user, derived_front_matter(converted)),
                body,
                dropped,
                yaml,
                body_line: split.body_line,
                title_derived,
                byline,
            }
        }
    })
}

/// Hugo and Zola shortcodes and Zola's `@/` links, which Gazette does not expand: each is printed
/// as text, so each gets a warning at its line (a few per file) rather than a page that looks
/// fine in the terminal and broken in the browser. Code blocks, where they are examples, are
/// left alone.
fn report_foreign_markup(body: &str, body_line: usize, path: &Path, diagnostics: &mut Vec<Diagnostic>) {
    const MOST: usize = 5;
    // Every form starts `{{`, `{%` or `](@/`: most bodies have neither brace nor at sign.
    if !body.bytes().any(|byte| byte == b'{' || byte == b'@') {
        return;
    }
    let mut found = 0;
    // The lines of those past the first few, named on one warning.
    let mut more_lines: Vec<usize> = Vec::new();
    let mut fence: Option<&str> = None;
    for (number, line) in body.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if let Some(marker) = ["```", "~~~"].into_iter().find(|marker| trimmed.starts_with(marker)) {
            fence = Some(marker);
            continue;
        }
        let mut from = 0;
        while let Some((at, end, what)) = foreign_markup(&line[from..]) {
            let (at, end) = (from + at, from + end);
            from = end;
            found += 1;
            if found <= MOST {
                let snippet = cut_to_chars(&line[at..end], 60);
                diagnostics.push(Diagnostic::warning(path, format!("{what} `{snippet}` {}", match what {
                    "a Zola internal link" => "is left as it is; link to the article's URL instead (`/2025/04/10/slug/` when the site is at its domain's root)",
                    _ => "is printed as text: Gazette has no shortcodes; write it in Markdown (`![Caption](photo.jpg)` for a figure, a link for a post or a video)",
                })).at_line(Some(body_line + number)));
            } else if more_lines.last() != Some(&(body_line + number)) {
                more_lines.push(body_line + number);
            }
        }
    }
    if found > MOST {
        const LINES_NAMED: usize = 20;
        let mut lines: Vec<String> = more_lines.iter().take(LINES_NAMED).map(usize::to_string).collect();
        if more_lines.len() > LINES_NAMED {
            lines.push("…".to_string());
        }
        diagnostics.push(Diagnostic::warning(
            path,
            format!("and {} more shortcodes or `@/` links, on lines {}", found - MOST, lines.join(", ")),
        ));
    }
}

/// The first shortcode or `@/` link on `line`: where it starts and ends (its closing `}}`, `%}`
/// or `)`, else the line's end) and what it is.
fn foreign_markup(line: &str) -> Option<(usize, usize, &'static str)> {
    let end_after =
        |at: usize, close: &str| line[at..].find(close).map_or(line.len(), |i| at + i + close.len());
    let hugo = line
        .find("{{<")
        .map(|at| (at, end_after(at, ">}}")))
        .into_iter()
        .chain(line.find("{{%").map(|at| (at, end_after(at, "%}}"))))
        .min()
        .map(|(at, end)| (at, end, "a Hugo shortcode"));
    // The link without the `)` that closes it.
    let link = line.find("](@/").map(|at| {
        let end = end_after(at, ")");
        (at + 2, if line[..end].ends_with(')') { end - 1 } else { end }, "a Zola internal link")
    });
    // Zola: `{{ youtube(id="…") }}` and `{% quote(author="…") %}`: a name, then a parenthesis.
    let zola = ["{{", "{%"]
        .into_iter()
        .filter_map(|open| {
            let mut from = 0;
            while let Some(found) = line[from..].find(open) {
                let at = from + found;
                let rest = line[at + 2..].trim_start();
                let name_len =
                    rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
                if name_len > 0 && rest[name_len..].starts_with('(') {
                    let close = if open == "{{" { "}}" } else { "%}" };
                    return Some((at, end_after(at, close), "a Zola shortcode"));
                }
                from = at + 2;
            }
            None
        })
        .min();
    [hugo, link, zola].into_iter().flatten().min_by_key(|&(at, _, _)| at)
}

/// `text` up to `most` characters, with `…` when cut.
fn cut_to_chars(text: &str, most: usize) -> String {
    match text.char_indices().nth(most) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// What the converter found, in front-matter form.
fn derived_front_matter(converted: convert::Converted) -> FrontMatter {
    let date = converted
        .date
        .as_ref()
        .map(|hint| moment_text((hint.year, hint.month, hint.day), hint.time, hint.zone));
    let date_source = converted.date.as_ref().map(|hint| match hint.evidence {
        convert::DateEvidence::Dateline => DateSource::Dateline.as_str().to_string(),
        convert::DateEvidence::Stamp => DateSource::Stamp.as_str().to_string(),
        convert::DateEvidence::EmbedSignature => DateSource::EmbedSignature.as_str().to_string(),
    });
    FrontMatter {
        updated: converted.updated.map(|updated| moment_text(updated.date, updated.time, updated.zone)),
        title: converted.title,
        title_inferred: converted.title_inferred,
        date,
        date_source,
        authors: converted.authors,
        dateline: converted.dateline.map(|d| Dateline {
            place: d.place,
            agency: d.agency,
            date: d.date,
            text: d.text,
        }),
        source: converted.source,
        source_url: converted.source_url,
        tags: converted.tags,
        summary: (!converted.summary.is_empty()).then_some(converted.summary),
        lang: converted.lang,
        images: converted
            .images
            .into_iter()
            .map(|i| Image { caption: i.caption, credit: i.credit, ..Image::default() })
            .collect(),
        embeds: converted
            .embeds
            .into_iter()
            .map(|e| Embed {
                platform: e.platform,
                author: e.author,
                handle: e.handle,
                date: e.date,
                url: e.url,
            })
            .collect(),
        ..FrontMatter::default()
    }
}

/// A moment the text gave (a publication stamp's, an `Updated …` line's) as front matter writes
/// it: RFC 3339 when the text named its zone (`9:30 a.m. ET` is `09:30:00-04:00` in August), the
/// site's time when it gave only a time, else the day.
fn moment_text(
    (year, month, day): (i16, i8, i8),
    time: Option<(i8, i8)>,
    zone: Option<&'static str>,
) -> String {
    let date = format!("{year:04}-{month:02}-{day:02}");
    let Some((hour, minute)) = time else { return date };
    let local = format!("{date}T{hour:02}:{minute:02}:00");
    let zoned = zone.and_then(|zone| {
        let time = local.parse::<DateTime>().ok()?;
        Some(time.in_tz(zone).ok()?.timestamp().to_zoned_datetime(TimeZone::get(zone).ok()?))
    });
    match zoned {
        Some(zoned) => zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        None => format!("{date} {hour:02}:{minute:02}"),
    }
}

/// Keys the user wrote win; derived values fill the gaps.
fn merge(user: FrontMatter, derived: FrontMatter) -> FrontMatter {
    let user_titled = user.title.is_some();
    let user_dated = user.date.is_some();
    FrontMatter {
        title_inferred: if user_titled { false } else { derived.title_inferred },
        title: user.title.or(derived.title),
        date_source: if user_dated { user.date_source } else { derived.date_source },
        date: user.date.or(derived.date),
        updated: user.updated.or(derived.updated),
        authors: if user.authors.is_empty() { derived.authors } else { user.authors },
        dateline: user.dateline.or(derived.dateline),
        source: user.source.or(derived.source),
        source_url: user.source_url.or(derived.source_url),
        summary: user.summary.or(derived.summary),
        tags: if user.tags.is_empty() { derived.tags } else { user.tags },
        lang: user.lang.or(derived.lang),
        images: if user.images.is_empty() { derived.images } else { user.images },
        embeds: if user.embeds.is_empty() { derived.embeds } else { user.embeds },
        ..user
    }
}

/// A headline as a slug's words: up to about sixty characters (a Chinese or Japanese character
/// counts two), cut between words (`U.S. Supreme Court rules on…` gives
/// `u-s-supreme-court-rules-on`), so a URL stays one a person can read out.
fn headline_slug_source(title: &str) -> String {
    const LONGEST: usize = 60;
    let width = |c: char| if crate::text::is_cjk(c) { 2 } else { 1 };
    let mut out = String::new();
    let mut used = 0;
    for word in title.trim_end_matches('…').split_whitespace() {
        let word_width: usize = word.chars().map(width).sum();
        if used + usize::from(used > 0) + word_width > LONGEST {
            if used == 0 {
                // One long word (a headline without spaces): as much of it as fits.
                for c in word.chars() {
                    if used + width(c) > LONGEST {
                        break;
                    }
                    used += width(c);
                    out.push(c);
                }
            }
            break;
        }
        if used > 0 {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += word_width;
    }
    out
}

fn resolve(
    source: &Source,
    prepared: &Prepared,
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Article> {
    let front = &prepared.front;
    let tz = &config.timezone;
    let options = config.markdown_options();
    let path = &source.path;

    let mut bad_date = false;
    // `keys`: the field's name, then its aliases.
    let mut field_date = |keys: &[&str], value: &Option<String>| -> Option<ZonedDateTime> {
        let text = value.as_deref()?;
        match parse_date(text, tz) {
            Some(date) => {
                if let Some(note) = clock_change_note(text, tz, &date) {
                    let found = prepared.yaml.as_deref().and_then(|yaml| front_matter::key_line(yaml, keys));
                    let key = found.map_or(keys[0], |(_, key)| key);
                    diagnostics.push(
                        Diagnostic::warning(path, format!("`{key}: {text}` {note}"))
                            .at_line(found.map(|(line, _)| line)),
                    );
                }
                Some(date)
            }
            None => {
                bad_date = true;
                let found = prepared.yaml.as_deref().and_then(|yaml| front_matter::key_line(yaml, keys));
                // Named as the file spells it (`publishDate:`), else by its own name.
                let key = found.map_or(keys[0], |(_, key)| key);
                diagnostics.push(
                    Diagnostic::error(
                        path,
                        format!("`{key}: {text}` is not a date; write it as 2025-09-12 or 2025-09-12T08:30:00+02:00"),
                    )
                    .at_line(found.map(|(line, _)| line)),
                );
                None
            }
        }
    };
    let written_date = field_date(&["date"], &front.date);
    let updated = field_date(&["updated", "lastmod"], &front.updated);
    let publish_date = field_date(&["publish_date", "publishDate"], &front.publish_date);
    let expiry_date = field_date(&["expiry_date", "expiryDate"], &front.expiry_date);
    if bad_date {
        return None;
    }

    let stem = file_stem(&source.relative);
    let (date, date_source) = match written_date {
        Some(date) => {
            let evidence = match front.date_source.as_deref() {
                Some("dateline") => DateSource::Dateline,
                Some("stamp") => DateSource::Stamp,
                Some("embed_signature") => DateSource::EmbedSignature,
                Some("file_name") => DateSource::FileName,
                Some("folders") => DateSource::Folders,
                Some("month_folders") => DateSource::MonthFolders,
                Some("modified") => DateSource::Modified,
                _ => DateSource::Explicit,
            };
            // A derived or guessed date is weaker than the day a file name or folders give.
            let weaker_than_path = evidence >= DateSource::Dateline;
            match path_date(&source.relative, tz).filter(|_| weaker_than_path) {
                Some(found) => found,
                // An embedded post's date says only how old the story is at least: folders that
                // name a later month say more.
                None if evidence == DateSource::EmbedSignature => {
                    match month_date(&source.relative, front, tz) {
                        Some(month) if month.date > date => month.date_and_source(path, diagnostics),
                        _ => {
                            // The story may be days newer than what it quotes (the seed article's
                            // Friday shooting quotes Monday's post): the curator should know the
                            // day is a guess. A Markdown article's date is the user's, reviewed.
                            if source.kind == SourceKind::Text {
                                diagnostics.push(Diagnostic::warning(
                                    path,
                                    "dated by the post it embeds, the only date in it: the story is at least that recent, and may be days newer; give the file a YYYY-MM-DD- prefix or front matter `date:` if it is",
                                ));
                            }
                            (date, evidence)
                        }
                    }
                }
                None => (date, evidence),
            }
        }
        None => match path_date(&source.relative, tz) {
            Some(found) => found,
            // A clipping filed under `2025/03/` is March 2025's news: the file's modification
            // time (a copy or a fresh clone makes it today) would put it on the front page.
            None => match month_date(&source.relative, front, tz) {
                Some(month) => month.date_and_source(path, diagnostics),
                None => match year_folder_date(&source.relative, front, tz) {
                    Some(date) => (date, DateSource::Dateline),
                    None => {
                        // `import` writes the date it used into a text article; a Markdown one is
                        // the user's to date.
                        let how = match source.kind {
                            SourceKind::Text => {
                                "write `date:` in front matter (`gazette import --in-place` writes the one used now)"
                            }
                            // Hugo's About and Contact pages have a menu entry and no date.
                            SourceKind::Markdown if front.extra.contains_key("menu") => {
                                "write `date:` in its front matter, or, if it is a page such as About or Contact rather than a story, move it to content/pages/ (its `menu:` puts it in the site's menu there)"
                            }
                            SourceKind::Markdown => "write `date:` in its front matter",
                        };
                        // An empty file is warned of as one ("no article text"): where it has no
                        // date is no news.
                        if !prepared.body.trim().is_empty() {
                            // A line that looks like a date, unread: say so, and that `import`
                            // would write the wrong one.
                            let message = match (source.kind, convert::unread_date_line(&prepared.body)) {
                                (SourceKind::Text, Some(line)) => format!(
                                    "no date found: `{line}` looks like one, but was not taken as the article's (a form Gazette does not read, or not where a page's header puts its date); using the file's modification time, so its URL and digest move when the file is edited, copied or checked out again: write `date:` in front matter with the date it gives (as 2025-03-04 or 2025-03-04T22:51:00+05:30)"
                                ),
                                _ => format!(
                                    "no date found (front matter `date:`, a YYYY-MM-DD- file-name prefix, YYYY/MM/DD/ or YYYY/MM/ folders, a dated dateline, a date on a line of its own near the top, a publication stamp or an embedded post); using the file's modification time, so its URL and digest move when the file is edited, copied or checked out again: {how}"
                                ),
                            };
                            diagnostics.push(Diagnostic::warning(path, message));
                        }
                        (modified_time(path, tz), DateSource::Modified)
                    }
                },
            },
        },
    };

    // An article with no text is a paste that failed or a stub: an empty page would lead the
    // front page and the feeds, so it waits as a draft does (a draft may well be a stub). Photos
    // or posts are content of their own, and so is a page bundle's folder of files.
    let file_name = source.relative.rsplit('/').next().unwrap_or(&source.relative);
    let empty = prepared.body.trim().is_empty()
        && front.images.is_empty()
        && front.embeds.is_empty()
        && !crate::discover::is_bundle_index(file_name);
    if empty && !front.draft {
        // Worded for a build with drafts or without: the warning is kept with the article in the
        // ingest cache, which does not depend on `--drafts`.
        diagnostics.push(Diagnostic::warning(
            path,
            "no article text: it is a draft until it has some, left out of the site unless `--drafts` shows drafts",
        ));
    }
    // Hugo leaves raw HTML out the same way, with only a comment in the page to show for it.
    if source.kind == SourceKind::Markdown && !config.unsafe_html {
        const MOST: usize = 3;
        let pieces = markdown::raw_html(&prepared.body);
        for piece in pieces.iter().take(MOST) {
            let line = prepared.body_line + prepared.body[..piece.at].matches('\n').count();
            let what = if piece.inline {
                "is left out of the page, but text between it and its closing tag stays in the paragraph"
            } else {
                "is left out of the page, with the text inside it"
            };
            diagnostics.push(
                Diagnostic::warning(
                    path,
                    format!(
                        "raw HTML (`{}`) {what}; set `markdown: {{unsafe_html: true}}` in site.yaml to keep it",
                        piece.tag
                    ),
                )
                .at_line(Some(line)),
            );
        }
        if let Some(RawHtml { tag: next, .. }) = pieces.get(MOST) {
            let more = match pieces.len() - MOST {
                1 => "1 more piece of raw HTML".to_string(),
                n => format!("{n} more pieces of raw HTML"),
            };
            let verb = if pieces.len() - MOST == 1 { "is" } else { "are" };
            diagnostics.push(Diagnostic::warning(path, format!("and {more} (`{next}`...) {verb} left out")));
        }
    }
    let plain = markdown::to_plain_text(&prepared.body, options);
    let counted = match front.word_count {
        Some(words) => {
            // A count written by `gazette import` goes stale when the text is edited: say so.
            let actual = markdown::count_words(&plain).words;
            if words.abs_diff(actual) > (actual / 10).max(20) {
                let line =
                    prepared.yaml.as_deref().and_then(|yaml| front_matter::key_line(yaml, &["word_count"]));
                diagnostics.push(
                    Diagnostic::warning(
                        path,
                        format!(
                            "`word_count: {words}`, but the text has {actual} words; remove the line (and `reading_time:`) to have them counted"
                        ),
                    )
                    .at_line(line.map(|(line, _)| line)),
                );
            }
            markdown::WordCount { words, cjk: 0 }
        }
        None => markdown::count_words(&plain),
    };
    let word_count = counted.words;
    let title = front
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| humanise(strip_date_prefix(stem)));
    // A headline read from the text is typeset as the text is: `Dress -- STOLEN` over a body
    // with dashes and curly quotes would look raw. One the user wrote is theirs.
    let title = if prepared.title_derived { typeset(title, options) } else { title };
    let name = crate::discover::without_copy_marks(strip_date_prefix(stem));
    // A file a tool named with an id (`000_b1a974f4f2619876.txt`) or with no name at all
    // (`Untitled.txt`, `article(1).txt`) would give the page a URL of that id or word: its
    // headline reads better and says what the page is.
    let mut slug = match &front.slug {
        Some(chosen) => crate::model::chosen_slug(chosen),
        None if file_title::machine_named(name) || is_placeholder_name(name) => {
            slugify(&headline_slug_source(&title))
        }
        None => slugify(name),
    };
    if slug.is_empty() {
        slug = slugify(&title);
    }
    if slug.is_empty() {
        slug = "article".to_string();
    }
    let summary = front.summary.clone().unwrap_or_else(|| match markdown::summary_divider(&prepared.body) {
        // Hugo's and Zola's manual summary: everything above `<!--more-->`.
        Some(at) => markdown::to_plain_text(&prepared.body[..at], options)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        None => markdown::first_paragraph(&prepared.body, options),
    });
    // Typeset as the body is (curly quotes, dashes), so a card does not show "straight" quotes
    // over a story that shows “curly” ones.
    let summary = typeset(summary, options);
    let summary_in_body = crate::text::contains_words(&plain, &summary);
    let tidy_tags = tidy_names(&front.tags, false);
    let tidy_authors = tidy_names(&front.authors, true);
    for (key, tidy) in [("tags", &tidy_tags), ("authors", &tidy_authors)] {
        for (dropped, kept) in &tidy.merged {
            diagnostics.push(Diagnostic::warning(
                &source.path,
                format!(
                    "`{key}:` lists `{dropped}` and `{kept}`, which make the same URL once their symbols are dropped, so the article is listed under `{kept}` only; write one of them another way to give it a page of its own"
                ),
            ));
        }
        for name in &tidy.pageless {
            diagnostics.push(Diagnostic::warning(
                &source.path,
                format!(
                    "`{key}:` lists `{name}`, which has no letter or digit to make its page's URL of, so it is left out; write it with words"
                ),
            ));
        }
    }
    let (tags, authors) = (tidy_tags.names, tidy_authors.names);
    let mut auto_tags: Vec<String> = Vec::new();
    // German capitalises every noun, so capitals, which the tagger reads names from, say nothing
    // there: a German story's tags would be its nouns ("Datenbank", "Version").
    let nouns_capitalised = front
        .lang
        .as_deref()
        .is_some_and(|lang| ["de", "lb"].iter().any(|german| crate::model::same_language(lang, german)));
    if let Some(tag_options) = config.auto_tags.as_ref().filter(|_| !nouns_capitalised) {
        // A found tag whose page would be one the article already has is left out, and so is
        // its publisher ("Photo by James Martin/CNET") or its writer ("Jane Roe reported from
        // Seoul"): the story is from or by them, not about them, and has their pages already.
        let mut slugs: Vec<String> = tags.iter().map(|tag| term_slug(tag)).collect();
        let own: Vec<String> = front
            .source
            .iter()
            .chain(&authors)
            .map(|name| term_slug(name.trim().strip_prefix("The ").unwrap_or(name.trim())))
            .collect();
        for tag in crate::model::entities::auto_tags(&title, &plain, tag_options) {
            let slug = term_slug(&tag);
            let own_name = match tag.strip_prefix("The ") {
                Some(rest) => own.contains(&term_slug(rest)),
                None => own.contains(&slug),
            };
            if !slugs.contains(&slug) && !own_name {
                slugs.push(slug);
                auto_tags.push(tag);
            }
        }
    }
    let mut aliases = Vec::with_capacity(front.aliases.len());
    for alias in &front.aliases {
        match alias_output_path(alias, &config.base_path()) {
            Ok(output) => aliases.push(output),
            Err(why) => diagnostics.push(
                Diagnostic::error(path, format!("alias `{alias}` {why}")).at_line(
                    prepared
                        .yaml
                        .as_deref()
                        .and_then(|yaml| front_matter::key_line(yaml, &["aliases"]))
                        .map(|(line, _)| line),
                ),
            ),
        }
    }
    // Hugo's `url:` sets a page's address; an article's is dated here, so the one written is kept
    // as an alias that redirects to it, and links to the old site keep working.
    if let Some(url) = front.extra.get(HUGO_URL).and_then(serde_json::Value::as_str) {
        let line = prepared
            .yaml
            .as_deref()
            .and_then(|yaml| front_matter::key_line(yaml, &[HUGO_URL]))
            .map(|(line, _)| line);
        match alias_output_path(url, &config.base_path()) {
            Ok(output) => {
                aliases.push(output);
                diagnostics.push(Diagnostic::warning(path, "`url:` is kept as an alias: an article's URL is dated here (/YYYY/MM/DD/slug/), so the address written redirects to it; write it under `aliases:` to keep it so without this warning").at_line(line));
            }
            // Hugo read it, and it was only an unknown key before: no reason to refuse the build.
            Err(why) => diagnostics.push(
                Diagnostic::warning(path, format!("`url: {url}` is left out: as an alias, it {why}"))
                    .at_line(line),
            ),
        }
    }
    let signature =
        config.clusters.as_ref().and_then(|c| crate::model::cluster::signature(&plain, c.shingle));
    // Only a web address is linked to: a `javascript:` one would run in the reader's browser.
    let source_url = front.source_url.clone().filter(|url| {
        let web = url.starts_with("https://") || url.starts_with("http://");
        if !web {
            let line = prepared
                .yaml
                .as_deref()
                .and_then(|yaml| front_matter::key_line(yaml, &["source_url"]))
                .map(|(line, _)| line);
            diagnostics.push(
                Diagnostic::warning(
                    path,
                    format!(
                        "`source_url: {url}` is left out: write the original article's address, https://…"
                    ),
                )
                .at_line(line),
            );
        }
        web
    });
    Some(Article {
        source_path: source.relative.clone(),
        slug,
        slug_chosen: front.slug.is_some(),
        title,
        title_inferred: front.title_inferred,
        date,
        date_source,
        updated,
        publish_date,
        expiry_date,
        draft: front.draft || empty || hugo_unrendered(&front.extra).is_some(),
        authors,
        dateline: front.dateline.clone(),
        source: front.source.clone(),
        source_url,
        summary,
        description: front.description.clone(),
        summary_in_body,
        tags,
        auto_tags,
        lang: front.lang.clone(),
        word_count,
        reading_time: front.reading_time.unwrap_or_else(|| markdown::reading_minutes(counted)),
        images: front.images.clone(),
        embeds: front.embeds.clone(),
        body_markdown: prepared.body.as_str().into(),
        aliases,
        extra: template_extra(&front.extra),
        signature,
        bundle_files: Vec::new(),
    })
}

/// The key by which Hugo renders no page for a file (`headless: true`, `_build: {render:
/// never}`, `build: {render: false}`): a migrated site's snippets and unlisted bundles, which
/// published would lead the front page and the feeds.
fn hugo_unrendered(extra: &BTreeMap<String, serde_json::Value>) -> Option<&'static str> {
    use serde_json::Value;
    if extra.get("headless") == Some(&Value::Bool(true)) {
        return Some("headless");
    }
    ["_build", "build"].into_iter().find(|key| {
        extra.get(*key).and_then(|options| options.get("render")).is_some_and(|render| {
            *render == Value::Bool(false) || matches!(render.as_str(), Some("never" | "false"))
        })
    })
}

/// Hugo's front-matter key for a page's own address, kept as an article's alias.
const HUGO_URL: &str = "url";

/// The front-matter key that holds settings for templates by name (Zola's `[extra]` table).
const EXTRA_TABLE: &str = "extra";

/// The keys templates see as `article.extra.KEY`: every key Gazette does not read, with the
/// `extra:` table's keys among them, as Zola templates read `page.extra.KEY` (a key written at
/// the top level wins).
fn template_extra(front: &BTreeMap<String, serde_json::Value>) -> BTreeMap<String, serde_json::Value> {
    let mut extra = front.clone();
    if let Some(serde_json::Value::Object(table)) = extra.remove(EXTRA_TABLE) {
        for (key, value) in table {
            extra.entry(key).or_insert(value);
        }
    } else if let Some(value) = front.get(EXTRA_TABLE) {
        extra.insert(EXTRA_TABLE.to_string(), value.clone());
    }
    extra
}

/// The file a redirect for `alias` is written to: `/old/story/` and `old/story` give
/// `old/story/index.html`, `/old/story.html` gives `old/story.html`. An alias may be written with
/// the site's base path (`/news/old/` on a site under `/news/`), as links to it are.
fn alias_output_path(alias: &str, base_path: &str) -> Result<String, &'static str> {
    let alias = alias.trim();
    if alias.contains("://") || alias.starts_with("//") {
        return Err("is a full URL; write the old address as a path on this site (/old/story/)");
    }
    if alias.contains(['?', '#', '\\']) {
        return Err("has a query, fragment or backslash; write a plain path (/old/story/)");
    }
    let alias = alias.strip_prefix(base_path).filter(|_| base_path != "/").unwrap_or(alias);
    let alias = alias.trim_start_matches('/');
    let output = if alias.ends_with(".html") || alias.ends_with(".htm") {
        alias.to_string()
    } else if alias.is_empty() {
        return Err("is the site's front page");
    } else {
        format!("{}/index.html", alias.trim_end_matches('/'))
    };
    crate::model::check_output_path(&output)
        .map_err(|_| "leaves the site (`..`, `.` or an empty segment)")?;
    Ok(output)
}

/// Parses `2025-09-12`, `2025-09-12T08:30[:00]` (site time) or an RFC 3339 time with offset.
pub fn parse_date(text: &str, tz: &TimeZone) -> Option<ZonedDateTime> {
    let text = text.trim();
    if let Ok(timestamp) = text.parse::<jiff::Timestamp>() {
        return Some(timestamp.to_zoned_datetime(tz.clone()));
    }
    if let Ok(datetime) = text.parse::<DateTime>() {
        return datetime.to_zoned_datetime(tz.clone()).ok();
    }
    if let Ok(date) = text.parse::<Date>() {
        return date.to_zoned_datetime(tz.clone()).ok();
    }
    hugo_date(text, tz)
}

/// What to tell the user when `text`, a time with no offset, is one the site's zone `tz` skips
/// or repeats at a clock change (`2021-03-28 02:30` in Berlin never happened; `2021-10-31 02:30`
/// happened twice): the time it was read as (`read`), so an article is not silently an hour off.
fn clock_change_note(text: &str, tz: &TimeZone, read: &ZonedDateTime) -> Option<String> {
    let text = text.trim();
    if text.parse::<jiff::Timestamp>().is_ok() {
        return None;
    }
    let datetime = text.parse::<DateTime>().ok()?;
    let zone = tz.iana_name().unwrap_or("the site's time zone");
    let read = read.strftime("%H:%M%:z");
    match tz.to_ambiguous_timestamp(datetime).offset() {
        jiff::tz::AmbiguousOffset::Gap { .. } => Some(format!(
            "is a time the clocks skipped in {zone} (they were put forward), read as {read}; write the offset to say which you mean"
        )),
        jiff::tz::AmbiguousOffset::Fold { .. } => Some(format!(
            "happened twice in {zone} (the clocks were put back), read as the first, {read}; write the offset to say which you mean"
        )),
        jiff::tz::AmbiguousOffset::Unambiguous { .. } => None,
    }
}

/// The other ways Hugo reads a front-matter date, so a Hugo site's posts build as they are:
/// RFC 2822 (`Tue, 05 Mar 2024 09:30:00 +0000`, as feeds and mail write dates), a time with
/// its numeric offset after a space (`2024-03-05 09:30:00 +0100` or `-07:00`), and a day, month
/// and year (`05 Mar 2024`, `5 March 2024`).
fn hugo_date(text: &str, tz: &TimeZone) -> Option<ZonedDateTime> {
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(text) {
        return Some(zoned.timestamp().to_zoned_datetime(tz.clone()));
    }
    // `2024-03-05 09:30:00 +0100` (or `-07:00`): the offset joined to the time, with a colon.
    if let Some((time, offset)) = text.rsplit_once(' ')
        && time.len() > 10
        && offset.starts_with(['+', '-'])
        && let Some(offset) = match offset.len() {
            5 if offset[1..].bytes().all(|b| b.is_ascii_digit()) => {
                Some(format!("{}:{}", &offset[..3], &offset[3..]))
            }
            6 => Some(offset.to_string()),
            _ => None,
        }
        && let Ok(timestamp) = format!("{time}{offset}").parse::<jiff::Timestamp>()
    {
        return Some(timestamp.to_zoned_datetime(tz.clone()));
    }
    ["%d %b %Y", "%d %B %Y"]
        .iter()
        .find_map(|format| Date::strptime(format, text).ok())
        .and_then(|date| date.to_zoned_datetime(tz.clone()).ok())
}

/// Formats a date as front matter writes it: a plain date at midnight, RFC 3339 otherwise.
pub fn format_date(date: &ZonedDateTime) -> String {
    if date.time() == jiff::civil::Time::midnight() {
        date.date().to_string()
    } else {
        crate::model::rfc3339(date)
    }
}

/// A date from a `YYYY-MM-DD-` file-name prefix, else from `YYYY/MM/DD/` folders.
fn path_date(relative: &str, tz: &TimeZone) -> Option<(ZonedDateTime, DateSource)> {
    let stem = file_stem(relative);
    if let Some(date) = date_prefix(stem) {
        return Some((date.to_zoned_datetime(tz.clone()).ok()?, DateSource::FileName));
    }
    folders_of(relative)
        .windows(3)
        .rev()
        .find_map(|w| {
            let (y, m, d) = (w[0], w[1], w[2]);
            if !(all_digits(y, 4) && all_digits(m, 2) && all_digits(d, 2)) {
                return None;
            }
            let date = Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()?;
            Some((date.to_zoned_datetime(tz.clone()).ok()?, DateSource::Folders))
        })
        .or_else(|| {
            // `clip 2025-02-14 valentines.txt`: a date inside the name, set apart from digits.
            let date = date_inside(stem)?;
            Some((date.to_zoned_datetime(tz.clone()).ok()?, DateSource::FileName))
        })
}

/// A file name that names no story: what a tool saves a page as when it is given no name.
fn is_placeholder_name(name: &str) -> bool {
    const PLACEHOLDERS: &[&str] =
        &["untitled", "article", "document", "new document", "clipping", "download"];
    let name = name.trim().to_lowercase();
    PLACEHOLDERS
        .contains(&name.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '-' || c == '_'))
}

/// A `YYYY-MM-DD` date anywhere in a file's name, set apart from letters and digits on either
/// side.
fn date_inside(stem: &str) -> Option<Date> {
    let bytes = stem.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|at| {
        let candidate = stem.get(at..at + 10)?;
        let apart = (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && bytes.get(at + 10).is_none_or(|byte| !byte.is_ascii_alphanumeric());
        if !apart || bytes[at + 4] != b'-' || bytes[at + 7] != b'-' {
            return None;
        }
        candidate.parse::<Date>().ok()
    })
}

/// The first day of the month that the deepest `YYYY/MM/` folders of `relative` name, and those
/// folders as written: for an article that [`path_date`] finds no day for.
fn month_folders(relative: &str, tz: &TimeZone) -> Option<(ZonedDateTime, String)> {
    folders_of(relative).windows(2).rev().find_map(|w| {
        let (y, m) = (w[0], w[1]);
        if !(all_digits(y, 4) && all_digits(m, 2)) {
            return None;
        }
        let first_day = Date::new(y.parse().ok()?, m.parse().ok()?, 1).ok()?;
        Some((first_day.to_zoned_datetime(tz.clone()).ok()?, format!("{y}/{m}/")))
    })
}

/// The folders of `relative` (a file's path under the content folder), outermost first.
fn folders_of(relative: &str) -> Vec<&str> {
    let mut folders: Vec<&str> = relative.split('/').collect();
    folders.pop();
    folders
}

/// Whether `text` is `len` ASCII digits (`+202` parses as a number, but is no year folder).
fn all_digits(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit())
}

/// A date from `YYYY/MM/` folders, which name the month but not the day.
struct MonthDate {
    date: ZonedDateTime,
    /// The folders as written (`2025/03/`), when the day is the month's first, a guess.
    guessed_from: Option<String>,
}

impl MonthDate {
    /// The date and its evidence, the warning pushed when the day is a guess.
    fn date_and_source(self, path: &Path, diagnostics: &mut Vec<Diagnostic>) -> (ZonedDateTime, DateSource) {
        let Some(folders) = self.guessed_from else {
            return (self.date, DateSource::Dateline);
        };
        diagnostics.push(Diagnostic::warning(
            path,
            format!(
                "no day found (front matter `date:`, a YYYY-MM-DD- file-name prefix, YYYY/MM/DD/ folders, a dated dateline, a date on a line of its own near the top or a publication stamp): dated {}, the first of the month that its folders `{folders}` name; write `date:` to give the day",
                self.date.date()
            ),
        ));
        (self.date, DateSource::MonthFolders)
    }
}

/// The date `YYYY/MM/` folders give: the day that a dateline of the folders' month names without
/// a year (`PARIS, March 12 (Reuters) -`), else the month's first day.
fn month_date(relative: &str, front: &FrontMatter, tz: &TimeZone) -> Option<MonthDate> {
    let (first_day, folders) = month_folders(relative, tz)?;
    let dateline_day = front
        .dateline
        .as_ref()
        .and_then(|dateline| convert::parse_month_day(dateline.date.as_deref()?))
        .filter(|&(month, _, year)| month == first_day.month() && year.is_none_or(|y| y == first_day.year()))
        .and_then(|(_, day, _)| first_day.date().with().day(day).build().ok())
        .and_then(|day| day.to_zoned_datetime(tz.clone()).ok());
    Some(match dateline_day {
        Some(date) => MonthDate { date, guessed_from: None },
        None => MonthDate { date: first_day, guessed_from: Some(folders) },
    })
}

/// The day a dateline without a year gives (`NEW YORK, March 12 (Reuters) -`), in the year a
/// folder of the path names (`2023/markets/oil.txt`): a clipping filed by year.
fn year_folder_date(relative: &str, front: &FrontMatter, tz: &TimeZone) -> Option<jiff::ZonedDateTime> {
    let (folders, _) = relative.rsplit_once('/')?;
    let year: i16 = folders
        .rsplit('/')
        .filter(|folder| folder.len() == 4)
        .filter_map(|folder| folder.parse().ok())
        // News archives' years; `books/1984/` is a title.
        .find(|year| (1990..=2100).contains(year))?;
    let (month, day, written_year) = convert::parse_month_day(front.dateline.as_ref()?.date.as_deref()?)?;
    if written_year.is_some_and(|written| written != year) {
        return None;
    }
    Date::new(year, month, day).ok()?.to_zoned_datetime(tz.clone()).ok()
}

/// The date a file name starts with, set off by `-`, `_` or a space (`2025-09-12-shooting`,
/// `2025-09-12 Lawmakers clash over spending`, as a person names a clipping).
fn date_prefix(stem: &str) -> Option<Date> {
    let prefix = stem.get(..10)?;
    let rest = &stem[10..];
    if !(rest.is_empty() || rest.starts_with(['-', '_', ' '])) {
        return None;
    }
    prefix.parse::<Date>().ok()
}

fn strip_date_prefix(stem: &str) -> &str {
    match date_prefix(stem) {
        Some(_) => stem[10..].trim_start_matches(['-', '_', ' ']),
        None => stem,
    }
}

/// The name an article's slug and file-name date come from: the file's name without its
/// extension, or for a page bundle's `index.md` (Hugo's and Zola's layout for an article with its
/// images), the bundle folder's name.
fn file_stem(relative: &str) -> &str {
    let (folder, name) = relative.rsplit_once('/').unwrap_or(("", relative));
    if crate::discover::is_bundle_index(name) && !folder.is_empty() {
        return folder.rsplit('/').next().unwrap_or(folder);
    }
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

/// The file's modification time to the second: front matter (`gazette import`) writes dates to
/// the second, and a site built from imported files must be the site built from the text.
fn modified_time(path: &Path, tz: &TimeZone) -> ZonedDateTime {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| jiff::Timestamp::try_from(t).ok())
        .and_then(|t| jiff::Timestamp::from_second(t.as_second()).ok())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    modified.to_zoned_datetime(tz.clone())
}

fn humanise(stem: &str) -> String {
    crate::text::capitalised(stem.replace(['-', '_'], " ").trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc() -> TimeZone {
        TimeZone::UTC
    }

    #[test]
    fn a_file_named_with_an_id_takes_its_slug_from_the_headline() {
        for id in
            ["000_b1a974f4f2619876", "aeb-reuters-57d46c9d", "bbc-news-12345678", "clip 4f2a9c1e-77aa-4c1b"]
        {
            assert!(file_title::machine_named(id), "{id}");
        }
        for name in [
            "scan-0042-0043",
            "g7-summit-ends",
            "covid19-vaccines",
            "decade-of-deface",
            "2025-budget",
            "feedbeef",
            "20250312-council-vote",
            "cpi-feb2025",
            "budget-dec2024",
            "face2face-talks",
            "dow-40000",
            "2025-03-12-143000",
        ] {
            assert!(!file_title::machine_named(name), "{name}");
        }
        assert_eq!(
            slugify(&headline_slug_source(
                "An Immigration and Customs Enforcement officer fatally shot a man"
            )),
            "an-immigration-and-customs-enforcement-officer-fatally-shot"
        );
        assert_eq!(slugify(&headline_slug_source("Prosecutors drop the case…")), "prosecutors-drop-the-case");
        let chinese =
            "香港立法會今日通過了一項關於房屋政策的重要法案並將於明年生效實施以解決長期住房短缺問題";
        assert_eq!(headline_slug_source(chinese).chars().count(), 30, "sixty columns");
    }

    #[test]
    fn slugs_cannot_escape() {
        assert_eq!(slugify("../../x"), "x");
        assert_eq!(slugify("ICE officer’s shot: “Chicago”!"), "ice-officers-shot-chicago");
        assert_eq!(slugify("Zürich / São Paulo"), "zürich-são-paulo");
        assert_eq!(slugify("İzmir and İstanbul"), "izmir-and-istanbul");
        // A name macOS wrote, its accents apart from their letters, slugs as anywhere else.
        assert_eq!(slugify("cafe\u{301}-nfd"), "café-nfd");
        assert_eq!(term_slug("Jose\u{301} A\u{301}lvarez"), "josé-álvarez");
        // An article's slug never moves: periods part words.
        assert_eq!(slugify("U.S. tariffs"), "u-s-tariffs");
        // A term's initials with or without periods share a slug; other periods part words.
        for (spelling, slug) in [
            ("U.S.", "us"),
            ("US", "us"),
            ("U.S. Senate", "us-senate"),
            ("J.K. Rowling", "jk-rowling"),
            ("J. K. Rowling", "jk-rowling"),
            ("A. Smith", "a-smith"),
            ("Snopes.com", "snopes-com"),
            ("Web 3.0", "web-3-0"),
            ("Plan 9. A", "plan-9-a"),
            ("U.S.-China talks", "us-china-talks"),
        ] {
            assert_eq!(term_slug(spelling), slug, "{spelling}");
        }
        assert_eq!(slugify("..."), "");
    }

    #[test]
    fn a_pages_place_in_the_menu_is_read_as_hugo_writes_it_and_odd_values_are_said() {
        let place = |yaml: &str| {
            let extra: BTreeMap<String, serde_json::Value> = crate::yaml::parse(yaml).unwrap();
            let mut said = Vec::new();
            let place = menu_place(&extra, &mut |message| said.push(message));
            (place, said.len())
        };
        assert_eq!(place("title: x"), ((false, None), 0));
        assert_eq!(place("menu: true\nweight: 3"), ((true, Some(3)), 0));
        assert_eq!(place("menu: main"), ((true, None), 0));
        assert_eq!(place("menu: {main: {weight: 2}}"), ((true, Some(2)), 0));
        assert_eq!(place("menu: false"), ((false, None), 0));
        for odd in ["menu: footer", "menu: ''", "menu: 'false'", "menu: 0"] {
            assert_eq!(place(odd), ((false, None), 1), "{odd}");
        }
        assert_eq!(place("menu: true\nweight: '10'"), ((true, None), 1));
        assert_eq!(place("menu: true\nweight: 1.5"), ((true, None), 1));
    }

    #[test]
    fn tags_and_authors_are_tidied() {
        let names = |list: &[&str]| list.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let tags = tidy_names(&names(&["Media Watch", "media watch", " Markets ", "", "markets"]), false);
        assert_eq!(tags.names, ["Media Watch", "Markets"]);
        assert!(tags.merged.is_empty() && tags.pageless.is_empty());
        let authors =
            tidy_names(&names(&["By Dana Whitfield", "dana whitfield", "Byron Lee", "by the way"]), true);
        assert_eq!(authors.names, ["Dana Whitfield", "Byron Lee", "by the way"]);
        assert!(authors.merged.is_empty());
        // Different names on one page: the first is kept, and the other is reported.
        let tags = tidy_names(&names(&["C++", "C#", "U.S.", "US"]), false);
        assert_eq!(tags.names, ["C++", "U.S."]);
        assert_eq!(tags.merged, [("C#".to_string(), "C++".to_string())]);
        // Names that make no URL are reported, not merged with one another.
        let tags = tidy_names(&names(&["/", "..", "Harbour", "???"]), false);
        assert_eq!(tags.names, ["Harbour"]);
        assert_eq!(tags.pageless, ["/", "..", "???"]);
    }

    #[test]
    fn dates_from_file_names_and_folders() {
        let (date, source) = path_date("2025-09-12-shooting.txt", &utc()).unwrap();
        assert_eq!((date.date().to_string(), source), ("2025-09-12".to_string(), DateSource::FileName));
        let (date, _) = path_date("2025-09-12 Lawmakers clash over spending.txt", &utc()).unwrap();
        assert_eq!(date.date().to_string(), "2025-09-12", "as a person names a clipping");
        assert_eq!(strip_date_prefix("2025-09-12 Lawmakers clash"), "Lawmakers clash");
        let (date, source) = path_date("news/2025/09/13/shooting.txt", &utc()).unwrap();
        assert_eq!((date.date().to_string(), source), ("2025-09-13".to_string(), DateSource::Folders));
        assert!(path_date("2025/13/40/x.txt", &utc()).is_none());
        assert!(path_date("2025-09-12x.txt", &utc()).is_none());
        assert!(path_date("+202/03/04/x.txt", &utc()).is_none(), "a sign is no digit");
        // Page bundles: the folder names the article.
        let (date, source) = path_date("posts/2025-09-14-flood/index.md", &utc()).unwrap();
        assert_eq!((date.date().to_string(), source), ("2025-09-14".to_string(), DateSource::FileName));
        let (date, source) = path_date("2025/09/15/flood/index.txt", &utc()).unwrap();
        assert_eq!((date.date().to_string(), source), ("2025-09-15".to_string(), DateSource::Folders));
        // Month folders give no day: `path_date` leaves them to `month_folders`.
        assert!(path_date("2025/03/storm.txt", &utc()).is_none());
        // A date inside the name, as a clipping tool or a person writes it.
        let (date, source) = path_date("clips/clip 2025-02-14 valentines.txt", &utc()).unwrap();
        assert_eq!((date.date().to_string(), source), ("2025-02-14".to_string(), DateSource::FileName));
        assert!(path_date("ref12025-02-14.txt", &utc()).is_none(), "run into other characters");
    }

    #[test]
    fn copy_marks_and_placeholder_names_make_no_slug() {
        use crate::discover::without_copy_marks;
        assert_eq!(without_copy_marks("eurozone-inflation-march(1)"), "eurozone-inflation-march");
        assert_eq!(without_copy_marks("report (12)"), "report");
        assert_eq!(without_copy_marks("Copy of ap-wildfire"), "ap-wildfire");
        assert_eq!(without_copy_marks("report - Copy"), "report");
        assert_eq!(without_copy_marks("budget (draft)"), "budget (draft)");
        assert_eq!(without_copy_marks("G7 summit (2025)"), "G7 summit (2025)", "a year, no count");
        for name in ["Untitled", "article", "Article 2", "untitled-3", "New Document"] {
            assert!(is_placeholder_name(name), "{name}");
        }
        assert!(!is_placeholder_name("article-on-budget"));
    }

    #[test]
    fn a_year_folder_dates_a_dateline_without_a_year() {
        let front = |date: &str| FrontMatter {
            dateline: Some(Dateline {
                place: "NEW YORK".into(),
                date: Some(date.into()),
                ..Dateline::default()
            }),
            ..FrontMatter::default()
        };
        let date = year_folder_date("2023/markets/oil.txt", &front("March 12"), &utc()).unwrap();
        assert_eq!(date.date().to_string(), "2023-03-12");
        assert!(year_folder_date("2023/markets/oil.txt", &front("March 12, 2022"), &utc()).is_none());
        assert!(year_folder_date("markets/oil.txt", &front("March 12"), &utc()).is_none());
    }

    #[test]
    fn month_folders_give_the_first_of_the_month() {
        let month = |relative: &str| {
            month_folders(relative, &utc()).map(|(date, folders)| (date.date().to_string(), folders))
        };
        assert_eq!(month("2025/03/storm.txt"), Some(("2025-03-01".to_string(), "2025/03/".to_string())));
        assert_eq!(
            month("clippings/2024/11/wire/storm.txt"),
            Some(("2024-11-01".to_string(), "2024/11/".to_string()))
        );
        // The deepest pair wins, as for day folders.
        assert_eq!(
            month("2023/01/2024/12/storm.txt"),
            Some(("2024-12-01".to_string(), "2024/12/".to_string()))
        );
        for no_month in [
            "2025/13/storm.txt",
            "2025/3/storm.txt",
            "1234/ab/storm.txt",
            "+202/03/storm.txt",
            "storm.txt",
            "03/storm.txt",
        ] {
            assert_eq!(month(no_month), None, "{no_month}");
        }
        // The file's own name is no folder.
        assert_eq!(month("2025/03.txt"), None);
    }

    #[test]
    fn shortcodes_and_zola_links_are_found() {
        assert_eq!(foreign_markup(r#"{{< figure src="x.jpg" >}}"#), Some((0, 26, "a Hugo shortcode")));
        assert_eq!(foreign_markup("Note: {{% note %}}"), Some((6, 18, "a Hugo shortcode")));
        assert_eq!(foreign_markup(r#"{{ youtube(id="abc") }}."#), Some((0, 23, "a Zola shortcode")));
        assert_eq!(foreign_markup(r#"{% quote(author="A") %}"#), Some((0, 23, "a Zola shortcode")));
        assert_eq!(foreign_markup("See [the vote](@/news/vote.md)."), Some((15, 29, "a Zola internal link")));
        assert_eq!(foreign_markup("Unclosed {{< tweet 1"), Some((9, 20, "a Hugo shortcode")));
        for plain in ["A {{ curly }} brace", "{% if x %}", "Text (with parens)", "[link](/a/)"] {
            assert_eq!(foreign_markup(plain), None, "{plain}");
        }
        let mut found = Vec::new();
        let body = "Intro.\n\n```\n{{< not-this >}}\n```\n\n{{< tweet 1 >}}\n";
        report_foreign_markup(body, 5, Path::new("a.md"), &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].line, Some(11));
        // Each one on a line is reported, as far as its end.
        let mut found = Vec::new();
        let line = r#"See [the budget](@/opinion/budget.md) and {{ youtube(id="abc") }}."#;
        report_foreign_markup(line, 1, Path::new("a.md"), &mut found);
        let said: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[0].starts_with("a Zola internal link `@/opinion/budget.md` is left"), "{said:?}");
        assert!(said[1].starts_with(r#"a Zola shortcode `{{ youtube(id="abc") }}` is printed"#), "{said:?}");
    }

    #[test]
    fn a_time_the_clocks_skip_or_repeat_is_told() {
        let berlin = TimeZone::get("Europe/Berlin").unwrap();
        let note = |text: &str| clock_change_note(text, &berlin, &parse_date(text, &berlin).unwrap());
        let skipped = note("2021-03-28 02:30").expect("skipped");
        assert!(
            skipped.contains("skipped in Europe/Berlin") && skipped.contains("read as 03:30+02:00"),
            "{skipped}"
        );
        let twice = note("2021-10-31 02:30").expect("repeated");
        assert!(twice.contains("happened twice") && twice.contains("02:30+02:00"), "{twice}");
        for plain in ["2021-03-28 03:30", "2021-03-28", "2021-03-28T02:30:00+01:00", "2021-10-31T00:30:00Z"] {
            assert_eq!(note(plain), None, "{plain}");
        }
    }

    #[test]
    fn a_moment_from_the_text_keeps_its_zone() {
        let at = |time, zone| moment_text((2025, 8, 31), time, zone);
        assert_eq!(at(Some((9, 30)), Some("America/New_York")), "2025-08-31T09:30:00-04:00");
        assert_eq!(at(Some((9, 30)), Some("UTC")), "2025-08-31T09:30:00+00:00");
        assert_eq!(at(Some((15, 12)), Some("Etc/GMT+5")), "2025-08-31T15:12:00-05:00", "EST in summer");
        assert_eq!(at(Some((9, 30)), None), "2025-08-31 09:30");
        assert_eq!(at(None, None), "2025-08-31");
        for text in ["2025-08-31T09:30:00-04:00", "2025-08-31 09:30", "2025-08-31"] {
            assert!(parse_date(text, &TimeZone::UTC).is_some(), "{text} is read back");
        }
    }

    #[test]
    fn aliases_are_paths_on_the_site() {
        assert_eq!(alias_output_path("/news/old-story/", "/").unwrap(), "news/old-story/index.html");
        assert_eq!(alias_output_path("news/old-story", "/").unwrap(), "news/old-story/index.html");
        assert_eq!(alias_output_path("/old.html", "/").unwrap(), "old.html");
        assert_eq!(alias_output_path("/news/old/", "/news/").unwrap(), "old/index.html", "base path written");
        assert_eq!(alias_output_path("/old/", "/news/").unwrap(), "old/index.html");
        for bad in ["https://example.org/old/", "/old/?p=3", "/../etc/", "/", "a//b", "/a/./b/"] {
            assert!(alias_output_path(bad, "/").is_err(), "{bad}");
        }
    }

    #[test]
    fn a_bundles_index_is_named_by_its_folder() {
        assert_eq!(file_stem("2025/09/15/flood-defences/index.md"), "flood-defences");
        assert_eq!(file_stem("posts/2025-09-14-flood/INDEX.txt"), "INDEX", "only `index` names a bundle");
        assert_eq!(file_stem("index.md"), "index", "the content folder itself is no bundle");
        assert_eq!(file_stem("news/indexes.txt"), "indexes");
    }

    #[test]
    fn date_text_in_site_time_zone() {
        let paris = TimeZone::get("Europe/Paris").unwrap();
        let date = parse_date("2025-09-12T23:30:00Z", &paris).unwrap();
        assert_eq!(date.date().to_string(), "2025-09-13");
        let date = parse_date("2025-09-12 08:30", &paris).unwrap();
        assert_eq!(format_date(&date), "2025-09-12T08:30:00+02:00");
        assert_eq!(format_date(&parse_date("2025-09-12", &paris).unwrap()), "2025-09-12");
        assert!(parse_date("12/09/2025", &paris).is_none());
        // As Hugo reads them.
        for (text, read) in [
            ("Tue, 05 Mar 2024 09:30:00 +0000", "2024-03-05T10:30:00+01:00"),
            ("05 Mar 2024 09:30:00 GMT", "2024-03-05T10:30:00+01:00"),
            ("2024-03-05 09:30:00 +0100", "2024-03-05T09:30:00+01:00"),
            ("2024-03-05 09:30:00 -07:00", "2024-03-05T17:30:00+01:00"),
            ("05 Mar 2024", "2024-03-05"),
            ("5 March 2024", "2024-03-05"),
        ] {
            assert_eq!(
                parse_date(text, &paris).map(|date| format_date(&date)).as_deref(),
                Some(read),
                "{text}"
            );
        }
        assert!(parse_date("2024-03-05 09:30:00 +01", &paris).is_none());
        assert!(parse_date("March 2024", &paris).is_none());
    }

    #[test]
    fn user_front_matter_wins() {
        let user = FrontMatter { title: Some("Mine".into()), ..FrontMatter::default() };
        let derived = FrontMatter {
            title: Some("Derived".into()),
            title_inferred: true,
            authors: vec!["A".into()],
            ..FrontMatter::default()
        };
        let merged = merge(user, derived);
        assert_eq!(merged.title.as_deref(), Some("Mine"));
        assert!(!merged.title_inferred);
        assert_eq!(merged.authors, ["A"]);
    }
}
