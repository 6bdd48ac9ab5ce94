//! The polite announcement for screen readers (the page's aria-live region).

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Announcer {
    text: RwSignal<String>,
}

impl Announcer {
    pub(super) fn new() -> Announcer {
        Announcer { text: RwSignal::new(String::new()) }
    }

    /// What the live region says now (tracked).
    pub fn text(&self) -> String {
        self.text.get()
    }

    pub fn announce(&self, text: &str) {
        // Clearing first makes screen readers announce a repeated message again.
        self.text.set(String::new());
        let text = text.to_string();
        let sig = self.text;
        request_animation_frame(move || sig.set(text));
    }
}
