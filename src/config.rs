//! `site.yaml` in, a validated [`Config`] out.
//!
//! The file is parsed into [`RawConfig`], a plain mirror of what the user may write, where every key
//! is optional and unknown keys are refused (a misspelt `base_ulr` must not be silently ignored).
//! [`Config::resolve`] then checks values once and turns them into the types the pipeline uses
//! (absolute paths, a parsed time zone, a normalised base URL), so no later stage re-validates.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use crate::yaml;

/// The config file looked for in the site root when `--config` is not given.
pub const DEFAULT_CONFIG_FILE: &str = "site.yaml";

/// Configuration files of Hugo (`hugo.*`, `config.*`, and in its configuration folder) and Zola
/// (`config.toml`).
const FOREIGN_CONFIG_FILES: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
    "config/_default/hugo.toml",
    "config/_default/hugo.yaml",
    "config/_default/hugo.json",
    "config/_default/config.toml",
    "config/_default/config.yaml",
    "config/_default/config.yml",
    "config/_default/config.json",
];

/// Why the configuration could not be used. Always names the file.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    #[error("{path}: cannot read the config file: {source}")]
    Read {
        /// The config file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// YAML syntax error, unknown key or wrong type.
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Parse {
        /// The config file.
        path: PathBuf,
        /// 1-based line, when the parser knows it.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// The site folder does not exist.
    #[error("{path}: no such folder; --root names the site folder (the one with content/ and site.yaml)")]
    NoRoot {
        /// The folder asked for.
        path: PathBuf,
    },
    /// A command-line value makes no sense; named by its flag, as it is not in any file.
    #[error("{flag}: {message}")]
    Flag {
        /// The flag, `--output` or `--base-url`.
        flag: &'static str,
        /// What is wrong and what would be right.
        message: String,
    },
    /// A value parsed but makes no sense (bad time zone, bad URL...).
    #[error("{path}{}: `{key}`: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        /// The config file.
        path: PathBuf,
        /// 1-based line of the key in the file, when it was read from one.
        line: Option<usize>,
        /// The offending key.
        key: &'static str,
        /// What is wrong and what would be right.
        message: String,
    },
}

/// Exactly what `site.yaml` may contain. Every key is optional; defaults live in [`Config::resolve`].
#[derive(Debug, Default, Deserialize)]
// `expecting`: serde's message names what to write, not this type (`expected struct RawConfig`).
#[serde(deny_unknown_fields, expecting = "the site's settings, one `key: value` a line (`title: My news`)")]
pub struct RawConfig {
    /// Site name, shown in the header and feeds.
    pub title: Option<String>,
    /// One-sentence description for the home page meta description and feeds.
    pub description: Option<String>,
    /// Absolute URL the site is published at, e.g. `https://example.org/news/`.
    pub base_url: Option<String>,
    /// BCP 47 language tag of the site, e.g. `en` or `pt-BR`.
    pub language: Option<String>,
    /// Name of the theme folder under `themes/`.
    pub theme: Option<String>,
    /// Folder of articles, relative to the site root.
    pub content_dir: Option<PathBuf>,
    /// Folder the site is written to, relative to the site root.
    pub output_dir: Option<PathBuf>,
    /// IANA time zone (e.g. `Europe/Paris`) in which days begin and end for digests.
    pub timezone: Option<String>,
    /// Entries per listing page.
    pub paginate_by: Option<usize>,
    /// Markdown options.
    pub markdown: Option<RawMarkdown>,
    /// Feed options.
    pub feeds: Option<RawFeeds>,
    /// Digest options.
    pub digest: Option<RawDigest>,
    /// Tag options.
    pub tags: Option<RawTags>,
    /// Story-cluster options.
    pub clusters: Option<RawClusters>,
    /// Named deployment targets for `gazette publish`, read by the publish module.
    pub publish: Option<std::collections::BTreeMap<String, serde_json::Value>>,
    /// Site search options.
    pub search: Option<RawSearch>,
    /// Anything a theme wants from the site owner (a newsletter link, a masthead motto), for
    /// templates as `site.extra`: Zola's `extra`, Hugo's `params`.
    pub extra: Option<std::collections::BTreeMap<String, serde_json::Value>>,
}

/// The `search:` section.
#[derive(Debug, Default, Deserialize)]
// `expecting`: serde's message names what to write, not this type (`expected struct RawSearch`).
#[serde(
    deny_unknown_fields,
    expecting = "search settings, such as `enabled: false`, each on its own line under `search:`"
)]
pub struct RawSearch {
    /// Build the full-text search index and the search page (on by default).
    pub enabled: Option<bool>,
}

/// The `tags:` section.
#[derive(Debug, Default, Deserialize)]
// `expecting`: serde's message names what to write, not this type (`expected struct RawTags`).
#[serde(
    deny_unknown_fields,
    expecting = "tag settings, such as `auto: false` or `max: 5`, each on its own line under `tags:`"
)]
pub struct RawTags {
    /// Add tags for the people, places and organisations an article is about (on by default).
    pub auto: Option<bool>,
    /// Most automatic tags per article.
    pub max: Option<usize>,
    /// An automatic tag is kept only when at least this many articles have it.
    pub min_articles: Option<usize>,
    /// Other names for a tag: `Immigration and Customs Enforcement: ICE`.
    pub aliases: Option<std::collections::BTreeMap<String, String>>,
    /// Names that are never automatic tags (`Reuters`, `AP`...).
    pub stop: Option<Vec<String>>,
}

/// The `clusters:` section.
#[derive(Debug, Default, Deserialize)]
// `expecting`: serde's message names what to write, not this type (`expected struct RawClusters`).
#[serde(
    deny_unknown_fields,
    expecting = "cluster settings, such as `enabled: false`, each on its own line under `clusters:`"
)]
pub struct RawClusters {
    /// Group reports of the same story (on by default).
    pub enabled: Option<bool>,
    /// How similar two texts must be (0 to 1, word-shingle Jaccard).
    pub threshold: Option<f64>,
    /// Furthest apart, in days, two reports of one story can be.
    pub max_days_apart: Option<i64>,
}

/// The `feeds:` section.
#[derive(Debug, Default, Deserialize)]
// `expecting`: serde's message names what to write, not this type (`expected struct RawFeeds`).
#[serde(
    deny_unknown_fields,
    expecting = "feed settings, such as `limit: 20`, each on its own line under `feeds:`"
)]
pub struct RawFeeds {
    /// `summary`, `full` or `both` (RSS full text goes in `content:encoded`).
    pub content: Option<FeedContent>,
    /// Items per feed.
    pub limit: Option<usize>,
    /// Which files each feed is written as (`rss`, `atom`, `json`; all three by default): a site
    /// with a thousand authors need not carry three thousand author feeds.
    #[serde(default, deserialize_with = "one_or_more_formats")]
    pub formats: Option<Vec<FeedFormat>>,
}

/// `formats: atom` as well as `formats: [rss, atom]`, in any case.
fn one_or_more_formats<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<FeedFormat>>, D::Error> {
    fn format<E: serde::de::Error>(name: &str) -> Result<FeedFormat, E> {
        FeedFormat::named(name)
            .ok_or_else(|| E::custom(format!("`{name}` is no feed format: write rss, atom or json")))
    }
    struct Formats;
    impl<'de> serde::de::Visitor<'de> for Formats {
        type Value = Option<Vec<FeedFormat>>;
        fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            formatter.write_str("a feed format or a list of them (rss, atom, json)")
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Self::Value, E> {
            Ok(Some(vec![format(value)?]))
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut formats = Vec::new();
            while let Some(name) = seq.next_element::<String>()? {
                formats.push(format(&name)?);
            }
            Ok(Some(formats))
        }
    }
    deserializer.deserialize_any(Formats)
}

/// A feed file format, as `feeds.formats` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    /// RSS 2.0, `rss.xml`: what every feed reader reads.
    Rss,
    /// Atom 1.0, `atom.xml`.
    Atom,
    /// JSON Feed 1.1, `feed.json`.
    Json,
}

impl FeedFormat {
    /// Every format, in the order feeds are written and linked by default.
    pub const ALL: [FeedFormat; 3] = [FeedFormat::Rss, FeedFormat::Atom, FeedFormat::Json];

    /// The format `feeds.formats` names, in any case: people write `RSS` and `Atom`.
    fn named(name: &str) -> Option<FeedFormat> {
        FeedFormat::ALL.into_iter().find(|format| format.file_stem().eq_ignore_ascii_case(name.trim()))
    }

    /// The name `feeds.formats` knows the format by.
    fn file_stem(self) -> &'static str {
        match self {
            FeedFormat::Rss => "rss",
            FeedFormat::Atom => "atom",
            FeedFormat::Json => "json",
        }
    }

    /// The file a feed of this format is written to, in its folder.
    pub fn file_name(self) -> &'static str {
        match self {
            FeedFormat::Rss => "rss.xml",
            FeedFormat::Atom => "atom.xml",
            FeedFormat::Json => "feed.json",
        }
    }

    /// The format's name as readers know it, for link titles ("World (Atom)").
    pub fn label(self) -> &'static str {
        match self {
            FeedFormat::Rss => "RSS",
            FeedFormat::Atom => "Atom",
            FeedFormat::Json => "JSON Feed",
        }
    }

    /// The name a link's words use: "JSON feed" rather than "JSON Feed feed".
    pub fn short_label(self) -> &'static str {
        match self {
            FeedFormat::Json => "JSON",
            other => other.label(),
        }
    }

    /// The MIME type of `<link rel="alternate">`.
    pub fn mime(self) -> &'static str {
        match self {
            FeedFormat::Rss => "application/rss+xml",
            FeedFormat::Atom => "application/atom+xml",
            FeedFormat::Json => "application/feed+json",
        }
    }
}

/// What a feed item carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedContent {
    /// The summary only.
    Summary,
    /// The full article only.
    Full,
    /// Summary and full article.
    Both,
}

/// The `digest:` section.
#[derive(Debug, Default, Deserialize)]
// `expecting`: serde's message names what to write, not this type (`expected struct RawDigest`).
#[serde(
    deny_unknown_fields,
    expecting = "digest settings, such as `period: week`, on its own line under `digest:`"
)]
pub struct RawDigest {
    /// `day`, `week` (ISO week) or `month`.
    pub period: Option<DigestPeriod>,
}

/// How articles are grouped into digests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DigestPeriod {
    /// One digest per day, at `/YYYY/MM/DD/`.
    #[default]
    Day,
    /// One digest per ISO week, at `/YYYY/wNN/`.
    Week,
    /// One digest per month, at `/YYYY/MM/`.
    Month,
}

/// The `markdown:` section.
#[derive(Debug, Default, Deserialize)]
// `expecting`: serde's message names what to write, not this type (`expected struct RawMarkdown`).
#[serde(
    deny_unknown_fields,
    expecting = "Markdown settings, such as `linkify: false`, each on its own line under `markdown:`"
)]
pub struct RawMarkdown {
    /// Pass raw HTML in `.md` articles through (off by default, as in Hugo).
    pub unsafe_html: Option<bool>,
    /// Curly quotes, dashes and ellipses (on by default).
    pub smart_punctuation: Option<bool>,
    /// Bare web addresses made links (on by default, as Hugo's `linkify`).
    pub linkify: Option<bool>,
}

/// Options given on the command line that take precedence over `site.yaml`.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// `--config FILE`; default `ROOT/site.yaml` when it exists.
    pub config_file: Option<PathBuf>,
    /// `--output DIR`.
    pub output_dir: Option<PathBuf>,
    /// `--base-url URL`.
    pub base_url: Option<String>,
    /// `--drafts`.
    pub drafts: bool,
    /// `--future`: build articles scheduled for later (a `publish_date`, or a `date:` written in
    /// front matter, still to come).
    pub future: bool,
    /// `--expired`: build articles past their `expiry_date`.
    pub expired: bool,
}

/// The validated configuration every stage reads. Built once, never mutated.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site root (absolute): where `content/`, `themes/` and `site.yaml` are.
    pub root: PathBuf,
    /// The config file that was read, if any.
    pub config_file: Option<PathBuf>,
    /// Site title.
    pub title: String,
    /// Site description.
    pub description: String,
    /// Base URL, always ending in `/`; `/` alone when none was configured.
    pub base_url: String,
    /// Language tag.
    pub language: String,
    /// Theme name.
    pub theme: String,
    /// Absolute path of the content folder.
    pub content_dir: PathBuf,
    /// Absolute path of the output folder.
    pub output_dir: PathBuf,
    /// Time zone for dates and digests.
    pub timezone: jiff::tz::TimeZone,
    /// The time zone's name as written, for display.
    pub timezone_name: String,
    /// Entries per listing page (at least 1).
    pub paginate_by: usize,
    /// Pass raw HTML in Markdown through.
    pub unsafe_html: bool,
    /// Smart punctuation in Markdown.
    pub smart_punctuation: bool,
    /// Bare web addresses in Markdown made links.
    pub linkify: bool,
    /// Build draft articles too.
    pub drafts: bool,
    /// Build scheduled articles too.
    pub future: bool,
    /// Build expired articles too.
    pub expired: bool,
    /// What feed items carry.
    pub feed_content: FeedContent,
    /// Items per feed.
    pub feed_limit: usize,
    /// The files each feed is written as, in the order the site owner listed them: the first is
    /// the one a tag's page links to.
    pub feed_formats: Vec<FeedFormat>,
    /// How digests are grouped.
    pub digest_period: DigestPeriod,
    /// Automatic tags (`None`: off).
    pub auto_tags: Option<crate::model::entities::TagOptions>,
    /// An automatic tag becomes a topic only when this many articles share it (at least 1).
    pub auto_tag_min_articles: usize,
    /// Story clustering (`None`: off).
    pub clusters: Option<crate::model::cluster::ClusterOptions>,
    /// `publish:` targets by name, as written; `gazette publish` validates them when it runs,
    /// so a build never fails over deployment settings.
    pub publish_targets: std::collections::BTreeMap<String, serde_json::Value>,
    /// The search page and index exist.
    pub search: bool,
    /// `extra:` from site.yaml, for templates.
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
}

impl ConfigError {
    /// The error as a diagnostic that names the file once (in its path, not again in its
    /// message), for the dev server's log and error overlay.
    pub fn to_diagnostic(&self) -> crate::Diagnostic {
        use crate::Diagnostic;
        match self {
            ConfigError::Read { path, source } => {
                Diagnostic::error(path, format!("cannot read the config file: {source}"))
            }
            ConfigError::Parse { path, line, message } => {
                Diagnostic::error(path, message.clone()).at_line(*line)
            }
            ConfigError::Invalid { path, line, key, message } => {
                Diagnostic::error(path, format!("`{key}`: {message}")).at_line(*line)
            }
            ConfigError::NoRoot { path } => Diagnostic::error(path, "no such folder"),
            ConfigError::Flag { flag, message } => Diagnostic::error(flag, message.clone()),
        }
    }
}

impl Config {
    /// How the site's Markdown is read (the `markdown:` section), for every reader of it.
    pub fn markdown_options(&self) -> crate::markdown::MarkdownOptions {
        crate::markdown::MarkdownOptions {
            unsafe_html: self.unsafe_html,
            smart_punctuation: self.smart_punctuation,
            linkify: self.linkify,
        }
    }

    /// Reads `site.yaml` (or `overrides.config_file`) under `root` if present and resolves it.
    /// A missing default config file is fine: every key has a default.
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Config, ConfigError> {
        let root = absolute(root);
        if !root.is_dir() {
            return Err(ConfigError::NoRoot { path: root });
        }
        let (config_file, raw) = match &overrides.config_file {
            Some(file) => {
                let file = if file.is_absolute() { file.clone() } else { root.join(file) };
                let raw = read_raw(&file)?;
                (Some(file), raw)
            }
            None => {
                let file = root.join(DEFAULT_CONFIG_FILE);
                if file.exists() {
                    let raw = read_raw(&file)?;
                    (Some(file), raw)
                } else {
                    (None, RawConfig::default())
                }
            }
        };
        Config::resolve(root, config_file.clone(), raw, overrides).map_err(|error| match error {
            ConfigError::Invalid { path, line: None, key, message } => {
                let line = config_file
                    .and_then(|file| std::fs::read_to_string(file).ok())
                    .and_then(|text| key_line(&text, key));
                ConfigError::Invalid { path, line, key, message }
            }
            error => error,
        })
    }

    /// Checks and converts every value of `raw`, applying defaults and command-line overrides.
    pub fn resolve(
        root: PathBuf,
        config_file: Option<PathBuf>,
        raw: RawConfig,
        overrides: &Overrides,
    ) -> Result<Config, ConfigError> {
        let RawConfig {
            title,
            description,
            base_url,
            language,
            theme,
            content_dir,
            output_dir,
            timezone,
            paginate_by,
            markdown,
            feeds,
            digest,
            tags,
            clusters,
            publish,
            search,
            extra,
        } = raw;
        let file_label = config_file.clone().unwrap_or_else(|| PathBuf::from("site.yaml"));
        let invalid = |key: &'static str, message: String| ConfigError::Invalid {
            path: file_label.clone(),
            line: None,
            key,
            message,
        };

        // A value from a flag is blamed on the flag, one from the file on the file.
        let invalid_or_flag = |flag: Option<&'static str>, key: &'static str, message: String| match flag {
            Some(flag) => ConfigError::Flag { flag, message },
            None => invalid(key, message),
        };
        let base_url_flag = overrides.base_url.is_some().then_some("--base-url");
        let base_url = match overrides.base_url.clone().or(base_url) {
            Some(url) => {
                normalise_base_url(&url).map_err(|m| invalid_or_flag(base_url_flag, "base_url", m))?
            }
            None => "/".to_string(),
        };
        let timezone_name = timezone.unwrap_or_else(|| "UTC".to_string());
        let tz = jiff::tz::TimeZone::get(&timezone_name).map_err(|e| {
            invalid(
                "timezone",
                format!("`{timezone_name}` is not a known IANA time zone ({e}); try `UTC` or `Europe/Paris`"),
            )
        })?;
        let paginate_by = paginate_by.unwrap_or(10);
        if paginate_by == 0 {
            return Err(invalid("paginate_by", "must be at least 1".to_string()));
        }
        let theme = theme.unwrap_or_else(|| "default".to_string());
        if theme.is_empty() || theme.contains(['/', '\\']) || theme.starts_with('.') {
            return Err(invalid("theme", format!("`{theme}` is not a folder name under themes/")));
        }
        let content_dir = with_home(&content_dir.unwrap_or_else(|| PathBuf::from("content")))
            .map_err(|message| invalid("content_dir", message))?;
        let content_dir = lexical(&root.join(content_dir));
        let output_dir = lexical(&match &overrides.output_dir {
            Some(dir) => {
                absolute(&with_home(dir).map_err(|message| ConfigError::Flag { flag: "--output", message })?)
            }
            None => root.join(
                with_home(&output_dir.unwrap_or_else(|| PathBuf::from("public")))
                    .map_err(|message| invalid("output_dir", message))?,
            ),
        });
        let protected = source_folders(&root, &content_dir);
        if root.starts_with(&output_dir)
            || protected.iter().any(|dir| dir.starts_with(&output_dir) || output_dir.starts_with(dir))
        {
            return Err(invalid_or_flag(
                overrides.output_dir.is_some().then_some("--output"),
                "output_dir",
                format!(
                    "{} would overwrite the site's own files; choose a folder of its own such as `public`",
                    output_dir.display()
                ),
            ));
        }
        // `<html lang>` and the feeds need a tag browsers read: `pt_BR` is written `pt-BR`.
        let language = match language {
            Some(language) => Some(crate::language::canonical(&language).ok_or_else(|| {
                invalid(
                    "language",
                    format!(
                        "`{language}` is no language tag: write the language's code, such as fr, pt-BR or ja"
                    ),
                )
            })?),
            None => None,
        };
        let markdown = markdown.unwrap_or_default();
        let feeds = feeds.unwrap_or_default();
        let feed_limit = feeds.limit.unwrap_or(20);
        if feed_limit == 0 {
            return Err(invalid("feeds.limit", "must be at least 1".to_string()));
        }
        let mut feed_formats: Vec<FeedFormat> = Vec::with_capacity(FeedFormat::ALL.len());
        for format in feeds.formats.clone().unwrap_or_else(|| FeedFormat::ALL.to_vec()) {
            if !feed_formats.contains(&format) {
                feed_formats.push(format);
            }
        }
        if feed_formats.is_empty() {
            return Err(invalid("feeds.formats", "list one or more of rss, atom and json".to_string()));
        }
        let digest = digest.unwrap_or_default();
        let tags = tags.unwrap_or_default();
        let auto_tags = tags.auto.unwrap_or(true).then(|| crate::model::entities::TagOptions {
            max_tags: tags.max.unwrap_or(8),
            aliases: tags.aliases.clone().unwrap_or_default().into_iter().collect(),
            stop: tags.stop.clone().unwrap_or_default(),
            stop_names: crate::model::entities::WIRE_AGENCIES
                .iter()
                .map(|agency| agency.to_string())
                .collect(),
        });
        if tags.min_articles == Some(0) {
            return Err(invalid("tags.min_articles", "must be at least 1".to_string()));
        }
        let clusters = clusters.unwrap_or_default();
        let threshold = clusters.threshold.unwrap_or(0.5);
        if !(0.0..=1.0).contains(&threshold) || threshold == 0.0 {
            return Err(invalid("clusters.threshold", format!("{threshold} is not between 0 and 1")));
        }
        let cluster_options =
            clusters.enabled.unwrap_or(true).then(|| crate::model::cluster::ClusterOptions {
                threshold,
                max_days_apart: clusters.max_days_apart.unwrap_or(3),
                ..crate::model::cluster::ClusterOptions::default()
            });
        Ok(Config {
            root,
            config_file,
            title: title.unwrap_or_else(|| "Gazette".to_string()),
            description: description.unwrap_or_default(),
            base_url,
            language: language.unwrap_or_else(|| "en".to_string()),
            theme,
            content_dir,
            output_dir,
            timezone: tz,
            timezone_name,
            paginate_by,
            unsafe_html: markdown.unsafe_html.unwrap_or(false),
            smart_punctuation: markdown.smart_punctuation.unwrap_or(true),
            linkify: markdown.linkify.unwrap_or(true),
            drafts: overrides.drafts,
            future: overrides.future,
            expired: overrides.expired,
            feed_content: feeds.content.unwrap_or(FeedContent::Summary),
            feed_limit,
            feed_formats,
            digest_period: digest.period.unwrap_or(DigestPeriod::Day),
            auto_tags,
            auto_tag_min_articles: tags.min_articles.unwrap_or(2),
            clusters: cluster_options,
            publish_targets: publish.unwrap_or_default(),
            search: search.unwrap_or_default().enabled.unwrap_or(true),
            extra: extra.clone().unwrap_or_default(),
        })
    }

    /// The path part of the base URL (`/news/` for `https://example.org/news/`), for links that
    /// must work from any page (the 404 page, search results).
    pub fn base_path(&self) -> String {
        match self.base_url.split_once("://") {
            Some((_, rest)) => rest.find('/').map(|i| rest[i..].to_string()).unwrap_or_else(|| "/".into()),
            None => "/".into(),
        }
    }

    /// Whether the base URL names the site's address (`https://host/…`) rather than only `/`.
    /// Sitemaps, feeds, `robots.txt`, canonical links and Open Graph tags need absolute URLs, so
    /// a site meant to be published must have one.
    pub fn has_absolute_base_url(&self) -> bool {
        self.base_url.contains("://")
    }

    /// A warning when no site.yaml was read but the folder holds Hugo's or Zola's configuration:
    /// a user who moved a site over would otherwise see a build with every default and no word
    /// of why their settings are not used.
    pub fn unread_config(&self) -> Option<crate::diagnostic::Diagnostic> {
        if self.config_file.is_some() {
            return None;
        }
        // `config.yaml` is a common name for other tools' files: only one that sets a base URL,
        // as every Hugo and Zola site does, is taken for a site's.
        let sets_base_url = |file: &Path| {
            std::fs::read_to_string(file).is_ok_and(|text| {
                let text = text.to_ascii_lowercase();
                text.contains("baseurl") || text.contains("base_url")
            })
        };
        let found = FOREIGN_CONFIG_FILES
            .iter()
            .map(|name| self.root.join(name))
            .find(|file| file.is_file() && sets_base_url(file))?;
        let name = found.strip_prefix(&self.root).unwrap_or(&found).to_string_lossy().replace('\\', "/");
        Some(crate::diagnostic::Diagnostic::warning(
            &found,
            format!(
                "{name} is Hugo's or Zola's configuration, which Gazette does not read: its settings go in {DEFAULT_CONFIG_FILE} (the README's \"Coming from Hugo or Zola\" maps them); this build uses the defaults"
            ),
        ))
    }

    /// The config file to name in a message about a setting: the file read, else where
    /// `site.yaml` would be.
    pub fn config_label(&self) -> PathBuf {
        self.config_file.clone().unwrap_or_else(|| self.root.join("site.yaml"))
    }

    /// The absolute URL of a site path such as `2025/09/19/slug/` (no leading slash).
    pub fn absolute_url(&self, site_path: &str) -> String {
        format!("{}{}", self.base_url, site_path)
    }

    /// Path of the site's own template overrides.
    pub fn site_templates_dir(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// Path of the site's own interface words (`i18n/LANG.yaml`), which override the theme's one
    /// word at a time.
    pub fn site_translations_dir(&self) -> PathBuf {
        self.root.join(crate::theme::TRANSLATIONS_DIR)
    }

    /// Path of the site's own static files.
    pub fn site_static_dir(&self) -> PathBuf {
        self.root.join("static")
    }

    /// Path of the selected theme on disk (it may not exist: the default theme is built in).
    pub fn theme_dir(&self) -> PathBuf {
        self.root.join("themes").join(&self.theme)
    }

    /// The folders the site is made from, and Gazette's cache: no output or publish folder may
    /// hold one or lie inside one, or writing the site would overwrite what it is built from.
    pub fn source_folders(&self) -> [PathBuf; 6] {
        source_folders(&self.root, &self.content_dir)
    }
}

/// [`Config::source_folders`], for a site at `root` whose articles are in `content_dir`.
fn source_folders(root: &Path, content_dir: &Path) -> [PathBuf; 6] {
    [
        content_dir.to_path_buf(),
        root.join("themes"),
        root.join("templates"),
        root.join("static"),
        root.join(crate::theme::TRANSLATIONS_DIR),
        root.join(".gazette-cache"),
    ]
}

fn read_raw(path: &Path) -> Result<RawConfig, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| ConfigError::Read { path: path.to_path_buf(), source })?;
    // Notepad and PowerShell 5 start UTF-8 files with a byte-order mark, which YAML would read
    // as the start of a second document.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    yaml::parse(text).map_err(|e| {
        // Hugo's and Zola's config.toml: say what Gazette reads instead of a YAML type error.
        let toml = path.extension().is_some_and(|extension| extension == "toml")
            || toml::from_str::<toml::Table>(text).is_ok_and(|table| !table.is_empty());
        let message = if toml {
            "this is TOML (Hugo's or Zola's config); Gazette reads YAML: write the keys as `base_url: https://example.org/` in site.yaml (`gazette init` writes one with every key explained)".to_string()
        } else {
            own_values_under_extra(at_least_one(e.message))
        };
        ConfigError::Parse { path: path.to_path_buf(), line: e.line.filter(|_| !toml), message }
    })
}

/// An unknown top-level key that is no misspelling of one (`author:`, `copyright:`) is most
/// likely a value of the site's own for its templates, which goes under `extra:`: the message
/// says so, with the key's own name.
fn own_values_under_extra(message: String) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else { return message };
    match rest.split_once('`') {
        Some((key, _)) if !message.contains("did you mean") => {
            format!(
                "{message} (a value of the site's own goes under `extra:`, as `extra:` then `  {key}: …` on the next line, and templates read it as `site.extra.{key}`)"
            )
        }
        _ => message,
    }
}

/// The 1-based line where `key` (`paginate_by`, or a nested `feeds.limit`) is written in a
/// config file's `text`, for an error about its value.
fn key_line(text: &str, key: &str) -> Option<usize> {
    let mut parts = key.split('.');
    let mut want = parts.next()?;
    let mut indent = None;
    for (number, line) in text.lines().enumerate() {
        let own_indent = line.len() - line.trim_start().len();
        let blank = line.trim().is_empty() || line.trim_start().starts_with('#');
        if !blank && indent.is_some_and(|outer| own_indent <= outer) {
            // The section ended without the key.
            return None;
        }
        let Some(rest) = line.trim_start().strip_prefix(want) else { continue };
        // A top-level key starts its line: `theme:` under `extra:` is another one.
        if !rest.trim_start().starts_with(':') || (indent.is_none() && own_indent > 0) {
            continue;
        }
        match parts.next() {
            None => return Some(number + 1),
            Some(next) => {
                want = next;
                indent = Some(own_indent);
            }
        }
    }
    None
}

/// The counts that must be 1 or more (checked once parsed) say so when the value is no number
/// either, rather than the "0 or more" of any whole number.
fn at_least_one(message: String) -> String {
    const COUNTS: &[&str] = &["paginate_by: ", "feeds.limit: ", "tags.min_articles: "];
    if COUNTS.iter().any(|key| message.starts_with(key)) {
        message.replace("a whole number, 0 or more", "a whole number, 1 or more")
    } else {
        message
    }
}

/// `~` and `~/…` as the shell reads them, in the user's home folder: site.yaml is read by no
/// shell, and `path: ~/www` was a folder named `~` inside the site, published to without a word.
/// Any other path, `~other/…` included, is returned as it is. Fails only when there is no
/// `HOME` to put in, naming what was written.
pub(crate) fn with_home(path: &Path) -> Result<PathBuf, String> {
    let Ok(rest) = path.strip_prefix("~") else { return Ok(path.to_path_buf()) };
    match std::env::var_os("HOME").filter(|home| !home.is_empty()) {
        Some(home) => Ok(PathBuf::from(home).join(rest)),
        None => Err(format!("{} starts with `~`, but HOME is not set; write the whole path", path.display())),
    }
}

/// Folds `.` and `..` without touching the file system, so `public/..` is seen as the root.
pub(crate) fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` with the links in it followed, as far as it exists: `link/new`, where `link` leads to
/// `content/` and `new` is yet to be made, is `content/new`. For telling whether two folders, as
/// a user named them, are one or hold one another (a publish target and the content folder,
/// `import --out` and the content folder).
pub fn through_links(path: &Path) -> Option<PathBuf> {
    let path = lexical(&absolute(path));
    let mut existing = path.as_path();
    let mut missing = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return Some(missing.iter().rev().fold(real, |real, part| real.join(part)));
        }
        missing.push(existing.file_name()?);
        existing = existing.parent()?;
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Accepts `https://host/`, `https://host/sub/path` or `/`; always returns a trailing slash.
fn normalise_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    if url == "/" || url.is_empty() {
        return Ok("/".to_string());
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("`{url}` must start with https:// or http:// (or be `/`)"))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return Err(format!("`{url}` has no host name"));
    }
    if url.contains(['?', '#']) {
        return Err(format!("`{url}` must not have a query or fragment"));
    }
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_leading_tilde_folder_is_the_home_folder() {
        // HOME is set wherever the tests run; the one case that reads it is compared with it.
        let home = PathBuf::from(std::env::var_os("HOME").expect("HOME is set"));
        assert_eq!(with_home(Path::new("~/www")).unwrap(), home.join("www"));
        assert_eq!(with_home(Path::new("~")).unwrap(), home);
        for kept in ["~other/www", "www/~", "/srv/~/www", "public", "~www"] {
            assert_eq!(with_home(Path::new(kept)).unwrap(), PathBuf::from(kept), "{kept}");
        }
    }

    fn resolve(yaml_text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = yaml::parse(yaml_text).map_err(|e| ConfigError::Parse {
            path: "site.yaml".into(),
            line: e.line,
            message: e.message,
        })?;
        Config::resolve("/site".into(), None, raw, &Overrides::default())
    }

    #[test]
    fn every_key_has_a_default() {
        let config = resolve("").unwrap();
        assert_eq!(config.base_url, "/");
        assert_eq!(config.theme, "default");
        assert_eq!(config.content_dir, PathBuf::from("/site/content"));
        assert_eq!(config.output_dir, PathBuf::from("/site/public"));
        assert_eq!(config.timezone_name, "UTC");
        assert!(!config.unsafe_html);
    }

    #[test]
    fn a_count_that_is_no_number_asks_for_one_or_more() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("site.yaml");
        for (yaml, key) in [
            ("paginate_by: ten\n", "paginate_by"),
            ("feeds:\n  limit: x\n", "feeds.limit"),
            ("tags:\n  min_articles: -1\n", "tags.min_articles"),
        ] {
            std::fs::write(&file, yaml).unwrap();
            let Err(ConfigError::Parse { message, .. }) = read_raw(&file) else { panic!("{yaml}") };
            assert!(
                message.starts_with(key) && message.ends_with("expected a whole number, 1 or more"),
                "{message}"
            );
        }
    }

    #[test]
    fn feed_formats_keep_the_order_written_in_any_case_and_once_each() {
        assert_eq!(resolve("").unwrap().feed_formats, FeedFormat::ALL);
        assert_eq!(resolve("feeds:\n  formats: Atom\n").unwrap().feed_formats, [FeedFormat::Atom]);
        assert_eq!(
            resolve("feeds:\n  formats: [json, RSS, json]\n").unwrap().feed_formats,
            [FeedFormat::Json, FeedFormat::Rss]
        );
        assert_eq!(resolve("feeds:\n  formats:\n").unwrap().feed_formats, FeedFormat::ALL, "left empty");
        let error = resolve("feeds:\n  formats: [rss, xml]\n").unwrap_err().to_string();
        assert!(
            error.contains(":2: feeds.formats: `xml` is no feed format: write rss, atom or json"),
            "{error}"
        );
        let error = resolve("feeds:\n  formats: 3\n").unwrap_err().to_string();
        assert!(error.contains("expected a feed format or a list of them (rss, atom, json)"), "{error}");
    }

    #[test]
    fn a_section_written_as_a_list_says_what_to_write_not_a_type_name() {
        for (yaml, what) in [
            ("digest: [period: week]\n", "period: week"),
            ("tags:\n  - auto: false\n", "auto: false"),
            ("search: yes please\n", "enabled: false"),
        ] {
            let error = resolve(yaml).unwrap_err().to_string();
            assert!(error.contains(what) && !error.contains("struct Raw"), "{yaml}: {error}");
        }
    }

    #[test]
    fn unknown_key_is_named() {
        let error = resolve("title: x\nbase_ulr: https://x.org\n").unwrap_err().to_string();
        assert!(error.contains("base_ulr"), "{error}");
        assert!(error.contains("site.yaml"), "{error}");
    }

    #[test]
    fn a_config_error_names_its_file_once() {
        let error = ConfigError::Parse {
            path: "/site/site.yaml".into(),
            line: Some(2),
            message: "unknown field".into(),
        };
        assert_eq!(error.to_string(), "/site/site.yaml:2: unknown field");
        assert_eq!(error.to_diagnostic().to_string(), "error: /site/site.yaml:2: unknown field");
        let error = ConfigError::Invalid {
            path: "site.yaml".into(),
            line: None,
            key: "paginate_by",
            message: "must be at least 1".into(),
        };
        assert_eq!(error.to_diagnostic().to_string(), format!("error: {error}"));
    }

    #[test]
    fn an_unknown_key_that_is_no_typo_is_pointed_to_extra() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), "title: News\ncopyright: Ann Lee\n").unwrap();
        let error = Config::load(dir.path(), &Overrides::default()).unwrap_err().to_string();
        assert!(error.contains("site.yaml:2: unknown field `copyright`"), "{error}");
        assert!(error.contains("templates read it as `site.extra.copyright`"), "{error}");
        std::fs::write(dir.path().join("site.yaml"), "titel: News\n").unwrap();
        let error = Config::load(dir.path(), &Overrides::default()).unwrap_err().to_string();
        assert!(error.contains("did you mean `title`") && !error.contains("site.extra"), "{error}");
    }

    #[test]
    fn a_value_that_makes_no_sense_is_named_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let write = |text: &str| std::fs::write(dir.path().join("site.yaml"), text).unwrap();
        let error = |expected: &str| {
            let error = Config::load(dir.path(), &Overrides::default()).unwrap_err();
            assert!(error.to_string().ends_with(expected), "{error}");
        };
        write("title: News\n# pages\npaginate_by: 0\n");
        error("site.yaml:3: `paginate_by`: must be at least 1");
        write("title: News\nextra:\n  limit: 2\nfeeds:\n  formats: [rss]\n  limit: 0\n");
        error("site.yaml:6: `feeds.limit`: must be at least 1");
        write("timezone: Mars/Olympus\n");
        let error = Config::load(dir.path(), &Overrides::default()).unwrap_err();
        assert!(error.to_string().contains("site.yaml:1: `timezone`"), "{error}");
        assert_eq!(key_line("feeds: {limit: 0}\n", "feeds.limit"), None, "not guessed");
        assert_eq!(key_line("feeds:\n  formats: [rss]\ntags:\n  limit: 3\n", "feeds.limit"), None);
        assert_eq!(key_line("extra:\n  theme: dark\ntheme: themes/broadsheet\n", "theme"), Some(3));
    }

    #[test]
    fn a_bad_value_from_a_flag_is_blamed_on_the_flag() {
        let raw = || yaml::parse::<RawConfig>("output_dir: .\n").unwrap();
        let from_file = Config::resolve("/site".into(), None, raw(), &Overrides::default()).unwrap_err();
        assert!(
            from_file.to_string().starts_with("site.yaml: `output_dir`: /site would overwrite"),
            "{from_file}"
        );
        let overrides = Overrides { output_dir: Some("/site".into()), ..Overrides::default() };
        let from_flag = Config::resolve("/site".into(), None, RawConfig::default(), &overrides).unwrap_err();
        assert!(from_flag.to_string().starts_with("--output: /site would overwrite"), "{from_flag}");
        let overrides = Overrides { base_url: Some("example.org".into()), ..Overrides::default() };
        let from_flag = Config::resolve("/site".into(), None, RawConfig::default(), &overrides).unwrap_err();
        assert!(
            from_flag.to_string().starts_with("--base-url: `example.org` must start with"),
            "{from_flag}"
        );
        let missing = Config::load(Path::new("/no/such/site"), &Overrides::default()).unwrap_err();
        assert!(missing.to_string().starts_with("/no/such/site: no such folder"), "{missing}");
    }

    #[test]
    fn base_url_gets_a_trailing_slash_and_keeps_its_sub_path() {
        let config = resolve("base_url: https://example.org/news").unwrap();
        assert_eq!(config.base_url, "https://example.org/news/");
        assert_eq!(config.absolute_url("a/"), "https://example.org/news/a/");
    }

    #[test]
    fn bad_values_are_refused_with_the_key() {
        for (text, key) in [
            ("base_url: example.org", "base_url"),
            ("timezone: Mars/Olympus", "timezone"),
            ("paginate_by: 0", "paginate_by"),
            ("theme: ../evil", "theme"),
            ("output_dir: .", "output_dir"),
            ("output_dir: themes", "output_dir"),
            ("output_dir: static/site", "output_dir"),
            ("output_dir: ..", "output_dir"),
        ] {
            let error = resolve(text).unwrap_err().to_string();
            assert!(error.contains(key), "{text}: {error}");
        }
    }
}
