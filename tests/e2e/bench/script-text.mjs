// Benchmark workspaces in Chinese and Arabic: 1 MiB of generated text (a fixed pseudo-random
// sequence, so every run sees the same text) with 25,000 spans and 2,500 relations, for
// frame-bench.mjs zh|ar.
import crypto from 'node:crypto';

const TARGET_BYTES = 1 << 20, SPANS = 25000, RELATIONS = 2500;

function rng(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

// Chinese: sentences of 6 to 30 ideographs drawn from 20,000 (most screens hold characters never
// drawn before), with ，and 。, a paragraph every 8 sentences. Spans: two-character words.
// Arabic: words of 2 to 7 letters, sometimes a number, a paragraph every 60 words. Spans: words.
function generate(script) {
  const r = rng(script === 'zh' ? 13 : 31);
  const parts = [];
  let bytes = 0;
  let sentences = 0, words = 0;
  while (bytes < TARGET_BYTES) {
    let s = '';
    if (script === 'zh') {
      const n = 6 + r(25);
      for (let i = 0; i < n; i++) s += String.fromCodePoint(0x4e00 + r(20000));
      s += ++sentences % 8 === 0 ? '。\n' : r(3) === 0 ? '，' : '。';
    } else {
      if (r(15) === 0) {
        s = String(r(3000));
      } else {
        const n = 2 + r(6);
        for (let i = 0; i < n; i++) s += String.fromCodePoint(0x0621 + r(0x064a - 0x0621 + 1));
      }
      s += ++words % 60 === 0 ? '.\n' : ' ';
    }
    parts.push(s);
    bytes += Buffer.byteLength(s);
  }
  return parts.join('');
}

export function scriptWorkspace(template, script) {
  const text = generate(script);
  // Candidate spans as code-point ranges (the text is all BMP: UTF-16 index = code point).
  const cands = [];
  const re = script === 'zh' ? /[\u4e00-\u9fff]{2}/g : /[\u0621-\u064a]{2,}/g;
  let m;
  while ((m = re.exec(text))) cands.push([m.index, m.index + m[0].length, m[0]]);
  const labels = template.schema.spanLabels.map((l) => l.name);
  const step = cands.length / SPANS;
  const spans = [];
  for (let i = 0; i < SPANS && Math.floor(i * step) < cands.length; i++) {
    const [start, end, w] = cands[Math.floor(i * step)];
    spans.push({ id: `T${i + 1}`, label: labels[i % 4 === 0 ? 0 : (i % 3) + 1], start, end, text: w });
  }
  const person = spans.filter((s) => s.label === labels[0]);
  const relations = [];
  for (let i = 0; relations.length < RELATIONS && i + 1 < person.length; i += 2)
    relations.push({ id: `R${relations.length + 1}`, label: 'meets-with', from: person[i].id, to: person[i + 1].id });
  const doc = { id: 'big', name: `big-${script}.txt`, text, sha256: crypto.createHash('sha256').update(text).digest('hex'), spans, relations };
  return { ...template, documents: [doc], activeDocument: 0 };
}
