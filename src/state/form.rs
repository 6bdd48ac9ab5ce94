//! When the form shows its messages: fields the user has left, steps where "Weiter" was
//! pressed, the step whose error summary is shown, and the pointer that delays a message.

use koop_core::FieldPath;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::time::Duration;

#[derive(Clone, Copy)]
pub(super) struct FormUi {
    /// Fields the user has left at least once: their messages are shown.
    pub(super) touched: RwSignal<BTreeSet<FieldPath>>,
    /// Steps where "Weiter" was pressed: all their messages are shown.
    pub(super) submitted: RwSignal<BTreeSet<usize>>,
    /// The step whose error summary is shown.
    pub(super) summary_for: RwSignal<Option<usize>>,
    /// Whether a mouse button, pen or finger is down (see `touch_after_blur`).
    pointer_down: StoredValue<bool>,
    /// Fields left while a pointer was down; revealed once it is released.
    pending: StoredValue<Vec<FieldPath>>,
}

impl FormUi {
    pub(super) fn new() -> FormUi {
        FormUi {
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

    pub(super) fn touch(&self, path: &FieldPath) {
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
    pub(super) fn touch_after_blur(&self, path: &FieldPath) {
        if self.pointer_down.get_value() {
            self.pending.update_value(|p| p.push(path.clone()));
        } else {
            self.touch(path);
        }
    }

    pub(super) fn pointer_down(&self) {
        self.pointer_down.set_value(true);
    }

    /// The pointer was released (or cancelled): after the click it causes, the fields left in
    /// the meantime show their messages.
    pub(super) fn pointer_up(&self) {
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
    pub(super) fn reveal(&self, path: &FieldPath, step: usize) -> bool {
        self.touched.with(|t| t.contains(path)) || self.submitted.with(|s| s.contains(&step))
    }
}
