//! What a computation read from the draft, and what changed in the draft since the last run:
//! the bookkeeping of the incremental build and validation. A keystroke changes one value; the
//! results that read it are computed again, all others are kept.

use super::Context;
use crate::draft::{Answer, Entry, default_entries};
use crate::template::{Field, FieldKind};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// One thing read from the draft. Reads are as fine as the draft's own parts: a list's entries
/// (which, in which order) are one thing, each value of each entry another, so a block that
/// shows provider 1 does not depend on provider 2's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Key {
    /// A top-level answer (text or selection), by field.
    Answer(Id),
    /// Which entries a list has, in which order.
    Entries(Id),
    /// One sub-field of one entry: list, entry identity, sub-field.
    Value(Id, u32, Id),
}

impl Key {
    pub(crate) fn answer(field: &str) -> Key {
        Key::Answer(Id::of(field))
    }
    pub(crate) fn entries(list: &str) -> Key {
        Key::Entries(Id::of(list))
    }
    pub(crate) fn value(list: &str, entry: u32, sub: &str) -> Key {
        Key::Value(Id::of(list), entry, Id::of(sub))
    }
}

/// A field id as a number (its FNV-1a hash): noting a read copies no text. Two ids with the same
/// number would only make a change of one count as a change of the other (more is computed
/// again, never less).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Id(u64);

impl Id {
    fn of(id: &str) -> Id {
        Id(id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)))
    }
}

impl Context<'_> {
    /// Runs `f` and returns what it read from the draft (each thing once). Nested calls each
    /// get their own reads: an inner result is kept and checked on its own.
    pub(crate) fn tracked<R>(&self, f: impl FnOnce() -> R) -> (R, Vec<Key>) {
        self.frames.borrow_mut().push(Vec::new());
        let result = f();
        let mut reads = self.frames.borrow_mut().pop().unwrap_or_default();
        reads.sort_unstable();
        reads.dedup();
        (result, reads)
    }

    /// Notes a read when something is tracking (the key is only made then).
    pub(crate) fn note(&self, key: impl FnOnce() -> Key) {
        if let Some(top) = self.frames.borrow_mut().last_mut() {
            top.push(key());
        }
    }
}

/// The answers as they were at the last run, to name what changed since.
#[derive(Default)]
pub(crate) struct Snapshot {
    answers: Option<BTreeMap<String, Answer>>,
}

impl Snapshot {
    /// Forgets the answers: the next `changes` reports everything as changed.
    pub(crate) fn clear(&mut self) {
        self.answers = None;
    }

    /// What changed in `ctx.draft` since the last call (`None` on the first call: everything),
    /// and remembers the draft's answers for the next call. Copies only what changed: a
    /// keystroke in one entry copies that entry, not its list.
    pub(crate) fn changes(&mut self, ctx: &Context<'_>) -> Option<Vec<Key>> {
        let now = &ctx.draft.answers;
        let Some(then) = self.answers.as_mut() else {
            self.answers = Some(now.clone());
            return None;
        };
        let mut ids: Vec<&String> = now.iter().filter(|(id, a)| then.get(*id) != Some(*a)).map(|(id, _)| id).collect();
        let gone: Vec<String> = then.keys().filter(|id| !now.contains_key(*id)).cloned().collect();
        ids.extend(gone.iter());
        let mut changed = Vec::new();
        for id in ids {
            let (old, new) = (then.get(id), now.get(id));
            if scalar(old) != scalar(new) {
                changed.push(Key::answer(id));
            }
            let field = ctx.field(id).filter(|f| f.kind == FieldKind::List);
            let patched = match (then.get_mut(id), new) {
                // The same entries: only the changed ones are copied.
                (Some(Answer::List(kept)), Some(Answer::List(l))) if kept.iter().map(|e| e.id).eq(l.iter().map(|e| e.id)) => {
                    for (k, e) in kept.iter_mut().zip(l) {
                        if k != e {
                            value_changes(id, e, Some(k), &mut changed);
                            *k = e.clone();
                        }
                    }
                    true
                }
                _ => false,
            };
            if patched {
                continue;
            }
            let old = then.get(id);
            if field.is_some() || matches!(old, Some(Answer::List(_))) || matches!(new, Some(Answer::List(_))) {
                entry_changes(id, &effective(old, field), &effective(new, field), &mut changed);
            }
            match new {
                Some(a) => then.insert(id.clone(), a.clone()),
                None => then.remove(id),
            };
        }
        Some(changed)
    }
}

/// The entries a list has with this answer (the template's default entries without one).
fn effective<'e>(a: Option<&'e Answer>, field: Option<&Field>) -> Cow<'e, [Entry]> {
    match (a, field) {
        (Some(Answer::List(l)), _) => Cow::Borrowed(l),
        (_, Some(f)) => Cow::Owned(default_entries(f)),
        (_, None) => Cow::Owned(Vec::new()),
    }
}

/// What `text` and `set` see of an answer (a list is read through its entries).
fn scalar(a: Option<&Answer>) -> Option<&Answer> {
    a.filter(|a| !matches!(a, Answer::List(_)))
}

fn entry_changes(list: &str, old: &[Entry], new: &[Entry], out: &mut Vec<Key>) {
    if old.iter().map(|e| e.id).ne(new.iter().map(|e| e.id)) {
        out.push(Key::entries(list));
    }
    for (i, e) in new.iter().enumerate() {
        let before = old.get(i).filter(|o| o.id == e.id).or_else(|| old.iter().find(|o| o.id == e.id));
        if before != Some(e) {
            value_changes(list, e, before, out);
        }
    }
    // Entries gone: whatever read their values read something that changed.
    for e in old.iter().filter(|e| !new.iter().any(|n| n.id == e.id)) {
        value_changes(list, e, None, out);
    }
}

/// Every value of `e` that differs from `before` (an entry with the same identity, if any).
fn value_changes(list: &str, e: &Entry, before: Option<&Entry>, out: &mut Vec<Key>) {
    let subs = e.values.keys().chain(before.into_iter().flat_map(|b| b.values.keys().filter(|k| !e.values.contains_key(*k))));
    for sub in subs {
        if before.and_then(|b| b.values.get(sub)) != e.values.get(sub) {
            out.push(Key::value(list, e.id, sub));
        }
    }
}
