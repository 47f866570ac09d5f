// Annotating the sample story with real mouse and keyboard input, checked through exportJson().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, screenshot, frames } from './harness.mjs';
import { cpOffset, cpLength, dragAcross, clickRange, enterName, exported, clickWidget, state, until } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });


const spansOf = (ws) => ws.documents[0].spans;
const relationsOf = (ws) => ws.documents[0].relations;


test('label spans, relate them, set an attribute and a note, undo and redo each, delete', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Ana');
  const text = await page.evaluate(() => window.scholion.documentText());
  const jiang = cpOffset(text, 'Jiang Zemin');
  const putin = cpOffset(text, 'Vladimir Putin');

  // Drag over a name and press the Person hotkey.
  await dragAcross(page, jiang, jiang + cpLength('Jiang Zemin'));
  await page.keyboard.press('1');
  await frames(page, 3);
  let ws = await exported(page);
  assert.equal(spansOf(ws).length, 1);
  const t1 = spansOf(ws)[0];
  assert.deepEqual([t1.label, t1.start, t1.end, t1.text], ['Person', jiang, jiang + 11, 'Jiang Zemin']);
  assert.equal(ws.annotator, 'Ana');

  // Second span through the label palette instead of a hotkey.
  await dragAcross(page, putin, putin + cpLength('Vladimir Putin'));
  await clickWidget(page, 'palette:Person');
  ws = await exported(page);
  assert.equal(spansOf(ws).length, 2);
  const t2 = spansOf(ws).find((s) => s.text === 'Vladimir Putin');
  assert.ok(t2, 'second span labelled from the palette');
  assert.deepEqual([t2.start, t2.end], [putin, putin + 14]);

  // Relation: select the first span, press R, click the second, choose the type.
  await clickRange(page, jiang, jiang + 11);
  assert.equal((await state(page)).selectedSpan, t1.id);
  await page.keyboard.press('r');
  await frames(page, 4);
  await clickRange(page, putin, putin + 14);
  await clickWidget(page, 'relation-type:meets-with');
  ws = await exported(page);
  assert.equal(relationsOf(ws).length, 1);
  assert.deepEqual([relationsOf(ws)[0].label, relationsOf(ws)[0].from, relationsOf(ws)[0].to],
    ['meets-with', t1.id, t2.id]);
  await page.keyboard.press('Control+z');
  await frames(page, 3);
  assert.equal(relationsOf(await exported(page)).length, 0, 'undo removes the relation');
  await page.keyboard.press('Control+Shift+z');
  await frames(page, 3);
  assert.equal(relationsOf(await exported(page)).length, 1, 'redo brings it back');

  // Attribute: tick "negated" on the selected span; undo and redo.
  await clickRange(page, jiang, jiang + 11);
  await clickWidget(page, 'attr:negated');
  let span = spansOf(await exported(page)).find((s) => s.id === t1.id);
  assert.equal(span.attributes?.negated, 'true');
  await page.keyboard.press('Control+z');
  await frames(page, 3);
  span = spansOf(await exported(page)).find((s) => s.id === t1.id);
  assert.equal(span.attributes?.negated, undefined);
  await page.keyboard.press('Control+y');
  await frames(page, 3);
  span = spansOf(await exported(page)).find((s) => s.id === t1.id);
  assert.equal(span.attributes?.negated, 'true');

  // Note with non-ASCII characters typed into the note field.
  await clickWidget(page, 'note');
  await page.keyboard.type('Président é ß Ωμέγα');
  await frames(page, 2);
  await clickRange(page, putin, putin + 14);  // leaving the field commits the note
  span = spansOf(await exported(page)).find((s) => s.id === t1.id);
  assert.equal(span.note, 'Président é ß Ωμέγα');
  await page.keyboard.press('Control+z');
  await frames(page, 3);
  span = spansOf(await exported(page)).find((s) => s.id === t1.id);
  assert.equal(span.note ?? '', '', 'undo clears the note');
  await page.keyboard.press('Control+y');
  await frames(page, 3);
  span = spansOf(await exported(page)).find((s) => s.id === t1.id);
  assert.equal(span.note, 'Président é ß Ωμέγα');
  await screenshot(page, 'annotated.png');

  // Delete the first span: its relation goes too; undo brings both back.
  await clickRange(page, jiang, jiang + 11);
  await page.keyboard.press('Delete');
  await frames(page, 3);
  ws = await exported(page);
  assert.deepEqual([spansOf(ws).length, relationsOf(ws).length], [1, 0]);
  await page.keyboard.press('Control+z');
  await frames(page, 3);
  ws = await exported(page);
  assert.deepEqual([spansOf(ws).length, relationsOf(ws).length], [2, 1]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('label every occurrence of a word as one undoable step', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const text = await page.evaluate(() => window.scholion.documentText());
  // Whole tokens only: "Sino-Russia" is one token and is not an occurrence of "Russia".
  const expected = [...text.matchAll(/(?<![\p{L}-])Russia(?![\p{L}-])/gu)].length;
  assert.ok(expected > 3);
  const at = cpOffset(text, 'Russia');
  await dragAcross(page, at, at + 6);
  await clickWidget(page, 'label-every');
  await clickWidget(page, 'label-every:GPE');
  const ws = await exported(page);
  const gpe = spansOf(ws).filter((s) => s.label === 'GPE');
  assert.equal(gpe.length, expected);
  assert.ok(gpe.every((s) => s.text === 'Russia'));
  const st = await state(page);
  assert.equal(st.undoDepth, 1, 'one undo step for the whole batch');
  await page.keyboard.press('Control+z');
  await frames(page, 3);
  assert.equal(spansOf(await exported(page)).length, 0);
  await ctx.close();
});

test('find highlights matches and labels all results', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const text = await page.evaluate(() => window.scholion.documentText());
  const expected = [...text.matchAll(/Putin/g)].length;
  await page.keyboard.press('Control+f');
  await frames(page, 3);
  await page.keyboard.type('Putin');
  await page.keyboard.press('Enter');
  assert.equal((await until(page, (st) => st.matches === expected)).matches, expected);
  await screenshot(page, 'find.png');
  await clickWidget(page, 'label-all-results');
  await clickWidget(page, 'label-all-results:Person');
  const spans = spansOf(await exported(page));
  assert.equal(spans.length, expected);
  assert.equal((await state(page)).undoDepth, 1);
  await ctx.close();
});

test('copy puts the selected text on the system clipboard', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const text = await page.evaluate(() => window.scholion.documentText());
  const at = cpOffset(text, 'Sino-Russia relations');
  await dragAcross(page, at, at + cpLength('Sino-Russia relations'));
  await page.keyboard.press('Control+c');
  await frames(page, 3);
  assert.equal(await page.evaluate(() => window.scholion.lastCopied()), 'Sino-Russia relations');
  await ctx.close();
});

test('Ctrl+Z pressed right after leaving the note field undoes the note (not swallowed)', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const text = await page.evaluate(() => window.scholion.documentText());
  const jiang = cpOffset(text, 'Jiang Zemin');
  const putin = cpOffset(text, 'Vladimir Putin');
  await dragAcross(page, jiang, jiang + 11);
  await page.keyboard.press('1');
  await frames(page, 3);
  await clickRange(page, jiang, jiang + 11);
  await clickWidget(page, 'note');
  await page.keyboard.type('first note');
  await frames(page, 3);
  // Click away (commits the note) and press Ctrl+Z at once, before the app draws a frame: the
  // field is gone by the time the shortcut is read, so the shortcut must act.
  const r = await page.evaluate(([a, b]) => window.scholion.spanRect(a, b), [putin, putin + 14]);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.keyboard.press('Control+z');
  const st = await until(page, (s) => s.message.startsWith('Undid'));
  assert.equal(st.message, 'Undid: Edit note');
  assert.equal(spansOf(await exported(page))[0].note ?? '', '');
  await ctx.close();
});
