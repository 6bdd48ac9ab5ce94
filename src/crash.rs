//! What the user sees when the app crashes. A panic aborts at once (`-Cpanic=immediate-abort`,
//! scripts/lib.sh): the WebAssembly traps and the trap surfaces as an uncaught
//! `WebAssembly.RuntimeError` from whatever called in (an event handler, a timer, a task), while
//! the page would look alive and say "Gespeichert". No panic hook runs, so a listener on the
//! window recognises that error, shows a German message (role alert, focused), offers the open
//! draft as a file, asks to reload, and stops every further save, so nothing half-written lands
//! in storage.
//!
//! The listener cannot use the reactive runtime (the crash may have happened inside it, with its
//! cells borrowed), so the open draft is kept here as finished text: the file the draft would be
//! saved as, refreshed at every save attempt (at most one autosave delay behind the typing), in a
//! plain cell the listener only reads.

use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

/// The open draft as a file: (file name, file text).
type Snapshot = (String, String);

thread_local! {
    static SNAPSHOT: RefCell<Option<Snapshot>> = const { RefCell::new(None) };
    static CRASHED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the app has crashed: nothing may be saved any more.
pub fn crashed() -> bool {
    CRASHED.with(Cell::get)
}

/// Keeps the open draft's file for the crash message (None when no draft is open).
pub fn remember(snapshot: Option<Snapshot>) {
    SNAPSHOT.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = snapshot;
        }
    });
}

/// Installs the listener (once, at start).
pub fn install() {
    let Some(window) = web_sys::window() else { return };
    // An exception thrown by a handler or a timer arrives as an `error` event (`error` holds it),
    // a rejected promise nobody handled as `unhandledrejection` (`reason`). Only a trap of the
    // WebAssembly is a crash; the errors of scripts stay where they are (in the console).
    let listener = Closure::<dyn Fn(JsValue)>::new(|event: JsValue| {
        let cause = |key: &str| js_sys::Reflect::get(&event, &JsValue::from_str(key)).ok();
        let trapped =
            [cause("error"), cause("reason")].into_iter().flatten().any(|c| c.is_instance_of::<js_sys::WebAssembly::RuntimeError>());
        if trapped {
            crash();
        }
    });
    for kind in ["error", "unhandledrejection"] {
        let _ = window.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    // The listener lives as long as the page.
    listener.forget();
}

fn crash() {
    if CRASHED.with(|c| c.replace(true)) {
        return;
    }
    let snapshot = SNAPSHOT.with(|s| s.try_borrow().ok().and_then(|s| s.clone()));
    // Best effort: a page that cannot even show the message still has the console's error.
    let _ = show(snapshot);
}

const TITLE: &str = "Ein Fehler ist aufgetreten";
const TEXT: &str = "Der Koop-Assistent kann nicht weiterarbeiten und speichert ab jetzt nichts mehr, damit nichts Halbfertiges gespeichert wird. Ihre zuletzt gespeicherten Angaben bleiben im Browser erhalten. Bitte laden Sie die Seite neu.";

fn show(snapshot: Option<Snapshot>) -> Option<()> {
    let doc = web_sys::window()?.document()?;
    let body = doc.body()?;
    let el = |tag: &str, class: &str, text: Option<&str>| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if let Some(t) = text {
            e.set_text_content(Some(t));
        }
        Some(e)
    };
    let alert = el("div", "kern-alert kern-alert--danger absturz", None)?;
    alert.set_id("absturz");
    alert.set_attribute("role", "alert").ok()?;
    alert.set_attribute("tabindex", "-1").ok()?;
    let header = el("div", "kern-alert__header", None)?;
    let title = el("span", "kern-title", Some(TITLE))?;
    header.append_child(&title).ok()?;
    alert.append_child(&header).ok()?;
    let content = el("div", "kern-alert__body", None)?;
    let text = el("p", "kern-body", Some(TEXT))?;
    content.append_child(&text).ok()?;
    let actions = el("p", "absturz__aktionen", None)?;
    if let Some((name, text)) = snapshot {
        // A link, not a button: it needs no handler in a module that has just crashed.
        let url = crate::platform::object_url(text.as_bytes(), "application/json").ok()?;
        let a: web_sys::HtmlAnchorElement = el("a", "kern-link", Some("Entwurf als Datei sichern"))?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(&name);
        actions.append_child(&a).ok()?;
        actions.append_child(&doc.create_text_node(" · ")).ok()?;
    }
    let reload: web_sys::HtmlAnchorElement = el("a", "kern-link", Some("Seite neu laden"))?.dyn_into().ok()?;
    reload.set_href(&web_sys::window()?.location().href().ok()?);
    actions.append_child(&reload).ok()?;
    content.append_child(&actions).ok()?;
    alert.append_child(&content).ok()?;
    // The rest of the page is dead: inert, so nobody types into it believing it is saved.
    let children = body.children();
    for i in 0..children.length() {
        if let Some(c) = children.item(i) {
            let _ = c.set_attribute("inert", "");
            let _ = c.set_attribute("aria-hidden", "true");
        }
    }
    body.insert_before(&alert, body.first_child().as_ref()).ok()?;
    alert.dyn_ref::<web_sys::HtmlElement>()?.focus().ok()?;
    Some(())
}

/// Panics on purpose, for the end-to-end test of the message above (called from an event handler,
/// as a bug in a handler would surface). Harmless: the same as any crash, reachable only from the
/// browser console, not from the page.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn koop_test_crash() {
    panic!("absichtlicher Absturz (Test)");
}
