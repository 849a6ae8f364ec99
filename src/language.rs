//! Language tags (`fr`, `pt-BR`, `zh-Hant`) as the site's config, its files of words and its pages
//! write them. A leaf module: the config checks the site's `language` with it, the theme names
//! its files of words with it, and the words look them up with it.

/// `language` in lower case with `-` between its parts (`pt_BR` and `pt-BR` are `pt-br`), as files
/// of words are named, if it is a language tag: a language of two or three letters, then subtags
/// of one to eight letters or digits (`fr`, `pt-BR`, `zh-Hant`, `es-419`); not `french` or `fr CA`.
pub fn tag(language: &str) -> Option<String> {
    let tag = language.trim().to_ascii_lowercase().replace('_', "-");
    let mut parts = tag.split('-');
    let primary = parts.next()?;
    let valid = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()));
    valid.then_some(tag)
}

/// `language` written as pages and browsers expect a tag (`pt_br` is `pt-BR`, `zh-hant` is
/// `zh-Hant`), if it is one.
pub fn canonical(language: &str) -> Option<String> {
    let tag = tag(language)?;
    let parts: Vec<String> = tag
        .split('-')
        .enumerate()
        .map(|(index, part)| match (index, part.len()) {
            (0, _) => part.to_string(),
            (_, 2) if part.bytes().all(|b| b.is_ascii_alphabetic()) => part.to_ascii_uppercase(),
            (_, 4) => part[..1].to_ascii_uppercase() + &part[1..],
            _ => part.to_string(),
        })
        .collect();
    Some(parts.join("-"))
}

/// The language of a tag without its region or script: `pt` of `pt-br`.
pub fn base(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// `language` as [`tag`] writes it, or, for a phrase that is no tag, lower-cased as it is (a
/// lookup by it then finds nothing and falls back, rather than failing).
pub fn normalised(language: &str) -> String {
    tag(language).unwrap_or_else(|| language.trim().to_ascii_lowercase().replace('_', "-"))
}

/// `rtl` for a language written right to left (Arabic, Hebrew, Persian, Urdu... or any language in
/// Arabic, Hebrew, Syriac or Thaana script: `az-Arab`), else `ltr`: what `dir` says on a page or a
/// card in it, without which browsers set Arabic text from the left.
pub fn direction(language: &str) -> &'static str {
    const RIGHT_TO_LEFT: &[&str] =
        &["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "prs", "ps", "sd", "syr", "ug", "ur", "yi"];
    const SCRIPTS: &[&str] = &["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"];
    let tag = normalised(language);
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    let script = parts.find(|part| part.len() == 4 && part.bytes().all(|b| b.is_ascii_alphabetic()));
    let right_to_left = match script {
        Some(script) => SCRIPTS.contains(&script),
        None => RIGHT_TO_LEFT.contains(&primary),
    };
    if right_to_left { "rtl" } else { "ltr" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_hebrew_and_their_scripts_are_right_to_left() {
        for rtl in ["ar", "ar-EG", "he", "fa_IR", "ur", "yi", "az-Arab"] {
            assert_eq!(direction(rtl), "rtl", "{rtl}");
        }
        for ltr in ["en", "ja", "zh-Hant", "tr", "ku-Latn", "", "arabic"] {
            assert_eq!(direction(ltr), "ltr", "{ltr}");
        }
    }

    #[test]
    fn tags_are_read_and_written_as_browsers_expect() {
        assert_eq!(tag("pt_BR").as_deref(), Some("pt-br"));
        assert_eq!(canonical("pt_br").as_deref(), Some("pt-BR"));
        assert_eq!(canonical("zh-hant").as_deref(), Some("zh-Hant"));
        assert_eq!(canonical("es-419").as_deref(), Some("es-419"));
        for not_a_tag in ["french", "fr CA", "", "f"] {
            assert_eq!(tag(not_a_tag), None, "{not_a_tag}");
        }
        assert_eq!(base("pt-br"), "pt");
    }
}
