//! `gazette check`: build the site in memory and check what a reader or a crawler would trip on.
//!
//! Every internal link and `#anchor` must lead somewhere, every HTML page needs a title and a
//! description, and every feed and sitemap must parse. Each problem is reported with the page it
//! is on, so a broken link in a template or an article is found before publishing.

use std::collections::{BTreeMap, HashSet};

use crate::diagnostic::Diagnostic;

/// Checks a built site given as output path -> bytes; `base_path` is the path part of the base
/// URL (`/news/`, see [`crate::config::Config::base_path`]), used to resolve root-based links.
pub fn site(files: &BTreeMap<String, Vec<u8>>, base_url: &str, base_path: &str) -> Vec<Diagnostic> {
    site_holding_back(files, &BTreeMap::new(), &HashSet::new(), base_url, base_path)
}

/// [`site`], knowing the pages the build holds back: `held_back` maps each one's file
/// (`2025/06/01/plan/index.html`) to what a link to it leads to (see [`held_back_pages`]), which
/// a broken link to it says instead of "no such page", which would send the user looking for a
/// typo. `copied` are the static files among `files`: copied as they are (a search engine's
/// verification page, a file of the old site), so their links are checked but not whether they
/// have a title and a description, which are not Gazette's to give.
pub fn site_holding_back(
    files: &BTreeMap<String, Vec<u8>>,
    held_back: &BTreeMap<String, String>,
    copied: &HashSet<String>,
    base_url: &str,
    base_path: &str,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut ids: BTreeMap<&str, HashSet<String>> = BTreeMap::new();
    for (path, bytes) in files {
        if path.ends_with(".html") {
            let html = without_scripts(&String::from_utf8_lossy(bytes));
            ids.insert(path, attribute_values(&html, "id").into_iter().collect());
        }
    }
    let pages = Pages { files, ids, held_back };
    for (path, bytes) in files {
        let text = String::from_utf8_lossy(bytes);
        if path.ends_with(".html") {
            let page = Page { path, html: &without_scripts(&text), copied: copied.contains(path) };
            check_page(&page, &pages, base_url, base_path, &mut problems);
        } else if path.ends_with(".xml") {
            if let Err(error) = roxmltree::Document::parse(&text) {
                problems.push(Diagnostic::error(path, format!("not well-formed XML: {error}")));
            }
        } else if path.ends_with(".json")
            && let Err(error) = serde_json::from_str::<serde_json::Value>(&text)
        {
            problems.push(Diagnostic::error(path, format!("not valid JSON: {error}")));
        }
    }
    problems
}

/// What links are checked against: the files built, the ids on each page, and the pages held back.
struct Pages<'a> {
    files: &'a BTreeMap<String, Vec<u8>>,
    ids: BTreeMap<&'a str, HashSet<String>>,
    held_back: &'a BTreeMap<String, String>,
}

/// An HTML file of the site being checked.
struct Page<'a> {
    path: &'a str,
    html: &'a str,
    /// A static file, copied as it is.
    copied: bool,
}

fn check_page(
    page: &Page<'_>,
    pages: &Pages<'_>,
    base_url: &str,
    base_path: &str,
    problems: &mut Vec<Diagnostic>,
) {
    let (path, html) = (page.path, page.html);
    let title = between(html, "<title>", "</title>").map(str::trim).unwrap_or_default();
    if title.is_empty() && !page.copied {
        problems.push(Diagnostic::error(path, "page has no <title>"));
    }
    let has_description = html
        .split("<meta ")
        .skip(1)
        .any(|tag| tag.contains("name=\"description\"") && !tag.contains("content=\"\""));
    // A redirect (an alias's page) is never shown, so it needs no description.
    let redirect = html.contains("<meta http-equiv=\"refresh\"");
    if !has_description && path != "404.html" && !redirect && !page.copied {
        problems.push(Diagnostic::error(path, "page has no meta description"));
    }
    let folder = match path.rfind('/') {
        Some(slash) => &path[..=slash],
        None => "",
    };
    for attribute in ["href", "src"] {
        for link in attribute_values(html, attribute) {
            // Under a sub-path, a root-based link outside it asks the host for a page Gazette did
            // not write (`/2025/04/10/slug/` for a site at `/news/`), though a preview served at
            // the root finds it.
            let root_based = link.starts_with('/') && !link.starts_with("//");
            let the_root = link.split(['?', '#']).next() == Some(base_path.trim_end_matches('/'));
            if base_path != "/" && root_based && !link.starts_with(base_path) && !the_root {
                // The link to write, when the site has the page the link was meant for.
                let meant = format!("{base_path}{}", link.trim_start_matches('/'));
                let has_it = resolve(&meant, folder, base_url, base_path)
                    .is_some_and(|(target, _)| pages.files.contains_key(&page_file(&target)));
                let fix = if has_it {
                    format!("; write it as `{meant}`, or as a link relative to the page")
                } else {
                    String::new()
                };
                problems.push(Diagnostic::error(
                    path,
                    format!("broken link: `{link}` is outside the site, which base_url puts under `{base_path}`{fix}"),
                ));
                continue;
            }
            let Some((target, anchor)) = resolve(&link, folder, base_url, base_path) else { continue };
            let target = if path == "404.html" && target.is_empty() && anchor.is_none() {
                "index.html".into()
            } else {
                target
            };
            let page = if target.is_empty() { path.to_string() } else { target };
            let file = page_file(&page);
            if !pages.files.contains_key(&file) {
                let message = match pages.held_back.get(&file) {
                    Some(leads_to) => format!("broken link: `{link}` leads to {leads_to}"),
                    None => format!("broken link: `{link}` (no {file})"),
                };
                problems.push(Diagnostic::error(path, message));
                continue;
            }
            if let Some(anchor) = anchor
                && !anchor.is_empty()
                && pages.ids.get(file.as_str()).is_some_and(|set| !set.contains(&anchor))
            {
                problems.push(Diagnostic::error(
                    path,
                    format!("broken anchor: `{link}` (no id=\"{anchor}\" in {file})"),
                ));
            }
        }
    }
}

/// The pages of the articles a build holds back (drafts, ones not due yet, expired ones), by
/// file, each with what a link to it leads to: the article's file, named from `content_dir` as the
/// message should name it, and why its page is not there.
pub fn held_back_pages(
    hidden: &[crate::model::HiddenArticle],
    content_dir: &std::path::Path,
) -> BTreeMap<String, String> {
    use crate::model::Hidden;
    hidden
        .iter()
        .map(|article| {
            let why = match article.why {
                Hidden::Draft => "a draft, published once its `draft: true` goes (`--drafts` shows it)",
                Hidden::Scheduled => "an article not due yet, published when its `publish_date` (or its front matter `date:`) comes (`--future` shows it)",
                Hidden::Expired => "an article past its expiry_date (`--expired` shows it)",
            };
            let source = content_dir.join(&article.source_path);
            (page_file(&article.site_path), format!("{}: {why}", source.display()))
        })
        .collect()
}

/// Moves each broken link or anchor found on a page to the line of the article that wrote it, when
/// exactly one of `articles` (path and Markdown text) has that link: the page is generated, the
/// article is what to fix. The page stays named in the message. Links from templates, and links
/// several articles write, stay with their page.
pub fn at_sources(problems: Vec<Diagnostic>, articles: &[(std::path::PathBuf, String)]) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|problem| {
            let link = ["broken link: `", "broken anchor: `"]
                .iter()
                .find_map(|lead| problem.message.strip_prefix(lead))
                .and_then(|rest| rest.split_once('`'))
                .map(|(link, _)| link);
            let Some(link) = link else { return problem };
            let written =
                [format!("]({link})"), format!("]({link} "), format!("<{link}>"), format!("href=\"{link}\"")];
            let mut found = articles.iter().filter_map(|(path, text)| {
                let at = written.iter().find_map(|form| text.find(form.as_str()))?;
                Some((path, text[..at].matches('\n').count() + 1))
            });
            match (found.next(), found.next()) {
                (Some((path, line)), None) => Diagnostic {
                    path: path.clone(),
                    line: Some(line),
                    message: format!("{} (the link is on page {})", problem.message, problem.path.display()),
                    ..problem
                },
                _ => problem,
            }
        })
        .collect()
}

/// A link's path or fragment as a browser looks it up (`%C3%BC` is `ü`); as written when it is
/// no valid escape.
fn decoded(part: &str) -> String {
    crate::text::percent_decode(part).unwrap_or_else(|| part.to_string())
}

/// Resolves a link to (output path, anchor), or `None` for links that leave the site.
fn resolve(link: &str, folder: &str, base_url: &str, base_path: &str) -> Option<(String, Option<String>)> {
    let link = link.trim();
    if link.is_empty()
        || link.starts_with("mailto:")
        || link.starts_with("data:")
        || link.starts_with("javascript:")
    {
        return None;
    }
    let (link, anchor) = match link.split_once('#') {
        Some((before, after)) => (before, Some(decoded(after))),
        None => (link, None),
    };
    let link = decoded(link.split('?').next().unwrap_or_default());
    let link = link.as_str();
    let joined = if let Some(rest) = link.strip_prefix(base_url).filter(|_| base_url != "/") {
        rest.to_string()
    } else if link.contains("://") || link.starts_with("//") {
        return None;
    } else if let Some(rooted) = link.strip_prefix('/') {
        if link == base_path.trim_end_matches('/') {
            // `/news` for the site at `/news/`: its front page.
            "index.html".to_string()
        } else {
            link.strip_prefix(base_path).map(str::to_string).unwrap_or_else(|| rooted.to_string())
        }
    } else {
        format!("{folder}{link}")
    };
    Some((normalise(&joined), anchor))
}

/// The output file a resolved link target is served from: a folder's `index.html`.
fn page_file(target: &str) -> String {
    if target.ends_with('/') || target.is_empty() {
        format!("{target}index.html")
    } else {
        target.to_string()
    }
}

/// Folds `.` and `..` segments; keeps a trailing slash.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let mut out = parts.join("/");
    if (path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..") || path == "." || path == "..")
        && !out.is_empty()
    {
        out.push('/');
    }
    out
}

/// The page without its `<script>` elements: links a script builds (`href="${url}"`) are not
/// links of the page.
fn without_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        match rest[start..].find("</script>") {
            Some(end) => rest = &rest[start + end + "</script>".len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}

/// Values of `name="..."` attributes, with the few entities templates produce decoded.
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&needle) {
        rest = &rest[start + needle.len()..];
        let Some(end) = rest.find('"') else { break };
        values.push(rest[..end].replace("&amp;", "&").replace("&#x2F;", "/").replace("&#47;", "/"));
        rest = &rest[end..];
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pages: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        pages.iter().map(|(p, t)| (p.to_string(), t.as_bytes().to_vec())).collect()
    }

    const HEAD: &str = "<title>T</title><meta name=\"description\" content=\"d\">";

    #[test]
    fn finds_broken_links_and_anchors() {
        let pages = files(&[
            (
                "index.html",
                &format!(
                    "{HEAD}<a href=\"./a/\">a</a> <a href=\"./missing/\">m</a> <a href=\"a/#nope\">x</a>"
                ),
            ),
            (
                "a/index.html",
                &format!(
                    "{HEAD}<h2 id=\"here\"></h2><h2 id=\"zürich-café\"></h2><a href=\"../\">home</a><a href=\"#here\">h</a><a href=\"https://other.org/\">o</a><a href=\"#z%C3%BCrich-caf%C3%A9\">z</a><a href=\"../z%C3%BCrich/\">page</a>"
                ),
            ),
            // Escaped in links as browsers send them, found as browsers find them.
            ("zürich/index.html", HEAD),
        ]);
        let problems = site(&pages, "https://example.org/", "/");
        let messages: Vec<String> =
            problems.iter().map(|p| format!("{}: {}", p.path.display(), p.message)).collect();
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(messages[0].contains("./missing/"));
        assert!(messages[1].contains("broken anchor"));
    }

    #[test]
    fn root_based_and_absolute_links_under_a_sub_path() {
        let pages = files(&[
            (
                "index.html",
                &format!("{HEAD}<a href=\"/news/a/\">a</a><a href=\"https://example.org/news/a/\">a</a>"),
            ),
            ("a/index.html", HEAD),
        ]);
        assert!(site(&pages, "https://example.org/news/", "/news/").is_empty());
        // Written for a site at the domain's root, but published under /news/.
        let pages = files(&[
            ("index.html", &format!("{HEAD}<a href=\"/a/\">a</a><img src=\"/images/p.gif\" alt=\"\">")),
            ("a/index.html", HEAD),
            ("images/p.gif", ""),
        ]);
        let problems: Vec<String> =
            site(&pages, "https://example.org/news/", "/news/").iter().map(|p| p.message.clone()).collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("`/a/` is outside the site") && problems[0].contains("`/news/a/`"),
            "{problems:?}"
        );
        assert!(site(&pages, "https://example.org/", "/").is_empty(), "at the root they are the site's");
        // The site's own root, and a page of the host the site does not have (no fix to offer).
        let pages =
            files(&[("index.html", &format!("{HEAD}<a href=\"/news\">home</a><a href=\"/contact/\">c</a>"))]);
        let problems: Vec<String> =
            site(&pages, "https://example.org/news/", "/news/").iter().map(|p| p.message.clone()).collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("`/contact/` is outside the site") && !problems[0].contains("write it"),
            "{problems:?}"
        );
    }

    #[test]
    fn links_built_by_scripts_are_not_checked() {
        let pages = files(&[("index.html", &format!("{HEAD}<script>x = `<a href=\"${{url}}\">`;</script>"))]);
        assert!(site(&pages, "/", "/").is_empty());
    }

    #[test]
    fn missing_title_description_and_bad_feeds() {
        let pages = files(&[
            ("index.html", "<p>no head</p>"),
            ("rss.xml", "<rss><channel></rss>"),
            ("feed.json", "{"),
        ]);
        let problems = site(&pages, "/", "/");
        assert_eq!(problems.len(), 4, "{problems:#?}");
    }
}
