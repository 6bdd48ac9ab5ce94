//! A draft seen through its template: effective values (what was entered, or the template's
//! default), lookups, and the place of every field.

mod binding;
mod valid;
pub use binding::{BodyKey, DocumentParts};
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
    /// While a block of the document is printed: the answers it read (their field ids), so the
    /// printed block can be reused until one of them changes (`document::BuildCache`).
    reads: RefCell<Option<Vec<String>>>,
    /// The bound document and body this context builds (`for_body`); `None`: the agreement.
    binding: Option<binding::Binding<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(template: &'a Template, catalog: &'a Catalog, draft: &'a Draft, today: Datum) -> Context<'a> {
        Context { template, catalog, draft, today, depth: Cell::new(0), reads: RefCell::new(None), binding: None }
    }

    /// Starts noting which answers are read (every read of the draft goes through `text`, `set`
    /// and `entries`).
    pub(crate) fn note_reads(&self) {
        *self.reads.borrow_mut() = Some(Vec::new());
    }

    /// The answers read since `note_reads`, each once; stops noting.
    pub(crate) fn take_reads(&self) -> Vec<String> {
        self.reads.borrow_mut().take().unwrap_or_default()
    }

    pub(crate) fn read(&self, id: &str) {
        if let Some(reads) = self.reads.borrow_mut().as_mut()
            && !reads.iter().any(|r| r == id)
        {
            reads.push(id.to_string());
        }
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
        self.read(&field.id);
        self.draft.stored_set(&field.id).map_or_else(|| field.default_set.clone(), <[String]>::to_vec)
    }

    pub fn entries(&self, field: &Field) -> Cow<'a, [Entry]> {
        self.read(&field.id);
        self.draft.entry_list(field)
    }

    pub fn lookup(&self, field: &Field) -> Option<&'a Lookup> {
        field.lookup.as_deref().and_then(|id| self.catalog.lookup(id))
    }
}
