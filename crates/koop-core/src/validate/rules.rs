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

impl<'t> RuleFields<'t> {
    /// The list whose entries are in scope for the rule's message.
    fn list(&self) -> Option<&'t Field> {
        match self {
            RuleFields::Sub { list, .. } => Some(list),
            RuleFields::Field(_) => None,
        }
    }

    /// Where an issue about one of the values shows: path, step and label.
    fn place(&self, ctx: &Context<'_>, entry: Option<&Entry>) -> (FieldPath, usize, String) {
        match (self, entry) {
            (RuleFields::Sub { list, sub }, Some(e)) => {
                (FieldPath::Entry { list: list.id.clone(), entry: e.id, sub: sub.id.clone() }, ctx.step_of(&list.id), sub.label.clone())
            }
            (RuleFields::Sub { list, sub }, None) => (FieldPath::field(&list.id), ctx.step_of(&list.id), sub.label.clone()),
            (RuleFields::Field(f), _) => (FieldPath::field(&f.id), ctx.step_of(&f.id), f.label.clone()),
        }
    }

    /// (raw value, entry) of every value addressed. Entries are borrowed from the draft where it
    /// stores them, and paths are made only for issues: a rule over a long list runs on every
    /// keystroke in it.
    fn values(&self, ctx: &Context<'t>) -> Vec<(String, Option<Cow<'t, Entry>>)> {
        match self {
            RuleFields::Field(f) => vec![(ctx.text(f), None)],
            RuleFields::Sub { list, sub } => {
                let one = |e: Cow<'t, Entry>| (ctx.entry_text(list, &e, sub), Some(e));
                match ctx.entries(list) {
                    Cow::Borrowed(es) => es.iter().map(|e| one(Cow::Borrowed(e))).collect(),
                    Cow::Owned(es) => es.into_iter().map(|e| one(Cow::Owned(e))).collect(),
                }
            }
        }
    }
}

/// Checks one rule of the template.
pub(super) fn check_rule(ctx: &Context<'_>, rule: &Rule, issues: &mut Vec<Issue>) {
    let Some(t) = target(ctx, &rule.field) else { return };
    let message = |target: &RuleFields<'_>, entry: Option<&Entry>| {
        let scope = target.list().zip(entry);
        eval::plain_text(ctx, scope, &rule.message).unwrap_or_else(|| rule.message.source().to_string())
    };
    let mut push = |target: &RuleFields<'_>, entry: Option<&Entry>| {
        let (path, step, label) = target.place(ctx, entry);
        issues.push(Issue { path, step, label, message: message(target, entry), severity: rule.severity, fix: None, owner: None });
    };
    match rule.kind {
        RuleKind::Condition => {
            for (_, entry) in t.values(ctx) {
                let scope = t.list().zip(entry.as_deref());
                if rule.when.as_ref().is_some_and(|c| eval::condition(ctx, scope, c)) {
                    push(&t, entry.as_deref());
                }
            }
        }
        RuleKind::DateAfter => {
            let other = rule.other.as_deref().and_then(|o| ctx.field(o)).and_then(|o| Datum::parse(&ctx.text(o)));
            for (raw, entry) in t.values(ctx) {
                if let (Some(d), Some(o)) = (Datum::parse(&raw), other)
                    && d <= o
                {
                    push(&t, entry.as_deref());
                }
            }
        }
        RuleKind::InList => {
            let Some(list) = rule.list.as_deref().and_then(|l| ctx.field(l)) else { return };
            let key = rule.key.as_deref().unwrap_or("name");
            let allowed: HashSet<String> =
                ctx.entries(list).iter().map(|e| norm(&ctx.entry_name(list, e, Some(key)))).filter(|k| !k.is_empty()).collect();
            for (raw, entry) in t.values(ctx) {
                if !raw.trim().is_empty() && !allowed.contains(&norm(&raw)) {
                    push(&t, entry.as_deref());
                }
            }
        }
        RuleKind::Unique => {
            let others: Vec<RuleFields<'_>> = rule.with.iter().filter_map(|w| target(ctx, w)).collect();
            let mut seen: HashSet<String> = HashSet::new();
            for target in std::iter::once(&t).chain(&others) {
                for (raw, entry) in target.values(ctx) {
                    let key = norm(&raw);
                    // The message belongs to the later duplicate; its own field may differ.
                    if !key.is_empty() && !seen.insert(key) {
                        push(target, entry.as_deref());
                    }
                }
            }
        }
        RuleKind::Unreferenced => {
            let Some(list) = rule.list.as_deref().and_then(|l| ctx.field(l)) else { return };
            let key = rule.key.as_deref().unwrap_or("name");
            // References name entries by identity; other fields by the key's text.
            let by_id = matches!(&t, RuleFields::Sub { sub, .. } if sub.kind == FieldKind::Reference);
            let used: HashSet<String> = t.values(ctx).into_iter().map(|(raw, _)| norm(&raw)).collect();
            for e in ctx.entries(list).iter() {
                let k = if by_id { e.id.to_string() } else { norm(&ctx.entry_name(list, e, Some(key))) };
                if !k.is_empty() && !used.contains(&k) {
                    let path = FieldPath::Entry { list: list.id.clone(), entry: e.id, sub: key.to_string() };
                    let message =
                        eval::plain_text(ctx, Some((list, e)), &rule.message).unwrap_or_else(|| rule.message.source().to_string());
                    let label = list.sub_field(key).map_or(list.label.clone(), |s| s.label.clone());
                    issues.push(Issue {
                        path,
                        step: ctx.step_of(&list.id),
                        label,
                        message,
                        severity: rule.severity,
                        fix: None,
                        owner: None,
                    });
                }
            }
        }
    }
}

/// Blanks collapsed, lower case: how two names are compared. Lowered word by word (the same as
/// the whole text: a blank ends a word for every case rule), without copies for plain ASCII.
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
    out
}
