// No silent truncation: a long paste reaches the document whole, through the page's paste event.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, frames, screenshot } from './harness.mjs';
import { enterName, clickWidget, clickMenu, until } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('a 200 KB paste with Ctrl+V becomes a document with the full text, line breaks kept', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page, errors } = await openApp(env, { context: ctx });
  await enterName(page, 'Paula');
  // About 200 KB: numbered lines (so a cut anywhere shows), accents, tabs, Windows line ends.
  const lines = [];
  for (let i = 0; lines.join('\n').length < 200 * 1024; i++)
    lines.push(`Line ${i}:\tZoë met Ωμέγα in Straße ${i}, 中文 — the end of line ${i}.`);
  const pasted = lines.join('\r\n');
  assert.ok(pasted.length > 200 * 1024);
  await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
  await clickMenu(page, 'File', 'paste');
  await frames(page, 3);
  await page.keyboard.press('Control+v');
  await frames(page, 3);
  await screenshot(page, 'paste-200k.png');
  await clickWidget(page, 'paste:add');
  const st = await until(page, (s) => s.documents.length === 2);
  assert.equal(st.active, 1);
  const text = await page.evaluate(() => window.scholion.documentText());
  assert.equal(text.length, pasted.replace(/\r\n/g, '\n').length, 'nothing cut');
  assert.equal(text, pasted.replace(/\r\n/g, '\n'));
  assert.deepEqual(errors, []);
  await ctx.close();
});
