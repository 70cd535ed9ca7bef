//! Why a town's workbook cannot be read, and the limits it is read within: data only, shared by
//! the container check, the sheets and the workbook reader (their words are in `words`).

/// The largest file read: 64 MiB (a town's KPI workbook is well under 1 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Why a workbook cannot be read. Data only: its words are in `words`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookError {
    /// The file has no bytes.
    #[error("the file is empty")]
    Empty,
    /// The file is over [`MAX_FILE_BYTES`].
    #[error("the file has {bytes} bytes, over the limit of {limit}")]
    FileTooLarge { bytes: usize, limit: usize },
    /// Neither a zip holding a workbook (.xlsx, .ods) nor an OLE file (.xls): a CSV, a PDF, a
    /// Word document, random bytes, an unreadable zip.
    #[error("the file is not an Excel or OpenDocument workbook")]
    NotAWorkbook,
    /// Protected by a password that encrypts it: an encrypted .xlsx (an OLE file holding an
    /// `EncryptedPackage`), an .xls or .ods with a password.
    #[error("the workbook is encrypted with a password")]
    Encrypted,
    /// A zip whose parts unpack (as declared, or really) to more than the limits of `container`.
    #[error("the zip of {packed} bytes unpacks to {unpacked} bytes, past the limits")]
    UnpacksTooLarge { packed: u64, unpacked: u64 },
    /// The workbook's kind is known but calamine could not read it (a damaged file); `sheet` is
    /// the sheet it failed on, if any. `detail` is calamine's message, for a report.
    #[error("the {format:?} workbook cannot be read ({sheet:?}): {detail}")]
    Unreadable { format: WorkbookFormat, sheet: Option<String>, detail: String },
    /// No worksheet: only chart sheets (or none at all).
    #[error("the workbook has no worksheet")]
    NoWorksheet,
    /// A sheet past one of the limits (`sheet::MAX_ROWS`, `MAX_COLUMNS`, `MAX_CELLS`).
    #[error("sheet {sheet:?} is too large ({limit:?})")]
    SheetTooLarge { sheet: String, limit: SheetLimit },
}

/// Which limit a sheet went past.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetLimit {
    /// Over 100,000 rows.
    Rows,
    /// Over 1,000 columns.
    Columns,
    /// Over 3,000,000 cells in all.
    Cells,
}

/// The kind of workbook, as the file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkbookFormat {
    Xls,
    Xlsx,
    Xlsb,
    Ods,
}
