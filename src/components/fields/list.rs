//! A repeating group: entries with their own fields; add, move, remove with undo. Focus moves to
//! a new entry; additions, moves and removals are announced.

use super::entries::{EntryMemo, EntrySignals};
use super::{Control, FieldCx, FieldShell, FieldView, Frame, with_entries};
use crate::platform;
use crate::state::{Announcer, Session};
use koop_core::template::Field;
use koop_core::{Entry, FieldPath, draft::Removed};
use leptos::prelude::*;

/// What an entry is called: the template's item label ("Ansprechperson"), else "Eintrag".
fn item(list: &Field) -> &str {
    list.item_label.as_deref().unwrap_or("Eintrag")
}

fn anchor_of(field: &Field) -> String {
    FieldPath::field(&field.id).anchor()
}

/// The id of an entry's heading. Field ids never contain "-" (the template check ensures it),
/// so "--" cannot collide with the id of a sub-field's input.
fn entry_title_id(list: &Field, entry: u32) -> String {
    format!("{}-{entry}--eintrag", anchor_of(list))
}

/// The id of the "Rückgängig" button after a removal.
fn undo_id(list: &Field) -> String {
    format!("{}-rueckgaengig", anchor_of(list))
}

/// "Ansprechperson 2" or, when the template names entries, e.g. "Jugendclub e.V.".
fn entry_title(list: &Field, entry: &Entry, index: usize) -> String {
    let base = format!("{} {}", item(list), index + 1);
    let named = list.fields.first().map(|f| entry.get(&f.id).trim().to_string()).filter(|n| !n.is_empty());
    match named {
        Some(n) => format!("{base}: {n}"),
        None => base,
    }
}

/// Moves focus to an element once the view has caught up.
fn focus_soon(id: String) {
    request_animation_frame(move || {
        platform::focus_id(&id);
    });
}

#[component]
pub(super) fn ListField(field: &'static Field, step: usize) -> impl IntoView {
    let (session, announcer) = (expect_context::<Session>(), expect_context::<Announcer>());
    let cx = FieldCx::of(field, &FieldPath::field(&field.id), step);
    let removed: RwSignal<Option<Removed>> = RwSignal::new(None);
    let ids = Memo::new(move |_| with_entries(session, field, |es| es.iter().map(|e| e.id).collect::<Vec<u32>>()).unwrap_or_default());
    let signals = EntrySignals::new(session, field);
    let add = move |_| {
        let mut new_id = 0;
        session.edit(|d| new_id = d.add_entry(field));
        removed.set(None);
        let first = field.fields.first().map(|f| f.id.clone()).unwrap_or_default();
        focus_soon(FieldPath::Entry { list: field.id.clone(), entry: new_id, sub: first }.anchor());
        announcer.announce(&format!("{} {} hinzugefügt.", item(field), ids.with(Vec::len)));
    };
    let undo = move |_| {
        if let Some(r) = removed.get_untracked() {
            let id = r.entry.id;
            session.edit(|d| d.restore_entry(field, r));
            removed.set(None);
            focus_soon(entry_title_id(field, id));
            announcer.announce(&format!("{} wiederhergestellt.", item(field)));
        }
    };
    let removal = move || {
        removed.get().map(|r| {
            view! {
                <div class="liste__entfernt" role="status">
                    <span>{format!("„{}“ wurde entfernt.", entry_title(field, &r.entry, r.index))}</span>
                    " "
                    <button type="button" class="kern-btn kern-btn--secondary kern-btn--x-small" id=undo_id(field) on:click=undo>
                        <span class="kern-label">"Rückgängig"</span>
                    </button>
                </div>
            }
        })
    };
    view! {
        <FieldShell cx=cx.clone() frame=Frame::List>
            <div class="liste__eintraege">
                <For each=move || ids.get() key=|id| *id let:entry_id>
                    <EntryView list=field entry_id step removed ids signals />
                </For>
            </div>
            {removal}
            <button type="button" class="kern-btn kern-btn--secondary" id=cx.id.clone() aria-describedby=cx.described_by(Control::Button) on:click=add>
                <span class="kern-label">{format!("{} hinzufügen", item(field))}</span>
            </button>
        </FieldShell>
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
    let (session, announcer) = (expect_context::<Session>(), expect_context::<Announcer>());
    let title_id = entry_title_id(list, entry_id);
    // From the list's identities, not the draft: typing does not move entries.
    let position = Memo::new(move |_| ids.with(|ids| ids.iter().position(|id| *id == entry_id)).unwrap_or(0));
    let len = Memo::new(move |_| ids.with(Vec::len));
    provide_context(EntryMemo(signals.of(session, list, entry_id)));
    on_cleanup(move || signals.forget(entry_id));
    let heading = move || format!("{} {}", item(list), position.get() + 1);
    let mover = move |delta: isize| {
        move |_| {
            let mut to = None;
            session.edit(|d| to = d.move_entry(list, entry_id, delta));
            if let Some(to) = to {
                announcer.announce(&format!("{} ist jetzt an Position {}.", item(list), to + 1));
            }
        }
    };
    let remove = move |_| {
        let mut r = None;
        session.edit(|d| r = d.remove_entry(list, entry_id));
        if let Some(r) = r {
            announcer.announce(&format!("„{}“ entfernt. Rückgängig machen ist möglich.", entry_title(list, &r.entry, r.index)));
            removed.set(Some(r));
            focus_soon(undo_id(list));
        }
    };
    // Which entry a button acts on, for screen readers: " (Ansprechperson 2)".
    let which = move || format!(" ({} {})", item(list), position.get() + 1);
    let action = move |label: &'static str, on_click: Box<dyn FnMut(leptos::ev::MouseEvent)>| {
        view! {
            <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=on_click>
                <span class="kern-label">{label}<span class="kern-sr-only">{which}</span></span>
            </button>
        }
    };
    view! {
        <div class="eintrag" role="group" aria-labelledby=title_id.clone()>
            <h3 class="eintrag__titel" id=title_id.clone() tabindex="-1">{heading}</h3>
            // A bound document's answers (a town's Beschlussvorlage) are asked where it is made.
            {list
                .fields
                .iter()
                .filter(|sub| sub.document.is_none())
                .map(|sub| view! { <FieldView field=sub step scope=Some((list, entry_id)) /> })
                .collect_view()}
            <div class="eintrag__aktionen">
                <Show when=move || { position.get() > 0 }>{move || action("Nach oben", Box::new(mover(-1)))}</Show>
                <Show when=move || { position.get() + 1 < len.get() }>{move || action("Nach unten", Box::new(mover(1)))}</Show>
                {action("Entfernen", Box::new(remove))}
            </div>
        </div>
    }
}
