//! The UI: small components over `AppState` and the derived `Derived` memos.

pub mod app;
pub mod fields;
pub mod pages;
pub mod preview;
pub mod process;
pub mod review;
pub mod start;
pub mod wizard;

use koop_core::{Context, Document, Report};
use leptos::prelude::*;

/// State derived from the draft: recomputed when it changes, shared by all components.
#[derive(Clone, Copy)]
pub struct Derived {
    pub report: Memo<Report>,
    pub doc: Memo<Option<Document>>,
}

pub fn draft_name(c: &Context<'_>) -> String {
    c.draft_name()
}
