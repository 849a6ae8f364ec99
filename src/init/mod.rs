//! `gazette init`: a new site that builds at once.
//!
//! Writes `site.yaml` with every key shown and commented, `content/` with one sample article
//! dated today, and a `.gitignore` for the output and caches, so `gazette build` works straight
//! away and the config file documents itself.

use std::path::{Path, PathBuf};

/// The commented config file.
pub const SITE_YAML: &str = include_str!("site.yaml");
/// The sample article.
pub const WELCOME: &str = include_str!("welcome.txt");
/// What a site's repository should not track: the built site and Gazette's caches.
pub const GITIGNORE: &str = "/public/\n/.gazette-cache/\n";

/// Why a site could not be created.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// `--language` is no language tag.
    #[error("`{0}` is no language tag: write the language's code, such as fr, pt-BR or ja")]
    Language(String),
    /// The folder has files and `force` was not given.
    #[error("{0} is not empty; choose an empty folder, or pass --force to add the site files anyway")]
    NotEmpty(PathBuf),
    /// A file could not be written.
    #[error("{path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Creates a site in `dir` with a sample article dated `today`, in `language` when given (its
/// `site.yaml` says so, and when the built-in theme does not speak it, `i18n/LANG.yaml` holds the
/// theme's English words to translate). Existing files are never overwritten, even with `force`
/// (which only allows a non-empty folder), and a content folder that already has articles gets
/// no sample among them.
pub fn site(
    dir: &Path,
    today: jiff::civil::Date,
    force: bool,
    language: Option<&str>,
) -> Result<Vec<PathBuf>, InitError> {
    let tag = match language {
        Some(language) => {
            Some(crate::language::tag(language).ok_or_else(|| InitError::Language(language.to_string()))?)
        }
        None => None,
    };
    let has_files = std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()).unwrap_or(false);
    if has_files && !force {
        return Err(InitError::NotEmpty(dir.to_path_buf()));
    }
    let site_yaml = match language.and_then(crate::language::canonical) {
        Some(language) => std::borrow::Cow::Owned(with_language(SITE_YAML, &language)),
        None => std::borrow::Cow::Borrowed(SITE_YAML),
    };
    let words = tag.as_deref().and_then(words_to_translate);
    let article = dir.join("content").join(format!(
        "{:04}/{:02}/{:02}/welcome.txt",
        today.year(),
        today.month(),
        today.day()
    ));
    let has_content =
        walkdir::WalkDir::new(dir.join("content")).into_iter().flatten().any(|e| e.file_type().is_file());
    let mut files =
        vec![(dir.join("site.yaml"), &*site_yaml), (article, WELCOME), (dir.join(".gitignore"), GITIGNORE)];
    if let (Some(tag), Some(words)) = (&tag, &words) {
        // Named after the language, not the region: `ja-JP` and `ja` sites both read `ja.yaml`.
        let base = crate::language::base(tag);
        files.push((dir.join(crate::theme::TRANSLATIONS_DIR).join(format!("{base}.yaml")), words.as_str()));
    }
    let mut written = Vec::new();
    for (path, text) in files {
        if path.exists() || (text == WELCOME && has_content) {
            continue;
        }
        let write = || -> std::io::Result<()> {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, text)
        };
        write().map_err(|source| InitError::Write { path: path.clone(), source })?;
        written.push(path);
    }
    Ok(written)
}

/// `site.yaml` with `language:` set (the commented line, which shows the default, replaced).
fn with_language(site_yaml: &str, language: &str) -> String {
    site_yaml
        .lines()
        .map(|line| match line.strip_prefix("# language: en") {
            Some(comment) => format!("language: {language}{comment}"),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// For a language the built-in theme does not speak (`ja`; not `pt-br`, whose `pt` it has), its
/// English words with a header saying what to do with them.
fn words_to_translate(tag: &str) -> Option<String> {
    let base = crate::language::base(tag);
    if crate::theme::built_in_words(tag).is_some() || crate::theme::built_in_words(base).is_some() {
        return None;
    }
    let english = crate::theme::built_in_words("en")?;
    let body = english.lines().skip_while(|line| line.starts_with('#')).collect::<Vec<_>>().join("\n");
    Some(format!(
        "# The theme's words for this site, in English: translate each text into `{tag}`, keeping the\n# `{{names}}` as they are (`{{count}}` is the number of a key with `one` and `other` forms).\n# A key left out is shown in English.\n{body}\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_commented_config_parses_and_every_key_is_known() {
        // Below the header paragraph, every commented line is a setting: uncomment them all.
        let (_, settings) = SITE_YAML.split_once("\n\n").unwrap();
        let uncommented: String = settings
            .lines()
            .map(|line| line.strip_prefix("# ").unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n");
        let raw: crate::config::RawConfig =
            crate::yaml::parse(&uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert!(raw.publish.is_some() && raw.tags.is_some() && raw.feeds.is_some());
        // And every key site.yaml may hold is there: serde lists them for an unknown one.
        let error = crate::yaml::parse::<crate::config::RawConfig>("not_a_key: 1").unwrap_err();
        let (_, listed) = error.message.split_once("expected one of ").unwrap();
        for key in listed.split(", ").map(|key| key.trim_matches('`')) {
            assert!(
                uncommented.lines().any(|line| line.starts_with(&format!("{key}:"))),
                "`{key}` is not explained"
            );
        }
    }

    #[test]
    fn refuses_a_non_empty_folder_without_force_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), "title: Mine\n").unwrap();
        let today = jiff::civil::date(2025, 9, 12);
        assert!(matches!(site(dir.path(), today, false, None), Err(InitError::NotEmpty(_))));
        let written = site(dir.path(), today, true, None).unwrap();
        assert_eq!(
            written,
            [dir.path().join("content/2025/09/12/welcome.txt"), dir.path().join(".gitignore")]
        );
        assert_eq!(std::fs::read_to_string(dir.path().join("site.yaml")).unwrap(), "title: Mine\n");
        // A site that has articles already gets no sample among them.
        let existing = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(existing.path().join("content/news")).unwrap();
        std::fs::write(existing.path().join("content/news/story.md"), "---\ntitle: Mine\n---\n").unwrap();
        let written = site(existing.path(), today, true, None).unwrap();
        assert_eq!(written, [existing.path().join("site.yaml"), existing.path().join(".gitignore")]);
    }
}
