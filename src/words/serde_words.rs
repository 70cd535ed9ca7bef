//! serde's English words for a value's type (`integer `5``, `a string`, `u8`, `one of `a`, `b``)
//! in Japanese, for the import's messages: what the file holds and what belongs there. A word
//! not known here is said generally (「正しい形式の値」), never in serde's English.

/// What the file holds: 「整数 5」, 「文字列 "五"」, 「null（値なし）」.
pub(super) fn found(found: &str) -> String {
    let quoted = |prefix: &str| found.strip_prefix(prefix).map(|rest| rest.trim_matches('`').to_owned());
    if let Some(n) = quoted("integer ") {
        return format!("整数 {n}");
    }
    if let Some(x) = quoted("floating point ") {
        return format!("小数 {x}");
    }
    if let Some(b) = quoted("boolean ") {
        return format!("真偽値 {b}");
    }
    if let Some(s) = found.strip_prefix("string ") {
        return format!("文字列 {s}");
    }
    match found {
        "null" | "unit" => "null（値なし）".to_owned(),
        "sequence" => "配列（[…]）".to_owned(),
        "map" => "オブジェクト（{…}）".to_owned(),
        _ => "別の形式の値".to_owned(),
    }
}

/// What belongs there: 「文字列」, 「0〜255 の整数」, 「配列（[…]）」.
pub(super) fn expected(expected: &str) -> String {
    let e = expected.trim();
    let words = match e {
        "a string" | "a borrowed string" | "string" | "a character" | "char" => "文字列",
        "u8" => "0〜255 の整数",
        "u16" => "0〜65535 の整数",
        "u32" => "0〜4294967295 の整数",
        "u64" | "usize" | "u128" => "0 以上の整数",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "an integer" | "integer" => "整数",
        "f32" | "f64" | "a number" => "数値",
        "a boolean" | "bool" => "真偽値（true または false）",
        "a sequence" | "a tuple" => "配列（[…]）",
        "a map" => "オブジェクト（{…}）",
        _ if e.starts_with("struct ") => "オブジェクト（{…}）",
        _ if e.starts_with("one of ") || e.contains("` or `") => return variants(e),
        _ if e.contains("enum ") => "決められた値のいずれか",
        _ => "正しい形式の値",
    };
    words.to_owned()
}

/// The allowed words of an unknown variant: 「使える値: draft、final」.
pub(super) fn variants(expected: &str) -> String {
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).filter(|n| !n.is_empty()).collect();
    if names.is_empty() {
        "使える値がありません".to_owned()
    } else {
        format!("使える値: {}", names.join("、"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_words_become_japanese() {
        assert_eq!(found("integer `-3`"), "整数 -3");
        assert_eq!(found("string \"令和7年度\""), "文字列 \"令和7年度\"");
        assert_eq!(found("floating point `12.5`"), "小数 12.5");
        assert_eq!(found("null"), "null（値なし）");
        assert_eq!(found("map"), "オブジェクト（{…}）");
        assert_eq!(expected("u8"), "0〜255 の整数");
        assert_eq!(expected("a string"), "文字列");
        assert_eq!(expected("struct Goal"), "オブジェクト（{…}）");
        assert_eq!(expected("a sequence"), "配列（[…]）");
        assert_eq!(expected("one of `draft`, `final`"), "使える値: draft、final");
        assert_eq!(variants("`a` or `b`"), "使える値: a、b");
        assert_eq!(expected("something serde says"), "正しい形式の値");
    }
}
