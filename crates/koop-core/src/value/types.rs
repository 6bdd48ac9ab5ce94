//! Value types parsed at the boundary: what the user typed becomes one of these or a German
//! message saying how to fix it. The draft keeps the raw text, so nothing typed is ever lost.

use std::fmt;

/// A calendar date (proleptic Gregorian), as typed by German users ("31.12.2028") or as an
/// ISO string ("2028-12-31").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Datum {
    pub jahr: i32,
    pub monat: u8,
    pub tag: u8,
}

impl Datum {
    pub fn new(jahr: i32, monat: u8, tag: u8) -> Option<Datum> {
        if !(1..=12).contains(&monat) || tag == 0 || tag > days_in_month(jahr, monat) {
            return None;
        }
        Some(Datum { jahr, monat, tag })
    }

    /// What the user reads when a date cannot be read, wherever a date is asked for.
    pub const FORMAT_MESSAGE: &'static str = "Bitte geben Sie das Datum im Format TT.MM.JJJJ an, zum Beispiel 31.12.2028.";

    /// Accepts "T.M.JJJJ", "TT.MM.JJJJ" and "JJJJ-MM-TT"; surrounding blanks are ignored.
    pub fn parse(input: &str) -> Option<Datum> {
        let s = input.trim();
        let (d, m, y) = if let Some((y, rest)) = s.split_once('-') {
            let (m, d) = rest.split_once('-')?;
            (d, m, y)
        } else {
            let mut it = s.split('.');
            let d = it.next()?;
            let m = it.next()?;
            let y = it.next()?;
            if it.next().is_some() {
                return None;
            }
            (d, m, y)
        };
        let all_digits = |t: &str, max: usize| !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(d, 2) || !all_digits(m, 2) || y.len() != 4 || !all_digits(y, 4) {
            return None;
        }
        Datum::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// ISO 8601, used in file names.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.jahr, self.monat, self.tag)
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.jahr) - i64::from(self.monat <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.monat);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.tag) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days_since_epoch(z: i64) -> Datum {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Datum { jahr: y as i32, monat: m, tag: d }
    }

    /// The same day one year later (29 February becomes 28 February).
    pub fn plus_one_year(&self) -> Datum {
        let jahr = self.jahr + 1;
        let tag = self.tag.min(days_in_month(jahr, self.monat));
        Datum { jahr, monat: self.monat, tag }
    }

    /// The date of a Unix time stamp in milliseconds (UTC).
    pub fn from_unix_millis(ms: f64) -> Datum {
        Datum::from_days_since_epoch((ms / 86_400_000.0).floor() as i64)
    }
}

impl fmt::Display for Datum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}.{:02}.{:04}", self.tag, self.monat, self.jahr)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A German postcode: exactly five digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postleitzahl(String);

impl Postleitzahl {
    pub fn parse(input: &str) -> Option<Postleitzahl> {
        let s = input.trim();
        (s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) && s != "00000").then(|| Postleitzahl(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address in the common form local@domain.tld (no quoted local parts, no IP hosts:
/// what a municipal address book holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Option<Email> {
        let s = input.trim();
        let (local, domain) = s.split_once('@')?;
        if local.is_empty() || local.len() > 64 || domain.len() > 253 || domain.contains('@') {
            return None;
        }
        let local_ok = local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..");
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
        (local_ok && domain_ok).then(|| Email(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A plausible German telephone number: national ("0361 123456") or international
/// ("+49 361 123456"), with blanks, "/", "-" or parentheses as separators, 6 to 15 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Telefonnummer(String);

impl Telefonnummer {
    pub fn parse(input: &str) -> Option<Telefonnummer> {
        let s = input.trim();
        let rest = s.strip_prefix('+');
        let body = rest.unwrap_or(s);
        if !body.chars().all(|c| c.is_ascii_digit() || " /-()".contains(c)) {
            return None;
        }
        let digits: String = body.chars().filter(char::is_ascii_digit).collect();
        let plausible_start = if rest.is_some() { !digits.starts_with('0') } else { digits.starts_with('0') };
        ((6..=15).contains(&digits.len()) && plausible_start).then(|| Telefonnummer(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A tiny pattern language for identifiers such as contract numbers: `9` is a required digit,
/// `[9]` an optional digit, anything else stands for itself. "PK 9[9][9]/9999" accepts
/// "PK 7/2026" and "PK 123/2026".
pub fn matches_pattern(pattern: &str, input: &str) -> bool {
    #[derive(Clone, Copy)]
    enum Tok {
        Digit { optional: bool },
        Lit(char),
    }
    let mut toks = Vec::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '9' => toks.push(Tok::Digit { optional: false }),
            '[' if chars.peek() == Some(&'9') => {
                chars.next();
                if chars.next() != Some(']') {
                    return false;
                }
                toks.push(Tok::Digit { optional: true });
            }
            other => toks.push(Tok::Lit(other)),
        }
    }
    fn go(toks: &[Tok], s: &[char]) -> bool {
        match toks.split_first() {
            None => s.is_empty(),
            Some((Tok::Lit(c), rest)) => s.first() == Some(c) && go(rest, &s[1..]),
            Some((Tok::Digit { optional }, rest)) => {
                (s.first().is_some_and(char::is_ascii_digit) && go(rest, &s[1..])) || (*optional && go(rest, s))
            }
        }
    }
    let input: Vec<char> = input.trim().chars().collect();
    go(&toks, &input)
}

/// ASCII-safe file name part: umlauts transliterated (ä → ae, ß → ss), blanks become "_",
/// everything else outside [A-Za-z0-9-_] dropped.
pub fn ascii_file_part(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.trim().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'Ä' => out.push_str("Ae"),
            'Ö' => out.push_str("Oe"),
            'Ü' => out.push_str("Ue"),
            'ß' => out.push_str("ss"),
            'é' | 'è' | 'ê' => out.push('e'),
            'á' | 'à' | 'â' => out.push('a'),
            c if c.is_ascii_alphanumeric() || c == '-' || c == '_' => out.push(c),
            c if (c.is_whitespace() || c == '/' || c == '.') && !out.ends_with('_') => out.push('_'),
            _ => {}
        }
    }
    out.trim_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_german_and_iso() {
        assert_eq!(Datum::parse("31.12.2028"), Datum::new(2028, 12, 31));
        assert_eq!(Datum::parse(" 1.2.2027 "), Datum::new(2027, 2, 1));
        assert_eq!(Datum::parse("2028-12-31"), Datum::new(2028, 12, 31));
        assert_eq!(Datum::parse("29.02.2028").map(|d| d.to_string()).as_deref(), Some("29.02.2028"));
        for bad in ["", "31.13.2028", "30.02.2028", "29.02.2027", "31.12.28", "31-12-2028", "a.b.cccc", "1.1.2028.1"] {
            assert_eq!(Datum::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn epoch_days_round_trip() {
        for d in [Datum::new(1970, 1, 1), Datum::new(2000, 2, 29), Datum::new(2028, 12, 31), Datum::new(1969, 12, 31)] {
            let d = d.expect("valid");
            assert_eq!(Datum::from_days_since_epoch(d.days_since_epoch()), d);
        }
        assert_eq!(Datum::new(1970, 1, 2).map(|d| d.days_since_epoch()), Some(1));
        assert_eq!(Datum::from_unix_millis(1_795_305_600_000.0).iso(), "2026-11-22");
        assert_eq!(Datum::new(2028, 2, 29).map(|d| d.plus_one_year().iso()).as_deref(), Some("2029-02-28"));
    }

    #[test]
    fn postcodes_emails_phones() {
        assert!(Postleitzahl::parse("99084").is_some());
        for bad in ["9908", "990845", "99O84", "00000", ""] {
            assert!(Postleitzahl::parse(bad).is_none(), "{bad}");
        }
        for good in ["a@b.de", "vorname.nachname@lra-soemmerda.de", "x+y@stadt.jena.de", "müller@gemeinde.de"] {
            assert!(Email::parse(good).is_some(), "{good}");
        }
        for bad in ["", "a", "a@", "@b.de", "a@b", "a@b.d", "a b@c.de", "a@@b.de", "a..b@c.de", "a@-b.de", "a@b.de1"] {
            assert!(Email::parse(bad).is_none(), "{bad}");
        }
        for good in ["0361 123456", "+49 361 123456", "03634/354-0", "(0361) 65 43 21"] {
            assert!(Telefonnummer::parse(good).is_some(), "{good}");
        }
        for bad in ["123", "361 123456", "0361 abc", "+0361 123456", "0123456789012345678"] {
            assert!(Telefonnummer::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn patterns() {
        let p = "PK 9[9][9]/9999";
        for good in ["PK 7/2026", "PK 12/2026", "PK 123/2027", " PK 1/2030 "] {
            assert!(matches_pattern(p, good), "{good}");
        }
        for bad in ["PK /2026", "PK 1234/2026", "PK 7/26", "pk 7/2026", "PK7/2026", "PK ../2026"] {
            assert!(!matches_pattern(p, bad), "{bad}");
        }
    }

    #[test]
    fn file_parts() {
        assert_eq!(ascii_file_part("Sömmerda"), "Soemmerda");
        assert_eq!(ascii_file_part("Altenburger Land"), "Altenburger_Land");
        assert_eq!(ascii_file_part("Saalfeld/Saale <x>"), "Saalfeld_Saale_x");
        assert_eq!(ascii_file_part("Große Kreisstadt"), "Grosse_Kreisstadt");
    }
}
