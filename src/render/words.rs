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
//! the `{name}` it names (`t(key="all_stories_of", title=digest.title)`). Zola's `trans` is the
//! same function. A key is looked up in the site's language (`pt-br`), then in its base language
//! (`pt`), then in English, which the built-in theme has every key in: a site in a language no
//! theme speaks reads English words rather than broken pages, and is told so.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::diagnostic::Diagnostic;
use crate::theme::TranslationFile;

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

impl Entry {
    /// The entry a file's `value` for `key` gives, or why it gives none.
    fn read(key: &str, value: serde_json::Value) -> Result<Entry, String> {
        match value {
            serde_json::Value::String(text) => Ok(Entry::Text(text)),
            serde_json::Value::Number(number) => Ok(Entry::Text(number.to_string())),
            serde_json::Value::Null => Err(format!("`{key}` is empty: write its text after the colon")),
            serde_json::Value::Object(_) => serde_json::from_value(value).map(Entry::Forms).map_err(|error| {
                format!("`{key}`: {error}; plural forms are `one:` and `other:` (and `{{count}}` for the number)")
            }),
            _ => Err(format!(
                "`{key}` is no text: write its text, or its `one` and `other` forms when it holds a number"
            )),
        }
    }
}

/// The 1-based line of top-level `key:` in `text`, if it is there.
fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':')))
        .map(|index| index + 1)
}

/// The entries of one file, or the error that stops the build, at its line.
fn parse_file(file: &TranslationFile) -> Result<BTreeMap<String, Entry>, Diagnostic> {
    let raw = crate::yaml::parse::<BTreeMap<String, serde_json::Value>>(&file.text).map_err(|error| {
        let hint = if error.message.contains("sequence") {
            " (a list of `id:` and `translation:` is Hugo's older format: write `key: text`)"
        } else {
            ""
        };
        Diagnostic::error(&file.origin, format!("{}{hint}", error.message)).at_line(error.line)
    })?;
    raw.into_iter()
        .map(|(key, value)| match Entry::read(&key, value) {
            Ok(entry) => Ok((key, entry)),
            Err(message) => Err(Diagnostic::error(&file.origin, message).at_line(key_line(&file.text, &key))),
        })
        .collect()
}

/// Warnings for the entries of one file: a key of the site's that no theme has and no template
/// asks for (a misspelling, most likely), a `{name}` the theme's English text does not have
/// (nothing fills it, so it shows as written), Hugo's `{{ .Count }}`, and forms not chosen yet.
fn check_file(
    file: &TranslationFile,
    entries: &BTreeMap<String, Entry>,
    theme_english: &FxHashMap<&str, &Entry>,
    asked: &FxHashSet<String>,
) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let mut warn = |key: &str, message: String| {
        warnings.push(Diagnostic::warning(&file.origin, message).at_line(key_line(&file.text, key)));
    };
    for (key, entry) in entries {
        let english = theme_english.get(key.as_str());
        if file.from_site
            && english.is_none()
            && !asked.contains(key)
            && !GAZETTE_KEYS.contains(&key.as_str())
        {
            let known = theme_english.keys().copied().chain(asked.iter().map(String::as_str));
            let meant = crate::yaml::closest_key(key, known)
                .map(|meant| format!(" (did you mean `{meant}`?)"))
                .unwrap_or_default();
            warn(key, format!("`{key}` is no word of the theme's, and no template asks for it{meant}"));
        }
        if entry.texts().any(|text| text.contains("{{")) {
            warn(key, format!("`{key}`: write a number as `{{count}}`; `{{{{ .Count }}}}` is Hugo's way"));
            continue;
        }
        if let Some(english) = english {
            let mut allowed: Vec<&str> = english.texts().flat_map(holes).collect();
            if matches!(english, Entry::Forms(_)) {
                allowed.push("count");
            }
            for hole in entry.texts().flat_map(holes) {
                if !allowed.contains(&hole) {
                    let expected: Vec<String> = allowed.iter().map(|name| format!("`{{{name}}}`")).collect();
                    let expected = if expected.is_empty() { "none".to_string() } else { expected.join(", ") };
                    warn(
                        key,
                        format!(
                            "`{key}`: nothing fills `{{{hole}}}`, which pages would show as written; the theme's text has {expected}"
                        ),
                    );
                }
            }
        }
        if let Entry::Forms(forms) = entry
            && forms.has_unused()
        {
            warn(
                key,
                format!(
                    "`{key}`: Gazette chooses between the `one` and `other` forms only, so the `zero`, `two`, `few` and `many` forms are not used yet (`other` is)"
                ),
            );
        }
    }
    warnings
}

/// The `{name}`s of `text`.
fn holes(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|after| {
        let name = &after[..after.find('}')?];
        (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')).then_some(name)
    })
}

/// The keys Gazette itself asks for, for the texts it writes (headlines, titles, descriptions):
/// a site's file may override them though no template names them.
pub const GAZETTE_KEYS: &[&str] = &[
    "about_term",
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

/// `pt` of `pt-br`.
fn base(language: &str) -> &str {
    language.split('-').next().unwrap_or(language)
}

/// `pt-BR` and `pt_BR` as the files are named: `pt-br`.
fn normalised(language: &str) -> String {
    language.trim().to_ascii_lowercase().replace('_', "-")
}

impl Words {
    /// The words of `files` (every layer's `i18n/LANG.yaml`, built-in first) for a site in
    /// `language`, whose own translations go in `site_dir`; `asked` are the keys the templates
    /// ask for by name. Unreadable files are errors naming the file and line. Warned, with the
    /// file and line: a language the theme does not speak or speaks in part (its pages fall back
    /// to English words), a key of the site's that nothing asks for (a misspelling), a `{name}`
    /// that nothing fills.
    pub fn load(
        files: &[TranslationFile],
        language: &str,
        site_dir: &Path,
        asked: &FxHashSet<String>,
    ) -> Result<(Words, Vec<Diagnostic>), Vec<Diagnostic>> {
        let mut parsed = Vec::with_capacity(files.len());
        let mut errors = Vec::new();
        for file in files {
            match parse_file(file) {
                Ok(entries) => parsed.push((file, entries)),
                Err(error) => errors.push(error),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // What the theme says in English: the reference for keys and `{names}`.
        let mut theme_english: FxHashMap<&str, &Entry> = FxHashMap::default();
        for (file, entries) in parsed.iter().filter(|(file, _)| !file.from_site && file.language == FALLBACK)
        {
            let _ = file;
            theme_english.extend(entries.iter().map(|(key, entry)| (key.as_str(), entry)));
        }
        let mut warnings = Vec::new();
        for (file, entries) in &parsed {
            warnings.extend(check_file(file, entries, &theme_english, asked));
        }
        let mut languages: FxHashMap<String, FxHashMap<String, Entry>> = FxHashMap::default();
        let mut origins: FxHashMap<&str, &PathBuf> = FxHashMap::default();
        for (file, entries) in parsed {
            languages.entry(file.language.clone()).or_default().extend(entries);
            origins.insert(&file.language, &file.origin);
        }
        let language = normalised(language);
        let mut chain = vec![language.clone()];
        for fallback in [base(&language), FALLBACK] {
            if !chain.iter().any(|known| known == fallback) {
                chain.push(fallback.to_string());
            }
        }
        let mut site: FxHashMap<String, Entry> = FxHashMap::default();
        for tag in chain.iter().rev() {
            if let Some(entries) = languages.get(tag) {
                site.extend(entries.iter().map(|(key, entry)| (key.clone(), entry.clone())));
            }
        }
        let words = Words { languages, chain, site, language };
        warnings.extend(words.coverage_warning(site_dir, &origins));
        Ok((words, warnings))
    }

    /// The warning for a site whose language the theme does not speak, or speaks in part.
    fn coverage_warning(&self, site_dir: &Path, origins: &FxHashMap<&str, &PathBuf>) -> Option<Diagnostic> {
        let (language, chain, languages) = (&self.language, &self.chain, &self.languages);
        if base(language) == FALLBACK {
            return None;
        }
        let own = &chain[..chain.len() - 1];
        let Some(spoken) = own.iter().find(|tag| languages.contains_key(*tag)) else {
            let mut known: Vec<&str> = languages.keys().map(String::as_str).collect();
            known.sort_unstable();
            return Some(Diagnostic::warning(
                site_dir.join(format!("{}.yaml", base(language))),
                format!(
                    "the site's language is `{language}`, but the theme's words are in {} only, so pages say \"Front page\" and \"min read\" in English; `gazette init --language {language} --force` writes this file with the English words to translate",
                    known.join(", ")
                ),
            ));
        };
        let translated = |key: &String| {
            own.iter().any(|tag| languages.get(tag).is_some_and(|entries| entries.contains_key(key)))
        };
        let mut missing: Vec<&String> = languages
            .get(FALLBACK)
            .map(|entries| entries.keys().filter(|key| !translated(key)).collect())
            .unwrap_or_default();
        if missing.is_empty() {
            return None;
        }
        missing.sort_unstable();
        let shown: Vec<String> = missing.iter().take(5).map(|key| format!("`{key}`")).collect();
        let more = match missing.len().saturating_sub(5) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        let origin = origins.get(spoken.as_str()).map_or_else(PathBuf::new, |path| (*path).clone());
        Some(Diagnostic::warning(
            origin,
            format!(
                "has no text for {}{more}, which pages show in English; add them from the theme's i18n/en.yaml",
                shown.join(", ")
            ),
        ))
    }

    /// The built-in theme's English words, for tests of what Rust writes into pages.
    #[cfg(test)]
    pub fn english() -> Words {
        let files: Vec<TranslationFile> = crate::theme::Theme::built_in()
            .translations
            .into_iter()
            .filter(|file| file.language == FALLBACK)
            .collect();
        Words::load(&files, FALLBACK, Path::new("i18n"), &FxHashSet::default())
            .expect("the built-in words load")
            .0
    }

    /// The text of `key` in the site's language, its `{name}`s filled from `args`; the key
    /// itself when no layer has it (a theme's template is told; Rust's own keys are all in the
    /// built-in `en.yaml`, which a test checks).
    pub fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        match self.site.get(key) {
            Some(entry) => fill(entry.form(None), |name| lookup(args, name), |_| true).unwrap_or_default(),
            None => key.to_string(),
        }
    }

    /// [`Words::text`] of a key with plural forms, for `count` (which fills `{count}`).
    pub fn count(&self, key: &str, count: usize, args: &[(&str, &str)]) -> String {
        let Some(entry) = self.site.get(key) else { return key.to_string() };
        let one = i64::try_from(count).is_ok_and(|count| is_one(&self.language, count));
        let count = count.to_string();
        let value = |name: &str| if name == "count" { Some(count.as_str()) } else { lookup(args, name) };
        fill(entry.form(Some(one)), value, |_| true).unwrap_or_default()
    }

    /// The entry of `key` in `language` (or the site's), following the chain of languages.
    fn entry(&self, key: &str, language: Option<&str>) -> Option<&Entry> {
        let Some(language) = language else { return self.site.get(key) };
        let language = normalised(language);
        [language.as_str(), base(&language), FALLBACK]
            .into_iter()
            .find_map(|tag| self.languages.get(tag).and_then(|entries| entries.get(key)))
    }

    /// `source` (the template `name`) with each `{{ t(key="…", …) }}` of the site's language
    /// written out as the template code it stands for: the text, escaped as tera escapes the
    /// template's output, with `{{ pager.current }}` where an argument names a variable and, for a
    /// count, an `{% if %}` choosing the plural form by the language's rule. The page reads the
    /// same, but the call, made on every page, is gone: 20 calls on each page cost a build 7% of
    /// its instructions. Calls it cannot rewrite are left to run (and to fail at their line when
    /// the key is unknown): another language, a filter or an expression in an argument, a text
    /// holding tera's own `{{`. A template with a `raw` block is left as it is, since the text
    /// inside must stay as written.
    pub fn inline_calls<'s>(&self, name: &str, source: &'s str) -> Cow<'s, str> {
        if !source.contains("{{") || has_raw_block(source) {
            return Cow::Borrowed(source);
        }
        let escaped = [".html", ".htm", ".xml"].iter().any(|suffix| name.ends_with(suffix));
        let mut out = String::new();
        let mut copied = 0;
        let mut from = 0;
        while let Some(found) = source[from..].find("{{") {
            let open = from + found;
            from = open + 2;
            let Some(call) = SimpleCall::parse(&source[open..]) else { continue };
            let Some(code) = self.code_for(&call, escaped) else { continue };
            out.push_str(&source[copied..open]);
            out.push_str(&code);
            copied = open + call.length;
            from = copied;
        }
        if copied == 0 {
            return Cow::Borrowed(source);
        }
        out.push_str(&source[copied..]);
        Cow::Owned(out)
    }

    /// The template code that prints what `call` would, or `None` when it cannot be written so.
    fn code_for(&self, call: &SimpleCall<'_>, escaped: bool) -> Option<String> {
        let form_code = |text: &str, count: Option<&str>| -> Option<String> {
            if ["{{", "{%", "{#", "\n"].iter().any(|tera| text.contains(tera)) {
                return None;
            }
            let mut code = String::with_capacity(text.len() + 16);
            let literal = |piece: &str, code: &mut String| {
                if escaped {
                    let mut bytes = Vec::with_capacity(piece.len());
                    let _ = tera::escape_html(piece, &mut bytes);
                    code.push_str(&String::from_utf8_lossy(&bytes));
                } else {
                    code.push_str(piece);
                }
            };
            let mut rest = text;
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                let hole = after.find('}').map(|close| (&after[..close], close)).filter(|(name, _)| {
                    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                });
                literal(&rest[..open], &mut code);
                match hole {
                    Some((name, close)) => {
                        // A `{name}` no argument fills: the call is left to say so at run time.
                        let variable = match (name, count) {
                            ("count", Some(count)) => count,
                            _ => call
                                .args
                                .iter()
                                .find(|(arg, _)| *arg == name)
                                .map(|(_, variable)| *variable)?,
                        };
                        code.push_str("{{ ");
                        code.push_str(variable);
                        code.push_str(" }}");
                        rest = &after[close + 1..];
                    }
                    None => {
                        literal("{", &mut code);
                        rest = after;
                    }
                }
            }
            literal(rest, &mut code);
            Some(code)
        };
        match (self.site.get(call.key)?, call.count) {
            (Entry::Text(text), None) => form_code(text, None),
            (Entry::Forms(forms), Some(count)) => {
                let other = form_code(&forms.other, Some(count))?;
                match &forms.one {
                    Some(one) if *one != forms.other => {
                        let one = form_code(one, Some(count))?;
                        let test = one_test(&self.language, count);
                        Some(format!("{{% if {test} %}}{one}{{% else %}}{other}{{% endif %}}"))
                    }
                    _ => Some(other),
                }
            }
            _ => None,
        }
    }

    /// `t(key="…", count=…, lang="…", form="one"|"other", name=value…)` for templates. A `count`
    /// takes the `one` form when it equals 1 (or 0, in French), as the `{% if %}` that
    /// [`Words::inline_calls`] writes tests it, and is printed as the template would print it. A
    /// `{name}` of the text that no argument fills is an error (`{count}` too, unless `form=`
    /// asks for the form as it is written).
    fn call(&self, kwargs: &Kwargs) -> TeraResult<String> {
        let (mut key, mut language, mut form, mut count) = (None, None, None, None);
        let mut args: Vec<(&str, String)> = Vec::new();
        for (name, value) in kwargs.iter() {
            let Some(name) = name.as_str() else { continue };
            let text = || value.as_str().map_or_else(|| value.to_string(), str::to_string);
            match name {
                "key" => key = Some(text()),
                "lang" => language = Some(text()),
                "form" => form = Some(text()),
                "count" => count = Some(value),
                _ => args.push((name, text())),
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
        let count_text = count
            .filter(|_| form.is_none())
            .map(|count| count.as_str().map_or_else(|| count.to_string(), str::to_string));
        let Some(entry) = self.entry(&key, language.as_deref()) else {
            let looked_in: Vec<String> = match &language {
                Some(language) => vec![normalised(language), FALLBACK.to_string()],
                None => self.chain.clone(),
            };
            return Err(tera::Error::message(format!(
                "t(): no text for `{key}` in the theme's words (i18n/{}.yaml); add `{key}: …` to the site's i18n/{}.yaml",
                looked_in.join(".yaml, i18n/"),
                looked_in[0]
            )));
        };
        let value = |name: &str| match name {
            "count" if form.is_some() => Some("{count}"),
            "count" => count_text.as_deref(),
            _ => args.iter().find(|(arg, _)| *arg == name).map(|(_, value)| value.as_str()),
        };
        // A `{name}` the English text has is the template's to fill: leaving it out is the
        // template's mistake. One only a translation has is a misspelling, warned of when the
        // file was read, and shown as written.
        let english = self.languages.get(FALLBACK).and_then(|entries| entries.get(&key));
        let expected = |name: &str| {
            english.is_some_and(|english| {
                english.texts().flat_map(holes).any(|hole| hole == name)
                    || (name == "count" && matches!(english, Entry::Forms(_)))
            })
        };
        let filled = fill(entry.form(one), value, |name| !expected(name)).map_err(|hole| {
            let needs =
                if hole == "count" { "a number: give `count=`".to_string() } else { format!("`{hole}=`") };
            tera::Error::message(format!("t(key=\"{key}\"): the text has `{{{hole}}}`, which needs {needs}"))
        })?;
        Ok(filled)
    }
}

/// The value of `{name}` among `args`.
fn lookup<'a>(args: &[(&'a str, &'a str)], name: &str) -> Option<&'a str> {
    args.iter().find(|(arg, _)| *arg == name).map(|(_, value)| *value)
}

/// `template` with each `{name}` replaced by `value(name)`. A `{name}` with no value is left as
/// written when `keep(name)`, else it is the error; braces around anything but a name are text.
fn fill<'t, 'v>(
    template: &'t str,
    value: impl Fn(&str) -> Option<&'v str>,
    keep: impl Fn(&str) -> bool,
) -> Result<String, &'t str> {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hole = after.find('}').map(|close| (&after[..close], close)).filter(|(name, _)| {
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
        match hole {
            Some((name, close)) => {
                match value(name) {
                    Some(value) => out.push_str(value),
                    None if keep(name) => out.push_str(&rest[open..open + close + 2]),
                    None => return Err(name),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Whether `source` has a `{% raw %}` block (`{%raw%}`, `{%- raw -%}` alike).
fn has_raw_block(source: &str) -> bool {
    source.match_indices("{%").any(|(at, _)| {
        let tag = source[at + 2..].trim_start_matches('-').trim_start();
        tag.strip_prefix("raw")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_whitespace() || c == '-' || c == '%'))
    })
}

/// A call of `t` (or `trans`) alone in a print tag, with a literal key and arguments that are
/// variables (`{{ t(key="page_of", current=pager.current, total=pager.total) }}`).
#[derive(Debug, PartialEq)]
struct SimpleCall<'s> {
    key: &'s str,
    /// The variable given as `count`.
    count: Option<&'s str>,
    /// The other arguments: name and variable.
    args: Vec<(&'s str, &'s str)>,
    /// Bytes of the whole tag, from `{{` to `}}`.
    length: usize,
}

impl<'s> SimpleCall<'s> {
    /// The call at the start of `text`, or `None` for anything else: a filter, an expression or
    /// a string in an argument, `lang=` or `form=`, `{{-` or `-}}`.
    fn parse(text: &'s str) -> Option<SimpleCall<'s>> {
        let rest = text.strip_prefix("{{")?;
        let rest = rest.strip_prefix(' ')?.trim_start_matches(' ');
        let mut rest = rest.strip_prefix("t(").or_else(|| rest.strip_prefix("trans("))?;
        let (mut key, mut count, mut args) = (None, None, Vec::new());
        loop {
            rest = rest.trim_start_matches(' ');
            if let Some(after) = rest.strip_prefix(')') {
                rest = after;
                break;
            }
            let name_end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
            let name = &rest[..name_end];
            rest = rest[name_end..].trim_start_matches(' ').strip_prefix('=')?.trim_start_matches(' ');
            if name == "key" {
                let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
                let end = rest[1..].find(quote)? + 1;
                key = Some(&rest[1..end]);
                rest = &rest[end + 1..];
            } else {
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                    .unwrap_or(rest.len());
                let variable = &rest[..end];
                if variable.is_empty() || variable.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
                    return None;
                }
                match name {
                    "count" => count = Some(variable),
                    "lang" | "form" | "key" => return None,
                    _ => args.push((name, variable)),
                }
                rest = &rest[end..];
            }
            rest = rest.trim_start_matches(' ');
            match rest.strip_prefix(',') {
                Some(after) => rest = after,
                None if rest.starts_with(')') => {}
                None => return None,
            }
        }
        let after = rest.trim_start_matches(' ').strip_prefix("}}")?;
        let key =
            key.filter(|key| !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))?;
        Some(SimpleCall { key, count, args, length: text.len() - after.len() })
    }
}

/// The tera test that `count` takes the `one` form in `language` ([`is_one`], as template code).
fn one_test(language: &str, count: &str) -> String {
    if is_one(language, 0) { format!("{count} == 0 or {count} == 1") } else { format!("{count} == 1") }
}

/// Registers `t` and its Zola name `trans` on `tera`.
pub(super) fn register(tera: &mut Tera, words: &Arc<Words>) {
    for name in ["t", "trans"] {
        let words = Arc::clone(words);
        tera.register_function(name, move |kwargs: Kwargs, _: &State| words.call(&kwargs));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(warnings[0].path, PathBuf::from("i18n/ja.yaml"));
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
        assert_eq!(errors[0].path, PathBuf::from("i18n/fr.yaml"));
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
                // This file's tests ask for made-up keys.
                if path.ends_with("words.rs") {
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
            english("amp: \"Q&A\"\nall_of: \"All stories of {title}\"\nodd: \"{{ x }}\"\n"),
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
        let raw = r#"{% raw %}{{ t(key="amp") }}{% endraw %}{{ t(key="amp") }}"#;
        assert_eq!(english_words.inline_calls("page.html", raw), raw);

        // Compiled and rendered, with the calls written in or made, the page is the same.
        let template = r#"<a>{{ t(key="front_page") }}</a>{{ trans( key = 'amp' ) }}|{{ t(key="stories", count=n) }}|{{ t(key="all_of", title=story.title) }}"#;
        for language in ["en", "fr"] {
            let words =
                Arc::new(Words::load(&files, language, Path::new("i18n"), &FxHashSet::default()).unwrap().0);
            let inlined = words.inline_calls("page.html", template);
            assert!(!inlined.contains("t(key="), "{inlined}");
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
}
