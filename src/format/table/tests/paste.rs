//! `from_html` and `from_tsv` on what Excel, LibreOffice and Google Sheets put on the clipboard.

use crate::format::table::{from_html, from_tsv, Cell, MergedRange};

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

/// Excel's clipboard HTML (trimmed): a style block, unquoted attributes, `x:num`, a merged year
/// header over two columns, a goal merged down two rows, entities and a line break in a cell.
const EXCEL: &str = r##"<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta charset=utf-8><style>
<!--table {mso-displayed-decimal-separator:"\.";}
.xl65 {mso-number-format:"0\.0%";}
td {padding-top:1px;}-->
</style></head>
<body link="#0563C1">
<table border=0 cellpadding=0 cellspacing=0 width=288>
<!--StartFragment-->
 <col width=72 span=4>
 <tr height=18>
  <td rowspan=2 height=36 width=72>基本目標</td>
  <td rowspan=2 width=72>指標</td>
  <td colspan=2 width=144 style='mso-ignore:colspan'>令和5年度</td>
 </tr>
 <tr height=18>
  <td height=18>実績</td>
  <th>目標</th>
 </tr>
 <tr height=18>
  <td rowspan=2 height=36 class=xl66>1 しごと&amp;ひと</td>
  <td>新規雇用者数<br style='mso-data-placement:same-cell' />（常用）</td>
  <td align=right x:num="1234">1,234</td>
  <td class=xl65 align=right x:num="0.123">12.3%</td>
 </tr>
 <tr height=18>
  <td>観光&nbsp;入込客数</td>
  <td align=right x:num="45383">2024/4/1</td>
  <td>2,408※</td>
 </tr>
 <tr><td>&#x25B2;12</td><td>&#65293;</td><td></td><td x:num>－</td></tr>
<!--EndFragment-->
</table>
<table><tr><td>second table</td></tr></table>
</body></html>"##;

#[test]
fn excels_html_table_is_read_with_its_spans_entities_and_line_breaks() {
    let grid = from_html(EXCEL).expect("a table");
    assert_eq!(grid.name, "");
    assert_eq!(grid.rows[0], [text("基本目標"), text("指標"), text("令和5年度")]);
    // Under the two rowspans, the second row's cells go to columns C and D.
    assert_eq!(grid.rows[1], [Cell::Empty, Cell::Empty, text("実績"), text("目標")]);
    assert_eq!(
        grid.rows[2],
        [text("1 しごと&ひと"), text("新規雇用者数\n（常用）"), Cell::Number(1234.0), Cell::Percent { shown: 12.3 }]
    );
    // A date's x:num is its serial day, not what it shows: the shown text is kept.
    assert_eq!(grid.rows[3], [Cell::Empty, text("観光 入込客数"), text("2024/4/1"), text("2,408※")]);
    assert_eq!(grid.rows[4], [text("▲12"), text("－"), Cell::Empty, text("－")]);
    assert_eq!(grid.rows.len(), 5);
    assert_eq!(
        grid.merges,
        [
            MergedRange { first_row: 0, first_col: 0, last_row: 1, last_col: 0 },
            MergedRange { first_row: 0, first_col: 1, last_row: 1, last_col: 1 },
            MergedRange { first_row: 0, first_col: 2, last_row: 0, last_col: 3 },
            MergedRange { first_row: 2, first_col: 0, last_row: 3, last_col: 0 },
        ]
    );
    assert_eq!(grid.shown(3, 0), &text("1 しごと&ひと"));
    assert_eq!(grid.shown(0, 3), &text("令和5年度"));
}

#[test]
fn google_sheets_and_libreoffice_tables_are_read_as_shown_text() {
    // Google Sheets: quoted attributes, a <tbody>, a <div> per line; no x:num.
    let google = r#"<meta charset="utf-8"><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}--></style><table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1"><colgroup><col width="100"/></colgroup><tbody><tr style="height:21px;"><td style="overflow:hidden;" data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:0.123}">12.3%</td><td colspan="2" rowspan="1">R5</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></tbody></table>"#;
    let grid = from_html(google).expect("a table");
    assert_eq!(grid.rows, [vec![text("12.3%"), text("R5")], vec![text("a"), text("b"), text("c")]]);
    assert_eq!(grid.merges, [MergedRange { first_row: 0, first_col: 1, last_row: 0, last_col: 2 }]);
    // LibreOffice: uppercase tags, <font> and <p> inside cells, no closing </td>.
    let libre = "<HTML><BODY><TABLE FRAME=VOID><TR><TD HEIGHT=17 ALIGN=LEFT><FONT FACE=\"IPAGothic\">転入者数</FONT><TD ALIGN=RIGHT SDVAL=\"880\" SDNUM=\"1041;\">880</TD></TR><TR><TD><P>一行目</P><P>二行目</P></TD></TR></TABLE></BODY></HTML>";
    let grid = from_html(libre).expect("a table");
    assert_eq!(grid.rows, [vec![text("転入者数"), text("880")], vec![text("一行目\n二行目")]]);
}

#[test]
fn html_without_a_table_or_cells_is_none_and_broken_html_does_not_panic() {
    assert_eq!(from_html(""), None);
    assert_eq!(from_html("<p>no table</p>"), None);
    assert_eq!(from_html("<table></table>"), None);
    for broken in [
        "<table><tr><td colspan=99999999999>x",
        "<table><td rowspan=-3>&#xFFFFFFFF;&#;&amp",
        "<table><tr><td x:num=\"1e400\">1",
        "<<table<td<",
        "<table><!-- unclosed",
        "<table><td a='",
        "<table><style>",
    ] {
        let _ = from_html(broken);
    }
    let grid = from_html("<table><td>&#xFFFFFFFF; &unknown; &amp</td></table>").expect("a table");
    assert_eq!(grid.rows, [vec![text("&#xFFFFFFFF; &unknown; &amp")]]);
}

#[test]
fn excels_tab_separated_text_is_read_with_its_quoting() {
    let grid = from_tsv("指標\t令和5年度\t\r\n\"転入者数\n（人）\"\t880\t\"a\"\"b\"\r\n\t\t\r\n");
    assert_eq!(
        grid.rows,
        [vec![text("指標"), text("令和5年度")], vec![text("転入者数\n（人）"), text("880"), text("a\"b")]]
    );
    assert_eq!(grid.merges, []);
    // LF only, no trailing newline; a field that only starts with a quote is read as written.
    let grid = from_tsv("\"仮\" の値\t2,408※\n▲12\t\t－");
    assert_eq!(grid.rows, [vec![text("\"仮\" の値"), text("2,408※")], vec![text("▲12"), Cell::Empty, text("－")]]);
    // A quote that never closes is text up to the tab.
    assert_eq!(from_tsv("\"abc\tdef").rows, [vec![text("\"abc"), text("def")]]);
    assert_eq!(from_tsv("").rows, Vec::<Vec<Cell>>::new());
    assert_eq!(from_tsv("\r\n").rows, Vec::<Vec<Cell>>::new());
    // A tab inside quotes stays in the cell.
    assert_eq!(from_tsv("\"a\tb\"\tc\r\n").rows, [vec![text("a\tb"), text("c")]]);
}
