//! Words and language: word counts (each CJK character a word) and the article's language,
//! guessed from its script, or for Latin script from its function words.

use crate::text::{HIGH_BITS, ascii_chunk, is_cjk, splat};

/// Whitespace-separated words, with each CJK character counted as one word.
pub(super) fn count_words(text: &str) -> usize {
    count_words_up_to(text, usize::MAX)
}

/// Whether `text` has no more than `max` words; stops reading as soon as it has more.
pub(super) fn has_at_most_words(text: &str, max: usize) -> bool {
    count_words_up_to(text, max) <= max
}

/// [`count_words`], but stops once the count exceeds `cap`. This runs over every paragraph,
/// so runs of ASCII are counted eight bytes at a time; other characters are decoded one by one.
fn count_words_up_to(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(chunk) = ascii_chunk(bytes, i) {
            let (starts, ends_in_word) = ascii_word_starts(chunk, in_word);
            count += starts;
            in_word = ends_in_word;
            i += 8;
        } else if b < 0x80 {
            let space = b == b' ' || b.wrapping_sub(b'\t') < 5;
            count += usize::from(!space && !in_word);
            in_word = !space;
            i += 1;
        } else {
            let c = text.get(i..).and_then(|rest| rest.chars().next()).unwrap_or(' ');
            let cjk = is_cjk(c);
            let space = c.is_whitespace();
            count += usize::from(cjk || (!space && !in_word));
            in_word = !space && !cjk;
            i += c.len_utf8();
        }
        if count > cap {
            break;
        }
    }
    count
}

/// The sum of the eight bytes of `flags`, each 0 or 1 (cheaper than `count_ones` on targets
/// without a popcount instruction).
const fn sum_of_bytes(flags: u64) -> u64 {
    flags.wrapping_mul(splat(1)) >> 56
}

/// Counts the words starting in eight ASCII bytes, given whether a word was open before them;
/// also returns whether one is open after them. Each byte's high bit flags ASCII whitespace
/// (space, or tab to carriage return).
fn ascii_word_starts(chunk: u64, in_word: bool) -> (usize, bool) {
    let low = !HIGH_BITS;
    let not_space_byte = ((chunk ^ splat(b' ')) & low).wrapping_add(low) | (chunk ^ splat(b' '));
    let is_space = !not_space_byte & HIGH_BITS;
    let at_least_tab = chunk.wrapping_add(splat(0x80 - b'\t')) & HIGH_BITS;
    let above_cr = chunk.wrapping_add(splat(0x80 - b'\r' - 1)) & HIGH_BITS;
    let space = is_space | (at_least_tab & !above_cr);
    let before_is_space = (space << 8) | if in_word { 0 } else { 0x80 };
    let starts = !space & before_is_space & HIGH_BITS;
    (sum_of_bytes(starts >> 7) as usize, space >> 63 == 0)
}

/// Letter counts per script, over a prefix of the body that is large enough to decide.
#[derive(Default)]
struct ScriptCounts {
    latin: usize,
    kana: usize,
    han: usize,
    hangul: usize,
    cyrillic: usize,
    ukrainian: usize,
    greek: usize,
    arabic: usize,
    hebrew: usize,
    thai: usize,
    devanagari: usize,
}

impl ScriptCounts {
    fn add(&mut self, c: char) {
        if c.is_ascii() {
            self.latin += usize::from(c.is_ascii_alphabetic());
            return;
        }
        match c {
            'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' => self.latin += 1,
            '\u{3040}'..='\u{30FF}' => self.kana += 1,
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' => self.han += 1,
            '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => self.hangul += 1,
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                self.cyrillic += 1;
                self.ukrainian += 1;
            }
            '\u{400}'..='\u{4FF}' => self.cyrillic += 1,
            '\u{370}'..='\u{3FF}' => self.greek += 1,
            '\u{600}'..='\u{6FF}' => self.arabic += 1,
            '\u{590}'..='\u{5FF}' => self.hebrew += 1,
            '\u{E00}'..='\u{E7F}' => self.thai += 1,
            '\u{900}'..='\u{97F}' => self.devanagari += 1,
            _ => {}
        }
    }

    /// Counts the letters among the first `budget` characters of `text` and takes the characters
    /// read from the budget. ASCII, most of any sample, is counted without decoding.
    fn add_prefix(&mut self, text: &str, budget: &mut usize) {
        let bytes = text.as_bytes();
        let mut at = 0;
        while *budget > 0
            && let Some(&byte) = bytes.get(at)
        {
            if byte.is_ascii() {
                self.latin += usize::from(byte.is_ascii_alphabetic());
                at += 1;
            } else {
                let (c, width) = crate::text::char_at(text, at);
                self.add(c);
                at += width;
            }
            *budget -= 1;
        }
    }

    /// The language implied by a non-Latin script that dominates the text.
    fn non_latin_language(&self) -> Option<&'static str> {
        let total = self.latin
            + self.kana
            + self.han
            + self.hangul
            + self.cyrillic
            + self.greek
            + self.arabic
            + self.hebrew
            + self.thai
            + self.devanagari;
        let dominant = |n: usize| n * 2 > total;
        if self.kana * 20 > total && dominant(self.kana + self.han) {
            return Some("ja");
        }
        let cyrillic = if self.ukrainian * 50 > self.cyrillic { "uk" } else { "ru" };
        [
            (self.han, "zh"),
            (self.hangul, "ko"),
            (self.cyrillic, cyrillic),
            (self.greek, "el"),
            (self.arabic, "ar"),
            (self.hebrew, "he"),
            (self.thai, "th"),
            (self.devanagari, "hi"),
        ]
        .into_iter()
        .find(|(n, _)| dominant(*n))
        .map(|(_, lang)| lang)
    }
}

const LANGUAGES: [&str; 9] = ["en", "de", "fr", "es", "pt", "it", "nl", "cs", "pl"];

/// Bit flags for [`LANGUAGES`], in the same order.
const EN: u16 = 1;
const DE: u16 = 1 << 1;
const FR: u16 = 1 << 2;
const ES: u16 = 1 << 3;
const PT: u16 = 1 << 4;
const IT: u16 = 1 << 5;
const NL: u16 = 1 << 6;
const CS: u16 = 1 << 7;
const PL: u16 = 1 << 8;

/// Common function words and the languages they belong to, sorted by bytes for binary search.
pub(super) const STOPWORDS: &[(&str, u16)] = &[
    ("aan", NL),
    ("al", ES),
    ("ale", CS),
    ("alla", IT),
    ("als", NL),
    ("anche", IT),
    ("and", EN),
    ("ao", PT),
    ("are", EN),
    ("as", PT),
    ("at", EN),
    ("au", FR),
    ("auch", DE),
    ("auf", DE),
    ("aus", DE),
    ("aux", FR),
    ("avec", FR),
    ("be", EN),
    ("been", EN),
    ("bei", DE),
    ("bij", NL),
    ("bude", CS),
    ("but", EN),
    ("by", EN),
    ("byl", CS),
    ("byla", CS),
    ("ce", FR),
    ("che", IT),
    ("com", PT),
    ("como", ES),
    ("con", ES | PT),
    ("da", PT),
    ("dans", FR),
    ("das", DE | PT),
    ("dat", NL),
    ("del", ES),
    ("della", IT),
    ("dem", DE),
    ("den", DE),
    ("der", DE),
    ("di", IT),
    ("die", DE | NL),
    ("dla", PL),
    ("do", PT),
    ("door", NL),
    ("dos", PT),
    ("du", FR),
    ("een", NL),
    ("ein", DE),
    ("eine", DE),
    ("el", ES),
    ("ele", PT),
    ("elle", FR),
    ("em", PT),
    ("en", FR | ES | NL),
    ("er", NL),
    ("es", DE),
    ("est", FR),
    ("esta", ES),
    ("este", ES),
    ("et", FR),
    ("foi", PT),
    ("for", EN),
    ("from", EN),
    ("fue", ES),
    ("für", DE),
    ("gli", IT),
    ("ha", ES),
    ("has", EN),
    ("have", EN),
    ("he", EN),
    ("het", NL),
    ("his", EN),
    ("il", FR),
    ("im", DE),
    ("is", EN),
    ("ist", DE),
    ("it", EN),
    ("jak", PL),
    ("jako", CS),
    ("je", CS),
    ("jego", PL),
    ("jeho", CS),
    ("jen", CS),
    ("jest", PL),
    ("jsou", CS),
    ("která", CS),
    ("které", CS),
    ("který", CS),
    ("la", FR | ES | IT),
    ("las", ES),
    ("le", FR),
    ("les", FR),
    ("leur", FR),
    ("lo", ES),
    ("los", ES),
    ("mais", PT),
    ("mas", PT),
    ("met", NL),
    ("mit", DE),
    ("muy", ES),
    ("más", ES),
    ("na", PT),
    ("nach", DE),
    ("nel", IT),
    ("nicht", DE),
    ("nie", PL),
    ("niet", NL),
    ("no", PT),
    ("non", IT),
    ("not", EN),
    ("não", PT),
    ("od", PL),
    ("oder", DE),
    ("of", EN),
    ("ont", FR),
    ("ook", NL),
    ("op", NL),
    ("oraz", PL),
    ("os", PT),
    ("para", ES),
    ("pas", FR),
    ("pela", PT),
    ("pelo", PT),
    ("per", IT),
    ("pero", ES),
    ("più", IT),
    ("po", CS),
    ("por", ES | PT),
    ("pour", FR),
    ("pro", CS),
    ("przez", PL),
    ("que", FR | ES | PT),
    ("qui", FR),
    ("said", EN),
    ("se", CS),
    ("seu", PT),
    ("she", EN),
    ("sich", DE),
    ("sin", ES),
    ("sind", DE),
    ("się", PL),
    ("sono", IT),
    ("sont", FR),
    ("sua", PT),
    ("sur", FR),
    ("sus", ES),
    ("są", PL),
    ("také", CS),
    ("también", ES),
    ("te", NL),
    ("that", EN),
    ("the", EN),
    ("they", EN),
    ("this", EN),
    ("to", EN | CS),
    ("uma", PT),
    ("una", ES),
    ("und", DE),
    ("une", FR),
    ("už", CS),
    ("van", NL),
    ("ve", CS),
    ("von", DE),
    ("voor", NL),
    ("was", EN),
    ("werden", DE),
    ("were", EN),
    ("which", EN),
    ("who", EN),
    ("wie", DE),
    ("will", EN),
    ("wird", DE),
    ("with", EN),
    ("would", EN),
    ("y", ES),
    ("zijn", NL),
    ("zu", DE),
    ("è", IT),
    ("é", PT),
    ("été", FR),
    ("že", CS),
];

/// A word of up to eight bytes packed big-endian into a `u64`; packed keys order like the
/// words themselves, so the sorted table can be searched with integer comparisons.
const fn pack_word(word: &[u8]) -> Option<u64> {
    if word.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < 8 {
        key <<= 8;
        if i < word.len() {
            key |= word[i] as u64;
        }
        i += 1;
    }
    Some(key)
}

/// [`STOPWORDS`] packed with [`pack_word`], computed at compile time.
pub(super) const STOPWORD_KEYS: [u64; STOPWORDS.len()] = {
    let mut keys = [0u64; STOPWORDS.len()];
    let mut i = 0;
    while i < STOPWORDS.len() {
        keys[i] = match pack_word(STOPWORDS[i].0.as_bytes()) {
            Some(key) => key,
            None => u64::MAX,
        };
        i += 1;
    }
    keys
};

/// The languages (as [`LANGUAGES`] bit flags) a lower-case word is a common function word of.
pub(super) fn stopword_languages(word: &[u8]) -> u16 {
    pack_word(word).map_or(0, stopword_languages_of_key)
}

/// [`stopword_languages`] of a word packed with [`pack_word`].
fn stopword_languages_of_key(key: u64) -> u16 {
    STOPWORD_KEYS
        .binary_search(&key)
        .ok()
        .and_then(|at| STOPWORDS.get(at))
        .map_or(0, |(_, languages)| *languages)
}

/// Guesses the ISO 639-1 language from the script, then from function words for Latin text.
/// A few kilobytes of body text decide it, so only those are read.
pub(super) fn guess_language<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Option<&'static str> {
    const SAMPLE_CHARS: usize = 1_200;
    let mut scripts = ScriptCounts::default();
    let mut budget = SAMPLE_CHARS;
    for line in lines.clone() {
        if budget == 0 {
            break;
        }
        scripts.add_prefix(line, &mut budget);
    }
    if let Some(lang) = scripts.non_latin_language() {
        return Some(lang);
    }
    if scripts.latin < 20 {
        return None;
    }
    latin_language(lines)
}

fn latin_language<'a>(lines: impl Iterator<Item = &'a str>) -> Option<&'static str> {
    const SAMPLE_WORDS: usize = 250;
    let mut hits = [0usize; LANGUAGES.len()];
    for_each_leading_word(lines, SAMPLE_WORDS, |word| {
        let languages = word_languages(word);
        if languages != 0 {
            for (lang, hit) in hits.iter_mut().enumerate() {
                *hit += usize::from(languages >> lang & 1 == 1);
            }
        }
    });
    let mut ranked: Vec<(usize, &str)> = hits.iter().copied().zip(LANGUAGES).collect();
    ranked.sort_by_key(|(hits, _)| std::cmp::Reverse(*hits));
    let (best, lang) = ranked[0];
    let runner_up = ranked[1].0;
    (best >= 5 && best * 2 > runner_up * 3).then_some(lang)
}

/// The languages a whitespace-separated word is a function word of, once the non-letters around
/// it are trimmed and it is lower-cased. Words of ASCII (nearly all) are trimmed, lower-cased and
/// packed byte by byte, with no string made.
pub(super) fn word_languages(word: &str) -> u16 {
    const LONGEST_STOPWORD: usize = 8;
    if word.is_ascii() {
        let bytes = word.as_bytes();
        let Some(first) = bytes.iter().position(u8::is_ascii_alphabetic) else { return 0 };
        let last = bytes.iter().rposition(u8::is_ascii_alphabetic).unwrap_or(first);
        let core = &bytes[first..=last];
        if core.len() > LONGEST_STOPWORD {
            return 0;
        }
        let key = core.iter().fold(0u64, |key, &b| key << 8 | u64::from(b.to_ascii_lowercase()));
        return stopword_languages_of_key(key << (8 * (LONGEST_STOPWORD - core.len())));
    }
    let word = word.trim_matches(|c: char| !c.is_alphabetic());
    if word.is_empty() || word.len() > LONGEST_STOPWORD {
        0
    } else if word.chars().any(char::is_uppercase) {
        stopword_languages(word.to_lowercase().as_bytes())
    } else {
        stopword_languages(word.as_bytes())
    }
}

/// Calls `visit` with the first `limit` words of `lines`, cut at whitespace as
/// `str::split_whitespace` cuts them: a loop over the bytes that decodes only non-ASCII
/// characters, in place of a chain of iterator adapters.
pub(super) fn for_each_leading_word<'a>(
    lines: impl Iterator<Item = &'a str>,
    limit: usize,
    mut visit: impl FnMut(&'a str),
) {
    let mut left = limit;
    for line in lines {
        let mut word_start = None;
        let mut at = 0;
        while left > 0 && at < line.len() {
            let (c, width) = crate::text::char_at(line, at);
            if c.is_whitespace() {
                if let Some(start) = word_start.take() {
                    visit(&line[start..at]);
                    left -= 1;
                }
            } else if word_start.is_none() {
                word_start = Some(at);
            }
            at += width;
        }
        if left == 0 {
            return;
        }
        if let Some(start) = word_start {
            visit(&line[start..]);
            left -= 1;
        }
    }
}
