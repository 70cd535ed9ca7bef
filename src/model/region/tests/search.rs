//! The theme search: words (folded, all of them), SDG and national-goal filters, results
//! grouped by town with the path to open each item.

use super::{examples, region};
use crate::model::region::{first_hits, ItemPathKind, NationalGoalKey, ThemeIndex, ThemeQuery, TownHits};
use crate::model::{GoalKind, Sdg};

/// A town's hits as (municipality, [deepest title]).
type Titles<'a> = (&'a str, Vec<&'a str>);

fn titles(found: &[TownHits]) -> Vec<Titles<'_>> {
    found
        .iter()
        .map(|t| {
            let hits = t
                .hits
                .iter()
                .map(|h| {
                    let label = h.initiative.as_ref().or(h.measure.as_ref()).unwrap_or(&h.goal);
                    label.title.as_str()
                })
                .collect();
            (t.municipality.as_str(), hits)
        })
        .collect()
}

fn words(w: &str) -> ThemeQuery {
    ThemeQuery { words: w.into(), ..ThemeQuery::default() }
}

#[test]
fn words_find_items_grouped_by_town() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let index = ThemeIndex::new(&towns);
    assert_eq!(index.len(), 7 + 4 + 3, "goals, measures and initiatives of the three towns");
    let cases: [(&str, Vec<Titles>); 6] = [
        (
            "移住",
            vec![
                ("七飯町", vec!["移住・定住を促進する", "移住プロモーション", "移住体験住宅の運営"]),
                // Found in the goal's direction text.
                ("北斗市", vec!["観光でにぎわうまち"]),
                ("木古内町", vec!["子育て世帯の移住支援", "子育て世帯移住支援金"]),
            ],
        ),
        // Width and case folded: ＤＸ, dx, Dx are one word.
        ("dx", vec![("七飯町", vec!["ＤＸによる窓口改革"]), ("北斗市", vec!["観光ＤＸ推進事業"])]),
        // Every word must be there; a full-width space separates words too.
        ("子育て　移住", vec![("木古内町", vec!["子育て世帯の移住支援", "子育て世帯移住支援金"])]),
        // Punctuation and spaces do not count: 移住・定住 is found as 移住定住.
        ("移住定住", vec![("七飯町", vec!["移住・定住を促進する"])]),
        // The subtitle is searched too.
        ("ひとの流れ", vec![("七飯町", vec!["移住・定住を促進する"])]),
        ("ワイン", vec![]),
    ];
    for (w, expected) in cases {
        assert_eq!(titles(&index.search(&words(w))), expected, "{w}");
    }
    assert!(index.search(&ThemeQuery::default()).is_empty(), "nothing asked, nothing found");
    assert!(index.search(&words(" ・ ")).is_empty());
}

#[test]
fn hits_carry_the_path_to_open_them() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let found = ThemeIndex::new(&towns).search(&words("移住体験住宅"));
    let nanae = &strategies[0];
    let (goal, measure) = (&nanae.goals[0], &nanae.goals[0].measures[0]);
    let hit = &found[0].hits[0];
    assert_eq!(found[0].strategy, nanae.id);
    assert_eq!(hit.path.strategy, nanae.id);
    assert_eq!(hit.path.goal, goal.id);
    assert_eq!(hit.path.measure.as_ref(), Some(&measure.id));
    assert_eq!(hit.path.initiative.as_ref(), Some(&measure.initiatives[0].id));
    assert_eq!(hit.path.kind(), ItemPathKind::Initiative);
    assert_eq!((hit.goal_kind, hit.goal.number.as_str()), (GoalKind::Basic, "1"));
    assert_eq!(hit.measure.as_ref().map(|m| m.number.as_str()), Some("1-1"));
    assert_eq!(hit.initiative.as_ref().map(|i| i.number.as_str()), Some("(1)"));
}

#[test]
fn filters_by_sdg_and_national_goal() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let index = ThemeIndex::new(&towns);
    let sdg = |n: u8, w: &str| ThemeQuery { sdg: Some(Sdg(n)), ..words(w) };
    // SDG 3: the measures tagged with it and their initiatives (which inherit the tag).
    assert_eq!(
        titles(&index.search(&sdg(3, ""))),
        [
            ("七飯町", vec!["子育て支援の充実", "子育て応援給付金"]),
            ("木古内町", vec!["子育て世帯の移住支援", "子育て世帯移住支援金"])
        ]
    );
    // SDG 11 is on 七飯町's goal 1: everything under it has it.
    assert_eq!(
        titles(&index.search(&sdg(11, "移住"))),
        [("七飯町", vec!["移住・定住を促進する", "移住プロモーション", "移住体験住宅の運営"])]
    );
    assert!(index.search(&sdg(12, "")).is_empty());

    let flow = NationalGoalKey { framework: String::new(), kind: GoalKind::Basic, number: "2".into() };
    let national = |w: &str| ThemeQuery { national_goal: Some(flow.clone()), ..words(w) };
    let all = index.search(&national(""));
    assert_eq!(
        all.iter().map(|t| (t.municipality.as_str(), t.hits.len())).collect::<Vec<_>>(),
        [("七飯町", 6), ("北斗市", 4)]
    );
    assert_eq!(
        titles(&index.search(&national("観光"))),
        [("北斗市", vec!["観光でにぎわうまち", "観光振興", "広域観光周遊ルートの造成", "観光ＤＸ推進事業"])]
    );
    let elsewhere = NationalGoalKey { number: "9".into(), ..flow };
    assert!(index.search(&ThemeQuery { national_goal: Some(elsewhere), ..words("観光") }).is_empty());
}

#[test]
fn the_examples_are_searched_as_two_towns() {
    let strategies = examples();
    let towns: Vec<_> = strategies.iter().collect();
    let index = ThemeIndex::new(&towns);
    let found = index.search(&words("DX"));
    // 北本市 writes DX in a goal's text; 北斗市 ＤＸ in an initiative (自治体ＤＸ（…）の推進).
    assert_eq!(found.iter().map(|t| t.municipality.as_str()).collect::<Vec<_>>(), ["北本市", "北斗市"]);
    assert!(found[0].hits.iter().all(|h| h.path.measure.is_none()), "北本市 has goals only");
    assert!(found[1].hits.iter().any(|h| h.initiative.as_ref().is_some_and(|i| i.title.contains("ＤＸ"))));
    // 子育て: both towns have goals about it.
    let found = index.search(&words("子育て"));
    assert_eq!(found.iter().map(|t| t.municipality.as_str()).collect::<Vec<_>>(), ["北本市", "北斗市"]);
    // The national goal 結婚・出産・子育て (basic 3) of 第2期, in both towns.
    let framework = crate::model::region::key(&strategies[0].national_framework.name);
    let third = NationalGoalKey { framework, kind: GoalKind::Basic, number: "3".into() };
    let found = index.search(&ThemeQuery { national_goal: Some(third), ..ThemeQuery::default() });
    assert_eq!(found.len(), 2);
}

#[test]
fn only_the_first_hits_are_shown_town_by_town() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    // 移住: 七飯町 3 items, 北斗市 1, 木古内町 2 (see `words_find_items_grouped_by_town`).
    let found = ThemeIndex::new(&towns).search(&words("移住"));
    let all: usize = found.iter().map(|t| t.hits.len()).sum();
    assert_eq!(all, 6);
    let shown = first_hits(&found, 2);
    assert_eq!(titles(&shown.towns), [("七飯町", vec!["移住・定住を促進する", "移住プロモーション"])]);
    assert_eq!(shown.left_out, 4);
    let shown = first_hits(&found, 5);
    let expected: Vec<Titles> = vec![
        ("七飯町", vec!["移住・定住を促進する", "移住プロモーション", "移住体験住宅の運営"]),
        ("北斗市", vec!["観光でにぎわうまち"]),
        ("木古内町", vec!["子育て世帯の移住支援"]),
    ];
    assert_eq!(titles(&shown.towns), expected);
    assert_eq!(shown.left_out, 1);
    let shown = first_hits(&found, 100);
    assert_eq!(shown.towns, found);
    assert_eq!(shown.left_out, 0);
}

/// 「子育て」 over 179 towns said 「55 市町村で 494 件」 until すべて表示 was pressed,
/// then 「134 市町村で 494 件」 — the towns were counted over the hits drawn. The summary's
/// counts are over all hits, however few are drawn.
#[test]
fn the_summary_counts_towns_over_all_hits_not_only_those_shown() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let found = ThemeIndex::new(&towns).search(&words("移住"));
    for limit in [0, 1, 2, 3, 5, 6, 200, usize::MAX] {
        let shown = first_hits(&found, limit);
        assert_eq!((shown.town_count, shown.hit_count), (3, 6), "limit {limit}");
        let drawn: usize = shown.towns.iter().map(|t| t.hits.len()).sum();
        assert_eq!(drawn + shown.left_out, 6, "limit {limit}");
    }
    assert_eq!(first_hits(&found, 2).towns.len(), 1, "one town drawn, three counted");
}
