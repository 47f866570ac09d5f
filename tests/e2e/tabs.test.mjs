// Two tabs of one site share one workspace: one edits, the other follows it read-only until
// "Edit here instead"; the sequence from issue 14 (A, B, A, B then close B, reload) loses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, frames, screenshot } from './harness.mjs';
import { enterName, exported, labelText, state, until } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const spanTexts = async (page) => (await exported(page)).documents[0].spans.map((s) => s.text).sort();

// Clicks the banner's button with the mouse, as a user would, and waits until this tab edits.
async function editHere(page, spans) {
  const button = page.getByRole('button', { name: 'Edit here instead' });
  await button.click();
  return until(page, (s) => !s.readOnly && s.spans === spans);
}

test('two tabs: A, B, A, B and close B, reload: every label is kept, and only one tab edits', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = (await openApp(env, { context: ctx })).page;
  await enterName(a, 'Ana');
  await labelText(a, 'Jiang Zemin', '1');
  await until(a, (s) => !s.savePending);

  const b = (await openApp(env, { context: ctx })).page;
  let st = await until(b, (s) => s.readOnly && s.spans === 1);
  assert.equal(st.annotator, 'Ana', 'the follower shows the saved workspace');
  const banner = b.locator('#scholion-tabs');
  await banner.waitFor();
  assert.match(await banner.textContent(), /being edited in another tab/);
  assert.equal(await a.locator('#scholion-tabs').count(), 0, 'the editing tab has no banner');
  await screenshot(b, 'tabs-follower.png');
  // A read-only tab refuses edits with words, and changes nothing.
  const text = await b.evaluate(() => window.scholion.documentText());
  await b.evaluate(() => window.scholion.select(0, 5));
  await frames(b, 2);
  await b.keyboard.press('1');
  st = await until(b, (s) => /another tab/.test(s.message));
  assert.equal(st.spans, 1);
  assert.equal(await b.evaluate(() => window.scholion.documentText()), text);

  // B takes over: A saves, becomes read-only and shows the banner.
  await editHere(b, 1);
  await until(a, (s) => s.readOnly);
  await a.locator('#scholion-tabs').waitFor();
  await labelText(b, 'Beijing', '4');
  await until(b, (s) => !s.savePending);
  // A follows B's saves without a reload.
  await until(a, (s) => s.spans === 2);

  await editHere(a, 2);
  await until(b, (s) => s.readOnly);
  await labelText(a, 'Vladimir Putin', '1');

  await editHere(b, 3);
  await labelText(b, 'Shanghai', '4');
  await until(b, (s) => !s.savePending);
  await b.close();
  // The editing tab is gone: A edits again, with B's last label.
  st = await until(a, (s) => !s.readOnly && s.spans === 4);
  assert.equal(await a.locator('#scholion-tabs').count(), 0);
  await a.reload();
  await a.evaluate(() => window.scholion.ready);
  st = await until(a, (s) => s.spans === 4 && !s.readOnly);
  assert.deepEqual(await spanTexts(a), ['Beijing', 'Jiang Zemin', 'Shanghai', 'Vladimir Putin']);
  await ctx.close();
});
