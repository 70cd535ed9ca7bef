//! The initiative form's 交付金 section, shown for a 補助事業 (or an initiative that
//! already names a grant): the programme (with the town's own words for another, and
//! デジタル田園都市国家構想交付金's タイプ), the 地域再生計画, the grant period, then per fiscal year
//! each KPI's target from the grant plan beside the indicator's actual (read here, recorded on
//! the indicator), and the town's 効果検証 of the year: 事業効果, 今後の方針 and its reason,
//! 外部有識者の意見. Every field writes through one undo step (`Initiative::edit_grant`); a
//! grant left with nothing in it is removed. The yearly grant amount is in the year table,
//! beside the budget.

use super::common::year_label;
use crate::locale;
use crate::model::{
    grant_actual, DigitalType, FiscalYear, Grant, GrantEffect, GrantPolicy, GrantProgramme, GrantReview, Id,
    Initiative, InitiativeKind,
};
use crate::ui::kit::bind;
use crate::ui::kit::fields::{NumberField, NumberKind, SelectField, TextField};
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

/// Writes into the initiative's grant, one undo step.
fn write_grant<V: 'static>(id: &Id, f: impl Fn(&mut Grant, V) + Send + Sync + 'static) -> Callback<V> {
    bind::write_initiative(id, move |i: &mut Initiative, v| i.edit_grant(|g| f(g, v)))
}

fn write_review<V: 'static>(
    id: &Id,
    year: FiscalYear,
    f: impl Fn(&mut GrantReview, V) + Send + Sync + 'static,
) -> Callback<V> {
    write_grant(id, move |g, v| g.edit_review(year, |r| f(r, v)))
}

/// Shown for a 補助事業, or when a grant is already recorded.
#[component]
pub fn GrantSection(id: Id) -> impl IntoView {
    let shown = bind::initiative(&id, |i| i.kind == Some(InitiativeKind::Subsidised) || i.grant.is_some());
    move || shown.get().then(|| view! { <GrantBody id=id.clone()/> })
}

#[component]
fn GrantBody(id: Id) -> impl IntoView {
    let state = use_speech();
    let label = move |ja, en| bind::label(state, ja, en);
    let programme = bind::initiative(&id, |i| i.grant.as_ref().and_then(|g| g.programme.clone()));
    let programme_options = Signal::derive(move || {
        let lang = state.lang();
        let mut o = vec![(String::new(), state.tr("未設定", "Not set").to_owned())];
        o.extend(GrantProgramme::NAMED.iter().map(|p| (p.key().to_owned(), locale::grant_programme(p, lang))));
        o.push(("other".to_owned(), state.tr("その他（名称を記入）", "Other (write its name)").to_owned()));
        o
    });
    let type_options = Signal::derive(move || {
        let lang = state.lang();
        let mut o = vec![(String::new(), "—".to_owned())];
        o.extend(
            DigitalType::ALL.iter().map(|t| (t.key().to_owned(), locale::grant_digital_type(*t, lang).to_owned())),
        );
        o
    });
    // The years the period's dropdowns offer: the plan period widened by five years each way,
    // and the years already chosen.
    let period_years = bind::read(|s| {
        let around = (s.period.first.0 - 5..=s.period.last.0 + 5).map(FiscalYear);
        s.period.with(around)
    });
    let year_options = Signal::derive(move || {
        let (lang, style) = (state.lang(), state.year_style());
        let mut o = vec![(String::new(), "—".to_owned())];
        o.extend(period_years.get().into_iter().map(|y| (y.0.to_string(), locale::year(y, lang, style))));
        o
    });
    let first = bind::initiative(&id, |i| {
        i.grant.as_ref().and_then(|g| g.first_year).map(|y| y.0.to_string()).unwrap_or_default()
    });
    let last = bind::initiative(&id, |i| {
        i.grant.as_ref().and_then(|g| g.last_year).map(|y| y.0.to_string()).unwrap_or_default()
    });
    let is_other = move || matches!(programme.get(), Some(GrantProgramme::Other(_)));
    let is_digital = move || programme.get() == Some(GrantProgramme::DigitalGardenCity);
    let own_words = bind::initiative(&id, |i| match i.grant.as_ref().and_then(|g| g.programme.as_ref()) {
        Some(GrantProgramme::Other(w)) => w.clone(),
        _ => String::new(),
    });
    let digital_type = bind::initiative(&id, |i| {
        i.grant.as_ref().and_then(|g| g.digital_type).map(|t| t.key().to_owned()).unwrap_or_default()
    });
    let id_other = id.clone();
    let id_type = id.clone();
    view! {
        <section class="panel grant-section" data-testid="initiative-grant">
            <h2>{state.text("交付金", "Grant")}</h2>
            <p class="hint">{state.text(
                "国の交付金を使う事業は、交付金の種類・地域再生計画・交付対象期間と、年度ごとの KPI の目標値（交付金の実施計画の値）と効果検証を記入します。実績値は指標の実績を表示します（指標の画面で入力します）。",
                "For a project carried out with a national grant: the programme, the regional revitalisation plan, the grant period, and per fiscal year each KPI's target (from the grant plan) and the review. The actual is the indicator's own (entered on the indicator).")}</p>
            <div class="form-grid">
                <SelectField label=label("交付金の種類", "Grant programme") options=programme_options
                    value=Signal::derive(move || programme.get().map(|p| p.key().to_owned()).unwrap_or_default())
                    on_commit=write_grant(&id, |g, v: String| {
                        g.programme = match v.as_str() {
                            "" => None,
                            "other" => Some(GrantProgramme::Other(match g.programme.take() {
                                Some(GrantProgramme::Other(w)) => w,
                                _ => String::new(),
                            })),
                            key => GrantProgramme::from_key(key),
                        };
                        if g.programme != Some(GrantProgramme::DigitalGardenCity) {
                            g.digital_type = None;
                        }
                    })
                    testid="grant-programme"/>
                {move || is_other().then(|| view! {
                    <TextField label=label("交付金の名称", "Name of the grant") value=own_words
                        on_commit=write_grant(&id_other, |g, v: String| g.programme = Some(GrantProgramme::Other(v.trim().to_owned())))
                        testid="grant-programme-other"/>
                })}
                {move || is_digital().then(|| view! {
                    <SelectField label=label("タイプ", "Type") options=type_options value=digital_type
                        on_commit=write_grant(&id_type, |g, v: String| g.digital_type = DigitalType::from_key(&v))
                        testid="grant-digital-type"/>
                })}
                <TextField label=label("地域再生計画の名称", "Regional revitalisation plan")
                    value=bind::initiative(&id, |i| i.grant.as_ref().map(|g| g.regional_plan.clone()).unwrap_or_default())
                    on_commit=write_grant(&id, |g, v: String| g.regional_plan = v.trim().to_owned())
                    testid="grant-regional-plan"/>
                <SelectField label=label("交付対象期間（初年度）", "Grant period: first year") options=year_options value=first
                    on_commit=write_grant(&id, |g, v: String| g.first_year = v.parse().ok().map(FiscalYear))
                    testid="grant-first-year"/>
                <SelectField label=label("交付対象期間（最終年度）", "Grant period: last year") options=year_options value=last
                    on_commit=write_grant(&id, |g, v: String| g.last_year = v.parse().ok().map(FiscalYear))
                    testid="grant-last-year"/>
            </div>
            <GrantYears id=id.clone()/>
        </section>
    }
}

/// The grant's years (its period; the plan period when none is given; and any year with a
/// target or a review): per year each KPI's target and actual, then the 効果検証.
#[component]
fn GrantYears(id: Id) -> impl IntoView {
    let state = use_speech();
    let years = {
        let id = id.clone();
        bind::read(move |s| {
            let Some(g) = s.initiative(&id).and_then(|i| i.grant.as_ref()) else { return Vec::new() };
            match (g.first_year, g.last_year) {
                (Some(_), Some(_)) => {
                    let mut all: Vec<FiscalYear> = g.years().collect();
                    crate::sorting::natural(&mut all);
                    all.dedup();
                    all
                }
                _ => s.period.with(g.years()),
            }
        })
    };
    // The linked KPIs: (id, "code name", unit).
    let kpis = {
        let id = id.clone();
        bind::read(move |s| {
            s.initiative(&id)
                .map(|i| {
                    i.kpis
                        .iter()
                        .filter_map(|k| s.indicator(k))
                        .map(|ind| {
                            (ind.id.clone(), format!("{} {}", ind.code, ind.name).trim().to_owned(), ind.unit.clone())
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let id_rows = id.clone();
    view! {
        <h3>{state.text("年度別の KPI（目標値・実績値）", "KPIs by fiscal year (target, actual)")}</h3>
        {move || kpis.with(|k| k.is_empty()).then(|| view! {
            <p class="hint" data-testid="grant-no-kpis">{state.tr("KPI を結び付けると、ここで年度ごとの目標値を記入できます。", "Link KPIs above to enter their yearly targets here.")}</p>
        })}
        {move || {
            let list = kpis.get();
            (!list.is_empty()).then(|| {
                let id = id.clone();
                let heads = list.iter().map(|(_, name, unit)| {
                    let unit = if unit.is_empty() { String::new() } else { format!("（{unit}）") };
                    view! { <th scope="col">{format!("{name}{unit}")}</th> }
                }).collect_view();
                view! {
                    <div class="table-wrap">
                        <table class="year-table grant-targets" data-testid="grant-targets">
                            <thead><tr>
                                <th scope="col">{state.tr("年度", "Fiscal year")}</th>
                                {heads}
                            </tr></thead>
                            <tbody>
                                <For each=move || years.get() key=|y| *y children={
                                    let id = id.clone();
                                    let list = list.clone();
                                    move |y: FiscalYear| view! { <TargetRow id=id.clone() year=y kpis=list.clone()/> }
                                }/>
                            </tbody>
                        </table>
                    </div>
                }
            })
        }}
        <h3>{state.text("効果検証", "Review (効果検証)")}</h3>
        <div class="table-wrap">
            <table class="year-table grant-reviews" data-testid="grant-reviews">
                <thead><tr>
                    <th scope="col">{state.text("年度", "Fiscal year")}</th>
                    <th scope="col">{state.text("事業効果", "Effect")}</th>
                    <th scope="col">{state.text("外部有識者の意見", "Outside experts' opinion")}</th>
                    <th scope="col">{state.text("今後の方針", "Next steps")}</th>
                    <th scope="col">{state.text("方針の理由など", "Reason")}</th>
                </tr></thead>
                <tbody>
                    <For each=move || years.get() key=|y| *y children={
                        move |y: FiscalYear| view! { <ReviewRow id=id_rows.clone() year=y/> }
                    }/>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn TargetRow(id: Id, year: FiscalYear, kpis: Vec<(Id, String, String)>) -> impl IntoView {
    let state = use_speech();
    let cells = kpis
        .into_iter()
        .map(|(kpi, name, unit)| {
            let target = {
                let kpi = kpi.clone();
                bind::initiative(&id, move |i| i.grant.as_ref().and_then(|g| g.target(&kpi, year)))
            };
            let actual = {
                let kpi = kpi.clone();
                bind::read(move |s| s.indicator(&kpi).and_then(|ind| grant_actual(ind, year)))
            };
            let cell_label = {
                let name = name.clone();
                Signal::derive(move || format!("{} {} {}", year_label(state, year), name, state.tr("目標値", "target")))
            };
            let testid = format!("grant-target-{}-{}", year.0, kpi.as_str());
            let write = {
                let kpi = kpi.clone();
                write_grant(&id, move |g, v: Option<f64>| g.set_target(&kpi, year, v))
            };
            view! {
                <td>
                    <NumberField label=cell_label value=target kind=NumberKind::Decimal unit=unit.clone() on_commit=write testid=testid/>
                    <span class="hint grant-actual" data-testid=format!("grant-actual-{}-{}", year.0, kpi.as_str())>
                        {move || {
                            let shown = actual.get().map(|v| locale::quantity(v, &unit));
                            format!("{}{}", state.tr("実績 ", "Actual "), shown.unwrap_or_else(|| "—".to_owned()))
                        }}
                    </span>
                </td>
            }
        })
        .collect_view();
    view! {
        <tr data-testid=format!("grant-year-{}", year.0)>
            <th scope="row">{move || year_label(state, year)}</th>
            {cells}
        </tr>
    }
}

#[component]
fn ReviewRow(id: Id, year: FiscalYear) -> impl IntoView {
    let state = use_speech();
    let y = year;
    let cell_label = move |ja: &'static str, en: &'static str| {
        Signal::derive(move || format!("{} {}", year_label(state, y), state.tr(ja, en)))
    };
    let review = |f: fn(&GrantReview) -> String| {
        bind::initiative(&id, move |i| i.grant.as_ref().and_then(|g| g.review(y)).map(f).unwrap_or_default())
    };
    let effect_options = Signal::derive(move || {
        let lang = state.lang();
        let mut o = vec![(String::new(), "—".to_owned())];
        o.extend(GrantEffect::ALL.iter().map(|e| (e.key().to_owned(), locale::grant_effect(*e, lang).to_owned())));
        o
    });
    let policy_options = Signal::derive(move || {
        let lang = state.lang();
        let mut o = vec![(String::new(), "—".to_owned())];
        o.extend(GrantPolicy::ALL.iter().map(|p| (p.key().to_owned(), locale::grant_policy(*p, lang).to_owned())));
        o
    });
    view! {
        <tr data-testid=format!("grant-review-{}", y.0)>
            <th scope="row">{move || year_label(state, y)}</th>
            <td>
                <SelectField label=cell_label("事業効果", "effect") options=effect_options
                    value=review(|r| r.effect.map(|e| e.key().to_owned()).unwrap_or_default())
                    on_commit=write_review(&id, y, |r, v: String| r.effect = GrantEffect::from_key(&v))
                    testid=format!("grant-effect-{}", y.0)/>
            </td>
            <td>
                <TextField label=cell_label("外部有識者の意見", "outside experts' opinion") multiline=true
                    value=review(|r| r.experts.clone())
                    on_commit=write_review(&id, y, |r, v: String| r.experts = v.trim().to_owned())
                    testid=format!("grant-experts-{}", y.0)/>
            </td>
            <td>
                <SelectField label=cell_label("今後の方針", "next steps") options=policy_options
                    value=review(|r| r.policy.map(|p| p.key().to_owned()).unwrap_or_default())
                    on_commit=write_review(&id, y, |r, v: String| r.policy = GrantPolicy::from_key(&v))
                    testid=format!("grant-policy-{}", y.0)/>
            </td>
            <td>
                <TextField label=cell_label("方針の理由など", "reason") multiline=true
                    value=review(|r| r.reason.clone())
                    on_commit=write_review(&id, y, |r, v: String| r.reason = v.trim().to_owned())
                    testid=format!("grant-reason-{}", y.0)/>
            </td>
        </tr>
    }
}
