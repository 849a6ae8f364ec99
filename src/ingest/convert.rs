//! Plain article text to Markdown plus metadata (first version: paragraphs, headline, lede title).
//!
//! Escapes all text so nothing in an article is read as Markdown or HTML. The full converter
//! (bylines, datelines, credits, embedded posts) replaces this module with the same interface.

/// What conversion found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    /// Headline, from the first line or inferred from the lede.
    pub title: Option<String>,
    /// True when the headline was inferred.
    pub title_inferred: bool,
    /// Author names from a byline.
    pub authors: Vec<String>,
    /// Dateline.
    pub dateline: Option<Dateline>,
    /// Publisher.
    pub source: Option<String>,
    /// The lede, cut near 60 words.
    pub summary: String,
    /// Words in the body.
    pub word_count: usize,
    /// Language guess.
    pub lang: Option<String>,
    /// Captions and credits.
    pub images: Vec<Image>,
    /// Embedded posts.
    pub embeds: Vec<Embed>,
    /// Date evidence in the text.
    pub date: Option<DateHint>,
    /// Page leftovers removed.
    pub dropped: Vec<String>,
    /// Markdown body.
    pub body: String,
}

/// A dateline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dateline {
    /// Place.
    pub place: String,
    /// Agency.
    pub agency: Option<String>,
    /// As written.
    pub text: String,
}

/// A caption and credit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Image {
    /// Caption.
    pub caption: Option<String>,
    /// Credit.
    pub credit: Option<String>,
}

/// An embedded post.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embed {
    /// Platform.
    pub platform: String,
    /// Author.
    pub author: Option<String>,
    /// Handle.
    pub handle: Option<String>,
    /// Date as written.
    pub date: Option<String>,
    /// Link.
    pub url: Option<String>,
}

/// A date found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateHint {
    /// Year.
    pub year: i16,
    /// Month.
    pub month: i8,
    /// Day.
    pub day: i8,
    /// Where it was found.
    pub evidence: DateEvidence,
}

/// Where a date hint was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateEvidence {
    /// A dateline.
    Dateline,
    /// An embedded post's signature.
    EmbedSignature,
}

/// Converts article text into Markdown and metadata.
pub fn convert(text: &str) -> Converted {
    let mut paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let mut converted = Converted::default();
    if paragraphs.len() > 1 && looks_like_headline(&paragraphs[0]) {
        converted.title = Some(paragraphs.remove(0));
    } else if let Some(lede) = paragraphs.first() {
        converted.title = Some(title_from_lede(lede));
        converted.title_inferred = true;
    }
    converted.summary = paragraphs.first().cloned().unwrap_or_default();
    converted.body = paragraphs.iter().map(|p| escape_text(p)).collect::<Vec<_>>().join("\n\n");
    if !converted.body.is_empty() {
        converted.body.push('\n');
    }
    converted
}

fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (3..=20).contains(&words) && !line.ends_with(['.', ':', ',', ';'])
}

fn title_from_lede(lede: &str) -> String {
    let mut title = String::new();
    for word in lede.split_whitespace() {
        if title.chars().count() + word.chars().count() + 1 > 90 {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    title.trim_end_matches(|c: char| c.is_ascii_punctuation()).to_string()
}

/// Escapes inline text so that no character of it is read as Markdown or HTML.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' => {
                out.push('\\');
                out.push(c)
            }
            '#' | '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c)
            }
            _ => out.push(c),
        }
    }
    if let Some(end) = out.find(['.', ')'])
        && end > 0
        && out[..end].chars().all(|c| c.is_ascii_digit())
    {
        out.insert(end, '\\');
    }
    out
}
