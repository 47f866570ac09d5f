// Browser benchmark (not a test): what a change of the interface size costs (docs/touch.md). The
// app's frame time (on the clock, window.scholion.frameTimes) of a single Ctrl+wheel step, which
// builds the fonts again at once, against a frame that only moves the mouse; then a spin of 5
// notches 40 ms apart, whose later steps stretch the built fonts until the spin rests (0.25 s)
// and build once more: its frames over 50 ms are counted. Medians of RUNS.
// Run: ./emsdk-build.sh bench, or SCHOLION_SITE=build/web/site node this-file [runs].
import { launch, openApp, frames } from '../harness.mjs';
import { enterName, until } from '../gestures.mjs';

const RUNS = Number(process.argv[2] || 9);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const env = await launch();
const { page, ctx } = await openApp(env, { width: 1400, height: 860 });
await enterName(page, 'Bench');
const times = () => page.evaluate(() => window.scholion.frameTimes());
async function wheel(dy) {
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, dy);
  await page.keyboard.up('Control');
}
const step = [], plain = [], burstSlow = [], burstWorst = [];
for (let run = 0; run < RUNS; run++) {
  await page.mouse.move(700, 400 + (run % 2));
  await sleep(400);
  await times();
  await page.mouse.move(701, 400 + (run % 2));
  await frames(page, 4);
  plain.push(Math.max(...(await times())));
  await wheel(run % 2 ? 100 : -100);
  await frames(page, 4);
  step.push(Math.max(...(await times())));
  await sleep(400);
  await times();
  // A spin of the wheel: a notch every 40 ms, Ctrl held throughout.
  await page.keyboard.down('Control');
  for (let i = 0; i < 5; i++) {
    await page.mouse.wheel(0, run % 2 ? 100 : -100);
    await sleep(40);
  }
  await page.keyboard.up('Control');
  await sleep(600);
  await frames(page, 2);
  const burst = await times();
  burstSlow.push(burst.filter((t) => t > 50).length);
  burstWorst.push(Math.max(...burst));
}
const st = await until(page, () => true);
console.log(`interface size ${st.screen.uiScale * 100}% after ${RUNS} runs`);
console.log(`mouse-move frame: median ${median(plain).toFixed(1)} ms`);
console.log(`single Ctrl+wheel step (fonts built): median ${median(step).toFixed(1)} ms`);
console.log(`run of 5 steps: frames over 50 ms median ${median(burstSlow)}, worst frame median ${median(burstWorst).toFixed(1)} ms`);
await ctx.close();
await env.close();
