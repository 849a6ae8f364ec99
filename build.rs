//! Embeds `themes/default` in the binary, so a site with no `themes/` folder still builds.
//!
//! Writes `$OUT_DIR/embedded_theme.rs`: a sorted list of (path inside the theme, bytes).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let theme = root.join("themes").join("default");
    println!("cargo::rerun-if-changed={}", theme.display());
    let mut files = Vec::new();
    collect(&theme, &mut files);
    files.sort();
    let mut code = String::from("/// The default theme's files: (path inside the theme, contents).\n");
    code.push_str("pub(crate) static EMBEDDED_THEME: &[(&str, &[u8])] = &[\n");
    for file in &files {
        let relative = file.strip_prefix(&theme).expect("collected under the theme");
        let name: Vec<String> =
            relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        writeln!(code, "    ({:?}, include_bytes!({:?})),", name.join("/"), file.display().to_string())
            .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_theme.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, files);
        } else {
            println!("cargo::rerun-if-changed={}", path.display());
            files.push(path);
        }
    }
}
