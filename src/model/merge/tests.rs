//! The merge rules, one test each, on a small town's strategy made by hand (`edits::town`: 北斗市's
//! goals, measures, projects and KPIs) and on the 北斗市 example's evaluation sheets.

use super::edits::*;
use super::*;
use crate::model::*;

fn measure(s: &Strategy, number: &str) -> Id {
    s.measures().find(|(_, m)| m.number == number).map(|(_, m)| m.id.clone()).unwrap()
}

fn initiative(s: &Strategy, title: &str) -> Id {
    s.initiatives().find(|(_, i)| i.title == title).map(|(_, i)| i.id.clone()).unwrap()
}

/// The town, with its measure 2-1 removed here (`ours`) and the file's copy as it was
/// (`theirs`, to edit): the measure and its initiative 移住相談窓口の運営 (`counter`).
struct RemovedHere {
    base: Strategy,
    m21: Id,
    counter: Id,
    ours: Strategy,
    theirs: Strategy,
}

fn measure_21_removed_here() -> RemovedHere {
    let base = town();
    let (m21, counter) = (measure(&base, "2-1"), initiative(&base, "移住相談窓口の運営"));
    let mut ours = base.clone();
    assert!(ours.remove_measure(&m21));
    RemovedHere { theirs: base.clone(), base, m21, counter, ours }
}

fn indicator_id(s: &Strategy, name: &str) -> Id {
    s.indicators.iter().find(|i| i.name == name).map(|i| i.id.clone()).unwrap()
}

fn valid(s: &Strategy) {
    let problems: Vec<_> = errors(&validate(s)).cloned().collect();
    assert!(problems.is_empty(), "{problems:?}");
}

/// Merges and checks what every merge must: both all-ours and all-theirs read back valid.
fn merged(base: &Strategy, ours: &Strategy, theirs: &Strategy) -> Merge {
    let m = merge(base, ours, theirs);
    for side in [Side::Ours, Side::Theirs] {
        let s = m.resolve_all(side).unwrap_or_else(|e| panic!("{side:?}: {e:?}"));
        valid(&s);
    }
    valid(&m.strategy());
    m
}

fn value(field: &str) -> Field {
    Field::Value(field.into())
}

#[test]
fn a_value_changed_on_one_side_is_taken() {
    let base = town();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.goal_mut(&base.goals[0].id.clone()).unwrap().subtitle = "～しごとをつくる～".into();
    theirs.measure_mut(&measure(&base, "2-1")).unwrap().title = "移住・定住の促進と受入体制の充実".into();
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.strategy().goals[0].subtitle, "～しごとをつくる～");
    assert_eq!(m.strategy().goals[1].measures[0].title, "移住・定住の促進と受入体制の充実");
    assert_eq!(m.kept.iter().map(|c| &c.field).collect::<Vec<_>>(), [&value("subtitle")]);
    assert_eq!(
        m.taken,
        [Change {
            entity: Entity { kind: Kind::Measure, id: measure(&base, "2-1") },
            field: value("title"),
            kind: ChangeKind::Changed
        }]
    );
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let base = town();
    let mut ours = base.clone();
    ours.measure_mut(&measure(&base, "1-3")).unwrap().priority = true;
    ours.title = "第2期北斗市総合戦略".into();
    let theirs = ours.clone();
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.strategy(), ours);
}

#[test]
fn different_changes_are_one_conflict_each_with_where_and_both_values() {
    let base = town();
    let movers = indicator_id(&base, "転入者数");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let target = |value| Some(Target::Value { value, year: Some(year(2024)) });
    ours.indicator_mut(&movers).unwrap().series[0].target = target(1450.0);
    theirs.indicator_mut(&movers).unwrap().series[0].target = target(1500.0);
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::BothChanged);
    assert_eq!(c.field, value("target"));
    assert_eq!(c.entity, Entity { kind: Kind::Series, id: base.indicator(&movers).unwrap().series[0].id.clone() });
    let json = |v: f64| Version::Value(serde_json::json!({"kind": "value", "value": v, "year": 2024}));
    assert_eq!((&c.base, &c.ours, &c.theirs), (&json(1400.0), &json(1450.0), &json(1500.0)));
    // 基本目標 2 ＞ 施策 2-1 ＞ KPI 「転入者数」 (its one series has no label).
    let path: Vec<_> = c.path.iter().map(|p| (p.entity.kind, p.number.as_str(), p.title.as_str())).collect();
    assert_eq!(
        path,
        [
            (Kind::Goal, "2", "地方とのつながりを築き、地方への新しいひとの流れをつくる"),
            (Kind::Measure, "2-1", "移住・定住の促進"),
            (Kind::Indicator, "2-1", "転入者数"),
            (Kind::Series, "", ""),
        ]
    );
    assert_eq!(c.path[0].goal_kind, Some(GoalKind::Basic));
    let target_of = |s: &Strategy| s.indicator(&movers).unwrap().series[0].target.clone();
    assert_eq!(target_of(&m.strategy()), target(1450.0), "undecided: this computer's");
    assert_eq!(target_of(&m.resolve(&[Side::Theirs]).unwrap()), target(1500.0));
    assert_eq!(target_of(&m.resolve(&[Side::Ours]).unwrap()), target(1450.0));
}

#[test]
fn additions_on_both_sides_are_all_kept() {
    let base = town();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let goal3 = base.goals[2].id.clone();
    let added_measure = ours.add_measure(&goal3).unwrap();
    ours.measure_mut(&added_measure).unwrap().title = "結婚・出産・子育て支援".into();
    let m21 = measure(&base, "2-1");
    let added_project = theirs.add_initiative(&m21).unwrap();
    theirs.initiative_mut(&added_project).unwrap().title = "お試し移住住宅".into();
    let added_kpi = theirs.add_indicator_for(&m21);
    theirs.indicator_mut(&added_kpi).unwrap().name = "移住相談件数".into();
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty());
    let s = &m.strategy();
    assert_eq!(s.goals[2].measures[0].title, "結婚・出産・子育て支援");
    let m21 = s.measures().find(|(_, m)| m.id == m21).unwrap().1;
    assert_eq!(m21.initiatives.last().unwrap().title, "お試し移住住宅");
    assert_eq!(m21.kpis.last(), Some(&added_kpi));
    assert_eq!(s.indicators.last().unwrap().name, "移住相談件数");
    assert_eq!(m.kept.len(), 1);
    assert!(m.kept.iter().chain(&m.taken).all(|c| c.kind == ChangeKind::Added));
    // Each side's own additions, the KPI reference and the indicator counted apart.
    assert_eq!(m.taken.len(), 3, "{:?}", m.taken);
}

#[test]
fn a_removal_of_something_unchanged_is_applied() {
    let base = town();
    let mut theirs = base.clone();
    let startup = initiative(&base, "創業支援補助金");
    assert!(theirs.remove_initiative(&startup), "also drops its re-listing under 2-2");
    let mut ours = base.clone();
    ours.measure_mut(&measure(&base, "1-2")).unwrap().summary = "六次産業化を進める".into();
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty());
    assert!(m.strategy().initiative(&startup).is_none());
    assert!(m.strategy().goals[1].measures[1].relisted.is_empty());
    assert_eq!(m.strategy().goals[0].measures[1].summary, "六次産業化を進める");
    assert_eq!(
        m.taken,
        [Change {
            entity: Entity { kind: Kind::Initiative, id: startup },
            field: Field::Whole,
            kind: ChangeKind::Removed
        }]
    );
}

#[test]
fn removed_here_and_edited_in_the_file_is_a_conflict() {
    let RemovedHere { base, m21, counter, ours, mut theirs } = measure_21_removed_here();
    theirs.initiative_mut(&counter).unwrap().years[0].settled = Some(495);
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::RemovedEdited { removed_by: Side::Ours });
    assert_eq!((&c.entity, &c.field), (&Entity { kind: Kind::Measure, id: m21.clone() }, &Field::Whole));
    assert_eq!((&c.base, &c.ours), (&Version::Present, &Version::Absent));
    assert_eq!(
        c.theirs,
        Version::Edited(vec![Change {
            entity: Entity { kind: Kind::Initiative, id: counter.clone() },
            field: Field::Entry { list: "years", key: EntryKey::Year(year(2023)), field: Some("settled".into()) },
            kind: ChangeKind::Changed,
        }])
    );
    let removed = m.resolve(&[Side::Ours]).unwrap();
    assert!(removed.measures().all(|(_, m)| m.id != m21) && removed.initiative(&counter).is_none());
    let kept = m.resolve(&[Side::Theirs]).unwrap();
    let y2023 = kept.initiative(&counter).unwrap().year(year(2023)).unwrap();
    assert_eq!(y2023.settled, Some(495));
    assert_eq!(kept.goals[1].measures[0].id, m21, "back where it was");
    assert_eq!(kept.goals[1].measures[0].evaluations, base.goals[1].measures[0].evaluations);
}

#[test]
fn something_added_under_what_the_other_side_removed_is_a_conflict() {
    let base = town();
    let m13 = measure(&base, "1-3");
    let mut ours = base.clone();
    let added = ours.add_initiative(&m13).unwrap();
    ours.initiative_mut(&added).unwrap().title = "きじひき高原活用事業".into();
    let mut theirs = base.clone();
    assert!(theirs.remove_measure(&m13));
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::RemovedEdited { removed_by: Side::Theirs });
    assert_eq!(c.entity.id, m13);
    let Version::Edited(edits) = &c.ours else { panic!("{:?}", c.ours) };
    assert_eq!(
        edits.iter().map(|e| (e.entity.kind, e.kind)).collect::<Vec<_>>(),
        [(Kind::Initiative, ChangeKind::Added)]
    );
    assert!(m.strategy().initiative(&added).is_some(), "undecided: this computer's");
    let removed = m.resolve(&[Side::Theirs]).unwrap();
    assert!(removed.initiative(&added).is_none() && removed.measures().all(|(_, m)| m.id != m13));
}

#[test]
fn yearly_values_merge_cell_by_cell() {
    let base = town();
    let movers = indicator_id(&base, "転入者数");
    let health = indicator_id(&base, "65歳健康寿命");
    let company = initiative(&base, "企業誘致活動の推進");
    let m21 = measure(&base, "2-1");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    // 実績: here 令和4年度, there 令和5年度; both 令和6年度, differently.
    ours.indicator_mut(&movers).unwrap().series[0].set_actual(year(2022), Some(1275.0));
    theirs.indicator_mut(&movers).unwrap().series[0].set_actual(year(2023), Some(1290.0));
    ours.indicator_mut(&movers).unwrap().series[0].set_actual(year(2024), Some(1301.0));
    theirs.indicator_mut(&movers).unwrap().series[0].set_actual(year(2024), Some(1310.0));
    // 男性 here, 女性 there.
    ours.indicator_mut(&health).unwrap().series[0].set_actual(year(2022), Some(17.8));
    theirs.indicator_mut(&health).unwrap().series[1].set_actual(year(2022), Some(20.9));
    // 令和6年度: 予算額 here, 決算額 there, one row.
    ours.initiative_mut(&company).unwrap().years[1].budget = Some(1350);
    theirs.initiative_mut(&company).unwrap().years[1].settled = Some(1288);
    // 施策評価: 令和5年度 edited here, 令和6年度 added there.
    ours.measure_mut(&m21).unwrap().evaluations[0].issues = "受入住宅の不足".into();
    theirs.measure_mut(&m21).unwrap().evaluations.push(evaluation(2024, "A", "移住相談 63 件"));
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.field, Field::Entry { list: "actuals", key: EntryKey::Year(year(2024)), field: Some("value".into()) });
    assert_eq!(
        (&c.base, &c.ours, &c.theirs),
        (&Version::Absent, &Version::Value(1301.0.into()), &Version::Value(1310.0.into()))
    );
    let s = m.resolve(&[Side::Theirs]).unwrap();
    let actuals: Vec<(i32, f64)> =
        s.indicator(&movers).unwrap().series[0].actuals.iter().map(|a| (a.year.0, a.value)).collect();
    assert_eq!(actuals, [(2020, 1210.0), (2021, 1250.0), (2022, 1275.0), (2023, 1290.0), (2024, 1310.0)]);
    let health = s.indicator(&health).unwrap();
    assert_eq!(health.series[0].actual(year(2022)).map(|a| a.value), Some(17.8));
    assert_eq!(health.series[1].actual(year(2022)).map(|a| a.value), Some(20.9));
    let y2024 = s.initiative(&company).unwrap().year(year(2024)).unwrap();
    assert_eq!((y2024.budget, y2024.settled), (Some(1350), Some(1288)));
    let m21 = s.measures().find(|(_, m)| m.id == m21).unwrap().1;
    assert_eq!(m21.evaluation(year(2023), EvaluationStage::First).unwrap().issues, "受入住宅の不足");
    assert_eq!(m21.evaluation(year(2024), EvaluationStage::First).unwrap().rating.as_deref(), Some("A"));
}

#[test]
fn moves_under_one_parent_are_combined_or_the_files_order_wins() {
    let base = town();
    let goal1 = base.goals[0].id.clone();
    let numbers = |s: &Strategy| s.goals[0].measures.iter().map(|m| m.number.clone()).collect::<Vec<_>>();
    // Here 1-3 goes first; there 基本目標 2 goes after 基本目標 3: both kept.
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let m13 = measure(&base, "1-3");
    ours.move_measure(&m13, Direction::Up);
    ours.move_measure(&m13, Direction::Up);
    theirs.move_goal(&base.goals[1].id.clone(), Direction::Down);
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty());
    assert_eq!(numbers(&m.strategy()), ["1-3", "1-1", "1-2"]);
    assert_eq!(m.strategy().goals[2].id, base.goals[1].id);
    // Here 1-1 goes after 1-2, there 1-3 before 1-2: 1-2 < 1-1, 1-3 < 1-2, 1-1 < 1-3 cross.
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.move_measure(&measure(&base, "1-1"), Direction::Down);
    theirs.move_measure(&m13, Direction::Up);
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "no conflict card for an order");
    assert_eq!(numbers(&m.strategy()), numbers(&theirs), "the file's order");
    assert_eq!(m.strategy().goals[0].id, goal1);
}

#[test]
fn a_move_to_another_parent_is_a_change_of_the_parent() {
    let base = town();
    let startup = initiative(&base, "創業支援補助金");
    let (m12, m21) = (measure(&base, "1-2"), measure(&base, "2-1"));
    let move_to = |s: &mut Strategy, to: &Id| {
        let item = s.initiatives().find(|(_, i)| i.id == startup).map(|(_, i)| i.clone()).unwrap();
        let from = s.initiatives().find(|(_, i)| i.id == startup).map(|(m, _)| m.id.clone()).unwrap();
        s.measure_mut(&from).unwrap().initiatives.retain(|i| i.id != startup);
        s.measure_mut(to).unwrap().initiatives.push(item.into());
    };
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    move_to(&mut theirs, &m21);
    ours.initiative_mut(&startup).unwrap().description = "創業時の経費を補助".into();
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty());
    let result = m.strategy();
    let (owner, moved) = result.initiatives().find(|(_, i)| i.id == startup).unwrap();
    assert_eq!((&owner.id, moved.description.as_str()), (&m21, "創業時の経費を補助"));
    assert_eq!(m.taken.iter().map(|c| &c.field).collect::<Vec<_>>(), [&Field::Parent]);
    // Both moved it, to different measures: a conflict on its parent.
    let mut ours = base.clone();
    move_to(&mut ours, &m12);
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!((c.kind, &c.field), (ConflictKind::BothChanged, &Field::Parent));
    assert_eq!((&c.ours, &c.theirs), (&Version::Value(m12.0.clone().into()), &Version::Value(m21.0.clone().into())));
    let owner = |s: &Strategy| s.initiatives().find(|(_, i)| i.id == startup).map(|(m, _)| m.id.clone()).unwrap();
    assert_eq!(owner(&m.resolve(&[Side::Ours]).unwrap()), m12);
    assert_eq!(owner(&m.resolve(&[Side::Theirs]).unwrap()), m21);
}

#[test]
fn a_reference_to_an_indicator_removed_on_the_other_side_is_a_conflict() {
    let base = town();
    let jobs = indicator_id(&base, "新規就業者数");
    let m21 = measure(&base, "2-1");
    let mut ours = base.clone();
    assert!(ours.remove_indicator(&jobs), "also drops 1-1's KPI and 基本目標 1's 数値目標");
    let mut theirs = base.clone();
    theirs.measure_mut(&m21).unwrap().kpis.push(jobs.clone());
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::Dangling { removed_by: Side::Ours });
    assert_eq!(c.entity, Entity { kind: Kind::Indicator, id: jobs.clone() });
    assert_eq!(
        c.theirs,
        Version::Edited(vec![Change {
            entity: Entity { kind: Kind::Measure, id: m21.clone() },
            field: Field::Entry { list: "kpis", key: EntryKey::Id(jobs.clone()), field: None },
            kind: ChangeKind::Added,
        }])
    );
    let kpis = |s: &Strategy| s.measures().find(|(_, m)| m.id == m21).unwrap().1.kpis.clone();
    let removed = m.resolve(&[Side::Ours]).unwrap();
    assert!(removed.indicator(&jobs).is_none());
    assert!(!kpis(&removed).contains(&jobs), "never a dangling reference");
    let kept = m.resolve(&[Side::Theirs]).unwrap();
    assert!(kept.indicator(&jobs).is_some());
    assert!(kpis(&kept).contains(&jobs));
}

#[test]
fn votes_add_up_both_sides_increments() {
    let base = town();
    let note = base.workshops[0].notes[0].id.clone();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.vote(&note);
    ours.vote(&note);
    theirs.vote(&note);
    let session = theirs.workshops[0].id.clone();
    let idea = theirs.add_note(&session, NoteTarget::Measure(measure(&base, "2-1")), "移住者の交流会").unwrap();
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty());
    let notes = &m.strategy().workshops[0].notes;
    assert_eq!(notes[0].votes, 3 + 2 + 1);
    assert_eq!(notes[1].id, idea);
}

#[test]
fn resolve_needs_one_choice_per_conflict() {
    let base = town();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.title = "第2期北斗市総合戦略（改訂版）".into();
    theirs.title = "第2期北斗市総合戦略（案）".into();
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].path, []);
    assert_eq!(m.conflicts[0].entity.kind, Kind::Strategy);
    assert_eq!(m.resolve(&[]), Err(ResolveError::Choices { conflicts: 1, choices: 0 }));
    assert_eq!(m.resolve(&[Side::Theirs]).unwrap().title, "第2期北斗市総合戦略（案）");
}

/// 北斗市's evaluation sheets (the example), edited on two laptops: here the planning section
/// rates 主要施策 1 and changes a plan; there the welfare section types settled costs and
/// results; both change one project's 令和6年度 budget.
#[test]
fn hokuto_sheets_edited_on_both_laptops() {
    let base = crate::examples::by_key("hokuto").unwrap().load().unwrap();
    let membership = base.measures().find(|(_, m)| m.title == "町内会等への加入促進").unwrap().1.id.clone();
    let grant = initiative(&base, "町会連合会補助金");
    let hall = initiative(&base, "町内会館整備事業");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let rated = ours.measure_mut(&membership).unwrap();
    rated.evaluations[0].rating = Some("B".into());
    rated.evaluations[0].improvements = "ＳＮＳでの発信を強化する".into();
    ours.initiative_mut(&hall).unwrap().years[1].plan = "会館改修事業（エアコン設置）への補助".into();
    ours.initiative_mut(&grant).unwrap().years[1].budget = Some(2_400);
    theirs.initiative_mut(&grant).unwrap().years[0].settled = Some(320);
    theirs.initiative_mut(&grant).unwrap().years[1].result = "パークゴルフ親睦大会を支援".into();
    theirs.initiative_mut(&grant).unwrap().years[1].budget = Some(2_500);
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(
        m.conflicts[0].field,
        Field::Entry { list: "years", key: EntryKey::Year(year(2024)), field: Some("budget".into()) }
    );
    let path: Vec<&str> = m.conflicts[0].path.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(path, ["4", "1", ""], "基本目標 4 ＞ 主要施策 1 ＞ 町会連合会補助金");
    assert_eq!((m.kept.len(), m.taken.len()), (3, 2));
    let s = m.resolve(&[Side::Ours]).unwrap();
    let evaluation = s.measures().find(|(_, m)| m.id == membership).unwrap().1.evaluations[0].clone();
    assert_eq!(evaluation.rating.as_deref(), Some("B"));
    let grant = s.initiative(&grant).unwrap();
    assert_eq!((grant.years[0].settled, grant.years[1].budget), (Some(320), Some(2_400)));
    assert_eq!(grant.years[1].result, "パークゴルフ親睦大会を支援");
    assert_eq!(
        s.measure_totals(s.measures().find(|(_, m)| m.id == membership).unwrap().1, year(2023)).settled,
        Some(320)
    );
}

/// The card of a removal against an edit says what the editing side did — renamed
/// it, added a KPI, changed a year's settled cost of an initiative under it, added an
/// initiative — each once, additions counted (not 「編集あり（4か所）」).
#[test]
fn what_the_editing_side_did_to_a_removed_item_is_summed_up() {
    use super::edited::{summary, Edit};
    let RemovedHere { base, m21, counter, ours, mut theirs } = measure_21_removed_here();
    theirs.measure_mut(&m21).unwrap().title = "移住・定住の促進と受入体制の充実".into();
    let kpi = Indicator::new("", "移住相談件数", "件");
    let kpi_id = kpi.id.clone();
    theirs.indicators.push(std::sync::Arc::new(kpi));
    theirs.measure_mut(&m21).unwrap().kpis.push(kpi_id.clone());
    theirs.initiative_mut(&counter).unwrap().years[0].settled = Some(495);
    let added = theirs.add_initiative(&m21).unwrap();
    theirs.initiative_mut(&added).unwrap().title = "お試し移住事業".into();
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    let Version::Edited(changes) = &c.theirs else { panic!("{:?}", c.theirs) };
    let measure_21 = Entity { kind: Kind::Measure, id: m21.clone() };
    let edits = summary(changes);
    assert_eq!(edits.len(), 4, "{edits:?}");
    assert!(edits.contains(&Edit::Changed { entity: measure_21.clone(), field: value("title") }));
    assert!(edits.contains(&Edit::AddedEntries { entity: measure_21, list: "kpis", count: 1 }));
    assert!(edits.contains(&Edit::Changed {
        entity: Entity { kind: Kind::Initiative, id: counter },
        field: Field::Entry { list: "years", key: EntryKey::Year(year(2023)), field: Some("settled".into()) },
    }));
    assert!(edits.contains(&Edit::Added { kind: Kind::Initiative, count: 1 }));
    // Two more initiatives: one line, counted.
    let mut more = theirs.clone();
    more.add_initiative(&m21).unwrap();
    more.add_initiative(&m21).unwrap();
    let m = merged(&base, &ours, &more);
    let Version::Edited(changes) = &m.conflicts[0].theirs else { panic!() };
    assert!(summary(changes).contains(&Edit::Added { kind: Kind::Initiative, count: 3 }));
}

/// A grant recorded on one machine comes through a merge with the other's edit of the
/// same project; its yearly amount merges with the year's row, cell by cell.
#[test]
fn a_grant_edit_merges_with_the_other_sides_edit() {
    let base = town();
    let id = base.initiatives().next().map(|(_, i)| i.id.clone()).unwrap();
    let kpi = base.indicators[0].id.clone();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.initiative_mut(&id).unwrap().edit_grant(|g| {
        g.programme = Some(GrantProgramme::DigitalGardenCity);
        g.digital_type = Some(DigitalType::Promotion);
        g.regional_plan = "移住促進計画".into();
        g.set_target(&kpi, FiscalYear(2023), Some(120.0));
        g.edit_review(FiscalYear(2023), |r| {
            r.effect = Some(GrantEffect::Effective);
            r.policy = Some(GrantPolicy::Continue);
            r.experts = "継続が妥当".into();
        });
    });
    ours.initiative_mut(&id).unwrap().edit_year(FiscalYear(2023), |y| y.grant = Some(500));
    theirs.initiative_mut(&id).unwrap().title = "移住促進事業（改）".into();
    theirs.initiative_mut(&id).unwrap().edit_year(FiscalYear(2023), |y| y.budget = Some(1_000));
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let s = m.strategy();
    let i = s.initiative(&id).unwrap();
    assert_eq!(i.title, "移住促進事業（改）");
    assert_eq!(i.grant, ours.initiative(&id).unwrap().grant, "the whole grant as recorded");
    let y = i.year(FiscalYear(2023)).unwrap();
    assert_eq!((y.grant, y.budget), (Some(500), Some(1_000)));

    // Both sides change the grant: one conflict, the grant as a whole on each side.
    let mut other = base.clone();
    other.initiative_mut(&id).unwrap().edit_grant(|g| g.programme = Some(GrantProgramme::Promotion));
    let m = merge(&base, &ours, &other);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(
        m.resolve_all(Side::Theirs).unwrap().initiative(&id).unwrap().grant,
        other.initiative(&id).unwrap().grant
    );
}

/// A series' running totals (累計値) and its month-only as-of point are series fields like any
/// other: one side's is taken, both sides' different choices are a conflict on that field.
#[test]
fn running_totals_and_a_month_basis_merge_as_series_fields() {
    let base = town();
    let movers = indicator_id(&base, "転入者数");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.indicator_mut(&movers).unwrap().series[0].running_totals = true;
    theirs.indicator_mut(&movers).unwrap().series[0].year_basis = YearBasis::AsOfMonth { month: 3, end: true };
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let x = &m.strategy().indicator(&movers).unwrap().series[0].clone();
    assert!(x.running_totals);
    assert_eq!(x.year_basis, YearBasis::AsOfMonth { month: 3, end: true });

    // Both sides change the basis differently: one conflict on 値の時点.
    let mut theirs2 = base.clone();
    theirs2.indicator_mut(&movers).unwrap().series[0].year_basis = YearBasis::AsOfMonth { month: 6, end: false };
    let mut ours2 = ours.clone();
    ours2.indicator_mut(&movers).unwrap().series[0].year_basis = YearBasis::AsOfMonth { month: 3, end: true };
    let m = merged(&base, &ours2, &theirs2);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].field, value("year_basis"));
    let s = m.resolve(&[Side::Theirs]).unwrap();
    let x = &s.indicator(&movers).unwrap().series[0];
    assert!(x.running_totals, "ours' running totals are kept");
    assert_eq!(x.year_basis, YearBasis::AsOfMonth { month: 6, end: false });
}

/// Sections (担当課): the list merges by id; a measure's section is a value of the measure; a
/// section one side removed while the other gave it a project is a conflict, never a dangling
/// reference.
#[test]
fn sections_merge_by_id_and_a_removed_one_still_named_is_a_conflict() {
    let mut base = town();
    let planning = base.add_department("企画課");
    let m11 = measure(&base, "1-1");
    let mut ours = base.clone();
    let tourism = ours.add_department("商工観光課");
    ours.measure_mut(&m11).unwrap().department = Some(tourism.clone());
    let mut theirs = base.clone();
    let child = theirs.add_department("子育て支援課");
    theirs.departments[0].name = "企画政策課".into();
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let s = m.strategy();
    let mut names: Vec<&str> = s.departments.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names[0], "企画政策課", "renamed in the file, kept first");
    names.sort_unstable();
    assert_eq!(names, ["企画政策課", "商工観光課", "子育て支援課"], "both additions kept");
    assert_eq!(s.measures().find(|(_, x)| x.id == m11).unwrap().1.department.as_ref(), Some(&tourism));
    assert!(s.department(&child).is_some() && s.department(&planning).is_some());

    let mut ours = base.clone();
    assert!(ours.remove_department(&planning));
    let mut theirs = base.clone();
    let project = theirs.initiatives().next().unwrap().1.id.clone();
    theirs.initiative_mut(&project).unwrap().department = Some(planning.clone());
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::Dangling { removed_by: Side::Ours });
    assert_eq!(c.entity, Entity { kind: Kind::Department, id: planning.clone() });
    let removed = m.resolve(&[Side::Ours]).unwrap();
    assert_eq!(removed.initiative(&project).unwrap().department, None, "never a dangling reference");
    let kept = m.resolve(&[Side::Theirs]).unwrap();
    assert_eq!(kept.initiative_department(&project).unwrap().department, &planning);
}

/// Evaluations by stage: the section's 一次評価 on one laptop and the planning section's 二次評価
/// of the same year on the other are two rows, both kept; the same stage rated differently is
/// one conflict that names the year and the stage.
#[test]
fn each_stage_of_a_years_evaluation_merges_apart() {
    let base = town();
    let m21 = measure(&base, "2-1");
    let y = year(2023);
    let mut ours = base.clone();
    ours.measure_mut(&m21).unwrap().edit_evaluation(y, EvaluationStage::First, |e| e.issues = "受入住宅の不足".into());
    let mut theirs = base.clone();
    theirs.measure_mut(&m21).unwrap().edit_evaluation(y, EvaluationStage::Second, |e| {
        e.rating = Some("A".into());
        e.by = "推進本部".into();
    });
    let m = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let s = m.strategy();
    let got = s.measures().find(|(_, x)| x.id == m21).unwrap().1;
    assert_eq!(got.evaluation(y, EvaluationStage::First).unwrap().issues, "受入住宅の不足");
    assert_eq!(got.evaluation(y, EvaluationStage::Second).unwrap().by, "推進本部");
    assert_eq!(got.rating(y), Some("A"));

    let mut ours = theirs.clone();
    ours.measure_mut(&m21).unwrap().edit_evaluation(y, EvaluationStage::Second, |e| e.rating = Some("B".into()));
    let mut again = theirs.clone();
    again.measure_mut(&m21).unwrap().edit_evaluation(y, EvaluationStage::Second, |e| e.rating = Some("C".into()));
    let m = merged(&theirs, &ours, &again);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let key = EntryKey::Evaluation(y, EvaluationStage::Second);
    assert_eq!(m.conflicts[0].field, Field::Entry { list: "evaluations", key, field: Some("rating".into()) });
}
