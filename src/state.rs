//! The app's state: one signal holding the open draft, a few signals of UI state, and the
//! operations that change them. Components call these methods; the draft itself is changed only
//! through `koop_core::Draft`'s methods inside `edit`.

use crate::platform;
use crate::storage::{Backend, open_store};
use koop_core::document::Target;
use koop_core::store::{DraftStore, KvDraftStore, Quarantined, StoreError};
use koop_core::template::{Catalog, Template};
use koop_core::{Context, Datum, Draft, FieldPath};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::time::Duration;

/// Autosave waits this long after the last change.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

thread_local! {
    static STORE: RefCell<Option<KvDraftStore<Backend>>> = const { RefCell::new(None) };
    static SAVE_TIMER: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
    /// Whether a mouse button, pen or finger is down (see [`AppState::touch_after_blur`]).
    static POINTER_DOWN: Cell<bool> = const { Cell::new(false) };
    /// Fields left while a pointer was down; revealed once it is released.
    static PENDING_TOUCH: RefCell<Vec<FieldPath>> = const { RefCell::new(Vec::new()) };
}

fn with_store<R>(f: impl FnOnce(&KvDraftStore<Backend>) -> R) -> Option<R> {
    STORE.with(|s| s.borrow().as_ref().map(f))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Warning,
    Danger,
}

/// A banner at the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Idle,
    Pending,
    Saved(f64),
    /// Kept in memory only; the message says why.
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub catalog: &'static Catalog,
    pub today: Datum,
    pub draft: RwSignal<Option<Draft>>,
    pub step: RwSignal<usize>,
    /// Fields the user has left at least once: their messages are shown.
    pub touched: RwSignal<BTreeSet<FieldPath>>,
    /// Steps where "Weiter" was pressed: all their messages are shown.
    pub submitted: RwSignal<BTreeSet<usize>>,
    /// The step whose error summary is shown.
    pub summary_for: RwSignal<Option<usize>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub save_status: RwSignal<SaveStatus>,
    pub drafts: RwSignal<Vec<Draft>>,
    pub quarantined: RwSignal<Vec<Quarantined>>,
    /// Polite announcement for screen readers (aria-live region).
    pub announcement: RwSignal<String>,
    next_notice: StoredValue<u32>,
}

impl AppState {
    pub fn new(catalog: &'static Catalog) -> AppState {
        AppState {
            catalog,
            today: platform::today(),
            draft: RwSignal::new(None),
            step: RwSignal::new(0),
            touched: RwSignal::new(BTreeSet::new()),
            submitted: RwSignal::new(BTreeSet::new()),
            summary_for: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            save_status: RwSignal::new(SaveStatus::Idle),
            drafts: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            announcement: RwSignal::new(String::new()),
            next_notice: StoredValue::new(1),
        }
    }

    /// Opens the store, lists the drafts and follows the address (draft and step).
    pub fn init(&self) {
        let (store, problem) = open_store();
        STORE.with(|s| *s.borrow_mut() = Some(store));
        if let Some(e) = problem {
            self.notify(NoticeKind::Warning, "Speichern nicht möglich", &e.message());
        }
        self.refresh_list();
        self.follow_url();
    }

    pub fn refresh_list(&self) {
        match with_store(|s| s.list()) {
            Some(Ok(listing)) => {
                self.drafts.set(listing.drafts);
                self.quarantined.set(listing.quarantined);
            }
            Some(Err(e)) => {
                self.notify(NoticeKind::Danger, "Entwürfe konnten nicht gelesen werden", &e.message());
            }
            None => {}
        }
    }

    /// Shows what the address names: a draft and step, or the start screen.
    pub fn follow_url(&self) {
        let id = platform::query_param("entwurf");
        let step = platform::query_param("schritt").and_then(|s| s.parse::<usize>().ok()).map(|s| s.saturating_sub(1));
        match id {
            Some(id) => {
                if self.draft.with_untracked(|d| d.as_ref().map(|d| d.id != id).unwrap_or(true)) {
                    self.flush();
                    match with_store(|s| s.load(&id)) {
                        Some(Ok(d)) => self.set_draft(d),
                        Some(Err(e)) => {
                            self.notify(NoticeKind::Danger, "Entwurf nicht geöffnet", &e.message());
                            self.close_draft();
                            return;
                        }
                        None => return,
                    }
                }
                let last = self.template().map_or(0, |t| t.steps.len().saturating_sub(1));
                self.show_step(step.unwrap_or(0).min(last));
            }
            None => {
                self.flush();
                self.draft.set(None);
                self.refresh_list();
                platform::set_title("Koop-Assistent – Kooperationsvereinbarungen erstellen");
            }
        }
    }

    fn set_draft(&self, d: Draft) {
        self.touched.set(BTreeSet::new());
        self.submitted.set(BTreeSet::new());
        self.summary_for.set(None);
        self.save_status.set(SaveStatus::Idle);
        self.draft.set(Some(d));
    }

    pub fn template(&self) -> Option<&'static Template> {
        let id = self.draft.with(|d| d.as_ref().map(|d| d.template.clone()))?;
        self.catalog.template(&id)
    }

    /// Runs `f` with a context of the open draft.
    pub fn with_ctx<R>(&self, f: impl FnOnce(&Context<'_>) -> R) -> Option<R> {
        let catalog = self.catalog;
        let today = self.today;
        self.draft.with(|d| {
            let d = d.as_ref()?;
            let t = catalog.template(&d.template)?;
            Some(f(&Context::new(t, catalog, d, today)))
        })
    }

    pub fn new_draft(&self, template_id: &str) {
        let Some(t) = self.catalog.template(template_id) else { return };
        self.flush();
        let d = Draft::new(t, platform::new_id(), platform::now_ms());
        let id = d.id.clone();
        self.set_draft(d);
        self.save_now();
        platform::push_url(&platform::app_url(Some(&id), Some(0)));
        self.show_step(0);
        // The start button is gone; focus goes where every step change puts it.
        request_animation_frame(|| {
            platform::focus_id("schritt-titel");
        });
    }

    pub fn open_draft(&self, id: &str) {
        platform::push_url(&platform::app_url(Some(id), Some(0)));
        self.follow_url();
    }

    pub fn close_draft(&self) {
        self.flush();
        platform::push_url(&platform::app_url(None, None));
        self.follow_url();
        crate::platform::focus_id("seitentitel");
    }

    /// Changes the draft through its model methods and schedules the autosave.
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(|d| {
            if let Some(d) = d {
                f(d);
                d.touch(platform::now_ms());
            }
        });
        self.schedule_save();
    }

    fn schedule_save(&self) {
        self.save_status.set(SaveStatus::Pending);
        SAVE_TIMER.with(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
        let this = *self;
        if let Ok(h) = set_timeout_with_handle(move || this.save_now(), AUTOSAVE_DELAY) {
            SAVE_TIMER.with(|t| t.set(Some(h)));
        }
    }

    /// Saves a pending change at once (page hidden, draft closed).
    pub fn flush(&self) {
        let pending = SAVE_TIMER.with(|t| t.take());
        if let Some(h) = pending {
            h.clear();
            self.save_now();
        }
    }

    pub fn save_now(&self) {
        SAVE_TIMER.with(|t| t.take());
        let result = self.draft.with_untracked(|d| d.as_ref().and_then(|d| with_store(|s| s.save(d))));
        match result {
            Some(Ok(())) => self.save_status.set(SaveStatus::Saved(platform::now_ms())),
            Some(Err(e)) => self.save_failed(&e),
            None => {}
        }
    }

    fn save_failed(&self, e: &StoreError) {
        let message = e.message();
        if self.save_status.get_untracked() != SaveStatus::Failed(message.clone()) {
            self.notify(NoticeKind::Danger, "Nicht gespeichert", &message);
        }
        self.save_status.set(SaveStatus::Failed(message));
    }

    /// Shows a step (the address is updated by the caller or by `go_to`).
    fn show_step(&self, step: usize) {
        self.step.set(step);
        self.summary_for.set(None);
        let title = self.template().and_then(|t| t.steps.get(step).map(|s| (s.title.clone(), t.steps.len())));
        if let Some((name, total)) = title {
            platform::set_title(&format!("Schritt {} von {total}: {name} – Koop-Assistent", step + 1));
        }
    }

    /// Goes to a step, adds a history entry and moves focus to the step's heading.
    pub fn go_to(&self, step: usize) {
        let id = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone()));
        platform::push_url(&platform::app_url(id.as_deref(), Some(step)));
        self.show_step(step);
        request_animation_frame(|| {
            platform::focus_id("schritt-titel");
        });
    }

    /// Goes to the field a gap or review row points at and focuses it.
    pub fn go_to_target(&self, target: &Target) {
        if self.step.get_untracked() != target.step {
            let id = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone()));
            platform::push_url(&platform::app_url(id.as_deref(), Some(target.step)));
            self.show_step(target.step);
        }
        let anchor = target.path.anchor();
        request_animation_frame(move || {
            if !platform::focus_id(&anchor) {
                // Fieldsets focus their first option; lists their first input.
                let _ = platform::focus_id(&format!("{anchor}-0")) || platform::focus_id("schritt-titel");
            }
        });
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
        if POINTER_DOWN.get() {
            PENDING_TOUCH.with(|p| p.borrow_mut().push(path.clone()));
        } else {
            self.touch(path);
        }
    }

    pub fn pointer_down(&self) {
        POINTER_DOWN.set(true);
    }

    /// The pointer was released (or cancelled): after the click it causes, the fields left in
    /// the meantime show their messages.
    pub fn pointer_up(&self) {
        POINTER_DOWN.set(false);
        if PENDING_TOUCH.with(|p| p.borrow().is_empty()) {
            return;
        }
        let this = *self;
        set_timeout(
            move || {
                for path in PENDING_TOUCH.with(|p| std::mem::take(&mut *p.borrow_mut())) {
                    this.touch(&path);
                }
            },
            Duration::ZERO,
        );
    }

    /// Whether messages of this field are shown yet.
    pub fn reveal(&self, path: &FieldPath, step: usize) -> bool {
        self.touched.with(|t| t.contains(path)) || self.submitted.with(|s| s.contains(&step))
    }

    pub fn notify(&self, kind: NoticeKind, title: &str, text: &str) -> u32 {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| {
            n.retain(|x| x.title != title);
            n.push(Notice { id, kind, title: title.to_string(), text: text.to_string() })
        });
        id
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }

    pub fn announce(&self, text: &str) {
        // Clearing first makes screen readers announce a repeated message again.
        self.announcement.set(String::new());
        let text = text.to_string();
        let sig = self.announcement;
        request_animation_frame(move || sig.set(text));
    }

    pub fn delete_draft(&self, id: &str) -> Result<(), StoreError> {
        with_store(|s| s.delete(id)).unwrap_or(Ok(()))?;
        self.refresh_list();
        Ok(())
    }

    pub fn store_draft(&self, d: &Draft) -> Result<(), StoreError> {
        with_store(|s| s.save(d)).unwrap_or(Ok(()))?;
        self.refresh_list();
        Ok(())
    }

    pub fn discard_quarantined(&self, key: &str) -> Result<(), StoreError> {
        with_store(|s| s.discard(key)).unwrap_or(Ok(()))?;
        self.refresh_list();
        Ok(())
    }
}
