use super::*;
use crate::model::{
    Actual, Goal, GoalKind, Indicator, InitiativeKind, InitiativeYear, Measure, PlanPeriod, Series, Strategy,
};

fn fy(y: i32) -> FiscalYear {
    FiscalYear(y)
}

/// The verdict table: each 事業効果 and 今後の方針 in the national form's words, its key, and the
/// words towns write read back.
#[test]
fn the_verdict_table_has_the_national_forms_words() {
    let effects: Vec<(&str, &str)> = GrantEffect::ALL.iter().map(|e| (e.key(), e.japanese())).collect();
    assert_eq!(
        effects,
        [
            ("very_effective", "地方創生に非常に効果的であった"),
            ("considerable", "地方創生に相当程度効果があった"),
            ("effective", "地方創生に効果があった"),
            ("not_effective", "地方創生に効果がなかった"),
        ]
    );
    for e in GrantEffect::ALL {
        assert_eq!(GrantEffect::from_key(e.key()), Some(e));
        assert_eq!(GrantEffect::from_japanese(e.japanese()), Some(e));
        assert_eq!(GrantEffect::from_japanese(&format!("本事業は{}。", e.japanese())), Some(e));
        assert_eq!(serde_json::to_value(e).unwrap(), e.key());
    }
    assert_eq!(GrantEffect::from_japanese("地方創生に非常に効果があった"), Some(GrantEffect::VeryEffective));
    assert_eq!(GrantEffect::from_japanese("本事業は地方創生に対して効果がなかった"), Some(GrantEffect::NotEffective));
    assert_eq!(GrantEffect::from_japanese("概ね順調"), None);

    let policies: Vec<(&str, &str)> = GrantPolicy::ALL.iter().map(|p| (p.key(), p.japanese())).collect();
    assert_eq!(
        policies,
        [
            ("develop", "追加等更に発展させる"),
            ("improve", "事業内容の見直し（改善）"),
            ("continue", "事業の継続"),
            ("stop", "事業の中止"),
            ("end", "事業の終了"),
        ]
    );
    for p in GrantPolicy::ALL {
        assert_eq!(GrantPolicy::from_key(p.key()), Some(p));
        assert_eq!(GrantPolicy::from_japanese(p.japanese()), Some(p));
    }
    for (words, p) in [
        ("継続", GrantPolicy::Continue),
        ("改善", GrantPolicy::Improve),
        ("見直し", GrantPolicy::Improve),
        ("中止", GrantPolicy::Stop),
        ("拡充", GrantPolicy::Develop),
        ("事業・期間の終了", GrantPolicy::End),
    ] {
        assert_eq!(GrantPolicy::from_japanese(words), Some(p), "{words}");
    }
    assert_eq!(GrantPolicy::from_japanese("検討中"), None);
}

#[test]
fn programmes_have_their_official_names_and_keys() {
    for p in GrantProgramme::NAMED {
        assert_eq!(GrantProgramme::from_key(p.key()), Some(p.clone()));
        assert_eq!(serde_json::to_value(&p).unwrap(), p.key());
    }
    assert_eq!(GrantProgramme::NewRegionalEconomy.japanese(), "新しい地方経済・生活環境創生交付金（第2世代交付金）");
    let own = GrantProgramme::Other("北海道地域づくり総合交付金".into());
    assert_eq!(serde_json::to_value(&own).unwrap(), serde_json::json!({"other": "北海道地域づくり総合交付金"}));
    assert_eq!(own.japanese(), "北海道地域づくり総合交付金");
    let g = Grant {
        programme: Some(GrantProgramme::DigitalGardenCity),
        digital_type: Some(DigitalType::Implementation),
        ..Grant::default()
    };
    assert_eq!(g.programme_name().unwrap(), "デジタル田園都市国家構想交付金（デジタル実装タイプ）");
    let types: Vec<&str> = DigitalType::ALL.iter().map(|t| t.japanese()).collect();
    assert_eq!(
        types,
        [
            "デジタル実装タイプ",
            "地方創生推進タイプ",
            "地方創生拠点整備タイプ",
            "地方創生テレワークタイプ",
            "地域産業構造転換インフラ整備推進タイプ"
        ]
    );
}

#[test]
fn an_initiative_without_a_grant_reads_and_writes_as_before() {
    let older = serde_json::json!({
        "id": "initiative-1", "number": "1", "title": "移住支援", "description": "", "kind": "subsidised",
        "is_new": false, "kpis": [],
        "years": [{"fiscal_year": 2023, "budget": 100, "plan": "", "result": ""}]
    });
    let i: Initiative = serde_json::from_value(older.clone()).unwrap();
    assert_eq!((i.grant.as_ref(), i.years[0].grant), (None, None));
    assert!(i.unknown.is_empty());
    assert_eq!(serde_json::to_value(&i).unwrap(), older, "nothing added on writing");
}

#[test]
fn editing_a_grant_creates_it_and_an_emptied_one_is_removed() {
    let mut i = Initiative::new("1", "事業");
    let ind = Id::from("ind-1");
    i.edit_grant(|g| g.set_target(&ind, fy(2024), Some(10.0)));
    i.edit_grant(|g| g.set_target(&ind, fy(2023), Some(8.0)));
    i.edit_grant(|g| g.edit_review(fy(2023), |r| r.effect = Some(GrantEffect::Effective)));
    let g = i.grant.as_ref().unwrap();
    assert_eq!(g.targets.iter().map(|t| t.year.0).collect::<Vec<_>>(), [2023, 2024]);
    assert_eq!(g.target(&ind, fy(2024)), Some(10.0));
    i.edit_grant(|g| g.edit_review(fy(2023), |r| r.effect = None));
    assert!(i.grant.as_ref().unwrap().reviews.is_empty(), "an emptied review is dropped");
    i.edit_grant(|g| {
        g.set_target(&ind, fy(2023), None);
        g.set_target(&ind, fy(2024), None);
    });
    assert_eq!(i.grant, None, "an emptied grant leaves no trace");
}

fn indicator(name: &str, direction: DesiredDirection, actuals: &[(i32, f64)]) -> Indicator {
    let mut i = Indicator::new("", name, "人");
    i.direction = direction;
    i.series[0].actuals = actuals.iter().map(|&(y, v)| Actual::new(fy(y), v)).collect();
    i
}

/// A town with one grant project (2023–2025) of two KPIs and one 単独事業.
fn town() -> (Strategy, Id, Id, Id) {
    let mut s = Strategy::blank("戦略", "しるべ町", PlanPeriod { first: fy(2021), last: fy(2025) });
    let visitors = indicator("観光入込客数", DesiredDirection::Increase, &[(2023, 1920.0), (2024, 2100.0)]);
    let waiting = indicator("相談待ち件数", DesiredDirection::Decrease, &[(2023, 9.0)]);
    let (v, w) = (visitors.id.clone(), waiting.id.clone());
    let mut grant = Initiative::new("1", "おためし移住");
    grant.kind = Some(InitiativeKind::Subsidised);
    grant.kpis = vec![v.clone(), w.clone()];
    grant.years =
        vec![InitiativeYear { grant: Some(5750), ..InitiativeYear::with_amounts(fy(2023), Some(12000), None) }];
    grant.edit_grant(|g| {
        g.programme = Some(GrantProgramme::Promotion);
        g.first_year = Some(fy(2023));
        g.last_year = Some(fy(2025));
        g.set_target(&v, fy(2023), Some(2000.0));
        g.set_target(&w, fy(2023), Some(10.0));
        g.edit_review(fy(2023), |r| {
            r.effect = Some(GrantEffect::Considerable);
            r.policy = Some(GrantPolicy::Improve);
        });
    });
    let own = Initiative::new("2", "単独事業");
    let mut m = Measure::new("1", "施策");
    let id = grant.id.clone();
    m.initiatives = vec![grant.into(), own.into()];
    let mut g = Goal::new(GoalKind::Basic, "1", "目標");
    g.measures.push(m.into());
    s.goals.push(g.into());
    s.indicators = vec![visitors.into(), waiting.into()];
    (s, id, v, w)
}

#[test]
fn the_report_lists_each_grant_project_with_its_kpis_and_review() {
    let (s, id, v, w) = town();
    let report = s.grant_report(fy(2023));
    assert_eq!(report.len(), 1, "the 単独事業 is not a grant project");
    let p = &report[0];
    assert_eq!((&p.initiative.id, p.budget, p.amount), (&id, Some(12000), Some(5750)));
    assert_eq!(p.review.unwrap().effect, Some(GrantEffect::Considerable));
    // 1,920 of 2,000 = 96 %: not reached. A count that should fall: 10 ÷ 9 = 111.1 %, reached.
    assert_eq!(p.kpis[0].indicator.id, v);
    assert_eq!((p.kpis[0].target, p.kpis[0].actual, p.kpis[0].achieved), (Some(2000.0), Some(1920.0), Some(false)));
    assert!((p.kpis[0].achievement.unwrap() - 96.0).abs() < 1e-9);
    assert_eq!(p.kpis[1].indicator.id, w);
    assert_eq!(p.kpis[1].achieved, Some(true));
    assert!((p.kpis[1].achievement.unwrap() - 1000.0 / 9.0).abs() < 1e-9);

    // 2024: in the grant's period, an actual without a target — nothing to compare.
    let later = s.grant_report(fy(2024));
    assert_eq!((later[0].kpis[0].target, later[0].kpis[0].actual), (None, Some(2100.0)));
    assert_eq!((later[0].kpis[0].achievement, later[0].kpis[0].achieved, later[0].review), (None, None, None));
    assert!(s.grant_report(fy(2022)).is_empty(), "before the grant's period");
    assert_eq!(s.default_grant_year(), fy(2023), "the latest year with a review");
    assert_eq!(s.grant_years().first(), Some(&fy(2021)));
}

#[test]
fn achievement_follows_the_desired_direction() {
    assert_eq!(grant_achievement(DesiredDirection::Increase, 200.0, 250.0), (Some(125.0), true));
    assert_eq!(grant_achievement(DesiredDirection::Maintain, 100.0, 90.0), (Some(90.0), false));
    assert_eq!(grant_achievement(DesiredDirection::Decrease, 10.0, 20.0), (Some(50.0), false));
    assert_eq!(grant_achievement(DesiredDirection::Decrease, 0.0, 0.0), (None, true), "0 of 0: reached, no rate");
    assert_eq!(grant_achievement(DesiredDirection::Increase, 0.0, 3.0), (None, true));
}

#[test]
fn a_breakdown_gives_its_total_series_as_the_actual_or_none() {
    let mut i = indicator("転入者数", DesiredDirection::Increase, &[]);
    let mut man = Series::new("男性");
    man.actuals.push(Actual::new(fy(2023), 100.0));
    let mut woman = Series::new("女性");
    woman.actuals.push(Actual::new(fy(2023), 90.0));
    i.series = vec![man, woman];
    assert_eq!(grant_actual(&i, fy(2023)), None, "no total series: the grant's one figure has no actual");
    let mut total = Series::new("計");
    total.actuals.push(Actual::new(fy(2023), 190.0));
    i.series.push(total);
    assert_eq!(grant_actual(&i, fy(2023)), Some(190.0));
}

#[test]
fn a_duplicate_keeps_the_targets_on_the_copied_kpis_and_removing_a_kpi_drops_its_targets() {
    let (s, _, _, _) = town();
    let copy = crate::model::renew_ids(&s);
    let report = copy.grant_report(fy(2023));
    assert_eq!(report[0].kpis[0].target, Some(2000.0), "the target follows the indicator's new id");
    assert_ne!(report[0].kpis[0].indicator.id, s.indicators[0].id);

    let (mut s, id, v, _) = town();
    s.remove_indicator(&v);
    assert_eq!(s.initiative(&id).unwrap().grant.as_ref().unwrap().targets.len(), 1);
}

#[test]
fn the_next_period_keeps_a_running_grant_without_the_old_reviews() {
    use crate::model::NextPeriod;
    let (s, _, v, w) = town();
    let next = NextPeriod {
        title: "第3期".into(),
        period: PlanPeriod { first: fy(2024), last: fy(2028) },
        indicators: vec![v, w],
        frame: None,
    };
    let n = s.next_period(&next);
    let (_, i) = n.initiatives().next().unwrap();
    let g = i.grant.as_ref().expect("the grant runs to 2025");
    assert_eq!(g.programme, Some(GrantProgramme::Promotion));
    assert!(g.reviews.is_empty() && g.targets.is_empty(), "the 2023 targets and review stay with the old period");

    let next = NextPeriod { period: PlanPeriod { first: fy(2026), last: fy(2030) }, ..next };
    let n = s.next_period(&next);
    assert_eq!(n.initiatives().next().unwrap().1.grant, None, "a grant that ended stays behind");
}
