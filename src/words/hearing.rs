//! The words of hearings (意見聴取) and opinions: a hearing's name and its counts, and their
//! problems.

use crate::locale::Language;
use crate::model::hearing::HearingCounts;
use crate::model::{Hearing, ProblemKind, Response};

/// The words of a hearing's or an opinion's problems.
pub(super) fn problem(k: &ProblemKind, ja: bool) -> String {
    use ProblemKind::*;
    match k {
        UnknownHearing { id } if ja => format!("意見の聴取の場 '{id}' がありません（削除された意見聴取）"),
        UnknownHearing { id } => format!("the hearing '{id}' of an opinion no longer exists"),
        UnknownOpinionItem { id } if ja => format!("意見の該当箇所 '{id}' がありません（削除された項目）"),
        UnknownOpinionItem { id } => format!("the item '{id}' an opinion is about no longer exists"),
        BadCommentPeriod if ja => "意見募集期間が正しくありません（実在する日付で、開始が終了以前）".into(),
        BadCommentPeriod => "the comment period is not valid (real dates, the start not after the end)".into(),
        _ => String::new(),
    }
}

/// A hearing as a list names it: 「素案 · パブリックコメント（2020-01-06）」.
pub fn hearing_name(h: &Hearing, lang: Language) -> String {
    let stage = crate::locale::stage(h.stage, lang);
    let body = if lang == Language::Ja { h.body.japanese() } else { h.body.english() }.to_owned();
    let body = if body.trim().is_empty() {
        crate::locale::tr(lang, "（名称なし）", "(unnamed)").to_owned()
    } else {
        body
    };
    match (h.when.trim(), lang) {
        ("", _) => format!("{stage} · {body}"),
        (when, Language::Ja) => format!("{stage} · {body}（{when}）"),
        (when, Language::En) => format!("{stage} · {body} ({when})"),
    }
}

/// A hearing's figures in a line: 「意見 63件（14人）· 修正する 5 · 原案のとおり 40 · 未回答 3」.
pub fn counts(c: &HearingCounts, lang: Language) -> String {
    let ja = lang == Language::Ja;
    let mut out = match (c.submitters, ja) {
        (Some(n), true) => format!("意見 {}件（{n}人）", c.opinions),
        (None, true) => format!("意見 {}件", c.opinions),
        (Some(n), false) => format!("{} opinions ({n} senders)", c.opinions),
        (None, false) => format!("{} opinions", c.opinions),
    };
    for (r, n) in Response::ALL.iter().zip(c.by_response).filter(|(_, n)| *n > 0) {
        out.push_str(&format!(" · {} {n}", if ja { r.japanese() } else { r.english() }));
    }
    if c.unanswered > 0 {
        out.push_str(&format!(" · {} {}", if ja { "未回答" } else { "unanswered" }, c.unanswered));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DraftingStage;

    #[test]
    fn a_hearings_counts_in_words() {
        let c = HearingCounts { opinions: 63, submitters: Some(14), by_response: [5, 40, 15, 0], unanswered: 3 };
        assert_eq!(
            counts(&c, Language::Ja),
            "意見 63件（14人） · 修正する 5 · 原案のとおり 40 · 参考とする 15 · 未回答 3"
        );
        assert_eq!(counts(&HearingCounts::default(), Language::En), "0 opinions");
        let h = Hearing::new(DraftingStage::Draft, crate::model::HearingBody::PublicComment, "2020-01-06");
        assert_eq!(hearing_name(&h, Language::Ja), "素案 · パブリックコメント（2020-01-06）");
    }
}
