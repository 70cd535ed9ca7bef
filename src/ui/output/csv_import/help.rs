//! What the CSV import reads, in a few sentences above the file button.

use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

/// What the import reads, in a few sentences.
#[component]
pub(super) fn Help() -> impl IntoView {
    let state = use_speech();
    view! {
        <details class="section csv-help" data-testid="csv-help" open>
            <summary>{state.text("取り込めるファイル", "Which files can be imported")}</summary>
            <ul>
                <li>{state.text(
                    "指標の値（実績値・速報値・目標値・中間目標・当初値）を取り込みます。形式は上で書き出す「指標（横長）」と「指標（縦長）」の2つです。書き出したファイルに Excel で実績を書き足して、そのまま取り込めます。",
                    "Indicator values (actuals, provisional values, targets, interim targets, baselines) are imported, in the two layouts exported above: indicators wide and long. Add actuals to an exported file in Excel and import it as it is.")}</li>
                <li>{state.text(
                    "値の時点（年度・年・4月1日現在）と出典の列、縦長の「修正前の目標」の行（修正年度・修正日・修正理由）、書き出した「町の評価」の CSV（町の評価・委員会の意見など）も取り込めます。",
                    "The 値の時点 (what a year means) and 出典 (source) columns, the long layout's 修正前の目標 rows (earlier targets, with when and why they were revised), and the exported verdicts CSV (町の評価, 委員会の意見など) are read too.")}</li>
                <li>{state.text(
                    "空欄のセルは「変更なし」です。取り込みで値・出典・評価が消えることはありません（消すときは編集画面で）。",
                    "An empty cell changes nothing: an import never deletes a value, a source or a verdict (delete in the editor).")}</li>
                <li>{state.text(
                    "指標は「指標ID」の列で見分けます。指標番号は重複することがあるため（同じ「3-1」が2つある、など）、指標ID が空のときだけ指標番号で探し、その番号の指標が1つだけのときに使います。系列（男性・女性など）は「系列」の列で見分けます。",
                    "Indicators are identified by the 指標ID column. Codes can repeat (two indicators numbered 3-1, for example), so the code is used only when 指標ID is empty, and only when one indicator has it. Series (男性 / 女性 …) are identified by the 系列 column.")}</li>
                <li>{state.text(
                    "年度は 2024・R6・令和6年度 のどれでも、数値は 1,234・全角数字・▲12 でも読めます。速報値は ○ で示します。",
                    "Years can be written 2024, R6 or 令和6年度; numbers as 1,234, in full-width digits or with ▲ for minus. ○ marks a provisional value.")}</li>
                <li>{state.text(
                    "Excel で「CSV（コンマ区切り）」として保存した Shift_JIS のファイルも、「CSV UTF-8（コンマ区切り）」のファイルも読めます。",
                    "Files Excel saves as \"CSV (Comma delimited)\" (Shift_JIS) and as \"CSV UTF-8 (Comma delimited)\" are both read.")}</li>
                <li>{state.text(
                    "指標名・単位、事業と施策評価の CSV は取り込みません（書き出しのみ）。",
                    "Names and units, and the initiative and evaluation CSV files, are not imported (export only).")}</li>
            </ul>
        </details>
    }
}
