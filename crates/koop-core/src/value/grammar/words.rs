//! Numbers as words and lists joined with "und".

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
