//! Choices: radio buttons or checkboxes among the template's options, and a select among the
//! entries of another list.

use super::{Control, FieldCx, FieldShell, Frame, Scope, path_for, value_memo, write};
use crate::state::{Form, Session};
use koop_core::template::Field;
use leptos::prelude::*;

/// A choice among the entries of another list (e.g. the responsible provider of a service).
/// Stores the entry's identity, so renaming the entry keeps the link.
#[component]
pub(super) fn ReferenceField(field: &'static Field, step: usize, scope: Scope) -> impl IntoView {
    let (session, form) = (expect_context::<Session>(), expect_context::<Form>());
    let path = path_for(field, scope);
    let cx = FieldCx::of(field, &path, step);
    let error = cx.error;
    let target = field.refers_to.as_deref().and_then(|l| session.template().and_then(|t| t.field(l))).map(|f| f.field);
    let item = target.and_then(|t| t.item_label.clone()).unwrap_or_else(|| "Eintrag".into());
    // (identity, shown name) of every entry of the referred list: a memo, so the options are
    // touched only when a name changes, and then only that option (keyed below).
    let choices = Memo::new(move |_| {
        session
            .with_ctx(|c| {
                let Some(t) = target else { return Vec::new() };
                c.entries(t)
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        let name = c.entry_name(t, e, field.key.as_deref());
                        (e.id.to_string(), if name.is_empty() { format!("{item} {} (noch ohne Namen)", i + 1) } else { name })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let current = value_memo(session, field, scope);
    view! {
        <FieldShell cx=cx.clone()>
            <div class="kern-form-input__select-wrapper">
                <select
                    class="kern-form-input__select"
                    class:kern-form-input__select--error=move || error.with(Option::is_some)
                    id=cx.id.clone()
                    aria-describedby=cx.described_by(Control::Input)
                    aria-invalid=cx.invalid()
                    on:change=move |ev| {
                        write(session, field, scope, &event_target_value(&ev));
                        form.touch(&path);
                    }
                >
                    <option value="" prop:selected=move || current.with(String::is_empty)>"Bitte wählen …"</option>
                    <For each=move || choices.get() key=|choice| choice.clone() let:choice>
                        {
                            let (value, label) = choice;
                            let mine = value.clone();
                            view! { <option value=value prop:selected=move || current.with(|c| *c == mine)>{label}</option> }
                        }
                    </For>
                </select>
            </div>
        </FieldShell>
    }
}

/// Radio buttons (one choice) or checkboxes (several) in a fieldset. The first option carries
/// the field's anchor id so that links and focus land on it.
#[component]
pub(super) fn OptionsField(field: &'static Field, step: usize, scope: Scope, multiple: bool) -> impl IntoView {
    let (session, form) = (expect_context::<Session>(), expect_context::<Form>());
    let path = path_for(field, scope);
    let cx = FieldCx::of(field, &path, step);
    let anchor = cx.id.clone();
    let (input_class, input_type) = if multiple { ("kern-form-check__checkbox", "checkbox") } else { ("kern-form-check__radio", "radio") };
    // The chosen option (one choice); every radio's checked state derives from it.
    let current = value_memo(session, field, scope);
    let options = field
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let id = if i == 0 { anchor.clone() } else { format!("{anchor}-{i}") };
            let value = o.value.clone();
            let checked_value = o.value.clone();
            let p = path.clone();
            let checked = Memo::new(move |_| {
                if multiple {
                    session.with_ctx(|c| c.set(field).contains(&checked_value)).unwrap_or(false)
                } else {
                    current.with(|v| *v == checked_value)
                }
            });
            view! {
                <div class="kern-form-check">
                    <input
                        class=input_class
                        type=input_type
                        id=id.clone()
                        name=anchor.clone()
                        value=o.value.clone()
                        prop:checked=checked
                        on:change=move |ev| {
                            if multiple {
                                let on = event_target_checked(&ev);
                                session.edit(|d| d.toggle(field, &value, on));
                            } else {
                                write(session, field, scope, &value);
                            }
                            form.touch(&p);
                        }
                    />
                    <label class="kern-label" for=id>{o.label.clone()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <FieldShell cx frame=Frame::Legend>
            <div class="kern-fieldset__body">{options}</div>
        </FieldShell>
    }
}
