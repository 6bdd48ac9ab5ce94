//! Koop-Assistent: the browser app. The logic lives in `koop_core`; this crate holds the
//! Leptos components, the localStorage adapter and the few browser services they need.

pub mod components;
pub mod crash;
pub mod export;
pub mod platform;
pub mod pwa;
pub mod state;
pub mod storage;

pub use components::app::App;

/// Mounts the app into the page's body.
pub fn start() {
    platform::mark("koop:start");
    crash::install();
    leptos::mount::mount_to_body(App);
    platform::mark("koop:gezeigt");
}
