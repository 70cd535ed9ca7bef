// The first hour of a planning officer, done as she would do it on a 1366×768 laptop
// with no manual: by visible labels, roles and words — no test ids. She starts the 2nd-period
// strategy from the national template, adds a measure 「移住・定住の促進」 (typed through the
// IME) with a KPI 「転入者数」 (120 in 令和5年度 → 150 in 令和11年度; 125 in 令和6年度, 131 in 令和7年度
// as 速報値), adds a project with a budget, checks that the KPI is on track, prints the
// numerical-target report, exports JSON and CSV, opens the dashboard and presents the workshop.
// What she sees is asserted: the KPI under its goal in the report, a rating that agrees with
// the status, each new item's name field focused and in view, no JSON path in any message, the
// dashboard's year, a notice naming every download, Tab + Enter in the workshop opening the
// focused card. Screenshots of each step in Japanese, and the key ones in English.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1366, height: 768 } });

/** Types Japanese through Chromium's real composition events into the focused field, then
 *  commits with Enter (which an IME's own Enter would not do). */
async function typeWithIme(page: Page, steps: string[], final: string) {
  const cdp = await page.context().newCDPSession(page);
  for (const s of steps) {
    await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
  }
  await cdp.send('Input.insertText', { text: final });
  await page.keyboard.press('Enter');
}

/** Every message on the page, none of them naming a JSON path (goals[0].measures[0].title). */
async function noJsonPath(page: Page) {
  const text = await page.locator('main, body').first().innerText();
  expect(text).not.toMatch(/[a-z_]+\[\d+\]\.[a-z_]+/);
}

/** The fiscal year of today (April–March), within the plan R7–R11. */
function thisFiscalYearInPlan(): number {
  const now = new Date();
  const fy = now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
  return Math.min(Math.max(fy, 2025), 2029);
}

test('the first hour of a planning officer: strategy, measure, KPI, project, report, files, dashboard, workshop', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  // The first screen says what Shirube is for and what to do first; nothing claims a save.
  await expect(page.getByText('しるべは、まち・ひと・しごと創生総合戦略の')).toBeVisible();
  await expect(page.getByText('はじめに「新しい戦略をつくる」で')).toBeVisible();
  await expect(page.getByText('保存済み')).toHaveCount(0);
  await shot('walkthrough-01-first-screen');

  // ── A new strategy on the national template: no red before she has typed anything.
  await page.getByRole('button', { name: '新しい戦略をつくる' }).click();
  const form = page.locator('form').filter({ hasText: '新しい戦略' });
  await expect(form.getByLabel('計画期間（最初の年度）')).not.toHaveValue('');
  await expect(form.locator('.field-problems li')).toHaveCount(0);
  await shot('walkthrough-02-create-form');
  // Leaving the name empty says so, in the words a civil servant uses.
  await form.getByLabel('戦略の名称').focus();
  await form.getByLabel('自治体名').focus();
  await expect(form.locator('.field-problems li')).toHaveText(['戦略の名称が未入力です']);
  await form.getByLabel('戦略の名称').fill('第2期しるべ町まち・ひと・しごと創生総合戦略');
  await form.getByLabel('自治体名').fill('しるべ町');
  await form.getByLabel('計画期間（最初の年度）').fill('令和7年度');
  await form.getByLabel('計画期間（最後の年度）').fill('令和11年度');
  // Her town's 第2期 follows the national 第2期 (the newest frame is chosen at first).
  await form.getByRole('radio', { name: '第2期「まち・ひと・しごと創生総合戦略」' }).check();
  await expect(form.locator('.field-problems li')).toHaveCount(0);
  await form.getByRole('button', { name: '作成する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '第2期しるべ町まち・ひと・しごと創生総合戦略' })).toBeVisible();
  await expect(page.getByText('令和7年度〜令和11年度（5年間）')).toBeVisible();

  // ── From the overview, each goal opens in the editor; a measure is added there.
  const goal1 = page.locator('section.goal').first();
  await goal1.getByRole('link', { name: /^編集する/ }).click();
  await page.getByRole('button', { name: '＋ 施策を追加' }).click();
  const measureName = page.getByLabel('施策名');
  await expect(measureName).toBeFocused();
  await expect(measureName).toBeInViewport();
  // A new form starts without red: nothing to check before she types.
  await expect(page.getByText('確認が必要な点')).toHaveCount(0);
  await shot('walkthrough-03-new-measure');
  await typeWithIme(page, ['いじゅう', '移住', '移住・ていじゅう', '移住・定住'], '移住・定住の促進');
  await expect(measureName).toHaveValue('移住・定住の促進');

  // ── A KPI for the measure: created from the measure, its name field focused and in view.
  await page.getByRole('button', { name: '＋ 新しい指標をつくる' }).click();
  const indicatorName = page.getByLabel('指標名');
  await expect(indicatorName).toBeFocused();
  await expect(indicatorName).toBeInViewport();
  await expect(page.getByText('確認が必要な点')).toHaveCount(0);
  await indicatorName.fill('転入者数');
  await indicatorName.press('Enter');
  await page.getByLabel('単位').fill('人');
  await page.getByLabel('単位').press('Enter');
  await page.getByLabel('当初値（基準値）').fill('１２０');
  await page.getByLabel('当初値（基準値）').press('Enter');
  await page.getByLabel('当初値の年度').fill('R5');
  await page.getByLabel('当初値の年度').press('Enter');
  await page.getByLabel('目標の種類').selectOption({ label: '数値目標（年度までに達成する値）' });
  // Chosen and left before the value is typed: the kind stays (and says it is not stored yet).
  await expect(page.getByText('目標値を入力するまで、目標は保存されません。')).toBeVisible();
  await page.getByRole('navigation', { name: '目次' }).getByText('移住・定住の促進').click();
  await expect(measureName).toHaveValue('移住・定住の促進');
  await page.getByRole('navigation', { name: '目次' }).getByText('転入者数').click();
  await expect(page.getByLabel('目標の種類')).toHaveValue('value');
  await page.getByLabel('目標値').fill('150');
  await page.getByLabel('目標値').press('Enter');
  await page.getByLabel('目標年度').fill('令和11年度');
  await page.getByLabel('目標年度').press('Enter');
  // 令和6年度 is before the plan: picked from the list of years, not typed.
  await page.getByLabel('計画期間外の年度を追加').selectOption({ label: '令和6年度' });
  await expect(page.getByLabel('令和6年度 実績値')).toBeFocused();
  await page.getByLabel('令和6年度 実績値').fill('125');
  await page.getByLabel('令和6年度 実績値').press('Enter');
  await page.getByLabel('令和7年度 実績値').fill('131');
  await page.getByLabel('令和7年度 実績値').press('Enter');
  await page.getByRole('row', { name: /令和7年度/ }).getByLabel('速報').check();
  // On track (37 % of the way when 33 % was due): rated A, never C beside 順調.
  const status = page.locator('.series-status');
  await expect(status).toContainText('順調');
  await expect(status).toContainText('進捗 37%');
  await expect(status).toContainText('評価 A');
  await shot('walkthrough-04-kpi');

  // ── A project with a budget, under the measure.
  await page.getByRole('navigation', { name: '目次' }).getByText('移住・定住の促進').click();
  await page.getByRole('button', { name: '＋ 事業を追加' }).click();
  const projectName = page.getByLabel('事業名');
  await expect(projectName).toBeFocused();
  await expect(projectName).toBeInViewport();
  await projectName.fill('お試し移住住宅の運営');
  await projectName.press('Enter');
  await page.getByLabel('令和7年度 予算額（千円）').fill('１,２００');
  await page.getByLabel('令和7年度 予算額（千円）').press('Enter');
  await expect(page.getByLabel('令和7年度 予算額（千円）')).toHaveValue('1,200');
  await noJsonPath(page);
  await shot('walkthrough-05-project');

  // ── The overview: the KPI's row agrees with itself, and the rule is said in one sentence.
  await page.getByTestId('nav-overview').click();
  await expect(page.getByRole('heading', { level: 1, name: '第2期しるべ町まち・ひと・しごと創生総合戦略' })).toBeVisible();
  const kpiRow = page.getByRole('row', { name: /転入者数/ }).first();
  await expect(kpiRow).toContainText('順調 A');
  await expect(page.getByText('評価は、その年度までに達成すべき分').first()).toBeVisible();
  await shot('walkthrough-06-overview');

  // ── The numerical-target report: the measure's KPI under its goal, the measure named.
  await page.getByTestId('nav-output').click();
  await page.getByRole('link', { name: '数値目標の状況（印刷用）' }).click();
  const firstGoal = page.locator('section.print-goal').first();
  await expect(firstGoal).toContainText('施策の KPI');
  await expect(firstGoal.getByRole('heading', { level: 4 })).toContainText('移住・定住の促進');
  await expect(firstGoal.getByRole('row', { name: /転入者数/ })).toContainText('順調 A');
  await expect(firstGoal.getByRole('row', { name: /転入者数/ })).toContainText('（速報値）');
  await shot('walkthrough-07-report');

  // ── Files: JSON and CSV, each download named in a notice.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Excel・印刷' })).toBeVisible();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ファイルに書き出す（JSON）' }).click()]);
  await expect(page.getByRole('status').filter({ hasText: '書き出しました:' })).toContainText(json.suggestedFilename());
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '指標（横長：年度が列）' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: '書き出しました:' })).toContainText(csv.suggestedFilename());
  await expect(page.getByText('「指標ID」の列は、しるべが指標を見分けるための記号です')).toBeVisible();
  await shot('walkthrough-08-files');

  // ── The dashboard: this fiscal year (nothing evaluated yet), and the KPIs behind the goals.
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('nav-charts').click();
  await expect(page.getByLabel('評価の年度')).toHaveValue(String(thisFiscalYearInPlan()));
  const kpis = page.locator('details').filter({ hasText: '目標ごとの数値目標・KPI' });
  await expect(kpis).toHaveAttribute('open', '');
  await expect(kpis.getByRole('listitem').filter({ hasText: '転入者数' })).toContainText('順調 A');
  await expect(kpis.getByRole('listitem').filter({ hasText: '転入者数' })).toContainText('令和7年度 131人');
  await shot('walkthrough-09-dashboard');

  // ── The workshop: Tab to the second goal, Enter opens that one (not the highlighted first).
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('nav-workshop').click();
  const cards = page.locator('.ws-goal');
  await expect(cards).toHaveCount(6);
  await expect(cards.first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cards.nth(1)).toBeFocused();
  await expect(page.locator('.ws-goal.current')).toHaveCount(1);
  const second = (await cards.nth(1).locator('.ws-title').textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: second })).toBeVisible();
  await page.keyboard.press('Escape');
  // Goal 1 says what it counts, with the measure's KPI in it.
  await expect(cards.first()).toContainText('数値目標・KPI 1 件のうち');
  await shot('walkthrough-10-workshop');

  // ── The same in English: the report, the dashboard and the overview's rule.
  await page.getByRole('button', { name: 'English' }).click();
  await page.evaluate(() => { location.hash = location.hash.replace(/\/workshop$/, '/print/targets'); });
  await expect(page.locator('section.print-goal').first().getByRole('row', { name: /転入者数/ })).toContainText('On track A');
  await expect(page.getByText('Ratings compare the actual with what was due by that year')).toBeVisible();
  await shot('walkthrough-11-report-en');
  await page.evaluate(() => { location.hash = location.hash.replace(/\/print\/targets$/, '/dashboard'); });
  await expect(page.locator('details').filter({ hasText: 'Targets and KPIs by goal' }).getByRole('listitem').filter({ hasText: '転入者数' })).toContainText('On track A');
  await shot('walkthrough-12-dashboard-en');
  await noJsonPath(page);
  await page.getByRole('button', { name: '日本語' }).click();
  expect(pageErrors).toEqual([]);
});
