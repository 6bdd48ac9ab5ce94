//! Where the user is, as the address bar says it: the only place that knows the app's URLs.
//! Plain Rust (no browser), so parsing and writing them are tested natively.

/// The information pages every public body must publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoPage {
    Datenschutz,
    Barrierefreiheit,
}

impl InfoPage {
    const ALL: [InfoPage; 2] = [InfoPage::Datenschutz, InfoPage::Barrierefreiheit];

    fn slug(self) -> &'static str {
        match self {
            InfoPage::Datenschutz => "datenschutz",
            InfoPage::Barrierefreiheit => "barrierefreiheit",
        }
    }

    fn from_slug(s: &str) -> Option<InfoPage> {
        InfoPage::ALL.into_iter().find(|p| p.slug() == s)
    }

    /// The browser tab's title on this page.
    pub fn title(self) -> &'static str {
        match self {
            InfoPage::Datenschutz => "Datenschutz – Koop-Assistent",
            InfoPage::Barrierefreiheit => "Erklärung zur Barrierefreiheit – Koop-Assistent",
        }
    }
}

/// A place in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The start page: "Meine Entwürfe".
    Start,
    Page(InfoPage),
    /// A draft at a step (counted from 0; the address counts from 1), or its process view
    /// ("Prozess und Termine").
    Draft {
        id: String,
        step: usize,
        process: bool,
    },
}

/// The browser tab's title on the start page.
pub const START_TITLE: &str = "Koop-Assistent – Kooperationsvereinbarungen erstellen";
/// … and in a draft's process view.
pub const PROCESS_TITLE: &str = "Prozess und Termine – Koop-Assistent";

impl Location {
    /// A draft at a step, in its steps.
    pub fn step(id: &str, step: usize) -> Location {
        Location::Draft { id: id.to_string(), step, process: false }
    }

    /// Reads the query of an address (`?entwurf=…&schritt=2`, with or without the `?`). What
    /// it cannot read counts as not given: an unknown page is the start page, a step that is no
    /// number the first step (the caller keeps a step within the template).
    pub fn parse(search: &str) -> Location {
        let params = query(search);
        let get = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        if let Some(page) = get("seite").and_then(InfoPage::from_slug) {
            return Location::Page(page);
        }
        match get("entwurf") {
            Some(id) => Location::Draft {
                id: id.to_string(),
                step: get("schritt").and_then(|s| s.parse::<usize>().ok()).map_or(0, |s| s.saturating_sub(1)),
                process: get("ansicht") == Some("prozess"),
            },
            None => Location::Start,
        }
    }

    /// The address of this place below `path` (the page's path: the app works under any
    /// sub-path).
    pub fn href(&self, path: &str) -> String {
        match self {
            Location::Start => path.to_string(),
            Location::Page(p) => format!("{path}?seite={}", p.slug()),
            Location::Draft { id, step, process } => {
                let view = if *process { "&ansicht=prozess" } else { "" };
                format!("{path}?entwurf={}&schritt={}{view}", encode_component(id), step + 1)
            }
        }
    }
}

/// The pairs of a query string, decoded as the browser's `URLSearchParams` decodes them
/// (`+` is a space, `%XX` a byte, bytes that are no UTF-8 become U+FFFD).
fn query(search: &str) -> Vec<(String, String)> {
    let search = search.strip_prefix('?').unwrap_or(search);
    search
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes as JavaScript's `encodeURIComponent` does: every byte of the UTF-8 form
/// except letters, digits and `-_.!~*'()`.
fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, step: usize, process: bool) -> Location {
        Location::Draft { id: id.into(), step, process }
    }

    /// Every place survives its address: written, read back, the same place.
    #[test]
    fn every_place_reads_back_from_its_address() {
        let places = [
            Location::Start,
            Location::Page(InfoPage::Datenschutz),
            Location::Page(InfoPage::Barrierefreiheit),
            draft("19a3f-0c0ffee0", 0, false),
            draft("19a3f-0c0ffee0", 6, false),
            draft("19a3f-0c0ffee0", 2, true),
            // Identities come from files too: any text survives.
            draft("a b&c=d+e?f#g%h/ä€😀", 1, false),
            draft("", 0, false),
        ];
        for place in places {
            for path in ["/", "/test/", "/koop/index.html"] {
                let href = place.href(path);
                let search = href.strip_prefix(path).expect("below the path");
                assert_eq!(Location::parse(search), place, "{href}");
            }
        }
    }

    /// The addresses as the browser shows them (and as earlier versions wrote them).
    #[test]
    fn addresses_read_as_before() {
        let cases = [
            (Location::Start, "/"),
            (Location::Page(InfoPage::Datenschutz), "/?seite=datenschutz"),
            (Location::Page(InfoPage::Barrierefreiheit), "/?seite=barrierefreiheit"),
            (draft("abc-1", 0, false), "/?entwurf=abc-1&schritt=1"),
            (draft("abc-1", 3, true), "/?entwurf=abc-1&schritt=4&ansicht=prozess"),
            (draft("a b", 0, false), "/?entwurf=a%20b&schritt=1"),
        ];
        for (place, href) in cases {
            assert_eq!(place.href("/"), href);
        }
    }

    /// What an address typed or damaged by hand means: never a crash, always a place.
    #[test]
    fn hand_made_addresses_mean_something() {
        let cases = [
            ("", Location::Start),
            ("?", Location::Start),
            ("?seite=unbekannt", Location::Start),
            ("?seite=datenschutz&entwurf=x", Location::Page(InfoPage::Datenschutz)),
            ("?seite=unbekannt&entwurf=x", draft("x", 0, false)),
            ("seite=barrierefreiheit", Location::Page(InfoPage::Barrierefreiheit)),
            ("?entwurf=x", draft("x", 0, false)),
            ("?entwurf=x&schritt=0", draft("x", 0, false)),
            ("?entwurf=x&schritt=-2", draft("x", 0, false)),
            ("?entwurf=x&schritt=zwei", draft("x", 0, false)),
            ("?entwurf=x&schritt=99999999999999999999999", draft("x", 0, false)),
            ("?entwurf=x&schritt=3&ansicht=liste", draft("x", 2, false)),
            ("?ansicht=prozess&schritt=2&entwurf=x", draft("x", 1, true)),
            ("?entwurf=a+b%2Bc", draft("a b+c", 0, false)),
            ("?entwurf=%zz%4", draft("%zz%4", 0, false)),
            ("?entwurf=%FF", draft("\u{FFFD}", 0, false)),
            ("?entwurf=first&entwurf=second", draft("first", 0, false)),
            ("?&&entwurf=&&", draft("", 0, false)),
        ];
        for (search, place) in cases {
            assert_eq!(Location::parse(search), place, "{search:?}");
        }
    }
}
