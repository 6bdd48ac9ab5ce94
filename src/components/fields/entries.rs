//! The entries of a list as signals, one per entry, kept current by one effect of the list over
//! the draft and set only where an entry changed: typing in one entry notifies that entry's
//! fields. (A memo per entry over the draft had every entry, each of its fields and their inputs
//! checked on every keystroke in a long list.)

use super::with_entries;
use crate::state::Session;
use koop_core::Entry;
use koop_core::template::Field;
use leptos::prelude::*;

/// The entry a list entry's fields show (provided by `EntryView`).
#[derive(Clone, Copy)]
pub(super) struct EntryMemo(pub(super) RwSignal<Option<Entry>>);

/// The signals of one list's entries.
#[derive(Clone, Copy)]
pub(super) struct EntrySignals(StoredValue<Vec<(u32, RwSignal<Option<Entry>>)>>);

impl EntrySignals {
    pub(super) fn new(session: Session, list: &'static Field) -> Self {
        let signals = EntrySignals(StoredValue::new(Vec::new()));
        Effect::new(move |_| {
            with_entries(session, list, |es| {
                signals.0.with_value(|sigs| {
                    for (id, sig) in sigs {
                        let now = es.iter().find(|e| e.id == *id);
                        if sig.with_untracked(|v| v.as_ref() != now) {
                            sig.set(now.cloned());
                        }
                    }
                })
            });
        });
        signals
    }

    /// The entry's signal (made with its value in the draft now).
    pub(super) fn of(self, session: Session, list: &'static Field, entry: u32) -> RwSignal<Option<Entry>> {
        if let Some(sig) = self.0.with_value(|sigs| sigs.iter().find(|(id, _)| *id == entry).map(|(_, s)| *s)) {
            return sig;
        }
        let now = session.with_draft_untracked(|d| d.and_then(|d| d.entry_list(list).iter().find(|e| e.id == entry).cloned()));
        let sig = RwSignal::new(now);
        self.0.update_value(|sigs| sigs.push((entry, sig)));
        sig
    }

    pub(super) fn forget(self, entry: u32) {
        self.0.update_value(|sigs| sigs.retain(|(id, _)| *id != entry));
    }
}
