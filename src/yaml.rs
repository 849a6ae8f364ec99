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
        let line = error.location().map(|location| location.line());
        let message = strip_location_suffix(&error.to_string());
        YamlError { line, message }
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn empty_text_is_an_empty_mapping() {
        let parsed: BTreeMap<String, String> = parse("  \n").unwrap();
        assert!(parsed.is_empty());
    }

    #[test]
    fn syntax_error_reports_its_line() {
        let error = parse::<BTreeMap<String, String>>("a: 1\nb: [unclosed\n").unwrap_err();
        assert!(error.line.is_some());
        assert!(!error.message.contains(" at line "));
    }
}
