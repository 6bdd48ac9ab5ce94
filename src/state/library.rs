//! The stored drafts as the start page lists them, the records that cannot be read, and the
//! last deleted draft (for "Rückgängig"): listing, renaming, duplicating, deleting and restoring,
//! deleting everything. Its hook follows the other windows' changes to the list.

use super::notices::{Notice, Notices};
use super::records::Records;
use super::session::Session;
use crate::platform;
use koop_core::Draft;
use koop_core::draft::store::{DraftStore, Quarantined, SaveOutcome, Seen, StoreError};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Library {
    drafts: RwSignal<Vec<Draft>>,
    quarantined: RwSignal<Vec<Quarantined>>,
    deleted: RwSignal<Option<Draft>>,
    records: Records,
    session: Session,
    notices: Notices,
}

impl Library {
    pub(super) fn new(records: Records, session: Session, notices: Notices) -> Library {
        Library {
            drafts: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            deleted: RwSignal::new(None),
            records,
            session,
            notices,
        }
    }

    /// Reads the list again from the store.
    pub(super) fn refresh(&self) {
        match self.records.with(|s| s.list()) {
            Some(Ok(listing)) => {
                self.drafts.set(listing.drafts);
                // Announced once per record, not again on every refresh of the list.
                let known: Vec<String> = self.quarantined.with_untracked(|q| q.iter().map(|q| q.key.clone()).collect());
                for q in listing.quarantined.iter().filter(|q| !known.contains(&q.key)) {
                    self.notices.show(Notice::quarantined(q, &Records::prefix()));
                }
                self.quarantined.set(listing.quarantined);
            }
            Some(Err(e)) => self.notices.show(Notice::list_unreadable(&e.message())),
            None => {}
        }
    }

    /// The stored drafts (tracked).
    pub fn drafts(&self) -> Vec<Draft> {
        self.drafts.get()
    }

    /// The last deleted draft, kept for "Rückgängig" (tracked).
    pub fn deleted(&self) -> Option<Draft> {
        self.deleted.get()
    }

    /// The draft `id`: the open one as edited, else as listed.
    pub(super) fn find(&self, id: &str) -> Option<Draft> {
        self.session.open_copy(id).or_else(|| self.drafts.with_untracked(|l| l.iter().find(|d| d.id == id).cloned()))
    }

    /// The listed draft a record of `id` and `template` would replace.
    pub(super) fn listed(&self, id: &str, template: &str) -> Option<Draft> {
        self.drafts.with_untracked(|l| l.iter().find(|d| d.id == id && d.template == template).cloned())
    }

    /// Identities a new draft must not take: the listed drafts' and the quarantined records'.
    pub(super) fn taken_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.drafts.with_untracked(|l| l.iter().map(|d| d.id.clone()).collect());
        let prefix = Records::prefix();
        ids.extend(
            self.quarantined.with_untracked(|q| q.iter().map(|q| q.key.trim_start_matches(&prefix).to_string()).collect::<Vec<_>>()),
        );
        ids
    }

    /// Stores a draft as it is (a copy, an import); "Rückgängig" of a deletion would now
    /// overwrite a draft of the same identity, so it is no longer offered.
    pub(super) fn add(&self, d: &Draft) -> Result<(), StoreError> {
        self.records.with(|s| s.save(d)).unwrap_or(Ok(()))?;
        if self.deleted.with_untracked(|x| x.as_ref().is_some_and(|x| x.id == d.id)) {
            self.deleted.set(None);
        }
        self.refresh();
        Ok(())
    }

    /// Deletes a draft; `restore` brings it back.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let draft = self.drafts.with_untracked(|l| l.iter().find(|d| d.id == id).cloned());
        self.records.with(|s| s.delete(id)).unwrap_or(Ok(()))?;
        self.deleted.set(draft);
        self.refresh();
        Ok(())
    }

    pub fn restore(&self) -> Result<(), StoreError> {
        if let Some(d) = self.deleted.get_untracked() {
            // Only where nothing is stored now: a draft of that identity saved meanwhile (by
            // another window) is not replaced.
            self.records.with(|s| s.save_if_unchanged(&d, Seen::NOTHING)).unwrap_or(Ok(SaveOutcome::Saved(Seen::NOTHING)))?;
            self.deleted.set(None);
            self.refresh();
        }
        Ok(())
    }

    pub fn rename(&self, id: &str, name: &str) -> Result<(), StoreError> {
        let name = name.trim();
        let name = (!name.is_empty()).then(|| name.to_string());
        self.change(id, move |d| d.name = name.clone())
    }

    /// Changes a draft: the open one through the session (saved like a keystroke), any other
    /// in its stored version (not the copy in the list, which another window may have outdated).
    pub(super) fn change(&self, id: &str, change: impl Fn(&mut Draft)) -> Result<(), StoreError> {
        if self.session.open_copy(id).is_some() {
            self.session.edit(|d| change(d));
            self.session.flush();
            return Ok(());
        }
        let now = platform::now_ms();
        self.records
            .with(|s| {
                s.update(id, &mut |d| {
                    change(d);
                    d.touch(now);
                })
            })
            .unwrap_or(Err(StoreError::NotFound(id.into())))?;
        self.refresh();
        Ok(())
    }

    /// A copy with a new identity, named "… (Kopie)".
    pub fn duplicate(&self, id: &str) -> Result<(), StoreError> {
        let Some(mut d) = self.find(id) else { return Err(StoreError::NotFound(id.into())) };
        d.name = Some(format!("{} (Kopie)", self.session.name_of(&d)));
        d.id = platform::new_id();
        let now = platform::now_ms();
        d.created = now;
        d.updated = now;
        d.last_backup = None;
        self.add(&d)
    }

    /// Deletes every record of the app on this device; returns how many.
    pub fn delete_all(&self) -> Result<usize, StoreError> {
        self.session.cancel_save();
        let n = self.records.with(|s| s.delete_all()).unwrap_or(Ok(0))?;
        self.deleted.set(None);
        self.notices.clear();
        self.refresh();
        Ok(n)
    }

    /// "Rohdaten herunterladen" of a record in quarantine.
    pub fn download_raw(&self, key: &str) {
        let raw = self.quarantined.with_untracked(|q| q.iter().find(|q| q.key == key).map(|q| q.raw.clone()));
        if let Some(raw) = raw {
            let name = format!("Rohdaten_{}.json", koop_core::value::ascii_file_part(key));
            if let Err(e) = platform::download(raw.as_bytes(), &name, "application/json") {
                self.notices.show(Notice::download_failed(&e));
            }
        }
    }

    /// "Endgültig verwerfen" of a record in quarantine; returns whether it is gone.
    pub fn discard(&self, key: &str) -> bool {
        match self.records.with(|s| s.discard(key)).unwrap_or(Ok(())) {
            Ok(()) => {
                self.refresh();
                true
            }
            Err(e) => {
                self.notices.show(Notice::not_discarded(&e.message()));
                false
            }
        }
    }
}

/// Another tab or window changed localStorage: the list follows. The listener goes with the
/// calling component; it is added before the session's, so the list is read first.
pub fn use_library_events(library: Library) {
    crate::platform::on_window("storage", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else { return };
        // No key: localStorage.clear() in another window.
        if ev.key().is_none_or(|k| k.starts_with(&Records::prefix())) {
            library.refresh();
        }
    });
}
