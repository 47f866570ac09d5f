// Frames on demand: an idle page draws nothing; input, a resize and the app's own timers draw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, frames, screenshot, imageStats } from './harness.mjs';
import { enterName, until, labelText } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Frames the app drew since the last call (reading them draws nothing).
const drawn = (page) => page.evaluate(() => window.scholion.frameTimes().length);

// Waits until the app has drawn nothing for a whole second: settled after the last change.
async function settle(page) {
  for (let i = 0; i < 20; i++) {
    await drawn(page);
    await sleep(1000);
    if ((await drawn(page)) === 0) return;
  }
  throw new Error('the app never stopped drawing');
}

test('an idle page draws no frame; input, resizing and the autosave timer do', async () => {
  const { page, ctx, errors } = await openApp(env, { width: 1100, height: 760 });
  await enterName(page, 'Ida');
  await page.mouse.move(600, 5);  // over the menu bar: no tooltip, no hover change
  await until(page, (st) => !st.dirty);
  await settle(page);
  await sleep(2500);
  assert.equal(await drawn(page), 0, 'frames were drawn while nothing happened');

  // The picture still shows the document after seconds without a frame.
  const stats = await imageStats(page, await page.screenshot());
  assert.ok(stats.colours > 20 && stats.darkShare > 0.002, 'the canvas lost its picture');

  // Input draws, and the app goes quiet again afterwards. The frame that finds the picture
  // settled (the same as the one before) is run but not drawn again: what it would draw is on
  // screen already.
  const counts = () => page.evaluate(() => window.scholion.frameCounts());
  const c0 = await counts();
  await page.mouse.move(600, 400);
  await frames(page, 3);
  assert.ok((await drawn(page)) > 0, 'mouse movement drew nothing');
  await settle(page);
  const c1 = await counts();
  assert.ok(c1.notRedrawn > c0.notRedrawn, `the settling frame was drawn again (${JSON.stringify([c0, c1])})`);
  assert.ok(c1.frames - c0.frames > c1.notRedrawn - c0.notRedrawn, 'the frames after input were drawn');
  const still = await imageStats(page, await page.screenshot());
  assert.ok(still.colours > 20 && still.darkShare > 0.002, 'the canvas lost its picture after a frame not drawn');

  // A resize draws at the new size.
  await page.setViewportSize({ width: 900, height: 700 });
  await frames(page, 3);
  assert.ok((await drawn(page)) > 0, 'a resize drew nothing');
  assert.deepEqual(await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]), [900, 700]);
  await settle(page);

  // A change saved a second later by the autosave timer, without any further input.
  const { before: spans, state: labelled } = await labelText(page, 'Beijing', '1');
  assert.equal(labelled.spans, spans + 1);
  await page.mouse.move(600, 5);
  const st = await until(page, (s) => !s.dirty);
  assert.equal(st.dirty, false, 'the autosave timer did not run without input');
  await screenshot(page, 'idle-after-save.png');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a caret in a text field blinks at its own pace, then the page is idle again', async () => {
  const { page, ctx } = await openApp(env, { width: 1100, height: 760 });
  // The first-visit name prompt has a focused text field with a blinking caret.
  await frames(page, 3);
  await sleep(1000);
  await drawn(page);
  await sleep(3000);
  const n = await drawn(page);
  // 0.8 s visible, 0.4 s hidden: five changes in three seconds (a frame or two each), not 180.
  assert.ok(n >= 2 && n <= 30, `${n} frames in 3 s with a blinking caret`);
  await enterName(page, 'Ida');
  await page.mouse.move(600, 5);
  await until(page, (s) => !s.dirty);
  await settle(page);
  await ctx.close();
});
