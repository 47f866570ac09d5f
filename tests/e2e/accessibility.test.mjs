// Screen readers and seeing (issue 16): the accessible mirror read from Chromium's accessibility
// tree after real key presses, the menu bar and the side lists by keyboard with a visible focus
// ring, the high-contrast theme's contrast from pixels, and two labels of one colour told apart
// by their underline patterns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp, screenshot, frames, pixels } from './harness.mjs';
import { cpOffset, cpLength, enterName, exported, clickMenu, state, until } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await frames(page, 2);
  }
  return state(page);
}

// The page's accessibility tree (CDP): each region or live element by its accessible name, with
// its role, live setting and the text inside it; and the focused node's description.
async function axTree(page, cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value?.value;
  const textIn = (n) => {
    if (!n) return '';
    if (n.role?.value === 'StaticText') return n.name?.value || '';
    return (n.childIds || []).map((c) => textIn(byId.get(c))).join('');
  };
  const regions = {};
  let focused = null;
  for (const n of nodes) {
    if (n.ignored) continue;
    const name = n.name?.value;
    if (name && ['region', 'status', 'alert'].includes(n.role?.value))
      regions[name] = { role: n.role.value, live: prop(n, 'live'), text: textIn(n) };
    if (prop(n, 'focused')) focused = { role: n.role?.value, name, description: n.description?.value || '' };
  }
  return { regions, focused };
}

// Polls the tree until `fn(tree)` holds (the page's live regions change right after a frame).
async function untilTree(page, cdp, fn, what) {
  let t;
  for (let i = 0; i < 60; i++) {
    t = await axTree(page, cdp);
    if (fn(t)) return t;
    await frames(page, 1);
  }
  throw new Error(`accessibility tree never showed ${what}: ${JSON.stringify(t.regions)}`);
}

// Walks the caret to the start of `cp`'s line with Down, then Right to `cp` (real keys).
async function caretTo(page, text, cp) {
  const cps = Array.from(text);
  const lineOf = (c) => cps.slice(0, c).filter((ch) => ch === '\n').length;
  let st = await state(page);
  for (let i = 0; i < 40 && lineOf(st.caret) < lineOf(cp); i++) st = await press(page, 'ArrowDown');
  st = await press(page, 'Home');
  for (let i = 0; i < 20 && st.caret < cp; i++) st = await press(page, 'ArrowRight');
  assert.equal(st.caret, cp, 'the caret reached the word');
  return st;
}

test('a screen reader hears the sentence, the selection, the span under the caret and messages', async () => {
  const { page, ctx, errors } = await openApp(env);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await enterName(page, 'Ana');
  const text = await page.evaluate(() => window.scholion.documentText());
  const putin = cpOffset(text, 'Vladimir Putin');

  // The live regions exist, are labelled, and are polite (errors: assertive).
  let t = await untilTree(page, cdp, (x) => x.regions['Current sentence']?.text, 'the sentence');
  for (const name of ['Current sentence', 'Caret', 'Selection', 'Span under the caret'])
    assert.equal(t.regions[name]?.live, 'polite', `${name} is a polite live region`);
  assert.equal(t.regions.Messages.role, 'status');
  assert.equal(t.regions.Messages.live, 'polite');
  assert.equal(t.regions.Errors.role, 'alert');
  assert.equal(t.regions.Errors.live, 'assertive');
  assert.match(t.regions['Current sentence'].text, /^Sentence 1 of \d+: /);
  // The keyboard's element tells what it is and where the caret is.
  assert.equal(t.focused?.name, 'Annotated text');
  assert.match(t.focused.description, /arrow keys move the caret/);
  assert.match(t.focused.description, /Caret before/);

  // Caret to "Vladimir", Shift+Right twice: the selection is read out.
  await caretTo(page, text, putin);
  t = await untilTree(page, cdp, (x) => /Vladimir/.test(x.regions.Caret.text), 'the caret word');
  assert.match(t.regions.Caret.text, /^Caret before “Vladimir”, word \d+ of \d+ in sentence \d+, line \d+$/);
  assert.match(t.regions['Current sentence'].text, /Vladimir Putin/);
  await press(page, 'Shift+ArrowRight', 2);
  t = await untilTree(page, cdp, (x) => /Putin/.test(x.regions.Selection.text), 'the selection');
  assert.equal(t.regions.Selection.text, 'Selected “Vladimir Putin”, 2 words. A label key or Enter labels it.');
  assert.equal(t.regions['Span under the caret'].text, 'No span at the caret');

  // The Person key: the span under the caret is read with its label and text.
  await press(page, '1');
  t = await untilTree(page, cdp, (x) => /Person/.test(x.regions['Span under the caret'].text), 'the span');
  assert.equal(t.regions['Span under the caret'].text, 'Person (key 1): “Vladimir Putin”.');
  await screenshot(page, 'a11y-labelled.png');
  // Caret moved away and back onto the span (no selection): still read as the span there.
  await press(page, 'ArrowRight');
  let st = await press(page, 'ArrowLeft');
  assert.equal(st.selectedSpan, null);
  t = await untilTree(page, cdp, (x) => /Nothing selected/.test(x.regions.Selection.text), 'no selection');
  assert.match(t.regions['Span under the caret'].text, /^Person \(key 1\): “Vladimir Putin”\.$/);

  // Delete and undo: each message reaches the status region.
  await press(page, 'Tab');
  st = await press(page, 'Delete');
  assert.equal(st.spans, 0);
  t = await untilTree(page, cdp, (x) => /Deleted/.test(x.regions.Messages.text), 'the delete message');
  assert.equal(t.regions.Messages.text, 'Deleted Person “Vladimir Putin” (Ctrl+Z brings it back)');
  await press(page, 'Control+z');
  t = await untilTree(page, cdp, (x) => /Undid/.test(x.regions.Messages.text), 'the undo message');
  assert.match(t.regions.Messages.text, /^Undid: /);
  // An error goes to the assertive region.
  await page.evaluate(() => window.scholion.importJson('{"not": "a workspace"'));
  t = await untilTree(page, cdp, (x) => x.regions.Errors.text.length > 0, 'the error');
  assert.ok(t.regions.Errors.text.length > 5);

  // Nothing is written to the page while nothing changes (no per-frame DOM writes).
  const writes = await page.evaluate(async () => {
    let n = 0;
    const obs = new MutationObserver((m) => { n += m.length; });
    obs.observe(document.getElementById('scholion-a11y'), { subtree: true, childList: true, characterData: true });
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
    window.scholion.flushSave();
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
    obs.disconnect();
    return n;
  });
  assert.equal(writes, 0, 'the mirror is not rewritten every frame');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the menu bar and the side lists by keyboard, with a focus ring', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Ana');
  await page.evaluate(() => window.scholion.loadText('second.txt', 'A second story about Beijing.'));
  await until(page, (s) => s.documents.length === 2);
  let st = await press(page, 'Control+Home');
  // F6 and Enter below open the document that is not open now.
  const other = st.active === 0 ? 1 : 0;
  const otherName = st.documents[other];

  // F10 opens File; Right / Left walk the menus; Esc closes and the text has the keys again.
  st = await press(page, 'F10');
  assert.equal(st.menuOpen, 0, 'F10 opened the first menu');
  assert.ok(await page.evaluate(() => window.scholion.widgetRect('menu-item:open')), 'File items shown');
  st = await until(page, (s) => s.navRect);
  const openItem = await page.evaluate(() => window.scholion.widgetRect('menu-item:open'));
  assert.deepEqual(st.navRect, [openItem.x, openItem.y, openItem.w, openItem.h],
    'its first item, Open documents, is highlighted');
  await screenshot(page, 'a11y-menu-file.png');
  st = await press(page, 'ArrowRight');
  assert.equal(st.menuOpen, 1, 'Right: Edit');
  st = await press(page, 'ArrowRight');
  assert.equal(st.menuOpen, 2, 'Right: View');
  st = await press(page, 'ArrowLeft');
  assert.equal(st.menuOpen, 1, 'Left: Edit again');
  const caret = st.caret;
  st = await press(page, 'ArrowDown');
  assert.equal(st.caret, caret, 'Down in the menu leaves the caret alone');
  st = await press(page, 'Escape');
  assert.equal(st.menuOpen, -1, 'Esc closed the menu');
  st = await press(page, 'ArrowRight');
  assert.notEqual(st.caret, caret, 'the text has the keys again');
  // Alt pressed and released alone opens the menu bar too.
  st = await press(page, 'Alt');
  assert.equal(st.menuOpen, 0, 'Alt opened File');
  st = await press(page, 'Alt');
  assert.equal(st.menuOpen, -1, 'Alt again closed it');

  // View > High contrast theme by keyboard: F10, Right twice, Down to the item, Enter.
  await press(page, 'F10');
  st = await press(page, 'ArrowRight', 2);
  assert.equal(st.menuOpen, 2);
  st = await until(page, (s) => s.navRect);  // the menu's first item, once it is placed
  const onItem = async (s, name) => {
    const r = await page.evaluate((n) => window.scholion.widgetRect(n), name);
    return !!(r && s.navRect && Math.abs(s.navRect[1] - r.y) < 1 && Math.abs(s.navRect[0] - r.x) < 1);
  };
  for (let i = 0; i < 6 && !(await onItem(st, 'menu-item:theme-high-contrast')); i++)
    st = await press(page, 'ArrowDown');
  assert.ok(await onItem(st, 'menu-item:theme-high-contrast'), 'the highlight reached High contrast');
  st = await press(page, 'Enter');
  assert.equal(st.highContrast, true, 'Enter picked it');
  assert.equal(st.menuOpen, -1);
  st = await press(page, 'F10');
  st = await press(page, 'Escape');

  // F6: the keyboard goes to the labels and documents; Down walks to the second document (the
  // text behind does not move), Enter opens it.
  const before = await state(page);
  st = await press(page, 'F6');
  assert.equal(st.keyboardRegion, 1);
  // The ring starts on the LABELS header; Down goes to the first label.
  st = await press(page, 'ArrowDown');
  assert.ok(await onItem(st, 'palette:Person'), 'Down: the focus ring on the first label');
  const doc = await page.evaluate((n) => window.scholion.widgetRect(`document:${n}`), otherName);
  assert.ok(doc);
  const onDoc = (s) => s.navRect && Math.abs(s.navRect[1] - doc.y) < 1;
  for (let i = 0; i < 40 && !onDoc(st); i++) {
    st = await press(page, 'ArrowDown');
    assert.equal(st.caret, before.caret, 'Down in the panel leaves the caret alone');
    assert.equal(st.scrollY, before.scrollY, 'and the text unscrolled');
  }
  assert.ok(onDoc(st), 'Down reached the other document');
  // The focus ring is drawn: yellow (the high-contrast focus colour) around the item.
  const img = await pixels(page, fs.readFileSync(await screenshot(page, 'a11y-focus-ring.png')));
  const [x, y, w, h] = st.navRect;
  let ring = 0;
  for (let px = Math.round(x - 6); px <= x + w + 6; px++)
    for (const py of [y - 4, y - 3, y - 2, y - 1, y + h, y + h + 1, y + h + 2, y + h + 3].map(Math.round)) {
      const [r, g, b] = img.at(px, py);
      if (r > 200 && g > 190 && b < 80) ring++;
    }
  assert.ok(ring > w, `a yellow focus ring around the item (${ring} pixels)`);
  st = await press(page, 'Enter');
  assert.equal(st.active, other, 'Enter opened the other document');
  st = await press(page, 'Escape');
  assert.equal(st.keyboardRegion, 0, 'Esc: back to the text');

  // The annotation list: label two words with keys, F6 twice, Down / Up / Enter pick rows.
  st = await press(page, 'Control+Home');
  st = await press(page, 'Shift+ArrowRight');
  assert.ok(st.selection);
  st = await press(page, '3');
  const first = st.selectedSpan;
  await press(page, 'ArrowRight');
  await press(page, 'Shift+ArrowRight');
  st = await press(page, '3');
  assert.equal(st.spans, 2);
  const second = st.selectedSpan;
  st = await press(page, 'Escape');
  assert.equal(st.selectedSpan, null);
  const caretBefore = st.caret;
  st = await press(page, 'F6', 2);
  assert.equal(st.keyboardRegion, 2, 'the annotation list has the keys');
  st = await press(page, 'ArrowDown');
  assert.equal(st.caret, caretBefore, 'Down in the list leaves the caret alone');
  st = await press(page, 'Enter');
  assert.equal(st.selectedSpan, second, 'Down, Enter: the second row selected its span');
  await screenshot(page, 'a11y-list-focus.png');
  st = await press(page, 'ArrowUp');
  st = await press(page, 'Enter');
  assert.equal(st.selectedSpan, first, 'Up, Enter: the first row');
  assert.equal(st.keyboardRegion, 2, 'the list keeps the keys');
  st = await press(page, 'F6');
  assert.equal(st.keyboardRegion, 0, 'F6 came round to the text');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('high contrast: text and backgrounds at least 7:1, kept after a reload', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Ana');
  const text = await page.evaluate(() => window.scholion.documentText());
  const putin = cpOffset(text, 'Vladimir Putin');
  await page.evaluate(([a, b]) => window.scholion.select(a, b), [putin, putin + 14]);
  await press(page, '1');
  await clickMenu(page, 'View', 'theme-high-contrast');
  let st = await until(page, (s) => s.highContrast);
  await frames(page, 4);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const img = await pixels(page, fs.readFileSync(await screenshot(page, 'a11y-high-contrast.png')));
  // The text view: background and the brightest text pixel of a line of plain text.
  const rect = st.textView.rect;
  const line = await page.evaluate(([a, b]) => window.scholion.spanRect(a, b), [0, 20]);
  const bg = img.at(Math.round(rect[0] + 6), Math.round(rect[1] + 6));
  let ink = bg;
  for (let px = Math.round(line.x); px < line.x + line.w; px++)
    for (let py = Math.round(line.y); py < line.y + line.h; py++)
      if (lum(img.at(px, py)) > lum(ink)) ink = img.at(px, py);
  assert.ok(ratio(ink, bg) >= 7, `text view ${ink} on ${bg}: ${ratio(ink, bg).toFixed(1)}:1`);
  // The side panels: the palette's label name on the panel.
  const pal = await page.evaluate(() => window.scholion.widgetRect('palette:Person'));
  const pbg = img.at(Math.round(pal.x + pal.w - 2), Math.round(pal.y + 2));
  let pink = pbg;
  for (let px = Math.round(pal.x + 28); px < pal.x + 90; px++)
    for (let py = Math.round(pal.y); py < pal.y + pal.h; py++)
      if (lum(img.at(px, py)) > lum(pink)) pink = img.at(px, py);
  assert.ok(ratio(pink, pbg) >= 7, `panel ${pink} on ${pbg}: ${ratio(pink, pbg).toFixed(1)}:1`);
  // Kept with the UI state.
  await page.evaluate(() => window.scholion.flushSave());
  await until(page, (s) => !s.savePending);
  await page.reload();
  await page.waitForFunction(() => window.scholion && window.scholion.ready);
  await page.evaluate(() => window.scholion.ready);
  st = await until(page, (s) => s.highContrast === true);
  assert.equal(st.dark, true);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('two labels of one colour differ by underline pattern and tag shape', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Ana');
  // Organization gets Person's colour.
  const ws = await exported(page);
  ws.schema.spanLabels[1].color = ws.schema.spanLabels[0].color;
  const r = await page.evaluate((j) => window.scholion.importJson(j), JSON.stringify(ws));
  assert.equal(r.ok, true, r.error);
  const text = await page.evaluate(() => window.scholion.documentText());
  const jiang = cpOffset(text, 'Jiang Zemin');
  const putin = cpOffset(text, 'Vladimir Putin');
  await page.evaluate(([a, b]) => window.scholion.select(a, b), [jiang, jiang + cpLength('Jiang Zemin')]);
  await press(page, '1');
  await page.evaluate(([a, b]) => window.scholion.select(a, b), [putin, putin + 14]);
  await press(page, '2');
  await press(page, 'Escape');
  const [rgb0] = [ws.schema.spanLabels[0].color].map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
  const near = (p) => Math.abs(p[0] - rgb0[0]) + Math.abs(p[1] - rgb0[1]) + Math.abs(p[2] - rgb0[2]) < 40;
  // Runs of the label colour along the most coloured row below the span's text.
  const runsUnder = (img, box) => {
    let best = { n: 0, runs: 0 };
    for (let py = Math.round(box.y + box.h); py < box.y + box.h + 14; py++) {
      let n = 0, runs = 0, inRun = false;
      for (let px = Math.round(box.x + 2); px < box.x + box.w - 2; px++) {
        const on = near(img.at(px, py));
        if (on) n++;
        if (on && !inRun) runs++;
        inRun = on;
      }
      if (n > best.n) best = { n, runs };
    }
    return best;
  };
  const shoot = async (name) => {
    const a = await page.evaluate(([x, y]) => window.scholion.spanRect(x, y), [jiang, jiang + 11]);
    const b = await page.evaluate(([x, y]) => window.scholion.spanRect(x, y), [putin, putin + 14]);
    const img = await pixels(page, fs.readFileSync(await screenshot(page, name)));
    return { a: runsUnder(img, a), b: runsUnder(img, b) };
  };
  let u = await shoot('a11y-label-marks.png');
  assert.ok(u.a.n > 20 && u.b.n > 20, `both underlined: ${JSON.stringify(u)}`);
  assert.equal(u.a.runs, 1, 'Person: a solid underline');
  assert.ok(u.b.runs >= 4, `Organization: a dashed underline (${u.b.runs} dashes)`);
  // Turned off (View menu), both are plain solid lines: the pattern was the difference.
  await clickMenu(page, 'View', 'label-marks');
  await until(page, (s) => s.labelMarks === false);
  await frames(page, 3);
  u = await shoot('a11y-label-marks-off.png');
  assert.equal(u.a.runs, 1);
  assert.equal(u.b.runs, 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});
