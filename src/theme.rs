//! The layered set of templates and static files a site is rendered with.
//!
//! Three layers, later ones winning file by file: the default theme built into the binary, the
//! selected theme on disk (`themes/NAME/`), and the site's own `templates/` and `static/`. So a
//! site with no `themes/` folder builds, and a user changes one template without copying the rest.
//! The words of the interface (`i18n/LANG.yaml`) are layered alike, word by word rather than
//! file by file (see [`crate::render::words`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostic::Diagnostic;

include!(concat!(env!("OUT_DIR"), "/embedded_theme.rs"));

/// Where a theme file's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileSource {
    /// Built into the binary (the default theme).
    Embedded(&'static [u8]),
    /// A file on disk.
    Disk(PathBuf),
}

impl FileSource {
    /// The bytes of the file.
    pub fn read(&self) -> std::io::Result<std::borrow::Cow<'static, [u8]>> {
        match self {
            FileSource::Embedded(bytes) => Ok(std::borrow::Cow::Borrowed(bytes)),
            FileSource::Disk(path) => std::fs::read(path).map(std::borrow::Cow::Owned),
        }
    }

    /// The file to name in messages about static file `name` from this source.
    pub fn origin(&self, name: &str) -> PathBuf {
        match self {
            FileSource::Embedded(_) => Path::new("themes/default/static").join(name),
            FileSource::Disk(path) => path.clone(),
        }
    }
}

/// A template's text and where it came from, for error messages.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    /// The file to name in errors (`themes/default/templates/article.html` for built-in ones).
    pub origin: PathBuf,
    /// Template source.
    pub text: String,
}

/// Every template and static file, after layering.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Template name (path under `templates/`) to source.
    pub templates: BTreeMap<String, TemplateFile>,
    /// Path under `static/` to its bytes.
    pub static_files: BTreeMap<String, FileSource>,
    /// The interface's words, `i18n/LANG.yaml` of each layer, in layer order (built-in first).
    pub translations: Vec<TranslationFile>,
    /// What loading found to warn of, but builds anyway (a file in `i18n/` that names no
    /// language).
    pub warnings: Vec<Diagnostic>,
}

/// One `i18n/LANG.yaml` file: the theme's words in one language.
#[derive(Debug, Clone)]
pub struct TranslationFile {
    /// The language tag the file is named after, in lower case (`fr`, `pt-br`).
    pub language: String,
    /// The file to name in errors.
    pub origin: PathBuf,
    /// The YAML text.
    pub text: String,
    /// It is the site's own (`i18n/` at the site's root), not a theme's.
    pub from_site: bool,
}

/// The folder of a theme (and of a site) that holds its words, one YAML file per language.
pub const TRANSLATIONS_DIR: &str = "i18n";

/// The built-in theme's words in `language` (a tag in lower case, `fr`), if it has them.
pub fn built_in_words(language: &str) -> Option<&'static str> {
    EMBEDDED_THEME
        .iter()
        .find(|(name, _)| {
            name.strip_prefix("i18n/").and_then(translation_language).is_some_and(|tag| tag == language)
        })
        .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
}

/// Whether `name` (a file in an `i18n/` folder) is a translation, by its extension: other files
/// (a README, an editor's backup) are passed over.
fn is_translation_file(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// The language a translation file is for, from its name: `pt-BR.yaml` is `pt-br`. `None` for a
/// name that is no language tag ([`crate::language::tag`]), such as `french.yaml`.
fn translation_language(name: &str) -> Option<String> {
    let stem = name.strip_suffix(".yaml").or_else(|| name.strip_suffix(".yml"))?;
    // A subfolder's file (`old/fr.yaml`) is no language's.
    if stem.contains(['/', ' ']) {
        return None;
    }
    crate::language::tag(stem)
}

/// A warning when the site has Hugo's `layouts/` and no templates of its own: a user who moved a
/// site over would see the default theme and no word of why their templates are not used.
fn hugo_layouts(config: &Config) -> Option<Diagnostic> {
    let layouts = config.root.join("layouts");
    let has_templates = walkdir::WalkDir::new(&layouts)
        .into_iter()
        .filter_map(Result::ok)
        .any(|entry| entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "html"));
    (has_templates && !config.site_templates_dir().is_dir()).then(|| {
        Diagnostic::warning(
            layouts,
            "Hugo's templates, which Gazette does not read: the site is built with its theme; Gazette's templates are tera templates in `templates/` (the README's \"Themes\" lists each template and its variables)",
        )
    })
}

impl Theme {
    /// Loads the built-in default theme, then the configured theme folder, then site overrides.
    pub fn load(config: &Config) -> Result<Theme, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut theme = Theme::embedded(&mut problems);
        // Each theme's own templates, as they are before the next layer replaces any, for a
        // site template that extends one (`{% extends "default/templates/base.html" %}`).
        let mut layers = vec![("default".to_string(), theme.templates.clone())];
        let theme_dir = config.theme_dir();
        if let Err(problem) = check_manifest(&theme_dir.join("theme.yaml")) {
            problems.push(problem);
        }
        if theme_dir.is_dir() {
            theme.overlay(&theme_dir.join("templates"), &theme_dir.join("static"), &mut problems);
            theme.add_translations(&theme_dir.join(TRANSLATIONS_DIR), false, &mut problems);
            if config.theme != "default" {
                layers.push((config.theme.clone(), theme.templates.clone()));
            } else {
                layers[0].1 = theme.templates.clone();
            }
        } else if config.theme != "default" {
            problems.push(Diagnostic::error(
                config.config_file.clone().unwrap_or_else(|| PathBuf::from("site.yaml")),
                format!(
                    "theme `{}` not found: there is no folder {} (only the default theme is built in; copy a theme's folder, such as `themes/broadsheet` from Gazette's repository, into the site's `themes/`)",
                    config.theme,
                    theme_dir.display()
                ),
            ));
        }
        let theme_names: Vec<String> = theme.templates.keys().cloned().collect();
        theme.overlay(&config.site_templates_dir(), &config.site_static_dir(), &mut problems);
        problems.extend(hugo_layouts(config));
        theme.add_translations(&config.site_translations_dir(), true, &mut problems);
        let layer_names: Vec<String> = layers.iter().map(|(name, _)| name.clone()).collect();
        theme.add_extended_layers(layers, &mut problems);
        theme.check_site_extends(config, &layer_names, &mut problems);
        theme.check_unused_site_templates(config, &theme_names, &mut problems);
        if problems.iter().any(Diagnostic::is_error) {
            return Err(problems);
        }
        theme.warnings = problems;
        Ok(theme)
    }

    /// The default theme built into the binary, alone: the first layer.
    fn embedded(problems: &mut Vec<Diagnostic>) -> Theme {
        let mut theme = Theme::default();
        for (name, bytes) in EMBEDDED_THEME {
            if let Some(template) = name.strip_prefix("templates/") {
                let origin = Path::new("themes/default").join(name);
                match std::str::from_utf8(bytes) {
                    Ok(text) => {
                        theme
                            .templates
                            .insert(template.to_string(), TemplateFile { origin, text: text.to_string() });
                    }
                    Err(_) => problems.push(Diagnostic::error(origin, "built-in template is not UTF-8")),
                }
            } else if let Some(file) = name.strip_prefix("static/") {
                theme.static_files.insert(file.to_string(), FileSource::Embedded(bytes));
            } else if let Some(language) = name.strip_prefix("i18n/").and_then(translation_language) {
                let origin = Path::new("themes/default").join(name);
                match std::str::from_utf8(bytes) {
                    Ok(text) => theme.translations.push(TranslationFile {
                        language,
                        origin,
                        text: text.to_string(),
                        from_site: false,
                    }),
                    Err(_) => problems.push(Diagnostic::error(origin, "built-in translation is not UTF-8")),
                }
            }
        }
        theme
    }

    /// [`Theme::embedded`], for tests that need the built-in files without a site.
    #[cfg(test)]
    pub fn built_in() -> Theme {
        let mut problems = Vec::new();
        let theme = Theme::embedded(&mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        theme
    }

    /// Adds the `LANG.yaml` files of `dir` (a layer's `i18n/`) after those of earlier layers.
    /// `from_site`: the folder is the site's own `i18n/`, not a theme's.
    fn add_translations(&mut self, dir: &Path, from_site: bool, problems: &mut Vec<Diagnostic>) {
        for (name, path) in files_under(dir, crate::discover::is_hidden, problems) {
            if !is_translation_file(&name) {
                continue;
            }
            let Some(language) = translation_language(&name) else {
                problems.push(Diagnostic::warning(
                    &path,
                    "not read: a file of words is named after its language's tag, such as i18n/fr.yaml or i18n/pt-BR.yaml",
                ));
                continue;
            };
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    self.translations.push(TranslationFile { language, origin: path, text, from_site })
                }
                Err(error) => problems.push(Diagnostic::error(&path, format!("cannot read: {error}"))),
            }
        }
    }

    /// Makes each theme's templates that a template extends or includes by the theme's name
    /// (`default/templates/base.html`, as Zola names them) available under that name, so a site
    /// can change one block of the theme's `base.html` rather than copy it all. A template that
    /// extends its own name is told how to do that.
    fn add_extended_layers(
        &mut self,
        layers: Vec<(String, BTreeMap<String, TemplateFile>)>,
        problems: &mut Vec<Diagnostic>,
    ) {
        for (name, file) in &self.templates {
            if extends(&file.text).is_some_and(|parent| parent == name) {
                problems.push(Diagnostic::error(
                    &file.origin,
                    format!(
                        "extends itself: to change blocks of the theme's {name}, extend it by the theme's name, as in {{% extends \"{}/templates/{name}\" %}}",
                        layers.last().map_or("default", |(theme, _)| theme.as_str())
                    ),
                ));
            }
        }
        for (theme, templates) in layers {
            let prefix = format!("{theme}/templates/");
            if !self.templates.values().any(|file| file.text.contains(prefix.as_str())) {
                continue;
            }
            for (name, file) in templates {
                self.templates.insert(format!("{prefix}{name}"), file);
            }
        }
    }

    /// What a site template's `{% extends %}` gets wrong in ways Tera reports badly or not at
    /// all: another theme's template than the site's (`default/templates/base.html` after the
    /// site switched to broadsheet: every page is default's markup under broadsheet's style
    /// sheet, which styles none of it, and the build said nothing), and a theme's template
    /// named by a path that is not its name (`default/base.html`,
    /// `themes/default/templates/base.html`: Tera says only that it "doesn't exist").
    fn check_site_extends(&self, config: &Config, layers: &[String], problems: &mut Vec<Diagnostic>) {
        let site_dir = config.site_templates_dir();
        for file in self.templates.values().filter(|file| file.origin.starts_with(&site_dir)) {
            let Some(parent) = extends(&file.text) else { continue };
            if self.templates.contains_key(parent) {
                if let Some((theme, _)) = parent.split_once("/templates/")
                    && theme != config.theme
                    && layers.iter().any(|layer| layer == theme)
                {
                    problems.push(Diagnostic::warning(
                        &file.origin,
                        format!(
                            "extends {parent}, but the site's theme is {}: its pages get {theme}'s markup under {}'s style sheet; extend {}/templates/{} instead, or remove this file",
                            config.theme,
                            config.theme,
                            config.theme,
                            parent.split_once("/templates/").map_or(parent, |(_, name)| name)
                        ),
                    ));
                }
                continue;
            }
            let file_name = parent.rsplit('/').next().unwrap_or(parent);
            let theme = layers.last().map_or("default", String::as_str);
            if parent.contains('/') && self.templates.contains_key(file_name) {
                problems.push(Diagnostic::error(
                    &file.origin,
                    format!(
                        "extends {parent}, which is no template's name: a theme's templates are named by the theme, as in {{% extends \"{theme}/templates/{file_name}\" %}}"
                    ),
                ));
            }
        }
    }

    /// Warns of a site template that no page uses: not one of the theme's (which a page renders
    /// or includes), and named by no other template. A misspelled override (`crad.html` for
    /// `card.html`) was silently ignored, and the user wondered why their change did not show.
    fn check_unused_site_templates(
        &self,
        config: &Config,
        theme_names: &[String],
        problems: &mut Vec<Diagnostic>,
    ) {
        let site_dir = config.site_templates_dir();
        for (name, file) in self.templates.iter().filter(|(_, file)| file.origin.starts_with(&site_dir)) {
            if theme_names.contains(name) || name.contains("/templates/") {
                continue;
            }
            let quoted = [format!("\"{name}\""), format!("'{name}'")];
            let named_elsewhere = self.templates.iter().any(|(other, file)| {
                other != name && quoted.iter().any(|quoted| file.text.contains(quoted.as_str()))
            });
            if named_elsewhere {
                continue;
            }
            let closest = theme_names
                .iter()
                .map(|known| (strsim::damerau_levenshtein(name, known), known))
                // Two edits turn `part.html` into `card.html`: short names get one.
                .filter(|(distance, _)| *distance <= if name.len() < 11 { 1 } else { 2 })
                .min()
                .map(|(_, known)| format!(" (did you mean {known}?)"))
                .unwrap_or_default();
            problems.push(Diagnostic::warning(
                &file.origin,
                format!("no page uses this template: it replaces none of the theme's and no template includes it{closest}"),
            ));
        }
    }

    fn overlay(&mut self, templates_dir: &Path, static_dir: &Path, problems: &mut Vec<Diagnostic>) {
        for (name, path) in files_under(templates_dir, crate::discover::is_hidden, problems) {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    self.templates.insert(name, TemplateFile { origin: path, text });
                }
                Err(error) => {
                    problems.push(Diagnostic::error(&path, format!("cannot read template: {error}")))
                }
            }
        }
        for (name, path) in files_under(static_dir, is_private_static, problems) {
            self.static_files.insert(name, FileSource::Disk(path));
        }
    }
}

/// The template `text` extends, from its `{% extends "name" %}` tag.
fn extends(text: &str) -> Option<&str> {
    let at = text.find("{% extends ").or_else(|| text.find("{%- extends "))?;
    let rest = text[at..].split_once("extends ")?.1.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    rest[1..].split_once(quote).map(|(name, _)| name)
}

/// What `theme.yaml` says about a theme.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[serde(default)]
    #[allow(dead_code, reason = "documentation for people; read so typos in it are reported")]
    name: Option<String>,
    #[serde(default)]
    #[allow(dead_code, reason = "documentation for people")]
    description: Option<String>,
    #[serde(default)]
    #[allow(dead_code, reason = "documentation for people")]
    version: Option<String>,
    #[serde(default)]
    min_gazette_version: Option<String>,
}

/// Refuses a theme that needs a newer Gazette than this one, saying which.
fn check_manifest(path: &Path) -> Result<(), Diagnostic> {
    let Ok(text) = std::fs::read_to_string(path) else { return Ok(()) };
    let manifest: Manifest = crate::yaml::parse(&text)
        .map_err(|e| Diagnostic::error(path, format!("theme.yaml: {}", e.message)).at_line(e.line))?;
    let Some(needed) = manifest.min_gazette_version else { return Ok(()) };
    let version =
        |text: &str| -> Vec<u64> { text.split('.').map(|n| n.trim().parse().unwrap_or(0)).collect() };
    if version(&needed) > version(env!("CARGO_PKG_VERSION")) {
        return Err(Diagnostic::error(
            path,
            format!(
                "this theme needs Gazette {needed} or newer; this is Gazette {}",
                env!("CARGO_PKG_VERSION")
            ),
        ));
    }
    Ok(())
}

/// Files and folders of a `static/` folder that are not published: version-control folders, the
/// Finder's `.DS_Store` and Gazette's own marker and cache. Other dot files are: `.well-known/` (security.txt, ACME challenges)
/// and `.htaccess` are routine on a web server, and Hugo and Zola copy them too.
pub fn is_private_static(file_name: &str) -> bool {
    // Gazette's own names are not a site's to publish: a `.gazette` there would replace the
    // output folder's marker.
    [".DS_Store", crate::emit::MARKER, ".gazette-cache"].contains(&file_name)
        || crate::emit::is_version_control(std::ffi::OsStr::new(file_name))
}

/// Every file under `dir` but editors' temporary files and what `skipped` names (files or
/// folders), as (`/`-separated relative path, path).
fn files_under(
    dir: &Path,
    skipped: fn(&str) -> bool,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skipped(&e.file_name().to_string_lossy()));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let name = entry.file_name().to_string_lossy();
                if crate::discover::is_editor_temp(&name) {
                    continue;
                }
                files.push((
                    crate::discover::relative_slash_path(dir, entry.path()),
                    entry.path().to_path_buf(),
                ));
            }
            Ok(_) => {}
            Err(error) => problems.push(Diagnostic::error(
                error.path().unwrap_or(dir),
                format!(
                    "cannot read: {}",
                    error.io_error().map(|e| e.to_string()).unwrap_or_else(|| error.to_string())
                ),
            )),
        }
    }
    files
}
