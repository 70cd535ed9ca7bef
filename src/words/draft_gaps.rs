//! What a draft lacks, in words (`model::draft_gaps`): 「指標「出生数」: 目標値がありません」,
//! 「「計画の期間」の本文: 前期の年度（令和4年度）が書かれています — 令和4年度から7年度までの4年間」.

use super::problems::place;
use crate::locale::Language;
use crate::model::draft_gaps::{CarriedText, Gap, GapKind, PeriodMention};
use crate::model::Strategy;

fn field(f: CarriedText, lang: Language) -> &'static str {
    let (ja, en) = match f {
        CarriedText::Heading => ("見出し", "heading"),
        CarriedText::Body => ("本文", "text"),
        CarriedText::Title => ("名称", "title"),
        CarriedText::Subtitle => ("副題", "subtitle"),
        CarriedText::Direction => ("基本的方向", "direction"),
        CarriedText::Summary => ("概要", "summary"),
        CarriedText::Description => ("内容", "description"),
    };
    crate::locale::tr(lang, ja, en)
}

/// Where a gap is: a section by its heading, else the items on its path.
pub fn gap_place(s: &Strategy, path: &str, lang: Language) -> String {
    let section = path.strip_prefix("sections[").and_then(|r| r.split(']').next()?.parse::<usize>().ok());
    match section.and_then(|i| s.sections.get(i)) {
        Some(x) => format!("「{}」", x.heading.trim()),
        None => place(s, path, lang),
    }
}

/// A gap in words, with its place.
pub fn gap(g: &Gap, s: &Strategy, lang: Language) -> String {
    let ja = lang == Language::Ja;
    let series = |label: &str| match (label.trim(), ja) {
        ("", _) => String::new(),
        (l, true) => format!("（{l}）"),
        (l, false) => format!(" ({l})"),
    };
    let what = match (&g.kind, ja) {
        (GapKind::NoTarget { series: l }, true) => format!("目標値{}がありません", series(l)),
        (GapKind::NoTarget { series: l }, false) => format!("no target{}", series(l)),
        (GapKind::NoTargetYear { series: l }, true) => format!("目標値{}の目標年度がありません", series(l)),
        (GapKind::NoTargetYear { series: l }, false) => format!("the target{} has no year", series(l)),
        (GapKind::NamesPreviousPeriod { field: f, named, excerpt }, _) => {
            let how = match (named, ja) {
                (PeriodMention::Title(t), true) => format!("前期の名称「{t}」"),
                (PeriodMention::Title(t), false) => format!("the previous period's title “{t}”"),
                (PeriodMention::Ordinal(n), true) => format!("前期の「{n}」"),
                (PeriodMention::Ordinal(n), false) => format!("the previous period's “{n}”"),
                (PeriodMention::Year(y), true) => format!("前期の年度（{}）", y.japanese()),
                (PeriodMention::Year(y), false) => format!("the previous period's year ({})", y.english()),
            };
            match ja {
                true => format!("{}に{how}が書かれています ―「{excerpt}」", field(*f, lang)),
                false => format!("its {} names {how}: “{excerpt}”", field(*f, lang)),
            }
        }
    };
    format!("{}: {what}", gap_place(s, &g.path, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::draft_gaps::{CarriedText, Gap, GapKind, PeriodMention};
    use crate::model::FiscalYear;

    #[test]
    fn a_gap_names_its_place_and_what_to_review() {
        let s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
        let g = Gap {
            path: "sections[1]".into(),
            kind: GapKind::NamesPreviousPeriod {
                field: CarriedText::Body,
                named: PeriodMention::Year(FiscalYear(2022)),
                excerpt: "令和4年度から7年度までの4年間".into(),
            },
        };
        assert_eq!(
            gap(&g, &s, Language::Ja),
            "「計画の期間」: 本文に前期の年度（令和4年度）が書かれています ―「令和4年度から7年度までの4年間」"
        );
        let t = Gap { path: "indicators[0]".into(), kind: GapKind::NoTarget { series: "男性".into() } };
        assert!(gap(&t, &s, Language::Ja).ends_with(": 目標値（男性）がありません"), "{}", gap(&t, &s, Language::Ja));
        assert!(gap(&t, &s, Language::En).ends_with(": no target (男性)"));
    }
}
