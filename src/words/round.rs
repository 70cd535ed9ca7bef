//! The year's round (照会) in words: what is asked, where an answer stands, the refusals, the
//! 督促 mail, and the checks list's words for a round.

use crate::locale::{tr, year, Language, YearStyle};
use crate::model::round::{
    Answer, AnswerStanding, Ask, ConfirmedChange, Copied, Item, ItemKind, Round, RoundRefusal, Subject, Tally,
    TextField, Via,
};
use crate::model::{ProblemKind, Strategy};

/// What a round asks, as its check box says it.
pub fn ask(a: Ask, lang: Language) -> &'static str {
    match a {
        Ask::KpiActuals => tr(
            lang,
            "KPI の実績値（目標に届かないものは要因分析）",
            "KPI actuals (and the cause where one misses its path)",
        ),
        Ask::InitiativeResults => tr(lang, "事業の実績と決算額", "Initiatives' results and settled costs"),
        Ask::NextBudgets => tr(lang, "翌年度の予算額と方向性", "Next year's budget and direction"),
        Ask::FirstEvaluations => tr(lang, "施策の一次評価", "Measures' first evaluation"),
    }
}

/// 未提出 / 提出済 / 確認済 / 差し戻し.
pub fn standing(s: AnswerStanding, lang: Language) -> &'static str {
    match s {
        AnswerStanding::NotSubmitted => tr(lang, "未提出", "Not submitted"),
        AnswerStanding::Submitted => tr(lang, "提出済", "Submitted"),
        AnswerStanding::Confirmed => tr(lang, "確認済", "Confirmed"),
        AnswerStanding::Returned => tr(lang, "差し戻し", "Sent back"),
    }
}

/// Where a section's answer stands, as 入力状況 and the section's page show it: 「提出済」…, and
/// a 提出 received in a workbook with who took it in, 「提出済（ワークブックで受領: 山田）」.
pub fn standing_of(st: AnswerStanding, last: Option<&Answer>, lang: Language) -> String {
    let received = last.filter(|a| st == AnswerStanding::Submitted && a.via == Via::Workbook);
    match (received, lang) {
        (None, _) => standing(st, lang).to_owned(),
        (Some(a), Language::Ja) if a.by.is_empty() => "提出済（ワークブックで受領）".to_owned(),
        (Some(a), Language::Ja) => format!("提出済（ワークブックで受領: {}）", a.by),
        (Some(a), Language::En) if a.by.is_empty() => "Submitted (workbook received)".to_owned(),
        (Some(a), Language::En) => format!("Submitted (workbook received by {})", a.by),
    }
}

/// Who made an answer's event, as its history shows it: the name, and for a 提出 received in a
/// workbook, 「山田（ワークブックで受領）」.
pub fn event_by(a: &Answer, lang: Language) -> String {
    match a.via {
        Via::Workbook => format!("{}{}", a.by, tr(lang, "（ワークブックで受領）", " (workbook received)")),
        Via::App => a.by.clone(),
    }
}

/// What an item asks for, short: 「実績値」「要因分析」「事業実績・決算額」…
pub fn item_kind(k: ItemKind, lang: Language) -> &'static str {
    match k {
        ItemKind::Actual => tr(lang, "実績値", "Actual"),
        ItemKind::Cause => tr(lang, "要因分析", "Cause (why it misses its path)"),
        ItemKind::Result => tr(lang, "事業実績・決算額", "Result and settled cost"),
        ItemKind::NextBudget => tr(lang, "翌年度の予算額・方向性", "Next year's budget and direction"),
        ItemKind::FirstEvaluation => tr(lang, "一次評価", "First evaluation"),
    }
}

/// What an item is about: 「KPI 1-1 観光入込客数」「事業 (1) 観光PR」「施策 1 観光の振興」.
pub fn subject(s: Subject<'_>, lang: Language) -> String {
    let (kind, number, title) = match s {
        Subject::Indicator(i) => ("KPI", i.code.as_str(), i.name.as_str()),
        Subject::Initiative(i) => (tr(lang, "事業", "Initiative"), i.number.as_str(), i.title.as_str()),
        Subject::Measure(m) => (tr(lang, "施策", "Measure"), m.number.as_str(), m.title.as_str()),
    };
    [kind, number.trim(), title.trim()].iter().filter(|x| !x.is_empty()).copied().collect::<Vec<_>>().join(" ")
}

/// One item as a line: 「KPI 1-1 観光入込客数：実績値」.
pub fn item(i: &Item<'_>, lang: Language) -> String {
    let sep = tr(lang, "：", ": ");
    format!("{}{sep}{}", subject(i.subject, lang), item_kind(i.kind, lang))
}

/// A change to a confirmed value, as a card's line: 「商工課 ・ 1-1 新規就業者数：実績値（令和5年度）」
/// and the two values, 「確認済: 148 → 佐藤さん: 149」 (`by` empty: 「変更後」), numbers written as
/// everywhere else (「2,400 → 2,450」).
pub fn confirmed_change(s: &Strategy, c: &ConfirmedChange, style: YearStyle, lang: Language) -> (String, String) {
    let by = match (lang, c.by.is_empty()) {
        (_, true) => tr(lang, "変更後", "now").to_owned(),
        (Language::Ja, false) => format!("{}さん", c.by),
        (Language::En, false) => c.by.clone(),
    };
    change_lines(s, c, &by, style, lang)
}

/// The same lines for a change made by a section's returned workbook, which names it:
/// 「確認済: 2,400 → 商工課のブック: 2,450」.
pub fn book_change(s: &Strategy, c: &ConfirmedChange, style: YearStyle, lang: Language) -> (String, String) {
    let section = s.department_name(&c.department).unwrap_or_default();
    let by = match lang {
        Language::Ja => format!("{section}のブック"),
        Language::En => format!("{section}’s workbook"),
    };
    change_lines(s, c, &by, style, lang)
}

fn change_lines(s: &Strategy, c: &ConfirmedChange, by: &str, style: YearStyle, lang: Language) -> (String, String) {
    let section = s.department_name(&c.department).unwrap_or_default();
    let what = format!("{section} ・ {}{}{}", c.name, tr(lang, "：", ": "), item_kind(c.kind, lang));
    let when = year(c.fiscal_year, lang, style);
    let (old, new) = (shown(c.kind, &c.old), shown(c.kind, &c.new));
    let values = format!("{}: {old} → {by}: {new}", tr(lang, "確認済", "Confirmed"));
    (format!("{what}（{when}）"), values)
}

/// A confirmed item's value as kept (`model::round::value_of`: 「2400」, 「男性: 12, 女性: 13」,
/// 「1180 / 実施した」) with its numbers written as the app writes numbers (「2,400」, 「1,180 /
/// 実施した」). Only a whole part that reads as a number is rewritten: text stays as it is.
pub fn shown(kind: ItemKind, value: &str) -> String {
    let number = |part: &str| match part.parse::<f64>() {
        Ok(v) if v.is_finite() => crate::locale::number(v),
        _ => part.to_owned(),
    };
    match kind {
        ItemKind::Actual => value
            .split(", ")
            .map(|part| match part.rsplit_once(": ") {
                Some((label, v)) => format!("{label}: {}", number(v)),
                None => number(part),
            })
            .collect::<Vec<_>>()
            .join(", "),
        ItemKind::Result | ItemKind::NextBudget => match value.split_once(" / ") {
            Some((money, rest)) => format!("{} / {rest}", number(money)),
            None => value.to_owned(),
        },
        ItemKind::Cause | ItemKind::FirstEvaluation => value.to_owned(),
    }
}

/// A section's name, or what answers an item no section owns.
pub fn department(s: &Strategy, t: &Tally<'_>, lang: Language) -> String {
    match t.department {
        Some(d) => s.department_name(d).unwrap_or_default().to_owned(),
        None => tr(lang, "担当課なし（企画課が回答）", "No section (the planning section answers)").to_owned(),
    }
}

/// 「担当分: 12件中 9件 入力済」.
pub fn share(asked: usize, filled: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("担当分: {asked}件中 {filled}件 入力済"),
        Language::En => format!("Yours: {filled} of {asked} filled in"),
    }
}

/// Which text was copied from last year.
pub fn text_field(f: TextField, lang: Language) -> &'static str {
    match f {
        TextField::Outcomes => tr(lang, "成果", "Outcomes"),
        TextField::Issues => tr(lang, "課題", "Issues"),
        TextField::Improvements => tr(lang, "改善点及び方向性", "Improvements"),
        TextField::NextPlan => tr(lang, "次年度実施計画", "Next year's plan"),
        TextField::Result => tr(lang, "事業実績", "Result"),
        TextField::Analysis => tr(lang, "要因分析", "Cause"),
    }
}

/// 「施策 1 観光の振興の改善点及び方向性が前年度と同じ文章です」.
pub fn copied(c: &Copied<'_>, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{}の{}が前年度と同じ文章です", subject(c.subject, lang), text_field(c.field, lang)),
        Language::En => format!(
            "{}: the {} is last year's text, unchanged",
            subject(c.subject, lang),
            text_field(c.field, lang).to_lowercase()
        ),
    }
}

/// Why an answer could not be recorded.
pub fn refusal(r: &RoundRefusal, s: &Strategy, lang: Language) -> String {
    let ja = lang == Language::Ja;
    match r {
        RoundRefusal::NoRound => tr(lang, "この照会はもうありません。", "This round no longer exists.").to_owned(),
        RoundRefusal::UnknownDepartment => {
            tr(lang, "担当課が一覧にありません。", "The section is not in the strategy's list.").to_owned()
        }
        RoundRefusal::AlreadyOpen(y) if ja => format!("{}の照会はもう始まっています。", y.japanese()),
        RoundRefusal::AlreadyOpen(y) => format!("A round for {} is already open.", y.english()),
        RoundRefusal::CauseMissing(ids) => {
            let names: Vec<String> =
                ids.iter().filter_map(|id| s.indicator(id)).map(|i| subject(Subject::Indicator(i), lang)).collect();
            if ja {
                format!("目標の道筋に届いていない KPI の要因分析を書いてから提出してください: {}", names.join("、"))
            } else {
                format!("Write why these KPIs miss their path before submitting: {}", names.join(", "))
            }
        }
        RoundRefusal::NotNow(st) if ja => format!("いまは{}のため、この操作はできません。", standing(*st, lang)),
        RoundRefusal::NotNow(st) => format!("Not possible now: the answer is {}.", standing(*st, lang).to_lowercase()),
    }
}

/// The most items a 督促 mail lists: a `mailto:` link of a few thousand characters is what mail
/// programs take (Outlook's limit is about 2,000), and a percent-encoded Japanese line is ~150.
pub const MAIL_ITEMS: usize = 12;

/// The 督促 mail of one section: a subject and a body listing its missing items (Japanese, as
/// a town hall's mail is; the year in the user's style).
pub fn reminder(s: &Strategy, round: &Round, t: &Tally<'_>, style: YearStyle) -> (String, String) {
    let fy = year(round.fiscal_year, Language::Ja, style);
    let name = department(s, t, Language::Ja);
    let subject = format!("【督促】{fy} {} 照会の入力のお願い（{name}）", s.title.trim());
    let mut body = format!("{name} ご担当者様\n\n{fy}の照会について、次の項目が未入力です。\n");
    if let Some(d) = round.deadline.as_deref() {
        body.push_str(&format!("提出期限: {d}\n"));
    }
    body.push('\n');
    for i in t.missing.iter().take(MAIL_ITEMS) {
        body.push_str(&format!("・{}\n", item(i, Language::Ja)));
    }
    if t.missing.len() > MAIL_ITEMS {
        body.push_str(&format!(
            "ほか {}件（しるべの「照会・共同作業」の画面に一覧があります）\n",
            t.missing.len() - MAIL_ITEMS
        ));
    }
    body.push_str("\nしるべの「照会・共同作業」から入力し、「提出する」を押してください。\n");
    (subject, body)
}

/// A `mailto:` link with the reminder (no address: the person picks the section's).
pub fn mailto(subject: &str, body: &str) -> String {
    format!("mailto:?subject={}&body={}", percent(subject), percent(body))
}

/// Percent-encoding of everything but the unreserved characters (RFC 3986), as UTF-8.
fn percent(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => {
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
    }
    out
}

/// The words of a round's problems and of an evaluation's date.
pub(super) fn problem(k: &ProblemKind, lang: Language) -> String {
    use ProblemKind::*;
    let ja = lang == Language::Ja;
    match k {
        DuplicateRound { year } if ja => format!("{}の照会が2つあります（先の照会を使います）", year.japanese()),
        DuplicateRound { year } => format!("there are two rounds for {} (the first is used)", year.english()),
        BadRoundDate { date } if ja => format!("照会の日付「{date}」は実在する日付ではありません（YYYY-MM-DD）"),
        BadRoundDate { date } => format!("the round's date \"{date}\" is not a real YYYY-MM-DD date"),
        BadEvaluationDate { date } if ja => format!("評価日「{date}」は実在する日付ではありません（YYYY-MM-DD）"),
        BadEvaluationDate { date } => format!("the evaluation's date \"{date}\" is not a real YYYY-MM-DD date"),
        _ => String::new(),
    }
}

/// A section's row in the round's status: its name, late or not, and what it has not filled in.
pub fn section_missing(name: &str, late: bool, count: usize, lang: Language) -> String {
    match (lang, late) {
        (Language::Ja, true) => format!("{name}（期限超過）: 未入力 {count}件"),
        (Language::Ja, false) => format!("{name}: 未入力 {count}件"),
        (Language::En, true) => format!("{name} (late): {count} not filled in"),
        (Language::En, false) => format!("{name}: {count} not filled in"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_submission_received_in_a_workbook_says_so_with_who_took_it_in() {
        let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
        let section = s.departments[0].id.clone();
        let round = s.open_round(Round::new(crate::model::FiscalYear(2024), &Ask::ALL, "", "2025-04-01")).unwrap();
        s.receive(&round, &section, "山田", "2025-05-01T00:00:00Z").unwrap();
        let r = s.round(&round).unwrap();
        let last = r.latest(&section);
        assert_eq!(standing_of(r.standing(&section), last, Language::Ja), "提出済（ワークブックで受領: 山田）");
        assert_eq!(standing_of(r.standing(&section), last, Language::En), "Submitted (workbook received by 山田)");
        assert_eq!(event_by(last.unwrap(), Language::Ja), "山田（ワークブックで受領）");
        s.confirm(&round, &section, "山田", "2025-05-02T00:00:00Z").unwrap();
        let r = s.round(&round).unwrap();
        assert_eq!(standing_of(r.standing(&section), r.latest(&section), Language::Ja), "確認済");
        assert_eq!(event_by(r.latest(&section).unwrap(), Language::Ja), "山田");
    }

    #[test]
    fn a_reminder_names_the_missing_items_and_its_link_is_encoded() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let m = s.measures().next().unwrap().1;
        let round = Round::new(crate::model::FiscalYear(2024), &[Ask::FirstEvaluations], "", "2025-04-01");
        let item =
            Item { kind: ItemKind::FirstEvaluation, subject: Subject::Measure(m), department: None, filled: false };
        let t = Tally {
            department: None,
            asked: 1,
            filled: 0,
            standing: AnswerStanding::NotSubmitted,
            last: None,
            late: true,
            missing: vec![item],
        };
        let (subject, body) = reminder(&s, &round, &t, YearStyle::Japanese);
        assert!(subject.starts_with("【督促】令和6年度"), "{subject}");
        assert!(body.contains(&format!("・施策 {} {}：一次評価\n", m.number, m.title)), "{body}");
        let link = mailto(&subject, &body);
        assert!(link.starts_with("mailto:?subject=%E3%80%90") && !link.contains(' ') && !link.contains('\n'));
        assert!(link.contains("%0A%E3%83%BB"), "a line break, then ・");
        assert_eq!(share(12, 9, Language::Ja), "担当分: 12件中 9件 入力済");
        let many = Tally { missing: vec![item; MAIL_ITEMS + 3], ..t };
        let (_, body) = reminder(&s, &round, &many, YearStyle::Japanese);
        assert_eq!(body.matches("・施策").count(), MAIL_ITEMS, "a mail program's limit");
        assert!(body.contains("ほか 3件"), "{body}");
    }

    #[test]
    fn a_confirmed_value_is_written_with_the_apps_numbers_and_its_text_as_it_is() {
        assert_eq!(shown(ItemKind::Actual, "2400"), "2,400");
        assert_eq!(shown(ItemKind::Actual, "男性: 1234.5, 女性: —"), "男性: 1,234.5, 女性: —");
        assert_eq!(shown(ItemKind::Result, "1180 / 2024年に実施 1000人"), "1,180 / 2024年に実施 1000人");
        assert_eq!(shown(ItemKind::NextBudget, "— / 拡充"), "— / 拡充");
        assert_eq!(shown(ItemKind::Cause, "2400"), "2400", "a cause is text");
        assert_eq!(shown(ItemKind::FirstEvaluation, "A"), "A");
    }

    #[test]
    fn the_card_writes_numbers_as_the_preview_does_and_names_who_changed_them() {
        let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
        let section = crate::model::Department::new("商工課");
        s.departments.push(section.clone());
        let i = &s.indicators[0];
        let c = ConfirmedChange {
            round: crate::model::Id("r".into()),
            fiscal_year: crate::model::FiscalYear(2024),
            department: section.id.clone(),
            kind: ItemKind::Actual,
            subject: i.id.clone(),
            name: i.name.clone(),
            old: "2400".into(),
            new: "2450".into(),
            by: "佐藤".into(),
        };
        let (_, values) = confirmed_change(&s, &c, YearStyle::Japanese, Language::Ja);
        assert_eq!(values, "確認済: 2,400 → 佐藤さん: 2,450");
        let (what, values) = book_change(&s, &c, YearStyle::Japanese, Language::Ja);
        assert_eq!(values, "確認済: 2,400 → 商工課のブック: 2,450");
        assert!(what.starts_with("商工課 ・ "), "{what}");
    }
}
