//! A draft seen through its template: effective values (what was entered, or the template's
//! default), lookups, and the place of every field.

mod binding;
mod memo;
mod track;
mod valid;
pub use binding::{BodyKey, DocumentParts};
pub(crate) use memo::Memo;
pub(crate) use track::Key;
pub(crate) use track::Snapshot;
pub use valid::check_value;

use crate::draft::{Draft, Entry};
use crate::template::{Catalog, Field, Lookup, Template};
use crate::value::Datum;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

/// Everything needed to read a draft: template, lookups, the draft and today's date (passed
/// in, so the core stays pure and tests are deterministic).
#[derive(Clone)]
pub struct Context<'a> {
    pub template: &'a Template,
    pub catalog: &'a Catalog,
    pub draft: &'a Draft,
    pub today: Datum,
    pub(crate) depth: Cell<u8>,
    /// While results are tracked (`tracked`), innermost last: what each read of the draft, so
    /// it can be kept until one of those changes (the incremental build and validation).
    frames: RefCell<Vec<Vec<Key>>>,
    /// The bound document and body this context builds (`for_body`); `None`: the agreement.
    binding: Option<binding::Binding<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(template: &'a Template, catalog: &'a Catalog, draft: &'a Draft, today: Datum) -> Context<'a> {
        Context { template, catalog, draft, today, depth: Cell::new(0), frames: RefCell::new(Vec::new()), binding: None }
    }

    pub fn field(&self, id: &str) -> Option<&'a Field> {
        self.template.field(id).map(|f| f.field)
    }

    pub fn step_of(&self, id: &str) -> usize {
        self.template.field(id).map_or(0, |f| f.step)
    }

    /// The entry a reference field's value names, with its list. Borrowed from the draft when
    /// the list is stored: every service names its provider, on every keystroke.
    pub fn referenced(&self, field: &Field, raw: &str) -> Option<(&'a Field, Cow<'a, Entry>)> {
        let list = self.field(field.refers_to.as_deref()?)?;
        let id: u32 = raw.trim().parse().ok()?;
        let entry = match self.entries(list) {
            Cow::Borrowed(es) => Cow::Borrowed(es.iter().find(|e| e.id == id)?),
            Cow::Owned(es) => Cow::Owned(es.into_iter().find(|e| e.id == id)?),
        };
        Some((list, entry))
    }

    /// The selection in effect of a multi field.
    pub fn set(&self, field: &Field) -> Vec<String> {
        self.note(|| Key::answer(&field.id));
        self.draft.stored_set(&field.id).map_or_else(|| field.default_set.clone(), <[String]>::to_vec)
    }

    /// The entries of a list (which, in which order; their values are read one by one through
    /// `entry_text`).
    pub fn entries(&self, field: &Field) -> Cow<'a, [Entry]> {
        self.note(|| Key::entries(&field.id));
        self.draft.entry_list(field)
    }

    pub fn lookup(&self, field: &Field) -> Option<&'a Lookup> {
        field.lookup.as_deref().and_then(|id| self.catalog.lookup(id))
    }
}
