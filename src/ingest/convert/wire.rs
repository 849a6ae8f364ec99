//! Wire copy's own conventions: the take's mark on a headline (`UPDATE 2-`), the note to
//! editors under it, and an agency's notices and sign-offs, none of which is the story.

use super::language::has_at_most_words;
use crate::text::strip_prefix_ignore_case;

/// An agency's notice printed with its copy, not part of the story: `Copyright 2025 The
/// Associated Press. All rights reserved. This material may not be published…`, AP's `THIS IS A
/// BREAKING NEWS UPDATE. Check back soon…` and `APNewsAlert`, Reuters' `Our Standards: The
/// Thomson Reuters Trust Principles.`, and the database pointers under its briefs (`Source text
/// for Eikon: [ID:nRSA1234Xa]`, `Further company coverage: [SEH.L]`).
pub(super) fn is_agency_notice(line: &str) -> bool {
    let starts = |prefix: &str| strip_prefix_ignore_case(line, prefix).is_some();
    let copyright = strip_prefix_ignore_case(line, "copyright ").is_some_and(|rest| {
        let year = rest
            .trim_start_matches(['©', ' '])
            .get(..4)
            .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
        (year || rest.to_lowercase().contains("all rights reserved")) && has_at_most_words(line, 40)
    });
    copyright
        || (line.starts_with("THIS IS A BREAKING NEWS UPDATE") && has_at_most_words(line, 40))
        || line == "APNewsAlert"
        || line == "AP NewsAlert"
        || (starts("our standards:") && has_at_most_words(line, 10))
        || (starts("source text for eikon") && has_at_most_words(line, 12))
        || (starts("further company coverage") && has_at_most_words(line, 12))
}

/// A wire headline without the marks agencies set before it for their clients' editors: the
/// take (`UPDATE 2-`, `REFILE-`, `RPT-`, `CORRECTED-`, dpa's `Berichtigung:`), the priority
/// (`BREAKING:`, `URGENT`, `FLASH`) and `BRIEF-`; a story's kind (`ANALYSIS-`, `EXCLUSIVE-`,
/// `FACTBOX-`) as the agency's own site prints it (`Analysis: `). Every take of a story then has
/// one headline (its URL still comes from its file's name, as any article's does), and `UPDATE`
/// is no topic.
pub(super) fn without_wire_marks(headline: &str) -> String {
    const MARKS: &[&str] = &[
        "CORRECTED-",
        "CORRECTED ",
        "REFILE-",
        "RPT-",
        "REPEAT-",
        "BRIEF-",
        "UPDATE-",
        "WRAPUP-",
        "BREAKING NEWS:",
        "BREAKING:",
        "URGENT:",
        "URGENT ",
        "FLASH:",
        "FLASH ",
        "ALERT:",
        "Berichtigung:",
        "BERICHTIGUNG:",
        "Eilmeldung:",
        "EILMELDUNG:",
    ];
    const KINDS: &[(&str, &str)] = &[
        ("ANALYSIS-", "Analysis"),
        ("EXCLUSIVE-", "Exclusive"),
        ("FACTBOX-", "Factbox"),
        ("EXPLAINER-", "Explainer"),
        ("INSIGHT-", "Insight"),
        ("INTERVIEW-", "Interview"),
        ("FEATURE-", "Feature"),
        ("COLUMN-", "Column"),
        ("TIMELINE-", "Timeline"),
        ("SPECIAL REPORT-", "Special report"),
    ];
    // Whether the word after a mark has a letter in lower case.
    let in_normal_case =
        |text: &str| text.split_whitespace().next().is_some_and(|word| word.chars().any(char::is_lowercase));
    let mut rest = headline;
    loop {
        // `UPDATE 3-`, `WRAPUP 1-`.
        let numbered = ["UPDATE ", "WRAPUP "].iter().find_map(|mark| {
            let after = rest.strip_prefix(mark)?;
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0).then(|| after[digits..].strip_prefix('-')).flatten()
        });
        // A mark that is also the start of a word (`FLASH FLOODS`, `REPEAT-OFFENDER`) is one only
        // before a word in normal case: `URGENT Kenya's top court…`, not `FLASH FLOODS KILL 12`.
        let marked = MARKS.iter().find_map(|mark| {
            let after = rest.strip_prefix(mark)?;
            let ambiguous = mark.ends_with(' ') || *mark == "REPEAT-";
            (!ambiguous || in_normal_case(after)).then_some(after)
        });
        match numbered.or(marked) {
            Some(after) if !after.trim().is_empty() => rest = after.trim_start(),
            _ => break,
        }
    }
    // A story's kind likewise (`FEATURE-LENGTH FILM WINS` is a headline's own word).
    let kind = KINDS.iter().find_map(|(mark, kind)| Some((rest.strip_prefix(mark)?, kind)));
    match kind {
        Some((after, kind)) if in_normal_case(after) => format!("{kind}: {}", after.trim_start()),
        _ => rest.to_string(),
    }
}

/// What a wire service's note on a new take of a story says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WireNote {
    /// `(Adds company comment, paragraphs 5-6)`, `(Refiles to fix typo in paragraph 2)`: what
    /// changed since the last take, for the editors who ran it; no reader's business.
    Change,
    /// `(Corrects revenue figure in paragraph 3 …)`, `(Berichtigung: …)`: what was wrong, which
    /// a reader of the story is owed, so it stays in the text.
    Correction,
}

/// The note a wire take carries in parentheses on a line of its own under its headline
/// (Reuters', dpa's, AFP's), or AP's `Eds:` line; `None` for any other aside.
pub(super) fn wire_note(line: &str) -> Option<WireNote> {
    const CHANGES: &[&str] = &[
        "adds",
        "updates",
        "refiles",
        "repeats",
        "recasts",
        "rewrites",
        "changes",
        "releads",
        "inserts",
        "removes",
        "fixes",
        "neu",
        "aktualisiert",
        "ergänzt",
        "wiederholung",
    ];
    const CORRECTIONS: &[&str] =
        &["corrects", "correction", "corrected", "berichtigung", "korrektur", "rectificatif"];
    if line.starts_with("Eds:") || line.starts_with("EDS:") {
        return Some(WireNote::Change);
    }
    let inner = line.strip_prefix('(')?.strip_suffix(')')?;
    if !has_at_most_words(inner, 40) {
        return None;
    }
    let mut words = inner.split(|c: char| !c.is_alphabetic()).filter(|word| !word.is_empty());
    let first = words.next()?.to_lowercase();
    let second = words.next().unwrap_or("").to_lowercase();
    // `(Writes through …)`, `(New throughout …)`, but not `(New York)`.
    let two_words = (first == "writes" && second == "through") || (first == "new" && second == "throughout");
    if CORRECTIONS.contains(&first.as_str()) {
        Some(WireNote::Correction)
    } else if two_words || CHANGES.contains(&first.as_str()) {
        Some(WireNote::Change)
    } else {
        None
    }
}

/// The line of editors' and operators' initials that closes an agency's copy: AFP's
/// `ml/jh/rox`, `bur-wk/jj`, dpa's `dpa ak yyzz n1 rs`. Asked of the last paragraph only.
pub(super) fn is_agency_sign_off(line: &str) -> bool {
    // Words written with a slash, which a paragraph may be alone.
    const WORDS: &[&str] = &["and/or", "he/him", "she/her", "they/them", "his/her", "yes/no", "on/off"];
    let initials = |word: &str| {
        (2..=30).contains(&word.len())
            && !WORDS.contains(&word)
            && word.contains('/')
            && !word.starts_with('/')
            && !word.ends_with('/')
            && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'/' || b == b'-')
    };
    let dpa_codes = line.strip_prefix("dpa ").is_some_and(|codes| {
        let codes: Vec<&str> = codes.split_whitespace().collect();
        (2..=6).contains(&codes.len())
            && codes.iter().all(|code| {
                code.len() <= 4 && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
    });
    initials(line) || dpa_codes
}
