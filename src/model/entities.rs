//! Automatic article tags derived from named entities.
//!
//! This module owns the heuristics that turn an article's title and plain-text
//! body into a short, salience-ordered list of tags (people, places,
//! organisations, acronyms). It exists so that Gazette can tag large archives of
//! scraped news copy that arrive without editorial tags, using nothing but
//! capitalisation patterns, a few small built-in word lists and per-article
//! statistics: no dictionaries, no models, no dependencies.
//!
//! The pipeline is linear in the input length: one tokenising pass collects
//! per-article evidence (which words also occur in lower case, which acronyms
//! occur), a second pass groups capitalised tokens into candidate names, and
//! a final resolution step over the (small) set of distinct candidates merges
//! acronyms with their expansions, surnames with full names and plurals with
//! singulars before ranking.

use std::sync::OnceLock;

/// Options for [`auto_tags`]; kept separate from the call so a site can tune
/// tagging once in its configuration and reuse it for every article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagOptions {
    /// Upper bound on the number of tags returned, because tag lists on article
    /// pages and in feeds stay readable only when short.
    pub max_tags: usize,
    /// `(from, to)` pairs mapping a detected entity (matched case-insensitively
    /// on `from`) to a canonical tag `to`, so spelling variants and nicknames
    /// ("Fed" -> "Federal Reserve") end up on a single tag page.
    pub aliases: Vec<(String, String)>,
    /// Entities that must never become tags (matched case-insensitively), for
    /// names that are technically entities but useless as tags on a given site
    /// (the site's own name, wire agencies, and so on).
    pub stop: Vec<String>,
    /// Names that must never be tags themselves (matched case-insensitively on the tag as shown),
    /// though a longer name that merged them may be: news agencies ([`WIRE_AGENCIES`]) are no
    /// topics, but "Michael Bloomberg", whose surname merged his mentions, is.
    pub stop_names: Vec<String>,
}

impl Default for TagOptions {
    /// Eight tags, no aliases, no extra stop words: a sensible page-sized list
    /// that needs no configuration.
    fn default() -> Self {
        TagOptions { max_tags: 8, aliases: Vec::new(), stop: Vec::new(), stop_names: Vec::new() }
    }
}

/// News agencies, which every site's configuration puts in [`TagOptions::stop_names`]: wire copy
/// names its agency in nearly every story ("AP reported", "told Reuters"), so as topics they
/// would sit on most stories and say nothing a story's source does not already say.
pub const WIRE_AGENCIES: &[&str] = &[
    "AP",
    "Associated Press",
    "The Associated Press",
    "AFP",
    "Agence France-Presse",
    "Reuters",
    "Thomson Reuters",
    "Bloomberg",
    "Bloomberg News",
    "dpa",
    "EFE",
    "UPI",
    "ANSA",
    "Kyodo",
    "Xinhua",
    "PA",
    "Press Association",
];

/// Returns tags for an article, most salient first, deduplicated
/// case-insensitively and capped at `options.max_tags`.
///
/// `title` is the headline (may be empty); `text` is the body as plain text
/// with paragraphs separated by blank lines. An entity is kept when it occurs
/// at least twice (after merging acronyms, surnames and plurals), or once in
/// the title, or once in the first paragraph as a multi-word name. Tags are
/// ranked by (appears in title, number of mentions, first position). Never
/// panics, whatever the input.
pub fn auto_tags(title: &str, text: &str, options: &TagOptions) -> Vec<String> {
    if options.max_tags == 0 {
        return Vec::new();
    }
    let doc = Document::parse(title, text);
    let mut resolver = Resolver::new(&doc);
    resolver.collect_mentions();
    resolver.resolve(options);
    resolver.finish(options)
}

// The maps here are per-article scratch space keyed by short strings, so SipHash's DoS
// resistance buys nothing and costs time: rustc's Fx hash instead.
type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
type FxSet<K> = rustc_hash::FxHashSet<K>;

// ---------------------------------------------------------------------------
// Word lists.
// ---------------------------------------------------------------------------

/// Capitalised words that are never (part of) an entity: function words,
/// pronouns, weekdays, months and frequent sentence starters.
#[rustfmt::skip]
static STOP_WORDS: WordList = WordList::new(&[
    "a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "ago",
    "ah", "all", "almost", "along", "already", "also", "although", "always", "am", "among", "an",
    "and", "another", "any", "anyone", "anything", "apr", "april", "are", "around", "as", "at",
    "aug", "august", "back", "based", "be", "because", "been", "before", "behind", "being", "below",
    "beside", "besides", "between", "beyond", "both", "but", "by", "can", "could", "dec",
    "december", "despite", "did", "do", "does", "during", "each", "earlier", "either", "else",
    "even", "ever", "every", "everyone", "everything", "except", "feb", "february", "few",
    "finally", "first", "following", "for", "former", "fri", "friday", "from", "further",
    "furthermore", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "however", "i", "if", "in", "including", "indeed", "inside", "instead",
    "into", "is", "it", "its", "itself", "jan", "january", "jul", "july", "jun", "june", "just",
    "last", "later", "lately", "latest", "least", "less", "let", "like", "mar", "march", "may",
    "maybe", "me", "meanwhile", "might", "mine", "mon", "monday", "more", "moreover", "most",
    "mostly", "much", "must", "my", "myself", "near", "nearly", "neither", "never", "nevertheless",
    "next", "no", "nobody", "none", "nor", "not", "nothing", "nov", "november", "now", "oct",
    "october", "of", "off", "often", "oh", "ok", "on", "once", "one", "only", "onto", "or", "other",
    "others", "otherwise", "our", "ours", "ourselves", "out", "outside", "over", "overall", "per",
    "perhaps", "please", "plus", "previously", "rather", "recently", "regardless", "sat",
    "saturday", "sep", "sept", "september", "several", "she", "should", "similarly", "since", "so",
    "some", "someone", "something", "sometimes", "soon", "still", "such", "sun", "sunday", "than",
    "that", "the", "their", "theirs", "them", "themselves", "then", "there", "therefore", "these",
    "they", "this", "those", "though", "through", "throughout", "thu", "thur", "thurs", "thursday",
    "thus", "to", "today", "together", "tomorrow", "tonight", "too", "toward", "towards", "tue",
    "tues", "tuesday", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "under", "unless", "unlike", "until", "up", "upon", "us", "very", "via", "was", "we", "wed",
    "wednesday", "well", "were", "what", "whatever", "when", "whenever", "where", "whereas",
    "whether", "which", "while", "who", "whoever", "whom", "whose", "why", "will", "hey", "hi",
    "hello", "ph.d", "with", "within", "without", "would", "yes", "yesterday", "yet", "you", "your",
    "yours", "yourself", "breaking", "update", "updated", "editing", "reporting", "photo", "photos",
    "video", "watch", "read", "see", "click", "contact", "source", "sources", "note", "editor",
    "advertisement",
]);

/// Plural nouns that often start sentences ("Officials said ...") and are
/// never names on their own.
#[rustfmt::skip]
static COMMON_STARTERS: WordList = WordList::new(&[
    "analysts", "authorities", "citizens", "critics", "customers", "dozens", "economists",
    "employees", "experts", "fans", "hundreds", "investigators", "investors", "lawmakers",
    "leaders", "members", "millions", "officers", "officials", "parents", "people", "police",
    "prosecutors", "researchers", "residents", "scientists", "shares", "shoppers", "staff",
    "students", "supporters", "teachers", "thousands", "traders", "users", "voters", "workers",
    "witnesses", "stocks", "prices", "sales", "figures", "results", "data", "reports",
]);

/// Verbs that begin imperative sentences, in page furniture that copied web text keeps ("+ Add
/// Acme Corp to your watchlist", "Follow Jane Roe on X") and in feature copy ("Enter Stuart
/// Kaplan, a graduate of..."): at the start of a sentence they begin no name. Verbs that do begin
/// names are left out ("Check Point Software", "Download Festival").
#[rustfmt::skip]
static IMPERATIVES: WordList = WordList::new(&[
    "add", "follow", "subscribe", "enter", "remember", "welcome",
]);

/// Words a count is of ("4 points clear", "18 months ago"): a number before one of them belongs
/// to it, not to the name before ("Atletico Serrano 4", "General Assembly 18").
#[rustfmt::skip]
static COUNT_NOUNS: WordList = WordList::new(&[
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "points",
    "percent", "per", "votes", "seats", "goals", "runs", "wickets", "laps", "games", "matches",
    "wins", "times", "people", "miles", "kilometres", "kilometers", "km", "metres", "meters",
    "feet", "yards", "million", "billion", "trillion", "thousand", "hundred", "dollars", "euros",
    "pounds", "cents",
]);

/// Titles and honorifics: removed from names and never tags themselves.
#[rustfmt::skip]
static TITLES: WordList = WordList::new(&[
    "adm", "admiral", "ambassador", "assemblyman", "assemblywoman", "assistant", "attorney",
    "bishop", "brig", "brigadier", "capt", "captain", "cardinal", "chairman", "chairwoman",
    "chancellor", "chief", "cmdr", "col", "colonel", "commander", "commissioner", "congressman",
    "congresswoman", "councilman", "councilmember", "councilwoman", "cpl", "dame", "deputy", "det",
    "detective", "director", "dr", "emir", "father", "gen", "gov", "governor", "inspector", "judge",
    "king", "lady", "lord", "lt", "madam", "mayor", "minister", "miss", "mr", "mrs", "ms", "mx",
    "hon", "officer", "pope", "premier", "president", "prime", "prince", "princess", "prof",
    "professor", "queen", "rabbi", "rep", "representative", "rev", "reverend", "sen", "senator",
    "sergeant", "sgt", "sheikh", "sheriff", "sir", "sister", "speaker", "spokesman", "spokesperson",
    "spokeswoman", "superintendent", "supt", "secretary", "vice", "chairperson",
]);

/// Words that continue a title ("Attorney General", "Chief Justice") and are
/// removed with it.
#[rustfmt::skip]
static TITLE_FOLLOWERS: WordList = WordList::new(&[
    "general", "justice", "minister", "secretary", "president", "executive", "officer", "director",
    "inspector", "constable", "superintendent", "commissioner", "chair", "whip",
]);

/// First words of place names ("New York", "South Sudan"): kept even at the
/// start of a sentence, and never stripped to merge "Sudan" into "South Sudan".
#[rustfmt::skip]
static PLACE_PREFIXES: WordList = WordList::new(&[
    "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "upper", "lower", "greater", "inner", "outer", "san", "santa", "los", "las", "fort",
    "saint", "st", "mount", "lake", "port", "united", "great", "royal", "old",
]);

/// Kinds of storm that name one ("Storm Helga", "Hurricane Milton"): kept at the start of a
/// sentence though the story says "the storm" too.
#[rustfmt::skip]
static STORM_KINDS: WordList = WordList::new(&[
    "storm", "hurricane", "typhoon", "cyclone", "tropical", "tempest", "superstorm",
]);

/// Lower-case words allowed inside a name between capitalised words.
#[rustfmt::skip]
static CONNECTORS: WordList = WordList::new(&[
    "of", "and", "for", "de", "la", "del", "della", "der", "den", "van", "von", "da", "das", "do",
    "dos", "du", "di", "le", "y", "the", "on", "upon", "bin", "ibn", "al", "el",
]);

/// Last words that mark an organisation name, used to keep "X and Y Z"
/// together ("Food and Drug Administration") instead of splitting it.
#[rustfmt::skip]
static ORG_SUFFIXES: WordList = WordList::new(&[
    "administration", "affairs", "agency", "alliance", "association", "authority", "bank", "board",
    "bureau", "center", "centers", "centre", "coalition", "college", "commerce", "commission",
    "committee", "company", "corporation", "council", "court", "defence", "defense", "department",
    "development", "education", "energy", "enforcement", "exchange", "federation", "force",
    "forces", "foundation", "fund", "group", "guard", "health", "holdings", "hospital",
    "industries", "industry", "institute", "justice", "laboratory", "management", "media",
    "medicine", "ministry", "museum", "network", "office", "organisation", "organization",
    "partners", "party", "police", "prevention", "protection", "relations", "republic", "research",
    "reserve", "resources", "school", "science", "sciences", "security", "service", "services",
    "society", "studies", "technology", "trade", "transportation", "trust", "union", "university",
    "welfare", "league",
]);

/// Heads that may precede "of"/"for" inside a longer organisation or place
/// name ("Federal Bureau of Investigation", "U.S. Chamber of Commerce"); any
/// other multi-word name before "of" is split off ("Jane Roe of the Agency").
#[rustfmt::skip]
static OF_HEADS: WordList = WordList::new(&[
    "academy", "assembly", "bay", "cape", "chamber", "church", "congress", "duchy", "emirates",
    "gulf", "house", "isle", "islands", "kingdom", "lake", "order", "parliament", "port",
    "province", "region", "sea", "senate", "state", "states", "strait", "territory",
]);

/// Company-form suffixes dropped from the end of names ("Acme Inc.").
#[rustfmt::skip]
static COMPANY_FORMS: WordList = WordList::new(&[
    "inc", "corp", "ltd", "llc", "plc", "co", "lp", "llp", "gmbh",
]);

/// Abbreviations whose trailing period does not end a sentence.
#[rustfmt::skip]
static ABBREVIATIONS: WordList = WordList::new(&[
    "mr", "mrs", "ms", "dr", "hon", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "cmdr",
    "adm", "prof", "rev", "st", "ft", "mt", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "dept", "det", "supt", "brig", "cpl", "ave", "blvd",
    "approx", "fig", "inc", "corp", "co", "ltd", "jr", "sr", "bros", "etc", "est",
]);

/// Abbreviations that frequently end a sentence as well ("... Acme Inc. The").
static ABBREVIATIONS_FINAL: WordList =
    WordList::new(&["inc", "corp", "co", "ltd", "jr", "sr", "bros", "etc", "est"]);

/// All-capital words that are not useful as tags.
#[rustfmt::skip]
static ACRONYM_STOP: WordList = WordList::new(&[
    "am", "pm", "tv", "ok", "ceo", "cfo", "coo", "cto", "gdp", "cpi", "et", "pt", "gmt", "bst",
    "cet", "est", "edt", "pst", "pdt", "cst", "cdt", "utc", "pdf", "faq", "diy", "rip", "id", "iq",
    "vip", "lol", "asap", "ipo", "hq", "pr", "hr", "usd", "eur", "gbp", "jpy", "chf", "q1", "q2",
    "q3", "q4", "mvp", "ps", "nb", "vs", "it", "omg", "aka", "fyi", "tbd", "n/a", "st", "nd", "rd",
    "th", "mp", "mps", "md", "phd", "esq", "pc", "hd", "hdr", "usb", "gps", "led", "lcd", "sms",
    "url", "vpn", "pii",
]);

/// Institutions named by their kind alone ("the Government has been alarmed", "Parliament
/// voted"): which government is the story's to say, so on their own they are no topic.
#[rustfmt::skip]
static BARE_INSTITUTIONS: WordList = WordList::new(&[
    "government", "parliament", "cabinet", "ministry", "council", "court", "police", "army",
    "military", "administration", "opposition", "committee", "assembly",
]);

/// Lower-case second halves of "X-suffix" compounds ("ICE-led", "Chicago-based").
#[rustfmt::skip]
static HYPHEN_SUFFIXES: WordList = WordList::new(&[
    "affiliated", "aligned", "allied", "appointed", "area", "backed", "based", "born", "bound",
    "built", "centric", "controlled", "designed", "dominated", "era", "flagged", "focused",
    "friendly", "funded", "held", "inspired", "led", "level", "linked", "listed", "made",
    "occupied", "owned", "produced", "registered", "related", "ruled", "run", "sized", "speaking",
    "sponsored", "elect", "designate", "style", "supported", "themed", "wide", "year", "years",
    "like", "type", "class", "grade", "only", "free", "proof", "ready", "approved", "certified",
    "compliant", "native", "specific",
]);

/// Lower-case prefixes before a capitalised name ("anti-Trump", "pro-EU").
#[rustfmt::skip]
static HYPHEN_PREFIXES: WordList = WordList::new(&[
    "anti", "pro", "non", "ex", "post", "pre", "mid", "pan", "neo", "un", "trans", "inter", "cross",
    "all", "then", "would-be", "self",
]);

/// Nationality, religion and party adjectives that are not tags on their own.
#[rustfmt::skip]
static DEMONYMS: WordList = WordList::new(&[
    "afghan", "arab", "arabic", "baltic", "basque", "catalan", "catholic", "cuban", "czech",
    "democrat", "democratic", "dutch", "eastern", "emirati", "filipino", "french", "german",
    "greek", "hindu", "hispanic", "iraqi", "islamic", "israeli", "kazakh", "kenyan", "kurd",
    "kuwaiti", "latina", "latino", "muslim", "nepali", "nordic", "northern", "omani", "pakistani",
    "qatari", "saudi", "scots", "serb", "sikh", "slovak", "somali", "southern", "swiss", "thai",
    "uzbek", "welsh", "western", "yemeni", "bangladeshi", "croat", "tajik", "turkmen", "federal",
    "national", "international", "global", "european", "christian", "jewish", "gop",
]);

/// The peoples of the nations most in the news as French, Spanish, Portuguese, Italian and Dutch
/// write them: French capitalises them as nouns (`les Français`, `des Américains`), and a story
/// in French was tagged `Français` for it. Singular forms, and the plurals that are more than
/// the singular and an `s` (`españoles`, `italiani`); the others are tried without their `s`.
/// Forms that are also names of places are left out (`Argentina`, `China`, `Suisse`).
#[rustfmt::skip]
static FOREIGN_DEMONYMS: WordList = WordList::new(&[
    // French.
    "français", "française", "anglais", "anglaise", "britannique", "allemand", "allemande",
    "américain", "américaine", "européen", "européenne", "espagnol", "espagnole", "italien",
    "italienne", "russe", "ukrainien", "ukrainienne", "chinois", "chinoise", "japonais", "japonaise",
    "israélien", "israélienne", "palestinien", "palestinienne", "belge", "canadien",
    "canadienne", "québécois", "québécoise", "africain", "africaine", "algérien", "algérienne",
    "marocain", "marocaine", "tunisien", "tunisienne", "iranien", "iranienne", "turc", "turque",
    "libanais", "libanaise", "syrien", "syrienne", "brésilien", "brésilienne", "mexicain", "mexicaine",
    "indien", "indienne", "portugais", "portugaise", "polonais", "polonaise", "grec", "grecque",
    "néerlandais", "néerlandaise",
    // Spanish and Portuguese.
    "español", "española", "españoles", "estadounidense", "estadounidenses", "mexicano", "mexicana",
    "argentino", "colombiano", "colombiana", "chileno", "chilena", "venezolano",
    "venezolana", "peruano", "peruana", "cubano", "cubana", "europeo", "europea", "francés",
    "francesa", "franceses", "alemán", "alemana", "alemanes", "inglés", "inglesa", "ingleses",
    "británico", "británica", "ruso", "rusa", "brasileño", "brasileña",
    "brasileiro", "brasileira", "português", "portuguesa", "portugueses", "americano", "americana",
    "norte-americano", "norte-americana", "francês", "alemão", "alemães", "inglês", "espanhol",
    "espanhola", "espanhóis", "europeu", "europeia",
    // Italian and Dutch.
    "italiano", "italiana", "italiani", "italiane", "francese", "francesi", "tedesco", "tedesca",
    "tedeschi", "inglese", "inglesi", "americani", "europei", "nederlander", "nederlanders", "belg",
    "belgen", "duitser", "duitsers", "fransman", "fransen", "amerikaan", "amerikanen",
]);

/// Adjectives of nation, faith or party that end descriptions, not names ("a Virginia Democrat",
/// "South Korean President Yoon"); words that also end names ("Amnesty International", "Bill
/// English", "Mark Cuban", "Dawn French") are left out.
#[rustfmt::skip]
static TRAILING_DEMONYMS: WordList = WordList::new(&[
    "american", "african", "asian", "australian", "austrian", "belgian", "brazilian", "canadian",
    "chinese", "colombian", "egyptian", "ethiopian", "indian", "iranian",
    "iraqi", "israeli", "italian", "japanese", "korean", "lebanese", "libyan", "mexican",
    "nigerian", "norwegian", "pakistani", "palestinian", "portuguese", "russian", "saudi",
    "spanish", "swedish", "syrian", "tunisian", "turkish", "ukrainian", "venezuelan", "democrat",
    "republican", "islamist", "muslim", "sunni", "shiite", "hindu", "buddhist", "catholic",
    "protestant", "evangelical", "soviet", "hungarian", "romanian", "argentine", "chilean",
    "peruvian", "sudanese", "moroccan", "algerian", "afghan", "greek", "kenyan",
    "somali", "yemeni", "emirati", "qatari", "filipino", "vietnamese", "indonesian",
    "malaysian", "british", "scottish", "irish", "polish", "danish", "finnish",
]);

/// A fixed list of words, looked up by hash: the tagger asks these lists about most words of
/// every article, so a lookup first checks a table of the lengths the list's words have for
/// each first byte, which turns most words away without hashing them.
struct WordList {
    words: &'static [&'static str],
    index: OnceLock<WordIndex>,
}

/// A [`WordList`]'s lookup structures, built on first use.
struct WordIndex {
    /// The words themselves, as bytes: lookups of lower-cased copies need no UTF-8 check.
    set: FxSet<&'static [u8]>,
    /// Bit `n` of `lengths[b]` is set when a word of `n` bytes (63 for longer) starts with `b`.
    lengths: [u64; 256],
    /// Bytes in the longest word: a longer ASCII word cannot be in the list.
    longest: usize,
}

/// Longest word, in bytes, that [`WordList::contains_lower`] lowercases without allocating.
const SHORT_WORD: usize = 32;

impl WordList {
    const fn new(words: &'static [&'static str]) -> WordList {
        WordList { words, index: OnceLock::new() }
    }

    /// The lookup structures, built once, on the first lookup.
    fn index(&self) -> &WordIndex {
        self.index.get_or_init(|| {
            let mut lengths = [0u64; 256];
            for word in self.words {
                if let Some(&first) = word.as_bytes().first() {
                    lengths[usize::from(first)] |= 1 << word.len().min(63);
                }
            }
            let longest = self.words.iter().map(|w| w.len()).max().unwrap_or(0);
            WordIndex { set: self.words.iter().map(|word| word.as_bytes()).collect(), lengths, longest }
        })
    }

    /// Whether `word` is in the list, exactly as written.
    fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// Inlined, so that the usual answer (no list word of this first byte and length) costs no
    /// call; the hash lookup stays out of line.
    #[inline]
    fn contains_bytes(&self, word: &[u8]) -> bool {
        match word.first() {
            Some(&first) if !self.has_length_starting(first, word.len()) => false,
            _ => self.set_contains(word),
        }
    }

    /// The hash lookup behind [`WordList::contains_bytes`], kept out of line.
    #[inline(never)]
    fn set_contains(&self, word: &[u8]) -> bool {
        self.index().set.contains(word)
    }

    /// Whether some word of the list starts with byte `first` and is `len` bytes long (63 or
    /// more counted together): a cheap no for most words, before any hashing.
    #[inline]
    fn has_length_starting(&self, first: u8, len: usize) -> bool {
        (self.index().lengths[usize::from(first)] >> len.min(63)) & 1 == 1
    }

    /// `contains(&word.to_lowercase())`, without allocating for the usual short ASCII word.
    ///
    /// The usual answer, an ASCII word with no list word of its first letter and length, is given
    /// inlined at the call site; the lower-casing and hashing stay out of line.
    #[inline]
    fn contains_lower(&self, word: &str) -> bool {
        if let Some(&first) = word.as_bytes().first()
            && word.is_ascii()
            && !self.has_length_starting(first.to_ascii_lowercase(), word.len())
        {
            return false;
        }
        self.contains_lower_out_of_line(word)
    }

    /// [`WordList::contains_lower`] past its inlined first test.
    #[inline(never)]
    fn contains_lower_out_of_line(&self, word: &str) -> bool {
        if !word.is_ascii() {
            return self.contains(&word.to_lowercase());
        }
        if word.len() > self.index().longest {
            return false;
        }
        if word.len() > SHORT_WORD {
            return self.contains(&word.to_ascii_lowercase());
        }
        // Most words have no list word of their first letter and length: no copy needed.
        if let Some(&first) = word.as_bytes().first()
            && !self.has_length_starting(first.to_ascii_lowercase(), word.len())
        {
            return false;
        }
        let mut buffer = [0u8; SHORT_WORD];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        self.contains_bytes(lower)
    }
}

// ---------------------------------------------------------------------------
// Tokens.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Capitalised word ("Chicago", "McLaughlin", "O’Hare").
    Cap,
    /// Two to six capitals, possibly dotted ("ICE", "U.S.").
    Acronym,
    /// Single capital followed by a period ("J.").
    Initial,
    /// Digits only.
    Number,
    /// Lower-case word that may sit inside a name ("of", "and").
    Connector,
    /// Any other lower-case or mixed word.
    Lower,
    /// All-capital word in shouted text (headings, datelines, bylines).
    Shout,
    /// Token that must be ignored (handles, hashtags, wire names in datelines).
    Skip,
}

#[derive(Clone, Debug)]
struct Tok<'a> {
    text: &'a str,
    kind: Kind,
    /// First word of a sentence, quotation or line: capitalisation proves nothing.
    sent_start: bool,
    /// First word after a dateline's dash: the story's subject as often as a common word.
    after_dateline: bool,
    /// Punctuation separates this token from the previous one.
    brk_before: bool,
    /// A possessive or hyphen suffix was cut off: no name continues past it.
    brk_after: bool,
    /// Only an ampersand separates this token from the previous one.
    amp_before: bool,
    /// Written as "(TOKEN)".
    paren_wrapped: bool,
    /// Paragraph index; `usize::MAX` marks the title.
    para: usize,
}

/// Character classes inside a word: letters, digits and a few joiners.
/// Letters and digits, except CJK and kana, which are written without spaces
/// and must not glue onto Latin names.
fn is_word_char(c: char) -> bool {
    !matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
        && crate::text::is_alphanumeric(c)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '.' | '\'' | '’' | '&' | '\u{2011}')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '„' | '”' | '’' | '»' | '\'')
}

/// Gap flags between two words.
#[derive(Default, Clone, Copy)]
struct Gap {
    sentence: bool,
    brk: bool,
    /// A dash stands in the gap: after a dateline ("PARIS (AP) — "), a sentence starts.
    dash: bool,
    amp: bool,
    open_paren: bool,
    handle: bool,
}

fn analyse_gap(gap: &str, at_line_start: bool) -> Gap {
    let mut g = Gap { sentence: at_line_start, ..Gap::default() };
    let mut last_non_space: Option<char> = None;
    for c in gap.chars() {
        if c.is_whitespace() {
            last_non_space = None;
            continue;
        }
        match c {
            '.' | '!' | '?' | '…' | ':' => {
                g.sentence = true;
                g.brk = true;
            }
            '&' => g.amp = true,
            '-' | '–' | '—' => {
                g.dash = true;
                g.brk = true;
            }
            _ => g.brk = true,
        }
        last_non_space = Some(c);
    }
    // Characters glued to the start of the next word.
    match last_non_space {
        Some(c) if is_quote(c) => g.sentence = true,
        Some('(') | Some('[') => g.open_paren = true,
        // Handles, hashtags and Reuters instrument codes ("AT&T <T.N> was flat", "US10YT=RR").
        Some('@') | Some('#') | Some('<') | Some('=') => g.handle = true,
        _ => {}
    }
    if g.brk {
        g.amp = false;
    }
    g
}

/// True for "J", "J.B", "U.S", "a.m": single letters joined by periods.
fn is_initials(word: &str) -> bool {
    // Most words asked about end a sentence ("Monday."): an ASCII first letter not followed by a
    // period answers at once.
    if let [first, second, ..] = word.as_bytes()
        && first.is_ascii()
        && *second != b'.'
    {
        return false;
    }
    !word.is_empty() && word.split('.').all(crate::text::is_one_letter)
}

fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // Copied whole, or in pieces between periods (rare), then lower-cased in place. Asking for
        // a period first spares most words the splitting iterator.
        let start = out.len();
        if word.as_bytes().contains(&b'.') {
            for part in word.split('.') {
                out.push_str(part);
            }
        } else {
            out.push_str(word);
        }
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '.' => {}
            '’' | '‘' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// Strips a trailing possessive "’s"/"'s"; returns the stem and whether it was cut.
fn strip_possessive(word: &str) -> (&str, bool) {
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return (word, false);
    }
    for suffix in ["’s", "'s", "’S", "'S"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return (stem, true);
        }
    }
    (word, false)
}

/// Splits hyphenated forms: returns the part to keep plus break-before and
/// break-after flags. The tokenizer calls it only for words in which a dash joined two parts.
fn split_hyphenated(word: &str) -> (&str, bool, bool) {
    let Some(dash) = word.find(['-', '\u{2011}']) else {
        return (word, false, false);
    };
    let first = &word[..dash];
    let rest = &word[dash..];
    let rest_body = rest.trim_start_matches(['-', '\u{2011}']);
    let first_upper = first.chars().next().is_some_and(char::is_uppercase);
    if first_upper {
        // Every later part must be capitalised or numeric to keep the whole word.
        let all_cap = rest_body
            .split(['-', '\u{2011}'])
            .all(|p| p.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()));
        if all_cap {
            return (word, false, false);
        }
        let first_is_acronym = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && first.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let suffix = rest_body.split(['-', '\u{2011}']).next().unwrap_or("");
        if first_is_acronym || HYPHEN_SUFFIXES.contains_lower(suffix) {
            return (first, false, true);
        }
        return (word, false, false);
    }
    if HYPHEN_PREFIXES.contains_lower(first) && rest_body.chars().next().is_some_and(char::is_uppercase) {
        let (inner, _, after) = split_hyphenated(rest_body);
        return (inner, true, after);
    }
    (word, false, false)
}

/// "I’m", "We’ve", "Don’t": capitalised contractions are not names.
fn is_contraction(word: &str) -> bool {
    match word.rfind(['\'', '’']) {
        Some(i) => {
            let tail = word.get(i..).unwrap_or("").trim_start_matches(['\'', '’']);
            matches!(tail, "m" | "ve" | "ll" | "d" | "re" | "t" | "s")
        }
        None => false,
    }
}

fn classify(word: &str) -> Kind {
    // Most words are lower case: no decoding for those.
    if word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return if CONNECTORS.contains(word) { Kind::Connector } else { Kind::Lower };
    }
    let Some(first) = word.chars().next() else {
        return Kind::Skip;
    };
    if first.is_numeric() {
        return if word.chars().all(|c| c.is_ascii_digit()) { Kind::Number } else { Kind::Lower };
    }
    if !first.is_uppercase() {
        return if CONNECTORS.contains(word) { Kind::Connector } else { Kind::Lower };
    }
    if is_contraction(word) {
        return Kind::Lower;
    }
    if let Some((head, _)) = word.split_once(['-', '\u{2011}'])
        && STOP_WORDS.contains_lower(head)
    {
        return Kind::Lower;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let all_upper = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let core = word.trim_end_matches('.');
    if letters == 1 {
        return if word.ends_with('.') { Kind::Initial } else { Kind::Lower };
    }
    if all_upper {
        if is_initials(core) || letters <= 6 {
            return Kind::Acronym;
        }
        return Kind::Shout;
    }
    // Plural acronyms: "NGOs", "MPs".
    if let Some(stem) = word.strip_suffix('s')
        && (2..=6).contains(&stem.chars().count())
        && stem.chars().all(|c| c.is_uppercase())
    {
        return Kind::Acronym;
    }
    Kind::Cap
}

/// Tokenises one line, appending to `out`.
fn tokenize_line<'a>(line: &'a str, para: usize, out: &mut Vec<Tok<'a>>) {
    let line_first = out.len();
    let mut at = 0usize;
    let mut gap_start = 0usize;
    let mut at_line_start = true;
    let mut carry_break = false;
    // The first token after a dash, which starts the story's first sentence if the line opens
    // with a dateline.
    let mut after_dash: Option<usize> = None;
    let bytes = line.as_bytes();
    while at < line.len() {
        // Spaces and ASCII punctuation between words are passed without decoding.
        if bytes[at].is_ascii() && !bytes[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let (c, width) = crate::text::char_at(line, at);
        if !is_word_char(c) {
            at += width;
            continue;
        }
        // Scan the word.
        let start = at;
        let mut end = start;
        let mut pending_joiner: Option<(usize, char)> = None;
        // Whether a dash joined two parts: only then can the word need splitting.
        let mut saw_dash = false;
        while at < line.len() {
            // Most of a word is ASCII letters and digits: take those without decoding.
            let run = crate::text::ascii_word_run(&bytes[at..], false);
            if run > 0 {
                pending_joiner = None;
                at += run;
                end = at;
                if at == line.len() {
                    break;
                }
            }
            // An ASCII byte after the run is no word character: a joiner, or the word's end.
            let byte = bytes[at];
            if byte.is_ascii() && !is_joiner(char::from(byte)) {
                break;
            }
            let (ch, width) = crate::text::char_at(line, at);
            if is_word_char(ch) {
                pending_joiner = None;
                at += width;
                end = at;
            } else if is_joiner(ch) && pending_joiner.is_none() {
                saw_dash |= matches!(ch, '-' | '\u{2011}');
                pending_joiner = Some((at, ch));
                at += width;
            } else {
                break;
            }
        }
        // A joiner not followed by a letter or digit belongs to the gap.
        let mut next_gap = end;
        let raw = &line[start..end];
        let mut word = raw;
        let mut soft_end = false;
        if let Some((i, '.')) = pending_joiner
            && (is_initials(raw) || ABBREVIATIONS.contains_lower(raw))
        {
            word = &line[start..i + 1];
            next_gap = i + 1;
            let lowercase_initials = raw.chars().next().is_some_and(char::is_lowercase);
            soft_end = lowercase_initials || ABBREVIATIONS_FINAL.contains_lower(raw);
        }
        // Most words are apart by one space, which carries no signal.
        let gap = if start == gap_start + 1 && bytes[gap_start] == b' ' {
            Gap { sentence: at_line_start, ..Gap::default() }
        } else {
            analyse_gap(line.get(gap_start..start).unwrap_or(""), at_line_start)
        };
        let followed_by_paren = bytes.get(next_gap) == Some(&b')');
        // "US10YT=RR": both sides of an instrument code's `=` are skipped.
        if bytes.get(gap_start) == Some(&b'=')
            && out.len() > line_first
            && let Some(code) = out.last_mut()
        {
            code.kind = Kind::Skip;
        }
        let (stem, possessive) = strip_possessive(word);
        let (core, hyphen_before, hyphen_after) =
            if saw_dash { split_hyphenated(stem) } else { (stem, false, false) };
        let mut kind = classify(core);
        if gap.handle {
            kind = Kind::Skip;
        }
        let sent_start = gap.sentence || (carry_break && soft_end_next(core));
        if gap.dash && after_dash.is_none() {
            after_dash = Some(out.len());
        }
        out.push(Tok {
            text: core,
            kind,
            sent_start,
            after_dateline: false,
            brk_before: gap.brk || hyphen_before || carry_break || sent_start,
            brk_after: possessive || hyphen_after,
            amp_before: gap.amp,
            paren_wrapped: gap.open_paren && followed_by_paren,
            para,
        });
        carry_break = soft_end;
        at_line_start = false;
        gap_start = next_gap;
    }
    mark_shouting(&mut out[line_first..]);
    // "SEOUL, March 15 (EFE) - Demand for AI chips...": the dateline's dash ends it, and the
    // word after it starts the story, so "Demand" needs evidence that it is a name.
    if out.get(line_first).is_some_and(|first| first.kind == Kind::Shout)
        && let Some(at) = after_dash.filter(|&at| at - line_first <= DATELINE_TOKENS)
    {
        out[at].after_dateline = true;
    }
}

/// Most tokens a dateline takes before its dash ("NEW YORK, Jan. 5 (Reuters) —").
const DATELINE_TOKENS: usize = 10;

/// After "Inc." or "p.m.", a capitalised word probably starts a sentence.
fn soft_end_next(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Marks all-capital tokens of shouted sentences (headings, bylines,
/// datelines) so they are not taken for acronyms.
fn mark_shouting(toks: &mut [Tok<'_>]) {
    // Dateline or label: all-capital first words followed by punctuation
    // ("NEW YORK, ...", "PARIS: ...").
    let lead = toks
        .iter()
        .enumerate()
        .take_while(|(n, t)| matches!(t.kind, Kind::Acronym | Kind::Shout) && (*n == 0 || !t.brk_before))
        .count();
    if lead >= 1 && toks.get(lead).is_some_and(|t| t.brk_before) {
        for t in &mut toks[..lead] {
            t.kind = Kind::Shout;
        }
    }
    // The wire name in a dateline: "PARIS, Jan. 5 (Agency) —".
    if toks.first().is_some_and(|t| t.kind == Kind::Shout)
        && let Some(p) = toks.iter().take(6).position(|t| t.paren_wrapped)
        && toks[..p].iter().all(|t| !matches!(t.kind, Kind::Lower | Kind::Connector))
    {
        toks[p].kind = Kind::Skip;
    }
    let mut s = 0;
    while s < toks.len() {
        let mut e = s + 1;
        while e < toks.len() && !toks[e].sent_start {
            e += 1;
        }
        let sentence = &mut toks[s..e];
        let upper = sentence.iter().filter(|t| matches!(t.kind, Kind::Acronym | Kind::Shout)).count();
        // Counting letters is the costly part, and only needed when there is shouting to find.
        let shouted = upper >= 2 && {
            let alpha = sentence.iter().filter(|t| t.text.chars().any(char::is_alphabetic)).count();
            alpha >= 2 && upper * 10 >= alpha * 6
        };
        if shouted {
            for t in sentence.iter_mut() {
                if t.kind == Kind::Acronym {
                    t.kind = Kind::Shout;
                }
            }
        }
        s = e;
    }
}

// ---------------------------------------------------------------------------
// Document: tokens plus per-article evidence.
// ---------------------------------------------------------------------------

const TITLE_PARA: usize = usize::MAX;

struct Document<'a> {
    toks: Vec<Tok<'a>>,
    /// Lower-case words seen anywhere (evidence that a capitalised sentence
    /// starter is a common word).
    lower: FxSet<&'a str>,
    /// Folded letters of acronyms seen in the article.
    acronyms: FxSet<String>,
    /// Paragraph index of the lede (first substantial paragraph).
    lede: Option<usize>,
    /// Title folded to " word word ", for containment checks.
    title_folded: String,
    /// Title with case kept and periods dropped, for acronym checks.
    title_cased: String,
}

fn line_is_title_case(toks: &[Tok<'_>]) -> bool {
    let long: Vec<&Tok<'_>> =
        toks.iter().filter(|t| t.text.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let caps = long.iter().filter(|t| matches!(t.kind, Kind::Cap | Kind::Acronym | Kind::Shout)).count();
    long.len() >= 2 && caps * 10 >= long.len() * 7
}

fn ends_like_sentence(par: &str) -> bool {
    par.trim_end().chars().last().is_some_and(|c| matches!(c, '.' | '!' | '?' | '”' | '"' | ':' | '…' | ')'))
}

/// Paragraphs that carry no article content: bylines, credits, stamps.
fn is_boilerplate(par: &str) -> bool {
    let trimmed = par.trim_start();
    // Only short paragraphs can be boilerplate: count words no further than that, and only for
    // the two rules that ask (most paragraphs are ruled out before).
    let words = || trimmed.split_whitespace().take(15).count();
    let starts = |p: &str| trimmed.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p));
    if (starts("by ") && words() <= 14 && !trimmed.trim_end().ends_with('.'))
        || starts("(reporting by")
        || starts("reporting by")
        || starts("additional reporting")
        || starts("editing by")
        || starts("(editing by")
        || starts("updated ")
        || starts("contributing:")
    {
        return true;
    }
    // Photo credits: "Name Surname/AGENCY".
    par.contains('/') && words() <= 10 && !ends_like_sentence(par.trim_end_matches(')'))
}

impl<'a> Document<'a> {
    fn parse(title: &'a str, text: &'a str) -> Self {
        let mut toks: Vec<Tok<'a>> = Vec::with_capacity(text.len() / 5 + 16);

        // Title.
        let title_line = title.trim();
        tokenize_line(title_line, TITLE_PARA, &mut toks);
        let mut title_folded = String::from(" ");
        let mut title_cased = String::from(" ");
        for t in &toks {
            // Lower-case title words cannot confirm a name ("oil" is not "Oil").
            if t.kind == Kind::Lower {
                title_folded.push('~');
            } else {
                fold_into(t.text, &mut title_folded);
            }
            title_folded.push(' ');
            title_cased.extend(t.text.chars().filter(|&c| c != '.'));
            title_cased.push(' ');
        }
        if line_is_title_case(&toks) {
            // Title Case headlines carry no capitalisation evidence; entities
            // are matched against them later instead.
            toks.clear();
        }

        // Body, paragraph by paragraph.
        let mut para = 0usize;
        let mut in_para = false;
        let mut lede: Option<usize> = None;
        let mut par_lines: Vec<&'a str> = Vec::new();
        let mut flush = |lines: &mut Vec<&'a str>, toks: &mut Vec<Tok<'a>>, para: usize| {
            if lines.is_empty() {
                return;
            }
            let single = lines.len() == 1;
            let first = lines[0];
            let boiler = single && (is_boilerplate(first) || first.trim() == title_line);
            if !boiler {
                let before = toks.len();
                for line in lines.iter() {
                    tokenize_line(line, para, toks);
                }
                let heading = single && !ends_like_sentence(first) && line_is_title_case(&toks[before..]);
                if heading {
                    toks.truncate(before);
                } else if lede.is_none() && toks.len() - before >= 10 {
                    lede = Some(para);
                }
            }
            lines.clear();
        };
        for line in crate::text::lines(text) {
            if line.trim().is_empty() {
                if in_para {
                    flush(&mut par_lines, &mut toks, para);
                    para += 1;
                    in_para = false;
                }
                continue;
            }
            in_para = true;
            par_lines.push(line);
        }
        flush(&mut par_lines, &mut toks, para);

        let mut lower: FxSet<&'a str> = FxSet::with_capacity_and_hasher(toks.len() / 2, Default::default());
        let mut acronyms: FxSet<String> = FxSet::default();
        for t in &toks {
            match t.kind {
                Kind::Lower | Kind::Connector => {
                    lower.insert(t.text);
                }
                Kind::Acronym => {
                    acronyms.insert(acronym_key(t.text));
                }
                _ => {}
            }
        }
        Document { toks, lower, acronyms, lede, title_folded, title_cased }
    }

    fn has_lower_evidence(&self, word: &str) -> bool {
        let mut w = word.to_lowercase();
        if self.lower.contains(w.as_str()) {
            return true;
        }
        if let Some(stem) = w.strip_suffix('s')
            && self.lower.contains(stem)
        {
            return true;
        }
        w.push('s');
        self.lower.contains(w.as_str())
    }
}

/// Folded letters of an acronym token, without periods or a plural "s".
fn acronym_key(text: &str) -> String {
    let core = match text.strip_suffix('s') {
        Some(stem) if stem.chars().all(|c| !c.is_lowercase()) => stem,
        _ => text,
    };
    fold(core)
}

// ---------------------------------------------------------------------------
// Mentions and resolution.
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Entity {
    display: String,
    keys: Vec<String>,
    /// Number of words (connectors excluded).
    words: usize,
    acronym: bool,
    /// Last word folded, for surname matching (multi-word names only).
    last: String,
    /// Initials of capitalised words, and the same without the first word.
    initials: [String; 3],
    certain: usize,
    uncertain: usize,
    extra: usize,
    first_pos: usize,
    in_title: bool,
    lede_multi: bool,
    redirect: Option<usize>,
}

struct Resolver<'d, 'a> {
    doc: &'d Document<'a>,
    ents: Vec<Entity>,
    by_key: FxMap<String, usize>,
    /// (expansion key, acronym key) from "Name (ACR)".
    paren_pairs: Vec<(String, String)>,
    /// Folded shouted words, counted later for matching single-word entities.
    shouts: Vec<String>,
}

impl<'d, 'a> Resolver<'d, 'a> {
    fn new(doc: &'d Document<'a>) -> Self {
        Resolver {
            doc,
            ents: Vec::new(),
            by_key: FxMap::default(),
            paren_pairs: Vec::new(),
            shouts: Vec::new(),
        }
    }

    fn collect_mentions(&mut self) {
        let toks = &self.doc.toks;
        let mut span: Vec<usize> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if t.kind == Kind::Shout {
                self.shouts.push(fold(t.text));
            }
            let continues = match span.last() {
                Some(&p) => {
                    let prev = &toks[p];
                    let joined = !t.brk_before && !prev.brk_after && prev.para == t.para;
                    joined
                        && match t.kind {
                            Kind::Cap | Kind::Acronym | Kind::Initial => prev.kind != Kind::Number,
                            Kind::Connector => {
                                prev.kind != Kind::Number
                                    && !t.amp_before
                                    && (t.text != "the" || matches!(prev.text, "of" | "for"))
                            }
                            Kind::Number => {
                                matches!(prev.kind, Kind::Cap | Kind::Acronym)
                                    && number_joins(t.text)
                                    && !toks.get(i + 1).is_some_and(|next| {
                                        !next.brk_before && COUNT_NOUNS.contains(next.text)
                                    })
                            }
                            _ => false,
                        }
                }
                None => false,
            };
            if continues {
                span.push(i);
                continue;
            }
            // Most tokens end no span (they are lower case after lower case): no call for those.
            if !span.is_empty() {
                self.flush_span(&span, toks.get(i));
                span.clear();
            }
            if matches!(t.kind, Kind::Cap | Kind::Acronym | Kind::Initial) {
                span.push(i);
            }
        }
        self.flush_span(&span, None);
    }

    /// Splits a run of capitalised tokens at titles and stop words and emits
    /// the remaining segments as mentions.
    fn flush_span(&mut self, span: &[usize], next: Option<&Tok<'a>>) {
        if span.is_empty() {
            return;
        }
        let toks = &self.doc.toks;
        let mut seg: Vec<usize> = Vec::with_capacity(span.len());
        let mut k = 0;
        // The entity the last segment was counted for.
        let mut emitted_last: Option<usize> = None;
        while k < span.len() {
            let t = &toks[span[k]];
            let low = t.text.trim_end_matches('.');
            let is_cap = matches!(t.kind, Kind::Cap | Kind::Initial);
            // "Premier League": a title that an organisation word ends is part of the name.
            let names_organisation = || {
                k + 2 == span.len()
                    && ORG_SUFFIXES.contains_lower(toks[span[k + 1]].text.trim_end_matches('.'))
            };
            if is_cap && TITLES.contains_lower(low) && !names_organisation() {
                self.emit_segment(&seg, &mut emitted_last);
                seg.clear();
                k += 1;
                while k < span.len() {
                    let f = toks[span[k]].text.trim_end_matches('.');
                    if TITLES.contains_lower(f) || TITLE_FOLLOWERS.contains_lower(f) {
                        k += 1;
                    } else {
                        break;
                    }
                }
                if k < span.len() && toks[span[k]].text == "of" {
                    // "Secretary of State Jane Doe": keep the name, drop the office.
                    k += 1;
                    if k < span.len() && toks[span[k]].text == "the" {
                        k += 1;
                    }
                    let start = k;
                    while k < span.len() && toks[span[k]].kind != Kind::Connector {
                        k += 1;
                    }
                    let caps = &span[start..k];
                    match caps.len() {
                        0 | 1 => {}
                        2 => self.emit_segment(caps, &mut emitted_last),
                        n => self.emit_segment(&caps[n - 2..], &mut emitted_last),
                    }
                }
                continue;
            }
            let stop = if t.kind == Kind::Acronym {
                ACRONYM_STOP.contains(&acronym_key(t.text))
            } else {
                is_cap && STOP_WORDS.contains_lower(low)
            };
            if stop {
                self.emit_segment(&seg, &mut emitted_last);
                seg.clear();
                k += 1;
                continue;
            }
            seg.push(span[k]);
            k += 1;
        }
        self.emit_segment(&seg, &mut emitted_last);
        // "Name (ACR)": remember the pair.
        if let (Some(n), Some(entity)) = (next, emitted_last)
            && n.paren_wrapped
            && n.kind == Kind::Acronym
        {
            // Entities keep the key they were made with first until they are resolved.
            self.paren_pairs.push((self.ents[entity].keys[0].clone(), acronym_key(n.text)));
        }
    }

    fn emit_segment(&mut self, seg: &[usize], emitted_last: &mut Option<usize>) {
        let toks = &self.doc.toks;
        let mut seg = trim_connectors(toks, seg);
        // Company forms at the end ("Acme Inc.").
        while seg.len() > 1
            && COMPANY_FORMS.contains_lower(toks[seg[seg.len() - 1]].text.trim_end_matches('.'))
        {
            seg = trim_connectors(toks, &seg[..seg.len() - 1]);
        }
        if seg.is_empty() {
            return;
        }
        let first = &toks[seg[0]];
        let mut uncertain = false;
        if (first.sent_start || first.after_dateline) && first.kind == Kind::Cap {
            let drop_first = seg.len() > 1
                && !PLACE_PREFIXES.contains_lower(first.text.trim_end_matches('.'))
                && !STORM_KINDS.contains_lower(first.text)
                && (COMMON_STARTERS.contains_lower(first.text)
                    || IMPERATIVES.contains_lower(first.text)
                    || self.doc.has_lower_evidence(first.text)
                    // "Cases of RSV", but not "Hendrik de Vries": name particles join names.
                    || (matches!(toks[seg[1]].text, "of" | "for" | "the" | "on" | "upon")
                        && !self.protected(seg)));
            if drop_first {
                seg = trim_connectors(toks, &seg[1..]);
                if seg.is_empty() {
                    return;
                }
            } else if seg.len() == 1 && first.sent_start {
                uncertain = true;
            } else if seg.len() == 1
                && (COMMON_STARTERS.contains_lower(first.text) || self.doc.has_lower_evidence(first.text))
            {
                // After a dateline the subject comes first ("LONDON (Reuters) - Barclays said"): a
                // word there is a name unless the story also writes it in lower case.
                return;
            }
        }
        // "Jane Roe of the Agency": a multi-word name before "of"/"for" that
        // is not an organisation head is a separate entity.
        let split_at = seg.iter().position(|&i| matches!(toks[i].text, "of" | "for"));
        if let Some(p) = split_at
            && p >= 2
            && seg[..p].iter().all(|&i| toks[i].kind != Kind::Connector)
        {
            let head = toks[seg[p - 1]].text;
            if !ORG_SUFFIXES.contains_lower(head) && !OF_HEADS.contains_lower(head) {
                self.emit_and_split(&seg[..p], uncertain, emitted_last);
                let rest = trim_connectors(toks, &seg[p..]);
                self.emit_segment(rest, emitted_last);
                return;
            }
        }
        self.emit_and_split(seg, uncertain, emitted_last);
    }

    /// "X and Y": one organisation (kept) or two names (split)?
    fn emit_and_split(&mut self, seg: &[usize], uncertain: bool, emitted_last: &mut Option<usize>) {
        let toks = &self.doc.toks;
        let has_and = seg.iter().any(|&i| toks[i].text == "and");
        if !has_and || self.protected(seg) {
            self.emit(seg, uncertain, emitted_last);
            return;
        }
        let mut start = 0;
        let mut first_part = true;
        for (n, &i) in seg.iter().enumerate() {
            if toks[i].text == "and" {
                let p = trim_connectors(toks, &seg[start..n]);
                self.emit(p, uncertain && first_part, emitted_last);
                first_part = false;
                start = n + 1;
            }
        }
        let p = trim_connectors(toks, &seg[start..]);
        self.emit(p, false, emitted_last);
    }

    /// Keeps "X and Y Z" joined when its initials are an acronym of the
    /// article or it ends like an organisation.
    fn protected(&self, seg: &[usize]) -> bool {
        let toks = &self.doc.toks;
        let Some(&last) = seg.last() else {
            return false;
        };
        if ORG_SUFFIXES.contains_lower(toks[last].text) {
            return true;
        }
        let ini = initials(toks, seg);
        ini.iter().any(|i| i.len() >= 2 && self.doc.acronyms.contains(i))
    }

    fn emit(&mut self, seg: &[usize], uncertain: bool, emitted_last: &mut Option<usize>) {
        let toks = &self.doc.toks;
        // Segments made only of initials or numbers are not names.
        if !seg.iter().any(|&i| matches!(toks[i].kind, Kind::Cap | Kind::Acronym)) {
            return;
        }
        // The key first: most mentions repeat an entity already seen, and need no display name.
        // Sized once: growing it word by word reallocated it several times per mention.
        let mut key = String::with_capacity(seg.iter().map(|&i| toks[i].text.len() + 3).sum());
        let mut words = 0;
        for (n, &i) in seg.iter().enumerate() {
            let t = &toks[i];
            if n > 0 {
                key.push_str(if t.amp_before { " & " } else { " " });
            }
            if t.kind == Kind::Acronym {
                key.push_str(&acronym_key(t.text));
            } else {
                fold_into(t.text, &mut key);
            }
            if t.kind != Kind::Connector {
                words += 1;
            }
        }
        let first = &toks[seg[0]];
        let pos = seg[0];
        let in_title = first.para == TITLE_PARA;
        let lede_multi = words >= 2 && Some(first.para) == self.doc.lede;
        let acronym = seg.len() == 1 && first.kind == Kind::Acronym;
        if let Some(&idx) = self.by_key.get(&key) {
            *emitted_last = Some(idx);
            let e = &mut self.ents[idx];
            if uncertain {
                e.uncertain += 1;
            } else {
                e.certain += 1;
            }
            e.in_title |= in_title;
            e.lede_multi |= lede_multi;
            return;
        }
        let mut display = String::new();
        for (n, &i) in seg.iter().enumerate() {
            let t = &toks[i];
            if n > 0 {
                display.push_str(if t.amp_before { " & " } else { " " });
            }
            if t.kind == Kind::Acronym {
                let text = match t.text.strip_suffix('s') {
                    Some(stem) if stem.chars().all(|c| !c.is_lowercase()) => stem,
                    _ => t.text,
                };
                display.push_str(text);
            } else {
                display.push_str(t.text);
            }
        }
        let last_tok = &toks[seg[seg.len() - 1]];
        let last = if words >= 2 && last_tok.kind == Kind::Cap { fold(last_tok.text) } else { String::new() };
        let idx = self.ents.len();
        *emitted_last = Some(idx);
        self.ents.push(Entity {
            display,
            keys: vec![key.clone()],
            words,
            acronym,
            last,
            initials: if words >= 2 { initials(toks, seg) } else { Default::default() },
            certain: usize::from(!uncertain),
            uncertain: usize::from(uncertain),
            extra: 0,
            first_pos: pos,
            in_title,
            lede_multi,
            redirect: None,
        });
        self.by_key.insert(key, idx);
    }

    fn find(&self, mut idx: usize) -> usize {
        while let Some(next) = self.ents[idx].redirect {
            idx = next;
        }
        idx
    }

    fn merge(&mut self, src: usize, dst: usize) {
        let src = self.find(src);
        let dst = self.find(dst);
        if src == dst {
            return;
        }
        let s = std::mem::take(&mut self.ents[src].keys);
        let (c, u, x, p, t, l) = {
            let e = &self.ents[src];
            (e.certain, e.uncertain, e.extra, e.first_pos, e.in_title, e.lede_multi)
        };
        let d = &mut self.ents[dst];
        d.keys.extend(s);
        d.certain += c;
        d.uncertain += u;
        d.extra += x;
        d.first_pos = d.first_pos.min(p);
        d.in_title |= t;
        d.lede_multi |= l;
        self.ents[src].redirect = Some(dst);
    }

    fn resolve(&mut self, options: &TagOptions) {
        let n = self.ents.len();
        // Acronyms and their expansions.
        let acr: FxMap<String, usize> =
            (0..n).filter(|&i| self.ents[i].acronym).map(|i| (self.ents[i].keys[0].clone(), i)).collect();
        let pairs = std::mem::take(&mut self.paren_pairs);
        for (exp, ac) in &pairs {
            if let (Some(&e), Some(&a)) = (self.by_key.get(exp), acr.get(ac)) {
                self.merge(e, a);
            }
        }
        // By initials alone, never onto a name that is no tag ("Arcadia Pharma" is not "told AP").
        let stopped =
            |key: &str| options.stop_names.iter().chain(&options.stop).any(|name| fold(name.trim()) == key);
        for i in 0..n {
            if self.ents[i].redirect.is_some() || self.ents[i].words < 2 {
                continue;
            }
            let target = self.ents[i]
                .initials
                .iter()
                .filter(|s| s.len() >= 2)
                .find_map(|s| acr.get(s).copied())
                .filter(|&a| !stopped(&self.ents[a].keys[0]));
            if let Some(a) = target {
                self.merge(i, a);
            }
        }
        // "Atlético Serrano 4 points clear": a name with a number is the name, where the story
        // names it without one too ("FTSE 100" stays when "FTSE" alone is not named).
        for i in 0..n {
            if self.ents[i].redirect.is_some() {
                continue;
            }
            let bare = match self.ents[i].keys[0].rsplit_once(' ') {
                Some((bare, number)) if number.bytes().all(|b| b.is_ascii_digit()) => bare,
                _ => continue,
            };
            if let Some(&j) = self.by_key.get(bare)
                && j != i
            {
                self.merge(i, j);
            }
        }
        // Surnames (and other trailing words: "Van Der Beek") count towards
        // the earliest full name ending with them.
        let mut by_suffix: FxMap<String, usize> = FxMap::default();
        for i in 0..n {
            let e = &self.ents[i];
            if e.words < 2 || e.last.is_empty() || e.certain == 0 || e.redirect.is_some() {
                continue;
            }
            let words: Vec<&str> = e.keys[0].split(' ').collect();
            for k in 1..words.len() {
                if matches!(words[k], "of" | "and" | "for" | "the" | "on" | "upon" | "&") {
                    continue;
                }
                if words[..k].iter().all(|w| PLACE_PREFIXES.contains(w)) {
                    continue;
                }
                by_suffix
                    .entry(words[k..].join(" "))
                    .and_modify(|j| {
                        if self.ents[*j].first_pos > e.first_pos {
                            *j = i;
                        }
                    })
                    .or_insert(i);
            }
        }
        for i in 0..n {
            let e = &self.ents[i];
            if e.redirect.is_some() || e.acronym {
                continue;
            }
            if let Some(&j) = by_suffix.get(&e.keys[0])
                && j != i
            {
                self.merge(i, j);
            }
        }
        // Plurals onto singulars ("Democrats" -> "Democrat").
        for i in 0..n {
            let e = &self.ents[i];
            if e.redirect.is_some() || e.words != 1 {
                continue;
            }
            if let Some(stem) = e.keys[0].strip_suffix('s')
                && let Some(&j) = self.by_key.get(stem)
                && self.ents[j].words == 1
            {
                self.merge(i, j);
            }
        }
        // Shouted words count for matching single-word entities.
        let shouts = std::mem::take(&mut self.shouts);
        for s in &shouts {
            if let Some(&i) = self.by_key.get(s) {
                let r = self.find(i);
                self.ents[r].extra += 1;
            }
        }
        // Title containment, for Title Case headlines and merged variants.
        for i in 0..n {
            if self.ents[i].redirect.is_some() || self.ents[i].in_title {
                continue;
            }
            let hit = {
                let e = &self.ents[i];
                e.keys.iter().any(|k| self.key_in_title(k, e.acronym))
            };
            self.ents[i].in_title = hit;
        }
    }

    fn key_in_title(&self, key: &str, acronym: bool) -> bool {
        if key.is_empty() {
            return false;
        }
        if acronym && !key.contains(' ') {
            let upper = key.to_uppercase();
            return contains_word_seq(&self.doc.title_cased, &upper);
        }
        contains_word_seq(&self.doc.title_folded, key)
    }

    fn finish(self, options: &TagOptions) -> Vec<String> {
        let alias: FxMap<String, &str> =
            options.aliases.iter().map(|(from, to)| (fold(from.trim()), to.as_str())).collect();
        let stop: FxSet<String> = options.stop.iter().map(|s| fold(s.trim())).collect();
        let stop_names: FxSet<String> = options.stop_names.iter().map(|s| fold(s.trim())).collect();

        struct Final {
            display: String,
            count: usize,
            first_pos: usize,
            in_title: bool,
            lede_multi: bool,
        }
        let mut finals: Vec<Final> = Vec::new();
        let mut by_display: FxMap<String, usize> = FxMap::default();
        for e in &self.ents {
            if e.redirect.is_some() || e.certain == 0 {
                continue;
            }
            if e.words == 1
                && !e.acronym
                && (is_demonym(&e.display) || BARE_INSTITUTIONS.contains(&e.keys[0]))
            {
                continue;
            }
            // "a Virginia Democrat", "South Korean President Yoon": a place and an adjective of
            // nation or party describe someone; they name nothing ("Anglo American" does).
            let first_word = e.keys[0].split(' ').next().unwrap_or("");
            if e.words >= 2
                && TRAILING_DEMONYMS.contains(&e.last)
                && (matches!(e.last.as_str(), "democrat" | "republican")
                    || PLACE_PREFIXES.contains(first_word))
            {
                continue;
            }
            let mut display = e.display.clone();
            if let Some(to) = e.keys.iter().find_map(|k| alias.get(k)) {
                display = (*to).to_string();
            }
            let folded = fold(&display);
            if folded.is_empty()
                || stop.contains(&folded)
                || stop_names.contains(&folded)
                || e.keys.iter().any(|k| stop.contains(k))
            {
                continue;
            }
            let count = e.certain + e.uncertain + e.extra;
            match by_display.get(&folded) {
                Some(&j) => {
                    let f = &mut finals[j];
                    f.count += count;
                    f.first_pos = f.first_pos.min(e.first_pos);
                    f.in_title |= e.in_title;
                    f.lede_multi |= e.lede_multi;
                }
                None => {
                    by_display.insert(folded, finals.len());
                    finals.push(Final {
                        display,
                        count,
                        first_pos: e.first_pos,
                        in_title: e.in_title,
                        lede_multi: e.lede_multi,
                    });
                }
            }
        }
        finals.retain(|f| f.count >= 2 || f.in_title || f.lede_multi);
        finals.sort_by(|a, b| {
            b.in_title.cmp(&a.in_title).then(b.count.cmp(&a.count)).then(a.first_pos.cmp(&b.first_pos))
        });
        finals.into_iter().take(options.max_tags).map(|f| f.display).collect()
    }
}

/// Numbers that belong to a name ("Stoxx 600", "Formula 1"), not years.
fn number_joins(text: &str) -> bool {
    if text.len() > 4 {
        return false;
    }
    match text.parse::<u32>() {
        Ok(n) => !(1800..=2100).contains(&n),
        Err(_) => false,
    }
}

fn trim_connectors<'s>(toks: &[Tok<'_>], mut seg: &'s [usize]) -> &'s [usize] {
    while let Some((&f, rest)) = seg.split_first() {
        if matches!(toks[f].kind, Kind::Connector | Kind::Number) {
            seg = rest;
        } else {
            break;
        }
    }
    while let Some((&l, rest)) = seg.split_last() {
        if matches!(toks[l].kind, Kind::Connector | Kind::Initial) {
            seg = rest;
        } else {
            break;
        }
    }
    seg
}

/// Initials of a segment's capitalised words (acronym words contribute all
/// their letters): full, without the first word, and before an inner "and".
fn initials(toks: &[Tok<'_>], seg: &[usize]) -> [String; 3] {
    let mut out: [String; 3] = Default::default();
    let mut before_and = true;
    for (n, &i) in seg.iter().enumerate() {
        let t = &toks[i];
        if t.text == "and" {
            before_and = false;
        }
        let letters: String = match t.kind {
            Kind::Cap => t.text.chars().next().map(|c| c.to_lowercase().collect()).unwrap_or_default(),
            Kind::Acronym => acronym_key(t.text).chars().filter(|c| c.is_alphanumeric()).collect(),
            _ => continue,
        };
        out[0].push_str(&letters);
        if n > 0 && toks[seg[0]].kind == Kind::Acronym {
            out[1].push_str(&letters);
        }
        if before_and {
            out[2].push_str(&letters);
        }
    }
    if before_and {
        out[2].clear();
    }
    out
}

/// True when `hay` (" a b c ") contains the words of `needle` ("b c") in order.
fn contains_word_seq(hay: &str, needle: &str) -> bool {
    let mut pat = String::with_capacity(needle.len() + 2);
    pat.push(' ');
    pat.push_str(needle);
    pat.push(' ');
    hay.contains(&pat)
}

fn is_demonym(display: &str) -> bool {
    let whole = display.to_lowercase();
    let w = whole.strip_suffix('s').unwrap_or(&whole);
    if DEMONYMS.contains(w) || FOREIGN_DEMONYMS.contains(&whole) || FOREIGN_DEMONYMS.contains(w) {
        return true;
    }
    let n = w.chars().count();
    ((w.ends_with("ian") || w.ends_with("ean") || w.ends_with("ese")) && n >= 6)
        || (w.ends_with("ish") && n >= 5)
        || (w.ends_with("ican") && w != "vatican")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(title: &str, text: &str) -> Vec<String> {
        auto_tags(title, text, &TagOptions::default())
    }

    #[test]
    fn multiword_names_with_connectors_and_acronyms() {
        let text = "The Bureau of Coastal Affairs said on Monday that the Lantern Bay ferry would resume.\n\n\
                    Officials from the BCA inspected the vessel, and Marta Quill of the Bureau of Coastal Affairs signed off.\n\n\
                    Quill said the BCA would publish a report.";
        let t = tags("", text);
        assert_eq!(t.first().map(String::as_str), Some("BCA"), "{t:?}");
        assert!(t.contains(&"Marta Quill".to_string()), "{t:?}");
        assert!(t.contains(&"Lantern Bay".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x == "Monday" || x == "The" || x == "Officials"), "{t:?}");
    }

    #[test]
    fn peoples_named_in_other_languages_are_no_tags() {
        let text = "Les Français votent dimanche à Lyon. Les Américains observent le scrutin.\n\n\
                    Selon un sondage, les Français hésitent. À Lyon, les Américains restent prudents.\n\n\
                    Los españoles y los franceses viajan a China. China firmó con Argentina. Argentina celebró.";
        let t = tags("", text);
        assert!(t.contains(&"Lyon".to_string()), "{t:?}");
        assert!(t.contains(&"China".to_string()) && t.contains(&"Argentina".to_string()), "{t:?}");
        for people in ["Français", "Américains"] {
            assert!(!t.iter().any(|tag| tag == people), "{people} in {t:?}");
        }
        assert!(is_demonym("Français") && is_demonym("Américains") && is_demonym("españoles"));
        assert!(!is_demonym("China") && !is_demonym("Argentina") && !is_demonym("Suisse"));
    }

    #[test]
    fn titles_are_stripped_and_surnames_merge() {
        let text = "Northmoor Gov. K.T. Albrecht signed the order in Vellport on Tuesday.\n\n\
                    Albrecht’s office said the order would take effect at once. Critics in Vellport disagreed.\n\n\
                    “We will see,” Albrecht said.";
        let t = tags("", text);
        assert!(t.contains(&"K.T. Albrecht".to_string()), "{t:?}");
        assert!(t.contains(&"Vellport".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("Gov")), "{t:?}");
        assert!(!t.contains(&"Albrecht".to_string()), "{t:?}");
    }

    #[test]
    fn sentence_initial_words_need_evidence() {
        let text = "While the storm passed, residents stayed home.\n\n\
                    Friday was calm. Harbours reopened.\n\n\
                    Friday brought more rain. Harbours closed again. In Dunmarsh the river rose.";
        let t = tags("", text);
        for bad in ["While", "Friday", "Harbours", "In"] {
            assert!(!t.contains(&bad.to_string()), "{bad} in {t:?}");
        }
    }

    #[test]
    fn name_with_parenthesised_acronym() {
        let text = "The Orbital Debris Watch (ODW) warned on Monday of a crowded orbit.\n\n\
                    A spokesperson for ODW said more launches were planned.";
        let t = tags("", text);
        assert_eq!(t, vec!["ODW".to_string()]);
    }

    #[test]
    fn hyphenated_names_possessives_and_curly_quotes() {
        let text = "Police in Carrow named the driver as Ilse Brandt-Moreno, 41.\n\n\
                    Brandt-Moreno’s lawyer said the crash in Carrow was an accident. \
                    “It was dark,” Brandt-Moreno told the court.";
        let t = tags("", text);
        assert!(t.contains(&"Ilse Brandt-Moreno".to_string()), "{t:?}");
        assert!(t.contains(&"Carrow".to_string()), "{t:?}");
    }

    #[test]
    fn title_mentions_rank_first_and_title_case_is_handled() {
        let text = "The river at Pellham rose by two metres overnight, officials said.\n\n\
                    The Pellham council opened shelters. Volunteers from Ostmark helped. Ostmark sent boats.";
        let t = tags("Floods Hit Pellham As River Rises", text);
        assert_eq!(t.first().map(String::as_str), Some("Pellham"), "{t:?}");
        assert!(!t.iter().any(|x| x == "Floods" || x == "River" || x == "Rises"), "{t:?}");
        let t = tags("Ostmark volunteers help out", text);
        assert_eq!(t.first().map(String::as_str), Some("Ostmark"), "{t:?}");
    }

    #[test]
    fn and_splits_two_people_but_keeps_organisations() {
        let text = "Rena Holt and Ivo Marsh met in Tarnby.\n\n\
                    Holt and Marsh agreed. The Office of Parks and Recreation Services welcomed it, \
                    and the Office of Parks and Recreation Services will fund it.";
        let t = tags("", text);
        assert!(t.contains(&"Rena Holt".to_string()), "{t:?}");
        assert!(t.contains(&"Ivo Marsh".to_string()), "{t:?}");
        assert!(t.contains(&"Office of Parks and Recreation Services".to_string()), "{t:?}");
    }

    #[test]
    fn options_alias_stop_and_cap() {
        let text = "Quarry Row Bank raised rates. Quarry Row Bank said Mirefield and Dunholt would see branches.\n\n\
                    Mirefield and Dunholt welcomed the branches in Mirefield and Dunholt.";
        let base = tags("", text);
        assert!(base.len() >= 3, "{base:?}");
        let opts = TagOptions {
            max_tags: 2,
            aliases: vec![("quarry row bank".into(), "QRB".into())],
            stop: vec!["DUNHOLT".into()],
            stop_names: Vec::new(),
        };
        let t = auto_tags("", text, &opts);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t.contains(&"QRB".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.eq_ignore_ascii_case("dunholt")), "{t:?}");
        let none = auto_tags("", text, &TagOptions { max_tags: 0, ..TagOptions::default() });
        assert!(none.is_empty());
    }

    #[test]
    fn a_stopped_name_stops_itself_not_the_longer_name_it_joins() {
        let text = "Michael Bloomberg gave $1 billion to the university on Monday.\n\n\
                    Bloomberg said the gift would cover tuition. Bloomberg News first reported it, and \
                    Bloomberg News said Bloomberg News would not comment.";
        let options = TagOptions {
            stop_names: WIRE_AGENCIES.iter().map(|agency| agency.to_string()).collect(),
            ..TagOptions::default()
        };
        let found = auto_tags("", text, &options);
        assert!(found.contains(&"Michael Bloomberg".to_string()), "{found:?}");
        assert!(!found.iter().any(|tag| tag == "Bloomberg News" || tag == "Bloomberg"), "{found:?}");
    }

    #[test]
    fn the_subject_after_a_dateline_is_a_name_unless_the_story_writes_it_in_lower_case() {
        let text = "LONDON (Wirefeed) - Barclays said on Monday it would cut 500 jobs.\n\n\
                    Barclays shares fell 2 percent in early trading.";
        assert!(tags("", text).contains(&"Barclays".to_string()), "{:?}", tags("", text));
        let text =
            "LONDON (Wirefeed) - Turnout was high on Monday.\n\nOfficials said turnout would be counted.";
        assert!(!tags("", text).iter().any(|x| x == "Turnout"), "{:?}", tags("", text));
    }

    #[test]
    fn a_dateline_dash_starts_a_sentence() {
        let text = "SEOUL, March 15 (Wirefeed) - Demand for AI chips grew, the OECD said.\n\n\
                    The OECD said demand for AI chips would keep growing.";
        let t = tags("", text);
        assert!(!t.iter().any(|x| x.contains("Demand")), "{t:?}");
        assert!(t.contains(&"AI".to_string()) && t.contains(&"OECD".to_string()), "{t:?}");
    }

    #[test]
    fn a_named_storm_keeps_its_kind_at_a_sentence_start() {
        let text = "EDINBURGH, April 15 (Wirefeed) — Storm Tobias was packing winds of 90 mph.\n\n\
                    The storm would weaken inland. Hurricane Milton followed, and the hurricane hit Tampa.";
        let t = tags("", text);
        assert!(t.contains(&"Storm Tobias".to_string()), "{t:?}");
        assert!(!t.contains(&"Tobias".to_string()), "{t:?}");
    }

    #[test]
    fn instrument_codes_are_no_names() {
        let text = "Shares of Kestrel Motors <KMO.N> rose, and AT&T <T.N> was flat. Notes US10YT=RR rose.\n\n\
                    Kestrel Motors <KMO.N> said AT&T <T.N> would buy it. Notes US10YT=RR fell.";
        let t = tags("", text);
        assert!(t.contains(&"Kestrel Motors".to_string()) && t.contains(&"AT&T".to_string()), "{t:?}");
        assert!(
            !t.iter()
                .any(|x| x.contains("T.N") || x.contains("KMO") || x.contains("RR") || x.contains("US10YT")),
            "{t:?}"
        );
    }

    #[test]
    fn institutions_named_by_their_kind_and_common_abbreviations_are_no_topics() {
        let text = "The Government has been alarmed, and Parliament will vote. Gamers need a PC with HDR.\n\n\
                    The Government said Parliament would act; a PC with HDR costs more at Harbor Games, and Harbor Games agreed.";
        let t = tags("", text);
        for generic in ["Government", "Parliament", "PC", "HDR"] {
            assert!(!t.contains(&generic.to_string()), "{generic} in {t:?}");
        }
        assert!(t.contains(&"Harbor Games".to_string()), "{t:?}");
    }

    #[test]
    fn imperatives_begin_no_name() {
        let text = "Enter Stuart Kaplan, a graduate of the Wharton School. Remember New Jersey and its slogan?\n\n\
                    Kaplan said New Jersey was fine, and Stuart Kaplan left. Welcome Jose, said the caption; Jose waved.";
        let t = tags("", text);
        assert!(t.contains(&"Stuart Kaplan".to_string()) && t.contains(&"New Jersey".to_string()), "{t:?}");
        assert!(
            !t.iter().any(|x| ["Enter", "Remember", "Welcome"].iter().any(|verb| x.starts_with(verb))),
            "{t:?}"
        );
        // Verbs that begin names are not on the list.
        let text = "Check Point Software said on Monday it would hire. Download Festival will return in June.\n\n\
                    Check Point Software is based in Tel Aviv. Download Festival sold out.";
        let t = tags("", text);
        assert!(t.contains(&"Check Point Software".to_string()), "{t:?}");
        assert!(t.contains(&"Download Festival".to_string()), "{t:?}");
    }

    #[test]
    fn a_count_after_a_name_is_not_part_of_it() {
        let text = "President Obama told the U.N. General Assembly 18 months ago that peace was near.\n\n\
                    The U.N. General Assembly 18 months later heard him again. The FTSE 100 rose and the FTSE 100 fell.";
        let t = tags("", text);
        assert!(t.contains(&"U.N. General Assembly".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.ends_with("18")), "{t:?}");
        assert!(t.contains(&"FTSE 100".to_string()), "{t:?}");
    }

    #[test]
    fn a_name_ending_in_a_nationality_or_party_describes_someone() {
        let text = "Senator Mark Warner, a Virginia Democrat, spoke. South Korean President Yoon Suk Yeol met him.\n\n\
                    Warner, a Virginia Democrat, said South Korean officials and Yoon Suk Yeol agreed. \
                    Amnesty International and Amnesty International staff watched Mark Cuban and Mark Cuban. \
                    Shares of Anglo American rose, and Anglo American said so.";
        let t = tags("", text);
        for described in ["Virginia Democrat", "South Korean"] {
            assert!(!t.contains(&described.to_string()), "{described} in {t:?}");
        }
        for name in ["Mark Warner", "Yoon Suk Yeol", "Amnesty International", "Mark Cuban", "Anglo American"]
        {
            assert!(t.contains(&name.to_string()), "{name} not in {t:?}");
        }
    }

    #[test]
    fn page_furniture_verbs_start_no_name() {
        let text = "Altamira Capital shares rose on Monday.\n\n+ Add Altamira Capital to your watchlist\n\n\
                    Follow Nadia Karimova on X. Analysts said Altamira Capital would gain.";
        let t = tags("", text);
        assert!(t.contains(&"Altamira Capital".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.starts_with("Add") || x.starts_with("Follow")), "{t:?}");
    }

    #[test]
    fn name_particles_after_a_sentence_start_stay_in_the_name() {
        let text =
            "Hendrik de Vries said the ruling was fair.\n\nHendrik de Vries will appeal, the court heard.";
        let t = tags("", text);
        assert_eq!(t, vec!["Hendrik de Vries".to_string()]);
    }

    #[test]
    fn a_title_word_before_an_organisation_word_is_the_name() {
        let text = "The Premier League said on Monday it would appeal. The Premier League’s statement was short.\n\n\
                    Premier Li Qiang met Chancellor Olaf Scholz, and Premier Li Qiang spoke.";
        let t = tags("", text);
        assert!(t.contains(&"Premier League".to_string()), "{t:?}");
        assert!(!t.contains(&"League".to_string()), "{t:?}");
        assert!(t.iter().any(|x| x == "Li Qiang"), "{t:?}");
    }

    #[test]
    fn a_number_after_a_name_the_story_names_bare_is_a_count() {
        let text = "Sporting Almada beat Atletico Serrano on Sunday.\n\n\
                    The result leaves Atletico Serrano 4 clear at the top. The FTSE 100 rose and the FTSE 100 fell.";
        let t = tags("", text);
        assert!(t.contains(&"Atletico Serrano".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.ends_with(" 4")), "{t:?}");
        assert!(t.contains(&"FTSE 100".to_string()), "{t:?}");
    }

    #[test]
    fn initials_do_not_join_a_name_to_a_stopped_acronym() {
        let text = "Arcadia Pharma said profits rose. Shares of Arcadia Pharma jumped.\n\n\
                    “It was a strong quarter,” Donovan told AP. The Federal Bureau of Investigation and the FBI agreed.";
        let options = TagOptions {
            stop_names: WIRE_AGENCIES.iter().map(|agency| agency.to_string()).collect(),
            ..TagOptions::default()
        };
        let t = auto_tags("", text, &options);
        assert!(t.contains(&"Arcadia Pharma".to_string()), "{t:?}");
        assert!(t.contains(&"FBI".to_string()), "{t:?}");
    }

    #[test]
    fn shouted_text_is_not_acronyms() {
        let text = "KESTREL HARBOUR, March 3 (Wirefeed) — The Kestrel Harbour port authority said on Friday it would expand.\n\n\
                    WHAT HAPPENS NEXT\n\nBY ODA VRIES\n\nThe port will hire staff. Kestrel Harbour is busy.";
        let t = tags("", text);
        for bad in ["WHAT", "HAPPENS", "NEXT", "BY", "ODA", "VRIES", "Wirefeed"] {
            assert!(!t.iter().any(|x| x.contains(bad)), "{bad} in {t:?}");
        }
        assert!(t.contains(&"Kestrel Harbour".to_string()), "{t:?}");
    }

    #[test]
    fn ampersands_and_apostrophes_inside_a_word_join_it() {
        let tags = tags(
            "Carrier deal",
            "AT&T agreed on Monday to buy the network. Analysts said AT&T would pay in cash. \
             O'Neill, who runs the network, said O'Neill Group would stay in Dublin.",
        );
        assert!(tags.iter().any(|t| t == "AT&T"), "{tags:?}");
        assert!(tags.iter().any(|t| t.starts_with("O'Neill")), "{tags:?}");
    }

    #[test]
    fn folding_drops_periods_and_lower_cases() {
        for (word, folded) in
            [("U.S.", "us"), ("Acme", "acme"), ("NATO", "nato"), ("O’Neil", "o'neil"), ("É.U.", "éu")]
        {
            assert_eq!(fold(word), folded, "{word}");
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        let inputs = [
            "",
            " ",
            "\n\n\n",
            "’s",
            "A. B. C.",
            "É",
            "ÀÉÎ-ÕÜ’s (X) “” ‘’ … —",
            "U.S.-based J. K. 12 3 4 & & & of of the",
            "Ǆ ǅ ǆ ß ẞ İstanbul ﬁnance",
            "(((((",
            "a-b-c-d-e-f Q-",
            "Mr. Mr. Gov. of the and",
            "\u{200b}\u{feff}Zero Width",
            "AT&T S&P 500 C++ C# Harbor & Pike",
        ];
        for a in inputs {
            for b in inputs {
                let _ = tags(a, b);
            }
        }
        let long: String = "Ébène Quarry’s ".repeat(1000);
        let _ = tags(&long, &long);
    }

    proptest::proptest! {
        /// The allocation-free lookup answers as lowercasing then looking up does, for list
        /// words in any case, near misses and any other text.
        #[test]
        fn word_list_lookups_match_lowercasing(
            word in proptest::prop_oneof![
                proptest::strategy::Strategy::prop_map(proptest::sample::select(STOP_WORDS.words), String::from),
                proptest::strategy::Strategy::prop_map(proptest::sample::select(TITLES.words), String::from),
                proptest::string::string_regex("[a-zA-Z.’'-]{0,12}").unwrap(),
                proptest::string::string_regex("\\PC{0,8}").unwrap(),
            ],
            upper in proptest::bool::ANY,
            suffix in "(|s|S|\\.|’s|É)",
        ) {
            let word = format!("{}{suffix}", if upper { word.to_uppercase() } else { word });
            let lower = word.to_lowercase();
            for list in [&STOP_WORDS, &TITLES, &CONNECTORS, &HYPHEN_PREFIXES] {
                // Against the plain list too, so a wrong length table cannot hide behind `contains`.
                proptest::prop_assert_eq!(list.contains(&lower), list.words.contains(&lower.as_str()));
                proptest::prop_assert_eq!(list.contains_lower(&word), list.words.contains(&lower.as_str()));
            }
        }

        #[test]
        fn initials_are_single_letters_joined_by_periods(
            word in proptest::prop_oneof![
                proptest::string::string_regex("([A-Za-zÉé1]\\.?){1,3}").unwrap(),
                proptest::string::string_regex("[a-zA-Z.]{0,6}").unwrap(),
                proptest::string::string_regex("\\PC{0,6}").unwrap(),
            ],
        ) {
            let plain = !word.is_empty()
                && word.split('.').all(crate::text::is_one_letter);
            proptest::prop_assert_eq!(is_initials(&word), plain, "{:?}", word);
        }
    }
}
