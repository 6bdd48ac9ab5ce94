//! The export worker's client. The renderers (docx-rs, ZIP) live in their own WebAssembly module
//! (crates/koop-export), loaded in a Web Worker on the review step or at the first export, so
//! they are not part of the first load. Only the document model crosses the boundary.
//!
//! The connection is a browser resource, not app state: one worker per page, started once,
//! dropped and started again after it failed.

use crate::platform::js_err;
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use koop_core::export::{BundleRequest, ExportRequest};
use koop_core::import::{Origin, Returned, ReturnedRequest, changes_from_flat};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The worker's start script (Trunk's loader shim for `crates/koop-export`), relative to the
/// page, so the app works from any sub-path.
const WORKER_URL: &str = "./koop-export_loader.js";

/// What the user reads when the export module cannot be loaded or answered nothing useful.
pub const LOAD_FAILED: &str = "Das Export-Modul konnte nicht geladen werden. Ihre Angaben sind gespeichert und bleiben erhalten. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.";

/// Why the worker gave no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerError {
    /// It answered with this message (German, for the user).
    Said(String),
    /// It could not be loaded or answered nothing useful (`LOAD_FAILED`, perhaps with the
    /// browser's reason).
    Unavailable(String),
}

impl WorkerError {
    pub fn message(self) -> String {
        match self {
            WorkerError::Said(m) | WorkerError::Unavailable(m) => m,
        }
    }
}

fn unavailable(e: JsValue) -> WorkerError {
    WorkerError::Unavailable(e.as_string().unwrap_or_else(|| LOAD_FAILED.into()))
}

type Pending = Rc<RefCell<HashMap<u32, (Function, Function)>>>;

struct Connection {
    worker: Worker,
    ready: Promise,
    pending: Pending,
    next_id: Cell<u32>,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Rc<Connection>>> = const { RefCell::new(None) };
}

fn forget_connection() {
    CONNECTION.with(|c| {
        if let Some(conn) = c.borrow_mut().take() {
            conn.worker.terminate();
        }
    });
}

fn reject_all(pending: &Pending, message: &str) {
    for (_, (_, reject)) in pending.borrow_mut().drain() {
        let _ = reject.call1(&JsValue::NULL, &message.into());
    }
}

fn connect() -> Result<Rc<Connection>, String> {
    if let Some(c) = CONNECTION.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let worker = Worker::new(WORKER_URL).map_err(js_err)?;
    let pending: Pending = Rc::default();
    let ready_fns: Rc<RefCell<Option<(Function, Function)>>> = Rc::default();
    let slot = ready_fns.clone();
    let ready = Promise::new(&mut move |resolve, reject| {
        *slot.borrow_mut() = Some((resolve, reject));
    });
    let (ready_ok, pending_msg) = (ready_fns.clone(), pending.clone());
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        if data.as_string().as_deref() == Some("bereit") {
            if let Some((resolve, _)) = ready_ok.borrow_mut().take() {
                let _ = resolve.call0(&JsValue::NULL);
            }
            return;
        }
        let id = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).map(|v| v as u32);
        if let Some((resolve, _)) = id.and_then(|id| pending_msg.borrow_mut().remove(&id)) {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    let (ready_err, pending_err) = (ready_fns, pending.clone());
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        // A worker that failed to load or crashed: every waiting export gets the message, and
        // the next export starts a new worker.
        ev.prevent_default();
        if let Some((_, reject)) = ready_err.borrow_mut().take() {
            let _ = reject.call1(&JsValue::NULL, &LOAD_FAILED.into());
        }
        reject_all(&pending_err, LOAD_FAILED);
        forget_connection();
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let conn = Rc::new(Connection { worker, ready, pending, next_id: Cell::new(1), _on_message: on_message, _on_error: on_error });
    CONNECTION.with(|c| *c.borrow_mut() = Some(conn.clone()));
    Ok(conn)
}

/// Starts loading the worker ahead of the first export (the review step calls this).
pub fn prefetch() {
    let _ = connect();
}

/// Sends `key: value` pairs to the worker and waits for its answer (`error` becomes `Said`).
async fn ask(fields: &[(&str, JsValue)]) -> Result<JsValue, WorkerError> {
    let conn = connect().map_err(|_| WorkerError::Unavailable(LOAD_FAILED.into()))?;
    JsFuture::from(conn.ready.clone()).await.map_err(unavailable)?;
    let id = conn.next_id.get();
    conn.next_id.set(id.wrapping_add(1));
    let pending = conn.pending.clone();
    let answer = Promise::new(&mut |resolve, reject| {
        pending.borrow_mut().insert(id, (resolve, reject));
    });
    let message = Object::new();
    let set = |key: &str, value: &JsValue| Reflect::set(&message, &key.into(), value).map_err(|e| WorkerError::Unavailable(js_err(e)));
    set("id", &id.into())?;
    for (key, value) in fields {
        set(key, value)?;
    }
    if let Err(e) = conn.worker.post_message(&message) {
        conn.pending.borrow_mut().remove(&id);
        return Err(WorkerError::Unavailable(format!("{LOAD_FAILED} ({})", js_err(e))));
    }
    let data = JsFuture::from(answer).await.map_err(unavailable)?;
    if let Some(error) = Reflect::get(&data, &"error".into()).ok().and_then(|e| e.as_string()) {
        return Err(WorkerError::Said(error));
    }
    Ok(data)
}

/// The exported file's bytes, rendered in the worker.
pub async fn render(request: &ExportRequest) -> Result<Vec<u8>, String> {
    bytes_of(ask(&[("request", request.to_json()?.into())]).await.map_err(WorkerError::message)?)
}

/// The ZIP of several documents (every body's Beschlussvorlage), rendered in the worker.
pub async fn render_bundle(request: &BundleRequest) -> Result<Vec<u8>, String> {
    bytes_of(ask(&[("bundle", request.to_json()?.into())]).await.map_err(WorkerError::message)?)
}

fn bytes_of(data: JsValue) -> Result<Vec<u8>, String> {
    let bytes = Reflect::get(&data, &"bytes".into()).map_err(js_err)?;
    let bytes: Uint8Array = bytes.dyn_into().map_err(|_| LOAD_FAILED.to_string())?;
    Ok(bytes.to_vec())
}

/// The draft record an exported DOCX or ODT carries, read in the worker (it has the ZIP and
/// XML readers).
pub async fn read_draft(bytes: &[u8]) -> Result<String, WorkerError> {
    let data = ask(&[("read", Uint8Array::from(bytes).into())]).await?;
    Reflect::get(&data, &"record".into()).ok().and_then(|r| r.as_string()).ok_or_else(|| WorkerError::Unavailable(LOAD_FAILED.into()))
}

/// A returned document read and compared in the worker (it has the catalog and the comparison;
/// the first load has neither).
pub async fn read_returned(bytes: &[u8], request: &ReturnedRequest) -> Result<Returned, WorkerError> {
    let json = request.to_json().map_err(WorkerError::Unavailable)?;
    let data = ask(&[("returned", json.into()), ("bytes", Uint8Array::from(bytes).into())]).await?;
    let unavailable = || WorkerError::Unavailable(LOAD_FAILED.into());
    let text = |key: &str| Reflect::get(&data, &key.into()).ok().and_then(|v| v.as_string());
    let origin = match Reflect::get(&data, &"changes".into()).ok().and_then(|v| v.dyn_into::<js_sys::Array>().ok()) {
        Some(list) => {
            let flat: Vec<String> = list.iter().filter_map(|v| v.as_string()).collect();
            let changes = changes_from_flat(&flat).ok_or_else(unavailable)?;
            Some(Origin { name: text("from").unwrap_or_default(), changes })
        }
        None => None,
    };
    Ok(Returned { record: text("record").ok_or_else(unavailable)?, name: text("name").unwrap_or_default(), edited: text("edited"), origin })
}
