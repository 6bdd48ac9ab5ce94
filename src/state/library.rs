//! The stored drafts as the start page lists them, the records that cannot be read, the last
//! deleted draft (for "Rückgängig"), and an exported document read back but not kept yet.

use koop_core::Draft;
use koop_core::draft::store::Quarantined;
use koop_core::import::Returned;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub(super) struct Library {
    pub(super) drafts: RwSignal<Vec<Draft>>,
    pub(super) quarantined: RwSignal<Vec<Quarantined>>,
    pub(super) deleted: RwSignal<Option<Draft>>,
    /// A DOCX or ODT whose draft waits for the user's decision (it was edited outside the app,
    /// or it came from a draft in the list).
    pub(super) incoming: RwSignal<Option<Returned>>,
}

impl Library {
    pub(super) fn new() -> Library {
        Library {
            drafts: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            deleted: RwSignal::new(None),
            incoming: RwSignal::new(None),
        }
    }
}
