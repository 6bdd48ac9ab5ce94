//! The UI: small components, each asking for the stores it uses (`state`) and the derived
//! `Derived` memos.

pub mod app;
pub mod fields;
pub mod later;
pub mod pages;
pub mod preview;
pub mod process;
pub mod radio;
pub mod review;
pub mod start;
pub mod vorlage;
pub mod wizard;

use crate::state::{Location, Navigator};
use koop_core::{Document, Report};
use leptos::prelude::*;

/// State derived from the draft: recomputed when it changes, shared by all components.
#[derive(Clone, Copy)]
pub struct Derived {
    pub report: Memo<Report>,
    /// The agreement.
    pub doc: Memo<Option<Document>>,
    /// The bound document the preview shows (`DocumentChoice`), for the chosen body; built only
    /// while it is shown.
    pub bound: Memo<Option<Document>>,
}

/// A link back to the start page: the open draft is saved, the start page focused.
#[component]
pub fn StartLink(class: &'static str, children: Children) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    view! {
        <a
            class=class
            href=navigator.href(&Location::Start)
            on:click=move |ev| {
                ev.prevent_default();
                navigator.close();
            }
        >
            {children()}
        </a>
    }
}
