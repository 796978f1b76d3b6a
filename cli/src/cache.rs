//! The per-file result cache, `.tollgate_cache/` at the project root (as `.ruff_cache`):
//! what the analyzers found in a file, and its duplication windows, keyed by everything that
//! decides them: tollgate's version and build, the file's effective settings and rules, its
//! path, kinds and role, and its content. A warm run reads each file (its hash is its key)
//! and parses nothing that did not change; suppression, per-file ignores, baseline and diff
//! run every time, on the cached findings, and the cross-file duplication pass runs on the
//! cached windows.
//!
//! One file per version folder holds every entry, so that a run reads one file and writes
//! one: written to a temporary file and renamed over the old one, so that a run killed
//! half-way, or two runs at once, leave either the old cache or a whole new one (the last
//! rename wins; both are right). A cache that cannot be read is ignored with one warning and
//! rebuilt. Entries of files that no longer exist are dropped at every write.
//!
//! A file in which a secret was found is never cached: the cache holds no finding whose
//! message or span could carry one.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use tollgate_analyzers::duplication::Window;
use tollgate_analyzers::{Gathered, Input, Settings};
use tollgate_rules::{Finding, Level, Location, Metric, PropValue, Region, Related, RuleSet};

use crate::record::{Record, RelatedRecord};

/// The folder name at the project root.
pub const FOLDER: &str = ".tollgate_cache";
/// The file of entries in a version folder.
const RESULTS: &str = "results";
/// The first bytes of the results file, and the version of its layout.
const MAGIC: &[u8] = b"tollgate cache\n";
const LAYOUT: u32 = 2;
/// A cache bigger than this is not written (a warning says so): entries of files outside
/// this run are dropped first.
const MAX_BYTES: usize = 1 << 30;
/// Leftover temporary files (of a run killed before its rename) older than this are removed.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);

/// Where the cache goes: `--cache-dir`, else `TOLLGATE_CACHE_DIR`, else `.tollgate_cache`
/// in the project root.
pub fn location(option: Option<&Path>, project_root: &Path) -> PathBuf {
    match (option, std::env::var_os("TOLLGATE_CACHE_DIR")) {
        (Some(dir), _) => absolute(dir),
        (None, Some(dir)) if !dir.is_empty() => absolute(Path::new(&dir)),
        _ => project_root.join(FOLDER),
    }
}

fn absolute(dir: &Path) -> PathBuf {
    std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// `--no-cache`, or `TOLLGATE_NO_CACHE` set to anything but nothing, `0` or `false`.
pub fn disabled(option: bool) -> bool {
    option
        || std::env::var("TOLLGATE_NO_CACHE")
            .is_ok_and(|value| !matches!(value.trim().to_ascii_lowercase().as_str(), "" | "0" | "false"))
}

/// The version folder's name: tollgate's version (`TOLLGATE_CACHE_VERSION` stands in for an
/// upgrade in tests).
fn version() -> String {
    std::env::var("TOLLGATE_CACHE_VERSION").unwrap_or_else(|_| env!("CARGO_PKG_VERSION").to_string())
}

/// `tollgate clean`: removes the cache folder. Returns what was removed, if anything.
pub fn clean(dir: &Path) -> Result<Option<PathBuf>, String> {
    match std::fs::symlink_metadata(dir) {
        Err(_) => Ok(None),
        Ok(meta) if meta.is_dir() => {
            if !dir.join("CACHEDIR.TAG").exists() {
                return Err(format!(
                    "{}: not a tollgate cache (no CACHEDIR.TAG); not removed",
                    dir.display()
                ));
            }
            std::fs::remove_dir_all(dir).map_err(|e| format!("{}: cannot remove: {e}", dir.display()))?;
            Ok(Some(dir.to_path_buf()))
        }
        Ok(_) => Err(format!("{}: not a folder; not removed", dir.display())),
    }
}

/// The hash of each domain's settings and enabled rules (the shell rules run in the
/// workflows' and the Dockerfiles' passes).
#[derive(Clone, Copy)]
struct DomainKeys {
    python: u128,
    secrets: u128,
    actions: u128,
    docker: u128,
    smells: u128,
}

/// What a file's analysis gave, as the cache keeps it.
pub struct Entry {
    pub findings: Vec<Finding>,
    pub gathered: Gathered,
}

/// A run's cache: the entries read at its start, and the entries of this run to write.
pub struct Cache {
    folder: PathBuf,
    /// The results file as read, and where each file's entry is in it.
    bytes: Vec<u8>,
    index: HashMap<PathBuf, (u128, Range<usize>)>,
    /// Per (settings, rules) of the run: the hash of what they decide, per domain.
    domain_keys: Mutex<Vec<(usize, usize, DomainKeys)>>,
    build: String,
    fresh: Mutex<Vec<(PathBuf, u128, Payload)>>,
    hits: AtomicUsize,
    misses: AtomicUsize,
}

/// An entry of this run: one read from the results file (where it is in `Cache::bytes`, so
/// that a warm run holds no second copy), or one made by this run.
enum Payload {
    Read(Range<usize>),
    Made(Vec<u8>),
}

/// What `--verbose` says about the cache after a run.
pub struct Stats {
    pub folder: PathBuf,
    pub entries: usize,
    pub bytes: usize,
    pub hits: usize,
    pub misses: usize,
}

impl Cache {
    /// Opens the cache under `dir` for this version. A results file that cannot be read is
    /// ignored: the warning is returned with the empty cache.
    pub fn open(dir: &Path) -> (Cache, Option<String>) {
        let folder = dir.join(version());
        let mut cache = Cache {
            folder,
            bytes: Vec::new(),
            index: HashMap::new(),
            domain_keys: Mutex::new(Vec::new()),
            build: build_id(),
            fresh: Mutex::new(Vec::new()),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        };
        let file = cache.folder.join(RESULTS);
        let bytes = match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (cache, None),
            Err(e) => {
                return (
                    cache,
                    Some(format!(
                        "{}: cannot read the cache ({e}); it is rebuilt",
                        file.display()
                    )),
                )
            }
        };
        match read_index(&bytes) {
            Ok(index) => {
                cache.index = index;
                cache.bytes = bytes;
                (cache, None)
            }
            Err(why) => (
                cache,
                Some(format!(
                    "{}: the cache is unreadable ({why}); it is rebuilt",
                    file.display()
                )),
            ),
        }
    }

    /// The key of a file's analysis: everything that decides what the analyzers find in it.
    /// Only the domains its kinds reach count: a Python setting does not touch a Dockerfile.
    /// Levels are left out (they are applied after the cache), enabled rules are in.
    pub fn key(&self, input: &Input, absolute: &Path, settings: &Settings, rules: &RuleSet) -> u128 {
        let domains = self.domain_keys(settings, rules);
        let kinds = input.kinds;
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(self.build.as_bytes());
        // The secrets pass runs on every file.
        hasher.update(&domains.secrets.to_le_bytes());
        if kinds.python {
            hasher.update(&domains.python.to_le_bytes());
        }
        if kinds.workflow || kinds.action || kinds.dependabot || kinds.precommit {
            hasher.update(&domains.actions.to_le_bytes());
        }
        if kinds.dockerfile {
            hasher.update(&domains.docker.to_le_bytes());
        }
        if kinds.smells.is_some() {
            hasher.update(&domains.smells.to_le_bytes());
        }
        hasher.update(absolute.as_os_str().as_encoded_bytes());
        hasher.update(b"\0");
        hasher.update(input.path.as_bytes());
        hasher.update(b"\0");
        let mut described = String::new();
        let _ = write!(described, "{kinds:?}\0{:?}\0", input.role);
        hasher.update(described.as_bytes());
        hasher.update(input.text.as_bytes());
        hasher.digest128()
    }

    /// What each domain's settings and enabled rules hash to, computed once per pair of a
    /// run (a folder with its own ruff config has its own).
    fn domain_keys(&self, settings: &Settings, rules: &RuleSet) -> DomainKeys {
        let id = (settings as *const Settings as usize, rules as *const RuleSet as usize);
        let mut keys = self.domain_keys.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((.., known)) = keys.iter().find(|(s, r, _)| (*s, *r) == id) {
            return *known;
        }
        let enabled = |prefixes: &[&str]| {
            let ids: Vec<&str> = rules
                .enabled()
                .map(|rule| rule.id)
                .filter(|id| prefixes.iter().any(|prefix| id.starts_with(prefix)))
                .collect();
            ids.join(",")
        };
        let hash = |described: String| xxhash_rust::xxh3::xxh3_128(described.as_bytes());
        let domains = DomainKeys {
            python: hash(format!("{:?}\0{}", settings.python, enabled(&["python/"]))),
            secrets: hash(format!("{:?}", settings.secrets)),
            actions: hash(format!("{:?}\0{}", settings.actions, enabled(&["actions/", "shell/"]))),
            docker: hash(format!("{:?}\0{}", settings.docker, enabled(&["docker/", "shell/"]))),
            smells: hash(format!(
                "{:?}\0{:?}\0{}",
                settings.smells,
                tollgate_analyzers::smells::Language::ALL.map(|l| settings.limits(l)),
                enabled(&["smells/"])
            )),
        };
        keys.push((id.0, id.1, domains));
        domains
    }

    /// The entry of the file at `absolute` if its key is `key`; kept for the next run.
    pub fn get(&self, absolute: &Path, key: u128) -> Option<Entry> {
        let (stored, range) = self.index.get(absolute)?;
        if *stored != key {
            return None;
        }
        let payload = &self.bytes[range.clone()];
        // The file's checksum held, so a payload that does not decode is a bug or a cache
        // written by another build of the same version: analysed again.
        let entry = decode_entry(payload).ok()?;
        self.hits.fetch_add(1, Ordering::Relaxed);
        self.keep(absolute, key, Payload::Read(range.clone()));
        Some(entry)
    }

    /// Records what the analyzers found in a file, unless a secret is among it.
    pub fn put(&self, absolute: &Path, key: u128, findings: &[Finding], gathered: &Gathered, secrets: bool) {
        self.misses.fetch_add(1, Ordering::Relaxed);
        if secrets || findings.iter().any(|f| f.redact) {
            return;
        }
        self.keep(absolute, key, Payload::Made(encode_entry(findings, gathered)));
    }

    fn keep(&self, absolute: &Path, key: u128, payload: Payload) {
        let mut fresh = self.fresh.lock().unwrap_or_else(|e| e.into_inner());
        fresh.push((absolute.to_path_buf(), key, payload));
    }

    /// Writes the cache: this run's entries, and those of earlier runs whose files still
    /// exist (a run over a few files keeps the others'). Returns what was written, or why
    /// nothing was.
    pub fn save(&self) -> Result<Stats, String> {
        let Cache {
            folder, bytes, index, ..
        } = self;
        let mut fresh = std::mem::take(&mut *self.fresh.lock().unwrap_or_else(|e| e.into_inner()));
        // Files named twice (`tollgate check a.py a.py`) are one entry.
        fresh.sort_by(|a, b| a.0.cmp(&b.0));
        fresh.dedup_by(|a, b| a.0 == b.0);
        let scanned: std::collections::HashSet<&Path> = fresh.iter().map(|(path, ..)| path.as_path()).collect();
        let mut older: Vec<(&Path, u128, &[u8])> = index
            .iter()
            .filter(|(path, _)| !scanned.contains(path.as_path()) && path.is_file())
            .map(|(path, (key, range))| (path.as_path(), *key, &bytes[range.clone()]))
            .collect();
        older.sort_by(|a, b| a.0.cmp(b.0));
        let fresh: Vec<(&Path, u128, &[u8])> = fresh
            .iter()
            .map(|(path, key, payload)| {
                let payload = match payload {
                    Payload::Read(range) => &bytes[range.clone()],
                    Payload::Made(made) => made.as_slice(),
                };
                (path.as_path(), *key, payload)
            })
            .collect();
        // An entry's bytes: its path, key and payload with their lengths.
        let size = |(path, _, payload): &(&Path, u128, &[u8])| path.as_os_str().len() + payload.len() + 40;
        let fresh_size: usize = fresh.iter().map(size).sum();
        if fresh_size > MAX_BYTES {
            return Err(format!(
                "the cache would take {} MiB, over its limit of {} MiB: not written",
                fresh_size >> 20,
                MAX_BYTES >> 20
            ));
        }
        let older_size: usize = older.iter().map(size).sum();
        if fresh_size + older_size > MAX_BYTES {
            older.clear();
        }
        let count = fresh.len() + older.len();
        // The body, piece by piece, as `Writer` would lay it out: hashed for the header, then
        // written, so that the file is never held whole beside its entries.
        let body = |emit: &mut dyn FnMut(&[u8])| {
            emit(&(count as u64).to_le_bytes());
            for (path, key, payload) in fresh.iter().chain(&older) {
                let path = path.as_os_str().as_encoded_bytes();
                emit(&(path.len() as u64).to_le_bytes());
                emit(path);
                emit(&key.to_le_bytes());
                emit(&(payload.len() as u64).to_le_bytes());
                emit(payload);
            }
        };
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut body_len = 0;
        body(&mut |piece| {
            hasher.update(piece);
            body_len += piece.len();
        });
        let header = header(MAGIC, hasher.digest());
        write_atomically(folder, RESULTS, |out| {
            out.write_all(&header)?;
            let mut written = Ok(());
            body(&mut |piece| {
                if written.is_ok() {
                    written = out.write_all(piece);
                }
            });
            written
        })?;
        Ok(Stats {
            folder: folder.clone(),
            entries: count,
            bytes: header.len() + body_len,
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        })
    }
}

/// The first bytes of a history file.
const HISTORY_MAGIC: &[u8] = b"tollgate history\n";

/// What `--git-history` keeps between runs of one configuration on one repository and range:
/// the revisions it had scanned up to (the range's tips), and every sighting of a secret it
/// found, each a record of its commit (redacted, as reported).
pub struct History {
    pub tips: Vec<String>,
    pub sightings: Vec<Record>,
}

impl History {
    /// The history file for `key` (what decides the findings: config, repository, range).
    pub fn file(dir: &Path, key: &[&[u8]]) -> PathBuf {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(build_id().as_bytes());
        for part in key {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        dir.join(version()).join(format!("history-{:032x}", hasher.digest128()))
    }

    /// The state a run left in `file`: none if there is no file; an error (the caller warns
    /// and scans the whole range) if it cannot be read.
    pub fn read(file: &Path) -> Result<Option<History>, String> {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{}: cannot read the history cache ({e})", file.display())),
        };
        let unreadable = |why: String| {
            format!(
                "{}: the history cache is unreadable ({why}); the whole range is scanned",
                file.display()
            )
        };
        let start = body_start(&bytes, HISTORY_MAGIC).map_err(unreadable)?;
        let mut r = Reader {
            bytes: &bytes[start..],
            at: 0,
        };
        let decode = |r: &mut Reader| -> Result<History, String> {
            let tips = (0..r.len()?)
                .map(|_| r.str().map(str::to_string))
                .collect::<Result<_, _>>()?;
            let sightings = (0..r.len()?).map(|_| decode_record(r)).collect::<Result<_, _>>()?;
            Ok(History { tips, sightings })
        };
        decode(&mut r).map(Some).map_err(unreadable)
    }

    pub fn write(&self, file: &Path) -> Result<(), String> {
        let mut w = Writer::default();
        w.u64(self.tips.len() as u64);
        for tip in &self.tips {
            w.str(tip);
        }
        w.u64(self.sightings.len() as u64);
        for record in &self.sightings {
            encode_record(&mut w, record);
        }
        let folder = file.parent().expect("a history file is in a version folder");
        let name = file.file_name().and_then(|n| n.to_str()).expect("named by its key");
        let file = framed(HISTORY_MAGIC, &w.0);
        write_atomically(folder, name, |out| out.write_all(&file))
    }
}

fn encode_level(w: &mut Writer, level: Option<Level>) {
    w.u8(match level {
        None => 0,
        Some(Level::Note) => 1,
        Some(Level::Warning) => 2,
        Some(Level::Error) => 3,
    });
}

fn decode_level(r: &mut Reader) -> Result<Option<Level>, String> {
    match r.u8()? {
        0 => Ok(None),
        1 => Ok(Some(Level::Note)),
        2 => Ok(Some(Level::Warning)),
        3 => Ok(Some(Level::Error)),
        other => Err(format!("level {other}")),
    }
}

fn encode_metric(w: &mut Writer, metric: Option<&Metric>) {
    match metric {
        Some(metric) => {
            w.u8(1);
            w.str(metric.name);
            w.u64(metric.value);
            w.u64(metric.threshold);
        }
        None => w.u8(0),
    }
}

fn decode_metric(r: &mut Reader) -> Result<Option<Metric>, String> {
    Ok(match r.u8()? {
        0 => None,
        _ => Some(Metric {
            name: intern(r.str()?)?,
            value: r.u64()?,
            threshold: r.u64()?,
        }),
    })
}

fn encode_properties(w: &mut Writer, properties: &[(&'static str, PropValue)]) {
    w.u64(properties.len() as u64);
    for (key, value) in properties {
        w.str(key);
        match value {
            PropValue::Str(s) => {
                w.u8(0);
                w.str(s);
            }
            PropValue::Int(i) => {
                w.u8(1);
                w.u64(*i as u64);
            }
        }
    }
}

fn decode_properties(r: &mut Reader) -> Result<Vec<(&'static str, PropValue)>, String> {
    let count = r.len()?;
    let mut properties = Vec::with_capacity(count.min(64));
    for _ in 0..count {
        let key = intern(r.str()?)?;
        let value = match r.u8()? {
            0 => PropValue::Str(r.str()?.to_string()),
            _ => PropValue::Int(r.u64()? as i64),
        };
        properties.push((key, value));
    }
    Ok(properties)
}

fn encode_record(w: &mut Writer, record: &Record) {
    w.str(record.rule.id);
    encode_level(w, Some(record.level));
    w.str(&record.path);
    w.region(&record.region);
    w.str(&record.message);
    w.str(&record.line_text);
    w.range(&record.caret);
    encode_metric(w, record.metric.as_ref());
    w.u64(record.related.len() as u64);
    for related in &record.related {
        w.str(&related.path);
        w.region(&related.region);
        w.str(&related.message);
    }
    encode_properties(w, &record.properties);
    w.str(&record.line_hash);
    w.str(&record.fingerprint);
    w.str(&record.identity);
    match &record.secret {
        Some(secret) => {
            w.u8(1);
            w.str(secret);
        }
        None => w.u8(0),
    }
    w.u8(record.gates as u8);
}

fn decode_record(r: &mut Reader) -> Result<Record, String> {
    let id = r.str()?;
    let rule = tollgate_rules::find(id).ok_or_else(|| format!("unknown rule {id}"))?;
    let level = decode_level(r)?.ok_or("a record without a level")?;
    let path = r.str()?.to_string();
    let region = r.region()?;
    let message = r.str()?.to_string();
    let line_text = r.str()?.to_string();
    let caret = r.range()?;
    let metric = decode_metric(r)?;
    let related_count = r.len()?;
    let mut related = Vec::with_capacity(related_count.min(1 << 16));
    for _ in 0..related_count {
        related.push(RelatedRecord {
            path: r.str()?.to_string(),
            region: r.region()?,
            message: r.str()?.to_string(),
        });
    }
    Ok(Record {
        rule,
        level,
        path,
        region,
        message,
        line_text,
        caret,
        metric,
        related,
        properties: decode_properties(r)?,
        line_hash: r.str()?.to_string(),
        fingerprint: r.str()?.to_string(),
        identity: r.str()?.to_string(),
        secret: match r.u8()? {
            0 => None,
            _ => Some(r.str()?.to_string()),
        },
        gates: r.u8()? != 0,
        fingerprints: Vec::new(),
    })
}

/// This build of tollgate: a rebuilt binary of the same version (a development build) must
/// not read the results of the old one.
fn build_id() -> String {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let meta = std::env::current_exe().and_then(std::fs::metadata);
        match meta {
            Ok(meta) => {
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{} {} {modified}", env!("CARGO_PKG_VERSION"), meta.len())
            }
            Err(_) => env!("CARGO_PKG_VERSION").to_string(),
        }
    })
    .clone()
}

/// The cache root's markers (created once), then the file `name` in `folder` by a rename.
/// Writes `name` in `folder` through `write`, to a temporary file renamed into place.
fn write_atomically(
    folder: &Path,
    name: &str,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let fail = |what: &str, e: std::io::Error| format!("{}: cannot {what} the cache: {e}", folder.display());
    std::fs::create_dir_all(folder).map_err(|e| fail("create", e))?;
    if let Some(root) = folder.parent() {
        // Tools that archive or back up folders skip one with this tag; git skips everything.
        let tag = root.join("CACHEDIR.TAG");
        if !tag.exists() {
            let text = "Signature: 8a477f597d28d172789f06886806bc55\n\
                        # This file is a cache directory tag created by tollgate.\n\
                        # For information about cache directory tags see https://bford.info/cachedir/\n";
            std::fs::write(&tag, text).map_err(|e| fail("write", e))?;
        }
        let ignore = root.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# Created by tollgate automatically.\n*\n").map_err(|e| fail("write", e))?;
        }
    }
    remove_stale_temporaries(folder);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let temp = folder.join(format!("{name}.{}.{nanos}.tmp", std::process::id()));
    let written = std::fs::File::create(&temp).and_then(|file| {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut out)?;
        out.flush()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, folder.join(name))) {
        let _ = std::fs::remove_file(&temp);
        return Err(fail("write", e));
    }
    Ok(())
}

fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP);
        if stale && entry.file_name().to_string_lossy().ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A cache file: `magic`, the layout, a checksum of the body, the body.
fn framed(magic: &[u8], body: &[u8]) -> Vec<u8> {
    let mut file = header(magic, xxhash_rust::xxh3::xxh3_64(body));
    file.extend_from_slice(body);
    file
}

/// What comes before a cache file's body: `magic`, the layout, the body's checksum.
fn header(magic: &[u8], checksum: u64) -> Vec<u8> {
    let mut header = Vec::with_capacity(magic.len() + 12);
    header.extend_from_slice(magic);
    header.extend_from_slice(&LAYOUT.to_le_bytes());
    header.extend_from_slice(&checksum.to_le_bytes());
    header
}

/// Where the body of a cache file starts, once its header and checksum are checked.
fn body_start(bytes: &[u8], magic: &[u8]) -> Result<usize, String> {
    let rest = bytes.strip_prefix(magic).ok_or("not a tollgate cache")?;
    let mut reader = Reader { bytes: rest, at: 0 };
    if reader.u32()? != LAYOUT {
        return Err("written by another layout".into());
    }
    let checksum = reader.u64()?;
    let start = magic.len() + reader.at;
    if xxhash_rust::xxh3::xxh3_64(&bytes[start..]) != checksum {
        return Err("its checksum does not match: truncated or damaged".into());
    }
    Ok(start)
}

/// Where each file's entry is in a results file, after its header and checksum are checked.
fn read_index(bytes: &[u8]) -> Result<HashMap<PathBuf, (u128, Range<usize>)>, String> {
    let body_start = body_start(bytes, MAGIC)?;
    let body = &bytes[body_start..];
    let mut reader = Reader { bytes: body, at: 0 };
    let count = reader.u64()?;
    let mut index = HashMap::with_capacity(count.min(1 << 20) as usize);
    for _ in 0..count {
        let path = PathBuf::from(reader.str()?);
        let key = reader.u128()?;
        let len = reader.len()?;
        let start = body_start + reader.at;
        reader.skip(len)?;
        index.insert(path, (key, start..start + len));
    }
    Ok(index)
}

fn encode_entry(findings: &[Finding], gathered: &Gathered) -> Vec<u8> {
    let mut w = Writer::default();
    w.u64(findings.len() as u64);
    for f in findings {
        w.str(f.rule);
        w.range(&f.span);
        w.str(&f.message);
        encode_level(&mut w, f.level);
        w.option(f.statement_start.map(|s| s as u64));
        encode_metric(&mut w, f.metric.as_ref());
        w.u64(f.related.len() as u64);
        for related in &f.related {
            match &related.location {
                Location::Here(span) => {
                    w.u8(0);
                    w.range(span);
                }
                Location::Elsewhere { path, region } => {
                    w.u8(1);
                    w.str(path);
                    w.region(region);
                }
            }
            w.str(&related.message);
        }
        match &f.identity {
            Some(identity) => {
                w.u8(1);
                w.str(identity);
            }
            None => w.u8(0),
        }
        w.u8(f.redact as u8);
        encode_properties(&mut w, &f.properties);
    }
    encode_windows(&mut w, gathered.windows());
    w.0
}

/// Windows as deltas from the window before, in LEB128 varints: about 17 bytes a window
/// (the hash is 8 of them) where fixed-width fields took 65.
fn encode_windows(w: &mut Writer, windows: &[Window]) {
    w.u64(windows.len() as u64);
    let (mut start, mut line) = (0u64, 0u64);
    for window in windows {
        let (span, region) = (window.span(), window.region());
        w.u64(window.hash());
        w.signed(span.start as u64, start);
        w.varint((span.end - span.start) as u64);
        w.signed(region.start_line as u64, line);
        w.varint(region.start_column as u64);
        w.signed(region.end_line as u64, region.start_line as u64);
        w.varint(region.end_column as u64);
        match window.statement_start() {
            None => w.varint(0),
            Some(statement) => w.varint(zigzag(statement as u64, span.start as u64) + 1),
        }
        (start, line) = (span.start as u64, region.start_line as u64);
    }
}

fn decode_windows(r: &mut Reader) -> Result<Vec<Window>, String> {
    let window_count = r.len()?;
    let mut windows = Vec::with_capacity(window_count.min(1 << 20));
    let (mut start, mut line) = (0u64, 0u64);
    for _ in 0..window_count {
        let hash = r.u64()?;
        let span_start = r.signed(start)?;
        let span_end = span_start.wrapping_add(r.varint()?);
        let start_line = r.signed(line)?;
        let start_column = r.varint()?;
        let end_line = r.signed(start_line)?;
        let end_column = r.varint()?;
        let statement_start = match r.varint()? {
            0 => None,
            n => Some(unzigzag(span_start, n - 1) as usize),
        };
        let region = Region {
            start_line: start_line as usize,
            start_column: start_column as usize,
            end_line: end_line as usize,
            end_column: end_column as usize,
        };
        let window = Window::new(hash, span_start as usize..span_end as usize, region, statement_start);
        windows.push(window.ok_or("a window past 4 GiB")?);
        (start, line) = (span_start, start_line);
    }
    Ok(windows)
}

/// `value` as its signed distance from `base`, folded so that small distances either way
/// are small numbers.
fn zigzag(value: u64, base: u64) -> u64 {
    let delta = value.wrapping_sub(base) as i64;
    ((delta << 1) ^ (delta >> 63)) as u64
}

fn unzigzag(base: u64, folded: u64) -> u64 {
    let delta = ((folded >> 1) as i64) ^ -((folded & 1) as i64);
    base.wrapping_add(delta as u64)
}

/// The first bytes of a shard's windows file.
const WINDOWS_MAGIC: &[u8] = b"TOLLGATE-WINDOWS\n";

/// A shard's duplication windows (`--shard`), each file's by its path, for `tollgate merge` to
/// run the cross-file pass over every shard's: the same framing and checksum as the cache.
pub fn encode_shard_windows(files: &[(String, Gathered)]) -> Vec<u8> {
    let mut w = Writer::default();
    w.u64(files.len() as u64);
    for (path, gathered) in files {
        w.str(path);
        encode_windows(&mut w, gathered.windows());
    }
    framed(WINDOWS_MAGIC, &w.0)
}

pub fn decode_shard_windows(bytes: &[u8]) -> Result<Vec<(String, Gathered)>, String> {
    let start = body_start(bytes, WINDOWS_MAGIC)?;
    let mut r = Reader {
        bytes: &bytes[start..],
        at: 0,
    };
    let count = r.len()?;
    let mut files = Vec::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let path = r.str()?.to_string();
        files.push((path, Gathered::from_windows(decode_windows(&mut r)?)));
    }
    Ok(files)
}

fn decode_entry(bytes: &[u8]) -> Result<Entry, String> {
    let mut r = Reader { bytes, at: 0 };
    let count = r.len()?;
    let mut findings = Vec::with_capacity(count.min(1 << 16));
    for _ in 0..count {
        let id = r.str()?;
        let rule = tollgate_rules::find(id).ok_or_else(|| format!("unknown rule {id}"))?;
        let span = r.range()?;
        let message = r.str()?.to_string();
        let level = decode_level(&mut r)?;
        let statement_start = r.option()?.map(|s| s as usize);
        let metric = decode_metric(&mut r)?;
        let related_count = r.len()?;
        let mut related = Vec::with_capacity(related_count.min(1 << 16));
        for _ in 0..related_count {
            let location = match r.u8()? {
                0 => Location::Here(r.range()?),
                _ => Location::Elsewhere {
                    path: r.str()?.to_string(),
                    region: r.region()?,
                },
            };
            related.push(Related {
                location,
                message: r.str()?.to_string(),
            });
        }
        let identity = match r.u8()? {
            0 => None,
            _ => Some(r.str()?.to_string()),
        };
        let redact = r.u8()? != 0;
        let properties = decode_properties(&mut r)?;
        let mut finding = Finding::new(rule, span, message);
        finding.level = level;
        finding.statement_start = statement_start;
        finding.metric = metric;
        finding.related = related;
        finding.identity = identity;
        finding.redact = redact;
        finding.properties = properties;
        findings.push(finding);
    }
    Ok(Entry {
        findings,
        gathered: Gathered::from_windows(decode_windows(&mut r)?),
    })
}

/// Property keys and metric names are `&'static str` in a finding: the few the analyzers
/// use, leaked once each. A damaged entry cannot leak more than a bounded number.
fn intern(name: &str) -> Result<&'static str, String> {
    static NAMES: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(known) = names.iter().find(|known| **known == name) {
        return Ok(known);
    }
    if names.len() >= 256 {
        return Err("too many property names".into());
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.push(leaked);
    Ok(leaked)
}

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, value: u8) {
        self.0.push(value);
    }
    fn u64(&mut self, value: u64) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.0.push(value as u8 | 0x80);
            value >>= 7;
        }
        self.0.push(value as u8);
    }
    /// `value` as a distance from `base` (see `zigzag`).
    fn signed(&mut self, value: u64, base: u64) {
        self.varint(zigzag(value, base));
    }
    fn bytes(&mut self, value: &[u8]) {
        self.u64(value.len() as u64);
        self.0.extend_from_slice(value);
    }
    fn str(&mut self, value: &str) {
        self.bytes(value.as_bytes());
    }
    fn range(&mut self, range: &Range<usize>) {
        self.u64(range.start as u64);
        self.u64(range.end as u64);
    }
    fn region(&mut self, region: &Region) {
        for value in [
            region.start_line,
            region.start_column,
            region.end_line,
            region.end_column,
        ] {
            self.u64(value as u64);
        }
    }
    fn option(&mut self, value: Option<u64>) {
        match value {
            Some(value) => {
                self.u8(1);
                self.u64(value);
            }
            None => self.u8(0),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|end| *end <= self.bytes.len());
        let end = end.ok_or("ends too early")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }
    fn skip(&mut self, n: usize) -> Result<(), String> {
        self.take(n).map(|_| ())
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number longer than 64 bits".into())
    }
    fn signed(&mut self, base: u64) -> Result<u64, String> {
        Ok(unzigzag(base, self.varint()?))
    }
    fn u128(&mut self) -> Result<u128, String> {
        Ok(u128::from_le_bytes(self.take(16)?.try_into().expect("16 bytes")))
    }
    /// A length or count, which cannot be more than the bytes left.
    fn len(&mut self) -> Result<usize, String> {
        let value = self.u64()?;
        usize::try_from(value)
            .ok()
            .filter(|n| *n <= self.bytes.len())
            .ok_or_else(|| "a length past its end".to_string())
    }
    fn str(&mut self) -> Result<&'a str, String> {
        let len = self.len()?;
        std::str::from_utf8(self.take(len)?).map_err(|_| "text that is not UTF-8".to_string())
    }
    fn range(&mut self) -> Result<Range<usize>, String> {
        Ok(self.u64()? as usize..self.u64()? as usize)
    }
    fn region(&mut self) -> Result<Region, String> {
        Ok(Region {
            start_line: self.u64()? as usize,
            start_column: self.u64()? as usize,
            end_line: self.u64()? as usize,
            end_column: self.u64()? as usize,
        })
    }
    fn option(&mut self) -> Result<Option<u64>, String> {
        Ok(match self.u8()? {
            0 => None,
            _ => Some(self.u64()?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tollgate_rules::docker;

    #[test]
    fn an_entry_decodes_to_what_was_encoded() {
        let finding = Finding::new(docker::CD_IN_RUN, 3..9, "message")
            .with_level(Level::Warning)
            .with_statement_start(1)
            .with_metric("cyclomatic", 14, 10)
            .with_related(Related {
                location: Location::Elsewhere {
                    path: "b.py".into(),
                    region: Region {
                        start_line: 1,
                        start_column: 2,
                        end_line: 3,
                        end_column: 4,
                    },
                },
                message: "the other copy".into(),
            })
            .with_related(Related {
                location: Location::Here(0..2),
                message: "here".into(),
            })
            .with_identity("id")
            .with_property("shellcheck", PropValue::Str("SC2086".into()))
            .with_property("count", PropValue::Int(-3));
        let region = |start_line, start_column, end_line, end_column| Region {
            start_line,
            start_column,
            end_line,
            end_column,
        };
        // Each field moving both ways from the window before, at the edges of 32 bits.
        let windows = vec![
            Window::new(42, 10..90, region(5, 1, 9, 2), Some(4)).unwrap(),
            Window::new(u64::MAX, 3..4, region(2, 700, 2, 0), None).unwrap(),
            Window::new(
                7,
                4_000_000_000..4_000_000_001,
                region(4_000_000, 1, 4_100_000, 3),
                Some(5),
            )
            .unwrap(),
            Window::new(0, 0..0, region(1, 1, 1, 1), Some(4_000_000_000)).unwrap(),
        ];
        let gathered = Gathered::from_windows(windows.clone());
        let decoded = decode_entry(&encode_entry(std::slice::from_ref(&finding), &gathered)).unwrap();
        assert_eq!(decoded.findings, vec![finding]);
        assert_eq!(decoded.gathered.windows(), windows.as_slice());
    }

    #[test]
    fn a_damaged_entry_is_an_error_not_a_panic() {
        let finding = Finding::new(docker::CD_IN_RUN, 3..9, "message");
        let bytes = encode_entry(&[finding], &Gathered::default());
        for cut in 0..bytes.len() {
            assert!(decode_entry(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut garbage = bytes.clone();
        garbage[0] = 0xff;
        assert!(decode_entry(&garbage).is_err());
    }
}
