//! The `card()` template function: a story's card rendered once and reused on every listing.
//!
//! A story appears on its digest, the home page, each of its tag, source and author pages (all
//! paginated) and as a related story: 141,000 cards for a 10,000-article site, and rendering them
//! was the largest cost of rendering. `{{ card(item=item, level=2) }}` renders `card.html` the
//! first time a story is asked for with that heading level and lead flag; later calls copy the
//! result, with the calling page's `page.root` put in. The output is what
//! `{% include "card.html" %}` with `level` and `lead` set gives (a test renders the default
//! theme both ways), because `card.html` is rendered with nothing but `item`, `level`, `lead`,
//! `site` and `page.root`: a card that reads anything else of the page fails with an error
//! naming the variable, never silently. `page.root` must only be printed (a URL prefix): the card
//! is rendered with a marker in its place, replaced for each page. Themes whose cards need more of
//! the page keep using the include.

use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;
use tera::{Kwargs, State, Tera, TeraResult, Value};

/// Stands for `page.root` while a card is rendered for the memo: a private-use character no
/// article text should hold, around a name that says what it is.
const ROOT_MARK: &str = "\u{E000}gazette-root\u{E000}";

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

/// Rendered cards of one site, keyed by the card value's identity (the address of its map: card
/// values are made once per site and shared by every page), heading level and lead flag.
#[derive(Default)]
struct Memo {
    /// The `site` value of the pages the cards were rendered for; held, so its address cannot be
    /// reused by another site's while the memo is keyed to it. A page with another `site`
    /// (the next build in `gazette serve`) empties the memo.
    site: Option<Value>,
    cards: FxHashMap<(usize, i64, bool), Kept>,
    bytes: usize,
}

/// A memo entry: the card, and its item value, held so that no other value can take its address
/// (and so its key) while the entry exists.
struct Kept {
    _item: Value,
    card: Arc<CardHtml>,
}

impl CardFunction {
    /// The function for the theme's `templates` (name, text), which it compiles for itself;
    /// `None` when they do not compile (compiling them for the pages reports why).
    pub(super) fn new<'t>(templates: impl IntoIterator<Item = (&'t str, &'t str)>) -> Option<CardFunction> {
        let mut tera = Tera::new();
        // Pages call `card()`; a card calling it would render itself forever.
        tera.register_function("card", |_: Kwargs, _: &State| -> TeraResult<Value> {
            Err(tera::Error::message("card() cannot be called from card.html"))
        });
        tera.add_raw_templates(templates).ok()?;
        Some(CardFunction { tera, memo: RwLock::new(Memo::default()) })
    }

    /// `card(item=…, level=…, lead=…)`: the card of `item` for the calling page.
    pub(super) fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
        let item: Value = kwargs.must_get("item")?;
        let level: Option<Value> = kwargs.get("level")?;
        let lead: bool = kwargs.get::<Value>("lead")?.is_some_and(|lead| lead.is_truthy());
        let site: Option<Value> = state.get("site")?;
        let page: Option<Value> = state.get("page")?;
        let root = page
            .as_ref()
            .and_then(Value::as_map)
            .and_then(|page| page.get(&tera::value::Key::Str("root")))
            .and_then(Value::as_str)
            .unwrap_or("");
        // Cards of other shapes (a level that is not a number) are rendered every time.
        let key = match (item.as_map(), level.as_ref().map(Value::as_i64)) {
            (Some(map), None) => Some((std::ptr::from_ref(map) as usize, 0, lead)),
            (Some(map), Some(Some(level))) => Some((std::ptr::from_ref(map) as usize, level, lead)),
            _ => None,
        };
        let card = match key.and_then(|key| self.cached(site.as_ref(), key)) {
            Some(card) => card,
            None => {
                let card =
                    Arc::new(CardHtml::new(self.render(&item, level.as_ref(), lead, site.as_ref())?));
                if let Some(key) = key {
                    self.keep(site.as_ref(), key, item, &card);
                }
                card
            }
        };
        Ok(Value::safe_string(&card.with_root(root)))
    }

    /// `card.html` for `item`, with the root marker for `page.root`.
    fn render(
        &self,
        item: &Value,
        level: Option<&Value>,
        lead: bool,
        site: Option<&Value>,
    ) -> TeraResult<String> {
        let mut context = tera::Context::new();
        context.insert_value("item", item.clone());
        if let Some(level) = level {
            context.insert_value("level", level.clone());
        }
        context.insert_value("lead", Value::from(lead));
        if let Some(site) = site {
            context.insert_value("site", site.clone());
        }
        let mut page = tera::Map::default();
        page.insert(tera::value::Key::Str("root"), Value::from(ROOT_MARK));
        context.insert_value("page", Value::from(page));
        self.tera.render("card.html", &context)
    }

    fn cached(&self, site: Option<&Value>, key: (usize, i64, bool)) -> Option<Arc<CardHtml>> {
        let memo = self.memo.read().ok()?;
        if !same_site(memo.site.as_ref(), site) {
            return None;
        }
        memo.cards.get(&key).map(|kept| Arc::clone(&kept.card))
    }

    fn keep(&self, site: Option<&Value>, key: (usize, i64, bool), item: Value, card: &Arc<CardHtml>) {
        let Ok(mut memo) = self.memo.write() else { return };
        if !same_site(memo.site.as_ref(), site) {
            *memo = Memo { site: site.cloned(), ..Memo::default() };
        }
        let bytes = card.text.len();
        if memo.bytes + bytes <= MEMO_BUDGET && !memo.cards.contains_key(&key) {
            memo.cards.insert(key, Kept { _item: item, card: Arc::clone(card) });
            memo.bytes += bytes;
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
    fn new(rendered: String) -> CardHtml {
        let mut text = String::with_capacity(rendered.len());
        let mut roots = Vec::new();
        for (n, part) in rendered.split(ROOT_MARK).enumerate() {
            if n > 0 {
                roots.push(text.len());
            }
            text.push_str(part);
        }
        CardHtml { text: text.into_boxed_str(), roots: roots.into_boxed_slice() }
    }

    /// The card for a page whose `page.root` is `root`, escaped as tera escapes it.
    fn with_root(&self, root: &str) -> String {
        let escaped: std::borrow::Cow<'_, str> =
            if root.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) {
                let mut html = Vec::new();
                // Writing into a Vec cannot fail, and escaping keeps UTF-8 valid.
                let _ = tera::escape_html(root, &mut html);
                String::from_utf8_lossy(&html).into_owned().into()
            } else {
                root.into()
            };
        let mut out = String::with_capacity(self.text.len() + self.roots.len() * escaped.len());
        let mut copied = 0;
        for &at in &self.roots {
            out.push_str(&self.text[copied..at]);
            out.push_str(&escaped);
            copied = at;
        }
        out.push_str(&self.text[copied..]);
        out
    }
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
        let card = CardFunction::new(templates.iter().copied()).expect("templates compile");
        let mut tera = Tera::new();
        tera.register_function("card", move |kwargs: Kwargs, state: &State| card.call(kwargs, state));
        tera.add_raw_templates(templates.iter().copied()).unwrap();
        tera
    }

    fn context(root: &str, items: Value) -> tera::Context {
        let mut context = tera::Context::new();
        let mut page = tera::Map::default();
        page.insert(tera::value::Key::Str("root"), Value::from(root));
        context.insert_value("page", Value::from(page));
        context.insert_value("site", Value::from_serializable(&serde_json::json!({"title": "Site"})));
        context.insert_value("items", items);
        context
    }

    const CARD: &str = "<h{{ level or 3 }}{% if lead is defined and lead %} class=lead{% endif %}>\
        <a href=\"{{ page.root }}{{ item.path }}\">{{ item.title }}</a> {{ site.title }}</h{{ level or 3 }}>";

    #[test]
    fn a_card_is_what_the_include_gives_for_every_root_level_and_lead() {
        let memo = "{% for item in items %}{{ card(item=item, level=2) }}\n\
            {{ card(item=item, lead=loop.first) }}\n{% endfor %}";
        let include = "{% for item in items %}{% set level = 2 %}{% include \"card.html\" %}\n\
            {% set level = 3 %}{% set lead = loop.first %}{% include \"card.html\" %}\n{% endfor %}";
        let tera = tera_with_card(&[("card.html", CARD), ("memo.html", memo), ("include.html", include)]);
        let items = Value::from_serializable(&serde_json::json!([
            {"title": "Port <strike>", "path": "2025/01/02/port/"},
            {"title": "Ferry", "path": "2025/01/03/ferry/"},
        ]));
        // Each root twice over the same values: the second time every card comes from the memo.
        for root in ["../../", "", "/news&co/", "../../", "/news&co/"] {
            let context = context(root, items.clone());
            let html = tera.render("memo.html", &context).unwrap();
            assert_eq!(html, tera.render("include.html", &context).unwrap(), "root {root:?}");
            assert!(
                html.contains(&format!("href=\"{}2025/01/02/port/\"", root.replace('&', "&amp;"))),
                "{html}"
            );
            assert!(
                html.contains("Port &lt;strike&gt;") && html.contains("<h2>") && html.contains("class=lead")
            );
        }
    }

    #[test]
    fn values_made_and_dropped_during_a_page_never_share_a_card() {
        // Map literals are made afresh on each turn of the loop and freed after it; a memo keyed
        // by address alone would hand the first one's card to the next ones.
        let page = "{% for t in [\"a\", \"b\", \"c\", \"d\"] %}{{ card(item={\"title\": t, \"path\": t}) }}{% endfor %}";
        let tera = tera_with_card(&[("card.html", "{{ item.title }},"), ("page.html", page)]);
        let html = tera.render("page.html", &context("", Value::from(0))).unwrap();
        assert_eq!(html, "a,b,c,d,");
    }

    #[test]
    fn a_card_sees_only_what_it_is_given() {
        let tera = tera_with_card(&[
            ("card.html", "{{ item.title }} {{ page.title }}"),
            ("page.html", "{{ card(item=item) }}"),
        ]);
        let mut context = context("", Value::from(0));
        context.insert_value("item", Value::from_serializable(&serde_json::json!({"title": "x"})));
        let error = tera.render("page.html", &context).unwrap_err();
        assert!(format!("{error:?}").contains("title"), "{error:?}");
        let looping =
            tera_with_card(&[("card.html", "{{ card(item=item) }}"), ("page.html", "{{ card(item=item) }}")]);
        let error = looping.render("page.html", &context).unwrap_err();
        assert!(format!("{error:?}").contains("cannot be called from card.html"), "{error:?}");
    }
}
