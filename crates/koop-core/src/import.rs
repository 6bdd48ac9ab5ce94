//! An exported DOCX or ODT comes back: what it carries (`document::printed::Embedded`, read in
//! the export worker) becomes the draft the user may keep, with what the user should know
//! before keeping it: which clauses someone edited in the file (the app does not carry those
//! edits over), and, when it was exported from a draft in the list, which answers differ from
//! that draft.

use crate::context::Context;
use crate::document::printed::{Embedded, Place, edited_places};
use crate::draft::Draft;
use crate::draft::store::{ImportError, decode, import_file};
use crate::template::Catalog;
use crate::validate::changes::{Change, changes};
use crate::value::Datum;

/// A draft in the list the file was exported from (it has the same identity).
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub draft: Draft,
    /// The answers of the file that differ from that draft.
    pub changes: Vec<Change>,
}

/// A document read back, not stored yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// The draft as it is stored when the user keeps it: a new identity where the file's is
    /// taken, named after the file.
    pub draft: Draft,
    /// Places whose text in the file differs from what the draft produces, in document order.
    pub edited: Vec<Place>,
    pub origin: Option<Origin>,
}

impl Incoming {
    /// What the user reads about text edited outside the app, if any.
    pub fn edited_message(&self) -> Option<String> {
        if self.edited.is_empty() {
            return None;
        }
        let places: Vec<String> = self.edited.iter().map(Place::label).collect();
        Some(format!(
            "Im Dokument wurde Text außerhalb des Koop-Assistenten geändert: {}. Diese Änderungen übernimmt der Assistent nicht. Er öffnet die Angaben, aus denen das Dokument erstellt wurde; übertragen Sie geänderte Inhalte bei Bedarf von Hand.",
            join_german(&places)
        ))
    }
}

/// "a", "a und b", "a, b und c".
fn join_german(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} und {last}", init.join(", ")),
    }
}

/// The name of a draft opened from `file_name`: the file's name without its extension.
pub fn name_from_file(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem,
        _ => base,
    };
    stem.trim().to_string()
}

/// Reads what a document carries against the drafts here. `today` is used where the file does
/// not say when it was made. Errors are the draft file's (size, format, schema, template).
#[allow(clippy::too_many_arguments)]
pub fn incoming(
    catalog: &Catalog,
    embedded: &Embedded,
    file_name: &str,
    existing: &[Draft],
    taken_ids: &[&str],
    new_id: &str,
    now_ms: f64,
    today: Datum,
) -> Result<Incoming, ImportError> {
    let known: Vec<&str> = catalog.templates.iter().map(|t| t.id.as_str()).collect();
    let mut taken: Vec<&str> = existing.iter().map(|d| d.id.as_str()).collect();
    taken.extend_from_slice(taken_ids);
    let bytes = embedded.record.as_bytes();
    let mut draft = import_file(bytes, &known, &taken, new_id, now_ms)?.draft;
    let name = name_from_file(file_name);
    if !name.is_empty() {
        draft.name = Some(name);
    }
    let Some(template) = catalog.template(&draft.template) else {
        return Err(ImportError::UnknownTemplate(draft.template));
    };
    // As of the day it was made: the text (and whether it was complete) may depend on the date.
    let made = embedded.created.as_deref().and_then(|c| c.get(..10)).and_then(Datum::parse).unwrap_or(today);
    let ctx = Context::new(template, catalog, &draft, made);
    let doc = crate::document::build(&ctx, crate::validate::validate(&ctx).completeness());
    let edited = if embedded.has_body { edited_places(&doc, &embedded.paragraphs) } else { Vec::new() };
    let original = decode(&embedded.record).map(|d| d.id).ok();
    let origin = original.and_then(|id| existing.iter().find(|d| d.id == id && d.template == draft.template)).map(|old| {
        let (old_ctx, new_ctx) = (Context::new(template, catalog, old, today), Context::new(template, catalog, &draft, today));
        Origin { draft: old.clone(), changes: changes(&old_ctx, &new_ctx) }
    });
    Ok(Incoming { draft, edited, origin })
}
