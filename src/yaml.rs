//! The one place that parses and writes YAML.
//!
//! The design card picks serde_yaml, which is no longer maintained upstream. Keeping every YAML call
//! behind these two functions means swapping it for a successor touches one file, and every caller
//! gets the same error shape: a message with the line and column where the parser stopped.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A YAML syntax or type error, with the 1-based line where the parser stopped, when it knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line inside the YAML text that was parsed (not the file: callers add their offset).
    pub line: Option<usize>,
    /// The parser's explanation, without its own location suffix.
    pub message: String,
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for YamlError {}

/// Parses `text` into `T`. An empty document parses as `T`'s empty mapping, so an empty
/// `site.yaml` or an empty `---`/`---` block is fine.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(text).map_err(|error| {
        let mut message = in_plain_words(&strip_location_suffix(&error.to_string()));
        let mut line = duplicate_line(text, &message).or(error.location().map(|location| location.line()));
        if let Some((cause_line, hint)) = likely_cause(text, &message, line) {
            line = Some(cause_line);
            message = format!("{message} ({hint})");
        }
        YamlError { line, message }
    })
}

/// What the parser's message does not say, for the mistakes people make most: a tab to indent
/// (YAML allows spaces only), a quote opened and not closed (the parser stops lines later, at
/// whatever comes next), and `yes`/`no`/`on`/`off` for true and false (YAML 1.1 read them so;
/// serde_yaml reads YAML 1.2, where they are strings). Returns the line to point at and the hint.
fn likely_cause(text: &str, message: &str, line: Option<usize>) -> Option<(usize, String)> {
    let numbered = || text.lines().enumerate().map(|(at, line)| (at + 1, line));
    let up_to = line.unwrap_or(usize::MAX);
    if (message.contains("cannot start any token") || message.contains("tab character"))
        && let Some((tabbed, _)) = numbered()
            .filter(|(number, _)| *number <= up_to)
            .find(|(_, line)| line.trim_start_matches(' ').starts_with('\t'))
    {
        return Some((tabbed, "a tab indents this line: YAML indents with spaces only".to_string()));
    }
    if let Some(at) = message.find("expected a boolean")
        && let Some(value) =
            message[..at].rsplit_once("invalid type: string \"").and_then(|(_, v)| v.split_once('"'))
    {
        let hint = if matches!(value.0, "true" | "false") {
            format!("write `{}` without quotes: in quotes it is text", value.0)
        } else {
            format!("write `true` or `false`, not `{}`", value.0)
        };
        return Some((line?, hint));
    }
    if message.contains("mapping values are not allowed")
        && let Some(at) = line
        && let Some(hint) = mapping_value_problem(text, at)
    {
        return Some((at, hint.to_string()));
    }
    if message.contains("did not find expected ',' or")
        && let Some((number, _)) = numbered()
            .filter(|(number, _)| *number <= up_to)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .find(|(_, line)| opens_unclosed_bracket(line))
    {
        return Some((number, "the bracket opened on this line is not closed on it".to_string()));
    }
    let syntax = ["did not find expected", "end of stream", "found unexpected", "could not find expected"];
    if syntax.iter().any(|words| message.contains(words)) {
        // The nearest line above where the parser stopped: a quoted value spanning lines earlier
        // in the file is valid YAML.
        let quoted = numbered()
            .filter(|(number, _)| *number <= up_to)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .find_map(|(number, line)| Some((number, quote_problem(line)?)));
        if let Some((number, hint)) = quoted {
            return Some((number, hint.to_string()));
        }
    }
    None
}

/// What is wrong with the quotes of a `key: value` or `- value` line, if anything: a value that
/// opens a quote the line does not close (`title: "Harbour news`; a quoted value may span lines
/// in YAML, but in site.yaml and front matter that is almost always a missing quote), or one in
/// single quotes that an apostrophe closes early (`title: 'Don't panic'`).
fn quote_problem(line: &str) -> Option<&'static str> {
    let trimmed = line.trim_start().trim_start_matches("- ");
    if trimmed.starts_with('#') {
        return None;
    }
    let value = if trimmed.starts_with(['"', '\'']) {
        trimmed.trim_end()
    } else {
        trimmed.split_once(": ")?.1.trim()
    };
    let quote = value.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let rest = &value[1..];
    // Where the quote closes: `''` inside single quotes and `\"` inside double ones are no end.
    let close = if quote == '\'' {
        let mut at = None;
        let mut chars = rest.char_indices().peekable();
        while let Some((index, c)) = chars.next() {
            if c == '\'' {
                if chars.peek().is_some_and(|&(_, next)| next == '\'') {
                    chars.next();
                    continue;
                }
                at = Some(index);
                break;
            }
        }
        at
    } else {
        let mut escaped = false;
        rest.char_indices().find_map(|(index, c)| match c {
            '\\' if !escaped => {
                escaped = true;
                None
            }
            '"' if !escaped => Some(index),
            _ => {
                escaped = false;
                None
            }
        })
    };
    match close {
        None => Some("the quote opened on this line is not closed on it"),
        Some(at) => {
            let after = rest[at + 1..].trim_start();
            (quote == '\'' && !after.is_empty() && !after.starts_with('#')).then_some(
                "an apostrophe ends this value's single quotes early: write it twice (`'Don''t panic'`) or put the value in double quotes",
            )
        }
    }
}

/// Why line `at` (1-based) holds a `key: value` the parser did not expect: a value with `: ` in
/// it, unquoted (`title: Brexit: what next`, the headline form that trips most people), or a key
/// indented further than the one above it.
fn mapping_value_problem(text: &str, at: usize) -> Option<&'static str> {
    let line = text.lines().nth(at.checked_sub(1)?)?;
    let (key, value) = line.trim_start().trim_start_matches("- ").split_once(": ")?;
    let value = value.trim_start();
    if !key.is_empty() && !value.starts_with(['"', '\'', '[', '{', '#']) && value.contains(": ") {
        return Some("a `: ` inside a value starts another key: put the value in double quotes");
    }
    let indent = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let above = text.lines().take(at - 1).filter(|line| !line.trim().is_empty()).last()?;
    let above_has_value = above.split_once(':').is_some_and(|(_, value)| !value.trim().is_empty());
    (indent(line) > indent(above) && above_has_value).then_some(
        "this line is indented further than the one above: keys of one mapping start in the same column",
    )
}

/// Whether a line opens a `[` or `{` (outside quotes and comments) that it does not close:
/// `tags: [a, b` with its `]` left off.
fn opens_unclosed_bracket(line: &str) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(open), c) if c == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => break,
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// For "duplicate field `title`", the line of the second `title:`: serde_yaml points at the
/// mapping that holds both, which for site.yaml is line 1 whatever the key.
fn duplicate_line(text: &str, message: &str) -> Option<usize> {
    let at = message.find("duplicate field `")? + "duplicate field `".len();
    let key = message[at..].split_once('`')?.0;
    let is_key = |line: &str| {
        let line = line.trim_start();
        line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':'))
    };
    text.lines().enumerate().filter(|(_, line)| is_key(line)).nth(1).map(|(number, _)| number + 1)
}

/// Writes `value` as a YAML document without the leading `---` marker.
pub fn write<T: Serialize>(value: &T) -> Result<String, YamlError> {
    serde_yaml::to_string(value).map_err(|error| YamlError { line: None, message: error.to_string() })
}

/// serde_yaml appends " at line L column C" to its messages; callers print their own location.
fn strip_location_suffix(message: &str) -> String {
    match message.find(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message.to_string(),
    }
}

/// serde's message with Rust's type names said as a user would (`expected usize` is
/// `expected a whole number`), and a likely misspelled key named: `unknown field `base_urll``
/// gets `(did you mean `base_url`?)` when one of the keys it lists is one or two edits away.
fn in_plain_words(message: &str) -> String {
    const TYPE_NAMES: &[(&str, &str)] = &[
        ("expected usize", "expected a whole number, 0 or more"),
        ("expected u64", "expected a whole number, 0 or more"),
        ("expected u32", "expected a whole number, 0 or more"),
        ("expected u16", "expected a whole number, 0 or more"),
        ("expected u8", "expected a whole number, 0 or more"),
        ("expected i64", "expected a whole number"),
        ("expected i32", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
    ];
    let mut message = message.to_string();
    for (rust, plain) in TYPE_NAMES {
        if let Some(at) = message.find(rust)
            && !message[at + rust.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            message.replace_range(at..at + rust.len(), plain);
        }
    }
    // A nested key's message starts with its path: `feeds: unknown field `limt`, ...`; serde
    // lists the keys as "expected one of `a`, `b`, `c`" or, for two, "expected `a` or `b`".
    if let Some(at) = message.find("unknown field `")
        && let Some((unknown, listed)) = message[at + "unknown field `".len()..].split_once('`')
        && let Some(listed) =
            listed.strip_prefix(", expected one of ").or_else(|| listed.strip_prefix(", expected "))
        && let Some(key) = closest_key(
            unknown,
            listed.split(", ").flat_map(|keys| keys.split(" or ")).map(|key| key.trim_matches('`')),
        )
    {
        message = format!(
            "{}unknown field `{unknown}` (did you mean `{key}`?), expected {}",
            &message[..at],
            if listed.contains(" or ") { listed.to_string() } else { format!("one of {listed}") }
        );
    }
    message
}

/// The key of `keys` that `unknown` most likely means: a Hugo or Zola name for it (`baseURL`,
/// `languageCode`, `publishDir`), or a misspelling one or two edits away once case, `_` and `-`
/// are set aside (`base_urll`, `publishdate`, `tilte`, `contentDir`), the nearest first.
pub fn closest_key<'k>(unknown: &str, keys: impl Iterator<Item = &'k str>) -> Option<&'k str> {
    /// What sites moving from Hugo or Zola write in their config, and the site.yaml key Gazette
    /// reads instead (front-matter names such as `lastmod` are read as they are).
    const FOREIGN: &[(&str, &str)] = &[
        ("languagecode", "language"),
        ("defaultcontentlanguage", "language"),
        ("defaultlanguage", "language"),
        ("publishdir", "output_dir"),
        ("paginate", "paginate_by"),
        ("pagersize", "paginate_by"),
        ("generatefeed", "feeds"),
        ("generatefeeds", "feeds"),
        ("buildsearchindex", "search"),
        ("params", "extra"),
    ];
    let normal = |key: &str| -> String {
        key.chars().filter(|c| !matches!(c, '_' | '-')).flat_map(char::to_lowercase).collect()
    };
    let unknown = normal(unknown);
    // Two edits turn `path` into `date`: short words get one.
    let most = if unknown.chars().count() <= 4 { 1 } else { 2 };
    let foreign = FOREIGN.iter().find(|(theirs, _)| *theirs == unknown).map(|(_, ours)| *ours);
    keys.map(|key| {
        let distance = if foreign == Some(key) { 0 } else { strsim::levenshtein(&unknown, &normal(key)) };
        (distance, key)
    })
    .filter(|&(distance, _)| distance <= most)
    .min()
    .map(|(_, key)| key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn empty_text_is_an_empty_mapping() {
        let parsed: BTreeMap<String, String> = parse("  \n").unwrap();
        assert!(parsed.is_empty());
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only parsed, to see the errors")]
    struct Settings {
        base_url: Option<String>,
        paginate_by: Option<usize>,
        publish_date: Option<String>,
    }

    #[test]
    fn errors_speak_of_numbers_and_name_the_key_meant() {
        let error = parse::<Settings>("paginate_by: ten\n").unwrap_err();
        assert_eq!(
            error.message,
            "paginate_by: invalid type: string \"ten\", expected a whole number, 0 or more"
        );
        let error = parse::<Settings>("base_urll: /\n").unwrap_err();
        assert!(
            error
                .message
                .starts_with("unknown field `base_urll` (did you mean `base_url`?), expected one of")
        );
        let error = parse::<Settings>("publishdate: 2025-01-01\n").unwrap_err();
        assert!(error.message.contains("(did you mean `publish_date`?)"), "{}", error.message);
        let error = parse::<crate::config::RawConfig>("feeds:\n  limt: 3\n").unwrap_err();
        assert!(
            error.message.starts_with("feeds: unknown field `limt` (did you mean `limit`?)"),
            "{}",
            error.message
        );
        let error = parse::<Settings>("colour: red\n").unwrap_err();
        assert!(!error.message.contains("did you mean"), "nothing close: {}", error.message);
    }

    #[test]
    fn hugo_and_zola_names_point_to_gazettes() {
        let keys = ["base_url", "language", "output_dir", "paginate_by", "content_dir", "updated"];
        for (theirs, ours) in [
            ("baseURL", "base_url"),
            ("baseurl", "base_url"),
            ("languageCode", "language"),
            ("default_language", "language"),
            ("publishDir", "output_dir"),
            ("contentDir", "content_dir"),
            ("paginate", "paginate_by"),
        ] {
            assert_eq!(closest_key(theirs, keys.into_iter()), Some(ours), "{theirs}");
        }
        assert_eq!(closest_key("params", keys.into_iter()), None);
        assert_eq!(closest_key("path", ["date", "tags"].into_iter()), None, "two edits in four letters");
        assert_eq!(closest_key("tgas", ["date", "tags"].into_iter()), None);
        assert_eq!(closest_key("tag", ["date", "tags"].into_iter()), Some("tags"));
    }

    #[test]
    fn a_duplicate_key_is_reported_at_its_second_line() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Site {
            title: String,
            language: Option<String>,
        }
        let error = parse::<Site>("# A site\ntitle: A\nlanguage: en\ntitle: B\n").unwrap_err();
        assert_eq!(error.line, Some(4), "{error:?}");
        assert!(error.message.contains("duplicate field `title`"), "{error:?}");
    }

    #[test]
    fn common_mistakes_are_named_at_their_line() {
        let error = parse::<Settings>("base_url: /\n\tpaginate_by: 3\n").unwrap_err();
        assert_eq!(error.line, Some(2), "{error:?}");
        assert!(error.message.contains("YAML indents with spaces only"), "{error:?}");
        let error = parse::<BTreeMap<String, String>>("title: \"Harbour news\nlanguage: en\nsummary: x\n")
            .unwrap_err();
        assert_eq!(error.line, Some(1), "{error:?}");
        assert!(error.message.contains("the quote opened on this line is not closed"), "{error:?}");
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code, reason = "only parsed, to see the errors")]
        struct Front {
            title: String,
            draft: Option<bool>,
        }
        let error = parse::<Front>("title: A\ndraft: yes\n").unwrap_err();
        assert!(error.message.contains("write `true` or `false`, not `yes`"), "{error:?}");
        let error = parse::<Front>("title: A\ndraft: \"true\"\n").unwrap_err();
        assert!(error.message.contains("write `true` without quotes: in quotes it is text"), "{error:?}");
        // A quote closed, or none at all: no hint.
        let error = parse::<BTreeMap<String, String>>("title: \"A \\\" b\"\nb: [unclosed\n").unwrap_err();
        assert!(!error.message.contains("quote opened"), "{error:?}");
        assert_eq!(quote_problem("summary: 'It''s here'"), None);
        assert!(quote_problem("  - 'It''s here").is_some_and(|hint| hint.contains("not closed")));
        assert!(quote_problem("- \"Note: x").is_some_and(|hint| hint.contains("not closed")));
        assert_eq!(quote_problem("# title: \"x"), None);
        assert_eq!(quote_problem("title: \"A \\\" b\" # note"), None);
        assert!(quote_problem("title: 'Don't panic'").is_some_and(|hint| hint.contains("apostrophe")));
        let error = parse::<BTreeMap<String, String>>("title: 'Don't panic'\nlanguage: en\n").unwrap_err();
        assert_eq!(error.line, Some(1), "{error:?}");
        assert!(error.message.contains("write it twice"), "{error:?}");
        // A valid value over two lines earlier in the file is not blamed.
        let error = parse::<BTreeMap<String, String>>("summary: \"one\n  two\"\ntitle: \"Harbour\nb: x\n")
            .unwrap_err();
        assert_eq!(error.line, Some(3), "{error:?}");
    }

    #[test]
    fn a_colon_an_indent_and_an_open_bracket_are_named_at_their_line() {
        let front = |text: &str| parse::<BTreeMap<String, serde_yaml::Value>>(text).unwrap_err();
        let error = front("title: Brexit: what next\ndate: 2024-03-05\n");
        assert_eq!(error.line, Some(1), "{error:?}");
        assert!(error.message.contains("put the value in double quotes"), "{error:?}");
        let error = front("title: Good\n  date: 2024-03-05\nsource: y\n");
        assert_eq!(error.line, Some(2), "{error:?}");
        assert!(error.message.contains("indented further than the one above"), "{error:?}");
        // The parser stops at the next key; the `]` is missing a line above.
        let error = front("title: Good\nauthors: [Ann, Bo\nsource: y\n");
        assert_eq!(error.line, Some(2), "{error:?}");
        assert!(error.message.contains("bracket opened on this line is not closed"), "{error:?}");
        // A list over two lines is fine; the bracket left open is the later one.
        let error = front("tags: [a,\n  b]\nauthors: {name: Ann\nsource: y\n");
        assert_eq!(error.line, Some(3), "{error:?}");
        assert!(error.message.contains("bracket opened on this line"), "{error:?}");
        assert!(!opens_unclosed_bracket("tags: [\"a [b\", c] # [x"));
        assert!(opens_unclosed_bracket("- [a, b"));
    }

    #[test]
    fn syntax_error_reports_its_line() {
        let error = parse::<BTreeMap<String, String>>("a: 1\nb: [unclosed\n").unwrap_err();
        assert!(error.line.is_some());
        assert!(!error.message.contains(" at line "));
    }
}
