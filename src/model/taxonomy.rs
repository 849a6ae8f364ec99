//! Tags, sources and authors: each a taxonomy of terms, each term with its articles.
//!
//! Terms are keyed by slug, so `U.S.` and `US` or `Reuters` and `reuters` land on one page (the
//! spelling of the newest article names it). Articles in a term keep the site's newest-first order.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::Article;
use crate::diagnostic::Diagnostic;

/// Which taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaxonomyKind {
    /// Topic tags (front matter plus automatic ones).
    Tags,
    /// Publishers.
    Sources,
    /// Writers.
    Authors,
}

impl TaxonomyKind {
    /// All kinds, in the order pages and menus list them.
    pub const ALL: [TaxonomyKind; 3] = [TaxonomyKind::Tags, TaxonomyKind::Sources, TaxonomyKind::Authors];

    /// URL folder and template variable name: `tags`, `sources`, `authors`.
    pub fn name(self) -> &'static str {
        match self {
            TaxonomyKind::Tags => "tags",
            TaxonomyKind::Sources => "sources",
            TaxonomyKind::Authors => "authors",
        }
    }

    /// One term of the kind, in a sentence: "tag", "source", "author".
    pub fn singular(self) -> &'static str {
        match self {
            TaxonomyKind::Tags => "tag",
            TaxonomyKind::Sources => "source",
            TaxonomyKind::Authors => "author",
        }
    }

    /// Whether `article` writes `name` as one of its terms of this kind (an automatic tag is
    /// found, not written).
    fn written(self, article: &Article, name: &str) -> bool {
        match self {
            TaxonomyKind::Tags => {
                article.tags.iter().any(|tag| tag == name) && !article.auto_tags.iter().any(|tag| tag == name)
            }
            _ => self.terms_of(article).contains(&name),
        }
    }

    fn terms_of(self, article: &Article) -> Vec<&str> {
        match self {
            TaxonomyKind::Tags => article.tags.iter().map(String::as_str).collect(),
            TaxonomyKind::Sources => article.source.as_deref().into_iter().collect(),
            TaxonomyKind::Authors => article.authors.iter().map(String::as_str).collect(),
        }
    }
}

/// One term: a tag, a source or an author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Display name.
    pub name: String,
    /// URL slug, unique in its taxonomy.
    pub slug: String,
    /// Indexes into `Site::articles`, newest first.
    pub articles: Vec<usize>,
}

impl Term {
    /// Site path of the term's first page: `tags/chicago/`.
    pub fn path(&self, kind: TaxonomyKind) -> String {
        // Asked for every tag of every card and article page: no format string.
        let name = kind.name();
        let mut path = String::with_capacity(name.len() + self.slug.len() + 2);
        path.push_str(name);
        path.push('/');
        path.push_str(&self.slug);
        path.push('/');
        path
    }
}

/// All terms of one kind, sorted by name.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// Which taxonomy.
    pub kind: TaxonomyKind,
    /// Terms sorted by name, case-insensitively.
    pub terms: Vec<Term>,
    /// Every spelling seen in articles -> its term's index in `terms`, so pages link to terms
    /// without working slugs out again for every card.
    spellings: HashMap<String, usize>,
}

impl Taxonomy {
    /// Collects the terms of `kind` over `articles` (already in site order).
    pub fn collect(kind: TaxonomyKind, articles: &[Article]) -> Taxonomy {
        let mut by_slug: BTreeMap<String, Term> = BTreeMap::new();
        // Each spelling's slug, how many articles spell it so, and when it was first seen.
        struct Spelling {
            slug: String,
            uses: usize,
            seen: usize,
        }
        let mut spelled: HashMap<&str, Spelling> = HashMap::new();
        for (index, article) in articles.iter().enumerate() {
            for name in kind.terms_of(article) {
                let seen = spelled.len();
                let spelling = spelled.entry(name).or_insert_with(|| Spelling {
                    slug: super::term_slug(name),
                    uses: 0,
                    seen,
                });
                spelling.uses += 1;
                let slug = spelling.slug.clone();
                if slug.is_empty() {
                    continue;
                }
                let term = by_slug.entry(slug.clone()).or_insert_with(|| Term {
                    name: name.trim().to_string(),
                    slug,
                    articles: Vec::new(),
                });
                if term.articles.last() != Some(&index) {
                    term.articles.push(index);
                }
            }
        }
        // A term is named as most of its articles spell it ("U.S." over one story's "US"); in a
        // tie, the spelling with more capitals ("NASA" over "Nasa", "Culture" over "culture"),
        // then the first seen.
        type Choice<'n> = (usize, usize, std::cmp::Reverse<usize>, &'n str);
        let mut best: HashMap<&str, Choice<'_>> = HashMap::new();
        for (name, spelling) in &spelled {
            let capitals = name.chars().filter(|c| c.is_uppercase()).count();
            let candidate = (spelling.uses, capitals, std::cmp::Reverse(spelling.seen), *name);
            best.entry(spelling.slug.as_str())
                .and_modify(|kept| *kept = (*kept).max(candidate))
                .or_insert(candidate);
        }
        for term in by_slug.values_mut() {
            if let Some(&(_, _, _, name)) = best.get(term.slug.as_str()) {
                term.name = name.trim().to_string();
            }
        }
        let mut terms: Vec<Term> = by_slug.into_values().collect();
        terms.sort_by_cached_key(|term| (sort_key(&term.name), term.slug.clone()));
        let positions: HashMap<&str, usize> =
            terms.iter().enumerate().map(|(index, term)| (term.slug.as_str(), index)).collect();
        let spellings = spelled
            .iter()
            .filter_map(|(name, spelling)| Some((name.to_string(), *positions.get(spelling.slug.as_str())?)))
            .collect();
        Taxonomy { kind, terms, spellings }
    }

    /// The index in `terms` of the term for `name` as an article spells it.
    pub fn term_of(&self, name: &str) -> Option<usize> {
        self.spellings.get(name).copied()
    }

    /// The term's name for `name` as an article spells it ("Culture" for one story's
    /// "culture"), so every page shows a term the way its own page does.
    pub fn name_of<'s>(&'s self, name: &'s str) -> &'s str {
        self.term_of(name).map_or(name, |term| self.terms[term].name.as_str())
    }

    /// Site path of the term page for `name` as an article spells it; `None` for a name with no
    /// letters or digits, which has no page.
    pub fn path_of(&self, name: &str) -> Option<String> {
        if let Some(term) = self.term_of(name) {
            return Some(self.terms[term].path(self.kind));
        }
        let slug = super::term_slug(name);
        (!slug.is_empty()).then(|| format!("{}/{slug}/", self.kind.name()))
    }

    /// A warning for each name that shares a term's page with a different name, not another
    /// spelling of it: `C++`, `C#` and `C` all make the slug `c`, where `U.S.` and `US`, `Yahoo!`
    /// and `Yahoo`, or `Media Watch` and `media watch` are meant to meet (see [`name_key`]). The
    /// warning names the first file (in site order) that writes the other name; a name only the
    /// automatic tagger found is not the user's to rewrite, and is not warned of.
    pub fn shared_page_warnings(&self, articles: &[Article], content_dir: &Path) -> Vec<Diagnostic> {
        let mut names_of: Vec<Vec<&str>> = vec![Vec::new(); self.terms.len()];
        for (name, &term) in &self.spellings {
            names_of[term].push(name);
        }
        let mut warnings = Vec::new();
        for (term, mut names) in self.terms.iter().zip(names_of) {
            if names.len() < 2 {
                continue;
            }
            names.sort_unstable();
            let mut keys_seen = vec![name_key(&term.name)];
            for other in names {
                let key = name_key(other);
                if keys_seen.contains(&key) {
                    continue;
                }
                let Some(article) =
                    term.articles.iter().map(|&i| &articles[i]).find(|a| self.kind.written(a, other))
                else {
                    continue;
                };
                keys_seen.push(key);
                warnings.push(Diagnostic::warning(
                    content_dir.join(&article.source_path),
                    format!(
                        "{} `{other}` is listed on the page of `{}` ({}): the two make the same URL once their symbols are dropped; write one of them another way to give it a page of its own",
                        self.kind.singular(),
                        term.name,
                        term.path(self.kind),
                    ),
                ));
            }
        }
        warnings
    }
}

/// What tells two names apart for [`Taxonomy::shared_page_warnings`]: their letters and digits,
/// lower-cased, and the symbols that name something else (`+` of `C++`, `#` of `C#` but not of
/// `#MeToo`). Punctuation that only spells a name differently (`Washington, D.C.`, `Yahoo!`,
/// `O'Brien, Pat`, `Harbor & Pike`) is left out.
pub(crate) fn name_key(name: &str) -> String {
    let name = name.trim().trim_start_matches('#');
    name.chars()
        .filter(|&c| c.is_alphanumeric() || c == '+' || c == '#')
        .flat_map(char::to_lowercase)
        .collect()
}

/// How a name sorts in a list readers scan: without case or accents, so Córdoba comes before
/// Cruz and Álvarez among the A's (a letter with no decomposition, as Ł, sorts after Z).
fn sort_key(name: &str) -> String {
    crate::text::without_marks(name).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;

    #[test]
    fn terms_merge_by_slug_and_keep_site_order() {
        let mut a = article("a.txt", "2025-01-02", "A");
        a.tags = vec!["Chicago".into(), "ICE".into()];
        a.source = Some("Reuters".into());
        let mut b = article("b.txt", "2025-01-01", "B");
        b.tags = vec!["chicago".into()];
        b.source = Some("reuters".into());
        let articles = vec![a, b];
        let tags = Taxonomy::collect(TaxonomyKind::Tags, &articles);
        let names: Vec<_> = tags.terms.iter().map(|t| (t.name.as_str(), t.articles.clone())).collect();
        assert_eq!(names, [("Chicago", vec![0, 1]), ("ICE", vec![0])]);
        let sources = Taxonomy::collect(TaxonomyKind::Sources, &articles);
        assert_eq!(sources.terms.len(), 1);
        assert_eq!(sources.terms[0].path(TaxonomyKind::Sources), "sources/reuters/");
    }

    #[test]
    fn different_names_on_one_page_are_warned_of_and_spellings_are_not() {
        let tagged = [
            ("a.txt", vec!["C++", "U.S.", "Washington, D.C.", "Yahoo!", "#MeToo"]),
            ("b.txt", vec!["C#", "US", "Washington DC", "Yahoo", "MeToo"]),
            ("c.txt", vec!["C++", "Media Watch", "c#"]),
            ("d.txt", vec!["c++", "media-watch", "Harbor & Pike", "C#"]),
            ("e.txt", vec!["Harbor Pike", "C+", "C++"]),
        ];
        let mut articles: Vec<Article> = tagged
            .iter()
            .map(|(file, tags)| {
                let mut story = article(file, "2025-01-02", "A");
                story.tags = tags.iter().map(|t| t.to_string()).collect();
                story
            })
            .collect();
        // Found by the tagger, not written: not the user's to rewrite.
        articles[4].tags.push("C".into());
        articles[4].auto_tags.push("C".into());
        let tags = Taxonomy::collect(TaxonomyKind::Tags, &articles);
        let warnings: Vec<String> = tags
            .shared_page_warnings(&articles, Path::new("content"))
            .iter()
            .map(|w| w.to_string())
            .collect();
        assert_eq!(warnings.len(), 2, "one for C# (however written), one for C+: {warnings:#?}");
        assert!(
            warnings[0].contains("b.txt")
                && warnings[0].contains("tag `C#` is listed on the page of `C++` (tags/c/)")
        );
        assert!(warnings[1].contains("e.txt") && warnings[1].contains("tag `C+` is listed"), "{warnings:#?}");
    }

    #[test]
    fn spellings_of_one_name_share_a_term_named_as_most_spell_it() {
        // The first spelling seen of each is the rarer one, and "Culture" ties with "culture".
        let spellings = [
            ("a.txt", "US", "Nasa"),
            ("b.txt", "U.S.", "NASA"),
            ("c.txt", "U.S.", "NASA"),
            ("d.txt", "culture", "Culture"),
        ];
        let articles: Vec<Article> = spellings
            .iter()
            .map(|(file, country, agency)| {
                let mut story = article(file, "2025-01-02", "A");
                story.tags = vec![country.to_string(), agency.to_string()];
                story
            })
            .collect();
        let tags = Taxonomy::collect(TaxonomyKind::Tags, &articles);
        let names: Vec<_> = tags.terms.iter().map(|t| (t.name.as_str(), t.articles.len())).collect();
        assert_eq!(names, [("Culture", 1), ("NASA", 3), ("U.S.", 3)]);
        assert_eq!(tags.path_of("US"), Some("tags/us/".to_string()));
        assert_eq!(
            (tags.name_of("US"), tags.name_of("Nasa"), tags.name_of("Unknown")),
            ("U.S.", "NASA", "Unknown")
        );
        assert_eq!(tags.path_of("U.S."), tags.path_of("US"));
    }

    #[test]
    fn names_sort_without_case_or_accents() {
        let mut a = article("a.txt", "2025-01-02", "A");
        a.tags = ["Zürich", "Cruz", "Córdoba", "Álvarez", "dpa", "Düsseldorf", "Dynamo"]
            .map(String::from)
            .to_vec();
        let tags = Taxonomy::collect(TaxonomyKind::Tags, &[a]);
        let names: Vec<&str> = tags.terms.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Álvarez", "Córdoba", "Cruz", "dpa", "Düsseldorf", "Dynamo", "Zürich"]);
    }
}
