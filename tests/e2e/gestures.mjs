// Real-input helpers for browser tests: code-point offsets, drag-selecting text, the name prompt.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { frames } from './harness.mjs';

// Code-point offset of the n-th occurrence of `needle` in `text` (JS strings index UTF-16 units).
export function cpOffset(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  return Array.from(text.slice(0, at)).length;
}

export function cpLength(s) { return Array.from(s).length; }

// Drags the mouse across a code-point range, as a user selecting words would.
export async function dragAcross(page, start, end) {
  const r = await page.evaluate(([a, b]) => window.scholion.spanRect(a, b), [start, end]);
  if (!r) throw new Error(`no rectangle for ${start}-${end}`);
  const y = r.y + r.h / 2;
  await page.mouse.move(r.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(r.x + r.w / 2, y, { steps: 5 });
  await page.mouse.move(r.x + r.w - 2, y, { steps: 5 });
  await page.mouse.up();
  await frames(page, 4);
  return r;
}

export async function clickRange(page, start, end) {
  const r = await page.evaluate(([a, b]) => window.scholion.spanRect(a, b), [start, end]);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await frames(page, 4);
  return r;
}

// Answers the first-start name prompt by typing, as a student would.
export async function enterName(page, name) {
  await frames(page, 2);
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  for (let i = 0; i < 60; i++) {
    if ((await page.evaluate(() => window.scholion.state().annotator)) === name) return;
    await frames(page, 1);
  }
  throw new Error(`the name prompt did not take "${name}"`);
}

export async function exported(page) {
  return JSON.parse(await page.evaluate(() => window.scholion.exportJson()));
}

export const state = (page) => page.evaluate(() => window.scholion.state());

// Polls, one frame at a time (up to ~90 frames), until fn(state) holds; returns the last state.
// The app state once `fn(state)` holds; fails the test (naming the condition and showing the last
// state) when it does not within `seconds`.
export async function until(page, fn, seconds = 15) {
  const deadline = Date.now() + seconds * 1000;
  let st;
  do {
    st = await state(page);
    if (fn(st)) return st;
    await frames(page, 1);
  } while (Date.now() < deadline);
  const { classroom, ...shown } = st;
  throw new Error(`timed out after ${seconds} s waiting for ${fn}; last state: ${JSON.stringify(shown)}`);
}

// What `action` downloads: { name, bytes } from a real browser download.
export async function downloadOf(page, action) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), action()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

// Clicks a named widget (window.scholion.widgetRect) the way a hand does: move, then press.
export async function clickWidget(page, name) {
  let r = null;
  for (let i = 0; i < 30 && !r; i++) {
    r = await page.evaluate((n) => window.scholion.widgetRect(n), name);
    if (!r) await frames(page, 1);
  }
  if (!r) throw new Error(`widget ${name} is not on screen`);
  // A window that just appeared is placed over its first frames: read the position again.
  await frames(page, 3);
  r = (await page.evaluate((n) => window.scholion.widgetRect(n), name)) || r;
  await page.mouse.move(r.x + Math.min(r.w / 2, 12), r.y + r.h / 2);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 1);
  await page.mouse.up();
  await frames(page, 3);
}

// Opens a top-level menu by its header ("menu:File") and clicks one of its items
// ("menu-item:<id>", see namedMenuItem in src/ui/widget_registry.h).
export async function clickMenu(page, menu, item) {
  await clickWidget(page, `menu:${menu}`);
  await clickWidget(page, `menu-item:${item}`);
}

// Opens the file chooser with `press` (Ctrl+O unless given) and picks `files`, [name, body, mime]
// each, as a user would; pressed again if no chooser showed (headless Chromium now and then drops
// a chooser request made right after another gesture; a user would try again too). Returns the
// chooser's accept list.
export async function chooseFiles(page, files, press = () => page.keyboard.press('Control+o')) {
  let chooser = null;
  for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
    [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 8000 }).catch(() => null),
      press(),
    ]);
  }
  assert.ok(chooser, 'no file chooser in three tries');
  const accept = await chooser.element().evaluate((input) => input.accept);
  await chooser.setFiles(files.map(([name, body, mimeType]) => ({ name, mimeType: mimeType || 'text/plain', buffer: Buffer.from(body) })));
  return { accept };  // the file types the chooser offered
}

// Drags across the first occurrence of `needle` (or its first `length` code points) and presses
// a label key; waits until the span count grows. Returns the span count before and the state.
export async function labelText(page, needle, key, length) {
  const text = await page.evaluate(() => window.scholion.documentText());
  const at = cpOffset(text, needle);
  const before = (await state(page)).spans;
  await dragAcross(page, at, at + (length ?? cpLength(needle)));
  await page.keyboard.press(key);
  return { before, state: await until(page, (s) => s.spans === before + 1) };
}

// Replaces the workspace's schema with span labels of these names and clears its spans.
export async function useLabels(page, names) {
  const ws = await exported(page);
  const colours = ['#d19a66', '#e06c75', '#61afef', '#98c379', '#c678dd', '#56b6c2', '#abb2bf', '#be5046'];
  ws.schema.spanLabels = names.map((name, i) => ({ name, color: colours[i % colours.length] }));
  ws.schema.relationTypes = [];
  ws.schema.attributes = [];
  for (const d of ws.documents) { d.spans = []; d.relations = []; }
  const res = await page.evaluate((t) => window.scholion.importJson(t), JSON.stringify(ws));
  assert.ok(res.ok, res.error);
}

// A PNG of the first `w` CSS pixels of a named widget.
export async function widgetShot(page, name, w) {
  const r = await page.evaluate((n) => window.scholion.widgetRect(n), name);
  assert.ok(r, `${name} is drawn`);
  return page.screenshot({ clip: { x: r.x, y: r.y, width: w, height: r.h } });
}
