// The printed KPI report (数値目標の状況, src/ui/output/print/targets.rs) as a committee reads it: the
// longest texts an indicator can hold kept within the A4 paper (a 300-character 出典 URL, a
// progress figure with its words), and the goals without targets named once instead of printed
// each with an empty table.
//
// 北本市's example (plan 令和4〜7年度) with a year's actuals and an interim target typed in, as a
// town would. Each cell of the report and of its yearly tables is made-up-pages.spec's (against
// the table the Rust side prints); the yearly tables' figures are charts::yearly's, tested natively.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';
import { hasPoppler, onlyPaper, printPdf, PRINT_DIR } from './pdf';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const PAY = '就業者一人あたり市内純生産'; // 5-1: 431.5万円 (H30) → 438.3万円
const SAFE = '安全で安らげるまちなみとなっていると思う市民の割合'; // 4-1: 57.6% → 60.3%
// 300 characters, no place to break.
const URL_300 = `https://www.city.kitamoto.lg.jp/soshiki/seisaku/kikaku/${'a1b2c3d4e5'.repeat(30)}`.slice(0, 300);

function kitamoto(): Json {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'kitamoto.json'), 'utf8'));
}

/** 北本市 with two years of 5-1 typed (an interim target for 令和5年度), 4-1 below its baseline
 *  (−26%) with a 300-character source URL, and, when asked, the template's two cross-cutting
 *  goals still without targets. */
function edited(extraGoals: boolean): Json {
  const file = kitamoto();
  const s = file.strategy;
  const ind = (name: string) => s.indicators.find((i: Json) => i.name === name);
  const pay = ind(PAY).series[0];
  pay.interim = [{ year: 2023, value: 434 }];
  pay.actuals = [
    { year: 2022, value: 432.8, provisional: false, comment: '' },
    { year: 2023, value: 435.1, provisional: true, comment: '' },
  ];
  const safe = ind(SAFE);
  safe.source = URL_300;
  // (56.9 − 57.6) / (60.3 − 57.6) = −0.259… → −26%
  safe.series[0].actuals = [{ year: 2023, value: 56.9, provisional: false, comment: '' }];
  if (extraGoals) {
    const template = s.goals.find((g: Json) => g.kind === 'cross_cutting');
    for (const [k, title] of ['地域の担い手を育てる（ひな形）', '誰もが活躍できる地域社会をつくる（ひな形）'].entries()) {
      s.goals.push({ ...template, id: `goal-e2e-empty-${k}`, number: String(3 + k), title, direction: '', targets: [], measures: [] });
    }
  }
  return file;
}

async function importFile(page: Page, openApp: () => Promise<void>, file: Json) {
  await openApp();
  await page.getByTestId('import-file').setInputFiles({ name: 'kitamoto-years.shirube.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  await page.evaluate((h) => (location.hash = h), `#/s/${file.strategy.id}/print/targets`);
  await expect(page.locator('[data-testid=print-report][data-report=targets]')).toBeVisible();
}

/** The indicator's rows and yearly table (one tbody). */
const indicator = (page: Page, name: string) =>
  page.getByTestId('indicator-rows').filter({ has: page.getByTestId('cell-name').filter({ hasText: name }) });

/** Whatever of the report reaches outside the paper's printable width (its content box):
 *  element boxes, text lines (a long word that does not break), and elements whose content is
 *  wider than they are. */
function outsideThePaper(page: Page) {
  return page.evaluate(() => {
    const paper = document.querySelector('[data-testid=print-report]') as HTMLElement;
    const box = paper.getBoundingClientRect();
    const css = getComputedStyle(paper);
    const [left, right] = [box.left + parseFloat(css.paddingLeft) - 1, box.right - parseFloat(css.paddingRight) + 1];
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${el.getAttribute('data-testid') ?? ''}] ${(el.textContent ?? '').slice(0, 40)}`;
    const out: string[] = [];
    for (const el of paper.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < left || r.right > right) out.push(`box ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(left)}–${Math.round(right)}: ${name(el)}`);
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) out.push(`content ${el.scrollWidth} wider than ${el.clientWidth}: ${name(el)}`);
    }
    const range = document.createRange();
    range.selectNodeContents(paper);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && (r.left < left || r.right > right)) out.push(`text line ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(left)}–${Math.round(right)}`);
    }
    return { width: right - left, out: [...new Set(out)] };
  });
}

test('the longest texts stay on the A4 paper: a 300-character source URL, a progress with its words', async ({ page, openApp, pageErrors, shot }) => {
  test.setTimeout(120_000);
  await importFile(page, openApp, edited(false));
  const safe = indicator(page, SAFE);
  await expect(safe.getByTestId('cell-progress')).toHaveText('−26%（基準値を下回る）');
  await expect(page.getByTestId('print-footnote').filter({ hasText: URL_300.slice(0, 40) })).toHaveText(`※1 ${URL_300}`);
  await expect(safe.getByTestId('cell-name').getByTestId('footnote-mark')).toHaveText('※1');
  // Charts drawn, so that the check below sees them too.
  await expect(page.locator('[data-testid=print-report] [data-chart=indicator] canvas').first()).toBeVisible();

  // The progress's words wrap between their characters only as the column needs: 「−26%」 on one
  // line, 「（基準値を下回る）」 on at most two more — never a character a line.
  const lines = await safe.getByTestId('cell-progress').evaluate((td) => {
    const lineHeight = (el: Element) => parseFloat(getComputedStyle(el).lineHeight);
    const [figure, words] = [td.querySelector('.figure')!, td.querySelector('.words')!];
    return [figure, words].map((el) => Math.round(el.getBoundingClientRect().height / lineHeight(el)));
  });
  expect(lines[0], 'lines of 「−26%」').toBe(1);
  expect(lines[1], 'lines of 「（基準値を下回る）」 (9 characters)').toBeLessThanOrEqual(3);

  // On screen the paper is exactly as wide as the printed page's content (186 mm ≈ 703 px).
  const screen = await outsideThePaper(page);
  expect(Math.abs(screen.width - 703)).toBeLessThan(4);
  expect(screen.out, 'outside the paper on screen').toEqual([]);
  await page.getByTestId('print-footnote').filter({ hasText: URL_300.slice(0, 40) }).scrollIntoViewIfNeeded();
  await shot('print-years-long-url');

  // As printed: the page laid out at the paper's width.
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const printed = await outsideThePaper(page);
  expect(printed.out, 'outside the paper in print').toEqual([]);
  // Back to the page's own media: page.pdf prints with print media unless told otherwise.
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The PDF holds the whole URL (broken over lines, nothing cut) and the yearly tables.
  if (hasPoppler()) {
    const pdf = await printPdf(page, 'print-years-long');
    const text = pdf.pages.join('\n').replace(/\s+/g, '');
    expect(text, 'the whole URL on paper').toContain(URL_300);
    expect(text).toContain('単位：万円');
    expect(text).toContain('435.1（速報）');
    onlyPaper(pdf.pages);
    // The page with the URL, to look at (test-results/print/print-years-long-*.png).
    expect(fs.readdirSync(PRINT_DIR).some((f) => f.startsWith('print-years-long-') && f.endsWith('.png'))).toBe(true);
  }
  expect(pageErrors).toEqual([]);
});

test('goals without targets are left out of the report and named once', async ({ page, openApp, pageErrors, shot }) => {
  const file = edited(true);
  const s = file.strategy;
  await importFile(page, openApp, file);
  const withTargets = s.goals.filter((g: Json) => g.targets.length > 0);
  await expect(page.getByTestId('print-goal')).toHaveCount(withTargets.length);
  const line = page.getByTestId('print-goals-without-targets');
  await expect(line).toHaveText('数値目標・KPI のない目標（この報告には載せていません）：横断的な目標 3 地域の担い手を育てる（ひな形）、横断的な目標 4 誰もが活躍できる地域社会をつくる（ひな形）');
  await expect(page.getByTestId('print-report')).not.toContainText('KPI はありません');
  await expect(page.getByTestId('print-no-targets')).toHaveCount(0);
  await shot('print-years-goals-left-out');
  // The yearly tables (one per indicator of the report) can be left out.
  const indicators = withTargets.reduce((n: number, g: Json) => n + g.targets.length, 0);
  await expect(page.getByTestId('year-table')).toHaveCount(indicators);
  await page.getByTestId('print-years').uncheck();
  await expect(page.getByTestId('year-table')).toHaveCount(0);
  await page.getByTestId('print-years').check();
  await page.getByTestId('language').click();
  await expect(line).toHaveText('Goals without numerical targets or KPIs (not in this report): Cross-cutting goal 3 地域の担い手を育てる（ひな形）; Cross-cutting goal 4 誰もが活躍できる地域社会をつくる（ひな形）');
  await page.getByTestId('language').click();
  expect(pageErrors).toEqual([]);
});
