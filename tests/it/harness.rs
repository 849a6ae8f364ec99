//! `SiteTest`: copy a fixture site to a temp folder, run `gazette` on it, look at the result.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fixture site copied into its own temp folder.
pub(crate) struct SiteTest {
    _dir: tempfile::TempDir,
    pub(crate) root: PathBuf,
}

/// What a `gazette` run printed and returned.
pub(crate) struct Run {
    pub(crate) success: bool,
    pub(crate) stderr: String,
    pub(crate) stdout: String,
}

impl SiteTest {
    /// Copies `tests/fixtures/<name>` into a fresh temp folder.
    pub(crate) fn fixture(name: &str) -> SiteTest {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
        assert!(source.is_dir(), "no fixture {}", source.display());
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_dir(&source, &root);
        SiteTest { _dir: dir, root }
    }

    /// An empty site with the given files (path, contents).
    pub(crate) fn with_files(files: &[(&str, &str)]) -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        let site = SiteTest { _dir: dir, root };
        for (path, text) in files {
            site.write(path, text);
        }
        site
    }

    /// Runs `gazette ARGS` in the site root.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_in(".", args)
    }

    /// [`SiteTest::run`] from `folder`, relative to the site's (`content`, `..`), as a user who
    /// is in the wrong folder runs it.
    pub(crate) fn run_in(&self, folder: &str, args: &[&str]) -> Run {
        let output: Output = Command::new(env!("CARGO_BIN_EXE_gazette"))
            .args(args)
            .current_dir(self.root.join(folder))
            .output()
            .expect("gazette runs");
        Run {
            success: output.status.success(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        }
    }

    /// `gazette build --now 2026-01-01` (a fixed clock keeps results stable), asserting success.
    pub(crate) fn build_ok(&self) -> Run {
        let run = self.run(&["build", "--now", "2026-01-01T00:00:00Z"]);
        assert!(run.success, "build failed:\n{}", run.stderr);
        run
    }

    /// The text of `public/<path>`.
    pub(crate) fn output(&self, path: &str) -> String {
        let file = self.root.join("public").join(path);
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
    }

    /// True when `public/<path>` exists.
    pub(crate) fn has_output(&self, path: &str) -> bool {
        self.root.join("public").join(path).exists()
    }

    /// Writes a file under the site root, creating folders. The text is written beside the site
    /// and moved into place, as editors that save atomically do, so a watching `gazette serve`
    /// never reads the file half written: an in-place write can be seen between its truncation
    /// and its text when the machine is loaded, and the server then rightly rebuilds twice, which
    /// a test that waits for one rebuild would take for a wrong page.
    pub(crate) fn write(&self, path: &str, text: &str) {
        let file = self.root.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let pending = self.root.parent().unwrap().join("pending-write");
        std::fs::write(&pending, text).unwrap();
        std::fs::rename(&pending, file).unwrap();
    }

    /// Makes every file under `content/` an hour old, as files are when a site is rebuilt: the
    /// article cache does not keep files changed in the last two seconds.
    pub(crate) fn age_content(&self) {
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for entry in walkdir::WalkDir::new(self.root.join("content")).into_iter().map(|e| e.unwrap()) {
            if entry.file_type().is_file() {
                let file = std::fs::File::options().write(true).open(entry.path()).unwrap();
                file.set_modified(an_hour_ago).unwrap();
            }
        }
    }

    /// Every file under `public/`, relative, sorted, with contents.
    pub(crate) fn output_tree(&self) -> Vec<(String, Vec<u8>)> {
        let base = self.root.join("public");
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&base)
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let relative = e.path().strip_prefix(&base).unwrap().to_string_lossy().into_owned();
                (relative, std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }
}

/// The text inside the first `<h1 ...>` element of a page.
pub(crate) fn h1_text(html: &str) -> String {
    let start = html.find("<h1").expect("page has an h1");
    let open_end = start + html[start..].find('>').unwrap() + 1;
    let close = open_end + html[open_end..].find("</h1>").unwrap();
    visible_text(&html[open_end..close]).trim().to_string()
}

/// The visible text of an HTML page: tags removed, entities for &, <, >, quotes decoded.
pub(crate) fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Copies a folder tree.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The JSON-LD block of an HTML page, parsed.
pub(crate) fn json_ld(page: &str) -> serde_json::Value {
    let json = page
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("JSON-LD block");
    serde_json::from_str(json).unwrap()
}
