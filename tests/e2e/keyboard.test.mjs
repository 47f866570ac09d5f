// Annotating with the keyboard only (issue 16): caret, Shift+arrows, a label key, Tab, Enter and
// the label menu, Delete and undo, Esc for find and dialogs, the menu bar by F10; real key
// presses, one page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, screenshot, frames } from './harness.mjs';
import { cpOffset, cpLength, enterName, exported, state, until } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const spansOf = (ws) => ws.documents[0].spans;

// Presses `key` and waits until the app has drawn what it changed.
async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await frames(page, 2);
  }
  return state(page);
}

test('an annotation exercise start to finish with the keyboard only', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Ana');
  const text = await page.evaluate(() => window.scholion.documentText());
  const cps = Array.from(text);
  const lineOf = (cp) => cps.slice(0, cp).filter((c) => c === '\n').length;
  const putin = cpOffset(text, 'Vladimir Putin');
  const jiang = cpOffset(text, 'Jiang Zemin');
  assert.equal(cps[putin + cpLength('Vladimir Putin')], '\n', 'the sample has the name at a line end');

  // The caret starts at the top; Down walks line by line to the line of the name.
  let st = await state(page);
  assert.equal(st.caret, 0);
  for (let i = 0; i < 20 && lineOf(st.caret) < lineOf(putin); i++) st = await press(page, 'ArrowDown');
  assert.equal(lineOf(st.caret), lineOf(putin), 'Down reached the line');
  const lineStart = cps.lastIndexOf('\n', putin) + 1;
  assert.equal(st.caret, lineStart, 'Down puts the caret at a token start (the first word here)');
  // Up and Down keep the column across the short and empty lines above.
  st = await press(page, 'End');
  const lineEnd = st.caret;
  assert.equal(lineEnd, putin + 14);
  st = await press(page, 'ArrowUp', 2);
  assert.ok(lineOf(st.caret) < lineOf(putin) - 1, 'up two lines');
  st = await press(page, 'ArrowDown', 2);
  assert.equal(st.caret, lineEnd, 'Down twice comes back to the same place');
  st = await press(page, 'Home');
  assert.equal(st.caret, lineStart);
  // End goes to the line's end, Left steps back word by word; Right forward again.
  st = await press(page, 'End');
  assert.equal(st.caret, putin + 14);
  st = await press(page, 'ArrowLeft');
  assert.equal(st.caret, putin + 9, 'Left: start of "Putin"');
  st = await press(page, 'ArrowLeft');
  assert.equal(st.caret, putin, 'Left: start of "Vladimir"');
  st = await press(page, 'ArrowLeft');
  st = await press(page, 'ArrowRight');
  assert.equal(st.caret, putin, 'Right: back at "Vladimir"');
  assert.equal(st.selection, null, 'moving the caret selects nothing');
  await screenshot(page, 'keyboard-caret.png');

  // Shift+Right twice selects exactly the name; a third press holds at the line break.
  st = await press(page, 'Shift+ArrowRight');
  assert.deepEqual(st.selection, [putin, putin + 8]);
  st = await press(page, 'Shift+ArrowRight');
  assert.deepEqual(st.selection, [putin, putin + 14], 'exactly "Vladimir Putin"');
  st = await press(page, 'Shift+ArrowRight');
  assert.deepEqual(st.selection, [putin, putin + 14], 'not across the line break to "July"');
  assert.match(st.message, /line break/);
  await screenshot(page, 'keyboard-selection.png');

  // The Person key (1) labels it.
  st = await press(page, '1');
  let ws = await exported(page);
  assert.equal(spansOf(ws).length, 1);
  const p = spansOf(ws)[0];
  assert.deepEqual([p.label, p.start, p.end, p.text], ['Person', putin, putin + 14, 'Vladimir Putin']);
  assert.equal(st.selectedSpan, p.id);

  // A second name on the same line: Home, Right to "Jiang", Shift+Right twice, 1.
  st = await press(page, 'Home');
  assert.equal(st.caret, lineStart);
  assert.equal(st.selectedSpan, null);
  for (let i = 0; i < 6 && st.caret < jiang; i++) st = await press(page, 'ArrowRight');
  assert.equal(st.caret, jiang);
  await press(page, 'Shift+ArrowRight', 2);
  st = await press(page, '1');
  ws = await exported(page);
  assert.equal(spansOf(ws).length, 2);
  const j = spansOf(ws).find((s) => s.text === 'Jiang Zemin');
  assert.ok(j, 'Jiang Zemin labelled');
  assert.equal(st.selectedSpan, j.id);

  // Tab steps to the next span in the text (and around); Shift+Tab back.
  st = await press(page, 'Tab');
  assert.equal(st.selectedSpan, p.id);
  st = await press(page, 'Tab');
  assert.equal(st.selectedSpan, j.id, 'Tab wraps around to the first span');
  st = await press(page, 'Shift+Tab');
  assert.equal(st.selectedSpan, p.id);

  // Enter opens the label menu of that span; Down moves its highlight (and nothing behind);
  // Enter picks the highlighted label.
  const labels = ws.schema.spanLabels.map((l) => l.name);
  assert.equal(labels[0], 'Person');
  await press(page, 'Enter');
  assert.ok(await page.evaluate(() => window.scholion.widgetRect('label-popup:Person')), 'label menu open');
  const scrollBefore = (await state(page)).scrollY;
  st = await press(page, 'ArrowDown');
  assert.equal(st.scrollY, scrollBefore, 'Down in the menu does not scroll the text');
  assert.equal(st.caret, putin, 'nor move the caret');
  await screenshot(page, 'keyboard-label-menu.png');
  st = await press(page, 'Enter');
  ws = await exported(page);
  assert.equal(spansOf(ws).find((s) => s.id === p.id).label, labels[1], 'relabelled to the next label');
  await frames(page, 3);
  assert.equal(await page.evaluate(() => window.scholion.widgetRect('label-popup:Person')), null,
    'the menu closed');

  // Esc closes the menu and nothing else: the span stays selected.
  await press(page, 'Enter');
  assert.ok(await page.evaluate(() => window.scholion.widgetRect('label-popup:Person')), 'menu again');
  st = await press(page, 'Escape');
  await frames(page, 2);
  assert.equal(await page.evaluate(() => window.scholion.widgetRect('label-popup:Person')), null);
  assert.equal((await state(page)).selectedSpan, p.id, 'Esc on the menu keeps the span selected');

  // Delete removes the selected span; Ctrl+Z brings it back.
  st = await press(page, 'Delete');
  assert.equal(st.spans, 1);
  assert.ok(!spansOf(await exported(page)).some((s) => s.id === p.id));
  st = await press(page, 'Control+z');
  assert.equal(st.spans, 2);
  assert.equal(spansOf(await exported(page)).find((s) => s.id === p.id).label, labels[1]);

  // Find: Esc clears the highlights and selects the current match.
  await press(page, 'Control+f');
  await page.keyboard.type('Putin');
  await page.keyboard.press('Enter');
  st = await until(page, (s) => s.matches > 1);
  await press(page, 'Escape');
  st = await until(page, (s) => s.matches === 0);
  assert.ok(st.selection, 'the current match is selected');
  assert.equal(cps.slice(st.selection[0], st.selection[1]).join(''), 'Putin');

  // Esc closes dialogs: the help (F1) and, opened from the menu bar by keyboard (F10, Right to
  // Classroom, Enter on its first item), Make exercise.
  st = await press(page, 'F1');
  assert.equal(st.windows.help, true);
  st = await press(page, 'Escape');
  assert.equal(st.windows.help, false, 'Esc closed the help');
  st = await press(page, 'F10');
  assert.equal(st.menuOpen, 0, 'F10 opened File');
  st = await press(page, 'ArrowRight', 3);
  assert.equal(st.menuOpen, 3, 'Right three times: Classroom');
  // The menu is placed over its first frames; then its first item, Make exercise, is highlighted.
  st = await until(page, (s) => s.navRect);
  const make = await page.evaluate(() => window.scholion.widgetRect('menu-item:make-exercise'));
  assert.ok(make && Math.abs(st.navRect[1] - make.y) < 1, 'Make exercise is highlighted');
  await press(page, 'Enter');
  st = await until(page, (s) => s.windows.makeExercise);
  st = await press(page, 'Escape');
  assert.equal(st.windows.makeExercise, false, 'Esc closed Make exercise');
  assert.equal(st.spans, 2, 'and nothing else changed');
  assert.deepEqual(errors, []);
  await ctx.close();
});
