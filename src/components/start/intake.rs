//! Files taken in on the start page: "Entwurf aus Datei laden" or a file dropped on the list.
//! A draft file becomes a draft at once; a returned document may wait for the user's decision
//! (its review takes the focus).

use super::Status;
use crate::platform;
use crate::state::{Intake, Transfer};
use leptos::prelude::*;

/// Takes one file and reports what it did.
fn take(transfer: Transfer, status: Status, file: web_sys::File) {
    status.clear();
    leptos::task::spawn_local(async move {
        let outcome = transfer.take(file).await;
        if outcome == Ok(Intake::Waiting) {
            request_animation_frame(|| {
                platform::focus_id("datei-pruefen-titel");
            });
        }
        status.intake(outcome);
    });
}

/// The drop target's handlers (the whole list): whether a file is dragged over it, and what a
/// drop does.
pub(super) fn drop_target(
    status: Status,
) -> (RwSignal<bool>, impl Fn(leptos::ev::DragEvent) + Copy, impl Fn(leptos::ev::DragEvent) + Copy) {
    let transfer = expect_context::<Transfer>();
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            take(transfer, status, file);
        }
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        // Without this the browser opens the dropped file itself.
        ev.prevent_default();
        dragging.set(true);
    };
    (dragging, on_drop, on_dragover)
}

/// "Entwurf aus Datei laden": a draft file (.json) or an exported document (.docx, .odt, .pdf).
#[component]
pub(super) fn FileChooser(status: Status) -> impl IntoView {
    let transfer = expect_context::<Transfer>();
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        let Some(input) = input_ref.get() else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        take(transfer, status, file);
    };
    view! {
        <div class="entwuerfe__werkzeuge">
            <button
                type="button"
                class="kern-btn kern-btn--secondary"
                on:click=move |_| {
                    if let Some(i) = input_ref.get() {
                        i.click();
                    }
                }
            >
                <span class="kern-label">"Entwurf aus Datei laden"</span>
            </button>
            // Opened by the button above; hidden because the browser's own control cannot be
            // labelled in German.
            <input
                class="versteckt"
                type="file"
                accept=".json,application/json,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.odt,application/vnd.oasis.opendocument.text,.pdf,application/pdf"
                aria-label="Entwurfsdatei wählen"
                node_ref=input_ref
                on:change=on_file
                data-testid="import"
            />
        </div>
    }
}
