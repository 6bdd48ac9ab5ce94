//! The open draft: opening and closing it, editing it through `koop_core::Draft`'s methods,
//! the autosave and its status, and what happens when another window changed its record
//! (`conflict.rs`). The hooks beside it (`hooks.rs`) save on leaving and listen to the other
//! windows.

mod conflict;
mod hooks;
mod saving;

pub(in crate::state) use saving::Attempt;

pub use hooks::use_session_events;

use super::form::Form;
use super::notices::{Notice, Notices};
use super::records::Records;
use crate::platform;
use koop_core::draft::store::{DraftStore, Seen};
use koop_core::draft::sync::Sync;
use koop_core::template::{Catalog, Template};
use koop_core::{Context, Datum, Draft};
use leptos::prelude::*;
use leptos_use_timeout_fn::use_timeout_fn;
use saving::{Banner, after_save};
use std::rc::Rc;

/// Autosave waits this long (ms) after the last change.
pub const AUTOSAVE_DELAY_MS: f64 = 400.0;

/// The autosave timer (leptos-use's `use_timeout_fn`, cleared with its owner): each edit starts
/// it again, so it fires once typing pauses.
#[derive(Clone)]
struct Autosave {
    start: Rc<dyn Fn(())>,
    stop: Rc<dyn Fn()>,
    pending: Signal<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Idle,
    Pending,
    Saved(f64),
    /// Kept in memory only; the message says why.
    Failed(String),
}

/// How opening a draft ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    Yes,
    /// It could not be read: a banner says why.
    Refused,
    /// Nothing may be read any more (after a crash).
    Stopped,
}

/// Which draft is open, of which template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenDraft {
    pub id: String,
    pub template: String,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub catalog: &'static Catalog,
    pub today: Datum,
    draft: RwSignal<Option<Draft>>,
    /// The open draft's identity and template, apart: the step links and the page read them,
    /// and a keystroke does not change them.
    opened: Memo<Option<OpenDraft>>,
    save_status: RwSignal<SaveStatus>,
    /// What this window knows of the open draft's stored versions: a save goes through only
    /// over the record it last loaded or saved; another window's record is settled with it
    /// (`koop_core::draft::sync`).
    sync: StoredValue<Sync>,
    autosave: StoredValue<Option<Autosave>, LocalStorage>,
    records: Records,
    form: Form,
    notices: Notices,
}

impl Session {
    pub(super) fn new(catalog: &'static Catalog, records: Records, form: Form, notices: Notices) -> Session {
        let draft: RwSignal<Option<Draft>> = RwSignal::new(None);
        let session = Session {
            catalog,
            today: platform::today(),
            draft,
            opened: Memo::new(move |_| draft.with(|d| d.as_ref().map(|d| OpenDraft { id: d.id.clone(), template: d.template.clone() }))),
            save_status: RwSignal::new(SaveStatus::Idle),
            sync: StoredValue::new(Sync::default()),
            autosave: StoredValue::new_local(None),
            records,
            form,
            notices,
        };
        let timer = use_timeout_fn(move |_: ()| session.save_now(), AUTOSAVE_DELAY_MS);
        session.autosave.set_value(Some(Autosave { start: Rc::new(timer.start), stop: Rc::new(timer.stop), pending: timer.is_pending }));
        session
    }

    /// Opens the stored draft `id` (the open one stays as it is).
    pub(super) fn open(&self, id: &str) -> Opened {
        if self.draft.with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id)) {
            return Opened::Yes;
        }
        self.flush();
        match self.records.with(|s| s.load_seen(id)) {
            Some(Ok((d, seen))) => {
                self.set_draft(d, seen);
                Opened::Yes
            }
            Some(Err(e)) => {
                self.notices.show(Notice::not_opened(&e.message()));
                Opened::Refused
            }
            None => Opened::Stopped,
        }
    }

    /// Starts a draft of a template and saves it; returns its identity.
    pub(super) fn create(&self, template_id: &str) -> Option<String> {
        let t = self.catalog.template(template_id)?;
        self.flush();
        let d = Draft::new(t, platform::new_id(), platform::now_ms());
        let id = d.id.clone();
        self.set_draft(d, Seen::NOTHING);
        self.save_now();
        Some(id)
    }

    /// Saves a pending change and shows no draft.
    pub(super) fn close(&self) {
        self.flush();
        self.draft.set(None);
    }

    fn set_draft(&self, d: Draft, seen: Seen) {
        self.sync.set_value(Sync::new(seen, &d));
        if koop_core::draft::store::needs_backup(&d, platform::now_ms()) {
            self.notices.show(Notice::backup_reminder());
        }
        self.form.reset();
        self.save_status.set(SaveStatus::Idle);
        self.draft.set(Some(d));
    }

    /// The open draft's template (tracked; changes only when another draft opens).
    pub fn template(&self) -> Option<&'static Template> {
        let catalog = self.catalog;
        self.opened.with(|o| o.as_ref().and_then(|o| catalog.template(&o.template)))
    }

    /// The open draft's identity and template id (tracked; changes only when another draft
    /// opens).
    pub fn opened(&self) -> Option<OpenDraft> {
        self.opened.get()
    }

    /// Runs `f` with a context of the open draft (tracked).
    pub fn with_ctx<R>(&self, f: impl FnOnce(&Context<'_>) -> R) -> Option<R> {
        let (catalog, today) = (self.catalog, self.today);
        self.draft.with(|d| {
            let d = d.as_ref()?;
            let t = catalog.template(&d.template)?;
            Some(f(&Context::new(t, catalog, d, today)))
        })
    }

    /// Runs `f` with the open draft (tracked).
    pub fn with_draft<R>(&self, f: impl FnOnce(Option<&Draft>) -> R) -> R {
        self.draft.with(|d| f(d.as_ref()))
    }

    /// The open draft's identity (tracked; changes only when another draft opens).
    pub fn draft_id(&self) -> Option<String> {
        self.opened.with(|o| o.as_ref().map(|o| o.id.clone()))
    }

    /// Like `with_draft`, not tracked.
    pub fn with_draft_untracked<R>(&self, f: impl FnOnce(Option<&Draft>) -> R) -> R {
        self.draft.with_untracked(|d| f(d.as_ref()))
    }

    /// The open draft's identity, not tracked (for event handlers).
    pub fn draft_id_untracked(&self) -> Option<String> {
        self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone()))
    }

    /// The open draft if it is `id`, not tracked.
    pub(super) fn open_copy(&self, id: &str) -> Option<Draft> {
        self.draft.with_untracked(|d| d.as_ref().filter(|d| d.id == id).cloned())
    }

    pub fn save_status(&self) -> SaveStatus {
        self.save_status.get()
    }

    /// A draft's name as the list shows it.
    pub fn name_of(&self, d: &Draft) -> String {
        self.catalog.template(&d.template).map(|t| Context::new(t, self.catalog, d, self.today).draft_name()).unwrap_or_default()
    }

    /// A draft as the file "Als Datei sichern" writes: (file name, text); `Err` is a message.
    pub(super) fn file_of(&self, d: &Draft) -> Result<(String, String), String> {
        let text = koop_core::draft::store::encode_file(d).map_err(|e| e.message())?;
        Ok((koop_core::draft::store::draft_file_name(&self.name_of(d), &self.today.iso()), text))
    }

    /// The open draft as the record an export carries (the "Als Datei sichern" format).
    pub fn draft_record(&self) -> Option<String> {
        self.draft.with_untracked(|d| d.as_ref().and_then(|d| koop_core::draft::store::encode_file(d).ok()))
    }

    /// Changes the draft through its model methods and schedules the autosave.
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(|d| {
            if let Some(d) = d {
                f(d);
                d.touch(platform::now_ms());
            }
        });
        self.save_status.set(SaveStatus::Pending);
        if let Some(timer) = self.autosave.get_value() {
            (timer.start)(());
        }
    }

    /// Whether the open draft holds edits that are not stored (a conflict, a failed save).
    fn has_unsaved_edits(&self) -> bool {
        self.draft.with_untracked(Option::is_some) && matches!(self.save_status.get_untracked(), SaveStatus::Failed(_))
    }

    /// Saves a pending change at once (page hidden, draft closed, before an action on files).
    pub fn flush(&self) {
        if self.autosave.with_value(|t| t.as_ref().is_some_and(|t| t.pending.get_untracked())) {
            self.save_now();
        }
    }

    fn save_now(&self) {
        self.cancel_save();
        let Some(draft) = self.draft.get_untracked() else { return };
        // The crash message offers this version as a file (crash.rs explains why here).
        crate::crash::remember(self.file_of(&draft).ok());
        let t0 = platform::perf_now();
        let result = self.records.with(|s| self.sync.try_update_value(|sync| sync.save(s, &draft)));
        platform::record_metric("data-save-ms", platform::perf_now() - t0);
        if let Some(Some(result)) = result {
            self.settled(&draft, result, conflict::Via::Save);
        }
    }

    /// The save status and banner after a save attempt (`saving.rs`): a failure is said once
    /// per reason.
    pub(super) fn settle(&self, attempt: Attempt) {
        let (status, banner) = after_save(&self.save_status.get_untracked(), attempt, platform::now_ms());
        match banner {
            Banner::Show(notice) => self.notices.show(notice),
            Banner::Dismiss(topic) => self.notices.dismiss_topic(&topic),
            Banner::Keep => {}
        }
        self.save_status.set(status);
    }

    /// Drops a pending autosave without saving.
    pub(super) fn cancel_save(&self) {
        if let Some(timer) = self.autosave.get_value() {
            (timer.stop)();
        }
    }
}
