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
}

impl Figure {
    /// The ECharts option to hand to `setOption`, with the settings every chart shares
    /// (tooltips as rich text so user text is never HTML, ARIA on).
    pub fn option(&self) -> Value {
        let mut option = serde_json::to_value(&self.chart).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut option {
            let tooltip = map.entry("tooltip").or_insert_with(|| serde_json::json!({}));
            if let Value::Object(t) = tooltip {
                t.insert("renderMode".into(), Value::String("richText".into()));
            }
            map.insert("aria".into(), serde_json::json!({ "enabled": true, "label": { "description": self.summary } }));
        }
        option
    }
}
