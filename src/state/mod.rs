//! The app's state, split by concern into small stores, each a `Copy` handle with private
//! signals, provided through context (components ask for the store they use):
//!
//! ```text
//! Session    the open draft: opening, editing, autosave, save status, other windows' changes
//! Library    the drafts listed on the start page: rename, duplicate, delete, restore, delete all
//! Transfer   drafts as files: backup, import, returned documents
//! Navigator  where the user is; the address bar (`Location`, the only place that knows URLs)
//! Form       when the form shows its messages
//! Notices    the banners; Announcer: what the screen reader is told
//! DocumentChoice  the bound document (Beschlussvorlage) and body looked at, and what the preview shows
//! ```
//!
//! A store's hook (`use_…`) owns the window listeners it needs, beside it. The draft itself is
//! changed only through `koop_core::Draft`'s methods inside `Session::edit`.

mod announcer;
mod document_choice;
mod form;
mod library;
mod location;
mod navigator;
mod notices;
mod records;
mod session;
mod transfer;

pub use announcer::Announcer;
pub use document_choice::DocumentChoice;
pub use form::Form;
pub use library::Library;
pub use location::{InfoPage, Location};
pub use navigator::Navigator;
pub use notices::{Notice, NoticeAction, NoticeKind, Notices};
pub use session::{AUTOSAVE_DELAY_MS, SaveStatus, Session};
pub use transfer::{Intake, Refusal, Transfer};

use koop_core::template::Catalog;
use leptos::prelude::*;

/// Every store, for the component that creates them.
#[derive(Clone, Copy)]
pub struct Stores {
    pub session: Session,
    pub library: Library,
    pub transfer: Transfer,
    pub navigator: Navigator,
    pub form: Form,
    pub notices: Notices,
    pub announcer: Announcer,
    pub choice: DocumentChoice,
}

/// Creates the stores and provides them to the calling component and everything below it;
/// their hooks' listeners go with that component. Then opens the storage, follows the address
/// and lists the drafts. `visibility` is the document's (one signal of it serves everyone).
pub fn provide_stores(catalog: &'static Catalog, visibility: Signal<web_sys::VisibilityState>) -> Stores {
    let (notices, announcer, form, records) = (Notices::new(), Announcer::new(), Form::new(), records::Records::new());
    let session = Session::new(catalog, records, form, notices);
    let library = Library::new(records, session, notices);
    let navigator = Navigator::new(session, library, form);
    let transfer = Transfer::new(session, library, navigator, notices, announcer);
    let choice = DocumentChoice::new();
    let stores = Stores { session, library, transfer, navigator, form, notices, announcer, choice };
    provide_context(session);
    provide_context(library);
    provide_context(transfer);
    provide_context(navigator);
    provide_context(form);
    provide_context(notices);
    provide_context(announcer);
    provide_context(choice);
    navigator::use_history(navigator);
    // The list follows another window's change before the open draft is compared with it.
    library::use_library_events(library);
    session::use_session_events(session, visibility);
    form::use_pointer(form);
    if let Some(e) = records.open() {
        notices.show(Notice::storage_unavailable(&e.message()));
    }
    // The start screen reads the list as it opens (`follow`). A draft or an information page
    // does not need it: read once the page is drawn (it was 6 % of the start-up at 4× CPU
    // throttling); its notices of unreadable records come then.
    if navigator.follow() != Location::Start {
        crate::platform::when_idle(move || library.refresh(), 500);
    }
    // Not needed for the first field: asked once the page is drawn and idle.
    crate::platform::when_idle(crate::platform::request_persistent_storage, 2000);
    stores
}
