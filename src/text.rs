//! Byte-level helpers for the loops that read every article's text (word counts, search terms,
//! story signatures, the tagger): most of that text is ASCII, which they handle without decoding.
//! A leaf module, so `model` can use it without depending on the Markdown renderer.

/// `text` with its first letter a capital, as a title starts: `lundi 3 novembre` heads a page as
/// `Lundi 3 novembre`, a file named `about-us` is titled `About us`.
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The character starting at byte `at` of `text` (a character boundary, before the end) and its
/// width in bytes, without decoding for ASCII. The byte loops that read every article (word
/// counts, search terms, story signatures, the tagger) step through text with it.
#[inline]
pub(crate) fn char_at(text: &str, at: usize) -> (char, usize) {
    match text.as_bytes()[at] {
        byte @ 0..=0x7F => (char::from(byte), 1),
        _ => text[at..].chars().next().map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// `c.is_alphanumeric()`, answering the commonest non-ASCII characters of news text without a
/// Unicode table lookup (which took a third of a microsecond a character): General Punctuation
/// (curly quotes, dashes, ellipses) holds no letter or digit.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c as u32, 0x2000..=0x206F) && c.is_alphanumeric()
}

/// `%C3%BC` back to `ü`, as a browser reads a URL's path and fragment before it looks for the
/// file or the element: the dev server serves `tags/z%C3%BCrich/` from `tags/zürich/`, and
/// `check` finds the heading `#zürich` that a link wrote as `#z%C3%BCrich`. `None` for a `%`
/// not followed by two hex digits, or bytes that are no UTF-8.
pub(crate) fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_string());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether `part` is one letter (`U` of `U.S.`): the tagger reads initials and the file-name
/// titler reads run-together slugs (`u-s`) by it.
pub(crate) fn is_one_letter(part: &str) -> bool {
    let mut chars = part.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// The lines of `text` as [`str::lines`] gives them, with the line ends found by the memchr
/// crate's vectorised search: the tagger and the converter split every article into lines, and
/// the standard library's search for a `char` looks at a word or two a step.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        let line = match ends.next() {
            Some(end) => {
                let line = &text[start..end];
                start = end + 1;
                // Only a carriage return before a line feed is part of the line end.
                line.strip_suffix('\r').unwrap_or(line)
            }
            None if start < text.len() => {
                let line = &text[start..];
                start = text.len();
                line
            }
            None => return None,
        };
        Some(line)
    })
}

/// ASCII letters, digits and the apostrophe: the bytes that continue a word without decoding
/// (word counts, search terms and story signatures).
pub(crate) static ASCII_WORD: [bool; 256] = ascii_table(true);

/// ASCII letters and digits, by byte: the words of `contains_words`, and the last bytes of a
/// run that [`ascii_word_run`] cannot test eight at a time.
pub(crate) static ASCII_ALNUM: [bool; 256] = ascii_table(false);

/// A by-byte table of ASCII letters and digits, and the apostrophe if `apostrophe`.
const fn ascii_table(apostrophe: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || (apostrophe && byte == b'\'' as usize);
        byte += 1;
    }
    table
}

/// The characters of `text` with accents and other combining marks set aside (decomposed, and
/// the marks dropped: `Zürich` reads `Zurich`), as the search script folds queries
/// (`normalize("NFD")`, then no `\p{M}`), so index and queries, and sorted lists, agree.
pub(crate) fn without_marks(text: &str) -> impl Iterator<Item = char> + '_ {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().filter(|&c| !unicode_normalization::char::is_combining_mark(c))
}

/// Kana and Chinese characters (also Japanese kanji): scripts written without spaces between
/// words, so each character counts as a word (the converter's heuristics and the word count).
/// The kana punctuation and marks (U+3099-309C sound marks, U+30A0 double hyphen, U+30FB middle
/// dot) are not characters of a word.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{3098}' | '\u{309D}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Appends `value` as at least `width` decimal digits, zero-padded: date formatting for feeds,
/// sitemaps and cards, thousands of times per build, without a format string to interpret.
pub(crate) fn push_padded(out: &mut String, value: u32, width: usize) {
    // Months, days, hours, minutes and seconds, most of the calls: two digits straight away.
    if width == 2 && value < 100 {
        out.push(char::from(b'0' + (value / 10) as u8));
        out.push(char::from(b'0' + (value % 10) as u8));
        return;
    }
    let mut digits = [b'0'; 10];
    let mut rest = value;
    let mut start = digits.len();
    while rest > 0 || start == digits.len() {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    for _ in (digits.len() - start)..width {
        out.push('0');
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// The high bit of each of eight bytes packed in a `u64`: the flag bit of the eight-bytes-at-a-time
/// loops (word counts in the converter and the Markdown text, the feeds' escapers).
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `byte` in each of the eight bytes of a `u64`.
pub(crate) const fn splat(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// The eight bytes of `bytes` at `at`, little-endian, if there are eight and all are ASCII.
pub(crate) fn ascii_chunk(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?);
    (chunk & HIGH_BITS == 0).then_some(chunk)
}

/// The flag bit of each byte of `chunk` that is below `limit` (at most 0x80). Exact for the lowest
/// flagged byte; a byte above a flagged one may be flagged wrongly (the subtraction's borrow).
pub(crate) const fn bytes_below(chunk: u64, limit: u8) -> u64 {
    chunk.wrapping_sub(splat(limit)) & !chunk & HIGH_BITS
}

/// The flag bit of each byte of `chunk` equal to `byte`, exact for the lowest as [`bytes_below`].
pub(crate) const fn bytes_equal(chunk: u64, byte: u8) -> u64 {
    bytes_below(chunk ^ splat(byte), 1)
}

/// How many bytes at the start of `bytes` are ASCII letters or digits (and apostrophes, if
/// `apostrophe`): the length of a word's ASCII run, as [`ASCII_ALNUM`] or [`ASCII_WORD`] would
/// find it byte by byte. Eight bytes are tested at a time, so a word of up to seven letters costs
/// one test whose outcome the processor predicts, where a byte loop's exit at a word's end, a
/// different length each time, was mispredicted for most words of every article.
#[inline]
pub(crate) fn ascii_word_run(bytes: &[u8], apostrophe: bool) -> usize {
    let mut run = 0;
    while let Some(chunk) = bytes.get(run..run + 8) {
        let chunk = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        // Tested on the low seven bits of each byte, where adding never carries into the next
        // byte; bytes with the high bit (not ASCII) are then taken out.
        let low = chunk & !HIGH_BITS;
        let at_least = |bytes: u64, lo: u8| bytes.wrapping_add(splat(0x80 - lo)) & HIGH_BITS;
        let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
        // Setting bit 5 maps A-Z onto a-z and no other byte into a-z.
        let folded = low | splat(0x20);
        let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
        let mut word = digit | letter;
        if apostrophe {
            word |= at_least(low, b'\'') & !at_least(low, b'\'' + 1);
        }
        let ends = !(word & !chunk) & HIGH_BITS;
        if ends != 0 {
            return run + (ends.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    let table = if apostrophe { &ASCII_WORD } else { &ASCII_ALNUM };
    run + bytes[run..].iter().position(|&b| !table[usize::from(b)]).unwrap_or(bytes.len() - run)
}

/// The first position at or after `from` whose byte `wanted` accepts, eight bytes at a time:
/// `may_hold` flags, in a chunk, a superset of the wanted bytes whose lowest flag is exact. Build
/// it only from [`bytes_below`] and [`bytes_equal`] (of the chunk, or of the chunk with bits set
/// by `|`) joined with `|`: anything that carries between bytes can make the lowest flag wrong.
/// Escaping titles and summaries for every feed, this skips the long runs of plain text between
/// special characters at a fraction of a test per byte.
pub(crate) fn find_byte(
    bytes: &[u8],
    mut from: usize,
    may_hold: impl Fn(u64) -> u64,
    wanted: impl Fn(u8) -> bool,
) -> Option<usize> {
    while let Some(chunk) = bytes.get(from..from + 8) {
        let flags = may_hold(u64::from_le_bytes(chunk.try_into().ok()?));
        if flags == 0 {
            from += 8;
            continue;
        }
        let candidate = from + (flags.trailing_zeros() / 8) as usize;
        if wanted(bytes[candidate]) {
            return Some(candidate);
        }
        from = candidate + 1;
    }
    bytes.get(from..)?.iter().position(|&b| wanted(b)).map(|offset| from + offset)
}

/// Whether the words of `needle` (runs of letters and digits) appear one after another in
/// `text`, whatever stands between them: spacing, paragraph breaks, quotes straight or curly,
/// dashes. An article page asks this of its summary and its body's text so that a summary taken
/// from the lede (cut from the text before Markdown's smart punctuation, across paragraphs) is
/// not printed twice. False when `needle` has no words.
pub(crate) fn contains_words(text: &str, needle: &str) -> bool {
    let mut wanted = words(needle);
    let Some(first) = wanted.next() else {
        return false;
    };
    let rest: Vec<&str> = wanted.collect();
    // Places where the first word is written, found by a vectorised search; most are no match.
    memchr::memmem::find_iter(text.as_bytes(), first.as_bytes()).any(|at| {
        // Found inside a longer word: no match here. (UTF-8 matches start and end on characters.)
        let glued_before = text[..at].chars().next_back().is_some_and(is_alphanumeric);
        let mut following = words(&text[at..]);
        !glued_before
            && following.next() == Some(first)
            && rest.iter().all(|word| following.next() == Some(*word))
    })
}

/// The runs of letters and digits of `text`, in order; ASCII without decoding.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    // Steps over the character at `at` if it is (or is not) part of a word.
    let step = move |at: usize, in_word: bool| -> Option<usize> {
        let byte = *bytes.get(at)?;
        if byte.is_ascii() {
            return (ASCII_ALNUM[usize::from(byte)] == in_word).then_some(at + 1);
        }
        let (c, width) = char_at(text, at);
        (is_alphanumeric(c) == in_word).then_some(at + width)
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(next) = step(at, false) {
            at = next;
        }
        let start = at;
        while let Some(next) = step(at, true) {
            at = next;
        }
        (at > start).then(|| &text[start..at])
    })
}

/// `text` after `prefix`, compared without ASCII case (`By `, `by `, `BY `), or `None`.
pub(crate) fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

/// Inputs and slow references for the tests of the eight-bytes-at-a-time scans, here and in the
/// modules that build on [`find_byte`].
#[cfg(test)]
pub(crate) mod testing {
    use proptest::strategy::Strategy;

    /// Up to 40 bytes, any of them or the `notable` ones (what a scan looks for, and bytes that
    /// differ from those in one bit), so the interesting cases turn up often.
    pub(crate) fn bytes_around(notable: &[u8]) -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            proptest::prop_oneof![proptest::num::u8::ANY, proptest::sample::select(notable.to_vec())],
            0..40,
        )
    }

    /// [`super::find_byte`] one byte at a time.
    pub(crate) fn find_byte_slowly(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
        bytes.get(from..).and_then(|rest| rest.iter().position(|&b| wanted(b))).map(|p| from + p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_is_one_letter_of_any_script() {
        for part in ["U", "s", "É", "ж", "東"] {
            assert!(is_one_letter(part), "{part}");
        }
        for part in ["", "US", "1", ".", "E\u{301}", "'"] {
            assert!(!is_one_letter(part), "{part:?}");
        }
    }

    #[test]
    fn contains_words_ignores_spacing_and_punctuation_between_words() {
        let body = "PORTVALE \u{2014} The ferry would leave \u{201C}early\u{201D}.\n\nCommuters welcomed it.";
        assert!(contains_words(body, "The ferry would leave \"early\". Commuters welcomed it."));
        assert!(contains_words(body, "PORTVALE"));
        assert!(!contains_words(body, "The ferry would leave late."), "a different word");
        assert!(!contains_words(body, "he ferry"), "part of a word is not a word");
        assert!(!contains_words(body, "Commuters welcomed it. More"), "runs past the end");
        assert!(!contains_words(body, " \u{2014} "), "no words");
    }

    #[test]
    fn is_alphanumeric_is_the_standard_library_s() {
        // Every character General Punctuation holds, and a sample of all the others.
        let sample = ('\u{1F00}'..='\u{2100}').chain((0..0x11_0000).step_by(97).filter_map(char::from_u32));
        for c in sample {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    proptest::proptest! {
        /// The same answer as comparing the two texts' word lists, for texts made of few words
        /// that repeat and prefix each other, apart by spaces, punctuation and curly quotes.
        #[test]
        fn contains_words_agrees_with_comparing_word_lists(
            text in "(a|ab|b|ba|\\.| |\n|\u{201C}|\u{00E9}){0,40}",
            needle in "(a|ab|b|ba|\\.| |\u{00E9}){0,12}",
        ) {
            let text_words: Vec<&str> = words(&text).collect();
            let needle_words: Vec<&str> = words(&needle).collect();
            let expected = !needle_words.is_empty()
                && text_words.windows(needle_words.len()).any(|run| run == needle_words.as_slice());
            proptest::prop_assert_eq!(contains_words(&text, &needle), expected);
        }

        /// Eight bytes at a time finds what a byte-by-byte scan finds, for the escapes of JSON
        /// (below 0x20, quote, backslash) whatever bytes surround them.
        #[test]
        fn find_byte_agrees_with_a_byte_scan(
            bytes in testing::bytes_around(&[0x00, 0x1F, 0x20, b'"', b'\\', 0x5B, 0x21, 0x80, 0xFF]),
            from in 0usize..40,
        ) {
            let wanted = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
            let may_hold = |chunk| bytes_below(chunk, 0x20) | bytes_equal(chunk, b'"') | bytes_equal(chunk, b'\\');
            proptest::prop_assert_eq!(find_byte(&bytes, from, may_hold, wanted), testing::find_byte_slowly(&bytes, from, wanted));
        }
    }

    proptest::proptest! {
        /// Eight bytes at a time, the same run as the tables give byte by byte, whatever bytes
        /// follow (letters, digits, the apostrophe, their neighbours in ASCII, and non-ASCII).
        #[test]
        fn word_runs_agree_with_the_tables(
            bytes in testing::bytes_around(b"aAzZ09'/:@[`{&-. \xC3\x80\xFF"),
            apostrophe: bool,
        ) {
            let table = if apostrophe { &ASCII_WORD } else { &ASCII_ALNUM };
            for from in 0..=bytes.len() {
                let slowly = bytes[from..].iter().take_while(|&&b| table[usize::from(b)]).count();
                proptest::prop_assert_eq!(ascii_word_run(&bytes[from..], apostrophe), slowly);
            }
        }
    }

    proptest::proptest! {
        /// The lines `str::lines` gives, for texts of few characters, line ends and carriage
        /// returns in any order.
        #[test]
        fn lines_are_those_of_the_standard_library(text in "(a|\u{e9}|\n|\r| ){0,20}") {
            proptest::prop_assert_eq!(lines(&text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>());
        }
    }

    #[test]
    fn numbers_are_padded_as_format_pads_them() {
        for value in [0, 1, 7, 9, 10, 42, 99, 100, 2025, 12345, 999_999_999, 1_000_000_000, u32::MAX] {
            for width in 0..=12 {
                let mut out = String::from("x");
                push_padded(&mut out, value, width);
                assert_eq!(out, format!("x{value:0width$}"), "{value} to {width}");
            }
        }
    }

    #[test]
    fn flags_are_exact_for_the_lowest_byte() {
        // 0x1F borrows from the byte above it, which holds 0x20: only the lowest flag is exact.
        let chunk = u64::from_le_bytes([b'a', 0x1F, 0x20, b'a', b'a', b'a', b'a', b'a']);
        assert_eq!(bytes_below(chunk, 0x20).trailing_zeros() / 8, 1);
        assert_eq!(bytes_equal(u64::from_le_bytes(*b"abcdefg\""), b'"').trailing_zeros() / 8, 7);
        assert_eq!(bytes_equal(u64::from_le_bytes([0xEF; 8]), 0xEF), HIGH_BITS);
        assert_eq!(bytes_below(u64::from_le_bytes([0x80; 8]), 0x20), 0);
    }
}
