//! What differs between two versions of one draft (a draft in the list and the copy that comes
//! back in an exported file): answer by answer, as the user reads them, each with the way to
//! its field. Values in effect are compared (a default counts as the answer), so a field that
//! one copy left at its default and the other typed identically is no change.

use crate::context::Context;
use crate::draft::Entry;
use crate::review::{chosen, entry_summary};
use crate::template::{Field, FieldKind};
use crate::value::FieldPath;

/// One answer that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// "Vertragsnummer", "Ansprechperson 2 – E-Mail".
    pub label: String,
    /// As the user reads it; empty where not given (or the entry is new).
    pub old: String,
    pub new: String,
    /// The field in the newer version.
    pub path: FieldPath,
    pub step: usize,
}

/// The answers of `new` that differ from `old`, in the order of the steps. Both drafts must be
/// of the same template; list entries are matched by their identity, so a moved entry is not a
/// change of every entry after it.
pub fn changes(old: &Context<'_>, new: &Context<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    // The review step asks no answer of the agreement; the answers it holds are the bound
    // documents' (the Beschlussvorlage's), and they count like every other.
    for (step, s) in new.template.steps.iter().enumerate() {
        for f in &s.fields {
            let mut push = |label: String, o: String, n: String, path: FieldPath| {
                if o != n {
                    out.push(Change { label, old: o, new: n, path, step });
                }
            };
            match f.kind {
                FieldKind::List => list(old, new, f, step, &mut out),
                FieldKind::Multi => push(f.label.clone(), chosen(old, f), chosen(new, f), FieldPath::field(&f.id)),
                _ => push(f.label.clone(), old.display(f, &old.text(f)), new.display(f, &new.text(f)), FieldPath::field(&f.id)),
            }
        }
    }
    out
}

fn list(old: &Context<'_>, new: &Context<'_>, f: &Field, step: usize, out: &mut Vec<Change>) {
    let item = f.item_label.as_deref().unwrap_or("Eintrag");
    let (before, after) = (old.entries(f), new.entries(f));
    let first_sub = |e: &Entry| {
        f.fields
            .first()
            .map_or_else(|| FieldPath::field(&f.id), |sub| FieldPath::Entry { list: f.id.clone(), entry: e.id, sub: sub.id.clone() })
    };
    for (n, e) in after.iter().enumerate() {
        match before.iter().find(|b| b.id == e.id) {
            Some(b) => {
                for sub in &f.fields {
                    let (o, v) = (old.display(sub, &old.entry_text(f, b, sub)), new.display(sub, &new.entry_text(f, e, sub)));
                    if o != v {
                        out.push(Change {
                            label: format!("{item} {} – {}", n + 1, sub.label),
                            old: o,
                            new: v,
                            path: FieldPath::Entry { list: f.id.clone(), entry: e.id, sub: sub.id.clone() },
                            step,
                        });
                    }
                }
            }
            None => out.push(Change {
                label: format!("{item} {} (neu)", n + 1),
                old: String::new(),
                new: entry_summary(new, f, e),
                path: first_sub(e),
                step,
            }),
        }
    }
    for (n, b) in before.iter().enumerate().filter(|(_, b)| !after.iter().any(|e| e.id == b.id)) {
        out.push(Change {
            label: format!("{item} {} (entfernt)", n + 1),
            old: entry_summary(old, f, b),
            new: String::new(),
            path: FieldPath::field(&f.id),
            step,
        });
    }
}
