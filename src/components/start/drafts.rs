//! "Meine Entwürfe": open, rename, duplicate, save as file, delete (with undo); take in a file;
//! delete everything.

use super::Status;
use super::intake::{FileChooser, drop_target};
use super::returned::ReturnedReview;
use crate::platform;
use crate::state::{Announcer, Library, Location, Navigator, Session, Transfer};
use koop_core::{Context, Draft};
use leptos::prelude::*;

/// A draft as the list shows it: name, template, open answers.
fn summary(session: Session, d: &Draft) -> (String, String, usize) {
    match session.catalog.template(&d.template) {
        Some(t) => {
            let ctx = Context::new(t, session.catalog, d, session.today);
            let open = koop_core::validate(&ctx).error_count();
            (ctx.draft_name(), t.title.clone(), open)
        }
        None => (d.name.clone().unwrap_or_else(|| d.id.clone()), format!("unbekannte Vorlage „{}“", d.template), 0),
    }
}

fn when(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}.{:02}.{:04}, {:02}:{:02} Uhr", d.get_date(), d.get_month() + 1, d.get_full_year(), d.get_hours(), d.get_minutes())
}

#[component]
pub(super) fn DraftList() -> impl IntoView {
    let (session, library, transfer) = (expect_context::<Session>(), expect_context::<Library>(), expect_context::<Transfer>());
    let status = Status::new();
    let (dragging, on_drop, on_dragover) = drop_target(status);
    let undo = move |_| match library.restore() {
        Ok(()) => status.done("Der Entwurf ist wiederhergestellt."),
        Err(e) => status.failed(e.message()),
    };
    view! {
        <section
            class="entwuerfe"
            class:entwuerfe--ziehen=move || dragging.get()
            aria-labelledby="entwuerfe-titel"
            on:dragover=on_dragover
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h2 class="kern-heading-medium" id="entwuerfe-titel">"Meine Entwürfe"</h2>
            <p class="kern-body">
                "Entwürfe werden beim Tippen automatisch in diesem Browser gespeichert. "
                "Eine Entwurfsdatei oder eine vom Koop-Assistenten exportierte Word-, ODT- oder PDF-Datei können Sie laden oder hierher ziehen."
            </p>
            <FileChooser status />
            <div role="status" class="entwuerfe__status" data-testid="entwurf-status">
                {status.view()}
                {move || library.deleted().map(|d| {
                    let (name, _, _) = summary(session, &d);
                    view! {
                        <p class="kern-body">
                            {format!("„{name}“ wurde gelöscht. ")}
                            <button type="button" class="kern-btn kern-btn--secondary kern-btn--x-small" id="entwurf-rueckgaengig" on:click=undo>
                                <span class="kern-label">"Rückgängig"</span>
                            </button>
                        </p>
                    }
                })}
            </div>
            {move || transfer.returned().map(|_| view! { <ReturnedReview status /> })}
            {move || {
                let drafts = library.drafts();
                if drafts.is_empty() {
                    return view! { <p class="kern-body">"Noch keine Entwürfe in diesem Browser."</p> }.into_any();
                }
                view! {
                    <ul class="entwuerfe__liste">
                        {drafts.into_iter().map(|d| view! { <DraftItem draft=d status /> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <DeleteAll status />
        </section>
    }
}

#[component]
fn DraftItem(draft: Draft, status: Status) -> impl IntoView {
    let (session, library, transfer) = (expect_context::<Session>(), expect_context::<Library>(), expect_context::<Transfer>());
    let (navigator, announcer) = (expect_context::<Navigator>(), expect_context::<Announcer>());
    let (name, template, open) = summary(session, &draft);
    let id = StoredValue::new(draft.id.clone());
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(name.clone());
    let input_id = format!("umbenennen-{}", draft.id);
    let rename_button_id = format!("umbenennen-knopf-{}", draft.id);
    let backup_hint = koop_core::draft::store::needs_backup(&draft, platform::now_ms()).then_some(" · noch nicht als Datei gesichert");
    let focus_soon = |target: String| {
        move |_: leptos::ev::MouseEvent| {
            let target = target.clone();
            request_animation_frame(move || {
                platform::focus_id(&target);
            });
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match library.rename(&id.read_value(), &new_name.get_untracked()) {
            Ok(()) => {
                renaming.set(false);
                announcer.announce("Der Entwurf wurde umbenannt.");
            }
            Err(e) => status.failed(e.message()),
        }
    };
    let duplicate = move |_| match library.duplicate(&id.read_value()) {
        Ok(()) => status.done("Eine Kopie wurde angelegt."),
        Err(e) => status.failed(e.message()),
    };
    let delete = move |_| match library.delete(&id.read_value()) {
        Ok(()) => {
            announcer.announce("Der Entwurf wurde gelöscht. Rückgängig machen ist möglich.");
            request_animation_frame(|| {
                platform::focus_id("entwurf-rueckgaengig");
            });
        }
        Err(e) => status.failed(e.message()),
    };
    // Which draft a button acts on, for screen readers: ": Gotha".
    let which = format!(": {name}");
    let action = move |label: &'static str, on_click: Box<dyn FnMut(leptos::ev::MouseEvent)>, id: Option<String>| {
        view! {
            <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" id=id on:click=on_click>
                <span class="kern-label">{label}<span class="kern-sr-only">{which.clone()}</span></span>
            </button>
        }
    };
    let start_rename = focus_soon(input_id.clone());
    let cancel_rename = focus_soon(rename_button_id.clone());
    view! {
        <li class="entwurf" data-testid="entwurf">
            <h3 class="kern-heading-x-small entwurf__name">
                <a
                    class="kern-link"
                    href=navigator.href(&Location::step(&draft.id, 0))
                    on:click=move |ev| {
                        ev.prevent_default();
                        navigator.go(&Location::step(&id.read_value(), 0));
                    }
                >
                    {name.clone()}
                </a>
            </h3>
            <p class="kern-body entwurf__details">
                {format!("{template} · zuletzt geändert {} · ", when(draft.updated))}
                {if open == 0 { "vollständig".to_string() } else if open == 1 { "1 Angabe offen".to_string() } else { format!("{open} Angaben offen") }}
                {backup_hint}
            </p>
            <Show when=move || renaming.get()>
                <form class="entwurf__umbenennen" on:submit=save>
                    <div class="kern-form-input">
                        <label class="kern-label" for=input_id.clone()>"Neuer Name"</label>
                        <input class="kern-form-input__input" id=input_id.clone() type="text" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev)) />
                    </div>
                    <div class="entwurf__aktionen">
                        <button type="submit" class="kern-btn kern-btn--primary kern-btn--x-small"><span class="kern-label">"Speichern"</span></button>
                        <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click={
                            let cancel_rename = cancel_rename.clone();
                            move |ev| {
                                renaming.set(false);
                                cancel_rename(ev);
                            }
                        }>
                            <span class="kern-label">"Abbrechen"</span>
                        </button>
                    </div>
                </form>
            </Show>
            <div class="entwurf__aktionen">
                {action("Umbenennen", Box::new(move |ev| { renaming.set(true); start_rename(ev); }), Some(rename_button_id))}
                {action("Duplizieren", Box::new(duplicate), None)}
                {action("Als Datei sichern", Box::new(move |_| transfer.backup(&id.read_value())), None)}
                {action("Löschen", Box::new(delete), None)}
            </div>
        </li>
    }
}

/// "Alle Daten auf diesem Gerät löschen", with a confirmation step.
#[component]
fn DeleteAll(status: Status) -> impl IntoView {
    let (library, transfer, announcer) = (expect_context::<Library>(), expect_context::<Transfer>(), expect_context::<Announcer>());
    let confirming = RwSignal::new(false);
    let ask = move |_| {
        confirming.set(true);
        request_animation_frame(|| {
            platform::focus_id("alles-loeschen-frage");
        });
    };
    let confirm = move |_| {
        confirming.set(false);
        match library.delete_all() {
            Ok(n) => {
                // A returned document waiting for a decision is gone with everything else.
                transfer.forget();
                let m = format!("Alle Daten des Koop-Assistenten auf diesem Gerät wurden gelöscht ({n} Einträge).");
                announcer.announce(&m);
                status.done(&m);
            }
            Err(e) => status.failed(e.message()),
        }
    };
    view! {
        <section class="alles-loeschen" aria-labelledby="alles-loeschen-titel">
            <h2 class="kern-heading-small" id="alles-loeschen-titel">"Daten auf diesem Gerät"</h2>
            <p class="kern-body">"Entwürfe liegen nur in diesem Browser. Sie können sie hier vollständig entfernen, etwa bevor Sie einen gemeinsam genutzten Rechner abgeben."</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="kern-btn kern-btn--secondary" on:click=ask>
                        <span class="kern-label">"Alle Daten auf diesem Gerät löschen"</span>
                    </button>
                }
            >
                <div class="kern-alert kern-alert--danger" role="alertdialog" aria-labelledby="alles-loeschen-frage" aria-describedby="alles-loeschen-text">
                    <div class="kern-alert__header">
                        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
                        <h3 class="kern-title" id="alles-loeschen-frage" tabindex="-1">"Wirklich alle Entwürfe löschen?"</h3>
                    </div>
                    <div class="kern-alert__body">
                        <p class="kern-body" id="alles-loeschen-text">"Alle Entwürfe in diesem Browser werden gelöscht. Das kann nicht rückgängig gemacht werden. Sichern Sie vorher Entwürfe, die Sie noch brauchen, als Datei."</p>
                        <div class="entwurf__aktionen">
                            <button type="button" class="kern-btn kern-btn--primary" on:click=confirm>
                                <span class="kern-label">"Ja, alle Daten löschen"</span>
                            </button>
                            <button type="button" class="kern-btn kern-btn--secondary" on:click=move |_| confirming.set(false)>
                                <span class="kern-label">"Abbrechen"</span>
                            </button>
                        </div>
                    </div>
                </div>
            </Show>
        </section>
    }
}
