//! Browser tests (wasm-bindgen-test in headless Chromium): the localStorage adapter against
//! real localStorage, the Blob used for downloads, and the mounted app.
#![cfg(target_arch = "wasm32")]

use koop_assistent::platform;
use koop_assistent::storage::LocalStorageKv;
use koop_core::Draft;
use koop_core::draft::store::{DRAFT_PREFIX, DecodeError, DraftStore, KeyValue, KvDraftStore, StoreError};
use koop_core::template::Catalog;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("localStorage")
}

fn clear() {
    storage().clear().expect("clear");
}

fn sample(id: &str) -> Draft {
    let t = Catalog::builtin().expect("templates").template("ikpe").expect("ikpe");
    let mut d = Draft::new(t, id, 1_000.0);
    d.set_text("kommune_name", "Sömmerda");
    d.set_text("plz", "99610");
    d
}

/// Waits until `cond` holds (checked each animation frame, at most 5 s): synchronises on what
/// the app shows or stores, never on a fixed time.
async fn until(what: &str, cond: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !cond() {
        assert!(js_sys::Date::now() - start < 5000.0, "waited 5 s in vain for: {what}");
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().expect("window").request_animation_frame(&resolve).expect("frame");
        });
        JsFuture::from(p).await.expect("frame");
    }
}

#[wasm_bindgen_test]
fn local_storage_round_trip() {
    clear();
    let store = KvDraftStore::new(LocalStorageKv::open().expect("storage opens").0);
    let a = sample("a");
    let mut b = sample("b");
    b.updated = 2_000.0;
    store.save(&a).expect("save a");
    store.save(&b).expect("save b");
    // Really in localStorage, under the documented key, in the versioned format.
    let raw = storage().get_item(&format!("{DRAFT_PREFIX}a")).expect("get").expect("present");
    assert!(raw.contains(&format!("\"schema\":{}", koop_core::draft::store::SCHEMA_VERSION)) && raw.contains("Sömmerda"), "{raw}");
    let listing = store.list().expect("list");
    assert_eq!(listing.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), vec!["b", "a"], "newest first");
    assert_eq!(store.load("a").expect("load"), a);
    store.delete("a").expect("delete");
    assert!(matches!(store.load("a"), Err(StoreError::NotFound(_))));
    clear();
}

#[wasm_bindgen_test]
fn corrupt_and_future_records_are_quarantined_and_others_survive() {
    clear();
    let store = KvDraftStore::new(LocalStorageKv::open().expect("storage opens").0);
    store.save(&sample("gut")).expect("save");
    storage().set_item(&format!("{DRAFT_PREFIX}kaputt"), "{\"format\":\"koop-assistent/entwurf\",\"schema\":1,\"draft\":{").expect("plant");
    storage()
        .set_item(&format!("{DRAFT_PREFIX}zukunft"), "{\"format\":\"koop-assistent/entwurf\",\"schema\":99,\"draft\":{}}")
        .expect("plant");
    let listing = store.list().expect("list");
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.drafts[0].id, "gut");
    assert_eq!(listing.quarantined.len(), 2);
    let future = listing.quarantined.iter().find(|q| q.key.ends_with("zukunft")).expect("future record listed");
    assert_eq!(future.error, DecodeError::UnknownVersion(99));
    assert!(listing.quarantined.iter().any(|q| matches!(q.error, DecodeError::Corrupt(_))));
    // Quarantine leaves the raw text untouched for download.
    assert!(storage().get_item(&format!("{DRAFT_PREFIX}kaputt")).expect("get").is_some());
    clear();
}

#[wasm_bindgen_test]
fn quota_exceeded_is_reported_as_such() {
    clear();
    let kv = LocalStorageKv::open().expect("storage opens").0;
    KvDraftStore::new(LocalStorageKv::open().expect("storage opens").0).save(&sample("vorher")).expect("saved before the storage is full");
    // Fill localStorage (Chromium allows about 5 MB per origin) with 512 KB chunks.
    let chunk = "x".repeat(512 * 1024);
    let mut filled = 0;
    let mut hit_quota = false;
    for i in 0..64 {
        match kv.set(&format!("fuellung-{i}"), &chunk) {
            Ok(()) => filled += 1,
            Err(StoreError::QuotaExceeded) => {
                hit_quota = true;
                break;
            }
            Err(other) => panic!("unexpected error {other:?}"),
        }
    }
    assert!(hit_quota, "quota never reached after {filled} chunks");
    let store = KvDraftStore::new(kv);
    let mut big = sample("gross");
    big.set_text("strasse", &"y".repeat(600 * 1024));
    assert_eq!(store.save(&big), Err(StoreError::QuotaExceeded));
    assert!(StoreError::QuotaExceeded.message().contains("Speicher"));
    // Issue 13, item 2: a storage full to the last byte still opens, says it is full, and
    // lists every draft (before, the app fell back to an empty memory store and hid them all).
    let mut size = 64 * 1024;
    let mut i = 0;
    while size > 0 {
        let kv = LocalStorageKv::open().expect("storage opens").0;
        while kv.set(&format!("rest-{i}"), &"z".repeat(size)).is_ok() {
            i += 1;
        }
        size /= 4;
    }
    let (full, problem) = LocalStorageKv::open().expect("a full storage still opens");
    assert_eq!(problem, Some(StoreError::QuotaExceeded));
    let listed = KvDraftStore::new(full).list().expect("listed");
    assert_eq!(listed.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), vec!["vorher"]);
    clear();
}

#[wasm_bindgen_test]
async fn download_blob_holds_the_bytes_and_type() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    let mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let blob = platform::blob(&bytes, mime).expect("blob");
    assert_eq!(blob.size() as usize, bytes.len());
    assert_eq!(blob.type_(), mime);
    let buf = JsFuture::from(blob.array_buffer()).await.expect("read");
    assert_eq!(js_sys::Uint8Array::new(&buf).to_vec(), bytes);
}

#[wasm_bindgen_test]
async fn mounted_app_starts_a_draft_and_saves_it() {
    clear();
    let doc = web_sys::window().and_then(|w| w.document()).expect("document");
    let host: web_sys::HtmlElement = doc.create_element("div").expect("div").dyn_into().expect("html element");
    doc.body().expect("body").append_child(&host).expect("append");
    let handle = leptos::mount::mount_to(host.clone(), koop_assistent::App);
    let text = || host.text_content().unwrap_or_default();
    until("the start page", || text().contains("Alle Daten bleiben auf diesem Gerät")).await;
    let button: web_sys::HtmlElement =
        host.query_selector("[data-testid=neue-vereinbarung]").expect("query").expect("start button").dyn_into().expect("button");
    button.click();
    until("the template chooser", || host.query_selector(".vorlage button").ok().flatten().is_some()).await;
    // Two templates: the chooser lists them; the first is the IKPE agreement.
    let choose: web_sys::HtmlElement =
        host.query_selector(".vorlage button").expect("query").expect("template chooser").dyn_into().expect("button");
    assert!(host.text_content().unwrap_or_default().contains("Welche Vereinbarung möchten Sie erstellen?"));
    choose.click();
    until("step 1", || text().contains("Schritt 1 von 7")).await;
    // Typing into the first field reaches the preview and, after the debounce, localStorage.
    let input: web_sys::HtmlInputElement =
        host.query_selector("#feld-kommune_name").expect("query").expect("field").dyn_into().expect("input");
    input.set_value("Wartburgkreis");
    input.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    let preview = || host.query_selector("[data-testid=vorschau]").ok().flatten().and_then(|p| p.text_content()).unwrap_or_default();
    until("the preview", || preview().contains("des Wartburgkreises")).await;
    let stored = || {
        (0..storage().length().unwrap_or(0))
            .filter_map(|i| storage().key(i).ok().flatten())
            .filter(|k| k.starts_with(DRAFT_PREFIX))
            .any(|k| storage().get_item(&k).ok().flatten().unwrap_or_default().contains("Wartburgkreis"))
    };
    until("the autosave", stored).await;
    handle.forget();
    host.remove();
    clear();
}

/// A template field of this test only (no template has it: the field components take any).
fn leaked_field(json: &str) -> &'static koop_core::Field {
    Box::leak(Box::new(serde_json::from_str(json).expect("field")))
}

/// Mounts `view` with the app's stores and a report of `issues`; returns the host element and
/// the stores. The caller removes the host.
fn mount_field(
    issues: Vec<koop_core::validate::Issue>,
    view: impl Fn() -> leptos::prelude::AnyView + 'static,
) -> (web_sys::HtmlElement, koop_assistent::state::Stores) {
    use koop_assistent::components::Derived;
    use leptos::prelude::*;
    let doc = web_sys::window().and_then(|w| w.document()).expect("document");
    let host: web_sys::HtmlElement = doc.create_element("div").expect("div").dyn_into().expect("html element");
    doc.body().expect("body").append_child(&host).expect("append");
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = slot.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let visibility = leptos_use_document_visibility::use_document_visibility();
        let stores = koop_assistent::state::provide_stores(Catalog::builtin().expect("templates"), visibility);
        let report = koop_core::Report { issues: issues.clone() };
        provide_context(Derived { report: Memo::new(move |_| report.clone()), doc: Memo::new(|_| None), bound: Memo::new(|_| None) });
        out.set(Some(stores));
        view()
    });
    handle.forget();
    (host, slot.get().expect("mounted"))
}

/// The textarea names its warning in `aria-describedby`, as the single-line input does.
#[wasm_bindgen_test]
async fn a_textarea_is_described_by_its_warning() {
    use koop_core::template::Severity;
    use leptos::prelude::*;
    let field = leaked_field(r#"{ "id": "notiz", "kind": "textarea", "label": "Notiz" }"#);
    let warning = koop_core::validate::Issue {
        path: koop_core::FieldPath::field("notiz"),
        step: 0,
        label: "Notiz".into(),
        message: "Bitte prüfen Sie die Notiz.".into(),
        severity: Severity::Warning,
        fix: None,
        owner: None,
    };
    let (host, stores) =
        mount_field(vec![warning], move || view! { <koop_assistent::components::fields::FieldView field step=0 /> }.into_any());
    // After "Weiter" every message of the step is shown.
    stores.form.submit_step(0, 0);
    until("the warning", || host.query_selector("#feld-notiz-warnung").ok().flatten().is_some()).await;
    let textarea = host.query_selector("textarea").expect("query").expect("textarea");
    let described = textarea.get_attribute("aria-describedby").unwrap_or_default();
    // Display, not Debug: the test build drops Debug output.
    assert!(described.split(' ').any(|id| id == "feld-notiz-warnung"), "aria-describedby=„{described}“");
    host.remove();
}

/// Moving an entry of a list whose template names no item label announces "Eintrag …", never a
/// sentence that starts with nothing.
#[wasm_bindgen_test]
async fn moving_an_unnamed_entry_announces_it_as_eintrag() {
    use leptos::prelude::*;
    crate::clear();
    let list = leaked_field(
        r#"{ "id": "punkte", "kind": "list", "label": "Punkte", "fields": [{ "id": "text", "kind": "text", "label": "Text" }] }"#,
    );
    let (host, stores) =
        mount_field(Vec::new(), move || view! { <koop_assistent::components::fields::FieldView field=list step=0 /> }.into_any());
    stores.navigator.new_draft("ikpe");
    let click = |selector: &str, nth: usize| {
        let nodes = host.query_selector_all(selector).expect("query");
        let button: web_sys::HtmlElement = nodes.item(nth as u32).expect("button").dyn_into().expect("html element");
        button.click();
    };
    until("the add button", || host.query_selector("#feld-punkte").ok().flatten().is_some()).await;
    click("#feld-punkte", 0);
    click("#feld-punkte", 0);
    until("two entries", || host.query_selector_all(".eintrag").map(|n| n.length()).unwrap_or(0) == 2).await;
    let down = host.query_selector_all(".eintrag__aktionen button").expect("query");
    let down: web_sys::HtmlElement = (0..down.length())
        .filter_map(|i| down.item(i))
        .find(|b| b.text_content().unwrap_or_default().starts_with("Nach unten"))
        .expect("Nach unten")
        .dyn_into()
        .expect("button");
    down.click();
    until("the announcement", || stores.announcer.text().contains("Position 2")).await;
    let said = stores.announcer.text();
    assert!(said == "Eintrag ist jetzt an Position 2.", "announced „{said}“");
    host.remove();
    // The draft opened above put itself into the address; the next test starts from none.
    platform::replace_url(&platform::path());
    crate::clear();
}
