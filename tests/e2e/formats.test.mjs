// Other tools' formats through the web menus: brat, CoNLL, Label Studio in and out, real input only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { launch, openApp, frames, screenshot, sampleText } from './harness.mjs';
import { cpOffset, cpLength, enterName, exported, clickWidget, chooseFiles, labelText, state, until, downloadOf } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// File > Export as > <item>, and the file it downloads. The warnings dialog that follows a lossy
// export is closed with its OK button unless the caller wants to look at it.
async function exportAs(page, item, { shot, keepWarnings = false } = {}) {
  await clickWidget(page, 'menu:File');
  await clickWidget(page, 'menu:export-as');
  if (shot) await screenshot(page, shot);
  const file = await downloadOf(page, () => clickWidget(page, `menu-item:${item}`));
  await frames(page, 3);
  const st = await state(page);
  if (st.exportWarnings.length && !keepWarnings) await clickWidget(page, 'export-warnings:ok');
  return file;
}

// True once a named widget has not been drawn for a while (the registry keeps a few frames).
async function gone(page, name) {
  for (let i = 0; i < 30; i++) {
    if (!(await page.evaluate((n) => window.scholion.widgetRect(n), name))) return true;
    await frames(page, 1);
  }
  return false;
}

// A reader for stored (method 0) ZIP archives: end record -> central directory -> local headers.
// Checks what a strict unzip would: signatures, both headers agreeing, sizes, CRC-32.
function readStoredZip(buf) {
  const end = buf.length - 22;
  assert.equal(buf.readUInt32LE(end), 0x06054b50, 'end of central directory record');
  const count = buf.readUInt16LE(end + 10);
  const dirSize = buf.readUInt32LE(end + 12);
  const dirStart = buf.readUInt32LE(end + 16);
  assert.equal(dirStart + dirSize, end);
  const files = new Map();
  let at = dirStart;
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'central directory header');
    const flags = buf.readUInt16LE(at + 8), method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16), csize = buf.readUInt32LE(at + 20), size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28), extra = buf.readUInt16LE(at + 30), comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    at += 46 + nameLen + extra + comment;
    assert.equal(method, 0, `${name} is stored`);
    assert.ok(flags & 0x800, `${name} has the UTF-8 name flag`);
    assert.equal(csize, size);
    assert.equal(buf.readUInt32LE(local), 0x04034b50, `local header of ${name}`);
    assert.equal(buf.readUInt32LE(local + 14), crc);
    const lName = buf.readUInt16LE(local + 26), lExtra = buf.readUInt16LE(local + 28);
    assert.equal(buf.subarray(local + 30, local + 30 + lName).toString('utf8'), name);
    const data = buf.subarray(local + 30 + lName + lExtra, local + 30 + lName + lExtra + size);
    assert.equal(zlib.crc32(data) >>> 0, crc, `CRC-32 of ${name}`);
    files.set(name, data);
  }
  assert.equal(at, end);
  return files;
}

// The annotations of a .ann file as comparable strings: ids replaced by what they point at.
function annSet(ann) {
  const spans = new Map();
  const out = new Set();
  for (const line of ann.split('\n')) {
    const m = /^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$/.exec(line);
    if (m) { spans.set(m[1], `${m[2]} ${m[3]} ${m[4]}`); out.add(`T ${spans.get(m[1])}`); }
  }
  for (const line of ann.split('\n')) {
    const m = /^R\d+\t(\S+) Arg1:(T\d+) Arg2:(T\d+)/.exec(line);
    if (m) out.add(`R ${m[1]} [${spans.get(m[2])}] -> [${spans.get(m[3])}]`);
  }
  return out;
}

// brat standoff for a text, with offsets counted in code points as brat does.
function bratPair(text, spans, relations = []) {
  let n = 0;
  const lines = spans.map(([label, word, nth = 0]) => {
    const s = cpOffset(text, word, nth);
    return `T${++n}\t${label} ${s} ${s + cpLength(word)}\t${word}`;
  });
  relations.forEach(([type, a, b], i) => lines.push(`R${i + 1}\t${type} Arg1:T${a} Arg2:T${b}`));
  return lines.join('\n') + '\n';
}

const STORY = 'Café Straße: Zoë met Ωμέγα 😀 in Αθήνα.\nLater Zoë left for Köln with Ωμέγα.\n';
const STORY_SPANS = [['Person', 'Zoë'], ['Organization', 'Ωμέγα'], ['Location', 'Αθήνα'],
  ['Location', 'Köln'], ['Person', 'Zoë', 1], ['Misc', 'Straße']];
const STORY_ANN = bratPair(STORY, STORY_SPANS, [['Located_in', 1, 3]]);

test('a brat .txt + .ann pair opens through the chooser; Export as brat gives one .zip back', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Ana');
  await chooseFiles(page, [['story.txt', STORY], ['story.ann', STORY_ANN]]);
  for (let i = 0; i < 60 && !(await page.evaluate(() => window.scholion.widgetRect('import:replace'))); i++) await frames(page, 1);
  await frames(page, 3);
  await screenshot(page, 'formats-import-modal.png');
  await clickWidget(page, 'import:replace');
  const st = await until(page, (s) => s.documents.includes('story.txt'));
  assert.deepEqual(st.documents, ['beijing-declaration-2000.txt', 'story.txt']);
  assert.equal(st.documents[st.active], 'story.txt', 'the opened document is shown');
  assert.match(st.message, /story\.ann/);
  const ws = await exported(page);
  const doc = ws.documents.find((d) => d.name === 'story.txt');
  assert.equal(doc.text, STORY);
  assert.equal(doc.spans.length, STORY_SPANS.length);
  const chars = Array.from(STORY);
  for (const [label, word, nth = 0] of STORY_SPANS) {
    const start = cpOffset(STORY, word, nth);
    const sp = doc.spans.find((x) => x.start === start);
    assert.ok(sp, `a span at ${start} (${word})`);
    assert.deepEqual([sp.label, sp.end, sp.text], [label, start + cpLength(word), word]);
    assert.equal(chars.slice(sp.start, sp.end).join(''), word, 'code-point offsets');
  }
  assert.equal(doc.relations.length, 1);
  assert.equal(doc.relations[0].label, 'Located_in');
  assert.ok(ws.schema.spanLabels.some((l) => l.name === 'Misc'));
  await frames(page, 3);
  await screenshot(page, 'formats-imported.png');

  const zip = await exportAs(page, 'export-brat', { shot: 'formats-export-menu.png' });
  assert.equal(zip.name, 'workspace-Ana-brat.zip');
  const files = readStoredZip(zip.bytes);
  assert.deepEqual([...files.keys()].sort(), ['annotation.conf', 'beijing-declaration-2000.ann',
    'beijing-declaration-2000.txt', 'kb_shortcuts.conf', 'story.ann', 'story.txt', 'visual.conf']);
  assert.ok(files.get('story.txt').equals(Buffer.from(STORY)), 'the .txt is byte-identical');
  assert.ok(files.get('beijing-declaration-2000.txt').equals(Buffer.from(sampleText)));
  assert.deepEqual(annSet(files.get('story.ann').toString('utf8')), annSet(STORY_ANN));
  assert.match(files.get('annotation.conf').toString('utf8'), /^Misc$/m);
  assert.match((await state(page)).message, /Downloaded workspace-Ana-brat\.zip/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('CoNLL IOB2 export: B-/I- tags, blank lines between sentences, the overlap is reported', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const text = 'Ana Lima met Bo.\nBo works at Acme Corp in Lisbon.\n';
  const ann = bratPair(text, [['Person', 'Ana Lima'], ['Person', 'Bo'], ['Organization', 'Acme Corp'],
    ['Organization', 'Acme Corp in Lisbon'], ['Location', 'Lisbon']]);
  await chooseFiles(page, [['team.txt', text], ['team.ann', ann]]);
  await clickWidget(page, 'import:workspace');
  let st = await until(page, (s) => s.documents.length === 1 && s.documents[0] === 'team.txt');
  assert.equal(st.spans, 5);

  const conll = await exportAs(page, 'export-conll-iob2', { keepWarnings: true });
  assert.equal(conll.name, 'workspace-Ana-iob2.conll');
  const body = conll.bytes.toString('utf8');
  assert.match(body, /^Ana\s+B-Person$/m);
  assert.match(body, /^Lima\s+I-Person$/m);
  assert.match(body, /^met\s+O$/m);
  assert.match(body, /^Acme\s+B-Organization$/m);
  assert.match(body, /^Corp\s+I-Organization$/m);
  const sentences = body.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  assert.equal(sentences.length, 2, 'a blank line between the two sentences');
  assert.match(sentences[0], /^Bo\s+B-Person$/m);
  assert.match(sentences[1], /^Bo\s+O$/m, 'only the first Bo was labelled');
  // CoNLL cannot hold the overlapping span: the user is told, in the status and in a list.
  st = await until(page, (s) => s.exportWarnings.length > 0);
  assert.ok(st.exportWarnings.some((w) => /overlap/i.test(w)), JSON.stringify(st.exportWarnings));
  assert.match(st.message, /Downloaded workspace-Ana-iob2\.conll with \d+ warning/);
  await frames(page, 3);
  await screenshot(page, 'formats-export-warnings.png');
  await clickWidget(page, 'export-warnings:ok');
  assert.ok(await gone(page, 'export-warnings:ok'), 'OK closes the warnings dialog');

  // IOB1 (CoNLL-2003): a span not following one of its own type starts with I-.
  const iob1 = (await exportAs(page, 'export-conll-iob1')).bytes.toString('utf8');
  assert.match(iob1, /^Ana\s+I-Person$/m);

  // The JSON formats hold overlaps: every span is there, with code-point offsets.
  const lisbon = cpOffset(text, 'Lisbon');
  const doccano = (await exportAs(page, 'export-doccano')).bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(doccano.length, 1);
  assert.equal(doccano[0].text, text);
  assert.equal(doccano[0].entities.length, 5);
  assert.ok(doccano[0].entities.some((e) => e.label === 'Location' && e.start_offset === lisbon));
  const labelForm = (await exportAs(page, 'export-doccano-label')).bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(labelForm[0].label.find((l) => l[2] === 'Location'), [lisbon, lisbon + 6, 'Location']);
  const webanno = await exportAs(page, 'export-webanno');
  assert.equal(webanno.name, 'workspace-Ana.jsonld');
  const collection = JSON.parse(webanno.bytes.toString('utf8'));
  assert.equal(collection.type, 'AnnotationCollection');
  assert.match(JSON.stringify(collection), /"exact":"Acme Corp in Lisbon"/);
  await ctx.close();
});

test('Label Studio JSON: code-point offsets after an emoji, through File > Import, and back out', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const text = '😀😀 Zoë visited Αθήνα with 𝔊ödel.';
  const region = (id, word, label) => {
    // Label Studio counts code points (its own emoji test says so), not JS's UTF-16 units.
    const start = cpOffset(text, word);
    return { id, from_name: 'label', to_name: 'text', type: 'labels',
      value: { start, end: start + Array.from(word).length, text: word, labels: [label] } };
  };
  const tasks = [{ id: 7, data: { text }, annotations: [{ completed_by: 3, result: [
    region('a', 'Αθήνα', 'Location'), region('b', '𝔊ödel', 'Person'), region('c', 'Zoë', 'Person')] }] }];
  await chooseFiles(page, [['tasks.json', JSON.stringify(tasks), 'application/json']], async () => {
    await clickWidget(page, 'menu:File');
    await clickWidget(page, 'menu-item:import-other');
  });
  await clickWidget(page, 'import:workspace');
  await until(page, (s) => s.documents.length === 1 && s.spans === 3);
  const doc = (await exported(page)).documents[0];
  assert.equal(doc.text, text);
  for (const word of ['Αθήνα', '𝔊ödel', 'Zoë']) {
    const sp = doc.spans.find((s) => s.text === word);
    assert.ok(sp, word);
    assert.equal(sp.start, cpOffset(text, word), `${word} starts at its code-point offset`);
    assert.equal(Array.from(text).slice(sp.start, sp.end).join(''), word);
  }
  const out = await exportAs(page, 'export-labelstudio');
  assert.equal(out.name, 'workspace-Ana-labelstudio.json');
  const back = JSON.parse(out.bytes.toString('utf8'));
  const values = back[0].annotations.flatMap((a) => a.result).filter((r) => r.type === 'labels').map((r) => r.value);
  for (const word of ['Αθήνα', '𝔊ödel', 'Zoë']) {
    const v = values.find((x) => x.text === word);
    assert.ok(v, word);
    assert.equal(v.start, cpOffset(text, word), `${word}: code-point offsets again on the way out`);
    assert.equal(v.end, cpOffset(text, word) + Array.from(word).length);
  }
  await ctx.close();
});

test('a malformed .ann is named with its line, and nothing open changes', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const before = await exported(page);
  const text = 'Short text.\n';
  const ann = 'T1\tPerson 0 5\tShort\nT2\tPerson 6 99\ttext.\n';
  await chooseFiles(page, [['bad.txt', text], ['bad.ann', ann]]);
  const st = await until(page, (s) => /bad\.ann/.test(s.message));
  assert.match(st.message, /bad\.ann:2:\d+/, st.message);
  assert.deepEqual(st.documents, ['beijing-declaration-2000.txt']);
  assert.ok(await gone(page, 'import:replace'), 'no import offered');
  assert.deepEqual(await exported(page), before);
  // A plain .txt without an .ann partner still opens as a document.
  await chooseFiles(page, [['plain.txt', 'Just text, Zürich.\n']]);
  const st2 = await until(page, (s) => s.documents.includes('plain.txt'));
  assert.deepEqual(st2.documents, ['beijing-declaration-2000.txt', 'plain.txt']);
  await ctx.close();
});

// CRC-32 (IEEE, reflected), as ZIP wants it.
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

// A ZIP archive as ordinary zip tools write it: every file deflated (method 8); names ending in
// '/' are folder entries (stored, empty).
function deflatedZip(entries) {
  const locals = [], dir = [];
  let offset = 0;
  for (const [name, body] of entries) {
    const data = Buffer.from(body ?? '');
    const folder = name.endsWith('/');
    const packed = folder ? data : zlib.deflateRawSync(data, { level: 9 });
    const nameBuf = Buffer.from(name, 'utf8');
    const fields = (h, at) => {
      h.writeUInt16LE(20, at); h.writeUInt16LE(0x800, at + 2); h.writeUInt16LE(folder ? 0 : 8, at + 4);
      h.writeUInt16LE(0, at + 6); h.writeUInt16LE(0x21, at + 8);  // 1980-01-01 00:00
      h.writeUInt32LE(crc32(data), at + 10); h.writeUInt32LE(packed.length, at + 14);
      h.writeUInt32LE(data.length, at + 18); h.writeUInt16LE(nameBuf.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    dir.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const dirBuf = Buffer.concat(dir);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBuf.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBuf, end]);
}

// Each document's spans as "label [text]" strings, by document name.
function spansByDoc(ws) {
  return Object.fromEntries(ws.documents.map((d) => [d.name, d.spans.map((s) => `${s.label} ${s.start} [${s.text}]`).sort()]));
}

async function waitForImportModal(page) {
  for (let i = 0; i < 60 && !(await page.evaluate(() => window.scholion.widgetRect('import:workspace'))); i++) await frames(page, 1);
  await frames(page, 2);
}

test('the brat .zip that Export as writes opens again through Ctrl+O with the same spans', async () => {
  const { page, ctx, errors } = await openApp(env);
  await enterName(page, 'Ana');
  await chooseFiles(page, [['story.txt', STORY], ['story.ann', STORY_ANN]]);
  await waitForImportModal(page);
  await clickWidget(page, 'import:replace');
  await until(page, (s) => s.documents.includes('story.txt'));
  const original = spansByDoc(await exported(page));
  assert.equal(original['story.txt'].length, STORY_SPANS.length);
  const zip = await exportAs(page, 'export-brat');

  const { accept } = await chooseFiles(page, [[zip.name, zip.bytes, 'application/zip']]);
  // Ctrl+O offers what File > Open does, other tools' files and archives included.
  for (const ext of ['.txt', '.json', '.ann', '.conll', '.jsonl', '.zip']) assert.ok(accept.split(',').includes(ext), `Ctrl+O offers ${ext}: ${accept}`);
  await waitForImportModal(page);
  await screenshot(page, 'formats-zip-import-modal.png');
  await clickWidget(page, 'import:workspace');
  const st = await until(page, (s) => /Opened workspace/.test(s.message));
  assert.deepEqual([...st.documents].sort(), ['beijing-declaration-2000.txt', 'story.txt']);
  const back = await exported(page);
  assert.deepEqual(spansByDoc(back), original);
  assert.equal(back.documents.find((d) => d.name === 'story.txt').text, STORY);
  assert.equal(back.documents.find((d) => d.name === 'story.txt').relations.length, 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a deflated .zip with the brat pair in a folder opens through File > Import; a broken one is named', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const zip = deflatedZip([['corpus/', ''], ['corpus/story.txt', STORY], ['corpus/story.ann', STORY_ANN],
    ['__MACOSX/corpus/._story.txt', Buffer.from([0, 5, 22, 7, 0, 2, 0, 0])]]);
  assert.equal(zip.readUInt16LE(30 + 'corpus/'.length + 8), 8, 'corpus/story.txt is deflated');
  await chooseFiles(page, [['corpus.zip', zip, 'application/zip']], async () => {
    await clickWidget(page, 'menu:File');
    await clickWidget(page, 'menu-item:import-other');
  });
  await waitForImportModal(page);
  await clickWidget(page, 'import:workspace');
  await until(page, (s) => s.documents.length === 1 && s.documents[0] === 'story.txt');
  const ws = await exported(page);
  assert.equal(ws.documents[0].text, STORY);
  const want = STORY_SPANS.map(([label, word, nth = 0]) => `${label} ${cpOffset(STORY, word, nth)} [${word}]`).sort();
  assert.deepEqual(spansByDoc(ws)['story.txt'], want);

  // Cut short, the archive is refused with its name and the reason; nothing open changes.
  await chooseFiles(page, [['broken.zip', zip.subarray(0, zip.length - 30), 'application/zip']]);
  const st = await until(page, (s) => /broken\.zip/.test(s.message));
  assert.match(st.message, /^broken\.zip: not a zip archive/, st.message);
  assert.deepEqual(st.documents, ['story.txt']);
  assert.deepEqual(await exported(page), ws);
  await ctx.close();
});

test('a brat corpus opens with a configuration brat only warns about, and the dialog lists the warnings', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  const files = [
    ['a.txt', 'PU.1 binds DNA.', 'text/plain'],
    ['a.ann', 'T1\tProtein 0 4\tPU.1\nT2\tThing 11 14\tDNA\nA1\tCertainty T1 true\n', 'text/plain'],
    ['annotation.conf', '[spans]\nProtein\n----\nThing2\n[colours]\nx y\n[relations]\n[events]\n' +
      '[attributes]\nCertainty\tArg:Protein, Value:true|false\n', 'text/plain'],
    ['tools.conf', '[options]\n', 'text/plain'],
  ];
  await chooseFiles(page, files, async () => {
    await clickWidget(page, 'menu:File');
    await clickWidget(page, 'menu-item:import-other');
  });
  await until(page, (s) => s.importWarnings.length > 0);
  const st = await state(page);
  const all = st.importWarnings.join('\n');
  assert.match(all, /annotation\.conf:5: unexpected section \[colours\]/);
  assert.match(all, /type Thing is not defined in annotation\.conf/);
  assert.match(all, /tools\.conf: not read/);
  await frames(page, 3);
  assert.ok(await page.evaluate(() => window.scholion.widgetRect('import:warnings')), 'the list is drawn');
  await screenshot(page, 'brat-import-warnings.png');
  await clickWidget(page, 'import:workspace');
  await until(page, (s) => s.documents.length === 1 && s.spans === 2);
  const ws = await exported(page);
  assert.deepEqual(ws.schema.spanLabels.map((l) => l.name), ['Protein', 'Thing2']);
  const pu = ws.documents[0].spans.find((s) => s.text === 'PU.1');
  assert.equal(pu.attributes.Certainty, 'true');
  assert.deepEqual(ws.schema.attributes.find((a) => a.name === 'Certainty').values, ['true', 'false']);
  await ctx.close();
});

test('W3C Web Annotation export names documents by the base IRI typed in the Export menu', async () => {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Ana');
  await labelText(page, 'Vladimir Putin', '1');
  await clickWidget(page, 'menu:File');
  await clickWidget(page, 'menu:export-as');
  await clickWidget(page, 'export-webanno-base');
  await page.keyboard.type('https://example.org/texts/');
  await frames(page, 10);  // typed text reaches the field through the SDL queue
  await screenshot(page, 'webanno-base-iri.png');
  const download = await downloadOf(page, () => clickWidget(page, 'menu-item:export-webanno'));
  const collection = JSON.parse(download.bytes.toString('utf8'));
  assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(collection.id, 'https://example.org/texts/collection');
  const target = collection.first.items.find((a) => a.motivation === 'tagging').target;
  assert.match(target.source, /^https:\/\/example\.org\/texts\/.+/);
  await ctx.close();
});
