// Desktop benchmark (not a test): frames drawn and CPU used by scholion_desktop while nobody
// touches it, under a virtual X server (Xvfb, Mesa's software OpenGL). The desktop prints one line
// per frame with SCHOLION_FRAME_STATS=1; CPU comes from /proc. Prints medians of RUNS x SECONDS.
// Run: ./emsdk-build.sh bench, or node this-file [seconds] [runs] (needs build/native and Xvfb).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, sampleText } from '../harness.mjs';

const SECONDS = Number(process.argv[2] || 30);
const RUNS = Number(process.argv[3] || 3);
const desktop = process.env.SCHOLION_DESKTOP || path.join(repoRoot, 'build/native/scholion_desktop');
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (!fs.existsSync(desktop) || spawnSync('sh', ['-c', 'command -v Xvfb']).status !== 0) {
  console.log('desktop idle: skipped (needs build/native/scholion_desktop and Xvfb: apt-get install xvfb)');
  process.exit(0);
}

// CPU seconds (user + system) of a process so far.
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;  // utime, stime in clock ticks (USER_HZ 100)
}

const display = `:${90 + (process.pid % 9)}`;
const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'scholion-idle-'));
// A saved session with a known annotator, so that no name prompt (and its caret) is showing.
fs.mkdirSync(path.join(data, 'autosave'));
fs.writeFileSync(path.join(data, 'autosave', 'autosave_v1_workspace.json'), JSON.stringify({
  format: 'scholion', version: 1, annotator: 'Bench', activeDocument: 0,
  documents: [{ id: 'sample', name: 'beijing-declaration-2000.txt', text: sampleText }],
}));
let app;
try {
  await sleep(1500);
  app = spawn(desktop, [], {
    env: { ...process.env, DISPLAY: display, SCHOLION_FRAME_STATS: '1', SCHOLION_DATA_DIR: data },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let frames = 0;
  app.stdout.on('data', (b) => { frames += b.toString().split('\n').filter((l) => l.startsWith('frame')).length; });
  await sleep(8000);  // started, first frames drawn, nothing else happening
  const fps = [], cpu = [];
  for (let run = 0; run < RUNS; run++) {
    const f0 = frames, c0 = cpuSeconds(app.pid), t0 = Date.now();
    await sleep(SECONDS * 1000);
    const secs = (Date.now() - t0) / 1000;
    fps.push((frames - f0) / secs);
    cpu.push((cpuSeconds(app.pid) - c0) / secs);
  }
  console.log(`desktop idle ${SECONDS} s (Xvfb, software GL), median of ${RUNS}: ` +
    `${median(fps).toFixed(2)} frames/s, CPU ${median(cpu).toFixed(3)} cores (startup: ${frames} frames in all)`);
} finally {
  app?.kill('SIGTERM');
  await sleep(500);
  xvfb.kill('SIGTERM');
  fs.rmSync(data, { recursive: true, force: true });
}
