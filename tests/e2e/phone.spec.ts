// On a phone (WCAG 1.4.10: 320 CSS px, and 375 px), nothing is wider than the screen:
// - the public pages of a strategy with every field at its longest (tests/e2e/long-values.json,
//   written natively by src/format/publish/tests_long.rs: long names and units, every status with
//   its year note, a 12-year table, opinions), imported into the app and published as a town
//   does; every page of the folder, and screenshots at 375 px of the index, a KPI page, a goal
//   page and the opinions page;
// - every page of an open strategy's navigation with a real town's strategy (北本市, 北斗市), and
//   the editor with each kind of item open: a table or chart may scroll inside its own box, the
//   page never (document.scrollingElement.scrollWidth ≤ the viewport's width);
// - a notice that only reports closes when one goes to another page; one that asks stays.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dropFile } from './helpers';
import { REPO_ROOT } from './paths';
import { makeFolder, serve } from './published';

const WIDTHS = [320, 375];
const LONG = fs.readFileSync(path.join(REPO_ROOT, 'tests', 'e2e', 'long-values.json'), 'utf8');
const LONG_STRATEGY = JSON.parse(LONG).strategy;

/** How much wider than the screen the page is, and the widest elements that stick out. */
async function overflow(page: Page): Promise<{ extra: number; culprits: string[] }> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const extra = document.scrollingElement!.scrollWidth - w;
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}.${[...e.classList].join('.')}`;
    const culprits = extra <= 0 ? [] : [...document.querySelectorAll('body *')]
      .map((e) => ({ e, r: e.getBoundingClientRect().right }))
      .filter(({ r }) => r > w + 0.5)
      // Only the outermost: an element whose parent also sticks out is its parent's fault.
      .filter(({ e }) => !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 0.5))
      .slice(0, 5)
      .map(({ e, r }) => `${name(e)} → ${Math.round(r)} px: ${(e.textContent ?? '').trim().slice(0, 40)}`);
    return { extra, culprits };
  });
}

async function fits(page: Page, what: string) {
  const { extra, culprits } = await overflow(page);
  expect(extra, `${what} at ${page.viewportSize()!.width} px is ${extra} px too wide:\n${culprits.join('\n')}`).toBeLessThanOrEqual(0);
}

test('every public page of the longest strategy fits 320 and 375 px', async ({ page, openApp, shot, pageErrors }) => {
  test.setTimeout(180_000);
  await openApp();
  await expect(page.getByTestId('empty-list')).toBeVisible();
  await dropFile(page, 'long-values.json', LONG);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  await page.goto(`./#/s/${LONG_STRATEGY.id}/files`);
  await expect(page.getByTestId('publish')).toBeVisible();
  const files = await makeFolder(page);
  const server = await serve(files);
  try {
    const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'opinions.html', 'data.html', 'accessibility.html']));
    const reader = await page.context().newPage();
    for (const width of WIDTHS) {
      await reader.setViewportSize({ width, height: 700 });
      for (const rel of pages) {
        expect((await reader.goto(server.base + rel))?.status(), rel).toBe(200);
        await fits(reader, rel);
        // The cards, the lists and the wrapped notes are as accessible as the wide layout.
        if (width === 320) {
          const violations = (await new AxeBuilder({ page: reader }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations;
          expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${rel} at 320 px`).toEqual([]);
        }
      }
    }
    const goal = LONG_STRATEGY.goals[0];
    const [behind] = goal.targets.slice(1);
    await reader.goto(`${server.base}kpi/${behind}.html`);
    // The status keeps its symbol and word together; its year note wraps after them.
    await expect(reader.locator('dl.facts dd.behind')).toHaveText('▲ 遅れ（令和元年度（2019年度）の実績による）');
    await shot('phone-public-kpi-375', reader);
    await reader.goto(`${server.base}goals/${goal.id}.html`);
    // A table of indicators is one card a row, each cell under its heading.
    const card = reader.locator('table.cards tbody tr').first();
    const latest = card.locator('td[data-label="最新の実績"]');
    await expect(latest).toBeVisible();
    const box = (await latest.boundingBox())!;
    expect(box.width, '「最新の実績」 takes the card\u2019s width, not a character\u2019s').toBeGreaterThan(250);
    await shot('phone-public-goal-375', reader);
    await reader.goto(server.base + 'index.html');
    // The 施策体系図: nested lists in place of the A4 figure.
    await expect(reader.locator('figure.measure-tree').first()).toBeHidden();
    await expect(reader.locator('ul.tree-list')).toBeVisible();
    await expect(reader.locator('ul.tree-list > li').first()).toContainText(goal.title);
    await shot('phone-public-index-375', reader);
    await reader.goto(server.base + 'opinions.html');
    await expect(reader.locator('table.opinions td[data-label="市の考え方"]').first()).toBeVisible();
    await shot('phone-public-opinions-375', reader);
    // On a wide screen the figure is drawn and the lists are not.
    await reader.setViewportSize({ width: 1280, height: 800 });
    await reader.goto(server.base + 'index.html');
    await expect(reader.locator('figure.measure-tree').first()).toBeVisible();
    await expect(reader.locator('ul.tree-list')).toBeHidden();
    await reader.close();
  } finally {
    await server.close();
  }
  expect(pageErrors).toEqual([]);
});

const EXAMPLES = ['kitamoto', 'hokuto'] as const;
const ID: Record<string, string> = Object.fromEntries(
  EXAMPLES.map((k) => [k, JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', `${k}.json`), 'utf8')).strategy.id]),
);
/** The navigation's pages: the hash after the strategy's, the page's test id. */
const PAGES: Array<[string, string]> = [
  ['', 'overview'],
  ['/edit', 'editor'],
  ['/dashboard', 'dashboard'],
  ['/drafting', 'drafting-page'],
  ['/round', 'round-page'],
  ['/folder', 'folder-page'],
  ['/history', 'history-page'],
  ['/files', 'files-page'],
  ['/workshop', 'workshop'],
];

for (const example of EXAMPLES) {
  test(`every page of ${example}'s navigation fits 320 and 375 px`, async ({ page, openApp, shot, pageErrors }) => {
    test.setTimeout(240_000);
    await openApp();
    await page.getByTestId(`example-${example}`).click();
    await expect(page.getByTestId('overview')).toBeVisible();
    if (example === 'kitamoto') {
      // A notice that only reports closes when one goes to another page (it stayed on every
      // page until 閉じる, pushing it down).
      await page.getByTestId('nav-output').click();
      await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
      await expect(page.getByTestId('notice')).toContainText('書き出しました');
      await page.getByTestId('nav-overview').click();
      await expect(page.getByTestId('overview')).toBeVisible();
      await expect(page.getByTestId('notice')).toHaveCount(0);
      // The draft kept by name on a stage's move: the 新旧対照表's choosers hold its long name.
      await page.getByTestId('nav-edit').click();
      await page.getByTestId('stage').selectOption('draft');
      await expect(page.getByTestId('notice')).toContainText('段階を「素案」にしました');
      await page.getByTestId('nav-history').click();
      await expect(page.getByTestId('history-page')).toBeVisible();
      await expect(page.getByTestId('notice')).toHaveCount(0);
      await expect(page.getByTestId('old-new-old').locator('option')).not.toHaveCount(0);
    }
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 740 });
      for (const [hash, testid] of PAGES) {
        await page.goto(`./#/s/${ID[example]}${hash}`);
        await expect(page.getByTestId(testid)).toBeVisible();
        await page.waitForTimeout(300); // charts resize to their boxes
        await fits(page, `${example}${hash || '/'}`);
        if (width === 375) await shot(`phone-${example}${hash.replace('/', '-') || '-overview'}-375`);
      }
      // The editor with a goal, a measure and an indicator open: the outline above the form.
      await page.goto(`./#/s/${ID[example]}/edit`);
      for (const kind of ['goal', 'measure', 'indicator']) {
        const item = page.getByTestId(`outline-${kind}`).first();
        if ((await item.count()) === 0) continue;
        await item.click();
        await fits(page, `${example}/edit, a ${kind} open`);
      }
      // 履歴's 新旧対照表: its choosers wrap.
      await page.goto(`./#/s/${ID[example]}/history`);
      await expect(page.getByTestId('history-page')).toBeVisible();
      await fits(page, `${example}/history`);
    }
    expect(pageErrors).toEqual([]);
  });
}
