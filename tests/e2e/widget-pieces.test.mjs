// ImGui widgets draw a string's pieces whole (docs/scripts.md, "Pieces"): an emoji ZWJ sequence,
// a flag and a skin tone are one colour glyph each, Devanagari conjuncts form, and Latin-only
// text asks the browser for nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, screenshot, frames, pixels } from './harness.mjs';
import { cpOffset, dragAcross, enterName, exported, clickWidget, useLabels, widgetShot } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const FAMILY = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}'; // 👩‍👩‍👧
const UNJOINED = '\u{1F469}\u{1F469}\u{1F467}'; // the same people without joiners
const FLAG = '\u{1F1EF}\u{1F1F5}'; // 🇯🇵
const THUMB = '\u{1F44D}\u{1F3FD}'; // 👍🏽
const KSHATRIYA = 'क्षत्रिय';
// The same letters with zero-width non-joiners after each virama: no conjuncts may form.
const KSHATRIYA_SPLIT = 'क्\u200Cषत्\u200Cरिय';
const EMOJI_LABEL = `${FAMILY} ${FLAG} ${THUMB}`;
const TEXT = 'Alice met Bob in Paris last spring.';

// What a PNG holds: pixels in clear colour (channels far apart, as emoji are; text and
// backgrounds are grays), and the columns with anything but the background (its first pixel).
async function look(page, png) {
  const { w, h, at } = await pixels(page, png);
  const bg = at(0, 0);
  let colour = 0, first = -1, last = -1;
  for (let x = 0; x < w; x++) {
    let ink = false;
    for (let y = 0; y < h; y++) {
      const [r, g, b] = at(x, y);
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour++;
      if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 60) ink = true;
    }
    if (ink) { if (first < 0) first = x; last = x; }
  }
  return { colour, inkWidth: first < 0 ? 0 : last - first + 1 };
}

// The ink of a PNG as rows of '#' and '.', for comparing two renderings.
async function ink(page, png) {
  const { w, h, at } = await pixels(page, png);
  const rows = [];
  for (let y = 0; y < h; y++) {
    let row = '';
    for (let x = 0; x < w; x++) { const [r, g, b] = at(x, y); row += r + g + b < 300 ? '#' : '.'; }
    rows.push(row);
  }
  return rows.join('\n');
}

for (const ratio of [1, 2]) {
test(`emoji sequences, flags, skin tones and conjuncts are one glyph each in widgets, emoji in colour (pixel ratio ${ratio})`, async () => {
  const { page, ctx, errors } = await openApp(env, { deviceScaleFactor: ratio });
  await enterName(page, 'Li');
  await page.evaluate((t) => window.scholion.loadText('people.txt', t), TEXT);
  await frames(page, 6);
  // Latin labels and a Latin text: nothing is asked of the browser.
  await useLabels(page, ['Person', 'Place']);
  await frames(page, 4);
  assert.equal(await page.evaluate(() => window.scholion.glyphs()), null, 'Latin text asks for no glyph');
  assert.deepEqual(await page.evaluate(() => window.scholion.widgetGlyphs()),
    { pieces: 0, restarts: 0, colored: false, chars: 0 }, 'Latin text adds no widget glyph');

  await useLabels(page, ['Person', 'Place', EMOJI_LABEL, UNJOINED, KSHATRIYA, KSHATRIYA_SPLIT, 'नमस्ते']);
  const text = await page.evaluate(() => window.scholion.documentText());
  const at = cpOffset(text, 'Alice');
  await dragAcross(page, at, at + 5);
  await page.keyboard.press('Enter');
  await page.mouse.move(4, 4);  // no hover highlight on the items
  await frames(page, 8);
  await screenshot(page, `widget-pieces-menu-${ratio}x.png`);

  // Each cluster and each Devanagari word went to the browser whole, never letter by letter.
  const g = await page.evaluate(() => window.scholion.glyphs());
  for (const piece of [FAMILY, FLAG, THUMB, KSHATRIYA, 'नमस्ते'])
    assert.ok(g.texts.includes(piece), `the browser drew ${piece} as one piece`);
  for (const part of ['\u{1F1EF}', '\u{1F44D}', '\u{1F3FD}', 'क', 'ष'])
    assert.ok(!g.texts.includes(part), `${part} was not drawn on its own`);
  const wg = await page.evaluate(() => window.scholion.widgetGlyphs());
  assert.ok(wg.pieces >= 7, `pieces became widget glyphs (${JSON.stringify(wg)})`);
  assert.equal(wg.chars, 0, 'no character was added one by one');
  assert.ok(wg.colored, 'the font atlas holds colour glyphs');

  // The emoji label is in colour; a Latin label is gray text only.
  const emoji = await look(page, await widgetShot(page, `label-popup:${EMOJI_LABEL}`, 170));
  const latin = await look(page, await widgetShot(page, 'label-popup:Place', 170));
  assert.ok(emoji.colour > 40, `the emoji are in colour (${emoji.colour} colour pixels)`);
  assert.ok(latin.colour < 5, `Latin text stays gray (${latin.colour})`);
  // The ZWJ sequence is one person-group picture: much narrower than the three people unjoined
  // (the whole label, family flag thumb, is about as wide as the three unjoined people).
  const joined = await look(page, await widgetShot(page, `label-popup:${EMOJI_LABEL}`, 170));
  const apart = await look(page, await widgetShot(page, `label-popup:${UNJOINED}`, 170));
  assert.ok(apart.colour > 40, 'the unjoined people are in colour too');
  assert.ok(joined.inkWidth < apart.inkWidth * 1.5 && joined.inkWidth > apart.inkWidth * 0.6,
    `three clusters as wide as three emoji (${joined.inkWidth} vs ${apart.inkWidth})`);
  // Conjuncts form: the word differs from its letters kept apart by non-joiners (which a
  // renderer drawing one glyph per code point would draw identically).
  const formed = await ink(page, await widgetShot(page, `label-popup:${KSHATRIYA}`, 90));
  const split = await ink(page, await widgetShot(page, `label-popup:${KSHATRIYA_SPLIT}`, 90));
  assert.ok(formed.includes('#'), 'ink in क्षत्रिय');
  assert.notEqual(formed, split, 'क्षत्रिय forms its conjuncts');

  // Labelling with the emoji label: the export keeps the logical name; the properties panel
  // shows it (a screenshot to look at).
  await clickWidget(page, `label-popup:${EMOJI_LABEL}`);
  await frames(page, 6);
  const doc = (await exported(page)).documents.find((d) => d.spans.length > 0);
  assert.deepEqual(doc.spans.map((s) => [s.label, s.text]), [[EMOJI_LABEL, 'Alice']]);
  await screenshot(page, `widget-pieces-properties-${ratio}x.png`);
  assert.deepEqual(errors, []);
  await ctx.close();
});
}

// A wrapped right-to-left text in the properties panel comes in reading order line by line: the
// paragraph's first piece (an emoji, in colour) is on the first line (at its right), not on the
// last, where reordering the whole paragraph before ImGui wraps it would put it.
const HEBREW = 'אחד שתיים שלוש ארבע חמש שש שבע שמונה תשע עשר אחת עשרה שתים עשרה שלוש עשרה ארבע עשרה חמש עשרה';
test('a wrapped right-to-left selection in the properties panel reads line by line', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Li');
  const para = `${THUMB} ${HEBREW}`;
  await page.evaluate((t) => window.scholion.loadText('he.txt', t), `${para}\n\nEnd.`);
  await frames(page, 6);
  await dragAcross(page, 0, [...para].length);
  await page.mouse.move(4, 4);
  await frames(page, 8);
  const sel = (await page.evaluate(() => window.scholion.state())).selection;
  assert.equal(sel[0], 0, 'the selection starts with the emoji');
  await screenshot(page, 'widget-pieces-wrapped.png');
  // The panel's text: rows with dark ink grouped into lines, and the rows with colour.
  const png = await page.screenshot({ clip: { x: 1008, y: 95, width: 262, height: 200 } });
  const { w, h, at } = await pixels(page, png);
  const inkRows = [], colourRows = [];
  for (let y = 0; y < h; y++) {
    let ink = false, colour = false;
    for (let x = 0; x < w; x++) {
      const [r, g, b] = at(x, y);
      if (r + g + b < 200) ink = true;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour = true;
    }
    if (ink) inkRows.push(y);
    if (colour) colourRows.push(y);
  }
  const lines = [];
  for (const y of inkRows) {
    if (lines.length && y - lines[lines.length - 1][1] <= 2) lines[lines.length - 1][1] = y;
    else lines.push([y, y]);
  }
  assert.ok(lines.length >= 3, `the text wraps (${JSON.stringify(lines)})`);
  assert.ok(colourRows.length > 0, 'the emoji is drawn');
  // The emoji is taller than the letters' ink, but it ends above the second line's.
  assert.ok(colourRows.every((y) => y < lines[1][0]),
    `the emoji is on the first line (${colourRows[0]}-${colourRows[colourRows.length - 1]}, lines ${JSON.stringify(lines)})`);
  assert.deepEqual(errors, []);
  await ctx.close();
});
