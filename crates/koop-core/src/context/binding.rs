//! Which document a context builds: the agreement, or a bound document (`[[documents]]`) for
//! one public body. For a body that is a list entry (a Stadt of the Sozialraum), the document's
//! text sees that entry's sub-fields first, so its own answers (Vorlagennummer, Sitzung) are
//! the entry's; `{koerperschaft.…}` is the body, whatever the entity is called.

use super::Context;
use crate::draft::Entry;
use crate::template::syntax::Tmpl;
use crate::template::{BODY_ENTITY, BlockSpec, BodySpec, BoundDocument, EntitySpec, Field, MetaSpec};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A body a bound document can be made for: the entity, and for a list's entity the entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BodyKey {
    pub entity: String,
    pub entry: Option<u32>,
}

impl fmt::Display for BodyKey {
    /// "landkreis", "gemeinde-1003": a value for the UI's choice.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.entry {
            Some(e) => write!(f, "{}-{e}", self.entity),
            None => f.write_str(&self.entity),
        }
    }
}

impl std::str::FromStr for BodyKey {
    type Err = ();

    fn from_str(s: &str) -> Result<BodyKey, ()> {
        match s.rsplit_once('-').map(|(e, n)| (e, n.parse::<u32>())) {
            Some((entity, Ok(entry))) if !entity.is_empty() => Ok(BodyKey { entity: entity.to_string(), entry: Some(entry) }),
            _ if !s.is_empty() => Ok(BodyKey { entity: s.to_string(), entry: None }),
            _ => Err(()),
        }
    }
}

/// The bound document and its body.
#[derive(Clone)]
pub(crate) struct Binding<'a> {
    document: &'a BoundDocument,
    body: &'a BodySpec,
    entity: &'a EntitySpec,
    /// The body's list entry (a copy: the default entries of a list are not stored).
    entry: Option<(&'a Field, Entry)>,
}

/// What the builder reads of the document a context builds.
pub struct DocumentParts<'a> {
    /// `None` for the agreement.
    pub id: Option<&'a str>,
    pub blocks: &'a [BlockSpec],
    pub section_suffix: &'a str,
    pub meta: &'a MetaSpec,
    pub file_name: &'a Tmpl,
    /// The file name's stem while the template's has nothing to say yet.
    pub fallback_name: &'a str,
}

impl<'a> Context<'a> {
    /// The same draft seen for document `document` (a `[[documents]]` id) made for `body`;
    /// `None` if the template has no such document or the draft no such body.
    pub fn for_body(&self, document: &str, body: &BodyKey) -> Option<Context<'a>> {
        let document = self.template.documents.iter().find(|d| d.id == document)?;
        let spec = document.bodies.iter().find(|b| b.entity == body.entity)?;
        let entity = self.template.entities.get(&spec.entity)?;
        let entry = match (spec.each.as_deref(), body.entry) {
            (None, None) => None,
            (Some(list), Some(id)) => {
                let list = self.field(list)?;
                let entry = self.draft.entry_list(list).iter().find(|e| e.id == id)?.clone();
                Some((list, entry))
            }
            _ => return None,
        };
        let mut ctx = self.agreement();
        ctx.binding = Some(Binding { document, body: spec, entity, entry });
        Some(ctx)
    }

    /// The same draft seen for the agreement.
    pub fn agreement(&self) -> Context<'a> {
        Context::new(self.template, self.catalog, self.draft, self.today)
    }

    /// The bound document's id, `None` for the agreement.
    pub fn document_id(&self) -> Option<&'a str> {
        self.binding.as_ref().map(|b| b.document.id.as_str())
    }

    /// The body a bound document is made for.
    pub fn body(&self) -> Option<BodyKey> {
        let b = self.binding.as_ref()?;
        Some(BodyKey { entity: b.body.entity.clone(), entry: b.entry.as_ref().map(|(_, e)| e.id) })
    }

    pub fn document_parts(&self) -> DocumentParts<'a> {
        match &self.binding {
            None => DocumentParts {
                id: None,
                blocks: &self.template.document.blocks,
                section_suffix: &self.template.document.section_suffix,
                meta: &self.template.meta,
                file_name: &self.template.file_name,
                fallback_name: "Kooperationsvereinbarung",
            },
            Some(b) => DocumentParts {
                id: Some(&b.document.id),
                blocks: &b.document.blocks,
                section_suffix: &b.document.section_suffix,
                meta: &b.document.meta,
                file_name: &b.document.file_name,
                fallback_name: &b.document.title,
            },
        }
    }

    /// The list entry a bound document's text sees first (noted as a read of the list's entries:
    /// the printed block depends on the entry being there; its values are noted as they are read).
    pub(crate) fn base_scope(&self) -> Option<(&Field, &Entry)> {
        let (list, entry) = self.binding.as_ref()?.entry.as_ref()?;
        self.note(|| super::Key::entries(&list.id));
        Some((*list, entry))
    }

    /// `{koerperschaft.…}`: the body's entity and how its head is addressed.
    pub(crate) fn bound_entity(&self, name: &str) -> Option<(&'a EntitySpec, &'a BodySpec)> {
        self.binding.as_ref().filter(|_| name == BODY_ENTITY).map(|b| (b.entity, b.body))
    }
}
