//! Bytes to text as Excel saves CSV: UTF-8 with or without BOM, or Shift_JIS (Windows-31J).

use super::CsvError;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A strict Shift_JIS decoder: the text, or `None` at the first byte sequence that is not
/// Shift_JIS. `format` stays pure, so the caller brings it: in the browser the page's own
/// `TextDecoder("shift_jis", { fatal: true })`, natively (tests) encoding_rs' `SHIFT_JIS`. Both
/// implement the WHATWG Encoding Standard's Shift_JIS, which is Windows-31J / CP932 — what
/// Japanese Excel writes as "CSV (コンマ区切り)" — so they agree byte for byte; the browser's
/// saves the app encoding_rs' decoding tables.
pub type ShiftJis<'a> = &'a dyn Fn(&[u8]) -> Option<String>;

/// The text of a CSV file: a UTF-8 BOM is dropped; valid UTF-8 is taken as it is; otherwise
/// the bytes must decode as Shift_JIS without a single error. Anything else is refused rather
/// than shown garbled.
pub fn decode(bytes: &[u8], shift_jis: ShiftJis) -> Result<String, CsvError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    shift_jis(bytes).ok_or(CsvError::Encoding)
}
