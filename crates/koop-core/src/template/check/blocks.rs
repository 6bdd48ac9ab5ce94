//! The checks of a block of a document's text: its texts in the scope of its list, the lists it
//! names, and its condition.

use super::Checker;
use crate::template::{BlockSpec, Field, FieldKind};

impl<'t> Checker<'t> {
    pub(super) fn block(&mut self, b: &'t BlockSpec) {
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
}
