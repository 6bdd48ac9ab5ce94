//! What the names in template text and conditions refer to: fields in scope, lists with their
//! sub-fields, lookup columns, entities and their forms, clause references.

use super::Checker;
use crate::template::syntax::{Cond, Filter, Form, PathExpr, Tmpl};
use crate::template::{BODY_ENTITY, EntitySpec, Field, FieldKind};

impl<'t> Checker<'t> {
    /// Loading already refused unknown filters and forms and unbalanced braces; this checks
    /// what the names refer to.
    pub(super) fn text(&mut self, text: &Tmpl, scope: Option<&'t Field>, place: &str) {
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

    pub(super) fn condition(&mut self, cond: &Cond, scope: Option<&'t Field>, place: &str) {
        for atom in cond.atoms() {
            self.path(&atom.path, scope, place);
        }
    }
}
