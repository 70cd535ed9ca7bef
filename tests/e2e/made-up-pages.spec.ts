// Each page renders the right cells: the made-up example 「しるべ町（架空）」 (one indicator of
// every target kind, a target revised mid-plan, a grant project) walked once per page — the
// overview's table, the printed 数値目標の状況 with its yearly tables and each indicator's chart,
// the printed 交付金事業の効果検証, every CSV download and the JSON export read back —, each
// cell compared with tests/e2e/made-up-pages.json. That table is written by the Rust side with
// the calls the pages make (tests/made_up_pages.rs, which fails when it is out of date); the
// figures in it are tested natively (src/examples/made_up_tests.rs, src/locale, src/charts,
// src/format/csv, src/model/grant.rs).
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';
import { hasPoppler, printPdf } from './pdf';

type Cells = string[][];
interface Table {
  title: string;
  overview: { code: string; name: string; cells: string[] }[];
  print_targets: { code: string; name: string; rows: Cells; years: Cells }[];
  charts: { code: string; name: string; summary: string; table: Cells }[];
  print_grants: {
    year: number;
    heading: string;
    heading_en: string;
    projects: {
      title: string; programme: string; plan: string; period: string; amounts: string; kpis: Cells; effect: string; policy: string; experts: string; reason: string | null;
      en: { programme: string; effect: string; policy: string; achieved: string[] };
    }[];
  };
  csv: Record<string, string>;
}

const TABLE: Table = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests', 'e2e', 'made-up-pages.json'), 'utf8'));

/** Each row's cells (th and td, its own only), their text trimmed. */
function cellsOf(rows: Locator): Promise<Cells> {
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll(':scope > th, :scope > td')].map((c) => (c.textContent ?? '').trim())));
}

/** Opens the made-up example on its overview; returns its id. */
async function openMadeUp(page: Page, openApp: () => Promise<void>): Promise<string> {
  await openApp();
  await page.getByTestId('example-made-up').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(TABLE.title);
  return /^#\/s\/([^/]+)/.exec(new URL(page.url()).hash)![1];
}

test('the overview shows each indicator\'s cells', async ({ page, openApp, pageErrors, shot }) => {
  await openMadeUp(page, openApp);
  const rows = page.getByTestId('overview').getByTestId('goal').getByTestId('target-row');
  await expect(rows).toHaveCount(TABLE.overview.length);
  expect(await cellsOf(rows)).toEqual(TABLE.overview.map((r) => r.cells));
  await shot('made-up-overview');
  expect(pageErrors).toEqual([]);
});

test('the printed 数値目標の状況 has each indicator\'s row, yearly table and chart', async ({ page, openApp, pageErrors, shot }) => {
  const id = await openMadeUp(page, openApp);
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/print/targets`);
  const report = page.locator('[data-testid=print-report][data-report=targets]');
  await expect(report).toBeVisible();
  const bodies = report.getByTestId('indicator-rows');
  await expect(bodies).toHaveCount(TABLE.print_targets.length);
  for (const [k, ind] of TABLE.print_targets.entries()) {
    const body = bodies.nth(k);
    expect(await cellsOf(body.locator(':scope > tr[data-testid=target-row]')), ind.code).toEqual(ind.rows);
    expect(await cellsOf(body.getByTestId('year-table').locator('tr')), ind.code).toEqual(ind.years);
  }
  // The charts under the tables, each with its summary and, shown as a table, its cells.
  const figures = report.getByTestId('print-charts-of-goal').getByTestId('chart');
  await expect(figures).toHaveCount(TABLE.charts.length);
  await expect(figures.getByTestId('chart-summary')).toHaveText(TABLE.charts.map((c) => c.summary));
  for (const [k, c] of TABLE.charts.entries()) {
    const figure = figures.nth(k);
    await figure.getByTestId('chart-table-toggle').click();
    expect(await cellsOf(figure.getByTestId('chart-table').locator('tr')), c.code).toEqual(c.table);
  }
  await shot('made-up-print-targets');
  expect(pageErrors).toEqual([]);
});

test('the printed 交付金事業の効果検証 has the project\'s facts, KPI rows and review', async ({ page, openApp, pageErrors, shot }) => {
  const id = await openMadeUp(page, openApp);
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/files`);
  await page.getByTestId('to-print-grants').click();
  const report = page.locator('[data-testid=print-report][data-report=grants]');
  await expect(report).toBeVisible();
  const g = TABLE.print_grants;
  await expect(page.getByTestId('print-year')).toHaveValue(String(g.year));
  await expect(report.getByTestId('print-grants-heading')).toHaveText(g.heading);
  const projects = report.getByTestId('grant-project');
  await expect(projects).toHaveCount(g.projects.length);
  for (const [k, p] of g.projects.entries()) {
    const project = projects.nth(k);
    for (const field of ['title', 'programme', 'plan', 'period', 'amounts', 'effect', 'policy', 'experts'] as const) {
      await expect(project.getByTestId(`grant-${field}`), field).toHaveText(p[field]);
    }
    if (p.reason === null) await expect(project.getByTestId('grant-reason')).toHaveCount(0);
    else await expect(project.getByTestId('grant-reason')).toHaveText(p.reason);
    expect(await cellsOf(project.getByTestId('grant-kpi-row'))).toEqual(p.kpis);
  }
  await shot('made-up-print-grants');
  // On A4 (test-results/print/made-up-grants-*.png): one page, nothing of the screen's furniture
  // (the town is called しるべ町, so the check is by the toolbar's words).
  if (hasPoppler()) {
    const pdf = await printPdf(page, 'made-up-grants');
    expect(pdf.pages).toHaveLength(1);
    const text = pdf.pages.join('\n').replace(/\s+/g, '');
    for (const words of [g.heading, ...g.projects.map((p) => p.title)]) expect(text).toContain(words.replace(/\s+/g, ''));
    expect(text).not.toContain('検証する年度');
  }

  // In English: the report's own words.
  await page.getByTestId('language').click();
  await expect(report.getByTestId('print-grants-heading')).toHaveText(g.heading_en);
  for (const [k, p] of g.projects.entries()) {
    const project = projects.nth(k);
    for (const field of ['programme', 'effect', 'policy'] as const) {
      await expect(project.getByTestId(`grant-${field}`), field).toHaveText(p.en[field]);
    }
    await expect(project.getByTestId('grant-kpi-achieved')).toHaveText(p.en.achieved);
  }
  await page.getByTestId('language').click();
  expect(pageErrors).toEqual([]);
});

test('every CSV download holds the table\'s text, and the JSON export reads back as stored', async ({ page, openApp, pageErrors }) => {
  const id = await openMadeUp(page, openApp);
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/files`);
  await expect(page.getByTestId('files-page')).toBeVisible();
  for (const [testid, text] of Object.entries(TABLE.csv)) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    expect(file.suggestedFilename(), testid).toMatch(testid === 'export-csv-grants' ? /交付金事業の効果検証_令和5年度.*\.csv$/ : /\.csv$/);
    expect(fs.readFileSync((await file.path())!, 'utf8'), testid).toBe(text);
  }

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const jsonText = fs.readFileSync((await json.path())!, 'utf8');
  expect(JSON.parse(jsonText).strategy.title).toBe(TABLE.title);
  await page.goto('./#/');
  await page.getByTestId('import-file').setInputFiles({ name: json.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(jsonText, 'utf8') });
  await expect(page.getByTestId('preview-identical')).toHaveText('ファイルの内容は保存されているものと同じです。');
  expect(pageErrors).toEqual([]);
});
