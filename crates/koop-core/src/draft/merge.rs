//! Three-way merge of two versions of one draft that grew apart from a common version: what two
//! windows typed at the same time into different answers ends up in one draft; where both
//! changed the same answer differently, the merge names it and the user decides.
//!
//! The merge works on the draft's JSON form, so every part of it (answers, list entries, the
//! process data, the name) is covered without a rule per field: objects merge key by key, list
//! entries by their identity, the six process phases by position; anything else (a text, a set
//! of chosen options) is one value.

use crate::draft::Draft;
use serde_json::{Map, Value};

/// The outcome of [`merge`].
#[derive(Debug, Clone, PartialEq)]
pub enum Merged {
    /// Every change of both sides, none lost.
    Clean(Box<Draft>),
    /// Both sides changed these answers differently (field ids; `name` for the draft's name,
    /// `process` for the process data).
    Conflict(Vec<String>),
}

/// Merges `ours` and `theirs`, which both started from `base`. Edits of one side only are
/// taken; equal edits once; different edits of the same value are a conflict. Times and
/// counters that only grow (`updated`, `last_backup`, `next_entry_id`) take the larger value.
pub fn merge(base: &Draft, ours: &Draft, theirs: &Draft) -> Merged {
    match three_way(base, ours, theirs, None) {
        Some((d, conflicts)) if conflicts.is_empty() => Merged::Clean(Box::new(d)),
        Some((_, conflicts)) => Merged::Conflict(conflicts),
        // Cannot happen for drafts that serialise; if it did, the user decides.
        None => Merged::Conflict(vec!["entwurf".to_string()]),
    }
}

/// The side the user chose for the answers both windows changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// Merges like [`merge`], but takes `side`'s value where both changed the same one. Returns
/// the merge and the answers decided so.
pub fn merge_choosing(base: &Draft, ours: &Draft, theirs: &Draft, side: Side) -> Option<(Draft, Vec<String>)> {
    three_way(base, ours, theirs, Some(side))
}

fn three_way(base: &Draft, ours: &Draft, theirs: &Draft, side: Option<Side>) -> Option<(Draft, Vec<String>)> {
    // Through the JSON text rather than `to_value`: the app has that writer (records) and reader
    // (record decoding) anyway, so the merge brings no serialiser of its own into the first load;
    // the text gives back every number and string exactly.
    let json = |d: &Draft| serde_json::to_string(d).ok().and_then(|text| serde_json::from_str::<Value>(&text).ok());
    let (b, o, t) = (json(base)?, json(ours)?, json(theirs)?);
    let mut m = Merge { side, conflicts: Vec::new() };
    let merged = m.value(&mut Vec::new(), Some(&b), Some(&o), Some(&t))?;
    let mut conflicts = m.conflicts;
    conflicts.dedup();
    serde_json::from_value::<Draft>(merged).ok().map(|d| (d, conflicts))
}

/// Whether two versions hold the same answers and data (`updated` aside: a save touches it).
pub fn same_content(a: &Draft, b: &Draft) -> bool {
    a.id == b.id
        && a.name == b.name
        && a.answers == b.answers
        && a.process == b.process
        && a.last_backup == b.last_backup
        && a.next_entry_id == b.next_entry_id
        && a.template == b.template
        && a.template_version == b.template_version
}

/// Values that only grow: both sides' changes are kept by taking the larger.
const GROWING: [&str; 3] = ["updated", "last_backup", "next_entry_id"];

/// One merge: the side chosen for conflicts (none: only name them) and the conflicts met.
struct Merge {
    side: Option<Side>,
    conflicts: Vec<String>,
}

impl Merge {
    /// A conflict at `path`: named, and the chosen side's value (ours while only naming).
    fn conflict<T: Clone>(&mut self, path: &[String], ours: T, theirs: T) -> T {
        self.conflicts.push(answer_of(path));
        if self.side == Some(Side::Theirs) { theirs } else { ours }
    }

    fn value(&mut self, path: &mut Vec<String>, base: Option<&Value>, ours: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
        if ours == theirs {
            return ours.cloned();
        }
        if ours == base {
            return theirs.cloned();
        }
        if theirs == base {
            return ours.cloned();
        }
        if path.len() == 1 && GROWING.contains(&path[0].as_str()) {
            let n = |v: Option<&Value>| v.and_then(Value::as_f64).unwrap_or(f64::MIN);
            return if n(ours) >= n(theirs) { ours.cloned() } else { theirs.cloned() };
        }
        match (ours, theirs) {
            (Some(Value::Object(o)), Some(Value::Object(t))) => {
                let b = base.and_then(Value::as_object);
                Some(Value::Object(self.objects(path, b, o, t)))
            }
            (Some(Value::Array(o)), Some(Value::Array(t))) if is_entries(o) && is_entries(t) => {
                let empty = Vec::new();
                let b = base.and_then(Value::as_array).unwrap_or(&empty);
                Some(Value::Array(self.entries(path, b, o, t)))
            }
            (Some(Value::Array(o)), Some(Value::Array(t)))
                if is_records(o) && base.and_then(Value::as_array).is_some_and(|b| b.len() == o.len() && o.len() == t.len()) =>
            {
                let b = base.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
                let mut out = Vec::with_capacity(o.len());
                for (i, (o, t)) in o.iter().zip(t).enumerate() {
                    path.push(i.to_string());
                    out.push(self.value(path, b.get(i), Some(o), Some(t)).unwrap_or(Value::Null));
                    path.pop();
                }
                Some(Value::Array(out))
            }
            _ => self.conflict(path, ours, theirs).cloned(),
        }
    }

    fn objects(
        &mut self,
        path: &mut Vec<String>,
        base: Option<&Map<String, Value>>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut keys: Vec<&String> = ours.keys().chain(theirs.keys()).chain(base.into_iter().flat_map(|b| b.keys())).collect();
        keys.sort();
        keys.dedup();
        let mut out = Map::new();
        for k in keys {
            path.push(k.clone());
            if let Some(v) = self.value(path, base.and_then(|b| b.get(k)), ours.get(k), theirs.get(k)) {
                out.insert(k.clone(), v);
            }
            path.pop();
        }
        out
    }
}

/// List entries: objects with an identity (`Entry`).
fn is_entries(list: &[Value]) -> bool {
    list.iter().all(|e| e.get("id").is_some_and(Value::is_u64))
}

fn is_records(list: &[Value]) -> bool {
    list.iter().all(Value::is_object)
}

fn entry_id(e: &Value) -> u64 {
    e.get("id").and_then(Value::as_u64).unwrap_or(u64::MAX)
}

impl Merge {
    /// Entries are matched by identity; an entry removed on one side and changed on the other
    /// is a conflict. The order is the side's that reordered (both reordering differently is a
    /// conflict); entries one side added stand before the entry that followed them there.
    fn entries(&mut self, path: &mut Vec<String>, base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
        let find = |list: &[Value], id: u64| list.iter().find(|e| entry_id(e) == id).cloned();
        let ids = |list: &[Value]| list.iter().map(entry_id).collect::<Vec<_>>();
        let (b_ids, o_ids, t_ids) = (ids(base), ids(ours), ids(theirs));
        let mut merged: Vec<(u64, Value)> = Vec::new();
        let mut all: Vec<u64> = b_ids.iter().chain(&o_ids).chain(&t_ids).copied().collect();
        all.sort_unstable();
        all.dedup();
        for id in all {
            let (b, o, t) = (find(base, id), find(ours, id), find(theirs, id));
            // Both sides added an entry under the same identity (each counted on from the same
            // `next_entry_id`): two different entries, never fused into one.
            let v = if b.is_none() && o.is_some() && t.is_some() && o != t {
                self.conflict(path, o, t)
            } else {
                path.push(id.to_string());
                let v = self.value(path, b.as_ref(), o.as_ref(), t.as_ref());
                path.pop();
                v
            };
            if let Some(v) = v {
                merged.push((id, v));
            }
        }
        let kept = |order: &[u64]| order.iter().copied().filter(|id| merged.iter().any(|(m, _)| m == id)).collect::<Vec<_>>();
        let in_base = |order: &[u64]| order.iter().copied().filter(|id| b_ids.contains(id)).collect::<Vec<_>>();
        // Which side's order of the entries both knew wins.
        let (o_old, t_old, b_old) = (kept(&in_base(&o_ids)), kept(&in_base(&t_ids)), kept(&b_ids));
        let mut order = if o_old == b_old {
            kept(&t_ids)
        } else if t_old == b_old || t_old == o_old {
            kept(&o_ids)
        } else {
            let (o, t) = (kept(&o_ids), kept(&t_ids));
            self.conflict(path, o, t)
        };
        // Entries added by the other side go before the entry that followed them there, or last
        // (where they were added: "Eintrag hinzufügen" appends).
        for side in [&o_ids, &t_ids] {
            for (i, id) in side.iter().enumerate().rev() {
                if order.contains(id) || !merged.iter().any(|(m, _)| m == id) {
                    continue;
                }
                let at = side[i + 1..].iter().find_map(|n| order.iter().position(|o| o == n)).unwrap_or(order.len());
                order.insert(at, *id);
            }
        }
        order.into_iter().filter_map(|id| merged.iter().find(|(m, _)| *m == id).map(|(_, v)| v.clone())).collect()
    }
}

/// The answer a conflicting value belongs to: the field id for answers, else the draft's own
/// part (`name`, `process`).
fn answer_of(path: &[String]) -> String {
    match path {
        [first, field, ..] if first == "answers" => field.clone(),
        [first, ..] => first.clone(),
        [] => "entwurf".to_string(),
    }
}
