// Browser benchmark (not a test): open a 1 MiB / 25,000-span / 2,500-relation workspace in
// headless Chromium, then record the app's own per-frame CPU time while scrolling and while
// adding spans. Run: ./emsdk-build.sh bench (or SCHOLION_SITE=build/web/site node this-file).
import crypto from 'node:crypto';
import { launch, openApp, frames } from '../harness.mjs';
import { enterName } from '../gestures.mjs';

const SPANS = 25000, RELATIONS = 2500, TARGET_BYTES = 1 << 20;

function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor((p / 100) * v.length))];
}

function buildWorkspace(template, sample) {
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

const env = await launch();
try {
  const { page } = await openApp(env, { width: 1280, height: 800 });
  await enterName(page, 'Bench');
  const template = JSON.parse(await page.evaluate(() => window.scholion.exportJson()));
  const sample = await page.evaluate(() => window.scholion.documentText());
  const ws = buildWorkspace(template, sample);
  const json = JSON.stringify(ws);
  console.log(`workspace: ${(Buffer.byteLength(ws.documents[0].text) / 1048576).toFixed(2)} MiB text, ` +
    `${ws.documents[0].spans.length} spans, ${ws.documents[0].relations.length} relations, ${(json.length / 1e6).toFixed(1)} MB JSON`);
  const opens = [];
  for (let run = 0; run < 5; run++) {
    const ms = await page.evaluate(async (j) => {
      const t0 = performance.now();
      const r = window.scholion.importJson(j);
      if (!r.ok) throw new Error(r.error);
      await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      return performance.now() - t0;
    }, json);
    opens.push(ms);
  }
  console.log(`open (import + first frames), median of 5: ${percentile(opens, 50).toFixed(0)} ms`);

  await page.mouse.move(640, 400);
  await page.evaluate(() => window.scholion.frameTimes());
  for (let i = 0; i < 150; i++) {
    await page.mouse.wheel(0, 240);
    await frames(page, 1);
  }
  const scroll = await page.evaluate(() => window.scholion.frameTimes());
  console.log(`scrolling: ${scroll.length} frames, median ${percentile(scroll, 50).toFixed(2)} ms, p95 ${percentile(scroll, 95).toFixed(2)} ms`);

  const st = JSON.parse(await page.evaluate(() => window.scholion.exportJson()));
  const text = st.documents[0].text;
  await page.evaluate(() => window.scholion.frameTimes());
  let added = 0;
  for (let i = 0; i < 60; i++) {
    // Short words (3 letters) are not spans yet: select one and press the Person key.
    const at = 1000 + i * 4001;
    const m = /\b[a-z]{3}\b/.exec(text.slice(at));
    if (!m) continue;
    const s = Array.from(text.slice(0, at + m.index)).length;
    await page.evaluate(([a, b]) => window.scholion.select(a, b), [s, s + 3]);
    await frames(page, 2);
    await page.keyboard.press('1');
    await frames(page, 2);
    added++;
  }
  const adding = await page.evaluate(() => window.scholion.frameTimes());
  const after = await page.evaluate(() => window.scholion.state());
  console.log(`adding ${added} spans (now ${after.spans}): ${adding.length} frames, median ${percentile(adding, 50).toFixed(2)} ms, p95 ${percentile(adding, 95).toFixed(2)} ms, max ${Math.max(...adding).toFixed(2)} ms`);
} finally {
  await env.close();
}
