//! What a paragraph of a Word document may hold: text without the characters XML cannot, in
//! a paragraph of a named style. A leaf that every part of the documents uses.

use docx_rs::{Paragraph, Run};

/// A paragraph of `text` in a style.
pub fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(Run::new().add_text(clean(text)))
}

/// `text` without the characters XML 1.0 cannot hold (control characters but the tab, U+FFFE,
/// U+FFFF): docx-rs escapes markup but keeps them, and Word refuses a file with one (a vertical
/// tab pasted from PowerPoint, say). Lines are paragraphs, so no newline reaches here.
pub fn clean(text: &str) -> String {
    text.chars().filter(|c| (!c.is_control() || *c == '\t') && !matches!(c, '\u{FFFE}' | '\u{FFFF}')).collect()
}
