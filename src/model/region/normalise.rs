//! The folding that indicator matching and the theme search share, so that what towns typed
//! differently still meets: full-width ASCII and the ideographic space to ASCII, half-width
//! katakana to full-width (with ﾞ ﾟ composed onto the kana before them), letters to lower case
//! ([`fold`]); then white space, punctuation and control characters removed ([`key`]).
//!
//! This is the part of Unicode NFKC that Japanese office text needs, written as a small table:
//! the `unicode-normalization` crate's tables would cost the wasm far more than these 61
//! characters. Hiragana and katakana stay apart (ふるさと ≠ フルサト), as do kanji variants.

/// Half-width katakana and punctuation U+FF61..=U+FF9D, as their full-width forms.
const HALF_WIDTH_KANA: &str =
    "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// Width-folded and lower-cased: "ＤＸ推進" → "dx推進", "ｶﾞｲﾄﾞ" → "ガイド", "　" → " ".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match crate::model::narrow(c) {
            '\u{FF61}'..='\u{FF9D}' => HALF_WIDTH_KANA.chars().nth(c as usize - 0xFF61).unwrap_or(c),
            // Sound marks: composed onto the kana before them where one exists (ｶﾞ → ガ).
            '\u{FF9E}' | '\u{3099}' | '\u{FF9F}' | '\u{309A}' => {
                let semi = matches!(c, '\u{FF9F}' | '\u{309A}');
                match out.pop() {
                    Some(prev) => match voiced(prev, semi) {
                        Some(v) => out.push(v),
                        None => {
                            out.push(prev);
                            out.push(if semi { '゜' } else { '゛' });
                        }
                    },
                    None => out.push(if semi { '゜' } else { '゛' }),
                }
                continue;
            }
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// [`fold`], then without white space, punctuation or control characters: the form names are
/// compared in and searched in ("移住・定住 の促進" → "移住定住の促進").
pub fn key(text: &str) -> String {
    let mut folded = fold(text);
    folded.retain(|c| !is_separator(c));
    folded
}

/// White space, punctuation (ASCII, general and CJK) and control characters. The prolonged
/// sound mark ー is part of words (データ) and stays; so do 々 and 〇.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || c.is_ascii_punctuation()
        || matches!(c,
            '\u{2010}'..='\u{2027}' // dashes, quotes, bullets, ellipsis
            | '\u{2030}'..='\u{205E}'
            | '\u{2212}' // minus sign
            | '\u{3001}'..='\u{3003}' // 、。〃
            | '\u{3008}'..='\u{3011}' // 〈〉《》「」『』【】
            | '\u{3014}'..='\u{301F}' // 〔〕〖〗〘〙〚〛〜〝〞〟
            | '\u{309B}' | '\u{309C}' // ゛゜
            | '\u{30FB}' // ・
            | '\u{FF5F}'..='\u{FF65}')
}

/// The kana with a (semi-)voiced sound mark: カ → ガ, ハ → パ, ウ → ヴ; hiragana alike.
fn voiced(c: char, semi: bool) -> Option<char> {
    let n = c as u32;
    // In both syllabaries the voiced form follows its kana: か が き ぎ … ち ぢ, then っ つ づ
    // て で と ど (offsets from か: every second up to ち at 0x16, then 0x19, 0x1B, 0x1D).
    let takes_voiced = |base: u32| {
        let k = n.wrapping_sub(base);
        (k <= 0x16 && k.is_multiple_of(2)) || matches!(k, 0x19 | 0x1B | 0x1D)
    };
    // は ば ぱ, ひ び ぴ, … ほ ぼ ぽ: every third code point from は.
    let ha_row = |base: u32| n.wrapping_sub(base) <= 0xC && n.wrapping_sub(base).is_multiple_of(3);
    let shifted = match (semi, c) {
        (false, 'ウ') => return Some('ヴ'),
        (false, 'う') => return Some('ゔ'),
        (false, _) if takes_voiced(0x30AB) || takes_voiced(0x304B) || ha_row(0x30CF) || ha_row(0x306F) => n + 1,
        (true, _) if ha_row(0x30CF) || ha_row(0x306F) => n + 2,
        _ => return None,
    };
    char::from_u32(shifted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_case_and_sound_marks_fold() {
        let cases = [
            ("ＤＸ推進", "dx推進"),
            ("ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイドブック"),
            ("ﾊﾟﾝﾌﾚｯﾄ", "パンフレット"),
            ("ｳﾞｨﾗ", "ヴィラ"),
            ("か\u{3099}", "が"),
            ("ﾞ", "゛"),
            ("ﾝﾞ", "ン゛"),
            ("ＡＩ・ＲＰＡ", "ai・rpa"),
            ("合計　特殊", "合計 特殊"),
            ("ﾃﾞｼﾞﾀﾙ", "デジタル"),
            ("ﾂﾞ", "ヅ"),
            ("ﾄﾞ", "ド"),
            ("ﾎﾟ", "ポ"),
        ];
        for (text, folded) in cases {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn keys_drop_spaces_and_punctuation_but_keep_words() {
        let cases = [
            ("移住・定住 の促進", "移住定住の促進"),
            ("合計特殊出生率（人口動態統計）", "合計特殊出生率人口動態統計"),
            ("「データ」活用—推進…", "データ活用推進"),
            ("25歳～34歳", "25歳34歳"),
            ("25歳-34歳", "25歳34歳"),
            ("観光入込客数 【延べ】", "観光入込客数延べ"),
            ("佐々木〇〇", "佐々木〇〇"),
        ];
        for (text, k) in cases {
            assert_eq!(key(text), k, "{text}");
        }
        assert_eq!(key("ＳＤＧｓの普及啓蒙"), key("SDGs の 普及・啓蒙"));
        assert_eq!(key("ｼﾃｨﾌﾟﾛﾓｰｼｮﾝ"), key("シティプロモーション"));
    }
}
