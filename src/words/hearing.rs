//! The words of hearings (意見聴取) and opinions: a hearing's name and its counts, and their
//! problems.

use crate::format::opinions::{BrokenRow, RowProblem};
use crate::locale::Language;
use crate::model::hearing::HearingCounts;
use crate::model::{Hearing, ProblemKind, Response};

/// The words of a hearing's or an opinion's problems.
pub(super) fn problem(k: &ProblemKind, lang: Language) -> String {
    use ProblemKind::*;
    let ja = lang == Language::Ja;
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

/// What a paste of opinions holds: 「取り込む意見 12件、読めない行 1行」.
pub fn paste_plan(opinions: usize, broken: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("取り込む意見 {opinions}件、読めない行 {broken}行"),
        Language::En => format!("{opinions} opinions to take in, {broken} rows not read"),
    }
}

/// A pasted row that is not taken in, with its row: 「4行目: 番号「特に駅の近くに」が番号ではありません …」.
pub fn broken_row(b: &BrokenRow, lang: Language) -> String {
    let ja = lang == Language::Ja;
    let why = match (&b.problem, ja) {
        (RowProblem::NoText, true) => "意見が空です".to_owned(),
        (RowProblem::NoText, false) => "the opinion is empty".to_owned(),
        (RowProblem::NotANumber { text }, true) => {
            format!("番号「{text}」が番号ではありません（上の意見の改行が区切られた可能性があります）")
        }
        (RowProblem::NotANumber { text }, false) => {
            format!("the number “{text}” is no number (perhaps a line break of the opinion above)")
        }
        (RowProblem::ExtraCells { count }, true) => format!("列が{count}個多すぎます（意見の中のタブ）"),
        (RowProblem::ExtraCells { count }, false) => {
            format!("{count} cells past the last column (a tab in an opinion)")
        }
        (RowProblem::UnknownResponse { text }, true) => {
            format!("対応「{text}」が読めません（修正する・原案のとおり・参考とする・その他）")
        }
        (RowProblem::UnknownResponse { text }, false) => {
            format!("the response “{text}” is not one of revise, as drafted, reference, other")
        }
    };
    if ja {
        format!("{}行目: {why}", b.row)
    } else {
        format!("row {}: {why}", b.row)
    }
}

/// Which draft a hearing's opinions are about.
pub fn heard_on(stage: crate::model::DraftingStage, lang: Language) -> String {
    let stage = crate::locale::stage(stage, lang);
    match lang {
        Language::Ja => format!("ここで聴いた意見は「{stage}」への意見です。"),
        Language::En => format!("The opinions heard here are about the “{stage}”."),
    }
}

/// 反映 on an opinion: 「反映：令和8年11月20日 14:22 の版（施策1-2 … を変更）」, or, for a version no
/// longer in this history (`missing`), that it is not.
pub fn reflection(when: &str, place: &str, missing: bool, lang: Language) -> String {
    match (missing, lang) {
        (true, Language::Ja) => {
            format!("反映：{when} の版（この履歴にはありません。間引かれたか、別のブラウザで作られた版です）")
        }
        (true, Language::En) => {
            format!("Reflected in: the version of {when} (not in this history: thinned, or made in another browser)")
        }
        (false, Language::Ja) => format!("反映：{when} の版（{place}を変更）"),
        (false, Language::En) => format!("Reflected in: the version of {when} (changing {place})"),
    }
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
        let b = BrokenRow { row: 6, problem: RowProblem::NoText };
        assert_eq!(
            (broken_row(&b, Language::Ja).as_str(), broken_row(&b, Language::En).as_str()),
            ("6行目: 意見が空です", "row 6: the opinion is empty")
        );
    }

    #[test]
    fn reflection_names_the_version_and_the_item_or_says_the_version_is_missing() {
        let when = "令和8年11月20日 14:22";
        assert_eq!(
            reflection(when, "施策1-2 移住定住の促進", false, Language::Ja),
            "反映：令和8年11月20日 14:22 の版（施策1-2 移住定住の促進を変更）"
        );
        assert!(reflection(when, "施策1-2", true, Language::Ja).contains("この履歴にはありません"));
        assert!(reflection("Nov 20, 2026 14:22", "施策1-2", true, Language::En).contains("not in this history"));
    }
}

/// The version a hearing heard, as the 新旧対照表 offers it: 「策定会議（令和8年12月10日）で示した
/// 骨子案」 (the day in the years' style when `when` is one; the town's words else; none without).
pub fn heard_version_name(h: &Hearing, lang: Language, style: crate::locale::YearStyle) -> String {
    let ja = lang == Language::Ja;
    let body = if ja { h.body.japanese() } else { h.body.english() }.trim().to_owned();
    let when = crate::locale::date(h.when.trim(), lang, style);
    let stage = crate::locale::stage(h.stage, lang);
    match (when.is_empty(), ja) {
        (true, true) => format!("{body}で示した{stage}"),
        (false, true) => format!("{body}（{when}）で示した{stage}"),
        (true, false) => format!("The {stage} shown to the {body}"),
        (false, false) => format!("The {stage} shown to the {body} ({when})"),
    }
}

/// The button that makes the document just made a hearing's version heard: 「「策定会議（令和8年
/// 12月10日）で示した骨子案」をこの文書の版にする」.
pub fn document_as_heard(heard_name: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("「{heard_name}」をこの文書の版にする"),
        Language::En => format!("Make this document “{heard_name}”"),
    }
}

#[cfg(test)]
mod heard_tests {
    use super::*;
    use crate::locale::YearStyle;
    use crate::model::{DraftingStage, HearingBody};

    #[test]
    fn the_version_heard_is_named_by_its_hearing() {
        let h = Hearing::new(DraftingStage::Outline, HearingBody::DraftingMeeting, "2026-12-10");
        assert_eq!(
            heard_version_name(&h, Language::Ja, YearStyle::Japanese),
            "策定会議（令和8年12月10日）で示した骨子案"
        );
        assert_eq!(
            heard_version_name(&h, Language::Ja, YearStyle::Western),
            "策定会議（2026年12月10日）で示した骨子案"
        );
        let h = Hearing::new(DraftingStage::Draft, HearingBody::Assembly, "");
        assert_eq!(heard_version_name(&h, Language::Ja, YearStyle::Japanese), "議会で示した素案");
        assert_eq!(document_as_heard("議会で示した素案", Language::Ja), "「議会で示した素案」をこの文書の版にする");
    }
}
