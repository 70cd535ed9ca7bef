//! The 施策体系図 as a drawn figure: the tree 基本目標 → 施策 → 事業 as boxes in three columns with
//! connecting lines, laid out once ([`figures`]) and drawn as SVG ([`svg`], for the public pages
//! and the prints) or as Word shapes (`document::figure`). One figure per goal, and a goal whose
//! measures would not fit on an A4 page continues in another figure (its goal box marked 「（続き）」).
//!
//! Lengths are in points. Text is wrapped here by counting characters (a full-width character
//! one em, a half-width one half) with Japanese line breaking (禁則, `format::line_break`), since
//! SVG does not wrap and Word's boxes must be sized before Word lays their text out.

use crate::model::{Goal, Strategy};
use maud::{html, Markup};

/// The figure's width: A4's text width with 25 mm margins (160 mm).
pub const WIDTH: f64 = 453.0;
/// The tallest figure: about A4's text height under a heading.
pub const MAX_HEIGHT: f64 = 600.0;
/// The boxes' type size.
pub const FONT: f64 = 9.0;
/// A line of text in a box.
pub const LINE: f64 = FONT * 1.35;
/// The space inside a box around its text.
pub const PAD: f64 = 3.0;
const GAP_Y: f64 = 4.0;
const GAP_X: f64 = 16.0;
const COLUMNS: [f64; 3] = [118.0, 150.0, WIDTH - 118.0 - 150.0 - 2.0 * GAP_X];

/// Which column a box is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeColumn {
    Goal,
    Measure,
    Initiative,
}

/// A box: where it is, and its text as wrapped lines.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeBox {
    pub level: TreeColumn,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub lines: Vec<String>,
}

impl TreeBox {
    /// The box's text unwrapped.
    pub fn text(&self) -> String {
        self.lines.concat()
    }
}

/// A straight line, horizontal or vertical.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// One figure: its size, boxes and lines, and what it shows in words (its accessible name and
/// description).
#[derive(Clone, Debug, PartialEq)]
pub struct TreeFigure {
    pub height: f64,
    pub nodes: Vec<TreeBox>,
    pub segments: Vec<Segment>,
    pub title: String,
    pub description: String,
}

/// `text` broken into lines of at most `width` points of [`FONT`], by the rules of Japanese line
/// breaking (`format::line_break`), which the Word shapes, the print and the public page share.
pub fn wrap(text: &str, width: f64) -> Vec<String> {
    super::line_break::break_lines(text, (width - 2.0 * PAD) / FONT)
}

fn height(lines: usize) -> f64 {
    lines as f64 * LINE + 2.0 * PAD
}

fn joined(number: &str, title: &str) -> String {
    format!("{}　{}", number.trim(), title.trim()).trim_matches('　').to_owned()
}

/// A measure with its initiatives' texts: the rows it takes.
struct Branch {
    measure: Vec<String>,
    initiatives: Vec<Vec<String>>,
}

impl Branch {
    fn height(&self) -> f64 {
        let leaves: f64 = self.initiatives.iter().map(|l| height(l.len()) + GAP_Y).sum::<f64>() - GAP_Y;
        height(self.measure.len()).max(leaves)
    }
}

/// The figures of the strategy's tree, goal by goal.
pub fn figures(s: &Strategy) -> Vec<TreeFigure> {
    s.goals.iter().flat_map(|g| goal_figures(g)).collect()
}

fn goal_figures(g: &Goal) -> Vec<TreeFigure> {
    let branches: Vec<Branch> = g
        .measures
        .iter()
        .map(|m| Branch {
            measure: wrap(&joined(&m.number, &m.title), COLUMNS[1]),
            initiatives: m.initiatives.iter().map(|i| wrap(&joined(&i.number, &i.title), COLUMNS[2])).collect(),
        })
        .collect();
    let name = format!("{}{}　{}", g.kind.japanese(), g.number.trim(), g.title.trim());
    // Measures in runs that fit MAX_HEIGHT (a run holds one measure at least).
    let mut runs: Vec<Vec<&Branch>> = vec![Vec::new()];
    let mut used = 0.0;
    for b in &branches {
        let h = b.height() + GAP_Y * 2.0;
        let run = runs.last_mut().expect("one run");
        if !run.is_empty() && used + h > MAX_HEIGHT {
            runs.push(Vec::new());
            used = 0.0;
        }
        runs.last_mut().expect("one run").push(b);
        used += h;
    }
    let count = runs.len();
    runs.into_iter().enumerate().map(|(k, run)| figure(&name, k > 0, k + 1, count, &run)).collect()
}

/// One figure of a goal: the goal's box in the middle of its measures', lines from it to each.
fn figure(name: &str, continued: bool, part: usize, parts: usize, run: &[&Branch]) -> TreeFigure {
    let x = [0.0, COLUMNS[0] + GAP_X, COLUMNS[0] + COLUMNS[1] + 2.0 * GAP_X];
    let mut nodes = Vec::new();
    let mut segments = Vec::new();
    let mut y = 0.0;
    let mut measure_mids = Vec::new();
    let mut words = Vec::new();
    for b in run {
        let block = b.height();
        let mh = height(b.measure.len());
        let my = y + (block - mh) / 2.0;
        nodes.push(TreeBox {
            level: TreeColumn::Measure,
            x: x[1],
            y: my,
            width: COLUMNS[1],
            height: mh,
            lines: b.measure.clone(),
        });
        measure_mids.push(my + mh / 2.0);
        let mut iy = y + (block - (b.initiatives.iter().map(|l| height(l.len()) + GAP_Y).sum::<f64>() - GAP_Y)) / 2.0;
        let mut mids = Vec::new();
        for lines in &b.initiatives {
            let h = height(lines.len());
            nodes.push(TreeBox {
                level: TreeColumn::Initiative,
                x: x[2],
                y: iy,
                width: COLUMNS[2],
                height: h,
                lines: lines.clone(),
            });
            mids.push(iy + h / 2.0);
            iy += h + GAP_Y;
        }
        fork(&mut segments, x[1] + COLUMNS[1], my + mh / 2.0, x[2], &mids);
        let leaves: Vec<String> = b.initiatives.iter().map(|l| l.concat()).collect();
        words.push(match leaves.is_empty() {
            true => b.measure.concat(),
            false => format!("{}（{}）", b.measure.concat(), leaves.join("、")),
        });
        y += block + GAP_Y * 2.0;
    }
    let total = (y - GAP_Y * 2.0).max(0.0);
    let label = if continued { format!("{name}（続き）") } else { name.to_owned() };
    let lines = wrap(&label, COLUMNS[0]);
    let gh = height(lines.len());
    let height_all = total.max(gh);
    let gy = (height_all - gh) / 2.0;
    // A goal taller than its measures: they sit in its middle.
    let shift = (height_all - total) / 2.0;
    if shift > 0.0 {
        nodes.iter_mut().for_each(|n| n.y += shift);
        segments.iter_mut().for_each(|s| (s.y1, s.y2) = (s.y1 + shift, s.y2 + shift));
        measure_mids.iter_mut().for_each(|m| *m += shift);
    }
    nodes.insert(0, TreeBox { level: TreeColumn::Goal, x: 0.0, y: gy, width: COLUMNS[0], height: gh, lines });
    fork(&mut segments, COLUMNS[0], gy + gh / 2.0, x[1], &measure_mids);
    let title = match parts {
        1 => format!("施策体系図：{name}"),
        _ => format!("施策体系図：{name}（{part}/{parts}）"),
    };
    let description = match words.is_empty() {
        true => format!("{name}。施策はありません。"),
        false => format!("{name}の施策：{}。", words.join("、")),
    };
    TreeFigure { height: height_all, nodes, segments, title, description }
}

/// Lines from a box's right edge at (`x`, `y`) to boxes whose left edges are at `to`, at the
/// heights `mids`: a stub, a trunk down the children's span, and a branch to each.
fn fork(out: &mut Vec<Segment>, x: f64, y: f64, to: f64, mids: &[f64]) {
    let (Some(first), Some(last)) = (mids.first(), mids.last()) else { return };
    let trunk = x + (to - x) / 2.0;
    out.push(Segment { x1: x, y1: y, x2: trunk, y2: y });
    let (top, bottom) = (first.min(y), last.max(y));
    if bottom > top {
        out.push(Segment { x1: trunk, y1: top, x2: trunk, y2: bottom });
    }
    for m in mids {
        out.push(Segment { x1: trunk, y1: *m, x2: to, y2: *m });
    }
}

fn fmt(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// The figure as SVG, black on white (it prints on any printer): the goal's box thick-lined and
/// shaded, the measures' plain, the initiatives' dashed. `id` makes its title's and
/// description's ids unique on the page. Every text is escaped by maud.
pub fn svg(id: &str, f: &TreeFigure) -> Markup {
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="measure-tree" viewBox={ "0 0 " (fmt(WIDTH + 2.0)) " " (fmt(f.height + 2.0)) }
            role="img" aria-labelledby={ (title_id) " " (desc_id) } font-size=(fmt(FONT))
            font-family="'BIZ UDPGothic','Yu Gothic','Noto Sans JP',sans-serif" {
            title id=(title_id) { (f.title) }
            desc id=(desc_id) { (f.description) }
            g transform="translate(1 1)" {
                @for s in &f.segments {
                    line x1=(fmt(s.x1)) y1=(fmt(s.y1)) x2=(fmt(s.x2)) y2=(fmt(s.y2)) stroke="#000" stroke-width="1" {}
                }
                @for n in &f.nodes {
                    @let (fill, stroke, dash) = match n.level {
                        TreeColumn::Goal => ("#e6e6e6", "2", None),
                        TreeColumn::Measure => ("#fff", "1", None),
                        TreeColumn::Initiative => ("#fff", "0.8", Some("3 2")),
                    };
                    rect x=(fmt(n.x)) y=(fmt(n.y)) width=(fmt(n.width)) height=(fmt(n.height)) fill=(fill) stroke="#000"
                        stroke-width=(stroke) stroke-dasharray=[dash] {}
                    @for (k, line) in n.lines.iter().enumerate() {
                        text x=(fmt(n.x + PAD)) y=(fmt(n.y + PAD + LINE * (k as f64 + 0.78))) fill="#000" { (line) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GoalKind, Initiative, Measure, PlanPeriod};
    use std::sync::Arc;

    fn town(initiatives: usize) -> Strategy {
        let p = PlanPeriod { first: crate::model::FiscalYear(2025), last: crate::model::FiscalYear(2029) };
        let mut s = Strategy::blank("総合戦略", "しるべ町", p);
        let mut g = Goal::new(GoalKind::Basic, "1", "稼ぐ地域をつくるとともに、安心して働けるようにする");
        let mut m = Measure::new("1-1", "企業立地の促進");
        m.initiatives =
            (0..initiatives).map(|i| Arc::new(Initiative::new(&format!("({i})"), "企業誘致活動"))).collect();
        g.measures = vec![Arc::new(m), Arc::new(Measure::new("1-2", "<観光>振興"))];
        s.goals = vec![Arc::new(g), Arc::new(Goal::new(GoalKind::CrossCutting, "", "デジタルの活用"))];
        s
    }

    #[test]
    fn text_wraps_by_full_and_half_width_characters() {
        assert_eq!(wrap("あいうえお", 2.0 * PAD + 2.0 * FONT), vec!["あい", "うえ", "お"]);
        assert_eq!(wrap("abcdあ", 2.0 * PAD + 2.0 * FONT), vec!["abcd", "あ"]);
        assert_eq!(wrap("", 100.0), vec![""]);
        let goal = wrap("稼ぐ力を高め、安心して働ける雇用を創出する", 2.0 * PAD + 6.0 * FONT);
        assert_eq!(goal, vec!["稼ぐ力を高", "め、安心して", "働ける雇用を", "創出する"], "no line starts with 、");
    }

    #[test]
    fn every_goal_measure_and_initiative_is_a_box_joined_to_its_parent() {
        let figs = figures(&town(2));
        assert_eq!(figs.len(), 2);
        let f = &figs[0];
        let levels: Vec<TreeColumn> = f.nodes.iter().map(|n| n.level).collect();
        use TreeColumn::*;
        assert_eq!(levels, vec![Goal, Measure, Initiative, Initiative, Measure]);
        assert_eq!(f.nodes[1].text(), "1-1　企業立地の促進");
        // Goal → two measures: stub, trunk, two branches; measure 1-1 → two initiatives: the same.
        assert_eq!(f.segments.len(), 8);
        // Every branch ends at a box's left edge, at its middle.
        for s in f.segments.iter().filter(|s| s.y1 == s.y2 && s.x2 > s.x1) {
            let ends_at_box = f.nodes.iter().any(|n| n.x == s.x2 && (n.y + n.height / 2.0 - s.y2).abs() < 1e-6);
            let starts_at_box = f.nodes.iter().any(|n| n.x + n.width == s.x1);
            assert!(ends_at_box || starts_at_box, "{s:?}");
        }
        assert!(f.nodes.iter().all(|n| n.x + n.width <= WIDTH + 1e-6 && n.y + n.height <= f.height + 1e-6));
        assert_eq!(f.description, "基本目標1　稼ぐ地域をつくるとともに、安心して働けるようにするの施策：1-1　企業立地の促進（(0)　企業誘致活動、(1)　企業誘致活動）、1-2　<観光>振興。");
        // A goal without measures is its box alone.
        assert_eq!(figs[1].nodes.len(), 1);
        assert!(figs[1].segments.is_empty());
    }

    #[test]
    fn a_goal_too_tall_for_a_page_continues_in_another_figure() {
        let figs = figures(&town(60));
        assert_eq!(figs.len(), 3, "measure 1-1 alone, then 1-2 continued, then the second goal");
        assert!(figs[0].height > MAX_HEIGHT, "a measure is never split");
        assert!(figs[1].nodes[0].text().ends_with("（続き）"));
        assert!(figs[1].title.ends_with("（2/2）"));
    }

    #[test]
    fn the_svg_is_named_described_and_escapes_its_text() {
        let f = &figures(&town(1))[0];
        let svg = svg("tree1", f).into_string();
        assert!(svg.contains(r#"role="img" aria-labelledby="tree1-title tree1-desc""#), "{svg}");
        assert!(svg.contains("<title id=\"tree1-title\">施策体系図：基本目標1"));
        assert!(svg.contains("&lt;観光&gt;振興"));
        assert!(!svg.contains("<観光>"));
        assert_eq!(svg.matches("<rect").count(), 4);
        assert_eq!(svg.matches("<line").count(), f.segments.len());
    }
}
