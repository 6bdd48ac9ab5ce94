//! Where the user is: the step of the open draft, an information page, or the process view.
//! The address bar mirrors it (`AppState::follow_url` reads it, the navigation methods write it).

use leptos::prelude::*;

/// The information pages every public body must publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoPage {
    Datenschutz,
    Barrierefreiheit,
}

impl InfoPage {
    pub fn slug(self) -> &'static str {
        match self {
            InfoPage::Datenschutz => "datenschutz",
            InfoPage::Barrierefreiheit => "barrierefreiheit",
        }
    }

    pub(super) fn from_slug(s: &str) -> Option<InfoPage> {
        [InfoPage::Datenschutz, InfoPage::Barrierefreiheit].into_iter().find(|p| p.slug() == s)
    }
}

#[derive(Clone, Copy)]
pub(super) struct Route {
    pub(super) step: RwSignal<usize>,
    /// An information page instead of the start screen or a draft.
    pub(super) page: RwSignal<Option<InfoPage>>,
    /// The open draft's process view ("Prozess und Termine") instead of its steps.
    pub(super) process_view: RwSignal<bool>,
}

impl Route {
    pub(super) fn new() -> Route {
        Route { step: RwSignal::new(0), page: RwSignal::new(None), process_view: RwSignal::new(false) }
    }
}
