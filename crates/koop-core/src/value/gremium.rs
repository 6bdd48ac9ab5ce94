//! Who decides and who signs for a local authority (Thüringer Kommunalordnung, Sächsische
//! Gemeinde- und Landkreisordnung; shared/spec/beschlussvorlage.md): the council that resolves
//! to conclude an agreement, and the head of the administration it authorises to sign, in the
//! form of address of the person in office. Never "Bürgermeister/in": without a gendered form
//! of address both forms are written out.

use super::grammar::{Anrede, Kasus, Kommunenart};

crate::names! {
    /// The answer whether a kreisangehörige Stadt is a Große Kreisstadt.
    pub enum JaNein {
        Ja = "ja",
        Nein = "nein",
    }
}

impl JaNein {
    pub fn from_value(v: &str) -> Option<JaNein> {
        v.parse().ok()
    }
}

/// The council of a kind of local authority. All three are masculine: "der Kreistag".
pub fn gremium(art: Kommunenart) -> &'static str {
    match art {
        Kommunenart::Landkreis => "Kreistag",
        Kommunenart::KreisfreieStadt | Kommunenart::Stadt => "Stadtrat",
        Kommunenart::Gemeinde => "Gemeinderat",
    }
}

/// The office at the head of the administration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leitung {
    Landrat,
    Oberbuergermeister,
    Buergermeister,
}

impl Leitung {
    /// A Landkreis is headed by a Landrat, a kreisfreie Stadt and a Große Kreisstadt by an
    /// Oberbürgermeister, every other Stadt and a Gemeinde by a Bürgermeister.
    pub fn von(art: Kommunenart, grosse_kreisstadt: bool) -> Leitung {
        match art {
            Kommunenart::Landkreis => Leitung::Landrat,
            Kommunenart::KreisfreieStadt => Leitung::Oberbuergermeister,
            Kommunenart::Stadt if grosse_kreisstadt => Leitung::Oberbuergermeister,
            Kommunenart::Stadt | Kommunenart::Gemeinde => Leitung::Buergermeister,
        }
    }

    fn maennlich(self) -> &'static str {
        match self {
            Leitung::Landrat => "Landrat",
            Leitung::Oberbuergermeister => "Oberbürgermeister",
            Leitung::Buergermeister => "Bürgermeister",
        }
    }

    fn weiblich(self) -> &'static str {
        match self {
            Leitung::Landrat => "Landrätin",
            Leitung::Oberbuergermeister => "Oberbürgermeisterin",
            Leitung::Buergermeister => "Bürgermeisterin",
        }
    }

    /// The title: "Landrätin", "Oberbürgermeister"; without a gendered form of address
    /// "Landrätin oder Landrat".
    pub fn titel(self, anrede: Anrede) -> String {
        match anrede {
            Anrede::Herr => self.maennlich().to_string(),
            Anrede::Frau => self.weiblich().to_string(),
            Anrede::Keine => format!("{} oder {}", self.weiblich(), self.maennlich()),
        }
    }

    /// With article in the given case: "die Landrätin", "den Oberbürgermeister", "des
    /// Bürgermeisters"; without a gendered form of address "die Landrätin oder den Landrat".
    pub fn mit_artikel(self, anrede: Anrede, kasus: Kasus) -> String {
        let (m, f) = (self.maennlich(), self.weiblich());
        let maennlich = match kasus {
            Kasus::Nominativ => format!("der {m}"),
            Kasus::Genitiv => format!("des {m}s"),
            Kasus::Dativ => format!("dem {m}"),
            Kasus::Akkusativ => format!("den {m}"),
        };
        let weiblich = match kasus {
            Kasus::Nominativ | Kasus::Akkusativ => format!("die {f}"),
            Kasus::Genitiv | Kasus::Dativ => format!("der {f}"),
        };
        match anrede {
            Anrede::Herr => maennlich,
            Anrede::Frau => weiblich,
            Anrede::Keine => format!("{weiblich} oder {maennlich}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_of_a_head() {
        let l = Leitung::von(Kommunenart::Stadt, false);
        assert_eq!(l.mit_artikel(Anrede::Herr, Kasus::Genitiv), "des Bürgermeisters");
        assert_eq!(l.mit_artikel(Anrede::Frau, Kasus::Dativ), "der Bürgermeisterin");
        assert_eq!(l.mit_artikel(Anrede::Keine, Kasus::Nominativ), "die Bürgermeisterin oder der Bürgermeister");
        assert_eq!(Leitung::von(Kommunenart::Stadt, true).titel(Anrede::Frau), "Oberbürgermeisterin");
        assert_eq!(Leitung::von(Kommunenart::Gemeinde, true), Leitung::Buergermeister, "a Gemeinde is no Große Kreisstadt");
    }
}
