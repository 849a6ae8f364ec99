//! The development HTTP server: serves the site from memory, injects the live-reload script, and
//! streams reload events to browsers with server-sent events.
//!
//! Pages are served only from the in-memory site (rendered on request, see [`super::live`]),
//! never from disk, so no request path (`..`, `%2e%2e`, backslashes, absolute paths, symbolic
//! links) can read anything else. Responses are never cached, so a reload always shows the latest
//! build.
//!
//! HTTP/1.1 is spoken directly over `std::net`: a dev server needs GET and HEAD, one response per
//! connection, and an event stream that is flushed message by message. tiny_http was tried and
//! buffers streamed bodies in 8 KiB chunks, which holds reload events back; hyper would bring an
//! async runtime for no gain here.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use super::live::{Bytes, LiveSite};
use crate::diagnostic::Diagnostic;

/// The path browsers listen on for reload events.
pub const EVENTS_PATH: &str = "/__gazette/events";

/// What the server shows: the last good site, and the error of the last rebuild if it failed.
#[derive(Default)]
pub struct Served {
    /// The site (none until a first build succeeds).
    pub site: Option<LiveSite>,
    /// The last rebuild's error, shown as an overlay until a rebuild succeeds.
    pub error: Option<String>,
    /// Which version of the site is served, counted up with every change browsers are told of.
    /// A page carries the version it was served at and is told the current one when it
    /// connects: a change made while it was loading (two saves 50 ms apart, the second's reload
    /// sent before the page listened) would otherwise leave it showing the first.
    generation: u64,
}

/// A message to every connected browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broadcast {
    /// The site changed: reload the page.
    Reload,
    /// Only stylesheets changed: swap them without a reload.
    Css,
    /// A rebuild failed: show this error over the page.
    Failed(String),
}

impl Broadcast {
    /// The message as a server-sent event; a change carries the `version` of the site it makes.
    fn to_sse(&self, version: &str) -> String {
        match self {
            Broadcast::Reload => format!("event: reload\ndata: {version}\n\n"),
            Broadcast::Css => format!("event: css\ndata: {version}\n\n"),
            Broadcast::Failed(message) => {
                let mut out = String::from("event: failed\n");
                for line in message.lines() {
                    out.push_str("data: ");
                    out.push_str(line);
                    out.push('\n');
                }
                out.push('\n');
                out
            }
        }
    }
}

/// The state shared between the serve loop and the request threads.
pub struct Shared {
    /// What is served. Request threads render pages under this lock, one at a time: a dev
    /// server has one reader, and the rebuild never waits long for a page.
    served: Mutex<Served>,
    clients: Mutex<Vec<Sender<String>>>,
    /// This server's start, in the versions pages are told: a page served by an earlier run of
    /// `gazette serve` reconnects to this one, finds another version, and reloads, so edits
    /// made while the server was stopped show.
    started: u128,
}

impl Default for Shared {
    fn default() -> Shared {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_millis());
        Shared { served: Mutex::default(), clients: Mutex::default(), started }
    }
}

impl Shared {
    /// The version of the site `served` is, as pages carry it.
    fn version(&self, served: &Served) -> String {
        format!("{}-{}", self.started, served.generation)
    }

    /// The served site, locked.
    pub fn served(&self) -> MutexGuard<'_, Served> {
        self.served.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Sets the error shown over the site (none: the site is good) and tells the browsers, as one
    /// step under the site's lock: a browser connecting meanwhile either finds the state before
    /// and gets `message`, or the state after and not `message`, never neither nor both.
    pub fn announce(&self, error: Option<String>, message: Option<&Broadcast>) {
        let mut served = self.served();
        served.error = error;
        if let Some(message) = message {
            if matches!(message, Broadcast::Reload | Broadcast::Css) {
                served.generation += 1;
            }
            self.broadcast(&message.to_sse(&self.version(&served)));
        }
    }

    /// Sends `text` to every connected browser, forgetting the ones that went away.
    fn broadcast(&self, text: &str) {
        let mut clients = self.clients.lock().unwrap_or_else(|p| p.into_inner());
        clients.retain(|client| client.send(text.to_string()).is_ok());
    }

    /// How many browsers are listening.
    pub fn client_count(&self) -> usize {
        self.clients.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

/// Accepts connections until `stop` is set, one thread per connection (an event stream holds
/// its thread for as long as the browser listens). The site is served under `base_path` (`/`,
/// or base_url's path such as `/news/`).
pub fn serve_forever(listener: TcpListener, shared: Arc<Shared>, stop: Arc<AtomicBool>, base_path: String) {
    let base_path: Arc<str> = base_path.into();
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let shared = Arc::clone(&shared);
        let base_path = Arc::clone(&base_path);
        std::thread::spawn(move || {
            let _ = handle(stream, &shared, &base_path);
        });
    }
}

/// The site's path of a request under `base_path` (`/news/2025/` is `/2025/` under `/news/`), or
/// where to send a request outside it: the root and `/news` go to `/news/`, anything else is
/// not found (`None`, `None`).
fn under_base<'p>(path: &'p str, base_path: &str) -> (Option<&'p str>, Option<String>) {
    if base_path == "/" {
        return (Some(path), None);
    }
    let folder = base_path.trim_end_matches('/');
    match path.strip_prefix(folder) {
        Some(rest) if rest.starts_with('/') => (Some(rest), None),
        Some("") => (None, Some(base_path.to_string())),
        _ if path == "/" => (None, Some(base_path.to_string())),
        _ => (None, None),
    }
}

/// A parsed request line.
struct RequestLine {
    method: String,
    path: String,
}

fn read_request(stream: &TcpStream) -> std::io::Result<Option<RequestLine>> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else { return Ok(None) };
    // Skip the headers: nothing in them changes the answer of a dev server.
    let mut header = String::new();
    let mut total = 0;
    loop {
        header.clear();
        let read = reader.read_line(&mut header)?;
        total += read;
        if read == 0 || header == "\r\n" || header == "\n" || total > 64 * 1024 {
            break;
        }
    }
    Ok(Some(RequestLine { method: method.to_string(), path: target.to_string() }))
}

fn handle(mut stream: TcpStream, shared: &Shared, base_path: &str) -> std::io::Result<()> {
    let Some(request) = read_request(&stream)? else {
        return respond(&mut stream, 400, "text/plain; charset=utf-8", b"bad request", &[], false);
    };
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        return respond(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            b"method not allowed",
            &[("Allow", "GET, HEAD")],
            false,
        );
    }
    let path = request.path.split(['?', '#']).next().unwrap_or("/");
    if path == EVENTS_PATH {
        return stream_events(stream, shared);
    }
    // Decoded once, so a base path with accents or spaces matches as browsers escape it.
    let decoded = crate::text::percent_decode(path);
    let (site_path, elsewhere) = match &decoded {
        Some(decoded) => under_base(decoded, base_path),
        None => (None, None),
    };
    let (answer, error, version) = {
        let mut served = shared.served();
        let error = served.error.clone();
        let version = shared.version(&served);
        let answer = match (served.site.as_mut(), site_path) {
            (None, _) => Answer::NoSite,
            (Some(site), None) => match elsewhere {
                Some(location) => Answer::ToBase(encode_path(&location)),
                None => Answer::NotFound(site.get("404.html")),
            },
            (Some(site), Some(site_path)) => {
                match resolve_decoded(site_path, |candidate| site.contains(candidate)) {
                    Resolved::File(name) => match site.get(&name) {
                        Some(result) => Answer::File(name, result),
                        None => Answer::NotFound(site.get("404.html")),
                    },
                    // The redirect is within the site: back under its path.
                    Resolved::Redirect(location) => Answer::Redirect(encode_path(&format!(
                        "{}{location}",
                        base_path.trim_end_matches('/')
                    ))),
                    Resolved::NotFound => Answer::NotFound(site.get("404.html")),
                }
            }
        };
        (answer, error, version)
    };
    let error = error.as_deref();
    let inject = |html: &[u8], error: Option<&str>| inject(html, error, &version);
    match answer {
        Answer::File(name, Ok(bytes)) => {
            let (mime, body) = page_body(&name, &bytes, |html| inject(html, error));
            respond(&mut stream, 200, mime, &body, &[], head_only)
        }
        Answer::File(_, Err(problem)) | Answer::NotFound(Some(Err(problem))) => {
            let body = inject(
                b"<!doctype html><title>Gazette: page failed</title><body></body>",
                Some(&problem.to_string()),
            );
            respond(&mut stream, 500, "text/html; charset=utf-8", &body, &[], head_only)
        }
        Answer::Redirect(location) => {
            respond(&mut stream, 301, "text/plain; charset=utf-8", b"", &[("Location", &location)], head_only)
        }
        // Not for good: another site served on this port may live at another path.
        Answer::ToBase(location) => {
            respond(&mut stream, 302, "text/plain; charset=utf-8", b"", &[("Location", &location)], head_only)
        }
        Answer::NotFound(Some(Ok(page))) => {
            let (mime, body) = page_body("404.html", &page, |html| inject(html, error));
            respond(&mut stream, 404, mime, &body, &[], head_only)
        }
        Answer::NotFound(None) => {
            respond(&mut stream, 404, "text/plain; charset=utf-8", b"not found", &[], head_only)
        }
        Answer::NoSite => {
            let body = inject_under(NO_SITE_PAGE, error, NO_SITE, &version);
            respond(&mut stream, 503, "text/html; charset=utf-8", &body, &[], head_only)
        }
    }
}

/// What a request gets, found under the lock and sent after it is released.
enum Answer {
    File(String, Result<Bytes, Diagnostic>),
    Redirect(String),
    /// Outside the site's path: to its front page.
    ToBase(String),
    NotFound(Option<Result<Bytes, Diagnostic>>),
    NoSite,
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    mime: &str,
    body: &[u8],
    extra: &[(&str, &str)],
    head_only: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The type of the file `name` and its body as served: a page with the reload script `inject`
/// adds.
fn page_body(name: &str, bytes: &[u8], inject: impl Fn(&[u8]) -> Vec<u8>) -> (&'static str, Vec<u8>) {
    let mime = content_type(name);
    let body = if mime.starts_with("text/html") { inject(bytes) } else { bytes.to_vec() };
    (mime, body)
}

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Serve this output file.
    File(String),
    /// A folder asked for without its trailing slash.
    Redirect(String),
    /// Nothing there (or a path that tries to leave the site).
    NotFound,
}

/// Maps a URL path to an output file. Percent-decoding happens first, so `%2e%2e` is `..` and is
/// refused like `..` itself; so are backslashes and NUL.
pub fn resolve(url_path: &str, exists: impl FnMut(&str) -> bool) -> Resolved {
    match crate::text::percent_decode(url_path) {
        Some(decoded) => resolve_decoded(&decoded, exists),
        None => Resolved::NotFound,
    }
}

/// [`resolve`] for a path already percent-decoded.
fn resolve_decoded(decoded: &str, mut exists: impl FnMut(&str) -> bool) -> Resolved {
    if decoded.contains('\\') || decoded.contains('\0') || !decoded.starts_with('/') {
        return Resolved::NotFound;
    }
    let relative = &decoded[1..];
    if relative.split('/').any(|segment| segment == ".." || segment == ".") {
        return Resolved::NotFound;
    }
    let candidate = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_string()
    };
    if exists(&candidate) {
        return Resolved::File(candidate);
    }
    if !relative.ends_with('/') && exists(&format!("{relative}/index.html")) {
        return Resolved::Redirect(format!("{decoded}/"));
    }
    Resolved::NotFound
}

/// A decoded path as a URL path: bytes other than unreserved ones, `/` and sub-delimiters
/// escaped (`/nouvelles-été/` is `/nouvelles-%C3%A9t%C3%A9/`), for the Location header and the
/// printed address, which must be ASCII.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The live-reload client. Inline (no request leaves the page) and added by the server only, so
/// themes never carry it and built sites never contain it.
const RELOAD_SCRIPT: &str = r#"<script>(function(){
function make(tag,style,parent){var e=document.createElement(tag);e.style.cssText=style;parent.appendChild(e);return e}
var version=document.currentScript.dataset.version;
var es=new EventSource("/__gazette/events");
es.addEventListener("version",function(e){if(e.data!==version){location.reload()}});
function overlay(message){var o=document.getElementById("gazette-error-overlay");if(!o){o=make("div","position:fixed;inset:0;z-index:2147483647;background:rgba(24,0,0,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto;white-space:pre-wrap",document.body);o.id="gazette-error-overlay";o.setAttribute("role","alert");var b=make("button","float:right;font:inherit;padding:.3rem .8rem",o);b.type="button";b.textContent="Hide until the next error";b.setAttribute("onclick","this.parentNode.hidden=true");make("div","",o).setAttribute("data-gazette-message","")}o.hidden=false;o.querySelector("[data-gazette-message]").textContent=(document.body.hasAttribute("data-gazette-no-site")?"Gazette: the site could not be built; it shows here once this is fixed.":"Gazette: the last rebuild failed; this is the last good version of the site.")+"\n\n"+message}
es.addEventListener("reload",function(){location.reload()});
es.addEventListener("css",function(e){version=e.data;document.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){var u=new URL(l.href);u.searchParams.set("gazette",Date.now());l.href=u.toString()})});
es.addEventListener("failed",function(e){overlay(e.data)});
})();</script>"#;

/// Adds the reload script (and the error overlay, when the last rebuild failed) before `</body>`;
/// `version` is the version of the site the page is of (see [`Served`]).
pub fn inject(html: &[u8], error: Option<&str>, version: &str) -> Vec<u8> {
    inject_under(html, error, LAST_GOOD, version)
}

/// The error overlay's look, and its button's, as the reload script draws them too.
const OVERLAY_STYLE: &str = "position:fixed;inset:0;z-index:2147483647;background:rgba(24,0,0,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto;white-space:pre-wrap";
/// The Hide button's look.
const HIDE_STYLE: &str = "float:right;font:inherit;padding:.3rem .8rem";
/// The Hide button's words.
const HIDE_LABEL: &str = "Hide until the next error";

/// What the error overlay says over the last good site.
const LAST_GOOD: &str = "Gazette: the last rebuild failed; this is the last good version of the site.";
/// What it says when no build has succeeded yet, so there is no site under it.
const NO_SITE: &str = "Gazette: the site could not be built; it shows here once this is fixed.";
/// The page served before any build has succeeded. Its body's attribute tells the reload
/// script which heading to give an error.
const NO_SITE_PAGE: &[u8] =
    b"<!doctype html><title>Gazette: no site yet</title><body data-gazette-no-site></body>";

/// [`inject`] with the overlay's heading.
fn inject_under(html: &[u8], error: Option<&str>, heading: &str, version: &str) -> Vec<u8> {
    let mut addition = RELOAD_SCRIPT.replacen("<script>", &format!("<script data-version=\"{version}\">"), 1);
    if let Some(error) = error {
        // As the script draws it (a test keeps the two alike).
        addition.push_str(&format!(
            "<div id=\"gazette-error-overlay\" role=\"alert\" style=\"{OVERLAY_STYLE}\"><button type=\"button\" onclick=\"this.parentNode.hidden=true\" style=\"{HIDE_STYLE}\">{HIDE_LABEL}</button><div data-gazette-message>{heading}\n\n{}</div></div>",
            escape_html(error)
        ));
    }
    let position = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + addition.len());
    out.extend_from_slice(&html[..position]);
    out.extend_from_slice(addition.as_bytes());
    out.extend_from_slice(&html[position..]);
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w.eq_ignore_ascii_case(needle))
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Content types by extension.
pub fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default().to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "webmanifest" => "application/manifest+json",
        "wasm" => "application/wasm",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Writes each broadcast to the browser as soon as it comes; a comment every 15 seconds keeps
/// proxies from closing the stream and tells us when the browser has gone.
fn stream_events(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let (sender, receiver) = channel();
    // Read the state and listen under one lock (see [`Shared::announce`]): a rebuild that ends
    // while this browser connects is neither missed nor told twice.
    let first = {
        let served = shared.served();
        shared.clients.lock().unwrap_or_else(|p| p.into_inner()).push(sender);
        // The version first: a page of an older one reloads (and finds the error in it).
        let mut first = format!("event: version\ndata: {}\n\n", shared.version(&served));
        if let Some(error) = &served.error {
            first.push_str(&Broadcast::Failed(error.clone()).to_sse(""));
        }
        first
    };
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n",
    )?;
    stream.write_all(first.as_bytes())?;
    stream.flush()?;
    loop {
        let message = match receiver.recv_timeout(Duration::from_secs(15)) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        stream.write_all(message.as_bytes())?;
        stream.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> impl Fn(&str) -> bool {
        |path| ["index.html", "a/index.html", "style.css", "404.html"].contains(&path)
    }

    #[test]
    fn index_redirect_and_not_found() {
        let files = site();
        assert_eq!(encode_path("/nouvelles-été/my news/"), "/nouvelles-%C3%A9t%C3%A9/my%20news/");
        assert_eq!(under_base("/2025/", "/"), (Some("/2025/"), None));
        assert_eq!(under_base("/news/2025/", "/news/"), (Some("/2025/"), None));
        assert_eq!(under_base("/news/", "/news/"), (Some("/"), None));
        assert_eq!(under_base("/news", "/news/"), (None, Some("/news/".into())));
        assert_eq!(under_base("/", "/news/"), (None, Some("/news/".into())));
        assert_eq!(under_base("/newsroom/", "/news/"), (None, None));
        assert_eq!(under_base("/2025/", "/news/"), (None, None));
        assert_eq!(resolve("/", &files), Resolved::File("index.html".into()));
        assert_eq!(resolve("/a/", &files), Resolved::File("a/index.html".into()));
        assert_eq!(resolve("/a", &files), Resolved::Redirect("/a/".into()));
        assert_eq!(resolve("/style.css", &files), Resolved::File("style.css".into()));
        assert_eq!(resolve("/nope", &files), Resolved::NotFound);
    }

    #[test]
    fn paths_cannot_leave_the_site() {
        let files = site();
        for path in [
            "/../etc/passwd",
            "/a/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fetc",
            "/a\\..\\x",
            "//etc/passwd",
            "/a/%00",
            "/%zz",
        ] {
            assert!(matches!(resolve(path, &files), Resolved::NotFound), "{path}");
        }
    }

    #[test]
    fn script_goes_before_the_last_body_tag() {
        let page = inject(b"<html><body><p>x</p></body></html>", None, "7-1");
        let text = String::from_utf8(page).unwrap();
        assert!(text.contains("</p><script data-version=\"7-1\">"), "{text}");
        assert!(text.ends_with("</script></body></html>"));
        let with_error = String::from_utf8(inject(b"<body></body>", Some("bad <yaml>"), "7-1")).unwrap();
        assert!(with_error.contains("bad &lt;yaml&gt;"));
    }

    #[test]
    fn the_reload_script_heads_an_error_as_the_served_page_does() {
        // The overlay a failed event draws in the browser and the one served with the page say
        // the same words.
        assert!(RELOAD_SCRIPT.contains(LAST_GOOD) && RELOAD_SCRIPT.contains(NO_SITE));
        for drawn_alike in [OVERLAY_STYLE, HIDE_STYLE, HIDE_LABEL, "this.parentNode.hidden=true"] {
            assert!(RELOAD_SCRIPT.contains(drawn_alike), "{drawn_alike}");
        }
        let page = String::from_utf8(inject_under(NO_SITE_PAGE, Some("broken <b>"), NO_SITE, "7-1")).unwrap();
        assert!(page.contains(&format!(">{NO_SITE}\n\nbroken &lt;b&gt;</div>")), "{page}");
        assert!(page.contains("<body data-gazette-no-site>"), "{page}");
    }

    #[test]
    fn failed_events_keep_every_line() {
        assert_eq!(Broadcast::Failed("a\nb".into()).to_sse("1-2"), "event: failed\ndata: a\ndata: b\n\n");
        assert_eq!(Broadcast::Reload.to_sse("1-2"), "event: reload\ndata: 1-2\n\n");
    }
}
