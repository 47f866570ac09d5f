// Browser benchmark (not a test): frames drawn and CPU used by the page while nobody touches it.
// Opens the app (the sample, then the 1 MiB / 25,000-span workspace), waits until it has settled
// (autosave written), then for RUNS x 30 s counts the frames the app drew and the CPU time of
// the page's renderer and of the GPU process (CDP SystemInfo.getProcessInfo). Prints medians.
// Run: ./emsdk-build.sh bench, or SCHOLION_SITE=build/web/site node this-file [seconds] [runs].
import { launch, openApp, frames } from '../harness.mjs';
import { enterName, until } from '../gestures.mjs';
import { buildWorkspace } from './workspace.mjs';

const SECONDS = Number(process.argv[2] || 30);
const RUNS = Number(process.argv[3] || 3);

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// CPU seconds so far of the renderer processes and of the GPU process.
async function cpuTimes(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  const out = { renderer: 0, gpu: 0 };
  for (const p of processInfo) {
    if (p.type === 'renderer') out.renderer += p.cpuTime;
    if (p.type === 'GPU' || p.type === 'gpu') out.gpu += p.cpuTime;
  }
  return out;
}

async function measureIdle(page, cdp, what) {
  const fps = [], app = [], gpu = [];
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate(() => window.scholion.frameTimes());  // clears the record
    const c0 = await cpuTimes(cdp);
    const t0 = Date.now();
    await sleep(SECONDS * 1000);
    const c1 = await cpuTimes(cdp);
    const secs = (Date.now() - t0) / 1000;
    const n = (await page.evaluate(() => window.scholion.frameTimes())).length;
    fps.push(n / secs);
    app.push((c1.renderer - c0.renderer) / secs);
    gpu.push((c1.gpu - c0.gpu) / secs);
  }
  console.log(`idle ${SECONDS} s with ${what}, median of ${RUNS}: ${median(fps).toFixed(2)} frames/s, ` +
    `page CPU ${median(app).toFixed(3)} cores (renderer) + ${median(gpu).toFixed(3)} cores (GPU process)`);
}

const env = await launch();
try {
  const cdp = await env.browser.newBrowserCDPSession();
  const { page } = await openApp(env, { width: 1280, height: 800 });
  await enterName(page, 'Bench');
  await page.mouse.move(1, 1);
  await until(page, (st) => !st.dirty);
  await sleep(2000);
  await measureIdle(page, cdp, 'the sample document');

  const template = JSON.parse(await page.evaluate(() => window.scholion.exportJson()));
  const sample = await page.evaluate(() => window.scholion.documentText());
  const json = JSON.stringify(buildWorkspace(template, sample));
  const r = await page.evaluate((j) => window.scholion.importJson(j), json);
  if (!r.ok) throw new Error(r.error);
  await frames(page, 3);
  // The autosave of this workspace may fail (it is larger than the browser storage): then it
  // backs off; either way the first attempt is over after a few seconds.
  await sleep(5000);
  await measureIdle(page, cdp, 'the 1 MiB / 25,000-span workspace');
} finally {
  await env.close();
}
