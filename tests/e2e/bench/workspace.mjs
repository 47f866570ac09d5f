// The benchmark workspace: the sample text repeated to 1 MiB with 25,000 spans and 2,500 relations.
import crypto from 'node:crypto';

const SPANS = 25000, RELATIONS = 2500, TARGET_BYTES = 1 << 20;

// template: an exported workspace (schema, annotator); sample: the text to repeat; the size and
// the number of spans can be changed (the storage tests use a 5 MB document).
export function buildWorkspace(template, sample, { bytes = TARGET_BYTES, spanCount = SPANS } = {}) {
  let text = '';
  while (Buffer.byteLength(text) < bytes) text += sample;
  const words = [];
  const re = /[A-Za-z]{4,}/g;
  let m;
  // Word positions in code points (JS strings index UTF-16 units).
  const prefix = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) { prefix[i] = cp; if (!(text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff)) cp++; }
  prefix[text.length] = cp;
  while ((m = re.exec(text)) && words.length < spanCount) words.push([prefix[m.index], prefix[m.index + m[0].length], m[0]]);
  const labels = template.schema.spanLabels.map((l) => l.name);
  const spans = words.map(([s, e, w], i) => ({ id: `T${i + 1}`, label: labels[i % 4 === 0 ? 0 : (i % 3) + 1], start: s, end: e, text: w }));
  const person = spans.filter((s) => s.label === labels[0]);
  const relations = [];
  for (let i = 0; relations.length < RELATIONS && i + 1 < person.length; i += 2)
    relations.push({ id: `R${relations.length + 1}`, label: 'meets-with', from: person[i].id, to: person[i + 1].id });
  const doc = { id: 'big', name: 'big.txt', text, sha256: crypto.createHash('sha256').update(text).digest('hex'), spans, relations };
  return { ...template, documents: [doc], activeDocument: 0 };
}

// The sample repeated and cut to `chars` code points.
export function repeatText(sample, chars) {
  let text = '';
  while (Array.from(text).length < chars) text += sample;
  return Array.from(text).slice(0, chars).join('');
}

// Words of four letters or more as [start, end, word], offsets in code points (JS strings index
// UTF-16 units).
export function wordsOf(text) {
  const cp = new Array(text.length + 1);
  for (let i = 0, n = 0; i <= text.length; i++) {
    cp[i] = n;
    const u = text.charCodeAt(i);
    if (!(u >= 0xdc00 && u <= 0xdfff)) n++;
  }
  const words = [];
  const re = /[A-Za-z]{4,}/g;
  let m;
  while ((m = re.exec(text))) words.push([cp[m.index], cp[m.index + m[0].length], m[0]]);
  return words;
}

// A workspace of `chars` code points (the sample repeated) with `spans` spans on words of four
// letters or more, spread evenly, and `relations` relations between them at mixed distances: most
// to a span a few words on (same line), some a few lines on, some many lines on. Relation types
// follow the schema's from/to rules unless `type` names one type for all.
export function relationWorkspace(template, sample, { chars, spans, relations, type }) {
  const text = repeatText(sample, chars);
  const words = wordsOf(text);
  const labels = template.schema.spanLabels.map((l) => l.name);
  const step = words.length / spans;
  const list = [];
  for (let i = 0; i < spans; i++) {
    const [start, end, w] = words[Math.floor(i * step)];
    list.push({ id: `T${i + 1}`, label: labels[i % 4 === 0 ? 0 : (i % 3) + 1], start, end, text: w });
  }
  const types = template.schema.relationTypes;
  const allowed = (a, b) => type || types.find((t) => t.from.includes(a.label) && t.to.includes(b.label))?.name;
  const distances = [1, 2, 1, 3, 2, 5, 1, 12, 2, 40];
  // Candidate pairs pass by pass (each pass one span further), then an even pick over the text.
  const cands = [];
  for (let pass = 0; pass < 4 && cands.length < relations; pass++)
    list.forEach((a, i) => {
      const b = list[i + distances[i % distances.length] + pass];
      const label = b && allowed(a, b);
      if (label) cands.push([i, { label, from: a.id, to: b.id }]);
    });
  cands.sort((x, y) => x[0] - y[0]);
  const n = Math.min(relations, cands.length);
  const rels = [];
  for (let k = 0; k < n; k++)
    rels.push({ id: `R${k + 1}`, ...cands[Math.floor((k * cands.length) / n)][1] });
  const doc = { id: `doc${chars}`, name: `doc-${chars}.txt`, text,
    sha256: crypto.createHash('sha256').update(text).digest('hex'), spans: list, relations: rels };
  return { ...template, documents: [doc], activeDocument: 0 };
}
