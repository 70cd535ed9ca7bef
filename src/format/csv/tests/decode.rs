//! Decoding: UTF-8 with and without BOM, Shift_JIS (CP932), and refusal of anything else.

use super::super::{decode as decode_with, CsvError};
use super::sjis;

fn decode(bytes: &[u8]) -> Result<String, CsvError> {
    decode_with(bytes, &sjis)
}

#[test]
fn utf8_with_or_without_bom() {
    assert_eq!(decode("指標ID,値\r\n".as_bytes()), Ok("指標ID,値\r\n".to_owned()));
    assert_eq!(decode("\u{feff}指標ID,値\r\n".as_bytes()), Ok("指標ID,値\r\n".to_owned()));
    assert_eq!(decode(b""), Ok(String::new()));
}

#[test]
fn shift_jis_as_excel_writes_it() {
    // "実績,○,令和,－" in CP932, written out byte by byte.
    let bytes = b"\x8e\xc0\x90\xd1,\x81\x9b,\x97\xdf\x98\x61,\x81\x7c";
    assert!(String::from_utf8(bytes.to_vec()).is_err());
    assert_eq!(decode(bytes), Ok("実績,○,令和,－".to_owned()));
}

#[test]
fn neither_utf8_nor_shift_jis_is_refused() {
    // A lead byte followed by a space; and UTF-16 as Excel's "Unicode text" saves it.
    assert_eq!(decode(b"\x81\x20abc"), Err(CsvError::Encoding));
    assert_eq!(decode(b"\xff\xfe\x07\x63\x0d\x00\x0a\x00"), Err(CsvError::Encoding));
}
