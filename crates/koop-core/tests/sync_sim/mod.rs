//! A key-value store shared by several windows, each with its own view that learns of the
//! others' writes late, as localStorage does across tabs: a window's write changes its own view
//! at once and reaches the shared store later; the other windows' views follow when the change
//! reaches them (a storage event). While a window's own write is on its way, changes of that key
//! from others do not touch its view (its own write will land over them), as in Chromium.
#![allow(dead_code)]

use koop_core::Draft;
use koop_core::draft::store::{KeyValue, KvDraftStore, StoreError, decode};
use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

enum Msg {
    /// One of this window's own writes has landed.
    Landed(String),
    /// Another window's write has landed.
    Changed(String, Option<String>),
}

#[derive(Default)]
struct Window {
    view: BTreeMap<String, String>,
    outbox: VecDeque<(String, Option<String>)>,
    inbox: VecDeque<Msg>,
    /// Own writes per key not yet landed.
    in_flight: BTreeMap<String, usize>,
}

#[derive(Default)]
struct Shared {
    store: BTreeMap<String, String>,
    windows: Vec<Window>,
}

#[derive(Clone)]
pub struct Net(Rc<RefCell<Shared>>);

pub struct View {
    net: Net,
    w: usize,
}

impl KeyValue for View {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.net.0.borrow().windows[self.w].view.get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write(key, Some(value.to_string()));
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.write(key, None);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.net.0.borrow().windows[self.w].view.keys().cloned().collect())
    }
}

impl View {
    fn write(&self, key: &str, value: Option<String>) {
        let mut s = self.net.0.borrow_mut();
        let w = &mut s.windows[self.w];
        match &value {
            Some(v) => w.view.insert(key.to_string(), v.clone()),
            None => w.view.remove(key),
        };
        w.outbox.push_back((key.to_string(), value));
        *w.in_flight.entry(key.to_string()).or_default() += 1;
    }
}

impl Net {
    pub fn new(windows: usize) -> Net {
        Net(Rc::new(RefCell::new(Shared { store: BTreeMap::new(), windows: (0..windows).map(|_| Window::default()).collect() })))
    }

    pub fn store(&self, w: usize) -> KvDraftStore<View> {
        KvDraftStore::new(View { net: self.clone(), w })
    }

    pub fn windows(&self) -> usize {
        self.0.borrow().windows.len()
    }

    /// The oldest write of window `w` on its way lands in the shared store; returns whether
    /// there was one.
    pub fn apply(&self, w: usize) -> bool {
        let mut s = self.0.borrow_mut();
        let Some((key, value)) = s.windows[w].outbox.pop_front() else { return false };
        match &value {
            Some(v) => s.store.insert(key.clone(), v.clone()),
            None => s.store.remove(&key),
        };
        for (i, win) in s.windows.iter_mut().enumerate() {
            win.inbox.push_back(if i == w { Msg::Landed(key.clone()) } else { Msg::Changed(key.clone(), value.clone()) });
        }
        true
    }

    pub fn apply_all(&self) {
        let n = self.windows();
        while (0..n).map(|w| self.apply(w)).fold(false, |a, b| a | b) {}
    }

    /// The next news reaches window `w`; returns whether it was a change by another window
    /// (a storage event), `None` when nothing was on its way.
    pub fn deliver(&self, w: usize) -> Option<bool> {
        let mut s = self.0.borrow_mut();
        let win = &mut s.windows[w];
        match win.inbox.pop_front()? {
            Msg::Landed(key) => {
                if let Some(n) = win.in_flight.get_mut(&key) {
                    *n -= 1;
                    if *n == 0 {
                        win.in_flight.remove(&key);
                    }
                }
                Some(false)
            }
            Msg::Changed(key, value) => {
                if !win.in_flight.contains_key(&key) {
                    match value {
                        Some(v) => win.view.insert(key, v),
                        None => win.view.remove(&key),
                    };
                }
                Some(true)
            }
        }
    }

    /// Delivers news until a storage event fires in some window; returns that window.
    pub fn deliver_any(&self) -> Option<usize> {
        loop {
            let n = self.windows();
            let w = (0..n).find(|w| !self.0.borrow().windows[*w].inbox.is_empty())?;
            if self.deliver(w) == Some(true) {
                return Some(w);
            }
        }
    }

    /// Everything on its way lands and reaches everyone, events unheard (set-up only).
    pub fn settle(&self) {
        self.apply_all();
        while self.deliver_any().is_some() {}
    }

    pub fn quiet(&self) -> bool {
        self.0.borrow().windows.iter().all(|w| w.outbox.is_empty() && w.inbox.is_empty())
    }

    pub fn backend_draft(&self, id: &str) -> Draft {
        let s = self.0.borrow();
        let raw = s.store.iter().find(|(k, _)| k.ends_with(id)).map(|(_, v)| v.clone()).expect("stored");
        decode(&raw).expect("decodes")
    }
}
