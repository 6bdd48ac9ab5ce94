//! Proves a template consistent: every placeholder, condition, rule, entity and cross-reference
//! points at something defined, and defaults do not depend on each other in a circle. A broken
//! template fails the tests instead of printing "{kommune.dtv}" into an agreement.

mod blocks;
mod defaults;
mod documents;
mod fields;
mod texts;

use crate::template::{BODY_ENTITY, BlockSpec, BodySpec, Catalog, EntitySpec, Field, RuleKind, StepKind, Template};
use crate::value::grammar::{Anrede, Kommunenart};
use std::collections::BTreeSet;

struct Checker<'t> {
    t: &'t Template,
    catalog: &'t Catalog,
    ids: BTreeSet<String>,
    errors: Vec<String>,
    /// While a bound document is checked for one body: the body, and its list (the scope its
    /// text sees first).
    body: Option<&'t BodySpec>,
    base: Option<&'t Field>,
}

/// All problems of a template, each a sentence naming the place.
pub fn check(t: &Template, catalog: &Catalog) -> Vec<String> {
    let mut c = Checker { t, catalog, ids: BTreeSet::new(), errors: Vec::new(), body: None, base: None };
    c.run();
    c.errors
}

impl<'t> Checker<'t> {
    fn err(&mut self, msg: String) {
        self.errors.push(msg);
    }

    fn run(&mut self) {
        let t = self.t;
        let mut seen = BTreeSet::new();
        for s in &t.steps {
            if !seen.insert(format!("step:{}", s.id)) {
                self.err(format!("step id '{}' twice", s.id));
            }
        }
        if t.steps.iter().filter(|s| s.kind == StepKind::Review).count() > 1 {
            self.err("more than one review step".into());
        }
        let mut field_ids = BTreeSet::new();
        for f in t.fields() {
            if !field_ids.insert(f.field.id.clone()) {
                self.err(format!("field id '{}' twice", f.field.id));
            }
            self.field(f.field, None);
        }
        for (name, e) in &t.entities {
            if name == BODY_ENTITY {
                self.err(format!("entity '{name}': the name is the body of a bound document's text"));
            }
            if let EntitySpec::Koerperschaft { art, fixed_art, .. } = e {
                match (art, fixed_art) {
                    (Some(_), Some(_)) | (None, None) => self.err(format!("entity '{name}' needs exactly one of 'art' and 'fixed_art'")),
                    (None, Some(f)) if Kommunenart::from_value(f).is_none() => {
                        self.err(format!("entity '{name}': fixed_art '{f}' unknown"))
                    }
                    _ => {}
                }
            }
            let (fields, kinds): (Vec<&String>, Vec<(&str, Vec<&str>)>) = match e {
                EntitySpec::Koerperschaft { art: Some(art), name, .. } => {
                    (vec![art, name], vec![("art", Kommunenart::ALL.iter().map(|k| k.name()).collect())])
                }
                EntitySpec::Koerperschaft { art: None, name, .. } => (vec![name], vec![]),
                EntitySpec::Person { anrede, funktion, name } => {
                    (vec![anrede, funktion, name], vec![("anrede", Anrede::ALL.iter().map(|a| a.name()).collect())])
                }
            };
            for f in &fields {
                if t.field(f).is_none() && !t.fields().any(|l| l.field.sub_field(f).is_some()) {
                    self.err(format!("entity '{name}' uses unknown field '{f}'"));
                }
            }
            // The choice values must be the ones the grammar knows.
            if let Some((_, known)) = kinds.first() {
                let choice_field = fields[0];
                let options: Vec<&crate::template::Choice> = match t.field(choice_field) {
                    Some(fr) => fr.field.options.iter().collect(),
                    None => t.fields().filter_map(|l| l.field.sub_field(choice_field)).flat_map(|f| f.options.iter()).collect(),
                };
                for o in options {
                    if !known.contains(&o.value.as_str()) {
                        self.err(format!("entity '{name}': option '{}' of '{}' is not one of {}", o.value, choice_field, known.join(", ")));
                    }
                }
            }
        }
        // Identities of sections and clauses, for references.
        for b in &t.document.blocks {
            let id = match b {
                BlockSpec::Section { id, .. } | BlockSpec::Subsection { id, .. } | BlockSpec::Clause { id, .. } => id,
                _ => continue,
            };
            if let Some(id) = id
                && !self.ids.insert(id.clone())
            {
                self.err(format!("clause id '{id}' twice"));
            }
        }
        for b in &t.document.blocks {
            self.block(b);
        }
        for rule in &t.rules {
            let mut paths = vec![rule.field.clone()];
            paths.extend(rule.with.iter().cloned());
            paths.extend(rule.other.iter().cloned());
            for p in paths {
                if self.field_or_sub(&p).is_none() {
                    self.err(format!("rule on '{}' names unknown field '{p}'", rule.field));
                }
            }
            let scope = rule.field.split_once('.').and_then(|(l, _)| t.field(l)).map(|f| f.field);
            if let Some(w) = &rule.when {
                self.condition(w, scope, &format!("rule on '{}'", rule.field));
            }
            // An `unreferenced` message speaks of the entry of `list` that nothing names.
            let message_scope = match rule.kind {
                RuleKind::Unreferenced => rule.list.as_deref().and_then(|l| t.field(l)).map(|f| f.field),
                _ => scope,
            };
            self.text(&rule.message, message_scope, &format!("message of rule on '{}'", rule.field));
            if matches!(rule.kind, RuleKind::InList | RuleKind::Unreferenced) {
                match rule.list.as_deref().and_then(|l| t.field(l)) {
                    Some(l) if l.field.sub_field(rule.key.as_deref().unwrap_or("name")).is_some() => {}
                    _ => self.err(format!("rule on '{}' needs an existing list and key", rule.field)),
                }
            }
            if rule.kind == RuleKind::DateAfter && rule.other.is_none() {
                self.err(format!("date_after rule on '{}' needs 'other'", rule.field));
            }
        }
        for entry in &t.checklist {
            for c in &entry.clauses {
                if !self.ids.contains(c) {
                    self.err(format!("checklist topic '{}' names unknown clause '{c}'", entry.topic.title()));
                }
            }
            if entry.clauses.is_empty() && entry.hint.is_none() {
                self.err(format!("checklist topic '{}' needs clauses or a hint", entry.topic.title()));
            }
        }
        for (what, text) in [
            ("meta.title", &t.meta.title),
            ("meta.subject", &t.meta.subject),
            ("meta.author", &t.meta.author),
            ("meta.header", &t.meta.header),
            ("file_name", &t.file_name),
            ("draft_name", &t.draft_name),
        ] {
            self.text(text, None, what);
        }
        self.default_cycles();
        self.documents();
    }

    fn field_or_sub(&self, spec: &str) -> Option<&'t Field> {
        match spec.split_once('.') {
            Some((l, s)) => self.t.field(l)?.field.sub_field(s),
            None => self.t.field(spec).map(|f| f.field),
        }
    }
}
