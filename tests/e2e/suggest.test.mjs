// Suggestions with real gestures: a labelled name's other occurrence is suggested, Enter accepts
// it, x rejects another, Ctrl+Z takes each decision back; exercises hide suggestions by default.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, screenshot, frames } from './harness.mjs';
import { cpOffset, cpLength, chooseFiles, clickRange, clickWidget, enterName, exported, labelText, clickMenu, state, until } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const suggestionAt = (st, start, label) =>
  st.suggestions.shown.find((s) => s.start === start && s.label === label);

test('label Jiang Zemin, accept its other occurrence with Enter, reject one, undo', async () => {
  const { page, ctx, errors } = await openApp(env, { width: 1400, height: 900 });
  await enterName(page, 'Ana');
  const text = await page.evaluate(() => window.scholion.documentText());
  const second = cpOffset(text, 'Jiang Zemin', 1);
  assert.equal((await state(page)).suggestions.shown.length, 0, 'nothing suggested before any label');
  // The Suggestions panel: string matching only here (the tagger has its own test below).
  await clickMenu(page, 'View', 'suggestions');
  await clickWidget(page, 'suggest-source:tagger');
  await clickMenu(page, 'View', 'suggestions');  // closed again: it would cover the text

  // Label the first occurrence as Person (hotkey 1): the second becomes a string-match suggestion.
  await labelText(page, 'Jiang Zemin', '1');
  let st = await until(page, (s) => suggestionAt(s, second, 'Person'));
  const sg = suggestionAt(st, second, 'Person');
  assert.deepEqual([sg.end, sg.source, sg.confidence], [second + cpLength('Jiang Zemin'), 'string-match', 1]);
  assert.equal(st.spans, 1, 'a suggestion is not an annotation');
  assert.equal((await exported(page)).documents[0].spans.length, 1, 'nor is it exported');

  // Click the ghost span and press Enter: it becomes a span (one undoable step).
  await clickRange(page, second, second + 11);
  st = await until(page, (s) => s.suggestions.current >= 0);
  await screenshot(page, 'suggest-ghost-picked.png');
  await page.keyboard.press('Enter');
  // An accepted suggestion is gone (from the next frame on).
  st = await until(page, (s) => s.spans === 2 && !suggestionAt(s, second, 'Person'));
  const spans = (await exported(page)).documents[0].spans;
  assert.ok(spans.some((s) => s.start === second && s.label === 'Person' && s.text === 'Jiang Zemin'));
  assert.equal(st.suggestions.stats['string-match|Person'].accepted, 1);

  // Label Russia as GPE (hotkey 4): its other occurrences are suggested; reject one with x.
  await labelText(page, 'Russia', '4');
  st = await until(page, (s) => s.suggestions.shown.filter((x) => x.label === 'GPE').length > 20);
  const russia2 = st.suggestions.shown.find((x) => x.label === 'GPE').start;
  const shownBefore = st.suggestions.shownCount;
  assert.ok(shownBefore > 20, `Russia occurs 27 times; ${shownBefore} suggestions`);
  await clickRange(page, russia2, russia2 + 6);
  await until(page, (s) => s.suggestions.current >= 0);
  await page.keyboard.press('x');
  st = await until(page, (s) => s.suggestions.rejected === 1 && !suggestionAt(s, russia2, 'GPE'));
  assert.equal(st.suggestions.shownCount, shownBefore - 1);
  assert.equal(st.suggestions.stats['string-match|GPE'].rejected, 1);
  assert.equal(st.spans, 3);

  // U jumps to a suggestion (the least sure) and Delete rejects it too.
  await page.keyboard.press('u');
  st = await until(page, (s) => s.suggestions.current >= 0);
  await page.keyboard.press('Delete');
  st = await until(page, (s) => s.suggestions.rejected === 2);
  assert.equal(st.spans, 3, 'Delete rejected the suggestion and deleted no span');

  // Undo: the two rejections, then the GPE span, then the accepted span, newest first.
  await page.keyboard.press('Control+z');
  st = await until(page, (s) => s.suggestions.rejected === 1);
  await page.keyboard.press('Control+z');
  st = await until(page, (s) => s.suggestions.rejected === 0 && suggestionAt(s, russia2, 'GPE'));
  assert.equal(st.spans, 3);
  await page.keyboard.press('Control+z');
  st = await until(page, (s) => s.spans === 2);
  await page.keyboard.press('Control+z');
  st = await until(page, (s) => s.spans === 1 && suggestionAt(s, second, 'Person'));
  // Redo brings the accepted span back.
  await page.keyboard.press('Control+Shift+z');
  st = await until(page, (s) => s.spans === 2);

  await clickMenu(page, 'View', 'suggestions');
  // A gazetteer through the panel's file chooser: a bad line is refused and named, a good file
  // adds its entries as a source.
  const beijing = cpOffset(text, 'Beijing');
  await chooseFiles(page, [['places.tsv', 'Beijing\tGPE\nMoscow GPE\n']], () => clickWidget(page, 'suggest:import-gazetteer'));
  st = await until(page, (s) => s.message.includes('places.tsv:2: no tab between the text and the label'));
  assert.equal(st.suggestions.gazetteerEntries, 0);
  await chooseFiles(page, [['places.tsv', 'Beijing\tGPE\nmoscow\tGPE\tignore-case\n']], () => clickWidget(page, 'suggest:import-gazetteer'));
  st = await until(page, (s) => s.suggestions.gazetteerEntries === 2 && suggestionAt(s, beijing, 'GPE'));
  assert.equal(suggestionAt(st, beijing, 'GPE').source, 'gazetteer');

  // The panel shows sources and how suggestions fared.
  await frames(page, 6);
  await screenshot(page, 'suggest-panel.png');

  // The held-out score: its data prepared and the folds scored in slices, then one result line.
  // The button is below the panel's fold: the wheel over the panel brings it up.
  const panel = await page.evaluate(() => window.scholion.widgetRect('suggest:import-gazetteer'));
  await page.mouse.move(panel.x + 40, panel.y);
  await page.mouse.wheel(0, 1000);
  await frames(page, 3);
  await clickWidget(page, 'suggest:held-out');
  st = await until(page, (s) => s.suggestions.heldOut !== '');
  // Two spans in two sentences: two folds (at most 5, never more than the annotated sentences).
  assert.match(st.suggestions.heldOut, /^F1 \d\.\d\d \(precision \d\.\d\d, recall \d\.\d\d\), 2 spans, 2 folds$/);
  assert.equal(st.spans, 2);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('an exercise shows suggestions only when the teacher allows them', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Ben');
  const text = await page.evaluate(() => window.scholion.documentText());
  const make = (allow) => JSON.stringify({
    format: 'scholion', version: 1, annotator: 'Ben',
    exercise: { enabled: true, title: 'Names', allowSuggestions: allow },
    documents: [{ id: 'd', name: 'story.txt', text,
      spans: [{ id: 'T1', label: 'Person', start: cpOffset(text, 'Jiang Zemin'), end: cpOffset(text, 'Jiang Zemin') + 11 }] }],
  });
  await page.evaluate((t) => window.scholion.importJson(t), make(false));
  let st = await until(page, (s) => s.spans === 1);
  await frames(page, 6);
  st = await state(page);
  assert.equal(st.suggestions.allowed, false);
  assert.equal(st.suggestions.shown.length, 0);
  await page.evaluate((t) => window.scholion.importJson(t), make(true));
  const second = cpOffset(text, 'Jiang Zemin', 1);
  st = await until(page, (s) => s.suggestions.allowed && suggestionAt(s, second, 'Person'));
  // The tagger trains in the frame loop, a few milliseconds per frame, on the labelled sentence.
  st = await until(page, (s) => s.suggestions.taggerSpans === 1 && !s.suggestions.training, 60);
  assert.deepEqual(errors, []);
  await ctx.close();
});
