//! The workbook reader: any bytes as an .xlsx or .ods (an .xls is refused unread).
//! Reading must never panic, and a workbook read gives grids within the limits: no sheet past its
//! rows or columns, no trailing empty row, every merged range starting within its grid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::format::table::read_workbook;

fuzz_target!(|bytes: &[u8]| {
    let Ok(grids) = read_workbook(bytes) else { return };
    assert!(!grids.is_empty(), "a workbook without a worksheet is an error");
    for grid in &grids {
        assert!(grid.rows.len() <= 100_000 && grid.width() <= 1_000, "sheet {:?} past the limits", grid.name);
        assert!(grid.rows.last().is_none_or(|r| !r.is_empty()), "a trailing empty row in {:?}", grid.name);
        for m in &grid.merges {
            assert!(m.first_row <= m.last_row && m.first_col <= m.last_col, "{m:?}");
            assert!(m.first_row < grid.rows.len() && m.first_col < grid.width(), "{m:?} past the data");
        }
    }
});
