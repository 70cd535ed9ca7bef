// Grants (交付金) and their yearly 効果検証 on the made-up example 「しるべ町（架空）」
// (public/examples/made-up-targets.json, plan 令和3〜7年度). Its one grant project, おためし移住推進
// 事業, is re-recorded in the editor as a town would: the programme changed to the 第2世代交付金, a
// new 地域再生計画, the 令和5年度 target of 1-7 観光入込客数 lowered from 2,000 to 1,900 and the
// year's 効果検証 (非常に効果的, the experts' words, 事業の継続). Then the printed
// 「交付金事業の効果検証」 of 令和5年度, its rows worked out by hand:
// - 1-1 転入者数: target 365, actual 372 → 372 ÷ 365 = 101.9 %, 達成;
// - 1-7 観光入込客数: target 1,900, actual 1,920 → 101.1 %, 達成 (against the old 2,000: 96.0 %);
// - 1-10 空き家の相談待ち件数 (fewer is better): target 10, actual 9 → 10 ÷ 9 = 111.1 %, 達成.
// The page is printed to an A4 PDF (test-results/print/grants-*.png), the report read in
// English, and the year's CSV downloaded from the files page; then the committee's workbook,
// read with exceljs: its sheet 「交付金事業の効果検証」 holds the same rows, numbers as numbers.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures';
import { enter, savedStrategy } from './helpers';
import { hasPoppler, printPdf, PRINT_DIR } from './pdf';

const VISITORS = 'ind-4f832e570e8ed5a1937e94c92e3c1c40'; // 1-7 観光入込客数
const INITIATIVE = 'initiative-3b8f2a6c1d4e4f0a9b7c5e2d1a8f6b30';

test('a grant project recorded in the editor prints its yearly 効果検証 on A4 and as CSV', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-made-up').click();
  await expect(page.getByTestId('strategy-title')).toHaveText('しるべ町総合戦略（架空の例・目標の種類）');

  await page.getByTestId('edit').click();
  await page.getByTestId('outline-initiative').filter({ hasText: 'おためし移住推進事業' }).click();
  const form = page.getByTestId('initiative-form');
  await expect(form.getByTestId('initiative-kind')).toHaveValue('subsidised');
  const grant = form.getByTestId('initiative-grant');
  await expect(grant).toBeVisible();
  await expect(grant.getByTestId('grant-programme')).toHaveValue('digital_garden_city');
  await expect(grant.getByTestId('grant-digital-type')).toHaveValue('promotion');

  // The programme, its plan; the デジタル田園 タイプ goes with the programme.
  await grant.getByTestId('grant-programme').selectOption('new_regional_economy');
  await expect(grant.getByTestId('grant-digital-type')).toHaveCount(0);
  await enter(page, 'grant-regional-plan', 'しるべ町関係人口創出計画（架空）');
  // The grant amount beside the budget, in the year table.
  await expect(form.getByTestId('grant-amount-2023')).toHaveValue('5,750');

  // 令和5年度: the KPI's target from the grant plan, the actual beside it (the indicator's own).
  await expect(grant.getByTestId(`grant-actual-2023-${VISITORS}`)).toHaveText('実績 1,920人');
  await enter(page, `grant-target-2023-${VISITORS}`, '1,900');
  // The year's review.
  await grant.getByTestId('grant-effect-2023').selectOption('very_effective');
  await page.getByTestId('grant-experts-2023').fill('観光と移住相談を一体にした効果が大きい。');
  await page.getByTestId('grant-experts-2023').blur();
  await grant.getByTestId('grant-policy-2023').selectOption('continue');
  await shot('grants-editor');

  const saved = await savedStrategy(page);
  const stored = saved.goals[0].measures[0].initiatives[0];
  expect(stored.id).toBe(INITIATIVE);
  expect(stored.grant.programme).toBe('new_regional_economy');
  expect(stored.grant.digital_type).toBeUndefined();
  expect(stored.grant.regional_plan).toBe('しるべ町関係人口創出計画（架空）');
  expect(stored.grant.targets.find((t: { indicator: string; year: number }) => t.indicator === VISITORS && t.year === 2023).value).toBe(1900);
  expect(stored.grant.reviews[0]).toMatchObject({ year: 2023, effect: 'very_effective', policy: 'continue', experts: '観光と移住相談を一体にした効果が大きい。' });

  // The report, from the files page.
  await page.evaluate((h) => (location.hash = h), `#/s/${saved.id}/files`);
  await page.getByTestId('to-print-grants').click();
  const report = page.locator('[data-testid=print-report][data-report=grants]');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('print-year')).toHaveValue('2023');
  await expect(report.getByTestId('print-grants-heading')).toHaveText('令和5年度 交付金事業の効果検証');
  const project = report.getByTestId('grant-project');
  await expect(project).toHaveCount(1);
  await expect(project.getByTestId('grant-title')).toHaveText('1 おためし移住推進事業（架空の例）');
  await expect(project.getByTestId('grant-programme')).toHaveText('新しい地方経済・生活環境創生交付金（第2世代交付金）');
  await expect(project.getByTestId('grant-plan')).toHaveText('しるべ町関係人口創出計画（架空）');
  await expect(project.getByTestId('grant-period')).toHaveText('令和5年度〜令和7年度');
  await expect(project.getByTestId('grant-amounts')).toHaveText('12,000 ／ 5,750');
  const rows = await project.getByTestId('grant-kpi-row').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
  );
  expect(rows).toEqual([
    ['1-1', '転入者数', '365人', '372人', '101.9%', '達成'],
    ['1-7', '観光入込客数', '1,900人', '1,920人', '101.1%', '達成'],
    ['1-10', '空き家の相談待ち件数', '10件', '9件', '111.1%', '達成'],
  ]);
  await expect(project.getByTestId('grant-effect')).toHaveText('地方創生に非常に効果的であった');
  await expect(project.getByTestId('grant-policy')).toHaveText('事業の継続');
  await expect(project.getByTestId('grant-reason')).toHaveText('相談会を観光イベントの日に合わせて開く。');
  await expect(project.getByTestId('grant-experts')).toHaveText('観光と移住相談を一体にした効果が大きい。');
  await shot('grants-report');

  // On A4: one page, the rows and verdicts on it.
  if (hasPoppler()) {
    const pdf = await printPdf(page, 'grants');
    const text = pdf.pages.join('\n').replace(/\s+/g, '');
    expect(pdf.pages).toHaveLength(1);
    for (const words of ['令和5年度交付金事業の効果検証', 'おためし移住推進事業', '観光入込客数', '1,900人', '101.1%', '地方創生に非常に効果的であった', '事業の継続']) {
      expect(text).toContain(words);
    }
    // Nothing of the screen's furniture (the made-up town is called しるべ町, so `onlyPaper`'s
    // check of the app's name does not apply).
    expect(pdf.pages.join('\n')).not.toContain('PDF に保存');
    expect(text).not.toContain('検証する年度');
    expect(fs.readdirSync(PRINT_DIR).some((f) => f.startsWith('grants-') && f.endsWith('.png'))).toBe(true);
  }

  // Another year: 令和6年度 has its targets but no actual or review yet.
  await page.getByTestId('print-year').selectOption('2024');
  await expect(report.getByTestId('print-grants-heading')).toHaveText('令和6年度 交付金事業の効果検証');
  await expect(project.getByTestId('grant-kpi-row').first().getByTestId('grant-kpi-target')).toHaveText('375人');
  await expect(project.getByTestId('grant-kpi-row').first().getByTestId('grant-kpi-actual')).toHaveText('—');
  await expect(project.getByTestId('grant-no-review')).toBeVisible();

  // In English.
  await page.getByTestId('print-year').selectOption('2023');
  await page.getByTestId('language').click();
  await expect(report.getByTestId('print-grants-heading')).toHaveText(/^Review of grant projects, FY2023/);
  await expect(project.getByTestId('grant-effect')).toHaveText('Very effective for regional revitalisation');
  await expect(project.getByTestId('grant-kpi-achieved').first()).toHaveText('Reached');
  await shot('grants-report-en');

  // The same year as CSV, from the files page: a row per KPI, the project's columns on each.
  await page.getByTestId('language').click();
  await page.getByTestId('print-back').click();
  await expect(page.getByTestId('export-grants-year')).toHaveValue('2023');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-grants').click()]);
  expect(download.suggestedFilename()).toMatch(/交付金事業の効果検証_令和5年度.*\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF年度,交付金,地域再生計画,交付対象期間,事業番号,事業名,予算額（千円）,交付金額（千円）,指標番号,KPI,単位,目標値,実績値,達成率（%）,達成状況,事業効果')).toBe(true);
  expect(csv).toContain('令和5年度,新しい地方経済・生活環境創生交付金（第2世代交付金）,しるべ町関係人口創出計画（架空）,令和5〜7年度,1,おためし移住推進事業（架空の例）,12000,5750,1-7,観光入込客数,人,1900,1920,101.1,達成,地方創生に非常に効果的であった');
  expect(csv.split('\r\n').filter((l) => l.length > 0)).toHaveLength(4);

  // The committee's workbook: the same rows in the sheet 「交付金事業の効果検証」 (令和5年度, the
  // year with the review), numbers as numbers, 達成率 a percent cell.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync((await xlsx.path())!));
  expect(book.worksheets.map((w) => w.name)).toEqual(['数値目標・KPI', '施策評価シート', '予算・決算', '交付金事業の効果検証']);
  const ws = book.getWorksheet('交付金事業の効果検証')!;
  const cells = (r: number) => Array.from({ length: 18 }, (_, c) => ws.getCell(r, c + 1).value);
  expect(cells(1).slice(0, 6)).toEqual(['年度', '交付金', '地域再生計画', '交付対象期間', '事業番号', '事業名']);
  expect(ws.rowCount).toBe(4);
  const visitors = cells(3);
  expect(visitors.slice(0, 15)).toEqual([
    '令和5年度', '新しい地方経済・生活環境創生交付金（第2世代交付金）', 'しるべ町関係人口創出計画（架空）', '令和5〜7年度',
    '1', 'おためし移住推進事業（架空の例）', 12000, 5750, '1-7', '観光入込客数', '人', 1900, 1920, 1.011, '達成',
  ]);
  expect(visitors[15]).toBe('地方創生に非常に効果的であった');
  expect(visitors[16]).toBe('観光と移住相談を一体にした効果が大きい。');
  expect(visitors[17]).toBe('事業の継続');
  expect(ws.getCell(3, 12).numFmt).toBe('#,##0"人"');
  expect(ws.getCell(3, 14).numFmt).toBe('0.0%');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });

  expect(pageErrors).toEqual([]);
});
