//! Which document the user looks at besides the agreement: a bound document of the template
//! (the Beschlussvorlage), for which body, and whether the preview shows it. A choice of this
//! window, not part of the draft.

use koop_core::context::BodyKey;
use koop_core::document::bound::Body;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct DocumentChoice {
    /// The bound document the preview shows (its `[[documents]]` id); `None`: the agreement.
    shown: RwSignal<Option<String>>,
    /// The body last chosen (on the review step or above the preview).
    body: RwSignal<Option<BodyKey>>,
}

impl DocumentChoice {
    pub(super) fn new() -> DocumentChoice {
        DocumentChoice { shown: RwSignal::new(None), body: RwSignal::new(None) }
    }

    /// The bound document the preview shows, `None` for the agreement (tracked).
    pub fn shown(&self) -> Option<String> {
        self.shown.get()
    }

    /// Whether the preview shows `document` (`None`: the agreement) (tracked).
    pub fn shows(&self, document: Option<&str>) -> bool {
        self.shown.with(|s| s.as_deref() == document)
    }

    /// Lets the preview show `document`, or the agreement.
    pub fn show(&self, document: Option<&str>) {
        self.shown.set(document.map(str::to_string));
    }

    /// The chosen body among `bodies` (tracked): the one chosen last while the draft still has
    /// it, else the first.
    pub fn body(&self, bodies: &[Body]) -> Option<BodyKey> {
        self.body.with(|chosen| {
            chosen.as_ref().filter(|c| bodies.iter().any(|b| &b.key == *c)).or_else(|| bodies.first().map(|b| &b.key)).cloned()
        })
    }

    pub fn choose(&self, body: BodyKey) {
        self.body.set(Some(body));
    }
}
