//! Whether one value is valid for its field, with the German message saying how to fix it.
//! Conditions ("filled and valid") need this below evaluation; the whole report is `validate`.

use super::Context;
use crate::template::{Field, FieldKind};
use crate::value::{Datum, Email, Postleitzahl, Telefonnummer, matches_pattern};

/// Checks one raw value against its field: `Err(message)` says how to fix it.
pub fn check_value(ctx: &Context<'_>, field: &Field, raw: &str) -> Result<(), String> {
    let value = raw.trim();
    if value.is_empty() {
        return if field.required { Err(required_message(field)) } else { Ok(()) };
    }
    match field.kind {
        FieldKind::Text | FieldKind::Textarea => {
            if let Some(p) = field.reject.iter().find(|p| value.contains(p.as_str())) {
                return Err(format!("Bitte ersetzen Sie den Platzhalter „{p}“ durch die richtige Angabe."));
            }
            Ok(())
        }
        FieldKind::Choice => match field.option_label(value) {
            Some(_) => Ok(()),
            None => Err("Bitte wählen Sie eine der angebotenen Möglichkeiten.".to_string()),
        },
        FieldKind::Integer => {
            let (min, max) = (field.min.unwrap_or(i64::MIN), field.max.unwrap_or(i64::MAX));
            let range = match (field.min, field.max) {
                (Some(a), Some(b)) => format!(" von {a} bis {b}"),
                (Some(a), None) => format!(" ab {a}"),
                (None, Some(b)) => format!(" bis {b}"),
                (None, None) => String::new(),
            };
            match value.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(()),
                _ => Err(format!("Bitte geben Sie eine ganze Zahl{range} an, zum Beispiel {}.", field.min.unwrap_or(1).max(1))),
            }
        }
        FieldKind::Date => match Datum::parse(value) {
            None => Err(Datum::FORMAT_MESSAGE.to_string()),
            Some(d) if field.after_today && d <= ctx.today => {
                Err(format!("Das Datum muss nach dem heutigen Tag ({}) liegen. Bitte geben Sie ein späteres Datum an.", ctx.today))
            }
            Some(_) => Ok(()),
        },
        FieldKind::Email => match Email::parse(value) {
            Some(_) => Ok(()),
            None => Err("Bitte geben Sie eine E-Mail-Adresse im Format name@beispiel.de an.".to_string()),
        },
        FieldKind::Phone => match Telefonnummer::parse(value) {
            Some(_) => Ok(()),
            None => Err("Bitte geben Sie eine Telefonnummer mit Vorwahl an, zum Beispiel 0361 123456 oder +49 361 123456.".to_string()),
        },
        FieldKind::Postcode => match Postleitzahl::parse(value) {
            Some(_) => Ok(()),
            None => Err("Die Postleitzahl hat fünf Ziffern, zum Beispiel 99084.".to_string()),
        },
        FieldKind::Pattern => {
            let ok = field.pattern.as_deref().is_none_or(|p| matches_pattern(p, value));
            if ok { Ok(()) } else { Err(field.pattern_message.clone().unwrap_or_else(|| "Bitte prüfen Sie das Format.".to_string())) }
        }
        FieldKind::Reference => match ctx.referenced(field, value) {
            Some(_) => Ok(()),
            None => Err(field.required_message.clone().unwrap_or_else(|| format!("Bitte wählen Sie einen Eintrag für „{}“.", field.label))),
        },
        // Checked as a whole by `validate`.
        FieldKind::Multi | FieldKind::List => Ok(()),
    }
}

fn required_message(field: &Field) -> String {
    field.required_message.clone().unwrap_or_else(|| match field.kind {
        FieldKind::Choice | FieldKind::Reference => format!("Bitte wählen Sie bei „{}“ eine Möglichkeit.", field.label),
        _ => format!("Bitte füllen Sie das Feld „{}“ aus.", field.label),
    })
}
