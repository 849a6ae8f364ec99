//! The site's full-text search index, built in-process with Pagefind.
//!
//! Every published article becomes one Pagefind record made from the model (title, summary, body
//! text, tags, source, date), not from rendered HTML, so the index never depends on a theme's
//! markup and hidden articles (drafts, scheduled, expired) can never be indexed: they are not in
//! the model. Pagefind writes its index in small chunks plus its own search script, so a first
//! query downloads a few kilobytes, however large the archive; the default theme's search page
//! talks to that script. No Node and no post-build step.

use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, MarkdownOptions};
use crate::model::Site;

/// The folder the index and Pagefind's script are written to, under the output root.
pub const BUNDLE_DIR: &str = "pagefind/";

/// Builds the index of every article of `site`; returns output path -> bytes.
pub fn index(site: &Site, config: &Config) -> Result<BTreeMap<String, Vec<u8>>, Diagnostic> {
    let failure = |error: anyhow::Error| {
        Diagnostic::error(BUNDLE_DIR, format!("cannot build the search index: {error:#}"))
    };
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| failure(e.into()))?;
    let options =
        MarkdownOptions { unsafe_html: config.unsafe_html, smart_punctuation: config.smart_punctuation };
    let base_path = config.base_path();
    runtime.block_on(async {
        let settings =
            PagefindServiceConfig::builder().force_language(language_code(&config.language)).build();
        let mut index = PagefindIndex::new(Some(settings)).map_err(failure)?;
        for article in &site.articles {
            let mut content = String::with_capacity(article.body_markdown.len() + 256);
            content.push_str(&article.title);
            content.push_str(". ");
            content.push_str(&markdown::to_plain_text(&article.body_markdown, options));
            let mut meta = BTreeMap::from([
                ("title".to_string(), article.title.clone()),
                ("date".to_string(), crate::render::views::display_date(&article.date)),
            ]);
            if let Some(source) = &article.source {
                meta.insert("source".to_string(), source.clone());
            }
            let mut filters = BTreeMap::new();
            if !article.tags.is_empty() {
                filters.insert("tag".to_string(), article.tags.clone());
            }
            if let Some(source) = &article.source {
                filters.insert("source".to_string(), vec![source.clone()]);
            }
            let sort = BTreeMap::from([("date".to_string(), crate::render::views::rfc3339(&article.date))]);
            index
                .add_custom_record(
                    format!("{base_path}{}", article.site_path()),
                    content,
                    language_code(&config.language),
                    Some(meta),
                    Some(filters),
                    Some(sort),
                )
                .await
                .map_err(failure)?;
        }
        let files = index.get_files().await.map_err(failure)?;
        Ok(files
            .into_iter()
            .filter(|file| !is_unused_ui(&file.filename))
            .map(|file| {
                let name: Vec<String> = file
                    .filename
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                (format!("{BUNDLE_DIR}{}", name.join("/")), file.contents)
            })
            .collect())
    })
}

/// Pagefind also ships ready-made search interfaces; the theme has its own search page, so
/// they would only be dead weight in every published site.
fn is_unused_ui(path: &std::path::Path) -> bool {
    let name = path.to_string_lossy();
    name.contains("-ui.") || name.starts_with("pagefind-highlight")
}

/// Pagefind wants an ISO 639-1 code: `pt-BR` -> `pt`.
fn language_code(language: &str) -> String {
    language.split(['-', '_']).next().unwrap_or("en").to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_for_pagefind() {
        assert_eq!(language_code("pt-BR"), "pt");
        assert_eq!(language_code("EN"), "en");
    }
}
