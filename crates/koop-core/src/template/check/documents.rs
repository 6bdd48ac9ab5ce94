//! The checks of bound documents (`[[documents]]`): their bodies name a `koerperschaft` with
//! the answers that say how its head is addressed, their text holds for every body (in the
//! body's list entry where it is one), and the answers that belong to a document name it.

use super::Checker;
use crate::template::{BlockSpec, EntitySpec, Field, FieldKind};
use crate::value::grammar::Anrede;
use crate::value::gremium::JaNein;
use std::collections::BTreeSet;

impl<'t> Checker<'t> {
    pub(super) fn documents(&mut self) {
        let t = self.t;
        let mut ids = BTreeSet::new();
        for doc in &t.documents {
            let place = format!("document '{}'", doc.id);
            if doc.id.is_empty() || !doc.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                self.err(format!("{place}: ids use only a-z, 0-9 and _"));
            }
            if !ids.insert(doc.id.as_str()) {
                self.err(format!("{place} twice"));
            }
            self.text(&doc.zip_name, None, &format!("{place}: zip_name"));
            if doc.bodies.is_empty() {
                self.err(format!("{place} names no body it is made for"));
            }
            for b in &doc.blocks {
                if let BlockSpec::Section { id: Some(id), .. }
                | BlockSpec::Subsection { id: Some(id), .. }
                | BlockSpec::Clause { id: Some(id), .. } = b
                {
                    self.err(format!("{place}: clause id '{id}': {{ref:…}} names the agreement's clauses, a document's have no ids"));
                }
            }
            for body in &doc.bodies {
                let place = format!("{place}, body '{}'", body.entity);
                let list = match body.each.as_deref() {
                    Some(each) => match t.field(each) {
                        Some(l) if l.field.kind == FieldKind::List => Some(l.field),
                        _ => {
                            self.err(format!("{place}: '{each}' is not a list field"));
                            continue;
                        }
                    },
                    None => None,
                };
                match t.entities.get(&body.entity) {
                    Some(EntitySpec::Koerperschaft { name, .. }) => {
                        if self.in_body(name, list).is_none() {
                            self.err(format!("{place}: its name field '{name}' is not {}", where_(list)));
                        }
                    }
                    _ => self.err(format!("{place}: not an entity of kind koerperschaft")),
                }
                let anrede: Vec<&str> = Anrede::ALL.iter().map(|a| a.name()).collect();
                self.choice_in_body(&body.anrede, list, &anrede, &place);
                if let Some(g) = &body.grosse_kreisstadt {
                    let ja_nein: Vec<&str> = JaNein::ALL.iter().map(|a| a.name()).collect();
                    self.choice_in_body(g, list, &ja_nein, &place);
                }
                (self.body, self.base) = (Some(body), list);
                for b in &doc.blocks {
                    self.block(b);
                }
                for (what, text) in [
                    ("meta.title", &doc.meta.title),
                    ("meta.subject", &doc.meta.subject),
                    ("meta.author", &doc.meta.author),
                    ("meta.header", &doc.meta.header),
                    ("file_name", &doc.file_name),
                ] {
                    self.text(text, list, &format!("{place}: {what}"));
                }
                (self.body, self.base) = (None, None);
            }
        }
        let mut answers: Vec<&Field> = Vec::new();
        for f in t.fields() {
            answers.push(f.field);
            answers.extend(&f.field.fields);
        }
        for f in answers {
            if let Some(d) = &f.document
                && !ids.contains(d.as_str())
            {
                self.err(format!("field '{}': unknown document '{d}'", f.id));
            }
        }
    }

    /// A field a body's text sees: a sub-field of its list, else a top-level field.
    fn in_body(&self, id: &str, list: Option<&'t Field>) -> Option<&'t Field> {
        list.and_then(|l| l.sub_field(id)).or_else(|| self.t.field(id).map(|f| f.field))
    }

    fn choice_in_body(&mut self, id: &str, list: Option<&'t Field>, values: &[&str], place: &str) {
        match self.in_body(id, list) {
            Some(f) if f.kind == FieldKind::Choice => {
                for o in f.options.iter().filter(|o| !values.contains(&o.value.as_str())) {
                    self.err(format!("{place}: option '{}' of '{id}' is not one of {}", o.value, values.join(", ")));
                }
            }
            _ => self.err(format!("{place}: '{id}' is not a choice field {}", where_(list))),
        }
    }
}

fn where_(list: Option<&Field>) -> String {
    match list {
        Some(l) => format!("of the list '{}' or the template", l.id),
        None => "of the template".to_string(),
    }
}
