//! Cells pasted out of Excel, LibreOffice or Google Sheets: the clipboard's HTML table or its
//! tab-separated text, read into a [`Grid`].

use super::grid::{Cell, Grid};

pub fn from_html(_html: &str) -> Option<Grid> {
    None
}

pub fn from_tsv(_text: &str) -> Grid {
    Grid::default()
}
