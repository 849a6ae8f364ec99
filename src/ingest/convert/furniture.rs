//! Page furniture a copy-paste brings along (share buttons, cookie notices, page numbers, lists
//! of links, kickers, time stamps): told apart so it leaves the body without taking prose with it.

use super::credits::ends_as_sentence;
use super::dateline::parse_dateline;
use super::dates::{foreign_month_number, month_number};
use super::headline::is_section_label;
use super::language::has_at_most_words;
use super::paragraphs::Para;
use super::wire::is_agency_notice;
use crate::text::strip_prefix_ignore_case;

/// Page leftovers by their whole text, in lower case: buttons, labels and adverts that pages
/// print as lines of their own.
const LEFTOVERS: &[&str] = &[
    "advertisement",
    "continue reading the main story",
    "continue reading",
    "image",
    "photo",
    "video",
    "share this article",
    "share this",
    "share",
    "share on facebook",
    "share on twitter",
    "share via email",
    "play video",
    "play",
    "fullscreen",
    "reuse content",
    "sign up for our newsletter",
    "skip advertisement",
    "supported by",
    "listen to this article",
    "read more",
    "read more:",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "email",
    "print",
    "comments",
    "loading",
    "loading...",
    "copy link",
    "story continues below advertisement",
    "article continues below advertisement",
    "subscribe",
    "comment",
    "gift this article",
    "save article",
    "most read",
    "advertisement - scroll to continue",
    "anzeige",
    "werbung",
    "publicidad",
    "publicité",
    "pubblicità",
    "publicidade",
    "advertentie",
    "today's paper",
    "today’s paper",
    "share full article",
    "link copied",
    "link copied!",
    "ad feedback",
    "save",
    "translate",
    "listen",
    "reddit",
    "flipboard",
    "show key events only",
    "offrir l'article",
    "offrir l’article",
    "lire plus tard",
    "copiar enlace",
    "end of list",
    "follow:",
    "see your latest updates",
    "open in app",
    "member-only story",
    "summarize",
    "democracy dies in darkness",
    "+ follow",
    "lien copié",
    "passer la publicité",
    "story continues",
    "end of article",
    "read next",
    "zum inhalt springen",
    "zur hauptnavigation springen",
    "zur suche springen",
    "aller au contenu",
    "aller au contenu principal",
    "saltar al contenido",
    "vai al contenuto",
    "hide caption",
    "toggle caption",
    "toggle more options",
    "enlarge this image",
    "share this post",
];

/// The longest line [`LEFTOVERS`] holds, in bytes: longer lines are no such leftover.
const LEFTOVER_LONGEST: usize = 40;

/// The label a screen reader hears after a link Reuters opens in a new tab, copied with the link's
/// text: `Volvo Cars (VOLCARb.ST), opens new tab is in talks`.
pub(super) const LINK_LABEL: &str = ", opens new tab";

/// Where `line` holds a [`LINK_LABEL`] after a link's text: right after it (a word, a figure's
/// `%`, a bracket, a closing quote), not after a space or an opening quote as a story quoting the
/// words has them (`the words ", opens new tab"`), and before no letter (`opens new tabs` is a
/// story's phrase).
pub(super) fn link_labels(line: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memmem::find_iter(line.as_bytes(), LINK_LABEL.as_bytes()).filter(move |&at| {
        let mut before = line[..at].chars().rev();
        let after = line[at + LINK_LABEL.len()..].chars().next();
        let opening = match before.next() {
            None => true,
            Some(c) if c.is_whitespace() || matches!(c, '“' | '‘' | '«' | '„' | '(') => true,
            // A straight quote opens after a space, and closes after a word.
            Some('"' | '\'') => before.next().is_none_or(char::is_whitespace),
            Some(_) => false,
        };
        !opening && !after.is_some_and(char::is_alphanumeric)
    })
}

/// `line` without the [`link_labels`] in it.
pub(super) fn without_link_labels(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for at in link_labels(line) {
        out.push_str(&line[from..at]);
        from = at + LINK_LABEL.len();
    }
    out.push_str(&line[from..]);
    out
}

pub(super) fn is_page_leftover(line: &str) -> bool {
    // A link's screen-reader label copied with it: `Our Standards: The Thomson Reuters Trust
    // Principles., opens new tab`.
    if line.ends_with(LINK_LABEL) && has_at_most_words(line, 16) {
        return true;
    }
    is_known_furniture(line) || is_listen_prompt(line) || is_fixed_leftover(line) || is_programme_line(line)
}

/// NPR's `Heard on Morning Edition`: the programme a story was broadcast on, over its byline.
fn is_programme_line(line: &str) -> bool {
    line.strip_prefix("Heard on ").is_some_and(|programme| {
        has_at_most_words(programme, 4)
            && programme.split_whitespace().all(|word| word.starts_with(char::is_uppercase) || word == "&")
    })
}

/// A leftover by its whole text, never the start of a sentence: a button's words (`Share full
/// article`, `Save`), a row of sharing buttons, skip links, a list's count, a reading time, a
/// separator alone. Only these are set apart from a paragraph a copy glued them to: a
/// prefix rule (`Click here to …`) may open a sentence that goes on in the next line.
pub(super) fn is_fixed_leftover(line: &str) -> bool {
    // A separator left alone on its line when the links around it were copied as lines.
    let separator_only = !line.is_empty() && line.chars().all(|c| matches!(c, '|' | '•' | '·' | '/' | ' '));
    if separator_only
        || is_player_length(line)
        || is_skip_links(line)
        || is_list_count(line)
        || is_reading_time(line)
        || (line.len() <= 120 && is_share_buttons(line))
    {
        return true;
    }
    if line.len() > LEFTOVER_LONGEST {
        return false;
    }
    let lower = line.to_lowercase();
    LEFTOVERS.contains(&lower.as_str()) || is_player_readout(&lower) || is_page_number(&lower)
}

/// A page's links for keyboard users, copied as text, often glued together (`Skip to
/// contentSkip to site index`).
fn is_skip_links(line: &str) -> bool {
    const TARGETS: &[&str] = &[
        "content",
        "main content",
        "site index",
        "navigation",
        "main navigation",
        "search",
        "footer",
        "main menu",
        "article",
    ];
    strip_prefix_ignore_case(line, "skip to ").is_some()
        && has_at_most_words(line, 9)
        && line.split("kip to ").skip(1).all(|target| {
            // Glued to the next link's `S` (`Skip to contentSkip to site index`).
            let target = target.strip_suffix('S').unwrap_or(target).trim().to_lowercase();
            TARGETS.contains(&target.as_str())
        })
}

/// A button of a page's audio player or text-size controls, whose words a story may print alone
/// too (`Playlist`, `Download`, `Embed`, `Transcript`, `AA`, `Text Size`; the player's length,
/// `Listen · 3:58`, is a leftover by itself): page furniture where other leftovers stand beside it. Times, counts and size
/// words (`7:15`, `532`, `Large`) are a story's as often, and never taken so.
pub(super) fn is_page_button(line: &str) -> bool {
    // Asked of every paragraph: none of these is longer.
    if line.len() > 24 {
        return false;
    }
    matches!(
        line.trim().to_lowercase().as_str(),
        "playlist" | "download" | "embed" | "transcript" | "listen" | "aa" | "text size" | "resize"
    )
}

/// A button of a page's account or sharing row (Substack's `Sign in`, `Notes`, `More`, Medium's
/// `Sign up`, `Write`), whose words a story prints alone too (a step of instructions, a subhead,
/// a line cut before its sentence goes on): page furniture only among leftovers (on both sides,
/// two right before it, or one beside it in a row of such buttons).
pub(super) fn is_row_button(line: &str) -> bool {
    line.len() <= 8
        && matches!(
            line.trim().to_lowercase().as_str(),
            "sign in" | "sign up" | "log in" | "notes" | "more" | "write"
        )
}

/// An audio player's length, which no sentence is (`Listen · 3:58`, `3-Minute Listen`): a
/// leftover by its whole text.
fn is_player_length(line: &str) -> bool {
    if line.len() > 24 {
        return false;
    }
    let lower = line.to_lowercase();
    let duration = |text: &str| {
        text.split_once(':').is_some_and(|(m, s)| {
            (1..=3).contains(&m.len())
                && s.len() == 2
                && m.bytes().chain(s.bytes()).all(|b| b.is_ascii_digit())
        })
    };
    lower.strip_prefix("listen · ").is_some_and(duration)
        || lower
            .strip_suffix("-minute listen")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A page's estimate of the reading time on a line of its own (`4 minute read`, `5 min read`,
/// `Lesezeit: 3 Min.`).
pub(super) fn is_reading_time(line: &str) -> bool {
    // Asked of every line: none is longer.
    if line.len() > 32 {
        return false;
    }
    let lower = line.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = |word: &str| !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        [n, "minute" | "minutes" | "min" | "mins", "read"] => number(n),
        ["lesezeit:" | "lesedauer:", n, "min." | "min" | "minuten"] => number(n),
        ["reading", "time:", n, "min" | "mins" | "minutes"] => number(n),
        _ => false,
    }
}

/// A list's count read out for screen readers (`list of 4 items`, `list 1 of 4`), copied with
/// the list of links around it.
fn is_list_count(line: &str) -> bool {
    if line.len() > 24 || !line.starts_with(['l', 'L']) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let number = |word: &str| !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        ["list" | "List", "of", n, "items" | "item"] => number(n),
        ["list" | "List", n, "of", m] => number(n) && number(m),
        _ => false,
    }
}

/// An audio player's prompt over the story (`Listen to this article · 6:48 min Learn more`): the
/// prompt, then nothing but its length and a link (`Listen to this story of how…` is a sentence).
fn is_listen_prompt(line: &str) -> bool {
    let Some(rest) = ["listen to this article", "listen to this story", "listen to article"]
        .iter()
        .find_map(|prompt| strip_prefix_ignore_case(line, prompt))
    else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '·', '-', '|']).to_lowercase();
    let rest = rest.trim_end_matches("learn more").trim();
    let length = rest.split_whitespace().all(|word| {
        matches!(word, "min" | "mins" | "minutes" | "·")
            || word.bytes().all(|b| b.is_ascii_digit() || b == b':')
    });
    length && has_at_most_words(line, 12)
}

/// Social networks as sharing buttons name them.
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "email",
    "e-mail",
    "mail",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "messenger",
    "bluesky",
    "threads",
    "flipboard",
];

/// A row of sharing buttons copied as text: `Facebook Twitter Email`, `Share on Facebook | Share
/// on X`, `Partager sur Facebook   Partager sur Twitter`. Every word is a network or the verb and
/// preposition around one, in a language Gazette reads, and one of them is a network.
pub(super) fn is_share_buttons(line: &str) -> bool {
    const AROUND: &[&str] = &[
        "share",
        "on",
        "via",
        "by",
        "partager",
        "sur",
        "par",
        "teilen",
        "auf",
        "per",
        "compartir",
        "en",
        "por",
        "condividi",
        "su",
        "delen",
        "op",
        "partilhar",
        "compartilhar",
        "no",
        "print",
        "copy",
        "link",
        "|",
        "/",
    ];
    // Asked of every short line: no allocation, and out at the first word that is neither.
    let is = |list: &[&str], word: &str| list.iter().any(|known| known.eq_ignore_ascii_case(word));
    let mut words = 0;
    let mut network = false;
    for word in line.split_whitespace() {
        if is(NETWORKS, word) {
            network = true;
        } else if !is(AROUND, word) {
            return false;
        }
        words += 1;
    }
    words >= 2 && network
}

/// A site's cookie notice copied with its page (`We use cookies to improve your experience on
/// our site. … Accept all cookies  Manage preferences`), in the languages the converter reads:
/// the site speaks of its own use of cookies, which a story about cookies does not.
pub(super) fn is_cookie_notice(para: &Para<'_>) -> bool {
    const SAID: &[&str] = &[
        "we use cookies",
        "this site uses cookies",
        "this website uses cookies",
        "our use of cookies",
        "accept all cookies",
        "accept cookies",
        "cookie settings",
        "cookie preferences",
        "wir verwenden cookies",
        "diese website verwendet cookies",
        "nous utilisons des cookies",
        "ce site utilise des cookies",
        "utilizamos cookies",
        "este sitio utiliza cookies",
        "utilizziamo i cookie",
        "wij gebruiken cookies",
    ];
    /// What a notice asks the reader to do; two of them, beside the site's own words.
    const ASKED: &[&str] = &[
        "accept",
        "agree",
        "consent",
        "manage",
        "reject",
        "preferences",
        "continuing",
        "akzeptieren",
        "accepter",
        "aceptar",
        "accetta",
        "accepteren",
    ];
    // Most paragraphs never say the word: looked for line by line before anything is copied.
    if !para.lines.iter().any(|line| line.contains("ookie") || line.contains("OOKIE")) {
        return false;
    }
    let text = para.joined();
    if !has_at_most_words(&text, 80) {
        return false;
    }
    // A story quotes a notice (`ask visitors to "accept all cookies"`); a notice quotes nothing.
    if text.contains(['"', '“', '”', '„', '«', '»']) {
        return false;
    }
    let lower = text.to_lowercase();
    SAID.iter().any(|said| lower.contains(said))
        && ASKED.iter().filter(|word| lower.contains(*word)).count() >= 2
}

/// A social network's name alone on a line.
pub(super) fn is_network_name(line: &str) -> bool {
    let line = line.trim();
    NETWORKS.iter().any(|network| network.eq_ignore_ascii_case(line))
}

/// A page number left by a print or PDF export: `Page 2`, `Page 3 of 7`, `Seite 2`.
fn is_page_number(lower: &str) -> bool {
    let Some(rest) =
        ["page ", "seite ", "página ", "pagina "].iter().find_map(|word| lower.strip_prefix(word))
    else {
        return false;
    };
    let rest = rest.trim();
    let (number, of) = rest.split_once(" of ").or_else(|| rest.split_once(" von ")).unwrap_or((rest, "1"));
    [number, of].iter().all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// A list of links to other stories under its heading, pasted with the article: `Read more:`,
/// `Related`, `Topics` or `Mehr zum Thema:` over lines that are headlines or names (short, with
/// no sentence's full stop), in one paragraph.
pub(super) fn is_list_of_links(lines: &[&str]) -> bool {
    const HEADINGS: &[&str] = &[
        "read more",
        "related",
        "related stories",
        "related articles",
        "related coverage",
        "related topics",
        "more on this story",
        "more on this topic",
        "see also",
        "topics",
        "tags",
        "mehr zum thema",
        "lesen sie auch",
        "lire aussi",
        "à lire aussi",
        "sur le même sujet",
        "lee también",
        "leggi anche",
    ];
    let [heading, items @ ..] = lines else { return false };
    if heading.len() > 24 {
        return false;
    }
    let heading = heading.trim().to_lowercase();
    let heading = heading.trim_end_matches([':', ' ']);
    !items.is_empty()
        && HEADINGS.contains(&heading)
        && items.iter().all(|item| has_at_most_words(item, 16) && !ends_as_sentence(item))
}

/// Page furniture of a known shape, whatever its length: the print edition's note and its links
/// (`A version of this article appears in print on …`, `Order Reprints | Today’s Paper |
/// Subscribe`), a graphic's or a gallery's link (`(Graphic: Global assets in 2019 - here)`,
/// `Gallery: Xbox One X | 14 Photos`), a teaser for another story (`Related: Chicago is America's
/// most segregated city`), a widget's credit naming its site (`Powered by SmartAsset.com`, not a
/// subhead's `Powered by the sun`).
fn is_known_furniture(line: &str) -> bool {
    let starts = |prefix: &str| strip_prefix_ignore_case(line, prefix).is_some();
    (starts("a version of this article appears in print") && has_at_most_words(line, 80))
        || (starts("order reprints |") && has_at_most_words(line, 12))
        || (line.starts_with("(Graphic") && line.ends_with("here)") && has_at_most_words(line, 20))
        || (starts("gallery:")
            && line.contains(" | ")
            && line.ends_with("Photos")
            && has_at_most_words(line, 16))
        || ((starts("related:") || starts("read more:") || starts("lire aussi :") || starts("lire aussi:"))
            && !ends_as_sentence(line)
            && has_at_most_words(line, 20))
        || (line.starts_with('©') && has_at_most_words(line, 8))
        || is_agency_notice(line)
        || (starts("click here to ") && has_at_most_words(line, 12))
        || (starts("comments (") && has_at_most_words(line, 2))
        || (starts("powered by ") && has_at_most_words(line, 4) && names_a_site(line))
}

/// Whether `line` holds a web address's host: a word with a dot between letters that ends in
/// letters (`SmartAsset.com`, `example.org`).
fn names_a_site(line: &str) -> bool {
    line.split_whitespace().any(|word| {
        let word = word.trim_end_matches(['.', ',', ')']);
        word.split_once('.').is_some_and(|(name, top)| {
            !name.is_empty()
                && top.len() >= 2
                && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.')
                && top.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        })
    })
}

/// Video-player chrome such as `Current Time 0:00` or `Loaded: 0%`.
fn is_player_readout(lower: &str) -> bool {
    const LABELS: &[&str] = &["current time", "duration time", "remaining time", "loaded:", "progress:"];
    LABELS.iter().any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim();
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || ":%.-".contains(c))
        })
    })
}

pub(super) fn is_image_marker(line: &str) -> bool {
    matches!(line.to_lowercase().as_str(), "image" | "photo" | "video")
}

/// `From the Carbon Brief Daily Briefing, 16 November 2026`, `From today's Morning Briefing`:
/// the newsletter a story was copied from, over its headline.
pub(super) fn is_newsletter_masthead(line: &str) -> bool {
    const NEWSLETTERS: &[&str] = &["briefing", "newsletter", "digest", "bulletin", "edition"];
    let Some(rest) = [
        "From the ",
        "From today's ",
        "From today’s ",
        "From our ",
        "From this week's ",
        "From this week’s ",
    ]
    .iter()
    .find_map(|lead| line.strip_prefix(lead)) else {
        return false;
    };
    // The newsletter's name ends the line or comes before its date: `…Daily Briefing, 16
    // November 2026`; `From Newsletter to Empire: How Substack…` is a headline.
    let name = rest.split(',').next().unwrap_or(rest).trim_end_matches(':');
    let last = name.split_whitespace().next_back().unwrap_or("").to_lowercase();
    NEWSLETTERS.contains(&last.as_str())
        && !name.contains(" to ")
        && has_at_most_words(line, 12)
        && !ends_as_sentence(line)
}

/// A dateline on a line of its own, its dash ending it (`WASHINGTON, Nov 19 —`).
pub(super) fn is_lone_dateline(line: &str) -> bool {
    let dashed =
        ['—', '–'].iter().any(|dash| line.ends_with(*dash)) || line.ends_with(" -") || line.ends_with("--");
    if !dashed || !has_at_most_words(line, 10) {
        return false;
    }
    // `EXCLUSIVE —` and `ANALYSIS —` are labels, `WASHINGTON —` a place.
    parse_dateline(&format!("{line} Text")).is_some_and(|d| !is_section_label(&d.dateline.place))
}

/// A section label above the headline or lede, such as `Biz & IT —`.
pub(super) fn is_kicker(line: &str) -> bool {
    let ends_with_dash = ['—', '–'].iter().any(|d| line.ends_with(*d)) || line.ends_with(" -");
    ends_with_dash && has_at_most_words(line, 6)
}

/// What opens a line that says when a story was published, in the languages the converter reads
/// (`Published`, `Publié le`, `Publicado el`, `Veröffentlicht am`), longest first where one
/// starts another.
pub(super) const PUBLISHED_LEADS: &[&str] = &[
    "first published",
    "originally published",
    "published",
    "posted",
    "publié le",
    "publié",
    "publicado el",
    "publicado",
    "veröffentlicht am",
    "veröffentlicht",
    "pubblicato il",
    "pubblicato",
    "stand:",
];

/// What opens a line that says when a story was last changed (`Updated`, the Guardian's `Last
/// modified on`, `Mis à jour le`, `Actualizado:`, `Aktualisiert am`), longest first where one
/// starts another.
pub(super) const UPDATED_LEADS: &[&str] = &[
    "last updated",
    "updated",
    "last modified on",
    "last modified",
    "mis à jour le",
    "mis à jour",
    "actualizado el",
    "actualizado",
    "aktualisiert am",
    "aktualisiert",
    "aggiornato il",
    "aggiornato",
];

pub(super) fn is_timestamp_line(line: &str) -> bool {
    let led = PUBLISHED_LEADS
        .iter()
        .chain(UPDATED_LEADS)
        .any(|lead| strip_prefix_ignore_case(line, lead).is_some());
    if led && has_at_most_words(line, 20) {
        return true;
    }
    has_at_most_words(line, 12) && has_clock_time(line) && !line.ends_with('.')
}

/// `Updated 2:15 p.m. ET`, `Posted 3 hours ago`: when the page changed, with no day to place
/// it on. Above the lede it is the page's furniture (a digest read days later would print
/// "Updated 2:15 p.m." over the story), and no moment can be kept from it.
pub(super) fn is_dayless_stamp(line: &str) -> bool {
    let Some(rest) =
        UPDATED_LEADS.iter().chain(PUBLISHED_LEADS).find_map(|lead| strip_prefix_ignore_case(line, lead))
    else {
        return false;
    };
    let rest = rest.trim_start_matches([':', ' ']);
    let relative = rest.trim_end_matches('.').ends_with(" ago");
    has_at_most_words(rest, 6) && (relative || (has_clock_time(rest) && !names_a_date(rest)))
}

/// Whether `text` may name a date: a month as the date rules read one (`Nov.`, `November`), or
/// digits joined by `/` or `-` (`11/19`, `2024-11-19`) or by two dots (`04.03.2025`). Such a
/// stamp is left for those rules.
pub(super) fn names_a_date(text: &str) -> bool {
    let month = text
        .split(|c: char| !c.is_alphabetic())
        .any(|word| month_number(word).is_some() || (word.len() > 2 && foreign_month_number(word).is_some()));
    let numeric = text
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b'-') && w[2].is_ascii_digit());
    // `04.03.2025`, but not a time's `17.45`.
    let dotted = text.split_whitespace().any(|word| {
        let word = word.trim_end_matches([',', ';']);
        word.matches('.').count() == 2 && word.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    });
    month || numeric || dotted
}

fn has_clock_time(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
}
