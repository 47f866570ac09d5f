// Browser benchmark (not a test): the autosave of the 1 MiB / 25,000-span / 2,500-relation
// workspace in IndexedDB: saving it whole, saving one new span (only that document's record),
// and restoring it on reload. Run: ./emsdk-build.sh bench (or SCHOLION_SITE=build/web/site node
// this-file [runs]); prints medians of the runs (5 by default).
import { launch, openApp, frames } from '../harness.mjs';
import { enterName } from '../gestures.mjs';
import { buildWorkspace } from './workspace.mjs';

const RUNS = Number(process.argv[2] || 5);
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Flushes the save now (every changed record written at once) and waits until the transaction
// committed and the app took the answer in; ms.
const flushAndWait = (page) => page.evaluate(async () => {
  const t0 = performance.now();
  window.scholion.flushSave();
  while (window.scholion.state().savePending) await new Promise((r) => setTimeout(r, 2));
  return performance.now() - t0;
});

const env = await launch();
const rows = { whole: [], sliced: [], one: [], storeRead: [], ready: [], frames: [] };
try {
  let json = null;
  for (let run = 0; run < RUNS; run++) {
    const { page, ctx } = await openApp(env, { width: 1280, height: 800 });
    await enterName(page, 'Bench');
    if (!json) {
      const template = JSON.parse(await page.evaluate(() => window.scholion.exportJson()));
      const sample = await page.evaluate(() => window.scholion.documentText());
      json = JSON.stringify(buildWorkspace(template, sample));
    }
    await page.evaluate(() => window.scholion.flushSave());
    await frames(page, 3);
    // Whole workspace at once (as when the page is hidden): serialise + one transaction.
    const r = await page.evaluate((j) => window.scholion.importJson(j), json);
    if (!r.ok) throw new Error(r.error);
    rows.whole.push(await flushAndWait(page));
    // The same save in slices, as the debounced autosave does it: wall time from the change to
    // stored, and the frames it took.
    await page.evaluate(() => window.scholion.loadText('other.txt', 'x'));
    await frames(page, 2);
    await page.evaluate(() => window.scholion.frameTimes());
    const sliced = await page.evaluate(async (j) => {
      window.scholion.importJson(j);
      const t0 = performance.now();
      while (window.scholion.state().savePending) await new Promise((res) => setTimeout(res, 2));
      return performance.now() - t0;
    }, json);
    rows.sliced.push(sliced);
    rows.frames.push(Math.max(...(await page.evaluate(() => window.scholion.frameTimes()))));
    // One more span: only that document's record (and the manifest) are written.
    await page.evaluate(() => window.scholion.select(5, 9));
    await frames(page, 2);
    await page.keyboard.press('1');
    await frames(page, 2);
    rows.one.push(await flushAndWait(page));
    // Restore: reload, the records read from IndexedDB, the app started with them.
    await page.reload();
    await page.evaluate(() => window.scholion.ready);
    const phases = await page.evaluate(() => window.scholionStartup().phases);
    const st = await page.evaluate(() => window.scholion.state());
    if (st.spans !== 25001) throw new Error(`restored ${st.spans} spans`);
    rows.storeRead.push(phases.store);
    rows.ready.push(phases.ready);
    console.log(`run ${run + 1}: whole ${rows.whole[run].toFixed(0)} ms, sliced ${sliced.toFixed(0)} ms ` +
      `(worst frame ${rows.frames[run].toFixed(1)} ms), one span ${rows.one[run].toFixed(0)} ms, ` +
      `records read at ${phases.store.toFixed(0)} ms, ready at ${phases.ready.toFixed(0)} ms`);
    await ctx.close();
  }
  console.log(`medians of ${RUNS}: save whole ${median(rows.whole).toFixed(0)} ms; save in slices ` +
    `${median(rows.sliced).toFixed(0)} ms from the change (0.3 s debounce included), worst frame ` +
    `${median(rows.frames).toFixed(1)} ms; save one span ${median(rows.one).toFixed(0)} ms; restore: ` +
    `records read ${median(rows.storeRead).toFixed(0)} ms, workspace on screen ${median(rows.ready).toFixed(0)} ms after navigation`);
} finally {
  await env.close();
}
