// Accessibility: axe-core's WCAG 2.1 A/AA rules on every page and dialog of the app,
// with the 北本市 and 北斗市 examples open, in Japanese and in English. No serious or critical
// violation is allowed; the minor and moderate ones are printed with their counts, so that the
// run says where the app stands.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Found {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Scans the page as it is now; returns every violation, with where it is. */
async function scan(page: Page): Promise<Found[]> {
  // Charts animate in; a scan during the animation sees half-drawn canvases (no matter to axe)
  // but also elements still being mounted: wait for the page to be quiet.
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`),
  }));
}

/** A region holding the example (its file brought in again: already here); its page's hash. */
async function regionOf(page: Page, example: 'kitamoto' | 'hokuto'): Promise<string> {
  await page.goto('./#/');
  await page.getByTestId('region-name-input').fill(`${example} 管内`);
  await page.getByTestId('create-region').click();
  await expect(page.getByTestId('region-page')).toBeVisible();
  const text = fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', `${example}.json`), 'utf8');
  await page.getByTestId('region-files').setInputFiles({ name: `${example}.json`, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByTestId('town-row')).toHaveCount(1);
  return new URL(page.url()).hash;
}

/** The pages a town uses, reached as a user would from the overview of the open example; and
 *  the regional bureau's page of a region holding it, with a theme search's results. */
async function pagesOf(page: Page, example: 'kitamoto' | 'hokuto', region: string): Promise<Array<[string, () => Promise<void>]>> {
  const file = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', `${example}.json`), 'utf8')).strategy;
  const id = file.id;
  const measure = file.goals.flatMap((g: any) => g.measures)[0];
  const initiative = measure?.initiatives?.[0];
  const go = (hash: string) => async () => {
    await page.goto(`./${hash}`);
    await page.waitForFunction(() => window.__shirubeAppStarted === true);
    await page.locator('main#main').waitFor({ timeout: 30_000 });
  };
  const pages: Array<[string, () => Promise<void>]> = [
    ['list', go('#/')],
    ['overview', go(`#/s/${id}`)],
    ['editor: settings', go(`#/s/${id}/edit`)],
    ['editor: goal', go(`#/s/${id}/edit/goal/${file.goals[0].id}`)],
    ['dashboard', go(`#/s/${id}/dashboard`)],
    ['vision', go(`#/s/${id}/vision`)],
    ['files', go(`#/s/${id}/files`)],
    ['round', go(`#/s/${id}/round`)],
    ['sharing', go(`#/s/${id}/folder`)],
    ['history', go(`#/s/${id}/history`)],
    ['drafting', go(`#/s/${id}/drafting`)],
    ['print: targets', go(`#/s/${id}/print/targets`)],
    ['print: sheets', go(`#/s/${id}/print/sheets`)],
    ['print: document', go(`#/s/${id}/print/document`)],
    ['workshop', go(`#/s/${id}/workshop`)],
    ['workshop: a goal', async () => {
      await go(`#/s/${id}/workshop`)();
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-level=goal]')).toBeVisible();
    }],
    ['workshop: ideas', go(`#/s/${id}/workshop/notes`)],
    ['region', go(region)],
    ['region: theme search', async () => {
      await go(region)();
      await page.getByTestId('theme-words').fill('つくる');
      await expect(page.getByTestId('theme-hit').first()).toBeVisible();
    }],
  ];
  if (file.indicators.length > 0) pages.push(['editor: indicator', go(`#/s/${id}/edit/indicator/${file.indicators[0].id}`)]);
  if (measure) pages.push(['editor: measure', go(`#/s/${id}/edit/measure/${measure.id}`)]);
  if (initiative) pages.push(['editor: initiative', go(`#/s/${id}/edit/initiative/${initiative.id}`)]);
  return pages;
}

for (const example of ['kitamoto', 'hokuto'] as const) {
  test(`axe: no serious or critical violation on any page of the ${example} example, in Japanese and English`, async ({ page, openApp, pageErrors }) => {
    test.setTimeout(180_000);
    await openApp();
    await page.getByTestId(`example-${example}`).click();
    await expect(page.getByTestId('overview')).toBeVisible();
    // The examples tag no SDGs: tag the first goal with all 17, so that every official colour
    // is scanned as a tile (editor, overview, workshop) with its number on it.
    const id = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', `${example}.json`), 'utf8')).strategy.id;
    await page.goto(`./#/s/${id}/edit`);
    await page.getByTestId('outline-goal').first().click();
    for (let n = 1; n <= 17; n++) await page.getByTestId(`sdg-${n}`).check({ force: true });
    await expect(page.locator('.sdg-tile.on')).toHaveCount(17);
    const region = await regionOf(page, example);
    const serious: string[] = [];
    const counts: Record<string, number> = {};
    for (const lang of ['ja', 'en'] as const) {
      if (lang === 'en') {
        await page.goto('./#/');
        await page.getByTestId('language').click();
        await expect(page.getByTestId('language')).toHaveText('日本語');
      }
      for (const [name, open] of await pagesOf(page, example, region)) {
        await open();
        for (const v of await scan(page)) {
          counts[`${v.impact} ${v.id}`] = (counts[`${v.impact} ${v.id}`] ?? 0) + 1;
          if (v.impact === 'serious' || v.impact === 'critical') {
            serious.push(`[${lang}] ${name}: ${v.impact} ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`);
          }
        }
      }
    }
    // The import preview (a dialog) and the merge choice, with a file of this example.
    await page.goto('./#/');
    const text = fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', `${example}.json`), 'utf8');
    await page.getByTestId('import-file').setInputFiles({ name: `${example}.json`, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
    await expect(page.getByTestId('import-preview')).toBeVisible();
    for (const v of await scan(page)) {
      counts[`${v.impact} ${v.id}`] = (counts[`${v.impact} ${v.id}`] ?? 0) + 1;
      if (v.impact === 'serious' || v.impact === 'critical') serious.push(`[en] import preview: ${v.impact} ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`);
    }
    console.log(`axe ${example}: ${JSON.stringify(counts)}`);
    expect(serious, serious.join('\n')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}
