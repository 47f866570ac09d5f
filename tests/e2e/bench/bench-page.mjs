// The start every page benchmark shares: the app open at 1280×800 with a name entered, and the
// sample workspace and text to build the benchmark's own workspace from.
import { openApp } from '../harness.mjs';
import { enterName } from '../gestures.mjs';

export async function benchPage(env) {
  const { page } = await openApp(env, { width: 1280, height: 800 });
  await enterName(page, 'Bench');
  const template = JSON.parse(await page.evaluate(() => window.scholion.exportJson()));
  const sample = await page.evaluate(() => window.scholion.documentText());
  return { page, template, sample };
}

// The machine's own noise: the longest of many tiny slices of a busy loop in the page (2 s). On a
// loaded machine the page is descheduled for tens of milliseconds now and then; no frame measure
// taken in the same minutes can be told apart from that.
export function machineNoise(page) {
  return page.evaluate(() => {
    let longest = 0, x = 0;
    const end = performance.now() + 2000;
    while (performance.now() < end) {
      const t0 = performance.now();
      for (let i = 0; i < 20000; i++) x += i;
      longest = Math.max(longest, performance.now() - t0);
    }
    return x > 0 ? longest : 0;
  });
}

// The page's animation frames as Chromium's own trace saw them while `during` runs: each frame's
// time on the clock and its main thread's CPU time. A frame much longer on the clock than in CPU
// waited for a core (on two cores: the GPU process's software rasterizer, V8 compiling hot wasm
// in the background); the app's own clock cannot tell waiting from working.
export async function tracedFrames(page, during) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing'] }, transferMode: 'ReportEvents',
  });
  let result;
  try {
    await page.evaluate(() => performance.mark('scholion-bench-main-thread'));
    result = await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const probe = events.find((e) => e.name === 'scholion-bench-main-thread');
  if (!probe) throw new Error('the trace has no mark from the page: its main thread is unknown');
  const fired = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && e.pid === probe.pid && e.tid === probe.tid);
  if (fired.some((e) => e.tdur === undefined)) throw new Error('this Chromium gives no thread times in its trace');
  // Every requestAnimationFrame callback is an event of its own: the benchmark's waits for a frame
  // (well under 0.1 ms each) are left out, the app's frames (a millisecond or more) kept.
  const frames = fired.map((e) => ({ wallMs: e.dur / 1000, cpuMs: e.tdur / 1000 })).filter((f) => f.cpuMs >= 0.5);
  return { result, frames };
}

// Frames ({wallMs, cpuMs}) in one line: those over 16 ms on the clock with their CPU time (the
// first `shown`), and the most CPU any frame took.
export function longFrames(frames, shown = 8) {
  const long = frames.filter((f) => f.wallMs > 16);
  const list = long.slice(0, shown).map((f) => `${f.wallMs.toFixed(1)}/${f.cpuMs.toFixed(1)}`).join(', ');
  const mostCpu = Math.max(...frames.map((f) => f.cpuMs));
  return {
    mostCpu,
    text: `${long.length} over 16 ms on the clock (clock/CPU: ${list || 'none'}${long.length > shown ? ', ...' : ''}); ` +
      `most CPU in one frame ${mostCpu.toFixed(1)} ms`,
  };
}
