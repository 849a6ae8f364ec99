//! Byte-level helpers for the loops that read every article's text (word counts, search terms,
//! story signatures, the tagger): most of that text is ASCII, which they handle without decoding.
//! A leaf module, so `model` can use it without depending on the Markdown renderer.

/// The character starting at byte `at` of `text` (a character boundary, before the end) and its
/// width in bytes, without decoding for ASCII. The byte loops that read every article (word
/// counts, search terms, story signatures, the tagger) step through text with it.
pub(crate) fn char_at(text: &str, at: usize) -> (char, usize) {
    match text.as_bytes()[at] {
        byte @ 0..=0x7F => (char::from(byte), 1),
        _ => text[at..].chars().next().map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// ASCII letters, digits and the apostrophe: the bytes that continue a word without decoding
/// (word counts and search terms).
pub(crate) static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte == b'\'' as usize;
        byte += 1;
    }
    table
};
