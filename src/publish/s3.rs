//! The `s3` target: an S3-compatible bucket (AWS S3, MinIO, R2, ...) under a key prefix.
//!
//! Speaks S3 through `object_store` (Apache Arrow's client: request signing, retries, listing,
//! bulk delete). ETags are no content hash (not for multipart uploads, not for gzip-stored
//! objects), so each object carries its own: `x-amz-meta-gazette-sha256` is the SHA-256 of the
//! site file, `x-amz-meta-gazette-headers` a short hash of the Content-Type, Cache-Control and
//! Content-Encoding it was stored with. Listing does not return metadata, so every listed object
//! that the site also has is read with HEAD; an object whose two values match is left alone,
//! which also makes a changed Cache-Control rule re-upload the files it affects.
//!
//! HEAD costs one request per object, which on a 30,000-file site is most of a publish. So a
//! publish ends by writing a manifest object ([`MANIFEST`]) under the prefix: each object's two
//! values together with the ETag the bucket gave it. The next publish trusts the manifest for
//! every listed object whose ETag is still the one recorded and that is not newer than the
//! manifest (listing returns both), and sends HEAD only for the others, such as objects someone
//! changed by hand, content or metadata. The manifest is removed before a publish changes
//! anything, so an interrupted publish leaves none; a missing or unreadable manifest only means
//! every object is asked about.
//!
//! Order of work: list and HEAD, plan, check the delete limit, upload (several at a time), and
//! only when every upload succeeded delete the stale keys, all under the prefix. Credentials come
//! from the standard AWS environment variables (and [`PublishOptions::env`]), else from the
//! shared credentials/config files (`AWS_PROFILE`, default `default`), else whatever
//! object_store finds (instance metadata, web identity).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use futures_util::{StreamExt, TryStreamExt, stream};
use object_store::aws::{AmazonS3, AmazonS3Builder, AmazonS3ConfigKey};
use object_store::path::Path as StorePath;
use object_store::{
    Attribute, Attributes, BackoffConfig, GetOptions, ObjectStore, PutOptions, PutPayload, RetryConfig,
};

use super::config::{Target, TargetConfig};
use super::error::PublishError;
use super::headers::{self, CacheRules};
use super::plan::Plan;
use super::site::LocalFile;
use super::{Outcome, PublishOptions, PublishProgress, hash};

/// Metadata key holding the SHA-256 of the site file (`x-amz-meta-gazette-sha256`).
pub const META_SHA256: &str = "gazette-sha256";
/// Metadata key holding a hash of the stored headers (`x-amz-meta-gazette-headers`).
pub const META_HEADERS: &str = "gazette-headers";

pub use super::MANIFEST;

/// What the last publish knew about each object.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Manifest {
    /// Path under the prefix -> ETag and compare key.
    objects: BTreeMap<String, ManifestEntry>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct ManifestEntry {
    etag: String,
    key: String,
}

/// The bucket as found before publishing.
struct Remote {
    /// Path -> compare key when known (from the manifest or a HEAD request).
    keys: BTreeMap<String, Option<String>>,
    /// Path -> ETag, as listed.
    etags: BTreeMap<String, String>,
    /// Objects that needed a HEAD request.
    inspected: usize,
    /// Objects the last publish wrote, as its manifest lists them.
    published: std::collections::BTreeSet<String>,
    /// Why the manifest could not be used, when it was there but damaged.
    damaged: Option<String>,
}

/// Uploads in flight at once.
const UPLOAD_CONCURRENCY: usize = 16;
/// HEAD requests in flight at once.
const HEAD_CONCURRENCY: usize = 32;
/// Retries of a failed request when the target does not say.
const DEFAULT_RETRIES: usize = 5;

/// How one file is stored.
#[derive(Debug, Clone)]
struct Stored {
    file: LocalFile,
    content_type: &'static str,
    cache_control: String,
    gzip: bool,
    headers_hash: String,
}

/// The bucket and where the site lives in it.
struct Bucket {
    store: Arc<AmazonS3>,
    prefix: Option<StorePath>,
    /// URL of the prefix, for messages.
    url: String,
}

impl Bucket {
    fn key(&self, rel: &str) -> Result<StorePath, PublishError> {
        let full = match &self.prefix {
            Some(prefix) => format!("{}/{rel}", prefix.as_ref()),
            None => rel.to_owned(),
        };
        StorePath::parse(&full).map_err(|e| PublishError::UnsupportedName {
            path: rel.into(),
            reason: format!("not usable as an object key: {e}"),
        })
    }

    fn url(&self, rel: &str) -> String {
        format!("{}/{rel}", self.url.trim_end_matches('/'))
    }

    fn error(&self, rel: &str, error: object_store::Error) -> PublishError {
        use object_store::Error as E;
        let retryable = !matches!(
            error,
            E::NotFound { .. }
                | E::AlreadyExists { .. }
                | E::Precondition { .. }
                | E::NotModified { .. }
                | E::NotSupported { .. }
                | E::NotImplemented { .. }
                | E::PermissionDenied { .. }
                | E::Unauthenticated { .. }
                | E::UnknownConfigurationKey { .. }
                | E::InvalidPath { .. }
        );
        PublishError::Remote { url: self.url(rel), retryable, message: message_of(&error) }
    }
}

/// What `error` says, for a person: object_store's text leaves out why a request could not be
/// sent ("error sending request") and gives a server's refusal as its raw XML.
fn message_of(error: &object_store::Error) -> String {
    let mut cause = std::error::Error::source(error);
    let mut deepest = None;
    while let Some(next) = cause {
        deepest = Some(next.to_string());
        cause = next.source();
    }
    explain(&error.to_string(), deepest.as_deref())
}

/// [`message_of`]'s text: `message` with its deepest `cause`, an S3 error document read down to
/// its code and message, and what to do where the cause is known.
fn explain(message: &str, cause: Option<&str>) -> String {
    // The error document is in the message, or (object_store 0.14) only in its cause.
    let document = [Some(message), cause].into_iter().flatten().find(|text| text.contains("<Code>"));
    let tag = |name: &str| {
        let text = document?;
        let start = text.find(&format!("<{name}>"))? + name.len() + 2;
        let end = start + text[start..].find(&format!("</{name}>"))?;
        Some(text[start..end].to_string())
    };
    let xml_at = message.find("<?xml").or_else(|| message.find("<Error>"));
    let mut explained = match tag("Code") {
        Some(code) => {
            let said = tag("Message").map_or(String::new(), |text| format!(": {text}"));
            let before = message[..xml_at.unwrap_or(message.len())].trim_end();
            format!("{before} (the server said {code}{said})")
        }
        None => message.to_string(),
    };
    if let Some(cause) = cause
        && !explained.contains(cause)
        && document != Some(cause)
    {
        explained.push_str(&format!(" ({cause})"));
    }
    if explained.contains("169.254.169.254") {
        explained.push_str("; no AWS credentials were found (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile in ~/.aws/credentials), so the cloud machine's metadata service was asked for some: set them");
    }
    explained
}

/// Publish `files` to the target's bucket.
pub(crate) fn publish(
    files: &[LocalFile],
    target: &Target,
    options: &PublishOptions,
    progress: &dyn PublishProgress,
) -> Result<Outcome, PublishError> {
    let bucket = connect(target, options)?;
    let rules = CacheRules::new(&target.cache_control)?;
    let stored: Vec<Stored> = files.iter().map(|f| describe(f, &rules, target.precompress)).collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| PublishError::io("start the network runtime for", &bucket.url, e))?;
    runtime.block_on(run(&bucket, &stored, options, progress))
}

async fn run(
    bucket: &Bucket,
    stored: &[Stored],
    options: &PublishOptions,
    progress: &dyn PublishProgress,
) -> Result<Outcome, PublishError> {
    let remote = remote_state(bucket, stored).await?;
    let wanted: Vec<LocalFile> = stored
        .iter()
        .map(|s| LocalFile { hash: compare_key(&s.file.hash, &s.headers_hash), ..s.file.clone() })
        .collect();
    let mut plan = Plan::compute(&wanted, &remote.keys);
    plan.keep_unpublished(&remote.published, options.yes);
    if options.dry_run {
        return Ok(Outcome { inspected: remote.inspected, ..Outcome::dry(plan) });
    }
    plan.check_deletes(options.max_deletes, &bucket.url)?;

    // The manifest vouches for objects as they are now; once anything changes it must not be
    // trusted until it is written again at the end. Meanwhile it vouches for nothing but still
    // names every object a publish wrote, so a re-run after an interruption deletes stale ones.
    if !plan.uploads.is_empty() || !plan.deletes.is_empty() {
        let claimed = remote.published.iter().chain(plan.uploads.iter().map(|upload| &upload.path));
        let unvouched = Manifest {
            objects: claimed
                .map(|path| (path.clone(), ManifestEntry { etag: String::new(), key: String::new() }))
                .collect(),
        };
        put_manifest(bucket, &unvouched).await?;
    }
    let by_path: BTreeMap<&str, &Stored> = stored.iter().map(|s| (s.file.rel.as_str(), s)).collect();
    progress.start(plan.uploads.len(), plan.upload_bytes());
    let sent = upload_all(bucket, &plan, &by_path, progress).await;
    progress.finish();
    let (bytes, uploaded_etags) = sent?;
    delete_all(bucket, &plan.deletes).await?;
    let mut warnings: Vec<String> = remote.damaged.iter().cloned().collect();
    if let Err(error) = write_manifest(bucket, &wanted, &plan, &remote, &uploaded_etags).await {
        warnings.push(format!(
            "the site is published, but the publish manifest could not be written ({error}); the next publish will check every object one by one"
        ));
    }
    Ok(Outcome { inspected: remote.inspected, warnings, ..Outcome::done(plan, bytes) })
}

/// Records every object's compare key and ETag for the next publish. Failing to write it only
/// costs the next publish its HEAD requests, so a failure is a warning, not an error.
async fn write_manifest(
    bucket: &Bucket,
    wanted: &[LocalFile],
    plan: &Plan,
    remote: &Remote,
    uploaded_etags: &BTreeMap<String, String>,
) -> Result<(), String> {
    let unchanged: std::collections::BTreeSet<&str> = plan.unchanged.iter().map(String::as_str).collect();
    let objects = wanted
        .iter()
        .filter_map(|file| {
            let etag = match uploaded_etags.get(&file.rel) {
                Some(etag) => etag,
                None if unchanged.contains(file.rel.as_str()) => remote.etags.get(&file.rel)?,
                None => return None,
            };
            Some((file.rel.clone(), ManifestEntry { etag: etag.clone(), key: file.hash.clone() }))
        })
        .collect();
    put_manifest(bucket, &Manifest { objects }).await.map_err(|error| error.to_string())
}

/// Stores `manifest` under the prefix.
async fn put_manifest(bucket: &Bucket, manifest: &Manifest) -> Result<(), PublishError> {
    // A map of strings to strings always serialises.
    let body = serde_json::to_vec(manifest).unwrap_or_default();
    let key = bucket.key(MANIFEST)?;
    let mut attributes = Attributes::new();
    attributes.insert(Attribute::ContentType, "application/json".into());
    attributes.insert(Attribute::CacheControl, "no-store".into());
    let options = PutOptions { attributes, ..PutOptions::default() };
    bucket
        .store
        .put_opts(&key, PutPayload::from(body), options)
        .await
        .map(|_| ())
        .map_err(|e| bucket.error(MANIFEST, e))
}

/// The manifest the last publish left: empty when there is none, and empty with a warning when
/// it is damaged (every object is then asked about, and none is deleted without --yes). Failing
/// to fetch it is an error, since it names the objects a publish may delete.
async fn read_manifest(bucket: &Bucket) -> Result<(Manifest, Option<String>), PublishError> {
    let key = bucket.key(MANIFEST)?;
    let found = match bucket.store.get_opts(&key, GetOptions::default()).await {
        Ok(found) => found,
        Err(object_store::Error::NotFound { .. }) => return Ok((Manifest::default(), None)),
        Err(error) => return Err(bucket.error(MANIFEST, error)),
    };
    let bytes = found.bytes().await.map_err(|error| bucket.error(MANIFEST, error))?;
    Ok(match serde_json::from_slice(&bytes) {
        Ok(manifest) => (manifest, None),
        Err(error) => (
            Manifest::default(),
            Some(format!(
                "the publish manifest could not be read ({error}): every object was checked, and objects the site no longer has are kept until a publish with --yes"
            )),
        ),
    })
}

/// The key a stored object is compared by: content hash and headers hash together.
fn compare_key(sha256: &str, headers_hash: &str) -> String {
    format!("{sha256}/{headers_hash}")
}

/// Decide how `file` is stored.
fn describe(file: &LocalFile, rules: &CacheRules, precompress: bool) -> Stored {
    let content_type = headers::content_type(&file.rel);
    let cache_control = rules.for_path(&file.rel).to_owned();
    let gzip = precompress && headers::compressible(content_type);
    let encoding = if gzip { "gzip" } else { "" };
    let headers_hash = hash::sha256_hex(format!("{content_type}\n{cache_control}\n{encoding}").as_bytes());
    Stored {
        file: file.clone(),
        content_type,
        cache_control,
        gzip,
        headers_hash: headers_hash[..16].to_owned(),
    }
}

/// Every object under the prefix, with its compare key when it has one and the site has a file
/// of that name (stale objects are not worth a HEAD). The manifest vouches for objects whose ETag
/// is unchanged since the last publish; the others are asked about with HEAD.
async fn remote_state(bucket: &Bucket, stored: &[Stored]) -> Result<Remote, PublishError> {
    let (manifest, damaged) = read_manifest(bucket).await?;
    let published = manifest.objects.keys().cloned().collect();
    let listed: Vec<object_store::ObjectMeta> =
        bucket.store.list(bucket.prefix.as_ref()).try_collect().await.map_err(|e| bucket.error("", e))?;
    let strip = bucket.prefix.as_ref().map(|p| format!("{}/", p.as_ref())).unwrap_or_default();
    let wanted: std::collections::BTreeSet<&str> = stored.iter().map(|s| s.file.rel.as_str()).collect();
    // An object written after the manifest (a metadata edit keeps the ETag) is not vouched for.
    let manifest_written = listed
        .iter()
        .find(|meta| meta.location.as_ref().strip_prefix(&strip) == Some(MANIFEST))
        .map(|meta| meta.last_modified);
    let mut keys = BTreeMap::new();
    let mut etags = BTreeMap::new();
    let mut to_head = Vec::new();
    for meta in listed {
        let Some(rel) = meta.location.as_ref().strip_prefix(&strip) else { continue };
        if rel == MANIFEST {
            continue;
        }
        let known = match (manifest.objects.get(rel), &meta.e_tag, manifest_written) {
            (Some(entry), Some(etag), Some(written))
                if entry.etag == *etag && meta.last_modified <= written =>
            {
                Some(entry.key.clone())
            }
            _ => None,
        };
        if let Some(etag) = meta.e_tag {
            etags.insert(rel.to_owned(), etag);
        }
        if known.is_none() && wanted.contains(rel) {
            to_head.push((rel.to_owned(), meta.location.clone()));
        }
        keys.insert(rel.to_owned(), known);
    }
    let inspected = to_head.len();
    let heads = stream::iter(to_head)
        .map(|(rel, location)| async move {
            let options = GetOptions { head: true, ..GetOptions::default() };
            let result = bucket.store.get_opts(&location, options).await;
            (rel, result)
        })
        .buffer_unordered(HEAD_CONCURRENCY);
    futures_util::pin_mut!(heads);
    while let Some((rel, result)) = heads.next().await {
        let found = match result {
            Ok(found) => found,
            Err(object_store::Error::NotFound { .. }) => continue,
            Err(e) => return Err(bucket.error(&rel, e)),
        };
        let meta =
            |key: &'static str| found.attributes.get(&Attribute::Metadata(key.into())).map(|v| v.as_ref());
        if let (Some(sha), Some(headers)) = (meta(META_SHA256), meta(META_HEADERS)) {
            let key = compare_key(sha, headers);
            keys.insert(rel, Some(key));
        }
    }
    Ok(Remote { keys, etags, inspected, published, damaged })
}

/// Upload every planned file, several at a time; stops at the first failure. Returns the bytes
/// sent and the ETag the bucket gave each uploaded file.
async fn upload_all(
    bucket: &Bucket,
    plan: &Plan,
    by_path: &BTreeMap<&str, &Stored>,
    progress: &dyn PublishProgress,
) -> Result<(u64, BTreeMap<String, String>), PublishError> {
    let uploads = stream::iter(plan.uploads.iter().filter_map(|u| by_path.get(u.path.as_str()).copied()))
        .map(|s| async move { upload(bucket, s).await.map(|etag| (s, etag)) })
        .buffer_unordered(UPLOAD_CONCURRENCY);
    futures_util::pin_mut!(uploads);
    let mut bytes = 0;
    let mut etags = BTreeMap::new();
    while let Some(result) = uploads.next().await {
        let (s, etag) = result?;
        bytes += s.file.size;
        if let Some(etag) = etag {
            etags.insert(s.file.rel.clone(), etag);
        }
        progress.uploaded(&s.file.rel, s.file.size);
    }
    Ok((bytes, etags))
}

async fn upload(bucket: &Bucket, s: &Stored) -> Result<Option<String>, PublishError> {
    let key = bucket.key(&s.file.rel)?;
    let content = std::fs::read(&s.file.abs).map_err(|e| PublishError::io("read", &s.file.abs, e))?;
    let body = if s.gzip {
        gzip(&content).map_err(|e| PublishError::io("compress", &s.file.abs, e))?
    } else {
        content
    };
    let mut attributes = Attributes::new();
    attributes.insert(Attribute::ContentType, s.content_type.into());
    attributes.insert(Attribute::CacheControl, s.cache_control.clone().into());
    if s.gzip {
        attributes.insert(Attribute::ContentEncoding, "gzip".into());
    }
    attributes.insert(Attribute::Metadata(META_SHA256.into()), s.file.hash.clone().into());
    attributes.insert(Attribute::Metadata(META_HEADERS.into()), s.headers_hash.clone().into());
    let options = PutOptions { attributes, ..PutOptions::default() };
    let result = bucket
        .store
        .put_opts(&key, PutPayload::from(body), options)
        .await
        .map_err(|e| bucket.error(&s.file.rel, e))?;
    Ok(result.e_tag)
}

fn gzip(content: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(content)?;
    encoder.finish()
}

/// Delete the stale keys (bulk delete requests).
async fn delete_all(bucket: &Bucket, deletes: &[String]) -> Result<(), PublishError> {
    if deletes.is_empty() {
        return Ok(());
    }
    let keys = deletes.iter().map(|rel| bucket.key(rel).map(Ok)).collect::<Result<Vec<_>, _>>()?;
    let mut results = bucket.store.delete_stream(stream::iter(keys).boxed());
    while let Some(result) = results.next().await {
        match result {
            Ok(_) | Err(object_store::Error::NotFound { .. }) => {}
            Err(e) => return Err(bucket.error("", e)),
        }
    }
    Ok(())
}

/// Build the S3 client for the target.
fn connect(target: &Target, options: &PublishOptions) -> Result<Bucket, PublishError> {
    let TargetConfig::S3 { bucket, prefix, endpoint, region, path_style, retries } = &target.kind else {
        return Err(PublishError::config("not an s3 target"));
    };
    // reqwest is built without a bundled crypto provider; use ring's, process-wide. It fails
    // only when a provider is installed already, which is as good.
    let _ = rustls::crypto::ring::default_provider().install_default();

    let url = target.kind.describe();
    let vars = options.aws_vars();
    let mut builder = AmazonS3Builder::new();
    for (key, value) in &vars {
        if let Ok(key) = key.to_ascii_lowercase().parse::<AmazonS3ConfigKey>() {
            builder = builder.with_config(key, value);
        }
    }
    builder = builder.with_bucket_name(bucket);
    let profile = if vars.contains_key("AWS_ACCESS_KEY_ID") { None } else { profile::load(options) };
    if let Some(profile) = &profile
        && let (Some(id), Some(secret)) = (&profile.access_key_id, &profile.secret_access_key)
    {
        builder = builder.with_access_key_id(id).with_secret_access_key(secret);
        if let Some(token) = &profile.session_token {
            builder = builder.with_token(token);
        }
    }
    let env_region = ["AWS_REGION", "AWS_DEFAULT_REGION"].iter().find_map(|k| vars.get(*k).cloned());
    let region = region.clone().or(env_region).or_else(|| profile.and_then(|p| p.region));
    if let Some(region) = region {
        builder = builder.with_region(region);
    }
    match endpoint {
        Some(endpoint) => {
            builder = builder.with_allow_http(endpoint.starts_with("http://"));
            if *path_style {
                builder = builder.with_endpoint(endpoint).with_virtual_hosted_style_request(false);
            } else if names_an_ip_address(endpoint) {
                return Err(PublishError::config(format!(
                    "`endpoint` {endpoint:?} is an IP address, and a bucket's name cannot go before one (`{bucket}.{}`); add `path_style: true` to the target, as servers such as MinIO want",
                    endpoint.split_once("://").map_or(endpoint.as_str(), |(_, rest)| rest)
                )));
            } else {
                let hosted = virtual_hosted_endpoint(endpoint, bucket).ok_or_else(|| {
                    PublishError::config(format!("`endpoint` {endpoint:?} is not an http(s):// URL"))
                })?;
                builder = builder.with_endpoint(hosted).with_virtual_hosted_style_request(true);
            }
        }
        None => builder = builder.with_virtual_hosted_style_request(!path_style),
    }
    let retry = RetryConfig {
        backoff: BackoffConfig { init_backoff: Duration::from_millis(100), ..BackoffConfig::default() },
        max_retries: retries.unwrap_or(DEFAULT_RETRIES),
        retry_timeout: Duration::from_secs(120),
    };
    builder = builder.with_retry(retry);
    let store = builder.build().map_err(|e| PublishError::Remote {
        url: url.clone(),
        retryable: false,
        message: e.to_string(),
    })?;
    let prefix = prefix.trim_matches('/');
    let prefix = if prefix.is_empty() {
        None
    } else {
        Some(
            StorePath::parse(prefix)
                .map_err(|e| PublishError::config(format!("`prefix` {prefix:?}: {e}")))?,
        )
    };
    Ok(Bucket { store: Arc::new(store), prefix, url })
}

/// `https://host` → `https://bucket.host` for virtual-hosted-style requests.
fn virtual_hosted_endpoint(endpoint: &str, bucket: &str) -> Option<String> {
    let (scheme, rest) = endpoint.split_once("://")?;
    matches!(scheme, "http" | "https").then(|| format!("{scheme}://{bucket}.{}", rest.trim_end_matches('/')))
}

/// Whether `endpoint`'s host is an IP address, which a bucket's name cannot be put before: the
/// S3 library panicked on `http://bucket.127.0.0.1:9000`.
fn names_an_ip_address(endpoint: &str) -> bool {
    let rest = endpoint.split_once("://").map_or(endpoint, |(_, rest)| rest);
    let authority = rest.split('/').next().unwrap_or(rest);
    if authority.starts_with('[') {
        return true;
    }
    let host = authority.rsplit_once(':').map_or(authority, |(host, _)| host);
    host.parse::<std::net::Ipv4Addr>().is_ok()
}

/// The AWS shared credentials and config files, for when the environment has no keys.
mod profile {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use super::PublishOptions;

    /// What a profile says.
    #[derive(Debug, Default, PartialEq, Eq)]
    pub(super) struct Profile {
        pub(super) access_key_id: Option<String>,
        pub(super) secret_access_key: Option<String>,
        pub(super) session_token: Option<String>,
        pub(super) region: Option<String>,
    }

    /// The profile named by `AWS_PROFILE` (default `default`) from the credentials file
    /// (`AWS_SHARED_CREDENTIALS_FILE`, `~/.aws/credentials`) and config file (`AWS_CONFIG_FILE`,
    /// `~/.aws/config`); the credentials file wins. `None` when neither has it.
    pub(super) fn load(options: &PublishOptions) -> Option<Profile> {
        let name = options.var("AWS_PROFILE").unwrap_or_else(|| "default".to_owned());
        let home = options.var("HOME").map(PathBuf::from);
        let file = |var: &str, default: &str| {
            options
                .var(var)
                .map(PathBuf::from)
                .or_else(|| home.as_ref().map(|h| h.join(".aws").join(default)))
        };
        let read =
            |path: Option<PathBuf>| path.and_then(|p| std::fs::read_to_string(p).ok()).unwrap_or_default();
        let credentials = read(file("AWS_SHARED_CREDENTIALS_FILE", "credentials"));
        let config = read(file("AWS_CONFIG_FILE", "config"));
        from_files(&name, &credentials, &config)
    }

    pub(super) fn from_files(name: &str, credentials: &str, config: &str) -> Option<Profile> {
        let config_section = if name == "default" { "default".to_owned() } else { format!("profile {name}") };
        let mut keys = section(config, &config_section).unwrap_or_default();
        let from_credentials = section(credentials, name);
        if keys.is_empty() && from_credentials.is_none() {
            return None;
        }
        keys.extend(from_credentials.unwrap_or_default());
        Some(Profile {
            access_key_id: keys.remove("aws_access_key_id"),
            secret_access_key: keys.remove("aws_secret_access_key"),
            session_token: keys.remove("aws_session_token"),
            region: keys.remove("region"),
        })
    }

    /// The `key = value` pairs of `[name]` in an INI text.
    fn section(text: &str, name: &str) -> Option<BTreeMap<String, String>> {
        let mut current: Option<&str> = None;
        let mut found = None::<BTreeMap<String, String>>;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = Some(header.trim());
                if header.trim() == name {
                    found.get_or_insert_with(BTreeMap::new);
                }
                continue;
            }
            if current == Some(name)
                && let (Some((key, value)), Some(map)) = (line.split_once('='), found.as_mut())
            {
                map.insert(key.trim().to_ascii_lowercase(), value.trim().to_owned());
            }
        }
        found
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn reads_named_profile() {
            let credentials = "[default]\naws_access_key_id = A\naws_secret_access_key = B\n\
                               [work]\naws_access_key_id=C\naws_secret_access_key=D\naws_session_token=T\n";
            let config = "[default]\nregion = eu-west-1\n[profile work]\nregion = us-west-2\n";
            let work = from_files("work", credentials, config).unwrap();
            assert_eq!(work.access_key_id.as_deref(), Some("C"));
            assert_eq!(work.session_token.as_deref(), Some("T"));
            assert_eq!(work.region.as_deref(), Some("us-west-2"));
            let default = from_files("default", credentials, config).unwrap();
            assert_eq!(default.secret_access_key.as_deref(), Some("B"));
            assert_eq!(default.region.as_deref(), Some("eu-west-1"));
            assert!(from_files("other", credentials, config).is_none());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ip_endpoint_needs_path_style_and_server_errors_read_plainly() {
        assert!(names_an_ip_address("http://127.0.0.1:15321"));
        assert!(names_an_ip_address("http://[::1]:9000/"));
        assert!(!names_an_ip_address("https://s3.example.org"));
        assert!(!names_an_ip_address("http://localhost:9000"));
        let raw = "Generic S3 error: <?xml version=\"1.0\"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>";
        assert_eq!(
            explain(raw, None),
            "Generic S3 error: (the server said NoSuchBucket: The specified bucket does not exist)"
        );
        // object_store 0.14 keeps the document in the error's cause.
        let cause = "Server returned non-2xx status code: 404 Not Found: <?xml version=\"1.0\"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>";
        assert_eq!(
            explain("Generic S3 error: Error performing list request", Some(cause)),
            "Generic S3 error: Error performing list request (the server said NoSuchBucket: The specified bucket does not exist)"
        );
        assert_eq!(
            explain("HTTP error: error sending request", Some("Connection refused (os error 111)")),
            "HTTP error: error sending request (Connection refused (os error 111))"
        );
        assert!(
            explain("PUT http://169.254.169.254/latest/api/token: 403", None)
                .contains("no AWS credentials were found")
        );
    }

    #[test]
    fn hosted_endpoint() {
        assert_eq!(
            virtual_hosted_endpoint("https://r2.example/", "b").as_deref(),
            Some("https://b.r2.example")
        );
        assert_eq!(virtual_hosted_endpoint("ftp://x", "b"), None);
    }
}
