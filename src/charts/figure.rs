//! What every chart builder returns: the chart and its text alternatives.

use crate::locale::{Language, YearStyle};
use charming::Chart;
use serde_json::Value;

/// The user's language and year style, for labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    pub lang: Language,
    pub years: YearStyle,
}

/// The same numbers as the chart, as rows of text cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A chart with its accessible name, summary sentence and table alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub chart: Chart,
    /// Accessible name ("出生数の推移").
    pub name: String,
    /// One sentence generated from the data.
    pub summary: String,
    pub table: Table,
    /// The few ECharts options charming 0.6 cannot express (an `id` on sunburst nodes, axis-label
    /// truncation), deep-merged into the serialized chart by [`Figure::option`]; `Null` for none.
    /// See [`merge`] for the rules.
    pub patch: Value,
}

impl Default for Figure {
    /// An empty figure (nothing to draw).
    fn default() -> Self {
        Figure {
            chart: Chart::new(),
            name: String::new(),
            summary: String::new(),
            table: Table::default(),
            patch: Value::Null,
        }
    }
}

impl Figure {
    /// The ECharts option to hand to `setOption`, with the settings every chart shares
    /// (tooltips as rich text so user text is never HTML, ARIA on). The chart is written as text
    /// and read back as a value, not turned into one by `serde_json::to_value`: charming's
    /// serialisers are then compiled for the text writer only, and the value's reader is the
    /// one the model's unknown fields use already (docs/perf.md, bytes).
    pub fn option(&self) -> Value {
        let text = serde_json::to_string(&self.chart).unwrap_or_default();
        let mut option = serde_json::from_str(&text).unwrap_or(Value::Null);
        merge(&mut option, &self.patch);
        if let Value::Object(map) = &mut option {
            let tooltip = map.entry("tooltip").or_insert_with(|| serde_json::json!({}));
            if let Value::Object(t) = tooltip {
                t.insert("renderMode".into(), Value::String("richText".into()));
            }
            // ECharts writes this description onto the chart element's aria-label: name and summary.
            let description = format!("{}: {}", self.name, self.summary);
            map.insert("aria".into(), serde_json::json!({ "enabled": true, "label": { "description": description } }));
        }
        option
    }
}

/// Deep-merges `patch` into `target`: objects key by key, arrays element by element (a `null`
/// element of a patch array leaves that element unchanged; extra elements are appended), any
/// other patch value replaces the target's. A `null` patch changes nothing.
pub fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (_, Value::Null) => {}
        (Value::Object(t), Value::Object(p)) => {
            for (key, value) in p {
                merge(t.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
        (Value::Array(t), Value::Array(p)) => {
            for (i, value) in p.iter().enumerate() {
                match t.get_mut(i) {
                    Some(slot) => merge(slot, value),
                    None => t.push(value.clone()),
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn patches_merge_objects_and_arrays_by_position() {
        let mut target = json!({"a": 1, "s": [{"x": 1, "d": [{"n": "g"}, {"n": "h"}]}, {"y": 2}], "t": {"k": 1}});
        let patch = json!({"s": [{"d": [null, {"id": "h1"}, {"id": "new"}]}], "t": {"j": [1]}, "a": null, "b": "c"});
        merge(&mut target, &patch);
        assert_eq!(
            target,
            json!({"a": 1, "b": "c", "s": [{"x": 1, "d": [{"n": "g"}, {"n": "h", "id": "h1"}, {"id": "new"}]}, {"y": 2}], "t": {"k": 1, "j": [1]}})
        );
    }

    #[test]
    fn every_option_has_rich_text_tooltips_and_aria() {
        let figure = Figure { name: "出生数の推移".into(), summary: "要約".into(), ..Figure::default() };
        let option = figure.option();
        assert_eq!(option["tooltip"]["renderMode"], "richText");
        assert_eq!(option["aria"]["enabled"], true);
        assert_eq!(option["aria"]["label"]["description"], "出生数の推移: 要約");
    }
}
