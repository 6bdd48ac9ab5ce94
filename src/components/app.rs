//! The page frame: header, banners, the start screen or the open draft, footer.

use super::Derived;
use super::pages::InfoPageView;
use super::start::StartScreen;
use super::wizard::Wizard;
use crate::state::{AppState, InfoPage, NoticeAction, NoticeKind, Topic};
use koop_core::document::{BuildCache, build_cached};
use koop_core::template::Catalog;
use koop_core::validate::{ValidateCache, validate_cached};
use koop_core::{build, validate};
use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_event_listener::use_event_listener;

#[component]
pub fn App() -> impl IntoView {
    let catalog = Catalog::builtin();
    crate::platform::mark("koop:vorlagen");
    match catalog {
        Ok(catalog) => view! { <Shell catalog /> }.into_any(),
        Err(e) => view! {
            <main class="start">
                <h1 class="kern-heading-large">"Koop-Assistent"</h1>
                <p class="kern-error">{format!("Die Vorlagen konnten nicht geladen werden: {e}")}</p>
            </main>
        }
        .into_any(),
    }
}

#[component]
fn Shell(catalog: &'static Catalog) -> impl IntoView {
    let app = AppState::new(catalog);
    provide_context(app);
    // The checks and blocks of the last run, kept where their answers did not change: a
    // keystroke checks and prints again only what reads the typed answer.
    let checks = std::sync::Mutex::new(ValidateCache::default());
    let report = Memo::new(move |_| {
        app.with_ctx(|c| match checks.lock() {
            Ok(mut checks) => validate_cached(c, &mut checks),
            Err(_) => validate(c),
        })
        .unwrap_or_default()
    });
    let cache = std::sync::Mutex::new(BuildCache::default());
    let doc = Memo::new(move |_| {
        report.with(|r| {
            app.with_ctx(|c| match cache.lock() {
                Ok(mut cache) => build_cached(c, r.completeness(), &mut cache),
                Err(_) => build(c, r.completeness()),
            })
        })
    });
    provide_context(Derived { report, doc });
    app.init();
    let visibility = use_document_visibility();
    crate::pwa::register_service_worker(visibility, move || {
        app.notify_with(
            Topic::UpdateReady,
            NoticeKind::Info,
            "Neue Version verfügbar",
            "Eine neue Version des Koop-Assistenten ist geladen. Ihr Entwurf ist gespeichert und bleibt erhalten.",
            vec![("Neu laden".into(), NoticeAction::UpdateApp)],
        );
    });
    // Listeners of leptos-use remove themselves with the shell.
    if let Some(w) = crate::platform::window() {
        let _ = use_event_listener(w.clone(), leptos::ev::popstate, move |_| app.follow_url());
        let _ = use_event_listener(w.clone(), leptos::ev::pagehide, move |_| app.flush());
        // Edits that are not stored (an open conflict, a failed save, a blocked storage) make
        // the browser ask before the tab is closed or left.
        let _ = use_event_listener(w.clone(), leptos::ev::beforeunload, move |ev| {
            app.flush();
            if app.has_unsaved_edits() {
                ev.prevent_default();
            }
        });
        // Another tab or window changed a draft.
        let _ = use_event_listener(w.clone(), leptos::ev::storage, move |ev| app.storage_changed(ev.key()));
        // A field's message appears after the click that left the field, not during it.
        let _ = use_event_listener(w.clone(), leptos::ev::pointerdown, move |_| app.pointer_down());
        let _ = use_event_listener(w.clone(), leptos::ev::pointerup, move |_| app.pointer_up());
        let _ = use_event_listener(w, leptos::ev::pointercancel, move |_| app.pointer_up());
    }
    // The last change is written as soon as the tab is hidden (switching apps, closing).
    Effect::new(move |_| {
        if visibility.get() == web_sys::VisibilityState::Hidden {
            app.flush();
        }
    });
    // Re-rendered only when another draft (or none) is opened, not on every keystroke.
    let open_template = Memo::new(move |_| app.with_draft(|d| d.map(|d| (d.id.clone(), d.template.clone()))));
    let page = Memo::new(move |_| app.page());
    let main = move || match (page.get(), open_template.get()) {
        (Some(p), _) => view! { <InfoPageView page=p /> }.into_any(),
        (None, open) => match open {
            Some((_, template_id)) => match catalog.template(&template_id) {
                Some(template) => view! { <Wizard template /> }.into_any(),
                None => view! { <p class="kern-error">{format!("Die Vorlage „{template_id}“ ist in dieser Version nicht enthalten.")}</p> }
                    .into_any(),
            },
            None => view! { <StartScreen /> }.into_any(),
        },
    };
    view! {
        <a class="sprunglink" href="#inhalt">"Zum Inhalt springen"</a>
        <header class="kopf">
            <div class="kopf__inhalt">
                <a
                    class="kopf__marke"
                    href=crate::platform::app_url(None, None)
                    on:click=move |ev| {
                        ev.prevent_default();
                        app.close_draft();
                    }
                >
                    "Koop-Assistent"
                </a>
                <span class="kopf__claim">"Kooperationsvereinbarungen für Landkreise und Städte"</span>
            </div>
        </header>
        <Notices />
        <main id="inhalt" class="inhalt" tabindex="-1">{main}</main>
        <div class="kern-sr-only" aria-live="polite" data-testid="ansage">{move || app.announcement()}</div>
        <footer class="fuss">
            <p>"Koop-Assistent · läuft vollständig in Ihrem Browser · keine Datenübertragung"</p>
            <nav aria-label="Rechtliches">
                <ul class="fuss__links">
                    <li>
                        <a class="kern-link" href="?seite=datenschutz" on:click=move |ev| { ev.prevent_default(); app.show_page(InfoPage::Datenschutz); }>
                            "Datenschutz"
                        </a>
                    </li>
                    <li>
                        <a class="kern-link" href="?seite=barrierefreiheit" on:click=move |ev| { ev.prevent_default(); app.show_page(InfoPage::Barrierefreiheit); }>
                            "Erklärung zur Barrierefreiheit"
                        </a>
                    </li>
                </ul>
            </nav>
        </footer>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let app = expect_context::<AppState>();
    view! {
        <div class="hinweise">
            <For each=move || app.notices() key=|n| n.id let:n>
                {
                    let (class, icon) = match n.kind {
                        NoticeKind::Info => ("kern-alert kern-alert--info", "kern-icon kern-icon--info"),
                        NoticeKind::Success => ("kern-alert kern-alert--success", "kern-icon kern-icon--success"),
                        NoticeKind::Warning => ("kern-alert kern-alert--warning", "kern-icon kern-icon--warning"),
                        NoticeKind::Danger => ("kern-alert kern-alert--danger", "kern-icon kern-icon--danger"),
                    };
                    let id = n.id;
                    view! {
                        <div class=class role="alert" data-testid="hinweis">
                            <div class="kern-alert__header">
                                <span class=icon aria-hidden="true"></span>
                                <span class="kern-title">{n.title.clone()}</span>
                            </div>
                            <div class="kern-alert__body">
                                <p class="kern-body">{n.text.clone()}</p>
                                <div class="hinweis__knoepfe">
                                    {n
                                        .actions
                                        .iter()
                                        .map(|(label, action)| {
                                            let action = action.clone();
                                            view! {
                                                <button type="button" class="kern-btn kern-btn--secondary kern-btn--x-small" on:click=move |_| app.act(id, &action)>
                                                    <span class="kern-label">{label.clone()}</span>
                                                </button>
                                            }
                                        })
                                        .collect_view()}
                                    <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=move |_| app.dismiss(id)>
                                        <span class="kern-label">"Schließen"</span>
                                        <span class="kern-sr-only">{format!(": {}", n.title)}</span>
                                    </button>
                                </div>
                            </div>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
