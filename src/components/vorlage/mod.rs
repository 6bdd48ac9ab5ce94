//! A template's further documents (`[[documents]]`, the council's Beschlussvorlage) in the UI:
//! on the review step, the body to make it for, its own answers and its files
//! (`BoundSection`); above the preview, the switch between the agreement and it (`switch.rs`).
//! Every word of the document and of its answers comes from the model and the template.

mod files;
mod switch;

pub use switch::PreviewPane;

use super::Derived;
use super::fields::FieldView;
use super::radio::RadioOption;
use crate::state::{DocumentChoice, Session};
use files::Wanted;
use koop_core::document::bound;
use koop_core::export::Format;
use koop_core::template::{BoundDocument, Template};
use leptos::prelude::*;

/// The element id of a bound document's heading on the review step (links lead there).
pub fn heading_id(document: &BoundDocument) -> String {
    format!("dokument-{}-titel", document.id)
}

/// "Beschlussvorlage erstellen" on the review step.
#[component]
pub fn BoundSection(template: &'static Template, document: &'static BoundDocument) -> impl IntoView {
    let (session, choice, derived) = (expect_context::<Session>(), expect_context::<DocumentChoice>(), expect_context::<Derived>());
    let id = document.id.as_str();
    let bodies = Memo::new(move |_| session.with_ctx(|c| bound::bodies(c, id)).unwrap_or_default());
    let chosen = Memo::new(move |_| bodies.with(|b| choice.body(b)));
    let several = Memo::new(move |_| bodies.with(|b| b.len() > 1));
    let label = Memo::new(move |_| {
        chosen.with(|k| bodies.with(|b| b.iter().find(|x| Some(&x.key) == k.as_ref()).map(|x| x.label.clone()))).unwrap_or_default()
    });
    let own_errors = Memo::new(move |_| chosen.with(|k| k.as_ref().map_or(0, |k| derived.report.with(|r| r.own_errors(id, k).count()))));
    let agreement_open = Memo::new(move |_| derived.report.with(|r| r.error_count()));
    let format = RwSignal::new(Format::Docx);
    let result: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let run = move |wanted: Option<Wanted>, share: bool| {
        let Some(wanted) = wanted else { return };
        let f = format.get_untracked();
        leptos::task::spawn_local(async move {
            let done = if share {
                files::share(session, derived, id, wanted, f).await
            } else {
                files::download(session, derived, id, wanted, f).await
            };
            result.set(Some(done));
        });
    };
    let one = move || chosen.get_untracked().map(Wanted::One);
    let (title_id, labelled_by) = (heading_id(document), heading_id(document));
    let body_choice = move || {
        if !several.get() {
            return view! { <p class="kern-body" data-testid="vorlage-fuer">{move || format!("Für: {}", label.get())}</p> }.into_any();
        }
        view! {
            <fieldset class="kern-fieldset feld">
                <legend class="kern-label">"Für welche Körperschaft?"</legend>
                <div class="kern-fieldset__body">
                    {move || {
                        bodies
                            .get()
                            .into_iter()
                            .map(|body| {
                                let (mine, pick) = (body.key.clone(), body.key.clone());
                                view! {
                                    <RadioOption
                                        name=format!("dokument-{id}-fuer")
                                        id=format!("dokument-{id}-fuer-{}", body.key)
                                        label=body.label
                                        checked=Signal::derive(move || chosen.with(|c| c.as_ref() == Some(&mine)))
                                        pick=Callback::new(move |()| choice.choose(pick.clone()))
                                    />
                                }
                            })
                            .collect_view()
                    }}
                </div>
            </fieldset>
        }
        .into_any()
    };
    // The chosen body's own answers (a town's are sub-fields of its entry).
    let answers = move || {
        chosen.get().map(|body| {
            let entry = body.entry;
            bound::answers(template, id, &body)
                .into_iter()
                .map(|a| view! { <FieldView field=a.field step=a.step scope=a.list.zip(entry) /> })
                .collect_view()
        })
    };
    let state = move || match (agreement_open.get(), own_errors.get()) {
        (0, 0) => "Alle Angaben sind gültig: Die Datei wird nicht als ENTWURF gekennzeichnet.".to_string(),
        (0, 1) => "1 Angabe oben ist ungültig: Die Datei wird als ENTWURF gekennzeichnet.".to_string(),
        (0, n) => format!("{n} Angaben oben sind ungültig: Die Datei wird als ENTWURF gekennzeichnet."),
        _ => "Die Vereinbarung ist noch nicht vollständig: Die Datei wird als ENTWURF gekennzeichnet.".to_string(),
    };
    view! {
        <section class="dokument-erstellen" aria-labelledby=labelled_by>
            <h3 class="kern-heading-small" id=title_id tabindex="-1">{format!("{} erstellen", document.title)}</h3>
            {(!document.description.is_empty()).then(|| view! { <p class="kern-body">{document.description.clone()}</p> })}
            {body_choice}
            <h4 class="kern-heading-x-small">{move || format!("Angaben für {}", label.get())}</h4>
            <div class="schritt__felder">{answers}</div>
            <p class="kern-body" data-testid="vorlage-stand">{state}</p>
            <fieldset class="kern-fieldset feld">
                <legend class="kern-label">"Format"</legend>
                <div class="kern-fieldset__body kern-fieldset--horizontal">
                    {[(Format::Docx, "Word-Datei (.docx)"), (Format::Odt, "OpenDocument-Text (.odt)"), (Format::Pdf, "PDF-Datei (.pdf)")]
                        .into_iter()
                        .map(|(f, text)| {
                            view! {
                                <RadioOption
                                    name=format!("dokument-{id}-format")
                                    id=format!("dokument-{id}-format-{}", f.extension())
                                    label=text.to_string()
                                    checked=Signal::derive(move || format.get() == f)
                                    pick=Callback::new(move |()| format.set(f))
                                />
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <div class="export__knoepfe">
                <button type="button" class="kern-btn kern-btn--primary" on:click=move |_| run(one(), false)>
                    <span class="kern-label">{format!("{} herunterladen", document.title)}</span>
                </button>
                {move || several.get().then(|| view! {
                    <button type="button" class="kern-btn kern-btn--secondary" on:click=move |_| run(Some(Wanted::All), false)>
                        <span class="kern-label">{move || format!("Alle als ZIP-Datei herunterladen ({} Dateien)", bodies.with(Vec::len))}</span>
                    </button>
                })}
                <button type="button" class="kern-btn kern-btn--secondary" on:click=move |_| run(one(), true)>
                    <span class="kern-label">{format!("{} per E-Mail teilen", document.title)}</span>
                </button>
            </div>
            <div role="status" class="dokument-erstellen__ergebnis">
                {move || result.get().map(|r| match r {
                    Ok(m) => view! { <p class="kern-body">{m}</p> }.into_any(),
                    Err(m) => view! { <p class="kern-error">{m}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}
