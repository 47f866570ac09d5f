// Desktop benchmark (not a test): scholion_desktop under a virtual X server (Xvfb, Mesa's software
// OpenGL) restores the 1 MiB / 25,000-span / 2,500-relation workspace from an earlier version's
// saved session and scrolls (SCHOLION_BENCH_SCROLL: a wheel step before every frame) through the
// autosave that follows; prints the worst frame and the longest save work in one frame, median of RUNS.
// Run: node tests/e2e/bench/desktop-scroll-bench.mjs [seconds] [runs] (needs build/native, Xvfb).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, sampleText } from '../harness.mjs';
import { longFrames } from './bench-page.mjs';
import { buildWorkspace } from './workspace.mjs';

const SECONDS = Number(process.argv[2] || 8);
const RUNS = Number(process.argv[3] || 3);
const desktop = process.env.SCHOLION_DESKTOP || path.join(repoRoot, 'build/native/scholion_desktop');
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const p95 = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length * 0.95)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (!fs.existsSync(desktop) || spawnSync('sh', ['-c', 'command -v Xvfb']).status !== 0) {
  console.log('desktop scroll: skipped (needs build/native/scholion_desktop and Xvfb: apt-get install xvfb)');
  process.exit(0);
}

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'assets/schemas/news.json'), 'utf8'));
const template = { format: 'scholion', version: 1, annotator: 'Bench', schema };
const ws = buildWorkspace(template, sampleText);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scholion-scroll-'));
const wsFile = path.join(work, 'big.scholion.json');
fs.writeFileSync(wsFile, JSON.stringify(ws));

const display = `:${80 + (process.pid % 9)}`;
const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
const worst = [], saving = [], cpuWorst = [];
try {
  await sleep(1500);
  for (let run = 0; run < RUNS; run++) {
    // The workspace as the saved session of an earlier version (one JSON file): it is restored
    // at start, and the first save (the scrolling changes the view state) migrates it, writing
    // the whole 25,000-span document record while the scrolling goes on.
    const data = path.join(work, `data-${run}`);
    fs.mkdirSync(path.join(data, 'autosave'), { recursive: true });
    fs.copyFileSync(wsFile, path.join(data, 'autosave', 'autosave_v1_workspace.json'));
    const app = spawn(desktop, [], {
      env: { ...process.env, DISPLAY: display, SCHOLION_FRAME_STATS: '1', SCHOLION_DATA_DIR: data,
        SCHOLION_BENCH_SCROLL: String(SECONDS) },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    app.stdout.on('data', (b) => { out += b.toString(); });
    const t0 = Date.now();
    while (!out.includes('state ') && Date.now() - t0 < 120000) await sleep(200);
    app.kill('SIGTERM');
    await new Promise((r) => app.on('exit', r));
    const lines = out.split('\n');
    const stateAt = lines.findIndex((l) => l.startsWith('state '));
    if (stateAt < 0) throw new Error('the desktop app printed no state');
    const st = JSON.parse(lines[stateAt].slice(6));
    // The first frames open the workspace (not scrolling): from the first frame after it is shown.
    // "frame N <ms on the clock> <ms of the main thread's CPU>"
    const scrollFrames = lines.slice(0, stateAt).filter((l) => l.startsWith('frame ')).slice(3)
      .map((l) => { const f = l.split(' ').map(Number); return { wallMs: f[2], cpuMs: f[3] }; });
    const scrollTimes = scrollFrames.map((f) => f.wallMs);
    const long = longFrames(scrollFrames);
    cpuWorst.push(long.mostCpu);
    worst.push(Math.max(...scrollTimes));
    saving.push(st.saveWorstMs.frame);
    console.log(`  run ${run + 1}: ${scrollTimes.length} frames scrolling, median ${median(scrollTimes).toFixed(1)} ms, ` +
      `p95 ${p95(scrollTimes).toFixed(1)} ms, worst ${Math.max(...scrollTimes).toFixed(1)} ms; save ` +
      `${st.saveError ? 'failed' : st.savePending ? 'pending' : 'done'}, longest save work in one frame ` +
      `${st.saveWorstMs.frame.toFixed(1)} ms (begin ${st.saveWorstMs.begin.toFixed(1)}, step ` +
      `${st.saveWorstMs.step.toFixed(1)}, commit ${st.saveWorstMs.commit.toFixed(1)}); suggestions in one frame: ` +
      `training data ${st.suggestions.prepareMs.toFixed(1)} ms, shown set ${st.suggestions.suggestMs.toFixed(1)} ms, ` +
      `longest training slice ${st.suggestions.worstSliceMs.toFixed(1)} ms; ${st.spans} spans`);
    // The main thread's CPU time tells a frame that worked from one that waited (for Mesa's
    // rasterizer threads, for a core).
    console.log(`         frames: ${long.text}`);
  }
  console.log(`desktop, scrolling through the autosave (Xvfb, software GL), median of ${RUNS}: worst frame ` +
    `${median(worst).toFixed(1)} ms, most CPU in one frame ${median(cpuWorst).toFixed(1)} ms, longest save work in one frame ` +
    `${median(saving).toFixed(1)} ms`);
} finally {
  xvfb.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}
