//! Bytes from disk to clean text.
//!
//! Article files come from browsers, clipping tools and wire feeds: UTF-8 with or without a BOM,
//! UTF-16 from Windows tools, Windows-1252 or Latin-1 from older systems, CRLF or bare CR line
//! ends, no-break spaces and invisible zero-width characters. Everything downstream wants plain
//! UTF-8 with `\n` line ends, so that is settled here once. A file is never dropped for its
//! encoding: undecodable bytes become U+FFFD and a warning names the byte offset.

use encoding_rs::{Encoding, UTF_8};

use crate::text::{bytes_below, bytes_equal, find_byte};

/// Text decoded from a file, with what had to be guessed or repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Normalised text: UTF-8, `\n` line ends, no BOM, no zero-width characters.
    pub text: String,
    /// The encoding the bytes were read as (`UTF-8`, `UTF-16LE`, `windows-1252`...).
    pub encoding: &'static str,
    /// Byte offset of the first byte that could not be decoded, if any.
    pub first_invalid_byte: Option<usize>,
}

/// Bytes that are not text in any encoding: an image, a PDF, a word-processor file or a program
/// saved with a `.txt` name. Such a file is reported, never published as an article of mojibake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotText {
    /// Byte offset of the first NUL byte, which no text file holds outside UTF-16.
    pub nul_at: usize,
}

/// How far into a file a NUL byte is looked for, as git does to tell binary files from text.
const BINARY_SNIFF_BYTES: usize = 8000;

/// Decodes `bytes`: a BOM decides first, then valid UTF-8, then a statistical guess (chardetng).
/// Fails for bytes that are not text (see [`NotText`]).
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) => (encoding, &bytes[bom_length..]),
        None => {
            let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
            match memchr::memchr(0, head) {
                Some(nul_at) => (utf16_without_bom(head).ok_or(NotText { nul_at })?, bytes),
                None => match std::str::from_utf8(bytes) {
                    // Nearly every file: UTF-8 without a BOM, checked once and used as it is.
                    Ok(text) => {
                        return Ok(Decoded {
                            text: normalise(text),
                            encoding: UTF_8.name(),
                            first_invalid_byte: None,
                        });
                    }
                    Err(_) => (guess_encoding(bytes), bytes),
                },
            }
        }
    };
    let first_invalid_byte = if encoding == UTF_8 {
        std::str::from_utf8(body).err().map(|e| e.valid_up_to() + (bytes.len() - body.len()))
    } else {
        None
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let first_invalid_byte = first_invalid_byte.or(if had_errors { Some(0) } else { None });
    Ok(Decoded { text: normalise(&text), encoding: encoding.name(), first_invalid_byte })
}

/// UTF-16 written without a BOM, recognised by its NUL bytes: text in Latin script has a NUL as
/// the high byte of nearly every character, so a third or more of the bytes are NUL and almost
/// all of them on the same side of each pair (odd offsets in little-endian, even in big-endian).
/// Binary files have NULs too, but not in that pattern.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    let nul_high = head.chunks_exact(2).filter(|pair| pair[1] == 0 && pair[0] != 0).count();
    let nul_low = head.chunks_exact(2).filter(|pair| pair[0] == 0 && pair[1] != 0).count();
    let mostly = |count: usize| {
        pairs > 0 && count * 10 >= pairs * 6 && count * 10 >= head.iter().filter(|&&b| b == 0).count() * 9
    };
    if mostly(nul_high) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(nul_low) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The encoding of `bytes`, which are not valid UTF-8 (valid UTF-8, all plain ASCII included, is
/// taken as UTF-8 before this is asked). A file that is *almost* UTF-8 (a few broken sequences in
/// otherwise multi-byte text) is still UTF-8 with damage, not Latin-1; only text with no valid
/// multi-byte sequence at all is handed to chardetng.
fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    if looks_like_damaged_utf8(bytes) {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

fn looks_like_damaged_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_multibyte > 0 && invalid <= valid_multibyte
}

/// Line ends to `\n`; no-break and other fixed-width spaces to plain spaces (they only ever join
/// words in clipped text); zero-width characters, stray BOMs and control characters removed,
/// since they are invisible in the article yet break word matching, slugs and XML feeds.
/// Zero-width joiners stay: emoji sequences and some scripts need them.
pub fn normalise(text: &str) -> String {
    // Runs of ordinary characters are copied as they are; only the few that change are looked at,
    // found by their first byte (ASCII controls, and the lead bytes of the others), eight bytes at
    // a time.
    let ordinary = |c: char| match c {
        '\n' | '\t' => true,
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' => false,
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => false,
        c => !c.is_control(),
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut run_start = 0;
    let mut from = 0;
    let may_change = |chunk| {
        bytes_below(chunk, 0x20)
            | bytes_equal(chunk, 0x7F)
            | bytes_equal(chunk, 0xC2)
            | bytes_equal(chunk, 0xE2)
            | bytes_equal(chunk, 0xEF)
    };
    while let Some(at) = find_byte(bytes, from, may_change, |b| MAY_CHANGE[usize::from(b)]) {
        let c = text[at..].chars().next().unwrap_or('\0');
        from = at + c.len_utf8();
        if ordinary(c) {
            continue;
        }
        out.push_str(&text[run_start..at]);
        run_start = from;
        match c {
            '\r' => {
                if bytes.get(from) == Some(&b'\n') {
                    from += 1;
                    run_start = from;
                }
                out.push('\n');
            }
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' => out.push(' '),
            _ => {}
        }
    }
    out.push_str(&text[run_start..]);
    out
}

/// First bytes of the characters [`normalise`] may change: ASCII controls other than tab and line
/// feed, DEL, and the UTF-8 lead bytes of U+0080 to U+00BF (C1 controls, no-break space, soft
/// hyphen), U+2000 to U+2FFF (spaces, zero-width characters) and U+F000 to U+FFFF (BOM).
static MAY_CHANGE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = !matches!(byte, 0x09 | 0x0A);
        byte += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table[0xEF] = true;
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule `normalise` implements, one character at a time.
    fn normalise_slowly(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    out.push('\n');
                }
                '\n' | '\t' => out.push(c),
                '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' => out.push(' '),
                '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
                c if c.is_control() => {}
                c => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn normalise_follows_the_rule(text in "([a-zé \r\n\t\u{00A0}\u{2009}\u{200B}\u{00AD}\u{FEFF}\u{0085}\u{0001}\u{200D}👩\u{2060}\u{202F}\u{2007}\u{007F}\u{2019}\u{FFFD}\u{00BF}]|\r\n){0,40}") {
            proptest::prop_assert_eq!(normalise(&text), normalise_slowly(&text));
        }
    }

    #[test]
    fn utf8_with_bom_and_crlf() {
        let decoded = decode(b"\xEF\xBB\xBFOne\r\nTwo\rThree").unwrap();
        assert_eq!(decoded.text, "One\nTwo\nThree");
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.first_invalid_byte, None);
    }

    #[test]
    fn utf16_both_byte_orders() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in "Zürich “news”".encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Zürich “news”");
        assert_eq!(decode(&be).unwrap().text, "Zürich “news”");
    }

    #[test]
    fn utf16_without_a_bom_is_read_by_its_nul_bytes() {
        let text = "Harbour strike enters its second week, union says.\nZürich “news”";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let (le, be) = (decode(&le).unwrap(), decode(&be).unwrap());
        assert_eq!((le.text.as_str(), le.encoding), (text, "UTF-16LE"));
        assert_eq!((be.text.as_str(), be.encoding), (text, "UTF-16BE"));
    }

    #[test]
    fn binary_files_are_not_text() {
        // The start of an ELF program, of a PNG image and of a ZIP (docx) file, and text with one
        // NUL byte in it: none is published as an article.
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\x10o\0\0\0\0\0";
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\xf4\0\0\x01\x90\x08\x06\0\0\0";
        let zip = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0\xdf\xa4\xd2lZ\x01\0\0 \x05\0\0\x13\0";
        assert_eq!(decode(elf), Err(NotText { nul_at: 7 }));
        assert_eq!(decode(png), Err(NotText { nul_at: 8 }));
        assert_eq!(decode(zip), Err(NotText { nul_at: 5 }));
        assert_eq!(decode(b"Harbour strike\0 enters its second week."), Err(NotText { nul_at: 14 }));
        // A NUL byte past the sniffed start is left to the cleaning, like any control character.
        let mut long = b"word ".repeat(BINARY_SNIFF_BYTES / 5 + 1);
        long.push(0);
        assert!(decode(&long).unwrap().text.ends_with("word "));
    }

    #[test]
    fn windows_1252_is_detected() {
        // "Café “Zürich” – façade" in Windows-1252.
        let bytes = b"Le caf\xE9 \x93Z\xFCrich\x94 \x96 la fa\xE7ade est ferm\xE9e pour l'\xE9t\xE9.";
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.text, "Le café “Zürich” – la façade est fermée pour l'été.");
        assert_eq!(decoded.first_invalid_byte, None);
    }

    #[test]
    fn damaged_utf8_keeps_text_and_reports_the_offset() {
        let decoded = decode(
            "Zürich — Genève ".as_bytes().iter().copied().chain([0xFF, b'x']).collect::<Vec<_>>().as_slice(),
        )
        .unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.first_invalid_byte, Some(20));
        assert!(decoded.text.starts_with("Zürich — Genève \u{FFFD}x"));
    }

    #[test]
    fn invisible_characters_are_cleaned() {
        assert_eq!(normalise("a\u{00A0}b\u{200B}c\u{FEFF}d\u{7}e"), "a bcde");
        assert_eq!(normalise("👩\u{200D}💻"), "👩\u{200D}💻");
    }
}
