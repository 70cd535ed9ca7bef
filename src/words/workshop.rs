//! The workshop's sentences: its sessions, ideas, votes and statuses (its labels are inline
//! `tr(ja, en)` pairs beside the markup).

use crate::locale::Language;
use crate::model::WorkshopSession;

/// "付箋 3 枚" / "3 ideas".
pub fn notes(n: usize, lang: Language) -> String {
    match (lang, n) {
        (Language::Ja, n) => format!("付箋 {n} 枚"),
        (Language::En, 1) => "1 idea".to_owned(),
        (Language::En, n) => format!("{n} ideas"),
    }
}

/// "● 3" style vote count in words for screen readers: "3 票" / "3 votes".
pub fn votes(n: u32, lang: Language) -> String {
    match (lang, n) {
        (Language::Ja, n) => format!("{n} 票"),
        (Language::En, 1) => "1 vote".to_owned(),
        (Language::En, n) => format!("{n} votes"),
    }
}

/// "第1回 住民ワークショップ（2025-07-12）".
pub fn session(w: &WorkshopSession, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{}（{}）", w.name, w.date),
        Language::En => format!("{} ({})", w.name, w.date),
    }
}

/// The name a new session gets: "第2回 住民ワークショップ" when one was held before.
pub fn next_session_name(held: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("第{}回 住民ワークショップ", held + 1),
        Language::En => format!("Residents' workshop {}", held + 1),
    }
}

/// The national frame under the title: 「国の総合戦略: 地方創生に関する総合戦略（令和7〜11年度）」.
pub fn frame(frame: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("国の総合戦略: {frame}"),
        Language::En => format!("National strategy: {frame}"),
    }
}

/// The question before a session's ideas are all removed.
pub fn clear_question(session: &str, count: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("「{session}」の付箋 {count} 枚をすべて消します。よろしいですか？"),
        Language::En => format!("Remove all {count} ideas of “{session}”?"),
    }
}

/// A session's ideas removed (an undo button follows).
pub fn cleared(session: &str, count: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("「{session}」の付箋 {count} 枚を消しました。"),
        Language::En => format!("Removed {count} ideas of “{session}”."),
    }
}

/// No items of a kind (`ja` / `en`: 「事業」 / "projects") yet.
pub fn none_yet(ja: &str, en: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{ja}はまだありません"),
        Language::En => format!("No {en} yet"),
    }
}

/// The lead of a status mix: 「事業 12 件のうち」.
pub fn of_total(ja: &str, en: &str, total: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{ja} {total} 件のうち"),
        Language::En => format!("Of {total} {en}:"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_session_is_numbered_after_those_held() {
        assert_eq!(next_session_name(0, Language::Ja), "第1回 住民ワークショップ");
        assert_eq!(next_session_name(2, Language::En), "Residents' workshop 3");
        assert_eq!(of_total("事業", "projects", 12, Language::Ja), "事業 12 件のうち");
    }
}
