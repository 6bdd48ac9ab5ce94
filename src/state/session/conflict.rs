//! Two windows, one draft: what happens when the stored record of the open draft is not the one
//! this window last loaded or saved. The storage event of another window's save and this
//! window's own save can both find that out; both hand it to `Session::differs`, the one place
//! that decides what follows.

use super::{Attempt, SaveStatus, Session};
use crate::state::notices::Notice;
use koop_core::draft::store::{DraftStore, Seen, StoreError, Stored};
use leptos::prelude::*;

/// How this window found out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Via {
    /// Another window wrote the record (the `storage` event).
    StorageEvent,
    /// This window's save found another record and wrote nothing.
    Save,
}

/// What the storage holds for the open draft instead of what this window saw.
pub(super) enum Found {
    /// Another version, and what this window would see of it where it was read for this.
    Other(Stored, Option<Seen>),
    /// Nothing: the draft was deleted in another window.
    Deleted,
}

impl Session {
    /// Another window changed the record under `key` (the `storage` event): compared with
    /// what this window saw if it is the open draft's.
    pub(super) fn record_changed(&self, key: &str) {
        let open = self.draft.with_untracked(|d| d.as_ref().and_then(|d| self.records.with(|s| s.record_key(&d.id))));
        if open.as_deref() != Some(key) {
            return;
        }
        let Some(id) = self.draft_id_untracked() else { return };
        match self.records.with(|s| s.load_seen(&id)) {
            Some(Ok((theirs, seen))) if seen != self.seen.get_value() => {
                self.differs(Found::Other(Stored::Draft(Box::new(theirs)), Some(seen)), Via::StorageEvent);
            }
            Some(Err(StoreError::NotFound(_))) => self.differs(Found::Deleted, Via::StorageEvent),
            Some(Err(StoreError::Decode(e))) => self.differs(Found::Other(Stored::Unreadable(e), None), Via::StorageEvent),
            _ => {}
        }
    }

    /// The stored record of the open draft differs from what this window saw: the rule.
    pub(super) fn differs(&self, found: Found, via: Via) {
        // Unsaved here (waiting for the autosave, or not saved: an open conflict, a full
        // storage): loading the other version would silently discard this window's changes.
        let unsaved = matches!(self.save_status.get_untracked(), SaveStatus::Pending | SaveStatus::Failed(_));
        match (found, via) {
            (Found::Other(Stored::Draft(theirs), Some(seen)), Via::StorageEvent) if !unsaved => {
                self.replace_draft(*theirs, seen);
                self.notices.show(Notice::theirs_loaded());
            }
            // Another window saved since this one loaded or saved: the user chooses.
            (Found::Other(Stored::Draft(_), _), _) => self.ask(),
            // A version this build cannot read (a newer app in another tab): never replaced;
            // this window's next save says so.
            (Found::Other(Stored::Unreadable(e), _), Via::Save) => self.settle(Attempt::Failed(StoreError::Unreadable(e))),
            (Found::Other(Stored::Unreadable(_), _), Via::StorageEvent) => {}
            (Found::Deleted, _) => self.notices.show(Notice::deleted_elsewhere()),
        }
    }

    fn ask(&self) {
        // The pending autosave would only ask again (and replace the banner while it is read).
        self.cancel_save();
        self.save_status.set(SaveStatus::Failed("Konflikt mit einem anderen Fenster".into()));
        self.notices.show(Notice::conflict());
    }

    /// "Neuere Fassung laden": this window's changes give way to the stored version.
    pub fn load_theirs(&self) {
        self.cancel_save();
        if let Some(Some(Ok((theirs, seen)))) = self.draft_id_untracked().map(|id| self.records.with(|s| s.load_seen(&id))) {
            self.replace_draft(theirs, seen);
        }
    }

    /// "Meine Fassung behalten und speichern".
    pub fn keep_mine(&self) {
        let Some(d) = self.draft.get_untracked() else { return };
        // Written on purpose over the other window's version; that window learns of it at its
        // next save, because the record it saw is gone.
        match self.records.with(|s| s.save(&d).and_then(|()| s.load_seen(&d.id))) {
            Some(Ok((_, seen))) => {
                self.seen.set_value(seen);
                self.save_status.set(SaveStatus::Saved(crate::platform::now_ms()));
            }
            Some(Err(e)) => self.settle(Attempt::Failed(e)),
            None => {}
        }
    }
}
