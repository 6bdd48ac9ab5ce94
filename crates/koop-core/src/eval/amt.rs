//! The forms of a local authority that say who decides and who signs for it: its kind as
//! stored (`art`), its council (`gremium`) and the head of its administration (`leitung…`),
//! addressed as the body of a bound document says (`value::gremium`).

use super::{Env, Val};
use crate::template::BodySpec;
use crate::template::syntax::Form;
use crate::value::grammar::{Amtsname, Anrede, Bezeichnung, Kasus, Kommunenart};
use crate::value::gremium::{self, JaNein, Leitung};

impl Env<'_, '_> {
    /// The kind, the council and the head of a local authority (`art`, `gremium`, `leitung…`):
    /// the head is addressed as the body's `anrede` answer says, and a Stadt is a Große
    /// Kreisstadt by the body's answer or by the designation typed before its name.
    pub(super) fn amt(&self, art: Result<String, Val>, name_field: &str, form: Form, body: Option<&BodySpec>) -> Val {
        let art = match art.map(|a| Kommunenart::from_value(&a)) {
            Ok(Some(a)) => a,
            Ok(None) => return Val::Text(String::new()),
            Err(m) => return m,
        };
        let Some(body) = body.filter(|_| Form::LEITUNG.contains(&form)) else {
            let text = if form == Form::Art { art.name() } else { gremium::gremium(art) };
            return Val::Text(text.to_string());
        };
        let anrede = match self.answer(&body.anrede) {
            Ok(a) => Anrede::from_value(&a).unwrap_or(Anrede::Keine),
            Err(m) => return m,
        };
        let answered = body.grosse_kreisstadt.as_deref().and_then(|f| self.answer(f).ok());
        let designated =
            self.answer(name_field).is_ok_and(|n| Amtsname::parse(&n, Some(art)).bezeichnung == Some(Bezeichnung::GrosseKreisstadt));
        let grosse_kreisstadt = designated || answered.as_deref().and_then(JaNein::from_value) == Some(JaNein::Ja);
        let leitung = Leitung::von(art, grosse_kreisstadt);
        Val::Text(match form {
            Form::LeitungNom => leitung.mit_artikel(anrede, Kasus::Nominativ),
            Form::LeitungAkk => leitung.mit_artikel(anrede, Kasus::Akkusativ),
            _ => leitung.titel(anrede),
        })
    }
}
