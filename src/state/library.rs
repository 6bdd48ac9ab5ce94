//! The stored drafts as the start page lists them, the records that cannot be read, and the
//! last deleted draft (for "Rückgängig").

use koop_core::Draft;
use koop_core::draft::store::Quarantined;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub(super) struct Library {
    pub(super) drafts: RwSignal<Vec<Draft>>,
    pub(super) quarantined: RwSignal<Vec<Quarantined>>,
    pub(super) deleted: RwSignal<Option<Draft>>,
}

impl Library {
    pub(super) fn new() -> Library {
        Library { drafts: RwSignal::new(Vec::new()), quarantined: RwSignal::new(Vec::new()), deleted: RwSignal::new(None) }
    }
}
