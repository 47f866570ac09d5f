// The classroom's second pass, as a teacher and three students use it: an exercise of three
// documents handing each student two (one shared), score-only feedback, time on task, error
// profiles in the review, the CSV and `scholion grade`; then the other feedback modes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, frames, screenshot, repoRoot, artifactsDir } from './harness.mjs';
import { enterName, clickWidget, clickMenu, chooseFiles, labelText, state, until, downloadOf } from './gestures.mjs';

const cli = process.env.SCHOLION_CLI || path.join(repoRoot, 'build/native/scholion');
// The sample story is the first document (shared by everyone); two short texts join it.
const TEXTS = {
  'lovelace.txt': 'Ada Lovelace wrote her notes on the engine in London in 1843.',
  'turing.txt': 'Alan Turing worked at Bletchley Park near Milton Keynes during the war.',
};
// The key: Person (1) and GPE (4) in each document.
const KEY = {
  sample: [['Jiang Zemin', '1'], ['Beijing', '4']],
  'lovelace.txt': [['Ada Lovelace', '1'], ['London', '4']],
  'turing.txt': [['Alan Turing', '1'], ['Milton Keynes', '4']],
};
// What each student does in every document they get: [needle, key, length] (length cuts the
// needle short). Ana gives places the Person label (a confusion GPE -> Person); Ben's person
// spans run one word too long; Cy's are one word short.
const WORK = {
  Ana: (doc) => KEY[doc].map(([w]) => [w, '1']),
  Ben: (doc) => [[`${KEY[doc][0][0]} ${{ sample: 'and', 'lovelace.txt': 'wrote', 'turing.txt': 'worked' }[doc]}`, '1'], [KEY[doc][1][0], '4']],
  Cy: (doc) => [[KEY[doc][0][0], '1', KEY[doc][0][0].indexOf(' ')], [KEY[doc][1][0], '4']],
};

let env, teacher, sampleName, exercise;
const handIns = {};
before(async () => { env = await launch(); });
after(async () => { await teacher?.ctx.close(); await env?.close(); });

async function download(page, action) {
  const { name, bytes } = await downloadOf(page, action);
  return { name, body: bytes.toString('utf8') };
}

async function label(page, needle, key, length) {
  const { before, state: st } = await labelText(page, needle, key, length);
  assert.equal(st.spans, before + 1, `labelling "${needle}" made a span`);
}

// Types `text` over a field's content (click, select all, type).
async function typeInto(page, widget, text) {
  await clickWidget(page, widget);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await frames(page, 3);
}

// The documents a student gets by the rule of docs/agreement.md, computed here independently:
// the first `shared`, then of the others those with the smallest SHA-256 of name + "\n" + hash.
function expectedDocuments(ex, name) {
  const sha = (s) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
  const { documentsPerStudent: per, sharedDocuments: shared } = ex.exercise;
  const rest = ex.documents.slice(shared)
    .map((d) => [sha(`${name.trim()}\n${sha(d.text)}`), d.name])
    .sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, per - shared).map(([, n]) => n);
  return ex.documents.map((d) => d.name).filter((n, i) => i < shared || rest.includes(n));
}

async function makeExercise(page, title, feedback, perStudent, shared) {
  await clickMenu(page, 'Classroom', 'make-exercise');
  await typeInto(page, 'exercise:title', title);
  await page.keyboard.press('Enter');
  await clickWidget(page, `exercise:feedback:${feedback}`);
  await typeInto(page, 'exercise:per-student', String(perStudent));
  if (perStudent) await typeInto(page, 'exercise:shared', String(shared));
  await frames(page, 3);
  await screenshot(page, `classroom2-make-${feedback}.png`);
  const file = await download(page, () => clickWidget(page, 'exercise:make'));
  await clickWidget(page, 'exercise:close');
  return { name: file.name, body: file.body, json: JSON.parse(file.body) };
}

test('a teacher makes a three-document exercise that hands each student two, one shared', async () => {
  teacher = await openApp(env);
  const { page } = teacher;
  await enterName(page, 'Teacher');
  sampleName = (await state(page)).documents[0];
  for (const [w, k] of KEY.sample) await label(page, w, k);
  for (const [name, text] of Object.entries(TEXTS)) {
    await chooseFiles(page, [[name, text]]);
    const st = await until(page, (s) => s.documents[s.active] === name);
    assert.equal(st.documents.length, Object.keys(TEXTS).indexOf(name) + 2, 'the text joins the workspace');
    for (const [w, k] of KEY[name]) await label(page, w, k);
  }
  exercise = await makeExercise(page, 'Subsets 1', 'score', 2, 1);
  const ex = exercise.json;
  assert.equal(exercise.name, 'Subsets-1.exercise.scholion.json');
  assert.deepEqual([ex.exercise.allowCheck, ex.exercise.feedback, ex.exercise.documentsPerStudent, ex.exercise.sharedDocuments],
    [true, 'score', 2, 1]);
  assert.deepEqual(ex.documents.map((d) => d.name), [sampleName, ...Object.keys(TEXTS)]);
  assert.match((await state(page)).message, /each student gets 2 of 3 documents, 1 of them shared/);
});

for (const name of ['Ana', 'Ben', 'Cy']) {
  test(`${name} gets their own two documents, works with score-only feedback, and hands in`, async () => {
    assert.ok(exercise, 'needs the exercise');
    const { page, ctx } = await openApp(env);
    await enterName(page, name);
    await chooseFiles(page, [[exercise.name, exercise.body, 'application/json']]);
    let st = await until(page, (s) => s.classroom.exercise);
    const mine = expectedDocuments(exercise.json, name);
    assert.deepEqual(st.documents, mine, `${name}'s documents by the documented rule`);
    assert.equal(mine[0], sampleName, 'the shared document goes to everyone');
    assert.match(st.classroom.progress.startedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'the start is recorded');
    await clickWidget(page, 'instructions:close');
    const t0 = Date.now();
    for (const doc of mine) {
      await clickWidget(page, `document:${doc}`);
      await until(page, (s) => s.documents[s.active] === doc);
      for (const [needle, key, length] of WORK[name](doc === sampleName ? 'sample' : doc)) {
        await label(page, needle, key, length);
        await page.waitForTimeout(400);  // a student's pace: the pauses count as active time
      }
    }
    const worked = (Date.now() - t0) / 1000;
    await clickMenu(page, 'Classroom', 'check');
    st = await until(page, (s) => s.classroom.check);
    assert.equal(st.classroom.check.marksShown, false, 'score only: no marks in the text');
    assert.ok(st.classroom.check.score < 1, 'the score is shown');
    assert.equal(st.classroom.progress.checks, 1);
    const active = st.classroom.progress.activeSeconds;
    assert.ok(active > 1 && active <= worked + 1, `active time ${active} s within the ${worked} s worked`);
    if (name === 'Ana') await screenshot(page, 'classroom2-score-only.png');
    const file = await download(page, () => clickMenu(page, 'Classroom', 'hand-in'));
    assert.equal(file.name, `Subsets-1-${name}.scholion.json`);
    const ws = JSON.parse(file.body);
    assert.deepEqual(ws.documents.map((d) => d.name), mine, 'the hand-in holds the student\'s documents');
    assert.equal(ws.progress.checks, 1);
    assert.equal(ws.progress.handedIn, true);
    assert.equal(ws.progress.activeSeconds, active);
    handIns[name] = { ...file, active, documents: mine };
    await ctx.close();
  });
}

test('the review knows who had what, their time on task and their kinds of mistakes; so does scholion grade', async () => {
  assert.equal(Object.keys(handIns).length, 3, 'needs the three hand-ins');
  const { page } = teacher;
  const files = ['Ana', 'Ben', 'Cy'].map((n) => [handIns[n].name, handIns[n].body, 'application/json']);
  await chooseFiles(page, files, () => clickMenu(page, 'Classroom', 'load-students'));
  const st = await until(page, (s) => s.classroom.students.length === 3);
  const g = Object.fromEntries(st.classroom.grades.map((r) => [r.student, r]));
  for (const n of ['Ana', 'Ben', 'Cy']) {
    assert.deepEqual(g[n].documents, handIns[n].documents, `${n}: graded on their documents only`);
    assert.equal(g[n].checks, 1);
    assert.equal(g[n].activeSeconds, handIns[n].active);
    assert.equal(g[n].exact[0] + g[n].exact[2], 4, `${n}: two key spans in each of two documents`);
  }
  assert.deepEqual([g.Ana.confusions, g.Ana.tooLong, g.Ana.tooShort], ['GPE \u2192 Person \u00d72', 0, 0]);
  assert.deepEqual([g.Ben.confusions, g.Ben.tooLong, g.Ben.tooShort], ['', 2, 0]);
  assert.deepEqual([g.Cy.confusions, g.Cy.tooLong, g.Cy.tooShort], ['', 0, 2]);
  assert.ok(st.classroom.agreement, 'agreement is measured (everyone has the shared document)');
  await clickWidget(page, 'review:full');
  await clickWidget(page, 'grades:row:Ana');
  await until(page, () => true);
  await page.evaluate(() => window.scholion.widgetRect('grades:profile:Ana')).then((r) => assert.ok(r, 'the profile is on screen'));
  await screenshot(page, 'classroom2-review.png');

  const csv = await download(page, () => clickWidget(page, 'grades:csv'));
  const rows = csv.body.replace(/^\uFEFF/, '').trim().split(/\r\n/);
  const cells = (line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  const head = cells(rows[0]);
  const row = Object.fromEntries(rows.slice(1).map((r) => { const c = cells(r); return [c[0], c]; }));
  const col = (n, k) => row[n][head.indexOf(k)];
  assert.equal(col('Ana', 'confusions'), 'GPE \u2192 Person \u00d72');
  assert.equal(col('Ben', 'too_long'), '2');
  assert.equal(col('Cy', 'too_short'), '2');
  assert.equal(col('Ana', 'checks'), '1');
  assert.equal(col('Ana', 'active_minutes'), (handIns.Ana.active / 60).toFixed(1));
  assert.equal(col('Ana', 'document_names'), handIns.Ana.documents.join('; '));

  // The command line prints the same columns from the same files.
  const dir = path.join(artifactsDir, 'classroom2-handins');
  fs.mkdirSync(dir, { recursive: true });
  const keyPath = path.join(dir, exercise.name);
  fs.writeFileSync(keyPath, exercise.body);
  const paths = ['Ana', 'Ben', 'Cy'].map((n) => {
    const p = path.join(dir, handIns[n].name);
    fs.writeFileSync(p, handIns[n].body);
    return p;
  });
  const cliCsv = execFileSync(cli, ['grade', '--csv', keyPath, ...paths], { encoding: 'utf8' }).trim().split(/\r\n/);
  assert.deepEqual(cells(cliCsv[0]), head);
  for (const line of cliCsv.slice(1)) {
    const c = cells(line);
    for (const k of ['documents', 'exact_f1', 'active_minutes', 'checks', 'too_long', 'too_short', 'shifted', 'confusions', 'document_names'])
      assert.equal(c[head.indexOf(k)], col(c[0], k), `${c[0]} ${k}: the CLI and the app agree`);
  }
  const table = execFileSync(cli, ['grade', keyPath, ...paths], { encoding: 'utf8' });
  assert.match(table, /active +checks +long +short +shifted +confusions/);
  assert.match(table, /Ana .* GPE \u2192 Person \u00d72/);
  await clickWidget(page, 'review:full');
});

test('feedback modes: none carries no key; the full key shows after hand-in', async () => {
  const { page } = teacher;
  await clickMenu(page, 'Classroom', 'review');
  const none = await makeExercise(page, 'Graded later', 'none', 0, 0);
  assert.equal(none.json.exercise.allowCheck, false);
  assert.equal(none.json.exercise.feedback !== undefined, true);
  assert.ok(none.json.documents.every((d) => (d.layers || []).every((l) => l.annotator !== 'gold')), 'no key inside');
  const full = await makeExercise(page, 'Key after', 'key-after-hand-in', 0, 0);
  assert.equal(full.json.exercise.feedback, 'key-after-hand-in');
  assert.equal(full.json.documents.length, 3, 'every student gets every document');

  const { page: p, ctx } = await openApp(env);
  await enterName(p, 'Dee');
  await chooseFiles(p, [[none.name, none.body, 'application/json']]);
  let st = await until(p, (s) => s.classroom.exercise?.title === 'Graded later');
  assert.equal(st.classroom.exercise.allowCheck, false, 'no checking: graded later');
  await chooseFiles(p, [[full.name, full.body, 'application/json']]);
  st = await until(p, (s) => s.classroom.exercise?.title === 'Key after');
  await clickWidget(p, 'instructions:close');
  await label(p, 'Jiang Zemin', '1');
  await clickMenu(p, 'Classroom', 'check');
  st = await until(p, (s) => s.classroom.check);
  assert.equal(st.classroom.check.marksShown, true);
  assert.ok(st.classroom.check.missingSpans.every((m) => m.label === ''), 'before hand-in the missed labels stay hidden');
  await download(p, () => clickMenu(p, 'Classroom', 'hand-in'));
  st = await until(p, (s) => /answer key is now shown/.test(s.message));
  assert.equal(st.classroom.progress.checks, 1, 'the hand-in\'s own display is not counted as a check');
  assert.equal(st.classroom.check.missingSpans.find((m) => m.label === 'GPE')?.label, 'GPE', 'after hand-in: the full key');
  await frames(p, 3);
  await screenshot(p, 'classroom2-key-after-hand-in.png');
  await ctx.close();
});
