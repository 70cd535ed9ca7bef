//! [`View`] for the strategy itself: the objects it merges field by field (`municipality`,
//! `national_framework`, `publication`) are seen as dotted fields ("municipality.name"), and its
//! lists include the ones inside them ("national_framework.goals", "publication.hidden"), and
//! the 地方人口ビジョン as a list of none or one (`vision_view`).

use super::view::{collect, json_of, node, same_type, View, Viewed};
use crate::model::merge::findings::EntryKey;
use crate::model::population::PopulationVision;
use crate::model::{NationalFramework, Publication, Strategy};
use serde_json::{Map, Value};
use std::any::Any;
use std::sync::Arc;

/// Its plain fields, by their names in the file.
const NAMES: [&str; 16] = [
    "id",
    "title",
    "municipality.name",
    "municipality.code",
    "period",
    "period_changes",
    "stage",
    "national_framework.key",
    "national_framework.name",
    "framework_changes",
    "rating_rule",
    "publication.address",
    "publication.header",
    "publication.footer",
    "publication.site_url",
    "publication.licence",
];

/// The objects whose fields are seen one by one.
const OBJECTS: [&str; 3] = ["municipality", "national_framework", "publication"];

/// Does `$body` with `$f` bound to field `name` of `$s` and of `$o`, or gives `$none`.
macro_rules! field {
    ($name:expr, $s:ident, $o:ident, |$a:ident, $b:ident| $body:expr, $none:expr) => {
        match $name {
            "id" => {
                let ($a, $b) = (&$s.id, &$o.id);
                $body
            }
            "title" => {
                let ($a, $b) = (&$s.title, &$o.title);
                $body
            }
            "municipality.name" => {
                let ($a, $b) = (&$s.municipality.name, &$o.municipality.name);
                $body
            }
            "municipality.code" => {
                let ($a, $b) = (&$s.municipality.code, &$o.municipality.code);
                $body
            }
            "period" => {
                let ($a, $b) = (&$s.period, &$o.period);
                $body
            }
            "period_changes" => {
                let ($a, $b) = (&$s.period_changes, &$o.period_changes);
                $body
            }
            "stage" => {
                let ($a, $b) = (&$s.stage, &$o.stage);
                $body
            }
            "national_framework.key" => {
                let ($a, $b) = (&$s.national_framework.key, &$o.national_framework.key);
                $body
            }
            "national_framework.name" => {
                let ($a, $b) = (&$s.national_framework.name, &$o.national_framework.name);
                $body
            }
            "framework_changes" => {
                let ($a, $b) = (&$s.framework_changes, &$o.framework_changes);
                $body
            }
            "rating_rule" => {
                let ($a, $b) = (&$s.rating_rule, &$o.rating_rule);
                $body
            }
            "publication.address" => {
                let ($a, $b) = (&$s.publication.address, &$o.publication.address);
                $body
            }
            "publication.header" => {
                let ($a, $b) = (&$s.publication.header, &$o.publication.header);
                $body
            }
            "publication.footer" => {
                let ($a, $b) = (&$s.publication.footer, &$o.publication.footer);
                $body
            }
            "publication.site_url" => {
                let ($a, $b) = (&$s.publication.site_url, &$o.publication.site_url);
                $body
            }
            "publication.licence" => {
                let ($a, $b) = (&$s.publication.licence, &$o.publication.licence);
                $body
            }
            _ => $none,
        }
    };
}

/// It without its lists.
fn shallow(s: &Strategy) -> Strategy {
    let Strategy {
        id,
        title,
        municipality,
        period,
        period_changes,
        stage,
        sections: _,
        departments: _,
        national_framework,
        framework_changes,
        schedule: _,
        rating_rule,
        goals: _,
        indicators: _,
        workshops: _,
        publication,
        rounds: _,
        hearings: _,
        opinions: _,
        population: _,
        unknown,
    } = s;
    Strategy {
        id: id.clone(),
        title: title.clone(),
        municipality: municipality.clone(),
        period: *period,
        period_changes: period_changes.clone(),
        stage: *stage,
        sections: Vec::new(),
        departments: Vec::new(),
        national_framework: NationalFramework { goals: Vec::new(), ..plain_framework(national_framework) },
        framework_changes: framework_changes.clone(),
        schedule: Vec::new(),
        rating_rule: rating_rule.clone(),
        goals: Vec::new(),
        indicators: Vec::new(),
        workshops: Vec::new(),
        publication: Arc::new(Publication {
            hidden: Vec::new(),
            highlights: Vec::new(),
            ..plain_publication(publication)
        }),
        rounds: Arc::default(),
        hearings: Arc::default(),
        opinions: Arc::default(),
        population: None,
        unknown: unknown.clone(),
    }
}

fn plain_framework(f: &NationalFramework) -> NationalFramework {
    NationalFramework { key: f.key.clone(), name: f.name.clone(), goals: Vec::new() }
}

fn plain_publication(p: &Publication) -> Publication {
    let Publication { address, header, footer, site_url, licence, hidden: _, highlights: _ } = p;
    Publication {
        address: address.clone(),
        header: header.clone(),
        footer: footer.clone(),
        site_url: site_url.clone(),
        licence: licence.clone(),
        hidden: Vec::new(),
        highlights: Vec::new(),
    }
}

impl View for Strategy {
    fn names(&self) -> Vec<&str> {
        NAMES.iter().copied().chain(self.unknown.keys().map(String::as_str)).collect()
    }

    fn same(&self, other: &dyn View, name: &str) -> bool {
        let Some(o) = same_type::<Strategy>(other) else { return false };
        field!(name, self, o, |a, b| a == b, self.unknown.get(name) == o.unknown.get(name))
    }

    fn same_all(&self, other: &dyn View) -> bool {
        let Some(o) = same_type::<Strategy>(other) else { return false };
        NAMES.iter().all(|n| self.same(other, n)) && self.unknown == o.unknown
    }

    fn copy(&mut self, from: &dyn View, name: &str) {
        let Some(o) = same_type::<Strategy>(from) else { return };
        fn p(s: &mut Strategy) -> &mut Publication {
            Arc::make_mut(&mut s.publication)
        }
        match name {
            "id" => self.id = o.id.clone(),
            "title" => self.title = o.title.clone(),
            "municipality.name" => self.municipality.name = o.municipality.name.clone(),
            "municipality.code" => self.municipality.code = o.municipality.code.clone(),
            "period" => self.period = o.period,
            "period_changes" => self.period_changes = o.period_changes.clone(),
            "stage" => self.stage = o.stage,
            "national_framework.key" => self.national_framework.key = o.national_framework.key.clone(),
            "national_framework.name" => self.national_framework.name = o.national_framework.name.clone(),
            "framework_changes" => self.framework_changes = o.framework_changes.clone(),
            "rating_rule" => self.rating_rule = o.rating_rule.clone(),
            "publication.address" => p(self).address = o.publication.address.clone(),
            "publication.header" => p(self).header = o.publication.header.clone(),
            "publication.footer" => p(self).footer = o.publication.footer.clone(),
            "publication.site_url" => p(self).site_url = o.publication.site_url.clone(),
            "publication.licence" => p(self).licence = o.publication.licence.clone(),
            other => match o.unknown.get(other) {
                Some(v) => {
                    self.unknown.insert(other.to_owned(), v.clone());
                }
                None => {
                    self.unknown.remove(other);
                }
            },
        }
    }

    fn target(&self, _: &str) -> Option<&str> {
        None
    }

    fn clear(&mut self, _: &str) -> bool {
        false
    }

    fn json(&self) -> Map<String, Value> {
        let Value::Object(top) = json_of(&shallow(self)) else { return Map::new() };
        let mut out = Map::new();
        for (name, value) in top {
            match value {
                Value::Object(inner) if OBJECTS.contains(&name.as_str()) => {
                    for (n, v) in inner {
                        if !matches!(v, Value::Array(_)) {
                            out.insert(format!("{name}.{n}"), v);
                        }
                    }
                }
                Value::Array(_) => {}
                value => {
                    out.insert(name, value);
                }
            }
        }
        out
    }

    fn lists(&self) -> Vec<Vec<Viewed>> {
        fn nodes<E: super::view::AsNode>(list: &[E]) -> Vec<Viewed> {
            list.iter().map(node).collect()
        }
        vec![
            nodes(&self.sections),
            nodes(&self.departments),
            nodes(&self.national_framework.goals),
            nodes(&self.schedule),
            nodes(&self.goals),
            nodes(&self.indicators),
            nodes(&self.workshops),
            nodes(&self.rounds),
            nodes(&self.hearings),
            nodes(&self.opinions),
            nodes(&self.publication.hidden),
            nodes(&self.publication.highlights),
            nodes(self.population.as_slice()),
        ]
    }

    fn key_text(&self) -> String {
        String::new()
    }

    fn entry_key(&self) -> EntryKey {
        EntryKey::Value(Value::Null)
    }

    fn build(&self, lists: Vec<Vec<Box<dyn Any>>>) -> Box<dyn Any> {
        let mut l = lists.into_iter();
        let mut s = shallow(self);
        s.sections = collect(l.next());
        s.departments = collect(l.next());
        s.national_framework.goals = collect(l.next());
        s.schedule = collect(l.next());
        s.goals = collect(l.next());
        s.indicators = collect(l.next());
        s.workshops = collect(l.next());
        s.rounds = Arc::new(collect(l.next()));
        s.hearings = Arc::new(collect(l.next()));
        s.opinions = Arc::new(collect(l.next()));
        let publication = Arc::make_mut(&mut s.publication);
        publication.hidden = collect(l.next());
        publication.highlights = collect(l.next());
        s.population = collect::<Arc<PopulationVision>, Vec<_>>(l.next()).into_iter().next();
        Box::new(s)
    }

    fn boxed(&self) -> Box<dyn View> {
        Box::new(shallow(self))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
