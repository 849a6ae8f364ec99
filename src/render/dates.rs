//! Dates for readers, in the site's language: "3 November 2025" on an English site, "3 novembre
//! 2025" on a French one, "3. November 2025" on a German one.
//!
//! A site with `language: fr` whose every page says "Monday 3 November" reads as a mistake, and
//! `strftime` knows only English names. The languages newsrooms using Gazette write in most have
//! their names and word order here; any other language gets the English forms (the theme's own
//! words are in its `i18n/` files: see [`super::words`]).

use jiff::civil::Date;

/// How one language writes a date.
#[derive(Debug)]
pub struct Calendar {
    /// January first.
    months: [&'static str; 12],
    /// January first, as `%b` writes them: the abbreviations of the language's style guides
    /// (`sept.`, `févr.`), whole where a month is short (`mai`, `juin`).
    short_months: [&'static str; 12],
    /// Monday first.
    weekdays: [&'static str; 7],
    order: Order,
    /// The word before a week's number in a weekly digest's title.
    week: &'static str,
}

/// The shapes of a day and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// `3 November`; `Monday 3 November 2025`.
    DayMonth,
    /// French: `1er novembre`, `3 novembre`.
    French,
    /// German: `3. November`; `Montag, 3. November 2025`.
    German,
    /// Spanish and Portuguese: `3 de noviembre de 2025`; `lunes, 3 de noviembre`.
    Linked,
}

const ENGLISH: Calendar = Calendar {
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    short_months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    order: Order::DayMonth,
    week: "Week",
};

const CALENDARS: &[(&str, Calendar)] = &[
    (
        "fr",
        Calendar {
            months: [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
            short_months: [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
                "déc.",
            ],
            weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
            order: Order::French,
            week: "Semaine",
        },
    ),
    (
        "de",
        Calendar {
            months: [
                "Januar",
                "Februar",
                "März",
                "April",
                "Mai",
                "Juni",
                "Juli",
                "August",
                "September",
                "Oktober",
                "November",
                "Dezember",
            ],
            short_months: [
                "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
                "Dez.",
            ],
            weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
            order: Order::German,
            week: "Woche",
        },
    ),
    (
        "es",
        Calendar {
            months: [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            short_months: [
                "ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.",
                "dic.",
            ],
            weekdays: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
            order: Order::Linked,
            week: "Semana",
        },
    ),
    (
        "pt",
        Calendar {
            months: [
                "janeiro",
                "fevereiro",
                "março",
                "abril",
                "maio",
                "junho",
                "julho",
                "agosto",
                "setembro",
                "outubro",
                "novembro",
                "dezembro",
            ],
            short_months: [
                "jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.",
                "dez.",
            ],
            weekdays: [
                "segunda-feira",
                "terça-feira",
                "quarta-feira",
                "quinta-feira",
                "sexta-feira",
                "sábado",
                "domingo",
            ],
            order: Order::Linked,
            week: "Semana",
        },
    ),
    (
        "it",
        Calendar {
            months: [
                "gennaio",
                "febbraio",
                "marzo",
                "aprile",
                "maggio",
                "giugno",
                "luglio",
                "agosto",
                "settembre",
                "ottobre",
                "novembre",
                "dicembre",
            ],
            short_months: [
                "gen.", "feb.", "mar.", "apr.", "mag.", "giu.", "lug.", "ago.", "set.", "ott.", "nov.",
                "dic.",
            ],
            weekdays: ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
            order: Order::DayMonth,
            week: "Settimana",
        },
    ),
    (
        "nl",
        Calendar {
            months: [
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ],
            short_months: [
                "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.",
            ],
            weekdays: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
            order: Order::DayMonth,
            week: "Week",
        },
    ),
];

/// The calendar of `language` (a tag such as `fr`, `fr-CA` or `pt_BR`), English when Gazette
/// has none for it.
pub fn calendar(language: &str) -> &'static Calendar {
    let primary = language.split(['-', '_']).next().unwrap_or("");
    CALENDARS
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case(primary))
        .map_or(&ENGLISH, |(_, calendar)| calendar)
}

impl Calendar {
    /// `November`, `novembre`.
    pub fn month(&self, date: Date) -> &'static str {
        self.months[usize::from(date.month().unsigned_abs()) - 1]
    }

    /// `Monday`, `lundi`.
    pub fn weekday(&self, date: Date) -> &'static str {
        self.weekdays[usize::from(date.weekday().to_monday_zero_offset().unsigned_abs())]
    }

    /// `3 November`, `1er novembre`, `3. November`, `3 de noviembre`.
    pub fn day_month(&self, date: Date) -> String {
        self.with_month(self.day_number(date.day()), self.month(date))
    }

    /// A day of the month as the language writes it before the month: `3`, `1er`, `3.`.
    fn day_number(&self, day: i8) -> String {
        match self.order {
            Order::French if day == 1 => "1er".to_string(),
            Order::German => format!("{day}."),
            _ => day.to_string(),
        }
    }

    /// `days` (one day or a range) followed by `month`, joined as the language joins them.
    fn with_month(&self, days: String, month: &str) -> String {
        match self.order {
            Order::Linked => format!("{days} de {month}"),
            _ => format!("{days} {month}"),
        }
    }

    /// `3 November 2025`, `3 de noviembre de 2025`.
    pub fn date(&self, date: Date) -> String {
        let joint = if self.order == Order::Linked { " de " } else { " " };
        format!("{}{joint}{}", self.day_month(date), year(date))
    }

    /// `November 2025`, `noviembre de 2025`.
    pub fn month_year(&self, date: Date) -> String {
        let joint = if self.order == Order::Linked { " de " } else { " " };
        format!("{}{joint}{}", self.month(date), year(date))
    }

    /// `Monday 3 November`, `Montag, 3. November`.
    pub fn weekday_day_month(&self, date: Date) -> String {
        format!("{}{}", self.weekday_lead(date), self.day_month(date))
    }

    /// `Monday 3 November 2025`, `lunes, 3 de noviembre de 2025`.
    pub fn weekday_date(&self, date: Date) -> String {
        format!("{}{}", self.weekday_lead(date), self.date(date))
    }

    /// `Week 37, 2025`, `Semaine 37, 2025`.
    pub fn week(&self, number: i8, year: i16) -> String {
        format!("{} {number}, {year}", self.week)
    }

    /// The days `first` to `last` (not before `first`), the month named once when they share it:
    /// `8–14 September`, `8–14 septembre`, `8.–14. September`, `8–14 de septiembre`, and
    /// `29 September – 5 October` across months. Across a new year both years are named
    /// (`29 December 2025 – 4 January 2026`): week 1's title names one year, which is not
    /// the December days'.
    pub fn day_range(&self, first: Date, last: Date) -> String {
        if first == last {
            return self.day_month(first);
        }
        if first.year() != last.year() {
            return format!("{} – {}", self.date(first), self.date(last));
        }
        if (first.year(), first.month()) != (last.year(), last.month()) {
            return format!("{} – {}", self.day_month(first), self.day_month(last));
        }
        let days = format!("{}–{}", self.day_number(first.day()), self.day_number(last.day()));
        self.with_month(days, self.month(first))
    }

    /// `text` (a title that starts with a word of this calendar) as it is written inside a
    /// sentence: `semaine 37` after `Tous les articles :`, `week 37` after `All stories of`. A
    /// language that capitalises its month names (English, German) keeps the capitals of day and
    /// month names anywhere, and German those of every noun (`Woche`).
    pub fn in_running_text(&self, text: &str) -> String {
        let week = text.starts_with(self.week) && self.order != Order::German;
        let keeps_capitals = self.months[0].starts_with(char::is_uppercase) && !week;
        let mut chars = text.chars();
        match chars.next() {
            Some(first) if !keeps_capitals && first.is_uppercase() => {
                first.to_lowercase().chain(chars).collect()
            }
            _ => text.to_string(),
        }
    }

    fn weekday_lead(&self, date: Date) -> String {
        let comma = matches!(self.order, Order::German | Order::Linked);
        format!("{}{}", self.weekday(date), if comma { ", " } else { " " })
    }

    /// `format` as `strftime` reads it, with the month names (`%B`, and `%b` or `%h` as the
    /// language abbreviates them) and weekday names (`%A`) in this calendar's language, upper
    /// case with the `^` flag (`%^B`): for themes, through the `date` filter. `%a` stays English:
    /// each language shortens weekdays its own way (`So.`, `dim.`), not listed here yet.
    pub fn strftime(&self, date: &jiff::ZonedDateTime, format: &str) -> String {
        let mut local = String::with_capacity(format.len() + 16);
        let mut rest = format;
        while let Some(at) = rest.find('%') {
            local.push_str(&rest[..at]);
            let upper = rest[at + 1..].starts_with('^');
            let spec_at = at + 1 + usize::from(upper);
            let spec = rest[spec_at..].chars().next();
            let name = match spec {
                Some('B') => Some(self.month(date.date())),
                Some('b' | 'h') => Some(self.short_months[usize::from(date.month().unsigned_abs()) - 1]),
                Some('A') => Some(self.weekday(date.date())),
                _ => None,
            };
            match (name, spec) {
                // A name holds no `%`, so jiff copies it as it is.
                (Some(name), _) if upper => {
                    local.push_str(&name.to_uppercase());
                    rest = &rest[spec_at + 1..];
                }
                (Some(name), _) => {
                    local.push_str(name);
                    rest = &rest[spec_at + 1..];
                }
                (None, Some(other)) => {
                    local.push('%');
                    local.push(other);
                    rest = &rest[at + 1 + other.len_utf8()..];
                }
                (None, None) => {
                    local.push('%');
                    rest = "";
                }
            }
        }
        local.push_str(rest);
        date.strftime(&local).to_string()
    }
}

/// The year as `strftime`'s `%Y` writes it: four digits at least (`0999`), a sign before one
/// before year 0.
fn year(date: Date) -> String {
    match date.year() {
        year @ 0.. => format!("{year:04}"),
        _ => date.strftime("%Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn each_language_writes_dates_its_own_way() {
        let monday = day("2025-11-03");
        for (language, date, weekday_date, month_year) in [
            ("en", "3 November 2025", "Monday 3 November 2025", "November 2025"),
            ("fr-CA", "3 novembre 2025", "lundi 3 novembre 2025", "novembre 2025"),
            ("de", "3. November 2025", "Montag, 3. November 2025", "November 2025"),
            ("es", "3 de noviembre de 2025", "lunes, 3 de noviembre de 2025", "noviembre de 2025"),
            ("pt_BR", "3 de novembro de 2025", "segunda-feira, 3 de novembro de 2025", "novembro de 2025"),
            ("it", "3 novembre 2025", "lunedì 3 novembre 2025", "novembre 2025"),
            ("nl", "3 november 2025", "maandag 3 november 2025", "november 2025"),
            ("sv", "3 November 2025", "Monday 3 November 2025", "November 2025"),
        ] {
            let calendar = calendar(language);
            assert_eq!(calendar.date(monday), date, "{language}");
            assert_eq!(calendar.weekday_date(monday), weekday_date, "{language}");
            assert_eq!(calendar.month_year(monday), month_year, "{language}");
        }
        assert_eq!(calendar("fr").day_month(day("2025-11-01")), "1er novembre");
        assert_eq!(calendar("de").week(45, 2025), "Woche 45, 2025");
        assert_eq!(calendar("fr").in_running_text("Semaine 45, 2025"), "semaine 45, 2025");
        assert_eq!(calendar("nl").in_running_text("Week 45, 2025"), "week 45, 2025");
        assert_eq!(calendar("de").in_running_text("Woche 45, 2025"), "Woche 45, 2025");
        assert_eq!(calendar("en").in_running_text("Monday 3 November 2025"), "Monday 3 November 2025");
        assert_eq!(calendar("en").in_running_text("November 2025"), "November 2025");
        assert_eq!(
            calendar("en").in_running_text("Week 45, 2025 (3–9 November)"),
            "week 45, 2025 (3–9 November)"
        );
        assert_eq!(calendar("fr").in_running_text("2025"), "2025");
        assert_eq!(crate::text::capitalised(&calendar("fr").weekday_day_month(monday)), "Lundi 3 novembre");
    }

    #[test]
    fn a_range_of_days_names_a_shared_month_once() {
        let (first, last) = (day("2025-09-08"), day("2025-09-14"));
        for (language, range) in [
            ("en", "8–14 September"),
            ("fr", "8–14 septembre"),
            ("de", "8.–14. September"),
            ("es", "8–14 de septiembre"),
            ("pt", "8–14 de setembro"),
        ] {
            assert_eq!(calendar(language).day_range(first, last), range, "{language}");
        }
        assert_eq!(calendar("fr").day_range(day("2025-09-01"), day("2025-09-07")), "1er–7 septembre");
        assert_eq!(
            calendar("en").day_range(day("2025-09-29"), day("2025-10-05")),
            "29 September – 5 October"
        );
        assert_eq!(
            calendar("de").day_range(day("2025-12-29"), day("2026-01-04")),
            "29. Dezember 2025 – 4. Januar 2026"
        );
        assert_eq!(calendar("en").day_range(first, first), "8 September");
    }

    #[test]
    fn strftime_names_months_and_days_in_the_language() {
        let date = day("2025-08-03").to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap();
        assert_eq!(calendar("fr").strftime(&date, "%A %-d %B %Y"), "dimanche 3 août 2025");
        assert_eq!(calendar("fr").strftime(&date, "%-d %b"), "3 août");
        let september = day("2025-09-14").to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap();
        assert_eq!(calendar("fr").strftime(&september, "%-d %b"), "14 sept.");
        assert_eq!(calendar("pt").strftime(&september, "%-d %b"), "14 set.");
        assert_eq!(calendar("en").strftime(&september, "%-d %b"), "14 Sep");
        for (language, short) in [("de", "Sept."), ("es", "sept."), ("it", "set."), ("nl", "sep.")] {
            assert_eq!(
                calendar(language).strftime(&september, "%b|%h"),
                format!("{short}|{short}"),
                "{language}"
            );
        }
        assert_eq!(calendar("fr").strftime(&september, "%^b %^B %a"), "SEPT. SEPTEMBRE Sun");
        assert_eq!(calendar("de").strftime(&date, "%A, %d. %B %Y (%a)"), "Sonntag, 03. August 2025 (Sun)");
        assert_eq!(
            calendar("en").strftime(&date, "%B %Y, 100%% %j"),
            date.strftime("%B %Y, 100%% %j").to_string()
        );
        assert_eq!(calendar("en").strftime(&date, "ends in %"), date.strftime("ends in %").to_string());
    }
}
