//! Bytes to text as Excel saves CSV: UTF-8 with or without BOM, or Shift_JIS (Windows-31J).

use super::CsvError;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of a CSV file: a UTF-8 BOM is dropped; valid UTF-8 is taken as it is; otherwise
/// the bytes must decode as Shift_JIS without a single error (encoding_rs' `SHIFT_JIS` is
/// Windows-31J / CP932, what Japanese Excel writes as "CSV (コンマ区切り)"). Anything else is
/// refused rather than shown garbled.
pub fn decode(bytes: &[u8]) -> Result<String, CsvError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    encoding_rs::SHIFT_JIS
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or(CsvError::Encoding)
}
