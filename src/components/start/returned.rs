//! A returned document that waits for the user: what was edited outside the app, what differs
//! from the draft it came from ("Änderungen anzeigen"), and whether to keep it.

use super::Status;
use crate::state::Transfer;
use koop_core::import::Returned;
use leptos::prelude::*;

/// An answer in the comparison; an empty one says so.
fn shown(value: String) -> String {
    if value.is_empty() { "(keine Angabe)".into() } else { format!("„{value}“") }
}

#[component]
pub(super) fn ReturnedReview(status: Status) -> impl IntoView {
    let transfer = expect_context::<Transfer>();
    let Some(Returned { name, edited, origin, .. }) = transfer.returned() else { return ().into_any() };
    let keep = move |open_at: Option<(usize, String)>| status.intake(transfer.keep(open_at));
    let changes = origin.map(|origin| {
        let rows = origin.changes;
        let differs = match rows.len() {
            0 => "Alle Angaben stimmen mit diesem Entwurf überein.".to_string(),
            1 => "Eine Angabe unterscheidet sich.".to_string(),
            n => format!("{n} Angaben unterscheiden sich."),
        };
        let intro = format!("Das Dokument wurde aus Ihrem Entwurf „{}“ erstellt. {differs}", origin.name);
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
    let edited = edited.map(|m| {
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
            <h3 class="kern-heading-small" id="datei-pruefen-titel" tabindex="-1">{format!("„{name}“ öffnen")}</h3>
            {edited}
            {changes}
            <div class="entwurf__aktionen">
                <button type="button" class="kern-btn kern-btn--primary" on:click=move |_| keep(None)>
                    <span class="kern-label">"Als neuen Entwurf übernehmen"</span>
                </button>
                <button type="button" class="kern-btn kern-btn--secondary" on:click=move |_| {
                    if let Some(m) = transfer.drop_returned().message() {
                        status.done(&m);
                    }
                }>
                    <span class="kern-label">"Nicht übernehmen"</span>
                </button>
            </div>
        </section>
    }
    .into_any()
}
