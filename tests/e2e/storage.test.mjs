// Never lose work: autosave and reload, the storage quota, opening files, export and re-import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp, frames, screenshot } from './harness.mjs';
import { enterName, exported, clickWidget, clickMenu, chooseFiles, labelText, state, until, downloadOf } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const labelWord = (page, word, key) => labelText(page, word, key);

test('annotations survive a reload, with the annotator and the active document', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  let { page } = await openApp(env, { context: ctx });
  await enterName(page, 'Ana');
  await labelWord(page, 'Jiang Zemin', '1');
  await labelWord(page, 'Beijing', '4');
  const before = await exported(page);
  assert.equal(before.documents[0].spans.length, 2);
  // Saved without asking: wait for the debounce to write it (the status says saved).
  await until(page, (st) => !st.dirty);
  await page.reload();
  await page.evaluate(() => window.scholion.ready);
  const after = await exported(page);
  assert.deepEqual(after.documents[0].spans, before.documents[0].spans);
  assert.equal((await state(page)).annotator, 'Ana');
  await ctx.close();
});

test('a full storage is reported at once, nothing in memory is lost, the last save stays good', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page } = await openApp(env, { context: ctx });
  await enterName(page, 'Ana');
  await labelWord(page, 'Jiang Zemin', '1');
  await until(page, (st) => !st.dirty);
  const saved = await exported(page);
  // Fill the rest of the origin's quota with another key, as other pages of the site might.
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(256 * 1024), n = 0;
    for (;;) {
      try { localStorage.setItem('other-app-' + n, chunk); n++; } catch (e) {
        if (chunk.length < 64) break;
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
    return n;
  });
  assert.ok(filled > 0);
  await labelWord(page, 'Vladimir Putin', '1');
  const st = await until(page, (s) => s.saveError);
  assert.match(st.saveError, /storage is full/i);
  assert.equal(st.spans, 2, 'the work stays in memory');
  await screenshot(page, 'storage-full.png');
  // The banner offers the export at once, through a real download.
  const banner = await downloadOf(page, () => clickWidget(page, 'save-banner:export'));
  const exportedFile = JSON.parse(banner.bytes.toString('utf8'));
  assert.equal(exportedFile.documents[0].spans.length, 2);
  // The last good save is intact: a fresh page in the same origin restores it.
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('other-app-')) localStorage.removeItem(k); });
  const page2 = await ctx.newPage();
  await page2.goto(env.url);
  await page2.evaluate(() => window.scholion.ready);
  const restored = JSON.parse(await page2.evaluate(() => window.scholion.exportJson()));
  assert.ok(restored.documents[0].spans.length >= saved.documents[0].spans.length);
  assert.ok(restored.documents[0].spans.some((s) => s.text === 'Jiang Zemin'));
  await ctx.close();
});

test('open a .txt and an .html file through the file chooser', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const html = '<html><head><title>t</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>' +
    '<body><h1>Caf&eacute; &amp; Co</h1><p>Stra&#223;e &#x4E2D; here.</p><div>Second block</div></body></html>';
  await chooseFiles(page, [['notes.txt', 'Plain notes: Zürich, Ωμέγα.\n'], ['page.html', html, 'text/html']]);
  const st = await until(page, (s) => s.documents.length === 3);
  assert.deepEqual(st.documents.slice(1), ['notes.txt', 'page.html']);
  const text = await page.evaluate(() => window.scholion.documentText());
  assert.match(text, /Café & Co/);
  assert.match(text, /Straße 中 here\./);
  assert.match(text, /Second block/);
  assert.doesNotMatch(text, /color:red|var x|<p>/);
  assert.match(text, /Co\s*\n+\s*Straße/, 'block elements become line breaks');
  await ctx.close();
});

test('a binary file and a file for another text are refused or named, and change nothing', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  await labelWord(page, 'Jiang Zemin', '1');
  const before = await exported(page);
  await chooseFiles(page, [['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]), 'image/png']]);
  let st = await until(page, (s) => /image\.png/.test(s.message));
  assert.match(st.message, /image\.png: (not UTF-8|looks like a binary)/);
  assert.deepEqual(await exported(page), before);

  // A Scholion file made for another text: it must say so.
  const other = JSON.parse(JSON.stringify(before));
  const otherText = 'A different story about Boris Yeltsin.';
  other.documents[0].text = otherText;
  other.documents[0].name = 'other.txt';
  other.documents[0].id = 'other';
  other.documents[0].sha256 = '';
  other.documents[0].spans = [{ id: 'T1', label: 'Person', start: 24, end: 37, text: 'Boris Yeltsin' }];
  other.documents[0].relations = [];
  delete other.documents[0].sha256;
  await chooseFiles(page, [['other.scholion.json', JSON.stringify(other), 'application/json']]);
  await clickWidget(page, 'import:layer');
  st = await until(page, (s) => /other\.scholion\.json/.test(s.message));
  assert.match(st.message, /different text/);
  await ctx.close();
});

test('export through a real download, then re-import the file into a fresh page', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  await labelWord(page, 'Jiang Zemin', '1');
  await labelWord(page, 'Vladimir Putin', '1');
  const download = await downloadOf(page, () => page.keyboard.press('Control+s'));
  assert.match(download.name, /Ana.*\.json$/);
  const body = download.bytes.toString('utf8');
  const ws = JSON.parse(body);
  assert.equal(ws.format, 'scholion');
  assert.equal(ws.documents[0].spans.length, 2);
  await ctx.close();

  const fresh = await openApp(env);
  await enterName(fresh.page, 'Bo');
  await chooseFiles(fresh.page, [[download.name, body, 'application/json']]);
  await clickWidget(fresh.page, 'import:workspace');
  const st = await until(fresh.page, (s) => s.spans === 2);
  assert.equal(st.spans, 2, `after import: ${JSON.stringify(st)}`);
  const again = await exported(fresh.page);
  assert.deepEqual(again.documents[0].spans.map((s) => [s.start, s.end, s.text]),
    ws.documents[0].spans.map((s) => [s.start, s.end, s.text]));
  await fresh.ctx.close();
});

test('?open=URL opens a document from the same site; a missing one is reported', async () => {
  const { siteDir } = await import('./harness.mjs');
  const body = 'Linked exercise text: Zürich, Ωμέγα, 中文.\n';
  fs.writeFileSync(`${siteDir}/e2e-linked.txt`, body);
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(env.url + '?open=e2e-linked.txt');
  await page.evaluate(() => window.scholion.ready);
  const st = await until(page, (s) => s.documents.includes('e2e-linked.txt'));
  assert.ok(st.documents.includes('e2e-linked.txt'));
  assert.equal(await page.evaluate(() => window.scholion.documentText()), body);
  await page.goto(env.url + '?open=no-such-file.txt');
  await page.evaluate(() => window.scholion.ready);
  await page.waitForFunction(() => /Could not open .*no-such-file\.txt/.test(document.getElementById('status').textContent));
  await ctx.close();
});

test('pasting text with Ctrl+V makes a new document, line breaks and accents kept', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page } = await openApp(env, { context: ctx });
  await enterName(page, 'Ana');
  const pasted = 'Zoë wrote:\r\n\tΩμέγα met Straße.\nLast line 中';
  await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
  await clickMenu(page, 'File', 'paste');
  await frames(page, 3);
  await page.keyboard.press('Control+v');
  await frames(page, 3);
  await screenshot(page, 'paste-modal.png');
  await clickWidget(page, 'paste:add');
  const st = await until(page, (s) => s.documents.length === 2);
  assert.equal(st.documents.length, 2, 'a second document');
  assert.equal(st.active, 1);
  // Windows line ends become \n; the tab and every character survive.
  assert.equal(await page.evaluate(() => window.scholion.documentText()),
               'Zoë wrote:\n\tΩμέγα met Straße.\nLast line 中');
  await ctx.close();
});
