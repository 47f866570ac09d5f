// Never lose work: autosave and reload, the storage quota, opening files, export and re-import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp, frames, screenshot } from './harness.mjs';
import { enterName, exported, clickWidget, clickMenu, chooseFiles, labelText, state, until, downloadOf, cpOffset, cpLength, clickRange } from './gestures.mjs';

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
  await until(page, (st) => !st.savePending);
  await page.reload();
  await page.evaluate(() => window.scholion.ready);
  const after = await exported(page);
  assert.deepEqual(after.documents[0].spans, before.documents[0].spans);
  assert.equal((await state(page)).annotator, 'Ana');
  await ctx.close();
});

test('a full storage is reported at once, nothing in memory is lost, the last save stays good', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  // The browser's own quota for this site, set to 1.5 MB through the DevTools protocol (from a
  // helper page, so that the session outlives the app's page).
  const helper = await ctx.newPage();
  const cdp = await ctx.newCDPSession(helper);
  const origin = new URL(env.url).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1.5e6 });
  const { page } = await openApp(env, { context: ctx });
  await enterName(page, 'Ana');
  await labelWord(page, 'Jiang Zemin', '1');
  await until(page, (st) => !st.savePending);
  const saved = await exported(page);
  // A 2 MB document (letters that do not compress) does not fit: the save with it is refused.
  let seed = 7, big = '';
  const letters = 'abcdefghijklmnopqrstuvwxyz ';
  for (let i = 0; i < 2e6; i++) { seed = (seed * 1103515245 + 12345) % 2147483648; big += letters[seed % 27]; }
  await page.evaluate((t) => window.scholion.loadText('big.txt', t), big);
  const st = await until(page, (s) => s.saveError, 30);
  assert.match(st.saveError, /storage is full/i);
  assert.match(st.saveError, /nothing saved before was changed/);
  assert.deepEqual(st.documents, ['beijing-declaration-2000.txt', 'big.txt'], 'the work stays in memory');
  await screenshot(page, 'storage-full.png');
  // The banner offers the export at once, through a real download.
  const banner = await downloadOf(page, () => clickWidget(page, 'save-banner:export'));
  const exportedFile = JSON.parse(banner.bytes.toString('utf8'));
  assert.equal(exportedFile.documents.length, 2);
  assert.equal(exportedFile.documents[1].text, big);
  assert.equal(exportedFile.documents[0].spans.length, 1);
  // The last good save is intact: once this tab is gone, a fresh page restores it.
  // The quota stays low: the closing tab's last try to save (it runs as the page goes, and may
  // finish after close() returns) is refused too, and the small last save still fits.
  await page.close();
  const page2 = await ctx.newPage();
  await page2.goto(env.url);
  await page2.evaluate(() => window.scholion.ready);
  const restored = JSON.parse(await page2.evaluate(() => window.scholion.exportJson()));
  assert.deepEqual(restored.documents.map((d) => d.name), saved.documents.map((d) => d.name));
  assert.deepEqual(restored.documents[0].spans, saved.documents[0].spans);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await ctx.close();
});

test('a 5 MB document with 25,000 spans survives a reload', async () => {
  const { buildWorkspace } = await import('./bench/workspace.mjs');
  const { sampleText } = await import('./harness.mjs');
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const ws = buildWorkspace(await exported(page), sampleText, { bytes: 5 * 1024 * 1024, spanCount: 25000 });
  const body = JSON.stringify(ws);
  const result = await page.evaluate((t) => window.scholion.importJson(t), body);
  assert.ok(result.ok, result.error);
  await until(page, (s) => s.spans === 25000 && !s.savePending && !s.saveError, 120);
  await page.reload();
  await page.evaluate(() => window.scholion.ready);
  const st = await state(page);
  assert.equal(st.saveError, '');
  assert.equal(st.spans, 25000);
  const back = await exported(page);
  assert.equal(back.documents[0].text.length, ws.documents[0].text.length);
  assert.ok(Buffer.byteLength(back.documents[0].text) >= 5 * 1024 * 1024);
  assert.deepEqual(back.documents[0].spans.slice(-3).map((s) => [s.id, s.start, s.end, s.text]),
    ws.documents[0].spans.slice(-3).map((s) => [s.id, s.start, s.end, s.text]));
  assert.equal(back.documents[0].relations.length, ws.documents[0].relations.length);
  await ctx.close();
});

// Selects the span over `needle` and clicks into its note field.
async function openNote(page, needle) {
  const text = await page.evaluate(() => window.scholion.documentText());
  const at = cpOffset(text, needle);
  await clickRange(page, at, at + cpLength(needle));
  await clickWidget(page, 'note');
}

test('a note being typed survives a reload, and Esc keeps it', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  await labelWord(page, 'Jiang Zemin', '1');
  await openNote(page, 'Jiang Zemin');
  await page.keyboard.type('Chairman, née 1926 — draft');
  // Still typing (the field has the caret) when the tab reloads.
  await until(page, (s) => !s.savePending);
  assert.equal((await exported(page)).documents[0].spans[0].note ?? '', '', 'not committed yet');
  await page.reload();
  await page.evaluate(() => window.scholion.ready);
  let st = await until(page, (s) => s.selectedSpan === 'T1');
  assert.equal((await exported(page)).documents[0].spans[0].note, 'Chairman, née 1926 — draft');
  await screenshot(page, 'note-after-reload.png');

  // Esc while typing leaves the field and keeps what was typed.
  await labelWord(page, 'Vladimir Putin', '1');
  await openNote(page, 'Vladimir Putin');
  await page.keyboard.type('Esc must not lose this');
  await page.keyboard.press('Escape');
  await frames(page, 3);
  st = await until(page, (s) => /note/i.test(s.message));
  const putin = (await exported(page)).documents[0].spans.find((s) => s.text === 'Vladimir Putin');
  assert.equal(putin.note, 'Esc must not lose this');
  await ctx.close();
});

test('work saved by an older version in localStorage moves to IndexedDB on the first start', async () => {
  const first = await openApp(env);
  await enterName(first.page, 'Ana');
  await labelWord(first.page, 'Beijing', '4');
  const v1 = await first.page.evaluate(() => window.scholion.exportJson());
  await first.ctx.close();
  // A browser that ran the old version: its save under scholion:autosave/v1/..., nothing else.
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript((body) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('scholion:autosave/v1/workspace', body);
    localStorage.setItem('scholion:autosave/v1/ui', '{"zoom":1.5}');
  }, v1);
  const { page } = await openApp(env, { context: ctx });
  let st = await state(page);
  assert.equal(st.annotator, 'Ana');
  assert.equal(st.spans, 1);
  assert.equal(st.zoom, 1.5);
  // Saved again in the new layout at once; the old keys are gone from localStorage.
  await until(page, (s) => !s.savePending);
  const where = await page.evaluate(async () => {
    const db = await new Promise((res, rej) => { const r = indexedDB.open('scholion'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const keys = await new Promise((res) => { const r = db.transaction('records').objectStore('records').getAllKeys(); r.onsuccess = () => res(r.result); });
    db.close();
    return { keys, local: Object.keys(localStorage).filter((k) => k.startsWith('scholion:')) };
  });
  assert.deepEqual(where.local, []);
  assert.ok(where.keys.includes('autosave/v2/manifest'), where.keys.join(', '));
  assert.ok(!where.keys.includes('autosave/v1/workspace'));
  await page.reload();
  await page.evaluate(() => window.scholion.ready);
  st = await state(page);
  assert.equal(st.spans, 1);
  assert.equal(st.annotator, 'Ana');
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
