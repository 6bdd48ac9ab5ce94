//! The `DraftStore` trait over any key-value store (the browser's localStorage in the app,
//! memory in tests and as fallback), and the scope of one deployment's keys.

use super::error::MAX_RECORD_BYTES;
use super::error::{DecodeError, StoreError};
use super::record::{MAX_PARENTS, decode, decode_record, encode_record};
use crate::draft::Draft;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Key prefix of everything this app stores (other apps on the same origin keep theirs).
pub const APP_PREFIX: &str = "koop-assistent.";
/// Key prefix of draft records in the key-value store.
pub const DRAFT_PREFIX: &str = "koop-assistent.entwurf.";

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

    /// The fingerprint of a stored text.
    pub fn of(raw: Option<&str>) -> Seen {
        // FNV-1a: stable across runs and builds, unlike std's randomly seeded hasher.
        Seen(raw.map(|r| r.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))))
    }

    /// As a record names its parents (see `Record::parents`).
    fn name(self) -> Option<String> {
        self.0.map(|h| format!("{h:016x}"))
    }

    fn named(name: &str) -> Option<Seen> {
        u64::from_str_radix(name, 16).ok().map(|h| Seen(Some(h)))
    }
}

/// A stored draft with its lineage.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub draft: Draft,
    /// This record's fingerprint.
    pub seen: Seen,
    /// The records it replaced, newest first (at most `MAX_PARENTS`): the record the writing
    /// window had loaded or saved before, then that record's parents. localStorage does not
    /// make one window's read-compare-write atomic against another's, so two windows can both
    /// replace the same record; the lineage lets each tell that from a descendant of its own.
    pub parents: Vec<Seen>,
}

impl Record {
    fn read(raw: &str) -> Result<Record, DecodeError> {
        let (draft, parents) = decode_record(raw)?;
        Ok(Record { draft, seen: Seen::of(Some(raw)), parents: parents.iter().filter_map(|p| Seen::named(p)).collect() })
    }

    /// The lineage of a record that replaces this one.
    fn lineage(self) -> Vec<String> {
        std::iter::once(self.seen).chain(self.parents.iter().copied()).filter_map(Seen::name).take(MAX_PARENTS).collect()
    }
}

/// The stored record when it is not the one a window expected.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// Another window saved this version.
    Draft(Box<Record>),
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
    fn load_seen(&self, id: &str) -> Result<(Draft, Seen), StoreError> {
        self.load_record(id).map(|r| (r.draft, r.seen))
    }
    /// Loads a draft with its fingerprint and lineage.
    fn load_record(&self, id: &str) -> Result<Record, StoreError>;
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

    /// Writes `draft` as the record whose lineage is `parents` (see `Record::parents`).
    fn write(&self, key: &str, draft: &Draft, parents: &[String]) -> Result<Seen, StoreError> {
        let text = encode_record(draft, parents)?;
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
        let over = match self.kv.get(&key)? {
            Some(raw) => Some(Record::read(&raw).map_err(StoreError::Unreadable)?),
            None => None,
        };
        self.write(&key, draft, &over.map(|r| r.lineage()).unwrap_or_default()).map(|_| ())
    }

    fn load_record(&self, id: &str) -> Result<Record, StoreError> {
        let raw = self.kv.get(&self.record_key(id))?.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        Record::read(&raw).map_err(StoreError::Decode)
    }

    fn save_if_unchanged(&self, draft: &Draft, seen: Seen) -> Result<SaveOutcome, StoreError> {
        let key = self.record_key(&draft.id);
        let stored = match self.kv.get(&key)? {
            Some(raw) => match Record::read(&raw) {
                Ok(r) if r.seen == seen => Some(r),
                Ok(r) => return Ok(SaveOutcome::Changed(Stored::Draft(Box::new(r)))),
                Err(e) => return Ok(SaveOutcome::Changed(Stored::Unreadable(e))),
            },
            None => None,
        };
        // The same draft again (a save without a change): nothing to write, and no new record
        // that other windows would have to look at.
        if let Some(r) = &stored
            && r.draft == *draft
        {
            return Ok(SaveOutcome::Saved(r.seen));
        }
        // Unchanged, or deleted elsewhere (then this window's version is saved again, as the
        // deletion banner says, still naming the record it saw as its parent).
        let parents = stored.map_or_else(|| seen.name().into_iter().collect(), |r| r.lineage());
        self.write(&key, draft, &parents).map(SaveOutcome::Saved)
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
