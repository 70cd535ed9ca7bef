//! What a value cell of a town's own table says: a number; "no value" written the
//! ways tables write it (「－」「―」「…」「×」「＊」「調査中」「未集計」「(未公表)」); or a number with a
//! footnote mark (「2,408※」「35.2＊1」) or a remark in brackets (「1,820 (速報)」). A mark is not a
//! reason to refuse the number, and "no value" is not a number to refuse: both are read, and
//! the import's preview says how each such cell was read.

use crate::model::half_width;

/// How a value cell reads.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ValueCell {
    /// Nothing written.
    Empty,
    /// A mark that means "no value" (kept as written, for the preview).
    NoValue(String),
    /// The number's own text (for the rules to read), and what was written beside it.
    Number {
        text: String,
        /// A footnote mark or a remark other than 速報 (「※」「(推計)」), as written.
        mark: Option<String>,
        /// The remark said 速報 / 暫定: a provisional value.
        provisional: bool,
    },
}

/// What tables write for "no value" (compared after folding full-width forms).
const NO_VALUE: [&str; 22] = [
    "-",
    "－",
    "―",
    "‐",
    "ー",
    "—",
    "–",
    "…",
    "‥",
    "...",
    "・・・",
    "×",
    "✕",
    "*",
    "＊",
    "調査中",
    "未集計",
    "集計中",
    "未公表",
    "非公表",
    "不明",
    "該当なし",
];
/// Footnote marks after a number (「2,408※」, 「35.2＊1」, 「12†」).
const FOOTNOTE: [char; 7] = ['※', '*', '＊', '†', '‡', '#', '＃'];
/// Remarks that make a value provisional.
const PROVISIONAL: [&str; 4] = ["速報", "速報値", "暫定", "暫定値"];

pub(crate) fn read_value(text: &str) -> ValueCell {
    let t = text.trim();
    if t.is_empty() {
        return ValueCell::Empty;
    }
    if is_no_value(unbracketed(t).unwrap_or(t)) {
        return ValueCell::NoValue(t.to_owned());
    }
    // A remark in brackets at the end: 「1,820 (速報)」, 「2,408（推計）」.
    let (rest, remark) = match trailing_remark(t) {
        Some((rest, remark)) => (rest, Some(remark)),
        None => (t, None),
    };
    // A footnote mark at the end, with its number: 「2,408※」, 「35.2＊1」.
    let (number, footnote) = match rest.char_indices().find(|(_, c)| FOOTNOTE.contains(c)) {
        Some((at, _)) if at > 0 && is_footnote(&rest[at..]) => (rest[..at].trim_end(), Some(&rest[at..])),
        _ => (rest, None),
    };
    let provisional = remark.is_some_and(|r| PROVISIONAL.contains(&half_width(r).as_str()));
    let marks: Vec<&str> = footnote.into_iter().chain(remark.filter(|_| !provisional)).collect();
    ValueCell::Number { text: number.to_owned(), mark: (!marks.is_empty()).then(|| marks.join(" ")), provisional }
}

/// A value typed into a number field of the editor, read as the import reads a cell: `None`
/// for nothing typed or a "no value" mark (`no_value` keeps the mark, to say how it was read),
/// else the number with the mark or 速報 written beside it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypedValue {
    pub value: Option<f64>,
    pub no_value: Option<String>,
    pub mark: Option<String>,
    pub provisional: bool,
}

/// What is not a number is refused as typed, whole (not the part before a remark in brackets).
pub fn read_typed_value(typed: &str) -> Result<TypedValue, crate::model::NumberError> {
    match read_value(typed) {
        ValueCell::Empty => Ok(TypedValue::default()),
        ValueCell::NoValue(t) => Ok(TypedValue { no_value: Some(t), ..TypedValue::default() }),
        ValueCell::Number { text, mark, provisional } => {
            let whole = |_| crate::model::NumberError::NotANumber(typed.trim().to_owned());
            let value = crate::model::parse_number(&text).map_err(whole)?;
            Ok(TypedValue { value: Some(value), mark, provisional, no_value: None })
        }
    }
}

fn is_no_value(t: &str) -> bool {
    let folded = half_width(t);
    NO_VALUE.iter().any(|m| *m == t || half_width(m) == folded)
}

/// The inside of a cell that is wholly in brackets: 「(未公表)」 → 「未公表」.
fn unbracketed(t: &str) -> Option<&str> {
    let inner = t.strip_prefix(['(', '（', '【', '['])?;
    inner.strip_suffix([')', '）', '】', ']']).map(str::trim)
}

/// 「1,820 (速報)」 → (「1,820」, 「速報」): a remark in brackets after something.
fn trailing_remark(t: &str) -> Option<(&str, &str)> {
    let body = t.strip_suffix([')', '）'])?;
    let open = body.rfind(['(', '（'])?;
    let rest = body[..open].trim_end();
    let remark = body[open..].trim_start_matches(['(', '（']).trim();
    (!rest.is_empty() && !remark.is_empty()).then_some((rest, remark))
}

/// Whether a value cell says its number is a running total: a remark in brackets that starts
/// with 累計 (or 累積), as 出雲市 prints 「515（累計、うちH28年度255人）」 — the number is the
/// total, the rest of the remark (the year's own 255) is kept as the value's comment.
pub(crate) fn says_running_total(text: &str) -> bool {
    let t = half_width(text.trim());
    let Some((_, remark)) = trailing_remark(&t) else { return false };
    remark.starts_with("累計") || remark.starts_with("累積")
}

/// Footnote marks followed by nothing but digits: 「※」, 「※1」, 「＊2」.
fn is_footnote(s: &str) -> bool {
    let digits = s.trim_start_matches(FOOTNOTE);
    digits.len() < s.len() && digits.chars().all(|c| crate::model::narrow(c).is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str, mark: Option<&str>, provisional: bool) -> ValueCell {
        ValueCell::Number { text: text.into(), mark: mark.map(Into::into), provisional }
    }

    #[test]
    fn cells_as_towns_write_them() {
        for (cell, read) in [
            ("", ValueCell::Empty),
            ("  ", ValueCell::Empty),
            ("1,234", number("1,234", None, false)),
            ("-40", number("-40", None, false)),
            ("▲40", number("▲40", None, false)),
            ("－", ValueCell::NoValue("－".into())),
            ("-", ValueCell::NoValue("-".into())),
            ("―", ValueCell::NoValue("―".into())),
            ("…", ValueCell::NoValue("…".into())),
            ("×", ValueCell::NoValue("×".into())),
            ("＊", ValueCell::NoValue("＊".into())),
            ("調査中", ValueCell::NoValue("調査中".into())),
            ("未集計", ValueCell::NoValue("未集計".into())),
            ("(未公表)", ValueCell::NoValue("(未公表)".into())),
            ("（未公表）", ValueCell::NoValue("（未公表）".into())),
            ("2,408※", number("2,408", Some("※"), false)),
            ("35.2＊1", number("35.2", Some("＊1"), false)),
            ("1,820 (速報)", number("1,820", None, true)),
            ("1,820（速報値）", number("1,820", None, true)),
            ("4,386（推計）", number("4,386", Some("推計"), false)),
            ("2,408※ (暫定)", number("2,408", Some("※"), true)),
            // Not a mark after a number: left for the rules to refuse.
            ("abc", number("abc", None, false)),
            ("※", number("※", None, false)),
        ] {
            assert_eq!(read_value(cell), read, "{cell:?}");
        }
    }

    #[test]
    fn a_typed_value_reads_as_a_cell_of_the_import() {
        let typed = |t: &str| read_typed_value(t).unwrap();
        assert_eq!(typed(" "), TypedValue::default());
        assert_eq!(typed("－"), TypedValue { no_value: Some("－".into()), ..TypedValue::default() });
        assert_eq!(typed("調査中").value, None);
        assert_eq!(typed("▲１，２３４").value, Some(-1234.0));
        assert_eq!(
            typed("2,408※"),
            TypedValue { value: Some(2408.0), mark: Some("※".into()), provisional: false, no_value: None }
        );
        assert!(typed("1,820（速報）").provisional);
        assert!(read_typed_value("多い").is_err());
        assert_eq!(
            read_typed_value("多い年（別紙参照）"),
            Err(crate::model::NumberError::NotANumber("多い年（別紙参照）".into()))
        );
        assert!(read_typed_value("12個").is_err());
    }
}
