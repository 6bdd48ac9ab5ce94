//! What a save attempt leaves behind: the save status beside the title and the banner that
//! follows each storage error. Plain Rust (no browser), tested natively.

use super::SaveStatus;
use crate::state::notices::{Notice, Topic};
use koop_core::draft::store::StoreError;

/// How a save attempt ended (a version changed elsewhere is `conflict.rs`'s matter).
#[derive(Debug, Clone, PartialEq)]
pub(in crate::state) enum Attempt {
    /// Written to the browser's storage.
    Stored,
    /// Written, but to memory only: the browser allows no storage (its banner came at start).
    InMemory,
    Failed(StoreError),
}

/// What happens to the banners.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Banner {
    Show(Notice),
    Dismiss(Topic),
    Keep,
}

/// The status and the banner after an attempt; `previous` is the status before, `now` the time.
pub(super) fn after_save(previous: &SaveStatus, attempt: Attempt, now: f64) -> (SaveStatus, Banner) {
    match attempt {
        // Saved again (e.g. storage freed): the failure banner no longer applies.
        Attempt::Stored => (SaveStatus::Saved(now), Banner::Dismiss(Topic::SaveFailed)),
        // Kept in memory only, which the save status must not call "Gespeichert".
        Attempt::InMemory => (SaveStatus::Failed(StoreError::Unavailable(String::new()).message()), Banner::Keep),
        Attempt::Failed(e) => {
            let status = SaveStatus::Failed(e.message());
            // Said once per reason, not again at every keystroke's save.
            let banner = if *previous == status { Banner::Keep } else { Banner::Show(Notice::save_failed(&e.message())) };
            (status, banner)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use koop_core::draft::store::DecodeError;

    fn failed(e: &StoreError) -> SaveStatus {
        SaveStatus::Failed(e.message())
    }

    #[test]
    fn each_storage_error_is_said_once_in_a_banner_and_kept_in_the_status() {
        let full = StoreError::QuotaExceeded;
        let large = StoreError::TooLarge(6 * 1024 * 1024);
        let newer = StoreError::Unreadable(DecodeError::UnknownVersion(99));
        let cases = [
            (SaveStatus::Pending, full.clone(), Banner::Show(Notice::save_failed(&full.message()))),
            (SaveStatus::Saved(1.0), full.clone(), Banner::Show(Notice::save_failed(&full.message()))),
            // The same failure again: the banner stays as it is (and is not shown anew).
            (failed(&full), full.clone(), Banner::Keep),
            // Another reason replaces the banner (same topic).
            (failed(&full), large.clone(), Banner::Show(Notice::save_failed(&large.message()))),
            (SaveStatus::Idle, newer.clone(), Banner::Show(Notice::save_failed(&newer.message()))),
        ];
        for (previous, e, banner) in cases {
            let (status, shown) = after_save(&previous, Attempt::Failed(e.clone()), 5.0);
            assert_eq!(status, failed(&e));
            assert_eq!(shown, banner, "after {previous:?}: {e:?}");
            if let Banner::Show(n) = shown {
                assert_eq!((n.topic, n.title.as_str(), n.text), (Topic::SaveFailed, "Nicht gespeichert", e.message()));
            }
        }
    }

    #[test]
    fn a_save_that_succeeds_takes_the_failure_banner_away() {
        for previous in [SaveStatus::Pending, failed(&StoreError::QuotaExceeded)] {
            assert_eq!(after_save(&previous, Attempt::Stored, 7.0), (SaveStatus::Saved(7.0), Banner::Dismiss(Topic::SaveFailed)));
        }
    }

    /// Without storage, a save keeps the draft in memory: never "Gespeichert", and no banner
    /// at each keystroke (the one at start says it).
    #[test]
    fn memory_only_is_no_save() {
        let (status, banner) = after_save(&SaveStatus::Pending, Attempt::InMemory, 7.0);
        assert_eq!(status, failed(&StoreError::Unavailable(String::new())));
        assert_eq!(banner, Banner::Keep);
    }
}
