// Sections (担当課) and evaluations by stage, on the 北斗市 example: the list of
// sections edited in the strategy settings, "who I am" chosen and kept across a reload (a
// preference, not the file), a project's section picker saying what an empty choice inherits,
// and a measure's 令和5年度 evaluation written in its three stages — the section's own
// (一次評価, from the example), the planning section's (二次評価) and the committee's (外部評価),
// each with who and when — stored apart and printed side by side on the A4 sheet.
import { test, expect } from './fixtures';
import { savedStrategy, enter } from './helpers';

const MEASURE = '町内会等への加入促進';

test('sections, who I am, and a measure evaluated in three stages, printed side by side', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  const id = /^#\/s\/([^/]+)/.exec(new URL(page.url()).hash)![1];
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();

  // The list of sections: the example's ten, one added and named.
  await page.getByTestId('outline-strategy').click();
  const panel = page.getByTestId('departments');
  await expect(panel.getByTestId('department')).toHaveCount(10);
  await page.getByTestId('add-department').click();
  await expect(panel.getByTestId('department')).toHaveCount(11);
  await enter(page, 'department-name-10', 'デジタル推進課');

  // Who I am: the planning section, then 市民課.
  const who = page.getByTestId('who-i-am-select');
  await who.selectOption({ label: '企画課など（全体を取りまとめる）' });
  await who.selectOption({ label: '市民課' });
  await panel.screenshot({ path: 'test-results/screenshots/sections-settings.png' });

  // The measure's section, and a project of it that names none: 「施策と同じ: 市民課」.
  await page.getByTestId('outline-measure').filter({ hasText: MEASURE }).first().click();
  await expect(page.getByTestId('measure-department')).toHaveValue(/^dept-/);
  await expect(page.getByTestId('measure-department').locator('option:checked')).toHaveText('市民課');
  await page.getByTestId('outline-initiative').filter({ hasText: '町会連合会補助金' }).first().click();
  await expect(page.getByTestId('initiative-department').locator('option:checked')).toHaveText('（施策と同じ: 市民課）');
  await page.getByTestId('outline-measure').filter({ hasText: MEASURE }).first().click();

  // 令和5年度: the 一次評価 is the example's (its sheet's C); the 二次 and 外部 are written here.
  await page.getByTestId('evaluation-year').selectOption('2023');
  await expect(page.getByTestId('evaluation-rating')).toHaveValue('C');
  await page.getByTestId('evaluation-stage').selectOption('second');
  await page.getByTestId('add-evaluation').click();
  await page.getByTestId('evaluation-rating').selectOption('B');
  await enter(page, 'evaluation-by', '推進本部');
  await enter(page, 'evaluation-date', '２０２４-０７-１０');
  await page.getByTestId('evaluation-outcomes').fill('加入促進の取組は一定の成果。担い手対策を重点に。');
  await page.getByTestId('evaluation-outcomes').blur();
  await page.getByTestId('evaluation-stage').selectOption('external');
  await page.getByTestId('add-evaluation').click();
  await enter(page, 'evaluation-by', '北斗市総合戦略推進会議');
  await page.getByTestId('evaluation-outcomes').fill('SNSでの発信を若い世代に広げてほしい。');
  await page.getByTestId('evaluation-outcomes').blur();
  await expect(page.getByTestId('evaluation-stage').locator('option')).toHaveText([
    '一次評価（評価: C）', '二次評価（評価: B）', '外部評価（記入あり）',
  ]);
  await page.getByTestId('measure-evaluations').scrollIntoViewIfNeeded();
  await shot('sections-evaluation-stages');

  // Stored: three evaluations of 2023, apart, with who and when; the section added.
  const s = await savedStrategy(page);
  const m = s.goals.flatMap((g: any) => g.measures).find((x: any) => x.title === MEASURE);
  const of2023 = m.evaluations.filter((e: any) => e.fiscal_year === 2023);
  expect(of2023.map((e: any) => [e.evaluator, e.rating ?? null, e.by ?? '', e.date ?? null])).toEqual([
    ['internal', 'C', '', null],
    ['second', 'B', '推進本部', '2024-07-10'],
    ['external', null, '北斗市総合戦略推進会議', null],
  ]);
  expect(of2023[2].outcomes).toBe('SNSでの発信を若い世代に広げてほしい。');
  expect(s.departments.map((d: any) => d.name)).toContain('デジタル推進課');

  // The A4 sheet: the three stages side by side, the section under the title.
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/print/sheets`);
  await expect(page.locator('[data-testid=print-report][data-report=sheets]')).toBeVisible();
  await page.getByTestId('print-year').selectOption('2023');
  const sheet = page.getByTestId('sheet').filter({ hasText: MEASURE }).first();
  await expect(sheet.getByTestId('sheet-department')).toHaveText('担当課：市民課');
  await expect(sheet.getByTestId('sheet-rating')).toHaveText('C');
  await expect(sheet.getByTestId('sheet-rating-second')).toHaveText('B');
  await expect(sheet.getByTestId('sheet-by-second')).toHaveText('推進本部 2024-07-10');
  await expect(sheet.getByTestId('sheet-rating-external')).toHaveText('—');
  await expect(sheet.getByTestId('sheet-outcomes-external')).toContainText('SNSでの発信を若い世代に広げてほしい。');
  const stages = sheet.getByTestId('sheet-stages');
  const boxes = await stages.locator('[data-stage]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect(boxes).toHaveLength(3);
  expect(Math.max(...boxes) - Math.min(...boxes), 'side by side: one row').toBeLessThan(2);
  // The measure's sheet alone (the whole report is 30 A4 pages).
  await sheet.screenshot({ path: 'test-results/screenshots/sections-sheet-stages.png' });

  // Who I am is this browser's, kept after a reload.
  await page.reload();
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/edit`);
  await page.getByTestId('outline-strategy').click();
  await expect(page.getByTestId('who-i-am-select').locator('option:checked')).toHaveText('市民課');
  expect(pageErrors).toEqual([]);
});
