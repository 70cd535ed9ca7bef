//! Full-width forms as people type them with a Japanese IME, folded to ASCII: the one table
//! every reader of typed or pasted text (numbers, years, codes, names, outlines) folds with.

/// `c` half-width: a full-width ASCII character (U+FF01..=U+FF5E, "１", "Ａ", "－", "％") as its
/// ASCII form, the ideographic space as a space; any other character as it is.
pub fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// `text` with every character [`narrow`]ed: "ＤＸ　２０２５" → "DX 2025".
pub fn narrowed(text: &str) -> String {
    text.chars().map(narrow).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_ascii_and_the_ideographic_space_fold_and_nothing_else_does() {
        assert_eq!(narrowed("ＤＸ　２０２５"), "DX 2025");
        assert_eq!(narrowed("！～"), "!~", "the first and the last of the block");
        assert_eq!(narrowed("－１，２３４．５％"), "-1,234.5%");
        assert_eq!(narrowed("令和６年度 ｶﾞｲﾄﾞ ガイド"), "令和6年度 ｶﾞｲﾄﾞ ガイド", "kana stay as they are");
        assert_eq!(narrow('\u{FF00}'), '\u{FF00}');
        assert_eq!(narrow('\u{FF5F}'), '\u{FF5F}');
        for c in '!'..='~' {
            assert_eq!(narrow(char::from_u32(c as u32 + 0xFEE0).unwrap()), c);
        }
    }
}
