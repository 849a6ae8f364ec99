//! Filters Gazette adds to tera for themes, registered on every tera instance that renders a
//! theme's templates (pages and cards alike), so a filter works in any template.

use tera::{Kwargs, State, Tera, TeraResult};

/// Registers every filter on `tera`.
pub(super) fn register(tera: &mut Tera) {
    tera.register_filter("shorten", shorten);
}

/// `text | shorten(length=160)`: at most `length` characters, cut after the last whole word that
/// fits and ended with `…`. tera's own `truncate` cuts inside a word ("The Department of Hom…"),
/// which reads as a typo in a summary.
fn shorten(text: &str, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let length = kwargs.must_get::<usize>("length")?;
    Ok(shorten_text(text, length))
}

fn shorten_text(text: &str, length: usize) -> String {
    let text = text.trim();
    let Some((cut, _)) = text.char_indices().nth(length) else {
        return text.to_string();
    };
    // Room for the ellipsis, then back to the last space: a word longer than the whole length
    // is cut where it must be.
    let room = text[..cut].char_indices().next_back().map_or(0, |(at, _)| at);
    let kept = if text[room..].starts_with(char::is_whitespace) {
        &text[..room]
    } else {
        match text[..room].rfind(char::is_whitespace) {
            Some(space) if space > 0 => &text[..space],
            _ => &text[..room],
        }
    };
    let kept =
        kept.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-'));
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_keeps_whole_words() {
        let summary = "The Department of Homeland Security said the officer fired in self-defence.";
        assert_eq!(shorten_text(summary, 200), summary, "short enough: unchanged");
        assert_eq!(shorten_text(summary, 30), "The Department of Homeland…");
        assert_eq!(shorten_text("Officials said, however, that", 16), "Officials said…");
        assert_eq!(shorten_text("Supercalifragilistic", 8), "Superca…", "one long word is cut");
        assert_eq!(shorten_text("Zürich, São Paulo and Łódź", 12), "Zürich, São…");
        for length in 0..40 {
            assert!(shorten_text(summary, length).chars().count() <= length.max(1), "{length}");
        }
    }
}
