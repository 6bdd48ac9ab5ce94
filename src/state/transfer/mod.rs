//! Drafts as files: the backup ("Als Datei sichern"), a draft file or a returned document
//! chosen or dropped on the start page (`outcome.rs` says what each did), and the returned
//! document that waits for the user's decision.

mod outcome;

pub use outcome::{Intake, Refusal};

use super::announcer::Announcer;
use super::library::Library;
use super::location::Location;
use super::navigator::Navigator;
use super::notices::{Notice, Notices};
use super::session::{Attempt, Session};
use crate::export::WorkerError;
use crate::platform;
use koop_core::import::{Returned, ReturnedRequest};
use leptos::prelude::*;
use outcome::{FileKind, check_size, kind_of};

#[derive(Clone, Copy)]
pub struct Transfer {
    /// A returned document whose draft waits for the user's decision (it was edited outside
    /// the app, or it came from a draft in the list).
    returned: RwSignal<Option<Returned>>,
    session: Session,
    library: Library,
    navigator: Navigator,
    notices: Notices,
    announcer: Announcer,
}

impl Transfer {
    pub(super) fn new(session: Session, library: Library, navigator: Navigator, notices: Notices, announcer: Announcer) -> Transfer {
        Transfer { returned: RwSignal::new(None), session, library, navigator, notices, announcer }
    }

    /// Downloads a draft as a file another PC can import, and notes the backup.
    pub fn backup(&self, id: &str) {
        self.session.flush();
        let Some(d) = self.library.find(id) else { return };
        let saved = self.session.file_of(&d).and_then(|(file, text)| {
            platform::download(text.as_bytes(), &file, "application/json")?;
            Ok(file)
        });
        match saved {
            Ok(file) => {
                let at = Some(platform::now_ms());
                if let Err(e) = self.library.change(&d.id, move |o| o.last_backup = at) {
                    self.session.settle(Attempt::Failed(e));
                }
                self.announcer.announce(&format!("„{file}“ wurde gespeichert."));
            }
            Err(e) => self.notices.show(Notice::backup_failed(&e)),
        }
    }

    /// The backup of the open draft (its button, the reminder's).
    pub fn backup_open(&self) {
        if let Some(id) = self.session.draft_id_untracked() {
            self.backup(&id);
        }
    }

    /// Takes a chosen or dropped file: a draft file (.json) or a returned document (.docx,
    /// .odt). Never overwrites a draft.
    pub async fn take(self, file: web_sys::File) -> Result<Intake, Refusal> {
        // Checked before reading: a huge file is refused without loading it into memory.
        check_size(file.size())?;
        let file_name = file.name();
        let bytes =
            platform::read_file(file).await.map_err(|e| Refusal::Reason(format!("Die Datei konnte nicht gelesen werden ({e}).")))?;
        match kind_of(&bytes) {
            FileKind::Document => self.take_returned(&bytes, &file_name).await,
            FileKind::DraftFile => self.import(&bytes),
        }
    }

    /// Imports a draft file as a new draft.
    fn import(&self, bytes: &[u8]) -> Result<Intake, Refusal> {
        let known: Vec<&str> = self.session.catalog.template_ids().collect();
        // Quarantined records count as taken: an import must not replace one.
        let taken = self.library.taken_ids();
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        let mut imported = koop_core::draft::store::import_file(bytes, &known, &taken, &platform::new_id(), platform::now_ms())?;
        let name = self.session.name_of(&imported.draft);
        if imported.as_copy {
            // Named like "Duplizieren" names copies: after what the user sees in the list.
            imported.draft.name = Some(format!("{name} (Kopie)"));
        }
        self.library.add(&imported.draft).map_err(|e| Refusal::Reason(e.message()))?;
        Ok(Intake::Imported { name, as_copy: imported.as_copy })
    }

    /// A returned document, read and compared in the export worker: stored at once, or kept
    /// back for the user's decision.
    async fn take_returned(&self, bytes: &[u8], file_name: &str) -> Result<Intake, Refusal> {
        let record = crate::export::read_draft(bytes).await.map_err(|e| Refusal::Reason(e.message()))?;
        let carried = koop_core::draft::store::decode(&record).ok();
        let origin = carried.and_then(|c| self.library.listed(&c.id, &c.template));
        let request = ReturnedRequest {
            file_name: file_name.to_string(),
            taken: self.library.taken_ids(),
            new_id: platform::new_id(),
            now_ms: platform::now_ms(),
            today: self.session.today.iso(),
            origin: origin.and_then(|d| koop_core::draft::store::encode_file(&d).ok()),
        };
        let returned = crate::export::read_returned(bytes, &request).await.map_err(|e| match e {
            WorkerError::Said(m) => Refusal::Told(m),
            WorkerError::Unavailable(m) => Refusal::Reason(m),
        })?;
        if returned.needs_decision() {
            self.returned.set(Some(returned));
            return Ok(Intake::Waiting);
        }
        self.returned.set(None);
        self.store(&returned).map(|(_, intake)| intake)
    }

    /// The returned document waiting for a decision (tracked).
    pub fn returned(&self) -> Option<Returned> {
        self.returned.get()
    }

    /// Keeps the waiting document's draft as a new draft; with `open_at` (step, element id),
    /// opens it at that field.
    pub fn keep(&self, open_at: Option<(usize, String)>) -> Result<Intake, Refusal> {
        let Some(returned) = self.returned.get_untracked() else { return Err(Refusal::Reason("Es wartet keine Datei.".into())) };
        let (id, intake) = self.store(&returned)?;
        self.returned.set(None);
        if let Some((step, anchor)) = open_at {
            self.navigator.go(&Location::step(&id, 0));
            self.navigator.go_to_field(step, anchor);
        }
        Ok(intake)
    }

    /// Does not keep the waiting document; nothing was stored.
    pub fn drop_returned(&self) -> Intake {
        self.returned.set(None);
        Intake::NotKept
    }

    /// Forgets the waiting document (all data on this device was deleted).
    pub fn forget(&self) {
        self.returned.set(None);
    }

    /// Stores a returned document's draft as a new draft; returns its identity.
    fn store(&self, returned: &Returned) -> Result<(String, Intake), Refusal> {
        let d = koop_core::draft::store::decode(&returned.record).map_err(|e| Refusal::Reason(e.message()))?;
        self.library.add(&d).map_err(|e| Refusal::Reason(e.message()))?;
        Ok((d.id.clone(), Intake::Created { name: self.session.name_of(&d) }))
    }
}
