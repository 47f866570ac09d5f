// Every script on screen: Chinese, Japanese, Arabic, Hebrew, Hindi and emoji are drawn by the
// browser's own fonts (no box), a drag over Han text snaps to characters, labels in any script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, screenshot, frames, imageStats, pixels } from './harness.mjs';
import { cpOffset, cpLength, dragAcross, enterName, exported, clickWidget, clickMenu, chooseFiles, labelText, state, until, useLabels, widgetShot } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
const FLAG = '\u{1F1E8}\u{1F1F3}';
const THUMB = '\u{1F44D}\u{1F3FF}';
const TEXT = [
  '江泽民和普京在北京会见。',
  '東京で会議が開かれた。',
  'التقى الرئيسان في بكين',
  'שלום עולם',
  'नमस्ते दुनिया',
  `Family ${FAMILY} flag ${FLAG} thumb ${THUMB} smile \u{1F600}`,
].join('\n');

// A PNG of the code-point range [a, b) as drawn (first line of the range).
async function shot(page, a, b) {
  const r = await page.evaluate(([x, y]) => window.scholion.spanRect(x, y), [a, b]);
  assert.ok(r && r.w > 2, `range ${a}-${b} has a rectangle`);
  await frames(page, 2);
  return page.screenshot({ clip: { x: r.x, y: r.y, width: r.w, height: r.h } });
}

// Opens the scripts text as the active document; gives the text as the app holds it.
async function openScripts(page) {
  await page.evaluate((t) => window.scholion.loadText('scripts.txt', t), TEXT);
  await frames(page, 6);
  return page.evaluate(() => window.scholion.documentText());
}

test('CJK, Arabic, Hebrew, Devanagari and emoji are drawn by the browser, not as boxes', async () => {
  const { page, ctx, errors } = await openApp(env);
  assert.equal(await page.evaluate(() => window.scholion.glyphs()), null,
    'the Latin sample needs no glyph from the browser');
  await enterName(page, 'Li');
  const text = await openScripts(page);
  await screenshot(page, 'scripts.png');
  const g = await page.evaluate(() => window.scholion.glyphs());
  assert.ok(g, 'glyphs were asked of the browser');
  for (const piece of ['江', '東', 'で', 'التقى', 'שלום', 'नमस्ते', FAMILY, FLAG, THUMB, '\u{1F600}'])
    assert.ok(g.texts.includes(piece), `the browser drew ${piece} as one piece`);
  assert.equal(g.nonEmpty, g.rasterized, 'every piece the browser drew has visible pixels');
  assert.ok(g.colored >= 4, `colour emoji stay in colour (${g.colored})`);

  // No replacement boxes: a box looks the same for every character; real glyphs differ.
  const han = cpOffset(text, '江泽民');
  const cells = [await shot(page, han, han + 1), await shot(page, han + 1, han + 2),
    await shot(page, han + 2, han + 3)];
  assert.notDeepEqual(cells[0], cells[1]);
  assert.notDeepEqual(cells[1], cells[2]);
  assert.notDeepEqual(cells[0], cells[2]);
  for (const c of cells) assert.ok((await imageStats(page, c)).darkShare > 0.03, 'ink in each cell');
  for (const word of ['東京', 'التقى', 'שלום', 'नमस्ते']) {
    const at = cpOffset(text, word);
    const st = await imageStats(page, await shot(page, at, at + cpLength(word)));
    assert.ok(st.darkShare > 0.03 && st.colours > 4, `${word} has ink (${JSON.stringify(st)})`);
  }
  const fam = cpOffset(text, FAMILY);
  const emoji = await imageStats(page, await shot(page, fam, fam + cpLength(FAMILY)));
  assert.ok(emoji.colours > 40, `the family emoji is in colour (${emoji.colours} colours)`);
  // The whole ZWJ sequence is one picture about one character wide, not three people.
  const famRect = await page.evaluate(([a, b]) => window.scholion.spanRect(a, b), [fam, fam + cpLength(FAMILY)]);
  const oneRect = await page.evaluate(([a, b]) => window.scholion.spanRect(a, b), [han, han + 1]);
  assert.ok(famRect.w < oneRect.w * 2, `ZWJ sequence is one glyph (${famRect.w} vs ${oneRect.w})`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a drag over 江泽民 gives exactly those three characters; emoji sequences never split', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Li');
  const text = await openScripts(page);
  const han = cpOffset(text, '江泽民');
  await dragAcross(page, han, han + 3);
  let s = await state(page);
  assert.deepEqual([s.selection[0], s.selection[1]], [han, han + 3]);
  await page.keyboard.press('1');
  await frames(page, 3);
  let ws = await exported(page);
  const doc = ws.documents.find((d) => d.name === 'scripts.txt') || ws.documents[ws.documents.length - 1];
  const sp = doc.spans[doc.spans.length - 1];
  assert.deepEqual([sp.start, sp.end, sp.text], [han, han + 3, '江泽民']);

  // Alt-drag (no token snapping) from inside the family emoji still takes it whole.
  const fam = cpOffset(text, FAMILY);
  const r = await page.evaluate(([a, b]) => window.scholion.spanRect(a, b), [fam, fam + cpLength(FAMILY) + 1]);
  await page.keyboard.down('Alt');
  await page.mouse.move(r.x + r.w * 0.4, r.y + r.h / 2);
  await page.mouse.down();
  await page.mouse.move(r.x + r.w - 1, r.y + r.h / 2, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Alt');
  await frames(page, 3);
  s = await state(page);
  assert.ok(s.selection[0] === fam || s.selection[0] === fam + cpLength(FAMILY),
    `selection starts at a cluster boundary (${s.selection[0]}, family at ${fam})`);
  assert.ok(s.selection[1] <= fam || s.selection[1] >= fam + cpLength(FAMILY),
    `selection ends at a cluster boundary (${s.selection[1]})`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('labels in any script: 人名 and شخص in the palette and as tags', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Li');
  const ws = await exported(page);
  ws.schema.spanLabels = [{ name: '人名', color: '#e06c75' }, { name: 'شخص', color: '#61afef' }];
  ws.schema.relationTypes = [];
  ws.schema.attributes = [];
  for (const d of ws.documents) { d.spans = []; d.relations = []; }
  const res = await page.evaluate((t) => window.scholion.importJson(t), JSON.stringify(ws));
  assert.ok(res.ok, res.error);
  const text = await openScripts(page);
  const han = cpOffset(text, '江泽民');
  await dragAcross(page, han, han + 3);
  await clickWidget(page, 'palette:人名');
  const ar = cpOffset(text, 'الرئيسان');
  await dragAcross(page, ar, ar + cpLength('الرئيسان'));
  await clickWidget(page, 'palette:شخص');
  await frames(page, 4);
  const doc = (await exported(page)).documents.find((d) => d.spans.length > 0);
  assert.deepEqual(doc.spans.map((s) => [s.label, s.text]), [['人名', '江泽民'], ['شخص', 'الرئيسان']]);
  const g = await page.evaluate(() => window.scholion.glyphs());
  for (const piece of ['人', '名', 'شخص']) assert.ok(g.texts.includes(piece), `label piece ${piece} drawn`);
  await screenshot(page, 'scripts-labels.png');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// Right-to-left paragraphs (bidi.h): words run right to left, embedded Latin names and numbers
// left to right inside them, and a real drag still exports logical code-point offsets.
const ARABIC = 'التقى أحمد بصديقه John في القاهرة عام 2024 صباحا';
const HEBREW = 'הפגישה עם דוד Cohen נערכה בשנת 2023 בירושלים';
const BIDI_TEXT = ['Left to right first.', ARABIC, HEBREW, 'He said שלום עולם today.'].join('\n');

const rectOf = (page, text, word, nth = 0) => {
  const at = cpOffset(text, word, nth);
  return page.evaluate(([a, b]) => window.scholion.spanRect(a, b), [at, at + cpLength(word)]);
};

test('Arabic and Hebrew paragraphs run right to left; a drag exports logical offsets', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Li');
  await page.evaluate((t) => window.scholion.loadText('bidi.txt', t), BIDI_TEXT);
  await frames(page, 6);
  const text = await page.evaluate(() => window.scholion.documentText());
  assert.equal(text, BIDI_TEXT);
  await screenshot(page, 'scripts-bidi.png');

  for (const [para, first, last] of [[ARABIC, 'التقى', 'صباحا'], [HEBREW, 'הפגישה', 'בירושלים']]) {
    const a = await rectOf(page, text, first), b = await rectOf(page, text, last);
    assert.ok(Math.abs(a.y - b.y) < 1, `${first} and ${last} are on one line`);
    assert.ok(a.x >= b.x + b.w - 0.5, `${first} (x ${a.x}) lies right of ${last} (x ${b.x}, w ${b.w})`);
    // The paragraph is right-aligned: its first word ends where the Latin line could end, far
    // right of where the Latin first line starts.
    const latin = await rectOf(page, text, 'Left');
    assert.ok(a.x + a.w > latin.x + 300, `right-aligned (${a.x + a.w} vs ${latin.x})`);
    void para;
  }
  // Numbers and a Latin name keep their own order inside the right-to-left line:
  // ... عام 2024 صباحا reads right to left, so 2024 lies between عام (right) and صباحا (left).
  const year = await rectOf(page, text, 'عام'), num = await rectOf(page, text, '2024');
  const morning = await rectOf(page, text, 'صباحا');
  assert.ok(year.x > num.x && num.x > morning.x, `عام > 2024 > صباحا (${year.x}, ${num.x}, ${morning.x})`);
  const twenty = await rectOf(page, text, '20', 0), twentyFour = await rectOf(page, text, '24', 0);
  assert.ok(twenty.x < twentyFour.x, 'the digits of 2024 run left to right');
  // In the left-to-right paragraph the Hebrew phrase is reversed in place.
  const shalom = await rectOf(page, text, 'שלום'), olam = await rectOf(page, text, 'עולם');
  const said = await rectOf(page, text, 'said'), today = await rectOf(page, text, 'today');
  assert.ok(said.x < olam.x && olam.x < shalom.x && shalom.x < today.x,
    `said < עולם < שלום < today (${said.x}, ${olam.x}, ${shalom.x}, ${today.x})`);

  // Real drags over words, then the hotkey: the exported spans are the logical words.
  const wanted = [['أحمد', 0], ['John', 0], ['2024', 0], ['דוד', 0], ['Cohen', 0], ['בירושלים', 0]];
  for (const [word, nth] of wanted) {
    const at = cpOffset(text, word, nth);
    await dragAcross(page, at, at + cpLength(word));
    const s = await state(page);
    assert.deepEqual([s.selection[0], s.selection[1]], [at, at + cpLength(word)], `drag over ${word}`);
    await page.keyboard.press('1');
    await frames(page, 3);
  }
  const ws = await exported(page);
  const doc = ws.documents.find((d) => d.name === 'bidi.txt');
  const got = doc.spans.map((sp) => [sp.start, sp.end, sp.text]).sort((x, y) => x[0] - y[0]);
  const expect = wanted.map(([w, nth]) => {
    const at = cpOffset(text, w, nth);
    return [at, at + cpLength(w), w];
  }).sort((x, y) => x[0] - y[0]);
  assert.deepEqual(got, expect);
  await frames(page, 3);
  await screenshot(page, 'scripts-bidi-spans.png');

  // A drag across two right-to-left words from the left word's left edge to the right word's
  // right edge takes both (logical order: the right one first).
  const a = await rectOf(page, text, 'עם'), d = await rectOf(page, text, 'הפגישה');
  await page.mouse.move(a.x + 2, a.y + a.h / 2);
  await page.mouse.down();
  await page.mouse.move(d.x + d.w - 2, d.y + d.h / 2, { steps: 8 });
  await page.mouse.up();
  await frames(page, 3);
  const s = await state(page);
  const he = cpOffset(text, 'הפגישה');
  assert.deepEqual([s.selection[0], s.selection[1]], [he, he + cpLength('הפגישה עם')]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// ImGui's own widgets (the label menu, the properties panel) draw 人名 and شخص with glyphs the
// browser drew (widget_glyphs.h), not as replacement boxes.
test('the label menu shows 人名 and شخص, not boxes', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Li');
  const ws = await exported(page);
  const BOX2 = '\uFFFD\uFFFD', BOX3 = '\uFFFD\uFFFD\uFFFD';
  // A Latin label first: the menu's keyboard highlight sits on it, not on the items compared.
  ws.schema.spanLabels = [{ name: 'Person', color: '#d19a66' }, { name: '人名', color: '#e06c75' },
    { name: 'شخص', color: '#61afef' }, { name: BOX2, color: '#98c379' }, { name: BOX3, color: '#c678dd' }];
  ws.schema.relationTypes = [];
  ws.schema.attributes = [];
  for (const d of ws.documents) { d.spans = []; d.relations = []; }
  const res = await page.evaluate((t) => window.scholion.importJson(t), JSON.stringify(ws));
  assert.ok(res.ok, res.error);
  const text = await openScripts(page);
  const han = cpOffset(text, '江泽民');
  await dragAcross(page, han, han + 3);
  await page.keyboard.press('Enter');
  await frames(page, 6);
  const crop = async (name, w) => {
    const r = await page.evaluate((n) => window.scholion.widgetRect(n), `label-popup:${name}`);
    assert.ok(r, `label menu item ${name} is drawn`);
    return page.screenshot({ clip: { x: r.x, y: r.y, width: w, height: r.h } });
  };
  await screenshot(page, 'scripts-label-menu.png');
  const han2 = await crop('人名', 40), box2 = await crop(BOX2, 40);
  const ar3 = await crop('شخص', 40), box3 = await crop(BOX3, 40);
  assert.notDeepEqual(han2, box2, '人名 is not drawn as two boxes');
  assert.notDeepEqual(ar3, box3, 'شخص is not drawn as three boxes');
  for (const c of [han2, ar3]) assert.ok((await imageStats(page, c)).darkShare > 0.02, 'ink in the item');
  // The two boxes and the two Han characters differ in how much ink they have, not only where.
  const inkHan = (await imageStats(page, han2)).darkShare, inkBox = (await imageStats(page, box2)).darkShare;
  assert.notEqual(inkHan.toFixed(3), inkBox.toFixed(3));
  // Picking 人名 from the menu labels the selection; the properties panel shows the label.
  await clickWidget(page, 'label-popup:人名');
  await frames(page, 4);
  const doc = (await exported(page)).documents.find((d) => d.spans.length > 0);
  assert.deepEqual(doc.spans.map((s) => [s.label, s.text]), [['人名', '江泽民']]);
  await screenshot(page, 'scripts-label-properties.png');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The text's ink in a PNG (dark pixels as '#', the rest '.'), one row per line, from its first
// column with ink on and `cols` columns wide: the glyphs alone, whatever the background (table
// rows alternate) or the padding before them.
async function ink(page, png, cols = 1000) {
  const { w, h, at } = await pixels(page, png);
  const dark = (x, y) => { const [r, g, b] = at(x, y); return r + g + b < 200; };
  let first = 0;
  while (first < w && ![...Array(h).keys()].some((y) => dark(first, y))) first++;
  const rows = [];
  for (let y = 0; y < h; y++) {
    let row = '';
    for (let x = first; x < Math.min(w, first + cols); x++) row += dark(x, y) ? '#' : '.';
    rows.push(row);
  }
  return rows.join('\n');
}

// ImGui draws one glyph per code point left to right: widgets show each string's display form
// (display_text.h), where each Arabic or Hebrew word is one glyph the browser shaped and the
// words are in visual order. شخص must then look exactly like its three presentation forms
// (initial sheen, medial khah, final sad) typed in logical order, and שלום must start (on the
// left) with its final mem. An emoji in a label is drawn too (widget-pieces.test.mjs: in colour).
const SHAKHS_FORMS = '\uFEB7\uFEA8\uFEBA';
test('widget text reads right: Arabic joined and Hebrew right to left in the label menu and properties', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Li');
  await useLabels(page, ['Person', 'شخص', SHAKHS_FORMS, '\uFEBA\uFEA8\uFEB7', 'שלום', 'ם', 'ש',
    'smile \u{1F600}', 'smile \uFFFD']);
  const text = await openScripts(page);
  const he = cpOffset(text, 'שלום עולם');
  await dragAcross(page, he, he + cpLength('שלום עולם'));
  await page.keyboard.press('Enter');
  await frames(page, 6);
  await screenshot(page, 'scripts-widget-menu.png');
  const item = (name) => widgetShot(page, `label-popup:${name}`, 60);
  const joined = await item('شخص');
  assert.ok((await imageStats(page, joined)).darkShare > 0.02, 'ink in the item');
  assert.equal(await ink(page, joined), await ink(page, await item(SHAKHS_FORMS)),
    'شخص is drawn as its joined forms, right to left');
  assert.notEqual(await ink(page, joined), await ink(page, await item('\uFEBA\uFEA8\uFEB7')),
    'the order of the forms shows');
  // The leftmost glyph of שלום is ם (its last letter), not ש: their first 5 columns of ink.
  const mem = await ink(page, await item('ם'), 5);
  assert.equal(await ink(page, await item('שלום'), 5), mem, 'שלום starts on the left with ם');
  assert.notEqual(await ink(page, await item('ש'), 5), mem, 'ם and ש differ in their first columns');
  // An emoji (beyond the BMP: 32-bit ImWchar) is a widget glyph too, not the box.
  const smile = await item('smile \u{1F600}');
  assert.notEqual(await ink(page, smile), await ink(page, await item('smile \uFFFD')), 'the emoji is not a box');
  const g = await page.evaluate(() => window.scholion.glyphs());
  assert.ok(g.texts.includes('\u{1F600}'), 'the browser drew the emoji for the widget font');
  // Labelling the Hebrew words: the export keeps the logical text; the properties panel shows it.
  await clickWidget(page, 'label-popup:שלום');
  await frames(page, 4);
  const doc = (await exported(page)).documents.find((d) => d.spans.length > 0);
  assert.deepEqual(doc.spans.map((sp) => [sp.label, sp.text]), [['שלום', 'שלום עולם']]);
  await frames(page, 4);
  await screenshot(page, 'scripts-widget-properties.png');
  // The annotation list's row is drawn like the document: the browser gets the short
  // right-to-left string whole, so its two words come in reading order.
  const drawn = (await page.evaluate(() => window.scholion.glyphs())).texts;
  assert.ok(drawn.includes('שלום עולם'), 'the row text is one browser piece');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A character met for the first time waits for the next atlas build; the frames before it draw
// nothing where it goes, never the replacement box. holdWidgetGlyphs keeps it pending so the test
// sees such a frame for sure.
test('a label in a new script shows no replacement box before its glyphs are in the atlas', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Li');
  const text = await openScripts(page);
  const BOXES = '\uFFFD\uFFFD';
  await page.evaluate(() => window.scholion.holdWidgetGlyphs(true));
  await useLabels(page, ['Person', '사람', BOXES]);
  const han = cpOffset(text, '江泽民');
  await dragAcross(page, han, han + 3);
  await page.keyboard.press('Enter');
  await frames(page, 6);
  await screenshot(page, 'scripts-widget-pending.png');
  const pending = await widgetShot(page, 'label-popup:사람', 40);
  assert.equal((await imageStats(page, pending)).darkShare, 0, 'nothing is drawn for 사람 while pending');
  assert.equal((await imageStats(page, await widgetShot(page, `label-popup:${BOXES}`, 40))).darkShare, 0,
    'the replacement glyph is hidden while characters are pending');
  await page.evaluate(() => window.scholion.holdWidgetGlyphs(false));
  await frames(page, 4);
  const shown = await widgetShot(page, 'label-popup:사람', 40);
  const boxes = await widgetShot(page, `label-popup:${BOXES}`, 40);
  assert.ok((await imageStats(page, shown)).darkShare > 0.02, '사람 is drawn once added');
  assert.ok((await imageStats(page, boxes)).darkShare > 0.02, 'with nothing pending the box shows again');
  assert.notDeepEqual(shown, boxes, '사람 is not drawn as boxes');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// Classroom tables are widgets too: students with Arabic and Hebrew names in the grades table.
test('classroom tables show Arabic and Hebrew student names joined and right to left', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Teacher');
  await labelText(page, 'Jiang Zemin', '1');
  const ws = await exported(page);
  const AHMAD = 'أحمد', AHMAD_FORMS = '\uFE83\uFEA3\uFEE4\uFEAA', DAVID = 'דוד', BOXES = '\uFFFD\uFFFD\uFFFD\uFFFD';
  const handIn = (name) => {
    const w = JSON.parse(JSON.stringify(ws));
    w.annotator = name;
    for (const d of w.documents) d.annotator = name;
    return [`hand-in-${w.documents.length}-${[...name].length}-${name.codePointAt(0)}.scholion.json`,
      JSON.stringify(w), 'application/json'];
  };
  await chooseFiles(page, [handIn(AHMAD), handIn(AHMAD_FORMS), handIn(DAVID), handIn(BOXES)],
    () => clickMenu(page, 'Classroom', 'load-students'));
  const st = await until(page, (s) => s.classroom.students.length === 4);
  assert.deepEqual([...st.classroom.students].sort(), [AHMAD, AHMAD_FORMS, DAVID, BOXES].sort());
  await frames(page, 4);
  await screenshot(page, 'scripts-classroom-grades.png');
  const row = (name) => widgetShot(page, `grades:row:${name}`, 30);
  const ahmad = await row(AHMAD);
  assert.ok((await imageStats(page, ahmad)).darkShare > 0.02, 'ink in the row');
  assert.equal(await ink(page, ahmad), await ink(page, await row(AHMAD_FORMS)),
    'أحمد is drawn as its joined forms, right to left');
  const boxes = await ink(page, await row(BOXES));
  assert.notEqual(await ink(page, ahmad), boxes, 'أحمد is not drawn as boxes');
  assert.notEqual(await ink(page, await row(DAVID)), boxes, 'דוד is not drawn as boxes');
  await clickWidget(page, 'review-tab:Agreement');
  await frames(page, 3);
  await screenshot(page, 'scripts-classroom-agreement.png');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The ink's bounding box in a PNG: width and height of the pixels darker than the background.
async function inkBox(page, png) {
  const { w, h, at } = await pixels(page, png);
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [r, g, b] = at(x, y);
      if (r + g + b < 450) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    }
  return { w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

test('Greek and Cyrillic letters match the Latin beside them (the UI font at the atlas size)', async () => {
  // The start-up atlas holds Latin only; Greek and Cyrillic come from the browser in the UI font
  // itself (ui_font.h). Latin H and Greek Eta, Latin A and Cyrillic A, Latin o and Greek omicron
  // are the same drawing in that font, so each pair's ink has the same size.
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Li');
  const PAIRS = 'H Η A А o ο';
  await page.evaluate((t) => window.scholion.loadText('pairs.txt', t), PAIRS);
  await frames(page, 6);
  const text = await page.evaluate(() => window.scholion.documentText());
  for (const [latin, other] of [['H', 'Η'], ['A', 'А'], ['o', 'ο']]) {
    const a = cpOffset(text, latin), b = cpOffset(text, other);
    const boxA = await inkBox(page, await shot(page, a, a + 1));
    const boxB = await inkBox(page, await shot(page, b, b + 1));
    assert.ok(boxA.w > 3 && boxA.h > 5, `${latin} has ink (${JSON.stringify(boxA)})`);
    assert.ok(Math.abs(boxA.w - boxB.w) <= 1 && Math.abs(boxA.h - boxB.h) <= 1,
      `${other} (U+${other.codePointAt(0).toString(16)}) is drawn like ${latin}: ${JSON.stringify(boxB)} against ${JSON.stringify(boxA)}`);
  }
  const g = await page.evaluate(() => window.scholion.glyphs());
  assert.ok(g && g.uiFont >= 3 && g.texts.includes('Η') && g.texts.includes('А'),
    `the browser drew Η, А and ο in the UI font (${JSON.stringify(g)})`);
  assert.deepEqual(errors, []);
  await ctx.close();
});
