//! One window's side of a draft that other windows (tabs) may edit at the same time.
//!
//! localStorage gives every window its own view of the stored records, brought up to date in
//! the background: two windows that save within the same moment can both read the record they
//! expect and both write, and the second write replaces the first without either window
//! noticing at once. So a window never trusts that what it wrote is still stored. Each record
//! names the records it replaced (`Record::parents`); when another window's record arrives (a
//! storage event, or a save that found it), this window looks up the newest version both have
//! in common and merges: edits of different answers end up in one draft, stored and shown in
//! both windows; edits of the same answer are never replaced without asking.
//!
//! `decide` is the rule, a pure function; `Sync` keeps what the rule needs and talks to the
//! store.

use crate::draft::Draft;
use crate::draft::merge::{Merged, Side, merge, merge_choosing, same_content};
use crate::draft::store::{DraftStore, Record, SaveOutcome, Seen, StoreError, Stored};

/// How many versions of the draft a window remembers for merging (each save is one).
const KNOWN: usize = 16;
/// Saves in a row that may each find a newer record (three or more windows writing at once)
/// before the user is asked instead.
const ROUNDS: usize = 4;

/// What to do about a stored version (`theirs`) that is not the one this window last had.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Show the stored version: it holds everything this window has.
    Adopt,
    /// Both windows' edits, merged: store and show it.
    Merge(Box<Draft>),
    /// Both changed these answers differently (or what they share is unknown, then the list
    /// names every answer that differs): keep this window's text on screen and ask.
    Ask(Vec<String>),
}

/// The rule. `base` is the newest version this window and the stored one have in common (what
/// this window loaded or saved that the stored record descends from), `ours` what this window
/// holds now, `theirs` what is stored now.
pub fn decide(base: Option<&Draft>, ours: &Draft, theirs: &Draft) -> Decision {
    if same_content(ours, theirs) {
        return Decision::Adopt;
    }
    let Some(base) = base else { return Decision::Ask(differing(ours, theirs)) };
    match merge(base, ours, theirs) {
        Merged::Clean(m) if same_content(&m, theirs) => Decision::Adopt,
        Merged::Clean(m) => Decision::Merge(m),
        Merged::Conflict(answers) => Decision::Ask(answers),
    }
}

/// The answers two versions hold differently.
fn differing(a: &Draft, b: &Draft) -> Vec<String> {
    let mut keys: Vec<&String> = a.answers.keys().chain(b.answers.keys()).filter(|k| a.answers.get(*k) != b.answers.get(*k)).collect();
    keys.sort();
    keys.dedup();
    let mut out: Vec<String> = keys.into_iter().cloned().collect();
    if a.name != b.name {
        out.push("name".into());
    }
    if a.process != b.process {
        out.push("process".into());
    }
    out
}

/// What the window shows after a save or a look at the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The stored record is the one this window last had: nothing changes (an edit waiting
    /// for the autosave still waits).
    Current,
    /// What the window holds is stored; the screen stays as it is.
    Stored,
    /// The window shows this draft now, which is stored: the other window's version (nothing
    /// here was missing from it), or with `merged` both windows' edits.
    Show { draft: Draft, merged: bool },
    /// Both windows changed the same answers: the screen keeps this window's version, which is
    /// not stored; the user chooses (`Sync::resolve`).
    Ask { theirs: Draft, answers: Vec<String> },
    /// Another window deleted the draft: it stays open here and is stored again at the next
    /// save.
    Gone,
}

/// The user's answer to a question, carried out: the draft now stored and shown, and the
/// answers it decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub draft: Draft,
    pub decided: Vec<String>,
}

/// One window's knowledge of one draft's stored versions.
#[derive(Debug, Clone, Default)]
pub struct Sync {
    /// The record this window last loaded or wrote.
    synced: Seen,
    /// Versions this window had, newest first.
    known: Vec<Known>,
}

#[derive(Debug, Clone)]
struct Known {
    seen: Seen,
    draft: Draft,
}

impl Sync {
    /// A window opened `draft` from the record `seen` (`Seen::NOTHING`: a new draft).
    pub fn new(seen: Seen, draft: &Draft) -> Sync {
        let mut s = Sync::default();
        s.had(seen, draft.clone());
        s
    }

    /// The record this window last loaded or wrote (a save goes through only over it).
    pub fn synced(&self) -> Seen {
        self.synced
    }

    fn had(&mut self, seen: Seen, draft: Draft) {
        self.synced = seen;
        if seen != Seen::NOTHING {
            self.known.retain(|k| k.seen != seen);
            self.known.insert(0, Known { seen, draft });
            self.known.truncate(KNOWN);
        }
    }

    /// What this window's version is compared with to tell its own edits (the merge base):
    /// the newest version this window had that the stored record is or descends from (a record
    /// of an older app version names no parents: then the version this window last had). When
    /// another window replaced this window's last write unseen, that is the version both
    /// started from, so the replaced write is merged again in full.
    fn base_for<'a>(&'a self, stored: &Record, synced: Seen, met: &'a [(Seen, Draft)]) -> Option<&'a Draft> {
        let find = |s: Seen| {
            met.iter().find(|(k, _)| *k == s).map(|(_, d)| d).or_else(|| self.known.iter().find(|k| k.seen == s).map(|k| &k.draft))
        };
        std::iter::once(stored.seen).chain(stored.parents.iter().copied()).find_map(find).or_else(|| find(synced))
    }

    /// Autosave: stores `ours` unless another window wrote since; then settles with that
    /// window's version.
    pub fn save(&mut self, store: &impl DraftStore, ours: &Draft) -> Result<Outcome, StoreError> {
        self.settle(store, ours, None)
    }

    /// Another window may have written (a storage event): settles with what is stored now.
    pub fn refresh(&mut self, store: &impl DraftStore, ours: &Draft) -> Result<Outcome, StoreError> {
        match store.load_record(&ours.id) {
            Ok(r) if r.seen == self.synced => Ok(Outcome::Current),
            Ok(r) => self.settle(store, ours, Some(r)),
            Err(StoreError::NotFound(_)) => Ok(Outcome::Gone),
            Err(StoreError::Decode(e)) => Err(StoreError::Unreadable(e)),
            Err(e) => Err(e),
        }
    }

    /// The user's answer to `Outcome::Ask`: "Meine Fassung behalten" (`Side::Ours`) or "Andere
    /// Fassung laden" (`Side::Theirs`) for the answers both windows changed; every other edit
    /// of both windows is kept. The result is stored (as the successor of what is stored now,
    /// so other windows take it as the newer version) and shown.
    pub fn resolve(&mut self, store: &impl DraftStore, ours: &Draft, side: Side) -> Result<Resolution, StoreError> {
        for _ in 0..ROUNDS {
            let stored = match store.load_record(&ours.id) {
                Ok(r) => Some(r),
                // Deleted meanwhile: this window's version is stored again.
                Err(StoreError::NotFound(_)) => None,
                Err(StoreError::Decode(e)) => return Err(StoreError::Unreadable(e)),
                Err(e) => return Err(e),
            };
            let Some(theirs) = stored else {
                if let SaveOutcome::Saved(seen) = store.save_if_unchanged(ours, Seen::NOTHING)? {
                    self.had(seen, ours.clone());
                    return Ok(Resolution { draft: ours.clone(), decided: Vec::new() });
                }
                continue;
            };
            let chosen = self.base_for(&theirs, self.synced, &[]).and_then(|base| merge_choosing(base, ours, &theirs.draft, side));
            let (draft, decided) = chosen.unwrap_or_else(|| {
                // Nothing in common is known: the chosen version as a whole.
                let decided = differing(ours, &theirs.draft);
                (if side == Side::Ours { ours.clone() } else { theirs.draft.clone() }, decided)
            });
            if same_content(&draft, &theirs.draft) {
                self.had(theirs.seen, theirs.draft.clone());
                return Ok(Resolution { draft: theirs.draft, decided });
            }
            if let SaveOutcome::Saved(seen) = store.save_if_unchanged(&draft, theirs.seen)? {
                self.had(seen, draft.clone());
                return Ok(Resolution { draft, decided });
            }
        }
        Err(StoreError::Other("gleichzeitig geändert".into()))
    }

    /// Writes `ours` (or the merge with each newer record found) until it is stored, the other
    /// version is taken, or the user must choose. Nothing is remembered until a version is
    /// stored or taken, so a failed write leaves the window as it was.
    fn settle(&mut self, store: &impl DraftStore, ours: &Draft, mut found: Option<Record>) -> Result<Outcome, StoreError> {
        let mut over = self.synced;
        let mut current = ours.clone();
        let mut merged = false;
        // Versions met on the way: bases for the next round, remembered once stored.
        let mut met: Vec<(Seen, Draft)> = Vec::new();
        for _ in 0..ROUNDS {
            let theirs = match found.take() {
                Some(r) => r,
                None => match store.save_if_unchanged(&current, over)? {
                    SaveOutcome::Saved(seen) => {
                        self.learn(met);
                        self.had(seen, current.clone());
                        return Ok(if merged { Outcome::Show { draft: current, merged } } else { Outcome::Stored });
                    }
                    SaveOutcome::Changed(Stored::Unreadable(e)) => return Err(StoreError::Unreadable(e)),
                    SaveOutcome::Changed(Stored::Draft(r)) => *r,
                },
            };
            match decide(self.base_for(&theirs, over, &met), &current, &theirs.draft) {
                Decision::Adopt => {
                    self.learn(met);
                    self.had(theirs.seen, theirs.draft.clone());
                    return Ok(Outcome::Show { draft: theirs.draft, merged: false });
                }
                Decision::Merge(m) => {
                    over = theirs.seen;
                    met.insert(0, (theirs.seen, theirs.draft));
                    current = *m;
                    merged = true;
                }
                Decision::Ask(answers) => return Ok(Outcome::Ask { theirs: theirs.draft, answers }),
            }
        }
        // Still newer records after several rounds: the user decides.
        let theirs = store.load(&ours.id)?;
        Ok(Outcome::Ask { answers: differing(&current, &theirs), theirs })
    }

    fn learn(&mut self, met: Vec<(Seen, Draft)>) {
        let synced = self.synced;
        for (seen, draft) in met.into_iter().rev() {
            self.had(seen, draft);
        }
        self.synced = synced;
    }
}
