//! Every answer as the user reads it: the review step (all answers on one page, each with the
//! way back to its field), and the wording of a multi field's choices and of a list entry that
//! the change list of a returned document (`import`) reuses.

use crate::context::Context;
use crate::draft::Entry;
use crate::template::{Field, FieldKind, StepKind};
use crate::validate::Report;
use crate::value::FieldPath;

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub label: String,
    /// The answer as the user reads it; empty when not given.
    pub value: String,
    pub path: FieldPath,
    pub step: usize,
    /// The first problem of this answer, if any.
    pub issue: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewSection {
    pub step: usize,
    pub title: String,
    pub rows: Vec<ReviewRow>,
}

pub fn review(ctx: &Context<'_>, report: &Report) -> Vec<ReviewSection> {
    let mut out = Vec::new();
    for (step, s) in ctx.template.steps.iter().enumerate() {
        if s.kind == StepKind::Review {
            continue;
        }
        let mut rows = Vec::new();
        for f in &s.fields {
            let path = FieldPath::field(&f.id);
            let issue = report.first_for(&path).map(|i| i.message.clone());
            match f.kind {
                FieldKind::Multi => rows.push(ReviewRow { label: f.label.clone(), value: chosen(ctx, f), path, step, issue }),
                FieldKind::List => {
                    let entries = ctx.entries(f);
                    if entries.is_empty() || issue.is_some() {
                        rows.push(ReviewRow { label: f.label.clone(), value: String::new(), path, step, issue });
                    }
                    let item = f.item_label.as_deref().unwrap_or("Eintrag");
                    for (n, e) in entries.iter().enumerate() {
                        // Point at the first faulty sub-field, else the first one (of the
                        // agreement's: a bound document's answers are asked where it is made).
                        let sub_paths = f.fields.iter().filter(|sub| sub.document.is_none()).map(|sub| FieldPath::Entry {
                            list: f.id.clone(),
                            entry: e.id,
                            sub: sub.id.clone(),
                        });
                        let faulty = sub_paths.clone().find_map(|p| {
                            let message = report.first_for(&p).map(|i| i.message.clone());
                            message.map(|m| (p, m))
                        });
                        let (path, issue) = match faulty {
                            Some((p, m)) => (p, Some(m)),
                            None => (sub_paths.clone().next().unwrap_or_else(|| FieldPath::field(&f.id)), None),
                        };
                        rows.push(ReviewRow { label: format!("{item} {}", n + 1), value: entry_summary(ctx, f, e), path, step, issue });
                    }
                }
                _ => {
                    let value = ctx.display(f, &ctx.text(f));
                    rows.push(ReviewRow { label: f.label.clone(), value, path, step, issue });
                }
            }
        }
        out.push(ReviewSection { step, title: s.title.clone(), rows });
    }
    out
}

/// A multi field's chosen options as the user reads them: "Bildung, Gesundheit".
pub fn chosen(ctx: &Context<'_>, field: &Field) -> String {
    ctx.set(field).iter().filter_map(|v| field.option_label(v)).collect::<Vec<_>>().join(", ")
}

/// A list entry's answers in one line, the empty ones and those of a bound document (its
/// Beschlussvorlage) left out.
pub fn entry_summary(ctx: &Context<'_>, list: &Field, entry: &Entry) -> String {
    list.fields
        .iter()
        .filter(|sub| sub.document.is_none())
        .map(|sub| ctx.display(sub, &ctx.entry_text(list, entry, sub)))
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}
