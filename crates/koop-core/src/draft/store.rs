//! Storage: the versioned record format (also the format of exported draft files), its
//! migrations, and the `DraftStore` trait over any key-value store (the browser's
//! localStorage in the app, memory in tests and as fallback).

use crate::draft::Draft;
use serde::Serialize;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

/// Marks our records and files.
pub const FORMAT: &str = "koop-assistent/entwurf";
/// The schema version this build writes. Older versions are migrated on read.
pub const SCHEMA_VERSION: u32 = 2;
/// Key prefix of everything this app stores (other apps on the same origin keep theirs).
pub const APP_PREFIX: &str = "koop-assistent.";
/// Key prefix of draft records in the key-value store.
pub const DRAFT_PREFIX: &str = "koop-assistent.entwurf.";
/// Largest record written to the store (a complete agreement is a few KB). Reading accepts
/// twice as much, so whatever is written can always be read back and imported, also as the
/// pretty-printed draft file.
pub const MAX_RECORD_BYTES: usize = 2 * 1024 * 1024;
/// Largest record or draft file read or imported.
pub const MAX_IMPORT_BYTES: usize = 2 * MAX_RECORD_BYTES;

/// Why stored text is not a usable draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or JSON of the wrong shape.
    Corrupt(String),
    /// JSON, but not one of our drafts.
    NotADraft,
    /// Written by a newer version of the app.
    UnknownVersion(u32),
    TooLarge(usize),
}

impl DecodeError {
    /// A German sentence for the user.
    pub fn message(&self) -> String {
        match self {
            DecodeError::Corrupt(_) => "Die Daten sind beschädigt und können nicht gelesen werden.".to_string(),
            DecodeError::NotADraft => "Die Datei ist kein Entwurf des Koop-Assistenten.".to_string(),
            DecodeError::UnknownVersion(v) => {
                format!(
                    "Der Entwurf stammt aus einer neueren Version des Koop-Assistenten (Format {v}). Bitte laden Sie die Seite neu, um die aktuelle Version zu verwenden."
                )
            }
            DecodeError::TooLarge(n) => {
                format!("Die Datei ist mit {} zu groß für einen Entwurf (höchstens {}).", human_size(*n), human_size(MAX_IMPORT_BYTES))
            }
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Corrupt(detail) => write!(f, "corrupt: {detail}"),
            other => f.write_str(&other.message()),
        }
    }
}

pub fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        // Tenths in whole numbers: formatting a float would bring the float printer into the
        // app's first load for this one message.
        let tenths = (bytes as u64 * 10 + 512 * 1024) / (1024 * 1024);
        format!("{},{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// What can go wrong with a store, in the style of leptos-use's `UseStorageError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is switched off or blocked (private mode, policy).
    Unavailable(String),
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    NotFound(String),
    Decode(DecodeError),
    /// The record would be larger than [`MAX_RECORD_BYTES`]: it is not written.
    TooLarge(usize),
    /// The stored record cannot be read by this version (newer schema, damaged): it is not
    /// replaced.
    Unreadable(DecodeError),
    Other(String),
}

impl StoreError {
    pub fn message(&self) -> String {
        match self {
            StoreError::Unavailable(_) => "Der Browser erlaubt dieser Seite kein Speichern (z. B. im privaten Modus oder durch eine Richtlinie). Ihre Eingaben bleiben nur bis zum Schließen der Seite erhalten – sichern Sie den Entwurf bitte als Datei.".to_string(),
            StoreError::QuotaExceeded => "Der Speicher des Browsers für diese Seite ist voll. Ihre letzten Eingaben sind noch nicht gespeichert. Bitte sichern Sie den Entwurf als Datei und löschen Sie nicht mehr benötigte Entwürfe.".to_string(),
            StoreError::NotFound(_) => "Der Entwurf wurde nicht gefunden. Vielleicht wurde er in einem anderen Fenster gelöscht.".to_string(),
            StoreError::Decode(e) => e.message(),
            StoreError::TooLarge(n) => format!(
                "Der Entwurf ist mit {} zu groß zum Speichern im Browser (höchstens {}). Ihre Eingaben bleiben in diesem Fenster erhalten – bitte sichern Sie den Entwurf als Datei.",
                human_size(*n),
                human_size(MAX_RECORD_BYTES)
            ),
            StoreError::Unreadable(e) => format!(
                "Der gespeicherte Entwurf kann von dieser Version nicht gelesen werden und wird deshalb nicht überschrieben ({}) Ihre Eingaben bleiben in diesem Fenster erhalten – bitte sichern Sie den Entwurf als Datei.",
                e.message().trim_end_matches('.')
            ),
            StoreError::Other(_) => "Beim Speichern ist ein unerwarteter Fehler aufgetreten. Bitte sichern Sie den Entwurf als Datei.".to_string(),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(d) | StoreError::NotFound(d) | StoreError::Other(d) => write!(f, "{}: {d}", self.message()),
            other => f.write_str(&other.message()),
        }
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    schema: u32,
    draft: &'a Draft,
}

/// The stored text of a draft.
pub fn encode(draft: &Draft) -> Result<String, StoreError> {
    serde_json::to_string(&EnvelopeOut { format: FORMAT, schema: SCHEMA_VERSION, draft }).map_err(|e| StoreError::Other(e.to_string()))
}

/// A draft file for download: the same record, pretty-printed so that people can read it
/// (compact when pretty printing would make it too large to import again).
pub fn encode_file(draft: &Draft) -> Result<String, StoreError> {
    let pretty = serde_json::to_string_pretty(&EnvelopeOut { format: FORMAT, schema: SCHEMA_VERSION, draft })
        .map_err(|e| StoreError::Other(e.to_string()))?;
    if pretty.len() <= MAX_IMPORT_BYTES { Ok(pretty) } else { encode(draft) }
}

/// Reads a record of this or an earlier schema version.
pub fn decode(text: &str) -> Result<Draft, DecodeError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(DecodeError::TooLarge(text.len()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let obj = value.as_object().ok_or(DecodeError::NotADraft)?;
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotADraft);
    }
    let schema = obj.get("schema").and_then(Value::as_u64).ok_or_else(|| DecodeError::Corrupt("no schema".into()))?;
    let schema = u32::try_from(schema).map_err(|_| DecodeError::UnknownVersion(u32::MAX))?;
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::UnknownVersion(schema));
    }
    let draft = migrate(value, schema)?;
    let mut draft: Draft = serde_json::from_value(draft).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    check_entries(&mut draft)?;
    Ok(draft)
}

/// Entry identities are unique in their list (references between lists name them), and the
/// next identity lies above every one in use, so adding an entry can never reuse one.
fn check_entries(draft: &mut Draft) -> Result<(), DecodeError> {
    let mut highest = None;
    for (field, answer) in &draft.answers {
        if let crate::draft::Answer::List(entries) = answer {
            let mut ids = std::collections::BTreeSet::new();
            for e in entries {
                if !ids.insert(e.id) {
                    return Err(DecodeError::Corrupt(format!("{field}: Eintrag {} doppelt", e.id)));
                }
                highest = highest.max(Some(e.id));
            }
        }
    }
    if let Some(h) = highest {
        let next = h.checked_add(1).ok_or_else(|| DecodeError::Corrupt("keine freie Eintragskennung".into()))?;
        draft.next_entry_id = draft.next_entry_id.max(next);
    }
    Ok(())
}

/// One step per earlier schema version: `MIGRATIONS[n - 1]` turns a record of schema `n` into
/// one of schema `n + 1` (whole records, so a step may move data between envelope and draft).
type Migration = fn(Value) -> Result<Value, DecodeError>;
const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Schema 2 added the process data and renamed `last_exported` (it only ever meant the last
/// draft file) to `last_backup`. Older versions of the app refuse schema 2 records instead of
/// saving over the process data they do not know.
fn v1_to_v2(mut record: Value) -> Result<Value, DecodeError> {
    let draft = record.get_mut("draft").and_then(Value::as_object_mut).ok_or_else(|| DecodeError::Corrupt("no draft".into()))?;
    if let Some(v) = draft.remove("last_exported") {
        draft.insert("last_backup".into(), v);
    }
    // No process data yet: decoding fills in the six open phases (`#[serde(default)]`).
    record["schema"] = Value::from(2);
    Ok(record)
}

/// Brings a record of `from` up to the current schema and returns its draft object.
fn migrate(mut record: Value, from: u32) -> Result<Value, DecodeError> {
    if from == 0 {
        return Err(DecodeError::Corrupt("schema 0".into()));
    }
    for step in MIGRATIONS.iter().skip(from as usize - 1) {
        record = step(record)?;
    }
    record.get_mut("draft").map(Value::take).ok_or_else(|| DecodeError::Corrupt("no draft".into()))
}

/// A string key-value store (localStorage has exactly this shape).
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// In-memory store: tests, and the fallback when the browser allows no storage. A quota in
/// bytes (keys plus values) lets tests provoke `QuotaExceeded`.
#[derive(Debug, Default)]
pub struct MemoryKv {
    map: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryKv {
    pub fn new() -> MemoryKv {
        MemoryKv::default()
    }
    pub fn with_quota(bytes: usize) -> MemoryKv {
        MemoryKv { map: RefCell::default(), quota: Some(bytes) }
    }
    fn used(&self) -> usize {
        self.map.borrow().iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(q) = self.quota {
            let old = self.map.borrow().get(key).map_or(0, |v| key.len() + v.len());
            if self.used() - old + key.len() + value.len() > q {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.map.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

/// A record that could not be read. It stays untouched in the store; the user can download its
/// raw text or discard it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    pub key: String,
    pub raw: String,
    pub error: DecodeError,
}

/// The result of listing the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    pub drafts: Vec<Draft>,
    pub quarantined: Vec<Quarantined>,
}

/// What a window saw of a stored record when it last loaded or saved it: a fingerprint of the
/// stored text, not a clock (two windows' `updated` times may be equal, and a window that keeps
/// its version writes no newer time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Seen(Option<u64>);

impl Seen {
    /// No record was there.
    pub const NOTHING: Seen = Seen(None);

    fn of(raw: Option<&str>) -> Seen {
        // FNV-1a: stable across runs and builds, unlike std's randomly seeded hasher.
        Seen(raw.map(|r| r.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))))
    }
}

/// The stored record when it is not the one a window expected.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// Another window saved this version.
    Draft(Box<Draft>),
    /// A version this build cannot read (a newer app, damage): it must not be replaced.
    Unreadable(DecodeError),
}

/// The outcome of [`DraftStore::save_if_unchanged`].
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Written; the new record is what this window has now seen.
    Saved(Seen),
    /// Not written: the stored record changed since this window saw it.
    Changed(Stored),
}

pub trait DraftStore {
    fn list(&self) -> Result<Listing, StoreError>;
    fn load(&self, id: &str) -> Result<Draft, StoreError>;
    fn save(&self, draft: &Draft) -> Result<(), StoreError>;
    fn delete(&self, id: &str) -> Result<(), StoreError>;
    /// Removes a quarantined record for good.
    fn discard(&self, key: &str) -> Result<(), StoreError>;
    /// Removes every record of this app (drafts, quarantined records, settings).
    fn delete_all(&self) -> Result<usize, StoreError>;
    /// Loads a draft with what was seen of it.
    fn load_seen(&self, id: &str) -> Result<(Draft, Seen), StoreError>;
    /// Saves only if the stored record is still the one `seen` describes (or gone); otherwise
    /// returns the stored version and writes nothing.
    fn save_if_unchanged(&self, draft: &Draft, seen: Seen) -> Result<SaveOutcome, StoreError>;
    /// Changes the stored version of a draft (not a copy of it held elsewhere) and saves it if
    /// nothing wrote in between; returns the saved draft.
    fn update(&self, id: &str, change: &mut dyn FnMut(&mut Draft)) -> Result<Draft, StoreError> {
        let (mut draft, seen) = self.load_seen(id)?;
        change(&mut draft);
        match self.save_if_unchanged(&draft, seen)? {
            SaveOutcome::Saved(_) => Ok(draft),
            SaveOutcome::Changed(Stored::Unreadable(e)) => Err(StoreError::Unreadable(e)),
            SaveOutcome::Changed(Stored::Draft(_)) => Err(StoreError::Other("gleichzeitig geändert".into())),
        }
    }
}

/// Where one deployment of the app keeps its records on an origin shared with others (`/test/`
/// and `/prod/`, two Kreise on one host): the prefix of all its keys. The deployment at the
/// origin's root keeps the layout of earlier versions (`koop-assistent.…`); any other gets its
/// own (`koop-assistent@/prod/.…`), which the root's prefix does not cover, so deleting all data
/// of one deployment leaves the others alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    app: String,
}

impl Scope {
    pub fn root() -> Scope {
        Scope { app: APP_PREFIX.to_string() }
    }

    /// The deployment whose pages lie under `path` (the address's path up to its last `/`).
    pub fn for_path(path: &str) -> Scope {
        let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
        if dir == "/" { Scope::root() } else { Scope { app: format!("koop-assistent@{dir}.") } }
    }

    pub fn app_prefix(&self) -> &str {
        &self.app
    }

    pub fn draft_prefix(&self) -> String {
        format!("{}entwurf.", self.app)
    }

    fn migrated_key(&self) -> String {
        format!("{}migriert", self.app)
    }
}

/// Drafts in any key-value store, one record per draft, so that one damaged record cannot take
/// the others with it.
pub struct KvDraftStore<K: KeyValue> {
    pub kv: K,
    scope: Scope,
}

impl<K: KeyValue> KvDraftStore<K> {
    pub fn new(kv: K) -> KvDraftStore<K> {
        KvDraftStore { kv, scope: Scope::root() }
    }

    /// The store of one deployment. The first time a deployment below the root opens its
    /// store, the drafts of earlier versions (which kept every deployment's drafts under the
    /// root's keys) are copied into its scope, so none disappears with the update; the
    /// originals stay for the other deployments. Returns the store and how many were copied.
    pub fn scoped(kv: K, scope: Scope) -> Result<(KvDraftStore<K>, usize), StoreError> {
        let store = KvDraftStore { kv, scope };
        if store.scope == Scope::root() || store.kv.get(&store.scope.migrated_key())?.is_some() {
            return Ok((store, 0));
        }
        let mut copied = 0;
        for key in store.kv.keys()?.into_iter().filter(|k| k.starts_with(DRAFT_PREFIX)) {
            let target = format!("{}{}", store.scope.draft_prefix(), &key[DRAFT_PREFIX.len()..]);
            if store.kv.get(&target)?.is_some() {
                continue;
            }
            if let Some(raw) = store.kv.get(&key)? {
                store.kv.set(&target, &raw)?;
                copied += 1;
            }
        }
        store.kv.set(&store.scope.migrated_key(), "1")?;
        Ok((store, copied))
    }

    /// The store of one deployment without carrying older drafts over (when that failed).
    pub fn unmigrated(kv: K, scope: Scope) -> KvDraftStore<K> {
        KvDraftStore { kv, scope }
    }

    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// The key of a draft's record in this store.
    pub fn record_key(&self, id: &str) -> String {
        format!("{}{id}", self.scope.draft_prefix())
    }

    fn write(&self, key: &str, draft: &Draft) -> Result<Seen, StoreError> {
        let text = encode(draft)?;
        if text.len() > MAX_RECORD_BYTES {
            return Err(StoreError::TooLarge(text.len()));
        }
        self.kv.set(key, &text)?;
        Ok(Seen::of(Some(&text)))
    }
    /// The key of a draft at the root deployment (the layout of earlier versions).
    pub fn key(id: &str) -> String {
        format!("{DRAFT_PREFIX}{id}")
    }
}

impl<K: KeyValue> DraftStore for KvDraftStore<K> {
    fn list(&self) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        let prefix = self.scope.draft_prefix();
        for key in self.kv.keys()?.into_iter().filter(|k| k.starts_with(&prefix)) {
            let Some(raw) = self.kv.get(&key)? else { continue };
            match decode(&raw) {
                Ok(d) => listing.drafts.push(d),
                Err(error) => listing.quarantined.push(Quarantined { key, raw, error }),
            }
        }
        listing.drafts.sort_by(|a, b| b.updated.total_cmp(&a.updated));
        Ok(listing)
    }

    fn load(&self, id: &str) -> Result<Draft, StoreError> {
        let raw = self.kv.get(&self.record_key(id))?.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        decode(&raw).map_err(StoreError::Decode)
    }

    /// Writes unconditionally, except over a record this version cannot read, and never more
    /// than can be read back.
    fn save(&self, draft: &Draft) -> Result<(), StoreError> {
        let key = self.record_key(&draft.id);
        if let Some(raw) = self.kv.get(&key)?
            && let Err(e) = decode(&raw)
        {
            return Err(StoreError::Unreadable(e));
        }
        self.write(&key, draft).map(|_| ())
    }

    fn load_seen(&self, id: &str) -> Result<(Draft, Seen), StoreError> {
        let raw = self.kv.get(&self.record_key(id))?.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let draft = decode(&raw).map_err(StoreError::Decode)?;
        Ok((draft, Seen::of(Some(&raw))))
    }

    fn save_if_unchanged(&self, draft: &Draft, seen: Seen) -> Result<SaveOutcome, StoreError> {
        let key = self.record_key(&draft.id);
        let raw = self.kv.get(&key)?;
        if let Some(raw) = raw.as_deref()
            && Seen::of(Some(raw)) != seen
        {
            return Ok(SaveOutcome::Changed(match decode(raw) {
                Ok(theirs) => Stored::Draft(Box::new(theirs)),
                Err(e) => Stored::Unreadable(e),
            }));
        }
        // Unchanged, or deleted elsewhere (then this window's version is saved again, as the
        // deletion banner says).
        self.write(&key, draft).map(SaveOutcome::Saved)
    }

    fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.kv.remove(&self.record_key(id))
    }

    fn discard(&self, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(&self.scope.draft_prefix()) {
            return Err(StoreError::Other(format!("not a draft key: {key}")));
        }
        self.kv.remove(key)
    }

    fn delete_all(&self) -> Result<usize, StoreError> {
        let keys: Vec<String> = self.kv.keys()?.into_iter().filter(|k| k.starts_with(self.scope.app_prefix())).collect();
        for k in &keys {
            self.kv.remove(k)?;
        }
        Ok(keys.len())
    }
}

/// Why a draft file cannot be imported (German sentences via `message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Decode(DecodeError),
    /// The file names a template this version does not have.
    UnknownTemplate(String),
    Empty,
}

impl ImportError {
    pub fn message(&self) -> String {
        match self {
            ImportError::Decode(e) => format!("{} Es wurde nichts geändert.", e.message()),
            ImportError::UnknownTemplate(t) => {
                format!(
                    "Der Entwurf gehört zur Vorlage „{t}“, die diese Version des Koop-Assistenten nicht kennt. Es wurde nichts geändert."
                )
            }
            ImportError::Empty => "Die Datei ist leer. Es wurde nichts geändert.".to_string(),
        }
    }
}

/// The outcome of reading a draft file.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub draft: Draft,
    /// A draft with the file's identity exists already: the import became a copy with a new
    /// identity instead of overwriting it.
    pub as_copy: bool,
}

/// Reads a draft file for import. An existing draft is never overwritten: if the identity is
/// taken, the import gets `new_id` (and `as_copy` tells the caller to name it a copy).
pub fn import_file(
    bytes: &[u8],
    known_templates: &[&str],
    existing_ids: &[&str],
    new_id: &str,
    now_ms: f64,
) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::Decode(DecodeError::TooLarge(bytes.len())));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::Decode(DecodeError::NotADraft))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut draft = decode(text).map_err(ImportError::Decode)?;
    if !known_templates.contains(&draft.template.as_str()) {
        return Err(ImportError::UnknownTemplate(draft.template));
    }
    // The caller names the copy (it knows the template's naming of drafts).
    let as_copy = existing_ids.contains(&draft.id.as_str());
    if as_copy {
        draft.id = new_id.to_string();
    }
    draft.updated = now_ms;
    Ok(Imported { draft, as_copy })
}

/// A safe file name for a draft file: "Entwurf_<name>_<date>.json".
pub fn draft_file_name(name: &str, date_iso: &str) -> String {
    let part = crate::value::ascii_file_part(name);
    if part.is_empty() { format!("Entwurf_{date_iso}.json") } else { format!("Entwurf_{part}_{date_iso}.json") }
}

/// Days after which an unexported draft earns a reminder to save it as a file (browsers may
/// evict local data).
pub const BACKUP_REMINDER_DAYS: f64 = 7.0;

/// Whether to remind the user to save this draft as a file.
pub fn needs_backup(draft: &Draft, now_ms: f64) -> bool {
    let day = 86_400_000.0;
    let since = draft.last_backup.unwrap_or(draft.created);
    draft.updated > since && now_ms - since >= BACKUP_REMINDER_DAYS * day
}
