//! One radio option in KERN markup, for the groups outside the template's fields (the preview
//! switch, the Beschlussvorlage's body and format, a phase's status): one shell, as the
//! template's own choices have theirs (`fields/choice.rs`).

use leptos::prelude::*;

#[component]
pub fn RadioOption(
    /// The group's `name`.
    name: String,
    /// The input's element id.
    id: String,
    label: String,
    /// Whether this option is the chosen one (tracked).
    checked: Signal<bool>,
    /// Chooses it.
    pick: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="kern-form-check">
            <input class="kern-form-check__radio" type="radio" name=name id=id.clone() prop:checked=checked on:change=move |_| pick.run(()) />
            <label class="kern-label" for=id>{label}</label>
        </div>
    }
}
