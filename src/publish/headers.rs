//! HTTP headers an object store serves a file with: Content-Type from the extension,
//! Cache-Control from user rules or defaults, and whether a file is worth gzip-compressing.
//!
//! A folder or git target gets headers from its web server; a bucket serves exactly the headers
//! stored with each object, so they are decided here, once per file.

use globset::GlobMatcher;

use super::config::CacheRule;
use super::error::PublishError;

/// Cache-Control for fingerprinted assets: the name changes whenever the content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache-Control for documents whose content changes under the same name.
pub const SHORT: &str = "public, max-age=300";
/// Cache-Control for everything else.
pub const DEFAULT: &str = "public, max-age=3600";

/// The extension of `path` in lower case, if any.
fn extension(path: &str) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// The Content-Type for `path`, by extension; `application/octet-stream` when unknown.
pub fn content_type(path: &str) -> &'static str {
    match extension(path).as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("xml") => "application/xml",
        Some("rss") => "application/rss+xml",
        Some("atom") => "application/atom+xml",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("ttf") => "font/ttf",
        Some("otf") => "font/otf",
        Some("webmanifest") => "application/manifest+json",
        Some("wasm") => "application/wasm",
        Some("pdf") => "application/pdf",
        Some("mp4") => "video/mp4",
        Some("webm") => "video/webm",
        Some("mp3") => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

/// Whether the type is text-like, so gzip pays off (images and fonts are compressed already).
pub fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("application/rss+xml")
        || content_type.starts_with("application/atom+xml")
        || content_type.starts_with("application/manifest+json")
        || content_type.starts_with("image/svg+xml")
        || content_type.starts_with("image/x-icon")
        || content_type.starts_with("application/wasm")
}

/// Whether the file name carries a content hash, as in `style.3f2a9c1b.css` or
/// `app-3f2a9c1b.js`: a `.`/`-`/`_`-separated part of 8 to 64 hex digits with at least one digit.
pub fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some((stem, _ext)) = name.rsplit_once('.') else {
        return false;
    };
    stem.split(['.', '-', '_']).any(|part| {
        (8..=64).contains(&part.len())
            && part.bytes().all(|b| b.is_ascii_hexdigit())
            && part.bytes().any(|b| b.is_ascii_digit())
    })
}

/// The built-in Cache-Control for `path`: short for documents (HTML, XML, JSON, feeds), a year
/// and immutable for fingerprinted assets, an hour otherwise.
pub fn default_cache_control(path: &str) -> &'static str {
    match extension(path).as_deref() {
        Some("html" | "htm" | "xml" | "json" | "rss" | "atom" | "webmanifest" | "txt") => SHORT,
        _ if is_fingerprinted(path) => IMMUTABLE,
        _ => DEFAULT,
    }
}

/// Compiled Cache-Control rules of a target.
#[derive(Debug, Clone)]
pub struct CacheRules {
    rules: Vec<(GlobMatcher, bool, String)>,
}

impl CacheRules {
    /// Compile `rules`; an error names the glob that does not parse.
    pub fn new(rules: &[CacheRule]) -> Result<Self, PublishError> {
        let rules = rules
            .iter()
            .map(|rule| {
                let whole_path = rule.glob.contains('/');
                let glob = globset::GlobBuilder::new(rule.glob.trim_start_matches('/'))
                    .literal_separator(true)
                    .build()
                    .map_err(|e| {
                        PublishError::config(format!("cache_control glob {:?} is invalid: {e}", rule.glob))
                    })?;
                Ok((glob.compile_matcher(), whole_path, rule.value.clone()))
            })
            .collect::<Result<_, PublishError>>()?;
        Ok(Self { rules })
    }

    /// Cache-Control for `path`: the first matching rule, else [`default_cache_control`].
    pub fn for_path<'a>(&'a self, path: &str) -> &'a str {
        let name = path.rsplit('/').next().unwrap_or(path);
        self.rules
            .iter()
            .find(|(glob, whole_path, _)| glob.is_match(if *whole_path { path } else { name }))
            .map_or_else(|| default_cache_control(path), |(_, _, value)| value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints() {
        assert!(is_fingerprinted("assets/style.3f2a9c1b.css"));
        assert!(is_fingerprinted("app-3f2a9c1b0d.js"));
        assert!(!is_fingerprinted("style.css"));
        assert!(!is_fingerprinted("deadbeef.css"));
        assert!(!is_fingerprinted("a/3f2a9c1b"));
    }

    #[test]
    fn cache_defaults_and_rules() {
        assert_eq!(default_cache_control("index.html"), SHORT);
        assert_eq!(default_cache_control("feed.xml"), SHORT);
        assert_eq!(default_cache_control("style.3f2a9c1b.css"), IMMUTABLE);
        assert_eq!(default_cache_control("logo.png"), DEFAULT);
        let rules = CacheRules::new(&[
            CacheRule { glob: "*.png".into(), value: "no-cache".into() },
            CacheRule { glob: "img/**".into(), value: "private".into() },
        ])
        .unwrap();
        assert_eq!(rules.for_path("a/b/logo.png"), "no-cache");
        assert_eq!(rules.for_path("img/x/y.gif"), "private");
        assert_eq!(rules.for_path("index.html"), SHORT);
        assert!(CacheRules::new(&[CacheRule { glob: "[".into(), value: "x".into() }]).is_err());
    }

    #[test]
    fn types() {
        assert_eq!(content_type("a/B.HTML"), "text/html; charset=utf-8");
        assert_eq!(content_type("site.webmanifest"), "application/manifest+json");
        assert_eq!(content_type("font.woff2"), "font/woff2");
        assert_eq!(content_type("Makefile"), "application/octet-stream");
        assert_eq!(content_type(".htaccess"), "application/octet-stream");
        assert!(compressible(content_type("x.css")));
        assert!(!compressible(content_type("x.png")));
    }
}
