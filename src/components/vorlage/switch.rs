//! The preview's heading and the switch between the agreement and a bound document (a radio
//! group: arrow keys move between the documents). A document of several bodies shows the body
//! chosen on the review step.

use crate::components::Derived;
use crate::components::preview::Preview;
use crate::components::radio::RadioOption;
use crate::state::DocumentChoice;
use koop_core::template::Template;
use leptos::prelude::*;

#[component]
pub fn PreviewPane(template: &'static Template) -> impl IntoView {
    let (choice, derived) = (expect_context::<DocumentChoice>(), expect_context::<Derived>());
    let shown = Memo::new(move |_| choice.shown().and_then(|id| template.documents.iter().position(|d| d.id == id)));
    let title = move || match shown.get().and_then(|i| template.documents.get(i)) {
        Some(d) => format!("Vorschau: {}", d.title),
        None => "Vorschau der Vereinbarung".to_string(),
    };
    // The switch and the document follow the first frame (the document is added in idle time
    // anyway): the form is drawn first, the column keeps its heading.
    let drawn = RwSignal::new(false);
    crate::platform::after_first_frame(move || drawn.set(true), 300);
    let body = move || {
        drawn.get().then(|| {
            view! {
                {(!template.documents.is_empty()).then(|| view! { <Switch template /> })}
                {move || match shown.get().and_then(|i| template.documents.get(i)) {
                    // The body chosen on the review step ("Beschlussvorlage erstellen").
                    Some(_) => view! { <Preview doc=derived.bound /> }.into_any(),
                    None => view! { <Preview doc=derived.doc /> }.into_any(),
                }}
            }
        })
    };
    view! {
        <h2 class="kern-heading-small" id="vorschau-titel">{title}</h2>
        {body}
    }
}

#[component]
fn Switch(template: &'static Template) -> impl IntoView {
    let choice = expect_context::<DocumentChoice>();
    let option = move |id: String, label: String, document: Option<&'static str>| {
        view! {
            <RadioOption
                name="vorschau-dokument".to_string()
                id
                label
                checked=Signal::derive(move || choice.shows(document))
                pick=Callback::new(move |()| choice.show(document))
            />
        }
    };
    view! {
        <fieldset class="kern-fieldset vorschau__umschalter">
            <legend class="kern-label">"Vorschau zeigen"</legend>
            <div class="kern-fieldset__body kern-fieldset--horizontal">
                {option("vorschau-vereinbarung".into(), "Vereinbarung".into(), None)}
                {template
                    .documents
                    .iter()
                    .map(|d| option(format!("vorschau-{}", d.id), d.title.clone(), Some(d.id.as_str())))
                    .collect_view()}
            </div>
        </fieldset>
    }
}
