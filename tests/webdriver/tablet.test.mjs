// Tablets in the hall, in Safari's engine (WebKit): the workshop presentation at 1024×768 and
// 768×1024: a tap opens a card, a swipe to the left / right goes to the next / previous goal,
// the page never gets wider than the screen. (Chromium's touch suite: tests/e2e/tablet.spec.ts.)
//
// Taps are WebDriver touch actions (W3C, pointerType "touch"). WebKitGTK's WebKitWebDriver
// delivers them as a mouse (measured: pointerdown/move/up with pointerType "mouse", then
// mousedown/up and click), so a swipe — which the app takes from touch pointers only, as
// Safari on an iPad sends them — is dispatched as the PointerEvents a finger makes
// (pointerType "touch") on the presentation, through WebKit's own event dispatch.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Command, Name } from 'selenium-webdriver/lib/command.js';
import { BROWSER, startBrowser } from './harness.mjs';

const skip = BROWSER !== 'webkit' && 'WebKit only (Chromium: tests/e2e/tablet.spec.ts)';
let b;

before(async () => {
  if (skip) return;
  b = await startBrowser();
  await b.clearStorage();
});
after(async () => b && b.quit());

/** One finger (WebDriver touch actions): down at the first point, through the others, up at
 *  the last. */
async function finger(points, stepMs = 40) {
  const [first, ...rest] = points;
  const actions = [
    { type: 'pointerMove', duration: 0, origin: 'viewport', x: first[0], y: first[1] },
    { type: 'pointerDown', button: 0 },
    ...rest.map(([x, y]) => ({ type: 'pointerMove', duration: stepMs, origin: 'viewport', x, y })),
    { type: 'pointerUp', button: 0 },
  ];
  await b.driver.execute(
    new Command(Name.ACTIONS).setParameter('actions', [
      { type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' }, actions },
    ]),
  );
  await b.driver.execute(new Command(Name.CLEAR_ACTIONS));
}

/** The centre of an element, in viewport coordinates. */
async function centre(el) {
  const r = await b.driver.executeScript('const r = arguments[0].getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2].map(Math.round)', el);
  return r;
}

/** A finger's quick stroke from (x0, y) to (x1, y + dy) as touch PointerEvents, 60 ms long. */
async function swipe(x0, x1, y, dy = 0) {
  await b.driver.executeAsyncScript(
    function (x0, x1, y, dy, done) {
      const stage = document.querySelector('.ws-stage');
      const at = (type, x, yy) =>
        stage.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', isPrimary: true, pointerId: 7, clientX: x, clientY: yy, bubbles: true }));
      at('pointerdown', x0, y);
      setTimeout(() => at('pointermove', (x0 + x1) / 2, y + dy / 2), 30);
      setTimeout(() => {
        at('pointerup', x1, y + dy);
        done();
      }, 60);
    },
    x0, x1, y, dy,
  );
}

const current = () => b.driver.executeScript('return document.querySelector(".ws-card.current")?.getAttribute("data-item") ?? null');
const overflows = () => b.driver.executeScript('return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1');

for (const [w, h] of [[1024, 768], [768, 1024]]) {
  test(`workshop on a ${w}×${h} tablet: tap to open, swipe between goals`, { skip }, async () => {
    await b.driver.manage().window().setRect({ width: w, height: h });
    await b.open();
    await b.click('example-hokuto');
    await b.click('nav-workshop');
    await b.el('ws-goal');
    const vw = await b.driver.executeScript('return [innerWidth, innerHeight]');
    assert.equal(await overflows(), false, `no sideways scroll at ${vw}`);

    // A tap on the third goal opens its page.
    const cards = await b.driver.findElements({ css: '[data-testid="ws-goal"]' });
    assert.equal(cards.length, 4);
    const third = await (await cards[2].findElement({ css: '.ws-title' })).getText();
    await b.driver.executeScript('arguments[0].scrollIntoView({block: "center"})', cards[2]);
    await finger([await centre(cards[2])]);
    await b.expectText('ws-page-title', third);
    await b.shot(`tablet-${w}x${h}-goal`);
    await finger([await centre(await b.el('ws-back'))]);
    await b.el('ws-goal');
    await b.until(async () => (await current()) === '2', 'the third goal current after coming back');

    // Swipes: to the right → the goal before; to the left → the next one.
    const y = Math.round(vw[1] / 2);
    await swipe(150, vw[0] - 150, y, 10);
    await b.until(async () => (await current()) === '1', 'the second goal after a swipe to the right');
    await swipe(vw[0] - 150, 150, y);
    await b.until(async () => (await current()) === '2', 'the third goal after a swipe to the left');
    // A stroke mostly downwards is a scroll, not a swipe.
    await swipe(vw[0] / 2, vw[0] / 2 + 20, 200, 300);
    await b.driver.sleep(300);
    assert.equal(await current(), '2');
    assert.equal(await overflows(), false);
    await b.shot(`tablet-${w}x${h}-goals`);
  });
}
