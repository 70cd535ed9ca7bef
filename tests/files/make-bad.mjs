#!/usr/bin/env node
// Writes the corpus of bad (and a few tricky but valid) import files into tests/files/bad/,
// with tests/files/bad/expected.json: for each file, the Japanese message fragments the import
// must show (all of them), or `"valid": true`.
//
//   node tests/files/make-bad.mjs
//
// The files are committed; this script says how each was made and makes them again. The
// 80 MB file is not here: the tests build it in memory (native: tests/import_corpus.rs;
// browser: tests/e2e/import.spec.ts), since only its size matters.
// Read by: tests/import_corpus.rs (every file through format::open + locale, natively) and
// tests/e2e/import.spec.ts (every file through the real file input in Chromium).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bad');

/** A small valid strategy file: 3 goals, 3 measures, 3 initiatives, 2 indicators, no warnings. */
function base() {
  return {
    format: 'shirube-strategy',
    version: 1,
    exported_at: '2026-11-21T09:00:00+09:00',
    generator: 'Shirube 0.1.0',
    strategy: {
      id: 'strategy-c0a1b2c3d4e5f60718293a4b5c6d7e8f',
      title: '第3期しるべ町まち・ひと・しごと創生総合戦略',
      municipality: { name: 'しるべ町' },
      period: { first: 2025, last: 2029 },
      stage: 'draft',
      sections: [{ id: 'section-0001', heading: '策定趣旨', body: '人口減少に歯止めをかけ、\n地域の活力を高める。' }],
      national_framework: {
        name: '第2期「まち・ひと・しごと創生総合戦略」',
        goals: [{ id: 'ng-0001', kind: 'basic', number: '1', title: '稼ぐ地域をつくるとともに、安心して働けるようにする' }],
      },
      schedule: [{ id: 'schedule-0001', when: { kind: 'date', date: '2025-08-05' }, body: '策定会議', agenda: '策定方針説明', stage: 'policy' }],
      rating_rule: { tiers: [{ label: 'A', min_percent: 100 }, { label: 'B', min_percent: 80 }], below: 'C', no_data: 'D' },
      goals: [
        {
          id: 'goal-0001', kind: 'basic', number: '1', title: '稼ぐ地域をつくる', subtitle: '安定した雇用を創出する', direction: '企業誘致を進める',
          national_goal: 'ng-0001', sdgs: [8, 9], targets: ['ind-0001'],
          measures: [{
            id: 'measure-0001', number: '1', title: '企業立地の促進', summary: '立地環境を活かす', priority: true, sdgs: [8],
            related: ['measure-0003'], related_external: ['1-26'], kpis: ['ind-0001'],
            initiatives: [
              {
                id: 'initiative-0001', number: '(1)', title: '企業誘致推進事業', description: '誘致活動', kind: 'standalone', is_new: true, kpis: ['ind-0001'],
                years: [
                  { fiscal_year: 2025, budget: 1200, settled: 1100, direction: 'maintain', plan: '計画', result: '実績' },
                  { fiscal_year: 2026, budget: 1300, plan: '計画', result: '' },
                ],
              },
              { id: 'initiative-0002', number: '(2)', title: '起業支援事業', description: '', kpis: [], years: [] },
            ],
            relisted: [],
            evaluations: [{ fiscal_year: 2025, rating: 'B', outcomes: '成果', issues: '課題', improvements: '改善点', next_plan: '次年度', notes: '', evaluator: 'internal' }],
          }],
        },
        { id: 'goal-0002', kind: 'basic', number: '2', title: '新しいひとの流れをつくる', subtitle: '', direction: '', sdgs: [], targets: [], measures: [] },
        {
          id: 'goal-0003', kind: 'cross_cutting', number: '1', title: '多様な人材の活躍を推進する', subtitle: '', direction: '', sdgs: [], targets: ['ind-0002'],
          measures: [
            {
              id: 'measure-0002', number: '1', title: '地域コミュニティの活性化', summary: '', priority: false, sdgs: [],
              related: [], related_external: [], kpis: ['ind-0002', 'ind-0001'],
              initiatives: [{ id: 'initiative-0003', number: '', title: '町内会加入促進', description: '', kpis: [], years: [] }],
              relisted: [{ initiative: 'initiative-0001', years: [] }], evaluations: [],
            },
            { id: 'measure-0003', number: '2', title: '関係人口の創出', summary: '', priority: false, sdgs: [], related: [], related_external: [], kpis: [], initiatives: [], relisted: [], evaluations: [] },
          ],
        },
      ],
      indicators: [
        {
          id: 'ind-0001', code: '1-1', name: '市内企業の新規雇用者数', unit: '人', kind: 'outcome', direction: 'increase', source: '商工観光課', notes: '',
          series: [{
            id: 'series-0001', label: '', baseline: { value: 120, year: 2024 }, target: { kind: 'value', value: 150, year: 2029 },
            interim: [{ year: 2027, value: 135 }], actuals: [{ year: 2025, value: 131.5, provisional: true, comment: '速報値' }],
          }],
        },
        {
          id: 'ind-0002', code: '2-1', name: '町内会加入率', unit: '%', kind: 'outcome', direction: 'increase', source: '', notes: '',
          series: [
            { id: 'series-0002', label: '男性', baseline: { value: 60.2, year: 2024 }, target: { kind: 'direction' }, interim: [], actuals: [] },
            { id: 'series-0003', label: '女性', baseline: { value: 62.8, year: 2024 }, target: { kind: 'direction' }, interim: [], actuals: [] },
          ],
        },
      ],
    },
  };
}

const json = (v) => JSON.stringify(v, null, 2) + '\n';
/** The base file with a change made by `f` (to the whole file, `f(file, strategy)`). */
const edited = (f) => {
  const file = base();
  f(file, file.strategy);
  return json(file);
};
const shiftJis北本市 = Buffer.from([0x96, 0x6b, 0x96, 0x7b, 0x8e, 0x73]);

const XSS = [
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '<script>window.__xss=(window.__xss||0)+1</script>',
  '"><svg onload="window.__xss=(window.__xss||0)+1">',
  "javascript:window.__xss=(window.__xss||0)+1",
  "'; window.__xss=1; '",
  '</textarea><iframe srcdoc="<script>parent.__xss=1</script>">',
  '{{constructor.constructor("window.__xss=1")()}}',
  '=HYPERLINK("http://example.invalid","x")',
];
/** Every free-text field of the base file, replaced by XSS payloads (ids and enum words stay). */
function xssEverywhere() {
  const file = base();
  let n = 0;
  const x = (label) => `${label} ${XSS[n++ % XSS.length]}`;
  const s = file.strategy;
  s.title = x('題');
  s.municipality.name = x('町');
  s.sections[0].heading = x('見出し');
  s.sections[0].body = x('本文');
  s.national_framework.name = x('国');
  s.national_framework.goals[0].title = x('国の目標');
  s.national_framework.goals[0].number = x('1');
  s.schedule[0].body = x('会議');
  s.schedule[0].agenda = x('議題');
  const label = '<b onmouseover="window.__xss=1">A</b>';
  s.rating_rule.tiers[0].label = label;
  s.rating_rule.below = x('C');
  s.rating_rule.no_data = x('D');
  for (const g of s.goals) {
    g.number = x('番号');
    g.title = x('目標');
    g.subtitle = x('副題');
    g.direction = x('方向性');
    for (const m of g.measures) {
      m.number = x('施策番号');
      m.title = x('施策');
      m.summary = x('概要');
      m.related_external = [x('外部')];
      for (const e of m.evaluations) {
        e.rating = label;
        for (const k of ['outcomes', 'issues', 'improvements', 'next_plan', 'notes']) e[k] = x(k);
      }
      for (const i of m.initiatives) {
        i.number = x('事業番号');
        i.title = x('事業');
        i.description = x('説明');
        for (const y of i.years) {
          y.plan = x('計画');
          y.result = x('実績');
        }
      }
    }
  }
  for (const ind of s.indicators) {
    ind.code = x('コード');
    ind.name = x('指標');
    ind.unit = x('単位');
    ind.source = x('出典');
    ind.notes = x('備考');
    for (const se of ind.series) {
      se.label = se.label ? x(se.label) : '';
      for (const a of se.actuals) a.comment = x('コメント');
    }
  }
  return json(file);
}

function regionFile(region) {
  return JSON.stringify({ format: 'shirube-region', version: 1, exported_at: '2026-11-22T00:00:00Z', generator: 'Shirube 0.1.0', region, strategies: [base()] });
}

function backupFile(strategies) {
  return { format: 'shirube-backup', version: 1, exported_at: '2026-11-22T00:00:00Z', generator: 'Shirube 0.1.0', strategies, backups: [] };
}

/** name → [contents, expected fragments (or 'valid'), why, and for a CSV the fragments its
 * refusal by the files page's CSV import must show (`csv_expect`)]. */
const corpus = {
  'truncated.json': [json(base()).slice(0, 1500), ['JSON として読めません: ファイルが途中で終わっています'], 'cut off in the middle (an interrupted download)'],
  'not-json-at-all.json': ['しるべ町の総合戦略です。\n', ['JSON として読めません（1行目 1文字目'], 'plain text'],
  'trailing-comma.json': [json(base()).replace('"stage": "draft",', '"stage": "draft",,'), ['JSON として読めません（16行目 22文字目', '"draft",,'], 'a stray comma (hand-edited)'],
  'comment.json': ['// exported by hand\n' + json(base()), ['JSON として読めません（1行目 1文字目'], 'a JavaScript comment'],
  'nan.json': [json(base()).replace('"value": 131.5', '"value": NaN'), ['JSON として読めません（', 'NaN'], 'NaN is not JSON'],
  'infinity.json': [json(base()).replace('"value": 131.5', '"value": -Infinity'), ['JSON として読めません（', 'Infinity'], '-Infinity is not JSON'],
  'number-1e400.json': [json(base()).replace('"value": 131.5', '"value": 1e400'), ['JSON として読めません: 数値が大きすぎます', '1e400'], 'a number beyond f64'],
  'wrong-type-title.json': [edited((f, s) => { s.goals[1].title = 5; }), ['strategy.goals[1].title: 値の型が違います（整数 5 ではなく 文字列 が必要です）'], 'a number where text belongs'],
  'wrong-type-year.json': [edited((f, s) => { s.period.first = '令和7年度'; }), ['strategy.period.first: 値の型が違います'], 'a year as text'],
  'wrong-type-goals.json': [edited((f, s) => { s.goals = { first: s.goals[0] }; }), ['strategy.goals: 値の型が違います'], 'an object where a list belongs'],
  'null-actual.json': [edited((f, s) => { s.indicators[0].series[0].actuals[0].value = null; }), ['strategy.indicators[0].series[0].actuals[0].value: 値の型が違います'], 'null where a number belongs (what NaN becomes when exported by other tools)'],
  'budget-fraction.json': [edited((f, s) => { s.goals[0].measures[0].initiatives[0].years[0].budget = 12.5; }), ['strategy.goals[0].measures[0].initiatives[0].years[0].budget: 値の型が違います'], 'money is whole 千円'],
  'missing-title.json': [edited((f, s) => { delete s.title; }), ["strategy: 必須の項目 'title' がありません"], 'a required field missing'],
  'unknown-stage.json': [edited((f, s) => { s.stage = 'finished'; }), ["strategy.stage: 'finished' は使えない値です"], 'a word outside the list'],
  'duplicate-ids.json': [edited((f, s) => { s.goals[2].measures[1].id = 'measure-0001'; }), ["3番目の目標 ＞ 2番目の施策: ID 'measure-0001' が重複しています（最初は 1番目の目標 ＞ 1番目の施策）"], 'two measures with one id'],
  'dangling-kpi.json': [edited((f, s) => { s.goals[2].measures[0].kpis[1] = 'ind-9f2c'; }), ["3番目の目標 ＞ 1番目の施策: 指標 'ind-9f2c' が存在しません"], 'a KPI pointing nowhere'],
  'dangling-relisted.json': [edited((f, s) => { s.goals[2].measures[0].relisted[0].initiative = 'initiative-gone'; }), ["事業 'initiative-gone' が存在しません"], 'a 再掲 of an initiative that is not there'],
  'dangling-related.json': [edited((f, s) => { s.goals[0].measures[0].related = ['measure-gone']; }), ["1番目の目標 ＞ 1番目の施策: 施策 'measure-gone' が存在しません"], 'a related measure that is not there'],
  'negative-budget.json': [edited((f, s) => { s.goals[0].measures[0].initiatives[0].years[0].budget = -500; }), ['1番目の目標 ＞ 1番目の施策 ＞ 1番目の事業: 金額がマイナスです（-500千円）'], 'a negative 予算額'],
  'duplicate-year.json': [edited((f, s) => { s.goals[0].measures[0].initiatives[0].years[1].fiscal_year = 2025; }), ['令和7年度 が重複しています'], 'the same fiscal year twice'],
  'sdg-18.json': [edited((f, s) => { s.goals[0].sdgs = [8, 18]; }), ['1番目の目標: SDGs の番号 18 は 1〜17 ではありません'], 'there are 17 SDGs'],
  'period-reversed.json': [edited((f, s) => { s.period = { first: 2029, last: 2025 }; }), ['戦略の設定: 計画期間の終わり（令和7年度）が始まり（令和11年度）より前です'], 'the period ends before it starts'],
  'indicator-without-series.json': [edited((f, s) => { s.indicators[1].series = []; }), ['2番目の指標: 指標に値の欄（内訳）がありません'], 'an indicator with nothing to measure'],
  'future-version.json': [edited((f) => { f.version = 3; }), ['このファイルは新しいバージョンの Shirube で作成されています (version 3)'], 'written by a newer Shirube'],
  'graph-damaged.json': [edited((f) => { f.version = 2; f.lineage = { graph: 'AAAA' + 'x'.repeat(20) }; }), ['lineage.graph: 版の履歴（版のつながり）を読み取れません'], 'a version graph (format 2: one base64 string) cut short'],
  'graph-list-odd-id.json': [edited((f) => { f.lineage = { graph: [{ id: '<p>版</p>', parents: [] }] }; }), ['lineage.graph[0].id: 版の ID', '32 桁の16進数'], 'a format 1 graph (a list) whose id is not a version id: refused where it stands'],
  'head-not-hex.json': [edited((f) => { f.version = 2; f.head = 'e'.repeat(64); }), ["head: 版の ID 'eeee", '32 桁の16進数'], 'a version id of 64 digits (no build wrote one): refused, saying what a version id is'],
  'version-zero.json': [edited((f) => { f.version = 0; }), ['version: 正しいバージョン番号ではありません'], 'versions start at 1'],
  'version-text.json': [edited((f) => { f.version = '1'; }), ['version: 正しいバージョン番号ではありません'], 'the version as text'],
  'unknown-format.json': [edited((f) => { f.format = 'excalidraw'; }), ["Shirube のファイルではありません（format が 'excalidraw'）"], 'another program\'s JSON'],
  'no-format.json': [json({ name: 'しるべ町', goals: [] }), ['Shirube のファイルではありません（format がありません）'], 'JSON without an envelope'],
  'json-array.json': [json([base().strategy]), ['Shirube のファイルではありません（JSON オブジェクトではありません）'], 'a bare list'],
  'strategy-not-object.json': [edited((f) => { f.strategy = 'しるべ町'; }), ['strategy: オブジェクトではありません'], 'the strategy as text'],
  'deeply-nested.json': ['['.repeat(100_000) + ']'.repeat(100_000), ['JSON として読めません: 入れ子が深すぎます'], '100,000 nested arrays (a parser bomb)'],
  'deep-in-strategy.json': [json(base()).replace('"body": "人口減少に歯止めをかけ、\\n地域の活力を高める。"', '"body": ' + '{"a":'.repeat(3000) + '1' + '}'.repeat(3000)), ['JSON として読めません: 入れ子が深すぎます'], 'deep nesting inside a valid-looking file'],
  'invalid-utf8.json': [Buffer.concat([Buffer.from(json(base()).split('しるべ町')[0]), shiftJis北本市, Buffer.from(json(base()).split('しるべ町').slice(1).join('しるべ町'))]), ['UTF-8 のテキストではありません（'], 'Shift_JIS text (北本市) inside'],
  'utf16.json': [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json(base()), 'utf16le')]), ['UTF-8 のテキストではありません（1 バイト目）'], 'saved as UTF-16 (Windows "Unicode")'],
  'empty.json': ['', ['ファイルが空です'], 'zero bytes'],
  'only-whitespace.json': ['\r\n  \n\t', ['ファイルが空です'], 'white space only'],
  'only-bom.json': [Buffer.from([0xef, 0xbb, 0xbf]), ['ファイルが空です'], 'a UTF-8 BOM and nothing else'],
  'kpi-table.csv': ['\ufeff指標コード,指標名,単位,基準値,目標値\n1-1,市内企業の新規雇用者数,人,120,150\n', ['JSON ではありません（CSV ファイルのようです）'], 'a CSV given to the JSON import'],
  'quoted.csv': ['"番号","名前"\r\n"1","しるべ"\r\n', ['JSON ではありません（CSV ファイルのようです）'], 'a CSV with quoted cells'],
  'spreadsheet.xlsx': [Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), Buffer.alloc(64, 0)]), ['JSON ではありません（Excel などの ZIP 形式のファイルのようです）'], 'an Excel workbook'],
  'backup-newer-entry.json': [json(backupFile([base(), { ...base(), version: 3, strategy: { ...base().strategy, id: 'strategy-other' } }])), ['2番目の戦略: このファイルは新しいバージョンの Shirube で作成されています (version 3)'], 'a backup of everything with one entry from a newer version'],
  'backup-duplicate-entry.json': [json(backupFile([base(), base()])), ["2番目の戦略: 戦略の設定: ID 'strategy-c0a1b2c3d4e5f60718293a4b5c6d7e8f' が重複しています（最初は 1番目の戦略）"], 'a backup of everything with one strategy twice'],
  'backup-no-list.json': [json({ format: 'shirube-backup', version: 1, exported_at: '', generator: '' }), ['strategies: 必須の項目がありません'], 'a backup of everything without its list'],
  'backup-future.json': [json({ ...backupFile([]), version: 9 }), ['このファイルは新しいバージョンの Shirube で作成されています (version 9)'], 'a backup of everything from a newer version'],
  // Where serde's words reached users, a CSV's repeated heading, ids that break the id rule.
  'sdg-negative.json': [edited((f, s) => { s.goals[0].sdgs = [8, -3]; }), ['strategy.goals[0].sdgs[1]: 使えない値です（整数 -3 ではなく 0〜255 の整数 が必要です）'], "-3 where a number 0–255 belongs (serde's “invalid value: integer `-3`, expected u8” reached users in English)"],
  'duplicate-header.csv': ['\ufeff指標ID,指標番号,指標名,系列,目標値,令和7年度,2025年度\nind-0001,1-1,市内企業の新規雇用者数,,150,120,121\n', ['JSON ではありません（CSV ファイルのようです）'], 'a CSV naming one year twice (令和7年度 and 2025年度): refused by the CSV import (it listed the year it did read under 「読まない列」)', ['見出し「2025年度」の列が2つあります（6列目と7列目）']],
  'id-with-slash.json': [edited((f, s) => { s.id = 'strategy/../x'; }), ["strategy.id: ID 'strategy/../x' は使えません（ID に使えるのは半角の英数字と「-」「_」だけで、1〜128 文字です）"], 'a strategy id with / (it imported, then could not be opened: 「ページが見つかりません」)'],
  'series-id-bad.json': [edited((f, s) => { s.indicators[1].series[0].id = 'series 1#2'; }), ["strategy.indicators[1].series[0].id: ID 'series 1#2' は使えません"], 'a series id with a space and #'],
  'region-id-empty.json': [regionFile({ id: '', name: '空のID管内', members: [base().strategy.id] }), ["region.id: ID '' は使えません"], 'a region file whose region id is empty (it was stored, never listed, could not be opened or deleted)'],
  'region-id-traversal.json': [regionFile({ id: `../strategy/${base().strategy.id}`, name: '上の階層管内', members: [base().strategy.id] }), [`region.id: ID '../strategy/${base().strategy.id}' は使えません`], "a region id climbing into the strategies' keys"],
  'backup-region-id-bad.json': [json({ ...backupFile([base()]), regions: [{ id: 'region/1', name: '管内', members: [base().strategy.id] }] }), ["regions[0].id: ID 'region/1' は使えません"], 'a backup of everything with a region id holding /'],
  // Valid, on purpose.
  'xss-everywhere.json': [xssEverywhere(), 'valid', 'markup and script in every text field: imports, and shows it all as text'],
  'bom-valid.json': ['\ufeff' + json(base()), 'valid', 'a UTF-8 BOM in front (as Windows Notepad saves) is fine'],
  'double-bom.json': ['\ufeff\ufeff' + json(base()), 'valid', 'two UTF-8 BOMs in front (saved twice by a tool that adds one each time): still JSON, read (it was called a CSV)'],
};

fs.mkdirSync(DIR, { recursive: true });
for (const f of fs.readdirSync(DIR)) fs.rmSync(path.join(DIR, f));
const expected = {};
for (const [name, [contents, expect, why, csvExpect]] of Object.entries(corpus)) {
  fs.writeFileSync(path.join(DIR, name), contents);
  expected[name] = expect === 'valid' ? { valid: true, why } : csvExpect ? { expect, csv_expect: csvExpect, why } : { expect, why };
}
expected['(generated) 80 MB'] = {
  expect: ['ファイルが大きすぎます（80 MB）。読み込めるのは 64 MB までです'],
  why: 'over the 64 MiB limit: refused by its size before it is read (built by the tests, not stored here)',
};
fs.writeFileSync(path.join(DIR, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
console.log(`${Object.keys(corpus).length} files and expected.json written to ${DIR}`);
