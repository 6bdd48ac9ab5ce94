//! The app's state: one signal holding the open draft, a few signals of UI state, and the
//! operations that change them. Components call these methods; the draft itself is changed only
//! through `koop_core::Draft`'s methods inside `edit`.

use crate::platform;
use crate::storage::{Backend, open_store};
use koop_core::document::Target;
use koop_core::draft::store::{DraftStore, KvDraftStore, Quarantined, SaveOutcome, Seen, StoreError, Stored};
use koop_core::template::{Catalog, Template};
use koop_core::{Context, Datum, Draft, FieldPath};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::time::Duration;

/// Autosave waits this long after the last change.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);
/// Title of the banner shown when a save fails.
const SAVE_FAILED_TITLE: &str = "Nicht gespeichert";

thread_local! {
    static STORE: RefCell<Option<KvDraftStore<Backend>>> = const { RefCell::new(None) };
    static SAVE_TIMER: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
    /// Whether a mouse button, pen or finger is down (see [`AppState::touch_after_blur`]).
    static POINTER_DOWN: Cell<bool> = const { Cell::new(false) };
    /// Fields left while a pointer was down; revealed once it is released.
    static PENDING_TOUCH: RefCell<Vec<FieldPath>> = const { RefCell::new(Vec::new()) };
}

/// The key prefix of this deployment's draft records.
fn draft_prefix() -> String {
    crate::storage::scope().draft_prefix()
}

fn with_store<R>(f: impl FnOnce(&KvDraftStore<Backend>) -> R) -> Option<R> {
    // After a crash nothing is read or written: the state in memory may be half-changed.
    if crate::crash::crashed() {
        return None;
    }
    STORE.with(|s| s.borrow().as_ref().map(f))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Warning,
    Danger,
}

/// What a button in a banner does.
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeAction {
    /// Another window saved a newer version of the open draft: load it.
    LoadTheirs,
    /// … or keep this window's version and save it over the other.
    KeepMine,
    /// A record that cannot be read: offer its raw text as a file.
    DownloadRaw(String),
    DiscardRaw(String),
    /// Save the open draft as a file (backup reminder).
    BackupDraft,
    /// A new version of the app is installed: switch to it (the draft is saved first).
    UpdateApp,
}

/// The information pages every public body must publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoPage {
    Datenschutz,
    Barrierefreiheit,
}

impl InfoPage {
    pub fn slug(self) -> &'static str {
        match self {
            InfoPage::Datenschutz => "datenschutz",
            InfoPage::Barrierefreiheit => "barrierefreiheit",
        }
    }
    fn from_slug(s: &str) -> Option<InfoPage> {
        [InfoPage::Datenschutz, InfoPage::Barrierefreiheit].into_iter().find(|p| p.slug() == s)
    }
}

/// A banner at the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub title: String,
    pub text: String,
    pub actions: Vec<(String, NoticeAction)>,
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
    /// The last deleted draft, kept for "Rückgängig".
    pub deleted: RwSignal<Option<Draft>>,
    /// An information page instead of the start screen or a draft.
    pub page: RwSignal<Option<InfoPage>>,
    /// The open draft's process view ("Prozess und Termine") instead of its steps.
    pub process_view: RwSignal<bool>,
    next_notice: StoredValue<u32>,
    /// What this window last loaded or saved of the open draft's record: a save goes through
    /// only while the stored record is still that one (`DraftStore::save_if_unchanged`).
    seen: StoredValue<Seen>,
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
            deleted: RwSignal::new(None),
            page: RwSignal::new(None),
            process_view: RwSignal::new(false),
            next_notice: StoredValue::new(1),
            seen: StoredValue::new(Seen::NOTHING),
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
        platform::request_persistent_storage();
    }

    pub fn refresh_list(&self) {
        match with_store(|s| s.list()) {
            Some(Ok(listing)) => {
                self.drafts.set(listing.drafts);
                // Announced once per record, not again on every refresh of the list.
                let known: Vec<String> = self.quarantined.with_untracked(|q| q.iter().map(|q| q.key.clone()).collect());
                for q in listing.quarantined.iter().filter(|q| !known.contains(&q.key)) {
                    let text = format!(
                        "Ein gespeicherter Entwurf kann nicht gelesen werden: {} Die übrigen Entwürfe sind nicht betroffen. Die Rohdaten bleiben erhalten, bis Sie sie verwerfen.",
                        q.error.message()
                    );
                    self.notify_with(
                        NoticeKind::Warning,
                        &format!("Entwurf in Quarantäne ({})", q.key.trim_start_matches(&draft_prefix())),
                        &text,
                        vec![
                            ("Rohdaten herunterladen".into(), NoticeAction::DownloadRaw(q.key.clone())),
                            ("Endgültig verwerfen".into(), NoticeAction::DiscardRaw(q.key.clone())),
                        ],
                    );
                }
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
        let page = platform::query_param("seite").and_then(|s| InfoPage::from_slug(&s));
        self.page.set(page);
        if let Some(p) = page {
            self.flush();
            self.draft.set(None);
            platform::set_title(match p {
                InfoPage::Datenschutz => "Datenschutz – Koop-Assistent",
                InfoPage::Barrierefreiheit => "Erklärung zur Barrierefreiheit – Koop-Assistent",
            });
            return;
        }
        let id = platform::query_param("entwurf");
        let step = platform::query_param("schritt").and_then(|s| s.parse::<usize>().ok()).map(|s| s.saturating_sub(1));
        match id {
            Some(id) => {
                if self.draft.with_untracked(|d| d.as_ref().map(|d| d.id != id).unwrap_or(true)) {
                    self.flush();
                    match with_store(|s| s.load_seen(&id)) {
                        Some(Ok((d, seen))) => self.set_draft(d, seen),
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
                if platform::query_param("ansicht").as_deref() == Some("prozess") {
                    self.process_view.set(true);
                    platform::set_title("Prozess und Termine – Koop-Assistent");
                }
            }
            None => {
                self.flush();
                self.draft.set(None);
                self.refresh_list();
                platform::set_title("Koop-Assistent – Kooperationsvereinbarungen erstellen");
            }
        }
    }

    fn set_draft(&self, d: Draft, seen: Seen) {
        self.seen.set_value(seen);
        if koop_core::draft::store::needs_backup(&d, platform::now_ms()) {
            self.notify_with(
                NoticeKind::Info,
                "Entwurf als Datei sichern",
                "Dieser Entwurf wurde seit einigen Tagen nicht als Datei gesichert. Browser können lokal gespeicherte Daten löschen, etwa wenn der Speicher knapp wird. Eine Sicherungsdatei können Sie jederzeit wieder laden oder an Kolleginnen und Kollegen geben.",
                vec![("Jetzt als Datei sichern".into(), NoticeAction::BackupDraft)],
            );
        }
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
        self.set_draft(d, Seen::NOTHING);
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

    pub fn show_page(&self, page: InfoPage) {
        platform::push_url(&format!("{}?seite={}", platform::app_url(None, None), page.slug()));
        self.follow_url();
        request_animation_frame(|| {
            platform::focus_id("seitentitel");
        });
    }

    /// Shows the process view of the open draft.
    pub fn show_process(&self) {
        let id = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone()));
        let step = self.step.get_untracked();
        platform::push_url(&format!("{}&ansicht=prozess", platform::app_url(id.as_deref(), Some(step))));
        self.process_view.set(true);
        platform::set_title("Prozess und Termine – Koop-Assistent");
        request_animation_frame(|| {
            platform::focus_id("prozess-titel");
        });
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

    /// Whether the open draft holds edits that are not stored (a conflict, a failed save).
    pub fn has_unsaved_edits(&self) -> bool {
        self.draft.with_untracked(Option::is_some) && matches!(self.save_status.get_untracked(), SaveStatus::Failed(_))
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
        let Some(draft) = self.draft.get_untracked() else { return };
        // The crash message offers this version as a file (crash.rs explains why here).
        crate::crash::remember(self.draft_file(&draft));
        let t0 = platform::perf_now();
        let result = with_store(|s| s.save_if_unchanged(&draft, self.seen.get_value()));
        platform::record_metric("data-save-ms", platform::perf_now() - t0);
        match result {
            Some(Ok(SaveOutcome::Saved(seen))) => {
                self.seen.set_value(seen);
                if with_store(|s| matches!(s.kv, Backend::Memory(_))).unwrap_or(false) {
                    // The browser allows no storage (banner from `init`): kept in memory only,
                    // which the save status must not call "Gespeichert".
                    self.save_status.set(SaveStatus::Failed(StoreError::Unavailable(String::new()).message()));
                    return;
                }
                if self.notices.with_untracked(|n| n.iter().any(|x| x.title == SAVE_FAILED_TITLE)) {
                    // Saved again (e.g. storage freed): the failure banner no longer applies.
                    self.notices.update(|n| n.retain(|x| x.title != SAVE_FAILED_TITLE));
                }
                self.save_status.set(SaveStatus::Saved(platform::now_ms()));
            }
            // Another window saved since this one loaded or saved: the user chooses.
            Some(Ok(SaveOutcome::Changed(Stored::Draft(_)))) => self.conflict(),
            // A version this build cannot read (a newer app in another tab): never replaced.
            Some(Ok(SaveOutcome::Changed(Stored::Unreadable(e)))) => self.save_failed(&StoreError::Unreadable(e)),
            Some(Err(e)) => self.save_failed(&e),
            None => {}
        }
    }

    fn conflict(&self) {
        // The pending autosave would only ask again (and replace the banner while it is read).
        SAVE_TIMER.with(|t| t.take().map(|h| h.clear()));
        self.save_status.set(SaveStatus::Failed("Konflikt mit einem anderen Fenster".into()));
        self.notify_with(
            NoticeKind::Warning,
            "In einem anderen Fenster geändert",
            "Dieser Entwurf wurde in einem anderen Fenster oder Tab geändert und gespeichert. Ihre Änderungen hier sind noch nicht gespeichert. Wählen Sie, welche Fassung gelten soll.",
            vec![
                ("Neuere Fassung laden (meine Änderungen verwerfen)".into(), NoticeAction::LoadTheirs),
                ("Meine Fassung behalten und speichern".into(), NoticeAction::KeepMine),
            ],
        );
    }

    /// Another window changed localStorage (the `storage` event).
    pub fn storage_changed(&self, key: Option<String>) {
        let Some(key) = key else {
            // localStorage.clear() in another window.
            self.refresh_list();
            return;
        };
        if !key.starts_with(&draft_prefix()) {
            return;
        }
        self.refresh_list();
        let open = self.draft.with_untracked(|d| d.as_ref().and_then(|d| with_store(|s| s.record_key(&d.id))));
        if open.as_deref() != Some(key.as_str()) {
            return;
        }
        let Some(ours) = self.draft.get_untracked() else { return };
        match with_store(|s| s.load_seen(&ours.id)) {
            Some(Ok((theirs, seen))) if seen != self.seen.get_value() => {
                // Unsaved here (waiting for the autosave, or not saved: an open conflict, a full
                // storage): loading the other version would silently discard this window's changes.
                if matches!(self.save_status.get_untracked(), SaveStatus::Pending | SaveStatus::Failed(_)) {
                    self.conflict();
                } else {
                    self.replace_draft(theirs, seen);
                    self.notify(
                        NoticeKind::Info,
                        "Neuere Fassung geladen",
                        "Dieser Entwurf wurde in einem anderen Fenster geändert. Die neuere Fassung ist jetzt geladen.",
                    );
                }
            }
            Some(Err(StoreError::NotFound(_))) => {
                self.notify(
                    NoticeKind::Warning,
                    "In einem anderen Fenster gelöscht",
                    "Dieser Entwurf wurde in einem anderen Fenster gelöscht. Er bleibt hier geöffnet und wird bei der nächsten Änderung wieder gespeichert.",
                );
            }
            _ => {}
        }
    }

    /// Shows another version of the open draft, keeping the step.
    fn replace_draft(&self, d: Draft, seen: Seen) {
        self.seen.set_value(seen);
        self.draft.set(Some(d));
        self.save_status.set(SaveStatus::Saved(platform::now_ms()));
    }

    pub fn act(&self, notice: u32, action: &NoticeAction) {
        match action {
            NoticeAction::LoadTheirs => {
                SAVE_TIMER.with(|t| t.take().map(|h| h.clear()));
                let id = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone()));
                if let Some(Some(Ok((theirs, seen)))) = id.map(|id| with_store(|s| s.load_seen(&id))) {
                    self.replace_draft(theirs, seen);
                }
                self.dismiss(notice);
            }
            NoticeAction::KeepMine => {
                if let Some(d) = self.draft.get_untracked() {
                    // Written on purpose over the other window's version; that window learns
                    // of it at its next save, because the record it saw is gone.
                    match with_store(|s| s.save(&d).and_then(|()| s.load_seen(&d.id))) {
                        Some(Ok((_, seen))) => {
                            self.seen.set_value(seen);
                            self.save_status.set(SaveStatus::Saved(platform::now_ms()));
                        }
                        Some(Err(e)) => self.save_failed(&e),
                        None => {}
                    }
                }
                self.dismiss(notice);
            }
            NoticeAction::DownloadRaw(key) => {
                let raw = self.quarantined.with_untracked(|q| q.iter().find(|q| &q.key == key).map(|q| q.raw.clone()));
                if let Some(raw) = raw {
                    let name = format!("Rohdaten_{}.json", koop_core::value::ascii_file_part(key));
                    if let Err(e) = platform::download(raw.as_bytes(), &name, "application/json") {
                        self.notify(NoticeKind::Danger, "Download nicht möglich", &e);
                    }
                }
            }
            NoticeAction::DiscardRaw(key) => match self.discard_quarantined(key) {
                Ok(()) => self.dismiss(notice),
                Err(e) => {
                    self.notify(NoticeKind::Danger, "Nicht verworfen", &e.message());
                }
            },
            NoticeAction::UpdateApp => {
                self.flush();
                crate::pwa::activate_update();
            }
            NoticeAction::BackupDraft => {
                if let Some(id) = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())) {
                    self.backup_draft(&id);
                }
                self.dismiss(notice);
            }
        }
    }

    fn save_failed(&self, e: &StoreError) {
        let message = e.message();
        if self.save_status.get_untracked() != SaveStatus::Failed(message.clone()) {
            self.notify(NoticeKind::Danger, SAVE_FAILED_TITLE, &message);
        }
        self.save_status.set(SaveStatus::Failed(message));
    }

    /// Shows a step (the address is updated by the caller or by `go_to`).
    fn show_step(&self, step: usize) {
        self.process_view.set(false);
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
        self.notify_with(kind, title, text, Vec::new())
    }

    pub fn notify_with(&self, kind: NoticeKind, title: &str, text: &str, actions: Vec<(String, NoticeAction)>) -> u32 {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| {
            n.retain(|x| x.title != title);
            n.push(Notice { id, kind, title: title.to_string(), text: text.to_string(), actions })
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

    /// Deletes a draft; `restore_deleted` brings it back.
    pub fn delete_draft(&self, id: &str) -> Result<(), StoreError> {
        let draft = self.drafts.with_untracked(|l| l.iter().find(|d| d.id == id).cloned());
        with_store(|s| s.delete(id)).unwrap_or(Ok(()))?;
        self.deleted.set(draft);
        self.refresh_list();
        Ok(())
    }

    pub fn restore_deleted(&self) -> Result<(), StoreError> {
        if let Some(d) = self.deleted.get_untracked() {
            // Only where nothing is stored now: a draft of that identity saved meanwhile (by
            // another window) is not replaced.
            with_store(|s| s.save_if_unchanged(&d, Seen::NOTHING)).unwrap_or(Ok(SaveOutcome::Saved(Seen::NOTHING)))?;
            self.deleted.set(None);
            self.refresh_list();
        }
        Ok(())
    }

    fn draft_by_id(&self, id: &str) -> Option<Draft> {
        let open = self.draft.with_untracked(|d| d.as_ref().filter(|d| d.id == id).cloned());
        open.or_else(|| self.drafts.with_untracked(|l| l.iter().find(|d| d.id == id).cloned()))
    }

    pub fn rename_draft(&self, id: &str, name: &str) -> Result<(), StoreError> {
        let name = name.trim();
        let name = (!name.is_empty()).then(|| name.to_string());
        self.change_stored(id, move |d| d.name = name.clone())
    }

    /// Changes a draft: the open one through `edit` (saved like a keystroke), any other in its
    /// stored version (not the copy in the list, which another window may have outdated).
    fn change_stored(&self, id: &str, change: impl Fn(&mut Draft)) -> Result<(), StoreError> {
        if self.draft.with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id)) {
            self.edit(|d| change(d));
            self.flush();
            return Ok(());
        }
        let now = platform::now_ms();
        with_store(|s| {
            s.update(id, &mut |d| {
                change(d);
                d.touch(now);
            })
        })
        .unwrap_or(Err(StoreError::NotFound(id.into())))?;
        self.refresh_list();
        Ok(())
    }

    /// A copy with a new identity, named "… (Kopie)"; returns its identity.
    pub fn duplicate_draft(&self, id: &str) -> Result<String, StoreError> {
        let Some(mut d) = self.draft_by_id(id) else { return Err(StoreError::NotFound(id.into())) };
        let name = self.catalog.template(&d.template).map(|t| Context::new(t, self.catalog, &d, self.today).draft_name());
        d.id = platform::new_id();
        d.name = Some(format!("{} (Kopie)", name.unwrap_or_default()));
        let now = platform::now_ms();
        d.created = now;
        d.updated = now;
        d.last_backup = None;
        self.store_draft(&d)?;
        Ok(d.id)
    }

    /// Downloads a draft as a file another PC can import, and notes the backup.
    /// The draft as the file "Als Datei sichern" writes: (file name, text).
    fn draft_file(&self, d: &Draft) -> Option<(String, String)> {
        let name =
            self.catalog.template(&d.template).map(|t| Context::new(t, self.catalog, d, self.today).draft_name()).unwrap_or_default();
        let text = koop_core::draft::store::encode_file(d).ok()?;
        Some((koop_core::draft::store::draft_file_name(&name, &self.today.iso()), text))
    }

    pub fn backup_draft(&self, id: &str) {
        self.flush();
        let Some(d) = self.draft_by_id(id) else { return };
        let name =
            self.catalog.template(&d.template).map(|t| Context::new(t, self.catalog, &d, self.today).draft_name()).unwrap_or_default();
        let file = koop_core::draft::store::draft_file_name(&name, &self.today.iso());
        let result = koop_core::draft::store::encode_file(&d)
            .map_err(|e| e.message())
            .and_then(|text| platform::download(text.as_bytes(), &file, "application/json"));
        match result {
            Ok(()) => {
                let at = Some(platform::now_ms());
                if let Err(e) = self.change_stored(&d.id, move |o| o.last_backup = at) {
                    self.save_failed(&e);
                }
                self.announce(&format!("„{file}“ wurde gespeichert."));
            }
            Err(e) => {
                self.notify(NoticeKind::Danger, "Sicherung nicht möglich", &e);
            }
        }
    }

    /// Imports a draft file; never overwrites an existing draft.
    pub fn import_draft(&self, bytes: &[u8]) -> Result<String, String> {
        let known: Vec<&str> = self.catalog.templates.iter().map(|t| t.id.as_str()).collect();
        // Quarantined records count as taken: an import must not replace one.
        let mut existing: Vec<String> = self.drafts.with_untracked(|l| l.iter().map(|d| d.id.clone()).collect());
        existing.extend(
            self.quarantined
                .with_untracked(|q| q.iter().map(|q| q.key.trim_start_matches(&draft_prefix()).to_string()).collect::<Vec<_>>()),
        );
        let existing: Vec<&str> = existing.iter().map(String::as_str).collect();
        let mut imported = koop_core::draft::store::import_file(bytes, &known, &existing, &platform::new_id(), platform::now_ms())
            .map_err(|e| e.message())?;
        let name = self
            .catalog
            .template(&imported.draft.template)
            .map(|t| Context::new(t, self.catalog, &imported.draft, self.today).draft_name())
            .unwrap_or_default();
        if imported.as_copy {
            // Named like "Duplizieren" names copies: after what the user sees in the list.
            imported.draft.name = Some(format!("{name} (Kopie)"));
        }
        self.store_draft(&imported.draft).map_err(|e| e.message())?;
        // "Rückgängig" of a deletion would now overwrite the imported draft of the same identity.
        if self.deleted.with_untracked(|d| d.as_ref().is_some_and(|d| d.id == imported.draft.id)) {
            self.deleted.set(None);
        }
        Ok(if imported.as_copy {
            format!("„{name}“ wurde importiert. Weil es diesen Entwurf hier schon gibt, wurde er als Kopie angelegt.")
        } else {
            format!("„{name}“ wurde importiert.")
        })
    }

    pub fn delete_all(&self) -> Result<usize, StoreError> {
        SAVE_TIMER.with(|t| t.take().map(|h| h.clear()));
        let n = with_store(|s| s.delete_all()).unwrap_or(Ok(0))?;
        self.deleted.set(None);
        self.notices.set(Vec::new());
        self.refresh_list();
        Ok(n)
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
