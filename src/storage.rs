//! The browser's localStorage behind the core's `KeyValue` trait. web-sys is used directly
//! (not gloo-storage's `LocalStorage::raw()`, which throws when storage is blocked): every
//! failure becomes a typed `StoreError`, and the app falls back to memory.

use crate::platform::js_err;
use koop_core::draft::store::{KeyValue, KvDraftStore, MemoryKv, Scope, StoreError};
use wasm_bindgen::JsCast;

pub struct LocalStorageKv {
    storage: web_sys::Storage,
}

impl LocalStorageKv {
    /// Opens localStorage and proves it writable (private modes may expose a storage that
    /// refuses every write). A full storage is still opened: its drafts are readable, and
    /// hiding them behind an empty list would ask the user to delete drafts they cannot see.
    pub fn open() -> Result<(LocalStorageKv, Option<StoreError>), StoreError> {
        let w = web_sys::window().ok_or_else(|| StoreError::Unavailable("kein Fenster".into()))?;
        let storage = match w.local_storage() {
            Ok(Some(s)) => s,
            Ok(None) => return Err(StoreError::Unavailable("localStorage fehlt".into())),
            Err(e) => return Err(StoreError::Unavailable(js_err(e))),
        };
        let kv = LocalStorageKv { storage };
        let probe = "koop-assistent.probe";
        match kv.set(probe, "1") {
            Ok(()) => {
                kv.remove(probe)?;
                Ok((kv, None))
            }
            Err(StoreError::QuotaExceeded) if kv.keys().is_ok() => Ok((kv, Some(StoreError::QuotaExceeded))),
            Err(other) => Err(StoreError::Unavailable(other.to_string())),
        }
    }
}

fn map_err(e: wasm_bindgen::JsValue) -> StoreError {
    if let Some(dom) = e.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        // Chromium/WebKit: QuotaExceededError (code 22); Firefox: NS_ERROR_DOM_QUOTA_REACHED.
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || dom.code() == 22 {
            return StoreError::QuotaExceeded;
        }
        if name == "SecurityError" {
            return StoreError::Unavailable(dom.message());
        }
    }
    StoreError::Other(js_err(e))
}

impl KeyValue for LocalStorageKv {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(map_err)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(map_err)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(map_err)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self.storage.length().map_err(map_err)?;
        Ok((0..n).filter_map(|i| self.storage.key(i).ok().flatten()).collect())
    }
}

/// Either backend, chosen at start.
pub enum Backend {
    Local(LocalStorageKv),
    Memory(MemoryKv),
}

impl KeyValue for Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            Backend::Local(s) => s.get(key),
            Backend::Memory(s) => s.get(key),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            Backend::Local(s) => s.set(key, value),
            Backend::Memory(s) => s.set(key, value),
        }
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        match self {
            Backend::Local(s) => s.remove(key),
            Backend::Memory(s) => s.remove(key),
        }
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        match self {
            Backend::Local(s) => s.keys(),
            Backend::Memory(s) => s.keys(),
        }
    }
}

/// This deployment's part of the origin's storage: its base path (see `Scope`).
pub fn scope() -> Scope {
    Scope::for_path(&crate::platform::path())
}

/// The draft store of this deployment, or memory with the reason why.
pub fn open_store() -> (KvDraftStore<Backend>, Option<StoreError>) {
    match LocalStorageKv::open() {
        Ok((kv, problem)) => match KvDraftStore::scoped(Backend::Local(kv), scope()) {
            Ok((store, _)) => (store, problem),
            // Full or failing while carrying older drafts over: they are copied next time.
            Err(e) => match LocalStorageKv::open() {
                Ok((kv, _)) => (KvDraftStore::unmigrated(Backend::Local(kv), scope()), Some(e)),
                Err(e) => (KvDraftStore::new(Backend::Memory(MemoryKv::new())), Some(e)),
            },
        },
        Err(e) => (KvDraftStore::new(Backend::Memory(MemoryKv::new())), Some(e)),
    }
}
