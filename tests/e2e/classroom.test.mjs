// The classroom as its users see it: a teacher makes an exercise, students open it (chooser and
// ?open= link), check their work and hand in, the teacher reviews, adjudicates and exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, frames, screenshot, pixels, repoRoot, artifactsDir } from './harness.mjs';
import { cpOffset, cpLength, enterName, exported, clickWidget, clickMenu, chooseFiles, labelText, state, until, downloadOf } from './gestures.mjs';

// The answer key, on the sample story. Students (hand-computed results below):
//   Sam: Jiang Zemin Person (correct), Vladimir Putin GPE (wrong label), "July" Date (wrong
//        boundaries), Zhu Rongji Person (extra); Beijing missing.
//   Kim: Jiang Zemin Person, Vladimir Putin Person, Beijing GPE; July 18 missing.
//   Lee: Jiang Zemin Person, Vladimir Putin GPE, July 18 Date, Zhu Rongji Person.
const KEY = [['Jiang Zemin', '1'], ['Vladimir Putin', '1'], ['July 18', '5'], ['Beijing', '4']];
const TITLE = 'Named entities 1';
const INSTRUCTIONS = 'Mark every person, place and date.';
const EXERCISE_FILE = 'Named-entities-1.exercise.scholion.json';
const cli = process.env.SCHOLION_CLI || path.join(repoRoot, 'build/native/scholion');

let env;
let teacher;      // { page, ctx }
let exerciseBody; // the downloaded exercise file's text
const handIns = {}; // student -> [file name, body]
before(async () => { env = await launch(); });
after(async () => { await teacher?.ctx.close(); await env?.close(); });

async function label(page, needle, key, length) {
  const { before, state: st } = await labelText(page, needle, key, length);
  assert.equal(st.spans, before + 1, `labelling "${needle}" made a span`);
}

async function download(page, action) {
  const { name, bytes } = await downloadOf(page, action);
  return { name, body: bytes.toString('utf8') };
}

// Picks Scholion JSON files in the chooser that `open` brings up.
const choose = (page, open, files) =>
  chooseFiles(page, files.map(([name, body]) => [name, body, 'application/json']), open);

const spanSet = (spans) => spans.map((s) => `${s.label}:${s.text}`).sort();

test('the teacher makes an exercise with instructions and a key, and downloads one file', async () => {
  teacher = await openApp(env);
  const { page } = teacher;
  await enterName(page, 'Teacher');
  for (const [word, key] of KEY) await label(page, word, key);
  await clickMenu(page, 'Classroom', 'make-exercise');
  // Replace the suggested title and the schema's instructions by typing over them, right after
  // Ctrl+A as a fast typist would (the text must not overtake the Ctrl release).
  await clickWidget(page, 'exercise:title');
  await page.keyboard.press('Control+a');
  await page.keyboard.type(TITLE);
  await page.keyboard.press('Enter');  // done with the title
  await frames(page, 3);
  await clickWidget(page, 'exercise:instructions');
  await frames(page, 3);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(INSTRUCTIONS);
  await frames(page, 3);
  await screenshot(page, 'classroom-make-exercise.png');
  const file = await download(page, () => clickWidget(page, 'exercise:make'));
  assert.equal(file.name, EXERCISE_FILE);
  const ex = JSON.parse(file.body);
  assert.equal(ex.format, 'scholion');
  assert.deepEqual([ex.exercise.enabled, ex.exercise.title, ex.exercise.allowCheck, ex.exercise.checkScope,
    ex.exercise.revealMissingLabels, ex.exercise.goldAnnotator], [true, TITLE, true, 'labels', false, 'gold']);
  assert.equal(ex.schema.instructions, INSTRUCTIONS);
  assert.equal(ex.annotator, '', 'no teacher name inside: the student gives theirs');
  assert.equal(ex.documents.length, 1);
  assert.deepEqual(ex.documents[0].spans, [], 'the student starts with nothing');
  const key = ex.documents[0].layers.find((l) => l.annotator === 'gold');
  assert.ok(key, 'the answer key travels inside the file');
  assert.deepEqual(spanSet(key.spans), ['Date:July 18', 'GPE:Beijing', 'Person:Jiang Zemin', 'Person:Vladimir Putin']);
  assert.match((await state(page)).message, /Saved exercise .*answer key: 4 spans/);
  exerciseBody = file.body;
  await clickWidget(page, 'exercise:close');
});

test('a student opens the exercise file, is asked for a name once, checks the work, hands in', async () => {
  assert.ok(exerciseBody, 'needs the exercise from the first test');
  const { page, ctx } = await openApp(env);
  assert.equal((await state(page)).classroom.askName, true, 'a first start asks for the name');
  await enterName(page, 'Sam');
  await choose(page, () => page.keyboard.press('Control+o'), [[EXERCISE_FILE, exerciseBody]]);
  let st = await until(page, (s) => s.classroom.exercise);
  assert.equal(st.classroom.exercise?.title, TITLE, `exercise opened: ${st.message}`);
  await frames(page, 3);
  st = await state(page);
  assert.equal(st.classroom.askName, false, 'the name is not asked again');
  assert.equal(st.annotator, 'Sam');
  assert.equal(st.classroom.instructionsShown, true, 'the instructions are shown');
  await screenshot(page, 'classroom-student-instructions.png');
  await clickWidget(page, 'instructions:close');
  assert.equal((await state(page)).classroom.instructionsShown, false);

  await label(page, 'Jiang Zemin', '1');         // correct
  await label(page, 'Vladimir Putin', '4');      // wrong label (GPE)
  await label(page, 'July 18', '5', 4);          // "July": wrong boundaries
  await label(page, 'Zhu Rongji', '1');          // extra; Beijing is left missing
  await clickMenu(page, 'Classroom', 'check');
  st = await until(page, (s) => s.classroom.check);
  const c = st.classroom.check;
  assert.deepEqual([c.correct, c.wrongLabel, c.wrongBoundaries, c.extra, c.missing], [1, 1, 1, 1, 1]);
  assert.equal(c.score, 0.25, '2 x 1 correct / (4 answers + 4 key spans)');
  const text = await page.evaluate(() => window.scholion.documentText());
  const beijing = cpOffset(text, 'Beijing');
  assert.deepEqual(c.missingSpans, [{ start: beijing, end: beijing + 7, label: '' }],
    'the missing span is shown without its label (the teacher did not allow that)');
  await frames(page, 3);
  await screenshot(page, 'classroom-check.png');

  await until(page, (s) => !s.dirty);
  const file = await download(page, () => clickMenu(page, 'Classroom', 'hand-in'));
  assert.equal(file.name, 'Named-entities-1-Sam.scholion.json');
  const ws = JSON.parse(file.body);
  assert.equal(ws.annotator, 'Sam');
  assert.equal(ws.exercise.title, TITLE);
  assert.deepEqual(ws.documents[0].layers.filter((l) => l.annotator === 'gold'), [], 'the key is not handed back');
  assert.deepEqual(spanSet(ws.documents[0].spans), ['Date:July', 'GPE:Vladimir Putin', 'Person:Jiang Zemin', 'Person:Zhu Rongji']);
  handIns.Sam = [file.name, file.body];
  await ctx.close();
});

// Pixels of `img` near the rectangle's left edge (mid-height) or along its top edge.
const leftEdge = (img, r) => Array.from({ length: 8 }, (_, i) => img.at(Math.round(r.x) - 7 + i, Math.round(r.y + r.h / 2)));
function topEdgeRuns(img, r, match) {
  let best = { hits: 0, runs: 0 };
  for (let y = Math.round(r.y) - 8; y <= Math.round(r.y); y++) {
    let hits = 0, runs = 0, inRun = false;
    for (let x = Math.round(r.x) - 3; x <= Math.round(r.x + r.w) + 3; x++) {
      const m = match(img.at(x, y));
      hits += m;
      if (m && !inRun) runs++;
      inRun = m;
    }
    if (hits > best.hits) best = { hits, runs };
  }
  return best;
}
const KINDS = {
  Correct: ([r, g, b]) => g > r + 50 && g > b + 40,
  'Wrong label': ([r, g, b]) => r > 190 && g > 80 && g < 165 && b < 90,
  'Wrong boundaries': ([r, g, b]) => r > 150 && g > 115 && b < 70 && r - g < 60,
  Extra: ([r, g, b]) => r > 170 && g < 100 && b < 100,
  Missing: ([r, g, b]) => b > 170 && r > 80 && r < 170 && g < 130,
};

test('check results are marked in the text by kind, F8 steps through the mistakes, the list is docked', async () => {
  assert.ok(exerciseBody, 'needs the exercise from the first test');
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Max');
  await choose(page, () => page.keyboard.press('Control+o'), [[EXERCISE_FILE, exerciseBody]]);
  await until(page, (s) => s.classroom.exercise?.title === TITLE);
  await clickWidget(page, 'instructions:close');
  await label(page, 'Jiang Zemin', '1');         // correct
  await label(page, 'Vladimir Putin', '4');      // wrong label (GPE)
  await label(page, 'July 18', '5', 4);          // "July": wrong boundaries
  await label(page, 'Zhu Rongji', '1');          // extra; Beijing is left missing
  await page.keyboard.press('Escape');           // nothing selected: only the check's outlines
  await page.keyboard.press('Control+Home');
  await frames(page, 3);
  const text = await page.evaluate(() => window.scholion.documentText());
  const at = (needle, len) => { const a = cpOffset(text, needle); return [a, a + (len ?? cpLength(needle))]; };
  const marks = { Correct: at('Jiang Zemin'), 'Wrong label': at('Vladimir Putin'), 'Wrong boundaries': at('July 18', 4),
    Extra: at('Zhu Rongji'), Missing: at('Beijing') };
  const rectOf = (range) => page.evaluate(([a, b]) => window.scholion.spanRect(a, b), range);
  // A screenshot with `range` on screen, high enough not to be under the docked results.
  const shotWith = async (range, name) => {
    let r = await rectOf(range);
    if (r.y < 40 || r.y + r.h > 480) {
      await page.mouse.move(600, 300);
      await page.mouse.wheel(0, r.y - 250);
      await page.mouse.move(900, 35);  // away from any span (no tooltip over the marks)
      await frames(page, 4);
      r = await rectOf(range);
    }
    assert.ok(r.y >= 40 && r.y + r.h <= 480, `${JSON.stringify(range)} brought on screen: ${JSON.stringify(r)}`);
    return { r, img: await pixels(page, fs.readFileSync(await screenshot(page, name))) };
  };
  const toTop = async () => {
    await page.mouse.move(600, 300);
    await page.mouse.wheel(0, -20000);
    await page.mouse.move(900, 35);
    await frames(page, 4);
  };
  const shots = async (tag) => {
    const out = { Extra: await shotWith(marks.Extra, `classroom-check-${tag}-extra.png`) };
    await toTop();
    const top = await shotWith(marks.Correct, `classroom-check-${tag}.png`);
    for (const kind of ['Correct', 'Wrong label', 'Wrong boundaries', 'Missing'])
      out[kind] = { r: await rectOf(marks[kind]), img: top.img };
    return out;
  };
  const before = await shots('before');

  await clickMenu(page, 'Classroom', 'check');
  let st = await until(page, (s) => s.classroom.check?.marksShown);
  await frames(page, 4);
  const after = await shots('marks');
  for (const kind of Object.keys(marks)) {
    const { r, img } = after[kind];
    if (kind === 'Missing') {
      const was = topEdgeRuns(before[kind].img, before[kind].r, KINDS.Missing);
      const now = topEdgeRuns(img, r, KINDS.Missing);
      assert.equal(was.hits, 0, 'no dashed outline before the check');
      assert.ok(now.runs >= 3, `the missed span is outlined with dashes: ${JSON.stringify(now)}`);
      continue;
    }
    const edge = leftEdge(img, r);
    assert.ok(edge.some(KINDS[kind]), `${kind} outlined in its colour at ${JSON.stringify(marks[kind])}: ${JSON.stringify(edge)}`);
    assert.ok(!leftEdge(before[kind].img, before[kind].r).some(KINDS[kind]), `${kind}: not there before the check`);
    for (const [other, match] of Object.entries(KINDS))
      if (other !== kind && other !== 'Missing')
        assert.ok(!edge.some(match), `${kind} is not marked as ${other}: ${JSON.stringify(edge)}`);
  }

  // Docked below the text, between the side panels; the legend is in it.
  const panel = await page.evaluate(() => window.scholion.widgetRect('check:panel'));
  const palette = await page.evaluate(() => window.scholion.widgetRect('palette:Person'));
  const view = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  assert.ok(panel && palette, 'panel and palette on screen');
  assert.ok(panel.x >= palette.x + palette.w, `the results do not cover the left panel: ${JSON.stringify([panel, palette])}`);
  assert.ok(panel.x + panel.w <= view.w - 200, `nor the right panel: ${JSON.stringify(panel)}`);
  assert.ok(panel.y > view.h / 2, `docked low: ${JSON.stringify(panel)}`);
  assert.ok(await page.evaluate(() => window.scholion.widgetRect('check:legend')), 'the legend is shown');
  assert.ok((await rectOf(marks.Missing)).y < panel.y, 'the marked text is above the docked results');

  // F8 goes from the caret (document start) through the mistakes in text order, then wraps;
  // Shift+F8 goes back.
  const order = Object.entries(marks).filter(([k]) => k !== 'Correct').sort((a, b) => a[1][0] - b[1][0]);
  for (const [kind, range] of order) {
    await page.keyboard.press('F8');
    st = await until(page, (s) => s.classroom.check.current?.start === range[0]);
    assert.equal(st.classroom.check.current.kind, kind);
    assert.match(st.message, new RegExp(`^Mistake \\d of 4: ${kind}`));
    if (kind === 'Missing') assert.deepEqual(st.selection, range, 'the missed span is selected');
    else assert.ok(st.selectedSpan, `the ${kind} span is selected`);
  }
  await page.keyboard.press('F8');
  st = await until(page, (s) => s.classroom.check.current?.start === order[0][1][0]);
  await page.keyboard.press('Shift+F8');
  st = await until(page, (s) => s.classroom.check.current?.start === order[order.length - 1][1][0]);

  // An edit makes the marks stale: they go until the student checks again.
  await label(page, 'Beijing', '4');
  st = await state(page);
  assert.equal(st.classroom.check.marksShown, false, 'stale marks are hidden');
  await clickWidget(page, 'check:run');
  st = await until(page, (s) => s.classroom.check?.marksShown);
  assert.equal(st.classroom.check.missing, 0);
  await ctx.close();
});

test('a student opens the exercise from a ?open= link; a reload keeps the name and the work', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await ctx.route('**/class/named-entities.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: exerciseBody }));
  const page = await ctx.newPage();
  const link = env.url + '?open=class/named-entities.json';
  await page.goto(link);
  await page.evaluate(() => window.scholion.ready);
  let st = await until(page, (s) => s.classroom.exercise);
  assert.equal(st.classroom.exercise?.title, TITLE, `exercise opened from the link: ${st.message}`);
  assert.equal(st.classroom.askName, true, 'asked for a name');
  await enterName(page, 'Kim');
  await label(page, 'Jiang Zemin', '1');
  await until(page, (s) => !s.dirty);
  await page.goto(link);  // the same link again, as a student returning to it
  await page.evaluate(() => window.scholion.ready);
  st = await until(page, (s) => /already open/.test(s.message));
  assert.match(st.message, /already open: your work is kept/);
  await frames(page, 5);
  st = await state(page);
  assert.equal(st.classroom.askName, false, 'not asked again after a reload');
  assert.equal(st.annotator, 'Kim');
  assert.equal(st.spans, 1, 'the work survived the reload and the link');
  await clickWidget(page, 'instructions:close');
  await label(page, 'Vladimir Putin', '1');
  await label(page, 'Beijing', '4');
  const file = await download(page, () => clickMenu(page, 'Classroom', 'hand-in'));
  assert.equal(file.name, 'Named-entities-1-Kim.scholion.json');
  assert.deepEqual(spanSet(JSON.parse(file.body).documents[0].spans), ['GPE:Beijing', 'Person:Jiang Zemin', 'Person:Vladimir Putin']);
  handIns.Kim = [file.name, file.body];
  await ctx.close();
});

test('an exercise is always recognised: the same one keeps the work, another asks and the work stays reachable', async () => {
  assert.ok(exerciseBody, 'needs the exercise from the first test');
  const other = JSON.parse(exerciseBody);
  other.exercise.title = 'Dates 1';
  other.schema.instructions = 'Mark the dates.';
  const OTHER_FILE = ['Dates-1.exercise.scholion.json', JSON.stringify(other)];
  const { page, ctx } = await openApp(env);
  const widget = (name) => page.evaluate((n) => window.scholion.widgetRect(n), name);
  await enterName(page, 'Ana');
  await choose(page, () => page.keyboard.press('Control+o'), [[EXERCISE_FILE, exerciseBody]]);
  await until(page, (s) => s.classroom.exercise?.title === TITLE);
  await clickWidget(page, 'instructions:close');
  await label(page, 'Jiang Zemin', '1');

  // The same exercise again: no question, the work stays, instructions and checking are there.
  await choose(page, () => page.keyboard.press('Control+o'), [[EXERCISE_FILE, exerciseBody]]);
  let st = await until(page, (s) => /already open/.test(s.message));
  await frames(page, 4);
  assert.equal(await widget('import:workspace'), null, 'not the generic "Open Scholion JSON file" dialog');
  assert.equal(await widget('exercise-switch'), null, 'nothing to decide');
  st = await state(page);
  assert.equal(st.spans, 1, 'the work is kept');
  assert.equal(st.classroom.instructionsShown, true, 'the instructions are shown again');
  await clickWidget(page, 'instructions:close');
  await clickMenu(page, 'Classroom', 'check');
  st = await until(page, (s) => s.classroom.check);
  assert.equal(st.classroom.check.correct, 1, 'checking works');

  // Another exercise: a dialog names both; switching saves the work first.
  await choose(page, () => page.keyboard.press('Control+o'), [OTHER_FILE]);
  st = await until(page, (s) => s.classroom.switchOffer);
  assert.deepEqual(st.classroom.switchOffer, { open: TITLE, file: 'Dates 1', sameTitle: false });
  await frames(page, 4);
  assert.ok(await widget('exercise-switch'), 'the switch dialog is shown');
  assert.equal(await widget('import:workspace'), null, 'not the generic dialog');
  await screenshot(page, 'classroom-exercise-switch.png');
  const saved = await download(page, () => clickWidget(page, 'exercise-switch:switch'));
  assert.equal(saved.name, 'Named-entities-1-Ana-saved.scholion.json');
  const ws = JSON.parse(saved.body);
  assert.equal(ws.exercise.title, TITLE);
  assert.deepEqual(spanSet(ws.documents[0].spans), ['Person:Jiang Zemin'], 'the work is in the saved file');
  st = await until(page, (s) => s.classroom.exercise?.title === 'Dates 1');
  assert.equal(st.spans, 0, 'the new exercise starts empty');
  assert.equal(st.annotator, 'Ana');
  assert.match(st.message, /saved as Named-entities-1-Ana-saved\.scholion\.json/);
  await clickWidget(page, 'instructions:close');

  // The saved file brings the earlier exercise back with the work, checkable.
  await choose(page, () => page.keyboard.press('Control+o'), [[saved.name, saved.body]]);
  st = await until(page, (s) => s.classroom.exercise?.title === TITLE);
  assert.equal(st.spans, 1, 'the earlier work is back');
  await clickWidget(page, 'instructions:close');
  await clickMenu(page, 'Classroom', 'check');
  st = await until(page, (s) => s.classroom.check);
  assert.equal(st.classroom.check.correct, 1);
  await ctx.close();
});

// Lee's hand-in is Kim's file with other spans (a third file, made without a browser).
function leeHandIn() {
  const ws = JSON.parse(handIns.Kim[1]);
  const text = ws.documents[0].text;
  const span = (id, label, needle) => {
    const start = cpOffset(text, needle);
    return { id, label, start, end: start + cpLength(needle), text: needle };
  };
  ws.annotator = 'Lee';
  ws.documents[0].annotator = 'Lee';
  ws.documents[0].spans = [span('T1', 'Person', 'Jiang Zemin'), span('T2', 'GPE', 'Vladimir Putin'),
    span('T3', 'Date', 'July 18'), span('T4', 'Person', 'Zhu Rongji')];
  return ['Named-entities-1-Lee.scholion.json', JSON.stringify(ws)];
}

test('the teacher loads the hand-ins and sees grades computed by hand, and the agreement', async () => {
  assert.ok(handIns.Sam && handIns.Kim, 'needs the hand-ins');
  handIns.Lee = leeHandIn();
  const { page } = teacher;
  await choose(page, () => clickMenu(page, 'Classroom', 'load-students'), [handIns.Sam, handIns.Kim, handIns.Lee]);
  let st = await until(page, (s) => s.classroom.students.length === 3);
  assert.deepEqual(st.classroom.students, ['Sam', 'Kim', 'Lee']);
  assert.equal(st.classroom.reviewShown, true);
  assert.equal(st.classroom.keyDocuments, 1);
  // [tp, fp, fn] against the key, exact and overlapping (same label) boundaries.
  const g = Object.fromEntries(st.classroom.grades.map((r) => [r.student, r]));
  assert.deepEqual(g.Sam.exact, [1, 3, 3]);    // only Jiang Zemin
  assert.deepEqual(g.Sam.overlap, [2, 2, 2]);  // + "July" overlaps July 18 (Date)
  assert.deepEqual(g.Kim.exact, [3, 0, 1]);
  assert.deepEqual(g.Kim.overlap, [3, 0, 1]);
  assert.deepEqual(g.Lee.exact, [2, 2, 2]);
  assert.equal(g.Sam.exactF1, 0.25);
  assert.equal(g.Sam.overlapF1, 0.5);
  assert.equal(g.Kim.exactF1.toFixed(4), (6 / 7).toFixed(4));  // P 1, R 3/4
  assert.equal(g.Lee.exactF1, 0.5);
  await clickWidget(page, 'grades:row:Sam');
  await frames(page, 3);
  await screenshot(page, 'classroom-grades.png');

  const csv = await download(page, () => clickWidget(page, 'grades:csv'));
  assert.equal(csv.name, 'Named-entities-1-grades.csv');
  const rows = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
  const head = rows[0];
  assert.equal(rows.length, 4, 'a header and one row per student');
  const f1 = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[head.indexOf('exact_f1')]]));
  assert.deepEqual(f1, { Sam: '0.2500', Kim: '0.8571', Lee: '0.5000' });

  // Agreement: the CLI on the same files prints the same figures.
  await clickWidget(page, 'review-tab:Agreement');
  await frames(page, 3);
  await screenshot(page, 'classroom-agreement.png');
  st = await state(page);
  const a = st.classroom.agreement;
  assert.ok(a, 'agreement computed');
  assert.equal(a.pairs, 3);
  const dir = path.join(artifactsDir, 'classroom-handins');
  fs.mkdirSync(dir, { recursive: true });
  const paths = ['Sam', 'Kim', 'Lee'].map((n) => {
    const p = path.join(dir, handIns[n][0]);
    fs.writeFileSync(p, handIns[n][1]);
    return p;
  });
  const out = execFileSync(cli, ['agree', ...paths], { encoding: 'utf8' });
  assert.match(out, new RegExp(`Fleiss' kappa \\(tokens\\): +${a.fleiss.toFixed(3)}`));
  assert.match(out, new RegExp(`Krippendorff's alpha \\(nominal\\): +${a.alpha.toFixed(3)}`));
  assert.match(out, new RegExp(`Mean pairwise Cohen's kappa: +${a.meanCohen.toFixed(3)}`));
  assert.ok(a.fleiss > 0 && a.fleiss < 1 && a.alpha > 0 && a.alpha < 1, JSON.stringify(a));
  const grade = execFileSync(cli, ['grade', '--csv', paths[0], ...paths], { encoding: 'utf8' });
  assert.ok(grade.length > 0);
});

test('disagreements step through the text; adjudication builds its own layer, exported and promoted to key on purpose', async () => {
  const { page } = teacher;
  const text = await page.evaluate(() => window.scholion.documentText());
  // Scroll the text away to its end, so stepping has to bring the passage back.
  const canvas = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { w: r.width, h: r.height }; });
  await page.mouse.move(canvas.w / 2, 150);
  for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, 800); await frames(page, 1); }
  const scrolled = (await state(page)).scrollY;
  assert.ok(scrolled > 200, `the text scrolled (${scrolled})`);

  await clickWidget(page, 'review-tab:Disagreements');
  let st = await until(page, (s) => s.classroom.passages > 0);
  // Beijing (Kim only), Vladimir Putin (Person / GPE), July 18 ("July" / "July 18" / nothing),
  // Zhu Rongji (Sam and Lee): Jiang Zemin is agreed on.
  assert.equal(st.classroom.passages, 4);
  await clickWidget(page, 'passage:next');
  st = await until(page, (s) => s.classroom.currentPassage === 0);
  const beijing = cpOffset(text, 'Beijing');
  assert.deepEqual(st.classroom.passage, [beijing, beijing + 7]);
  assert.deepEqual(st.selection, st.classroom.passage, 'the passage is selected in the text');
  assert.ok(st.scrollY < scrolled, 'the text view moved back to the passage');
  await clickWidget(page, 'passage:next');
  st = await until(page, (s) => s.classroom.currentPassage === 1);
  const putin = cpOffset(text, 'Vladimir Putin');
  assert.deepEqual(st.classroom.passage, [putin, putin + 14]);
  assert.deepEqual(st.selection, st.classroom.passage);
  const r = await page.evaluate(([a, b]) => window.scholion.spanRect(a, b), st.classroom.passage);
  assert.ok(r && r.y > 0 && r.y + r.h < canvas.h, `the passage is on screen: ${JSON.stringify(r)}`);
  // The passages are outlined in the text: hovering one tells who chose what; away from it, not.
  const tip = () => page.evaluate(() => window.scholion.widgetRect('passage-tooltip'));
  const hoverAt = async (x, y) => { await page.mouse.move(x, y, { steps: 3 }); await frames(page, 4); };
  await hoverAt(r.x + r.w / 2, r.y + r.h / 2);
  assert.ok(await tip(), 'hovering the passage shows who chose what');
  await hoverAt(r.x + r.w + 200, r.y + r.h / 2);
  assert.equal(await tip(), null, 'no passage tooltip away from the passages');
  await hoverAt(r.x + r.w / 2, r.y + r.h / 2);
  await screenshot(page, 'classroom-disagreements.png');
  await clickWidget(page, 'passage:next');
  st = await until(page, (s) => s.classroom.currentPassage === 2);
  const july = cpOffset(text, 'July 18');
  assert.deepEqual(st.classroom.passage, [july, july + 7]);

  await clickWidget(page, 'review-tab:Adjudication');
  await clickWidget(page, 'adjudicate:majority');
  let ws = await exported(page);
  // More than half of three: Jiang Zemin Person (3), Vladimir Putin GPE (Sam, Lee), Zhu Rongji
  // Person (Sam, Lee).
  assert.deepEqual(spanSet(ws.documents[0].spans), ['GPE:Vladimir Putin', 'Person:Jiang Zemin', 'Person:Zhu Rongji']);
  st = await state(page);
  assert.equal(st.classroom.currentPassage, 2, 'still at July 18');
  await clickWidget(page, 'adjudicate:accept:Lee');
  ws = await exported(page);
  assert.deepEqual(spanSet(ws.documents[0].spans), ['Date:July 18', 'GPE:Vladimir Putin', 'Person:Jiang Zemin', 'Person:Zhu Rongji']);
  const key = ws.documents[0].layers.find((l) => l.annotator === 'gold');
  assert.equal(key.spans.length, 4, 'the answer key layer is untouched');
  await frames(page, 3);
  await screenshot(page, 'classroom-adjudication.png');
  const adj = await download(page, () => clickWidget(page, 'adjudicated:export'));
  assert.equal(adj.name, 'Named-entities-1-adjudicated.scholion.json');
  const g = JSON.parse(adj.body);
  assert.equal(g.annotator, 'adjudicated', 'the adjudicated layer is not named like the key');
  assert.deepEqual(g.documents[0].layers, [], 'only the adjudicated layer');
  assert.deepEqual(spanSet(g.documents[0].spans), ['Date:July 18', 'GPE:Vladimir Putin', 'Person:Jiang Zemin', 'Person:Zhu Rongji']);
  // Making it the answer key is a step of its own: the key takes the adjudicated spans, and Undo
  // gives the old key back.
  const keyBefore = spanSet(key.spans);
  await clickWidget(page, 'adjudicated:promote');
  await frames(page, 3);
  ws = await exported(page);
  let k = ws.documents[0].layers.find((l) => l.annotator === 'gold');
  assert.deepEqual(spanSet(k.spans), spanSet(ws.documents[0].spans), 'the key is now the adjudicated layer');
  assert.notDeepEqual(spanSet(k.spans), keyBefore);
  await page.keyboard.press('Control+z');
  await frames(page, 3);
  ws = await exported(page);
  k = ws.documents[0].layers.find((l) => l.annotator === 'gold');
  assert.deepEqual(spanSet(k.spans), keyBefore, 'Undo gives the old key back');
  // Undo takes the acceptance back, one step.
  await page.keyboard.press('Control+z');
  await frames(page, 3);
  assert.equal((await exported(page)).documents[0].spans.length, 3);
  assert.deepEqual(teacher.errors, []);
});

test('the review takes the whole window on request and shows its definitions', async () => {
  const { page } = teacher;
  const rect = (name) => page.evaluate((n) => window.scholion.widgetRect(n), name);
  const view = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  await clickWidget(page, 'review-tab:Agreement');
  await frames(page, 3);
  const docked = await rect('review:load');
  assert.ok(docked.y > view.h * 0.3, `the review starts low over the text: ${JSON.stringify(docked)}`);
  await clickWidget(page, 'review:full');
  await frames(page, 4);
  const full = await rect('review:load');
  assert.ok(full.y < 90, `in full view the review starts at the top: ${JSON.stringify(full)}`);
  const tab = await rect('review-tab:Grades');
  assert.ok(tab && tab.x < 40, `and spans the window from its left edge: ${JSON.stringify(tab)}`);
  await screenshot(page, 'classroom-review-full.png');
  await clickWidget(page, 'review:definitions');
  await frames(page, 4);
  const defs = await rect('definitions');
  assert.ok(defs && defs.w > 300, 'the definitions window opened');
  await screenshot(page, 'classroom-definitions.png');
  await page.mouse.click(defs.x + defs.w - 12, defs.y + defs.h / 2);  // its close box
  await frames(page, 4);
  assert.equal(await rect('definitions'), null, 'and closes');
  await clickWidget(page, 'review:full');
  await frames(page, 4);
  assert.ok((await rect('review:load')).y > view.h * 0.3, 'back to the window over the text');
  assert.deepEqual(teacher.errors, []);
});

test('dropping several hand-ins at once adds them as student layers without the menu', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Teacher');
  for (const [word, key] of KEY) await label(page, word, key);
  // A drop of two files, as from a folder: the page sends them like the chooser does.
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const [name, body] of files) dt.items.add(new File([body], name, { type: 'application/json' }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [handIns.Sam, handIns.Kim]);
  const st = await until(page, (s) => s.classroom.students.length === 2);
  assert.deepEqual(st.classroom.students, ['Sam', 'Kim']);
  assert.deepEqual(st.classroom.grades.map((r) => r.exact), [[1, 3, 3], [3, 0, 1]]);
  assert.equal(st.documents.length, 1, 'no document was added');
  await ctx.close();
});
