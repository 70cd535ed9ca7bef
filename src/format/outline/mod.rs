//! A strategy's outline pasted from Word or a PDF as plain text, read into goals,
//! measures and initiatives: [`parse_outline`] proposes a level for each line from its numbering
//! (`numbering`, `levels`), drops what is not the strategy's text (page numbers, running headers,
//! the table of contents: `clean`) and reads evaluation sheets' project rows (`sheet`); the
//! preview corrects it line by line (`correct`: promote, demote, join to the previous line); and
//! [`into_strategy`] creates the items through the model's own edits (`create`).
//!
//! Not for tables of figures (those are `format::table` and `format::csv`). Pure Rust; never
//! panics on any input; no words for the user (levels and reasons are enums).

mod clean;
mod correct;
mod create;
mod levels;
mod numbering;
mod parse;
#[cfg(test)]
mod seed_tests;
mod sheet;
#[cfg(test)]
mod tests;

pub use create::{into_strategy, Created};
pub use numbering::{Introduces, Style};
pub use parse::parse_outline;

/// A pasted outline, one entry per item or heading, in the order pasted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outline {
    pub lines: Vec<OutlineLine>,
    /// The lines left out, each with why: nothing pasted disappears without a trace.
    pub dropped: Vec<Dropped>,
}

/// One item (or heading) of the outline, with the text lines under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineLine {
    /// Its line in the pasted text (1-based).
    pub line: usize,
    /// The title: the line without its numbering, marks and ～subtitle～.
    pub text: String,
    /// The numbering as written: `（１）`, `基本目標１`; empty for a sheet's row.
    pub numbering: String,
    pub style: Style,
    /// The proposed level; the preview may change it (`promote`, `demote`).
    pub level: Level,
    /// The number for display, half-width: `1`, `1-2`, `ア`; empty when there is none.
    pub number: String,
    /// A goal's ～…～ line.
    pub subtitle: String,
    /// Marked 【重点】 / 【重点施策】.
    pub priority: bool,
    /// The unnumbered lines under it, joined (a goal's direction, a measure's summary, an
    /// initiative's description).
    pub body: String,
}

/// What a line becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Goal,
    Measure,
    Initiative,
    /// Text of the item above it (numbered deeper than initiatives, or so corrected).
    Body,
    /// A heading (`[具体的取組]`, `数値目標`, a chapter above the goals): creates nothing.
    Heading,
}

/// A pasted line left out of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// 1-based, in the pasted text.
    pub line: usize,
    pub text: String,
    pub reason: DropReason,
    /// What the line would be in the tree, when it can be taken back into it
    /// ([`Outline::take_back`]): a table of contents' own section heading.
    pub item: Option<OutlineLine>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DropReason {
    /// `- 3 -`
    PageNumber,
    /// A table-of-contents line: `第1章 …… 3`.
    Contents,
    /// A line repeated on every page (three times or more).
    RunningHeader,
    /// A sheet's amount under a project's name (the figures are read elsewhere).
    Amount,
    /// Text before the first numbered line, belonging to no item.
    BeforeFirstItem,
    /// In a table of contents, the document's own section of a goal (`(1)基本目標(数値目標)`,
    /// `(2)基本的方向`): numbered like a measure, but no measure.
    SectionHeading,
}
