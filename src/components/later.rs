//! Views the first field does not need, each in its own WebAssembly chunk that is fetched when
//! the view is first shown: the first load carries the form, not the review step (with the
//! export and the Beschlussvorlage), the process view and the information pages.
//!
//! A `#[lazy]` function (Leptos, split out by scripts/pwa/split-wasm.mjs after the build) hands back
//! the function that draws its view; the view is then drawn where it is shown, under that
//! place's owner, as any other view (drawn inside the loading future instead, its signals went
//! with the future).

use crate::state::{InfoPage, Navigator};
use koop_core::template::Template;
use leptos::prelude::*;

type Draw<A> = fn(A) -> AnyView;

#[cfg_attr(koop_split, leptos::lazy)]
fn review_step() -> Draw<&'static Template> {
    |template| view! { <super::review::ReviewStep template /> }.into_any()
}

#[cfg_attr(koop_split, leptos::lazy)]
fn process_view() -> Draw<()> {
    |()| view! { <super::process::ProcessView /> }.into_any()
}

#[cfg_attr(koop_split, leptos::lazy)]
fn info_page() -> Draw<InfoPage> {
    |page| view! { <super::pages::InfoPageView page /> }.into_any()
}

/// A lazy function above as the future of its drawing function. Split only in the release
/// build (`koop_split`, scripts/lib.sh); elsewhere (tests, `cargo check` on the host) the
/// function is at hand at once.
#[cfg(koop_split)]
macro_rules! chunk {
    ($f:ident) => {
        $f
    };
}
#[cfg(not(koop_split))]
macro_rules! chunk {
    ($f:ident) => {
        || std::future::ready($f())
    };
}

/// Draws `arg`'s view once `chunk` (a lazy function above) is loaded; until then (a moment,
/// the first time only) a note that it is loading.
fn later<A: Clone + Send + Sync + 'static, F: Future<Output = Draw<A>> + 'static>(
    chunk: impl Fn() -> F + 'static,
    arg: A,
) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let draw = LocalResource::new(chunk);
    move || match draw.get() {
        Some(draw) => {
            let view = draw(arg.clone());
            // A link that led here while the view was loading gets its field now.
            request_animation_frame(move || navigator.focus_pending());
            view
        }
        None => view! { <p class="kern-body" role="status">"Wird geladen …"</p> }.into_any(),
    }
}

#[component]
pub fn ReviewStepLater(template: &'static Template) -> impl IntoView {
    later(chunk!(review_step), template)
}

#[component]
pub fn ProcessViewLater() -> impl IntoView {
    later(chunk!(process_view), ())
}

#[component]
pub fn InfoPageLater(page: InfoPage) -> impl IntoView {
    later(chunk!(info_page), page)
}
