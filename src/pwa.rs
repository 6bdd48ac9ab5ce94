//! Offline use and sharing: the service worker's registration and updates, the Web Share API
//! with a `mailto:` fallback, printing.

use crate::platform::{self, js_err};
use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::{Effect, Get, GetUntracked, Signal};
use leptos_use_interval_fn::use_interval_fn;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Only in secure contexts (https, localhost); elsewhere the app simply stays online-only.
    Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok().filter(|h| *h)?;
    Some(navigator.service_worker())
}

/// Registers `sw.js` (relative: works under any sub-path). `on_update` runs when a new version
/// has been installed and waits to take over. `visibility` is the document's (the shell's one
/// signal of it).
pub fn register_service_worker(visibility: Signal<web_sys::VisibilityState>, on_update: impl Fn() + Clone + 'static) {
    let Some(container) = container() else { return };
    check_for_updates(visibility);
    // Registering (and the worker's first download of every file) waits until the page is
    // drawn: the first field does not need it.
    platform::when_idle(move || register(container, on_update), REGISTER_DEADLINE_MS);
}

/// At the latest this long after the start, the service worker is registered.
const REGISTER_DEADLINE_MS: u32 = 2000;

fn register(container: web_sys::ServiceWorkerContainer, on_update: impl Fn() + Clone + 'static) {
    let promise = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await.and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>()) else { return };
        // Without a controller this is the first installation, not an update.
        let controlled = move || container.controller().is_some();
        let watch = {
            let on_update = on_update.clone();
            let controlled = controlled.clone();
            move |worker: web_sys::ServiceWorker| {
                let w = worker.clone();
                let on_update = on_update.clone();
                let controlled = controlled.clone();
                let on_state = Closure::<dyn Fn()>::new(move || {
                    if w.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                        on_update();
                    }
                });
                worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            }
        };
        // A version may already wait (installed while the page was closed) or be installing.
        if reg.waiting().is_some() && controlled() {
            on_update();
        }
        if let Some(installing) = reg.installing() {
            watch(installing);
        }
        let reg2 = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            if let Some(worker) = reg2.installing() {
                watch(worker);
            }
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(reg));
    });
}

/// How often a long-open tab asks the server for a new version.
const UPDATE_CHECK_MS: u64 = 60 * 60 * 1000;

/// Asks for a new version hourly and whenever the page is shown or focused again, so a tab left
/// open for days still learns of a fix (and the update prompt appears). Interval, listener and
/// visibility come from leptos-use and stop with the app shell.
fn check_for_updates(visibility: Signal<web_sys::VisibilityState>) {
    let check = move || {
        if visibility.get_untracked() != web_sys::VisibilityState::Visible {
            return;
        }
        let registration = REGISTRATION.with(|r| r.borrow().clone());
        if let Some(p) = registration.and_then(|r| r.update().ok()) {
            // Offline, the check fails; the next one tries again.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(p).await;
            });
        }
    };
    let _ = use_interval_fn(check, UPDATE_CHECK_MS);
    crate::platform::on_window("focus", move |_| check());
    Effect::new(move |_| {
        if visibility.get() == web_sys::VisibilityState::Visible {
            check();
        }
    });
}

/// Lets the waiting version take over and reloads the page once it has.
pub fn activate_update() {
    let Some(container) = container() else { return };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    match waiting {
        Some(w) => {
            let _ = w.post_message(&JsValue::from_str("skipWaiting"));
        }
        None => {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    }
}

/// How sharing ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shared {
    /// Handed to the system's share sheet (mail, messenger …).
    Shared,
    /// The user closed the share sheet.
    Cancelled,
    /// No file sharing here: the file was downloaded and an e-mail draft opened.
    MailFallback,
}

/// Shares a file by e-mail: the Web Share API with the file where the browser can share files,
/// else a download plus a prepared `mailto:` (subject and body name the file to attach).
pub async fn share_file(
    bytes: &[u8],
    file_name: &str,
    mime: &str,
    subject: &str,
    share_text: &str,
    mail_body: &str,
) -> Result<Shared, String> {
    if let Some(data) = share_data(bytes, file_name, mime, subject, share_text) {
        let navigator = web_sys::window().ok_or("kein Fenster")?.navigator();
        let share: Function =
            Reflect::get(&navigator, &JsValue::from_str("share")).map_err(js_err)?.dyn_into().map_err(|_| "share fehlt")?;
        let promise: js_sys::Promise = share.call1(&navigator, &data).map_err(js_err)?.dyn_into().map_err(|_| "kein Promise")?;
        return match JsFuture::from(promise).await {
            Ok(_) => Ok(Shared::Shared),
            Err(e) if e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "AbortError") => Ok(Shared::Cancelled),
            // Sharing refused (e.g. not allowed here): fall back to e-mail.
            Err(_) => mail_fallback(bytes, file_name, mime, subject, mail_body),
        };
    }
    mail_fallback(bytes, file_name, mime, subject, mail_body)
}

/// The share data if `navigator.canShare({files})` says the file can be shared.
fn share_data(bytes: &[u8], file_name: &str, mime: &str, subject: &str, body: &str) -> Option<Object> {
    let navigator = web_sys::window()?.navigator();
    let can_share: Function = Reflect::get(&navigator, &JsValue::from_str("canShare")).ok()?.dyn_into().ok()?;
    let parts = Array::of1(&js_sys::Uint8Array::from(bytes));
    let bag = web_sys::FilePropertyBag::new();
    bag.set_type(mime);
    let file = web_sys::File::new_with_u8_array_sequence_and_options(&parts, file_name, &bag).ok()?;
    let data = Object::new();
    Reflect::set(&data, &"files".into(), &Array::of1(&file)).ok()?;
    Reflect::set(&data, &"title".into(), &subject.into()).ok()?;
    Reflect::set(&data, &"text".into(), &body.into()).ok()?;
    can_share.call1(&navigator, &data).ok()?.as_bool().filter(|ok| *ok)?;
    Some(data)
}

fn mail_fallback(bytes: &[u8], file_name: &str, mime: &str, subject: &str, body: &str) -> Result<Shared, String> {
    platform::download(bytes, file_name, mime)?;
    open_link(&mailto(subject, body))?;
    Ok(Shared::MailFallback)
}

/// A `mailto:` address with subject and body, percent-encoded (RFC 6068).
pub fn mailto(subject: &str, body: &str) -> String {
    let enc = |s: &str| String::from(js_sys::encode_uri_component(&s.replace('\n', "\r\n")));
    format!("mailto:?subject={}&body={}", enc(subject), enc(body))
}

fn open_link(href: &str) -> Result<(), String> {
    let doc = platform::document().ok_or("kein Dokument")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(js_err)?.dyn_into().map_err(|_| "kein Link")?;
    a.set_href(href);
    a.set_hidden(true);
    doc.body().ok_or("kein body")?.append_child(&a).map_err(js_err)?;
    a.click();
    a.remove();
    Ok(())
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
