//! The draft: what a user has entered for one agreement. It stores only what was typed or
//! chosen; an absent answer means "untouched", and the template's default applies. Raw text is
//! kept as typed (also when invalid) so that nothing entered is ever lost. The draft is changed
//! only through the methods here.

pub mod merge;
pub mod process;
pub mod store;
pub mod sync;

use crate::template::{Field, FieldKind, Template};
use process::Process;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    pub template: String,
    pub template_version: u32,
    /// A name the user gave; `None` means the template's default name.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Unix time in milliseconds.
    pub created: f64,
    pub updated: f64,
    /// When the draft was last saved as a file (a backup the user can import again).
    #[serde(default)]
    pub last_backup: Option<f64>,
    /// Next identity for a list entry; entries keep their identity when lists are reordered.
    #[serde(default = "first_entry_id")]
    pub next_entry_id: u32,
    /// The process around the agreement (phases, decision, review).
    #[serde(default)]
    pub process: Process,
}

fn first_entry_id() -> u32 {
    1000
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Set(Vec<String>),
    List(Vec<Entry>),
}

/// One entry of a repeating group: sub-field id → raw text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u32,
    #[serde(default)]
    pub values: BTreeMap<String, String>,
}

impl Entry {
    pub fn get(&self, sub: &str) -> &str {
        self.values.get(sub).map_or("", String::as_str)
    }
}

/// An entry taken out of a list, kept so that the removal can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub list: String,
    pub index: usize,
    pub entry: Entry,
}

impl Draft {
    pub fn new(template: &Template, id: impl Into<String>, now_ms: f64) -> Draft {
        Draft {
            id: id.into(),
            template: template.id.clone(),
            template_version: template.version,
            name: None,
            answers: BTreeMap::new(),
            created: now_ms,
            updated: now_ms,
            last_backup: None,
            next_entry_id: first_entry_id(),
            process: Process::default(),
        }
    }

    /// The stored raw text of a field, if the user has entered one.
    pub fn stored_text(&self, field: &str) -> Option<&str> {
        match self.answers.get(field) {
            Some(Answer::Text(t)) => Some(t),
            _ => None,
        }
    }

    pub fn stored_set(&self, field: &str) -> Option<&[String]> {
        match self.answers.get(field) {
            Some(Answer::Set(s)) => Some(s),
            _ => None,
        }
    }

    pub fn stored_list(&self, field: &str) -> Option<&[Entry]> {
        match self.answers.get(field) {
            Some(Answer::List(l)) => Some(l),
            _ => None,
        }
    }

    pub fn set_text(&mut self, field: &str, value: &str) {
        self.answers.insert(field.to_string(), Answer::Text(value.to_string()));
    }

    /// Forgets the user's value so the template's default applies again.
    pub fn reset(&mut self, field: &str) {
        self.answers.remove(field);
    }

    /// Selects or deselects one option of a multi field (starting from its default selection).
    pub fn toggle(&mut self, field: &Field, option: &str, on: bool) {
        let mut set = self.stored_set(&field.id).map_or_else(|| field.default_set.clone(), <[String]>::to_vec);
        set.retain(|v| v != option);
        if on {
            set.push(option.to_string());
        }
        // Keep the template's option order so the document lists them in a stable order.
        set.sort_by_key(|v| field.options.iter().position(|o| &o.value == v).unwrap_or(usize::MAX));
        self.answers.insert(field.id.clone(), Answer::Set(set));
    }

    /// The entries of a list: stored ones, or the template's default entries.
    pub fn entries(&self, field: &Field) -> Vec<Entry> {
        self.entry_list(field).into_owned()
    }

    /// The entries without copying a stored list: validation, the document build and the UI
    /// read lists on every keystroke, and copying them made typing in long lists quadratic.
    pub fn entry_list(&self, field: &Field) -> Cow<'_, [Entry]> {
        self.stored_list(&field.id).map_or_else(|| Cow::Owned(default_entries(field)), Cow::Borrowed)
    }

    /// Runs `f` on the stored list, materialising the template's default entries first.
    fn with_list<R>(&mut self, field: &Field, f: impl FnOnce(&mut Vec<Entry>) -> R) -> R {
        let mut list = match self.answers.remove(&field.id) {
            Some(Answer::List(l)) => l,
            _ => default_entries(field),
        };
        let result = f(&mut list);
        self.answers.insert(field.id.clone(), Answer::List(list));
        result
    }

    /// A fresh entry identity. Identities count up; at the end of the number range (only a
    /// hand-edited file gets there) the lowest identity no list uses is taken instead of
    /// wrapping around onto one in use.
    fn take_entry_id(&mut self) -> u32 {
        let used: std::collections::BTreeSet<u32> = self
            .answers
            .values()
            .filter_map(|a| if let Answer::List(l) = a { Some(l.iter().map(|e| e.id)) } else { None })
            .flatten()
            .collect();
        let candidate = self.next_entry_id.max(first_entry_id());
        let id = if used.contains(&candidate) {
            (first_entry_id()..=u32::MAX).find(|i| !used.contains(i)).unwrap_or(candidate)
        } else {
            candidate
        };
        self.next_entry_id = id.checked_add(1).unwrap_or(first_entry_id());
        id
    }

    /// Appends an empty entry and returns its identity.
    pub fn add_entry(&mut self, field: &Field) -> u32 {
        let id = self.take_entry_id();
        self.with_list(field, |list| list.push(Entry { id, values: BTreeMap::new() }));
        id
    }

    /// Copies an entry (placed right after it) and returns the copy's identity.
    pub fn duplicate_entry(&mut self, field: &Field, entry: u32) -> Option<u32> {
        let saved_next = self.next_entry_id;
        let id = self.take_entry_id();
        let copied = self.with_list(field, |list| {
            let index = list.iter().position(|e| e.id == entry)?;
            let mut copy = list[index].clone();
            copy.id = id;
            list.insert(index + 1, copy);
            Some(id)
        });
        if copied.is_none() {
            self.next_entry_id = saved_next;
        }
        copied
    }

    pub fn set_entry_value(&mut self, field: &Field, entry: u32, sub: &str, value: &str) -> bool {
        self.with_list(field, |list| match list.iter_mut().find(|e| e.id == entry) {
            Some(e) => {
                e.values.insert(sub.to_string(), value.to_string());
                true
            }
            None => false,
        })
    }

    pub fn remove_entry(&mut self, field: &Field, entry: u32) -> Option<Removed> {
        let (index, entry) = self.with_list(field, |list| {
            let index = list.iter().position(|e| e.id == entry)?;
            Some((index, list.remove(index)))
        })?;
        Some(Removed { list: field.id.clone(), index, entry })
    }

    /// Puts a removed entry back where it was (or at the end if the list got shorter).
    pub fn restore_entry(&mut self, field: &Field, removed: Removed) {
        self.with_list(field, |list| {
            if !list.iter().any(|e| e.id == removed.entry.id) {
                let index = removed.index.min(list.len());
                list.insert(index, removed.entry);
            }
        })
    }

    /// Moves an entry up (negative) or down; returns its new position.
    pub fn move_entry(&mut self, field: &Field, entry: u32, delta: isize) -> Option<usize> {
        self.with_list(field, |list| {
            let from = list.iter().position(|e| e.id == entry)?;
            let to = from.checked_add_signed(delta)?.min(list.len().saturating_sub(1));
            let e = list.remove(from);
            list.insert(to, e);
            Some(to)
        })
    }

    pub fn touch(&mut self, now_ms: f64) {
        self.updated = now_ms;
    }
}

/// The template's default entries get identities 1, 2, 3 … (stable across reloads).
pub fn default_entries(field: &Field) -> Vec<Entry> {
    if field.kind != FieldKind::List {
        return Vec::new();
    }
    field.default_items.iter().zip(1u32..).map(|(values, id)| Entry { id, values: values.clone() }).collect()
}
