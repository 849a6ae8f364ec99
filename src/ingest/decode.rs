//! Bytes from disk to clean text.
//!
//! Article files come from browsers, clipping tools and wire feeds: UTF-8 with or without a BOM,
//! UTF-16 from Windows tools, Windows-1252 or Latin-1 from older systems, CRLF or bare CR line
//! ends, no-break spaces and invisible zero-width characters. Everything downstream wants plain
//! UTF-8 with `\n` line ends, so that is settled here once. A file is never dropped for its
//! encoding: undecodable bytes become U+FFFD and a warning names the byte offset.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

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
    /// Whether stray bytes in UTF-8 text were read as Windows-1252 (`\x93quoted\x94` pasted
    /// from an older program into a UTF-8 file) rather than shown as U+FFFD.
    pub stray_bytes_as_windows_1252: bool,
    /// Set when the encoding is a guess from too few bytes to trust: an alphabet other than
    /// Windows-1252's, read from a handful of bytes in text that is otherwise plain ASCII (stray
    /// bytes `\xFF\xFE\xC3` in an English file read as Cyrillic `яюГ`).
    pub thin_guess: Option<ThinGuess>,
}

/// Where an encoding guess from few bytes (see [`Decoded::thin_guess`]) read its first one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThinGuess {
    /// How many bytes are not ASCII.
    pub bytes: usize,
    /// Byte offset of the first.
    pub at: usize,
}

/// Fewest bytes outside ASCII from which an alphabet other than Windows-1252's is taken on
/// trust: a Russian or Greek article has thousands, a Russian name quoted in English five or six.
const TRUSTED_GUESS_BYTES: usize = 24;

/// Bytes that are not text in any encoding: an image, a PDF, a word-processor file, a program or
/// compressed data saved with a `.txt` name. Such a file is reported, never published as an
/// article of mojibake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// A NUL byte, which no text file holds outside UTF-16, at this byte offset.
    Nul {
        /// Byte offset of the first NUL byte.
        at: usize,
    },
    /// Control bytes in a share no text has (`count` of the first `of` bytes), as in compressed,
    /// encrypted or random data. A wire service's framing (SOH, STX, ETX around a story) is a few
    /// bytes in thousands, far below it.
    ControlBytes {
        /// Byte offset of the first.
        at: usize,
        /// How many of the first `of` bytes are control bytes.
        count: usize,
        /// How many bytes were looked at.
        of: usize,
    },
}

/// Control bytes that text files do not hold: not tab, line feed, form feed and carriage return,
/// nor a wire service's framing (SOH, STX, ETX, EOT, SYN, the separators 0x1C to 0x1F), nor the
/// escape of terminal colours, nor DOS's end-of-file mark (0x1A).
fn is_control_byte(byte: u8) -> bool {
    (byte < 0x20
        && !matches!(byte, b'\t' | b'\n' | 0x0C | b'\r' | 0x01..=0x04 | 0x16 | 0x1A | 0x1B | 0x1C..=0x1F))
        || byte == 0x7F
}

/// [`NotText::ControlBytes`] for `head` (the file's start), when one byte in twenty-five or more
/// is a control byte and there are at least four: random data has one in fifteen.
fn control_bytes(head: &[u8]) -> Option<NotText> {
    let count = head.iter().filter(|&&b| is_control_byte(b)).count();
    (count >= 4 && count * 25 >= head.len()).then(|| NotText::ControlBytes {
        at: head.iter().position(|&b| is_control_byte(b)).unwrap_or(0),
        count,
        of: head.len(),
    })
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
            if let Some(not_text) = control_bytes(head) {
                // Unless it is UTF-16, whose NUL bytes are counted as control bytes here.
                if memchr::memchr(0, head).is_none() || utf16_without_bom(head).is_none() {
                    return Err(memchr::memchr(0, head).map_or(not_text, |at| NotText::Nul { at }));
                }
            }
            match memchr::memchr(0, head) {
                Some(at) => (utf16_without_bom(head).ok_or(NotText::Nul { at })?, bytes),
                None => match std::str::from_utf8(bytes) {
                    // Nearly every file: UTF-8 without a BOM, checked once and used as it is.
                    Ok(text) => {
                        return Ok(Decoded {
                            text: normalise(text),
                            encoding: UTF_8.name(),
                            first_invalid_byte: None,
                            stray_bytes_as_windows_1252: false,
                            thin_guess: None,
                        });
                    }
                    Err(_) => (guess_encoding(bytes), bytes),
                },
            }
        }
    };
    if encoding == UTF_8
        && let Err(error) = std::str::from_utf8(body)
    {
        let (text, stray_bytes_as_windows_1252) = utf8_with_stray_bytes(body);
        return Ok(Decoded {
            text: normalise(&text),
            encoding: encoding.name(),
            first_invalid_byte: Some(error.valid_up_to() + (bytes.len() - body.len())),
            stray_bytes_as_windows_1252,
            thin_guess: None,
        });
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    // A byte the encoding leaves undefined (Windows-1252's 0x81, 0x8D, 0x8F, 0x90, 0x9D) decodes
    // to a C1 control, which `normalise` removes: shown as U+FFFD and reported instead, as
    // damaged UTF-8 is. In a single-byte encoding a character's index is its byte's offset.
    let is_c1 = |c: char| ('\u{80}'..='\u{9F}').contains(&c);
    let undefined_at = encoding.is_single_byte().then(|| text.chars().position(is_c1)).flatten();
    let text = match undefined_at {
        Some(_) => {
            std::borrow::Cow::Owned(text.chars().map(|c| if is_c1(c) { '\u{FFFD}' } else { c }).collect())
        }
        None => text,
    };
    let guessed = body.len() == bytes.len() && encoding.is_single_byte() && encoding != WINDOWS_1252;
    let thin_guess = guessed
        .then(|| {
            let bytes = body.iter().filter(|b| !b.is_ascii()).count();
            let at = body.iter().position(|b| !b.is_ascii()).unwrap_or(0);
            (bytes < TRUSTED_GUESS_BYTES).then_some(ThinGuess { bytes, at })
        })
        .flatten();
    Ok(Decoded {
        text: normalise(&text),
        encoding: encoding.name(),
        first_invalid_byte: undefined_at.or(had_errors.then_some(0)),
        stray_bytes_as_windows_1252: false,
        thin_guess,
    })
}

/// UTF-8 with damage: a byte on its own that is no UTF-8 (`\x93`, `\xE9` before a space) is
/// what an older program wrote, and is read as Windows-1252 (`“`, `é`), as is the lone first
/// byte of a character cut short, which cannot be told from one; a broken sequence of more bytes
/// (`\xE2\x80` of a cut dash, or Windows-1252 `é”` whose bytes start a UTF-8 sequence) is
/// U+FFFD. Returns the text and whether any byte was read as Windows-1252.
fn utf8_with_stray_bytes(bytes: &[u8]) -> (String, bool) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut repaired = false;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let stray = match chunk.invalid() {
            &[byte] => {
                let byte = [byte];
                let (decoded, _) = WINDOWS_1252.decode_without_bom_handling(&byte);
                // The five bytes Windows-1252 leaves undefined decode to C1 controls.
                decoded.chars().next().filter(|c| !c.is_control())
            }
            _ => None,
        };
        match stray {
            Some(c) => {
                text.push(c);
                repaired = true;
            }
            None if !chunk.invalid().is_empty() => text.push('\u{FFFD}'),
            None => {}
        }
    }
    (text, repaired)
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
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    if guess != WINDOWS_1252 && guess.is_single_byte() && lone_letters_say_windows_1252(bytes, guess) {
        return WINDOWS_1252;
    }
    guess
}

/// Whether the bytes that `guess` and Windows-1252 read differently read, in `guess`, mostly
/// as letters that stand alone, in no word.
///
/// With few non-ASCII bytes chardetng has little to go on: an English clipping whose only one is
/// `£` (`\xA3`) was guessed Windows-1250, where that byte is `Ł`, and read "cut Ł4 million".
/// A letter of a Central European or Baltic text is written inside words (`Łódź`, `był`), while
/// Windows-1252's signs at those bytes (`£`, `¤`, `¦`, `¬`, `°`, `±`, `¼`...) stand beside
/// digits, spaces and punctuation.
fn lone_letters_say_windows_1252(bytes: &[u8], guess: &'static Encoding) -> bool {
    // What each byte from 0x80 up reads as in the two encodings, looked up rather than decoded
    // byte by byte (a Cyrillic or Greek file is all such bytes).
    let table = |encoding: &'static Encoding| -> Vec<Option<char>> {
        (0x80..=0xFFu8)
            .map(|byte| {
                let byte = [byte];
                let (text, had_errors) = encoding.decode_without_bom_handling(&byte);
                text.chars().next().filter(|_| !had_errors)
            })
            .collect()
    };
    let (guessed_table, windows_table) = (table(guess), table(WINDOWS_1252));
    let read = |encoding: &'static Encoding, byte: u8| {
        let table = if encoding == WINDOWS_1252 { &windows_table } else { &guessed_table };
        table[usize::from(byte - 0x80)]
    };
    let is_letter = |byte: Option<&u8>| {
        byte.is_some_and(|&byte| {
            if byte.is_ascii() {
                byte.is_ascii_alphabetic()
            } else {
                read(guess, byte).is_some_and(char::is_alphabetic)
            }
        })
    };
    let (mut alone, mut in_words) = (0usize, 0usize);
    for (at, &byte) in bytes.iter().enumerate().filter(|(_, byte)| !byte.is_ascii()) {
        let guessed = read(guess, byte);
        if guessed == read(WINDOWS_1252, byte) || !guessed.is_some_and(char::is_alphabetic) {
            continue;
        }
        let before = at.checked_sub(1).and_then(|before| bytes.get(before));
        if is_letter(before) || is_letter(bytes.get(at + 1)) {
            in_words += 1;
        } else {
            alone += 1;
        }
    }
    alone > in_words
}

/// Whether bytes that are no valid UTF-8 are UTF-8 all the same: as many valid multi-byte
/// characters as broken places, or any of the typographic signs pasted text carries in UTF-8
/// (`—`, `“`, `…`, `€`, `™`: three bytes from U+2000 to U+214F), which Windows-1252 text spells
/// by chance next to never. Another three-byte character may: a French `é` before a no-break
/// space and `»` is a valid CJK character.
fn looks_like_damaged_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut long = false;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars().filter(|c| !c.is_ascii()) {
            valid_multibyte += 1;
            long |= ('\u{2000}'..='\u{214F}').contains(&c);
        }
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_multibyte > 0 && (invalid <= valid_multibyte || long)
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
        assert_eq!(decode(elf), Err(NotText::Nul { at: 7 }));
        assert_eq!(decode(png), Err(NotText::Nul { at: 8 }));
        assert_eq!(decode(zip), Err(NotText::Nul { at: 5 }));
        assert_eq!(decode(b"Harbour strike\0 enters its second week."), Err(NotText::Nul { at: 14 }));
        // A NUL byte past the sniffed start is left to the cleaning, like any control character.
        let mut long = b"word ".repeat(BINARY_SNIFF_BYTES / 5 + 1);
        long.push(0);
        assert!(decode(&long).unwrap().text.ends_with("word "));
    }

    #[test]
    fn random_bytes_are_not_text_but_a_wire_services_framing_is() {
        // Bytes of a pseudo-random sequence with no NUL among them, as compressed data looks.
        let mut state = 0x2545_f491_u32;
        let random: Vec<u8> = std::iter::repeat_with(|| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .filter(|&b| b != 0)
        .take(200)
        .collect();
        assert!(
            matches!(decode(&random), Err(NotText::ControlBytes { of: 200, .. })),
            "{:?}",
            decode(&random)
        );
        // IPTC 7901 framing: SOH, STX before the story, ETX and EOT after it; ANPA's SYN and
        // separators; a short flash item is all framing but for a line.
        for framing in [("\u{1}\u{2}", "\u{3}\u{4}"), ("\u{16}\u{16}\u{1}\u{1f}", "\u{1e}\u{3}\u{4}")] {
            for story in [
                "Harbour strike enters its second week, union says. ".repeat(4),
                "FLASH: Port shut.".to_string(),
            ] {
                let wire = format!("{}{story}{}", framing.0, framing.1);
                let decoded = decode(wire.as_bytes()).unwrap_or_else(|e| panic!("{wire:?}: {e:?}"));
                assert!(decoded.text.contains(story.trim_end()), "{wire:?}");
            }
        }
        // Terminal colours in a pasted log line.
        assert!(decode(b"\x1b[1mBREAKING\x1b[0m Port shut.\n\x1b[2mMore soon.\x1b[0m").is_ok());
    }

    #[test]
    fn a_french_windows_1252_file_is_not_taken_for_utf8_by_a_chance_character() {
        // `é`, a no-break space and `»` make E9 A0 BB, a valid CJK character in UTF-8.
        let decoded = decode(b"Il a parl\xE9 de \xAB\xA0libert\xE9\xA0\xBB.").unwrap();
        assert_eq!(decoded.text, "Il a parlé de « liberté ».");
        assert_eq!(decoded.first_invalid_byte, None);
    }

    #[test]
    fn an_alphabet_guessed_from_a_few_stray_bytes_is_flagged() {
        let decoded =
            decode(b"Dock strike \xFF\xFE\xC3( ends\n\nThe strike ended on Monday \xE2(\xA1.\n").unwrap();
        assert_ne!(decoded.encoding, "windows-1252", "the case this is for: {}", decoded.text);
        assert_eq!(decoded.thin_guess, Some(ThinGuess { bytes: 5, at: 12 }));
        // A Russian article is read on trust, and so is Windows-1252.
        let russian = encoding_rs::WINDOWS_1251
            .encode("Президент России выступил в среду с обращением к Федеральному собранию страны.")
            .0;
        let decoded = decode(&russian).unwrap();
        assert_eq!(decoded.encoding, "windows-1251");
        assert_eq!(decoded.thin_guess, None);
        assert_eq!(decode(b"The caf\xE9 reopened.").unwrap().thin_guess, None);
    }

    #[test]
    fn a_byte_windows_1252_leaves_undefined_is_reported_not_dropped() {
        let decoded = decode(b"Some text with one \x9D odd byte and a caf\xE9.").unwrap();
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(decoded.text, "Some text with one \u{FFFD} odd byte and a café.");
        assert_eq!(decoded.first_invalid_byte, Some(19));
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
    fn a_pound_sign_in_english_windows_1252_is_no_polish_letter() {
        // Alone, and beside Windows-1252's quotes and a bullet.
        let decoded =
            decode(b"Council cuts library budget\r\n\r\nThe council will cut \xA34 million.\r\n").unwrap();
        assert!(decoded.text.contains("cut £4 million"), "{}: {}", decoded.encoding, decoded.text);
        let decoded =
            decode(b"\x93We have no choice,\x94 she said. \x95 Fees rise to \xA312 and \xA320 from May.")
                .unwrap();
        assert!(decoded.text.contains("rise to £12 and £20"), "{}: {}", decoded.encoding, decoded.text);
        // Polish in Windows-1250 keeps its letters: `Łódź` and `był` hold them inside words.
        let polish = encoding_rs::WINDOWS_1250.encode("Prezydent Łodzi był w środę w Łańcucie. Żółw.").0;
        let decoded = decode(&polish).unwrap();
        assert_eq!(decoded.text, "Prezydent Łodzi był w środę w Łańcucie. Żółw.", "{}", decoded.encoding);
    }

    #[test]
    fn damaged_utf8_keeps_text_and_reports_the_offset() {
        // 0x81 is a byte Windows-1252 leaves undefined; E2 80 is a dash cut short.
        let bytes: Vec<u8> = "Zürich — Genève ".bytes().chain([0x81, b'x', b' ', 0xE2, 0x80, b'y']).collect();
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.first_invalid_byte, Some(20));
        assert_eq!(decoded.text, "Zürich — Genève \u{FFFD}x \u{FFFD}y");
        assert!(!decoded.stray_bytes_as_windows_1252);
    }

    #[test]
    fn windows_1252_quotes_pasted_into_utf8_are_read_as_quotes() {
        // One dash in UTF-8, then quotes and a letter from an older program: more broken places
        // than good characters, but a three-byte character says the file is UTF-8.
        let bytes: Vec<u8> = "TOKYO, March 10 — Stocks were "
            .bytes()
            .chain(*b"\x93cautious\x94 as the caf\xE9 opened.")
            .collect();
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.text, "TOKYO, March 10 — Stocks were “cautious” as the café opened.");
        assert_eq!(decoded.first_invalid_byte, Some(32));
        assert!(decoded.stray_bytes_as_windows_1252);
    }

    #[test]
    fn invisible_characters_are_cleaned() {
        assert_eq!(normalise("a\u{00A0}b\u{200B}c\u{FEFF}d\u{7}e"), "a bcde");
        assert_eq!(normalise("👩\u{200D}💻"), "👩\u{200D}💻");
    }
}
