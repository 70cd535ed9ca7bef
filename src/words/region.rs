//! The regional page's heading count (it must say what is on screen).

use crate::locale::Language;

/// The header's count: 「市町村 179」, or while the page reads the region again, the towns as
/// they come (「市町村 52/179（読み込み中…）」) — never the last reading's count (「市町村 0」
/// right after 179 towns were brought in). Once every town of the reading is drawn (`loaded`
/// reached the total), the count is what is on screen, even if the reading's last report of
/// progress (「169/179」) came before its last group.
pub fn towns_line(reading: Option<(usize, Option<usize>)>, loaded: Option<usize>, lang: Language) -> String {
    let drawn = |n: usize| match lang {
        Language::Ja => format!("市町村 {n}"),
        Language::En => format!("{n} towns"),
    };
    match (reading, loaded, lang) {
        (Some((_, Some(total))), Some(n), _) if n >= total => drawn(n),
        (Some((done, Some(total))), _, Language::Ja) => format!("市町村 {done}/{total}（読み込み中…）"),
        (Some((done, Some(total))), _, Language::En) => format!("{done} of {total} towns (reading…)"),
        (Some((_, None)), _, Language::Ja) => "市町村（読み込み中…）".to_owned(),
        (Some((_, None)), _, Language::En) => "Towns (reading…)".to_owned(),
        (None, Some(n), _) => drawn(n),
        (None, None, _) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heading_says_what_is_on_screen() {
        let ja = |r, l| towns_line(r, l, Language::Ja);
        assert_eq!(ja(None, Some(179)), "市町村 179");
        assert_eq!(ja(Some((52, Some(179))), Some(0)), "市町村 52/179（読み込み中…）", "not the last reading's 0");
        assert_eq!(ja(Some((169, Some(179))), Some(179)), "市町村 179", "every town drawn: no 169/179");
        assert_eq!(ja(Some((0, None)), None), "市町村（読み込み中…）");
        assert_eq!(towns_line(Some((169, Some(179))), Some(179), Language::En), "179 towns");
        assert_eq!(towns_line(Some((52, Some(179))), Some(3), Language::En), "52 of 179 towns (reading…)");
        assert_eq!(ja(None, None), "");
    }
}
