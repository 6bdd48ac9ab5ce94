//! The start screen: what the app does, that data stays on this device, a new agreement, and
//! the drafts kept in this browser (`drafts.rs`), with files taken in (`intake.rs`) and a
//! returned document under review (`returned.rs`).

mod drafts;
mod intake;
mod returned;

use crate::platform;
use crate::state::{Announcer, Intake, Navigator, Refusal, Session};
use leptos::prelude::*;

#[component]
pub fn StartScreen() -> impl IntoView {
    let (session, navigator) = (expect_context::<Session>(), expect_context::<Navigator>());
    let choosing = RwSignal::new(false);
    let templates = session.catalog.template_ids().count();
    let start = move |_| {
        if templates == 1 {
            if let Some(id) = session.catalog.template_ids().next() {
                navigator.new_draft(id);
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
            <drafts::DraftList />
            <super::process::PhaseOverview />
        </div>
    }
}

#[component]
fn TemplateChooser() -> impl IntoView {
    let (session, navigator) = (expect_context::<Session>(), expect_context::<Navigator>());
    view! {
        <section class="vorlagen" aria-labelledby="vorlage-titel">
            <h2 class="kern-heading-medium" id="vorlage-titel" tabindex="-1">"Welche Vereinbarung möchten Sie erstellen?"</h2>
            <ul class="vorlagen__liste">
                {session
                    .catalog
                    .templates()
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
                                    on:click=move |_| navigator.new_draft(&id)
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

/// What the status line under "Meine Entwürfe" says: what the last action there did.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Said {
    Done(String),
    Failed(String),
}

/// The status line, provided to the parts of the draft list (an action in any of them reports
/// here).
#[derive(Clone, Copy)]
struct Status {
    said: RwSignal<Option<Said>>,
    announcer: Announcer,
}

impl Status {
    fn new() -> Status {
        Status { said: RwSignal::new(None), announcer: expect_context::<Announcer>() }
    }

    fn clear(&self) {
        self.said.set(None);
    }

    /// A success, shown and not announced (the list shows it too).
    fn done(&self, message: &str) {
        self.said.set(Some(Said::Done(message.into())));
    }

    fn failed(&self, message: String) {
        self.said.set(Some(Said::Failed(message)));
    }

    /// What a file did or why not; a success is announced too. (That the user did not keep a
    /// returned document is only shown: `done`.)
    fn intake(&self, outcome: Result<Intake, Refusal>) {
        match outcome {
            Ok(intake) => {
                if let Some(m) = intake.message() {
                    self.announcer.announce(&m);
                    self.done(&m);
                }
            }
            Err(refusal) => self.failed(refusal.message()),
        }
    }

    fn view(self) -> impl IntoView {
        move || {
            self.said.get().map(|s| match s {
                Said::Done(m) => view! { <p class="kern-body">{m}</p> }.into_any(),
                Said::Failed(m) => view! { <p class="kern-error">{m}</p> }.into_any(),
            })
        }
    }
}
