//! The banners at the top of the page. Each has a typed topic: a second banner of the same
//! topic replaces the first, and a banner is found or removed by its topic, never by its text.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Warning,
    Danger,
}

/// What a banner is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Topic {
    StorageUnavailable,
    ListUnreadable,
    /// A record that cannot be read, by its storage key.
    Quarantined(String),
    NotOpened,
    BackupReminder,
    Conflict,
    TheirsLoaded,
    DeletedElsewhere,
    DownloadFailed,
    NotDiscarded,
    SaveFailed,
    BackupFailed,
    UpdateReady,
    /// A notice of the start page (import, delete) that stands alone.
    Other(&'static str),
}

/// What a button in a banner does.
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeAction {
    /// Another window saved a newer version of the open draft: load it.
    LoadTheirs,
    /// … or keep this window's version and save it over the other.
    KeepMine,
    /// A record that cannot be read: offer its raw text as a file.
    DownloadRaw(String),
    /// … or discard it for good.
    DiscardRaw(String),
    /// Save the open draft as a file (backup reminder).
    BackupDraft,
    /// A new version of the app is installed: switch to it (the draft is saved first).
    UpdateApp,
}

/// A banner at the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub topic: Topic,
    pub kind: NoticeKind,
    pub title: String,
    pub text: String,
    pub actions: Vec<(String, NoticeAction)>,
}

#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next: StoredValue<u32>,
}

impl Notices {
    pub fn new() -> Notices {
        Notices { list: RwSignal::new(Vec::new()), next: StoredValue::new(1) }
    }

    /// The banners shown (tracked).
    pub fn all(&self) -> Vec<Notice> {
        self.list.get()
    }

    /// Shows a banner, replacing one of the same topic; returns its id.
    pub fn show(&self, topic: Topic, kind: NoticeKind, title: &str, text: &str, actions: Vec<(String, NoticeAction)>) -> u32 {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|n| {
            n.retain(|x| x.topic != topic);
            n.push(Notice { id, topic, kind, title: title.to_string(), text: text.to_string(), actions })
        });
        id
    }

    pub fn dismiss(&self, id: u32) {
        self.list.update(|n| n.retain(|x| x.id != id));
    }

    /// Removes the banner of this topic, if one is shown.
    pub fn dismiss_topic(&self, topic: &Topic) {
        if self.list.with_untracked(|n| n.iter().any(|x| x.topic == *topic)) {
            self.list.update(|n| n.retain(|x| x.topic != *topic));
        }
    }

    pub fn clear(&self) {
        self.list.set(Vec::new());
    }
}
