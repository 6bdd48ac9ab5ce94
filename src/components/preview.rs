//! The live preview: the document model rendered as HTML. Each place of the agreement (a block,
//! and in a list-like block each item) is its own signal, set only when what it shows changed:
//! a keystroke re-renders the blocks and items that changed and touches no other (keying every
//! block by a hash of its content cost a pass over the whole agreement per keystroke). Gaps are
//! links to their fields.

use crate::state::Navigator;
use koop_core::document::{Block, Bullet, Document, Inline, Signature, Text, Wording};
use koop_core::template::ParagraphStyle;
use leptos::prelude::*;

/// How many blocks of the agreement are drawn per task while the preview fills.
const PORTION: usize = 12;
/// A busy page still gets its next portion after this long.
const IDLE_DEADLINE_MS: u32 = 300;

/// Values by place, each its own signal.
struct Slots<T: Send + Sync + 'static> {
    values: StoredValue<Vec<ArcRwSignal<T>>>,
    len: RwSignal<usize>,
}

impl<T: Send + Sync + 'static> Clone for Slots<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Slots<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Slots<T> {
    fn new() -> Self {
        Slots { values: StoredValue::new(Vec::new()), len: RwSignal::new(0) }
    }

    /// Shows `now`: sets each place whose value differs (`same` compares), adds or drops places.
    fn show(&self, n: usize, same: impl Fn(usize, &T) -> bool, make: impl Fn(usize) -> T) {
        let mut changed = Vec::new();
        self.values.update_value(|vs| {
            vs.truncate(n);
            for (i, v) in vs.iter().enumerate() {
                if !v.with_untracked(|old| same(i, old)) {
                    changed.push((v.clone(), make(i)));
                }
            }
            let have = vs.len();
            vs.extend((have..n).map(|i| ArcRwSignal::new(make(i))));
        });
        for (v, value) in changed {
            v.set(value);
        }
        if self.len.get_untracked() != n {
            self.len.set(n);
        }
    }

    fn at(&self, i: usize) -> Option<ArcRwSignal<T>> {
        self.values.with_value(|vs| vs.get(i).cloned())
    }
}

/// One item of a list-like block (bullet, contact line, signature block).
#[derive(Clone, PartialEq)]
enum Item {
    Bullet(Bullet),
    Contact(Text),
    Signature(Signature),
}

/// The items of a list-like block, borrowed.
enum Items<'b> {
    Bullets(&'b [Bullet]),
    Contacts(&'b [Text]),
    Signatures(&'b [Signature]),
}

impl Items<'_> {
    fn of(b: &Block) -> Option<Items<'_>> {
        match b {
            Block::Bullets(x) => Some(Items::Bullets(x)),
            Block::Contacts(x) => Some(Items::Contacts(x)),
            Block::Signatures(x) => Some(Items::Signatures(x)),
            _ => None,
        }
    }

    fn len(&self) -> usize {
        match self {
            Items::Bullets(x) => x.len(),
            Items::Contacts(x) => x.len(),
            Items::Signatures(x) => x.len(),
        }
    }

    fn same(&self, i: usize, item: &Item) -> bool {
        match (self, item) {
            (Items::Bullets(x), Item::Bullet(b)) => x.get(i) == Some(b),
            (Items::Contacts(x), Item::Contact(t)) => x.get(i) == Some(t),
            (Items::Signatures(x), Item::Signature(s)) => x.get(i) == Some(s),
            _ => false,
        }
    }

    fn item(&self, i: usize) -> Item {
        match self {
            Items::Bullets(x) => Item::Bullet(x[i].clone()),
            Items::Contacts(x) => Item::Contact(x[i].clone()),
            Items::Signatures(x) => Item::Signature(x[i].clone()),
        }
    }
}

/// Which list-like block a block is (its element and class), `None` for the others.
fn list_kind(b: &Block) -> Option<u8> {
    match b {
        Block::Bullets(_) => Some(0),
        Block::Contacts(_) => Some(1),
        Block::Signatures(_) => Some(2),
        _ => None,
    }
}

fn gap_count(d: &Document) -> usize {
    let mut n = 0;
    d.for_each_text(|t| n += t.iter().filter(|i| matches!(i, Inline::Gap { .. })).count());
    n
}

/// The whole document (the agreement, or a bound document) as it will be exported.
#[component]
pub fn Preview(doc: Memo<Option<Document>>) -> impl IntoView {
    // The agreement follows the first frame, a portion of blocks whenever the page is idle: the
    // form is drawn first and a keystroke goes before the next portion (building, drawing and
    // laying out the whole agreement at once doubled the time until the first field could be
    // used).
    let limit = RwSignal::new(0usize);
    let portion = move || limit.update(|l| *l = l.saturating_add(PORTION));
    let more = move || crate::platform::when_idle(portion, IDLE_DEADLINE_MS);
    crate::platform::after_first_frame(portion, IDLE_DEADLINE_MS);
    let shown = Memo::new(move |_| limit.get() > 0);
    let blocks = Slots::<Block>::new();
    Effect::new(move |_| {
        let limit = limit.get();
        if limit > 0 {
            doc.with(|d| {
                let now = d.as_ref().map_or(&[][..], |d| d.blocks.as_slice());
                let n = now.len().min(limit);
                blocks.show(n, |i, old| now.get(i) == Some(old), |i| now[i].clone());
                if n < now.len() {
                    more();
                }
            });
        }
    });
    // The banner text comes from the model, like every fixed text of the document.
    let banner = Memo::new(move |_| {
        shown.get().then(|| doc.with(|d| d.as_ref().filter(|d| d.draft).map(|d| d.wording.draft_banner.clone()))).flatten()
    });
    let wording = Memo::new(move |_| doc.with(|d| d.as_ref().map_or_else(Wording::german, |d| d.wording.clone())));
    let gaps = Memo::new(move |_| shown.get().then(|| doc.with(|d| d.as_ref().map_or(0, gap_count))));
    view! {
        <p class="vorschau__hinweis">
            {move || match gaps.get() {
                None => String::new(),
                Some(0) => "Alle Angaben sind eingesetzt.".to_string(),
                Some(1) => "1 Lücke ist markiert – ein Klick führt zum Feld.".to_string(),
                Some(n) => format!("{n} Lücken sind markiert – ein Klick führt zum Feld."),
            }}
        </p>
        <article class="dokument" lang="de" data-testid="vorschau">
            {move || banner.get().map(|b| view! { <p class="dokument__entwurf">{b}</p> })}
            <For each=move || 0..blocks.len.get() key=|i| *i let:i>
                {blocks.at(i).map(|block| view! { <BlockSlot block wording=wording.get_untracked() /> })}
            </For>
        </article>
    }
}

/// One place of the agreement: its block, rendered anew when it changes; a list-like block
/// stays and updates its items one by one.
#[component]
fn BlockSlot(block: ArcRwSignal<Block>, wording: Wording) -> impl IntoView {
    let kind = {
        let block = block.clone();
        Memo::new(move |_| block.with(list_kind))
    };
    move || match kind.get() {
        Some(kind) => view! { <ItemsView block=block.clone() kind wording=wording.clone() /> }.into_any(),
        None => view! { <BlockView block=block.get() wording=wording.clone() /> }.into_any(),
    }
}

/// A block that is not list-like.
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
        // Shown by `ItemsView`, item by item (see `BlockSlot`).
        Block::Bullets(_) | Block::Contacts(_) | Block::Signatures(_) => ().into_any(),
    }
}

/// A list-like block: its items by place, each rendered anew only when it changes.
#[component]
fn ItemsView(block: ArcRwSignal<Block>, kind: u8, wording: Wording) -> impl IntoView {
    let items = Slots::<Item>::new();
    Effect::new(move |_| {
        block.with(|b| {
            if let Some(now) = Items::of(b) {
                items.show(now.len(), |i, old| now.same(i, old), |i| now.item(i));
            }
        })
    });
    let date_line = wording.date_line;
    let list = move || {
        view! {
            <For each=move || 0..items.len.get() key=|i| *i let:i>
                {items.at(i).map(|item| {
                    let date_line = date_line.clone();
                    move || {
                        item.with(|x| match x {
                            Item::Bullet(b) => view! { <BulletView bullet=b.clone() /> }.into_any(),
                            Item::Contact(t) => view! { <li><Inlines text=t.clone() /></li> }.into_any(),
                            Item::Signature(s) => view! { <SignatureView sig=s.clone() date_line=date_line.clone() /> }.into_any(),
                        })
                    }
                })}
            </For>
        }
    };
    match kind {
        0 => view! { <ul class="dokument__liste">{list()}</ul> }.into_any(),
        1 => view! { <ul class="dokument__kontakte">{list()}</ul> }.into_any(),
        _ => view! { <div class="dokument__unterschriften">{list()}</div> }.into_any(),
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
