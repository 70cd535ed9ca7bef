// The drafting round as a new officer meets it, in one test: 北本市's 第2期 carried into the 第3期
// (opened at its top, the carried texts naming the 第2期 listed for review), the 骨子案 heard by a
// 策定会議 whose opinions are pasted under a town's real headings (No. | 委員名 | 該当ページ | 意見要旨:
// the members' names reach only the hidden sender), a paste of unknown headings taking nothing until
// the columns are chosen, answers, a revision, the move to 素案, the 新旧対照表 from the version heard
// (offered first by its hearing's name), the Word file read back (a PAGE field, the date line, the
// properties), and the public pages naming the stage and leaving the meeting's opinions out.
import fs from 'node:fs';
import JSZip from 'jszip';
import { test, expect } from './fixtures';
import { storedStrategyOfPage } from './stored';
import { paragraphs as docxParagraphs, readDocx } from './docx';

const MEMBERS = ['委員甲野', '委員乙山'];
const PASTED = [
  'No.\t委員名\t該当ページ\t意見要旨',
  `1\t${MEMBERS[0]}\t基本目標1\t稼ぐ力を高める取組を具体的に書いてほしい`,
  `2\t${MEMBERS[1]}\tp.3\t計画の期間を新しい期間に直してほしい`,
].join('\n');

test('the drafting round: next period, 骨子案 heard by a 策定会議 with pasted opinions, 素案, the version heard compared, Word and public pages', async ({ page, openApp, pageErrors, shot }) => {
  test.slow();
  await openApp();
  await page.getByTestId('example-kitamoto').click();

  // 次期へ引き継ぐ: the 第3期 opens at its top.
  await page.getByTestId('nav-edit').click();
  await page.getByTestId('outline-strategy').click();
  await page.getByTestId('next-period-start').click();
  await page.getByTestId('next-period-make').click();
  await expect(page.getByTestId('strategy-title')).toHaveText('第3期北本市まち・ひと・しごと創生総合戦略');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // The carried texts that still name the 第2期, listed on 策定 with their places.
  await page.getByTestId('nav-drafting').click();
  const carried = page.getByTestId('carried-text-list');
  await expect(carried).toContainText('「計画の期間」: 本文に前期の年度（令和4年度）が書かれています');
  await expect(carried).toContainText('前期の名称「第2期北本市まち・ひと・しごと創生総合戦略」');
  await shot('drafting-round-carried');

  // The 骨子案, heard by a 策定会議 on 2026-12-10.
  await page.getByTestId('nav-edit').click();
  await page.getByTestId('stage').selectOption('outline');
  await expect(page.getByTestId('notice')).toContainText('骨子案');
  await expect(page.getByTestId('draft-gaps')).toContainText('目標値がありません');
  await page.getByTestId('nav-drafting').click();
  await page.getByTestId('hearing-body').selectOption('drafting_meeting');
  await page.getByTestId('hearing-when').fill('2026-12-10');
  await page.getByTestId('hearing-when').blur();
  await page.getByTestId('hearing-add').click();
  const hearing = page.getByTestId('hearing');
  await expect(hearing).toHaveCount(1);
  await expect(hearing.getByTestId('hearing-heard')).toContainText('策定会議（令和8年12月10日）で示した骨子案');
  await expect(hearing.getByTestId('hearing-publish-ask')).toBeVisible();

  // Pasted under a town's headings: the plan follows the paste at once, each column read by its heading.
  await hearing.getByText('Excelから貼り付ける').click();
  await page.getByTestId('opinions-paste').fill(PASTED);
  await expect(page.getByTestId('opinions-plan')).toHaveText('取り込む意見 2件、読めない行 0行');
  const roles = page.getByTestId('opinions-column-role');
  await expect(roles).toHaveCount(4);
  await expect(roles.nth(1)).toHaveValue('sender');
  await expect(roles.nth(2)).toHaveValue('place');
  await expect(roles.nth(3)).toHaveValue('text');
  await shot('drafting-round-paste-columns');
  await page.getByTestId('opinions-take').click();
  await expect(page.getByTestId('opinion')).toHaveCount(2);
  for (const name of MEMBERS) await expect(page.getByTestId('opinions')).not.toContainText(name);

  // Unknown headings: nothing to take until the columns are chosen.
  await page.getByTestId('opinions-paste').fill('受付日\t住所\t寄せられた声\n12/1\t本町\t公共交通を\n');
  await expect(page.getByTestId('opinions-to-choose')).toContainText('「受付日」の列が何か分かりません');
  await expect(page.getByTestId('opinions-take')).toHaveCount(0);
  await roles.nth(2).selectOption('text');
  await page.getByTestId('opinions-confirm-columns').click();
  await expect(page.getByTestId('opinions-plan')).toHaveText('取り込む意見 1件、読めない行 0行');
  await page.getByTestId('opinions-paste').fill('');

  // Answers; the first revises the 骨子案 (a goal's title), the stored senders are the members.
  await page.getByTestId('opinion').nth(0).getByTestId('opinion-response').selectOption('revise');
  await page.getByTestId('opinion').nth(0).getByTestId('opinion-answer').fill('基本目標1の名称を改めます。');
  await page.getByTestId('opinion').nth(0).getByTestId('opinion-answer').blur();
  await expect.poll(async () => (await storedStrategyOfPage(page)).opinions?.map((o: { sender: string }) => o.sender)).toEqual(MEMBERS);
  await page.getByTestId('nav-edit').click();
  await page.getByTestId('outline-goal').first().click();
  await page.getByTestId('goal-title').fill('稼ぐ力を高め、安心して働ける雇用を創出する');
  await page.getByTestId('goal-title').blur();
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');

  // To 素案.
  await page.getByTestId('nav-drafting').click();
  await page.getByTestId('drafting-next-stage').click();
  await page.getByTestId('drafting-next-stage-yes').click();
  await expect(page.getByTestId('drafting-stage').nth(2)).toHaveAttribute('aria-current', 'step');

  // The 新旧対照表 offers the version heard first, by its hearing, and shows the revision as phrases.
  await page.getByTestId('nav-history').click();
  await expect(page.getByTestId('old-new-old').locator('option').first()).toHaveText('策定会議（令和8年12月10日）で示した骨子案');
  await page.getByTestId('old-new-run').click();
  const table = page.getByTestId('old-new-table');
  await expect(table).toContainText('稼ぐ力を高め、安心して働ける雇用を創出する');
  await shot('drafting-round-old-new');

  // The Word file: the date line, a PAGE field in the footer, the town and the time in its properties.
  await page.getByTestId('nav-drafting').click();
  await page.getByTestId('drafting-document-contents').check();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drafting-document-docx').click()]);
  const { zip, xml } = await readDocx(file);
  const paragraphs = docxParagraphs(xml);
  expect(paragraphs[0].text).toBe('第3期北本市まち・ひと・しごと創生総合戦略（素案）');
  expect(paragraphs[1].text).toMatch(/^令和\d+年\d+月　北本市$/);
  expect(paragraphs.some((p) => p.text === '目次')).toBe(true);
  const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  expect(footers.length).toBeGreaterThan(0);
  expect(await zip.file(footers[0])!.async('string')).toContain('<w:instrText>PAGE</w:instrText>');
  const core = await zip.file('docProps/core.xml')!.async('string');
  expect(core).toContain('<dc:creator>北本市</dc:creator>');
  expect(core).toContain('<dc:title>第3期北本市まち・ひと・しごと創生総合戦略（素案）</dc:title>');
  expect(core).not.toContain('1970');
  expect(core).not.toContain('unknown');
  const everything = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('');
  for (const name of MEMBERS) expect(everything).not.toContain(name);

  // The public pages name the stage and leave the meeting's opinions out (nobody said they go out).
  await page.getByTestId('nav-output').click();
  const [zipped] = await Promise.all([page.waitForEvent('download'), page.getByTestId('publish-make').click()]);
  const site = await JSZip.loadAsync(fs.readFileSync((await zipped.path())!));
  const pages = Object.values(site.files).filter((e) => !e.dir && e.name.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(0);
  for (const entry of Object.values(site.files).filter((e) => !e.dir)) {
    const body = await entry.async('string');
    for (const name of MEMBERS) expect(body, entry.name).not.toContain(name);
    expect(body, entry.name).not.toContain('稼ぐ力を高める取組を具体的に書いてほしい');
    if (entry.name.endsWith('.html')) expect(body, entry.name).toContain('この戦略は素案の段階です（策定前）。');
  }
  expect(pageErrors).toEqual([]);
});
