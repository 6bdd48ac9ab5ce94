//! German grammar the agreements need: the four cases of a municipality's name with its article,
//! the representative's function with form of address, numbers as words, and lists joined with
//! "und". Every "der/dem", "die/der" and "des Landkreises/der kreisfreien Stadt" of a template
//! is resolved here.

mod bezeichnung;
mod koerperschaft;
mod vertretung;
mod words;

pub use bezeichnung::{Amtsname, Bezeichnung, amtliche_bezeichnung};
pub use koerperschaft::{Koerperschaft, art_genitiv};
pub use vertretung::{Anrede, Vertretung};
pub use words::{aufzaehlung, zahlwort};

crate::names! {
    /// What kind of local authority a party is.
    pub enum Kommunenart {
        Landkreis = "landkreis",
        KreisfreieStadt = "kreisfreie_stadt",
        /// A town belonging to a Landkreis (parties of the Sozialraum agreement).
        Stadt = "stadt",
        Gemeinde = "gemeinde",
    }
}

impl Kommunenart {
    /// The stored value of a choice field ("landkreis", "kreisfreie_stadt", "stadt", "gemeinde").
    pub fn from_value(v: &str) -> Option<Kommunenart> {
        v.parse().ok()
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
