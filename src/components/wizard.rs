//! The step-by-step form beside the live preview.

use super::fields::FieldView;
use super::{Derived, StartLink};
use crate::platform;
use crate::state::{Form, Navigator, SaveStatus, Session, Transfer};
use koop_core::template::{StepKind, Template};
use koop_core::{FieldKind, FieldPath};
use leptos::prelude::*;

/// Where a message's link leads: the input itself, or for lists their "add" button.
fn focus_id(path: &FieldPath) -> String {
    path.anchor()
}

#[component]
pub fn Wizard(template: &'static Template) -> impl IntoView {
    let (session, navigator, transfer) = (expect_context::<Session>(), expect_context::<Navigator>(), expect_context::<Transfer>());
    let step_view = move || {
        if navigator.process_view() {
            return view! { <super::later::ProcessViewLater /> }.into_any();
        }
        let step = navigator.step();
        view! { <StepView template step /> }.into_any()
    };
    view! {
        <div class="wizard">
            <div class="wizard__kopf">
                <div>
                    <p class="wizard__vorlage">{template.title.clone()}</p>
                    <h1 class="kern-heading-medium" id="seitentitel" tabindex="-1">
                        {move || session.with_ctx(|c| c.draft_name()).unwrap_or_default()}
                    </h1>
                </div>
                <div class="wizard__werkzeuge">
                    <SaveIndicator />
                    <a
                        class="kern-link"
                        href=move || navigator.draft_href(navigator.step(), true)
                        aria-current=move || navigator.process_view().then_some("page")
                        on:click=move |ev| {
                            ev.prevent_default();
                            navigator.show_process();
                        }
                    >
                        "Prozess und Termine"
                    </a>
                    <button
                        type="button"
                        class="kern-btn kern-btn--tertiary kern-btn--x-small"
                        on:click=move |_| transfer.backup_open()
                    >
                        <span class="kern-label">"Als Datei sichern"</span>
                    </button>
                    <StartLink class="kern-link">"Zur Übersicht „Meine Entwürfe“"</StartLink>
                </div>
            </div>
            <div class="wizard__spalten">
                <div class="wizard__formular">
                    <StepNav template />
                    {step_view}
                </div>
                // Focusable: the preview scrolls on its own, and without gaps it has no link to
                // reach it with the keyboard (WCAG 2.1.1).
                <aside class="wizard__vorschau" aria-labelledby="vorschau-titel" tabindex="0">
                    <super::vorlage::PreviewPane template />
                </aside>
            </div>
        </div>
    }
}

/// "Gespeichert – vor 5 Sekunden" (quiet, updated every few seconds).
#[component]
fn SaveIndicator() -> impl IntoView {
    let session = expect_context::<Session>();
    let tick = RwSignal::new(0u32);
    // Stops with the indicator (leptos-use).
    let _ = leptos_use_interval_fn::use_interval_fn(move || tick.update(|t| *t = t.wrapping_add(1)), 5000);
    let text = move || {
        tick.track();
        match session.save_status() {
            SaveStatus::Idle => String::new(),
            SaveStatus::Pending => "Wird gespeichert …".to_string(),
            SaveStatus::Saved(at) => {
                let secs = ((platform::now_ms() - at) / 1000.0).max(0.0) as u64;
                match secs {
                    0..=4 => "Gespeichert – gerade eben".to_string(),
                    5..=59 => format!("Gespeichert – vor {secs} Sekunden"),
                    60..=119 => "Gespeichert – vor einer Minute".to_string(),
                    _ => format!("Gespeichert – vor {} Minuten", secs / 60),
                }
            }
            SaveStatus::Failed(_) => "Nicht gespeichert – bitte als Datei sichern".to_string(),
        }
    };
    view! {
        <p class="speicherstatus" data-testid="speicherstatus" class:speicherstatus--fehler=move || matches!(session.save_status(), SaveStatus::Failed(_))>
            {text}
        </p>
    }
}

/// The steps with their open required answers; every step can be reached directly.
#[component]
fn StepNav(template: &'static Template) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let derived = expect_context::<Derived>();
    let total = template.steps.len();
    let items = template
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let open = Memo::new(move |_| derived.report.with(|r| r.open_in_step(i)));
            let is_review = s.kind == StepKind::Review;
            // The wizard is drawn anew for another draft: its links stay as they are drawn.
            let href = untrack(|| navigator.draft_href(i, false));
            view! {
                <li class="schritte__eintrag">
                    <a
                        href=href
                        aria-current=move || (navigator.step() == i).then_some("step")
                        on:click=move |ev| {
                            ev.prevent_default();
                            navigator.go_to(i);
                        }
                    >
                        <span class="schritte__nr">{i + 1}</span>
                        <span class="schritte__titel">{s.title.clone()}</span>
                        <span class="schritte__status">
                            {move || match (is_review, open.get()) {
                                (true, _) => String::new(),
                                (false, 0) => "vollständig".to_string(),
                                (false, 1) => "1 Angabe offen".to_string(),
                                (false, n) => format!("{n} Angaben offen"),
                            }}
                        </span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="schritte" aria-label="Schritte der Vereinbarung">
            <p class="schritte__fortschritt" data-testid="fortschritt">
                {move || format!("Schritt {} von {total}", navigator.step() + 1)}
            </p>
            <ol>{items}</ol>
        </nav>
    }
}

#[component]
fn StepView(template: &'static Template, step: usize) -> impl IntoView {
    let (form, navigator) = (expect_context::<Form>(), expect_context::<Navigator>());
    let derived = expect_context::<Derived>();
    let Some(s) = template.steps.get(step) else {
        return view! { <p>"Diesen Schritt gibt es nicht."</p> }.into_any();
    };
    let total = template.steps.len();
    let open = Memo::new(move |_| derived.report.with(|r| r.open_in_step(step)));
    let body = if s.kind == StepKind::Review {
        view! { <super::later::ReviewStepLater template /> }.into_any()
    } else {
        // A bound document's answers are asked where it is made (the review step).
        let own = || s.fields.iter().filter(|f| f.document.is_none());
        let main = own().filter(|f| f.panel.is_none()).map(|f| view! { <FieldView field=f step /> }).collect_view();
        let mut panels: Vec<&str> = own().filter_map(|f| f.panel.as_deref()).collect();
        panels.dedup();
        let panels = panels
            .into_iter()
            .map(|name| {
                let fields: Vec<_> = own().filter(|f| f.panel.as_deref() == Some(name)).collect();
                let ids: Vec<String> = fields.iter().map(|f| f.id.clone()).collect();
                let anchors: Vec<String> = fields.iter().map(|f| FieldPath::field(&f.id).anchor()).collect();
                // Opens itself when one of its fields has a shown problem, or is the target of
                // a link (a gap in the preview, the list of problems).
                let has_problem = Memo::new(move |_| {
                    derived.report.with(|r| r.step_errors(step).any(|i| ids.iter().any(|id| i.path.top() == id))) && form.submitted(step)
                });
                // The number of the last link to one of its fields (each link opens it again).
                let wanted = Memo::new(move |_| navigator.wanted(|anchor| anchors.iter().any(|a| a == anchor)));
                // The fields are drawn once the panel was open: a closed panel shows nothing, and
                // its inputs were half of the first step's start-up.
                let opened = RwSignal::new(false);
                let open = move || has_problem.get() || wanted.get().is_some();
                let drawn = move || opened.get() || open();
                let details = NodeRef::<leptos::html::Details>::new();
                // Opens it, never closes it: a panel does not shut while its field is being mended.
                Effect::new(move |_| {
                    wanted.track();
                    if open()
                        && let Some(d) = details.get()
                    {
                        d.set_open(true);
                    }
                });
                view! {
                    <details
                        class="kern-accordion panel"
                        node_ref=details
                        on:toggle=move |ev| {
                            if event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
                                opened.set(true);
                            }
                        }
                    >
                        <summary class="kern-accordion__header">
                            <span class="kern-title">{format!("{name} ändern")}</span>
                        </summary>
                        <div class="kern-accordion__body">
                            <p class="kern-body">"Diese Angaben sind vorausgefüllt und müssen meist nicht geändert werden."</p>
                            {move || drawn().then(|| fields.iter().map(|&f| view! { <FieldView field=f step /> }).collect_view())}
                        </div>
                    </details>
                }
            })
            .collect_view();
        view! {
            <div class="schritt__felder">{main}{panels}</div>
        }
        .into_any()
    };
    let is_review = s.kind == StepKind::Review;
    view! {
        <section class="schritt" aria-labelledby="schritt-titel">
            <p class="schritt__zaehler">{format!("Schritt {} von {total}", step + 1)}</p>
            <h2 class="kern-heading-medium" id="schritt-titel" tabindex="-1">{s.title.clone()}</h2>
            {(!s.intro.is_empty()).then(|| view! { <p class="kern-body schritt__intro">{s.intro.clone()}</p> })}
            {(!is_review).then(|| view! {
                <p class="schritt__offen" data-testid="offen">
                    {move || match open.get() {
                        0 => "In diesem Schritt ist alles ausgefüllt.".to_string(),
                        1 => "In diesem Schritt ist noch 1 Pflichtangabe offen.".to_string(),
                        n => format!("In diesem Schritt sind noch {n} Pflichtangaben offen."),
                    }}
                </p>
            })}
            <ErrorSummary template step />
            <form class="schritt__formular" novalidate on:submit=|ev| ev.prevent_default()>
                {body}
            </form>
            <StepButtons template step />
        </section>
    }
    .into_any()
}

/// After "Weiter" finds problems: a linked list of them at the top of the step.
#[component]
fn ErrorSummary(template: &'static Template, step: usize) -> impl IntoView {
    let (form, navigator) = (expect_context::<Form>(), expect_context::<Navigator>());
    let derived = expect_context::<Derived>();
    let last = template.steps.len().saturating_sub(1);
    move || {
        if !form.summary_shown(step) {
            return None;
        }
        let issues: Vec<_> = derived.report.with(|r| r.step_errors(step).cloned().collect());
        if issues.is_empty() {
            return None;
        }
        let n = issues.len();
        let title = if n == 1 { "Bitte prüfen Sie 1 Angabe".to_string() } else { format!("Bitte prüfen Sie {n} Angaben") };
        Some(view! {
            <div class="kern-alert kern-alert--danger fehlerliste" role="alert" tabindex="-1" id="fehlerliste">
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
                    <h3 class="kern-title">{title}</h3>
                </div>
                <div class="kern-alert__body">
                    <ul class="fehlerliste__punkte">
                        {issues
                            .into_iter()
                            .map(|i| {
                                let target = koop_core::document::Target { step: i.step, path: i.path.clone() };
                                view! {
                                    <li>
                                        <a
                                            class="kern-link"
                                            href=format!("#{}", focus_id(&i.path))
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                navigator.go_to_field(target.step, target.path.anchor());
                                            }
                                        >
                                            {format!("{}: {}", i.label, i.message)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {(step < last).then(|| view! {
                        <p class="kern-body">
                            "Sie können die Angaben auch später ergänzen. "
                            <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=move |_| navigator.go_to(step + 1)>
                                <span class="kern-label">"Trotzdem weiter"</span>
                            </button>
                        </p>
                    })}
                </div>
            </div>
        })
    }
}

#[component]
fn StepButtons(template: &'static Template, step: usize) -> impl IntoView {
    let (form, navigator) = (expect_context::<Form>(), expect_context::<Navigator>());
    let derived = expect_context::<Derived>();
    let last = template.steps.len().saturating_sub(1);
    let next = move |_| {
        let open = derived.report.with_untracked(|r| r.open_in_step(step));
        if form.submit_step(step, open) {
            request_animation_frame(|| {
                platform::focus_id("fehlerliste");
            });
        } else {
            navigator.go_to(step + 1);
        }
    };
    let has_list = template.steps.get(step).is_some_and(|s| s.fields.iter().any(|f| f.kind == FieldKind::List));
    view! {
        <div class="schritt__knoepfe" class:schritt__knoepfe--liste=has_list>
            {(step > 0).then(|| view! {
                <button type="button" class="kern-btn kern-btn--secondary" on:click=move |_| navigator.go_to(step - 1)>
                    <span class="kern-label">"Zurück"</span>
                </button>
            })}
            {(step < last).then(|| view! {
                <button type="button" class="kern-btn kern-btn--primary" on:click=next>
                    <span class="kern-label">"Weiter"</span>
                </button>
            })}
        </div>
    }
}
