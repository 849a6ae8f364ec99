//! Filters Gazette adds to tera for themes, registered on every tera instance that renders a
//! theme's templates (pages and cards alike), so a filter works in any template.

use tera::{Kwargs, State, Tera, TeraResult};

/// Registers every filter on `tera`.
pub(super) fn register(tera: &mut Tera) {
    tera.register_filter("shorten", shorten);
    tera.register_filter("date", date);
}

/// An argument `filter` does not take is an error naming the ones it does: a misspelled
/// `lenght=` would otherwise be ignored without a word.
fn only_arguments(filter: &str, kwargs: &Kwargs, known: &[&str]) -> TeraResult<()> {
    match kwargs.iter().find(|(name, _)| !name.as_str().is_some_and(|name| known.contains(&name))) {
        Some((name, _)) => Err(tera::Error::message(format!(
            "`{filter}` takes {}, not `{name}`",
            known.iter().map(|known| format!("`{known}`")).collect::<Vec<_>>().join(", ")
        ))),
        None => Ok(()),
    }
}

/// `article.date | date(format="%A %-d %B %Y")`: a date the templates are given (`2025-09-12`,
/// `2025-09-12T08:30:00-05:00`) written with a `strftime` format, its month and weekday names
/// (`%B`, `%b`, `%A`) in the site's language, or in `lang="fr"` (Zola's `locale="fr_FR"` too).
/// Zola's themes use `date` so; the time stays in the offset it was written with unless
/// `timezone="Europe/Paris"` (Zola's argument) says the clock to read it on, and a date without a
/// time stays its day. The format defaults to `%Y-%m-%d`.
fn date(value: &str, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    only_arguments("date", &kwargs, &["format", "lang", "locale", "timezone"])?;
    let format = kwargs.get::<&str>("format")?.unwrap_or("%Y-%m-%d");
    // Zola's themes say `locale="fr_FR"`.
    let language = match kwargs.get::<&str>("lang")?.or(kwargs.get::<&str>("locale")?) {
        Some(lang) => lang.to_string(),
        None => state
            .get::<tera::Value>("site")?
            .and_then(|site| {
                site.get_from_path("language").and_then(|lang| lang.as_str()).map(str::to_string)
            })
            .unwrap_or_default(),
    };
    let zoned = parse_date(value).ok_or_else(|| {
        tera::Error::message(format!(
            "`date` cannot read `{value}` as a date (write 2025-09-12 or 2025-09-12T08:30:00Z)"
        ))
    })?;
    // A date without a time (a digest's day) is a day on any clock, as Zola leaves it.
    let has_time = value.trim().len() > "2025-09-12".len();
    let zoned = match kwargs.get::<&str>("timezone")?.filter(|_| has_time) {
        Some(name) => zoned.with_time_zone(jiff::tz::TimeZone::get(name).map_err(|_| {
            tera::Error::message(format!(
                "`date` knows no time zone `{name}`: write an IANA name such as Europe/Paris"
            ))
        })?),
        None => zoned,
    };
    Ok(super::dates::calendar(&language).strftime(&zoned, format))
}

/// `2025-09-12`, `2025-09-12T08:30:00Z` or `2025-09-12T08:30:00-05:00`, in its own offset.
fn parse_date(value: &str) -> Option<jiff::ZonedDateTime> {
    use jiff::fmt::temporal::{Pieces, PiecesOffset};
    let pieces = Pieces::parse(value.trim()).ok()?;
    let offset = match pieces.offset() {
        Some(PiecesOffset::Numeric(numeric)) => numeric.offset(),
        _ => jiff::tz::Offset::UTC,
    };
    let time = pieces.time().unwrap_or(jiff::civil::Time::midnight());
    pieces.date().to_datetime(time).to_zoned_datetime(jiff::tz::TimeZone::fixed(offset)).ok()
}

/// `text | shorten(length=160)`: at most `length` characters, cut after the last whole word that
/// fits and ended with `…`. tera's own `truncate` cuts inside a word ("The Department of Hom…"),
/// which reads as a typo in a summary.
fn shorten(text: &str, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    only_arguments("shorten", &kwargs, &["length"])?;
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
    fn dates_read_as_templates_are_given_them() {
        let written =
            |value: &str, format: &str| parse_date(value).map(|date| date.strftime(format).to_string());
        assert_eq!(written("2025-09-12", "%Y-%m-%d %H:%M").as_deref(), Some("2025-09-12 00:00"));
        assert_eq!(
            written("2025-09-12T08:30:00-05:00", "%H:%M %:z").as_deref(),
            Some("08:30 -05:00"),
            "its own offset"
        );
        assert_eq!(written("2025-09-12T08:30:00Z", "%H:%M %:z").as_deref(), Some("08:30 +00:00"));
        assert_eq!(written("12 September", "%F"), None);
    }

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
