// Browser benchmark (not a test): how long the page takes to open, phase by phase, cold (a new
// browser context: empty HTTP and code caches) and warm (a second visit in the same context),
// for the sample, for autosaved 5,000- and 250,000-character documents, and for the one-file
// offline page from file://. Run: ./emsdk-build.sh bench (or SCHOLION_SITE=build/web/site node
// this-file [runs]; SCHOLION_SITES=dirA,dirB compares builds). Prints medians of the runs (5 by
// default, or SCHOLION_BENCH_RUNS).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openApp, siteDir, stopServer } from '../harness.mjs';
import { startServer } from '../../../web/serve.mjs';
import { enterName } from '../gestures.mjs';
import { relationWorkspace } from './workspace.mjs';

const RUNS = Number(process.argv[2] || process.env.SCHOLION_BENCH_RUNS || 5);
// Phases in the order they happen (web/scholion-startup.js, src/platform/host.cpp).
const PHASES = ['script', 'download', 'compile', 'instantiate', 'runtime', 'gl', 'shaders', 'fonts', 'app',
  'ui1', 'frame1', 'ready'];

const median = (v) => {
  const s = v.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// A workspace with one document of `chars` code points (the sample repeated) and `spans` spans
// on words of four letters or more, spread evenly over the text.
function makeWorkspace(template, sample, chars, spans) {
  return { ...relationWorkspace(template, sample, { chars, spans, relations: 0 }), annotator: 'Bench' };
}

// A saved workspace seeded into new contexts: as an earlier version left it in localStorage (the
// page moves it into IndexedDB on its first start, so the warm visit restores from IndexedDB).
async function autosaveOf(env, workspace) {
  const { page, ctx } = await openApp(env);
  await enterName(page, 'Bench');
  const r = await page.evaluate((j) => window.scholion.importJson(j), JSON.stringify(workspace));
  if (!r.ok) throw new Error(r.error);
  const value = await page.evaluate(() => window.scholion.exportJson());
  await ctx.close();
  return [{ name: 'scholion:autosave/v1/workspace', value }];
}

// One visit: navigate, wait for ready, read the phases (ms since navigation).
async function visit(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.scholion && window.scholion.ready, null, { timeout: 120000 });
  const readyAt = await page.evaluate(() => window.scholion.ready.then(() => performance.now()));
  const s = await page.evaluate(() => (window.scholionStartup ? window.scholionStartup() : null));
  const st = await page.evaluate(() => window.scholion.state());
  const phases = s ? s.phases : { ready: readyAt };
  if (s && s.wasm && !('download' in phases)) phases.download = s.wasm.end;
  return { phases, wasm: s && s.wasm, spans: st.spans };
}

// One new context visited twice: { cold, warm }.
async function measureOnce(env, url, storage, expectSpans, withWorker = false) {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 },
    storageState: storage ? { cookies: [], origins: [{ origin: new URL(url).origin, localStorage: storage }] } : undefined });
  const first = await ctx.newPage();
  const cold = await visit(first, url);
  // A site with a service worker: the second visit comes after it took over (as a real one would).
  if (withWorker) await first.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 60000 });
  // The second visit: a new tab after the first one is closed (its unload is not timed).
  await first.close({ runBeforeUnload: true });
  const warm = await visit(await ctx.newPage(), url);
  await ctx.close();
  for (const r of [cold, warm])
    if (expectSpans !== undefined && r.spans !== expectSpans) throw new Error(`expected ${expectSpans} spans, the page has ${r.spans}`);
  return { cold, warm };
}

function column(runs) {
  const out = {};
  for (const p of PHASES) out[p] = median(runs.map((r) => r.phases[p]));
  out['wasm arrived → frame1'] = median(runs.map((r) => r.phases.frame1 - r.phases.download));
  out['wasm arrived → ready'] = median(runs.map((r) => r.phases.ready - r.phases.download));
  return out;
}

function printTable(title, columns) {
  const names = Object.keys(columns);
  console.log(`\n${title}\n| phase (ms since navigation, median of ${RUNS}) | ${names.join(' | ')} |`);
  console.log(`|---|${names.map(() => '---:').join('|')}|`);
  for (const row of Object.keys(columns[names[0]])) {
    const cells = names.map((n) => (Number.isFinite(columns[n][row]) ? columns[n][row].toFixed(0) : '–'));
    if (cells.every((c) => c === '–')) continue;
    console.log(`| ${row} | ${cells.join(' | ')} |`);
  }
}

// SCHOLION_SITES=a,b compares builds: each run visits every site in turn, so that a machine
// whose load changes during the benchmark weighs on all of them alike.
const sites = (process.env.SCHOLION_SITES || siteDir).split(',').map((d) => path.resolve(d));
const env = await launch({ root: sites[0] });
const servers = [];
const scratch = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR || '/tmp'), 'scholion-bench-'));
try {
  const { page, ctx } = await openApp(env);
  const template = JSON.parse(await page.evaluate(() => window.scholion.exportJson()));
  const sampleText = await page.evaluate(() => window.scholion.documentText());
  await ctx.close();
  const smallSave = await autosaveOf(env, makeWorkspace(template, sampleText, 5000, 120));
  const bigSave = await autosaveOf(env, makeWorkspace(template, sampleText, 250000, 6000));
  const runs = [];
  for (const [i, dir] of sites.entries()) {
    const { server, url } = await startServer(dir, 0);
    servers.push(server);
    const copy = path.join(scratch, `Scholion-${i}.html`);
    fs.copyFileSync(path.join(dir, 'scholion-offline.html'), copy);
    const sw = fs.existsSync(path.join(dir, 'sw.js'));
    runs.push({ dir, url, sw, offlineUrl: pathToFileURL(copy).href, sample: [], offline: [], small: [], big: [] });
    console.log(`${dir}: scholion.wasm ${(fs.statSync(path.join(dir, 'scholion.wasm')).size / 1e6).toFixed(2)} MB, ` +
      `offline page ${(fs.statSync(copy).size / 1e6).toFixed(2)} MB`);
  }
  for (let i = 0; i < RUNS; i++) {
    for (const r of runs) {
      r.sample.push(await measureOnce(env, r.url, undefined, undefined, r.sw));
      r.offline.push(await measureOnce(env, r.offlineUrl));
      r.small.push(await measureOnce(env, r.url, smallSave, 120, r.sw));
      r.big.push(await measureOnce(env, r.url, bigSave, 6000, r.sw));
    }
  }
  const cold = (list) => column(list.map((x) => x.cold));
  const warm = (list) => column(list.map((x) => x.warm));
  for (const r of runs) {
    console.log(`\n### ${r.dir} (${RUNS} runs)`);
    printTable('Startup phases', {
      'sample, cold': cold(r.sample), 'sample, warm': warm(r.sample),
      'offline file, cold': cold(r.offline), 'offline file, warm': warm(r.offline),
    });
    printTable('Open an autosaved document (navigation → ready, the document drawn)', {
      '5k chars / 120 spans, cold': cold(r.small), '5k, warm': warm(r.small),
      '250k chars / 6,000 spans, cold': cold(r.big), '250k, warm': warm(r.big),
    });
    const w = r.sample.find((x) => x.cold.wasm)?.cold.wasm;
    if (w) console.log(`\nwasm transfer (cold): ${w.transferSize} bytes on the wire, ${w.decodedBodySize} decoded`);
  }
} finally {
  for (const s of servers) await stopServer(s);
  await env.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
