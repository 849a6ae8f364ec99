//! Reading the files of words: each layer's `i18n/LANG.yaml`, checked for what a person would
//! want to hear about (a misspelled key, a `{name}` nothing fills, a language not spoken).

use std::collections::BTreeMap;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Entry, FALLBACK, GAZETTE_KEYS, Words, chain_of, holes};
use crate::diagnostic::Diagnostic;
use crate::language::{base, normalised};
use crate::theme::TranslationFile;

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
        for (_, entries) in parsed.iter().filter(|(file, _)| !file.from_site && file.language == FALLBACK) {
            theme_english.extend(entries.iter().map(|(key, entry)| (key.as_str(), entry)));
        }
        let mut warnings = Vec::new();
        for (file, entries) in &parsed {
            warnings.extend(check_file(file, entries, &theme_english, asked));
        }
        let theme_english: FxHashMap<String, Entry> =
            theme_english.into_iter().map(|(key, entry)| (key.to_string(), entry.clone())).collect();
        let mut languages: FxHashMap<String, FxHashMap<String, Entry>> = FxHashMap::default();
        for (file, entries) in parsed {
            languages.entry(file.language.clone()).or_default().extend(entries);
        }
        let language = normalised(language);
        let chain = chain_of(&language);
        let mut site: FxHashMap<String, Entry> = FxHashMap::default();
        for tag in chain.iter().rev() {
            if let Some(entries) = languages.get(tag) {
                site.extend(entries.iter().map(|(key, entry)| (key.clone(), entry.clone())));
            }
        }
        let words = Words { languages, chain, site, language, theme_english };
        warnings.extend(words.coverage_warning(site_dir));
        Ok((words, warnings))
    }

    /// The warning for a site whose language the theme does not speak, or speaks in part.
    fn coverage_warning(&self, site_dir: &Path) -> Option<Diagnostic> {
        let (language, chain, languages) = (&self.language, &self.chain, &self.languages);
        if base(language) == FALLBACK {
            return None;
        }
        let own = &chain[..chain.len() - 1];
        if !own.iter().any(|tag| languages.contains_key(tag)) {
            let mut known: Vec<&str> = languages.keys().map(String::as_str).collect();
            known.sort_unstable();
            return Some(Diagnostic::warning(
                site_dir.join(format!("{}.yaml", base(language))),
                format!(
                    "the site's language is `{language}`, but the theme's words are in {} only, so pages say \"Front page\" and \"min read\" in English; `gazette init --language {language} --force` writes this file with the English words to translate",
                    known.join(", ")
                ),
            ));
        }
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
        // The site's own file of the language is where a site adds words, whichever layer lacks
        // them (a theme on disk may have words the built-in French does not).
        Some(Diagnostic::warning(
            site_dir.join(format!("{}.yaml", base(language))),
            format!(
                "the site's language is `{language}`, and no layer has its text for {}{more}, which pages show in English; add them to this file (their English is in the theme's i18n/en.yaml)",
                shown.join(", ")
            ),
        ))
    }
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
    top_level_keys(text).find(|(_, found)| *found == key).map(|(line, _)| line)
}

/// The top-level keys of a YAML mapping, with their 1-based lines: `key:`, `"key":`, `'key':`.
fn top_level_keys(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(index, line)| {
        if line.starts_with([' ', '\t', '#', '-']) {
            return None;
        }
        let (key, _) = line.split_once(':')?;
        let key = key.trim_end();
        let key = key
            .strip_prefix('"')
            .and_then(|k| k.strip_suffix('"'))
            .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
            .unwrap_or(key);
        Some((index + 1, key))
    })
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
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for (line, key) in top_level_keys(&file.text) {
        if !seen.insert(key) {
            warnings.push(
                Diagnostic::warning(
                    &file.origin,
                    format!("`{key}` is given twice; this one, the last, is used"),
                )
                .at_line(Some(line)),
            );
        }
    }
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
