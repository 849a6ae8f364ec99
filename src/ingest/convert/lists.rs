//! Lists: numbered and bulleted items, told apart from sentences that start with a number.

use super::headline::is_labelled_line;
use super::language::has_at_most_words;

/// The item after a list's bullet and the space or tab after it (`- `, `• `, a word
/// processor's `•\t`).
pub(super) fn strip_bullet(line: &str) -> Option<&str> {
    const BULLETS: &[char] = &['-', '*', '•', '+', '–', '·', '▪', '◦'];
    line.strip_prefix(BULLETS).filter(|rest| rest.starts_with([' ', '\t'])).map(|rest| rest.trim_start())
}

pub(super) fn number_marker(line: &str) -> Option<(u64, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let number = line[..digits].parse().ok()?;
    let rest = line[digits..].strip_prefix(['.', ')'])?;
    rest.starts_with(' ').then(|| (number, rest.trim_start()))
}

pub(super) fn strip_number_marker(line: &str) -> Option<&str> {
    number_marker(line).map(|(_, rest)| rest)
}

/// Lines numbered consecutively (`1. …`, `2. …`) form an ordered list starting at that number.
pub(super) fn numbered_list_start(lines: &[&str]) -> Option<u64> {
    let start = number_marker(lines.first()?)?.0;
    let consecutive =
        lines.iter().zip(start..).all(|(line, n)| number_marker(line).is_some_and(|(m, _)| m == n));
    consecutive.then_some(start)
}

pub(super) fn is_list_item_like(line: &str) -> bool {
    strip_bullet(line).is_some()
        || number_marker(line).is_some()
        || (line.chars().count() <= 100 && has_at_most_words(line, 14) && !continues_as_text(line))
}

/// A short line that is a turn of text rather than a list item: it ends with a comma (a letter's
/// `Thanks for reading,`), opens with a dash (dialogue in Spanish and French) or with a speaker's
/// label (`Q: …`).
pub(super) fn continues_as_text(line: &str) -> bool {
    line.ends_with(',') || line.starts_with(['—', '–']) || is_labelled_line(line)
}
