//! The live preview: the document model rendered as HTML. Blocks are keyed by their content, so
//! a keystroke re-renders only the blocks whose text changed. Gaps are links to their fields.

use crate::state::Navigator;
use koop_core::document::{Block, Bullet, Document, Inline, Signature, Text, Wording};
use koop_core::template::ParagraphStyle;
use leptos::prelude::*;
use std::hash::{DefaultHasher, Hash, Hasher};

fn hash_of(i: usize, x: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    i.hash(&mut h);
    x.hash(&mut h);
    h.finish()
}

/// What a list-like block holds, one entry per item (bullet, contact, signature block).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Items {
    Bullets,
    Contacts,
    Signatures,
}

fn items_of(b: &Block) -> Option<Items> {
    match b {
        Block::Bullets(_) => Some(Items::Bullets),
        Block::Contacts(_) => Some(Items::Contacts),
        Block::Signatures(_) => Some(Items::Signatures),
        _ => None,
    }
}

/// A block's key in the preview. Most blocks are keyed by their content: a changed block is
/// rendered anew. A list-like block (all services, every signature) is keyed by its place and
/// kind only, and keys its items by their content inside (`ItemsView`): a provider's name
/// typed re-renders the one bullet and the one signature that show it, not all of them.
fn key(i: usize, b: &Block) -> u64 {
    match items_of(b) {
        Some(kind) => hash_of(i, &kind),
        None => hash_of(i, b),
    }
}

/// The whole document (the agreement, or a bound document) as it will be exported.
#[component]
pub fn Preview(doc: Memo<Option<Document>>) -> impl IntoView {
    // Keys only: cloning every block on each keystroke cost as much as rendering the changed
    // ones. A block is read from the model when its key is new (the model is current then).
    let keys = Memo::new(move |_| {
        doc
            .with(|d| d.as_ref().map(|d| d.blocks.iter().enumerate().map(|(i, b)| (key(i, b), i)).collect::<Vec<_>>()).unwrap_or_default())
    });
    // The banner text comes from the model, like every fixed text of the document.
    let banner = Memo::new(move |_| doc.with(|d| d.as_ref().filter(|d| d.draft).map(|d| d.wording.draft_banner.clone())));
    let wording = Memo::new(move |_| doc.with(|d| d.as_ref().map_or_else(Wording::german, |d| d.wording.clone())));
    let gaps = Memo::new(move |_| doc.with(|d| d.as_ref().map_or(0, |d| d.gaps().len())));
    view! {
        <p class="vorschau__hinweis">
            {move || match gaps.get() {
                0 => "Alle Angaben sind eingesetzt.".to_string(),
                1 => "1 Lücke ist markiert – ein Klick führt zum Feld.".to_string(),
                n => format!("{n} Lücken sind markiert – ein Klick führt zum Feld."),
            }}
        </p>
        <article class="dokument" lang="de" data-testid="vorschau">
            {move || banner.get().map(|b| view! { <p class="dokument__entwurf">{b}</p> })}
            <For each=move || keys.get() key=|(k, _)| *k let:item>
                {doc
                    .with_untracked(|d| d.as_ref().and_then(|d| d.blocks.get(item.1).cloned()))
                    .map(|block| match items_of(&block) {
                        Some(kind) => view! { <ItemsView doc index=item.1 kind wording=wording.get_untracked() /> }.into_any(),
                        None => view! { <BlockView block wording=wording.get_untracked() /> }.into_any(),
                    })}
            </For>
        </article>
    }
}

#[component]
fn BlockView(block: Block, wording: Wording) -> impl IntoView {
    match block {
        Block::Title(t) => view! { <h3 class="dokument__titel"><Inlines text=t /></h3> }.into_any(),
        Block::Subtitle(t) => view! { <p class="dokument__untertitel"><Inlines text=t /></p> }.into_any(),
        Block::Party { lines, alias } => view! {
            <div class="dokument__partei">
                {lines.into_iter().map(|l| view! { <p><Inlines text=l /></p> }).collect_view()}
                {alias.map(|a| view! { <p class="dokument__alias">{wording.alias_open.clone()}<Inlines text=a />{wording.alias_close.clone()}</p> })}
            </div>
        }
        .into_any(),
        Block::Paragraph { style, text } => {
            let class = match style {
                ParagraphStyle::Body => "dokument__absatz",
                ParagraphStyle::Indented => "dokument__absatz dokument__absatz--eingerueckt",
                ParagraphStyle::Center => "dokument__absatz dokument__absatz--mitte",
            };
            view! { <p class=class><Inlines text=text /></p> }.into_any()
        }
        Block::Heading { level, number, text, .. } => {
            let number = number.map(|n| view! { <span class="dokument__nr">{n}</span> });
            if level == 1 {
                view! { <h4 class="dokument__abschnitt">{number}<Inlines text=text /></h4> }.into_any()
            } else {
                view! { <h5 class="dokument__unterabschnitt">{number}<Inlines text=text /></h5> }.into_any()
            }
        }
        Block::Clause { number, text, .. } => view! {
            <div class="dokument__klausel">
                <span class="dokument__nr">{number}</span>
                <p><Inlines text=text /></p>
            </div>
        }
        .into_any(),
        Block::Bullets(items) => {
            view! { <ul class="dokument__liste">{items.into_iter().map(|b| view! { <BulletView bullet=b /> }).collect_view()}</ul> }
                .into_any()
        }
        Block::Contacts(items) => view! {
            <ul class="dokument__kontakte">{items.into_iter().map(|t| view! { <li><Inlines text=t /></li> }).collect_view()}</ul>
        }
        .into_any(),
        Block::Signatures(sigs) => view! {
            <div class="dokument__unterschriften">{sigs.into_iter().map(|s| view! { <SignatureView sig=s date_line=wording.date_line.clone() /> }).collect_view()}</div>
        }
        .into_any(),
    }
}

/// Each item's key (its content and place) with its place.
fn item_keys<T: Hash>(items: &[T]) -> Vec<(u64, usize)> {
    items.iter().enumerate().map(|(j, x)| (hash_of(j, x), j)).collect()
}

/// A list-like block at `index`: its items keyed by their content (and place), each read from
/// the model when its key is new.
#[component]
fn ItemsView(doc: Memo<Option<Document>>, index: usize, kind: Items, wording: Wording) -> impl IntoView {
    let keys = Memo::new(move |_| {
        doc.with(|d| match d.as_ref().and_then(|d| d.blocks.get(index)) {
            Some(Block::Bullets(items)) => item_keys(items),
            Some(Block::Contacts(items)) => item_keys(items),
            Some(Block::Signatures(items)) => item_keys(items),
            _ => Vec::new(),
        })
    });
    // Only the item itself is cloned (the model is current when a key is new).
    let item = move |j: usize| -> Option<AnyView> {
        doc.with_untracked(|d| match d.as_ref().and_then(|d| d.blocks.get(index))? {
            Block::Bullets(items) => items.get(j).map(|x| view! { <BulletView bullet=x.clone() /> }.into_any()),
            Block::Contacts(items) => items.get(j).map(|x| view! { <li><Inlines text=x.clone() /></li> }.into_any()),
            Block::Signatures(items) => {
                items.get(j).map(|x| view! { <SignatureView sig=x.clone() date_line=wording.date_line.clone() /> }.into_any())
            }
            _ => None,
        })
    };
    // One keyed list for every kind (one instance of its code in the WebAssembly).
    let list = move || view! { <For each=move || keys.get() key=|(k, _)| *k let:entry>{item(entry.1)}</For> };
    match kind {
        Items::Bullets => view! { <ul class="dokument__liste">{list()}</ul> }.into_any(),
        Items::Contacts => view! { <ul class="dokument__kontakte">{list()}</ul> }.into_any(),
        Items::Signatures => view! { <div class="dokument__unterschriften">{list()}</div> }.into_any(),
    }
}

#[component]
fn BulletView(bullet: Bullet) -> impl IntoView {
    let class = format!("dokument__punkt dokument__punkt--ebene-{}", bullet.level);
    view! { <li class=class><Inlines text=bullet.text /></li> }
}

#[component]
fn SignatureView(sig: Signature, date_line: String) -> impl IntoView {
    view! {
        <div class="dokument__unterschrift">
            <p class="dokument__unterzeichner"><Inlines text=sig.party /></p>
            <p class="dokument__ort"><Inlines text=sig.place />{date_line}</p>
            {sig
                .signatories
                .into_iter()
                .map(|n| {
                    view! {
                        <div class="dokument__linie">
                            <span class="dokument__strich" aria-hidden="true"></span>
                            <p><Inlines text=n /></p>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Text with gaps: each gap is a highlighted link to the field that fills it.
#[component]
pub fn Inlines(text: Text) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    text.into_iter()
        .map(|i| match i {
            Inline::Text(t) => view! { <Lines text=t /> }.into_any(),
            Inline::Gap { text, target } => match target {
                Some(target) => {
                    let href = format!("#{}", target.path.anchor());
                    view! {
                        <mark class="luecke">
                            <a
                                href=href
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    navigator.go_to_field(target.step, target.path.anchor());
                                }
                            >
                                {text}
                            </a>
                        </mark>
                    }
                    .into_any()
                }
                None => view! { <mark class="luecke">{text}</mark> }.into_any(),
            },
        })
        .collect_view()
}

/// Text whose typed line breaks show as line breaks (`<br>`), as in the Word file.
#[component]
fn Lines(text: String) -> impl IntoView {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let line = line.to_string();
            view! {
                {(i > 0).then(|| view! { <br /> })}
                {line}
            }
        })
        .collect_view()
}
