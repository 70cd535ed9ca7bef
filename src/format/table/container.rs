//! What kind of file a workbook's bytes are, found before any reader unpacks them: an OLE file
//! (.xls, or an encrypted .xlsx), or a zip (.xlsx, .xlsb, .ods) whose parts unpack to a bounded
//! size. Not for reading cells: that is calamine's, in `workbook`.

use std::io::Cursor;

use super::workbook_error::WorkbookError;

/// The OLE (Compound File Binary) signature: .xls, and Office's encrypted .xlsx.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// A zip's local file header.
const ZIP_MAGIC: [u8; 4] = *b"PK\x03\x04";

/// The parts of a zip may unpack to this much in all (a town's KPI workbook unpacks to a few MB;
/// calamine holds the sheet XML it reads and the shared strings in memory).
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;
/// Past 16 MiB unpacked, a zip may not unpack to more than this many times its size (sheet XML
/// compresses 10–50 times; a bomb, thousands).
pub const MAX_RATIO: u64 = 1_000;
const RATIO_FREE_BYTES: u64 = 16 * 1024 * 1024;

/// The kind of workbook the bytes hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    /// An OLE file: an .xls workbook (or something else in OLE: see [`is_encrypted_package`]).
    Ole,
    Xlsx,
    Xlsb,
    Ods,
}

/// The kind of workbook, after checking a zip's sizes. Refuses what is no workbook, and a zip
/// whose parts unpack (by their declared sizes or really) past the limits.
pub fn sniff(bytes: &[u8]) -> Result<Container, WorkbookError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Ok(Container::Ole);
    }
    if !bytes.starts_with(&ZIP_MAGIC) {
        return Err(WorkbookError::NotAWorkbook);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| WorkbookError::NotAWorkbook)?;
    let kind = zip_kind(&zip).ok_or(WorkbookError::NotAWorkbook)?;
    check_unpacked_sizes(&mut zip, bytes.len() as u64)?;
    Ok(kind)
}

/// An OLE file holding an encrypted Office document: its directory names the streams
/// `EncryptionInfo` and `EncryptedPackage` (MS-OFFCRYPTO), written in UTF-16LE.
pub fn is_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

fn zip_kind(zip: &zip::ZipArchive<Cursor<&[u8]>>) -> Option<Container> {
    let names: Vec<String> = zip.file_names().filter_map(Result::ok).map(|n| n.to_ascii_lowercase()).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("xl/workbook.xml") {
        Some(Container::Xlsx)
    } else if has("xl/workbook.bin") {
        Some(Container::Xlsb)
    } else if has("content.xml") {
        Some(Container::Ods)
    } else {
        None
    }
}

/// The parts' declared sizes (the central directory) against the limits. Declared sizes are
/// enough: the zip crate refuses to unpack a part past its declared size, so a zip that lies
/// about them fails to read (calamine says which part) instead of filling the memory.
fn check_unpacked_sizes(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, packed: u64) -> Result<(), WorkbookError> {
    let mut unpacked: u64 = 0;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|_| WorkbookError::NotAWorkbook)?;
        unpacked = unpacked.saturating_add(part.size());
    }
    let ratio_too_high = unpacked > RATIO_FREE_BYTES && unpacked / packed.max(1) > MAX_RATIO;
    if unpacked > MAX_UNPACKED_BYTES || ratio_too_high {
        return Err(WorkbookError::UnpacksTooLarge { packed, unpacked });
    }
    Ok(())
}
