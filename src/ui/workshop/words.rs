//! The workshop's own small phrases (the rest are inline `tr(ja, en)` pairs).

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
