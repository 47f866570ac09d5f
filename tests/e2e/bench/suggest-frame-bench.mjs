// Browser benchmark (not a test): the tagger trains in the frame loop on about 10,000 labelled
// tokens; records the app's own CPU time per frame meanwhile (the worst frame is the figure).
// Run: SCHOLION_SITE=build/web/site node tests/e2e/bench/suggest-frame-bench.mjs
import { launch, frames } from '../harness.mjs';
import { benchPage } from './bench-page.mjs';
import { state } from '../gestures.mjs';

const env = await launch();
try {
  const { page, template, sample } = await benchPage(env);
  // The sample six times, with every occurrence of a few names and places labelled.
  const text = Array(6).fill(sample).join('\n');
  const names = { 'Jiang Zemin': 'Person', 'Vladimir Putin': 'Person', Putin: 'Person', China: 'GPE',
    Russia: 'GPE', Beijing: 'GPE', Moscow: 'GPE', 'United Nations': 'Organization' };
  const spans = [];
  const cps = Array.from(text);
  const joined = cps.join('');
  for (const [needle, label] of Object.entries(names)) {
    let at = -1;
    while ((at = joined.indexOf(needle, at + 1)) >= 0) {
      const start = Array.from(joined.slice(0, at)).length;
      if (!spans.some((s) => start < s.end && s.start < start + needle.length))
        spans.push({ id: `T${spans.length + 1}`, label, start, end: start + Array.from(needle).length });
    }
  }
  const ws = { ...template, documents: [{ id: 'bench', name: 'bench.txt', text, spans }] };
  const runs = [];
  for (let run = 0; run < 3; run++) {
    const r = await page.evaluate((j) => window.scholion.importJson(j), JSON.stringify(ws));
    if (!r.ok) throw new Error(r.error);
    await page.evaluate(() => window.scholion.frameTimes());
    const t0 = Date.now();
    let st;
    do {
      await frames(page, 5);
      st = await state(page);
    } while ((st.suggestions.training || st.suggestions.taggerSpans === 0) && Date.now() - t0 < 120000);
    const times = await page.evaluate(() => window.scholion.frameTimes());
    times.sort((a, b) => a - b);
    runs.push({ worst: times[times.length - 1], median: times[Math.floor(times.length / 2)], frames: times.length,
      seconds: (Date.now() - t0) / 1000, tokens: st.suggestions.taggerTokens, spans: st.suggestions.taggerSpans,
      shown: st.suggestions.shown.length });
  }
  for (const r of runs)
    console.log(`trained on ${r.tokens} tokens (${r.spans} spans) in ${r.seconds.toFixed(1)} s of page time: ` +
      `${r.frames} frames, median ${r.median.toFixed(2)} ms, worst ${r.worst.toFixed(1)} ms; ${r.shown} suggestions shown`);
  const worst = runs.map((r) => r.worst).sort((a, b) => a - b);
  console.log(`worst frame while training, median of ${runs.length} runs: ${worst[Math.floor(worst.length / 2)].toFixed(1)} ms`);
} finally {
  await env.close();
}
