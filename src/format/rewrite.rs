//! Writing the open strategy's compact file text again after each edit (the autosave) without
//! writing all of it: an edit replaces the `Arc` of the goal or indicator it changed, so the
//! text of every other goal and indicator is kept from the last time and only the changed ones
//! are written. The result is byte for byte what [`export_compact`] writes.

use super::envelope::export_compact;
use crate::model::{Goal, Indicator, Strategy};
use std::collections::HashMap;
use std::sync::Arc;

/// The text of each goal and indicator last written. Each is held with its `Arc`: while it is
/// held here the value cannot change in place (`Arc::make_mut` copies a shared value), so the
/// same pointer always means the same text.
#[derive(Default)]
pub struct Rewriter {
    goals: Vec<(Arc<Goal>, String)>,
    indicators: Vec<(Arc<Indicator>, String)>,
}

/// Where the goals and indicators go in the text of a strategy that has none: the two keys are
/// written one after the other (`Strategy`'s field order).
const LISTS: &str = r#""goals":[],"indicators":[]"#;

impl Rewriter {
    pub fn new() -> Rewriter {
        Rewriter::default()
    }

    /// [`export_compact`] of `strategy`, writing only what changed since the last call.
    pub fn write(&mut self, strategy: &Strategy, exported_at: &str) -> String {
        let goals = reuse(&mut self.goals, &strategy.goals);
        let indicators = reuse(&mut self.indicators, &strategy.indicators);
        let rest = Strategy { goals: Vec::new(), indicators: Vec::new(), ..strategy.clone() };
        let text = export_compact(&rest, exported_at);
        let mut at = text.match_indices(LISTS).map(|(i, _)| i);
        let (Some(at), None) = (at.next(), at.next()) else {
            // Not where it is expected (a key of that name elsewhere): the whole text, written.
            return export_compact(strategy, exported_at);
        };
        let size = text.len() + goals.iter().chain(&indicators).map(|t| t.len() + 1).sum::<usize>();
        let mut out = String::with_capacity(size);
        out.push_str(&text[..at]);
        out.push_str(r#""goals":["#);
        join(&mut out, &goals);
        out.push_str(r#"],"indicators":["#);
        join(&mut out, &indicators);
        out.push(']');
        out.push_str(&text[at + LISTS.len()..]);
        out
    }
}

/// The text of each of `items`, from `cache` where the same `Arc` was written before; `cache`
/// becomes `items` with their texts.
fn reuse<'a, T: serde::Serialize>(cache: &'a mut Vec<(Arc<T>, String)>, items: &[Arc<T>]) -> Vec<&'a str> {
    let mut known: HashMap<*const T, String> =
        std::mem::take(cache).into_iter().map(|(item, text)| (Arc::as_ptr(&item), text)).collect();
    // The old Arcs were held in `cache` until now, so none of `items` (all alive before this
    // call) can sit at the address of another value: an address found is the same value.
    *cache = items
        .iter()
        .map(|item| {
            let text = known
                .remove(&Arc::as_ptr(item))
                .unwrap_or_else(|| serde_json::to_string(item.as_ref()).unwrap_or_default());
            (Arc::clone(item), text)
        })
        .collect();
    cache.iter().map(|(_, text)| text.as_str()).collect()
}

fn join(out: &mut String, texts: &[&str]) {
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{template, FiscalYear, PlanPeriod};

    fn strategies() -> Vec<Strategy> {
        let mut all: Vec<Strategy> = crate::examples::EXAMPLES.iter().map(|e| e.load().unwrap()).collect();
        #[cfg(not(target_arch = "wasm32"))]
        all.push(crate::bench::generate::generate(crate::bench::generate::Size::named("town").unwrap(), 5));
        all.push(template::from_second_period(
            "空",
            "町",
            PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) },
        ));
        all
    }

    #[test]
    fn writes_what_export_compact_writes_edit_after_edit() {
        for s in strategies() {
            let mut w = Rewriter::new();
            let mut s = s;
            assert_eq!(w.write(&s, "t1"), export_compact(&s, "t1"), "{}", s.title);
            // An indicator edited in place (make_mut), a goal removed, the order changed, the
            // title changed: each time the same bytes as writing it all.
            if let Some(i) = s.indicators.last_mut() {
                Arc::make_mut(i).name.push_str("（改）");
            }
            assert_eq!(w.write(&s, "t2"), export_compact(&s, "t2"));
            s.goals.reverse();
            s.indicators.reverse();
            s.title = "\"goals\":[],\"indicators\":[] と書いた題名".into();
            assert_eq!(w.write(&s, "t3"), export_compact(&s, "t3"));
            s.goals.pop();
            assert_eq!(w.write(&s, "t4"), export_compact(&s, "t4"));
            s.goals.clear();
            s.indicators.clear();
            assert_eq!(w.write(&s, "t5"), export_compact(&s, "t5"));
        }
    }

    #[test]
    fn an_unchanged_goal_is_not_written_again() {
        let s = strategies().remove(0);
        let mut w = Rewriter::new();
        w.write(&s, "t");
        let before: Vec<*const u8> = w.goals.iter().map(|(_, t)| t.as_ptr()).collect();
        let mut edited = s.clone();
        Arc::make_mut(&mut edited.goals[0]).title.push('改');
        w.write(&edited, "t");
        let after: Vec<*const u8> = w.goals.iter().map(|(_, t)| t.as_ptr()).collect();
        assert_ne!(before[0], after[0], "the edited goal is written anew");
        assert_eq!(before[1..], after[1..], "the others' texts are the same strings, kept");
    }
}
