//! Writing calls of `t()` into the templates before they compile, so the words cost a page
//! nothing: see [`Words::inline_calls`].

use std::borrow::Cow;

use super::{Entry, Piece, Words, is_one, pieces};

impl Words {
    /// `source` (the template `name`) with each `{{ t(key="…", …) }}` of the site's language
    /// written out as the template code it stands for: the text, escaped as the template's
    /// output is escaped, `{{ pager.current }}` where an argument names a variable and, for a
    /// count, an `{% if %}` choosing the plural form by the language's rule. The call, made on
    /// every page, is gone: 20 calls on each page cost a build 7% of its instructions. What the
    /// page shows is the same as the call's (a test renders both ways). Left to run as calls
    /// (and to fail at their line when the key is unknown): another language, a filter or an
    /// expression in an argument, a `{name}` no argument fills, and a text that whitespace control
    /// of a tag beside it could trim or that holds a brace. Tags are read as tera reads them: a
    /// call inside a comment, a string or a `raw` block is text, not a call.
    pub fn inline_calls<'s>(&self, name: &str, source: &'s str) -> Cow<'s, str> {
        // Gazette's tera instances keep tera's default: output of `.html`, `.htm` and `.xml`
        // templates is escaped with `tera::escape_html`.
        let escaped = [".html", ".htm", ".xml"].iter().any(|suffix| name.ends_with(suffix));
        let mut out = String::new();
        let mut copied = 0;
        let mut at = 0;
        while let Some(found) = source[at..].find('{') {
            let open = at + found;
            let rest = &source[open..];
            at = match rest.as_bytes().get(1) {
                Some(b'#') => open + rest.find("#}").map_or(rest.len(), |end| end + 2),
                Some(b'%') => {
                    let end = open + tag_end(rest, "%}");
                    if is_raw_tag(&source[open..end]) { end + end_of_raw(&source[end..]) } else { end }
                }
                Some(b'{') => {
                    let inlined = SimpleCall::parse(rest)
                        .and_then(|call| self.code_for(&call, escaped).map(|code| (call.length, code)));
                    match inlined {
                        Some((length, code)) => {
                            out.push_str(&source[copied..open]);
                            out.push_str(&code);
                            copied = open + length;
                            copied
                        }
                        None => open + tag_end(rest, "}}"),
                    }
                }
                _ => open + 1,
            };
        }
        if copied == 0 {
            return Cow::Borrowed(source);
        }
        out.push_str(&source[copied..]);
        Cow::Owned(out)
    }

    /// The template code that prints what `call` would, or `None` when it cannot be written so.
    fn code_for(&self, call: &SimpleCall<'_>, escaped: bool) -> Option<String> {
        let form_code = |text: &str| -> Option<String> {
            // Whitespace at either end could be trimmed by a `-` of the tag beside the call, which
            // trims around the call but never its output; a brace could make a tag with the
            // template's text beside it.
            if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
                return None;
            }
            let mut code = String::with_capacity(text.len() + 16);
            for piece in pieces(text) {
                match piece {
                    Piece::Text(text) if text.contains(['{', '}', '\n']) => return None,
                    Piece::Text(text) if escaped => {
                        let mut bytes = Vec::with_capacity(text.len());
                        let _ = tera::escape_html(text, &mut bytes);
                        code.push_str(&String::from_utf8_lossy(&bytes));
                    }
                    Piece::Text(text) => code.push_str(text),
                    Piece::Hole(name) => {
                        let variable = match (name, call.count) {
                            ("count", Some(count)) => count,
                            _ => call
                                .args
                                .iter()
                                .find(|(arg, _)| *arg == name)
                                .map(|(_, variable)| *variable)?,
                        };
                        code.push_str("{{ ");
                        code.push_str(variable);
                        code.push_str(" }}");
                    }
                }
            }
            Some(code)
        };
        match (self.site.get(call.key)?, call.count) {
            (Entry::Text(text), None) => form_code(text),
            (Entry::Forms(forms), Some(count)) => {
                let other = form_code(&forms.other)?;
                match &forms.one {
                    Some(one) if *one != forms.other => {
                        let one = form_code(one)?;
                        let test = one_test(&self.language, count);
                        Some(format!("{{% if {test} %}}{one}{{% else %}}{other}{{% endif %}}"))
                    }
                    _ => Some(other),
                }
            }
            _ => None,
        }
    }
}

/// The length of the tag that starts `tag` (`{%` or `{{`), through `close`: quoted strings are
/// skipped, as tera's lexer skips them, so a `%}` or `}}` inside one does not end the tag.
fn tag_end(tag: &str, close: &str) -> usize {
    let mut quote: Option<char> = None;
    for (at, c) in tag.char_indices().skip(2) {
        match quote {
            Some(open) if c == open => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None if tag[at..].starts_with(close) => return at + close.len(),
            None => {}
        }
    }
    tag.len()
}

/// Whether `tag` (a whole `{% … %}`) opens a `raw` block (`{% raw %}`, `{%- raw -%}`, `{%raw%}`).
fn is_raw_tag(tag: &str) -> bool {
    let inside = tag.trim_start_matches("{%").trim_end_matches("%}").trim_matches('-').trim();
    inside == "raw"
}

/// The length of `rest` through the tag that ends a `raw` block (all of it when none does).
fn end_of_raw(rest: &str) -> usize {
    let mut at = 0;
    while let Some(found) = rest[at..].find("{%") {
        let open = at + found;
        let end = open + tag_end(&rest[open..], "%}");
        let inside = rest[open..end].trim_start_matches("{%").trim_end_matches("%}").trim_matches('-').trim();
        if inside == "endraw" {
            return end;
        }
        at = open + 2;
    }
    rest.len()
}

/// A call of `t` (or `trans`) alone in a print tag, with a literal key and arguments that are
/// variables (`{{ t(key="page_of", current=pager.current, total=pager.total) }}`).
#[derive(Debug, PartialEq)]
struct SimpleCall<'s> {
    key: &'s str,
    /// The variable given as `count`.
    count: Option<&'s str>,
    /// The other arguments: name and variable.
    args: Vec<(&'s str, &'s str)>,
    /// Bytes of the whole tag, from `{{` to `}}`.
    length: usize,
}

impl<'s> SimpleCall<'s> {
    /// The call at the start of `text`, or `None` for anything else: a filter, an expression or
    /// a string in an argument, `lang=` or `form=`, `{{-` or `-}}`.
    fn parse(text: &'s str) -> Option<SimpleCall<'s>> {
        let rest = text.strip_prefix("{{")?;
        let rest = rest.strip_prefix(' ')?.trim_start_matches(' ');
        let mut rest = rest.strip_prefix("t(").or_else(|| rest.strip_prefix("trans("))?;
        let (mut key, mut count, mut args) = (None, None, Vec::new());
        let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        loop {
            rest = rest.trim_start_matches(' ');
            if let Some(after) = rest.strip_prefix(')') {
                rest = after;
                break;
            }
            let name_end = rest.bytes().position(|b| !is_name_byte(b))?;
            let name = &rest[..name_end];
            rest = rest[name_end..].trim_start_matches(' ').strip_prefix('=')?.trim_start_matches(' ');
            if name == "key" {
                let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
                let end = rest[1..].find(quote)? + 1;
                key = Some(&rest[1..end]);
                rest = &rest[end + 1..];
            } else {
                let end = rest.bytes().position(|b| !(is_name_byte(b) || b == b'.')).unwrap_or(rest.len());
                let variable = &rest[..end];
                if variable.is_empty() || variable.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
                    return None;
                }
                match name {
                    "count" => count = Some(variable),
                    "lang" | "form" | "key" => return None,
                    _ => args.push((name, variable)),
                }
                rest = &rest[end..];
            }
            rest = rest.trim_start_matches(' ');
            match rest.strip_prefix(',') {
                Some(after) => rest = after,
                None if rest.starts_with(')') => {}
                None => return None,
            }
        }
        let after = rest.trim_start_matches(' ').strip_prefix("}}")?;
        let key = key.filter(|key| !key.is_empty() && key.bytes().all(is_name_byte))?;
        Some(SimpleCall { key, count, args, length: text.len() - after.len() })
    }
}

/// The tera test that `count` takes the `one` form in `language` ([`is_one`], as template code).
fn one_test(language: &str, count: &str) -> String {
    if is_one(language, 0) { format!("{count} == 0 or {count} == 1") } else { format!("{count} == 1") }
}
