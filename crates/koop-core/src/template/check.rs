//! Proves a template consistent: every placeholder, condition, rule, entity and cross-reference
//! points at something defined, and defaults do not depend on each other in a circle. A broken
//! template fails the tests instead of printing "{kommune.dtv}" into an agreement.

mod documents;

use crate::template::syntax::{Cond, Filter, Form, PathExpr, Tmpl};
use crate::template::{BODY_ENTITY, BlockSpec, BodySpec, Catalog, EntitySpec, Field, FieldKind, RuleKind, StepKind, Template};
use crate::value::grammar::{Anrede, Kommunenart};
use std::collections::{BTreeMap, BTreeSet};

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

    fn field(&mut self, f: &'t Field, list: Option<&'t Field>) {
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

    fn block(&mut self, b: &'t BlockSpec) {
        let t = self.t;
        let list = |name: &Option<String>| name.as_deref().and_then(|n| t.field(n)).map(|f| f.field);
        let when = match b {
            BlockSpec::Title { text, when } | BlockSpec::Subtitle { text, when } | BlockSpec::Heading { text, when } => {
                self.text(text, self.base, "heading");
                when
            }
            BlockSpec::Paragraph { text, when, .. } | BlockSpec::Clause { text, when, .. } => {
                self.text(text, self.base, &format!("text „{}…“", text.source().chars().take(40).collect::<String>()));
                when
            }
            BlockSpec::Section { title, when, .. } | BlockSpec::Subsection { title, when, .. } => {
                self.text(title, self.base, "section title");
                when
            }
            BlockSpec::Party { lines, alias, each, when } => {
                let scope = self.list_ref(each, "party block").or(self.base);
                for l in lines.iter().chain(alias) {
                    self.text(l, scope, "party block");
                }
                when
            }
            BlockSpec::Bullets { items, from, each, item, group_by, group, when } => {
                for i in items {
                    self.text(i, self.base, "bullet");
                }
                if let Some(f) = from
                    && !t.field(f).is_some_and(|f| f.field.kind == FieldKind::Multi)
                {
                    self.err(format!("bullets from '{f}': not a multi field"));
                }
                let scope = self.list_ref(each, "bullets").or(self.base);
                if let Some(i) = item {
                    self.text(i, scope, "bullet item");
                }
                if let Some(g) = group {
                    self.text(g, scope, "bullet group");
                }
                if let Some(k) = group_by
                    && list(each).is_none_or(|l| l.sub_field(k).is_none())
                {
                    self.err(format!("bullets grouped by unknown sub-field '{k}'"));
                }
                if each.is_some() != item.is_some() {
                    self.err("bullets: 'each' and 'item' go together".into());
                }
                when
            }
            BlockSpec::Contacts { each, item, when } => {
                let scope = self.list_ref(&Some(each.clone()), "contacts");
                self.text(item, scope, "contacts");
                when
            }
            BlockSpec::Signatures { parties, when } => {
                for p in parties {
                    let scope = self.list_ref(&p.each, "signature").or(self.base);
                    self.text(&p.party, scope, "signature party");
                    self.text(&p.place, scope, "signature place");
                    let sig_scope = self.list_ref(&p.signatories, "signatories").or(scope);
                    self.text(&p.signatory, sig_scope, "signatory");
                }
                when
            }
        };
        if let Some(w) = when {
            self.condition(w, self.base, "block condition");
        }
    }

    fn list_ref(&mut self, name: &Option<String>, place: &str) -> Option<&'t Field> {
        let n = name.as_deref()?;
        match self.t.field(n) {
            Some(f) if f.field.kind == FieldKind::List => Some(f.field),
            _ => {
                self.err(format!("{place}: '{n}' is not a list field"));
                None
            }
        }
    }

    /// Loading already refused unknown filters and forms and unbalanced braces; this checks
    /// what the names refer to.
    fn text(&mut self, text: &Tmpl, scope: Option<&'t Field>, place: &str) {
        for p in text.placeholders() {
            let is_list = self.path(&p.path, scope, place);
            let list_filter = p.filters.first().filter(|f| matches!(f.filter, Filter::List | Filter::Join) && !f.args.is_empty());
            if is_list && list_filter.is_none() {
                self.err(format!("{place}: list field '{}' needs a 'list:sub-field' filter", p.path));
            }
            if let Some(f) = list_filter.filter(|_| is_list) {
                let sub = &f.args[0];
                let ok = self.field_in_scope(p.path.head(), scope).is_some_and(|l| l.sub_field(sub).is_some());
                if !ok {
                    self.err(format!("{place}: list '{}' has no sub-field '{sub}'", p.path));
                }
            }
        }
    }

    fn field_in_scope(&self, name: &str, scope: Option<&'t Field>) -> Option<&'t Field> {
        scope.and_then(|l| l.sub_field(name)).or_else(|| self.t.field(name).map(|f| f.field))
    }

    /// Checks one placeholder path; returns whether it names a list field.
    fn path(&mut self, path: &PathExpr, scope: Option<&'t Field>, place: &str) -> bool {
        match path {
            PathExpr::Ref(id) => {
                if !self.ids.contains(id) {
                    self.err(format!("{place}: reference to unknown clause '{id}'"));
                }
                false
            }
            PathExpr::Today | PathExpr::Year => false,
            PathExpr::Lookup { field, column } => {
                match self.field_in_scope(field, scope) {
                    Some(f) => match f.lookup.as_deref().and_then(|l| self.catalog.lookup(l)) {
                        Some(l) if l.columns.iter().any(|c| c == column) || column == "name" => {}
                        _ => self.err(format!("{place}: '{path}': no lookup column '{column}'")),
                    },
                    None => self.err(format!("{place}: unknown field in '{path}'")),
                }
                false
            }
            PathExpr::Entity { entity, form } => {
                let (spec, bound) = match self.body {
                    Some(b) if entity == BODY_ENTITY => (self.t.entities.get(&b.entity), true),
                    _ => (self.t.entities.get(entity), false),
                };
                match spec {
                    Some(EntitySpec::Koerperschaft { .. }) if Form::LEITUNG.contains(form) && !bound => self.err(format!(
                        "{place}: '{}' needs the form of address of the head: only {{{BODY_ENTITY}.{}}} of a bound document has it",
                        form.name(),
                        form.name()
                    )),
                    Some(EntitySpec::Koerperschaft { .. }) if Form::KOERPERSCHAFT.contains(form) => {}
                    Some(EntitySpec::Person { .. }) if Form::PERSON.contains(form) => {}
                    Some(_) => self.err(format!("{place}: entity '{entity}' has no form '{}'", form.name())),
                    None => self.err(format!("{place}: unknown entity '{entity}'")),
                }
                false
            }
            PathExpr::Field(name) => match self.field_in_scope(name, scope) {
                Some(f) => f.kind == FieldKind::List,
                None => {
                    self.err(format!("{place}: unknown field '{name}'"));
                    false
                }
            },
        }
    }

    fn condition(&mut self, cond: &Cond, scope: Option<&'t Field>, place: &str) {
        for atom in cond.atoms() {
            self.path(&atom.path, scope, place);
        }
    }

    fn default_cycles(&mut self) {
        let t = self.t;
        let mut deps: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for f in t.fields() {
            let mut d = Vec::new();
            for case in &f.field.default {
                d.extend(case.value.placeholders().map(|p| p.path.head().to_string()));
                if let Some(w) = &case.when {
                    d.extend(w.atoms().iter().map(|a| a.path.head().to_string()));
                }
            }
            deps.insert(&f.field.id, d);
        }
        fn visit<'a>(
            n: &'a str,
            deps: &'a BTreeMap<&str, Vec<String>>,
            stack: &mut Vec<&'a str>,
            done: &mut BTreeSet<&'a str>,
        ) -> Option<String> {
            if stack.contains(&n) {
                return Some(format!("{} -> {n}", stack.join(" -> ")));
            }
            if done.contains(n) {
                return None;
            }
            stack.push(n);
            for d in deps.get(n).into_iter().flatten() {
                if let Some(c) = visit(d, deps, stack, done) {
                    return Some(c);
                }
            }
            stack.pop();
            done.insert(n);
            None
        }
        let mut done = BTreeSet::new();
        for n in deps.keys() {
            if let Some(cycle) = visit(n, &deps, &mut Vec::new(), &mut done) {
                self.err(format!("defaults depend on each other in a circle: {cycle}"));
                break;
            }
        }
    }
}
