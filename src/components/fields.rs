//! Inputs for every field kind, in KERN UX markup: label above the field, "– optional" on
//! optional fields, hint and error under the label linked with `aria-describedby`,
//! `aria-invalid` while an error is shown.

use super::Derived;
use crate::state::AppState;
use koop_core::template::{Field, FieldKind, Severity, Width};
use koop_core::validate::Fix;
use koop_core::{Entry, FieldPath, draft::Removed};
use leptos::prelude::*;

/// A list entry in scope: the list field and the entry's identity.
pub type Scope = Option<(&'static Field, u32)>;

pub fn path_for(field: &Field, scope: Scope) -> FieldPath {
    match scope {
        None => FieldPath::field(&field.id),
        Some((list, entry)) => FieldPath::Entry { list: list.id.clone(), entry, sub: field.id.clone() },
    }
}

/// Runs `f` on the open draft's entries of `list` without copying them (a keystroke must not
/// clone every list once per field: that made typing in long lists quadratic). A list never
/// edited is the template's default entries (see `Draft::entry_list`).
fn with_entries<R>(app: AppState, list: &'static Field, f: impl FnOnce(&[Entry]) -> R) -> Option<R> {
    app.with_draft(|d| d.map(|d| f(&d.entry_list(list))))
}

/// The raw text in effect for a field (typed, or the template's default).
fn read(app: AppState, field: &'static Field, scope: Scope) -> String {
    match scope {
        None => app.with_ctx(|c| c.text(field)).unwrap_or_default(),
        Some((list, id)) => app
            .with_ctx(|c| c.entries(list).iter().find(|e| e.id == id).map(|e| c.entry_text(list, e, field)))
            .flatten()
            .unwrap_or_default(),
    }
}

/// The entry a list entry's fields show, as its own signal (provided by `EntryView`), set by
/// its list only when the entry changed: typing in one entry notifies that entry's fields.
#[derive(Clone, Copy)]
struct EntryMemo(RwSignal<Option<Entry>>);

/// The signals of a list's entries, kept current by one effect of the list over the draft. A
/// memo per entry over the draft had every entry, each of its fields and their inputs checked
/// on every keystroke in a long list.
#[derive(Clone, Copy)]
struct EntrySignals(StoredValue<Vec<(u32, RwSignal<Option<Entry>>)>>);

impl EntrySignals {
    fn new(app: AppState, list: &'static Field) -> Self {
        let signals = EntrySignals(StoredValue::new(Vec::new()));
        Effect::new(move |_| {
            with_entries(app, list, |es| {
                signals.0.with_value(|sigs| {
                    for (id, sig) in sigs {
                        let now = es.iter().find(|e| e.id == *id);
                        if sig.with_untracked(|v| v.as_ref() != now) {
                            sig.set(now.cloned());
                        }
                    }
                })
            });
        });
        signals
    }

    /// The entry's signal (made with its value in the draft now).
    fn of(self, app: AppState, list: &'static Field, entry: u32) -> RwSignal<Option<Entry>> {
        if let Some(sig) = self.0.with_value(|sigs| sigs.iter().find(|(id, _)| *id == entry).map(|(_, s)| *s)) {
            return sig;
        }
        let now = app.with_draft_untracked(|d| d.and_then(|d| d.entry_list(list).iter().find(|e| e.id == entry).cloned()));
        let sig = RwSignal::new(now);
        self.0.update_value(|sigs| sigs.push((entry, sig)));
        sig
    }

    fn forget(self, entry: u32) {
        self.0.update_value(|sigs| sigs.retain(|(id, _)| *id != entry));
    }
}

/// A field's value in effect, as its own memo: a keystroke elsewhere does not write this input.
/// A sub-field without a default reads its entry's memo; anything else (a default may depend on
/// any answer) reads through the draft.
fn value_memo(app: AppState, field: &'static Field, scope: Scope) -> Memo<String> {
    match (scope, use_context::<EntryMemo>()) {
        (Some(_), Some(EntryMemo(entry))) if field.default.is_empty() => {
            Memo::new(move |_| entry.with(|e| e.as_ref().map(|e| e.get(&field.id).to_string()).unwrap_or_default()))
        }
        _ => Memo::new(move |_| read(app, field, scope)),
    }
}

fn write(app: AppState, field: &'static Field, scope: Scope, value: &str) {
    app.edit(|d| match scope {
        None => d.set_text(&field.id, value),
        Some((list, id)) => {
            d.set_entry_value(list, id, &field.id, value);
        }
    });
}

/// The error shown at a field (once touched or after "Weiter").
fn message(app: AppState, path: FieldPath, step: usize) -> Memo<Option<String>> {
    shown(app, path, step, Severity::Error)
}

/// A hint that does not block (e.g. a provider without services), shown like an error but in
/// the warning colour and without `aria-invalid`.
fn warning(app: AppState, path: FieldPath, step: usize) -> Memo<Option<String>> {
    shown(app, path, step, Severity::Warning)
}

fn shown(app: AppState, path: FieldPath, step: usize, severity: Severity) -> Memo<Option<String>> {
    let derived = expect_context::<Derived>();
    Memo::new(move |_| {
        if !app.reveal(&path, step) {
            return None;
        }
        derived.report.with(|r| r.for_path(&path).find(|i| i.severity == severity).map(|i| i.message.clone()))
    })
}

/// The one-click correction of the message shown at a field ("„Gotha“ übernehmen").
fn fix_for(app: AppState, path: FieldPath, step: usize) -> Memo<Option<Fix>> {
    let derived = expect_context::<Derived>();
    Memo::new(move |_| {
        if !app.reveal(&path, step) {
            return None;
        }
        derived.report.with(|r| r.for_path(&path).find_map(|i| i.fix.clone()))
    })
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
        FieldKind::Choice => view! { <OptionsField field step scope multiple=false /> }.into_any(),
        FieldKind::Multi => view! { <OptionsField field step scope multiple=true /> }.into_any(),
        FieldKind::List => view! { <ListField field step /> }.into_any(),
        FieldKind::Reference => view! { <ReferenceField field step scope /> }.into_any(),
        _ => view! { <TextField field step scope /> }.into_any(),
    }
}

/// The frame every single-input field shares (template fields and "Prozess und Termine"):
/// label above with "– optional", hint, the error and the warning under the label, and the
/// error state. The input inside refers to them by `aria-describedby` (see `described_by_all`).
#[component]
pub(super) fn FieldShell(
    /// Element id of the input.
    for_id: String,
    label: String,
    optional: bool,
    /// (element id, text) of the hint.
    hint: Option<(String, String)>,
    /// (element id, message) of the error.
    error: (String, Memo<Option<String>>),
    /// (element id, message) of a warning that does not block.
    #[prop(optional)]
    warning: Option<(String, Memo<Option<String>>)>,
    children: Children,
) -> impl IntoView {
    let message = error.1;
    view! {
        <div class="kern-form-input feld" class:kern-form-input--error=move || message.with(Option::is_some)>
            <label class="kern-label" for=for_id>
                {label}
                {optional.then(|| view! { <span class="kern-label__optional">" – optional"</span> })}
            </label>
            {hint.map(|(id, text)| view! { <div class="kern-hint" id=id>{text}</div> })}
            <MessageText id=error.0 message=message />
            {warning.map(|(id, m)| view! { <MessageText id message=m warning=true /> })}
            {children()}
        </div>
    }
}

/// The message under a field: an error, or with `warning` a hint that does not block.
#[component]
pub(super) fn MessageText(id: String, message: Memo<Option<String>>, #[prop(optional)] warning: bool) -> impl IntoView {
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

pub(super) fn described_by(
    hint: Option<String>,
    err_id: String,
    message: Memo<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    described_by_all(hint, vec![(err_id, message)])
}

/// `aria-describedby`: the hint, then every message currently shown.
fn described_by_all(
    hint: Option<String>,
    messages: Vec<(String, Memo<Option<String>>)>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids: Vec<String> = hint.iter().cloned().collect();
        for (id, m) in &messages {
            if m.with(Option::is_some) {
                ids.push(id.clone());
            }
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[component]
fn TextField(field: &'static Field, step: usize, scope: Scope) -> impl IntoView {
    let app = expect_context::<AppState>();
    let path = path_for(field, scope);
    let id = path.anchor();
    let hint_id = (!field.hint.is_empty()).then(|| format!("{id}-hinweis"));
    let err_id = format!("{id}-fehler");
    let msg = message(app, path.clone(), step);
    let warn = warning(app, path.clone(), step);
    let warn_id = format!("{id}-warnung");
    let (input_type, inputmode) = match field.kind {
        FieldKind::Email => ("email", None),
        FieldKind::Phone => ("tel", None),
        FieldKind::Postcode | FieldKind::Integer => ("text", Some("numeric")),
        _ => ("text", None),
    };
    let list_id = field.lookup.as_ref().map(|l| format!("vorschlaege-{l}"));
    let datalist = field.lookup.as_deref().and_then(|l| app.catalog.lookup(l)).map(|l| {
        let id = format!("vorschlaege-{}", l.id);
        view! {
            <datalist id=id>
                {l.rows.iter().filter_map(|r| r.get("name")).map(|n| view! { <option value=n.clone()></option> }).collect_view()}
            </datalist>
        }
    });
    let width = match field.width {
        Width::Short => "breite-kurz",
        Width::Medium => "breite-mittel",
        Width::Full => "breite-voll",
    };
    let fix = fix_for(app, path.clone(), step);
    // The button goes with the message it fixes, so focus returns to the corrected input.
    let fix_button = {
        let (input_id, described) = (id.clone(), described_by_all(None, vec![(err_id.clone(), msg), (warn_id.clone(), warn)]));
        move || {
            fix.get().map(|f| {
                let (value, input_id) = (f.value.clone(), input_id.clone());
                view! {
                    <button
                        type="button"
                        class="kern-btn kern-btn--secondary kern-btn--x-small feld__korrektur"
                        aria-describedby=described()
                        on:click=move |_| {
                            write(app, field, scope, &value);
                            crate::platform::focus_id(&input_id);
                        }
                    >
                        <span class="kern-label">{f.label()}</span>
                    </button>
                }
            })
        }
    };
    let touched_path = path.clone();
    let value = value_memo(app, field, scope);
    let input = if field.kind == FieldKind::Textarea {
        view! {
            <textarea
                class="kern-form-input__input"
                id=id.clone()
                rows="4"
                aria-describedby=described_by(hint_id.clone(), err_id.clone(), msg)
                aria-invalid=move || msg.with(Option::is_some).then_some("true")
                prop:value=value
                on:input=move |ev| write(app, field, scope, &event_target_value(&ev))
                on:blur=move |_| app.touch_after_blur(&touched_path)
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class=format!("kern-form-input__input {width}")
                id=id.clone()
                type=input_type
                inputmode=inputmode
                autocomplete=field.autocomplete.clone().unwrap_or_else(|| "off".into())
                spellcheck=matches!(field.kind, FieldKind::Text).then_some("true")
                list=list_id
                aria-describedby=described_by_all(hint_id.clone(), vec![(err_id.clone(), msg), (warn_id.clone(), warn)])
                aria-invalid=move || msg.with(Option::is_some).then_some("true")
                prop:value=value
                on:input=move |ev| write(app, field, scope, &event_target_value(&ev))
                on:blur=move |_| app.touch_after_blur(&touched_path)
            />
        }
        .into_any()
    };
    view! {
        <FieldShell
            for_id=id.clone()
            label=field.label.clone()
            optional=field.is_optional()
            hint=hint_id.clone().map(|h| (h, field.hint.clone()))
            error=(err_id.clone(), msg)
            warning=(warn_id.clone(), warn)
        >
            {fix_button}
            {input}
            {datalist}
        </FieldShell>
    }
}

/// A choice among the entries of another list (e.g. the responsible provider of a service).
/// Stores the entry's identity, so renaming the entry keeps the link.
#[component]
fn ReferenceField(field: &'static Field, step: usize, scope: Scope) -> impl IntoView {
    let app = expect_context::<AppState>();
    let path = path_for(field, scope);
    let id = path.anchor();
    let hint_id = (!field.hint.is_empty()).then(|| format!("{id}-hinweis"));
    let err_id = format!("{id}-fehler");
    let msg = message(app, path.clone(), step);
    let target = field.refers_to.as_deref().and_then(|l| app.template().and_then(|t| t.field(l))).map(|f| f.field);
    let item = target.and_then(|t| t.item_label.clone()).unwrap_or_else(|| "Eintrag".into());
    // (identity, shown name) of every entry of the referred list: a memo, so the options are
    // touched only when a name changes, and then only that option (keyed below).
    let choices = Memo::new(move |_| {
        app.with_ctx(|c| {
            target
                .map(|t| {
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
        })
        .unwrap_or_default()
    });
    let current = value_memo(app, field, scope);
    let touched_path = path.clone();
    view! {
        <FieldShell
            for_id=id.clone()
            label=field.label.clone()
            optional=field.is_optional()
            hint=hint_id.clone().map(|h| (h, field.hint.clone()))
            error=(err_id.clone(), msg)
        >
            <div class="kern-form-input__select-wrapper">
                <select
                    class="kern-form-input__select"
                    class:kern-form-input__select--error=move || msg.with(Option::is_some)
                    id=id.clone()
                    aria-describedby=described_by(hint_id.clone(), err_id.clone(), msg)
                    aria-invalid=move || msg.with(Option::is_some).then_some("true")
                    on:change=move |ev| {
                        write(app, field, scope, &event_target_value(&ev));
                        app.touch(&touched_path);
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
fn OptionsField(field: &'static Field, step: usize, scope: Scope, multiple: bool) -> impl IntoView {
    let app = expect_context::<AppState>();
    let path = path_for(field, scope);
    let anchor = path.anchor();
    let hint_id = (!field.hint.is_empty()).then(|| format!("{anchor}-hinweis"));
    let err_id = format!("{anchor}-fehler");
    let msg = message(app, path.clone(), step);
    let (input_class, input_type) = if multiple { ("kern-form-check__checkbox", "checkbox") } else { ("kern-form-check__radio", "radio") };
    // The chosen option (one choice); every radio's checked state derives from it.
    let current = value_memo(app, field, scope);
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
                    app.with_ctx(|c| c.set(field).contains(&checked_value)).unwrap_or(false)
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
                                app.edit(|d| d.toggle(field, &value, on));
                            } else {
                                write(app, field, scope, &value);
                            }
                            app.touch(&p);
                        }
                    />
                    <label class="kern-label" for=id>{o.label.clone()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="kern-fieldset feld"
            class:kern-fieldset--error=move || msg.with(Option::is_some)
            aria-describedby=described_by(hint_id.clone(), err_id.clone(), msg)
        >
            <legend class="kern-label" id=format!("{anchor}-legende")>
                {field.label.clone()}
                {field.is_optional().then(|| view! { <span class="kern-label__optional">" – optional"</span> })}
            </legend>
            {hint_id.clone().map(|h| view! { <div class="kern-hint" id=h>{field.hint.clone()}</div> })}
            <MessageText id=err_id.clone() message=msg />
            <div class="kern-fieldset__body">{options}</div>
        </fieldset>
    }
}

/// A repeating group: entries with their own fields; add, move, remove with undo. Focus moves to
/// a new entry; removals are announced.
#[component]
fn ListField(field: &'static Field, step: usize) -> impl IntoView {
    let app = expect_context::<AppState>();
    let path = FieldPath::field(&field.id);
    let anchor = path.anchor();
    let err_id = format!("{anchor}-fehler");
    let hint_id = (!field.hint.is_empty()).then(|| format!("{anchor}-hinweis"));
    let msg = message(app, path.clone(), step);
    let item_label = field.item_label.clone().unwrap_or_else(|| "Eintrag".into());
    let removed: RwSignal<Option<Removed>> = RwSignal::new(None);
    let ids = Memo::new(move |_| with_entries(app, field, |es| es.iter().map(|e| e.id).collect::<Vec<u32>>()).unwrap_or_default());
    let signals = EntrySignals::new(app, field);
    let count = move || ids.with(Vec::len);
    let add_label = item_label.clone();
    let add = move |_| {
        let mut new_id = 0;
        app.edit(|d| new_id = d.add_entry(field));
        removed.set(None);
        let focus =
            FieldPath::Entry { list: field.id.clone(), entry: new_id, sub: field.fields.first().map(|f| f.id.clone()).unwrap_or_default() }
                .anchor();
        request_animation_frame(move || {
            crate::platform::focus_id(&focus);
        });
        app.announce(&format!("{add_label} {} hinzugefügt.", count()));
    };
    let undo_label = item_label.clone();
    let undo = move |_| {
        if let Some(r) = removed.get_untracked() {
            let id = r.entry.id;
            app.edit(|d| d.restore_entry(field, r));
            removed.set(None);
            let title = entry_title_id(field, id);
            request_animation_frame(move || {
                crate::platform::focus_id(&title);
            });
            app.announce(&format!("{undo_label} wiederhergestellt."));
        }
    };
    view! {
        <fieldset class="kern-fieldset feld liste" class:kern-fieldset--error=move || msg.with(Option::is_some) id=format!("{anchor}-gruppe")>
            <legend class="kern-label">{field.label.clone()}</legend>
            {hint_id.clone().map(|h| view! { <div class="kern-hint" id=h>{field.hint.clone()}</div> })}
            <MessageText id=err_id.clone() message=msg />
            <div class="liste__eintraege">
                <For each=move || ids.get() key=|id| *id let:entry_id>
                    <EntryView list=field entry_id step removed ids signals />
                </For>
            </div>
            {move || {
                let undo = undo.clone();
                removed
                    .get()
                    .map(|r| {
                        view! {
                            <div class="liste__entfernt" role="status">
                                <span>{format!("„{}“ wurde entfernt.", entry_title(field, &r.entry, r.index))}</span>
                                " "
                                <button type="button" class="kern-btn kern-btn--secondary kern-btn--x-small" id=format!("{}-rueckgaengig", anchor_of(field)) on:click=undo>
                                    <span class="kern-label">"Rückgängig"</span>
                                </button>
                            </div>
                        }
                    })
            }}
            <button
                type="button"
                class="kern-btn kern-btn--secondary"
                id=anchor.clone()
                aria-describedby=move || msg.with(Option::is_some).then(|| err_id.clone())
                on:click=add
            >
                <span class="kern-label">{format!("{item_label} hinzufügen")}</span>
            </button>
        </fieldset>
    }
}

fn anchor_of(field: &Field) -> String {
    FieldPath::field(&field.id).anchor()
}

/// The id of an entry's heading. Field ids never contain "-" (the template check ensures it),
/// so "--" cannot collide with the id of a sub-field's input.
fn entry_title_id(list: &Field, entry: u32) -> String {
    format!("{}-{entry}--eintrag", anchor_of(list))
}

/// "Ansprechperson 2" or, when the template names entries, e.g. "Jugendclub e.V.".
fn entry_title(list: &Field, entry: &koop_core::Entry, index: usize) -> String {
    let base = format!("{} {}", list.item_label.as_deref().unwrap_or("Eintrag"), index + 1);
    let named = list.fields.first().map(|f| entry.get(&f.id).trim().to_string()).filter(|n| !n.is_empty());
    match named {
        Some(n) => format!("{base}: {n}"),
        None => base,
    }
}

#[component]
fn EntryView(
    list: &'static Field,
    entry_id: u32,
    step: usize,
    removed: RwSignal<Option<Removed>>,
    /// The list's entry identities in order (one memo for the whole list).
    ids: Memo<Vec<u32>>,
    signals: EntrySignals,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let title_id = entry_title_id(list, entry_id);
    let item_label = list.item_label.clone().unwrap_or_else(|| "Eintrag".into());
    // From the list's identities, not the draft: typing does not move entries.
    let position = Memo::new(move |_| ids.with(|ids| ids.iter().position(|id| *id == entry_id)).unwrap_or(0));
    let len = Memo::new(move |_| ids.with(Vec::len));
    provide_context(EntryMemo(signals.of(app, list, entry_id)));
    on_cleanup(move || signals.forget(entry_id));
    let label = item_label.clone();
    let heading = move || format!("{label} {}", position.get() + 1);
    let mover = move |delta: isize| {
        move |_| {
            let mut to = None;
            app.edit(|d| to = d.move_entry(list, entry_id, delta));
            if let Some(to) = to {
                let lbl = list.item_label.clone().unwrap_or_default();
                app.announce(&format!("{lbl} ist jetzt an Position {}.", to + 1));
            }
        }
    };
    let remove = move |_| {
        let mut r = None;
        app.edit(|d| r = d.remove_entry(list, entry_id));
        if let Some(r) = r {
            app.announce(&format!("„{}“ entfernt. Rückgängig machen ist möglich.", entry_title(list, &r.entry, r.index)));
            removed.set(Some(r));
            let undo = format!("{}-rueckgaengig", anchor_of(list));
            request_animation_frame(move || {
                crate::platform::focus_id(&undo);
            });
        }
    };
    let sr = move || format!(" ({} {})", item_label, position.get() + 1);
    let sr2 = sr.clone();
    let sr3 = sr.clone();
    view! {
        <div class="eintrag" role="group" aria-labelledby=title_id.clone()>
            <h3 class="eintrag__titel" id=title_id.clone() tabindex="-1">{heading}</h3>
            {list.fields.iter().map(|sub| view! { <FieldView field=sub step scope=Some((list, entry_id)) /> }).collect_view()}
            <div class="eintrag__aktionen">
                <Show when=move || { position.get() > 0 }>
                    <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=mover(-1)>
                        <span class="kern-label">"Nach oben"<span class="kern-sr-only">{sr.clone()}</span></span>
                    </button>
                </Show>
                <Show when=move || { position.get() + 1 < len.get() }>
                    <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=mover(1)>
                        <span class="kern-label">"Nach unten"<span class="kern-sr-only">{sr2.clone()}</span></span>
                    </button>
                </Show>
                <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=remove>
                    <span class="kern-label">"Entfernen"<span class="kern-sr-only">{sr3}</span></span>
                </button>
            </div>
        </div>
    }
}
