//! The character diff cleaned up into phrases, as diff-match-patch's `cleanupSemantic` does: an
//! unchanged run no longer than the changes on both sides of it (「安」「し」 between rewritten
//! words) is folded into one change, so a rewritten phrase is one mark, not scattered characters.
//! A run of punctuation alone (「、」) stays: it parts two phrases. A single character left at an
//! end of the text beside a much longer change (「る」 after a rewritten clause) joins it.

/// A stretch of the two texts: the same on both sides, or taken out of the old and put into the
/// new (either may be empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span<'a> {
    Same(Vec<&'a str>),
    Changed { old: Vec<&'a str>, new: Vec<&'a str> },
}

fn chars(tokens: &[&str]) -> usize {
    tokens.iter().map(|t| t.chars().count()).sum()
}

impl Span<'_> {
    /// How many characters the change touches on its longer side.
    fn weight(&self) -> usize {
        match self {
            Span::Same(t) => chars(t),
            Span::Changed { old, new } => chars(old).max(chars(new)),
        }
    }
}

/// Neighbouring spans of one kind made one (two changes next to each other, two runs alike).
fn merge(spans: Vec<Span<'_>>) -> Vec<Span<'_>> {
    let mut out: Vec<Span<'_>> = Vec::with_capacity(spans.len());
    for s in spans {
        match (out.last_mut(), s) {
            (Some(Span::Same(a)), Span::Same(b)) => a.extend(b),
            (Some(Span::Changed { old: o, new: n }), Span::Changed { old, new }) => {
                o.extend(old);
                n.extend(new);
            }
            (_, Span::Same(b)) if b.is_empty() => {}
            (_, s) => out.push(s),
        }
    }
    out
}

fn punctuation(span: &Span<'_>) -> bool {
    let Span::Same(t) = span else { return false };
    t.iter().flat_map(|t| t.chars()).all(|c| "、。，．,.・：；！？「」『』（）()【】 　".contains(c))
}

/// Folds every unchanged run that is no longer than the change before it and the change after it
/// into one change with them, and a short end beside a long change, until none is left.
pub fn cleaned(spans: Vec<Span<'_>>) -> Vec<Span<'_>> {
    let mut spans = merge(spans);
    loop {
        let last = spans.len().saturating_sub(1);
        let fold = (0..spans.len()).find(|&i| {
            let w = spans[i].weight();
            let beside = |j: Option<usize>| {
                j.and_then(|j| spans.get(j)).map(|s| (matches!(s, Span::Changed { .. }), s.weight()))
            };
            let (before, after) = (beside(i.checked_sub(1)), beside(Some(i + 1)));
            let folds = match (before, after) {
                (Some((_, b)), Some((_, a))) => w <= b && w <= a,
                (None, Some((true, a))) | (Some((true, a)), None) => last > 0 && w == 1 && 4 <= a,
                _ => false,
            };
            matches!(spans[i], Span::Same(_)) && !punctuation(&spans[i]) && folds
        });
        let Some(i) = fold else { return spans };
        let Span::Same(same) = spans.remove(i) else { return spans };
        let (old, new) = (same.clone(), same);
        spans.insert(i, Span::Changed { old, new });
        spans = merge(spans);
    }
}
