//! Pasted cells: any bytes, as lossy UTF-8, as the clipboard's HTML and its
//! tab-separated text. Reading must never panic; merged ranges are well formed; and a grid of
//! text written back as Excel quotes it reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::format::table::{from_html, from_tsv, Cell, Grid};

/// The grid as Excel copies it: every text cell quoted, rows ending in CRLF.
fn to_tsv(grid: &Grid) -> String {
    let mut out = String::new();
    for row in &grid.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(t) => format!("\"{}\"", t.replace('"', "\"\"")),
                _ => String::new(),
            })
            .collect();
        out.push_str(&cells.join("\t"));
        out.push_str("\r\n");
    }
    out
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Some(grid) = from_html(&text) {
        for m in &grid.merges {
            assert!(m.first_row <= m.last_row && m.first_col <= m.last_col, "{m:?}");
        }
    }
    let grid = from_tsv(&text);
    assert!(grid.rows.iter().flatten().all(|c| matches!(c, Cell::Text(t) if !t.is_empty()) || *c == Cell::Empty));
    assert_eq!(from_tsv(&to_tsv(&grid)).rows, grid.rows, "written back and read again");
});
