//! The draft records of this deployment: the store the session and the library read and write,
//! opened at start (in memory where the browser allows no storage).

use crate::storage::{Backend, open_store};
use koop_core::draft::store::{KvDraftStore, StoreError};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Records {
    store: StoredValue<Option<KvDraftStore<Backend>>, LocalStorage>,
}

impl Records {
    pub(super) fn new() -> Records {
        Records { store: StoredValue::new_local(None) }
    }

    /// Opens the store; returns why it is limited (memory only, full), if it is.
    pub(super) fn open(&self) -> Option<StoreError> {
        let (store, problem) = open_store();
        self.store.set_value(Some(store));
        problem
    }

    /// Runs `f` with the store; `None` before it is opened and after a crash (then nothing is
    /// read or written: the state in memory may be half-changed).
    pub(super) fn with<R>(&self, f: impl FnOnce(&KvDraftStore<Backend>) -> R) -> Option<R> {
        if crate::crash::crashed() {
            return None;
        }
        self.store.with_value(|s| s.as_ref().map(f))
    }

    /// Whether drafts are kept in memory only (the browser allows no storage).
    pub(super) fn in_memory(&self) -> bool {
        self.with(|s| matches!(s.kv, Backend::Memory(_))).unwrap_or(false)
    }

    /// The key prefix of this deployment's draft records.
    pub(super) fn prefix() -> String {
        crate::storage::scope().draft_prefix()
    }
}
