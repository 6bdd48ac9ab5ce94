//! The designations of local authorities ("Landkreis", "Landeshauptstadt") with their articles,
//! and names as typed, the designations before them split off.

use super::{Kasus, Kommunenart};

/// A designation that may stand before the name of a local authority: what people type into
/// the name field although the grammar adds it itself ("Landkreis Gotha"), or an official
/// designation that replaces the plain one ("Landeshauptstadt Erfurt").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bezeichnung {
    Landkreis,
    /// The official designation of the Kreise in some Länder ("Kreis Recklinghausen").
    Kreis,
    Stadt,
    KreisfreieStadt,
    Gemeinde,
    Landeshauptstadt,
    Universitaetsstadt,
    Hansestadt,
    GrosseKreisstadt,
    Verbandsgemeinde,
}

/// Written forms recognised at the start of a name. "St." is ambiguous ("St. Wendel" is
/// Sankt Wendel), see `Amtsname::parse`.
const SCHREIBWEISEN: &[(&str, Bezeichnung)] = &[
    ("kreisfreie Stadt", Bezeichnung::KreisfreieStadt),
    ("kreisfr. Stadt", Bezeichnung::KreisfreieStadt),
    ("Große Kreisstadt", Bezeichnung::GrosseKreisstadt),
    ("Grosse Kreisstadt", Bezeichnung::GrosseKreisstadt),
    ("Gr. Kreisstadt", Bezeichnung::GrosseKreisstadt),
    ("Landeshauptstadt", Bezeichnung::Landeshauptstadt),
    ("Universitätsstadt", Bezeichnung::Universitaetsstadt),
    ("Universitaetsstadt", Bezeichnung::Universitaetsstadt),
    ("Verbandsgemeinde", Bezeichnung::Verbandsgemeinde),
    ("Hansestadt", Bezeichnung::Hansestadt),
    ("Landkreis", Bezeichnung::Landkreis),
    ("Lkr.", Bezeichnung::Landkreis),
    ("Lkr", Bezeichnung::Landkreis),
    ("Lk.", Bezeichnung::Landkreis),
    ("LK", Bezeichnung::Landkreis),
    ("Kreis", Bezeichnung::Kreis),
    ("Gemeinde", Bezeichnung::Gemeinde),
    ("Gem.", Bezeichnung::Gemeinde),
    ("Stadt", Bezeichnung::Stadt),
    ("St.", Bezeichnung::Stadt),
];

/// The abbreviation of "Stadt" that also abbreviates "Sankt".
const ST_ABKUERZUNG: &str = "St.";

impl Bezeichnung {
    pub const ALLE: [Bezeichnung; 10] = [
        Bezeichnung::Landkreis,
        Bezeichnung::Kreis,
        Bezeichnung::Stadt,
        Bezeichnung::KreisfreieStadt,
        Bezeichnung::Gemeinde,
        Bezeichnung::Landeshauptstadt,
        Bezeichnung::Universitaetsstadt,
        Bezeichnung::Hansestadt,
        Bezeichnung::GrosseKreisstadt,
        Bezeichnung::Verbandsgemeinde,
    ];

    /// Every written form the parser recognises (for tests and documentation).
    pub fn schreibweisen() -> impl Iterator<Item = (&'static str, Bezeichnung)> {
        SCHREIBWEISEN.iter().copied()
    }

    /// The designation as written in a title: „Landkreis“, „Große Kreisstadt“.
    pub fn wort(self) -> &'static str {
        match self {
            Bezeichnung::Landkreis => "Landkreis",
            Bezeichnung::Kreis => "Kreis",
            Bezeichnung::Stadt => "Stadt",
            Bezeichnung::KreisfreieStadt => "kreisfreie Stadt",
            Bezeichnung::Gemeinde => "Gemeinde",
            Bezeichnung::Landeshauptstadt => "Landeshauptstadt",
            Bezeichnung::Universitaetsstadt => "Universitätsstadt",
            Bezeichnung::Hansestadt => "Hansestadt",
            Bezeichnung::GrosseKreisstadt => "Große Kreisstadt",
            Bezeichnung::Verbandsgemeinde => "Verbandsgemeinde",
        }
    }

    /// A designation written out in full ("Landeshauptstadt", "große kreisstadt"), as a lookup
    /// table holds it. Abbreviations are for typed names only.
    pub fn from_wort(wort: &str) -> Option<Bezeichnung> {
        Bezeichnung::ALLE.into_iter().find(|b| gleiche_woerter(b.wort(), wort))
    }

    /// The designation with article in the given case: "des Landkreises", "der Großen
    /// Kreisstadt", "die Landeshauptstadt".
    pub fn mit_artikel(self, kasus: Kasus) -> String {
        match self {
            Bezeichnung::Landkreis | Bezeichnung::Kreis => {
                let w = self.wort();
                match kasus {
                    Kasus::Nominativ => format!("der {w}"),
                    Kasus::Genitiv => format!("des {w}es"),
                    Kasus::Dativ => format!("dem {w}"),
                    Kasus::Akkusativ => format!("den {w}"),
                }
            }
            // An adjective before the noun declines weakly after the article.
            Bezeichnung::KreisfreieStadt | Bezeichnung::GrosseKreisstadt => {
                let (adj, noun) = match self {
                    Bezeichnung::KreisfreieStadt => ("kreisfreie", "Stadt"),
                    _ => ("Große", "Kreisstadt"),
                };
                match kasus {
                    Kasus::Nominativ | Kasus::Akkusativ => format!("die {adj} {noun}"),
                    Kasus::Genitiv | Kasus::Dativ => format!("der {adj}n {noun}"),
                }
            }
            _ => match kasus {
                Kasus::Nominativ | Kasus::Akkusativ => format!("die {}", self.wort()),
                Kasus::Genitiv | Kasus::Dativ => format!("der {}", self.wort()),
            },
        }
    }

    /// Whether a party of this type may carry the designation. A Große Kreisstadt belongs to a
    /// Landkreis, so it is never kreisfrei; a Landeshauptstadt may be either.
    pub fn passt_zu(self, art: Kommunenart) -> bool {
        use Bezeichnung as B;
        match art {
            Kommunenart::Landkreis => matches!(self, B::Landkreis | B::Kreis),
            Kommunenart::KreisfreieStadt => {
                matches!(self, B::Stadt | B::KreisfreieStadt | B::Landeshauptstadt | B::Universitaetsstadt | B::Hansestadt)
            }
            Kommunenart::Stadt => {
                matches!(self, B::Stadt | B::Landeshauptstadt | B::Universitaetsstadt | B::Hansestadt | B::GrosseKreisstadt)
            }
            Kommunenart::Gemeinde => matches!(self, B::Gemeinde | B::Verbandsgemeinde),
        }
    }

    /// The plain designation of a type.
    pub fn standard(art: Kommunenart) -> Bezeichnung {
        match art {
            Kommunenart::Landkreis => Bezeichnung::Landkreis,
            Kommunenart::KreisfreieStadt | Kommunenart::Stadt => Bezeichnung::Stadt,
            Kommunenart::Gemeinde => Bezeichnung::Gemeinde,
        }
    }

    /// The designation printed before the name: "kreisfreie Stadt" is the type, not part of the
    /// name ("der Stadt Jena"); clause texts that need it say so themselves.
    pub(super) fn gedruckt(self) -> Bezeichnung {
        match self {
            Bezeichnung::KreisfreieStadt => Bezeichnung::Stadt,
            other => other,
        }
    }
}

/// The official designation a lookup row records: its `bezeichnung` column ("Landeshauptstadt"),
/// else what its `form` says (LK and KR: Landkreis, ST: Stadt).
pub fn amtliche_bezeichnung(row: &std::collections::BTreeMap<String, String>) -> Option<Bezeichnung> {
    row.get("bezeichnung").and_then(|b| Bezeichnung::from_wort(b)).or_else(|| match row.get("form").map(String::as_str) {
        Some("LK" | "KR") => Some(Bezeichnung::Landkreis),
        Some("ST") => Some(Bezeichnung::Stadt),
        _ => None,
    })
}

/// A name as typed, parsed: the leading designation(s) if any, and the bare name the grammar
/// declines. "Stadtroda" has no designation; "Stadt Jena" has "Stadt".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amtsname {
    /// The designation closest to the name ("Landkreis Kreis Recklinghausen" → Kreis).
    pub bezeichnung: Option<Bezeichnung>,
    /// The designation(s) as typed ("Lkr.", "Landkreis Landkreis"), for messages.
    pub geschrieben: String,
    /// The bare name; empty when only a designation was typed.
    pub name: String,
}

impl Amtsname {
    /// Splits leading designations off a typed name. A designation counts only as a whole word
    /// followed by more text: "Stadtroda" and "Stadtilm" stay names, and "Landkreis" alone is
    /// kept as typed (the validation asks for the name). "St." is read as "Stadt" only for a
    /// town; before a Landkreis or a Gemeinde it is "Sankt" ("Landkreis St. Wendel").
    pub fn parse(input: &str, art: Option<Kommunenart>) -> Amtsname {
        // Only the designation is matched loosely; the name keeps every character as typed.
        let text = input.trim();
        let st_ist_stadt = matches!(art, Some(Kommunenart::Stadt | Kommunenart::KreisfreieStadt));
        let mut rest: &str = text;
        let mut bezeichnung = None;
        let mut cut = 0;
        while let Some((len, b)) = SCHREIBWEISEN.iter().find_map(|(w, b)| {
            if *w == ST_ABKUERZUNG && !st_ist_stadt {
                return None;
            }
            praefix(rest, w).map(|len| (len, *b))
        }) {
            bezeichnung = Some(b);
            rest = rest[len..].trim_start();
            cut = text.len() - rest.len();
        }
        let geschrieben = text[..cut].trim_end().to_string();
        Amtsname { bezeichnung, geschrieben, name: rest.to_string() }
    }

    /// Only a designation, no name ("Landkreis").
    pub fn nur_bezeichnung(input: &str) -> Option<Bezeichnung> {
        SCHREIBWEISEN.iter().find(|(s, _)| gleiche_woerter(s, input)).map(|(_, b)| *b)
    }

    /// Whether the typed spelling was the ambiguous "St.".
    pub fn st_abgekuerzt(&self) -> bool {
        self.geschrieben.to_lowercase().ends_with(&ST_ABKUERZUNG.to_lowercase())
    }
}

/// The same words but for upper and lower case and the blanks between them ("Große  Kreisstadt"
/// is "große Kreisstadt"), without building copies: every party's name is checked on every
/// keystroke, and most differ in the first letter.
fn gleiche_woerter(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (a.split_whitespace(), b.split_whitespace());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if gleich_ohne_grossschreibung(p, q) => {}
            _ => return false,
        }
    }
}

fn gleich_ohne_grossschreibung(a: &str, b: &str) -> bool {
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

fn gleicher_buchstabe(a: char, b: char) -> bool {
    if a.is_ascii() && b.is_ascii() { a.eq_ignore_ascii_case(&b) } else { a.to_lowercase().eq(b.to_lowercase()) }
}

/// Length in bytes of `word` at the start of `text` (ignoring case) if a name follows it: a
/// blank after a full word, anything after an abbreviation's dot.
fn praefix(text: &str, word: &str) -> Option<usize> {
    let mut t = text.char_indices().peekable();
    for w in word.chars() {
        let (_, c) = t.next()?;
        if w == ' ' {
            // "Große  Kreisstadt": any run of blanks between the words of a designation.
            if !c.is_whitespace() {
                return None;
            }
            while t.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        } else if !gleicher_buchstabe(c, w) {
            return None;
        }
    }
    let len = t.peek().map_or(text.len(), |(i, _)| *i);
    let rest = &text[len..];
    let name_follows =
        if word.ends_with('.') { !rest.trim().is_empty() } else { rest.starts_with(char::is_whitespace) && !rest.trim().is_empty() };
    name_follows.then_some(len)
}
