//! The start screen: what the app does, that data stays on this device, a new agreement, and
//! the drafts kept in this browser.

use crate::platform;
use crate::state::{AppState, Waiting};
use koop_core::{Context, Draft};
use leptos::prelude::*;

#[component]
pub fn StartScreen() -> impl IntoView {
    let app = expect_context::<AppState>();
    let choosing = RwSignal::new(false);
    let templates = app.catalog.templates.len();
    let start = move |_| {
        if templates == 1 {
            if let Some(t) = app.catalog.templates.first() {
                app.new_draft(&t.id);
            }
        } else {
            choosing.set(true);
            request_animation_frame(|| {
                platform::focus_id("vorlage-titel");
            });
        }
    };
    view! {
        <div class="start">
            <h1 class="kern-heading-large" id="seitentitel" tabindex="-1">"Koop-Assistent"</h1>
            <p class="kern-body kern-body--large start__lead">
                "Der Koop-Assistent führt Sie Schritt für Schritt durch eine Kooperationsvereinbarung. "
                "Er prüft jede Angabe schon beim Tippen, zeigt die Vereinbarung daneben so, wie sie gedruckt wird, "
                "und erstellt eine Word- oder ODT-Datei, die Sie Ihren Vertragspartnern per E-Mail schicken."
            </p>
            <div class="kern-alert kern-alert--info">
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--info" aria-hidden="true"></span>
                    <h2 class="kern-title">"Alle Daten bleiben auf diesem Gerät"</h2>
                </div>
                <div class="kern-alert__body">
                    <p class="kern-body">
                        "Ihre Angaben werden nur in diesem Browser gespeichert und nicht an einen Server übertragen. "
                        "Der Assistent funktioniert auch ohne Internetverbindung."
                    </p>
                </div>
            </div>
            <div class="start__aktion">
                <button type="button" class="kern-btn kern-btn--primary" data-testid="neue-vereinbarung" on:click=start>
                    <span class="kern-label">"Neue Vereinbarung beginnen"</span>
                </button>
            </div>
            <Show when=move || choosing.get()>
                <TemplateChooser />
            </Show>
            <DraftList />
            <super::process::PhaseOverview />
        </div>
    }
}

#[component]
fn TemplateChooser() -> impl IntoView {
    let app = expect_context::<AppState>();
    view! {
        <section class="vorlagen" aria-labelledby="vorlage-titel">
            <h2 class="kern-heading-medium" id="vorlage-titel" tabindex="-1">"Welche Vereinbarung möchten Sie erstellen?"</h2>
            <ul class="vorlagen__liste">
                {app
                    .catalog
                    .templates
                    .iter()
                    .map(|t| {
                        let id = t.id.clone();
                        view! {
                            <li class="vorlage">
                                <h3 class="kern-heading-small">{t.title.clone()}</h3>
                                <p class="kern-body">{t.description.clone()}</p>
                                <p class="kern-body vorlage__parteien">
                                    <strong>"Vertragspartner: "</strong>
                                    {t.parties.clone()}
                                </p>
                                <button
                                    type="button"
                                    class="kern-btn kern-btn--secondary"
                                    aria-label=format!("Mit dieser Vorlage beginnen: {}", t.title)
                                    on:click=move |_| app.new_draft(&id)
                                >
                                    <span class="kern-label">"Mit dieser Vorlage beginnen"</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

fn summary(app: AppState, d: &Draft) -> (String, String, usize) {
    match app.catalog.template(&d.template) {
        Some(t) => {
            let ctx = Context::new(t, app.catalog, d, app.today);
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

/// "Meine Entwürfe": open, rename, duplicate, save as file, delete (with undo); import a file;
/// delete everything.
#[component]
fn DraftList() -> impl IntoView {
    let app = expect_context::<AppState>();
    let status: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // A chosen or dropped file: a draft file (.json) or an exported document (.docx, .odt, .pdf).
    let take_file = move |file: web_sys::File| {
        // Checked before reading: a huge file is refused without loading it into memory.
        if file.size() > koop_core::draft::store::MAX_IMPORT_BYTES as f64 {
            let e = koop_core::draft::store::ImportError::Decode(koop_core::draft::store::DecodeError::TooLarge(file.size() as usize));
            status.set(Some(Err(e.message())));
            return;
        }
        let file_name = file.name();
        status.set(None);
        leptos::task::spawn_local(async move {
            let result = match platform::read_file(file).await {
                // A ZIP package (an exported DOCX or ODT) or a PDF: it carries its draft.
                Ok(bytes) if bytes.starts_with(b"PK") || bytes.starts_with(b"%PDF") => match crate::export::read_draft(&bytes).await {
                    Ok(record) => {
                        let (request, origin_name) = app.review_request(&record, &file_name);
                        match crate::export::review(&bytes, &request).await {
                            Ok(review) => app.receive_review(review, origin_name).map(Option::unwrap_or_default),
                            Err(e) => Err(e),
                        }
                    }
                    Err(e) => Err(e),
                },
                Ok(bytes) => app.import_draft(&bytes),
                Err(e) => Err(format!("Die Datei konnte nicht gelesen werden ({e}).")),
            };
            let result =
                result.map_err(|e| if e.ends_with("Es wurde nichts geändert.") { e } else { format!("{e} Es wurde nichts geändert.") });
            match &result {
                Ok(m) if m.is_empty() => {
                    // Waiting for the user's decision: the panel below says what to know.
                    request_animation_frame(|| {
                        platform::focus_id("datei-pruefen-titel");
                    });
                    return;
                }
                Ok(m) => app.announce(m),
                Err(_) => {}
            }
            status.set(Some(result));
        });
    };
    let on_file = move |_| {
        let Some(input) = input_ref.get() else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        take_file(file);
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            take_file(file);
        }
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        // Without this the browser opens the dropped file itself.
        ev.prevent_default();
        dragging.set(true);
    };
    let undo = move |_| match app.restore_deleted() {
        Ok(()) => status.set(Some(Ok("Der Entwurf ist wiederhergestellt.".into()))),
        Err(e) => status.set(Some(Err(e.message()))),
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
            <div class="entwuerfe__werkzeuge">
                <button
                    type="button"
                    class="kern-btn kern-btn--secondary"
                    on:click=move |_| {
                        if let Some(i) = input_ref.get() {
                            i.click();
                        }
                    }
                >
                    <span class="kern-label">"Entwurf aus Datei laden"</span>
                </button>
                // Opened by the button above; hidden because the browser's own control cannot be
                // labelled in German.
                <input
                    class="versteckt"
                    type="file"
                    accept=".json,application/json,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.odt,application/vnd.oasis.opendocument.text,.pdf,application/pdf"
                    aria-label="Entwurfsdatei wählen"
                    node_ref=input_ref
                    on:change=on_file
                    data-testid="import"
                />
            </div>
            <div role="status" class="entwuerfe__status" data-testid="entwurf-status">
                {move || status.get().map(|r| match r {
                    Ok(m) => view! { <p class="kern-body">{m}</p> }.into_any(),
                    Err(m) => view! { <p class="kern-error">{m}</p> }.into_any(),
                })}
                {move || app.deleted().map(|d| {
                    let (name, _, _) = summary(app, &d);
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
            {move || app.incoming().map(|_| view! { <IncomingDocument status /> })}
            {move || {
                let drafts = app.drafts();
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
fn DraftItem(draft: Draft, status: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let (name, template, open) = summary(app, &draft);
    let id = draft.id.clone();
    let href = platform::app_url(Some(&draft.id), Some(0));
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(name.clone());
    let input_id = format!("umbenennen-{}", draft.id);
    let rename_button_id = format!("umbenennen-knopf-{}", draft.id);
    let backup_hint = koop_core::draft::store::needs_backup(&draft, platform::now_ms()).then_some(" · noch nicht als Datei gesichert");
    let open_id = id.clone();
    let dup_id = id.clone();
    let backup_id = id.clone();
    let del_id = id.clone();
    let save_id = id.clone();
    let focus_input = input_id.clone();
    let focus_button = rename_button_id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match app.rename_draft(&save_id, &new_name.get_untracked()) {
            Ok(()) => {
                renaming.set(false);
                app.announce("Der Entwurf wurde umbenannt.");
            }
            Err(e) => status.set(Some(Err(e.message()))),
        }
    };
    let label = name.clone();
    view! {
        <li class="entwurf" data-testid="entwurf">
            <h3 class="kern-heading-x-small entwurf__name">
                <a
                    class="kern-link"
                    href=href
                    on:click=move |ev| {
                        ev.prevent_default();
                        app.open_draft(&open_id);
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
                <form class="entwurf__umbenennen" on:submit=save.clone()>
                    <div class="kern-form-input">
                        <label class="kern-label" for=input_id.clone()>"Neuer Name"</label>
                        <input class="kern-form-input__input" id=input_id.clone() type="text" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev)) />
                    </div>
                    <div class="entwurf__aktionen">
                        <button type="submit" class="kern-btn kern-btn--primary kern-btn--x-small"><span class="kern-label">"Speichern"</span></button>
                        <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click={
                            let focus_button = focus_button.clone();
                            move |_| {
                                renaming.set(false);
                                let b = focus_button.clone();
                                request_animation_frame(move || { platform::focus_id(&b); });
                            }
                        }>
                            <span class="kern-label">"Abbrechen"</span>
                        </button>
                    </div>
                </form>
            </Show>
            <div class="entwurf__aktionen">
                <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" id=rename_button_id on:click=move |_| {
                    renaming.set(true);
                    let i = focus_input.clone();
                    request_animation_frame(move || { platform::focus_id(&i); });
                }>
                    <span class="kern-label">"Umbenennen"<span class="kern-sr-only">{format!(": {label}")}</span></span>
                </button>
                <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=move |_| match app.duplicate_draft(&dup_id) {
                    Ok(_) => {
                        status.set(Some(Ok("Eine Kopie wurde angelegt.".into())));
                    }
                    Err(e) => status.set(Some(Err(e.message()))),
                }>
                    <span class="kern-label">"Duplizieren"<span class="kern-sr-only">{format!(": {name}")}</span></span>
                </button>
                <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=move |_| app.backup_draft(&backup_id)>
                    <span class="kern-label">"Als Datei sichern"<span class="kern-sr-only">{format!(": {}", draft_label(app, &draft))}</span></span>
                </button>
                <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=move |_| match app.delete_draft(&del_id) {
                    Ok(()) => {
                        app.announce("Der Entwurf wurde gelöscht. Rückgängig machen ist möglich.");
                        request_animation_frame(|| { platform::focus_id("entwurf-rueckgaengig"); });
                    }
                    Err(e) => status.set(Some(Err(e.message()))),
                }>
                    <span class="kern-label">"Löschen"<span class="kern-sr-only">{format!(": {}", draft_label(app, &draft))}</span></span>
                </button>
            </div>
        </li>
    }
}

/// A document read back that waits for the user: what was edited outside the app, what differs
/// from the draft it came from ("Änderungen anzeigen"), and whether to keep it.
#[component]
fn IncomingDocument(status: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let Some(Waiting { review, origin_name }) = app.incoming() else { return ().into_any() };
    let keep = move |open_at: Option<(usize, String)>| match app.keep_incoming(open_at) {
        Ok(m) => {
            app.announce(&m);
            status.set(Some(Ok(m)));
        }
        Err(e) => status.set(Some(Err(format!("{e} Es wurde nichts geändert.")))),
    };
    let from = origin_name.unwrap_or_default();
    let changes = review.changes.map(|rows| {
        let differs = match rows.len() {
            0 => "Alle Angaben stimmen mit diesem Entwurf überein.".to_string(),
            1 => "Eine Angabe unterscheidet sich.".to_string(),
            n => format!("{n} Angaben unterscheiden sich."),
        };
        let intro = format!("Das Dokument wurde aus Ihrem Entwurf „{from}“ erstellt. {differs}");
        // A native disclosure: its state is announced without any script of ours.
        let list = (!rows.is_empty()).then(|| {
            let rows = rows
                .into_iter()
                .map(|c| {
                    let target = (c.step, c.anchor);
                    view! {
                        <li>
                            <a class="kern-link" href="#" on:click=move |ev| {
                                ev.prevent_default();
                                keep(Some(target.clone()));
                            }>{c.label}</a>
                            {format!(": bisher {}, im Dokument {}", shown(c.old), shown(c.new))}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="aenderungen">
                    <summary class="kern-link">"Änderungen anzeigen"</summary>
                    <ul class="kern-body aenderungen__liste">{rows}</ul>
                    <p class="kern-body">"Ein Klick auf eine Angabe übernimmt das Dokument als neuen Entwurf und öffnet ihn an diesem Feld."</p>
                </details>
            }
        });
        view! { <p class="kern-body">{intro}</p> {list} }
    });
    let edited = review.edited.map(|m| {
        view! {
            <div class="kern-alert kern-alert--warning">
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
                    <span class="kern-title">"Text außerhalb des Assistenten geändert"</span>
                </div>
                <div class="kern-alert__body"><p class="kern-body">{m}</p></div>
            </div>
        }
    });
    view! {
        <section class="datei-pruefen" aria-labelledby="datei-pruefen-titel" data-testid="datei-pruefen">
            <h3 class="kern-heading-small" id="datei-pruefen-titel" tabindex="-1">{format!("„{}“ öffnen", review.name)}</h3>
            {edited}
            {changes}
            <div class="entwurf__aktionen">
                <button type="button" class="kern-btn kern-btn--primary" on:click=move |_| keep(None)>
                    <span class="kern-label">"Als neuen Entwurf übernehmen"</span>
                </button>
                <button type="button" class="kern-btn kern-btn--secondary" on:click=move |_| {
                    app.drop_incoming();
                    status.set(Some(Ok("Die Datei wurde nicht übernommen. Es wurde nichts geändert.".into())));
                }>
                    <span class="kern-label">"Nicht übernehmen"</span>
                </button>
            </div>
        </section>
    }
    .into_any()
}

/// An answer in the comparison; an empty one says so.
fn shown(value: String) -> String {
    if value.is_empty() { "(keine Angabe)".into() } else { format!("„{value}“") }
}

fn draft_label(app: AppState, d: &Draft) -> String {
    summary(app, d).0
}

/// "Alle Daten auf diesem Gerät löschen", with a confirmation step.
#[component]
fn DeleteAll(status: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let confirming = RwSignal::new(false);
    let ask = move |_| {
        confirming.set(true);
        request_animation_frame(|| {
            platform::focus_id("alles-loeschen-frage");
        });
    };
    let confirm = move |_| {
        confirming.set(false);
        match app.delete_all() {
            Ok(n) => {
                let m = format!("Alle Daten des Koop-Assistenten auf diesem Gerät wurden gelöscht ({n} Einträge).");
                app.announce(&m);
                status.set(Some(Ok(m)));
            }
            Err(e) => status.set(Some(Err(e.message()))),
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
