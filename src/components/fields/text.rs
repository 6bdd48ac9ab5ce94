//! A text-like field: one line (text, e-mail, phone, number, postcode, date) or several
//! (textarea), with name suggestions from a lookup and the one-click correction of a message.

use super::{Control, FieldCx, FieldShell, Scope, path_for, value_memo, write};
use crate::components::Derived;
use crate::state::{Form, Session};
use koop_core::template::{Field, FieldKind, Width};
use leptos::prelude::*;

#[component]
pub(super) fn TextField(field: &'static Field, step: usize, scope: Scope) -> impl IntoView {
    let (session, form, derived) = (expect_context::<Session>(), expect_context::<Form>(), expect_context::<Derived>());
    let path = path_for(field, scope);
    let cx = FieldCx::of(field, &path, step);
    let id = cx.id.clone();
    let (input_type, inputmode) = match field.kind {
        FieldKind::Email => ("email", None),
        FieldKind::Phone => ("tel", None),
        FieldKind::Postcode | FieldKind::Integer => ("text", Some("numeric")),
        _ => ("text", None),
    };
    let list_id = field.lookup.as_ref().map(|l| format!("vorschlaege-{l}"));
    // The suggestions are offered from the moment the field is focused (a list shows only
    // then), or once the page is idle: the first frame does without them.
    let suggest = RwSignal::new(false);
    let datalist = field.lookup.as_deref().and_then(|l| session.catalog.lookup(l)).map(|l| {
        crate::platform::after_first_frame(move || suggest.set(true), 1000);
        let id = format!("vorschlaege-{}", l.id);
        let options = move || {
            suggest
                .get()
                .then(|| l.rows.iter().filter_map(|r| r.get("name")).map(|n| view! { <option value=n.clone()></option> }).collect_view())
        };
        view! { <datalist id=id>{options}</datalist> }
    });
    let width = match field.width {
        Width::Short => "breite-kurz",
        Width::Medium => "breite-mittel",
        Width::Full => "breite-voll",
    };
    // The one-click correction of the message shown ("„Gotha“ übernehmen").
    let fix = {
        let path = path.clone();
        Memo::new(
            move |_| if form.reveal(&path, step) { derived.report.with(|r| r.for_path(&path).find_map(|i| i.fix.clone())) } else { None },
        )
    };
    // The button goes with the message it fixes, so focus returns to the corrected input.
    let fix_button = {
        let (input_id, messages) = (id.clone(), cx.described_by(Control::Button));
        move || {
            fix.get().map(|f| {
                let (value, input_id) = (f.value.clone(), input_id.clone());
                view! {
                    <button
                        type="button"
                        class="kern-btn kern-btn--secondary kern-btn--x-small feld__korrektur"
                        aria-describedby=messages()
                        on:click=move |_| {
                            write(session, field, scope, &value);
                            crate::platform::focus_id(&input_id);
                        }
                    >
                        <span class="kern-label">{f.label()}</span>
                    </button>
                }
            })
        }
    };
    let value = value_memo(session, field, scope);
    let on_input = move |ev: leptos::ev::Event| write(session, field, scope, &event_target_value(&ev));
    let on_blur = move |_| form.touch_after_blur(&path);
    let input = if field.kind == FieldKind::Textarea {
        view! {
            <textarea
                class="kern-form-input__input"
                id=id
                rows="4"
                aria-describedby=cx.described_by(Control::Input)
                aria-invalid=cx.invalid()
                prop:value=value
                on:input=on_input
                on:blur=on_blur
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class=format!("kern-form-input__input {width}")
                id=id
                type=input_type
                inputmode=inputmode
                autocomplete=field.autocomplete.clone().unwrap_or_else(|| "off".into())
                spellcheck=matches!(field.kind, FieldKind::Text).then_some("true")
                list=list_id
                aria-describedby=cx.described_by(Control::Input)
                aria-invalid=cx.invalid()
                prop:value=value
                on:input=on_input
                on:blur=on_blur
                on:focus=move |_| suggest.set(true)
            />
        }
        .into_any()
    };
    view! {
        <FieldShell cx>
            {fix_button}
            {input}
            {datalist}
        </FieldShell>
    }
}
