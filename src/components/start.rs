//! The start screen: what the app does, that data stays on this device, a new agreement, and
//! the drafts kept in this browser.

use crate::platform;
use crate::state::AppState;
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
                "und erstellt eine Word-Datei, die Sie Ihren Vertragspartnern per E-Mail schicken."
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
                                <button type="button" class="kern-btn kern-btn--secondary" on:click=move |_| app.new_draft(&id)>
                                    <span class="kern-label">"Mit dieser Vorlage beginnen"</span>
                                    <span class="kern-sr-only">{format!(": {}", t.title)}</span>
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

#[component]
fn DraftList() -> impl IntoView {
    let app = expect_context::<AppState>();
    view! {
        <section class="entwuerfe" aria-labelledby="entwuerfe-titel">
            <h2 class="kern-heading-medium" id="entwuerfe-titel">"Meine Entwürfe"</h2>
            {move || {
                let drafts = app.drafts.get();
                if drafts.is_empty() {
                    return view! { <p class="kern-body">"Noch keine Entwürfe in diesem Browser."</p> }.into_any();
                }
                view! {
                    <ul class="entwuerfe__liste">
                        {drafts
                            .into_iter()
                            .map(|d| {
                                let (name, template, open) = summary(app, &d);
                                let id = d.id.clone();
                                let href = platform::app_url(Some(&d.id), Some(0));
                                view! {
                                    <li class="entwurf" data-testid="entwurf">
                                        <h3 class="kern-heading-x-small entwurf__name">
                                            <a
                                                class="kern-link"
                                                href=href
                                                on:click=move |ev| {
                                                    ev.prevent_default();
                                                    app.open_draft(&id);
                                                }
                                            >
                                                {name}
                                            </a>
                                        </h3>
                                        <p class="kern-body entwurf__details">
                                            {format!("{template} · zuletzt geändert {} · ", when(d.updated))}
                                            {if open == 0 { "vollständig".to_string() } else if open == 1 { "1 Angabe offen".to_string() } else { format!("{open} Angaben offen") }}
                                        </p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
