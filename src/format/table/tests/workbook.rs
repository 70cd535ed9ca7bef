//! `read_workbook` on the fixtures of `fixtures/make.py`, cell by cell.

use super::layouts::merged;
use crate::format::table::{read_workbook, Cell, Grid, SheetLimit, WorkbookError, WorkbookFormat};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/src/format/table/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn sheets(name: &str) -> Vec<Grid> {
    read_workbook(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

#[test]
fn the_worksheets_come_in_order_with_their_names_and_the_chart_sheet_is_skipped() {
    let names: Vec<String> = sheets("kpi.xlsx").into_iter().map(|g| g.name).collect();
    assert_eq!(names, ["KPI一覧", "日付と率", "C5から"]);
}

#[test]
fn a_towns_kpi_table_keeps_its_title_two_row_header_merges_total_and_footnote() {
    let grid = &sheets("kpi.xlsx")[0];
    assert_eq!(grid.cell(0, 0), &text("第2期 まち・ひと・しごと創生総合戦略 数値目標・KPI一覧"));
    assert_eq!(grid.rows[1], Vec::<Cell>::new());
    // The year merged over its 実績 and 目標 columns, the first columns merged down two rows.
    assert_eq!(grid.rows[2][..5], [text("基本目標"), text("指標"), text("単位"), text("基準値"), text("令和4年度")]);
    assert_eq!(grid.rows[3][4..], [text("実績"), text("目標"), text("実績"), text("目標")]);
    assert_eq!(grid.shown(2, 5), &text("令和4年度"));
    assert_eq!(grid.shown(2, 7), &text("令和5年度"));
    assert_eq!(grid.shown(3, 1), &text("指標"));
    // The goal merged down its indicators' rows.
    assert_eq!(grid.shown(6, 0), &text("1 しごとをつくる"));
    assert_eq!(grid.shown(8, 0), &text("2 ひとの流れ"));
    assert_eq!(grid.merges, merged("A1:H1 A3:A4 B3:B4 C3:C4 D3:D4 E3:F3 G3:H3 A5:A7 A8:A9"));
    let n = Cell::Number;
    assert_eq!(
        grid.rows[4],
        [
            text("1 しごとをつくる"),
            text("新規雇用者数"),
            text("人"),
            n(120.0),
            n(130.0),
            n(140.0),
            text("１，２３４"),
            n(160.0)
        ]
    );
    // Values as offices type them stay text, as written.
    assert_eq!(grid.rows[5][4..], [text("▲12"), n(8.0), text("－"), n(10.0)]);
    assert_eq!(grid.rows[6][4..], [text("2,408※"), n(2500.0), n(2610.5), n(2700.0)]);
    assert_eq!(grid.cell(8, 6), &Cell::Empty);
    assert_eq!(grid.rows[9], [text("計"), Cell::Empty, Cell::Empty, Cell::Empty, n(1043.0), Cell::Empty, n(3490.5)]);
    assert_eq!(grid.rows[10], Vec::<Cell>::new());
    assert_eq!(grid.rows[11], [text("※ 令和5年度の観光入込客数は速報値。")]);
    assert_eq!(grid.rows.len(), 12);
    assert_eq!(grid.width(), 8);
}

#[test]
fn serial_dates_are_dates_and_a_percent_format_shows_the_percentage() {
    let grid = &sheets("kpi.xlsx")[1];
    let date = |year, month, day| Cell::Date { year, month, day };
    let percent = |shown| Cell::Percent { shown };
    assert_eq!(grid.rows[1], [date(2024, 4, 1), percent(12.3), date(2023, 3, 31), Cell::Error("#DIV/0!".into())]);
    assert_eq!(grid.rows[2], [date(2025, 3, 31), percent(105.0), date(2019, 5, 1), Cell::Bool(true)]);
    // Serial 60 is Excel's 1900-02-29; a quoted "%" shows the number unscaled.
    assert_eq!(grid.rows[3], [date(1900, 2, 29), percent(50.0), Cell::Empty, Cell::Number(0.5)]);
    assert_eq!(grid.rows.len(), 4);
}

#[test]
fn a_table_that_starts_at_c5_keeps_its_rows_and_columns() {
    let grid = &sheets("kpi.xlsx")[2];
    assert_eq!(grid.rows.len(), 8);
    assert!(grid.rows[..4].iter().all(Vec::is_empty));
    assert_eq!(grid.rows[4], [Cell::Empty, Cell::Empty, text("指標"), text("目標値")]);
    assert_eq!(grid.cell(5, 3), &Cell::Number(95.0));
    assert_eq!(grid.cell(6, 3), &Cell::Number(1.52));
    assert_eq!(grid.merges, merged("C8:D8"));
    assert_eq!(grid.shown(7, 3), &text("出典: 人口動態統計"));
}

#[test]
fn an_xls_is_read_cell_by_cell_with_its_merges_and_dates_but_a_percentage_as_its_stored_number() {
    let sheets = sheets("kpi.xls");
    assert_eq!(sheets.len(), 1);
    let grid = &sheets[0];
    assert_eq!(grid.name, "KPI");
    assert_eq!(
        grid.rows,
        [
            vec![text("KPI一覧（xls）")],
            vec![Cell::Empty, Cell::Empty, text("令和5年度")],
            vec![text("指標"), Cell::Empty, text("実績"), text("目標")],
            vec![text("転入者数"), Cell::Empty, Cell::Number(880.0), text("2,408※")],
            vec![text("時点"), Cell::Empty, Cell::Date { year: 2024, month: 4, day: 1 }, Cell::Number(0.123)],
        ]
    );
    assert_eq!(grid.merges, merged("A1:D1 C2:D2"));
    assert_eq!(grid.shown(1, 3), &text("令和5年度"));
}

#[test]
fn a_towns_kpi_sheet_saved_as_xls_reads_as_the_same_grid_as_its_xlsx() {
    // kpi-town.xls: kpi.xlsx's first sheet written by xlwt (`fixtures/make.py`), value by value
    // and merge by merge: the e2e test imports it.
    let xls = sheets("kpi-town.xls");
    assert_eq!(xls.len(), 1);
    assert_eq!(xls[0], sheets("kpi.xlsx")[0]);
    assert_eq!(xls[0].rows[4][6], text("１，２３４"));
    assert_eq!(xls[0].rows[6][6], Cell::Number(2610.5));
    assert_eq!(xls[0].merges.len(), 9);
}

#[test]
fn a_damaged_xls_is_unreadable_as_an_xls() {
    // Its second half overwritten: the workbook stream's records are gone (the e2e test's).
    for name in ["kpi.xls", "kpi-town.xls"] {
        let mut damaged = fixture(name);
        let half = damaged.len() / 2;
        damaged[half..].iter_mut().for_each(|b| *b = 0xFF);
        assert!(
            matches!(
                read_workbook(&damaged),
                Err(WorkbookError::Unreadable { format: WorkbookFormat::Xls, sheet: None, .. })
            ),
            "{name}: {:?}",
            read_workbook(&damaged)
        );
    }
    // Cut short: the header is there, the sectors it names are not.
    assert!(matches!(
        read_workbook(&fixture("kpi.xls")[..600]),
        Err(WorkbookError::Unreadable { format: WorkbookFormat::Xls, .. })
    ));
}

#[test]
fn an_ods_gives_its_cells_and_dates_but_no_merges_and_a_percentage_as_its_stored_number() {
    let sheets = sheets("kpi.ods");
    let grid = &sheets[0];
    assert_eq!(grid.name, "KPI");
    assert_eq!(
        grid.rows,
        [
            vec![text("令和5年度")],
            vec![text("実績"), text("目標")],
            vec![Cell::Number(880.0), Cell::Number(0.123)],
            vec![Cell::Date { year: 2024, month: 4, day: 1 }, text("▲12")],
        ]
    );
    assert_eq!(grid.merges, []);
}

#[test]
fn bad_files_are_refused_with_what_is_wrong() {
    let read = |name: &str| read_workbook(&fixture(name)).err();
    assert_eq!(read("empty.xlsx"), Some(WorkbookError::Empty));
    assert_eq!(read("random.bin"), Some(WorkbookError::NotAWorkbook));
    assert_eq!(read("not-a-workbook.zip"), Some(WorkbookError::NotAWorkbook));
    assert_eq!(read("encrypted.xlsx"), Some(WorkbookError::Encrypted));
    assert_eq!(read("chart-only.xlsx"), Some(WorkbookError::NoWorksheet));
    assert_eq!(
        read("declared-huge.xlsx"),
        Some(WorkbookError::UnpacksTooLarge { packed: 279, unpacked: 3 * 1024 * 1024 * 1024 + 11 })
    );
    // An OLE signature and junk is no encrypted workbook: read as an .xls, damaged.
    assert!(matches!(read("fake-ole.xlsx"), Some(WorkbookError::Unreadable { format: WorkbookFormat::Xls, .. })));
    // A sheet that unpacks past its declared size stops at it, and fails on that sheet.
    assert!(
        matches!(read("lying-sizes.xlsx"), Some(WorkbookError::Unreadable { format: WorkbookFormat::Xlsx, sheet: Some(s), .. }) if s == "KPI")
    );
}

#[test]
fn an_ole_file_naming_an_encrypted_package_is_encrypted_and_a_huge_file_is_refused_unread() {
    let mut ole = fixture("fake-ole.xlsx");
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(read_workbook(&ole), Err(WorkbookError::Encrypted));
    let huge = vec![0u8; 64 * 1024 * 1024 + 1];
    assert_eq!(read_workbook(&huge), Err(WorkbookError::FileTooLarge { bytes: huge.len(), limit: 64 * 1024 * 1024 }));
}

#[test]
fn a_sheet_with_a_value_past_the_row_limit_is_refused_with_its_name() {
    let bytes = fixture("kpi.xlsx");
    // Build a workbook whose sheet holds a value in row 100,001: the fixture's zip, its last
    // sheet rewritten (stored, so no deflate is needed here).
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).unwrap();
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut data).unwrap();
        parts.push((part.name().unwrap().to_string(), data));
    }
    let tall = r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="100001"><c r="A100001"><v>1</v></c></row></sheetData></worksheet>"#;
    let mut out = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
        let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        for (name, data) in &parts {
            writer.start_file(name.as_str(), stored).unwrap();
            let data = if name == "xl/worksheets/sheet3.xml" { tall.as_bytes() } else { data };
            std::io::Write::write_all(&mut writer, data).unwrap();
        }
        writer.finish().unwrap();
    }
    assert_eq!(
        read_workbook(&out),
        Err(WorkbookError::SheetTooLarge { sheet: "C5から".into(), limit: SheetLimit::Rows })
    );
}

/// The benchmark's sheet (`kpi-1000.xlsx`, scripts/bench.sh's table figure): its 1,000 rows all
/// come in as new indicators under the goals they name, each typed word read as the CSV reads
/// it (the rows with a word are every seventh from the fourth, the word by the row: 「－」,
/// 「調査中」, 「▲5」, 「2,408※」, 「１，２３４」).
#[test]
fn the_benchmarks_thousand_rows_plan_as_a_thousand_new_indicators() {
    use crate::format::csv::CellReading;
    use crate::format::table::{find_table, plan_table, propose_roles, Placement};
    let s = crate::examples::EXAMPLES[0].load().unwrap();
    let sheet = &sheets("kpi-1000.xlsx")[0];
    let shape = find_table(sheet).unwrap();
    assert_eq!((shape.header_rows.clone(), shape.body.len()), (2..3, 1000));
    let roles = propose_roles(sheet, &shape).roles;
    let plan = plan_table(&s, sheet, &shape, &roles, Placement::Strategy);
    assert_eq!(plan.new_indicators.len(), 1000);
    assert!(plan.matched.is_empty() && plan.ambiguous.is_empty() && plan.skipped.is_empty());
    let worded: Vec<usize> = (0..1000).filter(|i| i % 7 == 3).collect();
    let count = |f: &dyn Fn(&CellReading) -> bool| plan.values.noted.iter().filter(|n| f(&n.reading)).count();
    assert_eq!(count(&|r| *r == CellReading::NoValue), worded.iter().filter(|i| *i % 5 < 2).count());
    assert_eq!(count(&|r| matches!(r, CellReading::Marked { .. })), worded.iter().filter(|i| *i % 5 == 3).count());
    assert!(plan.values.refused.is_empty(), "{:?}", plan.values.refused.first());
    // Every row's baseline, three actuals (less the no-value words) and target.
    let no_value = worded.iter().filter(|i| *i % 5 < 2).count();
    assert_eq!(plan.values.changes.len(), 1000 * 5 - no_value);
}

/// The offsets of the BIFF records of kpi.xls's workbook stream (it starts at the first sector
/// after the header in this file), with their types.
fn xls_records(file: &[u8]) -> Vec<(usize, u16)> {
    let mut records = Vec::new();
    let mut at = 512;
    while at + 4 <= file.len() {
        let typ = u16::from_le_bytes([file[at], file[at + 1]]);
        let len = u16::from_le_bytes([file[at + 2], file[at + 3]]) as usize;
        if typ == 0 || at + 4 + len > file.len() {
            break;
        }
        records.push((at, typ));
        at += 4 + len;
    }
    records
}

#[test]
fn an_xls_sheet_is_held_within_the_sheet_limits_whatever_it_declares() {
    let file = fixture("kpi.xls");
    let records = xls_records(&file);
    let (dimensions, _) = *records.iter().find(|(_, typ)| *typ == 0x0200).unwrap();
    // A LabelSst (row, column, format, string index): the title in A1 is the first.
    let labels: Vec<usize> = records.iter().filter(|(_, typ)| *typ == 0x00FD).map(|(at, _)| *at).collect();
    let label = labels[labels.len() - 1];

    // DIMENSIONS declaring 2³² − 1 rows × 256 columns: calamine's reservation is capped by what
    // the sheet's records can hold, and the sheet reads as before.
    let mut declared = file.clone();
    declared[dimensions + 8..dimensions + 12].copy_from_slice(&u32::MAX.to_le_bytes());
    declared[dimensions + 14..dimensions + 16].copy_from_slice(&256u16.to_le_bytes());
    assert_eq!(read_workbook(&declared), read_workbook(&file));

    // A label moved to column ALM (1,000): past the column limit, as for an .xlsx.
    let mut wide = file.clone();
    wide[label + 6..label + 8].copy_from_slice(&1_000u16.to_le_bytes());
    assert_eq!(
        read_workbook(&wide),
        Err(WorkbookError::SheetTooLarge { sheet: "KPI".into(), limit: SheetLimit::Columns })
    );

    // A label moved to IV65536 beside the title in A1: calamine would hold the range between
    // them whole, 65,536 × 256 cells (half a GB); it stops at 3,000,000 (sheet::MAX_CELLS).
    let mut far = file.clone();
    far[label + 4..label + 6].copy_from_slice(&0xFFFFu16.to_le_bytes());
    far[label + 6..label + 8].copy_from_slice(&0xFFu16.to_le_bytes());
    assert_eq!(
        read_workbook(&far),
        Err(WorkbookError::SheetTooLarge { sheet: "KPI".into(), limit: SheetLimit::Cells })
    );
}

#[test]
fn an_xls_whose_sheet_records_all_point_at_one_sheet_stops_reading_it() {
    // kpi.xls's twenty XF records of 20 bytes made BoundSheet8 records of the same size, each
    // naming the one sheet's position: 21 sheets reading the same 616 bytes of records, 12,936
    // in all from a workbook stream of 4,096. calamine stops past twice the stream (a large
    // file could name millions of sheets so, and be read millions of times).
    let file = fixture("kpi.xls");
    let records = xls_records(&file);
    let (sheet, _) = *records.iter().find(|(_, typ)| *typ == 0x0085).unwrap();
    let position = &file[sheet + 4..sheet + 8];
    let mut many = file.clone();
    let xfs = records.iter().filter(|(at, typ)| *typ == 0x00E0 && file[at + 2] == 20).take(20);
    for (n, (at, _)) in xfs.enumerate() {
        let mut record = vec![0x85, 0x00, 20, 0];
        record.extend_from_slice(position);
        record.extend_from_slice(&[0, 0, 12, 0]);
        record.extend_from_slice(format!("sheet {n:>6}").as_bytes());
        many[*at..at + 24].copy_from_slice(&record);
    }
    assert!(
        matches!(read_workbook(&many), Err(WorkbookError::Unreadable { format: WorkbookFormat::Xls, sheet: None, ref detail }) if detail.contains("BoundSheet8")),
        "{:?}",
        read_workbook(&many)
    );
}
