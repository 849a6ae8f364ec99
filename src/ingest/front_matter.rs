//! The `---` YAML block at the top of an article, shared by `.txt` and `.md` files.
//!
//! [`split`] finds the block and keeps line numbers so a YAML error points at the right line of the
//! article file, not of the block. [`FrontMatter`] is the one schema for article metadata: what a
//! user may write by hand, and exactly what `gazette import` writes, so that importing a `.txt`
//! article and building the `.md` gives the same page.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::model::{Dateline, Embed, Image};
use crate::yaml;

/// An article split into its front matter and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The front-matter block between its `---` (or `+++`) lines, if the file has one.
    pub block: Option<&'a str>,
    /// How the block is written.
    pub format: Format,
    /// Everything after the closing line (or the whole text).
    pub body: &'a str,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// How a front-matter block is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML between `---` lines: Gazette's own, and Hugo's usual.
    Yaml,
    /// TOML between `+++` lines: every Zola page, and some Hugo sites.
    Toml,
}

/// A front-matter block that cannot be split off; it starts at line 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitError {
    /// Opened with `---` (or `+++`) and never closed.
    Unclosed,
}

/// Splits `text` at a leading `---` (YAML) or `+++` (TOML) block. A file that starts with
/// neither line has no block.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let opened = |fence: &str| {
        text.strip_prefix(fence)
            .and_then(|rest| rest.strip_prefix('\n'))
            .or_else(|| (text.trim_end() == fence).then_some(""))
    };
    let (rest, fence, format) = match (opened("---"), opened("+++")) {
        (Some(rest), _) => (rest, "---", Format::Yaml),
        (None, Some(rest)) => (rest, "+++", Format::Toml),
        (None, None) => return Ok(Split { block: None, format: Format::Yaml, body: text, body_line: 1 }),
    };
    let mut offset = 0;
    for (line, piece) in (2..).zip(rest.split_inclusive('\n')) {
        if piece.trim_end() == fence {
            let block = &rest[..offset];
            let body = &rest[offset + piece.len()..];
            return Ok(Split { block: Some(block), format, body, body_line: line + 1 });
        }
        offset += piece.len();
    }
    Err(SplitError::Unclosed)
}

/// A date field as written: `2025-09-12`, `2025-09-12T08:30:00-05:00`, `2025-09-12 08:30`.
/// Kept as text here; `ingest` resolves it in the site's time zone and reports bad values.
pub type DateText = String;

/// Article metadata. Every field is optional when reading; keys a user wrote always win over
/// anything Gazette derives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FrontMatter {
    /// The headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// True when Gazette wrote the title from the lede because the text had no headline.
    #[serde(default, skip_serializing_if = "is_false")]
    pub title_inferred: bool,
    /// The last URL segment; defaults to the file name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DateText>,
    /// Where the date came from when Gazette found it (`file_name`, `folders`, `dateline`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_source: Option<String>,
    /// Last update, for `dateModified` and feeds.
    #[serde(skip_serializing_if = "Option::is_none", alias = "lastmod")]
    pub updated: Option<DateText>,
    /// Hidden until this moment.
    #[serde(skip_serializing_if = "Option::is_none", alias = "publishDate")]
    pub publish_date: Option<DateText>,
    /// Hidden after this moment.
    #[serde(skip_serializing_if = "Option::is_none", alias = "expiryDate")]
    pub expiry_date: Option<DateText>,
    /// Built only with `--drafts`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub draft: bool,
    /// People who wrote the article (`author: Jane Doe` is accepted too).
    #[serde(
        default,
        alias = "author",
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub authors: Vec<String>,
    /// The place (and agency) line that opens the story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// The publisher.
    #[serde(skip_serializing_if = "Option::is_none", alias = "publisher")]
    pub source: Option<String>,
    /// The address of the original article (a clipping's page), which the article page links to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// One-paragraph summary, for cards and feeds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Hugo's and Zola's description: the summary when no `summary:` is given (read so, it is
    /// moved there); beside one, as Hugo themes use both, the page's description for search
    /// engines and link previews.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Topic tags (`tags: ferries, transport`, written as one string, is two).
    #[serde(default, deserialize_with = "comma_list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Language of the article when it differs from the site's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Words in the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub word_count: Option<usize>,
    /// Minutes to read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading_time: Option<usize>,
    /// Photos, captions and credits (a bare path, as Hugo's `images:` lists them, is a photo).
    #[serde(default, deserialize_with = "images_or_paths", skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<Image>,
    /// Social posts quoted in the article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embeds: Vec<Embed>,
    /// Old URLs of the article (site paths, as Hugo's and Zola's `aliases`), each published as a
    /// page that redirects to it, so links to a moved site keep working.
    #[serde(default, deserialize_with = "one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Any other key: kept for templates (`article.extra.key`), and warned about in case of typos.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// The other names [`FrontMatter`] reads some keys by (Hugo's and Zola's), for naming the one a
/// misspelled key meant (`descripton` meant `description`).
pub const ALIASES: &[&str] = &["lastmod", "publishDate", "expiryDate", "author", "publisher"];

/// The keys [`FrontMatter`] reads (aliases aside), for naming the one a misspelled key meant.
pub const KEYS: &[&str] = &[
    "title",
    "title_inferred",
    "slug",
    "date",
    "date_source",
    "updated",
    "publish_date",
    "expiry_date",
    "draft",
    "authors",
    "dateline",
    "source",
    "source_url",
    "summary",
    "description",
    "tags",
    "lang",
    "word_count",
    "reading_time",
    "images",
    "embeds",
    "aliases",
];

/// Why a front-matter block could not be read; `line` is already the line in the article file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    /// 1-based line in the article file.
    pub line: Option<usize>,
    /// What is wrong, and what to do.
    pub message: String,
}

/// The key Gazette reads that `key` spells in other capitals (`Draft`, `PublishDate`, `TITLE`),
/// if it is one. Hugo reads front-matter keys in any case, so sites moved from it write `Draft:
/// true`; read as an unknown key, that would publish a draft, and `PublishDate:` an embargoed
/// story.
fn known_key_in_other_case(key: &str) -> Option<&'static str> {
    KEYS.iter().chain(ALIASES).find(|known| **known != key && known.eq_ignore_ascii_case(key)).copied()
}

/// `yaml_text` with its top-level keys that are Gazette's in other capitals written as Gazette
/// spells them; line for line, so errors keep their lines. `Draft:` beside `draft:` is then the
/// duplicate key it is.
fn keys_in_gazettes_case(yaml_text: &str) -> std::borrow::Cow<'_, str> {
    let respelled = |line: &str| {
        let (key, rest) = line.split_once(':')?;
        let plain = key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        let value_follows = rest.trim_end_matches(['\n', '\r']).is_empty() || rest.starts_with([' ', '\t']);
        (plain && value_follows)
            .then(|| known_key_in_other_case(key))
            .flatten()
            .map(|known| format!("{known}:{rest}"))
    };
    if !yaml_text.lines().any(|line| respelled(line).is_some()) {
        return yaml_text.into();
    }
    let mut out = String::with_capacity(yaml_text.len());
    for line in yaml_text.split_inclusive('\n') {
        match respelled(line) {
            Some(line) => out.push_str(&line),
            None => out.push_str(line),
        }
    }
    out.into()
}

/// Reads the YAML of a block that started on line 2 of the file.
pub fn parse(yaml_text: &str) -> Result<FrontMatter, FrontMatterError> {
    yaml::parse(&keys_in_gazettes_case(yaml_text)).map(FrontMatter::description_as_summary).map_err(|e| {
        FrontMatterError {
            line: e.line.map(|l| l + 1),
            // A block of prose, or a list, is YAML that is no mapping: say what a block holds instead
            // of serde's type names.
            message: if e.message.contains("expected struct FrontMatter") {
                "the lines between the `---` lines must be front matter: `key: value` lines, such as \
             `title: Council approves budget`"
                    .to_string()
            } else {
                format!("front matter is not valid YAML: {}", e.message)
            },
        }
    })
}

/// Whether a line of `block` starts with a key [`FrontMatter`] reads (`title:`, or `title =` in
/// TOML): in a plain-text article, `---` lines around anything else are part of the text (a rule
/// above a headline, a pasted separator), not front matter.
pub fn names_a_key(block: &str) -> bool {
    // In any case: `Title:` is a key mistyped, and gets its "did you mean".
    let known =
        |key: &str| KEYS.iter().chain(ALIASES).chain(&["extra"]).any(|known| known.eq_ignore_ascii_case(key));
    block.lines().any(|line| {
        line.split_once([':', '=']).map(|(key, _)| key.trim().trim_matches(['"', '\''])).is_some_and(known)
    })
}

/// Reads a block in `format` that started on line 2 of the file.
pub fn parse_block(block: &str, format: Format) -> Result<FrontMatter, FrontMatterError> {
    match format {
        Format::Yaml => parse(block),
        Format::Toml => parse_toml(block),
    }
}

/// Reads Zola's (or Hugo's) TOML front matter as the YAML it says: dates (TOML's own type) as
/// the text they were written as, and Zola's `[taxonomies]` table's `tags` and `authors` as
/// Gazette's keys (other taxonomies stay under `taxonomies`, for templates). Its `[extra]` table
/// is an `extra` key, as in YAML.
pub fn parse_toml(block: &str) -> Result<FrontMatter, FrontMatterError> {
    let table: toml::Table = toml::from_str(block).map_err(|error| FrontMatterError {
        line: error.span().map(|span| block.get(..span.start).unwrap_or(block).matches('\n').count() + 2),
        message: format!("front matter is not valid TOML: {}", error.message().trim_end()),
    })?;
    let mut mapping = serde_yaml::Mapping::new();
    // Each key Gazette reads, by the spelling the file gave it.
    let mut spelled: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (key, value) in table {
        match (key.as_str(), value) {
            ("taxonomies", toml::Value::Table(mut taxonomies)) => {
                for name in ["tags", "authors"] {
                    if let Some(terms) = taxonomies.remove(name) {
                        mapping.insert(name.into(), toml_to_yaml(terms));
                    }
                }
                if !taxonomies.is_empty() {
                    mapping.insert("taxonomies".into(), toml_to_yaml(toml::Value::Table(taxonomies)));
                }
            }
            (_, value) => {
                let canonical = known_key_in_other_case(&key).map_or_else(|| key.clone(), str::to_string);
                // `Draft = true` beside `draft = false` is one key written twice, as in YAML.
                if let Some(first) = spelled.insert(canonical.clone(), key.clone()) {
                    return Err(FrontMatterError {
                        line: None,
                        message: format!(
                            "front matter: `{first}` and `{key}` are one key written twice; keep one of the two"
                        ),
                    });
                }
                mapping.insert(canonical.into(), toml_to_yaml(value));
            }
        }
    }
    serde_yaml::from_value(serde_yaml::Value::Mapping(mapping))
        .map(FrontMatter::description_as_summary)
        .map_err(|error| FrontMatterError { line: None, message: format!("front matter: {error}") })
}

impl FrontMatter {
    /// A `description:` without a `summary:` is the summary (see [`FrontMatter::description`]).
    fn description_as_summary(mut self) -> FrontMatter {
        if self.summary.is_none() {
            self.summary = self.description.take();
        }
        self
    }
}

fn toml_to_yaml(value: toml::Value) -> serde_yaml::Value {
    use serde_yaml::Value as Yaml;
    match value {
        toml::Value::String(text) => Yaml::String(text),
        toml::Value::Integer(number) => Yaml::Number(number.into()),
        toml::Value::Float(number) => Yaml::Number(number.into()),
        toml::Value::Boolean(flag) => Yaml::Bool(flag),
        // `date = 2025-03-04` (no quotes) is a TOML date; Gazette reads dates from text.
        toml::Value::Datetime(date) => Yaml::String(date.to_string()),
        toml::Value::Array(items) => Yaml::Sequence(items.into_iter().map(toml_to_yaml).collect()),
        toml::Value::Table(table) => Yaml::Mapping(
            table.into_iter().map(|(key, value)| (Yaml::String(key), toml_to_yaml(value))).collect(),
        ),
    }
}

/// Where the front-matter block sets one of `keys` (a key and its aliases) at the top level
/// (`key:` in YAML, `key =` in TOML), for a message about its value: the line of the article
/// file (the block starts on line 2) and the name as written there.
pub fn key_line<'k>(block: &str, keys: &[&'k str]) -> Option<(usize, &'k str)> {
    block.lines().enumerate().find_map(|(index, line)| {
        let key = keys.iter().find(|key| {
            line.strip_prefix(**key).is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
        })?;
        Some((index + 2, *key))
    })
}

/// Writes `front` and `body` as a Markdown article file.
pub fn write(front: &FrontMatter, body: &str) -> String {
    let yaml = yaml::write(front).unwrap_or_default();
    let yaml = if yaml.trim() == "{}" { String::new() } else { yaml };
    format!("---\n{yaml}---\n\n{body}")
}

fn is_false(value: &bool) -> bool {
    !value
}

fn images_or_paths<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Image>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged, expecting = "an image path (photo.jpg) or a map of src, alt, caption and credit")]
    enum Entry {
        Path(String),
        Full(Image),
    }
    let entries = Option::<Vec<Entry>>::deserialize(deserializer)?.unwrap_or_default();
    Ok(entries
        .into_iter()
        .map(|entry| match entry {
            Entry::Path(src) => Image { src: Some(src), ..Image::default() },
            Entry::Full(image) => image,
        })
        .collect())
}

/// A list, or one string of comma-separated items, as tags are often written by hand; an item
/// of a list keeps its commas (`["Washington, D.C."]`).
fn comma_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    strings(deserializer, |one| {
        one.split(',').map(str::trim).filter(|item| !item.is_empty()).map(str::to_string).collect()
    })
}

/// A list of strings, or one string as a list of one.
fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    strings(deserializer, |one| vec![one])
}

/// A list of strings as written, or one string made a list by `from_one`.
fn strings<'de, D: Deserializer<'de>>(
    deserializer: D,
    from_one: impl FnOnce(String) -> Vec<String>,
) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<OneOrMany>::deserialize(deserializer)? {
        None => Vec::new(),
        Some(OneOrMany::One(one)) => from_one(one),
        Some(OneOrMany::Many(many)) => many,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_in_any_case_as_hugo_reads_them() {
        let front = parse("Title: Vote\nDraft: true\nPublishDate: 2027-01-01\nEXPIRY_DATE: 2027-02-01\nTags:\n  - Council\nMood: calm\n")
            .unwrap();
        assert_eq!(front.title.as_deref(), Some("Vote"));
        assert!(front.draft, "`Draft: true` is a draft, not an extra key");
        assert!(front.publish_date.is_some() && front.expiry_date.is_some());
        assert_eq!(front.tags, ["Council"]);
        assert_eq!(front.extra.keys().collect::<Vec<_>>(), ["Mood"], "other keys keep their case");
        let error = parse("draft: false\nDraft: true\n").unwrap_err();
        assert_eq!(error.line, Some(3), "both spellings are one key written twice: {error:?}");
        let front = parse_toml("Draft = true\nPublishDate = 2027-01-01\n").unwrap();
        assert!(front.draft && front.publish_date.is_some());
        let error = parse_toml("draft = false\nDraft = true\n").unwrap_err();
        assert!(error.message.contains("`Draft` and `draft` are one key written twice"), "{error:?}");
    }

    #[test]
    fn no_block_means_whole_text_is_body() {
        let split = split("Just text\n---\nmore").unwrap();
        assert_eq!(split.block, None);
        assert_eq!(split.body_line, 1);
    }

    #[test]
    fn block_is_split_with_body_line() {
        let yaml = split("---\ntitle: A\ndate: 2025-01-02\n---\nBody\n").unwrap();
        assert_eq!(yaml.block, Some("title: A\ndate: 2025-01-02\n"));
        assert_eq!((yaml.format, yaml.body, yaml.body_line), (Format::Yaml, "Body\n", 5));
        let toml = split("+++\ntitle = \"A\"\n+++\nBody\n").unwrap();
        assert_eq!(toml.block, Some("title = \"A\"\n"));
        assert_eq!((toml.format, toml.body, toml.body_line), (Format::Toml, "Body\n", 4));
    }

    #[test]
    fn unclosed_block_is_an_error() {
        assert_eq!(split("---\ntitle: A\nBody\n"), Err(SplitError::Unclosed));
        assert_eq!(split("+++\ntitle = \"A\"\nBody\n"), Err(SplitError::Unclosed));
        assert!(split("+++ Breaking +++\nBody\n").is_ok_and(|split| split.block.is_none()));
    }

    #[test]
    fn zola_toml_front_matter_reads_as_gazettes() {
        let block = "title = \"Council votes\"\ndate = 2025-04-10\nupdated = 2025-04-11T08:00:00Z\n\
                     description = \"The vote.\"\ndraft = false\naliases = [\"/old/vote/\"]\n\
                     [taxonomies]\ntags = [\"Council\", \"Budget\"]\nauthors = [\"Ana Ruiz\"]\ncategories = [\"Local\"]\n\
                     [extra]\nhero = \"vote.jpg\"\n";
        let front = parse_toml(block).unwrap();
        assert_eq!(front.title.as_deref(), Some("Council votes"));
        assert_eq!(front.date.as_deref(), Some("2025-04-10"));
        assert_eq!(front.updated.as_deref(), Some("2025-04-11T08:00:00Z"));
        assert_eq!(front.summary.as_deref(), Some("The vote."));
        assert_eq!(front.tags, ["Council", "Budget"]);
        assert_eq!(front.authors, ["Ana Ruiz"]);
        assert_eq!(front.aliases, ["/old/vote/"]);
        assert_eq!(front.extra["extra"], serde_json::json!({"hero": "vote.jpg"}));
        assert_eq!(front.extra["taxonomies"], serde_json::json!({"categories": ["Local"]}));
        let error = parse_toml("title = \"A\"\ndate = \n").unwrap_err();
        assert!(parse_toml("title = \"é").is_err(), "an error at the end of the block");
        assert_eq!(error.line, Some(3), "{error:?}");
        assert!(error.message.starts_with("front matter is not valid TOML"), "{}", error.message);
        assert_eq!(key_line("title = \"A\"\ndate = 2025-04-10\n", &["date"]), Some((3, "date")));
    }

    #[test]
    fn yaml_error_line_is_the_file_line() {
        let error = parse("title: A\ntags: [x\n").unwrap_err();
        assert!(error.line.unwrap() >= 3, "{error:?}");
    }

    /// Hugo themes read both: `summary:` for lists, `description:` for the page's meta tags.
    #[test]
    fn summary_and_description_together_are_both_kept() {
        for front in [
            parse("summary: For the list.\ndescription: For search engines.\n").unwrap(),
            parse_toml("summary = \"For the list.\"\ndescription = \"For search engines.\"\n").unwrap(),
        ] {
            assert_eq!(front.summary.as_deref(), Some("For the list."));
            assert_eq!(front.description.as_deref(), Some("For search engines."));
        }
        let alone = parse_toml("description = \"Only this.\"\n").unwrap();
        assert_eq!((alone.summary.as_deref(), alone.description), (Some("Only this."), None));
    }

    #[test]
    fn author_string_and_description_alias() {
        let front = parse("author: Jane Doe\ndescription: Short.\ncustom: 3\n").unwrap();
        assert_eq!(front.authors, ["Jane Doe"]);
        assert_eq!(front.summary.as_deref(), Some("Short."));
        assert_eq!(front.extra["custom"], serde_json::json!(3));
    }

    #[test]
    fn tags_written_as_one_string_are_split_at_commas() {
        assert_eq!(parse("tags: ferries, transport\n").unwrap().tags, ["ferries", "transport"]);
        assert_eq!(parse("tags: Harbour\n").unwrap().tags, ["Harbour"]);
        assert_eq!(parse("tags: [Harbour, Ferries]\n").unwrap().tags, ["Harbour", "Ferries"]);
        assert_eq!(parse("tags: [\"Washington, D.C.\"]\n").unwrap().tags, ["Washington, D.C."]);
        assert_eq!(parse("author: Doe, Jane\n").unwrap().authors, ["Doe, Jane"], "authors are not split");
    }

    #[test]
    fn images_may_be_bare_paths_as_hugo_lists_them() {
        let front = parse("images:\n  - photo.jpg\n  - src: map.png\n    credit: Ann Lee\n").unwrap();
        let srcs: Vec<Option<&str>> = front.images.iter().map(|image| image.src.as_deref()).collect();
        assert_eq!(srcs, [Some("photo.jpg"), Some("map.png")]);
        assert_eq!(front.images[1].credit.as_deref(), Some("Ann Lee"));
        let error = parse("images:\n  - 3\n").unwrap_err();
        assert!(error.message.contains("an image path (photo.jpg) or a map"), "{}", error.message);
    }

    #[test]
    fn every_key_written_is_listed() {
        let front = FrontMatter {
            title: Some("A".into()),
            title_inferred: true,
            slug: Some("a".into()),
            date: Some("2025-01-02".into()),
            date_source: Some("dateline".into()),
            updated: Some("2025-01-03".into()),
            publish_date: Some("2025-01-02".into()),
            expiry_date: Some("2026-01-02".into()),
            draft: true,
            authors: vec!["Jane Doe".into()],
            dateline: Some(Dateline { place: "Paris".into(), ..Dateline::default() }),
            source: Some("AP".into()),
            source_url: Some("https://example.org/a".into()),
            summary: Some("S.".into()),
            description: Some("D.".into()),
            tags: vec!["t".into()],
            lang: Some("en".into()),
            word_count: Some(3),
            reading_time: Some(1),
            images: vec![Image { caption: Some("c".into()), ..Image::default() }],
            embeds: vec![Embed { platform: "x".into(), ..Embed::default() }],
            aliases: vec!["/old/".into()],
            extra: BTreeMap::new(),
        };
        let yaml = yaml::write(&front).unwrap();
        let mut written: Vec<&str> = yaml
            .lines()
            .filter(|line| !line.starts_with([' ', '-']))
            .filter_map(|line| line.split_once(':'))
            .map(|(key, _)| key)
            .collect();
        let mut listed = KEYS.to_vec();
        written.sort_unstable();
        listed.sort_unstable();
        assert_eq!(written, listed);
    }

    #[test]
    fn every_listed_key_is_read() {
        for key in KEYS {
            let value = match *key {
                "draft" | "title_inferred" => "true",
                "word_count" | "reading_time" => "3",
                "dateline" => "{place: Paris}",
                "images" | "embeds" => "[]",
                _ => "2025-01-02",
            };
            let front = parse(&format!("{key}: {value}\n")).unwrap();
            assert!(front.extra.is_empty(), "`{key}` is not a key FrontMatter reads");
        }
    }

    #[test]
    fn a_keys_line_is_found_by_any_of_its_names() {
        let yaml = "title: A\ndates: x\nlastmod : 2025\ndate: soon\n";
        assert_eq!(key_line(yaml, &["date"]), Some((5, "date")));
        assert_eq!(key_line(yaml, &["updated", "lastmod"]), Some((4, "lastmod")));
        assert_eq!(key_line(yaml, &["expiry_date"]), None);
    }

    #[test]
    fn write_then_parse_round_trips() {
        let front = FrontMatter {
            title: Some("A: headline with \"quotes\"".into()),
            date: Some("2025-09-12".into()),
            authors: vec!["Jane Doe".into()],
            tags: vec!["ICE".into()],
            ..FrontMatter::default()
        };
        let text = write(&front, "Body\n");
        let split = split(&text).unwrap();
        assert_eq!(parse(split.block.unwrap()).unwrap(), front);
        assert_eq!(split.body, "\nBody\n");
    }
}
