//! Forms of address, and a person acting in a function ("den Landrat, Herrn …").

crate::names! {
    /// Form of address of a person.
    pub enum Anrede {
        Herr = "herr",
        Frau = "frau",
        /// No gendered form of address: the name is given without article.
        Keine = "keine",
    }
}

impl Anrede {
    pub fn from_value(v: &str) -> Option<Anrede> {
        v.parse().ok()
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
