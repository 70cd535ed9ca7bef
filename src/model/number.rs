//! Numbers as people type them in Japanese offices: full-width digits, commas (also full-width
//! and ideographic), a leading minus in any of its forms (－ − ▲ △ for negatives as budget
//! tables write them), spaces. Used by number fields (after IME composition ends) and imports.

/// Why a text is not a number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("empty")]
    Empty,
    #[error("not a number: {0}")]
    NotANumber(String),
}

/// Parses "１,２３４" → 1234, "－１，２３４" → −1234, "▲500" → −500, "34.2" → 34.2,
/// "1,234.5" → 1234.5. Commas are only accepted between digits of the integer part.
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    let not = || NumberError::NotANumber(text.trim().to_owned());
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match super::narrow(c) {
            '、' => ',',
            '−' | '‐' | '‑' | '–' | '▲' | '△' => '-',
            c if c.is_whitespace() => continue,
            c => c,
        };
        s.push(c);
    }
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s.as_str()),
    };
    let (int, frac) = body.split_once('.').map_or((body, None), |(i, f)| (i, Some(f)));
    let groups: Vec<&str> = int.split(',').collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let int_ok = if groups.len() == 1 {
        groups[0].is_empty() && frac.is_some() || digits(groups[0])
    } else {
        digits(groups[0]) && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3 && digits(g))
    };
    let frac_ok = frac.is_none_or(digits);
    if !int_ok || !frac_ok {
        return Err(not());
    }
    let plain: String =
        int.chars().filter(|c| *c != ',').collect::<String>() + &frac.map(|f| format!(".{f}")).unwrap_or_default();
    let value: f64 = plain.parse().map_err(|_| not())?;
    if !value.is_finite() {
        return Err(not());
    }
    Ok(if negative { -value } else { value })
}

/// Money in 千円: a number that is whole.
pub fn parse_money(text: &str) -> Result<i64, NumberError> {
    let v = parse_number(text)?;
    if v.fract() != 0.0 || v.abs() > 9.0e15 {
        return Err(NumberError::NotANumber(text.trim().to_owned()));
    }
    Ok(v as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_offices_type() {
        let cases: &[(&str, f64)] = &[
            ("1234", 1234.0),
            ("１２３４", 1234.0),
            ("1,234", 1234.0),
            ("１，２３４", 1234.0),
            ("－１，２３４", -1234.0),
            ("-1,234", -1234.0),
            ("−40", -40.0),
            ("▲500", -500.0),
            ("+12", 12.0),
            ("34.2", 34.2),
            ("３４．２", 34.2),
            (" 272,000 ", 272000.0),
            ("1,234,567.5", 1234567.5),
            (".5", 0.5),
            ("0", 0.0),
        ];
        for (text, v) in cases {
            assert_eq!(parse_number(text), Ok(*v), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for text in
            ["abc", "1,23", "12,3456", ",123", "1.2.3", "--1", "1e5", "NaN", "inf", "1,234.", "3人", "¥100", "1 2 3x"]
        {
            assert!(matches!(parse_number(text), Err(NumberError::NotANumber(_))), "{text:?}");
        }
        assert_eq!(parse_number("  "), Err(NumberError::Empty));
    }

    #[test]
    fn money_is_whole_thousands_of_yen() {
        assert_eq!(parse_money("２，３００"), Ok(2300));
        assert!(parse_money("12.5").is_err());
    }
}
