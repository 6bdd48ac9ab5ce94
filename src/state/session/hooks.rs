//! The session's window listeners (leptos-use: they stop with the component that calls the
//! hook): the last change is saved when the page is hidden or left, the browser asks before a
//! tab with unsaved edits closes, and another window's save of the open draft is compared.

use super::Session;
use crate::platform::on_window;
use crate::state::records::Records;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `visibility` is the document's (the shell's one signal of it).
pub fn use_session_events(session: Session, visibility: Signal<web_sys::VisibilityState>) {
    // The last change is written as soon as the tab is hidden (switching apps, closing).
    Effect::new(move |_| {
        if visibility.get() == web_sys::VisibilityState::Hidden {
            session.flush();
        }
    });
    on_window("pagehide", move |_| session.flush());
    // Edits that are not stored (an open conflict, a failed save, a blocked storage) make the
    // browser ask before the tab is closed or left.
    on_window("beforeunload", move |ev| {
        session.flush();
        if session.has_unsaved_edits() {
            ev.prevent_default();
        }
    });
    // Another tab or window saved or deleted a draft.
    on_window("storage", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else { return };
        if let Some(key) = ev.key().filter(|k| k.starts_with(&Records::prefix())) {
            session.record_changed(&key);
        }
    });
}
