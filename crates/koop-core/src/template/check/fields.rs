//! The checks of a field and its sub-fields: the id, what its kind needs (options, sub-fields,
//! pattern, the list referred to), the defaults, the lookup.

use super::Checker;
use crate::template::{Field, FieldKind};
use std::collections::BTreeSet;

impl<'t> Checker<'t> {
    pub(super) fn field(&mut self, f: &'t Field, list: Option<&'t Field>) {
        let place = format!("field '{}'", f.id);
        // Ids become parts of element ids in the page ("feld-liste-3-name").
        if f.id.is_empty() || !f.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            self.err(format!("{place}: ids use only a-z, 0-9 and _"));
        }
        match f.kind {
            FieldKind::Choice | FieldKind::Multi if f.options.is_empty() => self.err(format!("{place} has no options")),
            FieldKind::List if f.fields.is_empty() => self.err(format!("{place} has no sub-fields")),
            FieldKind::Pattern if f.pattern.is_none() => self.err(format!("{place} has no pattern")),
            FieldKind::Reference => match f.refers_to.as_deref().and_then(|l| self.t.field(l)) {
                Some(l) if l.field.kind == FieldKind::List => {
                    if let Some(k) = &f.key
                        && l.field.sub_field(k).is_none()
                    {
                        self.err(format!("{place}: list '{}' has no sub-field '{k}'", l.field.id));
                    }
                }
                _ => self.err(format!("{place}: 'refers_to' must name a list field")),
            },
            _ => {}
        }
        for v in &f.default_set {
            if f.option_label(v).is_none() {
                self.err(format!("{place}: default '{v}' is not an option"));
            }
        }
        if let Some(l) = &f.lookup
            && self.catalog.lookup(l).is_none()
        {
            self.err(format!("{place}: unknown lookup '{l}'"));
        }
        for case in &f.default {
            if let Some(w) = &case.when {
                self.condition(w, list, &place);
            }
            self.text(&case.value, list, &place);
        }
        if let Some(g) = &f.gap_text {
            self.text(g, list, &place);
        }
        for item in &f.default_items {
            for k in item.keys() {
                if f.sub_field(k).is_none() {
                    self.err(format!("{place}: default item names unknown sub-field '{k}'"));
                }
            }
        }
        let mut subs = BTreeSet::new();
        for sub in &f.fields {
            if !subs.insert(&sub.id) {
                self.err(format!("{place}: sub-field '{}' twice", sub.id));
            }
            if sub.kind == FieldKind::List {
                self.err(format!("{place}: lists inside lists are not supported"));
            }
            self.field(sub, Some(f));
        }
    }
}
