//! Japanese line breaking (禁則処理, after JIS X 4051) for text the app lays out itself: the
//! 施策体系図's boxes in Word, on paper and on the public page. No line starts with a closing
//! bracket, a comma or stop, a small kana or a prolonged sound mark (「、」「。」「」」「）」「ー」
//! …); none ends with an opening bracket (「「」「（」 …); a run of Latin letters and figures
//! (「Society5.0」, 「1,234」) is not split while it fits on a line. A character that may not start a
//! line is pushed out with the one before it (追い出し), never left hanging past the box.

/// Characters that may not start a line.
const NO_START: &str = "、。，．,.:;：；!?！？)）]］}｝」』】〕〉》〙〗’”%％・ー―‐–〜～…‥ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々ゝゞヽヾ";
/// Characters that may not end a line.
const NO_END: &str = "(（[［{｛「『【〔〈《〘〖‘“";

/// How wide `c` is, in ems: half-width characters half.
pub fn em(c: char) -> f64 {
    if c.is_ascii() || ('\u{FF61}'..='\u{FF9F}').contains(&c) {
        0.5
    } else {
        1.0
    }
}

/// Whether `c` belongs to a run kept together: Latin letters, figures and what joins them.
fn latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('０'..='９').contains(&c) || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

/// The units no line break goes inside: a Latin run (with the 「.」「,」 between its figures), or
/// one character.
fn units(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
    let mut out: Vec<String> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let joins = matches!(c, '.' | ',') && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        let after_latin = i > 0 && latin(chars[i - 1]) || out.last().is_some_and(|u| u.ends_with(['.', ',']));
        match out.last_mut() {
            Some(u) if (latin(c) || joins) && after_latin => u.push(c),
            _ => out.push(c.to_string()),
        }
    }
    out
}

fn width(unit: &str) -> f64 {
    unit.chars().map(em).sum()
}

/// Whether a line may break between `before` and `after`.
fn may_break(before: &str, after: &str) -> bool {
    let starts = after.chars().next().is_some_and(|c| NO_START.contains(c));
    let ends = before.chars().last().is_some_and(|c| NO_END.contains(c));
    !starts && !ends
}

/// `text` broken into lines of at most `room` ems (at least one line, empty for no text).
pub fn break_lines(text: &str, room: f64) -> Vec<String> {
    let room = room.max(1.0);
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut line: Vec<String> = Vec::new();
    for unit in units(text) {
        let used: f64 = line.iter().map(|u| width(u)).sum();
        if used + width(&unit) <= room + 1e-9 || line.is_empty() {
            line.push(unit);
            continue;
        }
        // The last place in the line where it may break, counting the break before `unit`.
        let at = (1..=line.len()).rev().find(|&i| may_break(&line[i - 1], line.get(i).unwrap_or(&unit)));
        let carried = match at {
            Some(i) => line.split_off(i),
            None => Vec::new(),
        };
        lines.push(std::mem::take(&mut line));
        line = carried;
        line.push(unit);
    }
    lines.push(line);
    // A unit wider than the room (a long Latin run) is cut by characters.
    let mut out = Vec::new();
    for l in lines {
        let mut cut = String::new();
        let mut used = 0.0;
        for c in l.concat().chars() {
            if used + em(c) > room + 1e-9 && !cut.is_empty() {
                out.push(std::mem::take(&mut cut));
                used = 0.0;
            }
            cut.push(c);
            used += em(c);
        }
        out.push(cut);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts from the 体系図s of real strategies, in boxes of a few widths: no line starts with
    /// what may not start one, none ends with an opening bracket, nothing is lost, every line fits.
    #[test]
    fn no_line_starts_with_a_stop_or_ends_with_an_opening_bracket() {
        let cases = [
            (
                "稼ぐ力を高め、安心して働ける雇用を創出する",
                6.0,
                vec!["稼ぐ力を高", "め、安心して", "働ける雇用を", "創出する"],
            ),
            ("子育て世代の「住みたい」を応援する", 6.0, vec!["子育て世代の", "「住みたい」", "を応援する"]),
            ("移住・定住対策支援事業（新規）の実施", 9.0, vec!["移住・定住対策支援", "事業（新規）の実施"]),
            ("Society5.0の実現に向けた技術の活用", 7.0, vec!["Society5.0の実", "現に向けた技術", "の活用"]),
            ("ちょっと", 2.0, vec!["ちょ", "っと"]),
            ("", 5.0, vec![""]),
        ];
        for (text, room, want) in cases {
            assert_eq!(break_lines(text, room), want, "{text} in {room} ems");
        }
        let texts = [
            "地域の経済社会構造全体を俯瞰して地域をマネジメント（地域経営）",
            "北海道新幹線の拠点機能を活かした観光振興、「北斗市らしさ」の発信。",
            "女性、高齢者、障がい者、外国人など誰もが居場所と役割を持ち、活躍できる地域社会を実現",
            "【重点】ICT教育、英語教育などの推進や環境づくり（1,234人）",
        ];
        for text in texts {
            for room in [3.0, 4.0, 5.0, 7.0, 11.0, 15.0] {
                let lines = break_lines(text, room);
                assert_eq!(lines.concat(), text);
                for (i, l) in lines.iter().enumerate() {
                    assert!(l.chars().map(em).sum::<f64>() <= room + 1e-9, "{l} in {room}");
                    let first = l.chars().next().unwrap();
                    let last = l.chars().last().unwrap();
                    assert!(i == 0 || !NO_START.contains(first), "{text} in {room}: {lines:?}");
                    assert!(i + 1 == lines.len() || !NO_END.contains(last), "{text} in {room}: {lines:?}");
                }
            }
        }
    }
}
