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

/// Appends `value` as at least `width` decimal digits, zero-padded: date formatting for feeds,
/// sitemaps and cards, thousands of times per build, without a format string to interpret.
pub(crate) fn push_padded(out: &mut String, value: u32, width: usize) {
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
/// loops (word counts in the converter and the Markdown text).
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
