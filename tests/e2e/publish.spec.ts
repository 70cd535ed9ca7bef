// The town's public pages (公表), in Chromium against the release build. For 北本市:
// - on the files page, the town's site, the pages' address and the licence are set, one KPI is
//   marked 非公開 and a goal's 「この1年の主な動き」 is drafted; 「公開用ページを作る」 downloads
//   the zip (its maker is a part of its own);
// - the zip is unpacked (jszip, not the app's code) into test-results/published/kitamoto/ (the
//   Firefox and WebKit suites open it from file://) and served from a sub-folder with
//   `Content-Security-Policy: script-src 'none'`;
// - no file holds a `<script` or an `on…=` attribute, and the 非公開 KPI's name and id are in
//   no file;
// - every page: axe-core (WCAG 2.1 A/AA) finds nothing, no request leaves 127.0.0.1 (the
//   fixture's guard), every relative link resolves;
// - a KPI page's table holds the strategy's values as the app stored them;
// - screenshots of the index and a KPI page at 1280 px and 375 px, and of the panel;
// - with a 出典 address of 90 characters and no break in it, a long title and a long unit (a
//   city's pages were 850 px wide at 320 px), every page reflows at 320 px (WCAG 1.4.10), and
//   every CSV column the data page calls 数値 holds only numbers.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { enter, savedStrategy } from './helpers';
import { REPO_ROOT } from './paths';
import { makeFolder, serve } from './published';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PUBLISHED = path.join(REPO_ROOT, 'test-results', 'published', 'kitamoto');
/** The rows of a CSV text (RFC 4180: a quoted cell may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      cell += c;
    } else if (c !== '\r') {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The `on…=` attributes of every tag of an HTML text (text is escaped, so `<` opens a tag). */
function eventAttributes(html: string): string[] {
  return html
    .split('<')
    .slice(1)
    .flatMap((tag) => tag.split('>')[0].split(/\s+/).slice(1))
    .filter((a) => /^on[a-z]+\s*=/i.test(a));
}

test('the public pages of 北本市: made in the app, served with scripts forbidden, accessible and true to the strategy', async ({ page, openApp, shot, pageErrors }) => {
  test.setTimeout(180_000);
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  // Two years of actuals typed in the editor, as the section would.
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();
  await enter(page, 'actual-0-2023', '352');
  await enter(page, 'actual-0-2024', '361');
  const id = /#\/s\/([^/]+)/.exec(page.url())![1];
  await page.goto(`./#/s/${id}/files`);
  await expect(page.getByTestId('publish')).toBeVisible();
  await enter(page, 'publish-site', 'https://www.city.kitamoto.lg.jp/');
  await enter(page, 'publish-address', 'https://www.city.kitamoto.lg.jp/kpi/');
  await enter(page, 'publish-licence', 'CC BY 4.0');
  await enter(page, 'publish-footer', 'お問い合わせ：企画課 048-591-1111');
  await page.getByTestId('publish-items').locator('summary').click();
  const hiddenCheck = page.getByTestId('publish-kpi-check').nth(1);
  const hiddenName = ((await hiddenCheck.locator('xpath=..').textContent()) ?? '').replace(/^数値目標\s*/, '').trim();
  await hiddenCheck.uncheck();
  // 基本目標3 holds 出生数, which moved from 352 to 361: the draft says so.
  await page.getByTestId('publish-draft').nth(2).click();
  await expect(page.getByTestId('publish-highlight').nth(2)).toHaveValue(/「出生数」は令和5年度の352人から令和6年度の361人になりました。/);
  await expect(page.getByTestId('publish-withheld')).toContainText(hiddenName.split(' ').slice(1).join(' '));
  await shot('publish-panel');
  const s = await savedStrategy(page);
  expect(s.publication.hidden).toHaveLength(1);
  const hiddenId: string = s.publication.hidden[0];

  // The printed report carries a QR code to the pages' address (its reading back is format::qr's
  // test, with a decoder that is not the encoder).
  await page.goto(`./#/s/${id}/print/targets`);
  await expect(page.getByTestId('page-qr')).toContainText('https://www.city.kitamoto.lg.jp/kpi/');
  expect(await page.getByTestId('page-qr').locator('svg path').getAttribute('d')).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
  await page.goto(`./#/s/${id}/files`);
  await expect(page.getByTestId('publish')).toBeVisible();

  const files = await makeFolder(page);
  expect([...files.keys()]).toEqual(expect.arrayContaining(['index.html', 'accessibility.html', 'data.html', 'style.css', 'data/indicators.csv', 'data/strategy.json']));
  fs.rmSync(PUBLISHED, { recursive: true, force: true });
  for (const [rel, bytes] of files) {
    fs.mkdirSync(path.dirname(path.join(PUBLISHED, rel)), { recursive: true });
    fs.writeFileSync(path.join(PUBLISHED, rel), bytes);
  }
  const total = [...files.values()].reduce((n, b) => n + b.length, 0);
  console.log(`[publish] 北本市: ${files.size} files, ${total} bytes`);
  expect(total).toBeLessThan(1_000_000);

  for (const [rel, bytes] of files) {
    const text = bytes.toString('utf8');
    expect(text.toLowerCase().includes('<script'), `${rel}: <script`).toBe(false);
    if (rel.endsWith('.html')) expect(eventAttributes(text), rel).toEqual([]);
    expect(text.includes(hiddenId), `${rel} names the 非公開 KPI`).toBe(false);
  }

  const server = await serve(files);
  try {
    const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    const reader = await page.context().newPage();
    for (const rel of pages) {
      const response = await reader.goto(server.base + rel);
      expect(response?.status(), rel).toBe(200);
      expect(await reader.getAttribute('html', 'lang')).toBe('ja');
      const violations = (await new AxeBuilder({ page: reader }).withTags(TAGS).analyze()).violations;
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), rel).toEqual([]);
      const links = await reader.$$eval('a[href]', (as) => as.map((a) => [a.getAttribute('href')!, (a as HTMLAnchorElement).href]));
      for (const [raw, absolute] of links) {
        if (raw.startsWith('https://www.city.kitamoto.lg.jp')) continue;
        expect(raw, `${rel}: a relative link`).not.toMatch(/^(\/|[a-z]+:)/i);
        const target = new URL(absolute);
        if (target.pathname === new URL(server.base + rel).pathname) continue;
        const answer = await reader.request.get(target.origin + target.pathname);
        expect(answer.status(), `${rel} → ${raw}`).toBe(200);
      }
    }

    // A KPI page's table: every row's year against the strategy's baseline, target and actuals
    // (a baseline or target written without a year sits in the year the app's maths takes).
    const kpi = s.indicators.find((i: any) => i.name === '出生数')!;
    await reader.setViewportSize({ width: 1280, height: 900 });
    await reader.goto(`${server.base}kpi/${kpi.id}.html`);
    await expect(reader.locator('h1')).toContainText(kpi.name);
    const rows = await reader.locator('table').last().locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th')!.textContent!, ...[...tr.querySelectorAll('td')].map((td) => td.textContent!)]),
    );
    const x = kpi.series[0];
    expect(x.target.kind).toBe('value');
    const num = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 10 });
    const expected = new Map<number, [string, string]>();
    const put = (y: number, target?: string, actual?: string) => {
      const [t, a] = expected.get(y) ?? ['－', '－'];
      expected.set(y, [target ?? t, actual ?? a]);
    };
    put(x.baseline.year ?? s.period.first - 1, undefined, `${num(x.baseline.value)}（基準値）`);
    put(x.target.year ?? s.period.last, num(x.target.value));
    for (const a of x.actuals) put(a.year, undefined, a.provisional ? `${num(a.value)}（速報値）` : num(a.value));
    expect(x.actuals.map((a: any) => a.value)).toEqual([352, 361]);
    expect(rows.length).toBe(expected.size);
    for (const [year, target, actual] of rows) {
      const western = Number(/（(\d{4})年度）/.exec(year)![1]);
      expect([target, actual], `${kpi.name} ${year}`).toEqual(expected.get(western));
    }
    await expect(reader.locator('svg[role="img"] desc')).toContainText('令和6年度 361');
    await shot('publish-kpi-1280', reader);
    await reader.setViewportSize({ width: 375, height: 800 });
    await shot('publish-kpi-375', reader);
    const overflow = await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no sideways scrolling at 375 px').toBeLessThanOrEqual(0);
    await reader.goto(server.base + 'index.html');
    await expect(reader.locator('.goal-card').nth(2)).toContainText('「出生数」は令和5年度の352人から令和6年度の361人になりました。');
    await shot('publish-index-375', reader);
    await reader.setViewportSize({ width: 1280, height: 900 });
    await shot('publish-index-1280', reader);
    await reader.close();
  } finally {
    await server.close();
  }
  expect(pageErrors).toEqual([]);
});

const LONG_SOURCE = 'https://www.city.kitamoto.lg.jp/soshiki/shichou/kikaku/toukei/R06_jinkoudoutai_shussei_nenpou.xlsx';
const LONG_TITLE = '第2期北本市まち・ひと・しごと創生総合戦略（Kitamoto-City-Machi-Hito-Shigoto-Sousei-Sougou-Senryaku）';
const LONG_UNIT = '人（住民基本台帳に基づく各年度末時点の外国人住民を含む出生数／persons-per-fiscal-year）';

test('the public pages reflow at 320 px with a long source address, a long title and a long unit', async ({ page, openApp, pageErrors }) => {
  test.setTimeout(120_000);
  expect(LONG_SOURCE.length).toBeGreaterThanOrEqual(90);
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-strategy').click();
  await enter(page, 'strategy-title-field', LONG_TITLE);
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();
  await enter(page, 'indicator-source', LONG_SOURCE);
  await enter(page, 'indicator-unit', LONG_UNIT);
  const s = await savedStrategy(page);
  const kpi = s.indicators.find((i: any) => i.name === '出生数')!;
  expect([s.title, kpi.source, kpi.unit]).toEqual([LONG_TITLE, LONG_SOURCE, LONG_UNIT]);
  const id = /#\/s\/([^/]+)/.exec(page.url())![1];
  await page.goto(`./#/s/${id}/files`);
  await expect(page.getByTestId('publish')).toBeVisible();
  const files = await makeFolder(page);

  const server = await serve(files);
  try {
    const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    const reader = await page.context().newPage();
    await reader.setViewportSize({ width: 320, height: 640 });
    for (const rel of pages) {
      expect((await reader.goto(server.base + rel))?.status(), rel).toBe(200);
      const width = await reader.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${rel} is ${width} px wide at 320 px`).toBeLessThanOrEqual(320);
    }
    // The address is on its page whole: wrapped, not cut.
    await reader.goto(`${server.base}kpi/${kpi.id}.html`);
    await expect(reader.locator('dl.facts dd').filter({ hasText: 'https://' })).toHaveText(LONG_SOURCE);
    // Every column the data page calls 数値 holds only numbers (or nothing), in every CSV.
    await reader.goto(server.base + 'data.html');
    for (const rel of [...files.keys()].filter((f) => f.endsWith('.csv'))) {
      const name = rel.split('/').pop()!;
      const table = reader.locator('table').filter({ has: reader.locator('caption', { hasText: `${name} の列` }) });
      const numeric = await table.locator('tbody tr').filter({ has: reader.locator('td', { hasText: /^数値$/ }) }).locator('th').allTextContents();
      if (name === 'indicators.csv') expect(numeric).toEqual(expect.arrayContaining(['基準値', '目標値']));
      const [header, ...rows] = parseCsv(files.get(rel)!.toString('utf8').replace(/^\uFEFF/, ''));
      for (const column of numeric) {
        const c = header.indexOf(column);
        expect(c, `${name}: ${column}`).toBeGreaterThanOrEqual(0);
        const bad = rows.map((r) => r[c]).filter((v) => v !== '' && !(/^-?[0-9.]+$/.test(v) && Number.isFinite(Number(v))));
        expect(bad, `${name}: ${column}`).toEqual([]);
      }
    }
    await reader.close();
  } finally {
    await server.close();
  }
  expect(pageErrors).toEqual([]);
});
