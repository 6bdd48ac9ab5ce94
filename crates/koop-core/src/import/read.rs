//! Reading a returned document against the drafts here: what it carries
//! (`document::printed::Embedded`, read in the export worker) becomes the draft the user may
//! keep, with what the user should know before keeping it.

use super::changes::changes;
use super::{Origin, Refused, Returned, ReturnedChange};
use crate::context::Context;
use crate::document::bound;
use crate::document::printed::{Embedded, Place, edited_places};
use crate::draft::Draft;
use crate::draft::store::{ImportError, decode, encode_file, import_file};
use crate::template::Catalog;
use crate::value::Datum;
use crate::value::grammar::aufzaehlung;

/// The drafts here that a returned document is read against.
pub struct Here<'a> {
    /// The listed draft the file may have come from (same identity): compared with.
    pub existing: &'a [Draft],
    /// Identities in use besides those (quarantined records).
    pub taken: &'a [&'a str],
    /// The identity the draft gets where its own is taken.
    pub new_id: &'a str,
    pub now_ms: f64,
    /// Used where the file does not say when it was made, and for the names shown.
    pub today: Datum,
}

/// Reads what a document carries against the drafts here. It is refused where its draft would
/// be refused as a draft file (size, format, schema, template).
pub fn returned(catalog: &Catalog, embedded: &Embedded, file_name: &str, here: &Here<'_>) -> Result<Returned, Refused> {
    let known: Vec<&str> = catalog.template_ids().collect();
    let mut taken: Vec<&str> = here.existing.iter().map(|d| d.id.as_str()).collect();
    taken.extend_from_slice(here.taken);
    let bytes = embedded.record.as_bytes();
    let mut draft = import_file(bytes, &known, &taken, here.new_id, here.now_ms).map_err(Refused::Import)?.draft;
    let name = name_from_file(file_name);
    if !name.is_empty() {
        draft.name = Some(name);
    }
    let Some(template) = catalog.template(&draft.template) else {
        return Err(Refused::Import(ImportError::UnknownTemplate(draft.template)));
    };
    // As of the day it was made: the text (and whether it was complete) may depend on the date.
    let made = embedded.created.as_deref().and_then(|c| c.get(..10)).and_then(Datum::parse).unwrap_or(here.today);
    let ctx = Context::new(template, catalog, &draft, made);
    // A PDF's text is not read back (`Embedded::has_body`): nothing in it counts as edited.
    let edited = if embedded.has_body { edited_message(&edited(&ctx, &embedded.paragraphs)) } else { None };
    let original = decode(&embedded.record).map(|d| d.id).ok();
    let origin = original.and_then(|id| here.existing.iter().find(|d| d.id == id && d.template == draft.template)).map(|old| {
        let (old_ctx, new_ctx) = (Context::new(template, catalog, old, here.today), Context::new(template, catalog, &draft, here.today));
        let changes = changes(&old_ctx, &new_ctx)
            .into_iter()
            .map(|c| ReturnedChange { label: c.label, old: c.old, new: c.new, step: c.step, anchor: c.path.anchor() })
            .collect();
        Origin { name: old_ctx.draft_name(), changes }
    });
    let record = encode_file(&draft).map_err(|e| Refused::Other(e.message()))?;
    Ok(Returned { record, name: draft.name.clone().unwrap_or_default(), edited, origin })
}

/// The places edited outside the app. The file may be the agreement or a bound document (a
/// Beschlussvorlage, for one of its bodies): it is compared with the one it reads most like.
fn edited(ctx: &Context<'_>, paragraphs: &[String]) -> Vec<Place> {
    let report = crate::validate::validate(ctx);
    let agreement = edited_places(&crate::document::build(ctx, report.completeness()), paragraphs);
    if agreement.is_empty() {
        return agreement;
    }
    let bound = ctx.template.documents.iter().flat_map(|d| bound::build_all(ctx, &d.id, &report));
    bound.map(|doc| edited_places(&doc, paragraphs)).fold(agreement, |best, e| if e.len() < best.len() { e } else { best })
}

/// What the user reads about text edited outside the app, if any.
fn edited_message(places: &[Place]) -> Option<String> {
    if places.is_empty() {
        return None;
    }
    let places: Vec<String> = places.iter().map(Place::label).collect();
    Some(format!(
        "Im Dokument wurde Text außerhalb des Koop-Assistenten geändert: {}. Diese Änderungen übernimmt der Assistent nicht. Er öffnet die Angaben, aus denen das Dokument erstellt wurde; übertragen Sie geänderte Inhalte bei Bedarf von Hand.",
        aufzaehlung(&places)
    ))
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
