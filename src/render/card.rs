//! The `card()` template function: a story's card rendered once and reused on every listing.
//!
//! A story appears on its digest, the home page, each of its tag, source and author pages (all
//! paginated) and as a related story: 141,000 cards for a 10,000-article site, and rendering them
//! was the largest cost of rendering. `{{ card(item=item, level=2) }}` renders `card.html` the
//! first time a story is asked for with that heading level and lead flag; later calls copy the
//! result, with the calling page's `page.root` put in. The output is what
//! `{% include "card.html" %}` with `level` and `lead` set gives (a test renders the default
//! theme both ways) as long as `card.html` reads nothing of the page but `page.root`, and prints
//! it as it is: the card is rendered with `item`, `level`, `lead`, `site` and a marker for
//! `page.root` only, so reading another page variable is an error (naming card.html and the
//! limits), while `is defined` tests and `default` filters on one quietly take the fallback (the
//! README says so). A card that does anything but print `page.root` leaves part of the marker,
//! and is rendered for each page instead. Themes whose cards need more of the page keep using
//! the include.

use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;
use tera::{Kwargs, State, Tera, TeraResult, Value};

/// Stands for `page.root` while a card is rendered for the memo: a private-use character, around
/// a name that says what it is. A card whose text holds the character anyway (an article that
/// carried it, say) is rendered for each page instead.
const ROOT_MARK: &str = "\u{E000}gazette-root\u{E000}";

/// The private-use character of [`ROOT_MARK`].
const MARK_CHAR: char = '\u{E000}';

/// The most card HTML kept at once, in bytes. Past it, cards are rendered each time they are
/// asked for, which costs more than an include. A 100,000-article site keeps all its cards (two
/// heading levels per story) within this: its peak memory was 1.59 GB, against 1.46 GB with a
/// 64 MB budget, which left three stories in four to render each time and the build 6% slower.
const MEMO_BUDGET: usize = 320 << 20;

/// The template function, registered as `card`.
pub(super) struct CardFunction {
    /// The theme's templates, compiled again: the function cannot borrow the `Tera` that owns
    /// it.
    tera: Tera,
    /// Read by every card of every page, written once per story and variant: a read-write lock
    /// lets the rendering threads read side by side.
    memo: RwLock<Memo>,
}

/// The memo key: the card value's address, the heading level (if given) and the lead flag (if
/// given).
type Key = (usize, Option<i64>, Option<bool>);

/// What a memo entry costs besides its card's text (key, held value, positions, table slot).
const ENTRY_BYTES: usize = 96;

/// Rendered cards of one site, keyed by the card value's identity (the address of its map: card
/// values are made once per site and shared by every page), heading level and lead flag.
#[derive(Default)]
struct Memo {
    /// The `site` value of the pages the cards were rendered for; held, so its address cannot be
    /// reused by another site's while the memo is keyed to it. A page with another `site`
    /// (the next build in `gazette serve`) empties the memo.
    site: Option<Value>,
    cards: FxHashMap<Key, Kept>,
    bytes: usize,
}

/// A memo entry: the card, and its item value, held so that no other value can take its address
/// (and so its key) while the entry exists.
struct Kept {
    _item: Value,
    card: Arc<CardHtml>,
}

/// What `card.html` is told when it fails under `card()`.
const LIMITS: &str = "card() gives card.html only item, level, lead, site and page.root; a card \
    that needs more of the page can be included instead";

impl CardFunction {
    /// The function for the theme's `templates` (name, text), which it compiles for itself;
    /// `None` when they do not compile (compiling them for the pages reports why).
    pub(super) fn new<'t>(
        templates: impl IntoIterator<Item = (&'t str, &'t str)>,
        words: &Arc<super::words::Words>,
    ) -> Option<CardFunction> {
        let mut tera = Tera::new();
        super::filters::register(&mut tera);
        super::words::register(&mut tera, words);
        // Pages call `card()`; a card calling it would render itself forever.
        tera.register_function("card", |_: Kwargs, _: &State| -> TeraResult<Value> {
            Err(tera::Error::message("card() cannot be called from card.html"))
        });
        tera.add_raw_templates(templates).ok()?;
        Some(CardFunction { tera, memo: RwLock::new(Memo::default()) })
    }

    /// `card(item=…, level=…, lead=…)`: the card of `item` for the calling page.
    pub(super) fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
        if let Some((name, _)) =
            kwargs.iter().find(|(name, _)| !matches!(name.as_str(), Some("item" | "level" | "lead")))
        {
            return Err(tera::Error::message(format!("card() takes item, level and lead, not `{name}`")));
        }
        let item: Value = kwargs.must_get("item")?;
        let level: Option<Value> = kwargs.get("level")?;
        let lead: Option<bool> = kwargs.get::<Value>("lead")?.map(|lead| lead.is_truthy());
        let site: Option<Value> = state.get("site")?;
        let page: Option<Value> = state.get("page")?;
        let root = page
            .as_ref()
            .and_then(Value::as_map)
            .and_then(|page| page.get(&tera::value::Key::Str("root")))
            .and_then(Value::as_str)
            .ok_or_else(|| {
                tera::Error::message(
                    "card() needs the page's `page.root`: call it where the page's variables are seen \
                     (not inside a component)",
                )
            })?;
        // Kept only for a card value with a whole-number level (or none) on a page with a site:
        // anything else is rendered every time.
        let key = match (item.as_map(), level.as_ref().map(Value::as_i64), &site) {
            (Some(map), None, Some(_)) => Some((std::ptr::from_ref(map) as usize, None, lead)),
            (Some(map), Some(Some(level)), Some(_)) => {
                Some((std::ptr::from_ref(map) as usize, Some(level), lead))
            }
            _ => None,
        };
        let render = |root: &str| {
            self.render(&item, level.as_ref(), lead, site.as_ref(), root).map_err(|error| card_error(&error))
        };
        let card = match key.and_then(|key| self.cached(site.as_ref(), key)) {
            Some(card) => card,
            None => match CardHtml::new(render(ROOT_MARK)?) {
                Some(card) => {
                    let card = Arc::new(card);
                    if let Some(key) = key {
                        self.keep(site.as_ref(), key, item.clone(), &card);
                    }
                    card
                }
                // The marker did not come through whole: rendered for this page alone.
                None => return Ok(Value::safe_string(&render(root)?)),
            },
        };
        // As `{{ page.root }}` prints it: escaped the way the page escapes (only ever needed for
        // a root-based path with a special character).
        let root: std::borrow::Cow<'_, str> =
            if root.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) {
                state.escape_if_needed(&Value::from(root))?.into()
            } else {
                root.into()
            };
        Ok(Value::safe_string(&card.with_root(&root)))
    }

    /// `card.html` for `item`, with `root` for `page.root` (the marker, or the page's own).
    fn render(
        &self,
        item: &Value,
        level: Option<&Value>,
        lead: Option<bool>,
        site: Option<&Value>,
        root: &str,
    ) -> TeraResult<String> {
        let mut context = tera::Context::new();
        context.insert_value("item", item.clone());
        if let Some(level) = level {
            context.insert_value("level", level.clone());
        }
        if let Some(lead) = lead {
            context.insert_value("lead", Value::from(lead));
        }
        if let Some(site) = site {
            context.insert_value("site", site.clone());
        }
        let mut page = tera::Map::default();
        page.insert(tera::value::Key::Str("root"), Value::from(root));
        context.insert_value("page", Value::from(page));
        self.tera.render("card.html", &context)
    }

    /// Empties the memo, freeing it on a thread of its own.
    pub(super) fn forget(&self) {
        let Ok(mut memo) = self.memo.write() else { return };
        let old = std::mem::take(&mut *memo);
        drop(memo);
        if !old.cards.is_empty() {
            super::drop_in_background(old);
        }
    }

    fn cached(&self, site: Option<&Value>, key: Key) -> Option<Arc<CardHtml>> {
        let memo = self.memo.read().ok()?;
        if !same_site(memo.site.as_ref(), site) {
            return None;
        }
        memo.cards.get(&key).map(|kept| Arc::clone(&kept.card))
    }

    fn keep(&self, site: Option<&Value>, key: Key, item: Value, card: &Arc<CardHtml>) {
        let Ok(mut memo) = self.memo.write() else { return };
        let replaced = (!same_site(memo.site.as_ref(), site))
            .then(|| std::mem::replace(&mut *memo, Memo { site: site.cloned(), ..Memo::default() }));
        let bytes = card.text.len() + ENTRY_BYTES;
        if memo.bytes + bytes <= MEMO_BUDGET && !memo.cards.contains_key(&key) {
            memo.cards.insert(key, Kept { _item: item, card: Arc::clone(card) });
            memo.bytes += bytes;
        }
        // The other rendering threads wait on the lock: released before a thread is started.
        drop(memo);
        if let Some(old) = replaced.filter(|old| !old.cards.is_empty()) {
            super::drop_in_background(old);
        }
    }
}

/// A rendered card, cut where the page's root goes.
struct CardHtml {
    /// The card without the root markers.
    text: Box<str>,
    /// Where the root goes in `text`, in order.
    roots: Box<[usize]>,
}

impl CardHtml {
    /// Cuts `rendered` at the root markers; `None` when part of a marker is left (the card did
    /// something with `page.root` other than print it, or its text holds the marker character).
    fn new(rendered: String) -> Option<CardHtml> {
        let mut text = String::with_capacity(rendered.len());
        let mut roots = Vec::new();
        for (n, part) in rendered.split(ROOT_MARK).enumerate() {
            if n > 0 {
                roots.push(text.len());
            }
            text.push_str(part);
        }
        (!text.contains(MARK_CHAR))
            .then(|| CardHtml { text: text.into_boxed_str(), roots: roots.into_boxed_slice() })
    }

    /// The card for a page whose `page.root` prints as `root`.
    fn with_root(&self, root: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + self.roots.len() * root.len());
        let mut copied = 0;
        for &at in &self.roots {
            out.push_str(&self.text[copied..at]);
            out.push_str(root);
            copied = at;
        }
        out.push_str(&self.text[copied..]);
        out
    }
}

/// An error of `card.html`, said where it is and with what the card can see: tera reports it at
/// the page's `card()` call, and [`error_origin`] reads the place back.
fn card_error(error: &tera::Error) -> tera::Error {
    let detail = match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            format!("{}:{}: {}", report.filename(), report.span().start_line, report.message())
        }
        _ => format!("card.html: {error}"),
    };
    // What the card can see is worth saying only when it looked for something it cannot see:
    // after a filter's wrong argument it would only mislead.
    let hint = if detail.contains("not defined") || detail.contains("undefined") {
        format!(" ({LIMITS})")
    } else {
        String::new()
    };
    tera::Error::message(format!("{CARD_ERROR}{detail}{hint}"))
}

/// How an error [`card_error`] made begins, so [`error_origin`] knows it from any other.
const CARD_ERROR: &str = "in card() template ";

/// The template, line and message of an error [`card_error`] made (`in card() template
/// meta.html:1: Field ... (card() gives ...)`), so the error can be reported at the file to fix rather than at the page
/// that called `card()`. `None` for any other message.
pub(super) fn error_origin(message: &str) -> Option<(&str, usize, &str)> {
    let (place, rest) = message.strip_prefix(CARD_ERROR)?.split_once(": ")?;
    let (template, line) = place.rsplit_once(':')?;
    Some((template, line.parse().ok()?, rest))
}

/// Whether two `site` values are the same value (not merely equal).
fn same_site(kept: Option<&Value>, site: Option<&Value>) -> bool {
    match (kept.and_then(Value::as_map), site.and_then(Value::as_map)) {
        (Some(kept), Some(site)) => std::ptr::eq(kept, site),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `Tera` for `templates` with the `card` function, as the renderer registers it.
    fn tera_with_card(templates: &[(&str, &str)]) -> Tera {
        let words = Arc::new(super::super::words::Words::english());
        let card = CardFunction::new(templates.iter().copied(), &words).expect("templates compile");
        let mut tera = Tera::new();
        tera.register_function("card", move |kwargs: Kwargs, state: &State| card.call(kwargs, state));
        tera.add_raw_templates(templates.iter().copied()).unwrap();
        tera
    }

    /// A page's context: `site` must be the same value on every page of a site, as in a build.
    fn context(site: &Value, root: &str, items: Value) -> tera::Context {
        let mut context = tera::Context::new();
        let mut page = tera::Map::default();
        page.insert(tera::value::Key::Str("root"), Value::from(root));
        context.insert_value("page", Value::from(page));
        context.insert_value("site", site.clone());
        context.insert_value("items", items);
        context
    }

    fn site() -> Value {
        Value::from_serializable(&serde_json::json!({"title": "Site"}))
    }

    fn items() -> Value {
        Value::from_serializable(&serde_json::json!([
            {"title": "Port <strike>", "path": "2025/01/02/port/"},
            {"title": "Ferry", "path": "2025/01/03/ferry/"},
        ]))
    }

    const CARD: &str = "<h{{ level | default(value=3) }}{% if lead is defined %} data-lead={{ lead }}{% endif %}>\
        <a href=\"{{ page.root }}{{ item.path }}\">{{ item.title }}</a> {{ site.title }}</h{{ level | default(value=3) }}>";

    /// Renders `memo.html` and `include.html` over the same values for several roots, each twice
    /// (the second time the cards come from the memo), and asserts they give the same bytes.
    fn same_as_include(card: &str, memo: &str, include: &str) -> String {
        let tera = tera_with_card(&[("card.html", card), ("memo.html", memo), ("include.html", include)]);
        let (site, items) = (site(), items());
        let mut last = String::new();
        for root in ["../../", "", "/news&co/", "../../", "/news&co/", ""] {
            let context = context(&site, root, items.clone());
            last = tera.render("memo.html", &context).unwrap();
            assert_eq!(last, tera.render("include.html", &context).unwrap(), "root {root:?}");
        }
        last
    }

    #[test]
    fn a_card_is_what_the_include_gives_for_every_root_level_and_lead() {
        let mut html = String::new();
        for (call, include) in [
            ("card(item=item, level=2)", "{% set level = 2 %}"),
            ("card(item=item, lead=loop.first)", "{% set lead = loop.first %}"),
            ("card(item=item)", ""),
            ("card(item=item, level=0)", "{% set level = 0 %}"),
        ] {
            html += &same_as_include(
                CARD,
                &format!("{{% for item in items %}}{{{{ {call} }}}}\n{{% endfor %}}"),
                &format!("{{% for item in items %}}{include}{{% include \"card.html\" %}}\n{{% endfor %}}"),
            );
        }
        assert!(
            html.contains("Port &lt;strike&gt;") && html.contains("<h2>") && html.contains("data-lead=true")
        );
        assert!(html.contains("<h3>") && html.contains("<h0>"), "no level and level 0 are different cards");
    }

    #[test]
    fn a_forgotten_memo_is_empty_and_renders_the_same_cards_again() {
        let words = Arc::new(super::super::words::Words::english());
        let templates =
            [("card.html", CARD), ("page.html", "{% for item in items %}{{ card(item=item) }}{% endfor %}")];
        let card = Arc::new(CardFunction::new(templates.iter().copied(), &words).expect("templates compile"));
        let mut tera = Tera::new();
        let function = Arc::clone(&card);
        tera.register_function("card", move |kwargs: Kwargs, state: &State| function.call(kwargs, state));
        tera.add_raw_templates(templates.iter().copied()).unwrap();
        let (site, items) = (site(), items());
        let context = context(&site, "../", items);
        let first = tera.render("page.html", &context).unwrap();
        assert_eq!(card.memo.read().unwrap().cards.len(), 2, "both cards kept");
        card.forget();
        let memo = card.memo.read().unwrap();
        assert!(memo.cards.is_empty() && memo.bytes == 0 && memo.site.is_none());
        drop(memo);
        assert_eq!(tera.render("page.html", &context).unwrap(), first);
        assert!(first.contains("<a href=\"../2025/01/02/port/\">Port &lt;strike&gt;</a>"), "{first}");
    }

    #[test]
    fn a_root_used_other_than_printed_is_the_pages_own() {
        // The marker cannot stand for a root that a filter changes: such cards are made per page.
        let html = same_as_include(
            "{{ page.root | upper }}{{ item.path }};",
            "{% for item in items %}{{ card(item=item) }}{% endfor %}",
            "{% for item in items %}{% include \"card.html\" %}{% endfor %}",
        );
        assert_eq!(html, "2025/01/02/port/;2025/01/03/ferry/;");
    }

    #[test]
    fn values_made_and_dropped_during_a_page_never_share_a_card() {
        // Map literals are made afresh on each turn of the loop and freed after it; a memo keyed
        // by address alone would hand the first one's card to the next ones.
        let page = "{% for t in [\"a\", \"b\", \"c\", \"d\"] %}{{ card(item={\"title\": t, \"path\": t}) }}{% endfor %}";
        let tera = tera_with_card(&[("card.html", "{{ item.title }},"), ("page.html", page)]);
        let html = tera.render("page.html", &context(&site(), "", Value::from(0))).unwrap();
        assert_eq!(html, "a,b,c,d,");
    }

    #[test]
    fn a_card_sees_only_what_it_is_given_and_says_so() {
        let error = |card: &str, page: &str| {
            let tera = tera_with_card(&[("card.html", card), ("page.html", page)]);
            let mut context = context(&site(), "", Value::from(0));
            context.insert_value("item", Value::from_serializable(&serde_json::json!({"title": "x"})));
            format!("{:?}", tera.render("page.html", &context).unwrap_err())
        };
        let message = error("{{ item.title }} {{ page.kind }}", "{{ card(item=item) }}");
        assert!(message.contains("card.html:1: Field `kind` is not defined"), "{message}");
        assert!(message.contains("card() gives card.html only"), "{message}");
        let message = error("{{ item.title | truncate(length=\"x\") }}", "{{ card(item=item) }}");
        assert!(message.contains("card.html:1:"), "{message}");
        assert!(
            !message.contains("card() gives card.html only"),
            "a wrong argument is no missing value: {message}"
        );
        let message = error("{{ card(item=item) }}", "{{ card(item=item) }}");
        assert!(message.contains("cannot be called from card.html"), "{message}");
        let message = error("{{ item.title }}", "{{ card(item=item, compact=true) }}");
        assert!(message.contains("not `compact`"), "{message}");
        let message = error("{{ item.title }}", "{% set page = 1 %}{{ card(item=item) }}");
        assert!(message.contains("needs the page's `page.root`"), "{message}");
    }
}
