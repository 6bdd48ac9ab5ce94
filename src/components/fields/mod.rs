//! Inputs for every field kind, in KERN UX markup: label above the field, "– optional" on
//! optional fields, hint and messages under the label linked with `aria-describedby`,
//! `aria-invalid` while an error is shown. Each field builds its ids and messages once
//! (`FieldCx`); one shell frames every kind (`FieldShell`).

mod choice;
mod entries;
mod list;
mod text;

use super::Derived;
use crate::state::{Form, Session};
use koop_core::template::{Field, FieldKind, Severity};
use koop_core::{Entry, FieldPath};
use leptos::prelude::*;

/// A list entry in scope: the list field and the entry's identity.
pub type Scope = Option<(&'static Field, u32)>;

pub fn path_for(field: &Field, scope: Scope) -> FieldPath {
    match scope {
        None => FieldPath::field(&field.id),
        Some((list, entry)) => FieldPath::Entry { list: list.id.clone(), entry, sub: field.id.clone() },
    }
}

/// One field of any kind.
#[component]
pub fn FieldView(
    /// The field as declared in the template.
    field: &'static Field,
    /// Index of the step the field belongs to.
    step: usize,
    /// The list entry this field belongs to, if any.
    #[prop(optional)]
    scope: Scope,
) -> impl IntoView {
    match field.kind {
        FieldKind::Choice => view! { <choice::OptionsField field step scope multiple=false /> }.into_any(),
        FieldKind::Multi => view! { <choice::OptionsField field step scope multiple=true /> }.into_any(),
        FieldKind::List => view! { <list::ListField field step /> }.into_any(),
        FieldKind::Reference => view! { <choice::ReferenceField field step scope /> }.into_any(),
        _ => view! { <text::TextField field step scope /> }.into_any(),
    }
}

/// One field's element ids and the messages shown at it, built once per field: its input, its
/// shell and its buttons all refer to the same.
#[derive(Clone)]
pub struct FieldCx {
    /// The element id of the input (of the first option; of a list's add button).
    pub id: String,
    label: String,
    optional: bool,
    /// (element id, text).
    hint: Option<(String, String)>,
    pub error: Memo<Option<String>>,
    /// A hint that does not block (e.g. a provider without services), shown like an error but
    /// in the warning colour and without `aria-invalid`.
    warning: Memo<Option<String>>,
}

impl FieldCx {
    /// A template field: its messages come from the report once the field is revealed (left,
    /// or its step submitted).
    fn of(field: &Field, path: &FieldPath, step: usize) -> FieldCx {
        let (form, derived) = (expect_context::<Form>(), expect_context::<Derived>());
        let shown = |severity: Severity| {
            let path = path.clone();
            Memo::new(move |_| {
                if !form.reveal(&path, step) {
                    return None;
                }
                derived.report.with(|r| r.for_path(&path).find(|i| i.severity == severity).map(|i| i.message.clone()))
            })
        };
        let id = path.anchor();
        let hint = (!field.hint.is_empty()).then(|| (format!("{id}-hinweis"), field.hint.clone()));
        FieldCx {
            id,
            label: field.label.clone(),
            optional: field.is_optional(),
            hint,
            error: shown(Severity::Error),
            warning: shown(Severity::Warning),
        }
    }

    /// An optional input outside the template (the process view) with its own error.
    pub(super) fn plain(id: String, label: String, hint: Option<String>, error: Memo<Option<String>>) -> FieldCx {
        let hint = hint.map(|h| (format!("{id}-hinweis"), h));
        FieldCx { id, label, optional: true, hint, error, warning: Memo::new(|_| None) }
    }

    fn error_id(&self) -> String {
        format!("{}-fehler", self.id)
    }

    fn warning_id(&self) -> String {
        format!("{}-warnung", self.id)
    }

    /// `aria-describedby` of a control of the field: the hint (for the input itself), then
    /// every message currently shown.
    pub(super) fn described_by(&self, control: Control) -> impl Fn() -> Option<String> + Send + Sync + use<> {
        let hint = self.hint.as_ref().filter(|_| control == Control::Input).map(|(id, _)| id.clone());
        let messages = [(self.error_id(), self.error), (self.warning_id(), self.warning)];
        move || {
            let mut ids: Vec<String> = hint.iter().cloned().collect();
            ids.extend(messages.iter().filter(|(_, m)| m.with(Option::is_some)).map(|(id, _)| id.clone()));
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    /// `aria-invalid` while an error is shown.
    pub(super) fn invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + use<> {
        let error = self.error;
        move || error.with(Option::is_some).then_some("true")
    }
}

/// A control of a field, as `aria-describedby` tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// The input (select, options) itself.
    Input,
    /// A button beside it (a correction, a list's "hinzufügen"): the messages concern it, the
    /// hint does not.
    Button,
}

/// How the shell names its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// A `<label>` above one input.
    Label,
    /// A fieldset's `<legend>` above options; the group is described like an input.
    Legend,
    /// A fieldset's `<legend>` above list entries: only the add button is described (by the
    /// error), not the group around every entry's inputs.
    List,
}

/// The frame of every field: its name ("– optional" where it is), the hint, the error and the
/// warning, and the error state. The input inside refers to them through `FieldCx`.
#[component]
pub(super) fn FieldShell(cx: FieldCx, #[prop(optional)] frame: Option<Frame>, children: Children) -> impl IntoView {
    let error = cx.error;
    let has_error = move || error.with(Option::is_some);
    let name = view! {
        {cx.label.clone()}
        {cx.optional.then(|| view! { <span class="kern-label__optional">" – optional"</span> })}
    };
    let notes = view! {
        {cx.hint.clone().map(|(id, text)| view! { <div class="kern-hint" id=id>{text}</div> })}
        <MessageText id=cx.error_id() message=error />
        <MessageText id=cx.warning_id() message=cx.warning warning=true />
    };
    match frame.unwrap_or(Frame::Label) {
        Frame::Label => view! {
            <div class="kern-form-input feld" class:kern-form-input--error=has_error>
                <label class="kern-label" for=cx.id.clone()>{name}</label>
                {notes}
                {children()}
            </div>
        }
        .into_any(),
        frame => {
            let list = frame == Frame::List;
            let described = cx.described_by(Control::Input);
            view! {
                <fieldset
                    class=if list { "kern-fieldset feld liste" } else { "kern-fieldset feld" }
                    class:kern-fieldset--error=has_error
                    id=list.then(|| format!("{}-gruppe", cx.id))
                    aria-describedby=move || if list { None } else { described() }
                >
                    <legend class="kern-label" id=format!("{}-legende", cx.id)>{name}</legend>
                    {notes}
                    {children()}
                </fieldset>
            }
            .into_any()
        }
    }
}

/// The message under a field: an error, or with `warning` a hint that does not block.
#[component]
fn MessageText(id: String, message: Memo<Option<String>>, #[prop(optional)] warning: bool) -> impl IntoView {
    let (class, icon) =
        if warning { ("feld__warnung", "kern-icon kern-icon--warning") } else { ("kern-error", "kern-icon kern-icon--danger") };
    move || {
        message.get().map(|m| {
            view! {
                <p class=class id=id.clone()>
                    <span class=icon aria-hidden="true"></span>
                    <span class="kern-body">{m}</span>
                </p>
            }
        })
    }
}

/// Runs `f` on the open draft's entries of `list` without copying them (a keystroke must not
/// clone every list once per field: that made typing in long lists quadratic). A list never
/// edited is the template's default entries (see `Draft::entry_list`).
fn with_entries<R>(session: Session, list: &'static Field, f: impl FnOnce(&[Entry]) -> R) -> Option<R> {
    session.with_draft(|d| d.map(|d| f(&d.entry_list(list))))
}

/// A field's value in effect (typed, or the template's default), as its own memo: a keystroke
/// elsewhere does not write this input. A sub-field without a default reads its entry's memo;
/// anything else (a default may depend on any answer) reads through the draft.
fn value_memo(session: Session, field: &'static Field, scope: Scope) -> Memo<String> {
    match (scope, use_context::<entries::EntryMemo>()) {
        (Some(_), Some(entries::EntryMemo(entry))) if field.default.is_empty() => {
            Memo::new(move |_| entry.with(|e| e.as_ref().map(|e| e.get(&field.id).to_string()).unwrap_or_default()))
        }
        (None, _) => Memo::new(move |_| session.with_ctx(|c| c.text(field)).unwrap_or_default()),
        (Some((list, id)), _) => Memo::new(move |_| {
            session
                .with_ctx(|c| c.entries(list).iter().find(|e| e.id == id).map(|e| c.entry_text(list, e, field)))
                .flatten()
                .unwrap_or_default()
        }),
    }
}

fn write(session: Session, field: &'static Field, scope: Scope, value: &str) {
    session.edit(|d| match scope {
        None => d.set_text(&field.id, value),
        Some((list, id)) => {
            d.set_entry_value(list, id, &field.id, value);
        }
    });
}
