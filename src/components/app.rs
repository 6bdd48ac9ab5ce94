//! The page frame: header, banners, the start screen or the open draft, footer.

use super::start::StartScreen;
use super::wizard::Wizard;
use super::{Derived, StartLink};
use crate::state::{InfoPage, Library, Location, Notice, NoticeAction, NoticeKind, Notices, Session, Stores, Transfer, provide_stores};
use koop_core::document::{BuildCache, bound, build_cached};
use koop_core::draft::merge::Side;
use koop_core::template::Catalog;
use koop_core::validate::{ValidateCache, validate_cached};
use koop_core::{build, validate};
use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;

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
    let visibility = use_document_visibility();
    let stores = provide_stores(catalog, visibility);
    let Stores { session, navigator, notices, announcer, .. } = stores;
    // The checks and blocks of the last run, kept where their answers did not change: a
    // keystroke checks and prints again only what reads the typed answer.
    let checks = std::sync::Mutex::new(ValidateCache::default());
    let report = Memo::new(move |_| {
        session.with_ctx(|c| with_kept(&checks, |checks| validate_cached(c, checks), || validate(c))).unwrap_or_default()
    });
    let cache = std::sync::Mutex::new(BuildCache::default());
    let doc = Memo::new(move |_| {
        report.with(|r| {
            session.with_ctx(|c| with_kept(&cache, |cache| build_cached(c, r.completeness(), cache), || build(c, r.completeness())))
        })
    });
    let choice = stores.choice;
    // The bound document the preview shows, for the chosen body; nothing while it is not shown.
    // Kept like the agreement's between keystrokes.
    let bound_cache = std::sync::Mutex::new(BuildCache::default());
    let bound = Memo::new(move |_| {
        let id = choice.shown()?;
        report
            .with(|r| {
                session.with_ctx(|c| {
                    let body = choice.body(&bound::bodies(c, &id))?;
                    let completeness = r.completeness_of(&id, &body);
                    with_kept(
                        &bound_cache,
                        |cache| bound::build_for_cached(c, &id, &body, completeness, cache),
                        || bound::build_for(c, &id, &body, completeness),
                    )
                })
            })
            .flatten()
    });
    provide_context(Derived { report, doc, bound });
    crate::pwa::register_service_worker(visibility, move || notices.show(Notice::update_ready()));
    let page = Memo::new(move |_| navigator.page());
    // Re-rendered only when another draft (or none) is opened, not on every keystroke.
    let main = move || match (page.get(), session.opened()) {
        (Some(p), _) => view! { <super::later::InfoPageLater page=p /> }.into_any(),
        (None, open) => match open {
            Some(open) => match catalog.template(&open.template) {
                Some(template) => view! { <Wizard template /> }.into_any(),
                None => {
                    let id = open.template;
                    let text = match catalog.template_error(&id) {
                        Some(e) => format!("Die Vorlage „{id}“ konnte nicht geladen werden: {e}"),
                        None => format!("Die Vorlage „{id}“ ist in dieser Version nicht enthalten."),
                    };
                    view! { <p class="kern-error">{text}</p> }.into_any()
                }
            },
            None => view! { <StartScreen /> }.into_any(),
        },
    };
    let page_link = move |page: InfoPage, label: &'static str| {
        view! {
            <li>
                <a class="kern-link" href=navigator.href(&Location::Page(page)) on:click=move |ev| { ev.prevent_default(); navigator.show_page(page); }>
                    {label}
                </a>
            </li>
        }
    };
    view! {
        <a class="sprunglink" href="#inhalt">"Zum Inhalt springen"</a>
        <header class="kopf">
            <div class="kopf__inhalt">
                <StartLink class="kopf__marke">"Koop-Assistent"</StartLink>
                <span class="kopf__claim">"Kooperationsvereinbarungen für Landkreise und Städte"</span>
            </div>
        </header>
        <NoticeList />
        <main id="inhalt" class="inhalt" tabindex="-1">{main}</main>
        <div class="kern-sr-only" aria-live="polite" data-testid="ansage">{move || announcer.text()}</div>
        <footer class="fuss">
            <p>"Koop-Assistent · läuft vollständig in Ihrem Browser · keine Datenübertragung"</p>
            <nav aria-label="Rechtliches">
                <ul class="fuss__links">
                    {page_link(InfoPage::Datenschutz, "Datenschutz")}
                    {page_link(InfoPage::Barrierefreiheit, "Erklärung zur Barrierefreiheit")}
                </ul>
            </nav>
        </footer>
    }
}

/// `cached` with the cache kept between runs; `fresh` if the cache is unusable (a panic while
/// it was held, which only a test build survives).
fn with_kept<C, R>(cache: &std::sync::Mutex<C>, cached: impl FnOnce(&mut C) -> R, fresh: impl FnOnce() -> R) -> R {
    match cache.lock() {
        Ok(mut c) => cached(&mut c),
        Err(_) => fresh(),
    }
}

/// A banner's button: the store that owns the action handles it; returns whether the banner
/// goes (the action settled what it was about).
fn act(action: &NoticeAction, session: Session, library: Library, transfer: Transfer) -> bool {
    match action {
        NoticeAction::LoadTheirs => session.resolve(Side::Theirs),
        NoticeAction::KeepMine => session.resolve(Side::Ours),
        NoticeAction::DownloadRaw(key) => {
            library.download_raw(key);
            return false;
        }
        NoticeAction::DiscardRaw(key) => return library.discard(key),
        NoticeAction::BackupDraft => transfer.backup_open(),
        NoticeAction::UpdateApp => {
            session.flush();
            crate::pwa::activate_update();
            return false;
        }
    }
    true
}

#[component]
fn NoticeList() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let (session, library, transfer) = (expect_context::<Session>(), expect_context::<Library>(), expect_context::<Transfer>());
    // The keyed list is made when the first banner comes (most starts have none).
    let any = Memo::new(move |_| notices.any());
    let list = move || {
        any.get().then(|| view! {
            <For each=move || notices.all() key=|(id, _)| *id let:shown>
                {
                    let (id, n) = shown;
                    let (class, icon) = match n.kind {
                        NoticeKind::Info => ("kern-alert kern-alert--info", "kern-icon kern-icon--info"),
                        NoticeKind::Success => ("kern-alert kern-alert--success", "kern-icon kern-icon--success"),
                        NoticeKind::Warning => ("kern-alert kern-alert--warning", "kern-icon kern-icon--warning"),
                        NoticeKind::Danger => ("kern-alert kern-alert--danger", "kern-icon kern-icon--danger"),
                    };
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
                                                <button type="button" class="kern-btn kern-btn--secondary kern-btn--x-small" on:click=move |_| {
                                                    if act(&action, session, library, transfer) {
                                                        notices.dismiss(id);
                                                    }
                                                }>
                                                    <span class="kern-label">{label.clone()}</span>
                                                </button>
                                            }
                                        })
                                        .collect_view()}
                                    <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=move |_| notices.dismiss(id)>
                                        <span class="kern-label">"Schließen"</span>
                                        <span class="kern-sr-only">{format!(": {}", n.title)}</span>
                                    </button>
                                </div>
                            </div>
                        </div>
                    }
                }
            </For>
    })
    };
    view! { <div class="hinweise">{list}</div> }
}
