//! Results kept between runs, each with what it read from the draft (`Context::tracked`). A
//! change marks exactly the results that read the changed thing as stale.

use super::Key;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Results by key (a number the caller makes from what names the result), each kept until
/// something it read changes. Keys are numbers and the results sit in a vector, so the tables
/// are made once for every kind of result (the app's WebAssembly carries their code once).
pub(crate) struct Memo<T> {
    index: HashMap<u64, u32, Quick>,
    slots: Vec<Slot<T>>,
    /// Who read what. Never shrinks between `clear`s: a result computed again may no longer read
    /// a key; being marked stale for it once more is harmless.
    readers: HashMap<Key, Vec<u32>, Quick>,
}

/// A fast hash for the memo's keys (small numbers and field ids, all from the app itself, so no
/// one can choose them to make the table slow): the keystroke looks up every kept text, and
/// the standard SipHash took a fifth of its time.
type Quick = BuildHasherDefault<QuickHasher>;

#[derive(Default)]
struct QuickHasher(u64);

impl QuickHasher {
    fn add(&mut self, x: u64) {
        // The multiply-rotate step of rustc's FxHasher.
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, x: u8) {
        self.add(u64::from(x));
    }
    fn write_u32(&mut self, x: u32) {
        self.add(u64::from(x));
    }
    fn write_u64(&mut self, x: u64) {
        self.add(x);
    }
    fn write_usize(&mut self, x: usize) {
        self.add(x as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

struct Slot<T> {
    key: u64,
    value: T,
    fresh: bool,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo { index: HashMap::default(), slots: Vec::new(), readers: HashMap::default() }
    }
}

impl<T> Memo<T> {
    pub(crate) fn clear(&mut self) {
        self.index.clear();
        self.slots.clear();
        self.readers.clear();
    }

    /// Marks stale every result that read one of `changed`; calls `f` with each one's key.
    pub(crate) fn invalidate(&mut self, changed: &[Key], mut f: impl FnMut(u64)) {
        for key in changed {
            for &i in self.readers.get(key).into_iter().flatten() {
                if let Some(slot) = self.slots.get_mut(i as usize).filter(|s| s.fresh) {
                    slot.fresh = false;
                    f(slot.key);
                }
            }
        }
    }

    /// Marks these results stale (something they were made of changed).
    pub(crate) fn mark_stale(&mut self, keys: &[u64]) {
        for k in keys {
            if let Some(slot) = self.index.get(k).and_then(|&i| self.slots.get_mut(i as usize)) {
                slot.fresh = false;
            }
        }
    }

    /// The kept result, unless stale.
    pub(crate) fn get(&self, k: u64) -> Option<&T> {
        let slot = self.slots.get(*self.index.get(&k)? as usize)?;
        slot.fresh.then_some(&slot.value)
    }

    /// Keeps `value`, computed from `reads`.
    pub(crate) fn put(&mut self, k: u64, value: T, reads: Vec<Key>) {
        let (i, known) = match self.index.get(&k) {
            Some(&i) => (i, true),
            None => {
                let i = self.slots.len() as u32;
                self.index.insert(k, i);
                (i, false)
            }
        };
        for r in reads {
            let readers = self.readers.entry(r).or_default();
            // A result computed again mostly reads what it read before.
            if !known || !readers.contains(&i) {
                readers.push(i);
            }
        }
        let slot = Slot { key: k, value, fresh: true };
        match self.slots.get_mut(i as usize) {
            Some(s) => *s = slot,
            None => self.slots.push(slot),
        }
    }

    /// The kept result, or `compute`'s (run tracked, then kept). The flag says whether it was
    /// computed.
    pub(crate) fn get_or(&mut self, ctx: &super::Context<'_>, k: u64, compute: impl FnOnce() -> T) -> (T, bool)
    where
        T: Clone,
    {
        if let Some(v) = self.get(k) {
            return (v.clone(), false);
        }
        let (value, reads) = ctx.tracked(compute);
        self.put(k, value.clone(), reads);
        (value, true)
    }
}
