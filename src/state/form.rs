//! When the form shows its messages: fields the user has left, steps where "Weiter" was
//! pressed, the step whose error summary is shown, and the pointer that delays a message (with
//! the hook that follows the pointer).

use crate::platform::on_window;
use koop_core::FieldPath;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Form {
    /// Fields the user has left at least once: their messages are shown.
    touched: RwSignal<BTreeSet<FieldPath>>,
    /// Steps where "Weiter" was pressed: all their messages are shown.
    submitted: RwSignal<BTreeSet<usize>>,
    /// The step whose error summary is shown.
    summary_for: RwSignal<Option<usize>>,
    /// Whether a mouse button, pen or finger is down (see `touch_after_blur`).
    pointer_down: StoredValue<bool>,
    /// Fields left while a pointer was down; revealed once it is released.
    pending: StoredValue<Vec<FieldPath>>,
}

impl Form {
    pub(super) fn new() -> Form {
        Form {
            touched: RwSignal::new(BTreeSet::new()),
            submitted: RwSignal::new(BTreeSet::new()),
            summary_for: RwSignal::new(None),
            pointer_down: StoredValue::new(false),
            pending: StoredValue::new(Vec::new()),
        }
    }

    /// A draft was opened: nothing is touched or submitted yet.
    pub(super) fn reset(&self) {
        self.touched.set(BTreeSet::new());
        self.submitted.set(BTreeSet::new());
        self.summary_for.set(None);
    }

    /// Another step is shown: no error summary yet.
    pub(super) fn hide_summary(&self) {
        self.summary_for.set(None);
    }

    pub fn touch(&self, path: &FieldPath) {
        if !self.touched.with_untracked(|t| t.contains(path)) {
            self.touched.update(|t| {
                t.insert(path.clone());
            });
        }
    }

    /// A field was left. Its message is shown at once, unless a pointer is down: then the
    /// field was left by pressing on something else (a button, a link, another field), and a
    /// message appearing now would move that target away before the click completes (the
    /// click would be lost). It is shown right after the pointer is released instead.
    pub fn touch_after_blur(&self, path: &FieldPath) {
        if self.pointer_down.get_value() {
            self.pending.update_value(|p| p.push(path.clone()));
        } else {
            self.touch(path);
        }
    }

    /// The pointer was released (or cancelled): after the click it causes, the fields left in
    /// the meantime show their messages.
    fn pointer_up(&self) {
        self.pointer_down.set_value(false);
        if self.pending.with_value(Vec::is_empty) {
            return;
        }
        let this = *self;
        set_timeout(
            move || {
                for path in this.pending.try_update_value(std::mem::take).unwrap_or_default() {
                    this.touch(&path);
                }
            },
            Duration::ZERO,
        );
    }

    /// Whether messages of this field are shown yet (tracked).
    pub fn reveal(&self, path: &FieldPath, step: usize) -> bool {
        self.touched.with(|t| t.contains(path)) || self.submitted(step)
    }

    /// Whether "Weiter" was pressed on this step: all its messages are shown (tracked).
    pub fn submitted(&self, step: usize) -> bool {
        self.submitted.with(|s| s.contains(&step))
    }

    /// Whether the error summary of this step is shown (tracked).
    pub fn summary_shown(&self, step: usize) -> bool {
        self.summary_for.get() == Some(step)
    }

    /// "Weiter" on a step with `open` problems: shows its messages and, the first time, the
    /// error summary (focused); returns whether the summary was newly shown.
    pub fn submit_step(&self, step: usize, open: usize) -> bool {
        self.submitted.update(|s| {
            s.insert(step);
        });
        if open > 0 && self.summary_for.get_untracked() != Some(step) {
            self.summary_for.set(Some(step));
            return true;
        }
        false
    }
}

/// Follows the pointer for `Form::touch_after_blur`: a field's message appears after the click
/// that left the field, not during it. The listeners go with the calling component.
pub fn use_pointer(form: Form) {
    on_window("pointerdown", move |_| form.pointer_down.set_value(true));
    on_window("pointerup", move |_| form.pointer_up());
    on_window("pointercancel", move |_| form.pointer_up());
}
