//! The news outlets Gazette knows by name and address, and the places a copied page names its
//! own: a staff photographer's credit (`Marcus Hale/The New York Times`), a `Source: Al Jazeera`
//! line, a copyright notice (`Copyright © 2025 NPR. All rights reserved.`), a clipping's address,
//! a file name (`le monde - grève SNCF.txt`). One table, so `DER SPIEGEL` in a credit, `spiegel.de`
//! in an address and `Der Spiegel` in a clipping header give one source page, not three.

use super::byline::is_masthead_name;
use super::credits::is_bare_name;
use crate::text::strip_prefix_ignore_case;

/// A news outlet: the name its source page shows and the web addresses it publishes under.
pub(super) struct Outlet {
    pub(super) name: &'static str,
    domains: &'static [&'static str],
    /// Other names pages write it by (`BBC` for `BBC News`), beside case and a leading `The`.
    also: &'static [&'static str],
    /// A wire agency or picture desk: its name on a photo credit says who took the photo, not
    /// who published the story (a Guardian story runs `Jane Doe/Reuters`).
    wire: bool,
}

const fn outlet(name: &'static str, domains: &'static [&'static str]) -> Outlet {
    Outlet { name, domains, also: &[], wire: false }
}

/// The outlets clipped most, by the name their pages print.
const OUTLETS: &[Outlet] = &[
    Outlet {
        also: &["Guardian News & Media", "Guardian News and Media"],
        ..outlet("The Guardian", &["theguardian.com", "guardian.co.uk"])
    },
    outlet("The New York Times", &["nytimes.com"]),
    outlet("The Washington Post", &["washingtonpost.com"]),
    outlet("The Wall Street Journal", &["wsj.com"]),
    outlet("Financial Times", &["ft.com"]),
    outlet("The Economist", &["economist.com"]),
    Outlet { also: &["BBC"], ..outlet("BBC News", &["bbc.co.uk", "bbc.com"]) },
    Outlet { wire: true, ..outlet("Reuters", &["reuters.com"]) },
    Outlet { also: &["AP"], wire: true, ..outlet("Associated Press", &["apnews.com"]) },
    Outlet { also: &["AFP"], wire: true, ..outlet("Agence France-Presse", &["afp.com"]) },
    // A wire too: its photos run in other outlets' stories.
    Outlet { also: &["Bloomberg News"], wire: true, ..outlet("Bloomberg", &["bloomberg.com"]) },
    outlet("CNN", &["cnn.com"]),
    outlet("NPR", &["npr.org"]),
    outlet("Al Jazeera", &["aljazeera.com"]),
    outlet("Politico", &["politico.com", "politico.eu"]),
    outlet("Axios", &["axios.com"]),
    outlet("The Atlantic", &["theatlantic.com"]),
    outlet("Los Angeles Times", &["latimes.com"]),
    outlet("USA Today", &["usatoday.com"]),
    outlet("The Independent", &["independent.co.uk"]),
    outlet("The Telegraph", &["telegraph.co.uk"]),
    outlet("The Times", &["thetimes.co.uk"]),
    outlet("Le Monde", &["lemonde.fr"]),
    Outlet { also: &["Figaro"], ..outlet("Le Figaro", &["lefigaro.fr"]) },
    outlet("Libération", &["liberation.fr"]),
    outlet("Der Spiegel", &["spiegel.de"]),
    outlet("Die Zeit", &["zeit.de"]),
    outlet("Die Welt", &["welt.de"]),
    Outlet { also: &["FAZ"], ..outlet("Frankfurter Allgemeine Zeitung", &["faz.net"]) },
    outlet("Süddeutsche Zeitung", &["sueddeutsche.de"]),
    outlet("El País", &["elpais.com"]),
    outlet("El Mundo", &["elmundo.es"]),
    outlet("Corriere della Sera", &["corriere.it"]),
    outlet("la Repubblica", &["repubblica.it"]),
    outlet("NOS", &["nos.nl"]),
    outlet("ABC News", &["abc.net.au"]),
    outlet("CBC News", &["cbc.ca"]),
    outlet("Carbon Brief", &["carbonbrief.org"]),
    outlet("Sky News", &["news.sky.com"]),
    outlet("Fox News", &["foxnews.com"]),
    outlet("CBS News", &["cbsnews.com"]),
    outlet("NBC News", &["nbcnews.com"]),
    outlet("CNBC", &["cnbc.com"]),
    outlet("The Hill", &["thehill.com"]),
    outlet("Vox", &["vox.com"]),
    outlet("The Verge", &["theverge.com"]),
    outlet("Ars Technica", &["arstechnica.com"]),
    outlet("ProPublica", &["propublica.org"]),
    outlet("The Seattle Times", &["seattletimes.com"]),
    outlet("The Boston Globe", &["bostonglobe.com"]),
    outlet("Chicago Tribune", &["chicagotribune.com"]),
    outlet("San Francisco Chronicle", &["sfchronicle.com"]),
    outlet("SFGate", &["sfgate.com"]),
    outlet("Daily Mail", &["dailymail.co.uk"]),
    outlet("The Irish Times", &["irishtimes.com"]),
    outlet("The Sydney Morning Herald", &["smh.com.au"]),
    outlet("South China Morning Post", &["scmp.com"]),
    Outlet { also: &["DW"], ..outlet("Deutsche Welle", &["dw.com"]) },
    outlet("France 24", &["france24.com"]),
    outlet("Haaretz", &["haaretz.com"]),
];

/// `text` as names are compared: lower case, without a leading `the`, a company's legal form
/// (`Bloomberg L.P.`, `POLITICO LLC`) or a site's `.fr` (`Le Monde.fr`).
fn name_key(text: &str) -> String {
    const ENDINGS: &[&str] = &[
        " l.p.",
        " l.p",
        " lp",
        " llc",
        " inc.",
        " inc",
        " ltd.",
        " ltd",
        " plc",
        " gmbh",
        " limited",
        " company",
        " corporation",
        " corp.",
        " corp",
        ".com",
        ".fr",
        ".de",
    ];
    let mut key = text.trim().trim_end_matches(['.', ',']).to_lowercase();
    while let Some(cut) = ENDINGS.iter().find_map(|ending| key.strip_suffix(ending)) {
        key = cut.trim_end_matches([',', ' ']).to_string();
    }
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => key,
    }
}

/// The outlet a name written in a page means: `DER SPIEGEL`, `the Guardian`, `Bloomberg L.P.`.
pub(super) fn outlet_named(text: &str) -> Option<&'static Outlet> {
    // Names are short: a sentence is no outlet's, and is passed without lower-casing it.
    if text.len() > 48 {
        return None;
    }
    let key = name_key(text);
    OUTLETS
        .iter()
        .find(|outlet| name_key(outlet.name) == key || outlet.also.iter().any(|also| name_key(also) == key))
}

/// The publisher a photo credit names as its own photographer's employer or client:
/// `Marcus Hale/The New York Times`, `Ellis Garza/For NPR`, `Claudio Álvarez (EL PAÍS)`,
/// `Foto: Svenja Albrecht / DER SPIEGEL`. A person took the photo: `Screenshot/CNN` and
/// `YouTube/Fox News` are another channel's pictures in a story about it. Wire agencies are left
/// out: their photos run everywhere.
pub(super) fn outlet_in_credit(credit: &str) -> Option<&'static str> {
    const LABELS: &[&str] = &[
        "photo:",
        "photo by ",
        "photograph:",
        "photograph by ",
        "photographs by ",
        "photos by ",
        "foto:",
        "credit:",
        "bild:",
        "image:",
        "picture:",
    ];
    let credit = credit.trim();
    let credit = credit.strip_prefix('(').and_then(|inner| inner.strip_suffix(')')).unwrap_or(credit);
    let credit =
        LABELS.iter().find_map(|label| strip_prefix_ignore_case(credit, label)).unwrap_or(credit).trim();
    let (name, org) = match credit.split_once('/') {
        Some(slashed) => slashed,
        None => credit.strip_suffix(')')?.rsplit_once(" (")?,
    };
    let org = org.trim();
    let org = ["for ", "For "].iter().find_map(|lead| org.strip_prefix(lead)).unwrap_or(org);
    if !is_bare_name(name.trim()) {
        return None;
    }
    outlet_named(org).filter(|outlet| !outlet.wire).map(|outlet| outlet.name)
}

/// The outlet a `Source: Al Jazeera` line names, as Al Jazeera closes a story. A wire's name
/// there is a chart's or a table's (`Source: Bloomberg`), as is `Source: company reports`; the
/// caller asks that no paragraph of text follows.
pub(super) fn outlet_in_source_line(line: &str) -> Option<&'static str> {
    let rest = strip_prefix_ignore_case(line.trim(), "source:")?;
    outlet_named(rest).filter(|outlet| !outlet.wire).map(|outlet| outlet.name)
}

/// The publisher a copyright notice names: `Copyright © 2025 NPR. All rights reserved.`,
/// `© 2025 Bloomberg L.P.`, `© 2024-2025 The Portvale Courier`. A known outlet, or a name ending
/// in a masthead's word; a person's (`© 2025 Nadia Fernhill`, a newsletter's writer) or a
/// foundation's (`© 2025 The Andy Warhol Foundation`, an artwork's) is not taken. A year is asked
/// for: `© Reuters` under a photo is a credit.
pub(super) fn publisher_in_copyright(line: &str) -> Option<String> {
    let line = line.trim_start();
    let (worded, rest) = match strip_prefix_ignore_case(line, "copyright") {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix('©')
        .or_else(|| strip_prefix_ignore_case(rest, "(c)"))
        .map(str::trim_start)
        .or(worded.then_some(rest))?;
    let years = rest.bytes().take_while(|b| b.is_ascii_digit() || matches!(b, b'-' | b' ' | b',')).count();
    let year = &rest[..years];
    if !year
        .trim()
        .split(['-', ','])
        .any(|y| y.trim().len() == 4 && (y.starts_with("19") || y.starts_with("20")))
    {
        return None;
    }
    let holder = rest[years..].split(['|', ';']).next().unwrap_or("");
    let holder = ["All rights reserved", "all rights reserved", ". ", "–", "—"]
        .iter()
        .filter_map(|end| holder.find(end))
        .min()
        .map_or(holder, |end| &holder[..end]);
    let holder = holder.trim().trim_end_matches(['.', ',']).trim();
    if let Some(outlet) = outlet_named(holder) {
        return Some(outlet.name.to_string());
    }
    is_masthead_name(holder).then(|| holder.to_string())
}

/// The outlet a file's name opens with. Set apart by a dash or a bar (`le monde - grève
/// SNCF.txt`, `NPR – measles clinics.txt`), a name of two words or more, an acronym (`CNN`,
/// `NPR`), a short form pages use (`Figaro`, `BBC`), or an address's own name; with nothing
/// setting it apart, only the address's name (`nytimes water board.txt`, `wsj-opec-cuts.txt`).
/// A one-word name that is also a word or a person's (`atlantic - hurricane season`, `bloomberg
/// - mayoral bid`, `welt - klimagipfel`) is as often the story's subject, and is not read.
pub(crate) fn outlet_in_file_name(stem: &str) -> Option<&'static str> {
    let set_apart = [" - ", " – ", " — ", " | "]
        .iter()
        .filter_map(|separator| stem.split_once(separator))
        .min_by_key(|(prefix, _)| prefix.len())
        .map(|(prefix, _)| prefix.trim());
    if let Some(prefix) = set_apart {
        let key = name_key(prefix);
        let named = outlet_named(prefix).filter(|outlet| {
            prefix.contains(' ')
                || !outlet.name.chars().any(char::is_lowercase)
                || outlet.also.iter().any(|also| name_key(also) == key)
        });
        return named.or_else(|| outlet_by_address_name(&prefix.to_lowercase())).map(|outlet| outlet.name);
    }
    let first = stem.split([' ', '_', '-']).next()?.to_lowercase();
    outlet_by_address_name(&first).map(|outlet| outlet.name)
}

/// The outlet whose address's own name `name` is (`nytimes`, `aljazeera`, `faz`), where that is
/// none of the words of the outlet's name (`bbc`, `spiegel`, `welt` are words) and no word of
/// its own (`smh` is one).
fn outlet_by_address_name(name: &str) -> Option<&'static Outlet> {
    const WORDS: &[&str] = &["smh"];
    if name.len() < 3 || WORDS.contains(&name) {
        return None;
    }
    OUTLETS.iter().find(|outlet| {
        outlet.domains.iter().any(|domain| address_name(domain) == name)
            && !outlet
                .name
                .split_whitespace()
                .any(|word| crate::text::without_marks(word).flat_map(char::to_lowercase).eq(name.chars()))
    })
}

/// `nytimes` for `nytimes.com`, `sky` for `news.sky.com`: the address's own name.
fn address_name(domain: &str) -> &str {
    let mut labels = domain.rsplit('.');
    let top = labels.next().unwrap_or(domain);
    // `bbc.co.uk`, `abc.net.au`: a second level under a country's.
    match labels.next() {
        Some(second) if top.len() == 2 && matches!(second, "co" | "com" | "net" | "org") => {
            labels.next().unwrap_or(second)
        }
        Some(second) => second,
        None => top,
    }
}

/// The publisher of the page at `url`, for a clipping whose header gave its address and no
/// publisher: the outlet's name for the sites most clipped, else the site's host without `www.`
/// (`example-zeitung.de`), which names the outlet on its source page well enough.
pub(super) fn publisher_of_url(url: &str) -> Option<String> {
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
    let known = OUTLETS.iter().find(|outlet| outlet.domains.iter().any(|domain| on(domain)));
    Some(known.map_or(host.clone(), |outlet| outlet.name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_pages_write_them_mean_one_outlet() {
        for (written, name) in [
            ("DER SPIEGEL", "Der Spiegel"),
            ("the Guardian", "The Guardian"),
            ("Guardian", "The Guardian"),
            ("POLITICO", "Politico"),
            ("EL PAÍS", "El País"),
            ("Bloomberg L.P.", "Bloomberg"),
            ("POLITICO LLC", "Politico"),
            ("Le Monde.fr", "Le Monde"),
            ("BBC", "BBC News"),
        ] {
            assert_eq!(outlet_named(written).map(|o| o.name), Some(name), "{written}");
        }
        for other in ["Monde", "The", "Reuters Institute", "New York", ""] {
            assert!(outlet_named(other).is_none(), "{other}");
        }
    }

    #[test]
    fn a_staff_credit_names_the_publisher_and_an_agency_credit_does_not() {
        for (credit, name) in [
            ("Marcus Hale/The New York Times", Some("The New York Times")),
            ("Ellis Garza/For NPR", Some("NPR")),
            ("Claudio Álvarez (EL PAÍS)", Some("El País")),
            ("Foto: Svenja Albrecht / DER SPIEGEL", Some("Der Spiegel")),
            ("Francis Chung/POLITICO", Some("Politico")),
            ("(Ellen M. Banner / The Seattle Times)", Some("The Seattle Times")),
            ("Salim Dawood/Reuters", None),
            ("Photo by Doug Mills/The New York Times", Some("The New York Times")),
            ("Screenshot/CNN", None),
            ("YouTube/Fox News", None),
            ("Photo: Lena Ivanova/Bloomberg", None),
            ("JIM WATSON/AFP/Getty Images", None),
            ("Ashraf Shazly/Agence France-Presse — Getty Images", None),
            ("Jane Doe/Portvale Courier", None),
        ] {
            assert_eq!(outlet_in_credit(credit), name, "{credit}");
        }
    }

    #[test]
    fn a_source_line_names_an_outlet_or_an_agency() {
        assert_eq!(outlet_in_source_line("Source: Al Jazeera"), Some("Al Jazeera"));
        assert_eq!(outlet_in_source_line("SOURCE: The Guardian"), Some("The Guardian"));
        // A chart's data, not the story's outlet.
        assert_eq!(outlet_in_source_line("Source: Bloomberg"), None);
        assert_eq!(outlet_in_source_line("Source: Reuters"), None);
        assert_eq!(outlet_in_source_line("Source: News agencies"), None);
        assert_eq!(outlet_in_source_line("Source: company filings"), None);
    }

    #[test]
    fn copyright_notices_name_their_holder() {
        for (line, holder) in [
            ("Copyright © 2025 NPR. All rights reserved. Visit our website terms of use.", Some("NPR")),
            ("© 2025 Bloomberg L.P.", Some("Bloomberg")),
            ("©2025 POLITICO LLC", Some("Politico")),
            ("Copyright 2025 The Associated Press. All rights reserved.", Some("Associated Press")),
            ("© 2024-2025 The Portvale Courier | Privacy", Some("The Portvale Courier")),
            ("(c) 2025 Harbour Daily News", Some("Harbour Daily News")),
            // A person's newsletter, a photo's credit, a story about copyright.
            ("Copyright © 2025 The New York Times Company. All rights reserved.", Some("The New York Times")),
            ("© 2025 Guardian News & Media Limited", Some("The Guardian")),
            ("© 2025 The Harbour Ledger", Some("The Harbour Ledger")),
            ("© 2025 Nadia Fernhill", None),
            ("© 2025 The Andy Warhol Foundation for the Visual Arts", None),
            ("© 2025 The Andy Warhol Foundation", None),
            ("© Reuters", None),
            ("Copyright lawsuits against AI firms rose sharply last year.", None),
            ("Copyright 2025 reasons to read on", None),
        ] {
            assert_eq!(publisher_in_copyright(line).as_deref(), holder, "{line}");
        }
    }

    #[test]
    fn a_file_name_may_open_with_its_outlet() {
        for (stem, name) in [
            ("le monde - grève SNCF", Some("Le Monde")),
            ("npr - measles rural clinics", Some("NPR")),
            ("NPR – measles rural clinics", Some("NPR")),
            ("aljazeera - zambia copper spill", Some("Al Jazeera")),
            ("aljazeera | zambia copper spill", Some("Al Jazeera")),
            ("Figaro - grève SNCF TER", Some("Le Figaro")),
            ("nytimes water board", Some("The New York Times")),
            ("wsj-opec-cuts", Some("The Wall Street Journal")),
            ("FAZ Bahnstreik GDL", Some("Frankfurter Allgemeine Zeitung")),
            ("scmp china growth target", Some("South China Morning Post")),
            // A name's own word may be the story's subject; two letters may be anything.
            ("bloomberg-says-he-will-run", None),
            ("bbc licence fee row", None),
            ("liberation day parade", None),
            ("ft lauderdale flooding", None),
            ("guardian angels patrol", None),
            ("atlantic - hurricane season forecast", None),
            ("independent - candidate drops out", None),
            ("bloomberg - mayoral bid", None),
            ("welt - klimagipfel", None),
            ("smh politicians again", None),
            ("The Atlantic - last hardware store", Some("The Atlantic")),
            ("fox news - tucker carlson exit", Some("Fox News")),
            ("CNN - layoffs announced", Some("CNN")),
            ("substack - harbour ledger", None),
            ("Council votes - again - on libraries", None),
        ] {
            assert_eq!(outlet_in_file_name(stem), name, "{stem}");
        }
    }
}
