//! German grammar the agreements need: the four cases of a municipality's name with its article,
//! the representative's function with form of address, numbers as words, and lists joined with
//! "und". Every "der/dem", "die/der" and "des Landkreises/der kreisfreien Stadt" of a template
//! is resolved here.

/// What kind of local authority a party is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kommunenart {
    Landkreis,
    KreisfreieStadt,
    /// A town belonging to a Landkreis (parties of the Sozialraum agreement).
    Stadt,
    Gemeinde,
}

impl Kommunenart {
    /// The stored value of a choice field ("landkreis", "kreisfreie_stadt", "stadt", "gemeinde").
    pub fn from_value(v: &str) -> Option<Kommunenart> {
        match v {
            "landkreis" => Some(Kommunenart::Landkreis),
            "kreisfreie_stadt" => Some(Kommunenart::KreisfreieStadt),
            "stadt" => Some(Kommunenart::Stadt),
            "gemeinde" => Some(Kommunenart::Gemeinde),
            _ => None,
        }
    }
}

/// The grammatical cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kasus {
    Nominativ,
    Genitiv,
    Dativ,
    Akkusativ,
}

/// A named local authority: the "Landkreis Sömmerda", the "Wartburgkreis", the "Stadt Jena".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Koerperschaft {
    pub art: Kommunenart,
    pub name: String,
}

/// How the name combines with its type word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "der Landkreis Sömmerda"
    Landkreis,
    /// The name is itself a "-kreis" noun: "der Wartburgkreis", "des Ilm-Kreises".
    KreisName,
    /// Feminine type word: "die Stadt Jena", "die Gemeinde Lichtentanne".
    Feminin(&'static str),
}

impl Koerperschaft {
    pub fn new(art: Kommunenart, name: impl Into<String>) -> Koerperschaft {
        Koerperschaft { art, name: name.into().trim().to_string() }
    }

    fn form(&self) -> Form {
        match self.art {
            Kommunenart::Landkreis if ends_with_kreis(&self.name) => Form::KreisName,
            Kommunenart::Landkreis => Form::Landkreis,
            Kommunenart::KreisfreieStadt | Kommunenart::Stadt => Form::Feminin("Stadt"),
            Kommunenart::Gemeinde => Form::Feminin("Gemeinde"),
        }
    }

    /// With article, in the given case: "dem Landkreis Sömmerda", "des Wartburgkreises",
    /// "der Stadt Jena".
    pub fn mit_artikel(&self, kasus: Kasus) -> String {
        let n = &self.name;
        match self.form() {
            Form::Landkreis => match kasus {
                Kasus::Nominativ => format!("der Landkreis {n}"),
                Kasus::Genitiv => format!("des Landkreises {n}"),
                Kasus::Dativ => format!("dem Landkreis {n}"),
                Kasus::Akkusativ => format!("den Landkreis {n}"),
            },
            Form::KreisName => match kasus {
                Kasus::Nominativ => format!("der {n}"),
                Kasus::Genitiv => format!("des {n}es"),
                Kasus::Dativ => format!("dem {n}"),
                Kasus::Akkusativ => format!("den {n}"),
            },
            Form::Feminin(wort) => match kasus {
                Kasus::Nominativ | Kasus::Akkusativ => format!("die {wort} {n}"),
                Kasus::Genitiv | Kasus::Dativ => format!("der {wort} {n}"),
            },
        }
    }

    /// The name as a title, without article: „Landkreis Sömmerda“, „Wartburgkreis“, „Stadt Jena“.
    pub fn titel(&self) -> String {
        match self.form() {
            Form::Landkreis => format!("Landkreis {}", self.name),
            Form::KreisName => self.name.clone(),
            Form::Feminin(wort) => format!("{wort} {}", self.name),
        }
    }

    /// Accusative naming the type in full, as clause 1.4 of the IKPE template does:
    /// "den Landkreis Sömmerda", "den Wartburgkreis", "die kreisfreie Stadt Jena".
    pub fn akkusativ_mit_art(&self) -> String {
        match self.art {
            Kommunenart::KreisfreieStadt => format!("die kreisfreie Stadt {}", self.name),
            _ => self.mit_artikel(Kasus::Akkusativ),
        }
    }
}

/// The type alone in the genitive ("des Landkreises", "der kreisfreien Stadt"), as clause 1.1
/// of the IKPE template uses it.
pub fn art_genitiv(art: Kommunenart) -> &'static str {
    match art {
        Kommunenart::Landkreis => "des Landkreises",
        Kommunenart::KreisfreieStadt => "der kreisfreien Stadt",
        Kommunenart::Stadt => "der Stadt",
        Kommunenart::Gemeinde => "der Gemeinde",
    }
}

fn ends_with_kreis(name: &str) -> bool {
    name.trim_end().to_lowercase().ends_with("kreis")
}

/// Form of address of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anrede {
    Herr,
    Frau,
    /// No gendered form of address: the name is given without article.
    Keine,
}

impl Anrede {
    pub fn from_value(v: &str) -> Option<Anrede> {
        match v {
            "herr" => Some(Anrede::Herr),
            "frau" => Some(Anrede::Frau),
            "keine" => Some(Anrede::Keine),
            _ => None,
        }
    }
}

/// A person acting in a function: "den Landrat, Herrn Christian Meyer".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vertretung {
    pub anrede: Anrede,
    pub funktion: String,
    pub name: String,
}

impl Vertretung {
    /// After "vertreten durch" (accusative): "den Landrat, Herrn Christian Meyer",
    /// "die Oberbürgermeisterin, Frau Anna Schmidt", without form of address
    /// "Alex Meyer (Bürgermeister*in)".
    pub fn akkusativ(&self) -> String {
        let (f, n) = (self.funktion.trim(), self.name.trim());
        match self.anrede {
            Anrede::Herr => format!("den {f}, Herrn {n}"),
            Anrede::Frau => format!("die {f}, Frau {n}"),
            Anrede::Keine => format!("{n} ({f})"),
        }
    }

    /// Nominative, as in a list of parties: "der Landrat, Herr Christian Meyer".
    pub fn nominativ(&self) -> String {
        let (f, n) = (self.funktion.trim(), self.name.trim());
        match self.anrede {
            Anrede::Herr => format!("der {f}, Herr {n}"),
            Anrede::Frau => format!("die {f}, Frau {n}"),
            Anrede::Keine => format!("{n} ({f})"),
        }
    }
}

/// A number as a German word ("vier") where it is small enough to be written out; larger ones
/// stay digits. 1 gives "ein", the form used before a noun or inside a compound ("einjährig").
pub fn zahlwort(n: i64) -> String {
    const WORDS: [&str; 13] = ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];
    usize::try_from(n).ok().and_then(|i| WORDS.get(i)).map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// Joins items the German way: "A", "A und B", "A, B und C".
pub fn aufzaehlung<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} und {}", head.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kreis_names_are_detected_case_insensitively() {
        let k = Koerperschaft::new(Kommunenart::Landkreis, "Saale-Holzland-Kreis");
        assert_eq!(k.mit_artikel(Kasus::Genitiv), "des Saale-Holzland-Kreises");
        assert_eq!(k.titel(), "Saale-Holzland-Kreis");
        let k = Koerperschaft::new(Kommunenart::Landkreis, "Kreis Recklinghausen");
        assert_eq!(k.mit_artikel(Kasus::Nominativ), "der Landkreis Kreis Recklinghausen");
    }

    #[test]
    fn representatives() {
        let v = Vertretung { anrede: Anrede::Herr, funktion: "Landrat".into(), name: "Christian Meyer".into() };
        assert_eq!(v.akkusativ(), "den Landrat, Herrn Christian Meyer");
        let v = Vertretung { anrede: Anrede::Frau, funktion: "Oberbürgermeisterin".into(), name: "Anna Schmidt".into() };
        assert_eq!(v.akkusativ(), "die Oberbürgermeisterin, Frau Anna Schmidt");
        assert_eq!(v.nominativ(), "die Oberbürgermeisterin, Frau Anna Schmidt");
        let v = Vertretung { anrede: Anrede::Keine, funktion: "Bürgermeister*in".into(), name: "Alex Meyer".into() };
        assert_eq!(v.akkusativ(), "Alex Meyer (Bürgermeister*in)");
    }

    #[test]
    fn words_and_lists() {
        assert_eq!(zahlwort(4), "vier");
        assert_eq!(zahlwort(12), "zwölf");
        assert_eq!(zahlwort(13), "13");
        assert_eq!(zahlwort(-1), "-1");
        assert_eq!(aufzaehlung::<&str>(&[]), "");
        assert_eq!(aufzaehlung(&["Bildung"]), "Bildung");
        assert_eq!(aufzaehlung(&["Bildung", "Soziales"]), "Bildung und Soziales");
        assert_eq!(aufzaehlung(&["A", "B", "C"]), "A, B und C");
    }
}
