//! A draft seen through its template: effective values (what was entered, or the template's
//! default), lookups, and the place of every field.

use crate::draft::{Draft, Entry};
use crate::expr;
use crate::template::{Catalog, Field, FieldKind, Lookup, Template};
use crate::types::Datum;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;

/// Where a value lives: a top-level field, or a sub-field of one list entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FieldPath {
    Field(String),
    Entry { list: String, entry: u32, sub: String },
}

impl FieldPath {
    pub fn field(id: &str) -> FieldPath {
        FieldPath::Field(id.to_string())
    }

    /// The id of the input element in the page ("feld-kommune_name", "feld-ap_prozess-1-email").
    pub fn anchor(&self) -> String {
        match self {
            FieldPath::Field(f) => format!("feld-{f}"),
            FieldPath::Entry { list, entry, sub } => format!("feld-{list}-{entry}-{sub}"),
        }
    }

    /// The top-level field this path belongs to.
    pub fn top(&self) -> &str {
        match self {
            FieldPath::Field(f) => f,
            FieldPath::Entry { list, .. } => list,
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.anchor())
    }
}

/// Everything needed to read a draft: template, lookups, the draft and today's date (passed
/// in, so the core stays pure and tests are deterministic).
#[derive(Clone)]
pub struct Context<'a> {
    pub template: &'a Template,
    pub catalog: &'a Catalog,
    pub draft: &'a Draft,
    pub today: Datum,
    depth: Cell<u8>,
}

/// Defaults may refer to other fields; this bounds the chain (and breaks accidental cycles).
const MAX_DEFAULT_DEPTH: u8 = 8;

impl<'a> Context<'a> {
    pub fn new(template: &'a Template, catalog: &'a Catalog, draft: &'a Draft, today: Datum) -> Context<'a> {
        Context { template, catalog, draft, today, depth: Cell::new(0) }
    }

    pub fn field(&self, id: &str) -> Option<&'a Field> {
        self.template.field(id).map(|f| f.field)
    }

    pub fn step_of(&self, id: &str) -> usize {
        self.template.field(id).map_or(0, |f| f.step)
    }

    /// The raw text in effect: what the user typed, or the default.
    pub fn text(&self, field: &Field) -> String {
        match self.draft.stored_text(&field.id) {
            Some(t) => t.to_string(),
            None => self.default_text(field).unwrap_or_default(),
        }
    }

    /// The template's default for a text-like field, evaluated against the draft.
    pub fn default_text(&self, field: &Field) -> Option<String> {
        self.default_in(field, None)
    }

    /// The raw text in effect for a sub-field of a list entry (typed, or its default evaluated
    /// with the entry in scope).
    pub fn entry_text(&self, list: &Field, entry: &Entry, sub: &Field) -> String {
        match entry.values.get(&sub.id) {
            Some(v) => v.clone(),
            None => self.default_in(sub, Some((list, entry))).unwrap_or_default(),
        }
    }

    /// The entry a reference field's value names, with its list.
    pub fn referenced(&self, field: &Field, raw: &str) -> Option<(&'a Field, Entry)> {
        let list = self.field(field.refers_to.as_deref()?)?;
        let id: u32 = raw.trim().parse().ok()?;
        self.entries(list).iter().find(|e| e.id == id).map(|e| (list, e.clone()))
    }

    /// The name shown for an entry of a list: its `key` (or first) sub-field.
    pub fn entry_name(&self, list: &Field, entry: &Entry, key: Option<&str>) -> String {
        let sub = key.and_then(|k| list.sub_field(k)).or_else(|| list.fields.first());
        sub.map(|s| self.entry_text(list, entry, s).trim().to_string()).unwrap_or_default()
    }

    fn default_in(&self, field: &Field, scope: Option<(&Field, &Entry)>) -> Option<String> {
        let depth = self.depth.get();
        if depth >= MAX_DEFAULT_DEPTH {
            return None;
        }
        self.depth.set(depth + 1);
        let result = field.default.iter().find_map(|case| {
            let applies = case.when.as_deref().is_none_or(|c| expr::condition(self, scope, c));
            if !applies {
                return None;
            }
            expr::plain_text(self, scope, &case.value)
        });
        self.depth.set(depth);
        result
    }

    /// The selection in effect of a multi field.
    pub fn set(&self, field: &Field) -> Vec<String> {
        self.draft.stored_set(&field.id).map_or_else(|| field.default_set.clone(), <[String]>::to_vec)
    }

    pub fn entries(&self, field: &Field) -> Cow<'a, [Entry]> {
        self.draft.entry_list(field)
    }

    pub fn lookup(&self, field: &Field) -> Option<&'a Lookup> {
        field.lookup.as_deref().and_then(|id| self.catalog.lookup(id))
    }

    /// The lookup row matching the field's current text.
    pub fn lookup_row(&self, field: &Field) -> Option<&'a BTreeMap<String, String>> {
        self.lookup(field)?.row(&self.text(field))
    }

    /// The raw text of a value addressed by path.
    pub fn raw(&self, path: &FieldPath) -> String {
        match path {
            FieldPath::Field(id) => self.field(id).map(|f| self.text(f)).unwrap_or_default(),
            FieldPath::Entry { list, entry, sub } => self
                .field(list)
                .and_then(|l| Some((l, l.sub_field(sub)?, self.entries(l).iter().find(|e| e.id == *entry)?.clone())))
                .map(|(l, s, e)| self.entry_text(l, &e, s))
                .unwrap_or_default(),
        }
    }

    /// The value of a field as the user reads it (option labels instead of stored values).
    pub fn display(&self, field: &Field, raw: &str) -> String {
        match field.kind {
            FieldKind::Choice => field.option_label(raw).unwrap_or(raw).to_string(),
            FieldKind::Date => crate::types::Datum::parse(raw).map_or_else(|| raw.trim().to_string(), |d| d.to_string()),
            FieldKind::Reference => {
                self.referenced(field, raw).map(|(l, e)| self.entry_name(l, &e, field.key.as_deref())).unwrap_or_default()
            }
            _ => raw.trim().to_string(),
        }
    }
}

impl Context<'_> {
    /// The draft's name: the user's, else the template's pattern ("IKPE – Landkreis Sömmerda"),
    /// else "<template title> (neu)" while the pattern still has gaps.
    pub fn draft_name(&self) -> String {
        if let Some(n) = self.draft.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            return n.to_string();
        }
        crate::expr::plain_text(self, None, &self.template.draft_name).unwrap_or_else(|| format!("{} (neu)", self.template.title))
    }
}
