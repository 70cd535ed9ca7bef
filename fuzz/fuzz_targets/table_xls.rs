//! The .xls reader: any bytes, mostly damaged copies of Excel 97-2003 workbooks
//! (`fuzz/seeds/table_xls/`), through `read_workbook` as the import reads them, into the patched
//! calamine of `vendor/calamine`. Reading must never panic (the wasm app aborts on one), and an
//! OLE file is a workbook read within the limits or one of the errors an .xls can give.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::format::table::{read_workbook, SheetLimit, WorkbookError, WorkbookFormat};

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fuzz_target!(|bytes: &[u8]| {
    match read_workbook(bytes) {
        Ok(grids) => {
            assert!(!grids.is_empty(), "a workbook without a worksheet is an error");
            for grid in &grids {
                assert!(grid.rows.len() <= 100_000 && grid.width() <= 1_000, "sheet {:?} past the limits", grid.name);
                let cells: usize = grid.rows.iter().map(Vec::len).sum();
                assert!(cells <= 3_000_000, "sheet {:?} holds {cells} cells", grid.name);
                assert!(grid.rows.last().is_none_or(|r| !r.is_empty()), "a trailing empty row in {:?}", grid.name);
                for m in &grid.merges {
                    assert!(m.first_row <= m.last_row && m.first_col <= m.last_col, "{m:?}");
                    assert!(m.first_row < grid.rows.len() && m.first_col < grid.width(), "{m:?} past the data");
                }
            }
        }
        Err(e) if bytes.len() > 1 << 26 || !bytes.starts_with(&OLE_MAGIC) => drop(e),
        // An OLE file is read as an .xls: what fails is said as an .xls's failure.
        Err(WorkbookError::Encrypted | WorkbookError::NoWorksheet) => {}
        Err(WorkbookError::Unreadable { format: WorkbookFormat::Xls, .. }) => {}
        Err(WorkbookError::SheetTooLarge { limit: SheetLimit::Cells | SheetLimit::Columns, .. }) => {}
        Err(e) => panic!("an OLE file refused as {e:?}"),
    }
});
