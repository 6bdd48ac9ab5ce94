//! Two windows, one draft: what happens when the stored record of the open draft is not the one
//! this window last loaded or saved. The storage event of another window's save and this
//! window's own save can both find that out; `koop_core::draft::sync` decides (take the other
//! version, merge both windows' edits, or ask) and this file carries the outcome to the screen.

use super::{Attempt, SaveStatus, Session};
use crate::state::notices::{Notice, Topic};
use koop_core::draft::merge::{Side, same_content};
use koop_core::draft::store::StoreError;
use koop_core::draft::sync::Outcome;
use koop_core::{Draft, Template};
use leptos::prelude::*;

/// How this window found out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Via {
    /// Another window wrote the record (the `storage` event).
    StorageEvent,
    /// This window saved.
    Save,
}

impl Session {
    /// Another window changed the record under `key` (the `storage` event): settled with what
    /// this window holds if it is the open draft's.
    pub(super) fn record_changed(&self, key: &str) {
        let open = self.draft.with_untracked(|d| d.as_ref().and_then(|d| self.records.with(|s| s.record_key(&d.id))));
        if open.as_deref() != Some(key) {
            return;
        }
        let Some(ours) = self.draft.get_untracked() else { return };
        let result = self.records.with(|s| self.sync.try_update_value(|sync| sync.refresh(s, &ours)));
        if let Some(Some(result)) = result {
            self.settled(&ours, result, Via::StorageEvent);
        }
    }

    /// What follows a save or a look at another window's save.
    pub(super) fn settled(&self, ours: &Draft, result: Result<Outcome, StoreError>, via: Via) {
        match (result, via) {
            (Ok(Outcome::Current), _) => {}
            (Ok(Outcome::Stored), _) => {
                self.notices.dismiss_topic(&Topic::Conflict);
                self.settle(if self.records.in_memory() { Attempt::InMemory } else { Attempt::Stored });
            }
            (Ok(Outcome::Show { draft, merged }), _) => {
                // Nothing typed here is lost: the version shown holds every edit of this
                // window that the stored one lacked (`sync::decide`).
                self.notices.dismiss_topic(&Topic::Conflict);
                // It is stored: a pending autosave would only write it again.
                self.cancel_save();
                if !same_content(ours, &draft) {
                    self.notices.show(if merged { Notice::merged() } else { Notice::theirs_loaded() });
                }
                self.show(draft);
            }
            (Ok(Outcome::Ask { answers, .. }), _) => self.ask(&answers),
            (Ok(Outcome::Gone), _) => self.notices.show(Notice::deleted_elsewhere()),
            // A version this build cannot read (a newer app in another tab): never replaced;
            // this window's next save says so.
            (Err(StoreError::Unreadable(_)), Via::StorageEvent) => {}
            (Err(e), _) => self.settle(Attempt::Failed(e)),
        }
    }

    fn ask(&self, answers: &[String]) {
        // The pending autosave would only ask again (and replace the banner while it is read).
        self.cancel_save();
        self.save_status.set(SaveStatus::Failed("Konflikt mit einem anderen Fenster".into()));
        let labels = self.template().map(|t| labels(t, answers)).unwrap_or_default();
        self.notices.show(Notice::conflict(&labels));
    }

    /// "Andere Fassung laden" or "Meine Fassung behalten", for the answers both windows
    /// changed; every other edit of both stays.
    pub fn resolve(&self, side: Side) {
        self.cancel_save();
        let Some(ours) = self.draft.get_untracked() else { return };
        match self.records.with(|s| self.sync.try_update_value(|sync| sync.resolve(s, &ours, side))) {
            Some(Some(Ok(r))) => self.show(r.draft),
            Some(Some(Err(e))) => self.settle(Attempt::Failed(e)),
            _ => {}
        }
    }

    /// Shows a stored version of the open draft, keeping the step.
    fn show(&self, d: Draft) {
        self.draft.set(Some(d));
        self.save_status.set(SaveStatus::Saved(crate::platform::now_ms()));
    }
}

/// The labels of the answers both windows changed, as the form shows them.
fn labels(t: &Template, answers: &[String]) -> Vec<String> {
    answers
        .iter()
        .map(|a| match a.as_str() {
            "name" => "Name des Entwurfs".to_string(),
            "process" => "Prozess und Termine".to_string(),
            id => t.field(id).map_or_else(|| id.to_string(), |f| f.field.label.clone()),
        })
        .collect()
}
