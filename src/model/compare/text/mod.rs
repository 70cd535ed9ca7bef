//! Two texts compared by characters (Japanese has no spaces, so a word diff does not fit): each
//! side as pieces, the changed ones marked, and unchanged passages longer than [`LONG`]
//! characters shortened to （略） but for [`CONTEXT`] characters next to a change. The character
//! diff is cleaned up into phrases ([`phrases`]) before it is shown.

mod phrases;

use phrases::Span;
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// An unchanged passage longer than this is shortened.
pub const LONG: usize = 20;
/// The characters of a shortened passage kept beside a change.
pub const CONTEXT: usize = 6;

/// A piece of one side's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Unchanged.
    Same(String),
    /// Added (in 改正後) or taken out (in 改正前): underlined when shown.
    Changed(String),
    /// An unchanged passage left out: （略）.
    Omitted,
}

/// The text of `pieces` with 「（略）」 for what was left out and `mark` around each change.
pub fn plain(pieces: &[Piece], open: &str, close: &str) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Same(t) => t.clone(),
            Piece::Changed(t) => format!("{open}{t}{close}"),
            Piece::Omitted => "（略）".to_owned(),
        })
        .collect()
}

/// The new text's pieces and the old text's pieces. A side that is absent or empty has no
/// pieces; when the other is absent too, neither has.
pub fn diff(old: &str, new: &str) -> (Vec<Piece>, Vec<Piece>) {
    let a = tokens(old);
    let b = tokens(new);
    let spans = capture_diff_slices(Algorithm::Myers, &a, &b)
        .into_iter()
        .map(|op| {
            let (o, n) = (op.old_range(), op.new_range());
            match op {
                DiffOp::Equal { .. } => Span::Same(a[o].to_vec()),
                _ => Span::Changed { old: a[o].to_vec(), new: b[n].to_vec() },
            }
        })
        .collect();
    let mut old_side = Vec::new();
    let mut new_side = Vec::new();
    for span in phrases::cleaned(spans) {
        match span {
            Span::Same(t) => {
                old_side.push(Piece::Same(t.concat()));
                new_side.push(Piece::Same(t.concat()));
            }
            Span::Changed { old, new } => {
                if !old.is_empty() {
                    old_side.push(Piece::Changed(old.concat()));
                }
                if !new.is_empty() {
                    new_side.push(Piece::Changed(new.concat()));
                }
            }
        }
    }
    (shorten(new_side), shorten(old_side))
}

/// The characters of `s`, but a number (digits with their separators, 「1,234.5」) is one: a
/// changed figure is marked whole, never digit by digit.
fn tokens(s: &str) -> Vec<&str> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_digit = chars.peek().is_some_and(|&(_, n)| digit(n));
        let inside = start.is_some() && matches!(c, ',' | '.' | '，' | '．') && next_digit;
        if digit(c) || inside {
            start.get_or_insert(i);
            if !next_digit && !chars.peek().is_some_and(|&(_, n)| matches!(n, ',' | '.' | '，' | '．')) {
                out.push(&s[start.take().unwrap_or(i)..i + c.len_utf8()]);
            }
            continue;
        }
        if let Some(st) = start.take() {
            out.push(&s[st..i]);
        }
        out.push(&s[i..i + c.len_utf8()]);
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// Each unchanged piece longer than [`LONG`] keeps [`CONTEXT`] characters on each side that
/// touches another piece, the rest becoming （略）.
fn shorten(pieces: Vec<Piece>) -> Vec<Piece> {
    let last = pieces.len().saturating_sub(1);
    let mut out = Vec::with_capacity(pieces.len());
    for (i, p) in pieces.into_iter().enumerate() {
        let Piece::Same(t) = &p else {
            out.push(p);
            continue;
        };
        let chars: Vec<char> = t.chars().collect();
        if chars.len() <= LONG {
            out.push(p);
            continue;
        }
        let head = if i > 0 { CONTEXT } else { 0 };
        let tail = if i < last { CONTEXT } else { 0 };
        if head > 0 {
            out.push(Piece::Same(chars[..head].iter().collect()));
        }
        out.push(Piece::Omitted);
        if tail > 0 {
            out.push(Piece::Same(chars[chars.len() - tail..].iter().collect()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(p: &[Piece]) -> String {
        plain(p, "【", "】")
    }

    #[test]
    fn a_change_in_the_middle_of_a_sentence_is_marked_on_both_sides() {
        let (new, old) = diff("子育て世代の転入を促進する。", "子育て世代の定住を促進する。");
        assert_eq!(show(&new), "子育て世代の【定住】を促進する。");
        assert_eq!(show(&old), "子育て世代の【転入】を促進する。");
    }

    #[test]
    fn a_changed_number_is_marked_whole() {
        let (n, o) = diff("1,130人（令和11年度）", "1,140.5人（令和11年度）");
        assert_eq!(show(&n), "【1,140.5】人（令和11年度）");
        assert_eq!(show(&o), "【1,130】人（令和11年度）");
        let (n, _) = diff("3月末、", "3月末。");
        assert_eq!(show(&n), "3月末【。】");
    }

    /// Rewritten phrases are one mark each side, not scattered characters; a word changed in a
    /// sentence stays a word.
    #[test]
    fn a_rewritten_phrase_is_one_mark() {
        let cases = [
            (
                "地域の産業を支え、誰もが働きやすい環境を整える",
                "稼ぐ力を高め、安心して働ける雇用を創出する",
                "【稼ぐ力を高め】、【安心して働ける雇用を創出する】",
                "【地域の産業を支え】、【誰もが働きやすい環境を整える】",
            ),
            (
                "稼ぐ地域をつくるとともに、安心して働けるようにする",
                "稼ぐ力を高め、安心して働ける雇用を創出する",
                "稼ぐ【力を高め】、安心して働ける【雇用を創出】する",
                "稼ぐ【地域をつくるとともに】、安心して働ける【ように】する",
            ),
            (
                "市内企業の雇用確保と雇用機会づくりの促進",
                "市内企業の人材確保と多様な働き方の促進",
                "市内企業の【人材】確保と【多様な働き方】の促進",
                "市内企業の【雇用】確保と【雇用機会づくり】の促進",
            ),
            (
                "子育て世代の転入を促進する。",
                "子育て世代の定住を促進する。",
                "子育て世代の【定住】を促進する。",
                "子育て世代の【転入】を促進する。",
            ),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(old, new, shown_new, shown_old)| {
                let (n, o) = diff(old, new);
                ((show(&n).as_str(), show(&o).as_str()) != (*shown_new, *shown_old))
                    .then(|| format!("{old} → {new}: {} / {}", show(&n), show(&o)))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn long_unchanged_passages_are_shortened_with_context() {
        let before = "本町は、豊かな自然と歴史に恵まれたまちであり、これまで多くの人々に愛されてきました。";
        let old = format!("{before}人口は減少している。{before}");
        let new = format!("{before}人口は増加している。{before}");
        let (n, o) = diff(&old, &new);
        assert_eq!(show(&n), "（略）した。人口は【増加】している。本（略）");
        assert_eq!(show(&o), "（略）した。人口は【減少】している。本（略）");
    }

    #[test]
    fn an_insertion_leaves_the_old_side_unmarked_and_an_empty_side_has_no_pieces() {
        let (n, o) = diff("まちづくり", "協働のまちづくり");
        assert_eq!(show(&n), "【協働の】まちづくり");
        assert_eq!(show(&o), "まちづくり");
        let (n, o) = diff("", "新しい文");
        assert_eq!(show(&n), "【新しい文】");
        assert!(o.is_empty());
    }
}
