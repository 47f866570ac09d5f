// Browser benchmark (not a test): the tagger trains in the frame loop on about 10,000 labelled
// tokens; records the app's own time per frame meanwhile (the worst frame is the figure).
// Run: SCHOLION_SITE=build/web/site node tests/e2e/bench/suggest-frame-bench.mjs
// (SCHOLION_BENCH_COPIES=N: the sample N times instead of 12; 108 copies are about 100,000 tokens.)
import { launch, frames } from '../harness.mjs';
import { benchPage, machineNoise } from './bench-page.mjs';
import { state } from '../gestures.mjs';

const env = await launch();
try {
  const { page, template, sample } = await benchPage(env);
  // The sample twelve times (over 10,000 tokens), with every occurrence of a few names and places
  // labelled.
  const copies = Number(process.env.SCHOLION_BENCH_COPIES || 12);
  const text = Array(copies).fill(sample).join('\n');
  const names = { 'Jiang Zemin': 'Person', 'Vladimir Putin': 'Person', Putin: 'Person', China: 'GPE',
    Russia: 'GPE', Beijing: 'GPE', Moscow: 'GPE', 'United Nations': 'Organization' };
  const spans = [];
  const cps = Array.from(text);
  const joined = cps.join('');
  // Code point offset of each UTF-16 index, and the code points already in a span.
  const cpAt = new Uint32Array(joined.length + 1);
  for (let i = 0, cp = 0; i <= joined.length; cp++) {
    cpAt[i] = cp;
    if (i === joined.length) break;
    const wide = joined.codePointAt(i) > 0xffff;
    if (wide) cpAt[i + 1] = cp;
    i += wide ? 2 : 1;
  }
  const taken = new Uint8Array(cps.length);
  for (const [needle, label] of Object.entries(names)) {
    let at = -1;
    while ((at = joined.indexOf(needle, at + 1)) >= 0) {
      const start = cpAt[at], end = cpAt[at + needle.length];
      if (!taken.subarray(start, end).some((t) => t)) {
        taken.fill(1, start, end);
        spans.push({ id: `T${spans.length + 1}`, label, start, end });
      }
    }
  }
  const ws = { ...template, documents: [{ id: 'bench', name: 'bench.txt', text, spans }] };
  const runs = [];
  let lastSpans = 0;
  for (let run = 0; run < 3; run++) {
    // Run 1 trains after the workspace is opened; runs 2 and 3 retrain after one more labelled
    // span (a short word labelled Person, as a user adds a batch).
    if (run === 0) {
      const r = await page.evaluate((j) => window.scholion.importJson(j), JSON.stringify(ws));
      if (!r.ok) throw new Error(r.error);
    } else {
      const m = /\b[a-z]{3}\b/.exec(joined.slice(2000 * run));
      const at = Array.from(joined.slice(0, 2000 * run + m.index)).length;
      await page.evaluate(([a, b]) => window.scholion.select(a, b), [at, at + 3]);
      await frames(page, 2);
      await page.keyboard.press('1');
    }
    // The import and its first layout are not training: they are done after two frames, then
    // the app waits (frames on demand) until the pause before training has passed.
    await frames(page, 2);
    await page.evaluate(() => window.scholion.frameTimes());
    const counts0 = await page.evaluate(() => window.scholion.frameCounts());
    const t0 = Date.now();
    let st;
    do {
      await frames(page, 5);
      st = await state(page);
    } while ((st.suggestions.training || st.suggestions.taggerSpans <= lastSpans) && Date.now() - t0 < 120000);
    lastSpans = st.suggestions.taggerSpans;
    do {  // the frames that predict with the new model
      await frames(page, 3);
      st = await state(page);
    } while (st.suggestions.suggesting && Date.now() - t0 < 120000);
    const times = await page.evaluate(() => window.scholion.frameTimes());
    const counts1 = await page.evaluate(() => window.scholion.frameCounts());
    times.sort((a, b) => a - b);
    const g = st.suggestions;
    runs.push({ worst: times[times.length - 1], median: times[Math.floor(times.length / 2)], frames: times.length,
      notRedrawn: counts1.notRedrawn - counts0.notRedrawn, seconds: (Date.now() - t0) / 1000, tokens: g.taggerTokens, spans: g.taggerSpans, shown: g.shownCount,
      slice: g.worstSliceMs, step: g.worstStepMs ?? NaN, stepJob: g.worstStepJob, matchBuild: g.matchBuildMs, prepare: g.prepareMs, suggest: g.suggestMs });
  }
  for (const r of runs)
    console.log(`trained on ${r.tokens} tokens (${r.spans} spans) in ${r.seconds.toFixed(1)} s of page time: ` +
      `${r.frames} frames (${r.notRedrawn} not redrawn: the picture was on screen), median ${r.median.toFixed(2)} ms, worst ${r.worst.toFixed(1)} ms; longest training ` +
      `slice ${r.slice.toFixed(1)} ms (longest step ${r.step.toFixed(1)} ms, in ${r.stepJob}; longest slice of the string-match rebuild ${r.matchBuild.toFixed(1)} ms), preparing the data ${r.prepare.toFixed(1)} ms, predicting the shown ` +
      `suggestions ${r.suggest.toFixed(1)} ms; ${r.shown} suggestions shown`);
  const worst = runs.map((r) => r.worst).sort((a, b) => a - b);
  console.log(`worst frame while training, median of ${runs.length} runs: ${worst[Math.floor(worst.length / 2)].toFixed(1)} ms; ` +
    `the machine's noise (longest busy-loop slice, 2 s) right after: ${(await machineNoise(page)).toFixed(1)} ms`);
} finally {
  await env.close();
}
