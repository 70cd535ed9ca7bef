//! The 新旧対照表 between two versions of a strategy, laid out as towns lay it out: one row per
//! changed field, with where it is, the new text (改正後), the old text (改正前) and a 備考.
//!
//! - Items (narrative sections, goals, measures, initiatives, indicators and their series'
//!   基準値・目標値) are matched by id ([`matching`]). Across two periods an indicator carried by
//!   次期へ引き継ぐ is matched through its [`Predecessor`](super::Predecessor); goals, measures and
//!   initiatives (given fresh ids, with no link of their own) through the carried KPIs they hold,
//!   then by number or title under a matched parent.
//! - 備考 ([`Note`]): **新設** an item that did not exist (each of its filled fields a row);
//!   **削除** an item gone ([`Note::Removed`]), or a field emptied ([`Note::Cleared`]); **追加** text put into a field of an existing item
//!   that was empty; **変更** a field's text changed, or an item moved under another parent
//!   ([`ChangedField::Place`]).
//! - Text is compared by characters ([`text`]); unchanged items and fields are left out.
//! - Two strategies with nothing in common (no item id, no carried indicator, not the same
//!   strategy) are refused ([`Refusal::Unrelated`]) rather than listed as wholly changed.
//!
//! Values are kept typed (a target is a [`Target`]); the format layer words them and diffs the
//! words with [`text::diff`].

mod matching;
mod table;
#[cfg(test)]
mod tests;
pub mod text;

use super::{Id, Strategy};
use table::FlatItem;
pub use table::{ChangedField, ComparedValue, Comparison, Note, OldNewRow, PlaceKind, PlaceStep, Refusal};
pub use text::Piece;

/// The 新旧対照表 from `old` to `new`.
pub fn compare(old: &Strategy, new: &Strategy) -> Result<Comparison, Refusal> {
    let a = flatten(old);
    let b = flatten(new);
    let m = matching::match_nodes(&a, &b).ok_or(Refusal::Unrelated)?;
    let mut rows = Vec::new();
    // Removed nodes, each after the new node matched with its nearest matched old predecessor
    // (not an indicator, which may be listed elsewhere in the new version).
    let mut removed_after: Vec<Vec<usize>> = vec![Vec::new(); b.len() + 1];
    let mut anchor = 0;
    for (i, matched) in m.old_to_new.iter().enumerate() {
        match matched {
            Some(j) if a[i].kind != PlaceKind::Indicator => anchor = j + 1,
            Some(_) => {}
            None => removed_after[anchor].push(i),
        }
    }
    let removed = |rows: &mut Vec<OldNewRow>, slot: &Vec<usize>| {
        for &i in slot {
            let n = &a[i];
            for (f, v) in n.fields.iter().filter(|(_, v)| !is_empty(v)) {
                let row = OldNewRow {
                    place: n.place.clone(),
                    field: f.clone(),
                    new: None,
                    old: Some(v.clone()),
                    note: Note::Removed,
                    items: lineage(&a, i),
                    opinions: Vec::new(),
                };
                rows.push(row);
            }
        }
    };
    removed(&mut rows, &removed_after[0]);
    for (j, n) in b.iter().enumerate() {
        match m.new_to_old[j] {
            None => {
                for (f, v) in n.fields.iter().filter(|(_, v)| !is_empty(v)) {
                    let row = OldNewRow {
                        place: n.place.clone(),
                        field: f.clone(),
                        new: Some(v.clone()),
                        old: None,
                        note: Note::New,
                        items: lineage(&b, j),
                        opinions: Vec::new(),
                    };
                    rows.push(row);
                }
            }
            Some(i) => {
                let o = &a[i];
                // An indicator left unused (listed under the strategy) has not moved.
                let moved = match (n.parent, o.parent) {
                    (Some(p), Some(q)) => m.new_to_old[p] != Some(q) && !(n.kind == PlaceKind::Indicator && p == 0),
                    _ => false,
                };
                if moved {
                    rows.push(OldNewRow {
                        place: n.place.clone(),
                        field: ChangedField::Place,
                        new: Some(ComparedValue::Place(n.place.clone())),
                        old: Some(ComparedValue::Place(o.place.clone())),
                        note: Note::Moved,
                        items: lineage(&b, j),
                        opinions: Vec::new(),
                    });
                }
                rows.extend(field_rows(n, o, lineage(&b, j)));
            }
        }
        removed(&mut rows, &removed_after[j + 1]);
    }
    Ok(Comparison { rows, across_periods: m.across_periods })
}

/// The rows of a matched item's changed fields.
fn field_rows(n: &FlatItem, o: &FlatItem, items: Vec<Id>) -> Vec<OldNewRow> {
    let mut rows = Vec::new();
    let value = |node: &FlatItem, f: &ChangedField| node.fields.iter().find(|(g, _)| g == f).map(|(_, v)| v.clone());
    let mut fields: Vec<&ChangedField> = n.fields.iter().map(|(f, _)| f).collect();
    fields.extend(o.fields.iter().map(|(f, _)| f).filter(|f| !n.fields.iter().any(|(g, _)| g == *f)));
    for f in fields {
        let new = value(n, f).filter(|v| !is_empty(v));
        let old = value(o, f).filter(|v| !is_empty(v));
        let note = match (&new, &old) {
            (None, None) => continue,
            (Some(x), Some(y)) if same(x, y) => continue,
            (Some(_), Some(_)) => Note::Changed,
            (Some(_), None) => Note::Added,
            (None, Some(_)) => Note::Cleared,
        };
        rows.push(OldNewRow {
            place: n.place.clone(),
            field: f.clone(),
            new,
            old,
            note,
            items: items.clone(),
            opinions: Vec::new(),
        });
    }
    rows
}

/// The ids of node `at` and of the nodes it is under, innermost first.
fn lineage(nodes: &[FlatItem], at: usize) -> Vec<Id> {
    let mut out = Vec::new();
    let mut next = Some(at);
    while let Some(i) = next {
        out.push(nodes[i].id.clone());
        next = nodes[i].parent;
    }
    out
}

fn is_empty(v: &ComparedValue) -> bool {
    matches!(v, ComparedValue::Text(t) if t.trim().is_empty())
}

/// Equal values; texts equal but for the spaces at their ends.
fn same(a: &ComparedValue, b: &ComparedValue) -> bool {
    match (a, b) {
        (ComparedValue::Text(x), ComparedValue::Text(y)) => x.trim() == y.trim(),
        _ => a == b,
    }
}

/// The strategy's items in document order: the strategy, its sections, then each goal with its
/// 数値目標, each measure with its KPIs and initiatives (an indicator where it is first used),
/// then the indicators nothing uses.
fn flatten(s: &Strategy) -> Vec<FlatItem> {
    let mut out = Vec::new();
    let text = |t: &str| ComparedValue::Text(t.to_owned());
    out.push(FlatItem {
        kind: PlaceKind::Strategy,
        id: s.id.clone(),
        parent: None,
        place: Vec::new(),
        number: String::new(),
        title: s.title.clone(),
        fields: vec![(ChangedField::Title, text(&s.title))],
        indicators: Vec::new(),
    });
    for sec in &s.sections {
        let step = PlaceStep { kind: PlaceKind::Section, number: String::new(), title: sec.heading.clone() };
        out.push(FlatItem {
            kind: PlaceKind::Section,
            id: sec.id.clone(),
            parent: Some(0),
            place: vec![step],
            number: String::new(),
            title: sec.heading.clone(),
            fields: vec![(ChangedField::Heading, text(&sec.heading)), (ChangedField::Body, text(&sec.body))],
            indicators: Vec::new(),
        });
    }
    let mut placed = std::collections::HashSet::new();
    for g in &s.goals {
        let step = PlaceStep { kind: PlaceKind::Goal(g.kind), number: g.number.clone(), title: g.title.clone() };
        let gi = out.len();
        out.push(FlatItem {
            kind: PlaceKind::Goal(g.kind),
            id: g.id.clone(),
            parent: Some(0),
            place: vec![step.clone()],
            number: g.number.clone(),
            title: g.title.clone(),
            fields: vec![
                (ChangedField::Number, text(&g.number)),
                (ChangedField::Title, text(&g.title)),
                (ChangedField::Subtitle, text(&g.subtitle)),
                (ChangedField::Direction, text(&g.direction)),
            ],
            indicators: g.targets.clone(),
        });
        indicator_nodes(s, &g.targets, gi, &mut out, &mut placed);
        for me in &g.measures {
            let mstep = PlaceStep { kind: PlaceKind::Measure, number: me.number.clone(), title: me.title.clone() };
            let mi = out.len();
            out.push(FlatItem {
                kind: PlaceKind::Measure,
                id: me.id.clone(),
                parent: Some(gi),
                place: vec![step.clone(), mstep.clone()],
                number: me.number.clone(),
                title: me.title.clone(),
                fields: vec![
                    (ChangedField::Number, text(&me.number)),
                    (ChangedField::Title, text(&me.title)),
                    (ChangedField::Summary, text(&me.summary)),
                ],
                indicators: me.kpis.clone(),
            });
            indicator_nodes(s, &me.kpis, mi, &mut out, &mut placed);
            for ini in &me.initiatives {
                let istep =
                    PlaceStep { kind: PlaceKind::Initiative, number: ini.number.clone(), title: ini.title.clone() };
                let ii = out.len();
                out.push(FlatItem {
                    kind: PlaceKind::Initiative,
                    id: ini.id.clone(),
                    parent: Some(mi),
                    place: vec![step.clone(), mstep.clone(), istep],
                    number: ini.number.clone(),
                    title: ini.title.clone(),
                    fields: vec![
                        (ChangedField::Number, text(&ini.number)),
                        (ChangedField::Title, text(&ini.title)),
                        (ChangedField::Description, text(&ini.description)),
                    ],
                    indicators: ini.kpis.clone(),
                });
                indicator_nodes(s, &ini.kpis, ii, &mut out, &mut placed);
            }
        }
    }
    let all: Vec<Id> = s.indicators.iter().map(|i| i.id.clone()).collect();
    indicator_nodes(s, &all, 0, &mut out, &mut placed);
    out
}

/// The nodes of the indicators `ids` not placed yet, under the node `parent`.
fn indicator_nodes(
    s: &Strategy,
    ids: &[Id],
    parent: usize,
    out: &mut Vec<FlatItem>,
    placed: &mut std::collections::HashSet<Id>,
) {
    for id in ids {
        let Some(ind) = s.indicator(id) else { continue };
        if !placed.insert(id.clone()) {
            continue;
        }
        let mut place = out[parent].place.clone();
        place.push(PlaceStep { kind: PlaceKind::Indicator, number: ind.code.clone(), title: ind.name.clone() });
        let mut fields = vec![
            (ChangedField::Name, ComparedValue::Text(ind.name.clone())),
            (ChangedField::Unit, ComparedValue::Text(ind.unit.clone())),
        ];
        for x in &ind.series {
            if let Some(b) = &x.baseline {
                let v = ComparedValue::Baseline { baseline: b.clone(), unit: ind.unit.clone() };
                fields.push((ChangedField::Baseline(x.label.clone()), v));
            }
            if let Some(t) = &x.target {
                let v = ComparedValue::Target { target: t.clone(), unit: ind.unit.clone(), basis: x.year_basis };
                fields.push((ChangedField::Target(x.label.clone()), v));
            }
        }
        out.push(FlatItem {
            kind: PlaceKind::Indicator,
            id: ind.id.clone(),
            parent: Some(parent),
            place,
            number: ind.code.clone(),
            title: ind.name.clone(),
            fields,
            indicators: ind.predecessor.iter().map(|p| p.indicator.clone()).collect(),
        });
    }
}
