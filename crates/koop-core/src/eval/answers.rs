//! The values in effect: what the user typed, or the template's default evaluated against the
//! draft. Defaults are template text, so these live here, above the context they extend.

use super::{default_condition, default_text, plain_text};
use crate::context::{Context, Key};
use crate::draft::Entry;
use crate::template::{Field, FieldKind};
use crate::value::FieldPath;
use std::collections::BTreeMap;

/// Defaults may refer to other fields; this bounds the chain (and breaks accidental cycles).
const MAX_DEFAULT_DEPTH: u8 = 8;

impl<'a> Context<'a> {
    /// The raw text in effect: what the user typed, or the default.
    pub fn text(&self, field: &Field) -> String {
        self.note(|| Key::answer(&field.id));
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
        self.note(|| Key::value(&list.id, entry.id, &sub.id));
        match entry.values.get(&sub.id) {
            Some(v) => v.clone(),
            None => self.default_in(sub, Some((list, entry))).unwrap_or_default(),
        }
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
            let applies = case.when.as_ref().is_none_or(|c| default_condition(self, scope, c));
            if !applies {
                return None;
            }
            default_text(self, scope, &case.value)
        });
        self.depth.set(depth);
        result
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
            FieldKind::Date => crate::value::Datum::parse(raw).map_or_else(|| raw.trim().to_string(), |d| d.to_string()),
            FieldKind::Reference => {
                self.referenced(field, raw).map(|(l, e)| self.entry_name(l, &e, field.key.as_deref())).unwrap_or_default()
            }
            _ => raw.trim().to_string(),
        }
    }

    /// The draft's name: the user's, else the template's pattern ("IKPE – Landkreis Sömmerda"),
    /// else "<template title> (neu)" while the pattern still has gaps.
    pub fn draft_name(&self) -> String {
        if let Some(n) = self.draft.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            return n.to_string();
        }
        plain_text(self, None, &self.template.draft_name).unwrap_or_else(|| format!("{} (neu)", self.template.title))
    }
}
