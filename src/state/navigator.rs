//! Where the user is: the start page, an information page, or a step or the process view of
//! the open draft. The address bar mirrors it (`Location` writes and reads it); going
//! somewhere adds a history entry, and the hook follows the browser's back and forward.

use super::form::Form;
use super::library::Library;
use super::location::{InfoPage, Location, PROCESS_TITLE, START_TITLE};
use super::session::{Opened, Session};
use crate::platform;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Navigator {
    step: RwSignal<usize>,
    /// An information page instead of the start screen or a draft.
    page: RwSignal<Option<InfoPage>>,
    /// The open draft's process view ("Prozess und Termine") instead of its steps.
    process_view: RwSignal<bool>,
    /// The field a link asked for last (its element id), numbered: a closed panel holding it
    /// opens (see `wanted`).
    wanted: RwSignal<(u32, String)>,
    /// A field a link asked for while its view was still loading (src/components/later.rs).
    pending: StoredValue<Option<String>>,
    session: Session,
    library: Library,
    form: Form,
}

impl Navigator {
    pub(super) fn new(session: Session, library: Library, form: Form) -> Navigator {
        Navigator {
            step: RwSignal::new(0),
            page: RwSignal::new(None),
            process_view: RwSignal::new(false),
            wanted: RwSignal::new((0, String::new())),
            pending: StoredValue::new(None),
            session,
            library,
            form,
        }
    }

    /// The address of a place (for a link's `href`; a click goes there with `go`).
    pub fn href(&self, to: &Location) -> String {
        to.href(&platform::path())
    }

    /// The address of a step of the open draft, or of its process view (tracked).
    pub fn draft_href(&self, step: usize, process: bool) -> String {
        let id = self.session.draft_id().unwrap_or_default();
        self.href(&Location::Draft { id, step, process })
    }

    /// A step of the open draft, or its process view, not tracked (for event handlers).
    fn here(&self, step: usize, process: bool) -> Location {
        Location::Draft { id: self.session.draft_id_untracked().unwrap_or_default(), step, process }
    }

    /// Shows what the address names, and returns it.
    pub(super) fn follow(&self) -> Location {
        let location = Location::parse(&platform::search());
        self.show(&location);
        location
    }

    fn show(&self, location: &Location) {
        match location {
            &Location::Page(p) => {
                self.page.set(Some(p));
                self.session.close();
                platform::set_title(p.title());
            }
            Location::Start => {
                self.page.set(None);
                self.session.close();
                self.library.refresh();
                platform::set_title(START_TITLE);
            }
            &Location::Draft { ref id, step, process } => {
                self.page.set(None);
                match self.session.open(id) {
                    Opened::Yes => {}
                    Opened::Refused => return self.close(),
                    Opened::Stopped => return,
                }
                let last = self.session.template().map_or(0, |t| t.steps.len().saturating_sub(1));
                self.show_step(step.min(last));
                if process {
                    self.process_view.set(true);
                    platform::set_title(PROCESS_TITLE);
                }
            }
        }
    }

    /// Adds a history entry for `to` and shows it.
    pub fn go(&self, to: &Location) {
        platform::push_url(&self.href(to));
        self.follow();
    }

    /// Starts a draft of a template at its first step.
    pub fn new_draft(&self, template_id: &str) {
        let Some(id) = self.session.create(template_id) else { return };
        platform::push_url(&self.href(&Location::step(&id, 0)));
        self.show_step(0);
        // The start button is gone; focus goes where every step change puts it.
        request_animation_frame(|| {
            platform::focus_id("schritt-titel");
        });
    }

    /// Back to the start page ("Meine Entwürfe").
    pub fn close(&self) {
        self.session.flush();
        self.go(&Location::Start);
        platform::focus_id("seitentitel");
    }

    pub fn show_page(&self, page: InfoPage) {
        self.go(&Location::Page(page));
        self.focus_soon("seitentitel");
    }

    /// Focuses `id` after the next frame, or once its view is drawn if it is still being
    /// fetched (src/components/later.rs).
    fn focus_soon(&self, id: &'static str) {
        let pending = self.pending;
        pending.set_value(None);
        request_animation_frame(move || {
            if !platform::focus_id(id) {
                pending.set_value(Some(id.to_string()));
            }
        });
    }

    /// Shows the process view of the open draft.
    pub fn show_process(&self) {
        platform::push_url(&self.href(&self.here(self.step.get_untracked(), true)));
        self.process_view.set(true);
        platform::set_title(PROCESS_TITLE);
        self.focus_soon("prozess-titel");
    }

    /// Shows a step (the address is updated by the caller).
    fn show_step(&self, step: usize) {
        self.process_view.set(false);
        self.step.set(step);
        self.form.hide_summary();
        let title = self.session.template().and_then(|t| t.steps.get(step).map(|s| (s.title.clone(), t.steps.len())));
        if let Some((name, total)) = title {
            platform::set_title(&format!("Schritt {} von {total}: {name} – Koop-Assistent", step + 1));
        }
    }

    /// Goes to a step, adds a history entry and moves focus to the step's heading.
    pub fn go_to(&self, step: usize) {
        self.pending.set_value(None);
        platform::push_url(&self.href(&self.here(step, false)));
        self.show_step(step);
        request_animation_frame(|| {
            platform::focus_id("schritt-titel");
        });
    }

    /// Goes to a step's field by its element id (`FieldPath::anchor`) and focuses it.
    pub fn go_to_field(&self, step: usize, anchor: String) {
        if self.step.get_untracked() != step || self.process_view.get_untracked() {
            platform::push_url(&self.href(&self.here(step, false)));
            self.show_step(step);
        }
        self.wanted.update(|(n, wanted)| {
            *n = n.wrapping_add(1);
            wanted.clone_from(&anchor);
        });
        let pending = self.pending;
        request_animation_frame(move || {
            if !focus_field(&anchor) {
                // Not drawn yet (its view is still being fetched): the step's heading now, the
                // field once it is drawn (`focus_pending`).
                let _ = platform::focus_id("schritt-titel");
                pending.set_value(Some(anchor));
            }
        });
    }

    /// Focuses the field a link asked for before its view was drawn (see `go_to_field`).
    pub fn focus_pending(&self) {
        if let Some(anchor) = self.pending.try_update_value(Option::take).flatten() {
            let _ = focus_field(&anchor);
        }
    }

    /// The number of the last link to a field for which `mine` holds (tracked); `None` when the
    /// last link went elsewhere.
    pub fn wanted(&self, mine: impl Fn(&str) -> bool) -> Option<u32> {
        self.wanted.with(|(n, anchor)| (*n > 0 && mine(anchor)).then_some(*n))
    }

    /// The step shown (tracked).
    pub fn step(&self) -> usize {
        self.step.get()
    }

    pub fn step_untracked(&self) -> usize {
        self.step.get_untracked()
    }

    /// The information page shown instead of the start screen or a draft (tracked).
    pub fn page(&self) -> Option<InfoPage> {
        self.page.get()
    }

    /// Whether the process view is shown instead of the steps (tracked).
    pub fn process_view(&self) -> bool {
        self.process_view.get()
    }
}

/// Focuses a field by its element id; fieldsets focus their first option, lists their first
/// input.
fn focus_field(anchor: &str) -> bool {
    platform::focus_id(anchor) || platform::focus_id(&format!("{anchor}-0"))
}

/// The browser's back and forward buttons: the app follows the address. The listener goes with
/// the calling component.
pub fn use_history(navigator: Navigator) {
    crate::platform::on_window("popstate", move |_| {
        navigator.follow();
    });
}
