//! The letters Excel shows over a file's columns (A, B, …, Z, AA), by the header's names: the
//! import preview names a refused cell's column as the user sees it in Excel (「H列「値」」).

use std::collections::HashMap;

/// The header row's names (trimmed, as the plan names columns) → their column letters; the
/// first of repeated names wins, as in the import. The header is the first row that is not
/// blank. A text with no header gives no letters.
pub fn column_letters(text: &str) -> HashMap<String, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Read only as far as the header: the plan has already read the whole file.
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let header = reader.records().map_while(Result::ok).find(|r| r.iter().any(|c| !c.trim().is_empty()));
    let mut letters = HashMap::new();
    for (i, name) in header.iter().flat_map(|h| h.iter()).enumerate() {
        letters.entry(name.trim().to_owned()).or_insert_with(|| column_letter(i));
    }
    letters
}

/// The letter Excel shows over the column at `index` (0 → A, 25 → Z, 26 → AA).
pub(crate) fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_excel_letters_them() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702].into_iter().map(column_letter).collect();
        assert_eq!(letters, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn the_header_names_its_letters_after_blank_rows_and_a_bom() {
        let text = "\u{feff}\r\n,,\r\n指標ID, 値 ,値,\"年度\"\r\nind-1,3,4,R6\r\n";
        let letters = column_letters(text);
        assert_eq!(letters.get("指標ID").map(String::as_str), Some("A"));
        assert_eq!(letters.get("値").map(String::as_str), Some("B"), "trimmed; the first of two wins");
        assert_eq!(letters.get("年度").map(String::as_str), Some("D"));
        assert_eq!(letters.get("ind-1"), None, "only the header is read");
        assert!(column_letters("").is_empty());
        assert!(column_letters("\r\n , \r\n").is_empty());
    }

    /// The letters are found under the names the plan gives refused cells' columns.
    #[test]
    fn a_refused_cells_column_has_its_letter() {
        let s = crate::examples::EXAMPLES[0].load().unwrap();
        let text = "指標ID,指標番号,指標名,系列,単位,年度,区分,値\r\nind-none,,,,,R6,実績,3\r\n";
        let plan = super::super::plan_import(&s, text).unwrap();
        let letters = column_letters(text);
        assert!(!plan.refused.is_empty());
        for r in &plan.refused {
            assert!(letters.contains_key(&r.column), "{:?} has a letter", r.column);
        }
    }
}
