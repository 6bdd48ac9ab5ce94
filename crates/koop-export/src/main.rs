//! The export worker. It posts "bereit" once loaded, then answers each message
//! `{ id, request }` (an `ExportRequest` as JSON: the agreement or one bound document) and
//! `{ id, bundle }` (a `BundleRequest`: several documents in one ZIP) with `{ id, bytes }` (the
//! file, its buffer transferred, not copied), and `{ id, read }` (the bytes of a DOCX, ODT or PDF) with
//! `{ id, record }` (the draft it carries), `{ id, returned, bytes }` (an
//! `import::ReturnedRequest` as JSON and the file) with `{ id, record, name, edited?, from?,
//! changes? }` (an `import::Returned`: what the start page shows; `from` names the listed draft
//! it came from, `changes` flat, see `import::flat_changes`); failures with `{ id, error }` (a
//! German message; for a returned document it says that nothing was changed). Rendering is pure and lives in koop-core; this file is only the message glue.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use koop_core::export::{BundleRequest, ExportRequest};
    use koop_core::import::{Refused, ReturnedRequest, flat_changes};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn answer(id: &JsValue, data: &JsValue) -> Result<(Object, Option<JsValue>), JsValue> {
        let out = Object::new();
        Reflect::set(&out, &"id".into(), id)?;
        if let Ok(file) = Reflect::get(data, &"read".into()).and_then(|f| f.dyn_into::<Uint8Array>()) {
            match koop_core::render::embed::read(&file.to_vec()) {
                Ok(record) => Reflect::set(&out, &"record".into(), &record.into())?,
                Err(e) => Reflect::set(&out, &"error".into(), &e.message().into())?,
            };
            return Ok((out, None));
        }
        if let Some(json) = Reflect::get(data, &"returned".into()).ok().and_then(|r| r.as_string()) {
            let bytes = Reflect::get(data, &"bytes".into()).and_then(|b| b.dyn_into::<Uint8Array>()).map(|b| b.to_vec());
            // Every refusal says that nothing was changed (`Refused::message`).
            let returned = bytes
                .map_err(|_| Refused::Other("Die Datei wurde nicht übergeben.".into()))
                .and_then(|bytes| {
                    serde_json::from_str::<ReturnedRequest>(&json).map_err(|e| Refused::Other(e.to_string())).map(|r| (r, bytes))
                })
                .and_then(|(r, bytes)| r.read(&bytes))
                .map_err(|e| e.message());
            match returned {
                // Plain strings and arrays of strings: the app reads them without a decoder.
                Ok(r) => {
                    Reflect::set(&out, &"record".into(), &r.record.as_str().into())?;
                    Reflect::set(&out, &"name".into(), &r.name.as_str().into())?;
                    if let Some(edited) = &r.edited {
                        Reflect::set(&out, &"edited".into(), &edited.as_str().into())?;
                    }
                    if let Some(origin) = &r.origin {
                        Reflect::set(&out, &"from".into(), &origin.name.as_str().into())?;
                        let list: Array = flat_changes(&origin.changes).iter().map(|s| JsValue::from_str(s)).collect();
                        Reflect::set(&out, &"changes".into(), &list)?;
                    }
                }
                Err(e) => {
                    Reflect::set(&out, &"error".into(), &e.into())?;
                }
            }
            return Ok((out, None));
        }
        // A bundle (every body's Beschlussvorlage in one ZIP), else one document.
        let rendered = match Reflect::get(data, &"bundle".into()).ok().and_then(|b| b.as_string()) {
            Some(json) => BundleRequest::from_json(&json).and_then(|r| r.render()),
            None => Reflect::get(data, &"request".into())
                .ok()
                .and_then(|r| r.as_string())
                .ok_or_else(|| "Exportauftrag nicht lesbar: kein Text".to_string())
                .and_then(|json| ExportRequest::from_json(&json))
                .and_then(|r| r.render()),
        };
        match rendered {
            Ok(bytes) => {
                let array = Uint8Array::from(bytes.as_slice());
                Reflect::set(&out, &"bytes".into(), &array)?;
                Ok((out, Some(array.buffer().into())))
            }
            Err(e) => {
                Reflect::set(&out, &"error".into(), &e.into())?;
                Ok((out, None))
            }
        }
    }

    pub fn run() -> Result<(), JsValue> {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().dyn_into()?;
        let reply_to = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let data = ev.data();
            let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
            let sent = match answer(&id, &data) {
                Ok((out, Some(buffer))) => reply_to.post_message_with_transfer(&out, &Array::of1(&buffer)),
                Ok((out, None)) => reply_to.post_message(&out),
                Err(e) => Err(e),
            };
            if sent.is_err() {
                // The app waits for an answer to `id`: end its wait with a message.
                let out = Object::new();
                let _ = Reflect::set(&out, &"id".into(), &id);
                let _ = Reflect::set(&out, &"error".into(), &"Die Datei konnte nicht übergeben werden.".into());
                let _ = reply_to.post_message(&out);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        scope.post_message(&"bereit".into())
    }
}

fn main() {
    // A worker that cannot start throws: the app's `error` listener then tells the user.
    #[cfg(target_arch = "wasm32")]
    if let Err(e) = worker::run() {
        wasm_bindgen::throw_val(e);
    }
}
