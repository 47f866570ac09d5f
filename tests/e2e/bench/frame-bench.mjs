// Browser benchmark (not a test): open a 1 MiB / 25,000-span / 2,500-relation workspace in
// headless Chromium, then record the app's own time per frame while scrolling and while
// adding spans. Run: ./emsdk-build.sh bench (or SCHOLION_SITE=build/web/site node this-file).
// With the argument save: only the autosave runs at the end (open, scroll through the save;
// scroll again after it; add a span and scroll through the save of that edit), each scrolling
// also traced by Chromium for its frames' CPU time (SCHOLION_BENCH_VIEWPORT=480x320 for a smaller
// window).
// With the argument 250k: a 250,000-character text with 6,000 spans and 3,000 relations at mixed
// distances (same line, a few lines, many lines) instead. With zh or ar: 1 MiB of Chinese or
// Arabic text with 25,000 spans (script-text.mjs), and the time of the first frame of screens
// full of glyphs never drawn before.
import { launch, openApp, frames } from '../harness.mjs';
import { benchPage, longFrames, machineNoise, tracedFrames } from './bench-page.mjs';
import { enterName } from '../gestures.mjs';
import { buildWorkspace, relationWorkspace } from './workspace.mjs';
import { scriptWorkspace } from './script-text.mjs';

function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor((p / 100) * v.length))];
}

const env = await launch();
try {
  const { page, template, sample } = await benchPage(env);
  const script = ['zh', 'ar'].includes(process.argv[2]) ? process.argv[2] : null;
  const ws = process.argv[2] === '250k'
    ? relationWorkspace(template, sample, { chars: 250000, spans: 6000, relations: 3000 })
    : script ? scriptWorkspace(template, script) : buildWorkspace(template, sample);
  const json = JSON.stringify(ws);
  console.log(`workspace: ${(Buffer.byteLength(ws.documents[0].text) / 1048576).toFixed(2)} MiB text, ` +
    `${ws.documents[0].spans.length} spans, ${ws.documents[0].relations.length} relations, ${(json.length / 1e6).toFixed(1)} MB JSON`);
  const saveOnly = process.argv[2] === 'save';
  if (!saveOnly) await openScrollAndAdd();
  async function openScrollAndAdd() {
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

    if (script) {
      // Jumps to places not drawn before: the first frame there measures and rasterises every
      // glyph (or shaped word) of the screen; the next frames draw from the atlas.
      const doc = JSON.parse(await page.evaluate(() => window.scholion.exportJson())).documents[0];
      const len = Array.from(doc.text).length;
      const firsts = [], counts = [];
      for (let j = 0; j < 9; j++) {
        const at = Math.floor(len * (0.1 + j * 0.1));
        const before = (await page.evaluate(() => window.scholion.glyphs()))?.rasterized ?? 0;
        await page.evaluate(() => window.scholion.frameTimes());
        await page.evaluate(([a]) => window.scholion.spanRect(a, a + 1), [at]);
        await frames(page, 3);
        const t = await page.evaluate(() => window.scholion.frameTimes());
        firsts.push(Math.max(...t));
        counts.push(((await page.evaluate(() => window.scholion.glyphs()))?.rasterized ?? 0) - before);
      }
      console.log(`a screen of unseen glyphs: first frame median ${percentile(firsts, 50).toFixed(1)} ms, ` +
        `max ${Math.max(...firsts).toFixed(1)} ms (9 jumps; pieces rasterised per screen: median ${percentile(counts, 50)})`);
    }

    const st = JSON.parse(await page.evaluate(() => window.scholion.exportJson()));
    const text = st.documents[0].text;
    await page.evaluate(() => window.scholion.frameTimes());
    let added = 0;
    const arcBuilds = [];
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
      // The arc layout's last rebuild (the one this span caused), when the page reports it.
      const built = (await page.evaluate(() => window.scholion.state())).textView.arcBuildMs;
      if (typeof built === 'number') arcBuilds.push(built);
    }
    const adding = await page.evaluate(() => window.scholion.frameTimes());
    const after = await page.evaluate(() => window.scholion.state());
    if (adding.length) console.log(`adding ${added} spans (now ${after.spans}): ${adding.length} frames, median ${percentile(adding, 50).toFixed(2)} ms, p95 ${percentile(adding, 95).toFixed(2)} ms, max ${Math.max(...adding).toFixed(2)} ms`);

    const sg = after.suggestions;
    console.log(`suggestions while adding: longest slice of the string-match rebuild ${sg.matchBuildMs.toFixed(1)} ms, longest slice of the ` +
      `shown set ${sg.suggestMs.toFixed(1)} ms, longest step ${sg.worstStepMs.toFixed(1)} ms (${sg.worstStepJob})`);
    if (arcBuilds.length)
      console.log(`arc layout rebuild per added span: median ${percentile(arcBuilds, 50).toFixed(2)} ms, max ${Math.max(...arcBuilds).toFixed(2)} ms`);
  }

  // Autosave while scrolling, each run in a fresh page (no earlier failed save delaying the next
  // try): the workspace is opened, and the scrolling runs through the debounced save after it.
  // Then, the save finished, the same scrolling again: what the frames cost without saving.
  const scrollFor = async (p, ms) => {
    await p.evaluate(() => window.scholion.frameTimes());
    const t0 = Date.now();
    while (Date.now() - t0 < ms) {
      await p.mouse.wheel(0, 240);
      await frames(p, 1);
    }
    return p.evaluate(() => window.scholion.frameTimes());
  };
  // The same scrolling traced by Chromium: frames over 16 ms on the clock, and the most CPU time
  // any frame took (what the page itself spent, waiting for a core left out).
  const tracedScroll = async (p, ms, label, cpuWorst) => {
    const { result, frames: traced } = await tracedFrames(p, () => scrollFor(p, ms));
    const long = longFrames(traced, Infinity);
    cpuWorst.push(long.mostCpu);
    console.log(`         traced, ${label}: ${traced.length} frames of the app, ${long.text}`);
    return result;
  };
  const cpuSaving = [], cpuAfter = [], cpuEdit = [];
  // SCHOLION_BENCH_VIEWPORT=480x320: the same with a seventh of the pixels for the software
  // rasterizer to fill, to see how much of a long frame was waiting for it.
  const [vw, vh] = (process.env.SCHOLION_BENCH_VIEWPORT || '1280x800').split('x').map(Number);
  const viewport = { width: vw, height: vh };
  const worst = [], worstSaving = [], worstAfter = [], worstEdit = [], worstEditSaving = [], noiseFloor = [];
  for (let run = 0; run < (script ? 0 : 3); run++) {
    const fresh = await openApp(env, viewport);
    await enterName(fresh.page, 'Bench');
    const r = await fresh.page.evaluate((j) => window.scholion.importJson(j), json);
    if (!r.ok) throw new Error(r.error);
    await frames(fresh.page, 2);
    await fresh.page.mouse.move(viewport.width / 2, viewport.height / 2);
    const times = await tracedScroll(fresh.page, 4000, 'through the first save', cpuSaving);
    let st = await fresh.page.evaluate(() => window.scholion.state());
    // How long the save still ran once the scrolling stopped.
    const scrollEnd = Date.now();
    for (let i = 0; i < 600 && st.savePending && !st.saveError; i++) {
      await fresh.page.waitForTimeout(100);
      st = await fresh.page.evaluate(() => window.scholion.state());
    }
    const saveTail = Date.now() - scrollEnd;
    const after = await tracedScroll(fresh.page, 4000, 'after the save', cpuAfter);
    // Then an edit (a new span, as a user adds one) and the same scrolling through the save it
    // causes: in use, saves follow edits in a page whose code has already run once.
    const text = JSON.parse(await fresh.page.evaluate(() => window.scholion.exportJson())).documents[0].text;
    const at = 20000 + run * 4001, m = /\b[a-z]{3}\b/.exec(text.slice(at));
    const s0 = Array.from(text.slice(0, at + m.index)).length;
    await fresh.page.evaluate(([a, b]) => window.scholion.select(a, b), [s0, s0 + 3]);
    await frames(fresh.page, 2);
    const savesBefore = (await fresh.page.evaluate(() => window.scholion.state())).saves;
    await fresh.page.keyboard.press('1');
    const edited = await tracedScroll(fresh.page, 4000, 'through an edit\'s save', cpuEdit);
    let st2 = await fresh.page.evaluate(() => window.scholion.state());
    for (let i = 0; i < 600 && st2.savePending && !st2.saveError; i++) {
      await fresh.page.waitForTimeout(100);
      st2 = await fresh.page.evaluate(() => window.scholion.state());
    }
    if (st2.saves <= savesBefore) throw new Error('the edit was not saved');
    worstEdit.push(Math.max(...edited));
    worstEditSaving.push(st2.saveLatestMs.frame);
    worst.push(Math.max(...times));
    worstSaving.push(st.saveWorstMs.frame);
    worstAfter.push(Math.max(...after));
    const noise = await machineNoise(fresh.page);
    noiseFloor.push(noise);
    const saved = st.saveError ? `failed: ${st.saveError.slice(0, 40)}...` : st.savePending ? 'pending'
      : saveTail < 100 ? 'done while scrolling' : `done ${saveTail} ms after the scrolling`;
    console.log(`  run ${run + 1}: ${times.length} frames, worst ${Math.max(...times).toFixed(1)} ms, ` +
      `p95 ${percentile(times, 95).toFixed(2)} ms; save ${saved}, longest save work in one frame ` +
      `${st.saveWorstMs.frame.toFixed(1)} ms (begin ${st.saveWorstMs.begin.toFixed(1)}, step ` +
      `${st.saveWorstMs.step.toFixed(1)}, commit ${st.saveWorstMs.commit.toFixed(1)}); after the save: ${after.length} frames, worst ` +
      `${Math.max(...after).toFixed(1)} ms, p95 ${percentile(after, 95).toFixed(2)} ms; longest busy-loop slice ` +
      `(the machine's noise) ${noise.toFixed(1)} ms`);
    const ls = st2.saveLatestMs;
    console.log(`         after an edit: ${edited.length} frames through its save, worst ${Math.max(...edited).toFixed(1)} ms, ` +
      `p95 ${percentile(edited, 95).toFixed(2)} ms; longest save work in one frame ${ls.frame.toFixed(1)} ms (begin ` +
      `${ls.begin.toFixed(1)}, step ${ls.step.toFixed(1)}, commit ${ls.commit.toFixed(1)})`);
    await fresh.ctx.close();
  }
  if (!script) console.log(`worst frame while scrolling through the autosave, median of 3: ${percentile(worst, 50).toFixed(1)} ms; ` +
    `longest save work in one frame: ${percentile(worstSaving, 50).toFixed(1)} ms; ` +
    `worst frame scrolling after the save: ${percentile(worstAfter, 50).toFixed(1)} ms; ` +
    `worst frame scrolling through the save of an edit: ${percentile(worstEdit, 50).toFixed(1)} ms ` +
    `(its longest save work in one frame ${percentile(worstEditSaving, 50).toFixed(1)} ms); ` +
    `the machine's noise: ${percentile(noiseFloor, 50).toFixed(1)} ms`);
  if (!script) console.log(`most CPU in one frame (traced), median of 3: through the first save ` +
    `${percentile(cpuSaving, 50).toFixed(1)} ms, after it ${percentile(cpuAfter, 50).toFixed(1)} ms, ` +
    `through an edit's save ${percentile(cpuEdit, 50).toFixed(1)} ms`);
} finally {
  await env.close();
}
