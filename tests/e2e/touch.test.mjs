// Phones and tablets (issue 16): the narrow layout, real touch events (swipe, tap, long press,
// handle drag, pinch), the label bar, dialogs kept on screen, and the interface size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, screenshot, frames } from './harness.mjs';
import { cpOffset, cpLength, enterName, exported, clickWidget, clickMenu, state, until } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A phone or tablet: touch events, mobile viewport.
async function openTouch(width, height, deviceScaleFactor = 2) {
  const context = await env.browser.newContext({
    viewport: { width, height }, deviceScaleFactor, hasTouch: true, isMobile: true, acceptDownloads: true,
  });
  const app = await openApp(env, { context });
  app.context = context;
  const cdp = await context.newCDPSession(app.page);
  // Fingers through the DevTools protocol: the page gets real touchstart/move/end events; then
  // the app draws a frame (unless `wait` is false: the next event follows at once, as from a hand).
  const fingers = async (type, points, wait = true) => {
    await cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 4, radiusY: 4, force: 1 })),
    });
    if (wait) await frames(app.page, 1);
  };
  return { ...app, fingers };
}

// One finger from `from` to `to` in `steps` moves, a frame each. The first move follows the press
// at once: a finger that rests half a second before moving is a long press (docs/touch.md).
async function swipe(fingers, from, to, steps = 8) {
  await fingers('touchStart', [from], false);
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await fingers('touchMove', [[from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t]]);
  }
  await fingers('touchEnd', []);
}

// Holds one finger still until the long press came due (the app draws frames while it rests)
// and selected something.
async function longPress(page, fingers, at) {
  await fingers('touchStart', [at]);
  await sleep(600);
  await until(page, (s) => s.selection !== null);
}

const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];
const inside = (r, vw, vh) => r[0] >= 0 && r[1] >= 0 && r[0] + r[2] <= vw + 0.5 && r[1] + r[3] <= vh + 0.5;
async function rectOf(page, start, end) {
  return page.evaluate(([a, b]) => window.scholion.spanRect(a, b), [start, end]);
}
async function widget(page, name) {
  for (let i = 0; i < 20; i++) {
    const r = await page.evaluate((n) => window.scholion.widgetRect(n), name);
    if (r) return r;
    await frames(page, 1);
  }
  throw new Error(`widget ${name} is not on screen`);
}
async function tapWidget(page, name) {
  const r = await widget(page, name);
  await page.touchscreen.tap(...centre(r));
  await frames(page, 4);
}

// The details drawer (selection properties, annotation list) from the toolbar, photographed.
async function openDetails(page, png) {
  await tapWidget(page, 'toolbar:right');
  const st = await until(page, (s) => s.screen.rightOpen && s.screen.rightWidth > 200);
  await screenshot(page, png);
  return st;
}

test('a phone (390x844): the text keeps the screen; swipe, long press, handles, label bar, tap, pinch, drawers', async () => {
  const { page, context, errors, fingers } = await openTouch(390, 844);
  await enterName(page, 'Pia');
  const text = await page.evaluate(() => window.scholion.documentText());
  let st = await state(page);
  assert.equal(st.screen.narrow, true, 'a 390 px window is narrow');
  const [tx, ty, tw, th] = st.screen.text;
  assert.ok(tx <= 1 && tw >= 389, `the text view spans the width: ${st.screen.text}`);
  assert.ok(th > 844 * 0.7, `the text view keeps most of the height: ${st.screen.text}`);
  assert.equal(st.screen.leftWidth + st.screen.rightWidth, 0, 'no panel covers the text');
  // Nothing but the menu, toolbar and status bar besides the text.
  const names = st.screen.windows.map((w) => w.name);
  assert.ok(!names.includes('##left') && !names.includes('##right'), `panels drawn: ${names}`);
  await screenshot(page, 'touch-phone.png');

  // One finger up the screen scrolls the text and selects nothing.
  const y0 = st.scrollY;
  await swipe(fingers, [200, 640], [200, 340]);
  st = await until(page, (s) => s.scrollY > y0 + 200);
  assert.equal(st.selection, null, 'a swipe selected text');
  assert.ok(Math.abs(st.scrollY - y0 - 300) < 40, `the text followed the finger: ${y0} -> ${st.scrollY}`);
  // Swiping down brings it back.
  await swipe(fingers, [200, 300], [200, 600]);
  st = await until(page, (s) => s.scrollY < y0 + 10);

  // A long press selects the word under the finger and shows the handles and the label bar.
  const at = cpOffset(text, 'Beijing');
  const word = await rectOf(page, at, at + 7);
  await longPress(page, fingers, centre(word));
  st = await state(page);
  assert.deepEqual(st.selection, [at, at + 7], 'the long press selected "Beijing"');
  await fingers('touchEnd', []);
  assert.deepEqual((await state(page)).selection, [at, at + 7], 'lifting the finger keeps it');
  st = await until(page, (s) => s.screen.handles && s.screen.labelBar);
  const [[hax, hay], [hbx, hby]] = st.screen.handles;
  assert.ok(Math.abs(hax - word.x) < 3 && Math.abs(hbx - (word.x + word.w)) < 3, `handles at the word's ends: ${st.screen.handles}`);
  const bar = st.screen.labelBar;
  assert.ok(bar[1] >= st.screen.text[1] + st.screen.text[3] - 1, 'the label bar is below the text, not over it');
  await screenshot(page, 'touch-phone-selection.png');

  // Dragging the end handle over the next word extends the selection to it.
  const after = text.slice(at + 7).search(/\S/) + at + 7;
  const nextWord = text.slice(after).match(/^\S+/)[0].replace(/[^\p{L}\p{N}].*$/u, '');
  const nextRect = await rectOf(page, after, after + cpLength(nextWord));
  st = await state(page);
  const [[, ], [ebx, eby]] = st.screen.handles;
  await fingers('touchStart', [[ebx, eby]], false);
  await fingers('touchMove', [[ebx + 6, eby]]);
  await fingers('touchMove', [[nextRect.x + nextRect.w - 2, nextRect.y + nextRect.h / 2]]);
  await fingers('touchEnd', []);
  st = await state(page);
  assert.deepEqual(st.selection, [at, after + cpLength(nextWord)], `the handle extended the selection over "${nextWord}"`);

  // A label from the bar labels the selection.
  const label = (await exported(page)).schema.spanLabels[0].name;
  const before = st.spans;
  await tapWidget(page, `label-bar:${label}`);
  st = await until(page, (s) => s.spans === before + 1);
  const made = (await exported(page)).documents[0].spans.find((sp) => sp.start === at);
  assert.ok(made, 'a span starts at the selection');
  assert.equal(made.end, after + cpLength(nextWord));
  assert.equal(made.label, label);
  assert.equal(st.selectedSpan, made.id, 'the new span is selected');

  // A tap beside any span clears; a tap on the span selects it.
  const plain = cpOffset(text, 'Putin');
  const plainRect = await rectOf(page, plain, plain + 5);
  await page.touchscreen.tap(...centre(plainRect));
  st = await until(page, (s) => s.selectedSpan === null);
  const spanRect = await rectOf(page, at, at + 7);
  await page.touchscreen.tap(...centre(spanRect));
  st = await until(page, (s) => s.selectedSpan === made.id);
  assert.equal(st.selection, null);

  // Two fingers apart zoom the text; the toolbar's A- zooms out.
  const z0 = st.zoom;
  await fingers('touchStart', [[150, 500], [250, 500]], false);
  for (const d of [60, 80, 100]) await fingers('touchMove', [[150 - d, 500], [250 + d, 500]]);
  await fingers('touchEnd', []);
  st = await state(page);
  assert.ok(Math.abs(st.zoom - z0 * 3) < 0.05 || st.zoom === 3, `pinching 100 -> 300 px zooms x3: ${z0} -> ${st.zoom}`);
  assert.ok(st.screen.textFontSize > 30, 'the text is drawn larger');
  await tapWidget(page, 'toolbar:zoom-out');
  const z1 = (await state(page)).zoom;
  assert.ok(z1 < st.zoom, 'A- zooms out');
  await tapWidget(page, 'toolbar:zoom-in');
  assert.ok((await state(page)).zoom > z1, 'A+ zooms in');
  await screenshot(page, 'touch-phone-zoomed.png');

  // The labels drawer opens over the text and a tap on the text beside it closes it.
  await tapWidget(page, 'toolbar:left');
  st = await until(page, (s) => s.screen.leftOpen && s.screen.leftWidth > 200);
  assert.ok(st.screen.leftWidth < 390, 'the drawer leaves some text visible');
  await widget(page, `palette:${label}`);
  await screenshot(page, 'touch-phone-drawer.png');
  await page.touchscreen.tap(380, 500);
  st = await until(page, (s) => !s.screen.leftOpen);
  assert.equal(st.selectedSpan, made.id, 'the tap that closed the drawer changed nothing else');
  await openDetails(page, 'touch-phone-details.png');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tablet (820x1180): narrow layout, swipe scrolls, long press selects', async () => {
  const { page, context, errors, fingers } = await openTouch(820, 1180);
  await enterName(page, 'Tom');
  const text = await page.evaluate(() => window.scholion.documentText());
  let st = await state(page);
  assert.equal(st.screen.narrow, true);
  assert.ok(st.screen.text[2] >= 819, 'the text has the whole width');
  await swipe(fingers, [400, 900], [400, 500]);
  st = await until(page, (s) => s.scrollY > 300);
  assert.equal(st.selection, null);
  await swipe(fingers, [400, 400], [400, 900]);
  await until(page, (s) => s.scrollY < 5);
  // A long press on "Vladimir", then the finger moves on over "Putin": both are selected.
  const at = cpOffset(text, 'Vladimir Putin');
  const putin = await rectOf(page, at + 9, at + 14);
  await longPress(page, fingers, centre(await rectOf(page, at, at + 8)));
  assert.deepEqual((await state(page)).selection, [at, at + 8]);
  await fingers('touchMove', [[putin.x + 4, putin.y + putin.h / 2]]);
  await fingers('touchMove', [[putin.x + putin.w - 2, putin.y + putin.h / 2]]);
  await fingers('touchEnd', []);
  st = await until(page, (s) => s.screen.labelBar !== null);
  assert.deepEqual(st.selection, [at, at + 14], 'moving on after the long press extended the word');
  await screenshot(page, 'touch-tablet.png');
  await openDetails(page, 'touch-tablet-details.png');
  // After the fingers are gone the page goes quiet: no frame is drawn for a whole second.
  let quiet = false;
  for (let i = 0; i < 10 && !quiet; i++) {
    await page.evaluate(() => window.scholion.frameTimes());
    await sleep(1000);
    quiet = (await page.evaluate(() => window.scholion.frameTimes().length)) === 0;
  }
  assert.ok(quiet, 'the app kept drawing after the touch gestures ended');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dialog opened on a large window is brought wholly on screen when the window shrinks', async () => {
  const { page, ctx, errors } = await openApp(env, { width: 1280, height: 800 });
  await enterName(page, 'Dee');
  await page.keyboard.press('F1');
  const help = () => st.screen.windows.find((w) => w.name.startsWith('Keyboard shortcuts'));
  let st = await until(page, (s) => s.screen.windows.some((w) => w.name.startsWith('Keyboard shortcuts')));
  assert.ok(help().rect[0] + help().rect[2] > 390, 'the help window reaches past where the phone ends');
  await page.setViewportSize({ width: 390, height: 844 });
  st = await until(page, (s) => s.screen.viewport[0] === 390 && s.screen.windows.every((w) => inside(w.rect, 390, 844)));
  assert.ok(help(), 'the help window is still open');
  await screenshot(page, 'touch-dialog-shrunk.png');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('interface size: Ctrl+wheel and the View menu grow fonts and panels, and it is kept', async () => {
  const { page, ctx, errors } = await openApp(env, { width: 1400, height: 860 });
  await enterName(page, 'Uma');
  let st = await state(page);
  const base = st.screen;
  assert.equal(base.uiScale, 1);
  await page.mouse.move(700, 400);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  st = await until(page, (s) => s.screen.uiScale > 1);
  assert.ok(Math.abs(st.screen.uiScale - 1.1) < 1e-6, `one notch: 110% (${st.screen.uiScale})`);
  await clickMenu(page, 'View', 'ui-larger');
  st = await until(page, (s) => Math.abs(s.screen.uiScale - 1.2) < 1e-6 && s.screen.fontSize > base.fontSize * 1.15);
  assert.ok(st.screen.leftWidth > base.leftWidth * 1.1 || st.screen.leftWidth === 300 * 1.2, `the left panel grew: ${base.leftWidth} -> ${st.screen.leftWidth}`);
  assert.ok(st.screen.rightWidth > base.rightWidth * 1.1, `the right panel grew: ${base.rightWidth} -> ${st.screen.rightWidth}`);
  assert.ok(st.screen.textFontSize > base.textFontSize * 1.15, 'the text grew too');
  await screenshot(page, 'touch-ui-scale-120.png');
  // Kept with the UI state: a reload opens at the same size.
  await until(page, (s) => !s.savePending);
  await page.reload();
  await page.waitForFunction(() => window.scholion && window.scholion.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.scholion.ready);
  st = await until(page, (s) => Math.abs(s.screen.uiScale - 1.2) < 1e-6 && s.screen.fontSize > base.fontSize * 1.15);
  // Ctrl+wheel down twice: back to 100%.
  await page.mouse.move(700, 400);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 100);
  await frames(page, 2);
  await page.mouse.wheel(0, 100);
  await page.keyboard.up('Control');
  st = await until(page, (s) => Math.abs(s.screen.uiScale - 1) < 1e-6 && s.screen.fontSize === base.fontSize);
  assert.equal(st.scrollY, 0, 'Ctrl+wheel down sized the interface instead of scrolling the text');
  assert.deepEqual(errors, []);
  await ctx.close();
});
