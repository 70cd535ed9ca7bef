//! Import, one step at a time: the file's bytes and JSON (`sniff`) → the envelope → migrate →
//! deserialise → validate (`reading`, which also holds the quick path for a current file).
//! Every step returns data describing what went wrong and where (`error`); none panics.

mod error;
mod reading;
mod sniff;
#[cfg(test)]
mod tests;

pub(super) use error::classify;
pub use error::{EnvelopeProblem, ImportError, JsonProblem, OtherKind, ShapeProblem, VersionList};
pub(crate) use reading::{format_name, read_quietly};
pub use reading::{import, Imported};
// Every step but the refusal of an invalid strategy: outside `reading`, only tests need it.
#[cfg(test)]
pub(crate) use reading::read;
pub(super) use reading::{read_current, read_value, refuse_invalid, refuse_unsafe_ids};
pub(super) use sniff::check_header;
pub use sniff::{check_size, check_size_within, parse, text_of, MAX_FILE_BYTES};
