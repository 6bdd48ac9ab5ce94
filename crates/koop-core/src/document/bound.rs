//! Documents bound to the agreement's draft (`[[documents]]` of a template, the council's
//! Beschlussvorlage): the public bodies each can be made for, and the document for one of them.
//! The same builder prints them into the same model as the agreement, so the preview and every
//! renderer show them without knowing what they are.

use super::{Document, build};
use crate::context::{BodyKey, Context};
use crate::eval;
use crate::template::syntax::Tmpl;
use crate::template::{Field, Template};
use crate::validate::{Completeness, Report};
use crate::value::{Inline, ascii_file_part, plain};

/// A body a bound document can be made for, as the UI offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub key: BodyKey,
    /// "Landkreis Zwickau", "Stadt Crimmitschau"; while the name is missing, what is missing
    /// ("Stadt oder Gemeinde 2").
    pub label: String,
}

/// The bodies `document` can be made for, in the template's order (for a list, its entries').
/// Empty if the template has no such document.
pub fn bodies(ctx: &Context<'_>, document: &str) -> Vec<Body> {
    let Some(doc) = ctx.template.documents.iter().find(|d| d.id == document) else { return Vec::new() };
    let titel = Tmpl::try_from(format!("{{{}.titel}}", crate::template::BODY_ENTITY)).unwrap_or_default();
    let mut out = Vec::new();
    for spec in &doc.bodies {
        let keys: Vec<(BodyKey, Option<String>)> = match spec.each.as_deref().and_then(|l| ctx.field(l)) {
            None => vec![(BodyKey { entity: spec.entity.clone(), entry: None }, None)],
            Some(list) => ctx
                .draft
                .entry_list(list)
                .iter()
                .enumerate()
                .map(|(n, e)| {
                    let item = list.item_label.as_deref().unwrap_or(&list.label);
                    (BodyKey { entity: spec.entity.clone(), entry: Some(e.id) }, Some(format!("{item} {}", n + 1)))
                })
                .collect(),
        };
        for (key, unnamed) in keys {
            let Some(bound) = ctx.for_body(document, &key) else { continue };
            let text = eval::eval(&bound, None, None, &titel);
            let complete = text.iter().all(|i| matches!(i, Inline::Text(_)));
            let label = match unnamed {
                Some(item) if !complete => item,
                _ => plain(&text),
            };
            out.push(Body { key, label });
        }
    }
    out
}

/// `document` made for `body`; `None` if the template has no such document or the draft no
/// such body. `completeness` is the draft's (a gap anywhere makes it an ENTWURF).
pub fn build_for(ctx: &Context<'_>, document: &str, body: &BodyKey, completeness: Completeness) -> Option<Document> {
    ctx.for_body(document, body).map(|bound| build(&bound, completeness))
}

/// `build_for`, keeping from `cache` what did not change since the last build (the live
/// preview; `build_cached`). One cache serves any document and body: another one clears it.
pub fn build_for_cached(
    ctx: &Context<'_>,
    document: &str,
    body: &BodyKey,
    completeness: Completeness,
    cache: &mut super::BuildCache,
) -> Option<Document> {
    ctx.for_body(document, body).map(|bound| super::build_cached(&bound, completeness, cache))
}

/// `document` for every body, in the order of [`bodies`] (the files of one ZIP), each an
/// ENTWURF as the report says for it ([`Report::completeness_of`]).
pub fn build_all(ctx: &Context<'_>, document: &str, report: &Report) -> Vec<Document> {
    bodies(ctx, document).iter().filter_map(|b| build_for(ctx, document, &b.key, report.completeness_of(document, &b.key))).collect()
}

/// One answer of a bound document, as the UI asks it.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'t> {
    pub field: &'t Field,
    /// For a body that is a list entry: the list (the answer is a sub-field of the entry).
    pub list: Option<&'t Field>,
    /// The step it belongs to (where the document is made).
    pub step: usize,
}

/// The answers `document` asks of `body`, in the template's order: for a body that is a list
/// entry its sub-fields marked with the document, else the top-level fields marked with it.
/// Empty if the template has no such document or body.
pub fn answers<'t>(template: &'t Template, document: &str, body: &BodyKey) -> Vec<Answer<'t>> {
    let Some(spec) = template.documents.iter().find(|d| d.id == document).and_then(|d| d.bodies.iter().find(|b| b.entity == body.entity))
    else {
        return Vec::new();
    };
    let mine = |f: &Field| f.document.as_deref() == Some(document);
    match (spec.each.as_deref(), body.entry) {
        (Some(list), Some(_)) => template
            .field(list)
            .map(|l| {
                let answer = |f| Answer { field: f, list: Some(l.field), step: template.asked_in(f, l.step) };
                l.field.fields.iter().filter(|f| mine(f)).map(answer).collect()
            })
            .unwrap_or_default(),
        (None, None) => template
            .fields()
            .filter(|f| mine(f.field))
            .map(|f| Answer { field: f.field, list: None, step: template.asked_in(f.field, f.step) })
            .collect(),
        _ => Vec::new(),
    }
}

/// The file name of `document` for every body together, as one ZIP ("…_2026-11-22.zip"; a
/// missing answer is named "Entwurf", like the agreement's file). `None` if the template has no
/// such document.
pub fn zip_name(ctx: &Context<'_>, document: &str) -> Option<String> {
    let doc = ctx.template.documents.iter().find(|d| d.id == document)?;
    let ctx = ctx.agreement();
    let stem: String = eval::eval(&ctx, None, None, &doc.zip_name)
        .into_iter()
        .map(|i| match i {
            Inline::Text(t) => t,
            Inline::Gap { .. } => "Entwurf".to_string(),
        })
        .collect();
    let stem = ascii_file_part(&stem);
    let stem = if stem.is_empty() { ascii_file_part(&doc.title) } else { stem };
    Some(format!("{stem}_{}.zip", ctx.today.iso()))
}

/// What a build cache keeps apart: the agreement, and each bound document for each body.
pub(crate) fn cache_key(ctx: &Context<'_>) -> String {
    match (ctx.document_id(), ctx.body()) {
        (Some(doc), Some(body)) => format!("{}/{doc}/{body}", ctx.template.id),
        _ => ctx.template.id.clone(),
    }
}
