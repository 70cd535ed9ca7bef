// Tablets in the hall: the workshop presentation on a touch screen at 1024×768 and
// 768×1024, driven by fingers through Chromium's touch emulation (CDP touch events, as a real
// screen sends them): a tap opens a card, a swipe to the left / right goes to the next / previous
// item, a pinch zooms without breaking the layout, and every tap target is at least 44 px.
import { test, expect } from './fixtures';
import type { CDPSession, Page } from '@playwright/test';

test.use({ hasTouch: true, isMobile: true });

/** A finger's quick stroke from (x0, y0) to (x1, y1): down, half way, there, up — as few
 *  events as a real fast swipe sends, so that a loaded test machine keeps it well under the
 *  800 ms a swipe may take. */
async function swipe(cdp: CDPSession, x0: number, y0: number, x1: number, y1: number) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: (x0 + x1) / 2, y: (y0 + y1) / 2 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x1, y: y1 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** The item marked current on the page shown. */
const current = (page: Page) => page.locator('.ws-card.current').getAttribute('data-item');

/** Every control of the presentation smaller than 44 × 44 CSS px (WCAG 2.5.5's target size). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.workshop button, .workshop a, .workshop [tabindex="0"], .workshop input'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => `${el.getAttribute('data-testid') ?? el.tagName} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
}

/** Whether the page is wider than the screen (a layout that broke). */
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

for (const [w, h] of [[1024, 768], [768, 1024]] as const) {
  test(`workshop on a ${w}×${h} tablet: tap, swipe, pinch; tap targets of 44 px`, async ({ page, openApp, pageErrors, shot }) => {
    await page.setViewportSize({ width: w, height: h });
    await openApp();
    await page.getByTestId('example-hokuto').tap();
    await page.getByTestId('nav-workshop').tap();
    const workshop = page.url();
    const cards = page.getByTestId('ws-goal');
    await expect(cards).toHaveCount(4);
    expect(await smallTargets(page)).toEqual([]);
    expect(await overflows(page)).toBe(false);

    // A tap opens a card: the third goal's page, with its measures.
    const third = (await cards.nth(2).locator('.ws-title').textContent())!;
    await cards.nth(2).tap();
    await expect(page.getByTestId('ws-page-title')).toHaveText(third);
    await expect(page.getByTestId('ws-measure').first()).toBeVisible();
    expect(await smallTargets(page)).toEqual([]);
    expect(await overflows(page)).toBe(false);
    // The back button a finger reaches.
    await page.getByTestId('ws-back').tap();
    await expect(cards).toHaveCount(4);

    // Swipes move between the goals (left: the next, right: the one before); a vertical stroke
    // is a scroll, not a swipe. (After a synthesised swipe Chromium's emulation may take the
    // next tap as the end of a fling and send no click: the taps above come first.)
    const cdp = await page.context().newCDPSession(page);
    const y = Math.round(h / 2);
    // (Back from the third goal, the third is current.)
    expect(await current(page)).toBe('2');
    await swipe(cdp, 150, y, w - 150, y + 10);
    await expect.poll(() => current(page)).toBe('1');
    await swipe(cdp, 150, y, w - 150, y - 10);
    await expect.poll(() => current(page)).toBe('0');
    await swipe(cdp, w - 150, y, 150, y);
    await expect.poll(() => current(page)).toBe('1');
    await swipe(cdp, w / 2, h - 100, w / 2 + 10, 150);
    await page.waitForTimeout(300);
    expect(await current(page)).toBe('1');

    // On a goal's page too: its measures, by swipes.
    await page.goto(workshop);
    await expect(cards).toHaveCount(4);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('ws-measure').first()).toBeVisible();
    expect(await current(page)).toBe('0');
    await swipe(cdp, w - 150, y, 150, y);
    await expect.poll(() => current(page)).toBe('1');

    // A pinch zooms the page (zoom is never disabled) and leaves the layout as it was.
    const meta = await page.locator('meta[name=viewport]').getAttribute('content');
    expect(meta).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/);
    await cdp.send('Input.synthesizePinchGesture', { x: w / 2, y, scaleFactor: 2, relativeSpeed: 800 });
    await expect.poll(() => page.evaluate(() => window.visualViewport?.scale ?? 1)).toBeGreaterThan(1.2);
    expect(await overflows(page)).toBe(false);
    await expect(page.getByTestId('ws-measure').first()).toBeAttached();
    await shot(`tablet-${w}x${h}-goal-pinched`);
    expect(pageErrors).toEqual([]);
  });
}
