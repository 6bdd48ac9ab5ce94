//! Guidance through the whole process: the six phases (ISA) on the start screen, the "Prozess
//! und Termine" view of a draft, and the checklist hints on the review step.

use super::fields::{Control, FieldCx, FieldShell};
use super::radio::RadioOption;
use crate::state::{Navigator, Session};
use koop_core::document::appendix::{Coverage, checklist};
use koop_core::draft::process::{PHASES, PhaseStatus, Process, date_problem};
use leptos::prelude::*;

/// A short overview of the six phases for the start screen.
#[component]
pub fn PhaseOverview() -> impl IntoView {
    view! {
        <section class="phasen" aria-labelledby="phasen-titel">
            <h2 class="kern-heading-medium" id="phasen-titel">"So entsteht eine Kooperationsvereinbarung"</h2>
            <p class="kern-body">
                "Das Ausfüllen ist ein Schritt eines längeren Wegs. Das ISA Institut für soziale Arbeit beschreibt sechs Phasen; "
                "zu jedem Entwurf können Sie unter „Prozess und Termine“ festhalten, wo Sie stehen."
            </p>
            <ol class="phasen__liste">
                {PHASES
                    .iter()
                    .map(|p| {
                        view! {
                            <li>
                                <strong>{p.title}</strong>
                                <span class="phasen__text">{format!(" – {} {}", p.summary, p.app_help)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

fn read<T>(session: Session, f: impl Fn(&Process) -> T) -> Option<T> {
    session.with_draft(|d| d.map(|d| f(&d.process)))
}

/// A text or date input of the process view (label above, hint, error under the label).
#[component]
fn ProcessInput(
    /// Element id of the input.
    id: String,
    label: String,
    #[prop(optional)] hint: Option<String>,
    /// Dates are checked (TT.MM.JJJJ) and get a narrower input.
    #[prop(optional)]
    date: bool,
    value: Signal<String>,
    set: Callback<String>,
) -> impl IntoView {
    let touched = RwSignal::new(false);
    let error = Memo::new(move |_| if date && touched.get() { date_problem(&value.get()).map(str::to_string) } else { None });
    // Every answer of the process view is optional.
    let cx = FieldCx::plain(id, label, hint, error);
    view! {
        <FieldShell cx=cx.clone()>
            <input
                class=if date { "kern-form-input__input breite-mittel" } else { "kern-form-input__input" }
                type="text"
                id=cx.id.clone()
                aria-describedby=cx.described_by(Control::Input)
                aria-invalid=cx.invalid()
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev))
                on:blur=move |_| touched.set(true)
            />
        </FieldShell>
    }
}

/// "Prozess und Termine": status, date and note per phase; decision, signature, next review.
#[component]
pub fn ProcessView() -> impl IntoView {
    let (session, navigator) = (expect_context::<Session>(), expect_context::<Navigator>());
    let phases = PHASES
        .iter()
        .enumerate()
        .map(|(i, phase)| {
            let status = Memo::new(move |_| read(session, |p| p.phase(i).status).unwrap_or_default());
            let name = format!("phase-{i}-status");
            let radios = PhaseStatus::ALL
                .iter()
                .map(|s| {
                    let s = *s;
                    view! {
                        <RadioOption
                            name=name.clone()
                            id=format!("phase-{i}-status-{}", s.value())
                            label=s.label().to_string()
                            checked=Signal::derive(move || status.get() == s)
                            pick=Callback::new(move |()| session.edit(|d| d.process.set_status(i, s)))
                        />
                    }
                })
                .collect_view();
            let extra = match i {
                3 => view! {
                    <ProcessInput
                        id="prozess-gremium".into()
                        label="Gremium, das beschlossen hat".into()
                        hint="Zum Beispiel „Kreistag“ oder „Jugendhilfeausschuss“.".into()
                        value=Signal::derive(move || read(session, |p| p.gremium.clone()).unwrap_or_default())
                        set=Callback::new(move |v: String| session.edit(|d| d.process.gremium = v))
                    />
                    <ProcessInput
                        id="prozess-beschlussdatum".into()
                        label="Beschlussdatum".into()
                        date=true
                        value=Signal::derive(move || read(session, |p| p.beschlussdatum.clone()).unwrap_or_default())
                        set=Callback::new(move |v: String| session.edit(|d| d.process.beschlussdatum = v))
                    />
                    <BoundLinks />
                }
                .into_any(),
                4 => view! {
                    <ProcessInput
                        id="prozess-unterzeichnet".into()
                        label="Unterzeichnet am".into()
                        date=true
                        value=Signal::derive(move || read(session, |p| p.unterzeichnet_am.clone()).unwrap_or_default())
                        set=Callback::new(move |v: String| session.edit(|d| d.process.unterzeichnet_am = v))
                    />
                }
                .into_any(),
                5 => view! {
                    <ProcessInput
                        id="prozess-pruefung".into()
                        label="Nächste Überprüfung".into()
                        hint="Leer lassen für den Vorschlag: ein Jahr nach der Unterzeichnung.".into()
                        date=true
                        value=Signal::derive(move || read(session, |p| p.naechste_pruefung.clone()).unwrap_or_default())
                        set=Callback::new(move |v: String| session.edit(|d| d.process.naechste_pruefung = v))
                    />
                    <p class="kern-body" data-testid="naechste-pruefung">
                        {move || match read(session, |p| (p.next_review(), p.naechste_pruefung.trim().is_empty())).unwrap_or((None, true)) {
                            (Some(d), true) => format!("Vorschlag: nächste Überprüfung am {d} (ein Jahr nach der Unterzeichnung)."),
                            (Some(d), false) => format!("Nächste Überprüfung am {d}."),
                            (None, _) => "Sobald das Datum der Unterzeichnung eingetragen ist, schlägt der Assistent die nächste Überprüfung vor.".to_string(),
                        }}
                    </p>
                }
                .into_any(),
                _ => ().into_any(),
            };
            let title_id = format!("phase-{i}-titel");
            let labelled_by = title_id.clone();
            view! {
                <section class="phase" aria-labelledby=labelled_by>
                    <h3 class="kern-heading-small" id=title_id>{format!("{}. {}", i + 1, phase.title)}</h3>
                    <p class="kern-body">{phase.summary}</p>
                    <p class="kern-body phase__hilfe">{phase.app_help}</p>
                    <fieldset class="kern-fieldset kern-fieldset--horizontal feld">
                        <legend class="kern-label">{format!("Stand: {}", phase.title)}</legend>
                        <div class="kern-fieldset__body">{radios}</div>
                    </fieldset>
                    <ProcessInput
                        id=format!("phase-{i}-datum")
                        label=format!("Datum ({})", phase.title)
                        date=true
                        value=Signal::derive(move || read(session, |p| p.phase(i).datum).unwrap_or_default())
                        set=Callback::new(move |v: String| session.edit(|d| d.process.set_date(i, &v)))
                    />
                    <FieldShell cx=FieldCx::plain(format!("phase-{i}-notiz"), format!("Notiz ({})", phase.title), None, Memo::new(|_| None))>
                        <textarea
                            class="kern-form-input__input"
                            id=format!("phase-{i}-notiz")
                            rows="2"
                            prop:value=move || read(session, |p| p.phase(i).notiz).unwrap_or_default()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                session.edit(|d| d.process.set_note(i, &v));
                            }
                        ></textarea>
                    </FieldShell>
                    {extra}
                </section>
            }
        })
        .collect_view();
    let done = Memo::new(move |_| {
        read(session, |p| (0..PHASES.len()).filter(|i| p.phase(*i).status == PhaseStatus::Erledigt).count()).unwrap_or(0)
    });
    view! {
        <section class="prozess" aria-labelledby="prozess-titel">
            <h2 class="kern-heading-medium" id="prozess-titel" tabindex="-1">"Prozess und Termine"</h2>
            <p class="kern-body" data-testid="prozess-stand">{move || format!("{} von 6 Phasen erledigt.", done.get())}</p>
            <p>
                <button type="button" class="kern-btn kern-btn--secondary" on:click=move |_| navigator.go_to(navigator.step_untracked())>
                    <span class="kern-label">"Zurück zur Vereinbarung"</span>
                </button>
            </p>
            <div class="prozess__phasen">{phases}</div>
        </section>
    }
}

/// The ISA checklist on the review step: what the template settles, and hints (no errors) for
/// what it leaves open.
#[component]
pub fn ChecklistHints() -> impl IntoView {
    let session = expect_context::<Session>();
    let items = Memo::new(move |_| session.with_ctx(checklist).unwrap_or_default());
    view! {
        <section class="checkliste" aria-labelledby="checkliste-titel">
            <h3 class="kern-heading-small" id="checkliste-titel">"Checkliste: Was die Vereinbarung regelt"</h3>
            <p class="kern-body">"Die Punkte, die eine Kooperationsvereinbarung nach der ISA-Checkliste regeln sollte. Offene Punkte sind Hinweise, keine Fehler."</p>
            <ul class="checkliste__liste" data-testid="checkliste">
                {move || {
                    items
                        .get()
                        .into_iter()
                        .map(|(topic, coverage)| match coverage {
                            Coverage::Settled(numbers) => view! {
                                <li class="checkliste__punkt checkliste__punkt--geregelt">
                                    <strong>{topic}</strong>
                                    {format!(": geregelt in {}", numbers.join(", "))}
                                </li>
                            }
                            .into_any(),
                            Coverage::Open(hint) => view! {
                                <li class="checkliste__punkt checkliste__punkt--offen" data-testid="checkliste-hinweis">
                                    <strong>{format!("Hinweis – {topic}")}</strong>
                                    {format!(": {hint}")}
                                </li>
                            }
                            .into_any(),
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

/// At the decision phase: the template's further documents (the Beschlussvorlage for the
/// council), each a link to where it is made on the review step.
#[component]
fn BoundLinks() -> impl IntoView {
    let (session, navigator) = (expect_context::<Session>(), expect_context::<Navigator>());
    let Some(template) = session.template() else { return ().into_any() };
    let Some(review) = template.review_step() else { return ().into_any() };
    template
        .documents
        .iter()
        .map(|document| {
            let anchor = super::vorlage::heading_id(document);
            let href = format!("#{anchor}");
            view! {
                <p class="kern-body">
                    {format!("{} ", document.description)}
                    <a
                        class="kern-link"
                        href=href
                        on:click=move |ev| {
                            ev.prevent_default();
                            navigator.go_to_field(review, anchor.clone());
                        }
                    >
                        {format!("{} erstellen", document.title)}
                    </a>
                </p>
            }
        })
        .collect_view()
        .into_any()
}
