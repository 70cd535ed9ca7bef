// Printable A4 reports (src/ui/output/print/, style/print.css): the numerical-target report (北本市's
// summary, seed 001) and the evaluation sheets (北斗市's, seed 002). The expected values are
// computed here from the example files, not copied. Then both reports of both examples are
// printed to PDF (test-results/print/), turned into PNG pages with poppler's pdftoppm and their
// text read with pdftotext, to check page counts and that every measure's sheet starts a page.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';
import { recordDialogs } from './helpers';
import { hasPoppler, onlyPaper, printPdf } from './pdf';


// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function example(key: 'kitamoto' | 'hokuto'): Json {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', `${key}.json`), 'utf8')).strategy;
}

// ── The app's formatting (src/locale.rs), in the default Japanese style ──

/** 3,908 / 18.43 / -40 */
function num(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 12 });
}
/** 令和5年度 / 令和元年度 / 平成30年度 */
function fiscalYear(y: number): string {
  const [era, first] = y >= 2019 ? ['令和', 2019] : y >= 1989 ? ['平成', 1989] : ['昭和', 1926];
  const n = y - first + 1;
  return `${era}${n === 1 ? '元' : n}年度`;
}
function target(t: Json, unit: string): string {
  if (!t) return '—';
  if (t.kind === 'direction') return '↗ 増加';
  if (t.kind === 'per_year') return `${num(t.value)}${unit}/年`;
  return t.year ? `${num(t.value)}${unit}(${fiscalYear(t.year)})` : `${num(t.value)}${unit}`;
}
function baseline(b: Json, unit: string): string {
  if (!b) return '—';
  return b.year ? `${num(b.value)}${unit}(${fiscalYear(b.year)})` : `${num(b.value)}${unit}`;
}
const money = (v: number | undefined) => (v === undefined ? '—' : num(v));
const DIRECTIONS: Record<string, string> = {
  expand: '拡充', maintain: '維持', reduce: '縮小', review: '見直し', consider: '検討', merge: '統合', abolish: '廃止', end: '事業終了',
};

// ── What an evaluation sheet holds, computed from the file (as model::measure_totals) ──

interface Listed { i: Json; years: number[] | null }
function measures(s: Json): Json[] {
  return s.goals.flatMap((g: Json) => g.measures);
}
function listed(s: Json, m: Json): Listed[] {
  const all = measures(s).flatMap((x: Json) => x.initiatives);
  const own = m.initiatives.map((i: Json) => ({ i, years: null }));
  const relisted = (m.relisted ?? [])
    .map((r: Json) => ({ i: all.find((i: Json) => i.id === r.initiative), years: r.years ?? [] }))
    .filter((l: Listed) => l.i);
  return [...own, ...relisted];
}
const covers = (l: Listed, y: number) => l.years === null || l.years.length === 0 || l.years.includes(y);
const entry = (l: Listed, y: number) => (covers(l, y) ? l.i.years.find((e: Json) => e.fiscal_year === y) : undefined);
function total(s: Json, m: Json, y: number, key: 'budget' | 'settled'): number | undefined {
  const amounts = listed(s, m).map((l) => entry(l, y)?.[key]).filter((v) => v !== undefined && v !== null);
  return amounts.length ? amounts.reduce((a, b) => a + b, 0) : undefined;
}
function expectedSheet(s: Json, m: Json, y: number) {
  const plan = [y + 1, y + 2, y + 3];
  const all = listed(s, m);
  return {
    results: all.filter((l) => entry(l, y)),
    plan: all
      .filter((l) => plan.some((p) => entry(l, p)))
      .map((l) => ({
        title: l.i.title,
        budget: money(entry(l, plan[0])?.budget),
        d2: DIRECTIONS[entry(l, plan[1])?.direction] ?? '—',
        d3: DIRECTIONS[entry(l, plan[2])?.direction] ?? '—',
      })),
    settled: money(total(s, m, y, 'settled')),
    budget: money(total(s, m, plan[0], 'budget')),
    evaluation: (m.evaluations ?? []).find((e: Json) => e.fiscal_year === y),
  };
}
function latestEvaluationYear(s: Json): number {
  return Math.max(...measures(s).flatMap((m: Json) => (m.evaluations ?? []).map((e: Json) => e.fiscal_year)));
}

// ── Navigation ──

/** Opens an example and returns its id (from the URL). */
async function openExample(page: Page, openApp: () => Promise<void>, key: string): Promise<string> {
  await openApp();
  await page.getByTestId(`example-${key}`).click();
  await expect(page.getByTestId('overview')).toBeVisible();
  const id = /^#\/s\/([^/]+)/.exec(new URL(page.url()).hash)?.[1];
  expect(id, 'the strategy id is in the URL').toBeTruthy();
  return id!;
}

async function goReport(page: Page, id: string, report: 'targets' | 'sheets') {
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/print/${report}`);
  await expect(page.locator(`[data-testid=print-report][data-report=${report}]`)).toBeVisible();
}

/** Waits until every indicator chart of the report has its canvas. */
async function chartsDrawn(page: Page, count: number) {
  await expect(page.locator('[data-testid=print-report] [data-chart=indicator] canvas')).toHaveCount(count);
}

/** What each sheet on the page shows, read in one go. */
function sheetFacts(page: Page) {
  return page.getByTestId('sheet').evaluateAll((sheets) =>
    sheets.map((sheet) => {
      const text = (testid: string, within: Element = sheet) => within.querySelector(`[data-testid=${testid}]`)?.textContent ?? '';
      return {
        text: sheet.textContent ?? '',
        title: text('sheet-title'),
        planYears: [1, 2, 3].map((n) => text(`plan-year-${n}`)),
        results: sheet.querySelectorAll('[data-testid=result-row]').length,
        settled: text('sheet-settled-total'),
        budget: text('sheet-budget-total'),
        plan: [...sheet.querySelectorAll('[data-testid=plan-row]')].map((row) => ({
          title: text('initiative-name', row),
          budget: text('plan-budget', row),
          d2: text('plan-direction-2', row),
          d3: text('plan-direction-3', row),
        })),
        rating: text('sheet-rating'),
        improvements: text('sheet-improvements'),
        nextPlan: text('sheet-next-plan'),
        related: text('sheet-related'),
      };
    }),
  );
}

const injected = (page: Page) =>
  page.evaluate(() => ({
    xss: (window as unknown as { __xss?: number }).__xss,
    elements: document.querySelectorAll('img[src="x"], iframe, script:not([src]):not([type]), svg[onload], [onerror], [onload], [onmouseover], b').length,
  }));

test('北本市: the target report shows every goal with its direction and every indicator with baseline and target', async ({ page, openApp, pageErrors, shot }) => {
  const s = example('kitamoto');
  const id = await openExample(page, openApp, 'kitamoto');
  await goReport(page, id, 'targets');
  const report = page.getByTestId('print-report');
  await expect(page.getByTestId('print-toolbar')).toBeVisible();
  await expect(page.getByTestId('print-button')).toHaveText('印刷');
  await expect(page.getByTestId('print-back')).toHaveAttribute('href', `#/s/${id}/files`);
  await expect(page.getByTestId('print-title')).toHaveText(s.title);
  await expect(report).toContainText(s.municipality.name);

  const goals = report.getByTestId('print-goal');
  await expect(goals).toHaveCount(s.goals.length);
  let charts = 0;
  for (const [k, g] of s.goals.entries()) {
    const section = goals.nth(k);
    await expect(section.getByTestId('print-goal-title')).toContainText(g.title);
    await expect(section.getByTestId('print-goal-title')).toContainText(`${g.kind === 'basic' ? '基本目標' : '横断的な目標'} ${g.number}`);
    if (g.direction) await expect(section.getByTestId('print-goal-direction')).toHaveText(g.direction);
    const indicators = g.targets.map((t: string) => s.indicators.find((i: Json) => i.id === t));
    const rows = section.getByTestId('target-row');
    const series = indicators.flatMap((ind: Json) => ind.series.map((se: Json, n: number) => ({ ind, se, n })));
    await expect(rows, `rows of ${g.title}`).toHaveCount(series.length);
    const labelled = series.some(({ se }: Json) => se.label);
    for (const [r, { ind, se, n }] of series.entries()) {
      const row = rows.nth(r);
      if (n === 0) {
        await expect(row.getByTestId('cell-code')).toHaveText(ind.code);
        await expect(row.getByTestId('cell-name')).toHaveText(ind.name);
      }
      if (labelled) await expect(row.getByTestId('cell-label')).toHaveText(se.label);
      await expect(row.getByTestId('cell-baseline'), `${ind.code} ${ind.name} ${se.label}`).toHaveText(baseline(se.baseline, ind.unit));
      await expect(row.getByTestId('cell-target'), `${ind.code} ${ind.name} ${se.label}`).toHaveText(target(se.target, ind.unit));
      // No actuals in the example yet: no progress, no data.
      await expect(row.getByTestId('cell-actual')).toHaveText('—');
      await expect(row.getByTestId('cell-status')).toContainText('データなし');
    }
    charts += indicators.length;
  }
  // Each goal's indicators are drawn below its table; the charts can be left out.
  await chartsDrawn(page, charts);
  await shot('print-targets-kitamoto');
  await page.getByTestId('print-charts').uncheck();
  await chartsDrawn(page, 0);
  await expect(page.getByTestId('target-row')).toHaveCount(s.goals.reduce((n: number, g: Json) => n + g.targets.reduce((m: number, t: string) => m + s.indicators.find((i: Json) => i.id === t).series.length, 0), 0));

  // Read as of a fiscal year: the actual column names it.
  await page.getByTestId('print-as-of').selectOption(String(s.period.first + 1));
  await expect(report.locator('thead').first()).toContainText(`${fiscalYear(s.period.first + 1)}の実績`);
  await page.getByTestId('print-as-of').selectOption('');
  await expect(report.locator('thead').first()).toContainText('最新の実績');

  // In print only the paper is left: no top bar, no toolbar.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.topbar')).toBeHidden();
  await expect(page.getByTestId('print-toolbar')).toBeHidden();
  await expect(report).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // English is one click away, with the same numbers.
  await page.getByTestId('language').click();
  await expect(page.getByTestId('print-button')).toHaveText('Print');
  await expect(report.locator('thead').first()).toContainText('Baseline');
  await page.getByTestId('language').click();
  expect(pageErrors).toEqual([]);
});

test('北斗市: one evaluation sheet per measure with its settled cost, rating and 3-year plan', async ({ page, openApp, pageErrors, shot }) => {
  const s = example('hokuto');
  const year = latestEvaluationYear(s);
  const id = await openExample(page, openApp, 'hokuto');
  await goReport(page, id, 'sheets');
  const all = measures(s);
  await expect(page.getByTestId('print-year')).toHaveValue(String(year));
  const sheets = page.getByTestId('sheet');
  await expect(sheets).toHaveCount(all.length);
  const facts = await sheetFacts(page);
  for (const [k, m] of all.entries()) {
    const want = expectedSheet(s, m, year);
    const got = facts[k];
    expect(got.title, `sheet ${k + 1}`).toContain(m.title);
    expect(got.title.includes('【重点施策】'), `${m.title}: 【重点施策】`).toBe(Boolean(m.priority));
    expect(got.text).toContain(`${fiscalYear(year)} 事業実績`);
    expect(got.planYears).toEqual([year + 1, year + 2, year + 3].map(fiscalYear));
    expect(got.results, `results of ${m.title}`).toBe(want.results.length);
    expect(got.settled, `計 (決算額) of ${m.title}`).toBe(want.settled);
    expect(got.budget, `計 (予算額) of ${m.title}`).toBe(want.budget);
    expect(got.plan.map((p) => ({ ...p, title: '' })), `3-year plan of ${m.title}`).toEqual(want.plan.map((p) => ({ ...p, title: '' })));
    for (const [r, p] of want.plan.entries()) expect(got.plan[r].title).toContain(p.title);
    expect(got.rating).toBe(want.evaluation?.rating ?? '—');
    if (want.evaluation?.improvements) expect(got.improvements).toBe(want.evaluation.improvements);
    if (want.evaluation?.next_plan) expect(got.nextPlan).toBe(want.evaluation.next_plan);
    for (const r of m.related_external ?? []) expect(got.related).toContain(r);
  }
  // Re-listed projects are marked on the sheets that re-list them.
  const relisting = all.findIndex((m: Json) => m.initiatives.length === 0 && (m.relisted ?? []).length > 0);
  expect(relisting).toBeGreaterThanOrEqual(0);
  await expect(sheets.nth(relisting).getByTestId('plan-row').first()).toContainText('【再掲】');
  await shot('print-sheets-hokuto');

  // Only the measures evaluated that year.
  await page.getByTestId('print-only-evaluated').check();
  const evaluated = all.filter((m: Json) => (m.evaluations ?? []).some((e: Json) => e.fiscal_year === year));
  await expect(sheets).toHaveCount(evaluated.length);
  await page.getByTestId('print-only-evaluated').uncheck();

  // Another year: its settled costs and the three years after it.
  await page.getByTestId('print-year').selectOption(String(year + 1));
  await expect(sheets.first().getByTestId('plan-year-1')).toHaveText(fiscalYear(year + 2));
  const next = await sheetFacts(page);
  for (const [k, m] of all.entries()) {
    const want = expectedSheet(s, m, year + 1);
    expect([next[k].settled, next[k].budget, next[k].rating], m.title).toEqual([want.settled, want.budget, want.evaluation?.rating ?? '—']);
  }
  expect(pageErrors).toEqual([]);
});

test('markup in every text field prints as text, running nothing', async ({ page, openApp, pageErrors, shot }) => {
  const file = fs.readFileSync(path.join(REPO_ROOT, 'tests', 'files', 'bad', 'xss-everywhere.json'), 'utf8');
  const s = JSON.parse(file).strategy;
  const dialogs = recordDialogs(page);
  await openApp();
  await page.getByTestId('import-file').setInputFiles({ name: 'xss-everywhere.json', mimeType: 'application/json', buffer: Buffer.from(file, 'utf8') });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(s.title);
  const id = s.id;

  await goReport(page, id, 'targets');
  await expect(page.getByTestId('print-title')).toHaveText(s.title);
  await expect(page.getByTestId('print-goal-title').first()).toContainText(s.goals[0].title);
  await expect(page.getByTestId('print-goal-direction').first()).toHaveText(s.goals[0].direction);
  const ind = s.indicators.find((i: Json) => i.id === s.goals[0].targets[0]);
  // The name as text, then the mark of its source's footnote (the source is markup too).
  await expect(page.getByTestId('cell-name').first()).toHaveText(`${ind.name}${ind.source ? '※1' : ''}`);
  await page.waitForTimeout(300);
  expect(await injected(page)).toEqual({ xss: undefined, elements: 0 });
  await shot('print-targets-xss');

  await goReport(page, id, 'sheets');
  const m = s.goals[0].measures[0];
  const sheet = page.getByTestId('sheet').first();
  await expect(sheet.getByTestId('sheet-title')).toContainText(m.title);
  await expect(sheet.getByTestId('sheet-rating')).toHaveText(m.evaluations[0].rating);
  await expect(sheet.getByTestId('sheet-improvements')).toHaveText(m.evaluations[0].improvements);
  await expect(sheet.getByTestId('sheet-related')).toContainText(m.related_external[0]);
  await expect(sheet.getByTestId('result-row').first()).toContainText(m.initiatives[0].title);
  await expect(sheet.getByTestId('result-row').first()).toContainText(m.initiatives[0].years[0].result);
  await page.waitForTimeout(300);
  expect(await injected(page)).toEqual({ xss: undefined, elements: 0 });
  await shot('print-sheets-xss');
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});

// ── PDF ──

test('both reports of both examples print to A4 PDFs; every sheet starts a page', async ({ page, openApp, pageErrors }) => {
  test.skip(!hasPoppler(), 'pdftoppm / pdftotext (Debian package poppler-utils) are not installed: apt-get install -y poppler-utils');
  test.setTimeout(180_000);

  // 北斗市
  const hokuto = example('hokuto');
  const year = latestEvaluationYear(hokuto);
  let id = await openExample(page, openApp, 'hokuto');
  await goReport(page, id, 'sheets');
  const all = measures(hokuto);
  await expect(page.getByTestId('sheet')).toHaveCount(all.length);
  const sheets = await printPdf(page, 'hokuto-sheets');
  expect(sheets.pages.length, 'each measure starts a page').toBeGreaterThanOrEqual(all.length);
  expect(sheets.pages.length, 'a sheet takes one or two pages').toBeLessThanOrEqual(2 * all.length);
  // Every page carries exactly one sheet header (repeated when a sheet runs onto a second
  // page), naming its measure; the measures come in order, each on at least one page.
  const marker = `${fiscalYear(year)} 施策評価シート`;
  for (const [n, text] of sheets.pages.entries()) expect(text.split(marker).length - 1, `sheet headers on page ${n + 1}`).toBe(1);
  const flat = (t: string) => t.replace(/\s+/g, '');
  const heads = all.map((m) => flat(`主要施策${m.number ?? ''}${m.title}`));
  // The measure whose header line is on the page (the longest, should one title begin another).
  const measureOf = (text: string) =>
    heads.map((h, k) => ({ h, k })).filter(({ h }) => flat(text).includes(h)).sort((a, b) => b.h.length - a.h.length)[0]?.k ?? -1;
  const owners = sheets.pages.map(measureOf);
  expect(owners.every((k) => k >= 0), `a measure on every page: ${owners}`).toBe(true);
  expect([...owners].sort((a, b) => a - b), 'in order').toEqual(owners);
  expect(new Set(owners).size, 'every measure printed').toBe(all.length);
  expect(sheets.pages[0]).toContain('計');
  onlyPaper(sheets.pages);

  await goReport(page, id, 'targets');
  const hokutoTargets = await printPdf(page, 'hokuto-targets');
  expect(hokutoTargets.pages.length).toBeGreaterThanOrEqual(1);
  expect(hokutoTargets.pages.length).toBeLessThanOrEqual(3);
  // No goal has a target: one line says so and names them, none is printed with an empty table.
  expect(hokutoTargets.pages.join('')).toMatch(/数値目標・\s*KPI\s*はまだありません/);
  expect(hokutoTargets.pages.join('')).toMatch(/数値目標・\s*KPI\s*のない目標/);
  expect(hokutoTargets.pages.join('')).not.toMatch(/KPI\s*はありません/);
  onlyPaper(hokutoTargets.pages);

  // 北本市
  const kitamoto = example('kitamoto');
  id = await openExample(page, openApp, 'kitamoto');
  await goReport(page, id, 'targets');
  const charts = kitamoto.goals.reduce((n: number, g: Json) => n + g.targets.length, 0);
  await chartsDrawn(page, charts);
  const targets = await printPdf(page, 'kitamoto-targets');
  // Six goals with their tables and 17 charts, two charts a row.
  expect(targets.pages.length).toBeGreaterThanOrEqual(3);
  expect(targets.pages.length).toBeLessThanOrEqual(12);
  const text = targets.pages.join('\n').replace(/\s+/g, '');
  for (const g of kitamoto.goals) expect(text).toContain(g.title.replace(/\s+/g, ''));
  for (const ind of kitamoto.indicators) expect(text).toContain(ind.name.replace(/\s+/g, ''));
  onlyPaper(targets.pages);

  await goReport(page, id, 'sheets');
  await expect(page.getByTestId('print-empty')).toBeVisible();
  const kitamotoSheets = await printPdf(page, 'kitamoto-sheets');
  expect(kitamotoSheets.pages.length).toBe(1);
  expect(kitamotoSheets.pages[0]).toContain('施策はまだありません');
  expect(pageErrors).toEqual([]);
});

test('a measure\'s KPI is printed under its goal, the measure named with its section', async ({ page, openApp, pageErrors, shot }) => {
  // 北斗市 with one KPI on measure 1 of goal 1, as an officer adds it (on the measure, not the goal).
  const file = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'hokuto.json'), 'utf8'));
  const s = file.strategy;
  s.indicators.push({
    id: 'ind-e2e-tennyu', code: '', name: '転入者数', unit: '人', kind: 'outcome', direction: 'increase', source: '', notes: '',
    series: [{ id: 'ser-e2e-tennyu', label: '', baseline: { value: 120, year: 2023 }, target: { kind: 'value', value: 150, year: 2029 },
      interim: [], actuals: [{ year: 2024, value: 125, provisional: false, comment: '' }] }],
  });
  s.goals[0].measures[0].kpis = ['ind-e2e-tennyu'];
  await openApp();
  await page.getByTestId('import-file').setInputFiles({ name: 'hokuto-kpi.shirube.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  await goReport(page, s.id, 'targets');
  const goal = page.getByTestId('print-goal').first();
  await expect(goal).toContainText('この目標に直接の数値目標はありません（施策の KPI を下に示します）。');
  const m = s.goals[0].measures[0];
  // Named with its section (担当課), which 北斗市's example gives every measure.
  const section = s.departments.find((d: any) => d.id === m.department)?.name;
  expect(section).toBeTruthy();
  await expect(goal.getByTestId('print-kpi-measure')).toHaveText(`施策 ${m.number} ${m.title}　担当課：${section}`);
  await expect(goal.getByTestId('target-row')).toHaveCount(1);
  await expect(goal.getByTestId('target-row').getByTestId('cell-name')).toHaveText('転入者数');
  // The other goals have none: left out, and named once.
  await expect(page.getByTestId('print-goal')).toHaveCount(1);
  const leftOut = page.getByTestId('print-goals-without-targets');
  await expect(leftOut).toHaveCount(1);
  for (const g of s.goals.slice(1)) await expect(leftOut).toContainText(`基本目標 ${g.number} ${g.title}`);
  await shot('print-kpi-under-goal');
  expect(pageErrors).toEqual([]);
});
