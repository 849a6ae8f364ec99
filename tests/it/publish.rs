//! `gazette publish` against real peers on this machine: a local folder, a bare git repository
//! as the remote, and moto's S3-compatible server on loopback.
//!
//! Needs `git` and `python3 -m moto.server` (`pip install 'moto[server]'`). Without them a test
//! prints "skipped: ..." and passes, unless the `CI` environment variable is set, in which case
//! it fails saying what to install.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gazette::publish::{
    CacheRule, Change, MANIFEST, NoProgress, PublishError, PublishOptions, PublishProgress, Target,
    TargetConfig, deploy,
};

// ---------------------------------------------------------------------------------------------
// Helpers

/// Write `content` to `rel` under `root`, creating folders.
fn write(root: &Path, rel: &str, content: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create folder");
    std::fs::write(path, content).expect("write file");
}

/// A site folder with `files`.
fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (rel, content) in files {
        write(dir.path(), rel, content);
    }
    dir
}

/// Every file under `root`, relative, sorted.
fn files_in(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n == ".git") {
                    continue;
                }
                stack.push(path);
            } else {
                let rel = path.strip_prefix(root).expect("inside").to_string_lossy().replace('\\', "/");
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

/// Progress that records which files were sent, and can run an action after the n-th one.
#[derive(Default)]
struct Recorder {
    uploaded: Mutex<Vec<String>>,
    started: Mutex<Option<(usize, u64)>>,
    finished: AtomicBool,
    after: Option<(usize, Box<dyn Fn() + Sync>)>,
}

impl Recorder {
    fn after(n: usize, action: impl Fn() + Sync + 'static) -> Self {
        Self { after: Some((n, Box::new(action))), ..Self::default() }
    }

    fn uploaded(&self) -> Vec<String> {
        let mut out = self.uploaded.lock().expect("lock").clone();
        out.sort();
        out
    }
}

impl PublishProgress for Recorder {
    fn start(&self, total_files: usize, total_bytes: u64) {
        *self.started.lock().expect("lock") = Some((total_files, total_bytes));
    }
    fn uploaded(&self, path: &str, _bytes: u64) {
        let count = {
            let mut uploaded = self.uploaded.lock().expect("lock");
            uploaded.push(path.to_owned());
            uploaded.len()
        };
        if let Some((n, action)) = &self.after
            && count == *n
        {
            action();
        }
    }
    fn finish(&self) {
        self.finished.store(true, Ordering::SeqCst);
    }
}

/// Whether a test that needs `what` may run. When it is missing: fail under CI (saying what to
/// install), otherwise say "skipped" on stderr and let the test pass.
#[allow(clippy::print_stderr)]
fn have(available: bool, what: &str, install: &str) -> bool {
    if available {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "{what} is required under CI: install it with `{install}`");
    eprintln!("skipped: {what} not found (install it with `{install}`)");
    false
}

fn have_git() -> bool {
    let ok = Command::new("git").arg("--version").output().is_ok_and(|o| o.status.success());
    have(ok, "git", "apt-get install git")
}

fn have_moto() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import moto.server"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    have(ok, "moto (python3 -m moto.server)", "pip install 'moto[server]'")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// A bare HTTP/1.1 request to 127.0.0.1:`port`: (status, lower-cased headers, body). moto
/// refuses anonymous object reads but does not check signatures, so a dummy one is sent.
fn http(port: u16, method: &str, path: &str) -> std::io::Result<(u16, Headers, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request, \
         SignedHeaders=host, Signature=0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw.as_str(), ""));
    let mut lines = head.lines();
    let status =
        lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Ok((status, headers, body.to_owned()))
}

/// Response headers, names lower-cased.
type Headers = Vec<(String, String)>;

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// moto's S3 server on a free loopback port, killed on drop.
struct Moto {
    child: Child,
    port: u16,
}

impl Moto {
    fn start() -> Self {
        let port = free_port();
        let child = Command::new("python3")
            .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto");
        let moto = Self { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while http(port, "GET", "/").map(|r| r.0).unwrap_or(0) == 0 {
            assert!(Instant::now() < deadline, "moto did not answer on port {port} within 60 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        moto
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn create_bucket(&self, bucket: &str) {
        let (status, _, body) = http(self.port, "PUT", &format!("/{bucket}")).expect("create bucket");
        assert_eq!(status, 200, "create bucket {bucket}: {body}");
    }

    /// Keys in `bucket` (up to 1000), sorted.
    fn keys(&self, bucket: &str) -> Vec<String> {
        let (status, _, body) = http(self.port, "GET", &format!("/{bucket}?list-type=2")).expect("list");
        assert_eq!(status, 200, "list {bucket}: {body}");
        let mut keys: Vec<String> = body
            .split("<Key>")
            .skip(1)
            .filter_map(|part| part.split_once("</Key>").map(|(k, _)| k.to_owned()))
            .collect();
        keys.sort();
        keys
    }

    fn head(&self, bucket: &str, key: &str) -> Vec<(String, String)> {
        let (status, headers, _) = http(self.port, "HEAD", &format!("/{bucket}/{key}")).expect("head");
        assert_eq!(status, 200, "HEAD {bucket}/{key}");
        headers
    }

    fn get(&self, bucket: &str, key: &str) -> String {
        let (status, _, body) = http(self.port, "GET", &format!("/{bucket}/{key}")).expect("get");
        assert_eq!(status, 200, "GET {bucket}/{key}");
        body
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A TCP forwarder in front of a server, which a test can cut like a pulled cable: open
/// connections are shut down and new ones are dropped on accept.
struct Proxy {
    port: u16,
    down: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl Proxy {
    fn start(upstream: u16) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        let port = listener.local_addr().expect("addr").port();
        let down = Arc::new(AtomicBool::new(false));
        let open = Arc::new(Mutex::new(Vec::new()));
        let (down2, open2) = (Arc::clone(&down), Arc::clone(&open));
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                if down2.load(Ordering::SeqCst) {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else { continue };
                let (Ok(c2), Ok(s2)) = (client.try_clone(), server.try_clone()) else { continue };
                if let (Ok(c3), Ok(s3)) = (client.try_clone(), server.try_clone()) {
                    open2.lock().expect("lock").extend([c3, s3]);
                }
                pipe(client, s2);
                pipe(server, c2);
            }
        });
        Self { port, down, open }
    }

    fn cut(&self) {
        self.down.store(true, Ordering::SeqCst);
        for stream in self.open.lock().expect("lock").iter() {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut from, &mut to);
        let _ = to.shutdown(Shutdown::Write);
    });
}

fn s3_target(endpoint: &str, bucket: &str, prefix: &str) -> Target {
    Target::new(TargetConfig::S3 {
        bucket: bucket.to_owned(),
        prefix: prefix.to_owned(),
        endpoint: Some(endpoint.to_owned()),
        region: Some("us-east-1".to_owned()),
        path_style: true,
        retries: Some(2),
    })
}

fn s3_options() -> PublishOptions {
    PublishOptions {
        env: vec![
            ("AWS_ACCESS_KEY_ID".to_owned(), "testing".to_owned()),
            ("AWS_SECRET_ACCESS_KEY".to_owned(), "testing".to_owned()),
            ("AWS_SESSION_TOKEN".to_owned(), "testing".to_owned()),
        ],
        ..PublishOptions::default()
    }
}

fn git_options() -> PublishOptions {
    PublishOptions {
        env: vec![
            ("GIT_AUTHOR_NAME".to_owned(), "Test".to_owned()),
            ("GIT_AUTHOR_EMAIL".to_owned(), "test@example.org".to_owned()),
            ("GIT_COMMITTER_NAME".to_owned(), "Test".to_owned()),
            ("GIT_COMMITTER_EMAIL".to_owned(), "test@example.org".to_owned()),
        ],
        ..PublishOptions::default()
    }
}

/// Run git in `dir`, returning stdout; panics with stderr on failure.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git").args(args).current_dir(dir).output().expect("run git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn bare_repo(parent: &Path) -> PathBuf {
    let bare = parent.join("remote.git");
    std::fs::create_dir_all(&bare).expect("mkdir");
    git(&bare, &["init", "--quiet", "--bare"]);
    bare
}

fn commit_count(bare: &Path, branch: &str) -> usize {
    git(bare, &["rev-list", "--count", branch]).trim().parse().expect("a count")
}

// ---------------------------------------------------------------------------------------------
// Configuration

/// A bucket's name cannot go before an IP address (`bucket.127.0.0.1`): the S3 library panicked
/// on it (exit 101). It is a configuration error that says what to add; no server is needed.
#[test]
fn an_s3_endpoint_by_ip_address_without_path_style_is_a_plain_error() {
    let site = site(&[("index.html", "<h1>home</h1>")]);
    let target = Target::new(TargetConfig::S3 {
        bucket: "news".to_owned(),
        prefix: String::new(),
        endpoint: Some("http://127.0.0.1:1".to_owned()),
        region: Some("us-east-1".to_owned()),
        path_style: false,
        retries: Some(0),
    });
    let error = deploy(site.path(), &target, &s3_options(), &NoProgress).expect_err("refused");
    let message = error.to_string();
    assert!(message.contains("is an IP address") && message.contains("path_style: true"), "{message}");
}

#[test]
fn config_reads_each_kind_and_rejects_unknown_keys() {
    let yaml = "type: s3\nbucket: news\nprefix: site\nendpoint: http://127.0.0.1:9000\npath_style: true\n\
                default: true\nprecompress: true\ncache_control:\n  - glob: '*.html'\n    value: no-cache\n";
    let target: Target = gazette::yaml::parse(yaml).expect("valid s3 target");
    assert!(target.default && target.precompress);
    assert_eq!(target.cache_control, [CacheRule { glob: "*.html".into(), value: "no-cache".into() }]);
    assert!(matches!(&target.kind, TargetConfig::S3 { bucket, path_style: true, .. } if bucket == "news"));

    let target: Target =
        gazette::yaml::parse("type: git\nremote: git@example.org:me/site.git\n").expect("git");
    assert!(matches!(&target.kind, TargetConfig::Git { branch, .. } if branch == "gh-pages"));

    let error = gazette::yaml::parse::<Target>("type: dir\npath: out\nbucket: x\n").expect_err("unknown key");
    assert!(error.to_string().contains("unknown key `bucket`"), "{error}");
    assert!(
        error.to_string().ends_with("expected one of: default, path, type"),
        "s3's keys not offered: {error}"
    );
    let error = gazette::yaml::parse::<Target>("type: dir\npath: out\ndefualt: true\n").expect_err("typo");
    assert!(error.to_string().contains("unknown key `defualt` (did you mean `default`?)"), "{error}");
    let error = gazette::yaml::parse::<Target>("type: ftp\npath: out\n").expect_err("unknown type");
    assert!(error.to_string().contains("ftp"), "{error}");

    let target: Target = gazette::yaml::parse("type: dir\npath: out\nprecompress: true\n").expect("parses");
    let error = target.validate().expect_err("precompress is for s3");
    assert!(error.to_string().contains("precompress"), "{error}");
}

// ---------------------------------------------------------------------------------------------
// dir

#[test]
fn dir_syncs_removes_stale_files_and_dry_runs() {
    // The site folder is a `git worktree` checkout: its `.git` is a file, and no part of the site.
    let site = site(&[
        ("index.html", "home"),
        ("a/b/story.html", "story"),
        ("style.css", "body{}"),
        (".git", "gitdir: /srv/repo/.git/worktrees/public"),
    ]);
    let out = tempfile::tempdir().expect("temp dir");
    let dest = out.path().join("www");
    std::fs::create_dir_all(dest.join(".git")).expect("mkdir");
    write(&dest, ".git/HEAD", "keep me");
    let target = Target::new(TargetConfig::Dir { path: dest.clone() });
    let options = PublishOptions::default();

    let progress = Recorder::default();
    let summary = deploy(site.path(), &target, &options, &progress).expect("first publish");
    assert_eq!((summary.uploaded, summary.deleted, summary.unchanged), (3, 0, 0));
    assert_eq!(progress.uploaded(), ["a/b/story.html", "index.html", "style.css"]);
    assert_eq!(*progress.started.lock().expect("lock"), Some((3, 15)));
    assert!(progress.finished.load(Ordering::SeqCst));
    assert_eq!(files_in(&dest), [MANIFEST, "a/b/story.html", "index.html", "style.css"]);

    write(site.path(), "index.html", "home, edited");
    std::fs::remove_file(site.path().join("a/b/story.html")).expect("rm");
    let dry = PublishOptions { dry_run: true, ..PublishOptions::default() };
    let summary = deploy(site.path(), &target, &dry, &NoProgress).expect("dry run");
    assert_eq!(summary.plan.uploads.len(), 1);
    assert_eq!(summary.plan.uploads[0].change, Change::Changed);
    assert_eq!(summary.plan.deletes, ["a/b/story.html"]);
    assert_eq!(summary.plan.unchanged, ["style.css"]);
    assert_eq!((summary.uploaded, summary.deleted), (0, 0));
    assert_eq!(std::fs::read_to_string(dest.join("index.html")).expect("read"), "home");
    assert!(dest.join("a/b/story.html").exists(), "a dry run deletes nothing");

    let refuse = PublishOptions { max_deletes: 0, ..PublishOptions::default() };
    let error = deploy(site.path(), &target, &refuse, &NoProgress).expect_err("too many deletes");
    assert!(matches!(error, PublishError::TooManyDeletes { count: 1, max: 0, .. }));
    assert!(error.to_string().contains("--max-deletes 1"), "{error}");
    assert_eq!(std::fs::read_to_string(dest.join("index.html")).expect("read"), "home", "refused: no change");

    let summary = deploy(site.path(), &target, &options, &NoProgress).expect("second publish");
    assert_eq!((summary.uploaded, summary.deleted, summary.unchanged), (1, 1, 1));
    assert_eq!(files_in(&dest), [MANIFEST, "index.html", "style.css"]);
    assert!(!dest.join("a").exists(), "emptied folders are removed");
    assert_eq!(std::fs::read_to_string(dest.join("index.html")).expect("read"), "home, edited");
    assert_eq!(std::fs::read_to_string(dest.join(".git/HEAD")).expect("read"), "keep me");

    let summary = deploy(site.path(), &target, &options, &NoProgress).expect("unchanged publish");
    assert_eq!((summary.uploaded, summary.deleted, summary.unchanged), (0, 0, 2));
}

#[test]
fn dir_keeps_files_no_publish_wrote_unless_told_to_delete_them() {
    let site = site(&[("index.html", "home"), ("2025/story/index.html", "story")]);
    let out = tempfile::tempdir().expect("temp dir");
    let dest = out.path().join("www");
    // A folder that already serves something: the site replaces its index, and must not take
    // its photos and notes with it.
    for (rel, content) in [("index.html", "old home"), ("photos/p1.jpg", "jpeg"), ("NOTES.txt", "mine")] {
        write(&dest, rel, content);
    }
    let target = Target::new(TargetConfig::Dir { path: dest.clone() });
    let options = PublishOptions::default();
    let summary = deploy(site.path(), &target, &options, &NoProgress).expect("first publish");
    assert_eq!((summary.uploaded, summary.deleted), (2, 0));
    assert_eq!(summary.plan.kept, ["NOTES.txt", "photos/p1.jpg"]);
    assert!(
        summary
            .warnings
            .iter()
            .any(|w| w.contains("kept 2 files") && w.contains("NOTES.txt") && w.contains("--yes")),
        "{:?}",
        summary.warnings
    );
    assert_eq!(std::fs::read_to_string(dest.join("photos/p1.jpg")).expect("kept"), "jpeg");
    assert_eq!(std::fs::read_to_string(dest.join("index.html")).expect("read"), "home");

    // A story the site drops is the publish's own to delete; the folder's files still stay.
    std::fs::remove_dir_all(site.path().join("2025")).expect("rm");
    let summary = deploy(site.path(), &target, &options, &NoProgress).expect("second publish");
    assert_eq!(
        (summary.deleted, summary.plan.deletes.as_slice()),
        (1, &["2025/story/index.html".to_owned()][..])
    );
    assert_eq!(files_in(&dest), [MANIFEST, "NOTES.txt", "index.html", "photos/p1.jpg"]);

    // Said yes to: they go too.
    let yes = PublishOptions { yes: true, ..PublishOptions::default() };
    let summary = deploy(site.path(), &target, &yes, &NoProgress).expect("publish with --yes");
    assert_eq!(summary.deleted, 2);
    assert!(summary.warnings.is_empty(), "{:?}", summary.warnings);
    assert_eq!(files_in(&dest), [MANIFEST, "index.html"]);
}

#[test]
fn dir_publish_cut_short_still_knows_its_files_and_a_damaged_record_deletes_nothing() {
    let site = site(&[("a.html", "a"), ("b.html", "b")]);
    let out = tempfile::tempdir().expect("temp dir");
    let dest = out.path().join("www");
    // A folder where b.html must go makes the second copy fail, after a.html is in place.
    std::fs::create_dir_all(dest.join("b.html")).expect("mkdir");
    let target = Target::new(TargetConfig::Dir { path: dest.clone() });
    let options = PublishOptions::default();
    deploy(site.path(), &target, &options, &NoProgress).expect_err("b.html cannot be written");
    assert!(dest.join("a.html").exists(), "a.html was copied before the failure");
    std::fs::remove_dir(dest.join("b.html")).expect("rmdir");
    std::fs::remove_file(site.path().join("a.html")).expect("rm");
    let summary = deploy(site.path(), &target, &options, &NoProgress).expect("publish again");
    assert_eq!(summary.plan.deletes, ["a.html"], "the record was written before the copies");
    assert!(summary.plan.kept.is_empty());
    assert_eq!(files_in(&dest), [MANIFEST, "b.html"]);

    // A damaged record is said, and then nothing is deleted without a yes.
    std::fs::write(dest.join(MANIFEST), "not json").expect("write");
    std::fs::remove_file(site.path().join("b.html")).expect("rm");
    write(site.path(), "c.html", "c");
    let summary = deploy(site.path(), &target, &options, &NoProgress).expect("damaged record");
    assert!(summary.warnings.iter().any(|w| w.contains("could not be read")), "{:?}", summary.warnings);
    assert_eq!(summary.plan.kept, ["b.html"]);
    assert_eq!(files_in(&dest), [MANIFEST, "b.html", "c.html"]);
}

#[test]
fn missing_site_folder_is_an_error_naming_it() {
    let out = tempfile::tempdir().expect("temp dir");
    let missing = out.path().join("public");
    let target = Target::new(TargetConfig::Dir { path: out.path().join("www") });
    let error = deploy(&missing, &target, &PublishOptions::default(), &NoProgress).expect_err("no site");
    assert!(matches!(&error, PublishError::Io { path, .. } if *path == missing), "{error}");
    assert!(error.to_string().contains("public"), "{error}");

    let site = site(&[("index.html", "home")]);
    let inside = Target::new(TargetConfig::Dir { path: site.path().join("www") });
    let error = deploy(site.path(), &inside, &PublishOptions::default(), &NoProgress).expect_err("nested");
    assert!(matches!(error, PublishError::Config { .. }), "{error}");
}

// ---------------------------------------------------------------------------------------------
// git

#[test]
fn git_commits_history_and_skips_unchanged() {
    if !have_git() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let bare = bare_repo(tmp.path());
    // A .gitignore in the site must not keep files out of the commit.
    let site = site(&[("index.html", "first"), ("_assets/app.js", "js"), (".gitignore", "*.js\n")]);
    let target = Target::new(TargetConfig::Git {
        remote: bare.display().to_string(),
        branch: "gh-pages".to_owned(),
        cname: Some("news.example.org".to_owned()),
        message: Some("Publish".to_owned()),
    });
    let cached = PublishOptions { work_dir: Some(tmp.path().join("cache")), ..git_options() };

    let summary = deploy(site.path(), &target, &cached, &NoProgress).expect("first publish");
    assert_eq!(summary.uploaded, 6, "three site files, .nojekyll, CNAME and the output folder's marker");
    assert_eq!(commit_count(&bare, "gh-pages"), 1);
    assert_eq!(git(&bare, &["show", "gh-pages:CNAME"]), "news.example.org\n");
    assert_eq!(git(&bare, &["show", "gh-pages:.nojekyll"]), "");
    assert_eq!(git(&bare, &["log", "-1", "--format=%s", "gh-pages"]).trim(), "Publish");

    write(site.path(), "index.html", "second");
    let fresh = git_options();
    let summary = deploy(site.path(), &target, &fresh, &NoProgress).expect("second publish");
    assert_eq!((summary.uploaded, summary.unchanged), (1, 5));
    assert_eq!(commit_count(&bare, "gh-pages"), 2);
    assert_eq!(git(&bare, &["show", "gh-pages:index.html"]), "second");
    assert_eq!(git(&bare, &["show", "gh-pages~1:index.html"]), "first", "the first commit is intact");
    assert_eq!(git(&bare, &["show", "gh-pages~1:_assets/app.js"]), "js");

    let summary = deploy(site.path(), &target, &cached, &NoProgress).expect("unchanged publish");
    assert_eq!(summary.uploaded, 0);
    assert_eq!(commit_count(&bare, "gh-pages"), 2, "an unchanged site makes no commit");

    std::fs::remove_file(site.path().join("_assets/app.js")).expect("rm");
    let refuse = PublishOptions { max_deletes: 0, ..cached.clone() };
    let error = deploy(site.path(), &target, &refuse, &NoProgress).expect_err("refused");
    assert!(matches!(error, PublishError::TooManyDeletes { count: 1, .. }), "{error}");
    let dry = PublishOptions { dry_run: true, ..cached.clone() };
    let summary = deploy(site.path(), &target, &dry, &NoProgress).expect("dry run");
    assert_eq!(summary.plan.deletes, ["_assets/app.js"]);
    assert_eq!(commit_count(&bare, "gh-pages"), 2, "dry run and refusal commit nothing");

    let summary = deploy(site.path(), &target, &cached, &NoProgress).expect("publish a deletion");
    assert_eq!(summary.deleted, 1);
    assert_eq!(commit_count(&bare, "gh-pages"), 3);
    let tree = git(&bare, &["ls-tree", "-r", "--name-only", "gh-pages"]);
    assert_eq!(
        tree.lines().collect::<Vec<_>>(),
        [".gazette", ".gitignore", ".nojekyll", "CNAME", "index.html"]
    );
}

#[test]
fn git_keeps_other_branches_and_works_without_identity() {
    if !have_git() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let bare = bare_repo(tmp.path());
    // The remote already has a main branch with source code.
    let source = tmp.path().join("source");
    std::fs::create_dir_all(&source).expect("mkdir");
    git(&source, &["init", "--quiet", "-b", "main"]);
    write(&source, "README", "source");
    git(&source, &["add", "."]);
    git(&source, &["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "src"]);
    git(&source, &["push", "--quiet", &bare.display().to_string(), "main"]);

    let site = site(&[("index.html", "home")]);
    let target = Target::new(TargetConfig::Git {
        remote: bare.display().to_string(),
        branch: "pages".to_owned(),
        cname: None,
        message: None,
    });
    // No identity anywhere: no global or system config, no GIT_* identity variables.
    let options = PublishOptions {
        env: vec![
            ("GIT_CONFIG_GLOBAL".to_owned(), "/dev/null".to_owned()),
            ("GIT_CONFIG_NOSYSTEM".to_owned(), "1".to_owned()),
        ],
        ..PublishOptions::default()
    };
    deploy(site.path(), &target, &options, &NoProgress).expect("publish without identity");
    assert_eq!(commit_count(&bare, "pages"), 1);
    assert_eq!(commit_count(&bare, "main"), 1);
    let tree = git(&bare, &["ls-tree", "-r", "--name-only", "pages"]);
    assert_eq!(tree.lines().collect::<Vec<_>>(), [".gazette", ".nojekyll", "index.html"], "an orphan branch");

    let bad = Target::new(TargetConfig::Git {
        remote: tmp.path().join("nowhere.git").display().to_string(),
        branch: "gh-pages".to_owned(),
        cname: None,
        message: None,
    });
    let error = deploy(site.path(), &bad, &git_options(), &NoProgress).expect_err("no such remote");
    assert!(
        matches!(&error, PublishError::Git { command, .. } if command.starts_with("git ls-remote")),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------------
// s3

#[test]
fn s3_uploads_only_changes_and_deletes_stale_objects() {
    if !have_moto() {
        return;
    }
    let moto = Moto::start();
    moto.create_bucket("news");
    let site = site(&[
        ("index.html", "<h1>home</h1>"),
        ("2024/05/story.html", "<p>story</p>"),
        ("assets/style.3f2a9c1b.css", "body{}"),
        ("logo.png", "png"),
        ("feed.xml", "<rss/>"),
    ]);
    // Something outside the prefix that must survive every publish.
    let other = tempfile::tempdir().expect("temp dir");
    write(other.path(), "keep.txt", "other");
    let options = s3_options();
    deploy(other.path(), &s3_target(&moto.endpoint(), "news", "elsewhere"), &options, &NoProgress)
        .expect("publish elsewhere");

    let target = s3_target(&moto.endpoint(), "news", "/site/");
    let progress = Recorder::default();
    let summary = deploy(site.path(), &target, &options, &progress).expect("first publish");
    assert_eq!(summary.uploaded, 5);
    assert!(summary.warnings.is_empty(), "{:?}", summary.warnings);
    assert_eq!(progress.uploaded().len(), 5);
    let keys = moto.keys("news");
    assert_eq!(
        keys,
        [
            "elsewhere/.gazette-publish-manifest.json",
            "elsewhere/keep.txt",
            "site/.gazette-publish-manifest.json",
            "site/2024/05/story.html",
            "site/assets/style.3f2a9c1b.css",
            "site/feed.xml",
            "site/index.html",
            "site/logo.png"
        ]
    );
    assert_eq!(moto.get("news", "site/2024/05/story.html"), "<p>story</p>");

    let head = moto.head("news", "site/index.html");
    assert_eq!(header(&head, "content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(header(&head, "cache-control"), Some("public, max-age=300"));
    let sha = gazette::publish::hash::sha256_hex(b"<h1>home</h1>");
    assert_eq!(header(&head, "x-amz-meta-gazette-sha256"), Some(sha.as_str()));
    let head = moto.head("news", "site/assets/style.3f2a9c1b.css");
    assert_eq!(header(&head, "content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(header(&head, "cache-control"), Some("public, max-age=31536000, immutable"));
    let head = moto.head("news", "site/logo.png");
    assert_eq!(header(&head, "content-type"), Some("image/png"));
    assert_eq!(header(&head, "cache-control"), Some("public, max-age=3600"));
    assert_eq!(header(&moto.head("news", "site/feed.xml"), "cache-control"), Some("public, max-age=300"));

    let progress = Recorder::default();
    let summary = deploy(site.path(), &target, &options, &progress).expect("unchanged publish");
    assert_eq!((summary.uploaded, summary.deleted, summary.unchanged), (0, 0, 5));
    assert_eq!(summary.inspected, 0, "the manifest vouches for every object: no HEAD requests");
    assert!(progress.uploaded().is_empty());

    write(site.path(), "index.html", "<h1>home, edited</h1>");
    let progress = Recorder::default();
    let summary = deploy(site.path(), &target, &options, &progress).expect("one page changed");
    assert_eq!(progress.uploaded(), ["index.html"]);
    assert_eq!((summary.unchanged, summary.inspected), (4, 0));
    assert_eq!(moto.get("news", "site/index.html"), "<h1>home, edited</h1>");

    // An object changed behind Gazette's back has another ETag: it is asked about and repaired.
    let (status, _, _) = http(moto.port, "PUT", "/news/site/feed.xml").expect("overwrite by hand");
    assert_eq!(status, 200);
    let progress = Recorder::default();
    let summary = deploy(site.path(), &target, &options, &progress).expect("repair");
    assert_eq!((progress.uploaded(), summary.inspected), (vec!["feed.xml".to_owned()], 1));
    assert_eq!(moto.get("news", "site/feed.xml"), "<rss/>");
    // A damaged manifest only costs HEAD requests.
    let (status, _, _) =
        http(moto.port, "PUT", "/news/site/.gazette-publish-manifest.json").expect("damage the manifest");
    assert_eq!(status, 200);
    let summary = deploy(site.path(), &target, &options, &NoProgress).expect("without a manifest");
    assert_eq!((summary.uploaded, summary.unchanged, summary.inspected), (0, 5, 5));
    assert!(summary.warnings.iter().any(|w| w.contains("could not be read")), "{:?}", summary.warnings);

    std::fs::remove_file(site.path().join("2024/05/story.html")).expect("rm");
    write(site.path(), "new.html", "new");
    let dry = PublishOptions { dry_run: true, ..s3_options() };
    let summary = deploy(site.path(), &target, &dry, &NoProgress).expect("dry run");
    assert_eq!(summary.plan.deletes, ["2024/05/story.html"]);
    assert_eq!(summary.plan.uploads.iter().map(|u| u.path.as_str()).collect::<Vec<_>>(), ["new.html"]);
    assert_eq!(moto.keys("news").len(), 8, "a dry run changes nothing");

    let refuse = PublishOptions { max_deletes: 0, ..s3_options() };
    let error = deploy(site.path(), &target, &refuse, &NoProgress).expect_err("refused");
    assert!(matches!(error, PublishError::TooManyDeletes { count: 1, max: 0, .. }), "{error}");
    assert!(error.to_string().contains("--max-deletes 1"), "{error}");
    assert!(!moto.keys("news").contains(&"site/new.html".to_owned()), "refused before uploading");

    let summary = deploy(site.path(), &target, &options, &NoProgress).expect("delete a page");
    assert_eq!((summary.uploaded, summary.deleted), (1, 1));
    let keys = moto.keys("news");
    assert!(!keys.contains(&"site/2024/05/story.html".to_owned()), "{keys:?}");
    assert!(keys.contains(&"site/new.html".to_owned()) && keys.contains(&"elsewhere/keep.txt".to_owned()));

    // Changing a header rule re-sends exactly the files it affects, gzip-compressed on request.
    let mut tuned = s3_target(&moto.endpoint(), "news", "site");
    tuned.cache_control = vec![CacheRule { glob: "*.png".into(), value: "no-cache".into() }];
    let progress = Recorder::default();
    deploy(site.path(), &tuned, &options, &progress).expect("new cache rule");
    assert_eq!(progress.uploaded(), ["logo.png"]);
    assert_eq!(header(&moto.head("news", "site/logo.png"), "cache-control"), Some("no-cache"));
    tuned.precompress = true;
    let progress = Recorder::default();
    deploy(site.path(), &tuned, &options, &progress).expect("precompress");
    assert_eq!(progress.uploaded(), ["assets/style.3f2a9c1b.css", "feed.xml", "index.html", "new.html"]);
    let head = moto.head("news", "site/index.html");
    assert_eq!(header(&head, "content-encoding"), Some("gzip"));
    assert_eq!(header(&head, "content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(
        header(&moto.head("news", "site/logo.png"), "content-encoding"),
        None,
        "png is not compressed"
    );

    // The manifest's name is reserved: a site file of that name is refused, not overwritten.
    write(site.path(), ".gazette-publish-manifest.json", "{}");
    let error = deploy(site.path(), &target, &options, &NoProgress).expect_err("reserved name");
    assert!(matches!(error, PublishError::UnsupportedName { .. }), "{error}");
}

#[test]
fn s3_keeps_objects_no_publish_wrote_unless_told_to_delete_them() {
    if !have_moto() {
        return;
    }
    let moto = Moto::start();
    moto.create_bucket("news");
    let (status, _, body) = http(moto.port, "PUT", "/news/site/by-hand.txt").expect("put by hand");
    assert_eq!(status, 200, "{body}");
    let site = site(&[("index.html", "home"), ("old.html", "old")]);
    let target = s3_target(&moto.endpoint(), "news", "site");
    let options = s3_options();
    let summary = deploy(site.path(), &target, &options, &NoProgress).expect("first publish");
    assert_eq!((summary.uploaded, summary.deleted, summary.plan.kept.len()), (2, 0, 1));
    assert!(summary.warnings.iter().any(|w| w.contains("by-hand.txt")), "{:?}", summary.warnings);

    std::fs::remove_file(site.path().join("old.html")).expect("rm");
    let summary = deploy(site.path(), &target, &options, &NoProgress).expect("second publish");
    assert_eq!(summary.plan.deletes, ["old.html"], "what a publish wrote is its own to delete");
    assert!(moto.keys("news").contains(&"site/by-hand.txt".to_owned()));

    let yes = PublishOptions { yes: true, ..s3_options() };
    let summary = deploy(site.path(), &target, &yes, &NoProgress).expect("publish with --yes");
    assert_eq!(summary.deleted, 1);
    assert_eq!(moto.keys("news"), ["site/.gazette-publish-manifest.json", "site/index.html"]);
}

/// Two sites in one bucket, one at its root and one under `news/`: publishing the first with
/// `--yes` deleted the second whole.
#[test]
fn s3_a_site_at_the_root_never_deletes_another_sites_prefix() {
    if !have_moto() {
        return;
    }
    let moto = Moto::start();
    moto.create_bucket("papers");
    let news = site(&[("index.html", "news home"), ("story.html", "story")]);
    deploy(news.path(), &s3_target(&moto.endpoint(), "papers", "news"), &s3_options(), &NoProgress)
        .expect("the sub-site");
    let root = site(&[("index.html", "root home")]);
    let yes = PublishOptions { yes: true, ..s3_options() };
    let summary = deploy(root.path(), &s3_target(&moto.endpoint(), "papers", ""), &yes, &NoProgress)
        .expect("the root site");
    assert_eq!((summary.deleted, summary.plan.kept.len()), (0, 0), "{:?}", summary.plan);
    let keys = moto.keys("papers");
    for key in ["news/index.html", "news/story.html", "news/.gazette-publish-manifest.json", "index.html"] {
        assert!(keys.contains(&key.to_owned()), "{key} in {keys:?}");
    }
}

#[test]
fn s3_interrupted_publish_deletes_nothing_and_a_rerun_completes() {
    if !have_moto() {
        return;
    }
    let moto = Moto::start();
    moto.create_bucket("news");
    let options = s3_options();
    let old = site(&[("stale.html", "old page")]);
    deploy(old.path(), &s3_target(&moto.endpoint(), "news", ""), &options, &NoProgress).expect("seed");

    let files: Vec<(String, String)> =
        (0..60).map(|i| (format!("p/{i:03}.html"), format!("page {i}"))).collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let site = site(&refs);

    let proxy = Arc::new(Proxy::start(moto.port));
    let mut through_proxy = s3_target(&format!("http://127.0.0.1:{}", proxy.port), "news", "");
    if let TargetConfig::S3 { retries, .. } = &mut through_proxy.kind {
        *retries = Some(0);
    }
    let cutter = Arc::clone(&proxy);
    let progress = Recorder::after(10, move || cutter.cut());
    let error = deploy(site.path(), &through_proxy, &options, &progress).expect_err("the network went away");
    assert!(matches!(&error, PublishError::Remote { retryable: true, .. }), "{error}");
    assert!(error.to_string().contains("127.0.0.1"), "the message names the URL: {error}");
    let sent_before = progress.uploaded().len();
    assert!((10..60).contains(&sent_before), "{sent_before} uploads before the cut");
    let keys = moto.keys("news");
    assert!(keys.contains(&"stale.html".to_owned()), "nothing deleted after a failed upload");
    assert!(keys.len() < 61, "the publish was cut short: {} keys", keys.len());

    let progress = Recorder::default();
    let summary = deploy(site.path(), &s3_target(&moto.endpoint(), "news", ""), &options, &progress)
        .expect("re-run completes");
    assert_eq!(summary.deleted, 1);
    assert_eq!(summary.uploaded + summary.unchanged, 60);
    assert!(summary.unchanged >= sent_before, "the re-run resumes: {} unchanged", summary.unchanged);
    let keys = moto.keys("news");
    assert_eq!(keys.len(), 61, "the 60 files and the publish manifest");
    assert!(keys.contains(&".gazette-publish-manifest.json".to_owned()));
    assert!(!keys.contains(&"stale.html".to_owned()));
}

/// Measure a first publish and a one-file change of a 13,000-file site against moto:
/// `cargo test --test publish -- --ignored --nocapture s3_large_site_timing`.
#[test]
#[ignore = "slow: a 13,000-file site against moto"]
#[allow(clippy::print_stderr)]
fn s3_large_site_timing() {
    if !have_moto() {
        return;
    }
    let moto = Moto::start();
    moto.create_bucket("big");
    let site = tempfile::tempdir().expect("temp dir");
    let filler = "x".repeat(4000);
    for i in 0..13_000 {
        write(site.path(), &format!("d{:03}/page-{i:05}.html", i / 100), &format!("{i}\n{filler}"));
    }
    let target = s3_target(&moto.endpoint(), "big", "site");
    let options = s3_options();
    let first = deploy(site.path(), &target, &options, &NoProgress).expect("first publish");
    eprintln!("first publish: {} files uploaded, {:.1} s", first.uploaded, first.seconds);
    let again = deploy(site.path(), &target, &options, &NoProgress).expect("unchanged publish");
    eprintln!("unchanged publish: {} files uploaded, {:.1} s", again.uploaded, again.seconds);
    write(site.path(), "d000/page-00000.html", "changed");
    let change = deploy(site.path(), &target, &options, &NoProgress).expect("one change");
    eprintln!("one-file change: {} files uploaded, {:.1} s", change.uploaded, change.seconds);
    assert_eq!((first.uploaded, again.uploaded, change.uploaded), (13_000, 0, 1));
}

/// A target written wrong is reported in the file the site was read from, with the key meant
/// when a near miss stands for a missing one (`typ:` for `type:`).
#[test]
fn a_target_written_wrong_names_the_config_file_and_the_key_meant() {
    let site = crate::harness::SiteTest::with_files(&[(
        "other.yaml",
        "title: News\npublish:\n  live:\n    typ: dir\n    path: www\n",
    )]);
    let run = site.run(&["publish", "--dry-run", "--no-build", "--config", "other.yaml"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("publish target `live` in other.yaml: missing field `type` (`typ` is written: did you mean `type`?)"),
        "{}",
        run.stderr
    );
}

/// A mistake in one target neither stops a publish to the default one nor goes unnamed.
#[test]
fn a_broken_target_is_named_and_does_not_stop_the_default_one() {
    let site = crate::harness::SiteTest::with_files(&[
        (
            "site.yaml",
            "title: News\nbase_url: https://news.example.org/\npublish:\n  mirror:\n    type: dir\n    path: ../mirror\n    default: true\n  pages:\n    type: git\n    remote: x\n    branch: gh pages..bad\n",
        ),
        ("content/2025-03-01-strike.txt", "Dock workers walk out\n\nDock workers walked out.\n"),
    ]);
    let run = site.run(&["publish", "--dry-run"]);
    assert!(run.success, "{}", run.stderr);
    let run = site.run(&["publish", "pages", "--dry-run"]);
    assert!(!run.success);
    assert!(
        run.stderr
            .contains("publish target `pages` in site.yaml: `branch` \"gh pages..bad\" is not a branch name"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_dry_run_lists_each_upload_and_why_in_words() {
    let site = crate::harness::SiteTest::with_files(&[
        (
            "site.yaml",
            "title: News\nbase_url: https://example.org/\npublish:\n  live:\n    type: dir\n    path: www\n",
        ),
        ("content/2025-01-02-vote.txt", "Council vote\n\nThe council voted on Monday.\n"),
    ]);
    let run = site.run(&["publish", "--dry-run"]);
    assert!(run.success, "{}", run.stderr);
    let line =
        run.stdout.lines().find(|line| line.starts_with("upload  index.html")).expect("index.html listed");
    assert!(line.starts_with("upload  index.html (new, ") && line.ends_with(" bytes)"), "{line}");
    assert!(!site.root.join("www").exists(), "a dry run uploads nothing");
}

/// `git clone -b gh-pages … public` of the branch `gazette publish` wrote is a folder the next
/// build replaces, keeping its `.git`: the branch carries the output folder's marker. Without
/// it the build refused the clone as "files Gazette did not write".
#[test]
fn a_clone_of_the_published_branch_is_the_output_folder() {
    if !have_git() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let bare = bare_repo(tmp.path());
    let config = format!(
        "base_url: https://example.org/\npublish:\n  pages:\n    type: git\n    remote: {}\n",
        bare.display()
    );
    let site = crate::harness::SiteTest::with_files(&[
        ("site.yaml", config.as_str()),
        ("content/2025-03-01-ferry.md", "---\ntitle: Ferry fares rise\n---\nFares rise again.\n"),
    ]);
    let run = site.run(&["publish", "--yes"]);
    assert!(run.success, "{}", run.stderr);
    std::fs::remove_dir_all(site.root.join("public")).expect("remove public/");
    git(&site.root, &["clone", "--quiet", "-b", "gh-pages", &bare.display().to_string(), "public"]);
    let run = site.run(&["build"]);
    assert!(run.success, "{}", run.stderr);
    assert!(site.root.join("public/.git").is_dir(), "the clone's repository is kept");
    assert!(site.output("2025/03/01/ferry/index.html").contains("Ferry fares rise"));
}

/// `~/…` in site.yaml is the user's home folder, as in a shell: `path: ~/www` published into a
/// folder named `~` inside the site, and said nothing of it.
#[test]
fn a_tilde_in_site_yaml_paths_is_the_home_folder() {
    let site = crate::harness::SiteTest::with_files(&[
        (
            "site.yaml",
            "base_url: https://news.example.org/\noutput_dir: ~/built\n\
             publish:\n  mirror:\n    type: dir\n    path: ~/www\n",
        ),
        (
            "content/2025-03-01-strike.txt",
            "Dock workers walk out\n\nDock workers in Portvale walked out on Monday.\n",
        ),
    ]);
    let home = site.root.parent().unwrap().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let gazette = |args: &[&str], home: Option<&Path>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
        command.args(args).current_dir(&site.root);
        match home {
            Some(home) => command.env("HOME", home),
            None => command.env_remove("HOME"),
        };
        let output = command.output().unwrap();
        (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (ok, stderr) = gazette(&["publish", "mirror", "--yes"], Some(&home));
    assert!(ok, "{stderr}");
    assert!(home.join("built/2025/03/01/strike/index.html").is_file(), "output_dir: ~/built");
    assert!(home.join("www/2025/03/01/strike/index.html").is_file(), "path: ~/www");
    assert!(!site.root.join("~").exists(), "no folder named `~` in the site");
    // Without a home folder to put in, the build says so rather than guess.
    let (ok, stderr) = gazette(&["build"], None);
    assert!(!ok);
    assert!(stderr.contains("output_dir") && stderr.contains("HOME is not set"), "{stderr}");
    // Named as the command line gave it (helper-69: it blamed site.yaml).
    let (ok, stderr) = gazette(&["build", "--output=~/elsewhere"], None);
    assert!(!ok);
    assert!(stderr.contains("--output") && stderr.contains("HOME is not set"), "{stderr}");
}
