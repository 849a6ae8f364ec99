//! A clipping tool's header (`Title:`, `URL:`, `Saved:` lines): read into metadata, and the
//! outlet named by a clipping's address.

use super::dates::publication_stamp;
use super::headline::stamp_date;
use super::summary::normalise_space;

/// What a clipping tool or a read-later export writes over the page's text, one `Key: value`
/// a line (Evernote's, Obsidian's and Joplin's web clippers, Instapaper and Pocket exports):
/// `Title: …`, `Source: https://…`, `Clipped: 2025-04-02 10:14`, `Tags: housing, economy`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct ClipHeader {
    /// The header as written, reported with the other lines taken out of the text.
    pub(super) text: String,
    pub(super) title: Option<String>,
    /// A publication's name given as the source (`Source: The Guardian`).
    pub(super) source: Option<String>,
    /// The page's address (`Source: https://…`, `URL:`, `Link:`).
    pub(super) url: Option<String>,
    pub(super) author: Option<String>,
    /// (year, month, day) of `Published:` or `Date:`.
    pub(super) published: Option<(i16, i8, i8)>,
    /// (year, month, day) of `Clipped:`, `Saved:` or `Created:`.
    pub(super) clipped: Option<(i16, i8, i8)>,
    pub(super) tags: Vec<String>,
}

/// The publisher of the page at `url`, for a clipping whose header gave its address and no
/// publisher: the outlet's name for the sites most clipped, else the site's host without `www.`
/// (`example-zeitung.de`), which names the outlet on its source page well enough.
pub(super) fn publisher_of_url(url: &str) -> Option<String> {
    const KNOWN: &[(&str, &str)] = &[
        ("theguardian.com", "The Guardian"),
        ("nytimes.com", "The New York Times"),
        ("washingtonpost.com", "The Washington Post"),
        ("wsj.com", "The Wall Street Journal"),
        ("ft.com", "Financial Times"),
        ("economist.com", "The Economist"),
        ("bbc.co.uk", "BBC News"),
        ("bbc.com", "BBC News"),
        ("reuters.com", "Reuters"),
        ("apnews.com", "Associated Press"),
        ("afp.com", "Agence France-Presse"),
        ("bloomberg.com", "Bloomberg"),
        ("cnn.com", "CNN"),
        ("npr.org", "NPR"),
        ("aljazeera.com", "Al Jazeera"),
        ("politico.com", "Politico"),
        ("politico.eu", "Politico"),
        ("axios.com", "Axios"),
        ("theatlantic.com", "The Atlantic"),
        ("latimes.com", "Los Angeles Times"),
        ("usatoday.com", "USA Today"),
        ("independent.co.uk", "The Independent"),
        ("telegraph.co.uk", "The Telegraph"),
        ("thetimes.co.uk", "The Times"),
        ("lemonde.fr", "Le Monde"),
        ("lefigaro.fr", "Le Figaro"),
        ("spiegel.de", "Der Spiegel"),
        ("zeit.de", "Die Zeit"),
        ("faz.net", "Frankfurter Allgemeine Zeitung"),
        ("sueddeutsche.de", "Süddeutsche Zeitung"),
        ("elpais.com", "El País"),
        ("corriere.it", "Corriere della Sera"),
        ("repubblica.it", "la Repubblica"),
        ("nos.nl", "NOS"),
        ("abc.net.au", "ABC News"),
        ("cbc.ca", "CBC News"),
        ("carbonbrief.org", "Carbon Brief"),
    ];
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?.to_lowercase();
    let host = ["www.", "amp.", "m.", "mobile.", "edition.", "eu.", "uk.", "us."]
        .iter()
        .find_map(|prefix| host.strip_prefix(prefix))
        .unwrap_or(&host)
        .to_string();
    // Archives, readers, link shorteners and caches that pages are clipped through: the address
    // is theirs, the article someone else's.
    const THROUGH: &[&str] = &[
        "archive.org",
        "archive.ph",
        "archive.today",
        "archive.is",
        "news.google.com",
        "ampproject.org",
        "t.co",
        "bit.ly",
        "feedproxy.google.com",
        "l.facebook.com",
        "getpocket.com",
        "instapaper.com",
        "translate.goog",
    ];
    let on = |domain: &str| {
        host.strip_suffix(domain).is_some_and(|before| before.is_empty() || before.ends_with('.'))
    };
    if !host.contains('.')
        || host.parse::<std::net::IpAddr>().is_ok()
        || host == "localhost"
        || THROUGH.iter().any(|domain| on(domain))
    {
        return None;
    }
    let known = KNOWN.iter().find(|(domain, _)| on(domain));
    Some(known.map_or(host.clone(), |(_, name)| (*name).to_string()))
}

/// `text` without a clipping tool's header over it ([`clip_header`]), and what the header said.
pub(super) fn split_clip_header(text: &str) -> (Option<ClipHeader>, &str) {
    let start = text.len() - text.trim_start().len();
    let block_end = text[start..].find("\n\n").map_or(text.len(), |at| start + at);
    let block = text[start..block_end].trim_end();
    // Most texts open with a headline, which has no `: ` key at its start.
    if !block.contains(':') || block.lines().count() > 12 {
        return (None, text);
    }
    let lines: Vec<&str> = block.lines().map(str::trim).collect();
    match clip_header(&lines) {
        Some(mut header) => {
            header.text = block.to_string();
            (Some(header), &text[block_end..])
        }
        None => (None, text),
    }
}

/// Lines read as a clipping tool's header: two lines or more, every one a known
/// key and its value, one of them the page's title, address or clipping date (so that a
/// story's `Note: …` / `Update: …` lines are never taken for one).
pub(super) fn clip_header(lines: &[&str]) -> Option<ClipHeader> {
    if lines.len() < 2 {
        return None;
    }
    let mut header = ClipHeader::default();
    let mut telling = false;
    for line in lines {
        let (key, value) = line.split_once(':')?;
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let is_address = value.starts_with("http://") || value.starts_with("https://");
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => {
                header.title = Some(normalise_space(value));
                telling = true;
            }
            "source" | "url" | "link" | "original url" | "source url" if is_address => {
                header.url = Some(value.to_string());
                telling = true;
            }
            "source" | "publication" | "site" => header.source = Some(value.to_string()),
            "author" | "authors" | "by" | "byline" => header.author = Some(value.to_string()),
            "published" | "date" | "date published" | "publish date" => header.published = clip_date(value),
            "clipped" | "saved" | "created" | "date saved" | "date clipped" => {
                header.clipped = clip_date(value);
                telling = true;
            }
            "tags" | "keywords" | "labels" => {
                header.tags = value
                    .split([',', ';'])
                    .map(|tag| tag.trim().trim_start_matches('#').to_string())
                    .filter(|tag| !tag.is_empty())
                    .collect();
            }
            _ => return None,
        }
    }
    telling.then_some(header)
}

/// The day a clipping header's date gives: `2025-04-02 10:14`, `2025-04-02T10:14:00Z`,
/// `April 2, 2025`, `2 April 2025`.
fn clip_date(value: &str) -> Option<(i16, i8, i8)> {
    value
        .get(..10)
        .and_then(stamp_date)
        .or_else(|| stamp_date(value))
        .or_else(|| publication_stamp(value).map(|stamp| stamp.date))
}
