//! What one side changed in an item the other side removed, summed up for the conflict card:
//! 「名称を変更」, 「KPI を1件追加」, 「事業を2件追加」 rather than 「編集あり（3か所）」.
//! Data only; `words::merge` words it.

use super::findings::{Change, ChangeKind, Entity, Field, Kind};

/// One thing a side did to a removed item (or to what is under it or refers to it).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A value of `entity` changed (its title, a target, a year's value …), or its parent
    /// (`Field::Parent`: moved).
    Changed { entity: Entity, field: Field },
    /// `count` entries added to one of `entity`'s lists (KPIs, actuals, budget years, SDGs …).
    AddedEntries { entity: Entity, list: &'static str, count: usize },
    /// `count` entities of `kind` added under it (initiatives, measures, breakdowns …).
    Added { kind: Kind, count: usize },
}

/// `changes` (a [`super::Version::Edited`]'s) summed up: each value changed once, additions
/// counted per list and per kind, in the order first met. Entries removed from a list are not
/// listed: removing the item removes them too.
pub fn summary(changes: &[Change]) -> Vec<Edit> {
    let mut out: Vec<Edit> = Vec::new();
    for c in changes {
        match (&c.field, c.kind) {
            (Field::Whole, ChangeKind::Added) => {
                let kind = c.entity.kind;
                match out.iter_mut().find(|e| matches!(e, Edit::Added { kind: k, .. } if *k == kind)) {
                    Some(Edit::Added { count, .. }) => *count += 1,
                    _ => out.push(Edit::Added { kind, count: 1 }),
                }
            }
            (Field::Entry { list, field: None, .. }, ChangeKind::Added) => {
                let found = out.iter_mut().find(
                    |e| matches!(e, Edit::AddedEntries { entity, list: l, .. } if *entity == c.entity && l == list),
                );
                match found {
                    Some(Edit::AddedEntries { count, .. }) => *count += 1,
                    _ => out.push(Edit::AddedEntries { entity: c.entity.clone(), list, count: 1 }),
                }
            }
            (_, ChangeKind::Removed) => {}
            (field, _) => {
                let edit = Edit::Changed { entity: c.entity.clone(), field: field.clone() };
                if !out.contains(&edit) {
                    out.push(edit);
                }
            }
        }
    }
    out
}
