//! The words of the interface in the site's language: "Front page", "min read", "Related
//! stories", and the phrases Gazette writes itself ("14 stories from 6 sources", "Topics").
//!
//! A theme keeps them in `i18n/LANG.yaml`, as Hugo's themes do, and a site's own `i18n/` overrides
//! them one word at a time, so a site changes "Front page" to "Home" without copying a template.
//! A file maps each key to its text, or, for a text with a number in it, to its plural forms
//! (`one`, `other`), in which `{count}` stands for the number:
//!
//! ```yaml
//! front_page: Front page
//! stories:
//!   one: "{count} story"
//!   other: "{count} stories"
//! ```
//!
//! Templates call `t(key="front_page")` and `t(key="stories", count=3)`; any other argument fills
//! the `{name}` it names (`t(key="all_stories_of", title=digest.in_text)`). Zola's `trans` is the
//! same function. A key is looked up in the site's language (`pt-br`), then in its base language
//! (`pt`), then in English, which the built-in theme has every key in: a site in a language no
//! theme speaks reads English words rather than broken pages, and is told so.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::language::{base, normalised};

mod inline;
mod load;

/// The language every key has a text in (the built-in theme's), and the last one looked in.
const FALLBACK: &str = "en";

/// The interface's words for one site.
#[derive(Debug)]
pub struct Words {
    /// Language tag (lower case) -> key -> text, each layer's keys over the earlier layers'.
    languages: FxHashMap<String, FxHashMap<String, Entry>>,
    /// The site's language first, then its base language, then English.
    chain: Vec<String>,
    /// The site's words, the chain resolved once: the lookup pages make.
    site: FxHashMap<String, Entry>,
    /// The site's language, for its plural rule.
    language: String,
    /// The theme's English texts (not the site's overrides): the `{name}`s a template must fill.
    theme_english: FxHashMap<String, Entry>,
}

/// One key's text.
#[derive(Debug, Clone)]
enum Entry {
    /// The same whatever the number.
    Text(String),
    /// A form per plural category.
    Forms(Forms),
}

/// Plural forms, by the categories of the Unicode plural rules. Gazette tells `one` from
/// `other`; the other categories are read so that a file that has them is not refused, and
/// their text is used for `other` until Gazette knows the languages that need them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Forms {
    #[serde(default)]
    one: Option<String>,
    other: String,
    #[serde(default)]
    zero: Option<String>,
    #[serde(default)]
    two: Option<String>,
    #[serde(default)]
    few: Option<String>,
    #[serde(default)]
    many: Option<String>,
}

/// A piece of a text of the theme's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'t> {
    /// Text as it is (braces around anything but a name included).
    Text(&'t str),
    /// A `{name}` to fill: the name.
    Hole(&'t str),
}

/// `text` cut into its text and its `{name}`s (a name: letters, digits and `_`).
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    let mut search_from = 0;
    while let Some(open) = rest[search_from..].find('{').map(|at| search_from + at) {
        let after = &rest[open + 1..];
        let name = after
            .find('}')
            .map(|close| &after[..close])
            .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        let Some(name) = name else {
            search_from = open + 1;
            continue;
        };
        if open > 0 {
            pieces.push(Piece::Text(&rest[..open]));
        }
        pieces.push(Piece::Hole(name));
        rest = &after[name.len() + 1..];
        search_from = 0;
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

/// The `{name}`s of `text`.
fn holes(text: &str) -> impl Iterator<Item = &str> {
    pieces(text).into_iter().filter_map(|piece| match piece {
        Piece::Hole(name) => Some(name),
        Piece::Text(_) => None,
    })
}

/// The keys Gazette itself asks for, for the texts it writes (headlines, titles, descriptions):
/// a site's file may override them though no template names them.
pub const GAZETTE_KEYS: &[&str] = &[
    "about_term",
    "also_reported_by",
    "authors",
    "authors_count",
    "by_term",
    "digests_feed_description",
    "digests_feed_title",
    "from_sources",
    "from_term",
    "headline_all_sourced",
    "headline_some_sourced",
    "latest_news_from",
    "no_page_here",
    "numbered_page",
    "numbered_page_of",
    "other_stories",
    "page_not_found",
    "search",
    "search_description",
    "sources",
    "sources_count",
    "stories",
    "taxonomy_description",
    "term_description",
    "term_feed_description",
    "title_and_count",
    "topics",
    "topics_count",
];

/// The keys `templates` ask for by name (`t(key="front_page")`), for telling a misspelled key
/// of a site's file from one its own template uses.
pub fn keys_asked<'t>(templates: impl Iterator<Item = &'t str>) -> FxHashSet<String> {
    let mut keys = FxHashSet::default();
    for text in templates {
        for (at, _) in text.match_indices("key") {
            // `key=`, not `monkey=`.
            if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = text[at + 3..].trim_start();
            let Some(rest) = rest.strip_prefix('=') else { continue };
            let rest = rest.trim_start();
            let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else { continue };
            if let Some(end) = rest[1..].find(quote) {
                keys.insert(rest[1..end + 1].to_string());
            }
        }
    }
    keys
}

impl Entry {
    /// The text to use: for forms, the `one` form when `one` says so (and there is one), else
    /// `other`.
    fn form(&self, one: Option<bool>) -> &str {
        match self {
            Entry::Text(text) => text,
            Entry::Forms(forms) => match (&forms.one, one) {
                (Some(text), Some(true)) => text,
                _ => &forms.other,
            },
        }
    }

    /// Its texts: the one, or each form.
    fn texts(&self) -> impl Iterator<Item = &str> {
        let (text, forms) = match self {
            Entry::Text(text) => (Some(text.as_str()), None),
            Entry::Forms(forms) => (None, Some(forms)),
        };
        let forms = forms.into_iter().flat_map(|forms| {
            [&forms.one, &forms.zero, &forms.two, &forms.few, &forms.many]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .chain(std::iter::once(forms.other.as_str()))
        });
        text.into_iter().chain(forms)
    }
}

impl Forms {
    /// Whether it has forms Gazette does not choose between yet.
    fn has_unused(&self) -> bool {
        self.zero.is_some() || self.two.is_some() || self.few.is_some() || self.many.is_some()
    }
}

/// The plural category of `count` in `language`: `one` or `other`. French and Portuguese count
/// 0 and 1 as `one` ("0 article", "1 article"); the other languages the themes speak, 1 only.
fn is_one(language: &str, count: i64) -> bool {
    match base(language) {
        "fr" | "pt" if language != "pt-pt" => count == 0 || count == 1,
        _ => count == 1,
    }
}

/// Where a key is looked for, for a page in `language`: the language, its base, then English.
fn chain_of(language: &str) -> Vec<String> {
    let language = normalised(language);
    let mut chain = vec![language.clone()];
    for fallback in [base(&language), FALLBACK] {
        if !chain.iter().any(|known| known == fallback) {
            chain.push(fallback.to_string());
        }
    }
    chain
}

impl Words {
    /// The built-in theme's English words, for tests of what Rust writes into pages.
    #[cfg(test)]
    pub fn english() -> Words {
        let files: Vec<crate::theme::TranslationFile> = crate::theme::Theme::built_in()
            .translations
            .into_iter()
            .filter(|file| file.language == FALLBACK)
            .collect();
        Words::load(&files, FALLBACK, std::path::Path::new("i18n"), &FxHashSet::default())
            .expect("the built-in words load")
            .0
    }
    /// The text of `key` in the site's language, its `{name}`s filled from `args`; the key
    /// itself when no layer has it (Rust's own keys are all in the built-in `en.yaml`, which a
    /// test checks). A `{name}` no argument fills is left as written.
    pub fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        match self.site.get(key) {
            Some(entry) => fill(entry.form(None), args),
            None => key.to_string(),
        }
    }

    /// [`Words::text`] of a key with plural forms, for `count` (which fills `{count}`).
    pub fn count(&self, key: &str, count: usize, args: &[(&str, &str)]) -> String {
        let Some(entry) = self.site.get(key) else { return key.to_string() };
        let one = i64::try_from(count).is_ok_and(|count| is_one(&self.language, count));
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        fill(entry.form(Some(one)), &all)
    }

    /// The entry of `key` in `language` (or the site's), following the chain of languages.
    fn entry(&self, key: &str, language: Option<&str>) -> Option<&Entry> {
        let Some(language) = language else { return self.site.get(key) };
        chain_of(language).iter().find_map(|tag| self.languages.get(tag).and_then(|entries| entries.get(key)))
    }

    /// Whether the template must fill `{name}` of `key`: the theme's English text has it (or, for
    /// a key only the site has, the site's English). A `{name}` only a translation has is a
    /// misspelling, warned of when the file was read, and shown as written.
    fn expects(&self, key: &str, name: &str) -> bool {
        let english = self
            .theme_english
            .get(key)
            .or_else(|| self.languages.get(FALLBACK).and_then(|entries| entries.get(key)));
        english.is_some_and(|english| {
            english.texts().flat_map(holes).any(|hole| hole == name)
                || (name == "count" && matches!(english, Entry::Forms(_)))
        })
    }
    /// `t(key="…", count=…, lang="…", form="one"|"other", name=value…)` for templates. A `count`
    /// takes the `one` form when it equals 1 (or 0, in French and Brazilian Portuguese), as the
    /// `{% if %}` that [`Words::inline_calls`] writes tests it, and every value is printed as the
    /// template prints a variable (escaped unless it is marked safe), so a call that runs and
    /// one written into the template show the same. A `{name}` of the theme's text that no
    /// argument fills is an error (`{count}` too, unless `form=` asks for the form as written).
    fn call(&self, kwargs: &Kwargs, state: &State) -> TeraResult<Value> {
        let (mut key, mut language, mut form, mut count) = (None, None, None, None);
        let mut args: Vec<(&str, &Value)> = Vec::new();
        for (name, value) in kwargs.iter() {
            let Some(name) = name.as_str() else { continue };
            let text = || value.as_str().map_or_else(|| value.to_string(), str::to_string);
            match name {
                "key" => key = Some(text()),
                "lang" => language = Some(text()),
                "form" => form = Some(text()),
                "count" => count = Some(value),
                _ => args.push((name, value)),
            }
        }
        let key = key.ok_or_else(|| tera::Error::message("t(): give the word's `key`"))?;
        if let Some(form) = form.as_deref().filter(|form| !matches!(*form, "one" | "other")) {
            return Err(tera::Error::message(format!("t(): `form` is \"one\" or \"other\", not \"{form}\"")));
        }
        let rule_language = language.as_deref().map_or_else(|| self.language.clone(), normalised);
        let one = match (&form, count) {
            (Some(form), _) => Some(form == "one"),
            (None, Some(count)) => Some(
                *count == Value::from(1u64) || (is_one(&rule_language, 0) && *count == Value::from(0u64)),
            ),
            (None, None) => None,
        };
        let Some(entry) = self.entry(&key, language.as_deref()) else {
            let looked_in = language.as_deref().map_or_else(|| self.chain.clone(), chain_of);
            return Err(tera::Error::message(format!(
                "t(): no text for `{key}` in the theme's words (i18n/{}.yaml); add `{key}: …` to the site's i18n/{}.yaml",
                looked_in.join(".yaml, i18n/"),
                looked_in[0]
            )));
        };
        let escaping = state.autoescaping_enabled();
        let print_text = |text: &str| if escaping { state.escape(text) } else { Ok(text.to_string()) };
        let print_value = |value: &Value| {
            if escaping {
                state.escape_if_needed(value)
            } else {
                Ok(value.as_str().map_or_else(|| value.to_string(), str::to_string))
            }
        };
        let mut out = String::new();
        for piece in pieces(entry.form(one)) {
            match piece {
                Piece::Text(text) => out.push_str(&print_text(text)?),
                Piece::Hole("count") if form.is_some() => out.push_str(&print_text("{count}")?),
                Piece::Hole(name) => {
                    let value = match name {
                        "count" => count,
                        _ => args.iter().find(|(arg, _)| *arg == name).map(|(_, value)| *value),
                    };
                    match value {
                        Some(value) => out.push_str(&print_value(value)?),
                        None if !self.expects(&key, name) => {
                            out.push_str(&print_text(&format!("{{{name}}}"))?)
                        }
                        None => {
                            let needs = if name == "count" {
                                "a number: give `count=`".to_string()
                            } else {
                                format!("`{name}=`")
                            };
                            return Err(tera::Error::message(format!(
                                "t(key=\"{key}\"): the text has `{{{name}}}`, which needs {needs}"
                            )));
                        }
                    }
                }
            }
        }
        Ok(if escaping { Value::safe_string(&out) } else { Value::from(out) })
    }
}

/// `template` with each `{name}` that `args` has filled in, the others left as written.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Hole(name) => match args.iter().find(|(arg, _)| *arg == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}
/// Registers `t` and its Zola name `trans` on `tera`.
pub(super) fn register(tera: &mut Tera, words: &Arc<Words>) {
    for name in ["t", "trans"] {
        let words = Arc::clone(words);
        tera.register_function(name, move |kwargs: Kwargs, state: &State| words.call(&kwargs, state));
    }
}
#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;
    use crate::theme::TranslationFile;

    fn file(language: &str, origin: &str, text: &str) -> TranslationFile {
        // Files under `themes/` are a theme's; the others, the site's own.
        let from_site = !origin.starts_with("themes/");
        TranslationFile { language: language.into(), origin: origin.into(), text: text.into(), from_site }
    }

    fn english(extra: &str) -> TranslationFile {
        file(
            "en",
            "themes/default/i18n/en.yaml",
            &format!(
                "front_page: Front page\nstories:\n  one: \"{{count}} story\"\n  other: \"{{count}} stories\"\n{extra}"
            ),
        )
    }

    #[test]
    fn a_key_is_found_in_the_language_then_its_base_then_english() {
        let files = [
            english("search: Search\n"),
            file(
                "pt",
                "themes/default/i18n/pt.yaml",
                "front_page: Primeira página\nstories:\n  one: \"{count} notícia\"\n  other: \"{count} notícias\"\n",
            ),
            file("pt-br", "i18n/pt-BR.yaml", "front_page: Capa\n"),
        ];
        let (words, warnings) =
            Words::load(&files, "pt-BR", Path::new("i18n"), &FxHashSet::default()).unwrap();
        assert_eq!(words.text("front_page", &[]), "Capa");
        assert_eq!(words.count("stories", 0, &[]), "0 notícia", "Portuguese counts 0 as one");
        assert_eq!(words.count("stories", 2, &[]), "2 notícias");
        assert_eq!(words.text("search", &[]), "Search", "English when no layer translates it");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].message.contains("`search`"), "{}", warnings[0].message);
    }

    #[test]
    fn a_later_layer_overrides_one_word_and_keeps_the_rest() {
        let files = [english(""), file("en", "i18n/en.yaml", "front_page: Home\n")];
        let (words, warnings) = Words::load(&files, "en", Path::new("i18n"), &FxHashSet::default()).unwrap();
        assert_eq!(words.text("front_page", &[]), "Home");
        assert_eq!(words.count("stories", 1, &[]), "1 story");
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_language_no_theme_speaks_is_english_and_said_once() {
        let (words, warnings) =
            Words::load(&[english("")], "ja", Path::new("i18n"), &FxHashSet::default()).unwrap();
        assert_eq!(words.text("front_page", &[]), "Front page");
        assert_eq!(words.count("stories", 0, &[]), "0 stories");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, std::path::PathBuf::from("i18n/ja.yaml"));
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        let (words, _) = Words::load(
            &[english("all_of: \"All stories of {title} {unknown} {\"\n")],
            "en",
            Path::new("i18n"),
            &FxHashSet::default(),
        )
        .unwrap();
        assert_eq!(words.text("all_of", &[("title", "Monday")]), "All stories of Monday {unknown} {");
        assert_eq!(words.text("no_such_key", &[]), "no_such_key");
    }

    #[test]
    fn a_broken_file_is_an_error_at_its_line_and_unused_forms_a_warning() {
        let broken = file("fr", "i18n/fr.yaml", "front_page: Une\nstories: [1, 2]\n");
        let errors =
            Words::load(&[english(""), broken], "fr", Path::new("i18n"), &FxHashSet::default()).unwrap_err();
        assert_eq!(errors[0].path, std::path::PathBuf::from("i18n/fr.yaml"));
        assert_eq!(errors[0].line, Some(2), "{:?}", errors[0]);
        assert!(errors[0].message.contains("`stories` is no text"), "{}", errors[0].message);
        let polish = file(
            "pl",
            "i18n/pl.yaml",
            "front_page: Start\nstories:\n  one: \"{count} artykuł\"\n  few: \"{count} artykuły\"\n  other: \"{count} artykułów\"\n",
        );
        let (words, warnings) =
            Words::load(&[english(""), polish], "pl", Path::new("i18n"), &FxHashSet::default()).unwrap();
        assert_eq!(words.count("stories", 3, &[]), "3 artykułów");
        assert!(warnings.iter().any(|w| w.message.contains("`few`")), "{warnings:?}");
    }

    /// Every word a built-in template or Gazette itself asks for is in English, and every
    /// language of each theme has the same keys as its English file, so no page of a built-in
    /// language falls back to English.
    #[test]
    fn the_themes_have_every_word_in_every_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let keys_of = |path: &std::path::Path| -> std::collections::BTreeSet<String> {
            let text = std::fs::read_to_string(path).unwrap();
            crate::yaml::parse::<BTreeMap<String, serde_json::Value>>(&text).unwrap().into_keys().collect()
        };
        let asked_for = |dir: &std::path::Path, pattern: &str| -> Vec<String> {
            let mut keys = Vec::new();
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                // This module (a folder) asks for made-up keys in its tests.
                if path.is_dir() {
                    continue;
                }
                let text = std::fs::read_to_string(path).unwrap();
                for (at, _) in text.match_indices(pattern) {
                    let rest = &text[at + pattern.len()..];
                    keys.push(rest[..rest.find('"').unwrap()].to_string());
                }
            }
            keys
        };
        let english = keys_of(&root.join("themes/default/i18n/en.yaml"));
        let mut wanted = asked_for(&root.join("themes/default/templates"), "t(key=\"");
        let mut gazettes = asked_for(&root.join("src/render"), ".text(\"");
        gazettes.extend(asked_for(&root.join("src/render"), ".count(\""));
        gazettes.extend(["topics", "sources", "authors"].map(|kind| format!("{kind}_count")));
        for key in gazettes.iter().filter(|key| !key.contains('{')) {
            assert!(GAZETTE_KEYS.contains(&key.as_str()), "`{key}` is missing from GAZETTE_KEYS");
        }
        wanted.extend(gazettes);
        let broadsheet = keys_of(&root.join("themes/broadsheet/i18n/en.yaml"));
        // `all_` is completed with the taxonomy's name (`all_tags`), checked below.
        for key in asked_for(&root.join("themes/broadsheet/templates"), "t(key=\"")
            .into_iter()
            .filter(|key| key != "all_")
        {
            assert!(english.contains(&key) || broadsheet.contains(&key), "broadsheet asks for `{key}`");
        }
        for key in ["tags", "sources", "authors"].map(|taxonomy| format!("all_{taxonomy}")) {
            assert!(broadsheet.contains(&key), "{key}");
        }
        let wanted: Vec<&String> =
            wanted.iter().filter(|key| !key.is_empty() && !key.contains('{')).collect();
        assert!(wanted.len() > 60, "{wanted:?}");
        for key in wanted {
            assert!(english.contains(key), "`{key}` is asked for but not in themes/default/i18n/en.yaml");
        }
        for theme in ["default", "broadsheet"] {
            let dir = root.join("themes").join(theme).join("i18n");
            let english = keys_of(&dir.join("en.yaml"));
            for language in ["fr", "de", "es", "pt", "it", "nl"] {
                assert_eq!(keys_of(&dir.join(format!("{language}.yaml"))), english, "{theme}/{language}");
            }
        }
    }

    #[test]
    fn calls_are_written_into_the_template_and_read_the_same() {
        let files = [
            english(
                "amp: \"Q&A\"\nall_of: \"All stories of {title}\"\nodd: \"{{ x }}\"\nlead: \" (continued)\"\nbrace: \"50{\"\n",
            ),
            file("fr", "fr.yaml", "stories:\n  one: \"{count} article\"\n  other: \"{count} articles\"\n"),
        ];
        let english_words = Words::load(&files, "en", Path::new("i18n"), &FxHashSet::default()).unwrap().0;
        let source = r#"<a>{{ t(key="front_page") }}</a>{{t(key="amp")}}{{ trans( key = 'amp' ) }}{{- t(key="amp") }}{{ t(key="all_of", title="x") }}{{ t(key="nothing") }}{{ t(key="amp") | upper }}{{ t(key="odd") }}{{ t(key="amp", lang="fr") }}"#;
        assert_eq!(
            english_words.inline_calls("page.html", source),
            r#"<a>Front page</a>{{t(key="amp")}}Q&amp;A{{- t(key="amp") }}{{ t(key="all_of", title="x") }}{{ t(key="nothing") }}{{ t(key="amp") | upper }}{{ t(key="odd") }}{{ t(key="amp", lang="fr") }}"#
        );
        assert_eq!(
            english_words.inline_calls(
                "page.html",
                r#"{{ t(key="all_of", title=digest.title) }}|{{ t(key="stories", count=n) }}"#
            ),
            r#"All stories of {{ digest.title }}|{% if n == 1 %}{{ n }} story{% else %}{{ n }} stories{% endif %}"#
        );
        assert_eq!(english_words.inline_calls("feed.txt", r#"{{ t(key="amp") }}"#), "Q&A");
        // What tera reads as text stays text: a raw block (however written), a comment, a string.
        for kept in [
            r#"{% raw %}{{ t(key="amp") }}{% endraw %}"#,
            r#"{%- raw -%}{{ t(key="amp") }}{%- endraw %}"#,
            r#"{%raw%}{{ t(key="amp") }}{%endraw%}"#,
            r#"{# {{ t(key="amp") }} #}"#,
            r#"{% set s = "{{ t(key='amp') }}" %}{{ s }}"#,
        ] {
            assert_eq!(english_words.inline_calls("page.html", kept), kept);
        }
        assert_eq!(
            english_words
                .inline_calls("page.html", r#"{% raw %}{{ t(key="amp") }}{% endraw %}{{ t(key="amp") }}"#),
            r#"{% raw %}{{ t(key="amp") }}{% endraw %}Q&amp;A"#
        );

        // Compiled and rendered, with the calls written in or made, the page is the same.
        // Values marked safe, whitespace control beside a text with spaces at its ends, a text
        // ending in a brace before a `%`: the calls that cannot be written in are left to run.
        let template = r#"{% set html = "<b>x</b>" | safe %}<a>{{ t(key="front_page") }}</a>{{ trans( key = 'amp' ) }}|{{ t(key="stories", count=n) }}|{{ t(key="all_of", title=story.title) }}|{{ t(key="all_of", title=html) }}|{{ n -}}   {{ t(key="lead") }}|{{ t(key="brace") }}% off|{{ t(key="amp") -}} {% if true %}!{% endif %}"#;
        for language in ["en", "fr"] {
            let words =
                Arc::new(Words::load(&files, language, Path::new("i18n"), &FxHashSet::default()).unwrap().0);
            let inlined = words.inline_calls("page.html", template);
            assert!(inlined.contains("</a>Q&amp;A|") && !inlined.contains("front_page"), "{inlined}");
            assert!(
                inlined.contains(r#"{{ t(key="lead") }}"#) && inlined.contains(r#"{{ t(key="brace") }}"#),
                "{inlined}"
            );
            // Whole numbers, and what a template may pass by mistake: printed as it prints them.
            for n in [
                serde_json::json!(0),
                serde_json::json!(1),
                serde_json::json!(2),
                serde_json::json!(2.5),
                serde_json::json!("trois"),
            ] {
                let render = |text: &str| {
                    let mut tera = Tera::new();
                    register(&mut tera, &words);
                    tera.add_raw_template("page.html", text).unwrap();
                    let mut context = tera::Context::new();
                    context.insert("n", &n);
                    context.insert("story", &serde_json::json!({"title": "Tom & Jerry"}));
                    tera.render("page.html", &context).unwrap()
                };
                assert_eq!(render(&inlined), render(template), "{language} {n}");
            }
        }
    }

    #[test]
    fn templates_call_t_and_trans() {
        let files = [
            english("all_of: \"All stories of {title}\"\n"),
            file("fr", "fr.yaml", "front_page: À la une\n"),
        ];
        let words = Arc::new(Words::load(&files, "en", Path::new("i18n"), &FxHashSet::default()).unwrap().0);
        let mut tera = Tera::new();
        register(&mut tera, &words);
        let source = r#"{{ t(key="front_page") }}|{{ trans(key="front_page", lang="fr") }}|{{ t(key="stories", count=n) }}|{{ t(key="stories", form="one") }}|{{ t(key="all_of", title="Tom & Jerry") }}"#;
        tera.add_raw_template("page.html", source).unwrap();
        let mut context = tera::Context::new();
        context.insert("n", &3);
        let page = tera.render("page.html", &context).unwrap();
        assert_eq!(page, "Front page|À la une|3 stories|{count} story|All stories of Tom &amp; Jerry");
        tera.add_raw_template("bad.html", r#"{{ t(key="nothing") }}"#).unwrap();
        let error = format!("{:?}", tera.render("bad.html", &tera::Context::new()).unwrap_err());
        assert!(error.contains("no text for `nothing`"), "{error}");
    }

    /// A `{name}` the theme's text has is the template's to give; one only the site's own
    /// text has (a misspelling, warned when read) shows as written rather than failing a page
    /// of a template the site never wrote.
    #[test]
    fn a_missing_argument_fails_but_a_misspelled_name_shows() {
        let files = [
            english("all_of: \"All stories of {title}\"\n"),
            file("en", "i18n/en.yaml", "all_of: \"All of {titel}\"\n"),
        ];
        let (words, warnings) = Words::load(&files, "en", Path::new("i18n"), &FxHashSet::default()).unwrap();
        assert!(warnings.iter().any(|w| w.message.contains("nothing fills `{titel}`")), "{warnings:?}");
        let words = Arc::new(words);
        let mut tera = Tera::new();
        register(&mut tera, &words);
        tera.add_raw_template("a.html", r#"{{ t(key="all_of", title="x", lang="en") }}"#).unwrap();
        assert_eq!(tera.render("a.html", &tera::Context::new()).unwrap(), "All of {titel}");
        tera.add_raw_template("b.html", r#"{{ t(key="stories", lang="en") }}"#).unwrap();
        let error = format!("{:?}", tera.render("b.html", &tera::Context::new()).unwrap_err());
        assert!(error.contains("the text has `{count}`, which needs a number"), "{error}");
    }

    #[test]
    fn texts_are_cut_into_pieces_and_holes_and_keys_asked_are_found() {
        assert_eq!(
            pieces("{count} of {x y} {} {title}!"),
            [Piece::Hole("count"), Piece::Text(" of {x y} {} "), Piece::Hole("title"), Piece::Text("!")]
        );
        let asked = keys_asked(
            [r#"{{ t(key="a") }}{{ trans( key = 'b' ) }}{{ t(key="all_" ~ x) }} monkey="c""#].into_iter(),
        );
        assert!(asked.contains("a") && asked.contains("b") && asked.contains("all_"), "{asked:?}");
        assert!(!asked.contains("c"), "{asked:?}");
    }
}
