//! The few browser services the app needs, each wrapped so that a missing or refusing API
//! degrades to a message instead of a crash.

use koop_core::Datum;
use wasm_bindgen::JsCast;

pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Unix time in milliseconds.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today in the user's time zone.
pub fn today() -> Datum {
    let d = js_sys::Date::new_0();
    Datum::new(d.get_full_year() as i32, d.get_month() as u8 + 1, d.get_date() as u8).unwrap_or_else(|| Datum::from_unix_millis(now_ms()))
}

/// The current time in UTC as W3CDTF without fractions (`2026-11-22T09:30:00Z`), as Word's
/// document properties want it.
pub fn utc_timestamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date(),
        d.get_utc_hours(),
        d.get_utc_minutes(),
        d.get_utc_seconds()
    )
}

/// High-resolution time for measurements (falls back to the clock).
pub fn perf_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(now_ms, |p| p.now())
}

/// A named moment of the start-up (`performance.mark`), read by the benchmark's breakdown
/// (bench/startup.mjs).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Runs `f` once the page has nothing more urgent to do (a keystroke, a frame), at the latest
/// after `deadline_ms`; where the browser has no idle callbacks, after a zero timeout.
pub fn when_idle(f: impl FnOnce() + 'static, deadline_ms: u32) {
    let window = web_sys::window();
    let idle =
        window.as_ref().filter(|w| js_sys::Reflect::has(w, &wasm_bindgen::JsValue::from_str("requestIdleCallback")).unwrap_or(false));
    match idle {
        Some(w) => {
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(deadline_ms);
            let _ = w.request_idle_callback_with_options(wasm_bindgen::closure::Closure::once_into_js(f).unchecked_ref(), &options);
        }
        None => leptos::prelude::set_timeout(f, std::time::Duration::ZERO),
    }
}

/// Runs `f` once the frame being prepared is drawn and the page is idle, at the latest
/// `deadline_ms` after that frame: for what the first frame does without.
pub fn after_first_frame(f: impl FnOnce() + 'static, deadline_ms: u32) {
    leptos::prelude::request_animation_frame(move || when_idle(f, deadline_ms));
}

/// A new draft identity: time plus randomness, unique enough for one browser.
pub fn new_id() -> String {
    let rand = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{:x}-{:08x}", now_ms() as u64, rand)
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Moves keyboard focus to an element (and brings it into view).
pub fn focus_id(id: &str) -> bool {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else { return false };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else { return false };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if el.focus().is_err() {
        return false;
    }
    // focus() silently does nothing on elements that cannot take focus (a fieldset).
    document().and_then(|d| d.active_element()).is_some_and(|a| a.id() == id)
}

/// The page's path (the app works under any sub-path).
pub fn path() -> String {
    // Read once: the app changes only the query (`Location`), and every link's address asks.
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()).clone()
}

/// The query of the current address (`?…`, or empty); `state::Location` reads it.
pub fn search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Adds a history entry so that the browser's back button returns to the previous state.
pub fn push_url(url: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let current = web_sys::window().and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?))
        });
        if current.as_deref() != Some(url) {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
        }
    }
}

pub fn replace_url(url: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Bytes as a Blob of the given type.
pub fn blob(bytes: &[u8], mime: &str) -> Result<web_sys::Blob, String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag).map_err(js_err)
}

/// An object URL for bytes (kept until the page goes away).
pub fn object_url(bytes: &[u8], mime: &str) -> Result<String, String> {
    web_sys::Url::create_object_url_with_blob(&blob(bytes, mime)?).map_err(js_err)
}

/// Offers bytes as a file download (Blob + object URL + a temporary link).
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), String> {
    let doc = document().ok_or("kein Dokument")?;
    let blob = blob(bytes, mime)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_err)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(js_err)?.dyn_into().map_err(|_| "kein Link")?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    let body = doc.body().ok_or("kein body")?;
    body.append_child(&a).map_err(js_err)?;
    a.click();
    a.remove();
    // Revoked later: Chromium starts the download asynchronously.
    leptos::prelude::set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(60));
    Ok(())
}

pub fn js_err(e: wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unbekannter Fehler".to_string())
}

/// Asks the browser to keep this site's storage (not evicted under storage pressure).
pub fn request_persistent_storage() {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else { return };
    if let Ok(promise) = storage.persist() {
        wasm_bindgen_futures::spawn_local(async move {
            let granted = wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()).unwrap_or(false);
            if let Some(el) = document().and_then(|d| d.document_element()) {
                let _ = el.set_attribute("data-persistent", if granted { "ja" } else { "nein" });
            }
        });
    }
}

/// Publishes a measurement on the root element (read by the benchmark).
pub fn record_metric(name: &str, value: f64) {
    if let Some(el) = document().and_then(|d| d.document_element()) {
        // The browser's number formatting: Rust's float printer would cost first-load bytes.
        let text = js_sys::Number::from(value).to_fixed(3).map(String::from).unwrap_or_default();
        let _ = el.set_attribute(name, &text);
    }
}

/// Reads a file chosen in a file input.
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(js_err)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Listens to an event of the window while the calling component lives (leptos-use removes the
/// listener with it). Every window listener of the app goes through here with a boxed handler, so
/// leptos-use's generic code is in the app's WebAssembly once instead of once per event and
/// handler (nine of them: 19 KB raw, 0.9 KB brotli).
pub fn on_window(event: &'static str, handler: impl FnMut(web_sys::Event) + 'static) {
    listen_window(event, Box::new(handler));
}

fn listen_window(event: &'static str, handler: Box<dyn FnMut(web_sys::Event)>) {
    if let Some(w) = web_sys::window() {
        let _ = leptos_use_event_listener::use_event_listener(w, leptos::ev::Custom::<web_sys::Event>::new(event), handler);
    }
}
