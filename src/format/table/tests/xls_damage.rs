//! Damaged copies of `fixtures/kpi.xls`, made deterministically, each read by `read_workbook` as
//! the import reads a file: none may panic (in the wasm app a panic aborts the page), and each
//! is a workbook within the limits or an error an .xls can give. Published calamine 0.38.0
//! panicked on many of them (`vendor/calamine/SHIRUBE.md`); the patched one of `vendor/calamine`
//! must not. The damage: every header field and the first DIFAT entries, every FAT entry of the
//! first FAT sector, every directory entry's start and size, every BIFF record's length and its
//! first 16- and 32-bit fields overwritten with edge values (0, 1, 0x7FFF, 0xFFFF, …); the file
//! cut at every 7th length; and 1,500 random bytes changed (a fixed seed).

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::format::table::{read_workbook, SheetLimit, WorkbookError, WorkbookFormat};

const SECTOR: usize = 512;
const VALUES_16: [u16; 7] = [0, 1, 0xFF, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF];
const VALUES_32: [u32; 6] = [0, 1, 0x1_0000, 0x7FFF_FFFF, 0xFFFF_FFFE, 0xFFFF_FFFF];

fn kpi_xls() -> Vec<u8> {
    let path = format!("{}/src/format/table/fixtures/kpi.xls", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

/// The offsets of the damage: (offset, width in bytes).
fn fields(file: &[u8]) -> Vec<(usize, usize)> {
    let mut fields = Vec::new();
    // The header: versions, sector shifts, counts, first sectors, the first DIFAT entries.
    fields.extend((0x18..0x4C).step_by(2).map(|at| (at, 2)));
    fields.extend((0x2C..0x4C).step_by(4).map(|at| (at, 4)));
    fields.extend((0x4C..0x4C + 8 * 4).step_by(4).map(|at| (at, 4)));
    // The first FAT sector's entries (the chains).
    let fat = (u32_at(file, 0x4C) as usize + 1) * SECTOR;
    fields.extend((fat..fat + SECTOR).step_by(4).take_while(|at| at + 4 <= file.len()).map(|at| (at, 4)));
    // The directory's entries: start sector and stream size.
    let dir = (u32_at(file, 0x30) as usize + 1) * SECTOR;
    for entry in (dir..dir + SECTOR).step_by(128).take_while(|at| at + 128 <= file.len()) {
        fields.extend([(entry + 116, 4), (entry + 120, 4), (entry + 66, 2)]);
    }
    // The workbook stream's BIFF records (it starts at the first sector after the header in
    // this file): each record's length, and its first fields.
    let mut at = SECTOR;
    while at + 4 <= file.len() {
        let (typ, len) = (u16_at(file, at), u16_at(file, at + 2) as usize);
        if typ == 0 || at + 4 + len > file.len() {
            break;
        }
        fields.push((at + 2, 2));
        for field in (0..len.min(12)).step_by(2) {
            fields.push((at + 4 + field, 2));
        }
        for field in (0..len.min(8)).step_by(4).filter(|f| f + 4 <= len) {
            fields.push((at + 4 + field, 4));
        }
        at += 4 + len;
    }
    fields
}

/// Every damaged copy, in a fixed order.
fn variants(file: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (at, width) in fields(file) {
        if width == 2 {
            for v in VALUES_16 {
                let mut f = file.to_vec();
                f[at..at + 2].copy_from_slice(&v.to_le_bytes());
                out.push(f);
            }
        } else {
            for v in VALUES_32 {
                let mut f = file.to_vec();
                f[at..at + 4].copy_from_slice(&v.to_le_bytes());
                out.push(f);
            }
        }
    }
    out.extend((0..file.len()).step_by(7).map(|len| file[..len].to_vec()));
    // xorshift64*, fixed seed: one to four random bytes changed per copy.
    let mut state: u64 = 0x5EED_0045_0000_0001;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    for _ in 0..1_500 {
        let mut f = file.to_vec();
        for _ in 0..=(next() % 4) {
            let at = (next() % f.len() as u64) as usize;
            f[at] = next() as u8;
        }
        out.push(f);
    }
    out
}

#[test]
fn no_damaged_xls_panics_and_each_is_read_within_the_limits_or_refused_as_an_xls() {
    let file = kpi_xls();
    let variants = variants(&file);
    assert!(variants.len() > 3_000, "{} variants", variants.len());
    let mut panicked = Vec::new();
    let mut outcomes = std::collections::BTreeMap::<String, usize>::new();
    for (i, bytes) in variants.iter().enumerate() {
        match catch_unwind(AssertUnwindSafe(|| read_workbook(bytes))) {
            Err(_) => panicked.push(i),
            Ok(Ok(grids)) => {
                *outcomes.entry("read".into()).or_default() += 1;
                for g in &grids {
                    assert!(g.width() <= 1_000 && g.rows.iter().map(Vec::len).sum::<usize>() <= 3_000_000, "{i}");
                }
            }
            Ok(Err(e)) => {
                let ole = bytes.starts_with(&file[..8]);
                let as_xls = matches!(
                    e,
                    WorkbookError::Encrypted
                        | WorkbookError::NoWorksheet
                        | WorkbookError::Unreadable { format: WorkbookFormat::Xls, .. }
                        | WorkbookError::SheetTooLarge { limit: SheetLimit::Cells | SheetLimit::Columns, .. }
                );
                assert!(!ole || as_xls, "variant {i}: an OLE file refused as {e:?}");
                let kind = format!("{e:?}");
                *outcomes.entry(kind.split([' ', '{', '(']).next().unwrap_or("").to_string()).or_default() += 1;
            }
        }
    }
    assert!(panicked.is_empty(), "{} of {} damaged copies panicked: {panicked:?}", panicked.len(), variants.len());
    // The damage reaches past the container: some copies read, some fail in calamine.
    assert!(
        outcomes.get("read").is_some_and(|n| *n > 100) && outcomes.get("Unreadable").is_some_and(|n| *n > 100),
        "{outcomes:?}"
    );
}
