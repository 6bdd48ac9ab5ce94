//! The banners at the top of the page. Each has a typed topic: a second banner of the same
//! topic replaces the first, and a banner is found or removed by its topic, never by its text.
//! Every banner's text is written once, in its constructor below.

use koop_core::draft::store::Quarantined;
use koop_core::value::grammar::aufzaehlung;
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
}

/// What a button in a banner does; each is handled by the store it names.
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeAction {
    /// The session: another window saved a newer version of the open draft; load it …
    LoadTheirs,
    /// … or keep this window's version and save it over the other.
    KeepMine,
    /// The library: a record that cannot be read; offer its raw text as a file …
    DownloadRaw(String),
    /// … or discard it for good.
    DiscardRaw(String),
    /// The transfer: save the open draft as a file (backup reminder).
    BackupDraft,
    /// The app: a new version is installed; switch to it (the draft is saved first).
    UpdateApp,
}

/// A banner at the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub topic: Topic,
    pub kind: NoticeKind,
    pub title: String,
    pub text: String,
    pub actions: Vec<(String, NoticeAction)>,
}

impl Notice {
    fn new(topic: Topic, kind: NoticeKind, title: &str, text: &str) -> Notice {
        Notice { topic, kind, title: title.into(), text: text.into(), actions: Vec::new() }
    }

    fn with(mut self, label: &str, action: NoticeAction) -> Notice {
        self.actions.push((label.into(), action));
        self
    }

    /// The browser allows no storage (or a full one) at start: `message` says which.
    pub fn storage_unavailable(message: &str) -> Notice {
        Notice::new(Topic::StorageUnavailable, NoticeKind::Warning, "Speichern nicht möglich", message)
    }

    pub fn list_unreadable(message: &str) -> Notice {
        Notice::new(Topic::ListUnreadable, NoticeKind::Danger, "Entwürfe konnten nicht gelesen werden", message)
    }

    /// A stored record that cannot be read; `prefix` is the key prefix of this deployment's drafts.
    pub fn quarantined(q: &Quarantined, prefix: &str) -> Notice {
        let text = format!(
            "Ein gespeicherter Entwurf kann nicht gelesen werden: {} Die übrigen Entwürfe sind nicht betroffen. Die Rohdaten bleiben erhalten, bis Sie sie verwerfen.",
            q.error.message()
        );
        let title = format!("Entwurf in Quarantäne ({})", q.key.trim_start_matches(prefix));
        Notice::new(Topic::Quarantined(q.key.clone()), NoticeKind::Warning, &title, &text)
            .with("Rohdaten herunterladen", NoticeAction::DownloadRaw(q.key.clone()))
            .with("Endgültig verwerfen", NoticeAction::DiscardRaw(q.key.clone()))
    }

    pub fn not_opened(message: &str) -> Notice {
        Notice::new(Topic::NotOpened, NoticeKind::Danger, "Entwurf nicht geöffnet", message)
    }

    pub fn backup_reminder() -> Notice {
        Notice::new(
            Topic::BackupReminder,
            NoticeKind::Info,
            "Entwurf als Datei sichern",
            "Dieser Entwurf wurde seit einigen Tagen nicht als Datei gesichert. Browser können lokal gespeicherte Daten löschen, etwa wenn der Speicher knapp wird. Eine Sicherungsdatei können Sie jederzeit wieder laden oder an Kolleginnen und Kollegen geben.",
        )
        .with("Jetzt als Datei sichern", NoticeAction::BackupDraft)
    }

    /// Both windows changed the answers named by `labels` (empty: which is unknown).
    pub fn conflict(labels: &[String]) -> Notice {
        let which = if labels.is_empty() {
            "Dieser Entwurf wurde zur selben Zeit in einem anderen Fenster oder Tab geändert und gespeichert.".to_string()
        } else {
            let quoted: Vec<String> = labels.iter().map(|l| format!("„{l}“")).collect();
            let noun = if labels.len() == 1 { "der Angabe" } else { "den Angaben" };
            format!(
                "Dieser Entwurf wurde zur selben Zeit in einem anderen Fenster oder Tab geändert, auch bei {noun} {}.",
                aufzaehlung(&quoted)
            )
        };
        let text = format!(
            "{which} Ihre Eingaben hier sind noch nicht gespeichert. Wählen Sie, welche Fassung dafür gelten soll; alle übrigen Änderungen beider Fenster bleiben erhalten."
        );
        Notice::new(Topic::Conflict, NoticeKind::Warning, "In einem anderen Fenster geändert", &text)
            .with("Andere Fassung laden", NoticeAction::LoadTheirs)
            .with("Meine Fassung behalten", NoticeAction::KeepMine)
    }

    /// This window's edits and another window's, made at the same time, are merged and stored.
    pub fn merged() -> Notice {
        Notice::new(
            Topic::TheirsLoaded,
            NoticeKind::Info,
            "Änderungen zusammengeführt",
            "Dieser Entwurf wurde zur selben Zeit in einem anderen Fenster geändert. Beide Änderungen sind gespeichert und hier zu sehen.",
        )
    }

    pub fn theirs_loaded() -> Notice {
        Notice::new(
            Topic::TheirsLoaded,
            NoticeKind::Info,
            "Neuere Fassung geladen",
            "Dieser Entwurf wurde in einem anderen Fenster geändert. Die neuere Fassung ist jetzt geladen.",
        )
    }

    pub fn deleted_elsewhere() -> Notice {
        Notice::new(
            Topic::DeletedElsewhere,
            NoticeKind::Warning,
            "In einem anderen Fenster gelöscht",
            "Dieser Entwurf wurde in einem anderen Fenster gelöscht. Er bleibt hier geöffnet und wird bei der nächsten Änderung wieder gespeichert.",
        )
    }

    pub fn download_failed(message: &str) -> Notice {
        Notice::new(Topic::DownloadFailed, NoticeKind::Danger, "Download nicht möglich", message)
    }

    pub fn not_discarded(message: &str) -> Notice {
        Notice::new(Topic::NotDiscarded, NoticeKind::Danger, "Nicht verworfen", message)
    }

    pub fn save_failed(message: &str) -> Notice {
        Notice::new(Topic::SaveFailed, NoticeKind::Danger, "Nicht gespeichert", message)
    }

    pub fn backup_failed(message: &str) -> Notice {
        Notice::new(Topic::BackupFailed, NoticeKind::Danger, "Sicherung nicht möglich", message)
    }

    pub fn update_ready() -> Notice {
        Notice::new(
            Topic::UpdateReady,
            NoticeKind::Info,
            "Neue Version verfügbar",
            "Eine neue Version des Koop-Assistenten ist geladen. Ihr Entwurf ist gespeichert und bleibt erhalten.",
        )
        .with("Neu laden", NoticeAction::UpdateApp)
    }
}

/// The banners shown, each with the id its buttons refer to.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<(u32, Notice)>>,
    next: StoredValue<u32>,
}

impl Notices {
    pub(super) fn new() -> Notices {
        Notices { list: RwSignal::new(Vec::new()), next: StoredValue::new(1) }
    }

    /// Whether any banner is shown (tracked).
    pub fn any(&self) -> bool {
        self.list.with(|l| !l.is_empty())
    }

    /// The banners shown (tracked).
    pub fn all(&self) -> Vec<(u32, Notice)> {
        self.list.get()
    }

    /// Shows a banner, replacing one of the same topic.
    pub fn show(&self, notice: Notice) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|n| {
            n.retain(|(_, x)| x.topic != notice.topic);
            n.push((id, notice));
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.list.update(|n| n.retain(|(x, _)| *x != id));
    }

    /// Removes the banner of this topic, if one is shown.
    pub fn dismiss_topic(&self, topic: &Topic) {
        if self.list.with_untracked(|n| n.iter().any(|(_, x)| x.topic == *topic)) {
            self.list.update(|n| n.retain(|(_, x)| x.topic != *topic));
        }
    }

    pub fn clear(&self) {
        self.list.set(Vec::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NoticeAction::*;
    use koop_core::draft::store::DecodeError;

    /// Which banner says what: its topic (a second one of the same topic replaces it), its
    /// colour and its buttons.
    #[test]
    fn each_banner_has_its_topic_colour_and_buttons() {
        let q = Quarantined { key: "koop-assistent.entwurf.x1".into(), raw: "{".into(), error: DecodeError::Corrupt("eof".into()) };
        let cases: Vec<(Notice, Topic, NoticeKind, Vec<NoticeAction>)> = vec![
            (Notice::storage_unavailable("m"), Topic::StorageUnavailable, NoticeKind::Warning, vec![]),
            (Notice::list_unreadable("m"), Topic::ListUnreadable, NoticeKind::Danger, vec![]),
            (
                Notice::quarantined(&q, "koop-assistent.entwurf."),
                Topic::Quarantined(q.key.clone()),
                NoticeKind::Warning,
                vec![DownloadRaw(q.key.clone()), DiscardRaw(q.key.clone())],
            ),
            (Notice::not_opened("m"), Topic::NotOpened, NoticeKind::Danger, vec![]),
            (Notice::backup_reminder(), Topic::BackupReminder, NoticeKind::Info, vec![BackupDraft]),
            (Notice::conflict(&["Ort".into()]), Topic::Conflict, NoticeKind::Warning, vec![LoadTheirs, KeepMine]),
            (Notice::conflict(&[]), Topic::Conflict, NoticeKind::Warning, vec![LoadTheirs, KeepMine]),
            (Notice::merged(), Topic::TheirsLoaded, NoticeKind::Info, vec![]),
            (Notice::theirs_loaded(), Topic::TheirsLoaded, NoticeKind::Info, vec![]),
            (Notice::deleted_elsewhere(), Topic::DeletedElsewhere, NoticeKind::Warning, vec![]),
            (Notice::download_failed("m"), Topic::DownloadFailed, NoticeKind::Danger, vec![]),
            (Notice::not_discarded("m"), Topic::NotDiscarded, NoticeKind::Danger, vec![]),
            (Notice::save_failed("m"), Topic::SaveFailed, NoticeKind::Danger, vec![]),
            (Notice::backup_failed("m"), Topic::BackupFailed, NoticeKind::Danger, vec![]),
            (Notice::update_ready(), Topic::UpdateReady, NoticeKind::Info, vec![UpdateApp]),
        ];
        for (notice, topic, kind, actions) in cases {
            assert_eq!((&notice.topic, notice.kind), (&topic, kind));
            assert_eq!(notice.actions.iter().map(|(_, a)| a.clone()).collect::<Vec<_>>(), actions, "{topic:?}");
            assert!(!notice.title.is_empty() && !notice.text.is_empty(), "{topic:?}");
        }
    }

    #[test]
    fn a_record_in_quarantine_is_named_without_the_key_prefix_and_says_why() {
        let q = Quarantined { key: "koop-assistent.entwurf.abc-1".into(), raw: String::new(), error: DecodeError::UnknownVersion(99) };
        let n = Notice::quarantined(&q, "koop-assistent.entwurf.");
        assert_eq!(n.title, "Entwurf in Quarantäne (abc-1)");
        assert!(
            n.text.starts_with("Ein gespeicherter Entwurf kann nicht gelesen werden: Der Entwurf stammt aus einer neueren Version"),
            "{}",
            n.text
        );
        assert_eq!(n.actions[0].0, "Rohdaten herunterladen");
    }
}
