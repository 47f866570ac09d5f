// The benchmark workspace: the sample text repeated to 1 MiB with 25,000 spans and 2,500 relations.
import crypto from 'node:crypto';

const SPANS = 25000, RELATIONS = 2500, TARGET_BYTES = 1 << 20;

// template: an exported workspace (schema, annotator); sample: the text to repeat.
export function buildWorkspace(template, sample) {
  let text = '';
  while (Buffer.byteLength(text) < TARGET_BYTES) text += sample;
  const words = [];
  const re = /[A-Za-z]{4,}/g;
  let m;
  // Word positions in code points (JS strings index UTF-16 units).
  const prefix = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) { prefix[i] = cp; if (!(text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff)) cp++; }
  prefix[text.length] = cp;
  while ((m = re.exec(text)) && words.length < SPANS) words.push([prefix[m.index], prefix[m.index + m[0].length], m[0]]);
  const labels = template.schema.spanLabels.map((l) => l.name);
  const spans = words.map(([s, e, w], i) => ({ id: `T${i + 1}`, label: labels[i % 4 === 0 ? 0 : (i % 3) + 1], start: s, end: e, text: w }));
  const person = spans.filter((s) => s.label === labels[0]);
  const relations = [];
  for (let i = 0; relations.length < RELATIONS && i + 1 < person.length; i += 2)
    relations.push({ id: `R${relations.length + 1}`, label: 'meets-with', from: person[i].id, to: person[i + 1].id });
  const doc = { id: 'big', name: 'big.txt', text, sha256: crypto.createHash('sha256').update(text).digest('hex'), spans, relations };
  return { ...template, documents: [doc], activeDocument: 0 };
}
