//! A birth-rate path as typed and shown: 「2040年 1.8、2050年 2.07」 (full-width digits, 「：」 or
//! 「→」 between year and rate, 「、」 「,」 「;」 or a line between points), each year after the
//! base year and at most 2070, each rate above 0 and below 10.

use crate::model::half_width;
use crate::model::population::{RatePoint, HORIZON};

#[derive(Clone, Debug, PartialEq)]
pub enum PathError {
    /// A point without a year and a rate (the text as typed).
    Unreadable(String),
    /// A year not after the base year or past 2070.
    YearOutside { year: u16, base_year: u16 },
    /// A rate not above 0 or not below 10.
    RateOutside(f64),
}

/// The points typed, in year order (empty for an empty text).
pub fn read_path(text: &str, base_year: u16) -> Result<Vec<RatePoint>, PathError> {
    let mut points = Vec::new();
    for item in text.split(['、', ',', ';', '\n', '/', '，', '；']).map(str::trim).filter(|t| !t.is_empty()) {
        let point = read_point(item).ok_or_else(|| PathError::Unreadable(item.to_owned()))?;
        if point.year <= base_year || point.year > HORIZON {
            return Err(PathError::YearOutside { year: point.year, base_year });
        }
        if !(point.rate > 0.0 && point.rate < 10.0) {
            return Err(PathError::RateOutside(point.rate));
        }
        points.push(point);
    }
    points.sort_by_key(|p| p.year);
    points.dedup_by_key(|p| p.year);
    Ok(points)
}

/// 「2040年 1.8」, 「2040:1.8」, 「2040→1.8」 (`half_width` drops spaces, so it reads each part).
fn read_point(item: &str) -> Option<RatePoint> {
    let split = item.find(|c: char| c.is_whitespace() || matches!(c, '年' | ':' | '：' | '→' | '='))?;
    let year = half_width(&item[..split]);
    let year = year.parse::<u16>().ok().filter(|_| year.len() == 4)?;
    let rest =
        item[split..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '年' | ':' | '：' | '→' | '='));
    let rate: f64 = half_width(rest).parse().ok().filter(|r: &f64| r.is_finite())?;
    Some(RatePoint { year, rate })
}

/// The path as the field shows it: 「2040年 1.8、2050年 2.07」.
pub fn write_path(path: &[RatePoint]) -> String {
    let rate = |r: f64| if ((r * 10.0).round() - r * 10.0).abs() < 1e-9 { format!("{r:.1}") } else { format!("{r}") };
    path.iter().map(|p| format!("{}年 {}", p.year, rate(p.rate))).collect::<Vec<_>>().join("、")
}
