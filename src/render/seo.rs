//! What search engines and link previews read: sitemaps, the Google News sitemap, and schema.org
//! JSON-LD for articles and the site.

use serde_json::json;

use super::Page;
use super::feeds::{self, NewsEntry, SitemapEntry};
use super::views::{paged_path, rfc3339};
use crate::config::{Config, DigestPeriod};
use crate::model::{Article, Site};

/// Every HTML page of the site worth indexing, in plan order.
pub(super) fn sitemap_entries(site: &Site, config: &Config) -> Vec<SitemapEntry> {
    let entry =
        |path: &str, lastmod: Option<String>| SitemapEntry { url: config.absolute_url(path), lastmod };
    let newest = site.articles.first().map(|a| a.date.date().to_string());
    let mut entries = vec![entry("", newest)];
    for article in &site.articles {
        let modified = article.updated.as_ref().unwrap_or(&article.date);
        entries.push(entry(&article.site_path(), Some(modified.date().to_string())));
    }
    let periods = site
        .digests()
        .iter()
        .chain(if site.digest_period == DigestPeriod::Day { [].iter() } else { site.days.iter() })
        .chain(if site.digest_period == DigestPeriod::Month { [].iter() } else { site.months.iter() })
        .chain(site.years.iter());
    for period in periods {
        let newest = site.articles[period.articles[0]].date.date().to_string();
        entries.push(entry(&period.path, Some(newest)));
    }
    for page in &site.pages {
        entries.push(entry(&page.path, page.updated.as_ref().map(|updated| updated.date().to_string())));
    }
    for taxonomy in &site.taxonomies {
        entries.push(entry(&format!("{}/", taxonomy.kind.name()), None));
        for term in &taxonomy.terms {
            let pages = term.articles.len().div_ceil(config.paginate_by).max(1);
            for page in 1..=pages {
                entries.push(entry(&paged_path(&term.path(taxonomy.kind), page), None));
            }
        }
    }
    entries
}

/// `sitemap.xml`: the whole list, or (past 50,000 URLs) an index at part 0 and the parts as
/// `sitemap-N.xml`.
pub(super) fn sitemap_file(site: &Site, config: &Config, part: usize) -> Page {
    let entries = sitemap_entries(site, config);
    let parts = entries.len().div_ceil(feeds::SITEMAP_LIMIT).max(1);
    let (output_path, content) = if parts == 1 {
        ("sitemap.xml".to_string(), feeds::sitemap(&entries))
    } else if part == 0 {
        let urls: Vec<String> =
            (1..=parts).map(|n| config.absolute_url(&format!("sitemap-{n}.xml"))).collect();
        ("sitemap.xml".to_string(), feeds::sitemap_index(&urls))
    } else {
        let chunk = entries.chunks(feeds::SITEMAP_LIMIT).nth(part - 1).unwrap_or(&[]);
        (format!("sitemap-{part}.xml"), feeds::sitemap(chunk))
    };
    Page { output_path, content: content.into_bytes() }
}

/// `news-sitemap.xml`: articles published in the two days before the build's `now`.
pub(super) fn news_sitemap_file(site: &Site, config: &Config) -> Page {
    let since = site.now.as_second() - crate::model::NEWS_WINDOW_SECONDS;
    let entries: Vec<NewsEntry> = site
        .articles
        .iter()
        .filter(|a| {
            let published = a.date.timestamp().as_second();
            published >= since && published <= site.now.as_second()
        })
        .take(feeds::NEWS_SITEMAP_LIMIT)
        .map(|a| NewsEntry {
            url: config.absolute_url(&a.site_path()),
            title: a.title.clone(),
            published: a.date.clone(),
            language: a.lang.clone().unwrap_or_else(|| config.language.clone()),
        })
        .collect();
    Page {
        output_path: "news-sitemap.xml".into(),
        content: feeds::news_sitemap(&config.title, &entries).into_bytes(),
    }
}

/// The first image with a source, as an absolute URL: a path from the site root (`/images/x.jpg`)
/// from the base URL, any other (`photo.jpg`, a page bundle's) from the article's own page, where
/// the page's `<img>` finds it.
pub(super) fn lead_image(article: &Article, config: &Config) -> Option<String> {
    let src = article.images.iter().find_map(|i| i.src.as_deref())?;
    Some(if src.starts_with("http://") || src.starts_with("https://") {
        src.to_string()
    } else if let Some(from_root) = src.strip_prefix('/') {
        config.absolute_url(from_root)
    } else {
        config.absolute_url(&format!("{}{src}", article.site_path()))
    })
}

/// JSON that is safe inside `<script>`: `<` is escaped so `</script>` in a headline cannot end it.
fn script_safe(value: &serde_json::Value) -> String {
    serde_json::to_string(value).unwrap_or_default().replace('<', "\\u003c")
}

/// schema.org `NewsArticle` for an article page: the JSON serde_json writes for these fields
/// (keys in sorted order, no spaces), written straight into one string as the feeds are, since
/// every article page has one; `<` is escaped as in [`script_safe`].
pub(super) fn news_article_json_ld(
    article: &Article,
    config: &Config,
    url: &str,
    image: Option<&str>,
) -> String {
    let mut out = String::with_capacity(1024 + article.summary.len());
    let field = |out: &mut String, key: &str, value: &str| {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":\"");
        feeds::escape_json_into(out, value);
        out.push('"');
    };
    out.push_str("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"");
    if let Some(section) = article.tags.first() {
        field(&mut out, "articleSection", section);
    }
    if !article.authors.is_empty() {
        out.push_str(",\"author\":[");
        for (n, name) in article.authors.iter().enumerate() {
            out.push_str(if n == 0 {
                "{\"@type\":\"Person\",\"name\":\""
            } else {
                ",{\"@type\":\"Person\",\"name\":\""
            });
            feeds::escape_json_into(&mut out, name);
            out.push_str("\"}");
        }
        out.push(']');
    }
    field(&mut out, "dateModified", &rfc3339(article.updated.as_ref().unwrap_or(&article.date)));
    field(&mut out, "datePublished", &rfc3339(&article.date));
    if let Some(dateline) = &article.dateline {
        field(&mut out, "dateline", &dateline.text);
    }
    if !article.summary.is_empty() {
        field(&mut out, "description", &article.summary);
    }
    field(&mut out, "headline", &truncate_chars(&article.title, 110));
    if let Some(image) = image {
        out.push_str(",\"image\":[\"");
        feeds::escape_json_into(&mut out, image);
        out.push_str("\"]");
    }
    field(&mut out, "inLanguage", article.lang.as_deref().unwrap_or(&config.language));
    out.push_str(",\"isAccessibleForFree\":true");
    // The original article a clipping reproduces.
    if let Some(original) = &article.source_url {
        field(&mut out, "isBasedOn", original);
    }
    if !article.tags.is_empty() {
        field(&mut out, "keywords", &article.tags.join(", "));
    }
    out.push_str(",\"mainEntityOfPage\":{\"@id\":\"");
    feeds::escape_json_into(&mut out, url);
    out.push_str("\",\"@type\":\"WebPage\"}");
    out.push_str(",\"publisher\":{\"@type\":\"Organization\",\"name\":\"");
    feeds::escape_json_into(&mut out, article.source.as_deref().unwrap_or(&config.title));
    out.push_str("\"}");
    field(&mut out, "url", url);
    out.push_str(",\"wordCount\":");
    out.push_str(&article.word_count.to_string());
    out.push('}');
    if out.contains('<') { out.replace('<', "\\u003c") } else { out }
}

/// schema.org `WebSite` for the home page.
pub(super) fn website_json_ld(config: &Config) -> String {
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": config.title,
        "url": config.absolute_url(""),
        "inLanguage": config.language,
    });
    // An empty description is worse than none to the validators that read it.
    if !config.description.is_empty() {
        value["description"] = json!(config.description);
    }
    script_safe(&value)
}

fn truncate_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON-LD as serde_json wrote it: what [`news_article_json_ld`] must equal.
    fn news_article_json_ld_by_serde(
        article: &Article,
        config: &Config,
        url: &str,
        image: Option<&str>,
    ) -> String {
        let authors: Vec<serde_json::Value> =
            article.authors.iter().map(|name| json!({"@type": "Person", "name": name})).collect();
        let publisher_name = article.source.as_deref().unwrap_or(&config.title);
        let mut value = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": truncate_chars(&article.title, 110),
            "datePublished": rfc3339(&article.date),
            "dateModified": rfc3339(article.updated.as_ref().unwrap_or(&article.date)),
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "publisher": {"@type": "Organization", "name": publisher_name},
            "isAccessibleForFree": true,
            "wordCount": article.word_count,
            "inLanguage": article.lang.as_deref().unwrap_or(&config.language),
        });
        if !authors.is_empty() {
            value["author"] = serde_json::Value::Array(authors);
        }
        if let Some(image) = image {
            value["image"] = json!([image]);
        }
        if !article.summary.is_empty() {
            value["description"] = json!(article.summary);
        }
        if let Some(section) = article.tags.first() {
            value["articleSection"] = json!(section);
        }
        if !article.tags.is_empty() {
            value["keywords"] = json!(article.tags.join(", "));
        }
        if let Some(dateline) = &article.dateline {
            value["dateline"] = json!(dateline.text);
        }
        if let Some(original) = &article.source_url {
            value["isBasedOn"] = json!(original);
        }
        script_safe(&value)
    }

    #[test]
    fn the_website_has_a_description_only_when_the_site_does() {
        let mut config = crate::model::tests::config();
        assert!(!website_json_ld(&config).contains("description"), "{}", website_json_ld(&config));
        config.description = "Harbour news, daily.".into();
        assert!(website_json_ld(&config).contains(r#""description":"Harbour news, daily.""#));
    }

    proptest::proptest! {
        /// Any text in any field, with and without the optional ones: the same bytes as
        /// serde_json's, `<` escaped.
        #[test]
        fn news_article_json_ld_is_what_serde_json_writes(
            texts in proptest::collection::vec("(\\PC|[\"\\\\<>&\\x00-\\x1f]|\u{2028}){0,10}", 6),
            authors in proptest::collection::vec("[a-zA-Z <\"]{0,6}", 0..3),
            tags in proptest::collection::vec("[a-zA-Z <&]{0,6}", 0..3),
            optional in proptest::collection::vec(proptest::bool::ANY, 6),
            words in 0usize..100_000,
        ) {
            let config = crate::model::tests::config();
            let mut article = crate::model::tests::article("a.txt", "2025-03-01T08:30:00Z", &texts[0]);
            article.summary = if optional[0] { texts[1].clone() } else { String::new() };
            article.authors = authors;
            article.tags = tags;
            article.source = optional[1].then(|| texts[2].clone());
            article.lang = optional[2].then(|| texts[3].clone());
            article.word_count = words;
            if optional[3] {
                article.updated = Some("2025-03-02T09:00:00+01:00[Europe/Paris]".parse().unwrap());
                article.dateline = Some(crate::model::Dateline { text: texts[4].clone(), ..Default::default() });
            }
            let image = optional[4].then_some(texts[5].as_str());
            article.source_url = optional[5].then(|| texts[4].clone());
            proptest::prop_assert_eq!(
                news_article_json_ld(&article, &config, &texts[5], image),
                news_article_json_ld_by_serde(&article, &config, &texts[5], image)
            );
        }
    }
}
