// KPI progress and charts: real ECharts in Chromium. An actual typed into the editor changes the
// indicator chart, its status and the dashboard (updated in place, same instance); the table
// alternative holds the chart's numbers; user text reaches tooltips as text only; charts are
// disposed when their view goes away; PNG export; screenshots of every chart with both examples.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { writeStored } from './stored';
import { REPO_ROOT } from './paths';
import type { Page, Locator } from '@playwright/test';

/** The ECharts option of the chart inside `figure` (a [data-testid=chart] element). */
async function optionOf(figure: Locator): Promise<any> {
  return figure.getByTestId('chart-canvas').evaluate((el) => {
    const chart = (window as any).echarts.getInstanceByDom(el);
    return chart ? JSON.parse(JSON.stringify(chart.getOption())) : null;
  });
}

async function instanceId(figure: Locator): Promise<string | null> {
  return figure.getByTestId('chart-canvas').evaluate((el) => el.getAttribute('_echarts_instance_'));
}

/** Live ECharts instances (kept by the app) and chart elements with an instance on the page. */
async function chartCounts(page: Page) {
  return page.evaluate(() => {
    const live = Number(document.documentElement.dataset.liveCharts ?? '0');
    const echarts = (window as any).echarts;
    const els = [...document.querySelectorAll('[data-testid=chart-canvas]')];
    const withInstance = els.filter((el) => echarts.getInstanceByDom(el)).length;
    return { live, elements: els.length, withInstance };
  });
}

async function openKitamotoIndicator(page: Page, openApp: () => Promise<void>, name: string) {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: name }).click();
  await expect(page.getByTestId('indicator-heading')).toContainText(name);
}

async function enterActual(page: Page, testid: string, value: string) {
  await page.getByTestId(testid).fill(value);
  await page.getByTestId(testid).press('Enter');
}

/** Numbers of the series' data (null for gaps), whatever shape each item has. */
function values(series: any): (number | null)[] {
  return series.data.map((d: any) => (d === null || d === undefined ? null : typeof d === 'object' && !Array.isArray(d) ? d.value ?? null : d));
}

test('an actual entered in the editor changes the indicator chart, its status and the dashboard', async ({ page, openApp, pageErrors, shot }) => {
  await openKitamotoIndicator(page, openApp, '出生数');
  const figure = page.getByTestId('indicator-chart').getByTestId('chart');
  await expect(figure.getByTestId('chart-canvas').locator('canvas')).toBeVisible();
  await expect(figure.getByTestId('chart-summary')).toContainText('出生数');
  await expect(figure.getByTestId('chart-summary')).toContainText('データなし');
  const before = await optionOf(figure);
  const years: string[] = before.xAxis[0].data;
  expect(years).toContain('R5');
  const id = await instanceId(figure);

  // 340 → 380 人 over 令和4–7年度: 令和5年度 352人 is 30 % of the way where the path expects 50 %.
  await enterActual(page, 'actual-0-2023', '352');
  await expect(figure.getByTestId('chart-summary')).toContainText('352');
  await expect(figure.getByTestId('chart-summary')).toContainText('遅れ');
  await expect(page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).locator('[data-status]')).toHaveAttribute('data-status', 'behind');
  // The chart is updated a frame after the summary's text (on a busy machine, later still).
  await expect.poll(async () => (await optionOf(figure)).series.some((s: any) => values(s).includes(352))).toBe(true);
  let option = await optionOf(figure);
  const actual = option.series.find((s: any) => values(s).includes(352));
  expect(actual, 'a series holds the actual').toBeTruthy();
  const at = years.indexOf('R5');
  expect(values(actual)[at]).toBe(352);
  // years without an actual are gaps, not zero
  expect(values(actual).filter((v) => v === 0)).toEqual([]);
  expect(values(actual)[years.indexOf('R4')]).toBeNull();
  expect(await instanceId(figure), 'updated in place, not re-created').toBe(id);

  // Crossing the threshold: 372 is 80 % of the way, ahead of the path → on track; 381 → achieved.
  await enterActual(page, 'actual-0-2023', '372');
  await expect(figure.getByTestId('chart-summary')).toContainText('順調');
  await expect(page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).locator('[data-status]')).toHaveAttribute('data-status', 'on_track');
  await enterActual(page, 'actual-0-2023', '381');
  await expect(figure.getByTestId('chart-summary')).toContainText('達成');
  await expect.poll(async () => (await optionOf(figure)).series.some((s: any) => values(s)[at] === 381)).toBe(true);
  option = await optionOf(figure);
  await shot('charts-indicator-kitamoto-births');

  // The table alternative holds the same numbers as the chart.
  await figure.getByTestId('chart-table-toggle').click();
  const table = figure.getByTestId('chart-table');
  await expect(table).toBeVisible();
  const cells = (await table.locator('td, th').allTextContents()).join(' ');
  for (const s of option.series) {
    for (const v of values(s)) {
      if (v !== null && s.type === 'line' && !String(s.name ?? '').includes('経路')) expect(cells).toContain(v.toLocaleString('en-US'));
    }
  }
  await shot('charts-indicator-table');

  // The dashboard counts it: one achieved indicator in 基本目標 7's mix.
  await page.getByTestId('nav-charts').click();
  const status = page.locator('[data-chart=status-by-goal]');
  await expect(status.getByTestId('chart-canvas').locator('canvas')).toBeVisible();
  const dash = await optionOf(status);
  const achieved = dash.series.find((s: any) => s.name === '達成');
  expect(values(achieved).reduce((a: number, b) => a + (b ?? 0), 0)).toBe(1);
  // Back in the editor, another actual changes the open dashboard's numbers in place.
  expect(pageErrors).toEqual([]);
});

test('the dashboard: every chart drawn with its summary, updated in place, the hierarchy opens what is clicked', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await page.getByTestId('nav-charts').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  for (const kind of ['status-by-goal', 'ratings', 'budget-by-goal', 'sdg-coverage', 'hierarchy']) {
    const f = page.locator(`[data-chart=${kind}]`);
    await expect(f.getByTestId('chart-canvas').locator('canvas'), kind).toBeVisible();
    await expect(f.getByTestId('chart-summary'), kind).not.toBeEmpty();
    await expect(f.getByTestId('chart-canvas'), kind).toHaveAttribute('aria-label', /.+: .+/);
  }

  // Budget: 千円 on the axis, numbers present.
  const budget = await optionOf(page.locator('[data-chart=budget-by-goal]'));
  expect(JSON.stringify(budget.yAxis ?? budget.xAxis)).toContain('千円');

  // Year style: Western years on the axes.
  const budgetFigure = page.locator('[data-chart=budget-by-goal]');
  const id = await instanceId(budgetFigure);
  await page.getByTestId('year-style').click();
  await expect.poll(async () => JSON.stringify((await optionOf(budgetFigure)).xAxis)).toContain('2023');
  expect(await instanceId(budgetFigure)).toBe(id);
  await page.getByTestId('year-style').click();

  // English labels when switched.
  await page.getByTestId('language').click();
  await expect(page.locator('[data-chart=status-by-goal]').getByTestId('chart-summary')).not.toContainText('目標');
  await page.getByTestId('language').click();

  // Clicking the hierarchy's centre ring opens that goal in the editor.
  const canvas = page.locator('[data-chart=hierarchy]').getByTestId('chart-canvas');
  const box = (await canvas.boundingBox())!;
  const hierarchy = await optionOf(page.locator('[data-chart=hierarchy]'));
  const first = hierarchy.series[0].data[0];
  expect(first.id).toMatch(/^goal-/);
  await shot('charts-dashboard-hokuto');
  // (the sunburst may still be animating after the language switches: click until it lands)
  await expect(async () => {
    await canvas.click({ position: { x: box.width / 2 + Math.min(box.width, box.height) * 0.1, y: box.height / 2 } });
    await expect(page).toHaveURL(/\/edit\/goal\//, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('goal-form')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('names from users are text in labels and tooltips: nothing runs', async ({ page, openApp, pageErrors }) => {
  const xss = '<img src=x onerror="window.__xss=1">';
  await openApp();
  page.on('dialog', (d) => { throw new Error(`dialog opened: ${d.message()}`); });
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-goal').first().click();
  await page.getByTestId('goal-title').fill(xss);
  await page.getByTestId('goal-title').press('Enter');
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();
  await page.getByTestId('series-label-0').fill(xss);
  await page.getByTestId('series-label-0').press('Enter');
  await enterActual(page, 'actual-0-2023', '352');
  // Hover every chart on the indicator form and the dashboard so tooltips render.
  const hoverAll = async () => {
    for (const canvas of await page.getByTestId('chart-canvas').all()) {
      const box = await canvas.boundingBox();
      if (!box) continue;
      for (const fx of [0.2, 0.35, 0.5, 0.65, 0.8]) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.5);
        await page.waitForTimeout(60);
      }
    }
  };
  await hoverAll();
  await page.getByTestId('nav-charts').click();
  await expect(page.locator('[data-chart=status-by-goal] canvas')).toBeVisible();
  await hoverAll();
  const option = await optionOf(page.locator('[data-chart=status-by-goal]'));
  expect(JSON.stringify(option)).toContain(xss.replaceAll('"', '\\"'));
  expect(option.tooltip[0].renderMode).toBe('richText');
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await page.locator('img[src=x]').count()).toBe(0);
  // the table shows the characters
  await page.locator('[data-chart=status-by-goal]').getByTestId('chart-table-toggle').click();
  await expect(page.locator('[data-chart=status-by-goal]').getByTestId('chart-table')).toContainText(xss);
  expect(pageErrors.filter((e) => !e.text.includes('/x'))).toEqual([]);
});

test('charts are disposed when their view goes away: 50 round trips leak nothing', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  // The example is fetched and read first: its overview is there before its address is taken.
  await expect(page.getByTestId('overview')).toBeVisible();
  const overview = page.url();
  for (let i = 0; i < 50; i++) {
    await page.getByTestId('nav-charts').click();
    await expect(page.locator('[data-chart=hierarchy] canvas')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('overview')).toBeVisible();
  }
  expect(page.url()).toBe(overview);
  let counts = await chartCounts(page);
  expect(counts).toEqual({ live: 0, elements: 0, withInstance: 0 });
  await page.getByTestId('nav-charts').click();
  await expect(page.locator('[data-chart=hierarchy] canvas')).toBeVisible();
  counts = await chartCounts(page);
  expect(counts.elements).toBe(5);
  expect(counts).toEqual({ live: 5, elements: 5, withInstance: 5 });
  expect(pageErrors).toEqual([]);
});

test('charts resize with the window and save as PNG', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await page.getByTestId('nav-charts').click();
  const figure = page.locator('[data-chart=budget-by-goal]');
  await expect(figure.locator('canvas')).toBeVisible();
  const width = () => figure.getByTestId('chart-canvas').evaluate((el) => (window as any).echarts.getInstanceByDom(el).getWidth());
  const wide = await width();
  await page.setViewportSize({ width: 900, height: 800 });
  await expect.poll(width).toBeLessThan(wide);
  const [download] = await Promise.all([page.waitForEvent('download'), figure.getByTestId('chart-png').click()]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(5000);
  expect(pageErrors).toEqual([]);
});

test('screenshots: dashboard of both examples, a 北斗市 measure with its KPI and budget charts', async ({ page, openApp, pageErrors, shot }) => {
  for (const town of ['kitamoto', 'hokuto']) {
    await openApp();
    await page.getByTestId(`example-${town}`).click();
    await page.getByTestId('nav-charts').click();
    await expect(page.locator('[data-chart=hierarchy] canvas')).toBeVisible();
    await page.waitForTimeout(1500);
    await shot(`charts-dashboard-${town}`);
  }
  // 北斗市 主要施策 with initiatives and KPIs.
  await page.getByTestId('to-editor').click();
  await page.getByTestId('outline-measure').first().click();
  await expect(page.getByTestId('measure-charts')).toBeVisible();
  await expect(page.locator('[data-chart=measure-budgets] canvas')).toBeVisible();
  await page.waitForTimeout(1500);
  await shot('charts-measure-hokuto');
  expect(pageErrors).toEqual([]);
});

test('the dashboard rates the latest evaluated year, else this fiscal year within the plan, never a future year', async ({ page, openApp, pageErrors }) => {
  await openApp();
  // 北斗市 has evaluations of 令和5年度: that year.
  await page.getByTestId('example-hokuto').click();
  await page.getByTestId('nav-charts').click();
  await expect(page.getByTestId('rating-year')).toHaveValue('2023');
  // A plan that runs into the future with nothing evaluated yet: this fiscal year (April to
  // March, in the page's time zone), not the plan's last year.
  const file = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'kitamoto.json'), 'utf8'));
  const thisYear = await page.evaluate(() => { const d = new Date(); return d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1; });
  file.strategy.id = 'strategy-future-plan';
  file.strategy.period = { first: thisYear - 1, last: thisYear + 5 };
  await writeStored(page, { 'shirube/v1/strategy/strategy-future-plan': JSON.stringify(file) });
  await page.goto('./#/s/strategy-future-plan/dashboard');
  await page.reload();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('rating-year')).toHaveValue(String(thisYear));
  expect(pageErrors).toEqual([]);
});
