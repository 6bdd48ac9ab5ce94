//! The template's cross-field rules: a condition, a date after another, a value from a list,
//! unique values, list entries no other value names.

use super::Issue;
use crate::context::Context;
use crate::draft::Entry;
use crate::eval;
use crate::template::{Field, FieldKind, Rule, RuleKind};
use crate::value::Datum;
use crate::value::FieldPath;
use std::borrow::Cow;
use std::collections::HashSet;

/// The fields a rule addresses: "field" or "list.sub" (every entry).
enum RuleFields<'t> {
    Field(&'t Field),
    Sub { list: &'t Field, sub: &'t Field },
}

fn target<'t>(ctx: &Context<'t>, spec: &str) -> Option<RuleFields<'t>> {
    match spec.split_once('.') {
        Some((list, sub)) => {
            let list = ctx.field(list)?;
            Some(RuleFields::Sub { list, sub: list.sub_field(sub)? })
        }
        None => ctx.field(spec).map(RuleFields::Field),
    }
}

/// (path, raw value, entry) of every value a target addresses. Entries are borrowed from the
/// draft where it stores them: a rule over a long list runs on every keystroke in it.
fn values<'t>(ctx: &Context<'t>, t: &RuleFields<'t>) -> Vec<(FieldPath, String, Option<Cow<'t, Entry>>)> {
    match t {
        RuleFields::Field(f) => vec![(FieldPath::field(&f.id), ctx.text(f), None)],
        RuleFields::Sub { list, sub } => {
            let one = |e: Cow<'t, Entry>| {
                let path = FieldPath::Entry { list: list.id.clone(), entry: e.id, sub: sub.id.clone() };
                (path, ctx.entry_text(list, &e, sub), Some(e))
            };
            match ctx.entries(list) {
                Cow::Borrowed(es) => es.iter().map(|e| one(Cow::Borrowed(e))).collect(),
                Cow::Owned(es) => es.into_iter().map(|e| one(Cow::Owned(e))).collect(),
            }
        }
    }
}

/// Checks one rule of the template.
pub(super) fn check_rule(ctx: &Context<'_>, rule: &Rule, issues: &mut Vec<Issue>) {
    let Some(t) = target(ctx, &rule.field) else { return };
    let (step, label) = match &t {
        RuleFields::Field(f) => (ctx.step_of(&f.id), f.label.clone()),
        RuleFields::Sub { list, sub } => (ctx.step_of(&list.id), sub.label.clone()),
    };
    let list_field = match &t {
        RuleFields::Sub { list, .. } => Some(*list),
        RuleFields::Field(_) => None,
    };
    let mut push = |path: FieldPath, entry: Option<&Entry>| {
        let scope = list_field.zip(entry);
        let message = eval::plain_text(ctx, scope, &rule.message).unwrap_or_else(|| rule.message.source().to_string());
        issues.push(Issue { path, step, label: label.clone(), message, severity: rule.severity, fix: None });
    };
    match rule.kind {
        RuleKind::Condition => {
            for (path, _, entry) in values(ctx, &t) {
                let scope = list_field.zip(entry.as_deref());
                if rule.when.as_ref().is_some_and(|c| eval::condition(ctx, scope, c)) {
                    push(path, entry.as_deref());
                }
            }
        }
        RuleKind::DateAfter => {
            let other = rule.other.as_deref().and_then(|o| ctx.field(o)).and_then(|o| Datum::parse(&ctx.text(o)));
            for (path, raw, entry) in values(ctx, &t) {
                if let (Some(d), Some(o)) = (Datum::parse(&raw), other)
                    && d <= o
                {
                    push(path, entry.as_deref());
                }
            }
        }
        RuleKind::InList => {
            let Some(list) = rule.list.as_deref().and_then(|l| ctx.field(l)) else { return };
            let key = rule.key.as_deref().unwrap_or("name");
            let allowed: HashSet<String> =
                ctx.entries(list).iter().map(|e| norm(&ctx.entry_name(list, e, Some(key)))).filter(|k| !k.is_empty()).collect();
            for (path, raw, entry) in values(ctx, &t) {
                if !raw.trim().is_empty() && !allowed.contains(&norm(&raw)) {
                    push(path, entry.as_deref());
                }
            }
        }
        RuleKind::Unique => {
            let mut all = values(ctx, &t);
            for w in &rule.with {
                if let Some(other) = target(ctx, w) {
                    all.extend(values(ctx, &other));
                }
            }
            let mut seen: HashSet<String> = HashSet::new();
            for (path, raw, entry) in all {
                let key = norm(&raw);
                if key.is_empty() {
                    continue;
                }
                if !seen.insert(key) {
                    // The message belongs to the later duplicate; its own field may differ.
                    let (step, label) = match ctx.template.fields().find(|f| f.field.id == path.top()) {
                        Some(f) => (f.step, f.field.sub_field(path_sub(&path)).map_or(f.field.label.clone(), |s| s.label.clone())),
                        None => (step, label.clone()),
                    };
                    let message = match (entry.as_deref(), ctx.field(path.top())) {
                        (Some(e), Some(l)) => eval::plain_text(ctx, Some((l, e)), &rule.message),
                        _ => eval::plain_text(ctx, None, &rule.message),
                    }
                    .unwrap_or_else(|| rule.message.source().to_string());
                    issues.push(Issue { path, step, label, message, severity: rule.severity, fix: None });
                }
            }
        }
        RuleKind::Unreferenced => {
            let Some(list) = rule.list.as_deref().and_then(|l| ctx.field(l)) else { return };
            let key = rule.key.as_deref().unwrap_or("name");
            // References name entries by identity; other fields by the key's text.
            let by_id = matches!(&t, RuleFields::Sub { sub, .. } if sub.kind == FieldKind::Reference);
            let used: HashSet<String> = values(ctx, &t).into_iter().map(|(_, raw, _)| norm(&raw)).collect();
            for e in ctx.entries(list).iter() {
                let k = if by_id { e.id.to_string() } else { norm(&ctx.entry_name(list, e, Some(key))) };
                if !k.is_empty() && !used.contains(&k) {
                    let path = FieldPath::Entry { list: list.id.clone(), entry: e.id, sub: key.to_string() };
                    let message =
                        eval::plain_text(ctx, Some((list, e)), &rule.message).unwrap_or_else(|| rule.message.source().to_string());
                    let label = list.sub_field(key).map_or(list.label.clone(), |s| s.label.clone());
                    issues.push(Issue { path, step: ctx.step_of(&list.id), label, message, severity: rule.severity, fix: None });
                }
            }
        }
    }
}

fn path_sub(path: &FieldPath) -> &str {
    match path {
        FieldPath::Entry { sub, .. } => sub,
        FieldPath::Field(_) => "",
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
