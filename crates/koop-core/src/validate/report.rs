//! The report: every problem of a draft, and what it means for each document. The agreement
//! counts only its own answers; a bound document (the Beschlussvorlage of one body) counts the
//! agreement's and its own, so an invalid optional Vorlage answer never makes the agreement an
//! ENTWURF.

use crate::context::{BodyKey, Context};
use crate::template::Severity;
use crate::value::FieldPath;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    pub path: FieldPath,
    pub step: usize,
    /// The label of the field, for the error summary.
    pub label: String,
    pub message: String,
    pub severity: Severity,
    /// A correction the user can apply with one click.
    pub fix: Option<Fix>,
    /// Whose answer this is: `None` for the agreement's, else a bound document's.
    pub owner: Option<Owner>,
}

/// The bound document an answer belongs to (`document = "…"` on its field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Owner {
    /// The document's id (`[[documents]]`).
    pub document: String,
    /// The body whose answer it is, for a sub-field of a list the document is made per entry
    /// of; `None` for a top-level answer (the body that is not a list entry).
    pub body: Option<BodyKey>,
}

/// A proposed new text for the field of an issue ("Gotha" for "Landkreis Gotha").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub value: String,
}

impl Fix {
    /// The button text: „Gotha“ übernehmen.
    pub fn label(&self) -> String {
        format!("„{}“ übernehmen", self.value)
    }
}

/// Whether any error is left (warnings do not count): an incomplete document prints as ENTWURF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    Complete,
    Incomplete,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Report {
    pub issues: Vec<Issue>,
}

impl Report {
    /// Issues shown at one input: errors first.
    pub fn for_path<'r>(&'r self, path: &'r FieldPath) -> impl Iterator<Item = &'r Issue> + 'r {
        self.issues.iter().filter(move |i| &i.path == path)
    }

    pub fn first_for<'r>(&'r self, path: &'r FieldPath) -> Option<&'r Issue> {
        self.for_path(path).find(|i| i.severity == Severity::Error).or_else(|| self.for_path(path).next())
    }

    /// The agreement's errors (a bound document's answers are not the agreement's).
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error && i.owner.is_none())
    }

    /// How many required answers of a step are still open or invalid.
    pub fn open_in_step(&self, step: usize) -> usize {
        self.errors().filter(|i| i.step == step).count()
    }

    pub fn step_errors(&self, step: usize) -> impl Iterator<Item = &Issue> {
        self.errors().filter(move |i| i.step == step)
    }

    /// Whether the agreement has no error left.
    pub fn is_complete(&self) -> bool {
        self.errors().next().is_none()
    }

    /// What the agreement needs to know of the report.
    pub fn completeness(&self) -> Completeness {
        if self.is_complete() { Completeness::Complete } else { Completeness::Incomplete }
    }

    /// The agreement's errors.
    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    /// The errors of `document`'s own answers for `body`.
    pub fn own_errors<'r>(&'r self, document: &'r str, body: &'r BodyKey) -> impl Iterator<Item = &'r Issue> + 'r {
        self.issues.iter().filter(move |i| {
            i.severity == Severity::Error
                && i.owner.as_ref().is_some_and(|o| o.document == document && o.body.as_ref().map_or(body.entry.is_none(), |b| b == body))
        })
    }

    /// What `document` made for `body` needs to know: complete when the agreement (its Anlage)
    /// and its own answers are.
    pub fn completeness_of(&self, document: &str, body: &BodyKey) -> Completeness {
        if self.is_complete() && self.own_errors(document, body).next().is_none() {
            Completeness::Complete
        } else {
            Completeness::Incomplete
        }
    }
}

/// Marks the issues of a bound document's answers with their owner; they are asked where that
/// document is made (the review step), so that is their step.
pub(super) fn assign_owners(ctx: &Context<'_>, issues: &mut [Issue]) {
    for issue in issues {
        let Some(document) = ctx.template.document_of(&issue.path) else { continue };
        let body = match &issue.path {
            FieldPath::Entry { list, entry, .. } => ctx
                .template
                .documents
                .iter()
                .filter(|d| d.id == document)
                .flat_map(|d| &d.bodies)
                .find(|b| b.each.as_deref() == Some(list.as_str()))
                .map(|b| BodyKey { entity: b.entity.clone(), entry: Some(*entry) }),
            FieldPath::Field(_) => None,
        };
        issue.owner = Some(Owner { document: document.to_string(), body });
        issue.step = ctx.template.review_step().unwrap_or(issue.step);
    }
}
