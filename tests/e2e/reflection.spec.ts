// 反映: an opinion answered 修正する linked to the version of the history that made its change. On
// 北斗市's 骨子案, a パブリックコメント's opinion about 施策1-2 is answered 修正する with what was
// changed in words; the measure is changed in the editor; back on 策定 the picker offers the
// versions, the one that changed the measure first and marked; linked, the opinion says 反映 with the
// version's date and the measure, keeps its words, and opens that change's 新旧対照表 on 履歴, whose
// 備考 names the opinion (and not the other one, about another goal).
import { test, expect } from './fixtures';
import { storedStrategyOfPage } from './stored';

const MEASURE = '北海道新幹線の拠点機能を活かした観光振興';
const PASTED = [
  '番号\t該当箇所\t意見\t提出者',
  '1\t施策1-2\t新幹線駅に観光案内の拠点を置いてほしい\t市民A',
  '2\t基本目標2\t移住の相談窓口を増やしてほしい\t市民B',
].join('\n');

test('反映: a 修正 linked to the version that changed its measure shows on the opinion and names it in the 新旧対照表', async ({ page, openApp, pageErrors, shot }) => {
  test.slow();
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await page.getByTestId('nav-drafting').click();
  await page.getByTestId('hearing-body').selectOption('public_comment');
  await page.getByTestId('hearing-add').click();
  await page.getByText('Excelから貼り付ける').click();
  await page.getByTestId('opinions-paste').fill(PASTED);
  await page.getByTestId('opinions-paste').blur();
  await page.getByTestId('opinions-take').click();
  await expect(page.getByTestId('opinion')).toHaveCount(2);

  // Answered 修正する, with what was changed in words.
  const first = page.getByTestId('opinion').first();
  await first.getByTestId('opinion-response').selectOption('revise');
  await first.getByTestId('opinion-answer').fill('施策1-2に観光案内の拠点づくりを加えます。');
  await first.getByTestId('opinion-answer').blur();
  await first.getByTestId('opinion-change').fill('施策1-2の概要に「新幹線駅の観光案内拠点」を追記');
  await first.getByTestId('opinion-change').blur();
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');

  // The measure changed because of it.
  await page.getByTestId('nav-edit').click();
  await page.getByTestId('outline-measure').filter({ hasText: MEASURE }).click();
  const summary = page.getByTestId('measure-summary');
  await summary.fill(`${await summary.inputValue()}新幹線駅に観光案内の拠点を整備する。`);
  await summary.blur();
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');

  // Back on 策定: the picker offers the versions, the one that changed the measure first.
  await page.getByTestId('nav-drafting').click();
  await first.getByTestId('opinion-pick-version').click();
  const offers = first.getByTestId('version-offer');
  await expect(offers.first()).toContainText('この項目が変わった版');
  await expect(offers.filter({ hasText: 'この項目が変わった版' })).toHaveCount(1);
  await offers.first().getByRole('button').click();
  const reflection = first.getByTestId('opinion-reflection');
  await expect(reflection).toContainText(/^反映：令和\d+年\d+月\d+日 \d\d:\d\d の版（施策.*北海道新幹線の拠点機能を活かした観光振興を変更）$/);
  await expect(first.getByTestId('opinion-change')).toHaveValue('施策1-2の概要に「新幹線駅の観光案内拠点」を追記');
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  const stored = await storedStrategyOfPage(page);
  expect(stored.opinions[0].version.saved_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(stored.opinions[0].change).toEqual({ described: '施策1-2の概要に「新幹線駅の観光案内拠点」を追記' });
  expect(stored.opinions[1].version).toBeUndefined();
  await first.scrollIntoViewIfNeeded();
  await shot('reflection-opinion');

  // Its 新旧対照表: the version before the change against it, the opinion named in 備考.
  await first.getByTestId('opinion-reflection-table').click();
  const table = page.getByTestId('old-new-table');
  await expect(table).toBeVisible();
  const row = table.locator('tbody tr').filter({ hasText: '基本目標 1 ＞ 施策 2：概要' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').last()).toHaveText('変更（意見 No.1 による修正）');
  await expect(table).not.toContainText('No.2');
  await expect(row.locator('u strong')).toContainText('新幹線駅に観光案内の拠点を整備する。');
  await table.scrollIntoViewIfNeeded();
  await shot('reflection-old-new');
  expect(pageErrors).toEqual([]);
});
