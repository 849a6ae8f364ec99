//! Layout: what each paragraph of an article is (headline, byline, caption, furniture, body),
//! decided once over the whole page, and the metadata those roles give.

use super::body::{is_media_link, is_section_break, render_embed, render_paragraph, start_block};
use super::byline::{
    Byline, TAGLINE_WINDOW, is_affiliation, is_generic_writer, is_known_agency, is_masthead_name,
    is_place_or_label, name_over_outlet, named_in_story, names_in_place, parse_byline, publisher_name,
    tagline_names, writer_name,
};
use super::clip_header::ClipHeader;
use super::credits::{
    caption_with_label, ends_as_sentence, gallery_caption, is_bare_name, is_gallery_headline, parse_credit,
    split_captioned_credit, split_labelled_caption,
};
use super::dateline::{is_titled_place, parse_dateline};
use super::dates::{
    ClockTime, PublicationStamp, UpdatedAt, parse_full_date, publication_stamp, update_after_stamp,
    update_then_published, updated_date,
};
use super::embeds::{Signature, parse_signature};
use super::furniture::{
    LINK_LABEL, is_cookie_notice, is_dayless_stamp, is_image_marker, is_kicker, is_list_of_links,
    is_lone_dateline, is_network_name, is_newsletter_masthead, is_page_button, is_page_leftover,
    is_row_button, is_timestamp_line, link_labels, without_link_labels,
};
use super::headline::{
    HEADER_WINDOW, STAMP_WINDOW, is_contact_line, is_credits_line, is_news_section, is_page_label,
    is_section_label, looks_like_headline, looks_like_headline_line, para_date,
};
use super::language::{count_words, guess_language, has_at_most_words};
use super::paragraphs::Para;
use super::publishers::{
    outlet_in_credit, outlet_in_source_line, outlet_named, publisher_in_copyright, publisher_of_url,
};
use super::summary::{SUMMARY_WORDS, infer_title, normalise_space, summarise};
use super::wire::{WireNote, is_agency_sign_off, wire_note, without_wire_marks};
use super::{Converted, DateEvidence, DateHint, Dateline, Image};
use crate::text::strip_prefix_ignore_case;

/// `in Beijing`: where writers filed from, on a line of its own under their names.
fn is_in_place(line: &str) -> bool {
    line.strip_prefix("in ").is_some_and(is_titled_place)
}

/// What a paragraph turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    Title,
    Byline,
    Dropped,
    Image,
    Embed,
}

/// The paragraphs `first..=last` form one embedded post closed by `signature`.
#[derive(Debug)]
struct EmbedSpan {
    first: usize,
    last: usize,
    signature: Signature,
}

/// The decisions about an article's paragraphs, made once and then used for both metadata and
/// rendering.
#[derive(Debug)]
pub(super) struct Layout {
    roles: Vec<Role>,
    embeds: Vec<EmbedSpan>,
    images: Vec<(usize, Image)>,
    photo_publisher: Option<String>,
    /// The outlet a `Source: Al Jazeera` line named; the line is dropped.
    source_line: Option<&'static str>,
    /// Page furniture cut from lines that stay (a gallery caption's `Item 1 of 2`), reported
    /// with the dropped lines.
    leftover_pieces: Vec<String>,
    /// The link labels taken out of the body ([`Layout::link_labels_read_out`]), counted once
    /// the roles are settled.
    link_labels_read_out: usize,
    byline: Option<Byline>,
    updated: Option<UpdatedAt>,
    /// (year, month, day) of a date line near the top, or of a publication stamp.
    stamp: Option<(i16, i8, i8)>,
    /// The time of day and zone the publication stamp gave with its date.
    stamp_time: Option<ClockTime>,
    /// The publication's part of an update line (`Updated: November 4, 2026 | Published:
    /// November 3, 2026`): the story's date where no date line nor other stamp gives one.
    published_beside_update: Option<PublicationStamp>,
    lede: Option<usize>,
    dateline: Option<(Dateline, usize)>,
    pub(super) clip: Option<ClipHeader>,
}

impl Layout {
    pub(super) fn analyse(paras: &[Para<'_>]) -> Self {
        let mut layout = Layout {
            roles: vec![Role::Body; paras.len()],
            embeds: Vec::new(),
            images: Vec::new(),
            photo_publisher: None,
            source_line: None,
            leftover_pieces: Vec::new(),
            link_labels_read_out: 0,
            byline: None,
            updated: None,
            stamp: None,
            stamp_time: None,
            published_beside_update: None,
            lede: None,
            dateline: None,
            clip: None,
        };
        layout.mark_leftovers(paras);
        layout.mark_embeds(paras);
        layout.mark_images(paras);
        layout.mark_title(paras);
        layout.mark_header_lines(paras);
        layout.mark_date_stamp(paras);
        layout.find_lede(paras);
        layout.link_labels_read_out = layout.link_labels_read_out(paras);
        layout
    }

    /// The end (exclusive) of the page's first `window` paragraphs, not counting those already
    /// set aside as page leftovers or photos, nor date lines, and a byline's lines as one: a page copied from a browser puts a
    /// dozen buttons, labels and adverts (`Skip to content`, `Share full article`, `Save`) among
    /// its header's lines, which would otherwise push the byline and the date out of reach.
    fn window_end(&self, paras: &[Para<'_>], window: usize) -> usize {
        let mut counted = 0;
        // A byline copied as a stack of lines (`Kathy Lee` / `and` / `Wendy Zhao`) counts once.
        let mut byline_counted = false;
        for (i, role) in self.roles.iter().enumerate() {
            if *role == Role::Byline && std::mem::replace(&mut byline_counted, true) {
                continue;
            }
            if !matches!(role, Role::Dropped | Role::Image) && para_date(&paras[i]).is_none() {
                if counted == window {
                    return i;
                }
                counted += 1;
            }
        }
        self.roles.len()
    }

    /// Whether paragraph `k` is (so far) a paragraph of the story's text: prose ending a sentence.
    fn is_text(&self, paras: &[Para<'_>], k: usize) -> bool {
        self.roles[k] == Role::Body && paras[k].is_prose() && ends_as_sentence(paras[k].first_line())
    }

    /// The last paragraph before `i` that is not set aside as page leftovers or a photo.
    fn previous_kept(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&k| !matches!(self.roles[k], Role::Dropped | Role::Image))
    }

    /// The first paragraph after `i` that is not set aside as page leftovers or a photo.
    fn next_kept(&self, i: usize) -> Option<usize> {
        (i + 1..self.roles.len()).find(|&k| !matches!(self.roles[k], Role::Dropped | Role::Image))
    }

    /// Drops paragraphs that are page leftovers line by line (`Advertisement` over `Story
    /// continues below advertisement`, pasted as one paragraph) and lists of links to other
    /// stories under their heading (`Read more:`, `Topics`, `Mehr zum Thema:`).
    fn mark_leftovers(&mut self, paras: &[Para<'_>]) {
        self.mark_page_leftovers(paras);
        // Buttons whose words a story may print alone too (an audio player's `Playlist`,
        // `Transcript`; the text size's `AA`): dropped only in a run of three or more, or beside
        // other leftovers.
        let button = |i: usize| paras[i].single_line().is_some_and(is_page_button);
        // Under `Available formats:` such words are a list's items.
        let under_intro =
            |i: usize| i > 0 && paras[i - 1].lines.last().is_some_and(|line| line.ends_with(':'));
        for i in 0..paras.len().saturating_sub(2) {
            if !under_intro(i) && (i..i + 3).all(|k| self.roles[k] == Role::Body && button(k)) {
                self.roles[i..i + 3].fill(Role::Dropped);
            }
        }
        loop {
            let dropped = |i: Option<usize>| i.is_some_and(|i| self.roles.get(i) == Some(&Role::Dropped));
            let beside_leftover = |i: usize| dropped(i.checked_sub(1)) || dropped(Some(i + 1));
            let row = |i: Option<usize>| {
                i.is_some_and(|i| {
                    self.roles.get(i) == Some(&Role::Body)
                        && paras[i].single_line().is_some_and(is_row_button)
                })
            };
            // In a row of leftovers and such buttons (Medium's `Open in app` / `Sign up` / `Sign
            // in` / `Write`), not in a story's list of steps.
            let among_leftovers = |i: usize| {
                let (left, right) = (dropped(i.checked_sub(1)), dropped(Some(i + 1)));
                // Under two leftovers (the Times' `Advertisement` / `SKIP ADVERTISEMENT`) and over
                // a paragraph of text, it is the text's subhead.
                let over_text = paras.get(i + 1).is_some_and(Para::is_prose);
                (left && (right || row(Some(i + 1)) || (dropped(i.checked_sub(2)) && !over_text)))
                    || (right && row(i.checked_sub(1)))
            };
            let Some(next) = (0..paras.len()).find(|&i| {
                self.roles[i] == Role::Body
                    && paras[i].single_line().is_some_and(|line| {
                        (is_page_button(line) && beside_leftover(i))
                            || (is_row_button(line) && among_leftovers(i))
                    })
            }) else {
                break;
            };
            self.roles[next] = Role::Dropped;
        }
    }

    fn mark_page_leftovers(&mut self, paras: &[Para<'_>]) {
        let count = paras.len();
        for (i, (role, para)) in self.roles.iter_mut().zip(paras).enumerate() {
            // A site's cookie notice is copied from the top or the bottom of its page.
            let at_an_end = i < 3 || i + 3 >= count;
            // Lines that are each a network's name alone (`Facebook` / `WhatsApp` / `Telegram`)
            // are as likely a story's list as a column of buttons: kept.
            let only_names = para.lines.len() > 1 && para.lines.iter().all(|line| is_network_name(line));
            // A take's note to editors sits under the headline; an agency's sign-off closes the
            // copy.
            let change_note =
                i < HEADER_WINDOW && para.single_line().and_then(wire_note) == Some(WireNote::Change);
            let sign_off = i + 1 == count && i > 0 && para.single_line().is_some_and(is_agency_sign_off);
            if (para.lines.iter().all(|line| is_page_leftover(line)) && !only_names)
                || is_list_of_links(&para.lines)
                || (at_an_end && is_cookie_notice(para))
                || change_note
                || sign_off
            {
                *role = Role::Dropped;
            }
        }
    }

    fn mark_embeds(&mut self, paras: &[Para<'_>]) {
        for (i, para) in paras.iter().enumerate() {
            let Some(last_line) = para.lines.last() else {
                continue;
            };
            let Some(signature) = parse_signature(last_line) else {
                continue;
            };
            if self.roles[i] != Role::Body {
                continue;
            }
            let own_text = para.char_len().saturating_sub(last_line.chars().count())
                + last_line[..signature.start].chars().count();
            // Only a paragraph that is the signature alone (or with the post's media link) takes
            // the one before it as the post's text: a post written above its signature, in the
            // same paragraph, is already whole.
            let before = &para.lines[..para.lines.len() - 1];
            let bare = last_line[..signature.start].trim().is_empty()
                && before.iter().all(|line| is_media_link(line));
            let first = self.embed_start(paras, i, own_text, bare);
            for role in &mut self.roles[first..=i] {
                *role = Role::Embed;
            }
            self.embeds.push(EmbedSpan { first, last: i, signature });
        }
    }

    /// Walks back from a signature paragraph over the paragraphs that belong to the same post:
    /// the one right before a bare signature, then any reached only across doubled blank lines
    /// (where the page showed the post's media), while the text stays post-sized.
    fn embed_start(&self, paras: &[Para<'_>], sig: usize, own_text: usize, bare: bool) -> usize {
        const POST_TEXT_LIMIT: usize = 560;
        let mut first = sig;
        let mut text = own_text;
        let mut take_previous = bare;
        while first > 0 {
            let prev = first - 1;
            let joins = take_previous || paras[first].gap_before >= 2;
            let fits = text + paras[prev].char_len() <= POST_TEXT_LIMIT;
            let free = self.roles[prev] == Role::Body
                && paras[prev].lines.last().is_none_or(|l| parse_signature(l).is_none());
            if !(joins && fits && free) {
                break;
            }
            text += paras[prev].char_len();
            first = prev;
            take_previous = false;
        }
        first
    }

    fn mark_images(&mut self, paras: &[Para<'_>]) {
        let mut at_top = true;
        for i in 0..paras.len() {
            if self.roles[i] != Role::Body {
                continue;
            }
            match self.image_at(paras, i, at_top) {
                Some(image) => self.images.push((i, image)),
                None => at_top = false,
            }
        }
        self.images.sort_by_key(|(i, _)| *i);
    }

    /// Recognises the image material that paragraph `i` carries, marking the paragraphs it uses.
    fn image_at(&mut self, paras: &[Para<'_>], i: usize, at_top: bool) -> Option<Image> {
        let para = &paras[i];
        // `Photos: Australia's spring heatwave breaks records` over the text: a gallery's
        // headline, whose label reads as a credit's.
        if i == 0
            && para.single_line().is_some_and(is_gallery_headline)
            && paras.get(1).is_some_and(Para::is_prose)
        {
            return None;
        }
        if let Some(line) = para.single_line() {
            // `Source: Al Jazeera` closing a story names its outlet, not a photo's; over more text
            // it is a chart's.
            if let Some(outlet) = outlet_in_source_line(line)
                && !paras[i + 1..].iter().any(|para| para.is_prose() && ends_as_sentence(para.first_line()))
            {
                self.roles[i] = Role::Dropped;
                self.source_line.get_or_insert(outlet);
                return None;
            }
            if let Some((image, furniture)) = gallery_caption(line) {
                self.roles[i] = Role::Image;
                self.leftover_pieces.extend(furniture.into_iter().map(str::to_string));
                return Some(image);
            }
            if let Some(credit) = parse_credit(line) {
                if let Some(publisher) = credit.publisher {
                    self.photo_publisher.get_or_insert(publisher);
                }
                self.roles[i] = Role::Image;
                if let Some((caption, credit)) = split_labelled_caption(line) {
                    return Some(Image {
                        caption: Some(caption.to_string()),
                        credit: Some(credit.to_string()),
                    });
                }
                let caption = self.caption_before(paras, i).or_else(|| self.caption_after(paras, i));
                return Some(Image { caption, credit: Some(line.to_string()) });
            }
            if self.follows_image_marker(paras, i) && is_bare_name(line) {
                self.roles[i] = Role::Image;
                return Some(Image { caption: None, credit: Some(line.to_string()) });
            }
            let image = split_captioned_credit(line, at_top || para.gap_before >= 2)
                .or_else(|| caption_with_label(line));
            if image.is_some() {
                self.roles[i] = Role::Image;
            }
            return image;
        }
        self.caption_paragraph_with_credit_line(para, i)
    }

    /// A short multi-line paragraph whose last line is a credit: caption lines, then credit.
    fn caption_paragraph_with_credit_line(&mut self, para: &Para<'_>, i: usize) -> Option<Image> {
        let (credit, caption_lines) = para.lines.split_last()?;
        if para.lines.len() > 3 || parse_credit(credit).is_none() {
            return None;
        }
        self.roles[i] = Role::Image;
        Some(Image { caption: Some(caption_lines.join(" ")), credit: Some(credit.to_string()) })
    }

    /// The paragraph before a credit is its caption when the page set it apart: it follows a
    /// removed image (a doubled blank line or an `Image`/`Photo` marker) and sits right above
    /// the credit.
    fn caption_before(&mut self, paras: &[Para<'_>], credit: usize) -> Option<String> {
        let c = credit.checked_sub(1)?;
        // Or CNN's dateline stands on its own under the credit (`Washington CNN —`): its story
        // starts there, so the paragraph over the credit is the photo's. (Another paper's lede
        // may stand over a photo and a dateline of its own.)
        let before_story = paras.get(credit + 1).and_then(Para::single_line).is_some_and(|line| {
            is_lone_dateline(line) && line.trim_end_matches(['—', '–', '-', ' ']).ends_with(" CNN")
        });
        let set_apart = paras[c].gap_before >= 2 || self.follows_image_marker(paras, c) || before_story;
        let candidate = self.roles[c] == Role::Body
            && c > 0
            && set_apart
            && paras[credit].gap_before == 1
            && paras[c].word_count() <= 80
            && paras[c].single_line().is_some_and(|l| parse_credit(l).is_none());
        if !candidate {
            return None;
        }
        self.roles[c] = Role::Image;
        Some(paras[c].joined())
    }

    /// The BBC prints a photo's credit over its caption (`Getty Images` over `Campaigners
    /// gathered outside the civic centre`): at the top of the page, before any text, a line under
    /// the credit that ends no sentence, over the story's first paragraph, is the caption.
    fn caption_after(&mut self, paras: &[Para<'_>], credit: usize) -> Option<String> {
        let c = credit + 1;
        let line = paras.get(c)?.single_line()?;
        // The cheap tests first: this is asked at every credit of an article.
        let shaped = self.roles[c] == Role::Body
            && !has_at_most_words(line, 3)
            && has_at_most_words(line, 40)
            && !ends_as_sentence(line)
            && paras.get(c + 1).is_some_and(Para::is_prose);
        // No paragraph of text above it (the headline, not yet told apart, ends no sentence).
        let above_text = || (0..credit).all(|k| !self.is_text(paras, k));
        // And the header's other lines over the credit (a date, a byline or a writer's name):
        // a credit over the headline, or under it over a standfirst, has no caption after it.
        let header_above = || {
            (1..credit).any(|k| {
                paras[k].single_line().is_some_and(|line| is_bare_name(line) || parse_byline(line).is_some())
                    || para_date(&paras[k]).is_some()
            })
        };
        let candidate = shaped
            && above_text()
            && header_above()
            && parse_credit(line).is_none()
            && parse_byline(line).is_none();
        if !candidate {
            return None;
        }
        self.roles[c] = Role::Image;
        Some(line.to_string())
    }

    fn follows_image_marker(&self, paras: &[Para<'_>], i: usize) -> bool {
        i.checked_sub(1).is_some_and(|p| {
            self.roles[p] == Role::Dropped && paras[p].single_line().is_some_and(is_image_marker)
        })
    }

    /// The headline: the first paragraph, or the first after page leftovers ("Advertisement")
    /// and a section label ("EXCLUSIVE", "Analysis"), which is then dropped as a leftover too.
    fn mark_title(&mut self, paras: &[Para<'_>]) {
        let mut at = 0;
        let mut labels = Vec::new();
        let end = self.window_end(paras, HEADER_WINDOW);
        while at < end {
            match self.roles[at] {
                // Page leftovers, and a photo's caption and credit printed over the headline.
                Role::Dropped | Role::Image => at += 1,
                // A newsletter's masthead line (`From the Carbon Brief Daily Briefing, 16
                // November 2026`) over the story it carries.
                Role::Body if paras[at].single_line().is_some_and(is_newsletter_masthead) => {
                    self.roles[at] = Role::Dropped;
                    at += 1;
                }
                // A publication's name over its `Subscribe` button, printed again over the
                // headline (Substack's `The Harbour Ledger`): the masthead, twice.
                Role::Body if let Some(again) = self.repeated_masthead(paras, at, end) => {
                    self.roles[at] = Role::Dropped;
                    self.roles[again] = Role::Dropped;
                    at += 1;
                }
                // A date over the headline is the page's date line (read by `mark_date_stamp`),
                // never the headline itself.
                Role::Body if para_date(&paras[at]).is_some() => at += 1,
                Role::Body if labels.len() < 3 && paras[at].single_line().is_some_and(is_section_label) => {
                    labels.push(at);
                    at += 1;
                }
                // A site's own section names over the headline (`CONGRESS`, `News|Environment`,
                // `Économie` over `Transports`), where a longer headline follows.
                Role::Body
                    if labels.len() < 3
                        && paras[at].single_line().is_some_and(|line| {
                            is_page_label(line) || (!labels.is_empty() && is_news_section(line))
                        })
                        && self.next_kept(at).is_some_and(|next| {
                            paras[next].single_line().is_some_and(|line| {
                                is_page_label(line)
                                    || is_news_section(line)
                                    || is_section_label(line)
                                    || (looks_like_headline_line(line)
                                        && !has_at_most_words(line, 4)
                                        && strip_prefix_ignore_case(line, "by ").is_none())
                            })
                        }) =>
                {
                    labels.push(at);
                    at += 1;
                }
                _ => break,
            }
        }
        // What follows the headline is the first paragraph kept: a take's note to editors
        // (`(Adds company comment, paragraphs 5-6)`) or page leftovers say nothing of it.
        // The headline printed again (Substack's, under its buttons) says nothing of it either.
        let next = (at + 1..paras.len())
            .find(|&i| self.roles[i] != Role::Dropped && paras[i].lines != paras[at].lines)
            .map(|i| &paras[i]);
        if at < paras.len() && self.roles[at] == Role::Body && looks_like_headline(&paras[at], next) {
            self.roles[at] = Role::Title;
            for label in labels {
                self.roles[label] = Role::Dropped;
            }
        }
    }

    /// Where paragraph `at`, the page's first line, is printed again before `end`, when it stands
    /// over a `Subscribe` or `Sign in` button: a publication's masthead (a headline has no button
    /// under it).
    fn repeated_masthead(&self, paras: &[Para<'_>], at: usize, end: usize) -> Option<usize> {
        let line = paras[at].single_line()?;
        let first = (0..at).all(|k| self.roles[k] == Role::Dropped);
        let button = paras.get(at + 1).and_then(Para::single_line).is_some_and(|next| {
            ["subscribe", "sign in", "log in"].iter().any(|word| next.eq_ignore_ascii_case(word))
        });
        if !first || !button || !has_at_most_words(line, 6) {
            return None;
        }
        // Printed again right over the headline, which differs from it: a headline printed
        // twice (a sticky header's) has the story's text under its second copy.
        let again = (at + 2..end).find(|&k| paras[k].single_line() == Some(line))?;
        let headline_after = self
            .next_kept(again)
            .and_then(|n| paras[n].single_line())
            .is_some_and(|next| next != line && looks_like_headline_line(next));
        headline_after.then_some(again)
    }

    /// A byline copied as a stack of lines, a writer's name on each with `and` between (the Post's
    /// `By Rachel Whitford` / `and` / `Dev Anand`; the SCMP's `Kathy Lee` / `and` / `Wendy Zhao`,
    /// once its `+ FOLLOW` buttons are dropped), and the paragraphs of `and` and the second name.
    fn stacked_byline(&self, paras: &[Para<'_>], i: usize, line: &str) -> Option<(Byline, usize, usize)> {
        // Only where a byline stands: under the headline or its standfirst, not under a line that
        // introduces the names (`The following residents were honoured:`, `Who went up the hill?`).
        let above = self.previous_kept(i)?;
        let under_headline = self.roles[above] == Role::Title
            || self.previous_kept(above).is_some_and(|title| self.roles[title] == Role::Title);
        if !under_headline || paras[above].first_line().ends_with([':', '?']) {
            return None;
        }
        let and_at = self.next_kept(i)?;
        if !paras[and_at]
            .single_line()
            .is_some_and(|and| matches!(and, "and" | "&" | "und" | "et" | "y" | "e"))
        {
            return None;
        }
        let second_at = self.next_kept(and_at)?;
        let second =
            paras[second_at].single_line().filter(|name| is_bare_name(name) && !is_known_agency(name))?;
        // A sentence going on under the names (`are selling their home`) makes them its subject;
        // `in Beijing` is where they wrote from.
        if self.next_kept(second_at).is_some_and(|after| {
            let after = paras[after].first_line();
            after.starts_with(char::is_lowercase) && !is_in_place(after)
        }) {
            return None;
        }
        let joined = if let Some(byline) = parse_byline(line) {
            if byline.authors.len() != 1 || byline.agency.is_some() {
                return None;
            }
            format!("{line} and {second}")
        } else if is_bare_name(line) {
            format!("By {line} and {second}")
        } else {
            return None;
        };
        let mut byline = parse_byline(&joined)?;
        byline.line = format!("{line}\n{}\n{second}", paras[and_at].first_line());
        Some((byline, and_at, second_at))
    }

    /// Paragraph `at` as a byline of [`names_in_place`]'s shape, where the Guardian prints one:
    /// between the standfirst (a paragraph of text under the headline) and the lede, naming no
    /// one the story goes on to name. A caption or a series label under the headline (`Joe
    /// Biden and Xi Jinping in Beijing`, `Record Heat in Phoenix`) has no standfirst over it, and
    /// a caption's people are the story's; writers are seldom named in their own story.
    fn writers_in_place(&self, paras: &[Para<'_>], at: usize) -> Option<Byline> {
        let standfirst = at.checked_sub(1).is_some_and(|before| {
            self.roles[before] == Role::Body
                && paras[before].single_line().is_some_and(|line| !has_at_most_words(line, 5))
        });
        if !standfirst || !paras.get(at + 1).is_some_and(Para::is_prose) {
            return None;
        }
        let byline = names_in_place(paras[at].single_line()?)?;
        // As a word of its own (`Wood` is not in `Woodward`); a surname of three letters or fewer
        // (`Lu`, `Kim`) is in too many other words and names to tell anything.
        let named_after = byline.authors.iter().any(|name| {
            let surname = name.rsplit(' ').next().unwrap_or(name);
            surname.chars().count() >= 4
                && paras[at + 1..]
                    .iter()
                    .flat_map(|para| &para.lines)
                    .any(|line| crate::text::contains_words(line, surname))
        });
        (!named_after).then_some(byline)
    }

    /// Paragraph `at` is a writer's name alone beside a line of the page's date (a date, or a
    /// publication stamp), as pages print a byline without `By`. Not a place or a label
    /// ([`is_place_or_label`]), a paper's name, or a name the story goes on to use (an obituary's
    /// `John Smith`, an event's speaker, a profile's subject): writers are seldom named in their
    /// own story.
    fn is_bare_byline(&self, paras: &[Para<'_>], at: usize) -> bool {
        let is_date_line = |n: usize| {
            para_date(&paras[n]).is_some()
                || paras[n].single_line().is_some_and(|l| publication_stamp(l).is_some())
        };
        let Some(line) = paras[at].single_line() else { return false };
        is_bare_name(line)
            && !is_known_agency(line)
            && !is_masthead_name(line)
            && !is_place_or_label(line)
            && [self.previous_kept(at), self.next_kept(at)].into_iter().flatten().any(is_date_line)
            && !named_in_story(
                line,
                paras[at + 1..].iter().filter(|para| para.is_prose()).map(Para::first_line),
            )
    }

    /// The lines between the headline and the lede: a byline and kickers, and a standfirst
    /// before the byline (left in the body).
    fn mark_header_lines(&mut self, paras: &[Para<'_>]) {
        for (i, para) in paras.iter().enumerate() {
            // Asked again at each paragraph: a line set aside here (`Reporting from Sacramento`)
            // takes no place in the header.
            if i >= self.window_end(paras, HEADER_WINDOW) {
                break;
            }
            if self.roles[i] != Role::Body {
                continue;
            }
            let Some(line) = para.single_line() else {
                break;
            };
            let title = self.roles[..i].iter().position(|role| *role == Role::Title);
            let under_headline = title.is_some();
            // The headline printed again under the page's buttons (Substack's, over its
            // standfirst): one headline.
            if title.is_some_and(|t| paras[t].single_line() == Some(line)) {
                self.roles[i] = Role::Dropped;
                continue;
            }
            if self.byline.is_none()
                && let Some((byline, and_at, second_at)) = self.stacked_byline(paras, i, line)
            {
                self.byline = Some(byline);
                for at in [i, and_at, second_at] {
                    self.roles[at] = Role::Byline;
                }
                continue;
            }
            if self.byline.is_none()
                && let Some(byline) = parse_byline(line)
                    .or_else(|| under_headline.then(|| self.writers_in_place(paras, i)).flatten())
            {
                self.byline = Some(byline);
                self.roles[i] = Role::Byline;
                continue;
            }
            // The BBC's byline: a name alone over the outlet and where the writer is (`Priya
            // Natarajan` over `BBC News, Kent`).
            if self.byline.is_none()
                && let Some(next) = self.next_kept(i)
                && let Some(outlet_line) = paras[next].single_line()
                && let Some(byline) = name_over_outlet(line, outlet_line)
            {
                self.byline = Some(byline);
                self.roles[i] = Role::Byline;
                self.roles[next] = Role::Byline;
                continue;
            }
            // A writer's name alone over or under the page's date, printed without `By` (El
            // País' `Lucía Montalbán` over `Madrid - 04 mar 2025 - 13:42 CET`, Substack's over
            // `Mar 04, 2025`, NPR's under its stamp): the byline. Under the headline only: over
            // it, a name is a topic's label.
            if self.byline.is_none()
                && under_headline
                && self.is_bare_byline(paras, i)
                && let Some(byline) = parse_byline(&format!("By {line}"))
            {
                self.byline = Some(Byline { line: line.to_string(), ..byline });
                self.roles[i] = Role::Byline;
                continue;
            }
            // `WASHINGTON, Nov 19 —` on a line of its own: the lede's dateline, read with it.
            if is_lone_dateline(line) {
                continue;
            }
            if is_kicker(line) {
                self.roles[i] = Role::Dropped;
                continue;
            }
            // `Staff reporter` alone where a byline goes: the paper's, no one's name.
            if self.byline.is_none() && has_at_most_words(line, 4) && is_generic_writer(line) {
                self.roles[i] = Role::Dropped;
                continue;
            }
            // The New York Times' `Reporting from Sacramento` under the byline: where the writers
            // were, the byline's, reported with it.
            let under_byline = self.previous_kept(i).is_some_and(|k| self.roles[k] == Role::Byline);
            // The SCMP's `in Beijing` under its writers' names, likewise.
            if under_byline
                && (is_in_place(line) || strip_prefix_ignore_case(line, "reporting from ").is_some())
                && has_at_most_words(line, 7)
                && !ends_as_sentence(line)
            {
                self.roles[i] = Role::Dropped;
                continue;
            }
            // The writer's role on a line under the byline (`Politics correspondent`, `Sports
            // Reporter`): the byline's, reported as its other words are, not the story's first
            // paragraph (which also hid a date line under it).
            if i > 0
                && self.roles[i - 1] == Role::Byline
                && has_at_most_words(line, 4)
                && is_affiliation(line)
                && !is_known_agency(line)
                && !ends_as_sentence(line)
            {
                self.roles[i] = Role::Dropped;
                continue;
            }
            if self.updated.is_none() && is_timestamp_line(line) {
                // The update first, then when the story was published (`Updated: November 4, 2026
                // | Published: November 3, 2026`): each moment from its own part.
                let (update_part, published) = match update_then_published(line) {
                    Some((update, stamp)) => (update, Some(stamp)),
                    None => (line, None),
                };
                if let Some(date) = updated_date(update_part) {
                    self.updated = Some(date);
                    self.published_beside_update = published;
                    self.roles[i] = Role::Dropped;
                    continue;
                }
            }
            if is_dayless_stamp(line) {
                self.roles[i] = Role::Dropped;
                continue;
            }
            // Over a byline: a standfirst, which ends as a sentence only right under the headline
            // (`The 4-to-1 vote clears a major hurdle.` over `By Dana Whitcombe`); a paragraph of
            // text ending so further down is the story's, with a writer's line under it.
            let right_under_headline = self.previous_kept(i).is_some_and(|k| self.roles[k] == Role::Title);
            // One or two lines of standfirst (Bloomberg prints two) over the byline.
            let is_byline = |n: usize| {
                paras[n].single_line().is_some_and(|next_line| {
                    parse_byline(next_line).is_some()
                        || (under_headline
                            && (self.writers_in_place(paras, n).is_some() || self.is_bare_byline(paras, n)))
                })
            };
            let byline_ahead = self.next_kept(i).is_some_and(|n| {
                is_byline(n)
                    || (paras[n].single_line().is_some_and(|next_line| !ends_as_sentence(next_line))
                        && self.next_kept(n).is_some_and(is_byline))
            });
            let standfirst =
                self.byline.is_none() && (!ends_as_sentence(line) || right_under_headline) && byline_ahead;
            if para.is_prose() && !standfirst {
                break;
            }
        }
    }

    /// A date on a line of its own in the page's header (`Feb. 21, 2019` under a photo's credit,
    /// `22 Dec, 2016` printed twice under the headline): the article's date, so the line is page
    /// furniture once read. A clipping with no other date would otherwise be dated the day it was
    /// copied, and lead the front page. Only where a header puts it: among the first paragraphs,
    /// right after the headline, a byline, a photo's caption or credit or page leftovers, not
    /// after a paragraph of text (`The concert returns.` over `July 4, 2025` gives the concert's
    /// date), in an article with no other date-only paragraph (a timeline's dates head its
    /// entries, and are the story's). Failing that, a publication stamp
    /// ([`Layout::mark_publication_stamp`]).
    fn mark_date_stamp(&mut self, paras: &[Para<'_>]) {
        self.mark_date_paragraph(paras);
        if self.stamp.is_none() {
            self.mark_publication_stamp(paras);
        }
        if self.stamp.is_none()
            && let Some(stamp) = self.published_beside_update
        {
            self.stamp = Some(stamp.date);
            self.stamp_time = stamp.time;
        }
    }

    /// [`Layout::mark_date_stamp`]'s date on a line of its own.
    fn mark_date_paragraph(&mut self, paras: &[Para<'_>]) {
        let end = self.window_end(paras, STAMP_WINDOW);
        let Some(at) = paras.iter().take(end).position(|para| para_date(para).is_some()) else {
            return;
        };
        let Some(date) = para_date(&paras[at]) else { return };
        // A line of a few words right under the headline (a place, a section's label, a writer's
        // name or role, `Staff and agencies`, `Published`) is the header's, not the story's text;
        // an event's line (`Opening night`, `Save the date`, `Election day`) is the story's, and
        // so is the date under it. (A venue's name, `Central Park Bandshell`, reads as a place.)
        const EVENT_WORDS: &[&str] = &[
            "night", "day", "date", "deadline", "when", "where", "match", "game", "opening", "premiere",
            "concert", "event", "tickets", "doors",
        ];
        let header_label = |i: usize| {
            paras[i].single_line().is_some_and(|line| {
                has_at_most_words(line, 4)
                    && !ends_as_sentence(line)
                    && !line.split_whitespace().any(|word| {
                        EVENT_WORDS.contains(&word.trim_end_matches([':', ',']).to_lowercase().as_str())
                    })
            }) && self.previous_kept(i).is_some_and(|k| self.roles[k] == Role::Title)
        };
        let after_text = (0..at)
            .rev()
            .find(|&i| self.roles[i] != Role::Dropped)
            .is_some_and(|i| self.roles[i] == Role::Body && !header_label(i));
        let another = paras.iter().enumerate().any(|(i, para)| i != at && para_date(para).is_some());
        if self.roles[at] == Role::Body && !after_text && !another {
            self.stamp = Some(date);
            self.roles[at] = Role::Dropped;
        }
    }

    /// A publication stamp ([`publication_stamp`]) among the first paragraphs, or, when a
    /// word says what it is (`First published`), as the last paragraph of text, where CNN prints
    /// it: the article's date, and page furniture once read. Its words say what it is, so unlike
    /// a bare date it may follow a standfirst. Only an article's one stamp is: dates with times
    /// that head a timeline's or a live blog's entries are the story's own.
    fn mark_publication_stamp(&mut self, paras: &[Para<'_>]) {
        let stamps: Vec<(usize, PublicationStamp)> = (0..paras.len())
            .filter(|&at| self.roles[at] == Role::Body)
            .filter_map(|at| paras[at].single_line().and_then(publication_stamp).map(|stamp| (at, stamp)))
            .collect();
        // Where there are more, the one in the header that says what it is (the Guardian's `First
        // published on Tue 4 Mar 2025 08.12 GMT` under the latest entry's time).
        let end = self.window_end(paras, STAMP_WINDOW);
        // Only `Published`'s, once: a live blog's entries are headed `Posted 9:10 AM ET, …`.
        let says_published = |at: usize| {
            let lower = paras[at].first_line().to_lowercase();
            ["published", "publié", "veröffentlicht", "publicado", "pubblicato"]
                .iter()
                .any(|word| lower.contains(word))
        };
        let mut led = stamps.iter().filter(|(at, stamp)| stamp.led && *at < end && says_published(*at));
        let (at, stamp) = match (stamps.as_slice(), led.next(), led.next()) {
            ([one], _, _) => one,
            (_, Some(first_led), None) => first_led,
            _ => return,
        };
        let (at, stamp) = (*at, stamp);
        let last_text = (0..paras.len()).rev().find(|&i| self.roles[i] != Role::Dropped);
        // A stamp with no word saying what it is, under a paragraph of the story's text, is the
        // story's (an event's `Saturday, March 8, 2025, 7 PM`); a standfirst (right under the
        // headline, or over the byline) is the header's, not the story's.
        let byline = (0..at).rev().find(|&k| self.roles[k] == Role::Byline);
        let after_text = (byline.map_or(0, |b| b + 1)..at).any(|k| {
            self.is_text(paras, k)
                && self.previous_kept(k).is_none_or(|before| self.roles[before] != Role::Title)
        });
        if (at < end && (stamp.led || !after_text)) || (stamp.led && Some(at) == last_text) {
            self.stamp = Some(stamp.date);
            self.stamp_time = stamp.time;
            self.roles[at] = Role::Dropped;
            // `… GMT Updated March 4, 2025 6:10 PM GMT`: the update's moment, where it names one.
            if self.updated.is_none()
                && let Some(update) = paras[at].single_line().and_then(update_after_stamp)
            {
                self.updated = updated_date(update);
            }
        }
    }

    fn find_lede(&mut self, paras: &[Para<'_>]) {
        let lede = (0..paras.len()).find(|&i| {
            let line = paras[i].first_line();
            self.roles[i] == Role::Body
                && paras[i].is_prose()
                && !is_timestamp_line(line)
                && (ends_as_sentence(line) || line.ends_with(':') || !has_at_most_words(line, 19))
        });
        self.lede = lede;
        if let Some(i) = lede {
            self.dateline = parse_dateline(paras[i].first_line()).map(|d| (d.dateline, d.rest));
            if self.dateline.is_none()
                && let Some(alone) = i
                    .checked_sub(1)
                    .and_then(|d| paras[d].single_line())
                    .filter(|line| is_lone_dateline(line))
            {
                // The lede's text starts at its start: the dateline is a paragraph of its own.
                self.dateline =
                    parse_dateline(&format!("{alone} {}", paras[i].first_line())).map(|d| (d.dateline, 0));
            }
            // A section label between the headline and the lede (`EXCLUSIVE` under TMZ's time
            // stamp) is the page's, as it is above a headline: no subhead of the story. With no
            // headline it stays text, as it does above a lede.
            let below_headline = self.roles[..i].iter().position(|role| *role == Role::Title).map(|t| t + 1);
            let header = below_headline.unwrap_or(i)..i;
            for (role, para) in self.roles[header.clone()].iter_mut().zip(&paras[header]) {
                if *role == Role::Body && para.single_line().is_some_and(is_section_label) {
                    *role = Role::Dropped;
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Metadata
    // -----------------------------------------------------------------------------------------

    pub(super) fn fill_metadata(&self, paras: &[Para<'_>], out: &mut Converted) {
        let summary_source = self.summary_source(paras);
        out.summary = summarise(&summary_source);
        match self.roles.iter().position(|role| *role == Role::Title) {
            Some(title) => {
                out.title = Some(without_wire_marks(&normalise_space(paras[title].first_line())));
            }
            None if self.clip.as_ref().is_some_and(|clip| clip.title.is_some()) => {
                out.title = self.clip.as_ref().and_then(|clip| clip.title.clone());
            }
            None => {
                let fallback;
                let from = if summary_source.is_empty() {
                    fallback = self.fallback_title_source(paras);
                    fallback.as_str()
                } else {
                    summary_source.as_str()
                };
                out.title = Some(infer_title(from));
                out.title_inferred = true;
            }
        }
        if let Some(byline) = &self.byline {
            out.authors = byline.authors.clone();
            out.byline = Some(byline.line.clone());
        } else if let Some(author) = self.clip.as_ref().and_then(|clip| clip.author.as_deref()) {
            // Read as a byline is: `Ruth Adams, Economics Correspondent` is one writer and a
            // role, `Staff Reporter` no one.
            out.authors =
                parse_byline(&format!("By {author}")).map(|byline| byline.authors).unwrap_or_default();
        } else {
            out.authors = self.tagline_authors(paras);
            if out.authors.is_empty() {
                out.authors = self.credited_reporters(paras);
            }
        }
        out.dateline = self.dateline.as_ref().map(|(d, _)| d.clone());
        out.source = self.source(paras);
        if let Some(clip) = &self.clip {
            out.source_url = clip.url.clone();
            out.tags = clip.tags.clone();
        }
        // A gallery's caption copied twice (Reuters' `Item 1 of 2 …` and `[1/2]…`) is one
        // image; the copy is reported with the dropped lines. Two photos by one photographer
        // with no caption are two credits.
        out.images = Vec::with_capacity(self.images.len());
        let mut copies = Vec::new();
        for (_, image) in &self.images {
            if image.caption.is_some() && out.images.contains(image) {
                copies.extend(image.caption.iter().chain(&image.credit).cloned());
            } else {
                out.images.push(image.clone());
            }
        }
        out.embeds = self.embeds.iter().map(|span| span.signature.embed.clone()).collect();
        out.date = self.date_hint();
        out.updated = self.updated;
        out.dropped = self.clip.iter().map(|clip| clip.text.clone()).collect();
        out.dropped.extend(self.dropped_lines(paras));
        out.dropped.extend(self.leftover_pieces.iter().cloned());
        out.dropped.extend(std::iter::repeat_n(
            LINK_LABEL.trim_start_matches(", ").to_string(),
            self.link_labels_read_out,
        ));
        out.dropped.extend(copies);
        if let Some(byline) = &self.byline {
            out.dropped.extend(byline.leftovers.iter().cloned());
        }
        out.lang = guess_language(self.body_paragraphs(paras)).map(str::to_string);
    }

    /// The writers that taglines under the story name ([`tagline_names`]), for a story that
    /// printed no byline over it: the paragraph stays in the body, where the page had it. A name
    /// the headline or the story used before its taglines, whole or by its surname, is left out:
    /// a story that ends `Jane Roe is a former reporter for the Herald.` is about Jane Roe, not by
    /// her.
    fn tagline_authors(&self, paras: &[Para<'_>]) -> Vec<String> {
        let body: Vec<usize> = (0..paras.len()).filter(|&i| self.roles[i] == Role::Body).collect();
        let mut names: Vec<String> = Vec::new();
        let mut first_tagline = None;
        for &i in &body[body.len().saturating_sub(TAGLINE_WINDOW)..] {
            for name in tagline_names(&paras[i].joined()) {
                first_tagline.get_or_insert(i);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        let Some(first_tagline) = first_tagline else { return names };
        // A line that is a name alone (`Sarah Archer` under `About the Author`) heads its
        // tagline.
        let before: Vec<String> = (0..first_tagline)
            .filter(|&i| matches!(self.roles[i], Role::Body | Role::Title))
            .map(|i| paras[i].joined())
            .filter(|text| !names.iter().any(|name| text.trim().eq_ignore_ascii_case(name)))
            .map(|text| text.to_lowercase())
            .collect();
        let said_before = |words: &str| {
            before.iter().any(|text| {
                text.match_indices(words).any(|(at, _)| {
                    let alone_before = !text[..at].ends_with(char::is_alphanumeric);
                    let alone_after = !text[at + words.len()..].starts_with(char::is_alphanumeric);
                    alone_before && alone_after
                })
            })
        };
        names.retain(|name| {
            let name = name.to_lowercase();
            let surname = name.rsplit(' ').next().unwrap_or(&name);
            !said_before(&name) && (surname.chars().count() < 4 || !said_before(surname))
        });
        names
    }

    /// The reporters a wire story's closing credits name, for a story with no byline:
    /// `(Reporting by Noor Haddad in London and Tom Whitfield in Singapore; Editing by Jason
    /// Neely)` gives Noor Haddad and Tom Whitfield. `Writing by` names a writer too; additional
    /// reporting, editing and compiling do not make a writer of anyone. The line stays in the
    /// body, where the agency printed it.
    fn credited_reporters(&self, paras: &[Para<'_>]) -> Vec<String> {
        let body: Vec<usize> = (0..paras.len()).filter(|&i| self.roles[i] == Role::Body).collect();
        let Some(credits) = body[body.len().saturating_sub(TAGLINE_WINDOW)..]
            .iter()
            .rev()
            .map(|&i| paras[i].joined())
            .find(|text| is_credits_line(text))
        else {
            return Vec::new();
        };
        let mut names: Vec<String> = Vec::new();
        for part in credits.trim_start_matches('(').trim_end_matches(['.', ')']).split(';') {
            let part = part.trim();
            let Some(list) =
                ["reporting by ", "writing by "].iter().find_map(|lead| strip_prefix_ignore_case(part, lead))
            else {
                continue;
            };
            for piece in list.split(" and ").flat_map(|piece| piece.split(", ")) {
                // `Tom Whitfield in Singapore`: the reporter, not where they were. `Reuters TV` is
                // no one ([`writer_name`] knows `TV`).
                let name = piece.split(" in ").next().unwrap_or(piece);
                if let Some(name) = writer_name(name)
                    && !names.contains(&name)
                {
                    names.push(name);
                }
            }
        }
        names
    }

    /// The lede without its dateline, followed by the prose paragraphs right after it.
    fn summary_source(&self, paras: &[Para<'_>]) -> String {
        let Some(lede) = self.lede else {
            return String::new();
        };
        let mut text = String::new();
        let mut words = 0;
        for (i, para) in paras.iter().enumerate().skip(lede) {
            let line = para.first_line();
            // Wire credits close a story, a quoted statement (`> `) is set apart from it, and a
            // contact line is for editors: none is part of its summary.
            if self.roles[i] != Role::Body
                || !para.is_prose()
                || words >= SUMMARY_WORDS
                || is_credits_line(line)
                || line.starts_with('>')
                || is_contact_line(line)
            {
                break;
            }
            let line = match &self.dateline {
                Some((_, rest)) if i == lede => line.get(*rest..).unwrap_or(line),
                _ => line,
            };
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(line);
            words += count_words(line);
        }
        if self.link_labels_read_out > 0 { without_link_labels(&text) } else { text }
    }

    /// How many [`link_labels`] the body's paragraphs hold when they are a copy's that reads
    /// links out (Reuters'): two or more, or one after a bracketed ticker or link (`Volvo Cars
    /// (VOLCARb.ST), opens new tab`), where a story's own words would not put it; else none.
    fn link_labels_read_out(&self, paras: &[Para<'_>]) -> usize {
        let (mut count, mut after_bracket) = (0, false);
        for line in (0..paras.len()).filter(|&i| self.roles[i] == Role::Body).flat_map(|i| &paras[i].lines) {
            for at in link_labels(line) {
                count += 1;
                after_bracket |= line[..at].ends_with(')');
            }
        }
        if count >= LINK_LABELS_OF_A_COPY || after_bracket { count } else { 0 }
    }

    fn fallback_title_source(&self, paras: &[Para<'_>]) -> String {
        let first_body = (0..paras.len()).find(|&i| self.roles[i] == Role::Body);
        paras[first_body.unwrap_or(0)].joined()
    }

    /// The publisher, from the strongest evidence the text gives: the wire agency a dateline or
    /// byline names, a photographer working `for The Publication`, a clipping's header (its
    /// `Source:` or its address), a `Source: …` line, a staff photographer's credit
    /// (`Name/The New York Times`), then a copyright notice.
    fn source(&self, paras: &[Para<'_>]) -> Option<String> {
        let from_dateline = self.dateline.as_ref().and_then(|(d, _)| d.agency.as_deref());
        let from_byline = self.byline.as_ref().and_then(|b| b.agency.as_deref());
        if let Some(agency) = from_dateline.or(from_byline) {
            return Some(publisher_name(agency));
        }
        if let Some(publisher) = &self.photo_publisher {
            return Some(publisher.clone());
        }
        if let Some(clip) = &self.clip {
            let named =
                clip.source.as_deref().map(|name| outlet_named(name).map_or(name, |outlet| outlet.name));
            if let Some(found) =
                named.map(str::to_string).or_else(|| clip.url.as_deref().and_then(publisher_of_url))
            {
                return Some(found);
            }
        }
        let from_credit =
            || self.images.iter().find_map(|(_, image)| outlet_in_credit(image.credit.as_deref()?));
        if let Some(outlet) = self.source_line.or_else(from_credit) {
            return Some(outlet.to_string());
        }
        // Notices open with `©`, `Copyright` or `(c)`: other lines are passed by their first byte.
        paras
            .iter()
            .flat_map(|para| para.lines.iter())
            .filter(|line| matches!(line.as_bytes().first(), Some(0xC2 | b'C' | b'c' | b'(')))
            .find_map(|line| publisher_in_copyright(line))
    }

    fn date_hint(&self) -> Option<DateHint> {
        let day = |(year, month, day): (i16, i8, i8), evidence| DateHint {
            year,
            month,
            day,
            evidence,
            time: None,
            zone: None,
        };
        // The stamp's time of day, where the stamp gave the same day.
        let timed = |mut hint: DateHint| {
            if self.stamp == Some((hint.year, hint.month, hint.day))
                && let Some((time, zone)) = self.stamp_time
            {
                (hint.time, hint.zone) = (Some(time), zone);
            }
            hint
        };
        let from_dateline = self.dateline.as_ref().and_then(|(d, _)| {
            Some(timed(day(parse_full_date(d.date.as_deref()?)?, DateEvidence::Dateline)))
        });
        let latest_post = self
            .embeds
            .iter()
            .filter_map(|span| parse_full_date(span.signature.embed.date.as_deref()?))
            .max()
            .map(|date| day(date, DateEvidence::EmbedSignature));
        let stamp = self.stamp.map(|date| timed(day(date, DateEvidence::Stamp)));
        // With no other date, an `Updated …` line's: the story is at most that old, and pages
        // update stories within a day or two. Without it the file's modification time dated
        // the story, which then said it was updated months before it was published.
        let updated = self.updated.map(|updated| DateHint {
            time: updated.time,
            zone: updated.zone,
            ..day(updated.date, DateEvidence::Stamp)
        });
        let clip_date = |clipped: bool| {
            let clip = self.clip.as_ref()?;
            if clipped {
                return Some(day(clip.clipped?, DateEvidence::Stamp));
            }
            let (time, zone) = clip.published_time.map_or((None, None), |(time, zone)| (Some(time), zone));
            Some(DateHint { time, zone, ..day(clip.published?, DateEvidence::Stamp) })
        };
        // A clipping tool's `Published:` is the page's own date; its `Clipped:` is when the page
        // was saved, which the story is at most as old as, as an update is.
        from_dateline
            .or(stamp)
            .or_else(|| clip_date(false))
            .or(updated)
            .or_else(|| clip_date(true))
            .or(latest_post)
    }

    fn dropped_lines(&self, paras: &[Para<'_>]) -> Vec<String> {
        (0..paras.len())
            .filter(|&i| self.roles[i] == Role::Dropped)
            .map(|i| paras[i].lines.join("\n"))
            .collect()
    }

    /// The lines that stay in the body, as plain text.
    fn body_paragraphs<'p>(&'p self, paras: &'p [Para<'p>]) -> impl Iterator<Item = &'p str> + Clone + 'p {
        paras
            .iter()
            .enumerate()
            .filter(|(i, _)| matches!(self.roles[*i], Role::Body | Role::Embed))
            .flat_map(|(_, para)| para.lines.iter().copied())
    }

    // -----------------------------------------------------------------------------------------
    // Rendering
    // -----------------------------------------------------------------------------------------

    pub(super) fn render_body(&self, paras: &[Para<'_>]) -> String {
        let text_len: usize = paras.iter().flat_map(|p| &p.lines).map(|l| l.len() + 2).sum();
        let mut md = String::with_capacity(text_len + text_len / 8);
        let mut spans = self.embeds.iter().peekable();
        let last_body = (0..paras.len()).rev().find(|&i| self.roles[i] == Role::Body);
        let mut seen_body = false;
        // What stands above the byline is the header's (a standfirst in two lines, as Bloomberg
        // prints one), not the story's subheads.
        let byline_at = self.roles.iter().position(|role| *role == Role::Byline);
        let unlabel = self.link_labels_read_out > 0;
        for (i, para) in paras.iter().enumerate() {
            match self.roles[i] {
                // A rule before the story or after its end sets nothing apart.
                Role::Body
                    if (!seen_body
                        || last_body == Some(i) && self.embeds.last().is_none_or(|s| s.first < i))
                        && para.single_line().is_some_and(is_section_break) => {}
                Role::Body => {
                    start_block(&mut md);
                    let has_next =
                        last_body.is_some_and(|l| l > i) || self.embeds.last().is_some_and(|s| s.first > i);
                    let may_be_subhead =
                        seen_body && Some(i) != self.lede && has_next && byline_at.is_none_or(|at| at < i);
                    // Reuters' `, opens new tab` after each link is read out, not printed (counted
                    // with the dropped lines by `fill_metadata`).
                    let cleaned: Vec<String>;
                    let unlabelled;
                    let para = if unlabel && para.lines.iter().any(|line| link_labels(line).next().is_some())
                    {
                        cleaned = para
                            .lines
                            .iter()
                            .map(|line| without_link_labels(line))
                            .filter(|line| !line.trim().is_empty())
                            .collect();
                        unlabelled = Para {
                            lines: cleaned.iter().map(String::as_str).collect(),
                            gap_before: para.gap_before,
                        };
                        &unlabelled
                    } else {
                        para
                    };
                    render_paragraph(&mut md, para, may_be_subhead);
                    seen_body = true;
                }
                Role::Embed => {
                    if let Some(span) = spans.next_if(|s| s.last == i) {
                        start_block(&mut md);
                        render_embed(&mut md, &paras[span.first..=span.last], &span.signature);
                        seen_body = true;
                    }
                }
                Role::Title | Role::Byline | Role::Dropped | Role::Image => {}
            }
        }
        if !md.is_empty() {
            md.push('\n');
        }
        md
    }
}

/// How many [`link_labels`] mark a copy of a page that reads them out after every link (Reuters'):
/// one is as likely a story's own words about browsers.
const LINK_LABELS_OF_A_COPY: usize = 2;
