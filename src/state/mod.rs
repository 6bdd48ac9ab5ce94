//! The app's state, split by concern: the open draft and its saving (here), the route
//! (`route.rs`), the draft library (`library.rs`), the form's UI state (`form.rs`), the banners
//! (`notices.rs`) and the screen-reader announcement (`announcer.rs`). Every signal is private to
//! this module; components read and change state only through `AppState`'s methods, and the draft
//! itself is changed only through `koop_core::Draft`'s methods inside `edit`.

mod announcer;
mod form;
mod library;
mod notices;
mod route;

use announcer::Announcer;
use form::FormUi;
use library::Library;
pub use library::Waiting;
use notices::Notices;
pub use notices::{Notice, NoticeAction, NoticeKind, Topic};
pub use route::InfoPage;
use route::Route;

use crate::platform;
use crate::storage::{Backend, open_store};
use koop_core::document::Target;
use koop_core::draft::store::{DraftStore, KvDraftStore, SaveOutcome, Seen, StoreError, Stored};
use koop_core::export::{Review, ReviewRequest};
use koop_core::template::{Catalog, Template};
use koop_core::{Context, Datum, Draft, FieldPath};
use leptos::prelude::*;
use leptos_use_timeout_fn::use_timeout_fn;
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

/// The key prefix of this deployment's draft records.
fn draft_prefix() -> String {
    crate::storage::scope().draft_prefix()
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
    draft: RwSignal<Option<Draft>>,
    save_status: RwSignal<SaveStatus>,
    /// What this window last loaded or saved of the open draft's record: a save goes through
    /// only while the stored record is still that one (`DraftStore::save_if_unchanged`).
    seen: StoredValue<Seen>,
    store: StoredValue<Option<KvDraftStore<Backend>>, LocalStorage>,
    autosave: StoredValue<Option<Autosave>, LocalStorage>,
    route: Route,
    form: FormUi,
    library: Library,
    notices: Notices,
    announcer: Announcer,
}

impl AppState {
    pub fn new(catalog: &'static Catalog) -> AppState {
        let app = AppState {
            catalog,
            today: platform::today(),
            draft: RwSignal::new(None),
            save_status: RwSignal::new(SaveStatus::Idle),
            seen: StoredValue::new(Seen::NOTHING),
            store: StoredValue::new_local(None),
            autosave: StoredValue::new_local(None),
            route: Route::new(),
            form: FormUi::new(),
            library: Library::new(),
            notices: Notices::new(),
            announcer: Announcer::new(),
        };
        let timer = use_timeout_fn(move |_: ()| app.save_now(), AUTOSAVE_DELAY_MS);
        app.autosave.set_value(Some(Autosave { start: Rc::new(timer.start), stop: Rc::new(timer.stop), pending: timer.is_pending }));
        app
    }

    /// Opens the store, lists the drafts and follows the address (draft and step).
    pub fn init(&self) {
        let (store, problem) = open_store();
        self.store.set_value(Some(store));
        if let Some(e) = problem {
            self.notify(Topic::StorageUnavailable, NoticeKind::Warning, "Speichern nicht möglich", &e.message());
        }
        self.refresh_list();
        self.follow_url();
        platform::request_persistent_storage();
    }

    pub fn refresh_list(&self) {
        match self.with_store(|s| s.list()) {
            Some(Ok(listing)) => {
                self.library.drafts.set(listing.drafts);
                // Announced once per record, not again on every refresh of the list.
                let known: Vec<String> = self.library.quarantined.with_untracked(|q| q.iter().map(|q| q.key.clone()).collect());
                for q in listing.quarantined.iter().filter(|q| !known.contains(&q.key)) {
                    let text = format!(
                        "Ein gespeicherter Entwurf kann nicht gelesen werden: {} Die übrigen Entwürfe sind nicht betroffen. Die Rohdaten bleiben erhalten, bis Sie sie verwerfen.",
                        q.error.message()
                    );
                    self.notify_with(
                        Topic::Quarantined(q.key.clone()),
                        NoticeKind::Warning,
                        &format!("Entwurf in Quarantäne ({})", q.key.trim_start_matches(&draft_prefix())),
                        &text,
                        vec![
                            ("Rohdaten herunterladen".into(), NoticeAction::DownloadRaw(q.key.clone())),
                            ("Endgültig verwerfen".into(), NoticeAction::DiscardRaw(q.key.clone())),
                        ],
                    );
                }
                self.library.quarantined.set(listing.quarantined);
            }
            Some(Err(e)) => {
                self.notify(Topic::ListUnreadable, NoticeKind::Danger, "Entwürfe konnten nicht gelesen werden", &e.message());
            }
            None => {}
        }
    }

    /// Shows what the address names: a draft and step, or the start screen.
    pub fn follow_url(&self) {
        let page = platform::query_param("seite").and_then(|s| InfoPage::from_slug(&s));
        self.route.page.set(page);
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
                    match self.with_store(|s| s.load_seen(&id)) {
                        Some(Ok((d, seen))) => self.set_draft(d, seen),
                        Some(Err(e)) => {
                            self.notify(Topic::NotOpened, NoticeKind::Danger, "Entwurf nicht geöffnet", &e.message());
                            self.close_draft();
                            return;
                        }
                        None => return,
                    }
                }
                let last = self.template().map_or(0, |t| t.steps.len().saturating_sub(1));
                self.show_step(step.unwrap_or(0).min(last));
                if platform::query_param("ansicht").as_deref() == Some("prozess") {
                    self.route.process_view.set(true);
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
Topic::BackupReminder,
                NoticeKind::Info,
                "Entwurf als Datei sichern",
                "Dieser Entwurf wurde seit einigen Tagen nicht als Datei gesichert. Browser können lokal gespeicherte Daten löschen, etwa wenn der Speicher knapp wird. Eine Sicherungsdatei können Sie jederzeit wieder laden oder an Kolleginnen und Kollegen geben.",
                vec![("Jetzt als Datei sichern".into(), NoticeAction::BackupDraft)],
            );
        }
        self.form.reset();
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
        let step = self.route.step.get_untracked();
        platform::push_url(&format!("{}&ansicht=prozess", platform::app_url(id.as_deref(), Some(step))));
        self.route.process_view.set(true);
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
        if let Some(timer) = self.autosave.get_value() {
            (timer.start)(());
        }
    }

    /// Whether the open draft holds edits that are not stored (a conflict, a failed save).
    pub fn has_unsaved_edits(&self) -> bool {
        self.draft.with_untracked(Option::is_some) && matches!(self.save_status.get_untracked(), SaveStatus::Failed(_))
    }

    /// Saves a pending change at once (page hidden, draft closed).
    pub fn flush(&self) {
        if self.autosave.with_value(|t| t.as_ref().is_some_and(|t| t.pending.get_untracked())) {
            self.save_now();
        }
    }

    pub fn save_now(&self) {
        self.cancel_save();
        let Some(draft) = self.draft.get_untracked() else { return };
        // The crash message offers this version as a file (crash.rs explains why here).
        crate::crash::remember(self.draft_file(&draft));
        let t0 = platform::perf_now();
        let result = self.with_store(|s| s.save_if_unchanged(&draft, self.seen.get_value()));
        platform::record_metric("data-save-ms", platform::perf_now() - t0);
        match result {
            Some(Ok(SaveOutcome::Saved(seen))) => {
                self.seen.set_value(seen);
                if self.with_store(|s| matches!(s.kv, Backend::Memory(_))).unwrap_or(false) {
                    // The browser allows no storage (banner from `init`): kept in memory only,
                    // which the save status must not call "Gespeichert".
                    self.save_status.set(SaveStatus::Failed(StoreError::Unavailable(String::new()).message()));
                    return;
                }
                // Saved again (e.g. storage freed): the failure banner no longer applies.
                self.notices.dismiss_topic(&Topic::SaveFailed);
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
        self.cancel_save();
        self.save_status.set(SaveStatus::Failed("Konflikt mit einem anderen Fenster".into()));
        self.notify_with(
Topic::Conflict,
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
        let open = self.draft.with_untracked(|d| d.as_ref().and_then(|d| self.with_store(|s| s.record_key(&d.id))));
        if open.as_deref() != Some(key.as_str()) {
            return;
        }
        let Some(ours) = self.draft.get_untracked() else { return };
        match self.with_store(|s| s.load_seen(&ours.id)) {
            Some(Ok((theirs, seen))) if seen != self.seen.get_value() => {
                // Unsaved here (waiting for the autosave, or not saved: an open conflict, a full
                // storage): loading the other version would silently discard this window's changes.
                if matches!(self.save_status.get_untracked(), SaveStatus::Pending | SaveStatus::Failed(_)) {
                    self.conflict();
                } else {
                    self.replace_draft(theirs, seen);
                    self.notify(
                        Topic::TheirsLoaded,
                        NoticeKind::Info,
                        "Neuere Fassung geladen",
                        "Dieser Entwurf wurde in einem anderen Fenster geändert. Die neuere Fassung ist jetzt geladen.",
                    );
                }
            }
            Some(Err(StoreError::NotFound(_))) => {
                self.notify(
Topic::DeletedElsewhere,
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
                self.cancel_save();
                let id = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone()));
                if let Some(Some(Ok((theirs, seen)))) = id.map(|id| self.with_store(|s| s.load_seen(&id))) {
                    self.replace_draft(theirs, seen);
                }
                self.dismiss(notice);
            }
            NoticeAction::KeepMine => {
                if let Some(d) = self.draft.get_untracked() {
                    // Written on purpose over the other window's version; that window learns
                    // of it at its next save, because the record it saw is gone.
                    match self.with_store(|s| s.save(&d).and_then(|()| s.load_seen(&d.id))) {
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
                let raw = self.library.quarantined.with_untracked(|q| q.iter().find(|q| &q.key == key).map(|q| q.raw.clone()));
                if let Some(raw) = raw {
                    let name = format!("Rohdaten_{}.json", koop_core::value::ascii_file_part(key));
                    if let Err(e) = platform::download(raw.as_bytes(), &name, "application/json") {
                        self.notify(Topic::DownloadFailed, NoticeKind::Danger, "Download nicht möglich", &e);
                    }
                }
            }
            NoticeAction::DiscardRaw(key) => match self.discard_quarantined(key) {
                Ok(()) => self.dismiss(notice),
                Err(e) => {
                    self.notify(Topic::NotDiscarded, NoticeKind::Danger, "Nicht verworfen", &e.message());
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
            self.notify(Topic::SaveFailed, NoticeKind::Danger, "Nicht gespeichert", &message);
        }
        self.save_status.set(SaveStatus::Failed(message));
    }

    /// Shows a step (the address is updated by the caller or by `go_to`).
    fn show_step(&self, step: usize) {
        self.route.process_view.set(false);
        self.route.step.set(step);
        self.form.summary_for.set(None);
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
        self.go_to_field(target.step, target.path.anchor());
    }

    /// Goes to a step's field by its element id and focuses it.
    pub fn go_to_field(&self, step: usize, anchor: String) {
        if self.route.step.get_untracked() != step {
            let id = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone()));
            platform::push_url(&platform::app_url(id.as_deref(), Some(step)));
            self.show_step(step);
        }
        request_animation_frame(move || {
            if !platform::focus_id(&anchor) {
                // Fieldsets focus their first option; lists their first input.
                let _ = platform::focus_id(&format!("{anchor}-0")) || platform::focus_id("schritt-titel");
            }
        });
    }

    pub fn touch(&self, path: &FieldPath) {
        self.form.touch(path);
    }

    /// A field was left (see `FormUi::touch_after_blur`).
    pub fn touch_after_blur(&self, path: &FieldPath) {
        self.form.touch_after_blur(path);
    }

    pub fn pointer_down(&self) {
        self.form.pointer_down();
    }

    pub fn pointer_up(&self) {
        self.form.pointer_up();
    }

    /// Whether messages of this field are shown yet.
    pub fn reveal(&self, path: &FieldPath, step: usize) -> bool {
        self.form.reveal(path, step)
    }

    pub fn notify(&self, topic: Topic, kind: NoticeKind, title: &str, text: &str) -> u32 {
        self.notices.show(topic, kind, title, text, Vec::new())
    }

    pub fn notify_with(&self, topic: Topic, kind: NoticeKind, title: &str, text: &str, actions: Vec<(String, NoticeAction)>) -> u32 {
        self.notices.show(topic, kind, title, text, actions)
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.dismiss(id);
    }

    /// The banners shown (tracked).
    pub fn notices(&self) -> Vec<Notice> {
        self.notices.all()
    }

    pub fn announce(&self, text: &str) {
        self.announcer.announce(text);
    }

    /// What the screen-reader live region says (tracked).
    pub fn announcement(&self) -> String {
        self.announcer.text()
    }

    /// Deletes a draft; `restore_deleted` brings it back.
    pub fn delete_draft(&self, id: &str) -> Result<(), StoreError> {
        let draft = self.library.drafts.with_untracked(|l| l.iter().find(|d| d.id == id).cloned());
        self.with_store(|s| s.delete(id)).unwrap_or(Ok(()))?;
        self.library.deleted.set(draft);
        self.refresh_list();
        Ok(())
    }

    pub fn restore_deleted(&self) -> Result<(), StoreError> {
        if let Some(d) = self.library.deleted.get_untracked() {
            // Only where nothing is stored now: a draft of that identity saved meanwhile (by
            // another window) is not replaced.
            self.with_store(|s| s.save_if_unchanged(&d, Seen::NOTHING)).unwrap_or(Ok(SaveOutcome::Saved(Seen::NOTHING)))?;
            self.library.deleted.set(None);
            self.refresh_list();
        }
        Ok(())
    }

    fn draft_by_id(&self, id: &str) -> Option<Draft> {
        let open = self.draft.with_untracked(|d| d.as_ref().filter(|d| d.id == id).cloned());
        open.or_else(|| self.library.drafts.with_untracked(|l| l.iter().find(|d| d.id == id).cloned()))
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
        self.with_store(|s| {
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
        let name = self.display_name(&d);
        d.id = platform::new_id();
        d.name = Some(format!("{name} (Kopie)"));
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
        let name = self.display_name(d);
        let text = koop_core::draft::store::encode_file(d).ok()?;
        Some((koop_core::draft::store::draft_file_name(&name, &self.today.iso()), text))
    }

    pub fn backup_draft(&self, id: &str) {
        self.flush();
        let Some(d) = self.draft_by_id(id) else { return };
        let name = self.display_name(&d);
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
                self.notify(Topic::BackupFailed, NoticeKind::Danger, "Sicherung nicht möglich", &e);
            }
        }
    }

    /// Imports a draft file; never overwrites an existing draft.
    pub fn import_draft(&self, bytes: &[u8]) -> Result<String, String> {
        let known: Vec<&str> = self.catalog.templates.iter().map(|t| t.id.as_str()).collect();
        // Quarantined records count as taken: an import must not replace one.
        let existing = self.taken_ids();
        let existing: Vec<&str> = existing.iter().map(String::as_str).collect();
        let mut imported = koop_core::draft::store::import_file(bytes, &known, &existing, &platform::new_id(), platform::now_ms())
            .map_err(|e| e.message())?;
        let name = self.display_name(&imported.draft);
        if imported.as_copy {
            // Named like "Duplizieren" names copies: after what the user sees in the list.
            imported.draft.name = Some(format!("{name} (Kopie)"));
        }
        self.store_draft(&imported.draft).map_err(|e| e.message())?;
        // "Rückgängig" of a deletion would now overwrite the imported draft of the same identity.
        if self.library.deleted.with_untracked(|d| d.as_ref().is_some_and(|d| d.id == imported.draft.id)) {
            self.library.deleted.set(None);
        }
        Ok(if imported.as_copy {
            format!("„{name}“ wurde importiert. Weil es diesen Entwurf hier schon gibt, wurde er als Kopie angelegt.")
        } else {
            format!("„{name}“ wurde importiert.")
        })
    }

    /// Identities an import must not take: the listed drafts' and the quarantined records'.
    fn taken_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.library.drafts.with_untracked(|l| l.iter().map(|d| d.id.clone()).collect());
        ids.extend(
            self.library
                .quarantined
                .with_untracked(|q| q.iter().map(|q| q.key.trim_start_matches(&draft_prefix()).to_string()).collect::<Vec<_>>()),
        );
        ids
    }

    /// What the export worker needs to compare a document that came back with the drafts here:
    /// `record` is the draft the file carries. Returns the request and, if the file came from a
    /// listed draft, that draft's name.
    pub fn review_request(&self, record: &str, file_name: &str) -> (ReviewRequest, Option<String>) {
        let carried = koop_core::draft::store::decode(record).ok();
        let origin = carried
            .and_then(|c| self.library.drafts.with_untracked(|l| l.iter().find(|d| d.id == c.id && d.template == c.template).cloned()));
        let origin_name = origin.as_ref().map(|d| self.display_name(d));
        let request = ReviewRequest {
            file_name: file_name.to_string(),
            taken: self.taken_ids(),
            new_id: platform::new_id(),
            now_ms: platform::now_ms(),
            today: self.today.iso(),
            origin: origin.and_then(|d| koop_core::draft::store::encode_file(&d).ok()),
        };
        (request, origin_name)
    }

    /// The worker's review of a document that came back: its draft becomes a new draft named
    /// after the file. If there is something to know first (text edited outside the app, or the
    /// file came from a listed draft), it waits for `keep_incoming` or `drop_incoming` and this
    /// returns `Ok(None)`; otherwise it is stored at once and the message says so.
    pub fn receive_review(&self, review: Review, origin_name: Option<String>) -> Result<Option<String>, String> {
        if !review.needs_decision() {
            self.library.incoming.set(None);
            return self.store_record(&review.record).map(|(_, message)| Some(message));
        }
        self.library.incoming.set(Some(Waiting { review, origin_name }));
        Ok(None)
    }

    /// The document read back and waiting for a decision (tracked).
    pub fn incoming(&self) -> Option<Waiting> {
        self.library.incoming.get()
    }

    /// Keeps the waiting document's draft as a new draft; with `open_at` (step, element id),
    /// opens it at that field. Returns the message for the user.
    pub fn keep_incoming(&self, open_at: Option<(usize, String)>) -> Result<String, String> {
        let Some(waiting) = self.library.incoming.get_untracked() else { return Err("Es wartet keine Datei.".into()) };
        let (id, message) = self.store_record(&waiting.review.record)?;
        self.library.incoming.set(None);
        if let Some((step, anchor)) = open_at {
            self.open_draft(&id);
            self.go_to_field(step, anchor);
        }
        Ok(message)
    }

    /// Does not keep the waiting document; nothing was stored.
    pub fn drop_incoming(&self) {
        self.library.incoming.set(None);
    }

    /// Stores a draft record as a new draft; returns its identity and the message for the user.
    fn store_record(&self, record: &str) -> Result<(String, String), String> {
        let d = koop_core::draft::store::decode(record).map_err(|e| e.message())?;
        self.store_draft(&d).map_err(|e| e.message())?;
        if self.library.deleted.with_untracked(|x| x.as_ref().is_some_and(|x| x.id == d.id)) {
            self.library.deleted.set(None);
        }
        let message = format!("„{}“ wurde als neuer Entwurf angelegt.", self.display_name(&d));
        Ok((d.id, message))
    }

    /// A draft's name as the list shows it.
    fn display_name(&self, d: &Draft) -> String {
        self.catalog.template(&d.template).map(|t| Context::new(t, self.catalog, d, self.today).draft_name()).unwrap_or_default()
    }

    pub fn delete_all(&self) -> Result<usize, StoreError> {
        self.cancel_save();
        let n = self.with_store(|s| s.delete_all()).unwrap_or(Ok(0))?;
        self.library.deleted.set(None);
        self.library.incoming.set(None);
        self.notices.clear();
        self.refresh_list();
        Ok(n)
    }

    pub fn store_draft(&self, d: &Draft) -> Result<(), StoreError> {
        self.with_store(|s| s.save(d)).unwrap_or(Ok(()))?;
        self.refresh_list();
        Ok(())
    }

    pub fn discard_quarantined(&self, key: &str) -> Result<(), StoreError> {
        self.with_store(|s| s.discard(key)).unwrap_or(Ok(()))?;
        self.refresh_list();
        Ok(())
    }

    fn with_store<R>(&self, f: impl FnOnce(&KvDraftStore<Backend>) -> R) -> Option<R> {
        // After a crash nothing is read or written: the state in memory may be half-changed.
        if crate::crash::crashed() {
            return None;
        }
        self.store.with_value(|s| s.as_ref().map(f))
    }

    /// Drops a pending autosave without saving.
    fn cancel_save(&self) {
        if let Some(timer) = self.autosave.get_value() {
            (timer.stop)();
        }
    }

    /// The open draft as the record an export carries (the "Als Datei sichern" format).
    pub fn draft_record(&self) -> Option<String> {
        self.draft.with_untracked(|d| d.as_ref().and_then(|d| koop_core::draft::store::encode_file(d).ok()))
    }

    /// Runs `f` with the open draft (tracked).
    pub fn with_draft<R>(&self, f: impl FnOnce(Option<&Draft>) -> R) -> R {
        self.draft.with(|d| f(d.as_ref()))
    }

    /// Like `with_draft`, not tracked.
    pub fn with_draft_untracked<R>(&self, f: impl FnOnce(Option<&Draft>) -> R) -> R {
        self.draft.with_untracked(|d| f(d.as_ref()))
    }

    /// The open draft's identity, not tracked (for event handlers).
    pub fn draft_id_untracked(&self) -> Option<String> {
        self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone()))
    }

    /// The step shown (tracked).
    pub fn step(&self) -> usize {
        self.route.step.get()
    }

    pub fn step_untracked(&self) -> usize {
        self.route.step.get_untracked()
    }

    /// The information page shown instead of the start screen or a draft (tracked).
    pub fn page(&self) -> Option<InfoPage> {
        self.route.page.get()
    }

    /// Whether the process view is shown instead of the steps (tracked).
    pub fn process_view(&self) -> bool {
        self.route.process_view.get()
    }

    pub fn save_status(&self) -> SaveStatus {
        self.save_status.get()
    }

    /// The stored drafts (tracked).
    pub fn drafts(&self) -> Vec<Draft> {
        self.library.drafts.get()
    }

    /// The last deleted draft, kept for "Rückgängig" (tracked).
    pub fn deleted(&self) -> Option<Draft> {
        self.library.deleted.get()
    }

    /// Whether "Weiter" was pressed on this step: all its messages are shown (tracked).
    pub fn submitted(&self, step: usize) -> bool {
        self.form.submitted.with(|s| s.contains(&step))
    }

    /// Whether the error summary of this step is shown (tracked).
    pub fn summary_shown(&self, step: usize) -> bool {
        self.form.summary_for.get() == Some(step)
    }

    /// "Weiter" on a step with `open` problems: shows its messages and, the first time, the
    /// error summary (focused); returns whether the summary was newly shown.
    pub fn submit_step(&self, step: usize, open: usize) -> bool {
        self.form.submitted.update(|s| {
            s.insert(step);
        });
        if open > 0 && self.form.summary_for.get_untracked() != Some(step) {
            self.form.summary_for.set(Some(step));
            return true;
        }
        false
    }
}
