// The one-file offline page (scholion-offline.html) runs from file://, annotates and keeps its work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, siteDir, sampleText, screenshot } from './harness.mjs';
import { cpOffset, cpLength, enterName, exported, labelText, until } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const offlinePage = path.join(siteDir, 'scholion-offline.html');

test('the offline page is one self-contained file', () => {
  const html = fs.readFileSync(offlinePage, 'utf8');
  // Nothing fetched from next to it: no script src, no stylesheet link, no .wasm file name.
  assert.doesNotMatch(html, /<script[^>]*\bsrc=/);
  assert.doesNotMatch(html, /<link[^>]*stylesheet/);
  assert.doesNotMatch(html, /scholion\.wasm/);
  // Nor the served site's manifest or early wasm download.
  assert.doesNotMatch(html, /<link[^>]*(manifest|preload)/);
  assert.match(html, /data:application\/octet-stream;base64,/);
});

test('from file:// it opens the sample, annotates, and restores the work after a reload', async () => {
  // Its own copy in a scratch folder, so nothing served next to the site can help it load.
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR || '/tmp'), 'scholion-offline-'));
  const copy = path.join(dir, 'Scholion.html');
  fs.copyFileSync(offlinePage, copy);
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.goto(pathToFileURL(copy).href);
  await page.waitForFunction(() => window.scholion && window.scholion.ready, null, { timeout: 60000 });
  await page.evaluate(() => window.scholion.ready);
  assert.equal(await page.evaluate(() => window.scholion.documentText()), sampleText);
  await enterName(page, 'Offline Olga');
  const at = cpOffset(sampleText, 'Vladimir Putin');
  await labelText(page, 'Vladimir Putin', '1');
  const made = await exported(page);
  assert.deepEqual(made.documents[0].spans.map((s) => [s.start, s.end, s.label]),
                   [[at, at + cpLength('Vladimir Putin'), 'Person']]);
  await until(page, (st) => !st.dirty);
  await screenshot(page, 'offline-file-url.png');
  await page.reload();
  await page.waitForFunction(() => window.scholion && window.scholion.ready, null, { timeout: 60000 });
  await page.evaluate(() => window.scholion.ready);
  const restored = await exported(page);
  assert.deepEqual(restored.documents[0].spans, made.documents[0].spans);
  assert.equal(restored.annotator, 'Offline Olga');
  assert.deepEqual(errors, []);
  assert.deepEqual(failed, []);
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
