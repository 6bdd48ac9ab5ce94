//! A named local authority in its four cases, and the type alone in the genitive.

use super::{Amtsname, Bezeichnung, Kasus, Kommunenart};

/// A named local authority: the "Landkreis Sömmerda", the "Wartburgkreis", the "Stadt Jena",
/// the "Landeshauptstadt Erfurt". Built from what was typed, so the name it holds is always
/// bare and the designation is printed exactly once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Koerperschaft {
    pub art: Kommunenart,
    pub bezeichnung: Bezeichnung,
    /// The bare name, without any designation.
    pub name: String,
}

/// How the name combines with its designation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "der Landkreis Sömmerda", "die Landeshauptstadt Erfurt".
    Bezeichnung(Bezeichnung),
    /// The name is itself a "-kreis" noun: "der Wartburgkreis", "des Ilm-Kreises".
    KreisName,
}

impl Koerperschaft {
    /// From a typed name and the type; a designation typed before the name is used where it
    /// fits the type ("Kreis Recklinghausen"), never printed twice.
    pub fn new(art: Kommunenart, eingabe: impl AsRef<str>) -> Koerperschaft {
        Koerperschaft::amtlich(art, eingabe, None)
    }

    /// Like `new`, with the official designation a lookup table knows (Erfurt:
    /// Landeshauptstadt); it wins over what was typed where it fits the type.
    pub fn amtlich(art: Kommunenart, eingabe: impl AsRef<str>, amtlich: Option<Bezeichnung>) -> Koerperschaft {
        let a = Amtsname::parse(eingabe.as_ref(), Some(art));
        let bezeichnung = amtlich
            .filter(|b| b.passt_zu(art))
            .or(a.bezeichnung.filter(|b| b.passt_zu(art)))
            .unwrap_or_else(|| Bezeichnung::standard(art))
            .gedruckt();
        Koerperschaft { art, bezeichnung, name: a.name }
    }

    fn form(&self) -> Form {
        match self.bezeichnung {
            Bezeichnung::Landkreis | Bezeichnung::Kreis if ends_with_kreis(&self.name) => Form::KreisName,
            b => Form::Bezeichnung(b),
        }
    }

    /// With article, in the given case: "dem Landkreis Sömmerda", "des Wartburgkreises",
    /// "der Stadt Jena", "der Landeshauptstadt Erfurt".
    pub fn mit_artikel(&self, kasus: Kasus) -> String {
        let n = &self.name;
        match self.form() {
            Form::Bezeichnung(b) => format!("{} {n}", b.mit_artikel(kasus)),
            Form::KreisName => match kasus {
                Kasus::Nominativ => format!("der {n}"),
                Kasus::Genitiv => format!("des {n}es"),
                Kasus::Dativ => format!("dem {n}"),
                Kasus::Akkusativ => format!("den {n}"),
            },
        }
    }

    /// The name as a title, without article: „Landkreis Sömmerda“, „Wartburgkreis“, „Stadt
    /// Jena“, „Landeshauptstadt Erfurt“.
    pub fn titel(&self) -> String {
        match self.form() {
            Form::Bezeichnung(b) => format!("{} {}", b.wort(), self.name),
            Form::KreisName => self.name.clone(),
        }
    }

    /// Accusative naming the type in full, as clause 1.4 of the IKPE template does:
    /// "den Landkreis Sömmerda", "den Wartburgkreis", "die kreisfreie Stadt Jena"; an official
    /// designation stays ("die Landeshauptstadt Erfurt").
    pub fn akkusativ_mit_art(&self) -> String {
        match (self.art, self.bezeichnung) {
            (Kommunenart::KreisfreieStadt, Bezeichnung::Stadt) => format!("die kreisfreie Stadt {}", self.name),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kreis_names_are_detected_case_insensitively() {
        let k = Koerperschaft::new(Kommunenart::Landkreis, "Saale-Holzland-Kreis");
        assert_eq!(k.mit_artikel(Kasus::Genitiv), "des Saale-Holzland-Kreises");
        assert_eq!(k.titel(), "Saale-Holzland-Kreis");
        // "Kreis" is an official designation of its own: used, never doubled.
        let k = Koerperschaft::new(Kommunenart::Landkreis, "Kreis Recklinghausen");
        assert_eq!(k.mit_artikel(Kasus::Nominativ), "der Kreis Recklinghausen");
        assert_eq!(k.mit_artikel(Kasus::Genitiv), "des Kreises Recklinghausen");
    }
}
